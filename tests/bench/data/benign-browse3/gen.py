#!/usr/bin/env python3
"""benign-browse3: people around the world, on non-English sites and old,
unusual or in-app clients.

A held-out false-positive set.  Writes, next to this file:
  benign.log      nginx "combined" lines, sorted by time
  benign.labels   ADDRESS<TAB>benign<TAB>KIND, one line per source
  sources.tsv     ADDRESS<TAB>KIND<TAB>what the people at that address did
  attacks.log, attacks.labels   empty (so tests/bench/recall.sh runs)

Python 3 standard library only.  Fixed seed, no set iteration, no hash(),
no locale-dependent formatting: every run writes the same bytes.
"""
import datetime
import os
import random
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(20251202)
DAY = datetime.datetime(2025, 12, 2, 0, 0, 0, tzinfo=datetime.timezone.utc)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
EVENTS = []          # (t, seq, ip, method, target(bytes), status, size, referer, ua)
NONE = "-"
MIN_REQ, MAX_REQ = 5, 40

# ------------------------------------------------------------------ helpers


def pick(seq):
    return R.choice(seq)


def cyc(src, seq):
    """The idx-th entry of seq for the idx-th source of a kind, so every entry is used."""
    return seq[src.idx % len(seq)]


def chance(p):
    return R.random() < p


def hexs(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def alnum(n):
    return "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))


def b64u(n):
    return "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(n))


def digits(n):
    return str(R.randint(1, 9)) + "".join(R.choice("0123456789") for _ in range(n - 1))


# ------------------------------------------------------------------ encoding
# WHATWG encoders the browser uses for a form on a page in that encoding.
WHATWG = {
    "utf-8": "utf-8", "shift_jis": "cp932", "euc-jp": "euc_jp", "gbk": "gbk",
    "gb18030": "gb18030", "big5": "big5hkscs", "euc-kr": "cp949",
    "windows-1251": "cp1251", "koi8-r": "koi8_r", "iso-8859-2": "iso8859_2",
    "windows-1250": "cp1250", "iso-8859-1": "cp1252", "iso-8859-7": "iso8859_7",
    "iso-8859-9": "cp1254", "windows-1256": "cp1256", "windows-1255": "cp1255",
    "tis-620": "cp874",
}
_FORM_SAFE = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-._"
_EURI_SAFE = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()"
_PATH_SAFE = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~!$&'()*+,;=:@/"


def encbytes(s, enc="utf-8"):
    """Bytes a browser submits: characters the encoding lacks become &#NNNN;."""
    return s.encode(WHATWG.get(enc, enc), errors="xmlcharrefreplace")


def form(s, enc="utf-8"):
    """application/x-www-form-urlencoded in the page's encoding (+ for space)."""
    out = []
    for b in encbytes(s, enc):
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


def pseg(s, enc="utf-8"):
    """A path (already a path: '/' kept) as percent-encoded bytes."""
    return "".join(chr(b) if b in _PATH_SAFE else "%%%02X" % b for b in encbytes(s, enc))


def slugify(s):
    return "-".join(s.split())


def qs(pairs, enc="utf-8"):
    return "&".join("%s=%s" % (k, form(v, enc)) for k, v in pairs)


def puny(host):
    return host.encode("idna").decode("ascii")


def tg_host(host):
    """Google Translate's *.translate.goog name for a host."""
    return host.replace("-", "--").replace(".", "-") + ".translate.goog"


def amp_host(host):
    return host.replace("-", "--").replace(".", "-") + ".cdn.ampproject.org"


# ------------------------------------------------------------------ user agents
# key: (ua, legacy).  legacy = the client's default Referrer-Policy is
# no-referrer-when-downgrade (full URL to other origins): IE11, Chromium < 85,
# Safari < 14, Gecko < 87, Presto, old WebKit.
UA = {
    # ---- old desktop
    "ie11-win7": ("Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko", True),
    "ie11-win7-net": ("Mozilla/5.0 (Windows NT 6.1; Trident/7.0; SLCC2; .NET CLR 2.0.50727; .NET CLR 3.5.30729; .NET CLR 3.0.30729; Media Center PC 6.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko", True),
    "ie11-win10": ("Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko", True),
    "ie11-win81-tab": ("Mozilla/5.0 (Windows NT 6.3; WOW64; Trident/7.0; Touch; .NET4.0E; .NET4.0C; Tablet PC 2.0; rv:11.0) like Gecko", True),
    "safari-mac-11": ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/11.1.2 Safari/605.1.15", True),
    "safari-mac-9": ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_5) AppleWebKit/601.7.8 (KHTML, like Gecko) Version/9.1.3 Safari/537.86.7", True),
    "chrome-xp": ("Mozilla/5.0 (Windows NT 5.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/49.0.2623.112 Safari/537.36", True),
    "chrome-win7-109": ("Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36", False),
    "ff-win7-115": ("Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0", False),
    "ff-xp-52": ("Mozilla/5.0 (Windows NT 5.1; rv:52.0) Gecko/20100101 Firefox/52.0", True),
    "safari-ipad-9": ("Mozilla/5.0 (iPad; CPU OS 9_3_5 like Mac OS X) AppleWebKit/601.1.46 (KHTML, like Gecko) Version/9.0 Mobile/13G36 Safari/601.1", True),
    "safari-iphone-12": ("Mozilla/5.0 (iPhone; CPU iPhone OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1", True),
    "safari-iphone-10": ("Mozilla/5.0 (iPhone; CPU iPhone OS 10_3_4 like Mac OS X) AppleWebKit/603.3.8 (KHTML, like Gecko) Version/10.0 Mobile/14G61 Safari/602.1", True),
    # ---- modern desktop, regional
    "chrome-win": ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36", False),
    "chrome-mac": ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36", False),
    "edge-win": ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0", False),
    "ff-win": ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0", False),
    "ff-linux": ("Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0", False),
    "safari-mac": ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Safari/605.1.15", False),
    "yandex-win": ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 YaBrowser/25.8.0.0 Safari/537.36", False),
    "yandex-android": ("Mozilla/5.0 (Linux; arm_64; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 YaBrowser/25.8.4.91.00 SA/3 Mobile Safari/537.36", False),
    "whale-win": ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Whale/4.33.325.17 Safari/537.36", False),
    "coccoc-win": ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/135.0.220 Chrome/135.0.7049.220 Safari/537.36", False),
    "qq-win": ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 QBCore/4.0.1326.400 QQBrowser/9.0.2524.400", False),
    "360-win": ("Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.5359.95 Safari/537.36 QIHU 360SE", False),
    "sogou-win": ("Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.198 Safari/537.36 SE 2.X MetaSr 1.0", False),
    "opera-win": ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 OPR/122.0.0.0", False),
    "seznam-win": ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) SznProhlizec/13.1.2 Chrome/136.0.0.0 Safari/537.36", False),
    # ---- modern mobile, regional
    "chrome-android": ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36", False),
    "safari-iphone": ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_6_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1", False),
    "safari-iphone-16": ("Mozilla/5.0 (iPhone; CPU iPhone OS 16_7_10 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1", False),
    "samsung": ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/28.0 Chrome/130.0.0.0 Mobile Safari/537.36", False),
    "samsung-23": ("Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36", False),
    "samsung-tab": ("Mozilla/5.0 (Linux; Android 12; SAMSUNG SM-T505) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Safari/537.36", False),
    "samsung-9": ("Mozilla/5.0 (Linux; Android 7.0; SAMSUNG SM-J730F Build/NRD90M) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/9.2 Chrome/67.0.3396.87 Mobile Safari/537.36", True),
    "miui": ("Mozilla/5.0 (Linux; U; Android 13; id-id; Redmi Note 12 Build/TKQ1.221114.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/112.0.5615.136 Mobile Safari/537.36 XiaoMi/MiuiBrowser/14.30.0-gn", False),
    "huawei": ("Mozilla/5.0 (Linux; Android 12; HarmonyOS; NOH-NX9; HMSCore 6.15.0.302) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.5735.196 HuaweiBrowser/15.0.4.312 Mobile Safari/537.36", False),
    "mqq-android": ("Mozilla/5.0 (Linux; U; Android 12; zh-cn; V2118A Build/SP1A.210812.003) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/14.8 Mobile Safari/537.36 COVC/046803", False),
    "baidu-app": ("Mozilla/5.0 (Linux; Android 13; PGT-AN10 Build/HONORPGT-AN10; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/97.0.4692.98 Mobile Safari/537.36 T7/13.62 SP-engine/3.28.0 baiduboxapp/13.62.0.10 (Baidu; P1 13) NABar/1.0", False),
    "opera-android": ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36 OPR/91.0.0.0", False),
    "chrome-ios": ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/142.0.7444.77 Mobile/15E148 Safari/604.1", False),
    "ff-android": ("Mozilla/5.0 (Android 15; Mobile; rv:145.0) Gecko/145.0 Firefox/145.0", False),
    # ---- old Android (4-7): stock WebView, old Chrome
    "android44-stock": ("Mozilla/5.0 (Linux; Android 4.4.2; SM-T230 Build/KOT49H) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/30.0.0.0 Safari/537.36", True),
    "android42-stock": ("Mozilla/5.0 (Linux; U; Android 4.2.2; en-gb; GT-I9195 Build/JDQ39) AppleWebKit/534.30 (KHTML, like Gecko) Version/4.0 Mobile Safari/534.30", True),
    "android5-wv": ("Mozilla/5.0 (Linux; Android 5.1.1; SM-J200G Build/LMY47X; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/83.0.4103.106 Mobile Safari/537.36", True),
    "android6-chrome": ("Mozilla/5.0 (Linux; Android 6.0; TECNO W3 Build/MRA58K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/84.0.4147.111 Mobile Safari/537.36", True),
    "android7-chrome": ("Mozilla/5.0 (Linux; Android 7.0; SM-G570M) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6045.163 Mobile Safari/537.36", False),
    "android71-wv": ("Mozilla/5.0 (Linux; Android 7.1.2; Redmi 4X Build/N2G47H; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/81.0.4044.138 Mobile Safari/537.36", True),
    # ---- UC Browser, Opera Mini, KaiOS
    "uc-android": ("Mozilla/5.0 (Linux; U; Android 8.1.0; en-US; Redmi 6A Build/O11019) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/78.0.3904.108 UCBrowser/13.4.0.1306 Mobile Safari/537.36", True),
    "uc-android-old": ("Mozilla/5.0 (Linux; U; Android 6.0.1; en-US; Lenovo P2a42 Build/MMB29M) AppleWebKit/534.30 (KHTML, like Gecko) Version/4.0 UCBrowser/11.2.0.915 U3/0.8.0 Mobile Safari/534.30", True),
    "uc-android-id": ("Mozilla/5.0 (Linux; U; Android 10; id-ID; SM-A107F Build/QP1A.190711.020) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/78.0.3904.108 UCBrowser/13.2.5.1300 Mobile Safari/537.36", True),
    "operamini-android": ("Opera/9.80 (Android; Opera Mini/36.2.2254/191.256; U; en) Presto/2.12.423 Version/12.16", True),
    "operamini-j2me": ("Opera/9.80 (J2ME/MIDP; Opera Mini/4.5.40318/191.256; U; en) Presto/2.12.423 Version/12.16", True),
    "operamini-ios": ("Opera/9.80 (iPhone; Opera Mini/8.0.0/37.8025; U; fr) Presto/2.12.423 Version/12.16", True),
    "kaios-jio": ("Mozilla/5.0 (Mobile; LYF/F300B/LYF-F300B-001-01-15-130718-i; Android; rv:48.0) Gecko/48.0 Firefox/48.0 KAIOS/2.5", True),
    "kaios-nokia8110": ("Mozilla/5.0 (Mobile; Nokia_8110_4G; rv:48.0) Gecko/48.0 Firefox/48.0 KAIOS/2.5", True),
    "kaios-nokia2720": ("Mozilla/5.0 (Mobile; Nokia 2720 Flip; rv:48.0) Gecko/48.0 Firefox/48.0 KAIOS/2.5.2", True),
    "kaios-alcatel": ("Mozilla/5.0 (Mobile; ALCATEL4044T; rv:48.0) Gecko/48.0 Firefox/48.0 KAIOS/2.5.1", True),
    "kaios3": ("Mozilla/5.0 (Mobile; rv:84.0) Gecko/84.0 Firefox/84.0 KAIOS/3.0", False),
    # ---- TVs, consoles, cars, e-readers
    "tizen-tv": ("Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 76.0.3809.146/6.0 TV Safari/537.36", True),
    "tizen-tv-old": ("Mozilla/5.0 (SMART-TV; Linux; Tizen 2.4.0) AppleWebkit/538.1 (KHTML, like Gecko) SamsungBrowser/1.1 TV Safari/538.1", True),
    "webos-tv": ("Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.79 Safari/537.36 WebAppManager", True),
    "hbbtv-sony": ("Mozilla/5.0 (Linux armv7l) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/38.0.2125.102 Safari/537.36 OPR/25.0.1614.0 OMI/4.9.0.237.DOM3-OPT.245 Model/Sony-KD-55XF8505 HbbTV/1.4.1 (+DRM; Sony; KD-55XF8505; PKG5.441.0182EUA; _TV_G1_2018;) sony.hbbtv.tv.G5", True),
    "android-tv": ("Mozilla/5.0 (Linux; Android 9; BRAVIA 4K UR2 Build/PTT1.190515.001.S52) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.5735.196 Safari/537.36", False),
    "ps4": ("Mozilla/5.0 (PlayStation 4 11.00) AppleWebKit/605.1.15 (KHTML, like Gecko)", True),
    "ps5": ("Mozilla/5.0 (PlayStation; PlayStation 5/6.50) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.4 Safari/605.1.15", False),
    "switch": ("Mozilla/5.0 (Nintendo Switch; WifiWebAuthApplet) AppleWebKit/606.4 (KHTML, like Gecko) NF/6.0.1.15.4 NintendoBrowser/5.1.0.20393", True),
    "3ds": ("Mozilla/5.0 (New Nintendo 3DS like iPhone) AppleWebKit/536.30 (KHTML, like Gecko) NX/3.0.0.5.15 Mobile NintendoBrowser/1.3.10126.EU", True),
    "xbox": ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; Xbox; Xbox One) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 Edg/138.0.0.0", False),
    "vita": ("Mozilla/5.0 (PlayStation Vita 3.74) AppleWebKit/537.73 (KHTML, like Gecko) Silk/3.2", True),
    "tesla": ("Mozilla/5.0 (X11; GNU/Linux) AppleWebKit/537.36 (KHTML, like Gecko) Chromium/136.0.7103.92 Chrome/136.0.7103.92 Safari/537.36 Tesla/2025.32.6-4f1cb1f4d6", False),
    "tesla-qt": ("Mozilla/5.0 (X11; Linux) AppleWebKit/534.34 (KHTML, like Gecko) QtCarBrowser Safari/534.34", True),
    "aaos-vivaldi": ("Mozilla/5.0 (Linux; Android 12; Polestar 2 Build/SQ1D.220205.004) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.6613.146 Safari/537.36 Vivaldi/6.9.3447.54", False),
    "kindle": ("Mozilla/5.0 (X11; U; Linux armv7l like Android; en-us) AppleWebKit/531.2+ (KHTML, like Gecko) Version/5.0 Safari/533.2+ Kindle/3.0+", True),
    "kobo": ("Mozilla/5.0 (Linux; U; Android 2.0; en-us;) AppleWebKit/538.1 (KHTML, like Gecko) Version/4.0 Mobile Safari/538.1 (Kobo Touch 0377/4.38.23171)", True),
    "silk": ("Mozilla/5.0 (Linux; Android 11; KFTRWI) AppleWebKit/537.36 (KHTML, like Gecko) Silk/138.4.1 like Chrome/138.0.7204.179 Safari/537.36", False),
    # ---- in-app browsers
    "fb-ios": ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/486.0.0.55.70;FBBV/652720741;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.6.1;FBSS/3;FBID/phone;FBLC/es_LA;FBOP/5;FBRV/654185307]", False),
    "fb-android": ("Mozilla/5.0 (Linux; Android 14; SM-A155F Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.39 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/491.0.0.60.109;]", False),
    "fb-android-ar": ("Mozilla/5.0 (Linux; Android 12; CPH2269 Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.107 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/488.0.0.68.64;IABMV/1;]", False),
    "fblite-android": ("Mozilla/5.0 (Linux; Android 11; TECNO KF6i Build/RP1A.200720.011; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/129.0.6668.100 Mobile Safari/537.36 [FBAN/EMA;FBLC/en_GB;FBAV/430.0.0.11.116;]", False),
    "messenger-android": ("Mozilla/5.0 (Linux; Android 13; V2207 Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.39 Mobile Safari/537.36 [FB_IAB/Orca-Android;FBAV/486.0.0.47.109;]", False),
    "ig-ios": ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 356.0.0.25.109 (iPhone15,3; iOS 18_1; pt_BR; pt; scale=3.00; 1290x2796; 658411592; IABMV/1)", False),
    "ig-android": ("Mozilla/5.0 (Linux; Android 13; M2101K6G Build/TKQ1.221013.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.107 Mobile Safari/537.36 Instagram 355.1.0.44.103 Android (33/13; 440dpi; 1080x2400; Xiaomi/Redmi; M2101K6G; sweet; qcom; id_ID; 655382370)", False),
    "tiktok-android": ("Mozilla/5.0 (Linux; Android 12; SM-A325F Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 trill_330403 JsSdk/1.0 NetType/MOBILE Channel/googleplay AppName/trill app_version/33.4.3 ByteLocale/th-TH ByteFullLocale/th-TH Region/TH BytedanceWebview/d8a21c6", False),
    "tiktok-ios": ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 musical_ly_35.1.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/en Region/US ByteFullLocale/en WKWebView/1 BytedanceWebview/d8a21c6", False),
    "wechat-ios": ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003129) NetType/WIFI Language/zh_CN", False),
    "wechat-android": ("Mozilla/5.0 (Linux; Android 13; V2230A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/5G Language/zh_CN ABI/arm64", False),
    "wechat-win": ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x63090c11) XWEB/11275 Flue", False),
    "line-ios": ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/14.9.0", False),
    "line-android": ("Mozilla/5.0 (Linux; Android 14; SO-51D Build/67.2.A.2.118; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.81 Mobile Safari/537.36 Line/14.19.1/IAB", False),
    "kakao-ios": ("Mozilla/5.0 (iPhone; CPU iPhone OS 16_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 KAKAOTALK 10.3.1", False),
    "kakao-android": ("Mozilla/5.0 (Linux; Android 13; SM-X706N Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/115.0.5790.138 Safari/537.36;KAKAOTALK 2410310", False),
    "naver-ios": ("Mozilla/5.0 (iPhone; CPU iPhone OS 16_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.5 Mobile/15E148 Safari/605.1 NAVER(inapp; search; 1010; 11.24.5; 12PRO)", False),
    "telegram-android": ("Mozilla/5.0 (Linux; Android 13; M2103K19G Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.39 Mobile Safari/537.36 Telegram-Android/11.4.2 (Xiaomi M2103K19G; Android 13; SDK 33; AVERAGE)", False),
    "snap-ios": ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Snapchat/13.13.0.40 (like Safari/8617.2.4.10.8, panda)", False),
    "snap-android": ("Mozilla/5.0 (Linux; Android 14; SM-S911B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.39 Mobile Safari/537.36 Snapchat/13.18.0.45 (SM-S911B; Android 14#S911BXXS3BXJ1#34; gzip; )", False),
}

# regional pools of clients a person there is likely to use
POOL = {
    "ar": ["chrome-android", "samsung", "safari-iphone", "chrome-win", "fb-android-ar", "huawei", "android7-chrome", "edge-win"],
    "he": ["chrome-android", "safari-iphone", "chrome-win", "samsung", "edge-win", "safari-mac"],
    "fa": ["chrome-android", "samsung", "chrome-win7-109", "ff-win7-115", "android7-chrome", "opera-android", "telegram-android"],
    "hi": ["chrome-android", "miui", "android7-chrome", "uc-android", "kaios-jio", "samsung", "chrome-win"],
    "th": ["chrome-android", "safari-iphone", "samsung", "chrome-win", "line-android", "tiktok-android"],
    "zh": ["chrome-win", "qq-win", "360-win", "sogou-win", "mqq-android", "huawei", "wechat-android", "wechat-ios", "baidu-app"],
    "tw": ["chrome-win", "safari-iphone", "chrome-android", "line-ios", "edge-win", "ie11-win7"],
    "ja": ["chrome-win", "safari-iphone", "edge-win", "line-ios", "chrome-android", "safari-mac", "ie11-win10"],
    "ko": ["chrome-win", "whale-win", "samsung", "safari-iphone", "kakao-android", "naver-ios", "edge-win"],
    "ru": ["yandex-win", "chrome-win", "yandex-android", "chrome-android", "ff-win", "opera-win", "telegram-android", "safari-iphone"],
    "el": ["chrome-win", "chrome-android", "safari-iphone", "ff-win", "edge-win"],
    "vi": ["coccoc-win", "chrome-android", "safari-iphone", "chrome-win", "samsung", "fb-android"],
    "cs": ["seznam-win", "chrome-win", "ff-win", "chrome-android", "safari-iphone", "ff-xp-52", "chrome-xp"],
    "pl": ["chrome-win", "ff-win", "chrome-android", "opera-win", "samsung"],
    "fr": ["chrome-win", "ff-win", "safari-mac", "safari-iphone", "chrome-android", "edge-win"],
    "tr": ["chrome-win", "chrome-android", "samsung", "safari-iphone", "opera-win"],
    "pt": ["chrome-android", "samsung", "chrome-win", "safari-iphone", "android7-chrome", "ig-android"],
    "es": ["chrome-android", "chrome-win", "safari-iphone", "samsung", "fb-ios", "edge-win"],
    "id": ["chrome-android", "miui", "uc-android-id", "samsung", "ig-android", "operamini-android"],
    "ng": ["chrome-android", "android6-chrome", "operamini-android", "fblite-android", "kaios-nokia8110", "chrome-win"],
    "de": ["chrome-win", "ff-win", "safari-mac", "safari-iphone", "edge-win", "ff-linux"],
}

# when people in each region are awake: (earliest, latest) UTC start hour
REGION_HOURS = {
    "ar": (4, 20), "he": (5, 20), "fa": (4, 19), "hi": (2, 17), "th": (0, 15),
    "zh": (0, 15), "tw": (0, 15), "ja": (0, 14), "ko": (0, 14), "ru": (4, 20),
    "el": (5, 20), "vi": (0, 15), "cs": (5, 21), "pl": (5, 21), "fr": (5, 21),
    "tr": (4, 20), "pt": (10, 23.5), "es": (10, 23.5), "id": (0, 15), "ng": (5, 21), "de": (5, 21),
}


# ------------------------------------------------------------------ sources and people
class Src:
    def __init__(self, ip, kind):
        self.ip, self.kind, self.notes, self.n, self.uas = ip, kind, [], 0, []
        self.idx = 0


class Person:
    def __init__(self, src, uakey, region, t=None):
        self.src, self.uakey, self.region = src, uakey, region
        self.ua, self.legacy = UA[uakey]
        if uakey not in src.uas:
            src.uas.append(uakey)
        if t is None:
            lo, hi = REGION_HOURS.get(region, (0, 23))
            t = R.uniform(lo * 3600, hi * 3600)
        self.t = t
        self.cache = {}       # site host -> {asset: True}
        self.fav = {}
        self.last = None      # (site, url) shown now
        src.person = self

    def wait(self, lo, hi):
        self.t += R.uniform(lo, hi)

    def note(self, s):
        if len(self.src.notes) < 8:
            self.src.notes.append(s)


SEQ = [0]


def emit(p, method, target, status, size, ref, dt=0.0, ua=None):
    p.t += dt
    SEQ[0] += 1
    if isinstance(target, str):
        target = target.encode("utf-8")
    EVENTS.append((p.t, SEQ[0], p.src.ip, method, target, status, size, ref, ua or p.ua))
    p.src.n += 1


def origin(url):
    i = url.index("/", url.index("//") + 2) if url.count("/") >= 3 else len(url)
    return url[:i] + "/"


def xref(p, url, policy="default"):
    """Referer another origin sees: policy of the referring page, else the client's default."""
    if url in (None, NONE):
        return NONE
    if policy == "origin":
        return origin(url)
    if policy == "full":
        return url
    return url if p.legacy else origin(url)


# ------------------------------------------------------------------ sites
class Site:
    def __init__(self, host, lang, enc="utf-8", css=1, js=2, fonts=0, img="/images/%s/%s.jpg",
                 fav="/favicon.ico", fav_st=200, static="/static", page=None, search=None, terms=None):
        self.host = host
        self.lang, self.enc = lang, enc
        self.base = "https://" + host
        self.static = ["%s/css/%s.%s.css" % (static, n, hexs(8)) for n in ["main", "theme", "print"][:css]]
        self.static += ["%s/js/%s.%s.js" % (static, n, hexs(8)) for n in ["vendor", "app", "search", "ads"][:js]]
        self.fonts = ["%s/fonts/%s" % (static, f) for f in fonts] if fonts else []
        self.logo = "%s/img/logo.%s.svg" % (static, hexs(6))
        self.img = img
        self.fav, self.fav_st = fav, fav_st
        self._page = page or (lambda: "/page/%s" % digits(5))
        self._search = search or (lambda q: "/search?" + qs([("q", q)], enc))
        self.terms = terms or ["help"]

    def url(self, path):
        return self.base + path

    def page(self):
        """A content page of this site (an article, a thread, an item)."""
        return self._page()

    def search(self, q=None):
        """The URL this site's search form produces for q (in the site's encoding)."""
        return self._search(pick(self.terms) if q is None else q)

    def image(self):
        return self.img % (pick(["2025/11", "2025/12", "2025/10"]), "%s%s" % (digits(5), pick(["", "_m", "-640x360", "_thumb"])))


def visit(p, site, path, ref=NONE, imgs=(1, 4), status=200, size=None, method="GET", assets=True, xhr=()):
    """Load a page: the document, then (first time) its assets, then images and calls."""
    url = site.url(path)
    emit(p, method, path, status, size or R.randint(14000, 160000), ref)
    if status >= 300 and status < 400:
        return url
    if not assets:
        p.last = (site, url)
        return url
    first = site.host not in p.cache
    if first:
        p.cache[site.host] = True
        mode = R.random()
        if mode < 0.78:
            for a in site.static:
                emit(p, "GET", a, 200, R.randint(9000, 310000) if a.endswith(".js") else R.randint(6000, 120000), url, dt=R.uniform(0.02, 0.4))
            emit(p, "GET", site.logo, 200, R.randint(1800, 9000), url, dt=R.uniform(0.01, 0.2))
            css = site.static[0] if site.static and site.static[0].endswith(".css") else url
            for f in site.fonts:
                emit(p, "GET", f, 200, R.randint(18000, 95000), site.url(css), dt=R.uniform(0.05, 0.3))
        elif mode < 0.9:
            for a in site.static:
                emit(p, "GET", a, 304, 0, url, dt=R.uniform(0.02, 0.3))
        if site.host not in p.fav:
            p.fav[site.host] = True
            emit(p, "GET", site.fav, site.fav_st, R.randint(900, 15000) if site.fav_st == 200 else R.randint(150, 600), url, dt=R.uniform(0.1, 0.8))
    for _ in range(R.randint(*imgs)):
        emit(p, "GET", site.image(), 200, R.randint(4000, 260000), url, dt=R.uniform(0.05, 2.5))
    for x in xhr:
        emit(p, "GET", x, 200, R.randint(120, 9000), url, dt=R.uniform(0.1, 1.5))
    p.last = (site, url)
    return url


def click(p, site, path, **kw):
    """Follow a same-site link: Referer is the current page's full URL."""
    ref = p.last[1] if p.last else NONE
    p.wait(6, 140)
    return visit(p, site, path, ref=ref, **kw)


def submit_get(p, site, path, **kw):
    return click(p, site, path, **kw)


def post_redirect(p, site, path, to, ref_url=None, st=302):
    ref = ref_url or (p.last[1] if p.last else NONE)
    p.wait(8, 90)
    emit(p, "POST", path, st, R.randint(0, 600), ref)
    p.t += R.uniform(0.1, 0.6)
    return visit(p, site, to, ref=ref)


# ------------------------------------------------------------------ text people type
TEXT = {
    "ar": {
        "slugs": ["ارتفاع أسعار الذهب في الأسواق المحلية اليوم", "منتخب مصر يتأهل إلى نهائيات كأس العرب", "الطقس غدا أمطار رعدية على السواحل الشمالية",
                  "وزارة التعليم تعلن موعد امتحانات الفصل الأول", "افتتاح معرض الكتاب الدولي بمشاركة ٤٠ دولة", "سعر صرف الجنيه أمام الدولار"],
        "search": ["سعر الدولار اليوم", "مباراة الأهلي والزمالك", "رمضان ٢٠٢٦", "كأس العرب 2025", "نتيجة الثانوية العامة", "وظائف \"معلم\" الرياض",
                   "عبد الرحمن", "ابن سينا", "ـــ الأخبار ـــ", "O'Neal"],
        "tags": ["اقتصاد", "رياضة", "ثقافة", "تكنولوجيا"],
    },
    "he": {
        "search": ["דירה להשכרה בתל אביב", "צה\"ל", "ארה\"ב", "ג'ינס", "מזגן אינוורטר 1.5 כ\"ס", "ספה תלת מושבית", "רכב יד 2 עד 50,000 ש\"ח", "אופני ילדים 16\"", "ז'קט עור"],
        "cities": ["תל אביב יפו", "ירושלים", "חיפה", "באר שבע", "רמת גן"],
    },
    "fa": {
        "slugs": ["طرز تهیه قورمه سبزی مجلسی", "آموزش پخت نان بربری در خانه", "دسر زعفرانی با گلاب", "می‌خواهم کیک اسفنجی بپزم"],
        "search": ["قورمه سبزی", "شعر حافظ", "قیمت گوشی سامسونگ", "می‌خواهم", "کیک \"بدون فر\"", "شیرینی نوروز ۱۴۰۴", "آش رشته"],
        "cats": ["غذای ایرانی", "دسر", "نان"],
    },
    "hi": {
        "slugs": ["मौसम विभाग ने जारी किया भारी बारिश का अलर्ट", "आईपीएल 2026 नीलामी में किसे मिली सबसे बड़ी रकम", "सरकारी नौकरी के लिए आवेदन की अंतिम तिथि", "आज का राशिफल"],
        "search": ["मौसम समाचार", "सरकारी नौकरी", "राशिफल आज", "पीएम किसान योजना", "क्रिकेट स्कोर", "दिल्ली मेट्रो", "10वीं रिजल्ट 2025"],
    },
    "th": {
        "search": ["ร้านอาหาร เชียงใหม่", "วิธีทำต้มยำกุ้ง", "ราคาทอง วันนี้", "รถมือสอง", "ซ่อมแอร์ \"บ้าน\"", "5555", "ตั๋วเครื่องบิน ภูเก็ต"],
        "tags": ["ห้องครัว", "ก้นครัว", "ศาลาประชาคม", "บลูแพลนเน็ต", "โต๊ะเครื่องแป้ง"],
    },
    "zh": {
        "search": ["手机 推荐 2025", "红烧肉的做法", "考研 数学 真题", "python 安装 失败", "C++ 指针", "#include <stdio.h> 报错", "二手 自行车", "周杰伦《晴天》吉他谱", "H2SO4 浓度", "x^2+2x+1=0 怎么解", "（＾∀＾●）ﾉｼ", "王者荣耀 😂"],
        "threads": ["求助：宿舍网络老是掉线怎么办", "【分享】期末复习资料整理", "二手教材转让，价格可议", "关于选课系统的问题"],
    },
    "tw": {
        "search": ["許功蓋", "功課 表", "二手 機車", "台北 美食", "軟體 推薦", "許願池", "餐廳 訂位", "珍珠奶茶 \"大杯\""],
    },
    "ja": {
        "search": ["ソフトバンク 料金", "表示されない", "ポイント 還元", "能登 地震 支援", "予約 キャンセル", "ノートパソコン 10万円以下", "「東京」 ラーメン", "(´・ω・｀)", "Ｃ＃ 入門", "=VLOOKUP(A2,B:C,2,FALSE)", "ドラえもん のび太"],
        "recipes": ["肉じゃが", "親子丼", "だし巻き卵", "鶏の唐揚げ", "味噌汁"],
    },
    "ko": {
        "search": ["노트북 추천", "ㅋㅋㅋ", "아이폰 16 케이스", "김치찌개 레시피", "똠양꿍", "ㅠㅠ 환불", "갤럭시 S25 \"자급제\"", "C# 강의", "오늘 날씨"],
        "board": ["중고 자전거 팝니다", "똠방각하", "로드바이크 입문 질문", "핸들바 교체 후기"],
    },
    "ru": {
        "search": ["купить диван", "Пушкин «Евгений Онегин»", "ремонт стиральной машины", "д’Артаньян", "рассада помидоров", "теплица из поликарбоната 3х6", "ёлка искусственная", "ООО \"Ромашка\""],
        "slugs": ["kak-uteplit-teplitsu-na-zimu", "pochemu-zhelteyut-listya-u-ogurtsov"],
    },
    "el": {"search": ["άδεια οδήγησης", "ΑΦΜ", "καιρός Αθήνα", "δημοτικά τέλη", "βεβαίωση μόνιμης κατοικίας"]},
    "vi": {"search": ["điện thoại giá rẻ", "áo dài", "phở bò", "tai nghe bluetooth", "nồi cơm điện", "sạc dự phòng 20000mAh", "giày thể thao nữ"]},
    "cs": {"search": ["jízdní řády", "počasí Brno", "úřední deska", "svoz odpadu", "žádost o občanský průkaz", "řidičský průkaz"]},
    "pl": {"search": ["żółć", "mieszkanie Łódź", "szczupak na spinning", "wędka karpiowa", "przynęta \"gumka\""]},
    "fr": {"search": ["crème brûlée", "d'Artagnan", "bœuf bourguignon", "galette des rois", "île flottante", "pâte à crêpes"]},
    "tr": {"search": ["İstanbul hava durumu", "şarkı sözleri", "Barış Manço - Dönence", "ılık", "Sezen Aksu \"Gülümse\""]},
    "vi_nfd": ["phở bò", "bánh mì", "cà phê sữa đá"],
}

# innocent odd things people type in search boxes, with the language they are in
ODD = [
    ("en", "O'Brien"), ("en", "d'Artagnan"), ("fr", "L'Oréal shampooing"), ("en", "Côte d'Ivoire visa"), ("en", "Hawaiʻi"),
    ("en", "N'Djamena weather"), ("en", "rock 'n' roll"), ("en", "McDonald's menu prices"), ("en", "Ngũgĩ wa Thiong'o"),
    ("de", "„Faust“ Zusammenfassung"), ("de", "»Der Prozess« Kafka"), ("ru", "«Война и мир»"), ("ja", "『吾輩は猫である』"),
    ("en", "¯\\_(ツ)_/¯"), ("en", "(╯°□°）╯︵ ┻━┻"), ("ja", "(´・ω・｀)"), ("en", "<3"), ("en", ":-)"), ("ja", "^_^"),
    ("en", "T_T"), ("ko", "ㅠㅠ"), ("en", "😂😂"), ("ja", "🇯🇵 旗"), ("zh", "（＾∀＾●）ﾉｼ"),
    ("en", "x^2 + 5x + 6 = 0"), ("en", "∫ x·e^x dx"), ("en", "sqrt(2)*sqrt(8)"), ("en", "1/3 + 1/6"), ("en", "5! = 120"),
    ("en", "|x| < 3"), ("en", "2 > 1"), ("en", "a² + b² = c²"), ("en", "log_2(1024)"), ("en", "sin(30°)"), ("en", "10% of 250"),
    ("en", "H2SO4 + NaOH"), ("en", "C6H12O6"), ("en", "CH3-CH2-OH"), ("en", "Fe2(SO4)3 molar mass"), ("en", "[Cu(NH3)4]SO4"),
    ("en", "H₂O₂"), ("en", "NaCl (aq)"), ("en", "CO2 ⇌ H2CO3"),
    ("en", "C#m7b5"), ("en", "Bb/D chord"), ("en", "Am7(9)"), ("en", "| C | G | Am | F |"), ("en", "F#"), ("en", "x32010"),
    ("en", "E-A-D-G-B-E tuning"), ("en", "♩= 120"), ("en", "Cmaj7#11"),
    ("zh", "#include <stdio.h>"), ("en", "=VLOOKUP(A2,B:C,2,FALSE)"), ("de", "=SVERWEIS(A2;B:C;2;FALSCH)"),
    ("ja", "<br> 改行 されない"), ("en", "if (a == b)"), ("en", "C++ vector"), ("en", "50% off"), ("en", "Tom & Jerry"),
    ("en", "AT&T"), ("en", "R&B"), ("en", "24/7"), ("en", "1+1"), ("es", "¿Qué es?"), ("es", "año 2025"), ("de", "Müller & Söhne"),
    ("en", "\"exact phrase\""), ("en", "-minus +plus"), ("en", "C:\\Users\\Documents"), ("en", "10/12/2025"), ("en", "#hashtag"),
    ("en", "what's 2+2?"), ("en", "A* algorithm"), ("en", "100$"), ("en", "€50 → $"), ("ar", "تِلْمِيذ"), ("he", "ת\"א"),
]

# ------------------------------------------------------------------ site catalogue
S = {}


def build_sites():
    T = TEXT
    S["ar-news"] = Site("www.sahat-alyawm.example", "ar", css=2, js=3, fonts=["NotoKufiArabic-Regular.woff2", "NotoKufiArabic-Bold.woff2"], img="/uploads/%s/%s.jpg",
                        page=lambda: "/ar/%s/%s/%s" % (pick(["economy", "sports", "local", "world"]), pseg(slugify(pick(T["ar"]["slugs"]))), digits(6)),
                        search=lambda q: "/ar/search?" + qs([("q", q)]), terms=T["ar"]["search"])
    S["ar-vb"] = Site("www.muntada-arab.example", "ar", enc="windows-1256", css=1, js=2, img="/vb/attachment.php?attachmentid=%.0s%s&d=1", fav_st=404, static="/vb/clientscript",
                      page=lambda: "/vb/showthread.php?t=%s" % digits(5),
                      search=lambda q: "/vb/search.php?do=process&query=%s&titleonly=1&showposts=0" % form(q, "windows-1256"), terms=T["ar"]["search"])
    S["he-yad"] = Site("www.lohot-yad.example", "he", css=1, js=3, fonts=["Heebo-Regular.woff2"], img="/pics/%s/%s.jpeg",
                       page=lambda: "/item/%s" % b64u(8).lower(), search=lambda q: "/products/search?" + qs([("q", q)]), terms=T["he"]["search"])
    S["fa-blog"] = Site("blog.ashpazi-ma.example", "fa", css=2, js=2, fonts=["Vazirmatn-Regular.woff2"], img="/wp-content/uploads/%s/%s.jpg", static="/wp-content/themes/sahar/assets",
                        page=lambda: "/" + pseg(slugify(pick(T["fa"]["slugs"]))) + "/", search=lambda q: "/?" + qs([("s", q)]), terms=T["fa"]["search"])
    S["hi-news"] = Site("hindi.samachar-desh.example", "hi", css=1, js=3, fonts=["NotoSansDevanagari-Regular.woff2"], img="/photo/%s/%s.jpg",
                        page=lambda: "/%s/news/%s-%s" % (pick(["national", "sports", "career", "astro"]), pseg(slugify(pick(T["hi"]["slugs"]))), digits(8)),
                        terms=T["hi"]["search"])
    S["th-board"] = Site("www.webboard-thai.example", "th", css=1, js=2, fonts=["Sarabun-Regular.woff2"], img="/images/%s/%s.png",
                         page=lambda: "/topic/%s" % digits(8), terms=T["th"]["search"])
    S["th-gov"] = Site("www.thetsaban-nakhon.example", "th", enc="tis-620", css=1, js=1, img="/images/news/%s/%s.jpg", fav_st=404,
                       page=lambda: "/news.php?id=%d" % R.randint(100, 3000),
                       search=lambda q: "/search.php?" + qs([("keyword", q), ("submit", "ค้นหา")], "tis-620"),
                       terms=["ภาษีที่ดิน", "เบี้ยยังชีพผู้สูงอายุ", "ประกาศจัดซื้อจัดจ้าง", "ขออนุญาตก่อสร้าง"])
    S["zh-discuz"] = Site("bbs.xiaoyuan-luntan.example", "zh", enc="gbk", css=1, js=2, img="/data/attachment/forum/%s/%s.jpg",
                          page=lambda: "/forum.php?mod=viewthread&tid=%s&extra=page%%3D1" % digits(6),
                          search=lambda q: "/search.php?mod=forum&searchid=%s&orderby=lastpost&ascdesc=desc&searchsubmit=yes&kw=%s" % (digits(4), form(q, "gbk")),
                          terms=T["zh"]["search"])
    S["zh-shop"] = Site("mall.tianfu-shop.example", "zh", enc="gb18030", css=1, js=2, img="/upload/goods/%s/%s.jpg",
                        page=lambda: "/goods.php?id=%s" % digits(5),
                        search=lambda q: "/search.php?" + qs([("keywords", q), ("category", "0"), ("brand", "0")], "gb18030"),
                        terms=["保温杯 🍵", "手机壳 ❤", "𠮷野家 优惠券", "儿童 自行车 16寸", "羽绒服 女 中长款", "茶叶 \"明前\" 龙井"])
    S["zh-qa"] = Site("www.zhidian-wenda.example", "zh", css=1, js=3, img="/img/%s/%s.png",
                      page=lambda: "/question/%s" % digits(9), search=lambda q: "/search?" + qs([("type", "content"), ("q", q)]), terms=T["zh"]["search"])
    S["tw-big5"] = Site("www.taiwan-ershou.example", "tw", enc="big5", css=1, js=1, img="/upfile/%s/%s.jpg", fav_st=404,
                        page=lambda: "/item.asp?id=%s" % digits(6),
                        search=lambda q: "/search.asp?" + qs([("keyword", q), ("cat", str(R.randint(0, 12))), ("page", "1")], "big5"), terms=T["tw"]["search"])
    S["ja-kakaku"] = Site("kakaku-hikaku.example", "ja", enc="shift_jis", css=2, js=2, img="/images/productimage/%s/%s.jpg",
                          page=lambda: "/item/K%s/" % digits(10), search=lambda q: "/search_results/%s/" % pseg(q, "shift_jis"),
                          terms=T["ja"]["search"][:7] + ["ソニー α7 IV", "ダイソン 掃除機", "能率手帳 2026"])
    S["ja-euc"] = Site("auction.furuhon-ichi.example", "ja", enc="euc-jp", css=1, js=1, img="/img/item/%s/%s.jpg", fav_st=404,
                       page=lambda: "/cgi-bin/item.cgi?id=%s" % digits(7),
                       search=lambda q: "/cgi-bin/search.cgi?" + qs([("mode", "search"), ("word", q), ("cat", "all"), ("sort", "end")], "euc-jp"),
                       terms=["中古 カメラ", "文庫本 まとめ売り", "夏目漱石 初版", "ポケモンカード 旧裏", "表紙 傷あり"])
    S["ja-recipe"] = Site("recipe.okazu-note.example", "ja", css=1, js=3, img="/recipe_images/%s/%s.jpg",
                          page=lambda: "/recipe/%s" % digits(7), search=lambda q: "/search/" + pseg(q), terms=T["ja"]["recipes"] + ["鶏むね肉 ヘルシー", "卵 なし ケーキ"])
    S["ko-shop"] = Site("shop.haneul-mall.example", "ko", css=2, js=3, fonts=["Pretendard-Regular.woff2"], img="/goods/%s/%s.jpg",
                        page=lambda: "/vp/products/%s?itemId=%s&vendorItemId=%s" % (digits(10), digits(11), digits(11)),
                        search=lambda q: "/np/search?" + qs([("component", ""), ("q", q), ("channel", "user")]), terms=T["ko"]["search"])
    S["ko-zb"] = Site("www.jajeongeo-club.example", "ko", enc="euc-kr", css=1, js=1, img="/bbs/data/%s/%s.jpg", fav_st=404, static="/bbs/skin",
                      page=lambda: "/bbs/view.php?id=free&page=1&sn1=&divpage=1&sn=off&ss=on&sc=on&select_arrange=headnum&desc=asc&no=%s" % digits(4),
                      search=lambda q: "/bbs/zboard.php?id=free&page=1&sn1=&divpage=%d&sn=off&ss=on&sc=on&keyword=%s&select_arrange=headnum&desc=asc" % (R.randint(1, 9), form(q, "euc-kr")),
                      terms=T["ko"]["board"])
    S["ru-forum"] = Site("forum.dacha-sovety.example", "ru", enc="windows-1251", css=1, js=2, img="/files/%s/%s.jpg", static="/styles",
                         page=lambda: "/viewtopic.php?f=%d&t=%s" % (R.randint(2, 40), digits(5)),
                         search=lambda q: "/search.php?" + qs([("keywords", q), ("terms", "all"), ("author", ""), ("sc", "1"), ("sf", "all"), ("sr", "posts"), ("sk", "t"), ("sd", "d"), ("st", "0"), ("ch", "300"), ("t", "0"), ("submit", "Поиск")], "windows-1251"),
                         terms=T["ru"]["search"])
    S["ru-idn"] = Site(puny("цветы-доставка.рф"), "ru", css=2, js=3, fonts=["Montserrat-Regular.woff2"], img="/upload/iblock/%s/%s.jpg", static="/local/templates/main",
                       page=lambda: "/product/%s/" % digits(5), search=lambda q: "/search/?" + qs([("q", q)]),
                       terms=["розы 51 шт", "букет \"Нежность\"", "ромашки", "доставка сегодня", "ёлка"])
    S["ru-news"] = Site("news.gorod-online.example", "ru", css=1, js=3, img="/media/%s/%s.webp",
                        page=lambda: "/news/%s/%s-%s" % (pick(["gorod", "transport", "zhkh"]), pick(T["ru"]["slugs"]), digits(6)),
                        search=lambda q: "/search/?" + qs([("text", q)]), terms=T["ru"]["search"])
    S["el-dimos"] = Site("www.dimos-portal.example", "el", enc="iso-8859-7", css=1, js=1, img="/images/%s/%s.jpg",
                         page=lambda: "/portal/page.php?id=%d&lang=el" % R.randint(10, 900),
                         search=lambda q: "/portal/search.php?" + qs([("q", q), ("lang", "el")], "iso-8859-7"), terms=T["el"]["search"])
    S["vi-shop"] = Site("www.cho-dien-tu.example", "vi", css=2, js=3, img="/media/catalog/product/%s/%s.jpg",
                        page=lambda: "/%s-%s.html" % (pseg(slugify(pick(T["vi"]["search"]).lower())), digits(5)),
                        search=lambda q: "/catalogsearch/result/?" + qs([("q", q)]), terms=T["vi"]["search"])
    S["cs-obec"] = Site("www.obec-nova-ves.example", "cs", enc="iso-8859-2", css=1, js=1, img="/galerie/%s/%s.jpg", fav_st=404,
                        page=lambda: "/index.php?nid=%d&lid=cs&oid=%s" % (R.randint(1000, 9999), digits(6)),
                        search=lambda q: "/hledani.php?" + qs([("hledej", q), ("nid", str(R.randint(1000, 9999)))], "iso-8859-2"), terms=T["cs"]["search"])
    S["pl-forum"] = Site("forum.wedkarze-razem.example", "pl", enc="windows-1250", css=1, js=1, img="/images/%s/%s.jpg",
                         page=lambda: "/viewtopic.php?t=%s" % digits(5),
                         search=lambda q: "/search.php?" + qs([("search_keywords", q), ("search_terms", "all"), ("show_results", "topics")], "windows-1250"),
                         terms=T["pl"]["search"])
    S["fr-recettes"] = Site("www.recettes-de-mamie.example", "fr", enc="iso-8859-1", css=1, js=1, img="/photos/%s/%s.jpg",
                            page=lambda: "/recette.php?id=%d" % R.randint(100, 3000),
                            search=lambda q: "/recherche.php?" + qs([("mots", q), ("type", "tout")], "iso-8859-1"), terms=T["fr"]["search"])
    S["de-idn"] = Site(puny("www.müller-bäckerei.example"), "de", css=1, js=1, img="/bilder/%s/%s.jpg",
                       page=lambda: "/" + pseg(pick(["brötchen-und-gebäck", "torten", "über-uns", "filialen", "öffnungszeiten"])) + "/",
                       search=lambda q: "/suche?" + qs([("q", q)]), terms=["Müller & Söhne", "Stollen „Dresdner Art“", "Laugenbrezel", "glutenfrei"])
    S["tr-sarki"] = Site("www.sarki-defteri.example", "tr", enc="iso-8859-9", css=1, js=1, img="/resim/%s/%s.jpg",
                         page=lambda: "/sarki.php?id=%d" % R.randint(1000, 90000),
                         search=lambda q: "/ara.php?" + qs([("kelime", q), ("tur", "sarki")], "iso-8859-9"), terms=T["tr"]["search"])
    S["shop"] = Site("store.globalkart.example", "en", css=2, js=4, fonts=["Inter-Var.woff2"], img="/cdn/shop/products/%s/%s.jpg",
                     page=lambda: "/products/%s" % pick(["linen-shirt", "ceramic-mug-set", "running-shoes", "wireless-earbuds", "yoga-mat", "leather-wallet"]),
                     search=lambda q: "/search?" + qs([("q", q), ("options[prefix]", "last")]), terms=["mug", "kid's shoes", "t-shirt 100% cotton"])
    S["classi-br"] = Site("www.anuncios-br.example", "pt", css=1, js=3, img="/fotos/%s/%s.jpg",
                          page=lambda: "/anuncio/%s" % digits(9), search=lambda q: "/brasil?" + qs([("q", q)]),
                          terms=["geladeira frente inversa", "iPhone 13 128gb", "bicicleta aro 29", "sofá 3 lugares", "apê 2 quartos", "máquina de lavar 11kg"])
    S["classi-ua"] = Site("www.oholoshennia.example", "ru", css=1, js=3, img="/photos/%s/%s.jpg",
                          page=lambda: "/uk/obyavlenie/%s-ID%s.html" % (pick(["velosyped-dytiachyi", "iphone-13-128", "heneratr-5-kvt"]), alnum(5)),
                          search=lambda q: "/uk/list/q-%s/" % pseg("-".join(q.split())),
                          terms=["велосипед дитячий", "iPhone 13 вживаний", "квартира подобово", "генератор 5 кВт", "шини R16"])
    S["classi-ng"] = Site("www.jiji-market.example", "ng", css=1, js=2, img="/listing/%s/%s.jpg",
                          page=lambda: "/%s/%s/%s-%s.html" % (pick(["lagos", "abuja", "ibadan"]), pick(["mobile-phones", "generators", "cars", "laptops"]), pick(["tecno-camon-20", "itel-a70", "toyota-corolla-2012", "hp-elitebook"]), alnum(12)),
                          search=lambda q: "/search?" + qs([("query", q)]),
                          terms=["tecno camon 20", "generator 3.5kva", "2 bedroom flat lekki", "used tokunbo corolla", "hp laptop 8gb", "waec result checker"])
    S["xf"] = Site("forum.pinoy-techtalk.example", "en", css=1, js=2, img="/data/attachments/%s/%s.jpg", static="/styles/default",
                   page=lambda: "/threads/%s.%s/" % (pick(["best-budget-phone-under-15k", "pldt-fiber-slow-at-night", "gcash-verification-stuck", "laptop-for-nursing-student"]), digits(6)),
                   search=lambda q: "/search/%s/?q=%s&o=relevance" % (digits(7), form(q)),
                   terms=["globe \"unli\" data", "can't login gcash :(", "redmi note 13 vs poco x6", "meralco bill ₱", "harga hp"])
    S["phpbb-vi"] = Site("www.dien-dan-xe.example", "vi", css=1, js=1, img="/download/file.php?id=%.0s%s", static="/styles/prosilver",
                         page=lambda: "/viewtopic.php?f=%d&t=%s" % (R.randint(2, 30), digits(5)),
                         search=lambda q: "/search.php?" + qs([("keywords", q), ("terms", "all"), ("sr", "topics")]),
                         terms=["thay nhớt xe Vision", "lốp Michelin 90/90-14", "đèn LED \"trợ sáng\"", "bugi NGK"])
    S["wiki-de"] = Site("www.wiki-lexikon.example", "de", css=1, js=2, img="/media/%s/%s.png",
                        page=lambda: "/wiki/" + pseg(pick(["Johann_Wolfgang_von_Goethe", "Schwefelsäure", "Quinte", "Ängström"])),
                        search=lambda q: "/w/index.php?" + qs([("search", q), ("title", "Spezial:Suche"), ("go", "Artikel")]), terms=["Goethe"])
    S["game-wiki"] = Site("www.game-wiki-jp.example", "ja", css=1, js=2, img="/w/images/%s/%s.png",
                          page=lambda: "/wiki/" + pseg(pick(["ゼルダの伝説", "Pokémon", "Mario_Kart_8", "ドラゴンクエスト"])),
                          terms=["ゼルダ 祠 攻略", "ポケモン 色違い 確率", "mario kart 8 atalhos", "elden ring \"boss\" order"])
    S["gutenberg"] = Site("www.gutenberg-lesen.example", "de", css=1, js=0, img="/cache/epub/%s/%s.jpg",
                          page=lambda: "/ebooks/%d" % R.randint(100, 70000), search=lambda q: "/ebooks/search/?" + qs([("query", q)]),
                          terms=["Goethe „Faust“", "d'Artagnan", "羅生門", "Jules Verne", "Dostojewski"])


# ------------------------------------------------------------------ arrivals
GOOGLE = {"ar": "https://www.google.com.eg/", "he": "https://www.google.co.il/", "fa": "https://www.google.com/", "hi": "https://www.google.co.in/",
          "th": "https://www.google.co.th/", "tw": "https://www.google.com.tw/", "ja": "https://www.google.co.jp/", "ko": "https://www.google.co.kr/",
          "ru": "https://www.google.ru/", "el": "https://www.google.gr/", "vi": "https://www.google.com.vn/", "cs": "https://www.google.cz/",
          "pl": "https://www.google.pl/", "fr": "https://www.google.fr/", "tr": "https://www.google.com.tr/", "pt": "https://www.google.com.br/",
          "es": "https://www.google.com.mx/", "id": "https://www.google.co.id/", "ng": "https://www.google.com.ng/", "de": "https://www.google.de/"}


def ref_google(p):
    return GOOGLE.get(p.region, "https://www.google.com/")


def ref_baidu(p, q):
    if p.uakey in ("mqq-android", "huawei", "baidu-app", "wechat-android", "wechat-ios"):
        return "https://m.baidu.com/"
    return "https://www.baidu.com/link?url=%s&wd=&eqid=%s" % (b64u(R.randint(50, 90)), hexs(32))


def ref_yandex(p, q):
    return pick(["https://yandex.ru/", "https://ya.ru/", "https://yandex.ru/"])


def ref_naver(p, q):
    if p.uakey in ("chrome-win", "whale-win", "edge-win"):
        return "https://search.naver.com/search.naver?where=nexearch&sm=top_hty&fbm=0&ie=utf8&query=" + form(q)
    return "https://m.search.naver.com/search.naver?sm=mtp_hty.top&where=m&query=" + form(q)


def ref_daum(p, q):
    return "https://search.daum.net/search?w=tot&DA=YZR&t__nil_searchbox=btn&sug=&sugo=&sq=&o=&q=" + form(q)


def ref_yahoojp(p, q):
    full = "https://search.yahoo.co.jp/search?p=%s&fr=top_ga1_sa&ei=UTF-8&ts=%s&aq=-1&oq=&at=&ai=%s" % (form(q), digits(4), b64u(22))
    return xref(p, full)


def ref_seznam(p, q):
    full = "https://search.seznam.cz/?q=%s&oq=%s&aq=-1&sourceid=szn-HP&ks=7&ms=%s&ut=&utm_content=&utm_term=" % (form(q), form(q), digits(3))
    return xref(p, full)


def ref_bing(p):
    return "https://www.bing.com/"


def ref_social(p):
    k = p.uakey
    if k.startswith("fb") or k.startswith("messenger"):
        return pick(["https://m.facebook.com/", "https://l.facebook.com/", "https://lm.facebook.com/"])
    if k.startswith("ig"):
        return "https://l.instagram.com/"
    if k.startswith("tiktok"):
        return NONE
    if k.startswith("line") or k.startswith("kakao") or k.startswith("telegram") or k.startswith("wechat"):
        return NONE
    if k.startswith("snap"):
        return NONE
    return NONE


def fbclid():
    return "IwZXh0bgNhZW0CMTEAAR" + b64u(R.randint(40, 70)) + "_aem_" + b64u(22)


# ------------------------------------------------------------------ scenarios
# Each takes a Src (one address) and fills it; returns nothing.

def new_person(src, region, pool=None, t=None):
    return Person(src, pick(pool or POOL[region]), region, t)


def sc_arabic_news(src):
    p = new_person(src, "ar")
    st = S["ar-news"]
    tx = TEXT["ar"]
    slug = pick(tx["slugs"])
    art = "/ar/%s/%s/%s" % (pick(["economy", "sports", "local", "world"]), pseg(slugify(slug)), digits(6))
    if chance(0.5):
        visit(p, st, art, ref=ref_google(p))
    else:
        visit(p, st, art + "?fbclid=" + fbclid(), ref=ref_social(p))
    p.note("read %s" % slug)
    for _ in range(R.randint(0, 2)):
        q = pick(tx["search"])
        submit_get(p, st, "/ar/search?" + qs([("q", q)]), imgs=(2, 6))
        p.note("searched %r" % q)
        if chance(0.6):
            click(p, st, "/ar/%s/%s/%s" % (pick(["local", "world"]), pseg(slugify(pick(tx["slugs"]))), digits(6)))
    if chance(0.5):
        click(p, st, "/ar/tag/" + pseg(pick(tx["tags"])), imgs=(3, 6))


def sc_arabic_vb(src):
    """An old vBulletin 3 forum in windows-1256."""
    p = new_person(src, "ar", ["chrome-win", "ie11-win7", "android7-chrome", "chrome-android"])
    st = S["ar-vb"]
    t = digits(5)
    visit(p, st, "/vb/showthread.php?t=%s" % t, ref=ref_google(p), imgs=(1, 3))
    if chance(0.6):
        click(p, st, "/vb/showthread.php?t=%s&page=%d" % (t, R.randint(2, 9)), imgs=(0, 2))
    q = pick(TEXT["ar"]["search"])
    p.wait(10, 60)
    emit(p, "POST", "/vb/search.php?do=process", 303, 0, p.last[1])
    sid = digits(6)
    visit(p, st, "/vb/search.php?searchid=%s" % sid, ref=p.last[1], imgs=(0, 1))
    p.note("vB search %r (windows-1256 form, POST)" % q)
    click(p, st, "/vb/search.php?do=process&query=%s&titleonly=1&showposts=0" % form(q, "windows-1256"), imgs=(0, 1))
    p.note("vB quick search link %r in windows-1256" % q)


def sc_hebrew_classifieds(src):
    p = new_person(src, "he")
    st = S["he-yad"]
    tx = TEXT["he"]
    visit(p, st, "/", ref=pick([ref_google(p), NONE]))
    city = pick(tx["cities"])
    click(p, st, "/realestate/rent?" + qs([("city", city), ("rooms", "%d-%d" % (R.randint(2, 3), R.randint(3, 5))), ("price", "%d-%d" % (R.randint(3, 5) * 1000, R.randint(6, 9) * 1000))]), imgs=(4, 9))
    p.note("rent search in %s" % city)
    for _ in range(R.randint(1, 2)):
        q = pick(tx["search"])
        click(p, st, "/products/search?" + qs([("q", q)]), imgs=(3, 8), xhr=["/api/autocomplete?q=" + euri(q[:3])])
        p.note("searched %r" % q)
    if chance(0.6):
        item = b64u(8).lower()
        click(p, st, "/item/%s" % item, imgs=(3, 7))
        emit(p, "GET", "/api/item/%s/phone" % item, 200, R.randint(80, 200), p.last[1], dt=R.uniform(8, 40))


def sc_persian_blog(src):
    p = new_person(src, "fa")
    st = S["fa-blog"]
    tx = TEXT["fa"]
    slug = pick(tx["slugs"])
    visit(p, st, "/" + pseg(slugify(slug)) + "/", ref=ref_google(p))
    p.note("read %s" % slug)
    if chance(0.7):
        q = pick(tx["search"])
        submit_get(p, st, "/?" + qs([("s", q)]), imgs=(2, 6))
        p.note("WordPress search %r" % q)
    if chance(0.5):
        click(p, st, "/category/" + pseg(slugify(pick(tx["cats"]))) + "/", imgs=(3, 6))
    if chance(0.4):
        click(p, st, "/category/" + pseg(slugify(pick(tx["cats"]))) + "/page/2/", imgs=(3, 6))


def sc_hindi_news(src):
    p = new_person(src, "hi")
    st = S["hi-news"]
    tx = TEXT["hi"]
    slug = pick(tx["slugs"])
    ref = ref_google(p) if chance(0.6) else NONE
    visit(p, st, "/%s/news/%s-%s" % (pick(["national", "sports", "career", "astro"]), pseg(slugify(slug)), digits(8)), ref=ref)
    p.note("read %s" % slug)
    for _ in range(R.randint(1, 2)):
        q = pick(tx["search"])
        click(p, st, "/search?" + qs([("q", q)]), imgs=(2, 5))
        p.note("searched %r" % q)
    if chance(0.5):
        mid = digits(6)
        click(p, st, "/live-score/%s" % mid, imgs=(1, 2), xhr=["/api/score/%s.json?_=%s" % (mid, digits(13))])


def sc_thai_board(src):
    p = new_person(src, "th")
    st = S["th-board"]
    tx = TEXT["th"]
    topic = digits(8)
    ref = NONE if p.uakey.startswith(("line", "tiktok")) else ref_google(p)
    visit(p, st, "/topic/%s" % topic, ref=ref, xhr=["/forum/topic/render_comments?tid=%s&param=&type=3&time=%s" % (topic, digits(10))])
    tag = pick(tx["tags"])
    click(p, st, "/tag/" + pseg(tag), imgs=(3, 7))
    p.note("tag %s" % tag)
    q = pick(tx["search"])
    click(p, st, "/search?" + qs([("q", q)]), imgs=(2, 6))
    p.note("searched %r" % q)


def sc_thai_gov(src):
    """An old municipal site in TIS-620 (windows-874)."""
    p = new_person(src, "th", ["ie11-win7", "chrome-win", "android7-chrome", "chrome-android"])
    st = S["th-gov"]
    visit(p, st, "/index.php", ref=ref_google(p))
    click(p, st, "/news.php?cat=2&page=%d" % R.randint(1, 3), imgs=(2, 5))
    q = pick(["ภาษีที่ดิน", "เบี้ยยังชีพผู้สูงอายุ", "ประกาศจัดซื้อจัดจ้าง", "ขออนุญาตก่อสร้าง"])
    click(p, st, "/search.php?" + qs([("keyword", q), ("submit", "ค้นหา")], "tis-620"), imgs=(0, 2))
    p.note("searched %r (TIS-620 form)" % q)
    if chance(0.6):
        click(p, st, "/download/%s.pdf" % pick(["form_tax_2568", "elderly_allowance", "kor_1"]), imgs=(0, 0), assets=False, size=R.randint(80000, 900000))


def sc_chinese_discuz(src):
    """A GBK Discuz! X forum."""
    p = new_person(src, "zh")
    st = S["zh-discuz"]
    tx = TEXT["zh"]
    fid = R.randint(2, 60)
    if chance(0.5):
        visit(p, st, "/forum.php?mod=viewthread&tid=%s&extra=page%%3D1" % digits(6), ref=ref_baidu(p, ""))
    else:
        visit(p, st, "/forum.php?mod=forumdisplay&fid=%d" % fid, ref=NONE)
    click(p, st, "/forum.php?mod=forumdisplay&fid=%d&filter=typeid&typeid=%d" % (fid, R.randint(1, 30)), imgs=(0, 2))
    tid = digits(6)
    click(p, st, "/forum.php?mod=viewthread&tid=%s&extra=page%%3D1%%26filter%%3Dtypeid%%26typeid%%3D%d" % (tid, R.randint(1, 30)), imgs=(1, 4))
    p.note("thread %s" % pick(tx["threads"]))
    q = pick(tx["search"])
    fh = hexs(8)
    click(p, st, st.search(q), imgs=(0, 1))
    p.note("Discuz search %r in GBK" % q)
    if chance(0.4):
        click(p, st, "/home.php?mod=space&uid=%s&do=thread&view=me&from=space" % digits(6), imgs=(0, 1))
    if chance(0.3):
        emit(p, "GET", "/misc.php?mod=seccode&action=update&idhash=cSA%s&%s&modid=forum::viewthread" % (alnum(5), "0.%s" % digits(16)), 200, R.randint(400, 900), p.last[1], dt=3)
        emit(p, "GET", "/forum.php?mod=ajax&action=checkpostrule&ac=reply&inajax=yes&formhash=%s" % fh, 200, R.randint(100, 400), p.last[1], dt=1)


def sc_chinese_shop(src):
    """A shop whose pages declare gb18030 (emoji and rare characters as 4-byte sequences)."""
    p = new_person(src, "zh")
    st = S["zh-shop"]
    visit(p, st, "/", ref=ref_baidu(p, ""))
    q = pick(["保温杯 🍵", "手机壳 ❤", "𠮷野家 优惠券", "儿童 自行车 16寸", "羽绒服 女 中长款", "茶叶 \"明前\" 龙井"])
    click(p, st, "/search.php?" + qs([("keywords", q), ("category", "0"), ("brand", "0")], "gb18030"), imgs=(4, 9))
    p.note("searched %r (gb18030 form)" % q)
    gid = digits(5)
    click(p, st, "/goods.php?id=%s" % gid, imgs=(3, 6))
    if chance(0.5):
        p.wait(5, 40)
        emit(p, "POST", "/flow.php?step=add_to_cart", 200, R.randint(200, 600), p.last[1])
        click(p, st, "/flow.php?step=cart", imgs=(1, 2))


def sc_chinese_qa(src):
    p = new_person(src, "zh")
    st = S["zh-qa"]
    tx = TEXT["zh"]
    q = pick(tx["search"])
    visit(p, st, "/question/%s" % digits(9), ref=ref_baidu(p, q))
    click(p, st, "/search?" + qs([("type", "content"), ("q", q)]), imgs=(1, 3), xhr=["/api/v4/search/suggest?q=" + euri(q)])
    p.note("searched %r" % q)
    click(p, st, "/question/%s/answer/%s" % (digits(9), digits(10)), imgs=(1, 3))


def sc_taiwan_big5(src):
    """A Big5 second-hand/forum site: 許 功 蓋 end in byte 0x5C."""
    p = new_person(src, "tw")
    st = S["tw-big5"]
    visit(p, st, "/index.asp", ref=ref_google(p))
    for _ in range(R.randint(1, 2)):
        q = TEXT["tw"]["search"][(src.idx * 2 + _) % len(TEXT["tw"]["search"])]
        click(p, st, "/search.asp?" + qs([("keyword", q), ("cat", str(R.randint(0, 12))), ("page", "1")], "big5"), imgs=(2, 6))
        p.note("searched %r (Big5)" % q)
    click(p, st, "/item.asp?id=%s" % digits(6), imgs=(2, 5))
    if chance(0.4):
        click(p, st, "/board/list.asp?bid=%d&page=%d" % (R.randint(1, 20), R.randint(1, 4)), imgs=(0, 2))


def sc_japanese_kakaku(src):
    """A Shift_JIS price-comparison site; the keyword also lands in the path."""
    p = new_person(src, "ja")
    st = S["ja-kakaku"]
    visit(p, st, "/", ref=NONE if chance(0.4) else ref_yahoojp(p, "価格比較"))
    q = cyc(src, st.terms)
    click(p, st, "/search_results/%s/" % pseg(q, "shift_jis"), imgs=(5, 10))
    p.note("search %r (Shift_JIS in the path)" % q)
    click(p, st, "/search_results/%s/?sort=popular&%s" % (pseg(q, "shift_jis"), qs([("act", "Input"), ("lid", "pc_ksearch_searchbutton_top"), ("query", q)], "shift_jis")), imgs=(4, 8))
    click(p, st, "/item/K%s/" % digits(10), imgs=(3, 6))
    if chance(0.4):
        click(p, st, "/item/K%s/spec/" % digits(10), imgs=(0, 2))


def sc_japanese_euc(src):
    p = new_person(src, "ja", ["chrome-win", "ie11-win10", "safari-mac", "edge-win"])
    st = S["ja-euc"]
    visit(p, st, "/", ref=ref_google(p))
    q = pick(["中古 カメラ", "文庫本 まとめ売り", "夏目漱石 初版", "ポケモンカード 旧裏", "表紙 傷あり"])
    click(p, st, "/cgi-bin/search.cgi?" + qs([("mode", "search"), ("word", q), ("cat", "all"), ("sort", "end")], "euc-jp"), imgs=(4, 9))
    p.note("searched %r (EUC-JP)" % q)
    click(p, st, "/cgi-bin/item.cgi?id=%s" % digits(7), imgs=(2, 4))


def sc_yahoo_japan_arrival(src):
    p = new_person(src, "ja")
    st = S["ja-recipe"]
    r = pick(TEXT["ja"]["recipes"])
    visit(p, st, "/recipe/%s" % digits(7), ref=ref_yahoojp(p, r + " レシピ 簡単"))
    p.note("from Yahoo! JAPAN for %s" % r)
    click(p, st, "/search/" + pseg(r), imgs=(4, 8))
    if chance(0.6):
        q = pick(["鶏むね肉 ヘルシー", "卵 なし ケーキ", "作り置き \"お弁当\"", "(´・ω・｀) 失敗しない"])
        click(p, st, "/search/" + pseg(q) + "?order=popular", imgs=(3, 6))
        p.note("recipe search %r" % q)
    click(p, st, "/recipe/%s" % digits(7), imgs=(2, 5))


def sc_korean_shop(src):
    p = new_person(src, "ko")
    st = S["ko-shop"]
    q = pick(TEXT["ko"]["search"])
    if chance(0.7):
        visit(p, st, "/np/search?" + qs([("component", ""), ("q", q), ("channel", "user")]), ref=ref_naver(p, q) if chance(0.7) else ref_daum(p, q))
    else:
        visit(p, st, "/", ref=NONE)
        click(p, st, "/np/search?" + qs([("component", ""), ("q", q), ("channel", "user")]), imgs=(5, 10))
    p.note("searched %r" % q)
    pid = digits(10)
    click(p, st, "/vp/products/%s?itemId=%s&vendorItemId=%s" % (pid, digits(11), digits(11)), imgs=(4, 8))
    if chance(0.5):
        emit(p, "GET", "/vp/product/reviews?productId=%s&page=1&size=10&sortBy=ORDER_SCORE_ASC&ratings=&q=&viRoleCode=3&ratingSummary=true" % pid, 200, R.randint(9000, 40000), p.last[1], dt=R.uniform(3, 20))


def sc_korean_zeroboard(src):
    """A Zeroboard board in EUC-KR (the browser encodes with windows-949)."""
    p = new_person(src, "ko", ["ie11-win7-net", "chrome-win", "whale-win", "samsung"])
    st = S["ko-zb"]
    visit(p, st, "/bbs/zboard.php?id=free", ref=ref_naver(p, "자전거 동호회"))
    q = pick(TEXT["ko"]["board"])
    click(p, st, "/bbs/zboard.php?id=free&page=1&sn1=&divpage=%d&sn=off&ss=on&sc=on&keyword=%s&select_arrange=headnum&desc=asc" % (R.randint(1, 9), form(q, "euc-kr")), imgs=(0, 2))
    p.note("board search %r (EUC-KR/windows-949)" % q)
    click(p, st, "/bbs/view.php?id=free&page=1&sn1=&divpage=1&sn=off&ss=on&sc=on&keyword=%s&select_arrange=headnum&desc=asc&no=%s" % (form(q, "euc-kr"), digits(4)), imgs=(1, 3))


def sc_russian_forum(src):
    """A phpBB forum in windows-1251."""
    p = new_person(src, "ru")
    st = S["ru-forum"]
    visit(p, st, "/viewtopic.php?f=%d&t=%s" % (R.randint(2, 40), digits(5)), ref=ref_yandex(p, ""))
    q = pick(TEXT["ru"]["search"])
    click(p, st, "/search.php?" + qs([("keywords", q), ("terms", "all"), ("author", ""), ("sc", "1"), ("sf", "all"), ("sr", "posts"), ("sk", "t"), ("sd", "d"), ("st", "0"), ("ch", "300"), ("t", "0"), ("submit", "Поиск")], "windows-1251"), imgs=(0, 1))
    p.note("phpBB search %r (windows-1251)" % q)
    click(p, st, "/viewtopic.php?f=%d&t=%s&hilit=%s" % (R.randint(2, 40), digits(5), form(q.split()[0], "windows-1251")), imgs=(0, 3))
    if chance(0.3):
        click(p, st, "/viewtopic.php?f=%d&t=%s&start=%d" % (R.randint(2, 40), digits(5), 15 * R.randint(1, 8)), imgs=(0, 3))


def sc_yandex_arrival(src):
    p = new_person(src, "ru")
    st = S["ru-news"]
    visit(p, st, "/news/%s/%s-%s" % (pick(["gorod", "transport", "zhkh"]), pick(TEXT["ru"]["slugs"]), digits(6)), ref=ref_yandex(p, ""))
    q = pick(TEXT["ru"]["search"])
    click(p, st, "/search/?" + qs([("text", q)]), imgs=(2, 5))
    p.note("searched %r" % q)
    click(p, st, "/news/%s/%s/" % (pick(["kultura", "sport"]), digits(6)), imgs=(1, 4))


def sc_idn_shop(src):
    p = new_person(src, "ru")
    st = S["ru-idn"]
    ref = pick([ref_yandex(p, ""), "https://" + puny("поиск.рф") + "/", ref_google(p)])
    visit(p, st, "/catalog/" + pseg(pick(["розы", "букеты", "тюльпаны"])) + "/", ref=ref)
    q = pick(["розы 51 шт", "букет \"Нежность\"", "ромашки", "доставка сегодня", "ёлка"])
    click(p, st, "/search/?" + qs([("q", q)]), imgs=(4, 8))
    p.note("IDN shop %s, search %r" % (st.host, q))
    click(p, st, "/product/%s/" % digits(5), imgs=(2, 5))
    if chance(0.5):
        p.wait(10, 60)
        emit(p, "POST", "/local/ajax/basket.php", 200, R.randint(300, 1200), p.last[1])
        click(p, st, "/personal/cart/?currency=RUB", imgs=(0, 1))


def sc_idn_bakery(src):
    p = new_person(src, "de")
    st = S["de-idn"]
    visit(p, st, "/", ref=pick([ref_google(p), "https://www.ecosia.org/", NONE]))
    click(p, st, "/" + pseg("brötchen-und-gebäck") + "/", imgs=(3, 6))
    q = pick(["Müller & Söhne", "Stollen „Dresdner Art“", "Laugenbrezel", "glutenfrei"])
    click(p, st, "/suche?" + qs([("q", q)]), imgs=(1, 4))
    p.note("IDN bakery %s, search %r" % (st.host, q))


def sc_greek_portal(src):
    p = new_person(src, "el")
    st = S["el-dimos"]
    visit(p, st, "/portal/index.php", ref=ref_google(p))
    q = pick(TEXT["el"]["search"])
    click(p, st, "/portal/search.php?" + qs([("q", q), ("lang", "el")], "iso-8859-7"), imgs=(0, 2))
    p.note("searched %r (ISO-8859-7)" % q)
    click(p, st, "/portal/page.php?id=%d&lang=el" % R.randint(10, 900), imgs=(0, 3))
    if chance(0.5):
        click(p, st, "/portal/files/%s.pdf" % pick(["aitisi_vevaiosis", "dimotika_teli_2025"]), assets=False, imgs=(0, 0), size=R.randint(60000, 400000))


def sc_vietnamese_shop(src):
    p = new_person(src, "vi")
    st = S["vi-shop"]
    q = pick(TEXT["vi"]["search"])
    if p.uakey.startswith("fb"):
        visit(p, st, "/%s.html?utm_source=facebook&utm_medium=social&fbclid=%s" % (pseg(slugify(q.lower())), fbclid()), ref=ref_social(p))
    else:
        visit(p, st, "/", ref=ref_google(p))
    nfd = src.idx % 3 == 0
    qq = unicodedata.normalize("NFD", q) if nfd else q
    click(p, st, "/catalogsearch/result/?" + qs([("q", qq)]), imgs=(5, 10))
    p.note("searched %r%s" % (q, " (typed decomposed, NFD)" if nfd else ""))
    click(p, st, "/catalogsearch/result/?" + qs([("q", qq)]) + "&price=%d-%d&product_list_order=price" % (R.randint(1, 5) * 100000, R.randint(6, 40) * 100000), imgs=(4, 8))
    click(p, st, "/%s-%s.html" % (pseg(slugify(q.lower())), digits(5)), imgs=(3, 6))


def sc_seznam_arrival(src):
    p = new_person(src, "cs")
    st = S["cs-obec"]
    q = pick(TEXT["cs"]["search"])
    visit(p, st, "/index.php?nid=%d&lid=cs&oid=%s" % (R.randint(1000, 9999), digits(6)), ref=ref_seznam(p, q))
    p.note("from Seznam for %r" % q)
    click(p, st, "/hledani.php?" + qs([("hledej", q), ("nid", str(R.randint(1000, 9999)))], "iso-8859-2"), imgs=(0, 2))
    click(p, st, "/index.php?nid=%d&lid=cs&oid=%s" % (R.randint(1000, 9999), digits(6)), imgs=(0, 3))


def sc_polish_forum(src):
    p = new_person(src, "pl")
    st = S["pl-forum"]
    visit(p, st, "/viewtopic.php?t=%s" % digits(5), ref=ref_google(p))
    q = pick(TEXT["pl"]["search"])
    click(p, st, "/search.php?" + qs([("search_keywords", q), ("search_terms", "all"), ("show_results", "topics")], "windows-1250"), imgs=(0, 1))
    p.note("searched %r (windows-1250)" % q)
    click(p, st, "/viewtopic.php?t=%s&highlight=%s" % (digits(5), form(q.split()[0], "windows-1250")), imgs=(0, 3))


def sc_french_latin1(src):
    p = new_person(src, "fr")
    st = S["fr-recettes"]
    visit(p, st, "/recette.php?id=%d" % R.randint(100, 3000), ref=ref_google(p))
    q = pick(TEXT["fr"]["search"])
    click(p, st, "/recherche.php?" + qs([("mots", q), ("type", "tout")], "iso-8859-1"), imgs=(1, 4))
    p.note("searched %r (ISO-8859-1 form)" % q)
    if chance(0.5):
        q2 = pick(["œufs à la neige", "tarte Tatin € pas cher", "crêpes Suzette"])
        click(p, st, "/recherche.php?" + qs([("mots", q2), ("type", "tout")], "iso-8859-1"), imgs=(1, 4))
        p.note("searched %r (œ and € via windows-1252)" % q2)
    click(p, st, "/recette.php?id=%d&imprimer=1" % R.randint(100, 3000), imgs=(0, 1))


def sc_turkish_latin5(src):
    p = new_person(src, "tr")
    st = S["tr-sarki"]
    visit(p, st, "/", ref=ref_google(p))
    q = pick(TEXT["tr"]["search"])
    click(p, st, "/ara.php?" + qs([("kelime", q), ("tur", "sarki")], "iso-8859-9"), imgs=(0, 2))
    p.note("searched %r (ISO-8859-9)" % q)
    click(p, st, "/sarki.php?id=%d" % R.randint(1000, 90000), imgs=(0, 2))


CURRENCIES = [("INR", "hi", "₹"), ("BRL", "pt", "R$"), ("JPY", "ja", "¥"), ("KRW", "ko", "₩"), ("VND", "vi", "₫"), ("EGP", "ar", "E£"),
              ("TRY", "tr", "₺"), ("NGN", "ng", "₦"), ("IDR", "id", "Rp"), ("MXN", "es", "$"), ("PLN", "pl", "zł"), ("CZK", "cs", "Kč"),
              ("THB", "th", "฿"), ("ILS", "he", "₪"), ("RUB", "ru", "₽"), ("EUR", "de", "€")]


def sc_currency_shop(src):
    cur, region, sym = cyc(src, CURRENCIES)
    p = new_person(src, region)
    st = S["shop"]
    handle = pick(["linen-shirt", "ceramic-mug-set", "running-shoes", "wireless-earbuds", "yoga-mat", "leather-wallet"])
    ref = ref_google(p) if chance(0.6) else NONE
    visit(p, st, "/products/%s?currency=%s&variant=%s" % (handle, cur, digits(14)), ref=ref, xhr=["/products/%s.js" % handle, "/cart.js"])
    p.note("shop in %s" % cur)
    click(p, st, "/collections/all?filter.v.price.gte=%d&filter.v.price.lte=%d&sort_by=price-ascending" % (R.randint(1, 9) * 10, R.randint(10, 90) * 100), imgs=(4, 9))
    q = pick(["%s500 gift" % sym, "under %s1,000" % sym, "t-shirt 100%% cotton", "kid's shoes", "mug \"world's best\"", "50%% off"])
    q = q.replace("%%", "%")
    click(p, st, "/search?" + qs([("q", q), ("options[prefix]", "last")]), imgs=(2, 6), xhr=["/search/suggest.json?q=%s&resources[type]=product&resources[limit]=4" % euri(q)])
    p.note("searched %r" % q)
    if chance(0.5):
        p.wait(10, 60)
        emit(p, "POST", "/cart/add.js", 200, R.randint(600, 1500), p.last[1])
        emit(p, "GET", "/cart.js", 200, R.randint(700, 3000), p.last[1], dt=0.3)
        if chance(0.6):
            loc = {"hi": "hi", "pt": "pt-BR", "ja": "ja", "ko": "ko", "vi": "vi", "ar": "ar", "tr": "tr", "ng": "en", "id": "id", "es": "es-MX",
                   "pl": "pl", "cs": "cs", "th": "th", "he": "he", "ru": "ru", "de": "de"}[region]
            post_redirect(p, st, "/cart", "/checkouts/cn/%s?locale=%s" % (b64u(24), loc))


GOV = [
    ("servicos.gov-br.example", "pt", ["/servicos/consultar-cpf", "/pt-br/servicos/emitir-segunda-via-de-boleto"], [("termo", "segunda via IPVA"), ("termo", "declaração de imposto de renda"), ("termo", "CNH d'água?")]),
    ("www.tramites-mx.example", "es", ["/tramites/curp", "/consulta-rfc"], [("q", "acta de nacimiento"), ("q", "cita SAT \"e.firma\""), ("q", "pasaporte mexicano año 2026")]),
    ("services.india-portal.example", "hi", ["/en/service/passport-seva", "/hi/service/aadhaar-update"], [("keys", "आधार कार्ड अपडेट"), ("keys", "ration card status"), ("keys", "PAN–Aadhaar link")]),
    ("www.edevlet-tr.example", "tr", ["/tr/hizmetler", "/tr/adliye-sorgu"], [("aranan", "e-Devlet şifre"), ("aranan", "SGK hizmet dökümü"), ("aranan", "adli sicil kaydı")]),
    ("layanan.pajak-id.example", "id", ["/id/efiling", "/id/npwp"], [("q", "cara lapor SPT"), ("q", "NPWP hilang"), ("q", "bukti potong 1721-A1")]),
    ("portal.ng-gov.example", "ng", ["/services/nin-enrolment", "/services/passport"], [("search", "NIN slip"), ("search", "BVN & NIN link")]),
    ("www.egov-eg.example", "ar", ["/ar/services/birth-certificate", "/ar/services/traffic-fines"], [("q", "شهادة ميلاد مميكنة"), ("q", "مخالفات المرور")]),
    ("www.gov-gr.example", "el", ["/ipiresies/polites-kai-kathemerinoteta", "/ipiresies/ergasia"], [("q", "εξουσιοδότηση"), ("q", "ΑΜΚΑ")]),
    ("www.egov-kz.example", "ru", ["/services/passport", "/ru/services/real-estate"], [("q", "справка о несудимости"), ("q", "ИИН")]),
    ("www.mygov-vn.example", "vi", ["/thu-tuc-hanh-chinh", "/dich-vu-cong"], [("keyword", "cấp đổi căn cước"), ("keyword", "đăng ký tạm trú")]),
]


def sc_gov_portal(src):
    host, region, paths, searches = cyc(src, GOV)
    p = new_person(src, region)
    st = Site(host, region, css=2, js=3, img="/assets/img/%s/%s.png")
    visit(p, st, "/", ref=ref_google(p) if chance(0.6) else NONE)
    k, q = pick(searches)
    click(p, st, ("/busca?" if region == "pt" else "/tr/arama?" if region == "tr" else "/search?") + qs([(k, q)]), imgs=(0, 2))
    p.note("%s: searched %r" % (host, q))
    click(p, st, pick(paths), imgs=(1, 3))
    if chance(0.5):
        click(p, st, "/accessibility?contrast=high&fontsize=%d" % pick([120, 150, 200]), imgs=(0, 1))
    if chance(0.5):
        p.wait(20, 120)
        emit(p, "POST", "/auth/login", 302, 0, p.last[1])
        emit(p, "GET", "/auth/callback?code=%s&state=%s" % (b64u(32), b64u(22)), 302, 0, p.last[1], dt=0.8)
        visit(p, st, "/minha-conta" if region == "pt" else "/dashboard", ref=p.last[1], imgs=(0, 1))
        p.note("signed in")


BANKS = [("ib.ahli-bank.example", "ar"), ("online.banka-cz.example", "cs"), ("netbank.hana-demo.example", "ko"), ("ibank.sbi-demo.example", "hi"),
         ("www.banco-nacion.example", "es"), ("online.halkbank-tr.example", "tr"), ("ib.vietcom-demo.example", "vi"), ("www.bank-pko.example", "pl"),
         ("direkt.sparkasse-demo.example", "de"), ("ib.kasikorn-demo.example", "th")]


def sc_bank_portal(src):
    host, region = cyc(src, BANKS)
    p = new_person(src, region, POOL[region] + (["ie11-win7-net"] if region == "ko" else []))
    st = Site(host, region, css=2, js=4, img="/static/img/%s/%s.png")
    lang = {"ar": "ar", "cs": "cs", "ko": "ko", "hi": "hi", "es": "es", "tr": "tr", "vi": "vi", "pl": "pl", "de": "de", "th": "th"}[region]
    visit(p, st, "/login?lang=%s" % lang, ref=NONE)
    p.wait(15, 60)
    emit(p, "POST", "/login", 302, 0, p.last[1])
    emit(p, "GET", "/otp?lang=%s&tx=%s" % (lang, b64u(16)), 200, R.randint(6000, 20000), p.last[1], dt=0.5)
    p.last = (st, st.url("/otp?lang=%s" % lang))
    p.wait(20, 90)
    emit(p, "POST", "/otp/verify", 302, 0, p.last[1])
    visit(p, st, "/accounts/overview", ref=p.last[1], imgs=(0, 1), xhr=["/api/accounts?_=%s" % digits(13), "/api/notifications/count"])
    term = pick({"ar": ["كهرباء", "فودافون", "ATM"], "cs": ["Müller", "nájem", "ČEZ"], "ko": ["전기요금", "스타벅스", "ATM"], "hi": ["UPI", "बिजली", "O'Reilly Media"],
                 "es": ["Mercado Pago", "transferencia", "O'Higgins"], "tr": ["Türk Telekom", "kira", "İSKİ"], "vi": ["điện", "Grab", "học phí"],
                 "pl": ["Żabka", "czynsz", "BLIK"], "de": ["Müller", "Miete", "O'Reilly Media"], "th": ["ค่าไฟ", "7-Eleven", "PromptPay"]}[region])
    click(p, st, "/accounts/%s/transactions?from=2025-11-01&to=2025-12-02&q=%s" % (digits(10), form(term)), imgs=(0, 0))
    home = {"ar": "EGP", "cs": "CZK", "ko": "KRW", "hi": "INR", "es": "ARS", "tr": "TRY", "vi": "VND", "pl": "PLN", "de": "EUR", "th": "THB"}[region]
    click(p, st, "/fx/rates?from=%s&to=%s&amount=%s" % (pick(["USD", "EUR", "GBP", "JPY"]), home, pick(["100", "1%2C000", "2500.50", "1.000%2C00", "1+000"])), imgs=(0, 0))
    emit(p, "POST", "/logout", 302, 0, p.last[1], dt=R.uniform(30, 200))
    emit(p, "GET", "/login?lang=%s&loggedout=1" % lang, 200, R.randint(8000, 20000), p.last[1], dt=0.4)
    p.note("%s: login, OTP, overview, FX" % host)


def sc_classifieds(src):
    which = pick(["classi-br", "classi-ua", "classi-ng"])
    st = S[which]
    region = {"classi-br": "pt", "classi-ua": "ru", "classi-ng": "ng"}[which]
    p = new_person(src, region)
    if which == "classi-br":
        q = pick(["geladeira frente inversa", "iPhone 13 128gb", "bicicleta aro 29", "sofá 3 lugares", "apê 2 quartos", "máquina de lavar 11kg"])
        visit(p, st, "/", ref=ref_google(p))
        click(p, st, "/estado-sp/sao-paulo-e-regiao?" + qs([("q", q), ("ps", "100"), ("pe", "1500"), ("sf", "1")]), imgs=(6, 12))
    elif which == "classi-ua":
        q = pick(["велосипед дитячий", "iPhone 13 вживаний", "квартира подобово", "генератор 5 кВт", "шини R16"])
        visit(p, st, "/uk/", ref=NONE)
        click(p, st, "/uk/list/q-%s/?search%%5Bfilter_float_price%%3Afrom%%5D=%d&currency=UAH" % (pseg("-".join(q.split())), R.randint(5, 50) * 100), imgs=(6, 12))
    else:
        q = pick(["tecno camon 20", "generator 3.5kva", "2 bedroom flat lekki", "used tokunbo corolla", "hp laptop 8gb"])
        visit(p, st, "/", ref=ref_google(p))
        click(p, st, "/search?" + qs([("query", q), ("price_min", "50000"), ("price_max", "500000")]), imgs=(6, 12))
    p.note("classifieds search %r" % q)
    ad = digits(9)
    click(p, st, "/anuncio/%s" % ad if which == "classi-br" else st.page(), imgs=(3, 7))
    if chance(0.5):
        emit(p, "GET", "/api/v1/ads/%s/phone" % ad, 200, R.randint(60, 200), p.last[1], dt=R.uniform(5, 40))


def sc_forum(src):
    which = pick(["xf", "phpbb-vi"])
    st = S[which]
    if which == "xf":
        p = new_person(src, "id", ["chrome-android", "safari-iphone", "chrome-win", "fb-android", "operamini-android"])
        title = pick(["best-budget-phone-under-15k", "pldt-fiber-slow-at-night", "gcash-verification-stuck", "laptop-for-nursing-student"])
        visit(p, st, "/threads/%s.%s/" % (title, digits(6)), ref=ref_google(p))
        click(p, st, "/threads/%s.%s/page-%d" % (title, digits(6), R.randint(2, 12)), imgs=(0, 3))
        q = pick(["globe \"unli\" data", "can't login gcash :(", "redmi note 13 vs poco x6", "meralco bill ₱"])
        p.wait(10, 40)
        emit(p, "POST", "/search/search", 303, 0, p.last[1])
        visit(p, st, "/search/%s/?q=%s&o=relevance" % (digits(7), form(q)), ref=p.last[1], imgs=(0, 1))
    else:
        p = new_person(src, "vi")
        visit(p, st, "/viewtopic.php?f=%d&t=%s" % (R.randint(2, 30), digits(5)), ref=ref_google(p))
        q = pick(["thay nhớt xe Vision", "lốp Michelin 90/90-14", "đèn LED \"trợ sáng\"", "bugi NGK"])
        click(p, st, "/search.php?" + qs([("keywords", q), ("terms", "all"), ("sr", "topics")]), imgs=(0, 1))
        click(p, st, "/viewtopic.php?f=%d&t=%s&hilit=%s" % (R.randint(2, 30), digits(5), form(q.split()[0])), imgs=(0, 3))
    p.note("forum search %r" % q)


def sc_odd_searcher(src):
    # walk the ODD list so that most entries are typed by someone
    qs_ = [ODD[(src.idx * 3 + j) % len(ODD)] for j in range(R.randint(2, 3))]
    lang, q = qs_[0]
    region = {"en": pick(["id", "ng", "de", "fr", "hi"]), "zh": "zh", "ja": "ja", "ko": "ko", "ru": "ru", "de": "de", "fr": "fr", "es": "es", "ar": "ar", "he": "he"}[lang]
    p = new_person(src, region)
    st = pick({"zh": [S["zh-qa"]], "ja": [S["ja-recipe"], S["game-wiki"]], "ko": [S["ko-shop"]], "ru": [S["ru-news"]], "ar": [S["ar-news"]], "he": [S["he-yad"]],
               "de": [S["wiki-de"]], "fr": [S["wiki-de"], S["shop"]], "es": [S["shop"]], "id": [S["xf"], S["shop"]], "ng": [S["xf"], S["shop"]],
               "hi": [S["hi-news"], S["shop"]]}[region])
    visit(p, st, "/", ref=NONE if chance(0.5) else ref_google(p))
    click(p, st, st.search(q), imgs=(0, 4), xhr=["/api/suggest?q=" + euri(q[: max(1, len(q) // 2)])])
    p.note("typed %r into the search box" % q)
    for lang2, q2 in qs_[1:]:
        click(p, st, st.search(q2), imgs=(0, 3))
        p.note("then %r" % q2)
    click(p, st, st.page(), imgs=(1, 3))


def browse(p, st, lo, hi, imgs=(1, 3)):
    for _ in range(R.randint(lo, hi)):
        click(p, st, st.page(), imgs=imgs)


# ---- old and unusual clients -------------------------------------------------
IE_RAW = [("ko", "ko-zb", "/bbs/zboard.php?id=free&keyword=", "자전거", "cp949"), ("ja", "ja-euc", "/cgi-bin/search.cgi?word=", "古本", "cp932"),
          ("zh", "zh-discuz", "/search.php?mod=forum&srchtxt=", "教材", "gbk"), ("ru", "ru-forum", "/search.php?keywords=", "теплица", "cp1251"),
          ("ar", "ar-vb", "/vb/search.php?do=process&query=", "منتدى", "cp1256"), ("de", "de-idn", "/suche?q=", "Brötchen", "cp1252"),
          ("tw", "tw-big5", "/search.asp?keyword=", "許願", "cp950"), ("el", "el-dimos", "/portal/search.php?q=", "δήμος", "cp1253")]


def sc_ie11(src):
    region, sk, prefix, word, cp = IE_RAW[src.idx % len(IE_RAW)]
    key = pick(["ie11-win7", "ie11-win7-net", "ie11-win10", "ie11-win81-tab"])
    p = Person(src, key, region)
    site = S[sk]
    visit(p, site, "/", ref=NONE)
    browse(p, site, 0, 1)
    # a query typed straight into IE's address bar: IE sends the query bytes
    # raw in the system code page, unescaped
    p.wait(20, 120)
    emit(p, "GET", prefix.encode("ascii") + word.encode(cp), 200, R.randint(8000, 40000), NONE)
    p.last = (site, site.url(prefix) + pseg(word, cp))
    p.note("IE11 typed %r in the address bar (raw %s bytes in the query)" % (word, cp))
    browse(p, site, 1, 2)


def sc_old_safari(src):
    key = cyc(src, ["safari-mac-11", "safari-mac-9", "safari-ipad-9", "safari-iphone-12", "safari-iphone-10"])
    region = pick(["fr", "ja", "he", "de"])
    p = Person(src, key, region)
    site = {"fr": S["fr-recettes"], "ja": S["ja-recipe"], "he": S["he-yad"], "de": S["de-idn"]}[region]
    visit(p, site, "/", ref=ref_google(p))
    if "iP" in p.ua:
        emit(p, "GET", "/apple-touch-icon-precomposed.png", 404, 209, NONE, dt=0.4)
        emit(p, "GET", "/apple-touch-icon.png", pick([200, 404]), R.randint(200, 9000), NONE, dt=0.1)
    click(p, site, site.search(), imgs=(1, 3))
    browse(p, site, 1, 2)
    p.note("old Safari (%s) on %s" % (key, site.host))


def sc_old_android(src):
    key = cyc(src, ["android44-stock", "android42-stock", "android5-wv", "android6-chrome", "android7-chrome", "android71-wv", "samsung-9"])
    region = pick(["hi", "ng", "id", "pt", "vi", "ar"])
    p = Person(src, key, region)
    site = {"hi": S["hi-news"], "ng": S["classi-ng"], "id": S["xf"], "pt": S["classi-br"], "vi": S["vi-shop"], "ar": S["ar-news"]}[region]
    visit(p, site, site.page(), ref=ref_google(p))
    if chance(0.5):
        click(p, site, site.search(), imgs=(1, 3))
    browse(p, site, 1, 2)
    p.note("old Android (%s) on %s" % (key, site.host))


def sc_uc_browser(src):
    key = pick(["uc-android", "uc-android-old", "uc-android-id"])
    region = pick(["hi", "id", "vi", "ng"])
    p = Person(src, key, region)
    site = {"hi": S["hi-news"], "id": S["xf"], "vi": S["vi-shop"], "ng": S["classi-ng"]}[region]
    visit(p, site, site.page(), ref=pick([ref_google(p), NONE]))
    if chance(0.5):
        click(p, site, site.search(), imgs=(1, 3))
    browse(p, site, 1, 2)
    p.note("UC Browser (%s) on %s" % (key, site.host))


def sc_opera_mini_proxy(src):
    """An Opera Mini (Extreme) transcoding server: several people's page loads from one address."""
    t0 = R.uniform(3 * 3600, 18 * 3600)
    n = R.randint(3, 5)
    for i in range(n):
        region = pick(["ng", "id", "hi", "fr"])
        p = Person(src, pick(["operamini-android", "operamini-j2me", "operamini-ios"]), region, t=t0 + R.uniform(0, 4000))
        site = {"ng": S["classi-ng"], "id": S["xf"], "hi": S["hi-news"], "fr": S["fr-recettes"]}[region]
        visit(p, site, site.page(), ref=ref_google(p), imgs=(0, 2))
        if chance(0.5):
            click(p, site, site.search(), imgs=(0, 1))
    src.notes.append("Opera Mini server egress, %d users" % n)


def sc_kaios(src):
    key = cyc(src, ["kaios-jio", "kaios-nokia8110", "kaios-nokia2720", "kaios-alcatel", "kaios3"])
    region = "hi" if key == "kaios-jio" else pick(["ng", "id", "fr", "hi"])
    p = Person(src, key, region)
    site = {"hi": S["hi-news"], "ng": S["classi-ng"], "id": S["xf"], "fr": S["fr-recettes"]}[region]
    visit(p, site, "/", ref=NONE, imgs=(1, 2))
    q = pick(site.terms)
    click(p, site, site.search(q), imgs=(0, 2))
    browse(p, site, 1, 2, imgs=(1, 2))
    p.note("KaiOS feature phone (%s), searched %r" % (key, q))


def sc_samsung_internet(src):
    region = pick(["ko", "pt", "ar", "vi", "id"])
    p = Person(src, pick(["samsung", "samsung-23", "samsung-tab"]), region)
    site = {"ko": S["ko-shop"], "pt": S["classi-br"], "ar": S["ar-news"], "vi": S["vi-shop"], "id": S["xf"]}[region]
    visit(p, site, site.page(), ref=ref_google(p))
    click(p, site, site.search(), imgs=(1, 3))
    browse(p, site, 1, 2)
    p.note("Samsung Internet on %s" % site.host)


def sc_smart_tv(src):
    p = Person(src, cyc(src, ["tizen-tv", "tizen-tv-old", "webos-tv", "hbbtv-sony", "android-tv"]), pick(["ko", "de", "pl", "tr", "ar"]))
    st = Site(pick(["tv.haneul-vod.example", "www.mediathek-demo.example", "vod.kanal-tv.example"]), p.region, css=1, js=3, img="/img/tiles/%s/%s.jpg")
    if "HbbTV" in p.ua:
        emit(p, "GET", "/hbbtv/app/index.html?org=%d&app=%d" % (R.randint(1, 9), R.randint(1, 40)), 200, R.randint(5000, 30000), NONE)
    visit(p, st, "/tv/", ref=NONE, imgs=(4, 8))
    click(p, st, "/tv/show/%s" % digits(5), imgs=(2, 4))
    vid = digits(6)
    emit(p, "GET", "/hls/%s/master.m3u8" % vid, 200, R.randint(600, 2000), p.last[1], dt=3)
    emit(p, "GET", "/hls/%s/720p/index.m3u8" % vid, 200, R.randint(2000, 9000), p.last[1], dt=0.3)
    for i in range(R.randint(3, 8)):
        emit(p, "GET", "/hls/%s/720p/seg_%05d.ts" % (vid, i), 200, R.randint(400000, 1400000), p.last[1], dt=R.uniform(5, 7))
    p.note("smart TV (%s) watching a stream" % p.uakey)


def sc_console(src):
    p = Person(src, cyc(src, ["ps4", "ps5", "switch", "3ds", "xbox", "vita"]), pick(["ja", "ko", "pt", "es", "de"]))
    st = S["game-wiki"]
    visit(p, st, "/", ref=NONE)
    q = pick(st.terms)
    click(p, st, st.search(q), imgs=(1, 3))
    browse(p, st, 1, 2, imgs=(2, 4))
    p.note("console browser %s, searched %r" % (p.uakey, q))


def sc_car(src):
    p = Person(src, cyc(src, ["tesla", "tesla-qt", "aaos-vivaldi"]), pick(["de", "cs", "ko"]))
    st = Site(pick(["www.ladestationen-karte.example", "www.parkovani-praha.example"]), p.region, css=1, js=3, img="/tiles/%s/%s.png")
    visit(p, st, "/", ref=NONE, imgs=(4, 10))
    for _ in range(R.randint(1, 2)):
        emit(p, "GET", "/api/stations?lat=%.5f&lon=%.5f&radius=10km&connector=CCS%%2CType2" % (R.uniform(48, 53), R.uniform(8, 16)), 200, R.randint(4000, 40000), p.last[1], dt=R.uniform(5, 60))
    p.note("car browser %s" % p.uakey)


def sc_ereader(src):
    p = Person(src, cyc(src, ["kindle", "kobo", "silk"]), pick(["ja", "de", "fr"]))
    st = S["gutenberg"]
    visit(p, st, "/", ref=NONE, imgs=(0, 2))
    q = pick(st.terms)
    click(p, st, st.search(q), imgs=(0, 1))
    n = R.randint(100, 70000)
    click(p, st, "/ebooks/%d" % n, imgs=(1, 1))
    click(p, st, "/ebooks/%d.epub.noimages" % n, imgs=(0, 0), assets=False, size=R.randint(150000, 900000))
    p.note("e-reader %s searched %r and downloaded an epub" % (p.uakey, q))


# ---- in-app browsers ---------------------------------------------------------

def sc_inapp(src, app):
    keys = {"facebook": ["fb-ios", "fb-android", "fb-android-ar", "fblite-android", "messenger-android"], "instagram": ["ig-ios", "ig-android"],
            "tiktok": ["tiktok-android", "tiktok-ios"], "wechat": ["wechat-ios", "wechat-android", "wechat-win"], "line": ["line-ios", "line-android"],
            "kakaotalk": ["kakao-ios", "kakao-android"], "telegram": ["telegram-android"], "snapchat": ["snap-ios", "snap-android"]}[app]
    key = pick(keys)
    region = {"facebook": pick(["es", "vi", "ar", "ng", "pt"]), "instagram": pick(["pt", "id", "tr"]), "tiktok": pick(["th", "id", "es"]),
              "wechat": "zh", "line": pick(["ja", "th", "tw"]), "kakaotalk": "ko", "telegram": pick(["ru", "fa"]), "snapchat": pick(["ar", "fr"])}[app]
    p = Person(src, key, region)
    site = {"es": S["shop"], "vi": S["vi-shop"], "ar": S["ar-news"], "ng": S["classi-ng"], "pt": S["classi-br"], "id": S["xf"], "tr": S["tr-sarki"],
            "th": S["th-board"], "zh": S["zh-qa"], "ja": S["ja-recipe"], "tw": S["tw-big5"], "ko": S["ko-shop"], "ru": S["ru-news"], "fa": S["fa-blog"],
            "fr": S["fr-recettes"]}[region]
    path = site.page()
    j = "&" if "?" in path else "?"
    if app == "facebook":
        path += j + "utm_source=facebook&utm_medium=social&utm_campaign=%s&fbclid=%s" % (pick(["dec_sale", "post", "reel"]), fbclid())
        ref = pick(["https://m.facebook.com/", "https://l.facebook.com/", "https://lm.facebook.com/", NONE])
    elif app == "instagram":
        path += j + "utm_source=ig&utm_medium=social&utm_content=link_in_bio&fbclid=%s" % fbclid()
        ref = pick(["https://l.instagram.com/", NONE])
    elif app == "tiktok":
        path += j + "ttclid=%s&utm_source=tiktok&utm_medium=paid&utm_campaign=%s" % (b64u(R.randint(40, 60)), digits(16))
        ref = NONE
    elif app == "wechat":
        path += j + "from=%s&isappinstalled=0" % pick(["singlemessage", "groupmessage", "timeline"])
        ref = NONE
    elif app == "line":
        path += pick([j + "openExternalBrowser=0", j + "utm_source=line&utm_medium=share", ""])
        ref = NONE
    elif app == "kakaotalk":
        path += pick([j + "utm_source=kakao&utm_medium=talk", j + "src=kakaotalk", ""])
        ref = NONE
    elif app == "telegram":
        path += pick([j + "utm_source=telegram", ""])
        ref = NONE
    else:
        path += j + "ScCid=%s&utm_source=snapchat" % "%s-%s-%s-%s-%s" % (hexs(8), hexs(4), hexs(4), hexs(4), hexs(12))
        ref = pick(["https://www.snapchat.com/", NONE])
    visit(p, site, path, ref=ref)
    p.note("%s in-app browser" % app)
    if chance(0.3):
        click(p, site, site.search(), imgs=(1, 4))
    browse(p, site, 0, 3, imgs=(1, 4))
    if app == "wechat" and chance(0.6):
        emit(p, "GET", "/wx/jssdk/config?url=%s" % euri(p.last[1]), 200, R.randint(200, 400), p.last[1], dt=0.5)


# ---- translation, AMP and cache readers ---------------------------------------

def sc_translate_user(src):
    """The person's browser on example-com.translate.goog: absolute image URLs
    still come from the origin, with the translate.goog origin as Referer."""
    region = pick(["ar", "hi", "vi", "id", "pt", "es", "th"])
    p = new_person(src, region)
    st = pick([S["ja-recipe"], S["ko-shop"], S["ru-news"], S["zh-qa"], S["he-yad"], S["ja-kakaku"]])
    tl = {"ar": "ar", "hi": "hi", "vi": "vi", "id": "id", "pt": "pt", "es": "es", "th": "th"}[region]
    for i in range(R.randint(2, 4)):
        pg = st.page()
        page = "https://%s%s%s_x_tr_sl=auto&_x_tr_tl=%s&_x_tr_hl=%s&_x_tr_pto=%s" % (tg_host(st.host), pg, "&" if "?" in pg else "?", tl, tl, pick(["wapp", "sc", "wapp,sc"]))
        p.wait(5, 120)
        for _ in range(R.randint(2, 5)):
            emit(p, "GET", st.image(), 200, R.randint(8000, 200000), origin(page), dt=R.uniform(0.3, 2))
    p.note("reading %s through Google Translate into %s" % (st.host, tl))
    if chance(0.5):
        # "show original" opens the site itself
        visit(p, st, st.page(), ref=origin("https://%s/" % tg_host(st.host)))


def sc_translate_egress(src):
    """Google's translate proxy fetching pages for several readers (user UA with ,gzip(gfe))."""
    t0 = R.uniform(0, 20 * 3600)
    for i in range(R.randint(3, 5)):
        region = pick(["ar", "hi", "vi", "pt", "es"])
        p = Person(src, pick(["chrome-android", "chrome-win", "edge-win", "samsung", "safari-iphone", "android7-chrome"]), region, t=t0 + R.uniform(0, 3000))
        st = pick([S["ja-recipe"], S["ko-shop"], S["ru-news"], S["zh-qa"]])
        ua = p.ua + ",gzip(gfe)"
        for _ in range(R.randint(1, 3)):
            emit(p, "GET", st.page(), 200, R.randint(20000, 120000), NONE, dt=R.uniform(3, 90), ua=ua)
            for a in st.static[:2]:
                emit(p, "GET", a, 200, R.randint(9000, 120000), NONE, dt=R.uniform(0.1, 0.5), ua=ua)
    src.notes.append("Google Translate proxy egress fetching pages for several readers")


def sc_amp_reader(src):
    region = pick(["hi", "pt", "es", "id", "ar"])
    p = new_person(src, region)
    st = S["hi-news"] if region == "hi" else S["ar-news"] if region == "ar" else S["shop"]
    amp = "https://%s/" % amp_host(st.host)
    emit(p, "GET", "/api/related.json?id=%s&__amp_source_origin=%s" % (digits(6), euri(st.base)), 200, R.randint(900, 6000), amp)
    emit(p, "GET", "/amp/analytics?ev=pageview&cid=amp-%s&url=%s" % (b64u(22), euri(st.base + "/amp/news/" + digits(6))), 204, 0, amp, dt=0.4)
    p.wait(30, 200)
    visit(p, st, st.page(), ref=amp)
    p.note("read the AMP cache copy, then opened the original")
    browse(p, st, 1, 2)


def sc_bing_cache(src):
    region = pick(["ja", "ru", "de"])
    p = new_person(src, region, POOL[region] + ["ff-xp-52", "chrome-xp", "safari-mac-9"])
    st = {"ja": S["ja-euc"], "ru": S["ru-forum"], "de": S["de-idn"]}[region]
    q = {"ja": "古本 初版", "ru": "теплица зимой", "de": "Bäckerei Öffnungszeiten"}[region]
    full = "http://cc.bingj.com/cache.aspx?q=%s&d=%s&mkt=%s&setlang=%s&w=%s" % (form(q), digits(13), {"ja": "ja-JP", "ru": "ru-RU", "de": "de-DE"}[region], {"ja": "ja-JP", "ru": "ru-RU", "de": "de-DE"}[region], b64u(32))
    for _ in range(R.randint(2, 5)):
        emit(p, "GET", st.image(), 200, R.randint(5000, 120000), xref(p, full), dt=R.uniform(0.2, 1))
    p.wait(20, 120)
    visit(p, st, "/", ref=xref(p, full))
    p.note("read Bing's cached copy, images from the origin")


def sc_accessibility(src):
    region = pick(["de", "fr", "es", "ja", "pt", "el"])
    key = pick(["ff-win", "chrome-win", "safari-iphone", "chrome-android", "edge-win"])
    p = Person(src, key, region)
    host = {"de": "www.bund-buergerportal.example", "fr": "www.service-public-demo.example", "es": "sede.electronica-demo.example",
            "ja": "www.city-kobe-demo.example", "pt": "servicos.gov-br.example", "el": "www.gov-gr.example"}[region]
    st = Site(host, region, css=2, js=2, img="/img/%s/%s.png")
    visit(p, st, "/", ref=NONE, imgs=(0, 1))
    click(p, st, pick(["/leichte-sprache/", "/facile-a-lire/", "/lectura-facil/", "/yasashii-nihongo/", "/acessibilidade/"]), imgs=(1, 3))
    click(p, st, "/?contrast=high&fontsize=%d&textonly=1" % pick([150, 175, 200]), imgs=(0, 0))
    if chance(0.6):
        click(p, st, "/media/%s.mp4" % pick(["gebaerdensprache-intro", "lsf-accueil", "lengua-de-signos"]), assets=False, imgs=(0, 0), status=206, size=R.randint(200000, 2000000))
    if chance(0.6):
        click(p, st, "/downloads/%s.pdf" % pick(["antrag-barrierefrei", "formulaire-accessible", "easy-read-guide"]), assets=False, imgs=(0, 0), size=R.randint(60000, 500000))
    p.note("accessibility settings, easy-read pages, sign-language video (screen reader)")


# ---- carrier-grade NAT ---------------------------------------------------------

def sc_cgnat(src):
    region = pick(["id", "ng", "hi", "ar", "pt", "vi", "th", "tr"])
    t0 = R.uniform(REGION_HOURS[region][0] * 3600, REGION_HOURS[region][1] * 3600 - 3600)
    n = R.randint(3, 6)
    for _ in range(n):
        p = Person(src, pick(POOL[region] + ["chrome-android", "samsung", "fb-android", "ig-android", "tiktok-android"]), region, t=t0 + R.uniform(0, 3000))
        st = pick([S["xf"], S["classi-ng"], S["shop"], S["hi-news"], S["ar-news"], S["vi-shop"], S["th-board"], S["tr-sarki"], S["classi-br"]])
        visit(p, st, st.page(), ref=pick([ref_google(p), NONE, "https://l.facebook.com/"]), imgs=(0, 2))
        if chance(0.4):
            click(p, st, st.search(), imgs=(0, 1))
    src.notes.append("mobile carrier CGNAT address, %d people" % n)


# ------------------------------------------------------------------ plan
PLAN = [
    ("arabic-news-reader", sc_arabic_news, 12),
    ("arabic-forum-user", sc_arabic_vb, 8),
    ("hebrew-classifieds-user", sc_hebrew_classifieds, 10),
    ("persian-blog-reader", sc_persian_blog, 9),
    ("hindi-news-reader", sc_hindi_news, 10),
    ("thai-forum-reader", sc_thai_board, 8),
    ("thai-municipal-site-user", sc_thai_gov, 6),
    ("chinese-gbk-forum-user", sc_chinese_discuz, 10),
    ("chinese-gb18030-shopper", sc_chinese_shop, 8),
    ("chinese-qa-reader", sc_chinese_qa, 7),
    ("taiwan-big5-user", sc_taiwan_big5, 8),
    ("japanese-sjis-shopper", sc_japanese_kakaku, 10),
    ("japanese-eucjp-auction-user", sc_japanese_euc, 7),
    ("yahoo-japan-arrival", sc_yahoo_japan_arrival, 9),
    ("korean-shopper", sc_korean_shop, 10),
    ("korean-euckr-board-user", sc_korean_zeroboard, 7),
    ("russian-cp1251-forum-user", sc_russian_forum, 9),
    ("yandex-arrival", sc_yandex_arrival, 7),
    ("idn-shop-visitor", sc_idn_shop, 8),
    ("idn-site-visitor", sc_idn_bakery, 5),
    ("greek-portal-user", sc_greek_portal, 7),
    ("vietnamese-shopper", sc_vietnamese_shop, 9),
    ("seznam-arrival", sc_seznam_arrival, 7),
    ("polish-cp1250-forum-user", sc_polish_forum, 6),
    ("french-latin1-form-user", sc_french_latin1, 7),
    ("turkish-latin5-form-user", sc_turkish_latin5, 5),
    ("multi-currency-shopper", sc_currency_shop, 12),
    ("gov-portal-user", sc_gov_portal, 12),
    ("bank-portal-user", sc_bank_portal, 11),
    ("classifieds-browser", sc_classifieds, 10),
    ("forum-reader", sc_forum, 8),
    ("odd-searcher", sc_odd_searcher, 28),
    ("ie11-user", sc_ie11, 8),
    ("old-safari-user", sc_old_safari, 7),
    ("old-android-user", sc_old_android, 9),
    ("uc-browser-user", sc_uc_browser, 7),
    ("opera-mini-proxy", sc_opera_mini_proxy, 3),
    ("kaios-phone-user", sc_kaios, 8),
    ("samsung-internet-user", sc_samsung_internet, 7),
    ("smart-tv", sc_smart_tv, 7),
    ("game-console", sc_console, 7),
    ("car-browser", sc_car, 4),
    ("e-reader", sc_ereader, 5),
    ("facebook-in-app", lambda s: sc_inapp(s, "facebook"), 10),
    ("instagram-in-app", lambda s: sc_inapp(s, "instagram"), 7),
    ("tiktok-in-app", lambda s: sc_inapp(s, "tiktok"), 7),
    ("wechat-in-app", lambda s: sc_inapp(s, "wechat"), 7),
    ("line-in-app", lambda s: sc_inapp(s, "line"), 7),
    ("kakaotalk-in-app", lambda s: sc_inapp(s, "kakaotalk"), 6),
    ("telegram-in-app", lambda s: sc_inapp(s, "telegram"), 6),
    ("snapchat-in-app", lambda s: sc_inapp(s, "snapchat"), 5),
    ("translate-proxy-reader", sc_translate_user, 8),
    ("translate-proxy-egress", sc_translate_egress, 3),
    ("amp-cache-reader", sc_amp_reader, 6),
    ("bing-cache-reader", sc_bing_cache, 4),
    ("accessibility-user", sc_accessibility, 8),
    ("mobile-cgnat", sc_cgnat, 9),
]


def addresses(n):
    """Distinct addresses in 100.67.64.0/18 (100.67.64.0-100.67.127.255)."""
    out, seen = [], {}
    while len(out) < n:
        a = "100.67.%d.%d" % (R.randint(64, 127), R.randint(1, 254))
        if a not in seen:
            seen[a] = True
            out.append(a)
    return out


def fill_min(src):
    """A source that sent fewer than MIN_REQ requests (its pages were all in
    cache) reads one more page on the last site it was on."""
    p = src.person
    st = p.last[0] if p.last else S["shop"]
    p.wait(20, 200)
    click(p, st, st.page(), imgs=(2, 4))


def run():
    build_sites()
    total = sum(n for _, _, n in PLAN)
    ips = addresses(total)
    srcs = []
    k = 0
    for kind, fn, n in PLAN:
        for i in range(n):
            src = Src(ips[k], kind)
            src.idx = i
            k += 1
            fn(src)
            while src.n < MIN_REQ:
                fill_min(src)
            srcs.append(src)
    # cap at MAX_REQ per source: the person stopped there
    by = {}
    for e in EVENTS:
        by.setdefault(e[2], []).append(e)
    keep = []
    for ip in by:
        evs = sorted(by[ip], key=lambda e: (e[0], e[1]))
        keep.extend(evs[:MAX_REQ])
    EVENTS[:] = keep
    return srcs


def esc(b):
    """nginx's access-log escaping: \" \\ and bytes outside printable ASCII as \\xHH."""
    out = []
    for c in b:
        if c == 0x22 or c == 0x5C or c < 0x20 or c > 0x7E:
            out.append("\\x%02X" % c)
        else:
            out.append(chr(c))
    return "".join(out)


def stamp(t):
    d = DAY + datetime.timedelta(seconds=int(t))
    return "%02d/%s/%04d:%02d:%02d:%02d +0000" % (d.day, MONTHS[d.month - 1], d.year, d.hour, d.minute, d.second)


def write(srcs):
    EVENTS.sort(key=lambda e: (int(e[0]), e[1]))
    with open(os.path.join(HERE, "benign.log"), "w", encoding="ascii", newline="\n") as f:
        for t, _, ip, m, target, st, size, ref, ua in EVENTS:
            f.write('%s - - [%s] "%s %s HTTP/1.1" %d %d "%s" "%s"\n' % (
                ip, stamp(t), m, esc(target), st, size, esc(ref.encode("utf-8")), esc(ua.encode("utf-8"))))
    info = {s.ip: s for s in srcs}
    order = list(dict.fromkeys(e[2] for e in EVENTS))
    with open(os.path.join(HERE, "benign.labels"), "w", encoding="utf-8", newline="\n") as f:
        for ip in order:
            f.write("%s\tbenign\t%s\n" % (ip, info[ip].kind))
    with open(os.path.join(HERE, "sources.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for ip in order:
            s = info[ip]
            what = "%s; %s" % (", ".join(s.uas), "; ".join(s.notes) or "browsing")
            f.write("%s\t%s\t%s\n" % (ip, s.kind, what.replace("\t", " ").replace("\n", " ")[:500]))
    for name in ("attacks.log", "attacks.labels"):
        open(os.path.join(HERE, name), "w").close()


if __name__ == "__main__":
    write(run())
