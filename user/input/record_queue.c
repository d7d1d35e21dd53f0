// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "input/record_queue.h"

char *record_batch_copy(struct record_batch *b, const char *line, size_t len)
{
	char *p = b->text + b->used;

	memcpy(p, line, len);
	b->used += len;
	return p;
}

void record_batch_uncopy(struct record_batch *b, size_t len)
{
	b->used -= len;
}

bool record_batch_full(const struct record_batch *b)
{
	return b->n == RQ_BATCH_RECORDS || b->used > RQ_BATCH_TEXT;
}

/*
 * Counters only grow: batches [released, published) are the consumer's,
 * [published, released + slots) free for the producer. taken is the
 * consumer's next; claimed whether the producer holds slot published.
 */
struct record_queue {
	pthread_mutex_t mu;
	pthread_cond_t filled, freed;
	uint64_t published, taken, released;
	unsigned int slots;
	bool closed;
	struct record_batch **batch;
};

int record_queue_new(unsigned int slots, struct record_queue **out)
{
	struct record_queue *q = calloc(1, sizeof(*q));
	int err = 0;

	if (!q)
		return -ENOMEM;
	q->slots = slots < 2 ? 2 : slots;
	q->batch = calloc(q->slots, sizeof(*q->batch));
	/* malloc, not calloc: pages of a batch never filled are never touched. */
	for (unsigned int i = 0; q->batch && i < q->slots; i++)
		if (!(q->batch[i] = malloc(sizeof(struct record_batch))))
			err = -ENOMEM;
	if (!q->batch)
		err = -ENOMEM;
	if (!err)
		err = -pthread_mutex_init(&q->mu, NULL);
	if (!err && (err = -pthread_cond_init(&q->filled, NULL)))
		pthread_mutex_destroy(&q->mu);
	if (!err && (err = -pthread_cond_init(&q->freed, NULL))) {
		pthread_cond_destroy(&q->filled);
		pthread_mutex_destroy(&q->mu);
	}
	if (err) {
		for (unsigned int i = 0; q->batch && i < q->slots; i++)
			free(q->batch[i]);
		free(q->batch);
		free(q);
		return err;
	}
	*out = q;
	return 0;
}

void record_queue_free(struct record_queue *q)
{
	if (!q)
		return;
	pthread_cond_destroy(&q->freed);
	pthread_cond_destroy(&q->filled);
	pthread_mutex_destroy(&q->mu);
	for (unsigned int i = 0; i < q->slots; i++)
		free(q->batch[i]);
	free(q->batch);
	free(q);
}

struct record_batch *record_queue_claim(struct record_queue *q)
{
	struct record_batch *b;

	pthread_mutex_lock(&q->mu);
	while (q->published - q->released >= q->slots)
		pthread_cond_wait(&q->freed, &q->mu);
	b = q->batch[q->published % q->slots];
	pthread_mutex_unlock(&q->mu);
	b->n = 0;
	b->used = 0;
	b->malformed = 0;
	b->file_end = false;
	memset(&b->result, 0, sizeof(b->result));
	return b;
}

void record_queue_publish(struct record_queue *q)
{
	pthread_mutex_lock(&q->mu);
	q->published++;
	pthread_cond_signal(&q->filled);
	pthread_mutex_unlock(&q->mu);
}

void record_queue_close(struct record_queue *q)
{
	pthread_mutex_lock(&q->mu);
	q->closed = true;
	pthread_cond_signal(&q->filled);
	pthread_mutex_unlock(&q->mu);
}

struct record_batch *record_queue_take(struct record_queue *q)
{
	struct record_batch *b = NULL;

	pthread_mutex_lock(&q->mu);
	while (q->taken == q->published && !q->closed)
		pthread_cond_wait(&q->filled, &q->mu);
	if (q->taken < q->published)
		b = q->batch[q->taken++ % q->slots];
	pthread_mutex_unlock(&q->mu);
	return b;
}

/*
 * A producer that found the queue full is woken once half of it is free, not
 * for each batch: it is the faster side, and a wake-up per batch would cost
 * a context switch per batch on both.
 */
void record_queue_release(struct record_queue *q)
{
	pthread_mutex_lock(&q->mu);
	q->released++;
	if (q->published - q->released <= q->slots / 2)
		pthread_cond_signal(&q->freed);
	pthread_mutex_unlock(&q->mu);
}
