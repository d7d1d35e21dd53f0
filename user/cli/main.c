// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * gatehawk: a kernel-assisted sensor that closes the gate on bad web
 * traffic. main() only dispatches and turns errors into exit codes:
 * 0 ok, 1 runtime failure, 2 usage or invalid input.
 */
#include <stdio.h>
#include <stdarg.h>
#include <bpf/libbpf.h>

#include "cli/cli.h"
#include "cli/commands.h"

static const struct cli_cmd commands[] = {
	{ "attach", cmd_attach, "load the XDP gate onto interfaces and exit" },
	{ "detach", cmd_detach, "remove the gate, its links and its pins" },
	{ "run", cmd_run, "attach and stay in the foreground as the daemon" },
	{ "block", cmd_block, "add, delete and list blocked sources" },
	{ "allow", cmd_allow, "add, delete and list sources that always pass" },
	{ "stats", cmd_stats, "global gate and sensor counters" },
	{ "sources", cmd_sources, "per-source kernel counters" },
	{ "tune", cmd_tune, "show or change the HTTP sensor settings" },
	{ "status", cmd_status, "what is attached, in force and running" },
	{ "top", cmd_top, "busiest sources now, per-second rates" },
	{ "policy", cmd_policy, "validate a policies directory" },
	{ "replay", cmd_replay, "run policies and indicators over access logs" },
	{ 0 },
};

/* libbpf's warnings explain verifier and load failures; debug is noise. */
static int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list args)
{
	if (level == LIBBPF_DEBUG)
		return 0;
	return vfprintf(stderr, fmt, args);
}

int main(int argc, char **argv)
{
	libbpf_set_print(libbpf_print);
	return cli_exit_code(cli_dispatch("gatehawk", commands, argc - 1, argv + 1));
}
