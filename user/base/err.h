/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Folder base/: what every other folder builds on and nothing here builds on
 * them: addresses and address sets, durations, clock reads and time
 * formatting, the one decimal parser, hashing, JSON escaping, growable
 * arrays, this error value, the host's own addresses. May call libc and
 * json-c only; never prints.
 *
 * The error value every library function below cli/ fills instead of
 * printing: what went wrong (message), where (file, line, field) and whether
 * it was the caller's input (exit 2) or a runtime failure (exit 1). Functions
 * still return 0 or a negative errno; the value says the rest. Notes are
 * things the user should see that are not errors ("keeps its size until
 * detach"); only cli/ renders either, as text or as JSON.
 */
#ifndef GATEHAWK_BASE_ERR_H
#define GATEHAWK_BASE_ERR_H

#include <stdbool.h>

#define GH_ERR_MSG_MAX 1024
#define GH_ERR_WHERE_MAX 256
#define GH_ERR_NOTES_MAX 1024

struct gh_err {
	int code;                        /* negative errno; 0: no error */
	bool input;                      /* bad input rather than a runtime failure */
	char msg[GH_ERR_MSG_MAX];        /* whole message, without "Error: " */
	char file[GH_ERR_WHERE_MAX];     /* "" when no file is involved */
	unsigned int line;               /* 0: none */
	char field[GH_ERR_WHERE_MAX];    /* option or policy field; "" when none */
	char notes[GH_ERR_NOTES_MAX];    /* newline-separated notes */
};

/* Bad input: sets the message, returns -EINVAL. */
int gh_err_input(struct gh_err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Runtime failure: message + ": strerror(-code)", returns code (negative). */
int gh_err_sys(struct gh_err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Runtime failure whose message says it all: no strerror suffix. */
int gh_err_fail(struct gh_err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Where: file and line (0: none) of the input the message is about. */
void gh_err_at(struct gh_err *e, const char *file, unsigned int line);
/* Which field (option, JSON path) of the input the message is about. */
void gh_err_field(struct gh_err *e, const char *field);
/* Append a note; dropped when the notes are full. */
void gh_err_note(struct gh_err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Forget the error (notes stay). */
void gh_err_clear(struct gh_err *e);

#endif /* GATEHAWK_BASE_ERR_H */
