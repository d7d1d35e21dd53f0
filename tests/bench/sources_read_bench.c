// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * What the daemon pays each second to read the per-source slot tables
 * (kernel/src_counters.h, source_reader_foreach): CPU time of one read of both
 * tables, joined, at a given number of used slots per CPU. The tables and
 * their used bitmaps are made and pinned in a private bpffs directory,
 * shaped as the gate and the sensor pin them, and filled through a writable
 * mapping: source j of CPU c is in both tables on that CPU (the join's
 * worst case), its slots spread evenly over the region and marked used. No
 * program is loaded.
 *
 *   sources_read_bench [USED_PER_CPU...]   (default: 0 1000 16384; root)
 *
 * Prints one line per size: CPU µs per read (the median of 9 batches)
 * one-shot (sources_read_all: mapped, read, sorted and unmapped each time,
 * as the CLI reads) and through a source_reader kept open (as the daemon reads), and
 * the rows joined. Exit 1 only when something broke.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "kernel/pins.h"
#include "kernel/src_counters.h"

#define BATCHES 9

static char dir[64];
static int ncpu;

/* A slot table (or its used bitmap) as the loaders pin it, mapped writable. */
static int table_make(const char *name, size_t value, uint32_t per_cpu, void **mem, size_t *len)
{
	LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = BPF_F_MMAPABLE);
	uint32_t entries = per_cpu * (uint32_t)ncpu;
	char path[GH_PATH_MAX];
	int fd, err = gh_pin_path(path, sizeof(path), dir, name);

	if (err)
		return err;
	fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, name, 4, (uint32_t)value, entries, &opts);
	if (fd < 0)
		return -errno;
	*len = ((size_t)entries * value + 4095) & ~(size_t)4095;
	*mem = mmap(NULL, *len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	err = *mem == MAP_FAILED ? -errno : bpf_obj_pin(fd, path) ? -errno : 0;
	close(fd);
	return err;
}

static void key_of(struct src_key *k, int c, uint32_t j)
{
	uint32_t a = htonl(0x0a000000U + (uint32_t)c * GH_SRC_SLOTS + j);

	memset(k, 0, sizeof(*k));
	k->family = 4;
	memcpy(k->addr, &a, 4);
}

/* used slots per CPU in each table, spread evenly and marked used; the rest never used. */
static void fill(struct src_slot *gate, struct src_http_slot *http, uint64_t *gate_used,
		 uint64_t *http_used, uint32_t used)
{
	memset(gate, 0, (size_t)GH_SRC_SLOTS * ncpu * sizeof(*gate));
	memset(http, 0, (size_t)GH_SRC_SLOTS * ncpu * sizeof(*http));
	memset(gate_used, 0, (size_t)GH_SRC_USED_WORDS * ncpu * sizeof(*gate_used));
	memset(http_used, 0, (size_t)GH_SRC_USED_WORDS * ncpu * sizeof(*http_used));
	for (int c = 0; c < ncpu; c++) {
		for (uint32_t j = 0; j < used; j++) {
			size_t i = (size_t)c * GH_SRC_SLOTS + (size_t)j * GH_SRC_SLOTS / used;

			gate_used[i / 64] |= 1ULL << (i % 64);
			http_used[i / 64] |= 1ULL << (i % 64);
			key_of(&gate[i].key, c, j);
			gate[i].packets = j + 1;
			gate[i].syns = 1;
			key_of(&http[i].key, c, j);
			http[i].c.requests = j + 2;
		}
	}
}

static int count_row(const struct source_row *row, void *ctx)
{
	(void)row;
	++*(size_t *)ctx;
	return 0;
}

static uint64_t cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* The CLI's one-shot read: every row, sorted, then freed. */
static int read_all(int fd, size_t *n)
{
	struct source_row *rows = NULL;
	int err = sources_read_all(fd, &rows, n);

	free(rows);
	return err;
}

/*
 * CPU ns per read, the median of BATCHES batches of reads; rows in *rows.
 * Through the reader the daemon keeps when r is set, else one-shot on fd
 * (the CLI's way).
 */
static int time_reads(int fd, struct source_reader *r, int reads, uint64_t *ns, size_t *rows)
{
	uint64_t v[BATCHES];

	for (int b = 0; b < BATCHES; b++) {
		uint64_t t0 = cpu_ns();

		for (int i = 0; i < reads; i++) {
			int err;

			*rows = 0;
			err = r ? source_reader_foreach(r, count_row, rows) : read_all(fd, rows);
			if (err)
				return err;
		}
		v[b] = (cpu_ns() - t0) / (uint64_t)reads;
	}
	qsort(v, BATCHES, sizeof(v[0]), cmp_u64);
	*ns = v[BATCHES / 2];
	return 0;
}

static void cleanup(void)
{
	char path[GH_PATH_MAX];

	static const char *const pins[] = { "src_slots", "src_http_slots", "src_slots_used",
					    "src_http_used" };

	for (size_t i = 0; i < sizeof(pins) / sizeof(pins[0]); i++)
		if (!gh_pin_path(path, sizeof(path), dir, pins[i]))
			unlink(path);
	rmdir(dir);
}

int main(int argc, char **argv)
{
	static const uint32_t defaults[] = { 0, 1000, GH_SRC_SLOTS };
	struct source_reader *reader = NULL;
	void *gate = NULL, *http = NULL, *gate_used = NULL, *http_used = NULL;
	size_t glen = 0, hlen = 0, gulen = 0, hulen = 0;
	int fd, err;

	ncpu = libbpf_num_possible_cpus();
	snprintf(dir, sizeof(dir), "/sys/fs/bpf/gh-srcbench-%d", (int)getpid());
	if (ncpu <= 0 || mkdir(dir, 0700)) {
		fprintf(stderr, "sources_read_bench: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	atexit(cleanup);
	err = table_make("src_slots", sizeof(struct src_slot), GH_SRC_SLOTS, &gate, &glen) ?:
	      table_make("src_http_slots", sizeof(struct src_http_slot), GH_SRC_SLOTS, &http,
			 &hlen) ?:
	      table_make("src_slots_used", sizeof(uint64_t), GH_SRC_USED_WORDS, &gate_used,
			 &gulen) ?:
	      table_make("src_http_used", sizeof(uint64_t), GH_SRC_USED_WORDS, &http_used, &hulen);
	fd = err ? err : sources_open(dir);
	err = fd < 0 ? fd : source_reader_open(dir, &reader);
	if (err) {
		fprintf(stderr, "sources_read_bench: making the tables: %s\n", strerror(-err));
		return 1;
	}
	printf("%d CPUs, %u slots each, both tables\n", ncpu, GH_SRC_SLOTS);
	for (int i = 0; i < (argc > 1 ? argc - 1 : 3); i++) {
		char *end;
		unsigned long used = argc > 1 ? strtoul(argv[i + 1], &end, 10) : defaults[i];
		size_t rows = 0;
		uint64_t ns = 0;

		if (argc > 1 && (*end || used > GH_SRC_SLOTS)) {
			fprintf(stderr, "sources_read_bench: %s: not a count of 0 to %u\n",
				argv[i + 1], GH_SRC_SLOTS);
			return 1;
		}
		uint64_t kept_ns = 0;

		fill(gate, http, gate_used, http_used, (uint32_t)used);
		err = time_reads(fd, NULL, used > 4096 ? 5 : 50, &ns, &rows) ?:
		      time_reads(fd, reader, used > 4096 ? 5 : 50, &kept_ns, &rows);
		if (err) {
			fprintf(stderr, "sources_read_bench: reading: %s\n", strerror(-err));
			return 1;
		}
		/* Each source is in both tables: the join must make one row of the two. */
		if (rows != used * (size_t)ncpu) {
			fprintf(stderr, "sources_read_bench: %zu rows joined, expected %zu\n", rows,
				used * (size_t)ncpu);
			return 1;
		}
		printf("used %5lu per CPU: %8.1f us CPU per read one-shot, %8.1f kept mapped; "
		       "%zu rows\n",
		       used, ns / 1e3, kept_ns / 1e3, rows);
	}
	source_reader_close(reader);
	munmap(gate, glen);
	munmap(http, hlen);
	close(fd);
	return 0;
}
