/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * What the XDP gate's BPF_PROG_RUN tests share: the gate set up the way
 * production sets it up (gate_pin_maps() creates and pins the maps in a
 * private pin directory, entries go in through gate_maps.c, which keeps
 * gate_config right, and the program is loaded from the skeleton over those
 * pins, which are removed at exit and on a fatal signal), running frames,
 * and reading the global counters.
 */
#ifndef GATEHAWK_TEST_GATE_HARNESS_H
#define GATEHAWK_TEST_GATE_HARNESS_H

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "frames.h"
#include "kernel/gate_loader.h"
#include "kernel/gate_maps.h"
#include "kernel/pins.h"
#include "tap.h"
#include "xdp_gate.skel.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
/* The smallest maps the loader accepts: filling one takes a moment. */
#define MAX_BLOCKS GH_MIN_MAX_BLOCKS
#define MAX_PINS 32

static struct xdp_gate_bpf *skel;
static struct gate_maps maps;
static int prog_fd = -1;

/*
 * Every pin the gate creates, named before it exists, so that the signal
 * handler can remove them with async-signal-safe calls only.
 */
static char pin_dir[GH_PATH_MAX];
static char pin_paths[MAX_PINS][GH_PATH_MAX];
static int n_pins;

static void remove_pins(void)
{
	for (int i = 0; i < n_pins; i++)
		unlink(pin_paths[i]);
	if (pin_dir[0])
		rmdir(pin_dir);
}

static const int fatal_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };

static void on_signal(int sig)
{
	remove_pins();
	raise(sig); /* SA_RESETHAND: the default action now ends the process */
}

static int setup(void)
{
	struct sigaction sa = { .sa_handler = on_signal, .sa_flags = SA_RESETHAND };
	struct gh_map_sizes keep = { 0 }; /* take every pinned map as it is */
	struct bpf_map *map;
	int err;

	snprintf(pin_dir, sizeof(pin_dir), "/sys/fs/bpf/gh-test-%d", (int)getpid());
	skel = xdp_gate_bpf__open();
	if (!skel)
		return -errno;
	bpf_object__for_each_map(map, skel->obj) {
		if (bpf_map__is_internal(map))
			continue;
		if (n_pins == MAX_PINS)
			return -E2BIG;
		err = gh_pin_path(pin_paths[n_pins++], GH_PATH_MAX, pin_dir, bpf_map__name(map));
		if (err)
			return err;
	}
	atexit(remove_pins);
	/* SIGPIPE too: `test_xdp_gate | head` must not leave pins behind. */
	for (size_t i = 0; i < ARRAY_SIZE(fatal_signals); i++)
		sigaction(fatal_signals[i], &sa, NULL);

	err = gate_pin_maps(pin_dir, MAX_BLOCKS, NULL);
	err = err ?: gate_maps_open(pin_dir, &maps);
	/* Per-source counting is on once attached; run that path too. */
	err = err ?: gate_update_flags(&maps, GH_GATE_F_COUNT_SOURCES, 0);
	err = err ?: gh_pins_configure(skel->obj, pin_dir, &keep, NULL);
	err = err ?: xdp_gate_bpf__load(skel);
	if (err)
		return err;
	prog_fd = bpf_program__fd(skel->progs.xdp_gate);
	return 0;
}

/* ---- running frames and reading counters ---- */

static int run(const struct frame *f, uint32_t len, int repeat)
{
	LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = f->data, .data_size_in = len,
		    .repeat = repeat);

	return bpf_prog_test_run_opts(prog_fd, &opts) ? -errno : (int)opts.retval;
}

static struct gate_stats read_stats(void)
{
	struct gate_stats s;

	/* All ones on failure: no prediction matches that. */
	if (gate_stats_read(&maps, &s))
		memset(&s, 0xff, sizeof(s));
	return s;
}

static struct gate_stats stats_diff(const struct gate_stats *before,
				    const struct gate_stats *after)
{
	struct gate_stats d;

#define GH_DIFF(name) d.name = after->name - before->name;
	GATE_STATS_FIELDS(GH_DIFF)
#undef GH_DIFF
	return d;
}

#endif /* GATEHAWK_TEST_GATE_HARNESS_H */
