/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * For the CRS prefilter (crs_prefilter.c), on a value it has not seen
 * before: the forms CRS's transformations leave of plain text, and what
 * libinjection (inside libmodsecurity, the check of 942100 and 941100) says
 * of a value.
 */
#ifndef GATEHAWK_CRS_VIEWS_H
#define GATEHAWK_CRS_VIEWS_H

#include <stdbool.h>
#include <stddef.h>

#include "input/request.h" /* struct gh_str */

/* libinjection's SQLi or XSS verdict on p[0..len). */
bool crs_injection(const char *p, size_t len);
/* The same on each argument name and value of a query, split as ModSecurity splits ARGS. */
bool crs_query_injection(const char *q, size_t len);
/* libinjection's SQLi verdict on a path's last segment (942101, paranoia 3). */
bool crs_basename_sqli(const char *v, size_t len);

/*
 * v with %20 and %2B (and '+' too when plus) as spaces into out (v.len
 * bytes at most): what t:urlDecodeUni leaves of plain text; has_space set
 * when a space results. plain_escapes: a %XX that stands for a letter, a
 * digit or one of . / _ , - is that byte too (a URL's value as ModSecurity
 * hands it to rules; every other escape stays, and marks). Returns the length.
 */
size_t crs_spaces_view(struct gh_str v, char *out, bool plus, bool plain_escapes,
		       bool *has_space);
/* A spaces view without its spaces (t:removeWhitespace). */
size_t crs_nospace_view(const char *in, size_t len, char *out);
/* t:cmdLine on plain text: , and ; as spaces, one space at most, none before / or (; out may be in. */
size_t crs_cmdline_view(const char *in, size_t len, char *out);

#endif /* GATEHAWK_CRS_VIEWS_H */
