/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Predicates over one request record: the tree policy_parse.c builds from
 * JSON, compiled for speed (cheap children first, a mask of the fields that
 * must be present) and evaluated with per-record caching of regex results.
 *
 * Regexes: every pattern of a policy set lives in one regex_set, and so do
 * phrase lists (phrase_list.h). A pattern or list is over a subject: a
 * field, or a field through a chain of transformations (transform.h). All
 * patterns and phrases over the same subject share one Hyperscan database,
 * so a subject is scanned at most once per record, and only when some
 * predicate reaches a pattern over it. Patterns Hyperscan refuses
 * (back-references, look-around, possessive quantifiers, NUL bytes) are
 * matched by PCRE2 with JIT instead. Both run byte-wise (no UTF mode), so
 * they give the same answers; PCRE2 is the reference and validates every
 * pattern at load.
 *
 * A transformed subject is computed once per record, when first asked, into
 * the evaluation state's scratch buffer (PRED_XF_SCRATCH bytes per record;
 * the record's own strings are never written).
 */
#ifndef GATEHAWK_PREDICATE_H
#define GATEHAWK_PREDICATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/addr.h"
#include "engine/phrase_list.h"
#include "input/request.h"

/* Pattern ids of one match policy's necessary condition, at most (pred_gate). */
#define PRED_GATE_MAX 64
/* pred.quick_methods, quick_status: the bit of a record without the field. */
#define PRED_QUICK_ABSENT 15
/* Nesting deeper than this is refused at load: evaluation recurses. */
#define PRED_MAX_DEPTH 32
/* Transformed values of one record, all subjects together; past it a value is cut. */
#define PRED_XF_SCRATCH (256 * 1024)

enum pred_op {
	PRED_ALL, /* every child holds (none: true) */
	PRED_ANY, /* some child holds (none: false) */
	PRED_NOT,
	PRED_EXISTS,
	PRED_EQ, /* value typed by the field: string, number, bool or address */
	PRED_NE,
	PRED_IN, /* strings or numbers */
	PRED_LT,
	PRED_LE,
	PRED_GT,
	PRED_GE,
	PRED_PREFIX,
	PRED_SUFFIX,
	PRED_CONTAINS,
	PRED_REGEX, /* regex and iregex: caseless is part of the compiled pattern */
	PRED_PHRASES, /* phrases and phrases_file: a phrase list in the regex_set */
	PRED_CIDR,
};

struct pred {
	uint8_t op;    /* enum pred_op */
	uint8_t field; /* enum req_field, leaves only */
	uint8_t type;  /* enum req_type of field, set by pred_finish */
	bool flag;     /* EXISTS: the wanted answer; EQ/NE on bools: the value */
	uint32_t n;    /* children, list items or CIDRs */
	uint32_t need; /* REQ_BIT()s that must be present for this to hold */
	uint16_t cost; /* rough evaluation cost, to try cheap children first (saturates) */
	uint16_t subj; /* string leaves: the subject (== field unless transformed) */
	/*
	 * method EQ, NE and IN naming known methods only (pred_finish): bit i
	 * for enum http_method i, tested against the record's method id, no
	 * text compared. 0: compare the text.
	 */
	uint16_t methods;
	/*
	 * What the record's method and status must be for p to hold, found by
	 * pred_finish from its method and status leaves (all bits: anything),
	 * so pred_match turns most records away from a policy about 404s or
	 * POSTs without a walk. Method: bit i for enum http_method i,
	 * PRED_QUICK_ABSENT without one. Status: bit status / 100 (0-9), 10
	 * past 999, PRED_QUICK_ABSENT without one.
	 */
	uint16_t quick_methods, quick_status;
	/*
	 * A status comparison at a class boundary (ge 400, lt 400, le 499,
	 * gt 99): quick_status is then exactly the statuses it holds for, and
	 * the leaf is answered from it, without a call.
	 */
	bool status_exact;
	union {
		struct pred **kids;   /* ALL, ANY, NOT (one kid) */
		struct gh_str str;    /* EQ, NE, PREFIX, SUFFIX, CONTAINS (owned copy) */
		struct gh_str *strs;  /* IN over strings (owned copies) */
		double num;           /* EQ, NE, LT, LE, GT, GE over numbers */
		double *nums;         /* IN over numbers */
		struct gh_addr addr;  /* EQ, NE over addresses */
		struct gh_cidr *cidrs; /* CIDR */
		int regex;            /* REGEX, PHRASES: id in the set's regex_set */
	} u;
};

/*
 * Nodes, child arrays, strings and lists of a policy set live in one arena:
 * packed together they stay in cache while every record walks them, and
 * they are released at once with the set.
 */
struct pred_arena;

struct pred_arena *pred_arena_new(void);
void pred_arena_free(struct pred_arena *a);
/* Zeroed, 16-byte aligned; NULL on -ENOMEM. */
void *pred_alloc(struct pred_arena *a, size_t size);

/*
 * Fill need and cost bottom-up and order the children of every ALL/ANY
 * cheapest first (both are free of side effects, so order is only speed).
 */
void pred_finish(struct pred *p);

/* Every regex of a policy set; ids are dense from 0. */
struct regex_set;

#define REGEX_PCRE2_ONLY 1U /* regex_set_compile: skip Hyperscan (tests) */

struct regex_set *regex_set_new(void);
void regex_set_free(struct regex_set *rs);
/*
 * The subject id of field f through chain (transform.h): f itself for chain
 * 0; the same (f, chain) gives the same id. -E2BIG past 65535, or -ENOMEM.
 */
int regex_set_subject(struct regex_set *rs, enum req_field f, uint32_t chain);
/* A leaf names field f: fields computed on demand (referer_query) are computed for records only then. */
void regex_set_name_field(struct regex_set *rs, enum req_field f);
/*
 * Add a pattern over a subject; the same (subject, pattern, caseless) gives
 * the same id. Returns the id, or -EINVAL with PCRE2's message and the error
 * offset written to err, or -ENOMEM.
 */
int regex_set_add(struct regex_set *rs, unsigned int subj, const char *pattern, size_t len,
		  bool caseless, char *err, size_t errlen);
/*
 * Add a finished phrase list over a subject, taking its contents (*pl is
 * emptied); an equal list over the same subject gives the same id. Returns
 * the id or -ENOMEM.
 */
int regex_set_add_phrases(struct regex_set *rs, unsigned int subj, struct phrase_list *pl);
/*
 * Keep the compiled databases in dir between loads (hs_cache.h; a copy of
 * the name is taken); NULL or "": compile every time (the default).
 * -ENOMEM.
 */
int regex_set_cache(struct regex_set *rs, const char *dir);
const char *regex_set_cache_dir(const struct regex_set *rs);
/* Build the per-field Hyperscan databases; call once after the last add. */
int regex_set_compile(struct regex_set *rs, unsigned int flags);
size_t regex_set_count(const struct regex_set *rs);
/* Whether pattern id is matched by Hyperscan (false: PCRE2 fallback). */
bool regex_uses_hyperscan(const struct regex_set *rs, int id);

/*
 * Evaluation state for one thread: Hyperscan scratch and per-record caches.
 * pred_eval_begin() starts a record; results for it stay cached until the
 * next begin, so a field is scanned once however many policies ask.
 */
struct pred_eval;

struct pred_eval *pred_eval_new(const struct regex_set *rs);
void pred_eval_free(struct pred_eval *ev);
void pred_eval_begin(struct pred_eval *ev, const struct request_record *r);
bool pred_match(const struct pred *p, struct pred_eval *ev);

/*
 * A necessary condition of p as pattern (or phrase list) ids: p can hold
 * only if one of the ids written to ids[] matches, or, when *unplain is
 * set, the record's request line is not plain (pred_plain_request).
 * Returns how many ids (at most max; 0 only with *unplain: the line
 * alone), or -1 when p has none (a leaf that is no pattern, a not, an any
 * with such a child, unless the line decides them). Patterns are preferred
 * to the line, and patterns over the path and query (what a probe is
 * about) to patterns over headers (a browser's User-Agent, which most
 * records match). ev: evaluation state of p's regex set, to decide what a
 * plain line rules out (pred_false_when_plain); NULL: patterns only. The
 * engine runs a match policy only when its condition is met, so hundreds
 * of signatures cost their fields' scans and not a walk each.
 */
int pred_gate(const struct pred *p, struct pred_eval *ev, int *ids, int max, bool *unplain);
/*
 * Which call of pred_eval_run covers pattern id: ids that share one
 * Hyperscan pass share a key (negative), others are their own.
 */
int regex_scan_key(const struct regex_set *rs, int id);
/* Run pattern id on this record (with every pattern of its pass). */
void pred_eval_run(struct pred_eval *ev, int id);
/*
 * The patterns to run on every record (the engine's gates), planned once:
 * the passes over one field cost one memo lookup together, not one each.
 * A later plan replaces the earlier. 0 or -ENOMEM.
 */
int pred_eval_plan(struct pred_eval *ev, const int *ids, size_t n);
/* pred_eval_run of every planned pattern on this record. */
void pred_eval_run_plan(struct pred_eval *ev);
/*
 * Field f's memo key for this record (pred_memo_hash of its value, "" when
 * absent), hashed once whoever asks: the CRS prefilter's memos are keyed by
 * the same values the gates' passes looked up.
 */
uint64_t pred_eval_key(struct pred_eval *ev, enum req_field f);
/*
 * Key field values with seed (default PRED_MEMO_SEED); before the first
 * record. With a secret one the engine's group keys and distinct counts,
 * which an attacker must not be able to make collide, take the same hashes.
 */
void pred_eval_seed(struct pred_eval *ev, uint64_t seed);
/*
 * A byte kept with field f's value in the memo of its own patterns' pass
 * (which this runs for the record if it has not), for one more answer
 * about the value: the CRS prefilter's, so a value the gates remember costs
 * the prefilter no lookup of its own. 0 when the value was first seen.
 * NULL: the value is not remembered (f has no patterns of its own, is
 * absent, too long, matched too many), or the tags are another owner's
 * (the first to ask owns them).
 */
uint8_t *pred_eval_value_tag(struct pred_eval *ev, enum req_field f, const void *owner);
/* The patterns that matched this record so far, each once. */
size_t pred_eval_hits(const struct pred_eval *ev, const int **ids);
/*
 * A plain request line: method GET, HEAD or POST, version HTTP/1.0, 1.1,
 * 2.0 or 3.0, an origin-form target, not marked malformed. Nearly every
 * record has one, and the policies about odd request lines (versions,
 * methods, target forms, proxy attempts) cannot hold on it.
 */
bool pred_plain_request(const struct request_record *r);
/*
 * Whether p holds on no record with a plain request line, whatever its
 * other fields: its leaves over the line's fields are tried on every value
 * such a line may have (ev: made from p's regex set; its record is left
 * changed). false: p may hold, or this cannot tell.
 */
bool pred_false_when_plain(const struct pred *p, struct pred_eval *ev);
/* Subject matches PCRE2 gave up on (match or JIT stack limit): counted as no match;
 * also transformed values cut short at PRED_XF_SCRATCH. */
uint64_t pred_eval_regex_errors(const struct pred_eval *ev);
/* Regex work so far: Hyperscan scans (at most one per field and record, none
 * for a value the memo remembers) plus PCRE2 matches (at most one per
 * fallback pattern and record). */
uint64_t pred_eval_scans(const struct pred_eval *ev);
/* Transformed subjects computed so far (at most one per subject and record). */
uint64_t pred_eval_transforms(const struct pred_eval *ev);

#endif /* GATEHAWK_PREDICATE_H */
