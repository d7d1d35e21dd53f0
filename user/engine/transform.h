/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Transformations a predicate leaf may apply to a string field before its
 * operator, as ModSecurity's t:urlDecode, t:lowercase, ... do: decoding and
 * normalising what an attacker encodes to slip past a pattern.
 *
 * A chain is up to XF_MAX_STEPS transformations packed four bits each, the
 * first in the low bits; 0 is the empty chain (the raw field). Every
 * transformation is length-preserving or shrinking, so a chain runs in place
 * on a copy of the value and never needs more room than the value had.
 */
#ifndef GATEHAWK_TRANSFORM_H
#define GATEHAWK_TRANSFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define XF_MAX_STEPS 8
#define XF_URL_ROUNDS 3 /* url_decode repeats until nothing changes, at most this often */
#define XF_BASE64_MIN 16 /* base64_values: characters a value needs to be read as base64 */

enum xform {
	XF_NONE,
	XF_URL_DECODE,
	XF_URL_DECODE_UNI,
	XF_LOWERCASE,
	XF_NORMALIZE_PATH,
	XF_REMOVE_NULLS,
	XF_COMPRESS_WHITESPACE,
	XF_HTML_ENTITY_DECODE,
	XF_BASE64_VALUES,
	XF_COUNT
};

/* enum xform by name, -1 for an unknown one; XF_NONE has no name. */
int xform_by_name(const char *name);
const char *xform_name(enum xform x);

/* Append step x to *chain; false when it already holds XF_MAX_STEPS. */
bool xform_chain_push(uint32_t *chain, enum xform x);

/*
 * Run chain over buf[0..len) in place; returns the new length (never more
 * than len). plus_space: url_decode turns '+' into a space (query strings).
 */
size_t xform_apply(uint32_t chain, bool plus_space, char *buf, size_t len);

/*
 * One round of %XX decoding in place (plus_space: '+' too), no %uXXXX: how
 * ModSecurity decodes a query's argument names and values before any t:.
 */
size_t xform_url_decode_once(char *buf, size_t len, bool plus_space);

#endif /* GATEHAWK_TRANSFORM_H */
