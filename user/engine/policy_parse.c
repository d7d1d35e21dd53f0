// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * JSON policy files -> struct policy_set. Validation keeps going after a
 * problem so one run reports every mistake in every file; any problem
 * rejects the whole set.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <json-c/json.h>

#include "base/duration.h"
#include "engine/policy.h"

#define DEFAULT_COOLDOWN_S 60
/* json-c's own nesting limit; predicates are refused past PRED_MAX_DEPTH first. */
#define JSON_MAX_DEPTH (PRED_MAX_DEPTH + 16)
#define GOT_MAX 72 /* bytes of an offending value quoted in a message */

struct diag {
	const char *file;
	const struct policy_report *rep;
	int errors;
	char path[256]; /* field path of what is being read, e.g. window.length */
	size_t plen;
};

struct parser {
	struct diag d;
	struct regex_set *rs;
	struct pred_arena *arena;
	int depth; /* predicate nesting */
};

static const char *const kind_names[] = { "match", "window", "rate" };
static const char *const severity_names[] = { "low", "medium", "high", "critical" };
static const char *const fn_names[] = { "count", "distinct", "ratio", "sum" };
static const char *const cmp_names[] = { "gt", "ge", "lt", "le", "eq" };
static const char *const metric_names[] = {
#define GH_RATE_NAME(name) #name,
	SRC_STATS_FIELDS(GH_RATE_NAME)
#undef GH_RATE_NAME
};
static const char *const mode_names[] = { "enforce", "monitor" };
static const char *const window_types[] = { "sliding", "tumbling" };
static const char *const input_names[] = { "requests", "verdicts" };
static const char *const action_types[] = { "alert", "block" };

#define NAMES(a) a, sizeof(a) / sizeof(a[0])

const char *policy_kind_name(enum policy_kind k) { return kind_names[k]; }
const char *policy_severity_name(enum policy_severity s) { return severity_names[s]; }
const char *agg_fn_name(enum agg_fn fn) { return fn_names[fn]; }
const char *cmp_op_name(enum cmp_op op) { return cmp_names[op]; }
const char *rate_metric_name(enum rate_metric m) { return metric_names[m]; }

/* ---- messages ------------------------------------------------------------ */

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

/* "FILE: PATH: " then the formatted text, cut short at POLICY_MSG_MAX. */
static void __attribute__((format(printf, 2, 3))) failf(struct diag *d, const char *fmt, ...)
{
	char msg[POLICY_MSG_MAX];
	va_list ap;
	int n;

	n = snprintf(msg, sizeof(msg), "%s: %s%s", d->file, d->path, d->plen ? ": " : "");
	/* A long file name fills the buffer: the rest is dropped, not written past it. */
	if (n < 0 || (size_t)n >= sizeof(msg) - 1)
		n = (int)sizeof(msg) - 1;
	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
	va_end(ap);
	report(d, msg);
}

/* The offending value as JSON, cut short on a UTF-8 boundary. */
static void got_text(struct json_object *v, char *buf, size_t len)
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

static void fail(struct diag *d, const char *expected, struct json_object *got)
{
	char g[GOT_MAX + 8];

	got_text(got, g, sizeof(g));
	failf(d, "expected %s, got %s", expected, g);
}

static size_t path_push(struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static size_t path_push(struct diag *d, const char *fmt, ...)
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

static size_t path_key(struct diag *d, const char *key)
{
	return path_push(d, d->plen ? ".%s" : "%s", key);
}

static void path_pop(struct diag *d, size_t mark)
{
	d->plen = mark;
	d->path[mark] = '\0';
}

/* ---- typed getters: each reports its own problem and returns false ------ */

/* Refuse keys not in allowed (a typo must not silently disable a rule). */
static void check_keys(struct diag *d, struct json_object *o, const char *const *allowed,
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
		mark = path_key(d, key);
		failf(d, "expected only the fields %s%s%s, got an unknown field", list,
		      what ? " " : "", what ? what : "");
		path_pop(d, mark);
	}
}

static struct json_object *member(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	return json_object_object_get_ex(o, key, &v) ? v : NULL;
}

static bool json_number(struct json_object *v, double *out)
{
	if (!json_object_is_type(v, json_type_int) && !json_object_is_type(v, json_type_double))
		return false;
	*out = json_object_get_double(v);
	return isfinite(*out);
}

static bool expect_type(struct diag *d, struct json_object *v, enum json_type t, const char *what)
{
	if (v && json_object_is_type(v, t))
		return true;
	fail(d, what, v);
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
	fail(d, expected, v);
	return -1;
}

/* Optional enum member: dflt when absent. */
static int member_enum(struct diag *d, struct json_object *o, const char *key,
		       const char *const *names, size_t n, int dflt)
{
	struct json_object *v = member(o, key);
	size_t mark;
	int r;

	if (!v && dflt >= 0)
		return dflt;
	mark = path_key(d, key);
	r = enum_value(d, v, names, n);
	path_pop(d, mark);
	return r;
}

/* An optional (absent: fine, *out untouched) or required member that check() accepts. */
static bool member_check(struct diag *d, struct json_object *o, const char *key, bool required,
			 bool (*check)(struct json_object *v, const void *arg, void *out),
			 const void *arg, void *out, const char *what)
{
	struct json_object *v = member(o, key);
	size_t mark;
	bool ok;

	if (!v && !required)
		return true;
	mark = path_key(d, key);
	ok = v && check(v, arg, out);
	if (!ok)
		fail(d, what, v);
	path_pop(d, mark);
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

static bool member_duration(struct diag *d, struct json_object *o, const char *key, bool required,
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

	if (!json_number(v, &n) || n < r->lo || n > r->hi ||
	    (r->want_int && !json_object_is_type(v, json_type_int)))
		return false;
	*(double *)out = n;
	return true;
}

/* A number in [lo, hi]; integral when want_int. */
static bool member_number(struct diag *d, struct json_object *o, const char *key, bool required,
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

static bool member_name(struct diag *d, struct json_object *o, const char *key, char *out)
{
	struct json_object *v = member(o, key);
	size_t mark = path_key(d, key);
	bool ok = v && json_object_is_type(v, json_type_string) &&
		  valid_name(json_object_get_string(v));

	if (ok)
		snprintf(out, POLICY_NAME_MAX + 1, "%s", json_object_get_string(v));
	else
		fail(d, "a name of 1-48 characters a-z, 0-9, _ and - starting with a letter or digit",
		     v);
	path_pop(d, mark);
	return ok;
}

/* A record field by name; allowed is a mask of REQ_TYPE bits. */
static int field_value(struct diag *d, struct json_object *v, unsigned int types, const char *what)
{
	int f = -1;

	if (v && json_object_is_type(v, json_type_string))
		f = req_field_by_name(json_object_get_string(v));
	if (f >= 0 && (types >> req_field_type(f) & 1))
		return f;
	fail(d, what, v);
	return -1;
}

#define TYPES_ANY 0x1fU
#define TYPE_BIT(t) (1U << (t))
#define FIELD_LIST                                                                         \
	"ts, src_ip, dst_ip, src_port, dst_port, method, path, query, version, host, "       \
	"user_agent, referer, content_type, accept, scheme, content_length, status, bytes, " \
	"has_cookie, is_xhr"

/* ---- predicates ---------------------------------------------------------- */

struct op_def {
	const char *name;
	enum pred_op op;
	unsigned int types; /* field types it applies to */
};

static const struct op_def op_defs[] = {
	{ "eq", PRED_EQ, TYPES_ANY },
	{ "ne", PRED_NE, TYPES_ANY },
	{ "in", PRED_IN, TYPE_BIT(REQ_TYPE_STR) | TYPE_BIT(REQ_TYPE_NUM) | TYPE_BIT(REQ_TYPE_TIME) },
	{ "lt", PRED_LT, TYPE_BIT(REQ_TYPE_NUM) | TYPE_BIT(REQ_TYPE_TIME) },
	{ "le", PRED_LE, TYPE_BIT(REQ_TYPE_NUM) | TYPE_BIT(REQ_TYPE_TIME) },
	{ "gt", PRED_GT, TYPE_BIT(REQ_TYPE_NUM) | TYPE_BIT(REQ_TYPE_TIME) },
	{ "ge", PRED_GE, TYPE_BIT(REQ_TYPE_NUM) | TYPE_BIT(REQ_TYPE_TIME) },
	{ "prefix", PRED_PREFIX, TYPE_BIT(REQ_TYPE_STR) },
	{ "suffix", PRED_SUFFIX, TYPE_BIT(REQ_TYPE_STR) },
	{ "contains", PRED_CONTAINS, TYPE_BIT(REQ_TYPE_STR) },
	{ "regex", PRED_REGEX, TYPE_BIT(REQ_TYPE_STR) },
	{ "iregex", PRED_REGEX, TYPE_BIT(REQ_TYPE_STR) },
	{ "cidr", PRED_CIDR, TYPE_BIT(REQ_TYPE_ADDR) },
	{ "exists", PRED_EXISTS, TYPES_ANY },
};

static const struct op_def *op_by_name(const char *name)
{
	for (size_t i = 0; i < sizeof(op_defs) / sizeof(op_defs[0]); i++)
		if (!strcmp(op_defs[i].name, name))
			return &op_defs[i];
	return NULL;
}

static void ops_for_type(enum req_type t, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(op_defs) / sizeof(op_defs[0]); i++)
		if (op_defs[i].types >> t & 1)
			used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? ", " : "",
						 op_defs[i].name);
}

static const char *scalar_desc(enum req_type t)
{
	switch (t) {
	case REQ_TYPE_STR: return "a string";
	case REQ_TYPE_BOOL: return "true or false";
	case REQ_TYPE_ADDR: return "an IP address such as 203.0.113.7";
	default: return "a number";
	}
}

static bool copy_str(struct parser *ps, struct json_object *v, struct gh_str *out)
{
	size_t len = (size_t)json_object_get_string_len(v);
	char *p = pred_alloc(ps->arena, len + 1);

	if (!p)
		return false;
	memcpy(p, json_object_get_string(v), len);
	out->p = p;
	out->len = (uint32_t)len;
	return true;
}

/* EQ/NE value, typed by the field. */
static bool leaf_scalar(struct parser *ps, struct pred *p, enum req_type t, struct json_object *v)
{
	switch (t) {
	case REQ_TYPE_STR:
		if (v && json_object_is_type(v, json_type_string))
			return copy_str(ps, v, &p->u.str);
		break;
	case REQ_TYPE_BOOL:
		if (v && json_object_is_type(v, json_type_boolean)) {
			p->flag = json_object_get_boolean(v);
			return true;
		}
		break;
	case REQ_TYPE_ADDR:
		if (v && json_object_is_type(v, json_type_string) &&
		    !gh_addr_parse(json_object_get_string(v), &p->u.addr))
			return true;
		break;
	default:
		if (v && json_number(v, &p->u.num))
			return true;
	}
	fail(&ps->d, scalar_desc(t), v);
	return false;
}

static bool leaf_in(struct parser *ps, struct pred *p, enum req_type t, struct json_object *v)
{
	bool strings = t == REQ_TYPE_STR;
	size_t n = v && json_object_is_type(v, json_type_array) ? json_object_array_length(v) : 0;
	const char *what = strings ? "a non-empty array of strings" : "a non-empty array of numbers";

	if (!n || n > POLICY_MAX_LIST) {
		fail(&ps->d, what, v);
		return false;
	}
	p->u.nums = pred_alloc(ps->arena, n * (strings ? sizeof(struct gh_str) : sizeof(double)));
	if (!p->u.nums)
		return false;
	for (size_t i = 0; i < n; i++) {
		struct json_object *item = json_object_array_get_idx(v, i);
		bool ok = strings ? json_object_is_type(item, json_type_string)
				  : json_number(item, &p->u.nums[i]);

		if (ok && strings && !copy_str(ps, item, &p->u.strs[i]))
			return false;
		if (!ok) {
			fail(&ps->d, what, v);
			return false;
		}
		p->n++;
	}
	return true;
}

static bool leaf_cidr(struct parser *ps, struct pred *p, struct json_object *v)
{
	bool list = v && json_object_is_type(v, json_type_array);
	size_t n = list ? json_object_array_length(v) : 1;
	const char *what = "a CIDR such as 203.0.113.0/24 or 2001:db8::/32 (host bits zero), or a "
			   "non-empty array of them";

	if (!v || !n || n > POLICY_MAX_LIST) {
		fail(&ps->d, what, v);
		return false;
	}
	p->u.cidrs = pred_alloc(ps->arena, n * sizeof(*p->u.cidrs));
	if (!p->u.cidrs)
		return false;
	for (size_t i = 0; i < n; i++) {
		struct json_object *item = list ? json_object_array_get_idx(v, i) : v;

		if (!json_object_is_type(item, json_type_string) ||
		    gh_cidr_parse(json_object_get_string(item), &p->u.cidrs[i])) {
			fail(&ps->d, what, item);
			return false;
		}
		p->n++;
	}
	return true;
}

static bool leaf_regex(struct parser *ps, struct pred *p, bool caseless, struct json_object *v)
{
	char err[200];
	int id;

	if (!expect_type(&ps->d, v, json_type_string, "a PCRE2 pattern"))
		return false;
	id = regex_set_add(ps->rs, p->field, json_object_get_string(v),
			   (size_t)json_object_get_string_len(v), caseless, err, sizeof(err));
	if (id == -EINVAL) {
		char g[GOT_MAX + 8];

		got_text(v, g, sizeof(g));
		failf(&ps->d, "expected a PCRE2 pattern, got %s: %s", g, err);
	}
	p->u.regex = id;
	return id >= 0;
}

/* The value of one operator; the node's op and field are set. */
static bool leaf_value(struct parser *ps, struct pred *p, const char *opname, struct json_object *v)
{
	enum req_type t = req_field_type(p->field);

	switch (p->op) {
	case PRED_EXISTS:
		if (!expect_type(&ps->d, v, json_type_boolean, "true or false"))
			return false;
		p->flag = json_object_get_boolean(v);
		return true;
	case PRED_IN: return leaf_in(ps, p, t, v);
	case PRED_CIDR: return leaf_cidr(ps, p, v);
	case PRED_REGEX: return leaf_regex(ps, p, opname[0] == 'i', v);
	case PRED_EQ:
	case PRED_NE: return leaf_scalar(ps, p, t, v);
	case PRED_PREFIX:
	case PRED_SUFFIX:
	case PRED_CONTAINS:
		return expect_type(&ps->d, v, json_type_string, "a string") &&
		       copy_str(ps, v, &p->u.str);
	default:
		return leaf_scalar(ps, p, REQ_TYPE_NUM, v);
	}
}

static struct pred *parse_leaf(struct parser *ps, struct json_object *o)
{
	struct diag *d = &ps->d;
	const char *opname = NULL, *second = NULL;
	struct json_object *val = NULL;
	const struct op_def *def;
	struct pred *p;
	char ops[160];
	size_t mark;
	int f;

	mark = path_key(d, "field");
	f = field_value(d, member(o, "field"), TYPES_ANY, "a record field (" FIELD_LIST ")");
	path_pop(d, mark);
	json_object_object_foreach(o, key, v) {
		if (!strcmp(key, "field"))
			continue;
		if (opname) {
			second = key;
			break;
		}
		opname = key;
		val = v;
	}
	if (!opname || second) {
		if (second)
			failf(d, "expected exactly one operator, got %s and %s", opname, second);
		else
			failf(d, "expected an operator next to field, got none");
		return NULL;
	}
	mark = path_key(d, opname);
	def = op_by_name(opname);
	if (!def || (f >= 0 && !(def->types >> req_field_type(f) & 1))) {
		if (f >= 0) {
			ops_for_type(req_field_type(f), ops, sizeof(ops));
			failf(d, "expected an operator for field %s (%s), got %s",
			      req_field_name(f), ops, opname);
		} else {
			ops_for_type(REQ_TYPE_STR, ops, sizeof(ops));
			failf(d, "expected an operator (%s, lt, le, gt, ge, cidr), got %s", ops,
			      opname);
		}
		path_pop(d, mark);
		return NULL;
	}
	p = f >= 0 ? pred_alloc(ps->arena, sizeof(*p)) : NULL;
	if (p) {
		p->op = (uint8_t)def->op;
		p->field = (uint8_t)f;
		if (!leaf_value(ps, p, opname, val))
			p = NULL;
	}
	path_pop(d, mark);
	return p;
}

static struct pred *parse_pred(struct parser *ps, struct json_object *o);

static struct pred *parse_list(struct parser *ps, enum pred_op op, struct json_object *arr)
{
	struct pred *p;
	size_t n;
	bool ok = true;

	if (!expect_type(&ps->d, arr, json_type_array, "an array of predicates"))
		return NULL;
	n = json_object_array_length(arr);
	p = pred_alloc(ps->arena, sizeof(*p));
	if (!p || !(p->u.kids = pred_alloc(ps->arena, (n ? n : 1) * sizeof(*p->u.kids))))
		return NULL;
	p->op = (uint8_t)op;
	for (size_t i = 0; i < n; i++) {
		size_t mark = path_push(&ps->d, "[%zu]", i);
		struct pred *kid = parse_pred(ps, json_object_array_get_idx(arr, i));

		path_pop(&ps->d, mark);
		if (kid)
			p->u.kids[p->n++] = kid;
		ok = ok && kid;
	}
	return ok ? p : NULL;
}

static struct pred *parse_not(struct parser *ps, struct json_object *v)
{
	struct pred *kid = parse_pred(ps, v), *p;

	if (!kid)
		return NULL;
	p = pred_alloc(ps->arena, sizeof(*p));
	if (!p || !(p->u.kids = pred_alloc(ps->arena, sizeof(*p->u.kids))))
		return NULL;
	p->op = PRED_NOT;
	p->n = 1;
	p->u.kids[0] = kid;
	return p;
}

static struct pred *parse_combinator(struct parser *ps, struct json_object *o, const char *key)
{
	size_t mark;
	struct pred *p;

	if (json_object_object_length(o) != 1) {
		json_object_object_foreach(o, other, v) {
			(void)v;
			if (strcmp(other, key)) {
				failf(&ps->d, "expected %s alone in its object, got also %s", key,
				      other);
				return NULL;
			}
		}
	}
	mark = path_key(&ps->d, key);
	if (!strcmp(key, "not"))
		p = parse_not(ps, member(o, key));
	else
		p = parse_list(ps, key[1] == 'l' ? PRED_ALL : PRED_ANY, member(o, key));
	path_pop(&ps->d, mark);
	return p;
}

static struct pred *parse_pred(struct parser *ps, struct json_object *o)
{
	static const char *const combinators[] = { "all", "any", "not" };
	struct pred *p = NULL;

	if (!o || !json_object_is_type(o, json_type_object)) {
		fail(&ps->d, "a predicate: {\"all\": [...]}, {\"any\": [...]}, {\"not\": {...}} "
			     "or {\"field\": NAME, OPERATOR: VALUE}", o);
		return NULL;
	}
	if (ps->depth >= PRED_MAX_DEPTH) {
		failf(&ps->d, "expected predicates nested at most %d deep, got deeper",
		      PRED_MAX_DEPTH);
		return NULL;
	}
	ps->depth++;
	for (size_t i = 0; i < 3 && !p; i++)
		if (member(o, combinators[i])) {
			p = parse_combinator(ps, o, combinators[i]);
			goto out;
		}
	p = parse_leaf(ps, o);
out:
	ps->depth--;
	return p;
}

/* A top-level predicate member: parsed, finished, NULL when absent or bad. */
static struct pred *member_pred(struct parser *ps, struct json_object *o, const char *key,
				bool required)
{
	struct json_object *v = member(o, key);
	struct pred *p = NULL;
	size_t mark;
	int before;

	if (!v && !required)
		return NULL;
	mark = path_key(&ps->d, key);
	before = ps->d.errors;
	p = parse_pred(ps, v);
	if (p)
		pred_finish(p);
	else if (ps->d.errors == before) /* nothing wrong with the input: memory ran out */
		failf(&ps->d, "expected to load, got %s", strerror(ENOMEM));
	path_pop(&ps->d, mark);
	return p;
}

/* ---- policy parts -------------------------------------------------------- */

/* {"ipv4": N, "ipv6": N}, each optional. */
static void parse_prefixes(struct diag *d, struct json_object *o, const char *key, uint8_t *v4,
			   uint8_t *v6)
{
	static const char *const keys[] = { "ipv4", "ipv6" };
	struct json_object *v = member(o, key);
	double n4 = 32, n6 = 128;
	size_t mark;

	*v4 = 32;
	*v6 = 128;
	if (!v)
		return;
	mark = path_key(d, key);
	if (expect_type(d, v, json_type_object, "an object such as {\"ipv4\": 24, \"ipv6\": 64}")) {
		check_keys(d, v, NAMES(keys), NULL);
		if (member_number(d, v, "ipv4", false, 0, 32, true, "a prefix length from 0 to 32",
				  &n4))
			*v4 = (uint8_t)n4;
		if (member_number(d, v, "ipv6", false, 0, 128, true,
				  "a prefix length from 0 to 128", &n6))
			*v6 = (uint8_t)n6;
	}
	path_pop(d, mark);
}

static void parse_action(struct diag *d, struct json_object *o, struct policy_action *a)
{
	static const char *const alert_keys[] = { "type", "cooldown" };
	static const char *const block_keys[] = { "type", "cooldown", "ttl", "scope", "escalate" };
	static const char *const esc_keys[] = { "factor", "max_ttl" };
	struct json_object *esc;
	int type;

	a->cooldown_s = DEFAULT_COOLDOWN_S;
	a->escalate_factor = 1;
	a->scope_v4 = 32;
	a->scope_v6 = 128;
	if (!expect_type(d, o, json_type_object,
			 "an object such as {\"type\": \"block\", \"ttl\": \"1h\"}"))
		return;
	type = member_enum(d, o, "type", NAMES(action_types), -1);
	a->block = type == 1;
	if (a->block)
		check_keys(d, o, NAMES(block_keys), "for a block action");
	else
		check_keys(d, o, NAMES(alert_keys), "for an alert action");
	member_duration(d, o, "cooldown", false, 0, &a->cooldown_s);
	if (!a->block)
		return;
	member_duration(d, o, "ttl", true, 1, &a->ttl_s);
	a->max_ttl_s = a->ttl_s;
	parse_prefixes(d, o, "scope", &a->scope_v4, &a->scope_v6);
	esc = member(o, "escalate");
	if (esc) {
		size_t mark = path_key(d, "escalate");

		if (expect_type(d, esc, json_type_object,
				"an object such as {\"factor\": 2, \"max_ttl\": \"7d\"}")) {
			check_keys(d, esc, NAMES(esc_keys), NULL);
			member_number(d, esc, "factor", true, 1, 1000, false,
				      "a number from 1 to 1000", &a->escalate_factor);
			if (member_duration(d, esc, "max_ttl", true, 1, &a->max_ttl_s) &&
			    a->max_ttl_s < a->ttl_s) {
				size_t m2 = path_key(d, "max_ttl");

				fail(d, "a duration no shorter than action.ttl", member(esc, "max_ttl"));
				path_pop(d, m2);
			}
		}
		path_pop(d, mark);
	}
}

/* Fields a verdict record carries (input: verdicts). */
#define VERDICT_FIELDS (REQ_BIT(REQ_TS) | REQ_BIT(REQ_SRC_IP) | REQ_BIT(REQ_PATH))

/* Refuse a field verdict records lack when the window is fed verdicts. */
static int verdict_field(struct diag *d, const struct policy_window *w, int f,
			 struct json_object *v)
{
	if (f < 0 || !w->input_verdicts || (VERDICT_FIELDS & REQ_BIT(f)))
		return f;
	fail(d, "a field verdict records carry (ts, src_ip, path)", v);
	return -1;
}

static void parse_group_by(struct diag *d, struct json_object *o, struct policy_window *w)
{
	struct json_object *v = member(o, "group_by");
	size_t mark, n;

	w->n_group = 1;
	w->group_by[0] = REQ_SRC_IP;
	if (!v)
		return;
	w->n_group = 0;
	mark = path_key(d, "group_by");
	if (!json_object_is_type(v, json_type_array) ||
	    (n = json_object_array_length(v)) > POLICY_MAX_GROUP_BY) {
		fail(d, "an array of at most 4 record fields, such as [\"src_ip\"]", v);
		path_pop(d, mark);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		struct json_object *item = json_object_array_get_idx(v, i);
		size_t m2 = path_push(d, "[%zu]", i);
		int f = field_value(d, item, TYPES_ANY & ~TYPE_BIT(REQ_TYPE_TIME),
				    "a record field other than ts (" FIELD_LIST ")");

		for (uint8_t j = 0; f >= 0 && j < w->n_group; j++)
			if (w->group_by[j] == (enum req_field)f) {
				fail(d, "each field once", item);
				f = -1;
			}
		f = verdict_field(d, w, f, item);
		if (f >= 0)
			w->group_by[w->n_group++] = f;
		path_pop(d, m2);
	}
	path_pop(d, mark);
}

static void parse_window_spec(struct diag *d, struct json_object *o, struct policy_window *w)
{
	static const char *const keys[] = { "type", "length" };
	struct json_object *v = member(o, "window");
	size_t mark = path_key(d, "window");

	if (expect_type(d, v, json_type_object,
			"an object such as {\"type\": \"sliding\", \"length\": \"10m\"}")) {
		check_keys(d, v, NAMES(keys), NULL);
		w->tumbling = member_enum(d, v, "type", NAMES(window_types), -1) == 1;
		member_duration(d, v, "length", true, 1, &w->length_s);
	}
	path_pop(d, mark);
}

static void parse_agg(struct parser *ps, struct json_object *o, struct policy_window *w)
{
	static const char *const keys[][3] = {
		[AGG_COUNT] = { "name", "fn" },
		[AGG_DISTINCT] = { "name", "fn", "field" },
		[AGG_RATIO] = { "name", "fn", "where" },
		[AGG_SUM] = { "name", "fn", "field" },
	};
	struct policy_agg *a = &w->aggs[w->n_aggs];
	struct diag *d = &ps->d;
	size_t mark;
	int fn;

	if (!expect_type(d, o, json_type_object,
			 "an aggregate such as {\"name\": \"n\", \"fn\": \"count\"}"))
		return;
	member_name(d, o, "name", a->name);
	for (uint8_t i = 0; i < w->n_aggs; i++)
		if (!strcmp(w->aggs[i].name, a->name)) {
			mark = path_key(d, "name");
			fail(d, "a name unique among the aggregates", member(o, "name"));
			path_pop(d, mark);
		}
	fn = member_enum(d, o, "fn", NAMES(fn_names), -1);
	if (fn < 0)
		return;
	a->fn = fn;
	check_keys(d, o, keys[fn], fn == AGG_COUNT ? 2 : 3, "for this fn");
	if (fn == AGG_DISTINCT || fn == AGG_SUM) {
		unsigned int types = fn == AGG_SUM ? TYPE_BIT(REQ_TYPE_NUM) | TYPE_BIT(REQ_TYPE_BOOL)
						   : TYPES_ANY;
		int f;

		mark = path_key(d, "field");
		f = field_value(d, member(o, "field"), types,
				fn == AGG_SUM ? "a numeric record field (src_port, dst_port, "
						"content_length, status, bytes, has_cookie, is_xhr)"
					      : "a record field (" FIELD_LIST ")");
		f = verdict_field(d, w, f, member(o, "field"));
		path_pop(d, mark);
		a->field = f >= 0 ? f : 0;
	}
	if (fn == AGG_RATIO)
		a->where = member_pred(ps, o, "where", true);
	w->n_aggs++;
}

static void parse_aggregates(struct parser *ps, struct json_object *o, struct policy_window *w)
{
	struct json_object *v = member(o, "aggregates");
	size_t mark = path_key(&ps->d, "aggregates"), n;

	if (!v || !json_object_is_type(v, json_type_array) ||
	    !(n = json_object_array_length(v)) || n > POLICY_MAX_AGGS) {
		fail(&ps->d, "an array of 1 to 16 aggregates", v);
		path_pop(&ps->d, mark);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		size_t m2 = path_push(&ps->d, "[%zu]", i);

		parse_agg(ps, json_object_array_get_idx(v, i), w);
		path_pop(&ps->d, m2);
	}
	path_pop(&ps->d, mark);
}

static void parse_cond(struct diag *d, struct json_object *o, struct policy_window *w)
{
	struct policy_cond *c = &w->conds[w->n_conds];
	struct json_object *agg = member(o, "agg"), *rise;
	int op = -1, nops = 0;
	size_t mark;

	if (!expect_type(d, o, json_type_object,
			 "a condition such as {\"agg\": \"n\", \"ge\": 10}"))
		return;
	json_object_object_foreach(o, key, v) {
		int i;

		(void)v;
		if (!strcmp(key, "agg") || !strcmp(key, "rise_factor"))
			continue;
		for (i = 0; i < 5 && strcmp(key, cmp_names[i]); i++)
			;
		mark = path_key(d, key);
		if (i == 5)
			failf(d, "expected one of agg, gt, ge, lt, le, eq, rise_factor, got an "
				 "unknown field");
		else if (nops++)
			failf(d, "expected exactly one comparison, got %s and %s", cmp_names[op],
			      key);
		else
			op = i;
		path_pop(d, mark);
	}
	if (!nops) {
		failf(d, "expected one comparison (gt, ge, lt, le, eq), got none");
		return;
	}
	mark = path_key(d, "agg");
	c->agg = 0;
	for (; agg && json_object_is_type(agg, json_type_string) && c->agg < w->n_aggs; c->agg++)
		if (!strcmp(w->aggs[c->agg].name, json_object_get_string(agg)))
			break;
	if (c->agg == w->n_aggs || !agg || !json_object_is_type(agg, json_type_string))
		fail(d, "the name of one of the aggregates", agg);
	path_pop(d, mark);
	if (op < 0)
		return;
	c->op = op;
	member_number(d, o, cmp_names[op], true, -1e18, 1e18, false, "a number", &c->value);
	rise = member(o, "rise_factor");
	if (rise && !w->tumbling) {
		mark = path_key(d, "rise_factor");
		fail(d, "no rise_factor on a sliding window (it compares consecutive tumbling "
			"windows)", rise);
		path_pop(d, mark);
	} else {
		member_number(d, o, "rise_factor", false, 1e-9, 1e9, false, "a number above 0",
			      &c->rise_factor);
	}
	w->n_conds++;
}

static void parse_having(struct diag *d, struct json_object *o, struct policy_window *w)
{
	struct json_object *v = member(o, "having"), *list;
	size_t mark = path_key(d, "having"), m2, n;

	if (!expect_type(d, v, json_type_object,
			 "a condition such as {\"agg\": \"n\", \"ge\": 10}, or {\"all\": [...]} "
			 "or {\"any\": [...]} of them"))
		goto out;
	list = member(v, "all");
	w->having_any = !list && (list = member(v, "any"));
	if (!list) {
		parse_cond(d, v, w);
		goto out;
	}
	m2 = path_key(d, w->having_any ? "any" : "all");
	if (json_object_object_length(v) != 1 || !json_object_is_type(list, json_type_array) ||
	    !(n = json_object_array_length(list)) || n > POLICY_MAX_CONDS) {
		fail(d, "an array of 1 to 16 conditions, alone in its object", list);
	} else {
		for (size_t i = 0; i < n; i++) {
			size_t m3 = path_push(d, "[%zu]", i);

			parse_cond(d, json_object_array_get_idx(list, i), w);
			path_pop(d, m3);
		}
	}
	path_pop(d, m2);
out:
	path_pop(d, mark);
}

static void parse_window(struct parser *ps, struct json_object *o, struct policy *p)
{
	struct policy_window *w = &p->window;
	struct diag *d = &ps->d;

	w->input_verdicts = member_enum(d, o, "input", NAMES(input_names), 0) == 1;
	w->filter = member_pred(ps, o, "filter", false);
	parse_group_by(d, o, w);
	parse_prefixes(d, o, "prefix", &p->prefix_v4, &p->prefix_v6);
	if (member(o, "prefix") && !group_by_has_src(w->group_by, w->n_group)) {
		size_t mark = path_key(d, "prefix");

		fail(d, "prefix only with src_ip in group_by", member(o, "prefix"));
		path_pop(d, mark);
	}
	parse_window_spec(d, o, w);
	parse_aggregates(ps, o, w);
	parse_having(d, o, w);
	if (p->action.block && !group_by_has_src(w->group_by, w->n_group)) {
		size_t mark = path_push(d, "action.type");

		fail(d, "alert when group_by lacks src_ip (a block needs a source)",
		     member(member(o, "action"), "type"));
		path_pop(d, mark);
	}
}

static void parse_rate(struct diag *d, struct json_object *o, struct policy *p)
{
	struct policy_rate *r = &p->rate;
	int m = member_enum(d, o, "metric", NAMES(metric_names), -1);

	r->metric = m >= 0 ? m : 0;
	member_number(d, o, "per_second", true, 1e-6, 1e12, false, "a number above 0",
		      &r->per_second);
	if (member_duration(d, o, "over", true, 1, &r->over_s) &&
	    r->over_s > POLICY_MAX_RATE_OVER_S) {
		size_t mark = path_key(d, "over");

		fail(d, "a duration from 1s to 1h", member(o, "over"));
		path_pop(d, mark);
	}
	parse_prefixes(d, o, "prefix", &p->prefix_v4, &p->prefix_v6);
}

static void parse_policy(struct parser *ps, struct json_object *o, struct policy *p)
{
	static const char *const keys[][13] = {
		[POLICY_MATCH] = { "name", "description", "kind", "severity", "mode", "action",
				   "where" },
		[POLICY_WINDOW] = { "name", "description", "kind", "severity", "mode", "action",
				    "filter", "group_by", "prefix", "window", "aggregates",
				    "having", "input" },
		[POLICY_RATE] = { "name", "description", "kind", "severity", "mode", "action",
				  "metric", "per_second", "over", "prefix" },
	};
	static const size_t nkeys[] = { 7, 13, 10 };
	static const char *const kind_what[] = { "for a match policy", "for a window policy",
						  "for a rate policy" };
	struct diag *d = &ps->d;
	struct json_object *v;
	size_t mark;
	int kind;

	member_name(d, o, "name", p->name);
	v = member(o, "description");
	mark = path_key(d, "description");
	if (v && json_object_is_type(v, json_type_string) && json_object_get_string_len(v))
		p->description = strdup(json_object_get_string(v));
	else
		fail(d, "a non-empty string saying what the policy catches and why", v);
	path_pop(d, mark);
	p->severity = member_enum(d, o, "severity", NAMES(severity_names), SEV_MEDIUM);
	p->monitor = member_enum(d, o, "mode", NAMES(mode_names), 0) == 1;
	kind = member_enum(d, o, "kind", NAMES(kind_names), -1);
	mark = path_key(d, "action");
	parse_action(d, member(o, "action"), &p->action);
	path_pop(d, mark);
	p->prefix_v4 = 32;
	p->prefix_v6 = 128;
	if (kind < 0)
		return;
	p->kind = kind;
	check_keys(d, o, keys[kind], nkeys[kind], kind_what[kind]);
	if (kind == POLICY_MATCH)
		p->where = member_pred(ps, o, "where", true);
	else if (kind == POLICY_WINDOW)
		parse_window(ps, o, p);
	else
		parse_rate(d, o, p);
}

/* ---- files and sets ------------------------------------------------------ */

void policy_set_free(struct policy_set *ps)
{
	if (!ps)
		return;
	for (size_t i = 0; i < ps->count; i++) {
		free(ps->policies[i].description);
		free(ps->policies[i].file);
	}
	free(ps->policies);
	regex_set_free(ps->regexes);
	pred_arena_free(ps->arena);
	free(ps);
}

/* One JSON text holding one policy, appended to set. */
static int add_text(struct policy_set *set, const struct policy_report *rep, const char *file,
		    const char *text, size_t len)
{
	struct parser ps = { .d = { .file = file, .rep = rep }, .rs = set->regexes,
			     .arena = set->arena };
	struct json_tokener *tok = json_tokener_new_ex(JSON_MAX_DEPTH);
	struct json_object *root = NULL;
	struct policy *p, *grown;
	size_t end;

	if (!tok)
		return -ENOMEM;
	if (len > POLICY_MAX_FILE)
		failf(&ps.d, "expected a policy file of at most 1 MiB, got %zu bytes", len);
	else
		root = json_tokener_parse_ex(tok, text, (int)len);
	end = root ? json_tokener_get_parse_end(tok) : 0;
	while (root && end < len && strchr(" \t\r\n", text[end]) && text[end])
		end++;
	if (!ps.d.errors && (!root || end < len)) {
		enum json_tokener_error e = json_tokener_get_error(tok);

		failf(&ps.d, "expected one JSON object, got %s at byte %zu",
		      !root ? json_tokener_error_desc(e == json_tokener_continue
							      ? json_tokener_error_parse_eof
							      : e)
			    : "data after the object",
		      root ? end : json_tokener_get_parse_end(tok));
	} else if (!ps.d.errors && !json_object_is_type(root, json_type_object)) {
		fail(&ps.d, "a JSON object (one policy per file)", root);
	}
	json_tokener_free(tok);
	if (ps.d.errors) {
		json_object_put(root);
		return -EINVAL;
	}
	grown = realloc(set->policies, (set->count + 1) * sizeof(*grown));
	if (!grown) {
		json_object_put(root);
		return -ENOMEM;
	}
	set->policies = grown;
	p = &set->policies[set->count++];
	memset(p, 0, sizeof(*p));
	p->file = strdup(file);
	parse_policy(&ps, root, p);
	json_object_put(root);
	for (size_t i = 0; i + 1 < set->count && p->name[0]; i++)
		if (!strcmp(set->policies[i].name, p->name)) {
			path_key(&ps.d, "name");
			failf(&ps.d, "expected a name unique in the directory, got \"%s\" (also in %s)",
			      p->name, set->policies[i].file);
		}
	return ps.d.errors ? -EINVAL : 0;
}

static int read_file(const char *path, char **buf, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	ssize_t n;
	size_t got = 0;

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		return -EISDIR;
	}
	/* One byte more than allowed, so an oversized file is seen as such. */
	*buf = malloc(POLICY_MAX_FILE + 2);
	if (!*buf) {
		close(fd);
		return -ENOMEM;
	}
	while (got <= POLICY_MAX_FILE && (n = read(fd, *buf + got, POLICY_MAX_FILE + 1 - got)) > 0)
		got += (size_t)n;
	close(fd);
	(*buf)[got] = '\0';
	*len = got;
	return 0;
}

static int add_file(struct policy_set *set, const struct policy_report *rep, const char *path)
{
	char *buf = NULL;
	size_t len = 0;
	int err = read_file(path, &buf, &len);

	if (err == -ENOMEM)
		return err;
	if (err) {
		struct diag d = { .file = path, .rep = rep };

		failf(&d, "expected a readable policy file, got %s", strerror(-err));
		return -EINVAL;
	}
	err = add_text(set, rep, path, buf, len);
	free(buf);
	return err;
}

static struct policy_set *set_new(void)
{
	struct policy_set *set = calloc(1, sizeof(*set));

	if (set && (!(set->regexes = regex_set_new()) || !(set->arena = pred_arena_new()))) {
		policy_set_free(set);
		return NULL;
	}
	return set;
}

/* Compile the regexes once every file is in; any error so far fails the set. */
static int set_finish(struct policy_set *set, int err, unsigned int regex_flags,
		      struct policy_set **out)
{
	if (!err)
		err = regex_set_compile(set->regexes, regex_flags);
	if (err) {
		policy_set_free(set);
		return err;
	}
	*out = set;
	return 0;
}

static int json_name(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return n > 5 && e->d_name[0] != '.' && !strcmp(e->d_name + n - 5, ".json");
}

int policy_set_load_dir(const char *dir, const struct policy_report *rep,
			struct policy_set **out)
{
	struct dirent **names = NULL;
	struct policy_set *set;
	int n, err = 0;

	n = scandir(dir, &names, json_name, alphasort);
	if (n < 0) {
		struct diag d = { .file = dir, .rep = rep };

		failf(&d, "expected a directory of policy files, got %s", strerror(errno));
		return -EINVAL;
	}
	set = set_new();
	if (!set)
		err = -ENOMEM;
	for (int i = 0; i < n; i++) {
		char path[4096];
		int e = 0;

		if (set && err != -ENOMEM && i < POLICY_MAX_POLICIES) {
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
			e = add_file(set, rep, path);
		} else if (set && i == POLICY_MAX_POLICIES) {
			struct diag d = { .file = dir, .rep = rep };

			failf(&d, "expected at most %d policy files, got %d", POLICY_MAX_POLICIES,
			      n);
			e = -EINVAL;
		}
		if (e && err != -ENOMEM)
			err = e;
		free(names[i]);
	}
	free(names);
	if (!set)
		return err;
	return set_finish(set, err, 0, out);
}

int policy_set_load_file(const char *path, const struct policy_report *rep,
			 struct policy_set **out)
{
	struct policy_set *set = set_new();

	if (!set)
		return -ENOMEM;
	return set_finish(set, add_file(set, rep, path), 0, out);
}

int policy_set_parse(const char *name, const char *json, size_t len, unsigned int regex_flags,
		     const struct policy_report *rep, struct policy_set **out)
{
	struct policy_set *set = set_new();

	if (!set)
		return -ENOMEM;
	return set_finish(set, add_text(set, rep, name, json, len), regex_flags, out);
}
