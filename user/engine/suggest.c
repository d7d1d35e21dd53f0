// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * `gatehawk suggest` (suggest.h): the window and rate policies traced over
 * a history, each condition's peak per group, labels, and the policy file
 * rewritten with the suggestions. The method is suggest_method.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>

#include "base/escape.h"
#include "base/hash.h"
#include "base/vec.h"
#include "engine/engine.h"
#include "engine/suggest.h"

#define NS 1000000000ULL
#define GROUP_NAME_MAX 512 /* bytes of a group's name kept for output; the key is its hash */

struct sg_group {
	uint64_t h;          /* hash of the group_by values (source masked to the prefix) */
	struct gh_addr src;  /* masked; family 0 when the group has no source */
	char *name;
	uint32_t met;        /* bit i: condition i has a peak */
};

struct sg_policy {
	struct suggest_policy out;
	struct sg_group *groups;
	size_t cap;
	double *peak; /* groups x n_conds */
	size_t peak_cap;
	uint32_t *table; /* group index + 1; 0 empty; grown at half full */
	uint32_t tmask;
};

struct suggest {
	struct policy_set view;  /* the examined policies, copied: the engine's set */
	size_t *pol_of;          /* view index -> pol index */
	struct sg_policy *pol;   /* every window and rate policy, in the set's order */
	size_t npol;
	struct engine *engine;
	const struct request_record *rec; /* being fed */
	uint64_t seed, latest, next_tick;
	bool oom;
};

static const enum req_field by_source[] = { REQ_SRC_IP };

static void group_by_of(const struct policy *p, const enum req_field **by, uint8_t *n)
{
	*by = p->kind == POLICY_RATE ? by_source : p->window.group_by;
	*n = p->kind == POLICY_RATE ? 1 : p->window.n_group;
}

static uint8_t prefix_of(const struct policy *p, const struct gh_addr *a)
{
	return a->family == AF_INET ? p->prefix_v4 : p->prefix_v6;
}

/* The group's key: its values hashed in turn, the source masked to the prefix. */
static uint64_t group_key(const struct suggest *s, const struct policy *p,
			  const struct request_record *r, struct gh_addr *src)
{
	const enum req_field *by;
	uint64_t h = s->seed;
	char buf[64];
	struct gh_str v;
	uint8_t n;
	int len;

	group_by_of(p, &by, &n);
	memset(src, 0, sizeof(*src));
	for (uint8_t i = 0; i < n; i++) {
		if (by[i] == REQ_SRC_IP) {
			*src = r->src;
			gh_addr_mask(src, prefix_of(p, src));
			h = gh_hash_bytes(src, sizeof(*src), h);
		} else if (req_get_str(r, by[i], &v)) {
			h = gh_hash_bytes(v.p, v.len, h);
		} else {
			len = req_format_field(r, by[i], buf, sizeof(buf));
			h = gh_hash_bytes(buf, len > 0 ? (size_t)len : 0, h);
		}
	}
	return h;
}

/* As alerts' evidence.group names it (the values' raw bytes, cut at GROUP_NAME_MAX). */
static char *group_name(const struct policy *p, const struct request_record *r,
			const struct gh_addr *src)
{
	char buf[GROUP_NAME_MAX], val[GH_CIDR_STRLEN + 1];
	const enum req_field *by;
	size_t used = 0;
	uint8_t n;

	group_by_of(p, &by, &n);
	buf[0] = '\0';
	for (uint8_t i = 0; i < n && used < sizeof(buf); i++) {
		struct gh_cidr net = { .addr = *src, .prefixlen = prefix_of(p, src) };
		const char *text = val;
		struct gh_str v;
		int len;

		if (by[i] == REQ_SRC_IP) {
			gh_cidr_format(&net, val, sizeof(val));
			len = (int)strlen(val);
		} else if (req_get_str(r, by[i], &v)) {
			text = v.p;
			len = (int)(v.len < sizeof(buf) ? v.len : sizeof(buf));
		} else {
			len = req_format_field(r, by[i], val, sizeof(val));
			len = len < 0 ? 0 : len;
		}
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s%s%.*s", i ? " " : "",
					 n > 1 ? req_field_name(by[i]) : "", n > 1 ? "=" : "", len,
					 text);
	}
	return strdup(n ? buf : "*");
}

static int table_grow(struct sg_policy *sp)
{
	uint32_t size = sp->table ? (sp->tmask + 1) * 2 : 64, *t = calloc(size, sizeof(*t));

	if (!t)
		return -ENOMEM;
	for (size_t i = 0; i < sp->out.groups; i++) {
		uint32_t at = (uint32_t)sp->groups[i].h & (size - 1);

		while (t[at])
			at = (at + 1) & (size - 1);
		t[at] = (uint32_t)i + 1;
	}
	free(sp->table);
	sp->table = t;
	sp->tmask = size - 1;
	return 0;
}

static int group_add(struct sg_policy *sp, uint64_t h, const struct gh_addr *src,
		     const struct request_record *r)
{
	size_t n = sp->out.groups, per = sp->out.n_conds;
	struct sg_group *g;

	if (n >= SUGGEST_MAX_GROUPS)
		return -E2BIG;
	if ((n + 1) * 2 > (size_t)sp->tmask + 1 && table_grow(sp))
		return -ENOMEM;
	if (gh_vec_reserve((void **)&sp->groups, &sp->cap, n, sizeof(*sp->groups), 64) ||
	    gh_vec_reserve((void **)&sp->peak, &sp->peak_cap, n * per + per - 1, sizeof(double),
			   64 * per))
		return -ENOMEM;
	g = &sp->groups[n];
	*g = (struct sg_group){ .h = h, .src = *src, .name = group_name(sp->out.p, r, src) };
	if (!g->name)
		return -ENOMEM;
	sp->out.groups++;
	return (int)n;
}

/* The record's group in the policy, made on first sight; -ENOMEM, -E2BIG (full). */
static long group_of(struct suggest *s, struct sg_policy *sp)
{
	struct gh_addr src;
	uint64_t h = group_key(s, sp->out.p, s->rec, &src);
	uint32_t at;
	int n;

	if (!sp->table && table_grow(sp))
		return -ENOMEM;
	for (at = (uint32_t)h & sp->tmask; sp->table[at]; at = (at + 1) & sp->tmask) {
		const struct sg_group *g = &sp->groups[sp->table[at] - 1];

		if (g->h == h && !memcmp(&g->src, &src, sizeof(src)))
			return sp->table[at] - 1;
	}
	n = group_add(sp, h, &src, s->rec);
	if (n < 0)
		return n;
	/* The table may have grown: find the empty slot again. */
	for (at = (uint32_t)h & sp->tmask; sp->table[at]; at = (at + 1) & sp->tmask)
		;
	sp->table[at] = (uint32_t)n + 1;
	return n;
}

/* Whether the window's conditions other than i hold (always, with any). */
static bool others_hold(const struct policy_window *w, const double *agg, uint8_t i)
{
	if (w->having_any)
		return true;
	for (uint8_t j = 0; j < w->n_conds; j++)
		if (j != i && !cmp_holds(agg[w->conds[j].agg], w->conds[j].op, w->conds[j].value))
			return false;
	return true;
}

static void on_trace(const struct engine_trace *t, void *ctx)
{
	struct suggest *s = ctx;
	struct sg_policy *sp = &s->pol[s->pol_of[t->policy - s->view.policies]];
	const struct policy *p = sp->out.p;
	long gi;

	if (!t->agg)
		return;
	gi = group_of(s, sp);
	if (gi == -E2BIG)
		sp->out.left_out++;
	if (gi < 0) {
		s->oom |= gi == -ENOMEM;
		return;
	}
	for (uint8_t i = 0; i < sp->out.n_conds; i++) {
		const struct suggest_cond *c = &sp->out.conds[i];
		struct sg_group *g = &sp->groups[gi];
		double x, *peak = &sp->peak[(size_t)gi * sp->out.n_conds + i];
		bool up = c->spec.op == CMP_GT || c->spec.op == CMP_GE;

		if (c->spec.op == CMP_EQ)
			continue;
		if (p->kind == POLICY_RATE) {
			x = t->agg[0];
		} else {
			if (!others_hold(&p->window, t->agg, i))
				continue;
			x = t->agg[p->window.conds[i].agg];
		}
		if (!(g->met & 1U << i) || (up ? x > *peak : x < *peak)) {
			*peak = x;
			g->met |= 1U << i;
		}
	}
}

static void ignore_verdict(const struct verdict *v, void *ctx)
{
	(void)v;
	(void)ctx;
}

/* Why a window or rate policy cannot be learnt from a log; NULL when it can. */
static const char *skip_reason(const struct policy *p)
{
	if (p->kind == POLICY_WINDOW && p->window.input_verdicts)
		return "counts the engine's own block verdicts, which depend on the other "
		       "policies' thresholds";
	if (p->kind == POLICY_RATE && !rate_metric_in_records(p->rate.metric))
		return "counts what only the kernel sees; a log has none of it";
	return NULL;
}

static void conds_of(struct suggest_policy *out)
{
	const struct policy *p = out->p;

	if (p->kind == POLICY_RATE) {
		out->n_conds = 1;
		out->conds[0] = (struct suggest_cond){
			.agg = "per_second",
			.spec = { .op = CMP_GT, .current = p->rate.per_second },
		};
		return;
	}
	out->n_conds = p->window.n_conds;
	for (uint8_t i = 0; i < p->window.n_conds; i++) {
		const struct policy_cond *c = &p->window.conds[i];
		enum agg_fn fn = p->window.aggs[c->agg].fn;

		out->conds[i] = (struct suggest_cond){
			.agg = p->window.aggs[c->agg].name,
			.index = i,
			.spec = { .op = c->op, .current = c->value, .integer = fn != AGG_RATIO,
				  .ratio = fn == AGG_RATIO },
		};
	}
}

int suggest_new(const struct policy_set *ps, struct suggest **out)
{
	struct suggest *s = calloc(1, sizeof(*s));
	struct engine_opts eo;

	*out = NULL;
	if (!s || !(s->pol = calloc(ps->count + 1, sizeof(*s->pol))) ||
	    !(s->view.policies = calloc(ps->count + 1, sizeof(*s->view.policies))) ||
	    !(s->pol_of = calloc(ps->count + 1, sizeof(*s->pol_of))))
		goto nomem;
	s->view.regexes = ps->regexes;
	s->view.arena = ps->arena;
	for (size_t i = 0; i < ps->count; i++) {
		const struct policy *p = &ps->policies[i];
		struct suggest_policy *sp = &s->pol[s->npol].out;

		if (p->kind != POLICY_WINDOW && p->kind != POLICY_RATE)
			continue;
		sp->p = p;
		sp->skipped = skip_reason(p);
		conds_of(sp);
		if (!sp->skipped) {
			s->pol_of[s->view.count] = s->npol;
			s->view.policies[s->view.count++] = *p;
		}
		s->npol++;
	}
	if (getrandom(&s->seed, sizeof(s->seed), 0) != sizeof(s->seed))
		s->seed = (uint64_t)(uintptr_t)s ^ 0x9e3779b97f4a7c15ULL;
	engine_opts_default(&eo);
	eo.kernel_counters = false; /* rates counted from the records, as replay does */
	eo.hash_seed = s->seed;
	eo.exact_aggregates = true; /* the peaks are the counts themselves */
	if (s->view.count && !(s->engine = engine_new(&s->view, &eo, ignore_verdict, s)))
		goto nomem;
	if (s->engine)
		engine_set_trace(s->engine, on_trace, s);
	*out = s;
	return 0;
nomem:
	suggest_free(s);
	return -ENOMEM;
}

void suggest_free(struct suggest *s)
{
	if (!s)
		return;
	engine_free(s->engine);
	for (size_t i = 0; i < s->npol; i++) {
		struct sg_policy *sp = &s->pol[i];

		for (size_t g = 0; g < sp->out.groups; g++)
			free(sp->groups[g].name);
		for (uint8_t c = 0; c < sp->out.n_conds; c++)
			free(sp->out.conds[c].pts);
		free(sp->groups);
		free(sp->peak);
		free(sp->table);
	}
	free(s->pol);
	free(s->pol_of);
	free(s->view.policies);
	free(s);
}

void suggest_feed(struct suggest *s, const struct request_record *r)
{
	if (!s->engine)
		return;
	if (r->ts_ns > s->latest)
		s->latest = r->ts_ns;
	s->rec = r;
	engine_feed(s->engine, r);
	s->rec = NULL;
	/* Windows released each second of event time, as replay does. */
	if (s->latest >= s->next_tick) {
		engine_tick(s->engine, s->latest);
		s->next_tick = s->latest + NS;
	}
}

static int finish_cond(struct sg_policy *sp, uint8_t i, const struct suggest_labels *labels)
{
	struct suggest_cond *c = &sp->out.conds[i];
	const struct policy *p = sp->out.p;
	size_t n = 0;

	c->spec.labels = labels != NULL;
	c->pts = malloc((sp->out.groups + 1) * sizeof(*c->pts));
	if (!c->pts)
		return -ENOMEM;
	for (size_t g = 0; g < sp->out.groups; g++) {
		const struct sg_group *grp = &sp->groups[g];
		struct gh_cidr net = { .addr = grp->src, .prefixlen = prefix_of(p, &grp->src) };

		if (!(grp->met & 1U << i))
			continue;
		c->pts[n++] = (struct suggest_point){
			.peak = sp->peak[g * sp->out.n_conds + i],
			.group = (uint32_t)g,
			.label = labels && grp->src.family ? suggest_labels_of(labels, &net)
							   : SUGGEST_UNLABELLED,
		};
	}
	suggest_threshold(c->pts, &n, &c->spec, &c->r);
	c->n = n;
	if (!n && c->spec.op != CMP_EQ)
		snprintf(c->r.reason, sizeof(c->r.reason), "%s",
			 !sp->out.groups ? "no record reached this policy (its filter, or its "
					   "metric, matched none)"
					 : "no group met the other conditions at their current "
					   "values");
	return 0;
}

int suggest_finish(struct suggest *s, const struct suggest_labels *labels)
{
	if (s->engine)
		engine_tick(s->engine, s->latest);
	if (s->oom)
		return -ENOMEM;
	for (size_t i = 0; i < s->npol; i++) {
		struct sg_policy *sp = &s->pol[i];

		if (sp->out.skipped)
			continue;
		for (uint8_t c = 0; c < sp->out.n_conds; c++)
			if (finish_cond(sp, c, labels))
				return -ENOMEM;
	}
	return 0;
}

size_t suggest_count(const struct suggest *s)
{
	return s->npol;
}

const struct suggest_policy *suggest_get(const struct suggest *s, size_t i)
{
	return &s->pol[i].out;
}

const char *suggest_group_name(const struct suggest *s, size_t policy, uint32_t group)
{
	return s->pol[policy].groups[group].name;
}

/* ---- labels ---------------------------------------------------------------- */

struct label {
	struct gh_addr addr;
	uint8_t label;
	unsigned int line;
};

struct suggest_labels {
	struct label *v;
	size_t n, cap;
};

static int addr_order(const struct gh_addr *a, const struct gh_addr *b)
{
	if (a->family != b->family)
		return a->family < b->family ? -1 : 1;
	return memcmp(a->bytes, b->bytes, sizeof(a->bytes));
}

static int by_addr(const void *a, const void *b)
{
	return addr_order(&((const struct label *)a)->addr, &((const struct label *)b)->addr);
}

/* One line's "ADDRESS LABEL" (comment and blanks gone); errors name path:line. */
static int parse_label(struct suggest_labels *l, char *text, const char *path, unsigned int line,
		       struct gh_err *e)
{
	char *save = NULL, *addr = strtok_r(text, " \t", &save), *word = strtok_r(NULL, " \t", &save);
	struct label lab = { .line = line };
	char shown[96];

	if (word && !strcmp(word, "benign"))
		lab.label = SUGGEST_BENIGN;
	else if (word && !strcmp(word, "attack"))
		lab.label = SUGGEST_ATTACK;
	if (!lab.label || strtok_r(NULL, " \t", &save) || gh_addr_parse(addr, &lab.addr)) {
		gh_escape_text(addr, strlen(addr), shown, sizeof(shown));
		return gh_err_input(e, "%s:%u: expected \"ADDRESS benign\" or \"ADDRESS attack\" "
				    "(an IPv4 or IPv6 address), got a line starting \"%s\"", path,
				    line, shown);
	}
	if (l->n >= SUGGEST_MAX_LABELS)
		return gh_err_input(e, "%s:%u: expected at most %u labelled addresses", path, line,
				    SUGGEST_MAX_LABELS);
	if (gh_vec_reserve((void **)&l->v, &l->cap, l->n, sizeof(*l->v), 64))
		return gh_err_sys(e, -ENOMEM, "%s: reading labels", path);
	l->v[l->n++] = lab;
	return 0;
}

static int read_labels(FILE *f, const char *path, struct suggest_labels *l, struct gh_err *e)
{
	unsigned int line = 0;
	char *buf = NULL, *p;
	size_t cap = 0;
	ssize_t got;
	int err = 0;

	while (!err && (got = getline(&buf, &cap, f)) >= 0) {
		++line;
		if (memchr(buf, '\0', (size_t)got)) {
			err = gh_err_input(e, "%s:%u: expected text, got a NUL byte", path, line);
			break;
		}
		buf[strcspn(buf, "#\r\n")] = '\0';
		p = buf + strspn(buf, " \t");
		if (*p)
			err = parse_label(l, p, path, line, e);
	}
	if (!err && ferror(f))
		err = gh_err_sys(e, -EIO, "%s: reading labels", path);
	gh_err_at(e, path, err && e->input ? line : 0);
	free(buf);
	return err;
}

/* Sorted by address; the same address twice must agree. */
static int sort_labels(struct suggest_labels *l, const char *path, struct gh_err *e)
{
	size_t o = 0;

	qsort(l->v, l->n, sizeof(*l->v), by_addr);
	for (size_t i = 0; i < l->n; i++) {
		const struct label *prev = o ? &l->v[o - 1] : NULL, *cur = &l->v[i];
		char a[GH_CIDR_STRLEN];

		if (!prev || addr_order(&prev->addr, &cur->addr)) {
			l->v[o++] = *cur;
			continue;
		}
		if (prev->label == cur->label)
			continue;
		gh_addr_format(&cur->addr, a, sizeof(a));
		gh_err_at(e, path, 0);
		return gh_err_input(e, "%s: %s is labelled both benign and attack (lines %u and %u)",
				    path, a, prev->line < cur->line ? prev->line : cur->line,
				    prev->line < cur->line ? cur->line : prev->line);
	}
	l->n = o;
	return 0;
}

int suggest_labels_load(const char *path, struct suggest_labels **out, struct gh_err *e)
{
	struct suggest_labels *l = calloc(1, sizeof(*l));
	FILE *f = fopen(path, "r");
	struct stat st;
	int err = 0;

	*out = NULL;
	if (!l)
		err = gh_err_sys(e, -ENOMEM, "%s: reading labels", path);
	else if (!f)
		err = gh_err_input(e, "%s: expected a readable labels file, got %s", path,
				   strerror(errno));
	else if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode))
		err = gh_err_input(e, "%s: expected a regular labels file", path);
	else if (!(err = read_labels(f, path, l, e)))
		err = sort_labels(l, path, e);
	if (f)
		fclose(f);
	if (err) {
		suggest_labels_free(l);
		return err;
	}
	*out = l;
	return 0;
}

void suggest_labels_free(struct suggest_labels *l)
{
	if (l)
		free(l->v);
	free(l);
}

enum suggest_label suggest_labels_of(const struct suggest_labels *l, const struct gh_cidr *net)
{
	enum suggest_label got = SUGGEST_UNLABELLED;
	size_t lo = 0, hi = l->n;
	struct gh_addr first = net->addr;

	gh_addr_mask(&first, net->prefixlen);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (addr_order(&l->v[mid].addr, &first) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < l->n && gh_cidr_contains(net, &l->v[lo].addr); lo++) {
		if (l->v[lo].label == SUGGEST_BENIGN)
			return SUGGEST_BENIGN;
		got = SUGGEST_ATTACK;
	}
	return got;
}

/* ---- the policy file with the suggestions ---------------------------------- */

/* The JSON object holding condition i's comparison. */
static struct json_object *cond_object(struct json_object *root, const struct suggest_policy *sp,
				       uint8_t i)
{
	struct json_object *having = json_object_object_get(root, "having"), *list = NULL;

	if (sp->p->kind == POLICY_RATE)
		return root;
	if (!json_object_is_type(having, json_type_object))
		return NULL;
	if (!json_object_object_get_ex(having, "all", &list))
		json_object_object_get_ex(having, "any", &list);
	if (!list)
		return having;
	return json_object_is_type(list, json_type_array) ? json_object_array_get_idx(list, i)
							  : NULL;
}

int suggest_rewrite(const struct suggest_policy *sp, struct json_object **out, struct gh_err *e)
{
	struct json_object *root = NULL;

	*out = NULL;
	for (uint8_t i = 0; i < sp->n_conds; i++) {
		const struct suggest_cond *c = &sp->conds[i];
		const char *key = sp->p->kind == POLICY_RATE ? "per_second" : cmp_op_name(c->spec.op);
		struct json_object *o;

		if (!c->r.suggested || c->r.pick.value == c->spec.current)
			continue;
		if (!root && !(root = json_object_from_file(sp->p->file)))
			return gh_err_fail(e, -EIO, "%s: cannot read it again: %s", sp->p->file,
					   json_util_get_last_err());
		o = cond_object(root, sp, c->index);
		if (!json_object_is_type(o, json_type_object) || !json_object_object_get(o, key)) {
			json_object_put(root);
			return gh_err_fail(e, -EIO, "%s: changed since it was loaded (no %s for "
					   "condition %u)", sp->p->file, key, c->index);
		}
		json_object_object_add(o, key, gh_json_number(c->r.pick.value));
	}
	*out = root;
	return 0;
}
