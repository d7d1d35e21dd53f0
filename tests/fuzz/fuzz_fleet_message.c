// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * libFuzzer target for what other hosts of a fleet send: decision values
 * (base/fleet_decision.h) and summary messages (base/fleet_summary.h). The
 * first byte picks which and whether a key or subject comes with it; the
 * rest is the message. Beyond "no crash" under ASan and UBSan it traps on any
 * broken promise of the two headers:
 *  - a refusal says why (a message), and is one of the refusal kinds;
 *  - an accepted decision names a host of [A-Za-z0-9._-], a CIDR without
 *    host bits (the key's, when a key came), a block expiring after now and
 *    no later than the fleet's longest block plus the clock slack, an unblock
 *    with no expiry, a known severity or none;
 *  - an accepted summary has at most GH_FLEET_SUMMARY_MAX_COUNTS counts, each
 *    a named policy, a CIDR without host bits and a minute inside the window;
 *  - whatever is accepted encodes, and decodes again to the same thing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/fleet_decision.h"
#include "base/fleet_summary.h"
#include "fuzz_checks.h"

/* A fixed "now", so a crash reproduces. */
#define NOW_S 1767222000LL

static const char *const severities[] = { "", "low", "medium", "high", "critical" };

static bool cidr_same(const struct gh_cidr *a, const struct gh_cidr *b)
{
	return a->prefixlen == b->prefixlen && gh_addr_equal(&a->addr, &b->addr);
}

static bool cidr_canonical(const struct gh_cidr *c)
{
	struct gh_cidr again;
	char text[GH_CIDR_STRLEN + 1];

	gh_cidr_format(c, text, sizeof(text));
	return !gh_cidr_parse(text, &again) && cidr_same(&again, c);
}

static bool severity_known(const char *s)
{
	for (size_t i = 0; i < sizeof(severities) / sizeof(severities[0]); i++)
		if (!strcmp(s, severities[i]))
			return true;
	return false;
}

static bool same_decision(const struct fleet_decision *a, const struct fleet_decision *b)
{
	return a->action == b->action && cidr_same(&a->cidr, &b->cidr) &&
	       !strcmp(a->origin, b->origin) && a->expires_at == b->expires_at &&
	       a->decided_ms == b->decided_ms && !strcmp(a->policy, b->policy) &&
	       !strcmp(a->reason, b->reason) && !strcmp(a->severity, b->severity);
}

static void fuzz_decision(const char *key, const char *msg, size_t len)
{
	static struct fleet_decision d, again;
	struct gh_err e = { 0 };
	char out[GH_FLEET_MSG_MAX];
	enum fleet_reject r = fleet_decision_decode(key, msg, len, NOW_S, &d, &e);
	int n;

	check(r >= FLEET_OK && r <= FLEET_BAD_EXPIRY);
	if (r != FLEET_OK) {
		check(e.msg[0]);
		return;
	}
	check(fleet_name_valid(d.origin));
	check(cidr_canonical(&d.cidr));
	if (key) {
		char want[GH_FLEET_KEY_MAX];

		check(!fleet_key(&d.cidr, want, sizeof(want)) && !strcmp(want, key));
	}
	if (d.action == FLEET_BLOCK)
		check(d.expires_at > NOW_S &&
		      d.expires_at - NOW_S <=
			      (int64_t)(GH_FLEET_MAX_TTL_S + GH_FLEET_CLOCK_SLACK_S));
	else
		check(d.action == FLEET_UNBLOCK && d.expires_at == 0);
	check(severity_known(d.severity));
	n = fleet_decision_encode(&d, out, sizeof(out));
	check(n > 0 && (size_t)n < sizeof(out));
	check(fleet_decision_decode(key, out, (size_t)n, NOW_S, &again, &e) == FLEET_OK);
	check(same_decision(&d, &again));
}

static bool same_summary(const struct fleet_summary *a, const struct fleet_summary *b)
{
	if (strcmp(a->origin, b->origin) || a->sent_ms != b->sent_ms || a->n != b->n)
		return false;
	for (uint32_t i = 0; i < a->n; i++) {
		const struct fleet_count *x = &a->counts[i], *y = &b->counts[i];

		if (strcmp(x->policy, y->policy) || !cidr_same(&x->cidr, &y->cidr) ||
		    x->minute != y->minute || x->matches != y->matches)
			return false;
	}
	return true;
}

static void fuzz_summary(const char *subject, const char *msg, size_t len)
{
	/* Large: static, and two of them for the round trip. */
	static struct fleet_summary s, again;
	static char out[GH_FLEET_SUMMARY_MSG_MAX * 2];
	struct gh_err e = { 0 };
	enum fleet_reject r = fleet_summary_decode(subject, msg, len, NOW_S, &s, &e);
	int n;

	check(r >= FLEET_OK && r <= FLEET_BAD_EXPIRY);
	if (r != FLEET_OK) {
		check(e.msg[0]);
		return;
	}
	check(fleet_name_valid(s.origin));
	check(s.n <= GH_FLEET_SUMMARY_MAX_COUNTS);
	for (uint32_t i = 0; i < s.n; i++) {
		const struct fleet_count *c = &s.counts[i];

		check(c->policy[0] && strlen(c->policy) < sizeof(c->policy));
		check(cidr_canonical(&c->cidr));
		check(c->minute >= (NOW_S - GH_FLEET_SUMMARY_MAX_AGE_S) / 60 &&
		      c->minute <= (NOW_S + GH_FLEET_CLOCK_SLACK_S) / 60);
	}
	n = fleet_summary_encode(&s, out, sizeof(out));
	check(n > 0 && (size_t)n < sizeof(out));
	check(fleet_summary_decode(subject, out, (size_t)n, NOW_S, &again, &e) == FLEET_OK);
	check(same_summary(&s, &again));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* With a key or subject, it is the one the message should carry:
	 * a wrong one is refused, and that path is fuzzed by the message's
	 * own CIDR or origin differing from these. */
	static const char *const keys[] = { NULL, "203.0.113.7", "2001_db8__/32" };
	static const char *const subjects[] = { NULL, GH_FLEET_SUMMARY_SUBJECT ".web-1" };
	char *msg;
	uint8_t pick;

	if (!size)
		return 0;
	pick = data[0];
	/* An exact-size copy, so ASan sees a read past the end. */
	msg = malloc(size - 1 ? size - 1 : 1);
	if (!msg)
		abort();
	memcpy(msg, data + 1, size - 1);
	if (pick & 1)
		fuzz_summary(subjects[(pick >> 1) % 2], msg, size - 1);
	else
		fuzz_decision(keys[(pick >> 1) % 3], msg, size - 1);
	free(msg);
	return 0;
}
