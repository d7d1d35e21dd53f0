// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "cli.h"
#include "daemon.h"
#include "event_loop.h"
#include "gate_maps.h"
#include "pins.h"

struct daemon {
	const struct daemon_opts *opts;
	struct event_loop *loop;
	struct gate_maps maps;
	uint64_t ticks;
	int exit_err;
};

/* The gate was detached under us when its link pins are gone. */
static bool gate_detached(const struct daemon *d)
{
	const struct gate_attach_opts *a = &d->opts->attach;
	char name[64];

	for (int i = 0; i < a->n_ifaces; i++) {
		snprintf(name, sizeof(name), "%s%s", GH_LINK_XDP_PREFIX, a->ifaces[i]);
		if (!gh_pin_exists(a->pin_dir, name))
			return true;
	}
	return false;
}

static void collect_garbage(struct daemon *d)
{
	size_t removed = 0;
	int err = gate_maps_lock(&d->maps);

	if (!err) {
		err = gate_gc(&d->maps, gh_boottime_ns(), &removed);
		gate_maps_unlock(&d->maps);
	}
	if (err)
		fprintf(stderr, "gatehawk: block GC failed: %s\n", strerror(-err));
}

static int on_tick(int fd, uint32_t events, void *ctx)
{
	struct daemon *d = ctx;

	(void)events;
	ev_timerfd_drain(fd);
	d->ticks++;
	if (gate_detached(d)) {
		fprintf(stderr, "gatehawk: gate detached, exiting\n");
		ev_stop(d->loop);
		return 0;
	}
	if (d->ticks % GH_GC_INTERVAL_S == 0)
		collect_garbage(d);
	return 0;
}

static int on_signal(int fd, uint32_t events, void *ctx)
{
	struct signalfd_siginfo si;
	struct daemon *d = ctx;

	(void)events;
	if (read(fd, &si, sizeof(si)) != sizeof(si))
		return 0;
	if (si.ssi_signo == SIGHUP)
		return 0; /* nothing to reload yet */
	fprintf(stderr, "gatehawk: %s, exiting; the gate stays attached\n",
		strsignal((int)si.ssi_signo));
	ev_stop(d->loop);
	return 0;
}

static int block_signals(void)
{
	sigset_t mask;
	int fd;

	sigemptyset(&mask);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &mask, NULL))
		return -errno;
	fd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

int daemon_run(const struct daemon_opts *o)
{
	struct daemon d = { .opts = o };
	int sig_fd = -1, tick_fd = -1;
	int err;

	err = gate_attach(&o->attach);
	if (err)
		return err;
	err = gate_maps_open(o->attach.pin_dir, &d.maps);
	if (err)
		return cli_runtime_error(err, "opening pinned maps in %s", o->attach.pin_dir);

	d.loop = ev_loop_new();
	sig_fd = block_signals();
	tick_fd = ev_timerfd(GH_TICK_MS);
	if (!d.loop || sig_fd < 0 || tick_fd < 0) {
		err = cli_runtime_error(-ENOMEM, "setting up the event loop");
		goto cleanup;
	}
	err = ev_add(d.loop, sig_fd, on_signal, &d);
	err = err ?: ev_add(d.loop, tick_fd, on_tick, &d);
	if (err)
		goto cleanup;

	fprintf(stderr, "gatehawk: gate attached to %d interface(s), running\n",
		o->attach.n_ifaces);
	err = ev_run(d.loop);
cleanup:
	if (tick_fd >= 0)
		close(tick_fd);
	if (sig_fd >= 0)
		close(sig_fd);
	ev_loop_free(d.loop);
	gate_maps_close(&d.maps);
	return err;
}
