/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The HTTP/1.x request-stream parser of the socket sensor's ingress program
 * (sock_http.bpf.c). It reads a segment's payload in the order of the
 * connection's bytes, from the parse state the socket keeps between
 * segments (struct sock_http_state, gatehawk/sensor.h): CR/LF between
 * requests skipped, a method token starting a request, header lines looked
 * at only for their end but for Content-Length and Transfer-Encoding, a
 * body of known length skipped unread, a method or header name cut by the
 * segment's end carried to the next. It finds; the program counts and
 * samples (start_request, emit_part).
 *
 * One bpf_loop step moves on by a byte at least (several words of a line
 * at most) or loads a chunk of the segment into the per-CPU scratch; every
 * scratch index is masked, every step is straight-line code. Include after
 * vmlinux.h and bpf_helpers.h.
 */
#ifndef GATEHAWK_BPF_HTTP_STREAM_H
#define GATEHAWK_BPF_HTTP_STREAM_H

#include "gatehawk/sensor.h"

/*
 * Per-CPU scratch: the segment bytes being parsed, behind room for the bytes
 * carried over from the last segment; the parse state of a segment read on
 * its own; the sampling tick; a sampled head's event, built here so that
 * only its filled bytes go to the ring (GH_REQUEST_EVENT_SIZE).
 */
#define SCAN_CARRY 64    /* scratch bytes before the data (>= 2 * GH_CARRY_LEN) */
#define SCAN_CHUNK 2048  /* payload bytes loaded at a time */
#define SCRATCH_SIZE 4096 /* power of two >= SCAN_CARRY + SCAN_CHUNK */
#define SCRATCH_PAD 32   /* four 8-byte loads at any masked index stay inside */

/*
 * The scan of one segment. Offsets are payload offsets of the segment (s64);
 * bytes carried over from the last segment sit just before `first`. Scratch
 * index SCAN_CARRY holds payload offset `base`; [base, hi) is loaded.
 *
 * The position and tallies live in the per-CPU scratch, not on the stack:
 * read back from a map they are unknown to the verifier at each step, so
 * its states of the bpf_loop callback converge instead of being walked
 * offset by offset.
 */
struct scan_pos {
	__s64 at;    /* next byte to parse */
	__s64 base;
	__s64 hi;
	__s64 first; /* first byte not parsed before (retransmitted bytes skipped) */
	__s64 end;   /* payload length */
	__s64 limit; /* no byte at or past this is loaded (GH_SCAN_MAX) */
	__u32 payload_off; /* of the segment in the skb */
	__u32 requests;
	__u32 pipelined;
	__u32 sampled;
	__u8 stateful;   /* ps is the socket's: its requests are numbered, parts follow */
	__u8 head_ended; /* a head ended earlier in this segment */
	__u8 more_open;  /* a sampled head from an earlier segment takes parts here */
};

struct scan_scratch {
	char buf[SCRATCH_SIZE + SCRATCH_PAD];
	struct sock_http_state one_off;
	struct scan_pos pos;
	__u32 tick;
	struct gh_request_event ev;
};

_Static_assert((SCRATCH_SIZE & (SCRATCH_SIZE - 1)) == 0, "SCRATCH_SIZE must be a power of two");
_Static_assert(SCAN_CARRY + SCAN_CHUNK <= SCRATCH_SIZE, "a chunk must fit behind the carry");
_Static_assert(SCAN_CARRY >= 2 * GH_CARRY_LEN, "carry copies must stay inside the scratch");

/* ---- words: eight bytes at a time ------------------------------------------ */

/* Little-endian 8-byte word of a token, and the mask of its first n bytes. */
#define TOKEN_WORD(a, b, c, d, e, f, g, h)                                               \
	((__u64)(a) | (__u64)(b) << 8 | (__u64)(c) << 16 | (__u64)(d) << 24 |            \
	 (__u64)(e) << 32 | (__u64)(f) << 40 | (__u64)(g) << 48 | (__u64)(h) << 56)
#define TOKEN_MASK(len) ((len) >= 8 ? ~0ULL : (1ULL << ((len) * 8)) - 1)
#define TOKEN_IS(w, len, word) (((w) & TOKEN_MASK(len)) == (word))
#define BYTES_OF(c) (0x0101010101010101ULL * (c))
/* Header names compare in lower case: OR 0x20 into every byte. */
#define LOWER(w) ((w) | BYTES_OF(0x20))

/* The first n bytes (n may be <= 0 or >= 8) of a word. */
static __always_inline __u64 first_bytes(__s64 n)
{
	if (n >= 8)
		return ~0ULL;
	if (n <= 0)
		return 0;
	return (1ULL << (n * 8)) - 1;
}

/* 0x80 in exactly the bytes of x that are zero. */
static __always_inline __u64 zero_bytes(__u64 x)
{
	return ~(((x & BYTES_OF(0x7f)) + BYTES_OF(0x7f)) | x | BYTES_OF(0x7f));
}

/* Index of the lowest byte flagged 0x80 in m (m != 0), without a ctz. */
static __always_inline __u64 first_flag(__u64 m)
{
	__u64 below = ((m & -m) >> 7) - 1; /* 0xff in each byte before it */

	return ((below & BYTES_OF(1)) * BYTES_OF(1)) >> 56;
}

#define METHOD_GET TOKEN_WORD('G', 'E', 'T', ' ', 0, 0, 0, 0)
#define METHOD_PUT TOKEN_WORD('P', 'U', 'T', ' ', 0, 0, 0, 0)
#define METHOD_POST TOKEN_WORD('P', 'O', 'S', 'T', ' ', 0, 0, 0)
#define METHOD_HEAD TOKEN_WORD('H', 'E', 'A', 'D', ' ', 0, 0, 0)
#define METHOD_PATCH TOKEN_WORD('P', 'A', 'T', 'C', 'H', ' ', 0, 0)
#define METHOD_TRACE TOKEN_WORD('T', 'R', 'A', 'C', 'E', ' ', 0, 0)
#define METHOD_DELETE TOKEN_WORD('D', 'E', 'L', 'E', 'T', 'E', ' ', 0)
#define METHOD_OPTIONS TOKEN_WORD('O', 'P', 'T', 'I', 'O', 'N', 'S', ' ')
#define METHOD_CONNECT TOKEN_WORD('C', 'O', 'N', 'N', 'E', 'C', 'T', ' ')

/* Length of the method token and its space that w starts with (GET, HEAD,
 * POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH), or 0. */
static __always_inline __u32 method_len(__u64 w)
{
	if (TOKEN_IS(w, 4, METHOD_GET) || TOKEN_IS(w, 4, METHOD_PUT))
		return 4;
	if (TOKEN_IS(w, 5, METHOD_POST) || TOKEN_IS(w, 5, METHOD_HEAD))
		return 5;
	if (TOKEN_IS(w, 6, METHOD_PATCH) || TOKEN_IS(w, 6, METHOD_TRACE))
		return 6;
	if (TOKEN_IS(w, 7, METHOD_DELETE))
		return 7;
	if (w == METHOD_OPTIONS || w == METHOD_CONNECT)
		return 8;
	return 0;
}

/* Whether the first n (1..7) bytes of w may begin a method token and its space. */
static __always_inline int method_prefix(__u64 w, __s64 n)
{
	__u64 m = first_bytes(n);

	return !((w ^ METHOD_GET) & m) || !((w ^ METHOD_PUT) & m) || !((w ^ METHOD_POST) & m) ||
	       !((w ^ METHOD_HEAD) & m) || !((w ^ METHOD_PATCH) & m) ||
	       !((w ^ METHOD_TRACE) & m) || !((w ^ METHOD_DELETE) & m) ||
	       !((w ^ METHOD_OPTIONS) & m) || !((w ^ METHOD_CONNECT) & m);
}


/* ---- the scan of one segment ----------------------------------------------- */

struct segment;

/* What the callback needs pointers to (pointers cannot live in a map). */
struct scan {
	struct __sk_buff *skb;
	struct sock_http_state *ps;    /* parse state: the socket's, or one_off */
	struct sock_http_state *owner; /* the socket's, for the outstanding queue; may be NULL */
	struct scan_scratch *sc;
	struct scan_pos *p;            /* &sc->pos */
	const struct sensor_config *cfg;
	struct sensor_stats *st;
	const struct segment *seg;
};

/*
 * Every scratch index is masked where it is used: clang is free to move the
 * logical bound checks onto other registers, which the verifier then cannot
 * connect.
 */
static __always_inline __u64 scratch_idx(const struct scan *sc, __s64 off)
{
	__u64 x = (__u64)(off - sc->p->base + SCAN_CARRY);

	/* Hide the range from clang, or it proves the mask redundant. */
	barrier_var(x);
	return x & (SCRATCH_SIZE - 1);
}

/* Eight bytes at off (unaligned loads are fine for the verifier on map values). */
static __always_inline __u64 word_at(const struct scan *sc, __s64 off)
{
	return *(const __u64 *)(sc->sc->buf + scratch_idx(sc, off));
}

static __always_inline __u8 byte_at(const struct scan *sc, __s64 off)
{
	return sc->sc->buf[scratch_idx(sc, off)];
}

/* min(v, max) on the very register the caller then passes to a helper. */
static __always_inline __u64 clamp_len(__u64 v, __u64 max)
{
	barrier_var(v);
	if (v > max)
		v = max;
	barrier_var(v);
	return v;
}

/* Load the segment from off on into the scratch; -1 past GH_SCAN_MAX or on failure. */
static __always_inline int load_at(struct scan *sc, __s64 off)
{
	__u64 len;

	if (off >= sc->p->limit || off >= sc->p->end)
		return -1;
	len = clamp_len(sc->p->end - off, SCAN_CHUNK);
	if (!len || bpf_skb_load_bytes(sc->skb, sc->p->payload_off + off,
				       sc->sc->buf + SCAN_CARRY, len)) {
		sc->st->lost_load++;
		return -1;
	}
	sc->p->base = off;
	sc->p->hi = off + len;
	return 0;
}

/*
 * Fewer than n bytes loaded from `at` on while the segment has more: load
 * again from `at`. 1 when it did (look again), 0 when there is no more to
 * load (the caller decides on what it has), -1 when loading stopped.
 */
static __always_inline int reload_for(struct scan *sc, __s64 n)
{
	if (sc->p->hi - sc->p->at >= n || sc->p->hi >= sc->p->end || sc->p->at < sc->p->first)
		return 0;
	return load_at(sc, sc->p->at) ? -1 : 1;
}

/* Keep the bytes from `at` to the end of the segment (fewer than
 * GH_CARRY_LEN, which the callers make sure of) for the next one. */
static __always_inline void carry_out(struct scan *sc)
{
	__s64 n = sc->p->hi - sc->p->at;
	__u64 src = scratch_idx(sc, sc->p->hi - GH_CARRY_LEN);
	__u64 *dst = (__u64 *)sc->ps->carry;

	dst[0] = *(const __u64 *)(sc->sc->buf + src);
	dst[1] = *(const __u64 *)(sc->sc->buf + ((src + 8) & (SCRATCH_SIZE - 1)));
	dst[2] = *(const __u64 *)(sc->sc->buf + ((src + 16) & (SCRATCH_SIZE - 1)));
	sc->ps->carry_len = n > 0 && n < GH_CARRY_LEN ? (__u8)n : 0;
	sc->p->at = sc->p->end;
}

/* Put the bytes carried from the last segment just before `first`. */
static __always_inline void carry_in(struct scan *sc)
{
	const __u64 *src = (const __u64 *)sc->ps->carry;
	__u64 *dst = (__u64 *)(sc->sc->buf + SCAN_CARRY - GH_CARRY_LEN);

	dst[0] = src[0];
	dst[1] = src[1];
	dst[2] = src[2];
	sc->p->at = sc->p->first - sc->ps->carry_len;
	sc->ps->carry_len = 0;
}

_Static_assert(GH_CARRY_LEN == 24, "carry copies move three words");

/*
 * What the including program does when the parser finds a request start
 * (count it, sample its head) and when a sampled head that took parts ends
 * or the segment does (send the next part, up to `upto`).
 */
static __always_inline void start_request(struct scan *sc, __s64 start);
static __always_inline void emit_part(struct scan *sc, __s64 upto);

static __always_inline void clear_head(struct sock_http_state *ps)
{
	ps->flags &= ~GH_PS_CHUNKED;
	ps->length_state = GH_LENGTH_NONE;
	ps->length = 0;
}

/* The parse position is unknown from here (see GH_PHASE_LOST). */
static __always_inline void lose(struct scan *sc)
{
	sc->ps->phase = GH_PHASE_LOST;
	sc->ps->line = GH_LINE_OTHER;
	sc->ps->snap_used = 0;
	sc->ps->carry_len = 0;
	sc->p->more_open = 0;
	sc->st->parse_lost++;
}

/* Lost, and nothing more of this segment is read. */
static __always_inline long lose_rest(struct scan *sc)
{
	lose(sc);
	sc->p->at = sc->p->end;
	return 1;
}

/* A blank line at `at`: the end of a head, or, lost, a place a request may start. */
static __always_inline void blank_line(struct scan *sc)
{
	struct sock_http_state *ps = sc->ps;

	ps->line = GH_LINE_START;
	if (ps->phase != GH_PHASE_HEAD) {
		ps->phase = GH_PHASE_IDLE;
		return;
	}
	if (sc->p->more_open)
		emit_part(sc, sc->p->at);
	ps->snap_used = 0;
	sc->p->more_open = 0;
	sc->p->head_ended = 1;
	/* A chunked body or an unknown length: nginx knows where it ends, we do not. */
	if ((ps->flags & GH_PS_CHUNKED) || ps->length_state == GH_LENGTH_BAD) {
		ps->phase = GH_PHASE_LOST;
		sc->st->parse_lost++;
	} else if (ps->length_state == GH_LENGTH_SET && ps->length) {
		ps->phase = GH_PHASE_BODY;
		ps->body_left = ps->length;
	} else {
		ps->phase = GH_PHASE_IDLE;
	}
	clear_head(ps);
}

static __always_inline void skip_body(struct scan *sc)
{
	struct sock_http_state *ps = sc->ps;
	__u64 n = sc->p->end - sc->p->at;

	if (n > ps->body_left)
		n = ps->body_left;
	sc->p->at += n;
	ps->body_left -= n;
	if (!ps->body_left)
		ps->phase = GH_PHASE_IDLE;
}

/*
 * Between requests: skip CR/LF, then a method token starts a request.
 * Fewer than 8 bytes left at the end of the segment that may begin a method
 * are carried to the next segment; anything else means we are lost.
 */
static __always_inline long step_idle(struct scan *sc)
{
	__u64 w, valid, crlf, other;
	__s64 avail;
	__u32 n;
	int r = reload_for(sc, 8);

	if (r)
		return r < 0 ? lose_rest(sc) : 0;
	avail = sc->p->hi - sc->p->at;
	valid = first_bytes(avail);
	w = word_at(sc, sc->p->at) & valid;
	crlf = zero_bytes(w ^ BYTES_OF('\r')) | zero_bytes(w ^ BYTES_OF('\n'));
	other = ~crlf & valid & BYTES_OF(0x80);
	if (!other) {
		sc->p->at += avail < 8 ? avail : 8;
		return 0;
	}
	if (crlf & 0x80) {
		sc->p->at += first_flag(other);
		return 0;
	}
	n = method_len(w);
	if (n) {
		start_request(sc, sc->p->at);
		sc->p->at += n;
		return 0;
	}
	if (avail < 8 && sc->p->stateful && method_prefix(w, avail)) {
		carry_out(sc);
		return 0;
	}
	lose(sc);
	return 0;
}

#define NAME_CONTENT TOKEN_WORD('c', 'o', 'n', 't', 'e', 'n', 't', '-')
#define NAME_LENGTH TOKEN_WORD('l', 'e', 'n', 'g', 't', 'h', ':', 0)
#define NAME_TRANSFER TOKEN_WORD('t', 'r', 'a', 'n', 's', 'f', 'e', 'r')
#define NAME_ENCODIN TOKEN_WORD('-', 'e', 'n', 'c', 'o', 'd', 'i', 'n')
#define NAME_G TOKEN_WORD('g', ':', 0, 0, 0, 0, 0, 0)
#define CONTENT_LENGTH_LEN 15
#define TRANSFER_ENCODING_LEN 18

/*
 * The first byte of a header line (the line is not blank): Content-Length
 * and Transfer-Encoding decide where the body ends; every other line is
 * only looked at for its end. A name cut by the end of the segment is
 * carried to the next one.
 */
static __always_inline long classify_line(struct scan *sc, __u8 c)
{
	struct sock_http_state *ps = sc->ps;
	__u64 w0, w1, w2;
	__s64 avail;
	int r;

	ps->line = GH_LINE_OTHER;
	c |= 0x20;
	if (c != 'c' && c != 't')
		return 0;
	r = reload_for(sc, TRANSFER_ENCODING_LEN);
	if (r) {
		ps->line = GH_LINE_START;
		return r < 0 ? lose_rest(sc) : 0;
	}
	avail = sc->p->hi - sc->p->at;
	w0 = word_at(sc, sc->p->at) & first_bytes(avail);
	w1 = word_at(sc, sc->p->at + 8) & first_bytes(avail - 8);
	w2 = word_at(sc, sc->p->at + 16) & first_bytes(avail - 16);
	if (avail < TRANSFER_ENCODING_LEN && sc->p->stateful &&
	    !((zero_bytes(w0 ^ BYTES_OF('\n')) & first_bytes(avail)) |
	      (zero_bytes(w1 ^ BYTES_OF('\n')) & first_bytes(avail - 8)) |
	      (zero_bytes(w2 ^ BYTES_OF('\n')) & first_bytes(avail - 16)))) {
		ps->line = GH_LINE_START;
		carry_out(sc);
		return 0;
	}
	w0 = LOWER(w0);
	w1 = LOWER(w1);
	if (w0 == NAME_CONTENT && TOKEN_IS(w1, 7, NAME_LENGTH)) {
		sc->p->at += CONTENT_LENGTH_LEN;
		/* nginx refuses a second Content-Length; we just stop trusting it. */
		if (ps->length_state == GH_LENGTH_NONE) {
			ps->length_state = GH_LENGTH_SPACE;
			ps->line = GH_LINE_LENGTH;
		} else {
			ps->length_state = GH_LENGTH_BAD;
		}
	} else if (w0 == NAME_TRANSFER && w1 == NAME_ENCODIN && TOKEN_IS(LOWER(w2), 2, NAME_G)) {
		sc->p->at += TRANSFER_ENCODING_LEN;
		ps->flags |= GH_PS_CHUNKED;
	}
	return 0;
}

/* The largest Content-Length taken (nginx takes up to off_t); more is bad. */
#define LENGTH_MAX (1ULL << 60)

/* One byte of a Content-Length value: OWS, digits, OWS, then the line end. */
static __always_inline void length_byte(struct sock_http_state *ps, __u8 c)
{
	__u8 s = ps->length_state;

	if (c == '\n') {
		ps->length_state = s == GH_LENGTH_DIGITS || s == GH_LENGTH_TAIL ? GH_LENGTH_SET
										: GH_LENGTH_BAD;
		ps->line = GH_LINE_START;
		return;
	}
	if (c == ' ' || c == '\t' || c == '\r') {
		if (s == GH_LENGTH_DIGITS)
			ps->length_state = GH_LENGTH_TAIL;
		return;
	}
	if (c >= '0' && c <= '9' && (s == GH_LENGTH_SPACE || s == GH_LENGTH_DIGITS) &&
	    ps->length < LENGTH_MAX / 10) {
		ps->length = ps->length * 10 + (c - '0');
		ps->length_state = GH_LENGTH_DIGITS;
		return;
	}
	ps->length_state = GH_LENGTH_BAD;
	ps->line = GH_LINE_OTHER;
}

/*
 * Words a GH_LINE_OTHER step scans at most before handing back to bpf_loop
 * (a browser's 500-byte head is 64: two steps). The verifier walks the loop
 * once per word for every state it enters with: 32 words take 360k of its
 * 1M instructions on 6.18.44, 128 took more than 1M. The kernel's number
 * iterator (bpf_iter_num) verifies in 58k but costs a call per word: 1,130
 * ns per request on ingress against 510 here, in the same run.
 */
#define LINE_WORDS 32

/*
 * 0x80 in the lowest zero byte of x, maybe also in bytes above it (a borrow):
 * only its lowest flag is exact. Cheaper than zero_bytes.
 */
static __always_inline __u64 first_zero_flag(__u64 x)
{
	return (x - BYTES_OF(1)) & ~x & BYTES_OF(0x80);
}

/*
 * Whether the header line that starts with w (eight bytes loaded) is one a
 * step of its own must look at (classify_line): its name may be
 * Content-Length or Transfer-Encoding ("content-type" is looked at too).
 */
static __always_inline int name_may_matter(__u64 w)
{
	w = LOWER(w);
	return w == NAME_CONTENT || w == NAME_TRANSFER;
}

/*
 * 0x80 in the bytes of n (each the first byte of a line when an LF comes
 * before it) that may make the line one to stop at: CR, LF (and below 0x10),
 * c, t in either case. More flags than that only cost a look.
 */
static __always_inline __u64 line_start_flags(__u64 n)
{
	__u64 lower = n | BYTES_OF(0x20);

	return first_zero_flag(n & BYTES_OF(0xf0)) | first_zero_flag(lower ^ BYTES_OF('c')) |
	       first_zero_flag(lower ^ BYTES_OF('t'));
}

/*
 * GH_LINE_OTHER: a word at a time to a line's end, and on through the lines
 * after it while they start with an ordinary byte: only a blank line, a CR
 * and (in a head) a name that may be Content-Length or Transfer-Encoding,
 * or one cut by the end of what is loaded, need a step of their own. The
 * LFs of a word and the first bytes of the lines after them are looked at
 * together (the next byte's word), so a line end costs nothing more unless
 * its next line may matter; the loop is not unrolled: small code stays in
 * the cache of a host busy with other work.
 */
static __always_inline long step_other(struct scan *sc)
{
	struct sock_http_state *ps = sc->ps;
	const char *buf = sc->sc->buf;
	__s64 at = sc->p->at, hi = sc->p->hi, avail;
	/* at + to_idx is at's scratch index: scratch_idx() without reading base each time */
	__s64 to_idx = SCAN_CARRY - sc->p->base;
	int head = ps->phase == GH_PHASE_HEAD;
	__u64 w, lf, stops, idx;
	__u8 c;

#pragma clang loop unroll(disable)
	for (int k = 0; k < LINE_WORDS; k++) {
		avail = hi - at;
		if (avail <= 0)
			break;
		idx = (__u64)(at + to_idx);
		barrier_var(idx);
		idx &= SCRATCH_SIZE - 1;
		lf = zero_bytes(*(const __u64 *)(buf + idx) ^ BYTES_OF('\n'));
		if (avail < 8)
			lf &= first_bytes(avail);
		/* A line starting past what is loaded is one to stop at. */
		stops = lf ? line_start_flags(*(const __u64 *)(buf + idx + 1)) |
				     (~first_bytes(avail - 1) & BYTES_OF(0x80))
			   : 0;
		if (!(lf & stops)) {
			at += avail < 8 ? avail : 8;
			continue;
		}
		at += first_flag(lf & stops) + 1;
		if (at >= hi) {
			ps->line = GH_LINE_START;
			break;
		}
		idx = (__u64)(at + to_idx);
		barrier_var(idx);
		w = *(const __u64 *)(buf + (idx & (SCRATCH_SIZE - 1)));
		c = (__u8)w;
		if (c == '\r' || c == '\n' ||
		    (head && ((c | 0x20) == 'c' || (c | 0x20) == 't') &&
		     (hi - at < 8 || name_may_matter(w)))) {
			ps->line = GH_LINE_START;
			break;
		}
	}
	sc->p->at = at;
	return 0;
}

/* Inside a head, or lost: find line ends, blank lines and the lines that matter. */
static __always_inline long step_line(struct scan *sc)
{
	struct sock_http_state *ps = sc->ps;
	__u8 c;

	if (ps->line == GH_LINE_OTHER)
		return step_other(sc);
	c = byte_at(sc, sc->p->at);
	switch (ps->line) {
	case GH_LINE_START:
		if (c == '\n') {
			sc->p->at++;
			blank_line(sc);
			return 0;
		}
		if (c == '\r') {
			/* CRLF at once when both are here: the usual blank line. */
			if (sc->p->at + 1 < sc->p->hi && byte_at(sc, sc->p->at + 1) == '\n') {
				sc->p->at += 2;
				blank_line(sc);
				return 0;
			}
			sc->p->at++;
			ps->line = GH_LINE_CRS;
			return 0;
		}
		if (ps->phase == GH_PHASE_HEAD)
			return classify_line(sc, c);
		ps->line = GH_LINE_OTHER;
		return 0;
	case GH_LINE_CRS:
		if (c == '\r') {
			sc->p->at++;
		} else if (c == '\n') {
			sc->p->at++;
			blank_line(sc);
		} else {
			ps->line = GH_LINE_OTHER;
		}
		return 0;
	}
	/* GH_LINE_LENGTH */
	sc->p->at++;
	length_byte(ps, c);
	return 0;
}

/* bpf_loop callback: one step of the parse, forward by at least a byte or a load. */
static long scan_step(__u32 i, void *data)
{
	struct scan *sc = data;

	if (sc->p->at >= sc->p->end)
		return 1;
	if (sc->ps->phase == GH_PHASE_BODY) {
		skip_body(sc);
		return 0;
	}
	if (sc->p->at >= sc->p->hi && load_at(sc, sc->p->at))
		return lose_rest(sc);
	if (sc->ps->phase == GH_PHASE_IDLE)
		return step_idle(sc);
	return step_line(sc);
}

#endif /* GATEHAWK_BPF_HTTP_STREAM_H */
