// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * libFuzzer target for the HTTP/1.x head parser. Beyond "no crash" under
 * ASan and UBSan it traps on any broken promise of http_head.h:
 *  - the result is 0, -EINVAL or -EMSGSIZE, and an error leaves the record
 *    untouched; a success leaves the fields the parser does not own alone;
 *  - on success method, path and version are present; every present string
 *    is a slice of the input (but the literal "/" an absolute-form target
 *    without a path gets, and target_form's RFC 9112 name); no field holds CR, LF or NUL, request-line fields
 *    hold no control byte or space; the path is non-empty and has no '?';
 *    the method id matches its text, and a known method means
 *    http_head_starts_request() agrees;
 *  - a prefix of the input (the snapshot may be cut anywhere) succeeds only
 *    if the whole does, fails with -EINVAL only if the whole does, and every
 *    field it reports the whole reports the same, from the same bytes
 *    (Content-Length aside: a later duplicate may void it).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "input/http_head.h"
#include "fuzz_checks.h"

static void fill_stale(struct request_record *r)
{
	memset(r, 0x5a, sizeof(*r));
}

static bool has_ctl_or_space(struct gh_str s)
{
	for (uint32_t i = 0; i < s.len; i++)
		if ((unsigned char)s.p[i] <= ' ' || s.p[i] == 0x7f)
			return true;
	return false;
}

static bool has_any(struct gh_str s, const char *set)
{
	for (uint32_t i = 0; i < s.len; i++)
		if (s.p[i] == '\0' || strchr(set, s.p[i]))
			return true;
	return false;
}

static bool is_request_line_field(enum req_field f)
{
	return f == REQ_METHOD || f == REQ_PATH || f == REQ_QUERY || f == REQ_VERSION;
}

/* Fields outside HTTP_HEAD_FIELDS kept their stale bytes. */
static void check_others(const struct request_record *r, const struct request_record *was)
{
	check((r->present & ~HTTP_HEAD_FIELDS) == (was->present & ~HTTP_HEAD_FIELDS));
	check(r->ts_ns == was->ts_ns && r->bytes == was->bytes &&
	      r->sock_cookie == was->sock_cookie && r->status == was->status &&
	      r->src_port == was->src_port && r->dst_port == was->dst_port);
	check(!memcmp(&r->src, &was->src, sizeof(r->src)) &&
	      !memcmp(&r->dst, &was->dst, sizeof(r->dst)));
	check(r->scheme.p == was->scheme.p && r->scheme.len == was->scheme.len);
}

static void check_success(const struct request_record *r, const char *buf, size_t len)
{
	struct gh_str s;

	check(req_has(r, REQ_METHOD) && req_has(r, REQ_PATH) && req_has(r, REQ_VERSION));
	for (int f = 0; f < REQ_FIELD_COUNT; f++) {
		if (!(HTTP_HEAD_FIELDS & REQ_BIT(f)) || !req_get_str(r, f, &s))
			continue;
		check(record_str_valid(f, s, buf, len));
		check(!has_any(s, "\r\n"));
		if (is_request_line_field(f))
			check(!has_ctl_or_space(s));
	}
	check(r->path.len > 0 && !memchr(r->path.p, '?', r->path.len));
	check(r->version.len >= 8 && r->version.len <= 10 &&
	      !memcmp(r->version.p, "HTTP/1.", 7));
	check(r->method_str.len >= 1 && r->method_str.len <= HTTP_HEAD_MAX_METHOD);
	check(r->method == http_method_from(r->method_str.p, r->method_str.len));
	if (r->method != HTTP_METHOD_OTHER)
		check(http_head_starts_request(buf, len));
}

/* What prefix `p` (parsed from pbuf) reports, `w` (parsed from buf) reports too. */
static void check_prefix(const struct request_record *p, const char *pbuf, size_t plen,
			 const struct request_record *w, const char *buf, size_t len)
{
	struct gh_str ps, ws;
	uint64_t pv, wv;

	for (int f = 0; f < REQ_FIELD_COUNT; f++) {
		if (!(HTTP_HEAD_FIELDS & REQ_BIT(f)) || !req_has(p, f))
			continue;
		if (req_get_str(p, f, &ps)) {
			check(req_get_str(w, f, &ws) && ws.len == ps.len);
			/* Same bytes of the input, or both the literal "/". */
			if (is_slice(ps, pbuf, plen))
				check(is_slice(ws, buf, len) && ws.p - buf == ps.p - pbuf);
			else
				check(ws.p == ps.p);
			continue;
		}
		req_get_num(p, f, &pv);
		if (f == REQ_CONTENT_LENGTH && !req_has(w, f))
			continue;
		check(req_get_num(w, f, &wv) && wv == pv);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct request_record whole, was, part;
	size_t cut = size ? (size_t)(data[0] | data[size - 1] << 8) % (size + 1) : 0;
	char *pbuf;
	int ret, pret;

	http_head_starts_request(buf, size);

	fill_stale(&whole);
	memcpy(&was, &whole, sizeof(was));
	ret = http_head_parse(buf, size, &whole);
	check(ret == 0 || ret == -EINVAL || ret == -EMSGSIZE);
	if (ret) {
		check(!memcmp(&whole, &was, sizeof(whole)));
	} else {
		check_others(&whole, &was);
		check_success(&whole, buf, size);
	}

	/* An exact-size copy, so ASan sees a read past the cut. */
	pbuf = malloc(cut ? cut : 1);
	if (!pbuf)
		return 0;
	memcpy(pbuf, data, cut);
	fill_stale(&part);
	pret = http_head_parse(pbuf, cut, &part);
	check(pret == 0 || pret == -EINVAL || pret == -EMSGSIZE);
	if (pret == 0) {
		check(ret == 0);
		check_success(&part, pbuf, cut);
		check_prefix(&part, pbuf, cut, &whole, buf, size);
	}
	if (pret == -EINVAL)
		check(ret == -EINVAL);
	free(pbuf);
	return 0;
}
