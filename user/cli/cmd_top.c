// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * top: the busiest sources right now, as per-second rates of the kernel
 * counters, each with the block in force for it, beside the daemon's most
 * recent alerts (asked over its control socket).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/duration.h"
#include "base/escape.h"
#include "base/vec.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "daemon/control.h"
#include "gatehawk/gate.h"
#include "kernel/gate_maps.h"
#include "kernel/src_counters.h"

/* Counters shown, in this order; --sort picks one of them. */
static const char *const shown[] = { "requests", "resp_4xx", "resp_5xx", "conns", "syns",
				     "packets" };
#define N_SHOWN (sizeof(shown) / sizeof(shown[0]))

struct rate_row {
	struct gh_addr addr;
	double rate[N_SHOWN];
};

/* The block entries in force at one frame. */
struct live_blocks {
	struct block_view *v;
	size_t n, cap;
	uint64_t now;
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

static int keep_live(const struct block_view *v, void *ctx)
{
	struct live_blocks *b = ctx;

	if (!block_entry_live(&v->entry, b->now))
		return 0;
	if (gh_vec_reserve((void **)&b->v, &b->cap, b->n, sizeof(*b->v), 64))
		return -ENOMEM;
	b->v[b->n++] = *v;
	return 0;
}

/* The live blocks now; none when the maps cannot be read (top shows rates regardless). */
static void read_blocks(struct gate_maps *m, struct live_blocks *b)
{
	b->n = 0;
	b->now = gh_boottime_ns();
	if (m->block_host4 >= 0 && gate_block_foreach(m, keep_live, b))
		b->n = 0;
}

/* The block in force for addr, longest prefix first (the host's own entry). */
static const struct block_view *block_of(const struct live_blocks *b, const struct gh_addr *a)
{
	const struct block_view *best = NULL;

	for (size_t i = 0; i < b->n; i++)
		if (gh_cidr_contains(&b->v[i].cidr, a) &&
		    (!best || b->v[i].cidr.prefixlen > best->cidr.prefixlen))
			best = &b->v[i];
	return best;
}

/* "590s", "forever" or "-" (not blocked), and the reason text. */
static void block_text(struct gate_maps *m, const struct live_blocks *b, const struct block_view *v,
		       char *left, size_t left_len, char *reason, size_t reason_len)
{
	snprintf(reason, reason_len, "%s", "");
	if (!v) {
		snprintf(left, left_len, "-");
		return;
	}
	if (!v->entry.expires_ns)
		snprintf(left, left_len, "forever");
	else
		gh_duration_format((v->entry.expires_ns - b->now + 999999999ULL) / 1000000000ULL, left,
				   left_len);
	if (gate_reason_text(m, v->entry.reason, reason, reason_len))
		snprintf(reason, reason_len, "?");
}

static struct json_object *sources_json(const struct rate_row *r, size_t n, struct gate_maps *m,
					const struct live_blocks *b)
{
	struct json_object *arr = json_object_new_array();
	char addr[GH_CIDR_STRLEN], left[32], reason[GH_REASON_LEN];

	for (size_t i = 0; i < n; i++) {
		const struct block_view *v = block_of(b, &r[i].addr);
		struct json_object *o = json_object_new_object(), *blk = NULL;

		gh_addr_format(&r[i].addr, addr, sizeof(addr));
		json_object_object_add(o, "src_ip", json_object_new_string(addr));
		for (size_t c = 0; c < N_SHOWN; c++)
			json_object_object_add(o, shown[c], json_object_new_double(r[i].rate[c]));
		if (v) {
			block_text(m, b, v, left, sizeof(left), reason, sizeof(reason));
			blk = json_object_new_object();
			gh_cidr_format(&v->cidr, addr, sizeof(addr));
			json_object_object_add(blk, "cidr", json_object_new_string(addr));
			json_object_object_add(blk, "reason", json_object_new_string(reason));
			json_object_object_add(blk, "left", json_object_new_string(left));
		}
		json_object_object_add(o, "blocked", blk);
		json_object_array_add(arr, o);
	}
	return arr;
}

static void print_sources(const struct rate_row *r, size_t n, struct gate_maps *m,
			  const struct live_blocks *b)
{
	char addr[GH_CIDR_STRLEN], left[32], reason[GH_REASON_LEN], safe[4 * GH_REASON_LEN];

	printf("%-39s", "SRC_IP");
	for (size_t c = 0; c < N_SHOWN; c++)
		printf(" %10s/s", shown[c]);
	printf("  BLOCKED\n");
	for (size_t i = 0; i < n; i++) {
		const struct block_view *v = block_of(b, &r[i].addr);

		gh_addr_format(&r[i].addr, addr, sizeof(addr));
		printf("%-39s", addr);
		for (size_t c = 0; c < N_SHOWN; c++)
			printf(" %12.1f", r[i].rate[c]);
		block_text(m, b, v, left, sizeof(left), reason, sizeof(reason));
		/* A manual block's reason is whatever its author typed. */
		gh_escape_text(reason, strlen(reason), safe, sizeof(safe));
		printf("  %s%s%s%s\n", left, *safe ? " (" : "", safe, *safe ? ")" : "");
	}
}

/* The daemon's recent alerts, newest first, at most limit; NULL when no daemon answers. */
static struct json_object *recent_alerts(const char *pin_dir, uint32_t limit)
{
	struct json_object *all, *out;
	size_t n;

	if (!limit || control_request(pin_dir, "alerts", &all))
		return NULL;
	if (!json_object_is_type(all, json_type_array)) {
		json_object_put(all);
		return NULL;
	}
	out = json_object_new_array();
	n = json_object_array_length(all);
	for (size_t i = 0; i < n && i < limit; i++)
		json_object_array_add(out, json_object_get(json_object_array_get_idx(all, n - 1 - i)));
	json_object_put(all);
	return out;
}

static void print_alerts(struct json_object *alerts)
{
	char safe[4][256];

	printf("\nRECENT ALERTS (newest first)\n");
	if (!alerts) {
		printf("  no daemon answers on this pin directory: 'gatehawk run' shows its alerts here\n");
		return;
	}
	if (!json_object_array_length(alerts))
		printf("  none since the daemon started\n");
	else
		printf("%-24s %-6s %-39s %s\n", "TIME", "ACTION", "SRC_IP", "POLICY");
	for (size_t i = 0; i < json_object_array_length(alerts); i++) {
		struct json_object *a = json_object_array_get_idx(alerts, i);
		const char *keys[] = { "ts", "action", "src_ip", "policy" };

		for (size_t k = 0; k < 4; k++) {
			struct json_object *v = json_object_object_get(a, keys[k]);

			const char *text = v ? json_object_get_string(v) : "-";

			gh_escape_text(text, strlen(text), safe[k], sizeof(safe[k]));
		}
		printf("%-24s %-6s %-39s %s\n", safe[0], safe[1], safe[2], safe[3]);
	}
}

static void print_frame(const struct rate_row *r, size_t n, struct gate_maps *m,
			const struct live_blocks *b, struct json_object *alerts, bool json)
{
	if (json) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "sources", sources_json(r, n, m, b));
		json_object_object_add(o, "recent_alerts", alerts ? json_object_get(alerts) : NULL);
		cli_print_json(o);
	} else {
		if (isatty(STDOUT_FILENO))
			printf("\033[H\033[2J");
		print_sources(r, n, m, b);
		print_alerts(alerts);
	}
	fflush(stdout);
}

static int snapshot(int fd, struct source_row **rows, size_t *n)
{
	int err = sources_read_all(fd, rows, n);

	if (!err)
		qsort(*rows, *n, sizeof(**rows), source_addr_cmp);
	return err;
}

struct top_opts {
	const char *pin_dir;
	uint64_t interval;
	uint32_t count, limit, alerts;
	bool json;
};

static int run_frames(int fd, const struct top_opts *o)
{
	struct source_row *old = NULL, *cur = NULL;
	struct live_blocks blocks = { 0 };
	size_t n_old = 0, n_cur = 0;
	struct gate_maps m;
	int err;

	if (gate_maps_open(o->pin_dir, &m))
		gate_maps_init(&m); /* no blocks shown, rates still are */
	err = snapshot(fd, &old, &n_old);
	for (uint32_t frame = 0; !err && (!o->count || frame < o->count); frame++) {
		struct json_object *alerts;
		struct rate_row *r;

		sleep((unsigned int)o->interval);
		err = snapshot(fd, &cur, &n_cur);
		if (err)
			break;
		r = rates(old, n_old, cur, n_cur, (double)o->interval);
		if (!r) {
			err = -ENOMEM;
			break;
		}
		qsort(r, n_cur, sizeof(*r), by_rate_desc);
		read_blocks(&m, &blocks);
		alerts = recent_alerts(o->pin_dir, o->alerts);
		print_frame(r, n_cur < o->limit ? n_cur : o->limit, &m, &blocks, alerts, o->json);
		json_object_put(alerts);
		free(r);
		free(old);
		old = cur, n_old = n_cur, cur = NULL;
	}
	free(blocks.v);
	free(old);
	free(cur);
	gate_maps_close(&m);
	return err;
}

int cmd_top(int argc, char **argv)
{
	struct top_opts o = { .pin_dir = GH_PIN_DIR_DEFAULT, .interval = 1, .limit = 20,
			      .alerts = 10 };
	const char *sort = "requests";
	const struct cli_opt opts[] = {
		{ "sort", "FIELD", cli_set_string, &sort,
		  "requests (default), resp_4xx, resp_5xx, conns, syns or packets" },
		{ "limit", "N", cli_set_u32, &o.limit, "sources per frame (default 20)" },
		{ "alerts", "N", cli_set_u32, &o.alerts,
		  "the daemon's most recent alerts shown (default 10, at most 32; 0: none)" },
		{ "interval", "DURATION", cli_set_duration, &o.interval,
		  "between frames (default 1s)" },
		{ "count", "N", cli_set_u32, &o.count, "stop after N frames (default: until Ctrl-C)" },
		CLI_JSON_OPT(o.json, "each frame as one JSON object line: sources, recent_alerts"),
		CLI_PIN_DIR_OPT(o.pin_dir),
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk top",
		"[--sort FIELD] [--limit N] [--alerts N] [--interval DURATION] [--count N]\n"
		"                    [--json] [--pin-dir DIR]",
		"The busiest sources now: per-second rates of the kernel's exact per-source\n"
		"counters over each interval, largest first, each with the block in force for\n"
		"it (time left and reason; a blocked source's packets are dropped before they\n"
		"are counted, so its rates fall to 0). Below them, the running daemon's most\n"
		"recent alerts: time, action (block or alert), source and policy.",
		"  gatehawk top\n  gatehawk top --sort resp_4xx --count 1 --json\n"
		"  gatehawk top --limit 10 --alerts 20 --interval 2s\n"
	};
	char *pos[1];
	int fd, err;

	err = cli_parse(argc, argv, &usage, opts, pos, 0);
	if (err < 0)
		return err;
	for (sort_col = 0; sort_col < N_SHOWN && strcmp(shown[sort_col], sort); sort_col++)
		;
	if (sort_col == N_SHOWN)
		return cli_input_error("--sort: unknown field '%s'; see --help", sort);
	fd = sources_open(o.pin_dir);
	if (fd < 0)
		return cli_runtime_error(fd, "opening %s/src_http_slots (is the gate or sensor loaded?)",
					 o.pin_dir);
	err = run_frames(fd, &o);
	close(fd);
	return err ? cli_runtime_error(err, "reading per-source counters") : 0;
}
