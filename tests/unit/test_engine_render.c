// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * unless_rendered: a verdict on a request waits, and is dropped when the
 * same source asks for something else with that request's URL as Referer
 * (a browser loading the page's parts), before the verdict or during the
 * wait, or (a log) at most 10 s before the page's line. A reload of the
 * page itself, another source's Referer, another page's or another site's
 * are no rendering; a verdict nobody rendered
 * fires when the wait ends (at a record or a tick), at the end of the input,
 * or when the engine is replaced. A crs policy holds fires a missing
 * Referer alone corroborates, and fires at its threshold on a request sent
 * from a page of the site and answered; a Referer naming a page whose own
 * request CRS scored for the same source is not scored again.
 */
#include "engine/crs.h"
#include "engine_fixture.h"

/* One request to /probe blocks; it waits 5 s for a rendering. */
static const char *probe = HEAD("probe") "'kind':'match',"
	"'where':{'field':'path','prefix':'/probe'},"
	"'action':{'type':'block','ttl':'1h','cooldown':'1m','unless_rendered':'5s'}}";
/* Two searches for <script> in ten minutes: its earlier records are watched too. */
static const char *twice = HEAD("twice") "'kind':'window','filter':{'field':'query','contains':'script'},"
	"'group_by':['src_ip'],'window':{'type':'sliding','length':'10m'},"
	"'aggregates':[{'name':'n','fn':'count'}],'having':{'agg':'n','ge':2},"
	"'action':{'type':'block','ttl':'1h','cooldown':'5m','unless_rendered':'5s'}}";
/* CRS at paranoia 1, blocking from 20 alone or from 5 with a sign; it waits 5 s for a rendering. */
static const char *crs = HEAD("crs") "'kind':'crs','paranoia':1,'threshold':20,"
	"'corroborated':{'threshold':5,'by':['error_status','no_referer']},"
	"'action':{'type':'block','ttl':'1h','cooldown':'1m','unless_rendered':'5s'}}";
/* Counts block verdicts: a held one reaches it when it is given. */
static const char *blocks = HEAD("blocks") "'kind':'window','input':'verdicts',"
	"'window':{'type':'sliding','length':'10m'},'aggregates':[{'name':'n','fn':'count'}],"
	"'having':{'agg':'n','ge':1},'action':{'type':'alert','cooldown':'1h'}}";

/* A request for target ("/p?q") with a Referer (NULL: none) and a Host (NULL: none), answered status. */
static void feed_status(struct engine *e, double ts_s, const char *src, const char *target,
			const char *referer, const char *host, int status)
{
	const char *q = strchr(target, '?');
	struct request_record r = { .present = REQ_BIT(REQ_TS) | REQ_BIT(REQ_SRC_IP) |
					       REQ_BIT(REQ_STATUS) };

	r.ts_ns = (uint64_t)llround(ts_s * 1000) * 1000000;
	gh_addr_parse(src, &r.src);
	r.status = (uint16_t)status;
	req_set_method(&r, "GET", 3);
	req_set_str(&r, REQ_PATH, &r.path, target, q ? (uint32_t)(q - target) : (uint32_t)strlen(target));
	if (q)
		req_set_str(&r, REQ_QUERY, &r.query, q + 1, (uint32_t)strlen(q + 1));
	if (referer)
		req_set_str(&r, REQ_REFERER, &r.referer, referer, (uint32_t)strlen(referer));
	if (host)
		req_set_str(&r, REQ_HOST, &r.host, host, (uint32_t)strlen(host));
	engine_feed(e, &r);
}

static void feed_ref(struct engine *e, double ts_s, const char *src, const char *target,
		     const char *referer, const char *host)
{
	feed_status(e, ts_s, src, target, referer, host, 200);
}

/* Whether Debian's CRS is missing here (a skip said so). */
static bool crs_rules_missing(void)
{
	if (!access(CRS_DEFAULT_RULES_DIR, R_OK))
		return false;
	tap_skip(CRS_DEFAULT_RULES_DIR " missing (make deps installs modsecurity-crs)");
	return true;
}

static struct engine_policy_stats pstats(const struct engine *e, size_t i)
{
	struct engine_stats st;

	engine_stats(e, &st);
	return st.policies[i];
}

static void test_held_then_given(void)
{
	struct policy_set *ps = load(probe, blocks, NULL);
	struct engine *e = ps ? engine(ps, NULL) : NULL;

	if (!ok(e != NULL, "loads"))
		return;
	feed_ref(e, T0, "203.0.113.1", "/probe?id=1", NULL, NULL);
	ok_eq(cap.n, 0, "held: nothing at the request");
	feed_ref(e, T0 + 2, "203.0.113.9", "/", NULL, NULL);
	ok_eq(cap.n, 0, "nor 2 s on");
	feed_ref(e, T0 + 5.5, "203.0.113.9", "/about", NULL, NULL);
	ok_eq(cap.n, 2, "given when the wait ended: the block, and the verdict window counting it");
	ok_str(cap.n ? ev_str(0, "policy") : NULL, "probe", "first the probe's block");
	ok(cap.n && cap.v[0].block && cap.v[0].ts_ns == T0 * S,
	   "a block, at the request's time");
	ok_str(cap.n == 2 ? ev_str(1, "policy") : NULL, "blocks",
	       "the verdict window took the late block as on time");
	ok_eq(pstats(e, 0).rendered, 0, "nothing rendered");
	engine_free(e);
	policy_set_free(ps);
}

static void test_rendered_after(void)
{
	struct policy_set *ps = load(probe, NULL);
	struct engine *e = ps ? engine(ps, NULL) : NULL;

	if (!ok(e != NULL, "loads"))
		return;
	feed_ref(e, T0, "198.51.100.4", "/probe?id=1", NULL, "wiki.example.org");
	feed_ref(e, T0 + 0.4, "198.51.100.4", "/w/load.php?only=styles",
		 "https://wiki.example.org/probe?id=1", "wiki.example.org");
	engine_flush(e);
	ok_eq(cap.n, 0, "its parts asked for with the page as Referer: dropped");
	ok_eq(pstats(e, 0).rendered, 1, "counted as rendered");
	feed_ref(e, T0 + 20, "198.51.100.4", "/probe?id=2", NULL, "wiki.example.org");
	engine_flush(e);
	ok_eq(cap.n, 1, "the dropped verdict began no cooldown: the next probe fires");
	feed_ref(e, T0 + 40, "198.51.100.5", "/probe?id=3", NULL, "wiki.example.org");
	feed_ref(e, T0 + 45.5, "198.51.100.5", "/w/load.php",
		 "https://wiki.example.org/probe?id=3", "wiki.example.org");
	ok_eq(cap.n, 2, "a rendering after the wait ended spares nothing: given first");
	engine_free(e);
	policy_set_free(ps);
}

/*
 * A log's Host is Apache's %v or nginx's $host: the ServerName, no port.
 * A browser on the alias or a port names the page its own way: the same
 * page, rendered.
 */
static void test_rendered_by_alias(void)
{
	static const char *const referers[] = {
		"https://www.shop.example/probe?id=1",
		"http://shop.example:8080/probe?id=1",
		"https://WWW.Shop.Example:8443/probe?id=1",
	};
	struct policy_set *ps = load(probe, NULL);

	for (size_t i = 0; ps && i < sizeof(referers) / sizeof(referers[0]); i++) {
		struct engine *e = engine(ps, NULL);

		feed_ref(e, T0, "192.0.2.7", "/probe?id=1", NULL, "shop.example");
		feed_ref(e, T0 + 0.5, "192.0.2.7", "/style.css", referers[i], "shop.example");
		engine_flush(e);
		ok_eq(cap.n, 0, "%s under Host shop.example: rendered, dropped", referers[i]);
		engine_free(e);
	}
	ok(ps != NULL, "loads");
	policy_set_free(ps);
}

/* Each of these is no rendering of the probe: the verdict is given at the end. */
static void test_not_renderings(void)
{
	static const struct {
		const char *src, *target, *referer, *host, *why;
	} next[] = {
		{ "192.0.2.1", "/probe?id=1", "https://shop.example/probe?id=1", NULL,
		  "the page asking for itself (a reload)" },
		{ "192.0.2.2", "/style.css", "https://shop.example/probe?id=1", NULL,
		  "another source's Referer" },
		{ "192.0.2.1", "/style.css", "https://shop.example/probe?id=2", NULL,
		  "another page's (another query)" },
		{ "192.0.2.1", "/style.css", "https://evil.example/probe?id=1", "shop.example",
		  "another site's (its host is not the Host)" },
		{ "192.0.2.1", "/style.css", "https://badshop.example/probe?id=1", "shop.example",
		  "a name that only ends as the Host does" },
		{ "192.0.2.1", "/style.css", "https://shop.example", NULL, "an origin alone" },
		{ "192.0.2.1", "/style.css", "https://shop.example/probe?id=1#top", NULL,
		  "a Referer with a fragment (no browser sends one)" },
	};
	struct policy_set *ps = load(probe, NULL);

	for (size_t i = 0; ps && i < sizeof(next) / sizeof(next[0]); i++) {
		struct engine *e = engine(ps, NULL);

		feed_ref(e, T0, "192.0.2.1", "/probe?id=1", NULL, next[i].host);
		feed_ref(e, T0 + 1, next[i].src, next[i].target, next[i].referer, next[i].host);
		engine_flush(e);
		ok_eq(cap.n, 1, "%s: the block is given", next[i].why);
		engine_free(e);
	}
	ok(ps != NULL, "loads");
	/*
	 * The last Referer's answer is kept for the next record (a page's parts
	 * share it): the same Referer under another Host is another site's.
	 */
	for (int same_host = 0; ps && same_host < 2; same_host++) {
		struct engine *e = engine(ps, NULL);

		feed_ref(e, T0, "192.0.2.1", "/probe?id=1", NULL, "shop.example");
		feed_ref(e, T0 + 0.5, "192.0.2.9", "/a.css", "https://shop.example/probe?id=1",
			 same_host ? "shop.example" : "other.example");
		feed_ref(e, T0 + 1, "192.0.2.1", "/style.css", "https://shop.example/probe?id=1",
			 "other.example");
		engine_flush(e);
		ok_eq(cap.n, 1, "a Referer seen just before %s, now under another Host: no rendering",
		      same_host ? "under the page's Host" : "under the same other Host");
		engine_free(e);
	}
	policy_set_free(ps);
}

/* While a verdict waits the policy goes on: every request it fires on must be rendered. */
static void test_every_request_rendered(void)
{
	struct policy_set *ps = load(probe, NULL);
	struct engine *e = ps ? engine(ps, NULL) : NULL;
	char target[32];

	if (!ok(e != NULL, "loads"))
		return;
	feed_ref(e, T0, "203.0.113.60", "/probe?id=1", NULL, NULL);
	for (int i = 0; i < 20; i++)
		feed_ref(e, T0 + 1 + i * 0.1, "203.0.113.60", "/probe?id=evil", NULL, NULL);
	feed_ref(e, T0 + 4, "203.0.113.60", "/style.css", "https://h.example/probe?id=1", NULL);
	engine_flush(e);
	ok_eq(cap.n, 1, "the first page rendered, the other not: the block is given");
	ok_eq(pstats(e, 0).suppressed, 0, "no request was lost to a cooldown while it waited");

	feed_ref(e, T0 + 100, "203.0.113.61", "/probe?a", NULL, NULL);
	feed_ref(e, T0 + 100.5, "203.0.113.61", "/probe?b", NULL, NULL);
	feed_ref(e, T0 + 101, "203.0.113.61", "/a.css", "https://h.example/probe?a", NULL);
	feed_ref(e, T0 + 101, "203.0.113.61", "/b.css", "https://h.example/probe?b", NULL);
	engine_flush(e);
	ok_eq(cap.n, 1, "two pages, both rendered: dropped");

	for (int i = 0; i < 5; i++) {
		snprintf(target, sizeof(target), "/probe?n=%d", i);
		feed_ref(e, T0 + 200 + i * 0.1, "203.0.113.62", target, NULL, NULL);
	}
	ok_eq(cap.n, 2, "five flagged pages within the wait are no reader: given at once");
	engine_flush(e);
	ok_eq(cap.n, 2, "and once");
	engine_free(e);
	policy_set_free(ps);
}

/* A cap evicting the group of a waiting verdict loses the verdict not: its group is made again. */
static void test_evicted_group(void)
{
	struct policy_set *ps = load(probe, NULL);
	struct engine_opts o;
	struct engine *e;
	char src[32];

	engine_opts_default(&o);
	o.hash_seed = 1;
	o.max_groups = 8;
	e = ps ? engine(ps, &o) : NULL;
	if (!ok(e != NULL, "loads"))
		return;
	for (int i = 1; i <= 30; i++) {
		snprintf(src, sizeof(src), "198.51.100.%d", i);
		feed_ref(e, T0 + i * 0.01, src, "/probe", NULL, NULL);
	}
	engine_flush(e);
	ok_eq(cap.n, 30, "30 sources over 8 groups: every held block is given");
	engine_free(e);
	policy_set_free(ps);
}

/* One source flooding flagged requests replaces its own watches, not a reader's evidence. */
static void test_flood_keeps_others_evidence(void)
{
	struct policy_set *ps = load(twice, NULL);
	struct engine *e = ps ? engine(ps, NULL) : NULL;
	char target[48];

	if (!ok(e != NULL, "loads"))
		return;
	feed_ref(e, T0, "192.0.2.80", "/search?q=script", NULL, NULL);
	feed_ref(e, T0 + 0.2, "192.0.2.80", "/site.css", "https://h.example/search?q=script", NULL);
	for (int i = 0; i < 5000; i++) {
		snprintf(target, sizeof(target), "/search?q=script%d", i);
		feed_ref(e, T0 + 1 + i * 0.01, "203.0.113.99", target, NULL, NULL);
	}
	feed_ref(e, T0 + 60, "192.0.2.80", "/search?q=script", NULL, NULL);
	engine_flush(e);
	ok_eq(cap.n, 1, "the flooder is blocked once");
	ok_str(cap.n ? ev_str(0, "src_ip") : NULL, "203.0.113.99", "and the reader never");
	engine_free(e);
	policy_set_free(ps);
}

/* A window's earlier record of the URL was rendered: the verdict is dropped at once. */
static void test_rendered_before(void)
{
	struct policy_set *ps = load(twice, NULL);
	struct engine *e = ps ? engine(ps, NULL) : NULL;

	if (!ok(e != NULL, "loads"))
		return;
	feed_ref(e, T0, "203.0.113.182", "/search?q=%3Cscript%3E", NULL, NULL);
	feed_ref(e, T0 + 0.3, "203.0.113.182", "/load.php?styles",
		 "https://wiki.example.org/search?q=%3Cscript%3E", NULL);
	feed_ref(e, T0 + 8, "203.0.113.182", "/search?q=%3Cscript%3E",
		 "https://wiki.example.org/search?q=%3Cscript%3E", NULL);
	ok_eq(pstats(e, 0).rendered, 1, "the second search's verdict is dropped at once");
	engine_flush(e);
	ok_eq(cap.n, 0, "no block");
	feed_ref(e, T0 + 30, "203.0.113.50", "/search?q=%3Cscript%3E", NULL, NULL);
	feed_ref(e, T0 + 31, "203.0.113.50", "/search?q=%3Cscript%3E", NULL, NULL);
	feed_ref(e, T0 + 40, "203.0.113.51", "/", NULL, NULL);
	ok_eq(cap.n, 1, "a source that renders nothing is blocked when the wait ends");
	engine_free(e);
	policy_set_free(ps);
}

/*
 * A log writes a line when its answer ends: a large page's stylesheet can
 * come first. Parts up to 10 s before the page's line spare its verdict;
 * older ones, another source's and a reload do not; live heads come in the
 * order sent, so there a part before its page is none.
 */
static void test_rendered_before_the_page_line(void)
{
	static const char *const page = "https://docs.example.org/probe?id=1";
	struct policy_set *ps = load(probe, NULL);
	struct engine_opts o;
	struct engine *e = ps ? engine(ps, NULL) : NULL;

	if (!ok(e != NULL, "loads"))
		return;
	feed_ref(e, T0, "198.51.100.30", "/style.css", page, "docs.example.org");
	feed_ref(e, T0 + 1, "198.51.100.30", "/probe?id=1", NULL, "docs.example.org");
	ok_eq(pstats(e, 0).rendered, 1, "its stylesheet's line a second before: dropped at once");
	feed_ref(e, T0 + 20, "198.51.100.31", "/style.css", page, "docs.example.org");
	feed_ref(e, T0 + 31, "198.51.100.31", "/probe?id=1", NULL, "docs.example.org");
	feed_ref(e, T0 + 40, "198.51.100.32", "/style.css", page, "docs.example.org");
	feed_ref(e, T0 + 41, "198.51.100.33", "/probe?id=1", NULL, "docs.example.org");
	feed_ref(e, T0 + 50, "198.51.100.34", "/probe?id=1", page, "docs.example.org");
	feed_ref(e, T0 + 51, "198.51.100.34", "/probe?id=1", NULL, "docs.example.org");
	feed_ref(e, T0 + 60, "198.51.100.35", "/x.css", page, "cdn.example.org");
	feed_ref(e, T0 + 61, "198.51.100.35", "/probe?id=1", NULL, "docs.example.org");
	feed_ref(e, T0 + 70, "198.51.100.36", "/probe?id=1",
		 "https://docs.example.org/a/probe?id=1", "docs.example.org/a");
	feed_ref(e, T0 + 80, "198.51.100.37", "/x.css", "https://docs.example.org/probe?id=1#x",
		 "docs.example.org");
	feed_ref(e, T0 + 81, "198.51.100.37", "/probe?id=1#x", NULL, "docs.example.org");
	feed_ref(e, T0 + 96, "198.51.100.38", "/x.css", page, "docs.example.org");
	feed_ref(e, T0 + 90, "198.51.100.38", "/probe?id=1", NULL, "docs.example.org");
	engine_flush(e);
	ok_eq(cap.n, 7,
	      "11 s before, another source's, a reload (one verdict for both its probes), "
	      "another site's part, the line's own Referer behind a Host with a path, a "
	      "fragment, a part stamped after the wait: each blocked");
	ok_eq(pstats(e, 0).rendered, 1, "nothing more dropped");
	engine_free(e);

	engine_opts_default(&o);
	o.hash_seed = 1;
	o.live = true;
	e = engine(ps, &o);
	engine_tick(e, T0 * S);
	feed_ref(e, T0, "198.51.100.30", "/style.css", page, "docs.example.org");
	feed_ref(e, T0 + 1, "198.51.100.30", "/probe?id=1", NULL, "docs.example.org");
	engine_flush(e);
	ok_eq(cap.n, 1, "live: a part before its page is no rendering");
	engine_free(e);
	policy_set_free(ps);
}

/* Live: a tick gives a verdict whose wait ended; a reload gives the rest at once. */
static void test_tick_and_release(void)
{
	struct policy_set *ps = load(probe, NULL);
	struct engine_opts o;
	struct engine *e;

	engine_opts_default(&o);
	o.hash_seed = 1;
	o.live = true;
	e = ps ? engine(ps, &o) : NULL;
	if (!ok(e != NULL, "loads"))
		return;
	engine_tick(e, T0 * S);
	feed_ref(e, T0, "203.0.113.7", "/probe", NULL, NULL);
	engine_tick(e, (T0 + 3) * S);
	ok_eq(cap.n, 0, "a tick within the wait: held");
	engine_tick(e, (T0 + 6) * S);
	ok_eq(cap.n, 1, "the first tick after it: given");
	feed_ref(e, T0 + 7, "203.0.113.8", "/probe", NULL, NULL);
	engine_release_held(e);
	ok_eq(cap.n, 2, "released (a reload): given at once");
	engine_tick(e, (T0 + 20) * S);
	ok_eq(cap.n, 2, "and only once");
	engine_free(e);
	policy_set_free(ps);
}

static void test_rejected(void)
{
	static const char *const bad[] = {
		HEAD("r") "'kind':'rate','metric':'requests','per_second':10,'over':'10s',"
			  "'action':{'type':'alert','unless_rendered':'5s'}}",
		HEAD("s") "'kind':'window','group_by':['src_ip'],"
			  "'window':{'type':'session','gap':'1m'},"
			  "'aggregates':[{'name':'n','fn':'count'}],'having':{'agg':'n','ge':2},"
			  "'action':{'type':'alert','unless_rendered':'5s'}}",
		HEAD("m") "'kind':'match','where':{'field':'path','prefix':'/x'},"
			  "'action':{'type':'alert','unless_rendered':'2m'}}",
		HEAD("z") "'kind':'match','where':{'field':'path','prefix':'/x'},"
			  "'action':{'type':'alert','unless_rendered':'0s'}}",
		HEAD("p") "'kind':'window','group_by':['path'],"
			  "'window':{'type':'sliding','length':'1m'},"
			  "'aggregates':[{'name':'n','fn':'count'}],'having':{'agg':'n','ge':2},"
			  "'action':{'type':'alert','unless_rendered':'5s'}}",
	};
	static const char *const why[] = { "a rate policy", "a session window", "over 1m", "0s",
					   "a window not grouped by source" };

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct policy_set *ps = load(bad[i], NULL);

		ok(ps == NULL, "unless_rendered refused: %s", why[i]);
		policy_set_free(ps);
	}
}

/*
 * crs: a fire that a missing Referer alone corroborates waits, and one at
 * the threshold from a page of the site answered 2xx/3xx; an error answer
 * does not.
 */
static void test_crs_holds(void)
{
	struct policy_set *ps;
	struct engine *e;

	if (crs_rules_missing())
		return;
	ps = load(crs, NULL);
	e = ps ? engine(ps, NULL) : NULL;
	if (!ok(e != NULL, "a crs policy with unless_rendered loads"))
		return;
	feed(e, T0, "203.0.113.30", "GET", "/download/../../../../etc/passwd", 404);
	ok_eq(cap.n, 1, "answered 404 too: blocked at once");
	feed_ref(e, T0 + 1, "198.51.100.73", "/wiki/.htaccess", NULL, NULL);
	ok_eq(cap.n, 1, "a restricted file name answered 200 without a Referer: held");
	feed_ref(e, T0 + 1.2, "198.51.100.73", "/w/load.php?only=styles",
		 "https://wiki.example.org/wiki/.htaccess", NULL);
	feed_ref(e, T0 + 2, "198.51.100.74", "/wiki/.htaccess", NULL, NULL);
	engine_flush(e);
	ok_eq(cap.n, 2, "the page a browser rendered is dropped; the one nobody rendered fires");
	ok_str(cap.n == 2 ? ev_str(1, "src_ip") : NULL, "198.51.100.74", "on the other source");
	/* A stylesheet that is missing, asked for from a page whose URL CRS scores. */
	feed_ref(e, T0 + 50, "198.51.100.76", "/search?q=%3Cscript%3E", NULL, NULL);
	feed_status(e, T0 + 50.2, "198.51.100.76", "/missing.css",
		    "https://wiki.example.org/search?q=%3Cscript%3E", NULL, 404);
	feed_status(e, T0 + 50.2, "198.51.100.77", "/missing.css",
		    "https://wiki.example.org/search?q=%3Cscript%3E", NULL, 404);
	engine_flush(e);
	ok_eq(cap.n, 3, "a 404 whose Referer is a page the source asked for is not scored again; "
			"the same from a source that never asked for it is");
	ok_str(cap.n == 3 ? ev_str(2, "src_ip") : NULL, "198.51.100.77", "(that one)");
	feed_status(e, T0 + 50.4, "198.51.100.76", "/missing2.css",
		    "https://wiki.example.org/search?q=%3Cscript%3E#1'%20UNION%20ALL%20SELECT%20"
		    "password%20FROM%20users--",
		    NULL, 404);
	ok_eq(cap.n, 4, "the same page with a payload in a fragment is no browser's Referer: scored");
	feed_ref(e, T0 + 100, "198.51.100.75", "/wiki/.htaccess", NULL, NULL);
	feed(e, T0 + 101, "198.51.100.75", "GET", "/download/../../../../etc/passwd", 404);
	ok_eq(cap.n, 5, "while one verdict waits, a fire that cannot wait blocks at once");
	engine_flush(e);
	ok_eq(cap.n, 5, "and the waiting one, inside its cooldown, is not given again");
	/* A tech site's search for "../../ relative path" (four path-traversal scores: 25). */
	feed_ref(e, T0 + 200, "198.51.100.78", "/?s=..%2F..%2F+relative+path",
		 "https://www.linuxtutor.example/proc-filesystem-explained/", NULL);
	feed_ref(e, T0 + 200, "198.51.100.79", "/?s=..%2F..%2F+relative+path",
		 "https://www.linuxtutor.example/proc-filesystem-explained/", NULL);
	ok_eq(cap.n, 5, "at the threshold from a page of the site, answered 200: held");
	feed_ref(e, T0 + 203, "198.51.100.78", "/how-to-use-etc-passwd-file/",
		 "https://www.linuxtutor.example/?s=..%2F..%2F+relative+path", NULL);
	engine_flush(e);
	ok_eq(cap.n, 6, "the reader who opened a result is spared; the other is blocked");
	ok_str(cap.n == 6 ? ev_str(5, "src_ip") : NULL, "198.51.100.79", "(the one who did not)");
	feed_status(e, T0 + 300, "198.51.100.80", "/?s=..%2F..%2F+relative+path",
		    "https://www.linuxtutor.example/proc-filesystem-explained/", NULL, 404);
	ok_eq(cap.n, 7, "the same answered 404: blocked at once");
	/* A docs search for <script> (15 from its page: no fire) and the page's own API call. */
	feed_ref(e, T0 + 400, "198.51.100.81", "/en-US/search?q=%3Cscript%20type%3D%22module%22%3E",
		 "https://developer.example.org/en-US/docs/Web/HTML", NULL);
	ok_eq(cap.n, 7, "a search for a script tag from a page of the site: below the threshold");
	engine_tick(e, (T0 + 400.2) * S); /* the sweep that forgets sources without a watch */
	feed_ref(e, T0 + 400.5, "198.51.100.81", "/api/v1/search?q=%3Cscript%20type%3D%22module%22%3E",
		 "https://developer.example.org/en-US/search?q=%3Cscript%20type%3D%22module%22%3E", NULL);
	engine_flush(e);
	ok_eq(cap.n, 7, "its answer page's API call, the payload in both the query and the Referer: "
			"the Referer names a page CRS scored for this source, and is not scored again");
	feed_ref(e, T0 + 401, "198.51.100.82", "/api/v1/search?q=%3Cscript%20type%3D%22module%22%3E",
		 "https://developer.example.org/en-US/search?q=%3Cscript%20type%3D%22module%22%3E", NULL);
	engine_flush(e);
	ok_eq(cap.n, 8, "the same call from a source that never asked for that page: the Referer counts");
	engine_free(e);
	policy_set_free(ps);
}

/*
 * The notes of pages CRS scored spare a Referer naming one from being scored
 * again, and do nothing else: a Referer whose host no browser writes is
 * scored whatever page it names, and a rendering of such a page does not
 * spare a verdict held later on the same page.
 */
static void test_crs_scored_notes(void)
{
	struct policy_set *ps;
	struct engine *e;

	if (crs_rules_missing())
		return;
	cap_reset();
	ps = load(crs, probe, NULL);
	e = ps ? engine(ps, NULL) : NULL;
	if (!ok(e != NULL, "crs and a held match policy load together"))
		return;
	feed_ref(e, T0, "198.51.100.90", "/search?q=%3Cscript%3E", "https://wiki.example.org/", NULL);
	feed_status(e, T0 + 1, "198.51.100.90", "/cart",
		    "http://1'union(select(password)from(users))--'/search?q=%3Cscript%3E", NULL, 500);
	engine_flush(e);
	ok_eq(cap.n, 1, "a Referer naming a scored page behind a host no browser writes is scored");
	/* /probe?q=<script>: CRS scores it, probe holds it; the browser renders it. */
	feed_ref(e, T0 + 100, "198.51.100.91", "/probe?q=%3Cscript%3E", "https://wiki.example.org/", NULL);
	feed_ref(e, T0 + 100.5, "198.51.100.91", "/style.css",
		 "https://wiki.example.org/probe?q=%3Cscript%3E", NULL);
	engine_flush(e);
	ok_eq(cap.n, 1, "the page the browser rendered: dropped");
	feed_ref(e, T0 + 400, "198.51.100.91", "/probe?q=%3Cscript%3E", NULL, NULL);
	engine_flush(e);
	ok_eq(cap.n, 3, "the same page asked for five minutes later without a Referer and not "
			"rendered: both policies give their verdicts (the earlier rendering "
			"spared only the earlier request)");
	engine_free(e);
	policy_set_free(ps);
}

int main(void)
{
	test_rendered_by_alias();
	test_held_then_given();
	test_rendered_after();
	test_not_renderings();
	test_every_request_rendered();
	test_evicted_group();
	test_flood_keeps_others_evidence();
	test_rendered_before();
	test_rendered_before_the_page_line();
	test_tick_and_release();
	test_rejected();
	test_crs_holds();
	test_crs_scored_notes();
	cap_reset();
	return tap_done();
}
