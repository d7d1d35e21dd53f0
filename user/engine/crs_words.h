/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Internal to the CRS prefilter: the words of the CRS data files the rule
 * files name with @pmFromFile, at or under a paranoia level, gathered so the
 * prefilter can scan for them in one Hyperscan pass.
 */
#ifndef GATEHAWK_ENGINE_CRS_WORDS_H
#define GATEHAWK_ENGINE_CRS_WORDS_H

#include <stddef.h>

#include "base/err.h"

/* Data-file words being gathered (raw bytes, their lengths). */
struct pf_list {
	char **w;
	size_t *len;
	size_t n, cap;
};

/* Every word of dir's REQUEST-*.conf data files at or under paranoia pl, into l. */
int crs_words_load(const char *dir, unsigned int pl, struct pf_list *l, struct gh_err *err);
void crs_words_free(struct pf_list *l);

#endif /* GATEHAWK_ENGINE_CRS_WORDS_H */
