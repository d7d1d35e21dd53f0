/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The daemon's control socket: a unix stream socket under /run/gatehawk,
 * named after the pin directory. A client writes one command line ("stats")
 * and reads one JSON object until the daemon closes. Only root can reach
 * it (socket 0600 in a 0700 directory that must be root's and writable by
 * nobody else). Binding it also keeps a second daemon off the same pin
 * directory.
 */
#ifndef GATEHAWK_CONTROL_H
#define GATEHAWK_CONTROL_H

#include <stddef.h>

#include <json-c/json.h>

#define GH_CONTROL_DIR "/run/gatehawk"
#define GH_CONTROL_REPLY_MAX (4U << 20)
/* The longest command; a longer line is cut to this. */
#define GH_CONTROL_CMD_MAX 63

/* Answer a command; return a new JSON object, or NULL for an unknown one. */
typedef struct json_object *(*control_fn)(const char *cmd, void *ctx);

/*
 * Listening fd (socket mode 0600), or -EADDRINUSE when a daemon already
 * answers for pin_dir, -EPERM when the directory holding the socket is
 * owned by another user or writable by group or others.
 */
int control_listen(const char *pin_dir);
void control_close(int fd, const char *pin_dir);
/*
 * Serving the clients of a listening fd without ever blocking: a bounded
 * number at once, each with a deadline, replies written as the client
 * takes them. The loop watches control_server_fd() (an epoll fd) and calls
 * control_server_handle() when it is readable. free leaves listen_fd open.
 */
struct control_server;

int control_server_new(int listen_fd, control_fn fn, void *ctx, struct control_server **out);
void control_server_free(struct control_server *s);
int control_server_fd(const struct control_server *s);
int control_server_handle(struct control_server *s);
/* Clients connected now (sending their command or taking their reply). */
size_t control_server_clients(const struct control_server *s);
/* Ask the daemon of pin_dir; -ENOENT or -ECONNREFUSED when none runs. */
int control_request(const char *pin_dir, const char *cmd, struct json_object **reply);
/* The same at an explicit socket path (a test's private directory). */
int control_listen_at(const char *path);
int control_request_at(const char *path, const char *cmd, struct json_object **reply);

#endif /* GATEHAWK_CONTROL_H */
