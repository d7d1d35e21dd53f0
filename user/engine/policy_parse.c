// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * JSON policy files -> struct policy_set. Validation keeps going after a
 * problem so one run reports every mistake in every file; any problem
 * rejects the whole set.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/crs.h"
#include "base/hash.h"
#include "engine/hs_cache.h"
#include "engine/policy_parse_internal.h"

static const char *const kind_names[] = { "match", "window", "rate", "crs", "profile" };
static const char *const severity_names[] = { "low", "medium", "high", "critical" };
static const char *const metric_names[] = {
#define GH_RATE_NAME(name) #name,
	SRC_STATS_FIELDS(GH_RATE_NAME)
#undef GH_RATE_NAME
};
static const char *const mode_names[] = { "enforce", "monitor" };

const char *policy_kind_name(enum policy_kind k) { return kind_names[k]; }
const char *policy_severity_name(enum policy_severity s) { return severity_names[s]; }
const char *rate_metric_name(enum rate_metric m) { return metric_names[m]; }

bool rate_metric_verified(enum rate_metric m)
{
	switch (m) {
	case RATE_conns:
	case RATE_requests:
	case RATE_request_bytes:
	case RATE_resp_2xx:
	case RATE_resp_3xx:
	case RATE_resp_4xx:
	case RATE_resp_5xx:
		return true;
	default: return false; /* packets, syns and any counter added later */
	}
}

static void parse_rate(struct diag *d, struct json_object *o, struct policy *p)
{
	struct policy_rate *r = &p->rate;
	int m = pp_member_enum(d, o, "metric", NAMES(metric_names), -1);

	r->metric = m >= 0 ? m : 0;
	pp_member_number(d, o, "per_second", true, 1e-6, 1e12, false, "a number above 0",
			 &r->per_second);
	if (pp_member_duration(d, o, "over", true, 1, &r->over_s) &&
	    r->over_s > POLICY_MAX_RATE_OVER_S) {
		size_t mark = pp_path_key(d, "over");

		pp_fail(d, "a duration from 1s to 1h", pp_member(o, "over"));
		pp_path_pop(d, mark);
	}
	if (m >= 0 && policy_action_gates(&p->action) && !rate_metric_verified(r->metric)) {
		const char *what = p->action.throttle ? "throttle" : "block";
		size_t mark = pp_path_push(d, "action.type");

		pp_failf(d, "%s needs handshake-verified evidence: %s counts frames seen before any "
			 "handshake, so spoofed ones would choose who gets %sed; use alert, or "
			 "a metric counted after the handshake (conns, requests, request_bytes, "
			 "resp_2xx to resp_5xx)",
			 what, metric_names[m], what);
		pp_path_pop(d, mark);
	}
}

/*
 * unless_rendered needs the request a verdict fired on: a match, a crs
 * fire, a window's last record; not a session's end, a verdict input or
 * counters. A crs policy holds only fires a missing Referer corroborates.
 */
static void check_unless_rendered(struct diag *d, const struct policy *p)
{
	const char *why = NULL;
	size_t mark;

	if (!p->action.unless_rendered_s)
		return;
	if (p->kind == POLICY_RATE || p->kind == POLICY_PROFILE)
		why = "a rate or profile verdict fires on no one request";
	else if (p->kind == POLICY_WINDOW && (p->window.session || p->window.input_verdicts))
		why = "a session or verdict window fires on no one request";
	else if (p->kind == POLICY_WINDOW && !group_by_has_src(p->window.group_by, p->window.n_group))
		why = "a window not grouped by src_ip fires for many sources, not the one that "
		      "would render the page";
	else if (p->kind == POLICY_CRS && p->crs.engine &&
		 !(crs_corroborate_by(p->crs.engine) & CRS_SIGN_NO_REFERER))
		why = "a crs policy holds only fires a missing Referer corroborates, and this "
		      "one has no \"corroborated\" level by no_referer";
	if (!why)
		return;
	mark = pp_path_push(d, "action.unless_rendered");
	pp_failf(d, "unless_rendered is for match, crs and request-window policies: %s", why);
	pp_path_pop(d, mark);
}

static void parse_policy(struct parser *ps, struct json_object *o, struct policy *p)
{
#define COMMON_KEYS "name", "description", "kind", "severity", "mode", "action", \
		"references", "fixtures", "patterns"
	static const char *const keys[][18] = { /* NULL-ended, or full */
		[POLICY_MATCH] = { COMMON_KEYS, "where", "prefix", "scope", "fleet" },
		[POLICY_WINDOW] = { COMMON_KEYS, "filter", "group_by", "prefix", "window",
				    "aggregates", "having", "input" },
		[POLICY_RATE] = { COMMON_KEYS, "metric", "per_second", "over", "prefix" },
		[POLICY_CRS] = { COMMON_KEYS, "paranoia", "threshold", "corroborated", "exclude",
				 "rules_dir", "setup", "prefix", "max_per_second" },
		[POLICY_PROFILE] = { COMMON_KEYS, "filter", "group_by", "prefix", "window",
				     "min_requests", "features", "model" },
	};
#undef COMMON_KEYS
	static const char *const kind_what[] = { "for a match policy", "for a window policy",
						  "for a rate policy", "for a crs policy",
						  "for a profile policy" };
	struct diag *d = &ps->d;
	struct json_object *v;
	size_t mark, nkeys;
	int kind;

	pp_member_name(d, o, "name", p->name);
	v = pp_member(o, "description");
	mark = pp_path_key(d, "description");
	if (v && json_object_is_type(v, json_type_string) && json_object_get_string_len(v))
		p->description = strdup(json_object_get_string(v));
	else
		pp_fail(d, "a non-empty string saying what the policy catches and why", v);
	pp_path_pop(d, mark);
	p->severity = pp_member_enum(d, o, "severity", NAMES(severity_names), SEV_MEDIUM);
	p->monitor = pp_member_enum(d, o, "mode", NAMES(mode_names), 0) == 1;
	pp_parse_meta(d, o, p);
	kind = pp_member_enum(d, o, "kind", NAMES(kind_names), -1);
	mark = pp_path_key(d, "action");
	pp_parse_action(d, pp_member(o, "action"), &p->action);
	pp_path_pop(d, mark);
	/* Grouping prefix and block scope, settled before the kind's own members:
	 * a profile's model is checked against them. */
	pp_parse_prefixes(d, o, "prefix", &p->prefix_v4, &p->prefix_v6);
	pp_resolve_lengths(p, ps->ipv6_prefix);
	if (kind < 0)
		return;
	p->kind = kind;
	for (nkeys = 0; nkeys < sizeof(keys[0]) / sizeof(keys[0][0]) && keys[kind][nkeys]; nkeys++)
		;
	pp_check_keys(d, o, keys[kind], nkeys, kind_what[kind]);
	pp_parse_patterns(ps, o);
	if (kind == POLICY_MATCH)
		p->where = pp_member_pred(ps, o, "where", true);
	else if (kind == POLICY_WINDOW)
		pp_parse_window(ps, o, p);
	else if (kind == POLICY_CRS)
		pp_parse_crs(d, o, p, regex_set_cache_dir(ps->rs));
	else if (kind == POLICY_PROFILE)
		pp_parse_profile(ps, o, p);
	else
		parse_rate(d, o, p);
	pp_finish_patterns(ps);
	if (kind == POLICY_MATCH)
		pp_parse_scope(d, o, p); /* after the action it takes over */
	check_unless_rendered(d, p);
}

/* ---- files and sets ------------------------------------------------------ */

void policy_set_free(struct policy_set *ps)
{
	if (!ps)
		return;
	for (size_t i = 0; i < ps->count; i++) {
		free(ps->policies[i].description);
		free(ps->policies[i].file);
		pp_free_meta(&ps->policies[i]);
		crs_close(ps->policies[i].crs.engine);
		pp_free_profile(&ps->policies[i].profile);
	}
	free(ps->policies);
	regex_set_free(ps->regexes);
	pred_arena_free(ps->arena);
	free(ps);
}

/*
 * The one JSON value of a text (a policy file, a predicate alone); NULL with
 * the problem reported, or NULL alone when memory ran out.
 */
static struct json_object *parse_text(struct diag *d, const char *text, size_t len)
{
	struct json_tokener *tok;
	struct json_object *root;
	size_t end;

	if (len > POLICY_MAX_FILE) {
		pp_failf(d, "expected a policy file of at most 1 MiB, got %zu bytes", len);
		return NULL;
	}
	tok = json_tokener_new_ex(PP_JSON_MAX_DEPTH);
	if (!tok)
		return NULL;
	root = json_tokener_parse_ex(tok, text, (int)len);
	end = root ? json_tokener_get_parse_end(tok) : 0;
	while (root && end < len && strchr(" \t\r\n", text[end]) && text[end])
		end++;
	if (!root || end < len) {
		enum json_tokener_error e = json_tokener_get_error(tok);

		pp_failf(d, "expected one JSON object, got %s at byte %zu",
			 !root ? json_tokener_error_desc(e == json_tokener_continue
								 ? json_tokener_error_parse_eof
								 : e)
			       : "data after the object",
			 root ? end : json_tokener_get_parse_end(tok));
		json_object_put(root);
		root = NULL;
	}
	json_tokener_free(tok);
	if (root && pp_check_duplicate_keys(d, text, len)) {
		json_object_put(root);
		root = NULL;
	}
	return root;
}

/* One JSON text holding one policy, appended to set. */
static uint64_t policy_def_hash(struct json_object *root, uint8_t ipv6_prefix)
{
	size_t len = 0;
	const char *text = json_object_to_json_string_length(root, JSON_C_TO_STRING_PLAIN, &len);

	return gh_hash_bytes(text ? text : "", text ? len : 0, ipv6_prefix);
}

static int add_text(struct policy_set *set, const struct policy_report *rep, const char *file,
		    const char *text, size_t len)
{
	struct parser ps = { .d = { .file = file, .rep = rep }, .rs = set->regexes,
			     .arena = set->arena, .untrained = set->untrained,
			     .ipv6_prefix = set->ipv6_prefix };
	struct json_object *root = parse_text(&ps.d, text, len);
	struct policy *p, *grown;

	if (root && !json_object_is_type(root, json_type_object))
		pp_fail(&ps.d, "a JSON object (one policy per file)", root);
	/* Repeated keys (reported) leave an object to check the rest of. */
	if (!root || !json_object_is_type(root, json_type_object)) {
		json_object_put(root);
		return ps.d.errors ? -EINVAL : -ENOMEM;
	}
	grown = realloc(set->policies, (set->count + 1) * sizeof(*grown));
	if (!grown) {
		json_object_put(root);
		return -ENOMEM;
	}
	set->policies = grown;
	p = &set->policies[set->count++];
	memset(p, 0, sizeof(*p));
	p->file = strdup(file);
	parse_policy(&ps, root, p);
	p->def_hash = policy_def_hash(root, set->ipv6_prefix);
	json_object_put(root);
	for (size_t i = 0; i + 1 < set->count && p->name[0]; i++)
		if (!strcmp(set->policies[i].name, p->name)) {
			pp_path_key(&ps.d, "name");
			pp_failf(&ps.d,
				 "expected a name unique in the directory, got \"%s\" (also in %s)",
				 p->name, set->policies[i].file);
		}
	return ps.d.errors ? -EINVAL : 0;
}

static int read_file(const char *path, char **buf, size_t *len)
{
	/* O_NONBLOCK: a FIFO named *.json must not hang a reload; it is refused below. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	ssize_t n;
	size_t got = 0;

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		return -EISDIR;
	}
	/* One byte more than allowed, so an oversized file is seen as such. */
	*buf = malloc(POLICY_MAX_FILE + 2);
	if (!*buf) {
		close(fd);
		return -ENOMEM;
	}
	while (got <= POLICY_MAX_FILE && (n = read(fd, *buf + got, POLICY_MAX_FILE + 1 - got)) > 0)
		got += (size_t)n;
	close(fd);
	(*buf)[got] = '\0';
	*len = got;
	return 0;
}

static int add_file(struct policy_set *set, const struct policy_report *rep, const char *path)
{
	char *buf = NULL;
	size_t len = 0;
	int err = read_file(path, &buf, &len);

	if (err == -ENOMEM)
		return err;
	if (err) {
		struct diag d = { .file = path, .rep = rep };

		pp_failf(&d, "expected a readable policy file, got %s", strerror(-err));
		return -EINVAL;
	}
	err = add_text(set, rep, path, buf, len);
	free(buf);
	return err;
}

/* An empty set with the options in force: 0, -EINVAL (o out of range, reported) or -ENOMEM. */
static int set_new(const struct policy_load_opts *o, const struct policy_report *rep,
		   struct policy_set **out)
{
	uint8_t v6 = o && o->ipv6_prefix ? o->ipv6_prefix : POLICY_DEFAULT_PREFIX_V6;
	struct policy_set *set;

	if (v6 < POLICY_MIN_SCOPE_V6 || v6 > 128) {
		struct diag d = { .file = "load options", .rep = rep };

		pp_failf(&d, "expected an IPv6 prefix length from %d to 128, got %u",
			 POLICY_MIN_SCOPE_V6, v6);
		return -EINVAL;
	}
	set = calloc(1, sizeof(*set));
	if (!set)
		return -ENOMEM;
	set->ipv6_prefix = v6;
	set->untrained = o && o->untrained;
	if (!(set->regexes = regex_set_new()) || !(set->arena = pred_arena_new())) {
		policy_set_free(set);
		return -ENOMEM;
	}
	*out = set;
	return 0;
}

/* set_new for a set read from files: its compiled patterns cached where o says. */
static int set_new_cached(const struct policy_load_opts *o, const struct policy_report *rep,
			  struct policy_set **out)
{
	const char *dir = o ? o->cache_dir : NULL;
	char def[4096];
	int err = set_new(o, rep, out);

	if (!dir)
		dir = hs_cache_default_dir(def, sizeof(def)) ? def : NULL;
	if (!err && (err = regex_set_cache((*out)->regexes, dir))) {
		policy_set_free(*out);
		*out = NULL;
	}
	return err;
}

/*
 * Compile the regexes once every file is in, while CRS prefilters compile
 * on their own threads; any error so far fails the set.
 */
static int set_finish(struct policy_set *set, int err, unsigned int regex_flags,
		      const struct policy_report *rep, struct policy_set **out)
{
	if (!err)
		err = regex_set_compile(set->regexes, regex_flags);
	for (size_t i = 0; !err && i < set->count; i++)
		if (set->policies[i].kind == POLICY_CRS)
			err = pp_crs_wait(&set->policies[i], rep);
	if (err) {
		policy_set_free(set);
		return err;
	}
	*out = set;
	return 0;
}

static int visible_name(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

static bool json_name(const char *name)
{
	size_t n = strlen(name);

	return n > 5 && !strcmp(name + n - 5, ".json");
}

static int add_dir(struct policy_set *set, const struct policy_report *rep, const char *dir,
		   int depth);

/* One directory entry: a policy file, a subdirectory, or nothing of ours. */
static int add_entry(struct policy_set *set, const struct policy_report *rep, const char *dir,
		     const char *name, int depth)
{
	char path[4096];
	struct stat st;

	if (snprintf(path, sizeof(path), "%s/%s", dir, name) >= (int)sizeof(path) ||
	    stat(path, &st))
		return 0; /* vanished or unreachable: not a policy file we were given */
	if (S_ISDIR(st.st_mode))
		return depth < POLICY_MAX_DIR_DEPTH ? add_dir(set, rep, path, depth + 1) : 0;
	if (!json_name(name))
		return 0;
	if (set->count >= POLICY_MAX_POLICIES) {
		struct diag d = { .file = path, .rep = rep };

		pp_failf(&d, "expected at most %d policy files in all", POLICY_MAX_POLICIES);
		return -EINVAL;
	}
	return add_file(set, rep, path);
}

static int add_dir(struct policy_set *set, const struct policy_report *rep, const char *dir,
		   int depth)
{
	struct dirent **names = NULL;
	int n, err = 0;

	n = scandir(dir, &names, visible_name, alphasort);
	if (n < 0) {
		struct diag d = { .file = dir, .rep = rep };

		pp_failf(&d, "expected a directory of policy files, got %s", strerror(errno));
		return -EINVAL;
	}
	for (int i = 0; i < n; i++) {
		int e = err == -ENOMEM ? 0 : add_entry(set, rep, dir, names[i]->d_name, depth);

		if (e && err != -ENOMEM)
			err = e;
		free(names[i]);
	}
	free(names);
	return err;
}

int policy_set_load_dir(const char *dir, const struct policy_load_opts *o,
			const struct policy_report *rep, struct policy_set **out)
{
	struct policy_set *set;
	int err = set_new_cached(o, rep, &set);

	return err ?: set_finish(set, add_dir(set, rep, dir, 0), 0, rep, out);
}

int policy_set_load_file(const char *path, const struct policy_load_opts *o,
			 const struct policy_report *rep, struct policy_set **out)
{
	struct policy_set *set;
	int err = set_new_cached(o, rep, &set);

	return err ?: set_finish(set, add_file(set, rep, path), 0, rep, out);
}

int policy_set_parse(const char *name, const char *json, size_t len, unsigned int regex_flags,
		     const struct policy_report *rep, struct policy_set **out)
{
	struct policy_set *set;
	int err = set_new(NULL, rep, &set);

	return err ?: set_finish(set, add_text(set, rep, name, json, len), regex_flags, rep, out);
}

int policy_pred_parse(const char *name, const char *json, size_t len,
		      const struct policy_report *rep, struct policy_set **holder,
		      const struct pred **out)
{
	struct parser ps = { .d = { .file = name, .rep = rep } };
	struct policy_set *set;
	struct json_object *root;
	struct pred *p = NULL;
	int err = set_new(NULL, rep, &set);

	if (err)
		return err;
	ps.rs = set->regexes;
	ps.arena = set->arena;
	root = parse_text(&ps.d, json, len);
	if (root)
		p = pp_member_pred(&ps, root, NULL, true);
	json_object_put(root);
	err = set_finish(set, ps.d.errors ? -EINVAL : p ? 0 : -ENOMEM, 0, rep, holder);
	if (!err)
		*out = p;
	return err;
}
