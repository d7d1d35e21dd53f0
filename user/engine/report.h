/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Proactive reports (`gatehawk report`): request records grouped by up to
 * four keys, each group counting its requests, those a predicate matches
 * and its distinct sources. Records in, sorted groups out; nothing printed.
 *
 * A key is a record field or a value derived from one (path/N, src_ip/N,
 * status_class, hour, ext). A group's key is the bytes of its values, each
 * as length and bytes; numbers, times and addresses are stored binary (big
 * endian), so the bytes sort as the values do and format only on output.
 *
 * Memory is bounded: past max_groups groups (or max_key_bytes of key
 * bytes) a record of a new group is counted in one "other" row; past
 * max_source_pairs (group, source) pairs, sources are not counted further
 * and the counts they would have changed say so (sources_capped). A pair
 * is held as a 64-bit hash: exact unless two of them collide (about 1 in
 * 10^6 at the default cap of 8 M pairs).
 */
#ifndef GATEHAWK_REPORT_H
#define GATEHAWK_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "engine/predicate.h"
#include "input/request.h"

#define REPORT_MAX_KEYS 4
#define REPORT_KEY_NAME_MAX 32
#define REPORT_PATH_MAX_SEGMENTS 64
#define REPORT_DEFAULT_MAX_GROUPS (1U << 20)
#define REPORT_DEFAULT_MAX_KEY_BYTES (256U << 20)
#define REPORT_DEFAULT_MAX_SOURCE_PAIRS (8U << 20)
/* Room report_group_key() needs to format one value (an address with its prefix). */
#define REPORT_VALUE_BUF 64

enum report_key_kind {
	REPORT_KEY_FIELD,        /* the field's value */
	REPORT_KEY_PATH_PREFIX,  /* path/N: the path up to its N+1-th segment */
	REPORT_KEY_ADDR_PREFIX,  /* src_ip/N[/M]: IPv4 masked to /N, IPv6 to /M */
	REPORT_KEY_STATUS_CLASS, /* "2xx" .. "5xx" */
	REPORT_KEY_HOUR,         /* UTC hour of day of ts, 0-23 */
	REPORT_KEY_EXT,          /* extension of the path's last segment, lowercase; "" */
};

/* How a key's values are written as JSON. */
enum report_value_type { REPORT_VALUE_STR, REPORT_VALUE_NUM, REPORT_VALUE_BOOL };

struct report_key {
	enum report_key_kind kind;
	enum req_field field; /* the record field it reads */
	uint8_t n;            /* path segments, or the IPv4 prefix length */
	uint8_t n6;           /* the IPv6 prefix length */
	char name[REPORT_KEY_NAME_MAX]; /* as written: "path/1" */
};

/*
 * One --by key: a field name (request.h) or a derived key. -EINVAL with a
 * message naming it and listing every valid key.
 */
int report_key_parse(const char *spec, struct report_key *out, struct gh_err *err);
enum report_value_type report_key_value_type(const struct report_key *k);

enum report_sort { REPORT_SORT_MATCHING, REPORT_SORT_REQUESTS, REPORT_SORT_SHARE };

struct report_opts {
	struct report_key keys[REPORT_MAX_KEYS];
	unsigned int n_keys; /* 1 to REPORT_MAX_KEYS */
	const struct pred *where;        /* NULL: count requests only */
	const struct regex_set *regexes; /* where's patterns */
	size_t max_groups, max_key_bytes, max_source_pairs; /* 0: the defaults */
};

struct report_counts {
	uint64_t requests;
	uint64_t matching;         /* requests where holds (0 without where) */
	uint64_t sources;          /* distinct src_ip of the requests */
	uint64_t matching_sources; /* distinct src_ip of the matching requests */
	bool sources_capped;       /* the source counts are lower bounds */
};

struct report_group {
	uint64_t hash;
	uint32_t key_off, key_len; /* the key bytes, in the report's key store */
	struct report_counts c;
};

struct report_totals {
	struct report_counts all;   /* every record */
	struct report_counts other; /* records of groups past the caps */
	size_t groups;              /* groups held */
	bool overflow;              /* some record went to other */
};

struct report;

/* NULL with err filled: -EINVAL for no keys or more than REPORT_MAX_KEYS, or -ENOMEM. */
struct report *report_new(const struct report_opts *o, struct gh_err *err);
void report_free(struct report *r);
/* Count one record: 0, or -ENOMEM (the counts are then incomplete). */
int report_add(struct report *r, const struct request_record *rec);
void report_totals(const struct report *r, struct report_totals *t);
/*
 * Every group, largest first by `by`, ties by key (values in order, absent
 * first). The array belongs to the report; valid until the next add.
 * 0 or -ENOMEM.
 */
int report_sort(struct report *r, enum report_sort by, const struct report_group *const **out,
		size_t *n);
/*
 * Value i of a group's key as text: a slice of the key for strings, else
 * formatted into buf (decimal, true/false, RFC 3339, address[/prefix]).
 * false when the record lacked the field.
 */
bool report_group_key(const struct report *r, const struct report_group *g, unsigned int i,
		      char buf[REPORT_VALUE_BUF], struct gh_str *out);
/*
 * The share a row shows: with where, matching / requests of c; without,
 * c's requests / every request. 0 for no requests.
 */
double report_share(const struct report *r, const struct report_counts *c);

#endif /* GATEHAWK_REPORT_H */
