#!/usr/bin/env python3
"""Benign traffic for false-positive review 6 of gatehawk.

Writes benign.log (combined format, nginx escaping) and benign.labels
(ADDRESS TAB benign TAB what the source is) next to this script.  Fixed seed: the run repeats.

Traffic families (none covered by reviews 1-5): ad tech, template placeholders
leaking into URLs, JSONP / realtime transports, front-end dev servers and
framework runtime paths, cloud-native consoles, legacy and enterprise web apps,
file managers, translation / reader / archive services and accessibility
overlays, marketing automation and email click trackers, LAN devices (NAS,
routers, printers, NVRs), CMS and site builders.
"""
import ipaddress
import os
import random
import string
import urllib.parse as up
from datetime import datetime, timedelta, timezone

OUT = os.path.dirname(os.path.abspath(__file__))
R = random.Random(20251114)
T0 = datetime(2025, 11, 14, 13, 0, 0, tzinfo=timezone.utc)

# ---------------------------------------------------------------- user agents
CHROME_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36"
CHROME_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36"
CHROME_LNX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36"
EDGE_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36 Edg/{v}.0.0.0"
FF_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0"
FF_LNX = "Mozilla/5.0 (X11; Linux x86_64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0"
FF_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:{v}.0) Gecko/20100101 Firefox/{v}.0"
SAFARI_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{v} Safari/605.1.15"
SAFARI_IOS = "Mozilla/5.0 (iPhone; CPU iPhone OS {o} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{v} Mobile/15E148 Safari/604.1"
CHROME_AND = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Mobile Safari/537.36"
SAMSUNG = "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36"


def browser_ua(kind=None):
    k = kind or R.choices(
        ["cw", "cm", "cl", "ew", "fw", "fl", "fm", "sm", "si", "ca", "ss"],
        [22, 12, 4, 8, 6, 3, 2, 7, 14, 14, 3])[0]
    cv = R.choice([129, 130, 131, 141, 142])
    fv = R.choice([128, 131, 132, 144, 145])
    if k == "cw": return CHROME_WIN.format(v=cv)
    if k == "cm": return CHROME_MAC.format(v=cv)
    if k == "cl": return CHROME_LNX.format(v=cv)
    if k == "ew": return EDGE_WIN.format(v=cv)
    if k == "fw": return FF_WIN.format(v=fv)
    if k == "fl": return FF_LNX.format(v=fv)
    if k == "fm": return FF_MAC.format(v=fv)
    if k == "sm": return SAFARI_MAC.format(v=R.choice(["17.6", "18.1", "18.6", "26.0"]))
    if k == "si":
        v = R.choice([("17_6_1", "17.6"), ("18_1", "18.1"), ("18_6_2", "18.6")])
        return SAFARI_IOS.format(o=v[0], v=v[1])
    if k == "ca": return CHROME_AND.format(v=cv)
    return SAMSUNG


def desktop_ua():
    return browser_ua(R.choice(["cw", "cw", "cm", "ew", "fw", "fl", "sm"]))


# -------------------------------------------------------------------- encoders
UNRES = string.ascii_letters + string.digits + "-._~"


def enc_component(s):
    """JavaScript encodeURIComponent."""
    return up.quote(s, safe="-_.!~*'()")


def enc_escape(s):
    """JavaScript escape() (Revive/OpenX invocation code uses it)."""
    return up.quote(s, safe="@*_+-./")


def enc_form(s):
    """application/x-www-form-urlencoded as browsers submit GET forms."""
    return up.quote_plus(s, safe="*-._")


def enc_path(s):
    """What a browser does to a relative URL's path (WHATWG path set)."""
    out = []
    for ch in s:
        b = ch.encode()
        if len(b) > 1 or ch in ' "#<>?`{}' or ord(ch) < 0x20:
            out.append("".join("%%%02X" % x for x in b))
        else:
            out.append(ch)
    return "".join(out)


def enc_query(s):
    """What a browser does to the query of a URL it was given (WHATWG special query set)."""
    out = []
    for ch in s:
        b = ch.encode()
        if len(b) > 1 or ch in " \"#<>'" or ord(ch) < 0x20:
            out.append("".join("%%%02X" % x for x in b))
        else:
            out.append(ch)
    return "".join(out)


def qs(pairs, enc=enc_component):
    return "&".join(k + "=" + enc(v) if v is not None else k for k, v in pairs)


def hexs(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def alnum(n):
    return "".join(R.choice(string.ascii_letters + string.digits) for _ in range(n))


def b64u(n):
    return "".join(R.choice(string.ascii_letters + string.digits + "-_") for _ in range(n))


def b64(n):
    return "".join(R.choice(string.ascii_letters + string.digits + "+/") for _ in range(n))


def uuid():
    return "%s-%s-%s-%s-%s" % (hexs(8), hexs(4), "4" + hexs(3), R.choice("89ab") + hexs(3), hexs(12))


def ms():
    return str(1763125200000 + R.randint(-86400000, 600000))


# ------------------------------------------------------------------ sources
ADDRS = iter(ipaddress.IPv4Network("100.112.0.0/12").hosts())
_used = set()


def new_ip():
    while True:
        a = ipaddress.IPv4Address(R.randint(int(ipaddress.IPv4Address("100.112.0.10")),
                                            int(ipaddress.IPv4Address("100.127.255.250"))))
        if a not in _used:
            _used.add(a)
            return str(a)


SOURCES = []   # (ip, what, [(t, method, target, status, bytes, referer, ua)])


class Src:
    def __init__(self, what, ua, start=None):
        self.ip = new_ip()
        self.what = what
        self.ua = ua
        self.t = start if start is not None else R.uniform(0, 560)
        self.reqs = []
        self.pageview = False
        SOURCES.append(self)

    def req(self, method, target, status, size=None, ref="-", gap=None, ua=None):
        if gap is None:
            gap = R.uniform(0.2, 1.5)
        if self.reqs:
            self.t += gap
        if size is None:
            size = 0 if status in (204, 304, 101) else (R.randint(150, 600) if status >= 300 else R.randint(800, 60000))
        self.reqs.append((self.t, method, target, status, size, ref, ua or self.ua))
        return self

    def page(self, origin, target, status=200, ref="-", assets=(), gap=None, size=None):
        """A browser page view and the assets it loads with the page as Referer."""
        self.pageview = True
        self.req("GET", target, status, size or R.randint(6000, 90000), ref, gap=gap)
        url = origin + target
        for a in assets:
            st = R.choice([200, 200, 200, 304]) if isinstance(a, str) else a[1]
            tgt = a if isinstance(a, str) else a[0]
            self.req("GET", tgt, st, None if st != 200 else R.randint(400, 120000), url, gap=R.uniform(0.05, 0.6))
        return url

    def xhr(self, method, target, status, page_url, size=None, gap=None):
        return self.req(method, target, status, size, page_url, gap=gap)


# =========================================================== 1. ad tech
def adtech():
    pubs = ["https://www.rivertown-gazette.com", "https://www.cookingwithmara.com",
            "https://news.northfield-daily.net", "https://www.pitchside-football.co.uk",
            "https://www.techpulse-review.com", "https://www.hikingtrails.blog"]
    arts = ["/news/2025/11/14/council-approves-new-bridge", "/recipes/pumpkin-soup-with-sage",
            "/sport/premier-league/match-report-12345", "/reviews/pixel-10-pro-review",
            "/trails/lake-district-fairfield-horseshoe/", "/local/weather-warning-friday"]
    adsrv = "https://ads.adnetwork-delivery.com"

    # Revive / OpenX ad server: ajs.php + lg.php beacon (+ click), browsers on publisher pages
    for _ in range(8):
        s = Src("Revive/OpenX ad server: ajs.php invocation from a publisher page, lg.php impression beacon", browser_ua())
        pub = R.choice(pubs); page = pub + R.choice(arts)
        zone = R.randint(1, 40); cb = str(R.randint(10000000, 99999999))
        s.req("GET", "/www/delivery/ajs.php?" + qs([("zoneid", str(zone)), ("cb", cb), ("charset", "UTF-8"),
                                                    ("loc", page)], enc_escape)
              + "&referer=" + enc_escape(R.choice(["https://www.google.com/", "https://www.facebook.com/", pub + "/"])),
              200, R.randint(900, 4000), page)
        bid = R.randint(10, 300); cid = R.randint(2, 60)
        s.req("GET", "/www/delivery/lg.php?bannerid=%d&campaignid=%d&zoneid=%d&loc=%s&referer=%s&cb=%s"
              % (bid, cid, zone, enc_component(page), enc_component("https://www.google.com/"), hexs(10)),
              200, 43, page)
        s.req("GET", "/www/images/%s.jpg" % hexs(32), 200, R.randint(9000, 60000), page)
        if R.random() < 0.5:
            dest = R.choice(["https://www.outdoor-gear-shop.com/winter-sale?utm_source=revive&utm_medium=banner&utm_campaign=wsale25",
                             "https://www.citybank-example.com/savings/?cmp=display_%d" % R.randint(100, 999),
                             "https://shop.brandname-audio.com/headphones/nc-700#specs"])
            s.req("GET", "/www/delivery/ck.php?oaparams=2__bannerid=%d__zoneid=%d__cb=%s__oadest=%s"
                  % (bid, zone, hexs(10), enc_component(dest)), 302, 0, page, gap=R.uniform(3, 20))

    # OpenX 2.x static image tags with the unexpanded INSERT_RANDOM_NUMBER_HERE and dest=
    for _ in range(4):
        s = Src("OpenX 2.x image tag (avw.php/ck.php) with unexpanded INSERT_RANDOM_NUMBER_HERE cache-buster", browser_ua())
        page = R.choice(pubs) + R.choice(arts); n = hexs(8)
        s.req("GET", "/www/delivery/avw.php?zoneid=%d&cb=INSERT_RANDOM_NUMBER_HERE&n=%s" % (R.randint(1, 30), n), 200,
              R.randint(5000, 40000), page)
        if R.random() < 0.5:
            s.req("GET", "/www/delivery/ck.php?n=%s&cb=INSERT_RANDOM_NUMBER_HERE" % n, 302, 0, page, gap=R.uniform(2, 30))

    # OpenX ck.php with dest= (older click URL form), clicked from an email newsletter / publisher
    for _ in range(3):
        s = Src("OpenX ck.php click with dest= advertiser URL", browser_ua())
        dest = R.choice(["https://www.travel-deals-example.com/offers/lisbon?src=newsletter",
                         "https://www.furniture-outlet-example.com/sofas/chesterfield-3-seater"])
        s.req("GET", "/www/delivery/ck.php?bannerid=%d&zoneid=%d&source=&dest=%s" % (R.randint(10, 99), R.randint(1, 20), enc_component(dest)),
              302, 0, R.choice(pubs) + R.choice(arts))

    # Prebid Server: auction POST from prebid.js, cookie sync, setuid pixel with TCF consent string
    for _ in range(6):
        s = Src("Prebid Server: /openrtb2/auction from prebid.js, cookie_sync, setuid with GDPR consent", browser_ua())
        page = R.choice(pubs) + R.choice(arts)
        s.req("POST", "/openrtb2/auction", 200, R.randint(300, 6000), page)
        s.req("POST", "/cookie_sync", 200, R.randint(200, 2000), page)
        s.req("GET", "/setuid?bidder=%s&gdpr=1&gdpr_consent=CQ%s.%s&uid=%s&f=i"
              % (R.choice(["appnexus", "rubicon", "pubmatic", "ix", "openx"]), b64u(60), b64u(12), str(R.randint(10**17, 10**18))),
              200, 43, page)
    # Prebid Cache fetch by the video player + Prebid Server win event pixel
    for _ in range(4):
        s = Src("Prebid Cache VAST fetch (/cache?uuid=) and /event?t=win pixel from the player", browser_ua())
        page = R.choice(pubs) + R.choice(arts)
        s.req("GET", "/cache?uuid=" + uuid(), 200, R.randint(2000, 9000), page)
        s.req("GET", "/event?t=win&b=%s&a=%d&aid=%s&ts=%s&bidder=%s&f=i&int=" % (uuid(), R.randint(1000, 9999), uuid(), ms(),
                                                                                  R.choice(["appnexus", "rubicon", "ix"])),
              200, 43, page)

    # Win notices server-to-server from SSPs (expanded, encrypted, and unexpanded macros)
    for i in range(8):
        ua = R.choice(["Go-http-client/1.1", "Go-http-client/2.0", "Apache-HttpClient/4.5.14 (Java/17.0.9)", "okhttp/4.12.0"])
        price = R.choice(["${AUCTION_PRICE}", "%.4f" % R.uniform(0.2, 6), b64u(22), "${AUCTION_PRICE:B64}"])
        kind = "unexpanded" if price.startswith("$") else "expanded"
        s = Src("DSP win notice (nurl) server-to-server from an SSP, %s price macro" % kind, ua)
        q = "/win?imp=%s&bid=%s&price=%s&cur=USD&seat=%d" % (uuid(), uuid(), price, R.randint(100, 999))
        if R.random() < 0.5:
            q += "&auction_id=${AUCTION_ID}" if kind == "unexpanded" else "&auction_id=" + uuid()
        s.req("GET", q, 200 if kind == "expanded" else R.choice([200, 400]), R.choice([0, 2]))
    # burl billing notice fired by the browser from the rendered creative, macros sometimes unexpanded
    for _ in range(4):
        s = Src("DSP billing notice (burl) fired by the browser from the creative, ${AUCTION_PRICE} left unexpanded", browser_ua())
        page = R.choice(pubs) + R.choice(arts)
        s.req("GET", "/bill?id=%s&p=${AUCTION_PRICE}&ab=${AUCTION_BID_ID}&cb=%s" % (uuid(), ms()), 200, 43, page)

    # VAST tags: GAM-style macros expanded by the player or left unexpanded
    for _ in range(8):
        s = Src("VAST ad tag requested by a web video player (macros expanded)", browser_ua())
        page = R.choice(pubs) + R.choice(arts)
        s.req("GET", "/vast/v4?" + qs([("pid", str(R.randint(1000, 9999))), ("w", "640"), ("h", "360"),
                                       ("cb", str(R.randint(10**9, 10**10))), ("url", page),
                                       ("description_url", page), ("correlator", ms())]), 200, R.randint(2000, 9000), page)
        s.req("GET", "/vast/track?e=impression&cr=%d&cb=%s" % (R.randint(1000, 9999), str(R.randint(10**9, 10**10))), 200, 43, page)
        s.req("GET", "/vast/track?e=start&cr=%d&ph=00:00:00.000" % R.randint(1000, 9999), 200, 43, page)
        if R.random() < 0.5:
            s.req("GET", "/vast/track?e=firstQuartile&cr=%d&ph=00:00:07.500" % R.randint(1000, 9999), 200, 43, page, gap=7.5)
    for _ in range(6):
        s = Src("VAST tag / tracking URL with unexpanded macros from a player that does not substitute them", browser_ua())
        page = R.choice(pubs) + R.choice(arts)
        t = R.choice([
            "/vast/v4?pid=%d&cb=%%%%CACHEBUSTER%%%%&url=%%%%SITE%%%%&ts=[timestamp]" % R.randint(1000, 9999),
            "/vast/err?code=[ERRORCODE]&asset=[ASSETURI]&cb=[CACHEBUSTING]",
            "/vast/track?e=complete&cb=[CACHEBUSTING]&ph=[CONTENTPLAYHEAD]&pu=[PAGEURL]",
            "/vast/v4?pid=%d&correlator=[timestamp]&description_url=[description_url]&w=[width]&h=[height]" % R.randint(1000, 9999),
        ])
        s.req("GET", t, R.choice([200, 200, 400]), 43, page)
    for _ in range(4):
        s = Src("VAST tag from a connected-TV app (no Referer, device UA)", R.choice([
            "Roku/DVP-14.0 (14.0.4.1150-46)", "AppleCoreMedia/1.0.0.21K79 (Apple TV; U; CPU OS 17_1 like Mac OS X; en_us)",
            "Dalvik/2.1.0 (Linux; U; Android 11; AFTKA Build/RS8130)", "ExoPlayerLib/2.19.1"]))
        s.req("GET", "/vast/v4?" + qs([("pid", str(R.randint(1000, 9999))), ("app_bundle", R.choice(["com.example.newstv", "1234567890"])),
                                       ("device_id", uuid()), ("ifa_type", "rida"), ("cb", ms()),
                                       ("content_title", R.choice(["Evening News 14 Nov", "Kitchen Nightmares S02E05"])),
                                       ("ip", "[IP]"), ("ua", "[UA]")]), 200, R.randint(2000, 9000))

    # DCM (Campaign Manager) impression tags: semicolon-separated params in the path, GDPR macros
    for _ in range(4):
        s = Src("Campaign Manager style impression tag with ;-parameters and ${GDPR} macros in the path", browser_ua())
        page = R.choice(pubs) + R.choice(arts)
        tgt = ("/ddm/trackimp/N%d.%dSITE/B%d.%d;dc_trk_aid=%d;dc_trk_cid=%d;ord=%s;dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;tfua=;gdpr=${GDPR};gdpr_consent=${GDPR_CONSENT_755};ltd=?"
               % (R.randint(1000, 9999), R.randint(100000, 999999), R.randint(10**7, 10**8), R.randint(10**8, 10**9),
                  R.randint(10**8, 10**9), R.randint(10**8, 10**9), str(R.randint(10**9, 10**10))))
        s.req("GET", enc_path(tgt), 200, 43, page)
    # {{CLICK_URL}} left unexpanded in a creative's href: relative URL under the ad server
    for _ in range(4):
        s = Src("Creative with unexpanded {{CLICK_URL}} / %%CLICK_URL_UNESC%% click macro, clicked (404)", browser_ua())
        page = adsrv + "/render/%s.html" % hexs(16)
        tgt = R.choice(["/render/{{CLICK_URL}}https://www.advertiser-shoes.com/sale",
                        "/render/%%CLICK_URL_UNESC%%https://www.advertiser-shoes.com/sale",
                        "/render/{{CLICK_URL_ESC}}https%3A%2F%2Fwww.example-insurer.com%2Fquote"])
        s.req("GET", enc_path(tgt), 404, 162, page)
    # Tracking pixels of an ad network
    for _ in range(5):
        s = Src("ad network tracking pixel (conversion / viewability)", browser_ua())
        page = R.choice(["https://www.outdoor-gear-shop.com/checkout/thank-you?order=%d" % R.randint(10000, 99999),
                         R.choice(pubs) + R.choice(arts)])
        s.req("GET", "/px.gif?" + qs([("e", R.choice(["conversion", "viewable", "pv"])), ("cid", str(R.randint(1000, 9999))),
                                      ("v", "%.2f" % R.uniform(5, 300)), ("cur", "EUR"), ("ord", str(R.randint(10**9, 10**10))),
                                      ("u", page), ("r", R.choice(["", "https://www.google.com/"]))]), 200, 43, page)


# =========================================================== 2. template placeholders
def placeholders():
    sites = {
        "https://www.cafe-bellavista.com": ("/menu", ["/css/app.css", "/js/angular.min.js", "/js/app.js"]),
        "https://shop.tinkerbox-toys.com": ("/catalog/wooden-toys", ["/static/css/main.8c1e.css", "/static/js/vendor.js", "/static/js/app.js"]),
        "https://www.greenleaf-realty.com": ("/listings", ["/assets/site.css", "/assets/vue.global.prod.js", "/assets/listings.js"]),
        "https://events.harborcity.org": ("/calendar", ["/css/events.css", "/js/handlebars.min.js", "/js/calendar.js"]),
    }
    shapes = [
        ("/img/{{item.image}}", "AngularJS ng-src not used: src with {{item.image}} before compile"),
        ("/products/{{product.id}}", "AngularJS href with {{product.id}} followed before render"),
        ("/images/{{ listing.photo }}", "Vue template with {{ listing.photo }} requested by the browser before mount"),
        ("/event/{{slug}}/poster.jpg", "Handlebars template img src requested before rendering"),
        ("/${url}", "JS template literal written in single quotes: '${url}' used as a URL"),
        ("/static/img/${item.thumb}", "JS string '${item.thumb}' in single quotes used as image src"),
        ("/img/<%= photo %>", "underscore.js template <%= photo %> in raw HTML requested by the browser"),
        ("/users/:id/avatar", "route pattern /users/:id/avatar used literally as img src"),
        ("/img/[object Object]", "JS object concatenated into an image URL: [object Object]"),
        ("/img/undefined", "undefined image path from a JS bug"),
    ]
    for _ in range(26):
        origin = R.choice(list(sites)); page_path, assets = sites[origin]
        shape, what = R.choice(shapes)
        s = Src("template placeholder leak: " + what + " (404)", browser_ua())
        url = s.page(origin, page_path, ref=R.choice(["-", origin + "/", "https://www.google.com/"]), assets=assets)
        s.req("GET", enc_path(shape), 404, 153, url, gap=R.uniform(0.05, 0.4))
        if R.random() < 0.4:
            s.req("GET", "/favicon.ico", 200, 1150, url, gap=0.2)
    # placeholders in the query: browsers leave {} $ raw there
    qshapes = [
        ("/api/search?q={{query}}&page={{page}}", "AngularJS $http URL built from an uninterpolated template string"),
        ("/api/listings?city=${city}&maxPrice=${maxPrice}", "fetch URL in single quotes: ${city} not substituted"),
        ("/track?event=view&id={{ product.sku }}", "Vue template string in a beacon URL not rendered"),
    ]
    for _ in range(8):
        origin = R.choice(list(sites)); page_path, assets = sites[origin]
        shape, what = R.choice(qshapes)
        s = Src("template placeholder in an XHR query: " + what, browser_ua())
        s.xhr("GET", enc_query(shape), R.choice([400, 404, 200]), origin + page_path)
    # Mailchimp merge tags in links of a test or broken campaign, clicked from email
    for _ in range(6):
        s = Src("newsletter link with unrendered Mailchimp merge tags *|EMAIL|* / *|UNIQID|* clicked in a mail client", browser_ua())
        tgt = R.choice([
            "/newsletter/confirm?email=*|EMAIL|*&id=*|UNIQID|*",
            "/offers/black-friday?utm_source=mailchimp&utm_medium=email&utm_campaign=*|CAMPAIGN_UID|*&mc_eid=*|UNIQID|*",
            "/account/preferences?e=*|EMAIL|*&list=*|LIST:UID|*",
            "/webinar/register?fname=*|FNAME|*&lname=*|LNAME|*&email=*|URL:EMAIL|*",
        ])
        ref = R.choice(["-", "-", "https://mail.google.com/", "https://outlook.live.com/"])
        st = 200 if "offers" in tgt else R.choice([200, 400])
        origin = "https://www.tinkerbox-toys.com"
        s.page(origin, enc_query(tgt), status=st, ref=ref, assets=["/static/css/main.8c1e.css", "/static/js/app.js"])
    # HubL / Liquid / Jinja placeholders from misconfigured emails (encoded by the mail client)
    for _ in range(5):
        s = Src("email link with an unrendered Liquid/Jinja placeholder, percent-encoded by the mail client", browser_ua())
        tgt = R.choice([
            "/unsubscribe?email=%7B%7B%20customer.email%20%7D%7D&token=%7B%7Bunsubscribe_token%7D%7D",
            "/r/%7B%7B%20contact.id%20%7D%7D/offer",
            "/invite/accept?code=%7B%7Binvite_code%7D%7D",
            "/orders/%7B%7B%20order.order_number%20%7D%7D/status",
        ])
        s.page("https://www.tinkerbox-toys.com", tgt, status=R.choice([400, 404]), ref="-",
               assets=["/static/css/main.8c1e.css", "/static/js/app.js", "/favicon.ico"])


# =========================================================== 3. JSONP / realtime
def realtime():
    # JSONP via jQuery
    for _ in range(8):
        s = Src("jQuery JSONP request (callback=jQuery..._ts&_=ts) from a page", browser_ua())
        page = R.choice(["https://www.weather-widgets.net/embed/forecast?city=Leeds",
                         "https://www.regional-transit.org/departures",
                         "https://www.kiosk-stockticker.com/"])
        jq = "jQuery%s_%s" % (R.choice(["36006", "35104", "1124", "37102"]) + "".join(R.choice(string.digits) for _ in range(14)), ms())
        for _ in range(R.randint(1, 3)):
            s.xhr("GET", "/api/%s?%s" % (R.choice(["forecast", "departures", "quotes"]),
                                          qs([("callback", jq), ("station", str(R.randint(100, 999))), ("format", "jsonp"), ("_", ms())])),
                  200, page, size=R.randint(500, 5000), gap=R.uniform(5, 30))
    # JSONP with callback names from other libs
    for _ in range(4):
        s = Src("JSONP with a library callback name (angular.callbacks._0 / __jp0 / __ng_jsonp__)", browser_ua())
        page = "https://www.regional-transit.org/map"
        cb = R.choice(["angular.callbacks._0", "__jp0", "__ng_jsonp__.__req1.finished", "jsonp_" + ms() + "_" + str(R.randint(10000, 99999))])
        s.xhr("GET", "/api/stops?lat=53.80&lon=-1.55&r=500&callback=" + cb, 200, page)
    # socket.io polling then websocket
    for _ in range(7):
        s = Src("socket.io client: EIO=4 polling handshake, POST, then websocket upgrade", browser_ua())
        page = R.choice(["https://chat.supportdesk-example.com/widget", "https://live.auction-house-example.com/lot/1234",
                         "https://app.kanban-example.io/board/5f2a"])
        t = alnum(7); sid = b64u(20)
        s.xhr("GET", "/socket.io/?EIO=4&transport=polling&t=" + t, 200, page, size=118)
        s.xhr("POST", "/socket.io/?EIO=4&transport=polling&t=%s&sid=%s" % (alnum(7), sid), 200, page, size=2)
        s.xhr("GET", "/socket.io/?EIO=4&transport=polling&t=%s&sid=%s" % (alnum(7), sid), 200, page, size=32)
        s.xhr("GET", "/socket.io/?EIO=4&transport=websocket&sid=" + sid, 101, page, size=0)
    # Engine.IO v3 (older)
    for _ in range(3):
        s = Src("socket.io v2 client: EIO=3 polling with b64=1", browser_ua())
        page = "https://dashboard.fleet-tracker-example.com/live"
        s.xhr("GET", "/socket.io/?EIO=3&transport=polling&t=%s&b64=1" % alnum(7), 200, page, size=103)
        s.xhr("GET", "/socket.io/?EIO=3&transport=polling&t=%s&b64=1&sid=%s" % (alnum(7), b64u(20)), 200, page, size=45)
    # SockJS
    for _ in range(5):
        s = Src("SockJS client (Spring STOMP): /info then xhr_streaming / xhr_send", browser_ua())
        page = "https://ops.trading-desk-example.com/blotter"
        srv = "%03d" % R.randint(0, 999); sess = alnum(8).lower()
        s.xhr("GET", "/ws/info?t=" + ms(), 200, page, size=90)
        s.xhr("POST", "/ws/%s/%s/xhr_streaming?t=%s" % (srv, sess, ms()), 200, page, size=2100)
        s.xhr("POST", "/ws/%s/%s/xhr_send?t=%s" % (srv, sess, ms()), 204, page, size=0)
    # classic ASP.NET SignalR 2 (jQuery) with connectionData JSON
    for _ in range(5):
        s = Src("ASP.NET SignalR 2 jQuery client: negotiate/connect/start with connectionData JSON and connectionToken", browser_ua())
        page = "https://portal.dispatch-example.com/Operations/Board"
        hub = enc_component('[{"name":"%s"}]' % R.choice(["notificationhub", "chathub", "dispatchhub"]))
        tok = enc_component(b64(96) + "==")
        s.xhr("GET", "/signalr/negotiate?clientProtocol=2.1&connectionData=%s&_=%s" % (hub, ms()), 200, page, size=420)
        s.xhr("GET", "/signalr/connect?transport=serverSentEvents&clientProtocol=2.1&connectionToken=%s&connectionData=%s&tid=%d"
              % (tok, hub, R.randint(0, 10)), 200, page, size=2000)
        s.xhr("GET", "/signalr/start?transport=serverSentEvents&clientProtocol=2.1&connectionToken=%s&connectionData=%s&_=%s"
              % (tok, hub, ms()), 200, page, size=20)
        if R.random() < 0.5:
            s.xhr("GET", "/signalr/poll?transport=longPolling&messageId=%s&clientProtocol=2.1&connectionToken=%s&connectionData=%s&tid=%d&_=%s"
                  % (enc_component("d-%s-B,0|L,0|M,0" % hexs(8).upper()), tok, hub, R.randint(0, 10), ms()), 200, page, size=300, gap=25)
    # ASP.NET Core SignalR
    for _ in range(4):
        s = Src("ASP.NET Core SignalR: POST negotiate then websocket with id/access_token", browser_ua())
        page = "https://app.helpdesk-example.com/tickets/4411"
        s.xhr("POST", "/hubs/tickets/negotiate?negotiateVersion=1", 200, page, size=316)
        s.xhr("GET", "/hubs/tickets?id=%s&access_token=eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.%s.%s" % (b64u(22), b64u(180), b64u(86)), 101, page, size=0)
    # Server-Sent Events
    for _ in range(5):
        s = Src("Server-Sent Events stream (EventSource) with Last-Event-ID style query", browser_ua())
        page = R.choice(["https://status.cloudhost-example.com/", "https://live.scores-example.com/match/8812"])
        s.xhr("GET", R.choice(["/events/stream?channel=incidents&lastEventId=%d" % R.randint(1000, 9999),
                               "/sse?topics=match.8812.events,match.8812.odds&since=" + ms(),
                               "/api/v1/stream?filter=" + enc_component("type:goal OR type:card")]), 200, page, size=R.randint(2000, 90000))
    # long polling
    for _ in range(4):
        s = Src("long-polling client (comet) holding requests 25-30 s", browser_ua())
        page = "https://chat.community-forum-example.org/t/welcome/12"
        cursor = R.randint(1000, 9000)
        for k in range(R.randint(2, 4)):
            s.xhr("POST", "/message-bus/%s/poll?dlp=t" % hexs(32), 200, page, size=R.randint(2, 900), gap=R.uniform(24, 30))
    # Phoenix LiveView / ActionCable long-poll fallbacks
    for _ in range(3):
        s = Src("Phoenix LiveView long-poll fallback with vsn and token", browser_ua())
        page = "https://app.invoicer-example.dev/invoices"
        s.xhr("GET", "/live/longpoll?_csrf_token=%s&_track_static%%5B0%%5D=%s&_mounts=0&vsn=2.0.0" % (b64u(44), enc_component("https://app.invoicer-example.dev/assets/app-%s.css?vsn=d" % hexs(32))), 200, page)
        s.xhr("POST", "/live/longpoll?vsn=2.0.0&token=%s" % b64u(60), 200, page)


# =========================================================== 4. front-end dev & frameworks
def frontend():
    # Vite dev server on a developer's LAN / dev VM
    for _ in range(7):
        s = Src("Vite dev server (React) opened in a browser: /@vite/client, /@react-refresh, /@fs deps, ?v= hashes", desktop_ua())
        origin = "http://%s:5173" % R.choice(["192.168.1.23", "10.0.0.54", "dev-box.local"])
        user = R.choice(["alice", "bob", "dmitri", "priya"])
        root = R.choice(["/home/%s/code/webshop" % user, "/Users/%s/Projects/dashboard" % user])
        v = hexs(8)
        url = s.page(origin, "/", ref="-", assets=[
            "/@vite/client", "/@react-refresh", "/src/main.tsx",
            "/node_modules/.vite/deps/react.js?v=" + v, "/node_modules/.vite/deps/react-dom_client.js?v=" + v,
            "/@fs%s/node_modules/vite/dist/client/env.mjs" % root,
            "/src/index.css", "/src/App.tsx?t=" + ms()])
        if R.random() < 0.5:
            # import text from './x?raw', asset URLs, workers: Vite rewrites them to ?import&raw etc.
            for t in R.sample(["/src/shaders/terrain.vert.glsl?import&raw", "/src/content/changelog.md?import&raw",
                               "/src/assets/logo.svg?import", "/src/assets/hero.png?import&url",
                               "/src/workers/search.worker.ts?worker_file&type=module",
                               "/@fs%s/node_modules/leaflet/dist/leaflet.css?direct" % root], 2):
                s.req("GET", t, 200, R.randint(300, 9000), url, gap=0.1)
        if R.random() < 0.6:
            s.req("GET", "/@id/__x00__virtual:pwa-register", 200, 900, url, gap=0.1)
            s.req("GET", "/@id/__x00__react/jsx-dev-runtime", 200, 900, url, gap=0.1)
    # webpack dev server / HMR
    for _ in range(5):
        s = Src("webpack-dev-server HMR: /ws, hot-update.json / hot-update.js", desktop_ua())
        origin = "http://localhost:8080" if R.random() < 0.3 else "http://192.168.1.%d:3000" % R.randint(2, 250)
        page = origin + "/"
        h = hexs(20)
        s.xhr("GET", "/ws", 101, page, size=0)
        s.xhr("GET", "/main.%s.hot-update.json" % h, 200, page, size=35, gap=R.uniform(10, 40))
        s.xhr("GET", "/main.%s.hot-update.js" % h, 200, page, size=2400)
    for _ in range(2):
        s = Src("create-react-app (webpack 4) sockjs-node HMR and __webpack_hmr", desktop_ua())
        page = "http://192.168.1.%d:3000/" % R.randint(2, 250)
        s.xhr("GET", "/sockjs-node/info?t=" + ms(), 200, page, size=79)
        s.xhr("GET", "/sockjs-node/%03d/%s/websocket" % (R.randint(0, 999), alnum(8).lower()), 101, page, size=0)
        s.xhr("GET", "/__webpack_hmr", 200, page, size=200)
    # Next.js
    nx = "https://www.aurora-skincare-example.com"
    build = alnum(21)
    for _ in range(9):
        s = Src("Next.js site: page then /_next/static chunks and /_next/image (local and remote src)", browser_ua())
        url = s.page(nx, R.choice(["/", "/products/vitamin-c-serum", "/blog/winter-skin-routine"]),
                     ref=R.choice(["-", "https://www.google.com/", "https://www.instagram.com/"]), assets=[
            "/_next/static/css/%s.css" % hexs(16),
            "/_next/static/chunks/webpack-%s.js" % hexs(16),
            "/_next/static/chunks/pages/_app-%s.js" % hexs(16),
            "/_next/static/%s/_buildManifest.js" % build])
        for w in R.sample([640, 750, 828, 1080, 1200, 1920, 2048, 3840], R.randint(1, 2)):
            src = R.choice(["/_next/static/media/hero.%s.jpg" % hexs(8), "/images/products/serum-30ml.png",
                            "https://images.unsplash.com/photo-1570172619644-dfd03ed5d881?ixlib=rb-4.0.3&auto=format&fit=crop&w=2070&q=80",
                            "https://cdn.sanity.io/images/abc123de/production/%s-2000x1333.jpg" % hexs(40),
                            "https://res.cloudinary.com/aurora/image/upload/v1699999999/products/serum.webp"])
            s.req("GET", "/_next/image?url=%s&w=%d&q=75" % (enc_component(src), w), 200, R.randint(8000, 200000), url, gap=0.1)
    for _ in range(4):
        s = Src("Next.js client navigation: /_next/data/BUILD/...json?slug= prefetch", browser_ua())
        page = nx + "/products"
        for slug in R.sample(["vitamin-c-serum", "retinol-night-cream", "spf-50-fluid", "hyaluronic-toner"], 2):
            s.xhr("GET", "/_next/data/%s/en/products/%s.json?slug=%s" % (build, slug, slug), 200, page)
    for _ in range(4):
        s = Src("Next.js App Router page: chunks under app/(group)/[slug] paths", browser_ua())
        s.page(nx, "/journal/%s" % R.choice(["how-to-layer-serums", "sunscreen-myths"]), ref="https://www.pinterest.com/", assets=[
            "/_next/static/chunks/app/(marketing)/journal/%%5Bslug%%5D/page-%s.js" % hexs(16),
            "/_next/static/chunks/app/(marketing)/layout-%s.js" % hexs(16),
            "/_next/static/chunks/main-app-%s.js" % hexs(16)])
    for _ in range(3):
        s = Src("Next.js App Router RSC prefetch (?_rsc=)", browser_ua())
        page = nx + "/"
        s.xhr("GET", "/blog?_rsc=%s" % alnum(5).lower(), 200, page)
        s.xhr("GET", "/products/spf-50-fluid?_rsc=%s" % alnum(5).lower(), 200, page)
    # Nuxt
    for _ in range(4):
        s = Src("Nuxt 3 site: /_nuxt chunks, _payload.json, @nuxt/content query with JSON _params", browser_ua())
        origin = "https://docs.orbit-cli-example.dev"
        url = s.page(origin, "/guide/installation", ref="https://www.google.com/", assets=[
            "/_nuxt/entry.%s.js" % alnum(8), "/_nuxt/entry.%s.css" % alnum(8), "/_nuxt/builds/meta/%s.json" % uuid()])
        params = '{"first":true,"where":[{"_path":"/guide/configuration"}],"without":["body"]}'
        s.xhr("GET", "/api/_content/query/%s.%s.json?_params=%s&previewToken=" % (alnum(10), ms(), enc_component(params)), 200, url)
        s.xhr("GET", "/guide/configuration/_payload.json?%s" % uuid(), 200, url)
    # SvelteKit
    for _ in range(4):
        s = Src("SvelteKit client navigation: __data.json?x-sveltekit-invalidated=", browser_ua())
        origin = "https://www.trailmix-recipes-example.com"
        url = origin + "/recipes"
        s.xhr("GET", "/recipes/%s/__data.json?x-sveltekit-invalidated=%s" % (R.choice(["oat-bars", "granola", "energy-bites"]),
                                                                            R.choice(["01", "001", "1", "11"])), 200, url)
        s.req("GET", "/_app/immutable/nodes/4.%s.js" % alnum(8), 200, 3000, url)
    # Remix
    for _ in range(4):
        s = Src("Remix client navigation: ?_data=routes%2F... route ids with $params", browser_ua())
        origin = "https://www.caravan-hire-example.co.uk"
        url = origin + "/vans"
        rid = R.choice(["routes/vans.$vanId", "routes/vans.$vanId.book", "routes/_index", "routes/blog.$slug", "root"])
        s.xhr("GET", "/vans/%d?_data=%s" % (R.randint(1, 90), enc_component(rid)), 200, url)
        if R.random() < 0.5:
            s.xhr("GET", "/__manifest?p=%s&p=%s&version=%s" % (enc_component("/vans/12"), enc_component("/vans/13/book"), hexs(8)), 200, url)
    # Astro
    for _ in range(3):
        s = Src("Astro site: /_astro assets and the /_image endpoint", browser_ua())
        origin = "https://www.pottery-studio-example.com"
        url = s.page(origin, "/workshops/", ref="https://duckduckgo.com/", assets=["/_astro/index.%s.css" % alnum(8), "/_astro/hoisted.%s.js" % alnum(8)])
        s.req("GET", "/_image?href=%s&w=1200&h=800&f=webp" % enc_component("/_astro/wheel-throwing.%s.jpg" % alnum(8)), 200, 54000, url)
    # Gatsby
    for _ in range(4):
        s = Src("Gatsby site: page-data.json, app-data.json, /static/ hashed images", browser_ua())
        origin = "https://www.lighthouse-museum-example.org"
        url = s.page(origin, "/visit/", ref="https://www.google.com/", assets=[
            "/webpack-runtime-%s.js" % hexs(20), "/framework-%s.js" % hexs(20), "/app-%s.js" % hexs(20),
            "/page-data/visit/page-data.json", "/page-data/app-data.json",
            "/static/%s/%s/lighthouse-at-dusk.jpg" % (hexs(32), hexs(5))])
        s.xhr("GET", "/page-data/sq/d/%d.json" % R.randint(10**8, 10**10), 200, url)
    # Storybook on a design-system site
    for _ in range(2):
        s = Src("Storybook: iframe.html?id=...&viewMode=story&args=", desktop_ua())
        origin = "https://design.acme-bank-example.com"
        url = origin + "/?path=/story/forms-input--with-error"
        s.req("GET", "/iframe.html?globals=backgrounds.value:!hex(F8F8F8)&args=label:Account+number;disabled:!false&id=forms-input--with-error&viewMode=story", 200, 3000, url)
        s.req("GET", "/index.json", 200, 90000, url)


# =========================================================== 5. cloud-native consoles
def consoles():
    # Kubernetes dashboard
    for _ in range(6):
        s = Src("Kubernetes Dashboard (v2) in a browser: pod lists, logs, exec shell page", desktop_ua())
        origin = "https://k8s-dashboard.ops.internal-example.com"
        page = origin + "/"
        ns = R.choice(["default", "kube-system", "payments", "monitoring"])
        s.xhr("GET", "/api/v1/pod/%s?itemsPerPage=10&page=1&sortBy=d,creationTimestamp" % ns, 200, page)
        pod = "%s-%s-%s" % (R.choice(["api", "web", "coredns", "worker"]), hexs(10), alnum(5).lower())
        if R.random() < 0.5:
            s.xhr("GET", "/api/v1/log/%s/%s/%s?logFilePosition=end&referenceTimestamp=newest&referenceLineNum=0&offsetFrom=2000000000&offsetTo=2000000100&previous=false&timestamps=false"
                  % (ns, pod, pod.split("-")[0]), 200, page)
        else:
            s.xhr("GET", "/api/v1/pod/%s/%s/shell/%s" % (ns, pod, pod.split("-")[0]), 200, page, size=60)
            s.xhr("GET", "/api/sockjs/info?t=" + ms(), 200, page, size=90)
        s.xhr("GET", "/api/v1/namespace", 200, page)
    # Argo CD
    for _ in range(6):
        s = Src("Argo CD UI: applications stream, resource tree, pod logs, resource manifest", desktop_ua())
        origin = "https://argocd.platform-example.net"
        app = R.choice(["guestbook", "payments-api", "ingress-nginx", "cert-manager"])
        page = origin + "/applications/argocd/" + app
        s.xhr("GET", "/api/v1/applications/%s/resource-tree?appNamespace=argocd" % app, 200, page)
        s.xhr("GET", "/api/v1/stream/applications?name=%s&appNamespace=argocd" % app, 200, page)
        if R.random() < 0.5:
            s.xhr("GET", "/api/v1/applications/%s/logs?appNamespace=argocd&container=%s&namespace=%s&follow=true&tailLines=1000&sinceSeconds=0&podName=%s-%s"
                  % (app, app, app, app, hexs(10)), 200, page)
        else:
            s.xhr("GET", "/api/v1/applications/%s/resource?name=%s-config&appNamespace=argocd&namespace=%s&resourceName=%s-config&version=v1&kind=ConfigMap&group="
                  % (app, app, app, app), 200, page)
    # Harbor
    for _ in range(5):
        s = Src("Harbor registry UI: projects, artifacts with scan overview, search", desktop_ua())
        origin = "https://harbor.registry-example.io"
        page = origin + "/harbor/projects/2/repositories"
        s.xhr("GET", "/api/v2.0/projects?page=1&page_size=15&with_detail=true", 200, page)
        s.xhr("GET", "/api/v2.0/projects/library/repositories/nginx/artifacts?with_tag=true&with_scan_overview=true&with_label=true&with_accessory=false&page_size=15&page=1", 200, page)
        s.xhr("GET", "/api/v2.0/projects/library/repositories?page=1&page_size=15&q=" + enc_component("name=~" + R.choice(["nginx", "redis", "api"])), 200, page)
    # Rancher
    for _ in range(4):
        s = Src("Rancher UI: steve API with filters and exclude=metadata.managedFields", desktop_ua())
        origin = "https://rancher.platform-example.net"
        page = origin + "/dashboard/c/local/explorer"
        s.xhr("GET", "/v1/management.cattle.io.clusters?exclude=metadata.managedFields", 200, page)
        s.xhr("GET", "/k8s/clusters/c-m-%s/v1/pods?exclude=metadata.managedFields&filter=%s" % (alnum(8).lower(), enc_component("metadata.namespace=cattle-system")), 200, page)
        s.xhr("GET", "/v3/settings/ui-brand", 200, page)
    # Consul UI
    for _ in range(4):
        s = Src("Consul UI: catalog, KV listing with keys&separator=/, blocking index", desktop_ua())
        origin = "https://consul.service-mesh-example.net"
        page = origin + "/ui/dc1/kv/config/"
        s.xhr("GET", "/v1/internal/ui/services?dc=dc1&index=%d" % R.randint(1000, 99999), 200, page)
        s.xhr("GET", "/v1/kv/config/?keys&dc=dc1&separator=%2F", 200, page)
        s.xhr("GET", "/v1/kv/config/app/database?dc=dc1", 200, page)
    # Vault UI
    for _ in range(5):
        s = Src("Vault UI: sys endpoints, KV v2 secret read and metadata list", desktop_ua())
        origin = "https://vault.secrets-example.net"
        page = origin + "/ui/vault/secrets/secret/kv/list"
        s.xhr("GET", "/v1/sys/seal-status", 200, page)
        s.xhr("GET", "/v1/sys/internal/ui/mounts", 200, page)
        s.xhr("GET", "/v1/secret/metadata/%s?list=true" % R.choice(["apps", "apps/payments", "teams/web"]), 200, page)
        s.xhr("GET", "/v1/secret/data/apps/%s/config" % R.choice(["payments", "web", "etl"]), 200, page)
    for _ in range(3):
        s = Src("Vault agent / CLI talking to the Vault API (no Referer)", "Go-http-client/1.1")
        s.req("GET", "/v1/sys/health?standbyok=true&perfstandbyok=true", 200, 300)
        s.req("GET", "/v1/auth/token/lookup-self", 200, 700)
    # Traefik dashboard
    for _ in range(3):
        s = Src("Traefik dashboard: routers search, overview", desktop_ua())
        origin = "https://traefik.edge-example.net"
        page = origin + "/dashboard/"
        s.xhr("GET", "/api/overview", 200, page)
        s.xhr("GET", "/api/http/routers?search=%s&status=&per_page=10&page=1" % R.choice(["", "api", "web%40docker"]), 200, page)
    # Envoy admin (operator with curl, on the admin port)
    for _ in range(4):
        s = Src("operator querying the Envoy admin interface with curl", "curl/8.5.0")
        for t in R.sample(["/stats?filter=cluster.*upstream_rq_5xx", "/stats?format=json&usedonly", "/clusters?format=json",
                           "/server_info", "/config_dump?resource=dynamic_active_clusters", "/stats/prometheus", "/ready"], 2):
            s.req("GET", t, 200, R.randint(200, 90000), gap=R.uniform(2, 10))
    # Portainer
    for _ in range(4):
        s = Src("Portainer UI: docker containers json with filters, exec", desktop_ua())
        origin = "https://portainer.home-lab-example.net"
        page = origin + "/"
        s.xhr("GET", "/api/endpoints/1/docker/containers/json?all=1&filters=%s" % enc_component('{"label":["com.docker.compose.project=web"]}'), 200, page)
        s.xhr("GET", "/api/endpoints/1/docker/containers/%s/json" % hexs(64), 200, page)
        if R.random() < 0.5:
            s.xhr("POST", "/api/endpoints/1/docker/containers/%s/exec" % hexs(64), 201, page)
            s.xhr("GET", "/api/websocket/exec?token=%s&endpointId=1&id=%s" % ("eyJhbGciOiJIUzI1NiJ9." + b64u(80) + "." + b64u(43), hexs(64)), 101, page, size=0)
    # MinIO console
    for _ in range(4):
        s = Src("MinIO console: bucket object listing (base64 prefix) and download", desktop_ua())
        origin = "https://minio-console.storage-example.net"
        page = origin + "/browser/reports"
        s.xhr("GET", "/api/v1/buckets/reports/objects?prefix=%s" % enc_component(R.choice(["MjAyNS8=", "ZmluYW5jZS9xMy8=", "ZXRjLw=="])), 200, page)
        s.xhr("GET", "/api/v1/buckets/reports/objects/download?prefix=%s&version_id=null" % enc_component("MjAyNS9xMy1yZXBvcnQucGRm"), 200, page)
    # pgAdmin
    for _ in range(4):
        s = Src("pgAdmin 4: browser tree, query tool init and polling", desktop_ua())
        origin = "https://pgadmin.db-example.net"
        page = origin + "/browser/"
        tid = R.randint(1000000, 9999999)
        s.xhr("GET", "/browser/database/nodes/1/1/", 200, page)
        s.xhr("POST", "/sqleditor/initialize/sqleditor/%d/1/1/16384" % tid, 200, page)
        s.xhr("POST", "/sqleditor/query_tool/start/%d" % tid, 200, page)
        s.xhr("GET", "/sqleditor/poll/%d" % tid, 200, page)
    # Adminer-like consoles: mongo-express, pgweb, Redis Commander
    for _ in range(3):
        s = Src("mongo-express: collection view with key/value query", desktop_ua())
        origin = "https://mongo-admin.db-example.net"
        page = origin + "/db/shop/orders"
        s.req("GET", "/db/shop/orders?skip=0&key=status&value=paid&type=S&query=&projection=", 200, 30000, page)
        s.req("GET", "/db/shop/orders?skip=0&key=&value=&type=&query=%s&projection=" % enc_form('{"total":{"$gt":100}}'), 200, 30000, page)
    for _ in range(3):
        s = Src("pgweb: SQL query run from the web UI", desktop_ua())
        origin = "https://pgweb.db-example.net"
        page = origin + "/"
        s.xhr("GET", "/api/tables/public.orders/rows?offset=0&limit=100&sort_column=created_at&sort_order=DESC", 200, page)
        s.xhr("POST", "/api/query", 200, page)
    for _ in range(2):
        s = Src("Redis Commander: key tree and key detail", desktop_ua())
        origin = "https://redis-ui.db-example.net"
        page = origin + "/"
        s.xhr("GET", "/apiv2/keystree/R:redis:6379:0/session%3A*?flat=true", 200, page)
        s.xhr("GET", "/apiv2/key/R:redis:6379:0/%s" % enc_component("session:" + hexs(32)), 200, page)
    # RabbitMQ management
    for _ in range(5):
        s = Src("RabbitMQ management UI: queues in vhost %2F with rate params", desktop_ua())
        origin = "https://rabbitmq.mq-example.net"
        page = origin + "/"
        s.xhr("GET", "/api/overview?lengths_age=60&lengths_incr=5&msg_rates_age=60&msg_rates_incr=5", 200, page)
        s.xhr("GET", "/api/queues/%2F?page=1&page_size=100&name=&use_regex=false&pagination=true", 200, page)
        s.xhr("GET", "/api/queues/%%2F/%s?lengths_age=60&lengths_incr=5&msg_rates_age=60&msg_rates_incr=5&data_rates_age=60&data_rates_incr=5"
              % R.choice(["orders", "emails.outbound", "amq.gen-" + b64u(22)]), 200, page)
    # Grafana-less: Alertmanager UI
    for _ in range(2):
        s = Src("Alertmanager UI: alerts with matcher filter", desktop_ua())
        page = "https://alertmanager.monitoring-example.net/"
        s.xhr("GET", "/api/v2/alerts/groups?filter=%s&silenced=false&inhibited=false&active=true" % enc_component('severity=~"critical|warning"'), 200, page)


# =========================================================== 6. legacy / enterprise
def legacy():
    # ASP.NET WebForms
    for _ in range(6):
        s = Src("ASP.NET WebForms search form submitted with method=GET (__VIEWSTATE, __EVENTVALIDATION, ctl00$ names)", browser_ua())
        origin = "https://www.county-records-example.gov"
        vs = "/wEPDwUKLTM0NjI4NTk2Ng9kFgJmD2QWAgIDD2QWAgIBD2QWAgIFDxYCHgdWaXNpYmxlaGRk" + b64(R.randint(20, 120))
        ev = "/wEdAAO" + b64(60)
        term = R.choice(["smith", "o'brien", "land deed 1987", "parcel 12-345"])
        q = ("__EVENTTARGET=&__EVENTARGUMENT=&__VIEWSTATE=%s&__VIEWSTATEGENERATOR=%s&__EVENTVALIDATION=%s&ctl00%%24MainContent%%24txtSearch=%s&ctl00%%24MainContent%%24btnSearch=Search"
             % (enc_form(vs), hexs(8).upper(), enc_form(ev), enc_form(term)))
        url = s.page(origin, "/Records/Search.aspx?" + q, ref=origin + "/Records/Search.aspx",
                     assets=["/WebResource.axd?d=%s&t=%d" % (b64u(80), 638400000000000000 + R.randint(0, 10**12)),
                             "/ScriptResource.axd?d=%s&t=%s" % (b64u(120), hexs(8))])
    for _ in range(5):
        s = Src("ASP.NET Forms auth redirect to login with ReturnUrl=%2fadmin%2f..., then POST login", browser_ua())
        origin = "https://intranet.meridian-logistics-example.com"
        ret = R.choice(["%2fadmin%2freports%2fdaily.aspx", "%2fAdmin%2fUsers.aspx%3fid%3d42", "%2fadmin%2f"])
        url = s.page(origin, "/Account/Login.aspx?ReturnUrl=" + ret, ref="-", assets=["/Content/site.css", "/Scripts/jquery-3.7.1.min.js"])
        s.req("POST", "/Account/Login.aspx?ReturnUrl=" + ret, 302, 0, url, gap=R.uniform(4, 12))
    for _ in range(4):
        s = Src("ASP.NET site with Telerik combined script handler and .ashx image handler", browser_ua())
        origin = "https://portal.hospital-staffing-example.com"
        tsm = enc_form(";;System.Web.Extensions, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35:en-US:%s:ea597d4b:b25378d2;Telerik.Web.UI, Version=2020.1.219.45, Culture=neutral, PublicKeyToken=121fae78165ba3d4:en-US:%s:16e4e7cd:f7645509:24ee1bba" % (uuid(), uuid())).replace("%2C", "%2c").replace("%3A", "%3a").replace("%3B", "%3b").replace("%3D", "%3d")
        url = s.page(origin, "/Shifts/Calendar.aspx", ref=origin + "/Default.aspx", assets=[
            "/Telerik.Web.UI.WebResource.axd?_TSM_HiddenField_=ctl00_RadScriptManager1_TSM&compress=1&_TSM_CombinedScripts_=" + tsm,
            "/Handlers/Photo.ashx?id=%d&w=64&h=64" % R.randint(100, 9999)])
    for _ in range(2):
        s = Src("content editor opening Telerik RadEditor's Image Manager dialog (DialogHandler.aspx with dp=)", desktop_ua())
        origin = "https://www.regional-chamber-example.org"
        url = origin + "/Admin/EditPage.aspx?pageId=%d" % R.randint(10, 400)
        s.req("GET", "/Telerik.Web.UI.DialogHandler.aspx?DialogName=ImageManager&UseRSM=true&renderMode=2&Skin=Default&Title=Image%%20Manager&doid=%s&dpptn=&isRtl=false&dp=%s"
              % (uuid(), enc_component(b64(600) + "=")), 200, 30000, url)
        dlg = s.reqs[-1][2]
        # uploading a picture in the dialog: RadAsyncUpload posts to the rau handler
        s.req("POST", "/Telerik.Web.UI.WebResource.axd?type=rau", 200, 180, origin + dlg, gap=R.uniform(5, 20))
        s.req("POST", dlg, 200, 30000, origin + dlg, gap=1)
    for _ in range(2):
        s = Src("ColdFusion administrator used by the site's own admin (CFIDE/administrator)", desktop_ua())
        origin = "https://cf.alumni-association-example.edu"
        url = s.page(origin, "/CFIDE/administrator/index.cfm", ref="-", assets=["/CFIDE/administrator/css/cfadmin.css"])
        s.req("POST", "/CFIDE/administrator/enter.cfm", 302, 0, url, gap=R.uniform(5, 15))
        s.page(origin, "/CFIDE/administrator/settings/server_settings.cfm", ref=origin + "/CFIDE/administrator/index.cfm", gap=2)
    # Java EE with ;jsessionid=
    for _ in range(6):
        s = Src("Java EE app without cookies yet: URL rewriting with ;jsessionid= in the path", browser_ua())
        origin = "https://booking.municipal-pool-example.org"
        js = hexs(32).upper()
        url = s.page(origin, "/booking/index.jsp;jsessionid=%s" % js, ref="https://www.municipal-pool-example.org/",
                     assets=["/booking/css/style.css;jsessionid=%s" % js, "/booking/js/calendar.js;jsessionid=%s" % js])
        s.req("GET", "/booking/slots.jsp;jsessionid=%s?date=2025-11-%02d&pool=main" % (js, R.randint(15, 28)), 200, 9000, url, gap=R.uniform(3, 15))
    # Struts .do / .action
    for _ in range(5):
        s = Src("Struts application: .do and .action URLs", browser_ua())
        origin = "https://hr.manufacturing-co-example.com"
        url = s.page(origin, R.choice(["/ess/leave/list.do?method=view&year=2025", "/ess/payslip/viewPayslip.action?period=2025-10",
                                       "/ess/timesheet/edit.do?weekStart=2025-11-10&dispatch=load"]),
                     ref=origin + "/ess/home.do", assets=["/ess/struts/xhtml/styles.css", "/ess/js/ess.js"])
    # JSF / PrimeFaces
    for _ in range(4):
        s = Src("JSF/PrimeFaces app: javax.faces.resource and a GET form with javax.faces.ViewState", browser_ua())
        origin = "https://claims.insurer-example.com"
        url = s.page(origin, "/portal/claims.xhtml?claimId=%d" % R.randint(100000, 999999), ref=origin + "/portal/home.xhtml",
                     assets=["/portal/javax.faces.resource/theme.css.xhtml?ln=primefaces-saga&v=12.0.0",
                             "/portal/javax.faces.resource/jsf.js.xhtml?ln=javax.faces",
                             "/portal/javax.faces.resource/core.js.xhtml?ln=primefaces&v=12.0.0"])
        s.req("GET", "/portal/search.xhtml?searchForm=searchForm&searchForm%%3Aq=%s&searchForm%%3Abtn=&javax.faces.ViewState=%s"
              % (enc_form(R.choice(["water damage", "policy 4411-22"])), enc_form("%d:%d" % (R.randint(-9 * 10**18, 9 * 10**18), R.randint(-9 * 10**18, 9 * 10**18)))),
              200, 20000, url, gap=R.uniform(5, 20))
    # ColdFusion CFID/CFTOKEN
    for _ in range(4):
        s = Src("ColdFusion site with CFID/CFTOKEN in URLs (cookies disabled), fuseaction", browser_ua())
        origin = "https://www.alumni-association-example.edu"
        url = s.page(origin, "/index.cfm?fuseaction=events.detail&eventID=%d&CFID=%d&CFTOKEN=%s" % (R.randint(100, 999), R.randint(100000, 9999999), R.choice([str(R.randint(10**7, 10**8)), hexs(16) + "-" + uuid().upper()])),
                     ref=origin + "/index.cfm?fuseaction=events.list", assets=["/styles/main.css", "/images/logo.gif"])
    # PHP with PHPSESSID in query (trans_sid)
    for _ in range(3):
        s = Src("old PHP site with session.use_trans_sid: PHPSESSID in the query", browser_ua())
        origin = "https://www.vintage-radio-club-example.org"
        sid = alnum(26).lower()
        url = s.page(origin, "/forum/viewtopic.php?t=%d&PHPSESSID=%s" % (R.randint(100, 9999), sid), ref=origin + "/forum/index.php?PHPSESSID=" + sid,
                     assets=["/forum/styles/prosilver/theme/stylesheet.css"])
    # SAP Fiori / WebGUI / Portal
    for _ in range(5):
        s = Src("SAP Fiori launchpad / WebGUI / Portal in a browser", desktop_ua())
        origin = "https://fiori.corp-erp-example.com"
        url = s.page(origin, R.choice(["/sap/bc/ui5_ui5/ui2/ushell/shells/abap/FioriLaunchpad.html?sap-client=100&sap-language=EN",
                                       "/sap/bc/gui/sap/its/webgui?sap-client=100&~transaction=ME23N",
                                       "/irj/portal?NavigationTarget=navurl://%s" % hexs(32)]),
                     ref="-", assets=["/sap/public/bc/ui5_ui5/resources/sap-ui-core.js", "/sap/public/bc/ur/Login/assets/sap_logo.png"])
        s.xhr("GET", "/sap/bc/ui2/start_up?so=%2A&action=%2A&systemAliasesFormat=object&sap-language=EN&shellType=FLP&depth=0", 200, url)
    # Oracle E-Business Suite
    for _ in range(3):
        s = Src("Oracle E-Business Suite user: OA.jsp function links", desktop_ua())
        origin = "https://ebs.corp-erp-example.com"
        url = s.page(origin, "/OA_HTML/OA.jsp?OAFunc=OAHOMEPAGE", ref=origin + "/OA_HTML/AppsLogin",
                     assets=["/OA_HTML/cabo/styles/blaf.css"])
        s.req("GET", "/OA_HTML/RF.jsp?function_id=%d&resp_id=%d&resp_appl_id=%d&security_group_id=0&lang_code=US&oas=%s.." % (R.randint(10000, 99999), R.randint(50000, 59999), R.randint(100, 999), b64u(22)), 200, 30000, url, gap=5)
    # PeopleSoft
    for _ in range(4):
        s = Src("PeopleSoft HCM self-service: psp/psc component URLs", desktop_ua())
        origin = "https://hcm.university-example.edu"
        url = s.page(origin, "/psp/HRPRD/EMPLOYEE/HRMS/c/ROLE_EMPLOYEE.TL_MSS_EE_SRCH_PRD.GBL?Page=TL_MSS_EE_SRCH_PRD&Action=U&EMPLID=%d" % R.randint(10**6, 10**7),
                     ref=origin + "/psp/HRPRD/EMPLOYEE/HRMS/h/?tab=DEFAULT", assets=["/cs/HRPRD/cache/PT_BRAND_CLASSIC_TEMPLATE_FMODE_1.css"])
        s.req("GET", "/psc/HRPRD/EMPLOYEE/HRMS/c/ROLE_EMPLOYEE.HR_EE_PERS_INFO.GBL?NAVSTACK=Clear&PortalActualURL=%s" % enc_component(origin + "/psc/HRPRD/EMPLOYEE/HRMS/c/ROLE_EMPLOYEE.HR_EE_PERS_INFO.GBL"), 200, 20000, url, gap=3)
    # Lotus Domino
    for _ in range(4):
        s = Src("HCL/Lotus Domino intranet: ?OpenView / ?OpenDocument, names.nsf login", desktop_ua())
        origin = "https://notes.lawfirm-example.com"
        url = s.page(origin, R.choice(["/intranet.nsf/vwNews?OpenView&Start=1&Count=30",
                                       "/intranet.nsf/0/%s?OpenDocument" % hexs(32).upper(),
                                       "/mail/jdoe.nsf/($Inbox)?OpenView"]),
                     ref=origin + "/intranet.nsf", assets=["/domjs/dojo-1.9.7/dojo/dojo.js", "/icons/ecblank.gif"])
        if R.random() < 0.4:
            s.req("POST", "/names.nsf?Login", 302, 0, url, gap=3)
    # Classic ASP
    for _ in range(3):
        s = Src("classic ASP catalogue with search and sort parameters", browser_ua())
        origin = "https://www.hardware-wholesale-example.com"
        url = s.page(origin, "/catalog/list.asp?cat=%d&sort=price&dir=asc&pg=%d" % (R.randint(1, 40), R.randint(1, 5)), ref=origin + "/default.asp",
                     assets=["/images/spacer.gif", "/css/styles.css"])


# =========================================================== 7. file managers
def filemanagers():
    names = ["Tom's notes; draft (v2).docx", "Q3 report (final) & appendix.pdf", "etc-hosts-backup.txt", "passwd-rotation-policy.docx",
             "config.yaml", "nginx.conf", "Budget 2026 \"FINAL\".xlsx", "photo (1).jpg", "Smith & Sons invoice #4411.pdf",
             "README.md", "meeting-notes 14.11.docx", "contract_v3;signed.pdf"]
    dirs = ["docs/reports", "etc", "Shared/IT/config", "projects/2025 (archive)", "HR/policies"]
    # elFinder
    for _ in range(6):
        s = Src("elFinder file manager: open, search and download via connector (hash targets)", desktop_ua())
        origin = "https://files.design-agency-example.com"
        page = origin + "/elfinder/elfinder.html"
        s.xhr("GET", "/elfinder/php/connector.minimal.php?cmd=open&target=l1_Lw&init=1&tree=1&_=" + ms(), 200, page)
        d = R.choice(dirs)
        import base64
        h = base64.b64encode(d.encode()).decode().rstrip("=").replace("+", "-").replace("/", "_")
        s.xhr("GET", "/elfinder/php/connector.minimal.php?cmd=open&target=l1_%s&_=%s" % (h, ms()), 200, page)
        if R.random() < 0.5:
            s.xhr("GET", "/elfinder/php/connector.minimal.php?cmd=search&q=%s&target=l1_Lw&_=%s" % (enc_component(R.choice(["config", "passwd", "invoice", "etc"])), ms()), 200, page)
        f = base64.b64encode((d + "/" + R.choice(names)).encode()).decode().rstrip("=").replace("+", "-").replace("/", "_")
        s.xhr("GET", "/elfinder/php/connector.minimal.php?cmd=file&target=l1_%s&download=1&_t=%s" % (f, ms()), 200, page)
    # Tiny File Manager
    for _ in range(6):
        s = Src("Tiny File Manager: browse p=dir, view and download user files", desktop_ua())
        origin = "https://fm.smallbiz-example.net"
        d = R.choice(dirs)
        page = origin + "/tinyfilemanager.php?p=" + enc_component(d)
        s.req("GET", "/tinyfilemanager.php?p=" + enc_component(d), 200, 14000, origin + "/tinyfilemanager.php?p=")
        n = R.choice(names)
        s.req("GET", "/tinyfilemanager.php?p=%s&view=%s" % (enc_component(d), enc_component(n)), 200, 9000, page)
        s.req("GET", "/tinyfilemanager.php?p=%s&dl=%s" % (enc_component(d), enc_component(n)), 200, 50000, origin + "/tinyfilemanager.php?p=%s&view=%s" % (enc_component(d), enc_component(n)))
    # Filebrowser
    for _ in range(6):
        s = Src("Filebrowser (filebrowser/filebrowser): resources API and raw download with file names in the path", desktop_ua())
        origin = "https://drive.home-example.net"
        d = R.choice(dirs); n = R.choice(names)
        page = origin + "/files/" + enc_path(d) + "/"
        s.xhr("GET", "/api/resources/%s/" % up.quote(d, safe="/"), 200, page)
        s.xhr("GET", "/api/raw/%s/%s?auth=%s&inline=true" % (up.quote(d, safe="/"), up.quote(n, safe="/"), "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + b64u(120) + "." + b64u(43)), 200, page)
    # Seafile
    for _ in range(5):
        s = Src("Seafile web: library file view and seafhttp download", desktop_ua())
        origin = "https://seafile.university-example.edu"
        repo = uuid(); n = R.choice(names); d = R.choice(dirs)
        page = origin + "/library/%s/My%%20Library/%s" % (repo, enc_path(d))
        s.xhr("GET", "/api/v2.1/repos/%s/dir/?p=%s&with_thumbnail=true" % (repo, enc_component("/" + d)), 200, page)
        s.req("GET", "/lib/%s/file/%s/%s" % (repo, enc_path(d), enc_path(n)), 200, 20000, page)
        s.req("GET", "/seafhttp/files/%s/%s" % (uuid(), enc_path(n)), 200, 80000, origin + "/lib/%s/file/%s/%s" % (repo, enc_path(d), enc_path(n)))
    # Pydio Cells
    for _ in range(3):
        s = Src("Pydio Cells: tree stats POST and file download via /io with pre-signed params", desktop_ua())
        origin = "https://cells.lawoffice-example.com"
        page = origin + "/ws-personal-files/" + enc_path(R.choice(dirs))
        s.xhr("POST", "/a/tree/stats", 200, page)
        n = R.choice(names)
        s.xhr("GET", "/io/personal-files/%s?response-content-disposition=%s&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=gateway%%2F20251114%%2Fus-east-1%%2Fs3%%2Faws4_request&X-Amz-Date=20251114T130000Z&X-Amz-Expires=600&X-Amz-SignedHeaders=host&X-Amz-Signature=%s"
              % (enc_component(n), enc_component('attachment; filename="%s"' % n), hexs(64)), 200, page)
    # Apache/nginx autoindex users downloading
    for _ in range(4):
        s = Src("directory listing (autoindex) of a files share: browse and download", browser_ua())
        origin = "https://downloads.opensource-project-example.org"
        d = R.choice(["/releases/v2.4/", "/etc/", "/config-examples/", "/docs/"])
        url = s.page(origin, d + R.choice(["", "?C=M;O=D", "?C=S;O=A"]), ref=origin + "/", assets=["/icons/folder.gif", "/icons/text.gif"])
        s.req("GET", d + enc_path(R.choice(["passwd.example", "config.sample.yaml", "hosts.allow.example", "release-notes (2.4.1).txt"])), 200, 3000, url, gap=3)


# =========================================================== 8. translation / reader / archive / a11y
def translation():
    for _ in range(6):
        s = Src("Google Translate website proxy fetching pages for a *.translate.goog visitor (_x_tr_ params)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36,gzip(gfe)")
        tl = R.choice(["en", "de", "es", "ja", "uk", "pt"])
        p = R.choice(["/news/2025/11/local-elections-results", "/recipes/pierogi", "/about-us", "/faq?section=shipping"])
        sep = "&" if "?" in p else "?"
        s.req("GET", p + sep + "_x_tr_sl=auto&_x_tr_tl=%s&_x_tr_hl=%s&_x_tr_pto=wapp" % (tl, tl), 200, 40000,
              "https://www-regional-paper-example-com.translate.goog/")
    for _ in range(5):
        s = Src("self-hosted translation frontend (SimplyTranslate/Lingva style): translate a page via u=https://...", browser_ua())
        origin = "https://translate.privacy-tools-example.org"
        u = R.choice(["https://www.lemonde.fr/economie/article/2025/11/13/la-bce-maintient-ses-taux_123.html",
                      "https://www.spiegel.de/wissenschaft/klimagipfel-a-1234.html",
                      "https://elpais.com/ciencia/2025-11-13/el-telescopio.html"])
        url = s.page(origin, "/translate?sl=auto&tl=en&u=" + enc_component(u), ref=origin + "/", assets=["/static/style.css"])
    for _ in range(5):
        s = Src("reader-mode / read-it-later service: save a URL from the bookmarklet", browser_ua())
        origin = "https://read.bookmarks-example.net"
        u = R.choice(["https://arstechnica.com/science/2025/11/new-battery-chemistry/", "https://www.theguardian.com/world/2025/nov/13/live",
                      "http://blog.example-dev.net/2019/03/why-i-left-php.html", "https://news.ycombinator.com/item?id=42000000"])
        url = s.page(origin, "/bookmarklet?url=" + enc_component(u) + "&title=" + enc_component(R.choice(["New battery chemistry", "Live news", "Why I left PHP"])),
                     ref=u, assets=["/css/reader.css", "/js/reader.js"])
    for _ in range(4):
        s = Src("archive.today-style link: /newest/https://... and /<id> snapshots", browser_ua())
        origin = "https://archive.webcapture-example.org"
        u = R.choice(["https://www.nytimes.com/2025/11/12/technology/ai-chips.html", "https://www.ft.com/content/%s" % uuid()])
        url = s.page(origin, "/newest/" + u, status=302, ref="https://news.ycombinator.com/", size=300)
        s.page(origin, "/%s" % alnum(5), ref="https://news.ycombinator.com/", assets=["/css/archive.css"])
    for _ in range(4):
        s = Src("Wayback-style timestamped replay URL /web/2024.../https://site/ from a browser", browser_ua())
        origin = "https://webarchive.library-example.org"
        url = s.page(origin, "/web/20240315082211/https://www.example-university.edu/admissions/", ref="https://en.wikipedia.org/",
                     assets=["/_static/css/banner-styles.css", "/web/20240315082211im_/https://www.example-university.edu/img/logo.png"])
    for _ in range(6):
        s = Src("accessibility overlay widget loading its config for the current page", browser_ua())
        page = R.choice(["https://www.dental-clinic-example.com/", "https://www.citycouncil-example.gov/bins-and-recycling"])
        s.req("GET", "/widget.js?account=%s" % alnum(10), 200, 80000, page)
        s.req("GET", "/api/v1/settings?siteId=%d&url=%s&lang=en" % (R.randint(10000, 99999), enc_component(page)), 200, 2000, page)
        if R.random() < 0.5:
            s.req("GET", "/api/v1/remediation?url=%s&domain=%s" % (enc_component(page), up.urlsplit(page).netloc), 200, 9000, page)


# =========================================================== 9. marketing automation / email trackers
def marketing():
    origin = "https://www.saas-crm-example.com"
    assets = ["/wp-content/themes/saas/dist/main.css?ver=2.3.1", "/wp-content/themes/saas/dist/main.js?ver=2.3.1"]
    for _ in range(6):
        s = Src("Marketo email click landing: mkt_tok= and utm params", browser_ua())
        tok = "NjE0LUFCQy0xMjMAAAG" + b64u(120)
        s.page(origin, "/webinars/q4-roadmap/?utm_source=marketo&utm_medium=email&utm_campaign=q4-roadmap&mkt_tok=" + tok,
               ref=R.choice(["-", "-", "https://outlook.office.com/"]), assets=assets)
    for _ in range(6):
        s = Src("HubSpot email/page tracking params (__hstc, __hssc, __hsfp, _hsenc, _hsmi) on a landing page", browser_ua())
        tstamp = ms()
        q = "__hstc=%d.%s.%s.%s.%s.%d&__hssc=%d.%d.%s&__hsfp=%d" % (R.randint(10**7, 10**9), hexs(32), tstamp, tstamp, tstamp, R.randint(1, 9),
                                                                    R.randint(10**7, 10**9), R.randint(1, 5), tstamp, R.randint(10**8, 10**10))
        if R.random() < 0.6:
            q += "&_hsenc=p2ANqtz-%s&_hsmi=%d" % (b64u(96), R.randint(10**7, 10**9))
        s.page(origin, "/pricing/?" + q, ref=R.choice(["-", "https://blog.partner-example.com/"]), assets=assets)
    for _ in range(4):
        s = Src("Pardot tracked link redirect and landing with pi_ params", browser_ua())
        s.req("GET", "/e/%d/2025-11-14/%s/%d?h=%s" % (R.randint(100000, 999999), alnum(6).lower(), R.randint(10**8, 10**9), b64u(40)), 302, 0)
        s.page(origin, "/ebook/crm-guide?pi_list_email=%s&utm_source=pardot" % enc_component("jane.doe+news@example.org"), ref="-", assets=assets, gap=0.5)
    for _ in range(5):
        s = Src("Klaviyo campaign click: _kx and utm params on a store page", browser_ua())
        shop = "https://shop.coffee-roasters-example.com"
        s.page(shop, "/collections/single-origin?_kx=%s.%s&utm_source=klaviyo&utm_medium=email&utm_campaign=Black%%20Friday%%20Early%%20Access%%20(%s)"
               % (b64u(40), alnum(6), alnum(6)), ref="-", assets=["/cdn/shop/t/5/assets/base.css?v=%d" % R.randint(10**15, 10**16), "/cdn/shop/t/5/assets/global.js?v=%d" % R.randint(10**15, 10**16)])
    # click-tracking redirectors (we run the tracker)
    trk = "https://click.mailer-example.net"
    for _ in range(6):
        s = Src("email click tracker redirect: URL-encoded destination (302)", browser_ua())
        dest = R.choice(["https://www.saas-crm-example.com/pricing/?utm_source=newsletter&utm_medium=email",
                         "https://shop.coffee-roasters-example.com/products/ethiopia-guji?variant=4411&utm_campaign=nov",
                         "https://docs.example-api.dev/changelog#2025-11-13"])
        s.req("GET", "/track/click?u=%s&id=%s&e=%s&url=%s" % (hexs(25), hexs(10), hexs(10), enc_component(dest)), 302, 0, R.choice(["-", "https://mail.google.com/"]))
    for _ in range(6):
        s = Src("email click tracker redirect: base64url destination in the path or query (302)", browser_ua())
        import base64
        dest = R.choice(["https://www.saas-crm-example.com/webinars/q4-roadmap/?utm_source=email",
                         "https://shop.coffee-roasters-example.com/cart?discount=WELCOME10",
                         "https://status.example-api.dev/incidents/2025-11-13"])
        enc = base64.urlsafe_b64encode(dest.encode()).decode().rstrip("=")
        s.req("GET", R.choice(["/ls/click?upn=u001.%s-2B%s" % (b64u(60), b64u(40)),
                               "/c/%s" % enc, "/r?url=%s&sig=%s" % (enc, hexs(40)),
                               "/CL0/%s/1/%s/%s=%d" % (enc_component(dest).replace("%", "%25"), hexs(64), b64u(40), R.randint(100, 999))]),
              302, 0, "-")
    for _ in range(3):
        s = Src("email open pixel fetched via Gmail image proxy", "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)")
        s.req("GET", "/o/%s.gif" % b64u(48), 200, 43)
    for _ in range(3):
        s = Src("Apple Mail privacy protection prefetching an open pixel", "Mozilla/5.0")
        s.req("GET", "/open?u=%s&m=%s" % (hexs(24), hexs(24)), 200, 43)
    for _ in range(3):
        s = Src("Microsoft Defender Safe Links / link scanner pre-fetching a tracked link", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")
        s.req("GET", "/track/click?u=%s&id=%s&e=%s&url=%s" % (hexs(25), hexs(10), hexs(10), enc_component("https://www.saas-crm-example.com/pricing/")), 302, 0)


# =========================================================== 10. LAN devices
def lan():
    for _ in range(7):
        s = Src("Synology DSM web UI on the LAN: entry.cgi API calls with JSON-quoted params", desktop_ua())
        origin = "http://%s:5000" % R.choice(["192.168.1.20", "192.168.0.5", "10.0.0.20"])
        page = origin + "/"
        s.xhr("GET", "/webapi/entry.cgi?api=SYNO.Core.System&method=info&version=3", 200, page)
        s.xhr("POST", "/webapi/entry.cgi?api=SYNO.Core.Desktop.Initdata&method=get&version=1&launch_app=%22SYNO.SDS.App.FileStation3.Instance%22", 200, page)
        s.xhr("GET", "/webapi/entry.cgi?api=SYNO.FileStation.List&version=2&method=list&folder_path=%s&additional=%s&offset=0&limit=1000&sort_by=%%22name%%22&sort_direction=%%22ASC%%22"
              % (enc_component('"/%s"' % R.choice(["home", "photo", "docker/config", "backup/etc"])), enc_component('["real_path","size","owner","time","perm","type"]')), 200, page)
        if R.random() < 0.5:
            s.xhr("GET", "/webapi/entry.cgi?api=SYNO.FileStation.Download&version=2&method=download&path=%s&mode=%%22download%%22&_sid=%s"
                  % (enc_component('["/home/Documents/%s"]' % R.choice(["passwd-policy.pdf", "router config.txt", "taxes (2024).pdf"])), b64u(40)), 200, page)
    for _ in range(3):
        s = Src("Synology Photos / DS app on a phone (no Referer)", "DS%20file/4.6.0 CFNetwork/1498.700.2 Darwin/23.6.0")
        s.req("GET", "/webapi/entry.cgi?api=SYNO.API.Info&version=1&method=query&query=all", 200, 9000)
        s.req("GET", "/webapi/entry.cgi?api=SYNO.FileStation.List&version=2&method=list_share&additional=%5B%22real_path%22%5D&_sid=" + b64u(40), 200, 2000)
    for _ in range(4):
        s = Src("QNAP QTS web UI: authLogin, filemanager utilRequest", desktop_ua())
        origin = "http://192.168.1.%d:8080" % R.randint(2, 250)
        page = origin + "/cgi-bin/"
        sid = alnum(8).lower()
        s.xhr("GET", "/cgi-bin/authLogin.cgi?sid=%s" % sid, 200, page)
        s.xhr("GET", "/cgi-bin/filemanager/utilRequest.cgi?func=get_tree&sid=%s&is_iso=0&node=share_root" % sid, 200, page)
        s.xhr("GET", "/cgi-bin/filemanager/utilRequest.cgi?func=get_list&sid=%s&is_iso=0&list_mode=all&path=%s&dir=ASC&limit=100&sort=filename&start=0" % (sid, enc_component("/Public/etc")), 200, page)
    for _ in range(5):
        s = Src("UniFi Network / Protect console on the LAN", desktop_ua())
        origin = "https://192.168.1.1"
        page = origin + "/network/default/dashboard"
        s.xhr("GET", "/proxy/network/api/s/default/stat/sta", 200, page)
        s.xhr("GET", "/proxy/network/v2/api/site/default/traffic?start=%s&end=%s&includeUnidentified=true" % (ms(), ms()), 200, page)
        s.xhr("GET", "/proxy/protect/api/cameras", 200, page)
    for _ in range(6):
        s = Src("OpenWrt LuCI (older, ;stok= session token in the path)", desktop_ua())
        origin = "http://192.168.%d.1" % R.choice([1, 8, 10])
        tok = hexs(32)
        base = "/cgi-bin/luci/;stok=%s" % tok
        url = s.page(origin, base + "/admin/status/overview", ref=origin + "/cgi-bin/luci", assets=["/luci-static/bootstrap/cascade.css", "/luci-static/resources/xhr.js"])
        s.xhr("GET", base + "/admin/status/overview?status=1&_=%s" % str(R.random()), 200, url)
        if R.random() < 0.5:
            s.xhr("GET", base + "/admin/network/iface_status/lan,wan?_=%s" % str(R.random()), 200, url)
    for _ in range(4):
        s = Src("OpenWrt LuCI (21.02+): ubus JSON-RPC and admin pages", desktop_ua())
        origin = "http://192.168.1.1"
        url = s.page(origin, "/cgi-bin/luci/admin/network/wireless", ref=origin + "/cgi-bin/luci/admin/status/overview",
                     assets=["/luci-static/resources/luci.js?v=git-23.051.66410-a505bb1", "/luci-static/resources/view/network/wireless.js?v=git-23.051.66410-a505bb1"])
        s.xhr("POST", "/ubus/?%d" % R.randint(1, 50), 200, url)
    for _ in range(5):
        s = Src("pfSense web UI: status pages, diagnostics, widgets", desktop_ua())
        origin = "https://192.168.1.1"
        url = s.page(origin, R.choice(["/status_logs.php?logfile=system", "/firewall_rules.php?if=wan", "/diag_ping.php", "/status_interfaces.php"]),
                     ref=origin + "/index.php", assets=["/vendor/bootstrap/css/bootstrap.min.css?v=1699999999", "/js/pfSenseHelpers.js?v=1699999999"])
        s.xhr("POST", "/widgets/widgets/traffic_graphs.widget.php", 200, url)
        s.xhr("GET", "/getstats.php", 200, url)
    for _ in range(4):
        s = Src("Hikvision NVR web UI: ISAPI device info, snapshot", desktop_ua())
        origin = "http://192.168.1.%d" % R.randint(60, 99)
        url = s.page(origin, "/doc/page/preview.asp", ref=origin + "/doc/page/login.asp?_%s" % ms(), assets=["/doc/css/ui.css"])
        s.xhr("GET", "/ISAPI/System/deviceInfo", 200, url)
        s.xhr("GET", "/ISAPI/Streaming/channels/%d01/picture?snapShotImageType=JPEG" % R.randint(1, 8), 200, url)
    for _ in range(3):
        s = Src("Dahua NVR web UI: RPC2 login, snapshot", desktop_ua())
        origin = "http://192.168.1.%d" % R.randint(100, 120)
        page = origin + "/"
        s.xhr("POST", "/RPC2_Login", 200, page)
        s.xhr("POST", "/RPC2", 200, page)
        s.xhr("GET", "/cgi-bin/snapshot.cgi?channel=1&type=0", 200, page)
    for _ in range(3):
        s = Src("Home Assistant-less camera polling with curl (snapshot.cgi, digest auth)", "curl/7.88.1")
        s.req("GET", "/cgi-bin/snapshot.cgi?channel=1", 401, 0)
        s.req("GET", "/cgi-bin/snapshot.cgi?channel=1", 200, 180000, gap=0.1)
    for _ in range(4):
        s = Src("HP printer embedded web server status pages", desktop_ua())
        origin = "https://192.168.1.%d" % R.randint(30, 50)
        url = s.page(origin, "/hp/device/DeviceStatus/Index", ref=origin + "/", assets=["/hp/device/Content/hp.css"])
        s.xhr("GET", "/DevMgmt/ProductStatusDyn.xml", 200, url)
        s.xhr("GET", "/DevMgmt/ConsumableConfigDyn.xml", 200, url)
    for _ in range(3):
        s = Src("CUPS web interface: jobs and printer pages", desktop_ua())
        origin = "http://print-server.local:631"
        tgt = R.choice(["/jobs/?which_jobs=completed", "/printers/HP_LaserJet_M404?which_jobs=all", "/admin/log/error_log?"])
        # "View Error Log" is a button of the Administration page
        s.page(origin, tgt, ref=origin + ("/admin" if tgt.startswith("/admin/") else "/"), assets=["/cups.css", "/images/cups-icon.png"])
    for _ in range(3):
        s = Src("Brother/Epson printer web page on the LAN", desktop_ua())
        origin = "http://192.168.1.%d" % R.randint(30, 50)
        s.page(origin, R.choice(["/general/status.html", "/PRESENTATION/HTML/TOP/PRTINFO.HTML", "/home/status.html"]),
               ref=origin + "/", assets=["/common/css/common.css", "/common/images/logo.gif"])


# =========================================================== 11. CMS / site builders
def cms():
    # Ghost
    for _ in range(5):
        s = Src("Ghost admin: posts list with NQL filter and formats", desktop_ua())
        origin = "https://blog.indie-writer-example.com"
        page = origin + "/ghost/"
        s.xhr("GET", "/ghost/api/admin/posts/?formats=mobiledoc%2Clexical&limit=20&page=1&order=updated_at%20desc&filter=" +
              enc_component(R.choice(["status:[draft,scheduled]+tag:[news]", "status:published+featured:true", "type:post+authors.slug:[jane]"])), 200, page)
        s.xhr("GET", "/ghost/api/admin/users/me/?include=roles", 200, page)
    for _ in range(4):
        s = Src("Ghost Content API from the theme (key, include, filter)", browser_ua())
        origin = "https://blog.indie-writer-example.com"
        page = origin + "/tag/travel/"
        s.xhr("GET", "/ghost/api/content/posts/?key=%s&limit=5&include=tags%%2Cauthors&filter=%s" % (hexs(26), enc_component("tag:travel+id:-" + hexs(24))), 200, page)
    # Craft CMS
    for _ in range(4):
        s = Src("Craft CMS control panel and front end", desktop_ua())
        origin = "https://www.architects-studio-example.com"
        url = s.page(origin, "/admin/entries/projects?site=default&source=section%3A" + uuid(), ref=origin + "/admin/dashboard",
                     assets=["/cpresources/%s/css/cp.css?v=%s" % (hexs(8), ms()), "/cpresources/%s/js/Craft.min.js?v=%s" % (hexs(8), ms())])
        s.xhr("GET", "/index.php?p=admin%2Factions%2Fusers%2Fsession-info&dontExtendSession=1", 200, url)
        s.xhr("POST", "/index.php?p=admin%2Factions%2Felement-indexes%2Fget-elements", 200, url)
    # Umbraco
    for _ in range(4):
        s = Src("Umbraco backoffice: UmbracoApi calls", desktop_ua())
        origin = "https://www.charity-example.org.uk"
        page = origin + "/umbraco/"
        s.xhr("GET", "/umbraco/backoffice/UmbracoApi/Authentication/GetCurrentUser", 200, page)
        s.xhr("GET", "/umbraco/backoffice/UmbracoApi/Content/GetById?id=%d" % R.randint(1000, 9999), 200, page)
        s.xhr("GET", "/umbraco/backoffice/UmbracoTrees/ApplicationTree/GetApplicationTrees?application=content&tree=&use=main&culture=en-GB", 200, page)
    # Sitecore
    for _ in range(5):
        s = Src("Sitecore site: media library URLs with hash, experience editor with sc_itemid={GUID}", browser_ua())
        origin = "https://www.energy-utility-example.com"
        url = s.page(origin, "/customers/moving-home", ref="https://www.google.com/", assets=[
            "/-/media/project/energy/images/hero/moving-home.jpg?h=600&w=1600&rev=%s&hash=%s" % (hexs(32), hexs(32).upper()),
            "/-/media/project/energy/icons/van.svg?rev=%s&la=en" % hexs(32),
            "/assets/scripts/main.bundle.js"])
    for _ in range(3):
        s = Src("Sitecore content author: experience editor and content editor", desktop_ua())
        origin = "https://cm.energy-utility-example.com"
        s.page(origin, "/?sc_mode=edit&sc_itemid=%s&sc_lang=en&sc_site=website" % enc_component("{%s}" % uuid().upper()),
               ref=origin + "/sitecore/shell/sitecore/client/Applications/Launchpad",
               assets=["/sitecore/shell/Themes/Standard/Default/WebFramework.css", "/sitecore/shell/Controls/Lib/jQuery/jquery-1.12.4.min.js"])
        s.req("GET", "/sitecore/shell/Applications/Content%20Editor.aspx?sc_bw=1", 200, 90000, origin + "/sitecore/shell/sitecore/client/Applications/Launchpad", gap=5)
    # Shopware 6
    for _ in range(5):
        s = Src("Shopware 6 storefront: variant switch with JSON options, widgets, suggest", browser_ua())
        origin = "https://www.bike-parts-example.de"
        pid = hexs(32)
        url = s.page(origin, "/Fahrradhelm-Urban-Pro/SW10023", ref="https://www.google.de/", assets=[
            "/theme/%s/css/all.css?%s" % (hexs(32), R.randint(10**9, 10**10)), "/theme/%s/js/storefront/storefront.js?%s" % (hexs(32), R.randint(10**9, 10**10))])
        s.xhr("GET", "/detail/%s/switch?options=%s&switched=%s" % (pid, enc_component('{"%s":"%s","%s":"%s"}' % (hexs(32), hexs(32), hexs(32), hexs(32))), hexs(32)), 200, url)
        s.xhr("GET", "/widgets/checkout/info", 200, url)
        if R.random() < 0.5:
            s.xhr("GET", "/suggest?search=" + enc_component(R.choice(["helm", "schlauch 28\"", "kette 11-fach"])), 200, url)
    # PrestaShop front and back office
    for _ in range(5):
        s = Src("PrestaShop front office: product with attribute, faceted search q=, ajax cart", browser_ua())
        origin = "https://www.boutique-mode-example.fr"
        url = s.page(origin, "/index.php?id_product=%d&id_product_attribute=%d&rewrite=t-shirt-imprime-colibri&controller=product&id_lang=1" % (R.randint(1, 40), R.randint(1, 60)),
                     ref=origin + "/3-vetements", assets=["/themes/classic/assets/css/theme.css", "/themes/classic/assets/js/theme.js"])
        s.xhr("GET", "/3-vetements?q=" + enc_component(R.choice(["Taille-M-L/Couleur-Blanc", "Catégories-Hommes/Prix-€-18-24"])) + "&from-xhr", 200, url)
        s.xhr("POST", "/index.php?fc=module&module=ps_shoppingcart&controller=ajax", 200, url)
    for _ in range(4):
        s = Src("PrestaShop back office: orders with token, Symfony pages with _token", desktop_ua())
        origin = "https://www.boutique-mode-example.fr"
        adm = "/admin%s" % alnum(10).lower()
        url = s.page(origin, adm + "/index.php?controller=AdminOrders&token=%s&id_order=%d&vieworder" % (hexs(32), R.randint(100, 999)),
                     ref=origin + adm + "/index.php?controller=AdminDashboard&token=" + hexs(32), assets=[adm + "/themes/new-theme/public/theme.css"])
        s.req("GET", adm + "/index.php/sell/catalog/products?_token=%s&product_filters%%5Bname%%5D=%s" % (b64u(43), enc_form("t-shirt")), 200, 60000, url, gap=6)
    # OpenCart
    for _ in range(6):
        s = Src("OpenCart storefront: route=product/product, category sort=p.price, cart info", browser_ua())
        origin = "https://www.electro-store-example.com"
        url = s.page(origin, "/index.php?route=product/category&path=20_27&sort=%s&order=%s&limit=25"
                     % (R.choice(["p.price", "pd.name", "p.sort_order", "rating", "p.model"]), R.choice(["ASC", "DESC"])),
                     ref=origin + "/index.php?route=product/category&path=20", assets=["/catalog/view/theme/default/stylesheet/stylesheet.css"])
        s.req("GET", "/index.php?route=product/product&path=20_27&product_id=%d" % R.randint(28, 49), 200, 40000, url, gap=5)
        s.xhr("GET", "/index.php?route=common/cart/info", 200, origin + "/index.php?route=product/product&path=20_27&product_id=40")
    for _ in range(3):
        s = Src("OpenCart admin: order list with user_token and filters", desktop_ua())
        origin = "https://www.electro-store-example.com"
        tok = alnum(32)
        s.page(origin, "/admin/index.php?route=sale/order&user_token=%s&filter_order_status_id=%d&sort=o.date_added&order=DESC" % (tok, R.randint(1, 15)),
               ref=origin + "/admin/index.php?route=common/dashboard&user_token=" + tok, assets=["/admin/view/stylesheet/stylesheet.css"])
    # WooCommerce
    for _ in range(6):
        s = Src("WooCommerce storefront: wc-ajax fragments, add-to-cart, layered nav filters", browser_ua())
        origin = "https://www.handmade-candles-example.com"
        url = s.page(origin, "/shop/?orderby=price-desc&filter_scent=vanilla,sandalwood&query_type_scent=or", ref=origin + "/",
                     assets=["/wp-content/plugins/woocommerce/assets/css/woocommerce.css?ver=9.4.2",
                             "/wp-content/plugins/woocommerce/assets/js/frontend/cart-fragments.min.js?ver=9.4.2"])
        s.xhr("POST", "/?wc-ajax=get_refreshed_fragments", 200, url)
        if R.random() < 0.5:
            s.xhr("POST", "/?wc-ajax=add_to_cart", 200, url)
        else:
            s.xhr("GET", "/wp-json/wc/store/v1/cart?_locale=user", 200, url)
    # Elementor
    for _ in range(4):
        s = Src("Elementor site: generated post CSS, frontend JS, editor preview", browser_ua())
        origin = "https://www.yoga-retreat-example.com"
        s.page(origin, "/retreats/bali-2026/", ref="https://www.instagram.com/", assets=[
            "/wp-content/uploads/elementor/css/post-%d.css?ver=%s" % (R.randint(10, 999), ms()[:10]),
            "/wp-content/plugins/elementor/assets/js/frontend.min.js?ver=3.25.4",
            "/wp-content/plugins/elementor/assets/lib/swiper/v8/swiper.min.js?ver=8.4.5"])
    for _ in range(2):
        s = Src("Elementor editor: post.php?action=elementor, preview iframe, admin-ajax", desktop_ua())
        origin = "https://www.yoga-retreat-example.com"
        pid = R.randint(10, 999)
        url = s.page(origin, "/wp-admin/post.php?post=%d&action=elementor" % pid, ref=origin + "/wp-admin/edit.php?post_type=page",
                     assets=["/wp-content/plugins/elementor/assets/css/editor.min.css?ver=3.25.4"])
        s.req("GET", "/?page_id=%d&elementor-preview=%d&ver=%s" % (pid, pid, ms()[:10]), 200, 40000, url)
        s.xhr("POST", "/wp-admin/admin-ajax.php", 200, url)
    # Wix / Squarespace style asset URLs (sensor on the media CDN)
    for _ in range(5):
        s = Src("Wix-style media URL with transform path (commas, tilde) loaded by a site page", browser_ua())
        page = "https://www.florist-example.com/weddings"
        img = "%s_%s~mv2.jpg" % (hexs(6), hexs(32))
        s.req("GET", "/media/%s/v1/fill/w_980,h_551,al_c,q_85,usm_0.66_1.00_0.01,enc_auto/%s" % (img, img), 200, 90000, page)
        s.req("GET", "/media/%s/v1/crop/x_0,y_120,w_1920,h_800/fill/w_490,h_204,al_c,q_80,usm_0.66_1.00_0.01,blur_2,enc_auto/%s" % (img, img), 200, 20000, page)
    for _ in range(4):
        s = Src("Squarespace-style image CDN URL with ?format= and a file download", browser_ua())
        page = "https://www.photographer-example.com/portfolio"
        s.req("GET", "/content/v1/%s/%s-%s/%s?format=%s" % (hexs(24), ms(), alnum(20).upper(), enc_path(R.choice(["IMG_4411.jpg", "Sunset (edit).jpg", "DSC_0012+2.jpg"])),
                                                         R.choice(["1500w", "750w", "2500w"])), 200, 200000, page)
    # Drupal views with exposed filters in GET (not covered)
    for _ in range(3):
        s = Src("Drupal Views exposed filters and AJAX view refresh", browser_ua())
        origin = "https://www.university-library-example.edu"
        url = s.page(origin, "/databases?title=&field_subject_target_id%5B%5D=14&field_subject_target_id%5B%5D=22&sort_by=title&sort_order=ASC",
                     ref=origin + "/databases", assets=["/core/misc/drupal.js?v=10.3.6"])
        s.xhr("GET", "/views/ajax?_wrapper_format=drupal_ajax&view_name=databases&view_display_id=page_1&view_args=&view_path=%2Fdatabases&view_base_path=databases&view_dom_id=" + hexs(64) + "&pager_element=0&page=1&_drupal_ajax=1&ajax_page_state%5Btheme%5D=olivero&ajax_page_state%5Btheme_token%5D=&ajax_page_state%5Blibraries%5D=" + enc_component("eJxdjlEOwjAIQC" + b64u(60)), 200, url)


def main():
    for f in (adtech, placeholders, realtime, frontend, consoles, legacy, filemanagers, translation, marketing, lan, cms):
        f()
    # Sources that only call APIs of an application opened before the log's
    # window (SPA consoles, players, devices, servers) mostly show up with one
    # request in a 10-minute slice; page views keep their assets.
    for s in SOURCES:
        if not s.pageview and len(s.reqs) > 1 and R.random() < 0.8:
            t, m, tgt, st, size, ref, ua = R.choice(s.reqs)
            s.reqs = [(s.reqs[0][0], m, tgt, st, size, ref, ua)]
            s.what += " [one request in the window]"
    lines = []
    for s in SOURCES:
        for (t, m, tgt, st, size, ref, ua) in s.reqs:
            lines.append((t, s.ip, m, tgt, st, size, ref, ua))
    lines.sort(key=lambda x: (int(x[0]), x[0]))

    def esc(v):
        out = []
        for b in v.encode():
            if b == 0x22 or b == 0x5C or b < 0x20 or b >= 0x7F:
                out.append("\\x%02X" % b)
            else:
                out.append(chr(b))
        return "".join(out)

    with open(os.path.join(OUT, "benign.log"), "w") as f:
        for (t, ip, m, tgt, st, size, ref, ua) in lines:
            ts = (T0 + timedelta(seconds=int(t))).strftime("%d/%b/%Y:%H:%M:%S +0000")
            f.write('%s - - [%s] "%s %s HTTP/1.1" %d %d "%s" "%s"\n' % (ip, ts, m, esc(tgt), st, size, esc(ref), esc(ua)))
    with open(os.path.join(OUT, "benign.labels"), "w") as f:
        for s in SOURCES:
            f.write("%s\tbenign\t%s\n" % (s.ip, s.what))
    multi = sum(1 for s in SOURCES if 2 <= len(s.reqs) <= 6)
    print("sources %d, requests %d, sources with 2-6 requests %d (%.0f%%), >6 %d"
          % (len(SOURCES), len(lines), multi, 100.0 * multi / len(SOURCES), sum(1 for s in SOURCES if len(s.reqs) > 6)))


if __name__ == "__main__":
    main()
