/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * What the libFuzzer targets share: a broken promise traps (libFuzzer
 * saves the input), and the parsers' one rule for a record's strings.
 */
#ifndef GATEHAWK_FUZZ_CHECKS_H
#define GATEHAWK_FUZZ_CHECKS_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "input/request.h"

#define check(cond)                                                                        \
	do {                                                                               \
		if (!(cond))                                                               \
			__builtin_trap();                                                  \
	} while (0)

/* s lies within buf[0, len). */
static inline bool is_slice(struct gh_str s, const char *buf, size_t len)
{
	return s.p >= buf && s.p <= buf + len && s.len <= (size_t)(buf + len - s.p);
}

/* target_form is one of RFC 9112's names (a constant), not bytes of the input. */
static inline bool target_form_known(int f, struct gh_str s)
{
	static const char *const forms[] = { "origin", "absolute", "authority", "asterisk",
					     "invalid" };

	for (size_t i = 0; f == REQ_TARGET_FORM && i < sizeof(forms) / sizeof(forms[0]); i++)
		if (s.len == strlen(forms[i]) && !memcmp(s.p, forms[i], s.len))
			return true;
	return false;
}

/*
 * Field f's string s of a record parsed from buf[0, len): bytes of the input
 * (decoded in place), or what the parser names itself: the "/" of an
 * absolute-form target without a path, target_form's name.
 */
static inline bool record_str_valid(int f, struct gh_str s, const char *buf, size_t len)
{
	return is_slice(s, buf, len) || (f == REQ_PATH && s.len == 1 && s.p[0] == '/') ||
	       target_form_known(f, s);
}

#endif /* GATEHAWK_FUZZ_CHECKS_H */
