/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * ModSecurity's answers remembered for records that differ only in what
 * CRS cannot score. A page's assets carry its URL as Referer, a site's API
 * call is the same from every visitor, a search is typed by many: in
 * people's browsing a quarter of the records reach ModSecurity (~0.5 ms a
 * run), most of them again and again with another User-Agent or Referer.
 *
 * The key is the request as CRS reads it, with each field the prefilter
 * did not mark reduced to what CRS can tell of it: the request target
 * (path and query together: REQUEST_LINE and REQUEST_URI read both) to
 * "/" when neither is marked, the User-Agent and the Referer to present,
 * empty or absent. That is the prefilter's own promise per field: it marks
 * a field whenever a rule reading that field could match it. The one CRS
 * rule reading a field only beside another (943110/943120: a session-id
 * parameter name with an off-site or no Referer) needs the query marked, so
 * a marked query that may name a session keeps the Referer whole. Method,
 * version, Host, Accept, Content-Type and Content-Length are kept whole (few
 * values: no gain in reducing them), and so is a target with a blank in it
 * (920100 reads where it falls in the request line: a fuzzer showed it).
 * Not remembered: a record marked as a whole (its request line or headers,
 * crs_prefilter.h), and one from 127.0.0.1 or ::1, which CRS's exceptions
 * (905100, 905110) read with the request line and agent.
 *
 * Keys are two 64-bit hashes under a random seed: no request can aim at
 * another's entry. One table per crs_ctx (a thread), direct-mapped.
 */
#ifndef GATEHAWK_CRS_MEMO_H
#define GATEHAWK_CRS_MEMO_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/crs_prefilter.h"
#include "engine/crs_result.h"
#include "input/request.h"

struct crs_memo;

struct crs_memo_key {
	uint64_t a, b;
};

/* NULL on allocation failure. */
struct crs_memo *crs_memo_new(void);
void crs_memo_free(struct crs_memo *m);

/*
 * The key of r, marked as marks says (crs_prefilter_fields); referer_sent: ModSecurity is given its Referer.
 * false: r is scored afresh every time.
 */
bool crs_memo_key(const struct crs_memo *m, const struct request_record *r, unsigned int marks,
		  bool referer_sent, struct crs_memo_key *k);
/* What ModSecurity said for k (score, rules) into res; false when not remembered. */
bool crs_memo_get(const struct crs_memo *m, struct crs_memo_key k, struct crs_result *res);
void crs_memo_put(struct crs_memo *m, struct crs_memo_key k, const struct crs_result *res);

#endif /* GATEHAWK_CRS_MEMO_H */
