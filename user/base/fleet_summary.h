/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * A fleet summary: what one host saw of the sources that matched its
 * fleet-scope policies (daemon/fleet_detect.h), one message on the stream
 * GH_FLEET_SUMMARY_STREAM under the subject GH_FLEET_SUMMARY_SUBJECT.<origin>.
 * Each count is the host's running total for one policy, source and minute
 * (not an increment), so a message read twice changes nothing:
 *
 *   {"v":1,"origin":"web-1","sent_ms":1767222000123,
 *    "counts":[["fleet-probe-spread","203.0.113.7",29453700,2], ...]}
 *
 * A count is [policy, CIDR, minute (unix seconds / 60), matches]. Every field
 * is checked here, as decisions are (base/fleet_decision.h): a message that
 * does not parse, names a bad CIDR or a minute ahead of the clock is refused
 * whole before anything counts it; a count older than the window is left out
 * (a stream read from its start holds such messages).
 */
#ifndef GATEHAWK_BASE_FLEET_SUMMARY_H
#define GATEHAWK_BASE_FLEET_SUMMARY_H

#include <stdint.h>

#include "base/addr.h"
#include "base/err.h"
#include "base/fleet_decision.h"

#define GH_FLEET_SUMMARY_STREAM "gatehawk-summaries"
#define GH_FLEET_SUMMARY_SUBJECT "gatehawk.summary"
#define GH_FLEET_SUMMARY_VERSION 1
/* Counts in one message; a flush with more sends several. */
#define GH_FLEET_SUMMARY_MAX_COUNTS 256
/* The largest message accepted (and the stream's max message size). */
#define GH_FLEET_SUMMARY_MSG_MAX 32768
/* Policy names as policies have them (engine/policy.h POLICY_NAME_MAX). */
#define GH_FLEET_POLICY_MAX 49
/* Minutes further ahead than the clock slack, or older than this, are refused. */
#define GH_FLEET_SUMMARY_MAX_AGE_S 3600

struct fleet_count {
	char policy[GH_FLEET_POLICY_MAX];
	struct gh_cidr cidr;
	int64_t minute;   /* unix seconds / 60 at the origin */
	uint32_t matches; /* the origin's total for this policy, CIDR and minute */
};

struct fleet_summary {
	char origin[GH_FLEET_NAME_MAX];
	int64_t sent_ms;
	uint32_t n;
	struct fleet_count counts[GH_FLEET_SUMMARY_MAX_COUNTS];
};

/* The JSON of s into buf; its length, or -ENOSPC. */
int fleet_summary_encode(const struct fleet_summary *s, char *buf, size_t len);
/*
 * The summary of a message read on subject (NULL: none to match; else its
 * last token must be the origin) at now_s. FLEET_OK, or the kind of refusal
 * (FLEET_BAD_EXPIRY: a minute out of range) with e naming the field.
 */
enum fleet_reject fleet_summary_decode(const char *subject, const void *data, size_t len,
				       int64_t now_s, struct fleet_summary *out,
				       struct gh_err *e);

#endif /* GATEHAWK_BASE_FLEET_SUMMARY_H */
