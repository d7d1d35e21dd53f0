/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Shared by the policy parser's files only (policy_parse*.c): the parse
 * state, the message and typed-getter helpers (policy_parse_diag.c) and
 * each part's entry point. Not part of the engine's interface.
 */
#ifndef GATEHAWK_POLICY_PARSE_INTERNAL_H
#define GATEHAWK_POLICY_PARSE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <json-c/json.h>

#include "engine/policy.h"

#define GOT_MAX 72 /* bytes of an offending value quoted in a message */
/* json-c's own nesting limit; predicates are refused past PRED_MAX_DEPTH first. */
#define PP_JSON_MAX_DEPTH (PRED_MAX_DEPTH + 16)

struct diag {
	const char *file;
	const struct policy_report *rep;
	int errors;
	char path[256]; /* field path of what is being read, e.g. window.length */
	size_t plen;
};

struct pp_patterns;

/* Named regex fragments a policy may declare (policy_parse_patterns.c). */
#define POLICY_MAX_PATTERNS 32
#define POLICY_PATTERN_NAME_MAX 32

struct parser {
	struct diag d;
	struct regex_set *rs;
	struct pred_arena *arena;
	struct pp_patterns *patterns; /* the policy's "patterns", NULL when it has none */
	int depth; /* predicate nesting */
	bool untrained; /* leave profile models unloaded (policy_load_opts.untrained) */
	uint8_t ipv6_prefix; /* the set's IPv6 default (policy_load_opts.ipv6_prefix) */
};

#define NAMES(a) a, sizeof(a) / sizeof(a[0])

/* ---- messages (each counts an error) ------------------------------------- */

/* "FILE: PATH: " then the formatted text. */
void pp_failf(struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "FILE: PATH: note: " then the text; not an error (the set still loads). */
void pp_note(struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "FILE: PATH: expected WHAT, got VALUE". */
void pp_fail(struct diag *d, const char *expected, struct json_object *got);
/* The offending value as JSON, cut short at GOT_MAX on a UTF-8 boundary. */
void pp_got_text(struct json_object *v, char *buf, size_t len);
/* Extend the field path; returns the mark pp_path_pop goes back to. */
size_t pp_path_push(struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
size_t pp_path_key(struct diag *d, const char *key);
void pp_path_pop(struct diag *d, size_t mark);

/* ---- typed getters: each reports its own problem and returns false ------ */

/* Refuse keys not in allowed (a typo must not silently disable a rule). */
void pp_check_keys(struct diag *d, struct json_object *o, const char *const *allowed, size_t n,
		   const char *what);
struct json_object *pp_member(struct json_object *o, const char *key);
bool pp_json_number(struct json_object *v, double *out);
bool pp_expect_type(struct diag *d, struct json_object *v, enum json_type t, const char *what);
/* Optional enum member: dflt when absent (dflt < 0: required); -1 when bad. */
int pp_member_enum(struct diag *d, struct json_object *o, const char *key,
		   const char *const *names, size_t n, int dflt);
bool pp_member_duration(struct diag *d, struct json_object *o, const char *key, bool required,
			uint64_t min_s, uint64_t *out);
/* A number in [lo, hi]; integral when want_int. */
bool pp_member_number(struct diag *d, struct json_object *o, const char *key, bool required,
		      double lo, double hi, bool want_int, const char *what, double *out);
bool pp_member_name(struct diag *d, struct json_object *o, const char *key, char *out);
/*
 * A file a policy names (list, fixture, CRS rules): absolute as given, else
 * beside the policy file. malloc'd; NULL on -ENOMEM.
 */
char *pp_path_beside(const struct diag *d, const char *name);
/*
 * A record field by name whose type is in the mask types; -1 otherwise,
 * reported as "expected WHAT (f1, f2, ...)" listing the fields of those types.
 */
int pp_field_value(struct diag *d, struct json_object *v, unsigned int types, const char *what);

/*
 * Report every key given twice in one object of text, which json-c has just
 * parsed (policy_parse_keys.c). 0 or -ENOMEM.
 */
int pp_check_duplicate_keys(struct diag *d, const char *text, size_t len);

/* ---- parts ---------------------------------------------------------------- */

/* "patterns" of the policy o into ps->patterns, each checked; before its predicates. */
void pp_parse_patterns(struct parser *ps, struct json_object *o);
/*
 * A regex leaf's text with each {{name}} replaced by (?:fragment): *out NULL
 * when it has none, else malloc'd (*out_len bytes, NUL-terminated). -EINVAL
 * (reported) for a name the policy does not declare, -ENOMEM.
 */
int pp_expand_patterns(struct parser *ps, const char *in, size_t len, char **out,
		       size_t *out_len);
/* After the policy's predicates: report patterns no leaf used, free them. */
void pp_finish_patterns(struct parser *ps);

/* A predicate member (key NULL: o itself): parsed, finished, NULL when absent or bad
 * (policy_parse_pred.c). */
struct pred *pp_member_pred(struct parser *ps, struct json_object *o, const char *key,
			    bool required);
/* A prefix length the policy did not give; pp_resolve_lengths replaces it. */
#define PREFIX_UNSAID UINT8_MAX
/* {"ipv4": N, "ipv6": N}, each optional: PREFIX_UNSAID when absent (policy_parse_action.c). */
void pp_parse_prefixes(struct diag *d, struct json_object *o, const char *key, uint8_t *v4,
		       uint8_t *v6);
/* The action; its scope lengths left PREFIX_UNSAID where it gives none. */
void pp_parse_action(struct diag *d, struct json_object *o, struct policy_action *a);
/* Grouping prefix and block scope the policy did not give, from ipv6_default (struct policy). */
void pp_resolve_lengths(struct policy *p, uint8_t ipv6_default);
/* paranoia, threshold, exclude, rules_dir, setup; opens the CRS (policy_parse_crs.c). */
void pp_parse_crs(struct diag *d, struct json_object *o, struct policy *p, const char *cache_dir);
/* The prefilter pp_parse_crs left compiling: 0, or its -errno with the failure reported. */
int pp_crs_wait(struct policy *p, const struct policy_report *rep);
/* "references" and "fixtures", optional in every kind (policy_parse_meta.c). */
void pp_parse_meta(struct diag *d, struct json_object *o, struct policy *p);
void pp_free_meta(struct policy *p);
/*
 * filter and group_by (default src_ip) into p->window, the check that a
 * prefix has src_ip to shape and that a block has a source to block
 * (policy_parse_window.c).
 */
void pp_parse_grouping(struct parser *ps, struct json_object *o, struct policy *p);
/* Everything of a profile policy after the common members (policy_parse_profile.c). */
void pp_parse_profile(struct parser *ps, struct json_object *o, struct policy *p);
void pp_free_profile(struct policy_profile *pr);
/* "scope" and "fleet" of a match policy, after its action (policy_parse_scope.c). */
void pp_parse_scope(struct diag *d, struct json_object *o, struct policy *p);
/* Everything of a window policy after the common members (policy_parse_window.c). */
void pp_parse_window(struct parser *ps, struct json_object *o, struct policy *p);

#endif /* GATEHAWK_POLICY_PARSE_INTERNAL_H */
