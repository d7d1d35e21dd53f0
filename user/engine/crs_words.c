// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <ctype.h>
#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/crs_words.h"

static int list_add(struct pf_list *l, const char *w, size_t len)
{
	char *copy;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 256;
		char **pw = realloc(l->w, cap * sizeof(*pw));
		size_t *pl = pw ? realloc(l->len, cap * sizeof(*pl)) : NULL;

		if (pw)
			l->w = pw;
		if (!pl)
			return -ENOMEM;
		l->len = pl;
		l->cap = cap;
	}
	copy = strndup(w, len);
	if (!copy)
		return -ENOMEM;
	l->w[l->n] = copy;
	l->len[l->n++] = len;
	return 0;
}

void crs_words_free(struct pf_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->w[i]);
	free(l->w);
	free(l->len);
}

/* ---- data files ------------------------------------------------------------ */

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0;

	if (f && !fseek(f, 0, SEEK_END)) {
		long n = ftell(f);

		if (n >= 0 && !fseek(f, 0, SEEK_SET) && (buf = malloc((size_t)n + 1))) {
			len = fread(buf, 1, (size_t)n, f);
			buf[len] = '\0';
		}
	}
	if (f)
		fclose(f);
	return buf;
}

/*
 * The paranoia level of the rule that holds text position at: its own
 * paranoia-level tag before the next rule starts, else (a chained rule,
 * whose tags are on the chain's head) the last tag before it; 1 if none.
 */
static unsigned int rule_pl(const char *text, const char *at)
{
	const char *next = strstr(at, "\nSecRule");
	const char *tag = strstr(at, "paranoia-level/"), *p;

	if (tag && (!next || tag < next))
		return (unsigned int)(tag[15] - '0');
	for (tag = NULL, p = text; (p = strstr(p, "paranoia-level/")) && p < at; p++)
		tag = p;
	return tag ? (unsigned int)(tag[15] - '0') : 1;
}

/* Every word of one data file (one per line, '#' comments) into l. */
static int load_words(const char *dir, const char *name, struct pf_list *l)
{
	char path[4096], *text, *line, *save = NULL;
	int ret = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	text = read_all(path);
	if (!text)
		return -errno ? -errno : -EIO;
	for (line = strtok_r(text, "\r\n", &save); line && !ret;
	     line = strtok_r(NULL, "\r\n", &save)) {
		size_t len = strlen(line);

		while (len && isspace((unsigned char)line[len - 1]))
			len--;
		if (!len || line[0] == '#')
			continue;
		ret = list_add(l, line, len);
	}
	free(text);
	return ret;
}

/* The @pmFromFile names of one rule file at or under the paranoia level, loaded. */
static int load_conf_words(const char *dir, const char *conf, unsigned int pl, struct pf_list *l,
			   struct gh_err *err)
{
	char *text = read_all(conf), name[256];
	const char *p;
	int ret = 0;

	if (!text)
		return gh_err_sys(err, -errno ? -errno : -EIO, "CRS prefilter: %s", conf);
	for (p = text; !ret && (p = strstr(p, "\"@pmFromFile ")); p++) {
		if (sscanf(p + 13, "%255[^\" \t\\]", name) != 1 || rule_pl(text, p) > pl)
			continue;
		ret = load_words(dir, name, l);
		if (ret == -ENOMEM)
			gh_err_sys(err, ret, "CRS prefilter");
		else if (ret)
			gh_err_sys(err, ret, "CRS prefilter: %s/%s (named in %s)", dir, name, conf);
	}
	free(text);
	return ret;
}

int crs_words_load(const char *dir, unsigned int pl, struct pf_list *l,
			   struct gh_err *err)
{
	char pattern[4096];
	glob_t g;
	int ret = 0;

	snprintf(pattern, sizeof(pattern), "%s/REQUEST-*.conf", dir);
	if (glob(pattern, 0, NULL, &g))
		return 0; /* crs_open has said so already */
	for (size_t i = 0; i < g.gl_pathc && !ret; i++)
		ret = load_conf_words(dir, g.gl_pathv[i], pl, l, err);
	globfree(&g);
	return ret;
}
