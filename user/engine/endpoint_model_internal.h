/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * What endpoint_shape.c (a request's shape), endpoint_model.c (learning,
 * scoring) and endpoint_model_json.c (the file) share: the model's layout
 * and the helpers each needs to build a scoring-ready model.
 */
#ifndef GATEHAWK_ENDPOINT_MODEL_INTERNAL_H
#define GATEHAWK_ENDPOINT_MODEL_INTERNAL_H

#include "engine/endpoint_model.h"

#define EM_BIT(c) (1U << (c))
#define EM_LEN_BUCKETS 24 /* value lengths by power of two: 0, 1, 2-3, 4-7, ... 4M and up */
#define EM_HASH_SEED 0x656e64706f696e74ULL

struct endpoint_weights {
	double new_endpoint;
	double new_param;
	double new_param_young;
	double long_value;
	double threshold_floor;
	double cls[EC_COUNT];
};

/* Counts while learning: finish turns them into a mask and a length. */
struct em_stats {
	uint32_t n;
	uint32_t max_len;
	uint32_t class_n[EC_COUNT];
	uint32_t len_n[EM_LEN_BUCKETS];
};

struct em_param {
	uint64_t hash;
	uint32_t n;        /* requests with it */
	uint32_t len;      /* learned value length (finished) */
	uint32_t classes;  /* learned classes (finished) */
	uint8_t name_len;
	char name[ENDPOINT_PARAM_NAME_MAX];
	struct em_stats *stats; /* learning only */
};

struct em_endpoint {
	uint64_t hash;
	char *key;          /* "METHOD path", key_len bytes, NUL-terminated */
	uint16_t key_len;
	uint16_t method_len;
	uint32_t n;
	uint64_t seq;       /* when first seen: ties when forgetting */
	struct em_param *params;
	size_t n_params, cap_params;
};

struct endpoint_model {
	bool finished;
	uint64_t requests;
	struct em_endpoint *eps;
	size_t n_eps, cap_eps;
	uint32_t *index;    /* open addressing into eps, UINT32_MAX empty */
	size_t index_mask;
	size_t n_params;    /* over all endpoints */
	struct em_stats path_stats, value_stats; /* learning only */
	uint32_t path_classes, value_classes, value_len;
	struct endpoint_weights w;
	uint32_t known_after;
	double min_share;
	double threshold;
	char threshold_method[96];
	size_t dropped_endpoints, dropped_params, capped_params;
};

/* A request as learning and scoring see it (endpoint_shape.c). */
struct shape_param {
	uint64_t hash;
	uint32_t len;      /* longest raw value */
	uint32_t classes;  /* of all its values, decoded */
	uint8_t name_len;
	char name[ENDPOINT_PARAM_NAME_MAX];
};

struct shape {
	char key[ENDPOINT_KEY_MAX];
	size_t key_len;
	uint64_t key_hash;
	uint32_t path_classes;
	size_t n;
	struct shape_param params[ENDPOINT_QUERY_PARAMS_MAX];
};

void em_shape(const struct request_record *r, struct shape *s);
uint64_t em_hash(const char *p, size_t len);
/* The endpoint with this key, or NULL. */
struct em_endpoint *em_find(const struct endpoint_model *m, const char *key, size_t len,
			    uint64_t hash);
/* (Re)build the index over eps; -ENOMEM. */
int em_index_build(struct endpoint_model *m);
/* Endpoints by key, each one's parameters by name (bytes): the file's order. */
void em_sort(struct endpoint_model *m);
int em_cmp_endpoint(const void *a, const void *b);
int em_cmp_param(const void *a, const void *b);
/* Weights, known_after, min_share, threshold at their defaults; nothing learned. */
struct endpoint_model *em_alloc(void);

#endif /* GATEHAWK_ENDPOINT_MODEL_INTERNAL_H */
