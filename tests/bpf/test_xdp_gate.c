// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * BPF_PROG_RUN tests of the XDP gate on crafted frames: blocks and allows
 * (throttles: test_xdp_throttle.c), set up as gate_harness.h says. Every
 * check is decided by what the kernel did: the verdict, the global
 * counters, the entries' hit counts.
 */
#include "gate_harness.h"
#include "kernel/block_hits.h"
#include "kernel/drop_cache.h"

#define REPEAT 1000
#define WHY_LEN 160

/* An established-connection TCP segment from src. */
static int src_frame(struct frame *f, const char *src)
{
	return frame_build(f, &(struct frame_spec){ .src = src, .tcp_flags = FRAME_TCP_ACK });
}

/* Names the first counter that moved differently from the prediction. */
static bool stats_match(const struct gate_stats *got, const struct gate_stats *want, char *why,
			size_t len)
{
#define GH_CMP(name)                                                                       \
	if (got->name != want->name) {                                                     \
		snprintf(why, len, #name " moved by %llu, want %llu",                      \
			 (unsigned long long)got->name, (unsigned long long)want->name);   \
		return false;                                                              \
	}
	GATE_STATS_FIELDS(GH_CMP)
#undef GH_CMP
	return true;
}

/* The counters one complete IP frame moves, by verdict. */
static struct gate_stats verdict_stats(int family, int verdict, bool allowed, bool expired)
{
	struct gate_stats e = { .seen = 1, .allowed = allowed, .expired_hits = expired };
	bool v4 = family == AF_INET;

	*(v4 ? &e.ipv4 : &e.ipv6) = 1;
	if (verdict == XDP_DROP) {
		e.dropped = 1;
		*(v4 ? &e.dropped_v4 : &e.dropped_v6) = 1;
	} else {
		e.passed = 1;
	}
	return e;
}

/*
 * Run the first len bytes of f once: the kernel must take it, the verdict
 * must be the one want implies and every counter must move as want says.
 */
static bool run_expect(const struct frame *f, uint32_t len, const struct gate_stats *want,
		       char *why, size_t n)
{
	int want_verdict = want->dropped ? XDP_DROP : XDP_PASS;
	struct gate_stats before = read_stats(), after, got;
	int verdict = run(f, len, 1);

	after = read_stats();
	if (verdict < 0) {
		snprintf(why, n, "the kernel refused it: %s", strerror(-verdict));
		return false;
	}
	if (verdict != want_verdict) {
		snprintf(why, n, "verdict %d, want %d", verdict, want_verdict);
		return false;
	}
	got = stats_diff(&before, &after);
	return stats_match(&got, want, why, n);
}

/* ---- writing and reading entries through gate_maps.c ---- */

static int block(const char *cidr, uint64_t ttl_s, uint32_t reason)
{
	struct block_spec s = { .ttl_s = ttl_s, .reason = reason };

	return gh_cidr_parse(cidr, &s.cidr) ?: gate_block_add(&maps, &s, 1);
}

static int allow(const char *cidr)
{
	struct gh_cidr c;

	return gh_cidr_parse(cidr, &c) ?: gate_allow_add(&maps, &c);
}

/* UINT64_MAX when there is no such entry; the drops the cache holds count (as listed). */
static uint64_t block_hits(const char *cidr)
{
	struct drop_cache_held held;
	struct block_entry e;
	struct gh_cidr c;
	uint64_t hits;

	if (gh_cidr_parse(cidr, &c) || gate_block_get(&maps, &c, &e) ||
	    drop_cache_held_read(maps.drop_cache, &held))
		return UINT64_MAX;
	hits = e.hits + drop_cache_held_of(&held, &c, e.created_ns);
	drop_cache_held_free(&held);
	return hits;
}

struct allow_find {
	struct gh_cidr cidr;
	uint64_t hits;
};

static int find_allow(const struct allow_view *v, void *ctx)
{
	struct allow_find *a = ctx;

	if (v->cidr.prefixlen != a->cidr.prefixlen || !gh_addr_equal(&v->cidr.addr, &a->cidr.addr))
		return 0;
	a->hits = v->entry.hits;
	return 1;
}

static uint64_t allow_hits(const char *cidr)
{
	struct allow_find a = { .hits = UINT64_MAX };

	if (gh_cidr_parse(cidr, &a.cidr) || gate_allow_foreach(&maps, find_allow, &a) != 1)
		return UINT64_MAX;
	return a.hits;
}

/* Every block entry with its value, padding zeroed so sets compare bytewise. */
struct block_set {
	struct block_view v[4 * MAX_BLOCKS];
	size_t n;
};

static int collect_block(const struct block_view *v, void *ctx)
{
	struct block_set *s = ctx;

	if (s->n == ARRAY_SIZE(s->v))
		return -E2BIG;
	memset(&s->v[s->n], 0, sizeof(s->v[0]));
	s->v[s->n].cidr = v->cidr;
	s->v[s->n].entry = v->entry;
	s->n++;
	return 0;
}

struct cidr_set {
	struct gh_cidr v[4 * MAX_BLOCKS];
	size_t n;
};

static int collect_allow(const struct allow_view *v, void *ctx)
{
	struct cidr_set *s = ctx;

	if (s->n == ARRAY_SIZE(s->v))
		return -E2BIG;
	s->v[s->n++] = v->cidr;
	return 0;
}

static int cmp_view(const void *a, const void *b)
{
	return memcmp(a, b, sizeof(struct block_view));
}

/* Sorted, so two reads of the same content compare equal. */
static int read_blocks(struct block_set *s)
{
	int err;

	s->n = 0;
	err = gate_block_list(&maps, collect_block, s);
	qsort(s->v, s->n, sizeof(s->v[0]), cmp_view);
	return err;
}

/* Each test starts from empty lists. */
static int clear_lists(void)
{
	static struct block_set blocks;
	struct cidr_set allows = { .n = 0 };
	int err = read_blocks(&blocks) ?: gate_allow_foreach(&maps, collect_allow, &allows);

	for (size_t i = 0; i < blocks.n && !err; i++)
		err = gate_block_del(&maps, &blocks.v[i].cidr);
	for (size_t i = 0; i < allows.n && !err; i++)
		err = gate_allow_del(&maps, &allows.v[i]);
	return err;
}

/* ---- frames of every shape, whole and truncated ---- */

static void test_min_length(void)
{
	struct frame f;

	src_frame(&f, "192.0.2.20");
	ok_eq(run(&f, ETH_HLEN - 1, 1), -EINVAL,
	      "a %d-byte frame is refused by BPF_PROG_RUN: truncation starts at ETH_HLEN",
	      ETH_HLEN - 1);
}

static const struct frame_case {
	const char *what;
	struct frame_spec spec;
	bool syn;      /* the complete frame counts as a SYN */
	bool fragment; /* the complete frame counts as a fragment */
} frame_cases[] = {
	{ "IPv4 TCP SYN", { .src = "192.0.2.10", .tcp_flags = FRAME_TCP_SYN }, .syn = true },
	{ "IPv4 TCP SYN-ACK",
	  { .src = "192.0.2.11", .tcp_flags = FRAME_TCP_SYN | FRAME_TCP_ACK } },
	{ "IPv4 with IP options",
	  { .src = "192.0.2.12", .ip_opt_words = 3, .tcp_flags = FRAME_TCP_SYN },
	  .syn = true },
	{ "IPv4 in 802.1Q",
	  { .src = "192.0.2.13", .tags = { ETH_P_8021Q }, .tcp_flags = FRAME_TCP_SYN },
	  .syn = true },
	{ "IPv4 in 802.1ad + 802.1Q",
	  { .src = "192.0.2.14", .tags = { ETH_P_8021AD, ETH_P_8021Q },
	    .tcp_flags = FRAME_TCP_SYN },
	  .syn = true },
	{ "IPv4 first fragment",
	  { .src = "192.0.2.15", .more_frags = true, .tcp_flags = FRAME_TCP_SYN },
	  .syn = true, .fragment = true },
	/* Its payload looks like a SYN header, which must not be read as one. */
	{ "IPv4 later fragment",
	  { .src = "192.0.2.16", .frag_offset = 185, .tcp_flags = FRAME_TCP_SYN },
	  .fragment = true },
	{ "IPv6 TCP SYN", { .src = "2001:db8::10", .tcp_flags = FRAME_TCP_SYN }, .syn = true },
	{ "IPv6 in 802.1Q",
	  { .src = "2001:db8::11", .tags = { ETH_P_8021Q }, .tcp_flags = FRAME_TCP_SYN },
	  .syn = true },
	{ "IPv6 in 802.1ad + 802.1Q",
	  { .src = "2001:db8::12", .tags = { ETH_P_8021AD, ETH_P_8021Q },
	    .tcp_flags = FRAME_TCP_SYN },
	  .syn = true },
	{ "IPv6 hop-by-hop + routing + fragment (first)",
	  { .src = "2001:db8::13", .n_ext = 3,
	    .ext = { IPPROTO_HOPOPTS, IPPROTO_ROUTING, IPPROTO_FRAGMENT }, .more_frags = true,
	    .tcp_flags = FRAME_TCP_SYN },
	  .syn = true, .fragment = true },
	{ "IPv6 later fragment",
	  { .src = "2001:db8::14", .n_ext = 1, .ext = { IPPROTO_FRAGMENT }, .frag_offset = 185,
	    .tcp_flags = FRAME_TCP_SYN },
	  .fragment = true },
	/* Past the walk's bound the source still decides. */
	{ "IPv6 behind more extension headers than the parser walks",
	  { .src = "2001:db8::15", .n_ext = GH_IPV6_EXT_MAX + 1,
	    .ext = { [0 ... GH_IPV6_EXT_MAX] = IPPROTO_DSTOPTS }, .tcp_flags = FRAME_TCP_ACK } },
	/* The sender address is blocked too: non-IP frames are never judged. */
	{ "ARP request", { .src = "192.0.2.17", .arp = true } },
};

/* Counters the first len bytes of f move, with f's source blocked or not. */
static struct gate_stats frame_expect(const struct frame_case *c, const struct frame *f,
				      uint32_t len, bool blocked)
{
	struct gate_stats e = { .seen = 1, .passed = 1 };

	if (len < f->l3_end) {
		e.parse_errors = 1;
		return e;
	}
	if (c->spec.arp) {
		e.non_ip = 1;
		return e;
	}
	e = verdict_stats(f->family, blocked ? XDP_DROP : XDP_PASS, false, false);
	e.vlan = c->spec.tags[0] != 0;
	e.fragments = c->fragment && len >= f->frag_end;
	e.syns = c->syn && len >= f->tcp_flags_end;
	return e;
}

static void test_frame(const struct frame_case *c)
{
	struct gate_stats want;
	char why[WHY_LEN] = "";
	uint64_t drops = 0;
	uint32_t bad_len = 0;
	struct frame f;
	int err = frame_build(&f, &c->spec) ?: clear_lists();

	if (!ok(!err, "%s: %u-byte frame built, lists empty", c->what, f.len))
		return;
	want = frame_expect(c, &f, f.len, false);
	if (!ok(run_expect(&f, f.len, &want, why, sizeof(why)), "%s: passes when not blocked",
		c->what))
		tap_diag("%s", why);

	if (!ok(!block(c->spec.src, 0, 0), "%s: source blocked", c->what))
		return;
	want = frame_expect(c, &f, f.len, true);
	drops += want.dropped;
	if (!ok(run_expect(&f, f.len, &want, why, sizeof(why)), "%s: %s when its source is blocked",
		c->what, want.dropped ? "dropped" : "still passes"))
		tap_diag("%s", why);

	/* Every truncation, blocked: PASS until the gate can classify, then as whole. */
	for (uint32_t len = ETH_HLEN; len < f.len; len++) {
		want = frame_expect(c, &f, len, true);
		drops += want.dropped;
		if (!bad_len && !run_expect(&f, len, &want, why, sizeof(why)))
			bad_len = len;
	}
	if (!ok(!bad_len, "%s: every truncation from %d to %u bytes judged as predicted", c->what,
		ETH_HLEN, f.len - 1))
		tap_diag("at %u bytes: %s", bad_len, why);
	ok_eq(block_hits(c->spec.src), drops, "%s: the entry's hits equal the frames it dropped",
	      c->what);
}

/* ---- allow and block lists ---- */

static const struct scenario {
	const char *what;
	const char *blocks[3]; /* given reasons "A", "B", "C" in this order */
	const char *allows[2];
	const char *src;
	int verdict;
	const char *hit; /* the one entry whose hit count moves; NULL: none */
} scenarios[] = {
	{ "blocked /32", { "192.0.2.7" }, {}, "192.0.2.7", XDP_DROP, "192.0.2.7" },
	{ "next to a blocked /32", { "192.0.2.7" }, {}, "192.0.2.8", XDP_PASS, NULL },
	{ "blocked /128", { "2001:db8::7" }, {}, "2001:db8::7", XDP_DROP, "2001:db8::7" },
	{ "next to a blocked /128", { "2001:db8::7" }, {}, "2001:db8::8", XDP_PASS, NULL },
	{ "inside a blocked /24", { "198.51.100.0/24" }, {}, "198.51.100.255", XDP_DROP,
	  "198.51.100.0/24" },
	{ "just outside a blocked /24", { "198.51.100.0/24" }, {}, "198.51.101.0", XDP_PASS,
	  NULL },
	{ "inside a blocked /48", { "2001:db8:1::/48" }, {}, "2001:db8:1:ffff::1", XDP_DROP,
	  "2001:db8:1::/48" },
	{ "just outside a blocked /48", { "2001:db8:1::/48" }, {}, "2001:db8:2::", XDP_PASS,
	  NULL },
	{ "inside a blocked /64 (the IPv6 default scope)", { "2001:db8:64:1::/64" }, {},
	  "2001:db8:64:1:ffff:ffff:ffff:fffe", XDP_DROP, "2001:db8:64:1::/64" },
	{ "the next /64", { "2001:db8:64:1::/64" }, {}, "2001:db8:64:2::1", XDP_PASS, NULL },
	{ "blocked 0.0.0.0/0", { "0.0.0.0/0" }, {}, "203.0.113.1", XDP_DROP, "0.0.0.0/0" },
	{ "IPv4 source under a blocked ::/0", { "::/0" }, {}, "203.0.113.1", XDP_PASS, NULL },
	{ "allow /24 beats a blocked /32 inside it", { "192.0.2.7" }, { "192.0.2.0/24" },
	  "192.0.2.7", XDP_PASS, "192.0.2.0/24" },
	{ "allow /128 beats a blocked /32 around it", { "2001:db8::/32" }, { "2001:db8::7" },
	  "2001:db8::7", XDP_PASS, "2001:db8::7" },
	{ "allow of another /24 does not cover", { "192.0.2.7" }, { "192.0.3.0/24" }, "192.0.2.7",
	  XDP_DROP, "192.0.2.7" },
	{ "most specific wins: /16 inside /8", { "10.0.0.0/8", "10.1.0.0/16" }, {}, "10.1.2.3",
	  XDP_DROP, "10.1.0.0/16" },
	{ "most specific wins: source only in the /8", { "10.0.0.0/8", "10.1.0.0/16" }, {},
	  "10.2.0.1", XDP_DROP, "10.0.0.0/8" },
	{ "most specific wins: /32 inside /16 inside /8",
	  { "10.0.0.0/8", "10.1.0.0/16", "10.1.2.3" }, {}, "10.1.2.3", XDP_DROP, "10.1.2.3" },
	{ "most specific wins: /48 inside /32", { "2001:db8::/32", "2001:db8:1::/48" }, {},
	  "2001:db8:1::9", XDP_DROP, "2001:db8:1::/48" },
};

static bool listed(const char *const *list, size_t n, const char *cidr)
{
	for (size_t i = 0; i < n && list[i]; i++)
		if (cidr && !strcmp(list[i], cidr))
			return true;
	return false;
}

/* Only s->hit moved, by one; every entry was written fresh, at zero. */
static bool hits_as_predicted(const struct scenario *s, char *why, size_t n)
{
	for (size_t i = 0; i < ARRAY_SIZE(s->blocks) + ARRAY_SIZE(s->allows); i++) {
		bool is_block = i < ARRAY_SIZE(s->blocks);
		const char *cidr = is_block ? s->blocks[i] : s->allows[i - ARRAY_SIZE(s->blocks)];
		uint64_t want, got;

		if (!cidr)
			continue;
		want = s->hit && !strcmp(cidr, s->hit);
		got = is_block ? block_hits(cidr) : allow_hits(cidr);
		if (got != want) {
			snprintf(why, n, "%s has %llu hits, want %llu", cidr,
				 (unsigned long long)got, (unsigned long long)want);
			return false;
		}
	}
	return true;
}

static void test_scenario(const struct scenario *s)
{
	bool allowed = listed(s->allows, ARRAY_SIZE(s->allows), s->hit);
	char why[WHY_LEN] = "";
	struct gate_stats want;
	struct frame f;
	int err = clear_lists() ?: src_frame(&f, s->src);

	for (size_t i = 0; i < ARRAY_SIZE(s->blocks) && s->blocks[i] && !err; i++) {
		uint32_t reason;

		err = gate_reason_id(&maps, (const char[]){ (char)('A' + i), 0 }, &reason) ?:
			      block(s->blocks[i], 0, reason);
	}
	for (size_t i = 0; i < ARRAY_SIZE(s->allows) && s->allows[i] && !err; i++)
		err = allow(s->allows[i]);
	if (!ok(!err, "%s: entries written", s->what))
		return;
	want = verdict_stats(f.family, s->verdict, allowed, false);
	if (!ok(run_expect(&f, f.len, &want, why, sizeof(why)), "%s: %s %s", s->what, s->src,
		s->verdict == XDP_DROP ? "dropped" : "passes"))
		tap_diag("%s", why);
	if (!ok(hits_as_predicted(s, why, sizeof(why)), "%s: hit counted on %s only", s->what,
		s->hit ? s->hit : "no entry"))
		tap_diag("%s", why);
}

/* Hit counters move by exactly the number of frames dropped. */
static void test_hit_counts(void)
{
	static const char *const net_srcs[] = { "198.51.100.1", "198.51.100.2", "198.51.100.3" };
	struct gate_stats before, after, d;
	struct frame f;
	int verdict, err;

	err = clear_lists() ?: block("192.0.2.7", 0, 0) ?: block("198.51.100.0/24", 0, 0);
	err = err ?: src_frame(&f, "192.0.2.7");
	before = read_stats();
	verdict = err ?: run(&f, f.len, REPEAT);
	for (size_t i = 0; i < ARRAY_SIZE(net_srcs) && !err; i++) {
		err = src_frame(&f, net_srcs[i]);
		if (!err && run(&f, f.len, 1) != XDP_DROP)
			err = -EINVAL;
	}
	after = read_stats();
	d = stats_diff(&before, &after);

	ok_eq(verdict, XDP_DROP, "hits: %d repeated frames from a blocked /32 run", REPEAT);
	ok_eq(block_hits("192.0.2.7"), REPEAT, "hits: the /32 counted each of them");
	ok_eq(block_hits("198.51.100.0/24"), ARRAY_SIZE(net_srcs),
	      "hits: the /24 counted the %zu frames from inside it", ARRAY_SIZE(net_srcs));
	ok(!err && d.dropped == REPEAT + ARRAY_SIZE(net_srcs) && d.dropped_v4 == d.dropped &&
		   d.seen == d.dropped,
	   "hits: dropped and dropped_v4 moved by %zu", REPEAT + ARRAY_SIZE(net_srcs));
	ok_eq(block("192.0.2.7", 3600, 0) ?: (int)block_hits("192.0.2.7"), REPEAT,
	      "hits: refreshing the /32 with a new ttl keeps its count");
}

/* ---- expiry, enforced by the program itself ---- */

static const struct expiry_case {
	const char *what;
	struct {
		const char *cidr;
		bool expires; /* a 1 s ttl; otherwise never */
	} blocks[GH_EXPIRED_FALLBACK_MAX + 1];
	const char *src;
	const char *live; /* the entry that still drops after expiry; NULL: passes */
} expiry_cases[] = {
	{ "expired /32", { { "192.0.2.30", true } }, "192.0.2.30", NULL },
	{ "expired /128", { { "2001:db8::30", true } }, "2001:db8::30", NULL },
	{ "expired /24", { { "198.51.100.0/24", true } }, "198.51.100.30", NULL },
	{ "expired /64", { { "2001:db8:30::/64", true } }, "2001:db8:30::1", NULL },
	{ "expired /32 inside a live /24",
	  { { "203.0.113.30", true }, { "203.0.113.0/24", false } }, "203.0.113.30",
	  "203.0.113.0/24" },
	{ "expired /128 inside a live /48",
	  { { "2001:db8:31::1", true }, { "2001:db8:31::/48", false } }, "2001:db8:31::1",
	  "2001:db8:31::/48" },
	{ "expired /28 inside a live /24",
	  { { "10.20.30.0/28", true }, { "10.20.30.0/24", false } }, "10.20.30.5",
	  "10.20.30.0/24" },
	{ "expired /64 inside a live /48",
	  { { "2001:db8:32::/64", true }, { "2001:db8:32::/48", false } }, "2001:db8:32::1",
	  "2001:db8:32::/48" },
	/* gate.h: an expired match is retried with shorter prefixes this many times. */
	{ "GH_EXPIRED_FALLBACK_MAX expired prefixes inside a live /16",
	  { { "10.9.0.0/28", true },
	    { "10.9.0.0/26", true },
	    { "10.9.0.0/24", true },
	    { "10.9.0.0/20", true },
	    { "10.9.0.0/16", false } },
	  "10.9.0.7", "10.9.0.0/16" },
};
_Static_assert(GH_EXPIRED_FALLBACK_MAX == 4,
	       "the last expiry case nests GH_EXPIRED_FALLBACK_MAX expired prefixes");

static void test_expiry(void)
{
	const struct timespec past_ttl = { 1, 200 * 1000 * 1000 };
	const size_t n = ARRAY_SIZE(expiry_cases);
	char why[WHY_LEN] = "";
	int err = clear_lists();

	for (size_t i = 0; i < n && !err; i++)
		for (size_t j = 0; j < ARRAY_SIZE(expiry_cases[i].blocks); j++)
			if (expiry_cases[i].blocks[j].cidr && !err)
				err = block(expiry_cases[i].blocks[j].cidr,
					    expiry_cases[i].blocks[j].expires ? 1 : 0, 0);
	if (!ok(!err, "expiry: entries written, the expiring ones with a 1 s ttl"))
		return;
	for (size_t i = 0; i < n; i++) {
		struct frame f;

		ok_eq(src_frame(&f, expiry_cases[i].src) ?: run(&f, f.len, 1), XDP_DROP,
		      "%s: drops while live", expiry_cases[i].what);
	}

	nanosleep(&past_ttl, NULL);
	for (size_t i = 0; i < n; i++) {
		const struct expiry_case *c = &expiry_cases[i];
		int verdict = c->live ? XDP_DROP : XDP_PASS;
		uint64_t live_hits = c->live ? block_hits(c->live) : 0;
		struct gate_stats want;
		struct frame f;

		src_frame(&f, c->src);
		want = verdict_stats(f.family, verdict, false, !c->live);
		if (!ok(run_expect(&f, f.len, &want, why, sizeof(why)), "%s: %s after expiry",
			c->what, c->live ? "the live entry drops" : "passes, expired_hits +1"))
			tap_diag("%s", why);
		if (c->live)
			ok_eq(block_hits(c->live) - live_hits, 1, "%s: the hit is on %s", c->what,
			      c->live);
		else
			ok_eq(block_hits(c->blocks[0].cidr), 1,
			      "%s: still in the map (the program expired it, not a cleaner), "
			      "hit only while live",
			      c->what);
	}
}

/* An allow entry with a ttl: the program ignores it once expired (gate.h). */
static const struct allow_expiry_case {
	const char *what;
	const char *block;
	const char *expiring_allow; /* 1 s ttl */
	const char *live_allow;     /* NULL: none */
	const char *src;
	int verdict_after;
} allow_expiry_cases[] = {
	{ "expired allow /32 over a blocked /32", "198.18.0.40", "198.18.0.40", NULL, "198.18.0.40",
	  XDP_DROP },
	{ "expired allow /128 over a blocked /64", "2001:db8:40::/64", "2001:db8:40::1", NULL,
	  "2001:db8:40::1", XDP_DROP },
	{ "expired allow /32 inside a live allow /24", "192.0.2.41", "192.0.2.41",
	  "192.0.2.0/24", "192.0.2.41", XDP_PASS },
	{ "expired allow /64 inside a live allow /48", "2001:db8:41::1", "2001:db8:41::/64",
	  "2001:db8:41::/48", "2001:db8:41::1", XDP_PASS },
};

static void test_allow_expiry(void)
{
	const struct timespec past_ttl = { 1, 200 * 1000 * 1000 };
	int err = clear_lists();

	for (size_t i = 0; i < ARRAY_SIZE(allow_expiry_cases) && !err; i++) {
		const struct allow_expiry_case *c = &allow_expiry_cases[i];
		struct allow_spec a = { .ttl_s = 1 };

		err = block(c->block, 0, 0) ?: gh_cidr_parse(c->expiring_allow, &a.cidr) ?:
					      gate_allow_put(&maps, &a, 1);
		if (!err && c->live_allow)
			err = allow(c->live_allow);
	}
	if (!ok(!err, "allow expiry: entries written, the expiring allows with a 1 s ttl"))
		return;
	for (size_t i = 0; i < ARRAY_SIZE(allow_expiry_cases); i++) {
		struct frame f;

		ok_eq(src_frame(&f, allow_expiry_cases[i].src) ?: run(&f, f.len, 1), XDP_PASS,
		      "%s: passes while the allow is live", allow_expiry_cases[i].what);
	}
	nanosleep(&past_ttl, NULL);
	for (size_t i = 0; i < ARRAY_SIZE(allow_expiry_cases); i++) {
		const struct allow_expiry_case *c = &allow_expiry_cases[i];
		uint64_t live_hits = c->live_allow ? allow_hits(c->live_allow) : 0;
		struct frame f;

		ok_eq(src_frame(&f, c->src) ?: run(&f, f.len, 1), c->verdict_after, "%s: %s",
		      c->what, c->live_allow ? "the live allow still passes it" : "dropped again");
		if (c->live_allow)
			ok_eq(allow_hits(c->live_allow) - live_hits, 1, "%s: the hit is on %s",
			      c->what, c->live_allow);
	}
}

/* ---- full maps ---- */

static const struct full_case {
	const char *what;
	const char *fill; /* format of entry i, 0 <= i < MAX_BLOCKS */
	/* An entry that has room elsewhere, a refresh of a filled entry, then
	 * two that do not fit: the batch fails part-way through. */
	const char *overflow[4];
} full_cases[] = {
	{ "host hash", "100.64.0.%d",
	  { "2001:db8::99", "100.64.0.1", "100.64.1.1", "100.64.1.2" } },
	{ "prefix trie", "100.65.%d.0/24",
	  { "2001:db8::99", "100.65.1.0/24", "100.66.0.0/24", "100.66.1.0/24" } },
};

static int read_config(struct gate_config *cfg)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(maps.config, &zero, cfg) ? -errno : 0;
}

static void test_map_full(const struct full_case *c)
{
	static struct block_set before, after;
	struct block_spec fill[MAX_BLOCKS], over[ARRAY_SIZE(c->overflow)];
	struct gate_config cfg_before, cfg_after;
	int err = clear_lists();

	for (int i = 0; i < MAX_BLOCKS && !err; i++) {
		char cidr[GH_CIDR_STRLEN + 1];

		snprintf(cidr, sizeof(cidr), c->fill, i);
		fill[i] = (struct block_spec){ 0 };
		err = gh_cidr_parse(cidr, &fill[i].cidr);
	}
	for (size_t i = 0; i < ARRAY_SIZE(over) && !err; i++) {
		over[i] = (struct block_spec){ .ttl_s = 3600, .reason = 1 };
		err = gh_cidr_parse(c->overflow[i], &over[i].cidr);
	}
	if (!ok(!err, "%s: test entries parsed", c->what))
		return;

	ok_eq(gate_block_add(&maps, fill, MAX_BLOCKS), 0, "%s: %d entries fill it", c->what,
	      MAX_BLOCKS);
	err = read_blocks(&before) ?: read_config(&cfg_before);
	ok_eq(gate_block_add(&maps, over, ARRAY_SIZE(over)), -E2BIG,
	      "%s: a batch that overflows it fails with -E2BIG", c->what);
	err = err ?: read_blocks(&after) ?: read_config(&cfg_after);
	ok(!err && before.n == MAX_BLOCKS && after.n == before.n &&
		   !memcmp(before.v, after.v, before.n * sizeof(before.v[0])),
	   "%s: afterwards the same %d entries with the same values, nothing else", c->what,
	   MAX_BLOCKS);
	ok(!err && !memcmp(&cfg_before, &cfg_after, sizeof(cfg_before)),
	   "%s: gate_config's trie counts unchanged", c->what);
}

/* ---- totals over everything above ---- */

static void test_totals(void)
{
	struct gate_stats t = read_stats();
	char zero[WHY_LEN] = "";

	ok(t.seen == t.passed + t.dropped, "totals: seen %llu == passed + dropped",
	   (unsigned long long)t.seen);
	ok(t.ipv4 + t.ipv6 + t.non_ip + t.parse_errors == t.seen,
	   "totals: ipv4 + ipv6 + non_ip + parse_errors == seen");
	ok(t.dropped_v4 + t.dropped_v6 == t.dropped, "totals: dropped_v4 + dropped_v6 == dropped");
	/* Otherwise the sums above could hold vacuously. */
	/* throttled is test_xdp_throttle.c's. */
#define GH_ZERO(name)                                                                      \
	if (!t.name && strcmp(#name, "throttled"))                                         \
		snprintf(zero + strlen(zero), sizeof(zero) - strlen(zero), " " #name);
	GATE_STATS_FIELDS(GH_ZERO)
#undef GH_ZERO
	if (!ok(!zero[0], "totals: every counter but throttled was exercised"))
		tap_diag("still zero:%s", zero);
}

int main(void)
{
	int err = setup();

	if (!ok(!err, "gate loaded over maps pinned in %s", pin_dir)) {
		tap_diag("setup: %s", strerror(-err));
		return tap_done();
	}
	test_min_length();
	for (size_t i = 0; i < ARRAY_SIZE(frame_cases); i++)
		test_frame(&frame_cases[i]);
	for (size_t i = 0; i < ARRAY_SIZE(scenarios); i++)
		test_scenario(&scenarios[i]);
	test_hit_counts();
	test_expiry();
	test_allow_expiry();
	for (size_t i = 0; i < ARRAY_SIZE(full_cases); i++)
		test_map_full(&full_cases[i]);
	test_totals();

	xdp_gate_bpf__destroy(skel);
	gate_maps_close(&maps);
	remove_pins();
	ok(access(pin_dir, F_OK) && errno == ENOENT, "pin directory %s and its pins removed",
	   pin_dir);
	return tap_done();
}
