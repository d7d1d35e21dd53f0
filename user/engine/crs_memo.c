// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>

#include "base/hash.h"
#include "engine/crs_memo.h"
#include "engine/transform.h"

/* Entries a thread keeps: a busy site's repeated marked requests of the last seconds. */
#define MEMO_SLOTS 1024u

struct memo_entry {
	uint64_t a, b; /* 0, 0: empty */
	unsigned int score, n_fired, n_hits;
	struct crs_hit hits[CRS_MAX_HITS];
};

struct crs_memo {
	uint64_t seed_a, seed_b;
	struct memo_entry e[MEMO_SLOTS];
};

/* What CRS can tell of a field it has nothing to score in. */
enum field_class { ABSENT, EMPTY, PRESENT };

struct crs_memo *crs_memo_new(void)
{
	struct crs_memo *m = calloc(1, sizeof(*m));

	if (m && (getrandom(&m->seed_a, sizeof(m->seed_a), 0) != sizeof(m->seed_a) ||
		  getrandom(&m->seed_b, sizeof(m->seed_b), 0) != sizeof(m->seed_b))) {
		free(m);
		return NULL;
	}
	return m;
}

void crs_memo_free(struct crs_memo *m)
{
	free(m);
}

/* Both hashes on with tag, then the bytes (the tag keeps "ab"+"c" from "a"+"bc"). */
static void mix(struct crs_memo_key *k, uint64_t tag, const void *p, size_t len)
{
	k->a = gh_hash_bytes(p, len, k->a ^ (tag * 0x9e3779b97f4a7c15ULL) ^ len);
	k->b = gh_hash_bytes(p, len, k->b ^ (tag * 0xc2b2ae3d27d4eb4fULL) ^ len);
}

/* Field f, whole: present or not, and its bytes. */
static void mix_str(struct crs_memo_key *k, const struct request_record *r, enum req_field f)
{
	struct gh_str v = { "", 0 };
	uint8_t present = req_get_str(r, f, &v);

	mix(k, 2u * f, &present, 1);
	mix(k, 2u * f + 1, v.p, v.len);
}

/* Field f as CRS sees one it cannot score: absent, empty or there. */
static void mix_class(struct crs_memo_key *k, const struct request_record *r, enum req_field f,
		      bool sent)
{
	struct gh_str v = { "", 0 };
	uint8_t c = !sent || !req_get_str(r, f, &v) ? ABSENT : v.len ? PRESENT : EMPTY;

	mix(k, 2u * f + 64, &c, 1);
}

static bool blank_in(const struct request_record *r, enum req_field f)
{
	struct gh_str v;

	return req_get_str(r, f, &v) && memchr(v.p, ' ', v.len);
}

/* The parameter names 943110 and 943120 read with the Referer (CRS 3.3.4's list). */
static const char *const SESSION_NAMES[] = {
	"jsessionid", "aspsessionid", "asp.net_sessionid", "phpsession", "phpsessid",
	"weblogicsession", "session_id", "session-id", "cfid", "cftoken", "cfsid",
	"jservsession", "jwsession",
};

/*
 * Whether the query may name one, as the rules read names (decoded, %u
 * too, lowercased): anywhere in it, and whenever decoding leaves a '%' or
 * the query is long, so the answer errs towards keeping the Referer whole.
 */
static bool may_name_a_session(const struct request_record *r)
{
	char buf[2048];
	struct gh_str q;
	uint32_t chain = 0;
	size_t len;

	if (!req_get_str(r, REQ_QUERY, &q))
		return false;
	if (q.len >= sizeof(buf))
		return true;
	xform_chain_push(&chain, XF_URL_DECODE_UNI);
	xform_chain_push(&chain, XF_LOWERCASE);
	memcpy(buf, q.p, q.len);
	len = xform_apply(chain, true, buf, q.len);
	if (memchr(buf, '%', len))
		return true;
	for (size_t i = 0; i < sizeof(SESSION_NAMES) / sizeof(SESSION_NAMES[0]); i++)
		if (memmem(buf, len, SESSION_NAMES[i], strlen(SESSION_NAMES[i])))
			return true;
	return false;
}

/* 127.0.0.1 or ::1: what CRS's 905100 and 905110 exceptions name. */
static bool loopback(const struct request_record *r)
{
	static const uint8_t v6[16] = { [15] = 1 };
	static const uint8_t v4[4] = { 127, 0, 0, 1 };

	if (!req_has(r, REQ_SRC_IP))
		return false;
	return r->src.family == AF_INET ? !memcmp(r->src.bytes, v4, 4)
					: !memcmp(r->src.bytes, v6, 16);
}

bool crs_memo_key(const struct crs_memo *m, const struct request_record *r, unsigned int marks,
		  bool referer_sent, struct crs_memo_key *k)
{
	static const enum req_field whole[] = { REQ_METHOD, REQ_VERSION, REQ_HOST, REQ_ACCEPT,
						REQ_CONTENT_TYPE };
	const unsigned int target = REQ_BIT(REQ_PATH) | REQ_BIT(REQ_QUERY);
	uint8_t has_length = req_has(r, REQ_CONTENT_LENGTH);

	if (!marks || marks & CRS_PF_WHOLE || loopback(r))
		return false;
	*k = (struct crs_memo_key){ m->seed_a, m->seed_b };
	for (size_t i = 0; i < sizeof(whole) / sizeof(whole[0]); i++)
		mix_str(k, r, whole[i]);
	mix(k, 100, &has_length, 1);
	if (has_length)
		mix(k, 101, &r->content_length, sizeof(r->content_length));
	/* 920100 reads the request line whole: where a blank falls in the target matters. */
	if (marks & target || blank_in(r, REQ_PATH) || blank_in(r, REQ_QUERY)) {
		mix_str(k, r, REQ_PATH);
		mix_str(k, r, REQ_QUERY);
	}
	if (marks & REQ_BIT(REQ_USER_AGENT))
		mix_str(k, r, REQ_USER_AGENT);
	else
		mix_class(k, r, REQ_USER_AGENT, true);
	/* A marked query that may name a session keeps it whole: 943110 reads the two together. */
	if (referer_sent && (marks & REQ_BIT(REQ_REFERER) ||
			     (marks & REQ_BIT(REQ_QUERY) && may_name_a_session(r))))
		mix_str(k, r, REQ_REFERER);
	else
		mix_class(k, r, REQ_REFERER, referer_sent);
	/* Never the empty slot's 0, 0. */
	k->a |= 1;
	return true;
}

static size_t slot_of(struct crs_memo_key k)
{
	return k.b & (MEMO_SLOTS - 1);
}

bool crs_memo_get(const struct crs_memo *m, struct crs_memo_key k, struct crs_result *res)
{
	const struct memo_entry *e = &m->e[slot_of(k)];

	if (e->a != k.a || e->b != k.b)
		return false;
	res->score = e->score;
	res->n_fired = e->n_fired;
	res->n_hits = e->n_hits;
	memcpy(res->hits, e->hits, e->n_hits * sizeof(e->hits[0]));
	return true;
}

void crs_memo_put(struct crs_memo *m, struct crs_memo_key k, const struct crs_result *res)
{
	struct memo_entry *e = &m->e[slot_of(k)];

	e->a = k.a;
	e->b = k.b;
	e->score = res->score;
	e->n_fired = res->n_fired;
	e->n_hits = res->n_hits;
	memcpy(e->hits, res->hits, res->n_hits * sizeof(res->hits[0]));
}
