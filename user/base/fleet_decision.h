/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * A fleet decision: one block or unblock shared by every host of a fleet
 * (daemon/fleet.h), as the JSON value of a key-value entry whose key is the
 * CIDR (fleet_key). Every field that crosses the wire is checked here, so a
 * message that does not parse, names a bad CIDR or an expiry in the past
 * (or beyond GH_FLEET_MAX_TTL_S) is refused before anything acts on it:
 *
 *   {"v":1,"action":"block","cidr":"203.0.113.7","origin":"web-1",
 *    "expires_at":1767225600,"decided_ms":1767222000123,
 *    "policy":"scanner-404","reason":"","severity":"high"}
 *
 * expires_at is the wall clock in seconds (hosts agree on it, not on their
 * boot clocks); decided_ms is when the origin decided, for the lag.
 */
#ifndef GATEHAWK_BASE_FLEET_DECISION_H
#define GATEHAWK_BASE_FLEET_DECISION_H

#include <stdint.h>

#include "base/addr.h"
#include "base/err.h"

#define GH_FLEET_VERSION 1
/* A decision lives at most this long in the fleet (the bucket's max age too):
 * a block without expiry reaches the other hosts as a block of this length. */
#define GH_FLEET_MAX_TTL_S (30ULL * 86400)
/* Clocks of the fleet may disagree by this much. */
#define GH_FLEET_CLOCK_SLACK_S 300
/* The largest value accepted from the wire. */
#define GH_FLEET_MSG_MAX 2048
/* Host names (origin): [A-Za-z0-9._-], 1..63 bytes. */
#define GH_FLEET_NAME_MAX 64
/* policy and reason: printable ASCII, at most 63 bytes (a reason-map text). */
#define GH_FLEET_TEXT_MAX 64
/* A key: the CIDR with ':' as '_' (NATS keys have no ':'). */
#define GH_FLEET_KEY_MAX GH_CIDR_STRLEN

enum fleet_action { FLEET_BLOCK, FLEET_UNBLOCK };

struct fleet_decision {
	enum fleet_action action;
	struct gh_cidr cidr;
	char origin[GH_FLEET_NAME_MAX];
	int64_t expires_at;  /* unix seconds; 0 for an unblock */
	int64_t decided_ms;  /* unix milliseconds at the origin; 0: unknown */
	char policy[GH_FLEET_TEXT_MAX];  /* "" for a manual decision */
	char reason[GH_FLEET_TEXT_MAX];
	char severity[16];               /* low|medium|high|critical or "" */
};

/* Why a message was refused: counted per kind by the daemon. */
enum fleet_reject {
	FLEET_OK,
	FLEET_BAD_MESSAGE, /* not JSON, a missing or mistyped field, a bad text */
	FLEET_BAD_CIDR,    /* not a CIDR, host bits set, or not the key's */
	FLEET_BAD_EXPIRY,  /* a block already expired, or beyond the fleet's max */
};

/* The key of a CIDR; 0 or -ENOSPC. */
int fleet_key(const struct gh_cidr *c, char *buf, size_t len);
/* The CIDR of a key (a delete marker carries nothing else); 0 or -EINVAL. */
int fleet_key_parse(const char *key, struct gh_cidr *out);
/* Whether s is a valid host name for origin (--fleet-name). */
bool fleet_name_valid(const char *s);

/* The JSON value of d into buf; its length, or -ENOSPC. */
int fleet_decision_encode(const struct fleet_decision *d, char *buf, size_t len);
/*
 * The decision of a value read under key (NULL: no key to match) at now_s
 * (unix seconds). FLEET_OK, or the kind of refusal with e saying which field
 * and why.
 */
enum fleet_reject fleet_decision_decode(const char *key, const void *data, size_t len,
					int64_t now_s, struct fleet_decision *out,
					struct gh_err *e);

/*
 * The one JSON value of a message of at most max bytes (no NUL, nesting at
 * most depth), for this file and fleet_summary.c; NULL with e saying why.
 */
struct json_object;
struct json_object *fleet_json_parse(const void *data, size_t len, size_t max, int depth,
				     struct gh_err *e);

#endif /* GATEHAWK_BASE_FLEET_DECISION_H */
