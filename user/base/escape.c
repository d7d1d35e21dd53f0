// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/escape.h"

size_t gh_utf8_seq_len(const unsigned char *p, size_t avail)
{
	unsigned char c = p[0];
	size_t n;
	uint32_t cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, cp = c & 0x07;
	else
		return 0;
	if (avail < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

struct json_object *gh_json_string(const char *p, size_t len)
{
	static const char replacement[] = "\xef\xbf\xbd";
	const unsigned char *u = (const unsigned char *)p;
	struct json_object *o;
	size_t i = 0, n, out = 0;
	char *buf;

	for (i = 0; i < len; i += n) {
		n = gh_utf8_seq_len(u + i, len - i);
		if (!n)
			break;
	}
	if (i >= len)
		return json_object_new_string_len(p, (int)len);

	buf = malloc(len * 3 + 1);
	if (!buf)
		return json_object_new_string("");
	for (i = 0; i < len; i += n ? n : 1) {
		n = gh_utf8_seq_len(u + i, len - i);
		if (n) {
			memcpy(buf + out, p + i, n);
			out += n;
		} else {
			memcpy(buf + out, replacement, 3);
			out += 3;
		}
	}
	o = json_object_new_string_len(buf, (int)out);
	free(buf);
	return o;
}

size_t gh_escape_text(const char *p, size_t len, char *out, size_t outlen)
{
	size_t o = 0;

	if (!outlen)
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)p[i];
		char esc[5];
		size_t n;

		if (c == '\\')
			n = (size_t)snprintf(esc, sizeof(esc), "\\\\");
		else if (c >= 0x20 && c < 0x7f)
			esc[0] = (char)c, esc[1] = '\0', n = 1;
		else
			n = (size_t)snprintf(esc, sizeof(esc), "\\x%02x", c);
		if (o + n >= outlen)
			break;
		memcpy(out + o, esc, n);
		o += n;
	}
	out[o] = '\0';
	return o;
}

struct json_object *gh_json_number(double v)
{
	char text[32];

	/* 2^53: beyond it not every integer is a double, and int64 is near. */
	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		return json_object_new_int64((int64_t)v);
	/* Ten significant digits: 0.8, not json-c's 0.80000000000000004. */
	snprintf(text, sizeof(text), "%.10g", v);
	return json_object_new_double_s(v, text);
}
