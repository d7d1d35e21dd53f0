/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The cheap first stage in front of CRS: one Hyperscan pass over the fields
 * CRS inspects, marking every record CRS could score at the configured
 * paranoia level. An unmarked record is known clean without ModSecurity.
 *
 * It must not lose recall, so it is built the other way round from a
 * detector: each field has a "safe" alphabet, and anything outside it marks
 * the record (quotes, <, >, ;, |, $, braces, backslash, %-encodings other
 * than a space, non-ASCII ...); inside the alphabet, marks come from what
 * CRS can match with letters, digits and spaces alone: the word lists of
 * its @pmFromFile data files (read from the rules dir, so they follow the
 * installed CRS), a table of keywords (SQL, shell commands, event
 * handlers, scanners) in crs_prefilter.c, and libinjection itself (the
 * one inside libmodsecurity) on the values 942100 and 941100 give it.
 * Values are scanned as CRS's transformations would see them where those
 * change letters-only text: '+' and %20 as spaces, once more with spaces
 * removed, and as t:cmdLine leaves them.
 *
 * Threads: the prefilter is read-only after open (after wait, when started;
 * one thread waits); a scratch per thread.
 */
#ifndef GATEHAWK_CRS_PREFILTER_H
#define GATEHAWK_CRS_PREFILTER_H

#include <stdbool.h>

#include "base/err.h"
#include "engine/predicate.h"
#include "input/request.h"

struct crs_prefilter;
struct crs_pf_scratch;

/*
 * Patterns for this paranoia level, data files from rules_dir; compiled
 * databases kept in cache_dir (hs_cache.h; NULL: none). threshold: the
 * policy's anomaly threshold. 0 or -errno, err filled.
 */
int crs_prefilter_open(const char *rules_dir, unsigned int paranoia, unsigned int threshold,
		       const char *cache_dir, struct crs_prefilter **out, struct gh_err *err);
/*
 * crs_prefilter_open in two halves: start reads the data files and leaves
 * the compile to a thread of its own, so a policy set compiles its patterns
 * meanwhile; wait joins it and returns its result (0, or -errno with err
 * filled; asked again, the same). Nothing else may use pf before wait.
 */
int crs_prefilter_start(const char *rules_dir, unsigned int paranoia, unsigned int threshold,
			const char *cache_dir, struct crs_prefilter **out, struct gh_err *err);
int crs_prefilter_wait(struct crs_prefilter *pf, struct gh_err *err);
/* Joins a compile still running. */
void crs_prefilter_close(struct crs_prefilter *pf);

struct crs_pf_scratch *crs_pf_scratch_new(const struct crs_prefilter *pf);
void crs_pf_scratch_free(struct crs_pf_scratch *s);

/* crs_prefilter_fields: the record as a whole (its request line, or its headers' anomalies
 * together), no one field: bit 0, REQ_TS's, no field CRS reads. */
#define CRS_PF_WHOLE 1u

/*
 * Whether CRS could score this record, field by field: 0 (not marked: known
 * clean without ModSecurity), CRS_PF_WHOLE, or REQ_BIT of each field some
 * rule reading that field alone could match. A field not marked scores
 * nothing but for the header anomalies no attack needs (numeric or empty
 * Host, empty User-Agent or Accept, a blank in the query): they send the
 * record on only when together they could flag it. ev: the engine's
 * evaluation state begun on r, whose field hashes (pred_eval_key) the memos
 * reuse; NULL: hashed here.
 */
unsigned int crs_prefilter_fields(const struct crs_prefilter *pf, struct crs_pf_scratch *s,
				  const struct request_record *r, struct pred_eval *ev);

#endif /* GATEHAWK_CRS_PREFILTER_H */
