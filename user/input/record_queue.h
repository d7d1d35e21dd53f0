/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * A bounded single-producer, single-consumer queue of parsed record batches:
 * a reader thread copies log lines into a batch and parses them there (the
 * records' strings point into the batch's own text), the engine's thread
 * takes the batches in the order they were filled. Slots are reused in
 * place: the consumer releases a batch when it is done with its records,
 * and the producer fills it again. One lock round per batch, not per record;
 * a full queue blocks the producer until half of it is free, an empty one
 * the consumer until a batch comes.
 *
 * A batch may also end a file: its records come first, then what reading
 * the file came to (stats, an error), so the consumer reports it in order.
 */
#ifndef GATEHAWK_RECORD_QUEUE_H
#define GATEHAWK_RECORD_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input/log_reader.h"
#include "input/request.h"

#define RQ_BATCH_RECORDS 512
#define RQ_BATCH_TEXT (128 * 1024) /* a batch closes past this many line bytes */
#define RQ_SLOTS 4                 /* batches in flight: about 1.5 MB, touched as used */

/* How reading one file ended, carried by its last batch. */
struct file_result {
	int err;                  /* 0, or negative errno */
	bool opened;              /* false: err is from opening it */
	char msg[128];            /* a read error in words (zlib's), when err */
	struct log_line_stats lines;
};

struct record_batch {
	uint32_t n;
	uint64_t malformed; /* lines among these the parser refused */
	bool file_end;      /* the last batch of a file: result is set */
	struct file_result result;
	size_t used;
	struct request_record rec[RQ_BATCH_RECORDS];
	/* One line longer than the soft limit always fits after it. */
	char text[RQ_BATCH_TEXT + LOG_LINE_MAX];
};

/* A writable copy of line in the batch (the parser decodes in place). */
char *record_batch_copy(struct record_batch *b, const char *line, size_t len);
/* Take back the last copy (its line did not parse). */
void record_batch_uncopy(struct record_batch *b, size_t len);
/* No room for another record or line: publish it. */
bool record_batch_full(const struct record_batch *b);

struct record_queue;

/* slots batches (at least 2). -ENOMEM or a pthread error. */
int record_queue_new(unsigned int slots, struct record_queue **out);
void record_queue_free(struct record_queue *q);

/* Producer: an empty batch, once the consumer has released one. */
struct record_batch *record_queue_claim(struct record_queue *q);
/* Producer: the claimed batch to the consumer. */
void record_queue_publish(struct record_queue *q);
/* Producer: nothing more will come. */
void record_queue_close(struct record_queue *q);

/* Consumer: the next batch in order; NULL once the queue is closed and drained. */
struct record_batch *record_queue_take(struct record_queue *q);
/* Consumer: done with the batch taken (its records and text may be reused). */
void record_queue_release(struct record_queue *q);

#endif /* GATEHAWK_RECORD_QUEUE_H */
