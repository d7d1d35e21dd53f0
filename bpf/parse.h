/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Bounded packet parsing helpers shared by every gatehawk BPF program.
 *
 * A cursor walks the frame; every helper checks `pos + len > end` before it
 * reads, so each one is safe on any truncation. Loops over VLAN tags and
 * IPv6 extension headers are bounded by named constants from gate.h.
 *
 * The gate's decision needs only the source address, which sits in the fixed
 * IPv4/IPv6 header (and so in every fragment). L4 is parsed only to count
 * SYNs and only when the first fragment holds it.
 */
#ifndef GATEHAWK_BPF_PARSE_H
#define GATEHAWK_BPF_PARSE_H

#include "gatehawk/gate.h"

#define ETH_P_IP 0x0800
#define ETH_P_IPV6 0x86DD
#define ETH_P_8021Q 0x8100
#define ETH_P_8021AD 0x88A8

/* IPv6 extension header numbers; vmlinux.h has only the IPPROTO_* enum. */
#define NEXTHDR_HOP 0
#define NEXTHDR_ROUTING 43
#define NEXTHDR_FRAGMENT 44
#define NEXTHDR_DEST 60

#define IP_MF_OFFSET_MASK 0x3fff /* MF flag + fragment offset */
#define IP_OFFSET_MASK 0x1fff
#define IP6_OFFSET_MASK 0xfff8

#define TCP_FLAGS_OFFSET 13
#define TCP_FLAG_SYN 0x02
#define TCP_FLAG_ACK 0x10

struct hdr_cursor {
	void *pos;
	void *end;
};

/* What the parser learned about one frame. */
struct pkt_info {
	const __u8 *saddr; /* into the packet; 4 or 16 bytes by family */
	__u8 family;       /* 4 or 6 */
	__u8 vlan_tags;
	__u8 fragment;     /* any fragment, first or later */
	__u8 syn;          /* TCP SYN without ACK */
};

enum parse_result {
	PARSE_OK = 0,
	PARSE_NON_IP = 1,
	PARSE_TRUNCATED = 2,
};

static __always_inline int cursor_has(const struct hdr_cursor *c, __u32 len)
{
	return c->pos + len <= c->end;
}

/* Ethernet plus up to GH_VLAN_MAX_DEPTH 802.1Q/802.1ad tags. */
static __always_inline int parse_ethernet(struct hdr_cursor *c, __u16 *proto, struct pkt_info *pkt)
{
	struct ethhdr *eth = c->pos;
	__u16 p;

	if (!cursor_has(c, sizeof(*eth)))
		return PARSE_TRUNCATED;
	p = bpf_ntohs(eth->h_proto);
	c->pos += sizeof(*eth);

#pragma unroll
	for (int i = 0; i < GH_VLAN_MAX_DEPTH; i++) {
		struct vlan_hdr *vh = c->pos;

		if (p != ETH_P_8021Q && p != ETH_P_8021AD)
			break;
		if (!cursor_has(c, sizeof(*vh)))
			return PARSE_TRUNCATED;
		p = bpf_ntohs(vh->h_vlan_encapsulated_proto);
		c->pos += sizeof(*vh);
		pkt->vlan_tags++;
	}
	*proto = p;
	return PARSE_OK;
}

static __always_inline void parse_tcp_syn(struct hdr_cursor *c, struct pkt_info *pkt)
{
	__u8 *flags = c->pos + TCP_FLAGS_OFFSET;

	if (!cursor_has(c, TCP_FLAGS_OFFSET + 1))
		return;
	pkt->syn = (*flags & (TCP_FLAG_SYN | TCP_FLAG_ACK)) == TCP_FLAG_SYN;
}

static __always_inline int parse_ipv4(struct hdr_cursor *c, struct pkt_info *pkt)
{
	struct iphdr *iph = c->pos;
	__u32 hdr_len;
	__u16 frag;

	if (!cursor_has(c, sizeof(*iph)))
		return PARSE_TRUNCATED;
	pkt->family = 4;
	pkt->saddr = (const __u8 *)&iph->saddr;

	frag = bpf_ntohs(iph->frag_off);
	pkt->fragment = (frag & IP_MF_OFFSET_MASK) != 0;
	hdr_len = iph->ihl * 4;
	/* Later fragments carry no L4 header; a bad ihl has none we trust. */
	if ((frag & IP_OFFSET_MASK) || hdr_len < sizeof(*iph))
		return PARSE_OK;
	if (iph->protocol != IPPROTO_TCP)
		return PARSE_OK;
	if (!cursor_has(c, hdr_len))
		return PARSE_OK;
	c->pos += hdr_len;
	parse_tcp_syn(c, pkt);
	return PARSE_OK;
}

static __always_inline int parse_ipv6(struct hdr_cursor *c, struct pkt_info *pkt)
{
	struct ipv6hdr *ip6h = c->pos;
	__u8 nexthdr;

	if (!cursor_has(c, sizeof(*ip6h)))
		return PARSE_TRUNCATED;
	pkt->family = 6;
	pkt->saddr = (const __u8 *)&ip6h->saddr;
	nexthdr = ip6h->nexthdr;
	c->pos += sizeof(*ip6h);

#pragma unroll
	for (int i = 0; i < GH_IPV6_EXT_MAX; i++) {
		struct ipv6_opt_hdr *oh = c->pos;
		struct frag_hdr *fh = c->pos;

		switch (nexthdr) {
		case IPPROTO_TCP:
			parse_tcp_syn(c, pkt);
			return PARSE_OK;
		case NEXTHDR_HOP:
		case NEXTHDR_ROUTING:
		case NEXTHDR_DEST:
			if (!cursor_has(c, sizeof(*oh)))
				return PARSE_OK;
			nexthdr = oh->nexthdr;
			c->pos += (oh->hdrlen + 1) * 8;
			break;
		case IPPROTO_AH:
			if (!cursor_has(c, sizeof(*oh)))
				return PARSE_OK;
			nexthdr = oh->nexthdr;
			c->pos += (oh->hdrlen + 2) * 4;
			break;
		case NEXTHDR_FRAGMENT:
			if (!cursor_has(c, sizeof(*fh)))
				return PARSE_OK;
			pkt->fragment = 1;
			/* Only the first fragment holds the upper-layer header. */
			if (bpf_ntohs(fh->frag_off) & IP6_OFFSET_MASK)
				return PARSE_OK;
			nexthdr = fh->nexthdr;
			c->pos += sizeof(*fh);
			break;
		default:
			return PARSE_OK;
		}
	}
	return PARSE_OK;
}

/* Frame from the Ethernet header on: fills pkt, returns enum parse_result. */
static __always_inline int parse_frame(void *data, void *data_end, struct pkt_info *pkt)
{
	struct hdr_cursor c = { .pos = data, .end = data_end };
	__u16 proto;
	int ret;

	ret = parse_ethernet(&c, &proto, pkt);
	if (ret != PARSE_OK)
		return ret;
	if (proto == ETH_P_IP)
		return parse_ipv4(&c, pkt);
	if (proto == ETH_P_IPV6)
		return parse_ipv6(&c, pkt);
	return PARSE_NON_IP;
}

#endif /* GATEHAWK_BPF_PARSE_H */
