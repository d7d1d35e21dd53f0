/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Top-level subcommands; main.c dispatches to these. */
#ifndef GATEHAWK_COMMANDS_H
#define GATEHAWK_COMMANDS_H

#include <stddef.h>
#include <stdint.h>

int cmd_attach(int argc, char **argv);
int cmd_detach(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_block(int argc, char **argv);
int cmd_allow(int argc, char **argv);
int cmd_throttle(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_sources(int argc, char **argv);
int cmd_tune(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_top(int argc, char **argv);
int cmd_policy(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_outliers(int argc, char **argv);
int cmd_suggest(int argc, char **argv);
int cmd_fleet(int argc, char **argv);

/* What one command shares with another. */
struct block_spec;
/* A 'CIDR [TTL]' block list file ('-': stdin), bad lines on stderr (exit 2); *specs malloc'd. */
int cli_load_block_file(const char *file, uint64_t ttl, struct block_spec **specs, size_t *n);
struct policy_set;
struct policy_load_opts;
/*
 * Load a policies directory for cmd ("replay", "policy check", ...) with
 * the options o (NULL: defaults): every problem on stderr, then exit 2 for
 * an invalid directory.
 */
int cli_load_policies(const char *cmd, const char *dir, const struct policy_load_opts *o,
		      struct policy_set **out);
/* --ipv6-prefix N, for the commands that run policies: a struct policy_load_opts named o. */
#define CLI_IPV6_PREFIX_OPT(o)                                                              \
	{ "ipv6-prefix", "N", cli_set_ipv6_prefix, &(o).ipv6_prefix,                       \
	  "group and block IPv6 sources by /N where a policy does not say (32-128, default " \
	  "64)" }
int cli_set_ipv6_prefix(const char *opt, const char *arg, void *dst); /* uint8_t */
struct sensor_tunables;
/* {"ports": [...], "sample_rate": N}: tune --json, and the sensor in status --json. */
struct json_object *tune_to_json(const struct sensor_tunables *t);

#endif /* GATEHAWK_COMMANDS_H */
