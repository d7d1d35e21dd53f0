// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <json-c/json.h>

#include "base/fleet_summary.h"

/* An object holding an array of arrays: nothing deeper is read. */
#define SUMMARY_JSON_DEPTH 4
#define MAX_MATCHES 1000000000LL

int fleet_summary_encode(const struct fleet_summary *s, char *buf, size_t len)
{
	struct json_object *o = json_object_new_object(), *counts = json_object_new_array();
	char cidr[GH_CIDR_STRLEN];
	int n;

	json_object_object_add(o, "v", json_object_new_int(GH_FLEET_SUMMARY_VERSION));
	json_object_object_add(o, "origin", json_object_new_string(s->origin));
	json_object_object_add(o, "sent_ms", json_object_new_int64(s->sent_ms));
	for (uint32_t i = 0; i < s->n; i++) {
		const struct fleet_count *c = &s->counts[i];
		struct json_object *a = json_object_new_array();

		gh_cidr_format(&c->cidr, cidr, sizeof(cidr));
		json_object_array_add(a, json_object_new_string(c->policy));
		json_object_array_add(a, json_object_new_string(cidr));
		json_object_array_add(a, json_object_new_int64(c->minute));
		json_object_array_add(a, json_object_new_int64(c->matches));
		json_object_array_add(counts, a);
	}
	json_object_object_add(o, "counts", counts);
	n = snprintf(buf, len, "%s", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	json_object_put(o);
	return n < 0 || (size_t)n >= len ? -ENOSPC : n;
}

/* A policy's name as the policy parser allows it: [a-z0-9][a-z0-9_-]{0,47}. */
static bool policy_name_valid(const char *s)
{
	size_t n = strlen(s);

	return n && n < GH_FLEET_POLICY_MAX && s[0] != '_' && s[0] != '-' &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_-") == n;
}

static bool int_in(struct json_object *v, int64_t lo, int64_t hi, int64_t *out)
{
	if (!json_object_is_type(v, json_type_int))
		return false;
	*out = json_object_get_int64(v);
	return *out >= lo && *out <= hi;
}

/*
 * counts[i]: [policy, cidr, minute, matches]. A minute older than the
 * window sets *stale (the count is left out: a stream read from its start
 * holds old messages); one ahead of the clock refuses the message.
 */
static enum fleet_reject decode_count(struct json_object *a, int64_t now_s,
				      struct fleet_count *c, bool *stale, struct gh_err *e)
{
	struct json_object *minute;
	struct json_object *policy, *cidr;
	int64_t oldest = (now_s - GH_FLEET_SUMMARY_MAX_AGE_S) / 60;
	int64_t newest = (now_s + GH_FLEET_CLOCK_SLACK_S) / 60, matches;

	if (!json_object_is_type(a, json_type_array) || json_object_array_length(a) != 4) {
		gh_err_input(e, "expected [policy, cidr, minute, matches]");
		return FLEET_BAD_MESSAGE;
	}
	policy = json_object_array_get_idx(a, 0);
	cidr = json_object_array_get_idx(a, 1);
	if (!json_object_is_type(policy, json_type_string) ||
	    !policy_name_valid(json_object_get_string(policy))) {
		gh_err_input(e, "policy: expected a policy name");
		return FLEET_BAD_MESSAGE;
	}
	snprintf(c->policy, sizeof(c->policy), "%s", json_object_get_string(policy));
	if (!int_in(json_object_array_get_idx(a, 3), 1, MAX_MATCHES, &matches)) {
		gh_err_input(e, "matches: expected a whole number from 1 to %lld", MAX_MATCHES);
		return FLEET_BAD_MESSAGE;
	}
	c->matches = (uint32_t)matches;
	if (!json_object_is_type(cidr, json_type_string) ||
	    json_object_get_string_len(cidr) >= GH_CIDR_STRLEN ||
	    gh_cidr_parse(json_object_get_string(cidr), &c->cidr)) {
		gh_err_input(e, "cidr: expected an address or CIDR without host bits");
		return FLEET_BAD_CIDR;
	}
	minute = json_object_array_get_idx(a, 2);
	*stale = int_in(minute, INT64_MIN, oldest - 1, &c->minute);
	if (!*stale && !int_in(minute, oldest, newest, &c->minute)) {
		gh_err_input(e, "minute: expected a minute of the last %d s (%lld to %lld)",
			     GH_FLEET_SUMMARY_MAX_AGE_S, (long long)oldest, (long long)newest);
		return FLEET_BAD_EXPIRY;
	}
	return FLEET_OK;
}

/* origin, sent_ms, and the origin against the subject's last token. */
static int decode_head(struct json_object *o, const char *subject, struct fleet_summary *s,
		       struct gh_err *e)
{
	struct json_object *v;
	size_t prefix_len;
	int64_t version;

	if (!json_object_object_get_ex(o, "v", &v) ||
	    !int_in(v, GH_FLEET_SUMMARY_VERSION, GH_FLEET_SUMMARY_VERSION, &version)) {
		gh_err_field(e, "v");
		return gh_err_input(e, "v: expected %d", GH_FLEET_SUMMARY_VERSION);
	}
	if (!json_object_object_get_ex(o, "origin", &v) || !json_object_is_type(v, json_type_string) ||
	    json_object_get_string_len(v) >= GH_FLEET_NAME_MAX ||
	    !fleet_name_valid(json_object_get_string(v))) {
		gh_err_field(e, "origin");
		return gh_err_input(e, "origin: expected a host name of [A-Za-z0-9._-]");
	}
	snprintf(s->origin, sizeof(s->origin), "%s", json_object_get_string(v));
	/* The whole subject is the prefix and the origin: host names have dots. */
	prefix_len = strlen(GH_FLEET_SUMMARY_SUBJECT);
	if (subject && (strncmp(subject, GH_FLEET_SUMMARY_SUBJECT, prefix_len) ||
			subject[prefix_len] != '.' || strcmp(subject + prefix_len + 1, s->origin))) {
		gh_err_field(e, "origin");
		return gh_err_input(e, "origin: %s is not the host of the subject", s->origin);
	}
	if (!json_object_object_get_ex(o, "sent_ms", &v) || !int_in(v, 0, INT64_MAX, &s->sent_ms)) {
		gh_err_field(e, "sent_ms");
		return gh_err_input(e, "sent_ms: expected a non-negative integer");
	}
	return 0;
}

enum fleet_reject fleet_summary_decode(const char *subject, const void *data, size_t len,
				       int64_t now_s, struct fleet_summary *out,
				       struct gh_err *e)
{
	struct json_object *o, *counts;
	enum fleet_reject r = FLEET_BAD_MESSAGE;
	size_t n;

	out->n = 0;
	out->origin[0] = '\0';
	o = fleet_json_parse(data, len, GH_FLEET_SUMMARY_MSG_MAX, SUMMARY_JSON_DEPTH, e);
	if (!o)
		return r;
	if (!json_object_is_type(o, json_type_object)) {
		gh_err_input(e, "expected a JSON object");
	} else if (!decode_head(o, subject, out, e)) {
		if (!json_object_object_get_ex(o, "counts", &counts) ||
		    !json_object_is_type(counts, json_type_array) ||
		    (n = json_object_array_length(counts)) > GH_FLEET_SUMMARY_MAX_COUNTS) {
			gh_err_field(e, "counts");
			gh_err_input(e, "counts: expected an array of at most %d counts",
				     GH_FLEET_SUMMARY_MAX_COUNTS);
		} else {
			uint32_t kept = 0;
			bool stale;

			r = FLEET_OK;
			for (size_t i = 0; r == FLEET_OK && i < n; i++) {
				r = decode_count(json_object_array_get_idx(counts, i), now_s,
						 &out->counts[kept], &stale, e);
				if (r != FLEET_OK) {
					char field[32];

					snprintf(field, sizeof(field), "counts[%zu]", i);
					gh_err_field(e, field);
				} else if (!stale) {
					kept++;
				}
			}
			out->n = r == FLEET_OK ? kept : 0;
		}
	}
	json_object_put(o);
	return r;
}
