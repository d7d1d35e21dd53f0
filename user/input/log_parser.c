// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include "input/log_parser.h"

int log_parser_init(struct log_parser *p, const char *format, const char *log_format,
		    const struct trusted_proxies *proxies, struct gh_err *err)
{
	*p = (struct log_parser){ .fmt = ACCESS_LOG_AUTO, .proxies = proxies };
	if (format && access_log_format_parse(format, &p->fmt)) {
		gh_err_field(err, "--format");
		return gh_err_input(err, "--format %s: expected auto, combined, common, json or "
				    "vhost_combined", format);
	}
	return log_format ? log_format_compile(log_format, &p->custom, err) : 0;
}

void log_parser_free(struct log_parser *p)
{
	log_format_free(p->custom);
	p->custom = NULL;
}

int log_parser_parse(const struct log_parser *p, char *line, size_t len,
		     struct request_record *rec)
{
	int err = p->custom ? log_format_parse(p->custom, line, len, rec)
			    : access_log_parse(p->fmt, line, len, rec);

	if (!err && p->proxies)
		client_addr_resolve(p->proxies, rec);
	return err;
}
