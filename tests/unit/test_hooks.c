// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Ban and unban hooks (daemon/hooks.h): the argv builder keeps every field
 * one element, byte for byte, whatever shell syntax it holds; a real hook
 * (a shell script that records what it got) sees exactly those arguments,
 * PATH as its only environment and the line on stdin, and nothing in a
 * field runs (marker files stay absent); at most GH_HOOKS_RUNNING run at
 * once and the queue's overflow is counted; a hook that hangs is killed
 * with its children after the timeout; a failing or missing hook is counted.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"
#include "base/clock.h"
#include "daemon/event_loop.h"
#include "daemon/hooks.h"

static char dir[] = "/tmp/gh-hooks-XXXXXX";
static char last_log[512];

/* What a shell would run if a field ever reached one. */
#define MARK_DOLLAR "$(touch /tmp/gh-hooks-mark-dollar)"
#define MARK_TICKS "`touch /tmp/gh-hooks-mark-ticks`"
#define MARK_SEMI "x; touch /tmp/gh-hooks-mark-semi"
#define MARK_FILES { "/tmp/gh-hooks-mark-dollar", "/tmp/gh-hooks-mark-ticks", "/tmp/gh-hooks-mark-semi" }

static const struct hook_event hostile = {
	.action = "block",
	.cidr = "203.0.113.7",
	.policy = MARK_SEMI,
	.ttl_s = 600,
	.severity = MARK_TICKS,
	.src_ip = MARK_DOLLAR,
	.why = "verdict",
};

static void on_log(void *ctx, const char *line)
{
	(void)ctx;
	snprintf(last_log, sizeof(last_log), "%s", line);
}

static void path_in_dir(char *out, size_t len, const char *name)
{
	snprintf(out, len, "%s/%s", dir, name);
}

/* An executable script NAME in dir whose body is body. */
static void write_script(char *path, size_t len, const char *name, const char *body)
{
	FILE *f;

	path_in_dir(path, len, name);
	f = fopen(path, "w");
	if (!f)
		return;
	fprintf(f, "#!/bin/sh\n%s\n", body);
	fclose(f);
	chmod(path, 0755);
}

static char *slurp(const char *path)
{
	static char buf[8192];
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

struct idle_wait {
	struct event_loop *loop;
	struct hooks *h;
	uint64_t deadline_ns;
};

static int check_idle(uint64_t expirations, void *ctx)
{
	struct idle_wait *w = ctx;
	uint64_t now = gh_boottime_ns();

	(void)expirations;
	hooks_tick(w->h, now);
	if (!hooks_pending(w->h) || now > w->deadline_ns)
		ev_stop(w->loop);
	return 0;
}

/* Run the loop until no hook runs or waits (at most max_ms); a loop runs once. */
static bool run_until_idle(struct event_loop *loop, struct hooks *h, uint64_t max_ms)
{
	struct idle_wait w = { loop, h, gh_boottime_ns() + max_ms * 1000000ULL };

	ev_timer_add(loop, 20 * 1000000ULL, check_idle, &w);
	ev_run(loop);
	return !hooks_pending(h);
}

static void remove_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[512];

	while (d && (de = readdir(d)))
		if (de->d_name[0] != '.') {
			path_in_dir(path, sizeof(path), de->d_name);
			unlink(path);
		}
	if (d)
		closedir(d);
	rmdir(dir);
}

static void test_argv_builder(void)
{
	const char *want[] = { "/x/hook", "block", "203.0.113.7", MARK_SEMI, "600",
			       MARK_TICKS, MARK_DOLLAR, "verdict" };
	struct hook_event partial = { .action = "unblock", .cidr = "2001:db8::/64",
				      .policy = "scanner", .why = "expired" };
	char **argv = hook_argv_new("/x/hook", &hostile);
	int n = 0;

	ok(argv != NULL, "argv built");
	if (!argv)
		return;
	while (argv[n])
		n++;
	ok_eq(n, HOOK_ARGC, "argv: the command and seven fields, NULL-terminated");
	for (int i = 0; i < HOOK_ARGC && i < n; i++)
		ok_str(argv[i], want[i], "argv[%d] is the field, byte for byte", i);
	free(argv);

	argv = hook_argv_new("/x/hook", &partial);
	ok(argv && !strcmp(argv[4], "0") && !strcmp(argv[5], "") && !strcmp(argv[6], "") &&
		   !argv[HOOK_ARGC],
	   "unknown fields (severity, src_ip) are empty arguments, the ttl 0");
	free(argv);
}

static void test_hostile_fields(struct event_loop *loop)
{
	const char *marks[] = MARK_FILES;
	char hook[256], out[256], body[1024], want[1024];
	struct hooks_opts o = { .log = on_log };
	struct hooks_stats st;
	struct hooks *h;
	const char *got;
	int err;

	for (size_t i = 0; i < 3; i++)
		unlink(marks[i]);
	path_in_dir(out, sizeof(out), "argv.out");
	snprintf(body, sizeof(body),
		 "{ echo \"argc=$#\"; for a in \"$@\"; do echo \"arg=$a\"; done;"
		 " echo \"secret=${GH_HOOK_TEST_SECRET-unset}\"; echo \"path=$PATH\";"
		 " echo \"stdin=$(cat)\"; } > %s.tmp && mv %s.tmp %s",
		 out, out, out);
	write_script(hook, sizeof(hook), "record.sh", body);
	setenv("GH_HOOK_TEST_SECRET", "leaked", 1);

	h = hooks_new(loop, &o, &err);
	ok(h != NULL, "hooks set up");
	if (!h)
		return;
	ok_eq(hooks_run(h, hook, &hostile, "{\"src_ip\":\"$(reboot)\"}"), 0, "hook queued");
	ok(run_until_idle(loop, h, 5000), "the hook ran and exited");
	hooks_get_stats(h, &st);
	ok(st.started == 1 && st.succeeded == 1 && !st.failed, "counted: 1 started, 1 succeeded");
	got = slurp(out);
	snprintf(want, sizeof(want),
		 "argc=7\narg=block\narg=203.0.113.7\narg=%s\narg=600\narg=%s\narg=%s\narg=verdict\n"
		 "secret=unset\npath=%s\nstdin={\"src_ip\":\"$(reboot)\"}\n",
		 MARK_SEMI, MARK_TICKS, MARK_DOLLAR, &GH_HOOK_PATH[strlen("PATH=")]);
	ok_str(got, want, "the hook got 7 arguments verbatim, PATH alone, the line on stdin");
	for (size_t i = 0; i < 3; i++)
		ok(access(marks[i], F_OK), "%s was never created: no field ran", marks[i]);
	hooks_free(h);
	unsetenv("GH_HOOK_TEST_SECRET");
}

static void test_concurrency(struct event_loop *loop)
{
	struct hooks_opts o = { .log = on_log };
	struct hooks_stats st;
	char hook[256];
	struct hooks *h;
	int err;

	write_script(hook, sizeof(hook), "short.sh", "sleep 0.2");
	h = hooks_new(loop, &o, &err);
	if (!h)
		return;
	for (int i = 0; i < GH_HOOKS_RUNNING + 2; i++)
		hooks_run(h, hook, &hostile, NULL);
	hooks_get_stats(h, &st);
	ok_eq(st.started, GH_HOOKS_RUNNING, "%d hooks asked for: %d start at once",
	      GH_HOOKS_RUNNING + 2, GH_HOOKS_RUNNING);
	ok_eq(hooks_pending(h), GH_HOOKS_RUNNING + 2, "and the other 2 wait");
	ok(run_until_idle(loop, h, 5000), "all of them ran");
	hooks_get_stats(h, &st);
	ok(st.started == GH_HOOKS_RUNNING + 2 && st.succeeded == GH_HOOKS_RUNNING + 2,
	   "each ran once, when a slot freed");
	hooks_free(h);
}

static void test_overflow(struct event_loop *loop)
{
	struct hooks_opts o = { .log = on_log };
	struct hooks_stats st;
	char hook[256];
	struct hooks *h;
	int err, refused = 0;
	uint64_t t0;

	write_script(hook, sizeof(hook), "slow.sh", "sleep 30");
	h = hooks_new(loop, &o, &err);
	if (!h)
		return;
	for (int i = 0; i < GH_HOOKS_RUNNING + GH_HOOKS_QUEUE + 3; i++)
		refused += hooks_run(h, hook, &hostile, NULL) == -ENOSPC;
	hooks_get_stats(h, &st);
	ok_eq(refused, 3, "a full queue refuses the next hooks");
	ok_eq(st.dropped, 3, "and counts them as dropped");
	t0 = gh_boottime_ns();
	hooks_free(h);
	ok(gh_boottime_ns() - t0 < (GH_HOOKS_DRAIN_MS + 2000) * 1000000ULL,
	   "exit waits at most the drain time for hooks that hang");
}

/* Alive: exists and is not a zombie (an orphan waits for init to reap it). */
static bool process_alive(int pid)
{
	char path[64], *stat;

	for (int i = 0; i < 50; i++) {
		snprintf(path, sizeof(path), "/proc/%d/stat", pid);
		stat = slurp(path);
		if (!stat || strstr(stat, ") Z ") || strstr(stat, ") X "))
			return false;
		usleep(20000);
	}
	return true;
}

static void test_timeout(struct event_loop *loop)
{
	struct hooks_opts o = { .timeout_ns = 300 * 1000000ULL, .log = on_log };
	char hook[256], pidfile[256], body[512];
	struct hooks_stats st;
	struct hooks *h;
	const char *pid;
	int err;

	path_in_dir(pidfile, sizeof(pidfile), "child.pid");
	snprintf(body, sizeof(body), "sleep 30 & echo $! > %s; wait", pidfile);
	write_script(hook, sizeof(hook), "hang.sh", body);
	h = hooks_new(loop, &o, &err);
	if (!h)
		return;
	hooks_run(h, hook, &hostile, NULL);
	ok(run_until_idle(loop, h, 5000), "a hook that hangs is gone within the timeout");
	hooks_get_stats(h, &st);
	ok(st.timed_out == 1 && !st.succeeded, "counted as timed out");
	ok(strstr(last_log, "killed") != NULL, "and said: %s", last_log);
	pid = slurp(pidfile);
	ok(pid && !process_alive(atoi(pid)), "its child went with it (the whole group)");
	hooks_free(h);
}

static void test_failures(struct event_loop *loop)
{
	struct hooks_opts o = { .log = on_log };
	char fails[256], missing[256];
	struct hooks_stats st;
	struct hooks *h;
	int err;

	write_script(fails, sizeof(fails), "fail.sh", "exit 3");
	path_in_dir(missing, sizeof(missing), "no-such-hook");
	h = hooks_new(loop, &o, &err);
	if (!h)
		return;
	hooks_run(h, fails, &hostile, NULL);
	ok(run_until_idle(loop, h, 5000), "a failing hook ran");
	hooks_get_stats(h, &st);
	ok_eq(st.failed, 1, "exit 3 counted as failed");
	ok(strstr(last_log, "exited 3") != NULL, "and said: %s", last_log);
	hooks_run(h, missing, &hostile, NULL);
	hooks_get_stats(h, &st);
	ok_eq(st.spawn_errors, 1, "a hook that cannot be spawned is counted");
	ok_eq(hooks_pending(h), 0, "and nothing waits for it");
	hooks_free(h);
}

int main(void)
{
	void (*const tests[])(struct event_loop *) = { test_hostile_fields, test_concurrency,
							test_timeout, test_failures, test_overflow };
	struct event_loop *loop;

	if (!mkdtemp(dir)) {
		tap_skip("no temporary directory");
		return tap_done();
	}
	test_argv_builder();
	/* Each test on a loop of its own: ev_stop() ends a loop for good. */
	for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		loop = ev_loop_new();
		tests[i](loop);
		ev_loop_free(loop);
	}
	remove_dir();
	return tap_done();
}
