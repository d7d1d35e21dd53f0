/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Minimal TAP producer for the C test layers (unit, bpf). Each check prints
 * "ok N - what" or "not ok N - what" plus the failing file:line; tap_done()
 * prints the plan and returns the exit status. tests/run.sh sums every
 * layer's TAP into the final "N passed, N failed, N skipped" line.
 */
#ifndef GATEHAWK_TAP_H
#define GATEHAWK_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count;
static int tap_failures;

static inline int tap_vreport(int ok, const char *file, int line, const char *fmt, va_list ap)
{
	tap_count++;
	printf("%sok %d - ", ok ? "" : "not ", tap_count);
	vprintf(fmt, ap);
	printf("\n");
	if (!ok) {
		tap_failures++;
		printf("#   failed at %s:%d\n", file, line);
	}
	fflush(stdout);
	return ok;
}

static inline int tap_report(int ok, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = tap_vreport(ok, file, line, fmt, ap);
	va_end(ap);
	return r;
}

/* ok(cond, "printf-style description") */
#define ok(cond, ...) tap_report(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* Equality of integers with both values shown on failure. */
#define ok_eq(got, want, ...)                                                              \
	do {                                                                               \
		long long g_ = (long long)(got), w_ = (long long)(want);                   \
		if (!tap_report(g_ == w_, __FILE__, __LINE__, __VA_ARGS__))                \
			printf("#   got %lld, want %lld\n", g_, w_);                           \
	} while (0)

/* Equality of C strings, NULL-safe. */
#define ok_str(got, want, ...)                                                             \
	do {                                                                               \
		const char *g_ = (got), *w_ = (want);                                      \
		int same_ = (g_ && w_) ? !strcmp(g_, w_) : g_ == w_;                       \
		if (!tap_report(same_, __FILE__, __LINE__, __VA_ARGS__))                   \
			printf("#   got '%s', want '%s'\n", g_ ? g_ : "(null)",             \
			       w_ ? w_ : "(null)");                                        \
	} while (0)

static inline void tap_skip(const char *why)
{
	tap_count++;
	printf("ok %d - skipped # SKIP %s\n", tap_count, why);
}

static inline void tap_diag(const char *fmt, ...)
{
	va_list ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

static inline int tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failures ? 1 : 0;
}

#endif /* GATEHAWK_TAP_H */
