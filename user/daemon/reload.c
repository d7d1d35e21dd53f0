// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "base/vec.h"
#include "daemon/event_loop.h"
#include "daemon/reload.h"

struct reloader {
	struct reload_opts o;
	struct engine_opts next_engine; /* o.engine from the next start on: the worker reads o */
	struct event_loop *loop;
	int efd;          /* the worker writes it when done; the loop watches it */
	pthread_t worker;
	bool busy;        /* a worker runs, or ran and was not joined yet */
	bool queued;      /* requested during a reload: one more after it */
	/* The worker's alone while busy; the loop's once it joined the worker. */
	struct reload_result res;
	char **msgs;
	size_t nmsgs, msgs_cap;
	size_t msgs_lost; /* out of memory keeping them */
};

static void keep_message(void *ctx, const char *msg)
{
	struct reloader *r = ctx;
	char *copy = strdup(msg);

	if (!copy || gh_vec_reserve((void **)&r->msgs, &r->msgs_cap, r->nmsgs, sizeof(*r->msgs),
				    16)) {
		free(copy);
		r->msgs_lost++;
		return;
	}
	r->msgs[r->nmsgs++] = copy;
}

static void *work(void *arg)
{
	struct reloader *r = arg;
	const struct policy_report rep = { keep_message, r };
	uint64_t one = 1;
	ssize_t n;

	r->res.err = policy_set_load_dir(r->o.dir, &r->o.load, &rep, &r->res.ps);
	if (!r->res.err) {
		r->res.engine = engine_new(r->res.ps, &r->o.engine, r->o.verdict, r->o.verdict_ctx);
		if (!r->res.engine) {
			policy_set_free(r->res.ps);
			r->res.ps = NULL;
			r->res.err = -ENOMEM;
		}
	}
	/* Cannot fail: the counter is read before the next worker starts. */
	n = write(r->efd, &one, sizeof(one));
	(void)n;
	return NULL;
}

static int start(struct reloader *r)
{
	int err;

	memset(&r->res, 0, sizeof(r->res));
	r->o.engine = r->next_engine;
	err = pthread_create(&r->worker, NULL, work, r);
	if (err)
		return -err;
	r->busy = true;
	return 0;
}

static void forget_messages(struct reloader *r)
{
	for (size_t i = 0; i < r->nmsgs; i++)
		free(r->msgs[i]);
	r->nmsgs = 0;
	r->msgs_lost = 0;
}

static void report(const struct reloader *r, const char *msg)
{
	if (r->o.report.fn)
		r->o.report.fn(r->o.report.ctx, msg);
}

/* The worker is done: its messages, then its result, to the caller; then a queued reload. */
static int on_done(int fd, uint32_t events, void *ctx)
{
	struct reloader *r = ctx;
	struct reload_result res;
	uint64_t count;

	(void)events;
	if (read(fd, &count, sizeof(count)) != sizeof(count) || !r->busy)
		return 0;
	pthread_join(r->worker, NULL);
	r->busy = false;
	for (size_t i = 0; i < r->nmsgs; i++)
		report(r, r->msgs[i]);
	if (r->msgs_lost)
		report(r, "gatehawk: out of memory: some policy load messages were lost");
	forget_messages(r);
	res = r->res; /* the caller's now */
	r->o.done(&res, r->o.ctx);
	if (r->queued) {
		r->queued = false;
		res = (struct reload_result){ .err = start(r) };
		if (res.err)
			r->o.done(&res, r->o.ctx);
	}
	return 0;
}

struct reloader *reloader_new(struct event_loop *loop, const struct reload_opts *o, int *err)
{
	struct reloader *r = calloc(1, sizeof(*r));

	*err = -ENOMEM;
	if (!r)
		return NULL;
	r->o = *o;
	r->next_engine = o->engine;
	r->loop = loop;
	r->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	*err = r->efd < 0 ? -errno : ev_add(loop, r->efd, on_done, r);
	if (*err) {
		if (r->efd >= 0)
			close(r->efd);
		free(r);
		return NULL;
	}
	return r;
}

void reloader_free(struct reloader *r)
{
	if (!r)
		return;
	if (r->busy) {
		pthread_join(r->worker, NULL);
		engine_free(r->res.engine);
		policy_set_free(r->res.ps);
	}
	forget_messages(r);
	free(r->msgs);
	ev_del(r->loop, r->efd);
	close(r->efd);
	free(r);
}

int reloader_request(struct reloader *r)
{
	if (r->busy) {
		r->queued = true;
		return 0;
	}
	return start(r);
}

void reloader_set_engine_opts(struct reloader *r, const struct engine_opts *o)
{
	r->next_engine = *o;
}

bool reloader_busy(const struct reloader *r)
{
	return r->busy;
}
