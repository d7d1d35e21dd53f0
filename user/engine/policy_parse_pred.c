// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Predicates: JSON -> the pred tree predicate.c evaluates, typed by field. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/policy_parse_internal.h"
#include "engine/transform.h"

struct op_def {
	const char *name;
	enum pred_op op;
	unsigned int types; /* field types it applies to */
};

#define T(t) REQ_TYPE_BIT(REQ_TYPE_##t)
static const struct op_def op_defs[] = {
	{ "eq", PRED_EQ, REQ_TYPES_ANY },
	{ "ne", PRED_NE, REQ_TYPES_ANY },
	{ "in", PRED_IN, T(STR) | T(NUM) | T(TIME) },
	{ "lt", PRED_LT, T(NUM) | T(TIME) },
	{ "le", PRED_LE, T(NUM) | T(TIME) },
	{ "gt", PRED_GT, T(NUM) | T(TIME) },
	{ "ge", PRED_GE, T(NUM) | T(TIME) },
	{ "prefix", PRED_PREFIX, T(STR) },
	{ "suffix", PRED_SUFFIX, T(STR) },
	{ "contains", PRED_CONTAINS, T(STR) },
	{ "regex", PRED_REGEX, T(STR) },
	{ "iregex", PRED_REGEX, T(STR) },
	{ "phrases", PRED_PHRASES, T(STR) },
	{ "phrases_file", PRED_PHRASES, T(STR) },
	{ "cidr", PRED_CIDR, T(ADDR) },
	{ "exists", PRED_EXISTS, REQ_TYPES_ANY },
};
#undef T

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
		if (v && pp_json_number(v, &p->u.num))
			return true;
	}
	pp_fail(&ps->d, scalar_desc(t), v);
	return false;
}

static bool leaf_in(struct parser *ps, struct pred *p, enum req_type t, struct json_object *v)
{
	bool strings = t == REQ_TYPE_STR;
	size_t n = v && json_object_is_type(v, json_type_array) ? json_object_array_length(v) : 0;
	const char *what = strings ? "a non-empty array of strings" : "a non-empty array of numbers";

	if (!n || n > POLICY_MAX_LIST) {
		pp_fail(&ps->d, what, v);
		return false;
	}
	p->u.nums = pred_alloc(ps->arena, n * (strings ? sizeof(struct gh_str) : sizeof(double)));
	if (!p->u.nums)
		return false;
	for (size_t i = 0; i < n; i++) {
		struct json_object *item = json_object_array_get_idx(v, i);
		bool ok = strings ? json_object_is_type(item, json_type_string)
				  : pp_json_number(item, &p->u.nums[i]);

		if (ok && strings && !copy_str(ps, item, &p->u.strs[i]))
			return false;
		if (!ok) {
			pp_fail(&ps->d, what, v);
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
		pp_fail(&ps->d, what, v);
		return false;
	}
	p->u.cidrs = pred_alloc(ps->arena, n * sizeof(*p->u.cidrs));
	if (!p->u.cidrs)
		return false;
	for (size_t i = 0; i < n; i++) {
		struct json_object *item = list ? json_object_array_get_idx(v, i) : v;

		if (!json_object_is_type(item, json_type_string) ||
		    gh_cidr_parse(json_object_get_string(item), &p->u.cidrs[i])) {
			pp_fail(&ps->d, what, item);
			return false;
		}
		p->n++;
	}
	return true;
}

static bool leaf_regex(struct parser *ps, struct pred *p, bool caseless, struct json_object *v)
{
	size_t len;
	char err[200], *expanded;
	bool put_in;
	int id;

	if (!pp_expect_type(&ps->d, v, json_type_string, "a PCRE2 pattern"))
		return false;
	len = (size_t)json_object_get_string_len(v);
	id = pp_expand_patterns(ps, json_object_get_string(v), len, &expanded, &len);
	if (id == -ENOMEM)
		pp_failf(&ps->d, "expected to load, got %s", strerror(ENOMEM));
	if (id)
		return false;
	put_in = expanded != NULL;
	id = regex_set_add(ps->rs, p->subj, put_in ? expanded : json_object_get_string(v), len,
			   caseless, err, sizeof(err));
	free(expanded);
	if (id == -EINVAL) {
		char g[GOT_MAX + 8];

		pp_got_text(v, g, sizeof(g));
		/* The offset counts in what PCRE2 compiled: the text with its patterns put in. */
		pp_failf(&ps->d, "expected a PCRE2 pattern, got %s: %s%s", g, err,
			 put_in ? " (in the regex with its patterns put in)" : "");
	}
	p->u.regex = id;
	return id >= 0;
}

static bool phrases_inline(struct parser *ps, struct phrase_list *pl, struct json_object *v)
{
	size_t n = v && json_object_is_type(v, json_type_array) ? json_object_array_length(v) : 0;
	char what[96];

	snprintf(what, sizeof(what), "an array of 1 to %d phrases (strings of 1 to %d bytes)",
		 POLICY_MAX_LIST, PHRASE_MAX_LEN);
	if (!n || n > POLICY_MAX_LIST) {
		pp_fail(&ps->d, what, v);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		struct json_object *item = json_object_array_get_idx(v, i);
		int err = -EINVAL;

		if (json_object_is_type(item, json_type_string))
			err = phrase_list_add(pl, json_object_get_string(item),
					      (size_t)json_object_get_string_len(item));
		if (err == -ENOMEM)
			return false;
		if (err) {
			size_t mark = pp_path_push(&ps->d, "[%zu]", i);

			pp_fail(&ps->d, what, item);
			pp_path_pop(&ps->d, mark);
			return false;
		}
	}
	return true;
}

/* A list file named relative to the policy file's directory (or absolute), read into pl. */
static bool phrases_file(struct parser *ps, struct phrase_list *pl, struct json_object *v)
{
	struct diag *d = &ps->d;
	unsigned long line;
	char *path;
	int err;

	if (!v || !json_object_is_type(v, json_type_string) || !json_object_get_string_len(v)) {
		pp_fail(d, "a list file (relative to the policy file's directory, or absolute)", v);
		return false;
	}
	path = pp_path_beside(d, json_object_get_string(v));
	if (!path)
		return false;
	if (strlen(path) >= 4096) {
		pp_fail(d, "a list file whose path fits in 4095 bytes", v);
		free(path);
		return false;
	}
	err = phrase_list_read(pl, path, &line);
	if (!err && !pl->n)
		pp_failf(d, "%s: expected at least one phrase, got none", path);
	else if (err == -EMSGSIZE)
		pp_failf(d, "%s:%lu: expected a phrase of at most %d bytes, got a longer one", path,
			 line, PHRASE_MAX_LEN);
	else if (err == -E2BIG)
		pp_failf(d, "%s:%lu: expected at most %d phrases, got more", path, line,
			 PHRASE_MAX_ENTRIES);
	else if (err == -EFBIG)
		pp_failf(d, "%s: expected a list file of at most %u MiB, got a larger one", path,
			 PHRASE_MAX_FILE >> 20);
	else if (err && err != -ENOMEM)
		pp_failf(d, "%s: expected a readable list file, got %s", path,
			 err == -ENOTSUP ? "something other than a regular file" : strerror(-err));
	free(path);
	return !err && pl->n;
}

static bool leaf_phrases(struct parser *ps, struct pred *p, bool from_file, struct json_object *v)
{
	struct phrase_list pl = { 0 };

	if (!(from_file ? phrases_file(ps, &pl, v) : phrases_inline(ps, &pl, v))) {
		phrase_list_free(&pl);
		return false;
	}
	phrase_list_finish(&pl);
	p->u.regex = regex_set_add_phrases(ps->rs, p->subj, &pl);
	return p->u.regex >= 0;
}

/* "transform": [NAME, ...] on a string leaf: sets the leaf's subject. */
static bool leaf_transform(struct parser *ps, struct pred *p, struct json_object *v)
{
	struct diag *d = &ps->d;
	size_t n = v && json_object_is_type(v, json_type_array) ? json_object_array_length(v) : 0;
	size_t mark = pp_path_key(d, "transform"), used = 0;
	uint32_t chain = 0;
	char names[160], what[224];
	int sj = 0;

	for (int x = XF_NONE + 1; x < XF_COUNT; x++)
		used += (size_t)snprintf(names + used, sizeof(names) - used, "%s%s",
					 used ? ", " : "", xform_name(x));
	snprintf(what, sizeof(what), "an array of 1 to %d transformations (%s)", XF_MAX_STEPS,
		 names);
	if (req_field_type(p->field) != REQ_TYPE_STR || p->op == PRED_EXISTS) {
		pp_fail(d, "no transform: transformations apply to string fields, with any "
			"operator but exists", v);
		sj = -EINVAL;
	} else if (!n || n > XF_MAX_STEPS) {
		pp_fail(d, what, v);
		sj = -EINVAL;
	}
	for (size_t i = 0; !sj && i < n; i++) {
		struct json_object *item = json_object_array_get_idx(v, i);
		int x = json_object_is_type(item, json_type_string)
				? xform_by_name(json_object_get_string(item))
				: -1;

		if (x < 0) {
			size_t m = pp_path_push(d, "[%zu]", i);

			snprintf(what, sizeof(what), "a transformation (%s)", names);
			pp_fail(d, what, item);
			pp_path_pop(d, m);
			sj = -EINVAL;
		} else {
			xform_chain_push(&chain, (enum xform)x);
		}
	}
	if (!sj)
		sj = regex_set_subject(ps->rs, p->field, chain);
	if (sj == -E2BIG)
		pp_failf(d, "expected at most 65535 distinct fields and transforms, got more");
	pp_path_pop(d, mark);
	if (sj < 0)
		return false;
	p->subj = (uint16_t)sj;
	return true;
}

/* The value of one operator; the node's op, field and subject are set. */
static bool leaf_value(struct parser *ps, struct pred *p, const char *opname, struct json_object *v)
{
	enum req_type t = req_field_type(p->field);

	switch (p->op) {
	case PRED_EXISTS:
		if (!pp_expect_type(&ps->d, v, json_type_boolean, "true or false"))
			return false;
		p->flag = json_object_get_boolean(v);
		return true;
	case PRED_IN: return leaf_in(ps, p, t, v);
	case PRED_CIDR: return leaf_cidr(ps, p, v);
	case PRED_REGEX: return leaf_regex(ps, p, opname[0] == 'i', v);
	case PRED_PHRASES: return leaf_phrases(ps, p, !strcmp(opname, "phrases_file"), v);
	case PRED_EQ:
	case PRED_NE: return leaf_scalar(ps, p, t, v);
	case PRED_PREFIX:
	case PRED_SUFFIX:
	case PRED_CONTAINS:
		return pp_expect_type(&ps->d, v, json_type_string, "a string") &&
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

	mark = pp_path_key(d, "field");
	f = pp_field_value(d, pp_member(o, "field"), REQ_TYPES_ANY, "a record field");
	pp_path_pop(d, mark);
	json_object_object_foreach(o, key, v) {
		if (!strcmp(key, "field") || !strcmp(key, "transform"))
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
			pp_failf(d, "expected exactly one operator, got %s and %s", opname, second);
		else
			pp_failf(d, "expected an operator next to field, got none");
		return NULL;
	}
	mark = pp_path_key(d, opname);
	def = op_by_name(opname);
	if (!def || (f >= 0 && !(def->types >> req_field_type(f) & 1))) {
		if (f >= 0) {
			ops_for_type(req_field_type(f), ops, sizeof(ops));
			pp_failf(d, "expected an operator for field %s (%s), got %s",
				 req_field_name(f), ops, opname);
		} else {
			ops_for_type(REQ_TYPE_STR, ops, sizeof(ops));
			pp_failf(d, "expected an operator (%s, lt, le, gt, ge, cidr), got %s", ops,
				 opname);
		}
		pp_path_pop(d, mark);
		return NULL;
	}
	if (f >= 0 && def->op == PRED_EXISTS && REQ_DERIVED >> f & 1) {
		pp_failf(d, "field %s is computed for every record, so exists always holds; "
			    "expected eq true or eq false", req_field_name(f));
		pp_path_pop(d, mark);
		return NULL;
	}
	pp_path_pop(d, mark);
	p = f >= 0 ? pred_alloc(ps->arena, sizeof(*p)) : NULL;
	if (p) {
		bool ok;

		p->op = (uint8_t)def->op;
		p->field = (uint8_t)f;
		regex_set_name_field(ps->rs, (enum req_field)f);
		p->subj = (uint16_t)f;
		ok = !pp_member(o, "transform") || leaf_transform(ps, p, pp_member(o, "transform"));
		mark = pp_path_key(d, opname);
		ok = leaf_value(ps, p, opname, val) && ok;
		pp_path_pop(d, mark);
		if (!ok)
			p = NULL;
	}
	return p;
}

static struct pred *parse_pred(struct parser *ps, struct json_object *o);

static struct pred *parse_list(struct parser *ps, enum pred_op op, struct json_object *arr)
{
	struct pred *p;
	size_t n;
	bool ok = true;

	if (!pp_expect_type(&ps->d, arr, json_type_array, "an array of predicates"))
		return NULL;
	n = json_object_array_length(arr);
	p = pred_alloc(ps->arena, sizeof(*p));
	if (!p || !(p->u.kids = pred_alloc(ps->arena, (n ? n : 1) * sizeof(*p->u.kids))))
		return NULL;
	p->op = (uint8_t)op;
	for (size_t i = 0; i < n; i++) {
		size_t mark = pp_path_push(&ps->d, "[%zu]", i);
		struct pred *kid = parse_pred(ps, json_object_array_get_idx(arr, i));

		pp_path_pop(&ps->d, mark);
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
				pp_failf(&ps->d, "expected %s alone in its object, got also %s",
					 key, other);
				return NULL;
			}
		}
	}
	mark = pp_path_key(&ps->d, key);
	if (!strcmp(key, "not"))
		p = parse_not(ps, pp_member(o, key));
	else
		p = parse_list(ps, key[1] == 'l' ? PRED_ALL : PRED_ANY, pp_member(o, key));
	pp_path_pop(&ps->d, mark);
	return p;
}

static struct pred *parse_pred(struct parser *ps, struct json_object *o)
{
	static const char *const combinators[] = { "all", "any", "not" };
	struct pred *p = NULL;

	if (!o || !json_object_is_type(o, json_type_object)) {
		pp_fail(&ps->d, "a predicate: {\"all\": [...]}, {\"any\": [...]}, "
			"{\"not\": {...}} or {\"field\": NAME, OPERATOR: VALUE}", o);
		return NULL;
	}
	if (ps->depth >= PRED_MAX_DEPTH) {
		pp_failf(&ps->d, "expected predicates nested at most %d deep, got deeper",
			 PRED_MAX_DEPTH);
		return NULL;
	}
	ps->depth++;
	for (size_t i = 0; i < 3 && !p; i++)
		if (pp_member(o, combinators[i])) {
			p = parse_combinator(ps, o, combinators[i]);
			goto out;
		}
	p = parse_leaf(ps, o);
out:
	ps->depth--;
	return p;
}

/*
 * A top-level predicate member, or o itself for key NULL (a predicate alone):
 * parsed, finished, NULL when absent or bad.
 */
struct pred *pp_member_pred(struct parser *ps, struct json_object *o, const char *key,
			    bool required)
{
	struct json_object *v = key ? pp_member(o, key) : o;
	struct pred *p = NULL;
	size_t mark;
	int before;

	if (!v && !required)
		return NULL;
	mark = key ? pp_path_key(&ps->d, key) : ps->d.plen;
	before = ps->d.errors;
	p = parse_pred(ps, v);
	if (p)
		pred_finish(p);
	else if (ps->d.errors == before) /* nothing wrong with the input: memory ran out */
		pp_failf(&ps->d, "expected to load, got %s", strerror(ENOMEM));
	pp_path_pop(&ps->d, mark);
	return p;
}
