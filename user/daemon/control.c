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
#define CONTROL_CMD_MAX 64

/* /run/gatehawk/<pin dir with '/' as '_'>.sock */
static int socket_addr(const char *pin_dir, struct sockaddr_un *sa)
{
	char name[sizeof(sa->sun_path)];
	int n;

	memset(sa, 0, sizeof(*sa));
	sa->sun_family = AF_UNIX;
	snprintf(name, sizeof(name), "%s", pin_dir[0] == '/' ? pin_dir + 1 : pin_dir);
	for (char *p = name; *p; p++)
		if (*p == '/')
			*p = '_';
	n = snprintf(sa->sun_path, sizeof(sa->sun_path), "%s/%s.sock", GH_CONTROL_DIR, name);
	return n < 0 || (size_t)n >= sizeof(sa->sun_path) ? -ENAMETOOLONG : 0;
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

int control_listen(const char *pin_dir)
{
	struct sockaddr_un sa;
	int fd, err;

	err = socket_addr(pin_dir, &sa);
	if (err)
		return err;
	if (mkdir(GH_CONTROL_DIR, 0700) && errno != EEXIST)
		return -errno;
	fd = connect_to(&sa);
	if (fd >= 0) {
		close(fd);
		return -EADDRINUSE;
	}
	/* Nobody answers: a socket left by a daemon that was killed. */
	unlink(sa.sun_path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) || listen(fd, 8)) {
		err = -errno;
		close(fd);
		return err;
	}
	return fd;
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

static int read_command(int fd, char *cmd, size_t len)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	ssize_t n;

	if (poll(&p, 1, CONTROL_CLIENT_MS) <= 0)
		return -ETIMEDOUT;
	n = read(fd, cmd, len - 1);
	if (n <= 0)
		return n ? -errno : -EPIPE;
	cmd[n] = '\0';
	cmd[strcspn(cmd, "\r\n")] = '\0';
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
	char cmd[CONTROL_CMD_MAX];
	struct json_object *reply;
	const char *text;
	int fd, err;

	fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
	if (fd < 0)
		return errno == EAGAIN ? 0 : -errno;
	err = read_command(fd, cmd, sizeof(cmd));
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

int control_request(const char *pin_dir, const char *cmd, struct json_object **reply)
{
	size_t used = 0, cap = 65536;
	struct sockaddr_un sa;
	char *buf;
	int fd, err;

	err = socket_addr(pin_dir, &sa);
	if (err)
		return err;
	fd = connect_to(&sa);
	if (fd < 0)
		return fd;
	buf = malloc(cap);
	if (!buf) {
		close(fd);
		return -ENOMEM;
	}
	/* Command and newline in one send: the daemon reads once, answers and
	 * closes, so a second send could find the socket closed. */
	{
		char line[CONTROL_CMD_MAX + 1];
		int n = snprintf(line, sizeof(line), "%s\n", cmd);

		if (n < 0 || (size_t)n >= sizeof(line)) {
			free(buf);
			close(fd);
			return -EINVAL;
		}
		write_all(fd, line, (size_t)n);
	}
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
	close(fd);
	buf[used] = '\0';
	if (!err) {
		*reply = json_tokener_parse(buf);
		err = *reply ? 0 : -EBADMSG;
	}
	free(buf);
	return err;
}
