// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/pidfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/clock.h"
#include "daemon/event_loop.h"
#include "daemon/hooks.h"

/* A hook waiting for a slot: its argv (argv[0] the command) and stdin. */
struct pending {
	char **argv;
	char *stdin_line;
};

struct running {
	pid_t pid; /* 0: a free slot */
	int pidfd; /* -1: none (reaped by the tick instead) */
	uint64_t deadline_ns;
	bool killed;
	char what[160]; /* "CMD ACTION CIDR", for the log */
};

struct hooks {
	struct event_loop *loop;
	struct hooks_opts o;
	struct running run[GH_HOOKS_RUNNING];
	struct pending queue[GH_HOOKS_QUEUE]; /* a ring: head, count */
	unsigned int head, count;
	struct hooks_stats stats;
};

char **hook_argv_new(const char *cmd, const struct hook_event *ev)
{
	char ttl[24];
	const char *field[HOOK_ARGC] = { cmd,	     ev->action,   ev->cidr,   ev->policy,
					 ttl,	     ev->severity, ev->src_ip, ev->why };
	size_t size = sizeof(char *) * (HOOK_ARGC + 1);
	char **argv, *p;

	snprintf(ttl, sizeof(ttl), "%" PRIu64, ev->ttl_s);
	for (int i = 0; i < HOOK_ARGC; i++)
		size += strlen(field[i] ? field[i] : "") + 1;
	argv = malloc(size);
	if (!argv)
		return NULL;
	p = (char *)(argv + HOOK_ARGC + 1);
	for (int i = 0; i < HOOK_ARGC; i++) {
		size_t len = strlen(field[i] ? field[i] : "") + 1;

		argv[i] = memcpy(p, field[i] ? field[i] : "", len);
		p += len;
	}
	argv[HOOK_ARGC] = NULL;
	return argv;
}

static void __attribute__((format(printf, 2, 3))) hooks_log(const struct hooks *h,
							     const char *fmt, ...)
{
	char line[512];
	va_list ap;

	if (!h->o.log)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	h->o.log(h->o.log_ctx, line);
}

static void pending_free(struct pending *p)
{
	free(p->argv);
	free(p->stdin_line);
	p->argv = NULL;
	p->stdin_line = NULL;
}

/* The hook's stdin: an anonymous file holding the line, read from its start. */
static int stdin_fd(const char *line)
{
	int fd = memfd_create("gatehawk-hook", MFD_CLOEXEC);
	size_t left = line ? strlen(line) : 0;

	if (fd < 0)
		return -errno;
	while (left) {
		ssize_t n = write(fd, line, left);

		if (n <= 0) {
			close(fd);
			return n ? -errno : -EIO;
		}
		line += n;
		left -= (size_t)n;
	}
	if (write(fd, "\n", 1) != 1 || lseek(fd, 0, SEEK_SET)) {
		close(fd);
		return -EIO;
	}
	return fd;
}

/* posix_spawn with the descriptors, signals and group hooks.h promises. */
static int spawn_hook(const struct pending *p, pid_t *pid)
{
	static char path_env[] = GH_HOOK_PATH;
	char *envp[] = { path_env, NULL };
	const int to_default[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD };
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t none, defaults;
	int in = stdin_fd(p->stdin_line), err;

	if (in < 0)
		return in;
	sigemptyset(&none);
	sigemptyset(&defaults);
	for (size_t i = 0; i < sizeof(to_default) / sizeof(to_default[0]); i++)
		sigaddset(&defaults, to_default[i]);
	err = posix_spawn_file_actions_init(&fa);
	if (err) {
		close(in);
		return -err;
	}
	err = posix_spawnattr_init(&attr);
	err = err ?: posix_spawn_file_actions_adddup2(&fa, in, STDIN_FILENO);
	err = err ?: posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	err = err ?: posix_spawn_file_actions_addclosefrom_np(&fa, STDERR_FILENO + 1);
	err = err ?: posix_spawnattr_setsigmask(&attr, &none);
	err = err ?: posix_spawnattr_setsigdefault(&attr, &defaults);
	err = err ?: posix_spawnattr_setpgroup(&attr, 0);
	err = err ?: posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF |
							     POSIX_SPAWN_SETPGROUP);
	err = err ?: posix_spawn(pid, p->argv[0], &fa, &attr, p->argv, envp);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	close(in);
	return -err;
}

static void finish(struct hooks *h, struct running *r, int status, bool known)
{
	if (r->killed) {
		h->stats.timed_out++;
		hooks_log(h, "gatehawk: hook %s killed: still running after its timeout", r->what);
	} else if (known && WIFEXITED(status) && !WEXITSTATUS(status)) {
		h->stats.succeeded++;
	} else {
		h->stats.failed++;
		if (!known)
			hooks_log(h, "gatehawk: hook %s: exit status lost", r->what);
		else if (WIFEXITED(status))
			hooks_log(h, "gatehawk: hook %s exited %d", r->what, WEXITSTATUS(status));
		else
			hooks_log(h, "gatehawk: hook %s died of %s", r->what,
				  strsignal(WTERMSIG(status)));
	}
	if (r->pidfd >= 0) {
		ev_del(h->loop, r->pidfd);
		close(r->pidfd);
	}
	r->pid = 0;
	r->pidfd = -1;
}

/* Reap the hook if it has exited: true when the slot is free again. */
static bool reap(struct hooks *h, struct running *r, int flags)
{
	int status = 0;
	pid_t got = waitpid(r->pid, &status, flags);

	if (!got)
		return false;
	finish(h, r, status, got == r->pid);
	return true;
}

static int on_hook_exit(int fd, uint32_t events, void *ctx)
{
	struct hooks *h = ctx;

	(void)events;
	for (int i = 0; i < GH_HOOKS_RUNNING; i++)
		if (h->run[i].pid && h->run[i].pidfd == fd)
			reap(h, &h->run[i], WNOHANG);
	return 0;
}

static void start_one(struct hooks *h, struct running *r, struct pending *p)
{
	int err = spawn_hook(p, &r->pid);

	if (err) {
		r->pid = 0;
		h->stats.spawn_errors++;
		hooks_log(h, "gatehawk: hook %s: cannot run: %s", p->argv[0], strerror(-err));
		return;
	}
	h->stats.started++;
	r->killed = false;
	r->deadline_ns = gh_boottime_ns() + h->o.timeout_ns;
	snprintf(r->what, sizeof(r->what), "%s %s %s", p->argv[0], p->argv[1], p->argv[2]);
	/* Without a pidfd the tick reaps it, a second later at most. */
	r->pidfd = pidfd_open(r->pid, 0);
	if (r->pidfd >= 0 && ev_add(h->loop, r->pidfd, on_hook_exit, h)) {
		close(r->pidfd);
		r->pidfd = -1;
	}
}

static void start_queued(struct hooks *h)
{
	for (int i = 0; i < GH_HOOKS_RUNNING && h->count; i++) {
		struct pending *p = &h->queue[h->head];

		if (h->run[i].pid)
			continue;
		start_one(h, &h->run[i], p);
		pending_free(p);
		h->head = (h->head + 1) % GH_HOOKS_QUEUE;
		h->count--;
	}
}

struct hooks *hooks_new(struct event_loop *loop, const struct hooks_opts *o, int *err)
{
	struct hooks *h = calloc(1, sizeof(*h));

	if (!h) {
		*err = -ENOMEM;
		return NULL;
	}
	h->loop = loop;
	h->o = *o;
	if (!h->o.timeout_ns)
		h->o.timeout_ns = GH_HOOK_TIMEOUT_S * 1000000000ULL;
	for (int i = 0; i < GH_HOOKS_RUNNING; i++)
		h->run[i].pidfd = -1;
	return h;
}

int hooks_run(struct hooks *h, const char *cmd, const struct hook_event *ev,
	      const char *stdin_line)
{
	struct pending p = { hook_argv_new(cmd, ev), stdin_line ? strdup(stdin_line) : NULL };

	if (!p.argv || (stdin_line && !p.stdin_line) || h->count == GH_HOOKS_QUEUE) {
		int err = p.argv && (!stdin_line || p.stdin_line) ? -ENOSPC : -ENOMEM;

		pending_free(&p);
		h->stats.dropped++;
		return err;
	}
	h->queue[(h->head + h->count) % GH_HOOKS_QUEUE] = p;
	h->count++;
	start_queued(h);
	return 0;
}

void hooks_tick(struct hooks *h, uint64_t now_ns)
{
	for (int i = 0; i < GH_HOOKS_RUNNING; i++) {
		struct running *r = &h->run[i];

		if (!r->pid || reap(h, r, WNOHANG))
			continue;
		if (!r->killed && now_ns >= r->deadline_ns) {
			kill(-r->pid, SIGKILL);
			r->killed = true;
		}
	}
	start_queued(h);
}

unsigned int hooks_pending(const struct hooks *h)
{
	unsigned int n = h->count;

	for (int i = 0; i < GH_HOOKS_RUNNING; i++)
		n += h->run[i].pid != 0;
	return n;
}

void hooks_get_stats(const struct hooks *h, struct hooks_stats *out)
{
	*out = h->stats;
}

void hooks_free(struct hooks *h)
{
	uint64_t deadline;

	if (!h)
		return;
	deadline = gh_boottime_ns() + GH_HOOKS_DRAIN_MS * 1000000ULL;
	while (hooks_pending(h) && gh_boottime_ns() < deadline) {
		hooks_tick(h, 0);
		nanosleep(&(struct timespec){ .tv_nsec = 10000000 }, NULL);
	}
	for (int i = 0; i < GH_HOOKS_RUNNING; i++) {
		if (!h->run[i].pid)
			continue;
		kill(-h->run[i].pid, SIGKILL);
		h->run[i].killed = true;
		reap(h, &h->run[i], 0);
	}
	for (; h->count; h->count--, h->head = (h->head + 1) % GH_HOOKS_QUEUE) {
		pending_free(&h->queue[h->head]);
		h->stats.dropped++;
	}
	free(h);
}
