// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * What a policy says about itself rather than about traffic: "references"
 * (CVE ids, advisories; alerts carry them) and "fixtures" (log lines that
 * must and must not make it fire; `gatehawk policy test` replays them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/policy_parse_internal.h"

static char *dup_string(struct diag *d, struct json_object *v, size_t max, const char *what)
{
	size_t len;

	if (!v || !json_object_is_type(v, json_type_string) ||
	    !(len = (size_t)json_object_get_string_len(v)) || len > max) {
		pp_fail(d, what, v);
		return NULL;
	}
	return strndup(json_object_get_string(v), len);
}

static void parse_references(struct diag *d, struct json_object *v, struct policy *p)
{
	size_t n, mark = pp_path_key(d, "references");

	if (!pp_expect_type(d, v, json_type_array, "an array of reference strings") ||
	    (n = json_object_array_length(v)) > POLICY_MAX_REFERENCES || !n) {
		if (v && json_object_is_type(v, json_type_array))
			pp_failf(d, "expected 1 to %d references, got %zu", POLICY_MAX_REFERENCES,
				 json_object_array_length(v));
		pp_path_pop(d, mark);
		return;
	}
	p->references = calloc(n, sizeof(*p->references));
	for (size_t i = 0; p->references && i < n; i++) {
		size_t m = pp_path_push(d, "[%zu]", i);
		char *r = dup_string(d, json_object_array_get_idx(v, i), POLICY_MAX_REFERENCE_LEN,
				     "a non-empty string of at most 512 bytes (a CVE id or URL)");

		if (r)
			p->references[p->n_references++] = r;
		pp_path_pop(d, m);
	}
	pp_path_pop(d, mark);
}

static bool add_line(struct policy_fixture *f, size_t *cap, const char *line, size_t len)
{
	char **grown;

	if (f->n_lines == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		grown = realloc(f->lines, *cap * sizeof(*grown));
		if (!grown)
			return false;
		f->lines = grown;
	}
	return (f->lines[f->n_lines] = strndup(line, len)) && ++f->n_lines;
}

/* {"file": PATH}: kept as a path relative to the policy file's directory. */
static void fixture_file(struct diag *d, struct json_object *v, struct policy_fixture *f)
{
	size_t mark = pp_path_key(d, "file");
	struct json_object *name = pp_member(v, "file");
	if (pp_expect_type(d, name, json_type_string, "a log file path") &&
	    *json_object_get_string(name)) {
		f->file = pp_path_beside(d, json_object_get_string(name));
	} else if (name && json_object_is_type(name, json_type_string)) {
		pp_fail(d, "a non-empty log file path", name);
	}
	pp_path_pop(d, mark);
}

/* One fixture: a log line, an array of lines replayed in order, or {"file": PATH}. */
static void parse_fixture(struct diag *d, struct json_object *v, bool must_fire,
			  struct policy_fixture *f)
{
	static const char *const keys[] = { "file" };
	bool one = v && json_object_is_type(v, json_type_string);
	size_t n = one ? 1 : v && json_object_is_type(v, json_type_array)
				     ? json_object_array_length(v) : 0, cap = 0;

	f->must_fire = must_fire;
	if (v && json_object_is_type(v, json_type_object)) {
		pp_check_keys(d, v, keys, 1, "in a fixture");
		fixture_file(d, v, f);
		return;
	}
	if (!n || n > POLICY_MAX_FIXTURE_LINES) {
		pp_fail(d, "a log line, an array of 1 to 1000 log lines or {\"file\": PATH}", v);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		size_t m = one ? d->plen : pp_path_push(d, "[%zu]", i);
		struct json_object *s = one ? v : json_object_array_get_idx(v, i);

		if (!s || !json_object_is_type(s, json_type_string) ||
		    !json_object_get_string_len(s) || json_object_get_string_len(s) > 65536)
			pp_fail(d, "a log line (a non-empty string)", s);
		else
			add_line(f, &cap, json_object_get_string(s),
				 (size_t)json_object_get_string_len(s));
		pp_path_pop(d, m);
	}
}

static void parse_fixtures(struct diag *d, struct json_object *v, struct policy *p)
{
	static const char *const keys[] = { "match", "no_match" };
	size_t mark = pp_path_key(d, "fixtures"), total = 0;

	if (!pp_expect_type(d, v, json_type_object,
			    "an object {\"match\": [...], \"no_match\": [...]}")) {
		pp_path_pop(d, mark);
		return;
	}
	pp_check_keys(d, v, keys, 2, "in fixtures");
	for (int k = 0; k < 2; k++) {
		struct json_object *list = pp_member(v, keys[k]);

		if (list && json_object_is_type(list, json_type_array))
			total += json_object_array_length(list);
	}
	if (!total || total > POLICY_MAX_FIXTURES) {
		pp_failf(d, "expected 1 to %d fixtures in match and no_match, got %zu",
			 POLICY_MAX_FIXTURES, total);
		pp_path_pop(d, mark);
		return;
	}
	p->fixtures = calloc(total, sizeof(*p->fixtures));
	for (int k = 0; k < 2 && p->fixtures; k++) {
		struct json_object *list = pp_member(v, keys[k]);
		size_t m = pp_path_key(d, keys[k]);

		if (list && pp_expect_type(d, list, json_type_array, "an array of fixtures"))
			for (size_t i = 0; i < json_object_array_length(list); i++) {
				size_t mi = pp_path_push(d, "[%zu]", i);

				parse_fixture(d, json_object_array_get_idx(list, i), k == 0,
					      &p->fixtures[p->n_fixtures++]);
				pp_path_pop(d, mi);
			}
		pp_path_pop(d, m);
	}
	pp_path_pop(d, mark);
}

void pp_parse_meta(struct diag *d, struct json_object *o, struct policy *p)
{
	struct json_object *v;

	if ((v = pp_member(o, "references")))
		parse_references(d, v, p);
	if ((v = pp_member(o, "fixtures")))
		parse_fixtures(d, v, p);
}

void policy_fixture_release(struct policy_fixture *f)
{
	for (size_t j = 0; j < f->n_lines; j++)
		free(f->lines[j]);
	free(f->lines);
	free(f->file);
	f->lines = NULL;
	f->file = NULL;
	f->n_lines = 0;
}

void pp_free_meta(struct policy *p)
{
	for (size_t i = 0; i < p->n_references; i++)
		free(p->references[i]);
	free(p->references);
	for (size_t i = 0; i < p->n_fixtures; i++)
		policy_fixture_release(&p->fixtures[i]);
	free(p->fixtures);
}
