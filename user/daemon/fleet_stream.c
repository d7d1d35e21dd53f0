// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/clock.h"
#include "daemon/fleet_stream.h"
#include "engine/engine.h"

/* The thread wakes this often: a stop, a reconnect, a flush. */
#define STREAM_POLL_MS 200
/* Decisions one summary may yield before the next summary's turn. */
#define DECISIONS_PER_SUMMARY 64

struct fleet_stream {
	struct fleet *fleet;
	struct fleet_detect *detect;
	pthread_t thread;
	atomic_bool stop;
	natsSubscription *sub;
	uint64_t sub_gen;  /* the connection sub was made on */
	char subject[sizeof(GH_FLEET_SUMMARY_SUBJECT) + GH_FLEET_NAME_MAX];
	pthread_mutex_t mu; /* last_error */
	char last_error[GH_ERR_MSG_MAX];
	/* Scratch of the thread: a summary is 20 KB. */
	struct fleet_summary in, out;
	char buf[GH_FLEET_SUMMARY_MSG_MAX];
};

static int64_t wall_s(void)
{
	return (int64_t)(gh_clock_ns(CLOCK_REALTIME) / 1000000000ULL);
}

static void set_error(struct fleet_stream *fs, const struct gh_err *e)
{
	pthread_mutex_lock(&fs->mu);
	snprintf(fs->last_error, sizeof(fs->last_error), "%s", e->msg);
	pthread_mutex_unlock(&fs->mu);
}

/* The stream, made when missing (every host may be the first). */
static int ensure_stream(jsCtx *js, struct gh_err *e)
{
	static const char *subjects[] = { GH_FLEET_SUMMARY_SUBJECT ".>" };
	jsStreamInfo *si = NULL;
	jsStreamConfig cfg;
	jsErrCode jerr = 0;
	natsStatus s = js_GetStreamInfo(&si, js, GH_FLEET_SUMMARY_STREAM, NULL, &jerr);

	jsStreamInfo_Destroy(si);
	if (s == NATS_OK)
		return 0;
	if (s != NATS_NOT_FOUND && jerr != JSStreamNotFoundErr)
		return fleet_nats_err(e, s, "reading the stream %s", GH_FLEET_SUMMARY_STREAM);
	jsStreamConfig_Init(&cfg);
	cfg.Name = GH_FLEET_SUMMARY_STREAM;
	cfg.Description = "gatehawk per-source match counts of fleet-scope policies";
	cfg.Subjects = subjects;
	cfg.SubjectsLen = 1;
	cfg.MaxAge = (int64_t)POLICY_FLEET_MAX_WINDOW_S * 1000000000LL; /* nanoseconds */
	cfg.MaxBytes = GH_FLEET_SUMMARY_STREAM_BYTES;
	cfg.MaxMsgSize = GH_FLEET_SUMMARY_MSG_MAX;
	cfg.Discard = js_DiscardOld;
	cfg.Storage = js_FileStorage;
	s = js_AddStream(&si, js, &cfg, NULL, &jerr);
	jsStreamInfo_Destroy(si);
	/* Another host made it meanwhile: as good. */
	if (s == NATS_OK || jerr == JSStreamNameExistErr)
		return 0;
	return fleet_nats_err(e, s, "creating the stream %s", GH_FLEET_SUMMARY_STREAM);
}

/* Every summary of the stream from its start, then each new one. */
static int subscribe(struct fleet_stream *fs, uint64_t gen, struct gh_err *e)
{
	jsCtx *js = fleet_js(fs->fleet);
	jsSubOptions so;
	jsErrCode jerr = 0;
	natsStatus s;
	int err;

	natsSubscription_Destroy(fs->sub);
	fs->sub = NULL;
	err = ensure_stream(js, e);
	if (err)
		return err;
	jsSubOptions_Init(&so);
	so.Stream = GH_FLEET_SUMMARY_STREAM;
	so.Ordered = true;
	so.Config.DeliverPolicy = js_DeliverAll;
	s = js_SubscribeSync(&fs->sub, js, GH_FLEET_SUMMARY_SUBJECT ".>", NULL, &so, &jerr);
	if (s != NATS_OK)
		return fleet_nats_err(e, s, "reading the stream %s", GH_FLEET_SUMMARY_STREAM);
	fs->sub_gen = gen;
	return 0;
}

static void take_message(struct fleet_stream *fs, natsMsg *m)
{
	struct fleet_decision d[DECISIONS_PER_SUMMARY];
	struct gh_err why = { 0 };
	int64_t now = wall_s();
	enum fleet_reject r;
	size_t n;

	r = fleet_summary_decode(natsMsg_GetSubject(m), natsMsg_GetData(m),
				 (size_t)natsMsg_GetDataLength(m), now, &fs->in, &why);
	if (r != FLEET_OK) {
		fleet_detect_rejected(fs->detect, r);
		return;
	}
	n = fleet_detect_merge(fs->detect, &fs->in, now, d, DECISIONS_PER_SUMMARY);
	for (size_t i = 0; i < n; i++)
		fleet_publish(fs->fleet, &d[i]);
}

/* This host's changed counts, a message per GH_FLEET_SUMMARY_MAX_COUNTS. */
static void flush(struct fleet_stream *fs)
{
	jsCtx *js = fleet_js(fs->fleet);

	for (;;) {
		struct gh_err e = { 0 };
		jsErrCode jerr = 0;
		natsStatus s;
		int len;

		fleet_detect_take(fs->detect, &fs->out);
		if (!fs->out.n)
			return;
		snprintf(fs->out.origin, sizeof(fs->out.origin), "%s", fleet_name(fs->fleet));
		fs->out.sent_ms = (int64_t)(gh_clock_ns(CLOCK_REALTIME) / 1000000);
		len = fleet_summary_encode(&fs->out, fs->buf, sizeof(fs->buf));
		s = len < 0 ? NATS_INSUFFICIENT_BUFFER
			    : js_Publish(NULL, js, fs->subject, fs->buf, len, NULL, &jerr);
		if (s != NATS_OK) {
			fleet_nats_err(&e, s, "publishing a summary");
			set_error(fs, &e);
			fleet_detect_unsent(fs->detect, &fs->out);
			return;
		}
		fleet_detect_sent(fs->detect, &fs->out, (size_t)len);
	}
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static void *stream_main(void *arg)
{
	struct fleet_stream *fs = arg;
	uint64_t next_flush = 0;

	while (!atomic_load(&fs->stop)) {
		uint64_t gen = fleet_connection(fs->fleet), now_ms;
		struct gh_err e = { 0 };
		natsMsg *m = NULL;
		natsStatus s;

		if (!gen || !fleet_detect_active(fs->detect)) {
			sleep_ms(STREAM_POLL_MS);
			continue;
		}
		if (gen != fs->sub_gen && subscribe(fs, gen, &e)) {
			set_error(fs, &e);
			sleep_ms(STREAM_POLL_MS);
			continue;
		}
		s = natsSubscription_NextMsg(&m, fs->sub, STREAM_POLL_MS);
		if (s == NATS_OK)
			take_message(fs, m);
		else if (s != NATS_TIMEOUT) {
			fleet_nats_err(&e, s, "reading the stream %s", GH_FLEET_SUMMARY_STREAM);
			set_error(fs, &e);
			fs->sub_gen = 0; /* made again on the next turn, not at once */
			sleep_ms(STREAM_POLL_MS);
		}
		natsMsg_Destroy(m);
		now_ms = gh_clock_ns(CLOCK_MONOTONIC) / 1000000;
		if (now_ms >= next_flush) {
			flush(fs);
			fleet_detect_expire(fs->detect, wall_s());
			next_flush = now_ms + GH_FLEET_SUMMARY_FLUSH_MS;
		}
	}
	return NULL;
}

struct fleet_stream *fleet_stream_start(struct fleet *f, const struct policy_set *ps,
					struct gh_err *e)
{
	struct fleet_stream *fs = calloc(1, sizeof(*fs));
	int err;

	if (!fs || !(fs->detect = fleet_detect_new())) {
		free(fs);
		gh_err_sys(e, -ENOMEM, "starting fleet detection");
		return NULL;
	}
	fs->fleet = f;
	pthread_mutex_init(&fs->mu, NULL);
	snprintf(fs->subject, sizeof(fs->subject), "%s.%s", GH_FLEET_SUMMARY_SUBJECT,
		 fleet_name(f));
	err = fleet_detect_set_policies(fs->detect, ps);
	err = err ?: -pthread_create(&fs->thread, NULL, stream_main, fs);
	if (err) {
		gh_err_sys(e, err, "starting fleet detection");
		fleet_detect_free(fs->detect);
		pthread_mutex_destroy(&fs->mu);
		free(fs);
		return NULL;
	}
	return fs;
}

void fleet_stream_stop(struct fleet_stream *fs)
{
	if (!fs)
		return;
	atomic_store(&fs->stop, true);
	pthread_join(fs->thread, NULL);
	natsSubscription_Destroy(fs->sub);
	fleet_detect_free(fs->detect);
	pthread_mutex_destroy(&fs->mu);
	free(fs);
}

int fleet_stream_set_policies(struct fleet_stream *fs, const struct policy_set *ps)
{
	return fleet_detect_set_policies(fs->detect, ps);
}

void fleet_stream_note(struct fleet_stream *fs, const struct verdict *v)
{
	if (v->has_src)
		fleet_detect_note(fs->detect, v->policy->name, &v->scope, wall_s());
}

void fleet_stream_stats_json(struct fleet_stream *fs, struct json_object *o)
{
	fleet_detect_stats_json(fs->detect, o);
	pthread_mutex_lock(&fs->mu);
	json_object_object_add(o, "summary_last_error", fs->last_error[0]
				? json_object_new_string(fs->last_error) : NULL);
	pthread_mutex_unlock(&fs->mu);
}
