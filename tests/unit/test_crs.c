// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The CRS stage with the real OWASP CRS 3.3.4 of the modsecurity-crs package
 * (`make deps` installs it; without it every check is skipped): classic
 * one-request attacks fire the rules they should, benign requests stay
 * under the threshold, paranoia level, threshold and exclusions change the
 * outcome, a score below the threshold flags only with a corroborating sign
 * (an error answer, no Referer), a broken rules dir is an input error naming
 * the file, and the prefilter lets no scored attack through while skipping
 * benign records.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

#include "engine/crs.h"
#include "tap.h"

#define BROWSER_UA                                                                         \
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) " \
	"Chrome/120.0 Safari/537.36"
#define BROWSER_ACCEPT "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

/* A request as the tests write it; NULL fields are absent, "" present and empty. */
struct req {
	const char *path, *query, *ua, *referer, *host, *accept, *method;
};

static void set(struct request_record *r, enum req_field f, struct gh_str *dst, const char *s)
{
	if (s)
		req_set_str(r, f, dst, s, (uint32_t)strlen(s));
}

static void build(struct request_record *r, const struct req *q)
{
	const char *m = q->method ? q->method : "GET";

	memset(r, 0, sizeof(*r));
	req_set_method(r, m, (uint32_t)strlen(m));
	set(r, REQ_VERSION, &r->version, "HTTP/1.1");
	set(r, REQ_PATH, &r->path, q->path ? q->path : "/");
	set(r, REQ_QUERY, &r->query, q->query);
	set(r, REQ_USER_AGENT, &r->user_agent, q->ua);
	set(r, REQ_REFERER, &r->referer, q->referer);
	set(r, REQ_HOST, &r->host, q->host);
	set(r, REQ_ACCEPT, &r->accept, q->accept);
	gh_addr_parse("192.0.2.7", &r->src);
	r->present |= REQ_BIT(REQ_SRC_IP);
}

/* A browser's request for path?query: Host, Accept and User-Agent present. */
static struct req browser(const char *path, const char *query)
{
	return (struct req){ .path = path, .query = query, .ua = BROWSER_UA,
			     .host = "shop.example", .accept = BROWSER_ACCEPT };
}

static struct crs_result eval_full(const struct crs_engine *e, const struct req *q)
{
	struct request_record r;
	struct crs_result res;

	build(&r, q);
	if (crs_eval_full(e, &r, &res))
		memset(&res, 0, sizeof(res));
	return res;
}

static bool has_hit(const struct crs_result *res, unsigned int id)
{
	for (unsigned int i = 0; i < res->n_hits; i++)
		if (res->hits[i].id == id)
			return true;
	return false;
}

static void diag_hits(const char *what, const struct crs_result *res)
{
	char line[512] = "";
	size_t n = 0;

	for (unsigned int i = 0; i < res->n_hits && n < sizeof(line) - 16; i++)
		n += (size_t)snprintf(line + n, sizeof(line) - n, " %u", res->hits[i].id);
	tap_diag("%s: score %u, rules%s", what, res->score, line);
}

static struct crs_engine *open_engine(unsigned int pl, unsigned int threshold,
				      const unsigned int *excl, size_t n_excl, bool prefilter)
{
	struct crs_options o = { .paranoia = pl, .threshold = threshold, .exclude_ids = excl,
				 .n_exclude = n_excl, .no_prefilter = !prefilter };
	struct gh_err err = { 0 };
	struct crs_engine *e = NULL;

	if (crs_open(&o, &e, &err))
		tap_diag("crs_open: %s (%s:%u)", err.msg, err.file, err.line);
	return e;
}

/* ---- attacks and benign requests at the defaults ------------------------- */

struct attack {
	const char *name;
	struct req q;
	unsigned int rule; /* must be among the hits */
};

static void test_attacks(const struct crs_engine *e)
{
	struct req sqlmap = browser("/item", "id=1"), jndi = browser("/", "x=${jndi:ldap://x/a}");

	sqlmap.ua = "sqlmap/1.7.2#stable (https://sqlmap.org)";
	const struct attack attacks[] = {
		{ "SQLi UNION SELECT", browser("/item", "id=1'+UNION+SELECT+user,password+FROM+users--"),
		  942100 },
		{ "XSS <script>", browser("/search", "q=<script>alert(1)</script>"), 941100 },
		{ "LFI in the path", browser("/../../etc/passwd", NULL), 930110 },
		{ "LFI in a parameter", browser("/view", "file=../../etc/passwd"), 930120 },
		{ "RCE ;cat", browser("/ping", "cmd=;cat+/etc/passwd"), 932100 },
		{ "Log4Shell lookup in a parameter", jndi, 932130 },
		{ "sqlmap User-Agent", sqlmap, 913100 },
	};

	for (size_t i = 0; i < sizeof(attacks) / sizeof(attacks[0]); i++) {
		struct crs_result res = eval_full(e, &attacks[i].q);

		ok(res.evaluated && res.flagged && has_hit(&res, attacks[i].rule),
		   "%s: flagged (score %u >= 5) with rule %u", attacks[i].name, res.score,
		   attacks[i].rule);
		if (!res.flagged || !has_hit(&res, attacks[i].rule))
			diag_hits(attacks[i].name, &res);
	}
}

/* CRS 3.3.4 has no rule for a JNDI lookup in a header (4.x adds 944xxx ones). */
static void test_log4shell_header(const struct crs_engine *e)
{
	struct req q = browser("/", NULL);
	struct crs_result res;

	q.ua = "${jndi:ldap://x/a}";
	res = eval_full(e, &q);
	ok(res.evaluated && res.score == 0,
	   "CRS 3.3.4 does not score ${jndi:...} in User-Agent (score %u): a known gap", res.score);
}

/* A Referer naming the request itself carries the target's payload: not scored twice. */
static void test_self_referer(const struct crs_engine *e)
{
	struct req q = browser("/wiki/Special:Search", "search=%3Cscript%3E&go=Go");
	unsigned int none, self, other;

	none = eval_full(e, &q).score;
	q.referer = "https://shop.example/wiki/Special:Search?search=%3Cscript%3E&go=Go";
	self = eval_full(e, &q).score;
	q.referer = "https://shop.example/wiki/Other?search=%3Cscript%3E&go=Go";
	other = eval_full(e, &q).score;
	ok(none >= 5 && self == none,
	   "the search sent again from its own answer page scores as the search (%u, %u)", self,
	   none);
	ok(other > none, "a Referer carrying a payload of its own is scored (%u > %u)", other, none);
	q.referer = "https://shop.example/wiki/Special:Search?search=%3Cscript%3E&go=Go"
		    "#%3Cimg%20src=x%20onerror=alert(1)%3E";
	other = eval_full(e, &q).score;
	ok(other > none, "the request itself with a fragment is no browser's Referer: scored (%u)",
	   other);
}

static void test_benign(const struct crs_engine *e)
{
	struct req wp = browser("/2024/05/hello-world/", "replytocom=12");
	struct req api = browser("/api/v1/orders", "access_token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXV"
				 "CJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9P"
				 "lFUP0THsR8U&page=2");
	struct req q[4];
	const char *names[] = { "shop product page", "search for script writing", "WordPress page",
				"JSON API GET with a bearer token in the query" };

	wp.referer = "https://blog.example/2024/05/";
	api.accept = "application/json";
	q[0] = browser("/product/union-select-jacket", NULL);
	q[1] = browser("/search", "q=script+writing");
	q[2] = wp;
	q[3] = api;
	for (size_t i = 0; i < 4; i++) {
		struct crs_result res = eval_full(e, &q[i]);

		ok(res.evaluated && !res.flagged && res.score < 5, "benign %s: score %u", names[i],
		   res.score);
		if (res.score)
			diag_hits(names[i], &res);
	}
}

/* A combined log has no Host or Accept: not seen is not missing (920280 stays quiet). */
static void test_unseen_fields(const struct crs_engine *e)
{
	struct req logline = { .path = "/about", .ua = BROWSER_UA };
	struct req numeric = browser("/about", NULL);
	struct crs_result res = eval_full(e, &logline);

	ok(res.evaluated && res.score == 0, "record without Host and Accept scores 0 (got %u)",
	   res.score);
	numeric.host = "203.0.113.9";
	res = eval_full(e, &numeric);
	ok(has_hit(&res, 920350) && !res.flagged,
	   "a numeric Host reaches CRS as the Host header (920350, score %u)", res.score);
}

static void test_hits_bounded(const struct crs_engine *e)
{
	struct req q = browser("/a", "a='+union+select+1--&b=<script>alert(1)</script>&c=;cat+/etc/"
				     "passwd&d=../../etc/shadow&e=${jndi:x}&f=<img+onerror=x>");
	struct crs_result res = eval_full(e, &q);

	ok(res.n_fired > CRS_MAX_HITS && res.n_hits == CRS_MAX_HITS,
	   "hits kept are bounded: %u fired, %u kept", res.n_fired, res.n_hits);
	ok(res.hits[0].id && res.hits[0].msg[0], "a hit has its id and message (%u: %s)",
	   res.hits[0].id, res.hits[0].msg);
}

/* ---- options ------------------------------------------------------------- */

static void test_paranoia(void)
{
	struct req q = browser("/list", "q=a-b-c-d-e-f-g-h-i-j-k-l-m-n");
	struct crs_engine *pl1 = open_engine(1, 0, NULL, 0, false);
	struct crs_engine *pl2 = open_engine(2, 0, NULL, 0, false);
	struct crs_result r1 = eval_full(pl1, &q), r2 = eval_full(pl2, &q);

	ok(crs_paranoia(pl2) == 2 && r1.score == 0 && has_hit(&r2, 942430),
	   "paranoia 2 adds 942430 (special characters) to a dashed value: %u -> %u", r1.score,
	   r2.score);
	crs_close(pl1);
	crs_close(pl2);
}

static void test_exclusion_threshold(const struct crs_engine *dflt)
{
	static const unsigned int excl[] = { 942100, 942190 };
	struct req q = browser("/item", "id=1'+UNION+SELECT+user,password+FROM+users--");
	struct crs_engine *ex = open_engine(1, 0, excl, 2, false);
	struct crs_engine *high = open_engine(1, 100, NULL, 0, false);
	struct crs_result base = eval_full(dflt, &q), rex = eval_full(ex, &q),
			  rhigh = eval_full(high, &q);

	ok(!has_hit(&rex, 942100) && !has_hit(&rex, 942190) && rex.score < base.score,
	   "SecRuleRemoveById 942100 942190: score %u -> %u", base.score, rex.score);
	ok(crs_threshold(high) == 100 && rhigh.score == base.score && !rhigh.flagged,
	   "threshold 100: same score %u, not flagged", rhigh.score);
	crs_close(ex);
	crs_close(high);
}

/* ---- a raw '#' in the target ----------------------------------------------- */

/* ModSecurity reads nothing after a '#'; the application gets what follows it. */
static void test_raw_hash(const struct crs_engine *e, struct crs_ctx *c)
{
	static const char *const queries[] = {
		"z=#&id=1%27%20UNION%20SELECT%20username,password%20FROM%20users--",
		"z=#&x=%3Cscript%3Ealert(1)%3C/script%3E",
		"z=#&q=a%3B%2Fusr%2Fbin%2Fid%7C",
	};
	struct req q = browser("/search", NULL);

	for (size_t i = 0; i < sizeof(queries) / sizeof(*queries); i++) {
		struct request_record r;
		struct crs_result res;

		q.query = queries[i];
		build(&r, &q);
		if (crs_eval(e, c, &r, &res))
			memset(&res, 0, sizeof(res));
		ok(res.flagged, "%s: the payload after a raw '#' is scored (score %u)", queries[i],
		   res.score);
	}
}

/* ---- template placeholders (932130 on ${name} alone) ---------------------- */

static void test_placeholders(const struct crs_engine *e)
{
	static const unsigned int excl[] = { 932130 };
	static const struct {
		const char *query;
		bool spared;
	} cases[] = {
		{ "city=${city}&maxPrice=${maxPrice}", true },       /* two arguments: 10 */
		{ "price=${AUCTION_PRICE}&cur=USD", true },           /* an ad server's macro */
		{ "p=${AUCTION_PRICE:B64}&id=${AUCTION_ID}", true },  /* with its encoding */
		{ "t=%24%7BUser_Name%7D", true },                     /* encoded once */
		{ "x=${7*7}", false },                                /* template injection */
		{ "x=${jndi:ldap://a.example/x}", false },
		{ "x=${env:HOME}", false },
		{ "x=${X:}", false },
		{ "q=$(id)", false },
		{ "a=${x}&b=$(id)", false },
		{ "a=${x}&b=%24%20(id)", false },                    /* t:cmdLine's "$ (" */
		{ "xss=[].sort.call%60%24%7Balert%7D1337%60", false }, /* a JavaScript template */
		{ "a=%2524%257Bx%257D", false },                      /* decoded by CRS twice */
		{ "id=1%27%20OR%20%271%27%3D%271&a=${x}", false },    /* 942100 too */
		/* After a raw '#' ModSecurity reads nothing: placeholders there score nothing and
		 * must not pay for another rule's (a red team's find). */
		{ "id=1%27%20UNION%20SELECT%20username,password%20FROM%20users--&z=#&a=${a}&b=${b}"
		  "&c=${c}", false },
		{ "q=a%3B%2Fusr%2Fbin%2Fid%7C&z=#&a=${a}", false },
		{ "a=${x}&a=${y}", false },                           /* one name twice */
		{ "=${x}", false },                                   /* no name */
		{ "a=${x}%2524(id)", false },                         /* $(id) once more decoded */
		/* What an injection asks for is no placeholder: EL objects, variables, secrets. */
		{ "message=${applicationScope}", false },
		{ "x=${SHELL}", false },
		{ "name=${AWS_SECRET_ACCESS_KEY}", false },
		{ "name=${db_password}", false },
	};
	struct crs_engine *ex = open_engine(1, 0, excl, 1, false);
	struct req q = browser("/api", NULL);
	struct crs_result r;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		q.query = cases[i].query;
		r = eval_full(e, &q);
		ok(r.score >= 5 && r.placeholder == cases[i].spared && r.flagged != cases[i].spared,
		   "%s: score %u, %s", cases[i].query, r.score,
		   cases[i].spared ? "placeholders alone, not flagged" : "flagged");
	}
	/* Without 932130 another rule's score is no placeholder's. */
	q.query = "id=1%27%20OR%20%271%27%3D%271&a=${x}";
	r = eval_full(ex, &q);
	ok(r.score == 5 && !r.placeholder && r.flagged,
	   "932130 excluded: one other rule beside a ${name} flags (score %u)", r.score);
	crs_close(ex);
}

/* ---- the corroborated level ---------------------------------------------- */

/* q scored as a record answered with status (0: no status, as a live head). */
static struct crs_result eval_status(const struct crs_engine *e, const struct req *q,
				     uint16_t status)
{
	struct request_record r;
	struct crs_result res;

	build(&r, q);
	if (status) {
		r.status = status;
		r.present |= REQ_BIT(REQ_STATUS);
	}
	if (crs_eval_full(e, &r, &res))
		memset(&res, 0, sizeof(res));
	return res;
}

static struct crs_engine *open_corroborated(unsigned int by)
{
	struct crs_options o = { .threshold = 15, .corroborated_threshold = 5,
				 .corroborate_by = by, .no_prefilter = true };
	struct gh_err err = { 0 };
	struct crs_engine *e = NULL;

	if (crs_open(&o, &e, &err))
		tap_diag("crs_open: %s", err.msg);
	return e;
}

static void test_corroborated(void)
{
	struct crs_engine *both = open_corroborated(CRS_SIGNS_ALL);
	struct crs_engine *status_only = open_corroborated(CRS_SIGN_ERROR_STATUS);
	/* One critical rule (942100, libinjection); three (941100, 941110, 941160). */
	struct req one = browser("/product.php", "id=1%27%20OR%20%271%27%3D%271");
	struct req three = browser("/search", "q=%3Cscript%3Ealert(1)%3C/script%3E");
	struct req page = one, low = browser("/search", "q=50%+off");
	struct crs_result r;

	if (!both || !status_only) {
		ok(false, "CRS opens with a corroborated level");
		crs_close(both);
		crs_close(status_only);
		return;
	}
	ok(crs_threshold(both) == 15 && crs_corroborated_threshold(both) == 5 &&
		   crs_corroborate_by(both) == CRS_SIGNS_ALL,
	   "threshold 15, corroborated from 5 by both signs");
	page.referer = three.referer = "https://shop.example/search?q=socks";
	r = eval_status(both, &one, 0);
	ok(r.score >= 5 && r.score < 15 && r.flagged && r.corroborated_by == CRS_SIGN_NO_REFERER,
	   "one rule, no Referer: flagged, corroborated by no_referer (score %u, signs %u)",
	   r.score, r.corroborated_by);
	r = eval_status(both, &page, 200);
	ok(r.score >= 5 && !r.flagged && !r.corroborated_by,
	   "the same from a page, answered 200: not flagged (score %u)", r.score);
	r = eval_status(both, &page, 0);
	ok(!r.flagged, "the same from a page with no status (a live head): not flagged");
	r = eval_status(both, &page, 404);
	ok(r.flagged && r.corroborated_by == CRS_SIGN_ERROR_STATUS,
	   "the same answered 404: corroborated by error_status (signs %u)", r.corroborated_by);
	r = eval_status(both, &one, 503);
	ok(r.flagged && r.corroborated_by == CRS_SIGNS_ALL,
	   "no Referer and a 503: both signs named (%u)", r.corroborated_by);
	page.referer = "";
	r = eval_status(both, &page, 200);
	ok(r.flagged && r.corroborated_by == CRS_SIGN_NO_REFERER,
	   "an empty Referer is no Referer (signs %u)", r.corroborated_by);
	page.referer = "shop.example/search?q=socks";
	r = eval_status(both, &page, 200);
	ok(r.flagged && r.corroborated_by == CRS_SIGN_NO_REFERER,
	   "a Referer that is no http(s) URL is no page's (signs %u)", r.corroborated_by);
	page.referer = "HTTPS://shop.example/";
	r = eval_status(both, &page, 200);
	ok(!r.flagged, "an http(s) URL in any case is a page's Referer");
	page.referer = "https://shop.example";
	r = eval_status(both, &page, 200);
	ok(r.flagged && r.corroborated_by == CRS_SIGN_NO_REFERER,
	   "a bare origin without its '/' is no browser's Referer (signs %u)", r.corroborated_by);
	page.referer = "https://shop.example/search?q=socks and shoes";
	r = eval_status(both, &page, 200);
	ok(r.flagged && r.corroborated_by == CRS_SIGN_NO_REFERER,
	   "a page URL with a raw space no browser sends: no page's Referer (signs %u)",
	   r.corroborated_by);
	page.referer = "https://shop.example/\"shoes\"";
	page.ua = "Mozilla/5.0 (compatible; Twitterbot/1.0)";
	r = eval_status(both, &page, 200);
	ok(r.flagged && r.corroborated_by == CRS_SIGN_NO_REFERER,
	   "nor with a raw '\"', even from a declared crawler (signs %u)", r.corroborated_by);
	page.referer = "https://shop.example/search?q=socks%20and%20%22shoes%22%3C%3E";
	page.ua = one.ua;
	r = eval_status(both, &page, 200);
	ok(!r.flagged, "the same bytes percent-encoded, as browsers send them: a page's Referer");
	r = eval_status(status_only, &one, 200);
	ok(!r.flagged, "by error_status only: no Referer alone does not corroborate");
	r = eval_status(both, &one, 302);
	ok(r.flagged && r.corroborated_by == CRS_SIGN_NO_REFERER,
	   "a 302 is no error answer (signs %u)", r.corroborated_by);
	page = one;
	page.ua = "Mozilla/5.0 (compatible; Twitterbot/1.0)";
	r = eval_status(both, &page, 200);
	ok(r.score >= 5 && !r.flagged, "a declared crawler's missing Referer corroborates nothing");
	page.ua = "Mozilla/5.0 (compatible; Google-Read-Aloud; +https://support.google.com/x)";
	r = eval_status(both, &page, 200);
	ok(!r.flagged, "nor does one with a contact URL");
	r = eval_status(both, &page, 404);
	ok(r.flagged && r.corroborated_by == CRS_SIGN_ERROR_STATUS,
	   "a crawler answered 404: corroborated by error_status (signs %u)", r.corroborated_by);
	page.ua = "Mozilla/5.0 (compatible; bot)";
	r = eval_status(both, &page, 0);
	ok(r.flagged && r.corroborated_by == CRS_SIGN_NO_REFERER,
	   "a bare 'bot' names no crawler: its missing Referer still counts (signs %u)",
	   r.corroborated_by);
	/* Programs send no Referer: from them it corroborates two rules or more. */
	page = one;
	page.ua = "python-requests/2.31.0";
	r = eval_status(both, &page, 200);
	ok(r.score >= 5 && r.score < 10 && !r.flagged,
	   "one rule from a program, no Referer, answered 200: not flagged (score %u)", r.score);
	r = eval_status(both, &page, 500);
	ok(r.flagged && r.corroborated_by == CRS_SIGN_ERROR_STATUS,
	   "the same answered 500: corroborated by error_status (signs %u)", r.corroborated_by);
	page.ua = "curl/8.5.0 ${x}";
	r = eval_status(both, &page, 200);
	ok(r.flagged && r.corroborated_by & CRS_SIGN_NO_REFERER,
	   "a User-Agent with payload characters names no program (signs %u)", r.corroborated_by);
	page = one;
	page.referer = "http://x/";
	r = eval_status(both, &page, 0);
	ok(r.flagged && r.corroborated_by == CRS_SIGN_NO_REFERER,
	   "a Referer from another site than the request's Host is no page of it (signs %u)",
	   r.corroborated_by);
	page.host = NULL;
	r = eval_status(both, &page, 0);
	ok(!r.flagged, "without a Host to compare (a combined log), any page URL counts");
	r = eval_status(both, &three, 200);
	ok(r.score >= 15 && r.flagged && !r.corroborated_by,
	   "three rules from a page, answered 200: flagged on the score alone (%u)", r.score);
	r = eval_status(both, &low, 404);
	ok(r.score > 0 && r.score < 5 && !r.flagged,
	   "below the corroborated level nothing corroborates (score %u)", r.score);
	ok(!strcmp(crs_sign_name(CRS_SIGN_ERROR_STATUS), "error_status") &&
		   !strcmp(crs_sign_name(CRS_SIGN_NO_REFERER), "no_referer") && !crs_sign_name(4) &&
		   !crs_sign_name(CRS_SIGNS_ALL),
	   "sign names as policies spell them; none for a set or an unknown bit");
	crs_close(both);
	crs_close(status_only);
}

/* The alert's evidence.crs.corroborated_by. */
static void test_signs_json(void)
{
	struct json_object *all = crs_signs_json(CRS_SIGNS_ALL);
	struct json_object *one = crs_signs_json(CRS_SIGN_NO_REFERER);
	const char *a = json_object_to_json_string_ext(all, JSON_C_TO_STRING_PLAIN);
	const char *o = json_object_to_json_string_ext(one, JSON_C_TO_STRING_PLAIN);

	ok(!strcmp(a, "[\"error_status\",\"no_referer\"]") && !strcmp(o, "[\"no_referer\"]"),
	   "the signs as the alert names them: %s, %s", a, o);
	json_object_put(all);
	json_object_put(one);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void test_load_errors(void)
{
	char dir[] = "/tmp/gh-crs-test-XXXXXX", file[128];
	struct crs_options o = { .no_prefilter = true };
	struct crs_engine *e = NULL;
	struct gh_err err = { 0 };
	int ret;

	if (!mkdtemp(dir))
		return;
	snprintf(file, sizeof(file), "%s/REQUEST-900-BAD.conf", dir);
	write_file(file, "SecRule ARGS \"@rx a\" \"id:1,phase:2,pass\"\n"
			 "SecRule ARGS \"@rx b\" \"id:2,phase:2,pass,nosuchaction\"\n");
	o.rules_dir = dir;
	ret = crs_open(&o, &e, &err);
	ok(ret == -EINVAL && !e && err.input && strstr(err.msg, file) && !strcmp(err.file, file) &&
		   err.line == 2,
	   "a rule file ModSecurity refuses: -EINVAL naming %s:2 (%d, %s:%u)", file, ret, err.file,
	   err.line);
	tap_diag("message: %s", err.msg);
	unlink(file);
	rmdir(dir);
	ret = crs_open(&o, &e, &err);
	ok(ret == -ENOENT && !e && err.input && strstr(err.msg, dir),
	   "a rules dir without REQUEST-*.conf: -ENOENT, input error (%d: %s)", ret, err.msg);
	o = (struct crs_options){ .setup_file = "/nonexistent/crs-setup.conf", .no_prefilter = true };
	ret = crs_open(&o, &e, &err);
	ok(ret == -EINVAL && err.input && !strcmp(err.file, o.setup_file),
	   "a setup file that is not there: -EINVAL naming it (%s)", err.msg);
	o = (struct crs_options){ .paranoia = 5 };
	ok(crs_open(&o, &e, &err) == -EINVAL && err.input, "paranoia 5 is refused: %s", err.msg);
	o = (struct crs_options){ .exclude_ids = (const unsigned int[]){ 0 }, .n_exclude = 1 };
	ok(crs_open(&o, &e, &err) == -EINVAL, "exclusion of rule 0 is refused: %s", err.msg);
	o = (struct crs_options){ .threshold = 10, .corroborated_threshold = 10,
				  .corroborate_by = CRS_SIGN_NO_REFERER };
	ok(crs_open(&o, &e, &err) == -EINVAL && err.input && strstr(err.msg, "below"),
	   "a corroborated level not below the threshold is refused: %s", err.msg);
	o = (struct crs_options){ .corroborated_threshold = 3 };
	ok(crs_open(&o, &e, &err) == -EINVAL && err.input && strstr(err.msg, "no_referer"),
	   "a corroborated level without signs is refused: %s", err.msg);
	o = (struct crs_options){ .corroborated_threshold = 3, .corroborate_by = 1u << 7 };
	ok(crs_open(&o, &e, &err) == -EINVAL && err.input,
	   "an unknown corroborating sign is refused: %s", err.msg);
}

/* ---- prefilter ----------------------------------------------------------- */

/* Requests CRS scores at paranoia 1, one or more per prefilter row or data file. */
static const char *const attack_queries[] = {
	"id=1+or+1=1", "id=1+union+select+1", "q=1+order+by+1", "q=1+having+1", "q=1+is+null",
	"q=time+flies", "q=ls+-la", "q=cat+/etc/passwd", "q=etc/passwd", "q=exec+xp_cmdshell",
	"q=java.lang.Runtime", "q=base64_decode", "q=wget+http", "q=%2e%2e/", "q=1+or+1--",
	"q=x+style=y", "id=4294967295", "q=get+/x+http/1.1", "q=if+exist+c", "q=.htaccess",
	"q=%3Cscript%3E", "a=1&a=2%27", "q=php://input", "q=http://1.2.3.4/x", "q=x%00y",
	"q=%u0027", "q=${jndi:ldap://x}", "q=$(id)", "q=`id`", "q=a|id", "q=<!--",
	"q=document.cookie", "q=allow_url_include", "q=bin/bash", "q=powershell+-enc",
	"q=union+all+select", "q=drop+table+users", "q=1+and+sleep(5)", "q=1'", "q=\"a\"", "jsessionid=74B0CB41",
	"x=1&phpsessid=ab12", "q=meta+http-equiv+set-cookie+x",
};

static const char *const attack_paths[] = {
	"/.env", "/.git/config", "/app/config.bak", "/wp-config.php.old", "/x/base64_decode",
	"/a/../b", "/%2e%2e/etc/passwd", "/index.php~", "/<script>", "/cgi-bin/x;id",
};

static const char *const attack_uas[] = {
	"sqlmap/1.7", "Nikto/2.1.6", "() { :; }; /bin/bash -c id", "<script>alert(1)</script>",
	"' or 1=1--", "x' union select 1--", "../../etc/passwd", "java.lang.Runtime",
};

/* Each scored request must be marked; returns the misses. */
static int recall(const struct crs_engine *e, struct crs_ctx *c, const struct req *q,
		  const char *what)
{
	struct request_record r;
	struct crs_result res;

	build(&r, q);
	if (crs_eval_full(e, &r, &res) || !res.score || crs_prefilter_marks(e, c, &r, NULL))
		return 0;
	tap_diag("prefilter skips %s (CRS score %u)", what, res.score);
	return 1;
}

static void test_prefilter_recall(const struct crs_engine *e, struct crs_ctx *c)
{
	size_t nq = sizeof(attack_queries) / sizeof(*attack_queries);
	size_t np = sizeof(attack_paths) / sizeof(*attack_paths);
	size_t nu = sizeof(attack_uas) / sizeof(*attack_uas);
	int misses = 0;

	for (size_t i = 0; i < nq; i++) {
		struct req q = browser("/p", attack_queries[i]);

		misses += recall(e, c, &q, attack_queries[i]);
	}
	for (size_t i = 0; i < np; i++) {
		struct req q = browser(attack_paths[i], NULL);

		misses += recall(e, c, &q, attack_paths[i]);
	}
	for (size_t i = 0; i < nu; i++) {
		struct req q = browser("/", NULL);

		q.ua = attack_uas[i];
		misses += recall(e, c, &q, attack_uas[i]);
	}
	ok(misses == 0, "prefilter marks every one of %zu attack requests CRS scores (%d missed)",
	   nq + np + nu, misses);
}

/*
 * Header rules no attack needs (numeric or empty Host, empty User-Agent or
 * Accept) send a record to CRS only when together they reach the threshold:
 * a client connecting by address must not cost a full CRS run a request.
 */
/*
 * What fuzz_crs_prefilter found CRS scoring 5 or more and the prefilter not
 * marking: Accept elements without a subtype, a stray byte after the last,
 * a charset 920600 refuses, a query with a raw space beside an empty
 * User-Agent or a numeric Host. Each must be marked whenever CRS scores it.
 */
static void test_prefilter_fuzz_finds(const struct crs_engine *e, struct crs_ctx *c)
{
	static const struct {
		const char *accept, *query, *ua, *host;
	} cases[] = {
		{ "text", NULL, BROWSER_UA, "shop.example" },
		{ "text/html, json", NULL, BROWSER_UA, "shop.example" },
		{ "*", NULL, BROWSER_UA, "shop.example" },
		{ "text/html)", NULL, BROWSER_UA, "shop.example" },
		{ "*/*:", NULL, BROWSER_UA, "shop.example" },
		{ "text/html;charset=ascii", NULL, BROWSER_UA, "shop.example" },
		{ BROWSER_ACCEPT, "a=b c", "", "shop.example" },
		{ BROWSER_ACCEPT, "a=b\tc", BROWSER_UA, "10.0.0.1" },
		/* 941130 reads xhtml after any byte, a letter too. */
		{ BROWSER_ACCEPT, NULL, "Mozilla/5.0 (X11) AppleWebKxhtml+xml", "shop.example" },
		{ BROWSER_ACCEPT, "q=maxlength+xpattern=1", BROWSER_UA, "shop.example" },
		/* 921130 reads a protocol version in any value. */
		{ BROWSER_ACCEPT, "x=HTTP/1.1", BROWSER_UA, "shop.example" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct req q = browser("/x", cases[i].query);
		struct request_record r;
		struct crs_result full;

		q.accept = cases[i].accept;
		q.ua = cases[i].ua;
		q.host = cases[i].host;
		full = eval_full(e, &q);
		build(&r, &q);
		ok(full.score >= 5 && crs_prefilter_marks(e, c, &r, NULL),
		   "Accept \"%s\", query \"%s\", User-Agent \"%.40s\": CRS scores %u, the "
		   "prefilter marks it",
		   cases[i].accept, cases[i].query ? cases[i].query : "", cases[i].ua, full.score);
	}
	/* A NUL inside: CRS's 920270 scores it, and no token reading may take it for a letter. */
	{
		struct req q = browser("/x", NULL);
		struct request_record r;
		struct crs_result full;

		build(&r, &q);
		req_set_str(&r, REQ_ACCEPT, &r.accept, "text/h\0tml", 10);
		ok(!crs_eval_full(e, &r, &full) && full.score >= 5 &&
			   crs_prefilter_marks(e, c, &r, NULL),
		   "an Accept with a NUL byte: CRS scores %u, the prefilter marks it", full.score);
	}
	/* Plain ones stay unmarked. */
	for (size_t i = 0; i < 2; i++) {
		struct req q = browser("/x", "a=b");
		struct request_record r;

		q.accept = i ? "text/html;charset=UTF-8, */*;q=0.8" : BROWSER_ACCEPT;
		build(&r, &q);
		ok(eval_full(e, &q).score == 0 && !crs_prefilter_marks(e, c, &r, NULL),
		   "Accept \"%s\" is plain to both", q.accept);
	}
}

static void test_prefilter_header_anomalies(const struct crs_engine *e, struct crs_ctx *c)
{
	struct req by_addr = browser("/", NULL), by_addr_no_ua = browser("/", NULL);
	struct req empty_ua = browser("/", NULL), by_addr_sqli = browser("/item", "id=1' or '1'='1");
	struct request_record r;
	struct crs_result res;
	int ret;

	by_addr.host = by_addr_no_ua.host = by_addr_sqli.host = "203.0.113.9:8080";
	by_addr_no_ua.ua = empty_ua.ua = "";
	res = eval_full(e, &by_addr);
	ok(has_hit(&res, 920350) && res.score < crs_threshold(e),
	   "a numeric Host alone scores %u in CRS, below the threshold %u", res.score,
	   crs_threshold(e));
	build(&r, &by_addr);
	ret = crs_eval(e, c, &r, &res);
	ok(!ret && !res.evaluated && !res.flagged, "so the prefilter skips it");
	build(&r, &empty_ua);
	ret = crs_eval(e, c, &r, &res);
	ok(!ret && !res.evaluated, "and a browser's request with an empty User-Agent alone");
	build(&r, &by_addr_no_ua);
	ret = crs_eval(e, c, &r, &res);
	ok(!ret && res.evaluated && res.flagged && has_hit(&res, 920350) && has_hit(&res, 920330),
	   "a numeric Host and an empty User-Agent together reach it (score %u): marked",
	   res.score);
	build(&r, &by_addr_sqli);
	ret = crs_eval(e, c, &r, &res);
	ok(!ret && res.evaluated && res.flagged && has_hit(&res, 920350),
	   "an attack by address is marked by the attack, scored with the Host (score %u)",
	   res.score);
}

static void test_prefilter_skips(const struct crs_engine *e, struct crs_ctx *c)
{
	struct req benign[] = {
		browser("/", NULL),
		browser("/static/app.css", NULL),
		browser("/product/42", "ref=nav&p=3"),
		browser("/category/shoes", "utm_source=news&utm_medium=email&id=123456"),
		browser("/search", "q=black+and+white+shoes+for+men"),
		{ .path = "/blog/post-1", .ua = BROWSER_UA, .referer = "https://shop.example/blog" },
		browser("/wiki/Special:Search", NULL),
		browser("/app/cart;jsessionid=0AB12", NULL),
		browser("/img/sprite@2x.png", NULL),
		browser("/list", "ids=1%2C2%2C3&path=%2Fdocs%2Fintro&tag=caf%65"),
	};
	/* Escapes of plain bytes are read decoded: what they spell still marks. */
	struct req spelled[] = {
		browser("/item", "id=1%20%75nion%20%73elect%20password%20from%20users"),
		browser("/file", "name=%2e%2e%2f%2e%2e%2fetc%2fpasswd"),
		browser("/%2e%2e/%2e%2e/etc/passwd", NULL),
		/* 930100's hex spellings, letters and digits only (a review's find). */
		browser("/a/0x2e0x2e/b", NULL),
		browser("/a0x2f0x2e0x2e0x2fb", "x=1"),
		browser("/x", "f=a0x2f0x2e0x2e0x2fb"),
		{ .path = "/", .ua = BROWSER_UA, .host = "a0x2f0x2e0x2e0x2fb.example",
		  .accept = BROWSER_ACCEPT },
	};
	struct req php_calls = browser("/wiki/Foo_(bar)_(baz)", NULL);
	struct req sqli = browser("/item", "id=1'+UNION+SELECT+user,password+FROM+users--");
	struct request_record r;
	struct crs_result res;
	int skipped = 0, ret;

	for (size_t i = 0; i < sizeof(benign) / sizeof(benign[0]); i++) {
		build(&r, &benign[i]);
		skipped += !crs_eval(e, c, &r, &res) && !res.evaluated && !res.score;
	}
	ok(skipped == 10, "prefilter skips plain browsing (paths with ':', ';', '@', escapes of "
	   "plain bytes too): %d of 10 records never reach CRS", skipped);
	for (size_t i = 0; i < sizeof(spelled) / sizeof(spelled[0]); i++) {
		build(&r, &spelled[i]);
		ok(eval_full(e, &spelled[i]).score >= 5 && crs_prefilter_marks(e, c, &r, NULL),
		   "spelled with escapes of plain bytes or 930100's hex (%s?%s, Host %s): CRS "
		   "scores it, marked",
		   spelled[i].path, spelled[i].query ? spelled[i].query : "", spelled[i].host);
	}
	build(&r, &php_calls);
	ok(eval_full(e, &php_calls).score >= 5 && crs_prefilter_marks(e, c, &r, NULL),
	   "a path of two parenthesised words, which 933210 reads as PHP calls: marked");
	build(&r, &sqli);
	ret = crs_eval(e, c, &r, &res);
	ok(!ret && res.evaluated && res.flagged && has_hit(&res, 942100),
	   "a marked record goes through CRS (score %u)", res.score);
	build(&r, &benign[0]);
	ret = crs_eval(e, c, &r, &res);
	ok(!ret && !res.evaluated && !res.flagged && !res.score && !res.n_fired && !res.n_hits,
	   "the same result filled by a skipped record says nothing of the one before");
	test_prefilter_header_anomalies(e, c);
}

/*
 * 920430 allows HTTP/1.0, 1.1, 2.0 and 2: those alone leave a browser's
 * request unmarked; any other version (near ones too) marks it.
 */
static void test_prefilter_versions(const struct crs_engine *e, struct crs_ctx *c)
{
	static const char *const allowed[] = { "HTTP/1.0", "HTTP/1.1", "HTTP/2.0", "HTTP/2" };
	static const char *const other[] = { "HTTP/3", "HTTP/3.0", "HTTP/1.2", "HTTP/0.9",
					     "http/1.1", "HTTP/2.", "HTTP/20", "HTTP/1.10",
					     "HTTP/1", "" };
	struct req q = browser("/", NULL);
	struct request_record r;
	int right = 0;

	for (size_t i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++) {
		build(&r, &q);
		req_set_str(&r, REQ_VERSION, &r.version, allowed[i], (uint32_t)strlen(allowed[i]));
		right += !crs_prefilter_marks(e, c, &r, NULL);
	}
	ok(right == 4, "versions 920430 allows leave a request unmarked: %d of 4", right);
	right = 0;
	for (size_t i = 0; i < sizeof(other) / sizeof(other[0]); i++) {
		build(&r, &q);
		req_set_str(&r, REQ_VERSION, &r.version, other[i], (uint32_t)strlen(other[i]));
		right += crs_prefilter_marks(e, c, &r, NULL);
	}
	ok(right == (int)(sizeof(other) / sizeof(other[0])),
	   "any other version marks it: %d of %zu", right, sizeof(other) / sizeof(other[0]));
}

/* ---- budget ---------------------------------------------------------------- */

/* q from src at ts_ms through crs_eval: 1 scored, 0 shed (nothing said), -1 neither; its
 * score into *score. */
static int answered(const struct crs_engine *e, struct crs_ctx *c, const struct req *q,
		    const char *src, uint64_t ts_ms, unsigned int *score)
{
	struct request_record r;
	struct crs_result res;

	build(&r, q);
	gh_addr_parse(src, &r.src);
	r.ts_ns = ts_ms * 1000000ULL;
	if (crs_eval(e, c, &r, &res))
		return -1;
	*score = res.score;
	return res.evaluated && !res.shed ? 1 : res.shed && !res.evaluated && !res.score ? 0 : -1;
}

/* eval at event time ts_ms: 1 scored, 0 shed, -1 neither (not marked or an error). */
static int scored_at(const struct crs_engine *e, struct crs_ctx *c, const struct req *q,
		     uint64_t ts_ms)
{
	static unsigned int calls;
	unsigned int score;
	char query[256];
	struct req fresh = *q;

	/* A query of its own each call: the memo (test_memo) would answer a repeated one. */
	if (q->query) {
		snprintf(query, sizeof(query), "%s&n=%u", q->query, ++calls);
		fresh.query = query;
	}
	return answered(e, c, &fresh, "192.0.2.7", ts_ms, &score);
}

/*
 * max_per_second: a second's ModSecurity runs up front, refilled by event
 * time (a late record refills nothing); marked records beyond are shed,
 * unmarked ones never count.
 */
static void test_budget(void)
{
	struct crs_options o = { .max_per_second = 2 };
	struct req sqli = browser("/item", "id=1'+UNION+SELECT+user,password+FROM+users--");
	struct req plain = browser("/", NULL);
	struct gh_err err = { 0 };
	struct crs_engine *e = NULL;
	struct crs_ctx *c;

	if (crs_open(&o, &e, &err) || !(c = crs_ctx_new(e))) {
		ok(0, "CRS with max_per_second 2 opens: %s", err.msg);
		crs_close(e);
		return;
	}
	ok(scored_at(e, c, &sqli, 10000) == 1 && scored_at(e, c, &sqli, 10000) == 1,
	   "two marked records in one instant: both scored (a second's budget)");
	ok(scored_at(e, c, &sqli, 10000) == 0, "the third is shed, not scored");
	ok(scored_at(e, c, &plain, 10000) == -1, "an unmarked record is neither scored nor shed");
	ok(scored_at(e, c, &sqli, 10499) == 0 && scored_at(e, c, &sqli, 10500) == 1,
	   "half a second later one run is back (499 ms: none yet)");
	ok(scored_at(e, c, &sqli, 9000) == 0, "a late record refills nothing");
	ok(scored_at(e, c, &sqli, 60000) == 1 && scored_at(e, c, &sqli, 60000) == 1 &&
		   scored_at(e, c, &sqli, 60000) == 0,
	   "a long quiet refills at most a second's runs");
	crs_ctx_free(c);
	crs_close(e);
}

/* ---- the memo ------------------------------------------------------------- */

/*
 * crs_memo.h, with one ModSecurity run a second: a record that differs from
 * one scored lately only in fields the prefilter did not mark gets that
 * one's answer without a run (scored, where a run would be shed), the same
 * answer ModSecurity gives it; one that differs in a marked field, comes
 * from 127.0.0.1, or may name a session with another Referer is shed.
 */
static void test_memo(void)
{
	struct crs_options o = { .max_per_second = 1 };
	struct req sqli = browser("/item", "id=1'+UNION+SELECT+user,password+FROM+users--");
	struct req other, tool, moved, fix1, fix2, asset1, asset2, plain, blank1, blank2;
	struct gh_err err = { 0 };
	struct crs_engine *e = NULL;
	struct crs_ctx *c;
	unsigned int s1 = 0, s2 = 0, s3 = 0;
	int a1, a2;

	if (crs_open(&o, &e, &err) || !(c = crs_ctx_new(e))) {
		ok(0, "CRS with max_per_second 1 opens: %s", err.msg);
		crs_close(e);
		return;
	}
	sqli.referer = "https://shop.example/";
	other = tool = moved = sqli;
	other.ua = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";
	other.referer = "https://shop.example/search?q=lamps";
	a1 = answered(e, c, &sqli, "192.0.2.7", 10000, &s1);
	a2 = answered(e, c, &other, "192.0.2.8", 10000, &s2);
	ok(a1 == 1 && a2 == 1 && s1 >= 5 && s1 == s2 && eval_full(e, &other).score == s2,
	   "the same query from another browser, page and address: the first's score (%u), no run",
	   s2);
	tool.ua = "sqlmap/1.7";
	moved.path = "/item/2";
	ok(answered(e, c, &tool, "192.0.2.7", 10000, &s3) == 0 &&
		   answered(e, c, &moved, "192.0.2.7", 10000, &s3) == 0,
	   "a marked User-Agent, another path: a run of their own (shed)");
	ok(answered(e, c, &sqli, "127.0.0.1", 10000, &s3) == 0,
	   "from 127.0.0.1 (CRS's exceptions read the address): a run of its own");
	fix1 = browser("/login", "jsessionid=1'+or+'1'='1");
	fix1.referer = "https://shop.example/";
	fix2 = fix1;
	fix2.referer = "https://elsewhere.example/";
	ok(answered(e, c, &fix1, "192.0.2.7", 20000, &s1) == 1 &&
		   answered(e, c, &fix2, "192.0.2.7", 20000, &s3) == 0,
	   "a session parameter's name with another Referer (943110 reads both): a run of its own");
	asset1 = browser("/static/app.css", NULL);
	asset1.referer = "https://shop.example/search?q=%3Cscript%3Ealert(1)%3C/script%3E";
	asset2 = asset1;
	asset2.path = "/static/app.js";
	a1 = answered(e, c, &asset1, "192.0.2.7", 30000, &s1);
	a2 = answered(e, c, &asset2, "192.0.2.7", 30000, &s2);
	ok(a1 == 1 && a2 == 1 && s1 >= 5 && s1 == s2 && eval_full(e, &asset2).score == s2,
	   "two assets of a page whose marked URL is their Referer: one run (score %u)", s2);
	plain = browser("/", NULL);
	ok(answered(e, c, &plain, "192.0.2.7", 30000, &s3) == -1, "an unmarked record: no run, no memo");
	/* A fuzzer's find: 920100 reads a blank inside a query, not one at its end. */
	blank1 = browser("/a", "q=a b");
	blank1.ua = "sqlmap/1.7";
	blank2 = blank1;
	blank2.query = "q=ab ";
	a1 = answered(e, c, &blank1, "192.0.2.7", 40000, &s1);
	a2 = answered(e, c, &blank2, "192.0.2.7", 40000, &s2);
	ok(a1 == 1 && a2 == 0 && eval_full(e, &blank1).score != eval_full(e, &blank2).score,
	   "two unmarked queries with a blank, which 920100 scores apart: a run each");
	crs_ctx_free(c);
	crs_close(e);
}

/* ---- threads ------------------------------------------------------------- */

struct worker {
	const struct crs_engine *e;
	unsigned int scores[2];
	bool same;
};

static void *work(void *arg)
{
	struct worker *w = arg;
	struct crs_ctx *c = crs_ctx_new(w->e);
	struct req q[2] = { browser("/item", "id=1'+UNION+SELECT+user,password+FROM+users--"),
			    browser("/product/1", "ref=nav") };
	struct request_record r;
	struct crs_result res;

	w->same = c != NULL;
	for (int i = 0; i < 40 && c; i++) {
		build(&r, &q[i % 2]);
		w->same &= !crs_eval(w->e, c, &r, &res) && res.score == w->scores[i % 2];
	}
	crs_ctx_free(c);
	return NULL;
}

static void test_threads(const struct crs_engine *e)
{
	struct worker w[2] = { { e, { 20, 0 }, false }, { e, { 20, 0 }, false } };
	pthread_t t[2];

	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, work, &w[i]);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	ok(w[0].same && w[1].same, "two threads on one engine get the same scores");
}

/*
 * A policy set's CRS prefilter compiles on a thread of its own while the
 * set compiles its patterns: once waited for, it marks and skips as one
 * opened whole; closed while still compiling, the compile is joined.
 */
static void test_prefilter_later(void)
{
	struct crs_options o = { .prefilter_later = true };
	struct req sqli = browser("/item", "id=1'+UNION+SELECT+user,password+FROM+users--");
	struct req plain = browser("/category/shoes", "id=123456");
	struct gh_err err = { 0 };
	struct crs_engine *e = NULL;
	struct request_record r;
	struct crs_result res;
	struct crs_ctx *c;
	bool marks, skips;

	ok(!crs_open(&o, &e, &err) && !crs_wait(e, &err) && !crs_wait(e, &err),
	   "prefilter compiled on its own thread: waited for (twice) without error %s", err.msg);
	if (!e)
		return;
	c = crs_ctx_new(e);
	build(&r, &sqli);
	marks = c && crs_prefilter_marks(e, c, &r, NULL);
	build(&r, &plain);
	skips = c && !crs_eval(e, c, &r, &res) && !res.evaluated;
	ok(marks && skips, "then it marks a UNION SELECT and skips a plain page");
	crs_ctx_free(c);
	crs_close(e);
	e = NULL;
	ok(!crs_open(&o, &e, &err) && e, "closed while its prefilter may still compile: joined");
	crs_close(e);
}

int main(void)
{
	struct crs_engine *e;
	struct crs_ctx *c;

	if (access(CRS_DEFAULT_RULES_DIR, R_OK)) {
		tap_skip(CRS_DEFAULT_RULES_DIR " missing (make deps installs modsecurity-crs)");
		return tap_done();
	}
	e = open_engine(0, 0, NULL, 0, true);
	ok(e && crs_rule_files(e) >= 20 && crs_paranoia(e) == 1 && crs_threshold(e) == 5,
	   "CRS opens with the defaults: %zu rule files, paranoia 1, threshold 5",
	   e ? crs_rule_files(e) : 0);
	if (!e)
		return tap_done();
	c = crs_ctx_new(e);
	test_attacks(e);
	test_log4shell_header(e);
	test_self_referer(e);
	test_benign(e);
	test_unseen_fields(e);
	test_hits_bounded(e);
	test_paranoia();
	test_exclusion_threshold(e);
	test_placeholders(e);
	test_raw_hash(e, c);
	test_corroborated();
	test_signs_json();
	test_load_errors();
	test_prefilter_recall(e, c);
	test_prefilter_fuzz_finds(e, c);
	test_prefilter_skips(e, c);
	test_prefilter_versions(e, c);
	test_prefilter_later();
	test_threads(e);
	test_budget();
	test_memo();
	crs_ctx_free(c);
	crs_close(e);
	return tap_done();
}
