// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "input/access_log.h"
#include "input/log_fields.h"
#include "input/log_format.h"

#define LF_MAX_ITEMS 128
#define LF_MAX_NAME 64
/* Later occurrences of a literal tried for one unquoted variable, and
 * match attempts for a whole line: backtracking stays linear-ish. */
#define LF_MAX_TRIES 8
#define LF_MAX_BUDGET 256

struct lf_item {
	bool is_var;
	bool quoted;  /* between two '"' literals: a quoted string */
	int var;      /* log_vars id; -1: a variable nobody reads */
	size_t off;   /* literal: offset in text */
	size_t len;
};

struct log_format {
	char *text; /* the literals, back to back */
	size_t n;
	struct lf_item items[];
};

/* nginx variables that carry nothing a policy reads: accepted, skipped. */
static const char *const skipped_vars[] = {
	"remote_user", "request_time", "request_length", "request_id", "connection",
	"connection_requests", "pipe", "gzip_ratio", "hostname", "pid", "server_name",
	"nginx_version", "document_root", "realpath_root", "request_filename",
	"request_body", "request_completion", "binary_remote_addr", "proxy_protocol_addr",
	"proxy_protocol_port", "realip_remote_addr", "realip_remote_port", "time_local_msec",
	"bytes_received", "session_time", "connection_time", "is_args", "limit_rate",
	"http2", "http3", "msie", "server_software", "remote_ident", "sent_bytes",
};
static const char *const skipped_prefixes[] = {
	"http_", "sent_http_", "sent_trailer_", "cookie_", "arg_", "upstream_", "ssl_",
	"proxy_", "geoip_", "geoip2_", "tcpinfo_", "limit_", "jwt_",
};

static bool skipped_var(const char *name)
{
	for (size_t i = 0; i < sizeof(skipped_vars) / sizeof(skipped_vars[0]); i++)
		if (!strcmp(name, skipped_vars[i]))
			return true;
	for (size_t i = 0; i < sizeof(skipped_prefixes) / sizeof(skipped_prefixes[0]); i++)
		if (!strncmp(name, skipped_prefixes[i], strlen(skipped_prefixes[i])))
			return true;
	return false;
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/*
 * nginx's configuration quoting: 'a' "b" pieces are concatenated. A spec
 * that does not start with a quote is taken as it is.
 */
static int unquote_spec(const char *spec, char *out, struct gh_err *err)
{
	const char *p = spec;
	size_t w = 0;

	if (*p != '\'') {
		strcpy(out, spec);
		return 0;
	}
	while (*p) {
		char q = *p++;
		const char *close = strchr(p, q);

		if ((q != '\'' && q != '"') || !close)
			return gh_err_input(err, "--log-format: unbalanced quote at offset %zu; "
					    "expected 'PIECE' 'PIECE' ... as in nginx.conf",
					    (size_t)(p - 1 - spec));
		memcpy(out + w, p, (size_t)(close - p));
		w += (size_t)(close - p);
		for (p = close + 1; *p == ' ' || *p == '\t' || *p == '\n'; p++)
			;
	}
	out[w] = '\0';
	return 0;
}

static int add_item(struct log_format *f, struct lf_item it, struct gh_err *err)
{
	if (f->n >= LF_MAX_ITEMS)
		return gh_err_input(err, "--log-format: more than %d pieces", LF_MAX_ITEMS);
	if (it.is_var && f->n && f->items[f->n - 1].is_var)
		return gh_err_input(err, "--log-format: two variables with nothing between "
				    "them at offset %zu; expected a separator", it.off);
	f->items[f->n++] = it;
	return 0;
}

/* One "$name" or "${name}" at s[*i] (on the '$'); advances *i past it. */
static int read_var(const char *s, size_t *i, struct log_format *f, bool *has_time,
		    struct gh_err *err)
{
	size_t start = *i, j = *i + 1, n = 0;
	bool braced = s[j] == '{';
	char name[LF_MAX_NAME + 1];
	int var;

	j += braced;
	while (is_name_char(s[j]) && n < LF_MAX_NAME)
		name[n++] = s[j++];
	name[n] = '\0';
	if (!n || (braced && s[j++] != '}'))
		return gh_err_input(err, "--log-format: expected a variable name after '$' at "
				    "offset %zu", start);
	*i = j;
	var = log_var_find(name, n);
	if (var < 0 && !skipped_var(name))
		return gh_err_input(err, "--log-format: unknown variable $%s at offset %zu; "
				    "expected an nginx variable such as $remote_addr, "
				    "$time_local, $request, $status or $http_user_agent",
				    name, start);
	if (!strcmp(name, "time_local") || !strcmp(name, "time_iso8601") ||
	    !strcmp(name, "msec"))
		*has_time = true;
	return add_item(f, (struct lf_item){ .is_var = true, .var = var, .off = start }, err);
}

/* A variable between a literal ending in '"' and one starting with it. */
static void mark_quoted(struct log_format *f)
{
	for (size_t i = 1; i + 1 < f->n; i++) {
		const struct lf_item *a = &f->items[i - 1], *b = &f->items[i + 1];

		f->items[i].quoted = f->items[i].is_var && !a->is_var && !b->is_var &&
				     f->text[a->off + a->len - 1] == '"' && f->text[b->off] == '"';
	}
}

int log_format_compile(const char *spec, struct log_format **out, struct gh_err *err)
{
	size_t len = strlen(spec), i = 0, lit = 0, w = 0;
	struct log_format *f;
	bool has_time = false;
	char *s;
	int ret;

	f = calloc(1, sizeof(*f) + LF_MAX_ITEMS * sizeof(f->items[0]));
	s = malloc(len + 1);
	if (f)
		f->text = malloc(len + 1);
	if (!f || !s || !f->text) {
		ret = gh_err_sys(err, -ENOMEM, "--log-format");
		goto fail;
	}
	if ((ret = unquote_spec(spec, s, err)))
		goto fail;
	while (s[i]) {
		if (s[i] != '$') {
			f->text[w++] = s[i++];
			continue;
		}
		if (w > lit && (ret = add_item(f, (struct lf_item){ .off = lit, .len = w - lit },
					       err)))
			goto fail;
		lit = w;
		if ((ret = read_var(s, &i, f, &has_time, err)))
			goto fail;
	}
	if (w > lit && (ret = add_item(f, (struct lf_item){ .off = lit, .len = w - lit }, err)))
		goto fail;
	if (!has_time) {
		ret = gh_err_input(err, "--log-format: no time variable; expected $time_local, "
				   "$time_iso8601 or $msec");
		goto fail;
	}
	mark_quoted(f);
	free(s);
	*out = f;
	return 0;
fail:
	gh_err_field(err, "--log-format");
	free(s);
	log_format_free(f);
	return ret;
}

void log_format_free(struct log_format *f)
{
	if (!f)
		return;
	free(f->text);
	free(f);
}

struct lf_span {
	char *p;
	size_t len;
};

/*
 * Whether an unquoted value has its variable's shape (a time, a status, an
 * address...): a literal found inside a value is then tried further on.
 */
static bool value_fits(const struct lf_item *it, const struct lf_span *sp)
{
	struct request_record scratch = { 0 };

	return it->var < 0 ||
	       !log_var_set(&scratch, it->var, (struct gh_str){ sp->p, (uint32_t)sp->len }, false);
}

/* Find where items[i..] fall in [p, end): spans only, nothing decoded yet. */
static int match(const struct log_format *f, size_t i, char *p, char *end,
		 struct lf_span *spans, int *budget)
{
	const struct lf_item *it;

	if (--*budget < 0)
		return -EINVAL;
	if (i == f->n)
		return p == end ? 0 : -EINVAL;
	it = &f->items[i];
	if (!it->is_var) {
		if ((size_t)(end - p) < it->len || memcmp(p, f->text + it->off, it->len))
			return -EINVAL;
		return match(f, i + 1, p + it->len, end, spans, budget);
	}
	spans[i].p = p;
	if (i + 1 == f->n) {
		spans[i].len = (size_t)(end - p);
		return 0;
	}
	if (it->quoted) {
		char *q = log_string_end(p, end);

		if (!q)
			return -EINVAL;
		spans[i].len = (size_t)(q - p);
		return match(f, i + 1, q, end, spans, budget);
	}
	const struct lf_item *next = &f->items[i + 1];
	char *from = p;

	for (int t = 0; t < LF_MAX_TRIES; t++) {
		char *at = memmem(from, (size_t)(end - from), f->text + next->off, next->len);

		if (!at)
			return -EINVAL;
		spans[i].len = (size_t)(at - p);
		if (value_fits(it, &spans[i]) && !match(f, i + 1, at, end, spans, budget))
			return 0;
		from = at + 1;
	}
	return -EINVAL;
}

static int set_vars(const struct log_format *f, const struct lf_span *spans,
		    struct request_record *rec)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct lf_item *it = &f->items[i];
		struct gh_str v = { spans[i].p, (uint32_t)spans[i].len };
		int err;

		if (!it->is_var || it->var < 0)
			continue;
		/* The span ends at the closing quote, which log_quoted wants in view. */
		if (it->quoted && !log_quoted(spans[i].p, spans[i].p + spans[i].len + 1, &v))
			return -EINVAL;
		if ((err = log_var_set(rec, it->var, v, it->quoted)))
			return err;
	}
	return req_has(rec, REQ_TS) ? 0 : -EINVAL;
}

int log_format_parse(const struct log_format *f, char *line, size_t len,
		     struct request_record *rec)
{
	struct lf_span spans[LF_MAX_ITEMS];
	int budget = LF_MAX_BUDGET, err;

	*rec = (struct request_record){ 0 };
	if (len > ACCESS_LOG_MAX_LINE)
		return -EMSGSIZE;
	err = match(f, 0, line, line + len, spans, &budget);
	if (!err)
		err = set_vars(f, spans, rec);
	if (err)
		rec->present = 0;
	return err;
}
