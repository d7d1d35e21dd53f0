// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/private_dir.h"

int gh_private_dir_check(const char *dir, struct gh_err *e)
{
	struct stat st;

	if (lstat(dir, &st))
		return gh_err_sys(e, -errno, "checking %s", dir);
	if (!S_ISDIR(st.st_mode))
		return gh_err_fail(e, -ENOTDIR, "%s is not a directory (a symlink or a file in its "
				   "place): refusing to use it", dir);
	if (st.st_uid != geteuid())
		return gh_err_fail(e, -EPERM, "%s is owned by uid %u, not by this user (uid %u): "
				   "refusing to use it", dir, (unsigned)st.st_uid, (unsigned)geteuid());
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		return gh_err_fail(e, -EPERM, "%s is writable by group or others (mode %04o): "
				   "refusing to use it (chmod go-w %s)", dir,
				   (unsigned)(st.st_mode & 07777), dir);
	return 0;
}
