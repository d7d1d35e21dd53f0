// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * SIGHUP reloads off the event loop (issue 15, finding 9: 4,096 regex
 * policies compiled for 49.6 s while nothing else ran). On a real loop with
 * a 10 ms timer: while a large regex set compiles, the timer keeps firing;
 * the result (set and engine) comes to the loop's callback, after the load
 * messages; requests during a reload make exactly one more after it; a
 * broken directory reports its messages and fails; freeing the reloader
 * mid-reload waits for the worker.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/clock.h"
#include "daemon/event_loop.h"
#include "daemon/reload.h"
#include "tap.h"

#define MS 1000000ULL
#define TICK_MS 10
#define N_SLOW 400 /* regex policies: a few hundred ms to compile here */

static char dir[] = "/tmp/gh-reload-test-XXXXXX";

struct watch {
	struct event_loop *loop;
	struct reloader *r;
	int ticks, ticks_busy;
	uint64_t last_tick_ns, longest_gap_ns; /* between ticks while a reload ran */
	int done, stop_after;                 /* stop the loop after this many results */
	int msgs, msgs_at_done[4];
	int err[4];
	size_t count[4];
	bool had_engine[4];
	bool busy_at_done[4];
};

static uint64_t mono_ns(void)
{
	return gh_clock_ns(CLOCK_MONOTONIC);
}

static int on_tick(uint64_t expirations, void *ctx)
{
	struct watch *w = ctx;
	uint64_t now = mono_ns();

	(void)expirations;
	w->ticks++;
	if (reloader_busy(w->r)) {
		if (w->ticks_busy++ && now - w->last_tick_ns > w->longest_gap_ns)
			w->longest_gap_ns = now - w->last_tick_ns;
	}
	w->last_tick_ns = now;
	return 0;
}

static void on_msg(void *ctx, const char *msg)
{
	struct watch *w = ctx;

	(void)msg;
	w->msgs++;
}

static void on_done(struct reload_result *res, void *ctx)
{
	struct watch *w = ctx;
	int i = w->done < 4 ? w->done : 3;

	w->err[i] = res->err;
	w->count[i] = res->ps ? res->ps->count : 0;
	w->had_engine[i] = res->engine != NULL;
	w->msgs_at_done[i] = w->msgs;
	w->busy_at_done[i] = reloader_busy(w->r);
	engine_free(res->engine);
	policy_set_free(res->ps);
	if (++w->done == w->stop_after)
		ev_stop(w->loop);
}

static void verdict(const struct verdict *v, void *ctx)
{
	(void)v;
	(void)ctx;
}

static struct reloader *setup(struct watch *w, const char *policies)
{
	struct reload_opts o = { .dir = policies, .load = { .cache_dir = "" }, .verdict = verdict,
				 .report = { on_msg, w },
				 .done = on_done, .ctx = w };
	int err;

	w->loop = ev_loop_new();
	engine_opts_default(&o.engine);
	o.engine.max_groups = 1024;
	w->r = reloader_new(w->loop, &o, &err);
	ev_timer_add(w->loop, TICK_MS * MS, on_tick, w);
	return w->r;
}

static void teardown(struct watch *w)
{
	reloader_free(w->r);
	ev_loop_free(w->loop);
}

static void write_file(const char *sub, const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, sub);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/%s/%s", dir, sub, name);
	f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void make_dirs(void)
{
	char name[32], text[512];

	for (int i = 0; i < 2; i++) {
		snprintf(name, sizeof(name), "p%d.json", i);
		snprintf(text, sizeof(text), "{\"name\":\"p%d\",\"description\":\"d\","
			 "\"kind\":\"match\",\"where\":{\"field\":\"path\",\"eq\":\"/\"},"
			 "\"action\":{\"type\":\"alert\"}}", i);
		write_file("fast", name, text);
	}

	for (int i = 0; i < N_SLOW; i++) {
		snprintf(name, sizeof(name), "p%03d.json", i);
		snprintf(text, sizeof(text),
			 "{\"name\":\"p%d\",\"description\":\"d\",\"kind\":\"match\",\"where\":"
			 "{\"field\":\"path\",\"iregex\":\"^/(admin|wp-[a-z]{2,8}|x%d)[0-9]{1,4}"
			 "(\\\\.php)?(/[a-z]+){0,3}$\"},\"action\":{\"type\":\"alert\"}}", i, i);
		write_file("slow", name, text);
	}
}

static void test_loop_runs_meanwhile(void)
{
	struct watch w = { .stop_after = 1 };
	char path[128];
	uint64_t start, took;

	snprintf(path, sizeof(path), "%s/slow", dir);
	if (!ok(setup(&w, path) != NULL, "a reloader on the loop"))
		return;
	start = mono_ns();
	ok_eq(reloader_request(w.r), 0, "a reload starts");
	ok(reloader_busy(w.r), "and is in progress");
	ev_run(w.loop);
	took = mono_ns() - start;
	ok(w.err[0] == 0 && w.count[0] == N_SLOW && w.had_engine[0],
	   "its result is %d policies and their engine (err %d, %zu)", N_SLOW, w.err[0],
	   w.count[0]);
	ok(took >= 100 * MS, "compiling %d regex policies took %llu ms", N_SLOW,
	   (unsigned long long)(took / MS));
	ok(w.ticks_busy >= 5 && w.longest_gap_ns < took / 2 && w.longest_gap_ns < 250 * MS,
	   "the 10 ms timer kept firing meanwhile: %d times, at most %llu ms apart",
	   w.ticks_busy, (unsigned long long)(w.longest_gap_ns / MS));
	ok(!w.busy_at_done[0], "no longer in progress when the result comes");
	teardown(&w);
}

/*
 * Requests during a reload make one more after it, however many came. A
 * reload is in progress from the request until the loop takes its result,
 * so requests right after the first one come during it.
 */
static void test_queued(int requests, int results)
{
	struct watch w = { .stop_after = results };
	char path[128];

	snprintf(path, sizeof(path), "%s/fast", dir);
	setup(&w, path);
	for (int i = 0; i < requests; i++)
		reloader_request(w.r);
	ev_run(w.loop);
	ok(w.done == results && w.err[results - 1] == 0 && w.count[results - 1] == 2,
	   "%d request(s) at once: %d reload(s) of the full set (%d)", requests, results, w.done);
	ok(!reloader_busy(w.r), "and none after that");
	teardown(&w);
}

static void test_broken_dir(void)
{
	struct watch w = { .stop_after = 1 };
	char path[128];

	write_file("broken", "a.json", "{\"name\":\"a\",\"name\":\"b\"}");
	snprintf(path, sizeof(path), "%s/broken", dir);
	setup(&w, path);
	reloader_request(w.r);
	ev_run(w.loop);
	ok(w.err[0] == -EINVAL && !w.had_engine[0] && w.count[0] == 0,
	   "a broken directory fails the reload (err %d)", w.err[0]);
	ok(w.msgs_at_done[0] >= 2, "its messages came before the result (%d)", w.msgs_at_done[0]);
	teardown(&w);
}

static void test_free_while_busy(void)
{
	struct watch w = { 0 };
	char path[128];

	snprintf(path, sizeof(path), "%s/fast", dir);
	setup(&w, path);
	reloader_request(w.r);
	teardown(&w);
	ok(w.done == 0 && w.msgs == 0, "freed mid-reload: it waited for the worker, reported "
	   "nothing");
}

int main(void)
{
	char cmd[128];

	if (!mkdtemp(dir))
		return 1;
	make_dirs();
	test_loop_runs_meanwhile();
	test_queued(1, 1);
	test_queued(2, 2);
	test_queued(5, 2);
	test_broken_dir();
	test_free_while_busy();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd))
		tap_diag("could not remove %s", dir);
	return tap_done();
}
