/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * A pattern's top-level alternatives as patterns of their own, for
 * Hyperscan: "A|B|C" matches where one of A, B, C does, and Hyperscan
 * compiles three expressions several times faster than their alternation
 * (a Log4Shell pattern over seven fields took 0.55 s of a pack's 0.73 s of
 * regex compiling; its three parts take a quarter of that). Only answers
 * "does it match" are kept, which is all a predicate asks.
 *
 * A pattern is left whole where splitting could change it: an option
 * setting or any "(?" group other than "(?:" (a leading (?i) applies to
 * every alternative), \Q...\E, back-references, unbalanced parentheses.
 */
#ifndef GATEHAWK_REGEX_SPLIT_H
#define GATEHAWK_REGEX_SPLIT_H

#include <stddef.h>

/* How many top-level alternatives pattern has (1: it is left whole). */
size_t regex_split_count(const char *pattern, size_t len);
/*
 * Each of the regex_split_count() alternatives, NUL-terminated, pointed to
 * from exprs[]; they live in the returned block (free() it after the
 * compile). NULL on -ENOMEM.
 */
char *regex_split(const char *pattern, size_t len, const char **exprs);

#endif /* GATEHAWK_REGEX_SPLIT_H */
