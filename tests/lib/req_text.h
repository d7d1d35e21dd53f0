/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * A record's field as text for the unit tests' string checks: "(absent)"
 * when the producer did not see it, so absence is testable with ok_str.
 * Eight rotating buffers, so several fields fit in one assertion.
 */
#ifndef GATEHAWK_TESTS_REQ_TEXT_H
#define GATEHAWK_TESTS_REQ_TEXT_H

#include "input/request.h"

static inline const char *req_text(const struct request_record *r, enum req_field f)
{
	static char buf[8][512];
	static int slot;
	char *b = buf[slot++ % 8];

	return req_format_field(r, f, b, sizeof(buf[0])) < 0 ? "(absent)" : b;
}

#endif /* GATEHAWK_TESTS_REQ_TEXT_H */
