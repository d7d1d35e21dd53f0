// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * A policy's "patterns": {{name}} in a regex leaf matches what the fragment
 * matches, as one unit (an alternation does not leak into the leaf around
 * it), fragments build on those before them, text that only looks like a
 * reference stays literal, and every mistake is refused once, at the field
 * that holds it, with nothing loaded.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/policy.h"
#include "engine/predicate.h"
#include "tap.h"

static struct {
	char msg[16][1024];
	int n;
} got;

static void collect(void *ctx, const char *msg)
{
	(void)ctx;
	if (got.n < 16)
		snprintf(got.msg[got.n++], sizeof(got.msg[0]), "%s", msg);
}

static const struct policy_report rep = { collect, NULL };

/* A match policy with these patterns (JSON, ' for ") and this where; ' becomes ". */
static int load(const char *patterns, const char *where, struct policy_set **ps)
{
	char json[4096];

	snprintf(json, sizeof(json),
		 "{'name':'t','description':'d','kind':'match','patterns':%s,'where':%s,"
		 "'action':{'type':'alert'}}",
		 patterns, where);
	for (char *c = json; *c; c++)
		if (*c == '\'')
			*c = '"';
	got.n = 0;
	*ps = NULL;
	return policy_set_parse("t.json", json, strlen(json), 0, &rep, ps);
}

/* 1 or 0 for the path, -1 when the policy does not load. */
static int path_matches(const char *patterns, const char *where, const char *path)
{
	struct request_record r;
	struct policy_set *ps;
	struct pred_eval *ev;
	int res;

	if (load(patterns, where, &ps))
		return -1;
	memset(&r, 0, sizeof(r));
	req_set_str(&r, REQ_PATH, &r.path, path, (uint32_t)strlen(path));
	ev = pred_eval_new(ps->regexes);
	pred_eval_begin(ev, &r);
	res = pred_match(ps->policies[0].where, ev);
	pred_eval_free(ev);
	policy_set_free(ps);
	return res;
}

static void test_expansion(void)
{
	const char *alt = "{'x':'a|b'}", *leaf = "{'field':'path','regex':'^/{{x}}c$'}";

	ok_eq(path_matches(alt, leaf, "/bc"), 1, "{{x}} matches the fragment's text");
	ok_eq(path_matches(alt, leaf, "/ac"), 1, "either side of its alternation");
	ok_eq(path_matches(alt, leaf, "/a"), 0, "as one unit: ^/a|bc$ would have matched /a");
	ok_eq(path_matches("{'x':'a','y':'{{x}}+z'}", "{'field':'path','regex':'^/{{y}}$'}",
			   "/aaz"), 1, "a fragment uses one declared before it");
	ok_eq(path_matches("{'x':'e'}",
			   "{'field':'path','iregex':'^/{{x}}\\\\{\\\\{x\\\\}\\\\}{{ x }}$'}",
			   "/E{{x}}{{ x }}"),
	      1, "escaped braces and {{ x }} stay literal; iregex stays caseless");
	ok_eq(path_matches("{'x':'q'}", "{'any':[{'field':'path','regex':'^/\\\\{{x}}$'},"
			   "{'field':'path','regex':'^/{{x}}$'}]}", "/{{x}}"),
	      1, "an escaped brace opens no reference: \\{{x}} is the text {{x}}");
	ok_eq(path_matches("{'x':'q'}",
			   "{'any':[{'field':'path','regex':'^/{{x}}$'},"
			   "{'field':'path','regex':'^/p/{{x}}$'}]}", "/p/q"),
	      1, "one pattern in two leaves");
}

struct mistake {
	const char *what, *patterns, *where;
	const char *path; /* "t.json: PATH: " starts the one message... */
	const char *text; /* ...which contains this */
};

#define LEAF_X "{'field':'path','regex':'{{x}}'}"

static const struct mistake mistakes[] = {
	{ "a name no pattern has", "{'x':'a'}", "{'all':[" LEAF_X ",{'field':'path',"
	  "'regex':'{{y}}'}]}", "where.all[1].regex",
	  "expected {{NAME}} to name a pattern of this policy (x), got {{y}}" },
	{ "a pattern no leaf uses", "{'x':'a','y':'b'}", LEAF_X, "patterns.y",
	  "got one none uses" },
	{ "an upper-case name", "{'x':'a','Y':'b'}", LEAF_X, "patterns.Y",
	  "expected a pattern name of 1-32 characters" },
	{ "a name of 33 characters", "{'x':'a','abcdefghijabcdefghijabcdefghijabc':'b'}", LEAF_X,
	  "patterns.abcdefghijabcdefghijabcdefghijabc", "1-32 characters" },
	{ "an empty fragment", "{'x':''}", LEAF_X, "patterns.x", "a non-empty regex fragment" },
	{ "a fragment that is no string", "{'x':3}", LEAF_X, "patterns.x",
	  "a non-empty regex fragment, got 3" },
	{ "a fragment that does not compile", "{'x':'a(b'}", LEAF_X, "patterns.x",
	  "does not compile: missing closing parenthesis" },
	{ "a fragment closing what it did not open", "{'x':'a)|(b'}", LEAF_X, "patterns.x",
	  "does not compile" },
	{ "a fragment using itself", "{'x':'a{{x}}'}", LEAF_X, "patterns.x",
	  "a pattern declared before it (none declared), got {{x}}" },
	{ "a fragment using one after it", "{'x':'{{y}}','y':'a'}", "{'all':[" LEAF_X
	  ",{'field':'path','regex':'{{y}}'}]}", "patterns.x",
	  "declared before it (none declared), got {{y}}" },
	{ "a reference in a character class", "{'x':'a'}", "{'all':[" LEAF_X ",{'field':'path',"
	  "'regex':'[{{x}}]'}]}", "where.all[1].regex", "got one in a character class" },
	{ "a reference in \\Q...\\E", "{'x':'a'}", "{'all':[" LEAF_X ",{'field':'path',"
	  "'regex':'\\\\Q{{x}}\\\\E'}]}", "where.all[1].regex", "or \\Q...\\E" },
	{ "a fragment with a numbered back-reference", "{'x':'(a)\\\\1'}", LEAF_X, "patterns.x",
	  "without numbered back-references, got \\1 at offset 3" },
	{ "a fragment with a NUL", "{'x':'a\\u0000b'}", LEAF_X, "patterns.x",
	  "without a NUL byte" },
	{ "patterns that are no object", "['a']", "{'all':[]}", "patterns",
	  "an object of 1 to 32 named regex fragments" },
	{ "no patterns at all", "{}", "{'all':[]}", "patterns", "an object of 1 to 32" },
	{ "an expansion past 64 KiB",
	  "{'a':'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx','b':'{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}',"
	  "'c':'{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}',"
	  "'d':'{{c}}{{c}}{{c}}{{c}}{{c}}{{c}}{{c}}{{c}}','x':'{{d}}{{d}}{{d}}{{d}}{{d}}{{d}}'}",
	  LEAF_X, "patterns.x", "at most 64 KiB" },
};

static void test_mistakes(void)
{
	char prefix[128];

	for (size_t i = 0; i < sizeof(mistakes) / sizeof(mistakes[0]); i++) {
		const struct mistake *m = &mistakes[i];
		struct policy_set *ps;
		int err = load(m->patterns, m->where, &ps);

		snprintf(prefix, sizeof(prefix), "t.json: %s: ", m->path);
		ok_eq(err, -EINVAL, "%s: refused", m->what);
		ok(ps == NULL, "%s: nothing loaded", m->what);
		/* One message: a leaf using a refused pattern is not reported again. */
		if (!ok(got.n == 1 && !strncmp(got.msg[0], prefix, strlen(prefix)) &&
				strstr(got.msg[0], m->text),
			"%s: the one message is '%s...%s'", m->what, prefix, m->text))
			for (int k = 0; k < got.n; k++)
				tap_diag("message: %s", got.msg[k]);
	}
}

/* A reference outside any policy's patterns (a predicate given alone) is refused. */
static void test_pred_alone(void)
{
	static const char where[] = "{\"field\":\"path\",\"regex\":\"{{x}}\"}";
	struct policy_set *holder = NULL;
	const struct pred *p = NULL;

	got.n = 0;
	ok_eq(policy_pred_parse("w", where, strlen(where), &rep, &holder, &p), -EINVAL,
	      "a predicate alone has no patterns to name");
	ok(got.n == 1 && strstr(got.msg[0], "(none declared), got {{x}}"),
	   "and says so: %s", got.n ? got.msg[0] : "(no message)");
}

int main(void)
{
	test_expansion();
	test_mistakes();
	test_pred_alone();
	return tap_done();
}
