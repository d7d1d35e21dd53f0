// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Told when it matters (daemon/notify.h) and blocks without the kernel
 * (daemon/enforcer.h with no maps): every alert line reaches every sink; a
 * file sink survives rotation by rename (the tick reopens it), by
 * copytruncate (appends land at the new start) and SIGHUP; a symlink or an
 * unusable hook or webhook URL is refused before anything runs; a block
 * runs --on-block with the alert's fields and an expiry runs --on-unblock
 * and writes an "unblock" line; without the kernel a block goes to the
 * hook once (a repeat is already in force), an allow-file entry is spared,
 * and the end of the block is told.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <json-c/json.h>

#include "tap.h"
#include "base/clock.h"
#include "daemon/allow_files.h"
#include "daemon/enforcer.h"
#include "daemon/event_loop.h"
#include "daemon/notify.h"

#define NS 1000000000ULL

static char dir[] = "/tmp/gh-notify-XXXXXX";
static struct policy scanner = { .name = "scanner", .severity = SEV_HIGH };
static char last_log[512];

static void on_log(void *ctx, const char *line)
{
	(void)ctx;
	snprintf(last_log, sizeof(last_log), "%s", line);
}

static void path_in(char *out, size_t len, const char *name)
{
	snprintf(out, len, "%s/%s", dir, name);
}

static char *slurp(const char *path)
{
	static char buf[16384];
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static int lines_in(const char *path)
{
	const char *s = slurp(path);
	int n = 0;

	for (; s && *s; s++)
		n += *s == '\n';
	return n;
}

static struct verdict verdict(const char *src, bool block)
{
	struct verdict v = { .policy = &scanner, .has_src = true, .block = block, .ttl_s = 60,
			     .ts_ns = gh_clock_ns(CLOCK_REALTIME) };

	gh_addr_parse(src, &v.src);
	v.scope = (struct gh_cidr){ v.src, gh_addr_bits(&v.src) };
	return v;
}

/* A hook that appends "$@" (one line, fields joined by '|') to DIR/NAME.out. */
static void write_hook(char *path, size_t len, const char *name)
{
	char out[256];
	FILE *f;

	path_in(path, len, name);
	path_in(out, sizeof(out), name);
	f = fopen(path, "w");
	if (!f)
		return;
	fprintf(f, "#!/bin/sh\nIFS='|'\necho \"$*\" >> %s.out\n", out);
	fclose(f);
	chmod(path, 0755);
}

/*
 * Until path has n lines, at most 5 s: the tick reaps hooks (waitpid) and
 * starts queued ones, so the loop need not run.
 */
static bool wait_lines(struct notify *n, const char *path, int lines)
{
	for (int i = 0; i < 250 && lines_in(path) < lines; i++) {
		notify_tick(n, gh_boottime_ns());
		usleep(20000);
	}
	return lines_in(path) >= lines;
}

static void test_sinks_and_rotation(void)
{
	char file[128], moved[128], out[128], first[1024];
	const char *sinks[] = { file, "-" };
	FILE *fake_stdout;
	struct notify_opts o = { .alerts = sinks, .n_alerts = 2 };
	struct gh_err e = { 0 };
	struct verdict v = verdict("203.0.113.7", false);
	struct json_object *st;
	struct notify *n;

	path_in(file, sizeof(file), "alerts.jsonl");
	path_in(moved, sizeof(moved), "alerts.jsonl.1");
	path_in(out, sizeof(out), "stdout");
	fake_stdout = fopen(out, "w");
	o.stdout_sink = fake_stdout;
	n = notify_new(&o, NULL, on_log, NULL, &e);
	ok(n != NULL, "a file and stdout as sinks");
	if (!n)
		return;
	notify_verdict(n, &v, false);
	ok(lines_in(file) == 1 && lines_in(out) == 1, "one alert: one line in each sink");
	snprintf(first, sizeof(first), "%s", slurp(file));
	ok(strstr(first, "\"policy\":\"scanner\"") && !strcmp(first, slurp(out)),
	   "the same alert line");

	rename(file, moved);
	notify_verdict(n, &v, false);
	ok_eq(lines_in(moved), 2, "renamed by logrotate: the next line still goes to the old file");
	notify_tick(n, gh_boottime_ns());
	ok(strstr(last_log, "reopened") != NULL, "the tick notices and reopens: %s", last_log);
	notify_verdict(n, &v, false);
	ok(lines_in(file) == 1 && lines_in(moved) == 2, "and the next line is in the new file");

	truncate(file, 0);
	notify_verdict(n, &v, false);
	ok(lines_in(file) == 1 && slurp(file)[0] == '{',
	   "copytruncate: the line lands at the start of the emptied file, no hole");

	rename(file, moved);
	notify_reopen(n);
	notify_verdict(n, &v, false);
	ok(lines_in(file) == 1 && strstr(last_log, "SIGHUP"), "SIGHUP reopens too");

	st = notify_stats_json(n);
	ok_eq(json_object_get_int(json_object_object_get(
		      json_object_array_get_idx(json_object_object_get(st, "sinks"), 1), "lines")),
	      5, "stdout's line count in the daemon's stats");
	ok_eq(json_object_get_int(json_object_object_get(
		      json_object_array_get_idx(json_object_object_get(st, "sinks"), 0), "reopened")),
	      2, "the file's reopenings too");
	json_object_put(st);
	notify_free(n);
	fclose(fake_stdout);
	unlink(file);
	unlink(moved);
	unlink(out);
}

static void test_refused(void)
{
	char link[128], plain[128];
	const char *sinks[] = { link };
	struct notify_opts o = { .alerts = sinks, .n_alerts = 1 };
	struct gh_err e = { 0 };

	path_in(link, sizeof(link), "planted");
	path_in(plain, sizeof(plain), "not-a-hook");
	symlink("/etc/passwd", link);
	ok(!notify_new(&o, NULL, on_log, NULL, &e) && e.input, "an alerts path that is a symlink is refused");
	unlink(link);

	fclose(fopen(plain, "w"));
	o = (struct notify_opts){ .on_block = plain };
	memset(&e, 0, sizeof(e));
	ok(!notify_new(&o, NULL, on_log, NULL, &e) && e.input && strstr(e.msg, "never through a shell"),
	   "a hook that is not executable is refused: %s", e.msg);
	o = (struct notify_opts){ .on_block = "sh -c 'touch /tmp/x'" };
	memset(&e, 0, sizeof(e));
	ok(!notify_new(&o, NULL, on_log, NULL, &e) && e.input,
	   "a command line is no hook: %s", e.msg);
	o = (struct notify_opts){ .webhook = "file:///etc/passwd" };
	memset(&e, 0, sizeof(e));
	ok(!notify_new(&o, NULL, on_log, NULL, &e) && e.input, "a file:// webhook is refused");
	unlink(plain);
}

static void test_hooks(void)
{
	char on_block[128], on_unblock[128], alerts[128], block_out[160], unblock_out[160];
	const char *sinks[] = { alerts };
	struct notify_opts o = { .alerts = sinks, .n_alerts = 1, .on_block = on_block,
				 .on_unblock = on_unblock };
	struct gh_err e = { 0 };
	struct verdict v = verdict("2001:db8::66", true);
	struct hook_event gone = { .action = "unblock", .cidr = "2001:db8::/64",
				   .policy = "scanner", .severity = "", .src_ip = "", .why = "expired" };
	struct event_loop *loop = ev_loop_new();
	struct notify *n;
	const char *got;

	write_hook(on_block, sizeof(on_block), "block");
	write_hook(on_unblock, sizeof(on_unblock), "unblock");
	snprintf(block_out, sizeof(block_out), "%s.out", on_block);
	snprintf(unblock_out, sizeof(unblock_out), "%s.out", on_unblock);
	path_in(alerts, sizeof(alerts), "hooks.jsonl");
	n = notify_new(&o, loop, on_log, NULL, &e);
	ok(n != NULL, "notify with both hooks");
	if (!n) {
		ev_loop_free(loop);
		return;
	}
	v.scope.prefixlen = 64;
	gh_addr_mask(&v.scope.addr, 64);
	notify_verdict(n, &v, false);
	notify_verdict(n, &v, true);
	notify_unblock(n, &gone);
	ok(wait_lines(n, unblock_out, 1) && wait_lines(n, block_out, 1),
	   "both hooks ran");
	ok_eq(lines_in(block_out), 1, "--on-block ran for the block written only");
	ok_str(slurp(block_out), "block|2001:db8::/64|scanner|60|high|2001:db8::66|verdict\n",
	       "with ACTION CIDR POLICY TTL_S SEVERITY SRC_IP WHY");
	ok_str(slurp(unblock_out), "unblock|2001:db8::/64|scanner|0|||expired\n",
	       "--on-unblock: what is known, the rest empty");
	got = strrchr(slurp(alerts), '{');
	ok(got && strstr(got, "\"action\":\"unblock\"") && strstr(got, "\"cidr\":\"2001:db8::/64\"") &&
		   strstr(got, "\"reason\":\"expired\""),
	   "the end of the block is a line of its own: %s", got ? got : "");
	notify_free(n);
	ev_loop_free(loop);
	unlink(alerts);
}

static void test_no_kernel(void)
{
	char on_block[128], on_unblock[128], alerts[128], allow[128], block_out[160];
	char unblock_out[160];
	const char *sinks[] = { alerts }, *allow_paths[] = { allow };
	struct notify_opts o = { .alerts = sinks, .n_alerts = 1, .on_block = on_block,
				 .on_unblock = on_unblock };
	struct allow_files af = { .paths = allow_paths, .n_paths = 1 };
	struct verdict v = verdict("198.51.100.23", true), friend = verdict("192.0.2.5", true);
	struct verdict shorter = v;
	struct event_loop *loop = ev_loop_new();
	struct gh_err e = { 0 };
	struct enforcer enf;
	FILE *f;

	write_hook(on_block, sizeof(on_block), "nk-block");
	write_hook(on_unblock, sizeof(on_unblock), "nk-unblock");
	snprintf(block_out, sizeof(block_out), "%s.out", on_block);
	snprintf(unblock_out, sizeof(unblock_out), "%s.out", on_unblock);
	path_in(alerts, sizeof(alerts), "nk.jsonl");
	path_in(allow, sizeof(allow), "allow.txt");
	f = fopen(allow, "w");
	fputs("192.0.2.0/24\n", f);
	fclose(f);
	allow_files_load(&af, &e);
	enforcer_init(&enf, NULL, NULL, false);
	enf.notify = notify_new(&o, loop, on_log, NULL, &e);
	enf.allow_files = &af;
	if (!enf.notify) {
		ev_loop_free(loop);
		return;
	}
	enforcer_verdict(&v, &enf);
	shorter.ttl_s = 30;
	enforcer_verdict(&shorter, &enf);
	enforcer_verdict(&friend, &enf);
	ok(wait_lines(enf.notify, block_out, 1), "without the kernel, a block goes to --on-block");
	ok(enf.stats.blocks == 1 && enf.stats.already_blocked == 1,
	   "once: a shorter block of it finds the longer one in force");
	ok(enf.stats.spared_allowed == 1 && strstr(slurp(alerts), "\"not_blocked\":\"allow-listed\""),
	   "an --allow-file network is spared, and the alert says so");
	usleep(200000);
	ok_eq(lines_in(block_out), 1, "the hook ran once in all");
	ok_eq(enforcer_gc(&enf, gh_boottime_ns() + 30 * NS), 0, "GC half way through the ttl");
	ok_eq(enf.stats.unblocks, 0, "the block is still in force");
	enforcer_gc(&enf, gh_boottime_ns() + 61 * NS);
	ok(enf.stats.unblocks == 1 && wait_lines(enf.notify, unblock_out, 1),
	   "past its ttl it ends, and --on-unblock runs");
	ok_str(slurp(unblock_out), "unblock|198.51.100.23|scanner|0|high|198.51.100.23|expired\n",
	       "with what the daemon remembered of it");
	notify_free(enf.notify);
	enforcer_free(&enf);
	allow_files_free(&af);
	ev_loop_free(loop);
	unlink(allow);
	unlink(alerts);
}

static void remove_dir(void)
{
	const char *names[] = { "block", "unblock", "block.out", "unblock.out", "nk-block",
				"nk-unblock", "nk-block.out", "nk-unblock.out" };
	char path[256];

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		path_in(path, sizeof(path), names[i]);
		unlink(path);
	}
	rmdir(dir);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		tap_skip("no temporary directory");
		return tap_done();
	}
	test_sinks_and_rotation();
	test_refused();
	test_hooks();
	test_no_kernel();
	remove_dir();
	return tap_done();
}
