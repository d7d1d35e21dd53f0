// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * explain: the result per policy follows what the engine did (fired,
 * no_match with the deciding leaf and the record's value, counted with the
 * window's aggregates building up over records, cooldown; a session
 * window's gap, its having read only when it ends), and rate policies say
 * whether records feed them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/explain.h"
#include "tap.h"

static const char set_json[] =
	"{\"name\": \"dot-env\", \"description\": \"d\", \"kind\": \"match\","
	" \"where\": {\"all\": [{\"field\": \"method\", \"eq\": \"GET\"},"
	"                      {\"field\": \"path\", \"suffix\": \"/.env\"}]},"
	" \"action\": {\"type\": \"alert\", \"cooldown\": \"1m\"}}";
static const char win_json[] =
	"{\"name\": \"burst\", \"description\": \"d\", \"kind\": \"window\","
	" \"filter\": {\"field\": \"status\", \"eq\": 404},"
	" \"window\": {\"type\": \"sliding\", \"length\": \"1m\"},"
	" \"aggregates\": [{\"name\": \"n\", \"fn\": \"count\"}],"
	" \"having\": {\"agg\": \"n\", \"ge\": 2}, \"action\": {\"type\": \"alert\"}}";

static const char session_json[] =
	"{\"name\": \"visit\", \"description\": \"d\", \"kind\": \"window\","
	" \"window\": {\"type\": \"session\", \"gap\": \"2m\"},"
	" \"aggregates\": [{\"name\": \"n\", \"fn\": \"count\"}],"
	" \"having\": {\"agg\": \"n\", \"ge\": 1}, \"action\": {\"type\": \"alert\"}}";

static struct request_record rec(const char *path, int status, uint64_t ts)
{
	struct request_record r = { 0 };

	gh_addr_parse("192.0.2.1", &r.src);
	r.present = REQ_BIT(REQ_SRC_IP) | REQ_BIT(REQ_TS) | REQ_BIT(REQ_STATUS);
	r.ts_ns = ts * 1000000000ULL;
	r.status = (uint16_t)status;
	req_set_method(&r, "GET", 3);
	req_set_str(&r, REQ_PATH, &r.path, path, (uint32_t)strlen(path));
	return r;
}

/* The entry of one policy in an explanation. */
static struct json_object *entry(struct json_object *o, const char *name)
{
	struct json_object *pols = json_object_object_get(o, "policies");

	for (size_t i = 0; i < json_object_array_length(pols); i++) {
		struct json_object *p = json_object_array_get_idx(pols, i);

		if (!strcmp(json_object_get_string(json_object_object_get(p, "policy")), name))
			return p;
	}
	return NULL;
}

static const char *get(struct json_object *o, const char *path)
{
	char key[64];
	const char *dot;

	while (o && (dot = strchr(path, '.'))) {
		snprintf(key, sizeof(key), "%.*s", (int)(dot - path), path);
		o = json_object_is_type(o, json_type_array) ? json_object_array_get_idx(o, atoi(key))
							     : json_object_object_get(o, key);
		path = dot + 1;
	}
	o = o && json_object_is_type(o, json_type_array) ? json_object_array_get_idx(o, atoi(path))
							  : o ? json_object_object_get(o, path) : NULL;
	return o ? json_object_get_string(o) : "(none)";
}

static struct json_object *step(struct explainer *x, const char *path, int status, uint64_t ts)
{
	struct request_record r = rec(path, status, ts);

	return explainer_record(x, &r);
}

int main(void)
{
	struct policy_set *a = NULL, *b = NULL;
	struct explainer *x;
	struct json_object *o;

	ok_eq(policy_set_parse("m.json", set_json, strlen(set_json), 0, NULL, &a), 0, "match set");
	ok_eq(policy_set_parse("w.json", win_json, strlen(win_json), 0, NULL, &b), 0, "window set");
	x = explainer_new(a);
	o = step(x, "/app/.env", 200, 100);
	ok_str(get(entry(o, "dot-env"), "result"), "fired", "the probe fires");
	ok_str(get(o, "record.path"), "/app/.env", "the record is shown");
	json_object_put(o);
	o = step(x, "/app/.env", 200, 110);
	ok_str(get(entry(o, "dot-env"), "result"), "cooldown", "again within the cooldown");
	json_object_put(o);
	o = step(x, "/index.html", 200, 200);
	ok_str(get(entry(o, "dot-env"), "result"), "no_match", "a page does not match");
	ok_str(get(entry(o, "dot-env"), "why.kids.0.field"), "path", "... the deciding leaf: path");
	ok_str(get(entry(o, "dot-env"), "why.kids.0.op"), "suffix", "... its operator");
	ok_str(get(entry(o, "dot-env"), "why.kids.0.value"), "/index.html", "... the value seen");
	json_object_put(o);
	{
		/* A field longer than the leaf's buffer is cut, never read past. */
		char longpath[2000];

		memset(longpath, 'a', sizeof(longpath) - 1);
		longpath[0] = '/';
		longpath[sizeof(longpath) - 1] = '\0';
		o = step(x, longpath, 200, 300);
		ok_eq(strlen(get(entry(o, "dot-env"), "why.kids.0.value")), 511,
		      "a 2000-byte path is shown cut at 511 bytes");
		json_object_put(o);
	}
	explainer_free(x);

	x = explainer_new(b);
	o = step(x, "/a", 200, 100);
	ok_str(get(entry(o, "burst"), "result"), "no_match", "filter status 404 fails on a 200");
	ok_str(get(entry(o, "burst"), "why.value"), "200", "... showing the status");
	json_object_put(o);
	o = step(x, "/a", 404, 101);
	ok_str(get(entry(o, "burst"), "result"), "counted", "a 404 is counted");
	ok_str(get(entry(o, "burst"), "aggregates.n"), "1", "... n = 1");
	ok_str(get(entry(o, "burst"), "having.0.ge"), "2", "... against having n >= 2");
	json_object_put(o);
	o = step(x, "/b", 404, 102);
	ok_str(get(entry(o, "burst"), "result"), "fired", "the second 404 fires");
	ok_str(get(entry(o, "burst"), "aggregates.n"), "2", "... with n = 2");
	json_object_put(o);
	explainer_free(x);
	policy_set_free(b);

	ok_eq(policy_set_parse("s.json", session_json, strlen(session_json), 0, NULL, &b), 0,
	      "session set");
	x = explainer_new(b);
	o = step(x, "/a", 404, 100);
	ok_str(get(entry(o, "visit"), "result"), "counted",
	       "a session's having holds but is not read on the record");
	ok_str(get(entry(o, "visit"), "session_gap_s"), "120", "... the gap is shown");
	ok_str(get(entry(o, "visit"), "having.0.value"), "1", "... with the having so far");
	json_object_put(o);
	explainer_free(x);
	policy_set_free(a);
	policy_set_free(b);
	return tap_done();
}
