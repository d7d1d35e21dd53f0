// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The reader thread's queue: batches come out in the order they went in,
 * with their records and the line text they point into intact, across many
 * more batches than slots (slots reused only once released); a producer
 * blocks on a full queue until the consumer has released half of it;
 * closing drains what is queued before the end; a batch's full test and its
 * copy and uncopy of line bytes.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "input/record_queue.h"
#include "tap.h"

#define BATCHES 1000

struct producer {
	struct record_queue *q;
	int batches;
	int published; /* how far it got, read once it is blocked or done */
};

/* Batch i holds i % 7 + 1 records; record j's path is "i/j", its status i. */
static void *produce(void *arg)
{
	struct producer *p = arg;

	for (int i = 0; i < p->batches; i++) {
		struct record_batch *b = record_queue_claim(p->q);
		uint32_t n = (uint32_t)(i % 7) + 1;

		for (uint32_t j = 0; j < n; j++) {
			char text[32];
			int len = snprintf(text, sizeof(text), "%d/%u", i, j);
			char *copy = record_batch_copy(b, text, (size_t)len);

			memset(&b->rec[j], 0, sizeof(b->rec[j]));
			req_set_str(&b->rec[j], REQ_PATH, &b->rec[j].path, copy, (uint32_t)len);
			b->rec[j].status = (uint16_t)i;
		}
		b->n = n;
		b->file_end = i == p->batches - 1;
		record_queue_publish(p->q);
		__atomic_store_n(&p->published, i + 1, __ATOMIC_RELEASE);
	}
	record_queue_close(p->q);
	return NULL;
}

static void test_order(void)
{
	struct producer p = { .batches = BATCHES };
	struct record_batch *b;
	pthread_t t;
	int seen = 0, bad = 0, ends = 0;
	uint64_t records = 0;

	ok_eq(record_queue_new(4, &p.q), 0, "a queue of 4 slots");
	pthread_create(&t, NULL, produce, &p);
	while ((b = record_queue_take(p.q))) {
		if (b->n != (uint32_t)(seen % 7) + 1)
			bad++;
		for (uint32_t j = 0; j < b->n; j++) {
			char want[32];
			int len = snprintf(want, sizeof(want), "%d/%u", seen, j);

			records++;
			if (b->rec[j].status != seen || b->rec[j].path.len != (uint32_t)len ||
			    memcmp(b->rec[j].path.p, want, (size_t)len))
				bad++;
		}
		ends += b->file_end;
		seen++;
		record_queue_release(p.q);
	}
	pthread_join(t, NULL);
	ok_eq(seen, BATCHES, "every batch came out (%d through 4 slots)", seen);
	ok_eq(bad, 0, "in order, each record and its text intact");
	ok_eq(records, 3997, "all 3997 records (1 to 7 a batch)");
	ok_eq(ends, 1, "the last batch ends the file");
	ok(record_queue_take(p.q) == NULL, "closed and drained: take says so again");
	record_queue_free(p.q);
}

static void test_backpressure(void)
{
	struct producer p = { .batches = 10 };
	struct record_batch *b;
	pthread_t t;
	int n = 0;

	ok_eq(record_queue_new(3, &p.q), 0, "a queue of 3 slots");
	pthread_create(&t, NULL, produce, &p);
	usleep(100000);
	ok_eq(__atomic_load_n(&p.published, __ATOMIC_ACQUIRE), 3,
	      "with nothing taken, the producer stops at 3 batches");
	b = record_queue_take(p.q);
	usleep(100000);
	ok_eq(__atomic_load_n(&p.published, __ATOMIC_ACQUIRE), 3,
	      "taking without releasing frees nothing (the batch is still being read)");
	ok_eq(b->rec[0].status, 0, "the first batch first");
	record_queue_release(p.q);
	usleep(100000);
	ok_eq(__atomic_load_n(&p.published, __ATOMIC_ACQUIRE), 3,
	      "one release does not wake it: 2 of 3 still queued, over half");
	b = record_queue_take(p.q);
	ok_eq(b->rec[0].status, 1, "the second batch second");
	record_queue_release(p.q);
	usleep(100000);
	ok_eq(__atomic_load_n(&p.published, __ATOMIC_ACQUIRE), 5,
	      "the second does (1 of 3 queued): it fills the queue again");
	n = 2;
	while ((b = record_queue_take(p.q))) {
		n++;
		record_queue_release(p.q);
	}
	pthread_join(t, NULL);
	ok_eq(n, 10, "close lets the consumer drain all 10");
	record_queue_free(p.q);
}

static void test_batch(void)
{
	struct record_queue *q;
	struct record_batch *b;
	char line[4096];
	char *c;

	memset(line, 'x', sizeof(line));
	ok_eq(record_queue_new(2, &q), 0, "a queue of 2");
	b = record_queue_claim(q);
	ok(!record_batch_full(b), "a claimed batch is empty");
	c = record_batch_copy(b, "abc", 3);
	ok(c == b->text && !memcmp(c, "abc", 3), "a copy goes into the batch's text");
	record_batch_uncopy(b, 3);
	ok_eq(b->used, 0, "uncopy takes it back");
	while (b->used <= RQ_BATCH_TEXT)
		record_batch_copy(b, line, sizeof(line));
	ok(record_batch_full(b), "full past %d bytes of text", RQ_BATCH_TEXT);
	ok(b->used - sizeof(line) <= RQ_BATCH_TEXT && RQ_BATCH_TEXT + LOG_LINE_MAX <= sizeof(b->text),
	   "a line copied while not full fits, were it the longest");
	b->used = 0;
	b->n = RQ_BATCH_RECORDS;
	ok(record_batch_full(b), "full at %d records", RQ_BATCH_RECORDS);
	record_queue_publish(q);
	record_queue_close(q);
	ok(record_queue_take(q) == b, "the published batch is taken after close");
	record_queue_release(q);
	ok(record_queue_take(q) == NULL, "then the end");
	record_queue_free(q);
}

int main(void)
{
	test_order();
	test_backpressure();
	test_batch();
	return tap_done();
}
