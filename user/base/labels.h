/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Labelled sources, as `train --labels` and `suggest --labels` read them:
 * one "ADDRESS LABEL" a line, LABEL benign or attack, '#' starts a comment,
 * blank lines ignored. An address labelled twice keeps its first label only
 * if both agree; a conflict is an input error naming both lines.
 */
#ifndef GATEHAWK_LABELS_H
#define GATEHAWK_LABELS_H

#include <stdint.h>

#include "base/addr_set.h"
#include "base/err.h"

enum label { LABEL_NONE, LABEL_BENIGN, LABEL_ATTACK };

struct labels {
	struct addr_set benign, attack;
};

/* Input errors carry file and line. */
int labels_load(const char *path, struct labels *out, struct gh_err *err);
enum label labels_of(const struct labels *l, const struct gh_addr *a);
/*
 * The labels of groups by prefix (a policy's prefix_v4/v6): each address
 * masked; a prefix holding any attack address is an attack. -ENOMEM.
 */
int labels_mask(const struct labels *in, uint8_t v4, uint8_t v6, struct labels *out);
void labels_free(struct labels *l);

#endif /* GATEHAWK_LABELS_H */
