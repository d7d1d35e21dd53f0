// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * kind crs: the OWASP Core Rule Set as a policy. The rules are opened here,
 * at load, so a rules directory or setup file that does not load rejects the
 * set like any other mistake (and a running daemon keeps its old set).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/crs.h"
#include "engine/policy_parse_internal.h"

/* An optional path member, relative to the policy file's directory. */
static char *member_path(struct diag *d, struct json_object *o, const char *key)
{
	struct json_object *v = pp_member(o, key);
	size_t mark = pp_path_key(d, key);
	char *out = NULL;

	if (v && json_object_is_type(v, json_type_string) && *json_object_get_string(v))
		out = pp_path_beside(d, json_object_get_string(v));
	else if (v)
		pp_fail(d, "a path (absolute, or relative to this policy's directory)", v);
	pp_path_pop(d, mark);
	return out;
}

/* "exclude": rule ids, as SecRuleRemoveById takes them. */
static size_t parse_exclude(struct diag *d, struct json_object *o, unsigned int *ids)
{
	struct json_object *v = pp_member(o, "exclude");
	size_t mark = pp_path_key(d, "exclude"), n = 0;
	double id;

	if (v && pp_expect_type(d, v, json_type_array, "an array of CRS rule ids")) {
		if (json_object_array_length(v) > CRS_MAX_EXCLUDE)
			pp_failf(d, "expected at most %d rule ids, got %zu", CRS_MAX_EXCLUDE,
				 json_object_array_length(v));
		for (size_t i = 0; i < json_object_array_length(v) && n < CRS_MAX_EXCLUDE; i++) {
			size_t m = pp_path_push(d, "[%zu]", i);
			struct json_object *x = json_object_array_get_idx(v, i);

			if (pp_json_number(x, &id) && id >= 1 && id <= 9999999 && id == (unsigned int)id)
				ids[n++] = (unsigned int)id;
			else
				pp_fail(d, "a rule id such as 942100", x);
			pp_path_pop(d, m);
		}
	}
	pp_path_pop(d, mark);
	return n;
}

/* One name of "by" as its crs_sign bit; 0 (reported) when it is none. */
static unsigned int sign_bit(struct diag *d, struct json_object *x)
{
	const char *name = json_object_is_type(x, json_type_string) ? json_object_get_string(x) : "";

	for (unsigned int bit = 1; bit & CRS_SIGNS_ALL; bit <<= 1)
		if (!strcmp(name, crs_sign_name(bit)))
			return bit;
	pp_fail(d, "a sign: error_status or no_referer", x);
	return 0;
}

/*
 * "corroborated": {"threshold": N, "by": [signs]}: from N up to the
 * threshold, a record flags only when it shows one of the signs.
 */
static void parse_corroborated(struct diag *d, struct json_object *o, double threshold,
			       struct crs_options *opts)
{
	static const char *const keys[] = { "threshold", "by" };
	struct json_object *v = pp_member(o, "corroborated"), *by;
	size_t mark = pp_path_key(d, "corroborated");
	double level = 0;

	if (v && pp_expect_type(d, v, json_type_object,
				"{\"threshold\": N, \"by\": [\"error_status\", \"no_referer\"]}")) {
		pp_check_keys(d, v, NAMES(keys), "in corroborated");
		if (pp_member_number(d, v, "threshold", true, 1, threshold - 1, true,
				     "a score from 1 to one below the policy's threshold", &level))
			opts->corroborated_threshold = (unsigned int)level;
		by = pp_member(v, "by");
		pp_path_key(d, "by"); /* popped with corroborated's mark */
		if (!by || !json_object_is_type(by, json_type_array) ||
		    !json_object_array_length(by))
			pp_fail(d, "a non-empty array of signs (error_status, no_referer)", by);
		for (size_t i = 0; by && json_object_is_type(by, json_type_array) &&
				   i < json_object_array_length(by); i++) {
			size_t m = pp_path_push(d, "[%zu]", i);

			opts->corroborate_by |= sign_bit(d, json_object_array_get_idx(by, i));
			pp_path_pop(d, m);
		}
	}
	pp_path_pop(d, mark);
}

static void crs_failed(struct diag *d, const struct gh_err *err)
{
	pp_failf(d, "expected OWASP CRS rules that load (make deps installs modsecurity-crs), "
		 "got: %s", err->msg);
}

int pp_crs_wait(struct policy *p, const struct policy_report *rep)
{
	struct diag d = { .file = p->file, .rep = rep };
	struct gh_err err = { 0 };
	int ret = p->crs.engine ? crs_wait(p->crs.engine, &err) : 0;

	if (ret)
		crs_failed(&d, &err);
	return ret;
}

void pp_parse_crs(struct diag *d, struct json_object *o, struct policy *p, const char *cache_dir)
{
	unsigned int ids[CRS_MAX_EXCLUDE];
	struct crs_options opts = { 0 };
	struct gh_err err = { 0 };
	double paranoia = 1, threshold = CRS_DEFAULT_THRESHOLD;
	double max_per_second = CRS_DEFAULT_MAX_PER_SECOND;
	char *rules_dir, *setup;

	pp_member_number(d, o, "paranoia", false, 1, 4, true, "a paranoia level from 1 to 4",
			 &paranoia);
	pp_member_number(d, o, "threshold", false, 1, 10000, true,
			 "an anomaly score threshold from 1 to 10000", &threshold);
	pp_member_number(d, o, "max_per_second", false, 0, 1000000, true,
			 "ModSecurity runs per second from 0 (no limit) to 1000000",
			 &max_per_second);
	parse_corroborated(d, o, threshold, &opts);
	opts.n_exclude = parse_exclude(d, o, ids);
	opts.exclude_ids = ids;
	rules_dir = member_path(d, o, "rules_dir");
	setup = member_path(d, o, "setup");
	opts.rules_dir = rules_dir;
	opts.setup_file = setup;
	opts.paranoia = p->crs.paranoia = (unsigned int)paranoia;
	opts.threshold = p->crs.threshold = (unsigned int)threshold;
	opts.max_per_second = p->crs.max_per_second = (unsigned int)max_per_second;
	opts.cache_dir = cache_dir;
	/* Its prefilter compiles beside the set's patterns (pp_crs_wait). */
	opts.prefilter_later = true;
	/* Opening costs about a second: only a policy that is otherwise valid. */
	if (!d->errors && crs_open(&opts, &p->crs.engine, &err)) {
		crs_failed(d, &err);
		p->crs.engine = NULL;
	}
	free(rules_dir);
	free(setup);
}
