/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * What the CRS prefilter (crs_prefilter.c) checks on whole values rather
 * than by pattern: the request line, the method and version, Accept and
 * Content-Type as the 911/920 rules parse them, and the header anomalies
 * that score below the threshold alone.
 */
#ifndef GATEHAWK_CRS_STRUCTURE_H
#define GATEHAWK_CRS_STRUCTURE_H

#include <stdbool.h>

#include "input/request.h"

/* Whether a 911/920 rule, or an empty header, can score r at paranoia level pl. */
bool crs_structure_marks(const struct request_record *r, unsigned int pl);

/*
 * Whether the header rules no attack needs (a numeric or empty Host, an
 * empty User-Agent or Accept, whitespace in the query) together reach
 * threshold: only then do they mark a record.
 */
bool crs_header_anomalies_reach(const struct request_record *r, unsigned int threshold);

#endif /* GATEHAWK_CRS_STRUCTURE_H */
