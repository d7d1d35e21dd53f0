/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Directories whose entries nobody else may swap (the control socket's,
 * the pin directory): whoever can write one can put their own socket or
 * map in place of ours.
 */
#ifndef GATEHAWK_BASE_PRIVATE_DIR_H
#define GATEHAWK_BASE_PRIVATE_DIR_H

#include "base/err.h"

/*
 * 0 when dir is a directory (not a symlink to one) owned by this process's
 * effective user and writable by no group or other. Otherwise -ENOTDIR or
 * -EPERM (or the errno of lstat) with e naming dir and what is wrong.
 */
int gh_private_dir_check(const char *dir, struct gh_err *e);

#endif /* GATEHAWK_BASE_PRIVATE_DIR_H */
