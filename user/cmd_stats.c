// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* stats: the gate's global counters, summed over CPUs. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>

#include "cli.h"
#include "commands.h"
#include "gate_maps.h"

static void print_stats(const struct gate_stats *s, bool json)
{
	struct json_object *o = json ? json_object_new_object() : NULL;

#define GH_STATS_PRINT(name)                                                          \
	if (o)                                                                        \
		json_object_object_add(o, #name, json_object_new_uint64(s->name));    \
	else                                                                          \
		printf("%-16s %" PRIu64 "\n", #name, (uint64_t)s->name);
	GATE_STATS_FIELDS(GH_STATS_PRINT)
#undef GH_STATS_PRINT
	if (o)
		cli_print_json(o);
}

int cmd_stats(int argc, char **argv)
{
	const char *pin_dir = GH_PIN_DIR_DEFAULT;
	bool json = false;
	const struct cli_opt opts[] = {
		{ "json", NULL, cli_set_flag, &json, "one JSON object on stdout" },
		{ "pin-dir", "DIR", cli_set_string, &pin_dir,
		  "bpffs directory of the maps (default: " GH_PIN_DIR_DEFAULT ")" },
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk stats", "[--json] [--pin-dir DIR]",
		"Global gate counters summed over CPUs: frames seen, passed, dropped, allowed,\n"
		"matched only expired entries, parse errors, non-IP, per family, VLAN, fragments,\n"
		"SYNs.",
		NULL
	};
	struct gate_stats s;
	struct gate_maps m;
	char *pos[1];
	int err;

	err = cli_parse(argc, argv, &usage, opts, pos, 0);
	if (err < 0)
		return err;
	err = gate_maps_open(pin_dir, &m);
	if (err == -ENOENT)
		return cli_runtime_error(err, "no gatehawk maps under %s", pin_dir);
	if (err)
		return cli_runtime_error(err, "opening maps under %s", pin_dir);
	err = gate_stats_read(&m, &s);
	gate_maps_close(&m);
	if (err)
		return cli_runtime_error(err, "reading counters");
	print_stats(&s, json);
	return 0;
}
