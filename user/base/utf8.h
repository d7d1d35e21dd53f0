/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The small decoding helpers every escape decoder needs: the access-log
 * unescaper (input/log_text.c) and the policy transforms (engine/transform.c).
 */
#ifndef GATEHAWK_BASE_UTF8_H
#define GATEHAWK_BASE_UTF8_H

#include <stddef.h>

/* One hex digit's value, or -1. */
static inline int gh_hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* n hex digits at p as a number, or -1. */
static inline long gh_hex_n(const char *p, int n)
{
	long v = 0;

	for (int i = 0; i < n; i++) {
		int h = gh_hexval((unsigned char)p[i]);

		if (h < 0)
			return -1;
		v = v << 4 | h;
	}
	return v;
}

/* Code point cp as UTF-8 at out; returns the bytes written (1 to 4). */
static inline size_t gh_put_utf8(char *out, unsigned long cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

#endif /* GATEHAWK_BASE_UTF8_H */
