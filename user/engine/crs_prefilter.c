// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The CRS prefilter (crs_prefilter.h): a Hyperscan database of the table
 * below (rows for the configured paranoia level, each marking in its own
 * fields), one of the words of the @pmFromFile data files the
 * REQUEST-*.conf rules of that level name, libinjection on what
 * 942100/941100 read, and a few checks of whole values (method, protocol,
 * Accept, Content-Type, repeated parameters, special-character counts) that
 * a pattern cannot say, in C.
 *
 * The rows were written against CRS 3.3.4 by reading each REQUEST rule:
 * a rule whose pattern needs a byte outside the field's plain alphabet is
 * covered by the first group; every other one has a row here or a data
 * file. Patterns are caseless and may mark more than their rule (never less).
 * The one exception, crs_header_anomalies_reach(): four
 * header rules and 920100's whitespace in a query mark only when their
 * scores together reach the threshold, as only then can CRS flag a record
 * for them alone.
 * tests/fuzz/fuzz_crs_prefilter.c holds the prefilter to that against
 * ModSecurity itself.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <hs/hs.h>

#include "engine/compile_jobs.h"
#include "engine/crs_prefilter.h"
#include "engine/crs_views.h"
#include "engine/crs_whole_values.h"
#include "engine/crs_words.h"
#include "engine/hs_cache.h"
#include "engine/pred_memo.h"

enum pf_field { PF_PATH, PF_QUERY, PF_UA, PF_REFERER, PF_HOST, PF_ACCEPT, PF_CTYPE, PF_NFIELDS };

#define F(x) (1u << PF_##x)
#define F_URL (F(PATH) | F(QUERY))
#define F_HDR (F(UA) | F(REFERER) | F(HOST) | F(ACCEPT) | F(CTYPE))
#define F_ALL (F_URL | F_HDR)
/* Where libinjection (942100, 941100) and most 941/942 rules look: ARGS, User-Agent, Referer. */
#define F_ARGS (F(QUERY) | F(UA) | F(REFERER))

struct pf_row {
	unsigned char min_pl;
	unsigned short fields;
	const char *re;
};

/*
 * SQL words the 942 regex rules read without any operator or quote (942100
 * is libinjection, asked directly below). Paranoia 1 rules need one of
 * SQL_PL1 in the value: "union select", "x having y", "drop table",
 * information_schema, xp_cmdshell... Paranoia 2 adds the operator and
 * tautology rules (942120, 942130, 942210, 942380-942480), which read
 * "a like a", "is not", "1 or 2": every word of SQL_LONG and SQL_SHORT.
 * CRS's \b counts '_' as a word character, so "union_select" and
 * "www_xp_cmdshell" score: the long words match anywhere, the short ones
 * between bytes that are not letters or digits.
 */
#define SQL_PL1                                                                            \
	"union|select|having|alter|create|truncate|update|rename|insert|delete|desc|drop|" \
	"load|infile|outfile|dumpfile|group_concat|char|sleep|benchmark|waitfor|merge|"    \
	"match|shutdown|declare|exec|iif|db_name|current_user|connection_id|"              \
	"information_schema|schema_name|msys|pg_|xp_|sp_|northwind|tempdb|sysaux|sqlite|"  \
	"mysql|master"
#define SQL_LONG                                                                           \
	SQL_PL1 "|replace|order|group|limit|offset|procedure|function|delay|into|where|"   \
	"null|rlike|regexp|between|case|when|then|concat|substr|instr|cast|convert|user|"  \
	"database|schema|table|column|index|view|against|goto|from|join|inner|outer|"      \
	"exists|show|distinct|dump|true|false|openrowset|opendatasource|openquery|"        \
	"sysobjects|syscolumns|dbms_|utl_|sys_context|ascii|chr"
#define SQL_SHORT "(?:^|[^a-z0-9])(?:or|and|xor|not|nand|div|mod|like|is|asc|all)(?:[^a-z0-9]|$)"
/* 932150 (Unix direct command execution), its command list without the quote classes. */
#define CMDS_932150 \
	"(?:l(?:s(?:(?:b_release|cpu|mod|pci|usb|-F|of))?|z(?:(?:[ef])?grep|c(?:at|mp)|m(?:ore|a)" \
	"|diff|less)|ess(?:(?:fil|pip)e|echo)|ast(?:log(?:in)?|comm)|wp(?:-download)?|ftp(?:get)?" \
	"|ynx)|s(?:e(?:t(?:env|sid)|ndmail|d)|h(?:\\.distrib)?|o(?:urce|cat)|trings|ysctl|c(?:hed" \
	"|p)|diff|ftp|udo|sh|vn)|p(?:tar(?:(?:diff|grep))?|ython(?:(?:3(?:m)?|2))?|k(?:exec|ill)|" \
	"rintenv|(?:gre|ft)p|erl(?:5)?|hp(?:[57])?|ing|opd)|n(?:c(?:(?:\\.(?:traditional|openbsd)" \
	"|at))?|et(?:kit-ftp|(?:st|c)at)|ohup|ping|stat)|t(?:c(?:p(?:traceroute|ing)|sh)|racerout" \
	"e(?:6)?|ime(?:out)?|a(?:il(?:f)?|r)|elnet)|r(?:e(?:p(?:lace|eat)|alpath|name)|uby(?:(?:1" \
	"(?:[89])?|2[012]))?|m(?:use|di)r|nano|sync|cp)|b(?:z(?:(?:[ef])?grep|diff|less|more|cat)" \
	"|sd(?:cat|iff|tar)|uiltin|ash)|m(?:ysql(?:dump(?:slow)?|hotcopy|admin|show)|locate|ailq)" \
	"|u(?:n(?:compress|lzma|ame|rar|set|zip|xz)|ser(?:(?:ad|mo)d|del))|x(?:z(?:(?:(?:[ef])?gr" \
	"ep|d(?:iff|ec)|c(?:at|mp)|less|more))?|args)|z(?:(?:(?:[ef])?gre|i)p|c(?:at|mp)|diff|les" \
	"s|more|run|sh)|f(?:tp(?:stats|who)|iletest|etch|grep)|c(?:o(?:mmand|proc)|url|sh|c)|e(?:" \
	"grep|cho|val|xec|nv)|d(?:mesg|ash|iff|oas)|g(?:z(?:cat|ip)|rep|cc)|j(?:obs\\s+-x|ava)|w(" \
	"?:hoami|get|3m)|irb(?:(?:1(?:[89])?|2[012]))?|onintr|h(?:ead|up)|vi(?:gr|pw)|GET)"

/* 944300 (PL3): base64 of Java gadget class names. */
#define B64_944300 \
	"(?:cnVudGltZQ|HJ1bnRpbWU|BydW50aW1l|cHJvY2Vzc2J1aWxkZXI|HByb2Nlc3NidWlsZGVy|Bwcm9jZXNzYn" \
	"VpbGRlcg|Y2xvbmV0cmFuc2Zvcm1lcg|GNsb25ldHJhbnNmb3JtZXI|BjbG9uZXRyYW5zZm9ybWVy|Zm9yY2xvc3" \
	"VyZQ|GZvcmNsb3N1cmU|Bmb3JjbG9zdXJl|aW5zdGFudGlhdGVmYWN0b3J5|Gluc3RhbnRpYXRlZmFjdG9yeQ|Bp" \
	"bnN0YW50aWF0ZWZhY3Rvcnk|aW5zdGFudGlhdGV0cmFuc2Zvcm1lcg|Gluc3RhbnRpYXRldHJhbnNmb3JtZXI|Bp" \
	"bnN0YW50aWF0ZXRyYW5zZm9ybWVy|aW52b2tlcnRyYW5zZm9ybWVy|Gludm9rZXJ0cmFuc2Zvcm1lcg|BpbnZva2" \
	"VydHJhbnNmb3JtZXI|cHJvdG90eXBlY2xvbmVmYWN0b3J5|HByb3RvdHlwZWNsb25lZmFjdG9yeQ|Bwcm90b3R5c" \
	"GVjbG9uZWZhY3Rvcnk|cHJvdG90eXBlc2VyaWFsaXphdGlvbmZhY3Rvcnk|HByb3RvdHlwZXNlcmlhbGl6YXRpb2" \
	"5mYWN0b3J5|Bwcm90b3R5cGVzZXJpYWxpemF0aW9uZmFjdG9yeQ|d2hpbGVjbG9zdXJl|HdoaWxlY2xvc3VyZQ|B" \
	"3aGlsZWNsb3N1cmU)"

static const struct pf_row ROWS[] = {
	/* Bytes outside the plain alphabet of a URL (letters, digits, / . _ = & , - and
	 * spaces, '+' and %20/%2B read as spaces): quotes, < >, ; | ` $ ( ) { } \ ^ * ? ! @
	 * # : ~ [ ], every other %-encoding (double, %u, null byte), controls, non-ASCII.
	 * Almost every CRS rule needs one of them. The path's rules (REQUEST_FILENAME,
	 * _BASENAME, _URI, _LINE at any level: 920xxx, 921190, 930100-930130, 932170,
	 * 933150-933210, 941110) need none of ':', ';' and '@', which pages' paths carry
	 * (a wiki's Special:Search, a ;jsessionid, an image's @2x). */
	{ 1, F(QUERY), "[^a-z0-9/._=&,\\x20-]" },
	{ 1, F(PATH), "[^a-z0-9/._=&,\\x20:;@-]" },
	/* Headers have a wider plain alphabet, since browsers send ( ) ; : * ? # ! @ ~ + [ ]. */
	{ 1, F_HDR, "[^a-z0-9/._=&,\\x20;:()*?#!@~+\\[\\]-]" },
	/* 930100's literal hex spellings of a dot and the slashes (/a/0x2e0x2e/b), which it
	 * reads in the raw URI and every header but the Referer: letters and digits only. */
	{ 1, F_ALL, "0x(?:2e|2f|5c)" },
	/* Traversal (930100, 930110) and what t:normalizePath would rewrite; dotfiles (930130). */
	{ 1, F_ALL, "\\.\\." },
	{ 1, F_URL, "//|/\\.|\\./|(?:^|[=&])\\." },
	/* A value holding '=': 941120 reads "x onload=y", 941150 "x style=y". In a
	 * User-Agent or Host any '='. */
	{ 1, F(QUERY) | F(REFERER), "=[^&]*=" },
	{ 1, F(UA) | F(HOST), "=" },
	/* Entities t:htmlEntityDecode turns into markup (941xxx). */
	{ 1, F_ARGS, "&(?:#|lt|gt|amp|quot|apos|nbsp|colon|tab|newline)" },
	/* SQL comment and hex literals (942440, 942450), integer overflow values (942220). */
	{ 1, F_ARGS, "--|\\b0x[0-9a-f]{2}" },
	{ 1, F_ARGS, "(?:^|[=&\\x20])(?:-?0000023456|4294967295|4294967296|-?214748364[789]|"
		     "0000012345|2\\.2250738585072007e-308|2\\.2250738585072011e-308|1e309)" },
	/* SQL keywords: "union all select", "x having y" score with letters and spaces.
	 * Only in ARGS: the one 942 rule on headers is 942100, libinjection. */
	{ 1, F(QUERY), SQL_PL1 },
	{ 2, F(QUERY), SQL_LONG "|" SQL_SHORT },
	/* A Unix command at the start of a value followed by a space (932150: "time flies"). */
	{ 1, F(QUERY), "(?:^|[=&])\\x20*(?:[a-z0-9_./-]*/)?" CMDS_932150 "\\x20" },
	/* Windows cmd conditionals (932140). */
	{ 1, F(QUERY), "\\bif(?:/i)?(?:\\x20not)?\\x20(?:exist|errorlevel|defined|cmdextversion)\\b|"
		       "\\bif[\\x20(].*\\b(?:geq|gtr|equ|neq|leq|lss)\\b" },
	/* A protocol version in a value: response splitting (921130, "x=HTTP/1.1") and request
	 * smuggling (921110, "GET /x HTTP/1.1" in a value) both need one. */
	{ 1, F(QUERY), "\\bhttp/\\d" },
	/* XSS words: event handlers (941120), libinjection's black attributes, script
	 * schemes (941170), 941130's xmlns/xhtml/formaction/pattern (after any byte,
	 * a letter too: "AppleWebKxhtml"), 941180's @pm list,
	 * UTF-7 (941350), -moz-binding and @import. */
	{ 1, F_ARGS, "\\bon[a-z]{3,25}\\b|\\b(?:style|filter|attributename|dataformatas|datasrc|"
		     "script)\\b|(?:formaction|xmlns|xlink|xhtml|pattern)\\b|javascript|vbscript|"
		     "livescript|data:|;base64|@\\W*i\\W*m\\W*p\\W*o\\W*r\\W*t|"
		     "m\\W*o\\W*z\\W*-\\W*b\\W*i\\W*n\\W*d|document\\.(?:cookie|write)|"
		     "\\.parentnode|\\.innerhtml|window\\.location|adw-|ad4-" },
	/* What headers' wider alphabet lets through to 941130 (!ENTITY), 941360 (JSFuck)
	 * and 941370 (JavaScript globals). */
	{ 1, F_ARGS, "!\\s*entity|![!+\\x20]\\[\\]|"
		     "(?:self|document|this|top|window)\\s*(?:/\\*|[\\[)])" },
	/* Java (944100-944130): class names and gadget words; the data file has the rest. */
	{ 1, F_ALL, "java\\.|runtime|processbuilder|unmarshaller|base64data|clonetransformer|"
		    "forclosure|instantiatefactory|instantiatetransformer|invokertransformer|"
		    "prototypeclonefactory|prototypeserializationfactory|whileclosure|"
		    "getproperty|filewriter|xmldecoder" },
	/* Session fixation (943100's meta tag, 943110/943120: a session id as a
	 * parameter name, scored with a foreign or no Referer). */
	{ 1, F(QUERY), "(?:^|&)(?:jsessionid|aspsessionid|asp\\.net_sessionid|phpsession|phpsessid|"
		       "weblogicsession|session_id|session-id|cfid|cftoken|cfsid|jservsession|"
		       "jwsession)(?:=|&|$)|\\bhttp-equiv\\W+set-cookie\\b" },
	/* Restricted extensions (920440, tx.restricted_extensions of 901). */
	{ 1, F(PATH), "\\.(?:asax?|ascx|axd|backup|bak|bat|cdx|cer|cfg|cmd|com|config|conf|cs|"
		      "csproj|csr|dat|db|dbf|dll|dos|htr|htw|ida|idc|idq|inc|ini|key|licx|lnk|log|"
		      "mdb|old|pass|pdb|pol|printer|pwd|rdb|resources|resx|sql|swp|sys|vb|vbs|"
		      "vbproj|vsdisco|webinfo|xsd|xsx)$" },
	/* PL2: style/src/href followed by '=' (941150); serialized Java (944210). */
	{ 2, F_ARGS, "\\b(?:style|src|href)\\b.*=" },
	{ 2, F_ALL, "ro0abq|kztaau|cs7qaf|java\\b" },
	/* PL3: four non-word characters in a row (942460), PHP server variables without
	 * '$' (933131), 944300. */
	{ 3, F(QUERY), "[^a-z0-9_&]{4}" },
	{ 3, F_ARGS, "HTTP_(?:ACCEPT(?:_(?:ENCODING|LANGUAGE|CHARSET))?|(?:X_FORWARDED_FO|REFERE)R|"
		     "(?:USER_AGEN|HOS)T|CONNECTION|KEEP_ALIVE)|PATH_(?:TRANSLATED|INFO)|"
		     "ORIG_PATH_INFO|QUERY_STRING|REQUEST_URI|AUTH_TYPE" },
	{ 3, F_ALL, B64_944300 },
	/* PL4: args allow only & , - . 0-9 : = A-Z _ a-z (920273): a space or '/' is out. */
	{ 4, F(QUERY), "[\\x20/]" },
};

#define NROWS (sizeof(ROWS) / sizeof(ROWS[0]))

struct crs_prefilter {
	hs_database_t *rows;  /* the table's rows at the paranoia level, ids their fields */
	hs_database_t *words; /* the data files' words, for every field */
	unsigned int paranoia;
	unsigned int threshold;        /* the policy's: header anomalies alone mark from it */
	/* The compile crs_prefilter_start began, until crs_prefilter_wait. */
	struct pf_list pending;        /* the words it compiles, freed (zeroed) once compiled */
	char *cache_dir;               /* hs_cache.h; NULL: none */
	pthread_t builder;
	bool building;                 /* on builder, not yet joined */
	int built;                     /* its result: 0 or -errno with build_err */
	struct gh_err build_err;
};

/*
 * The prefilter's answer per field value (pred_memo.h, one id when it
 * marks): user agents, referers, hosts and popular paths repeat, and a
 * repeat costs a hash and a compare instead of four views, their scans and
 * libinjection. The answer depends on the value alone (and the engine, fixed
 * per scratch), so it can be remembered.
 */
struct crs_pf_scratch {
	hs_scratch_t *hs;
	char *view;      /* the field as CRS's transformations see it */
	size_t cap;
	struct pred_memo *memo[PF_NFIELDS];
};

/* ---- compile ---------------------------------------------------------------- */

/*
 * One database from regexes (lens NULL) or literals (their lengths): Hyperscan
 * builds literals as such, without the regex parser, which matters for the
 * two thousand data-file words.
 */
static int compile(const char *cache_dir, const char *const *exprs, const size_t *lens,
		   const unsigned int *ids, size_t n, hs_database_t **db, struct gh_err *err)
{
	unsigned int *flags = malloc((n ? n : 1) * sizeof(*flags));
	hs_compile_error_t *cerr = NULL;
	struct hs_cache_req req = { .exprs = exprs, .lens = lens, .ids = ids, .n = (unsigned int)n };
	hs_error_t rc;
	int ret = 0;

	if (!flags)
		return gh_err_sys(err, -ENOMEM, "CRS prefilter");
	for (size_t i = 0; i < n; i++)
		flags[i] = HS_FLAG_CASELESS | (lens ? 0 : HS_FLAG_DOTALL | HS_FLAG_SINGLEMATCH);
	req.flags = flags;
	rc = n ? hs_cache_compile(cache_dir, &req, db, &cerr) : HS_SUCCESS;
	if (rc != HS_SUCCESS) {
		ret = gh_err_fail(err, -EINVAL, "CRS prefilter: %s %d: %s", lens ? "word" : "pattern",
				  cerr ? cerr->expression : -1, cerr ? cerr->message : "?");
		hs_free_compile_error(cerr);
	}
	free(flags);
	return ret;
}

/*
 * The table's rows at the paranoia level, all fields in one database whose
 * ids are the rows' field sets (a scan asks for its field's bit): compiled
 * once, the rows cost 0.13 s of CPU, where a database per field repeated
 * the rows of several fields for 0.27 s.
 */
static int compile_rows(struct crs_prefilter *pf, struct gh_err *err)
{
	const char *exprs[NROWS];
	unsigned int ids[NROWS];
	size_t n = 0;

	for (size_t i = 0; i < NROWS; i++) {
		if (ROWS[i].min_pl > pf->paranoia)
			continue;
		ids[n] = ROWS[i].fields;
		exprs[n++] = ROWS[i].re;
	}
	return compile(pf->cache_dir, exprs, NULL, ids, n, &pf->rows, err);
}

/*
 * The data-file words, an id each: with one id for all, Hyperscan compiled
 * them in 0.26 s of CPU (in four parts), with their own in 0.02 (whole).
 */
static int compile_words(struct crs_prefilter *pf, const struct pf_list *words,
			 struct gh_err *err)
{
	unsigned int *ids = malloc((words->n ? words->n : 1) * sizeof(*ids));
	int ret;

	if (!ids)
		return gh_err_sys(err, -ENOMEM, "CRS prefilter");
	for (size_t i = 0; i < words->n; i++)
		ids[i] = (unsigned int)i;
	ret = compile(pf->cache_dir, (const char *const *)words->w, words->len, ids, words->n,
		      &pf->words, err);
	free(ids);
	return ret;
}

/* The two databases are independent: two threads compile them (compile_jobs.h). */
struct pf_build {
	struct crs_prefilter *pf;
	const struct pf_list *words;
};

static int compile_job(void *ctx, size_t i, struct gh_err *err)
{
	struct pf_build *b = ctx;

	return i ? compile_words(b->pf, b->words, err) : compile_rows(b->pf, err);
}

static int compile_all(struct crs_prefilter *pf, const struct pf_list *words,
		       struct gh_err *err)
{
	struct pf_build b = { .pf = pf, .words = words };

	return compile_jobs_run(2, compile_job, &b, err);
}

/* The compile of both databases, on the builder thread or, without one, the caller's. */
static void *build(void *arg)
{
	struct crs_prefilter *pf = arg;

	pf->built = compile_all(pf, &pf->pending, &pf->build_err);
	crs_words_free(&pf->pending);
	memset(&pf->pending, 0, sizeof(pf->pending));
	return NULL;
}

int crs_prefilter_start(const char *rules_dir, unsigned int paranoia, unsigned int threshold,
			const char *cache_dir, struct crs_prefilter **out, struct gh_err *err)
{
	struct crs_prefilter *pf = calloc(1, sizeof(*pf));
	int ret;

	*out = NULL;
	if (!pf)
		return gh_err_sys(err, -ENOMEM, "CRS prefilter");
	pf->paranoia = paranoia;
	pf->threshold = threshold;
	/* Without Hyperscan's instruction set there is no prefilter: all records pass. */
	if (hs_valid_platform() != HS_SUCCESS) {
		*out = pf;
		return 0;
	}
	ret = crs_words_load(rules_dir, paranoia, &pf->pending, err);
	if (!ret && cache_dir && !(pf->cache_dir = strdup(cache_dir)))
		ret = gh_err_sys(err, -ENOMEM, "CRS prefilter");
	if (ret) {
		crs_words_free(&pf->pending);
		crs_prefilter_close(pf);
		return ret;
	}
	pf->building = !pthread_create(&pf->builder, NULL, build, pf);
	if (!pf->building)
		build(pf);
	*out = pf;
	return 0;
}

int crs_prefilter_wait(struct crs_prefilter *pf, struct gh_err *err)
{
	if (pf->building) {
		pthread_join(pf->builder, NULL);
		pf->building = false;
	}
	if (pf->built)
		*err = pf->build_err;
	return pf->built;
}

int crs_prefilter_open(const char *rules_dir, unsigned int paranoia, unsigned int threshold,
		       const char *cache_dir, struct crs_prefilter **out, struct gh_err *err)
{
	int ret = crs_prefilter_start(rules_dir, paranoia, threshold, cache_dir, out, err);

	if (!ret && (ret = crs_prefilter_wait(*out, err))) {
		crs_prefilter_close(*out);
		*out = NULL;
	}
	return ret;
}

void crs_prefilter_close(struct crs_prefilter *pf)
{
	if (!pf)
		return;
	if (pf->building)
		pthread_join(pf->builder, NULL);
	free(pf->cache_dir);
	hs_free_database(pf->rows);
	hs_free_database(pf->words);
	free(pf);
}

struct crs_pf_scratch *crs_pf_scratch_new(const struct crs_prefilter *pf)
{
	struct crs_pf_scratch *s = calloc(1, sizeof(*s));

	for (int f = 0; s && f < PF_NFIELDS; f++) /* without one a field is always looked at */
		s->memo[f] = pred_memo_new();
	if (s && ((pf->rows && hs_alloc_scratch(pf->rows, &s->hs) != HS_SUCCESS) ||
		  (pf->words && hs_alloc_scratch(pf->words, &s->hs) != HS_SUCCESS))) {
		crs_pf_scratch_free(s);
		return NULL;
	}
	return s;
}

void crs_pf_scratch_free(struct crs_pf_scratch *s)
{
	if (!s)
		return;
	hs_free_scratch(s->hs);
	free(s->view);
	for (int f = 0; f < PF_NFIELDS; f++)
		pred_memo_free(s->memo[f]);
	free(s);
}

/* ---- libinjection (crs_views.c) ----------------------------------------- */

/* What libinjection reads of field f (the spaces view: + and %20 decoded). */
static bool field_injection(const struct crs_prefilter *pf, enum pf_field f, const char *v,
			    size_t len)
{
	if (f == PF_QUERY)
		return crs_query_injection(v, len);
	if (f == PF_PATH)
		return pf->paranoia >= 3 && crs_basename_sqli(v, len);
	return (f == PF_UA || f == PF_REFERER) && crs_injection(v, len);
}

/* ---- scanning ------------------------------------------------------------- */

static int on_word(unsigned int id, unsigned long long from, unsigned long long to,
		   unsigned int flags, void *ctx)
{
	(void)id, (void)from, (void)to, (void)flags, (void)ctx;
	return 1; /* one match marks the record: stop */
}

/* A row marks (stops the scan) when it is one of the scanned field's (ctx). */
static int on_row(unsigned int id, unsigned long long from, unsigned long long to,
		  unsigned int flags, void *ctx)
{
	const unsigned int *field_bit = ctx;

	(void)from, (void)to, (void)flags;
	return (id & *field_bit) != 0;
}

static bool scan(const struct crs_prefilter *pf, struct crs_pf_scratch *s, enum pf_field f,
		 const char *p, size_t len)
{
	/* Anything but "scanned, no match" marks: an error must not hide a record. */
	unsigned int field_bit = 1u << f;

	if (pf->rows &&
	    hs_scan(pf->rows, p, (unsigned int)len, 0, s->hs, on_row, &field_bit) != HS_SUCCESS)
		return true;
	return pf->words &&
	       hs_scan(pf->words, p, (unsigned int)len, 0, s->hs, on_word, NULL) != HS_SUCCESS;
}

/*
 * Whether a URL field's escapes of plain bytes (%2C, %2F, %41...) are read
 * decoded: ModSecurity hands ARGS, REQUEST_FILENAME and REQUEST_BASENAME to
 * the rules decoded, and its rules on the raw request line look only for
 * escapes of other bytes (930100's dots and slashes decode to ../, which
 * the traversal rows see; 920220 and 920260 need a broken or %u one, which
 * stays). Up to paranoia 2: the byte-range and multiple-encoding rules above
 * it were not read this way.
 */
static bool plain_escapes(const struct crs_prefilter *pf, enum pf_field f)
{
	return pf->paranoia <= 2 && (f == PF_QUERY || f == PF_PATH);
}

/*
 * libinjection on each form of the value CRS may hand it: as sent, with
 * '+' and %20 as spaces (out, n1), and with %20 alone (into spare).
 */
static bool injection_marks(const struct crs_prefilter *pf, enum pf_field f, struct gh_str v,
			    const char *v1, size_t n1, char *spare)
{
	bool sp;

	if (field_injection(pf, f, v1, n1))
		return true;
	if (n1 == v.len && !memcmp(v1, v.p, n1))
		return false; /* nothing decoded: one form only */
	return field_injection(pf, f, v.p, v.len) ||
	       (memchr(v.p, '+', v.len) && memchr(v.p, '%', v.len) &&
		field_injection(pf, f, spare,
				crs_spaces_view(v, spare, false, plain_escapes(pf, f), &sp)));
}

/* The field's views, scanned in turn; the buffer holds four times the value. */
static bool field_marks(const struct crs_prefilter *pf, struct crs_pf_scratch *s,
			enum pf_field f, struct gh_str v)
{
	size_t n1, n2, n3, need = (size_t)v.len * 4;
	char *b;
	bool sp;

	if (!v.len)
		return false;
	if (s->cap < need) {
		if (!(b = realloc(s->view, need)))
			return true; /* cannot look: let CRS */
		s->view = b;
		s->cap = need;
	}
	b = s->view;
	n1 = crs_spaces_view(v, b, true, plain_escapes(pf, f), &sp);
	if (scan(pf, s, f, b, n1) || injection_marks(pf, f, v, b, n1, b + 3 * v.len))
		return true;
	/* A header keeps its '+' for CRS: that form too (a URL's '+' is a space). */
	if (f >= PF_UA && memchr(v.p, '+', v.len) && scan(pf, s, f, v.p, v.len))
		return true;
	n2 = sp ? crs_nospace_view(b, n1, b + n1) : 0;
	if (n2 && scan(pf, s, f, b + n1, n2))
		return true;
	n3 = crs_cmdline_view(b, n1, b + 2 * n1);
	return (n3 != n1 || memcmp(b, b + 2 * n1, n1)) && scan(pf, s, f, b + 2 * n1, n3);
}

/* In the tag of the engine's memo entry for a value (pred_eval_value_tag): */
#define TAG_KNOWN 1u
#define TAG_MARKS 2u

/*
 * The field's answer, remembered: beside the engine's own scan results for
 * the value when it keeps them (one lookup serves both), else in the
 * scratch's memo.
 */
static bool field_marks_memo(const struct crs_prefilter *pf, struct crs_pf_scratch *s,
			     enum pf_field f, enum req_field rf, struct gh_str v,
			     struct pred_eval *ev)
{
	static const int marked = 1;
	const uint32_t *ids;
	uint8_t *tag = ev && v.len ? pred_eval_value_tag(ev, rf, s) : NULL;
	uint64_t h;
	int n;
	bool marks;

	if (tag && *tag & TAG_KNOWN)
		return *tag & TAG_MARKS;
	if (tag) {
		marks = field_marks(pf, s, f, v);
		*tag = (uint8_t)(TAG_KNOWN | (marks ? TAG_MARKS : 0));
		return marks;
	}
	if (!s->memo[f] || !v.len)
		return field_marks(pf, s, f, v);
	h = ev ? pred_eval_key(ev, rf) : pred_memo_hash(v);
	n = pred_memo_get(s->memo[f], v, h, &ids);
	if (n >= 0)
		return n > 0;
	marks = field_marks(pf, s, f, v);
	pred_memo_put(s->memo[f], v, h, &marked, marks);
	return marks;
}

unsigned int crs_prefilter_fields(const struct crs_prefilter *pf, struct crs_pf_scratch *s,
				  const struct request_record *r, struct pred_eval *ev)
{
#define PF_FIELD(rf, pf, member) [rf] = { pf, offsetof(struct request_record, member) }
	static const struct {
		enum pf_field pf;
		size_t off;
	} fields[REQ_FIELD_COUNT] = {
		PF_FIELD(REQ_PATH, PF_PATH, path),
		PF_FIELD(REQ_QUERY, PF_QUERY, query),
		PF_FIELD(REQ_USER_AGENT, PF_UA, user_agent),
		PF_FIELD(REQ_REFERER, PF_REFERER, referer),
		PF_FIELD(REQ_HOST, PF_HOST, host),
		PF_FIELD(REQ_ACCEPT, PF_ACCEPT, accept),
		PF_FIELD(REQ_CONTENT_TYPE, PF_CTYPE, content_type),
	};
#undef PF_FIELD
	const uint32_t scanned = REQ_BIT(REQ_PATH) | REQ_BIT(REQ_QUERY) | REQ_BIT(REQ_USER_AGENT) |
				 REQ_BIT(REQ_REFERER) | REQ_BIT(REQ_HOST) | REQ_BIT(REQ_ACCEPT) |
				 REQ_BIT(REQ_CONTENT_TYPE);
	unsigned int marks = 0;

	if (!req_has(r, REQ_PATH))
		return 0; /* CRS is not run on it either (crs_eval_full) */
	if (!s || !s->hs || crs_structure_marks(r, pf->paranoia))
		return CRS_PF_WHOLE;
	/* The fields the record has, and no test of the others; every field, for the
	 * memo's key (crs_memo.h), once one is marked. */
	for (uint32_t m = r->present & scanned; m; m &= m - 1) {
		enum req_field rf = (enum req_field)__builtin_ctz(m);
		const struct gh_str *v = (const void *)((const char *)r + fields[rf].off);

		if (field_marks_memo(pf, s, fields[rf].pf, rf, *v, ev))
			marks |= REQ_BIT(rf);
	}
	return marks ? marks : crs_header_anomalies_reach(r, pf->threshold) ? CRS_PF_WHOLE : 0;
}
