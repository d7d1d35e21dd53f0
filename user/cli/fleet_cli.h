/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* The fleet's options, the same for `run` and `fleet list|import` (cmd_fleet.c). */
#ifndef GATEHAWK_FLEET_CLI_H
#define GATEHAWK_FLEET_CLI_H

#include <stdbool.h>

#include "base/addr.h"
#include "cli/cli.h"
#include "daemon/fleet_nats.h"

struct cli_fleet {
	struct fleet_opts opts;
	struct cli_strlist tls_ca;
};

#define CLI_FLEET_OPTS(f)                                                                  \
	{ "fleet-creds", "FILE", cli_set_string, &(f).opts.creds,                         \
	  "NATS credentials file (user JWT and NKey seed) for the fleet's server" },      \
	{ "fleet-name", "NAME", cli_set_string, &(f).opts.name,                            \
	  "this host in the fleet, [A-Za-z0-9._-] (default: the host name)" },            \
	{ "fleet-tls-ca", "FILE", cli_set_strlist, &(f).tls_ca,                            \
	  "connect with TLS, trusting this CA file (repeatable)" }

/* Check and complete f (after cli_parse); 0 or an input error (exit 2). */
int cli_fleet_resolve(struct cli_fleet *f);
/*
 * Tell the daemon of pin_dir that the operator blocked (block true) or
 * unblocked c, for it to publish to its fleet. True when a daemon in fleet
 * mode queued it; false when none runs or it is not in fleet mode.
 */
bool cli_fleet_notify(const char *pin_dir, bool block, const struct gh_cidr *c);

#endif /* GATEHAWK_FLEET_CLI_H */
