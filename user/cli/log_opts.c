// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include "cli/log_opts.h"

int cli_log_parser(struct cli_log_opts *o, struct log_parser *p)
{
	struct gh_err err = { 0 };
	int ret = 0;

	for (int i = 0; !ret && i < o->proxies.count; i++)
		ret = trusted_proxies_add(&o->trusted, o->proxies.items[i], &err);
	if (!ret)
		ret = log_parser_init(p, o->format, o->log_format, &o->trusted, &err);
	return ret ? cli_report(&err, ret) : 0;
}
