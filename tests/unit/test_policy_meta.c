// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * What a policy says about itself: references (kept, put in alerts),
 * fixtures (inline lines, arrays, log files next to the policy; bad ones
 * refused with the field named), and `policy test`'s runner giving real
 * answers. Also directory loading: subdirectories, dot names skipped, and a
 * FIFO named *.json refused instead of hanging the loader.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/alert.h"
#include "engine/policy.h"
#include "engine/policy_test.h"
#include "tap.h"

static char root[] = "/tmp/gh-policy-meta-XXXXXX";
static char msgs[4096];

static void collect(void *ctx, const char *msg)
{
	(void)ctx;
	strncat(msgs, msg, sizeof(msgs) - strlen(msgs) - 2);
	strcat(msgs, "\n");
}

static const struct policy_report rep = { collect, NULL };

static void put(const char *rel, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static void dir(const char *rel)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	mkdir(path, 0700);
}

/* A combined log line, as a JSON string's content (quotes escaped) and raw. */
#define LINE(ip, path) ip " - - [10/Oct/2025:13:55:36 +0000] \\\"GET " path " HTTP/1.1\\\" 404 0 \\\"-\\\" \\\"Mozilla/5.0\\\""
#define RAW_LINE(ip, path) ip " - - [10/Oct/2025:13:55:36 +0000] \"GET " path " HTTP/1.1\" 404 0 \"-\" \"Mozilla/5.0\""

static const char probe[] =
	"{\"name\": \"env-probe\", \"description\": \"d\", \"kind\": \"match\",\n"
	" \"references\": [\"CVE-2000-0001\", \"https://example.org/advisory\"],\n"
	" \"where\": {\"field\": \"path\", \"suffix\": \"/.env\"},\n"
	" \"action\": {\"type\": \"block\", \"ttl\": \"1h\"},\n"
	" \"fixtures\": {\"match\": [\"" LINE("203.0.113.1", "/.env") "\",\n"
	"                          {\"file\": \"fixtures/env.log\"}],\n"
	"              \"no_match\": [[\"" LINE("203.0.113.2", "/env") "\", \""
	LINE("203.0.113.2", "/.env.example") "\"]]}}\n";

static const char burst[] =
	"{\"name\": \"burst\", \"description\": \"d\", \"kind\": \"window\",\n"
	" \"group_by\": [\"src_ip\"], \"window\": {\"type\": \"sliding\", \"length\": \"1m\"},\n"
	" \"aggregates\": [{\"name\": \"n\", \"fn\": \"count\"}], \"having\": {\"agg\": \"n\", \"ge\": 3},\n"
	" \"action\": {\"type\": \"alert\"},\n"
	" \"fixtures\": {\"match\": [[\"" LINE("198.51.100.1", "/a") "\", \""
	LINE("198.51.100.1", "/b") "\", \"" LINE("198.51.100.1", "/c") "\"]],\n"
	"              \"no_match\": [[\"" LINE("198.51.100.1", "/a") "\", \""
	LINE("198.51.100.2", "/b") "\"], [\"not a log line\"]]}}\n";

static struct policy *by_name(struct policy_set *ps, const char *name)
{
	for (size_t i = 0; ps && i < ps->count; i++)
		if (!strcmp(ps->policies[i].name, name))
			return &ps->policies[i];
	return NULL;
}

static void test_load_and_run(void)
{
	struct policy_set *ps = NULL;
	struct fixture_result r[4];
	struct policy *p, *b;
	int err;

	dir("exploits");
	dir("exploits/fixtures");
	dir(".hidden");
	put("exploits/env.json", probe);
	put("exploits/fixtures/env.log", "\n" RAW_LINE("203.0.113.3", "/app/.env") "\n\n");
	put("burst.json", burst);
	put(".hidden/ignored.json", "not json");
	put("notes.txt", "not a policy");
	msgs[0] = '\0';
	err = policy_set_load_dir(root, NULL, &rep, &ps);
	ok_eq(err, 0, "a directory with a subdirectory loads");
	if (err) {
		tap_diag("%s", msgs);
		return;
	}
	ok_eq(ps->count, 2, "both policies, the dot directory and .txt ignored");
	p = by_name(ps, "env-probe");
	b = by_name(ps, "burst");
	ok(p && b, "policies found by name");
	if (!p || !b)
		return;
	ok_eq(p->n_references, 2, "references kept");
	ok_str(p->references[0], "CVE-2000-0001", "... in order");
	ok_eq(p->n_fixtures, 3, "fixtures: two match, one no_match");
	ok(p->fixtures[0].must_fire && p->fixtures[1].must_fire && !p->fixtures[2].must_fire,
	   "... with their kinds");
	ok(p->fixtures[1].file && strstr(p->fixtures[1].file, "/exploits/fixtures/env.log"),
	   "a fixture file is kept as a path beside the policy");
	ok_eq(p->fixtures[2].n_lines, 2, "an array fixture keeps its lines");

	for (int i = 0; i < 3; i++)
		policy_fixture_run(ps, p, &p->fixtures[i], &r[i]);
	ok(r[0].fired == 1 && !r[0].bad_line, "inline match fixture fires");
	ok(r[1].fired == 1 && !r[1].file_err, "file fixture read at test time, blank lines "
	   "skipped, and fires");
	ok(r[2].fired == 0 && !r[2].bad_line, "near misses do not fire");
	policy_fixture_run(ps, b, &b->fixtures[0], &r[0]);
	ok_eq(r[0].fired, 1, "window fixture: three lines fire once");
	policy_fixture_run(ps, b, &b->fixtures[1], &r[1]);
	ok_eq(r[1].fired, 0, "two sources, one each: no fire");
	policy_fixture_run(ps, b, &b->fixtures[2], &r[2]);
	ok_eq(r[2].bad_line, 1, "a line that does not parse is named");
	{
		struct policy_fixture missing = { .must_fire = true, .file = "/nonexistent/x.log" };

		policy_fixture_run(ps, b, &missing, &r[3]);
		ok_eq(r[3].file_err, -ENOENT, "a missing fixture file is reported at test time");
	}

	{
		struct verdict v = { .policy = p, .ts_ns = 1 };
		struct json_object *o = alert_to_json(&v), *refs;

		ok(json_object_object_get_ex(o, "references", &refs) &&
			   json_object_array_length(refs) == 2 &&
			   !strcmp(json_object_get_string(json_object_array_get_idx(refs, 1)),
				   "https://example.org/advisory"),
		   "alerts carry the references");
		json_object_put(o);
	}
	policy_set_free(ps);
}

static int parse_one(const char *json, struct policy_set **ps)
{
	msgs[0] = '\0';
	*ps = NULL;
	return policy_set_parse("p.json", json, strlen(json), 0, &rep, ps);
}

#define HEAD "{\"name\": \"x\", \"description\": \"d\", \"kind\": \"match\", " \
	     "\"where\": {\"field\": \"path\", \"eq\": \"/\"}, \"action\": {\"type\": \"alert\"}, "

static void test_errors(void)
{
	static const struct {
		const char *json, *msg;
	} bad[] = {
		{ HEAD "\"references\": []}", "p.json: references: expected 1 to 16 references, got 0" },
		{ HEAD "\"references\": [\"\"]}", "p.json: references[0]: expected a non-empty string" },
		{ HEAD "\"references\": \"CVE-1\"}", "p.json: references: expected an array" },
		{ HEAD "\"fixtures\": {}}", "p.json: fixtures: expected 1 to 64 fixtures" },
		{ HEAD "\"fixtures\": {\"match\": [3]}}", "p.json: fixtures.match[0]: expected a log line" },
		{ HEAD "\"fixtures\": {\"match\": [[\"a\", 1]]}}",
		  "p.json: fixtures.match[0][1]: expected a log line (a non-empty string), got 1" },
		{ HEAD "\"fixtures\": {\"match\": [\"a\"], \"nomatch\": [\"b\"]}}",
		  "p.json: fixtures.nomatch: expected only the fields match, no_match" },
		{ HEAD "\"fixtures\": {\"match\": [{\"file\": 7}]}}",
		  "p.json: fixtures.match[0].file: expected a log file path, got 7" },
	};
	struct policy_set *ps;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ok_eq(parse_one(bad[i].json, &ps), -EINVAL, "bad meta %zu refused", i);
		ok(strstr(msgs, bad[i].msg) != NULL, "... saying '%s'", bad[i].msg);
		if (!strstr(msgs, bad[i].msg))
			tap_diag("got: %s", msgs);
	}
}

/* A wide block scope is refused unless the action asks for it (policy_parse_action.c). */
static void test_wide_scope(void)
{
	static const char wide[] =
		"{\"name\": \"w\", \"description\": \"d\", \"kind\": \"match\", "
		"\"where\": {\"field\": \"path\", \"eq\": \"/\"}, \"action\": {\"type\": "
		"\"block\", \"ttl\": \"1h\", \"scope\": {\"ipv4\": 8}, \"allow_wide_scope\": true}}";
	struct policy_set *ps;

	ok_eq(parse_one(wide, &ps), 0, "a /8 scope with allow_wide_scope loads");
	ok(ps && ps->policies[0].action.scope_v4 == 8, "... with its scope");
	policy_set_free(ps);
}

static void test_fifo(void)
{
	char path[512];
	struct policy_set *ps = NULL;

	snprintf(path, sizeof(path), "%s/fifo", root);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/fifo/a.json", root);
	ok_eq(mkfifo(path, 0600), 0, "a FIFO named a.json");
	snprintf(path, sizeof(path), "%s/fifo", root);
	msgs[0] = '\0';
	ok_eq(policy_set_load_dir(path, NULL, &rep, &ps), -EINVAL, "is refused, not waited on");
	ok(strstr(msgs, "expected a readable policy file") != NULL, "... as no policy file");
}

int main(void)
{
	char cmd[600];

	if (!mkdtemp(root))
		return 1;
	test_load_and_run();
	test_errors();
	test_wide_scope();
	test_fifo();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd))
		tap_diag("could not remove %s", root);
	return tap_done();
}
