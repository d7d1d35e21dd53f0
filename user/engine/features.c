// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Behaviour features of a group of records (see features.h for the estimates). */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "base/hash.h"
#include "engine/features.h"

#define NS_PER_S 1e9
#define PATH_BITS 512
#define SMALL_BITS 64
#define ENTROPY_BUCKETS 32

static const char *const feature_names[] = {
#define GH_FEATURE_NAME(id, name, log, help) #name,
	PROFILE_FEATURES(GH_FEATURE_NAME)
#undef GH_FEATURE_NAME
};
static const bool feature_log[] = {
#define GH_FEATURE_LOG(id, name, log, help) log,
	PROFILE_FEATURES(GH_FEATURE_LOG)
#undef GH_FEATURE_LOG
};
static const char *const feature_help[] = {
#define GH_FEATURE_HELP(id, name, log, help) help,
	PROFILE_FEATURES(GH_FEATURE_HELP)
#undef GH_FEATURE_HELP
};

int profile_feature_by_name(const char *name)
{
	for (int i = 0; i < FEAT_COUNT; i++)
		if (!strcmp(feature_names[i], name))
			return i;
	return -1;
}

const char *profile_feature_name(enum profile_feature f) { return feature_names[f]; }
bool profile_feature_log1p(enum profile_feature f) { return feature_log[f]; }
const char *profile_feature_help(enum profile_feature f) { return feature_help[f]; }

bool feature_path_is_static(struct gh_str path)
{
	static const char *const exts[] = { "css", "js", "mjs", "map", "png", "jpg", "jpeg",
					    "gif", "webp", "avif", "svg", "ico", "woff", "woff2",
					    "ttf", "otf", "eot", "mp4", "webm", "mp3" };
	uint32_t dot = path.len;

	while (dot > 0 && path.p[dot - 1] != '.' && path.p[dot - 1] != '/')
		dot--;
	if (!dot || path.p[dot - 1] != '.')
		return false;
	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
		if (path.len - dot == strlen(exts[i]) &&
		    !strncasecmp(path.p + dot, exts[i], path.len - dot))
			return true;
	return false;
}

static inline void set_bit(uint64_t *bits, uint64_t h, unsigned int nbits)
{
	unsigned int b = (unsigned int)(h % nbits);

	bits[b / 64] |= 1ULL << (b % 64);
}

/* Welford's update with the k-th value x (k counted from 1). */
static inline void welford(double *mean, double *m2, uint32_t k, double x)
{
	double delta = x - *mean;

	*mean += delta / k;
	*m2 += delta * (x - *mean);
}

void feature_acc_add(struct feature_acc *a, const struct request_record *r, uint64_t seed)
{
	uint64_t ts = r->ts_ns;

	if (a->n) {
		/* Out-of-order records (a few seconds late) count as a zero gap. */
		welford(&a->gap_mean, &a->gap_m2, a->n,
			ts > a->last_ns ? (double)(ts - a->last_ns) / NS_PER_S : 0);
		if (ts > a->last_ns)
			a->last_ns = ts;
		if (ts < a->first_ns)
			a->first_ns = ts;
	} else {
		a->first_ns = a->last_ns = ts;
	}
	a->n++;
	if ((ts / (uint64_t)NS_PER_S) % 86400 < 6 * 3600)
		a->night++;
	if (req_has(r, REQ_PATH)) {
		uint64_t h = gh_hash_bytes(r->path.p, r->path.len, seed);

		set_bit(a->paths, h, PATH_BITS);
		if (a->path_buckets[(h >> 32) % ENTROPY_BUCKETS] < UINT16_MAX)
			a->path_buckets[(h >> 32) % ENTROPY_BUCKETS]++;
		if (!feature_path_is_static(r->path))
			a->pages++;
		if (req_has(r, REQ_STATUS) && r->status >= 400 && r->status < 500)
			set_bit(&a->error_paths, h >> 16, SMALL_BITS);
	}
	if (req_has(r, REQ_STATUS)) {
		a->status_seen++;
		a->c4xx += r->status >= 400 && r->status < 500;
		a->c404 += r->status == 404;
		a->c5xx += r->status >= 500 && r->status < 600;
	}
	a->post += r->method == HTTP_METHOD_POST;
	a->referer += req_has(r, REQ_REFERER) && r->referer.len && !(r->referer.len == 1 &&
								     r->referer.p[0] == '-');
	if (req_has(r, REQ_HAS_COOKIE)) {
		a->cookie_seen++;
		a->no_cookie += !r->has_cookie;
	}
	if (req_has(r, REQ_IS_XHR)) {
		a->xhr_seen++;
		a->xhr += r->is_xhr;
	}
	if (req_has(r, REQ_BYTES)) {
		a->bytes_seen++;
		a->bytes_sum += (double)r->bytes;
	}
	if (req_has(r, REQ_USER_AGENT))
		set_bit(&a->agents, gh_hash_bytes(r->user_agent.p, r->user_agent.len, seed),
			SMALL_BITS);
}

static int popcount_words(const uint64_t *w, size_t n)
{
	int c = 0;

	for (size_t i = 0; i < n; i++)
		c += __builtin_popcountll(w[i]);
	return c;
}

/* Linear counting: m ln(m / zero bits), saturating at a full bitmap. */
static double linear_count(const uint64_t *w, size_t words)
{
	double m = (double)words * 64;
	int zero = (int)m - popcount_words(w, words);

	return zero ? m * log(m / zero) : m * log(m);
}

static double share(uint32_t k, uint32_t of)
{
	return of ? (double)k / of : 0;
}

/* Coefficient of variation of the n - 1 gaps between n events. */
static double spread(double mean, double m2, uint32_t n)
{
	return n > 2 && mean > 0 ? sqrt(m2 / (n - 2)) / mean : 0;
}

static double entropy(const struct feature_acc *a)
{
	double total = 0, h = 0;

	for (int i = 0; i < ENTROPY_BUCKETS; i++)
		total += a->path_buckets[i];
	for (int i = 0; total > 0 && i < ENTROPY_BUCKETS; i++)
		if (a->path_buckets[i]) {
			double p = a->path_buckets[i] / total;

			h -= p * log2(p);
		}
	return h;
}

double feature_value(const struct feature_acc *a, enum profile_feature f)
{
	double span_s = (double)(a->last_ns - a->first_ns) / NS_PER_S;

	switch (f) {
	case FEAT_REQUESTS: return a->n;
	case FEAT_RATE: return a->n / (span_s > 60 ? span_s / 60 : 1);
	case FEAT_DISTINCT_PATHS: return linear_count(a->paths, PATH_BITS / 64);
	case FEAT_PATH_ENTROPY: return entropy(a);
	case FEAT_PAGE_SHARE: return share(a->pages, a->n);
	case FEAT_SHARE_4XX: return share(a->c4xx, a->status_seen);
	case FEAT_SHARE_404: return share(a->c404, a->status_seen);
	case FEAT_SHARE_5XX: return share(a->c5xx, a->status_seen);
	case FEAT_POST_SHARE: return share(a->post, a->n);
	case FEAT_NO_COOKIE_SHARE: return share(a->no_cookie, a->cookie_seen);
	case FEAT_XHR_SHARE: return share(a->xhr, a->xhr_seen);
	case FEAT_GAP_MEAN: return a->n > 1 ? a->gap_mean : 0;
	case FEAT_GAP_CV: return spread(a->gap_mean, a->gap_m2, a->n);
	case FEAT_DISTINCT_USER_AGENTS: return a->agents ? linear_count(&a->agents, 1) : 0;
	case FEAT_BYTES_MEAN: return a->bytes_seen ? a->bytes_sum / a->bytes_seen : 0;
	case FEAT_NIGHT_SHARE: return share(a->night, a->n);
	case FEAT_ERROR_PATHS: return a->error_paths ? linear_count(&a->error_paths, 1) : 0;
	case FEAT_REFERER_SHARE: return share(a->referer, a->n);
	case FEAT_COUNT: break;
	}
	return 0;
}

void feature_vector(const struct feature_acc *a, const enum profile_feature *fs, size_t n,
		    double *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = feature_value(a, fs[i]);
}
