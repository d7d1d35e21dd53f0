/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Verdict -> the contract's alert line:
 * {"ts","policy","kind","src_ip","action","severity","ttl_s","value",
 *  "threshold","evidence"} and "references" when the policy has them, one
 * JSON object per line. Strings that came
 * from traffic are already escaped (gh_json_string) inside the evidence.
 */
#ifndef GATEHAWK_ALERT_H
#define GATEHAWK_ALERT_H

#include <stdio.h>
#include <json-c/json.h>

#include "engine/engine.h"

/* A new object; takes its own reference to v->evidence. */
struct json_object *alert_to_json(const struct verdict *v);
/* One line on f; 0 or -errno. */
int alert_write(FILE *f, const struct verdict *v);

#endif /* GATEHAWK_ALERT_H */
