/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The engine's unit tests' shared setup: policies written as JSON with '
 * for ", an engine whose verdicts are captured (cap), combined-log-like
 * records, and reading a captured alert's fields by dotted path.
 */
#ifndef GATEHAWK_TEST_ENGINE_FIXTURE_H
#define GATEHAWK_TEST_ENGINE_FIXTURE_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/alert.h"
#include "engine/engine.h"
#include "tap.h"

#define S 1000000000ULL
#define T0 1700000000ULL /* 2023-11-14T22:13:20Z */
#define MAXV 64

static struct {
	struct verdict v[MAXV];
	struct json_object *alert[MAXV];
	int n;
} cap;

static inline void on_verdict(const struct verdict *v, void *ctx)
{
	(void)ctx;
	if (cap.n == MAXV)
		return;
	cap.v[cap.n] = *v;
	cap.v[cap.n].evidence = NULL; /* valid only during the call */
	cap.alert[cap.n++] = alert_to_json(v);
}

static inline void cap_reset(void)
{
	for (int i = 0; i < cap.n; i++)
		json_object_put(cap.alert[i]);
	cap.n = 0;
}

static inline void report(void *ctx, const char *msg)
{
	(void)ctx;
	tap_diag("load: %s", msg);
}

/*
 * Policies as JSON with ' for ", one per argument, NULL-terminated, loaded
 * as a directory (p0.json, p1.json, ...: argument order) the way the daemon
 * loads one.
 */
static inline struct policy_set *load(const char *first, ...)
{
	static const struct policy_report rep = { report, NULL };
	char dir[] = "/tmp/gh-engine-test-XXXXXX", path[64];
	struct policy_set *ps = NULL;
	const char *text = first;
	int n = 0;
	va_list ap;

	if (!mkdtemp(dir))
		return NULL;
	va_start(ap, first);
	for (; text; text = va_arg(ap, const char *)) {
		FILE *f;

		snprintf(path, sizeof(path), "%s/p%d.json", dir, n++);
		f = fopen(path, "w");
		for (const char *c = text; f && *c; c++)
			fputc(*c == '\'' ? '"' : *c, f);
		if (f)
			fclose(f);
	}
	va_end(ap);
	if (policy_set_load_dir(dir, NULL, &rep, &ps))
		ps = NULL;
	while (n--) {
		snprintf(path, sizeof(path), "%s/p%d.json", dir, n);
		unlink(path);
	}
	rmdir(dir);
	return ps;
}

static inline struct engine *engine(const struct policy_set *ps, const struct engine_opts *o)
{
	struct engine_opts d;

	cap_reset();
	if (!o) {
		engine_opts_default(&d);
		d.hash_seed = 1;
		o = &d;
	}
	return engine_new(ps, o, on_verdict, NULL);
}

/* A combined-log-like record: no cookie, no XHR, no headers beyond the log's. */
static inline void feed(struct engine *e, double ts_s, const char *src, const char *method,
			const char *path, int status)
{
	struct request_record r = { .present = 0 };

	r.ts_ns = (uint64_t)llround(ts_s * 1000) * 1000000; /* whole ms: doubles blur ns */
	r.present = REQ_BIT(REQ_TS) | REQ_BIT(REQ_SRC_IP) | REQ_BIT(REQ_STATUS);
	gh_addr_parse(src, &r.src);
	r.status = (uint16_t)status;
	req_set_str(&r, REQ_METHOD, &r.method_str, method, (uint32_t)strlen(method));
	req_set_str(&r, REQ_PATH, &r.path, path, (uint32_t)strlen(path));
	engine_feed(e, &r);
}

static inline const char *ev_str(int i, const char *path)
{
	struct json_object *o = cap.alert[i];
	char key[64];
	const char *p = path, *dot;

	while ((dot = strchr(p, '.'))) {
		snprintf(key, sizeof(key), "%.*s", (int)(dot - p), p);
		json_object_object_get_ex(o, key, &o);
		p = dot + 1;
	}
	return json_object_object_get_ex(o, p, &o) ? json_object_get_string(o) : NULL;
}

#define HEAD(name) "{'name':'" name "','description':'d',"

#endif /* GATEHAWK_TEST_ENGINE_FIXTURE_H */
