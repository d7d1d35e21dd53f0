// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/err.h"

static int vset(struct gh_err *e, int code, bool input, bool with_strerror, const char *fmt,
		va_list ap)
{
	size_t n;

	code = code < 0 ? code : -code;
	if (!code)
		code = -EINVAL;
	if (!e)
		return code;
	e->code = code;
	e->input = input;
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	n = strlen(e->msg);
	if (with_strerror && n < sizeof(e->msg))
		snprintf(e->msg + n, sizeof(e->msg) - n, ": %s", strerror(-code));
	return code;
}

int gh_err_input(struct gh_err *e, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vset(e, -EINVAL, true, false, fmt, ap);
	va_end(ap);
	return ret;
}

int gh_err_sys(struct gh_err *e, int code, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vset(e, code, false, true, fmt, ap);
	va_end(ap);
	return ret;
}

int gh_err_fail(struct gh_err *e, int code, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vset(e, code, false, false, fmt, ap);
	va_end(ap);
	return ret;
}

void gh_err_at(struct gh_err *e, const char *file, unsigned int line)
{
	if (!e)
		return;
	snprintf(e->file, sizeof(e->file), "%s", file ? file : "");
	e->line = line;
}

void gh_err_field(struct gh_err *e, const char *field)
{
	if (e)
		snprintf(e->field, sizeof(e->field), "%s", field ? field : "");
}

void gh_err_note(struct gh_err *e, const char *fmt, ...)
{
	size_t n;
	va_list ap;

	if (!e)
		return;
	n = strlen(e->notes);
	if (n + 2 >= sizeof(e->notes))
		return;
	if (n)
		e->notes[n++] = '\n';
	va_start(ap, fmt);
	vsnprintf(e->notes + n, sizeof(e->notes) - n, fmt, ap);
	va_end(ap);
}

void gh_err_clear(struct gh_err *e)
{
	if (!e)
		return;
	e->code = 0;
	e->input = false;
	e->msg[0] = e->file[0] = e->field[0] = '\0';
	e->line = 0;
}
