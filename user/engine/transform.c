// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Transformations, each in place: the write position never passes the read
 * position, because every decoded form is at most as long as its encoding
 * (%XX is one byte, %uXXXX at most three UTF-8 bytes, &#x10000; four).
 */
#include <string.h>
#include <strings.h>

#include "base/utf8.h"
#include "engine/transform.h"

static const char *const xform_names[XF_COUNT] = {
	[XF_URL_DECODE] = "url_decode",
	[XF_URL_DECODE_UNI] = "url_decode_uni",
	[XF_LOWERCASE] = "lowercase",
	[XF_NORMALIZE_PATH] = "normalize_path",
	[XF_REMOVE_NULLS] = "remove_nulls",
	[XF_COMPRESS_WHITESPACE] = "compress_whitespace",
	[XF_HTML_ENTITY_DECODE] = "html_entity_decode",
	[XF_BASE64_VALUES] = "base64_values",
};

int xform_by_name(const char *name)
{
	for (int x = XF_NONE + 1; x < XF_COUNT; x++)
		if (!strcmp(xform_names[x], name))
			return x;
	return -1;
}

const char *xform_name(enum xform x)
{
	return x > XF_NONE && x < XF_COUNT ? xform_names[x] : "";
}

bool xform_chain_push(uint32_t *chain, enum xform x)
{
	for (int i = 0; i < XF_MAX_STEPS; i++)
		if (!(*chain >> (4 * i) & 0xf)) {
			*chain |= (uint32_t)x << (4 * i);
			return true;
		}
	return false;
}

/*
 * One round of %XX (and with uni %uXXXX: fullwidth ASCII U+FF01-U+FF5E as
 * the ASCII it stands for, anything else as UTF-8); malformed escapes stay.
 * *changed is set when anything was decoded.
 */
static size_t url_decode_round(char *b, size_t len, bool plus_space, bool uni, bool *changed)
{
	size_t o = 0, i = 0;

	while (i < len) {
		long v;

		if (b[i] == '%' && uni && i + 5 < len && (b[i + 1] | 0x20) == 'u' &&
		    (v = gh_hex_n(b + i + 2, 4)) >= 0) {
			if (v >= 0xff01 && v <= 0xff5e)
				v -= 0xfee0;
			o += gh_put_utf8(b + o, (unsigned long)v);
			i += 6;
		} else if (b[i] == '%' && i + 2 < len && (v = gh_hex_n(b + i + 1, 2)) >= 0) {
			b[o++] = (char)v;
			i += 3;
		} else if (b[i] == '+' && plus_space) {
			b[o++] = ' ';
			i++;
		} else {
			b[o++] = b[i++];
			continue;
		}
		*changed = true;
	}
	return o;
}

static size_t url_decode(char *b, size_t len, bool plus_space, bool uni)
{
	bool changed = true;

	/* Most values hold nothing to decode: a memchr instead of a copy loop. */
	if (!memchr(b, '%', len) && !(plus_space && memchr(b, '+', len)))
		return len;

	/*
	 * '+' is a space only as sent: the '+' a %2B decodes to is the
	 * application's '+' ({{7%2B7}}, 1%2B1), not a space on the next round.
	 */
	for (int r = 0; r < XF_URL_ROUNDS && changed; r++) {
		changed = false;
		len = url_decode_round(b, len, plus_space && r == 0, uni, &changed);
	}
	return len;
}

size_t xform_url_decode_once(char *buf, size_t len, bool plus_space)
{
	bool changed = false;

	return url_decode_round(buf, len, plus_space, false, &changed);
}

/* Whether the path has an empty, "." or ".." segment (backslashes already slashes). */
static bool needs_normalizing(const char *b, size_t len)
{
	const char *end = b + len, *s = memchr(b, '/', len);

	if (len && b[0] == '.')
		return true;
	for (; s && s + 1 < end; s = memchr(s + 1, '/', (size_t)(end - s - 1)))
		if (s[1] == '/' || s[1] == '.')
			return true;
	return false;
}

/*
 * Backslashes become slashes, empty and "." segments go, ".." removes the
 * segment before it and nothing at the root. A trailing slash stays.
 */
static size_t normalize_path(char *b, size_t len)
{
	size_t o = 0, i = 0, root;
	char *bs = memchr(b, '\\', len);

	for (; bs; bs = memchr(bs, '\\', len - (size_t)(bs - b)))
		*bs = '/';
	if (!needs_normalizing(b, len))
		return len;
	if (len && b[0] == '/') {
		o = 1;
		i = 1;
	}
	root = o;
	while (i < len) {
		const char *seg = b + i;
		const char *slash = memchr(seg, '/', len - i);
		size_t sl = slash ? (size_t)(slash - seg) : len - i;

		i += sl + (slash != NULL);
		if (!sl || (sl == 1 && seg[0] == '.'))
			continue;
		if (sl == 2 && seg[0] == '.' && seg[1] == '.') {
			if (o > root)
				for (o--; o > root && b[o - 1] != '/'; o--)
					;
			continue;
		}
		memmove(b + o, seg, sl);
		o += sl;
		if (slash)
			b[o++] = '/';
	}
	return o;
}

static size_t remove_nulls(char *b, size_t len)
{
	const char *nul = memchr(b, '\0', len);
	size_t o = nul ? (size_t)(nul - b) : len;

	for (size_t i = o; i < len; i++)
		if (b[i])
			b[o++] = b[i];
	return o;
}

static size_t compress_whitespace(char *b, size_t len)
{
	size_t o = 0;
	bool in_space = false;

	for (size_t i = 0; i < len; i++) {
		bool sp = b[i] == ' ' || (b[i] >= '\t' && b[i] <= '\r');

		if (!sp)
			b[o++] = b[i];
		else if (!in_space)
			b[o++] = ' ';
		in_space = sp;
	}
	return o;
}

/* &#NN; or &#xHH; at b[i] (';' optional): its length, the code point in *cp; 0 if none. */
static size_t numeric_entity(const char *b, size_t i, size_t len, unsigned long *cp)
{
	size_t j = i + 2;
	bool hex = j < len && (b[j] | 0x20) == 'x';
	size_t digits = 0;

	*cp = 0;
	for (j += hex; j < len; j++, digits++) {
		int d = hex ? gh_hexval((unsigned char)b[j]) : b[j] >= '0' && b[j] <= '9' ? b[j] - '0' : -1;

		if (d < 0)
			break;
		*cp = *cp * (hex ? 16 : 10) + (unsigned long)d;
		if (*cp > 0x10ffff)
			*cp = 0x110000; /* saturate: leading zeros are fine, overflow is not */
	}
	if (!digits || *cp > 0x10ffff)
		return 0;
	return j - i + (j < len && b[j] == ';');
}

/*
 * The named references a decoder must know: the XML five and nbsp, and the
 * HTML5 names of the punctuation filter-evasion payloads spell out
 * (javascript&colon;alert&lpar;1&rpar;, &Tab; inside a scheme), which
 * browsers decode in attributes. Compared case-insensitively, ';' required.
 */
static const struct {
	const char *name;
	char c;
} named_entities[] = {
	{ "lt", '<' }, { "gt", '>' }, { "amp", '&' }, { "quot", '"' },
	{ "apos", '\'' }, { "nbsp", ' ' }, { "colon", ':' }, { "lpar", '(' },
	{ "rpar", ')' }, { "period", '.' }, { "sol", '/' }, { "bsol", '\\' },
	{ "tab", '\t' }, { "newline", '\n' }, { "semi", ';' }, { "comma", ',' },
	{ "equals", '=' }, { "excl", '!' }, { "grave", '`' }, { "num", '#' },
	{ "quest", '?' }, { "plus", '+' }, { "percnt", '%' }, { "dollar", '$' },
	{ "lsqb", '[' }, { "rsqb", ']' }, { "lbrack", '[' }, { "rbrack", ']' },
	{ "lcub", '{' }, { "rcub", '}' }, { "lbrace", '{' }, { "rbrace", '}' },
	{ "vert", '|' }, { "verbar", '|' }, { "ast", '*' }, { "commat", '@' },
	{ "lowbar", '_' }, { "hat", '^' },
};

#define ENTITY_NAME_MAX 7 /* the longest name above */

/* A named reference at b[i] ('&' name ';'): its length, the character in *c; 0 if none. */
static size_t named_entity(const char *b, size_t i, size_t len, char *c)
{
	size_t n = 0;

	while (n <= ENTITY_NAME_MAX && i + 1 + n < len && b[i + 1 + n] != ';')
		n++;
	if (!n || n > ENTITY_NAME_MAX || i + 1 + n >= len)
		return 0;
	for (size_t k = 0; k < sizeof(named_entities) / sizeof(named_entities[0]); k++)
		if (strlen(named_entities[k].name) == n &&
		    !strncasecmp(b + i + 1, named_entities[k].name, n)) {
			*c = named_entities[k].c;
			return n + 2;
		}
	return 0;
}

static size_t html_entity_decode(char *b, size_t len)
{
	const char *amp = memchr(b, '&', len);
	size_t o = amp ? (size_t)(amp - b) : len, i = o;

	while (i < len) {
		size_t n = 0;
		unsigned long cp;
		char c;

		if (b[i] == '&' && i + 1 < len && b[i + 1] == '#' &&
		    (n = numeric_entity(b, i, len, &cp))) {
			o += gh_put_utf8(b + o, cp);
			i += n;
		} else if (b[i] == '&' && (n = named_entity(b, i, len, &c))) {
			b[o++] = c;
			i += n;
		} else {
			b[o++] = b[i++];
		}
	}
	return o;
}

/* A base64 or base64url character's six bits; -1 for any other byte. */
static int b64_bits(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '+' || c == '-' ? 62 : c == '/' || c == '_' ? 63 : -1;
}

/*
 * v[0..n) decoded as base64 into out (room for n bytes): the length, or -1
 * when v is not base64 (another byte, too short) or does not decode to text.
 * %2B, %2F and %3D count as the characters they escape (a URL-encoded
 * value); '=' only as padding at the end. Text is printable ASCII, tab, CR
 * and LF: a token, id or hash decodes to bytes that are not, 12 random bytes
 * all text about once in 100,000.
 */
static long b64_text(const char *v, size_t n, char *out)
{
	uint32_t acc = 0;
	size_t chars = 0, o = 0, pad = 0;

	for (size_t i = 0; i < n; i++) {
		int bits;
		long h;
		char c = v[i];

		if (c == '%' && i + 2 < n && ((h = gh_hex_n(v + i + 1, 2)) == '+' || h == '/' || h == '='))
			c = (char)h, i += 2;
		if (c == '=') {
			pad++;
			continue;
		}
		if (pad || (bits = b64_bits((unsigned char)c)) < 0)
			return -1;
		acc = acc << 6 | (uint32_t)bits;
		if (++chars % 4 == 0) {
			out[o++] = (char)(acc >> 16);
			out[o++] = (char)(acc >> 8);
			out[o++] = (char)acc;
		}
	}
	if (chars < XF_BASE64_MIN || pad > 2 || chars % 4 == 1)
		return -1;
	if (chars % 4 == 2)
		out[o++] = (char)(acc >> 4);
	else if (chars % 4 == 3) {
		out[o++] = (char)(acc >> 10);
		out[o++] = (char)(acc >> 2);
	}
	for (size_t i = 0; i < o; i++) {
		unsigned char c = (unsigned char)out[i];

		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c > 0x7e)
			return -1;
	}
	return (long)o;
}

/*
 * The query's values that are base64 text, decoded, one a line; nothing else
 * (a value is what follows a parameter's '=', or a part with none). A leaf
 * on it sees only what a client hid in base64, never the plain query.
 */
static size_t base64_values(char *b, size_t len)
{
	char out[1024];
	size_t o = 0, i = 0;

	while (i < len) {
		char *part = b + i, *amp = memchr(part, '&', len - i);
		size_t pl = amp ? (size_t)(amp - part) : len - i;
		char *eq = memchr(part, '=', pl);
		const char *v = eq ? eq + 1 : part;
		size_t vl = pl - (size_t)(v - part);
		long n;

		i += pl + (amp != NULL);
		/* Longer values are read up to what out holds: a payload starts the value. */
		if (vl > sizeof(out))
			vl = sizeof(out);
		n = b64_text(v, vl, out);
		if (n < 0)
			continue;
		/* Shorter than its encoding, and written where the parts before it were. */
		memcpy(b + o, out, (size_t)n);
		o += (size_t)n;
		b[o++] = '\n';
	}
	return o;
}

size_t xform_apply(uint32_t chain, bool plus_space, char *buf, size_t len)
{
	for (; chain; chain >>= 4) {
		switch (chain & 0xf) {
		case XF_URL_DECODE: len = url_decode(buf, len, plus_space, false); break;
		case XF_URL_DECODE_UNI: len = url_decode(buf, len, plus_space, true); break;
		case XF_LOWERCASE:
			for (size_t i = 0; i < len; i++) /* branch-free: vectorises */
				buf[i] = (char)(buf[i] + ((unsigned char)(buf[i] - 'A') < 26) * 32);
			break;
		case XF_NORMALIZE_PATH: len = normalize_path(buf, len); break;
		case XF_REMOVE_NULLS: len = remove_nulls(buf, len); break;
		case XF_COMPRESS_WHITESPACE: len = compress_whitespace(buf, len); break;
		case XF_HTML_ENTITY_DECODE: len = html_entity_decode(buf, len); break;
		case XF_BASE64_VALUES: len = base64_values(buf, len); break;
		}
	}
	return len;
}
