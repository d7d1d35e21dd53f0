// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The daemon's control socket on a real unix socket in a private directory:
 * one command line in, one JSON value out, then close. Replies of any size
 * up to the limit arrive whole; an unknown command gets an error object; an
 * oversized command is cut, never overruns; a client that sends nothing, or
 * hangs up before the reply, costs the daemon a slot until its deadline
 * and no SIGPIPE (SIGPIPE keeps its default action here, so it would end
 * the test); a silent client or one that never reads its reply does not
 * delay another's answer; clients at once are bounded; the socket is 0600
 * and a directory others can write is refused.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/private_dir.h"
#include "daemon/control.h"
#include "tap.h"

#define BIG_REPLY (300U << 10)  /* several times the client's first buffer */
#define WAIT_MS 5000
#define SILENT_LIMIT_MS 2000    /* the daemon drops a silent client well before */

static char dir[32], path[64];
static struct control_server *srv;
static atomic_bool stop_pump;

/* What the daemon's command callback saw; what it answers with. */
struct seen {
	int calls;
	char cmd[256];
	size_t reply_len; /* "big": a string of this many 'x' */
};

/* The seen of the test running now: the server's callback fills it. */
static struct seen *current;

static struct json_object *answer(const char *cmd, void *ctx)
{
	struct seen *s = current;
	struct json_object *o;

	(void)ctx;
	s->calls++;
	snprintf(s->cmd, sizeof(s->cmd), "%s", cmd);
	if (!strcmp(cmd, "stats")) {
		o = json_object_new_object();
		json_object_object_add(o, "cmd", json_object_new_string(cmd));
		json_object_object_add(o, "n", json_object_new_int(42));
		return o;
	}
	if (!strcmp(cmd, "big")) {
		char *text = malloc(s->reply_len + 1);

		if (!text)
			return NULL;
		memset(text, 'x', s->reply_len);
		text[s->reply_len] = '\0';
		o = json_object_new_string(text);
		free(text);
		return o;
	}
	return NULL;
}

/* The daemon's loop, in a thread: clients in the main thread talk to it. */
static void *pump(void *arg)
{
	struct pollfd p = { .fd = control_server_fd(srv), .events = POLLIN };

	(void)arg;
	while (!atomic_load(&stop_pump))
		if (poll(&p, 1, 20) > 0 && control_server_handle(srv))
			break;
	return NULL;
}

static int request(struct seen *seen, const char *cmd, struct json_object **reply)
{
	current = seen;
	return control_request_at(path, cmd, reply);
}

/* Until the server holds no client (given 100 ms to accept any); false after WAIT_MS. */
static bool wait_idle(void)
{
	uint64_t until = gh_clock_ns(CLOCK_MONOTONIC) + WAIT_MS * 1000000ULL;

	usleep(100000);
	while (control_server_clients(srv))
		if (gh_clock_ns(CLOCK_MONOTONIC) > until || usleep(5000))
			return false;
	return true;
}

/* A client by hand: connect and send exactly these bytes (len 0: nothing). */
static int raw_client(const char *bytes, size_t len)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", path);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (len && send(fd, bytes, len, MSG_NOSIGNAL) != (ssize_t)len) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Everything until the daemon closes. */
static void read_to_eof(int fd, char *buf, size_t len)
{
	size_t used = 0;
	ssize_t n;

	while (used + 1 < len && (n = read(fd, buf + used, len - used - 1)) > 0)
		used += (size_t)n;
	buf[used] = '\0';
	close(fd);
}

static void test_request_reply(void)
{
	struct seen seen = { .reply_len = BIG_REPLY };
	struct json_object *reply = NULL, *v;

	ok_eq(request(&seen, "stats", &reply), 0, "stats: request answered");
	ok_str(seen.cmd, "stats", "the daemon sees the command without its newline");
	ok(json_object_object_get_ex(reply, "n", &v) && json_object_get_int(v) == 42,
	   "the reply is the callback's object");
	json_object_put(reply);

	reply = NULL;
	ok_eq(request(&seen, "big", &reply), 0, "big: request answered");
	ok_eq(json_object_get_string_len(reply), BIG_REPLY,
	      "a %u-byte reply arrives whole", BIG_REPLY);
	json_object_put(reply);

	/* The client gives up past the limit and hangs up: the daemon's
	 * write then fails, and must not raise SIGPIPE. */
	seen.reply_len = GH_CONTROL_REPLY_MAX + 1;
	ok_eq(request(&seen, "big", &reply), -EMSGSIZE,
	      "a reply above GH_CONTROL_REPLY_MAX is refused by the client");
	ok_eq(seen.calls, 3, "the daemon answered all three");
}

/* Send bytes by hand, return what came back. */
static int exchange(struct seen *seen, const char *bytes, size_t len, char *out, size_t out_len)
{
	int fd;

	current = seen;
	fd = raw_client(bytes, len);
	if (fd < 0)
		return -errno;
	read_to_eof(fd, out, out_len);
	return 0;
}

static void test_framing(void)
{
	char big_cmd[1000], longest[GH_CONTROL_CMD_MAX + 2], out[256];
	struct json_object *reply = NULL;
	struct seen seen = { 0 };

	ok_eq(exchange(&seen, "nope\n", 5, out, sizeof(out)), 0, "unknown command: served");
	ok_str(out, "{\"error\":\"unknown command\"}",
	       "an unknown command gets one error object, then EOF");
	ok_eq(exchange(&seen, "stats\r\n", 7, out, sizeof(out)), 0, "CRLF: served");
	ok_str(seen.cmd, "stats", "CRLF is cut like LF");
	ok_str(out, "{\"cmd\":\"stats\",\"n\":42}", "and the reply is the plain JSON text");

	memset(big_cmd, 'a', sizeof(big_cmd));
	big_cmd[sizeof(big_cmd) - 1] = '\n';
	ok_eq(exchange(&seen, big_cmd, sizeof(big_cmd), out, sizeof(out)), 0,
	      "a %zu-byte command: served", sizeof(big_cmd));
	ok_eq(strlen(seen.cmd), GH_CONTROL_CMD_MAX, "it is cut to GH_CONTROL_CMD_MAX bytes");
	ok_str(out, "{\"error\":\"unknown command\"}", "and answered as unknown");

	memset(longest, 'a', sizeof(longest) - 1);
	longest[GH_CONTROL_CMD_MAX] = '\0';
	ok_eq(request(&seen, longest, &reply), 0, "a command of the longest length: answered");
	ok_eq(strlen(seen.cmd), GH_CONTROL_CMD_MAX, "and seen whole");
	json_object_put(reply);
	longest[GH_CONTROL_CMD_MAX] = 'a';
	seen.calls = 0;
	ok_eq(control_request_at(path, longest, &reply), -EINVAL,
	      "control_request() refuses a command one byte longer");
	ok(wait_idle(), "its connection is dropped");
	ok_eq(seen.calls, 0, "nothing was sent: the callback never ran");
}

static void test_bad_clients(void)
{
	struct seen seen = { .reply_len = 1U << 20 };
	uint64_t start, ms;
	int fd;

	current = &seen;
	fd = raw_client(NULL, 0);
	close(fd);
	ok(fd >= 0 && wait_idle(), "a client that hung up: dropped");

	fd = raw_client("big\n", 4);
	close(fd);
	ok(fd >= 0 && wait_idle(), "a client that hung up before its 1 MiB reply: dropped, no SIGPIPE");

	fd = raw_client(NULL, 0);
	start = gh_clock_ns(CLOCK_MONOTONIC);
	ok(fd >= 0 && wait_idle(), "a silent client: dropped");
	ms = (gh_clock_ns(CLOCK_MONOTONIC) - start) / 1000000;
	ok(ms < SILENT_LIMIT_MS, "within %d ms (%llu)", SILENT_LIMIT_MS, (unsigned long long)ms);
	close(fd);
	ok_eq(seen.calls, 1, "only the client that sent a command reached the callback");
}

/* A silent client and one that never reads its 1 MiB reply hold their slots, nothing else. */
static void test_stalled_clients(void)
{
	struct seen seen = { .reply_len = 1U << 20 };
	struct json_object *reply = NULL, *v;
	int silent, slow, many[20];
	uint64_t start;

	current = &seen;
	silent = raw_client(NULL, 0);
	slow = raw_client("big\n", 4);
	usleep(50000);
	ok_eq(control_server_clients(srv), 2, "both stalled clients are held");
	start = gh_clock_ns(CLOCK_MONOTONIC);
	ok_eq(request(&seen, "stats", &reply), 0, "another client's request is answered");
	ok((gh_clock_ns(CLOCK_MONOTONIC) - start) / 1000000 < 200, "within 200 ms");
	ok(json_object_object_get_ex(reply, "n", &v) && json_object_get_int(v) == 42,
	   "with its reply");
	json_object_put(reply);
	close(silent);
	close(slow);
	ok(wait_idle(), "the stalled clients are dropped once gone");

	for (size_t i = 0; i < 20; i++)
		many[i] = raw_client(NULL, 0);
	usleep(100000);
	ok_eq(control_server_clients(srv), 16, "20 silent clients: 16 held at once");
	reply = NULL;
	ok_eq(request(&seen, "stats", &reply), 0, "a request behind them is answered");
	json_object_put(reply);
	for (size_t i = 0; i < 20; i++)
		close(many[i]);
	ok(wait_idle(), "all dropped");
}

/* One daemon per socket; a socket left by a killed daemon is taken over. */
static void test_listen(int *lfd)
{
	struct json_object *reply = NULL;

	ok_eq(control_listen_at(path), -EADDRINUSE, "a second listener: -EADDRINUSE");
	close(*lfd); /* killed: the socket file stays */
	ok_eq(control_request_at(path, "stats", &reply), -ECONNREFUSED,
	      "a stale socket: -ECONNREFUSED");
	*lfd = control_listen_at(path);
	ok(*lfd >= 0, "a stale socket is replaced by a new listener");
	close(*lfd);
	unlink(path);
	*lfd = -1;
	ok_eq(control_request_at(path, "stats", &reply), -ENOENT, "no socket: -ENOENT");
}

/* The socket is 0600 whatever the umask; a directory others can write is refused. */
static void test_modes(int *lfd)
{
	struct gh_err e = { 0 };
	struct stat st;
	mode_t old = umask(0);

	close(*lfd);
	unlink(path);
	*lfd = control_listen_at(path);
	umask(old);
	ok(*lfd >= 0 && !stat(path, &st) && (st.st_mode & 07777) == 0600,
	   "socket mode 0600 under umask 0");
	close(*lfd);
	unlink(path);
	chmod(dir, 0777);
	*lfd = control_listen_at(path);
	ok_eq(*lfd, -EPERM, "a world-writable socket directory: -EPERM");
	ok(gh_private_dir_check(dir, &e) == -EPERM && strstr(e.msg, dir) &&
	   strstr(e.msg, "writable by group or others (mode 0777)"),
	   "the message names the directory and what is wrong: %s", e.msg);
	chmod(dir, 0720);
	*lfd = control_listen_at(path);
	ok_eq(*lfd, -EPERM, "a group-writable socket directory: -EPERM");
	chmod(dir, 0700);
	*lfd = control_listen_at(path);
	ok(*lfd >= 0, "a private directory again: listening");
}

int main(void)
{
	int lfd;

	snprintf(dir, sizeof(dir), "/tmp/gh-control-XXXXXX");
	if (!mkdtemp(dir)) {
		ok(0, "mkdtemp: %s", strerror(errno));
		return tap_done();
	}
	snprintf(path, sizeof(path), "%s/test.sock", dir);
	lfd = control_listen_at(path);
	if (ok(lfd >= 0, "listening on %s", path) &&
	    ok(!control_server_new(lfd, answer, NULL, &srv), "a server on it")) {
		pthread_t t;

		if (ok(!pthread_create(&t, NULL, pump, NULL), "the loop runs")) {
			test_request_reply();
			test_framing();
			test_bad_clients();
			test_stalled_clients();
			atomic_store(&stop_pump, true);
			pthread_join(t, NULL);
		}
		control_server_free(srv);
		test_modes(&lfd);
		test_listen(&lfd);
	}
	if (lfd >= 0)
		close(lfd);
	unlink(path);
	rmdir(dir);
	return tap_done();
}
