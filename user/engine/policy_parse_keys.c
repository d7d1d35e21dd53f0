// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Keys given twice in one object. json-c keeps the last of two equal keys
 * and says nothing, so a policy saying "mode": "enforce" near the top and
 * "mode": "monitor" further down would run the one a reviewer did not
 * read. This pass walks the text json-c has just accepted, so it is well
 * formed (json-c's extensions included: comments, single-quoted strings),
 * and compares keys as json-c decoded them: escapes resolved, a NUL ending
 * the key. Each object's keys are checked when it closes: sorted, so the
 * cost is n log n whatever the keys are.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/escape.h"
#include "base/vec.h"
#include "engine/policy_parse_internal.h"

struct key {
	size_t off, len; /* into the names buffer */
	size_t seq;      /* position in the text */
};

struct level {
	bool object;
	bool want_key;   /* object: the next string is a key */
	size_t first;    /* object: its first key in keys */
	size_t names_at; /* object: where its keys' names start */
	size_t key;      /* object: the key whose value is being read */
	size_t index;    /* array: the element being read */
};

struct scan {
	struct diag *d;
	const char *text;
	size_t len;
	struct level lv[PP_JSON_MAX_DEPTH];
	int depth;
	struct key *keys;
	size_t nkeys, keys_cap;
	char *names;
	size_t nnames, names_cap;
};

static int add_name(struct scan *s, const char *p, size_t len)
{
	if (s->nnames + len > s->names_cap) {
		size_t cap = s->names_cap;
		char *grown;

		while (cap < s->nnames + len)
			cap *= 2;
		grown = realloc(s->names, cap);
		if (!grown)
			return -ENOMEM;
		s->names = grown;
		s->names_cap = cap;
	}
	memcpy(s->names + s->nnames, p, len);
	s->nnames += len;
	return 0;
}

/* The key's text as json-c stores it: escapes (rare in keys) decoded by json-c itself. */
static int add_key(struct scan *s, const char *raw, size_t raw_len)
{
	const char *p = raw + 1, *nul;
	size_t len = raw_len - 2;
	struct json_object *decoded = NULL;
	struct key *k;
	char *token;
	int err;

	if (memchr(p, '\\', len) && (token = strndup(raw, raw_len))) {
		decoded = json_tokener_parse(token);
		free(token);
		if (json_object_is_type(decoded, json_type_string)) {
			p = json_object_get_string(decoded);
			len = strlen(p);
		}
	}
	if ((nul = memchr(p, '\0', len)))
		len = (size_t)(nul - p);
	err = gh_vec_reserve((void **)&s->keys, &s->keys_cap, s->nkeys, sizeof(*s->keys), 16);
	if (!err) {
		k = &s->keys[s->nkeys];
		*k = (struct key){ .off = s->nnames, .len = len, .seq = s->nkeys };
		err = add_name(s, p, len);
		s->nkeys += !err;
	}
	json_object_put(decoded);
	return err;
}

static int cmp_key(const void *a, const void *b, void *names)
{
	const struct key *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp((const char *)names + x->off, (const char *)names + y->off, n);

	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->seq < y->seq ? -1 : 1;
}

static void escaped_name(const struct scan *s, size_t key, char *buf, size_t len)
{
	gh_escape_text(s->names + s->keys[key].off, s->keys[key].len, buf, len);
}

/* "FILE: PATH: expected each key once, got "KEY" twice", PATH the object's own. */
static void report_twice(struct scan *s, const struct key *k, size_t times)
{
	size_t mark = s->d->plen;
	char name[GOT_MAX];

	for (int i = 0; i + 1 < s->depth; i++) {
		if (s->lv[i].object) {
			escaped_name(s, s->lv[i].key, name, sizeof(name));
			pp_path_key(s->d, name);
		} else {
			pp_path_push(s->d, "[%zu]", s->lv[i].index);
		}
	}
	gh_escape_text(s->names + k->off, k->len, name, sizeof(name));
	if (times == 2)
		pp_failf(s->d, "expected each key once, got \"%s\" twice", name);
	else
		pp_failf(s->d, "expected each key once, got \"%s\" %zu times", name, times);
	pp_path_pop(s->d, mark);
}

/* The innermost object closes: report its repeated keys, then forget its keys. */
static void close_object(struct scan *s)
{
	struct level *o = &s->lv[s->depth - 1];
	struct key *k = s->keys + o->first;
	size_t n = s->nkeys - o->first;

	qsort_r(k, n, sizeof(*k), cmp_key, s->names);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && k[j].len == k[i].len &&
				!memcmp(s->names + k[j].off, s->names + k[i].off, k[i].len);
		     j++)
			;
		if (j - i > 1)
			report_twice(s, &k[i], j - i);
	}
	s->nkeys = o->first;
	s->nnames = o->names_at;
}

/* Past the string starting at i (its quote); len when it does not end. */
static size_t string_end(const struct scan *s, size_t i)
{
	char quote = s->text[i];

	for (i++; i < s->len && s->text[i] != quote; i++)
		if (s->text[i] == '\\')
			i++;
	return i < s->len ? i + 1 : s->len;
}

/* Past the comment starting at i ('/'); len when it does not end. */
static size_t comment_end(const struct scan *s, size_t i)
{
	const char *end;

	if (i + 1 < s->len && s->text[i + 1] == '*') {
		end = memmem(s->text + i + 2, s->len - i - 2, "*/", 2);
		return end ? (size_t)(end - s->text) + 2 : s->len;
	}
	end = memchr(s->text + i, '\n', s->len - i);
	return end ? (size_t)(end - s->text) + 1 : s->len;
}

static int open_level(struct scan *s, bool object)
{
	if (s->depth == PP_JSON_MAX_DEPTH)
		return -E2BIG; /* json-c refused deeper text already: cannot happen */
	s->lv[s->depth++] = (struct level){ .object = object, .want_key = object,
					    .first = s->nkeys, .names_at = s->nnames };
	return 0;
}

static int walk(struct scan *s)
{
	for (size_t i = 0, end; i < s->len; i = end) {
		struct level *top = s->depth ? &s->lv[s->depth - 1] : NULL;
		char c = s->text[i];
		int err = 0;

		end = i + 1;
		if (c == '"' || c == '\'') {
			end = string_end(s, i);
			if (top && top->want_key) {
				top->want_key = false;
				top->key = s->nkeys;
				err = add_key(s, s->text + i, end - i);
			}
		} else if (c == '/') {
			end = comment_end(s, i);
		} else if (c == '{' || c == '[') {
			err = open_level(s, c == '{');
		} else if ((c == '}' || c == ']') && top) {
			if (top->object)
				close_object(s);
			s->depth--;
		} else if (c == ',' && top) {
			top->want_key = top->object;
			top->index++;
		}
		if (err)
			return err;
	}
	return 0;
}

int pp_check_duplicate_keys(struct diag *d, const char *text, size_t len)
{
	/* Allocated from the start: never pointer arithmetic on NULL, even for "" keys. */
	struct scan s = { .d = d, .text = text, .len = len, .keys_cap = 16, .names_cap = 256 };
	int err;

	s.keys = malloc(s.keys_cap * sizeof(*s.keys));
	s.names = malloc(s.names_cap);
	err = s.keys && s.names ? walk(&s) : -ENOMEM;

	free(s.keys);
	free(s.names);
	return err == -ENOMEM ? err : 0;
}
