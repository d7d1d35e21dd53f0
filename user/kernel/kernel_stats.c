// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>

#include "base/err.h"
#include "kernel/kernel_stats.h"
#include "kernel/map_iter.h"
#include "kernel/pins.h"
#include "kernel/src_counters.h"
#include "kernel/throttle_maps.h"

static int read_sensor(const char *pin_dir, struct kernel_stats *out, struct gh_err *e)
{
	int fd = gh_pin_open(pin_dir, "sensor_stats"), err;

	if (fd == -ENOENT)
		return 0;
	if (fd < 0)
		return gh_err_sys(e, fd, "opening sensor_stats");
	err = map_percpu_sum(fd, 0, &out->sensor, sizeof(out->sensor));
	close(fd);
	if (err)
		return gh_err_sys(e, err, "reading sensor counters");
	out->has_sensor = true;
	return 0;
}

/*
 * Slots in use in either table (a source counted by both the gate and the
 * sensor counts twice, and once per CPU it came in on: a reading of the
 * tables would be exact but walks megabytes), counts ended to make room,
 * and passed packets and requests counted in no source's slot.
 */
static int read_sources(const char *pin_dir, struct kernel_stats *out, struct gh_err *e)
{
	struct src_slot_meta slots;
	struct src_http_meta http;
	int fd = gh_pin_open(pin_dir, "src_http_slots"), err;

	if (fd == -ENOENT)
		return 0;
	if (fd < 0)
		return gh_err_sys(e, fd, "opening src_http_slots");
	close(fd);
	err = source_slots_meta(pin_dir, &slots) ?: source_http_meta(pin_dir, &http);
	if (err)
		return gh_err_sys(e, err, "reading per-source counters");
	out->has_sources = true;
	out->sources_tracked = slots.claimed + http.claimed;
	out->sources_evicted = slots.reclaimed + http.reclaimed;
	out->sources_displaced = slots.displaced;
	out->sources_displaced_packets = slots.displaced_packets;
	out->sources_unslotted_packets = slots.unslotted_packets;
	out->sources_unslotted_requests = http.unslotted.requests;
	return 0;
}

int kernel_stats_read(struct gate_maps *m, struct kernel_stats *out, struct gh_err *e)
{
	int err;

	memset(out, 0, sizeof(*out));
	err = gate_stats_read(m, &out->gate);
	if (err)
		return gh_err_sys(e, err, "reading gate counters");
	return read_sensor(m->pin_dir, out, e) ?: read_sources(m->pin_dir, out, e);
}

struct entry_tally {
	uint64_t now;
	struct gate_entry_counts *c;
};

static int tally_block(const struct block_view *v, void *ctx)
{
	struct entry_tally *t = ctx;

	if (!block_entry_live(&v->entry, t->now))
		t->c->blocks_expired++;
	else if (v->entry.flags & GH_BLOCK_F_AUTO)
		t->c->blocks_automatic++;
	else
		t->c->blocks_manual++;
	return 0;
}

/* Expired throttles limit nothing and are not counted. */
static int tally_throttle(const struct throttle_view *v, void *ctx)
{
	struct entry_tally *t = ctx;
	const struct block_entry *e = &v->entry.entry;

	if (!block_entry_live(e, t->now))
		return 0;
	if (e->flags & GH_BLOCK_F_AUTO)
		t->c->throttles_automatic++;
	else
		t->c->throttles_manual++;
	return 0;
}

static int tally_allow(const struct allow_view *v, void *ctx)
{
	(void)v;
	((struct gate_entry_counts *)ctx)->allows++;
	return 0;
}

int gate_entries_count(struct gate_maps *m, uint64_t now_ns, struct gate_entry_counts *out)
{
	struct entry_tally t = { now_ns, out };

	memset(out, 0, sizeof(*out));
	out->max_blocks = m->max_blocks;
	return gate_block_foreach(m, tally_block, &t) ?: gate_allow_foreach(m, tally_allow, out) ?:
	       gate_throttle_foreach(m, tally_throttle, &t);
}

/* The program a pinned link runs, its fd added to fds unless already there. */
static void add_link_prog(int link_fd, int *fds, uint32_t *ids, int max, int *n)
{
	struct bpf_link_info link = { 0 };
	__u32 len = sizeof(link);
	int fd;

	if (bpf_obj_get_info_by_fd(link_fd, &link, &len) || !link.prog_id || *n >= max)
		return;
	for (int i = 0; i < *n; i++)
		if (ids[i] == link.prog_id)
			return;
	fd = bpf_prog_get_fd_by_id(link.prog_id);
	if (fd < 0)
		return;
	ids[*n] = link.prog_id;
	fds[(*n)++] = fd;
}

int bpf_prog_fds_open(const char *pin_dir, int *fds, int max, int *n)
{
	uint32_t ids[GH_MAX_PROG_STATS];
	DIR *dir = opendir(pin_dir);
	struct dirent *de;

	*n = 0;
	if (!dir)
		return -errno;
	if (max > GH_MAX_PROG_STATS)
		max = GH_MAX_PROG_STATS;
	while ((de = readdir(dir))) {
		int fd;

		if (strncmp(de->d_name, "link_", 5))
			continue;
		fd = gh_pin_open(pin_dir, de->d_name);
		if (fd < 0)
			continue; /* unpinned meanwhile */
		add_link_prog(fd, fds, ids, max, n);
		close(fd);
	}
	closedir(dir);
	return 0;
}

void bpf_prog_stats_read(const int *fds, int n_fds, struct bpf_prog_stat *out, int *n)
{
	*n = 0;
	for (int i = 0; i < n_fds; i++) {
		struct bpf_prog_info prog = { 0 };
		__u32 len = sizeof(prog);
		struct bpf_prog_stat *s = &out[*n];

		if (bpf_obj_get_info_by_fd(fds[i], &prog, &len))
			continue;
		snprintf(s->name, sizeof(s->name), "%s", prog.name);
		s->id = prog.id;
		s->run_time_ns = prog.run_time_ns;
		s->run_cnt = prog.run_cnt;
		(*n)++;
	}
}

bool bpf_stats_enabled(void)
{
	FILE *f = fopen("/proc/sys/kernel/bpf_stats_enabled", "re");
	int on = 0;

	if (!f)
		return false;
	if (fscanf(f, "%d", &on) != 1)
		on = 0;
	fclose(f);
	return on != 0;
}
