/* TEMPORARY: replaced by the endpoint helper's header at merge */
#ifndef GATEHAWK_ENDPOINT_MODEL_H
#define GATEHAWK_ENDPOINT_MODEL_H
#include <stddef.h>
#include <json-c/json.h>
#include "base/err.h"
#include "input/request.h"
struct endpoint_model;
struct endpoint_finding { int kind; char param[64]; double score; };
int endpoint_model_load(const char *path, struct endpoint_model **out, struct json_object **meta, struct gh_err *err);
void endpoint_model_free(struct endpoint_model *m);
double endpoint_model_score(const struct endpoint_model *m, const struct request_record *r, struct endpoint_finding *why, size_t max, size_t *n_why);
double endpoint_model_threshold(const struct endpoint_model *m);
struct json_object *endpoint_finding_json(const struct endpoint_finding *f);
int endpoint_model_new(struct endpoint_model **out);
int endpoint_model_learn(struct endpoint_model *m, const struct request_record *r);
int endpoint_model_finish(struct endpoint_model *m, struct gh_err *err);
void endpoint_model_set_threshold(struct endpoint_model *m, double t, const char *method);
const char *endpoint_model_threshold_method(const struct endpoint_model *m);
int endpoint_model_save(const struct endpoint_model *m, struct json_object *meta, const char *path, struct gh_err *err);
#endif
