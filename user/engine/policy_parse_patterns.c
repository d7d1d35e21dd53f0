// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * "patterns": named regex fragments of one policy, written once and used by
 * name in its regex and iregex leaves as {{name}}. A command word list or a
 * set of callback domains that six leaves read stays one text to review and
 * to change. Each fragment is checked on its own (a typo is reported at
 * patterns.NAME, not at every leaf that uses it), may use the patterns
 * declared before it, and must be used: an unused one is dead text.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/policy_parse_internal.h"
#include "engine/predicate_internal.h"

/* A whole expansion past this is refused: nesting could otherwise double per level. */
#define EXPANDED_MAX (64u << 10)

struct pattern {
	char name[POLICY_PATTERN_NAME_MAX + 1];
	char *text; /* expanded: holds no {{name}}; NULL when it was refused */
	size_t len;
	bool used;
};

struct pp_patterns {
	struct pattern v[POLICY_MAX_PATTERNS];
	size_t n;
	bool refused;   /* "patterns" itself was refused: its names are unknown */
	bool declaring; /* reading "patterns": a fragment uses those before it */
};

static bool name_char(char c, bool first)
{
	return (c >= 'a' && c <= 'z') || (!first && ((c >= '0' && c <= '9') || c == '_'));
}

/* The length of a reference {{name}} at p (name as name_char allows), or 0. */
static size_t ref_len(const char *p, const char *end)
{
	const char *q = p + 2;

	if (end - p < 5 || p[0] != '{' || p[1] != '{' || !name_char(*q, true))
		return 0;
	while (q < end && name_char(*q, false))
		q++;
	return end - q >= 2 && q[0] == '}' && q[1] == '}' ? (size_t)(q + 2 - p) : 0;
}

static struct pattern *find(struct pp_patterns *pt, const char *name, size_t len)
{
	for (size_t i = 0; pt && i < pt->n; i++)
		if (strlen(pt->v[i].name) == len && !memcmp(pt->v[i].name, name, len))
			return &pt->v[i];
	return NULL;
}

static void names_text(const struct pp_patterns *pt, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; pt && i < pt->n && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? ", " : "",
					 pt->v[i].name);
	if (!used)
		snprintf(buf, len, "none declared");
}

/*
 * Where the scan of a regex stands: a reference counts only in open text,
 * not escaped (\{{x}}), in a character class ([{{x}}]) or in \Q...\E, where
 * a fragment put in would be read as something else.
 */
struct scan_ctx {
	bool in_class;
	bool in_quote;
};

/* The bytes at p that are one unit of open text, a class or a quote: 0 when p starts a reference. */
static size_t plain_len(struct scan_ctx *c, const char *p, const char *end, bool *ref_inside)
{
	if (c->in_quote) {
		if (end - p >= 2 && p[0] == '\\' && p[1] == 'E') {
			c->in_quote = false;
			return 2;
		}
		*ref_inside = *ref_inside || ref_len(p, end);
		return 1;
	}
	if (p[0] == '\\') {
		c->in_quote = end - p >= 2 && p[1] == 'Q';
		return end - p >= 2 ? 2 : 1;
	}
	if (c->in_class) {
		*ref_inside = *ref_inside || ref_len(p, end);
		c->in_class = p[0] != ']';
		return 1;
	}
	if (p[0] == '[') { /* a ] first in the class (also after ^) is a member */
		size_t n = 1 + (end - p > 1 && p[1] == '^');

		c->in_class = true;
		if (p + n < end && p[n] == ']')
			n++;
		return n;
	}
	return ref_len(p, end) ? 0 : 1;
}

static int grow(char **buf, size_t *cap, size_t need)
{
	char *grown;
	size_t c = *cap ? *cap : 256;

	if (need <= *cap)
		return 0;
	while (c < need)
		c *= 2;
	if (!(grown = realloc(*buf, c)))
		return -ENOMEM;
	*buf = grown;
	*cap = c;
	return 0;
}

int pp_expand_patterns(struct parser *ps, const char *in, size_t len, char **out, size_t *out_len)
{
	struct scan_ctx ctx = { 0 };
	const char *end = in + len;
	size_t cap = 0, n = 0, r;
	bool inside = false;
	char *buf = NULL;

	*out = NULL;
	if (!memmem(in, len, "{{", 2))
		return 0;
	for (const char *p = in; p < end; p += r) {
		struct pattern *pat;
		bool whole;

		r = plain_len(&ctx, p, end, &inside);
		if (inside) {
			pp_failf(&ps->d, "expected {{NAME}} in open text, got one in a character "
				 "class or \\Q...\\E (write \\{\\{ for literal braces)");
			free(buf);
			return -EINVAL;
		}
		if (r) { /* open text, an escape, a class or a quote: copied as it is */
			if (grow(&buf, &cap, n + r + 1)) {
				free(buf);
				return -ENOMEM;
			}
			memcpy(buf + n, p, r);
			n += r;
			continue;
		}
		r = ref_len(p, end);
		if (!((pat = find(ps->patterns, p + 2, r - 4)) && pat->text)) {
			char names[256];

			/* A refused pattern (or list) is reported already: counted only. */
			if (pat || (ps->patterns && ps->patterns->refused)) {
				ps->d.errors++;
			} else {
				names_text(ps->patterns, names, sizeof(names));
				pp_failf(&ps->d, "expected {{NAME}} to name a pattern %s (%s), "
					 "got %.*s (write \\{\\{ for literal braces)",
					 ps->patterns && ps->patterns->declaring
					 ? "declared before it" : "of this policy", names,
					 (int)r, p);
			}
			free(buf);
			return -EINVAL;
		}
		pat->used = true;
		whole = r == len; /* the leaf is {{name}} alone: no group needed */
		/* "(?:" text ")": the fragment stays one unit whatever surrounds it. */
		if (n + pat->len + 5 > EXPANDED_MAX) {
			pp_failf(&ps->d, "expected a regex of at most %u KiB once its patterns are "
				 "put in, got more", EXPANDED_MAX >> 10);
			free(buf);
			return -EINVAL;
		}
		if (grow(&buf, &cap, n + pat->len + 6)) {
			free(buf);
			return -ENOMEM;
		}
		if (!whole)
			n += (size_t)sprintf(buf + n, "(?:");
		memcpy(buf + n, pat->text, pat->len);
		n += pat->len;
		if (!whole)
			buf[n++] = ')';
	}
	buf[n] = '\0';
	*out = buf;
	*out_len = n;
	return 0;
}

/*
 * The fragment compiles on its own: then its brackets and groups are closed
 * within it, and "(?:" text ")" cannot reach into the leaf around it (a)|(b
 * compiles once wrapped, not alone).
 */
static bool fragment_compiles(struct diag *d, const char *text, size_t len)
{
	PCRE2_SIZE off;
	int rc;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)text, len, 0, &rc, &off, NULL);
	char msg[160];

	if (code) {
		pcre2_code_free(code);
		return true;
	}
	pcre2_get_error_message(rc, (PCRE2_UCHAR *)msg, sizeof(msg));
	pp_failf(d, "expected a regex fragment, got one that does not compile: %s at offset %zu",
		 msg, (size_t)off);
	return false;
}

/*
 * A fragment means the same in every leaf: no NUL (Hyperscan would read it
 * cut there) and no numbered back-reference, which would name the leaf's own
 * group of that number once the fragment is put in.
 */
static bool fragment_self_contained(struct diag *d, const char *text, size_t len)
{
	if (memchr(text, '\0', len)) {
		pp_failf(d, "expected a regex fragment without a NUL byte, got one with");
		return false;
	}
	for (size_t i = 0; i + 1 < len; i++) {
		if (text[i] != '\\')
			continue;
		if ((text[i + 1] >= '1' && text[i + 1] <= '9') || text[i + 1] == 'g') {
			pp_failf(d, "expected a regex fragment without numbered back-references, "
				 "got \\%c at offset %zu (they would name the leaf's groups)",
				 text[i + 1], i);
			return false;
		}
		i++; /* the escaped byte */
	}
	return true;
}

static bool valid_name(const char *s)
{
	size_t n = strlen(s);

	if (!n || n > POLICY_PATTERN_NAME_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!name_char(s[i], i == 0))
			return false;
	return true;
}

/* One member NAME: TEXT, appended to pt (the caller has pushed its path). */
static int add_one(struct parser *ps, struct pp_patterns *pt, const char *name,
		   struct json_object *v)
{
	struct pattern *pat = &pt->v[pt->n];
	char *expanded = NULL;
	size_t len;
	int err;

	if (!valid_name(name)) {
		pp_failf(&ps->d, "expected a pattern name of 1-%d characters a-z, 0-9 and _ "
			 "starting with a letter", POLICY_PATTERN_NAME_MAX);
		return -EINVAL;
	}
	err = -EINVAL;
	if (!json_object_is_type(v, json_type_string) || !json_object_get_string_len(v)) {
		pp_fail(&ps->d, "a non-empty regex fragment", v);
	} else {
		len = (size_t)json_object_get_string_len(v);
		err = pp_expand_patterns(ps, json_object_get_string(v), len, &expanded, &len);
		if (!err && !expanded && (expanded = malloc(len + 1))) {
			memcpy(expanded, json_object_get_string(v), len);
			expanded[len] = '\0';
		} else if (!err && !expanded) {
			err = -ENOMEM;
		}
		if (!err && !fragment_self_contained(&ps->d, expanded, len))
			err = -EINVAL;
		if (!err && !fragment_compiles(&ps->d, expanded, len))
			err = -EINVAL;
	}
	/* Named even when refused, so that its uses are not reported again. */
	snprintf(pat->name, sizeof(pat->name), "%s", name);
	pt->n++;
	if (err) {
		free(expanded);
		return err;
	}
	pat->text = expanded;
	pat->len = len;
	return 0;
}

void pp_parse_patterns(struct parser *ps, struct json_object *o)
{
	struct json_object *v = pp_member(o, "patterns");
	struct pp_patterns *pt;
	size_t mark;

	if (!v)
		return;
	mark = pp_path_key(&ps->d, "patterns");
	if (!(pt = ps->patterns = calloc(1, sizeof(*pt)))) {
		pp_failf(&ps->d, "expected to load, got %s", strerror(ENOMEM));
	} else if (!json_object_is_type(v, json_type_object) || !json_object_object_length(v) ||
		   json_object_object_length(v) > POLICY_MAX_PATTERNS) {
		char what[96];

		snprintf(what, sizeof(what), "an object of 1 to %d named regex fragments",
			 POLICY_MAX_PATTERNS);
		pp_fail(&ps->d, what, v);
		pt->refused = true;
	} else {
		pt->declaring = true;
		json_object_object_foreach(v, name, text) {
			size_t m = pp_path_key(&ps->d, name);
			int err = add_one(ps, pt, name, text);

			pp_path_pop(&ps->d, m);
			if (err == -ENOMEM)
				pp_failf(&ps->d, "expected to load, got %s", strerror(ENOMEM));
		}
		pt->declaring = false;
	}
	pp_path_pop(&ps->d, mark);
}

void pp_finish_patterns(struct parser *ps)
{
	struct pp_patterns *pt = ps->patterns;

	for (size_t i = 0; pt && i < pt->n; i++) {
		if (!pt->v[i].used && !ps->d.errors) {
			size_t mark = pp_path_key(&ps->d, "patterns");

			pp_path_key(&ps->d, pt->v[i].name);
			pp_failf(&ps->d, "expected a pattern some leaf uses as {{%s}}, got one "
				 "none uses", pt->v[i].name);
			pp_path_pop(&ps->d, mark);
		}
		free(pt->v[i].text);
	}
	free(pt);
	ps->patterns = NULL;
}
