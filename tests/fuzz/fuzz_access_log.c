// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * libFuzzer target for the access-log parser, every format on the same
 * bytes. Beyond "no crash" under ASan and UBSan it traps on any broken
 * promise of access_log.h:
 *  - the result is 0, -EINVAL or -EMSGSIZE; a failure leaves the record
 *    cleared (no field present);
 *  - on success ts is present, every present string is a slice of the line
 *    (decoded in place), the literal "/" of an absolute-form target or
 *    target_form's RFC 9112 name, a
 *    method's id matches its text, path holds no '?', a status is 3
 *    digits, and the record renders as JSON;
 *  - auto gives what the format it picks gives.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "input/access_log.h"
#include "fuzz_checks.h"

static void check_record(const struct request_record *r, const char *buf, size_t len)
{
	struct gh_str s;

	check(req_has(r, REQ_TS));
	for (int f = 0; f < REQ_FIELD_COUNT; f++)
		if (req_get_str(r, f, &s))
			check(record_str_valid(f, s, buf, len));
	if (req_has(r, REQ_METHOD))
		check(r->method == http_method_from(r->method_str.p, r->method_str.len));
	if (req_has(r, REQ_PATH))
		check(!memchr(r->path.p, '?', r->path.len));
	if (req_has(r, REQ_STATUS))
		check(r->status >= 100 && r->status <= 999);
	json_object_put(request_to_json(r));
}

static int run(enum access_log_format fmt, const uint8_t *data, size_t size,
	       struct request_record *r)
{
	/* An exact-size copy, so ASan sees a read past the end. */
	char *buf = malloc(size ? size : 1);
	int ret;

	if (!buf)
		abort();
	memcpy(buf, data, size);
	memset(r, 0x5a, sizeof(*r));
	ret = access_log_parse(fmt, buf, size, r);
	check(ret == 0 || ret == -EINVAL || ret == -EMSGSIZE);
	if (ret)
		check(r->present == 0);
	else
		check_record(r, buf, size);
	free(buf);
	return ret;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct request_record r;
	int combined, common, json, aut;

	combined = run(ACCESS_LOG_COMBINED, data, size, &r);
	common = run(ACCESS_LOG_COMMON, data, size, &r);
	json = run(ACCESS_LOG_JSON, data, size, &r);
	aut = run(ACCESS_LOG_AUTO, data, size, &r);
	if (size && data[0] == '{')
		check(aut == json);
	else
		/* auto takes the combined tail when it is there, common otherwise. */
		check(aut == 0 ? common == 0 : (aut == combined || common != 0));
	return 0;
}
