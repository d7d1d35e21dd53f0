#!/usr/bin/env python3
# SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
"""Labelled synthetic web traffic for training and evaluating behaviour
models (profile policies, issue 13): benign populations and attackers that
no single signature or threshold separates, one shop site, time ordered,
deterministic for a seed. Python 3 standard library only.

    gen_traffic.py --seed N --start ISO8601 --hours H --out-log FILE
                   --out-labels FILE [--benign-only] [--format json|combined]
                   [--scale X]

  --out-log FILE     access log, one request a line, in time order ('-': stdout)
  --out-labels FILE  one line per source that made a request:
                     `ADDRESS benign|attack # kind`
  --benign-only      no attackers: the history a site trains on. The benign
                     sources and their requests are the same as in the run
                     with attackers for the same seed, start and hours.
  --format           json (default): nginx escape=json lines with every key
                     gatehawk reads (cookie presence, X-Requested-With,
                     Accept, Content-Type, ms timestamps); combined: CLF
  --scale X          multiplies every population (1: ~500 sources and
                     ~100k lines a day)

The populations, their parameters and the address plan are in
docs/traffic-generator.md. Each source has its own random stream (seeded
from the seed and the source's name), so one population's parameters can
change without moving the others' requests, and --benign-only leaves the
benign part as it was.

Example (a week of history, then a labelled day to score):
    tests/lib/gen_traffic.py --seed 1 --start 2024-03-04T00:00:00Z --hours 168 \\
        --benign-only --out-log train.log --out-labels train.labels
    tests/lib/gen_traffic.py --seed 2 --start 2024-03-11T00:00:00Z --hours 24 \\
        --out-log test.log --out-labels test.labels
"""
import argparse
import bisect
import datetime
import heapq
import itertools
import math
import random
import sys
import time

HOST = "shop.example"
ORIGIN = "https://" + HOST
DAY = 86400.0

# ---------------------------------------------------------------- the site
# One fixed site for every seed: history generated with one seed and test
# traffic with another must walk the same pages.
_site = random.Random("gatehawk-traffic-site-1")
_WORDS = ("alpine linen merino canvas denim suede wool trail city classic urban "
          "field storm coast summit harbor river forest desert velvet cotton "
          "leather cedar slate amber onyx").split()
_ITEMS = ("jacket boot sneaker shirt parka scarf beanie backpack tote hoodie "
          "trouser skirt sandal loafer vest glove belt wallet").split()
CATEGORIES = ("jackets shoes shirts knitwear trousers bags accessories sale new "
              "outdoor kids women men gifts socks hats").split()
PRODUCT_IDS = list(range(10000, 14000))
PRODUCT = {i: "/product/%s-%s-%d" % (_site.choice(_WORDS), _site.choice(_ITEMS), i)
           for i in PRODUCT_IDS}
PRODUCT_CAT = {i: _site.choice(CATEGORIES) for i in PRODUCT_IDS}
REMOVED = set(_site.sample(PRODUCT_IDS, 300))       # stale links: 404
LIVE_IDS = [i for i in PRODUCT_IDS if i not in REMOVED]
_pop = LIVE_IDS[:]
_site.shuffle(_pop)
POPULAR = _pop                                        # Zipf over this order
POPULAR_CUM = list(itertools.accumulate(1.0 / (r + 1) ** 1.05 for r in range(len(POPULAR))))
BLOG = ["/blog/%s-%s-%d" % (_site.choice(_WORDS), _site.choice(_ITEMS), k) for k in range(150)]
BLOG_CUM = list(itertools.accumulate(1.0 / (r + 1) for r in range(len(BLOG))))
HELP = ["/help/" + h for h in "shipping returns sizes payment contact privacy terms faq care "
        "gift-cards stores warranty".split()]
FEATURED = _site.sample(LIVE_IDS, 10)
STATIC_FIRST = (("/static/css/app.3f9c1e.css", 61240, "text/css,*/*;q=0.1"),
                ("/static/js/vendor.8a7b21.js", 181322, "*/*"),
                ("/static/js/app.c41d9e.js", 74410, "*/*"),
                ("/static/fonts/inter-var.woff2", 48212, "*/*"),
                ("/static/img/logo.svg", 3120, "image/avif,image/webp,*/*"),
                ("/favicon.ico", 4286, "image/avif,image/webp,*/*"))
# What a scanner guesses on a site that has none of it. Guesses of pages and
# directories: nothing in them is a known exploit or secret file.
SCANNER_GUESSES = ("/old/ /new/ /test/ /dev/ /staging/ /beta/ /demo/ /tmp/ /api/v2/ "
                   "/api/internal/ /graphql /swagger.json /logs/ /upload/ /uploads/ /files/ "
                   "/private/ /install.php /setup.php /setup/ /user/login.php /login.php "
                   "/admin.php /cms/ /cpanel /webmail/ /mysql/ /db/ /backup/ /backups/ /bak/ "
                   "/shop/admin/ /store/admin/ /sitemap_index.xml /feed/ /readme.html "
                   "/license.txt /CHANGELOG.md /.well-known/security.txt /portal/ /dashboard/ "
                   "/panel/ /system/ /export/ /export.csv /users.csv /orders.csv /data/ "
                   "/old-site/ /v1/ /gitlab/ /status /2019/ /2020/ /archive/ /en/ /de/ /shop/ "
                   "/members/ /intranet/ /remote/ /mail/ /crm/ /erp/ /test.php /demo.php "
                   "/api/v1/admin /api/v1/debug /internal/ /staff/ /reports/ /report.csv "
                   "/invoices/ /backup-old/ /old/index.php /new-site/ /site/ /web/ /public/ "
                   "/resources/ /download/ /downloads/ /temp/ /cache/ /include/ /lib/ /src/ "
                   "/scripts/ /bin/ /api/v1/users /api/v1/export /signup.php /register.php "
                   "/user/ /users/ /account/login.php /auth/ /sso/ /oauth/ /partners/").split()
# Guesses that name admin consoles, frameworks, backups and config files: a
# share of the scanners mix these in (some of the shipped policies know them).
SCANNER_NAMED = ("/admin/ /admin/login.php /administrator/ /wp-admin/ /wp-login.php "
                 "/backup.zip /backup.tar.gz /site.zip /www.zip /db.sql /dump.sql "
                 "/config.php /config.json /config.yml /app.config /phpinfo.php /server-status "
                 "/console/ /manager/html /swagger-ui.html /actuator/health /debug/ /debug.log "
                 "/error.log /magento/ /index.php.bak /index.old /web.config /xmlrpc.php "
                 "/composer.json /package.json /archive.zip /jenkins/ /vpn/ /cgi/").split()
# Paths a scanner asks for that the site does answer.
SCANNER_FOUND = {"/static/": 403, "/img/": 403, "/robots.txt": 200, "/": 200, "/help/faq": 200}

GECKO = "Mozilla/5.0 (%s) Gecko/20100101 Firefox/%s"
WEBKIT = "Mozilla/5.0 (%s) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Safari/537.36"
ANDROID = WEBKIT.replace("Safari", "Mobile Safari")
SAFARI = ("Mozilla/5.0 (%s) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/%s "
          "Safari/605.1.15")
MOBILE_SAFARI = ("Mozilla/5.0 (iPhone; CPU iPhone OS %s like Mac OS X) AppleWebKit/605.1.15 "
                 "(KHTML, like Gecko) Version/%s Mobile/15E148 Safari/604.1")
BROWSER_UAS = tuple(
    [WEBKIT % ("Windows NT 10.0; Win64; x64", v) for v in ("120.0.0.0", "121.0.0.0", "122.0.0.0")]
    + [WEBKIT % ("Macintosh; Intel Mac OS X 10_15_7", v) for v in ("121.0.0.0", "122.0.0.0")]
    + [WEBKIT % ("X11; Linux x86_64", "122.0.0.0"),
       ANDROID % ("Linux; Android 14; Pixel 7", "122.0.6261.64"),
       ANDROID % ("Linux; Android 13; SM-S911B", "121.0.6167.178"),
       WEBKIT % ("Windows NT 10.0; Win64; x64", "122.0.0.0") + " Edg/122.0.2365.66",
       GECKO % ("Windows NT 10.0; Win64; x64; rv:123.0", "123.0"),
       GECKO % ("X11; Linux x86_64; rv:123.0", "123.0"),
       GECKO % ("Macintosh; Intel Mac OS X 10.15; rv:122.0", "122.0"),
       SAFARI % ("Macintosh; Intel Mac OS X 10_15_7", "17.3.1"),
       MOBILE_SAFARI % ("17_3_1", "17.3.1"), MOBILE_SAFARI % ("16_7_5", "16.6")])
# Popularity of the browsers above (Chrome first).
BROWSER_CUM = list(itertools.accumulate((14, 10, 6, 6, 4, 2, 12, 6, 6, 5, 2, 2, 5, 14, 6)))
OFFICE_UAS = (BROWSER_UAS[1], BROWSER_UAS[2], BROWSER_UAS[8], BROWSER_UAS[4], BROWSER_UAS[12])
APP_UAS = ("ShopApp/5.3.1 (iPhone; iOS 17.3.1; Scale/3.00)",
           "ShopApp/5.3.1 (iPhone; iOS 16.7.5; Scale/3.00)",
           "ShopApp/5.3.0 (Linux; Android 14; Pixel 7) okhttp/4.12.0",
           "ShopApp/5.2.4 (Linux; Android 13; SM-S911B) okhttp/4.12.0")
CRAWLERS = (  # UA, median gap between pages (s)
    ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", 7.0),
    ("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; "
     "+http://www.google.com/bot.html) Chrome/122.0.6261.94 Safari/537.36", 9.0),
    ("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", 14.0),
    ("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", 25.0),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like "
     "Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
     30.0))
MONITORS = (("UptimeRobot/2.0; http://www.uptimerobot.com/", "GET", "/healthz", 2),
            ("Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)", "GET", "/", 48210),
            ("Mozilla/5.0 (compatible; BetterStackBot/1.0; +https://betterstack.com/)",
             "HEAD", "/", 0))
RSS_UAS = ("Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers)",
           "NewsBlur Feed Fetcher - 7 subscribers", "FreshRSS/1.23.1 (Linux; https://freshrss.org)",
           "Tiny Tiny RSS/23.12 (https://tt-rss.org/)", "Miniflux/2.1.0 (+https://miniflux.app)",
           "Inoreader/1.0 (+http://www.inoreader.com/feed-fetcher; 3 subscribers)")
TOOL_UAS = ("python-requests/2.31.0", "Mozilla/5.0 (compatible; Scrapy/2.11.0)",
            "Go-http-client/1.1", "okhttp/4.12.0", "curl/8.5.0", "axios/1.6.7")
HEADLESS_UA = (WEBKIT % ("X11; Linux x86_64", "122.0.6261.57")).replace("Chrome/",
                                                                      "HeadlessChrome/")
for _ua in BROWSER_UAS + APP_UAS + RSS_UAS + TOOL_UAS + (HEADLESS_UA,):
    assert '"' not in _ua and "\\" not in _ua   # written unescaped

ACCEPT_HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
ACCEPT_IMG = "image/avif,image/webp,*/*"
ACCEPT_JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
EXT_REFERERS = ("", "", "", "https://www.google.com/", "https://www.google.com/",
                "https://duckduckgo.com/", "https://www.bing.com/", "https://t.co/x1Yb",
                "https://www.instagram.com/", "https://news.example.org/deals")


def user_exists(uid):
    """About a third of user ids below 60000 are accounts (enumeration finds 404s)."""
    return uid < 60000 and (uid * 2654435761) % 1000 < 350


def poisson(rng, mean):
    """A Poisson count (by summing exponential gaps: means here are small)."""
    n, acc = 0, rng.expovariate(1.0)
    while acc < mean:
        n += 1
        acc += rng.expovariate(1.0)
    return n


def page_bytes(rng, base):
    return int(base * rng.lognormvariate(0, 0.12))


# ------------------------------------------------------------ requests
class Client:
    """One requester: a source address, or one browser behind a shared one."""
    __slots__ = ("sid", "sub", "seq", "ua", "cookie", "rng")

    def __init__(self, sid, sub, ua, rng):
        self.sid, self.sub, self.seq, self.ua, self.cookie, self.rng = sid, sub, 0, ua, "", rng

    def req(self, t, method, target, status, nbytes, referer="", xhr=False, accept="",
            ctype="", clen=0):
        self.seq += 1
        return (t, self.sid, self.sub, self.seq, method, target, status, nbytes, referer,
                self.ua, self.cookie, xhr, accept, ctype, clen)

    def new_cookie(self, name="sid"):
        self.cookie = "%s=%08x" % (name, self.rng.getrandbits(32))


def zipf_product(rng):
    return POPULAR[bisect.bisect(POPULAR_CUM, rng.random() * POPULAR_CUM[-1])]


def zipf_blog(rng):
    return BLOG[bisect.bisect(BLOG_CUM, rng.random() * BLOG_CUM[-1])]


def diurnal(hour):
    """Relative activity of people by local hour (peak evening, trough 4 am)."""
    return (0.25, 0.15, 0.09, 0.06, 0.05, 0.07, 0.14, 0.3, 0.5, 0.64, 0.74, 0.8, 0.86, 0.8,
            0.75, 0.75, 0.8, 0.86, 0.92, 1.0, 1.0, 0.9, 0.7, 0.45)[int(hour) % 24]


def office_hours(t_local):
    """Activity of an office worker: weekdays 8-18 with a lunch dip."""
    if time.gmtime(t_local).tm_wday >= 5:
        return 0.02
    h = (t_local % DAY) / 3600
    if h < 8 or h >= 18.5:
        return 0.0
    return 0.5 if 12 <= h < 13 else 1.0


def times_by_curve(rng, n, t0, t1, tz, curve):
    """n times in [t0, t1) drawn by thinning from curve(local time): sorted."""
    out = []
    for _ in range(n):
        for _ in range(400):
            t = rng.uniform(t0, t1)
            if rng.random() < curve(t + tz):
                out.append(t)
                break
    out.sort()
    return out


# ------------------------------------------------------------ browsers
NEXT = {  # page kind -> (next kinds, cumulative weights)
    "home": (("category", "product", "search", "blog", "help"), (40, 75, 88, 96, 100)),
    "category": (("product", "category", "search", "home"), (70, 88, 95, 100)),
    "product": (("product", "category", "search", "home", "blog"), (50, 78, 90, 96, 100)),
    "search": (("product", "search", "category"), (75, 90, 100)),
    "blog": (("blog", "product", "home", "category"), (45, 75, 88, 100)),
    "help": (("help", "home", "product"), (40, 80, 100)),
}
LANDING = (("home", "product", "category", "blog", "search"), (30, 70, 85, 97, 100))


def pick(rng, table):
    kinds, cum = table
    return kinds[bisect.bisect(cum, rng.random() * cum[-1])]


def page_target(rng, kind):
    """(target, kind-specific id, base bytes, status) for a page view."""
    if kind == "home":
        return "/", None, 48210, 200
    if kind == "category":
        cat = rng.choice(CATEGORIES)
        r = rng.random()
        q = "" if r < 0.7 else "?page=%d" % rng.randint(2, 6) if r < 0.9 else "?sort=price"
        return "/c/" + cat + q, None, 35120, 200
    if kind == "product":
        pid = zipf_product(rng)
        if rng.random() < 0.004:          # an old link
            pid = rng.choice(sorted(REMOVED)[:40])
            return PRODUCT[pid], pid, 5120, 404
        return PRODUCT[pid], pid, 28400, 200
    if kind == "search":
        q = rng.choice(_WORDS) + ("+" + rng.choice(_ITEMS) if rng.random() < 0.6 else "")
        return "/search?q=" + q, q, 31200, 200
    if kind == "blog":
        return zipf_blog(rng), None, 40400, 200
    return rng.choice(HELP), None, 12800, 200


def view_page(c, out, t, kind, target, key, base, status, referer, cache, revalidate):
    """A browser loading one page: the HTML, then what its markup and scripts
    fetch (bundles unless cached, images not yet seen, JSON calls). Appends to
    out; returns the time of the last request. cache: the paths the browser
    holds (updated), None for an empty cache."""
    rng = c.rng
    out.append(c.req(t, "GET", target, status, page_bytes(rng, base), referer,
                     accept=ACCEPT_HTML))
    if not c.cookie:
        c.new_cookie()
    here = ORIGIN + target
    a = t + rng.uniform(0.08, 0.4)
    if cache is None or STATIC_FIRST[0][0] not in cache:
        for path, size, acc in STATIC_FIRST:
            a += rng.uniform(0.003, 0.06)
            out.append(c.req(a, "GET", path, 200, size, here, accept=acc))
            if cache is not None:
                cache.add(path)
        if "Safari/604" in c.ua and rng.random() < 0.5:   # the site has no touch icon
            a += rng.uniform(0.01, 0.05)
            out.append(c.req(a, "GET", "/apple-touch-icon.png", 404, 153, "", accept="*/*"))
    elif revalidate:
        for path, _, acc in STATIC_FIRST[:3]:
            a += rng.uniform(0.003, 0.05)
            out.append(c.req(a, "GET", path, 304, 0, here, accept=acc))
    if status != 200:
        return a
    imgs = ()
    if kind == "product":
        imgs = ["/img/p/%d-%d.webp" % (key, k) for k in range(1, rng.randint(2, 5))]
    elif kind == "category":
        imgs = ["/img/t/%d.webp" % rng.choice(LIVE_IDS) for _ in range(rng.randint(6, 16))]
    elif kind == "home":
        imgs = ["/img/t/%d.webp" % p for p in FEATURED]
    elif kind == "blog":
        imgs = ["%s-%d.jpg" % (target.replace("/blog/", "/img/blog/"), k)
                for k in range(rng.randint(1, 3))]
    for img in imgs:
        if cache is not None:
            if img in cache:
                continue
            cache.add(img)
        a += rng.uniform(0.005, 0.08)
        out.append(c.req(a, "GET", img, 200, int(rng.uniform(6e3, 9e4)), here,
                         accept=ACCEPT_IMG))
    if kind == "product" and rng.random() < 0.7:
        a += rng.uniform(0.1, 0.5)
        out.append(c.req(a, "GET", "/api/v1/recommendations?product=%d" % key, 200,
                         int(rng.uniform(2e3, 6e3)), here, True, ACCEPT_JSON))
    if kind in ("home", "product") and rng.random() < 0.35:
        a += rng.uniform(0.05, 0.3)
        out.append(c.req(a, "GET", "/api/v1/cart", 200, int(rng.uniform(90, 900)),
                         here, True, ACCEPT_JSON))
    if kind == "search":
        for k in range(rng.randint(0, 3)):
            a += rng.uniform(0.3, 1.5)
            out.append(c.req(a, "GET", "/api/v1/suggest?q=%s" % key[:k + 2], 200,
                             int(rng.uniform(300, 1500)), here, True, ACCEPT_JSON))
    return a


def browser_visit(c, out, t, pages, cache, referer):
    """One visit of a browser: pages read with log-normal think times,
    sometimes an add to cart, a comment, a login or a checkout. Appends to
    out; returns the time after its last request."""
    rng = c.rng
    kind = pick(rng, LANDING)
    logged_in = "uid=" in c.cookie
    for n in range(pages):
        target, key, base, status = page_target(rng, kind)
        a = view_page(c, out, t, kind, target, key, base, status, referer, cache,
                      n == 0 and rng.random() < 0.4)
        here = ORIGIN + target
        t = max(t, a) + min(rng.lognormvariate(math.log(18), 1.0), 900)
        if kind == "product" and status == 200 and rng.random() < 0.1:
            out.append(c.req(t, "POST", "/api/v1/cart", 200, int(rng.uniform(200, 900)), here,
                             True, ACCEPT_JSON, "application/json", rng.randint(40, 70)))
            t += rng.uniform(2, 20)
        if kind == "blog" and rng.random() < 0.04:
            t += rng.uniform(60, 500)        # read, then write
            out.append(c.req(t, "POST", "/comments", 302, 0, here, accept=ACCEPT_HTML,
                             ctype=FORM, clen=rng.randint(150, 1500)))
            t += rng.uniform(0.1, 0.4)
            out.append(c.req(t, "GET", target, 200, page_bytes(rng, base), here,
                             accept=ACCEPT_HTML))
            t += rng.lognormvariate(math.log(15), 0.8)
        if not logged_in and rng.random() < 0.015:
            t = login(c, out, t, here)
            logged_in = True
        referer = here
        kind = pick(rng, NEXT[kind])
    if rng.random() < 0.03:
        t = checkout(c, out, t, referer)
    return t


def login(c, out, t, referer):
    rng = c.rng
    out.append(c.req(t, "GET", "/login", 200, 9120, referer, accept=ACCEPT_HTML))
    here = ORIGIN + "/login"
    for attempt in range(3):
        t += rng.uniform(6, 30)
        ok = attempt == 2 or rng.random() < 0.85
        out.append(c.req(t, "POST", "/login", 302 if ok else 200, 0 if ok else 9240, here,
                         accept=ACCEPT_HTML, ctype=FORM, clen=rng.randint(55, 95)))
        if ok:
            c.cookie = "sid=%08x; uid=%d" % (c.rng.getrandbits(32), rng.randint(1, 60000))
            t += rng.uniform(0.1, 0.3)
            out.append(c.req(t, "GET", "/account", 200, 15100, here, accept=ACCEPT_HTML))
            return t + rng.lognormvariate(math.log(15), 0.8)
    return t


def checkout(c, out, t, referer):
    rng = c.rng
    out.append(c.req(t, "GET", "/cart", 200, 21000, referer, accept=ACCEPT_HTML))
    t += rng.uniform(15, 60)
    out.append(c.req(t, "GET", "/checkout", 200, 26400, ORIGIN + "/cart", accept=ACCEPT_HTML))
    here = ORIGIN + "/checkout"
    for attempt in range(2):
        t += rng.uniform(60, 200)
        ok = attempt == 1 or rng.random() < 0.92
        out.append(c.req(t, "POST", "/checkout", 302 if ok else 402, 0 if ok else 27100, here,
                         accept=ACCEPT_HTML, ctype=FORM, clen=rng.randint(380, 720)))
        if ok:
            t += rng.uniform(0.2, 0.8)
            out.append(c.req(t, "GET", "/order/confirmation", 200, 14800, here,
                             accept=ACCEPT_HTML))
            break
    return t


def visit_pages(rng):
    """Pages in one visit: a third bounce, the rest read a few to dozens."""
    if rng.random() < 0.3:
        return 1
    return min(1 + int(rng.lognormvariate(math.log(4), 0.9)), 80)


def browser(c, start, end, tz, visits):
    """A person's browser: visits at the hours they are awake, cache and cookie
    kept between visits most of the time."""
    rng = c.rng
    t_free = start
    cache = set()
    for t in times_by_curve(rng, visits, start, end, tz, lambda x: diurnal(x % DAY / 3600)):
        t = max(t, t_free + rng.uniform(60, 600))
        if rng.random() < 0.25:
            cache, c.cookie = set(), ""      # another device profile, or cleared data
        out = []
        t_free = browser_visit(c, out, t, visit_pages(rng), cache, rng.choice(EXT_REFERERS))
        out.sort()
        yield from out


def office(sid, rng, start, end, tz, users):
    """Many browsers behind one NAT address: each employee browses in working
    hours with one of a handful of managed browsers."""
    gens = []
    for u in range(users):
        c = Client(sid, u, rng.choice(OFFICE_UAS), random.Random(rng.getrandbits(64)))
        days = max(1.0, (end - start) / DAY)
        gens.append(office_worker(c, start, end, tz, int(days * c.rng.randint(2, 8))))
    return heapq.merge(*gens)


def office_worker(c, start, end, tz, visits):
    rng = c.rng
    t_free = start
    cache = set()
    for t in times_by_curve(rng, visits, start, end, tz, office_hours):
        t = max(t, t_free + rng.uniform(60, 900))
        out = []
        t_free = browser_visit(c, out, t, visit_pages(rng), cache, rng.choice(EXT_REFERERS[:3]))
        out.sort()
        yield from out


# ------------------------------------------------------- other benign
def app_client(c, start, end, tz, opens, uid, background):
    """The shop's mobile app: JSON API calls with a token cookie and the
    X-Requested-With header, notifications polled every 30 s (jittered)
    while open; some keep polling every 15 min in the background."""
    rng = c.rng
    out = []
    c.cookie = "tok=%016x" % rng.getrandbits(64)
    first = True
    for t0 in times_by_curve(rng, opens, start, end, tz, lambda x: diurnal(x % DAY / 3600)):
        t = t0
        if first and rng.random() < 0.5:
            out.append(c.req(t, "POST", "/api/v1/login", 200, 412, "", True, ACCEPT_JSON,
                             "application/json", rng.randint(60, 90)))
            t += rng.uniform(0.2, 0.6)
        first = False
        for target, size in (("/api/v1/user/me", 820), ("/api/v1/user/%d" % uid, 1640),
                             ("/api/v1/home", 6400)):
            out.append(c.req(t, "GET", target, 200, page_bytes(rng, size), "", True, ACCEPT_JSON))
            t += rng.uniform(0.05, 0.4)
        stop = t0 + rng.lognormvariate(math.log(240), 0.8)
        poll = t0 + 30
        while t < stop:
            while poll < t:
                out.append(c.req(poll, "GET", "/api/v1/notifications", 304 if rng.random() < 0.8
                                 else 200, 0, "", True, ACCEPT_JSON))
                poll += 30 + rng.uniform(-2, 2)
            r = rng.random()
            if r < 0.35:
                target = "/api/v1/products?category=%s&page=%d" % (rng.choice(CATEGORIES),
                                                                   rng.randint(1, 4))
                out.append(c.req(t, "GET", target, 200, page_bytes(rng, 7200), "", True,
                                 ACCEPT_JSON))
            elif r < 0.75:
                out.append(c.req(t, "GET", "/api/v1/product/%d" % zipf_product(rng), 200,
                                 page_bytes(rng, 3100), "", True, ACCEPT_JSON))
            elif r < 0.83:
                out.append(c.req(t, "GET", "/api/v1/search?q=" + rng.choice(_WORDS), 200,
                                 page_bytes(rng, 5200), "", True, ACCEPT_JSON))
            elif r < 0.88:
                out.append(c.req(t, "POST", "/api/v1/cart", 200, 610, "", True, ACCEPT_JSON,
                                 "application/json", rng.randint(40, 70)))
            elif r < 0.91:
                out.append(c.req(t, "GET", "/api/v1/orders", 200, page_bytes(rng, 2400), "",
                                 True, ACCEPT_JSON))
            else:
                out.append(c.req(t, "POST", "/api/v1/events", 204, 0, "", True, ACCEPT_JSON,
                                 "application/json", rng.randint(300, 2500)))
            t += rng.lognormvariate(math.log(12), 0.9)
        out.append(c.req(t, "POST", "/api/v1/events", 204, 0, "", True, ACCEPT_JSON,
                         "application/json", rng.randint(300, 2500)))
    if background:
        t = start + rng.uniform(0, 900)
        while t < end:
            out.append(c.req(t, "GET", "/api/v1/notifications", 304, 0, "", True, ACCEPT_JSON))
            t += 900 + rng.uniform(-30, 30)
    out.sort()
    return out


def crawler(c, start, end, gap):
    """A search engine: robots.txt, sitemaps, then distinct pages at a steady
    slow rate; no cookies, no assets; idle between crawls."""
    rng = c.rng
    t = start + rng.uniform(0, 3600)
    order = LIVE_IDS + sorted(REMOVED)
    while t < end:
        yield c.req(t, "GET", "/robots.txt", 200, 412, accept="*/*")
        for k in range(rng.randint(1, 3)):
            t += rng.lognormvariate(math.log(gap), 0.25)
            yield c.req(t, "GET", "/sitemap.xml" if k == 0 else "/sitemap-products-%d.xml" % k,
                        200, 84000 if k else 1200, accept="*/*")
        for _ in range(int(rng.lognormvariate(math.log(250), 0.7))):
            t += rng.lognormvariate(math.log(gap), 0.25)
            r = rng.random()
            if r < 0.75:
                pid = rng.choice(order)
                status = 404 if pid in REMOVED else 200
                yield c.req(t, "GET", PRODUCT[pid], status, 5120 if status == 404 else
                            page_bytes(rng, 28400), accept=ACCEPT_HTML)
            elif r < 0.86:
                yield c.req(t, "GET", "/c/%s?page=%d" % (rng.choice(CATEGORIES), rng.randint(1, 9)),
                            200, page_bytes(rng, 35120), accept=ACCEPT_HTML)
            elif r < 0.95:
                yield c.req(t, "GET", rng.choice(BLOG), 200, page_bytes(rng, 40400),
                            accept=ACCEPT_HTML)
            elif r < 0.98:   # the old shop's URLs, moved
                yield c.req(t, "GET", "/item.php?id=%d" % rng.choice(LIVE_IDS), 301, 162,
                            accept=ACCEPT_HTML)
            else:
                yield c.req(t, "GET", rng.choice(HELP), 200, page_bytes(rng, 12800),
                            accept=ACCEPT_HTML)
        t += rng.lognormvariate(math.log(3600), 0.6)


def monitor(c, start, end, method, target, size):
    """An uptime check: one URL every 60 s exactly, day and night."""
    rng = c.rng
    t = start + rng.uniform(0, 60)
    while t < end:
        status = 503 if rng.random() < 0.001 else 200
        yield c.req(t + rng.uniform(0, 0.02), method, target, status,
                    size if status == 200 else 197, accept="*/*")
        t += 60


def rss_reader(c, start, end, interval, conditional, target):
    """A feed reader: the feed every 15 to 60 min, 304 unless it changed (the
    blog posts about every six hours)."""
    rng = c.rng
    t = start + rng.uniform(0, interval)
    jitter = 0 if rng.random() < 0.5 else interval * 0.02
    seen = None
    while t < end:
        edition = int((t - 3 * 3600) // (6 * 3600))
        if target != "/blog/feed.xml":
            status, size = 404, 5120
        elif conditional and edition == seen:
            status, size = 304, 0
        else:
            status, size = 200, 38400
        seen = edition
        yield c.req(t, "GET", target, status, size, accept="application/rss+xml, */*")
        t += interval + rng.uniform(-jitter, jitter)


def partner_sync(c, start, end):
    """A partner's catalogue sync: every night pages through the whole product
    API at about one request a second (no cookie: an API key header), plus a
    stock check every five minutes all day."""
    rng = c.rng
    out = []
    day0 = start - start % DAY
    for d in range(int((end - day0) // DAY) + 1):
        t = day0 + d * DAY + 2 * 3600 + rng.uniform(0, 600)
        for page in range(1, 161):
            out.append(c.req(t, "GET", "/api/v1/products?page=%d&per_page=25" % page, 200,
                             page_bytes(rng, 9800), accept=ACCEPT_JSON))
            t += rng.uniform(0.7, 1.3)
    t = start + rng.uniform(0, 300)
    while t < end:
        out.append(c.req(t, "GET", "/api/v1/stock?since=%d" % int(t - 300), 200,
                         int(rng.uniform(200, 4000)), accept=ACCEPT_JSON))
        t += 300 + rng.uniform(-5, 5)
    out.sort()
    return (e for e in out if start <= e[0] < end)


# ------------------------------------------------------------ attackers
CAT_PRODUCTS = {cat: [i for i in LIVE_IDS if PRODUCT_CAT[i] == cat] for cat in CATEGORIES}


def listing(rng):
    """The catalogue as a walker finds it: category pages of 24 products, in
    a random order of categories: (target, kind, key) forever."""
    while True:
        cats = list(CATEGORIES)
        rng.shuffle(cats)
        for cat in cats:
            ids = CAT_PRODUCTS[cat]
            for p in range(0, len(ids), 24):
                yield "/c/%s?page=%d" % (cat, p // 24 + 1), "category", None
                for pid in ids[p:p + 24]:
                    yield PRODUCT[pid], "product", pid


def scraper(c, start, end):
    """Product pages, category by category, no assets, no cookie. Rates from
    two a second to one a minute, a browser UA or a tool's, some rotating
    the UA, some sending the previous page as referer."""
    rng = c.rng
    gap = rng.choice((0.6, 1.2, 2.5, 6.0, 15.0, 40.0)) * rng.uniform(0.8, 1.25)
    rotate = rng.random() < 0.25
    browser_like = rotate or rng.random() < 0.6
    c.ua = rng.choice(BROWSER_UAS) if browser_like else rng.choice(TOOL_UAS[:3])
    accept = ACCEPT_HTML if browser_like else "*/*"
    chain = rng.random() < 0.5
    pages = int(rng.lognormvariate(math.log(800), 0.8))
    t, referer = start, ""
    for n, (target, kind, _) in enumerate(listing(rng)):
        if n >= pages or t >= end:
            return
        if rotate:
            c.ua = rng.choice(BROWSER_UAS)
        yield c.req(t, "GET", target, 200, page_bytes(rng, 28400 if kind == "product" else 35120),
                    referer, accept=accept)
        referer = ORIGIN + target if chain else ""
        t += rng.lognormvariate(math.log(gap), 0.45)


def slow_scanner(c, start, end):
    """Guesses of pages the site does not have, one every 20 to 200 s for
    hours: mostly 404, no attack payloads, a real page now and then; 40 % mix
    in names of admin consoles, backups and configs."""
    rng = c.rng
    c.ua = rng.choice(BROWSER_UAS) if rng.random() < 0.7 else rng.choice(TOOL_UAS)
    keep_cookie = rng.random() < 0.3
    lo, hi = rng.choice(((20, 60), (30, 120), (60, 200)))
    paths = rng.sample(SCANNER_GUESSES, rng.randint(25, len(SCANNER_GUESSES)))
    if rng.random() < 0.4:
        paths += rng.sample(SCANNER_NAMED, rng.randint(3, 12))
        rng.shuffle(paths)
    t = start
    yield c.req(t, "GET", "/", 200, page_bytes(rng, 48210), accept=ACCEPT_HTML)
    if keep_cookie:
        c.new_cookie()
    for path in paths:
        t += rng.uniform(lo, hi)
        if t >= end:
            return
        if rng.random() < 0.08:
            real = rng.choice(sorted(SCANNER_FOUND))
            yield c.req(t, "GET", real, SCANNER_FOUND[real], 5120, accept=ACCEPT_HTML)
            t += rng.uniform(lo, hi)
        yield c.req(t, "GET", path, 404, 5120, accept=ACCEPT_HTML)


def credential_stuffer(c, start, end, gap=None):
    """Leaked credentials tried one after the other: POST /login (200 with the
    form again, 302 on success) or POST /api/v1/login (401, 200 on success) at
    a human pace but too regular (CV 5-15 %), a few other pages."""
    rng = c.rng
    api = rng.random() < 0.5
    gap = gap or rng.choice((4.0, 9.0, 20.0, 45.0)) * rng.uniform(0.8, 1.25)
    cv = rng.uniform(0.05, 0.15)
    fetch_form = not api and rng.random() < 0.5
    rotate = rng.random() < 0.3
    c.ua = rng.choice(BROWSER_UAS) if rng.random() < 0.7 else rng.choice(TOOL_UAS)
    n = int(rng.lognormvariate(math.log(400), 0.7))
    t = start
    if not api:
        yield c.req(t, "GET", "/", 200, page_bytes(rng, 48210), accept=ACCEPT_HTML)
        c.new_cookie()
        t += rng.uniform(2, 10)
    for _ in range(n):
        if t >= end:
            return
        if rotate:
            c.ua = rng.choice(BROWSER_UAS)
        ok = rng.random() < 0.02
        if api:
            yield c.req(t, "POST", "/api/v1/login", 200 if ok else 401, 412 if ok else 96, "",
                        rng.random() < 0.5, ACCEPT_JSON, "application/json", rng.randint(50, 90))
        else:
            if fetch_form:
                yield c.req(t, "GET", "/login", 200, 9120, "", accept=ACCEPT_HTML)
                t += rng.uniform(0.5, 2.0)
            yield c.req(t, "POST", "/login", 302 if ok else 200, 0 if ok else 9240,
                        ORIGIN + "/login", accept=ACCEPT_HTML, ctype=FORM,
                        clen=rng.randint(55, 95))
            if ok:
                yield c.req(t + 0.3, "GET", "/account", 200, 15100, ORIGIN + "/login",
                            accept=ACCEPT_HTML)
                c.new_cookie()
        t += max(0.5, rng.normalvariate(gap, gap * cv))


def carding(c, start, end):
    """Stolen cards tested at the checkout: a cart filled once, then POST
    /checkout over and over, mostly declined (402)."""
    rng = c.rng
    c.ua = rng.choice(BROWSER_UAS)
    gap = rng.choice((15.0, 40.0, 90.0)) * rng.uniform(0.8, 1.25)
    t = start
    out = []
    a = view_page(c, out, t, "product", PRODUCT[LIVE_IDS[7]], LIVE_IDS[7], 28400, 200, "",
                  None if rng.random() < 0.5 else set(), False)
    yield from sorted(out)
    t = a + rng.uniform(3, 10)
    yield c.req(t, "POST", "/api/v1/cart", 200, 610, ORIGIN + PRODUCT[LIVE_IDS[7]], True,
                ACCEPT_JSON, "application/json", 52)
    t += rng.uniform(2, 6)
    yield c.req(t, "GET", "/checkout", 200, 26400, ORIGIN + "/cart", accept=ACCEPT_HTML)
    for k in range(int(rng.lognormvariate(math.log(120), 0.6))):
        t += max(2.0, rng.normalvariate(gap, gap * 0.25))
        if t >= end:
            return
        if k % 10 == 9:
            yield c.req(t, "GET", "/checkout", 200, 26400, ORIGIN + "/checkout",
                        accept=ACCEPT_HTML)
            t += rng.uniform(1, 4)
        ok = rng.random() < 0.06
        yield c.req(t, "POST", "/checkout", 302 if ok else 402, 0 if ok else 27100,
                    ORIGIN + "/checkout", accept=ACCEPT_HTML, ctype=FORM,
                    clen=rng.randint(380, 720))


def enumeration(c, start, end):
    """User records fetched by consecutive id from the API: a third exist, the
    rest 404. Fast or slow, app UA or a tool's, some with an account's token."""
    rng = c.rng
    c.ua = rng.choice(APP_UAS) if rng.random() < 0.5 else rng.choice(TOOL_UAS)
    if rng.random() < 0.6:
        c.new_cookie("tok")
    xhr = rng.random() < 0.5
    gap = rng.choice((0.3, 1.0, 4.0, 15.0)) * rng.uniform(0.8, 1.25)
    uid = rng.randint(1000, 40000)
    t = start
    for _ in range(int(rng.lognormvariate(math.log(1500), 0.7))):
        if t >= end:
            return
        found = user_exists(uid)
        yield c.req(t, "GET", "/api/v1/user/%d" % uid, 200 if found else 404,
                    page_bytes(rng, 1640) if found else 48, "", xhr, ACCEPT_JSON)
        uid += 1 if rng.random() < 0.8 else rng.randint(2, 5)
        t += rng.lognormvariate(math.log(gap), 0.3)


def headless_scraper(c, start, end):
    """A headless browser walking the catalogue: it runs the pages' scripts, so
    assets, JSON calls and cookies look like a browser's, but it loads a page
    every 10 s to a minute at a constant rhythm for 8 to 24 hours, day and
    night."""
    rng = c.rng
    c.ua = HEADLESS_UA if rng.random() < 0.5 else rng.choice(BROWSER_UAS[:6])
    cache = None if rng.random() < 0.3 else set()    # a fresh profile per page, or not
    gap = rng.choice((10.0, 20.0, 40.0, 60.0) if cache is not None else (30.0, 60.0))
    gap *= rng.uniform(0.8, 1.25)
    stop = min(end, start + rng.uniform(8, 24) * 3600)
    t, referer = start, ""
    for target, kind, key in listing(rng):
        if t >= stop:
            return
        out = []
        a = view_page(c, out, t, kind, target, key, 35120 if kind == "category" else 28400, 200,
                      referer, cache, False)
        yield from sorted(out)
        if cache is None:
            c.cookie = ""
        referer = ORIGIN + target
        t = max(a + 0.1, t + gap * rng.uniform(0.97, 1.03))


def comment_spammer(c, start, end):
    """Spam comments: a blog post fetched, then POST /comments within seconds
    (no reading), post after post; most get rejected (403) or slowed (429)."""
    rng = c.rng
    c.ua = rng.choice(BROWSER_UAS)
    assets = rng.random() < 0.3
    keep_cookie = rng.random() < 0.6
    gap = rng.choice((20.0, 90.0, 300.0)) * rng.uniform(0.8, 1.25)
    posts = rng.sample(BLOG, rng.randint(20, len(BLOG)))
    t = start
    for post in posts:
        if t >= end:
            return
        if not keep_cookie:
            c.cookie = ""
        out = []
        if assets:
            a = view_page(c, out, t, "blog", post, None, 40400, 200, rng.choice(EXT_REFERERS),
                          None, False)
        else:
            out.append(c.req(t, "GET", post, 200, page_bytes(rng, 40400),
                             rng.choice(EXT_REFERERS), accept=ACCEPT_HTML))
            c.new_cookie()
            a = t
        yield from sorted(out)
        t = a + rng.uniform(0.5, 4)
        r = rng.random()
        yield c.req(t, "POST", "/comments", 302 if r < 0.5 else 403 if r < 0.85 else 429,
                    0 if r < 0.5 else 2100, ORIGIN + post, accept=ACCEPT_HTML, ctype=FORM,
                    clen=rng.randint(800, 5000))
        t += rng.lognormvariate(math.log(gap), 0.5)


# ------------------------------------------------------------ the plan
TIMEZONES = ((3600, 55), (0, 15), (-5 * 3600, 15), (-8 * 3600, 5), (8 * 3600, 10))
TZ_CUM = list(itertools.accumulate(w for _, w in TIMEZONES))
DOCNETS = ("192.0.2", "198.51.100", "203.0.113")


class Plan:
    """Sources (address, label, kind, HTTP version, requests) and the address
    plan: benign IPv4 clustered in /24s of 198.18.0.0/15, a share in the
    documentation /24s, mobile clients in 100.64.0.0/10 (carrier NAT), a share
    of IPv6 in 2001:db8::/32; attackers spread over all of these, some in the
    very /24s of benign sources."""

    def __init__(self, seed, start, end):
        self.seed, self.start, self.end = seed, start, end
        self.used = set()
        self.sources = []
        self.benign_nets = []   # /24s benign sources are drawn from
        self.near = []          # /24s benign sources are in

    def rng(self, kind, i):
        return random.Random("%s/%s/%d" % (self.seed, kind, i))

    def address(self, rng, where):
        """A new address: where is a kind of place or a /24 ("198.18.7")."""
        for _ in range(1000):
            if where[0].isdigit():
                net = where
            elif where == "pool":
                net = rng.choice(self.benign_nets)
            elif where == "doc":
                net = rng.choice(DOCNETS)
            elif where == "cgnat":
                net = "100.%d.%d" % (rng.randint(64, 127), rng.randint(0, 255))
            elif where == "near":     # a /24 some benign source is in
                net = rng.choice(self.near)
            else:
                a = "2001:db8:%x:%x::%x:%x" % (rng.getrandbits(16), rng.getrandbits(16),
                                             rng.getrandbits(16) | 1, rng.getrandbits(16))
                net = None
            if net:
                a = "%s.%d" % (net, rng.randint(1, 254))
            if a not in self.used:
                self.used.add(a)
                return a
        raise SystemExit("gen_traffic: address plan exhausted; lower --scale")

    def where(self, rng, shares):
        r, acc = rng.random(), 0.0
        for place, share in shares:
            acc += share
            if r < acc:
                return place
        return shares[-1][0]


def plan_sources(seed, start, end, scale, benign_only):
    """(plan, [request iterators]) for every source of the period."""
    days = (end - start) / DAY
    plan = Plan(seed, start, end)
    prng = random.Random("%s/plan/benign" % seed)
    plan.benign_nets = ["198.%d.%d" % (18 + (k >> 8), k & 255)
                        for k in prng.sample(range(512), min(512, max(40, int(160 * scale))))]
    gens = []

    def fixed(n):
        return max(1, round(scale * n))

    def per_day(n):
        return max(1, round(scale * n * days))

    alloc = {"benign": prng}

    def add(label, kind, i, shares, version, factory):
        rng = plan.rng(kind, i)
        addr = plan.address(alloc[label], plan.where(rng, shares))
        sid = len(plan.sources)
        plan.sources.append((addr, label, kind, version))
        gens.append(factory(sid, rng))

    def tz(rng):
        return TIMEZONES[bisect.bisect(TZ_CUM, rng.random() * TZ_CUM[-1])][0]

    # Visitors who came at least once: 15 % regulars (0.7 more visits a day),
    # the rest back now and then (0.05 a day).
    for i in range(per_day(400)):
        add("benign", "browser", i, (("pool", 0.65), ("doc", 0.1), ("v6", 0.25)), "HTTP/2.0",
            lambda sid, rng: browser(
                Client(sid, 0, BROWSER_UAS[bisect.bisect(BROWSER_CUM,
                                                         rng.random() * BROWSER_CUM[-1])], rng),
                start, end, tz(rng),
                1 + poisson(rng, (0.7 if rng.random() < 0.15 else 0.05) * days)))
    # The app's users: an installed base that grows a little over the period,
    # each opening the app 0.3 to 3 times a day.
    for i in range(max(1, round(scale * (90 + 10 * days)))):
        add("benign", "api_client", i, (("cgnat", 0.5), ("v6", 0.25), ("pool", 0.25)),
            "HTTP/2.0", lambda sid, rng: app_client(
                Client(sid, 0, rng.choice(APP_UAS), rng), start, end, tz(rng),
                max(1, poisson(rng, days * rng.uniform(0.3, 3))),
                next(u for u in iter(lambda: rng.randint(1, 59999), 0) if user_exists(u)),
                rng.random() < 0.3))
    for i in range(fixed(len(CRAWLERS))):
        ua, gap = CRAWLERS[i % len(CRAWLERS)]
        add("benign", "crawler", i, (("pool", 0.7), ("v6", 0.3)), "HTTP/1.1",
            lambda sid, rng: crawler(Client(sid, 0, ua, rng), start, end, gap))
    for i in range(fixed(len(MONITORS))):
        ua, method, target, size = MONITORS[i % len(MONITORS)]
        add("benign", "monitor", i, (("pool", 0.5), ("doc", 0.5)), "HTTP/1.1",
            lambda sid, rng: monitor(Client(sid, 0, ua, rng), start, end, method, target, size))
    for i in range(fixed(14)):
        add("benign", "rss_reader", i, (("pool", 0.6), ("doc", 0.2), ("v6", 0.2)), "HTTP/1.1",
            lambda sid, rng: rss_reader(Client(sid, 0, rng.choice(RSS_UAS), rng), start, end,
                                        rng.choice((900, 1800, 3600)), rng.random() < 0.75,
                                        "/rss" if rng.random() < 0.12 else "/blog/feed.xml"))
    for i in range(fixed(2)):
        add("benign", "office_nat", i, (("pool", 1.0),), "HTTP/2.0",
            lambda sid, rng: office(sid, rng, start, end, 3600,
                                    rng.randint(30, 60) if i % 2 == 0 else rng.randint(8, 20)))
    for i in range(fixed(1)):
        add("benign", "partner_sync", i, (("doc", 0.5), ("pool", 0.5)), "HTTP/1.1",
            lambda sid, rng: partner_sync(Client(sid, 0, "PartnerCatalogSync/2.1 "
                                                 "python-requests/2.31.0", rng), start, end))
    if benign_only:
        return plan, gens

    arng = alloc["attack"] = random.Random("%s/plan/attack" % seed)
    plan.near = sorted({a.rsplit(".", 1)[0] for a, _, _, _ in plan.sources if "." in a})
    spread = (("near", 0.3), ("doc", 0.25), ("cgnat", 0.2), ("v6", 0.25))
    attacks = (("scraper", 6, scraper), ("slow_scanner", 4, slow_scanner),
               ("credential_stuffer", 5, credential_stuffer), ("carding", 3, carding),
               ("enumeration", 3, enumeration), ("headless_scraper", 2, headless_scraper),
               ("comment_spammer", 4, comment_spammer))
    for kind, n, fn in attacks:
        for i in range(per_day(n)):
            early = 0.3 if kind == "headless_scraper" else 0.9
            add("attack", kind, i, spread, "HTTP/1.1",
                lambda sid, rng: fn(Client(sid, 0, "", rng),
                                    start + rng.uniform(0, early) * (end - start), end))
    # A stuffing botnet: addresses of one /24, each slow, together fast.
    for b in range(per_day(1)):
        net = arng.choice(plan.near)
        t0 = start + arng.uniform(0, 0.8) * (end - start)
        for k in range(arng.randint(4, 8)):
            rng = plan.rng("botnet%d" % b, k)
            addr = plan.address(arng, net)
            sid = len(plan.sources)
            plan.sources.append((addr, "attack", "credential_stuffer", "HTTP/1.1"))
            gens.append(credential_stuffer(Client(sid, 0, "", rng), t0 + rng.uniform(0, 120), end,
                                           gap=rng.uniform(60, 120)))
    return plan, gens


# ------------------------------------------------------------ output
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
JSON_LINE = ('{"time_iso8601":"%s","msec":"%.3f","remote_addr":"%s","request":"%s %s %s",'
             '"status":"%d","body_bytes_sent":"%d","http_referer":"%s","http_user_agent":"%s",'
             '"host":"' + HOST + '","scheme":"https","http_accept":"%s","http_cookie":"%s",'
             '"http_x_requested_with":"%s","content_type":"%s","content_length":"%s"}\n')
COMBINED_LINE = '%s - - [%s] "%s %s %s" %d %d "%s" "%s"\n'


def write_log(f, plan, gens, fmt):
    """Merge the sources in time order and write the lines; returns the line
    count and which sources wrote any."""
    addrs = [s[0] for s in plan.sources]
    versions = [s[3] for s in plan.sources]
    wrote = bytearray(len(addrs))
    lines = 0
    last_sec, stamp = None, ""
    buf = []
    for e in heapq.merge(*gens):
        t = e[0]
        if t >= plan.end:
            break
        if t < plan.start:
            continue
        t, sid, _, _, method, target, status, nbytes, ref, ua, cookie, xhr, accept, ctype, clen = e
        sec = int(t)
        if sec != last_sec:
            last_sec, g = sec, time.gmtime(sec)
            if fmt == "json":
                stamp = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", g)
            else:
                stamp = "%02d/%s/%d:%02d:%02d:%02d +0000" % (g.tm_mday, MONTHS[g.tm_mon - 1],
                                                              g.tm_year, g.tm_hour, g.tm_min,
                                                              g.tm_sec)
        if fmt == "json":
            buf.append(JSON_LINE % (stamp, t, addrs[sid], method, target, versions[sid], status,
                                    nbytes, ref, ua, accept, cookie,
                                    "XMLHttpRequest" if xhr else "", ctype, clen or ""))
        else:
            buf.append(COMBINED_LINE % (addrs[sid], stamp, method, target, versions[sid], status,
                                        nbytes, ref or "-", ua or "-"))
        wrote[sid] = 1
        lines += 1
        if len(buf) >= 4096:
            f.write("".join(buf))
            buf.clear()
    f.write("".join(buf))
    return lines, wrote


def parse_start(text):
    try:
        d = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError("expected an ISO 8601 time such as 2024-03-04T00:00:00Z")
    if d.tzinfo is None:
        d = d.replace(tzinfo=datetime.timezone.utc)
    return d.timestamp()


def positive(text):
    try:
        v = float(text)
    except ValueError:
        v = float("nan")
    if not v > 0 or math.isinf(v):
        raise argparse.ArgumentTypeError("expected a number above 0, not %r" % text)
    return v


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--start", type=parse_start, required=True, help="ISO 8601, UTC if no offset")
    ap.add_argument("--hours", type=positive, required=True)
    ap.add_argument("--out-log", required=True, help="'-' for stdout")
    ap.add_argument("--out-labels", required=True)
    ap.add_argument("--benign-only", action="store_true")
    ap.add_argument("--format", choices=("json", "combined"), default="json")
    ap.add_argument("--scale", type=positive, default=1.0)
    a = ap.parse_args()
    began = time.monotonic()
    end = a.start + a.hours * 3600
    try:
        f = sys.stdout if a.out_log == "-" else open(a.out_log, "w")
        lf = open(a.out_labels, "w")
    except OSError as e:
        ap.error("cannot write %s: %s" % (e.filename, e.strerror))
    plan, gens = plan_sources(a.seed, a.start, end, a.scale, a.benign_only)
    try:
        lines, wrote = write_log(f, plan, gens, a.format)
        f.close()
    except BrokenPipeError:       # a reader such as head stopped early
        sys.stderr.close()
        sys.exit(1)
    counts = {"benign": 0, "attack": 0}
    with lf:
        for sid, (addr, label, kind, _) in enumerate(plan.sources):
            if wrote[sid]:
                lf.write("%s %s # %s\n" % (addr, label, kind))
                counts[label] += 1
    print("gen_traffic: %d lines, %d benign and %d attack sources, %.1f s"
          % (lines, counts["benign"], counts["attack"], time.monotonic() - began), file=sys.stderr)


if __name__ == "__main__":
    main()
