// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* "key = value" configuration files (config.h). */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/config.h"
#include "base/vec.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_key_char(char c, bool first)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (!first && c == '-');
}

static char *skip_blanks(char *p)
{
	while (is_blank(*p))
		p++;
	return p;
}

/* A quoted value from p (at the opening quote), unescaped in place; NULL: why is set. */
static char *quoted(char *p, const char **why)
{
	char *out = p, *start = p;

	for (p++; *p && *p != '"'; p++) {
		if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
			p++;
		else if (*p == '\\') {
			*why = "expected \\\" or \\\\ after a backslash in a quoted value";
			return NULL;
		}
		*out++ = *p;
	}
	if (*p != '"') {
		*why = "expected a closing double quote";
		return NULL;
	}
	p = skip_blanks(p + 1);
	if (*p && *p != '#') {
		*why = "expected nothing but a comment after the closing quote";
		return NULL;
	}
	*out = '\0';
	return start;
}

/* The value from p to the end of the line or a comment, trimmed. */
static char *plain(char *p)
{
	char *end = p;

	for (char *q = p; *q; q++) {
		if (*q == '#' && (q == p || is_blank(q[-1])))
			break;
		if (!is_blank(*q))
			end = q + 1;
	}
	*end = '\0';
	return p;
}

/* One line, newline cut: an entry in *key and *value, or nothing (*key NULL). */
static const char *parse_line(char *line, char **key, char **value)
{
	const char *why = NULL;
	char *p = skip_blanks(line), *k, *key_end;

	*key = *value = NULL;
	if (!*p || *p == '#')
		return NULL;
	k = p;
	while (is_key_char(*p, p == k))
		p++;
	if (p == k)
		return "expected a key such as iface, made of a-z, 0-9 and '-'";
	if (p - k > GH_CONFIG_KEY_MAX)
		return "expected a key of at most 64 characters";
	key_end = p;
	p = skip_blanks(p);
	if (*p != '=')
		return "expected 'key = value'; a key is made of a-z, 0-9 and '-'";
	*key_end = '\0';
	*key = k;
	p = skip_blanks(p + 1);
	*value = *p == '"' ? quoted(p, &why) : plain(p);
	if (*value && !**value)
		return "expected a value after '=' (flags take true or false)";
	return why;
}

static int add_entry(struct gh_config *c, const char *key, const char *value, unsigned int line)
{
	struct gh_config_entry *ent;

	if (gh_vec_reserve((void **)&c->v, &c->cap, c->n, sizeof(*c->v), 16))
		return -ENOMEM;
	ent = &c->v[c->n];
	ent->key = strdup(key);
	ent->value = strdup(value);
	ent->line = line;
	if (!ent->key || !ent->value) {
		free(ent->key);
		free(ent->value);
		return -ENOMEM;
	}
	c->n++;
	return 0;
}

static int line_error(struct gh_err *e, const char *name, unsigned int lineno, const char *why)
{
	gh_err_input(e, "%s:%u: %s", name, lineno, why);
	gh_err_at(e, name, lineno);
	return -EINVAL;
}

int gh_config_parse(FILE *f, const char *name, struct gh_config *c, struct gh_err *e)
{
	unsigned int lineno = 0;
	size_t cap = 0;
	char *line = NULL;
	ssize_t len;
	int err = 0;

	memset(c, 0, sizeof(*c));
	while (!err && (len = getline(&line, &cap, f)) >= 0) {
		const char *why;
		char *key, *value;

		lineno++;
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len && line[len - 1] == '\r')
			line[--len] = '\0';
		if (strlen(line) != (size_t)len)
			err = line_error(e, name, lineno, "expected text, found a NUL byte");
		else if (len > GH_CONFIG_LINE_MAX)
			err = line_error(e, name, lineno, "line longer than 4096 bytes");
		else if ((why = parse_line(line, &key, &value)))
			err = line_error(e, name, lineno, why);
		else if (key && c->n >= GH_CONFIG_MAX_ENTRIES)
			err = line_error(e, name, lineno, "more than 1024 entries");
		else if (key && add_entry(c, key, value, lineno))
			err = gh_err_sys(e, -ENOMEM, "%s: reading", name);
	}
	if (!err && ferror(f))
		err = gh_err_sys(e, -EIO, "%s: reading", name);
	free(line);
	if (err)
		gh_config_free(c);
	return err;
}

int gh_config_load(const char *path, struct gh_config *c, struct gh_err *e)
{
	FILE *f = fopen(path, "re");
	struct stat st;
	int err;

	memset(c, 0, sizeof(*c));
	if (!f)
		return errno == ENOENT ? -ENOENT : gh_err_sys(e, -errno, "%s: cannot open", path);
	if (fstat(fileno(f), &st))
		err = gh_err_sys(e, -errno, "%s: cannot read", path);
	else if (!S_ISREG(st.st_mode))
		err = gh_err_input(e, "%s: expected a configuration file, got a directory or device",
				   path);
	else if ((uint64_t)st.st_size > GH_CONFIG_FILE_MAX)
		err = gh_err_input(e, "%s: expected a configuration file of at most 1 MiB", path);
	else
		err = gh_config_parse(f, path, c, e);
	fclose(f);
	return err;
}

void gh_config_free(struct gh_config *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].key);
		free(c->v[i].value);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}
