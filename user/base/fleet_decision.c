// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <json-c/json.h>

#include "base/fleet_decision.h"

/* Nested values are refused anyway; a shallow parser bounds the work. */
#define FLEET_JSON_DEPTH 4

static const char *const severities[] = { "low", "medium", "high", "critical" };

int fleet_key(const struct gh_cidr *c, char *buf, size_t len)
{
	char text[GH_CIDR_STRLEN];

	gh_cidr_format(c, text, sizeof(text));
	if (strlen(text) >= len)
		return -ENOSPC;
	for (size_t i = 0;; i++) {
		buf[i] = text[i] == ':' ? '_' : text[i];
		if (!text[i])
			return 0;
	}
}

int fleet_key_parse(const char *key, struct gh_cidr *out)
{
	char text[GH_CIDR_STRLEN];
	size_t n = strlen(key);

	if (n >= sizeof(text) || strchr(key, ':'))
		return -EINVAL;
	for (size_t i = 0; i <= n; i++)
		text[i] = key[i] == '_' ? ':' : key[i];
	return gh_cidr_parse(text, out) ? -EINVAL : 0;
}

bool fleet_name_valid(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n < GH_FLEET_NAME_MAX &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == n;
}

static bool printable_ascii(const char *s)
{
	for (; *s; s++)
		if (*s < 0x20 || *s > 0x7e)
			return false;
	return true;
}

int fleet_decision_encode(const struct fleet_decision *d, char *buf, size_t len)
{
	struct json_object *o = json_object_new_object();
	char cidr[GH_CIDR_STRLEN];
	const char *text;
	int n;

	gh_cidr_format(&d->cidr, cidr, sizeof(cidr));
	json_object_object_add(o, "v", json_object_new_int(GH_FLEET_VERSION));
	json_object_object_add(o, "action", json_object_new_string(
						    d->action == FLEET_BLOCK ? "block" : "unblock"));
	json_object_object_add(o, "cidr", json_object_new_string(cidr));
	json_object_object_add(o, "origin", json_object_new_string(d->origin));
	if (d->action == FLEET_BLOCK)
		json_object_object_add(o, "expires_at", json_object_new_int64(d->expires_at));
	json_object_object_add(o, "decided_ms", json_object_new_int64(d->decided_ms));
	json_object_object_add(o, "policy", json_object_new_string(d->policy));
	json_object_object_add(o, "reason", json_object_new_string(d->reason));
	json_object_object_add(o, "severity", json_object_new_string(d->severity));
	text = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN);
	n = snprintf(buf, len, "%s", text);
	json_object_put(o);
	return n < 0 || (size_t)n >= len ? -ENOSPC : n;
}

/* Field key of o as a string that fits dst (max bytes with the NUL); absent: "". */
static int get_text(struct json_object *o, const char *key, bool required, char *dst,
		    size_t max, struct gh_err *e)
{
	struct json_object *v;
	const char *s;

	dst[0] = '\0';
	if (!json_object_object_get_ex(o, key, &v) || !v) {
		if (!required)
			return 0;
		gh_err_field(e, key);
		return gh_err_input(e, "%s: missing", key);
	}
	gh_err_field(e, key);
	if (!json_object_is_type(v, json_type_string))
		return gh_err_input(e, "%s: expected a string", key);
	s = json_object_get_string(v);
	if ((size_t)json_object_get_string_len(v) >= max || strlen(s) >= max)
		return gh_err_input(e, "%s: longer than %zu bytes", key, max - 1);
	if (!printable_ascii(s))
		return gh_err_input(e, "%s: expected printable ASCII", key);
	memcpy(dst, s, strlen(s) + 1);
	e->field[0] = '\0';
	return 0;
}

/* An integer field; absent is 0 unless required. */
static int get_int(struct json_object *o, const char *key, bool required, int64_t *out,
		   struct gh_err *e)
{
	struct json_object *v;

	*out = 0;
	if (!json_object_object_get_ex(o, key, &v) || !v) {
		if (!required)
			return 0;
		gh_err_field(e, key);
		return gh_err_input(e, "%s: missing", key);
	}
	if (!json_object_is_type(v, json_type_int) || json_object_get_int64(v) < 0) {
		gh_err_field(e, key);
		return gh_err_input(e, "%s: expected a non-negative integer", key);
	}
	*out = json_object_get_int64(v);
	return 0;
}

static bool severity_known(const char *s)
{
	if (!*s)
		return true;
	for (size_t i = 0; i < sizeof(severities) / sizeof(severities[0]); i++)
		if (!strcmp(s, severities[i]))
			return true;
	return false;
}

/* Everything but the CIDR and the expiry. */
static int decode_fields(struct json_object *o, struct fleet_decision *d, struct gh_err *e)
{
	char action[16] = "";
	int64_t version;
	int err;

	if (!json_object_is_type(o, json_type_object))
		return gh_err_input(e, "expected a JSON object");
	err = get_int(o, "v", true, &version, e);
	if (!err && version != GH_FLEET_VERSION) {
		gh_err_field(e, "v");
		return gh_err_input(e, "v: version %lld, this host reads %d", (long long)version,
				    GH_FLEET_VERSION);
	}
	err = err ?: get_text(o, "action", true, action, sizeof(action), e);
	if (!err && strcmp(action, "block") && strcmp(action, "unblock")) {
		gh_err_field(e, "action");
		return gh_err_input(e, "action: expected block or unblock");
	}
	d->action = !strcmp(action, "block") ? FLEET_BLOCK : FLEET_UNBLOCK;
	err = err ?: get_text(o, "origin", true, d->origin, sizeof(d->origin), e);
	if (!err && !fleet_name_valid(d->origin)) {
		gh_err_field(e, "origin");
		return gh_err_input(e, "origin: expected a host name of [A-Za-z0-9._-]");
	}
	err = err ?: get_int(o, "decided_ms", false, &d->decided_ms, e);
	err = err ?: get_text(o, "policy", false, d->policy, sizeof(d->policy), e);
	err = err ?: get_text(o, "reason", false, d->reason, sizeof(d->reason), e);
	err = err ?: get_text(o, "severity", false, d->severity, sizeof(d->severity), e);
	if (!err && !severity_known(d->severity)) {
		gh_err_field(e, "severity");
		return gh_err_input(e, "severity: expected low, medium, high or critical");
	}
	return err;
}

static enum fleet_reject decode_cidr(struct json_object *o, const char *key,
				     struct fleet_decision *d, struct gh_err *e)
{
	char cidr[GH_CIDR_STRLEN + 1], want[GH_FLEET_KEY_MAX];

	if (get_text(o, "cidr", true, cidr, sizeof(cidr), e))
		return FLEET_BAD_MESSAGE;
	gh_err_field(e, "cidr");
	if (gh_cidr_parse(cidr, &d->cidr)) {
		gh_err_input(e, "cidr: expected an address or CIDR without host bits");
		return FLEET_BAD_CIDR;
	}
	if (key && (fleet_key(&d->cidr, want, sizeof(want)) || strcmp(key, want))) {
		gh_err_input(e, "cidr: %s is not the CIDR of its key", cidr);
		return FLEET_BAD_CIDR;
	}
	e->field[0] = '\0';
	return FLEET_OK;
}

static enum fleet_reject decode_expiry(struct json_object *o, int64_t now_s,
				       struct fleet_decision *d, struct gh_err *e)
{
	if (d->action == FLEET_UNBLOCK) {
		d->expires_at = 0;
		return FLEET_OK;
	}
	if (get_int(o, "expires_at", true, &d->expires_at, e))
		return FLEET_BAD_MESSAGE;
	gh_err_field(e, "expires_at");
	if (d->expires_at <= now_s) {
		gh_err_input(e, "expires_at: %lld is past (now %lld)", (long long)d->expires_at,
			     (long long)now_s);
		return FLEET_BAD_EXPIRY;
	}
	if (d->expires_at - now_s > (int64_t)(GH_FLEET_MAX_TTL_S + GH_FLEET_CLOCK_SLACK_S)) {
		gh_err_input(e, "expires_at: more than %llu days ahead",
			     GH_FLEET_MAX_TTL_S / 86400);
		return FLEET_BAD_EXPIRY;
	}
	e->field[0] = '\0';
	return FLEET_OK;
}

static bool only_space(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr(" \t\r\n", p[i]))
			return false;
	return true;
}

struct json_object *fleet_json_parse(const void *data, size_t len, size_t max, int depth,
				     struct gh_err *e)
{
	struct json_tokener *tok;
	struct json_object *o;

	if (len > max) {
		gh_err_input(e, "%zu bytes, more than %zu", len, max);
		return NULL;
	}
	/* NUL bytes would end the text early: the whole value must parse. */
	if (memchr(data, '\0', len)) {
		gh_err_input(e, "a NUL byte in the value");
		return NULL;
	}
	tok = json_tokener_new_ex(depth);
	if (!tok) {
		gh_err_sys(e, -ENOMEM, "parsing a fleet message");
		return NULL;
	}
	o = json_tokener_parse_ex(tok, data, (int)len);
	if (!o || json_tokener_get_error(tok) != json_tokener_success ||
	    !only_space((const char *)data + json_tokener_get_parse_end(tok),
			len - json_tokener_get_parse_end(tok))) {
		gh_err_input(e, "not one JSON value");
		json_object_put(o);
		o = NULL;
	}
	json_tokener_free(tok);
	return o;
}

enum fleet_reject fleet_decision_decode(const char *key, const void *data, size_t len,
					int64_t now_s, struct fleet_decision *out,
					struct gh_err *e)
{
	struct json_object *o;
	enum fleet_reject r = FLEET_BAD_MESSAGE;

	memset(out, 0, sizeof(*out));
	o = fleet_json_parse(data, len, GH_FLEET_MSG_MAX, FLEET_JSON_DEPTH, e);
	if (o && !decode_fields(o, out, e))
		r = decode_cidr(o, key, out, e);
	if (r == FLEET_OK)
		r = decode_expiry(o, now_s, out, e);
	json_object_put(o);
	return r;
}
