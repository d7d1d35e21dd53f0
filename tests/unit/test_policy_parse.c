// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Policy loading: a valid directory parses into exactly what its files say
 * (defaults included, other files ignored, name order), and every validation
 * rule rejects its mistake with a message naming the file and the field.
 * Loading is all or nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/policy.h"
#include "tap.h"

#define DATA "tests/unit/data/policies"

static struct {
	char msg[32][1024];
	int n;
} got;

static void collect(void *ctx, const char *msg)
{
	(void)ctx;
	if (got.n < 32)
		snprintf(got.msg[got.n++], sizeof(got.msg[0]), "%s", msg);
}

static const struct policy_report rep = { collect, NULL };

/* The first collected message starting with prefix and containing text. */
static const char *find_msg(const char *prefix, const char *text)
{
	for (int i = 0; i < got.n; i++)
		if (!strncmp(got.msg[i], prefix, strlen(prefix)) && strstr(got.msg[i], text))
			return got.msg[i];
	return NULL;
}

static void dump_msgs(void)
{
	for (int i = 0; i < got.n; i++)
		tap_diag("message: %s", got.msg[i]);
}

static void test_valid_dir(void)
{
	struct policy_set *ps = NULL;
	const struct policy *p;
	int err;

	got.n = 0;
	err = policy_set_load_dir(DATA "/valid", NULL, &rep, &ps);
	ok_eq(err, 0, "the valid fixture directory loads");
	ok_eq(got.n, 0, "without messages");
	if (err) {
		dump_msgs();
		return;
	}
	ok_eq(ps->count, 3, "three *.json files; README.txt and the dot file ignored");
	p = &ps->policies[0];
	ok_str(p->name, "probe", "name order: 10-probe first");
	ok_str(p->file, DATA "/valid/10-probe.json", "each policy knows its file");
	ok_eq(p->kind, POLICY_MATCH, "kind match");
	ok_eq(p->severity, SEV_HIGH, "severity high");
	ok(p->monitor, "mode monitor");
	ok(p->action.block, "action block");
	ok_eq(p->action.ttl_s, 3600, "ttl 1h");
	ok_eq(p->action.scope_v4, 24, "scope ipv4 /24");
	ok_eq(p->action.scope_v6, 64, "scope ipv6 /64");
	ok(p->action.escalate_factor == 2, "escalate factor 2");
	ok_eq(p->action.max_ttl_s, 86400, "max_ttl 1d");
	ok_eq(p->action.cooldown_s, 30, "cooldown 30s");
	ok(p->where && p->where->op == PRED_ALL && p->where->n == 2, "where: all of two");
	ok_eq(regex_set_count(ps->regexes), 1, "one regex in the set");
	ok(regex_uses_hyperscan(ps->regexes, 0), "matched by Hyperscan");

	p = &ps->policies[1];
	ok_str(p->name, "scan", "then 20-scan");
	ok_eq(p->severity, SEV_MEDIUM, "severity defaults to medium");
	ok(!p->monitor, "mode defaults to enforce");
	ok(!p->action.block, "alert action");
	ok_eq(p->action.cooldown_s, 60, "cooldown defaults to 1m");
	ok(p->window.tumbling, "tumbling");
	ok_eq(p->window.length_s, 5400, "length 1h30m");
	ok_eq(p->window.n_group, 2, "two group_by fields");
	ok_eq(p->window.group_by[1], REQ_HOST, "the second is host");
	ok_eq(p->prefix_v4, 24, "prefix ipv4 24");
	ok_eq(p->prefix_v6, 64, "prefix ipv6 64");
	ok_eq(p->window.n_aggs, 4, "four aggregates");
	ok_eq(p->window.aggs[1].fn, AGG_DISTINCT, "distinct");
	ok_eq(p->window.aggs[1].field, REQ_PATH, "of path");
	ok(p->window.aggs[2].where != NULL, "ratio has its predicate");
	ok_eq(p->window.aggs[3].field, REQ_BYTES, "sum of bytes");
	ok(p->window.having_any, "having any");
	ok_eq(p->window.n_conds, 2, "two conditions");
	ok_eq(p->window.conds[0].agg, 1, "first names paths");
	ok_eq(p->window.conds[0].op, CMP_GE, "ge");
	ok(p->window.conds[0].rise_factor == 2.5, "rise_factor 2.5");
	ok_eq(p->window.conds[1].op, CMP_GT, "second: gt");
	ok(p->window.conds[1].value == 0.9, "0.9");

	p = &ps->policies[2];
	ok_str(p->name, "flood", "then 30-flood");
	ok_eq(p->rate.metric, RATE_resp_4xx, "metric resp_4xx");
	ok(p->rate.per_second == 2.5, "per_second 2.5");
	ok_eq(p->rate.over_s, 10, "over 10s");
	ok_eq(p->prefix_v4, 32, "prefix ipv4 defaults to the address");
	ok_eq(p->prefix_v6, 64, "prefix ipv6 64");
	ok_eq(p->action.scope_v4, 32, "block scope defaults to the address");
	ok(p->action.escalate_factor == 1, "no escalation by default");
	ok_eq(p->action.max_ttl_s, 600, "max_ttl defaults to ttl");
	policy_set_free(ps);
}

static void test_dirs_all_or_nothing(void)
{
	struct policy_set *ps = NULL;

	got.n = 0;
	ok_eq(policy_set_load_dir(DATA "/dup", NULL, &rep, &ps), -EINVAL,
	      "duplicate names are refused");
	ok(find_msg(DATA "/dup/b.json: name: ", "unique in the directory") &&
		   find_msg(DATA "/dup/b.json: name: ", "also in " DATA "/dup/a.json"),
	   "the message names both files and the field");
	ok(ps == NULL, "nothing loaded");

	got.n = 0;
	ok_eq(policy_set_load_dir(DATA "/mixed", NULL, &rep, &ps), -EINVAL,
	      "one bad file rejects the directory");
	ok(find_msg(DATA "/mixed/bad.json: window.length: ", "got \"5 minutes\""),
	   "the bad file and field are named");
	ok_eq(got.n, 1, "and the good file gives no message");
	ok(ps == NULL, "the good file is not loaded alone");

	got.n = 0;
	ok_eq(policy_set_load_dir(DATA "/empty", NULL, &rep, &ps), 0,
	      "a directory without policies");
	ok(ps && ps->count == 0, "is an empty set");
	policy_set_free(ps);
	ps = NULL;

	got.n = 0;
	ok_eq(policy_set_load_dir(DATA "/missing", NULL, &rep, &ps), -EINVAL,
	      "a missing directory");
	ok(find_msg(DATA "/missing: ", "expected a directory"), "is reported");

	got.n = 0;
	ok_eq(policy_set_load_file(DATA "/valid/30-flood.json", NULL, &rep, &ps), 0,
	      "a single file");
	ok(ps && ps->count == 1 && !strcmp(ps->policies[0].name, "flood"), "loads as a set of one");
	policy_set_free(ps);
	ps = NULL;
	ok_eq(policy_set_load_file(DATA "/valid", NULL, &rep, &ps), -EINVAL, "a directory as a file");
	ok(find_msg(DATA "/valid: ", "expected a readable policy file"), "is reported");
}

/* JSON with ' for ", so the table stays readable. */
static int parse_quoted(const char *text, unsigned int flags, struct policy_set **ps)
{
	char *json = strdup(text);
	int err;

	for (char *c = json; *c; c++)
		if (*c == '\'')
			*c = '"';
	got.n = 0;
	*ps = NULL;
	err = policy_set_parse("rule.json", json, strlen(json), flags, &rep, ps);
	free(json);
	return err;
}

#define HEAD "'name':'x','description':'d',"
#define MATCH(where) "{" HEAD "'kind':'match','where':" where ",'action':{'type':'alert'}}"
#define ACT(action) "{" HEAD "'kind':'match','where':{'all':[]},'action':" action "}"
#define WIN(rest)                                                                          \
	"{" HEAD "'kind':'window','window':{'type':'sliding','length':'1m'},"                 \
	"'aggregates':[{'name':'n','fn':'count'}],'having':{'agg':'n','ge':1},"               \
	"'action':{'type':'alert'}" rest "}"
#define WINX(window, aggs, having)                                                         \
	"{" HEAD "'kind':'window','window':" window ",'aggregates':" aggs ",'having':" having \
	",'action':{'type':'alert'}}"
#define RATE(rest) "{" HEAD "'kind':'rate','action':{'type':'alert'}" rest "}"
#define RATEB(metric)                                                                      \
	"{" HEAD "'kind':'rate','metric':'" metric "','per_second':1,'over':'5s',"             \
	"'action':{'type':'block','ttl':'1h'}}"
#define THR(rate) "{'type':'throttle','ttl':'1h','rate':" rate "}"
#define SLIDE "{'type':'sliding','length':'1m'}"
#define TUMBLE "{'type':'tumbling','length':'1m'}"
#define SESSION "{'type':'session','gap':'2m'}"
#define COUNT "[{'name':'n','fn':'count'}]"
#define GE1 "{'agg':'n','ge':1}"

struct rule {
	const char *what;
	const char *json;
	const char *path; /* "rule.json: PATH: " must start a message... */
	const char *text; /* ...that contains this */
};

static const struct rule rules[] = {
	{ "missing name", "{'description':'d','kind':'match','where':{'all':[]},"
	  "'action':{'type':'alert'}}", "name", "got nothing" },
	{ "bad name characters", "{'name':'Bad Name','description':'d','kind':'match',"
	  "'where':{'all':[]},'action':{'type':'alert'}}", "name", "got \"Bad Name\"" },
	{ "name starting with -", "{'name':'-x','description':'d','kind':'match',"
	  "'where':{'all':[]},'action':{'type':'alert'}}", "name", "expected a name" },
	{ "name of 49 characters", "{'name':'a123456789012345678901234567890123456789012345678',"
	  "'description':'d','kind':'match','where':{'all':[]},'action':{'type':'alert'}}",
	  "name", "1-48 characters" },
	{ "missing description", "{'name':'x','kind':'match','where':{'all':[]},"
	  "'action':{'type':'alert'}}", "description", "got nothing" },
	{ "empty description", "{'name':'x','description':'','kind':'match','where':{'all':[]},"
	  "'action':{'type':'alert'}}", "description", "non-empty" },
	{ "missing kind", "{" HEAD "'action':{'type':'alert'}}", "kind", "got nothing" },
	{ "unknown kind", "{" HEAD "'kind':'learned','action':{'type':'alert'}}", "kind",
	  "one of match, window, rate, crs, profile, got \"learned\"" },
	{ "unknown field", "{" HEAD "'kind':'match','wher':{},'where':{'all':[]},"
	  "'action':{'type':'alert'}}", "wher", "unknown field" },
	{ "field of another kind", "{" HEAD "'kind':'match','where':{'all':[]},'window':{},"
	  "'action':{'type':'alert'}}", "window", "for a match policy" },
	{ "bad severity", "{" HEAD "'kind':'match','severity':'urgent','where':{'all':[]},"
	  "'action':{'type':'alert'}}", "severity", "got \"urgent\"" },
	{ "bad mode", "{" HEAD "'kind':'match','mode':'dry','where':{'all':[]},"
	  "'action':{'type':'alert'}}", "mode", "enforce, monitor" },
	{ "match without where", "{" HEAD "'kind':'match','action':{'type':'alert'}}", "where",
	  "got nothing" },
	{ "unknown record field", MATCH("{'field':'pathx','eq':'a'}"), "where.field",
	  "got \"pathx\"" },
	{ "unknown record field, the fields listed", MATCH("{'field':'pathx','eq':'a'}"),
	  "where.field", "expected a record field (ts, src_ip, " },
	{ "unknown operator", MATCH("{'field':'path','equals':'a'}"), "where.equals",
	  "expected an operator for field path" },
	{ "two operators in one leaf", MATCH("{'field':'path','eq':'a','prefix':'b'}"), "where",
	  "exactly one operator, got eq and prefix" },
	{ "leaf without operator", MATCH("{'field':'path'}"), "where", "got none" },
	{ "string for a number", MATCH("{'field':'status','eq':'404'}"), "where.eq",
	  "expected a number, got \"404\"" },
	{ "number for a bool", MATCH("{'field':'is_xhr','eq':1}"), "where.eq",
	  "expected true or false, got 1" },
	{ "number for a string", MATCH("{'field':'path','prefix':1}"), "where.prefix",
	  "expected a string, got 1" },
	{ "operator not for the field type", MATCH("{'field':'status','regex':'4..'}"),
	  "where.regex", "operator for field status" },
	{ "lt on a string field", MATCH("{'field':'path','lt':3}"), "where.lt",
	  "operator for field path" },
	{ "empty in", MATCH("{'field':'status','in':[]}"), "where.in", "non-empty array" },
	{ "mixed in", MATCH("{'field':'method','in':['GET',1]}"), "where.in",
	  "array of strings" },
	{ "bad regex", MATCH("{'field':'path','regex':'a(b'}"), "where.regex",
	  "missing closing parenthesis at offset 3" },
	{ "bad iregex deep inside", MATCH("{'any':[{'all':[{'field':'query','iregex':'[z-a]'}]}]}"),
	  "where.any[0].all[0].iregex", "range out of order in character class at offset" },
	{ "bad CIDR", MATCH("{'field':'src_ip','cidr':'10.0.0.300/8'}"), "where.cidr",
	  "got \"10.0.0.300/8\"" },
	{ "CIDR with host bits", MATCH("{'field':'src_ip','cidr':['10.0.0.0/8','10.0.0.1/8']}"),
	  "where.cidr", "host bits zero" },
	{ "cidr on a string field", MATCH("{'field':'path','cidr':'10.0.0.0/8'}"), "where.cidr",
	  "operator for field path" },
	{ "bad address", MATCH("{'field':'src_ip','eq':'not-an-ip'}"), "where.eq",
	  "an IP address" },
	{ "exists not a bool", MATCH("{'field':'path','exists':'yes'}"), "where.exists",
	  "true or false" },
	{ "all not an array", MATCH("{'all':{}}"), "where.all", "an array of predicates" },
	{ "combinator with company", MATCH("{'all':[],'field':'path'}"), "where",
	  "all alone in its object, got also field" },
	{ "predicate not an object", MATCH("[1]"), "where", "expected a predicate" },
	{ "not of a string", MATCH("{'not':'x'}"), "where.not", "expected a predicate" },
	{ "window without window", "{" HEAD "'kind':'window','aggregates':" COUNT
	  ",'having':" GE1 ",'action':{'type':'alert'}}", "window", "expected an object" },
	{ "window without length", WINX("{'type':'sliding'}", COUNT, GE1), "window.length",
	  "got nothing" },
	{ "bad duration", WINX("{'type':'sliding','length':'5 minutes'}", COUNT, GE1),
	  "window.length", "got \"5 minutes\"" },
	{ "zero duration", WINX("{'type':'sliding','length':'0s'}", COUNT, GE1), "window.length",
	  "above 0s" },
	{ "window type", WINX("{'type':'hopping','length':'1m'}", COUNT, GE1), "window.type",
	  "sliding, tumbling" },
	{ "window typo", WINX("{'type':'sliding','lenght':'1m','length':'1m'}", COUNT, GE1),
	  "window.lenght", "unknown field" },
	{ "having an unknown aggregate", WINX(SLIDE, COUNT, "{'agg':'m','ge':1}"), "having.agg",
	  "one of the aggregates, got \"m\"" },
	{ "having two comparisons", WINX(SLIDE, COUNT, "{'agg':'n','ge':1,'lt':5}"), "having.lt",
	  "exactly one comparison" },
	{ "having no comparison", WINX(SLIDE, COUNT, "{'agg':'n'}"), "having", "got none" },
	{ "having unknown key", WINX(SLIDE, COUNT, "{'agg':'n','gte':1}"), "having.gte",
	  "unknown field" },
	{ "having nested list", WINX(SLIDE, COUNT, "{'all':[{'any':[]}]}"), "having.all[0]",
	  "got none" },
	{ "having empty all", WINX(SLIDE, COUNT, "{'all':[]}"), "having.all", "1 to 16" },
	{ "having threshold not a number", WINX(SLIDE, COUNT, "{'agg':'n','ge':'10'}"),
	  "having.ge", "expected a number" },
	{ "rise_factor on sliding", WINX(SLIDE, COUNT, "{'agg':'n','ge':1,'rise_factor':2}"),
	  "having.rise_factor", "tumbling" },
	{ "rise_factor of 0", WINX(TUMBLE, COUNT, "{'agg':'n','ge':1,'rise_factor':0}"),
	  "having.rise_factor", "above 0" },
	{ "session with a length", WINX("{'type':'session','length':'1m'}", COUNT, GE1),
	  "window.length", "type, gap for a session window, got an unknown field" },
	{ "session without gap", WINX("{'type':'session'}", COUNT, GE1), "window.gap",
	  "got nothing" },
	{ "rise_factor on a session", WINX(SESSION, COUNT, "{'agg':'n','ge':1,'rise_factor':2}"),
	  "having.rise_factor", "sliding or session window" },
	{ "session by host", "{" HEAD "'kind':'window','group_by':['src_ip','host'],'window':"
	  SESSION ",'aggregates':" COUNT ",'having':" GE1 ",'action':{'type':'alert'}}",
	  "group_by", "[\"src_ip\"] for a session window" },
	{ "session of verdicts", "{" HEAD "'kind':'window','input':'verdicts','window':" SESSION
	  ",'aggregates':" COUNT ",'having':" GE1 ",'action':{'type':'alert'}}", "input",
	  "requests for a session window" },
	{ "session blocking less than its group", "{" HEAD "'kind':'window','prefix':{'ipv4':24},"
	  "'window':" SESSION ",'aggregates':" COUNT ",'having':" GE1
	  ",'action':{'type':'block','ttl':'1h','scope':{'ipv4':32}}}", "action.scope",
	  "no narrower than the session's prefix" },
	{ "ratio without where", WINX(SLIDE, "[{'name':'n','fn':'ratio'}]", GE1),
	  "aggregates[0].where", "got nothing" },
	{ "distinct without field", WINX(SLIDE, "[{'name':'n','fn':'distinct'}]", GE1),
	  "aggregates[0].field", "got nothing" },
	{ "sum of a string field", WINX(SLIDE, "[{'name':'n','fn':'sum','field':'path'}]", GE1),
	  "aggregates[0].field", "numeric record field" },
	{ "count with a field", WINX(SLIDE, "[{'name':'n','fn':'count','field':'path'}]", GE1),
	  "aggregates[0].field", "for this fn" },
	{ "min of a string field", WINX(SLIDE, "[{'name':'n','fn':'min','field':'path'}]", GE1),
	  "aggregates[0].field",
	  "expected a numeric record field (src_port, dst_port, content_length, status, bytes, "
	  "has_cookie, is_xhr, request_line_malformed, page_referer), got \"path\"" },
	{ "max of an address", WINX(SLIDE, "[{'name':'n','fn':'max','field':'src_ip'}]", GE1),
	  "aggregates[0].field", "numeric record field" },
	{ "max without field", WINX(SLIDE, "[{'name':'n','fn':'max'}]", GE1),
	  "aggregates[0].field", "got nothing" },
	{ "min with a where", WINX(SLIDE, "[{'name':'n','fn':'min','field':'bytes',"
	  "'where':{'all':[]}}]", GE1), "aggregates[0].where", "for this fn" },
	{ "distinct of an unknown field", WINX(SLIDE, "[{'name':'n','fn':'distinct','field':'x'}]",
	  GE1), "aggregates[0].field", "expected a record field (ts, src_ip, dst_ip, src_port, " },
	{ "duplicate aggregate names",
	  WINX(SLIDE, "[{'name':'n','fn':'count'},{'name':'n','fn':'count'}]", GE1),
	  "aggregates[1].name", "unique among the aggregates" },
	{ "no aggregates", WINX(SLIDE, "[]", GE1), "aggregates", "1 to 16" },
	{ "unknown fn", WINX(SLIDE, "[{'name':'n','fn':'avg'}]", GE1), "aggregates[0].fn",
	  "expected one of count, distinct, ratio, sum, min, max, got \"avg\"" },
	{ "bad aggregate name", WINX(SLIDE, "[{'name':'N N','fn':'count'}]", GE1),
	  "aggregates[0].name", "expected a name" },
	{ "group_by unknown field", WIN(",'group_by':['ip']"), "group_by[0]", "got \"ip\"" },
	{ "group_by ts", WIN(",'group_by':['ts']"), "group_by[0]", "other than ts" },
	{ "group_by ts, the fields listed", WIN(",'group_by':['ts']"), "group_by[0]",
	  "other than ts (src_ip, dst_ip, " },
	{ "group_by twice", WIN(",'group_by':['host','host']"), "group_by[1]", "each field once" },
	{ "group_by not a list", WIN(",'group_by':'src_ip'"), "group_by", "an array" },
	{ "prefix without src_ip", WIN(",'group_by':['host'],'prefix':{'ipv4':24}"), "prefix",
	  "only with src_ip in group_by" },
	{ "prefix out of range", WIN(",'prefix':{'ipv4':33}"), "prefix.ipv4", "0 to 32" },
	{ "negative prefix (fuzzer find)", RATE(",'metric':'syns','per_second':1,'over':'5s',"
	  "'prefix':{'ipv4':-24}"), "prefix.ipv4", "got -24" },
	{ "prefix not an integer", WIN(",'prefix':{'ipv6':'64'}"), "prefix.ipv6", "0 to 128" },
	{ "prefix typo", WIN(",'prefix':{'ip4':24}"), "prefix.ip4", "unknown field" },
	{ "unknown input", WIN(",'input':'alerts'"), "input", "requests, verdicts" },
	{ "verdict input and a field verdicts lack", WIN(",'input':'verdicts','group_by':['host']"),
	  "group_by[0]", "verdict records carry" },
	{ "block on a window without src_ip",
	  "{" HEAD "'kind':'window','group_by':['host'],'window':" SLIDE ",'aggregates':" COUNT
	  ",'having':" GE1 ",'action':{'type':'block','ttl':'1h'}}", "action.type",
	  "a block needs a source" },
	{ "rate with unknown metric", RATE(",'metric':'bogus','per_second':1,'over':'5s'"),
	  "metric", "got \"bogus\"" },
	{ "rate without per_second", RATE(",'metric':'syns','over':'5s'"), "per_second",
	  "got nothing" },
	{ "rate with per_second 0", RATE(",'metric':'syns','per_second':0,'over':'5s'"),
	  "per_second", "above 0" },
	{ "rate over too long", RATE(",'metric':'syns','per_second':1,'over':'2h'"), "over",
	  "from 1s to 1h" },
	{ "rate without over", RATE(",'metric':'syns','per_second':1"), "over", "got nothing" },
	/* Issue 15.1: spoofed SYNs must not choose who gets blocked. */
	{ "block on syns", RATEB("syns"), "action.type",
	  "block needs handshake-verified evidence: syns counts frames seen before any handshake" },
	{ "block on packets", RATEB("packets"), "action.type",
	  "packets counts frames seen before any handshake, so spoofed ones would choose who gets "
	  "blocked; use alert" },
	{ "block on syns in monitor mode", "{" HEAD "'kind':'rate','mode':'monitor','metric':'syns',"
	  "'per_second':1,'over':'5s','action':{'type':'block','ttl':'1h'}}", "action.type",
	  "handshake-verified" },
	{ "block without ttl", ACT("{'type':'block'}"), "action.ttl", "got nothing" },
	{ "ttl on an alert", ACT("{'type':'alert','ttl':'1h'}"), "action.ttl",
	  "for an alert action" },
	{ "unknown action type", ACT("{'type':'drop'}"), "action.type", "alert, block" },
	{ "missing action", "{" HEAD "'kind':'match','where':{'all':[]}}", "action",
	  "got nothing" },
	{ "escalate factor below 1",
	  ACT("{'type':'block','ttl':'1h','escalate':{'factor':0.5,'max_ttl':'1d'}}"),
	  "action.escalate.factor", "from 1 to 1000" },
	{ "escalate without max_ttl", ACT("{'type':'block','ttl':'1h','escalate':{'factor':2}}"),
	  "action.escalate.max_ttl", "got nothing" },
	{ "max_ttl below ttl",
	  ACT("{'type':'block','ttl':'1h','escalate':{'factor':2,'max_ttl':'30m'}}"),
	  "action.escalate.max_ttl", "no shorter than action.ttl" },
	{ "scope out of range", ACT("{'type':'block','ttl':'1h','scope':{'ipv6':129}}"),
	  "action.scope.ipv6", "0 to 128" },
	{ "scope wider than /16", ACT("{'type':'block','ttl':'1h','scope':{'ipv4':1}}"),
	  "action.scope", "at least /16 for IPv4 and /32 for IPv6, got /1 for IPv4;" },
	{ "IPv6 scope wider than /32", ACT("{'type':'block','ttl':'1h','scope':{'ipv6':3}}"),
	  "action.scope", "allow_wide_scope" },
	{ "allow_wide_scope not a bool",
	  ACT("{'type':'block','ttl':'1h','allow_wide_scope':'yes'}"),
	  "action.allow_wide_scope", "true or false" },
	{ "bad cooldown", ACT("{'type':'alert','cooldown':'soon'}"), "action.cooldown",
	  "got \"soon\"" },
	{ "unknown transformation", MATCH("{'field':'path','transform':['lowercase','urldecode'],"
	  "'regex':'a'}"), "where.transform[1]",
	  "expected a transformation (url_decode, url_decode_uni, lowercase, normalize_path, "
	  "remove_nulls, compress_whitespace, html_entity_decode, base64_values), got \"urldecode\"" },
	{ "transform on a number field", MATCH("{'field':'status','transform':['lowercase'],"
	  "'eq':404}"), "where.transform", "apply to string fields" },
	{ "transform with exists", MATCH("{'field':'path','transform':['lowercase'],"
	  "'exists':true}"), "where.transform", "any operator but exists" },
	{ "empty transform", MATCH("{'field':'path','transform':[],'eq':'a'}"), "where.transform",
	  "an array of 1 to 8 transformations" },
	{ "nine transformations", MATCH("{'field':'path','transform':['lowercase','lowercase',"
	  "'lowercase','lowercase','lowercase','lowercase','lowercase','lowercase','lowercase'],"
	  "'eq':'a'}"), "where.transform", "an array of 1 to 8 transformations" },
	{ "transform as a string", MATCH("{'field':'path','transform':'lowercase','eq':'a'}"),
	  "where.transform", "got \"lowercase\"" },
	{ "transform alone", MATCH("{'field':'path','transform':['lowercase']}"), "where",
	  "operator next to field, got none" },
	{ "empty phrases", MATCH("{'field':'user_agent','phrases':[]}"), "where.phrases",
	  "expected an array of 1 to 4096 phrases" },
	{ "empty phrase", MATCH("{'field':'user_agent','phrases':['a','']}"), "where.phrases[1]",
	  "expected an array of 1 to 4096 phrases (strings of 1 to 1024 bytes), got \"\"" },
	{ "phrases on a number", MATCH("{'field':'status','phrases':['4']}"), "where.phrases",
	  "expected an operator for field status" },
	{ "exists on a computed field", MATCH("{'field':'page_referer','exists':true}"),
	  "where.exists", "field page_referer is computed for every record, so exists always "
	  "holds; expected eq true or eq false" },
	{ "page_referer compared with a string", MATCH("{'field':'page_referer','eq':'yes'}"),
	  "where.eq", "expected" },
	{ "phrases_file not a string", MATCH("{'field':'user_agent','phrases_file':['a']}"),
	  "where.phrases_file", "expected a list file" },
	{ "missing list file", MATCH("{'field':'user_agent','phrases_file':'no/such.data'}"),
	  "where.phrases_file",
	  "no/such.data: expected a readable list file, got No such file or directory" },
	{ "list file that is a directory", MATCH("{'field':'user_agent','phrases_file':'/tmp'}"),
	  "where.phrases_file", "/tmp: expected a readable list file, got Is a directory" },
	{ "throttle without rate", ACT("{'type':'throttle','ttl':'1h'}"), "action.rate",
	  "expected an object such as {\"conns_per_s\": 10}, got nothing" },
	{ "throttle rate of another unit", ACT(THR("{'conns_per_m':10}")), "action.rate.conns_per_m",
	  "unknown field" },
	{ "fractional rate", ACT(THR("{'conns_per_s':2.5}")), "action.rate.conns_per_s",
	  "an integer from 0 to 10000000 (per second), got 2.5" },
	{ "rate too high", ACT(THR("{'packets_per_s':10000001}")), "action.rate.packets_per_s",
	  "an integer from 0 to 10000000" },
	{ "burst without its rate", ACT(THR("{'packets_per_s':5,'conn_burst':3}")),
	  "action.rate.conn_burst", "a burst only with conns_per_s above 0" },
	{ "burst of 0", ACT(THR("{'conns_per_s':5,'conn_burst':0}")), "action.rate.conn_burst",
	  "an integer from 1 to 1000000, got 0" },
	{ "no rate above 0", ACT(THR("{'conns_per_s':0}")), "action.rate",
	  "expected conns_per_s or packets_per_s above 0" },
	{ "block_after 1", ACT("{'type':'throttle','ttl':'1h','rate':{'conns_per_s':1},"
	  "'block_after':1}"), "action.block_after", "an integer from 2 to 1000" },
	{ "block_after on a block", ACT("{'type':'block','ttl':'1h','block_after':3}"),
	  "action.block_after", "allow_wide_scope for a block action, got an unknown field" },
	{ "rate on an alert", ACT("{'type':'alert','rate':{'conns_per_s':1}}"), "action.rate",
	  "cooldown, unless_rendered for an alert action, got an unknown field" },
	{ "throttle without ttl", ACT("{'type':'throttle','rate':{'conns_per_s':1}}"),
	  "action.ttl", "got nothing" },
	{ "throttle on syns", "{" HEAD "'kind':'rate','metric':'syns','per_second':1,'over':'5s',"
	  "'action':" THR("{'conns_per_s':1}") "}", "action.type",
	  "throttle needs handshake-verified evidence: syns counts frames" },
	{ "throttle on a window without src_ip",
	  "{" HEAD "'kind':'window','group_by':['host'],'window':" SLIDE ",'aggregates':" COUNT
	  ",'having':" GE1 ",'action':" THR("{'conns_per_s':1}") "}", "action.type",
	  "a throttle needs a source" },
	{ "list file that is a device", MATCH("{'field':'user_agent','phrases_file':"
	  "'/dev/zero'}"), "where.phrases_file",
	  "/dev/zero: expected a readable list file, got something other than a regular file" },
};

static void test_rules(void)
{
	char prefix[128];

	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		const struct rule *r = &rules[i];
		struct policy_set *ps;
		int err = parse_quoted(r->json, 0, &ps);

		snprintf(prefix, sizeof(prefix), "rule.json: %s: ", r->path);
		ok_eq(err, -EINVAL, "%s: rejected", r->what);
		if (!ok(find_msg(prefix, r->text) != NULL, "%s: message '%s...%s'", r->what, prefix,
			r->text))
			dump_msgs();
		ok(ps == NULL, "%s: nothing loaded", r->what);
	}
}

/* Issue 15, finding 9: json-c keeps the last of two equal keys; a policy file must not. */
static const struct rule twice[] = {
	{ "a top-level key twice", "{'name':'x','description':'d','kind':'match','name':'y',"
	  "'where':{'all':[]},'action':{'type':'alert'}}", "", "got \"name\" twice" },
	{ "a key twice in action", ACT("{'type':'alert','type':'block','ttl':'1h'}"), "action",
	  "expected each key once, got \"type\" twice" },
	{ "a key twice deep in a predicate", MATCH("{'any':[{'field':'path','eq':'/a'},"
	  "{'field':'path','eq':'/b','field':'query'}]}"), "where.any[1]",
	  "expected each key once, got \"field\" twice" },
	{ "a key three times", MATCH("{'field':'path','eq':'a','eq':'b','eq':'c'}"), "where",
	  "got \"eq\" 3 times" },
	{ "a key twice, once escaped", "{'name':'x','description':'d','kind':'match',"
	  "'n\\u0061me':'y','where':{'all':[]},'action':{'type':'alert'}}", "",
	  "got \"name\" twice" },
};

static void test_duplicate_keys(void)
{
	char prefix[128];
	struct policy_set *ps;

	for (size_t i = 0; i < sizeof(twice) / sizeof(twice[0]); i++) {
		const struct rule *r = &twice[i];
		int err = parse_quoted(r->json, 0, &ps);

		snprintf(prefix, sizeof(prefix), "rule.json: %s%s", r->path, *r->path ? ": " : "");
		ok_eq(err, -EINVAL, "%s: rejected", r->what);
		if (!ok(find_msg(prefix, r->text) != NULL && got.n == 1, "%s: one message '%s...%s'",
			r->what, prefix, r->text))
			dump_msgs();
	}
	ok_eq(parse_quoted("{'name':'x','description':'d','kind':'match','name':'x',"
			   "'severity':'huge','where':{'all':[]},'action':{'type':'alert'}}", 0, &ps),
	      -EINVAL, "a repeated key and another mistake");
	ok(got.n == 2 && find_msg("rule.json: severity: ", "got \"huge\""),
	   "the rest of the policy is still checked (%d messages)", got.n);

	ok_eq(parse_quoted(WIN(",'group_by':['src_ip']"), 0, &ps), 0,
	      "the same key in different objects (name, top level and in an aggregate) is fine");
	policy_set_free(ps);
	ok_eq(parse_quoted("{'name':'x','description':'not a key: \\'name\\':{\\'name\\'',"
			   "'kind':'match','where':{'all':[]},'action':{'type':'alert'}}", 0, &ps),
	      0, "keys inside a string value are no keys");
	policy_set_free(ps);
	ok_eq(parse_quoted("{/* 'name':'y', */ 'name':'x', // 'name'\n 'description':'d',"
			   "'kind':'match','where':{'all':[]},'action':{'type':'alert'}}", 0, &ps),
	      0, "nor are keys in comments");
	policy_set_free(ps);
}

static void test_whole_file_errors(void)
{
	struct policy_set *ps;
	char deep[2048] = "", *big;
	size_t n = 0;

	ok_eq(parse_quoted("{'name':", 0, &ps), -EINVAL, "truncated JSON");
	ok(find_msg("rule.json: expected one JSON object, got ", "at byte"),
	   "names the file and where it broke");
	ok_eq(parse_quoted("[]", 0, &ps), -EINVAL, "an array at the top");
	ok(find_msg("rule.json: expected a JSON object", "got []"), "is reported");
	ok_eq(parse_quoted(MATCH("{'all':[]}") " {}", 0, &ps), -EINVAL, "data after the object");
	ok(find_msg("rule.json: expected one JSON object", "data after the object"), "is reported");
	ok_eq(parse_quoted(MATCH("{'all':[]}") " \n", 0, &ps), 0, "trailing white space is fine");
	policy_set_free(ps);

	for (int i = 0; i < 40; i++)
		n += (size_t)snprintf(deep + n, sizeof(deep) - n, "{'not':");
	n += (size_t)snprintf(deep + n, sizeof(deep) - n, "{'all':[]}");
	for (int i = 0; i < 40; i++)
		n += (size_t)snprintf(deep + n, sizeof(deep) - n, "}");
	big = malloc(strlen(deep) + 256);
	snprintf(big, strlen(deep) + 256, MATCH("%s"), deep);
	ok_eq(parse_quoted(big, 0, &ps), -EINVAL, "predicates nested 40 deep");
	ok(find_msg("rule.json: where.not.not.not", "at most 32 deep"), "are refused by depth");
	free(big);

	ok_eq(parse_quoted("{'name':'Bad','kind':'rate','metric':'x','per_second':-1,'over':'1y',"
			   "'action':{'type':'block'}}", 0, &ps), -EINVAL, "many mistakes at once");
	ok(got.n >= 6, "each one reported (%d messages)", got.n);

	big = malloc(POLICY_MAX_FILE + 2);
	memset(big, ' ', POLICY_MAX_FILE + 1);
	big[POLICY_MAX_FILE + 1] = '\0';
	got.n = 0;
	ok_eq(policy_set_parse("huge.json", big, POLICY_MAX_FILE + 1, 0, &rep, &ps), -EINVAL,
	      "a file over 1 MiB");
	ok(find_msg("huge.json: expected a policy file of at most 1 MiB", ""), "is refused");
	free(big);
}

/* File name + field path past POLICY_MSG_MAX: the message is cut, not written past its buffer. */
static void test_long_names(void)
{
	static const char json[] = "{\"name\":\"Bad\"}";
	char name[3000], msg[2 * POLICY_MSG_MAX];
	struct policy_set *ps = NULL;
	int err, fds[2], saved;
	ssize_t n;

	memset(name, 'f', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	memcpy(name + sizeof(name) - 6, ".json", 5);
	got.n = 0;
	ok_eq(policy_set_parse(name, json, strlen(json), 0, &rep, &ps), -EINVAL,
	      "a policy from a file with a 3000-byte name");
	ok(got.n >= 1, "is reported (%d messages)", got.n);
	ok(got.n && strlen(got.msg[0]) == POLICY_MSG_MAX - 1, "cut to the message size");
	ok(got.n && !strncmp(got.msg[0], name, POLICY_MSG_MAX - 1), "starting with the file");

	memset(name, 'f', POLICY_MSG_MAX - 40);
	snprintf(name + POLICY_MSG_MAX - 40, sizeof(name) - POLICY_MSG_MAX + 40, ".json");
	got.n = 0;
	policy_set_parse(name, json, strlen(json), 0, &rep, &ps);
	ok(got.n && !strncmp(got.msg[0] + strlen(name), ": name: exp", 11),
	   "a name just under the size keeps the start of the field path");

	/* "FILE: name: " just past the size: the old code wrote right behind its buffer. */
	for (size_t len = POLICY_MSG_MAX - 12; len < POLICY_MSG_MAX + 4; len++) {
		memset(name, 'f', len);
		name[len] = '\0';
		got.n = 0;
		policy_set_parse(name, json, strlen(json), 0, &rep, &ps);
		if (!got.n || strlen(got.msg[0]) != POLICY_MSG_MAX - 1)
			break;
	}
	ok(got.n && strlen(got.msg[0]) == POLICY_MSG_MAX - 1,
	   "names filling the message to a few bytes past its size are cut too");

	/* A NULL report: the library writes nothing anywhere. */
	if (pipe(fds) || (saved = dup(STDERR_FILENO)) < 0) {
		ok(0, "pipe for stderr");
		return;
	}
	fflush(stderr);
	dup2(fds[1], STDERR_FILENO);
	err = policy_set_parse("quiet.json", json, strlen(json), 0, NULL, &ps);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	close(fds[1]);
	n = read(fds[0], msg, sizeof(msg));
	close(fds[0]);
	ok_eq(err, -EINVAL, "without a report a bad policy still fails");
	ok_eq(n, 0, "and nothing is written to stderr");
}

static void test_min_max(void)
{
	struct policy_set *ps;
	const struct policy_window *w;

	ok_eq(parse_quoted(WINX(SLIDE, "[{'name':'small','fn':'min','field':'bytes'},"
				"{'name':'worst','fn':'max','field':'status'}]",
				"{'agg':'worst','ge':500}"), 0, &ps), 0, "min and max load");
	if (!ps) {
		dump_msgs();
		return;
	}
	w = &ps->policies[0].window;
	ok_eq(w->n_aggs, 2, "two aggregates");
	ok(w->aggs[0].fn == AGG_MIN && w->aggs[0].field == REQ_BYTES, "min of bytes");
	ok(w->aggs[1].fn == AGG_MAX && w->aggs[1].field == REQ_STATUS, "max of status");
	ok_str(agg_fn_name(w->aggs[1].fn), "max", "named max");
	ok(w->n_conds == 1 && w->conds[0].agg == 1, "having names the max");
	policy_set_free(ps);
	ok_eq(parse_quoted(WINX(TUMBLE, "[{'name':'m','fn':'max','field':'has_cookie'}]",
				"{'agg':'m','lt':1,'rise_factor':2}"), 0, &ps), 0,
	      "max of a boolean, with rise_factor on a tumbling window");
	policy_set_free(ps);
}

/* Write text to dir/name (dir/lists/ made on the way); the path in out. */
static void write_file(const char *dir, const char *name, const char *text, char *out,
		       size_t len)
{
	FILE *f;

	snprintf(out, len, "%s/lists", dir);
	mkdir(out, 0700);
	snprintf(out, len, "%s/%s", dir, name);
	f = fopen(out, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* List files through directory loading: relative paths, and each way a list is refused. */
static void test_list_files(void)
{
	char dir[] = "/tmp/gh-test-lists-XXXXXX", path[512], want[512], *longline;
	struct policy_set *ps = NULL;

	if (!ok(mkdtemp(dir) != NULL, "a scratch directory"))
		return;
	write_file(dir, "lists/ok.data", "# tools\nsqlmap\n\nNikto\nsqlmap\n", path,
		   sizeof(path));
	write_file(dir, "p.json", "{\"name\":\"p\",\"description\":\"d\",\"kind\":\"match\","
		   "\"where\":{\"all\":[{\"field\":\"user_agent\",\"phrases_file\":"
		   "\"lists/ok.data\"},{\"field\":\"path\",\"phrases_file\":\"lists/ok.data\"},"
		   "{\"field\":\"user_agent\",\"phrases\":[\"NIKTO\",\"sqlmap\"]}]},"
		   "\"action\":{\"type\":\"alert\"}}", path, sizeof(path));
	got.n = 0;
	ok_eq(policy_set_load_dir(dir, NULL, &rep, &ps), 0, "a policy with a relative list file loads");
	ok(ps && regex_set_count(ps->regexes) == 2,
	   "the same phrases over the same field are one list (repeats and case aside)");
	dump_msgs();
	policy_set_free(ps);
	ps = NULL;

	longline = malloc(PHRASE_MAX_LEN + 64);
	memcpy(longline, "# long\nok\n", 10);
	memset(longline + 10, 'a', PHRASE_MAX_LEN + 1);
	strcpy(longline + 10 + PHRASE_MAX_LEN + 1, "\nfine\n");
	write_file(dir, "lists/long.data", longline, path, sizeof(path));
	free(longline);
	write_file(dir, "lists/none.data", "# only a comment\n\n", path, sizeof(path));
	write_file(dir, "p.json", "{\"name\":\"p\",\"description\":\"d\",\"kind\":\"match\","
		   "\"where\":{\"any\":[{\"field\":\"user_agent\",\"phrases_file\":"
		   "\"lists/long.data\"},{\"field\":\"user_agent\",\"phrases_file\":"
		   "\"lists/none.data\"},{\"field\":\"user_agent\",\"phrases_file\":"
		   "\"lists/gone.data\"}]},\"action\":{\"type\":\"alert\"}}", path, sizeof(path));
	got.n = 0;
	ok_eq(policy_set_load_dir(dir, NULL, &rep, &ps), -EINVAL, "bad list files reject the set");
	ok(ps == NULL, "nothing loaded");
	snprintf(want, sizeof(want), "%s/p.json: where.any[0].phrases_file: %s/lists/long.data:3: "
		 "expected a phrase of at most 1024 bytes", dir, dir);
	ok(find_msg(want, ""), "a long line: policy file, field, list file and line");
	snprintf(want, sizeof(want), "%s/p.json: where.any[1].phrases_file: %s/lists/none.data: "
		 "expected at least one phrase, got none", dir, dir);
	ok(find_msg(want, ""), "a list without phrases");
	snprintf(want, sizeof(want), "%s/p.json: where.any[2].phrases_file: %s/lists/gone.data: "
		 "expected a readable list file, got No such file or directory", dir, dir);
	if (!ok(find_msg(want, ""), "a missing list, where it was looked for"))
		dump_msgs();
	ok_eq(got.n, 3, "one message each");

	for (const char *const *n = (const char *const[]){ "lists/ok.data", "lists/long.data",
							    "lists/none.data", "p.json", NULL };
	     *n; n++) {
		snprintf(path, sizeof(path), "%s/%s", dir, *n);
		unlink(path);
	}
	snprintf(path, sizeof(path), "%s/lists", dir);
	rmdir(path);
	rmdir(dir);
}

/* Counters of handshake-verified traffic may block; SYNs and packets may alert. */
static void test_verified_metrics(void)
{
	static const char *const blockable[] = { RATEB("conns"), RATEB("requests"),
						 RATEB("request_bytes"), RATEB("resp_2xx"),
						 RATEB("resp_3xx"), RATEB("resp_4xx"),
						 RATEB("resp_5xx") };
	struct policy_set *ps;

	for (size_t i = 0; i < sizeof(blockable) / sizeof(blockable[0]); i++) {
		got.n = 0;
		if (!ok(parse_quoted(blockable[i], 0, &ps) == 0, "block on %s loads",
			rate_metric_name(RATE_conns + i)))
			dump_msgs();
		policy_set_free(ps);
	}
	ok_eq(parse_quoted(RATE(",'metric':'syns','per_second':1,'over':'5s'"), 0, &ps), 0,
	      "alert on syns loads");
	policy_set_free(ps);
	ok(!rate_metric_verified(RATE_syns) && !rate_metric_verified(RATE_packets) &&
	   rate_metric_verified(RATE_conns) && rate_metric_verified(RATE_requests),
	   "syns and packets unverified, conns and requests verified");
}

static void test_regex_flags(void)
{
	struct policy_set *ps;

	ok_eq(parse_quoted(MATCH("{'field':'path','regex':'^/a'}"), REGEX_PCRE2_ONLY, &ps), 0,
	      "a policy loads with PCRE2 only");
	ok(ps && !regex_uses_hyperscan(ps->regexes, 0), "and its regex runs on PCRE2");
	policy_set_free(ps);
	ok_eq(parse_quoted(MATCH("{'field':'path','regex':'(?<=a)b'}"), 0, &ps), 0,
	      "look-behind loads");
	ok(ps && !regex_uses_hyperscan(ps->regexes, 0), "on the PCRE2 fallback");
	policy_set_free(ps);
}

int main(void)
{
	test_valid_dir();
	test_dirs_all_or_nothing();
	test_rules();
	test_duplicate_keys();
	test_whole_file_errors();
	test_long_names();
	test_min_max();
	test_regex_flags();
	test_verified_metrics();
	test_list_files();
	return tap_done();
}
