// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The endpoint model file: versioned JSON, written pretty (people read it
 * and may edit the weights) and in a fixed order (endpoints by key,
 * parameters by name), so the same model is the same bytes. Class masks are
 * written as "lower,digit,dash": short, and readable without this code.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/escape.h"
#include "base/json_file.h"
#include "engine/endpoint_model_internal.h"

#define ENDPOINT_JSON_DEPTH 64 /* the model needs 5; the rest is for meta */

#define CLASSES_TEXT_MAX 256 /* every class name, comma-separated, fits */

/* ---- writing -------------------------------------------------------------- */

/* Add v as key to o; false (v released) when v is NULL or adding fails. */
static bool put(struct json_object *o, const char *key, struct json_object *v)
{
	if (!v)
		return false;
	if (json_object_object_add(o, key, v)) {
		json_object_put(v);
		return false;
	}
	return true;
}

static bool push(struct json_object *a, struct json_object *v)
{
	if (!v)
		return false;
	if (json_object_array_add(a, v)) {
		json_object_put(v);
		return false;
	}
	return true;
}

static struct json_object *classes_json(uint32_t mask)
{
	char buf[CLASSES_TEXT_MAX];

	return json_object_new_string_len(buf, (int)endpoint_classes_format(mask, buf, sizeof(buf)));
}

static struct json_object *weights_json(const struct endpoint_weights *w)
{
	struct json_object *o = json_object_new_object(), *cls = json_object_new_object();
	bool ok = o && cls && put(o, "new_endpoint", gh_json_number(w->new_endpoint)) &&
		  put(o, "new_param", gh_json_number(w->new_param)) &&
		  put(o, "new_param_young", gh_json_number(w->new_param_young)) &&
		  put(o, "long_value", gh_json_number(w->long_value)) &&
		  put(o, "threshold_floor", gh_json_number(w->threshold_floor));

	for (int c = 0; c < EC_COUNT && ok; c++)
		ok = put(cls, endpoint_class_name(c), gh_json_number(w->cls[c]));
	if (ok && put(o, "classes", cls))
		return o;
	if (!ok)
		json_object_put(cls);
	json_object_put(o);
	return NULL;
}

static struct json_object *param_json(const struct em_param *p)
{
	struct json_object *o = json_object_new_object();

	if (o && put(o, "name", json_object_new_string_len(p->name, p->name_len)) &&
	    put(o, "requests", json_object_new_int64(p->n)) &&
	    put(o, "len", json_object_new_int64(p->len)) && put(o, "classes", classes_json(p->classes)))
		return o;
	json_object_put(o);
	return NULL;
}

static struct json_object *endpoint_json(const struct em_endpoint *e)
{
	struct json_object *o = json_object_new_object(), *params = json_object_new_array();
	bool ok = o && params &&
		  put(o, "method", json_object_new_string_len(e->key, e->method_len)) &&
		  put(o, "path", json_object_new_string_len(e->key + e->method_len + 1,
							    e->key_len - e->method_len - 1)) &&
		  put(o, "requests", json_object_new_int64(e->n));

	for (size_t i = 0; i < e->n_params && ok; i++)
		ok = push(params, param_json(&e->params[i]));
	if (ok && put(o, "params", params))
		return o;
	if (!ok)
		json_object_put(params);
	json_object_put(o);
	return NULL;
}

struct json_object *endpoint_model_to_json(const struct endpoint_model *m, struct json_object *meta)
{
	struct json_object *o, *eps;
	bool ok;

	if (!m->finished)
		return NULL;
	o = json_object_new_object();
	eps = json_object_new_array_ext((int)m->n_eps);
	ok = o && eps && put(o, "gatehawk_endpoint_model", json_object_new_int(ENDPOINT_MODEL_VERSION)) &&
	     put(o, "requests", json_object_new_int64((int64_t)m->requests)) &&
	     put(o, "known_after", json_object_new_int64(m->known_after)) &&
	     put(o, "weights", weights_json(&m->w)) &&
	     put(o, "threshold", gh_json_number(m->threshold)) &&
	     put(o, "threshold_method", json_object_new_string(m->threshold_method)) &&
	     put(o, "path_classes", classes_json(m->path_classes)) &&
	     put(o, "value_classes", classes_json(m->value_classes)) &&
	     put(o, "value_len", json_object_new_int64(m->value_len));
	for (size_t i = 0; i < m->n_eps && ok; i++)
		ok = push(eps, endpoint_json(&m->eps[i]));
	if (ok && put(o, "endpoints", eps) && (!meta || put(o, "meta", json_object_get(meta))))
		return o;
	if (!ok)
		json_object_put(eps);
	json_object_put(o);
	return NULL;
}

/* ---- reading -------------------------------------------------------------- */

/* "field: expected ..."; the field also goes to err's field. */
__attribute__((format(printf, 3, 4))) static int bad(struct gh_err *err, const char *field,
						     const char *fmt, ...)
{
	char msg[GH_ERR_MSG_MAX / 2];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	gh_err_field(err, field);
	return gh_err_input(err, "%s: %s", field, msg);
}

/* Only the keys listed (NULL-terminated); an unknown one is most likely a typo. */
static int known_keys(struct json_object *o, const char *where, const char *const *keys,
		      struct gh_err *err)
{
	json_object_object_foreach(o, key, v) {
		size_t i = 0;

		(void)v;
		while (keys[i] && strcmp(keys[i], key))
			i++;
		if (!keys[i]) {
			char field[GH_ERR_WHERE_MAX];

			snprintf(field, sizeof(field), "%s%s%s", where, *where ? "." : "", key);
			return bad(err, field, "unknown field");
		}
	}
	return 0;
}

/* A member of type t (json_type_double also takes integers); NULL when missing. */
static int member(struct json_object *o, const char *where, const char *key, enum json_type t,
		  const char *what, bool required, struct json_object **out, struct gh_err *err)
{
	char field[GH_ERR_WHERE_MAX];
	enum json_type got;

	snprintf(field, sizeof(field), "%s%s%s", where, *where ? "." : "", key);
	*out = NULL;
	if (!json_object_object_get_ex(o, key, out))
		return required ? bad(err, field, "missing, expected %s", what) : 0;
	got = json_object_get_type(*out);
	if (got == t || (t == json_type_double && got == json_type_int))
		return 0;
	return bad(err, field, "expected %s, got %s", what, json_type_to_name(got));
}

static int get_count(struct json_object *o, const char *where, const char *key, uint64_t max,
		     uint64_t *out, struct gh_err *err)
{
	char what[64], field[GH_ERR_WHERE_MAX];
	struct json_object *v;
	int64_t n;
	int ret;

	snprintf(what, sizeof(what), "an integer from 0 to %llu", (unsigned long long)max);
	ret = member(o, where, key, json_type_int, what, true, &v, err);
	if (ret)
		return ret;
	errno = 0;
	n = json_object_get_int64(v);
	if (n < 0 || (uint64_t)n > max || errno) {
		snprintf(field, sizeof(field), "%s%s%s", where, *where ? "." : "", key);
		return bad(err, field, "expected %s, got %s", what, json_object_get_string(v));
	}
	*out = (uint64_t)n;
	return 0;
}

static int get_u32(struct json_object *o, const char *where, const char *key, uint32_t *out,
		   struct gh_err *err)
{
	uint64_t n;
	int ret = get_count(o, where, key, UINT32_MAX, &n, err);

	*out = (uint32_t)n;
	return ret;
}

/* A finite number of at least 0; a missing optional one leaves *out. */
static int get_weight(struct json_object *o, const char *where, const char *key, bool required,
		      double *out, struct gh_err *err)
{
	static const char what[] = "a finite number of at least 0";
	struct json_object *v;
	int ret = member(o, where, key, json_type_double, what, required, &v, err);
	char field[GH_ERR_WHERE_MAX];

	if (ret || !v)
		return ret;
	if (!isfinite(json_object_get_double(v)) || json_object_get_double(v) < 0) {
		snprintf(field, sizeof(field), "%s%s%s", where, *where ? "." : "", key);
		return bad(err, field, "expected %s, got %s", what, json_object_get_string(v));
	}
	*out = json_object_get_double(v);
	return 0;
}

static int get_string(struct json_object *o, const char *where, const char *key, size_t min,
		      size_t max, const char **p, size_t *len, struct gh_err *err)
{
	char what[64], field[GH_ERR_WHERE_MAX];
	struct json_object *v;
	int ret;

	snprintf(what, sizeof(what), "a string of %zu to %zu bytes", min, max);
	ret = member(o, where, key, json_type_string, what, true, &v, err);
	if (ret)
		return ret;
	*p = json_object_get_string(v);
	*len = (size_t)json_object_get_string_len(v);
	if (*len >= min && *len <= max)
		return 0;
	snprintf(field, sizeof(field), "%s%s%s", where, *where ? "." : "", key);
	return bad(err, field, "expected %s, got %zu bytes", what, *len);
}

/* "lower,digit" back to a mask; "" is no class. */
static int get_classes(struct json_object *o, const char *where, const char *key, uint32_t *out,
		       struct gh_err *err)
{
	struct json_object *v;
	const char *s;
	int ret = member(o, where, key, json_type_string, "a string of class names", true, &v, err);

	if (ret)
		return ret;
	*out = 0;
	for (s = json_object_get_string(v); *s;) {
		size_t n = strcspn(s, ",");
		char name[32], field[GH_ERR_WHERE_MAX];
		int c = -1;

		if (n < sizeof(name)) {
			memcpy(name, s, n);
			name[n] = '\0';
			c = endpoint_class_by_name(name);
		}
		if (c < 0) {
			snprintf(field, sizeof(field), "%s%s%s", where, *where ? "." : "", key);
			return bad(err, field,
				   "expected class names separated by ',' (lower, upper, digit, space, "
				   "dot, dash, slash, colon, percent, quote, angle, bracket, shell, "
				   "equals, comma, at_hash, backslash, control, non_ascii, other), "
				   "got \"%.*s\"", (int)(n < 40 ? n : 40), s);
		}
		*out |= EM_BIT(c);
		s += n + (s[n] == ',');
	}
	return 0;
}

static int read_weights(struct json_object *root, struct endpoint_weights *w, struct gh_err *err)
{
	static const char *const keys[] = { "new_endpoint", "new_param", "new_param_young",
					    "long_value", "threshold_floor", "classes", NULL };
	struct json_object *o, *cls;
	int ret = member(root, "", "weights", json_type_object, "an object", false, &o, err);

	if (ret || !o)
		return ret;
	if ((ret = known_keys(o, "weights", keys, err)) ||
	    (ret = get_weight(o, "weights", "new_endpoint", false, &w->new_endpoint, err)) ||
	    (ret = get_weight(o, "weights", "new_param", false, &w->new_param, err)) ||
	    (ret = get_weight(o, "weights", "new_param_young", false, &w->new_param_young, err)) ||
	    (ret = get_weight(o, "weights", "long_value", false, &w->long_value, err)) ||
	    (ret = get_weight(o, "weights", "threshold_floor", false, &w->threshold_floor, err)) ||
	    (ret = member(o, "weights", "classes", json_type_object, "an object", false, &cls, err)) ||
	    !cls)
		return ret;
	json_object_object_foreach(cls, name, v) {
		int c = endpoint_class_by_name(name);

		(void)v;
		if (c < 0) {
			char field[GH_ERR_WHERE_MAX];

			snprintf(field, sizeof(field), "weights.classes.%s", name);
			return bad(err, field, "unknown class");
		}
		if ((ret = get_weight(cls, "weights.classes", name, true, &w->cls[c], err)))
			return ret;
	}
	return 0;
}

static int read_param(struct json_object *o, const char *where, struct em_param *p,
		      struct gh_err *err)
{
	static const char *const keys[] = { "name", "requests", "len", "classes", NULL };
	const char *name;
	size_t len;
	int ret;

	if (!json_object_is_type(o, json_type_object))
		return bad(err, where, "expected an object");
	if ((ret = known_keys(o, where, keys, err)) ||
	    (ret = get_string(o, where, "name", 0, ENDPOINT_PARAM_NAME_MAX - 1, &name, &len, err)) ||
	    (ret = get_u32(o, where, "requests", &p->n, err)) ||
	    (ret = get_u32(o, where, "len", &p->len, err)) ||
	    (ret = get_classes(o, where, "classes", &p->classes, err)))
		return ret;
	memcpy(p->name, name, len);
	p->name[len] = '\0';
	p->name_len = (uint8_t)len;
	p->hash = em_hash(name, len);
	return 0;
}

static int read_params(struct endpoint_model *m, struct json_object *o, const char *where,
		       struct em_endpoint *e, struct gh_err *err)
{
	char field[48]; /* "endpoints[19999].params" */
	struct json_object *a;
	size_t n;
	int ret = member(o, where, "params", json_type_array, "an array", true, &a, err);

	if (ret)
		return ret;
	snprintf(field, sizeof(field), "%s.params", where);
	n = json_object_array_length(a);
	if (n > ENDPOINT_PARAMS_MAX || m->n_params + n > ENDPOINT_PARAMS_TOTAL)
		return bad(err, field, "expected at most %d parameters per endpoint and %u in all",
			   ENDPOINT_PARAMS_MAX, ENDPOINT_PARAMS_TOTAL);
	e->params = calloc(n ? n : 1, sizeof(*e->params));
	if (!e->params)
		return -ENOMEM;
	e->cap_params = n;
	for (; e->n_params < n; e->n_params++, m->n_params++) {
		char at[sizeof(field) + 24];

		snprintf(at, sizeof(at), "%s[%zu]", field, e->n_params);
		ret = read_param(json_object_array_get_idx(a, e->n_params), at, &e->params[e->n_params], err);
		if (ret)
			return ret;
	}
	qsort(e->params, n, sizeof(*e->params), em_cmp_param);
	for (size_t i = 1; i < n; i++)
		if (!em_cmp_param(&e->params[i - 1], &e->params[i])) {
			char name[4 * ENDPOINT_PARAM_NAME_MAX];

			gh_escape_text(e->params[i].name, e->params[i].name_len, name, sizeof(name));
			return bad(err, field, "expected each name once, got \"%s\" twice", name);
		}
	return 0;
}

static int read_endpoint(struct endpoint_model *m, struct json_object *o, const char *where,
			 struct em_endpoint *e, struct gh_err *err)
{
	static const char *const keys[] = { "method", "path", "requests", "params", NULL };
	const char *method, *path;
	size_t method_len, path_len;
	int ret;

	if (!json_object_is_type(o, json_type_object))
		return bad(err, where, "expected an object");
	if ((ret = known_keys(o, where, keys, err)) ||
	    (ret = get_string(o, where, "method", 1, ENDPOINT_METHOD_MAX, &method, &method_len, err)) ||
	    (ret = get_string(o, where, "path", 0, ENDPOINT_KEY_MAX - 2 - method_len, &path, &path_len,
			      err)) ||
	    (ret = get_u32(o, where, "requests", &e->n, err)))
		return ret;
	if (memchr(method, ' ', method_len)) {
		char field[GH_ERR_WHERE_MAX];

		snprintf(field, sizeof(field), "%s.method", where);
		return bad(err, field, "expected a method without spaces");
	}
	e->key = malloc(method_len + 1 + path_len + 1);
	if (!e->key)
		return -ENOMEM;
	memcpy(e->key, method, method_len);
	e->key[method_len] = ' ';
	memcpy(e->key + method_len + 1, path, path_len);
	e->key_len = (uint16_t)(method_len + 1 + path_len);
	e->key[e->key_len] = '\0';
	e->method_len = (uint16_t)method_len;
	e->hash = em_hash(e->key, e->key_len);
	return read_params(m, o, where, e, err);
}

static int read_endpoints(struct endpoint_model *m, struct json_object *root, struct gh_err *err)
{
	struct json_object *a;
	size_t n;
	int ret = member(root, "", "endpoints", json_type_array, "an array", true, &a, err);

	if (ret)
		return ret;
	n = json_object_array_length(a);
	if (n > ENDPOINT_MAX)
		return bad(err, "endpoints", "expected at most %d endpoints, got %zu", ENDPOINT_MAX, n);
	m->eps = calloc(n ? n : 1, sizeof(*m->eps));
	if (!m->eps)
		return -ENOMEM;
	m->cap_eps = n;
	for (; m->n_eps < n; m->n_eps++) {
		char at[32];

		snprintf(at, sizeof(at), "endpoints[%zu]", m->n_eps);
		ret = read_endpoint(m, json_object_array_get_idx(a, m->n_eps), at, &m->eps[m->n_eps], err);
		if (ret) {
			m->n_eps++; /* its key and parameters are freed with the model */
			return ret;
		}
	}
	em_sort(m);
	for (size_t i = 1; i < n; i++)
		if (!em_cmp_endpoint(&m->eps[i - 1], &m->eps[i])) {
			char key[4 * ENDPOINT_KEY_MAX];

			gh_escape_text(m->eps[i].key, m->eps[i].key_len, key, sizeof(key));
			return bad(err, "endpoints", "expected each endpoint once, got \"%s\" twice", key);
		}
	return em_index_build(m);
}

static int read_model(struct endpoint_model *m, struct json_object *root, struct gh_err *err)
{
	static const char *const keys[] = { "gatehawk_endpoint_model", "requests", "known_after",
					    "weights", "threshold", "threshold_method", "path_classes",
					    "value_classes", "value_len", "endpoints", "meta", NULL };
	const char *method;
	size_t method_len;
	uint64_t version;
	double threshold = 0;
	int ret;

	if (!json_object_is_type(root, json_type_object))
		return gh_err_input(err, "expected an endpoint model (a JSON object)");
	if ((ret = get_count(root, "", "gatehawk_endpoint_model", UINT32_MAX, &version, err)))
		return ret;
	if (version != ENDPOINT_MODEL_VERSION)
		return bad(err, "gatehawk_endpoint_model",
			   "expected %d (the version this gatehawk reads), got %llu",
			   ENDPOINT_MODEL_VERSION, (unsigned long long)version);
	if ((ret = known_keys(root, "", keys, err)) ||
	    (ret = get_count(root, "", "requests", INT64_MAX, &m->requests, err)) ||
	    (ret = get_u32(root, "", "known_after", &m->known_after, err)) ||
	    (ret = read_weights(root, &m->w, err)) ||
	    (ret = get_weight(root, "", "threshold", true, &threshold, err)) ||
	    (ret = get_string(root, "", "threshold_method", 0, sizeof(m->threshold_method) - 1, &method,
			      &method_len, err)) ||
	    (ret = get_classes(root, "", "path_classes", &m->path_classes, err)) ||
	    (ret = get_classes(root, "", "value_classes", &m->value_classes, err)) ||
	    (ret = get_u32(root, "", "value_len", &m->value_len, err)))
		return ret;
	endpoint_model_set_threshold(m, threshold, method);
	ret = read_endpoints(m, root, err);
	m->finished = !ret;
	return ret;
}

int endpoint_model_from_json(struct json_object *o, struct endpoint_model **out,
			     struct json_object **meta, struct gh_err *err)
{
	struct endpoint_model *m = em_alloc();
	int ret;

	*out = NULL;
	if (meta)
		*meta = NULL;
	if (!m)
		return -ENOMEM;
	ret = read_model(m, o, err);
	if (ret) {
		endpoint_model_free(m);
		return ret == -ENOMEM ? gh_err_sys(err, ret, "reading the endpoint model") : ret;
	}
	if (meta && json_object_object_get_ex(o, "meta", meta))
		json_object_get(*meta);
	*out = m;
	return 0;
}

/* ---- files ---------------------------------------------------------------- */

int endpoint_model_save(const struct endpoint_model *m, struct json_object *meta, const char *path,
			struct gh_err *err)
{
	struct json_object *o;
	size_t len;
	int ret;

	if (!m->finished)
		return gh_err_fail(err, -EINVAL, "%s: the endpoint model is not finished", path);
	o = endpoint_model_to_json(m, meta);
	if (o && json_object_to_json_string_length(o, JSON_C_TO_STRING_PLAIN, &len) &&
	    len > ENDPOINT_MODEL_MAX_FILE) {
		json_object_put(o);
		return gh_err_fail(err, -EFBIG, "writing %s: the model takes %zu bytes, more than the "
				   "%u MiB a model file may hold", path, len, ENDPOINT_MODEL_MAX_FILE >> 20);
	}
	ret = gh_json_file_save(path, o, "the endpoint model", err);
	json_object_put(o);
	return ret;
}

int endpoint_model_load(const char *path, struct endpoint_model **out, struct json_object **meta,
			struct gh_err *err)
{
	struct json_object *root = NULL;
	int ret;

	*out = NULL;
	if (meta)
		*meta = NULL;
	ret = gh_json_file_load(path, ENDPOINT_MODEL_MAX_FILE, ENDPOINT_JSON_DEPTH,
				"an endpoint model file", &root, err);
	if (!ret) {
		ret = endpoint_model_from_json(root, out, meta, err);
		if (ret)
			gh_err_at(err, path, 0);
	}
	json_object_put(root);
	return ret;
}
