// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * CRS through the libmodsecurity v3 C API (crs.h says what a record becomes).
 *
 * The rule set is assembled in this order, because ModSecurity runs rules
 * of a phase in the order they were added:
 *   1. engine settings (detection only, request body access on)
 *   2. the CRS setup file (SecDefaultAction, crs_setup_version)
 *   3. our paranoia level and lowest flagging score, after the setup so they win
 *   4. the per-record switches for fields the producer did not see
 *   5. rules_dir/REQUEST-*.conf, sorted (CRS's own order)
 *   6. SecRuleRemoveById for the exclusions (must follow the rules)
 *   7. a marker rule that logs TX:ANOMALY_SCORE last in phase 2
 *
 * Matched rules come back through the server log callback as text; the
 * transaction's log data pointer is the caller's collector, so concurrent
 * calls never share state. The score is read from the marker's own line,
 * whose beginning no request byte can reach. Rule ids and messages are read
 * from the tags after `[file "`; request text is quoted unescaped before
 * them, so a crafted request can mislabel its own hit list (never its score
 * or another record's).
 */
#include <ctype.h>
#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <json-c/json.h>
#include <modsecurity/intervention.h>
#include <modsecurity/modsecurity.h>
#include <modsecurity/rules_set.h>
#include <modsecurity/transaction.h>

#include "engine/crs.h"
#include "engine/crs_memo.h"
#include "engine/crs_prefilter.h"
#include "engine/crs_signs.h"

/* 932130 (a Unix shell expression in ARGS) at CRS's default critical score (crs_signs.h). */
#define RULE_SHELL_EXPRESSION 932130
#define CRITICAL_SCORE 5

/* Ids of our own rules: clear of CRS's 900000-999999. */
#define ID_PARAMS 1990001
#define ID_MARKER 1990090

struct crs_engine {
	ModSecurity *msc;
	RulesSet *rules;
	struct crs_prefilter *pf; /* NULL: no prefilter */
	unsigned int paranoia;
	unsigned int threshold;
	unsigned int corroborated_threshold; /* 0: none */
	unsigned int corroborate_by;
	unsigned int max_per_second;
	bool spares_placeholders; /* 932130 is not excluded: crs_placeholder_matches applies */
	size_t n_files;
};

static const char *const SIGN_NAMES[] = { "error_status", "no_referer" };

struct crs_ctx {
	struct crs_pf_scratch *pf;
	struct crs_memo *memo; /* with the prefilter: its field marks make the keys */
	/* The budget: runs left (scaled by NS_PER_S, so refills need no division
	 * rounding) and the event time they were counted at. */
	uint64_t tokens_ns;
	uint64_t refilled_ns;
};

#define NS_PER_S 1000000000ULL

/* What the log callback fills during one transaction. */
struct collector {
	struct crs_result *res;
	bool scored;
};

static const char ENGINE_CONF[] = "SecRuleEngine DetectionOnly\n"
				  "SecRequestBodyAccess On\n"
				  "SecResponseBodyAccess Off\n"
				  "SecAuditEngine Off\n";

/* What crs-setup.conf must at least say for CRS 3.3 to run (901001 checks the version). */
static const char GENERATED_SETUP[] =
	"SecDefaultAction \"phase:1,log,auditlog,pass\"\n"
	"SecDefaultAction \"phase:2,log,auditlog,pass\"\n"
	"SecAction \"id:900990,phase:1,nolog,pass,t:none,setvar:tx.crs_setup_version=334\"\n";

/*
 * A field the producer did not see is not a missing header: X-Gatehawk-Unseen
 * (set by us only, records carry no free-form headers) names them, and each
 * switches off the rule that would score its absence.
 */
static const char UNSEEN_CONF[] =
	"SecRule REQUEST_HEADERS:X-Gatehawk-Unseen \"@contains host\" "
	"\"id:1990010,phase:1,pass,nolog,t:lowercase,ctl:ruleRemoveById=920280\"\n"
	"SecRule REQUEST_HEADERS:X-Gatehawk-Unseen \"@contains accept\" "
	"\"id:1990011,phase:1,pass,nolog,t:lowercase,ctl:ruleRemoveById=920300\"\n"
	"SecRule REQUEST_HEADERS:X-Gatehawk-Unseen \"@contains user-agent\" "
	"\"id:1990012,phase:1,pass,nolog,t:lowercase,ctl:ruleRemoveById=920320\"\n"
	"SecRule REQUEST_HEADERS:X-Gatehawk-Unseen \"@contains content-length\" "
	"\"id:1990013,phase:1,pass,nolog,t:lowercase,ctl:ruleRemoveById=920180\"\n"
	"SecRule REQUEST_HEADERS:X-Gatehawk-Unseen \"@contains content-type\" "
	"\"id:1990014,phase:1,pass,nolog,t:lowercase,ctl:ruleRemoveById=920340,"
	"ctl:ruleRemoveById=920341\"\n";

#define MARKER_CONF                                                                        \
	"SecRule TX:ANOMALY_SCORE \"@ge 0\" \"id:1990090,phase:2,pass,log,t:none,"         \
	"msg:'gatehawk inbound score'\"\n"
/* The start of the marker's log line after "ModSecurity: Warning. ". */
static const char MARKER_MATCH[] = "Matched \"Operator `Ge' with parameter `0' against variable "
				   "`TX:ANOMALY_SCORE' (Value: `";

/*
 * ModSecurity's parser errors read "Rules error. File: F. Line: N. Column: C.
 * what", or "Failed to open the file: F"; err gets F and N when present.
 */
static int load_error(struct gh_err *err, const char *where, const char *msg)
{
	const char *f = msg ? strstr(msg, "File: ") : NULL;
	const char *l = msg ? strstr(msg, ". Line: ") : NULL;
	char file[GH_ERR_WHERE_MAX] = "";
	size_t n = strcspn(msg ? msg : "", "\n");
	int ret;

	if (msg && strstr(msg, where))
		ret = gh_err_input(err, "CRS: %.*s", (int)(n > 600 ? 600 : n), msg);
	else
		ret = gh_err_input(err, "CRS: %s: %.*s", where, (int)(n > 600 ? 600 : n),
				   msg ? msg : "rules refused");
	if (f && l && l > f + 6) {
		snprintf(file, sizeof(file), "%.*s", (int)(l - f - 6), f + 6);
		gh_err_at(err, file, (unsigned int)strtoul(l + 8, NULL, 10));
	} else {
		gh_err_at(err, where, 0);
	}
	return ret;
}

/* Rules from a file, or text (then from names it in an error); frees ModSecurity's error. */
static int add_rules(struct crs_engine *e, const char *file, const char *text, const char *from,
		     struct gh_err *err)
{
	const char *msg = NULL;
	int ret = 0;

	if ((file ? msc_rules_add_file(e->rules, file, &msg) : msc_rules_add(e->rules, text, &msg)) <
	    0)
		ret = load_error(err, file ? file : from, msg);
	free((void *)msg);
	return ret;
}

static int add_text(struct crs_engine *e, const char *text, const char *from, struct gh_err *err)
{
	return add_rules(e, NULL, text, from, err);
}

static int add_file(struct crs_engine *e, const char *path, struct gh_err *err)
{
	return add_rules(e, path, NULL, NULL, err);
}

/* The lowest score that can flag: 949110 logs from it, the prefilter marks for it. */
static unsigned int lowest_threshold(const struct crs_engine *e)
{
	return e->corroborated_threshold ? e->corroborated_threshold : e->threshold;
}

static int add_setup(struct crs_engine *e, const char *setup, struct gh_err *err)
{
	char params[256];
	int ret;

	if (!setup && access(CRS_DEFAULT_SETUP, R_OK) == 0)
		setup = CRS_DEFAULT_SETUP;
	ret = setup && *setup ? add_file(e, setup, err)
			      : add_text(e, GENERATED_SETUP, "generated setup", err);
	if (ret)
		return ret;
	snprintf(params, sizeof(params),
		 "SecAction \"id:%d,phase:1,pass,nolog,t:none,setvar:tx.paranoia_level=%u,"
		 "setvar:tx.executing_paranoia_level=%u,"
		 "setvar:tx.inbound_anomaly_score_threshold=%u\"\n",
		 ID_PARAMS, e->paranoia, e->paranoia, lowest_threshold(e));
	ret = add_text(e, params, "paranoia and threshold", err);
	return ret ? ret : add_text(e, UNSEEN_CONF, "unseen-field switches", err);
}

static int add_crs_files(struct crs_engine *e, const char *dir, struct gh_err *err)
{
	char pattern[GH_ERR_WHERE_MAX];
	glob_t g;
	int ret = 0;

	snprintf(pattern, sizeof(pattern), "%s/REQUEST-*.conf", dir);
	if (glob(pattern, 0, NULL, &g)) {
		gh_err_fail(err, -ENOENT, "CRS: no REQUEST-*.conf in %s", dir);
		gh_err_at(err, dir, 0);
		err->input = true; /* the rules dir is the caller's option: exit 2 */
		return -ENOENT;
	}
	for (size_t i = 0; i < g.gl_pathc && !ret; i++)
		ret = add_file(e, g.gl_pathv[i], err);
	e->n_files = g.gl_pathc;
	globfree(&g);
	return ret;
}

static int add_exclusions(struct crs_engine *e, const struct crs_options *o, struct gh_err *err)
{
	char text[CRS_MAX_EXCLUDE * 12 + 32];
	size_t len;

	if (!o->n_exclude)
		return 0;
	len = (size_t)snprintf(text, sizeof(text), "SecRuleRemoveById");
	for (size_t i = 0; i < o->n_exclude; i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len, " %u", o->exclude_ids[i]);
	snprintf(text + len, sizeof(text) - len, "\n");
	return add_text(e, text, "exclusions", err);
}

static int check_options(const struct crs_options *o, struct gh_err *err)
{
	if (o->paranoia > 4)
		return gh_err_input(err, "CRS paranoia level %u: must be 1-4", o->paranoia);
	if (o->n_exclude > CRS_MAX_EXCLUDE)
		return gh_err_input(err, "CRS: %zu rule exclusions, at most %d", o->n_exclude,
				    CRS_MAX_EXCLUDE);
	for (size_t i = 0; i < o->n_exclude; i++)
		if (!o->exclude_ids[i])
			return gh_err_input(err, "CRS: rule id 0 in the exclusions");
	if (!o->corroborated_threshold)
		return 0;
	if (o->corroborated_threshold >= (o->threshold ? o->threshold : CRS_DEFAULT_THRESHOLD))
		return gh_err_input(err, "CRS corroborated threshold %u: must be below the "
				    "threshold (%u)", o->corroborated_threshold,
				    o->threshold ? o->threshold : CRS_DEFAULT_THRESHOLD);
	if (!o->corroborate_by || (o->corroborate_by & ~CRS_SIGNS_ALL))
		return gh_err_input(err, "CRS corroborating signs 0x%x: expected one or more of "
				    "error_status, no_referer", o->corroborate_by);
	return 0;
}

static int load_rules(struct crs_engine *e, const struct crs_options *o, struct gh_err *err)
{
	const char *dir = o->rules_dir ? o->rules_dir : CRS_DEFAULT_RULES_DIR;
	int ret;

	ret = add_text(e, ENGINE_CONF, "engine settings", err);
	if (!ret)
		ret = add_setup(e, o->setup_file, err);
	if (!ret)
		ret = add_crs_files(e, dir, err);
	if (!ret)
		ret = add_exclusions(e, o, err);
	if (!ret)
		ret = add_text(e, MARKER_CONF, "score marker", err);
	if (!ret && !o->no_prefilter)
		ret = (o->prefilter_later ? crs_prefilter_start : crs_prefilter_open)(
			dir, e->paranoia, lowest_threshold(e), o->cache_dir, &e->pf, err);
	return ret;
}

static void on_log(void *data, const void *line);

int crs_open(const struct crs_options *opts, struct crs_engine **out, struct gh_err *err)
{
	struct crs_engine *e;
	int ret;

	*out = NULL;
	ret = check_options(opts, err);
	if (ret)
		return ret;
	e = calloc(1, sizeof(*e));
	if (!e)
		return gh_err_sys(err, -ENOMEM, "CRS engine");
	e->paranoia = opts->paranoia ? opts->paranoia : 1;
	e->threshold = opts->threshold ? opts->threshold : CRS_DEFAULT_THRESHOLD;
	e->corroborated_threshold = opts->corroborated_threshold;
	e->corroborate_by = opts->corroborated_threshold ? opts->corroborate_by : 0;
	e->max_per_second = opts->max_per_second;
	e->spares_placeholders = true;
	for (size_t i = 0; i < opts->n_exclude; i++)
		e->spares_placeholders &= opts->exclude_ids[i] != RULE_SHELL_EXPRESSION;
	e->msc = msc_init();
	e->rules = e->msc ? msc_create_rules_set() : NULL;
	if (!e->rules) {
		crs_close(e);
		return gh_err_sys(err, -ENOMEM, "ModSecurity");
	}
	msc_set_connector_info(e->msc, "gatehawk");
	msc_set_log_cb(e->msc, on_log);
	ret = load_rules(e, opts, err);
	if (ret) {
		crs_close(e);
		return ret;
	}
	*out = e;
	return 0;
}

int crs_wait(struct crs_engine *e, struct gh_err *err)
{
	return e->pf ? crs_prefilter_wait(e->pf, err) : 0;
}

void crs_close(struct crs_engine *e)
{
	if (!e)
		return;
	crs_prefilter_close(e->pf);
	if (e->rules)
		msc_rules_cleanup(e->rules);
	if (e->msc)
		msc_cleanup(e->msc);
	free(e);
}

unsigned int crs_paranoia(const struct crs_engine *e)
{
	return e->paranoia;
}

unsigned int crs_threshold(const struct crs_engine *e)
{
	return e->threshold;
}

unsigned int crs_corroborated_threshold(const struct crs_engine *e)
{
	return e->corroborated_threshold;
}

unsigned int crs_corroborate_by(const struct crs_engine *e)
{
	return e->corroborate_by;
}

const char *crs_sign_name(enum crs_sign sign)
{
	for (size_t i = 0; i < sizeof(SIGN_NAMES) / sizeof(SIGN_NAMES[0]); i++)
		if (sign == 1u << i)
			return SIGN_NAMES[i];
	return NULL;
}

struct json_object *crs_signs_json(unsigned int signs)
{
	struct json_object *a = json_object_new_array();

	for (unsigned int bit = 1; a && (bit & CRS_SIGNS_ALL); bit <<= 1)
		if (signs & bit)
			json_object_array_add(a, json_object_new_string(crs_sign_name(bit)));
	return a;
}

size_t crs_rule_files(const struct crs_engine *e)
{
	return e->n_files;
}

struct crs_ctx *crs_ctx_new(const struct crs_engine *e)
{
	struct crs_ctx *c = calloc(1, sizeof(*c));

	if (c) /* a full second's runs to start with */
		c->tokens_ns = (uint64_t)e->max_per_second * NS_PER_S;
	if (c && e->pf && (!(c->pf = crs_pf_scratch_new(e->pf)) || !(c->memo = crs_memo_new()))) {
		crs_ctx_free(c);
		return NULL;
	}
	return c;
}

void crs_ctx_free(struct crs_ctx *c)
{
	if (!c)
		return;
	crs_pf_scratch_free(c->pf);
	crs_memo_free(c->memo);
	free(c);
}

/* ---- the log callback ------------------------------------------------------ */

/* The value of tag `[name "..."]` at or after p, into out (truncated); false when absent. */
static bool tag_value(const char *p, const char *name, char *out, size_t size)
{
	char key[16];
	const char *v, *end;
	size_t n;

	snprintf(key, sizeof(key), "[%s \"", name);
	v = strstr(p, key);
	if (!v)
		return false;
	v += strlen(key);
	end = strstr(v, "\"]");
	n = end ? (size_t)(end - v) : strlen(v);
	if (n >= size)
		n = size - 1;
	memcpy(out, v, n);
	out[n] = '\0';
	return true;
}

static bool is_marker(const char *line, unsigned int *score)
{
	const char *m = strstr(line, ". ");

	if (!m || strncmp(m + 2, MARKER_MATCH, sizeof(MARKER_MATCH) - 1))
		return false;
	*score = (unsigned int)strtoul(m + 2 + sizeof(MARKER_MATCH) - 1, NULL, 10);
	return true;
}

static void on_log(void *data, const void *line)
{
	struct collector *col = data;
	struct crs_result *res = col ? col->res : NULL;
	const char *tags;
	char id[16];

	if (!res || !line)
		return;
	if (is_marker(line, &res->score)) {
		col->scored = true;
		return;
	}
	res->n_fired++;
	tags = strstr(line, " [file \"");
	if (!tags || res->n_hits >= CRS_MAX_HITS || !tag_value(tags, "id", id, sizeof(id)))
		return;
	res->hits[res->n_hits].id = (unsigned int)strtoul(id, NULL, 10);
	if (!tag_value(tags, "msg", res->hits[res->n_hits].msg, CRS_MSG_MAX))
		res->hits[res->n_hits].msg[0] = '\0';
	res->n_hits++;
}

/* ---- one record through ModSecurity --------------------------------------- */

/* A slice as a C string in buf (truncated to the buffer). */
static const char *cstr(struct gh_str s, char *buf, size_t size)
{
	size_t n = s.len < size - 1 ? s.len : size - 1;

	memcpy(buf, s.p, n);
	buf[n] = '\0';
	return buf;
}

static void add_header(Transaction *t, const char *name, struct gh_str v)
{
	msc_add_n_request_header(t, (const unsigned char *)name, strlen(name),
				 (const unsigned char *)v.p, v.len);
}

/*
 * A Referer naming this very request (a search form sent to itself, a
 * reload): what it carries is the target's, scored already, and would
 * count twice (a person searching "<script>" again from the answer page).
 */
static bool self_referer(const struct request_record *r)
{
	struct gh_str t;

	return req_page_referer(r, &t) && req_target_is(r, t) && req_referer_plain_host(r);
}

/* Whether ModSecurity is given the record's Referer (add_headers). */
static bool referer_sent(const struct request_record *r, bool referer_scored)
{
	return req_has(r, REQ_REFERER) && !referer_scored && !self_referer(r);
}

/*
 * One header per present field; the unseen ones named in X-Gatehawk-Unseen
 * (UNSEEN_CONF). The Referer is left out when it names this very request,
 * or (referer_scored) a page whose own request was scored already.
 */
static void add_headers(Transaction *t, const struct request_record *r, bool referer_scored)
{
	static const struct {
		enum req_field f;
		const char *name;
	} hdrs[] = {
		{ REQ_HOST, "Host" },
		{ REQ_USER_AGENT, "User-Agent" },
		{ REQ_REFERER, "Referer" },
		{ REQ_CONTENT_TYPE, "Content-Type" },
		{ REQ_ACCEPT, "Accept" },
	};
	char unseen[64] = "", num[24];
	struct gh_str v;

	for (size_t i = 0; i < sizeof(hdrs) / sizeof(hdrs[0]); i++) {
		if (hdrs[i].f == REQ_REFERER && !referer_sent(r, referer_scored))
			continue;
		if (req_get_str(r, hdrs[i].f, &v))
			add_header(t, hdrs[i].name, v);
		else if (hdrs[i].f != REQ_REFERER)
			strcat(strcat(unseen, " "), hdrs[i].name);
	}
	if (req_has(r, REQ_CONTENT_LENGTH)) {
		snprintf(num, sizeof(num), "%llu", (unsigned long long)r->content_length);
		add_header(t, "Content-Length", (struct gh_str){ num, (uint32_t)strlen(num) });
	} else {
		strcat(unseen, " content-length");
	}
	if (unseen[0])
		add_header(t, "X-Gatehawk-Unseen",
			   (struct gh_str){ unseen + 1, (uint32_t)strlen(unseen + 1) });
}

static void add_connection(Transaction *t, const struct request_record *r)
{
	char src[64] = "0.0.0.0", dst[64] = "0.0.0.0";

	if (req_has(r, REQ_SRC_IP))
		gh_addr_format(&r->src, src, sizeof(src));
	if (req_has(r, REQ_DST_IP))
		gh_addr_format(&r->dst, dst, sizeof(dst));
	msc_process_connection(t, src, req_has(r, REQ_SRC_PORT) ? r->src_port : 0, dst,
			       req_has(r, REQ_DST_PORT) ? r->dst_port : 0);
}

/* s into u, a raw '#' as %23; returns the end. */
static char *put_escaping_hash(char *u, struct gh_str s)
{
	for (uint32_t i = 0; i < s.len; i++) {
		if (s.p[i] != '#') {
			*u++ = s.p[i];
			continue;
		}
		memcpy(u, "%23", 3);
		u += 3;
	}
	return u;
}

static size_t hashes(struct gh_str s)
{
	size_t n = 0;

	for (const char *p = s.p, *end = s.p + s.len; (p = memchr(p, '#', (size_t)(end - p))); p++)
		n++;
	return n;
}

/*
 * "path?query" into buf, or a malloc'ed copy when it does not fit (*heap
 * set). A raw '#' goes as %23: ModSecurity reads nothing after one (a
 * fragment), but no browser sends one, and the server hands what follows
 * to the application (?z=#&q=<payload> reaches it as q).
 */
static char *build_uri(const struct request_record *r, char *buf, size_t size, char **heap)
{
	struct gh_str query = req_has(r, REQ_QUERY) ? r->query : (struct gh_str){ "", 0 };
	size_t n = r->path.len + (req_has(r, REQ_QUERY) ? 1 + (size_t)query.len : 0) +
		   2 * (hashes(r->path) + hashes(query));
	char *u = buf, *end;

	*heap = NULL;
	if (n + 1 > size && !(u = *heap = malloc(n + 1)))
		return NULL;
	end = put_escaping_hash(u, r->path);
	if (req_has(r, REQ_QUERY)) {
		*end++ = '?';
		end = put_escaping_hash(end, query);
	}
	*end = '\0';
	return u;
}

/* "HTTP/1.1" -> "1.1": ModSecurity puts "HTTP/" back in REQUEST_PROTOCOL. */
static const char *http_version(const struct request_record *r, char *buf, size_t size)
{
	struct gh_str v = r->version;

	if (!req_has(r, REQ_VERSION))
		return "1.1";
	if (v.len > 5 && !strncmp(v.p, "HTTP/", 5)) {
		v.p += 5;
		v.len -= 5;
	}
	return cstr(v, buf, size);
}

static int run_transaction(const struct crs_engine *e, const struct request_record *r,
			   const char *uri, bool referer_scored, struct collector *col)
{
	char method[32], version[32];
	Transaction *t = msc_new_transaction(e->msc, e->rules, col);
	ModSecurityIntervention it = { .status = 200 };

	if (!t)
		return -ENOMEM;
	add_connection(t, r);
	msc_process_uri(t, uri,
			req_has(r, REQ_METHOD) ? cstr(r->method_str, method, sizeof(method)) : "GET",
			http_version(r, version, sizeof(version)));
	add_headers(t, r, referer_scored);
	msc_process_request_headers(t);
	/* Phase 2 (where SQLi, XSS, RCE... live) runs only from the body call. */
	msc_process_request_body(t);
	msc_intervention(t, &it);
	free(it.url);
	free(it.log);
	msc_transaction_cleanup(t);
	return 0;
}

/* ModSecurity's score and rules for r into res (cleared first). */
static int modsec_score(const struct crs_engine *e, const struct request_record *r,
			bool referer_scored, struct crs_result *res)
{
	struct collector col = { .res = res };
	char buf[4096], *heap, *uri;
	int ret;

	memset(res, 0, sizeof(*res));
	if (!req_has(r, REQ_PATH))
		return 0; /* no request line (a TLS hello, "-"): nothing CRS reads */
	uri = build_uri(r, buf, sizeof(buf), &heap);
	if (!uri)
		return -ENOMEM;
	ret = run_transaction(e, r, uri, referer_scored, &col);
	free(heap);
	if (ret)
		return ret;
	if (!col.scored)
		return -EIO; /* the marker always logs: the rule set is not what we built */
	res->evaluated = true;
	return 0;
}

/* What a score means for r: spared as placeholders, flagged, corroborated. */
static void judge(const struct crs_engine *e, const struct request_record *r,
		  struct crs_result *res)
{
	/* 932130 adds its score once per argument name or value it matches: a score of exactly
	 * that many is that rule's on placeholders alone, nothing else scored. */
	res->placeholder = res->score && e->spares_placeholders &&
			   res->score == CRITICAL_SCORE * crs_placeholder_matches(r);
	if (res->placeholder)
		return;
	res->flagged = res->score >= e->threshold;
	res->from_page = crs_from_page(r);
	if (!res->flagged && e->corroborated_threshold && res->score >= e->corroborated_threshold) {
		res->corroborated_by = crs_record_signs(r, res->score) & e->corroborate_by;
		res->flagged = res->corroborated_by != 0;
	}
}

static int eval_full(const struct crs_engine *e, const struct request_record *r,
		     bool referer_scored, struct crs_result *res)
{
	int ret = modsec_score(e, r, referer_scored, res);

	if (!ret && res->evaluated)
		judge(e, r, res);
	return ret;
}

int crs_eval_full(const struct crs_engine *e, const struct request_record *r,
		  struct crs_result *res)
{
	return eval_full(e, r, false, res);
}

unsigned int crs_prefilter_mark_fields(const struct crs_engine *e, struct crs_ctx *c,
				      const struct request_record *r, struct pred_eval *ev)
{
	return e->pf ? crs_prefilter_fields(e->pf, c->pf, r, ev) : CRS_PF_WHOLE;
}

bool crs_prefilter_marks(const struct crs_engine *e, struct crs_ctx *c,
			 const struct request_record *r, struct pred_eval *ev)
{
	return crs_prefilter_mark_fields(e, c, r, ev) != 0;
}

/*
 * One ModSecurity run from the budget at event time ts: the bucket holds at
 * most a second's runs and refills at max_per_second; time going back (a
 * late record) refills nothing.
 */
static bool budget_take(const struct crs_engine *e, struct crs_ctx *c, uint64_t ts)
{
	uint64_t cap = (uint64_t)e->max_per_second * NS_PER_S;

	if (!e->max_per_second)
		return true;
	if (ts > c->refilled_ns) {
		uint64_t gain = ts - c->refilled_ns;

		/* gain * rate, saturating at the cap without overflowing */
		c->tokens_ns = gain >= NS_PER_S || gain * e->max_per_second >= cap - c->tokens_ns
				       ? cap
				       : c->tokens_ns + gain * e->max_per_second;
		c->refilled_ns = ts;
	}
	if (c->tokens_ns < NS_PER_S)
		return false;
	c->tokens_ns -= NS_PER_S;
	return true;
}

/* Not the whole struct: hits[] (2 KiB) counts only up to n_hits. */
static void clear_result(struct crs_result *res)
{
	res->score = res->n_fired = res->n_hits = res->corroborated_by = 0;
	res->flagged = res->evaluated = res->placeholder = res->from_page = res->shed = false;
	res->remembered = false;
}

int crs_eval_marked(const struct crs_engine *e, struct crs_ctx *c,
		    const struct request_record *r, unsigned int marks, bool referer_scored,
		    struct crs_result *res)
{
	struct crs_memo_key k;
	bool keyed;
	int ret;

	clear_result(res); /* nearly every record ends here */
	if (!marks)
		return 0;
	keyed = c->memo && crs_memo_key(c->memo, r, marks, referer_sent(r, referer_scored), &k);
	if (keyed && crs_memo_get(c->memo, k, res)) {
		res->evaluated = res->remembered = true; /* no run: none of the budget */
		judge(e, r, res);
		return 0;
	}
	if (!budget_take(e, c, r->ts_ns)) {
		res->shed = true;
		return 0;
	}
	ret = modsec_score(e, r, referer_scored, res);
	if (ret || !res->evaluated)
		return ret;
	if (keyed)
		crs_memo_put(c->memo, k, res);
	judge(e, r, res);
	return 0;
}

int crs_eval(const struct crs_engine *e, struct crs_ctx *c, const struct request_record *r,
	     struct crs_result *res)
{
	return crs_eval_marked(e, c, r, crs_prefilter_mark_fields(e, c, r, NULL), false, res);
}
