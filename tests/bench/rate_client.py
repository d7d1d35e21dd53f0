#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""HTTP GETs at a fixed rate (open loop), for CPU-per-request benchmarks.

    rate_client.py --host ADDR [--port P] [--path /] [--vhost NAME] --rate R
                   --seconds S [--conns C] [--close] [--browser]

Request i is due at start + i/R, whatever the answers before it did: the
rate does not drop when the server slows (as a closed loop like wrk's would),
so both sides of a comparison get the same load. The due times are dealt
round-robin to C workers; each sends its request when due (at once when
behind) on its keep-alive connection, or with --close on a new connection
(`Connection: close`, read to EOF). A request is late when it goes out more
than 5 ms after its due time; many late requests mean the rate was not held.
With --browser the request carries the headers a desktop browser sends for
a page (a 509-byte head with --vhost www.example.com; else about 70 bytes):
a sensor that reads heads pays by the byte.

One JSON line on stdout: due, completed, errors, late, max_late_ms, wall
seconds and the achieved rate (completed per wall second). Exit status 1
when a request failed. Python 3 standard library only.

Example: rate_client.py --host 10.77.21.1 --vhost www.example.com --browser \\
             --rate 2000 --seconds 5 --conns 8
"""
import argparse
import asyncio
import json
import math
import pathlib
import sys
import time

LATE_S = 0.005
MAX_REQUESTS = 1e9
# What Firefox sends for a page on a site it has a session with: the head
# sensor_bench sends too; its lines after the request line and Host here.
BROWSER_HEAD = pathlib.Path(__file__).with_name("data") / "firefox_head.http"


def browser_headers():
    """The header lines of BROWSER_HEAD but Host, each ending in CRLF."""
    lines = BROWSER_HEAD.read_bytes().decode().split("\r\n")
    if len(lines) < 4 or lines[-2:] != ["", ""] or not lines[1].startswith("Host: "):
        raise ValueError(f"{BROWSER_HEAD}: expected a request line, Host, headers, a blank line")
    return "".join(line + "\r\n" for line in lines[2:-2])


class Tally:
    def __init__(self):
        self.completed = 0
        self.errors = 0
        self.late = 0
        self.max_late = 0.0
        self.first_error = None

    def error(self, what):
        self.errors += 1
        if self.first_error is None:
            self.first_error = what


async def read_response(reader):
    """One response on a keep-alive connection; its status code."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
        elif name.strip().lower() == b"transfer-encoding":
            raise ValueError("chunked answers are not read here: serve a file")
    await reader.readexactly(length)
    return status


async def wait_until(t):
    delay = t - time.monotonic()
    if delay > 0:
        await asyncio.sleep(delay)


async def worker(args, first, start, deadline, tally):
    close = "Connection: close\r\n" if args.close else ""
    headers = browser_headers() if args.browser else "User-Agent: rate_client\r\n"
    request = (f"GET {args.path} HTTP/1.1\r\nHost: {args.vhost or args.host}\r\n"
               f"{headers}{close}\r\n").encode()
    reader = writer = None
    i = first
    while True:
        due = start + i / args.rate
        if due >= deadline:
            break
        await wait_until(due)
        behind = time.monotonic() - due
        tally.max_late = max(tally.max_late, behind)
        if behind > LATE_S:
            tally.late += 1
        i += args.conns
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(args.host, args.port)
            writer.write(request)
            if args.close:
                data = await reader.read()
                status = int(data.split(b" ", 2)[1])
                writer.close()
                reader = writer = None
            else:
                status = await read_response(reader)
            if 200 <= status < 400:
                tally.completed += 1
            else:
                tally.error(f"status {status}")
        except (OSError, ValueError, IndexError, asyncio.IncompleteReadError) as e:
            tally.error(f"{type(e).__name__}: {e}")
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def run(args):
    tally = Tally()
    # The first request a little ahead, so the workers are all waiting.
    start = time.monotonic() + 0.05
    deadline = start + args.seconds
    await asyncio.gather(*(worker(args, k, start, deadline, tally)
                           for k in range(args.conns)))
    wall = time.monotonic() - start
    return tally, wall


def positive(kind):
    def parse(text):
        value = kind(text)
        if not (math.isfinite(value) and value > 0):
            raise argparse.ArgumentTypeError(f"expected a number above 0, got {text!r}")
        return value
    return parse


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--host", required=True, help="server address (IPv4)")
    p.add_argument("--port", type=positive(int), default=80)
    p.add_argument("--path", default="/")
    p.add_argument("--vhost", help="the Host header (default: --host)")
    p.add_argument("--rate", type=positive(float), required=True, help="requests per second")
    p.add_argument("--seconds", type=positive(float), required=True)
    p.add_argument("--conns", type=positive(int), default=8, help="concurrent workers")
    p.add_argument("--close", action="store_true", help="a new connection per request")
    p.add_argument("--browser", action="store_true", help="a browser's request headers")
    args = p.parse_args()
    if args.rate * args.seconds > MAX_REQUESTS:
        p.error(f"--rate x --seconds: at most {MAX_REQUESTS:.0e} requests")
    due = int(args.rate * args.seconds)
    tally, wall = asyncio.run(run(args))
    json.dump({"due": due, "completed": tally.completed, "errors": tally.errors,
               "first_error": tally.first_error, "late": tally.late,
               "max_late_ms": round(tally.max_late * 1000, 3), "seconds": round(wall, 4),
               "rate": round(tally.completed / wall, 1)}, sys.stdout)
    print()
    return 1 if tally.errors else 0


if __name__ == "__main__":
    sys.exit(main())
