// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * suggest: the method on hand-made peaks (a benign source and attackers of
 * very different magnitudes, all peaks equal, le conditions, a current
 * value that flags none or cuts a cluster, round numbers, quantiles, the
 * Matthews correlation with labels), the labels file, and the collector
 * over a real engine: peaks per group and per condition (others held at
 * their current values), a rate policy's rate through the trace, prefix
 * groups, and the policy file rewritten with only the values changed.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/suggest.h"
#include "tap.h"

#define S 1000000000ULL

/* Peaks into points; labels from a string of 'b', 'a' or '.' (NULL: none). */
static size_t points(struct suggest_point *pts, const double *peaks, size_t n, const char *labels)
{
	for (size_t i = 0; i < n; i++)
		pts[i] = (struct suggest_point){
			.peak = peaks[i],
			.group = (uint32_t)i,
			.label = !labels ? SUGGEST_UNLABELLED
				 : labels[i] == 'b' ? SUGGEST_BENIGN
				 : labels[i] == 'a' ? SUGGEST_ATTACK : SUGGEST_UNLABELLED,
		};
	return n;
}

static struct suggest_result decide(const double *peaks, size_t n, const char *labels,
				    enum cmp_op op, double current, bool integer, bool ratio)
{
	struct suggest_point pts[64];
	struct suggest_spec spec = { .op = op, .current = current, .integer = integer,
				     .ratio = ratio, .labels = labels != NULL };
	struct suggest_result r;

	n = points(pts, peaks, n, labels);
	suggest_threshold(pts, &n, &spec, &r);
	return r;
}

static void test_benign_and_six_attackers(void)
{
	/* One browser; six attackers stopped at or above the threshold, each
	 * a different magnitude (the widest gap lies between two of them). */
	const double peaks[] = { 60000, 3, 40, 12, 900, 150, 5000 };
	const char *labels = "abaaaaa";
	struct suggest_result r = decide(peaks, 7, NULL, CMP_GE, 12, true, false);
	bool widest_elsewhere = false;

	ok(r.suggested, "benign 3, attackers 12..60000, ge 12: a suggestion (%s)", r.reason);
	ok(r.pick.value > 3 && r.pick.value <= 12,
	   "... between the benign peak and the lowest attacker (%g)", r.pick.value);
	ok(r.pick.value == floor(r.pick.value), "... a whole number for a count");
	ok_eq(r.pick.flags, 6, "... flags the six attackers");
	ok(strstr(r.reason, "natural break at the current value") != NULL, "... said why");
	for (size_t i = 0; i < r.n_breaks; i++)
		widest_elsewhere |= r.breaks[i].below == 5000 && r.breaks[i].above == 60000;
	ok(widest_elsewhere, "the widest gap (5000 .. 60000) is listed as a break, not chosen");

	r = decide(peaks, 7, NULL, CMP_GE, 1000, true, false);
	ok(r.suggested && r.pick.flags == r.current.flags && r.pick.flags == 2,
	   "ge 1000 (too high): without labels the same 2 groups stay flagged (%zu)", r.pick.flags);

	r = decide(peaks, 7, labels, CMP_GE, 1000, true, false);
	ok(r.suggested && r.pick.value > 3 && r.pick.value <= 12,
	   "with labels, ge 1000 moves between the browser and the lowest attacker (%g)",
	   r.pick.value);
	ok_eq(r.pick.tp, 6, "... 6 attack groups flagged");
	ok_eq(r.pick.fp, 0, "... no benign one");
	ok(fabs(r.pick.mcc - 1) < 1e-9, "... Matthews correlation 1 (%g)", r.pick.mcc);
	ok_eq(r.current.tp, 2, "the current value's TP (2 of 6)");
	ok(r.current.mcc < r.pick.mcc, "... and its lower correlation (%g)", r.current.mcc);
	ok(strstr(r.reason, "labels: best Matthews") != NULL, "... said why: %s", r.reason);
}

static void test_all_equal_and_empty(void)
{
	const double same[] = { 5, 5, 5, 5 };
	const double odd[] = { NAN, INFINITY, 4, -INFINITY };
	struct suggest_point pts[4];
	struct suggest_spec spec = { .op = CMP_GE, .current = 3, .integer = true };
	struct suggest_result r = decide(same, 4, NULL, CMP_GE, 10, true, false);
	size_t n;

	ok(!r.suggested, "all peaks 5: no suggestion");
	ok(strstr(r.reason, "all 4 groups peak at 5") != NULL, "... because: %s", r.reason);
	r = decide(same, 1, NULL, CMP_GE, 10, true, false);
	ok(!r.suggested && strstr(r.reason, "the 1 group peaks at 5") != NULL, "one group: %s",
	   r.reason);
	r = decide(same, 4, NULL, CMP_GE, 10, true, false);
	ok(r.min == 5 && r.max == 5 && r.q50 == 5, "... quantiles all 5");

	r = decide(same, 0, NULL, CMP_GE, 10, true, false);
	ok(!r.suggested && strstr(r.reason, "no group") != NULL, "no peaks: %s", r.reason);

	n = points(pts, odd, 4, NULL);
	suggest_threshold(pts, &n, &spec, &r);
	ok_eq(n, 1, "NaN and infinite peaks are left out");
	ok(!r.suggested && r.groups == 1, "... one group left, nothing to separate");

	r = decide(same, 4, NULL, CMP_EQ, 5, true, false);
	ok(!r.suggested && strstr(r.reason, "eq") != NULL, "an eq condition: %s", r.reason);
}

static void test_le_conditions(void)
{
	/* followups le 0: the bot never loads an asset, browsers mostly do. */
	const double ratios[] = { 0.74, 0.8, 0, 0.9 };
	const double paths[] = { 45, 2, 30 };
	const double cluster[] = { 0, 0.02, 0.03, 0.6, 0.7 };
	struct suggest_result r = decide(ratios, 4, NULL, CMP_LE, 0, false, true);

	ok(r.suggested, "ratio le 0 over bot 0, browsers 0.74..0.9: a suggestion (%s)", r.reason);
	ok(r.pick.value >= 0 && r.pick.value < 0.74, "... below the lowest browser (%g)",
	   r.pick.value);
	ok(fabs(r.pick.value - 0.4) < 1e-12, "... the round middle 0.4 (%.17g)", r.pick.value);
	ok_eq(r.pick.flags, 1, "... flags the bot only");
	ok(r.min == 0 && r.max == 0.9, "quantiles of the raw values: min 0, max 0.9");

	r = decide(paths, 3, NULL, CMP_LE, 3, true, false);
	ok(r.suggested && r.pick.value >= 2 && r.pick.value < 30 &&
	   r.pick.value == floor(r.pick.value) && r.pick.flags == 1,
	   "distinct le 3 over 2 | 30, 45: a whole value flagging the 2 only (%g)", r.pick.value);

	r = decide(cluster, 5, NULL, CMP_LE, 0.025, false, true);
	ok(r.suggested && r.current.flags == 2 && r.pick.flags == 3,
	   "le 0.025 cuts 0, 0.02 | 0.03: moves to the break below 0.6 (%zu flagged, %g)",
	   r.pick.flags, r.pick.value);
	ok(r.pick.value >= 0.03 && r.pick.value < 0.6, "... inside it (%g)", r.pick.value);

	r = decide(cluster, 5, NULL, CMP_LT, 0.5, false, true);
	ok(r.suggested && r.pick.flags == 3 && r.pick.value > 0.03 && r.pick.value <= 0.6,
	   "lt: the same break, its boundary on the other side (%g)", r.pick.value);
}

static void test_keep_and_move(void)
{
	/* One heavy browser (45 pages) among sources that fetch one page. */
	const double scraper[] = { 1, 1, 2, 1, 45 };
	const double cut[] = { 1, 1, 1, 20, 22, 25, 30 };
	const double tight[] = { 10, 11, 12, 13 };
	const double flood[] = { 0.2, 1, 3.2, 50.2 };
	const double steps[] = { 1, 3, 7 };
	struct suggest_result r = decide(scraper, 5, NULL, CMP_GE, 100, true, false);

	ok(!r.suggested && r.current.flags == 0, "ge 100 flags none of 1, 2, 45: kept");
	ok(strstr(r.reason, "flags none") && strstr(r.reason, "would flag 1"),
	   "... and the break below it is named: %s", r.reason);

	r = decide(scraper, 5, NULL, CMP_GE, 1, true, false);
	ok(!r.suggested && r.current.flags == 5 && strstr(r.reason, "flags all"),
	   "ge 1 flags all: kept (%s)", r.reason);

	r = decide(cut, 7, NULL, CMP_GE, 24, true, false);
	ok(r.suggested && r.pick.flags == 4 && r.pick.value > 1 && r.pick.value <= 20,
	   "ge 24 cuts 20..30: the nearest break, 1 | 20 (%g, %zu flagged)", r.pick.value,
	   r.pick.flags);
	ok(strstr(r.reason, "cuts a cluster") != NULL, "... said why: %s", r.reason);

	r = decide(tight, 4, NULL, CMP_GE, 12, true, false);
	ok(!r.suggested && strstr(r.reason, "no natural break"),
	   "10..13 cut at 12 with no break anywhere: kept (%s)", r.reason);

	r = decide(flood, 4, NULL, CMP_GT, 50, false, false);
	ok(r.suggested && r.pick.value == 10, "rate gt 50 over 0.2..3.2 | 50.2: the round 10 (%g)",
	   r.pick.value);

	r = decide(steps, 3, NULL, CMP_GE, 5, true, false);
	ok(!r.suggested && r.n_breaks == 0,
	   "exactly x2 (1, 3, 7 on 1 + x) is the step of small counts, not a break");
}

static void test_quantiles_and_labels_edges(void)
{
	double many[1000], mixed[] = { 1, 2, 50, 60 };
	struct suggest_result r;

	for (int i = 0; i < 1000; i++)
		many[i] = 1000 - i;
	{
		struct suggest_point pts[1000];
		struct suggest_spec spec = { .op = CMP_GE, .current = 500, .integer = true };
		size_t n = points(pts, many, 1000, NULL);

		suggest_threshold(pts, &n, &spec, &r);
	}
	ok(r.min == 1 && r.q50 == 500 && r.q90 == 900 && r.q99 == 990 && r.q999 == 999 &&
	   r.max == 1000, "nearest-rank quantiles of 1..1000: 500, 900, 990, 999, max 1000");

	r = decide(mixed, 4, "..aa", CMP_GE, 100, true, false);
	ok(!r.suggested || strstr(r.reason, "labels: no benign-labelled group") != NULL,
	   "attack labels only: the unlabelled method, said so (%s)", r.reason);
	ok(strncmp(r.reason, "labels: no benign", 17) == 0, "... reason starts with it");

	r = decide(mixed, 4, "aabb", CMP_GE, 100, true, false);
	ok(!r.suggested && strstr(r.reason, "no threshold separates"),
	   "benign above every attacker: nothing separates them (%s)", r.reason);
}

/* ---- labels file --------------------------------------------------------- */

static char *temp_file(const char *text)
{
	char *path = strdup("/tmp/test_suggest.XXXXXX");
	int fd = mkstemp(path);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		abort();
	close(fd);
	return path;
}

static void test_labels_file(void)
{
	char *good = temp_file("# who is who\n10.0.0.1 benign\n\n 10.0.0.7\tattack # bot\n"
			       "2001:db8::5 attack\n10.0.0.1 benign\n");
	char *bad = temp_file("10.0.0.1 benign\n10.0.0.2 evil\n");
	char *clash = temp_file("10.0.0.1 benign\n10.0.0.1 attack\n");
	struct suggest_labels *l = NULL;
	struct gh_cidr net;
	struct gh_err e = { 0 };

	ok_eq(suggest_labels_load(good, &l, &e), 0, "a labels file with comments and blanks loads");
	gh_cidr_parse("10.0.0.7", &net);
	ok_eq(suggest_labels_of(l, &net), SUGGEST_ATTACK, "an attack address");
	gh_cidr_parse("10.0.0.0/24", &net);
	ok_eq(suggest_labels_of(l, &net), SUGGEST_BENIGN, "a /24 holding a benign one is benign");
	gh_cidr_parse("2001:db8::/64", &net);
	ok_eq(suggest_labels_of(l, &net), SUGGEST_ATTACK, "an IPv6 /64 of attackers");
	gh_cidr_parse("10.0.1.0/24", &net);
	ok_eq(suggest_labels_of(l, &net), SUGGEST_UNLABELLED, "no label in 10.0.1.0/24");
	suggest_labels_free(l);

	ok_eq(suggest_labels_load(bad, &l, &e), -EINVAL, "an unknown label is refused");
	ok(strstr(e.msg, ":2: expected \"ADDRESS benign\"") != NULL && e.input && e.line == 2,
	   "... naming the line: %s", e.msg);
	memset(&e, 0, sizeof(e));
	ok_eq(suggest_labels_load(clash, &l, &e), -EINVAL, "an address labelled both ways too");
	ok(strstr(e.msg, "both benign and attack (lines 1 and 2)") != NULL, "... %s", e.msg);
	memset(&e, 0, sizeof(e));
	ok_eq(suggest_labels_load("/nonexistent/labels", &l, &e), -EINVAL, "a missing file");
	unlink(good);
	unlink(bad);
	unlink(clash);
	free(good);
	free(bad);
	free(clash);
}

/* ---- over an engine -------------------------------------------------------- */

static const char window_json[] =
	"{\"name\": \"logins\", \"description\": \"d\", \"kind\": \"window\",\n"
	" \"filter\": {\"field\": \"method\", \"eq\": \"POST\"},\n"
	" \"window\": {\"type\": \"sliding\", \"length\": \"1m\"},\n"
	" \"aggregates\": [{\"name\": \"n\", \"fn\": \"count\"},\n"
	"                {\"name\": \"paths\", \"fn\": \"distinct\", \"field\": \"path\"}],\n"
	" \"having\": {\"all\": [{\"agg\": \"n\", \"ge\": 10}, {\"agg\": \"paths\", \"le\": 2}]},\n"
	" \"action\": {\"type\": \"block\", \"ttl\": \"1h\"},\n"
	" \"fixtures\": {\"match\": [\"keep this/fixture as it is\"]}}\n";
static const char rate_json[] =
	"{\"name\": \"flood\", \"description\": \"d\", \"kind\": \"rate\", \"metric\": "
	"\"requests\", \"per_second\": 50, \"over\": \"5s\", \"prefix\": {\"ipv4\": 24},"
	" \"action\": {\"type\": \"alert\"}}";

static void feed(struct suggest *s, const char *src, const char *method, const char *path,
		 uint64_t ts_s)
{
	struct request_record r = { 0 };

	gh_addr_parse(src, &r.src);
	r.present = REQ_BIT(REQ_SRC_IP) | REQ_BIT(REQ_TS);
	r.ts_ns = ts_s * S;
	req_set_method(&r, method, (uint32_t)strlen(method));
	req_set_str(&r, REQ_PATH, &r.path, path, (uint32_t)strlen(path));
	suggest_feed(s, &r);
}

/* A policy's place among the collector's (suggest_group_name takes it). */
static size_t index_of(const struct suggest *s, const char *name)
{
	size_t i = 0;

	while (i < suggest_count(s) && strcmp(suggest_get(s, i)->p->name, name))
		i++;
	return i;
}

/* The name of the group with the highest flag-side peak of a condition. */
static const char *top_group(const struct suggest *s, const char *policy, uint8_t cond)
{
	const struct suggest_cond *c = &suggest_get(s, index_of(s, policy))->conds[cond];

	return suggest_group_name(s, index_of(s, policy), c->pts[c->n - 1].group);
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f)
		abort();
	fputs(text, f);
	fclose(f);
}

/*
 * A person: 2 POSTs on /login. A guesser: 30 POSTs on /login, 3 a second.
 * A crawler: 40 POSTs over 40 paths, one a second (its paths stay le 2 only
 * while it has made 2 requests, and n reaches 10 only with 10 paths).
 * 100 GETs in one second from the crawler's /24.
 */
static void feed_history(struct suggest *s, bool all)
{
	for (int i = 0; i < 2; i++)
		feed(s, "10.0.0.1", "POST", "/login", 100 + i * 20);
	for (int i = 0; i < 30; i++)
		feed(s, "10.0.0.9", "POST", "/login", 130 + i / 3);
	for (int i = 0; all && i < 40; i++) {
		char p[16];

		snprintf(p, sizeof(p), "/p%d", i);
		feed(s, "192.0.2.5", "POST", p, 150 + i);
	}
	for (int i = 0; all && i < 100; i++)
		feed(s, "192.0.2.6", "GET", "/", 200);
}

static void test_collect_and_rewrite(void)
{
	char dir[] = "/tmp/test_suggest_dir.XXXXXX", wpath[64], rpath[64], lpath[64];
	const struct suggest_cond *c;
	struct policy_set *ps = NULL;
	struct suggest_labels *labels = NULL;
	struct json_object *out = NULL, *all;
	struct gh_err e = { 0 };
	struct suggest *s = NULL;
	size_t w, r;

	if (!mkdtemp(dir))
		abort();
	snprintf(wpath, sizeof(wpath), "%s/logins.json", dir);
	snprintf(rpath, sizeof(rpath), "%s/rate.json", dir);
	snprintf(lpath, sizeof(lpath), "%s.labels", dir);
	write_text(wpath, window_json);
	write_text(rpath, rate_json);
	write_text(lpath, "10.0.0.1 benign\n10.0.0.9 attack\n192.0.2.5 attack\n");
	ok_eq(policy_set_load_dir(dir, NULL, NULL, &ps), 0, "a window and a rate policy load");
	ok_eq(suggest_labels_load(lpath, &labels, &e), 0, "labels load");
	ok_eq(suggest_new(ps, &s), 0, "the collector starts");
	feed_history(s, true);
	ok_eq(suggest_finish(s, NULL), 0, "finished");
	w = index_of(s, "logins");
	r = index_of(s, "flood");
	ok(w < suggest_count(s) && r < suggest_count(s) && suggest_count(s) == 2,
	   "both policies examined");

	ok_eq(suggest_get(s, w)->groups, 3, "logins: 3 groups took POSTs");
	c = &suggest_get(s, w)->conds[0];
	ok_eq(c->n, 3, "n ge 10 (with paths le 2 held): 3 groups");
	ok(c->r.max == 30 && c->r.min == 2, "... the guesser peaks at 30; the person and the "
	   "crawler (while its paths were le 2) at 2 (%g, %g)", c->r.max, c->r.min);
	ok_str(top_group(s, "logins", 0), "10.0.0.9", "... the top group is the guesser");
	ok(c->r.suggested && c->r.pick.value > 2 && c->r.pick.value <= 30 && c->r.pick.flags == 1,
	   "... a suggestion between them flagging the guesser (%g: %s)", c->r.pick.value,
	   c->r.reason);
	c = &suggest_get(s, w)->conds[1];
	ok(c->n == 2 && c->r.min == 1 && c->r.max == 10,
	   "paths le 2 (with n ge 10 held): the guesser's 1 path, the crawler's 10 (%zu)", c->n);
	ok_str(top_group(s, "logins", 1), "10.0.0.9", "... le: the guesser is on the flagged side");

	ok_eq(suggest_get(s, r)->groups, 2, "flood: one group per /24");
	c = &suggest_get(s, r)->conds[0];
	ok(c->r.max == 20 && c->r.min == 3, "the rate through the trace: 100 requests in a second "
	   "are 20/s over 5s, 3 a second stays 3/s (%g, %g)", c->r.max, c->r.min);
	ok_str(top_group(s, "flood", 0), "192.0.2.0/24", "... named as alerts name the prefix");
	ok(!c->r.suggested, "flood gt 50 flags none: kept (%s)", c->r.reason);

	/* Rewrite: only having's numbers change, the rest stays as parsed. */
	ok_eq(suggest_rewrite(suggest_get(s, w), &out, &e), 0, "rewritten");
	ok(out != NULL, "... something changed");
	all = json_object_object_get(json_object_object_get(out, "having"), "all");
	ok(json_object_get_double(json_object_object_get(json_object_array_get_idx(all, 0), "ge")) ==
	   suggest_get(s, w)->conds[0].r.pick.value, "having.all[0].ge is the suggestion");
	ok(json_object_get_double(json_object_object_get(json_object_array_get_idx(all, 1), "le")) ==
	   (suggest_get(s, w)->conds[1].r.suggested ? suggest_get(s, w)->conds[1].r.pick.value : 2),
	   "having.all[1].le is its own suggestion");
	ok_str(json_object_get_string(json_object_array_get_idx(json_object_object_get(
		       json_object_object_get(out, "fixtures"), "match"), 0)),
	       "keep this/fixture as it is", "fixtures untouched");
	ok_str(json_object_get_string(json_object_object_get(out, "description")), "d",
	       "description untouched");
	json_object_put(out);
	ok_eq(suggest_rewrite(suggest_get(s, r), &out, &e), 0, "the kept rate policy: no error");
	ok(out == NULL, "... and nothing to write");
	suggest_free(s);

	/* Again with labels, without the crawler. */
	ok_eq(suggest_new(ps, &s), 0, "a second collector");
	feed_history(s, false);
	ok_eq(suggest_finish(s, labels), 0, "finished with labels");
	c = &suggest_get(s, w)->conds[0];
	ok(c->r.attack == 1 && c->r.benign == 1, "one group of each label");
	ok(c->r.suggested && c->r.pick.tp == 1 && c->r.pick.fp == 0,
	   "the labelled pick flags the attacker only (%s)", c->r.reason);
	c = &suggest_get(s, r)->conds[0];
	ok(c->r.benign == 1 && c->r.attack == 0,
	   "flood's 10.0.0.0/24 holds the benign address: benign, though 10.0.0.9 attacks");
	suggest_free(s);
	suggest_labels_free(labels);
	policy_set_free(ps);
	unlink(wpath);
	unlink(rpath);
	unlink(lpath);
	rmdir(dir);
}

int main(void)
{
	test_benign_and_six_attackers();
	test_all_equal_and_empty();
	test_le_conditions();
	test_keep_and_move();
	test_quantiles_and_labels_edges();
	test_labels_file();
	test_collect_and_rewrite();
	return tap_done();
}
