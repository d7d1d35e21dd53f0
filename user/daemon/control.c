// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <unistd.h>

#include "daemon/control.h"
#include "base/clock.h"
#include "base/private_dir.h"
#include "base/vec.h"

/* A client that does not send its command within this is dropped ... */
#define CONTROL_CLIENT_MS 500
/* ... and one that does not take its reply (up to GH_CONTROL_REPLY_MAX) within this. */
#define CONTROL_REPLY_MS 5000
#define CONTROL_SWEEP_MS 100 /* how often deadlines are checked while clients wait */
#define CONTROL_CLIENTS_MAX 16

static int path_addr(const char *path, struct sockaddr_un *sa)
{
	int n;

	memset(sa, 0, sizeof(*sa));
	sa->sun_family = AF_UNIX;
	n = snprintf(sa->sun_path, sizeof(sa->sun_path), "%s", path);
	return n < 0 || (size_t)n >= sizeof(sa->sun_path) ? -ENAMETOOLONG : 0;
}

/* /run/gatehawk/<pin dir with '/' as '_'>.sock */
static int socket_addr(const char *pin_dir, struct sockaddr_un *sa)
{
	char name[sizeof(sa->sun_path)], path[sizeof(name) + sizeof(GH_CONTROL_DIR "/.sock")];

	snprintf(name, sizeof(name), "%s", pin_dir[0] == '/' ? pin_dir + 1 : pin_dir);
	for (char *p = name; *p; p++)
		if (*p == '/')
			*p = '_';
	snprintf(path, sizeof(path), "%s/%s.sock", GH_CONTROL_DIR, name);
	return path_addr(path, sa);
}

static int connect_to(const struct sockaddr_un *sa)
{
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -errno;
	if (connect(fd, (const struct sockaddr *)sa, sizeof(*sa))) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

/* The directory holding the socket: ours and writable by us alone (base/private_dir.h). */
static int check_socket_dir(const char *sock_path)
{
	char dir[sizeof(((struct sockaddr_un *)0)->sun_path)];
	char *slash;
	struct gh_err e = { 0 };

	snprintf(dir, sizeof(dir), "%s", sock_path);
	slash = strrchr(dir, '/');
	if (!slash)
		snprintf(dir, sizeof(dir), ".");
	else
		slash[slash == dir] = '\0'; /* "/x.sock": the root */
	return gh_private_dir_check(dir, &e);
}

static int listen_on(const struct sockaddr_un *sa)
{
	int fd, err;

	err = check_socket_dir(sa->sun_path);
	if (err)
		return err;
	fd = connect_to(sa);
	if (fd >= 0) {
		close(fd);
		return -EADDRINUSE;
	}
	/* Nobody answers: a socket left by a daemon that was killed. */
	unlink(sa->sun_path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	/* 0600 before listen: nobody can connect in between, whatever the umask. */
	if (bind(fd, (const struct sockaddr *)sa, sizeof(*sa)) || chmod(sa->sun_path, 0600) ||
	    listen(fd, 8)) {
		err = -errno;
		close(fd);
		return err;
	}
	return fd;
}

int control_listen(const char *pin_dir)
{
	struct sockaddr_un sa;
	int err = socket_addr(pin_dir, &sa);

	if (err)
		return err;
	if (mkdir(GH_CONTROL_DIR, 0700) && errno != EEXIST)
		return -errno;
	return listen_on(&sa);
}

int control_listen_at(const char *path)
{
	struct sockaddr_un sa;
	int err = path_addr(path, &sa);

	return err ?: listen_on(&sa);
}

void control_close(int fd, const char *pin_dir)
{
	struct sockaddr_un sa;

	if (fd < 0)
		return;
	close(fd);
	if (!socket_addr(pin_dir, &sa))
		unlink(sa.sun_path);
}

/* send(MSG_NOSIGNAL), not write(): a peer that hung up must give EPIPE, not
 * a SIGPIPE that kills the daemon (or the CLI) on the spot. */
static void write_all(int fd, const char *s, size_t len)
{
	while (len) {
		ssize_t n = send(fd, s, len, MSG_NOSIGNAL);

		if (n <= 0)
			return;
		s += n;
		len -= (size_t)n;
	}
}

/*
 * The daemon's side, all non-blocking: a client is a slot with what it has
 * sent, the reply still to go and a deadline, served from one epoll fd the
 * daemon's loop watches. A silent or slow client costs a slot until its
 * deadline, never the loop's time; with every slot taken, new clients wait
 * in the listen backlog.
 */
enum { EV_LISTEN, EV_TIMER, EV_CLIENT0 }; /* epoll data: which fd woke */

struct control_client {
	int fd;                /* -1: a free slot */
	uint64_t deadline_ns;  /* CLOCK_MONOTONIC: dropped after this */
	char cmd[GH_CONTROL_CMD_MAX + 3];
	size_t got;            /* bytes of cmd read */
	char *out;             /* the reply, once the command is in */
	size_t out_len, sent;
};

struct control_server {
	int listen_fd, epoll_fd, timer_fd;
	bool accepting;        /* the listen fd is watched: a slot is free */
	control_fn fn;
	void *ctx;
	size_t n;              /* slots taken */
	struct control_client clients[CONTROL_CLIENTS_MAX];
};

static int watch(struct control_server *s, int op, int fd, uint32_t events, uint64_t tag)
{
	struct epoll_event ev = { .events = events, .data.u64 = tag };

	return epoll_ctl(s->epoll_fd, op, fd, &ev) ? -errno : 0;
}

/* The timer ticks while a client is connected, so deadlines pass without traffic. */
static void arm_timer(struct control_server *s)
{
	struct itimerspec its = { 0 };

	if (s->n) {
		its.it_interval.tv_nsec = CONTROL_SWEEP_MS * 1000000L;
		its.it_value = its.it_interval;
	}
	timerfd_settime(s->timer_fd, 0, &its, NULL);
}

static void set_accepting(struct control_server *s, bool on)
{
	if (s->accepting != on &&
	    !watch(s, EPOLL_CTL_MOD, s->listen_fd, on ? EPOLLIN : 0, EV_LISTEN))
		s->accepting = on;
}

static void drop_client(struct control_server *s, struct control_client *c)
{
	close(c->fd); /* also takes it out of the epoll set */
	free(c->out);
	*c = (struct control_client){ .fd = -1 };
	s->n--;
	set_accepting(s, true);
	if (!s->n)
		arm_timer(s);
}

int control_server_new(int listen_fd, control_fn fn, void *ctx, struct control_server **out)
{
	struct control_server *s = calloc(1, sizeof(*s));
	int err;

	if (!s)
		return -ENOMEM;
	*s = (struct control_server){ .listen_fd = listen_fd, .fn = fn, .ctx = ctx,
				      .accepting = true };
	for (size_t i = 0; i < CONTROL_CLIENTS_MAX; i++)
		s->clients[i].fd = -1;
	s->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	s->timer_fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	err = s->epoll_fd < 0 || s->timer_fd < 0 ? -errno : 0;
	err = err ?: watch(s, EPOLL_CTL_ADD, listen_fd, EPOLLIN, EV_LISTEN);
	err = err ?: watch(s, EPOLL_CTL_ADD, s->timer_fd, EPOLLIN, EV_TIMER);
	if (err) {
		control_server_free(s);
		return err;
	}
	*out = s;
	return 0;
}

void control_server_free(struct control_server *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < CONTROL_CLIENTS_MAX; i++)
		if (s->clients[i].fd >= 0)
			drop_client(s, &s->clients[i]);
	if (s->timer_fd >= 0)
		close(s->timer_fd);
	if (s->epoll_fd >= 0)
		close(s->epoll_fd);
	free(s);
}

int control_server_fd(const struct control_server *s)
{
	return s->epoll_fd;
}

size_t control_server_clients(const struct control_server *s)
{
	return s->n;
}

static void accept_clients(struct control_server *s)
{
	while (s->n < CONTROL_CLIENTS_MAX) {
		struct control_client *c = s->clients;
		int fd = accept4(s->listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);

		if (fd < 0)
			return;
		while (c->fd >= 0)
			c++;
		if (watch(s, EPOLL_CTL_ADD, fd, EPOLLIN, EV_CLIENT0 + (uint64_t)(c - s->clients))) {
			close(fd);
			continue;
		}
		*c = (struct control_client){
			.fd = fd,
			.deadline_ns = gh_clock_ns(CLOCK_MONOTONIC) + CONTROL_CLIENT_MS * 1000000ULL,
		};
		if (!s->n++)
			arm_timer(s);
	}
	set_accepting(s, false);
}

/* As much of the reply as the socket takes; the rest when it says it has room. */
static void send_reply(struct control_server *s, struct control_client *c)
{
	while (c->sent < c->out_len) {
		ssize_t n = send(c->fd, c->out + c->sent, c->out_len - c->sent, MSG_NOSIGNAL);

		if (n < 0 && errno == EAGAIN) {
			watch(s, EPOLL_CTL_MOD, c->fd, EPOLLOUT,
			      EV_CLIENT0 + (uint64_t)(c - s->clients));
			return;
		}
		if (n <= 0)
			break;
		c->sent += (size_t)n;
	}
	drop_client(s, c);
}

static void answer(struct control_server *s, struct control_client *c)
{
	struct json_object *reply;

	c->cmd[c->got] = '\0';
	c->cmd[strcspn(c->cmd, "\r\n")] = '\0';
	c->cmd[GH_CONTROL_CMD_MAX] = '\0';
	reply = s->fn(c->cmd, s->ctx);
	if (!reply) {
		reply = json_object_new_object();
		json_object_object_add(reply, "error", json_object_new_string("unknown command"));
	}
	c->out = strdup(json_object_to_json_string_ext(reply, JSON_C_TO_STRING_PLAIN));
	json_object_put(reply);
	if (!c->out) {
		drop_client(s, c);
		return;
	}
	c->out_len = strlen(c->out);
	/* A big reply to a slow reader may take longer, but not forever. */
	c->deadline_ns = gh_clock_ns(CLOCK_MONOTONIC) + CONTROL_REPLY_MS * 1000000ULL;
	send_reply(s, c);
}

/*
 * The command is in at its LF, when the buffer is full, or when the client
 * ends it. The longest command and its "\r\n" are read in full: closing a
 * unix socket with bytes left unread resets it, and the client would get
 * ECONNRESET instead of the reply. A longer line is cut to GH_CONTROL_CMD_MAX.
 */
static void read_command(struct control_server *s, struct control_client *c)
{
	size_t room = GH_CONTROL_CMD_MAX + 2 - c->got;
	ssize_t n = read(c->fd, c->cmd + c->got, room);

	if (n < 0 && errno == EAGAIN)
		return;
	if (n < 0 || (n == 0 && !c->got)) {
		drop_client(s, c);
		return;
	}
	c->got += (size_t)n;
	if (n == 0 || (size_t)n == room || memchr(c->cmd + c->got - (size_t)n, '\n', (size_t)n))
		answer(s, c);
}

static void expire_clients(struct control_server *s)
{
	uint64_t now = gh_clock_ns(CLOCK_MONOTONIC), ticks;

	if (read(s->timer_fd, &ticks, sizeof(ticks)) < 0 && errno != EAGAIN)
		return;
	for (size_t i = 0; i < CONTROL_CLIENTS_MAX; i++)
		if (s->clients[i].fd >= 0 && now > s->clients[i].deadline_ns)
			drop_client(s, &s->clients[i]);
}

int control_server_handle(struct control_server *s)
{
	struct epoll_event evs[CONTROL_CLIENTS_MAX + 2];
	int n = epoll_wait(s->epoll_fd, evs, CONTROL_CLIENTS_MAX + 2, 0);

	if (n < 0)
		return errno == EINTR ? 0 : -errno;
	for (int i = 0; i < n; i++) {
		uint64_t tag = evs[i].data.u64;
		struct control_client *c;

		if (tag == EV_LISTEN)
			accept_clients(s);
		if (tag < EV_CLIENT0)
			continue;
		c = &s->clients[tag - EV_CLIENT0];
		if (c->fd < 0)
			continue; /* dropped earlier in this round */
		if (c->out)
			send_reply(s, c);
		else
			read_command(s, c);
	}
	expire_clients(s);
	return 0;
}

/* Command and newline in one send: the daemon reads once, answers and
 * closes, so a second send could find the socket closed. */
static int send_command(int fd, const char *cmd)
{
	char line[GH_CONTROL_CMD_MAX + 2]; /* and "\n" */
	int n = snprintf(line, sizeof(line), "%s\n", cmd);

	if (n < 0 || (size_t)n >= sizeof(line))
		return -EINVAL;
	write_all(fd, line, (size_t)n);
	return 0;
}

/* Everything up to the daemon's close, as one JSON value. */
static int read_reply(int fd, struct json_object **reply)
{
	size_t used = 0, cap = 65536;
	char *buf = malloc(cap);
	int err = 0;

	if (!buf)
		return -ENOMEM;
	for (;;) {
		ssize_t n;

		if (used + 1 == cap) {
			if (cap >= GH_CONTROL_REPLY_MAX) {
				err = -EMSGSIZE;
				break;
			}
			err = gh_vec_reserve((void **)&buf, &cap, cap, 1, cap);
			if (err)
				break;
		}
		n = read(fd, buf + used, cap - used - 1);
		if (n <= 0) {
			err = n < 0 ? -errno : 0;
			break;
		}
		used += (size_t)n;
	}
	buf[used] = '\0';
	if (!err) {
		*reply = json_tokener_parse(buf);
		err = *reply ? 0 : -EBADMSG;
	}
	free(buf);
	return err;
}

static int request_to(const struct sockaddr_un *sa, const char *cmd, struct json_object **reply)
{
	int fd = connect_to(sa), err;

	if (fd < 0)
		return fd;
	err = send_command(fd, cmd);
	err = err ?: read_reply(fd, reply);
	close(fd);
	return err;
}

int control_request(const char *pin_dir, const char *cmd, struct json_object **reply)
{
	struct sockaddr_un sa;
	int err = socket_addr(pin_dir, &sa);

	return err ?: request_to(&sa, cmd, reply);
}

int control_request_at(const char *path, const char *cmd, struct json_object **reply)
{
	struct sockaddr_un sa;
	int err = path_addr(path, &sa);

	return err ?: request_to(&sa, cmd, reply);
}
