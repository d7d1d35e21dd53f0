#!/usr/bin/env python3
"""benign-apps5: benign people whose traffic looks like attacks.

A held-out false-positive set.  Writes, next to this file:
  benign.log      nginx "combined" lines, 21 Jan 2026 (UTC), sorted by time
  benign.labels   ADDRESS<TAB>benign<TAB>KIND, one line per source
  sources.tsv     ADDRESS<TAB>KIND<TAB>what the person (or people) at that address did
  attacks.log, attacks.labels   empty (so tests/bench/recall.sh runs on the folder)

Every source is a person with a browser, or a well-known legitimate client
(a mobile app, an RSS reader), whose requests are near-misses for an eager
web-attack rule: session ids and signed tokens in URLs, SSO and payment
returns, code and shell text typed into search boxes, URLs and host names as
values, multi-line GET forms, JSON and query-language filters, typos and 404s.

Python 3 standard library only.  Fixed seed, no set iteration, no hash():
every run writes the same bytes.
"""
import base64
import datetime
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20260121
R = random.Random(SEED)
T0 = datetime.datetime(2026, 1, 21, 0, 0, 0, tzinfo=datetime.timezone.utc)
DAY = 24 * 3600
NONE = "-"
EVENTS = []                 # [t, seq, ip, method, target, proto, status, size, referer, ua]
_SEQ = [0]


class _Auto:
    pass


AUTO = _Auto()              # Referer computed from the current page and its policy

# ------------------------------------------------------------------ encoding
_ALNUM = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_FORM_SAFE = list(_ALNUM + b"*-._")
_EURI_SAFE = list(_ALNUM + b"-_.!~*'()")
_PATH_SAFE = list(_ALNUM + b"-_.~!$&'()*+,;=:@/")
_RFC3986 = list(_ALNUM + b"-_.~")


def form(s):
    """application/x-www-form-urlencoded, as a GET form submits a field (CR LF kept as %0D%0A)."""
    out = []
    for b in s.encode("utf-8"):
        if b == 0x20:
            out.append("+")
        elif b in _FORM_SAFE:
            out.append(chr(b))
        else:
            out.append("%%%02X" % b)
    return "".join(out)


def euri(s):
    """JavaScript encodeURIComponent."""
    return "".join(chr(b) if b in _EURI_SAFE else "%%%02X" % b for b in s.encode("utf-8"))


def rfc3986(s):
    """RFC 3986 unreserved kept (PHP rawurlencode, AWS SigV4, the qs library)."""
    return "".join(chr(b) if b in _RFC3986 else "%%%02X" % b for b in s.encode("utf-8"))


def pseg(s):
    """A path as a browser puts it on the wire."""
    return "".join(chr(b) if b in _PATH_SAFE else "%%%02X" % b for b in s.encode("utf-8"))


def axios_enc(s):
    """axios's default params serializer: encodeURIComponent, then : $ , [ ] and space put back."""
    e = euri(s)
    for a, b in (("%3A", ":"), ("%24", "$"), ("%2C", ","), ("%20", "+"), ("%5B", "["), ("%5D", "]")):
        e = e.replace(a, b)
    return e


def ng_enc(s):
    """AngularJS-style encodeUriQuery, as Grafana builds its links: @ : $ , ; stay raw, space is %20."""
    e = euri(s)
    for a, b in (("%40", "@"), ("%3A", ":"), ("%24", "$"), ("%2C", ","), ("%3B", ";")):
        e = e.replace(a, b)
    return e


def jq_enc(s):
    """jQuery.param: encodeURIComponent with %20 as +."""
    return euri(s).replace("%20", "+")


def qs(pairs, enc=form, kenc=None):
    kenc = kenc or enc
    return "&".join("%s=%s" % (kenc(k), enc(v)) for k, v in pairs)


def typed(s):
    """A query string typed or pasted into the address bar: the browser escapes space, \" < > only."""
    return s.replace(" ", "%20").replace('"', "%22").replace("<", "%3C").replace(">", "%3E")


def hexs(n, upper=False):
    h = "".join(R.choice("0123456789abcdef") for _ in range(n))
    return h.upper() if upper else h


def alnum(n):
    return "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))


def lower_alnum(n):
    return "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))


def b64u(n):
    return "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(n))


def b64std(n, pad=True):
    s = "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(n))
    if pad:
        s += "=" * ((4 - len(s) % 4) % 4)
    return s


def b64url_of(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def uuid4():
    h = hexs(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], R.choice("89ab"), h[17:20], h[20:32])


def jdump(o):
    return json.dumps(o, separators=(",", ":"))


def jwt(payload, alg="HS256"):
    head = {"alg": alg, "typ": "JWT"}
    if alg == "RS256":
        head["kid"] = b64u(27)
    sig = b64u(43) if alg == "HS256" else b64u(342)
    return "%s.%s.%s" % (b64url_of(jdump(head)), b64url_of(jdump(payload)), sig)


def slug(title):
    out, dash = [], False
    for ch in title.lower():
        if ch.isalnum() and ch.isascii():
            out.append(ch)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")[:70].strip("-")


def pick(seq):
    return R.choice(seq)


def chance(p):
    return R.random() < p


def wchoice(pairs):
    tot = sum(w for _, w in pairs)
    x = R.uniform(0, tot)
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


def sample(seq, k):
    return R.sample(list(seq), min(k, len(seq)))


_ROT = {}


def rot(items, k=None):
    """Take the next item(s) of a list in a shuffled round-robin, so that every listed search or
    value is used by several people rather than whichever the dice favour."""
    key = id(items)
    if key not in _ROT:
        order = list(items)
        R.shuffle(order)
        _ROT[key] = [order, 0]
    st = _ROT[key]
    n = 1 if k is None else min(k, len(st[0]))
    out = []
    for _ in range(n):
        out.append(st[0][st[1] % len(st[0])])
        st[1] += 1
    return out[0] if k is None else out


def rotw(pairs):
    """rot() over a weighted list: each value appears as many times as its weight."""
    key = repr(pairs)
    if key not in _ROTW:
        _ROTW[key] = [v for v, w in pairs for _ in range(int(w))]
    return rot(_ROTW[key])


_ROTW = {}


def addq(target, extra):
    if not extra:
        return target
    return target + ("&" if "?" in target else "?") + extra


def jsess(path, sid):
    """Servlet URL rewriting: ;jsessionid= goes before the query."""
    if "?" in path:
        p, q = path.split("?", 1)
        return "%s;jsessionid=%s?%s" % (p, sid, q)
    return "%s;jsessionid=%s" % (path, sid)


def epoch(t):
    """Unix time of a moment t seconds into the day."""
    return int(T0.timestamp() + t)


def iso_basic(t):
    return (T0 + datetime.timedelta(seconds=int(t))).strftime("%Y%m%dT%H%M%SZ")


# ------------------------------------------------------------------ user agents
# key -> (family, speaks h2, User-Agent).  family: chromium, firefox, safari, app
def _ua(fam, ua, h2=True):
    return (fam, h2, ua)


UA = {
    "chrome-win": _ua("chromium", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36"),
    "chrome-win-143": _ua("chromium", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36"),
    "chrome-win-139": _ua("chromium", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36"),
    "chrome-mac": _ua("chromium", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36"),
    "chrome-linux": _ua("chromium", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36"),
    "chrome-cros": _ua("chromium", "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36"),
    "edge-win": _ua("chromium", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36 Edg/144.0.0.0"),
    "edge-win-143": _ua("chromium", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36 Edg/143.0.0.0"),
    "edge-mac": _ua("chromium", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36 Edg/144.0.0.0"),
    "opera-win": _ua("chromium", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 OPR/125.0.0.0"),
    "brave-win": _ua("chromium", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36"),
    "vivaldi-linux": _ua("chromium", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Vivaldi/7.7.3851.52"),
    "ff-win": _ua("firefox", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:147.0) Gecko/20100101 Firefox/147.0"),
    "ff-win-146": _ua("firefox", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:146.0) Gecko/20100101 Firefox/146.0"),
    "ff-win-esr140": _ua("firefox", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0"),
    "ff-mac": _ua("firefox", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:147.0) Gecko/20100101 Firefox/147.0"),
    "ff-linux": _ua("firefox", "Mozilla/5.0 (X11; Linux x86_64; rv:147.0) Gecko/20100101 Firefox/147.0"),
    "ff-ubuntu": _ua("firefox", "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:146.0) Gecko/20100101 Firefox/146.0"),
    "ff-esr128-linux": _ua("firefox", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"),
    "safari-mac": _ua("safari", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Safari/605.1.15"),
    "safari-mac-18": _ua("safari", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Safari/605.1.15"),
    "chrome-android": _ua("chromium", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Mobile Safari/537.36"),
    "chrome-android-141": _ua("chromium", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Mobile Safari/537.36"),
    "samsung": _ua("chromium", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/29.0 Chrome/136.0.0.0 Mobile Safari/537.36"),
    "ff-android": _ua("firefox", "Mozilla/5.0 (Android 15; Mobile; rv:147.0) Gecko/147.0 Firefox/147.0"),
    "safari-iphone": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Mobile/15E148 Safari/604.1"),
    "safari-iphone-18": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.7 Mobile/15E148 Safari/604.1"),
    "safari-iphone-17": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_7_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.7 Mobile/15E148 Safari/604.1"),
    "safari-ipad": _ua("safari", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Mobile/15E148 Safari/604.1"),
    "chrome-ios": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/144.0.7559.59 Mobile/15E148 Safari/604.1"),
}

DESKTOP = [("chrome-win", 30), ("chrome-win-143", 8), ("chrome-win-139", 2), ("chrome-mac", 12), ("chrome-linux", 4),
           ("chrome-cros", 2), ("edge-win", 13), ("edge-win-143", 3), ("edge-mac", 1), ("opera-win", 2), ("brave-win", 2),
           ("vivaldi-linux", 1), ("ff-win", 7), ("ff-win-146", 2), ("ff-win-esr140", 1.5), ("ff-mac", 2), ("ff-linux", 3),
           ("ff-ubuntu", 2), ("ff-esr128-linux", 0.7), ("safari-mac", 8), ("safari-mac-18", 3)]
MOBILE = [("chrome-android", 30), ("chrome-android-141", 4), ("samsung", 8), ("ff-android", 3), ("safari-iphone", 24),
          ("safari-iphone-18", 10), ("safari-iphone-17", 4), ("safari-ipad", 2), ("chrome-ios", 5)]
DEV = [("chrome-mac", 20), ("chrome-linux", 12), ("chrome-win", 14), ("ff-linux", 8), ("ff-mac", 4), ("ff-ubuntu", 3),
       ("edge-win", 4), ("safari-mac", 5), ("brave-win", 2), ("vivaldi-linux", 2), ("ff-win", 3)]


def ua_pick(mix="any"):
    if mix == "desktop":
        return wchoice(DESKTOP)
    if mix == "mobile":
        return wchoice(MOBILE)
    if mix == "dev":
        return wchoice(DEV)
    if mix == "mostly-desktop":
        return wchoice(DESKTOP) if chance(0.82) else wchoice(MOBILE)
    if mix == "mostly-mobile":
        return wchoice(DESKTOP) if chance(0.3) else wchoice(MOBILE)
    return wchoice(DESKTOP) if chance(0.55) else wchoice(MOBILE)


def sz(kind):
    lo, hi = {"html": (6000, 48000), "css": (4000, 70000), "js": (8000, 320000), "font": (14000, 62000),
              "img": (2500, 180000), "icon": (318, 15086), "json": (150, 22000), "small": (20, 900),
              "svg": (400, 9000), "pdf": (60000, 2400000), "xml": (3000, 90000), "err": (150, 4200),
              "seg": (150000, 1200000), "zip": (400000, 9000000)}[kind]
    return R.randint(lo, hi)


def reref(ref, host):
    """A Referer URL as sent to host under strict-origin-when-cross-origin."""
    if ref == NONE:
        return NONE
    if origin(ref) == "https://" + host:
        return ref
    return origin(ref) + "/"


def origin(url):
    p = url.split("/", 3)
    return "%s//%s" % (p[0], p[2])


# ------------------------------------------------------------------ sites
SITE_H2 = {}


class Site:
    """One web site: its host, the files every page pulls, and its habits."""

    def __init__(self, host, css=(), js=(), fonts=(), imgs=(), static=None, icon="/favicon.ico", icon_st=200,
                 h2=True, hsize=(6000, 45000), policy="strict-origin-when-cross-origin"):
        self.host = host
        self.static = static or host
        self.css, self.js, self.fonts, self.imgs = list(css), list(js), list(fonts), list(imgs)
        self.icon, self.icon_st = icon, icon_st
        self.h2 = h2
        SITE_H2[host] = h2
        if static and static not in SITE_H2:
            SITE_H2[static] = h2
        self.hsize = hsize
        self.policy = policy

    def url(self, target):
        return "https://%s%s" % (self.host, target)


def host_site(host, h2=True):
    SITE_H2[host] = h2
    return host


# ------------------------------------------------------------------ people
class Browser:
    """One person's browser (or app): one User-Agent, a clock, a cache, the page shown."""

    def __init__(self, ip, uakey, t, ua=None):
        self.ip = ip
        self.uakey = uakey
        if ua is not None:                  # a native app or reader
            self.fam, self.h2, self.ua = ua
        else:
            self.fam, self.h2, self.ua = UA[uakey]
        self.t = t
        self.cache = {}
        self.sitestate = {}
        self.iconed = {}
        self.page = None
        self.page_site = None
        self.page_ref = NONE
        self.page_policy = "strict-origin-when-cross-origin"
        self.chromium = self.fam == "chromium"
        self.ios = "iPhone" in self.ua or "iPad" in self.ua
        self.mobile = "Mobile" in self.ua or "Android" in self.ua
        self.notes = []
        self.pending = 0.0

    # ---- low level
    def hit(self, method, site_or_host, target, status, size, ref, dt=0.0, proto=None):
        host = site_or_host if isinstance(site_or_host, str) else site_or_host.host
        if proto is None:
            proto = "HTTP/2.0" if (self.h2 and SITE_H2.get(host, True)) else "HTTP/1.1"
        if status in (304, 204, 101) or method == "HEAD":
            size = 0
        if "?" in target and "'" in target and self.fam in ("firefox", "safari"):
            # Firefox and WebKit escape ' in the query of a special URL; Chromium sends it raw
            p, q = target.split("?", 1)
            target = p + "?" + q.replace("'", "%27")
        _SEQ[0] += 1
        EVENTS.append([self.t + dt, _SEQ[0], self.ip, method, target, proto, status, size, ref, self.ua])

    def wait(self, lo, hi):
        self.t += self.pending + R.uniform(lo, hi)
        self.pending = 0.0

    def refto(self, host, page=None, policy=None):
        page = page or self.page
        policy = policy or self.page_policy
        if not page or policy == "no-referrer":
            return NONE
        same = origin(page) == "https://" + host
        if policy == "same-origin":
            return page if same else NONE
        if policy == "origin":
            return origin(page) + "/"
        if policy == "no-referrer-when-downgrade":
            return page
        return page if same else origin(page) + "/"

    # ---- navigation
    def open(self, site, target, ref=AUTO, status=200, size=None, imgs=(), xhr=(), think=(6, 60), to=None,
             method="GET", assets=True, sid=None, lazy=()):
        """Navigate: the page, then its stylesheets, scripts, fonts, images and load-time calls.
        to: (site, target) a 3xx leads to (the original Referer is kept, recomputed for the new host).
        sid: servlet session id the page's own links to its assets were rewritten with."""
        self.t += self.pending
        self.pending = 0.0
        auto = ref is AUTO
        if auto:
            ref = self.refto(site.host)
        target = target.split("#")[0]
        if status in (301, 302, 303, 307, 308):
            self.hit(method, site, target, status, pick((0, 138, 162, 169, 5)), ref)
            self.t += R.uniform(0.05, 0.45)
            if to is not None:
                nm = "GET" if status in (301, 302, 303) else method
                # the redirected request keeps its Referer, trimmed for the new host and
                # dropped if the redirect answer says Referrer-Policy: no-referrer
                if site.policy == "no-referrer":
                    nref = NONE
                else:
                    nref = self.refto(to[0].host) if auto else reref(ref, to[0].host)
                return self.open(to[0], to[1], ref=nref, imgs=imgs, xhr=xhr, think=think,
                                 method=nm, assets=assets, sid=sid, lazy=lazy)
            return
        if size is None:
            size = R.randint(*site.hsize) if status == 200 else sz("err")
        self.hit(method, site, target, status, size, ref)
        self.page = site.url(target)
        self.page_site = site
        self.page_ref = ref
        self.page_policy = site.policy
        end = 0.0
        if assets and status in (200, 404, 403, 401, 410, 500):
            end = self.subresources(site, imgs, xhr, sid)
        d = end
        for item in lazy:
            host, path = (None, item) if isinstance(item, str) else item
            h = host or site.host
            d += R.uniform(1.0, 12)
            if (h + path) in self.cache:
                continue
            self.cache[h + path] = True
            self.hit("GET", h, path, 200, sz("img"), self.refto(h), dt=d)
        self.t += max(end, d)
        self.pending = R.uniform(*think)

    def chain(self, hops, ref=AUTO, **kw):
        """A navigation through redirects: every hop but the last answers 302 (or the status given as
        a third element); the last is opened as a page.  Each hop carries the first request's Referer,
        trimmed for its host, or none once a hop answered with Referrer-Policy: no-referrer."""
        self.t += self.pending
        self.pending = 0.0
        auto = ref is AUTO
        orig = ref
        dropped = False
        for i, hop in enumerate(hops):
            site, target = hop[0], hop[1]
            if dropped:
                r = NONE
            elif auto:
                r = self.refto(site.host)
            else:
                r = reref(orig, site.host)
            if i == len(hops) - 1:
                self.open(site, target, ref=r, **kw)
                return
            self.hit("GET", site, target, hop[2] if len(hop) > 2 else 302, pick((0, 138, 162, 5)), r)
            self.t += R.uniform(0.05, 0.4)
            if site.policy == "no-referrer":
                dropped = True

    def subresources(self, site, imgs=(), xhr=(), sid=None):
        state = self.sitestate.get(site.host)
        if state is None:
            r = R.random()
            state = "fresh" if r < 0.13 else ("reval" if r < 0.26 else "new")
            self.sitestate[site.host] = state
        dt = R.uniform(0.05, 0.4)
        refs = {}

        def ref_for(host):
            if host not in refs:
                refs[host] = self.refto(host)
            return refs[host]

        def fetch(host, path, kind, ref, d):
            key = host + path
            if key in self.cache:
                return
            self.cache[key] = True
            if state == "fresh":
                return
            if state == "reval":
                self.hit("GET", host, path, 304, 0, ref, dt=d)
                return
            self.hit("GET", host, path, 200, sz(kind), ref, dt=d)

        sh = site.static
        for p in site.css:
            dt += R.uniform(0.0, 0.08)
            fetch(sh, jsess(p, sid) if sid else p, "css", ref_for(sh), dt)
        for p in site.js:
            dt += R.uniform(0.0, 0.12)
            fetch(sh, jsess(p, sid) if sid else p, "js", ref_for(sh), dt)
        fd = dt + R.uniform(0.05, 0.35)
        for p, ci in site.fonts:
            fd += R.uniform(0.0, 0.1)
            css = jsess(site.css[ci], sid) if sid else site.css[ci]
            fetch(sh, p, "font", "https://%s%s" % (sh, css), fd)
        end = max(dt, fd)
        d = dt + R.uniform(0.1, 0.5)
        for item in list(site.imgs) + list(imgs):
            host, p = (None, item) if isinstance(item, str) else item
            host = host or site.host
            if sid and host == site.host and not p.startswith("http"):
                p = jsess(p, sid)
            d += R.uniform(0.02, 0.25)
            fetch(host, p, "svg" if p.split("?")[0].endswith(".svg") else "img", ref_for(host), d)
        end = max(end, d)
        if site.host not in self.iconed:
            self.iconed[site.host] = True
            if site.icon and state == "new":
                d2 = end + R.uniform(0.05, 0.6)
                self.hit("GET", site, site.icon, site.icon_st, sz("icon") if site.icon_st == 200 else sz("err"),
                         self.refto(site.host), dt=d2)
                end = d2
        d = end + R.uniform(0.05, 0.4)
        for x in xhr:
            method, host, path = x[0], x[1] or site.host, x[2]
            st = x[3] if len(x) > 3 else 200
            size = x[4] if len(x) > 4 else sz("json")
            d += R.uniform(0.05, 0.8)
            self.hit(method, host, path, st, size, self.refto(host), dt=d)
        return max(end, d)

    def download(self, site, target, size, status=200, think=(3, 30), ref=AUTO):
        """A link answered with Content-Disposition: attachment (or a file the browser hands to another
        app): the request carries the current page as Referer and the page stays where it was."""
        self.t += self.pending if self.pending else R.uniform(1, 6)
        self.pending = 0.0
        host = site if isinstance(site, str) else site.host
        self.hit("GET", site, target, status, size, self.refto(host) if ref is AUTO else ref)
        self.pending = R.uniform(*think)

    def x(self, path, method="GET", status=200, size=None, host=None, dt=(0.2, 1.6), ref=AUTO):
        """An XHR/fetch from the current page."""
        self.t += R.uniform(*dt)
        h = host or self.page_site.host
        r = self.refto(h) if ref is AUTO else ref
        self.hit(method, h, path, status, sz("json") if size is None else size, r)

    def img(self, path, host=None, status=200, kind="img"):
        h = host or self.page_site.host
        if (h + path) in self.cache:
            return
        self.cache[h + path] = True
        self.t += R.uniform(0.05, 0.7)
        self.hit("GET", h, path, status, sz(kind) if status == 200 else sz("err"), self.refto(h))

    def push(self, target):
        """history.pushState: the address (so later Referers) changes, nothing is sent."""
        self.page = self.page_site.url(target)

    def post(self, site, target, status=302, to=None, size=None, think=(2, 12)):
        """Submit a form of the current page; a 3xx is followed to `to` = (site, target)."""
        self.t += self.pending if self.pending else R.uniform(*think)
        self.pending = 0.0
        ref = self.refto(site.host)
        if status in (301, 302, 303):
            self.hit("POST", site, target, status, pick((0, 5, 162)), ref)
            self.t += R.uniform(0.1, 0.7)
            if to:
                # the redirected GET keeps the form page's Referer, recomputed for its host
                # (none if the site sends Referrer-Policy: no-referrer)
                self.open(to[0], to[1], ref=NONE if site.policy == "no-referrer" else reref(ref, to[0].host),
                          think=(4, 30))
        else:
            self.hit("POST", site, target, status, size if size is not None else R.randint(5000, 40000), ref)
            self.page = site.url(target)
            self.page_site = site
            self.page_policy = site.policy
            self.t += self.subresources(site)
            self.pending = R.uniform(4, 30)

    def reload(self, think=(3, 20)):
        """F5: the page again with its Referer; Chromium revalidates only the page,
        Firefox and Safari also its stylesheets and scripts."""
        self.t += self.pending
        self.pending = 0.0
        site, page = self.page_site, self.page
        target = page.split(site.host, 1)[1]
        self.hit("GET", site, target, 200, R.randint(*site.hsize), self.page_ref)
        if not self.chromium:
            d = R.uniform(0.1, 0.4)
            for p in site.css + site.js:
                d += R.uniform(0.01, 0.08)
                self.hit("GET", site.static, p, 304, 0, self.refto(site.static), dt=d)
        self.wait(*think)

    def back(self, site, target, ref, think=(4, 30)):
        """Back: from the back/forward cache (nothing sent) or the page again."""
        self.t += self.pending
        self.pending = 0.0
        self.page = site.url(target)
        self.page_site = site
        self.page_ref = ref
        self.page_policy = site.policy
        if not chance(0.55):
            self.hit("GET", site, target, 200, R.randint(*site.hsize), ref)
        self.wait(*think)

    def note(self, s):
        self.notes.append(s)


# ------------------------------------------------------------------ arrivals
SEARCH_REFS = [("https://www.google.com/", 70), ("https://www.bing.com/", 10), ("https://duckduckgo.com/", 8),
               ("https://www.ecosia.org/", 2), ("https://search.brave.com/", 2), ("https://www.qwant.com/", 1),
               ("https://kagi.com/", 1)]


def from_search():
    return wchoice(SEARCH_REFS)


def from_mail():
    """Links opened from a mail client: desktop and phone apps send no Referer."""
    return wchoice([(NONE, 8), ("https://outlook.office.com/", 2), ("https://mail.google.com/", 1)])


def arrival(p_search=0.5, p_typed=0.3):
    r = R.random()
    if r < p_search:
        return from_search()
    if r < p_search + p_typed:
        return NONE
    return wchoice([("https://www.reddit.com/", 4), ("https://news.ycombinator.com/", 2), ("https://t.co/", 2),
                    ("https://www.linkedin.com/", 2), ("https://bsky.app/", 1), ("https://mastodon.social/", 1),
                    ("https://www.facebook.com/", 2), ("https://teams.microsoft.com/", 1), ("https://app.slack.com/", 2)])


# ================================================================== 1. session ids in URLs
# ---- Java servlet apps: Tomcat URL rewriting puts ;jsessionid= on every link of the first page
# (the server cannot yet know that the browser keeps cookies); later pages are clean unless the
# person blocks cookies for the site.
def tomcat_sid(route=None):
    s = hexs(32, upper=True)
    return s + ("." + route if route else "")


OPAC = Site("catalog.riverbend-library.example", css=["/opac/css/opac.css", "/opac/css/jquery-ui.min.css"],
            js=["/opac/js/jquery-3.7.1.min.js", "/opac/js/jquery-ui.min.js", "/opac/js/opac.js"],
            imgs=["/opac/images/riverbend-logo.png", "/opac/images/search.gif"], h2=False, hsize=(8000, 31000))
OPAC_Q = ["the shell collector", "drop city boyle", "select poems robert frost", "the things they carried o'brien",
          "union street pat barker", "learning the bash shell", "sql cookbook", "script & print", "the exec",
          "alert! (dvd)", "cat's cradle", "1984 orwell", "admin law casebook", "where's waldo", "c++ primer",
          "root of the matter", "cmd and conquer", "a wrinkle in time", "the book thief", "dune", "shell game",
          "python crash course", "hack / slash graphic novel", "the order of time", "the password is courage"]


def opac_session(b):
    sid = tomcat_sid(pick(["opac1", "opac2", None]))
    blocked = chance(0.12)
    b.open(OPAC, "/opac/", ref=pick([NONE, "https://www.riverbend-library.example/", from_search()]), sid=sid)
    b.note("library catalogue (Tomcat); first page's links carried ;jsessionid=%s" % sid[:8])
    for i in range(R.randint(1, 3)):
        q = rot(OPAC_Q)
        path = "/opac/search.do?" + qs([("query", q), ("searchType", pick(["keyword", "title", "author"])),
                                        ("limit", "ALL"), ("branch", pick(["all", "main", "eastside"]))])
        use = sid if (i == 0 or blocked) else None
        b.open(OPAC, jsess(path, sid) if use else path, sid=sid if blocked else None,
               imgs=["/opac/cover?isbn=978%d&size=S" % R.randint(10 ** 9, 10 ** 10 - 1) for _ in range(R.randint(2, 5))],
               think=(8, 50))
        b.note("searched [%s]" % q)
        rec = "b%d" % R.randint(1000000, 1999999)
        rp = "/opac/record.do?id=%s&query=%s" % (rec, form(q))
        b.open(OPAC, jsess(rp, sid) if blocked else rp, sid=sid if blocked else None,
               imgs=["/opac/cover?isbn=978%d&size=M" % R.randint(10 ** 9, 10 ** 10 - 1)], think=(10, 70))
    if chance(0.5):
        # the citation export is a script-built link that passes the session in the query
        b.download(OPAC, "/opac/export.do?format=%s&id=%s&jsessionid=%s" % (pick(["ris", "bibtex", "endnote"]), rec, sid),
                   R.randint(400, 2000), think=(3, 20))
        b.note("exported a citation (?jsessionid= in the link)")
    if chance(0.45):
        b.open(OPAC, "/opac/login.do?returnTo=" + euri("/opac/hold.do?id=" + rec), think=(10, 30))
        b.post(OPAC, jsess("/opac/login.do", sid) if blocked else "/opac/login.do", status=302, to=(OPAC, "/opac/hold.do?id=" + rec))
        b.post(OPAC, "/opac/hold.do", status=200)
        b.note("signed in and placed a hold")


RAIL = Site("tickets.valleyrail.example", css=["/static/css/bootstrap.min.css", "/static/css/valleyrail.css"],
            js=["/static/js/jquery.min.js", "/static/js/bootstrap.bundle.min.js", "/static/js/booking.js"],
            fonts=[("/static/fonts/Lato-Regular.woff2", 1), ("/static/fonts/Lato-Bold.woff2", 1)],
            imgs=["/static/img/logo.svg", "/static/img/hero-viaduct.jpg"], h2=False)
STATIONS = ["Ashford (Kent)", "Bishop's Stortford", "Stoke-on-Trent", "King's Lynn", "Milton Keynes Central",
            "St Mary's Halt", "Westbury", "Bath Spa", "Newcastle", "Weston-super-Mare", "Hebden Bridge", "Ely"]
PSP_ORIGINS = [("https://www.paypal.com/", 8), ("https://checkout.stripe.com/", 5), ("https://www.mollie.com/", 3),
               ("https://secure.worldpay.com/", 3), ("https://pay.realexpayments.com/", 0.5),
               ("https://pay.sumup.com/", 1), ("https://checkoutshopper-live.adyen.com/", 2)]


def rail_session(b):
    sid = tomcat_sid("node%d" % R.randint(1, 4))
    b.open(RAIL, "/", ref=arrival(0.5, 0.4), sid=sid)
    o, d = sample(STATIONS, 2)
    date = "%02d/01/2026" % R.randint(22, 31)
    q = qs([("origin", o), ("destination", d), ("outDate", date), ("outTime", pick(["0700", "0830", "1000", "1530"])),
            ("outTimeType", "DEPART"), ("adults", str(R.randint(1, 2))), ("children", "0"), ("railcard", pick(["", "", "YNG", "SRN", "TSU"]))])
    b.open(RAIL, jsess("/booking/searchTrains.action", sid) + "?" + q, think=(15, 80),
           xhr=[("GET", None, "/booking/availability.action?" + qs([("journeyKey", b64std(40)), ("fmt", "json")]))])
    b.note("rail search %s -> %s; first search URL carried ;jsessionid=" % (o, d))
    if chance(0.4):
        b.open(RAIL, "/booking/searchTrains.action?" + q.replace("outTime=", "outTime=1") + "&later=true", think=(10, 40))
    jk = "%d-%s" % (R.randint(100000, 999999), hexs(6))
    b.open(RAIL, "/booking/selectFare.action?journeyId=%s&fareId=%s" % (jk, pick(["ADV1", "ANY", "OFFPK"])), think=(20, 90))
    b.open(RAIL, "/booking/passengers.action", think=(30, 120))
    b.post(RAIL, "/booking/payment.action", status=302)
    b.wait(40, 200)
    # the shop appends the session to the PSP return URL, in case the cookie does not come back
    psp = wchoice(PSP_ORIGINS[:4])
    ok = chance(0.85)
    ret = "/booking/%s.action?jsessionid=%s&bookingRef=VR%s&status=%s" % (
        "confirm" if ok else "paymentFailed", sid, alnum(6).upper(), "AUTHORISED" if ok else "REFUSED")
    b.open(RAIL, ret, ref=psp, think=(10, 60))
    b.note("back from the payment page (%s) on a ?jsessionid= URL, %s" % (psp, "paid" if ok else "card refused"))
    if ok and chance(0.6):
        b.download(RAIL, "/booking/eticket.action?bookingRef=%s&format=pdf" % ret.split("bookingRef=")[1].split("&")[0], sz("pdf"))


PORTAL = Site("permits.larchmont.example",
              css=["/o/larchmont-theme/css/clay.css?browserId=chrome&themeId=larchmont_WAR_larchmonttheme&minifierType=css&languageId=en_US&t=1768921123000",
                   "/o/larchmont-theme/css/main.css?browserId=chrome&themeId=larchmont_WAR_larchmonttheme&minifierType=css&languageId=en_US&t=1768921123000"],
              js=["/combo?browserId=chrome&minifierType=js&languageId=en_US&t=1768921123000&/o/frontend-js-jquery-web/jquery/jquery.min.js&/o/frontend-js-jquery-web/jquery/bootstrap.bundle.min.js",
                  "/o/frontend-js-web/liferay/global.bundle.js", "/o/js_loader_config?t=1768921123000"],
              fonts=[("/o/larchmont-theme/fonts/SourceSans3-Regular.woff2", 0)],
              imgs=["/image/layout_set_logo?img_id=38211&t=1768921123000", "/o/larchmont-theme/images/seal.svg"], h2=False)
LOGIN_PID = "com_liferay_login_web_portlet_LoginPortlet"
APP_PID = "gov_larchmont_permits_web_ApplicationsPortlet_INSTANCE_" + alnum(12)


def portal_session(b):
    sid = tomcat_sid()
    b.open(PORTAL, "/web/guest/home", ref=arrival(0.4, 0.4), sid=sid)
    login = "/web/guest/home?" + "&".join([
        "p_p_id=" + LOGIN_PID, "p_p_lifecycle=0", "p_p_state=maximized", "p_p_mode=view",
        "_%s_mvcRenderCommandName=%%2Flogin%%2Flogin" % LOGIN_PID, "saveLastPath=false"])
    b.open(PORTAL, jsess(login, sid), think=(15, 50))
    b.post(PORTAL, "/web/guest/home?p_p_id=%s&p_p_lifecycle=1&p_p_state=normal&p_p_mode=view&_%s_javax.portlet.action=%%2Flogin%%2Flogin&p_auth=%s"
           % (LOGIN_PID, LOGIN_PID, alnum(8)), status=302, to=(PORTAL, "/group/permits/my-applications"))
    b.note("city permit portal (Liferay): login link with ;jsessionid= and p_p_id portlet parameters")
    for _ in range(R.randint(1, 3)):
        aid = R.randint(3000, 4999)
        b.open(PORTAL, "/group/permits/my-applications?p_p_id=%s&p_p_lifecycle=0&_%s_mvcRenderCommandName=%%2Fapplications%%2Fview&_%s_applicationId=%d"
               % (APP_PID, APP_PID, APP_PID, aid), think=(15, 90))
        if chance(0.5):
            b.download(PORTAL, "/documents/20121/%d/site-plan-%d.pdf/%s?version=1.0&t=%d&download=true" % (R.randint(40000, 49999), aid, uuid4(), epoch(b.t) * 1000 - R.randint(10 ** 8, 10 ** 9)),
                       sz("pdf"), think=(5, 30))
    if chance(0.6):
        b.open(PORTAL, "/c/portal/logout", status=302, to=(PORTAL, "/web/guest/home"))


REG = Site("register.hollins-univ.example", css=["/reg/javax.faces.resource/theme.css.xhtml?ln=primefaces-saga&v=13.0.10",
                                                  "/reg/javax.faces.resource/components.css.xhtml?ln=primefaces&v=13.0.10"],
           js=["/reg/javax.faces.resource/jquery/jquery.js.xhtml?ln=primefaces&v=13.0.10",
               "/reg/javax.faces.resource/core.js.xhtml?ln=primefaces&v=13.0.10",
               "/reg/javax.faces.resource/components.js.xhtml?ln=primefaces&v=13.0.10"],
           imgs=["/reg/resources/img/crest.png"], h2=False)
COURSES = ["Intro to Databases", "Shell Scripting", "Web Security", "Organic Chemistry I", "Statistics for Social Science",
           "Creative Writing", "Operating Systems", "Linear Algebra", "Microeconomics"]


def reg_session(b):
    sid = tomcat_sid("reg%d" % R.randint(1, 3))
    b.open(REG, "/reg/faces/login.xhtml", ref=pick([NONE, "https://my.hollins-univ.example/"]), sid=sid)
    b.post(REG, jsess("/reg/faces/login.xhtml", sid), status=302, to=(REG, "/reg/faces/search.xhtml?jfwid=%s:0" % b64u(27)))
    b.note("course registration (JSF/PrimeFaces): login form posted to a ;jsessionid= URL")
    for _ in range(R.randint(2, 4)):
        b.x("/reg/faces/search.xhtml?jfwid=%s:0" % b64u(27), method="POST")
    for _ in range(R.randint(1, 3)):
        b.open(REG, "/reg/faces/course.xhtml?crn=%d&term=202601&title=%s" % (R.randint(20000, 29999), form(pick(COURSES))), think=(10, 60))
    if chance(0.5):
        b.post(REG, "/reg/faces/cart.xhtml", status=200)
        b.note("added a course")


# ---- old PHP shops: the session id rides on the payment gateway's return URL
SHOPS = [
    Site("www.kitebay-supplies.example", css=["/css/style.css?v=3.2", "/css/lightbox.css"], js=["/js/jquery-1.12.4.min.js", "/js/shop.js?v=3.2"],
         imgs=["/images/logo.gif", "/images/basket.gif"], h2=False, hsize=(9000, 26000)),
    Site("www.beadcraft-corner.example", css=["/includes/templates/beadcraft/css/stylesheet.css", "/includes/templates/beadcraft/css/stylesheet_css_buttons.css"],
         js=["/includes/templates/beadcraft/jscript/jquery.min.js", "/includes/modules/pages/product_info/jscript_main.js"],
         imgs=["/includes/templates/beadcraft/images/logo.png"], h2=False),
    Site("www.holzspielwaren-berger.example", css=["/templates/berger/stylesheet.css"], js=["/templates/berger/javascript/general.js.php"],
         imgs=["/templates/berger/img/logo.jpg"], h2=False),
    Site("www.hartley-teas.example", css=["/catalog/stylesheet.css", "/catalog/ext/jquery/ui/redmond/jquery-ui-1.10.4.min.css"],
         js=["/catalog/ext/jquery/jquery-1.11.1.min.js", "/catalog/ext/jquery/ui/jquery-ui-1.10.4.min.js"],
         imgs=["/catalog/images/store_logo.png"], h2=True),
]
SHOP_ITEMS = {
    "www.kitebay-supplies.example": ["Delta kite 1.8m", "Dyneema line 50m", "Kite repair tape", "Ground stake (pair)"],
    "www.beadcraft-corner.example": ["Czech glass beads 6mm", "Memory wire", "Crimp beads assorted", "Jump rings 4mm"],
    "www.holzspielwaren-berger.example": ["Kugelbahn Buche", "Holzeisenbahn Starterset", "Steckspiel Regenbogen"],
    "www.hartley-teas.example": ["Assam TGFOP 250g", "Earl Grey \"Blue Flower\"", "Gunpowder green", "Lapsang Souchong"],
}


def product_url(h, items):
    if "beadcraft" in h:
        return "/index.php?main_page=product_info&cPath=%d_%d&products_id=%d" % (R.randint(1, 9), R.randint(10, 40), R.randint(100, 900))
    if "hartley" in h:
        return "/catalog/product_info.php?products_id=%d" % R.randint(20, 200)
    if "berger" in h:
        return "/product_info.php?info=p%d_%s.html" % (R.randint(10, 400), slug(pick(items)))
    return "/shop/product.php?id=%d&cat=%d" % (R.randint(10, 300), R.randint(1, 12))


def phpsid():
    return "".join(R.choice("abcdefghijklmnopqrstuv0123456789") for _ in range(26))


def php_shop_session(b):
    shop = pick(SHOPS)
    h = shop.host
    sid = phpsid()
    items = SHOP_ITEMS[h]
    ref = arrival(0.6, 0.2)
    first = product_url(h, items)
    b.open(shop, first, ref=ref, imgs=["/images/products/%d.jpg" % R.randint(100, 999) for _ in range(R.randint(1, 3))])
    item = pick(items)
    b.note("old PHP shop %s, bought [%s]" % (h, item))
    for _ in range(R.randint(0, 2)):
        b.open(shop, product_url(h, items), imgs=["/images/products/%d.jpg" % R.randint(100, 999)])
    cart = {"www.kitebay-supplies.example": "/shop/cart.php", "www.beadcraft-corner.example": "/index.php?main_page=shopping_cart",
            "www.holzspielwaren-berger.example": "/shopping_cart.php", "www.hartley-teas.example": "/catalog/shopping_cart.php"}[h]
    b.post(shop, cart.split("?")[0] + ("?action=add_product" if "?" not in cart else "&action=add_product"), status=302, to=(shop, cart))
    co = {"www.kitebay-supplies.example": "/shop/checkout.php", "www.beadcraft-corner.example": "/index.php?main_page=checkout_shipping",
          "www.holzspielwaren-berger.example": "/checkout_shipping.php", "www.hartley-teas.example": "/catalog/checkout_shipping.php"}[h]
    b.open(shop, co, think=(30, 120))
    b.post(shop, co.split("?")[0] + "?step=confirm" if "?" not in co else "/index.php?main_page=checkout_process", status=302)
    b.wait(45, 260)
    psp = wchoice(PSP_ORIGINS)
    order = R.randint(10000, 19999)
    amt = "%.2f" % R.uniform(6, 140)
    paid = chance(0.82)
    if "paypal" in psp:
        if chance(0.5):
            extra = qs([("tx", alnum(17).upper()), ("st", "Completed" if paid else "Pending"), ("amt", amt), ("cc", pick(["GBP", "EUR", "USD"])),
                        ("cm", "order_%d" % order), ("item_number", "")])
        else:
            extra = "token=EC-%s&PayerID=%s" % (alnum(17).upper(), alnum(13).upper())
    elif "stripe" in psp:
        extra = "session_id=cs_live_" + alnum(58)
    elif "worldpay" in psp:
        extra = qs([("orderKey", "ADMIN^%s^%d" % (h.split(".")[1].upper()[:10], order)), ("paymentStatus", "AUTHORISED" if paid else "REFUSED"),
                    ("paymentAmount", str(int(float(amt) * 100))), ("paymentCurrency", "GBP"), ("mac2", hexs(64))], enc=euri)
    elif "adyen" in psp:
        extra = "merchantReference=%d&redirectResult=%s" % (order, euri(b64std(R.randint(300, 600))))
    else:
        extra = "order_id=%d&status=%s" % (order, "paid" if paid else "failed")
    ret = {"www.kitebay-supplies.example": "/shop/payment_return.php", "www.beadcraft-corner.example": "/index.php?main_page=checkout_success",
           "www.holzspielwaren-berger.example": "/checkout_success.php", "www.hartley-teas.example": "/catalog/checkout_process.php"}[h]
    target = addq(ret, "PHPSESSID=%s&%s" % (sid, extra) if chance(0.5) else "%s&PHPSESSID=%s" % (extra, sid))
    b.open(shop, target, ref=psp, think=(10, 60))
    b.note("returned from %s with PHPSESSID in the query (%s)" % (psp, "paid" if paid else "payment failed"))
    if not paid:
        b.open(shop, co, think=(20, 60))
    elif chance(0.4):
        acct = {"www.kitebay-supplies.example": "/shop/account.php?view=orders", "www.beadcraft-corner.example": "/index.php?main_page=account_history",
                "www.holzspielwaren-berger.example": "/account_history.php", "www.hartley-teas.example": "/catalog/account_history_info.php?order_id=%d" % order}[h]
        b.open(shop, acct)


# ---- ColdFusion: CFID/CFTOKEN in links (client management without cookies, URLSessionFormat)
CF_SITES = [
    Site("records.cascadecounty.example", css=["/css/main.css", "/css/print.css"], js=["/js/jquery.min.js", "/js/records.js"],
         imgs=["/images/county-seal.gif"], h2=False),
    Site("events.marlow-college.example", css=["/calendar/styles/calendar.css"], js=["/calendar/scripts/calendar.js", "/CFIDE/scripts/cfform.js"],
         imgs=["/calendar/images/marlow.png"], h2=False),
    Site("register.tristate-conference.example", css=["/assets/css/reg.css"], js=["/assets/js/jquery-3.6.0.min.js", "/assets/js/reg.js"],
         imgs=["/assets/img/banner-2026.jpg"], h2=True),
]
CF_NAMES = ["O'Neill", "Smith & Sons", "McDonald", "D'Souza", "Van der Berg", "St. John", "Nguyen"]


def cf_tokens():
    cfid = str(R.randint(1000000, 99999999))
    if chance(0.5):
        tok = str(R.randint(10000000, 99999999))
    else:
        tok = "%s-%s-%s-%s-%s" % (hexs(16), hexs(8, True), hexs(4, True), hexs(4, True), hexs(16, True))
    return cfid, tok


def cf_session(b):
    site = pick(CF_SITES)
    cfid, tok = cf_tokens()
    tail = "CFID=%s&CFTOKEN=%s" % (cfid, form(tok))
    if "records" in site.host:
        b.open(site, "/index.cfm", ref=arrival(0.5, 0.4))
        for _ in range(R.randint(1, 3)):
            name = pick(CF_NAMES)
            b.open(site, "/index.cfm?fuseaction=search.results&" + qs([("lastname", name), ("doctype", pick(["DEED", "MORTGAGE", "LIEN", "ALL"])),
                                                                          ("from", "01/01/2015"), ("to", "01/20/2026")]) + "&" + tail, think=(10, 50))
            b.note("county records search [%s] with CFID/CFTOKEN" % name)
            for _ in range(R.randint(1, 2)):
                b.open(site, "/recorder/docview.cfm?docid=%d&page=1&%s" % (R.randint(2000000, 2999999), tail),
                       imgs=["/recorder/pageimage.cfm?docid=%d&page=1&%s" % (R.randint(2000000, 2999999), tail)], think=(10, 60))
    elif "events" in site.host:
        b.open(site, "/calendar/index.cfm?view=month&date=2026-01-01", ref=pick([NONE, "https://www.marlow-college.example/"]))
        for _ in range(R.randint(2, 4)):
            ev = R.randint(4000, 6000)
            b.open(site, "/calendar/event.cfm?eventid=%d&view=detail&%s" % (ev, tail), think=(6, 40))
        if chance(0.5):
            b.download(site, "/calendar/ical.cfm?eventid=%d&%s" % (ev, tail), R.randint(600, 1800))
        b.note("college events calendar; every link carried CFID/CFTOKEN")
    else:
        jsid = hexs(32, True)[:28]
        b.open(site, "/reg/index.cfm", ref=from_mail())
        b.post(site, "/reg/step1.cfm", status=302, to=(site, "/reg/step2.cfm?regtype=%s&%s&jsessionid=%s" % (pick(["member", "student", "nonmember"]), tail, jsid)))
        b.post(site, "/reg/step2.cfm?%s" % tail, status=302, to=(site, "/reg/step3.cfm?%s&jsessionid=%s" % (tail, jsid)))
        b.note("conference registration, CFID/CFTOKEN and jsessionid in the step URLs")
        if chance(0.7):
            b.post(site, "/reg/pay.cfm?%s" % tail, status=302)
            b.wait(60, 200)
            b.open(site, "/reg/confirm.cfm?%s&jsessionid=%s&txn=%s" % (tail, jsid, alnum(12)), ref=pick(["https://checkout.stripe.com/", "https://www.paypal.com/"]))
            b.note("paid and came back from the payment page")


# ---- OpenID Connect sign-ins: state, code, session_state and iss on the callback
KC = Site("sso.nimbus-ops.example", css=["/resources/fx2ad/login/keycloak.v2/css/styles.css", "/resources/fx2ad/common/keycloak/vendor/patternfly-v5/patternfly.min.css"],
          js=["/resources/fx2ad/login/keycloak.v2/js/passwordVisibility.js"], icon="/resources/fx2ad/login/keycloak.v2/img/favicon.ico",
          policy="no-referrer")
GRAFANA = Site("grafana.nimbus-ops.example", css=["/public/build/grafana.light.2f7c9a1e.css"],
               js=["/public/build/runtime.5d9e1c0a.js", "/public/build/app.8b2e4f61.js", "/public/build/vendors.a31f72c0.js"],
               fonts=[("/public/fonts/inter/Inter-Regular.woff2", 0)], imgs=["/public/img/grafana_icon.svg"], icon="/public/img/fav32.png")
HR = Site("hr.brightwater-corp.example", css=["/assets/app.4c1e2a.css"], js=["/assets/app.9f7b0d.js", "/assets/vendor.1b2c3d.js"],
          imgs=["/assets/brightwater.svg"])
BWIKI = Site("wiki.brightwater-corp.example", css=["/s/en_GB/9012/h/_/download/batch/css/main.css"],
             js=["/s/en_GB/9012/h/_/download/batch/js/main.js", "/s/en_GB/9012/h/_/download/resources/editor.js"])
DJAPP = Site("app.fieldnotes.example", css=["/static/css/app.min.css?v=41"], js=["/static/js/app.min.js?v=41"],
             fonts=[("/static/fonts/inter-var.woff2", 0)])
NC = Site("cloud.northfield-coop.example", css=["/apps/theming/css/default.css?v=" + hexs(8), "/core/css/server.css?v=" + hexs(8)],
          js=["/core/js/dist/main.js?v=" + hexs(8), "/apps/files/js/dist/main.js?v=" + hexs(8)], icon="/core/img/favicon.ico")
GITLAB = Site("git.nimbus-ops.example", css=["/assets/application-" + hexs(64) + ".css"], js=["/assets/webpack/runtime." + hexs(8) + ".bundle.js", "/assets/webpack/main." + hexs(8) + ".chunk.js"],
              icon="/assets/favicon-" + hexs(64) + ".png")


def kc_flow(b, start, client, redirect, scope="openid email profile", pkce=True, app_site=None, landing="/"):
    """start: the app's own redirect hops in front of the Keycloak login page."""
    state = b64u(43) if chance(0.6) else b64url_of(jdump({"returnTo": landing, "nonce": b64u(16)}))
    q = [("client_id", client), ("redirect_uri", redirect), ("response_type", "code"), ("scope", scope), ("state", state)]
    if pkce:
        q += [("code_challenge", b64u(43)), ("code_challenge_method", "S256")]
    if chance(0.5):
        q.append(("nonce", b64u(22)))
    auth = "/realms/nimbus/protocol/openid-connect/auth?" + qs(q)
    b.chain(start + [(KC, auth)], think=(8, 25))
    b.post(KC, "/realms/nimbus/login-actions/authenticate?" + qs([("session_code", b64u(43)), ("execution", uuid4()), ("client_id", client),
                                                                     ("tab_id", b64u(11)), ("client_data", b64url_of(jdump({"ru": redirect, "rt": "code", "st": state[:20]})))]),
           status=302)
    cb = redirect.split(app_site.host, 1)[1] + "?" + qs([("state", state), ("session_state", uuid4()), ("iss", "https://sso.nimbus-ops.example/realms/nimbus"),
                                                          ("code", "%s.%s.%s" % (uuid4(), uuid4(), uuid4()))])
    b.t += R.uniform(0.1, 0.6)
    # Keycloak answers with Referrer-Policy: no-referrer, so the callback carries none
    b.open(app_site, cb, ref=NONE, status=302, to=(app_site, landing))


def oidc_session(b):
    which = rotw([("grafana", 5), ("nextcloud", 3), ("gitlab", 3), ("azure", 5), ("okta", 4), ("google", 4)])
    if which == "grafana":
        b.open(GRAFANA, "/login", ref=NONE, think=(1, 4))
        kc_flow(b, [(GRAFANA, "/login/generic_oauth")], "grafana", "https://grafana.nimbus-ops.example/login/generic_oauth", scope="openid email profile offline_access roles",
                app_site=GRAFANA, landing="/?orgId=1")
        b.x("/api/search?limit=30&starred=true&skipRecent=true&skipStarred=false")
        b.x("/api/user/orgs")
        b.note("Grafana sign-in through Keycloak (state, session_state, iss, code on the callback)")
    elif which == "nextcloud":
        b.open(NC, "/login", ref=NONE, think=(1, 4))
        kc_flow(b, [(NC, "/apps/user_oidc/login/1")], "nextcloud", "https://cloud.northfield-coop.example/apps/user_oidc/code", pkce=False, app_site=NC, landing="/apps/files/")
        b.x("/ocs/v2.php/apps/notifications/api/v2/notifications?format=json")
        b.x("/apps/files/api/v1/stats")
        b.note("Nextcloud user_oidc sign-in through Keycloak")
    elif which == "gitlab":
        b.open(GITLAB, "/users/sign_in", ref=NONE, think=(2, 6))
        b.post(GITLAB, "/users/auth/openid_connect", status=302)
        kc_flow(b, [], "gitlab", "https://git.nimbus-ops.example/users/auth/openid_connect/callback", app_site=GITLAB, landing="/")
        proj = pick(["infra/terraform", "web/storefront", "ops/runbooks"])
        b.open(GITLAB, "/" + proj + "/-/merge_requests?scope=all&state=opened")
        b.note("GitLab sign-in through Keycloak, then %s merge requests" % proj)
    elif which == "azure":
        b.open(HR, "/", ref=NONE, status=302, to=(HR, "/login"), think=(1, 3))
        b.t += R.uniform(4, 30)       # at login.microsoftonline.com
        code = "1.A" + b64u(R.randint(700, 900)) if chance(0.5) else "0.A" + b64u(R.randint(700, 900))
        cb = "/auth/callback?" + qs([("code", code), ("state", b64u(32)), ("session_state", uuid4())], enc=euri)
        b.open(HR, cb, ref="https://login.microsoftonline.com/", status=302, to=(HR, pick(["/timesheets", "/leave/requests", "/payslips"])),
               xhr=[("GET", None, "/api/me"), ("GET", None, "/api/notifications?unread=true")])
        b.note("HR portal sign-in with Microsoft Entra ID (code=%s..., session_state)" % code[:6])
        if chance(0.5):
            b.download(HR, "/payslips/2025-12.pdf?download=1", sz("pdf"))
    elif which == "okta":
        b.open(BWIKI, "/login.action?os_destination=" + euri("/display/ENG/Runbooks"), ref=NONE, think=(1, 3))
        b.t += R.uniform(5, 40)
        state = b64u(24)
        b.open(BWIKI, "/plugins/servlet/oidc/callback?" + qs([("code", b64u(43)), ("state", state)]), ref="https://brightwater.okta.com/",
               status=302, to=(BWIKI, "/display/ENG/Runbooks"))
        b.note("company wiki sign-in with Okta")
        for _ in range(R.randint(1, 3)):
            b.open(BWIKI, "/display/ENG/" + pick(["Deploying+to+production", "On-call+handbook", "Database+failover", "Rotating+TLS+certificates"]))
    else:
        b.open(DJAPP, "/accounts/login/?next=" + euri("/notebooks/"), ref=arrival(0.3, 0.6), think=(3, 12))
        b.open(DJAPP, "/accounts/google/login/?process=login&next=" + euri("/notebooks/"), status=302)
        b.t += R.uniform(4, 25)
        cb = "/accounts/google/login/callback/?" + qs([("state", alnum(12)), ("code", "4/0A" + b64u(70)),
                                                        ("scope", "email profile openid https://www.googleapis.com/auth/userinfo.profile https://www.googleapis.com/auth/userinfo.email"),
                                                        ("authuser", "0"), ("prompt", pick(["none", "consent"]))])
        b.open(DJAPP, cb, ref="https://accounts.google.com/", status=302, to=(DJAPP, "/notebooks/"))
        b.note("signed in with Google (code=4/0A..., scope with URLs)")
    for _ in range(R.randint(0, 2)):
        b.wait(20, 200)
        b.reload()


# ---- SAML: Shibboleth, ADFS and SimpleSAMLphp
UNILIB = Site("library.hollins-univ.example", css=["/assets/css/library.css"], js=["/assets/js/library.js"], imgs=["/assets/img/hollins-library.svg"])
SHIBIDP = Site("idp.hollins-univ.example", css=["/idp/css/main.css"], js=[], imgs=["/idp/images/hollins-logo.png"], h2=False)
ADFS = Site("adfs.brightwater-corp.example", css=["/adfs/portal/css/style.css?id=" + hexs(64, True)], js=["/adfs/portal/script/onload.js?id=" + hexs(64, True)],
            imgs=["/adfs/portal/illustration/illustration.png?id=" + hexs(64, True)], h2=True)
TRACKER = Site("tracker.brightwater-corp.example", css=["/s/" + lower_alnum(6) + "/9120/1/_/download/contextbatch/css/_super/batch.css"],
               js=["/s/" + lower_alnum(6) + "/9120/1/_/download/contextbatch/js/_super/batch.js?locale=en-GB"])
SSPIDP = Site("login.riverside-makers.example", css=["/simplesaml/resources/default.css"], js=[], h2=False)
MAKERWIKI = Site("wiki.riverside-makers.example", css=["/load.php?lang=en&modules=skins.vector.styles&only=styles&skin=vector-2022"],
                 js=["/load.php?lang=en&modules=startup&only=scripts&raw=1&skin=vector-2022"])
SIGALG = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"


def deflated_b64(n):
    # DEFLATE-compressed SAML messages start with these bytes once base64-encoded
    return pick(["fZJ", "fZL", "nZJ", "lZL", "jZJ", "hZJ"]) + b64std(n)


def saml_session(b):
    which = rotw([("shib", 5), ("adfs", 4), ("ssp", 3)])
    if which == "shib":
        target = pick(["/databases/", "/eresources/az/?letter=J", "/reserves/course/CHEM201"])
        b.open(UNILIB, target, ref=arrival(0.2, 0.5), think=(3, 15))
        b.chain([(UNILIB, "/Shibboleth.sso/Login?" + qs([("target", UNILIB.url(target)), ("entityID", "https://idp.hollins-univ.example/idp/shibboleth")], enc=euri)),
                 (SHIBIDP, "/idp/profile/SAML2/Redirect/SSO?" + qs([("SAMLRequest", deflated_b64(R.randint(380, 520))),
                                                                    ("RelayState", "ss:mem:" + hexs(64))], enc=euri)),
                 (SHIBIDP, "/idp/profile/SAML2/Redirect/SSO?execution=e1s1")], think=(8, 30))
        b.post(SHIBIDP, "/idp/profile/SAML2/Redirect/SSO?execution=e1s1", status=200, size=R.randint(9000, 14000))
        b.post(UNILIB, "/Shibboleth.sso/SAML2/POST", status=302, to=(UNILIB, target))
        b.note("library e-resources behind Shibboleth: SAMLRequest to the IdP, execution=e1s1")
        for _ in range(R.randint(1, 3)):
            b.open(UNILIB, "/databases/" + pick(["jstor", "pubmed", "acm-digital-library", "ieee-xplore", "lexis"]) + "/", think=(8, 50))
        if chance(0.75):
            b.chain([(UNILIB, "/Shibboleth.sso/Logout?return=" + euri(UNILIB.url("/"))),
                     (SHIBIDP, "/idp/profile/SAML2/Redirect/SLO?" + qs([("SAMLRequest", deflated_b64(R.randint(300, 420))), ("RelayState", "ss:mem:" + hexs(64)),
                                                                        ("SigAlg", SIGALG), ("Signature", b64std(342))], enc=euri))], think=(1, 3))
            b.open(UNILIB, "/Shibboleth.sso/SLO/Redirect?" + qs([("SAMLResponse", deflated_b64(R.randint(260, 380))), ("RelayState", "ss:mem:" + hexs(64)),
                                                                  ("SigAlg", SIGALG), ("Signature", b64std(342))], enc=euri),
                   ref=NONE if chance(0.3) else "https://idp.hollins-univ.example/", think=(3, 20))
            b.note("logged out: SAMLResponse (deflated, base64) back on /Shibboleth.sso/SLO/Redirect")
    elif which == "adfs":
        issue = "%s-%d" % (pick(["OPS", "WEB", "FIN", "HR"]), R.randint(100, 4000))
        b.chain([(TRACKER, "/browse/" + issue),
                 (ADFS, "/adfs/ls/?" + qs([("SAMLRequest", deflated_b64(R.randint(400, 560))), ("RelayState", b64u(40)),
                                           ("SigAlg", SIGALG), ("Signature", b64std(342))], enc=euri))], ref=from_mail(), think=(2, 8))
        b.post(ADFS, "/adfs/ls/?client-request-id=%s&RedirectToIdentityProvider=AD+AUTHORITY" % uuid4(), status=200, size=R.randint(6000, 9000))
        b.post(TRACKER, "/plugins/servlet/samlconsumer", status=302, to=(TRACKER, "/browse/" + issue))
        b.note("issue tracker via ADFS (SAMLRequest, SigAlg, Signature), opened %s from a mail" % issue)
        b.x("/rest/api/2/issue/%s/comment?startAt=0&maxResults=50" % issue)
        proj = issue.split("-")[0]
        jql = pick(["project = %s AND status in (\"In Progress\", Open) ORDER BY updated DESC" % proj, "assignee = currentUser() AND resolution = Unresolved",
                    "project = %s AND text ~ \"can't log in\" AND created >= -14d" % proj, "labels in (p1, \"customer-reported\") ORDER BY priority DESC"])
        b.open(TRACKER, "/issues/?jql=" + form(jql), think=(10, 60))
        b.note("issue search jql=%s" % jql)
        for _ in range(R.randint(0, 3)):
            other = "%s-%d" % (proj, R.randint(100, 4000))
            b.open(TRACKER, "/browse/" + other, xhr=[("GET", None, "/rest/api/2/issue/%s/comment?startAt=0&maxResults=50" % other)], think=(20, 120))
    else:
        b.open(MAKERWIKI, "/index.php?title=Special:UserLogin&returnto=" + pick(["Laser_cutter", "3D_printers", "Main_Page"]), ref=NONE, think=(2, 6))
        relay = MAKERWIKI.url("/index.php?title=Special:PluggableAuthLogin")
        sso = "/simplesaml/saml2/idp/SSOService.php?" + qs([("SAMLRequest", deflated_b64(R.randint(380, 500))), ("RelayState", relay)], enc=euri)
        authstate = "_%s:%s" % (hexs(40), SSPIDP.url("/simplesaml/saml2/idp/SSOService.php?spentityid=" + euri(MAKERWIKI.url("/simplesaml/module.php/saml/sp/metadata.php/default-sp")) + "&RelayState=" + euri(relay) + "&cookieTime=" + str(epoch(b.t))))
        b.chain([(MAKERWIKI, "/index.php?title=Special:PluggableAuthLogin"), (SSPIDP, sso),
                 (SSPIDP, "/simplesaml/module.php/core/loginuserpass.php?AuthState=" + euri(authstate))], think=(8, 25))
        b.post(SSPIDP, "/simplesaml/module.php/core/loginuserpass.php", status=200, size=R.randint(4000, 6000))
        b.post(MAKERWIKI, "/simplesaml/module.php/saml/sp/saml2-acs.php/default-sp", status=302, to=(MAKERWIKI, "/index.php?title=Special:PluggableAuthLogin"))
        b.note("makerspace wiki via SimpleSAMLphp: AuthState holding a whole encoded URL")
        b.open(MAKERWIKI, "/wiki/" + pick(["Laser_cutter", "3D_printers", "Booking_the_CNC"]))
        if chance(0.6):
            b.chain([(MAKERWIKI, "/index.php?title=Special:UserLogout&returnto=Main_Page"),
                     (SSPIDP, "/simplesaml/saml2/idp/SingleLogoutService.php?" + qs([("SAMLRequest", deflated_b64(R.randint(280, 360))), ("RelayState", MAKERWIKI.url("/wiki/Main_Page"))], enc=euri)),
                     (MAKERWIKI, "/simplesaml/module.php/saml/sp/saml2-logout.php/default-sp?" + qs([("SAMLResponse", deflated_b64(R.randint(240, 340))), ("RelayState", MAKERWIKI.url("/wiki/Main_Page"))], enc=euri)),
                     (MAKERWIKI, "/wiki/Main_Page")])
            b.note("logged out: SAMLResponse back to the wiki's saml2-logout.php")


# ================================================================== 2. base64 and binary-looking tokens
# ---- JWTs in links: magic links, resets, verifications, unsubscribes, embeds, meeting rooms
PAPERKITE = Site("app.paperkite.example", css=["/_app/immutable/assets/0." + hexs(8) + ".css"],
                 js=["/_app/immutable/entry/start." + hexs(8) + ".js", "/_app/immutable/entry/app." + hexs(8) + ".js",
                     "/_app/immutable/chunks/index." + hexs(8) + ".js"], fonts=[("/fonts/geist-variable.woff2", 0)], icon="/favicon.png")
NEWSLETTER = Site("letters.harborline.example", css=["/assets/built/screen.css?v=" + hexs(10)], js=["/assets/built/casper.js?v=" + hexs(10)])
METABASE = Site("bi.quarrytech.example", css=["/app/dist/styles." + hexs(20) + ".css"], js=["/app/dist/app-embed." + hexs(20) + ".js"],
                fonts=[("/app/fonts/Lato/lato-v16-latin-regular.woff2", 0)])
QUARRY = Site("www.quarrytech.example", css=["/wp-content/themes/quarry/style.css?ver=6.8.1"], js=["/wp-includes/js/jquery/jquery.min.js?ver=3.7.1"])
JITSI = Site("meet.brightwater-corp.example", css=["/css/all.css?v=" + str(R.randint(7000, 8000))],
             js=["/libs/app.bundle.min.js?v=" + str(R.randint(7000, 8000)), "/libs/lib-jitsi-meet.min.js?v=" + str(R.randint(7000, 8000)), "/config.js", "/interface_config.js"],
             imgs=["/images/watermark.svg"])
STORELOC = Site("www.greenfield-garden.example", css=["/css/site.css?v=12"], js=["/js/site.js?v=12", "/js/maplibre-gl.js"])


def jwt_session(b):
    which = rotw([("magic", 4), ("reset", 3), ("verify", 3), ("unsub", 2), ("embed", 2), ("meet", 2), ("tiles", 2)])
    now = epoch(b.t)
    if which == "magic":
        tok = jwt({"sub": str(R.randint(10000, 99999)), "email": "%s@%s" % (pick(["ana", "li.wei", "tom.b", "sara"]), pick(["gmail.com", "outlook.com", "proton.me"])),
                   "purpose": "login", "iat": now - R.randint(20, 400), "exp": now + 900, "jti": uuid4()})
        b.open(PAPERKITE, "/auth/magic?token=" + tok + "&redirect=" + euri("/dashboard"), ref=from_mail(), status=302, to=(PAPERKITE, "/dashboard"),
               xhr=[("GET", None, "/api/v1/me"), ("GET", None, "/api/v1/docs?limit=20&sort=-updated_at")])
        b.note("signed in from a magic link (JWT in ?token=)")
        for _ in range(R.randint(1, 4)):
            d = uuid4()
            b.open(PAPERKITE, "/docs/" + d, xhr=[("GET", None, "/api/v1/docs/%s" % d), ("GET", None, "/api/v1/docs/%s/comments?cursor=%s" % (d, b64url_of(jdump({"after": R.randint(1, 400)}))))])
    elif which == "reset":
        tok = jwt({"sub": str(R.randint(10000, 99999)), "typ": "pwreset", "iat": now - R.randint(60, 900), "exp": now + 3600}, alg=pick(["HS256", "RS256"]))
        b.open(PAPERKITE, "/reset-password?token=%s&email=%s" % (tok, euri("%s@%s" % (pick(["m.kowalski", "jo", "dev.nair"]), "example.org"))), ref=from_mail(), think=(20, 60))
        b.x("/api/v1/auth/reset/validate?token=" + tok)
        b.post(PAPERKITE, "/api/v1/auth/reset", status=302, to=(PAPERKITE, "/login?reset=1"))
        b.post(PAPERKITE, "/api/v1/auth/login", status=302, to=(PAPERKITE, "/dashboard"))
        b.note("password reset link with a JWT, then signed in")
    elif which == "verify":
        tok = jwt({"uid": R.randint(10000, 99999), "act": "verify_email", "exp": now + 86400})
        b.open(PAPERKITE, "/verify-email?token=" + tok, ref=from_mail(), status=302, to=(PAPERKITE, "/onboarding?step=1&verified=true"))
        b.open(PAPERKITE, "/onboarding?step=2", think=(20, 80))
        b.open(PAPERKITE, "/onboarding?step=3&template=" + pick(["blank", "meeting-notes", "weekly-review"]))
        b.note("verified an e-mail address (JWT link), then onboarding")
    elif which == "unsub":
        tok = jwt({"sub": uuid4(), "list": pick(["weekly", "offers", "product-news"]), "iat": now - 86400 * R.randint(1, 20)})
        b.open(NEWSLETTER, "/unsubscribe/?uuid=%s&key=%s&t=%s" % (uuid4(), hexs(32), tok), ref=from_mail(), think=(5, 20))
        b.post(NEWSLETTER, "/members/api/member/newsletters/?uuid=%s&key=%s" % (uuid4(), hexs(32)), status=200, size=R.randint(200, 900))
        b.note("newsletter unsubscribe link with a JWT")
        if chance(0.5):
            b.open(NEWSLETTER, "/" + slug(pick(["Harbour dredging starts in March", "What the tide tables don't tell you", "Ferry timetable changes"])) + "/")
    elif which == "embed":
        b.open(QUARRY, "/investors/quarterly-dashboard/", ref=arrival(0.3, 0.5))
        tok = jwt({"resource": {"dashboard": R.randint(10, 80)}, "params": {}, "exp": now + 600})
        b.open(METABASE, "/embed/dashboard/" + tok + "#bordered=false&titled=true", ref=QUARRY.url("/investors/quarterly-dashboard/").rsplit("/", 3)[0] + "/",
               xhr=[("GET", None, "/api/embed/dashboard/%s" % tok), ("GET", None, "/api/embed/dashboard/%s/dashcard/%d/card/%d?year=2025" % (tok, R.randint(100, 300), R.randint(100, 300))),
                    ("GET", None, "/api/embed/dashboard/%s/dashcard/%d/card/%d?year=2025" % (tok, R.randint(100, 300), R.randint(100, 300)))])
        b.note("investor page with a Metabase embed (JWT in the path)")
    elif which == "meet":
        room = pick(["teamstandup", "design-review", "1on1-ana-tom", "incident-bridge"])
        tok = jwt({"aud": "jitsi", "iss": "brightwater", "sub": "meet.brightwater-corp.example", "room": room,
                   "context": {"user": {"name": pick(["Ana Souza", "Tom Becker", "Priya N"]), "email": "x@brightwater-corp.example"}}, "exp": now + 7200})
        b.open(JITSI, "/%s?jwt=%s" % (room, tok), ref=pick([NONE, "https://outlook.office.com/", "https://calendar.google.com/"]),
               xhr=[("GET", None, "/http-bind?room=" + room, 200, sz("small")), ("GET", None, "/xmpp-websocket?room=%s&token=%s" % (room, tok), 101, 0)])
        b.note("joined a meeting room from the calendar (jwt= in the URL)")
        b.wait(600, 2400)
        b.x("/static/close.html?jwt=" + tok, size=R.randint(2000, 4000))
    else:
        b.open(STORELOC, "/store-finder?postcode=" + form(pick(["SW1A 1AA", "M1 1AE", "EH1 1YZ", "B1 1BB"])), ref=arrival(0.6, 0.2))
        key = "pk." + b64url_of(jdump({"u": "greenfield", "a": "cl" + lower_alnum(23)})) + "." + b64u(22)
        for _ in range(R.randint(6, 14)):
            z = R.randint(10, 14)
            b.img("/tiles/v4/streets/%d/%d/%d.vector.pbf?access_token=%s" % (z, R.randint(0, 2 ** z), R.randint(0, 2 ** z), key))
        b.note("store finder map; tiles carry a pk.eyJ... access token")


# ---- signed download links: S3, GCS, CloudFront, Azure SAS
BILLING = Site("billing.quarrytech.example", css=["/static/css/main." + hexs(8) + ".css"], js=["/static/js/main." + hexs(8) + ".js"], icon="/favicon.svg")
FILES = host_site("files.quarrytech.example")
COURSEBOX = Site("www.coursebox.example", css=["/assets/app-" + hexs(10) + ".css"], js=["/assets/app-" + hexs(10) + ".js"])
GCSHOST = host_site("storage.coursebox.example")
PHOTOLAB = Site("orders.northlight-lab.example", css=["/css/lab.css?1"], js=["/js/lab.js?1"])
CFMEDIA = host_site("media.northlight-lab.example")
HRDOCS = Site("portal.fernway-housing.example", css=["/Content/site.min.css?v=" + hexs(8)], js=["/Scripts/site.min.js?v=" + hexs(8)], h2=True)
AZBLOB = host_site("fernwaydocs.blob.core.fernway-housing.example")


def s3_query(t, key_id, region, fname, expires):
    q = [("X-Amz-Algorithm", "AWS4-HMAC-SHA256"), ("X-Amz-Credential", "%s/%s/%s/s3/aws4_request" % (key_id, iso_basic(t)[:8], region)),
         ("X-Amz-Date", iso_basic(t)), ("X-Amz-Expires", str(expires)), ("X-Amz-SignedHeaders", "host")]
    if fname:
        q.append(("response-content-disposition", 'attachment; filename="%s"' % fname))
    if chance(0.3):
        q.insert(3, ("X-Amz-Security-Token", "IQoJb3JpZ2luX2VjE" + b64std(R.randint(600, 900), pad=False)))
    q.append(("X-Amz-Signature", hexs(64)))
    return qs(q, enc=rfc3986)


def signed_session(b):
    which = rotw([("s3", 5), ("gcs", 3), ("cf", 3), ("azure", 3)])
    if which == "s3":
        b.open(BILLING, "/invoices", ref=pick([NONE, from_mail()]), xhr=[("GET", None, "/api/invoices?page=1&per_page=25&status=all")])
        n = R.randint(1, 4)
        for i in range(n):
            inv = "INV-2026-%04d" % R.randint(1, 300) if i == 0 else "INV-2025-%04d" % R.randint(1000, 4000)
            b.x("/api/invoices/%s/download-url" % inv)
            b.t += R.uniform(0.1, 0.4)
            b.hit("GET", FILES, "/invoices/%s/%s.pdf?%s" % (inv[4:8], inv, s3_query(b.t, "AKIA" + alnum(16).upper(), pick(["eu-west-2", "eu-central-1", "us-east-1"]), inv + ".pdf", 300)),
                  200, sz("pdf"), BILLING.url("/"))
            b.wait(5, 40)
        b.note("downloaded %d invoice PDF(s) through S3 presigned URLs (X-Amz-Signature)" % n)
        if chance(0.25):
            b.wait(400, 1200)
            b.hit("GET", FILES, "/invoices/2026/INV-2026-0001.pdf?%s" % s3_query(b.t - 1500, "AKIA" + alnum(16).upper(), "eu-west-2", "INV-2026-0001.pdf", 300),
                  403, R.randint(300, 500), BILLING.url("/"))
            b.note("an expired link answered 403; reloaded the page")
            b.reload()
    elif which == "gcs":
        course = pick(["intro-to-data-analysis", "watercolour-basics", "spanish-a2", "home-electrics"])
        b.open(COURSEBOX, "/courses/%s/lessons/%d" % (course, R.randint(1, 12)), ref=pick([NONE, from_search()]))
        for _ in range(R.randint(1, 3)):
            fname = pick(["workbook.pdf", "slides-week-%d.pdf" % R.randint(1, 8), "dataset.csv", "exercise-files.zip"])
            q = [("X-Goog-Algorithm", "GOOG4-RSA-SHA256"), ("X-Goog-Credential", "dl-signer@coursebox-prod.iam.gserviceaccount.com/%s/auto/storage/goog4_request" % iso_basic(b.t)[:8]),
                 ("X-Goog-Date", iso_basic(b.t)), ("X-Goog-Expires", "900"), ("X-Goog-SignedHeaders", "host"), ("X-Goog-Signature", hexs(512))]
            b.wait(10, 60)
            b.hit("GET", GCSHOST, "/coursebox-materials/%s/%s?%s" % (course, fname, qs(q, enc=rfc3986)), 200,
                  sz("zip") if fname.endswith("zip") else sz("pdf"), COURSEBOX.url("/"))
        b.note("course materials from GCS signed URLs (X-Goog-Signature, 512 hex)")
    elif which == "cf":
        order = R.randint(100000, 999999)
        b.open(PHOTOLAB, "/orders/%d?email=%s" % (order, euri("x@example.com")), ref=from_mail())
        exp = epoch(b.t) + 86400 * 7
        for i in range(R.randint(2, 8)):
            sig = b64std(172, pad=False).replace("+", "-").replace("=", "_").replace("/", "~")
            path = "/scans/%d/%s_%04d.jpg" % (order, pick(["roll1", "roll2"]), i + 1)
            b.img(path + "?Expires=%d&Signature=%s&Key-Pair-Id=K%s" % (exp, sig, alnum(13).upper()), host=CFMEDIA)
        b.t += R.uniform(20, 90)
        b.hit("GET", CFMEDIA, "/scans/%d/all-scans.zip?response-content-disposition=attachment&Expires=%d&Signature=%s&Key-Pair-Id=K%s"
              % (order, exp, b64std(172, pad=False).replace("+", "-").replace("=", "_").replace("/", "~"), alnum(13).upper()), 200, sz("zip"), PHOTOLAB.url("/"))
        b.note("film-scan order page: CloudFront signed image URLs (Signature with ~ and -)")
    else:
        b.open(HRDOCS, "/Account/Login?ReturnUrl=%2fDocuments", ref=NONE, think=(10, 30))
        b.post(HRDOCS, "/Account/Login?ReturnUrl=%2fDocuments", status=302, to=(HRDOCS, "/Documents"))
        for _ in range(R.randint(1, 3)):
            doc = pick(["Tenancy agreement.pdf", "Rent statement Dec 2025.pdf", "Repairs policy.pdf", "Gas safety certificate 2025.pdf"])
            q = [("sv", "2024-11-04"), ("st", (T0 + datetime.timedelta(seconds=int(b.t) - 60)).strftime("%Y-%m-%dT%H:%M:%SZ")),
                 ("se", (T0 + datetime.timedelta(seconds=int(b.t) + 900)).strftime("%Y-%m-%dT%H:%M:%SZ")), ("sr", "b"), ("sp", "r"),
                 ("rscd", 'attachment; filename="%s"' % doc), ("sig", b64std(43) + "")]
            b.wait(5, 40)
            b.hit("GET", AZBLOB, "/tenant-docs/%d/%s?%s" % (R.randint(10000, 99999), pseg(doc), qs(q, enc=euri)), 200, sz("pdf"), HRDOCS.url("/"))
        b.note("housing association documents through Azure SAS links (sig=...%3D)")


# ---- ASP.NET WebForms: GET forms that carry __VIEWSTATE, handlers with long tokens
FAIR = Site("www.countyfair-entries.example", css=["/Styles/Site.css", "/Styles/jquery-ui.css"],
            js=["/Scripts/jquery-3.4.1.min.js",
                "/WebResource.axd?d=" + b64u(86) + "2&t=638712345678901234",
                "/ScriptResource.axd?d=" + b64u(160) + "1&t=" + str(R.randint(10 ** 17, 10 ** 18)),
                "/ScriptResource.axd?d=" + b64u(160) + "1&t=" + str(R.randint(10 ** 17, 10 ** 18))],
            imgs=["/Images/fair-logo.png"], h2=False, hsize=(20000, 90000))
PERMITS2 = Site("eservices.oakvale-council.example", css=["/App_Themes/Oakvale/main.css", "/App_Themes/Oakvale/telerik.css"],
                js=["/Telerik.Web.UI.WebResource.axd?_TSM_HiddenField_=ctl00_RadScriptManager1_TSM&compress=1&_TSM_CombinedScripts_="
                    + "%3b%3bSystem.Web.Extensions%2c+Version%3d4.0.0.0%2c+Culture%3dneutral%2c+PublicKeyToken%3d31bf3856ad364e35%3aen-GB%3a"
                    + uuid4() + "%3aea597d4b%3ab25378d2%3bTelerik.Web.UI%2c+Version%3d2024.1.131.45%2c+Culture%3dneutral%2c+PublicKeyToken%3d121fae78165ba3d4%3aen-GB%3a"
                    + uuid4() + "%3a16e4e7cd%3af7645509%3a24ee1bba"],
                imgs=["/Images/oakvale-crest.png"], h2=False, hsize=(30000, 120000))
VENDOR = Site("supplierportal.hallam-group.example", css=["/css/portal.css"], js=["/js/portal.js", "/WebResource.axd?d=" + b64u(86) + "2&t=638654321098765432"],
              h2=True, hsize=(25000, 80000))


def viewstate(n):
    return "/wEPDwU" + pick(["KLTE", "KMTY", "JNDM", "KLTI", "LLTE"]) + b64std(n)


def evvalid(n):
    return pick(["/wEdAA", "/wEWAw", "/wEWBA", "/wEdAB"]) + b64std(n)


def webforms_session(b):
    which = rotw([("fair", 5), ("council", 4), ("vendor", 3)])
    if which == "fair":
        b.open(FAIR, "/Results.aspx", ref=arrival(0.4, 0.3))
        for _ in range(R.randint(1, 3)):
            cls = pick(["Poultry", "Baking - Bread & Rolls", "Quilts (Hand)", "Vegetables: Tomatoes", "Photography <18", "Jams & Jellies"])
            q = [("__EVENTTARGET", ""), ("__EVENTARGUMENT", ""), ("__VIEWSTATE", viewstate(R.randint(200, 2400))),
                 ("__VIEWSTATEGENERATOR", hexs(8, True)), ("__EVENTVALIDATION", evvalid(R.randint(60, 600))),
                 ("ctl00$MainContent$ddlDepartment", cls), ("ctl00$MainContent$txtExhibitor", pick(["", "", "O'Hara", "Smith-Jones"])),
                 ("ctl00$MainContent$btnSearch", "Search")]
            b.open(FAIR, "/Results.aspx?" + qs(q), think=(15, 80))
            b.note("fair results GET form with __VIEWSTATE=%%2FwEP..., class [%s]" % cls)
        if chance(0.5):
            b.post(FAIR, "/Results.aspx", status=200)
            b.note("paged the results grid (postback)")
    elif which == "council":
        b.open(PERMITS2, "/Planning/Search.aspx", ref=arrival(0.4, 0.4))
        addr = pick(["14 Mill Lane", "The Old Rectory, Church St", "Flat 2/1, 8 Queen's Rd", "Land adj. 22 Hill View", "Unit 4 \"Riverside\" Ind. Est."])
        q = [("__VIEWSTATE", viewstate(R.randint(1200, 5000))), ("__VIEWSTATEGENERATOR", hexs(8, True)), ("__EVENTVALIDATION", evvalid(R.randint(200, 900))),
             ("ctl00$ContentPlaceHolder1$txtAddress", addr), ("ctl00$ContentPlaceHolder1$rdpFrom", "2025-01-01"),
             ("ctl00_ContentPlaceHolder1_rdpFrom_ClientState", jdump({"enabled": True, "emptyMessage": "", "validationText": "2025-01-01-00-00-00",
                                                                      "valueAsString": "2025-01-01-00-00-00", "minDateStr": "1980-01-01-00-00-00"})),
             ("ctl00$ContentPlaceHolder1$btnSearch", "Search")]
        b.open(PERMITS2, "/Planning/Search.aspx?" + qs(q), think=(15, 60))
        b.note("planning search GET form: __VIEWSTATE plus Telerik ClientState JSON, address [%s]" % addr)
        ref = "%d/%05d/FUL" % (R.randint(22, 25), R.randint(1, 2000))
        b.open(PERMITS2, "/Planning/Details.aspx?ref=" + form(ref) + "&tab=Documents", think=(20, 90))
        for _ in range(R.randint(1, 3)):
            b.download(PERMITS2, "/Planning/Document.ashx?id=%d&ref=%s&name=%s" % (R.randint(100000, 999999), form(ref), form(pick(["Site plan.pdf", "Decision notice.pdf", "Design & Access Statement.pdf"]))),
                       sz("pdf"), think=(10, 40))
    else:
        b.open(VENDOR, "/Login.aspx?ReturnUrl=%2fOrders%2fDefault.aspx", ref=from_mail(), think=(10, 30))
        b.post(VENDOR, "/Login.aspx?ReturnUrl=%2fOrders%2fDefault.aspx", status=302, to=(VENDOR, "/Orders/Default.aspx"))
        # an "export" link built by a script that copies the page's hidden fields into a GET, unencoded /
        vs = viewstate(R.randint(300, 1200)).replace("+", "%2B")
        b.download(VENDOR, "/Orders/Export.aspx?__VIEWSTATE=%s&__VIEWSTATEGENERATOR=%s&fmt=csv&from=2025-12-01&to=2026-01-20" % (vs, hexs(8, True)),
                   R.randint(2000, 40000))
        b.note("supplier portal order export link with a raw /wEP... view state")
        for _ in range(R.randint(1, 3)):
            b.post(VENDOR, "/Orders/Default.aspx", status=200)


# ---- Spring Web Flow: execution=e1s1, _eventId, CAS service tickets
HOTELS = Site("booking.lakeside-hotels.example", css=["/resources/styles/booking.css", "/webjars/bootstrap/5.3.3/css/bootstrap.min.css"],
              js=["/webjars/jquery/3.7.1/jquery.min.js", "/resources/scripts/booking.js"], imgs=["/resources/images/lakeside.png"], h2=False)
CAS = Site("cas.northfield-univ.example", css=["/cas/themes/northfield/css/cas.css", "/cas/webjars/normalize.css/8.0.1/normalize.css"],
           js=["/cas/webjars/jquery/3.7.1/jquery.min.js", "/cas/themes/northfield/js/cas.js"], h2=True, policy="no-referrer")
GRANTS = Site("grants.northfield-univ.example", css=["/grants/css/app.css"], js=["/grants/js/app.js"], h2=False)
STUPORTAL = Site("my.northfield-univ.example", css=["/css/portal.css"], js=["/js/portal.js"])


def webflow_session(b):
    which = rotw([("hotel", 4), ("cas", 5), ("grant", 3)])
    if which == "hotel":
        b.open(HOTELS, "/hotels/search?" + qs([("searchString", pick(["lakeside", "harbour view", "st. ives", "b&b"])), ("pageSize", "5")]), ref=arrival(0.5, 0.3))
        hid = R.randint(1, 40)
        b.open(HOTELS, "/hotels/%d" % hid)
        b.open(HOTELS, "/hotels/booking?hotelId=%d" % hid, status=302, to=(HOTELS, "/hotels/booking?execution=e1s1"))
        b.post(HOTELS, "/hotels/booking?execution=e1s1", status=302, to=(HOTELS, "/hotels/booking?execution=e1s2"))
        step = 2
        if chance(0.4):
            b.open(HOTELS, "/hotels/booking?execution=e1s2&_eventId=revise", status=302, to=(HOTELS, "/hotels/booking?execution=e1s3"))
            b.post(HOTELS, "/hotels/booking?execution=e1s3", status=302, to=(HOTELS, "/hotels/booking?execution=e1s4"))
            b.note("revised the booking (_eventId=revise)")
            step = 4
        b.post(HOTELS, "/hotels/booking?execution=e1s%d" % step, status=302, to=(HOTELS, "/hotels/booking?execution=e1s%d" % (step + 1)))
        b.note("hotel booking flow, execution=e1s1..e1s%d" % (step + 1))
        if chance(0.3):
            b.back(HOTELS, "/hotels/booking?execution=e1s2", b.page_ref)
            b.open(HOTELS, "/hotels/booking?execution=e1s2", status=302, to=(HOTELS, "/hotels/booking?execution=e2s1"))
            b.note("pressed back into a finished flow; Web Flow restarted it (e2s1)")
    elif which == "cas":
        svc = "https://my.northfield-univ.example/c/portal/login"
        b.open(STUPORTAL, "/", ref=NONE, think=(2, 6))
        b.chain([(STUPORTAL, "/c/portal/login"), (CAS, "/cas/login?service=" + euri(svc))], think=(8, 25))
        b.post(CAS, "/cas/login?service=" + euri(svc), status=302)
        st = "ST-%d-%s-cas%02d" % (R.randint(100000, 999999), b64u(R.randint(20, 34)), R.randint(1, 4))
        b.t += R.uniform(0.1, 0.5)
        b.open(STUPORTAL, "/c/portal/login?ticket=" + st, ref=NONE, status=302, to=(STUPORTAL, "/web/student/home"))
        b.note("CAS (Spring Web Flow) sign-in: service= URL, then ticket=%s... on return" % st[:9])
        for _ in range(R.randint(1, 3)):
            b.open(STUPORTAL, "/web/student/" + pick(["grades", "timetable", "finance", "library-loans"]))
        if chance(0.4):
            b.chain([(STUPORTAL, "/c/portal/logout"), (CAS, "/cas/logout?service=" + euri("https://my.northfield-univ.example/"))])
    else:
        b.open(GRANTS, "/grants/apply?call=%s" % pick(["SEED-2026", "TRAVEL-Q1", "EQUIP-2026"]), ref=pick([NONE, "https://my.northfield-univ.example/"]),
               status=302, to=(GRANTS, "/grants/apply?execution=e1s1"))
        steps = R.randint(2, 5)
        for i in range(1, steps):
            b.post(GRANTS, "/grants/apply?execution=e1s%d" % i, status=302, to=(GRANTS, "/grants/apply?execution=e1s%d" % (i + 1)))
        if steps > 2 and chance(0.5):
            b.open(GRANTS, "/grants/apply?execution=e1s%d&_eventId=back" % steps, status=302, to=(GRANTS, "/grants/apply?execution=e1s%d" % (steps + 1)))
            steps += 1
            b.note("went back a step with an _eventId=back link")
        if chance(0.5):
            b.open(GRANTS, "/grants/apply?execution=e1s%d&_eventId=saveDraft" % steps, status=302, to=(GRANTS, "/grants/drafts"))
            b.note("saved a draft (_eventId=saveDraft)")
        b.note("grant application wizard, %d Web Flow steps" % steps)


# ---- protobuf and opaque tokens in queries
TUBE = Site("www.tubelet.example", css=["/s/desktop/" + hexs(8) + "/cssbin/www-main-desktop-home-page-skeleton.css"],
            js=["/s/desktop/" + hexs(8) + "/jsbin/desktop_polymer.vflset/desktop_polymer.js", "/s/player/" + hexs(8) + "/player_ias.vflset/en_GB/base.js"],
            static="www.tubelet.example")
TUBEIMG = host_site("i.tubelet.example")
NEWSHUB = Site("news.headlinehub.example", css=["/_/scs/news-static/_/ss/k=news.main.css"], js=["/_/scs/news-static/_/js/k=news.main.js"])
ATLAS = Site("maps.atlasview.example", css=["/maps-api-v3/api/css/embed.css"], js=["/maps/api/js?client=embed&v=3.58&key=AIza" + b64u(35)])
VENUE = Site("www.ashgrove-theatre.example", css=["/css/theatre.css"], js=["/js/theatre.js"])
SHOPFIND = Site("www.pricepilot.example", css=["/static/pp.css"], js=["/static/pp.js"])


def yt_sp():
    # search filters are a base64 protobuf, percent-encoded once by the page and once more in the link
    return pick(["EgIQAQ%253D%253D", "EgIIAw%253D%253D", "CAISAhAB", "EgQIBRAB", "CAMSAhAB", "EgYIAhABGAM%253D"])


def gnews_token(url):
    raw = bytes([0x08, 0x13, 0x22, len(url)]) + url.encode() + bytes([0xd2, 0x01, 0x00])
    return "CBMi" + b64url_of(raw)[4:]


def protobuf_session(b):
    which = rotw([("tube", 5), ("news", 4), ("maps", 3), ("shop", 3)])
    if which == "tube":
        q = pick(["how to fix a dripping tap", "sourdough starter day 3", "bash for loop tutorial", "lo-fi beats to study to", "c# vs java 2026", "<3 reaction compilation"])
        b.open(TUBE, "/results?search_query=" + form(q), ref=NONE if chance(0.5) else from_search(),
               imgs=[(TUBEIMG, "/vi/%s/hqdefault.jpg?sqp=-oaymwEc%s&rs=AOn4CL%s" % (b64u(11), b64u(24), b64u(24))) for _ in range(R.randint(3, 6))],
               xhr=[("POST", None, "/youtubei/v1/search?prettyPrint=false")])
        b.open(TUBE, "/results?search_query=%s&sp=%s" % (form(q), yt_sp()), imgs=[(TUBEIMG, "/vi/%s/hqdefault.jpg" % b64u(11)) for _ in range(3)], think=(5, 20))
        b.note("video search [%s] with a protobuf filter sp=" % q)
        for _ in range(R.randint(1, 2)):
            vid = b64u(11)
            b.open(TUBE, "/watch?v=%s&pp=%s" % (vid, euri(pick(["ygU", "0gc", "ygUR"]) + b64std(R.randint(12, 40)))),
                   xhr=[("POST", None, "/youtubei/v1/player?prettyPrint=false"), ("POST", None, "/youtubei/v1/next?prettyPrint=false"),
                        ("GET", None, "/api/stats/watchtime?ns=yt&el=detailpage&cpn=%s&ver=2&cmt=%0.3f&fmt=%d&fs=0&rt=%0.3f&euri&lact=%d&cl=%d&state=playing&volume=100&cbr=Chrome&cplatform=DESKTOP&c=WEB&cver=2.20260120.01.00&docid=%s"
                         % (b64u(16), R.uniform(0, 30), pick([136, 247, 398]), R.uniform(0, 30), R.randint(1000, 9000), R.randint(850000000, 860000000), vid), 204, 0)],
                   think=(60, 600))
    elif which == "news":
        b.open(NEWSHUB, "/home?hl=en-GB&gl=GB&ceid=GB:en", ref=NONE)
        for _ in range(R.randint(2, 5)):
            url = "https://www.%s/%s/%s" % (pick(["theguardian.com", "bbc.co.uk", "ft.com", "reuters.com"]), pick(["news", "world", "business", "technology"]),
                                             slug(pick(["Storm Eowyn anniversary: what changed", "Rates held as inflation eases", "New rail timetable begins",
                                                        "Chip exports rise 12%", "Council tax rise capped at 4.99%"])))
            b.t += b.pending + R.uniform(5, 60)
            b.pending = 0
            b.hit("GET", NEWSHUB, "/rss/articles/%s?oc=5&hl=en-GB&gl=GB&ceid=GB:en" % gnews_token(url), 302, 0, NEWSHUB.url("/home?hl=en-GB&gl=GB&ceid=GB:en"))
            b.pending = R.uniform(30, 180)
        b.note("news aggregator article links (CBMi... protobuf tokens that embed the article URL)")
    elif which == "maps":
        b.open(VENUE, "/visit/", ref=arrival(0.6, 0.3))
        pb = "!1m18!1m12!1m3!1d%0.1f!2d%0.4f!3d%0.4f!2m3!1f0!2f0!3f0!3m2!1i1024!2i768!4f13.1!3m3!1m2!1s0x%s%%3A0x%s!2s%s!5e0!3m2!1sen!2suk!4v%d!5m2!1sen!2suk" % (
            R.uniform(1000, 4000), R.uniform(-3, 0), R.uniform(50, 55), hexs(16), hexs(16), form("Ashgrove Theatre"), epoch(b.t) * 1000 - R.randint(10 ** 8, 10 ** 10))
        b.open(ATLAS, "/maps/embed?pb=" + pb, ref=VENUE.url("/").rstrip("/") + "/",
               imgs=["/maps/vt?pb=!1m4!1m3!1i%d!2i%d!3i%d!2m3!1e0!2sm!3i%d!3m7!2sen!3suk!5e1105!12m1!1e68!12m1!1e47!4e0" % (R.randint(12, 16), R.randint(1000, 9000), R.randint(1000, 9000), R.randint(600000000, 700000000)) for _ in range(R.randint(4, 9))])
        b.note("theatre visit page with a map embed (pb=!1m18!... protobuf-in-URL)")
    else:
        q = pick(["4k monitor 27\"", "air fryer 5.5l", "usb-c hub <£40", "kids' bike 20\"", "noise cancelling headphones"])
        b.open(SHOPFIND, "/search?q=" + form(q), ref=arrival(0.5, 0.3))
        tok = b64url_of(bytes([0x0a, len(q)]) + q.encode() + bytes([0x10, R.randint(1, 4), 0x18, 0x14]))
        for p in range(R.randint(1, 3)):
            b.x("/api/results?data=%s&page=%d" % (tok, p + 2))
        b.note("price comparison paging with a base64 protobuf data= token, search [%s]" % q)
        b.open(SHOPFIND, "/offer?data=%s&o=%d" % (euri(b64std(R.randint(60, 140))), R.randint(1, 30)), status=302)
        b.note("followed an offer out to a merchant (302)")


# ---- image proxies whose query or path embeds a whole URL
NEXTNEWS = Site("www.brightline-news.example", css=["/_next/static/css/" + hexs(16) + ".css"],
                js=["/_next/static/chunks/webpack-" + hexs(16) + ".js", "/_next/static/chunks/main-app-" + hexs(16) + ".js",
                    "/_next/static/chunks/app/page-" + hexs(16) + ".js"], icon="/favicon.ico")
FORUM = Site("forum.trailrunners.example", css=["/stylesheets/desktop_" + hexs(40) + ".css"], js=["/assets/discourse-" + hexs(40) + ".js"],
             icon="/uploads/default/optimized/1X/" + hexs(40) + "_2_32x32.png")
LEMMY = Site("lemmy.fediverse-town.example", css=["/static/" + hexs(8) + "/styles/styles.css"], js=["/static/" + hexs(8) + "/js/client.js"])
IMGPROXY = host_site("img.homesearch.example")
HOMES = Site("www.homesearch.example", css=["/assets/hs-" + hexs(8) + ".css"], js=["/assets/hs-" + hexs(8) + ".js"])
THUMBOR = host_site("thumbs.recipebox.example", h2=False)
RECIPES = Site("www.recipebox.example", css=["/wp-content/themes/recipebox/style.css?ver=2.4"], js=["/wp-includes/js/jquery/jquery.min.js?ver=3.7.1"])
IMGSRC = ["https://images.ctfassets.net/%s/%s/%s/hero.jpg" % (lower_alnum(12), alnum(22), hexs(32)), "https://cdn.pixabay.com/photo/2025/11/03/10/12/lake-%d_1280.jpg" % R.randint(9000000, 9999999),
          "https://upload.wikimedia.org/wikipedia/commons/thumb/%s/%s/Mont_Blanc.jpg/1280px-Mont_Blanc.jpg" % (hexs(1), hexs(2)),
          "https://i.imgur.com/%s.jpeg" % alnum(7), "https://pbs.twimg.com/media/%s?format=jpg&name=large" % b64u(15)]


def imgproxy_session(b):
    which = rotw([("next", 5), ("camo", 3), ("lemmy", 2), ("imgproxy", 3), ("thumbor", 3)])
    if which == "next":
        imgs = []
        for _ in range(R.randint(4, 9)):
            src = pick(IMGSRC) if chance(0.6) else "/images/%s.jpg" % slug(pick(["ferry", "market", "flooded road", "new library"]))
            imgs.append("/_next/image?url=%s&w=%d&q=75" % (euri(src), pick([640, 750, 828, 1080, 1200, 1920, 3840])))
        b.open(NEXTNEWS, "/" + pick(["local", "sport", "business"]) + "/" + slug(pick(["Ferry timetable cut", "Market hall reopens", "Flood defences tested"])), ref=arrival(0.4, 0.2), imgs=imgs)
        b.note("Next.js news site: every picture through /_next/image?url=https%3A%2F%2F...")
        for _ in range(R.randint(0, 2)):
            b.open(NEXTNEWS, "/" + slug(pick(["Ferry timetable cut", "Market hall reopens", "Flood defences tested", "School run traffic"])),
                   imgs=["/_next/image?url=%s&w=1080&q=75" % euri(pick(IMGSRC))])
    elif which == "camo":
        topic = R.randint(1000, 9000)
        imgs = []
        for _ in range(R.randint(2, 6)):
            src = pick(IMGSRC)
            imgs.append("/camo/%s/%s" % (hexs(40), src.encode().hex()))
        b.open(FORUM, "/t/%s/%d" % (slug(pick(["Winter race calendar 2026", "Best headlamp for night runs?", "Ultra on a budget"])), topic), ref=arrival(0.4, 0.3), imgs=imgs,
               xhr=[("GET", None, "/t/%d/posts.json?post_ids%%5B%%5D=%d&post_ids%%5B%%5D=%d" % (topic, R.randint(10000, 99999), R.randint(10000, 99999)))])
        b.note("forum thread; embedded pictures through a camo proxy (hex-encoded URLs in the path)")
        if chance(0.5):
            b.x("/clicks/track?url=%s&post_id=%d&topic_id=%d" % (euri(pick(IMGSRC)), R.randint(10000, 99999), topic), status=204)
    elif which == "lemmy":
        b.open(LEMMY, "/c/%s" % pick(["technology", "hiking", "cooking"]), ref=NONE,
               imgs=["/api/v3/image_proxy?url=%s" % euri(pick(IMGSRC)) for _ in range(R.randint(3, 7))])
        b.note("Lemmy community; thumbnails through /api/v3/image_proxy?url=")
    elif which == "imgproxy":
        srcs = ["https://listings-media.example.net/%d/%s.jpg" % (R.randint(10 ** 6, 10 ** 7), hexs(12)) for _ in range(R.randint(4, 10))]
        imgs = []
        for s in srcs:
            if chance(0.5):
                imgs.append((IMGPROXY, "/%s/rs:fill:%d:%d:0/g:sm/%s.webp" % (b64u(43), pick([400, 640, 1280]), pick([300, 480, 960]), b64url_of(s))))
            else:
                imgs.append((IMGPROXY, "/insecure/rs:fit:%d:%d/plain/%s@webp" % (pick([400, 800]), pick([300, 600]), s)))
        b.open(HOMES, "/for-sale/%s?beds=%d&price_max=%d" % (pick(["leeds", "bristol", "york"]), R.randint(1, 4), R.randint(2, 6) * 100000), ref=arrival(0.5, 0.3), imgs=imgs)
        b.note("property search; photos through imgproxy (plain https:// URL or base64 in the path)")
    else:
        imgs = [(THUMBOR, "/unsafe/%dx%d/smart/%s" % (pick([300, 600, 1200]), pick([200, 400, 800]), pick(IMGSRC).split("?")[0])) for _ in range(R.randint(3, 6))]
        imgs += [(THUMBOR, "/%s=/fit-in/800x600/filters:quality(80):format(webp)/%s" % (b64u(27), euri(pick(IMGSRC)))) for _ in range(R.randint(1, 3))]
        b.open(RECIPES, "/recipes/%s/" % slug(pick(["Mom's meatloaf", "Crème brûlée for two", "5-minute hummus", "Jollof rice"])), ref=arrival(0.6, 0.1), imgs=imgs)
        b.note("recipe page; pictures through Thumbor (/unsafe/300x200/smart/https://...)")


# ================================================================== 3. code and shell text in developer search boxes
def typeahead(b, fmt, q, n=None, enc=euri):
    """Search-as-you-type: a few debounced prefixes of what is being typed, then the whole text."""
    n = n if n is not None else R.randint(1, 3)
    cuts = sorted(R.sample(range(2, max(3, len(q))), min(n, max(1, len(q) - 2))))
    for c in cuts + [len(q)]:
        b.x(fmt % enc(q[:c]), dt=(0.3, 2.5))


SHELLDOCS = Site("docs.shellcraft.example", css=["/_static/pygments.css?v=" + hexs(8), "/_static/css/theme.css?v=" + hexs(8)],
                 js=["/_static/documentation_options.js?v=" + hexs(8), "/_static/doctools.js?v=" + hexs(8), "/_static/sphinx_highlight.js?v=" + hexs(8)],
                 fonts=[("/_static/css/fonts/lato-normal.woff2", 1), ("/_static/css/fonts/fontawesome-webfont.woff2", 1)])
SHELL_PAGES = ["/commands/grep.html", "/commands/curl.html", "/commands/find.html", "/guide/quoting.html", "/guide/parameter-expansion.html",
               "/guide/command-substitution.html", "/guide/redirections.html", "/install.html", "/guide/here-documents.html", "/faq.html"]
SHELL_Q = ['grep -r "foo" .', "curl -fsSL https://get.shellcraft.example/install.sh | sh", "$(pwd)", "${HOME}", "/etc/hosts",
           "${VAR:-default}", "2>&1", "find . -name '*.log' -exec rm {} \\;", "set -euo pipefail", "export PATH=$PATH:~/.local/bin",
           "echo $SHELL", "cat <<EOF > file", "xargs -0", "$((1+2))", "chmod +x ./install.sh && ./install.sh", "ls -la ~/.ssh",
           "wget -qO- https://get.shellcraft.example | bash", "`backticks` vs $()", "if [ -f /etc/os-release ]; then", "nc -zv localhost 5432",
           "|| true", "> /dev/null 2>&1 &", "sudo tee /etc/apt/sources.list.d/shellcraft.list"]

WINDOCS = Site("learn.windocs.example", css=["/static/assets/" + hexs(12) + "/styles/site-ltr.css"], js=["/static/assets/" + hexs(12) + "/scripts/en-us/index-docs.js"],
               fonts=[("/static/third-party/SegoeUI/SegoeUI-Regular.woff2", 0)])
WIN_PAGES = ["/en-us/windows-server/administration/windows-commands/cmd", "/en-us/powershell/module/microsoft.powershell.core/about/about_pwsh",
             "/en-us/windows-server/administration/windows-commands/certutil", "/en-us/powershell/module/microsoft.powershell.utility/invoke-webrequest",
             "/en-us/windows-server/administration/windows-commands/reg-query", "/en-us/windows/wsl/filesystems"]
WIN_Q = ["cmd /c", "cmd /c start \"\" \"C:\\Program Files\\App\\app.exe\"", "powershell -enc", "powershell -ExecutionPolicy Bypass -File script.ps1",
         "Invoke-WebRequest -Uri", "certutil -hashfile SHA256", "%APPDATA%", "net user /domain", "reg query HKLM\\SOFTWARE\\Microsoft",
         "whoami /priv", "C:\\Windows\\System32\\drivers\\etc\\hosts", "Start-Process -Verb RunAs", "icacls /reset /T", "& \"C:\\path with spaces\\tool.exe\""]

WEBREF = Site("developer.webref.example", css=["/static/client/css/main." + hexs(8) + ".css"], js=["/static/client/js/main." + hexs(8) + ".js"],
              fonts=[("/static/client/media/Inter.var." + hexs(8) + ".woff2", 0)], icon="/favicon-48x48.png")
WEB_PAGES = ["/en-US/docs/Web/HTML/Reference/Elements/script", "/en-US/docs/Web/JavaScript/Reference/Global_Objects/Object/proto",
             "/en-US/docs/Web/API/Document/cookie", "/en-US/docs/Web/API/Element/innerHTML", "/en-US/docs/Web/JavaScript/Reference/Global_Objects/eval",
             "/en-US/docs/Web/URI/Reference/Schemes/javascript", "/en-US/docs/Web/API/HTMLElement/error_event", "/en-US/docs/Web/HTML/Reference/Elements/iframe",
             "/en-US/docs/Web/XML/XML_introduction", "/en-US/docs/Web/API/Window/alert", "/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy/script-src"]
WEB_Q = ["<script>", "<script type=\"module\">", "__proto__", "document.cookie", "innerHTML vs textContent", "eval()", "javascript: url",
         "onerror", "<iframe sandbox>", "alert()", "Object.prototype.__proto__", "<!DOCTYPE html>", "<!ENTITY", "String.raw`...`",
         "<img onerror>", "window.location.href = ", "constructor.prototype", "fetch credentials: 'include'"]

DOCDB = Site("www.docdb.example", css=["/docs/static/css/main." + hexs(8) + ".css"], js=["/docs/static/js/main." + hexs(8) + ".js"])
DOCDB_PAGES = ["/docs/manual/reference/operator/query/ne/", "/docs/manual/reference/operator/query/where/", "/docs/manual/reference/operator/query/regex/",
               "/docs/manual/reference/operator/query/gt/", "/docs/manual/reference/operator/aggregation/lookup/", "/docs/manual/tutorial/query-documents/"]
DOCDB_Q = ["$ne", "$where", "$regex", "$gt", "db.users.find({ age: { $gt: 18 } })", "$lookup", "$expr", "{ $set: { \"a.$[elem]\": 1 } }",
           "$in", "$exists: false", "$ne null", "{ \"$or\": [ ... ] }", "find({}).sort({ _id: -1 })"]

JINJA = Site("jinja.templating.example", css=["/en/3.1.x/_static/pygments.css", "/en/3.1.x/_static/jinja.css"],
             js=["/en/3.1.x/_static/documentation_options.js", "/en/3.1.x/_static/searchtools.js"])
JINJA_PAGES = ["/en/3.1.x/templates/", "/en/3.1.x/api/", "/en/3.1.x/tricks/", "/en/3.1.x/sandbox/", "/en/3.1.x/faq/"]
JINJA_Q = ["{{ variable }}", "{% for %}", "{% if user.is_authenticated %}", "{{ value|safe }}", "{# comment #}", "{{ loop.index }}",
           "{% raw %}", "{{ '%s'|format(x) }}", "{% include 'header.html' %}", "{{ name|e }}", "{%- whitespace -%}", "{% set x = x + 1 %}"]

JAVADOC = Site("docs.javadex.example", css=["/api/stylesheet.css", "/api/script-dir/jquery-ui.min.css"], js=["/api/script.js", "/api/search.js", "/api/script-dir/jquery-3.7.1.min.js"], h2=False)
JAVA_PAGES = ["/api/java.base/java/lang/Runtime.html", "/api/java.base/java/lang/ProcessBuilder.html", "/api/java.base/java/io/ObjectInputStream.html",
              "/api/java.base/java/lang/Class.html", "/api/java.xml/javax/xml/parsers/DocumentBuilderFactory.html"]
JAVA_Q = ["Runtime.getRuntime", "Runtime.getRuntime().exec", "ProcessBuilder redirectErrorStream", "ObjectInputStream readObject", "Class.forName",
          "System.getProperty(\"user.home\")", "String.format(\"%s\")", "DocumentBuilderFactory setFeature", "<!ENTITY", "XMLConstants.FEATURE_SECURE_PROCESSING"]

NODEDOCS = Site("docs.nodekit.example", css=["/assets/css/styles." + hexs(8) + ".css"], js=["/assets/js/runtime~main." + hexs(8) + ".js", "/assets/js/main." + hexs(8) + ".js"])
NODE_PAGES = ["/docs/api/path", "/docs/api/fs", "/docs/api/child_process", "/docs/guides/esm-vs-commonjs", "/docs/api/process#processenv"]
NODE_Q = ["../", "path.join(__dirname, '../')", "require('../config')", "import x from '../utils'", "cd ../..", "process.env.HOME",
          "child_process.exec", "..\\\\", "path.resolve('..', 'public')", "__dirname is not defined in ES module scope"]

PGDOCS = Site("www.pgdocs.example", css=["/media/css/main.css", "/media/css/normalize.css"], js=["/media/js/main.js"], h2=True)
PG_PAGES = ["/docs/17/sql-select.html", "/docs/17/queries-union.html", "/docs/17/sql-droptable.html", "/docs/17/functions-datetime.html",
            "/docs/17/sql-insert.html", "/docs/17/infoschema-columns.html", "/docs/17/sql-copy.html", "/docs/17/functions-string.html"]
PG_Q = ["SELECT * FROM users WHERE", "UNION ALL", "DROP TABLE IF EXISTS", "pg_sleep", "information_schema.columns", "CASE WHEN", "ON CONFLICT DO NOTHING",
        "string_agg", "WHERE id IN (SELECT", "-- comment", "/* */", "1=1", "OR 1=1 in where clause meaning", "char(39)", "' quote escape", "LIKE '%foo%'",
        "ORDER BY 1", "GRANT ALL PRIVILEGES ON DATABASE"]

SECDOCS = Site("cheatsheets.websec-guide.example", css=["/assets/stylesheets/main." + hexs(8) + ".min.css"], js=["/assets/javascripts/bundle." + hexs(8) + ".min.js"],
               fonts=[("/assets/fonts/Roboto-Regular.woff2", 0)])
SEC_PAGES = ["/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html", "/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html",
             "/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html", "/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html",
             "/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html", "/cheatsheets/Prototype_Pollution_Prevention_Cheat_Sheet.html",
             "/cheatsheets/Deserialization_Cheat_Sheet.html", "/cheatsheets/File_Upload_Cheat_Sheet.html", "/cheatsheets/Content_Security_Policy_Cheat_Sheet.html"]
SEC_Q = ["xss", "csrf token", "content security policy script-src", "prepared statements", "path traversal", "<script>", "xxe", "ssrf",
         "__proto__", "innerHTML", "eval", "command injection", "<!ENTITY", "' OR", "htmlspecialchars ENT_QUOTES"]

# the near-misses people type most often go round twice as often
SHELL_Q += ['grep -r "foo" .', "curl -fsSL https://get.shellcraft.example/install.sh | sh", "$(pwd)", "${HOME}", "/etc/hosts"]
WIN_Q += ["cmd /c", "powershell -enc"]
WEB_Q += ["<script>", "__proto__"]
DOCDB_Q += ["$ne"]
JINJA_Q += ["{{ variable }}", "{% for %}"]
JAVA_Q += ["Runtime.getRuntime"]
PG_Q += ["SELECT * FROM users WHERE"]
NODE_Q += ["../"]

DOC_SITES = {
    "shell": (SHELLDOCS, SHELL_PAGES, SHELL_Q, "sphinx"),
    "windows": (WINDOCS, WIN_PAGES, WIN_Q, "learn"),
    "web": (WEBREF, WEB_PAGES, WEB_Q, "mdn"),
    "docdb": (DOCDB, DOCDB_PAGES, DOCDB_Q, "server"),
    "jinja": (JINJA, JINJA_PAGES, JINJA_Q, "sphinx"),
    "java": (JAVADOC, JAVA_PAGES, JAVA_Q, "javadoc"),
    "node": (NODEDOCS, NODE_PAGES, NODE_Q, "server"),
    "postgres": (PGDOCS, PG_PAGES, PG_Q, "pg"),
    "security": (SECDOCS, SEC_PAGES, SEC_Q, "mkdocs"),
}


def doc_search(b, key, q):
    site, pages, _, mode = DOC_SITES[key]
    if mode == "sphinx":
        base = "/" if key == "shell" else "/en/3.1.x/"
        b.open(site, base + "search.html?" + qs([("q", q), ("check_keywords", "yes"), ("area", "default")]),
               xhr=[("GET", None, base + "searchindex.js")], think=(5, 25))
        res = pick(pages)
        res = res if res.startswith("/") else "/" + res
        b.open(site, res + "?highlight=" + form(q.split()[0] if q.split() else q), think=(20, 120))
    elif mode == "learn":
        typeahead(b, "/api/search?search=%s&locale=en-us&%%24top=10&facet=category", q)
        b.open(site, "/en-us/search/?" + qs([("terms", q), ("category", pick(["Documentation", "All"]))]), think=(5, 25),
               xhr=[("GET", None, "/api/search?" + qs([("search", q), ("locale", "en-us"), ("$top", "10"), ("$skip", "0"), ("expandScope", "true")], enc=euri))])
        b.open(site, pick(pages), think=(20, 150))
    elif mode == "mdn":
        typeahead(b, "/api/v1/search?q=%s&locale=en-US&size=10", q)
        if chance(0.6):
            b.open(site, "/en-US/search?q=" + form(q), think=(5, 25), xhr=[("GET", None, "/api/v1/search?q=%s&locale=en-US" % euri(q))])
        b.open(site, pick(pages), think=(20, 150))
    elif mode == "pg":
        b.open(site, "/search/?" + qs([("u", "/docs/17/"), ("q", q)]), think=(5, 30))
        b.open(site, pick(pages), think=(20, 150))
    elif mode == "javadoc":
        # the JavaDoc search box works offline from the member index, then navigates with ?q=
        b.x("/api/member-search-index.js") if chance(0.5) else None
        b.open(site, "/api/search.html?q=" + euri(q), think=(5, 25))
        b.open(site, pick(pages), think=(20, 150))
    elif mode == "mkdocs":
        b.x("/search/search_index.json")
        b.open(site, pick(pages) + "?h=" + euri(q), think=(20, 150))
    else:
        if key == "docdb":
            typeahead(b, "/docs/api/search/autocomplete?q=%s", q, n=R.randint(0, 2))
        b.open(site, ("/docs/search/?q=%s&page=1" if key == "docdb" else "/search?q=%s") % form(q), think=(5, 25))
        b.open(site, pick(pages), think=(20, 150))


BRIEF_SEARCH = [("shell", 'grep -r "foo" .'), ("shell", "curl -fsSL https://get.shellcraft.example/install.sh | sh"), ("postgres", "SELECT * FROM users WHERE"),
                ("web", "<script>"), ("shell", "${HOME}"), ("jinja", "{{ variable }}"), ("jinja", "{% for %}"), ("shell", "$(pwd)"), ("shell", "/etc/hosts"),
                ("windows", "cmd /c"), ("windows", "powershell -enc"), ("web", "__proto__"), ("docdb", "$ne"), ("java", "Runtime.getRuntime"),
                ("java", "<!ENTITY"), ("node", "../")]


def docs_session(b, keys=None):
    if keys is None and chance(0.6):
        # one of the searches people type most often, on the site it belongs to
        key, q = rot(BRIEF_SEARCH)
        site, pages, _, _ = DOC_SITES[key]
        b.open(site, pick(pages), ref=from_search() if chance(0.7) else NONE, think=(20, 120))
        doc_search(b, key, q)
        b.note("%s docs: searched [%s]" % (key, q))
        b.wait(30, 400)
    keys = keys or sample([k for k in DOC_SITES if k != "security"], R.randint(1, 2))
    for key in keys:
        site, pages, queries, mode = DOC_SITES[key]
        b.open(site, pick(pages), ref=from_search() if chance(0.7) else NONE, think=(20, 120))
        for q in rot(queries, R.randint(1, 3)):
            doc_search(b, key, q)
            b.note("%s docs: searched [%s]" % (key, q))
        b.wait(30, 400)


def secdocs_session(b):
    docs_session(b, ["security"] + (["web"] if chance(0.4) else []))


REGISTRY = Site("registry.pkgbay.example", css=["/static/css/main." + hexs(8) + ".css"], js=["/static/js/vendor." + hexs(8) + ".js", "/static/js/main." + hexs(8) + ".js"],
                icon="/static/favicon.ico")
PYPI = Site("pypi.pkgindex.example", css=["/static/css/warehouse-ltr." + hexs(8) + ".css"], js=["/static/js/warehouse." + hexs(8) + ".js"], icon="/static/images/favicon.35549fe8.ico")
CRATES = Site("crates.rustbox.example", css=["/assets/crates-" + hexs(8) + ".css"], js=["/assets/crates-" + hexs(8) + ".js"])
NPM_Q = ["shell-quote", "child_process", "sqlstring", "xss", "dompurify", "serialize-javascript", "lodash.template", "cross-spawn", "execa",
         "@types/node", "jsonwebtoken", "xml2js", "path-to-regexp", "safe-eval", "sanitize-html", "keywords:sql injection", "/etc/hosts",
         "escape-html", "keywords:xss", "eval", "node-serialize", "shelljs", "dotenv", "url-parse", "is-localhost-ip", "ssrf-req-filter"]
PYPI_Q = ["python-dotenv", "defusedxml", "lxml", "sqlparse", "pexpect", "jinja2", "markupsafe", "bleach", "requests[socks]", "psycopg[binary]",
          "pyyaml safe_load", "shlex", "subprocess32", "paramiko", "ldap3", "sqlalchemy", "django-csp"]
CRATE_Q = ["serde_json", "shell-words", "sqlx", "ammonia", "quick-xml", "tokio::process", "regex", "url", "base64", "jsonwebtoken"]


def registry_session(b):
    which = rotw([("npm", 5), ("pypi", 4), ("crates", 2)])
    n = R.randint(1, 4)
    if which == "npm":
        b.open(REGISTRY, "/", ref=NONE if chance(0.6) else from_search())
        for q in rot(NPM_Q, n):
            typeahead(b, "/search/suggestions?q=%s", q, n=R.randint(0, 2))
            b.open(REGISTRY, "/search?q=" + form(q), think=(4, 30))
            name = q if not q.startswith(("keywords:", "/")) else pick(["hostile", "xss-filters", "sqlstring"])
            b.open(REGISTRY, "/package/" + name, xhr=[("GET", None, "/package/%s/download-count?period=last-week" % name.replace("/", "%2F"))], think=(10, 90))
            if chance(0.4):
                b.open(REGISTRY, "/package/%s?activeTab=versions" % name, think=(5, 40))
            b.note("npm-like registry: searched [%s]" % q)
    elif which == "pypi":
        b.open(PYPI, "/", ref=NONE if chance(0.6) else from_search())
        for q in rot(PYPI_Q, n):
            b.open(PYPI, "/search/?" + qs([("q", q)] + ([("o", "-created")] if chance(0.2) else [])), think=(4, 30))
            name = q.split("[")[0].split(" ")[0]
            b.open(PYPI, "/project/%s/" % name, think=(10, 90))
            if chance(0.3):
                b.open(PYPI, "/project/%s/#history" % name, think=(5, 30))
            b.note("PyPI-like index: searched [%s]" % q)
    else:
        b.open(CRATES, "/", ref=NONE)
        for q in rot(CRATE_Q, n):
            b.open(CRATES, "/search?q=" + form(q), xhr=[("GET", None, "/api/v1/crates?page=1&per_page=10&q=%s" % euri(q))], think=(4, 30))
            b.note("crates registry: searched [%s]" % q)


QA = Site("forum.devanswers.example", css=["/assets/css/stacks.css?v=" + hexs(12), "/assets/css/primary.css?v=" + hexs(12)],
          js=["/assets/js/stub.en.js?v=" + hexs(12), "/assets/js/full-anon.en.js?v=" + hexs(12)], icon="/favicon.ico")
QA_Q = ["SELECT * FROM users WHERE email = ? pdo", "<script> tag not executing innerHTML", "curl -fsSL https://deb.nodesource.com/setup_22.x | sudo -E bash -",
        "docker run -v $(pwd):/app windows", "{{ variable }} not rendering vue", "__proto__ vs prototype", "Runtime.getRuntime().exec pipe not working",
        "cmd /c start with spaces in path", "git rm -r --cached .", "rm: cannot remove '/etc/hosts': Operation not permitted", "disable <!ENTITY in XML parser",
        "powershell -enc base64 how to decode", "mongoose find $ne null", "../ in import path typescript", "${HOME} not expanded in systemd unit",
        "grep -r \"foo\" . exclude node_modules", "{% for %} loop counter django", "sudo: /etc/sudoers is world writable", "ORA-00933: SQL command not properly ended",
        "onclick=\"return false\" vs preventDefault", "$_GET['id'] undefined index", "[bash] \"$@\" vs \"$*\"", "is:question [sql] \"union all\"",
        "' OR '1'='1 why does this work", "Access-Control-Allow-Origin: *", "%2F in url path 404 nginx"]


def qa_session(b):
    qid = R.randint(1000000, 79999999)
    title = rot(QA_Q)
    b.open(QA, "/questions/%d/%s" % (qid, slug(title)), ref=from_search() if chance(0.8) else NONE,
           xhr=[("POST", None, "/posts/%d/ivc/%s?_=%d" % (qid, hexs(4), epoch(b.t) * 1000), 204, 0)], think=(30, 200))
    b.note("opened a Q&A question from search: %s" % title)
    qs_ = rot(QA_Q, R.randint(1, 3))
    if chance(0.4):
        qs_.insert(0, rot(BRIEF_SEARCH)[1])
    for q in qs_:
        b.open(QA, "/search?q=" + form(q), think=(5, 30))
        b.note("searched [%s]" % q)
        if chance(0.7):
            qid = R.randint(1000000, 79999999)
            b.open(QA, "/questions/%d/%s" % (qid, slug(pick(QA_Q))), think=(30, 240))
            if chance(0.2):
                b.x("/posts/%d/vote/2" % R.randint(1000000, 79999999), method="POST")
    if chance(0.15):
        b.open(QA, "/questions/tagged/%s" % pick(["c%23", "c%2B%2B", ".net", "node.js", "bash"]), think=(5, 30))


GITFORGE = Site("code.gitforge.example", css=["/assets/css/index.css?v=" + hexs(8), "/assets/css/theme-auto.css?v=" + hexs(8)],
                js=["/assets/js/webcomponents.js?v=" + hexs(8), "/assets/js/index.js?v=" + hexs(8)], icon="/assets/img/favicon.svg")
SGRAPH = Site("sourcegraph.devtools.example", css=["/.assets/styles/app-" + hexs(8) + ".css"], js=["/.assets/scripts/app-" + hexs(8) + ".js"])
CODE_Q = ["Runtime.getRuntime().exec(", "eval(base64_decode(", "os.system(", "subprocess.call(shell=True", "${HOME}", "child_process.exec(",
          "\"../../\"", "<script src=", "DROP TABLE", "__proto__", "password =", "AKIA", "/etc/hosts", "curl | sh", "$(whoami)",
          "document.write(", "unserialize($_", "yaml.load(", "innerHTML =", "jndi", "SELECT * FROM", "cmd.exe /c"]
REPOS = {"acme/storefront": ["src/components/SearchBox.tsx", "src/lib/api.ts", "public/index.html"],
         "acme/api": ["app/Http/Controllers/ExportController.php", "app/Services/ReportRunner.php", "routes/web.php"],
         "ops/ansible": ["roles/web/tasks/main.yml", "roles/db/templates/pg_hba.conf.j2", "inventory/prod/hosts"],
         "ops/terraform-modules": ["modules/vpc/main.tf", "modules/s3-bucket/variables.tf"],
         "lib/parsers": ["src/util/exec.js", "lib/xml.py", "tests/test_paths.py"],
         "web/docs-site": ["docs/install.md", "scripts/deploy.sh", "mkdocs.yml"]}


def code_search_session(b):
    if chance(0.6):
        repo = pick(list(REPOS))
        b.open(GITFORGE, "/" + repo, ref=NONE, think=(5, 40))
        for q in rot(CODE_Q, R.randint(1, 4)):
            if chance(0.5):
                b.open(GITFORGE, "/%s/search?q=%s&fuzzy=false" % (repo, form(q)), think=(10, 60))
            else:
                b.open(GITFORGE, "/explore/code?q=%s&fuzzy=false" % form(q), think=(10, 60))
            b.note("code search in %s: [%s]" % (repo, q))
            if chance(0.6):
                b.open(GITFORGE, "/%s/src/branch/main/%s#L%d" % (repo, pick(REPOS[repo]), R.randint(10, 400)), think=(15, 90))
    else:
        b.open(SGRAPH, "/search", ref=NONE)
        for q in rot(CODE_Q, R.randint(1, 3)):
            full = "context:global %s lang:%s" % (q, pick(["java", "python", "javascript", "php", "go"]))
            pt = pick(["keyword", "keyword", "literal"])
            b.open(SGRAPH, "/search?" + qs([("q", full), ("patternType", pt), ("sm", "0")]),
                   xhr=[("GET", None, "/.api/search/stream?" + qs([("q", full), ("v", "V3"), ("t", pt), ("dl", "0"), ("dk", "html"), ("dc", "1"),
                                                                   ("display", "1500"), ("cm", "t"), ("max-line-len", "5120")], enc=euri), 200, sz("json"))], think=(10, 60))
            b.note("code search [%s]" % full)


# ================================================================== 4. URLs and host names as values
SHORT = Site("lnk.brightpath.example", css=[], js=[], icon="/favicon.ico", h2=True)
CLICKS = Site("click.mailer-hub.example", css=[], js=[], icon=None)
SESCL = Site("links.harborline-mail.example", css=[], js=[], icon=None)
OUTLAND = Site("www.harborline.example", css=["/assets/css/site.css?v=9"], js=["/assets/js/site.js?v=9"], imgs=["/assets/img/logo.svg"])
DEALS = Site("www.dealhound.example", css=["/build/app." + hexs(8) + ".css"], js=["/build/app." + hexs(8) + ".js"])
BLOGWP = Site("blog.quietharbour.example", css=["/wp-includes/css/dist/block-library/style.min.css?ver=6.8.1", "/wp-content/themes/twentytwentyfive/style.css?ver=1.2"],
              js=["/wp-includes/js/jquery/jquery.min.js?ver=3.7.1"])
DESTS = ["https://www.bbc.co.uk/news/articles/c%s" % lower_alnum(10), "https://en.wikipedia.org/wiki/Tidal_range", "https://www.gov.uk/renew-driving-licence",
         "https://github.com/acme/storefront/releases/tag/v4.2.0", "https://www.strava.com/segments/%d" % R.randint(10 ** 6, 10 ** 7),
         "https://docs.google.com/forms/d/e/1FAIpQL%s/viewform?usp=sf_link" % b64u(44), "https://www.eventbrite.co.uk/e/winter-trail-run-tickets-%d" % R.randint(10 ** 11, 10 ** 12),
         "https://www.amazon.co.uk/dp/B0%s?th=1&psc=1" % alnum(8).upper(), "https://maps.app.goo.gl/%s" % alnum(17),
         "https://www.youtube.com/watch?v=%s&t=42s" % b64u(11), "https://zoom.us/j/%d?pwd=%s" % (R.randint(10 ** 9, 10 ** 10), alnum(32))]


def redirect_session(b):
    which = rotw([("short", 4), ("ses", 3), ("sendgrid", 3), ("forum", 3), ("deal", 3), ("login-next", 4)])
    if which == "short":
        code = alnum(R.randint(6, 8))
        ref = pick([NONE, NONE, "https://t.co/", "https://www.linkedin.com/", "https://web.whatsapp.com/"])
        if chance(0.3):
            b.open(SHORT, "/%s+" % code, ref=ref, think=(3, 15))
            b.note("checked where a short link goes first (/%s+ preview)" % code)
        b.open(SHORT, "/" + code, ref=ref, status=301)
        for _ in range(R.randint(2, 5)):
            b.wait(60, 900)
            b.open(SHORT, "/" + alnum(R.randint(6, 8)), ref=pick([NONE, "https://t.co/", "https://www.reddit.com/"]), status=301)
        b.note("followed short links (301 to ordinary sites)")
    elif which == "ses":
        dest = "https://www.harborline.example/offers/winter-sale?utm_source=newsletter&utm_medium=email&utm_campaign=jan26"
        tok = "010001%s-%s-%s-%s-%s-%s-000000" % (hexs(10), hexs(8), hexs(4), hexs(4), hexs(4), hexs(12))
        b.open(SESCL, "/CL0/%s/1/%s/%s=%d" % (dest.replace("/", "%2F").replace("?", "%3F").replace("&", "%26").replace("=", "%3D").replace(":", ":"), tok, b64u(43), R.randint(380, 420)),
               ref=from_mail(), status=302, to=(OUTLAND, "/offers/winter-sale?utm_source=newsletter&utm_medium=email&utm_campaign=jan26"))
        b.note("newsletter click through an SES-style tracker (/CL0/https:%2F%2F...)")
        for _ in range(R.randint(1, 3)):
            b.open(OUTLAND, "/products/%s" % slug(pick(["Deck shoes", "Oilskin jacket", "Rope bracelet", "Tide clock"])))
    elif which == "sendgrid":
        upn = "u001." + b64u(R.randint(200, 420)).replace("_", "-") + "-2B" + b64u(60)
        b.open(CLICKS, "/ls/click?upn=" + upn, ref=from_mail(), status=302,
               to=(BLOGWP, "/%d/%02d/%s/?utm_source=sendgrid&utm_medium=email&utm_campaign=digest" % (2026, 1, slug(pick(["Seven quiet coves", "Notes from a night ferry", "Repairing a clinker dinghy"])))))
        b.note("digest e-mail click through a SendGrid-style /ls/click?upn= tracker")
    elif which == "forum":
        topic = R.randint(1000, 9000)
        b.open(FORUM, "/t/%s/%d" % (slug(pick(["Race results thread", "Spring marathon training", "Shoe recommendations"])), topic), ref=arrival(0.4, 0.3))
        for _ in range(R.randint(1, 3)):
            b.x("/clicks/track?url=%s&post_id=%d&topic_id=%d" % (euri(pick(DESTS)), R.randint(10000, 99999), topic), status=204, dt=(10, 90))
        b.note("clicked outbound links in a forum thread (/clicks/track?url=https%3A%2F%2F...)")
    elif which == "deal":
        b.open(DEALS, "/deals/%s" % slug(pick(["Air fryer half price", "4TB SSD record low", "Kids' bike helmets"])), ref=arrival(0.5, 0.3))
        for _ in range(R.randint(1, 3)):
            b.open(DEALS, "/visit?" + qs([("url", pick(DESTS)), ("src", "deal-page"), ("pos", str(R.randint(1, 12)))], enc=euri), status=302, assets=False)
            b.wait(30, 240)
        b.note("deal site outbound redirects (/visit?url=https%3A%2F%2Fwww.amazon...)")
    else:
        site = pick([BLOGWP, PAPERKITE, DEALS])
        if site is BLOGWP:
            b.open(site, "/wp-login.php?redirect_to=" + euri("https://blog.quietharbour.example/wp-admin/") + "&reauth=1", ref=NONE, think=(8, 30))
            b.post(site, "/wp-login.php", status=302, to=(site, "/wp-admin/"))
            b.open(site, "/wp-admin/edit.php?post_type=post&orderby=date&order=desc")
            b.note("logged in to a blog from /wp-login.php?redirect_to=https%3A%2F%2F...&reauth=1")
        else:
            nxt = pick(["/dashboard?tab=billing", "/settings/profile", "/docs/%s?comment=%d" % (uuid4(), R.randint(1, 99))])
            b.open(site, "/login?next=" + euri(nxt), ref=NONE, think=(8, 30))
            b.post(site, "/login?next=" + euri(nxt), status=302, to=(site, nxt))
            b.note("login page with ?next=%s" % euri(nxt))


DEVIDP = Site("auth.devportal-idp.example", css=["/static/css/lock." + hexs(8) + ".css"], js=["/static/js/lock." + hexs(8) + ".js"], icon="/favicon.ico")
DEVCONSOLE = Site("manage.devportal-idp.example", css=["/dashboard/css/app." + hexs(8) + ".css"], js=["/dashboard/js/app." + hexs(8) + ".js"])


def oauth_dev_session(b):
    port = pick(["3000", "5173", "8080", "4200", "8000"])
    host = pick(["localhost", "localhost", "127.0.0.1"])
    cbpath = pick(["/callback", "/api/auth/callback/devportal", "/auth/callback", "/oauth2/callback", "/login/oauth2/code/devportal"])
    good = "http://%s:%s%s" % (host, port, cbpath)
    client = alnum(32)
    b.note("developer testing an OAuth client against redirect_uri=%s" % good)
    tries = R.randint(2, 6)
    wrong_first = chance(0.4)
    for i in range(tries):
        ru = good
        if i == 0 and wrong_first:
            ru = "http://%s:%s%s" % ("127.0.0.1" if host == "localhost" else "localhost", port, cbpath)
        q = [("response_type", "code"), ("client_id", client), ("redirect_uri", ru), ("scope", pick(["openid profile email", "openid profile email offline_access", "read:users"])),
             ("state", b64u(43)), ("nonce", b64u(22))]
        if chance(0.7):
            q += [("code_challenge", b64u(43)), ("code_challenge_method", "S256")]
        if chance(0.3):
            q.append(("audience", "https://api.myapp.local/"))
        target = "/authorize?" + qs(q, enc=euri)
        ref = "http://%s:%s/" % (host, port)
        if i == 0 and wrong_first:
            b.open(DEVIDP, target, ref=ref, status=400, size=R.randint(1500, 3000))
            b.note("first try answered 400 (callback URL mismatch: %s)" % ru)
            b.open(DEVCONSOLE, "/dashboard/us/dev-%s/applications/%s/settings" % (lower_alnum(8), client), ref=NONE,
                   xhr=[("GET", None, "/api/v2/clients/%s?fields=callbacks%%2Callowed_logout_urls%%2Cweb_origins" % client)])
            b.x("/api/v2/clients/" + client, method="PATCH")
            b.wait(20, 120)
            continue
        if i == 0 or chance(0.3):
            st = b64u(R.randint(40, 60))
            b.chain([(DEVIDP, target), (DEVIDP, "/u/login?state=" + st)], ref=ref, think=(5, 25))
            b.post(DEVIDP, "/u/login?state=" + st, status=302)
            b.t += R.uniform(0.2, 0.8)
            b.hit("GET", DEVIDP, "/authorize/resume?state=" + b64u(32), 302, 0, DEVIDP.url("/u/login?state=" + st))
        else:
            # an existing session at the IdP: straight back to the app
            b.open(DEVIDP, target, ref=ref, status=302)
        b.wait(30, 600)
    if chance(0.4):
        b.open(DEVIDP, "/v2/logout?client_id=%s&returnTo=%s" % (client, euri("http://%s:%s/" % (host, port))), ref="http://%s:%s/" % (host, port), status=302)


GRAF_NODE_DASH = "/d/rYdddlPWk/node-exporter-full"
PROM = Site("prometheus.nimbus-ops.example", css=["/static/css/index-" + hexs(8) + ".css"], js=["/static/js/index-" + hexs(8) + ".js"], icon="/favicon.svg")
BLACKBOX = Site("blackbox.nimbus-ops.example", css=[], js=[], icon=None, h2=False)
ALERTM = Site("alertmanager.nimbus-ops.example", css=[], js=["/script.js"], h2=False)
ADMINER = Site("dbadmin.nimbus-ops.example", css=["/adminer.css"], js=["/?file=functions.js&version=5.3.0"], icon="/?file=favicon.ico&version=5.3.0", h2=False)
ZABBIX = Site("zabbix.fernway-housing.example", css=["/assets/styles/blue-theme.css"], js=["/js/browsers.js", "/jsLoader.php?ver=7.0.6&lang=en_GB"], h2=False)
CONSUL = Site("consul.nimbus-ops.example", css=["/ui/assets/consul-ui-" + hexs(8) + ".css"], js=["/ui/assets/vendor-" + hexs(8) + ".js", "/ui/assets/consul-ui-" + hexs(8) + ".js"])
RABBIT = Site("rabbit.nimbus-ops.example", css=["/css/main.css"], js=["/js/ejs-1.0.min.js", "/js/jquery-3.5.1.min.js", "/js/main.js"], h2=False)
NETDATA = Site("netdata.hollis-home.example", css=["/v2/static/css/main." + hexs(8) + ".css"], js=["/v2/static/js/main." + hexs(8) + ".js"], h2=False)
INSTANCES = ["10.0.0.5:9100", "10.0.0.6:9100", "10.0.1.12:9100", "db-1.internal:9100", "db-2.internal:9187", "cache-1.internal:9121", "172.16.4.20:9100", "192.168.10.3:9100"]
HOSTS = ["db-1.internal", "db-2.internal", "web-3.internal", "cache-1.internal", "lb-1.prod.internal", "mq-1.internal", "10.0.0.5", "10.0.2.44"]


PG_HOSTS = ["db-1.internal", "db-1.internal", "db-2.internal"]
BB_TARGETS = ["10.0.0.5:9100", "10.0.0.5:9100", "https://shop.nimbus-ops.example/health", "db-1.internal:5432"]


def ops_session(b):
    for _ in range(R.randint(1, 2)):
        ops_tool(b)
        b.wait(60, 900)


def ops_tool(b):
    which = rotw([("grafana", 6), ("prom", 4), ("adminer", 2), ("zabbix", 2), ("consul", 2), ("rabbit", 2), ("netdata", 1)])
    now = epoch(b.t) * 1000
    if which == "grafana":
        inst = rot(INSTANCES)
        dash = rotw([("node", 1), ("pg", 1), ("blackbox", 1)])
        if dash == "node":
            url = "%s?orgId=1&var-datasource=default&var-job=node&var-node=%s&var-diskdevices=%s&from=now-6h&to=now&refresh=30s" % (
                GRAF_NODE_DASH, ng_enc(inst), ng_enc("[a-z]+|nvme[0-9]+n[0-9]+|mmcblk[0-9]+"))
        elif dash == "pg":
            inst = rot(PG_HOSTS)
            url = "/d/000000039/postgresql-database?orgId=1&var-datasource=prometheus&var-interval=%24__auto_interval_interval&var-namespace=&var-release=&var-host=" + ng_enc(inst) + ":9187&var-datname=All&var-mode=All&from=now-3h&to=now"
        else:
            inst = rot(BB_TARGETS)
            url = "/d/xtkCtBkiz/prometheus-blackbox-exporter?orgId=1&var-target=" + ng_enc(inst) + "&from=now-24h&to=now"
        b.open(GRAFANA, url, ref=pick([NONE, NONE, "https://alertmanager.nimbus-ops.example/"]),
               xhr=[("GET", None, "/api/dashboards/uid/rYdddlPWk"),
                    ("GET", None, "/api/datasources/proxy/uid/%s/api/v1/label/instance/values?%s" % (b64u(9), qs([("match[]", 'node_uname_info{job="node"}'), ("start", str(now // 1000 - 21600)), ("end", str(now // 1000))], enc=euri)))]
               + [("POST", None, "/api/ds/query?ds_type=prometheus&requestId=Q%d" % (100 + i)) for i in range(R.randint(3, 8))], think=(20, 60))
        b.note("Grafana %s dashboard for %s" % (dash, inst))
        rid = 110
        for _ in range(R.randint(1, 4)):
            rid += R.randint(6, 12)
            b.x("/api/ds/query?ds_type=prometheus&requestId=Q%d" % rid, method="POST", dt=(28, 32))
        if chance(0.6):
            expr = 'rate(node_cpu_seconds_total{instance="%s",mode!="idle"}[5m])' % inst
            panes = jdump({b64u(3): {"datasource": "prometheus", "queries": [{"refId": "A", "expr": expr, "range": True, "datasource": {"type": "prometheus", "uid": "prometheus"}}],
                                     "range": {"from": "now-1h", "to": "now"}}})
            b.open(GRAFANA, "/explore?schemaVersion=1&panes=%s&orgId=1" % ng_enc(panes), xhr=[("POST", None, "/api/ds/query?ds_type=prometheus&requestId=explore_%s" % b64u(3))])
            b.note("Explore with a PromQL query in panes= JSON")
    elif which == "prom":
        host = pick(INSTANCES)
        expr = pick(['up{instance="%s"}' % host, 'node_load1{instance="%s"}' % host, 'rate(http_requests_total{job="api",code=~"5.."}[5m])',
                     'probe_success{target="https://shop.nimbus-ops.example/health"}', 'sum by (instance) (node_filesystem_avail_bytes{mountpoint="/"})'])
        b.open(PROM, "/query?" + qs([("g0.expr", expr), ("g0.show_tree", "0"), ("g0.tab", "graph"), ("g0.range_input", "1h"), ("g0.res_type", "auto"),
                                     ("g0.res_density", "medium"), ("g0.display_mode", "lines"), ("g0.show_exemplars", "0")], enc=euri),
               ref=NONE, xhr=[("GET", None, "/api/v1/query_range?" + qs([("query", expr), ("start", str(now // 1000 - 3600)), ("end", str(now // 1000)), ("step", "14")], enc=euri)),
                              ("GET", None, "/api/v1/label/__name__/values"), ("GET", None, "/api/v1/status/buildinfo")])
        b.note("Prometheus UI query [%s]" % expr)
        b.open(PROM, "/targets?search=%s" % euri(pick(HOSTS)), xhr=[("GET", None, "/api/v1/targets?state=active"),
                                                                  ("GET", None, "/api/v1/targets/metadata?" + qs([("match_target", '{instance="%s"}' % host), ("limit", "50")], enc=euri))])
        if chance(0.5):
            tgt = rot(BB_TARGETS)
            b.open(BLACKBOX, "/probe?" + qs([("target", tgt), ("module", pick(["http_2xx", "tcp_connect", "ssh_banner"])), ("debug", "true")], enc=euri), ref=NONE, size=R.randint(2000, 9000))
            b.note("blackbox exporter debug probe target=%s" % tgt)
        if chance(0.4):
            b.open(ALERTM, "/", ref=NONE, xhr=[("GET", None, "/api/v2/alerts/groups?" + qs([("filter", 'severity="critical"'), ("silenced", "false"), ("inhibited", "false"), ("active", "true")], enc=euri))])
    elif which == "adminer":
        db = pick(["shop", "crm", "billing"])
        host = pick(HOSTS[:6])
        base = "/?pgsql=%s&username=%s&db=%s&ns=public" % (host, pick(["app_ro", "readonly", "analyst"]), db)
        b.open(ADMINER, base, ref=NONE)
        tbl = pick(["orders", "users", "invoices", "sessions"])
        b.open(ADMINER, base + "&table=" + tbl)
        col, op, val = pick([("status", "=", "failed"), ("email", "LIKE %%", "%@example.com"), ("created_at", ">", "2026-01-01"),
                             ("last_name", "=", "O'Brien"), ("notes", "LIKE %%", "%refund%")])
        where = "&where%%5B0%%5D%%5Bcol%%5D=%s&where%%5B0%%5D%%5Bop%%5D=%s&where%%5B0%%5D%%5Bval%%5D=%s" % (col, form(op), form(val))
        b.open(ADMINER, base + "&select=%s%s&limit=50" % (tbl, where), think=(20, 90))
        b.note("Adminer on pgsql=%s, filtered %s with where[0][op]" % (host, tbl))
        if chance(0.5):
            b.open(ADMINER, base + "&sql=")
            b.post(ADMINER, base + "&sql=", status=200)
    elif which == "zabbix":
        host = pick(HOSTS)
        b.open(ZABBIX, "/zabbix.php?action=dashboard.view&dashboardid=1", ref=NONE)
        b.open(ZABBIX, "/zabbix.php?" + qs([("action", "host.view"), ("filter_name", host), ("filter_ip", pick(["", "10.0.0.5", "10.0.2.44"])),
                                            ("filter_dns", ""), ("filter_port", ""), ("filter_status", "-1"), ("filter_evaltype", "0"),
                                            ("filter_maintenance_status", "1"), ("filter_show_suppressed", "0"), ("filter_set", "1")]))
        b.open(ZABBIX, "/history.php?action=showgraph&itemids%%5B%%5D=%d&from=now-24h&to=now" % R.randint(40000, 49999),
               imgs=["/chart.php?from=now-24h&to=now&itemids%%5B0%%5D=%d&type=0&profileIdx=web.item.graph.filter&profileIdx2=%d&width=1400&height=200&_=%s" % (R.randint(40000, 49999), R.randint(40000, 49999), lower_alnum(8))])
        b.note("Zabbix host filter [%s]" % host)
    elif which == "consul":
        svc = pick(["postgres", "redis", "api", "vault"])
        node = pick(HOSTS[:6])
        b.open(CONSUL, "/ui/dc1/services/%s/instances" % svc, ref=NONE,
               xhr=[("GET", None, "/v1/health/service/%s?dc=dc1&ns=default" % svc), ("GET", None, "/v1/internal/ui/services?dc=dc1&index=%d" % R.randint(10 ** 5, 10 ** 6))])
        b.open(CONSUL, "/ui/dc1/nodes/%s/health-checks" % node, xhr=[("GET", None, "/v1/internal/ui/node/%s?dc=dc1" % node)])
        for _ in range(R.randint(1, 3)):
            b.x("/v1/health/service/%s?dc=dc1&index=%d&wait=60s" % (svc, R.randint(10 ** 5, 10 ** 6)), dt=(55, 62))
        b.note("Consul UI: service %s, node %s (long polls with wait=60s)" % (svc, node))
    elif which == "rabbit":
        b.open(RABBIT, "/#/queues", ref=NONE, xhr=[("GET", None, "/api/overview"), ("GET", None, "/api/queues/%2F?page=1&page_size=100&name=&use_regex=false&pagination=true")])
        q = pick(["orders", "emails", "webhooks.retry", "celery"])
        for _ in range(R.randint(2, 6)):
            b.x("/api/queues/%%2F/%s?lengths_age=60&lengths_incr=5&msg_rates_age=60&msg_rates_incr=5&data_rates_age=60&data_rates_incr=5" % q, dt=(4.5, 5.5))
        b.note("RabbitMQ management: queue %s in vhost / (%%2F) polled every 5 s" % q)
    else:
        b.open(NETDATA, "/", ref=NONE)
        for _ in range(R.randint(3, 8)):
            b.x("/api/v1/data?chart=%s&after=-600&before=0&points=300&group=average&gtime=0&format=json&options=ms%%7Cflip%%7Cjsonwrap%%7Cnonzero&_=%d"
                % (pick(["system.cpu", "system.load", "disk.sda", "net.eth0", "mem.available"]), int((T0.timestamp() + b.t) * 1000)), dt=(0.5, 3))
        b.note("Netdata dashboard (options=ms|flip|jsonwrap|nonzero)")


FORMRELAY = Site("app.formrelay.example", css=["/assets/index-" + hexs(8) + ".css"], js=["/assets/index-" + hexs(8) + ".js"], icon="/favicon.svg")
PAYDASH = Site("dashboard.paystream.example", css=["/static/dashboard-" + hexs(8) + ".css"], js=["/static/dashboard-" + hexs(8) + ".js"])
WEBHOOK_URLS = ["https://hooks.slack.com/services/T0%s/B0%s/%s" % (alnum(8).upper(), alnum(8).upper(), alnum(24)),"https://hooks.slack.com/services/T0%s/B0%s/%s" % (alnum(8).upper(), alnum(8).upper(), alnum(24)),
                "https://discord.com/api/webhooks/%d/%s" % (R.randint(10 ** 17, 10 ** 18), b64u(68)),
                "https://n8n.hollis-home.example/webhook/%s" % uuid4(), "http://localhost:4242/webhook", "http://192.168.1.20:5678/webhook-test/%s" % uuid4(),
                "https://api.myshop.example/webhooks/payments", "https://webhook.site/%s" % uuid4(), "https://example.requestcatcher.com/test",
                "http://127.0.0.1:8000/hooks/github"]


def webhook_session(b):
    if chance(0.6):
        b.open(FORMRELAY, "/settings/integrations/webhooks", ref=NONE, xhr=[("GET", None, "/api/webhooks?form_id=%d" % R.randint(100, 999))])
        url = rot(WEBHOOK_URLS)
        if "slack" in url and chance(0.6):
            b.open(FORMRELAY, "/settings/integrations/webhooks/new?" + qs([("url", url), ("source", "slack-app")], enc=euri), ref="https://app.slack.com/")
        else:
            b.open(FORMRELAY, "/settings/integrations/webhooks/new")
        b.x("/api/webhooks", method="POST", status=201)
        wid = R.randint(10, 400)
        b.push("/settings/integrations/webhooks/%d" % wid)
        b.x("/api/webhooks/%d/test" % wid, method="POST")
        b.x("/api/webhooks/%d/deliveries?status=%s&cursor=%s" % (wid, pick(["all", "failed"]), b64url_of(jdump({"id": R.randint(1000, 9999)}))))
        b.note("added a form webhook to %s and sent a test" % url)
        if chance(0.5):
            did = uuid4()
            b.open(FORMRELAY, "/settings/integrations/webhooks/%d/deliveries/%s?tab=response" % (wid, did), xhr=[("GET", None, "/api/webhooks/%d/deliveries/%s" % (wid, did))])
            b.x("/api/webhooks/%d/deliveries/%s/redeliver" % (wid, did), method="POST")
    else:
        url = pick(WEBHOOK_URLS)
        b.open(PAYDASH, "/test/webhooks", ref=NONE, xhr=[("GET", None, "/v1/webhook_endpoints?limit=10")])
        b.open(PAYDASH, "/test/webhooks/create?" + qs([("endpoint_url", url), ("events", "payment_intent.succeeded,charge.refunded")], enc=euri))
        b.x("/v1/webhook_endpoints", method="POST")
        we = "we_" + alnum(24)
        b.open(PAYDASH, "/test/webhooks/" + we, xhr=[("GET", None, "/v1/events?limit=20&delivery_success=false&endpoint=" + we)])
        for _ in range(R.randint(0, 3)):
            b.x("/v1/webhook_endpoints/%s/test_event?type=payment_intent.succeeded" % we, method="POST", dt=(20, 120))
        b.note("payment dashboard (test mode): webhook endpoint %s" % url)


CHAT = Site("chat.teamloop.example", css=["/static/main." + hexs(20) + ".css"], js=["/static/main." + hexs(20) + ".js", "/static/vendor." + hexs(20) + ".js"])
SOCIAL = Site("social.plaza.example", css=["/packs/css/common-" + hexs(20) + ".css"], js=["/packs/js/common-" + hexs(20) + ".js"])
READLATER = Site("read.pocketshelf.example", css=["/css/app.css?v=3"], js=["/js/app.js?v=3"])
VALIDATOR = Site("validator.w3tools.example", css=["/nu/style.css"], js=["/nu/script.js"], h2=False)
ARTICLES = ["https://www.theguardian.com/uk-news/2026/jan/20/%s" % slug("Flood warnings issued across the south west"),
            "https://www.bbc.co.uk/news/articles/c%s" % lower_alnum(10), "https://www.reuters.com/markets/europe/%s-2026-01-21/" % slug("Euro zone bond yields slip"),
            "https://apnews.com/article/%s-%s" % (slug("Winter storm travel delays"), hexs(32)), "https://www.nytimes.com/2026/01/20/science/%s.html" % slug("comet brightens"),
            "https://arstechnica.com/security/2026/01/%s/" % slug("Patch Tuesday fixes 3 zero days"), "https://www.ft.com/content/%s" % uuid4(),
            "https://www.lemonde.fr/international/article/2026/01/20/%s_%d_3210.html" % (slug("les negociations reprennent"), R.randint(6000000, 6999999))]


def preview_session(b):
    which = rotw([("chat", 5), ("wp", 3), ("share", 3), ("save", 2), ("validator", 2)])
    if which == "chat":
        team = pick(["eng", "newsroom", "support"])
        b.open(CHAT, "/%s/channels/%s" % (team, pick(["town-square", "random", "links", "incidents"])), ref=NONE,
               xhr=[("GET", None, "/api/v4/users/me"), ("GET", None, "/api/v4/users/me/teams/unread"), ("GET", None, "/api/v4/websocket?connection_id=&sequence=0", 101, 0)])
        for _ in range(R.randint(1, 4)):
            url = pick(ARTICLES)
            b.x("/api/v4/opengraph", method="POST", dt=(20, 200))
            b.x("/api/v4/image?url=%s" % euri(url.rsplit("/", 1)[0] + "/og-image.jpg"), size=sz("img"))
            b.x("/api/v4/posts", method="POST", status=201)
        b.note("shared news links in team chat (link previews: /api/v4/image?url=https%3A%2F%2F...)")
    elif which == "wp":
        b.open(BLOGWP, "/wp-admin/post-new.php", ref=NONE, xhr=[("GET", None, "/wp-json/wp/v2/types?context=view&_locale=user")])
        for _ in range(R.randint(1, 3)):
            url = pick(ARTICLES + ["https://www.youtube.com/watch?v=%s" % b64u(11), "https://vimeo.com/%d" % R.randint(10 ** 8, 10 ** 9)])
            b.x("/wp-json/oembed/1.0/proxy?url=%s&_locale=user" % euri(url), dt=(10, 90))
        b.x("/wp-json/wp/v2/posts/%d?_locale=user" % R.randint(100, 900), method="POST")
        b.note("embedded links in a blog post (/wp-json/oembed/1.0/proxy?url=)")
    elif which == "share":
        url = pick(ARTICLES)
        b.open(SOCIAL, "/share?" + qs([("text", pick(["Worth a read", "Wow.", "This is what I was saying about the ferry >>", "\"quote of the day\""])), ("url", url)], enc=euri),
               ref=origin(url) + "/", xhr=[("GET", None, "/api/v1/instance"), ("GET", None, "/api/v1/accounts/verify_credentials")])
        b.x("/api/v1/statuses", method="POST")
        b.note("shared an article via a share-intent URL (url=https%3A%2F%2F...)")
    elif which == "save":
        for _ in range(R.randint(1, 4)):
            url = pick(ARTICLES)
            b.open(READLATER, "/save?" + qs([("url", url), ("title", pick(["Flood warnings issued", "Bond yields slip", "Comet brightens"]))], enc=euri), ref=origin(url) + "/", think=(60, 900))
        b.open(READLATER, "/queue", ref=NONE)
        b.note("read-it-later bookmarklet (/save?url=...)")
    else:
        mine = pick(["https://blog.quietharbour.example/", "https://www.oakhill-plumbing.example/contact/", "https://www.cs.northfield-univ.example/~alice/"])
        b.open(VALIDATOR, "/nu/?doc=" + euri(mine), ref=NONE)
        b.open(VALIDATOR, "/nu/?" + qs([("doc", mine), ("showsource", "yes"), ("showoutline", "yes")], enc=euri))
        b.note("validated own page (doc=%s)" % mine)


# ================================================================== 5. forms, tildes, filters, query languages
PLUMB = Site("www.oakhill-plumbing.example", css=["/css/style.css"], js=["/js/main.js"], imgs=["/img/van.jpg", "/img/logo.png"], h2=False)
FLORIST = Site("www.petalandstem.example", css=["/assets/css/shop.css?v=2"], js=["/assets/js/shop.js?v=2"], imgs=["/assets/img/logo.png"])
LEGALDB = Site("search.caselaw-library.example", css=["/static/css/main.css"], js=["/static/js/search.js"], h2=True)
SCHOOL = Site("www.stbrendans-primary.example", css=["/css/school.css"], js=[], imgs=["/images/crest.png"], h2=False)
WEDDING = Site("www.ana-and-tom-2026.example", css=["/style.css"], js=["/rsvp.js"], imgs=["/img/us.jpg"], h2=True)
LIBSUGGEST = Site("www.riverbend-library.example", css=["/themes/riverbend/css/main.css"], js=["/themes/riverbend/js/main.js"])
MSG_OPEN = ["Hi,", "Hello,", "Good morning,", "Hi there,", "Dear Sir/Madam,"]
MSGS = [["The boiler is making a knocking noise when the heating comes on.", "It's a Worcester combi, about 8 years old.", "Could someone come and look this week?"],
        ["We have a leak under the kitchen sink - the trap seems cracked.", "Mornings are best (before 10:30)."],
        ["Quote please for moving a radiator ~1.5m along the wall.", "Pipes are 15mm copper; floor is suspended timber."],
        ["Our outside tap froze & split.", "Need it replaced + a frost cover fitted."]]
ADDRS = ["Flat 3\n27 Harcourt Road\nLondon", "12 Mill Lane\nLittle Barford\nSt Neots", "Apartment 4B\n1 Quay Street\nManchester",
         "The Old Forge\nChurch End\nNr. Ware, Herts", "c/o Mrs J. O'Connor\n5 Rue des Lilas\n75011 Paris", "Unit 7, Riverside Works\nCanal St.\nLeeds"]


def crlf(lines):
    return "\r\n".join(lines)


def multiline_session(b):
    which = rotw([("contact", 5), ("florist", 3), ("legal", 2), ("school", 2), ("wedding", 2), ("suggest", 2), ("traceback", 2)])
    name = pick(["Maria Lopez", "Sean O'Brien", "Priya Natarajan", "Tomasz Nowak", "Chloé Martin", "Ade Okafor", "J. Smith-Jones"])
    if which == "contact":
        b.open(PLUMB, "/contact/", ref=arrival(0.7, 0.2))
        body = [pick(MSG_OPEN), ""] + pick(MSGS) + ["", "Thanks,", name.split()[0]]
        q = [("name", name), ("email", "%s@%s" % (slug(name).replace("-", "."), pick(["gmail.com", "btinternet.com", "outlook.com"]))),
             ("phone", pick(["07700 900123", "+44 7700 900456", "(0161) 496 0000"])), ("postcode", pick(["N1 7AB", "M4 5JD", "LS1 4AP"])),
             ("message", crlf(body))]
        b.open(PLUMB, "/contact/send.php?" + qs(q), status=302, to=(PLUMB, "/contact/thanks.html"), think=(5, 20))
        b.note("contact form sent by GET, message with %0D%0A line breaks")
    elif which == "florist":
        b.open(FLORIST, "/bouquets/%s" % slug(pick(["Winter whites", "Sunny day", "Thank you"])), ref=arrival(0.6, 0.2))
        msg = crlf([pick(["Happy birthday Mum!", "Thinking of you x", "Congratulations on the new job!!", "Sorry <3"]), "", "Love from " + name.split()[0] + " & the kids"])
        addr = pick(ADDRS).replace("\n", "\r\n")
        b.open(FLORIST, "/delivery/estimate?" + qs([("address", addr), ("date", "2026-01-%02d" % R.randint(22, 30))]), xhr=[("GET", None, "/api/slots?postcode=" + form(pick(["N1 7AB", "M4 5JD"])))])
        b.open(FLORIST, "/cart/message?" + qs([("card_message", msg), ("anonymous", pick(["0", "1"]))]), think=(10, 40))
        b.post(FLORIST, "/checkout", status=302)
        b.note("flower order: delivery address and card message in GET forms with %0D%0A")
    elif which == "legal":
        b.open(LEGALDB, "/", ref=NONE)
        for _ in range(R.randint(1, 3)):
            q = crlf(pick([["contract AND \"force majeure\"", "OR \"act of god\""], ["negligence /s \"duty of care\"", "NOT criminal"],
                           ["(landlord OR lessor) AND \"repair*\"", "date > 2015"], ["\"unfair dismissal\" AND (redundancy OR \"selection pool\")"]]))
            b.open(LEGALDB, "/results?" + qs([("q", q), ("jurisdiction", pick(["ew", "sc", "ni"])), ("sort", "relevance")]), think=(20, 120))
            b.note("case-law search box (a textarea) with a two-line boolean query")
    elif which == "school":
        b.open(SCHOOL, "/parents/absence.html", ref=NONE)
        note = crlf(["%s (Year %d) has a temperature and won't be in today." % (pick(["Amelia", "Noah", "Zara", "Leo"]), R.randint(1, 6)),
                     "We'll keep you posted - hopefully back Thursday.", "", name])
        b.open(SCHOOL, "/cgi-bin/absence.pl?" + qs([("parent", name), ("child", pick(["Amelia", "Noah", "Zara", "Leo"])), ("reason", "illness"), ("details", note)]),
               status=302, to=(SCHOOL, "/parents/thanks.html"))
        b.note("school absence form (GET to /cgi-bin/absence.pl) with multi-line details")
    elif which == "wedding":
        b.open(WEDDING, "/", ref=from_mail())
        b.open(WEDDING, "/rsvp.html")
        diet = crlf(pick([["Vegetarian for me;", "no nuts for our youngest (allergy!)"], ["Gluten-free please", "Plus-one: \"Sam\""], ["None :)"]]))
        b.open(WEDDING, "/rsvp?" + qs([("names", name + pick(["", " & Sam", " + 2 kids"])), ("attending", "yes"), ("dietary", diet),
                                       ("song", pick(["Don't Stop Me Now", "Mr. Brightside", "September (Earth, Wind & Fire)"]))]), think=(5, 30))
        b.note("wedding RSVP by GET: dietary notes on two lines")
    elif which == "suggest":
        b.open(LIBSUGGEST, "/suggest-a-purchase", ref=arrival(0.2, 0.6))
        b.open(LIBSUGGEST, "/suggest-a-purchase/submit?" + qs([("title", pick(["The Shell Collector", "Learning SQL (3rd ed.)", "Bash Cookbook"])),
                                                             ("author", pick(["Anthony Doerr", "Alan Beaulieu", "Carl Albing"])),
                                                             ("notes", crlf(["ISBN 978-1-%d" % R.randint(10 ** 8, 10 ** 9), "Our book group would borrow it (x6)"]))]),
               status=302, to=(LIBSUGGEST, "/suggest-a-purchase/thanks"))
        b.note("library suggest-a-purchase GET form with multi-line notes")
    else:
        tb = crlf(["Traceback (most recent call last):", '  File "app.py", line 12, in <module>', "    import psycopg2",
                   "ModuleNotFoundError: No module named 'psycopg2'"])
        b.open(QA, "/search?q=" + form(tb), ref=NONE, think=(5, 20))
        b.open(QA, "/questions/%d/%s" % (R.randint(10 ** 6, 8 * 10 ** 7), slug("ModuleNotFoundError No module named psycopg2")), think=(30, 200))
        b.note("pasted a whole Python traceback (CR LF) into a Q&A search")


TILDE = Site("www.cs.northfield-univ.example", css=[], js=[], icon="/favicon.ico", h2=False, hsize=(1500, 14000))
OLDNET = Site("members.oldnet.example", css=[], js=[], icon="/favicon.ico", icon_st=404, h2=False, hsize=(2000, 20000))
PEOPLE = [("alice", ["", "teaching/cs101/", "teaching/cs101/hw3.pdf", "papers/", "papers/sigmod23.pdf"]),
          ("bchen", ["", "cv.html", "research.html", "pubs/bchen-thesis.pdf"]),
          ("ktanaka", ["", "courses/os/", "courses/os/lab2.tar.gz", "courses/os/schedule.html"]),
          ("mwong", ["", "guestbook.html", "photos/", "photos/lakes/"]),
          ("jdoe", [""]), ("rpatel", ["", "talks/", "talks/pldi-2025-slides.pdf"])]


def tilde_session(b):
    if chance(0.75):
        user, pages = pick(PEOPLE)
        ref = wchoice([(from_search(), 5), ("https://dblp.org/", 2), ("https://scholar.google.com/", 3), (NONE, 3), ("https://www.cs.northfield-univ.example/people/faculty.html", 2)])
        if user == "jdoe":
            b.open(TILDE, "/~jdoe/", ref=ref, status=404)
            b.note("old link to /~jdoe/ (left the department): 404")
            b.open(TILDE, "/people/", ref=AUTO)
            b.open(TILDE, "/people/search?name=doe")
            return
        first = "/~%s" % user if chance(0.3) else ("/%%7E%s/" % user if chance(0.2) else "/~%s/" % user)
        if first.endswith(user):
            b.open(TILDE, first, ref=ref, status=301, to=(TILDE, first + "/"), imgs=["/~%s/me.jpg" % user])
        else:
            b.open(TILDE, first, ref=ref, imgs=["/~%s/me.jpg" % user])
        b.note("faculty tilde page %s" % first)
        picked = sample(range(1, len(pages)), R.randint(1, len(pages) - 1)) if len(pages) > 1 else []
        for p in [pages[i] for i in sorted(picked)]:
            kind = "pdf" if p.endswith((".pdf", ".gz")) else None
            if kind:
                b.download(TILDE, "/~%s/%s" % (user, p), sz("pdf"), think=(10, 60))
            else:
                b.open(TILDE, "/~%s/%s" % (user, p), think=(10, 90))
        if user == "mwong" and chance(0.8):
            b.img("/~mwong/cgi-bin/counter.cgi?page=home&style=odometer")
            b.note("old-style hit counter image under /~mwong/cgi-bin/")
        if chance(0.2):
            b.open(TILDE, "/~%s/private/" % user, status=403)
            b.note("clicked a private/ folder: 403")
    else:
        who = pick(["trainfan", "gwen", "birdlog"])
        b.open(OLDNET, "/~%s/" % who, ref=pick([NONE, from_search(), "https://www.webring.example/"]), imgs=["/~%s/images/bg.gif" % who, "/~%s/images/construction.gif" % who])
        for _ in range(R.randint(2, 5)):
            b.open(OLDNET, "/~%s/%s" % (who, pick(["layouts/", "layouts/branchline.html", "links.htm", "2003/index.htm", "guestbook/"])),
                   imgs=["/~%s/images/%s.jpg" % (who, lower_alnum(6))], think=(10, 80))
        b.note("1990s-style hobby page under /~%s/" % who)


TRACK = Site("tracker.opsline.example", css=["/assets/app-" + hexs(8) + ".css"], js=["/assets/app-" + hexs(8) + ".js"], icon="/favicon.svg")
DIRECTUS = Site("cms.harborline.example", css=["/admin/assets/index." + hexs(8) + ".css"], js=["/admin/assets/index." + hexs(8) + ".js"], icon="/admin/favicon.ico")
STRAPI = Site("content.brightline-news.example", css=["/admin/main." + hexs(8) + ".css"], js=["/admin/main." + hexs(8) + ".js"])
KENDO = Site("orders.hallam-group.example", css=["/Content/kendo/2024.3.806/kendo.default-main.min.css"],
             js=["/Scripts/kendo/2024.3.806/jquery.min.js", "/Scripts/kendo/2024.3.806/kendo.all.min.js"], h2=True)
DTSITE = Site("admin.petalandstem.example", css=["/vendor/datatables/datatables.min.css"], js=["/vendor/jquery/jquery.min.js", "/vendor/datatables/datatables.min.js"])
PARSE = Site("dash.fieldnotes.example", css=["/bundles/dashboard.css"], js=["/bundles/dashboard.bundle.js"])
JSONAPI = Site("www.oakvale-events.example", css=["/themes/oakvale/css/style.css"], js=["/core/misc/drupal.js", "/themes/oakvale/js/events.js"])


def jq_param(pairs):
    return "&".join("%s=%s" % (jq_enc(k), jq_enc(v)) for k, v in pairs)


def filter_session(b):
    which = rotw([("tracker", 4), ("directus", 3), ("strapi", 3), ("kendo", 2), ("grid", 2), ("datatables", 3), ("parse", 2), ("jsonapi", 2)])
    if which == "tracker":
        first = jdump({"status": ["open"]})
        b.open(TRACK, "/issues?filter=%s" % euri(first), ref=NONE, xhr=[("GET", None, "/api/me"), ("GET", None, "/api/issues?filter=%s&sort=-updated&page=1&per_page=50" % euri(first))])
        for _ in range(R.randint(1, 4)):
            f = {"status": sample(["open", "in_progress", "blocked", "review"], R.randint(1, 2)), "assignee": pick(["me", "unassigned", "@ana"])}
            if chance(0.4):
                f["labels"] = {"$in": sample(["bug", "p1", "frontend", "db"], 2)}
            if chance(0.3):
                f["title"] = {"contains": pick(["login", "500 error", "can't upload", "<br> in emails"])}
            fs = jdump(f)
            b.push("/issues?filter=%s&sort=-updated" % euri(fs))
            b.x("/api/issues?filter=%s&sort=-updated&page=1&per_page=50" % euri(fs), dt=(4, 30))
        b.note("issue tracker filters as JSON in filter= (%s)" % fs[:60])
    elif which == "directus":
        b.open(DIRECTUS, "/admin/content/articles", ref=NONE, xhr=[("GET", None, "/users/me?fields[]=*&fields[]=role.*"), ("GET", None, "/server/info")])
        for _ in range(R.randint(2, 4)):
            flt = {"_and": [{"status": {"_eq": pick(["published", "draft"])}}, {"title": {"_icontains": pick(["ferry", "council", "tide"])}}]}
            q = [("limit", "25"), ("fields[]", "id"), ("fields[]", "title"), ("fields[]", "status"), ("fields[]", "user_created.first_name"),
                 ("sort[]", "-date_created"), ("page", "1"), ("filter", jdump(flt)), ("meta", "filter_count")]
            b.x("/items/articles?" + qs(q, enc=axios_enc), dt=(3, 30))
        b.note("Directus admin: filter={\"_and\":[...]} and fields[] through axios")
    elif which == "strapi":
        b.open(STRAPI, "/admin/content-manager/collection-types/api::article.article?page=1&pageSize=10&sort=title:ASC", ref=NONE)
        for _ in range(R.randint(2, 4)):
            term = pick(["storm", "o'neill", "budget", "election"])
            q = "filters[$and][0][title][$containsi]=%s&filters[$and][1][category][slug][$ne]=%s&populate=*&sort[0]=publishedAt:desc&pagination[page]=%d&pagination[pageSize]=25" % (
                euri(term), pick(["archive", "sponsored"]), R.randint(1, 3))
            b.x("/content-manager/collection-types/api::article.article?" + q, dt=(3, 30))
            b.push("/admin/content-manager/collection-types/api::article.article?page=1&pageSize=25&" + q.split("&populate")[0])
        b.note("Strapi admin: filters[$and][0][title][$containsi], [$ne]")
    elif which == "kendo":
        b.open(KENDO, "/Orders", ref=NONE)
        for i in range(R.randint(2, 5)):
            pairs = [("take", "20"), ("skip", str(20 * i)), ("page", str(i + 1)), ("pageSize", "20"), ("sort[0][field]", pick(["OrderDate", "Total", "Customer"])),
                     ("sort[0][dir]", pick(["asc", "desc"])), ("filter[logic]", "and"), ("filter[filters][0][field]", "ShipCountry"),
                     ("filter[filters][0][operator]", pick(["eq", "contains", "neq"])), ("filter[filters][0][value]", pick(["Germany", "UK", "Côte d'Ivoire"]))]
            b.x("/Orders/Read?" + jq_param(pairs), dt=(3, 30))
        b.note("Kendo grid paging: sort[0][field], filter[filters][0][operator]")
    elif which == "grid":
        b.open(TRACK, "/admin/customers", ref=NONE)
        for i in range(R.randint(2, 5)):
            pairs = [("page", str(i + 1)), ("size", "20"), ("sort[0][field]", pick(["created_at", "name", "balance"])), ("sort[0][dir]", pick(["asc", "desc"])),
                     ("filter[0][field]", "status"), ("filter[0][type]", pick(["=", "like", "!="])), ("filter[0][value]", pick(["open", "overdue", "o'reilly"]))]
            b.x("/api/customers?" + qs(pairs, enc=axios_enc), dt=(3, 30))
        b.note("admin grid through axios: sort[0][field]=...&filter[0][type]== with raw brackets")
    elif which == "datatables":
        b.open(DTSITE, "/orders", ref=NONE)
        cols = ["id", "customer", "email", "total", "status", "created_at"]
        for draw in range(1, R.randint(3, 7)):
            pairs = [("draw", str(draw))]
            for i, c in enumerate(cols):
                pairs += [("columns[%d][data]" % i, c), ("columns[%d][name]" % i, ""), ("columns[%d][searchable]" % i, "true"),
                          ("columns[%d][orderable]" % i, "true"), ("columns[%d][search][value]" % i, ""), ("columns[%d][search][regex]" % i, "false")]
            pairs += [("order[0][column]", str(R.randint(0, 5))), ("order[0][dir]", pick(["asc", "desc"])), ("start", str(25 * R.randint(0, 4))), ("length", "25"),
                      ("search[value]", pick(["", "smith", "o'neil", "@gmail.com", "refund"])), ("search[regex]", "false"), ("_", str(epoch(b.t) * 1000))]
            b.x("/orders/data?" + jq_param(pairs), dt=(2, 25))
        b.note("DataTables server-side grid (columns[0][search][regex]=false ...)")
    elif which == "parse":
        b.open(PARSE, "/apps/fieldnotes/browser/Note", ref=NONE)
        for _ in range(R.randint(2, 4)):
            where = pick([{"owner": {"__type": "Pointer", "className": "_User", "objectId": alnum(10)}}, {"tags": {"$in": ["birds", "moths"]}},
                          {"deletedAt": {"$exists": False}}, {"score": {"$gte": 3}, "status": {"$ne": "hidden"}}])
            b.x("/parse/classes/Note?" + qs([("where", jdump(where)), ("limit", "100"), ("order", "-createdAt")], enc=euri), dt=(3, 20))
        b.note("Parse dashboard: where={\"status\":{\"$ne\":\"hidden\"}}-style queries")
    else:
        b.open(JSONAPI, "/whats-on", ref=arrival(0.5, 0.3))
        for _ in range(R.randint(1, 3)):
            q = "filter[status]=1&filter[date][condition][path]=field_date&filter[date][condition][operator]=%3E%3D&filter[date][condition][value]=2026-01-21&include=field_venue,field_image&fields[node--event]=title,field_date,field_venue&sort=field_date&page[limit]=12&page[offset]=" + str(12 * R.randint(0, 3))
            b.x("/jsonapi/node/event?" + q, dt=(2, 20))
        b.note("events listing through Drupal JSON:API filters (filter[date][condition][operator]=%3E%3D)")


GRAYLOG = Site("logs.nimbus-ops.example", css=["/assets/" + hexs(20) + ".css"], js=["/assets/vendor." + hexs(20) + ".js", "/assets/app." + hexs(20) + ".js"], h2=True)
SENTRY = Site("errors.opsline.example", css=["/_static/dist/sentry/entrypoints/sentry.css"], js=["/_static/dist/sentry/entrypoints/app.js"])
SPLUNK = Site("splunk.brightwater-corp.example", css=["/en-US/static/@" + hexs(12) + "/build/css/bootstrap-enterprise.css"],
              js=["/en-US/static/@" + hexs(12) + "/js/i18n.js", "/en-US/static/@" + hexs(12) + "/build/pages/enterprise/search.js"], h2=False)
LOG_Q = ["status:500 AND NOT path:/health", "status:500 AND NOT path:/health", "source:web-1 AND level:ERROR", "request:/api/orders* AND response_time:>2000",
         "message:\"connection refused\" AND host:db-1.internal", "user_agent:*sqlmap* OR user_agent:*Nikto*", "path:\\/wp-login.php AND status:404",
         "NOT _exists_:user_id", "client_ip:203.0.113.0\\/24", "message:\"SELECT * FROM\" AND level:WARN", "path:*..%2F*", "status:[500 TO 599]"]
LOG_FIRST = ["status:500 AND NOT path:/health", "status:[500 TO 599]", "status:500 AND NOT path:/health", "source:web-1 AND level:ERROR"]
SPL = ["index=web sourcetype=access_combined status>=500 | stats count by uri_path | sort -count",
       "index=web uri_path=\"*/admin*\" | top clientip", "index=app \"OutOfMemoryError\" | timechart span=5m count",
       "index=web useragent=\"*curl*\" | table _time clientip uri_path status",
       "index=auth action=failure | stats count by user src_ip | where count > 10",
       "index=web | rex field=uri_query \"id=(?<id>\\d+)\" | stats dc(id)"]


def logsearch_session(b):
    which = rotw([("graylog", 4), ("sentry", 3), ("splunk", 4), ("loki", 2)])
    if which == "graylog":
        b.open(GRAYLOG, "/search", ref=NONE, xhr=[("GET", None, "/api/system/sessionid"), ("GET", None, "/api/streams")])
        for q in [rot(LOG_FIRST)] + rot(LOG_Q, R.randint(0, 3)):
            b.push("/search?" + qs([("q", q), ("rangetype", "relative"), ("relative", pick(["300", "3600", "86400"]))]))
            b.x("/api/views/search/%s/execute" % hexs(24), method="POST", dt=(5, 40))
            b.note("Graylog search [%s]" % q)
            if chance(0.4):
                b.open(GRAYLOG, "/search?" + qs([("q", q), ("rangetype", "relative"), ("relative", "3600")]), ref=NONE, think=(5, 30))
    elif which == "sentry":
        b.open(SENTRY, "/organizations/acme/issues/?project=%d&query=%s&statsPeriod=14d" % (R.randint(2, 9), form(pick(["is:unresolved", "is:unresolved url:*admin*", "is:unresolved transaction:/api/search"]))), ref=from_mail())
        for _ in range(R.randint(1, 3)):
            q = pick(["is:unresolved error.type:OperationalError", "message:\"syntax error at or near\"", "url:*/export?format=csv*", "user.email:*@gmail.com",
                      "!has:user release:4.2.0", "browser.name:\"Mobile Safari\" level:error"])
            b.x("/api/0/organizations/acme/issues/?" + qs([("collapse", "stats"), ("expand", "owners"), ("limit", "25"), ("query", q), ("shortIdLookup", "1"), ("statsPeriod", "14d")], enc=euri), dt=(5, 40))
            b.note("Sentry issue search [%s]" % q)
        iid = R.randint(10 ** 6, 10 ** 7)
        b.open(SENTRY, "/organizations/acme/issues/%d/?project=4&query=is%%3Aunresolved&referrer=issue-stream&stream_index=0" % iid,
               xhr=[("GET", None, "/api/0/organizations/acme/issues/%d/events/latest/?collapse=stacktraceOnly" % iid)])
    elif which == "splunk":
        b.open(SPLUNK, "/en-US/app/search/search", ref=NONE)
        for spl in rot(SPL, R.randint(1, 3)):
            sid = "%d.%d" % (epoch(b.t), R.randint(100, 9999))
            b.open(SPLUNK, "/en-US/app/search/search?" + qs([("q", "search " + spl), ("display.page.search.mode", "smart"), ("dispatch.sample_ratio", "1"),
                                                              ("earliest", "-24h@h"), ("latest", "now"), ("sid", sid)]), think=(3, 10))
            for _ in range(R.randint(2, 4)):
                b.x("/en-US/splunkd/__raw/servicesNS/%s/search/search/jobs/%s/results_preview?output_mode=json&count=20&offset=0&_=%d" % (pick(["admin", "jdoe"]), sid, epoch(b.t) * 1000), dt=(1, 4))
            b.note("Splunk search [%s]" % spl)
    else:
        expr = pick(['{app="web"} |= "error" != "healthcheck"', '{namespace="prod", app=~"api|worker"} | json | status >= 500',
                     'sum by (status) (rate({job="nginx"} | pattern "<ip> - - <_> \\"<method> <path> <_>\\" <status> <_>" [5m]))'])
        panes = jdump({b64u(3): {"datasource": "loki", "queries": [{"refId": "A", "expr": expr, "queryType": "range", "datasource": {"type": "loki", "uid": "loki"}}],
                                 "range": {"from": "now-1h", "to": "now"}}})
        b.open(GRAFANA, "/explore?schemaVersion=1&panes=%s&orgId=1" % ng_enc(panes), ref=NONE, xhr=[("POST", None, "/api/ds/query?ds_type=loki&requestId=explore_%s" % b64u(3))])
        b.x("/api/datasources/uid/loki/resources/index/volume?" + qs([("query", expr.split("|")[0].strip()), ("start", str(epoch(b.t) * 10 ** 9 - 3600 * 10 ** 9)),
                                                                      ("end", str(epoch(b.t) * 10 ** 9))], enc=euri))
        b.note("Loki query in Grafana Explore [%s]" % expr)


GQLAPI = Site("api.opsline.example", css=["/graphiql/graphiql.min.css"], js=["/graphiql/react.production.min.js", "/graphiql/graphiql.min.js"])
STORE = Site("www.threadcount-store.example", css=["/_next/static/css/" + hexs(16) + ".css"], js=["/_next/static/chunks/main-" + hexs(16) + ".js"])
MICRO = Site("x.plaza-social.example", css=[], js=["/responsive-web/client-web/main." + hexs(8) + ".js"])


GQL_TYPED = ["{ user(id:1){name} }", "{ user(id:1){name} }", "{ repository(owner:\"acme\", name:\"api\"){ issues(first:5){ nodes{ title } } } }", "query{viewer{login}}",
             "{ user(id:1){name} }", "{ __typename }", "{ orders(status:OPEN){ id total } }"]


def graphql_session(b):
    which = rotw([("graphiql", 4), ("apq", 3), ("micro", 3), ("get", 5)])
    if which == "graphiql":
        b.open(GQLAPI, "/graphiql", ref=NONE)
        for _ in range(R.randint(1, 4)):
            qtext = pick(["{\n  user(id: 1) {\n    name\n    email\n  }\n}", "query Orders($first: Int) {\n  orders(first: $first, where: {status: OPEN}) {\n    id\n    total\n  }\n}",
                          "{\n  search(q: \"o'neil\") {\n    __typename\n    ... on User { name }\n  }\n}", "mutation {\n  archiveIssue(id: \"42\") { ok }\n}"])
            b.x("/graphql", method="POST", dt=(10, 90))
            b.push("/graphiql?query=" + euri(qtext) + ("&variables=" + euri('{"first": 10}') if "$first" in qtext else ""))
        if chance(0.6):
            b.open(GQLAPI, b.page.split(GQLAPI.host, 1)[1], ref=NONE)
            b.note("reopened a shared GraphiQL link (query= with %0A line breaks)")
        b.note("GraphiQL explorer")
    elif which == "apq":
        b.open(STORE, "/products/%s" % slug(pick(["Linen shirt", "Wool socks 3-pack", "Canvas tote"])), ref=arrival(0.5, 0.3))
        for op in sample(["GetProduct", "GetRecommendations", "GetCart", "GetReviews"], R.randint(2, 4)):
            v = jdump({"handle": slug(pick(["Linen shirt", "Wool socks"])), "first": 8} if op != "GetCart" else {"cartId": "gid://shop/Cart/" + b64u(26)})
            ext = jdump({"persistedQuery": {"version": 1, "sha256Hash": hexs(64)}})
            b.x("/api/graphql?operationName=%s&variables=%s&extensions=%s" % (op, euri(v), euri(ext)))
        b.note("shop using Apollo persisted queries by GET (variables= and extensions= JSON)")
    elif which == "micro":
        handle = pick(["nasa", "bbcnews", "ferrytimes", "met_office"])
        b.open(MICRO, "/" + handle, ref=pick([NONE, from_search()]))
        for op in ["UserByScreenName", "UserTweets"] + (["TweetDetail"] if chance(0.5) else []):
            v = jdump({"screen_name": handle, "withSafetyModeUserFields": True} if op == "UserByScreenName" else {"userId": str(R.randint(10 ** 8, 10 ** 9)), "count": 20, "includePromotedContent": True})
            f = jdump({"hidden_profile_subscriptions_enabled": True, "responsive_web_graphql_exclude_directive_enabled": True, "verified_phone_label_enabled": False})
            b.x("/i/api/graphql/%s/%s?variables=%s&features=%s" % (b64u(22), op, euri(v), euri(f)))
        b.note("social profile page: GraphQL GETs with variables= and features= JSON")
    else:
        for _ in range(R.randint(1, 3)):
            q = rot(GQL_TYPED)
            b.open(GQLAPI, "/graphql?query=" + typed(q), ref=NONE, size=R.randint(80, 900), assets=False, think=(10, 60))
            b.note("typed a GraphQL query into the address bar: %s" % q)


# ================================================================== 6. people who get lost, apps and readers
SMALLBIZ = Site("www.ferncroft-bakery.example", css=["/css/main.css?v=4"], js=["/js/main.js?v=4"], imgs=["/img/logo.svg", "/img/loaves.jpg"])
TOWNHALL = Site("www.oakvale-council.example", css=["/themes/oakvale/css/style.min.css"], js=["/themes/oakvale/js/script.min.js"], imgs=["/themes/oakvale/logo.svg"])
MUSEUM = Site("www.harbour-museum.example", css=["/static/css/museum.css"], js=["/static/js/museum.js"], imgs=["/static/img/logo.png"], h2=False)


def mistype_session(b):
    site = pick([SMALLBIZ, TOWNHALL, MUSEUM])
    typos = {SMALLBIZ.host: [("/contcat", "/contact"), ("/Menu", "/menu"), ("/order.html", "/order/"), ("/opening-hours.", "/opening-hours"),
                             ("/cakes)", "/cakes"), ("//about", "/about")],
             TOWNHALL.host: [("/bins", "/bins-and-recycling"), ("/council-tax/pay)", "/council-tax/pay"), ("/planing", "/planning"),
                             ("/parking-permits%E2%80%8B", "/parking-permits"), ("/en/en/contact", "/contact"), ("/Council-Tax", "/council-tax")],
             MUSEUM.host: [("/exhibitions/whales.", "/exhibitions/whales"), ("/tickets.php", "/tickets"), ("/vist", "/visit"),
                           ("/shop/search?q=tide clock", "/shop/?q=tide+clock"), ("/index.htm", "/")]}[site.host]
    b.open(site, "/", ref=arrival(0.4, 0.5))
    for bad, good in sample(typos, R.randint(1, 3)):
        b.wait(5, 60)
        st = 301 if bad.lower() == good.lower() and bad != good else 404
        if bad.startswith("//"):
            st = 404
        if st == 301:
            b.open(site, bad, ref=NONE, status=301, to=(site, good))
        else:
            b.open(site, typed(bad), ref=NONE, status=404)
            if chance(0.5):
                b.reload()
            b.open(site, good, ref=AUTO if chance(0.5) else NONE)
        b.note("typed %s (%s), then %s" % (bad, st, good))
    if chance(0.4):
        b.open(site, "/images/", ref=NONE, status=403)
        b.note("tried a directory URL: 403")
    if chance(0.5):
        b.back(site, "/", NONE)
        b.open(site, pick(["/about", "/contact", "/news"]))


OLDBOOK = Site("www.pennywhistle-toys.example", css=["/css/shop.css"], js=["/js/shop.js"], imgs=["/img/logo.png"])


def lost_session(b):
    """Old bookmarks and stale links, back and forth, reloads."""
    site = pick([OLDBOOK, MUSEUM, TOWNHALL])
    old = pick(["/cgi-bin/shop.pl?item=%d&cat=toys" % R.randint(10, 99), "/default.asp?id=%d" % R.randint(10, 400), "/catalogue.php3?section=trains",
                "/index.php?option=com_content&view=article&id=%d&Itemid=%d" % (R.randint(10, 90), R.randint(100, 200)), "/shop/item.cfm?sku=PW-%d" % R.randint(100, 999),
                "/news/2011/05/summer-fair.html"])
    moved = chance(0.5)
    if moved:
        b.open(site, old, ref=NONE, status=301, to=(site, "/"))
    else:
        b.open(site, old, ref=NONE, status=404)
    b.note("old bookmark %s (%s)" % (old, "301 home" if moved else "404"))
    words, paths = {OLDBOOK.host: (["wooden train", "gift card", "spinning top"], ["/products/wooden-train-set", "/products/gift-card", "/products/spinning-top", "/about/", "/delivery/"]),
                    MUSEUM.host: (["opening times", "whale skeleton", "group visits"], ["/visit", "/visit/group-visits", "/exhibitions/whales", "/shop/", "/events/"]),
                    TOWNHALL.host: (["summer fair", "bin collection", "parking permit"], ["/events/summer-fair", "/bins-and-recycling", "/parking-permits", "/council-tax", "/contact"])}[site.host]
    b.open(site, "/search?q=" + form(pick(words)), ref=AUTO)
    for _ in range(R.randint(1, 4)):
        p = pick(paths)
        b.open(site, p, imgs=["/img/p/%d.jpg" % R.randint(100, 999)])
        if chance(0.4):
            b.back(site, "/", NONE)
        if chance(0.3):
            b.reload()
    if chance(0.3):
        b.open(site, "/account/orders", ref=AUTO, status=403)
        b.note("clicked 'my orders' while signed out: 403")
        b.open(site, "/account/login?return=%2Faccount%2Forders")


# ---- native mobile apps with their own User-Agents (no Referer, no page assets)
APPS = {
    "transit-ios": (("app", True, "TransitPal/4.12.1 (iPhone; iOS 26.2; Scale/3.00)"), "api.metrolink-transit.example"),
    "transit-android": (("app", True, "okhttp/4.12.0"), "api.metrolink-transit.example"),
    "shop-ios": (("app", True, "Northwind/7.4.2 (com.northwind.shop; build:7421; iOS 26.2.0) Alamofire/5.10.2"), "api.northwind-shop.example"),
    "shop-android": (("app", True, "Northwind/7.4.2 (Android 15; SM-S921B; build 7421) okhttp/4.12.0"), "api.northwind-shop.example"),
    "news-ios": (("app", True, "DailyBrief/5.3.0 CFNetwork/3860.300.31 Darwin/25.2.0"), "api.dailybrief.example"),
    "fitness-android": (("app", False, "Dart/3.6 (dart:io)"), "api.stridelog.example"),
    "podcast-ios": (("app", True, "AppleCoreMedia/1.0.0.23C55 (iPhone; U; CPU OS 26_2 like Mac OS X; en_gb)"), "media.harborline-podcasts.example"),
    "podcast-android": (("app", True, "AntennaPod/3.7.0"), "media.harborline-podcasts.example"),
}
for _k, (_u, _h) in APPS.items():
    SITE_H2.setdefault(_h, True)
SITE_H2["api.stridelog.example"] = False


def app_session(b):
    key = b.uakey
    host = APPS[key][1]
    now = epoch(b.t)

    def call(path, method="GET", status=200, size=None, gap=(0.3, 4)):
        b.t += R.uniform(*gap)
        b.hit(method, host, path, status, sz("json") if size is None else size, NONE)

    if key.startswith("transit"):
        lat, lon = R.uniform(53.40, 53.52), R.uniform(-2.35, -2.15)
        call("/v2/config?platform=%s&version=4.12.1" % ("ios" if "ios" in key else "android"))
        call("/v2/stops/nearby?lat=%.5f&lon=%.5f&radius=400" % (lat, lon))
        for _ in range(R.randint(2, 8)):
            call("/v2/departures?stop=%s&limit=10&realtime=true" % pick(["1800SB04721", "1800NE43431", "9400ZZMAPIC"]), gap=(15, 40))
        call("/v2/journeys?from=%.5f,%.5f&to=%s&time=%s&arriveBy=false&modes=TRAM,BUS,RAIL" % (lat, lon, euri(pick(["Piccadilly Gardens", "St Peter's Square", "Deansgate-Castlefield"])),
                                                                                       euri((T0 + datetime.timedelta(seconds=int(b.t))).strftime("%Y-%m-%dT%H:%M:%SZ"))))
        if chance(0.5):
            call("/v2/tickets/wallet?cursor=" + b64url_of(jdump({"o": 0, "ts": now})))
        b.note("transit app: nearby stops, departures polled, a journey plan")
    elif key.startswith("shop"):
        call("/api/v3/session/refresh", method="POST")
        call("/api/v3/home?segment=%s" % pick(["new", "returning"]))
        for _ in range(R.randint(1, 3)):
            q = pick(["rain jacket", "kids' wellies", "linen shirt 16\"", "socks 3-pack", "bag < 30l"])
            call("/api/v3/products/search?" + qs([("query", q), ("filter", jdump({"size": ["M"], "price": {"lte": 60}})), ("cursor", "")], enc=euri))
            for _ in range(R.randint(2, 6)):
                b.t += R.uniform(0.05, 0.4)
                b.hit("GET", "img.northwind-shop.example", "/p/%d/%s.jpg?width=%d&format=webp" % (R.randint(10 ** 5, 10 ** 6), hexs(8), pick([320, 640])), 200, sz("img"), NONE)
            call("/api/v3/products/%d" % R.randint(10 ** 5, 10 ** 6), gap=(5, 30))
        if chance(0.5):
            call("/api/v3/cart/items", method="POST", status=201)
            call("/api/v3/checkout/payment-return?" + qs([("redirectResult", b64std(R.randint(200, 400))), ("merchantReference", "NW-%d" % R.randint(10 ** 6, 10 ** 7))], enc=euri), gap=(60, 200))
            b.note("paid in-app; payment return with redirectResult=<base64>")
        SITE_H2["img.northwind-shop.example"] = True
        b.note("shop app searches with filter= JSON")
    elif key == "news-ios":
        call("/api/feed?section=top&limit=30")
        for _ in range(R.randint(2, 5)):
            call("/api/feed?section=%s&since=%d&cursor=%s" % (pick(["world", "uk", "business", "tech"]), now - 3600, b64url_of(jdump({"after": R.randint(10 ** 5, 10 ** 6)}))), gap=(20, 200))
            call("/api/articles/%d?fields=body,images,related" % R.randint(10 ** 5, 10 ** 6))
        b.note("news app feed with base64 cursors")
    elif key == "fitness-android":
        call("/api/auth/token", method="POST")
        call("/api/activities?after=%d&per_page=30" % (now - 86400 * 30))
        call("/api/activities", method="POST", status=201, gap=(10, 60))
        call("/api/activities/%d/streams?keys=latlng,time,altitude&key_by_type=true" % R.randint(10 ** 9, 10 ** 10))
        call("/api/segments/explore?bounds=%.4f,%.4f,%.4f,%.4f&activity_type=running" % (51.45, -2.62, 51.48, -2.55))
        b.note("fitness app uploaded a run")
    else:
        ep = R.randint(180, 230)
        call("/feeds/harborline-weekly.xml", size=sz("xml"))
        size = R.randint(30, 70) * 10 ** 6
        off = 0
        for _ in range(R.randint(3, 8)):
            ln = min(size - off, R.randint(2, 8) * 10 ** 6)
            b.t += R.uniform(1, 30)
            b.hit("GET", host, "/episodes/hw-%d.mp3?source=feed&aid=%s" % (ep, hexs(8)), 206, ln, NONE)
            off += ln
        b.note("podcast app: feed, then an episode in ranges (206)")


# ---- RSS readers on the person's own device
READERS = [("app", True, "NetNewsWire (RSS Reader; https://netnewswire.com/)"),
           ("app", True, "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Thunderbird/140.6.0"),
           ("app", False, "Liferea/1.15.8 (Linux; en_GB.UTF-8; https://lzone.de/liferea/)"),
           ("app", True, "Reeder/5050.1 CFNetwork/3860.300.31 Darwin/25.2.0"),
           ("app", False, "Akregator/6.5.1; syndication")]
FEEDS = [("blog.quietharbour.example", "/feed/"), ("blog.quietharbour.example", "/comments/feed/"), ("www.harborline.example", "/?feed=rss2"),
         ("www.oakvale-council.example", "/index.php?option=com_content&view=category&id=8&format=feed&type=rss"),
         ("forum.trailrunners.example", "/latest.rss"), ("www.cs.northfield-univ.example", "/~alice/blog/index.xml"),
         ("code.gitforge.example", "/acme/storefront/releases.rss"), ("lemmy.fediverse-town.example", "/feeds/c/technology.xml?sort=Active"),
         ("wiki.riverside-makers.example", "/index.php?title=Special:RecentChanges&feed=atom"), ("www.tubelet.example", "/feeds/videos.xml?channel_id=UC" + b64u(22)),
         ("news.headlinehub.example", "/rss/search?q=" + form("\"tidal energy\" when:7d") + "&hl=en-GB&gl=GB&ceid=GB:en"),
         ("docs.shellcraft.example", "/feeds/all.atom.xml"), ("www.brightline-news.example", "/rss.xml")]


def rss_session(b):
    feeds = sample(FEEDS, R.randint(3, 8))
    polls = R.randint(2, 6)
    period = pick([1800, 3600, 3600, 7200])
    for i in range(polls):
        for host, path in feeds:
            b.t += R.uniform(0.1, 1.5)
            b.hit("GET", host, path, 200 if (i == 0 or chance(0.25)) else 304, sz("xml"), NONE)
        b.t += period + R.uniform(-60, 60)
    b.note("RSS reader polling %d feeds every %d min (200/304)" % (len(feeds), period // 60))


# ================================================================== who is out there
SINGLES = [
    # kind, count, session, ua mix
    ("java-jsessionid-user", 9, opac_session, "any"),
    ("java-jsessionid-user", 7, rail_session, "any"),
    ("java-jsessionid-user", 5, portal_session, "desktop"),
    ("java-jsessionid-user", 5, reg_session, "any"),
    ("php-shop-payment-return", 22, php_shop_session, "any"),
    ("coldfusion-cfid-user", 15, cf_session, "mostly-desktop"),
    ("oidc-sso-login", 24, oidc_session, "mostly-desktop"),
    ("saml-sso-login", 15, saml_session, "mostly-desktop"),
    ("jwt-link-user", 18, jwt_session, "any"),
    ("signed-download-user", 18, signed_session, "mostly-desktop"),
    ("aspnet-webforms-user", 16, webforms_session, "mostly-desktop"),
    ("spring-webflow-user", 14, webflow_session, "any"),
    ("protobuf-token-user", 15, protobuf_session, "any"),
    ("image-proxy-viewer", 17, imgproxy_session, "any"),
    ("docs-searcher", 32, docs_session, "dev"),
    ("security-docs-reader", 10, secdocs_session, "dev"),
    ("registry-searcher", 16, registry_session, "dev"),
    ("qa-searcher", 22, qa_session, "dev"),
    ("code-searcher", 14, code_search_session, "dev"),
    ("link-redirect-clicker", 22, redirect_session, "any"),
    ("oauth-developer", 14, oauth_dev_session, "dev"),
    ("ops-dashboard-user", 22, ops_session, "dev"),
    ("webhook-config-user", 12, webhook_session, "dev"),
    ("link-preview-user", 14, preview_session, "mostly-desktop"),
    ("multiline-form-user", 20, multiline_session, "any"),
    ("tilde-homepage-visitor", 14, tilde_session, "mostly-desktop"),
    ("json-filter-user", 19, filter_session, "dev"),
    ("log-search-user", 14, logsearch_session, "dev"),
    ("graphql-get-user", 14, graphql_session, "dev"),
    ("mistyper", 14, mistype_session, "any"),
    ("lost-visitor", 10, lost_session, "any"),
]
APP_KINDS = [("transit-ios", 4), ("transit-android", 3), ("shop-ios", 3), ("shop-android", 3), ("news-ios", 3), ("fitness-android", 2),
             ("podcast-ios", 2), ("podcast-android", 2)]
RSS_COUNT = 12

# the groups the README counts sources by (not used to generate anything)
GROUP_KIND = {
    "java-jsessionid-user": "session ids in URLs", "php-shop-payment-return": "session ids in URLs", "coldfusion-cfid-user": "session ids in URLs",
    "oidc-sso-login": "session ids in URLs", "saml-sso-login": "session ids in URLs",
    "jwt-link-user": "tokens in queries", "signed-download-user": "tokens in queries", "aspnet-webforms-user": "tokens in queries",
    "spring-webflow-user": "tokens in queries", "protobuf-token-user": "tokens in queries", "image-proxy-viewer": "tokens in queries",
    "docs-searcher": "code in search boxes", "security-docs-reader": "code in search boxes", "registry-searcher": "code in search boxes",
    "qa-searcher": "code in search boxes", "code-searcher": "code in search boxes",
    "link-redirect-clicker": "URLs and hosts as values", "oauth-developer": "URLs and hosts as values", "ops-dashboard-user": "URLs and hosts as values",
    "webhook-config-user": "URLs and hosts as values", "link-preview-user": "URLs and hosts as values",
    "multiline-form-user": "forms, tildes, filters, query languages", "tilde-homepage-visitor": "forms, tildes, filters, query languages",
    "json-filter-user": "forms, tildes, filters, query languages", "log-search-user": "forms, tildes, filters, query languages",
    "graphql-get-user": "forms, tildes, filters, query languages",
    "mistyper": "lost people, apps, readers, shared addresses", "lost-visitor": "lost people, apps, readers, shared addresses",
    "mobile-app": "lost people, apps, readers, shared addresses", "rss-reader": "lost people, apps, readers, shared addresses",
    "household-nat": "lost people, apps, readers, shared addresses", "office-nat": "lost people, apps, readers, shared addresses",
    "cafe-wifi": "lost people, apps, readers, shared addresses", "mobile-cgnat": "lost people, apps, readers, shared addresses",
}

NATS = [
    # kind, count, people range, sessions, ua mix
    ("household-nat", 6, (2, 4), [(mistype_session, 2), (php_shop_session, 2), (jwt_session, 2), (imgproxy_session, 2), (multiline_session, 2),
                                  (protobuf_session, 2), (redirect_session, 2), (tilde_session, 1)], "any"),
    ("office-nat", 4, (3, 5), [(oidc_session, 3), (saml_session, 2), (docs_session, 2), (qa_session, 2), (ops_session, 2), (filter_session, 2),
                               (logsearch_session, 1), (webforms_session, 1), (signed_session, 1)], "office"),
    ("cafe-wifi", 2, (3, 4), [(protobuf_session, 2), (redirect_session, 2), (jwt_session, 1), (mistype_session, 1), (imgproxy_session, 2)], "mostly-mobile"),
    ("mobile-cgnat", 2, (3, 4), [(protobuf_session, 2), (imgproxy_session, 2), (redirect_session, 2), (mistype_session, 1), (php_shop_session, 1)], "mobile"),
]


def start_time():
    """People start between 06:30 and 20:30 UTC, more of them in working hours."""
    hour = wchoice([(6, 2), (7, 5), (8, 8), (9, 10), (10, 10), (11, 9), (12, 8), (13, 9), (14, 9), (15, 8), (16, 7), (17, 6), (18, 5), (19, 4), (20, 2)])
    return hour * 3600 + R.uniform(0 if hour > 6 else 1800, 1800 if hour == 20 else 3600)


def allocate_ips(n):
    seen, out = {}, []
    while len(out) < n:
        ip = "100.74.%d.%d" % (R.randint(64, 127), R.randint(1, 254))
        if ip in seen:
            continue
        seen[ip] = True
        out.append(ip)
    return out


def fit(make, lo=5, hi=80, tries=60):
    """Generate one source; try again (with the next random numbers) until it sent lo..hi requests."""
    for _ in range(tries):
        mark = len(EVENTS)
        desc = make()
        n = len(EVENTS) - mark
        if lo <= n <= hi and max(e[0] for e in EVENTS[mark:]) < DAY - 1:
            return desc
        del EVENTS[mark:]
    raise SystemExit("a source did not fit in %d..%d requests" % (lo, hi))


def run():
    singles = [(kind, fn, mix) for kind, n, fn, mix in SINGLES for _ in range(n)]
    singles += [("mobile-app", app_session, key) for key, n in APP_KINDS for _ in range(n)]
    singles += [("rss-reader", rss_session, "reader")] * RSS_COUNT
    R.shuffle(singles)
    nat_total = sum(n for _, n, _, _, _ in NATS)
    ips = allocate_ips(len(singles) + nat_total)
    info = {}
    for (kind, fn, mix), ip in zip(singles, ips):
        def make(kind=kind, fn=fn, mix=mix, ip=ip):
            if kind == "mobile-app":
                b = Browser(ip, mix, start_time(), ua=APPS[mix][0])
            elif kind == "rss-reader":
                r = pick(READERS)
                b = Browser(ip, r[2].split(" (")[0].split("/")[0] if "Thunderbird" not in r[2] else "Thunderbird", start_time(), ua=r)
            else:
                b = Browser(ip, ua_pick(mix), start_time())
            fn(b)
            if kind not in ("mobile-app", "rss-reader") and chance(0.25):
                # comes back later in the day and does the same kind of thing again
                b.wait(600, 5400)
                b.note("(later that day)")
                fn(b)
            if kind == "rss-reader" and chance(0.5):
                # opens one item in the desktop or phone browser
                w = Browser(ip, pick(["safari-mac", "chrome-mac"]) if ("Darwin" in b.ua or "NetNewsWire" in b.ua) else pick(["ff-linux", "chrome-linux"]),
                            b.t - R.uniform(600, 3000))
                w.open(BLOGWP, "/2026/01/%s/?utm_source=rss&utm_medium=rss&utm_campaign=%s" % (slug(pick(["Seven quiet coves", "Notes from a night ferry"])), slug("Seven quiet coves")), ref=NONE)
                b.note("opened a post from the reader in %s" % w.uakey)
            who = b.uakey if kind != "mobile-app" else b.ua.split(" (")[0]
            return "1 person, %s; %s" % (who, "; ".join(b.notes) or "browsing")
        info[ip] = (kind, fit(make))
    k = len(singles)
    for kind, n, per, sess, mix in NATS:
        for _ in range(n):
            ip = ips[k]
            k += 1

            def make(ip=ip, per=per, sess=sess, mix=mix, kind=kind):
                t0 = start_time()
                people = R.randint(*per)
                notes, uas = [], []
                for _ in range(people):
                    if mix == "office":
                        uk = pick(["edge-win", "edge-win", "edge-win-143", "chrome-win", "chrome-mac"])
                    else:
                        uk = ua_pick(mix)
                    b = Browser(ip, uk, t0 + R.uniform(0, 3 * 3600))
                    uas.append(uk)
                    wchoice(sess)(b)
                    notes.append("%s: %s" % (uk, "; ".join(b.notes[:2]) or "browsing"))
                return "%d people, %d user agents; %s" % (people, len(dict.fromkeys(uas)), " | ".join(notes))
            info[ip] = (kind, fit(make, hi=80))
    return info


def esc(s):
    """nginx's escaping in access logs: \\" \\\\ and bytes outside printable ASCII as \\xHH."""
    out = []
    for ch in s:
        o = ord(ch)
        if ch in '"\\' or o < 0x20 or o > 0x7e:
            out.append("".join("\\x%02X" % c for c in ch.encode("utf-8")))
        else:
            out.append(ch)
    return "".join(out)


def write(info):
    EVENTS.sort(key=lambda e: (int(e[0]), e[1]))
    with open(os.path.join(HERE, "benign.log"), "w", encoding="ascii", newline="\n") as f:
        for t, _, ip, m, target, proto, st, size, ref, ua in EVENTS:
            ts = (T0 + datetime.timedelta(seconds=int(t))).strftime("%d/%b/%Y:%H:%M:%S +0000")
            f.write('%s - - [%s] "%s %s %s" %d %d "%s" "%s"\n' % (ip, ts, m, esc(target), proto, st, size, esc(ref), esc(ua)))
    order = list(dict.fromkeys(e[2] for e in EVENTS))
    with open(os.path.join(HERE, "benign.labels"), "w", encoding="utf-8", newline="\n") as f:
        for ip in order:
            f.write("%s\tbenign\t%s\n" % (ip, info[ip][0]))
    with open(os.path.join(HERE, "sources.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for ip in order:
            f.write("%s\t%s\t%s\n" % (ip, info[ip][0], info[ip][1].replace("\t", " ").replace("\n", " ")[:600]))
    for name in ("attacks.log", "attacks.labels"):
        open(os.path.join(HERE, name), "w").close()


if __name__ == "__main__":
    write(run())
