/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * What the gate's list commands share: block and allow (cmd_lists.c) and
 * throttle (cmd_throttle.c). `block list` shows throttles too, through
 * cli_list_throttles().
 */
#ifndef GATEHAWK_CLI_LISTS_H
#define GATEHAWK_CLI_LISTS_H

#include <stdbool.h>
#include <stdint.h>

#include "cli/cli.h"
#include "kernel/gate_maps.h"

/* Open the pinned maps (create: make and pin them first when missing) and lock them. */
int cli_open_maps_locked(const char *pin_dir, uint32_t max_blocks, bool create,
			 struct gate_maps *m);
/* A CIDR argument; host bits set is refused with the corrected prefix suggested. */
int cli_parse_cidr_arg(const char *path, const char *arg, struct gh_cidr *c);
/* Refuse a block or throttle (verb) over loopback, this host, its gateways or resolvers unless force. */
int cli_check_protected(const char *path, const char *verb, const struct gh_cidr *c, bool force);

/* What a one-CIDR command does to the maps. */
typedef int (*cidr_op)(struct gate_maps *m, const struct gh_cidr *c);
/* allow del, block del, throttle del: one CIDR, one change to the maps that exist. */
int cli_cidr_command(int argc, char **argv, const struct cli_usage *usage, cidr_op op);

/* The columns blocks and throttles share, for text and JSON. */
struct list_entry_text {
	char cidr[GH_CIDR_STRLEN];
	char reason[GH_REASON_LEN];
	char expires[24];      /* "600s", or "never" */
	uint64_t expires_in_s; /* 0: never */
};

void cli_entry_text(struct gate_maps *m, const struct gh_cidr *c, const struct block_entry *e,
		    uint64_t now, struct list_entry_text *t);
/* {"cidr", "action", "reason", "expires_in_s" (null: never), "hits", "auto", "fleet"}. */
struct json_object *cli_entry_json(const struct list_entry_text *t, const struct block_entry *e,
				   const char *action);
/* `block list`'s rows for the live throttles: into out (JSON), or printed when out is NULL. */
int cli_list_throttles(struct gate_maps *m, struct cli_json_list *out, uint64_t now);

#endif /* GATEHAWK_CLI_LISTS_H */
