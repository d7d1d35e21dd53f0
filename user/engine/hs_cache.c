// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Compiled Hyperscan databases kept on disk between loads (hs_cache.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/hash.h"
#include "base/private_dir.h"
#include "engine/hs_cache.h"

#define CACHE_MAGIC "GHHSDB1" /* with its NUL: 8 bytes */
#define CACHE_SUFFIX ".hsdb"
#define TMP_PREFIX ".tmp-"
#define TMP_MAX_AGE_S 3600
#define KEY_SEED_A 0x243f6a8885a308d3ULL
#define KEY_SEED_B 0x13198a2e03707344ULL
#define SUM_SEED 0xa4093822299f31d0ULL

/* What precedes the serialized database in a file: it names itself. */
struct cache_header {
	char magic[8];
	uint64_t key[2];
	uint64_t size; /* bytes of the serialized database that follow */
	uint64_t sum;  /* their hash: a damaged file is a miss, not a wrong database */
};

static atomic_ulong cache_hits, cache_stores;

void hs_cache_counts(unsigned long *hits, unsigned long *stores)
{
	*hits = atomic_load(&cache_hits);
	*stores = atomic_load(&cache_stores);
}

static void key_add(uint64_t key[2], const void *p, size_t len)
{
	key[0] = gh_hash_bytes(p, len, key[0]);
	key[1] = gh_hash_bytes(p, len, key[1]);
}

/* Everything the compiled database depends on, each piece with its length. */
static void request_key(const struct hs_cache_req *req, uint64_t key[2])
{
	hs_platform_info_t plat;
	const char *version = hs_version();
	uint32_t head[2] = { req->n, req->lens != NULL };

	key[0] = KEY_SEED_A;
	key[1] = KEY_SEED_B;
	memset(&plat, 0, sizeof(plat));
	hs_populate_platform(&plat);
	key_add(key, CACHE_MAGIC, sizeof(CACHE_MAGIC));
	key_add(key, version, strlen(version));
	key_add(key, &plat, sizeof(plat));
	key_add(key, head, sizeof(head));
	for (unsigned int i = 0; i < req->n; i++) {
		size_t len = req->lens ? req->lens[i] : strlen(req->exprs[i]);
		uint32_t meta[2] = { req->flags[i], req->ids ? req->ids[i] : 0 };

		key_add(key, meta, sizeof(meta));
		key_add(key, &len, sizeof(len));
		key_add(key, req->exprs[i], len);
	}
}

/* mkdir -p, each new level 0700: it holds what decides what we match. */
static int make_dirs(const char *dir)
{
	char path[4096];
	size_t n = strlen(dir);

	if (n >= sizeof(path))
		return -ENAMETOOLONG;
	memcpy(path, dir, n + 1);
	for (char *s = path + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(path, 0700) && errno != EEXIST)
			return -errno;
		*s = '/';
	}
	if (mkdir(path, 0700) && errno != EEXIST)
		return -errno;
	return 0;
}

static bool usable_dir(const char *dir)
{
	struct gh_err e = { 0 };

	return dir && *dir && !make_dirs(dir) && !gh_private_dir_check(dir, &e);
}

static bool read_all(int fd, void *buf, size_t len)
{
	for (size_t done = 0; done < len;) {
		ssize_t k = read(fd, (char *)buf + done, len - done);

		if (k <= 0 && !(k < 0 && errno == EINTR))
			return false;
		if (k > 0)
			done += (size_t)k;
	}
	return true;
}

static bool write_all(int fd, const void *buf, size_t len)
{
	for (size_t done = 0; done < len;) {
		ssize_t k = write(fd, (const char *)buf + done, len - done);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		done += (size_t)k;
	}
	return true;
}

/* The cached database under key, or NULL: anything amiss is a miss. */
static hs_database_t *cache_read(const char *path, const uint64_t key[2])
{
	struct cache_header h;
	hs_database_t *db = NULL;
	struct stat st;
	char *blob = NULL;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
	    (st.st_mode & (S_IWGRP | S_IWOTH)) || (size_t)st.st_size < sizeof(h) ||
	    (size_t)st.st_size - sizeof(h) > HS_CACHE_MAX_BYTES || !read_all(fd, &h, sizeof(h)) ||
	    memcmp(h.magic, CACHE_MAGIC, sizeof(h.magic)) || h.key[0] != key[0] ||
	    h.key[1] != key[1] || h.size != (uint64_t)st.st_size - sizeof(h))
		goto out;
	blob = malloc(h.size ? h.size : 1);
	if (!blob || !read_all(fd, blob, h.size) || gh_hash_bytes(blob, h.size, SUM_SEED) != h.sum)
		goto out;
	if (hs_deserialize_database(blob, h.size, &db) != HS_SUCCESS)
		db = NULL;
	else
		futimens(fd, NULL); /* used: the last to be pruned */
out:
	free(blob);
	close(fd);
	return db;
}

static int by_mtime(const void *a, const void *b)
{
	const struct timespec *x = a, *y = b;

	if (x->tv_sec != y->tv_sec)
		return x->tv_sec < y->tv_sec ? -1 : 1;
	return (x->tv_nsec > y->tv_nsec) - (x->tv_nsec < y->tv_nsec);
}

struct cache_file {
	struct timespec mtime; /* first: by_mtime compares it */
	char name[64];
};

static bool cache_name(const char *name)
{
	size_t n = strlen(name), k = strlen(CACHE_SUFFIX);

	return n > k && n < sizeof(((struct cache_file *)0)->name) && name[0] != '.' &&
	       !strcmp(name + n - k, CACHE_SUFFIX);
}

/* Keep the HS_CACHE_MAX_FILES most recently used databases, and no stale
 * temporary file; best effort. */
static void prune(const char *dir)
{
	struct cache_file *files = NULL;
	size_t n = 0, cap = 0;
	struct timespec now;
	struct dirent *de;
	DIR *d = opendir(dir);

	if (!d)
		return;
	clock_gettime(CLOCK_REALTIME, &now);
	while ((de = readdir(d))) {
		struct stat st;

		if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW))
			continue;
		/* A writer that died between mkstemp and rename left this. */
		if (!strncmp(de->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) &&
		    st.st_mtim.tv_sec + TMP_MAX_AGE_S < now.tv_sec) {
			unlinkat(dirfd(d), de->d_name, 0);
			continue;
		}
		if (!cache_name(de->d_name))
			continue;
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 128;
			struct cache_file *nf = realloc(files, ncap * sizeof(*files));

			if (!nf)
				break;
			files = nf;
			cap = ncap;
		}
		files[n].mtime = st.st_mtim;
		snprintf(files[n].name, sizeof(files[n].name), "%s", de->d_name);
		n++;
	}
	if (n > HS_CACHE_MAX_FILES) {
		qsort(files, n, sizeof(*files), by_mtime);
		for (size_t i = 0; i < n - HS_CACHE_MAX_FILES; i++)
			unlinkat(dirfd(d), files[i].name, 0);
	}
	closedir(d);
	free(files);
}

/* Store db under key at path, whole or not at all; best effort. */
static void cache_write(const char *dir, const char *path, const uint64_t key[2],
			const hs_database_t *db)
{
	struct cache_header h = { .magic = CACHE_MAGIC, .key = { key[0], key[1] } };
	char tmp[4096], *blob = NULL;
	size_t size = 0;
	bool ok;
	int fd;

	if (snprintf(tmp, sizeof(tmp), "%s/" TMP_PREFIX "XXXXXX", dir) >= (int)sizeof(tmp) ||
	    hs_serialize_database(db, &blob, &size) != HS_SUCCESS)
		return;
	h.size = size;
	h.sum = gh_hash_bytes(blob, size, SUM_SEED);
	fd = mkstemp(tmp);
	if (fd < 0) {
		free(blob);
		return;
	}
	ok = write_all(fd, &h, sizeof(h)) && write_all(fd, blob, size);
	ok = !close(fd) && ok && !rename(tmp, path);
	if (!ok)
		unlink(tmp);
	free(blob);
	if (ok) {
		atomic_fetch_add(&cache_stores, 1);
		prune(dir);
	}
}

static hs_error_t compile(const struct hs_cache_req *req, hs_database_t **db,
			  hs_compile_error_t **cerr)
{
	if (req->lens)
		return hs_compile_lit_multi(req->exprs, req->flags, req->ids, req->lens, req->n,
					    HS_MODE_BLOCK, NULL, db, cerr);
	return hs_compile_multi(req->exprs, req->flags, req->ids, req->n, HS_MODE_BLOCK, NULL, db,
				cerr);
}

hs_error_t hs_cache_compile(const char *dir, const struct hs_cache_req *req,
			    hs_database_t **db, hs_compile_error_t **cerr)
{
	uint64_t key[2];
	char path[4096];
	hs_error_t rc;

	*db = NULL;
	if (!usable_dir(dir) ||
	    (request_key(req, key), snprintf(path, sizeof(path), "%s/%016llx%016llx" CACHE_SUFFIX,
					     dir, (unsigned long long)key[0],
					     (unsigned long long)key[1]) >= (int)sizeof(path)))
		return compile(req, db, cerr);
	if ((*db = cache_read(path, key))) {
		atomic_fetch_add(&cache_hits, 1);
		return HS_SUCCESS;
	}
	rc = compile(req, db, cerr);
	if (rc == HS_SUCCESS)
		cache_write(dir, path, key, *db);
	return rc;
}

bool hs_cache_default_dir(char *buf, size_t len)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	int n;

	if (xdg && xdg[0] == '/')
		n = snprintf(buf, len, "%s/gatehawk", xdg);
	else if (home && home[0] == '/')
		n = snprintf(buf, len, "%s/.cache/gatehawk", home);
	else
		return false;
	return n > 0 && (size_t)n < len;
}
