// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/escape.h"
#include "base/vec.h"
#include "daemon/fleet.h"

/* The watcher wakes this often to notice a reconnect or a stop. */
#define FLEET_POLL_MS 200
/* After a failed put or bind, wait this long before the next try. */
#define FLEET_RETRY_MS 500

#define FLEET_NET_FIELDS(X)                                                           \
	X(connects)          /* connections made, the first one and reconnects */    \
	X(disconnects)       /* connections lost */                                   \
	X(published)         /* decisions of this host acknowledged by the server */ \
	X(publish_errors)    /* puts refused or timed out (retried) */                \
	X(queue_overflow)    /* queued decisions dropped, oldest first, when full */ \
	X(received)          /* values read from the bucket, good or not */           \
	X(rejected_message)  /* not JSON, missing or mistyped fields, bad texts */    \
	X(rejected_cidr)     /* not a CIDR, host bits set, not the key's CIDR */     \
	X(rejected_expiry)   /* a block already expired, or too far ahead */          \
	X(watches)           /* watches of the bucket started (each one a catch-up) */\
	X(catch_up_entries)  /* values the last catch-up read */                      \
	X(catch_up_ms)       /* how long the last catch-up took */

struct fleet_net_stats {
#define GH_FLEET_MEMBER(name) uint64_t name;
	FLEET_NET_FIELDS(GH_FLEET_MEMBER)
#undef GH_FLEET_MEMBER
};

struct fleet {
	struct fleet_opts opts;
	char name[GH_FLEET_NAME_MAX];
	natsConnection *nc;
	jsCtx *js;
	kvStore *kv; /* bound by the watcher once connected; then read by the publisher */
	int event_fd;
	pthread_t watcher, publisher;
	bool started_watcher, started_publisher;

	pthread_mutex_t mu; /* everything below */
	pthread_cond_t wake;
	bool stop, connected, caught_up;
	bool closed; /* the library's last callback ran: f may go */
	uint64_t conn_gen; /* bumped on every (re)connect: the watch starts over */
	struct fleet_decision *out; /* ring of queued decisions */
	size_t out_head, out_len, out_cap;
	uint64_t out_popped; /* decisions taken off the head so far */
	struct fleet_incoming *in;
	size_t in_len, in_cap;
	struct fleet_net_stats st;
	char last_error[GH_ERR_MSG_MAX];
	char last_rejected[GH_ERR_MSG_MAX];
};

static void set_error(struct fleet *f, const char *msg)
{
	pthread_mutex_lock(&f->mu);
	snprintf(f->last_error, sizeof(f->last_error), "%s", msg);
	pthread_mutex_unlock(&f->mu);
}

/* Wait on the condition until woken or ms passed (caller holds mu). */
static void wait_ms(struct fleet *f, int ms)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	pthread_cond_timedwait(&f->wake, &f->mu, &ts);
}

/* NATS threads: only flags and counters change here, under mu. */
static void on_connected(natsConnection *nc, void *closure)
{
	struct fleet *f = closure;

	(void)nc;
	pthread_mutex_lock(&f->mu);
	f->connected = true;
	f->conn_gen++;
	f->st.connects++;
	f->last_error[0] = '\0';
	pthread_cond_broadcast(&f->wake);
	pthread_mutex_unlock(&f->mu);
}

static void on_disconnected(natsConnection *nc, void *closure)
{
	struct fleet *f = closure;

	(void)nc;
	pthread_mutex_lock(&f->mu);
	if (f->connected)
		f->st.disconnects++;
	f->connected = false;
	snprintf(f->last_error, sizeof(f->last_error), "disconnected from the server");
	pthread_mutex_unlock(&f->mu);
}

static void on_closed(natsConnection *nc, void *closure)
{
	struct fleet *f = closure;

	(void)nc;
	pthread_mutex_lock(&f->mu);
	f->connected = false;
	f->closed = true;
	pthread_cond_broadcast(&f->wake);
	pthread_mutex_unlock(&f->mu);
}

static void on_async_error(natsConnection *nc, natsSubscription *sub, natsStatus err,
			   void *closure)
{
	const char *text = NULL;

	(void)sub;
	if (natsConnection_GetLastError(nc, &text) == NATS_OK || !text)
		text = natsStatus_GetText(err);
	set_error(closure, text);
}

static void push_incoming(struct fleet *f, const struct fleet_decision *d, bool catch_up)
{
	uint64_t one = 1;
	bool was_empty;

	pthread_mutex_lock(&f->mu);
	was_empty = !f->in_len;
	if (!gh_vec_reserve((void **)&f->in, &f->in_cap, f->in_len, sizeof(*f->in), 64))
		f->in[f->in_len++] = (struct fleet_incoming){ .d = *d, .catch_up = catch_up };
	pthread_mutex_unlock(&f->mu);
	/* One wake-up per batch: the loop takes all that came meanwhile. */
	if (was_empty && write(f->event_fd, &one, sizeof(one)) < 0)
		set_error(f, "waking the event loop failed");
}

static void count_rejected(struct fleet *f, enum fleet_reject r, const struct gh_err *why,
			   const char *key)
{
	char shown[GH_FLEET_KEY_MAX * 4];

	pthread_mutex_lock(&f->mu);
	if (r == FLEET_BAD_CIDR)
		f->st.rejected_cidr++;
	else if (r == FLEET_BAD_EXPIRY)
		f->st.rejected_expiry++;
	else
		f->st.rejected_message++;
	/* Whoever published it chose the key: escaped, and cut. */
	key = key ? key : "";
	gh_escape_text(key, strnlen(key, GH_FLEET_KEY_MAX), shown, sizeof(shown));
	snprintf(f->last_rejected, sizeof(f->last_rejected), "key %.200s: %.800s", shown, why->msg);
	pthread_mutex_unlock(&f->mu);
}

static void take_entry(struct fleet *f, kvEntry *ent, bool catch_up)
{
	struct fleet_decision d;
	struct gh_err why = { 0 };
	enum fleet_reject r = fleet_entry_decode(ent, (int64_t)time(NULL), &d, &why);

	pthread_mutex_lock(&f->mu);
	f->st.received++;
	pthread_mutex_unlock(&f->mu);
	if (r == FLEET_OK)
		push_incoming(f, &d, catch_up);
	else
		count_rejected(f, r, &why, kvEntry_Key(ent));
}

/* Wait for a connection; then the bucket, bound once. False: stopping. */
static bool wait_ready(struct fleet *f, uint64_t *gen)
{
	struct gh_err e = { 0 };
	kvStore *kv = NULL;
	bool stop;

	pthread_mutex_lock(&f->mu);
	while (!f->stop && !f->connected)
		wait_ms(f, FLEET_POLL_MS);
	*gen = f->conn_gen;
	stop = f->stop;
	pthread_mutex_unlock(&f->mu);
	if (stop || f->kv)
		return !stop;
	if (fleet_bind_bucket(f->js, f->opts.bucket, true, &kv, &e))
		set_error(f, e.msg);
	pthread_mutex_lock(&f->mu);
	f->kv = kv;
	if (kv)
		pthread_cond_broadcast(&f->wake); /* the publisher may start */
	else
		wait_ms(f, FLEET_RETRY_MS);
	stop = f->stop;
	pthread_mutex_unlock(&f->mu);
	return !stop;
}

/* Whether the watch must start over (a reconnect) or end (a stop). */
static bool watch_over(struct fleet *f, uint64_t gen)
{
	bool over;

	pthread_mutex_lock(&f->mu);
	over = f->stop || f->conn_gen != gen;
	pthread_mutex_unlock(&f->mu);
	return over;
}

/*
 * One watch of the bucket: the latest value of every key (the catch-up,
 * ended by a NULL entry), then each new one. It starts over after every
 * reconnect: whatever changed meanwhile, a restarted server included, is
 * read again; the applier takes a decision already in force as a duplicate.
 */
static void watch_once(struct fleet *f, uint64_t gen)
{
	uint64_t start = gh_clock_ns(CLOCK_MONOTONIC), n = 0;
	struct gh_err e = { 0 };
	bool catch_up = true;
	kvWatcher *w = NULL;
	kvWatchOptions wo;
	natsStatus s;

	kvWatchOptions_Init(&wo);
	s = kvStore_WatchAll(&w, f->kv, &wo);
	if (s != NATS_OK) {
		fleet_nats_err(&e, s, "watching the fleet's bucket");
		set_error(f, e.msg);
		return;
	}
	pthread_mutex_lock(&f->mu);
	f->st.watches++;
	f->caught_up = false;
	pthread_mutex_unlock(&f->mu);
	while (!watch_over(f, gen)) {
		kvEntry *ent = NULL;

		s = kvWatcher_Next(&ent, w, FLEET_POLL_MS);
		if (s == NATS_TIMEOUT)
			continue;
		if (s != NATS_OK) {
			fleet_nats_err(&e, s, "watching the fleet's bucket");
			set_error(f, e.msg);
			break;
		}
		if (!ent) {
			pthread_mutex_lock(&f->mu);
			f->caught_up = true;
			f->st.catch_up_entries = n;
			f->st.catch_up_ms = (gh_clock_ns(CLOCK_MONOTONIC) - start) / 1000000;
			pthread_mutex_unlock(&f->mu);
			catch_up = false;
			continue;
		}
		n++;
		take_entry(f, ent, catch_up);
		kvEntry_Destroy(ent);
	}
	kvWatcher_Destroy(w);
}

static void *watcher_main(void *arg)
{
	struct fleet *f = arg;
	uint64_t gen;

	while (wait_ready(f, &gen)) {
		if (!f->kv)
			continue;
		watch_once(f, gen);
		pthread_mutex_lock(&f->mu);
		/* A watch that failed with the connection up: not in a tight loop. */
		if (!f->stop && f->conn_gen == gen)
			wait_ms(f, FLEET_RETRY_MS);
		pthread_mutex_unlock(&f->mu);
	}
	return NULL;
}

/* Send the head of the queue; it stays there until the server acknowledged it. */
static void *publisher_main(void *arg)
{
	struct fleet *f = arg;

	pthread_mutex_lock(&f->mu);
	while (!f->stop) {
		struct fleet_decision d;
		struct gh_err e = { 0 };
		uint64_t ticket;
		int err;

		if (!f->out_len || !f->connected || !f->kv) {
			wait_ms(f, FLEET_POLL_MS);
			continue;
		}
		d = f->out[f->out_head];
		ticket = f->out_popped;
		pthread_mutex_unlock(&f->mu);
		err = fleet_kv_put(f->kv, &d, &e);
		pthread_mutex_lock(&f->mu);
		if (err) {
			f->st.publish_errors++;
			snprintf(f->last_error, sizeof(f->last_error), "%s", e.msg);
			wait_ms(f, FLEET_RETRY_MS);
			continue;
		}
		f->st.published++;
		/* Unless an overflow already dropped it while we were sending. */
		if (f->out_popped == ticket && f->out_len) {
			f->out_head = (f->out_head + 1) % f->out_cap;
			f->out_len--;
			f->out_popped++;
		}
	}
	pthread_mutex_unlock(&f->mu);
	return NULL;
}

void fleet_publish(struct fleet *f, const struct fleet_decision *d)
{
	struct fleet_decision *slot;

	pthread_mutex_lock(&f->mu);
	if (f->out_len == f->out_cap) {
		f->out_head = (f->out_head + 1) % f->out_cap;
		f->out_len--;
		f->out_popped++;
		f->st.queue_overflow++;
	}
	slot = &f->out[(f->out_head + f->out_len++) % f->out_cap];
	*slot = *d;
	snprintf(slot->origin, sizeof(slot->origin), "%s", f->name);
	slot->decided_ms = (int64_t)(gh_clock_ns(CLOCK_REALTIME) / 1000000);
	pthread_cond_broadcast(&f->wake);
	pthread_mutex_unlock(&f->mu);
}

static int setup_name(struct fleet *f, const char *name, struct gh_err *e)
{
	char host[256];

	if (!name) {
		if (gethostname(host, sizeof(host)))
			return gh_err_sys(e, -errno, "reading the host name for --fleet-name");
		host[sizeof(host) - 1] = '\0';
		name = host;
	}
	if (!fleet_name_valid(name)) {
		gh_err_field(e, "--fleet-name");
		return gh_err_input(e, "--fleet-name '%.80s': expected 1 to %d characters of "
				       "[A-Za-z0-9._-]",
				    name, GH_FLEET_NAME_MAX - 1);
	}
	snprintf(f->name, sizeof(f->name), "%.*s", GH_FLEET_NAME_MAX - 1, name);
	return 0;
}

/* The connection: now if the server answers, else in the background (fail-local). */
static int connect_fleet(struct fleet *f, struct gh_err *e)
{
	struct fleet_opts named = f->opts;
	natsOptions *opts;
	jsOptions jo;
	natsStatus s;
	int err;

	named.name = f->name;
	err = fleet_nats_options(&named, &opts, e);
	if (err)
		return err;
	natsOptions_SetRetryOnFailedConnect(opts, true, on_connected, f);
	natsOptions_SetReconnectedCB(opts, on_connected, f);
	natsOptions_SetDisconnectedCB(opts, on_disconnected, f);
	natsOptions_SetErrorHandler(opts, on_async_error, f);
	natsOptions_SetClosedCB(opts, on_closed, f);
	s = natsConnection_Connect(&f->nc, opts);
	natsOptions_Destroy(opts);
	if (s == NATS_OK)
		on_connected(f->nc, f);
	else if (s == NATS_NOT_YET_CONNECTED)
		set_error(f, "not connected yet: the server does not answer");
	else
		return fleet_nats_err(e, s, "--fleet %s", f->opts.url);
	jsOptions_Init(&jo);
	jo.Wait = GH_FLEET_WAIT_MS;
	s = natsConnection_JetStream(&f->js, f->nc, &jo);
	return s == NATS_OK ? 0 : fleet_nats_err(e, s, "JetStream on %s", f->opts.url);
}

struct fleet *fleet_start(const struct fleet_opts *o, struct gh_err *e)
{
	struct fleet *f = calloc(1, sizeof(*f));
	pthread_condattr_t ca;
	int err;

	if (!f) {
		gh_err_sys(e, -ENOMEM, "starting fleet mode");
		return NULL;
	}
	f->opts = *o;
	f->opts.bucket = o->bucket ?: GH_FLEET_BUCKET;
	f->out_cap = o->queue_max ?: GH_FLEET_QUEUE_DEFAULT;
	f->event_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	pthread_mutex_init(&f->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&f->wake, &ca);
	pthread_condattr_destroy(&ca);
	f->out = calloc(f->out_cap, sizeof(*f->out));
	if (f->event_fd < 0 || !f->out)
		err = gh_err_sys(e, f->event_fd < 0 ? -errno : -ENOMEM, "starting fleet mode");
	else
		err = setup_name(f, o->name, e);
	err = err ?: connect_fleet(f, e);
	if (!err) {
		err = -pthread_create(&f->watcher, NULL, watcher_main, f);
		f->started_watcher = !err;
	}
	if (!err) {
		err = -pthread_create(&f->publisher, NULL, publisher_main, f);
		f->started_publisher = !err;
		if (err)
			gh_err_sys(e, err, "starting the fleet's threads");
	}
	if (err) {
		fleet_stop(f);
		return NULL;
	}
	return f;
}

void fleet_stop(struct fleet *f)
{
	if (!f)
		return;
	pthread_mutex_lock(&f->mu);
	f->stop = true;
	pthread_cond_broadcast(&f->wake);
	pthread_mutex_unlock(&f->mu);
	if (f->started_watcher)
		pthread_join(f->watcher, NULL);
	if (f->started_publisher)
		pthread_join(f->publisher, NULL);
	kvStore_Destroy(f->kv);
	jsCtx_Destroy(f->js);
	if (f->nc) {
		/* Callbacks run on the library's thread: the closed one is the last. */
		natsConnection_Close(f->nc);
		pthread_mutex_lock(&f->mu);
		for (int i = 0; !f->closed && i < GH_FLEET_WAIT_MS / FLEET_POLL_MS; i++)
			wait_ms(f, FLEET_POLL_MS);
		pthread_mutex_unlock(&f->mu);
	}
	natsConnection_Destroy(f->nc);
	if (f->event_fd >= 0)
		close(f->event_fd);
	pthread_cond_destroy(&f->wake);
	pthread_mutex_destroy(&f->mu);
	free(f->out);
	free(f->in);
	free(f);
}

const char *fleet_name(const struct fleet *f)
{
	return f->name;
}

jsCtx *fleet_js(const struct fleet *f)
{
	return f->js;
}

uint64_t fleet_connection(struct fleet *f)
{
	uint64_t gen;

	pthread_mutex_lock(&f->mu);
	gen = f->connected ? f->conn_gen : 0;
	pthread_mutex_unlock(&f->mu);
	return gen;
}

int fleet_fd(const struct fleet *f)
{
	return f->event_fd;
}

void fleet_drain(struct fleet *f, void (*fn)(const struct fleet_incoming *in, void *ctx),
		 void *ctx)
{
	struct fleet_incoming *batch;
	uint64_t count;
	size_t n;

	if (read(f->event_fd, &count, sizeof(count)) < 0 && errno != EAGAIN)
		return;
	pthread_mutex_lock(&f->mu);
	batch = f->in;
	n = f->in_len;
	f->in = NULL;
	f->in_len = f->in_cap = 0;
	pthread_mutex_unlock(&f->mu);
	for (size_t i = 0; i < n; i++)
		fn(&batch[i], ctx);
	free(batch);
}

struct json_object *fleet_stats_json(struct fleet *f)
{
	struct json_object *o = json_object_new_object();

	pthread_mutex_lock(&f->mu);
	json_object_object_add(o, "name", json_object_new_string(f->name));
	json_object_object_add(o, "url", json_object_new_string(f->opts.url));
	json_object_object_add(o, "bucket", json_object_new_string(f->opts.bucket));
	json_object_object_add(o, "connected", json_object_new_boolean(f->connected));
	json_object_object_add(o, "caught_up", json_object_new_boolean(f->caught_up));
	json_object_object_add(o, "queue", json_object_new_uint64(f->out_len));
	json_object_object_add(o, "queue_max", json_object_new_uint64(f->out_cap));
#define GH_PUT_NET(name) json_object_object_add(o, #name, json_object_new_uint64(f->st.name));
	FLEET_NET_FIELDS(GH_PUT_NET)
#undef GH_PUT_NET
	json_object_object_add(o, "last_error", f->last_error[0]
				? json_object_new_string(f->last_error) : NULL);
	json_object_object_add(o, "last_rejected", f->last_rejected[0]
				? json_object_new_string(f->last_rejected) : NULL);
	pthread_mutex_unlock(&f->mu);
	return o;
}
