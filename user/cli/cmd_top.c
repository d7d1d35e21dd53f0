// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* top: the busiest sources right now, as per-second rates of the kernel counters. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "gatehawk/gate.h"
#include "kernel/src_counters.h"

/* Counters shown, in this order; --sort picks one of them. */
static const char *const shown[] = { "requests", "resp_4xx", "resp_5xx", "conns", "syns",
				     "packets" };
#define N_SHOWN (sizeof(shown) / sizeof(shown[0]))

struct rate_row {
	struct gh_addr addr;
	double rate[N_SHOWN];
};

static size_t sort_col;

static int by_rate_desc(const void *a, const void *b)
{
	double ra = ((const struct rate_row *)a)->rate[sort_col];
	double rb = ((const struct rate_row *)b)->rate[sort_col];

	return ra < rb ? 1 : ra > rb ? -1 : 0;
}

/* Per-second rates between two sorted snapshots; a new source counts from 0. */
static struct rate_row *rates(const struct source_row *old, size_t n_old,
			      const struct source_row *cur, size_t n_cur, double secs)
{
	struct rate_row *out = calloc(n_cur ? n_cur : 1, sizeof(*out));
	int field[N_SHOWN];

	for (size_t c = 0; c < N_SHOWN; c++)
		field[c] = source_field_index(shown[c]);
	for (size_t i = 0; out && i < n_cur; i++) {
		const struct source_row *prev =
			bsearch(&cur[i], old, n_old, sizeof(*old), source_addr_cmp);

		out[i].addr = cur[i].addr;
		for (size_t c = 0; c < N_SHOWN; c++) {
			uint64_t now = source_field_value(&cur[i], field[c]);
			uint64_t then = prev ? source_field_value(prev, field[c]) : 0;

			/* An evicted and re-created entry restarts below its old total. */
			out[i].rate[c] = (double)(now >= then ? now - then : now) / secs;
		}
	}
	return out;
}

static void print_frame(const struct rate_row *r, size_t n, size_t limit, bool json)
{
	char addr[GH_CIDR_STRLEN];

	if (!json) {
		if (isatty(STDOUT_FILENO))
			printf("\033[H\033[2J");
		printf("%-39s", "SRC_IP");
		for (size_t c = 0; c < N_SHOWN; c++)
			printf(" %10s/s", shown[c]);
		printf("\n");
	}
	struct json_object *arr = json ? json_object_new_array() : NULL;

	for (size_t i = 0; i < n && i < limit; i++) {
		gh_addr_format(&r[i].addr, addr, sizeof(addr));
		if (json) {
			struct json_object *o = json_object_new_object();

			json_object_object_add(o, "src_ip", json_object_new_string(addr));
			for (size_t c = 0; c < N_SHOWN; c++)
				json_object_object_add(o, shown[c],
						       json_object_new_double(r[i].rate[c]));
			json_object_array_add(arr, o);
			continue;
		}
		printf("%-39s", addr);
		for (size_t c = 0; c < N_SHOWN; c++)
			printf(" %12.1f", r[i].rate[c]);
		printf("\n");
	}
	if (json)
		cli_print_json(arr);
	fflush(stdout);
}

static int snapshot(int fd, struct source_row **rows, size_t *n)
{
	int err = sources_read_all(fd, rows, n);

	if (!err)
		qsort(*rows, *n, sizeof(**rows), source_addr_cmp);
	return err;
}

int cmd_top(int argc, char **argv)
{
	const char *pin_dir = GH_PIN_DIR_DEFAULT, *sort = "requests";
	uint64_t interval = 1;
	uint32_t count = 0, limit = 20;
	bool json = false;
	const struct cli_opt opts[] = {
		{ "sort", "FIELD", cli_set_string, &sort,
		  "requests (default), resp_4xx, resp_5xx, conns, syns or packets" },
		{ "limit", "N", cli_set_u32, &limit, "sources per frame (default 20)" },
		{ "interval", "DURATION", cli_set_duration, &interval, "between frames (default 1s)" },
		{ "count", "N", cli_set_u32, &count, "stop after N frames (default: until Ctrl-C)" },
		CLI_JSON_OPT(json, "each frame as one JSON array line"),
		CLI_PIN_DIR_OPT(pin_dir),
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk top",
		"[--sort FIELD] [--limit N] [--interval DURATION] [--count N] [--json]\n"
		"                    [--pin-dir DIR]",
		"The busiest sources now: per-second rates of the kernel's exact per-source\n"
		"counters over each interval, largest first.",
		"  gatehawk top\n  gatehawk top --sort resp_4xx --count 1 --json\n"
	};
	struct source_row *old = NULL, *cur = NULL;
	size_t n_old = 0, n_cur = 0;
	char *pos[1];
	int fd, err;

	err = cli_parse(argc, argv, &usage, opts, pos, 0);
	if (err < 0)
		return err;
	for (sort_col = 0; sort_col < N_SHOWN && strcmp(shown[sort_col], sort); sort_col++)
		;
	if (sort_col == N_SHOWN)
		return cli_input_error("--sort: unknown field '%s'; see --help", sort);
	fd = sources_open(pin_dir);
	if (fd < 0)
		return cli_runtime_error(fd, "opening %s/src_stats (is the gate attached?)", pin_dir);
	err = snapshot(fd, &old, &n_old);
	for (uint32_t frame = 0; !err && (!count || frame < count); frame++) {
		struct rate_row *r;

		sleep((unsigned int)interval);
		err = snapshot(fd, &cur, &n_cur);
		if (err)
			break;
		r = rates(old, n_old, cur, n_cur, (double)interval);
		if (!r) {
			err = -ENOMEM;
			break;
		}
		qsort(r, n_cur, sizeof(*r), by_rate_desc);
		print_frame(r, n_cur, limit, json);
		free(r);
		free(old);
		old = cur, n_old = n_cur, cur = NULL;
	}
	free(old);
	free(cur);
	close(fd);
	return err ? cli_runtime_error(err, "reading per-source counters") : 0;
}
