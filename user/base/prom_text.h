/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Prometheus text exposition format (version 0.0.4), written into a growing
 * buffer: a family's "# HELP" and "# TYPE" lines, then its samples. HELP
 * text is escaped (backslash, newline), label values too (backslash, double
 * quote, newline) and invalid UTF-8 in them becomes U+FFFD, so a value taken
 * from outside (a log path) cannot break the exposition. Metric and label
 * names are the caller's constants: an invalid one is a programming error,
 * reported as -EINVAL by prom_text_finish() and nothing written for it.
 */
#ifndef GATEHAWK_PROM_TEXT_H
#define GATEHAWK_PROM_TEXT_H

#include <stddef.h>
#include <stdint.h>

enum prom_type { PROM_COUNTER, PROM_GAUGE };

struct prom_text {
	char *buf;  /* NUL-terminated */
	size_t len, cap;
	int err;    /* the first error; later writes are no-ops */
};

/* A label as name="value"; value NULL stands for "". */
struct prom_label {
	const char *name;
	const char *value;
};

void prom_text_init(struct prom_text *t);
void prom_text_free(struct prom_text *t);
/* 0, or the first error (-ENOMEM, -EINVAL for a bad name). */
int prom_text_finish(const struct prom_text *t);

/* "# HELP name help" and "# TYPE name counter|gauge". */
void prom_family(struct prom_text *t, const char *name, enum prom_type type, const char *help);
/* name{labels} value; counters are exact integers. */
void prom_sample_u64(struct prom_text *t, const char *name, const struct prom_label *labels,
		     size_t n_labels, uint64_t value);
/* Floating values; NaN and infinities as the format spells them. */
void prom_sample_double(struct prom_text *t, const char *name, const struct prom_label *labels,
			size_t n_labels, double value);
/* A family of one unlabelled sample: the common case. */
void prom_metric_u64(struct prom_text *t, const char *name, enum prom_type type, const char *help,
		     uint64_t value);
void prom_metric_double(struct prom_text *t, const char *name, enum prom_type type,
			const char *help, double value);

#endif /* GATEHAWK_PROM_TEXT_H */
