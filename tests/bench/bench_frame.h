/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Frames for BPF_PROG_RUN benchmarks: Ethernet + IPv4 or IPv6 + TCP ACK with
 * real lengths and checksums, so every program under test takes the path a
 * packet off the wire would. IPv4 frames are padded to the Ethernet minimum
 * (60 bytes, 64 with the FCS); IPv6 + TCP is 74 bytes, the smallest it gets.
 */
#ifndef GATEHAWK_BENCH_FRAME_H
#define GATEHAWK_BENCH_FRAME_H

#include <arpa/inet.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>

#define BENCH_FRAME_MIN 60
#define BENCH_FRAME_MAX 128

struct bench_frame {
	uint8_t data[BENCH_FRAME_MAX];
	uint32_t len;
};

/* One's-complement sum of big-endian 16-bit words, not yet folded. */
static uint32_t bench_csum_add(uint32_t sum, const void *buf, size_t len)
{
	const uint8_t *p = buf;

	for (size_t i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)p[i] << 8 | p[i + 1];
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	return sum;
}

/* The checksum field's value, in network order. */
static uint16_t bench_csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons((uint16_t)~sum);
}

/*
 * An established-connection TCP ACK from src to dst, both of family (AF_INET
 * or AF_INET6) in network order. Locally administered MAC addresses.
 */
static void bench_frame_tcp(struct bench_frame *f, int family, const void *src, const void *dst)
{
	static const uint8_t mac_dst[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x01 };
	static const uint8_t mac_src[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x02 };
	size_t alen = family == AF_INET ? 4 : 16;
	size_t l3 = family == AF_INET ? sizeof(struct iphdr) : sizeof(struct ipv6hdr);
	struct ethhdr *eth = (struct ethhdr *)f->data;
	struct tcphdr *th = (struct tcphdr *)(f->data + ETH_HLEN + l3);
	uint32_t sum;

	memset(f, 0, sizeof(*f));
	memcpy(eth->h_dest, mac_dst, ETH_ALEN);
	memcpy(eth->h_source, mac_src, ETH_ALEN);
	eth->h_proto = htons(family == AF_INET ? ETH_P_IP : ETH_P_IPV6);
	if (family == AF_INET) {
		struct iphdr *ip = (struct iphdr *)(eth + 1);

		ip->version = 4;
		ip->ihl = 5;
		ip->tot_len = htons(sizeof(*ip) + sizeof(*th));
		ip->ttl = 64;
		ip->protocol = IPPROTO_TCP;
		memcpy(&ip->saddr, src, alen);
		memcpy(&ip->daddr, dst, alen);
		ip->check = bench_csum_fold(bench_csum_add(0, ip, sizeof(*ip)));
	} else {
		struct ipv6hdr *ip6 = (struct ipv6hdr *)(eth + 1);

		ip6->version = 6;
		ip6->payload_len = htons(sizeof(*th));
		ip6->nexthdr = IPPROTO_TCP;
		ip6->hop_limit = 64;
		memcpy(&ip6->saddr, src, alen);
		memcpy(&ip6->daddr, dst, alen);
	}
	th->source = htons(40000);
	th->dest = htons(80);
	th->seq = htonl(1);
	th->ack_seq = htonl(1);
	th->doff = sizeof(*th) / 4;
	th->ack = 1;
	th->window = htons(65535);
	/* The pseudo-header sums the same way for both families. */
	sum = bench_csum_add(bench_csum_add(0, src, alen), dst, alen);
	sum += IPPROTO_TCP + sizeof(*th);
	th->check = bench_csum_fold(bench_csum_add(sum, th, sizeof(*th)));

	f->len = ETH_HLEN + l3 + sizeof(*th);
	if (f->len < BENCH_FRAME_MIN)
		f->len = BENCH_FRAME_MIN;
}

#endif /* GATEHAWK_BENCH_FRAME_H */
