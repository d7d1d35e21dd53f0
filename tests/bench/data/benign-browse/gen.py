#!/usr/bin/env python3
"""Benign browser traffic by people, for false-positive measurement.

Writes benign.log (nginx combined, time-ordered), benign.labels and empty
attacks.log / attacks.labels next to this file.  Stdlib only, fixed seed:
every run gives the same bytes.
"""
import datetime
import ipaddress
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(20251115)
T0 = datetime.datetime(2025, 11, 15, 9, 0, 0, tzinfo=datetime.timezone.utc)
SPAN = 6 * 3600          # visitors start within six hours

# ---------------------------------------------------------------- encoding
_UNRES_FORM = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-._")
_UNRES_EURI = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()")
_PATH_SAFE = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~!$&'()*+,;=:@/")


def form(s):
    """application/x-www-form-urlencoded, as an HTML GET form submits."""
    out = []
    for b in s.encode("utf-8"):
        if b == 0x20:
            out.append("+")
        elif b in _UNRES_FORM:
            out.append(chr(b))
        else:
            out.append("%%%02X" % b)
    return "".join(out)


def euri(s, firefox=False):
    """encodeURIComponent; Firefox's URL parser then also escapes ' in a query."""
    out = []
    for b in s.encode("utf-8"):
        if b in _UNRES_EURI and not (firefox and b == 0x27):
            out.append(chr(b))
        else:
            out.append("%%%02X" % b)
    return "".join(out)


def pq(s):
    """A path segment as a browser sends it (non-ASCII and space escaped)."""
    out = []
    for b in s.encode("utf-8"):
        out.append(chr(b) if b in _PATH_SAFE else "%%%02X" % b)
    return "".join(out)


def qs(pairs):
    return "&".join("%s=%s" % (k, form(v)) for k, v in pairs)


def hexs(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def b64u(n):
    a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    return "".join(R.choice(a) for _ in range(n))


def alnum(n):
    a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(R.choice(a) for _ in range(n))


# ---------------------------------------------------------------- user agents
UA = {
    "chrome_win": [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36",
    ],
    "chrome_mac": [
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
    ],
    "chrome_linux": [
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    ],
    "chromeos": [
        "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
    ],
    "chrome_android": [
        "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36",
    ],
    "chrome_ios": [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
    ],
    "edge": [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0",
    ],
    "firefox": [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
        "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:132.0) Gecko/20100101 Firefox/132.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
    ],
    "firefox_android": [
        "Mozilla/5.0 (Android 14; Mobile; rv:132.0) Gecko/132.0 Firefox/132.0",
    ],
    "safari_mac": [
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15",
    ],
    "safari_iphone": [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0.1 Mobile/15E148 Safari/604.1",
    ],
    "safari_ipad": [
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
    ],
    "old_ipad": [
        "Mozilla/5.0 (iPad; CPU OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (iPad; CPU OS 9_3_5 like Mac OS X) AppleWebKit/601.1.46 (KHTML, like Gecko) Version/9.0 Mobile/13G36 Safari/601.1",
        "Mozilla/5.0 (iPad; CPU OS 10_3_4 like Mac OS X) AppleWebKit/603.3.8 (KHTML, like Gecko) Version/10.0 Mobile/14G61 Safari/602.1",
    ],
    "samsung": [
        "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
    ],
    "opera": [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0",
        "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36 OPR/85.0.0.0",
    ],
    "yandex": [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 YaBrowser/24.7.0.0 Safari/537.36",
    ],
    "whale": [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Whale/3.28.266.14 Safari/537.36",
    ],
    "ddg_ios": [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 DuckDuckGo/7 Safari/605.1.15",
    ],
    "fb_ios": [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/22B83 [FBAN/FBIOS;FBAV/489.0.0.43.107;FBBV/671290235;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/18.1;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5;FBRV/673601285]",
    ],
    "fb_android": [
        "Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.107 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/488.0.0.61.109;]",
    ],
    "instagram": [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 356.0.0.41.97 (iPhone14,5; iOS 17_6_1; en_US; en; scale=3.00; 1170x2532; 656137421)",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240905.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.102 Mobile Safari/537.36 Instagram 355.0.0.35.108 Android (34/14; 420dpi; 1080x2205; Google/google; Pixel 8; shiba; shiba; en_US; 652109362)",
    ],
    "tiktok": [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 musical_ly_36.5.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/en Region/US RevealType/Dialog isDarkMode/0 WKWebView/1 BytedanceWebview/d8a21c6",
        "Mozilla/5.0 (Linux; Android 13; SM-A546B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/129.0.6668.100 Mobile Safari/537.36 trill_360404 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/trill app_version/36.4.4 ByteLocale/en ByteFullLocale/en Region/GB Spark/1.6.0.3-bugfix AppVersion/36.4.4 BytedanceWebview/d8a21c6",
    ],
    "wechat": [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN",
        "Mozilla/5.0 (Linux; Android 13; V2219A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20240404 MMWEBID/2307 MicroMessenger/8.0.49.2600(0x28003133) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64",
    ],
    "line": [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/14.10.0",
        "Mozilla/5.0 (Linux; Android 14; SC-51D Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.86 Mobile Safari/537.36 Line/14.18.1/IAB",
    ],
    "smart_tv": [
        "Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.5) AppleWebKit/537.36 (KHTML, like Gecko) 85.0.4183.93/6.5 TV Safari/537.36",
        "Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/87.0.4280.88 Safari/537.36 WebAppManager",
        "Mozilla/5.0 (Linux; Android 11; BRAVIA 4K UR3 Build/RTM6.230109.165; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/126.0.6478.134 Mobile Safari/537.36",
    ],
    "kindle": [
        "Mozilla/5.0 (X11; U; Linux armv7l like Android; en-us) AppleWebKit/531.2+ (KHTML, like Gecko) Version/5.0 Safari/531.2+ Kindle/3.0+",
        "Mozilla/5.0 (Linux; Android 9; KFTRWI) AppleWebKit/537.36 (KHTML, like Gecko) Silk/131.4.2 like Chrome/131.0.6778.200 Safari/537.36",
    ],
    "tor": [
        "Mozilla/5.0 (Windows NT 10.0; rv:128.0) Gecko/20100101 Firefox/128.0",
    ],
    "opera_mini": [
        "Opera/9.80 (Android; Opera Mini/84.0.2254/191.303; U; en) Presto/2.12.423 Version/12.16",
    ],
}
# weights of the ordinary browsers a visitor gets (by rough market share)
UA_MIX = [("chrome_win", 24), ("chrome_mac", 8), ("chrome_linux", 2), ("chromeos", 2),
          ("chrome_android", 16), ("chrome_ios", 3), ("edge", 8), ("firefox", 7),
          ("firefox_android", 1), ("safari_mac", 5), ("safari_iphone", 16),
          ("safari_ipad", 2), ("samsung", 4), ("opera", 1), ("yandex", 1), ("whale", 1),
          ("ddg_ios", 1)]


def pick_ua(kind=None):
    if kind is None:
        tot = sum(w for _, w in UA_MIX)
        x = R.uniform(0, tot)
        for k, w in UA_MIX:
            x -= w
            if x <= 0:
                kind = k
                break
        else:
            kind = UA_MIX[-1][0]
    return kind, R.choice(UA[kind])


# ---------------------------------------------------------------- sessions
EVENTS = []          # (time, seq, ip, method, target, status, bytes, referer, ua)
LABELS = []          # (ip, description)
CUR = object()       # "Referer: the page the visitor is on"
NONE = "-"


class Site:
    """One web site: its host and the static files every page pulls."""

    def __init__(self, host, css=(), js=(), fonts=(), imgs=(), favicon=200,
                 touch=404, manifest=None, sw=None, boot_xhr=(), hsize=(18000, 90000)):
        self.host = host
        self.css = list(css)          # (path, size)
        self.js = list(js)            # (path, size)
        self.fonts = list(fonts)      # (path, size), requested by the first css
        self.imgs = list(imgs)        # (path, size) on every page (logo, sprites)
        self.favicon = favicon        # status of /favicon.ico
        self.touch = touch            # status of /apple-touch-icon*.png
        self.manifest = manifest      # path of the web app manifest
        self.sw = sw                  # path of the service worker script
        self.boot_xhr = list(boot_xhr)  # (method, target, status, size) per page
        self.hsize = hsize


def html_size(site):
    return R.randint(*site.hsize)


class Visitor:
    def __init__(self, ip, site, ua_kind=None, ua=None, t=None):
        self.ip = ip
        self.site = site
        if ua is None:
            self.kind, self.ua = pick_ua(ua_kind)
        else:
            self.kind, self.ua = ua_kind or "custom", ua
        self.t = R.uniform(0, SPAN) if t is None else t
        self.cache = set()
        self.page = None          # full URL of the page shown
        self.page_ref = NONE      # the Referer that page was loaded with
        self.page_target = None
        self.ff = "Firefox" in self.ua
        # Firefox and WebKit escape ' in a query (URL standard); Chromium sends it raw
        self.esc_quote = self.ff or ("AppleWebKit/60" in self.ua and "Chrome" not in self.ua) or "Presto" in self.ua
        self.webkit = "Safari" in self.ua and "Chrome" not in self.ua and "Android" not in self.ua
        self.safari_ios = ("iPhone" in self.ua or "iPad" in self.ua) and "CriOS" not in self.ua
        self.pages = 0
        self.hist = {}            # target -> Referer it was first loaded with
        self.returning = R.random() < 0.2   # has the site's files in its cache already

    # low level -----------------------------------------------------------
    def hit(self, method, target, status, size, ref=NONE, dt=0.0):
        if ref is CUR:
            ref = self.page or NONE
        EVENTS.append((self.t + dt, len(EVENTS), self.ip, method, target, status,
                       size, ref, self.ua, self.site.host))

    def url(self, target, host=None):
        return "https://%s%s" % (host or self.site.host, target)

    def wait(self, lo, hi):
        self.t += R.uniform(lo, hi)

    # navigation ----------------------------------------------------------
    def go(self, target, ref=CUR, status=200, size=None, imgs=(), xhr=(),
           think=(6, 70), assets=True, to=None, method="GET"):
        """Open a page (link click, typed URL, redirect chain)."""
        if ref is CUR:
            ref = self.page or NONE
        if status in (301, 302, 303, 307, 308):
            self.hit(method, target, status, R.choice((0, 154, 162, 138)), ref)
            self.t += R.uniform(0.08, 0.4)
            if to is None:
                return
            # the browser keeps the original Referer across the redirect
            if to.startswith("http"):
                return
            return self.go(to, ref=ref, imgs=imgs, xhr=xhr, think=think, assets=assets)
        sz = size if size is not None else (html_size(self.site) if status == 200 else R.randint(900, 6000))
        self.hit(method, target, status, sz, ref)
        self.page = self.url(target)
        self.page_ref = ref
        self.page_target = target
        self.hist[target] = ref
        self.pages += 1
        end = self.subresources(imgs, xhr, assets, status)
        self.t += end + R.uniform(*think)

    def subresources(self, imgs=(), xhr=(), assets=True, status=200):
        s = self.site
        dt = R.uniform(0.08, 0.5)
        end = dt
        page = self.page
        if assets:
            for path, size in s.css + s.js:
                if path in self.cache:
                    continue
                self.cache.add(path)
                d = dt + R.uniform(0.02, 0.35)
                if self.returning:
                    # fresh in cache: nothing sent; stale: revalidated
                    if R.random() < 0.5:
                        self.hit("GET", path, 304, 0, page, d)
                    continue
                self.hit("GET", path, 200, size, page, d)
                end = max(end, d)
            if s.fonts and s.css:
                cssurl = self.url(s.css[0][0])
                for path, size in s.fonts:
                    if path in self.cache:
                        continue
                    self.cache.add(path)
                    d = dt + R.uniform(0.4, 0.9)
                    if self.returning:
                        continue
                    self.hit("GET", path, 200, size, cssurl, d)
                    end = max(end, d)
            for path, size in s.imgs:
                if path in self.cache:
                    continue
                self.cache.add(path)
                d = dt + R.uniform(0.2, 0.9)
                self.hit("GET", path, 200, size, page, d)
                end = max(end, d)
        for it in imgs:
            path, size = it[0], it[1]
            st = it[2] if len(it) > 2 else 200
            if path in self.cache:
                continue
            self.cache.add(path)
            d = dt + R.uniform(0.25, 1.8)
            self.hit("GET", path, st, size if st == 200 else R.randint(150, 600), page, d)
            end = max(end, d)
        if assets and status == 200:
            for x in s.boot_xhr:
                d = dt + R.uniform(0.6, 2.2)
                self.hit(x[0], x[1], x[2], x[3], page, d)
                end = max(end, d)
        for x in xhr:
            if isinstance(x, str):
                x = ("GET", x, 200, R.randint(200, 9000))
            d = dt + R.uniform(0.6, 2.6)
            self.hit(x[0], x[1], x[2], x[3], page, d)
            end = max(end, d)
        if self.pages == 1 and assets:
            d = dt + R.uniform(0.5, 1.6)
            if self.safari_ios and s.touch is not None:
                # iOS asks for touch icons without a Referer
                self.hit("GET", "/apple-touch-icon-precomposed.png", s.touch,
                         R.randint(150, 560) if s.touch != 200 else 9120, NONE, d)
                self.hit("GET", "/apple-touch-icon.png", s.touch,
                         R.randint(150, 560) if s.touch != 200 else 9120, NONE, d + 0.01)
            if "favicon.ico" not in self.cache:
                self.cache.add("favicon.ico")
                self.hit("GET", "/favicon.ico", s.favicon,
                         15086 if s.favicon == 200 else 555, page, d + 0.05)
            if s.manifest and not self.ff and not self.safari_ios and not self.webkit:
                self.hit("GET", s.manifest, 200, 612, page, d + 0.1)
            if s.sw and not self.kind.startswith(("fb_", "instagram", "tiktok", "wechat", "line")):
                self.hit("GET", s.sw, 200, R.randint(1800, 24000), page, d + 0.3)
            end = max(end, d + 0.3)
        return end

    def xhr(self, target, method="GET", status=200, size=None, dt=None):
        """A fetch()/XHR from the page, later in its life (typing, scrolling)."""
        self.t += R.uniform(0.3, 4) if dt is None else dt
        self.hit(method, target, status, R.randint(120, 8000) if size is None else size, CUR)

    def img(self, target, status=200, size=None):
        self.t += R.uniform(0.05, 0.6)
        self.hit("GET", target, status, R.randint(4000, 160000) if size is None else size, CUR)

    def post(self, target, status=302, to=None, size=None, ref=CUR, think=(4, 40),
             imgs=(), xhr=()):
        """Submit a form on the current page; a 302/303 is followed."""
        if ref is CUR:
            ref = self.page or NONE
        if status in (301, 302, 303, 307):
            self.hit("POST", target, status, R.choice((0, 154, 162)), ref)
            self.t += R.uniform(0.1, 0.5)
            if to and not to.startswith("http"):
                self.go(to, ref=ref, think=think, imgs=imgs, xhr=xhr)
            return
        self.hit("POST", target, status,
                 size if size is not None else R.randint(3000, 40000), ref)
        self.pages += 1
        self.page = self.url(target)
        self.page_target = target
        self.page_ref = ref
        end = self.subresources(imgs, xhr, True, status)
        self.t += end + R.uniform(*think)

    def reload(self, think=(5, 40)):
        """F5: same Referer as the original load; Firefox revalidates assets."""
        target = self.page_target
        self.hit("GET", target, 200, html_size(self.site), self.page_ref)
        if self.ff:
            for path, _ in self.site.css + self.site.js:
                self.hit("GET", path, 304, 0, self.page, R.uniform(0.1, 0.5))
        self.t += R.uniform(*think)

    def back(self, target, think=(5, 40)):
        """Back button: normally bfcache (nothing sent); sometimes a reload."""
        if R.random() < 0.3:
            self.hit("GET", target, 200, html_size(self.site), self.hist.get(target, NONE))
        self.page = self.url(target)
        self.page_target = target
        self.t += R.uniform(*think)

    def label(self, desc):
        LABELS.append((self.ip, desc))


# ---------------------------------------------------------------- platforms
def next_site(host, **kw):
    b = alnum(21)
    css = [("/_next/static/css/%s.css" % hexs(16), R.randint(30000, 90000))]
    js = [("/_next/static/chunks/webpack-%s.js" % hexs(16), 3800),
          ("/_next/static/chunks/framework-%s.js" % hexs(16), 140000),
          ("/_next/static/chunks/main-%s.js" % hexs(16), 118000),
          ("/_next/static/chunks/pages/_app-%s.js" % hexs(16), 210000),
          ("/_next/static/%s/_buildManifest.js" % b, 1400),
          ("/_next/static/%s/_ssgManifest.js" % b, 77)]
    fonts = [("/_next/static/media/%s-s.p.woff2" % hexs(20), 48000)]
    st = Site(host, css, js, fonts, **kw)
    st.build = b
    return st


def wp_site(host, theme="astra", **kw):
    css = [("/wp-includes/css/dist/block-library/style.min.css?ver=6.7", 117000),
           ("/wp-content/themes/%s/assets/css/minified/main.min.css?ver=4.8.6" % theme, 52000)]
    js = [("/wp-includes/js/jquery/jquery.min.js?ver=3.7.1", 87000),
          ("/wp-includes/js/jquery/jquery-migrate.min.js?ver=3.4.1", 13500),
          ("/wp-content/themes/%s/assets/js/minified/frontend.min.js?ver=4.8.6" % theme, 9800)]
    fonts = [("/wp-content/themes/%s/assets/fonts/%s.woff" % (theme, theme), 16000)]
    return Site(host, css, js, fonts, **kw)


def mediawiki_site(host, **kw):
    css = [("/w/load.php?lang=en&modules=ext.cite.styles%7Cext.uls.interlanguage%7Cext.visualEditor.desktopArticleTarget.noscript%7Cskins.vector.search.codex.styles%7Cskins.vector.styles%7Cwikibase.client.init&only=styles&skin=vector-2022", 61000),
           ("/w/load.php?lang=en&modules=site.styles&only=styles&skin=vector-2022", 11200)]
    js = [("/w/load.php?lang=en&modules=startup&only=scripts&raw=1&skin=vector-2022", 48000),
          ("/w/load.php?lang=en&modules=jquery%2Coojs-ui-core%7Cmediawiki.base%2Cpage.ready%2Cutil%7Cskins.vector.js&skin=vector-2022&version=" + alnum(5).lower(), 190000)]
    imgs = [("/static/images/icons/wikipedia.png", 13444),
            ("/static/images/mobile/copyright/wikipedia-wordmark-en.svg", 6074)]
    return Site(host, css, js, (), imgs, **kw)


def discourse_site(host, **kw):
    h = hexs(40)
    css = [("/stylesheets/color_definitions_light_2_3_%s.css?__ws=%s" % (hexs(40), host), 4100),
           ("/stylesheets/desktop_%s.css?__ws=%s" % (h, host), 176000)]
    js = [("/assets/vendor-%s.js" % hexs(8), 290000),
          ("/assets/discourse-%s.js" % hexs(8), 820000),
          ("/assets/locales/en-%s.js" % hexs(8), 62000),
          ("/extra-locales/overrides?v=%s" % hexs(40), 120)]
    st = Site(host, css, js, (), [("/uploads/default/original/1X/%s.png" % hexs(40), 6200)],
              boot_xhr=[("POST", "/message-bus/%s/poll" % hexs(32), 200, 160)], **kw)
    return st


def phpbb_site(host, **kw):
    css = [("/assets/css/font-awesome.min.css?assets_version=87", 31000),
           ("/styles/prosilver/theme/stylesheet.css?assets_version=87", 900)]
    js = [("/assets/javascript/jquery-3.7.1.min.js?assets_version=87", 87000),
          ("/assets/javascript/core.js?assets_version=87", 43000),
          ("/styles/prosilver/template/forum_fn.js?assets_version=87", 22000),
          ("/styles/prosilver/template/ajax.js?assets_version=87", 11000)]
    fonts = [("/assets/fonts/fontawesome-webfont.woff2?v=4.7.0", 77160)]
    imgs = [("/styles/prosilver/theme/images/site_logo.svg", 5200),
            ("/styles/prosilver/theme/images/icon_topic.svg", 800)]
    return Site(host, css, js, fonts, imgs, **kw)


def rails_site(host, **kw):
    css = [("/assets/application-%s.css" % hexs(64), 140000)]
    js = [("/assets/application-%s.js" % hexs(64), 380000)]
    fonts = [("/assets/source-sans-pro-regular-%s.woff2" % hexs(64), 41000)]
    return Site(host, css, js, fonts, [("/assets/logo-%s.svg" % hexs(64), 3900)], **kw)


def vite_site(host, **kw):
    css = [("/assets/index-%s.css" % b64u(8), 62000)]
    js = [("/assets/index-%s.js" % b64u(8), 410000), ("/assets/vendor-%s.js" % b64u(8), 290000)]
    fonts = [("/assets/inter-latin-wght-normal-%s.woff2" % b64u(8), 48000)]
    return Site(host, css, js, fonts, **kw)


def static_site(host, prefix="/static", **kw):
    css = [("%s/css/main.%s.css" % (prefix, hexs(8)), 44000)]
    js = [("%s/js/main.%s.js" % (prefix, hexs(8)), 160000)]
    fonts = [("%s/fonts/roboto-v30-latin-regular.woff2" % prefix, 15900)]
    imgs = [("%s/img/logo.svg" % prefix, 4200)]
    return Site(host, css, js, fonts, imgs, **kw)


# ---------------------------------------------------------------- where visitors come from
SEARCH = ["https://www.google.com/"] * 14 + [
    "https://www.bing.com/", "https://www.bing.com/", "https://duckduckgo.com/",
    "https://duckduckgo.com/", "https://www.ecosia.org/", "https://search.brave.com/",
    "https://www.google.co.uk/", "https://www.google.de/", "https://www.google.com.au/",
    "https://search.yahoo.com/", "https://www.startpage.com/", "https://kagi.com/"]
SOCIAL = ["https://t.co/", "https://l.facebook.com/", "https://lm.facebook.com/",
          "https://www.reddit.com/", "https://news.ycombinator.com/", "https://www.linkedin.com/",
          "https://www.youtube.com/", "https://l.instagram.com/", "https://www.pinterest.com/",
          "android-app://com.google.android.gm/", "android-app://org.telegram.messenger/",
          "https://away.vk.com/", "https://bsky.app/", "https://mastodon.social/",
          "https://www.threads.net/", "https://discord.com/", "https://app.slack.com/"]
INAPP_REF = {"fb_ios": "https://l.facebook.com/", "fb_android": "http://m.facebook.com/",
             "instagram": "https://l.instagram.com/", "tiktok": NONE, "wechat": NONE,
             "line": NONE}


def fbclid():
    return "IwZXh0bgNhZW0CMTEAAR" + b64u(46) + "_aem_" + b64u(22)


def gclid():
    return "Cj0KCQiA" + b64u(80)


def arrive(v, mix=(40, 40, 20)):
    """Referer for the first page: none (typed, bookmark, mail app) /
    search engine / social site, by weights; in-app browsers get their app's."""
    if v.kind in INAPP_REF:
        return INAPP_REF[v.kind], "inapp"
    x = R.uniform(0, sum(mix))
    if x < mix[0]:
        return NONE, "direct"
    if x < mix[0] + mix[1]:
        return R.choice(SEARCH), "search"
    return R.choice(SOCIAL), "social"


def campaign(v, src, ref=""):
    """Tracking parameters a link from that place carries, or ''."""
    if v.kind.startswith("fb_") or "facebook" in ref:
        return "utm_source=facebook&utm_medium=social&utm_campaign=%s&fbclid=%s" % (
            R.choice(("bf_teaser", "nov_newsletter", "organic")), fbclid())
    if v.kind == "instagram":
        return "utm_source=ig&utm_medium=social&utm_content=link_in_bio"
    if v.kind == "tiktok":
        return "utm_source=tiktok&utm_medium=paid&ttclid=E.C.P.%s" % b64u(60)
    if src == "search" and R.random() < 0.15:
        return "gad_source=1&gclid=%s" % gclid()
    if src == "search" and R.random() < 0.2:
        return "srsltid=AfmBOo" + b64u(48)
    if src == "social" and R.random() < 0.5:
        return "utm_source=%s&utm_medium=social" % R.choice(("twitter", "reddit", "newsletter", "linkedin"))
    return ""


def typeahead(v, endpoint, text, param="q", extra=""):
    """Autocomplete: a few debounced fetches while the person types."""
    cuts = sorted(set([max(2, len(text) // 3), max(3, (2 * len(text)) // 3), len(text)]))
    for n in cuts:
        if n > len(text):
            continue
        v.xhr("%s?%s=%s%s" % (endpoint, param, euri(text[:n], v.esc_quote), extra),
              dt=R.uniform(0.4, 2.5))
    v.t += R.uniform(0.3, 1.5)


def addq(target, extra):
    if not extra:
        return target
    return target + ("&" if "?" in target else "?") + extra


# ================================================================ sites
# ---------------------------------------------------------------- shop (Next.js)
SHOP = next_site("www.homegoods.example", manifest="/site.webmanifest", touch=200)
SHOP_P = ["drop-leaf-table", "union-jack-mug", "union-jack-cushion-cover", "script-font-wall-decal",
          "exec-mesh-office-chair", "admin-desk-organiser-bamboo", "drop-earrings-sterling-silver",
          "shell-pendant-lamp", "cast-iron-skillet-10in", "oak-bookcase-5-shelf",
          "kids-cotton-pyjamas-2-pack", "select-wool-throw-grey", "table-and-chairs-set-4",
          "insert-for-kallax-2-pack", "null-stripe-tea-towel", "or-ange-scented-candle"]
SHOP_Q = ["o'connor rain jacket", "5'11\" mens jeans", "table & chairs", "100% cotton sheets king",
          "kids' shoes size 13", "\"bluetooth speaker\" waterproof", "i <3 ny mug", "m&m's dispenser",
          "AT&T phone case", "tom & jerry pyjamas", "drop leaf table", "union jack", "select all",
          "usb-c cable 2m", "wine glasses (set of 6)", "50% off", "desk 120x60", "sofa < 500",
          "lamp > 1m tall", "plates; bowls", "2' x 3' rug", "4.5\" phone holder", "mug | tea",
          "coffee table - oak", "bed 4'6\"", "christmas tree 6ft*", "skillet 10\"/12\"",
          "ikea kallax insert", "\u00e9tag\u00e8re murale", "kaffeebecher gro\u00df",
          "\U0001F384 decorations", "\u6728\u88fd \u30c6\u30fc\u30d6\u30eb", "curtains 90\" x 90\""]
SHOP_CAT = ["/c/furniture/tables", "/c/kitchen/mugs", "/c/lighting/pendants", "/c/textiles/throws",
            "/c/kids/nightwear", "/c/mens/jeans", "/c/womens/jewellery"]


CAT_FILTERS = {
    "/c/furniture/tables": "filter%5Bcolour%5D%5B%5D=oak&filter%5Bcolour%5D%5B%5D=walnut&price=100-250",
    "/c/kitchen/mugs": "filter[material]=ceramic&price=10-50&sort=price+asc",
    "/c/mens/jeans": "size=32&leg=34&fit=slim&height=5%2711%22&sort=newest",
    "/c/kids/nightwear": "age=5-6y&price=10-50&rating%5Bgte%5D=4&in_stock=true",
}


def nimg(path, w):
    return "/_next/image?url=%s&w=%d&q=75" % (form(path), w)


def shop_product(v, slug, ref=CUR, extra=""):
    w = 828 if "Mobile" in v.ua else 1080
    imgs = [(nimg("/images/products/%s-%d.jpg" % (slug, i), w if i == 1 else 256),
             R.randint(20000, 140000)) for i in range(1, 4)]
    if R.random() < 0.05:
        imgs.append((nimg("/images/products/%s-lifestyle.jpg" % slug, w), 0, 404))
    chunk = "/_next/static/chunks/pages/p/%%5Bslug%%5D-%s.js" % hexs(16)
    imgs.append((chunk, 18000))
    xhr = ["/api/reviews?product=%s&page=1&sort=helpful" % slug,
           "/api/recommendations?sku=%s&limit=8" % slug.upper()[:12]]
    if v.pages > 0 and R.random() < 0.6:
        xhr.append("/_next/data/%s/p/%s.json?slug=%s" % (SHOP.build, slug, slug))
    v.go(addq("/p/" + slug, extra), ref=ref, imgs=imgs, xhr=xhr, think=(10, 90))


def shop_session(v):
    ref, src = arrive(v)
    first = R.random()
    if first < 0.45:
        shop_product(v, R.choice(SHOP_P), ref=ref, extra=campaign(v, src, ref))
    else:
        v.go(addq("/", campaign(v, src, ref)), ref=ref,
             imgs=[(nimg("/images/home/hero-%d.jpg" % i, 1920 if "Mobile" not in v.ua else 828),
                    R.randint(80000, 250000)) for i in (1, 2)], think=(4, 30))
    desc = ["shop visitor (%s)" % src]
    for _ in range(R.randint(1, 4)):
        r = R.random()
        if r < 0.4:
            q = R.choice(SHOP_Q)
            typeahead(v, "/api/search/suggest", q)
            v.go("/search?q=" + form(q), imgs=[(nimg("/images/products/%s-1.jpg" % R.choice(SHOP_P), 384), 21000)
                                              for _ in range(4)], think=(5, 40))
            desc.append("search [%s]" % q)
            if R.random() < 0.5:
                v.go("/search?q=%s&sort=price+desc&page=2" % form(q), think=(5, 30))
        elif r < 0.7:
            cat = R.choice(SHOP_CAT)
            v.go(cat, think=(4, 30))
            flt = CAT_FILTERS.get(cat) or R.choice([
                "filter%5Bcolour%5D%5B%5D=oak&filter%5Bcolour%5D%5B%5D=walnut&price=100-250",
                "filter[material]=ceramic&price=10-50&sort=price+asc",
                "size=32&leg=34&fit=slim&sort=newest",
                "height=5%2711%22&fit=regular",
                "price=10-50&rating%5Bgte%5D=4&in_stock=true",
                "brand%5B%5D=Le+Creuset&brand%5B%5D=Lodge&sort=price+desc",
                "sort=price+desc&per_page=48&view=grid"])
            v.go(cat + "?" + flt, think=(5, 35))
            desc.append("category filter")
        else:
            shop_product(v, R.choice(SHOP_P))
    if R.random() < 0.45:
        slug = R.choice(SHOP_P)
        v.xhr("/api/cart/items", method="POST", size=1320)
        v.xhr("/api/cart", size=2210)
        v.go("/cart", think=(5, 40))
        if R.random() < 0.4:
            code = R.choice(("BLACKFRIDAY25", "WELCOME10", "FREESHIP", "XMAS-2025", "SAVE-15"))
            v.xhr("/api/cart/coupon?code=" + euri(code, v.esc_quote), size=380,
                  status=R.choice((200, 200, 422)))
            desc.append("coupon")
        if R.random() < 0.6:
            checkout(v, desc)
    v.label("; ".join(desc))


def checkout(v, desc):
    v.go("/checkout", status=302, to="/checkout/shipping")
    v.xhr("/api/address/lookup?postcode=" + euri(R.choice(("SW1A 1AA", "EC1A 1BB", "90210", "10115", "D02 X285"))))
    v.post("/checkout/shipping", status=303, to="/checkout/payment")
    prov = R.choice(("stripe", "paypal", "adyen", "klarna"))
    v.hit("POST", "/checkout/payment", 303, 0, CUR)
    v.wait(30, 120)   # away at the provider
    if prov == "stripe":
        sid = "cs_live_a1" + alnum(56)
        back = "/checkout/success?session_id=" + sid
        pref = "https://checkout.stripe.com/"
    elif prov == "paypal":
        back = "/checkout/paypal/return?token=EC-%s&PayerID=%s" % (alnum(17).upper(), alnum(13).upper())
        pref = "https://www.paypal.com/"
    elif prov == "adyen":
        back = "/checkout/adyen/return?orderRef=HG-%d&redirectResult=%s%%3D%%3D" % (
            R.randint(100000, 999999), "Ab02b4c0!BQABAgB" + b64u(180).replace("-", "%2B").replace("_", "%2F"))
        pref = "https://checkoutshopper-live.adyen.com/"
    else:
        back = "/checkout/klarna/confirm?order_id=%s-%s-%s&sig=%s" % (hexs(8), hexs(4), hexs(12), hexs(64))
        pref = "https://pay.klarna.com/"
    if back.startswith("/checkout/success"):
        v.go(back, ref=pref, think=(10, 60))
    else:
        v.go(back, ref=pref, status=302, to="/checkout/success?order=HG-%d" % R.randint(100000, 999999),
             think=(10, 60))
    desc.append("checkout via " + prov)


# ---------------------------------------------------------------- Discourse forum
DISC = discourse_site("forum.selfhosted.example", manifest="/manifest.webmanifest", sw="/service-worker.js")
DISC_T = [("union-select-returns-wrong-column-count-in-mariadb", 48213),
          ("how-to-drop-a-table-safely-with-foreign-keys", 51102),
          ("exec-format-error-when-running-arm-image-on-amd64", 50877),
          ("cant-reach-admin-panel-after-reverse-proxy-change", 49920),
          ("etc-passwd-and-etc-group-reset-after-upgrade", 47311),
          ("shell-script-to-rename-files-with-spaces", 45009),
          ("script-tags-stripped-from-custom-html-widget", 52214),
          ("nginx-returns-403-for-wp-admin-behind-cloudflare", 50012),
          ("cmd-exe-window-flashes-on-startup", 39888),
          ("select-where-in-vs-join-performance", 44760),
          ("docker-compose-env-file-not-loaded", 51990),
          ("backup-script-deleted-everything-rm-rf", 38441),
          ("fail2ban-banned-me-after-wrong-password", 52301),
          ("insert-into-select-from-duplicates-rows", 43122),
          ("wget-output-document-and-pipe-to-sh-safe", 41007)]
DISC_Q = ["union select", "drop table cascade", "/etc/passwd", "exec format error", "<script> widget",
          "rm -rf", "$HOME not set in cron", "curl | bash", "`docker ps` permission denied",
          "../ in nginx alias", "C:\\Windows\\System32\\drivers\\etc\\hosts", "${VAR} not expanded",
          "2>&1 /dev/null", "wp-admin 403", "cmd.exe /c", "select * from", "include ../../snippets/ssl.conf"]
ONEBOX = ["https://github.com/louislam/uptime-kuma/issues/4411",
          "https://docs.docker.com/compose/how-tos/environment-variables/set-environment-variables/",
          "https://mariadb.com/kb/en/union/", "https://man7.org/linux/man-pages/man5/passwd.5.html",
          "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s"]


def discourse_session(v):
    ref, src = arrive(v, (30, 50, 20))
    slug, tid = R.choice(DISC_T)
    v.go(addq("/t/%s/%d" % (slug, tid), campaign(v, src, ref)), ref=ref,
         imgs=[("/user_avatar/%s/%s/48/%d_2.png" % (DISC.host, u, R.randint(100, 9999)), 2400)
               for u in ("jdoe", "mkowalski", "ana_p")],
         xhr=["/presence/get?channels%%5B%%5D=%%2Fdiscourse-presence%%2Freply%%2F%d" % tid],
         think=(20, 120))
    v.xhr("/topics/timings", method="POST", size=2)
    desc = ["forum reader, topic %s" % slug]
    for _ in range(R.randint(1, 5)):
        r = R.random()
        if r < 0.45:
            slug, tid = R.choice(DISC_T)
            v.xhr("/t/%d.json?track_visit=true&forceLoad=true" % tid, size=R.randint(20000, 90000))
            v.page = v.url("/t/%s/%d" % (slug, tid))
            v.xhr("/t/%d/posts.json?post_ids%%5B%%5D=%d&post_ids%%5B%%5D=%d&include_suggested=true"
                  % (tid, R.randint(200000, 300000), R.randint(200000, 300000)))
            v.wait(15, 90)
            v.xhr("/topics/timings", method="POST", size=2)
        elif r < 0.75:
            q = R.choice(DISC_Q)
            typeahead(v, "/search/query", q, param="term", extra="&include_blurbs=true&search_for_id=true")
            v.go("/search?q=" + form(q), think=(5, 30))
            desc.append("search [%s]" % q)
        else:
            v.go("/latest", think=(4, 20))
            v.xhr("/latest.json?no_definitions=true&page=1")
    if R.random() < 0.35:
        # logged-in member replies; pasting a link fetches a onebox preview
        v.xhr("/t/%d.json?track_visit=true&forceLoad=true" % tid, size=R.randint(20000, 90000))
        v.page = v.url("/t/%s/%d" % (slug, tid))
        v.wait(20, 90)
        v.xhr("/session/csrf", size=110)
        v.xhr("/composer_messages?composer_action=reply&topic_id=%d" % tid)
        v.xhr("/drafts.json", method="POST", size=40, dt=R.uniform(5, 20))
        if R.random() < 0.7:
            o = R.choice(ONEBOX)
            v.xhr("/onebox?url=%s&refresh=false" % euri(o, v.esc_quote), size=R.randint(600, 3000))
            v.xhr("/inline-onebox?urls%%5B%%5D=%s" % euri(o, v.esc_quote), size=300)
        v.xhr("/drafts.json", method="POST", size=40, dt=R.uniform(5, 30))
        v.xhr("/posts", method="POST", size=R.randint(3000, 9000), dt=R.uniform(5, 40))
        desc.append("replies")
    v.label("; ".join(desc))


# ---------------------------------------------------------------- phpBB forum
PHPBB = phpbb_site("www.corsaclub.example", touch=404)
PHPBB_Q = ["timing belt & water pump", "drop links", "o/s front wheel bearing", "\"check engine\" light",
           "exec", "[img] not showing", "[url] tag", "remap 1.4T > 180hp", "oil 5w-30 vs 0w-20",
           "union jack decals", "script for obd2", "can't select reverse", "c++ obd library",
           "ecu flash; bricked", "100% duty cycle"]


def phpbb_session(v):
    ref, src = arrive(v, (30, 55, 15))
    t = R.randint(40000, 99000)
    if R.random() < 0.5:
        v.go("/viewtopic.php?t=%d" % t, ref=ref,
             imgs=[("/download/file.php?avatar=%d_%d.jpg" % (R.randint(2, 9000), R.randint(10 ** 9, 2 * 10 ** 9)), 5400),
                   ("/download/file.php?id=%d&t=1" % R.randint(10000, 99999), 21000)], think=(20, 120))
    else:
        v.go("/index.php", ref=ref, think=(4, 20))
        v.go("/viewforum.php?f=%d" % R.randint(2, 40), think=(4, 30))
        v.go("/viewtopic.php?t=%d" % t, think=(20, 100))
    desc = ["car forum reader"]
    if R.random() < 0.6:
        v.go("/viewtopic.php?t=%d&start=%d" % (t, R.choice((15, 30, 45))), think=(15, 90))
    if R.random() < 0.6:
        q = R.choice(PHPBB_Q)
        v.go("/search.php?keywords=%s&terms=all&author=&sc=1&sf=all&sr=posts&sk=t&sd=d&st=0&ch=300&t=0&submit=Search"
             % form(q), think=(5, 30))
        t2 = R.randint(10000, 99000)
        v.go("/viewtopic.php?t=%d&hilit=%s" % (t2, form(q.split()[0]) if q.split() else ""), think=(10, 60))
        desc.append("search [%s]" % q)
    if R.random() < 0.3:
        back = "./viewtopic.php?t=%d" % t
        v.go("/ucp.php?mode=login&redirect=%s" % form(back), think=(6, 20))
        v.post("/ucp.php?mode=login", status=302, to="/viewtopic.php?t=%d" % t)
        v.go("/posting.php?mode=reply&t=%d" % t, think=(40, 180))
        # "Preview" re-renders the posting form; BBCode lives in the POST body
        v.post("/posting.php?mode=reply&t=%d" % t, status=200, think=(10, 40))
        v.post("/posting.php?mode=reply&t=%d" % t, status=302,
               to="/viewtopic.php?p=%d" % R.randint(900000, 999999))
        desc.append("logs in and replies with preview")
    v.label("; ".join(desc))


# ---------------------------------------------------------------- link aggregator (Lemmy-like)
AGG = vite_site("links.example.social", manifest="/manifest.webmanifest", sw="/service-worker.js")
SHARES = [("https://blog.example.net/2025/11/why-i-stopped-piping-curl-to-sh",
           "Why I stopped piping `curl | sh`", ""),
          ("https://www.example.org/articles/sql-injection-in-2025",
           "SQL injection in 2025: still ' OR 1=1 --?", ""),
          ("", "Ask: best way to `DROP TABLE` without locking prod?",
           "We run **Postgres 16** and `DROP TABLE` on a 200 GB table blocks writes. See [the docs](https://www.postgresql.org/docs/current/sql-droptable.html).\n\n> any tips?"),
          ("https://example.dev/posts/xss-cheatsheet-for-react-devs",
           "XSS for React devs: dangerouslySetInnerHTML & <script>", ""),
          ("", "[Meta] Please use ``` code fences ``` for logs",
           "Like this:\n\n```\n$ cat /etc/os-release\n```")]


def agg_session(v):
    ref, src = arrive(v, (50, 20, 30))
    v.go("/", ref=ref, xhr=["/api/v3/site", "/api/v3/post/list?type_=Local&sort=Active&limit=20&page=1"],
         think=(10, 60))
    for _ in range(R.randint(1, 3)):
        pid = R.randint(100000, 999999)
        v.xhr("/api/v3/post?id=%d" % pid)
        v.xhr("/api/v3/comment/list?max_depth=8&sort=Hot&type_=All&post_id=%d" % pid)
        v.page = v.url("/post/%d" % pid)
        v.wait(15, 120)
    url, title, body = R.choice(SHARES)
    # a "share to" bookmarklet/button prefills the form from the query
    parts = []
    if url:
        parts.append("url=" + euri(url, v.esc_quote))
    parts.append("title=" + euri(title, v.esc_quote))
    if body:
        parts.append("body=" + euri(body, v.esc_quote))
    v.go("/create_post?" + "&".join(parts), ref=NONE if R.random() < 0.5 else CUR, think=(20, 90))
    if url:
        v.xhr("/api/v3/post/site_metadata?url=" + euri(url, v.esc_quote), size=900)
    v.xhr("/api/v3/post", method="POST", size=2100, dt=R.uniform(10, 40))
    v.label("link aggregator member shares a post via prefilled create_post link (%s)" % title[:40])


# ---------------------------------------------------------------- recipes (WordPress)
RECIPE = wp_site("www.recipebox.example", theme="kadence", touch=200)
RECIPE_P = ["shepherds-pie", "easy-mac-and-cheese", "creme-brulee", "jalapeno-poppers", "smores-bars",
            "pao-de-queijo", "banh-mi-chicken", "grandmas-apple-pie", "salt-and-pepper-squid",
            "5-ingredient-peanut-butter-cookies", "drop-biscuits", "union-square-cafe-bar-nuts"]
RECIPE_Q = ["mac & cheese", "cr\u00e8me br\u00fbl\u00e9e", "jalape\u00f1o poppers", "s'mores", "shepherd's pie",
            "1/2 cup butter in grams", "350\u00b0F to \u00b0C", "gluten-free; dairy-free", "chicken <30 min",
            "cookies (no eggs)", "p\u00e3o de queijo", "b\u00e1nh m\u00ec", "grandma's apple pie",
            "pork & beans", "\"best\" brownies", "drop scones", "1 tbsp = ? tsp", "100% whole wheat"]


def wp_upload(name, w, h):
    return "/wp-content/uploads/2024/%02d/%s-%dx%d.jpg" % (R.randint(1, 12), name, w, h)


def recipe_session(v):
    ref, src = arrive(v, (15, 60, 25))
    slug = R.choice(RECIPE_P)
    w = 768 if "Mobile" in v.ua else 1200
    v.go(addq("/recipes/%s/" % slug, campaign(v, src, ref)), ref=ref,
         imgs=[(wp_upload(slug, w, w * 3 // 2), 140000), (wp_upload(slug + "-step-1", 400, 600), 38000),
               ("/wp-content/plugins/wp-recipe-maker/dist/public-modern.css?ver=9.6.1", 28000),
               ("/wp-content/plugins/wp-recipe-maker/dist/public-modern.js?ver=9.6.1", 61000)],
         xhr=[("POST", "/wp-admin/admin-ajax.php", 200, 60)], think=(40, 240))
    desc = ["recipe reader (%s)" % src]
    if R.random() < 0.5:
        q = R.choice(RECIPE_Q)
        v.go("/?s=" + form(q), think=(5, 30))
        v.go("/recipes/%s/" % R.choice(RECIPE_P), think=(30, 200))
        desc.append("search [%s]" % q)
    if R.random() < 0.3:
        v.go("/wprm_print/%s" % slug, think=(10, 30))
        desc.append("print view")
    if R.random() < 0.2:
        v.hit("POST", "/wp-admin/admin-ajax.php", 200, 48, CUR)   # star rating
        v.post("/wp-comments-post.php", status=302,
               to="/recipes/%s/?unapproved=%d&moderation-hash=%s" % (slug, R.randint(10000, 99999), hexs(32)))
        desc.append("leaves a comment")
    v.label("; ".join(desc))


# ---------------------------------------------------------------- medical information
MED = rails_site("www.healthinfo.example", touch=404)
MED_P = ["/conditions/crohns-disease", "/conditions/alzheimers-disease/symptoms", "/drugs/warfarin/interactions",
         "/conditions/drop-foot", "/conditions/shell-shock-ptsd-history", "/tests/hba1c",
         "/conditions/lupus-sle", "/drugs/acetaminophen-and-ibuprofen", "/conditions/parkinsons-disease",
         "/tests/ldl-cholesterol"]
MED_Q = ["ldl < 100 mg/dL", "hba1c > 6.5%", "crohn's flare", "b12 < 200 pg/ml", "warfarin & aspirin",
         "blood pressure 140/90", "tylenol + ibuprofen together?", "ct scan w/ contrast", "covid-19 (jn.1) symptoms",
         "drop foot", "lupus (sle)", "alzheimer's vs dementia", "eGFR < 60", "tsh 4.5 mIU/L", "ssri; alcohol"]


def med_session(v):
    ref, src = arrive(v, (10, 80, 10))
    v.go(R.choice(MED_P), ref=ref, imgs=[("/images/illustrations/%s.svg" % alnum(8).lower(), 12000)],
         think=(30, 200))
    desc = ["health info reader"]
    for _ in range(R.randint(1, 3)):
        q = R.choice(MED_Q)
        typeahead(v, "/api/autocomplete", q, param="term")
        v.go("/search?query=" + form(q) + "&type=all", think=(5, 30))
        v.go(R.choice(MED_P), think=(30, 150))
        desc.append("search [%s]" % q)
    if R.random() < 0.3:
        v.go("/interactions-check", think=(5, 20))
        for d in ("warfarin", "aspirin"):
            typeahead(v, "/api/drugs/suggest", d, param="q")
        v.go("/interactions-check?drug_list=%d-0%%2C%d-0&types%%5B%%5D=major&types%%5B%%5D=moderate"
             % (R.randint(1000, 3000), R.randint(200, 999)), think=(20, 60))
        desc.append("interaction checker")
    v.label("; ".join(desc))


# ---------------------------------------------------------------- legal Q&A
LAW = static_site("www.lawanswers.example", touch=404)
LAW_Q = ["landlord won't return deposit", "section 8(1)(a)", "\u00a7 1983 claim", "\"tenant at will\" massachusetts",
         "O'Brien v. Smith", "sec. 230 & first amendment", "drop charges domestic", "power of attorney; revocation",
         "executor of an estate", "wills & trusts", "DUI .08 <21", "contract clause \"null and void\"",
         "27 U.S.C. \u00a7 205(e)", "union dues refund", "ADA <15 employees", "select committee subpoena",
         "O'Connor v. Donaldson", "script copyright (screenplay)"]


def law_session(v):
    ref, src = arrive(v, (15, 75, 10))
    v.go("/q/%s-%d" % (R.choice(["landlord-wont-return-deposit-what-can-i-do", "can-my-employer-read-my-email",
                                   "is-a-verbal-agreement-binding-in-texas", "drop-charges-after-arrest",
                                   "union-says-i-must-pay-dues", "executor-wont-release-will"]),
                         R.randint(100000, 999999)), ref=ref, think=(40, 180))
    desc = ["legal Q&A reader"]
    for _ in range(R.randint(1, 3)):
        q = R.choice(LAW_Q)
        v.go("/search?q=" + form(q) + "&jurisdiction=" + form(R.choice(("US", "US-MA", "US-TX", "UK"))),
             think=(5, 30))
        desc.append("search [%s]" % q)
    if R.random() < 0.3:
        v.go("/lawyers/search?practice=family+law&location=" + form(R.choice(("Brooklyn, NY", "Austin, TX", "Coeur d'Alene, ID"))),
             think=(10, 60))
    v.label("; ".join(desc))


# ---------------------------------------------------------------- programming Q&A
QA = static_site("devanswers.example", prefix="/Content", touch=200)
QA_P = [(60174, "how-can-i-prevent-sql-injection-in-php"),
        (1732348, "regex-match-open-tags-except-xhtml-self-contained-tags"),
        (818255, "what-does-21-mean"), (1250079, "how-to-escape-single-quotes-within-single-quoted-strings"),
        (2003505, "how-do-i-delete-a-git-branch-locally-and-remotely"),
        (30172605, "how-do-i-get-into-a-docker-containers-shell"),
        (5034177, "drop-all-tables-in-postgresql"), (3217224, "union-all-with-order-by-in-each-select"),
        (1197575, "can-scripts-be-inserted-with-innerhtml"), (16318253, "reading-etc-passwd-in-python"),
        (4604663, "exec-vs-system-in-php"), (11582536, "alert-not-working-inside-iframe-sandbox"),
        (3702939, "select-where-id-in-subquery-very-slow"), (89228, "how-do-i-execute-a-program-or-call-a-system-command")]
QA_Q = ["[python] subprocess \"|\" pipe", "bash $(cat file) vs `cat file`",
        "select * from users where name = 'o''brien'", "union all vs union", "<script> tag in react jsx",
        "{{ }} jinja escape", "awk '{print $1}'", "sed 's/\\//\\\\/g'", "rm -rf ./*", "2>&1 meaning",
        "../ relative import python", "/etc/hosts not working", "${var:-default}", "exec sp_executesql @sql",
        "document.cookie undefined", "eval() vs new Function()", "img onerror fallback",
        "<?php echo $_GET['id']; ?>", "char(13) + char(10)", "where 1=1 why", "WAITFOR DELAY '00:00:05'",
        "time.sleep(5) blocks", "os.system vs subprocess.run", "svg onload event", "printf %n",
        "-- comment in sql", "|| concatenation oracle", "xp_cmdshell enable", "&& vs ; in bash",
        "chmod 777 /var/www/html", "[c#] Process.Start(\"cmd.exe\", \"/c dir\")", "find -exec {} \\;",
        "import os; os.popen", "SELECT ... FOR UPDATE SKIP LOCKED", "<img src=x> broken", "%USERPROFILE% in bat"]


def qa_session(v):
    ref, src = arrive(v, (10, 80, 10))
    qid, slug = R.choice(QA_P)
    v.go("/questions/%d/%s" % (qid, slug), ref=ref,
         imgs=[("/users/avatar/%d?s=64" % R.randint(1000, 999999), 3300) for _ in range(3)],
         xhr=["/posts/%d/ivc/%s?_=%d" % (qid, hexs(4), 1763197200000 + int(v.t * 1000))], think=(30, 200))
    desc = ["programming Q&A reader"]
    for _ in range(R.randint(1, 4)):
        if R.random() < 0.65:
            q = R.choice(QA_Q)
            v.go("/search?q=" + form(q), think=(5, 25))
            desc.append("search [%s]" % q)
        qid, slug = R.choice(QA_P)
        v.go("/questions/%d/%s" % (qid, slug), think=(20, 150))
        if R.random() < 0.2:
            v.xhr("/posts/%d/vote/2" % qid, method="POST", size=180)
    if R.random() < 0.2:
        v.go("/questions/tagged/" + R.choice(("bash", "sql-injection", "xss", "php", "powershell", "c%23", "c%2B%2B")),
             think=(5, 30))
    v.label("; ".join(desc))


# ---------------------------------------------------------------- wiki (MediaWiki)
WIKI = mediawiki_site("wiki.example.org", favicon=200, touch=404)
WIKI_A = ["SQL_injection", "Cross-site_scripting", "Passwd", "Union_Jack", "Select_(Unix)",
          "Exec_(system_call)", "Shell_script", "Null_(SQL)", "C%2B%2B", "AT%26T", "Sin%C3%A9ad_O%27Connor",
          "%22Hello,_World!%22_program", "Drop_(liquid)", "Union_(set_theory)", "Alert_(TV_series)",
          "Script_(Unicode)", "Etc_(Unix)", "Cat_(Unix)", "Bobby_Moore", "Eval",
          "...And_You_Will_Know_Us_by_the_Trail_of_Dead", "Pok%C3%A9mon", "Sh%C5%8Dgun"]


def wiki_thumb():
    h = hexs(2)
    n = R.choice(("Flag_of_the_United_Kingdom.svg", "Unix_shell_session.png", "SQL_Injection_diagram.png",
                  "Sinead_OConnor_1990.jpg", "Bell_System_logo.svg"))
    return "/media/thumb/%s/%s/%s/220px-%s%s" % (h[0], h, n, n, ".png" if n.endswith(".svg") else "")
WIKI_Q = ["union select", "/etc/passwd", "<script>", "drop table", "O'Connor", "C:\\Windows", "rm -rf /",
          "1=1", "alert(1) meaning", "\u0418\u0432\u0430\u043d \u0413\u0440\u043e\u0437\u043d\u044b\u0439", "AT&T", "Tom & Jerry"]


def wiki_session(v):
    ref, src = arrive(v, (10, 75, 15))
    a = R.choice(WIKI_A)
    v.go("/wiki/" + a, ref=ref, imgs=[(wiki_thumb(), 21000)], think=(20, 180))
    desc = ["wiki reader"]
    for _ in range(R.randint(1, 5)):
        r = R.random()
        if r < 0.3:
            b = R.choice(WIKI_A)
            v.xhr("/api/rest_v1/page/summary/" + b, size=1800)      # hover preview
            v.go("/wiki/" + b, think=(15, 150))
        elif r < 0.55:
            q = R.choice(WIKI_Q)
            typeahead(v, "/w/rest.php/v1/search/title", q, extra="&limit=10")
            v.go("/w/index.php?search=%s&title=Special%%3ASearch&profile=advanced&fulltext=1&ns0=1" % form(q),
                 think=(5, 30))
            desc.append("search [%s]" % q)
        elif r < 0.65:
            v.go("/wiki/Special:Random", status=302, to="/wiki/" + R.choice(WIKI_A), think=(10, 60))
        elif r < 0.75:
            v.go("/w/index.php?title=%s&action=history" % a, think=(10, 40))
            v.go("/w/index.php?title=%s&diff=%d&oldid=%d" % (a, R.randint(1250000000, 1259000000),
                                                           R.randint(1240000000, 1249999999)), think=(10, 60))
            desc.append("history/diff")
        elif r < 0.85:
            v.go(R.choice(["/wiki/Special:RecentChanges?hidebots=1&limit=50&days=7&enhanced=1",
                           "/wiki/Special:WhatLinksHere/Shell_script",
                           "/wiki/Special:BookSources/978-0-13-110362-7",
                           "/wiki/Special:Contributions/%s" % R.choice(("Jimbo", "203.0.113.77")),
                           "/w/index.php?title=Special:CiteThisPage&page=Exec_%28system_call%29&id=1254446511&wpFormIdentifier=titleform",
                           "/wiki/Talk:Cross-site_scripting"]), think=(10, 60))
        else:
            v.go("/w/index.php?title=%s&action=edit&section=%d" % (a, R.randint(1, 6)), think=(60, 240))
            v.post("/w/index.php?title=%s&action=submit" % a, status=200, think=(20, 80))   # Show preview
            v.post("/w/index.php?title=%s&action=submit" % a, status=302, to="/wiki/" + a)
            desc.append("edits a section with preview")
    v.label("; ".join(desc))


# ---------------------------------------------------------------- dictionary
DICT = next_site("www.wordbook.example", touch=200)
DICT_W = ["o'clock", "rock'n'roll", "select", "union", "drop", "script", "exec", "na\u00efve", "etc.",
          "et al.", "shell", "admin", "null", "c'est la vie", "passwd", "caf\u00e9", "d\u00e9j\u00e0 vu", "&c",
          "sh*t", "o.k.", "<3", "x-ray", "ma'am", "jack-o'-lantern"]


def dict_session(v):
    ref, src = arrive(v, (20, 70, 10))
    w = R.choice(DICT_W)
    v.go("/dictionary/" + pq(w), ref=ref, xhr=["/api/audio/%s.mp3" % pq(w.replace(" ", "_"))], think=(8, 40))
    desc = ["dictionary lookups"]
    for _ in range(R.randint(1, 5)):
        w = R.choice(DICT_W)
        typeahead(v, "/api/autocomplete", w)
        v.go("/search?q=" + form(w), status=302, to="/dictionary/" + pq(w), think=(5, 40))
        desc.append(w)
    if R.random() < 0.3:
        v.go("/translate/english-french/" + pq("c'est la vie"), think=(5, 30))
    v.label("; ".join(desc))


# ---------------------------------------------------------------- lyrics
LYR = wp_site("www.lyricsden.example", theme="generatepress", touch=404)
LYR_Q = ["don't stop me now", "\"we will rock you\"", "p!nk", "$uicideboy$", "ke$ha", "!!! chk chk chk",
         "sunn o)))", "cat & the fiddle", "drop it like it's hot", "select all - the cutouts",
         "sweet child o' mine", "/bin/bash by dj", "<3 (heart)", "rock 'n' roll ain't noise pollution",
         "guns n' roses", "a$ap rocky", "*nsync", "\u00bfqui\u00e9n soy yo?", "\u0441\u043f\u043b\u0438\u043d \u0432\u044b\u0445\u043e\u0434\u0430 \u043d\u0435\u0442",
         "mot\u00f6rhead", "x \u00e6 a-12"]


def lyrics_session(v):
    ref, src = arrive(v, (10, 75, 15))
    v.go("/lyrics/%s/%s/" % R.choice([("guns-n-roses", "sweet-child-o-mine"), ("ac-dc", "highway-to-hell"),
                                      ("system-of-a-down", "chop-suey"), ("queen", "dont-stop-me-now"),
                                      ("snoop-dogg", "drop-it-like-its-hot"), ("the-cure", "shake-dog-shake")]),
         ref=ref, think=(60, 200))
    desc = ["lyrics searches"]
    for _ in range(R.randint(1, 4)):
        q = R.choice(LYR_Q)
        v.go("/?s=" + form(q), think=(5, 20))
        desc.append("[%s]" % q)
    v.label("; ".join(desc))


# ---------------------------------------------------------------- code hosting
CODE = rails_site("code.example.dev", manifest="/manifest.json", touch=200)
CODE_P = ["/acme/webapp", "/acme/webapp/blob/main/.gitignore", "/acme/webapp/tree/master/config",
          "/acme/webapp/blob/main/.env.example", "/acme/webapp/blob/main/config/database.yml",
          "/acme/webapp/blob/main/src/admin/login.php", "/acme/webapp/raw/main/scripts/install.sh",
          "/acme/webapp/blob/main/wp-config-sample.php", "/acme/webapp/commits/main/.htaccess",
          "/acme/webapp/blame/main/web.config", "/acme/webapp/tree/main/.github/workflows",
          "/secfixtures/parsers/blob/main/tests/fixtures/etc/passwd", "/acme/webapp/blob/main/docker-compose.yml",
          "/acme/webapp/compare/v1.2.0...v1.3.0", "/acme/webapp/pull/412/files",
          "/acme/webapp/issues?q=is%3Aissue+is%3Aopen+label%3Abug", "/acme/webapp/blob/main/README.md?plain=1",
          "/acme/webapp/blob/main/cgi-bin/status.cgi", "/acme/webapp/tree/main/admin",
          "/acme/dotfiles/blob/master/.bashrc", "/acme/dotfiles/blob/master/.ssh/config.example",
          "/acme/webapp/blob/main/src/utils/exec.ts", "/acme/webapp/blob/main/sql/001_drop_legacy_tables.sql",
          "/acme/webapp/blob/main/.htaccess", "/acme/webapp/tree/main/public/wp-content/plugins"]
CODE_Q = ["\"SELECT * FROM\" language:php", "eval(atob(", "path:.github/workflows ${{ secrets",
          "<script src=", "/etc/passwd path:test", "../../ path:tests", "exec.Command(\"sh\", \"-c\"",
          "os.system(", "document.write(", "Runtime.getRuntime().exec(", "password= path:*.env",
          "child_process.exec(`", "$_GET['page']", "union select language:python", "cmd.exe /c"]


def code_session(v):
    ref, src = arrive(v, (35, 35, 30))
    p = R.choice(CODE_P)
    if src == "social" and R.random() < 0.6:
        p = addq(p, "ref=" + R.choice(("producthunt", "hn", "dailydev", "hackernoon.com", "console.dev")))
    v.go(p, ref=ref, xhr=["/acme/webapp/branch-and-tag-count", "/acme/webapp/latest-commit/main"],
         imgs=[("/avatars/u/%d?s=40&v=4" % R.randint(1000, 99999), 1900)], think=(10, 90))
    desc = ["code browsing"]
    for _ in range(R.randint(2, 6)):
        r = R.random()
        if r < 0.65:
            p = R.choice(CODE_P)
            v.go(p, xhr=["%s?_pjax=%%23repo-content-pjax-container" % p.split("?")[0]] if R.random() < 0.2 else (),
                 think=(8, 80))
        elif r < 0.85:
            q = R.choice(CODE_Q)
            v.go("/search?q=%s&type=code" % form(q), think=(5, 40))
            desc.append("code search [%s]" % q)
        else:
            v.go("/acme/webapp/archive/refs/tags/v1.3.0.tar.gz", status=302,
                 to="https://codeload.code.example.dev/acme/webapp/tar.gz/refs/tags/v1.3.0")
            desc.append("download")
    v.label("; ".join(desc))


# ---------------------------------------------------------------- news and video
NEWS = next_site("www.dailynews.example", manifest="/manifest.json", sw="/sw.js", touch=200)
NEWS_A = ["/2025/11/14/politics/budget-vote-live-updates", "/2025/11/14/business/rates-hold.html",
          "/2025/11/13/world/ceasefire-talks-resume", "/2025/11/15/sport/union-jack-flies-at-wimbledon-final",
          "/2025/11/15/tech/drop-in-ai-chip-prices", "/2025/11/12/culture/script-doctors-of-hollywood",
          "/2025/11/14/science/shell-middens-reveal-ancient-diets", "/2025/11/15/opinion/why-select-committees-matter"]
NEWS_Q = ["budget 2025/26", "o'rourke", "AT&T outage", "\"drop in\" rates", "pay < inflation", "tesla (tsla)",
          "israel\u2013hamas ceasefire", "ceo pay > $1m", "crossword #1234", "wordle 1,245"]


def news_img(slug, w):
    return "/cdn-cgi/image/width=%d,quality=75,format=auto/uploads/2025/11/%s.jpg" % (w, slug)


def news_session(v):
    ref, src = arrive(v, (25, 35, 40))
    art = R.choice(NEWS_A)
    slug = art.rsplit("/", 1)[1].replace(".html", "")
    desc = ["news reader (%s)" % src]
    if src == "search" and R.random() < 0.3:
        v.go("/amp" + art, ref=ref, imgs=[(news_img(slug, 600), 60000)], assets=False, think=(30, 120))
        desc.append("AMP")
        v.go(art, think=(5, 20))
    else:
        widths = (480, 960) if "Mobile" in v.ua else (960, 1920)
        v.go(addq(art, campaign(v, src, ref)), ref=ref,
             imgs=[(news_img(slug, w), 40000 * w // 480) for w in widths] +
                  [("/images/2025/11/15/%s.jpg?auto=format&fit=crop&w=400&h=225&q=80" % alnum(6).lower(), 22000)],
             xhr=["/api/paywall/meter?article=%s" % euri(art)], think=(30, 180))
    if R.random() < 0.3:
        # metered paywall: the next article bounces to subscribe with the return URL
        art2 = R.choice(NEWS_A)
        ret = v.url(art2) + "?utm_source=twitter&utm_medium=social"
        v.go(art2 + "?utm_source=twitter&utm_medium=social", status=302,
             to="/subscribe?returnTo=%s&cta=metered" % euri(ret, v.esc_quote), think=(8, 30))
        if R.random() < 0.5:
            v.go("/account/login?redirect_uri=%s" % euri(ret, v.esc_quote), think=(8, 30))
            v.post("/account/login", status=303, to=art2)
            desc.append("paywall login")
        else:
            desc.append("paywall")
    if R.random() < 0.4:
        vid = hexs(12)
        v.go("/video/%s" % vid, think=(0.5, 1))
        v.xhr("/video/hls/%s/master.m3u8" % vid, size=900, dt=0.3)
        q = R.choice(("360p", "720p", "1080p"))
        v.xhr("/video/hls/%s/%s/index.m3u8" % (vid, q), size=4200, dt=0.1)
        for i in range(1, R.randint(8, 30)):
            v.xhr("/video/hls/%s/%s/seg_%05d.ts" % (vid, q, i), size=R.randint(300000, 1800000), dt=R.uniform(1.5, 6))
        desc.append("watches HLS video")
    if R.random() < 0.15:
        ep = "/podcasts/the-daily-brief/2025-11-14.mp3"
        v.go("/podcasts/the-daily-brief", think=(2, 5))
        v.xhr(ep, status=206, size=65536, dt=0.5)
        for _ in range(R.randint(2, 5)):
            v.xhr(ep, status=206, size=R.randint(500000, 2000000), dt=R.uniform(20, 90))
        desc.append("podcast range requests")
    if R.random() < 0.3:
        q = R.choice(NEWS_Q)
        v.go("/search?q=" + form(q), think=(5, 30))
        desc.append("search [%s]" % q)
    if R.random() < 0.3:
        v.go("/live/budget-2025", think=(10, 30))
        for _ in range(R.randint(3, 10)):
            v.xhr("/api/liveblog/8812/updates?since=%d" % (1763197200 + int(v.t)), size=R.randint(90, 6000),
                  dt=R.uniform(28, 32))
        desc.append("live blog polling")
    v.label("; ".join(desc))


# ---------------------------------------------------------------- developer docs read by people
MDN = static_site("docs.webdev.example", prefix="/static", touch=200, manifest="/manifest.json")
MDN_P = ["/en-US/docs/Web/HTML/Element/iframe", "/en-US/docs/Web/API/Window/alert",
         "/en-US/docs/Web/HTML/Element/script", "/en-US/docs/Web/API/Document/cookie",
         "/en-US/docs/Web/JavaScript/Reference/Global_Objects/eval",
         "/en-US/docs/Web/HTTP/Headers/Content-Security-Policy", "/en-US/docs/Web/API/Element/innerHTML",
         "/en-US/docs/Web/API/HTMLElement/error_event", "/en-US/docs/Web/HTTP/CORS",
         "/en-US/docs/Web/CSS/:has", "/en-US/docs/Web/CSS/::before", "/en-US/docs/Web/API/Document/write",
         "/en-US/docs/Web/JavaScript/Reference/Global_Objects/Function/Function",
         "/en-US/docs/Web/API/Window/location", "/en-US/docs/Web/HTML/Element/object",
         "/en-US/docs/Web/SVG/Attribute/onload", "/en-US/docs/Web/HTTP/Headers/Set-Cookie",
         "/ja/docs/Web/HTML/Element/iframe", "/zh-CN/docs/Web/API/Window/alert"]
MDN_Q = ["<iframe> sandbox", "<script type=module>", "alert(", "document.write", "window.location",
         "fetch() credentials", "<img onerror>", "javascript: url", "eval()", "<object data>",
         "srcdoc", "onload=", "postMessage('*')", "String.prototype.replace() $&"]


def mdn_session(v):
    ref, src = arrive(v, (15, 75, 10))
    v.go(R.choice(MDN_P), ref=ref, xhr=["/en-US/search-index.json"], think=(20, 150))
    desc = ["web docs reader"]
    for _ in range(R.randint(1, 4)):
        if R.random() < 0.5:
            q = R.choice(MDN_Q)
            v.go("/en-US/search?q=" + form(q), think=(5, 20))
            desc.append("search [%s]" % q)
        v.go(R.choice(MDN_P), think=(20, 150))
        if R.random() < 0.25:
            v.go("/en-US/play?id=%s" % b64u(40), think=(20, 60))
            desc.append("playground")
    if R.random() < 0.2:
        # DevTools open: source maps fetched without a Referer
        for path, _ in MDN.js + MDN.css:
            v.hit("GET", path + ".map", 200, R.randint(90000, 900000), NONE, R.uniform(0.1, 1))
        desc.append("devtools source maps")
    v.label("; ".join(desc))


LEARN = static_site("www.learnweb.example", prefix="/lib", touch=404)
LEARN_P = ["/sql/sql_union.asp", "/sql/sql_injection.asp", "/sql/sql_select.asp", "/sql/sql_drop_table.asp",
           "/tags/tag_iframe.asp", "/jsref/met_win_alert.asp", "/php/php_superglobals_get.asp",
           "/asp/asp_ref_request.asp", "/xml/xpath_syntax.asp", "/js/js_htmldom_events.asp",
           "/sql/sql_exists.asp", "/sql/sql_insert_into_select.asp", "/php/php_includes.asp",
           "/php/func_misc_eval.asp", "/html/html_scripts.asp", "/jsref/event_onerror.asp", "/cssref/sel_attribute_value.asp"]
LEARN_TRY = ["/sql/trysql.asp?filename=trysql_select_union", "/tags/tryit.asp?filename=tryhtml_iframe",
             "/js/tryit.asp?filename=tryjs_alert", "/sql/trysql.asp?filename=trysql_select_where_or",
             "/html/tryit.asp?filename=tryhtml_script", "/jsref/tryit.asp?filename=tryjsref_onerror",
             "/php/phptryit.asp?filename=tryphp_superglobals_get"]


def learn_session(v):
    ref, src = arrive(v, (10, 85, 5))
    v.go(R.choice(LEARN_P), ref=ref, think=(20, 120))
    desc = ["tutorial reader (.asp pages)"]
    for _ in range(R.randint(1, 5)):
        if R.random() < 0.4:
            t = R.choice(LEARN_TRY)
            v.go(t, think=(0.5, 2))
            name = t.split("filename=")[1]
            v.xhr("/%s/%s.htm" % (t.split("/")[1], name) if "trysql" not in t else
                  "/sql/trysql_view.asp?x=%d&filename=%s" % (R.randint(1, 9), name), size=1800, dt=0.5)
            v.wait(20, 90)
            desc.append("try-it " + name)
        else:
            v.go(R.choice(LEARN_P), think=(20, 120))
    v.label("; ".join(desc))


PHPDOC = static_site("www.phpdocs.example", prefix="/cached.php?t=1731600000&f=", touch=404)
PHPDOC.css = [("/cached.php?t=1731600000&f=/fonts/Fira/fira.css", 1800),
              ("/cached.php?t=1731600000&f=/styles/theme-base.css", 31000)]
PHPDOC.js = [("/cached.php?t=1731600000&f=/js/ext/jquery-3.6.0.min.js", 89000),
             ("/cached.php?t=1731600000&f=/js/common.js", 36000)]
PHPDOC.fonts = [("/fonts/Fira/woff2/FiraSans-Regular.woff2", 104000)]
PHPDOC.imgs = [("/images/logos/php-logo.svg", 2300)]
PHPDOC_P = ["function.exec", "function.shell-exec", "function.system", "function.passthru",
            "mysqli.real-escape-string", "function.eval", "function.include", "reserved.variables.get",
            "function.file-get-contents", "function.unserialize", "wrappers.php", "function.base64-decode",
            "function.phpinfo", "ini.core", "function.escapeshellarg", "function.proc-open", "pdo.prepared-statements"]


def phpdoc_session(v):
    ref, src = arrive(v, (10, 85, 5))
    v.go("/manual/en/%s.php" % R.choice(PHPDOC_P), ref=ref, xhr=["/js/search-index.php?lang=en"], think=(20, 120))
    desc = ["PHP manual reader"]
    for _ in range(R.randint(1, 4)):
        p = R.choice(PHPDOC_P)
        if R.random() < 0.5:
            fn = p.split(".", 1)[1].replace("-", "_")
            v.go("/manual-lookup.php?pattern=%s&scope=quickref" % form(fn), status=302,
                 to="/manual/en/%s.php" % p, think=(15, 100))
            desc.append("lookup " + fn)
        else:
            v.go("/manual/en/%s.php" % p, think=(15, 100))
    v.label("; ".join(desc))


MAN = static_site("man.linuxdocs.example", prefix="/s", touch=404)
MAN_P = ["5/passwd", "5/shadow", "1/sudo", "8/useradd", "1/bash", "3/exec", "2/execve", "1/nc", "1/curl",
         "1/wget", "8/iptables", "5/crontab", "1/chmod", "7/signal", "5/sudoers", "8/sshd", "5/hosts",
         "1/cat", "3/system", "1/find", "5/group", "1/su", "3/popen", "1/xargs"]


def man_session(v):
    ref, src = arrive(v, (20, 75, 5))
    first = R.choice(MAN_P)
    if R.random() < 0.4:
        sec, name = first.split("/")
        v.go("/linux/man-pages/man%s/%s.%s.html" % (sec, name, sec), ref=ref, think=(20, 120))
    else:
        v.go("/man/" + first, ref=ref, think=(20, 120))
    desc = ["man page reader"]
    for _ in range(R.randint(1, 5)):
        if R.random() < 0.3:
            q = R.choice(("/etc/shadow", "execve(2)", "popen(3) vs system(3)", "sudoers NOPASSWD: ALL",
                          "ssh -L 8080:localhost:80", "crontab @reboot", "find -exec {} +", "chmod u+s"))
            v.go("/search?q=" + form(q), think=(4, 15))
            desc.append("search [%s]" % q)
        v.go("/man/" + R.choice(MAN_P), think=(15, 120))
    v.label("; ".join(desc))


# ---------------------------------------------------------------- Linux tutorials (WordPress)
LINUX = wp_site("www.linuxtutor.example", theme="generatepress", touch=404)
LINUX_P = ["/how-to-use-etc-passwd-file/", "/bash-shell-scripting-tutorial/", "/linux-cat-command/",
           "/chmod-command-examples/", "/netcat-nc-command-examples/", "/cron-jobs-crontab-guide/",
           "/sudoers-file-explained/", "/find-exec-command/", "/reverse-proxy-nginx-ubuntu/",
           "/how-to-drop-mysql-database/", "/proc-filesystem-explained/"]
LINUX_Q = ["/etc/passwd format", "chmod 755 /var/www/html", "cat /etc/os-release", "/etc/shadow vs /etc/passwd",
           "sudo -i vs su -", "crontab -e", "ls -la | grep conf", "find . -name \"*.log\" -exec rm {} \\;",
           "wget -O - | sh", "bash -c 'echo $PATH'", "nc -lvp 4444", "/proc/cpuinfo", ">/dev/null 2>&1",
           "tar -xzvf file.tar.gz -C /opt", "chown www-data:www-data", "echo $SHELL", "ps aux | grep nginx",
           "iptables -A INPUT -p tcp --dport 22 -j ACCEPT", "kill -9 $(pgrep java)", "sed -i 's/old/new/g' *.txt",
           "../../ relative path", "cd ~/.ssh && ls", "/etc/sudoers.d", "curl -X POST -d @file.json"]


def linux_session(v):
    ref, src = arrive(v, (10, 85, 5))
    v.go(R.choice(LINUX_P), ref=ref, think=(30, 180))
    desc = ["Linux tutorial reader"]
    for _ in range(R.randint(1, 4)):
        q = R.choice(LINUX_Q)
        v.go("/?s=" + form(q), think=(5, 20))
        v.go(R.choice(LINUX_P), think=(30, 150))
        desc.append("search [%s]" % q)
    v.label("; ".join(desc))


# ---------------------------------------------------------------- Windows help
WINHELP = rails_site("support.pcfix.example", touch=404)
WIN_Q = ["C:\\Windows\\System32\\drivers\\etc\\hosts", "C:\\Windows\\Temp full", "%appdata% folder missing",
         "cmd /c del /q", "net user administrator /active:yes", "regedit HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft",
         "powershell -ExecutionPolicy Bypass", "shell:startup", "C:\\Users\\<name>\\AppData",
         "..\\..\\ relative path in .bat", "sfc /scannow", "dism /online /cleanup-image /restorehealth",
         "%temp%", "certutil -hashfile", "win + r cmd", "\\\\server\\share access denied", "echo %PATH%",
         "type nul > file.txt", "C:\\inetpub\\wwwroot"]
WIN_P = ["/kb/fix-hosts-file-access-denied", "/kb/enable-administrator-account-windows-11",
         "/kb/clear-windows-temp-folder", "/kb/run-powershell-script-execution-policy",
         "/kb/startup-folder-location", "/kb/repair-windows-with-sfc-and-dism"]


def winhelp_session(v):
    ref, src = arrive(v, (10, 85, 5))
    v.go(R.choice(WIN_P), ref=ref, think=(30, 150))
    desc = ["Windows help reader"]
    for _ in range(R.randint(1, 3)):
        q = R.choice(WIN_Q)
        typeahead(v, "/api/search/suggest", q)
        v.go("/search?q=%s&product=windows-11" % form(q), think=(5, 30))
        v.go(R.choice(WIN_P), think=(20, 120))
        desc.append("search [%s]" % q)
    if R.random() < 0.3:
        v.xhr("/api/feedback?article=%d&helpful=true" % R.randint(1000, 9999), method="POST", size=20)
    v.label("; ".join(desc))


# ---------------------------------------------------------------- SQL course
SQLC = vite_site("sqlcourse.example", touch=404)
SQLC_P = ["/lesson/select-from-where", "/lesson/union-and-union-all", "/lesson/drop-table",
          "/lesson/sql-injection-and-prepared-statements", "/lesson/insert-into-select", "/lesson/subqueries-exists",
          "/lesson/delete-vs-truncate", "/lesson/information-schema", "/lesson/case-when", "/lesson/group-by-having"]
SQLC_Q = ["SELECT name FROM users WHERE id = 1", "UNION SELECT", "DROP TABLE IF EXISTS", "' OR '1'='1",
          "information_schema.tables", "GROUP BY ... HAVING", "CASE WHEN ... THEN ... END", "COUNT(*) vs COUNT(1)",
          "LIKE '%abc%'", "INSERT INTO t (a, b) VALUES (1, 'x')", "-- comments", "SLEEP() mysql",
          "SELECT * FROM orders o JOIN customers c ON o.cid = c.id", "ORDER BY 1 DESC", "char(39)",
          "select top 10 * from", "WHERE name = 'O''Connor'"]


def sqlc_session(v):
    ref, src = arrive(v, (40, 50, 10))
    v.go(R.choice(SQLC_P), ref=ref, xhr=["/api/me", "/api/progress"], think=(30, 200))
    desc = ["SQL course student"]
    for _ in range(R.randint(1, 4)):
        r = R.random()
        if r < 0.4:
            q = R.choice(SQLC_Q)
            typeahead(v, "/api/search", q)
            v.go("/search?q=" + form(q), think=(5, 25))
            desc.append("search [%s]" % q)
        else:
            p = R.choice(SQLC_P)
            v.go(p, xhr=["/api/lessons/%s" % p.rsplit("/", 1)[1]], think=(30, 180))
            for _ in range(R.randint(1, 4)):
                v.xhr("/api/exercises/%d/run" % R.randint(10, 99), method="POST", status=R.choice((200, 200, 422)),
                      dt=R.uniform(10, 60))
            v.xhr("/api/exercises/%d/check" % R.randint(10, 99), method="POST")
    v.label("; ".join(desc))


DSET = Site("data.cityopen.example",
            css=[("/-/static/app.css?d59929", 18000)],
            js=[("/-/static/sql-formatter-2.3.3.min.js", 21000), ("/-/static/codemirror-5.57.0.min.js", 170000),
                ("/-/static/table.js", 9000)], touch=404, favicon=200)
DSET_SQL = ["select ward, count(*) from building_permits group by ward order by 2 desc",
            "select * from building_permits where address like '%O''Connell%' limit 50",
            "select permit_type, sum(est_cost) as total from building_permits where issued_date >= '2025-01-01' group by permit_type",
            "select b.*, w.name from building_permits b join wards w on b.ward = w.id where w.name = 'Union Square'",
            "select count(*) from street_trees where species like 'Quercus%' and dbh > 30",
            "select * from building_permits where description like '%drop ceiling%'"]


def dset_session(v):
    ref, src = arrive(v, (30, 30, 40))
    v.go("/permits/building_permits?_sort_desc=issued_date&_facet=ward", ref=ref, think=(20, 90))
    v.go("/permits/building_permits?address__contains=%s&_size=100" % form("O'Connell St"), think=(10, 40))
    desc = ["open-data explorer (Datasette SQL in URLs)"]
    for _ in range(R.randint(1, 3)):
        sql = R.choice(DSET_SQL)
        v.go("/permits?sql=" + form(sql), think=(20, 120))
        if R.random() < 0.4:
            v.go("/permits.csv?sql=%s&_size=max" % form(sql), think=(5, 20))
            desc.append("csv export")
    v.label("; ".join(desc))


# ---------------------------------------------------------------- JavaScript course
JSC = static_site("jslearn.example", prefix="/pack", touch=200)
JSC_P = ["/alert-prompt-confirm", "/script-async-defer", "/eval", "/cookie", "/xmlhttprequest",
         "/onload-ondomcontentloaded", "/template-element", "/regexp-introduction", "/new-function",
         "/cross-window-communication", "/fetch-crossorigin", "/modifying-document"]
JSC_Q = ["alert(", "alert() vs console.log()", "<script defer>", "document.cookie", "onerror", "eval('2+2')",
         "new Function('a', 'b', 'return a + b')", "`${name}`", "setTimeout(\"code\", 100)",
         "innerHTML += '<b>hi</b>'", "window.location.href =", "prompt('Your age?', 100)", "confirm(\"sure?\")",
         "<body onload=\"init()\">", "String.raw`\\n`", "a => a * 2", "?. and ??"]


def jsc_session(v):
    ref, src = arrive(v, (25, 70, 5))
    v.go(R.choice(JSC_P), ref=ref, think=(30, 200))
    desc = ["JavaScript course reader"]
    for _ in range(R.randint(1, 4)):
        if R.random() < 0.5:
            q = R.choice(JSC_Q)
            v.go("/search/?query=" + form(q), think=(5, 25))
            desc.append("search [%s]" % q)
        p = R.choice(JSC_P)
        v.go(p, think=(30, 200))
        if R.random() < 0.3:
            v.go("/task%s-hello" % p, think=(20, 60))
            v.xhr("/sandbox/%s/?" % hexs(32), size=800)
    v.label("; ".join(desc))


# ---------------------------------------------------------------- non-English sites
UA["qq"] = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/94.0.4606.71 Safari/537.36 Core/1.94.253.400 QQBrowser/12.6.5785.400"]
UA["uc"] = ["Mozilla/5.0 (Linux; U; Android 12; zh-CN; V2207A Build/SP1A.210812.003) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0.4896.58 UCBrowser/17.2.8.1362 Mobile Safari/537.36"]
UA["huawei"] = ["Mozilla/5.0 (Linux; Android 12; HarmonyOS; NOH-AN00; HMSCore 6.14.0.322) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.5735.196 HuaweiBrowser/15.0.4.312 Mobile Safari/537.36"]

INTL = {
    "zh": dict(site=static_site("www.zhidao.example", touch=200), uas=["chrome_win", "wechat", "qq", "uc", "huawei", "safari_iphone", "edge"],
               refs=["https://www.baidu.com/link?url=%s&wd=&eqid=%s" % (b64u(60), hexs(32)), "https://cn.bing.com/",
                     "https://www.sogou.com/", NONE, NONE],
               pages=["/question/%d" % n for n in (482133, 517200, 390018)] + ["/tag/" + pq(t) for t in ("数据库", "网络安全", "前端开发")],
               queries=["数据库 连接失败", "如何 删除 表格", "“脚本”错误怎么办", "电脑 蓝屏 0x0000007B", "微信 登录 不了？",
                        "小米14 vs 华为Mate 60", "C盘 满了 怎么清理", "Python 爬虫 入门", "select 语句 用法"],
               search="/search?q=%s&type=question"),
    "ja": dict(site=next_site("www.nihon-news.example", touch=200), uas=["safari_iphone", "line", "chrome_win", "chrome_android", "edge"],
               refs=["https://news.yahoo.co.jp/", "https://search.yahoo.co.jp/", "https://www.google.co.jp/", NONE],
               pages=["/articles/-/%d" % n for n in (812345, 812390, 811002)] + ["/tag/" + pq(t) for t in ("東京", "円安", "大谷翔平")],
               queries=["東京 天気 週末", "円安 いつまで", "大谷翔平 ホームラン", "マイナ保険証 使い方", "「選択」と「集中」",
                        "ｽﾏﾎ 料金 比較", "台風２５号 進路", "令和7年 年末調整"],
               search="/search?q=%s"),
    "ar": dict(site=static_site("www.akhbar.example", touch=404), uas=["chrome_android", "safari_iphone", "samsung", "fb_android", "chrome_win"],
               refs=["https://www.google.com.eg/", "https://www.google.com.sa/", NONE, "https://l.facebook.com/"],
               pages=["/ar/" + pq(p) for p in ("الأخبار/مصر/الحكومة-تعلن-الموازنة-الجديدة", "رياضة/كرة-القدم/الأهلي-ضد-الزمالك",
                                               "اقتصاد/أسعار-الذهب-اليوم")],
               queries=["أسعار الذهب اليوم", "نتيجة مباراة الأهلي", "طقس القاهرة", "سعر الدولار مقابل الجنيه", "امتحانات \"الثانوية العامة\""],
               search="/ar/search?q=%s"),
    "ru": dict(site=static_site("www.otzyvy.example", touch=404), uas=["yandex", "chrome_win", "chrome_android", "firefox", "safari_iphone"],
               refs=["https://yandex.ru/", "https://ya.ru/", "https://away.vk.com/", "https://xn--e1afmkfd.xn--p1ai/", NONE, "https://dzen.ru/"],
               pages=["/" + pq(p) for p in ("отзывы/пылесосы/dyson-v15", "отзывы/банки/сбербанк-вклад-управляй",
                                            "форум/дача/как-удалить-пень-без-корчевания")],
               queries=["отзывы о пылесосе dyson", "как удалить аккаунт", "«Сбер» вклад 20%", "ремонт & отделка",
                        "ошибка 0x80070005", "скрипт для 1С", "стиральная машина < 30 000 руб"],
               search="/poisk?text=%s"),
    "hi": dict(site=static_site("www.samachar.example", touch=404), uas=["chrome_android", "samsung", "opera", "chrome_win", "fb_android"],
               refs=["https://www.google.co.in/", NONE, "https://l.facebook.com/", "android-app://com.whatsapp/"],
               pages=["/" + pq(p) for p in ("राष्ट्रीय/बजट-2025-मुख्य-बातें", "खेल/क्रिकेट/भारत-बनाम-ऑस्ट्रेलिया",
                                            "मनोरंजन/बॉलीवुड-समाचार")],
               queries=["आज का मौसम", "पीएम किसान योजना", "सोने का भाव", "भारत बनाम ऑस्ट्रेलिया स्कोर", "आधार कार्ड अपडेट"],
               search="/search?q=%s"),
    "th": dict(site=wp_site("www.thaitravel.example", theme="newspaper", touch=404), uas=["chrome_android", "line", "safari_iphone", "samsung"],
               refs=["https://www.google.co.th/", "https://pantip.com/", NONE],
               pages=["/" + pq(p) + "/" for p in ("เที่ยวเชียงใหม่-3-วัน-2-คืน", "ร้านอาหาร-กรุงเทพ", "วิธีขอวีซ่าญี่ปุ่น")],
               queries=["ที่พัก เชียงใหม่", "ตั๋วรถไฟ กรุงเทพ-หัวหิน", "ร้านอาหาร & คาเฟ่", "วีซ่า ญี่ปุ่น"],
               search="/?s=%s"),
    "he": dict(site=static_site("www.ivrit.example", touch=404), uas=["chrome_win", "safari_iphone", "chrome_android", "edge"],
               refs=["https://www.google.co.il/", NONE, "https://www.ynet.co.il/"],
               pages=["/" + pq(p) for p in ("מתכונים/שקשוקה-קלאסית", "חדשות/כלכלה/ריבית-בנק-ישראל", "פורום/מחשבים/בעיה-בהתקנה")],
               queries=["שקשוקה", "ריבית בנק ישראל", "מחשב נייד עד 3000 ₪", "צה\"ל", "תל אביב - ירושלים רכבת"],
               search="/search?q=%s"),
    "ko": dict(site=next_site("www.hanguk-shop.example", touch=200), uas=["whale", "samsung", "chrome_win", "safari_iphone"],
               refs=["https://search.naver.com/", "https://m.search.naver.com/", "https://search.daum.net/", NONE],
               pages=["/goods/" + pq(p) for p in ("겨울-패딩-롱", "무선-이어폰-노이즈캔슬링", "전기-요-더블")],
               queries=["겨울 패딩", "무선 이어폰 & 케이스", "전기요 (더블)", "아이폰16 케이스", "김치냉장고 < 100만원"],
               search="/search?keyword=%s"),
    "de": dict(site=wp_site("www.stadtinfo.example", theme="astra", touch=404), uas=["firefox", "chrome_win", "safari_iphone", "samsung", "edge"],
               refs=["https://www.google.de/", "https://xn--mnchen-3ya.de/", "https://xn--bcher-kva.de/", "https://www.ecosia.org/", NONE],
               pages=["/" + pq(p) + "/" for p in ("veranstaltungen/weihnachtsmärkte-2025", "verkehr/straßenbahn-störungen",
                                                  "bürgerservice/anmeldung-wohnsitz")],
               queries=["Straßenbahn München", "Führerschein umtauschen", "Öffnungszeiten Bürgerbüro", "Müllabfuhr & Wertstoffhof",
                        "Kita-Gebühren > 300 €"],
               search="/?s=%s"),
    "emoji": dict(site=vite_site("www.partyshop.example", touch=200), uas=["safari_iphone", "instagram", "tiktok", "chrome_android"],
                  refs=[NONE, "https://www.pinterest.com/", "https://l.instagram.com/"],
                  pages=["/tags/" + pq(t) for t in ("🎂", "🎉-party", "🦄-unicorn")] + ["/p/" + pq("❤️-balloons-pack")],
                  queries=["🎂 cake topper", "🎄 ornaments", "unicorn 🦄 + rainbow", "❤️ balloons", "30th 🎉"],
                  search="/search?q=%s"),
}


def intl_session(v, lang):
    c = INTL[lang]
    ref = R.choice(c["refs"])
    if v.kind in INAPP_REF:
        ref = INAPP_REF[v.kind]
    v.go(R.choice(c["pages"]), ref=ref, think=(20, 150))
    desc = ["%s-language site reader" % lang]
    for _ in range(R.randint(1, 4)):
        if R.random() < 0.55:
            q = R.choice(c["queries"])
            v.go(c["search"] % form(q), think=(5, 30))
            desc.append("search")
        v.go(R.choice(c["pages"]), think=(20, 150))
    v.label("; ".join(desc))


# ---------------------------------------------------------------- SaaS app: accounts
APP = vite_site("app.taskly.example", manifest="/manifest.webmanifest", sw="/sw.js", touch=200)
APP_EMAILS = ["jane.o'connor@example.com", "m.garcia+taskly@example.org", "dev-team@example.co.uk",
              "\u00e9lodie.b@example.fr", "sam_lee@example.com"]


def jwt():
    return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + b64u(R.randint(80, 140)) + "." + b64u(43)


def app_home(v, target="/dashboard"):
    v.go(target, xhr=["/api/me", "/api/projects?include=owner,members&page%5Bsize%5D=25&page%5Bnumber%5D=1",
                      "/api/notifications?unread=true&limit=20"], think=(1, 3))
    v.hit("GET", "/cable", 101, 0, CUR)          # websocket upgrade
    v.wait(10, 60)


def app_session(v):
    desc = ["web app user"]
    r = R.random()
    ref = NONE
    if r < 0.35:
        # bookmark to a deep page while logged out: login wall, maybe typos
        nxt = R.choice(["/dashboard?tab=billing", "/projects/4411/board?view=kanban&filter=assignee%3Ame",
                        "/settings/team", "/reports/q3?from=2025-07-01&to=2025-09-30&group_by=week"])
        v.go(nxt, ref=NONE, status=302, to="/login?next=" + form(nxt), think=(6, 20))
        fails = R.choice((0, 0, 1, 2, 3))
        for _ in range(fails):
            v.post("/login?next=" + form(nxt), status=200, think=(4, 15))
        v.post("/login?next=" + form(nxt), status=302)
        app_home(v, nxt)
        desc.append("login wall then login%s" % (" after %d wrong passwords" % fails if fails else ""))
    elif r < 0.5:
        prov = R.choice(("google", "github", "microsoft", "apple"))
        v.go("/login", ref=R.choice(("https://www.taskly.example/", NONE)), think=(3, 10))
        v.go("/auth/%s?next=%%2Fdashboard" % prov, status=302, to="https://idp/")
        v.wait(4, 25)
        st = b64u(32)
        if prov == "google":
            v.go("/auth/google/callback?state=%s&code=4%%2F0AeanS0Z%s&scope=email+profile+openid+https%%3A%%2F%%2Fwww.googleapis.com%%2Fauth%%2Fuserinfo.email+https%%3A%%2F%%2Fwww.googleapis.com%%2Fauth%%2Fuserinfo.profile&authuser=0&prompt=none"
                 % (st, b64u(60)), ref="https://accounts.google.com/", status=302, to="/dashboard")
        elif prov == "github":
            v.go("/auth/github/callback?code=%s&state=%s" % (hexs(20), st), ref="https://github.com/",
                 status=302, to="/dashboard")
        else:
            host = "https://login.microsoftonline.com/" if prov == "microsoft" else "https://appleid.apple.com/"
            v.hit("POST", "/auth/%s/callback" % prov, 302, 0, host)      # response_mode=form_post
            v.t += 0.3
            v.page = None
            v.go("/dashboard", ref=host)
        v.hit("GET", "/cable", 101, 0, CUR)
        desc.append("OAuth sign-in via " + prov)
    elif r < 0.62:
        em = R.choice(APP_EMAILS)
        v.go("/login", ref=NONE, think=(3, 10))
        v.post("/login", status=200, think=(3, 10))
        v.go("/password/forgot?email=" + form(em), think=(4, 12))
        v.post("/password/forgot", status=302, to="/password/forgot/sent")
        v.wait(30, 240)
        v.page = None
        v.go("/password/reset?token=%s&email=%s" % (hexs(64), form(em)),
             ref=R.choice((NONE, "https://mail.google.com/", "https://outlook.live.com/")), think=(10, 40))
        v.post("/password/reset", status=302, to="/login?reset=1")
        v.post("/login?reset=1", status=302)
        app_home(v)
        desc.append("password reset by mail link")
    elif r < 0.72:
        v.go("/login", ref=NONE, think=(3, 10))
        v.post("/login/magic-link", status=302, to="/login/check-your-email")
        v.wait(20, 120)
        v.page = None
        v.go("/auth/magic?token=%s&redirect=%%2Fdashboard" % jwt(),
             ref=R.choice((NONE, "https://mail.google.com/", "android-app://com.google.android.gm/")),
             status=302, to="/dashboard")
        desc.append("magic link")
    elif r < 0.82:
        v.go("/signup?plan=pro&ref=pricing", ref="https://www.taskly.example/", think=(20, 60))
        v.xhr("/api/signup/check-email?email=" + euri(R.choice(APP_EMAILS), v.esc_quote), size=40)
        v.post("/signup?plan=pro&ref=pricing", status=302, to="/onboarding/verify-email")
        v.wait(30, 200)
        v.page = None
        v.go("/verify-email?uid=%d&token=%s-%s" % (R.randint(10 ** 5, 10 ** 6), alnum(6).lower(), hexs(32)),
             ref=NONE, status=302, to="/onboarding/welcome")
        desc.append("sign-up and e-mail verification")
    else:
        v.go("/login?next=%2Fdashboard", ref=NONE, think=(5, 15))
        v.post("/login?next=%2Fdashboard", status=302, to="/login/2fa?next=%2Fdashboard", think=(10, 30))
        v.post("/login/2fa?next=%2Fdashboard", status=200, think=(5, 15))
        v.post("/login/2fa?next=%2Fdashboard", status=302)
        app_home(v)
        desc.append("login with 2FA, one mistyped code")
    # working in the app
    for _ in range(R.randint(2, 8)):
        pid = R.randint(1000, 9999)
        v.xhr("/api/projects/%d/tasks?filter%%5Bstatus%%5D=open&filter%%5Bassignee%%5D=me&sort=-updated_at&include=labels,comments"
              % pid, dt=R.uniform(5, 60))
        v.page = v.url("/projects/%d/board" % pid)
        if R.random() < 0.5:
            v.xhr("/api/tasks/%d" % R.randint(10 ** 5, 10 ** 6), method="PATCH", size=900)
        if R.random() < 0.2:
            q = R.choice(("bug: login <500ms", "\"drop table\" migration", "O'Connor invoice", "#1234 | #1240",
                          "select all tasks", "100% done", "exec summary"))
            typeahead(v, "/api/search", q)
    if R.random() < 0.15:
        v.go("/admin/billing", status=403, think=(3, 10))
        desc.append("403 on admin page (not an admin)")
    if R.random() < 0.15:
        v.xhr("/api/reports/export?format=csv", status=500, size=120)
        v.xhr("/api/reports/export?format=csv", size=48000, dt=R.uniform(5, 20))
        desc.append("one 500 then retry")
    if R.random() < 0.2:
        # password manager "change password" and passkey discovery (no Referer)
        v.hit("GET", "/.well-known/resource-that-should-not-exist-whose-status-code-should-not-be-200", 404, 162, NONE, 0.1)
        v.hit("GET", "/.well-known/change-password", 302, 0, NONE, 0.2)
        v.hit("GET", "/settings/security", 200, 21000, NONE, 0.5)
        v.hit("GET", "/.well-known/passkey-endpoints", 200, 110, NONE, 0.8)
        v.wait(5, 30)
        desc.append("password manager .well-known checks")
    r = R.random()
    if r < 0.4:
        v.go("/logout?next=/", status=302, to="/login?logged_out=1")
        desc.append("logout next=/")
    elif r < 0.6:
        v.go("/oauth2/logout?client_id=%s&post_logout_redirect_uri=%s&id_token_hint=%s"
             % (hexs(32), euri("https://app.taskly.example/signed-out", v.esc_quote), jwt()), status=302,
             to="https://login.taskly.example/")
        desc.append("SSO logout with post_logout_redirect_uri")
    elif r < 0.7:
        v.go("/logout?redirect_uri=" + euri("https://www.taskly.example/", v.esc_quote), status=302,
             to="https://www.taskly.example/")
        desc.append("logout redirect_uri")
    v.label("; ".join(desc))


# ---------------------------------------------------------------- site owners in their admin tools
BLOG = wp_site("blog.janedoe.example", theme="twentytwentyfour", touch=404)
WP_ADMIN_CSS = ("/wp-admin/load-styles.php?c=0&dir=ltr&load%5Bchunk_0%5D=dashicons,admin-bar,common,forms,admin-menu,"
                "dashboard,list-tables,edit,revisions,media,themes,about,nav-menus,wp-pointer,widgets&load%5Bchunk_1%5D="
                ",site-icon,l10n,buttons,wp-auth-check&ver=6.7")
WP_ADMIN_JS = "/wp-admin/load-scripts.php?c=0&load%5Bchunk_0%5D=jquery-core,jquery-migrate,utils&ver=6.7"


def wp_admin_page(v, target, xhr=(), think=(10, 60)):
    v.go(target, imgs=[(WP_ADMIN_CSS, 98000), (WP_ADMIN_JS, 120000)], xhr=xhr, think=think)


def wpadmin_session(v):
    h = v.site.host
    v.go("/wp-admin/", ref=NONE, status=302,
         to="/wp-login.php?redirect_to=%s&reauth=1" % form("https://%s/wp-admin/" % h), think=(5, 15))
    fails = R.choice((0, 1, 1, 2))
    for _ in range(fails):
        v.post("/wp-login.php", status=200, think=(5, 15))
    v.post("/wp-login.php", status=302)
    wp_admin_page(v, "/wp-admin/", xhr=[("POST", "/wp-admin/admin-ajax.php", 200, 180)])
    pid = R.randint(1000, 2000)
    wp_admin_page(v, "/wp-admin/edit.php", think=(5, 20))
    v.go("/wp-admin/post.php?post=%d&action=edit" % pid,
         xhr=["/wp-json/wp/v2/posts/%d?context=edit&_locale=user" % pid, "/wp-json/wp/v2/types?context=view&_locale=user",
              "/wp-json/wp/v2/users/me?_locale=user", "/wp-json/wp/v2/blocks?per_page=100&context=edit&_locale=user",
              "/wp-json/wp/v2/settings?_locale=user", "/wp-json/wp/v2/taxonomies?context=view&_locale=user",
              "/wp-json/wp/v2/posts/%d/autosaves?context=edit&_locale=user" % pid], think=(2, 5))
    for _ in range(R.randint(2, 6)):
        v.xhr("/wp-admin/admin-ajax.php", method="POST", size=R.randint(100, 400), dt=R.uniform(55, 65))  # heartbeat
        if R.random() < 0.4:
            v.xhr("/wp-json/wp/v2/posts/%d/autosaves?_locale=user" % pid, method="POST", size=3200)
    v.xhr("/wp-json/wp/v2/media?_locale=user", method="POST", size=2800)
    v.xhr("/wp-json/wp/v2/posts/%d?_locale=user" % pid, method="POST", size=5100)
    v.go("/2025/11/%s/?preview_id=%d&preview_nonce=%s&preview=true" % (R.choice(("drop-shipping-lessons", "my-shell-setup",
                                                                                 "union-station-photo-walk")), pid, hexs(10)),
         assets=False, think=(10, 40))
    wp_admin_page(v, "/wp-admin/edit-comments.php?comment_status=moderated", think=(10, 30))
    v.go("/wp-admin/comment.php?c=%d&action=approvecomment&_wpnonce=%s" % (R.randint(100, 900), hexs(10)),
         status=302, to="/wp-admin/edit-comments.php?comment_status=moderated&approved=1&ids=512")
    if R.random() < 0.5:
        wp_admin_page(v, "/wp-admin/plugin-install.php?s=%s&tab=search&type=term" % form("contact form 7"), think=(10, 30))
        wp_admin_page(v, "/wp-admin/update-core.php", think=(5, 20))
    v.go("/wp-login.php?action=logout&_wpnonce=%s" % hexs(10), status=302, to="/wp-login.php?loggedout=true&wp_lang=en_US")
    v.label("WordPress owner: login (%d typos), Gutenberg edit, moderation, logout" % fails)


PMA = Site("admin.smallbiz.example", css=[("/phpmyadmin/themes/pmahomme/css/theme.css?v=5.2.1", 270000)],
           js=[("/phpmyadmin/js/vendor/jquery/jquery.min.js?v=5.2.1", 89000), ("/phpmyadmin/js/dist/common.js?v=5.2.1", 23000),
               ("/phpmyadmin/js/messages.php?l=en&v=5.2.1", 64000)], touch=404)


def pma_session(v):
    tok = hexs(32)
    v.go("/phpmyadmin/", ref=NONE, think=(5, 15))
    v.post("/phpmyadmin/index.php?route=/", status=302, to="/phpmyadmin/index.php?route=/")
    v.xhr("/phpmyadmin/index.php?route=/navigation&ajax_request=1", method="POST")
    v.go("/phpmyadmin/index.php?route=/database/structure&db=shop", think=(5, 20))
    for tbl in R.sample(["orders", "customers", "products", "coupons"], 2):
        v.go("/phpmyadmin/index.php?route=/sql&db=shop&table=%s&pos=0" % tbl, think=(10, 60))
    q = R.choice(["SELECT * FROM `customers` WHERE `last_name` LIKE '%O''Connor%'",
                  "SELECT `id`, `email`, `created_at` FROM `customers` ORDER BY `created_at` DESC",
                  "SELECT COUNT(*) FROM `orders` WHERE `status` = 'refunded'"])
    # "Edit" / "Bookmark" links carry the query in the URL
    tbl = "orders" if "`orders`" in q else "customers"
    v.go("/phpmyadmin/index.php?route=/sql&db=shop&table=%s&sql_query=%s&server=1&token=%s" % (tbl, form(q), tok),
         think=(10, 60))
    v.post("/phpmyadmin/index.php?route=/export", status=200, size=890000, think=(5, 20))
    v.go("/phpmyadmin/index.php?route=/logout", status=302, to="/phpmyadmin/index.php?route=/")
    v.label("small shop admin in phpMyAdmin (SQL in Edit link)")


OPS = Site("ops.example-corp.example", css=[("/public/build/grafana.light.%s.css" % hexs(20), 410000)],
           js=[("/public/build/app.%s.js" % hexs(20), 2900000), ("/public/build/runtime.%s.js" % hexs(20), 38000)],
           touch=404)


def ops_session(v):
    v.go("/d/%s/api-overview?orgId=1&from=now-6h&to=now&var-env=prod&refresh=30s" % alnum(9), ref=NONE,
         xhr=[("POST", "/api/ds/query?ds_type=prometheus&requestId=Q%d" % i, 200, 14000) for i in range(100, 106)],
         think=(20, 60))
    for _ in range(R.randint(2, 6)):
        v.xhr("/api/ds/query?ds_type=prometheus&requestId=Q%d" % R.randint(200, 900), method="POST",
              size=14000, dt=R.uniform(29, 31))
    expr = 'sum by (status) (rate(http_requests_total{job="api", path=~"/admin.*|/login"}[5m]))'
    panes = ('{"x1":{"datasource":"prom","queries":[{"refId":"A","expr":"%s"}],"range":{"from":"now-1h","to":"now"}}}'
             % expr.replace('"', '\\"'))
    v.go("/explore?schemaVersion=1&panes=%s&orgId=1" % euri(panes, v.esc_quote), think=(20, 90))
    # Kibana keeps its state (KQL) in the #fragment and POSTs the search: nothing of it in the URL
    v.go("/app/discover", think=(1, 2))
    v.xhr("/api/saved_objects/_find?type=index-pattern&fields=title&per_page=10000", size=2200)
    for _ in range(R.randint(2, 5)):
        v.xhr("/internal/search/es", method="POST", size=88000, dt=R.uniform(10, 60))
    v.label("engineer in Grafana Explore and Kibana (PromQL/KQL in URLs)")


# ---------------------------------------------------------------- browser behaviour, benign errors
def tv_session(v):
    v.go("/", ref=NONE, think=(5, 20))
    vid = hexs(12)
    v.go("/video/%s" % vid, think=(0.5, 1))
    v.xhr("/video/hls/%s/master.m3u8" % vid, size=900, dt=0.3)
    v.xhr("/video/hls/%s/1080p/index.m3u8" % vid, size=4200, dt=0.1)
    for i in range(1, R.randint(30, 90)):
        v.xhr("/video/hls/%s/1080p/seg_%05d.ts" % (vid, i), size=R.randint(900000, 2400000), dt=R.uniform(5.5, 6.5))
    v.label("smart TV browser watching an HLS video")


def prefetch_session(v):
    """Chrome speculation rules: the next article is prefetched (no assets), then opened."""
    ref, src = arrive(v, (30, 50, 20))
    art = R.choice(NEWS_A)
    v.go(art, ref=ref, think=(3, 10))
    nxt = R.choice([a for a in NEWS_A if a != art])
    v.hit("GET", nxt, 200, html_size(NEWS), CUR)                 # Sec-Purpose: prefetch
    other = R.choice(NEWS_A)
    v.hit("GET", other, 200, html_size(NEWS), CUR, 0.4)          # hovered, never opened
    v.wait(20, 90)
    page = v.page
    v.page = v.url(nxt)
    v.pages += 1
    v.img(news_img(nxt.rsplit("/", 1)[1], 960))
    v.wait(20, 90)
    v.go(R.choice(NEWS_A), think=(5, 20))
    v.label("Chrome prefetch/prerender of next articles")


def pdf_session(v):
    """A PDF opened in the browser's viewer: first request, then byte ranges; a
    download-manager extension first HEADs the file."""
    v.go(R.choice(("/q/what-is-a-lease-addendum-88221", "/guides/tenant-rights")), ref=R.choice(SEARCH), think=(10, 40))
    f = R.choice(("/files/residential-lease-template-2025.pdf", "/files/small-claims-court-guide.pdf"))
    if R.random() < 0.7:
        v.hit("HEAD", f, 200, 0, CUR, 0.2)
    v.xhr(f, size=65536, dt=0.5)
    for _ in range(R.randint(2, 6)):
        v.xhr(f, status=206, size=R.randint(65536, 524288), dt=R.uniform(0.1, 3))
    v.label("PDF viewer range requests%s" % ("" if True else ""))


def reload_session(v):
    ref, src = arrive(v)
    p = R.choice(SHOP_P)
    shop_product(v, p, ref=ref)
    v.reload()
    if R.random() < 0.5:
        v.reload()
    # clicking the link of the page one is on: the page is its own Referer
    v.go("/p/" + p, ref=v.url("/p/" + p), think=(5, 20))
    v.go("/", think=(5, 20))
    v.go("/", think=(5, 20))
    v.label("reloads (F5) and same-page link clicks")


def curious_session(v):
    """A developer looks at the site's public files by hand."""
    v.go("/", ref=NONE, think=(5, 20))
    for path, st in (("/robots.txt", 200), ("/sitemap.xml", 200), ("/.well-known/security.txt", 200),
                     ("/humans.txt", 404), ("/ads.txt", 200), ("/manifest.json", 200), ("/sw.js", 200)):
        v.go(path, ref=NONE, status=st, assets=False, size=R.randint(300, 9000) if st == 200 else 1200, think=(3, 15))
    v.label("developer reading robots.txt, security.txt, manifest by hand")


def stale_link_session(v):
    site = v.site
    ref = R.choice(("https://forums.example.net/", "https://www.reddit.com/", NONE, "https://web.archive.org/"))
    old = R.choice(("/2019/03/14/best-cast-iron-care-tips/", "/recipes/old-fashioned-drop-scones-2017/",
                    "/blog/2018/how-to-season-a-pan", "/index.php?option=com_content&view=article&id=42&Itemid=7",
                    "/2016/05/union-jack-cupcakes/amp/"))
    v.go(old, ref=ref, status=404, think=(3, 10))
    if R.random() < 0.5:
        v.go(old.rstrip("/"), ref=NONE, status=404, think=(3, 10))   # tries again without the slash
    v.go("/", ref=NONE, think=(3, 15))
    v.go("/?s=" + form(old.strip("/").split("/")[-1].replace("-", " ")[:30]), think=(5, 20))
    v.go("/recipes/%s/" % R.choice(RECIPE_P), think=(30, 120))
    v.label("old link to a removed page: 404, then home and search")


def typo_session(v):
    typo, right = R.choice([("/contcat", "/contact"), ("/abuot", "/about"), ("/Login", "/login"),
                            ("/serach?q=mug", "/search?q=mug"), ("/cart/", "/cart"), ("/p/drop-leaf-tabel", "/p/drop-leaf-table"),
                            ("/checkout.html", "/checkout"), ("/p/union-jack-mug%20", "/p/union-jack-mug")])
    v.go(typo, ref=NONE, status=404, think=(2, 8))
    v.go(right, ref=NONE, think=(10, 60))
    v.go("/", think=(5, 30))
    v.label("mistyped URL (404) then the right one")


def broken_deploy_session(v):
    """HTML from a stale cache names chunks the new deploy removed: they 404, the person reloads."""
    ref, src = arrive(v)
    slug = R.choice(SHOP_P)
    v.hit("GET", "/p/" + slug, 200, html_size(SHOP), ref)
    v.page = v.url("/p/" + slug)
    old = [("/_next/static/css/%s.css" % hexs(16)), ("/_next/static/chunks/main-%s.js" % hexs(16)),
           ("/_next/static/chunks/pages/_app-%s.js" % hexs(16)),
           ("/_next/static/chunks/pages/p/%%5Bslug%%5D-%s.js" % hexs(16))]
    for p in old:
        v.hit("GET", p, 404, 1200, v.page, R.uniform(0.1, 0.6))
    v.hit("GET", "/favicon.ico", 200, 15086, v.page, 0.8)
    v.wait(5, 20)
    v.page_target = "/p/" + slug
    v.page_ref = ref
    v.go("/p/" + slug, ref=ref, think=(10, 60))     # reload: fresh HTML, new chunks load
    v.label("page after a deploy: stale chunk names 404, then reload works")


def missing_assets_session(v):
    """A theme page whose images/fonts moved: several 404s on one page view."""
    ref, src = arrive(v)
    v.go(R.choice(LINUX_P), ref=ref,
         imgs=[("/wp-content/uploads/2021/06/terminal-screenshot.png", 0, 404),
               ("/wp-content/uploads/2021/06/etc-passwd-fields.png", 0, 404),
               ("/wp-content/themes/generatepress/assets/fonts/generatepress.woff2", 0, 404)],
         think=(30, 120))
    v.go(R.choice(LINUX_P), think=(20, 90))
    v.label("page with missing images and font (404s)")


def trailing_slash_session(v):
    ref, src = arrive(v)
    v.go("/en-US/docs/Web/HTML/Element/iframe/", ref=ref, status=301, to="/en-US/docs/Web/HTML/Element/iframe",
         think=(20, 90))
    v.go("/en-us/docs/web/api/window/alert", status=301, to="/en-US/docs/Web/API/Window/alert", think=(20, 90))
    v.label("301 redirects (case, trailing slash) on a docs site")


# ---------------------------------------------------------------- the plan
def intl(lang):
    return lambda v: intl_session(v, lang)


# (session, site, user-agent kind or None for the usual mix, visitors)
PLAN = [
    (shop_session, SHOP, None, 40), (shop_session, SHOP, "fb_ios", 3), (shop_session, SHOP, "fb_android", 2),
    (shop_session, SHOP, "instagram", 3), (shop_session, SHOP, "tiktok", 2),
    (discourse_session, DISC, None, 25), (phpbb_session, PHPBB, None, 18), (agg_session, AGG, None, 8),
    (recipe_session, RECIPE, None, 24), (recipe_session, RECIPE, "old_ipad", 3), (recipe_session, RECIPE, "kindle", 1),
    (recipe_session, RECIPE, "fb_android", 2),
    (med_session, MED, None, 20), (law_session, LAW, None, 15), (qa_session, QA, None, 30),
    (wiki_session, WIKI, None, 27), (wiki_session, WIKI, "kindle", 2), (wiki_session, WIKI, "old_ipad", 1),
    (dict_session, DICT, None, 14), (dict_session, DICT, "kindle", 1),
    (lyrics_session, LYR, None, 15), (code_session, CODE, None, 25),
    (news_session, NEWS, None, 28), (news_session, NEWS, "fb_ios", 2), (news_session, NEWS, "line", 1),
    (news_session, NEWS, "old_ipad", 2), (tv_session, NEWS, "smart_tv", 3),
    (mdn_session, MDN, None, 20), (learn_session, LEARN, None, 15), (phpdoc_session, PHPDOC, None, 12),
    (man_session, MAN, None, 12), (linux_session, LINUX, None, 15), (winhelp_session, WINHELP, None, 12),
    (sqlc_session, SQLC, None, 12), (dset_session, DSET, None, 6), (jsc_session, JSC, None, 12),
    (app_session, APP, None, 35), (wpadmin_session, BLOG, None, 4), (pma_session, PMA, None, 2),
    (ops_session, OPS, None, 3),
    (prefetch_session, NEWS, "chrome_win", 4), (prefetch_session, NEWS, "chrome_android", 2),
    (pdf_session, LAW, None, 6), (reload_session, SHOP, None, 3), (reload_session, SHOP, "firefox", 2),
    (curious_session, NEWS, None, 2), (stale_link_session, RECIPE, None, 5), (typo_session, SHOP, None, 5),
    (broken_deploy_session, SHOP, None, 3), (missing_assets_session, LINUX, None, 2),
    (trailing_slash_session, MDN, None, 3),
    (tv_session, NEWS, "smart_tv", 0),
]
for lang, c in INTL.items():
    for k in c["uas"]:
        PLAN.append((intl(lang), c["site"], k, 1))
    for _ in range(5 - len(c["uas"])):
        PLAN.append((intl(lang), c["site"], None if lang in ("de", "emoji") else c["uas"][0], 1))

# places several people share one address
OFFICE_SITES = [(shop_session, SHOP), (news_session, NEWS), (qa_session, QA), (mdn_session, MDN),
                (code_session, CODE), (app_session, APP), (wiki_session, WIKI), (winhelp_session, WINHELP),
                (med_session, MED), (law_session, LAW), (recipe_session, RECIPE), (linux_session, LINUX),
                (discourse_session, DISC), (man_session, MAN)]
SCHOOL_SITES = [(learn_session, LEARN), (jsc_session, JSC), (sqlc_session, SQLC), (wiki_session, WIKI),
                (dict_session, DICT), (mdn_session, MDN), (lyrics_session, LYR), (qa_session, QA)]
GROUPS = [
    # (description, people, sites each visits in a row, user-agent kinds, sites, start spread in seconds)
    ("corporate proxy, %d people", 16, 6, ["chrome_win", "edge", "edge", "chrome_win", "firefox", "chrome_mac"], OFFICE_SITES, 600),
    ("corporate proxy, %d people", 12, 6, ["edge", "chrome_win", "edge", "safari_mac"], OFFICE_SITES, 600),
    ("corporate proxy, %d people", 18, 5, ["chrome_win", "edge", "chrome_mac", "firefox"], OFFICE_SITES, 900),
    ("school network (computer lab), %d pupils", 22, 3, ["chromeos", "chromeos", "edge", "safari_ipad", "chrome_win"], SCHOOL_SITES, 420),
    ("school network, %d pupils", 16, 4, ["chromeos", "chrome_win", "safari_ipad"], SCHOOL_SITES, 600),
    ("university library NAT, %d people", 9, 3, ["chrome_mac", "safari_mac", "firefox", "chrome_win", "edge"], SCHOOL_SITES + OFFICE_SITES, 1800),
    ("commercial VPN exit, %d unrelated people", 3, 1, None, OFFICE_SITES, 7200),
    ("commercial VPN exit, %d unrelated people", 2, 2, None, OFFICE_SITES, 7200),
    ("commercial VPN exit, %d unrelated people", 3, 1, None, SCHOOL_SITES, 7200),
    ("mobile carrier CGNAT address, %d phones", 5, 2, ["chrome_android", "safari_iphone", "samsung", "instagram"], OFFICE_SITES, 3600),
    ("Tor exit, %d Tor Browser users", 3, 1, ["tor"], [(news_session, NEWS), (wiki_session, WIKI), (law_session, LAW), (med_session, MED)], 3600),
    ("Tor exit, %d Tor Browser users", 2, 2, ["tor"], [(news_session, NEWS), (qa_session, QA), (discourse_session, DISC)], 3600),
    ("Opera Mini server-side browser proxy, %d users", 4, 1, ["opera_mini"], [(news_session, NEWS), (recipe_session, RECIPE), (intl("hi"), INTL["hi"]["site"])], 3600),
    ("Google Translate proxy (translate.goog), %d readers", 4, 1, None, [(intl("ar"), INTL["ar"]["site"]), (intl("ja"), INTL["ja"]["site"]), (intl("ru"), INTL["ru"]["site"])], 3600),
    ("Firefox Reader View users behind a home router, %d people", 2, 1, ["firefox"], [(recipe_session, RECIPE), (news_session, NEWS)], 1800),
]


def allocate_ips(n):
    base = int(ipaddress.ip_address("100.96.0.0"))
    seen, out = set(), []
    while len(out) < n:
        x = base + R.randint(256, (1 << 20) - 256)
        if x & 0xFF in (0, 255) or x in seen:
            continue
        seen.add(x)
        out.append(str(ipaddress.ip_address(x)))
    return out


def run():
    singles = [(fn, site, k) for fn, site, k, n in PLAN for _ in range(n)]
    R.shuffle(singles)
    ips = allocate_ips(len(singles) + len(GROUPS))
    group_desc = {}
    for (fn, site, k), ip in zip(singles, ips):
        fn(Visitor(ip, site, k))
    for (desc, n, rounds, kinds, sites, spread), ip in zip(GROUPS, ips[len(singles):]):
        t0 = R.uniform(0, SPAN - 3600)
        first = len(EVENTS)
        for i in range(n):
            kind, ua = pick_ua(R.choice(kinds) if kinds else None)
            if desc.startswith("Google Translate"):
                ua += ",gzip(gfe)"
            t = t0 + R.uniform(0, spread)
            for fn, site in R.sample(sites, rounds):
                v = Visitor(ip, site, kind, ua=ua, t=t)
                fn(v)
                if desc.startswith("Firefox Reader"):
                    # Reader View: the article fetched again for the reader
                    v.hit("GET", v.page_target, 200, html_size(site), NONE, 2)
                t = v.t + R.uniform(10, 120)
        if desc.startswith("Google Translate"):
            for j in range(first, len(EVENTS)):
                e = list(EVENTS[j])
                if e[2] == ip and e[7] != NONE:
                    # every fetch goes through the proxy, sent from the translated page
                    host = e[9]
                    e[7] = "https://%s.translate.goog/" % host.replace("-", "--").replace(".", "-")
                    EVENTS[j] = tuple(e)
        group_desc[ip] = desc % n
    return group_desc


def write(group_desc):
    EVENTS.sort(key=lambda e: (e[0], e[1]))
    with open(os.path.join(HERE, "benign.log"), "w", encoding="utf-8", newline="\n") as f:
        for t, _, ip, m, target, st, size, ref, ua, _host in EVENTS:
            ts = (T0 + datetime.timedelta(seconds=int(t))).strftime("%d/%b/%Y:%H:%M:%S +0000")
            f.write('%s - - [%s] "%s %s HTTP/1.1" %d %d "%s" "%s"\n' % (ip, ts, m, target, st, size, ref, ua))
    seen, rows = {}, []
    for ip, d in LABELS:
        if ip in group_desc:
            continue
        seen.setdefault(ip, []).append(d)
    order = list(dict.fromkeys(e[2] for e in EVENTS))
    with open(os.path.join(HERE, "benign.labels"), "w", encoding="utf-8", newline="\n") as f:
        for ip in order:
            d = group_desc.get(ip) or " | ".join(seen.get(ip, ["browser visitor"]))
            d = d.replace("\t", " ").replace("\n", " ")
            f.write("%s\tbenign\t%s\n" % (ip, d[:300]))
    for name in ("attacks.log", "attacks.labels"):
        open(os.path.join(HERE, name), "w").close()


if __name__ == "__main__":
    write(run())
