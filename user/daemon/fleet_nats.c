// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "daemon/fleet_nats.h"

/* Reconnect attempts are spaced this much; -1 attempts: forever. */
#define FLEET_RECONNECT_WAIT_MS 500

static int errno_of(natsStatus s)
{
	switch (s) {
	case NATS_TIMEOUT:
		return -ETIMEDOUT;
	case NATS_NOT_FOUND:
		return -ENOENT;
	case NATS_NO_MEMORY:
		return -ENOMEM;
	case NATS_NO_SERVER:
	case NATS_CONNECTION_CLOSED:
	case NATS_CONNECTION_DISCONNECTED:
	case NATS_NOT_YET_CONNECTED:
		return -ECONNREFUSED;
	case NATS_NOT_PERMITTED:
	case NATS_CONNECTION_AUTH_FAILED:
		return -EACCES;
	default:
		return -EIO;
	}
}

int fleet_nats_err(struct gh_err *e, natsStatus s, const char *fmt, ...)
{
	const char *detail = nats_GetLastError(NULL);
	char what[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	/* The library's own text names the file or the server's refusal. */
	if (detail && *detail && !strstr(detail, natsStatus_GetText(s)))
		return gh_err_fail(e, errno_of(s), "%s: %s (%s)", what, natsStatus_GetText(s),
				   detail);
	return gh_err_fail(e, errno_of(s), "%s: %s", what, natsStatus_GetText(s));
}

int fleet_nats_options(const struct fleet_opts *o, natsOptions **out, struct gh_err *e)
{
	natsOptions *opts = NULL;
	natsStatus s = natsOptions_Create(&opts);

	s = s ?: natsOptions_SetURL(opts, o->url);
	if (s != NATS_OK) {
		natsOptions_Destroy(opts);
		return fleet_nats_err(e, s, "--fleet %s", o->url);
	}
	if (o->name)
		natsOptions_SetName(opts, o->name);
	if (o->creds && (s = natsOptions_SetUserCredentialsFromFiles(opts, o->creds, NULL))) {
		natsOptions_Destroy(opts);
		return fleet_nats_err(e, s, "--fleet-creds %s", o->creds);
	}
	for (int i = 0; i < o->n_tls_ca; i++) {
		s = natsOptions_SetSecure(opts, true);
		s = s ?: natsOptions_LoadCATrustedCertificates(opts, o->tls_ca[i]);
		if (s != NATS_OK) {
			natsOptions_Destroy(opts);
			return fleet_nats_err(e, s, "--fleet-tls-ca %s", o->tls_ca[i]);
		}
	}
	natsOptions_SetMaxReconnect(opts, -1);
	natsOptions_SetReconnectWait(opts, FLEET_RECONNECT_WAIT_MS);
	natsOptions_SetTimeout(opts, GH_FLEET_WAIT_MS);
	*out = opts;
	return 0;
}

int fleet_bind_bucket(jsCtx *js, const char *bucket, bool create, kvStore **kv,
		      struct gh_err *e)
{
	kvConfig cfg;
	natsStatus s = js_KeyValue(kv, js, bucket);

	if (s == NATS_OK)
		return 0;
	if (s != NATS_NOT_FOUND || !create)
		return fleet_nats_err(e, s, "binding the fleet's bucket %s", bucket);
	kvConfig_Init(&cfg);
	cfg.Bucket = bucket;
	cfg.Description = "gatehawk block decisions, one per CIDR";
	cfg.History = 1;
	/* The stream's MaxAge as is: nanoseconds (not the milliseconds of Wait). */
	cfg.TTL = (int64_t)GH_FLEET_MAX_TTL_S * 1000000000LL;
	cfg.MaxValueSize = GH_FLEET_MSG_MAX;
	cfg.StorageType = js_FileStorage;
	s = js_CreateKeyValue(kv, js, &cfg);
	return s == NATS_OK ? 0 : fleet_nats_err(e, s, "creating the fleet's bucket %s", bucket);
}

enum fleet_reject fleet_entry_decode(kvEntry *ent, int64_t now_s, struct fleet_decision *d,
				     struct gh_err *e)
{
	const char *key = kvEntry_Key(ent);

	if (kvEntry_Operation(ent) == kvOp_Put)
		return fleet_decision_decode(key, kvEntry_Value(ent),
					     (size_t)kvEntry_ValueLen(ent), now_s, d, e);
	memset(d, 0, sizeof(*d));
	d->action = FLEET_UNBLOCK;
	if (fleet_key_parse(key, &d->cidr)) {
		gh_err_input(e, "a delete marker on a key that is not a CIDR");
		return FLEET_BAD_CIDR;
	}
	return FLEET_OK;
}

int fleet_kv_put(kvStore *kv, const struct fleet_decision *d, struct gh_err *e)
{
	char key[GH_FLEET_KEY_MAX], value[GH_FLEET_MSG_MAX];
	int n = fleet_decision_encode(d, value, sizeof(value));
	natsStatus s;

	if (n < 0 || fleet_key(&d->cidr, key, sizeof(key)))
		return gh_err_fail(e, -ENOSPC, "a decision too long to encode");
	s = kvStore_Put(NULL, kv, key, value, n);
	return s == NATS_OK ? 0 : fleet_nats_err(e, s, "publishing %s", key);
}

int fleet_client_open(const struct fleet_opts *o, bool create, struct fleet_client *c,
		      struct gh_err *e)
{
	natsOptions *opts;
	jsOptions jo;
	natsStatus s;
	int err;

	memset(c, 0, sizeof(*c));
	err = fleet_nats_options(o, &opts, e);
	if (err)
		return err;
	s = natsConnection_Connect(&c->nc, opts);
	natsOptions_Destroy(opts);
	if (s != NATS_OK)
		return fleet_nats_err(e, s, "connecting to %s", o->url);
	jsOptions_Init(&jo);
	jo.Wait = GH_FLEET_WAIT_MS;
	s = natsConnection_JetStream(&c->js, c->nc, &jo);
	if (s != NATS_OK)
		return fleet_nats_err(e, s, "JetStream on %s", o->url);
	return fleet_bind_bucket(c->js, o->bucket ?: GH_FLEET_BUCKET, create, &c->kv, e);
}

void fleet_client_close(struct fleet_client *c)
{
	kvStore_Destroy(c->kv);
	jsCtx_Destroy(c->js);
	natsConnection_Destroy(c->nc);
	memset(c, 0, sizeof(*c));
}

int fleet_client_walk(struct fleet_client *c, fleet_visit_fn fn, void *ctx, struct gh_err *e)
{
	kvWatcher *w = NULL;
	kvWatchOptions wo;
	kvEntry *ent = NULL;
	natsStatus s;
	int ret = 0;

	kvWatchOptions_Init(&wo);
	wo.IgnoreDeletes = true; /* nothing in force under a delete marker */
	s = kvStore_WatchAll(&w, c->kv, &wo);
	if (s != NATS_OK)
		return fleet_nats_err(e, s, "reading the fleet's bucket");
	/* The initial values end with a NULL entry; an empty bucket gives it at once. */
	while (!ret && (s = kvWatcher_Next(&ent, w, GH_FLEET_WAIT_MS)) == NATS_OK && ent) {
		struct fleet_decision d;
		struct gh_err why = { 0 };
		enum fleet_reject r = fleet_entry_decode(ent, (int64_t)time(NULL), &d, &why);

		ret = fn(&d, r, &why, ctx);
		kvEntry_Destroy(ent);
	}
	if (!ret && s != NATS_OK)
		ret = fleet_nats_err(e, s, "reading the fleet's bucket");
	kvWatcher_Destroy(w);
	return ret;
}
