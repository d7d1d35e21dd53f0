// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* A configuration file's entries as a command's options (cli_apply_config, cli.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "base/config.h"
#include "cli/cli.h"

static const struct cli_opt *find(const struct cli_opt *opts, const char *name, size_t len)
{
	for (const struct cli_opt *o = opts; o->name; o++)
		if (strlen(o->name) == len && !strncmp(o->name, name, len))
			return o;
	return NULL;
}

/* Whether the command line gives option o (as --name or --name=...). */
static bool on_command_line(const struct cli_opt *opts, const struct cli_opt *o, int argc,
			    char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		const char *name = argv[i] + 2;
		const struct cli_opt *given;

		if (strncmp(argv[i], "--", 2))
			continue;
		given = find(opts, name, strcspn(name, "="));
		if (given == o)
			return true;
		if (given && given->arg && !strchr(name, '='))
			i++; /* its value, whatever it looks like */
	}
	return false;
}

static int flag_value(const char *v, bool *on)
{
	static const char *const yes[] = { "true", "yes", "on", "1" };
	static const char *const no[] = { "false", "no", "off", "0" };

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (!strcmp(v, yes[i]) || !strcmp(v, no[i])) {
			*on = !strcmp(v, yes[i]);
			return 0;
		}
	}
	return -EINVAL;
}

/* Entry i, which names option o, after the ones before it (duplicates checked). */
static int apply_entry(const struct gh_config *cfg, size_t i, const struct cli_opt *o)
{
	const struct gh_config_entry *ent = &cfg->v[i];
	bool on;

	for (size_t j = 0; j < i && o->parse != cli_set_strlist; j++)
		if (!strcmp(cfg->v[j].key, ent->key))
			return cli_input_error("%s given twice (first on line %u); only "
					       "repeatable options such as access-log may be",
					       ent->key, cfg->v[j].line);
	if (o->arg)
		return o->parse(o->name, ent->value, o->dst);
	if (flag_value(ent->value, &on))
		return cli_input_error("%s: expected true or false, got '%s'", ent->key,
				       ent->value);
	return on ? o->parse(o->name, NULL, o->dst) : 0;
}

int cli_apply_config(const char *path, bool required, const struct cli_opt *opts, int argc,
		     char **argv, struct gh_config *cfg)
{
	struct gh_err e = { 0 };
	char where[600];
	int err = gh_config_load(path, cfg, &e);

	if (err == -ENOENT)
		return required ? cli_input_error("--config %s: no such file", path) : 0;
	if (err)
		return cli_report(&e, err);
	for (size_t i = 0; !err && i < cfg->n; i++) {
		const struct gh_config_entry *ent = &cfg->v[i];
		const struct cli_opt *o = find(opts, ent->key, strlen(ent->key));

		snprintf(where, sizeof(where), "%s:%u", path, ent->line);
		cli_error_where(where);
		if (!o || !strcmp(o->name, "config"))
			err = cli_input_error("unknown key '%s'; the keys are the long options of "
					      "the command (see --help), without the dashes",
					      ent->key);
		else if (!on_command_line(opts, o, argc, argv))
			err = apply_entry(cfg, i, o);
	}
	cli_error_where(NULL);
	return err;
}
