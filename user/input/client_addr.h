/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The client behind trusted reverse proxies (`--trusted-proxy CIDR`). A
 * request whose source is a trusted proxy is the proxy's, not the client's:
 * the client is the rightmost address of X-Forwarded-For that is not itself
 * a trusted proxy (each proxy appends the address it saw, so everything left
 * of that is the client's own claim and may be forged), or X-Real-IP when
 * X-Forwarded-For names none. The proxy's address moves to proxy_ip, so an
 * alert says which proxy the request came through; a trusted proxy is also
 * never blocked (daemon/enforcer.h).
 */
#ifndef GATEHAWK_INPUT_CLIENT_ADDR_H
#define GATEHAWK_INPUT_CLIENT_ADDR_H

#include <stdbool.h>
#include <stddef.h>

#include "base/addr.h"
#include "base/err.h"
#include "input/request.h"

#define TRUSTED_PROXIES_MAX 64
/* X-Forwarded-For entries looked at, from the right. */
#define CLIENT_ADDR_MAX_HOPS 16

struct trusted_proxies {
	size_t n;
	struct gh_cidr cidrs[TRUSTED_PROXIES_MAX];
};

/* Add one CIDR (host bits refused); -EINVAL with err for bad input. */
int trusted_proxies_add(struct trusted_proxies *t, const char *cidr, struct gh_err *err);
bool trusted_proxies_contain(const struct trusted_proxies *t, const struct gh_addr *a);

/*
 * When rec's source is a trusted proxy and the headers name a client: the
 * client becomes src_ip, the proxy proxy_ip; true. Otherwise rec is left
 * as it is (a request from a proxy that named no client stays the proxy's).
 */
bool client_addr_resolve(const struct trusted_proxies *t, struct request_record *rec);

#endif /* GATEHAWK_INPUT_CLIENT_ADDR_H */
