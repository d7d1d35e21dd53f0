/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * What CRS checks on a record's whole values, for its prefilter
 * (crs_prefilter.h): the protocol version, method, Accept, Content-Type,
 * repeated parameters and special-character counts of the 911/920 rules,
 * and the header anomalies no attack needs.
 */
#ifndef GATEHAWK_CRS_WHOLE_VALUES_H
#define GATEHAWK_CRS_WHOLE_VALUES_H

#include <stdbool.h>

#include "input/request.h"

/* Whether a 911/920 rule or an empty header could score r at paranoia level pl. */
bool crs_structure_marks(const struct request_record *r, unsigned int pl);

/*
 * Whether the header anomalies alone (a numeric or empty Host, an empty
 * User-Agent or Accept, a blank in the query) reach threshold: only then
 * can CRS flag the record for them.
 */
bool crs_header_anomalies_reach(const struct request_record *r, unsigned int threshold);

#endif /* GATEHAWK_CRS_WHOLE_VALUES_H */
