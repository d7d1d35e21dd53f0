// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A pattern's top-level alternatives (regex_split.h). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "engine/regex_split.h"

/* Past a character class opening at p[i] == '['; len on an unclosed one. */
static size_t class_end(const char *p, size_t len, size_t i)
{
	i++;
	if (i < len && p[i] == '^')
		i++;
	if (i < len && p[i] == ']')
		i++; /* a ']' first is a literal */
	while (i < len && p[i] != ']') {
		if (p[i] == '\\')
			i++;
		else if (p[i] == '[' && i + 1 < len && p[i + 1] == ':') {
			const char *close = memmem(p + i + 2, len - i - 2, ":]", 2);

			if (!close)
				return len;
			i = (size_t)(close - p) + 1;
		}
		i++;
	}
	return i < len ? i + 1 : len;
}

/*
 * Walk the pattern; with cuts non-NULL, record where each top-level '|' is.
 * Returns the number of alternatives, or 1 when it is to be left whole.
 */
static size_t scan(const char *p, size_t len, size_t *cuts)
{
	size_t n = 1, i = 0;
	int depth = 0;

	while (i < len) {
		char c = p[i];

		if (c == '\\') {
			char e = i + 1 < len ? p[i + 1] : '\0';

			if (e == 'Q' || e == 'g' || e == 'k' || (e >= '1' && e <= '9'))
				return 1;
			i += 2;
			continue;
		}
		if (c == '[') {
			i = class_end(p, len, i);
			continue;
		}
		if (c == '(') {
			if (i + 1 < len && p[i + 1] == '?' && (i + 2 >= len || p[i + 2] != ':'))
				return 1;
			depth++;
		} else if (c == ')' && --depth < 0) {
			return 1;
		} else if (c == '|' && !depth) {
			if (cuts)
				cuts[n - 1] = i;
			n++;
		}
		i++;
	}
	return depth ? 1 : n;
}

size_t regex_split_count(const char *pattern, size_t len)
{
	return scan(pattern, len, NULL);
}

char *regex_split(const char *pattern, size_t len, const char **exprs)
{
	size_t n = scan(pattern, len, NULL), *cuts = malloc(n * sizeof(*cuts)), from = 0;
	char *block = malloc(len + n), *o = block;

	if (!cuts || !block) {
		free(cuts);
		free(block);
		return NULL;
	}
	scan(pattern, len, n > 1 ? cuts : NULL);
	for (size_t k = 0; k < n; k++) {
		size_t to = k + 1 < n ? cuts[k] : len;

		exprs[k] = o;
		memcpy(o, pattern + from, to - from);
		o += to - from;
		*o++ = '\0';
		from = to + 1;
	}
	free(cuts);
	return block;
}
