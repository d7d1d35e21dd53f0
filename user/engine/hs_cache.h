/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Compiled Hyperscan databases kept on disk between loads: compiling the
 * whole policy pack (the fields' pattern databases, the CRS prefilter) takes
 * seconds, reading it back milliseconds. A database is filed under a 128-bit
 * hash of everything its compile depends on: the expressions, their flags and
 * ids, literal or regex, Hyperscan's version and this host's platform. So an
 * edited pattern, an upgraded library or another CPU simply misses.
 *
 * The cache is an optimisation only: a directory that is missing and cannot
 * be made, not private (owned by another user, writable by group or others:
 * whoever can write it chooses what we match), or a file that does not read
 * back as a database, means compiling as if there were none. Files are
 * written to a temporary name and renamed, so a concurrent reader sees a
 * whole database or none; at most HS_CACHE_MAX_FILES are kept, the least
 * recently used go first.
 */
#ifndef GATEHAWK_HS_CACHE_H
#define GATEHAWK_HS_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <hs/hs.h>

#define HS_CACHE_MAX_FILES 64
#define HS_CACHE_MAX_BYTES (256U << 20) /* a cached database larger than this is not read */

/* What to compile: as hs_compile_multi (lens NULL) or hs_compile_lit_multi takes it. */
struct hs_cache_req {
	const char *const *exprs;
	const unsigned int *flags;
	const unsigned int *ids; /* NULL: all 0 */
	const size_t *lens;      /* literals and their lengths; NULL: NUL-terminated regexes */
	unsigned int n;
};

/*
 * The database for req in block mode: from dir when it is there, else
 * compiled (and stored in dir when it can be). dir NULL or "": no cache.
 * Returns what the compile returned; *cerr as hs_compile_multi fills it.
 */
hs_error_t hs_cache_compile(const char *dir, const struct hs_cache_req *req,
			    hs_database_t **db, hs_compile_error_t **cerr);

/*
 * The default cache directory: $XDG_CACHE_HOME/gatehawk, else
 * $HOME/.cache/gatehawk (absolute paths only). False when neither applies
 * or it does not fit in len.
 */
bool hs_cache_default_dir(char *buf, size_t len);

/* Loads served from the cache and compiles stored into it, by this process. */
void hs_cache_counts(unsigned long *hits, unsigned long *stores);

#endif /* GATEHAWK_HS_CACHE_H */
