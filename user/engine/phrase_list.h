/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Phrase lists, as ModSecurity's @pm and @pmFromFile: a value matches when
 * any phrase occurs anywhere in it, ASCII case ignored. Phrases are kept
 * lowercased, sorted and without repeats; predicate.c compiles them as
 * literal patterns into their field's Hyperscan database and, where
 * Hyperscan is not used, matches them with phrase_list_match.
 */
#ifndef GATEHAWK_PHRASE_LIST_H
#define GATEHAWK_PHRASE_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PHRASE_MAX_ENTRIES 100000 /* phrases in one list */
#define PHRASE_MAX_LEN 1024       /* bytes of one phrase */
#define PHRASE_MAX_FILE (16U << 20) /* bytes of one list file */

struct phrase {
	uint32_t off, len; /* in the list's text */
};

struct phrase_list {
	char *text;
	size_t len, cap;
	struct phrase *v;
	size_t n, vcap;
};

void phrase_list_free(struct phrase_list *pl); /* the members; pl itself is the caller's */
/* Add one phrase: 0, -EINVAL (empty), -EMSGSIZE (too long), -E2BIG (too many), -ENOMEM. */
int phrase_list_add(struct phrase_list *pl, const char *p, size_t len);
/*
 * Add the phrases of a list file: one a line, surrounding blanks and CR
 * trimmed, blank lines and lines starting with '#' skipped. Returns 0, a
 * phrase_list_add error with *line the 1-based line, -EFBIG (file too
 * large), -EISDIR, -ENOTSUP (not a regular file) or -errno of opening or
 * reading it.
 */
int phrase_list_read(struct phrase_list *pl, const char *path, unsigned long *line);
/* Sort and drop repeats; call after the last add. */
void phrase_list_finish(struct phrase_list *pl);
bool phrase_list_equal(const struct phrase_list *a, const struct phrase_list *b);
/* Whether some phrase occurs in s, ASCII case ignored (the non-Hyperscan path). */
bool phrase_list_match(const struct phrase_list *pl, const char *s, size_t len);
/*
 * Each phrase as a Hyperscan pattern matching it literally (every byte but
 * letters and digits escaped as \xHH), NUL-terminated, in one block the
 * caller frees; exprs[i] points at the i-th. NULL on -ENOMEM.
 */
char *phrase_list_patterns(const struct phrase_list *pl, const char **exprs);

#endif /* GATEHAWK_PHRASE_LIST_H */
