// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/json_file.h"

static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int gh_json_file_save(const char *path, struct json_object *o, const char *what,
		      struct gh_err *err)
{
	const char *text = NULL;
	char *tmp = NULL;
	size_t len = 0;
	int fd = -1, ret = 0;

	if (o)
		text = json_object_to_json_string_length(
			o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &len);
	if (!text || asprintf(&tmp, "%s.tmp", path) < 0) {
		gh_err_at(err, path, 0);
		return gh_err_sys(err, -ENOMEM, "%s: writing %s", path, what);
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd < 0)
		ret = -errno;
	else if (fchmod(fd, 0644))
		ret = -errno;
	if (!ret)
		ret = write_all(fd, text, len);
	if (!ret)
		ret = write_all(fd, "\n", 1);
	if (!ret && fsync(fd))
		ret = -errno;
	if (fd >= 0 && close(fd) && !ret)
		ret = -errno;
	if (!ret && rename(tmp, path))
		ret = -errno;
	if (ret) {
		unlink(tmp);
		gh_err_at(err, path, 0);
		gh_err_sys(err, ret, "%s: cannot write %s (through %s)", path, what, tmp);
	}
	free(tmp);
	return ret;
}

/* The whole file, NUL-terminated; input errors for what is no such document. */
static int read_text(const char *path, size_t max, const char *what, char **text, size_t *len,
		     struct gh_err *err)
{
	/* O_NONBLOCK: a FIFO must not hang the load; it is refused below. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK), ret = 0;
	struct stat st;
	ssize_t n = 0;

	*text = NULL;
	*len = 0;
	if (fd < 0)
		return gh_err_sys(err, -errno, "%s: cannot open %s", path, what);
	if (fstat(fd, &st))
		ret = gh_err_sys(err, -errno, "%s: cannot read %s", path, what);
	else if (!S_ISREG(st.st_mode))
		ret = gh_err_input(err, "%s: expected %s, got something else (a directory or "
				   "device)", path, what);
	else if ((uint64_t)st.st_size > max)
		ret = gh_err_input(err, "%s: expected %s of at most %zu MiB, got %lld bytes", path,
				   what, max >> 20, (long long)st.st_size);
	else if (!(*text = malloc((size_t)st.st_size + 2)))
		ret = gh_err_sys(err, -ENOMEM, "%s: reading %s", path, what);
	/* Up to one byte more than stat said, so a file that grew is seen as such. */
	while (!ret && *len <= (size_t)st.st_size &&
	       (n = read(fd, *text + *len, (size_t)st.st_size + 1 - *len)) > 0)
		*len += (size_t)n;
	if (!ret && n < 0)
		ret = gh_err_sys(err, -errno, "%s: cannot read %s", path, what);
	else if (!ret && *len > (size_t)st.st_size)
		ret = gh_err_input(err, "%s: %s changed while being read", path, what);
	close(fd);
	if (ret) {
		free(*text);
		*text = NULL;
		return ret;
	}
	(*text)[*len] = '\0';
	return 0;
}

int gh_json_file_load(const char *path, size_t max, int depth, const char *what,
		      struct json_object **out, struct gh_err *err)
{
	struct json_tokener *tok;
	char *text;
	size_t len, end;
	int ret = read_text(path, max, what, &text, &len, err);

	*out = NULL;
	if (ret) {
		if (ret != -ENOENT)
			gh_err_at(err, path, 0);
		return ret;
	}
	tok = json_tokener_new_ex(depth);
	if (!tok) {
		free(text);
		return gh_err_sys(err, -ENOMEM, "%s: reading %s", path, what);
	}
	*out = json_tokener_parse_ex(tok, text, (int)len);
	end = *out ? json_tokener_get_parse_end(tok) : 0;
	while (*out && end < len && strchr(" \t\r\n", text[end]) && text[end])
		end++;
	if (!*out || end < len || !json_object_is_type(*out, json_type_object)) {
		enum json_tokener_error e = json_tokener_get_error(tok);

		gh_err_input(err, "%s: expected one JSON object, got %s at byte %zu", path,
			     !*out ? json_tokener_error_desc(e == json_tokener_continue
								     ? json_tokener_error_parse_eof
								     : e)
			     : end < len ? "data after the object"
					 : "another JSON value",
			     *out ? end : json_tokener_get_parse_end(tok));
		gh_err_at(err, path, 0);
		json_object_put(*out);
		*out = NULL;
		ret = -EINVAL;
	}
	json_tokener_free(tok);
	free(text);
	return ret;
}
