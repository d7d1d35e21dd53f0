// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * A request's shape: its endpoint key (method and normalised path), the
 * classes of its path, and per parameter name its longest value and the
 * classes of its values. Learning and scoring both read requests through
 * here only, so they always see the same thing.
 */
#include <stdio.h>
#include <string.h>

#include "base/hash.h"
#include "engine/endpoint_model_internal.h"
#include "engine/transform.h"

#define C(name) EM_BIT(EC_##name)

/* ---- character classes ---------------------------------------------------- */

static const char *const class_names[EC_COUNT] = {
	[EC_LOWER] = "lower",     [EC_UPPER] = "upper",         [EC_DIGIT] = "digit",
	[EC_SPACE] = "space",     [EC_DOT] = "dot",             [EC_DASH] = "dash",
	[EC_SLASH] = "slash",     [EC_COLON] = "colon",         [EC_PERCENT] = "percent",
	[EC_QUOTE] = "quote",     [EC_ANGLE] = "angle",         [EC_BRACKET] = "bracket",
	[EC_SHELL] = "shell",     [EC_EQUALS] = "equals",       [EC_COMMA] = "comma",
	[EC_AT_HASH] = "at_hash", [EC_BACKSLASH] = "backslash", [EC_CONTROL] = "control",
	[EC_NON_ASCII] = "non_ascii", [EC_OTHER] = "other",
};

/* Each byte's class as a mask bit: a value's classes are the OR over its bytes. */
static const uint32_t byte_class[256] = {
	[0x00 ... 0x1f] = C(CONTROL), [0x7f] = C(CONTROL),   [0x80 ... 0xff] = C(NON_ASCII),
	['a' ... 'z'] = C(LOWER),     ['A' ... 'Z'] = C(UPPER), ['0' ... '9'] = C(DIGIT),
	[' '] = C(SPACE),   ['+'] = C(SPACE),   ['.'] = C(DOT),       ['-'] = C(DASH),
	['_'] = C(DASH),    ['/'] = C(SLASH),   [':'] = C(COLON),     ['%'] = C(PERCENT),
	['\''] = C(QUOTE),  ['"'] = C(QUOTE),   ['`'] = C(QUOTE),     ['<'] = C(ANGLE),
	['>'] = C(ANGLE),   ['('] = C(BRACKET), [')'] = C(BRACKET),   ['['] = C(BRACKET),
	[']'] = C(BRACKET), ['{'] = C(BRACKET), ['}'] = C(BRACKET),   [';'] = C(SHELL),
	['|'] = C(SHELL),   ['&'] = C(SHELL),   ['$'] = C(SHELL),     ['='] = C(EQUALS),
	[','] = C(COMMA),   ['@'] = C(AT_HASH), ['#'] = C(AT_HASH),   ['\\'] = C(BACKSLASH),
	['!'] = C(OTHER),   ['?'] = C(OTHER),   ['*'] = C(OTHER),     ['~'] = C(OTHER),
	['^'] = C(OTHER),
};

static uint32_t classes_of(const char *p, size_t n)
{
	uint32_t m = 0;

	for (size_t i = 0; i < n; i++)
		m |= byte_class[(unsigned char)p[i]];
	return m;
}

const char *endpoint_class_name(enum endpoint_class c)
{
	return (unsigned)c < EC_COUNT ? class_names[c] : "";
}

int endpoint_class_by_name(const char *name)
{
	for (int c = 0; c < EC_COUNT; c++)
		if (!strcmp(class_names[c], name))
			return c;
	return -1;
}

size_t endpoint_classes_format(uint32_t mask, char *buf, size_t len)
{
	size_t o = 0;

	if (!len)
		return 0;
	buf[0] = '\0';
	for (int c = 0; c < EC_COUNT; c++) {
		int w;

		if (!(mask & EM_BIT(c)))
			continue;
		w = snprintf(buf + o, len - o, "%s%s", o ? "," : "", class_names[c]);
		if (w < 0 || (size_t)w >= len - o)
			return strlen(buf);
		o += (size_t)w;
	}
	return o;
}

/* ---- request shapes ------------------------------------------------------- */

uint64_t em_hash(const char *p, size_t len)
{
	return gh_hash_bytes(p, len, EM_HASH_SEED);
}

/* Cutting text at n must not split a UTF-8 sequence: the model file keeps only valid text. */
static size_t utf8_cut(const char *p, size_t n, size_t max)
{
	if (n <= max)
		return n;
	while (max && ((unsigned char)p[max] & 0xc0) == 0x80)
		max--;
	return max;
}

static bool all_of(const char *p, size_t n, bool (*pred)(unsigned char))
{
	for (size_t i = 0; i < n; i++)
		if (!pred((unsigned char)p[i]))
			return false;
	return true;
}

static bool is_digit(unsigned char c)
{
	return byte_class[c] == C(DIGIT);
}

static bool is_hex(unsigned char c)
{
	return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

static bool is_token(unsigned char c)
{
	return byte_class[c] & (C(LOWER) | C(UPPER) | C(DIGIT) | C(DASH)) || c == '=' || c == '+';
}

static bool is_uuid(const char *p, size_t n)
{
	if (n != 36)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((i == 8 || i == 13 || i == 18 || i == 23) ? p[i] != '-' : !is_hex((unsigned char)p[i]))
			return false;
	return true;
}

/*
 * Ids: numbers, hex digests, UUIDs, base64 tokens. Slugs ("my-first-post",
 * "top-10-tips") are not: a token needs digits and both cases, which words
 * rarely have and 16 random base64 characters almost always do.
 */
static bool is_id(const char *p, size_t n)
{
	uint32_t m = classes_of(p, n);

	if (!n)
		return false;
	if (all_of(p, n, is_digit))
		return true;
	if (n >= 8 && (m & C(DIGIT)) && all_of(p, n, is_hex))
		return true;
	if (is_uuid(p, n))
		return true;
	return n >= 16 && (m & C(DIGIT)) && (m & C(UPPER)) && (m & C(LOWER)) &&
	       all_of(p, n, is_token);
}

static void key_put(struct shape *s, const char *p, size_t n)
{
	size_t room = sizeof(s->key) - 1 - s->key_len;

	n = utf8_cut(p, n, room);
	memcpy(s->key + s->key_len, p, n);
	s->key_len += n;
}

/* "METHOD /normalised/path" and the classes of the decoded path. */
static void shape_endpoint(const struct request_record *r, struct shape *s)
{
	char buf[ENDPOINT_PATH_EXAMINE];
	size_t n = !req_has(r, REQ_PATH) ? 0 : r->path.len < sizeof(buf) ? r->path.len : sizeof(buf);
	bool encoded;

	s->key_len = 0;
	if (req_has(r, REQ_METHOD) && r->method_str.len)
		key_put(s, r->method_str.p,
			r->method_str.len < ENDPOINT_METHOD_MAX ? r->method_str.len : ENDPOINT_METHOD_MAX);
	else
		key_put(s, "-", 1);
	key_put(s, " ", 1);

	if (n)
		memcpy(buf, r->path.p, n);
	encoded = memchr(buf, '%', n) != NULL;
	n = xform_apply(XF_URL_DECODE, false, buf, n);
	s->path_classes = classes_of(buf, n) | (encoded ? C(PERCENT) : 0);
	for (size_t i = 0; i < n;) {
		const char *seg = buf + i, *slash;
		size_t len;

		if (buf[i] == '/') {
			if (s->key[s->key_len - 1] != '/')
				key_put(s, "/", 1);
			i++;
			continue;
		}
		slash = memchr(seg, '/', n - i);
		len = slash ? (size_t)(slash - seg) : n - i;
		if (is_id(seg, len))
			key_put(s, "{id}", 4);
		else
			key_put(s, seg, len);
		i += len;
	}
	s->key[s->key_len] = '\0';
	s->key_hash = em_hash(s->key, s->key_len);
}

/* The entry for this decoded name (merged with an earlier one), or NULL when full. */
static struct shape_param *shape_param_of(struct shape *s, const char *name, size_t len)
{
	uint64_t h;

	len = utf8_cut(name, len, ENDPOINT_PARAM_NAME_MAX - 1);
	h = em_hash(name, len);
	for (size_t i = 0; i < s->n; i++)
		if (s->params[i].hash == h && s->params[i].name_len == len &&
		    !memcmp(s->params[i].name, name, len))
			return &s->params[i];
	if (s->n == ENDPOINT_QUERY_PARAMS_MAX)
		return NULL;
	s->params[s->n] = (struct shape_param){ .hash = h, .name_len = (uint8_t)len };
	memcpy(s->params[s->n].name, name, len);
	s->params[s->n].name[len] = '\0';
	return &s->params[s->n++];
}

/* The query's parameters: its first QUERY_EXAMINE bytes, at most QUERY_PARAMS_MAX names. */
static void shape_query(const struct request_record *r, struct shape *s)
{
	char buf[ENDPOINT_QUERY_EXAMINE];
	const struct gh_str *q = &r->query;
	size_t start = 0;

	s->n = 0;
	if (!req_has(r, REQ_QUERY))
		return;
	while (start < q->len && start < sizeof(buf)) {
		const char *p = q->p + start, *eq, *amp = memchr(p, '&', q->len - start);
		size_t len = amp ? (size_t)(amp - p) : q->len - start;
		size_t room = sizeof(buf) - start, name_len, n;
		struct shape_param *sp;

		start += len + 1;
		if (!len)
			continue;
		eq = memchr(p, '=', len);
		name_len = eq ? (size_t)(eq - p) : len;
		n = name_len < room ? name_len : room;
		memcpy(buf, p, n);
		sp = shape_param_of(s, buf, xform_apply(XF_URL_DECODE, true, buf, n));
		if (!sp)
			break;
		if (!eq)
			continue;
		len -= name_len + 1;
		if (len > sp->len)
			sp->len = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
		room = room > name_len + 1 ? room - name_len - 1 : 0;
		n = len < room ? len : room;
		memcpy(buf, eq + 1, n);
		sp->classes |= memchr(buf, '%', n) ? C(PERCENT) : 0;
		sp->classes |= classes_of(buf, xform_apply(XF_URL_DECODE, true, buf, n));
	}
}

void em_shape(const struct request_record *r, struct shape *s)
{
	shape_endpoint(r, s);
	shape_query(r, s);
}

size_t endpoint_model_key(const struct request_record *r, char *buf, size_t len)
{
	struct shape s;
	size_t n;

	if (!len)
		return 0;
	shape_endpoint(r, &s);
	n = s.key_len < len - 1 ? s.key_len : len - 1;
	memcpy(buf, s.key, n);
	buf[n] = '\0';
	return n;
}
