/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Crafted frames for the XDP gate's BPF_PROG_RUN tests: Ethernet, up to
 * GH_VLAN_MAX_DEPTH VLAN tags, then ARP, or IPv4 (options, fragments) or
 * IPv6 (extension headers, fragments) followed by a 20-byte TCP header.
 *
 * The builder records the offsets where each thing the gate reads ends, so a
 * test can predict the verdict and counters of every truncation of a frame
 * without re-deriving header layouts. Checksums stay zero: the gate never
 * reads them, and BPF_PROG_RUN hands the bytes to the program as they are.
 */
#ifndef GATEHAWK_TEST_FRAMES_H
#define GATEHAWK_TEST_FRAMES_H

#include <arpa/inet.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>

#include "gatehawk/gate.h"

/* Room for every VLAN tag, the longest IPv4 header or an IPv6 header with
 * GH_IPV6_EXT_MAX + 1 routing headers (24 bytes each), and TCP. */
#define FRAME_MAX 512

#define FRAME_TCP_SYN 0x02
#define FRAME_TCP_ACK 0x10

#define FRAME_DST4 "192.0.2.1"
#define FRAME_DST6 "2001:db8::1"

struct frame_spec {
	const char *src;                  /* source address, IPv4 or IPv6 */
	bool arp;                         /* an ARP request from src instead of IP */
	uint16_t tags[GH_VLAN_MAX_DEPTH]; /* VLAN TPIDs, outermost first; 0 ends */
	uint8_t ip_opt_words;             /* IPv4 options (NOPs), 32-bit words */
	uint8_t n_ext;                    /* IPv6 extension headers, in order */
	uint8_t ext[GH_IPV6_EXT_MAX + 1]; /* IPPROTO_HOPOPTS, _ROUTING, _FRAGMENT, _DSTOPTS */
	uint16_t frag_offset;             /* fragment offset, 8-byte units */
	bool more_frags;                  /* IPv4 MF, or M in the IPv6 fragment header */
	uint8_t tcp_flags;                /* also written for later fragments, as payload */
};

struct frame {
	uint8_t data[FRAME_MAX];
	uint32_t len;
	int family; /* of the source address: AF_INET or AF_INET6 */
	/* From this length on the gate can classify the frame: the fixed IPv4 or
	 * IPv6 header is complete, or (ARP) the EtherType is there. */
	uint32_t l3_end;
	/* The fragment marker (IPv4 header, IPv6 fragment header) is complete
	 * from here; 0 when the frame is no fragment. */
	uint32_t frag_end;
	/* The TCP flags byte is in the frame from here. */
	uint32_t tcp_flags_end;
};

static inline void frame_put(struct frame *f, const void *src, size_t len)
{
	memcpy(f->data + f->len, src, len);
	f->len += (uint32_t)len;
}

static inline void frame_put16(struct frame *f, uint16_t host_order)
{
	uint16_t be = htons(host_order);

	frame_put(f, &be, sizeof(be));
}

static inline size_t frame_ext_len(uint8_t type)
{
	return type == IPPROTO_ROUTING ? 24 : 8;
}

static inline void frame_ipv4(struct frame *f, const struct frame_spec *s, const uint8_t *src)
{
	static const uint8_t nops[40] = { [0 ... 39] = 1 }; /* IPOPT_NOOP */
	size_t opt_len = (size_t)s->ip_opt_words * 4;
	struct iphdr ip = {
		.version = 4,
		.ihl = (uint8_t)(5 + s->ip_opt_words),
		.tot_len = htons((uint16_t)(sizeof(ip) + opt_len + 20)),
		.id = htons(1),
		.frag_off = htons((uint16_t)(s->frag_offset | (s->more_frags ? 0x2000 : 0))),
		.ttl = 64,
		.protocol = IPPROTO_TCP,
	};

	memcpy(&ip.saddr, src, 4);
	inet_pton(AF_INET, FRAME_DST4, &ip.daddr);
	frame_put(f, &ip, sizeof(ip));
	f->l3_end = f->len;
	if (s->frag_offset || s->more_frags)
		f->frag_end = f->len;
	frame_put(f, nops, opt_len);
}

/* One extension header of its minimal size; next is what follows it. */
static inline void frame_ipv6_ext(struct frame *f, const struct frame_spec *s, uint8_t type,
				  uint8_t next)
{
	uint8_t h[24] = { next };

	if (type == IPPROTO_FRAGMENT) {
		uint16_t off = htons((uint16_t)(s->frag_offset << 3 | s->more_frags));

		memcpy(h + 2, &off, sizeof(off));
		h[7] = 1; /* identification */
	} else if (type == IPPROTO_ROUTING) {
		h[1] = 2; /* 8-byte units after the first: one address */
	} else {
		h[2] = 1; /* PadN filling the option area */
		h[3] = 4;
	}
	frame_put(f, h, frame_ext_len(type));
	if (type == IPPROTO_FRAGMENT)
		f->frag_end = f->len;
}

static inline void frame_ipv6(struct frame *f, const struct frame_spec *s, const uint8_t *src)
{
	struct ipv6hdr ip6 = {
		.version = 6,
		.nexthdr = s->n_ext ? s->ext[0] : IPPROTO_TCP,
		.hop_limit = 64,
	};
	size_t ext_len = 0;

	for (int i = 0; i < s->n_ext; i++)
		ext_len += frame_ext_len(s->ext[i]);
	ip6.payload_len = htons((uint16_t)(ext_len + 20));
	memcpy(&ip6.saddr, src, 16);
	inet_pton(AF_INET6, FRAME_DST6, &ip6.daddr);
	frame_put(f, &ip6, sizeof(ip6));
	f->l3_end = f->len;
	for (int i = 0; i < s->n_ext; i++)
		frame_ipv6_ext(f, s, s->ext[i], i + 1 < s->n_ext ? s->ext[i + 1] : IPPROTO_TCP);
}

static inline void frame_tcp(struct frame *f, uint8_t flags)
{
	uint8_t th[20] = {
		0x9c, 0x40,   /* source port 40000 */
		0x00, 0x50,   /* destination port 80 */
		0, 0, 0, 1,   /* sequence */
		0, 0, 0, 0,   /* acknowledgment */
		5 << 4,       /* data offset: 5 words */
		flags,
		0xff, 0xff,   /* window */
	};

	frame_put(f, th, sizeof(th));
	f->tcp_flags_end = f->len - (uint32_t)sizeof(th) + 14;
}

static inline void frame_arp(struct frame *f, const uint8_t *mac, const uint8_t *src)
{
	static const uint8_t head[8] = { 0, 1, 0x08, 0, ETH_ALEN, 4, 0, 1 }; /* request */
	uint8_t target[4];

	inet_pton(AF_INET, FRAME_DST4, target);
	frame_put(f, head, sizeof(head));
	frame_put(f, mac, ETH_ALEN);
	frame_put(f, src, 4);
	frame_put(f, (uint8_t[ETH_ALEN]){ 0 }, ETH_ALEN);
	frame_put(f, target, sizeof(target));
}

/* Build the frame s describes; -EINVAL when s->src is no address. */
static inline int frame_build(struct frame *f, const struct frame_spec *s)
{
	static const uint8_t mac_dst[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x01 };
	static const uint8_t mac_src[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x02 };
	uint8_t src[16];
	uint16_t l3;

	memset(f, 0, sizeof(*f));
	if (inet_pton(AF_INET, s->src, src) == 1)
		f->family = AF_INET;
	else if (!s->arp && inet_pton(AF_INET6, s->src, src) == 1)
		f->family = AF_INET6;
	else
		return -EINVAL;
	l3 = s->arp ? ETH_P_ARP : f->family == AF_INET ? ETH_P_IP : ETH_P_IPV6;

	frame_put(f, mac_dst, ETH_ALEN);
	frame_put(f, mac_src, ETH_ALEN);
	for (int i = 0; i < GH_VLAN_MAX_DEPTH && s->tags[i]; i++) {
		frame_put16(f, s->tags[i]);
		frame_put16(f, (uint16_t)(100 + i)); /* TCI: VLAN id */
	}
	frame_put16(f, l3);
	if (s->arp) {
		f->l3_end = f->len;
		frame_arp(f, mac_src, src);
		return 0;
	}
	if (f->family == AF_INET)
		frame_ipv4(f, s, src);
	else
		frame_ipv6(f, s, src);
	frame_tcp(f, s->tcp_flags);
	return 0;
}

#endif /* GATEHAWK_TEST_FRAMES_H */
