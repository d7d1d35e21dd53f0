// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * kind profile: features, window, min_requests and the model file. The
 * model is loaded here, at load, so a model that does not parse, or was
 * trained for other settings, rejects the set like any other mistake; a
 * model not trained yet only skips the policy, with a note.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/endpoint_model.h"
#include "engine/model.h"
#include "engine/policy_parse_internal.h"

#define PROFILE_DEFAULT_MIN_REQUESTS 20
#define PROFILE_MAX_WINDOW_S 86400

static const char *const type_names[] = { "kde", "pca", "endpoint" };

const char *profile_type_name(enum profile_type t) { return type_names[t]; }

static void parse_features(struct diag *d, struct json_object *o, struct policy_profile *pr)
{
	struct json_object *v = pp_member(o, "features");
	size_t mark = pp_path_key(d, "features"), n;
	char what[1024];
	size_t used = 0;

	used += (size_t)snprintf(what, sizeof(what), "a feature name (");
	for (int f = 0; f < FEAT_COUNT && used < sizeof(what); f++)
		used += (size_t)snprintf(what + used, sizeof(what) - used, "%s%s", f ? ", " : "",
					 profile_feature_name(f));
	if (used < sizeof(what))
		snprintf(what + used, sizeof(what) - used, ")");
	if (!json_object_is_type(v, json_type_array) || !(n = json_object_array_length(v)) ||
	    n > PROFILE_MAX_FEATURES) {
		pp_fail(d, "an array of 1 to 32 feature names, such as [\"rate\", \"share_404\"]", v);
		pp_path_pop(d, mark);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		struct json_object *item = json_object_array_get_idx(v, i);
		size_t m2 = pp_path_push(d, "[%zu]", i);
		int f = json_object_is_type(item, json_type_string)
				? profile_feature_by_name(json_object_get_string(item))
				: -1;

		for (uint8_t j = 0; f >= 0 && j < pr->n_features; j++)
			if (pr->features[j] == (enum profile_feature)f) {
				pp_fail(d, "each feature once", item);
				f = -2;
			}
		if (f == -1)
			pp_fail(d, what, item);
		else if (f >= 0)
			pr->features[pr->n_features++] = f;
		pp_path_pop(d, m2);
	}
	pp_path_pop(d, mark);
}

/* "model": {"type": ..., "file": ...} */
static void parse_model(struct diag *d, struct json_object *o, struct policy_profile *pr)
{
	static const char *const keys[] = { "type", "file" };
	struct json_object *v = pp_member(o, "model"), *file;
	size_t mark = pp_path_key(d, "model");
	int type;

	if (!pp_expect_type(d, v, json_type_object,
			    "an object such as {\"type\": \"kde\", \"file\": \"models/NAME.json\"}")) {
		pp_path_pop(d, mark);
		return;
	}
	pp_check_keys(d, v, NAMES(keys), "in a profile model");
	type = pp_member_enum(d, v, "type", NAMES(type_names), -1);
	pr->type = type < 0 ? PROFILE_KDE : type;
	file = pp_member(v, "file");
	pp_path_key(d, "file");
	if (json_object_is_type(file, json_type_string) && *json_object_get_string(file))
		pr->model_file = pp_path_beside(d, json_object_get_string(file));
	else
		pp_fail(d, "a model file path (absolute, or relative to this policy's directory)",
			file);
	pp_path_pop(d, mark);
}

struct json_object *policy_profile_signature(const struct policy *p)
{
	const struct policy_profile *pr = &p->profile;
	struct json_object *o = json_object_new_object(), *a;

	if (!o)
		return NULL;
	json_object_object_add(o, "policy", json_object_new_string(p->name));
	json_object_object_add(o, "type", json_object_new_string(type_names[pr->type]));
	if (pr->type != PROFILE_ENDPOINT) {
		a = json_object_new_array();
		for (uint8_t i = 0; i < pr->n_features; i++)
			json_object_array_add(a, json_object_new_string(
							 profile_feature_name(pr->features[i])));
		json_object_object_add(o, "features", a);
		json_object_object_add(o, "window_s", json_object_new_int64((int64_t)p->window.length_s));
		json_object_object_add(o, "min_requests", json_object_new_int64(pr->min_requests));
	}
	a = json_object_new_array();
	for (uint8_t i = 0; i < p->window.n_group; i++)
		json_object_array_add(a, json_object_new_string(req_field_name(p->window.group_by[i])));
	json_object_object_add(o, "group_by", a);
	json_object_object_add(o, "prefix_v4", json_object_new_int(p->prefix_v4));
	json_object_object_add(o, "prefix_v6", json_object_new_int(p->prefix_v6));
	return o;
}

/* The model's meta.profile against what this policy would train now. */
static void check_signature(struct diag *d, struct policy *p, struct json_object *meta)
{
	struct json_object *want = policy_profile_signature(p);
	struct json_object *got = meta ? pp_member(meta, "profile") : NULL;

	if (want && !json_object_equal(want, got)) {
		char g[GOT_MAX + 8];

		pp_got_text(got, g, sizeof(g));
		pp_failf(d, "expected a model trained for this policy's settings %s, got %s in %s; "
			 "retrain: gatehawk train --policy %s LOG...",
			 json_object_to_json_string_ext(want, JSON_C_TO_STRING_PLAIN), g,
			 p->profile.model_file, d->file);
	}
	json_object_put(want);
}

static void load_model(struct diag *d, struct policy *p)
{
	struct policy_profile *pr = &p->profile;
	struct json_object *meta = NULL;
	struct gh_err err = { 0 };
	size_t mark = pp_path_push(d, "model.file");
	int rc;

	if (pr->type == PROFILE_ENDPOINT)
		rc = endpoint_model_load(pr->model_file, &pr->endpoint, &meta, &err);
	else
		rc = model_load(pr->model_file, &pr->model, &meta, &err);
	if (rc == -ENOENT && !err.input) {
		pp_note(d, "%s not trained yet, policy skipped until it is: gatehawk train "
			"--policy %s LOG...", pr->model_file, d->file);
	} else if (rc) {
		pp_failf(d, "expected a model file gatehawk train wrote, got: %s", err.msg);
	} else {
		check_signature(d, p, meta);
		if (pr->type != PROFILE_ENDPOINT && model_dims(pr->model) != pr->n_features)
			pp_failf(d, "expected a model of %u features, got %zu in %s",
				 pr->n_features, model_dims(pr->model), pr->model_file);
	}
	json_object_put(meta);
	pp_path_pop(d, mark);
}

void pp_parse_profile(struct parser *ps, struct json_object *o, struct policy *p)
{
	struct policy_profile *pr = &p->profile;
	struct diag *d = &ps->d;
	double min_requests = PROFILE_DEFAULT_MIN_REQUESTS;

	pp_parse_grouping(ps, o, p);
	parse_model(d, o, pr);
	p->window.tumbling = true;
	if (pr->type == PROFILE_ENDPOINT) {
		/* One request at a time: no window, no features. */
		static const char *const per_window[] = { "window", "features", "min_requests" };

		for (size_t i = 0; i < sizeof(per_window) / sizeof(per_window[0]); i++)
			if (pp_member(o, per_window[i])) {
				size_t mark = pp_path_key(d, per_window[i]);

				pp_fail(d, "nothing: an endpoint model scores single requests",
					pp_member(o, per_window[i]));
				pp_path_pop(d, mark);
			}
	} else {
		parse_features(d, o, pr);
		if (pp_member_duration(d, o, "window", true, 60, &p->window.length_s) &&
		    p->window.length_s > PROFILE_MAX_WINDOW_S) {
			size_t mark = pp_path_key(d, "window");

			pp_fail(d, "a duration from 1m to 24h", pp_member(o, "window"));
			pp_path_pop(d, mark);
		}
		pp_member_number(d, o, "min_requests", false, 2, 1e6, true,
				 "a whole number of requests from 2 to 1000000", &min_requests);
		pr->min_requests = (uint32_t)min_requests;
	}
	if (!d->errors && pr->model_file && !ps->untrained)
		load_model(d, p);
}

void pp_free_profile(struct policy_profile *pr)
{
	free(pr->model_file);
	model_free(pr->model);
	endpoint_model_free(pr->endpoint);
}
