// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "daemon/control.h"
#include "base/vec.h"

/* A client that does not send its command within this is dropped. */
#define CONTROL_CLIENT_MS 500

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

/*
 * The directory holding the socket must be ours and writable by nobody
 * else: whoever can write it can replace the socket and answer for us.
 * -EPERM when it is not (another owner, or group/other write), -ENOTDIR.
 */
static int check_socket_dir(const char *sock_path)
{
	char dir[sizeof(((struct sockaddr_un *)0)->sun_path)];
	char *slash;
	struct stat st;

	snprintf(dir, sizeof(dir), "%s", sock_path);
	slash = strrchr(dir, '/');
	if (!slash)
		snprintf(dir, sizeof(dir), ".");
	else
		slash[slash == dir] = '\0'; /* "/x.sock": the root */
	if (lstat(dir, &st))
		return -errno;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	if (st.st_uid != geteuid() || (st.st_mode & (S_IWGRP | S_IWOTH)))
		return -EPERM;
	return 0;
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

/*
 * The longest command and its "\r\n" are read in full: closing a unix socket
 * with bytes left unread resets it, and the client would get ECONNRESET
 * instead of the reply. A longer line is cut to GH_CONTROL_CMD_MAX.
 */
static int read_command(int fd, char cmd[GH_CONTROL_CMD_MAX + 3])
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	ssize_t n;

	if (poll(&p, 1, CONTROL_CLIENT_MS) <= 0)
		return -ETIMEDOUT;
	n = read(fd, cmd, GH_CONTROL_CMD_MAX + 2);
	if (n <= 0)
		return n ? -errno : -EPIPE;
	cmd[n] = '\0';
	cmd[strcspn(cmd, "\r\n")] = '\0';
	cmd[GH_CONTROL_CMD_MAX] = '\0';
	return 0;
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

int control_serve_one(int listen_fd, control_fn fn, void *ctx)
{
	char cmd[GH_CONTROL_CMD_MAX + 3];
	struct json_object *reply;
	const char *text;
	int fd, err;

	fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
	if (fd < 0)
		return errno == EAGAIN ? 0 : -errno;
	err = read_command(fd, cmd);
	if (!err) {
		reply = fn(cmd, ctx);
		if (!reply) {
			reply = json_object_new_object();
			json_object_object_add(reply, "error",
					       json_object_new_string("unknown command"));
		}
		text = json_object_to_json_string_ext(reply, JSON_C_TO_STRING_PLAIN);
		write_all(fd, text, strlen(text));
		json_object_put(reply);
	}
	close(fd);
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
