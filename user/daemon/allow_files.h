/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Global allow files (`run --allow-file FILE`, fail2ban's ignoreip): one
 * CIDR a line, '#' comments (kernel/block_file.h). The daemon never blocks
 * what they list, and with the kernel the gate passes it too: their entries
 * go into the allow maps marked GH_ALLOW_F_FILE, never expiring, and each
 * load (start, SIGHUP) removes the marked entries no file lists any more.
 * An entry added by hand (`allow add`) for the same prefix is the
 * operator's and stays; one with a ttl becomes the file's, for good.
 *
 * A load is all or nothing: a bad line in any file keeps the lists in
 * force and names the file and line.
 */
#ifndef GATEHAWK_ALLOW_FILES_H
#define GATEHAWK_ALLOW_FILES_H

#include <stdbool.h>
#include <stddef.h>

#include "base/addr.h"
#include "base/err.h"
#include "kernel/gate_maps.h"

struct allow_files {
	const char *const *paths;
	int n_paths;
	void (*log)(void *ctx, const char *line); /* bad lines, changes; NULL: none */
	void *log_ctx;
	struct gh_cidr *cidrs; /* every file's entries, sorted, distinct */
	size_t n;
};

/*
 * Read every file anew. Each bad line goes to log (file:line: what was
 * wrong); then -EINVAL, e says how many, and the entries stay as they were.
 */
int allow_files_load(struct allow_files *af, struct gh_err *e);
/*
 * Put the loaded entries into the allow maps and delete the files' entries
 * no longer listed (takes the pin-dir lock); what changed goes to log.
 * m NULL (no kernel): nothing to do.
 */
int allow_files_sync(const struct allow_files *af, struct gate_maps *m, struct gh_err *e);
/* SIGHUP: load and sync; a bad file keeps the lists in force, and log says why. */
void allow_files_reload(struct allow_files *af, struct gate_maps *m);
/* A loaded entry covers the address. */
bool allow_files_cover(const struct allow_files *af, const struct gh_addr *a);
void allow_files_free(struct allow_files *af);

#endif /* GATEHAWK_ALLOW_FILES_H */
