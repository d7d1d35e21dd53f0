// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "cli.h"
#include "daemon.h"
#include "event_loop.h"
#include "gate_maps.h"
#include "pins.h"
#include "ringbuf_decode.h"

struct daemon {
	const struct daemon_opts *opts;
	struct event_loop *loop;
	struct gate_maps maps;
	struct ring_buffer *ring;
	struct ringbuf_decoder *decoder;
	uint64_t ticks;
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

static void on_record(const struct request_record *rec, void *ctx)
{
	struct daemon *d = ctx;

	if (d->opts->print_requests)
		cli_print_json(request_to_json(rec));
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
	decoder_expire(d->decoder, gh_boottime_ns());
	if (d->ticks % GH_GC_INTERVAL_S == 0)
		collect_garbage(d);
	return 0;
}

static int on_ring_event(void *ctx, void *data, size_t size)
{
	return decoder_event(ctx, data, size);
}

static int on_ring_ready(int fd, uint32_t events, void *ctx)
{
	struct daemon *d = ctx;
	int n;

	(void)fd;
	(void)events;
	n = ring_buffer__consume(d->ring);
	return n < 0 && n != -EINTR ? n : 0;
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

static int open_ring(struct daemon *d)
{
	int fd = gh_pin_open(d->opts->attach.pin_dir, "events");

	if (fd < 0)
		return cli_runtime_error(fd, "opening the sensor's ring buffer");
	d->decoder = decoder_new(on_record, d, GH_DEFAULT_MAX_PENDING,
				 GH_DEFAULT_ANSWER_TIMEOUT_NS);
	d->ring = d->decoder ? ring_buffer__new(fd, on_ring_event, d->decoder, NULL) : NULL;
	/* The ring buffer keeps its own reference to the map. */
	close(fd);
	if (!d->ring)
		return cli_runtime_error(-ENOMEM, "setting up the ring buffer reader");
	return ev_add(d->loop, ring_buffer__epoll_fd(d->ring), on_ring_ready, d);
}

static int setup(struct daemon *d, int *sig_fd, int *tick_fd)
{
	const struct daemon_opts *o = d->opts;
	int err;

	err = gate_attach(&o->attach);
	err = err ?: sensor_attach(&o->sensor);
	if (err)
		return err;
	err = gate_maps_open(o->attach.pin_dir, &d->maps);
	if (err)
		return cli_runtime_error(err, "opening pinned maps in %s", o->attach.pin_dir);
	d->loop = ev_loop_new();
	if (!d->loop)
		return cli_runtime_error(-ENOMEM, "creating the event loop");
	*sig_fd = block_signals();
	if (*sig_fd < 0)
		return cli_runtime_error(*sig_fd, "setting up signalfd");
	*tick_fd = ev_timerfd(GH_TICK_MS);
	if (*tick_fd < 0)
		return cli_runtime_error(*tick_fd, "setting up the timer");
	err = ev_add(d->loop, *sig_fd, on_signal, d);
	err = err ?: ev_add(d->loop, *tick_fd, on_tick, d);
	return err ?: open_ring(d);
}

int daemon_run(const struct daemon_opts *o)
{
	struct daemon d = { .opts = o };
	int sig_fd = -1, tick_fd = -1;
	int err;

	gate_maps_init(&d.maps);
	if (o->print_requests)
		setvbuf(stdout, NULL, _IOLBF, 0);
	err = setup(&d, &sig_fd, &tick_fd);
	if (!err) {
		fprintf(stderr, "gatehawk: gate on %d interface(s), sensor on ports", o->attach.n_ifaces);
		for (uint32_t i = 0; i < o->sensor.tun.n_ports; i++)
			fprintf(stderr, "%s%u", i ? "," : " ", o->sensor.tun.ports[i]);
		fprintf(stderr, ", sample 1/%u; running\n", o->sensor.tun.sample_rate);
		err = ev_run(d.loop);
	}
	if (d.ring) {
		ring_buffer__consume(d.ring);
		decoder_flush(d.decoder);
	}
	ring_buffer__free(d.ring);
	decoder_free(d.decoder);
	if (tick_fd >= 0)
		close(tick_fd);
	if (sig_fd >= 0)
		close(sig_fd);
	ev_loop_free(d.loop);
	gate_maps_close(&d.maps);
	return err;
}
