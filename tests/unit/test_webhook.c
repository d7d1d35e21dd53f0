// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The webhook's queue and retries (daemon/webhook.h) with a transport of
 * the test's own: what an answer means (2xx delivered; 408, 425, 429, 5xx
 * and no answer retried; other 4xx and 3xx dropped), the backoff doubling
 * up to its cap, a receiver that fails the first two tries of every line
 * getting each line exactly once and in order with one delivery id per line,
 * the bounded queue counting its overflow, a line given up after max_tries,
 * and what is still queued at exit abandoned within the drain time.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"
#include "base/clock.h"
#include "daemon/webhook.h"

#define LINES 20
#define MAX_CALLS 256

/* The receiver: answers each try from a script, records what it accepted. */
struct receiver {
	pthread_mutex_t mu;
	int fail_first;          /* each line's first tries answered 500 */
	long answer;             /* after those: this status (0: no answer, -EIO) */
	bool hold;               /* block every try until released */
	int calls;
	char ids[MAX_CALLS][64]; /* the delivery id of each try */
	char accepted[MAX_CALLS][64];
	int n_accepted;
	int tries_of_current;
	char current_id[64];
};

static int fake_send(void *ctx, struct webhook_request *req, long *status)
{
	struct receiver *r = ctx;
	int err = 0;

	while (true) {
		pthread_mutex_lock(&r->mu);
		if (!r->hold)
			break;
		pthread_mutex_unlock(&r->mu);
		usleep(1000);
	}
	if (r->calls < MAX_CALLS)
		snprintf(r->ids[r->calls], sizeof(r->ids[0]), "%s", req->id);
	r->calls++;
	if (strcmp(r->current_id, req->id)) {
		snprintf(r->current_id, sizeof(r->current_id), "%s", req->id);
		r->tries_of_current = 0;
	}
	if (r->tries_of_current++ < r->fail_first) {
		*status = 500;
	} else if (r->answer) {
		*status = r->answer;
		if (r->answer / 100 == 2 && r->n_accepted < MAX_CALLS)
			snprintf(r->accepted[r->n_accepted++], sizeof(r->accepted[0]), "%.*s",
				 (int)req->len, req->body);
	} else {
		snprintf(req->error, sizeof(req->error), "connection refused");
		err = -ECONNREFUSED;
	}
	pthread_mutex_unlock(&r->mu);
	return err;
}

static void opts_for(struct webhook_opts *o, struct receiver *r)
{
	webhook_opts_default(o, "http://127.0.0.1:9/hook");
	o->backoff_ms = 1;
	o->backoff_max_ms = 4;
	o->send = fake_send;
	o->send_ctx = r;
}

static struct receiver *receiver_new(int fail_first, long answer)
{
	struct receiver *r = calloc(1, sizeof(*r));

	pthread_mutex_init(&r->mu, NULL);
	r->fail_first = fail_first;
	r->answer = answer;
	return r;
}

static void receiver_free(struct receiver *r)
{
	pthread_mutex_destroy(&r->mu);
	free(r);
}

/* Wait (at most 5 s) for the queue to empty. */
static bool drained(struct webhook *w)
{
	for (int i = 0; i < 500 && webhook_pending(w); i++)
		usleep(10000);
	return !webhook_pending(w);
}

static void test_classify(void)
{
	ok(webhook_classify(0, 200) == WEBHOOK_DELIVERED && webhook_classify(0, 204) ==
	   WEBHOOK_DELIVERED, "2xx: delivered");
	ok(webhook_classify(-ECONNREFUSED, 0) == WEBHOOK_RETRY, "no answer: retried");
	ok(webhook_classify(0, 500) == WEBHOOK_RETRY && webhook_classify(0, 503) == WEBHOOK_RETRY,
	   "5xx: retried");
	ok(webhook_classify(0, 429) == WEBHOOK_RETRY && webhook_classify(0, 408) == WEBHOOK_RETRY &&
		   webhook_classify(0, 425) == WEBHOOK_RETRY,
	   "429, 408, 425: retried");
	ok(webhook_classify(0, 400) == WEBHOOK_REJECTED && webhook_classify(0, 404) ==
	   WEBHOOK_REJECTED && webhook_classify(0, 301) == WEBHOOK_REJECTED,
	   "400, 404, a redirect: dropped at once");
}

static void test_backoff(void)
{
	struct webhook_opts o;

	webhook_opts_default(&o, "http://x/");
	ok_eq(webhook_backoff_ms(&o, 1), GH_WEBHOOK_BACKOFF_MS, "first retry after the base wait");
	ok_eq(webhook_backoff_ms(&o, 2), 2 * GH_WEBHOOK_BACKOFF_MS, "then twice that");
	ok_eq(webhook_backoff_ms(&o, 4), 8 * GH_WEBHOOK_BACKOFF_MS, "doubling each time");
	ok_eq(webhook_backoff_ms(&o, 40), GH_WEBHOOK_BACKOFF_MAX_MS, "up to the cap, never past it");
}

static void test_bad_url(void)
{
	struct webhook_opts o;
	struct gh_err e = { 0 };

	webhook_opts_default(&o, "ftp://example.com/x");
	ok(!webhook_new(&o, &e) && e.input, "an ftp:// URL is bad input");
	ok(strstr(e.msg, "expected an http:// or https:// URL") != NULL, "saying so: %s", e.msg);
}

static void test_retries_exactly_once(void)
{
	struct receiver *r = receiver_new(2, 200);
	struct webhook_stats st;
	struct webhook_opts o;
	struct gh_err e = { 0 };
	struct webhook *w;
	char line[64];
	bool in_order = true, one_id_per_line = true;

	opts_for(&o, r);
	w = webhook_new(&o, &e);
	ok(w != NULL, "webhook started with a test transport");
	if (!w)
		return;
	for (int i = 0; i < LINES; i++) {
		snprintf(line, sizeof(line), "{\"n\":%d}", i);
		webhook_post(w, line);
	}
	ok(drained(w), "every line went");
	webhook_get_stats(w, &st, line, sizeof(line));
	ok_eq(r->n_accepted, LINES, "the receiver accepted %d lines", LINES);
	for (int i = 0; i < r->n_accepted; i++) {
		char want[32];

		snprintf(want, sizeof(want), "{\"n\":%d}", i);
		in_order &= !strcmp(r->accepted[i], want);
	}
	ok(in_order, "each exactly once, in order");
	ok_eq(r->calls, 3 * LINES, "three tries a line: two 500s, then 200");
	for (int i = 0; i < LINES; i++)
		one_id_per_line &= !strcmp(r->ids[3 * i], r->ids[3 * i + 2]) &&
				    (i == 0 || strcmp(r->ids[3 * i], r->ids[3 * i - 1]));
	ok(one_id_per_line, "every try of a line carries its id, another line another id");
	ok(st.queued == LINES && st.delivered == LINES && st.retries == 2 * LINES && !st.failed &&
		   !st.dropped,
	   "counted: %d queued, %d delivered, %d retries", LINES, LINES, 2 * LINES);
	ok_str(line, "HTTP 500", "the last error is kept");
	webhook_free(w);
	receiver_free(r);
}

static void test_give_up_and_reject(void)
{
	struct receiver *r = receiver_new(0, 0); /* never answers */
	struct webhook_stats st;
	struct webhook_opts o;
	struct gh_err e = { 0 };
	struct webhook *w;
	char last[64];

	opts_for(&o, r);
	o.max_tries = 3;
	w = webhook_new(&o, &e);
	if (!w)
		return;
	webhook_post(w, "{}");
	ok(drained(w), "a line nobody takes leaves the queue");
	webhook_get_stats(w, &st, last, sizeof(last));
	ok(st.failed == 1 && st.retries == 2 && r->calls == 3, "after max_tries (3) it is given up");
	ok_str(last, "connection refused", "the transport's error is the last error");
	pthread_mutex_lock(&r->mu);
	r->answer = 404;
	pthread_mutex_unlock(&r->mu);
	webhook_post(w, "{}");
	ok(drained(w), "a 404 leaves the queue");
	webhook_get_stats(w, &st, last, sizeof(last));
	ok(st.rejected == 1 && r->calls == 4, "at once, counted as rejected");
	webhook_free(w);
	receiver_free(r);
}

static void test_overflow_and_exit(void)
{
	struct receiver *r = receiver_new(0, 200);
	struct webhook_stats st;
	struct webhook_opts o;
	struct gh_err e = { 0 };
	struct webhook *w;
	int refused = 0;
	uint64_t t0;

	opts_for(&o, r);
	o.queue_max = 8;
	o.drain_ms = 200;
	o.backoff_ms = o.backoff_max_ms = 1000;
	r->hold = true; /* the receiver hangs */
	w = webhook_new(&o, &e);
	if (!w)
		return;
	for (int i = 0; i < 11; i++)
		refused += webhook_post(w, "{}") == -ENOSPC;
	webhook_get_stats(w, &st, NULL, 0);
	ok_eq(refused, 3, "a queue of 8 refuses the 9th line on");
	ok(st.dropped == 3 && st.queued == 8, "counted: 8 queued, 3 dropped");
	t0 = gh_clock_ns(CLOCK_MONOTONIC);
	pthread_mutex_lock(&r->mu);
	r->answer = 500; /* released, but every try fails from now on */
	r->hold = false;
	pthread_mutex_unlock(&r->mu);
	webhook_free(w);
	ok(gh_clock_ns(CLOCK_MONOTONIC) - t0 < 900000000ULL,
	   "exit with lines still failing takes the drain time (0.2 s), not their backoff (1 s)");
	receiver_free(r);
}

int main(void)
{
	test_classify();
	test_backoff();
	test_bad_url();
	test_retries_exactly_once();
	test_give_up_and_reject();
	test_overflow_and_exit();
	return tap_done();
}
