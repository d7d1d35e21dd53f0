// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Access-log parser (see access_log.h and docs/replay.md): the CLF formats
 * here, JSON lines in access_log_json.c, the field scanners both share in
 * log_text.c and log_time.c. Fields are found with memchr.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "base/number.h"
#include "input/access_log.h"
#include "input/log_fields.h"

int access_log_format_parse(const char *name, enum access_log_format *out)
{
	static const char *const names[] = {
		[ACCESS_LOG_AUTO] = "auto", [ACCESS_LOG_COMBINED] = "combined",
		[ACCESS_LOG_COMMON] = "common", [ACCESS_LOG_JSON] = "json",
		[ACCESS_LOG_VHOST_COMBINED] = "vhost_combined",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(name, names[i])) {
			*out = (enum access_log_format)i;
			return 0;
		}
	return -EINVAL;
}

/* ---- CLF: common and combined ------------------------------------------------ */

/* The token at p up to the next space or the end; *next is past the space. */
static struct gh_str token(char *p, char *end, char **next)
{
	char *sp = memchr(p, ' ', (size_t)(end - p));

	*next = sp ? sp + 1 : end;
	return (struct gh_str){ p, (uint32_t)((sp ? sp : end) - p) };
}

/* status: 3 digits (or "-": none); bytes: digits, "-" meaning 0 (Apache %b). */
static int set_status_bytes(struct request_record *rec, struct gh_str st, struct gh_str by)
{
	uint64_t v;

	if (!log_is_dash(st.p, st.len)) {
		if (st.len != 3 || gh_parse_u64n(st.p, 3, 999, &v) || v < 100)
			return -EINVAL;
		rec->status = (uint16_t)v;
		rec->present |= REQ_BIT(REQ_STATUS);
	}
	if (log_is_dash(by.p, by.len))
		rec->bytes = 0;
	else if (gh_parse_u64n(by.p, by.len, UINT64_MAX, &rec->bytes))
		return -EINVAL;
	rec->present |= REQ_BIT(REQ_BYTES);
	return 0;
}

/* A combined-log header value: "-" is absent, anything else (even "") as logged. */
static void set_header(struct request_record *rec, enum req_field f, struct gh_str *dst,
		       struct gh_str v)
{
	if (!log_is_dash(v.p, v.len))
		req_set_str(rec, f, dst, v.p, v.len);
}

/*
 * vhost_combined's "host:port" before the client address: the virtual host
 * and the server port. False when tok is not that (then it is no field).
 */
static bool set_vhost(struct request_record *rec, struct gh_str tok)
{
	const char *colon = memrchr(tok.p, ':', tok.len);
	uint64_t port;

	if (!colon || colon == tok.p ||
	    gh_parse_u64n(colon + 1, (size_t)(tok.p + tok.len - colon - 1), 65535, &port))
		return false;
	req_set_str(rec, REQ_HOST, &rec->host, tok.p, (uint32_t)(colon - tok.p));
	rec->dst_port = (uint16_t)port;
	rec->present |= REQ_BIT(REQ_DST_PORT);
	return true;
}

/*
 * The client address, after vhost_combined's "host:port" when the format
 * says so, or (auto) when the first token is no address but the second is.
 */
static char *client_field(enum access_log_format fmt, char *p, char *end,
			  struct request_record *rec)
{
	struct gh_str first, second;
	char *q, *r;

	first = token(p, end, &q);
	if (q == end)
		return NULL;
	if (fmt != ACCESS_LOG_VHOST_COMBINED && log_addr(first.p, first.len, &rec->src)) {
		rec->present |= REQ_BIT(REQ_SRC_IP);
		return q;
	}
	if (fmt != ACCESS_LOG_VHOST_COMBINED && fmt != ACCESS_LOG_AUTO)
		return q; /* a hostname (HostnameLookups): no address */
	second = token(q, end, &r);
	if (r == end || !log_addr(second.p, second.len, &rec->src) || !set_vhost(rec, first))
		return fmt == ACCESS_LOG_AUTO ? q : NULL;
	rec->present |= REQ_BIT(REQ_SRC_IP);
	return r;
}

/*
 * The "[time]" field: the first '[' that opens a well-formed "[time] \"",
 * so a '[' in the user field (any Basic-auth name) cannot hide the time.
 */
static char *time_field(char *p, char *end, struct request_record *rec)
{
	while ((p = memchr(p, '[', (size_t)(end - p)))) {
		if (end - p >= CLF_TIME_LEN + 4 && p[CLF_TIME_LEN + 1] == ']' &&
		    p[CLF_TIME_LEN + 2] == ' ' && p[CLF_TIME_LEN + 3] == '"' &&
		    !log_time_clf(p + 1, CLF_TIME_LEN, &rec->ts_ns)) {
			rec->present |= REQ_BIT(REQ_TS);
			return p;
		}
		p++;
	}
	return NULL;
}

/*
 * A quoted field, or on a line the reader cut (cut: exactly
 * ACCESS_LOG_MAX_LINE bytes) one that runs into the end: then it is taken
 * up to the cut and the record marked truncated, so a 100 KB User-Agent or
 * query does not hide the request.
 */
static char *quoted_or_cut(char *p, char *end, bool cut, struct gh_str *out,
			   struct request_record *rec)
{
	char *q = log_quoted(p, end, out);

	if (q || !cut)
		return q;
	*out = (struct gh_str){ p, (uint32_t)(end - p) };
	rec->truncated = true;
	return end;
}

/*
 * [vhost:port] host ident user [time] "request" status bytes ["referer"
 * "user-agent" ...]. ident and user are skipped up to the time (a user
 * name with spaces or '[' in it must not shift the fields); the combined
 * tail is required for combined, ignored for common and taken when present
 * for auto.
 */
static int parse_clf(enum access_log_format fmt, char *p, char *end,
		     struct request_record *rec)
{
	struct gh_str req, st, by, referer, ua;
	bool cut = end - p == ACCESS_LOG_MAX_LINE;
	char *q;
	int err;

	if (!(q = client_field(fmt, p, end, rec)) || !(p = time_field(q, end, rec)))
		return -EINVAL;
	p += CLF_TIME_LEN + 2;
	if (!(p = quoted_or_cut(p + 2, end, cut, &req, rec)))
		return -EINVAL;
	log_request_line(rec, req.p, req.len);
	if (rec->truncated)
		return 0;
	if (p == end || *p != ' ')
		return -EINVAL;
	st = token(p + 1, end, &q);
	if (q == end)
		return -EINVAL; /* no bytes field */
	by = token(q, end, &p);
	err = set_status_bytes(rec, st, by);
	if (err || fmt == ACCESS_LOG_COMMON)
		return err;
	/* p is past the space after bytes, or at the end. */
	if (fmt == ACCESS_LOG_AUTO && (p == end || *p != '"'))
		return 0;
	if (p == end || *p != '"' || !(p = quoted_or_cut(p + 1, end, cut, &referer, rec)))
		return -EINVAL;
	set_header(rec, REQ_REFERER, &rec->referer, referer);
	if (rec->truncated)
		return 0;
	if (end - p < 2 || p[0] != ' ' || p[1] != '"' ||
	    !quoted_or_cut(p + 2, end, cut, &ua, rec))
		return -EINVAL;
	set_header(rec, REQ_USER_AGENT, &rec->user_agent, ua);
	return 0;
}

int access_log_parse(enum access_log_format fmt, char *line, size_t len,
		     struct request_record *rec)
{
	char *end = line + len;
	int err;

	*rec = (struct request_record){ 0 };
	if (len > ACCESS_LOG_MAX_LINE)
		return -EMSGSIZE;
	if (fmt == ACCESS_LOG_JSON || (fmt == ACCESS_LOG_AUTO && len && *line == '{'))
		err = access_log_parse_json(line, end, rec);
	else
		err = parse_clf(fmt, line, end, rec);
	if (err)
		rec->present = 0; /* nothing half-parsed is mistaken for a field */
	return err;
}
