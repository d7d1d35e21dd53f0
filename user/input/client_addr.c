// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <string.h>

#include "input/client_addr.h"
#include "input/log_fields.h"

int trusted_proxies_add(struct trusted_proxies *t, const char *cidr, struct gh_err *err)
{
	if (t->n >= TRUSTED_PROXIES_MAX)
		return gh_err_input(err, "--trusted-proxy: at most %d", TRUSTED_PROXIES_MAX);
	if (gh_cidr_parse(cidr, &t->cidrs[t->n]))
		return gh_err_input(err, "--trusted-proxy %s: expected a CIDR such as 10.0.0.0/8 "
				    "or 2001:db8::/32", cidr);
	t->n++;
	return 0;
}

bool trusted_proxies_contain(const struct trusted_proxies *t, const struct gh_addr *a)
{
	for (size_t i = 0; i < t->n; i++)
		if (gh_cidr_contains(&t->cidrs[i], a))
			return true;
	return false;
}

/*
 * One hop as proxies write it: "192.0.2.1", "192.0.2.1:5678", "2001:db8::1"
 * or "[2001:db8::1]:443", with spaces around. False for anything else
 * ("unknown", an obfuscated RFC 7239 name).
 */
static bool hop_addr(const char *p, size_t n, struct gh_addr *a)
{
	const char *colon;

	while (n && (*p == ' ' || *p == '\t'))
		p++, n--;
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (n && *p == '[') {
		const char *close = memchr(p, ']', n);

		if (!close)
			return false;
		n = (size_t)(close - p - 1);
		p++;
	} else if ((colon = memchr(p, ':', n)) && !memchr(colon + 1, ':', n - (size_t)(colon - p) - 1)) {
		n = (size_t)(colon - p); /* IPv4 with a port: one colon only */
	}
	/* As the log parser reads addresses: ::ffff:a.b.c.d is IPv4. */
	return n && log_addr(p, n, a);
}

/* The rightmost X-Forwarded-For hop that is no trusted proxy. */
static bool from_forwarded_for(const struct trusted_proxies *t, struct gh_str xff,
			       struct gh_addr *client)
{
	const char *end = xff.p + xff.len;

	for (int hop = 0; hop < CLIENT_ADDR_MAX_HOPS && end > xff.p; hop++) {
		const char *comma = memrchr(xff.p, ',', (size_t)(end - xff.p));
		const char *start = comma ? comma + 1 : xff.p;

		/* Garbage where the client should be: no client, not the hop before it. */
		if (!hop_addr(start, (size_t)(end - start), client))
			return false;
		if (!trusted_proxies_contain(t, client))
			return true;
		if (!comma)
			return false;
		end = comma;
	}
	return false;
}

bool client_addr_resolve(const struct trusted_proxies *t, struct request_record *rec)
{
	struct gh_addr client;

	if (!t->n || !req_has(rec, REQ_SRC_IP) || !trusted_proxies_contain(t, &rec->src))
		return false;
	if (!(req_has(rec, REQ_FORWARDED_FOR) &&
	      from_forwarded_for(t, rec->forwarded_for, &client)) &&
	    !(req_has(rec, REQ_REAL_IP) &&
	      hop_addr(rec->real_ip.p, rec->real_ip.len, &client) &&
	      !trusted_proxies_contain(t, &client)))
		return false;
	rec->proxy = rec->src;
	rec->src = client;
	rec->present |= REQ_BIT(REQ_PROXY_IP);
	return true;
}
