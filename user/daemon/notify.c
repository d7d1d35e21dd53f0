// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>

#include "base/clock.h"
#include "daemon/notify.h"
#include "daemon/webhook.h"
#include "engine/alert.h"

enum sink_kind { SINK_STDOUT, SINK_FILE, SINK_SYSLOG };

struct sink {
	enum sink_kind kind;
	const char *path; /* SINK_FILE */
	FILE *f;          /* SINK_FILE, SINK_STDOUT */
	dev_t dev;        /* of the file f writes to */
	ino_t ino;
	uint64_t lines, write_errors, reopened;
	bool reopen_failed; /* said once, not every tick */
};

struct notify {
	struct sink sinks[GH_NOTIFY_MAX_SINKS];
	int n_sinks;
	bool syslog_open;
	char on_block[PATH_MAX];   /* "": none */
	char on_unblock[PATH_MAX];
	struct hooks *hooks;       /* NULL without a hook */
	struct webhook *webhook;   /* NULL without --webhook */
	uint64_t webhook_told;     /* undelivered lines already logged */
	uint64_t write_errors_told;
	void (*log)(void *ctx, const char *line);
	void *log_ctx;
};

static void __attribute__((format(printf, 2, 3))) notify_log(const struct notify *n,
							      const char *fmt, ...)
{
	char line[512];
	va_list ap;

	if (!n->log)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	n->log(n->log_ctx, line);
}

/* Appended to, never through a symlink (a planted link must not redirect it). */
static int open_file_sink(struct sink *s)
{
	int fd = open(s->path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0640);
	struct stat st;
	FILE *f;

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) || !(f = fdopen(fd, "a"))) {
		int err = -errno;

		close(fd);
		return err;
	}
	if (s->f)
		fclose(s->f);
	s->f = f;
	s->dev = st.st_dev;
	s->ino = st.st_ino;
	return 0;
}

static int add_sink(struct notify *n, const char *spec, FILE *stdout_sink, struct gh_err *e)
{
	struct sink *s = &n->sinks[n->n_sinks];
	int err;

	if (n->n_sinks == GH_NOTIFY_MAX_SINKS)
		return gh_err_input(e, "--alerts: at most %d sinks", GH_NOTIFY_MAX_SINKS);
	if (!strcmp(spec, GH_ALERTS_STDOUT)) {
		s->kind = SINK_STDOUT;
		s->f = stdout_sink;
	} else if (!strcmp(spec, GH_ALERTS_SYSLOG)) {
		s->kind = SINK_SYSLOG;
		if (!n->syslog_open)
			openlog("gatehawk", LOG_PID, LOG_DAEMON);
		n->syslog_open = true;
	} else {
		s->kind = SINK_FILE;
		s->path = spec;
		err = open_file_sink(s);
		if (err)
			return gh_err_input(e, "--alerts %s: %s", spec, strerror(-err));
	}
	n->n_sinks++;
	return 0;
}

/* A hook is an executable file, kept by absolute path (no PATH search, no shell). */
static int resolve_hook(const char *opt, const char *cmd, char *out, struct gh_err *e)
{
	const char *why = NULL;
	struct stat st;

	if (!cmd)
		return 0;
	if (!realpath(cmd, out) || stat(out, &st))
		why = strerror(errno);
	else if (!S_ISREG(st.st_mode))
		why = "not a regular file";
	else if (access(out, X_OK))
		why = strerror(errno);
	if (why)
		return gh_err_input(e, "%s %s: expected an executable file (%s); it is run with "
				       "arguments, never through a shell",
				    opt, cmd, why);
	return 0;
}

static int start_hooks(struct notify *n, const struct notify_opts *o, struct event_loop *loop,
		       struct gh_err *e)
{
	struct hooks_opts ho = { .timeout_ns = o->hook_timeout_s * 1000000000ULL,
				 .log = n->log, .log_ctx = n->log_ctx };
	int err = resolve_hook("--on-block", o->on_block, n->on_block, e);

	err = err ?: resolve_hook("--on-unblock", o->on_unblock, n->on_unblock, e);
	if (err || (!n->on_block[0] && !n->on_unblock[0]))
		return err;
	n->hooks = hooks_new(loop, &ho, &err);
	return n->hooks ? 0 : gh_err_sys(e, err, "setting up the hooks");
}

int notify_check(const struct notify_opts *o, struct gh_err *e)
{
	char path[PATH_MAX];
	int err = 0;

	for (int i = 0; i < o->n_alerts && !err; i++) {
		int fd;

		if (!strcmp(o->alerts[i], GH_ALERTS_STDOUT) || !strcmp(o->alerts[i], GH_ALERTS_SYSLOG))
			continue;
		fd = open(o->alerts[i], O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0640);
		if (fd < 0)
			err = gh_err_input(e, "--alerts %s: %s", o->alerts[i], strerror(errno));
		else
			close(fd);
	}
	err = err ?: resolve_hook("--on-block", o->on_block, path, e);
	err = err ?: resolve_hook("--on-unblock", o->on_unblock, path, e);
	if (!err && o->webhook)
		err = webhook_check_url(o->webhook, e);
	return err;
}

struct notify *notify_new(const struct notify_opts *o, struct event_loop *loop,
			  void (*log)(void *ctx, const char *line), void *log_ctx,
			  struct gh_err *e)
{
	struct notify *n = calloc(1, sizeof(*n));
	int err = 0;

	if (!n) {
		gh_err_sys(e, -ENOMEM, "setting up notifications");
		return NULL;
	}
	n->log = log;
	n->log_ctx = log_ctx;
	for (int i = 0; i < o->n_alerts && !err; i++)
		err = add_sink(n, o->alerts[i], o->stdout_sink, e);
	if (!err && !o->n_alerts)
		err = add_sink(n, GH_ALERTS_STDOUT, o->stdout_sink, e);
	err = err ?: start_hooks(n, o, loop, e);
	if (!err && o->webhook) {
		struct webhook_opts wo;

		webhook_opts_default(&wo, o->webhook);
		n->webhook = webhook_new(&wo, e);
		err = n->webhook ? 0 : e->code;
	}
	if (err) {
		notify_free(n);
		return NULL;
	}
	return n;
}

static int syslog_priority(const char *severity)
{
	static const struct {
		const char *name;
		int prio;
	} map[] = { { "critical", LOG_CRIT }, { "high", LOG_ERR }, { "medium", LOG_WARNING },
		    { "low", LOG_NOTICE } };

	for (size_t i = 0; severity && i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(severity, map[i].name))
			return map[i].prio;
	return LOG_INFO;
}

/* One line to every sink and the webhook. */
static void publish(struct notify *n, const char *line, const char *severity)
{
	for (int i = 0; i < n->n_sinks; i++) {
		struct sink *s = &n->sinks[i];

		if (s->kind == SINK_SYSLOG) {
			syslog(syslog_priority(severity), "%s", line);
		} else if (s->f && fprintf(s->f, "%s\n", line) >= 0 && !fflush(s->f)) {
			s->lines++;
		} else {
			s->write_errors++;
			if (s->f)
				clearerr(s->f);
		}
	}
	if (n->webhook)
		webhook_post(n->webhook, line);
}

static void run_hook(struct notify *n, const char *cmd, const struct hook_event *ev,
		     const char *line)
{
	if (!cmd[0])
		return;
	if (hooks_run(n->hooks, cmd, ev, line) == -ENOSPC)
		notify_log(n, "gatehawk: hook queue full (%d waiting): %s %s not run", GH_HOOKS_QUEUE,
			   ev->action, ev->cidr);
}

static const char *json_line(struct json_object *o)
{
	return json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
							 JSON_C_TO_STRING_NOSLASHESCAPE);
}

void notify_verdict(struct notify *n, const struct verdict *v, bool blocked)
{
	struct json_object *o = alert_to_json(v);
	const char *severity = policy_severity_name(v->policy->severity);
	const char *line = json_line(o);

	publish(n, line, severity);
	if (blocked) {
		char cidr[GH_CIDR_STRLEN], src[GH_CIDR_STRLEN] = "";
		struct hook_event ev = { .action = "block", .cidr = cidr,
					 .policy = v->policy->name, .ttl_s = v->ttl_s,
					 .severity = severity, .src_ip = src, .why = "verdict" };

		gh_cidr_format(&v->scope, cidr, sizeof(cidr));
		if (v->has_src)
			gh_addr_format(&v->src, src, sizeof(src));
		run_hook(n, n->on_block, &ev, line);
	}
	json_object_put(o);
}

void notify_unblock(struct notify *n, const struct hook_event *ev)
{
	struct json_object *o = json_object_new_object();
	char ts[40];

	gh_format_rfc3339(gh_clock_ns(CLOCK_REALTIME), ts, sizeof(ts));
	json_object_object_add(o, "ts", json_object_new_string(ts));
	json_object_object_add(o, "action", json_object_new_string("unblock"));
	json_object_object_add(o, "cidr", json_object_new_string(ev->cidr));
	json_object_object_add(o, "policy", json_object_new_string(ev->policy));
	json_object_object_add(o, "reason", json_object_new_string(ev->why));
	publish(n, json_line(o), NULL);
	run_hook(n, n->on_unblock, ev, json_line(o));
	json_object_put(o);
}

bool notify_blocks_through_hook(const struct notify *n)
{
	return n->on_block[0] != '\0';
}

static void reopen_sink(struct notify *n, struct sink *s, const char *why)
{
	int err = open_file_sink(s);

	if (!err) {
		s->reopened++;
		s->reopen_failed = false;
		notify_log(n, "gatehawk: alerts file %s reopened (%s)", s->path, why);
	} else if (!s->reopen_failed) {
		s->reopen_failed = true;
		notify_log(n, "gatehawk: reopening alerts file %s: %s; writing on to the old one",
			   s->path, strerror(-err));
	}
}

void notify_reopen(struct notify *n)
{
	for (int i = 0; i < n->n_sinks; i++)
		if (n->sinks[i].kind == SINK_FILE)
			reopen_sink(n, &n->sinks[i], "SIGHUP");
}

/* Rotated by rename: the path is gone or names another file. */
static void follow_moved_files(struct notify *n)
{
	for (int i = 0; i < n->n_sinks; i++) {
		struct sink *s = &n->sinks[i];
		struct stat st;

		if (s->kind != SINK_FILE)
			continue;
		if (lstat(s->path, &st)) {
			if (errno == ENOENT)
				reopen_sink(n, s, "its file was moved or removed");
		} else if (st.st_dev != s->dev || st.st_ino != s->ino) {
			reopen_sink(n, s, "another file took its name");
		}
	}
}

static void tell_losses(struct notify *n)
{
	uint64_t write_errors = 0;

	for (int i = 0; i < n->n_sinks; i++)
		write_errors += n->sinks[i].write_errors;
	if (write_errors > n->write_errors_told)
		notify_log(n, "gatehawk: %llu alert line(s) could not be written",
			   (unsigned long long)(write_errors - n->write_errors_told));
	n->write_errors_told = write_errors;
	if (n->webhook) {
		struct webhook_stats st;
		char last[128];
		uint64_t lost;

		webhook_get_stats(n->webhook, &st, last, sizeof(last));
		lost = st.rejected + st.failed + st.dropped;
		if (lost > n->webhook_told)
			notify_log(n, "gatehawk: webhook: %llu line(s) not delivered (last error: %s)",
				   (unsigned long long)(lost - n->webhook_told), last);
		n->webhook_told = lost;
	}
}

void notify_tick(struct notify *n, uint64_t now_ns)
{
	if (n->hooks)
		hooks_tick(n->hooks, now_ns);
	follow_moved_files(n);
	tell_losses(n);
}

struct json_object *notify_stats_json(struct notify *n)
{
	struct json_object *o = json_object_new_object(), *sinks = json_object_new_array();

	for (int i = 0; i < n->n_sinks; i++) {
		const struct sink *s = &n->sinks[i];
		struct json_object *so = json_object_new_object();

		json_object_object_add(so, "to", json_object_new_string(
							 s->kind == SINK_FILE     ? s->path
							 : s->kind == SINK_SYSLOG ? GH_ALERTS_SYSLOG
										  : "stdout"));
		json_object_object_add(so, "lines", json_object_new_uint64(s->lines));
		json_object_object_add(so, "write_errors", json_object_new_uint64(s->write_errors));
		json_object_object_add(so, "reopened", json_object_new_uint64(s->reopened));
		json_object_array_add(sinks, so);
	}
	json_object_object_add(o, "sinks", sinks);
	if (n->hooks) {
		struct json_object *h = json_object_new_object();
		struct hooks_stats hs;

		hooks_get_stats(n->hooks, &hs);
#define GH_PUT_HOOKS(name) json_object_object_add(h, #name, json_object_new_uint64(hs.name));
		HOOKS_STATS_FIELDS(GH_PUT_HOOKS)
#undef GH_PUT_HOOKS
		json_object_object_add(h, "pending", json_object_new_uint64(hooks_pending(n->hooks)));
		json_object_object_add(o, "hooks", h);
	}
	if (n->webhook) {
		struct json_object *w = json_object_new_object();
		struct webhook_stats ws;
		char last[128];

		webhook_get_stats(n->webhook, &ws, last, sizeof(last));
#define GH_PUT_WEBHOOK(name) json_object_object_add(w, #name, json_object_new_uint64(ws.name));
		WEBHOOK_STATS_FIELDS(GH_PUT_WEBHOOK)
#undef GH_PUT_WEBHOOK
		json_object_object_add(w, "pending",
				       json_object_new_uint64(webhook_pending(n->webhook)));
		json_object_object_add(w, "last_error", json_object_new_string(last));
		json_object_object_add(o, "webhook", w);
	}
	return o;
}

void notify_free(struct notify *n)
{
	if (!n)
		return;
	hooks_free(n->hooks);
	webhook_free(n->webhook);
	for (int i = 0; i < n->n_sinks; i++)
		if (n->sinks[i].kind == SINK_FILE && n->sinks[i].f)
			fclose(n->sinks[i].f);
	if (n->syslog_open)
		closelog();
	free(n);
}
