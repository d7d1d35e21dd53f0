// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * nginx `escape=json` JSON lines (keys in docs/replay.md), read by a flat
 * scanner, not json-c: json-c builds a tree per line (allocations, several
 * times the cost of the whole CLF parse), and a log line is one object of
 * scalars. Nested values are skipped with a bounded depth.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "input/http_head.h"
#include "input/log_fields.h"

/* Nested JSON values (which no known key has) are skipped up to this depth. */
#define JSON_MAX_DEPTH 16

static char *skip_ws(char *p, char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* Past a value that is not a string: a scalar, or an object or array skipped whole. */
static char *skip_value(char *p, char *end)
{
	int depth = 0;

	for (; p < end; p++) {
		switch (*p) {
		case '"':
			if (!depth || !(p = log_string_end(p + 1, end)))
				return NULL;
			break;
		case '{':
		case '[':
			if (++depth > JSON_MAX_DEPTH)
				return NULL;
			break;
		case '}':
		case ']':
			if (!depth)
				return p;
			if (!--depth)
				return p + 1;
			break;
		case ',':
		case ' ':
		case '\t':
			if (!depth)
				return p;
			break;
		}
	}
	return depth ? NULL : p;
}

/*
 * {"key": value, ...}: keys this parser knows set fields (a later key
 * overwrites an earlier one that sets the same field), others are skipped.
 */
int access_log_parse_json(char *p, char *end, struct request_record *rec)
{
	struct gh_str key, val;
	bool str;
	int k, err;

	p = skip_ws(p, end);
	if (p == end || *p++ != '{')
		return -EINVAL;
	p = skip_ws(p, end);
	if (p < end && *p == '}')
		p++;
	else
		for (;;) {
			if (p == end || *p != '"' || !(p = log_quoted(p + 1, end, &key)))
				return -EINVAL;
			p = skip_ws(p, end);
			if (p == end || *p++ != ':')
				return -EINVAL;
			p = skip_ws(p, end);
			k = log_var_find(key.p, key.len);
			str = p < end && *p == '"';
			if (str) {
				/* Decoding a value no key wants is harmless, and as fast as skipping. */
				if (!(p = log_quoted(p + 1, end, &val)))
					return -EINVAL;
			} else {
				char *v = p;

				if (!(p = skip_value(p, end)) || p == v)
					return -EINVAL;
				val = (struct gh_str){ v, (uint32_t)(p - v) };
			}
			if (k >= 0 && (err = log_var_set(rec, k, val, str)))
				return err;
			p = skip_ws(p, end);
			if (p < end && *p == ',') {
				p = skip_ws(p + 1, end);
				continue;
			}
			if (p == end || *p++ != '}')
				return -EINVAL;
			break;
		}
	if (skip_ws(p, end) != end || !req_has(rec, REQ_TS))
		return -EINVAL;
	return 0;
}
