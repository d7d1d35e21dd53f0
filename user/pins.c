// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>
#include <linux/magic.h>

#include "cli.h"
#include "pins.h"

#define BPFFS_ROOT "/sys/fs/bpf"

static bool is_bpffs(const char *path)
{
	struct statfs st;

	return !statfs(path, &st) && st.f_type == BPF_FS_MAGIC;
}

static bool below_bpffs_root(const char *dir)
{
	size_t n = strlen(BPFFS_ROOT);

	return !strncmp(dir, BPFFS_ROOT, n) && (dir[n] == '/' || dir[n] == '\0');
}

int gh_pin_dir_prepare(const char *dir)
{
	if (below_bpffs_root(dir) && !is_bpffs(BPFFS_ROOT)) {
		if (mount("bpf", BPFFS_ROOT, "bpf", 0, "mode=0700"))
			return cli_runtime_error(-errno, "mounting bpffs on %s", BPFFS_ROOT);
	}
	if (mkdir(dir, 0700) && errno != EEXIST)
		return cli_runtime_error(-errno, "creating pin directory %s", dir);
	if (!is_bpffs(dir))
		return cli_input_error("--pin-dir %s: not on a bpf filesystem (mount -t bpf)", dir);
	return 0;
}

int gh_pin_path(char *buf, size_t len, const char *dir, const char *name)
{
	int n = snprintf(buf, len, "%s/%s", dir, name);

	return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

bool gh_pin_exists(const char *dir, const char *name)
{
	char path[GH_PATH_MAX];

	return !gh_pin_path(path, sizeof(path), dir, name) && !access(path, F_OK);
}

int gh_pin_dir_lock(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	if (flock(fd, LOCK_EX)) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

void gh_pin_dir_unlock(int fd)
{
	if (fd >= 0)
		close(fd);
}
