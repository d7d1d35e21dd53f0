/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* What the CRS stage says of one record (crs.h), and what its memo keeps (crs_memo.h). */
#ifndef GATEHAWK_CRS_RESULT_H
#define GATEHAWK_CRS_RESULT_H

#include <stdbool.h>

#define CRS_MAX_HITS 16   /* rules kept per record; more are counted only */
#define CRS_MSG_MAX 128   /* a rule's msg, truncated */

struct crs_hit {
	unsigned int id;
	char msg[CRS_MSG_MAX];
};

struct crs_result {
	unsigned int score;     /* inbound anomaly score (TX:ANOMALY_SCORE) */
	bool flagged;           /* score >= threshold, or corroborated (below) */
	unsigned int corroborated_by; /* below threshold: the signs that let it flag (crs_sign) */
	bool evaluated;         /* false: the prefilter skipped the record (score 0) */
	bool shed;              /* marked, but over max_per_second: not scored (score 0) */
	bool remembered;        /* evaluated by the memo: ModSecurity's answer for a record that
				 * differed only in fields the prefilter did not mark (crs_memo.h) */
	bool placeholder;       /* the score is 932130's alone on template placeholders in the
				 * query (${name}, nothing else of a shell): not flagged */
	bool from_page;         /* sent from a page of the site (crs_from_page) */
	unsigned int n_fired;   /* rules that logged, the blocking evaluation (949110) included */
	unsigned int n_hits;    /* the first min(n_fired, CRS_MAX_HITS) of them */
	struct crs_hit hits[CRS_MAX_HITS];
};

#endif /* GATEHAWK_CRS_RESULT_H */
