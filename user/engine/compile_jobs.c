// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Independent compile jobs on two threads (compile_jobs.h). */
#include <pthread.h>
#include <stdbool.h>

#include "engine/compile_jobs.h"

struct jobs {
	size_t n, next;
	int (*job)(void *ctx, size_t i, struct gh_err *err);
	void *ctx;
	pthread_mutex_t lock;
	int ret;
	struct gh_err err;
};

static void *take_jobs(void *arg)
{
	struct jobs *j = arg;
	struct gh_err err = { 0 };
	size_t i;
	int ret;

	for (;;) {
		pthread_mutex_lock(&j->lock);
		i = j->ret ? j->n : j->next++;
		pthread_mutex_unlock(&j->lock);
		if (i >= j->n)
			return NULL;
		ret = j->job(j->ctx, i, &err);
		if (!ret)
			continue;
		pthread_mutex_lock(&j->lock);
		if (!j->ret) {
			j->ret = ret;
			j->err = err;
		}
		pthread_mutex_unlock(&j->lock);
	}
}

int compile_jobs_run(size_t n, int (*job)(void *ctx, size_t i, struct gh_err *err), void *ctx,
		     struct gh_err *err)
{
	struct jobs j = { .n = n, .job = job, .ctx = ctx, .lock = PTHREAD_MUTEX_INITIALIZER };
	pthread_t helper;
	bool two = n > 1 && !pthread_create(&helper, NULL, take_jobs, &j);

	take_jobs(&j);
	if (two)
		pthread_join(helper, NULL);
	if (j.ret && err)
		*err = j.err;
	return j.ret;
}
