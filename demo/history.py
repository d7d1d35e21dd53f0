#!/usr/bin/env python3
"""Three days of the demo site's ordinary traffic, as nginx JSON access-log lines.

The demo trains the source-behaviour profile on this before the daemon starts:
the history a site would have. Visitors browse the lab's site the way the demo's
browser-like client does (a page, /static/app.js, /static/site.css, then the
XHR call to /api/data; cookie after the first answer; the assets' referer the
page, the pages' own referer in half the sessions), some
as fast as that client, most slower; a few log in now and then, ask for a page
that is gone, or reload; two crawlers walk the pages without assets. Nothing
here attacks. Deterministic for a seed.

    demo/history.py [--seed N] [--visitors N] [--end EPOCH] > history.log
"""
import argparse
import json
import random
import time

UA_BROWSERS = [
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.2 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
]
UA_CRAWLERS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
]
SIZES = {"/static/app.js": 74, "/static/site.css": 7, "/api/data": 12}


def line(ts, addr, method, path, status, size, ua, referer="", cookie="", xhr=""):
    return json.dumps({
        "time_iso8601": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts))
        + ".%03d+00:00" % int((ts % 1) * 1000),
        "remote_addr": addr, "request": f"{method} {path} HTTP/1.1", "status": status,
        "body_bytes_sent": size, "http_referer": referer, "http_user_agent": ua,
        "http_cookie": cookie, "http_x_requested_with": xhr,
    })


def page_view(rng, out, ts, addr, ua, page, cookie, referer):
    """The page and what a browser fetches for it; returns the time after it."""
    status = 404 if rng.random() < 0.01 else 200
    out.append((ts, line(ts, addr, "GET", page, status, 80, ua, referer, cookie)))
    cookie = "sid=lab"
    if status != 200:
        return ts + rng.uniform(0.05, 0.2), cookie
    for asset in ("/static/app.js", "/static/site.css"):
        ts += rng.uniform(0.005, 0.05)
        code = 304 if rng.random() < 0.3 else 200
        out.append((ts, line(ts, addr, "GET", asset, code, 0 if code == 304 else SIZES[asset],
                             ua, "http://demo" + page, cookie)))
    ts += rng.uniform(0.01, 0.1)
    out.append((ts, line(ts, addr, "GET", "/api/data", 200, SIZES["/api/data"], ua,
                         "http://demo" + page, cookie, "XMLHttpRequest")))
    if rng.random() < 0.03:  # a favicon the site does not have
        ts += rng.uniform(0.01, 0.1)
        out.append((ts, line(ts, addr, "GET", "/favicon.ico", 404, 153, ua, "", cookie)))
    return ts, cookie


def visitor(rng, out, addr, start, end):
    ua = rng.choice(UA_BROWSERS)
    ts = rng.uniform(start, end)
    for _ in range(rng.randint(1, 6)):  # sessions
        # Pause between page views: like the demo's client (0.5-2 s) or slower readers.
        fast = rng.random() < 0.35
        views = rng.randint(5, 60) if fast else rng.randint(3, 40)
        # Half the sessions open pages without a Referer (typed, bookmarked, or a
        # browser that strips it), as the demo's client does; assets always have one.
        page_referers = rng.random() < 0.5
        cookie, referer = "", ""
        for _ in range(views):
            page = "/" if rng.random() < 0.25 else f"/pages/p{rng.randint(1, 60)}.html"
            ts, cookie = page_view(rng, out, ts, addr, ua, page, cookie, referer)
            referer = "http://demo" + page if page_referers else ""
            if rng.random() < 0.02:  # a login, answered 401 as the demo site does
                ts += rng.uniform(1, 5)
                out.append((ts, line(ts, addr, "POST", "/login", 401, 179, ua, referer, cookie)))
            ts += rng.uniform(0.5, 2.0) if fast else rng.lognormvariate(2.0, 0.8)
        ts += rng.uniform(1800, 6 * 3600)
        if ts > end:
            break


def crawler(rng, out, addr, ua, start, end):
    ts = start + rng.uniform(0, 3600)
    while ts < end:
        for i in range(rng.randint(10, 61)):
            path = "/" if i == 0 else f"/pages/p{rng.randint(1, 60)}.html"
            out.append((ts, line(ts, addr, "GET", path, 200, 80, ua)))
            ts += rng.uniform(3, 12)
        ts += rng.uniform(3 * 3600, 8 * 3600)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--visitors", type=int, default=400)
    ap.add_argument("--end", type=float, default=None, help="epoch of the last day's end")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    end = a.end if a.end is not None else time.time() - 3600
    start = end - 3 * 86400
    out = []
    for i in range(a.visitors):
        visitor(rng, out, f"10.90.{i // 250}.{i % 250 + 1}", start, end)
    for i, ua in enumerate(UA_CRAWLERS):
        crawler(rng, out, f"10.91.0.{i + 1}", ua, start, end)
    out.sort(key=lambda x: x[0])
    print("\n".join(text for _, text in out))


if __name__ == "__main__":
    main()
