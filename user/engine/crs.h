/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The OWASP Core Rule Set as a policy stage: request records scored by
 * libmodsecurity (v3) with CRS in detection-only, anomaly-scoring mode, so
 * no server is needed and nothing is ever blocked here; the caller decides
 * what a score means.
 *
 * A record is fed to ModSecurity as the request it describes: connection
 * (src/dst address and port), URI "path?query", method, protocol, and one
 * header for each present field (Host, User-Agent, Referer, Content-Type,
 * Accept, Content-Length). A field the producer did not see is not a missing
 * header: the rules that score a missing Host, Accept or User-Agent, or a
 * POST without Content-Length, are switched off for that record (a combined
 * log has no Host, and would otherwise score 3 on every line).
 *
 * ModSecurity skips every phase-2 rule unless request-body access is on, so
 * it is on, and the (empty) body phase always runs.
 *
 * A Hyperscan prefilter (crs_prefilter.h) runs first unless told not to:
 * records it does not mark score 0 without reaching ModSecurity, which costs
 * about 500 us per record against 2-5 us for the prefilter. Opening takes
 * about 1 s at paranoia 1 and 2.5 s above (compiling the prefilter's
 * databases; CRS itself loads in 0.03 s), a few milliseconds when they are in
 * the cache (crs_options.cache_dir).
 *
 * Threads: one engine, read-only after crs_open (with prefilter_later, after
 * crs_wait, which one thread calls); each thread has its own crs_ctx.
 * ModSecurity gets a transaction per call.
 */
#ifndef GATEHAWK_CRS_H
#define GATEHAWK_CRS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"
#include "engine/crs_result.h"
#include "engine/crs_signs.h"
#include "input/request.h"

#define CRS_DEFAULT_RULES_DIR "/usr/share/modsecurity-crs/rules"
#define CRS_DEFAULT_SETUP "/etc/modsecurity/crs/crs-setup.conf"
#define CRS_DEFAULT_THRESHOLD 5
/*
 * Full ModSecurity runs per second of event time a policy allows (about
 * half a core at ~500 us each); records the prefilter marks beyond it are
 * shed, not scored: a flood of marked requests must not take the daemon.
 */
#define CRS_DEFAULT_MAX_PER_SECOND 1000
#define CRS_MAX_EXCLUDE 256

struct crs_options {
	const char *rules_dir;   /* NULL: CRS_DEFAULT_RULES_DIR; its REQUEST-*.conf load */
	const char *setup_file;  /* NULL: CRS_DEFAULT_SETUP if it exists, else a generated
				  * minimal one; "": the generated one */
	unsigned int paranoia;   /* 1-4; 0: 1 */
	unsigned int threshold;  /* inbound anomaly score that flags on its own;
				  * 0: CRS_DEFAULT_THRESHOLD */
	/* From this score up to threshold, a record flags only when it shows one of
	 * the signs in corroborate_by; 0: no corroborated level. */
	unsigned int corroborated_threshold;
	unsigned int corroborate_by; /* enum crs_sign bits; not 0 when corroborated_threshold is */
	const unsigned int *exclude_ids; /* SecRuleRemoveById, in that order */
	size_t n_exclude;                /* at most CRS_MAX_EXCLUDE */
	bool no_prefilter;       /* every record goes to ModSecurity */
	bool prefilter_later;    /* the prefilter compiles on a thread of its own: crs_wait
				  * before the engine's first use */
	const char *cache_dir;   /* the prefilter's compiled databases (hs_cache.h); NULL: none */
	unsigned int max_per_second; /* ModSecurity runs per event-time second; 0: no limit */
};

struct crs_engine;
struct crs_ctx;
struct json_object;
struct pred_eval; /* predicate.h */

/*
 * Load CRS. Returns 0, or a negative errno with err filled: -EINVAL (input
 * class) for bad options or a rule file ModSecurity refuses (err's file and
 * line are the ones ModSecurity names), -ENOENT (input class too) for a
 * rules dir without REQUEST-*.conf, -ENOMEM.
 */
int crs_open(const struct crs_options *opts, struct crs_engine **out, struct gh_err *err);
/* Waits for a prefilter_later compile: 0, or -errno with err filled (the engine is unusable). */
int crs_wait(struct crs_engine *e, struct gh_err *err);
void crs_close(struct crs_engine *e);

unsigned int crs_paranoia(const struct crs_engine *e);
unsigned int crs_threshold(const struct crs_engine *e);
/* The corroborated level and its signs (crs_options); 0 and 0 without one. */
unsigned int crs_corroborated_threshold(const struct crs_engine *e);
unsigned int crs_corroborate_by(const struct crs_engine *e);
/*
 * Whether a fire may wait for a rendering (unless_rendered): a missing
 * Referer alone corroborated it, or it met the threshold on a request sent
 * from a page of the site and answered (a person who searched a tech site
 * for "../../ relative path", which scores 25, then follows a result). An
 * error answer blocks at once.
 */
static inline bool crs_fire_waits(const struct crs_result *res)
{
	return res->corroborated_by == CRS_SIGN_NO_REFERER ||
	       (res->flagged && !res->corroborated_by && res->from_page);
}
/* A sign's name as policies spell it ("error_status", "no_referer"); NULL if unknown. */
const char *crs_sign_name(enum crs_sign sign);
/* The signs of a crs_sign set as a JSON array of their names; NULL on -ENOMEM. */
struct json_object *crs_signs_json(unsigned int signs);
size_t crs_rule_files(const struct crs_engine *e);

/* Per-thread state (prefilter scratch, budget); NULL on allocation failure. */
struct crs_ctx *crs_ctx_new(const struct crs_engine *e);
void crs_ctx_free(struct crs_ctx *c);

/*
 * Score one record into res (cleared first): the prefilter, then, if it
 * marked the record and the context's budget (max_per_second, a token
 * bucket on the records' event time, so replay and live shed alike) has a
 * run left, ModSecurity. Returns 0, or -ENOMEM / -EIO when ModSecurity
 * could not run (res then says not evaluated).
 */
int crs_eval(const struct crs_engine *e, struct crs_ctx *c, const struct request_record *r,
	     struct crs_result *res);

/*
 * The same for a record the prefilter has looked at already (marks: its
 * answer, crs_prefilter_mark_fields; 0: not marked): a caller may skip what
 * cannot matter first. referer_scored: the record's Referer names a page of
 * the site whose own request was scored already (the engine watched it):
 * not scored again. A record that differs from one scored lately only in
 * fields the prefilter did not mark gets that one's score and rules without
 * a run (crs_memo.h).
 */
int crs_eval_marked(const struct crs_engine *e, struct crs_ctx *c,
		    const struct request_record *r, unsigned int marks, bool referer_scored,
		    struct crs_result *res);

/* Same, ModSecurity always (the prefilter's reference). */
int crs_eval_full(const struct crs_engine *e, const struct request_record *r,
		  struct crs_result *res);

/*
 * Whether the prefilter would send the record to ModSecurity (true without
 * one). ev: the engine's evaluation state begun on r, whose field hashes
 * the prefilter reuses; NULL: none.
 */
bool crs_prefilter_marks(const struct crs_engine *e, struct crs_ctx *c,
			 const struct request_record *r, struct pred_eval *ev);
/* The same, field by field (crs_prefilter_fields; every record as a whole without one). */
unsigned int crs_prefilter_mark_fields(const struct crs_engine *e, struct crs_ctx *c,
				      const struct request_record *r, struct pred_eval *ev);

#endif /* GATEHAWK_CRS_H */
