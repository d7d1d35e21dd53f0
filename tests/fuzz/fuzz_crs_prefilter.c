// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The CRS prefilter's one promise (crs_prefilter.h): it never loses recall.
 * Every request the fuzzer makes goes both to the prefilter
 * (crs_prefilter_marks) and to ModSecurity with CRS (crs_eval_full); a score
 * that could flag (the engine's lowest flagging score, 5 at the defaults)
 * on a record the prefilter did not mark prints the request and the rules
 * that fired, then traps.
 *
 * One engine at paranoia 1 with the prefilter, crs_options' defaults, as
 * tests/unit/test_crs.c opens it. Without CRS installed
 * (CRS_DEFAULT_RULES_DIR) every input is a no-op.
 *
 * An input is two control bytes, then the fields separated by 0x00:
 *   byte 0:  bits 0-2 the method (METHODS), bits 3-7 whether the query,
 *            User-Agent, Referer, Host and Accept are present (a present
 *            field may be empty);
 *   byte 1:  bit i: field i is mapped into its plain alphabet (PATH_PLAIN,
 *            URL_PLAIN, HDR_PLAIN), each byte b to alphabet[b % size]: random bytes
 *            are nearly all outside it and would always be marked, where
 *            the misses are among records the prefilter lets through;
 *   fields:  path, query, User-Agent, Referer, Host, Accept; a missing one
 *            is empty; each cut at FIELD_MAX bytes.
 * The path gets a leading '/' when it has none. Version HTTP/1.1, a source
 * address, nothing else.
 *
 * ModSecurity is not instrumented, so the fuzzer would not see which rules
 * a request made fire. Its answer is fed back as extra coverage
 * (__libfuzzer_extra_counters): each rule that fired and each score, apart
 * for marked and unmarked records. An unmarked record that scores at all
 * (a rule of 2 or 3 below the threshold) is kept, and the fuzzer can build
 * on it toward one that scores 5.
 *
 * The prefilter's context keeps its per-value memos from input to input
 * (answers that depend on the value alone); a miss is checked again with a
 * new context, and the report says whether the memo played a part. The same
 * context's CRS memo (crs_memo.h) answers each record too, often with what
 * ModSecurity said of an earlier one: a score that differs from
 * ModSecurity's own for this record traps as well.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/crs.h"
#include "fuzz_checks.h"

#define FIELD_MAX 512
#define NFIELDS 6
#define FEATURES 8192

static const char *const METHODS[8] = { "GET", "POST", "HEAD", "OPTIONS",
					"GET", "GET",  "PUT",  "DELETE" };
/* The prefilter's plain alphabets (crs_prefilter.c's first rows), '%' and '+' added. */
static const char URL_PLAIN[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
				"/._=&,- +%";
/* The path's adds ':', ';' and '@'. */
static const char PATH_PLAIN[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
				 "/._=&,- +%:;@";
static const char HDR_PLAIN[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
				"/._=&,- ;:()*?#!@~+[]%";
static const char *const NAMES[NFIELDS] = { "path",    "query", "User-Agent",
					    "Referer", "Host",  "Accept" };

static struct crs_engine *engine;
static struct crs_ctx *ctx;
static unsigned int lowest; /* the lowest score that can flag */

/* ModSecurity's answer as coverage: libFuzzer clears it before each run. */
__attribute__((section("__libfuzzer_extra_counters"), used)) static uint8_t answer[FEATURES];

static void feature(uint32_t v)
{
	v *= 0x9e3779b1u;
	v ^= v >> 15;
	answer[v % FEATURES] = 1;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct crs_options o = { .paranoia = 1 };
	struct gh_err err = { 0 };

	(void)argc;
	(void)argv;
	if (access(CRS_DEFAULT_RULES_DIR, R_OK)) {
		fprintf(stderr, "fuzz_crs_prefilter: no %s, every input is a no-op\n",
			CRS_DEFAULT_RULES_DIR);
		return 0;
	}
	if (crs_open(&o, &engine, &err)) {
		fprintf(stderr, "fuzz_crs_prefilter: crs_open: %s (%s:%u)\n", err.msg,
			err.file, err.line);
		check(0);
	}
	check((ctx = crs_ctx_new(engine)));
	lowest = crs_corroborated_threshold(engine) ? crs_corroborated_threshold(engine)
						    : crs_threshold(engine);
	return 0;
}

/* The request an input describes, its fields copied into buf. */
struct fields {
	const char *p[NFIELDS];
	size_t len[NFIELDS];
	bool present[NFIELDS];
	const char *method;
	char buf[NFIELDS][FIELD_MAX];
};

static void split(const uint8_t *data, size_t size, struct fields *f)
{
	const char *p = (const char *)data + 2, *end = (const char *)data + size;

	f->method = METHODS[data[0] & 7];
	f->present[0] = true;
	for (int i = 1; i < NFIELDS; i++)
		f->present[i] = data[0] & (1u << (i + 2));
	for (int i = 0; i < NFIELDS; i++) {
		const char *nul = memchr(p, 0, (size_t)(end - p)), *stop = nul ? nul : end;
		const char *abc = i == 0 ? PATH_PLAIN : i == 1 ? URL_PLAIN : HDR_PLAIN;
		size_t n = strlen(abc), at = 0;
		size_t len = (size_t)(stop - p);

		if (!i && (!len || *p != '/'))
			f->buf[0][at++] = '/';
		for (size_t k = 0; k < len && at < FIELD_MAX; k++)
			f->buf[i][at++] = data[1] & (1u << i) ? abc[(uint8_t)p[k] % n] : p[k];
		if (!i && f->buf[0][0] != '/') /* mapped: the first byte too */
			f->buf[0][0] = '/';
		f->p[i] = f->buf[i];
		f->len[i] = at;
		p = nul ? nul + 1 : end;
	}
}

/* As test_crs.c's build(): one string per present field, HTTP/1.1, a source address. */
static void build(struct request_record *r, const struct fields *f)
{
	static const struct {
		enum req_field f;
		size_t off;
	} slots[NFIELDS] = {
		{ REQ_PATH, offsetof(struct request_record, path) },
		{ REQ_QUERY, offsetof(struct request_record, query) },
		{ REQ_USER_AGENT, offsetof(struct request_record, user_agent) },
		{ REQ_REFERER, offsetof(struct request_record, referer) },
		{ REQ_HOST, offsetof(struct request_record, host) },
		{ REQ_ACCEPT, offsetof(struct request_record, accept) },
	};

	memset(r, 0, sizeof(*r));
	req_set_method(r, f->method, (uint32_t)strlen(f->method));
	req_set_str(r, REQ_VERSION, &r->version, "HTTP/1.1", 8);
	for (int i = 0; i < NFIELDS; i++)
		if (f->present[i])
			req_set_str(r, slots[i].f, (struct gh_str *)((char *)r + slots[i].off),
				    f->p[i], (uint32_t)f->len[i]);
	gh_addr_parse("192.0.2.7", &r->src);
	r->present |= REQ_BIT(REQ_SRC_IP);
}

/* A field as a C string literal would spell it. */
static void put_escaped(const char *p, size_t len)
{
	fputc('"', stderr);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c == '"' || c == '\\')
			fprintf(stderr, "\\%c", c);
		else if (c >= 0x20 && c < 0x7f)
			fputc(c, stderr);
		else
			fprintf(stderr, "\\x%02x", c);
	}
	fputc('"', stderr);
}

static void print_request(const struct fields *f, const struct crs_result *res)
{
	fprintf(stderr, "  method: %s\n", f->method);
	for (int i = 0; i < NFIELDS; i++) {
		fprintf(stderr, "  %s: ", NAMES[i]);
		if (f->present[i])
			put_escaped(f->p[i], f->len[i]);
		else
			fputs("(absent)", stderr);
		fputc('\n', stderr);
	}
	fprintf(stderr, "  rules (%u fired):\n", res->n_fired);
	for (unsigned int i = 0; i < res->n_hits; i++)
		fprintf(stderr, "    %u %s\n", res->hits[i].id, res->hits[i].msg);
}

static void report(const struct fields *f, const struct crs_result *res,
		   const struct request_record *r)
{
	struct crs_ctx *fresh = crs_ctx_new(engine);

	fprintf(stderr, "\nfuzz_crs_prefilter: CRS scores %u (>= %u), the prefilter did not mark\n",
		res->score, lowest);
	print_request(f, res);
	if (fresh)
		fprintf(stderr, "  a new context: %s\n",
			crs_prefilter_marks(engine, fresh, r, NULL) ? "marked (the memo's miss)"
								     : "not marked either");
	crs_ctx_free(fresh);
}

/*
 * The memo's premise (crs_memo.h): records that differ only in fields the
 * prefilter did not mark score alike. ctx remembers answers from input to
 * input, and the fuzzer's mutations change one field at a time, so its
 * answer for this record is often another record's: it must be
 * ModSecurity's own for this one.
 */
static void check_memo(const struct fields *f, struct request_record *r,
		       const struct crs_result *full)
{
	static uint64_t inputs;
	struct crs_result res;

	r->ts_ns = ++inputs * 1000000000ULL; /* a second apart: the budget never sheds */
	check(!crs_eval(engine, ctx, r, &res));
	if (res.evaluated && res.score != full->score) {
		fprintf(stderr, "\nfuzz_crs_prefilter: the memo answers %u, ModSecurity %u\n",
			res.score, full->score);
		print_request(f, full);
		check(0);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fields f;
	struct request_record r;
	struct crs_result res;
	bool marked;

	if (!engine || size < 2)
		return 0;
	split(data, size, &f);
	build(&r, &f);
	marked = crs_prefilter_marks(engine, ctx, &r, NULL);
	check(!crs_eval_full(engine, &r, &res));
	for (unsigned int i = 0; i < res.n_hits; i++)
		feature(res.hits[i].id * 2 + marked);
	feature(0x80000000u | (res.score < 64 ? res.score : 64) << 1 | marked);
	if (res.score >= lowest && !marked) {
		report(&f, &res, &r);
		check(0);
	}
	check_memo(&f, &r, &res);
	return 0;
}
