#!/usr/bin/env python3
"""benign-browse2: people with browsers on many kinds of sites.

A held-out false-positive set.  Writes, next to this file:
  benign.log      nginx "combined" lines, sorted by time
  benign.labels   ADDRESS<TAB>benign<TAB>KIND, one line per source
  sources.tsv     ADDRESS<TAB>KIND<TAB>what the people at that address did
  attacks.log, attacks.labels   empty (so tests/bench/recall.sh runs)

Python 3 standard library only.  Fixed seed, no set iteration, no hash():
every run writes the same bytes.
"""
import datetime
import os

import random
from urllib.parse import unquote

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(20251118)
T0 = datetime.datetime(2025, 11, 18, 7, 0, 0, tzinfo=datetime.timezone.utc)
SPAN = 5.5 * 3600            # people start within 07:00-12:30 UTC
EVENTS = []                  # (t, seq, ip, method, target, proto, status, size, referer, ua)
NONE = "-"


class _Auto:
    pass


AUTO = _Auto()               # Referer computed from the current page and its policy

# ------------------------------------------------------------------ encoding
_FORM_SAFE = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-._")
_EURI_SAFE = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()")
_PATH_SAFE = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~!$&'()*+,;=:@/")


def form(s):
    """application/x-www-form-urlencoded, as a GET form submits a field."""
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


def pseg(s):
    """A path as a browser puts it on the wire (space, non-ASCII, #, ? escaped)."""
    return "".join(chr(b) if b in _PATH_SAFE else "%%%02X" % b for b in s.encode("utf-8"))


def rawurlencode(s):
    """PHP rawurlencode (RFC 3986 unreserved kept), as Moodle builds file URLs."""
    ok = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")
    return "".join(chr(b) if b in ok else "%%%02X" % b for b in s.encode("utf-8"))


def qs(pairs, enc=form):
    return "&".join("%s=%s" % (k, enc(v)) for k, v in pairs)


def hexs(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def alnum(n):
    return "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))


def b64u(n):
    return "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(n))


def uuid4():
    h = hexs(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], R.choice("89ab"), h[17:20], h[20:32])


def slug(title):
    out, dash = [], False
    for ch in title.lower():
        if ch.isalnum() and ch.isascii():
            out.append(ch)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")[:80].strip("-")


def polyline(coords):
    """Google encoded polyline (what draw-a-search map tools put in URLs)."""
    out, plat, plng = [], 0, 0
    for lat, lng in coords:
        ilat, ilng = int(round(lat * 1e5)), int(round(lng * 1e5))
        for d in (ilat - plat, ilng - plng):
            v = ~(d << 1) if d < 0 else d << 1
            while v >= 0x20:
                out.append(chr((0x20 | (v & 0x1f)) + 63))
                v >>= 5
            out.append(chr(v + 63))
        plat, plng = ilat, ilng
    return "".join(out)


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


# ------------------------------------------------------------------ user agents
# (family, h2, ua).  family: chromium, firefox, safari (WebKit), legacy.
def _ua(fam, ua, h2=True):
    return (fam, h2, ua)


CH = "142.0.0.0"
UA = {
    # desktop
    "chrome-win": _ua("chromium", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36"),
    "chrome-win-141": _ua("chromium", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36"),
    "chrome-win-138": _ua("chromium", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36"),
    "chrome-win7": _ua("chromium", "Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36"),
    "chrome-mac": _ua("chromium", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36"),
    "chrome-linux": _ua("chromium", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36"),
    "chrome-cros": _ua("chromium", "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36"),
    "edge-win": _ua("chromium", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0"),
    "edge-win-140": _ua("chromium", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0"),
    "edge-mac": _ua("chromium", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0"),
    "opera-win": _ua("chromium", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 OPR/122.0.0.0"),
    "yandex-win": _ua("chromium", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 YaBrowser/25.8.0.0 Safari/537.36"),
    "ff-win": _ua("firefox", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0"),
    "ff-win-144": _ua("firefox", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:144.0) Gecko/20100101 Firefox/144.0"),
    "ff-win-esr128": _ua("firefox", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"),
    "ff-win81-esr115": _ua("firefox", "Mozilla/5.0 (Windows NT 6.3; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0"),
    "ff-mac": _ua("firefox", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:145.0) Gecko/20100101 Firefox/145.0"),
    "ff-linux": _ua("firefox", "Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0"),
    "ff-ubuntu": _ua("firefox", "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:144.0) Gecko/20100101 Firefox/144.0"),
    "ff-esr140-linux": _ua("firefox", "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"),
    "safari-mac": _ua("safari", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15"),
    "safari-mac-18": _ua("safari", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Safari/605.1.15"),
    "safari-mac-15": _ua("safari", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6.1 Safari/605.1.15"),
    "ie11-win10": _ua("legacy", "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko", h2=False),
    # mobile
    "chrome-android": _ua("chromium", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36"),
    "chrome-android-139": _ua("chromium", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Mobile Safari/537.36"),
    "chrome-android6": _ua("chromium", "Mozilla/5.0 (Linux; Android 6.0.1; SM-G920F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/106.0.5249.126 Mobile Safari/537.36"),
    "chrome-tablet": _ua("chromium", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36"),
    "samsung": _ua("chromium", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/28.0 Chrome/130.0.0.0 Mobile Safari/537.36"),
    "samsung-27": _ua("chromium", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/27.0 Chrome/125.0.0.0 Mobile Safari/537.36"),
    "edge-android": _ua("chromium", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36 EdgA/142.0.0.0"),
    "opera-android": _ua("chromium", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36 OPR/91.0.0.0"),
    "ddg-android": _ua("chromium", "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/141.0.0.0 Mobile DuckDuckGo/5 Safari/537.36"),
    "huawei": _ua("chromium", "Mozilla/5.0 (Linux; Android 12; HarmonyOS; NOH-NX9; HMSCore 6.15.0.302) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.5735.196 HuaweiBrowser/15.0.4.312 Mobile Safari/537.36"),
    "miui": _ua("chromium", "Mozilla/5.0 (Linux; U; Android 13; en-gb; 2201117TY Build/TKQ1.221114.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/112.0.5615.136 Mobile Safari/537.36 XiaoMi/MiuiBrowser/14.30.0-gn"),
    "ff-android": _ua("firefox", "Mozilla/5.0 (Android 15; Mobile; rv:145.0) Gecko/145.0 Firefox/145.0"),
    "safari-iphone": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Mobile/15E148 Safari/604.1"),
    "safari-iphone-18": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1"),
    "safari-iphone-17": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_7_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.7 Mobile/15E148 Safari/604.1"),
    "safari-iphone-16": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 16_7_10 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1"),
    "safari-iphone-15": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 15_8_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6.6 Mobile/15E148 Safari/604.1"),
    "safari-iphone-12": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1"),
    "safari-ipad-mini": _ua("safari", "Mozilla/5.0 (iPad; CPU OS 16_7_10 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1"),
    "chrome-ios": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/142.0.7444.77 Mobile/15E148 Safari/604.1"),
    "ff-ios": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/145.0 Mobile/15E148 Safari/605.1.15"),
    "edge-ios": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 EdgiOS/142.3595.66 Mobile/15E148 Safari/605.1.15"),
    # in-app browsers
    "fb-android": _ua("chromium", "Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/141.0.7390.122 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/535.0.0.46.81;]"),
    "fb-ios": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/535.0.0.38.106;FBBV/804512345;FBDV/iPhone15,3;FBMD/iPhone;FBSN/iOS;FBSV/18.6.2;FBSS/3;FBCR/;FBID/phone;FBLC/en_US;FBOP/80]"),
    "ig-ios": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 404.0.0.26.84 (iPhone14,5; iOS 18_6_2; en_US; en; scale=3.00; 1170x2532; 812345678; IABMV/1)"),
    "ig-android": _ua("chromium", "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240905.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/141.0.7390.122 Mobile Safari/537.36 Instagram 404.0.0.48.77 Android (34/14; 420dpi; 1080x2205; Google/google; Pixel 8; shiba; shiba; en_GB; 812290337)"),
    "tiktok-android": _ua("chromium", "Mozilla/5.0 (Linux; Android 14; Pixel 7 Build/AP2A.240805.005; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/141.0.7390.122 Mobile Safari/537.36 trill_410203 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/trill app_version/41.2.3 ByteLocale/en ByteFullLocale/en Region/US Spark/1.7.9-alpha.2 AppVersion/41.2.3 BytedanceWebview/d8a21c6"),
    "snap-ios": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Snapchat/13.62.0.38 (like Safari/8621.2.5.10.7, panda)"),
    "linkedin-ios": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.31.2190"),
    "gsa-ios": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) GSA/392.0.812745913 Mobile/15E148 Safari/604.1"),
    "pinterest-ios": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_7_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [Pinterest/iOS]"),
    "wechat-ios": _ua("safari", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.61(0x18003d28) NetType/WIFI Language/zh_CN"),
    "line-android": _ua("chromium", "Mozilla/5.0 (Linux; Android 13; SO-51C Build/64.1.C.3.52; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/141.0.7390.122 Mobile Safari/537.36 Line/15.17.1/IAB"),
    # TVs, consoles, cars, headsets, readers
    "tizen-tv": _ua("chromium", "Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.5) AppleWebKit/537.36 (KHTML, like Gecko) 85.0.4183.93/6.5 TV Safari/537.36", h2=False),
    "webos-tv": _ua("chromium", "Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/87.0.4280.88 Safari/537.36 WebAppManager", h2=False),
    "androidtv": _ua("chromium", "Mozilla/5.0 (Linux; Android 11; BRAVIA 4K VH2 Build/RTM6.230109.195) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.230 Safari/537.36", h2=False),
    "ps5": _ua("safari", "Mozilla/5.0 (PlayStation; PlayStation 5/11.20) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.4 Safari/605.1.15", h2=False),
    "ps4": _ua("legacy", "Mozilla/5.0 (PlayStation 4 12.00) AppleWebKit/605.1.15 (KHTML, like Gecko)", h2=False),
    "xbox": _ua("chromium", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; Xbox; Xbox Series X) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0"),
    "steam-overlay": _ua("chromium", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Valve Steam GameOverlay/1731535136"),
    "steam-deck": _ua("chromium", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Valve Steam Client/default/1731535136"),
    "tesla": _ua("chromium", "Mozilla/5.0 (X11; GNU/Linux) AppleWebKit/537.36 (KHTML, like Gecko) Chromium/128.0.6613.137 Chrome/128.0.6613.137 Safari/537.36 Tesla/2025.32.6"),
    "quest": _ua("chromium", "Mozilla/5.0 (X11; Linux x86_64; Quest 3) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/38.4.0.12.62.637651234 Chrome/134.0.6998.172 VR Safari/537.36"),
    "kindle": _ua("legacy", "Mozilla/5.0 (X11; U; Linux armv7l like Android; en-us) AppleWebKit/531.2+ (KHTML, like Gecko) Version/5.0 Safari/531.2+ Kindle/3.0+", h2=False),
    "silk": _ua("chromium", "Mozilla/5.0 (Linux; Android 9; KFTRWI) AppleWebKit/537.36 (KHTML, like Gecko) Silk/130.4.1 like Chrome/130.0.6723.102 Safari/537.36"),
}

DESKTOP = [("chrome-win", 30), ("chrome-win-141", 6), ("chrome-win-138", 2), ("chrome-win7", 1.5),
           ("chrome-mac", 12), ("chrome-linux", 3), ("chrome-cros", 2), ("edge-win", 12),
           ("edge-win-140", 2), ("edge-mac", 1), ("opera-win", 2), ("yandex-win", 0.7),
           ("ff-win", 6), ("ff-win-144", 2), ("ff-win-esr128", 1), ("ff-win81-esr115", 0.7),
           ("ff-mac", 2), ("ff-linux", 2.5), ("ff-ubuntu", 1.5), ("ff-esr140-linux", 0.6),
           ("safari-mac", 7), ("safari-mac-18", 3), ("safari-mac-15", 0.8)]
MOBILE = [("chrome-android", 26), ("chrome-android-139", 3), ("chrome-android6", 0.7), ("chrome-tablet", 2),
          ("samsung", 7), ("samsung-27", 2), ("edge-android", 1), ("opera-android", 1), ("ddg-android", 1),
          ("huawei", 0.8), ("miui", 0.8), ("ff-android", 2.5), ("safari-iphone", 20), ("safari-iphone-18", 9),
          ("safari-iphone-17", 4), ("safari-iphone-16", 2), ("safari-iphone-15", 1), ("safari-iphone-12", 0.4),
          ("safari-ipad-mini", 1), ("chrome-ios", 4), ("ff-ios", 0.8), ("edge-ios", 0.6)]
INAPP = {"facebook": ["fb-android", "fb-ios"], "instagram": ["ig-ios", "ig-android"], "tiktok": ["tiktok-android"],
         "snapchat": ["snap-ios"], "linkedin": ["linkedin-ios"], "google-app": ["gsa-ios"],
         "pinterest": ["pinterest-ios"], "wechat": ["wechat-ios"], "line": ["line-android"]}
INAPP_REFERER = {"facebook": "https://m.facebook.com/", "instagram": "https://l.instagram.com/", "tiktok": NONE,
                 "snapchat": NONE, "linkedin": NONE, "google-app": "https://www.google.com/",
                 "pinterest": NONE, "wechat": NONE, "line": NONE}
CORP_FLEET = ["edge-win", "edge-win", "edge-win", "chrome-win", "edge-win-140"]


def ua_pick(mix="any"):
    if mix == "desktop":
        return wchoice(DESKTOP)
    if mix == "mobile":
        return wchoice(MOBILE)
    if mix == "any":
        return wchoice(DESKTOP) if chance(0.5) else wchoice(MOBILE)
    if mix == "mostly-desktop":
        return wchoice(DESKTOP) if chance(0.8) else wchoice(MOBILE)
    if mix == "mostly-mobile":
        return wchoice(DESKTOP) if chance(0.25) else wchoice(MOBILE)
    if mix in INAPP:
        return pick(INAPP[mix])
    return mix


# ------------------------------------------------------------------ sizes
def sz(kind):
    lo, hi = {"html": (7000, 48000), "css": (6000, 70000), "js": (9000, 320000), "font": (14000, 62000),
              "img": (3000, 190000), "icon": (318, 15086), "json": (180, 24000), "small": (0, 600),
              "svg": (400, 9000), "pdf": (90000, 2400000), "seg": (180000, 1400000),
              "aseg": (30000, 98000), "tile": (800, 62000), "err": (150, 4200)}[kind]
    return R.randint(lo, hi)


def origin(url):
    p = url.split("/", 3)
    return "%s//%s" % (p[0], p[2])


# ------------------------------------------------------------------ sites
SITE_H2 = {}                 # host -> whether its server speaks HTTP/2


class Site:
    """One web site: its host, the files every page pulls, and its habits."""

    def __init__(self, host, css=(), js=(), fonts=(), imgs=(), static=None, icon="/favicon.ico",
                 icon_st=200, touch=None, manifest=None, sw=None, precache=(), h2=True,
                 policy="strict-origin-when-cross-origin", hsize=(7000, 48000)):
        self.host = host
        self.static = static or host      # host the css/js/fonts come from
        self.css = list(css)              # paths
        self.js = list(js)
        self.fonts = list(fonts)          # (path, index of the css that names it)
        self.imgs = list(imgs)            # (host or None, path) on every first page
        self.icon, self.icon_st = icon, icon_st
        self.touch = touch                # status of /apple-touch-icon.png (None: the site declares one)
        self.manifest, self.sw, self.precache = manifest, sw, list(precache)
        self.h2 = h2
        SITE_H2[host] = h2
        if static and static not in SITE_H2:
            SITE_H2[static] = h2
        self.policy = policy
        self.hsize = hsize

    def url(self, target):
        return "https://%s%s" % (self.host, target)


# ------------------------------------------------------------------ browsers
class Browser:
    """One person's browser: one User-Agent, a clock, a cache, a current page."""

    def __init__(self, ip, uakey, t=None):
        self.ip = ip
        self.uakey = uakey
        self.fam, self.h2, self.ua = UA[uakey]
        self.t = R.uniform(0, SPAN) if t is None else t
        self.cache = {}            # url -> True (cached)
        self.sitestate = {}        # host -> "new" | "fresh" | "reval"
        self.page = None           # full URL of the page shown
        self.page_site = None
        self.page_ref = NONE
        self.page_policy = "strict-origin-when-cross-origin"
        self.iconed = {}
        self.chromium = self.fam == "chromium"
        self.ios = "iPhone" in self.ua or "iPad" in self.ua
        self.notes = []
        self.pending = 0.0         # reading time owed before the next navigation

    # ---- low level
    def hit(self, method, site_or_host, target, status, size, ref, dt=0.0, proto=None):
        host = site_or_host if isinstance(site_or_host, str) else site_or_host.host
        h2site = SITE_H2.get(host, True) if isinstance(site_or_host, str) else site_or_host.h2
        if proto is None:
            proto = "HTTP/2.0" if (self.h2 and h2site) else "HTTP/1.1"
        if status in (304, 204, 101) or method == "HEAD":
            size = 0
        if "?" in target and "'" in target and self.fam in ("firefox", "safari"):
            # Firefox and WebKit escape ' in a query (the URL standard's special-query set); Chromium sends it raw
            p, q = target.split("?", 1)
            target = p + "?" + q.replace("'", "%27")
        EVENTS.append((self.t + dt, len(EVENTS), self.ip, method, target, proto, status, size, ref, self.ua, host))

    def wait(self, lo, hi):
        self.t += self.pending + R.uniform(lo, hi)
        self.pending = 0.0

    def refto(self, host, page=None, policy=None):
        """The Referer a request from the current page to host carries."""
        page = page or self.page
        policy = policy or self.page_policy
        if not page:
            return NONE
        same = origin(page) == "https://" + host
        if policy == "no-referrer":
            return NONE
        if policy == "same-origin":
            return page if same else NONE
        if policy == "origin":
            return origin(page) + "/"
        if policy == "unsafe-url":
            return page
        return page if same else origin(page) + "/"

    # ---- navigation
    def open(self, site, target, ref=AUTO, status=200, size=None, imgs=(), lazy=(), xhr=(),
             think=(6, 60), to=None, method="GET", assets=True, first_assets=True):
        """Navigate: the page, then its stylesheets, scripts, fonts, images and calls.

        to: (site, target) a 3xx leads to; the browser keeps the original Referer
        (recomputed for the new host)."""
        self.t += self.pending
        self.pending = 0.0
        auto = ref is AUTO
        if auto:
            ref = self.refto(site.host)
        if status in (301, 302, 303, 307, 308):
            self.hit(method, site, target, status, R.choice((0, 138, 162, 169, 5)), ref)
            self.t += R.uniform(0.05, 0.45)
            if to is not None:
                nm = "GET" if status in (301, 302, 303) else method
                # the browser keeps the Referer of the first request (recomputed for the new host)
                return self.open(to[0], to[1], ref=AUTO if auto else ref, imgs=imgs, lazy=lazy, xhr=xhr,
                                 think=think, method=nm, assets=assets)
            return
        target = target.split("#")[0]         # fragments stay in the browser
        if size is None:
            size = R.randint(*site.hsize) if status == 200 else sz("err")
        self.hit(method, site, target, status, size, ref)
        self.page = site.url(target.split("#")[0])
        self.page_site = site
        self.page_ref = ref
        self.page_policy = site.policy
        end = 0.0
        if assets and status in (200, 404, 403, 410, 500, 503, 401, 422):
            end = self.subresources(site, imgs, xhr)
        if lazy:
            d = end
            for item in lazy:
                host, path = (None, item) if isinstance(item, str) else item
                d += R.uniform(1.5, 14)
                h = host or site.host
                if (h + path) in self.cache:
                    continue
                self.cache[h + path] = True
                self.hit("GET", h, path, 200, sz("img"), self.refto(h), dt=d)
            end = max(end, d)
        self.t += end
        self.pending = R.uniform(*think)

    def subresources(self, site, imgs=(), xhr=()):
        state = self.sitestate.get(site.host)
        if state is None:
            r = R.random()
            state = "fresh" if r < 0.13 else ("reval" if r < 0.25 else "new")
            self.sitestate[site.host] = state
        dt = R.uniform(0.06, 0.45)
        end = dt
        pagerefs = {}

        def ref_for(host):
            if host not in pagerefs:
                pagerefs[host] = self.refto(host)
            return pagerefs[host]

        def fetch(host, path, kind, ref, d):
            key = host + path
            if key in self.cache:
                return
            self.cache[key] = True
            if state == "fresh" and kind in ("css", "js", "font", "img", "icon", "svg"):
                return
            if state == "reval" and kind in ("css", "js", "font", "img", "icon", "svg"):
                self.hit("GET", host, path, 304, 0, ref, dt=d)
                return
            self.hit("GET", host, path, 200, sz(kind), ref, dt=d)

        sh = site.static
        for i, p in enumerate(site.css):
            dt += R.uniform(0.0, 0.08)
            fetch(sh, p, "css", ref_for(sh), dt)
        for p in site.js:
            dt += R.uniform(0.0, 0.12)
            fetch(sh, p, "js", ref_for(sh), dt)
        fd = dt + R.uniform(0.05, 0.4)
        for p, ci in site.fonts:
            fd += R.uniform(0.0, 0.1)
            css_url = "https://%s%s" % (sh, site.css[ci])
            fetch(sh, p, "font", css_url, fd)
        end = max(dt, fd)
        d = dt + R.uniform(0.1, 0.6)
        for item in list(site.imgs) + list(imgs):
            host, p = (None, item) if isinstance(item, str) else item
            host = host or site.host
            d += R.uniform(0.02, 0.25)
            kind = "svg" if p.split("?")[0].endswith(".svg") else "img"
            fetch(host, p, kind, ref_for(host), d)
        end = max(end, d)
        # the browser's own requests, once per site
        if site.host not in self.iconed:
            self.iconed[site.host] = True
            d2 = end + R.uniform(0.05, 0.6)
            if site.icon:
                if state == "new":
                    self.hit("GET", site, site.icon, site.icon_st, sz("icon") if site.icon_st == 200 else sz("err"),
                             self.page, dt=d2)
            if site.manifest and self.chromium and "TV" not in self.ua and "Web0S" not in self.ua:
                self.hit("GET", site, site.manifest, 200 if state == "new" else 304, sz("small") + 400,
                         self.page, dt=d2 + R.uniform(0.1, 0.9))
            if site.sw and self.fam in ("chromium", "firefox", "safari") and "PlayStation" not in self.ua:
                swd = d2 + R.uniform(0.3, 1.5)
                self.hit("GET", site, site.sw, 200, R.randint(900, 9000), self.page, dt=swd)
                if state == "new":
                    swurl = site.url(site.sw)
                    for p in site.precache:
                        swd += R.uniform(0.02, 0.2)
                        if (sh + p) in self.cache:
                            continue
                        self.cache[sh + p] = True
                        self.hit("GET", sh, p, 200, sz("js"), swurl if sh == site.host else origin(swurl) + "/", dt=swd)
            if self.ios and site.touch is not None and self.fam == "safari" and chance(0.35):
                # Safari asks for the touch icon for its start page and share sheet
                self.hit("GET", site, "/apple-touch-icon-precomposed.png", site.touch, sz("err"), NONE, dt=d2 + 0.3)
                self.hit("GET", site, "/apple-touch-icon.png", site.touch, sz("err"), NONE, dt=d2 + 0.35)
            end = max(end, d2)
        d = end + R.uniform(0.1, 0.5)
        for x in xhr:
            method, host, path = x[0], x[1] or site.host, x[2]
            st = x[3] if len(x) > 3 else 200
            size = x[4] if len(x) > 4 else sz("json")
            d += R.uniform(0.05, 0.9)
            self.hit(method, host, path, st, size, self.refto(host), dt=d)
        return max(end, d)

    def x(self, path, method="GET", status=200, size=None, host=None, dt=(0.15, 1.5), ref=AUTO):
        """An XHR/fetch from the current page."""
        self.t += R.uniform(*dt)
        h = host or self.page_site.host
        r = self.refto(h) if ref is AUTO else ref
        self.hit(method, h, path, status, sz("json") if size is None else size, r)

    def push(self, target):
        """history.pushState: the address (and so later Referers) changes, nothing is sent."""
        self.page = self.page_site.url(target)

    def img(self, path, host=None, status=200):
        h = host or self.page_site.host
        if (h + path) in self.cache:
            return
        self.cache[h + path] = True
        self.t += R.uniform(0.05, 0.8)
        self.hit("GET", h, path, status, sz("img") if status == 200 else sz("err"), self.refto(h))

    def post(self, site, target, status=303, to=None, size=None, think=(1, 4)):
        """Submit a form of the current page; 3xx answers are followed to `to` (site, target)."""
        self.t += self.pending if self.pending else R.uniform(*think)
        self.pending = 0.0
        ref = self.refto(site.host)
        if status in (301, 302, 303):
            self.hit("POST", site, target, status, R.choice((0, 5, 162)), ref)
            self.t += R.uniform(0.1, 0.7)
            if to:
                self.open(to[0], to[1], ref=AUTO, think=(4, 30))
        else:
            self.hit("POST", site, target, status, size if size is not None else R.randint(7000, 40000), ref)
            self.page = site.url(target)
            self.page_site = site
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
        """Back button: from the back/forward cache (nothing sent) or the page again."""
        self.t += self.pending
        self.pending = 0.0
        self.page = site.url(target)
        self.page_site = site
        self.page_ref = ref
        if chance(0.55):
            self.wait(*think)
            return
        self.hit("GET", site, target, 200, R.randint(*site.hsize), ref)
        self.wait(*think)

    def note(self, s):
        self.notes.append(s)


def pw_check(b, site, p=0.12):
    """After a sign-in, a password manager's leaked-password warning makes the browser check for a
    change-password page, and for a resource that must not exist (to spot sites that answer 200 to
    everything).  No Referer."""
    if b.fam in ("chromium", "safari") and chance(p):
        st = pick([302, 404, 301])
        b.hit("GET", site, "/.well-known/change-password", st, sz("err"), NONE, dt=R.uniform(0.5, 3))
        if b.chromium:
            b.hit("GET", site, "/.well-known/resource-that-should-not-exist-whose-status-code-should-not-be-200", 404,
                  sz("err"), NONE, dt=R.uniform(0.5, 3))
        b.note("password manager checked /.well-known/change-password")


# ------------------------------------------------------------------ arrivals
SEARCH_REFS = [("https://www.google.com/", 70), ("https://www.bing.com/", 9), ("https://duckduckgo.com/", 7),
               ("https://search.brave.com/", 2), ("https://www.ecosia.org/", 2), ("https://yandex.ru/", 1),
               ("https://search.yahoo.com/", 2), ("https://www.startpage.com/", 1)]


def from_search():
    return wchoice(SEARCH_REFS)


import base64
import json


def jwt_like(payload):
    def enc(o):
        return base64.urlsafe_b64encode(json.dumps(o, separators=(",", ":")).encode()).decode().rstrip("=")
    return "%s.%s.%s" % (enc({"alg": "HS256", "typ": "JWT"}), enc(payload), b64u(43))


def inapp_of(b):
    for app, keys in INAPP.items():
        if b.uakey in keys:
            return app
    return None


def social_arrival(b):
    """Referer and tracking parameter of a link opened from a social app or site."""
    app = inapp_of(b)
    if app == "facebook":
        return INAPP_REFERER[app], "fbclid=IwZXh0bgNhZW0CMTEAAR" + b64u(40) + "_aem_" + b64u(22)
    if app == "instagram":
        return INAPP_REFERER[app], "fbclid=PAZXh0bgNhZW0CMTEAAa" + b64u(40) + "_aem_" + b64u(22)
    if app == "tiktok":
        return NONE, "ttclid=" + b64u(28)
    if app == "linkedin":
        return NONE, "trk=public_post-text&li_fat_id=" + uuid4()
    if app == "snapchat":
        return NONE, "utm_source=snapchat&utm_medium=social"
    if app == "pinterest":
        return NONE, "epik=dj0yJnU9" + b64u(40)
    if app == "google-app":
        return "https://www.google.com/", ""
    if app in ("wechat", "line"):
        return NONE, ""
    return wchoice([("https://www.reddit.com/", 30), ("https://t.co/", 15), ("https://www.facebook.com/", 15),
                    ("https://news.ycombinator.com/", 8), ("https://bsky.app/", 6), ("https://www.linkedin.com/", 6),
                    ("https://mastodon.social/", 4), ("https://lobste.rs/", 2)]), \
        pick(["", "", "utm_source=twitter&utm_medium=social", "ref_src=twsrc%5Etfw%7Ctwcamp%5Etweetembed%7Ctwterm%5E" + str(R.randint(10**18, 10**19)) + "%7Ctwgr%5E" + hexs(40) + "%7Ctwcon%5Es1_"])


def addq(target, extra):
    if not extra:
        return target
    return target + ("&" if "?" in target else "?") + extra


# ================================================================== news (Arc-like)
NEWS = Site("www.dailyledger.example",
            css=["/pf/resources/dist/daily-ledger/css/style.css?d=1287"],
            js=["/pf/dist/engine/react.js?d=1287&mxId=00000000",
                "/pf/dist/components/combinations/default.js?d=1287&mxId=00000000",
                "/pf/resources/js/vendor/subscriptions.js?d=1287"],
            fonts=[("/pf/resources/fonts/franklin-gothic-bold.woff2?d=1287", 0),
                   ("/pf/resources/fonts/georgia-pro-regular.woff2?d=1287", 0)],
            imgs=["/pf/resources/images/daily-ledger-logo.svg?d=1287"],
            icon="/pf/resources/images/favicon.ico?d=1287", touch=200,
            manifest="/pf/resources/manifest.json?d=1287", hsize=(60000, 230000))
COMMENTS = Site("comments.dailyledger.example", css=["/assets/css/stream.8f2c41.css"],
                js=["/assets/js/stream.8f2c41.js"], icon=None, hsize=(1800, 4000))
NEWS_STORIES = [
    ("2025/11/17", "politics", "Select committee report criticises water regulator over sewage spills"),
    ("2025/11/18", "local", "Union Station redevelopment deal approved after late-night vote"),
    ("2025/11/16", "technology", "Critical flaw lets attackers run code on home routers: patch now"),
    ("2025/11/18", "business", "Exec pay ratio hits record as shareholders revolt at AGM"),
    ("2025/11/17", "opinion", "Why we should drop the table of contents from budget bills"),
    ("2025/11/15", "culture", "Review: Script is a taut thriller about a screenwriter who can't stop"),
    ("2025/11/18", "world", "Talks stall as delegates reject 'null and void' clause"),
    ("2025/11/17", "science", "Cat 5 hurricanes are getting more common, study finds"),
    ("2025/11/18", "local", "Boil-water alert lifted for 40,000 homes in the north end"),
    ("2025/11/16", "business", "Shell company probe widens to three more councillors"),
    ("2025/11/17", "sport", "Table tennis: local teen books place at world championships"),
    ("2025/11/18", "politics", "Order, order: Speaker rebukes ministers over leaks"),
    ("2025/11/14", "technology", "What 'delete my account' really does at five big apps"),
    ("2025/11/18", "money", "Where to find a 5% savings rate (and what's the catch)"),
    ("2025/11/17", "health", "Sleep study: teens who use phones after 10pm lose an hour a night"),
    ("2025/11/16", "culture", "From the archives: the night the power went out, 1977"),
    ("2025/11/18", "local", "Drop-off zone at Central Station to close for six weeks"),
    ("2025/11/17", "world", "Rescuers search rubble after 6.1 quake; 'we heard voices'"),
    ("2025/11/18", "technology", "Password managers compared: which one should you use in 2026?"),
    ("2025/11/15", "food", "The 20 best sandwiches in the city, ranked (yes, including the Reuben)"),
]
NEWS_SEARCHES = ["select committee report", "union station", "drop in mortgage rates", "exec pay",
                 "alert system test", "cat rescue", "shell company probe", "table tennis results",
                 "delete my account", "null and void", "\"boil water\" alert", "where is the polling station",
                 "sleep study", "script review", "crossword answers 17/11", "obituaries o'brien",
                 "union station parking", "council tax 2025/26", "bin collection changes", "router patch"]


def news_path(s):
    d, sec, title = s
    return "/%s/%s/%s/" % (d, sec, slug(title))


def news_img(w=800):
    return "/resizer/v2/%s.jpg?auth=%s&width=%d&height=%d&smart=true" % (
        "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(26)), hexs(64), w, w * 2 // 3)


def fusion(content, query, enc_json=True):
    q = json.dumps(query, separators=(",", ":"))
    return "/pf/api/v3/content/fetch/%s?query=%s&d=1287&mxId=00000000&_website=daily-ledger" % (content, euri(q))


def news_article(b, s, ref=AUTO, extra="", comments=None):
    path = addq(news_path(s), extra)
    b.open(NEWS, path, ref=ref, imgs=[news_img(1200)], lazy=[news_img(400) for _ in range(R.randint(0, 3))],
           xhr=[("GET", None, fusion("story-feed-sections", {"feature": "right-rail", "includeSections": "/" + s[1], "feedSize": 5}))],
           think=(30, 240))
    if comments if comments is not None else chance(0.3):
        story = uuid4()
        page = b.page
        # the comment embed is an iframe on another host: Referer is the origin only
        emb = "/embed/stream?storyID=%s&storyURL=%s&v=8.6.2" % (story, euri(page.split("?")[0]))
        b.hit("GET", COMMENTS, emb, 200, R.randint(1800, 4000), origin(page) + "/")
        embed_url = COMMENTS.url(emb)
        b.hit("GET", COMMENTS, "/assets/css/stream.8f2c41.css", 200, sz("css"), embed_url, dt=0.2)
        b.hit("GET", COMMENTS, "/assets/js/stream.8f2c41.js", 200, sz("js"), embed_url, dt=0.25)
        v = {"storyID": story, "storyURL": page.split("?")[0], "commentsOrderBy": pick(["CREATED_AT_DESC", "REACTION_DESC"])}
        b.hit("GET", COMMENTS, "/api/graphql?id=CoralEmbedStream_Query&variables=" + euri(json.dumps(v, separators=(",", ":"))),
              200, sz("json") * 3, embed_url, dt=0.9)
        if chance(0.4):
            b.t += R.uniform(20, 90)
            b.hit("GET", COMMENTS, "/api/graphql?id=CoralEmbedStream_LoadMore&variables=" +
                  euri(json.dumps({"storyID": story, "cursor": "2025-11-18T%02d:%02d:11.512Z" % (R.randint(7, 11), R.randint(0, 59)), "orderBy": "CREATED_AT_DESC"}, separators=(",", ":"))),
                  200, sz("json") * 2, embed_url)
        if chance(0.15):
            b.t += R.uniform(60, 200)
            b.hit("POST", COMMENTS, "/api/graphql", 200, sz("json"), embed_url)
            b.note("posted a comment")
        b.wait(30, 120)


def news_session(b):
    app = inapp_of(b)
    how = "social" if app else wchoice([("search", 30), ("typed", 22), ("newsletter", 18), ("social", 10),
                                       ("aggregator", 10), ("gift", 6), ("live", 6)])
    stories = R.sample(NEWS_STORIES, 6)
    b.note("news: " + how)
    if how == "typed":
        b.open(NEWS, "/", ref=NONE, imgs=[news_img(600) for _ in range(5)],
               xhr=[("GET", None, fusion("story-feed-sections", {"feature": "results-list", "includeSections": "/", "feedOffset": 0, "feedSize": 20}))],
               think=(5, 40))
    elif how == "search":
        news_article(b, stories[0], ref=from_search())
    elif how == "newsletter":
        news_article(b, stories[0], ref=NONE, extra="utm_source=newsletter&utm_medium=email&utm_campaign=morning-briefing&utm_content=2025-11-18&mc_cid=%s&mc_eid=%s" % (hexs(10), hexs(10)))
    elif how == "social":
        ref, extra = social_arrival(b)
        news_article(b, stories[0], ref=ref, extra=extra)
    elif how == "aggregator":
        news_article(b, stories[0], ref=pick(["https://news.google.com/", "https://www.msn.com/", "https://flipboard.com/", "https://news.yahoo.com/"]))
    elif how == "gift":
        tok = jwt_like({"iss": "daily-ledger", "sub": "gift", "aid": uuid4(), "exp": 1764028800})
        news_article(b, stories[0], ref=pick([NONE, NONE, "https://web.whatsapp.com/", "https://mail.google.com/"]),
                     extra="pwapi_token=" + tok)
        b.note("gift link")
    elif how == "live":
        lb = "/politics/live/2025/11/18/budget-vote-live-updates/"
        b.open(NEWS, lb, ref=pick([NONE, from_search(), "https://t.co/"]), imgs=[news_img(1200)], think=(5, 15))
        for i in range(R.randint(6, 20)):
            b.x(fusion("live-blog-updates", {"id": "LB-8812", "since": "2025-11-18T%02d:%02d:%02dZ" % (8 + i // 30, (i * 2) % 60, R.randint(0, 59))}),
                dt=(29.5, 30.5))
        b.note("live blog polled every 30 s")
    n = R.randint(0, 4) if how != "live" else R.randint(0, 1)
    read, subscriber = 1, False
    for s in stories[1:1 + n]:
        read += 1
        if read >= 4 and not subscriber and chance(0.6):
            # metered paywall: the fourth article shows the wall
            art = news_path(s)
            b.open(NEWS, art, think=(3, 12))
            if chance(0.45):
                b.open(NEWS, "/account/login/?return=" + euri(art) + "&source=meter", think=(8, 30))
                b.post(NEWS, "/account/login/", 303, to=(NEWS, art))
                pw_check(b, NEWS)
                b.note("logged in at the paywall")
                subscriber = True
            else:
                b.open(NEWS, "/subscribe/?returnUrl=" + euri(art) + "&cid=meter_4of4&offer=intro_1usd", think=(10, 60),
                       xhr=[("GET", None, "/api/offers/v2?country=US&placement=meter&returnUrl=" + euri(art))])
                b.note("paywall, subscribe page")
                break
        else:
            news_article(b, s)
    if chance(0.25):
        q = pick(NEWS_SEARCHES)
        b.open(NEWS, "/search/?q=" + form(q), think=(5, 30),
               xhr=[("GET", None, fusion("search-api", {"query": q, "page": 1, "sort": "date"}))])
        b.note("searched [%s]" % q)
        if chance(0.6):
            news_article(b, pick(NEWS_STORIES))
    if chance(0.08):
        # listens to the article: the audio element asks for ranges
        aid = R.randint(8000, 8999)
        b.x("/audio/articles/%d.mp3" % aid, status=206, size=R.randint(200000, 900000), dt=(2, 10))
        b.x("/audio/articles/%d.mp3" % aid, status=206, size=R.randint(200000, 900000), dt=(60, 180))
        b.note("listened to the article")


# ================================================================== magazine (Ghost)
MAG = Site("www.northquarterly.example",
           css=["/assets/built/screen.css?v=9c2b4e1a7f", "/public/cards.min.css?v=9c2b4e1a7f"],
           js=["/assets/built/source.js?v=9c2b4e1a7f", "/public/cards.min.js?v=9c2b4e1a7f",
               "/public/member-attribution.min.js?v=9c2b4e1a7f", "/public/comment-counts.min.js?v=9c2b4e1a7f"],
           fonts=[("/assets/fonts/source-serif-4-roman.woff2?v=9c2b4e1a7f", 0)],
           imgs=["/content/images/2024/03/nq-logo.svg"], icon="/content/images/size/w256h256/2024/03/nq-icon.png",
           touch=404, hsize=(25000, 70000))
MAG_POSTS = ["The long drop: how a small town lost its water", "Select few: inside the committee that decides what we read",
             "Union dues", "Exec function, or: how I learned to stop planning", "The cat who came back (twice)",
             "Null and void: a marriage, a contract, a house", "Where the <br> tags went: notes on a dying web",
             "Sleep, interrupted", "Order of service", "Script for a small funeral"]


def mag_session(b):
    post = pick(MAG_POSTS)
    p = "/%s/" % slug(post)
    pid = hexs(24)
    ref, extra = (from_search(), "") if chance(0.4) else social_arrival(b)
    calls = [("GET", None, "/members/api/member/", 204, 0),
             ("GET", None, "/members/api/comments/counts/?ids=" + pid)]
    b.open(MAG, addq(p, extra), ref=ref, imgs=["/content/images/size/w1200/2025/11/%s.jpg" % slug(post)[:20]],
           xhr=calls, think=(60, 400))
    b.note("magazine post")
    b.x("/members/api/comments/post/%s/?limit=20&order=count.likes%%20desc%%2C%%20created_at%%20desc" % pid, dt=(1, 20))
    if chance(0.3):
        q = pick(["long drop", "union", "<br>", "sleep", "script", "the cat"])
        b.x("/ghost/api/content/posts/?key=%s&limit=10000&fields=id%%2Cslug%%2Ctitle%%2Cexcerpt%%2Curl%%2Cupdated_at%%2Cvisibility&order=updated_at%%20DESC" % hexs(26), dt=(5, 30))
        b.x("/ghost/api/content/authors/?key=%s&limit=10000&fields=id%%2Cslug%%2Cname%%2Curl%%2Cprofile_image&order=updated_at%%20DESC" % hexs(26), dt=(0.05, 0.2))
        b.note("searched the site (client-side) for [%s]" % q)
        other = pick(MAG_POSTS)
        b.open(MAG, "/%s/" % slug(other), imgs=["/content/images/size/w1200/2025/11/%s.jpg" % slug(other)[:20]],
               xhr=calls, think=(30, 200))
    if chance(0.25):
        # signs up, then opens the magic link from the mail app (no Referer)
        b.x("/members/api/send-magic-link/", method="POST", status=201, dt=(10, 40))
        b.wait(40, 200)
        tok = b64u(32)
        b.open(MAG, "/members/?token=%s&action=signup&r=%s" % (tok, euri(MAG.url(p))), ref=NONE, status=302,
               to=(MAG, p + "?action=signup&success=true"), xhr=calls)
        b.note("signed up by magic link")


# ================================================================== wiki (MediaWiki)
WIKI = Site("www.wikiverse.example",
            css=["/w/load.php?lang=en&modules=ext.cite.styles%7Cext.uls.interlanguage%7Cext.visualEditor.desktopArticleTarget.noscript%7Cskins.vector.icons%2Cstyles%7Cskins.vector.search.codex.styles%7Cwikibase.client.init&only=styles&skin=vector-2022"],
            js=["/w/load.php?lang=en&modules=startup&only=scripts&raw=1&skin=vector-2022",
                "/w/load.php?lang=en&modules=ext.cite.ux-enhancements%2Cjquery%2Cmediawiki.base%2Cmediawiki.page.ready%2Cskins.vector.js%7Cext.popups%2Cext.uls.common%2Cext.uls.interface%7Cmediawiki.toc&skin=vector-2022&version=1v8dh"],
            imgs=["/static/images/icons/wikiverse.svg", "/static/images/mobile/copyright/wikiverse-wordmark-en.svg"],
            icon="/static/favicon/wikiverse.ico", touch=200, hsize=(30000, 260000))
UPLOAD = "upload.wikiverse.example"
WIKI_TITLES = ["Select_(SQL)", "Union_Station_(Denver)", "Drop-leaf_table", "Exec_(system_call)", "Cat_(Unix)",
               "Passwd", "Hosts_(file)", "Null_(SQL)", "Shell_script", "Fork_bomb", "Rm_(Unix)", "Cross-site_scripting",
               "SQL_injection", "AC/DC", "Romeo_%2B_Juliet", "Procter_%26_Gamble", "Q*bert", "Sunn_O)))", ".hack",
               "C%2B%2B", "C_Sharp_(programming_language)", "%C3%89douard_Manet", "M%C3%BCnchen", "Tom_and_Jerry",
               "Order_of_the_Garter", "Alert_state", "Script_(Unicode)", "Windows_Registry", "Bobby_Tables",
               "Where%27s_Wally%3F", "Who_Framed_Roger_Rabbit", "%22Weird_Al%22_Yankovic", "Ping_(networking_utility)",
               "Marquee_element", "Null_Island", "Little_Bobby_Tables", "Dot-dot-slash", "Robots.txt",
               "Sleep_(system_call)", "Benchmark_(computing)", "Wget", "Netcat", "Etc_(Unix)", "Union_Jack"]
WIKI_SEARCHES = ["union station denver", "drop leaf table", "select committee", "cat command unix", "\"rm -rf\"",
                 "etc/hosts", "alert 1 meaning", "order by", "null island", ":(){ :|:& };:", "<blink>",
                 "Hello, World!", "2>&1", "C:\\", "fork bomb", "bobby tables", "exec summary", "1=1",
                 "where's wally", "ping 8.8.8.8", "../", "<marquee>", "AT&T", "50% off", "#hashtag", "C#",
                 "München", "ÉDOUARD MANET", "東京", "Кириллица"]


def wiki_thumb():
    h = hexs(2)
    name = pick(["Union_Station_Denver_2014.jpg", "Drop-leaf_table_oak.jpg", "Unix_cat_demo.png", "Manet_Olympia.jpg",
                 "Marienplatz_München.jpg", "Garter_star.svg", "Null_Island_buoy.jpg", "AC-DC_1979.jpg"])
    ext = ".png" if name.endswith(".svg") else ""
    return (UPLOAD, "/wikiverse/commons/thumb/%s/%s/%s/%dpx-%s%s" % (h[0], h, pseg(name), pick([220, 250, 330, 500]), pseg(name), ext))


def wiki_page(b, title, ref=AUTO, think=(20, 200)):
    b.open(WIKI, "/wiki/" + title, ref=ref, imgs=[wiki_thumb() for _ in range(R.randint(0, 3))], think=think)
    # page previews: hovering links asks the summary endpoint
    for _ in range(R.randint(0, 3)):
        t = pick(WIKI_TITLES)
        b.x("/api/rest_v1/page/summary/" + euri(unquote(t)), dt=(2, 25))


def wiki_search(b, q):
    # typeahead while typing, then the form
    for k in sorted(set([max(2, len(q) // 3), max(3, 2 * len(q) // 3), len(q)])):
        b.x("/w/rest.php/v1/search/title?q=%s&limit=10" % euri(q[:k]), dt=(0.3, 1.6))
    b.open(WIKI, "/w/index.php?search=%s&title=Special%%3ASearch&ns0=1" % form(q), think=(4, 25))
    b.note("searched [%s]" % q)


def wiki_session(b):
    how = wchoice([("search", 60), ("typed", 15), ("link", 25)])
    first = pick(WIKI_TITLES)
    if how == "search":
        wiki_page(b, first, ref=from_search())
    elif how == "typed":
        b.open(WIKI, "/", ref=NONE, status=301, to=(WIKI, "/wiki/Main_Page"), think=(3, 20))
    else:
        wiki_page(b, first, ref=pick(["https://www.reddit.com/", "https://news.ycombinator.com/", "https://ask.stackhive.example/", "https://www.dailyledger.example/"]))
    for _ in range(R.randint(1, 5)):
        r = R.random()
        if r < 0.35:
            q = pick(WIKI_SEARCHES)
            wiki_search(b, q)
            if chance(0.7):
                wiki_page(b, pick(WIKI_TITLES))
        elif r < 0.5:
            b.open(WIKI, "/wiki/Special:Random", status=302, to=(WIKI, "/wiki/" + pick(WIKI_TITLES)), think=(10, 60))
        elif r < 0.62:
            t = pick(WIKI_TITLES)
            b.open(WIKI, "/wiki/Talk:" + t, think=(20, 120))
        elif r < 0.72:
            t = pick(WIKI_TITLES)
            b.open(WIKI, "/w/index.php?title=%s&action=history" % t, think=(10, 60))
            o = R.randint(1250000000, 1259000000)
            b.open(WIKI, "/w/index.php?title=%s&diff=prev&oldid=%d" % (t, o), think=(10, 60))
            b.note("history and diff")
        elif r < 0.78:
            t = pick(WIKI_TITLES)
            b.open(WIKI, "/wiki/Special:WhatLinksHere/" + t, think=(5, 30))
        elif r < 0.83:
            t = pick(WIKI_TITLES)
            b.open(WIKI, "/w/index.php?title=%s&printable=yes" % t, think=(10, 40))
            b.note("printable version")
        elif r < 0.87:
            t = pick(WIKI_TITLES)
            b.open(WIKI, "/w/index.php?title=Special:CiteThisPage&page=%s&id=%d&wpFormIdentifier=titleform" % (t, R.randint(1250000000, 1259000000)), think=(10, 40))
        else:
            wiki_page(b, pick(WIKI_TITLES))


def wiki_editor(b):
    b.note("logged-in editor")
    b.open(WIKI, "/wiki/Special:Watchlist", ref=NONE, think=(20, 90),
           xhr=[("GET", None, "/w/api.php?action=query&format=json&meta=notifications&notformat=model&notlimit=25&notprop=list%7Ccount%7CseenTime&uselang=en")])
    b.open(WIKI, "/w/index.php?title=Special:Watchlist&days=3&enhanced=1&hidebots=1", think=(20, 90))
    for _ in range(R.randint(1, 4)):
        t = pick(WIKI_TITLES)
        o = R.randint(1250000000, 1259000000)
        b.open(WIKI, "/w/index.php?title=%s&curid=%d&diff=%d&oldid=%d" % (t, R.randint(10000, 9000000), o + R.randint(1, 999), o), think=(10, 60))
        r = R.random()
        if r < 0.3:
            ip = pick(["203.0.113.45", "198.51.100.7", "2001:db8:4f2::1a"])
            b.open(WIKI, "/wiki/Special:Contributions/" + ip, think=(10, 40))
            b.open(WIKI, "/w/index.php?title=%s&action=rollback&from=%s&token=%s%%2B%%5C" % (t, euri(ip), hexs(40)), think=(5, 20))
            b.note("rolled back an IP edit")
        elif r < 0.65:
            sec = R.randint(1, 9)
            b.open(WIKI, "/w/index.php?title=%s&action=edit&section=%d" % (t, sec), think=(60, 300),
                   xhr=[("GET", None, "/w/load.php?lang=en&modules=ext.wikiEditor%7Cjquery.textSelection%7Cmediawiki.action.edit.preview&skin=vector-2022&version=" + alnum(5))])
            b.post(WIKI, "/w/index.php?title=%s&action=submit" % t, 200, think=(2, 8))
            b.wait(20, 120)
            b.post(WIKI, "/w/index.php?title=%s&action=submit" % t, 302, to=(WIKI, "/wiki/" + t), think=(2, 8))
            b.note("section edit with preview")
        elif r < 0.85:
            b.open(WIKI, "/w/index.php?title=%s&veaction=edit" % t, think=(5, 10),
                   xhr=[("GET", None, "/w/load.php?lang=en&modules=ext.visualEditor.core%2Cext.visualEditor.desktopArticleTarget%7Cext.visualEditor.mwcore&skin=vector-2022&version=" + alnum(5))])
            b.x("/api/rest_v1/page/html/%s/%d?redirect=false&stash=true" % (t, o), dt=(0.3, 1))
            b.wait(60, 400)
            b.x("/w/api.php", method="POST", dt=(0.5, 2))
            b.x("/w/api.php", method="POST", dt=(5, 30))
            b.note("VisualEditor edit")
        else:
            b.open(WIKI, "/w/index.php?title=Talk:%s&action=edit&section=new" % t, think=(60, 240))
            b.post(WIKI, "/w/index.php?title=Talk:%s&action=submit" % t, 302, to=(WIKI, "/wiki/Talk:" + t), think=(2, 6))
            b.note("new talk-page section")


# ================================================================== docs (Sphinx on a docs host)
DOCS = Site("docs.ormkit.example",
            css=["/en/stable/_static/pygments.css?v=b86133f3", "/en/stable/_static/css/theme.css?v=e59714d7"],
            js=["/en/stable/_static/documentation_options.js?v=5929fcd5", "/en/stable/_static/doctools.js?v=9a2dae69",
                "/en/stable/_static/sphinx_highlight.js?v=dc90522c", "/en/stable/_static/js/theme.js"],
            fonts=[("/en/stable/_static/css/fonts/lato-normal.woff2", 1), ("/en/stable/_static/css/fonts/fontawesome-webfont.woff2", 1)],
            icon="/en/stable/_static/favicon.ico", hsize=(14000, 90000))
DOC_PAGES = ["topics/db/sql.html", "ref/models/querysets.html", "ref/models/expressions.html", "topics/db/queries.html",
             "ref/templates/builtins.html", "topics/forms/index.html", "howto/csrf.html", "ref/settings.html",
             "topics/migrations.html", "ref/django-admin.html", "topics/security.html", "ref/models/fields.html",
             "topics/db/transactions.html", "ref/templates/language.html", "howto/deployment/checklist.html"]
DOC_QUERIES = ["raw sql", "select_related", "OperationalError: no such table", "{% csrf_token %}", "{{ form.as_p }}",
               "union()", "extra(where=", "F() expressions", "cursor.execute(sql, [params])", "Q(a) | Q(b)",
               "__icontains", "on_delete=models.CASCADE", "DROP COLUMN migration", "ALLOWED_HOSTS",
               "TemplateSyntaxError: Invalid block tag on line 3: 'endblock'", "{% include \"partial.html\" %}",
               "delete() cascade", "exec", "password_reset", "..", "${VAR}", "autoescape off", "|safe filter",
               "SECRET_KEY", "order_by('-created')", "IN (SELECT", "sleep", "shell", "runserver 0.0.0.0:8000"]


def sphinx_terms(q):
    words = "".join(c.lower() if c.isalnum() or c == "_" else " " for c in q).split()
    return "+".join(euri(w) for w in words if w not in ("a", "on", "no", "such", "the", "in", "3", "line"))


def docs_session(b):
    page = pick(DOC_PAGES)
    b.open(DOCS, "/en/stable/" + page, ref=pick([from_search(), from_search(), NONE, "https://ask.stackhive.example/"]),
           xhr=[("GET", None, "/_/addons/?client-version=0.24.0&api-version=1&project-slug=ormkit&version-slug=stable")],
           think=(20, 180))
    for _ in range(R.randint(1, 4)):
        if chance(0.6):
            q = pick(DOC_QUERIES)
            b.open(DOCS, "/en/stable/search.html?q=%s&check_keywords=yes&area=default" % form(q), think=(3, 20),
                   imgs=[], xhr=[("GET", None, "/en/stable/searchindex.js"), ("GET", None, "/en/stable/_static/searchtools.js"),
                                 ("GET", None, "/en/stable/_static/language_data.js")])
            b.note("searched [%s]" % q)
            hl = sphinx_terms(q)
            tgt = "/en/stable/" + pick(DOC_PAGES)
            if hl and chance(0.8):
                b.open(DOCS, tgt + "?highlight=" + hl, think=(20, 160),
                       xhr=[("GET", None, "/_/addons/?client-version=0.24.0&api-version=1&project-slug=ormkit&version-slug=stable")])
        elif chance(0.3):
            # an old version link from a blog: redirected to the current one
            old = "/en/1.11/" + pick(DOC_PAGES)
            b.open(DOCS, old, ref=pick([NONE, from_search()]), status=302, to=(DOCS, "/en/stable/" + pick(DOC_PAGES)), think=(10, 60))
        elif chance(0.3):
            b.open(DOCS, "/en/stable/_sources/%s.txt" % page.replace(".html", ".rst"), think=(10, 40), assets=False)
            b.note("viewed page source")
        else:
            b.open(DOCS, "/en/stable/" + pick(DOC_PAGES), think=(20, 150))


# Microsoft-Learn-like reference with its search API
LEARN = Site("learn.winref.example",
             css=["/_themes/docs.theme/master/en-us/_themes/styles/4a1c2d3e.site-ltr.css"],
             js=["/_themes/docs.theme/master/en-us/_themes/global/deprecation.js",
                 "/_themes/docs.theme/master/en-us/_themes/scripts/4a1c2d3e.index-docs.js"],
             icon="/favicon.ico", hsize=(30000, 120000))
LEARN_PAGES = ["/en-us/powershell/module/microsoft.powershell.management/remove-item?view=powershell-7.4",
               "/en-us/powershell/module/microsoft.powershell.management/get-childitem?view=powershell-7.4",
               "/en-us/windows-server/administration/windows-commands/robocopy",
               "/en-us/windows-server/administration/windows-commands/icacls",
               "/en-us/windows-server/administration/windows-commands/net-use",
               "/en-us/sql/t-sql/statements/drop-table-transact-sql?view=sql-server-ver16",
               "/en-us/sql/t-sql/queries/select-transact-sql?view=sql-server-ver16",
               "/en-us/sql/t-sql/language-elements/waitfor-transact-sql?view=sql-server-ver16",
               "/en-us/sql/relational-databases/system-stored-procedures/xp-cmdshell-transact-sql?view=sql-server-ver16",
               "/en-us/sql/t-sql/functions/version-transact-sql-configuration-functions?view=sql-server-ver16",
               "/en-us/troubleshoot/windows-server/networking/reset-hosts-file",
               "/en-us/powershell/module/microsoft.powershell.utility/invoke-webrequest?view=powershell-7.4"]
LEARN_QUERIES = [("Remove-Item -Recurse -Force", "PowerShell"), ("Get-ChildItem | Where-Object", "PowerShell"),
                 ("robocopy /MIR /XD", "Windows"), ("net use \\\\server\\share /user:", "Windows"),
                 ("C:\\Windows\\System32\\drivers\\etc\\hosts", "Windows"), ("DROP TABLE IF EXISTS", "SQL"),
                 ("WAITFOR DELAY", "SQL"), ("xp_cmdshell", "SQL"), ("SELECT @@VERSION", "SQL"),
                 ("Invoke-WebRequest -UseBasicParsing", "PowerShell"), ("cmd /c start \"\" \"C:\\Program Files\"", "Windows"),
                 ("icacls /grant Everyone:F", "Windows"), ("%USERPROFILE%\\AppData\\Local", "Windows"),
                 ("Set-ExecutionPolicy RemoteSigned", "PowerShell"), ("UNION ALL vs UNION", "SQL")]


def learn_session(b):
    p = pick(LEARN_PAGES)
    base = p.split("?")[0].rsplit("/", 1)[0]
    b.open(LEARN, p, ref=from_search(), think=(30, 200),
           xhr=[("GET", None, base + "/toc.json"), ("GET", None, "/en-us/" + p.split("/")[2] + "/breadcrumb/toc.json"),
                ("GET", None, "/api/profiles/me", 401, 120)])
    for _ in range(R.randint(1, 3)):
        q, scope = pick(LEARN_QUERIES)
        b.open(LEARN, "/en-us/search/?terms=" + euri(q), think=(2, 6))
        b.x("/api/search?search=%s&locale=en-us&facet=category&%%24filter=%s&%%24top=10&expandScope=true&includeQuestion=false&partnerId=LearnSite"
            % (euri(q), euri("scopes/any(t: t eq '%s')" % scope)), dt=(0.3, 1))
        b.note("searched [%s]" % q)
        b.wait(4, 30)
        p = pick(LEARN_PAGES)
        b.open(LEARN, p, think=(30, 200), xhr=[("GET", None, p.split("?")[0].rsplit("/", 1)[0] + "/toc.json")])


# ================================================================== Q&A
QA = Site("ask.stackhive.example",
          css=["/Shared/stacks.css?v=2f8d1c6e4b2a", "/Sites/stackhive/primary.css?v=8a7c3d2e1f0b"],
          js=["/Js/third-party/jquery/3.7.1/jquery.min.js", "/Js/stub.en.js?v=4f3c2b1a0e9d", "/Js/full-anon.en.js?v=2b9e8d7c6a5f"],
          static="cdn.stackhive.example", imgs=[("cdn.stackhive.example", "/Img/unified/sprites.svg?v=fcc0ea44ba27")],
          icon="/favicon.ico", touch=200, hsize=(40000, 190000))
QA_Q = [
    ("TypeError: Cannot read properties of undefined (reading 'map')", "javascript reactjs", "Cannot read properties of undefined (reading 'map')"),
    ("ERROR 1064 (42000): You have an error in your SQL syntax near '' at line 1", "mysql sql", "ERROR 1064 (42000): You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '' at line 1"),
    ("SQLSTATE[42S22]: Column not found: 1054 Unknown column 'id' in 'where clause'", "php laravel", "SQLSTATE[42S22]: Column not found: 1054 Unknown column 'id' in 'where clause'"),
    ("ORA-00933: SQL command not properly ended with UNION", "oracle sql", "ORA-00933 union order by"),
    ("bash: ./script.sh: /bin/bash^M: bad interpreter", "bash line-endings", "/bin/bash^M: bad interpreter"),
    ("Is rm -rf node_modules && npm install still needed?", "npm node.js", "rm -rf node_modules && npm install"),
    ("How to get CPU model from cat /proc/cpuinfo", "linux bash", "cat /proc/cpuinfo | grep \"model name\""),
    ("find -exec rm {} \\; vs xargs", "bash find", "find . -name \"*.log\" -mtime +7 -exec rm {} \\;"),
    ("Exception in thread \"main\" java.lang.NullPointerException", "java", "Exception in thread \"main\" java.lang.NullPointerException"),
    ("Uncaught SyntaxError: Unexpected token '<'", "javascript webpack", "Uncaught SyntaxError: Unexpected token '<'"),
    ("<br> tag not working in React", "reactjs jsx", "<br> tag not working react"),
    ("window.onload vs DOMContentLoaded", "javascript dom", "onload vs DOMContentLoaded"),
    ("alert() not showing in Chrome", "javascript google-chrome", "alert() not showing"),
    ("What does 1=1 in a SQL WHERE clause mean?", "sql", "1=1 in sql means"),
    ("SELECT * FROM users WHERE name LIKE '%john%' is slow", "sql postgresql", "LIKE '%john%' slow"),
    ("Access to XMLHttpRequest has been blocked by CORS policy", "cors", "has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header"),
    ("MSVC not found in C:\\Program Files (x86)\\Microsoft Visual Studio", "c++ visual-studio", "C:\\Program Files (x86)\\Microsoft Visual Studio\\2019\\Community\\VC\\Tools\\MSVC"),
    ("Regex ^(?=.*[A-Z])(?=.*\\d).{8,}$ for password", "regex", "^(?=.*[A-Z])(?=.*\\d).{8,}$"),
    ("${VAR:-default} not working in docker-compose", "docker-compose", "${VAR:-default} docker compose"),
    ("{{ }} interpolation not rendering in Vue", "vue.js", "{{ }} not rendering vue"),
    ("Jinja {% for %} loop index", "jinja2 flask", "{% for %} loop.index"),
    ("ping 8.8.8.8 works but DNS does not", "networking dns", "ping 8.8.8.8 timeout"),
    ("curl: (60) SSL certificate problem: unable to get local issuer certificate", "curl ssl", "curl: (60) SSL certificate problem"),
    ("Undo git reset --hard HEAD~1", "git", "git reset --hard HEAD~1 undo"),
    ("../ relative path in CSS background-image", "css", "../ relative path css background-image"),
    ("Why is eval() considered evil?", "javascript eval", "eval() evil"),
    ("<script> inside innerHTML does not execute", "javascript innerhtml", "<script> innerHTML not executing"),
    ("SqlException: Incorrect syntax near ')'", "c# sql-server", "Incorrect syntax near ')'"),
    ("mysqli_fetch_assoc() expects parameter 1 to be mysqli_result, bool given", "php mysqli", "mysqli_fetch_assoc() expects parameter 1 to be mysqli_result, bool given"),
    ("Call to undefined function mysql_connect()", "php", "Fatal error: Uncaught Error: Call to undefined function mysql_connect()"),
    ("Segmentation fault (core dumped) in C", "c segmentation-fault", "segmentation fault (core dumped)"),
    ("ORA-00942: table or view does not exist", "oracle jdbc", "java.sql.SQLSyntaxErrorException: ORA-00942: table or view does not exist"),
    ("What does 2>/dev/null mean?", "bash redirect", "2>/dev/null"),
    ("/etc/hosts not working on Windows 11", "windows dns", "etc/hosts windows 11"),
    ("PowerShell Get-ChildItem -Recurse | Where-Object LastWriteTime", "powershell", "Get-ChildItem -Recurse | Where-Object"),
    ("sleep(5) in PHP blocks the whole server?", "php", "sleep(5) php"),
    ("How to DROP TABLE only if it exists in SQL Server", "sql-server", "DROP TABLE IF EXISTS sql server 2014"),
    ("chmod 777 vs 755 for a web folder", "linux permissions", "chmod 777 vs 755"),
    ("document.cookie returns empty string", "javascript cookies", "document.cookie empty"),
    ("Python subprocess with shell=True and a pipe", "python subprocess", "subprocess.run(\"ls | grep foo\", shell=True)"),
    ("UNION ALL vs UNION performance", "sql", "UNION ALL vs UNION"),
    ("Traceback (most recent call last): ModuleNotFoundError: No module named 'cv2'", "python opencv", "ModuleNotFoundError: No module named 'cv2'"),
    ("net::ERR_CERT_AUTHORITY_INVALID on localhost", "ssl google-chrome", "net::ERR_CERT_AUTHORITY_INVALID localhost"),
    ("wget --no-check-certificate still fails", "wget ssl", "wget --no-check-certificate"),
    ("echo $PATH shows duplicates", "bash path", "echo $PATH duplicates"),
]
QA_OPS = ["[sql-server] \"incorrect syntax near\"", "is:question [bash] rm -rf", "[regex] lookahead password",
          "score:3 [javascript] onload", "[php] mysql_connect", "[python]", "[c#]", "[c++] segfault", "user:me",
          "answers:0 [docker-compose] ${"]


def qa_q(b, entry, ref=AUTO, vote=False):
    title, tags, _ = entry
    qid = R.randint(79000000, 79299999)
    b.open(QA, "/questions/%d/%s" % (qid, slug(title)), ref=ref,
           imgs=[("i.stackhive.example", "/%s.png" % alnum(7))] if chance(0.3) else [],
           xhr=[("GET", None, "/posts/%d/ivc/%s?prg=%s" % (qid, hexs(4), uuid4()), 204, 0)], think=(25, 240))
    if vote:
        b.x("/posts/%d/vote/2" % (qid + R.randint(1, 40)), method="POST", dt=(5, 30))
        b.note("upvoted")
    return qid


def qa_session(b):
    logged = chance(0.3)
    entry = pick(QA_Q)
    qa_q(b, entry, ref=from_search(), vote=logged and chance(0.5))
    b.note("from search: " + entry[0][:40])
    for _ in range(R.randint(0, 3)):
        r = R.random()
        if r < 0.45:
            e2 = pick(QA_Q)
            q = e2[2]
            b.open(QA, "/search?q=" + form(q), think=(4, 30))
            b.note("searched [%s]" % q)
            if chance(0.75):
                qa_q(b, e2, vote=logged and chance(0.3))
        elif r < 0.6:
            q = pick(QA_OPS)
            if q.startswith("[") and q.endswith("]") and " " not in q:
                tag = q[1:-1]
                b.open(QA, "/search?q=" + form(q), status=302,
                       to=(QA, "/questions/tagged/" + euri(tag).lower()), think=(10, 60))
            else:
                b.open(QA, "/search?q=" + form(q), think=(10, 60))
            b.note("searched [%s]" % q)
        elif r < 0.8:
            qa_q(b, pick(QA_Q), ref=from_search())
        else:
            qa_q(b, pick(QA_Q))
    if logged and chance(0.2):
        e3 = pick(QA_Q)
        b.open(QA, "/questions/ask", think=(20, 60))
        t = e3[2]
        for k in sorted(set([min(len(t), 15), min(len(t), 30), len(t)])):
            b.x("/search/titles?title=" + form(t[:k]), dt=(1, 5))
        b.wait(120, 500)
        b.post(QA, "/questions/ask/submit", 302, to=(QA, "/questions/%d/%s" % (R.randint(79300000, 79309999), slug(e3[0]))))
        b.note("asked a question")


# ================================================================== webmail
RC = Site("webmail.mailbox.example",
          css=["/skins/elastic/deps/bootstrap.min.css?s=1731412345", "/skins/elastic/styles/styles.min.css?s=1731412345"],
          js=["/program/js/jquery.min.js?s=1731412345", "/program/js/common.min.js?s=1731412345",
              "/program/js/app.min.js?s=1731412345", "/skins/elastic/ui.min.js?s=1731412345",
              "/plugins/jqueryui/js/jquery-ui.min.js?s=1731412345"],
          fonts=[("/skins/elastic/fonts/Roboto-Regular.woff2", 1), ("/skins/elastic/deps/fontawesome-free/webfonts/fa-solid-900.woff2", 1)],
          icon="/skins/elastic/images/favicon.ico", touch=404, hsize=(6000, 30000))
RC_SEARCH = ["invoice", "password reset", "RE: FW: Q3 budget (final)", "DROP TABLE", "from:alice", "<noreply@",
             "order #10442", "scan_2025*", "O'Connor", "ticket [#4412]", "unsubscribe", "select committee",
             "union dues", "delete account", "\"out of office\"", "C:\\Users", "1=1", "alert", "$(date)", "wp-admin",
             "shell script", "cat vet", "tax return 2024/25", "Beyoncé tickets", "résumé"]


def rc_call(b, action, extra="", method="GET"):
    now = 1763449200000 + int(b.t * 1000)
    b.x("/?_task=mail&_action=%s%s&_remote=1&_unlock=loading%d&_=%d" % (action, extra, now, now - R.randint(5, 900)),
        method=method, dt=(0.2, 1.5))


def roundcube_session(b):
    b.open(RC, "/", ref=NONE, think=(4, 15))
    b.post(RC, "/?_task=login", 302, to=(RC, "/?_task=mail&_mbox=INBOX"))
    pw_check(b, RC)
    rc_call(b, "list", "&_refresh=1&_layout=widescreen&_mbox=INBOX&_page=")
    main = b.page
    n = R.randint(2, 9)
    for i in range(n):
        uid = R.randint(3000, 9999)
        b.wait(3, 40)
        pv = "/?_task=mail&_caps=pdf%%3D1%%2Cflash%%3D0%%2Ctiff%%3D0%%2Cwebp%%3D1%%2Cpgpmime%%3D0&_uid=%d&_mbox=INBOX&_framed=1&_action=preview" % uid
        b.hit("GET", RC, pv, 200, R.randint(3000, 40000), main)
        if chance(0.3):
            tok = alnum(32)
            b.hit("GET", RC, "/?_task=mail&_action=get&_mbox=INBOX&_uid=%d&_token=%s&_part=1.2&_embed=1&_mimeclass=image" % (uid, tok),
                  200, sz("img"), RC.url(pv), dt=0.4)
        if chance(0.15):
            b.wait(2, 10)
            b.hit("GET", RC, "/?_task=mail&_action=get&_mbox=INBOX&_uid=%d&_token=%s&_part=2&_download=1" % (uid, alnum(32)),
                  200, sz("pdf"), RC.url(pv))
            b.note("downloaded an attachment")
        if i % 3 == 2:
            b.x("/?_task=mail&_action=refresh", method="POST", dt=(0.1, 0.5))
    for _ in range(R.randint(0, 3)):
        q = pick(RC_SEARCH)
        b.wait(5, 40)
        rc_call(b, "search", "&_q=%s&_headers=subject%%2Cfrom&_layout=widescreen&_filter=ALL&_scope=base&_mbox=INBOX" % euri(q))
        b.note("searched mail [%s]" % q)
    if chance(0.35):
        b.open(RC, "/?_task=mail&_action=compose", status=302, to=(RC, "/?_task=mail&_action=compose&_id=%s" % (hexs(18))), think=(5, 20))
        cid = b.page.split("_id=")[1]
        for pre in ("jo", "jorda"):
            now = 1763449200000 + int(b.t * 1000)
            b.x("/?_task=mail&_action=autocomplete&_search=%s&_reqid=%d&_remote=1&_unlock=loading%d&_=%d" % (pre, now, now, now - 3), dt=(0.3, 2))
        if chance(0.4):
            b.x("/?_task=mail&_id=%s&_uploadid=upload%d&_from=compose&_remote=1&_action=upload&_unlock=loading%d" % (cid, 1763449200000 + int(b.t * 1000), 1763449200000 + int(b.t * 1000)), method="POST", dt=(10, 40))
        b.wait(30, 240)
        b.x("/?_task=mail&_unlock=loading%d&_framed=1&_lang=en" % (1763449200000 + int(b.t * 1000)), method="POST", dt=(1, 3))
        b.note("sent a message")
    if chance(0.3):
        b.open(RC, "/?_task=logout&_token=%s" % alnum(32), status=302, to=(RC, "/?_task=login"), think=(1, 3))


OWA = Site("mail.northwind-corp.example",
           css=["/owa/prem/15.2.1544.14/resources/styles/0/boot.worldwide.mouse.css"],
           js=["/owa/prem/15.2.1544.14/scripts/boot.worldwide.0.mouse.js", "/owa/prem/15.2.1544.14/scripts/boot.worldwide.1.mouse.js",
               "/owa/prem/15.2.1544.14/scripts/boot.worldwide.2.mouse.js", "/owa/prem/15.2.1544.14/scripts/boot.worldwide.3.mouse.js"],
           fonts=[("/owa/prem/15.2.1544.14/resources/styles/fonts/office365icons.woff", 0)],
           icon="/owa/favicon.ico", hsize=(3000, 9000))
OWA_LOGON = Site("mail.northwind-corp.example", css=["/owa/auth/15.2.1544/themes/resources/logon.css"],
                 js=["/owa/auth/15.2.1544/scripts/premium/flogon.js"], icon="/owa/favicon.ico", hsize=(2800, 5000))


def owa_session(b):
    cid = uuid4().upper()
    canary = b64u(43) + "." + b64u(64)
    b.open(OWA, "/owa/", ref=NONE, status=302,
           to=(OWA_LOGON, "/owa/auth/logon.aspx?replaceCurrent=1&url=https%3a%2f%2fmail.northwind-corp.example%2fowa%2f"), think=(5, 15))
    b.post(OWA_LOGON, "/owa/auth.owa", 302, to=(OWA, "/owa/"))
    pw_check(b, OWA, 0.05)
    for a in ("GetOwaUserConfiguration&app=Mail&n=0", "FindFolders&EP=1&ID=-1&AC=1", "FindItem&EP=1&ID=-12&AC=1",
              "GetConversationItems&EP=1&ID=-17&AC=1"):
        b.x("/owa/service.svc?action=" + a, method="POST", dt=(0.1, 0.6))
    b.x("/owa/sessiondata.ashx?appcacheclient=0", method="POST", dt=(0.05, 0.3))
    for _ in range(R.randint(3, 12)):
        b.wait(5, 60)
        b.x("/owa/service.svc?action=GetConversationItems&EP=1&ID=-%d&AC=1" % R.randint(20, 90), method="POST")
        if chance(0.5):
            who = pick(["j.reyes", "a.okafor", "m.lindqvist", "it-servicedesk", "payroll", "d.o'neill"])
            b.x("/owa/service.svc/s/GetPersonaPhoto?email=%s%%40northwind-corp.example&UA=0&size=HR64x64&sc=%d" % (euri(who), 1763449200000 + int(b.t * 1000)))
        if chance(0.15):
            b.x("/owa/service.svc/s/GetFileAttachment?id=AAMkAD%s%%3D&X-OWA-CANARY=%s" % (b64u(120), canary), size=sz("pdf"))
            b.note("opened an attachment")
        if chance(0.3):
            b.x("/owa/ev.owa2?ns=PendingRequest&ev=PendingNotificationRequest&UA=0&cid=%s&X-OWA-CANARY=%s" % (cid, canary), method="POST", dt=(0.1, 0.3))
        if chance(0.1):
            b.x("/owa/service.svc?action=ExecuteSearch&EP=1&ID=-%d&AC=1" % R.randint(20, 90), method="POST")
            b.note("searched mail")


SOGO = Site("mail.northfield-uni.example",
            css=["/SOGo.woa/WebServerResources/css/styles.css?v=5.12.1", "/SOGo.woa/WebServerResources/angular-material/angular-material.min.css?v=5.12.1"],
            js=["/SOGo.woa/WebServerResources/js/vendor/angular.min.js?v=5.12.1", "/SOGo.woa/WebServerResources/js/Common.js?v=5.12.1",
                "/SOGo.woa/WebServerResources/js/Mailer.js?v=5.12.1"],
            fonts=[("/SOGo.woa/WebServerResources/fonts/MaterialIcons-Regular.woff2", 0)],
            icon="/SOGo.woa/WebServerResources/img/sogo.ico", hsize=(9000, 30000))


def sogo_session(b):
    user = pick(["jdoe", "m.kaur", "t.nguyen", "lfischer", "s.oconnor", "abdi.h"])
    b.open(SOGO, "/SOGo/", ref=NONE, think=(5, 15))
    b.x("/SOGo/connect", method="POST", dt=(3, 9))
    b.open(SOGO, "/SOGo/so/%s/Mail/view" % user, think=(1, 3))
    b.x("/SOGo/so/%s/Mail/0/folderINBOX/view" % user, method="POST")
    b.x("/SOGo/so/%s/Mail/0/folderINBOX/headers" % user, method="POST")
    for _ in range(R.randint(2, 7)):
        uid = R.randint(1000, 6000)
        b.x("/SOGo/so/%s/Mail/0/folderINBOX/%d/view" % (user, uid), method="POST", dt=(5, 60))
        if chance(0.2):
            b.x("/SOGo/so/%s/Mail/0/folderINBOX/%d/asAttachment/%s" % (user, uid, pseg(pick(["Lab 4 - SQL joins.pdf", "essay_draft(2).docx", "slides.week6.pptx", "results.csv"]))), size=sz("pdf"))
    if chance(0.4):
        b.x("/SOGo/so/%s/Calendar/eventslist?asc=1&sort=start&day=20251118&filterpopup=view_selectedday" % user, dt=(5, 30))
        b.note("calendar")


# ================================================================== Nextcloud web UI
NC = Site("cloud.fernhill.example",
          css=["/dist/icons.css?v=3a7c2b1e", "/core/css/server.css?v=3a7c2b1e-0", "/apps/theming/theme/default.css?plain=0&v=3a7c2b1e",
               "/apps/theming/theme/light.css?plain=0&v=3a7c2b1e"],
          js=["/dist/core-common.js?v=3a7c2b1e-0", "/dist/core-main.js?v=3a7c2b1e-0", "/dist/files-init.js?v=3a7c2b1e-0",
              "/dist/files-main.js?v=3a7c2b1e-0"],
          imgs=["/core/img/logo/logo.svg?v=3a7c2b1e", "/apps/theming/img/background/jo-myoung-hee-fluid.webp"],
          icon="/apps/theming/favicon/files?v=3a7c2b1e", manifest="/apps/theming/manifest/files?v=3a7c2b1e", hsize=(9000, 26000))
NC_DIRS = ["/Documents", "/Documents/Taxes 2024", "/Photos/2025/Summer (Lake)", "/Scans", "/Notes/.obsidian",
           "/Backups/site-backup-2025.11.01", "/Shared/Kids' school", "/Projects/home-lab/docker", "/Recipes & Meal plans",
           "/Documents/Car/Insurance #2", "/Music/AC⁄DC", "/Work/Reports Q3"]
NC_FILES = ["Budget.2025.v3.final.xlsx", "site-backup-2025.11.01.tar.gz", "Invoice #0042.pdf", "docker-compose.yml",
            ".env.example", "config.yaml", "IMG_2041.HEIC", "Scan 2025-11-18 at 09.41.pdf", "passport (copy).jpg",
            "notes.md", "workspace.json", "README.txt", "wp-config.php.bak", "rm-old-backups.sh", "Tax return 24-25.pdf"]


def nc_session(b):
    user = pick(["alice", "ben.hollis", "mum", "dad", "sam", "priya"])
    b.open(NC, "/login", ref=NONE, think=(4, 12))
    b.post(NC, "/login", 303, to=(NC, "/apps/dashboard/"))
    pw_check(b, NC)
    b.x("/ocs/v2.php/apps/notifications/api/v2/notifications?format=json")
    b.x("/ocs/v2.php/apps/user_status/api/v1/heartbeat?format=json", method="PUT", status=204)
    b.open(NC, "/apps/files/files?dir=/", think=(2, 10))
    for _ in range(R.randint(2, 7)):
        d = pick(NC_DIRS)
        fid = R.randint(1000, 99999)
        b.wait(2, 25)
        b.push("/apps/files/files/%d?dir=%s" % (fid, pseg(d)))
        b.x("/remote.php/dav/files/%s%s/" % (user, pseg(d)), method="PROPFIND", status=207)
        b.x("/ocs/v2.php/apps/files_sharing/api/v1/shares?format=json&path=%s&reshares=true" % euri(d))
        for _ in range(R.randint(0, 6)):
            b.x("/core/preview?fileId=%d&x=256&y=256&a=true&v=%s&mimeFallback=true" % (fid + R.randint(1, 300), hexs(10)), size=sz("img"), dt=(0.02, 0.2))
        r = R.random()
        if r < 0.25:
            f = pick(NC_FILES)
            b.x("/remote.php/dav/files/%s%s/%s" % (user, pseg(d), pseg(f)), size=sz("pdf"), dt=(2, 10))
            b.note("downloaded %s" % f)
        elif r < 0.4:
            f = "Scan %s at %02d.%02d.pdf" % ("2025-11-18", R.randint(8, 12), R.randint(0, 59))
            b.x("/remote.php/dav/files/%s%s/%s" % (user, pseg(d), pseg(f)), method="PUT", status=201, size=0, dt=(3, 20))
            b.note("uploaded a file")
        elif r < 0.5:
            q = pick(["invoice", "tax", ".env", "backup", "passport", "IMG_20", "wp-config", "*.sh"])
            b.x("/ocs/v2.php/search/providers/files/search?term=%s&cursor=&limit=5&from=%s" % (euri(q), euri("/apps/files/files?dir=" + d)), dt=(2, 10))
            b.note("searched files [%s]" % q)
        b.x("/ocs/v2.php/apps/notifications/api/v2/notifications?format=json", dt=(0.5, 5))


SHARE = Site("files.studio-ost.example",
             css=["/dist/icons.css?v=8b1e2c0d", "/core/css/server.css?v=8b1e2c0d-0", "/apps/files_sharing/css/public.css?v=8b1e2c0d-0"],
             js=["/dist/core-common.js?v=8b1e2c0d-0", "/dist/core-main.js?v=8b1e2c0d-0", "/dist/files_sharing-public.js?v=8b1e2c0d-0"],
             imgs=["/core/img/logo/logo.svg?v=8b1e2c0d"], icon="/apps/theming/favicon?v=8b1e2c0d", hsize=(6000, 18000))
SHARE_FILES = ["Wedding 2025 - Selects.zip", "Final_v3.2.jpg", "Brand guidelines v1.4 (print).pdf", "IMG_2041.JPG",
               "contract.signed.pdf", "rough-cut.v7.mp4", "site-export.2025-11-17.sql.gz", "logo@2x.png", "Invoice 2025-118.pdf"]


def share_session(b):
    tok = alnum(15)
    b.note("public share link")
    ref = pick([NONE, NONE, NONE, "https://mail.google.com/", "https://outlook.live.com/", "https://app.slack.com/"])
    if chance(0.2):
        b.open(SHARE, "/s/" + tok, ref=ref, think=(5, 20))
        b.post(SHARE, "/s/%s/authenticate/showShare" % tok, 303, to=(SHARE, "/s/" + tok))
        b.note("password-protected")
    else:
        b.open(SHARE, "/s/" + tok, ref=ref, think=(3, 20))
    b.x("/public.php/dav/files/%s/" % tok, method="PROPFIND", status=207)
    files = R.sample(SHARE_FILES, R.randint(1, 4))
    for f in files:
        fid = R.randint(20000, 90000)
        if not f.lower().endswith((".jpg", ".png", ".jpeg", ".heic")):
            continue
        b.x("/s/%s/preview?file=%s&fileId=%d&x=1920&y=1080&a=true&etag=%s" % (tok, euri("/" + f), fid, hexs(13)), size=sz("img"), dt=(1, 15))
    if chance(0.7):
        f = pick(files)
        b.wait(5, 60)
        b.x("/s/%s/download?path=%s&files=%s" % (tok, euri("/"), euri(f)), size=sz("pdf") * 3, dt=(1, 3))
        b.note("downloaded %s" % f)


# ================================================================== travel
FLY = Site("www.skyfare.example",
           css=["/_next/static/css/8f2b1c3d4e5a6b7c.css"], js=["/_next/static/chunks/webpack-2a7d1e.js", "/_next/static/chunks/framework-9c1b.js",
                                                               "/_next/static/chunks/main-app-4e3f.js", "/_next/static/chunks/pages/flights-7b2c.js"],
           fonts=[("/_next/static/media/inter-latin.4d2a1c.woff2", 0)], imgs=["/images/logo.svg"],
           icon="/favicon.ico", touch=200, manifest="/site.webmanifest", hsize=(30000, 90000))
AIRPORTS = [("LHR", "lond"), ("JFK", "new yo"), ("CDG", "par"), ("BKK", "bangk"), ("SYD", "sydn"), ("DEN", "denv"),
            ("ORD", "chica"), ("LIS", "lisb"), ("DXB", "duba"), ("SFO", "san fr"), ("MAD", "madr"), ("AMS", "amst")]


def flights_session(b):
    ref = pick([NONE, from_search(), from_search()])
    b.open(FLY, "/", ref=ref, think=(5, 20))
    o, d = R.sample(AIRPORTS, 2)
    for code, typed in (o, d):
        for k in range(2, len(typed) + 1, 2):
            b.x("/api/places/autocomplete?term=%s&locale=en-GB&market=GB&currency=GBP" % euri(typed[:k]), dt=(0.2, 0.8))
    dep = datetime.date(2025, 12, 1) + datetime.timedelta(days=R.randint(0, 60))
    ret = dep + datetime.timedelta(days=R.randint(3, 21))
    ad, ch = R.randint(1, 2), R.choice((0, 0, 1, 2))
    q = [("origin", o[0]), ("destination", d[0]), ("depart", dep.isoformat()), ("return", ret.isoformat()),
         ("adults", str(ad)), ("children", str(ch))]
    if ch:
        q.append(("childAges", ",".join(str(R.randint(2, 15)) for _ in range(ch))))
    q += [("infants", "0"), ("cabin", pick(["economy", "premium_economy", "business"])), ("direct", pick(["false", "true"]))]
    b.open(FLY, "/flights/search?" + qs(q), think=(1, 3))
    sid = uuid4()
    b.x("/api/v3/flights/search", method="POST")
    for i in range(R.randint(2, 6)):
        b.x("/api/v3/flights/search/%s/poll?offset=0&limit=25&sort=best" % sid, dt=(0.8, 2.2))
    b.note("flights %s-%s" % (o[0], d[0]))
    for _ in range(R.randint(0, 4)):
        f = [("stops", pick(["0", "0,1", "1"])), ("airlines", pick(["BA,VS", "AA", "LH,LX,OS", "EK"])),
             ("depTimeOut", pick(["06:00-12:00", "00:00-23:59", "12:00-18:00"])), ("maxPrice", str(R.randint(300, 1400))),
             ("bags", pick(["0", "1"])), ("sort", pick(["price", "duration", "best"]))]
        fq = qs(R.sample(f, R.randint(2, 5)), enc=euri)
        b.x("/api/v3/flights/search/%s/results?%s" % (sid, fq), dt=(3, 25))
        b.push("/flights/search?" + qs(q) + "&" + fq)
    if chance(0.35):
        itin = "%s-%s-%s-BA117|%s-%s-%s-BA178" % (o[0], d[0], dep.strftime("%Y%m%d"), d[0], o[0], ret.strftime("%Y%m%d"))
        pax = ",".join(["ADT"] * ad + ["CHD"] * ch)
        b.open(FLY, "/booking/review?sid=%s&itinerary=%s&fareFamily=%s&pax=%s" % (sid, euri(itin), pick(["basic", "standard", "flex"]), euri(pax)),
               think=(20, 90))
        b.post(FLY, "/booking/passengers", 303, to=(FLY, "/booking/payment?sid=" + sid))
        if chance(0.6):
            b.wait(30, 120)
            b.open(FLY, "/booking/confirm?ref=SKY%s&status=success&sig=%s" % (alnum(6).upper(), hexs(64)),
                   ref="https://pay.acquirer-3ds.example/", think=(10, 60))
            b.note("booked")


HOTEL = Site("www.roomhop.example", css=["/static/css/main.1f2e3d.css"], js=["/static/js/vendor.4a5b6c.js", "/static/js/search.7d8e9f.js"],
             static="cf.roomhop-static.example", imgs=[("cf.roomhop-static.example", "/static/img/logo-roomhop.svg")],
             icon="/favicon.ico", hsize=(80000, 300000))
HOTEL_DEST = [("Union Station, Denver", 39.7530, -105.0002, "us", "the-crawford-denver"),
              ("Shibuya, Tokyo", 35.6595, 139.7005, "jp", "shibuya-stream-excel"),
              ("Montmartre, Paris", 48.8867, 2.3431, "fr", "hotel-des-arts-montmartre"),
              ("Old Town, Kraków", 50.0614, 19.9366, "pl", "hotel-pod-wawelem"),
              ("Brighton & Hove", 50.8225, -0.1372, "gb", "the-grand-brighton"),
              ("São Paulo - Jardins", -23.5667, -46.6667, "br", "hotel-jardins-sp")]


def hotel_session(b):
    dest, lat, lng, cc, name = pick(HOTEL_DEST)
    ci = datetime.date(2025, 11, 28) + datetime.timedelta(days=R.randint(0, 50))
    co = ci + datetime.timedelta(days=R.randint(1, 5))
    b.open(HOTEL, "/", ref=pick([NONE, from_search()]), think=(4, 20))
    for k in (3, 6, len(dest)):
        b.x("/autocomplete/v2?query=%s&language=en-gb&size=5" % euri(dest[:k]), dt=(0.2, 0.9))
    q = [("destination", dest), ("checkin", ci.isoformat()), ("checkout", co.isoformat()), ("group_adults", "2"),
         ("no_rooms", "1"), ("group_children", "0")]
    b.open(HOTEL, "/searchresults.html?" + qs(q), think=(5, 30),
           lazy=[("cf.roomhop-static.example", "/xdata/images/hotel/square240/%d.jpg?k=%s&o=" % (R.randint(10**8, 10**9), hexs(64))) for _ in range(R.randint(4, 10))])
    b.note("hotels in %s" % dest)
    for _ in range(R.randint(0, 3)):
        dl, dg = R.uniform(0.01, 0.04), R.uniform(0.02, 0.06)
        b.x("/api/map/hotels?bbox=%.4f,%.4f,%.4f,%.4f&checkin=%s&checkout=%s&nflt=%s" % (
            lng - dg, lat - dl, lng + dg, lat + dl, ci, co, euri(pick(["price=GBP-min-150-1", "ht_id=204;review_score=80", "hotelfacility=2;hotelfacility=16", "class=4;class=5"]))), dt=(5, 40))
    srpvid = hexs(16)
    b.open(HOTEL, "/hotel/%s/%s.html?%s&srpvid=%s&room1=A%%2CA&hpos=%d" % (cc, name, qs(q[1:]), srpvid, R.randint(1, 25)),
           think=(30, 200), lazy=[("cf.roomhop-static.example", "/xdata/images/hotel/max1024x768/%d.jpg?k=%s&o=" % (R.randint(10**8, 10**9), hexs(64))) for _ in range(R.randint(3, 9))])
    b.x("/reviewlist.html?cc1=%s&pagename=%s&type=total&offset=10&rows=10&sort=f_recent_desc" % (cc, name), dt=(10, 60))


RAIL = Site("www.railmate.example", css=["/assets/app.4c1d.css"], js=["/assets/app.4c1d.js", "/assets/vendor.a93e.js"],
            icon="/favicon.ico", touch=200, hsize=(20000, 60000))
STATIONS = [("London Kings Cross", "KGX6121gb", "london kin"), ("Edinburgh (Waverley)", "EDB9328gb", "edinb"),
            ("Manchester Piccadilly", "MAN2968gb", "manche"), ("York", "YRK8263gb", "york"), ("Bristol Temple Meads", "BRI3231gb", "bristol t")]


def rail_session(b):
    b.open(RAIL, "/", ref=pick([NONE, from_search()]), think=(4, 15))
    (a, ac, at), (z, zc, zt) = R.sample(STATIONS, 2)
    for t in (at, zt):
        b.x("/api/locations-search/v2/search?searchTerm=%s&locale=en-GB" % euri(t), dt=(0.4, 1.5))
    when = "2025-11-%02dT%02d:00:00" % (R.randint(19, 30), R.randint(6, 19))
    q = [("origin", "urn:trainline:generic:loc:" + ac), ("destination", "urn:trainline:generic:loc:" + zc),
         ("outwardDate", when), ("outwardDateType", "departAfter"), ("journeySearchType", pick(["single", "return"])),
         ("passengers%5B%5D", "%d-%02d-%02d" % (R.randint(1960, 2005), R.randint(1, 12), R.randint(1, 28))),
         ("directSearch", "false")]
    b.open(RAIL, "/book/results?" + qs(q, enc=euri), think=(20, 120))
    b.note("train %s to %s" % (a, z))
    if chance(0.5):
        b.x("/api/journey-search/later?searchId=%s&direction=outward" % uuid4(), dt=(5, 30))


# ================================================================== homes
NEST = Site("www.nestfinder.example", css=["/static/css/srp.b2c4d6.css"], js=["/static/js/srp.vendor.1a2b3c.js", "/static/js/srp.app.4d5e6f.js"],
            icon="/favicon.ico", touch=200, hsize=(90000, 400000))
NEST_PHOTOS = "photos.nestfinder.example"


def sqs(w, e, s, n, z, price_max=None, beds=None):
    st = {"pagination": {}, "isMapVisible": True, "mapBounds": {"west": round(w, 6), "east": round(e, 6), "south": round(s, 6), "north": round(n, 6)},
          "filterState": {"sort": {"value": "globalrelevanceex"}}, "isListVisible": True, "mapZoom": z}
    if price_max:
        st["filterState"]["price"] = {"max": price_max}
    if beds:
        st["filterState"]["beds"] = {"min": beds}
    return euri(json.dumps(st, separators=(",", ":")))


NEST_CITIES = [(37.7749, -122.4194, "San-Francisco,-CA", "San-Francisco-CA-941%02d"), (39.7392, -104.9903, "Denver,-CO", "Denver-CO-802%02d"),
               (41.8781, -87.6298, "Chicago,-IL", "Chicago-IL-606%02d"), (30.2672, -97.7431, "Austin,-TX", "Austin-TX-787%02d")]


def nest_session(b):
    lat, lng, city, tail = pick(NEST_CITIES)
    d = R.uniform(0.03, 0.09)
    w, e, s, n = lng - d * 1.6, lng + d * 1.6, lat - d, lat + d
    if chance(0.4):
        # a link a partner pasted in a chat: the whole search state in the URL
        b.open(NEST, "/homes/for_sale/?searchQueryState=" + sqs(w, e, s, n, 13, R.choice((800000, 1200000, 650000)), R.choice((2, 3))),
               ref=NONE, think=(10, 40))
        b.note("opened a shared search link")
    else:
        b.open(NEST, "/homes/%s_rb/" % city, ref=from_search(), think=(10, 40))
    for _ in range(R.randint(2, 7)):
        k = R.uniform(-0.01, 0.01)
        w, e, s, n = w + k, e + k, s + k, n + k
        b.x("/async-create-search-page-state", method="PUT", dt=(3, 25))
        b.push("/homes/for_sale/?searchQueryState=" + sqs(w, e, s, n, pick([12, 13, 14])))
        b.img("/fp/%s-p_e.jpg" % hexs(32), host=NEST_PHOTOS)
    for _ in range(R.randint(1, 4)):
        num = R.randint(100, 4999)
        street = pick(["Union-St", "Drop-Ln", "Select-Ave", "Order-Way", "Cat-Rd", "Alert-Ct", "Main-St", "OFarrell-St"])
        zpid = R.randint(13000000, 2100000000)
        zt = tail % R.randint(1, 40)
        b.open(NEST, "/homedetails/%d-%s-%s/%d_zpid/" % (num, street, zt, zpid),
               imgs=[(NEST_PHOTOS, "/fp/%s-cc_ft_960.webp" % hexs(32))],
               lazy=[(NEST_PHOTOS, "/fp/%s-cc_ft_576.webp" % hexs(32)) for _ in range(R.randint(2, 8))],
               xhr=[("GET", None, "/api/mortgage/rates?zip=%s&loanType=30yr_fixed&creditScore=740-759&downPayment=20" % zt[-5:])], think=(30, 200))
        if chance(0.1):
            b.x("/api/contact-agent", method="POST", dt=(30, 90))
            b.note("contacted an agent")


HUK = Site("www.homesearch-uk.example", css=["/_next/static/css/4e8c2a9b.css"], js=["/_next/static/chunks/main-9b7a.js", "/_next/static/chunks/pages/find-2c1d.js"],
           icon="/favicon.ico", hsize=(60000, 200000))
HUK_MEDIA = "media.homesearch-uk.example"


def huk_session(b):
    base = [("minBedrooms", str(R.randint(1, 3))), ("maxPrice", str(pick([300000, 450000, 600000]))), ("radius", pick(["0.0", "0.5", "1.0"])),
            ("propertyTypes", pick(["detached,semi-detached,terraced", "flat", "bungalow"])), ("mustHave", pick(["garden", "parking", ""])),
            ("dontShow", "retirement,sharedOwnership"), ("furnishTypes", ""), ("keywords", pick(["", "", "log burner", "south-facing garden", "no chain"]))]
    if chance(0.35):
        lat, lng = 51.47 + R.uniform(-0.05, 0.05), -0.12 + R.uniform(-0.1, 0.1)
        pts = [(lat + R.uniform(-0.02, 0.02), lng + R.uniform(-0.03, 0.03)) for _ in range(R.randint(4, 7))]
        pts.append(pts[0])
        loc = "USERDEFINEDAREA^" + json.dumps({"polylines": polyline(pts)}, separators=(",", ":"))
        b.note("drew a search area on the map")
    else:
        loc = "REGION^%d" % R.randint(1000, 99999)
    b.open(HUK, "/property-for-sale/find.html?locationIdentifier=" + euri(loc) + "&" + qs(base, enc=euri), ref=pick([NONE, from_search()]),
           lazy=[(HUK_MEDIA, "/dir/crop/10:9-16:9/property-photo/%s/%d/%s_max_476x317.jpeg" % (hexs(9), R.randint(150000000, 169999999), hexs(9))) for _ in range(R.randint(4, 10))],
           think=(20, 90))
    for i in range(R.randint(0, 3)):
        b.open(HUK, "/property-for-sale/find.html?locationIdentifier=" + euri(loc) + "&" + qs(base, enc=euri) + "&index=%d" % (24 * (i + 1)), think=(15, 60))
    pid = R.randint(150000000, 169999999)
    b.open(HUK, "/properties/%d" % pid, imgs=[(HUK_MEDIA, "/dir/crop/10:9-16:9/property-photo/%s/%d/%s_max_656x437.jpeg" % (hexs(9), pid, hexs(9)))],
           lazy=[(HUK_MEDIA, "/dir/property-photo/%s/%d/%s_max_1024x768.jpeg" % (hexs(9), pid, hexs(9))) for _ in range(R.randint(2, 9))],
           think=(30, 200))
    if chance(0.3):
        b.x("/api/property/%d/floorplan?activePlan=1&channel=RES_BUY" % pid, dt=(5, 30))


# ================================================================== classifieds
SWAP = Site("sfbay.swapboard.example", css=["/static/www/css/search.9a8b7c.css"], js=["/static/www/js/search.9a8b7c.js"],
            icon="/favicon.ico", h2=False, hsize=(9000, 40000))
SWAP_Q = ["drop leaf table", "union jack cushion", "cat tree", "shell chair", "exec desk", "table & 4 chairs",
          "ps5 (disc)", "iphone 13 pro 256gb", "2x4 lumber", "lego 10497", "sofa - free", "bike < $200",
          "select comfort bed", "alert 360 camera", "\"mid century\" dresser", "kids' bunk bed", "router/modem combo",
          "script font stencils", "1/2\" drill bit set", "snow tires 205/55r16"]


def swap_session(b):
    q = pick(SWAP_Q)
    b.open(SWAP, "/", ref=pick([NONE, NONE, from_search()]), think=(3, 15))
    b.open(SWAP, "/search/sss?query=%s&min_price=%d&max_price=%d&postal=941%02d&search_distance=%d" % (
        form(q), R.choice((0, 20, 50)), R.choice((150, 200, 600)), R.randint(0, 34), R.choice((2, 5, 10, 25))), think=(10, 60))
    b.x("/web/v8/postings/search/full?batch=1-0-360-0-0&cc=US&lang=en&searchPath=sss&query=%s" % euri(q))
    b.note("classifieds [%s]" % q)
    for _ in range(R.randint(1, 4)):
        pid = R.randint(7790000000, 7810000000)
        b.open(SWAP, "/sfc/fuo/d/san-francisco-%s/%d.html" % (slug(q)[:30], pid),
               imgs=[("images.swapboard.example", "/00%s_%s_0CI0t2_600x450.jpg" % (alnum(3), alnum(11)))],
               lazy=[("images.swapboard.example", "/00%s_%s_0CI0t2_600x450.jpg" % (alnum(3), alnum(11))) for _ in range(R.randint(0, 5))],
               think=(15, 90))
        if chance(0.2):
            b.x("/reply/sfo/fuo/%d" % pid, dt=(3, 20))
            b.note("opened reply options")
    if chance(0.3):
        lat, lon = 37.76 + R.uniform(-0.03, 0.03), -122.42 + R.uniform(-0.03, 0.03)
        b.open(SWAP, "/search/apa?bundleDuplicates=1&max_bedrooms=2&min_bedrooms=1&hasPic=1&lat=%.4f&lon=%.4f&search_distance=%.1f#search=1~map~0~0" % (lat, lon, R.uniform(0.5, 2)),
               think=(20, 90))


BAZ = Site("www.bazaar-ads.example", css=["/app/static/css/main.61c2b1.css"], js=["/app/static/js/runtime.8e2f.js", "/app/static/js/main.61c2b1.js"],
           icon="/favicon.ico", manifest="/manifest.json", sw="/sw.js", precache=["/app/static/js/offline.3e2a.js"], hsize=(50000, 160000))


def baz_session(b):
    item = pick(["iphone-13-pro", "ps5", "rower", "pram", "ikea-kallax", "drop-leaf-table", "shell-suit", "union-jack-flag"])
    lo, hi = R.choice(((300, 600), (100, 250), (50, 150), (0, 80)))
    filt = "search%%5Bfilter_float_price%%3Afrom%%5D=%d&search%%5Bfilter_float_price%%3Ato%%5D=%d&search%%5Border%%5D=created_at%%3Adesc" % (lo, hi)
    b.open(BAZ, "/d/items/q-%s/?%s" % (item, filt), ref=pick([NONE, from_search()]),
           lazy=[("ireland.apollo.bazaar-ads.example", "/v1/files/%s-PL/image;s=300x300" % b64u(40)) for _ in range(R.randint(4, 10))], think=(10, 60))
    b.note("classifieds q-%s" % item)
    for _ in range(R.randint(1, 3)):
        oid = R.randint(880000000, 899999999)
        b.open(BAZ, "/d/item/%s-CID99-ID%s.html" % (item, alnum(6)),
               imgs=[("ireland.apollo.bazaar-ads.example", "/v1/files/%s-PL/image;s=1000x700" % b64u(40))], think=(20, 120))
        if chance(0.35):
            b.x("/api/v1/offers/%d/limited-phones/" % oid, dt=(5, 40))
            b.note("revealed seller phone")
        if chance(0.2):
            b.x("/api/v1/observed-ads/%d/" % oid, method="POST", status=201, dt=(3, 20))


# ================================================================== recipes and hobbies
RECIPE = Site("www.hearthkitchen.example",
              css=["/wp-includes/css/dist/block-library/style.min.css?ver=6.8.3", "/wp-content/themes/kadence/assets/css/global.min.css?ver=1.2.9",
                   "/wp-content/plugins/wp-recipe-maker/dist/public-modern.css?ver=9.6.1"],
              js=["/wp-includes/js/jquery/jquery.min.js?ver=3.7.1", "/wp-content/plugins/wp-recipe-maker/dist/public-modern.js?ver=9.6.1",
                  "/wp-content/themes/kadence/assets/js/navigation.min.js?ver=1.2.9"],
              fonts=[("/wp-content/fonts/lora/0QI6MX1D_JOuGQbT0gvTJPa787weuxJBkqt8ndeY9Z6JTg.woff2", 1)],
              icon="/wp-content/uploads/2023/02/cropped-hk-icon-32x32.png", touch=200, hsize=(60000, 190000))
RECIPES = ["Shepherd's pie", "Chicken & dumplings", "Crème brûlée", "Pad thai (easy)", "Mom's meatloaf", "Drop biscuits",
           "Sloppy joes", "No-bake 'cheesecake' bars", "Mac n' cheese", "Chewy cookies; brown butter", "Union Square café gingerbread",
           "Sourdough (50% whole wheat)", "Käsespätzle", "Phở gà"]
RECIPE_Q = ["chicken & dumplings", "1/2 cup butter in grams", "crème brûlée", "pad thai (easy)", "gluten-free <30 min",
            "mom's meatloaf", "salt % for brine", "350°F to °C", "no-bake \"cheesecake\"", "mac n' cheese", "cookies; chewy",
            "drop biscuits", "leftover turkey + rice", "sugar-free (keto)", "20-minute dinner", "what is 1 tbsp = ? tsp"]


def recipe_session(b):
    r = pick(RECIPES)
    sl = slug(r)
    app = inapp_of(b)
    if app:
        ref, extra = social_arrival(b)
    elif chance(0.25):
        ref, extra = "https://www.pinterest.com/", ""
    else:
        ref, extra = from_search(), ""
    img = "/wp-content/uploads/2025/%02d/%s-1-1200x1800.jpg" % (R.randint(1, 11), sl)
    b.open(RECIPE, addq("/%s/" % sl, extra), ref=ref, imgs=[img],
           lazy=["/wp-content/uploads/2025/%02d/%s-step-%d-720x720.jpg" % (R.randint(1, 11), sl, i) for i in range(1, R.randint(2, 7))],
           think=(60, 400))
    b.note("recipe " + r)
    if chance(0.3):
        b.open(RECIPE, "/wprm_print/" + sl, think=(10, 60), assets=False)
        b.img("/wp-content/plugins/wp-recipe-maker/dist/print.css?ver=9.6.1")
        b.note("print view")
    if chance(0.15):
        b.x("/wp-json/wp-recipe-maker/v1/user-rating/%d" % R.randint(1000, 9999), method="POST", dt=(5, 30))
    if chance(0.35):
        q = pick(RECIPE_Q)
        b.open(RECIPE, "/?s=" + form(q), think=(5, 30))
        b.note("searched [%s]" % q)
        r2 = pick(RECIPES)
        b.open(RECIPE, "/%s/" % slug(r2), imgs=["/wp-content/uploads/2025/%02d/%s-1-1200x1800.jpg" % (R.randint(1, 11), slug(r2))], think=(30, 200))
    if chance(0.1):
        b.open(RECIPE, "/tools/convert/?from=cup&to=g&amount=%s&ingredient=butter" % euri(pick(["1/2", "3/4", "1 1/3", "2"])), think=(5, 30))


YARN = Site("www.yarnloop.example", css=["/assets/application-8c1d2e.css"], js=["/assets/application-8c1d2e.js"],
            icon="/favicon.ico", touch=200, hsize=(20000, 80000))
YARN_FORUM_Q = ["k2tog vs ssk", "*k1, p1; rep from * to end", "yo, k2tog (eyelet)", "psso meaning", "[k2, p2] x 4",
                "m1l / m1r", "kfb = ?", "sl1 wyif", "p2tog tbl", "w&t short rows", "<3 pattern", "C4F vs C4B"]


def yarn_session(b):
    q = pick(["cable hat", "drop stitch scarf", "union jack blanket", "cat toy", "select-a-size sweater", "shell stitch", "baby cardigan 0-3m"])
    b.open(YARN, "/patterns/search?" + qs([("query", q), ("craft", "knitting"), ("weight", pick(["worsted", "dk", "aran", ""])), ("sort", "best")]),
           ref=pick([NONE, from_search()]), think=(4, 20))
    b.x("/patterns/search.json?page=1&%s&view=captioned_thumbs" % qs([("query", q), ("craft", "knitting"), ("sort", "best")], enc=euri))
    b.note("pattern search [%s]" % q)
    for _ in range(R.randint(1, 3)):
        p = slug(q) + "-no-%d" % R.randint(1, 9)
        b.open(YARN, "/patterns/library/" + p, imgs=[("images.yarnloop.example", "/uploads/%s/%s_medium2.jpg" % (alnum(6), alnum(10)))], think=(20, 120))
    if chance(0.5):
        fq = pick(YARN_FORUM_Q)
        b.open(YARN, "/discuss/search?q=" + form(fq), think=(10, 60))
        b.note("forum search [%s]" % fq)
    if chance(0.2):
        b.open(YARN, "/dl/pattern_source/%d" % R.randint(1000, 99999), status=302,
               to=(Site("dl.yarnloop.example", icon=None), "/files/%s/%s" % (alnum(8), pseg(pick(["Cabled Beanie No.3 v2.1.pdf", "Drop-Stitch Scarf (US+UK terms).pdf"])))),
               assets=False, think=(5, 20))
        b.note("downloaded a pattern")


ASTRO = Site("sky.astrodb.example", css=["/simbad/css/simbad.css"], js=["/simbad/js/simbad.js", "/aladin/AladinLite-3.2/aladin.js"],
             icon="/favicon.ico", h2=False, hsize=(9000, 60000))
ASTRO_OBJ = [("M 42", "05 35 17.3 -05 23 28", 83.822, -5.391), ("M 1", "05 34 31.9 +22 00 52", 83.633, 22.014),
             ("NGC 7000", "20 59 17.1 +44 31 44", 314.821, 44.529), ("M 31", "00 42 44.3 +41 16 09", 10.685, 41.269),
             ("Betelgeuse", "05 55 10.3 +07 24 25", 88.793, 7.407), ("Sgr A*", "17 45 40.0 -29 00 28", 266.417, -29.008)]


def astro_session(b):
    name, coord, ra, dec = pick(ASTRO_OBJ)
    b.open(ASTRO, "/simbad/", ref=pick([NONE, from_search()]), think=(4, 15))
    b.open(ASTRO, "/simbad/sim-id?" + qs([("Ident", name), ("NbIdent", "1"), ("Radius", "2"), ("Radius.unit", "arcmin"), ("submit", "submit id")]),
           think=(20, 90), imgs=[("sky.astrodb.example", "/aladin/thumb?ra=%.3f&dec=%.3f&fov=0.5&survey=%s&w=300&h=300" % (ra, dec, euri("P/DSS2/color")))])
    b.note("object %s" % name)
    if chance(0.6):
        b.open(ASTRO, "/simbad/sim-coo?" + qs([("Coord", coord), ("CooFrame", "FK5"), ("CooEpoch", "2000"), ("CooEqui", "2000"),
                                                 ("Radius", str(pick([2, 5, 10]))), ("Radius.unit", "arcmin"), ("submit", "submit query")]), think=(20, 90))
    if chance(0.4):
        ra_s, dec_s = coord.split(" ")[:3], coord.split(" ")[3:]
        b.open(ASTRO, "/tools/altaz?ra=%sh%sm%ss&dec=%sd%sm%ss&lat=51.48&lon=-0.01&date=2025-11-18" % (tuple(ra_s) + (euri(dec_s[0]),) + tuple(dec_s[1:])), think=(20, 60))


HAM = Site("www.callbook.example", css=["/css/main.css?v=41"], js=["/js/main.js?v=41"], icon="/favicon.ico", h2=False, hsize=(8000, 30000))


def ham_session(b):
    b.open(HAM, "/", ref=NONE, think=(3, 10))
    for _ in range(R.randint(1, 4)):
        call = pick(["W1AW", "K1ABC/M", "VP8/G4ABC", "DL0HQ", "JA1XYZ/P", "G4ABC/MM", "EA8/ON4XYZ", "N0CALL"])
        b.open(HAM, "/lookup?callsign=" + form(call), status=302, to=(HAM, "/db/" + euri(call)), think=(10, 60))
    if chance(0.5):
        for _ in range(R.randint(3, 10)):
            b.open(HAM, "/dxcluster?band=%s&mode=%s&since=15" % (pick(["20m", "40m", "17m"]), pick(["FT8", "CW", "SSB"])), think=(20, 60))
        b.note("kept reloading the DX cluster")


# ================================================================== games
BCW = Site("wiki.blockcraft.example",
           css=["/load.php?lang=en&modules=site.styles%7Cskins.citizen.styles&only=styles&skin=citizen"],
           js=["/load.php?lang=en&modules=startup&only=scripts&raw=1&skin=citizen"],
           icon="/images/favicon.ico", hsize=(30000, 180000))
BC_PAGES = ["Commands/execute", "Commands/kill", "Commands/give", "Commands/summon", "Commands/fill", "Loot_table",
            "Drop_(item)", "Redstone_circuits", "Target_selectors", "Data_pack", "Spawn_egg", "Shell_(item)"]
BC_Q = ["/kill @e[type=!player]", "/give @p diamond_sword{Enchantments:[{id:\"sharpness\",lvl:5}]}",
        "/execute as @a at @s run tp ~ ~10 ~", "/summon zombie ~ ~ ~ {NoAI:1b}", "/fill ~-5 ~-1 ~-5 ~5 ~-1 ~5 stone",
        "@a[distance=..10]", "loot table", "drop rate", "/gamerule keepInventory true", "{CustomName:'\"Bob\"'}",
        "/tellraw @a {\"text\":\"hi\"}", "select block", "union of regions"]
RPG = Site("runeworld.wiki.example", css=["/load.php?lang=en-gb&modules=site.styles&only=styles&skin=vector"],
           js=["/load.php?lang=en-gb&modules=startup&only=scripts&raw=1&skin=vector"], icon="/images/favicon.ico", hsize=(30000, 150000))
STATS = Site("www.statsgg.example", css=["/_nuxt/entry.6f1a2b.css"], js=["/_nuxt/entry.6f1a2b.js", "/_nuxt/profile.9c3d4e.js"],
             icon="/favicon.ico", hsize=(30000, 90000))
GAME = Site("play.starforge.example", css=["/static/css/site.4b3a.css"], js=["/static/js/site.4b3a.js"],
            fonts=[("/static/fonts/Orbitron-Bold.woff2", 0)], icon="/favicon.ico", hsize=(40000, 140000))


def game_session(b):
    r = R.random()
    if r < 0.35:
        pg = pick(BC_PAGES)
        b.open(BCW, "/w/" + pg, ref=from_search(), think=(20, 150))
        for _ in range(R.randint(1, 3)):
            q = pick(BC_Q)
            b.open(BCW, "/w/index.php?search=%s&title=Special%%3ASearch&go=Go" % form(q), think=(10, 60))
            b.note("game wiki search [%s]" % q)
            b.open(BCW, "/w/" + pick(BC_PAGES), think=(20, 120))
    elif r < 0.55:
        b.open(RPG, "/w/" + pick(["Rare_drop_table", "Drop_table", "Abyssal_whip", "Exchange:Dragon_bones", "Calculator:Combat",
                                   "Slayer_task/Dust_devils", "Money_making_guide"]), ref=from_search(), think=(20, 150))
        for t in R.sample(["Gem_drop_table", "Drop_rate", "Treasure_Trails/Guide/Anagrams", "Select_(emote)", "Union_of_the_Spheres",
                           "Herb_drop_table", "Mega-rare_drop_table"], R.randint(1, 4)):
            b.open(RPG, "/w/" + t, think=(15, 120))
        if chance(0.4):
            q = pick(["dragon bones drop rate", "\"rare drop table\" access", "whip (tradeable)", "cat training", "shell", "1/512 drop"])
            b.open(RPG, "/w/Special:Search?search=%s&fulltext=1" % form(q), think=(10, 40))
            b.note("wiki search [%s]" % q)
    elif r < 0.75:
        name = pick(["Sh4d0w Fox#EUW", "Mäuschen#0001", "死神#JP1", "TeaTime#UK2", "xX_Sn1per_Xx#NA1", "Dr0p Bear#OCE"])
        game = pick(["valorant", "lol", "apex"])
        b.open(STATS, "/%s/profile/riot/%s/overview" % (game, euri(name)), ref=pick([NONE, from_search(), "https://discord.com/"]), think=(20, 90))
        b.x("/api/v2/%s/standard/profile/riot/%s?forceCollect=true" % (game, euri(name)))
        b.x("/api/v2/%s/standard/matches/riot/%s?type=competitive&next=null" % (game, euri(name)), dt=(5, 30))
        b.note("looked up %s" % name)
    else:
        b.open(GAME, "/en-us/news/game-updates/patch-14-23-notes/", ref=pick([NONE, from_search(), "https://www.reddit.com/"]),
               imgs=["/static/img/news/patch-14-23-hero.jpg"], think=(60, 300))
        b.x("/api/status?region=%s" % pick(["eu", "na", "ap"]))
        if chance(0.4):
            b.open(GAME, "/account/redeem", think=(10, 30))
            b.post(GAME, "/account/redeem", 303, to=(GAME, "/account/redeem?result=ok"))
            b.note("redeemed a code")
        if chance(0.3):
            b.open(GAME, "/store/bundles?currency=%s&sort=newest" % pick(["EUR", "USD", "GBP"]), think=(20, 90))


CHESS = Site("www.chesslab.example", css=["/assets/_fKp3Xw/css/analyse.light.css"], js=["/assets/_fKp3Xw/compiled/analyse.min.js", "/assets/_fKp3Xw/compiled/site.min.js"],
             fonts=[("/assets/_fKp3Xw/font/chesslab.woff2", 0)], icon="/assets/logo/chesslab-favicon-32.png", hsize=(10000, 40000))
FENS = ["rnbqkbnr/pppp1ppp/8/4p3/4P3/5N2/PPPP1PPP/RNBQKB1R b KQkq - 1 2",
        "r1bqkbnr/pppp1ppp/2n5/4p3/2B1P3/5N2/PPPP1PPP/RNBQK2R b KQkq - 3 3",
        "rnbqkb1r/pp2pppp/3p1n2/8/3NP3/8/PPP2PPP/RNBQKB1R w KQkq - 1 5",
        "8/8/8/4k3/8/8/4P3/4K3 w - - 0 1", "6k1/5ppp/8/8/8/8/5PPP/3R2K1 w - - 0 1"]


def chess_session(b):
    fen = pick(FENS)
    b.open(CHESS, "/analysis/standard/" + fen.replace(" ", "_"), ref=pick([NONE, from_search(), "https://www.reddit.com/"]), think=(3, 10))
    for i in range(R.randint(2, 8)):
        f = fen if i == 0 else pick(FENS)
        b.x("/lichess?variant=standard&speeds=blitz%%2Crapid%%2Cclassical&ratings=1800%%2C2000%%2C2200&fen=%s" % euri(f),
            host="explorer.chesslab.example", dt=(2, 20))
    if fen.startswith("8/") or fen.startswith("6k1"):
        b.x("/standard?fen=" + euri(fen), host="tablebase.chesslab.example")
    b.note("analysis board, opening explorer")
    if chance(0.5):
        pz = alnum(5)
        b.open(CHESS, "/training/" + pz, think=(30, 180))
        b.x("/training/complete/mix/" + pz, method="POST")
    if chance(0.3):
        gid = alnum(8)
        b.open(CHESS, "/" + gid, think=(20, 120))
        b.x("/game/export/%s?literate=1&clocks=0&evals=0" % gid, dt=(5, 30))
        b.note("exported a game PGN")


# ================================================================== maps
MAP = Site("www.mapatlas.example", css=["/assets/application-2c8d.css", "/assets/maplibre-gl-4.7.css"],
           js=["/assets/application-2c8d.js", "/assets/maplibre-gl-4.7.js"], icon="/favicon.ico", touch=200,
           manifest="/manifest.json", hsize=(12000, 30000))
TILES = "tiles.mapatlas.example"
PLACES = [("union station chicago", 41.8787, -87.6403), ("union station denver", 39.7530, -105.0002),
          ("select citywalk", 28.5286, 77.2193), ("drop-off parking heathrow t5", 51.4720, -0.4887),
          ("o'hare terminal 5", 41.9773, -87.9043), ("café de flore", 48.8541, 2.3326), ("123 main st, apt #4", 40.7128, -74.0060),
          ("hospital near me", 51.5074, -0.1278), ("bahnhof zürich hb", 47.3779, 8.5403), ("東京駅", 35.6812, 139.7671)]


def tile_xy(lat, lon, z):
    import math
    n = 2 ** z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return x, y


def map_tiles(b, lat, lon, z):
    x, y = tile_xy(lat, lon, z)
    for dx in range(-2, 2):
        for dy in range(-1, 2):
            b.x("/v1/%d/%d/%d.pbf" % (z, x + dx, y + dy), host=TILES, size=sz("tile"), dt=(0.01, 0.12))


def map_session(b):
    q, lat, lon = pick(PLACES)
    b.open(MAP, "/", ref=pick([NONE, NONE, from_search()]), think=(1, 4),
           xhr=[("GET", TILES, "/styles/bright/style.json"), ("GET", TILES, "/styles/bright/sprite@2x.json"),
                ("GET", TILES, "/styles/bright/sprite@2x.png", 200, 60000),
                ("GET", TILES, "/fonts/Noto%20Sans%20Regular/0-255.pbf", 200, 70000)])
    map_tiles(b, 51.5, -0.12, 10)
    b.wait(3, 15)
    b.open(MAP, "/search?query=" + form(q), think=(1, 3))
    b.x("/geocoder/search_osm_nominatim?query=%s&minlon=%.4f&minlat=%.4f&maxlon=%.4f&maxlat=%.4f" % (form(q), lon - 0.3, lat - 0.2, lon + 0.3, lat + 0.2))
    b.note("map search [%s]" % q)
    for z in sorted(R.sample(range(12, 18), R.randint(1, 3))):
        b.wait(2, 15)
        map_tiles(b, lat + R.uniform(-0.01, 0.01), lon + R.uniform(-0.01, 0.01), z)
    if chance(0.5):
        lat2, lon2 = lat + R.uniform(-0.05, 0.05), lon + R.uniform(-0.05, 0.05)
        b.open(MAP, "/directions?engine=fossgis_osrm_car&route=%s" % euri("%.4f,%.4f;%.4f,%.4f" % (lat, lon, lat2, lon2)), think=(1, 3))
        b.x("/route/v1/driving/%.6f,%.6f;%.6f,%.6f?overview=false&geometries=polyline&steps=true&alternatives=true" % (lon, lat, lon2, lat2),
            host="routing.mapatlas.example")
        b.x("/reverse?format=json&lat=%.5f&lon=%.5f&zoom=18&addressdetails=1" % (lat2, lon2), host="nominatim.mapatlas.example")
        b.note("directions")
        map_tiles(b, lat, lon, 14)


# ================================================================== city and tax
CITY = Site("www.brookdale-city.example", css=["/Assets/Styles/Print.css", "/Areas/Layout/Assets/Styles/Site.css?v=2011"],
            js=["/Assets/Scripts/jQuery/jquery-3.7.1.min.js", "/Assets/Scripts/Common.js?v=2011"],
            imgs=["/ImageRepository/Document?documentID=1412"], icon="/favicon.ico", h2=False, hsize=(30000, 110000))
ACCELA = Site("aca.brookdale-city.example", css=["/CitizenAccess/App_Themes/Default/Default.css"],
              js=["/CitizenAccess/Scripts/jquery.js", "/CitizenAccess/ScriptResource.axd?d=%s&t=ffffffffecf19baa" % b64u(60)],
              icon="/CitizenAccess/favicon.ico", h2=False, hsize=(60000, 160000))
PAYCITY = Site("pay.brookdale-city.example", css=["/css/pay.css"], js=["/js/pay.js"], icon="/favicon.ico", hsize=(8000, 20000))
CITY_Q = ["select committee report", "union station parking", "drop off recycling", "council tax 2025/26", "bin day (holiday)",
          "noise complaint 311", "building permit fee", "\"zoning variance\" hearing", "dog licence", "o'neil park", "tree removal & permit",
          "pothole", "minutes 11/04/2025", "budget fy2026", "alert sign up", "shelter cats"]


def city_session(b):
    b.open(CITY, "/", ref=pick([NONE, from_search(), from_search()]), think=(5, 30))
    for _ in range(R.randint(1, 4)):
        r = R.random()
        if r < 0.3:
            q = pick(CITY_Q)
            b.open(CITY, "/Search?searchPhrase=" + euri(q), think=(10, 40))
            b.note("site search [%s]" % q)
        elif r < 0.5:
            q = pick(["select committee report", "budget", "union station", "zoning", "parks & recreation"])
            b.open(CITY, "/AgendaCenter/Search/?term=%s&CIDs=all&startDate=&endDate=&dateRange=&dateSelector=" % form(q), think=(10, 40))
            b.open(CITY, "/AgendaCenter/ViewFile/Agenda/_%s-%d" % (datetime.date(2025, 11, R.randint(1, 17)).strftime("%m%d%Y"), R.randint(2000, 2600)),
                   assets=False, size=sz("pdf"), think=(30, 200))
            b.note("agenda center [%s]" % q)
        elif r < 0.65:
            b.open(CITY, "/DocumentCenter/View/%d/%s" % (R.randint(3000, 6000), pick(["FY2026-Adopted-Budget-PDF", "Sewer-Rates-2025-26-PDF", "Select-Committee-Report-on-Housing-PDF"])),
                   assets=False, size=sz("pdf"), think=(30, 200))
        elif r < 0.8:
            b.open(CITY, "/FormCenter/Public-Works-8/Report-a-Pothole-56", think=(60, 200))
            b.post(CITY, "/FormCenter/Public-Works-8/Report-a-Pothole-56", 302, to=(CITY, "/FormCenter/Public-Works-8/Report-a-Pothole-56?submitted=1"))
            b.note("reported a pothole")
        else:
            b.open(CITY, "/Accessibility", think=(5, 20))
            b.open(CITY, "/Accessibility?fontsize=150&contrast=high", status=302, to=(CITY, "/"), think=(5, 20))
            b.note("accessibility settings (large text, high contrast)")
    if chance(0.3):
        b.open(ACCELA, "/CitizenAccess/Cap/CapHome.aspx?module=Building&TabName=Building", ref=AUTO, think=(10, 40))
        b.post(ACCELA, "/CitizenAccess/Cap/CapHome.aspx?module=Building&TabName=Building", 200)
        b.open(ACCELA, "/CitizenAccess/Cap/CapDetail.aspx?Module=Building&TabName=Building&capID1=25CAP&capID2=00000&capID3=00%d&agencyCode=BROOKDALE" % R.randint(1000, 9999),
               think=(30, 120))
        b.note("permit lookup")
    if chance(0.3):
        b.open(PAYCITY, "/citation/lookup", ref=AUTO, think=(10, 40))
        b.post(PAYCITY, "/citation/lookup", 303, to=(PAYCITY, "/citation/PK25%06d?plate=%s&state=CA" % (R.randint(0, 999999), alnum(7).upper())))
        if chance(0.6):
            b.post(PAYCITY, "/citation/pay", 303, to=(PAYCITY, "/receipt?txn=%s&status=approved&sig=%s" % (alnum(12), hexs(40))))
            b.note("paid a parking ticket")


TAX = Site("www.revenue-dept.example", css=["/themes/custom/rev/css/rev.css?t4z1b2"], js=["/core/assets/vendor/jquery/jquery.min.js?v=3.7.1", "/themes/custom/rev/js/rev.js?t4z1b2"],
           fonts=[("/themes/custom/rev/fonts/SourceSansPro-Regular.woff2", 0)], icon="/themes/custom/rev/favicon.ico", hsize=(30000, 80000))
ASSESSOR = Site("assessor.brookdale-county.example", css=["/css/site.css"], js=["/js/site.js"], icon="/favicon.ico", h2=False, hsize=(9000, 40000))


def tax_session(b):
    b.open(TAX, pick(["/forms-pubs/about-form-w-4", "/individuals/wheres-my-refund", "/forms-pubs/about-form-1040",
                      "/help/ita/how-much-is-my-standard-deduction"]), ref=from_search(), think=(20, 120))
    for _ in range(R.randint(0, 2)):
        q = pick(["w-4", "1099-k $600", "schedule c (form 1040)", "where's my refund", "401(k) limits 2026", "form 8962 <line 24>", "sec. 179"])
        b.open(TAX, "/search?search=" + form(q), think=(10, 40))
        b.note("tax site search [%s]" % q)
    if chance(0.5):
        b.open(TAX, "/pub/irs-pdf/" + pick(["fw4.pdf", "f1040.pdf", "p17.pdf", "f1040sc.pdf"]), assets=False, size=sz("pdf"), think=(30, 200))
        b.note("opened a form PDF")
    if chance(0.3):
        b.open(TAX, "/tools/withholding-estimator?step=1", think=(30, 90))
        for st in (2, 3, 4):
            b.post(TAX, "/tools/withholding-estimator?step=%d" % (st - 1), 303, to=(TAX, "/tools/withholding-estimator?step=%d" % st))
        b.note("withholding estimator")
    if chance(0.35):
        owner = pick(["O'Neil", "D'Angelo & Sons LLC", "Smith-Jones", "St. Mary's Church", "Nguyễn", "McDonald's #1123"])
        b.open(ASSESSOR, "/search", ref=pick([NONE, from_search()]), think=(10, 30))
        b.open(ASSESSOR, "/search?owner=%s&street=&parcel=" % form(owner), think=(10, 40))
        b.open(ASSESSOR, "/parcel/%03d-%03d-%03d?year=2025" % (R.randint(100, 999), R.randint(0, 999), R.randint(0, 999)), think=(20, 90))
        b.note("property tax lookup [%s]" % owner)


# ================================================================== jobs and dating
JOBS = Site("www.hireloop.example", css=["/s/css/serp.7a6b5c.css"], js=["/s/js/serp.7a6b5c.js", "/s/js/vendor.1f2e3d.js"],
            icon="/favicon.ico", touch=200, manifest="/manifest.json", hsize=(60000, 200000))
JOB_Q = [("sql developer", "Union City, NJ"), ("C# .NET developer", "Remote"), ("C++ embedded", "München"),
         ("DevOps (AWS/K8s)", "London"), ("\"data analyst\" -senior", "Denver, CO"), ("node.js", ""),
         ("penetration tester", "Washington, DC"), ("security engineer \"red team\"", "Remote"), ("script writer", "Los Angeles, CA"),
         ("select committee clerk", "Westminster"), ("drop off driver", "Chicago, IL"), ("union electrician", "Newark, NJ"),
         ("exec assistant", "New York, NY"), ("shell scripting linux admin", "Austin, TX"), ("R&D engineer", "Eindhoven"),
         ("barista (part-time)", "Seattle, WA"), ("nurse - ICU / nights", "Houston, TX"), ("café manager", "Montréal, QC")]


def job_session(b):
    q, l = pick(JOB_Q)
    b.open(JOBS, "/", ref=pick([NONE, from_search()]), think=(3, 15))
    for k in (3, len(q)):
        b.x("/api/autocomplete/what?q=%s&lang=en" % euri(q[:k]), dt=(0.3, 1.5))
    params = [("q", q), ("l", l), ("radius", pick(["10", "25", "50"]))]
    if chance(0.5):
        params += [("remotejob", pick(["hybrid", "remote"])), ("salary", pick(["60000", "90000", "120000"])), ("sort", "date")]
    b.open(JOBS, "/jobs?" + qs(params), think=(10, 60))
    b.note("job search [%s]" % q)
    for _ in range(R.randint(1, 5)):
        jk = hexs(16)
        b.x("/viewjob?jk=%s&from=serp&vjs=3&tk=%s&spa=1" % (jk, alnum(20).lower()), dt=(5, 45))
    if chance(0.4):
        jk = hexs(16)
        b.open(JOBS, "/viewjob?jk=%s&from=serp&vjs=3" % jk, think=(30, 120))
        b.open(JOBS, "/apply/%s?source=viewjob" % jk, think=(20, 60))
        b.x("/api/apply/resume", method="POST", status=201, dt=(10, 40))
        b.post(JOBS, "/apply/%s/questions" % jk, 303, to=(JOBS, "/apply/%s/review" % jk))
        b.post(JOBS, "/apply/%s/submit" % jk, 303, to=(JOBS, "/apply/%s/submitted" % jk))
        b.note("applied")
    if chance(0.2):
        b.open(JOBS, "/career/%s/salaries/%s" % (slug(q), pseg(l.replace(", ", "--").replace(" ", "-")) or "Remote"), think=(20, 90))


DATE = Site("www.heartline.example", css=["/static/app.8d7c.css"], js=["/static/app.8d7c.js", "/static/vendor.3e2f.js"],
            icon="/favicon.ico", touch=200, manifest="/manifest.webmanifest", sw="/sw.js", precache=["/static/offline.4a1b.js"], hsize=(4000, 12000))
DPH = "photos.heartline.example"


def dating_session(b):
    b.open(DATE, "/discover", ref=NONE, think=(2, 6))
    b.x("/api/me")
    for _ in range(R.randint(2, 6)):
        b.x("/api/discover/next?count=10", dt=(10, 60))
        for _ in range(R.randint(2, 6)):
            b.x("/u/%d/%s/640x800.jpg" % (R.randint(1000000, 9999999), hexs(4)), host=DPH, size=sz("img"), dt=(1, 8))
            if chance(0.3):
                b.x("/api/likes/%d" % R.randint(1000000, 9999999), method="POST", status=201, dt=(1, 5))
    if chance(0.5):
        conv = R.randint(10000, 99999)
        b.open(DATE, "/messages/c/%d" % conv, think=(2, 6))
        after = 1763449200 + int(b.t)
        for _ in range(R.randint(3, 12)):
            b.x("/api/messages/%d?after=%d" % (conv, after), dt=(8, 12))
            if chance(0.3):
                b.x("/api/messages/%d" % conv, method="POST", status=201, dt=(1, 5))
                after = 1763449200 + int(b.t)
        b.note("chatting")
    if chance(0.3):
        params = [("age_min", str(R.randint(25, 35))), ("age_max", str(R.randint(36, 48))), ("distance_km", pick(["10", "25", "50"])),
                  ("gender", pick(["f", "m", "nb"])), ("looking_for", pick(["m", "f", "any"])), ("interests", pick(["hiking,cooking", "board games", "cats & dogs", "k-pop", "sci-fi"])),
                  ("has_photo", "1"), ("online_recently", "1")]
        b.open(DATE, "/search?" + qs(params), think=(20, 90))
        b.note("profile search")


# ================================================================== learning
LMS = Site("learn.northfield-uni.example",
           css=["/theme/styles.php/boost/1731456789_1731456700/all"],
           js=["/lib/javascript.php/1731456789/lib/babel-polyfill/polyfill.min.js", "/lib/javascript.php/1731456789/lib/polyfills/polyfill.js",
               "/theme/yui_combo.php?rollup/3.18.1/yui-moodlesimple-min.js", "/lib/javascript.php/1731456789/lib/javascript-static.js",
               "/lib/requirejs.php/1731456789/core/first.js"],
           fonts=[("/theme/font.php/boost/core/1731456789/fontawesome-webfont.woff2", 0)],
           icon="/theme/image.php/boost/theme/1731456789/favicon", h2=True, hsize=(40000, 120000))
LMS_FILES = ["Week 6 - SQL Injection and Prepared Statements.pdf", "Lab 3 - XSS (stored vs reflected).pdf",
             "Lecture 9 - Path traversal (dot-dot-slash).pdf", "Tutorial_Sheet_4 (answers).pdf", "DB101 exam 2024 [solutions].pdf",
             "select_join_examples.sql", "shell-cheatsheet.txt", "Week 2 – Relational algebra (σ, π, ⋈).pdf"]
LMS_FORUM_Q = ["\"select * from\" join", "union vs union all", "lab 3 sql injection", "drop table students", "WHERE 1=1",
               "<script> in assignment 2", "../ in file path", "rm -rf question 4", "alert(1) not firing", "exam (resit)"]


def lms_ajax(b, sess, info):
    b.x("/lib/ajax/service.php?sesskey=%s&info=%s" % (sess, info), method="POST", dt=(0.1, 0.8))


def moodle_session(b):
    sess = alnum(10)
    course = pick([1842, 2210, 1977, 2301])
    if chance(0.5):
        b.open(LMS, "/login/index.php", ref=NONE, think=(5, 15))
        b.post(LMS, "/login/index.php", 303)
        b.open(LMS, "/login/index.php?testsession=%d" % R.randint(1000, 60000), status=303, to=(LMS, "/my/"), think=(5, 20))
        pw_check(b, LMS)
    else:
        b.open(LMS, "/my/", ref=NONE, think=(5, 20))
    for info in ("core_course_get_enrolled_courses_by_timeline_classification", "core_calendar_get_action_events_by_timesort",
                 "message_popup_get_popup_notifications"):
        lms_ajax(b, sess, info)
    args = [{"index": 0, "methodname": "core_get_string", "args": {"stringid": "confirm", "component": "moodle", "lang": "en"}}]
    b.x("/lib/ajax/service-nologin.php?info=core_get_string&cachekey=1731456789&args=" + euri(json.dumps(args, separators=(",", ":"))))
    b.open(LMS, "/course/view.php?id=%d" % course, think=(10, 60))
    b.note("course %d" % course)
    for _ in range(R.randint(1, 4)):
        r = R.random()
        if r < 0.3:
            cm = R.randint(88000, 89999)
            f = pick(LMS_FILES)
            b.open(LMS, "/mod/resource/view.php?id=%d" % cm, status=303,
                   to=(LMS, "/pluginfile.php/%d/mod_resource/content/%d/%s" % (R.randint(200000, 230000), R.randint(1, 4), rawurlencode(f))),
                   assets=False, think=(60, 400))
            b.note("opened %s" % f)
        elif r < 0.55:
            cm, att = R.randint(88000, 89999), R.randint(550000, 560000)
            b.open(LMS, "/mod/quiz/view.php?id=%d" % cm, think=(5, 20))
            b.post(LMS, "/mod/quiz/startattempt.php", 303, to=(LMS, "/mod/quiz/attempt.php?attempt=%d&cmid=%d" % (att, cm)))
            for p in range(1, R.randint(2, 6)):
                b.x("/mod/quiz/autosave.ajax.php", method="POST", dt=(40, 90))
                b.post(LMS, "/mod/quiz/processattempt.php?cmid=%d" % cm, 303, to=(LMS, "/mod/quiz/attempt.php?attempt=%d&cmid=%d&page=%d" % (att, cm, p)), think=(30, 120))
            b.post(LMS, "/mod/quiz/processattempt.php?cmid=%d" % cm, 303, to=(LMS, "/mod/quiz/summary.php?attempt=%d&cmid=%d" % (att, cm)))
            b.post(LMS, "/mod/quiz/processattempt.php?cmid=%d" % cm, 303, to=(LMS, "/mod/quiz/review.php?attempt=%d&cmid=%d" % (att, cm)))
            b.note("took a quiz")
        elif r < 0.75:
            q = pick(LMS_FORUM_Q)
            b.open(LMS, "/mod/forum/search.php?id=%d&search=%s" % (course, form(q)), think=(10, 40))
            b.open(LMS, "/mod/forum/discuss.php?d=%d#p%d" % (R.randint(70000, 80000), R.randint(170000, 190000)), think=(30, 150))
            b.note("forum search [%s]" % q)
        elif r < 0.9:
            cm = R.randint(88000, 89999)
            b.open(LMS, "/mod/assign/view.php?id=%d&action=editsubmission" % cm, think=(10, 40))
            b.x("/repository/draftfiles_ajax.php?action=list", method="POST")
            b.x("/repository/repository_ajax.php?action=upload", method="POST", dt=(10, 40))
            b.post(LMS, "/mod/assign/view.php", 303, to=(LMS, "/mod/assign/view.php?id=%d" % cm))
            b.note("submitted an assignment")
        else:
            b.open(LMS, "/grade/report/user/index.php?id=%d" % course, think=(10, 60))


DRILL = Site("www.codedrill.example", css=["/_next/static/css/a1b2c3d4.css"], js=["/_next/static/chunks/main-5e6f.js", "/_next/static/chunks/pages/problems-7a8b.js"],
             icon="/favicon.ico", hsize=(20000, 60000))
DRILL_P = ["combine-two-tables", "delete-duplicate-emails", "second-highest-salary", "rank-scores", "valid-parentheses",
           "regular-expression-matching", "department-top-three-salaries", "employees-earning-more-than-their-managers"]


def drill_session(b):
    p = pick(DRILL_P)
    b.open(DRILL, "/problems/%s/description/" % p, ref=pick([NONE, from_search()]), think=(5, 15))
    b.x("/graphql/", method="POST")
    b.x("/graphql/", method="POST")
    b.note("practice problem %s" % p)
    for _ in range(R.randint(1, 4)):
        b.wait(60, 300)
        b.x("/problems/%s/interpret_solution/" % p, method="POST")
        rid = "runcode_%d.%d_%s" % (1763449200 + int(b.t), R.randint(100000, 999999), alnum(8))
        for _ in range(R.randint(1, 3)):
            b.x("/submissions/detail/%s/check/" % rid, dt=(0.8, 1.5))
    if chance(0.7):
        b.x("/problems/%s/submit/" % p, method="POST", dt=(10, 60))
        sid = R.randint(1450000000, 1460000000)
        for _ in range(R.randint(1, 4)):
            b.x("/submissions/detail/%d/check/" % sid, dt=(0.8, 1.5))
        b.open(DRILL, "/problems/%s/submissions/%d/" % (p, sid), think=(10, 60))


# ================================================================== streaming
STREAM = Site("www.streamly.example", css=["/static/css/app.2b3c.css"], js=["/static/js/player.9d8e.js", "/static/js/app.2b3c.js"],
              fonts=[("/static/fonts/Netflixish-Sans.woff2", 0)], icon="/favicon.ico", touch=200, hsize=(15000, 40000))
VOD = "vod.streamly-cdn.example"


def stream_session(b, ref=None):
    show = pick(["the-long-drop/s01e03", "union-street/s02e01", "select-few/s01e05", "null-island/s01e01", "the-exec/s03e08", "cat-people/film"])
    cid = hexs(12)
    b.open(STREAM, "/watch/" + show, ref=ref if ref is not None else pick([NONE, NONE, "https://www.google.com/"]), think=(1, 3),
           imgs=[("img.streamly-cdn.example", "/art/%s/backdrop_1920.jpg" % cid)])
    b.x("/api/v1/playback/manifest?contentId=%s&drm=%s&hdcp=1&codecs=avc1%%2Chev1%%2Cmp4a" % (cid, "fairplay" if b.fam == "safari" else "widevine"))
    tok = b64u(48)
    mins = R.uniform(1.5, 5)
    b.note("watched %s for %d min" % (show, mins))
    if b.fam == "safari":
        b.x("/hls/%s/master.m3u8?token=%s" % (cid, tok), host=VOD)
        b.x("/drm/fairplay/cert", host="drm.streamly.example")
        b.x("/drm/fairplay/license", method="POST", host="drm.streamly.example")
        q = pick([720, 1080])
        b.x("/hls/%s/video/%dp/index.m3u8?token=%s" % (cid, q, tok), host=VOD)
        b.x("/hls/%s/audio/en/index.m3u8?token=%s" % (cid, tok), host=VOD, dt=(0.02, 0.1))
        ext, base = "m4s", "/hls/%s" % cid
    else:
        b.x("/dash/%s/manifest.mpd?token=%s" % (cid, tok), host=VOD)
        b.x("/drm/widevine/license", method="POST", host="drm.streamly.example")
        q = pick([720, 1080])
        ext, base = "m4s", "/dash/%s" % cid
    b.x("%s/video/%dp/init.mp4" % (base, q), host=VOD, size=900)
    b.x("%s/audio/en/init.mp4" % base, host=VOD, size=700, dt=(0.01, 0.05))
    if chance(0.3):
        b.x("%s/subs/%s.vtt" % (base, pick(["en", "es", "fr", "de", "pt-BR"])), host=VOD, size=sz("json"))
    start = R.randint(1, 400)
    nseg = int(mins * 60 / 6)
    for i in range(nseg):
        n = start + i
        if i and i % 40 == 0 and chance(0.4):
            q = pick([480, 720, 1080])
            b.x("%s/video/%dp/init.mp4" % (base, q), host=VOD, size=900, dt=(0.01, 0.1))
        b.x("%s/video/%dp/seg-%05d.%s" % (base, q, n, ext), host=VOD, size=sz("seg"), dt=(5.6, 6.4))
        b.x("%s/audio/en/seg-%05d.%s" % (base, n, ext), host=VOD, size=sz("aseg"), dt=(0.01, 0.08))
        if i % 10 == 9:
            b.x("/api/v1/playback/heartbeat?contentId=%s&position=%d&state=playing" % (cid, n * 6), method="POST", status=204, dt=(0.01, 0.2))


LIVE = Site("www.fieldcast.example", css=["/css/watch.31a.css"], js=["/js/hls.min.js?v=1.5.15", "/js/watch.31a.js"], icon="/favicon.ico", hsize=(9000, 20000))


def live_session(b):
    ch = pick(["cup-final", "council-meeting", "rocket-launch", "parliament-live"])
    b.open(LIVE, "/live/" + ch, ref=pick([NONE, "https://t.co/", from_search()]), think=(1, 2))
    b.x("/hls/%s/master.m3u8" % ch, host="live-cdn.fieldcast.example")
    msn = R.randint(20000, 40000)
    secs = R.randint(30, 80)
    b.note("watched a low-latency live stream for %d s" % secs)
    for i in range(secs // 2):
        part = i % 3
        b.x("/hls/%s/720p/index.m3u8?_HLS_msn=%d&_HLS_part=%d" % (ch, msn, part), host="live-cdn.fieldcast.example", dt=(1.9, 2.1), size=R.randint(900, 2400))
        b.x("/hls/%s/720p/seg%d.part%d.m4s" % (ch, msn, part), host="live-cdn.fieldcast.example", dt=(0.02, 0.2), size=R.randint(60000, 250000))
        if part == 2:
            msn += 1


# ================================================================== photos
PIWIGO = Site("gallery.lakeside-camera-club.example", css=["/themes/modus/skins/dark.css?v15.1.0", "/_data/combined/1xk2c3.css"],
              js=["/_data/combined/7yb0a1.js"], icon="/themes/modus/img/favicon.ico", h2=False, hsize=(9000, 40000))


def piwigo_img(size):
    d = datetime.date(2025, 1, 1) + datetime.timedelta(days=R.randint(0, 320))
    return "/_data/i/upload/%s/%s%06d-%s-%s.jpg" % (d.strftime("%Y/%m/%d"), d.strftime("%Y%m%d"), R.randint(0, 235959), hexs(8), size)


def piwigo_session(b):
    cat = pick(["12-summer_2025", "7-club_outing_union_station", "19-macro", "3-night_sky", "22-members_portfolio"])
    b.open(PIWIGO, "/index.php?/category/" + cat, ref=pick([NONE, "https://www.facebook.com/", from_search()]),
           imgs=[piwigo_img("th") for _ in range(R.randint(8, 15))], think=(10, 60))
    b.note("club gallery " + cat)
    for _ in range(R.randint(1, 6)):
        pid = R.randint(1000, 9999)
        b.open(PIWIGO, "/picture.php?/%d/category/%s" % (pid, cat), imgs=[piwigo_img(pick(["me", "la", "xl"]))], think=(5, 40))
        if chance(0.2):
            b.img("/i.php?" + piwigo_img("xx")[len("/_data/i"):])
    if chance(0.3):
        pid = R.randint(1000, 9999)
        b.open(PIWIGO, "/picture.php?/%d/category/%s&slideshow=+period-4+" % (pid, cat), imgs=[piwigo_img("la")], think=(3, 5))
        for _ in range(R.randint(3, 10)):
            b.img(piwigo_img("la"))
            b.wait(3.5, 4.5)
        b.note("slideshow")
    if chance(0.2):
        b.open(PIWIGO, "/action.php?id=%d&part=e&download" % R.randint(1000, 9999), assets=False, size=sz("pdf"), think=(2, 10))
        b.note("downloaded an original")
    if chance(0.2):
        q = pick(["beach sunset", "union station long exposure", "m42", "cat", "drop of water macro"])
        b.open(PIWIGO, "/qsearch.php?q=" + form(q), status=302, to=(PIWIGO, "/index.php?/search/%d" % R.randint(100, 999)), think=(5, 30))


SHUT = Site("www.shutterbox.example", css=["/css/photo.7c1.css"], js=["/js/photo.7c1.js"], icon="/favicon.ico", hsize=(40000, 120000))


def shutter_session(b):
    user = pick(["mara_osei", "lensandlight", "kenji.photo", "o_brien_pics"])
    pid = R.randint(53000000000, 54999999999)
    srv = "live.shutterbox-static.example"
    b.open(SHUT, "/photos/%s/%d/in/album-%d/" % (user, pid, R.randint(72177720000000000, 72177720099999999)),
           ref=pick([NONE, from_search(), "https://www.reddit.com/"]), imgs=[(srv, "/65535/%d_%s_b.jpg" % (pid, hexs(10)))], think=(10, 60))
    if chance(0.5):
        b.open(SHUT, "/photos/%s/%d/meta/" % (user, pid), think=(10, 40))
        b.note("viewed EXIF")
    if chance(0.4):
        s = pick(["l", "k", "o", "h"])
        b.open(SHUT, "/photos/%s/%d/sizes/%s/" % (user, pid, s), imgs=[(srv, "/65535/%d_%s_%s.jpg" % (pid, hexs(10), s))], think=(5, 30))
    if chance(0.4):
        q = pick(["union station long exposure", "drop of water", "select focus", "cat", "shell beach", "<3"])
        b.open(SHUT, "/search/?" + qs([("text", q), ("license", "2,3,4,5,6,9"), ("media", "photos"), ("dimension_search_mode", "min"), ("height", "1024"), ("width", "1024")]),
               lazy=[(srv, "/65535/%d_%s_w.jpg" % (R.randint(53000000000, 54999999999), hexs(10))) for _ in range(R.randint(5, 15))], think=(10, 60))
        b.note("photo search [%s]" % q)


# ================================================================== site owners in their own CMS
WPB = Site("blog.ember-garden.example",
           css=["/wp-includes/css/dist/block-library/style.min.css?ver=6.8.3", "/wp-content/themes/twentytwentyfour/style.css?ver=1.3"],
           js=["/wp-includes/js/jquery/jquery.min.js?ver=3.7.1"], icon="/wp-content/uploads/2024/01/cropped-ember-32x32.png", hsize=(20000, 70000))
WPA = Site("blog.ember-garden.example",
           css=["/wp-admin/load-styles.php?c=1&dir=ltr&load%5Bchunk_0%5D=dashicons,admin-bar,common,forms,admin-menu,dashboard,list-tables,edit,revisions,media,themes,about,nav-menus,wp-pointer,widgets&load%5Bchunk_1%5D=,site-icon,l10n,buttons,wp-auth-check&ver=6.8.3"],
           js=["/wp-admin/load-scripts.php?c=1&load%5Bchunk_0%5D=jquery-core,jquery-migrate,utils&ver=6.8.3"],
           icon="/wp-content/uploads/2024/01/cropped-ember-32x32.png", hsize=(40000, 120000))
WP_POSTS = ["How I hardened my WordPress: wp-config.php, .htaccess and xmlrpc", "Drop-leaf table restoration, part 2",
            "Union of two gardens: our allotment merger", "Select the right compost bin (2025 update)",
            "Why my cron jobs ran twice (and how I fixed it)", "Cat vs. seedlings: a war diary"]


def wp_owner(b):
    pid = R.randint(800, 2400)
    title = pick(WP_POSTS)
    b.open(WPA, "/wp-admin/", ref=NONE, status=302,
           to=(WPA, "/wp-login.php?redirect_to=https%3A%2F%2Fblog.ember-garden.example%2Fwp-admin%2F&reauth=1"), think=(3, 10))
    b.post(WPA, "/wp-login.php", 302, to=(WPA, "/wp-admin/"))
    pw_check(b, WPA)
    b.x("/wp-admin/admin-ajax.php?action=dashboard-widgets&widget=dashboard_primary&pagenow=dashboard")
    b.open(WPA, "/wp-admin/post.php?post=%d&action=edit" % pid, think=(2, 5))
    for p in ("/wp-json/wp/v2/posts/%d?context=edit&_locale=user" % pid, "/wp-json/wp/v2/types?context=view&_locale=user",
              "/wp-json/wp/v2/taxonomies?context=view&_locale=user", "/wp-json/wp/v2/users/me?_locale=user",
              "/wp-json/wp/v2/categories?context=view&per_page=100&orderby=name&order=asc&_fields=id%2Cname%2Cparent&_locale=user",
              "/wp-json/wp/v2/block-patterns/patterns?_locale=user", "/wp-json/wp/v2/settings?_locale=user"):
        b.x(p, dt=(0.02, 0.3))
    b.note("edits post %d in the block editor" % pid)
    for i in range(R.randint(2, 8)):
        b.wait(40, 120)
        b.x("/wp-admin/admin-ajax.php", method="POST")
        if i % 2 == 1:
            b.x("/wp-json/wp/v2/posts/%d/autosaves?_locale=user" % pid, method="POST")
        if chance(0.2):
            q = pick(["union", "drop-leaf", "wp-config", "cron", "<!-- more -->", "select"])
            b.x("/wp-json/wp/v2/search?search=%s&per_page=20&type=post&subtype=any&_locale=user" % euri(q))
        if chance(0.15):
            b.x("/wp-json/wp/v2/media?_locale=user", method="POST", status=201)
    b.x("/wp-json/wp/v2/posts/%d?_locale=user" % pid, method="POST", dt=(5, 30))
    b.open(WPB, "/2025/11/%s/?preview_id=%d&preview_nonce=%s&preview=true" % (slug(title), pid, hexs(10)), think=(20, 90))
    if chance(0.5):
        b.open(WPA, "/wp-admin/edit-comments.php?comment_status=moderated", think=(10, 40))
        for _ in range(R.randint(1, 4)):
            b.x("/wp-admin/admin-ajax.php", method="POST", dt=(3, 15))
        b.note("moderated comments")
    if chance(0.3):
        b.open(WPA, "/wp-admin/plugins.php?plugin_status=upgrade", think=(5, 20))
        b.x("/wp-admin/admin-ajax.php", method="POST", dt=(2, 8))
        b.note("updated a plugin")


DRU = Site("www.parish-council.example",
           css=["/sites/default/files/css/css_%s.css?delta=0&language=en&theme=claro&include=eJx%s" % (b64u(43), b64u(60))],
           js=["/sites/default/files/js/js_%s.js?scope=footer&delta=0&language=en&theme=claro&include=eJx%s" % (b64u(43), b64u(80)),
               "/core/assets/vendor/ckeditor5/ckeditor5-dll/ckeditor5-dll.js?v=43.3.1"],
           icon="/core/misc/favicon.ico", hsize=(30000, 90000))
DRU_NODES = ["Minutes: select committee on allotments, 11 Nov", "Union Road closure (gas main)", "Drop-in session: local plan",
             "Bonfire night: safety alert", "Budget 2026/27 consultation", "Noticeboard: lost cat"]


def drupal_owner(b):
    nid = R.randint(300, 600)
    b.open(DRU, "/user/login", ref=NONE, think=(5, 15))
    b.post(DRU, "/user/login", 303, to=(DRU, "/user/1"))
    pw_check(b, DRU)
    lst = "/admin/content?title=&type=article&status=All&langcode=All"
    b.open(DRU, lst, think=(5, 20))
    if chance(0.5):
        q = pick(["union", "select committee", "drop-in", "alert", "o'brien"])
        lst = "/admin/content?title=%s&type=All&status=All&langcode=All" % form(q)
        b.open(DRU, lst, think=(5, 20))
    dest = euri(lst).replace("%2F", "/")
    b.open(DRU, "/node/%d/edit?destination=%s" % (nid, dest), think=(30, 200))
    b.note("edits node %d" % nid)
    if chance(0.5):
        b.x("/media-library?media_library_opener_id=media_library.opener.field_widget&media_library_allowed_types%%5Bimage%%5D=image&media_library_selected_type=image&media_library_remaining=1&media_library_opener_parameters%%5Bfield_widget_id%%5D=field_media_image%%3Anode%%3Aarticle&media_library_opener_parameters%%5Bentity_type_id%%5D=node&media_library_opener_parameters%%5Bbundle%%5D=article&media_library_opener_parameters%%5Bfield_name%%5D=field_media_image&hash=%s&_wrapper_format=drupal_modal&ajax_form=1" % b64u(43),
              dt=(10, 60))
    if chance(0.5):
        key = b64u(43)
        for pre in ("al", "allot"):
            b.x("/entity_reference_autocomplete/taxonomy_term/default%%3Ataxonomy_term/%s?q=%s" % (key, pre), dt=(0.3, 2))
    b.post(DRU, "/node/%d/edit?destination=%s" % (nid, dest), 303, to=(DRU, lst), think=(60, 300))
    if chance(0.3):
        b.open(DRU, "/admin/reports/dblog?type%5B%5D=php&severity%5B%5D=3", think=(10, 40))
        b.open(DRU, "/admin/reports/dblog/event/%d" % R.randint(80000, 99999), think=(10, 40))
        b.note("read recent PHP errors")
    if chance(0.3):
        b.open(DRU, "/admin/config/development/performance", think=(3, 10))
        b.post(DRU, "/admin/config/development/performance", 303, to=(DRU, "/admin/config/development/performance"))
        b.note("cleared caches")


JOOM = Site("www.alpine-ski-club.example",
            css=["/media/templates/administrator/atum/css/template.min.css?8c2b1a", "/media/system/css/joomla-fontawesome.min.css?8c2b1a"],
            js=["/media/vendor/jquery/js/jquery.min.js?3.7.1", "/media/system/js/core.min.js?8c2b1a", "/media/templates/administrator/atum/js/template.min.js?8c2b1a"],
            fonts=[("/media/vendor/fontawesome-free/webfonts/fa-solid-900.woff2", 1)], icon="/media/templates/administrator/atum/images/logos/favicon.ico", hsize=(30000, 80000))


def joomla_owner(b):
    aid = R.randint(10, 140)
    tok = hexs(32)
    b.open(JOOM, "/administrator/", ref=NONE, think=(5, 15))
    b.post(JOOM, "/administrator/index.php", 303, to=(JOOM, "/administrator/index.php"))
    b.open(JOOM, "/administrator/index.php?option=com_content&view=articles", think=(5, 30))
    b.open(JOOM, "/administrator/index.php?option=com_content&task=article.edit&id=%d" % aid, status=303,
           to=(JOOM, "/administrator/index.php?option=com_content&view=article&layout=edit&id=%d" % aid), think=(2, 5))
    b.x("/media/vendor/tinymce/tinymce.min.js?6.8.4")
    b.x("/media/vendor/tinymce/skins/ui/oxide/skin.min.css")
    b.note("edits article %d" % aid)
    if chance(0.5):
        b.x("/administrator/index.php?option=com_media&format=json&mediatypes=0,1,2,3&task=api.files&url=true&path=%s&%s=1" % (euri("local-images:/" + pick(["banners", "sampledata", "2025/winter-trip"])), tok), dt=(10, 60))
        b.x("/administrator/index.php?option=com_media&format=json&mediatypes=0,1,2,3&task=api.files&url=true&path=%s&%s=1" % (euri("local-images:/"), tok), dt=(2, 10))
    b.wait(60, 300)
    b.post(JOOM, "/administrator/index.php?option=com_content&layout=edit&id=%d" % aid, 303, to=(JOOM, "/administrator/index.php?option=com_content&view=articles"))
    if chance(0.3):
        b.open(JOOM, "/administrator/index.php?option=com_users&view=users&filter[search]=%s" % euri(pick(["o'neil", "müller", "admin", "@gmail.com"])), think=(10, 30))
        b.note("looked up a member")


GHOSTA = Site("www.northquarterly.example", css=["/ghost/assets/vendor-7a1b2c3d.css", "/ghost/assets/ghost-4e5f6a7b.css"],
              js=["/ghost/assets/vendor-7a1b2c3d.js", "/ghost/assets/ghost-4e5f6a7b.js"], icon="/ghost/assets/img/favicon-ico-8e9f.ico", hsize=(3000, 6000))


def ghost_owner(b):
    b.open(GHOSTA, "/ghost/", ref=NONE, think=(2, 5))
    b.x("/ghost/api/admin/session/", method="POST", status=201, dt=(5, 15))
    b.x("/ghost/api/admin/users/me/?include=roles")
    b.x("/ghost/api/admin/settings/?group=site%2Ctheme%2Cprivate%2Cmembers%2Cportal%2Cnewsletter%2Cemail%2Camp%2Clabs%2Cslack%2Cunsplash%2Cviews%2Cfirstpromoter%2Coauth%2Ceditor%2Ccomments%2Canalytics%2Cannouncement%2Cpintura%2Cdonations%2Crecommendations%2Csecurity")
    b.x("/ghost/api/admin/posts/?formats=mobiledoc%2Clexical&limit=20&page=1&filter=status%3A%5Bdraft%2Cscheduled%2Csent%2Cpublished%5D&order=updated_at%20desc", dt=(1, 4))
    pid = hexs(24)
    b.x("/ghost/api/admin/posts/%s/?formats=mobiledoc%%2Clexical" % pid, dt=(3, 20))
    b.note("edits a post in Ghost admin")
    for _ in range(R.randint(1, 6)):
        b.x("/ghost/api/admin/posts/%s/?formats=mobiledoc%%2Clexical" % pid, method="PUT", dt=(30, 120))
        if chance(0.2):
            b.x("/ghost/api/admin/images/upload/", method="POST", status=201)
    if chance(0.4):
        b.x("/ghost/api/admin/members/?filter=%s&limit=50&order=created_at%%20desc" % euri(pick(["label:[vip]+status:paid", "status:free", "subscribed:false", "email:~'@gmail.com'"])), dt=(10, 40))
        b.note("filtered members")


# ================================================================== home lab, used by its owner
def homelab(b, dom):
    svcs = R.sample(["ha", "jellyfin", "nas", "pihole", "pve", "router", "immich"], R.randint(2, 4))
    for s in svcs:
        globals()["lab_" + s](b, dom)
        b.wait(30, 600)
    b.note("home lab: " + ", ".join(svcs))


def lab_ha(b, dom):
    host = "ha." + dom
    S = Site(host, css=[], js=["/frontend_latest/core.%s.js" % hexs(16), "/frontend_latest/app.%s.js" % hexs(16)],
             icon="/static/icons/favicon.ico", manifest="/manifest.json", sw="/sw-modern.js", h2=False, hsize=(3000, 6000))
    b.open(S, "/lovelace/0", ref=NONE, think=(0.5, 1.5))
    state = base64.b64encode(json.dumps({"hassUrl": "https://" + host, "clientId": "https://%s/" % host}).encode()).decode()
    if chance(0.4):
        cb = euri("https://%s/?auth_callback=1" % host)
        b.open(S, "/auth/authorize?response_type=code&redirect_uri=%s&client_id=%s&state=%s" % (cb, euri("https://%s/" % host), euri(state)), think=(3, 10))
        b.x("/auth/login_flow", method="POST")
        b.x("/auth/login_flow/" + hexs(32), method="POST", dt=(4, 12))
        b.open(S, "/?auth_callback=1&code=%s&state=%s" % (hexs(32), euri(state)), think=(0.3, 1))
        b.x("/auth/token", method="POST")
    b.hit("GET", S, "/api/websocket", 101, 0, NONE, proto="HTTP/1.1")
    b.x("/hacsfiles/mini-graph-card/mini-graph-card-bundle.js?hacstag=%d" % R.randint(10**9, 10**10), size=sz("js"))
    tok = hexs(64)
    for i in range(R.randint(6, 18)):
        b.x("/api/camera_proxy/camera.front_door?token=%s&width=%d" % (tok, pick([480, 640])), size=sz("img"), dt=(9.5, 10.5))
        if i == 3:
            end = datetime.datetime(2025, 11, 18, 9, 0)
            b.x("/api/history/period/%s?filter_entity_id=sensor.living_room_temperature,sensor.outdoor_humidity&end_time=%s&minimal_response&no_attributes"
                % (euri((end - datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z")), euri(end.strftime("%Y-%m-%dT%H:%M:%S.000Z"))))
        if i == 5 and chance(0.5):
            b.x("/api/image_proxy/media_player.living_room_tv?token=%s&cache=%s" % (hexs(64), hexs(16)), size=sz("img"))
    b.note("Home Assistant dashboard with a camera")


def lab_jellyfin(b, dom):
    S = Site("jellyfin." + dom, css=["/web/main.jellyfin.%s.css" % hexs(20)], js=["/web/runtime.bundle.js?%s" % hexs(20), "/web/main.jellyfin.bundle.js?%s" % hexs(20)],
             icon="/web/favicon.ico", manifest="/web/manifest.json", h2=False, hsize=(2000, 4000))
    uid = hexs(32)
    b.open(S, "/web/", ref=NONE, think=(0.5, 1))
    b.x("/System/Info/Public")
    b.x("/Branding/Configuration")
    if chance(0.3):
        b.x("/Users/AuthenticateByName", method="POST", dt=(4, 10))
    b.x("/Users/%s/Views?IncludeExternalContent=false" % uid)
    b.x("/Users/%s/Items/Resume?Limit=12&MediaTypes=Video&Fields=PrimaryImageAspectRatio&ImageTypeLimit=1&EnableImageTypes=Primary%%2CBackdrop%%2CThumb&EnableTotalRecordCount=false" % uid)
    for _ in range(R.randint(6, 14)):
        b.x("/Items/%s/Images/Primary?fillHeight=396&fillWidth=264&quality=96&tag=%s" % (hexs(32), hexs(32)), size=sz("img"), dt=(0.01, 0.1))
    if chance(0.4):
        q = pick(["the drop", "select", "union", "alien: covenant", "amélie", "8 mile", "ocean's eleven", "se7en", "m*a*s*h"])
        b.x("/Users/%s/Items?searchTerm=%s&Limit=24&Fields=PrimaryImageAspectRatio%%2CCanDelete%%2CMediaSourceCount&Recursive=true&EnableTotalRecordCount=false&ImageTypeLimit=1&IncludePeople=false&IncludeMedia=true&IncludeGenres=false&IncludeStudios=false&IncludeArtists=false" % (uid, euri(q)), dt=(5, 20))
        b.note("Jellyfin search [%s]" % q)
    item, dev, ps, key = hexs(32), b64u(40), hexs(32), hexs(32)
    b.x("/Items/%s/PlaybackInfo?UserId=%s&StartTimeTicks=0&IsPlayback=true&AutoOpenLiveStream=true&MaxStreamingBitrate=140000000" % (item, uid), method="POST", dt=(5, 30))
    q = "DeviceId=%s&MediaSourceId=%s&VideoCodec=h264&AudioCodec=aac&AudioStreamIndex=1&VideoBitrate=139808000&AudioBitrate=192000&PlaySessionId=%s&api_key=%s&TranscodingMaxAudioChannels=2&RequireAvc=false&SegmentContainer=ts&MinSegments=1&BreakOnNonKeyFrames=True&TranscodeReasons=ContainerNotSupported" % (euri(dev), item, ps, key)
    b.x("/videos/%s/master.m3u8?%s" % (item, q))
    b.x("/videos/%s/main.m3u8?%s" % (item, q))
    for i in range(R.randint(10, 30)):
        b.x("/videos/%s/hls1/main/%d.ts?%s&runtimeTicks=%d&actualSegmentLengthTicks=30000000" % (item, i, q, i * 30000000), size=sz("seg"), dt=(2.8, 3.2))
        if i % 3 == 2:
            b.x("/Sessions/Playing/Progress", method="POST", status=204, dt=(0.01, 0.2))
    b.note("Jellyfin playback")


def lab_nas(b, dom):
    S = Site("nas." + dom, css=["/webman/resources/css/desktop.css?v=1731412345"], js=["/synoSDSjslib/sds.js?v=1731412345", "/webman/desktop.js?v=1731412345"],
             icon="/webman/favicon.ico", h2=False, hsize=(3000, 9000))
    tok = alnum(13)
    b.open(S, "/", ref=NONE, think=(3, 8))
    b.x("/webapi/entry.cgi", method="POST", dt=(3, 8))
    b.x("/webapi/entry.cgi?api=SYNO.Core.Desktop.Initdata&method=get&version=1&launch_app=null&SynoToken=" + tok)
    for _ in range(R.randint(3, 12)):
        b.x("/webapi/entry.cgi?api=SYNO.Core.System.Utilization&method=get&version=1&type=current&resource=%s&SynoToken=%s" % (euri('["cpu","memory","network"]'), tok), dt=(4.8, 5.2))
    folder = pick(["/home/Photos", "/photo/2025/Holiday (Crete)", "/docker/jellyfin/config", "/backup/macbook.sparsebundle"])
    b.x("/webapi/entry.cgi?api=SYNO.FileStation.List&version=2&method=list&folder_path=%s&additional=%s&offset=0&limit=1000&sort_by=%s&sort_direction=%s&SynoToken=%s"
        % (euri('"%s"' % folder), euri('["real_path","size","time","type"]'), euri('"name"'), euri('"ASC"'), tok), dt=(3, 15))
    b.note("DSM File Station %s" % folder)
    if chance(0.5):
        f = folder + "/" + pick(["IMG_0042.JPG", "config.xml", "notes.txt"])
        b.x("/fbdownload/%s?dlink=%s&noCache=%d&mode=download&stdhtml=false&SynoToken=%s" % (pseg(f.rsplit("/", 1)[1]), euri('"%s"' % f.encode().hex()), 1763449200000 + int(b.t * 1000), tok), size=sz("pdf"), dt=(3, 20))


def lab_pihole(b, dom):
    S = Site("pihole." + dom, css=["/admin/style/vendor/bootstrap/css/bootstrap.min.css?v=1731412345", "/admin/style/pi-hole.css?v=1731412345"],
             js=["/admin/scripts/vendor/jquery.min.js?v=1731412345", "/admin/scripts/pi-hole/js/index.js?v=1731412345"],
             icon="/admin/img/favicons/favicon.ico", h2=False, hsize=(8000, 20000))
    b.open(S, "/admin/", ref=NONE, status=302, to=(S, "/admin/login.php"), think=(3, 8))
    b.post(S, "/admin/login.php", 302, to=(S, "/admin/index.php"))
    now = 1763449200000 + int(b.t * 1000)
    for i in range(R.randint(3, 8)):
        b.x("/admin/api.php?summaryRaw&_=%d" % (now + i), dt=(9.5, 10.5))
        if i == 0:
            b.x("/admin/api_db.php?getGraphData&_=%d" % now)
            b.x("/admin/api.php?overTimeData10mins&_=%d" % now)
            b.x("/admin/api.php?getQueryTypes&_=%d" % now)
    dom2 = pick(["googleads.g.doubleclick.net", "telemetry.microsoft.com", "ads.tiktok.com", "graph.facebook.com", "samsung-tv-telemetry.example"])
    b.open(S, "/admin/queries.php?domain=" + dom2, think=(2, 5))
    b.x("/admin/api.php?getAllQueries&domain=%s&_=%d" % (dom2, now + 99))
    if chance(0.5):
        cl = "192.168.1.%d" % R.randint(2, 250)
        b.open(S, "/admin/queries.php?client=" + cl, think=(5, 30))
        b.x("/admin/api.php?getAllQueries&client=%s&_=%d" % (cl, now + 120))
    if chance(0.4):
        b.open(S, "/admin/groups-domains.php", think=(5, 20))
        b.x("/admin/scripts/pi-hole/php/groups.php", method="POST", dt=(5, 20))
        b.note("blocked %s" % dom2)
    if chance(0.3):
        b.open(S, "/admin/taillog.php", think=(1, 3))
        off = R.randint(100000, 900000)
        for _ in range(R.randint(5, 20)):
            b.x("/admin/scripts/pi-hole/php/tailLog.php?offset=%d" % off, dt=(0.9, 1.1))
            off += R.randint(200, 3000)
        b.note("tailed the log")


def lab_pve(b, dom):
    S = Site("pve." + dom, css=["/pve2/ext6/theme-crisp/resources/theme-crisp-all.css?ver=7.0.0", "/pve2/css/ext6-pve.css?ver=8.2.7"],
             js=["/pve2/ext6/ext-all.js?ver=7.0.0", "/pve2/js/pvemanagerlib.js?ver=8.2.7", "/pwt/proxmoxlib.js?ver=4.2.4"],
             fonts=[("/pve2/fa/fonts/fontawesome-webfont.woff2?v=4.7.0", 1)], icon="/pve2/images/favicon.ico", h2=False, hsize=(2000, 5000))
    b.open(S, "/", ref=NONE, think=(3, 10))
    b.x("/api2/extjs/access/ticket", method="POST", dt=(3, 10))
    for i in range(R.randint(5, 25)):
        b.x("/api2/json/cluster/resources", dt=(2.8, 3.2))
        if i % 3 == 0:
            b.x("/api2/json/cluster/tasks", dt=(0.01, 0.1))
            b.x("/api2/json/nodes/pve/status", dt=(0.01, 0.1))
        if i == 4:
            b.x("/api2/json/nodes/pve/rrddata?timeframe=hour&cf=AVERAGE")
    if chance(0.6):
        vmid = pick([100, 101, 102, 105, 110])
        name = pick(["homeassistant", "docker-host", "win11-test", "pbs", "nextcloud"])
        if chance(0.5):
            u = "/?console=kvm&novnc=1&vmid=%d&vmname=%s&node=pve&resize=off&cmd=" % (vmid, name)
        else:
            vmid, u = 0, "/?console=shell&xtermjs=1&vmid=0&vmname=&node=pve&cmd="
        b.open(S, u, think=(0.5, 1), assets=False)
        b.x("/novnc/app.js?ver=1.4.0-3", size=sz("js"))
        kind = "qemu/%d" % vmid if vmid else "termproxy"
        b.x("/api2/json/nodes/pve/%s" % (kind + "/vncproxy" if vmid else kind), method="POST")
        b.hit("GET", S, "/api2/json/nodes/pve/%s?port=%d&vncticket=%s" % ((kind + "/vncwebsocket") if vmid else "vncwebsocket", 5900 + R.randint(0, 9),
                                                                       euri("PVEVNC:%s::%s" % (hexs(8).upper(), b64u(300)))),
              101, 0, S.url(u), proto="HTTP/1.1", dt=0.6)
        b.wait(60, 600)
        b.note("Proxmox console (%s)" % ("VM %d" % vmid if vmid else "node shell"))


def lab_router(b, dom):
    v = "git-24.073.29889-cd7e519"
    S = Site("router." + dom, css=["/luci-static/bootstrap/cascade.css?v=" + v], js=["/luci-static/resources/cbi.js?v=" + v, "/luci-static/resources/luci.js?v=" + v],
             icon="/luci-static/bootstrap/favicon.png", h2=False, hsize=(3000, 9000))
    b.open(S, "/cgi-bin/luci/", ref=NONE, think=(3, 8))
    b.post(S, "/cgi-bin/luci/", 302, to=(S, "/cgi-bin/luci/"))
    b.x("/cgi-bin/luci/admin/translations/en?v=" + v)
    b.x("/cgi-bin/luci/admin/menu?%d" % (1763449200000 + int(b.t * 1000)))
    b.x("/luci-static/resources/view/status/include/10_system.js?v=" + v, size=sz("js"))
    for _ in range(R.randint(3, 10)):
        b.x("/ubus/?%d" % (1763449200000 + int(b.t * 1000)), method="POST", dt=(4.8, 5.2))
    for page in R.sample(["admin/network/wireless", "admin/status/logs", "admin/status/realtime", "admin/network/dhcp", "admin/system/flash", "admin/system/admin"], 2):
        b.open(S, "/cgi-bin/luci/" + page, think=(10, 60))
        b.x("/luci-static/resources/view/%s.js?v=%s" % (page.replace("admin/", ""), v), size=sz("js"))
        if page == "admin/system/flash" and chance(0.6):
            b.x("/cgi-bin/cgi-backup", method="POST", size=R.randint(20000, 90000), dt=(5, 20))
            b.note("downloaded a config backup")
    b.note("OpenWrt LuCI")


def lab_immich(b, dom):
    S = Site("photos." + dom, css=["/_app/immutable/assets/0.%s.css" % alnum(8)], js=["/_app/immutable/entry/start.%s.js" % alnum(8), "/_app/immutable/entry/app.%s.js" % alnum(8)],
             icon="/favicon.ico", manifest="/manifest.json", hsize=(3000, 8000))
    b.open(S, "/photos", ref=NONE, think=(0.5, 1))
    for p in ("/api/users/me", "/api/server/config", "/api/server/features", "/api/timeline/buckets?size=MONTH&isArchived=false&withPartners=true"):
        b.x(p, dt=(0.02, 0.2))
    for m in ("2025-11-01", "2025-10-01"):
        b.x("/api/timeline/bucket?size=MONTH&timeBucket=%s&isArchived=false&withPartners=true" % euri(m + "T00:00:00.000Z"))
        for _ in range(R.randint(10, 25)):
            b.x("/api/assets/%s/thumbnail?size=thumbnail&c=%s" % (uuid4(), b64u(16)), size=R.randint(8000, 30000), dt=(0.01, 0.08))
    for _ in range(R.randint(1, 4)):
        a = uuid4()
        b.push("/photos/" + a)
        b.x("/api/assets/" + a, dt=(3, 30))
        b.x("/api/assets/%s/thumbnail?size=preview&c=%s" % (a, b64u(16)), size=sz("img"))
    if chance(0.4):
        b.x("/api/search/smart", method="POST", dt=(5, 30))
        b.note("Immich smart search")
    if chance(0.3):
        b.x("/api/map/markers?isArchived=false&isFavorite=false&withPartners=true&withSharedAlbums=true", dt=(5, 20))
    if chance(0.3):
        b.x("/api/assets/%s/original?c=%s" % (uuid4(), b64u(16)), size=sz("pdf"), dt=(5, 20))


# ================================================================== blogs, shops and review sites people arrive at from links
BLOG = Site("blog.fieldnotes.example", css=["/css/main.min.5c2d8e1f.css"], js=["/js/main.min.3a4b.js"],
            fonts=[("/fonts/ibm-plex-sans-v19-latin-regular.woff2", 0)], icon="/favicon.ico", touch=404, hsize=(9000, 40000))
BLOG_POSTS = ["Why I stopped piping curl to bash", "A gentle intro to SQL joins", "Fixing 'permission denied' on /var/run/docker.sock",
              "The <dialog> element is finally good", "Union types in TypeScript, explained", "How DNS works: from /etc/hosts to the root",
              "Select, poll and epoll", "My homelab in 2025", "What ../ really means in a URL", "Cron jobs that run twice",
              "東京で一週間", "Ünïcödé in URLs is fine, actually"]


def blog_path(t):
    s = slug(t) or pseg(t.replace(" ", "-").lower())
    return "/posts/%s/" % s


SHOP = Site("shop.tinylamp.example", css=["/cdn/shop/t/12/assets/base.css?v=152319804121935181"],
            js=["/cdn/shop/t/12/assets/global.js?v=88558128918567037", "/cdn/shop/t/12/assets/product-info.js?v=19039373471853428"],
            fonts=[("/cdn/fonts/assistant/assistant_n4.9120912a469cad1cc292572851508ca49d12e768.woff2?h1=c2hvcC50aW55bGFtcC5leGFtcGxl&hmac=%s" % hexs(64), 0)],
            icon="/cdn/shop/files/favicon_32x32.png?v=1731412345", touch=404, hsize=(90000, 260000))
SHOP_ITEMS = ["drop-leaf-lamp", "union-jack-lampshade", "select-dimmer-switch", "the-exec-desk-lamp", "cat-night-light", "shell-pendant"]
GADGET = Site("www.gadgetpost.example", css=["/wp-content/themes/gp/dist/main.4b1e.css"], js=["/wp-content/themes/gp/dist/main.4b1e.js"],
              icon="/favicon.ico", touch=200, hsize=(70000, 200000))
GADGET_POSTS = ["best-routers-2025", "iphone-17-review", "the-best-password-managers", "how-to-factory-reset-any-router",
                "pixel-10-vs-galaxy-s25", "best-vpn-for-travel-2026"]

N_ = NONE
TRACKING = [
    # (Referers the link arrives with, its parameters)
    ((N_,), lambda: "utm_source=newsletter&utm_medium=email&utm_campaign=nov_digest_2025&utm_content=cta_button"),
    (("https://t.co/", N_), lambda: "utm_source=twitter&utm_medium=social&utm_campaign=launch"),
    ((N_,), lambda: "mc_cid=%s&mc_eid=%s" % (hexs(10), hexs(10))),
    ((N_,), lambda: "_hsenc=p2ANqtz-%s&_hsmi=%d" % (b64u(60), R.randint(10**8, 10**9))),
    (("https://www.google.com/",), lambda: "gclid=Cj0KCQiA%s&gad_source=1&gbraid=0AAAAAD%s" % (b64u(70), b64u(30))),
    (("https://www.bing.com/",), lambda: "msclkid=%s&utm_source=bing&utm_medium=cpc" % hexs(32)),
    (("https://www.google.com/",), lambda: "srsltid=AfmBOo%s" % b64u(60)),
    (("https://l.facebook.com/", "https://www.facebook.com/", N_), lambda: "fbclid=IwY2xjawG%s" % b64u(60)),
    ((N_,), lambda: "igsh=%s" % b64u(20)),
    ((N_,), lambda: "mkt_tok=NzEx%s" % b64u(120)),
    ((N_,), lambda: "ck_subscriber_id=%d&utm_source=convertkit" % R.randint(10**9, 3 * 10**9)),
    (("https://www.producthunt.com/",), lambda: "ref=producthunt"),
    (("https://chatgpt.com/", N_), lambda: "utm_source=chatgpt.com"),
    ((N_, "https://out.reddit.com/"), lambda: "si=%s" % b64u(16)),
    ((N_,), lambda: "__s=%s&utm_source=drip&utm_medium=email" % alnum(20).lower()),
    ((N_,), lambda: "oly_enc_id=%s&vero_id=%s" % (alnum(14).upper(), alnum(10))),
    (("https://news.ycombinator.com/", "https://lobste.rs/", "https://www.reddit.com/"), lambda: ""),
]


def shop_page(b, item, ref=AUTO, extra=""):
    b.open(SHOP, addq("/products/" + item, extra), ref=ref,
           imgs=["/cdn/shop/files/%s_1.jpg?v=1731412345&width=1100" % item.replace("-", "_")],
           lazy=["/cdn/shop/files/%s_%d.jpg?v=1731412345&width=533" % (item.replace("-", "_"), i) for i in range(2, R.randint(3, 6))],
           xhr=[("GET", None, "/cart.js"), ("POST", None, "/.well-known/shopify/monorail/unstable/produce_batch", 200, 0),
                ("GET", None, "/recommendations/products?section_id=template--%d__related-products&product_id=%d&limit=4" % (R.randint(10**13, 10**14), R.randint(8 * 10**12, 9 * 10**12)))],
           think=(20, 120))


def linkpaste_session(b):
    site = wchoice([("blog", 4), ("shop", 3), ("gadget", 3)])
    refs, mk = pick(TRACKING)
    extra, ref = mk(), pick(refs)
    if inapp_of(b):
        ref, extra = social_arrival(b)
    if site == "blog":
        t = pick(BLOG_POSTS)
        base, S = blog_path(t), BLOG
    elif site == "shop":
        base, S = "/products/" + pick(SHOP_ITEMS), SHOP
    else:
        base, S = "/reviews/%s/" % pick(GADGET_POSTS), GADGET
    mode = wchoice([("clean", 45), ("amp", 10), ("trail", 10), ("ellipsis", 6), ("dblenc", 5), ("hash", 5), ("case", 6), ("stale", 8), ("emoji", 5)])
    b.note("pasted link (%s)" % mode)
    if mode == "clean":
        if S is SHOP:
            shop_page(b, base.split("/")[-1], ref=ref, extra=extra)
        else:
            b.open(S, addq(base, extra), ref=ref, think=(30, 200))
    elif mode == "amp":
        # a URL copied out of HTML source: &amp; instead of &
        b.open(S, addq(base, extra.replace("&", "&amp;") + "&amp;utm_term=" + pick(["router", "lamp", "sql"])), ref=ref, think=(30, 200))
    elif mode == "trail":
        # the link swallowed the punctuation after it: 404, then the person fixes it
        junk = pick([")", ").", ".", ",", "%22", "%E2%80%9D", "%3E", "*"])
        b.open(S, base.rstrip("/") + junk, ref=ref, status=404, think=(3, 12))
        b.open(S, base, ref=NONE, think=(30, 200))
    elif mode == "ellipsis":
        b.open(S, base[: max(8, len(base) // 2)] + "%E2%80%A6", ref=ref, status=404, think=(3, 10))
        b.open(S, "/", ref=NONE, think=(5, 20))
    elif mode == "dblenc":
        b.open(S, base + "%3F" + extra.replace("=", "%3D").replace("&", "%26"), ref=ref, status=404, think=(3, 12))
        b.open(S, base, ref=NONE, think=(30, 200))
    elif mode == "hash":
        b.open(S, base + "%23" + pick(["comments", "install", "step-3", "section-2"]), ref=ref, status=404, think=(3, 10))
        b.open(S, base, ref=NONE, think=(30, 200))
    elif mode == "case":
        up = "/".join(p[:1].upper() + p[1:] for p in base.split("/"))
        b.open(S, up, ref=ref, status=301, to=(S, base), think=(30, 200))
    elif mode == "stale":
        old = pick(["/2019/03/%s.html" % slug(base.split("/")[-2] or "post"), "/blog/?p=%d" % R.randint(100, 999), "/index.php/%s" % base.strip("/")])
        if chance(0.5):
            b.open(S, old, ref=pick([NONE, "https://forum.example-old-board.example/", from_search()]), status=301, to=(S, base), think=(30, 200))
        else:
            b.open(S, old, ref=pick([NONE, from_search()]), status=404, think=(3, 15))
            b.open(S, "/search?q=" + form(base.strip("/").split("/")[-1].replace("-", " ")), think=(5, 30))
    else:
        b.open(S, pick(["/tags/%F0%9F%8E%84-christmas/", "/tags/%E2%9D%A4%EF%B8%8F/", "/%F0%9F%94%A5-deals/"]), ref=ref,
               status=pick([200, 404]), think=(5, 40))
    if S is BLOG and chance(0.4):
        t2 = pick(BLOG_POSTS)
        b.open(BLOG, blog_path(t2), think=(30, 200))
    if S is SHOP and chance(0.5):
        q = pick(["drop leaf", "union jack", "lamp < 50", "e27 bulb", "cat", "shell"])
        for k in (2, len(q)):
            b.x("/search/suggest?q=%s&resources%%5Btype%%5D=product&resources%%5Blimit%%5D=4&section_id=predictive-search" % euri(q[:k]), dt=(0.3, 1.2))
        b.open(SHOP, "/search?q=%s&options%%5Bprefix%%5D=last" % form(q), think=(10, 40))
        b.note("shop search [%s]" % q)
        if chance(0.5):
            b.open(SHOP, "/collections/all?filter.v.price.gte=20&filter.v.price.lte=80&sort_by=price-ascending", think=(10, 60))
        if chance(0.3):
            b.x("/cart/add.js", method="POST", dt=(5, 20))
            b.note("added to cart")


def mistype_session(b):
    S = pick([BLOG, GADGET, SHOP, CITY, RECIPE])
    good, bad = pick([("/contact", pick(["/contcat", "/contakt", "/contact-us.html", "/contact."])),
                      ("/about", pick(["/abuot", "/about-us.php", "/About", "/aboutus"])),
                      ("/search", pick(["/serach", "/search.aspx", "/seach"])),
                      ("/privacy", pick(["/privacy-policy.html", "/privcy", "/privacy%20policy"])),
                      ("/", pick(["/index.htm", "/home.html", "/default.asp", "/index.php3"]))])
    b.open(S, bad, ref=NONE, status=404, think=(3, 12))
    b.open(S, good, ref=NONE, think=(10, 60))
    b.note("mistyped %s" % bad)
    if chance(0.3):
        b.open(S, bad + "/", ref=NONE, status=404, think=(2, 6))


# ================================================================== people who reload a lot
TIX = Site("tickets.arenaline.example", css=["/static/css/event.3f2.css"], js=["/static/js/event.3f2.js"], icon="/favicon.ico", hsize=(30000, 90000))
QUEUE = Site("queue.arenaline.example", css=["/static/queue/css/queue.6d1.css"], js=["/static/queue/js/queue.6d1.js"], icon="/favicon.ico", hsize=(8000, 20000))
SCORE = Site("www.scoreline.example", css=["/css/live.1b2.css"], js=["/js/live.1b2.js"], icon="/favicon.ico", touch=200, hsize=(20000, 60000))


def tickets_session(b):
    ev = pick(["arena-tour-2026-london-06-06", "arena-tour-2026-manchester-13-06", "winter-classic-2026-01-01"])
    b.open(TIX, "/event/" + ev, ref=pick([NONE, "https://www.google.com/", "https://t.co/"]), think=(3, 12))
    n = R.randint(8, 40)
    for _ in range(n):
        b.reload(think=(3, 15))
    b.note("reloaded the sale page %d times" % n)
    qid = uuid4()
    b.open(TIX, "/event/%s/tickets" % ev, status=302,
           to=(QUEUE, "/?c=arenaline&e=%s&t=%s&cid=en-GB" % (ev[:20].replace("-", ""), euri(TIX.url("/event/%s/tickets" % ev)))), think=(1, 3))
    for _ in range(R.randint(5, 30)):
        b.x("/spa-api/queue/arenaline/%s/%s/status?cid=en-GB&l=Arena%%20Tour&seid=%s&sets=%d" % (ev[:20].replace("-", ""), qid, uuid4(), 1763449200000 + int(b.t * 1000)),
            method="POST", dt=(4, 30))
    tok = "e_%s~q_%s~ts_%d~ce_true~rt_queue~h_%s" % (ev[:20].replace("-", ""), qid, 1763449200 + int(b.t), hexs(64))
    b.open(TIX, "/event/%s/tickets?queueittoken=%s" % (ev, tok), think=(20, 120))
    b.note("went through the waiting room")


def score_session(b):
    mid = R.randint(100000, 999999)
    b.open(SCORE, "/match/%d/live" % mid, ref=pick([NONE, from_search()]), think=(5, 20))
    for _ in range(R.randint(10, 45)):
        if chance(0.5):
            b.reload(think=(8, 40))
        else:
            b.x("/api/match/%d/events?since=%d" % (mid, 1763449200 + int(b.t)), dt=(14.5, 15.5))
    b.note("followed a live match, reloading")


# ================================================================== browser extensions
RSS_GUESSES = ["/feed", "/feed/", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml", "/feeds/posts/default", "/?feed=rss2"]


def rss_ext_session(b):
    t = pick(BLOG_POSTS)
    b.open(BLOG, blog_path(t), ref=pick([from_search(), "https://news.ycombinator.com/", NONE]), think=(0.8, 2))
    # a feed-finder extension guesses feed URLs from its background page: no Referer
    for p in R.sample(RSS_GUESSES, R.randint(4, 8)):
        b.hit("GET", BLOG, p, 200 if p == "/index.xml" else 404, sz("json") if p == "/index.xml" else sz("err"), NONE, dt=R.uniform(0, 1.5))
    b.wait(30, 200)
    b.note("RSS finder extension guessed feed URLs")
    if chance(0.5):
        b.open(BLOG, blog_path(pick(BLOG_POSTS)), think=(30, 200))
        for p in R.sample(RSS_GUESSES, 3):
            b.hit("GET", BLOG, p, 200 if p == "/index.xml" else 404, sz("err"), NONE, dt=R.uniform(0, 1.5))


def linkcheck_session(b):
    # a writer checks the links of their own post with a link-checker extension: HEAD to every link, no Referer
    t = pick(WP_POSTS)
    b.open(WPB, "/2025/11/%s/" % slug(t), ref=NONE, think=(3, 10))
    links = ["/2025/%02d/%s/" % (R.randint(1, 11), slug(p)) for p in WP_POSTS] + \
        ["/category/garden/", "/category/workshop/", "/tag/compost/", "/tag/seedlings/", "/about/", "/contact/", "/privacy-policy/",
         "/2019/04/old-shed-build/", "/2020/02/greenhouse-heater-review/", "/feed/", "/comments/feed/", "/wp-login.php"] + \
        ["/wp-content/uploads/2025/%02d/IMG_%04d-1024x768.jpg" % (R.randint(1, 11), R.randint(1, 9999)) for _ in range(8)]
    for p in R.sample(links, R.randint(12, len(links))):
        st = 404 if p.startswith("/2019") else (301 if p.startswith("/2020") else 200)
        b.hit("HEAD", WPB, p, st, 0, NONE, dt=R.uniform(0, 2))
    b.wait(10, 60)
    b.note("link-checker extension (HEAD requests)")


def darkreader_session(b):
    qa_session(b)
    # a page-restyling extension fetched the cross-origin stylesheets again from its background: no Referer
    for p in QA.css:
        b.hit("GET", QA.static, p, 200, sz("css"), NONE, dt=R.uniform(2, 6))
    b.note("Dark Reader refetched stylesheets")


# ================================================================== TVs, consoles, cars, headsets
def device_session(b):
    k = b.uakey
    if k in ("tizen-tv", "webos-tv", "androidtv"):
        if chance(0.5):
            stream_session(b)
        else:
            b.open(STREAM, "/", ref=NONE, think=(10, 30), imgs=[("img.streamly-cdn.example", "/art/%s/tile_640.jpg" % hexs(12)) for _ in range(8)])
            stream_session(b, ref=AUTO)
    elif k in ("ps5", "ps4", "xbox", "steam-overlay", "steam-deck"):
        game_session(b)
        if chance(0.5):
            game_session(b)
    elif k == "tesla":
        if chance(0.5):
            map_session(b)
        else:
            stream_session(b)
    elif k == "quest":
        if chance(0.5):
            shutter_session(b)
        else:
            stream_session(b)
    else:   # e-readers
        if chance(0.5):
            wiki_session(b)
        else:
            news_session(b)


# ================================================================== who is out there
def _mix(name):
    if name == "news":
        if chance(0.22):
            return pick(INAPP[wchoice([("facebook", 8), ("instagram", 4), ("google-app", 4), ("linkedin", 2), ("snapchat", 1),
                                       ("tiktok", 1), ("line", 1), ("wechat", 1)])])
        return ua_pick("any")
    if name == "recipe":
        if chance(0.25):
            return pick(INAPP[wchoice([("pinterest", 10), ("facebook", 8), ("instagram", 6)])])
        return ua_pick("mostly-mobile")
    if name == "gamer":
        return wchoice([("chrome-win", 40), ("edge-win", 8), ("ff-win", 6), ("opera-win", 6), ("steam-overlay", 8), ("steam-deck", 3),
                        ("ps5", 3), ("xbox", 3), ("chrome-android", 10), ("safari-iphone", 8), ("samsung", 3)])
    if name == "device":
        return wchoice([("tizen-tv", 3), ("webos-tv", 3), ("androidtv", 2), ("ps5", 2), ("ps4", 1), ("xbox", 2), ("steam-deck", 1),
                        ("tesla", 1), ("quest", 1), ("kindle", 1), ("silk", 1)])
    if name == "ios":
        return wchoice([("safari-iphone", 10), ("safari-iphone-18", 6), ("safari-iphone-17", 2), ("safari-ipad-mini", 1)])
    if name == "school":
        return wchoice([("chrome-cros", 12), ("safari-ipad-mini", 3), ("safari-mac", 1), ("chrome-win-138", 2)])
    if name == "library":
        return wchoice([("chrome-win", 5), ("chrome-win7", 2), ("ff-win81-esr115", 1), ("edge-win", 3), ("ie11-win10", 0.5)])
    if name == "corp":
        return pick(CORP_FLEET) if chance(0.88) else ua_pick("mobile")
    return ua_pick(name)


HOMELAB_DOMS = ["hollis-home.example", "oduya.example", "brightmoor-lab.example", "kowalczyk.example", "nakamura-home.example",
                "fenwick.example", "lab.castellanos.example", "delacroix-home.example", "okonkwo.example", "varga-lab.example",
                "lindqvist.example", "penhallow.example", "ibarra-home.example", "mcallister.example", "shah-lab.example", "thorne.example",
                "quispe.example", "abernathy-home.example", "nwosu-lab.example", "haugland.example", "rossi-casa.example",
                "tanaka-lab.example", "obi.example", "grunwald-home.example"]


def homelab_next():
    d = HOMELAB_DOMS.pop(0)
    return lambda b: homelab(b, d)


def mail_any(b):
    wchoice([(roundcube_session, 6), (owa_session, 2), (sogo_session, 1)])(b)


def travel_any(b):
    wchoice([(flights_session, 5), (hotel_session, 4), (rail_session, 2)])(b)


SINGLES = [
    # kind, count, session, ua mix
    ("news-reader", 46, news_session, "news"),
    ("magazine-reader", 12, mag_session, "news"),
    ("wiki-reader", 34, wiki_session, "any"),
    ("wiki-editor", 10, wiki_editor, "desktop"),
    ("docs-reader", 22, docs_session, "mostly-desktop"),
    ("sysadmin-docs-reader", 12, learn_session, "desktop"),
    ("qa-searcher", 40, qa_session, "mostly-desktop"),
    ("webmail-user", 22, roundcube_session, "any"),
    ("webmail-user", 6, sogo_session, "mostly-desktop"),
    ("webmail-user", 8, owa_session, "desktop"),
    ("cloud-files-user", 12, nc_session, "mostly-desktop"),
    ("share-link-visitor", 14, share_session, "any"),
    ("travel-booker", 12, flights_session, "mostly-desktop"),
    ("travel-booker", 10, hotel_session, "any"),
    ("travel-booker", 6, rail_session, "any"),
    ("home-hunter", 10, nest_session, "any"),
    ("home-hunter", 10, huk_session, "any"),
    ("classifieds-browser", 9, swap_session, "any"),
    ("classifieds-browser", 8, baz_session, "mostly-mobile"),
    ("recipe-reader", 16, recipe_session, "recipe"),
    ("hobbyist", 6, yarn_session, "any"),
    ("hobbyist", 5, astro_session, "mostly-desktop"),
    ("hobbyist", 4, ham_session, "desktop"),
    ("gamer", 20, game_session, "gamer"),
    ("chess-player", 8, chess_session, "mostly-desktop"),
    ("map-user", 14, map_session, "mostly-mobile"),
    ("city-services-user", 18, city_session, "any"),
    ("tax-filer", 10, tax_session, "mostly-desktop"),
    ("job-seeker", 20, job_session, "any"),
    ("dating-user", 10, dating_session, "mobile"),
    ("student", 22, moodle_session, "any"),
    ("student", 7, drill_session, "desktop"),
    ("stream-viewer", 10, stream_session, "any"),
    ("stream-viewer", 5, live_session, "any"),
    ("photo-gallery-visitor", 8, piwigo_session, "any"),
    ("photo-gallery-visitor", 8, shutter_session, "any"),
    ("cms-site-owner", 6, wp_owner, "desktop"),
    ("cms-site-owner", 4, drupal_owner, "desktop"),
    ("cms-site-owner", 3, joomla_owner, "desktop"),
    ("cms-site-owner", 3, ghost_owner, "desktop"),
    ("homelab-owner", 12, None, "mostly-desktop"),
    ("link-follower", 28, linkpaste_session, "any"),
    ("mistyper", 10, mistype_session, "any"),
    ("reloader", 6, tickets_session, "any"),
    ("reloader", 6, score_session, "any"),
    ("extension-user", 6, rss_ext_session, "desktop"),
    ("extension-user", 3, linkcheck_session, "desktop"),
    ("extension-user", 4, darkreader_session, "desktop"),
    ("device-browser", 12, device_session, "device"),
]
SECONDARY = [(news_session, 6), (wiki_session, 5), (qa_session, 3), (recipe_session, 3), (map_session, 3), (swap_session, 2),
             (shutter_session, 1), (game_session, 2), (linkpaste_session, 3), (mail_any, 3), (travel_any, 2), (job_session, 1),
             (city_session, 1)]
LONG = ("homelab-owner", "stream-viewer", "cms-site-owner", "reloader")

GROUPS = [
    # kind, people, sessions per person, session weights, ua mix, spread of arrivals (s)
    ("corporate-proxy", 13, (1, 3), [(qa_session, 25), (docs_session, 10), (learn_session, 15), (owa_session, 20), (news_session, 10),
                                     (flights_session, 4), (hotel_session, 4), (map_session, 5), (linkpaste_session, 5), (wiki_session, 8),
                                     (city_session, 2), (share_session, 4)], "corp", 4 * 3600),
    ("corporate-proxy", 10, (1, 3), [(qa_session, 20), (learn_session, 20), (owa_session, 25), (news_session, 10), (wiki_session, 8),
                                     (linkpaste_session, 5), (rail_session, 4), (share_session, 5)], "corp", 4 * 3600),
    ("corporate-proxy", 8, (1, 2), [(owa_session, 30), (news_session, 15), (docs_session, 10), (qa_session, 10), (hotel_session, 5),
                                    (map_session, 5), (tax_session, 3)], "corp", 3 * 3600),
    ("university-nat", 14, (1, 3), [(moodle_session, 30), (drill_session, 8), (wiki_session, 12), (qa_session, 12), (docs_session, 5),
                                    (sogo_session, 10), (chess_session, 5), (game_session, 6), (stream_session, 2), (news_session, 5),
                                    (job_session, 4)], "any", 5 * 3600),
    ("university-nat", 11, (1, 2), [(moodle_session, 35), (wiki_session, 15), (qa_session, 10), (sogo_session, 10), (chess_session, 5),
                                    (news_session, 5), (recipe_session, 3)], "any", 5 * 3600),
    ("school-network", 12, (1, 2), [(wiki_session, 30), (game_session, 20), (map_session, 10), (chess_session, 10), (moodle_session, 12),
                                    (recipe_session, 3)], "school", 2 * 3600),
    ("mobile-cgnat", 10, (1, 2), [(news_session, 20), (dating_session, 10), (swap_session, 8), (baz_session, 8), (map_session, 10),
                                  (recipe_session, 8), (linkpaste_session, 10), (game_session, 6), (score_session, 3), (shutter_session, 5)], "news", 5 * 3600),
    ("mobile-cgnat", 8, (1, 2), [(news_session, 20), (dating_session, 8), (baz_session, 8), (map_session, 10), (recipe_session, 10),
                                 (linkpaste_session, 8), (mail_any, 5)], "news", 5 * 3600),
    ("mobile-cgnat", 6, (1, 2), [(news_session, 15), (swap_session, 8), (map_session, 10), (recipe_session, 8), (live_session, 3),
                                 (linkpaste_session, 8)], "mobile", 5 * 3600),
    ("vpn-exit", 5, (1, 2), [(news_session, 15), (stream_session, 5), (qa_session, 10), (game_session, 8), (wiki_session, 8),
                             (linkpaste_session, 6), (flights_session, 4)], "any", 5 * 3600),
    ("vpn-exit", 4, (1, 2), [(news_session, 15), (qa_session, 10), (wiki_session, 8), (mail_any, 6), (job_session, 4)], "any", 5 * 3600),
    ("vpn-exit", 3, (1, 2), [(stream_session, 5), (game_session, 8), (news_session, 8), (chess_session, 4)], "any", 5 * 3600),
    ("hotel-wifi", 7, (1, 2), [(map_session, 15), (flights_session, 8), (hotel_session, 8), (stream_session, 4), (news_session, 10),
                               (roundcube_session, 6), (rail_session, 4)], "mostly-mobile", 5 * 3600),
    ("airport-wifi", 8, (1, 2), [(news_session, 20), (flights_session, 10), (mail_any, 10), (stream_session, 3), (game_session, 5),
                                  (linkpaste_session, 6)], "mostly-mobile", 4 * 3600),
    ("coworking-space", 8, (1, 3), [(wp_owner, 5), (ghost_owner, 3), (qa_session, 15), (docs_session, 10), (nc_session, 6),
                                    (share_session, 8), (linkpaste_session, 8), (job_session, 5), (learn_session, 5)], "mostly-desktop", 5 * 3600),
    ("public-library", 8, (1, 2), [(city_session, 15), (tax_session, 10), (job_session, 15), (wiki_session, 10), (news_session, 8),
                                   (roundcube_session, 8)], "library", 5 * 3600),
    ("icloud-private-relay", 7, (1, 2), [(news_session, 15), (recipe_session, 10), (map_session, 10), (wiki_session, 8),
                                         (linkpaste_session, 8), (shutter_session, 4), (hotel_session, 4)], "ios", 5 * 3600),
    ("icloud-private-relay", 5, (1, 2), [(news_session, 15), (recipe_session, 8), (qa_session, 6), (swap_session, 6)], "ios", 5 * 3600),
]
HOUSEHOLDS = 8


def household(ip, t0, desc):
    """A family behind one home router: a computer, phones, a TV, maybe a console or tablet."""
    people = []
    dom = HOMELAB_DOMS.pop(0) if chance(0.5) else None
    pc = Browser(ip, wchoice([("chrome-win", 4), ("ff-linux", 2), ("safari-mac", 2), ("edge-win", 2), ("ff-win", 1)]), t=t0 + R.uniform(0, 3000))
    if dom:
        homelab(pc, dom)
    else:
        wchoice([(tax_session, 3), (roundcube_session, 3), (wp_owner, 1), (nc_session, 3), (flights_session, 2)])(pc)
    people.append(pc)
    for _ in range(R.randint(1, 3)):
        ph = Browser(ip, _mix("news"), t=t0 + R.uniform(0, 3 * 3600))
        wchoice([(news_session, 5), (recipe_session, 4), (swap_session, 2), (dating_session, 1), (map_session, 2), (linkpaste_session, 3),
                 (game_session, 2), (shutter_session, 1)])(ph)
        people.append(ph)
    tv = Browser(ip, pick(["tizen-tv", "webos-tv", "androidtv"]), t=t0 + R.uniform(0, 3 * 3600))
    if dom and chance(0.5):
        lab_jellyfin(tv, dom)
        tv.note("Jellyfin on the TV")
    else:
        stream_session(tv)
    people.append(tv)
    if chance(0.6):
        c = Browser(ip, pick(["ps5", "xbox", "steam-deck", "safari-ipad-mini", "silk"]), t=t0 + R.uniform(0, 3 * 3600))
        if c.uakey in ("safari-ipad-mini", "silk"):
            recipe_session(c)
        else:
            game_session(c)
        people.append(c)
    desc.append("household NAT, %d devices%s" % (len(people), ", runs a home lab (%s)" % dom if dom else ""))
    return people


def allocate_ips(n):
    seen, out = {}, []
    while len(out) < n:
        ip = "100.%d.%d.%d" % (R.randint(120, 127), R.randint(0, 255), R.randint(1, 254))
        if ip in seen:
            continue
        seen[ip] = True
        out.append(ip)
    return out


def run():
    singles = [(kind, fn, mix) for kind, n, fn, mix in SINGLES for _ in range(n)]
    R.shuffle(singles)
    ips = allocate_ips(len(singles) + len(GROUPS) + HOUSEHOLDS)
    info = {}
    for (kind, fn, mix), ip in zip(singles, ips):
        if fn is None:
            fn = homelab_next()
        b = Browser(ip, _mix(mix))
        fn(b)
        if kind not in LONG and chance(0.2):
            b.wait(120, 2400)
            wchoice(SECONDARY)(b)
        info[ip] = (kind, "1 person, %s; %s" % (b.uakey, "; ".join(b.notes) or "browsing"))
    k = len(singles)
    for kind, n, per, sess, mix, spread in GROUPS:
        ip = ips[k]
        k += 1
        t0 = R.uniform(0, SPAN - spread) if spread < SPAN else 0
        notes, uas = [], []
        for _ in range(n):
            b = Browser(ip, _mix(mix), t=t0 + R.uniform(0, spread))
            uas.append(b.uakey)
            for j in range(R.randint(*per)):
                if j:
                    b.wait(60, 1800)
                wchoice(sess)(b)
            notes.extend(b.notes[:2])
        info[ip] = (kind, "%d people, %d user agents; e.g. %s" % (n, len(dict.fromkeys(uas)), "; ".join(notes[:6])))
    for _ in range(HOUSEHOLDS):
        ip = ips[k]
        k += 1
        desc = []
        people = household(ip, R.uniform(0, SPAN - 3 * 3600), desc)
        notes = []
        for p in people:
            notes.append("%s: %s" % (p.uakey, ", ".join(p.notes[:2]) or "browsing"))
        info[ip] = ("household-nat", desc[0] + "; " + "; ".join(notes))
    return info


def esc(s):
    """nginx's escaping in access logs: \" \\ and bytes outside printable ASCII as \\xHH."""
    out = []
    for ch in s:
        o = ord(ch)
        if ch in '"\\' or o < 0x20 or o > 0x7e:
            out.append("".join("\\x%02X" % b for b in ch.encode("utf-8")))
        else:
            out.append(ch)
    return "".join(out)


def write(info):
    EVENTS.sort(key=lambda e: (int(e[0]), e[1]))
    with open(os.path.join(HERE, "benign.log"), "w", encoding="ascii", newline="\n") as f:
        for t, _, ip, m, target, proto, st, size, ref, ua, _host in EVENTS:
            ts = (T0 + datetime.timedelta(seconds=int(t))).strftime("%d/%b/%Y:%H:%M:%S +0000")
            f.write('%s - - [%s] "%s %s %s" %d %d "%s" "%s"\n' % (ip, ts, m, esc(target), proto, st, size, esc(ref), esc(ua)))
    order = list(dict.fromkeys(e[2] for e in EVENTS))
    with open(os.path.join(HERE, "benign.labels"), "w", encoding="utf-8", newline="\n") as f:
        for ip in order:
            f.write("%s\tbenign\t%s\n" % (ip, info[ip][0]))
    with open(os.path.join(HERE, "sources.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for ip in order:
            f.write("%s\t%s\t%s\n" % (ip, info[ip][0], info[ip][1].replace("\t", " ").replace("\n", " ")[:400]))
    for name in ("attacks.log", "attacks.labels"):
        open(os.path.join(HERE, name), "w").close()


if __name__ == "__main__":
    write(run())
