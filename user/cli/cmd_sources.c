// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* sources: the kernel's per-source counters, sorted and limited. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "base/clock.h"
#include "cli/commands.h"
#include "kernel/gate_maps.h"
#include "gatehawk/gate.h"
#include "kernel/src_counters.h"

static int sort_field;

/* Largest first; ties broken by address so the order is stable. */
static int by_field_desc(const void *a, const void *b)
{
	const struct source_row *ra = a, *rb = b;
	uint64_t va = source_field_value(ra, sort_field), vb = source_field_value(rb, sort_field);

	if (va != vb)
		return va < vb ? 1 : -1;
	return source_addr_cmp(ra, rb);
}

static void print_rows(const struct source_row *rows, size_t n, size_t limit, bool json,
		       uint64_t now)
{
	struct json_object *arr = json ? json_object_new_array() : NULL;
	int nf = source_field_count();
	char addr[GH_CIDR_STRLEN];

	if (!json) {
		printf("%-39s", "SRC_IP");
		for (int f = 0; f < nf - 1; f++)
			printf(" %13s", source_field_name(f));
		printf(" %10s\n", "last_seen");
	}
	for (size_t i = 0; i < n && i < limit; i++) {
		const struct source_row *r = &rows[i];
		uint64_t seen = r->s.last_seen_ns;
		int64_t ago = seen && now > seen ? (int64_t)((now - seen) / 1000000000ULL) : 0;

		gh_addr_format(&r->addr, addr, sizeof(addr));
		if (json) {
			struct json_object *o = json_object_new_object();

			json_object_object_add(o, "src_ip", json_object_new_string(addr));
			for (int f = 0; f < nf - 1; f++)
				json_object_object_add(o, source_field_name(f),
						       json_object_new_uint64(source_field_value(r, f)));
			json_object_object_add(o, "last_seen_s_ago",
					       seen ? json_object_new_int64(ago) : NULL);
			json_object_array_add(arr, o);
			continue;
		}
		printf("%-39s", addr);
		for (int f = 0; f < nf - 1; f++)
			printf(" %13" PRIu64, source_field_value(r, f));
		if (seen)
			printf(" %9" PRId64 "s\n", ago);
		else
			printf(" %10s\n", "-");
	}
	if (json)
		cli_print_json(arr);
}

int cmd_sources(int argc, char **argv)
{
	const char *pin_dir = GH_PIN_DIR_DEFAULT, *sort = "packets";
	uint32_t limit = UINT32_MAX;
	bool json = false;
	const struct cli_opt opts[] = {
		CLI_JSON_OPT(json, "one JSON array on stdout"),
		{ "sort", "FIELD", cli_set_string, &sort,
		  "largest first by: packets (default), syns, conns, requests, request_bytes, "
		  "resp_2xx..resp_5xx, last_seen_ns" },
		{ "limit", "N", cli_set_u32, &limit, "show at most N sources" },
		CLI_PIN_DIR_OPT(pin_dir),
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk sources", "[--json] [--sort FIELD] [--limit N] [--pin-dir DIR]",
		"Per-source counters kept exactly in the kernel: packets and SYNs that passed\n"
		"the gate, established connections, HTTP requests and request bytes on the\n"
		"watched ports, responses by status class. The gate's counts are in\n"
		"`bpftool map dump pinned " GH_PIN_DIR_DEFAULT "/src_slots` (a slot per source\n"
		"and CPU), the sensor's in .../src_http_slots (likewise); this joins them.\n"
		"A source that found no slot on a CPU, or lost its slot there to a heavier\n"
		"one, is listed without what it sent there: `gatehawk stats` counts those\n"
		"packets as unslotted and displaced_packets, the slots lost as displaced.",
		"  gatehawk sources --sort requests --limit 20\n"
		"  gatehawk sources --json | jq '.[] | select(.resp_4xx > 100)'\n"
	};
	struct source_row *rows;
	char *pos[1];
	size_t n;
	int fd, err;

	err = cli_parse(argc, argv, &usage, opts, pos, 0);
	if (err < 0)
		return err;
	sort_field = source_field_index(sort);
	if (sort_field < 0)
		return cli_input_error("--sort: unknown field '%s'; see --help", sort);
	fd = sources_open(pin_dir);
	if (fd == -ENOENT)
		return cli_runtime_error(fd, "no per-source counters under %s (is the gate "
					     "attached?)",
					 pin_dir);
	if (fd < 0)
		return cli_runtime_error(fd, "opening %s/src_http_slots", pin_dir);
	err = sources_read_all(fd, &rows, &n);
	close(fd);
	if (err)
		return cli_runtime_error(err, "reading per-source counters");
	qsort(rows, n, sizeof(*rows), by_field_desc);
	print_rows(rows, n, limit, json, gh_boottime_ns());
	free(rows);
	return 0;
}
