// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdio.h>

#include "base/clock.h"
#include "base/escape.h"
#include "engine/alert.h"

struct json_object *alert_to_json(const struct verdict *v)
{
	const struct policy *p = v->policy;
	struct json_object *o = json_object_new_object();
	char buf[GH_CIDR_STRLEN + 16];

	gh_format_rfc3339(v->ts_ns, buf, sizeof(buf));
	json_object_object_add(o, "ts", json_object_new_string(buf));
	json_object_object_add(o, "policy", json_object_new_string(p->name));
	json_object_object_add(o, "kind", json_object_new_string(policy_kind_name(p->kind)));
	if (v->has_src)
		gh_addr_format(&v->src, buf, sizeof(buf));
	json_object_object_add(o, "src_ip", v->has_src ? json_object_new_string(buf) : NULL);
	json_object_object_add(o, "action", json_object_new_string(v->block      ? "block"
								   : v->throttle ? "throttle"
										 : "alert"));
	json_object_object_add(o, "severity",
			       json_object_new_string(policy_severity_name(p->severity)));
	json_object_object_add(o, "ttl_s",
			       json_object_new_uint64(v->block || v->throttle ? v->ttl_s : 0));
	json_object_object_add(o, "value", gh_json_number(v->value));
	json_object_object_add(o, "threshold", gh_json_number(v->threshold));
	json_object_object_add(o, "evidence", v->evidence ? json_object_get(v->evidence)
							  : json_object_new_object());
	if (p->n_references) {
		struct json_object *refs = json_object_new_array_ext((int)p->n_references);

		for (size_t i = 0; i < p->n_references; i++)
			json_object_array_add(refs, json_object_new_string(p->references[i]));
		json_object_object_add(o, "references", refs);
	}
	return o;
}

int alert_write(FILE *f, const struct verdict *v)
{
	struct json_object *o = alert_to_json(v);
	int err = 0;

	errno = 0;
	if (fprintf(f, "%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
								      JSON_C_TO_STRING_NOSLASHESCAPE)) < 0)
		err = errno ? -errno : -EIO;
	json_object_put(o);
	return err;
}
