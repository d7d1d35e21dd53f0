// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The plain request line as a gate (predicate.h, pred_plain_request): which
 * predicates cannot hold on one, decided once at load by trying their
 * request-line leaves on every value such a line may have.
 */
#include <string.h>

#include "engine/predicate.h"

/* The values a plain line may have; pred_plain_request() tests the same. */
static const struct {
	enum http_method id;
	const char *name;
} plain_methods[] = { { HTTP_METHOD_GET, "GET" }, { HTTP_METHOD_HEAD, "HEAD" },
		      { HTTP_METHOD_POST, "POST" } };
static const char plain_versions[][9] = { "HTTP/1.0", "HTTP/1.1", "HTTP/2.0", "HTTP/3.0" };
#define PLAIN_TARGET_FORM "origin"
#define PLAIN_STATES_MAX 4 /* the most values of one field above */
#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

bool pred_plain_request(const struct request_record *r)
{
	const uint32_t need = REQ_BIT(REQ_METHOD) | REQ_BIT(REQ_VERSION) | REQ_BIT(REQ_TARGET_FORM);
	const struct gh_str *v = &r->version, *t = &r->target_form;
	bool method = false, version = false;

	if ((r->present & need) != need ||
	    (req_has(r, REQ_REQUEST_LINE_MALFORMED) && r->request_line_malformed))
		return false;
	/* A method id other than OTHER means the text is exactly its name. */
	for (size_t i = 0; i < N_OF(plain_methods) && !method; i++)
		method = r->method == plain_methods[i].id;
	if (!method)
		return false;
	if (t->len != sizeof(PLAIN_TARGET_FORM) - 1 ||
	    memcmp(t->p, PLAIN_TARGET_FORM, sizeof(PLAIN_TARGET_FORM) - 1))
		return false;
	for (size_t i = 0; v->len == 8 && i < N_OF(plain_versions) && !version; i++)
		version = !memcmp(v->p, plain_versions[i], 8);
	return version;
}

/* Records each holding one value a plain line may give field f; 0 when f is not the line's. */
static size_t plain_values(enum req_field f, struct request_record *out)
{
	size_t n = 0;

	memset(out, 0, PLAIN_STATES_MAX * sizeof(*out));
	switch (f) {
	case REQ_METHOD:
		for (; n < N_OF(plain_methods); n++)
			req_set_method(&out[n], plain_methods[n].name,
				       (uint32_t)strlen(plain_methods[n].name));
		return n;
	case REQ_VERSION:
		for (; n < N_OF(plain_versions); n++)
			req_set_str(&out[n], f, &out[n].version, plain_versions[n], 8);
		return n;
	case REQ_TARGET_FORM:
		req_set_str(&out[0], f, &out[0].target_form, PLAIN_TARGET_FORM,
			    sizeof(PLAIN_TARGET_FORM) - 1);
		return 1;
	case REQ_REQUEST_LINE_MALFORMED: /* absent (out[0]) or false */
		out[1].present = REQ_BIT(f);
		return 2;
	default: return 0;
	}
}

enum tri { TRI_FALSE, TRI_TRUE, TRI_UNKNOWN };

/* p's value on every record with a plain line, when that is one value. */
static enum tri on_plain(const struct pred *p, struct pred_eval *ev)
{
	struct request_record rec[PLAIN_STATES_MAX];
	enum tri t, k;
	size_t n;

	switch (p->op) {
	case PRED_ALL:
	case PRED_ANY: /* any: true when a child is, false when all are; all the reverse */
		t = p->op == PRED_ANY ? TRI_FALSE : TRI_TRUE;
		for (uint32_t i = 0; i < p->n; i++) {
			k = on_plain(p->u.kids[i], ev);
			if (k == TRI_UNKNOWN)
				t = TRI_UNKNOWN;
			else if (k != (p->op == PRED_ANY ? TRI_FALSE : TRI_TRUE))
				return k;
		}
		return t;
	case PRED_NOT:
		k = on_plain(p->u.kids[0], ev);
		return k == TRI_UNKNOWN ? k : k == TRI_TRUE ? TRI_FALSE : TRI_TRUE;
	}
	/* A leaf reads its field only: its answers on the line's values are all it can give. */
	n = plain_values(p->field, rec);
	t = TRI_UNKNOWN;
	for (size_t i = 0; i < n; i++) {
		pred_eval_begin(ev, &rec[i]);
		k = pred_match(p, ev) ? TRI_TRUE : TRI_FALSE;
		if (i && k != t)
			return TRI_UNKNOWN;
		t = k;
	}
	return t;
}

bool pred_false_when_plain(const struct pred *p, struct pred_eval *ev)
{
	return on_plain(p, ev) == TRI_FALSE;
}
