// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <curl/curl.h>

#include "base/clock.h"
#include "daemon/webhook.h"

/* A queued line and the id its every try carries. */
struct item {
	char *body;
	uint64_t seq;
};

struct webhook {
	struct webhook_opts o;
	CURL *curl;               /* the worker's; NULL with a caller's send */
	pthread_t thread;
	bool started;
	pthread_mutex_t mu;       /* guards everything below */
	pthread_cond_t cv;        /* on CLOCK_MONOTONIC: a new line, or stop */
	struct item *queue;       /* a ring of queue_max: head, count */
	uint32_t head, count;
	uint64_t next_seq;
	bool stopping;
	uint64_t stop_by_ns;      /* monotonic: the drain's end */
	char id_prefix[48];
	struct webhook_stats stats;
	char last_error[128];
};

void webhook_opts_default(struct webhook_opts *o, const char *url)
{
	*o = (struct webhook_opts){ .url = url,
				    .queue_max = GH_WEBHOOK_QUEUE,
				    .max_tries = GH_WEBHOOK_TRIES,
				    .backoff_ms = GH_WEBHOOK_BACKOFF_MS,
				    .backoff_max_ms = GH_WEBHOOK_BACKOFF_MAX_MS,
				    .timeout_ms = GH_WEBHOOK_TIMEOUT_MS,
				    .drain_ms = GH_WEBHOOK_DRAIN_MS };
}

enum webhook_outcome webhook_classify(int transport_err, long status)
{
	if (transport_err || status < 200)
		return WEBHOOK_RETRY;
	if (status < 300)
		return WEBHOOK_DELIVERED;
	/* Timeout, too early, too many requests, the server's trouble: it may take it later. */
	if (status == 408 || status == 425 || status == 429 || status >= 500)
		return WEBHOOK_RETRY;
	return WEBHOOK_REJECTED;
}

uint64_t webhook_backoff_ms(const struct webhook_opts *o, uint32_t retry)
{
	uint64_t ms = o->backoff_ms;

	for (uint32_t i = 1; i < retry && ms < o->backoff_max_ms; i++)
		ms *= 2;
	return ms < o->backoff_max_ms ? ms : o->backoff_max_ms;
}

static size_t discard_body(char *data, size_t size, size_t n, void *ctx)
{
	(void)data;
	(void)ctx;
	return size * n;
}

/* The libcurl transport: one POST on the worker's handle (connections are kept). */
static int curl_send(void *ctx, struct webhook_request *req, long *status)
{
	struct webhook *w = ctx;
	char id_header[96];
	struct curl_slist *headers;
	CURLcode rc;

	snprintf(id_header, sizeof(id_header), "X-Gatehawk-Delivery: %s", req->id);
	headers = curl_slist_append(NULL, "Content-Type: application/json");
	if (headers && !curl_slist_append(headers, id_header)) {
		curl_slist_free_all(headers);
		headers = NULL;
	}
	if (!headers) {
		snprintf(req->error, sizeof(req->error), "out of memory");
		return -ENOMEM;
	}
	curl_easy_setopt(w->curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(w->curl, CURLOPT_POSTFIELDS, req->body);
	curl_easy_setopt(w->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)req->len);
	rc = curl_easy_perform(w->curl);
	curl_easy_setopt(w->curl, CURLOPT_HTTPHEADER, NULL);
	curl_slist_free_all(headers);
	if (rc != CURLE_OK) {
		snprintf(req->error, sizeof(req->error), "%s", curl_easy_strerror(rc));
		return -EIO;
	}
	curl_easy_getinfo(w->curl, CURLINFO_RESPONSE_CODE, status);
	return 0;
}

int webhook_check_url(const char *url, struct gh_err *e)
{
	CURLU *u = curl_url();
	char *scheme = NULL;
	bool ok;

	if (!u)
		return gh_err_sys(e, -ENOMEM, "--webhook");
	ok = !curl_url_set(u, CURLUPART_URL, url, 0) &&
	     !curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) &&
	     (!strcmp(scheme, "http") || !strcmp(scheme, "https"));
	curl_free(scheme);
	curl_url_cleanup(u);
	return ok ? 0 : gh_err_input(e, "--webhook %s: expected an http:// or https:// URL", url);
}

static int curl_setup(struct webhook *w, struct gh_err *e)
{
	int err = webhook_check_url(w->o.url, e);

	if (err)
		return err;
	if (w->o.send)
		return 0;
	/* Before any thread of ours: curl_global_init is not thread-safe. */
	if (curl_global_init(CURL_GLOBAL_DEFAULT))
		return gh_err_fail(e, -EIO, "--webhook: libcurl failed to start");
	w->curl = curl_easy_init();
	if (!w->curl)
		return gh_err_sys(e, -ENOMEM, "--webhook");
	curl_easy_setopt(w->curl, CURLOPT_URL, w->o.url);
	curl_easy_setopt(w->curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(w->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(w->curl, CURLOPT_TIMEOUT_MS, (long)w->o.timeout_ms);
	curl_easy_setopt(w->curl, CURLOPT_USERAGENT, "gatehawk");
	curl_easy_setopt(w->curl, CURLOPT_WRITEFUNCTION, discard_body);
	w->o.send = curl_send;
	w->o.send_ctx = w;
	return 0;
}

static uint64_t mono_ns(void)
{
	return gh_clock_ns(CLOCK_MONOTONIC);
}

/* Wait on the condition until deadline_ns (monotonic) at most; called locked. */
static void wait_until(struct webhook *w, uint64_t deadline_ns)
{
	struct timespec ts = { (time_t)(deadline_ns / 1000000000ULL),
			       (long)(deadline_ns % 1000000000ULL) };

	pthread_cond_timedwait(&w->cv, &w->mu, &ts);
}

/* Past the drain's end: what is left is abandoned. Called locked. */
static bool out_of_time(const struct webhook *w)
{
	return w->stopping && mono_ns() >= w->stop_by_ns;
}

/*
 * Try the head line until it is delivered, rejected or out of tries (or
 * the drain ends). Called locked; unlocks around each try and wait.
 */
static void send_head(struct webhook *w)
{
	struct item *it = &w->queue[w->head];
	struct webhook_request req = { .body = it->body, .len = strlen(it->body) };
	char id[sizeof(w->id_prefix) + 24];

	snprintf(id, sizeof(id), "%s-%llu", w->id_prefix, (unsigned long long)it->seq);
	req.id = id;
	for (uint32_t tries = 1;; tries++) {
		enum webhook_outcome out;
		uint64_t retry_at;
		long status = 0;
		int err;

		pthread_mutex_unlock(&w->mu);
		req.error[0] = '\0';
		err = w->o.send(w->o.send_ctx, &req, &status);
		pthread_mutex_lock(&w->mu);
		out = webhook_classify(err, status);
		if (out == WEBHOOK_DELIVERED) {
			w->stats.delivered++;
			return;
		}
		if (err)
			snprintf(w->last_error, sizeof(w->last_error), "%s",
				 req.error[0] ? req.error : strerror(-err));
		else
			snprintf(w->last_error, sizeof(w->last_error), "HTTP %ld", status);
		if (out == WEBHOOK_REJECTED) {
			w->stats.rejected++;
			return;
		}
		if (tries >= w->o.max_tries) {
			w->stats.failed++;
			return;
		}
		retry_at = mono_ns() + webhook_backoff_ms(&w->o, tries) * 1000000ULL;
		while (mono_ns() < retry_at && !out_of_time(w))
			wait_until(w, w->stopping && w->stop_by_ns < retry_at ? w->stop_by_ns
									      : retry_at);
		if (out_of_time(w)) {
			w->stats.abandoned++;
			return;
		}
		w->stats.retries++;
	}
}

static void pop_head(struct webhook *w)
{
	free(w->queue[w->head].body);
	w->queue[w->head].body = NULL;
	w->head = (w->head + 1) % w->o.queue_max;
	w->count--;
}

static void *worker(void *arg)
{
	struct webhook *w = arg;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (!w->count && !w->stopping)
			pthread_cond_wait(&w->cv, &w->mu);
		if (!w->count || out_of_time(w))
			break;
		send_head(w);
		pop_head(w);
	}
	for (; w->count; pop_head(w))
		w->stats.abandoned++;
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

static int start_worker(struct webhook *w)
{
	pthread_condattr_t ca;
	int err;

	pthread_mutex_init(&w->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&w->cv, &ca);
	pthread_condattr_destroy(&ca);
	err = pthread_create(&w->thread, NULL, worker, w);
	w->started = !err;
	return -err;
}

struct webhook *webhook_new(const struct webhook_opts *o, struct gh_err *e)
{
	struct webhook *w = calloc(1, sizeof(*w));
	int err;

	if (!w) {
		gh_err_sys(e, -ENOMEM, "--webhook");
		return NULL;
	}
	w->o = *o;
	w->queue = calloc(o->queue_max ? o->queue_max : 1, sizeof(*w->queue));
	snprintf(w->id_prefix, sizeof(w->id_prefix), "%d-%llu", (int)getpid(),
		 (unsigned long long)(gh_clock_ns(CLOCK_REALTIME) / 1000000ULL));
	err = w->queue && o->queue_max && o->max_tries ? 0 : gh_err_sys(e, -EINVAL, "--webhook");
	err = err ?: curl_setup(w, e);
	if (!err && (err = start_worker(w)))
		gh_err_sys(e, err, "starting the webhook worker");
	if (err) {
		webhook_free(w);
		return NULL;
	}
	return w;
}

int webhook_post(struct webhook *w, const char *body)
{
	char *copy = strdup(body);
	int err = 0;

	pthread_mutex_lock(&w->mu);
	if (!copy || w->count == w->o.queue_max) {
		w->stats.dropped++;
		err = copy ? -ENOSPC : -ENOMEM;
		free(copy);
	} else {
		w->queue[(w->head + w->count) % w->o.queue_max] =
			(struct item){ copy, w->next_seq++ };
		w->count++;
		w->stats.queued++;
		pthread_cond_signal(&w->cv);
	}
	pthread_mutex_unlock(&w->mu);
	return err;
}

void webhook_get_stats(struct webhook *w, struct webhook_stats *out, char *last_error,
		       size_t len)
{
	pthread_mutex_lock(&w->mu);
	*out = w->stats;
	if (last_error)
		snprintf(last_error, len, "%s", w->last_error);
	pthread_mutex_unlock(&w->mu);
}

uint32_t webhook_pending(struct webhook *w)
{
	uint32_t n;

	pthread_mutex_lock(&w->mu);
	n = w->count;
	pthread_mutex_unlock(&w->mu);
	return n;
}

void webhook_free(struct webhook *w)
{
	if (!w)
		return;
	if (w->started) {
		pthread_mutex_lock(&w->mu);
		w->stopping = true;
		w->stop_by_ns = mono_ns() + w->o.drain_ms * 1000000ULL;
		pthread_cond_signal(&w->cv);
		pthread_mutex_unlock(&w->mu);
		pthread_join(w->thread, NULL);
		pthread_cond_destroy(&w->cv);
		pthread_mutex_destroy(&w->mu);
	}
	if (w->curl) {
		curl_easy_cleanup(w->curl);
		curl_global_cleanup();
	}
	free(w->queue);
	free(w);
}
