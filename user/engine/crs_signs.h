/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * What a record shows beside the score CRS gives it (crs.c reads these
 * after a ModSecurity run): the signs that it is no page view on the site,
 * which let a low score flag, and template placeholders, which take one
 * rule's score away.
 */
#ifndef GATEHAWK_CRS_SIGNS_H
#define GATEHAWK_CRS_SIGNS_H

#include "input/request.h"

/*
 * Signs, besides the score, that a record is not a page view of a browser on
 * the site (crs_options.corroborate_by). Searches for attack words, template
 * syntax in a docs search, a redirect link with an address: the requests
 * that score one or two CRS rules without being attacks come from pages of
 * the site, with a Referer, and are answered; one-request exploit probes
 * carry no Referer, and mostly hit what the site does not have.
 */
enum crs_sign {
	CRS_SIGN_ERROR_STATUS = 1u << 0, /* answered 4xx or 5xx (log lines; heads have no status) */
	CRS_SIGN_NO_REFERER = 1u << 1,   /* no Referer, one that is no http(s) URL, or one
					  * no browser sends: not reached from a page */
};
#define CRS_SIGNS_ALL (CRS_SIGN_ERROR_STATUS | CRS_SIGN_NO_REFERER)

/* The crs_sign bits record r shows, for a record CRS scored score. */
unsigned int crs_record_signs(const struct request_record *r, unsigned int score);

/*
 * Whether r was sent from a page of the site (its page_referer) and not
 * answered 4xx/5xx: what a person's form or search on that page sends.
 */
bool crs_from_page(const struct request_record *r);

/*
 * How many of the query's argument values 932130 (a Unix shell expression)
 * surely matches, each holding nothing but bare ${name} placeholders,
 * when no argument holds any other shell expression; 0 otherwise, and
 * whenever this cannot be sure to split the query as ModSecurity does. An
 * unfilled template placeholder (an ad server's price=${AUCTION_PRICE}, a
 * page's fetch of ?city=${city}) does nothing in a shell unless something
 * around it would (a command, a path), which other rules score; names an
 * injection asks for (${sessionScope}, ${PATH}, ${DB_PASSWORD}) are no
 * placeholders. A CRS score of exactly 5 per counted value is 932130's on
 * them alone (crs.c).
 */
unsigned int crs_placeholder_matches(const struct request_record *r);

#endif /* GATEHAWK_CRS_SIGNS_H */
