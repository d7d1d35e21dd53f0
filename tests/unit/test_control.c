// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The daemon's control socket on a real unix socket in a private directory:
 * one command line in, one JSON value out, then close. Replies of any size
 * up to the limit arrive whole; an unknown command gets an error object; an
 * oversized command is cut, never overruns; a client that sends nothing, or
 * hangs up before the reply, costs the daemon a bounded wait and no SIGPIPE
 * (SIGPIPE keeps its default action here, so it would end the test).
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "base/clock.h"
#include "daemon/control.h"
#include "tap.h"

#define BIG_REPLY (300U << 10)  /* several times the client's first buffer */
#define WAIT_MS 5000
#define SILENT_LIMIT_MS 2000    /* the daemon drops a silent client well before */

static char dir[32], path[64];

/* What the daemon's command callback saw; what it answers with. */
struct seen {
	int calls;
	char cmd[256];
	size_t reply_len; /* "big": a string of this many 'x' */
};

static struct json_object *answer(const char *cmd, void *ctx)
{
	struct seen *s = ctx;
	struct json_object *o;

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

/* The daemon side in a thread, for control_request() to talk to. */
struct server {
	int fd;
	struct seen *seen;
	int ret;
};

static void *serve_one(void *arg)
{
	struct server *s = arg;
	struct pollfd p = { .fd = s->fd, .events = POLLIN };

	s->ret = poll(&p, 1, WAIT_MS) == 1 ? control_serve_one(s->fd, answer, s->seen)
					    : -ETIMEDOUT;
	return NULL;
}

static int request(int listen_fd, struct seen *seen, const char *cmd, struct json_object **reply)
{
	struct server s = { listen_fd, seen, 0 };
	pthread_t t;
	int err;

	if (pthread_create(&t, NULL, serve_one, &s))
		return -EAGAIN;
	err = control_request_at(path, cmd, reply);
	pthread_join(t, NULL);
	return err ?: s.ret;
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

static void test_request_reply(int lfd)
{
	struct seen seen = { .reply_len = BIG_REPLY };
	struct json_object *reply = NULL, *v;

	ok_eq(request(lfd, &seen, "stats", &reply), 0, "stats: request answered");
	ok_str(seen.cmd, "stats", "the daemon sees the command without its newline");
	ok(json_object_object_get_ex(reply, "n", &v) && json_object_get_int(v) == 42,
	   "the reply is the callback's object");
	json_object_put(reply);

	reply = NULL;
	ok_eq(request(lfd, &seen, "big", &reply), 0, "big: request answered");
	ok_eq(json_object_get_string_len(reply), BIG_REPLY,
	      "a %u-byte reply arrives whole", BIG_REPLY);
	json_object_put(reply);

	/* The client gives up past the limit and hangs up: the daemon's
	 * write then fails, and must not raise SIGPIPE. */
	seen.reply_len = GH_CONTROL_REPLY_MAX + 1;
	ok_eq(request(lfd, &seen, "big", &reply), -EMSGSIZE,
	      "a reply above GH_CONTROL_REPLY_MAX is refused by the client");
	ok_eq(seen.calls, 3, "the daemon answered all three");
}

/* Send bytes by hand, let the daemon serve, return what came back. */
static int exchange(int lfd, struct seen *seen, const char *bytes, size_t len, char *out,
		    size_t out_len)
{
	int fd = raw_client(bytes, len), err;

	if (fd < 0)
		return -errno;
	err = control_serve_one(lfd, answer, seen);
	read_to_eof(fd, out, out_len);
	return err;
}

static void test_framing(int lfd)
{
	char big_cmd[1000], longest[GH_CONTROL_CMD_MAX + 2], out[256];
	struct json_object *reply = NULL;
	struct seen seen = { 0 };

	ok_eq(exchange(lfd, &seen, "nope\n", 5, out, sizeof(out)), 0, "unknown command: served");
	ok_str(out, "{\"error\":\"unknown command\"}",
	       "an unknown command gets one error object, then EOF");
	ok_eq(exchange(lfd, &seen, "stats\r\n", 7, out, sizeof(out)), 0, "CRLF: served");
	ok_str(seen.cmd, "stats", "CRLF is cut like LF");
	ok_str(out, "{\"cmd\":\"stats\",\"n\":42}", "and the reply is the plain JSON text");

	memset(big_cmd, 'a', sizeof(big_cmd));
	big_cmd[sizeof(big_cmd) - 1] = '\n';
	ok_eq(exchange(lfd, &seen, big_cmd, sizeof(big_cmd), out, sizeof(out)), 0,
	      "a %zu-byte command: served", sizeof(big_cmd));
	ok_eq(strlen(seen.cmd), GH_CONTROL_CMD_MAX, "it is cut to GH_CONTROL_CMD_MAX bytes");
	ok_str(out, "{\"error\":\"unknown command\"}", "and answered as unknown");

	memset(longest, 'a', sizeof(longest) - 1);
	longest[GH_CONTROL_CMD_MAX] = '\0';
	ok_eq(request(lfd, &seen, longest, &reply), 0, "a command of the longest length: answered");
	ok_eq(strlen(seen.cmd), GH_CONTROL_CMD_MAX, "and seen whole");
	json_object_put(reply);
	longest[GH_CONTROL_CMD_MAX] = 'a';
	seen.calls = 0;
	ok_eq(control_request_at(path, longest, &reply), -EINVAL,
	      "control_request() refuses a command one byte longer");
	ok_eq(control_serve_one(lfd, answer, &seen), 0, "its connection is served");
	ok_eq(seen.calls, 0, "nothing was sent: the callback never ran");
}

static void test_bad_clients(int lfd)
{
	struct seen seen = { .reply_len = 1U << 20 };
	uint64_t start;
	int fd;

	ok_eq(control_serve_one(lfd, answer, &seen), 0, "no client waiting: returns at once");

	fd = raw_client(NULL, 0);
	close(fd);
	ok_eq(control_serve_one(lfd, answer, &seen), 0, "a client that hung up: served");

	fd = raw_client("big\n", 4);
	close(fd);
	ok_eq(control_serve_one(lfd, answer, &seen), 0,
	      "a client that hung up before its 1 MiB reply: served, no SIGPIPE");

	fd = raw_client(NULL, 0);
	start = gh_clock_ns(CLOCK_MONOTONIC);
	ok_eq(control_serve_one(lfd, answer, &seen), 0, "a silent client: served");
	ok((gh_clock_ns(CLOCK_MONOTONIC) - start) / 1000000 < SILENT_LIMIT_MS,
	   "and dropped within %d ms", SILENT_LIMIT_MS);
	close(fd);
	ok_eq(seen.calls, 1, "only the client that sent a command reached the callback");
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
	if (ok(lfd >= 0, "listening on %s", path)) {
		test_request_reply(lfd);
		test_framing(lfd);
		test_bad_clients(lfd);
		test_modes(&lfd);
		test_listen(&lfd);
	}
	if (lfd >= 0)
		close(lfd);
	unlink(path);
	rmdir(dir);
	return tap_done();
}
