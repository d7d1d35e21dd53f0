// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/policy_test.h"
#include "input/access_log.h"

/* A fixture is a handful of lines: a small engine is plenty and quick to make. */
#define FIXTURE_MAX_GROUPS 4096

struct fixture_run {
	const struct policy *p;
	uint64_t fired;
};

static void count_verdict(const struct verdict *v, void *ctx)
{
	struct fixture_run *run = ctx;

	if (v->policy == run->p)
		run->fired++;
}

int policy_fixture_run(const struct policy_set *set, const struct policy *p,
		       const struct policy_fixture *f, struct fixture_result *out)
{
	struct fixture_run run = { .p = p };
	struct engine_opts o;
	struct request_record rec;
	struct engine *e;
	char *buf = NULL;

	engine_opts_default(&o);
	o.max_groups = FIXTURE_MAX_GROUPS;
	o.hash_seed = 1; /* the same answers on every run */
	e = engine_new(set, &o, count_verdict, &run);
	if (!e)
		return -ENOMEM;
	*out = (struct fixture_result){ 0 };
	for (size_t i = 0; i < f->n_lines; i++) {
		size_t len = strlen(f->lines[i]);
		char *grown = realloc(buf, len + 1);

		if (!grown) {
			free(buf);
			engine_free(e);
			return -ENOMEM;
		}
		buf = memcpy(grown, f->lines[i], len + 1); /* parsing decodes in place */
		if (access_log_parse(ACCESS_LOG_AUTO, buf, len, &rec)) {
			if (!out->bad_line)
				out->bad_line = i + 1;
			continue;
		}
		engine_feed(e, &rec);
	}
	free(buf);
	engine_free(e);
	out->fired = run.fired;
	return 0;
}
