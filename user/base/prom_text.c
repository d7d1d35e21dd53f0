// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/escape.h"
#include "base/prom_text.h"

#define PROM_FIRST_CAP 16384

void prom_text_init(struct prom_text *t)
{
	memset(t, 0, sizeof(*t));
}

void prom_text_free(struct prom_text *t)
{
	free(t->buf);
	prom_text_init(t);
}

int prom_text_finish(const struct prom_text *t)
{
	return t->err;
}

/* Room for n more bytes and the NUL. */
static bool reserve(struct prom_text *t, size_t n)
{
	size_t cap = t->cap ? t->cap : PROM_FIRST_CAP;
	char *p;

	if (t->err)
		return false;
	while (cap < t->len + n + 1)
		cap *= 2;
	if (cap == t->cap)
		return true;
	p = realloc(t->buf, cap);
	if (!p) {
		t->err = -ENOMEM;
		return false;
	}
	t->buf = p;
	t->cap = cap;
	return true;
}

static void put(struct prom_text *t, const char *s, size_t n)
{
	if (!reserve(t, n))
		return;
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len] = '\0';
}

static void puts_(struct prom_text *t, const char *s)
{
	put(t, s, strlen(s));
}

static void __attribute__((format(printf, 2, 3))) putf(struct prom_text *t, const char *fmt, ...)
{
	char tmp[64];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	put(t, tmp, n < 0 ? 0 : (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

/* [a-zA-Z_:][a-zA-Z0-9_:]* for metrics; labels have no ':' and no leading "__". */
static bool valid_name(const char *s, bool label)
{
	if (!s || !*s || (label && s[0] == '_' && s[1] == '_'))
		return false;
	for (size_t i = 0; s[i]; i++) {
		char c = s[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
			  (c == ':' && !label) || (i && c >= '0' && c <= '9');

		if (!ok)
			return false;
	}
	return true;
}

static bool check_name(struct prom_text *t, const char *s, bool label)
{
	if (valid_name(s, label))
		return true;
	if (!t->err)
		t->err = -EINVAL;
	return false;
}

/*
 * Escaped text: backslash and newline always, double quote in label values;
 * each invalid UTF-8 byte as U+FFFD.
 */
static void put_escaped(struct prom_text *t, const char *s, bool quote)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s), n;

	for (size_t i = 0; i < len; i += n ? n : 1) {
		n = gh_utf8_seq_len(u + i, len - i);
		if (!n)
			puts_(t, "\xef\xbf\xbd");
		else if (s[i] == '\\')
			puts_(t, "\\\\");
		else if (s[i] == '\n')
			puts_(t, "\\n");
		else if (s[i] == '"' && quote)
			puts_(t, "\\\"");
		else
			put(t, s + i, n);
	}
}

void prom_family(struct prom_text *t, const char *name, enum prom_type type, const char *help)
{
	if (!check_name(t, name, false))
		return;
	puts_(t, "# HELP ");
	puts_(t, name);
	puts_(t, " ");
	put_escaped(t, help, false);
	puts_(t, "\n# TYPE ");
	puts_(t, name);
	puts_(t, type == PROM_COUNTER ? " counter\n" : " gauge\n");
}

/* name{a="x",b="y"} without the value; false when a name is invalid. */
static bool sample_head(struct prom_text *t, const char *name, const struct prom_label *labels,
			size_t n_labels)
{
	if (!check_name(t, name, false))
		return false;
	for (size_t i = 0; i < n_labels; i++)
		if (!check_name(t, labels[i].name, true))
			return false;
	puts_(t, name);
	for (size_t i = 0; i < n_labels; i++) {
		puts_(t, i ? "," : "{");
		puts_(t, labels[i].name);
		puts_(t, "=\"");
		put_escaped(t, labels[i].value ? labels[i].value : "", true);
		puts_(t, "\"");
	}
	if (n_labels)
		puts_(t, "}");
	return true;
}

void prom_sample_u64(struct prom_text *t, const char *name, const struct prom_label *labels,
		     size_t n_labels, uint64_t value)
{
	if (sample_head(t, name, labels, n_labels))
		putf(t, " %" PRIu64 "\n", value);
}

void prom_sample_double(struct prom_text *t, const char *name, const struct prom_label *labels,
			size_t n_labels, double value)
{
	if (!sample_head(t, name, labels, n_labels))
		return;
	if (isnan(value))
		puts_(t, " NaN\n");
	else if (isinf(value))
		puts_(t, value > 0 ? " +Inf\n" : " -Inf\n");
	else
		putf(t, " %.15g\n", value);
}

void prom_metric_u64(struct prom_text *t, const char *name, enum prom_type type, const char *help,
		     uint64_t value)
{
	prom_family(t, name, type, help);
	prom_sample_u64(t, name, NULL, 0, value);
}

void prom_metric_double(struct prom_text *t, const char *name, enum prom_type type,
			const char *help, double value)
{
	prom_family(t, name, type, help);
	prom_sample_double(t, name, NULL, 0, value);
}
