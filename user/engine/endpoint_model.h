/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The request-shape model of each endpoint: what requests to it normally
 * look like, so one unlike anything that endpoint ever received scores high
 * even when no signature knows its payload (issue 13, "Models").
 *
 * Endpoint: the method and the normalised path. The path is percent-decoded,
 * runs of '/' collapse into one, case is kept (paths are case-sensitive),
 * and segments that look like ids become "{id}": all digits, hex of 8 or
 * more with a digit, a UUID, or a token of 16 or more [A-Za-z0-9_=+-] mixing
 * digits, upper and lower case (base64). So /product/123 and /product/456
 * are one endpoint, "GET /product/{id}".
 *
 * Parameters: the query split on '&' only. A ';' stays in the value: servers
 * no longer split there, and "id=1;cat /etc/passwd" should show a ';' in id.
 * Names and values are percent-decoded (as transform.h's url_decode, '+' a
 * space); a name without '=' is a flag with an empty value. A name repeated
 * in one request counts once: its longest value and all its values'
 * classes. At most ENDPOINT_QUERY_PARAMS_MAX names and ENDPOINT_QUERY_EXAMINE
 * bytes of a query are examined; a value's length is its raw (encoded)
 * length, always exact, so extra encoding also makes a value longer.
 *
 * Learned per endpoint: requests seen and its parameters; per parameter:
 * requests with it, a robust maximum of its value length and the character
 * classes (enum endpoint_class) its values hold. Site-wide: the classes of
 * all paths, and the classes and length of all values, which stand in for a
 * parameter or an endpoint the model does not know. Training logs may hold
 * a few attacks, so anything seen in fewer than min_share (0.1 %) of the
 * requests it could have appeared in is not learned: a parameter, a class,
 * or the length bucket (powers of two) that set the maximum.
 *
 * Score of a request (higher is stranger), the sum of its findings:
 *   new_endpoint  the endpoint was never seen: weights.new_endpoint, plus
 *                 the class weights of path classes no learned path had;
 *   new_param     a name the endpoint never had: weights.new_param, or
 *                 weights.new_param_young when the endpoint was seen fewer
 *                 than known_after times (not known well enough);
 *   long_value    a value longer than learned (never below 8 bytes):
 *                 weights.long_value * log2(length / learned);
 *   new_chars     classes the parameter's values never held: the sum of
 *                 their class weights (quote, angle, bracket, shell,
 *                 backslash, control 3; percent, equals, colon, at_hash,
 *                 other 1; the rest 0.5).
 * Values of parameters the endpoint does not know (or of an unknown
 * endpoint) are compared with the site-wide classes and length. No count
 * of parameters is kept: each name beyond the learned ones already is a
 * new_param, and learned names together are normal. Scoring hashes and
 * looks up; it never allocates. Weights live in the model file and may be
 * edited there. A request is anomalous when its score is at least the
 * threshold.
 *
 * Threshold, as the trainer sets it: learn every record whose position
 * endpoint_model_held_out() refuses, finish, score the held-out tenth, and
 * endpoint_model_fit_threshold(scores, 0.999). The threshold is that
 * quantile, never below weights.threshold_floor (3: one new quote, angle
 * bracket, ';' ... in a value fires). A finished model starts at the floor.
 *
 * Memory: at most ENDPOINT_LEARN_MAX endpoints while learning (when full,
 * the least seen half is forgotten), ENDPOINT_MAX kept at finish (the most
 * seen), ENDPOINT_PARAMS_MAX parameters per endpoint, ENDPOINT_PARAMS_TOTAL
 * in all. Deterministic: the same records give the same file, byte for byte.
 */
#ifndef GATEHAWK_ENDPOINT_MODEL_H
#define GATEHAWK_ENDPOINT_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <json-c/json.h>

#include "base/err.h"
#include "input/request.h"

#define ENDPOINT_MODEL_VERSION 1
#define ENDPOINT_MAX 20000
#define ENDPOINT_LEARN_MAX 65536
#define ENDPOINT_PARAMS_MAX 64
#define ENDPOINT_PARAMS_TOTAL (1U << 17)
#define ENDPOINT_QUERY_PARAMS_MAX 64
#define ENDPOINT_QUERY_EXAMINE 8192
#define ENDPOINT_PATH_EXAMINE 2048
#define ENDPOINT_KEY_MAX 512          /* bytes of "METHOD /normalised/path" */
#define ENDPOINT_METHOD_MAX 16        /* bytes of the method in the key */
#define ENDPOINT_PARAM_NAME_MAX 64    /* bytes of a decoded name, NUL included */
#define ENDPOINT_MIN_REQUESTS 100     /* fewer learned: an input error at finish */
#define ENDPOINT_MODEL_MAX_FILE (64U << 20)

/* Character classes of paths and values, one bit each in a mask. */
enum endpoint_class {
	EC_LOWER,     /* a-z */
	EC_UPPER,     /* A-Z */
	EC_DIGIT,
	EC_SPACE,     /* space and '+' */
	EC_DOT,
	EC_DASH,      /* - _ */
	EC_SLASH,
	EC_COLON,
	EC_PERCENT,   /* '%', or %-encoding in the raw text */
	EC_QUOTE,     /* ' " ` */
	EC_ANGLE,     /* < > */
	EC_BRACKET,   /* ( ) [ ] { } */
	EC_SHELL,     /* ; | & $ */
	EC_EQUALS,
	EC_COMMA,
	EC_AT_HASH,   /* @ # */
	EC_BACKSLASH,
	EC_CONTROL,   /* bytes below 0x20, DEL */
	EC_NON_ASCII, /* bytes 0x80 and up: UTF-8 text is normal on many sites, controls are not */
	EC_OTHER,     /* other punctuation: ! ? * ~ ^ */
	EC_COUNT
};

enum endpoint_finding_kind { EF_NEW_ENDPOINT, EF_NEW_PARAM, EF_LONG_VALUE, EF_NEW_CHARS };

/* One reason a request scored. param and the value are the request's: escape them when written. */
struct endpoint_finding {
	enum endpoint_finding_kind kind;
	double score;
	char param[ENDPOINT_PARAM_NAME_MAX]; /* decoded name, cut, NUL-terminated; "" for new_endpoint */
	uint8_t param_len;                   /* bytes in param (it may hold a NUL) */
	uint32_t len, learned_len;           /* value length (raw) and the learned maximum */
	uint32_t classes, learned_classes;   /* enum endpoint_class masks (new_endpoint: the path's) */
};

struct endpoint_model_stats {
	uint64_t requests;         /* learned (records with a path) */
	size_t endpoints, params;  /* held */
	size_t dropped_endpoints;  /* forgotten while learning, or over ENDPOINT_MAX at finish */
	size_t dropped_params;     /* rarer than min_share at finish */
	size_t capped_params;      /* sightings of new names refused: the endpoint or the model was full */
};

struct endpoint_model;

/* An empty model to learn into, with the default weights. -ENOMEM. */
int endpoint_model_new(struct endpoint_model **out);
void endpoint_model_free(struct endpoint_model *m);

/* Learn one record (one without a path is skipped). -ENOMEM; -EINVAL once finished. */
int endpoint_model_learn(struct endpoint_model *m, const struct request_record *r);
/*
 * Freeze for scoring: apply min_share and the caps, sort. Input error when
 * fewer than ENDPOINT_MIN_REQUESTS records were learned.
 */
int endpoint_model_finish(struct endpoint_model *m, struct gh_err *err);

/*
 * The score of one record (0 for a record without a path, or an unfinished
 * model). The max highest-scoring findings go to why, highest first, their
 * number to *n_why (why may be NULL when max is 0).
 */
double endpoint_model_score(const struct endpoint_model *m, const struct request_record *r,
			    struct endpoint_finding *why, size_t max, size_t *n_why);
/* The record's endpoint, "GET /product/{id}", NUL-terminated in buf; returns its length. */
size_t endpoint_model_key(const struct request_record *r, char *buf, size_t len);

double endpoint_model_threshold(const struct endpoint_model *m);
/* method: how it was chosen ("quantile 0.999 of 4210 held out", "floor"). */
void endpoint_model_set_threshold(struct endpoint_model *m, double threshold, const char *method);
const char *endpoint_model_threshold_method(const struct endpoint_model *m);
/* Whether the record at this position (0, 1, ... in the training input) is held out: one in ten. */
bool endpoint_model_held_out(uint64_t position);
/*
 * Threshold = quantile q (0 < q <= 1, nearest rank) of the n held-out
 * scores (sorted in place), never below the floor. Input error for n == 0
 * or q out of range.
 */
int endpoint_model_fit_threshold(struct endpoint_model *m, double *scores, size_t n, double q,
				 struct gh_err *err);

void endpoint_model_stats(const struct endpoint_model *m, struct endpoint_model_stats *out);
const char *endpoint_finding_kind_name(enum endpoint_finding_kind k);
const char *endpoint_class_name(enum endpoint_class c);
/* -1 for an unknown name. */
int endpoint_class_by_name(const char *name);
/* Mask as "quote,angle" in buf (cut to fit, NUL-terminated); returns the length. */
size_t endpoint_classes_format(uint32_t mask, char *buf, size_t len);

/*
 * A finished model as JSON {"gatehawk_endpoint_model": ENDPOINT_MODEL_VERSION,
 * ..., "meta": meta} (meta may be NULL; a reference is taken). NULL on
 * -ENOMEM or for an unfinished model.
 */
struct json_object *endpoint_model_to_json(const struct endpoint_model *m,
					   struct json_object *meta);
/*
 * Back from JSON, finished. Input errors name the field
 * ("endpoints[3].params[0].classes[1]: expected a class name ..."); *meta
 * (when meta is not NULL) gets a new reference to "meta", or NULL.
 */
int endpoint_model_from_json(struct json_object *o, struct endpoint_model **out,
			     struct json_object **meta, struct gh_err *err);
/* Write atomically (temporary file, then rename), mode 0644. */
int endpoint_model_save(const struct endpoint_model *m, struct json_object *meta, const char *path,
			struct gh_err *err);
/*
 * -ENOENT (no gh_err input flag) when the file does not exist; other errors
 * name the file. At most ENDPOINT_MODEL_MAX_FILE bytes.
 */
int endpoint_model_load(const char *path, struct endpoint_model **out, struct json_object **meta,
			struct gh_err *err);

#endif /* GATEHAWK_ENDPOINT_MODEL_H */
