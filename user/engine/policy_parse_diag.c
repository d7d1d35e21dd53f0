// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Messages and typed getters of the policy parser: each getter reports its
 * own problem as "FILE: FIELD.PATH: expected ..., got ..." and returns false,
 * so validation keeps going and one run lists every mistake.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/duration.h"
#include "engine/policy_parse_internal.h"

void policy_report_lines(void *ctx, const char *msg)
{
	fprintf(ctx, "%s\n", msg);
}

static void report(struct diag *d, const char *msg)
{
	d->errors++;
	if (d->rep && d->rep->fn)
		d->rep->fn(d->rep->ctx, msg);
}

/* "FILE: PATH: " (and "note: " for a note) then the text, cut short at POLICY_MSG_MAX. */
static void vmessage(struct diag *d, bool note, const char *fmt, va_list ap)
{
	char msg[POLICY_MSG_MAX];
	int n;

	n = snprintf(msg, sizeof(msg), "%s: %s%s%s", d->file, d->path, d->plen ? ": " : "",
		     note ? "note: " : "");
	/* A long file name fills the buffer: the rest is dropped, not written past it. */
	if (n < 0 || (size_t)n >= sizeof(msg) - 1)
		n = (int)sizeof(msg) - 1;
	vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
	if (note) {
		if (d->rep && d->rep->fn)
			d->rep->fn(d->rep->ctx, msg);
	} else {
		report(d, msg);
	}
}

void pp_failf(struct diag *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(d, false, fmt, ap);
	va_end(ap);
}

void pp_note(struct diag *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(d, true, fmt, ap);
	va_end(ap);
}

/* The offending value as JSON, cut short on a UTF-8 boundary. */
void pp_got_text(struct json_object *v, char *buf, size_t len)
{
	const char *s;
	size_t n;

	if (!v) {
		snprintf(buf, len, "nothing");
		return;
	}
	s = json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN |
						      JSON_C_TO_STRING_NOSLASHESCAPE);
	n = strlen(s);
	if (n < GOT_MAX) {
		snprintf(buf, len, "%s", s);
		return;
	}
	n = GOT_MAX;
	while (n && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	snprintf(buf, len, "%.*s...", (int)n, s);
}

void pp_fail(struct diag *d, const char *expected, struct json_object *got)
{
	char g[GOT_MAX + 8];

	pp_got_text(got, g, sizeof(g));
	pp_failf(d, "expected %s, got %s", expected, g);
}

size_t pp_path_push(struct diag *d, const char *fmt, ...)
{
	size_t mark = d->plen;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(d->path + d->plen, sizeof(d->path) - d->plen, fmt, ap);
	va_end(ap);
	if (n > 0)
		d->plen += (size_t)n < sizeof(d->path) - d->plen ? (size_t)n
								  : sizeof(d->path) - d->plen - 1;
	return mark;
}

size_t pp_path_key(struct diag *d, const char *key)
{
	return pp_path_push(d, d->plen ? ".%s" : "%s", key);
}

void pp_path_pop(struct diag *d, size_t mark)
{
	d->plen = mark;
	d->path[mark] = '\0';
}

/* Refuse keys not in allowed (a typo must not silently disable a rule). */
void pp_check_keys(struct diag *d, struct json_object *o, const char *const *allowed,
		   size_t n, const char *what)
{
	char list[256];
	size_t used = 0;

	list[0] = '\0';
	for (size_t i = 0; i < n; i++)
		used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%s", i ? ", " : "",
					 allowed[i]);
	json_object_object_foreach(o, key, v) {
		size_t i, mark;

		(void)v;
		for (i = 0; i < n && strcmp(key, allowed[i]); i++)
			;
		if (i < n)
			continue;
		mark = pp_path_key(d, key);
		pp_failf(d, "expected only the fields %s%s%s, got an unknown field", list,
			 what ? " " : "", what ? what : "");
		pp_path_pop(d, mark);
	}
}

struct json_object *pp_member(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	return json_object_object_get_ex(o, key, &v) ? v : NULL;
}

bool pp_json_number(struct json_object *v, double *out)
{
	if (!json_object_is_type(v, json_type_int) && !json_object_is_type(v, json_type_double))
		return false;
	*out = json_object_get_double(v);
	return isfinite(*out);
}

bool pp_expect_type(struct diag *d, struct json_object *v, enum json_type t, const char *what)
{
	if (v && json_object_is_type(v, t))
		return true;
	pp_fail(d, what, v);
	return false;
}

/* Index of the string v among names, or -1 (reported). */
static int enum_value(struct diag *d, struct json_object *v, const char *const *names, size_t n)
{
	char expected[160];
	size_t used;

	if (v && json_object_is_type(v, json_type_string))
		for (size_t i = 0; i < n; i++)
			if (!strcmp(json_object_get_string(v), names[i]))
				return (int)i;
	used = (size_t)snprintf(expected, sizeof(expected), "one of ");
	for (size_t i = 0; i < n; i++)
		used += (size_t)snprintf(expected + used, sizeof(expected) - used, "%s%s",
					 i ? ", " : "", names[i]);
	pp_fail(d, expected, v);
	return -1;
}

/* Optional enum member: dflt when absent. */
int pp_member_enum(struct diag *d, struct json_object *o, const char *key,
		   const char *const *names, size_t n, int dflt)
{
	struct json_object *v = pp_member(o, key);
	size_t mark;
	int r;

	if (!v && dflt >= 0)
		return dflt;
	mark = pp_path_key(d, key);
	r = enum_value(d, v, names, n);
	pp_path_pop(d, mark);
	return r;
}

/* An optional (absent: fine, *out untouched) or required member that check() accepts. */
static bool member_check(struct diag *d, struct json_object *o, const char *key, bool required,
			 bool (*check)(struct json_object *v, const void *arg, void *out),
			 const void *arg, void *out, const char *what)
{
	struct json_object *v = pp_member(o, key);
	size_t mark;
	bool ok;

	if (!v && !required)
		return true;
	mark = pp_path_key(d, key);
	ok = v && check(v, arg, out);
	if (!ok)
		pp_fail(d, what, v);
	pp_path_pop(d, mark);
	return ok;
}

/* arg: the shortest duration accepted, in seconds; out: uint64_t seconds. */
static bool is_duration(struct json_object *v, const void *arg, void *out)
{
	uint64_t s;

	if (!json_object_is_type(v, json_type_string) ||
	    gh_duration_parse(json_object_get_string(v), &s) || s < *(const uint64_t *)arg)
		return false;
	*(uint64_t *)out = s;
	return true;
}

bool pp_member_duration(struct diag *d, struct json_object *o, const char *key, bool required,
			uint64_t min_s, uint64_t *out)
{
	return member_check(d, o, key, required, is_duration, &min_s, out,
			    min_s ? "a duration such as 30s, 10m, 2h or 7d, above 0s"
				  : "a duration such as 30s, 10m, 2h or 7d");
}

struct num_range {
	double lo, hi;
	bool want_int;
};

static bool is_number_in(struct json_object *v, const void *arg, void *out)
{
	const struct num_range *r = arg;
	double n;

	if (!pp_json_number(v, &n) || n < r->lo || n > r->hi ||
	    (r->want_int && !json_object_is_type(v, json_type_int)))
		return false;
	*(double *)out = n;
	return true;
}

/* A number in [lo, hi]; integral when want_int. */
bool pp_member_number(struct diag *d, struct json_object *o, const char *key, bool required,
		      double lo, double hi, bool want_int, const char *what, double *out)
{
	const struct num_range r = { lo, hi, want_int };

	return member_check(d, o, key, required, is_number_in, &r, out, what);
}

static bool valid_name(const char *s)
{
	size_t n = strlen(s);

	if (!n || n > POLICY_NAME_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			continue;
		if (i && (c == '_' || c == '-'))
			continue;
		return false;
	}
	return true;
}

bool pp_member_name(struct diag *d, struct json_object *o, const char *key, char *out)
{
	struct json_object *v = pp_member(o, key);
	size_t mark = pp_path_key(d, key);
	bool ok = v && json_object_is_type(v, json_type_string) &&
		  valid_name(json_object_get_string(v));

	if (ok)
		snprintf(out, POLICY_NAME_MAX + 1, "%s", json_object_get_string(v));
	else
		pp_fail(d, "a name of 1-48 characters a-z, 0-9, _ and - starting with a letter "
			"or digit", v);
	pp_path_pop(d, mark);
	return ok;
}

/*
 * "WHAT (field, field, ...)": the fields of the types in the mask. Built only
 * for a message: with two dozen fields it costs more than parsing the leaf.
 */
static void fields_text(const char *what, unsigned int types, char *buf, size_t len)
{
	size_t used = (size_t)snprintf(buf, len, "%s (", what);
	const char *sep = "";

	for (int f = 0; f < REQ_FIELD_COUNT && used < len; f++) {
		if (!(types >> req_field_type(f) & 1))
			continue;
		used += (size_t)snprintf(buf + used, len - used, "%s%s", sep, req_field_name(f));
		sep = ", ";
	}
	if (used < len)
		snprintf(buf + used, len - used, ")");
}

int pp_field_value(struct diag *d, struct json_object *v, unsigned int types, const char *what)
{
	char expected[512];
	int f = -1;

	if (v && json_object_is_type(v, json_type_string))
		f = req_field_by_name(json_object_get_string(v));
	if (f >= 0 && (types >> req_field_type(f) & 1))
		return f;
	fields_text(what, types, expected, sizeof(expected));
	pp_fail(d, expected, v);
	return -1;
}

char *pp_path_beside(const struct diag *d, const char *name)
{
	const char *slash = strrchr(d->file, '/');
	char *out;

	if (name[0] == '/' || !slash)
		return strdup(name);
	if (asprintf(&out, "%.*s/%s", (int)(slash - d->file), d->file, name) < 0)
		return NULL;
	return out;
}
