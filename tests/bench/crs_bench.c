// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The CRS stage's cost per record on a replayed access log: (a) ModSecurity
 * with CRS on every record, (b) the Hyperscan prefilter first and CRS only
 * on what it marks (the memo answering what differs from a record scored
 * lately only in fields it did not mark, crs_memo.h). (a) is also the reference for the prefilter's recall:
 * every record CRS scores must be marked. Lines come from
 * tests/lib/gen_access_log.sh (benign browsers in 10/8, attackers in
 * 100.64/10) unless a log is given. A word fuzz (letters, digits, spaces and
 * the plain separators only, the ground the prefilter's keyword rows must
 * cover, in the query, path, User-Agent or Referer) checks recall where the
 * log has no attack.
 *
 *   build/tests/bench/crs_bench [-n LINES] [-l LOG] [-p PARANOIA] [-f FUZZ] [-s SEED]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "engine/crs.h"
#include "input/access_log.h"

struct corpus {
	char **lines;
	struct request_record *recs;
	size_t n, cap;
};

/* Per record kind (benign, attacker): how many, marked, scored, flagged, missed. */
struct tally {
	size_t n, marked, scored, flagged, missed_scored, missed_flagged;
};

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int corpus_add(struct corpus *c, const char *line, size_t len)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 4096;
		char **l = realloc(c->lines, cap * sizeof(*l));
		struct request_record *r = l ? realloc(c->recs, cap * sizeof(*r)) : NULL;

		if (l)
			c->lines = l;
		if (!r)
			return -1;
		c->recs = r;
		c->cap = cap;
	}
	c->lines[c->n] = strndup(line, len);
	if (!c->lines[c->n] ||
	    access_log_parse(ACCESS_LOG_COMBINED, c->lines[c->n], len, &c->recs[c->n])) {
		free(c->lines[c->n]);
		return 0; /* a line the parser refuses is no record */
	}
	c->n++;
	return 0;
}

static int read_log(struct corpus *c, const char *path, long lines)
{
	char cmd[256], *line = NULL;
	size_t cap = 0;
	ssize_t len;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "tests/lib/gen_access_log.sh -n %ld", lines);
	f = path ? fopen(path, "r") : popen(cmd, "r");
	if (!f)
		return -1;
	while ((len = getline(&line, &cap, f)) > 0) {
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		if (corpus_add(c, line, (size_t)len))
			break;
	}
	free(line);
	return path ? fclose(f) : pclose(f);
}

/* gen_access_log.sh's attackers live in 100.64.0.0/10. */
static bool is_attacker(const struct request_record *r)
{
	return req_has(r, REQ_SRC_IP) && r->src.family == AF_INET && r->src.bytes[0] == 100;
}

/* (a): CRS on every record; scores[i] keeps the reference. */
static double run_full(const struct crs_engine *e, const struct corpus *c, unsigned int *scores)
{
	struct crs_result res;
	double t0 = now();

	for (size_t i = 0; i < c->n; i++)
		scores[i] = crs_eval_full(e, &c->recs[i], &res) ? 0 : res.score;
	return now() - t0;
}

/* Of the marked records, those the memo answered without a ModSecurity run (crs_memo.h). */
static size_t remembered;

/* (b): prefilter, then CRS for what it marks; marked[i] says which. */
static double run_filtered(const struct crs_engine *e, struct crs_ctx *ctx,
			   const struct corpus *c, bool *marked)
{
	struct crs_result res;
	double t0 = now();

	remembered = 0;
	for (size_t i = 0; i < c->n; i++) {
		crs_eval(e, ctx, &c->recs[i], &res);
		marked[i] = res.evaluated;
		remembered += res.remembered;
	}
	return now() - t0;
}

/* Kept so the compiler cannot drop the prefilter-only loop. */
static volatile size_t sink;

/* The prefilter alone: what a record CRS never sees costs. */
static double run_prefilter(const struct crs_engine *e, struct crs_ctx *ctx,
			    const struct corpus *c)
{
	double t0 = now();
	size_t marked = 0;

	for (size_t i = 0; i < c->n; i++)
		marked += crs_prefilter_marks(e, ctx, &c->recs[i], NULL);
	sink = marked;
	return now() - t0;
}

static void count(struct tally *t, unsigned int score, bool marked, unsigned int threshold)
{
	t->n++;
	t->marked += marked;
	t->scored += score > 0;
	t->flagged += score >= threshold;
	t->missed_scored += score > 0 && !marked;
	t->missed_flagged += score >= threshold && !marked;
}

static void print_tally(const char *name, const struct tally *t)
{
	printf("| %s | %zu | %zu (%.2f %%) | %zu | %zu | %zu | %zu |\n", name, t->n, t->marked,
	       t->n ? 100.0 * (double)t->marked / (double)t->n : 0.0, t->scored, t->flagged,
	       t->missed_scored, t->missed_flagged);
}

static void report_log(const struct crs_engine *e, const struct corpus *c,
		       const unsigned int *scores, const bool *marked, const double t[3])
{
	struct tally kind[2] = { { 0 } };
	size_t reached = 0;

	for (size_t i = 0; i < c->n; i++) {
		count(&kind[is_attacker(&c->recs[i])], scores[i], marked[i], crs_threshold(e));
		reached += marked[i];
	}
	printf("| setup | us/record | records/s |\n|---|---:|---:|\n");
	printf("| (a) CRS on every record | %.2f | %.0f |\n", 1e6 * t[0] / (double)c->n,
	       (double)c->n / t[0]);
	printf("| (b) prefilter + CRS on marked | %.2f | %.0f |\n", 1e6 * t[1] / (double)c->n,
	       (double)c->n / t[1]);
	printf("| (c) the prefilter alone | %.2f | %.0f |\n", 1e6 * t[2] / (double)c->n,
	       (double)c->n / t[2]);
	printf("\nspeed-up (a)/(b): %.1fx; records reaching CRS: %zu of %zu (%.2f %%), of them "
	       "%zu answered by the memo (ModSecurity runs: %zu, %.2f %% of the records)\n\n",
	       t[0] / t[1], reached, c->n, 100.0 * (double)reached / (double)c->n, remembered,
	       reached - remembered, 100.0 * (double)(reached - remembered) / (double)c->n);
	printf("| records | n | reach CRS | CRS score > 0 | CRS flags (>= %u) | scored, skipped |"
	       " flagged, skipped |\n|---|---:|---:|---:|---:|---:|---:|\n",
	       crs_threshold(e));
	print_tally("benign (10/8)", &kind[0]);
	print_tally("attackers (100.64/10)", &kind[1]);
}

/* ---- word fuzz ------------------------------------------------------------ */

static const char *const vocab[] = {
	"1", "0", "42", "x", "id", "admin", "user", "users", "password", "select", "union", "all",
	"from", "where", "order", "by", "group", "having", "is", "not", "null", "or", "and", "xor",
	"like", "in", "between", "true", "false", "sleep", "benchmark", "exec", "table", "drop",
	"insert", "into", "values", "update", "delete", "limit", "desc", "case", "when", "then",
	"cat", "ls", "id", "time", "ping", "wget", "curl", "nc", "bash", "sh", "echo", "etc",
	"passwd", "bin", "tmp", "var", "www", "html", "index", "php", "phpinfo", "system",
	"eval", "base64", "decode", "java", "lang", "runtime", "script", "alert", "onload",
	"onerror", "style", "src", "href", "javascript", "iframe", "svg", "body", "img", "red",
	"shoes", "black", "white", "cheap", "flights", "to", "paris", "how", "the", "a", "best",
	"movies", "of", "2024", "version", "show", "match", "against", "load", "file", "data",
	"xp_cmdshell", "information_schema", "waitfor", "delay", "char", "concat", "ascii",
	"offset", "procedure", "function", "join", "inner", "outer", "exists", "distinct", "dump",
	"instr", "substr", "cast", "convert", "column", "view", "goto", "openrowset", "rlike",
	"regexp", "replace", "nand", "asc", "mod", "div", "truncate", "rename", "alter", "merge",
	"infile", "outfile", "declare", "shutdown", "create", "database", "schema", "master",
	"mysql", "tempdb", "pg_sleep", "sqlite_master", "group_concat", "load_file", "iif", "sys",
};

static const char *const joins[] = { "+", "%20", "+", "/", ".", "-", "_", ",", "=", "&" };

/* What people type in a shop's search box: benign, English, some of it SQL's words too. */
static const char *const search_words[] = {
	"red", "black", "white", "blue", "shoes", "boots", "jacket", "dress", "shirt", "for",
	"men", "women", "kids", "size", "10", "42", "xl", "cheap", "best", "new", "sale", "with",
	"and", "or", "not", "in", "on", "the", "a", "to", "from", "by", "leather", "wool",
	"cotton", "running", "winter", "summer", "gift", "ideas", "under", "50", "how", "wash",
	"order", "status", "return", "policy", "select", "size", "guide", "table", "lamp", "all",
	"sizes", "show", "more", "like", "this", "case", "phone", "user", "manual", "version",
};
static const char *const plus[] = { "+" };

/* A word list, how to join its words, and in how many places (of fuzz_record's) to put them. */
struct vocab {
	const char *const *words, *const *joins;
	unsigned int n_words, n_joins, places;
	const char *name;
};

#define NELEM(a) (unsigned int)(sizeof(a) / sizeof((a)[0]))
static const struct vocab attack_vocab = {
	vocab, joins, NELEM(vocab), NELEM(joins), 4,
	"word fuzz (words in the query, path, User-Agent or Referer)",
};
static const struct vocab search_vocab = {
	search_words, plus, NELEM(search_words), 1, 1, "benign site search (2-6 words in q=)",
};

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static unsigned int rnd(unsigned int n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned int)(rng % n);
}

/* 1-6 (2-6 for one-place lists) words of v joined by its joiners, after prefix. */
static void fuzz_text(char *buf, size_t size, const char *prefix, const struct vocab *v)
{
	unsigned int words = (v->places == 1 ? 2 + rnd(5) : 1 + rnd(6));
	size_t n = (size_t)snprintf(buf, size, "%s", prefix);

	for (unsigned int w = 0; w < words && n < size - 40; w++) {
		if (w)
			n += (size_t)snprintf(buf + n, size - n, "%s", v->joins[rnd(v->n_joins)]);
		n += (size_t)snprintf(buf + n, size - n, "%s", v->words[rnd(v->n_words)]);
	}
}

/* A browser's request with the fuzz text in the query, the path, the User-Agent or the Referer. */
static void fuzz_record(struct request_record *r, char *text, size_t size,
			const struct vocab *v)
{
	static const char ua[] = "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0";
	static const char *const prefix[] = { "q=", "/", "", "https://shop.example/" };
	unsigned int where = rnd(v->places);

	memset(r, 0, sizeof(*r));
	fuzz_text(text, size, prefix[where], v);
	req_set_method(r, "GET", 3);
	req_set_str(r, REQ_VERSION, &r->version, "HTTP/1.1", 8);
	req_set_str(r, REQ_PATH, &r->path, "/search", 7);
	req_set_str(r, REQ_USER_AGENT, &r->user_agent, ua, sizeof(ua) - 1);
	if (where == 0)
		req_set_str(r, REQ_QUERY, &r->query, text, (uint32_t)strlen(text));
	else if (where == 1)
		req_set_str(r, REQ_PATH, &r->path, text, (uint32_t)strlen(text));
	else if (where == 2)
		req_set_str(r, REQ_USER_AGENT, &r->user_agent, text, (uint32_t)strlen(text));
	else
		req_set_str(r, REQ_REFERER, &r->referer, text, (uint32_t)strlen(text));
}

static void run_fuzz(const struct crs_engine *e, struct crs_ctx *ctx, long n,
		     const struct vocab *v)
{
	size_t scored = 0, marked = 0, missed = 0;
	struct request_record r;
	struct crs_result res;
	char q[256];

	for (long i = 0; i < n; i++) {
		bool m;

		fuzz_record(&r, q, sizeof(q), v);
		m = crs_prefilter_marks(e, ctx, &r, NULL);
		marked += m;
		if (crs_eval_full(e, &r, &res) || !res.score)
			continue;
		scored++;
		if (!m && ++missed <= 10)
			printf("  missed: %s (score %u, rule %u)\n", q, res.score,
			       res.n_hits ? res.hits[0].id : 0);
	}
	printf("\n%s: %ld records, %zu scored by CRS, %zu (%.1f %%) marked by the prefilter, "
	       "%zu scored but skipped\n",
	       v->name, n, scored, marked, 100.0 * (double)marked / (double)(n ? n : 1), missed);
}

struct args {
	struct crs_options o;
	const char *log; /* NULL: gen_access_log.sh */
	long lines, fuzz;
};

static int parse_args(int argc, char **argv, struct args *a)
{
	int opt;

	*a = (struct args){ .lines = 100000, .fuzz = 5000 };
	while ((opt = getopt(argc, argv, "n:l:p:f:s:")) != -1) {
		if (opt == 'n')
			a->lines = atol(optarg);
		else if (opt == 'l')
			a->log = optarg;
		else if (opt == 'p')
			a->o.paranoia = (unsigned int)atoi(optarg);
		else if (opt == 'f')
			a->fuzz = atol(optarg);
		else if (opt == 's')
			rng = strtoull(optarg, NULL, 0) | 1; /* xorshift must not start at 0 */
		else
			return -1;
	}
	return 0;
}

/* (a), (b) and their report on the log's records. */
static int bench_log(const struct crs_engine *e, struct crs_ctx *ctx, const struct corpus *c)
{
	unsigned int *scores = calloc(c->n, sizeof(*scores));
	bool *marked = calloc(c->n, sizeof(*marked));
	double t[3];

	if (!scores || !marked) {
		free(scores);
		free(marked);
		return -1;
	}
	t[0] = run_full(e, c, scores);
	t[1] = run_filtered(e, ctx, c, marked);
	t[2] = run_prefilter(e, ctx, c);
	report_log(e, c, scores, marked, t);
	free(scores);
	free(marked);
	return 0;
}

int main(int argc, char **argv)
{
	struct crs_engine *e = NULL;
	struct gh_err err = { 0 };
	struct corpus c = { 0 };
	struct crs_ctx *ctx;
	struct args a;
	double t0 = now();

	if (parse_args(argc, argv, &a))
		return fprintf(stderr, "usage: %s [-n LINES] [-l LOG] [-p PL] [-f FUZZ] [-s SEED]\n", argv[0]), 2;
	if (crs_open(&a.o, &e, &err))
		return fprintf(stderr, "crs_open: %s\n", err.msg), 1;
	printf("## CRS stage (paranoia %u, threshold %u): %zu rule files and prefilter built "
	       "in %.2f s\n\n",
	       crs_paranoia(e), crs_threshold(e), crs_rule_files(e), now() - t0);
	if (read_log(&c, a.log, a.lines) || !c.n)
		return fprintf(stderr, "no records from %s\n", a.log ? a.log : "gen_access_log.sh"), 1;
	printf("%zu records (%s), one core\n\n", c.n, a.log ? a.log : "gen_access_log.sh");
	ctx = crs_ctx_new(e);
	if (!ctx || bench_log(e, ctx, &c))
		return fprintf(stderr, "out of memory\n"), 1;
	run_fuzz(e, ctx, a.fuzz, &attack_vocab);
	run_fuzz(e, ctx, a.fuzz / 5, &search_vocab);
	crs_ctx_free(ctx);
	crs_close(e);
	return 0;
}
