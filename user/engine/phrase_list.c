// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/phrase_list.h"
#include "base/vec.h"

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
}

void phrase_list_free(struct phrase_list *pl)
{
	free(pl->text);
	free(pl->v);
	memset(pl, 0, sizeof(*pl));
}

int phrase_list_add(struct phrase_list *pl, const char *p, size_t len)
{
	struct phrase *ph;

	if (!len)
		return -EINVAL;
	if (len > PHRASE_MAX_LEN)
		return -EMSGSIZE;
	if (pl->n >= PHRASE_MAX_ENTRIES)
		return -E2BIG;
	while (pl->len + len > pl->cap)
		if (gh_vec_reserve((void **)&pl->text, &pl->cap, pl->cap, 1, 4096))
			return -ENOMEM;
	if (gh_vec_reserve((void **)&pl->v, &pl->vcap, pl->n, sizeof(*pl->v), 64))
		return -ENOMEM;
	ph = &pl->v[pl->n++];
	ph->off = (uint32_t)pl->len;
	ph->len = (uint32_t)len;
	for (size_t i = 0; i < len; i++)
		pl->text[pl->len++] = lower(p[i]);
	return 0;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int phrase_list_read(struct phrase_list *pl, const char *path, unsigned long *line)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	char *buf = NULL;
	size_t cap = 0, total = 0;
	struct stat st;
	ssize_t got;
	FILE *f = NULL;
	int err = 0;

	*line = 0;
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st))
		err = -errno;
	else if (!S_ISREG(st.st_mode))
		err = S_ISDIR(st.st_mode) ? -EISDIR : -ENOTSUP; /* a FIFO or device may never end */
	else if (st.st_size > PHRASE_MAX_FILE)
		err = -EFBIG;
	else if (!(f = fdopen(fd, "r")))
		err = -errno;
	if (err) {
		close(fd);
		return err;
	}
	while (!err && (got = getline(&buf, &cap, f)) >= 0) {
		size_t a = 0, b = (size_t)got;

		/* st_size said it fits; a file still growing (or in /proc) must too. */
		total += (size_t)got;
		if (total > PHRASE_MAX_FILE) {
			err = -EFBIG;
			break;
		}
		++*line;
		while (a < b && blank(buf[a]))
			a++;
		while (b > a && blank(buf[b - 1]))
			b--;
		if (a < b && buf[a] != '#')
			err = phrase_list_add(pl, buf + a, b - a);
	}
	if (!err && ferror(f))
		err = -EIO;
	free(buf);
	fclose(f);
	return err;
}

static int cmp_phrase(const void *x, const void *y, void *ctx)
{
	const struct phrase *a = x, *b = y;
	const char *text = ctx;
	int c = memcmp(text + a->off, text + b->off, a->len < b->len ? a->len : b->len);

	return c ? c : (a->len > b->len) - (a->len < b->len);
}

void phrase_list_finish(struct phrase_list *pl)
{
	size_t o = 0;

	qsort_r(pl->v, pl->n, sizeof(*pl->v), cmp_phrase, pl->text);
	for (size_t i = 0; i < pl->n; i++)
		if (!o || cmp_phrase(&pl->v[o - 1], &pl->v[i], pl->text))
			pl->v[o++] = pl->v[i];
	pl->n = o;
}

bool phrase_list_equal(const struct phrase_list *a, const struct phrase_list *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (a->v[i].len != b->v[i].len ||
		    memcmp(a->text + a->v[i].off, b->text + b->v[i].off, a->v[i].len))
			return false;
	return true;
}

static bool has_phrase(const char *s, size_t len, const char *w, size_t wl)
{
	for (size_t i = 0; i + wl <= len; i++) {
		size_t k = 0;

		while (k < wl && lower(s[i + k]) == w[k])
			k++;
		if (k == wl)
			return true;
	}
	return false;
}

bool phrase_list_match(const struct phrase_list *pl, const char *s, size_t len)
{
	for (size_t i = 0; i < pl->n; i++)
		if (has_phrase(s, len, pl->text + pl->v[i].off, pl->v[i].len))
			return true;
	return false;
}

char *phrase_list_patterns(const struct phrase_list *pl, const char **exprs)
{
	static const char hex[] = "0123456789abcdef";
	char *block = malloc(pl->len * 4 + pl->n + 1), *o = block;

	if (!block)
		return NULL;
	for (size_t i = 0; i < pl->n; i++) {
		const unsigned char *p = (const unsigned char *)pl->text + pl->v[i].off;

		exprs[i] = o;
		for (uint32_t k = 0; k < pl->v[i].len; k++) {
			if ((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= '0' && p[k] <= '9')) {
				*o++ = (char)p[k];
				continue;
			}
			*o++ = '\\';
			*o++ = 'x';
			*o++ = hex[p[k] >> 4];
			*o++ = hex[p[k] & 15];
		}
		*o++ = '\0';
	}
	return block;
}
