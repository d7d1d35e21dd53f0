// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * policy check: validate a policies directory without running anything.
 * policy test: replay every policy's fixtures and say which held.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "base/duration.h"
#include "base/number.h"
#include "engine/engine.h"
#include "engine/policy.h"
#include "engine/policy_test.h"

static const char *const cmp_symbols[] = { ">", ">=", "<", "<=", "==" };

static size_t put(char *buf, size_t len, size_t used, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static size_t put(char *buf, size_t len, size_t used, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (used >= len)
		return used;
	va_start(ap, fmt);
	n = vsnprintf(buf + used, len - used, fmt, ap);
	va_end(ap);
	return n < 0 ? used : used + (size_t)n;
}

static size_t describe_window(const struct policy *p, char *buf, size_t len, size_t u)
{
	const struct policy_window *w = &p->window;
	char d[32];

	gh_duration_format(w->length_s, d, sizeof(d));
	u = put(buf, len, u, "%s%s %s by ", w->input_verdicts ? "verdicts, " : "",
		w->session ? "session ending after a quiet" : w->tumbling ? "tumbling" : "sliding",
		d);
	for (uint8_t i = 0; i < w->n_group; i++)
		u = put(buf, len, u, "%s%s", i ? "," : "", req_field_name(w->group_by[i]));
	if (!w->n_group)
		u = put(buf, len, u, "everything");
	if (p->prefix_v4 != 32 || p->prefix_v6 != POLICY_DEFAULT_PREFIX_V6)
		u = put(buf, len, u, " (/%u, /%u)", p->prefix_v4, p->prefix_v6);
	u = put(buf, len, u, ", having");
	for (uint8_t i = 0; i < w->n_conds; i++) {
		const struct policy_cond *c = &w->conds[i];

		u = put(buf, len, u, "%s %s(%s) %s %g", i ? (w->having_any ? " or" : " and") : "",
			agg_fn_name(w->aggs[c->agg].fn), w->aggs[c->agg].name, cmp_symbols[c->op],
			c->value);
		if (c->rise_factor)
			u = put(buf, len, u, " and x%g the window before", c->rise_factor);
	}
	return u;
}

static size_t describe_action(const struct policy_action *a, bool monitor, char *buf,
			      size_t len, size_t u)
{
	char d[32];

	if (policy_action_gates(a)) {
		gh_duration_format(a->ttl_s, d, sizeof(d));
		u = put(buf, len, u, "; %s%s %s", monitor ? "monitor: would " : "",
			a->block ? "block" : "throttle", d);
		if (a->limits.conns_per_s)
			u = put(buf, len, u, " to %u conns/s", a->limits.conns_per_s);
		if (a->limits.packets_per_s)
			u = put(buf, len, u, " %s %u packets/s", a->limits.conns_per_s ? "and" : "to",
				a->limits.packets_per_s);
		if (a->block_after)
			u = put(buf, len, u, ", block from offense %u", a->block_after);
		if (a->scope_v4 != 32 || a->scope_v6 != POLICY_DEFAULT_PREFIX_V6)
			u = put(buf, len, u, " /%u,/%u", a->scope_v4, a->scope_v6);
		if (a->escalate_factor > 1) {
			gh_duration_format(a->max_ttl_s, d, sizeof(d));
			u = put(buf, len, u, " (x%g per repeat, up to %s)", a->escalate_factor, d);
		}
	} else {
		u = put(buf, len, u, "; alert");
	}
	gh_duration_format(a->cooldown_s, d, sizeof(d));
	return put(buf, len, u, ", cooldown %s", d);
}

static void print_summary(const struct policy *p)
{
	char buf[512], d[32];
	size_t u = 0;

	switch (p->kind) {
	case POLICY_MATCH:
		if (!p->fleet.on) {
			u = put(buf, sizeof(buf), u, "every matching request");
			break;
		}
		gh_duration_format(p->fleet.window_s, d, sizeof(d));
		u = put(buf, sizeof(buf), u,
			"fleet: a source matching on >= %u hosts, >= %u matches in %s",
			p->fleet.min_hosts, p->fleet.min_matches, d);
		break;
	case POLICY_WINDOW:
		u = describe_window(p, buf, sizeof(buf), u);
		break;
	case POLICY_CRS:
		u = put(buf, sizeof(buf), u, "OWASP CRS, paranoia %u, anomaly score >= %u",
			p->crs.paranoia, p->crs.threshold);
		break;
	case POLICY_PROFILE:
		gh_duration_format(p->window.length_s, d, sizeof(d));
		u = put(buf, sizeof(buf), u, "%s model%s%s%s", profile_type_name(p->profile.type),
			p->profile.type == PROFILE_ENDPOINT ? "" : " of behaviour over ",
			p->profile.type == PROFILE_ENDPOINT ? ", each request" : d,
			policy_profile_trained(&p->profile) ? "" : " (not trained: skipped)");
		break;
	case POLICY_RATE:
		gh_duration_format(p->rate.over_s, d, sizeof(d));
		u = put(buf, sizeof(buf), u, "%s > %g/s over %s", rate_metric_name(p->rate.metric),
			p->rate.per_second, d);
		break;
	}
	/* A fleet policy's host only counts; the action is the fleet pool's. */
	describe_action(p->fleet.on ? &p->fleet.action : &p->action, p->monitor, buf, sizeof(buf),
			u);
	printf("%-28s %-6s %-8s %s\n", p->name, policy_kind_name(p->kind),
	       policy_severity_name(p->severity), buf);
}

int cli_set_ipv6_prefix(const char *opt, const char *arg, void *dst)
{
	uint64_t v;

	if (gh_parse_u64(arg, 128, &v) || v < POLICY_MIN_SCOPE_V6)
		return cli_input_error("--%s: expected a prefix length from %d to 128, got '%s'",
				       opt, POLICY_MIN_SCOPE_V6, arg);
	*(uint8_t *)dst = (uint8_t)v;
	return 0;
}

int cli_load_policies(const char *cmd, const char *dir, const struct policy_load_opts *o,
		      struct policy_set **out)
{
	int err = policy_set_load_dir(dir, o,
				      &(struct policy_report){ policy_report_lines, stderr }, out);

	if (err == -EINVAL)
		return cli_input_error("%s: %s: invalid, nothing loaded", cmd, dir);
	return err ? cli_runtime_error(err, "%s: loading %s", cmd, dir) : 0;
}

static int policy_check(int argc, char **argv)
{
	const struct cli_usage usage = {
		"gatehawk policy check", "DIR",
		"Validate every *.json policy in DIR without running anything. Each problem is\n"
		"reported on stderr as FILE: FIELD: expected ..., got ...; any problem rejects\n"
		"the whole directory (exit 2), as a running daemon would on SIGHUP. On success\n"
		"prints one line per policy: name, kind, severity, what it counts, its action.",
		"  gatehawk policy check /usr/local/share/gatehawk/policies\n"
		"  gatehawk policy check ./policies && kill -HUP $DAEMON_PID\n"
	};
	struct policy_set *ps = NULL;
	char *pos[1];
	int n, err;

	n = cli_parse(argc, argv, &usage, NULL, pos, 1);
	if (n < 0)
		return n;
	if (n != 1)
		return cli_input_error("gatehawk policy check: a policies directory is required; "
				       "see --help");
	if ((err = cli_load_policies("policy check", pos[0], NULL, &ps)))
		return err;
	for (size_t i = 0; i < ps->count; i++)
		print_summary(&ps->policies[i]);
	printf("%zu policies valid in %s\n", ps->count, pos[0]);
	policy_set_free(ps);
	return 0;
}

/* One TAP line for a fixture; true when it held. */
static bool report_fixture(int n, const struct policy *p, size_t idx,
			   const struct fixture_result *r)
{
	const struct policy_fixture *f = &p->fixtures[idx];
	const char *kind = f->must_fire ? "match" : "no_match";
	size_t k = 0;
	bool held = !r->bad_line && !r->file_err &&
		    (f->must_fire ? r->fired > 0 : r->fired == 0);

	/* The fixture's index within its own list, as the policy file numbers it. */
	for (size_t i = 0; i < idx; i++)
		k += p->fixtures[i].must_fire == f->must_fire;
	printf("%s %d - %s: fixtures.%s[%zu]", held ? "ok" : "not ok", n, p->name, kind, k);
	if (r->file_err)
		printf(": %s: %s", f->file, r->file_err == -EINVAL
						    ? "not a regular file of 1 to 1000 lines"
						    : strerror(-r->file_err));
	else if (r->bad_line)
		printf(": line %zu is no access-log line replay reads", r->bad_line);
	else if (!held)
		printf(": %s", f->must_fire ? "never fired" : "fired");
	printf(" (%s)\n", p->file);
	return held;
}

/*
 * --strict: a match and a no_match fixture, except that a rate policy on a
 * counter only the kernel has (syns, packets...) cannot fire in a replay and
 * needs only the no_match, and a profile policy not trained yet has nothing
 * to test (its fixtures depend on the site's own history).
 */
static bool fixtures_complete(const struct policy *p)
{
	if (p->kind == POLICY_PROFILE && !policy_profile_trained(&p->profile))
		return true;
	bool fire = p->kind == POLICY_RATE && !rate_metric_in_records(p->rate.metric);
	bool quiet = false;

	for (size_t i = 0; i < p->n_fixtures; i++)
		*(p->fixtures[i].must_fire ? &fire : &quiet) = true;
	return fire && quiet;
}

static int policy_test(int argc, char **argv)
{
	bool strict = false;
	const struct cli_opt opts[] = {
		{ "strict", NULL, cli_set_flag, &strict,
		  "a policy without both a match and a no_match fixture fails" },
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk policy test", "[--strict] DIR",
		"Load DIR as `policy check` does, then replay each policy's fixtures: every\n"
		"\"match\" entry (a log line, or an array of lines fed in order) must make the\n"
		"policy fire in a fresh engine, every \"no_match\" entry must not. Prints TAP,\n"
		"one line per fixture, and \"N passed, N failed\" last; exit 1 when any failed,\n"
		"2 when DIR does not load.",
		"  gatehawk policy test ./policies\n"
		"  gatehawk policy test --strict /usr/local/share/gatehawk/policies\n"
	};
	struct policy_set *ps = NULL;
	struct fixture_result r;
	int n, err, passed = 0, failed = 0;
	char *pos[1];

	n = cli_parse(argc, argv, &usage, opts, pos, 1);
	if (n < 0)
		return n;
	if (n != 1)
		return cli_input_error("gatehawk policy test: a policies directory is required; "
				       "see --help");
	if ((err = cli_load_policies("policy test", pos[0], NULL, &ps)))
		return err;
	for (size_t i = 0; i < ps->count && !err; i++) {
		const struct policy *p = &ps->policies[i];

		if (strict && !fixtures_complete(p)) {
			printf("not ok %d - %s: needs a match and a no_match fixture (%s)\n",
			       passed + failed + 1, p->name, p->file);
			failed++;
		}
		for (size_t j = 0; j < p->n_fixtures && !err; j++) {
			err = policy_fixture_run(ps, p, &p->fixtures[j], &r);
			if (!err)
				*(report_fixture(passed + failed + 1, p, j, &r) ? &passed : &failed) += 1;
		}
	}
	policy_set_free(ps);
	if (err)
		return cli_runtime_error(err, "policy test");
	printf("1..%d\n%d passed, %d failed\n", passed + failed, passed, failed);
	return failed ? cli_runtime_fail(-EDOM, "policy test: %d fixture(s) failed", failed) : 0;
}

int cmd_policy(int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "check", policy_check, "validate a policies directory" },
		{ "test", policy_test, "replay every policy's fixtures" },
		{ 0 },
	};

	return cli_dispatch("gatehawk policy", cmds, argc - 1, argv + 1);
}
