/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * JSON documents as files (trained models): written atomically, read
 * whole with a size cap, so a half-written or oversized file is never
 * taken for a good one.
 */
#ifndef GATEHAWK_BASE_JSON_FILE_H
#define GATEHAWK_BASE_JSON_FILE_H

#include <stddef.h>
#include <json-c/json.h>

#include "base/err.h"

/*
 * o as compact JSON and a newline into PATH.tmp (O_NOFOLLOW, mode 0644
 * whatever the umask: the daemon's user reads it too), fsync'd, then
 * renamed over path. what names the document in messages ("the model").
 */
int gh_json_file_save(const char *path, struct json_object *o, const char *what,
		      struct gh_err *err);
/*
 * One JSON object from a regular file of at most max bytes, nested at most
 * depth deep. -ENOENT (no input flag) when there is no such file; what is
 * no such document is an input error naming the file.
 */
int gh_json_file_load(const char *path, size_t max, int depth, const char *what,
		      struct json_object **out, struct gh_err *err);

#endif /* GATEHAWK_BASE_JSON_FILE_H */
