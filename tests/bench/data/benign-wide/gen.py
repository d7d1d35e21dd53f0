#!/usr/bin/env python3
"""Writes benign.log / benign.labels of the benign-wide set (see README.md).

Deterministic (fixed seed): rerun after editing a session and commit the
output. Written from the shapes of real site traffic, not from policies/.
"""
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

rng = random.Random(20251114)
DAY = datetime(2025, 11, 14, tzinfo=timezone.utc)
SHOP = "https://www.example-shop.com"
BLOG = "https://blog.example-shop.com"
DOCS = "https://docs.example.org"
WIKI = "https://wiki.example.org"
APP = "https://app.example.net"

CHROME_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36"
CHROME_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0"
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0"
FIREFOX_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0"
SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
ANDROID = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36"
SAMSUNG = "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36"
FB_IAB = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 "
          "[FBAN/FBIOS;FBAV/478.0.0.39.108;FBBV/640150938;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.5;FBSS/3;FBID/phone;FBLC/de_DE;FBOP/5;FBRV/642811035]")
INSTA = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 "
         "Instagram 352.0.0.38.100 (iPhone14,5; iOS 17_5; de_DE; de; scale=3.00; 1170x2532; 645000000)")
IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko"
BROWSERS = [CHROME_WIN, CHROME_MAC, EDGE, FIREFOX, FIREFOX_WIN, SAFARI, IPHONE, ANDROID, SAMSUNG]

records = []   # (time, ip, method, target, proto, status, bytes, referer, ua)
labels = []


def esc(s):
    """nginx's log escaping: '"', '\\' and bytes outside printable ASCII as \\xHH."""
    out = []
    for b in s.encode("utf-8"):
        if b in (0x22, 0x5C) or b < 0x20 or b > 0x7E:
            out.append("\\x%02X" % b)
        else:
            out.append(chr(b))
    return "".join(out)


class Src:
    """One source: requests advance a clock; referers chain like a browser's."""

    def __init__(self, ip, kind, ua, start=None, proto="HTTP/1.1"):
        self.ip, self.ua, self.proto = ip, ua, proto
        self.t = start if start is not None else DAY + timedelta(seconds=rng.randint(0, 23 * 3600))
        self.page = None
        labels.append((ip, kind))

    def req(self, target, status=200, size=None, ref=None, method="GET", gap=None, ua=None, proto=None):
        self.t += timedelta(seconds=gap if gap is not None else rng.randint(2, 40))
        if size is None:
            size = 0 if status in (204, 304, 101) or method == "HEAD" else rng.randint(300, 90000)
        records.append((self.t, self.ip, method, target, proto or self.proto, status, size,
                        ref if ref is not None else "-", ua or self.ua))

    def page_view(self, host, target, status=200, ref=None, assets=(), method="GET", gap=None):
        """A page and its sub-resources, the page becoming the next referer."""
        self.req(target, status, ref=ref if ref is not None else (self.page or "-"), method=method, gap=gap)
        url = host + target
        for a in assets:
            self.req(a, rng.choice([200, 200, 304]), ref=url, gap=0)
        self.page = url

    def asset(self, target, status=200):
        self.req(target, status, ref=self.page or "-", gap=0)


SHOP_ASSETS = ["/static/css/app.7f3a91.css", "/static/js/app.2c9e4d.js", "/static/img/logo.svg"]
BLOG_ASSETS = ["/wp-includes/css/dist/block-library/style.min.css?ver=6.7.1",
               "/wp-content/themes/astra/assets/css/minified/main.min.css?ver=4.8.6",
               "/wp-includes/js/jquery/jquery.min.js?ver=3.7.1"]
DOCS_ASSETS = ["/assets/stylesheets/main.8608ea7d.min.css", "/assets/javascripts/bundle.83f73b43.min.js"]

_pools = {"a": [("192.0.2.%d" % i) for i in range(10, 250)],
          "b": [("198.51.100.%d" % i) for i in range(10, 250)],
          "c": [("203.0.113.%d" % i) for i in range(10, 250)]}
for p in _pools.values():
    rng.shuffle(p)
_v6 = iter("2001:db8:%x:%x::%x" % (0x100 + i, i, 0x10 + i) for i in range(1, 200))


def ip(pool=None):
    if pool == "v6":
        return next(_v6)
    return _pools[pool or rng.choice("abc")].pop()


def tok(n, alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"):
    return "".join(rng.choice(alphabet) for _ in range(n))


def b64q(n):
    """n characters of standard base64, percent-encoded as in a query string."""
    return "".join(c.replace("+", "%2B").replace("/", "%2F") for c in
                   (rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(n)))


def hexs(n):
    return tok(n, "0123456789abcdef")


# ---------------------------------------------------------------- shop
FACETS = [
    "/category/shoes?color=black&color=brown&size=42&sort=price_asc&price_min=50&price_max=200&page=3",
    "/women/tops.html?cat=21&color=49&price=50-60&product_list_order=price&product_list_dir=desc",
    "/collections/all?filter.v.price.gte=10&filter.v.price.lte=100&filter.p.m.custom.material=Cotton&sort_by=price-ascending",
    "/shop/?orderby=price-desc&filter_color=red,blue&query_type_color=or&min_price=10&max_price=50",
    "/category/lamps?sort=created_at+desc&per_page=48",
    "/category/lamps?orderBy=price%20DESC&limit=24&offset=48",
    "/category/sofas?f%5Bmaterial%5D%5B%5D=leather&f%5Bmaterial%5D%5B%5D=linen&f%5Bwidth%5D%5Bmax%5D=220",
    "/search?q=chair&hFR%5Bcategory%5D%5B0%5D=Office&nR%5Bprice%5D%5B%3E%3D%5D%5B0%5D=20&nR%5Bprice%5D%5B%3C%3D%5D%5B0%5D=300",
    "/category/rugs?sort=-price&fields=id,name,price&where=%7B%22size%22%3A%22large%22%7D",
    "/category/tables?filter=brand:ikea|hay|muuto;width:80-120&view=grid",
    "/category/kitchen?attributes%5Bcolour%5D=white&attributes%5Bfinish%5D=matte&in_stock=true&sort=popularity",
    "/outlet?discount=30%25-50%25&sort=discount:desc",
    "/category/men/jackets?size=M&size=L&fit=slim&sort=newest&page=2&_=1731571200123",
    "/category/tv?screen=55%22-65%22&resolution=4k&hdr=dolby-vision",
    "/category/cables?length=1m&connector=usb-c%20%3E%20lightning",
]
PRODUCTS = ["/product/drop-leaf-table", "/product/select-comfort-pillow", "/product/union-jack-mug",
            "/product/script-font-poster", "/product/exec-office-chair", "/product/cat-food-salmon-2kg",
            "/product/sleep-apnea-pillow", "/product/drop-shipping-box-50pk", "/product/alert-whistle",
            "/product/shell-necklace", "/product/or-and-gold-bracelet", "/product/1-1-adapter",
            "/product/wget-the-cat-plush", "/product/admin-desk-organiser", "/product/passwd-notebook",
            "/product/men%27s-waxed-jacket", "/product/rock-%26-roll-tshirt", "/product/12%22-vinyl-frame",
            "/product/sch%C3%B6ne-vase", "/product/caf%C3%A9-table-%C3%B860cm"]
SEARCHES = ["select+box", "drop+shipping", "sleep+apnea", "cat+food", "%2Fetc%2Fhosts+file+windows",
            "O%27Brien+sweater", "rock+%26+roll", "%22a+%3C+b%22", "men%27s+boots", "kids%27+table+%26+chairs",
            "or+nothing+mug", "union+jack", "1%2F2+inch+drill+bit", "50%25+off", "size+10+%3E+size+9%3F",
            "table+-glass", "%22exact+phrase%22", "c%2B%2B+book", "script+font", "alert+bell",
            "exec+chair", "shell+lamp", "having+fun+sign", "waitfor+delay+pedal", "benchmark+tool+set",
            "null+modem+cable", "char+grill", "concat+wrench", "insert+tray", "update+kit",
            "delete+key+keyboard", "from+dusk+till+dawn", "where+is+my+order", "1%3D1+scale+model"]


def shop_browser(n):
    for _ in range(n):
        s = Src(ip(), "shop-browser", rng.choice(BROWSERS), proto=rng.choice(["HTTP/1.1", "HTTP/2.0"]))
        entry = rng.choice(["https://www.google.com/", "https://duckduckgo.com/", "-", "https://www.bing.com/",
                            "https://l.facebook.com/", "https://www.pinterest.com/"])
        s.page_view(SHOP, "/", ref=entry, assets=SHOP_ASSETS)
        s.asset("/favicon.ico")
        for _ in range(rng.randint(3, 7)):
            r = rng.random()
            if r < 0.35:
                s.page_view(SHOP, rng.choice(FACETS))
            elif r < 0.65:
                s.page_view(SHOP, "/search?q=" + rng.choice(SEARCHES) + rng.choice(["", "&page=2", "&sort=relevance"]))
            else:
                p = rng.choice(PRODUCTS)
                s.page_view(SHOP, p + rng.choice(["", "?variant=4123", "?attribute_pa_size=xl", "?colour=navy#reviews"]).split("#")[0],
                            assets=["/media/catalog/product/cache/%s/l/a/lamp.jpg" % hexs(32)])
                s.req("/api/reviews?product=%s&sort=helpful&page=1" % p.rsplit("/", 1)[1], ref=s.page, gap=1)


def shop_checkout(n):
    for _ in range(n):
        s = Src(ip(), "shop-checkout", rng.choice(BROWSERS), proto="HTTP/2.0")
        p = rng.choice(PRODUCTS)
        s.page_view(SHOP, p, ref=rng.choice(["https://www.google.com/", "-"]), assets=SHOP_ASSETS)
        s.req("/cart/add", 302, method="POST", ref=s.page)
        s.page_view(SHOP, "/cart")
        s.req("/?wc-ajax=get_refreshed_fragments", method="POST", ref=s.page, gap=1)
        s.req("/cart/coupon", rng.choice([200, 422]), method="POST", ref=s.page)
        s.req("/cart/update", 302, method="POST", ref=s.page)
        s.page_view(SHOP, "/checkout")
        s.req("/checkout/shipping-methods?country=DE&postcode=10115", ref=s.page, gap=3)
        s.req("/checkout/address", 200, method="POST", ref=s.page)
        s.req("/checkout/payment", 302, method="POST", ref=s.page)
        r = rng.random()
        if r < 0.4:
            pi = "pi_3Q" + tok(22)
            s.page_view(SHOP, "/checkout/complete?payment_intent=%s&payment_intent_client_secret=%s_secret_%s&redirect_status=succeeded"
                        % (pi, pi, tok(25)), ref="https://hooks.stripe.com/")
        elif r < 0.7:
            s.page_view(SHOP, "/paypal/return?token=EC-%s&PayerID=%s" % (tok(17, "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"), tok(13).upper()),
                        ref="https://www.paypal.com/")
        else:
            s.page_view(SHOP, "/checkout/3ds-callback?MD=%s&PaRes=%s%%3D%%3D" % (tok(24), b64q(180)),
                        ref="https://acs.bank.example/")
        s.page_view(SHOP, "/checkout/success?order=%d" % rng.randint(100000, 999999))


def marketing_click(n):
    params = [
        "utm_source=newsletter&utm_medium=email&utm_campaign=black_friday_2025&utm_content=hero%20button",
        "gclid=Cj0KCQiA%s_BwE" % tok(60),
        "fbclid=IwZXh0bgNhZW0CMTEAAR%s_aem_%s" % (tok(40), tok(22)),
        "utm_source=google&utm_medium=cpc&utm_campaign=%7Bcampaignid%7D&utm_term=%7Bkeyword%7D&gad_source=1&gclid=EAIaIQob" + tok(50),
        "_gl=1*1x2abc3*_ga*MTIzNDU2Nzg5MC4xNzMxNTcxMjAw*_ga_ABC123XYZ*MTczMTU3MTIwMC4xLjEuMTczMTU3MTIxMC4wLjAuMA..",
        "msclkid=%s&utm_source=bing&utm_medium=cpc" % hexs(32),
        "mc_cid=%s&mc_eid=%s" % (hexs(10), hexs(10)),
        "_hsenc=p2ANqtz-%s&_hsmi=%d" % (tok(70), rng.randint(10**8, 10**9)),
        "ttclid=E.C.P.%s" % tok(60),
        "igshid=MzRlODBiNWFlZA%3D%3D&utm_source=ig_web_copy_link",
        "ref=producthunt&utm_source=producthunt",
        "irclickid=%s&irgwc=1&utm_source=affiliate" % tok(26),
        "sscid=a1k8_%s&utm_source=shareasale" % tok(6),
        "srsltid=AfmBOo%s" % tok(50),
        "utm_source=chatgpt.com",
        "utm_source=linkedin&utm_medium=social&utm_campaign=Q4%20launch%20%E2%80%94%20EU&li_fat_id=" + tok(36),
    ]
    for i in range(n):
        ua = rng.choice(BROWSERS + [FB_IAB, INSTA])
        s = Src(ip(), "marketing-click", ua)
        landing = rng.choice(["/", "/landing/black-friday", "/product/exec-office-chair", "/blog/spring-sale"])
        s.page_view(SHOP, landing + "?" + params[i % len(params)],
                    ref=rng.choice(["-", "https://www.google.com/", "https://l.instagram.com/", "https://t.co/", "https://com.google.android.gm/"]),
                    assets=SHOP_ASSETS)
        s.req("/api/consent?v=2&purposes=%5B1%2C2%2C7%5D&gdpr=1&gdpr_consent=CQH" + tok(40), 204, ref=s.page, gap=2)
        for _ in range(rng.randint(1, 4)):
            s.page_view(SHOP, rng.choice(PRODUCTS + FACETS))


def analytics_beacon(n):
    beacons = [
        lambda s: "/g/collect?v=2&tid=G-ABC123XYZ&gtm=45je4bd0v9&_p=%d&cid=%d.%d&ul=de-de&sr=1920x1080&_s=2&sid=1731571200&sct=3&seg=1&dl=%s&dr=https%%3A%%2F%%2Fwww.google.com%%2F&dt=Office%%20Chairs%%20%%7C%%20Example%%20Shop&en=page_view&_ee=1&ep.content_group=Products&epn.value=249.9"
                  % (rng.randint(10**8, 10**9), rng.randint(10**8, 10**9), rng.randint(10**8, 10**9), "https%3A%2F%2Fwww.example-shop.com%2Fcategory%2Fchairs%3Fsort%3Dprice_asc"),
        lambda s: "/tr/?id=123456789012345&ev=ViewContent&dl=https%%3A%%2F%%2Fwww.example-shop.com%%2Fproduct%%2Fexec-office-chair&rl=&if=false&ts=%d&cd[content_ids]=%%5B%%2242%%22%%5D&cd[content_type]=product&cd[value]=249.90&cd[currency]=EUR&sw=390&sh=844&v=2.9.176&r=stable&ec=1&o=4126&fbp=fb.1.1731571200.%d&it=1731571201&coo=false&rqm=GET"
                  % (1731571200123 + rng.randint(0, 99999), rng.randint(10**9, 10**10)),
        lambda s: "/i?e=pv&url=https%%3A%%2F%%2Fwww.example-shop.com%%2F&page=Example%%20Shop&tv=js-3.24.2&tna=sp1&aid=shop&p=web&tz=Europe%%2FBerlin&lang=de-DE&cs=UTF-8&res=1920x1080&cd=24&cookie=1&eid=%s&dtm=1731571200123&vp=1920x961&ds=1905x4021&vid=1&sid=%s&duid=%s&cx=eyJzY2hlbWEiOiJpZ2x1OmNvbS5zbm93cGxvd2FuYWx5dGljcy5zbm93cGxvdy9jb250ZXh0cy9qc29uc2NoZW1hLzEtMC0wIiwiZGF0YSI6W3sic2NoZW1hIjoiaWdsdTpjb20uc25vd3Bsb3dhbmFseXRpY3Muc25vd3Bsb3cvd2ViX3BhZ2UvanNvbnNjaGVtYS8xLTAtMCIsImRhdGEiOnsiaWQiOiIxMjMifX1dfQ"
                  % (hexs(32), hexs(32), hexs(32)),
        lambda s: "/matomo.php?idsite=1&rec=1&action_name=Checkout%%20%%2F%%20Payment&url=https%%3A%%2F%%2Fwww.example-shop.com%%2Fcheckout&_id=%s&rand=%d&h=14&m=2&s=11&send_image=0&_refts=0&cookie=1&res=1440x900&pv_id=%s&pf_net=0&pf_srv=42&uadata=%%7B%%22fullVersionList%%22%%3A%%5B%%7B%%22brand%%22%%3A%%22Chromium%%22%%2C%%22version%%22%%3A%%22130.0%%22%%7D%%5D%%2C%%22mobile%%22%%3Afalse%%7D&cvar=%%7B%%221%%22%%3A%%5B%%22OS%%22%%2C%%22Windows%%22%%5D%%7D"
                  % (hexs(16), rng.randint(10**5, 10**6), tok(6)),
        lambda s: "/log?data=%7B%22event%22%3A%22click%22%2C%22target%22%3A%22%23buy-now%22%2C%22path%22%3A%22%2Fproduct%2Fexec-office-chair%22%2C%22ts%22%3A1731571200%7D",
        lambda s: "/pixel.gif?e=scroll&d=75&u=%2Fblog%2Fselect-the-right-lamp%2F&r=&t=" + str(rng.randint(10**12, 10**13)),
        lambda s: "/_vercel/insights/view?o=https%3A%2F%2Fwww.example-shop.com%2F&sv=0.1.2&sdkn=%40vercel%2Fanalytics%2Fnext&sdkv=1.3.1&ts=" + str(1731571200000 + rng.randint(0, 10**6)),
        lambda s: "/api/event?n=pageview&u=https%3A%2F%2Fwww.example-shop.com%2Fcart&d=example-shop.com&r=null&w=1280&h=0&p=%7B%22logged_in%22%3A%22yes%22%2C%22plan%22%3A%22pro%22%7D",
    ]
    for i in range(n):
        s = Src(ip(), "analytics-beacon", rng.choice(BROWSERS), proto="HTTP/2.0")
        s.page_view(SHOP, rng.choice(["/", "/cart", "/product/exec-office-chair"]), ref=rng.choice(["-", "https://www.google.com/"]), assets=SHOP_ASSETS)
        for j in range(rng.randint(2, 4)):
            s.req(beacons[(i + j) % len(beacons)](s), rng.choice([204, 200]), ref=s.page, gap=rng.randint(1, 20))
        s.req("/api/42/envelope/?sentry_key=%s&sentry_version=7&sentry_client=sentry.javascript.react%%2F8.38.0" % hexs(32), 200, method="POST", ref=s.page)
        s.req("/cdn-cgi/rum?", 204, method="POST", ref=s.page, gap=3)


def tokens_links(n):
    jwt = lambda: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1aWQiOjQyLCJleHAiOjE3MzE2MDAwMDB9." + tok(43, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
    links = [lambda: "/unsubscribe?token=" + jwt(),
             lambda: "/reset-password?token=%s&email=jane.doe%%2Bshop%%40example.com" % tok(40),
             lambda: "/invite/accept?t=%s%%3D%%3D" % b64q(86),
             lambda: "/verify-email?e=am9obi5kb2VAZXhhbXBsZS5jb20%3D&sig=" + hexs(64),
             lambda: "/r?u=https%3A%2F%2Fwww.example-shop.com%2Fproduct%2Fexec-office-chair%3Futm_source%3Dnewsletter&sig=" + hexs(16),
             lambda: "/account/orders/4711?auth=" + jwt(),
             lambda: "/download/invoice?id=INV-2025-00412&expires=1731600000&signature=" + hexs(64),
             lambda: "/s/%s" % tok(8)]
    for i in range(n):
        s = Src(ip(), "email-link", rng.choice(BROWSERS))
        s.page_view(SHOP, links[i % len(links)](), ref="-", assets=SHOP_ASSETS)
        s.page_view(SHOP, "/account")
        s.page_view(SHOP, "/account/settings")


# ---------------------------------------------------------------- identity
def oauth_login(n):
    redirects = ["https%3A%2F%2Fapp.example.net%2Fauth%2Fcallback",
                 "http%3A%2F%2Flocalhost%3A3000%2Fapi%2Fauth%2Fcallback%2Fexample",
                 "http%3A%2F%2F127.0.0.1%3A8080%2Fcallback",
                 "http%3A%2F%2F192.168.1.23%3A5173%2F",
                 "http%3A%2F%2F10.0.2.2%3A8000%2Foauth2redirect",
                 "com.example.shop%3A%2Foauth2redirect",
                 "https%3A%2F%2Fstaging.example.net%2Fusers%2Fauth%2Fopenid_connect%2Fcallback",
                 "http%3A%2F%2F%5B%3A%3A1%5D%3A8000%2Fcb"]
    for i in range(n):
        dev = i % len(redirects) in (1, 2, 3, 4, 7)
        s = Src(ip(), "oauth-dev" if dev else "oauth-login", rng.choice(BROWSERS))
        if not dev:
            s.page_view(APP, "/", ref="-")
            s.page_view(APP, "/login?return_to=https%3A%2F%2Fapp.example.net%2Fdashboard%3Ftab%3Dbilling")
        s.req("/.well-known/openid-configuration", ref="-" if dev else s.page, gap=1)
        st, nonce, cc = tok(32), tok(32), tok(43)
        s.page_view("https://id.example.net", "/oauth/authorize?response_type=code&client_id=%s&redirect_uri=%s&scope=openid%%20profile%%20email%%20offline_access&state=%s&nonce=%s&code_challenge=%s&code_challenge_method=S256&prompt=login"
                    % (tok(20), redirects[i % len(redirects)], st, nonce, cc),
                    ref="http://localhost:3000/" if dev else s.page)
        s.req("/login", 302, method="POST", ref=s.page)
        s.req("/oauth/authorize/consent", 302, method="POST", ref=s.page)
        if not dev:
            s.page_view(APP, "/auth/callback?code=%s&state=%s&iss=https%%3A%%2F%%2Fid.example.net" % (tok(40), st), ref="https://id.example.net/")
            s.req("/oauth/token", 200, method="POST", ref="-", ua="node-fetch")
            s.req("/userinfo", 200, ref="-", ua="node-fetch")
            s.page_view(APP, "/dashboard?tab=billing")
            s.page_view(APP, "/logout?post_logout_redirect_uri=https%3A%2F%2Fapp.example.net%2F&id_token_hint=eyJhbGciOiJSUzI1NiJ9." + tok(60))
        else:
            s.req("/oauth/token", 200, method="POST", ref="-", ua="axios/1.7.7")
            s.req("/oauth/jwks.json", ref="-", ua="axios/1.7.7")


def saml_sso(n):
    for i in range(n):
        s = Src(ip(), "saml-sso", rng.choice([CHROME_WIN, EDGE, SAFARI]))
        s.page_view(APP, "/sso/login?idp=azuread&RelayState=%2Fadmin%2Freports%3Fperiod%3Dq3", ref="-")
        s.req("/saml/sso?SAMLRequest=fZJNT8MwDIbvSPyHKHe2tuJEg%s%%3D%%3D&RelayState=%s" % (b64q(300), tok(24)), 302, ref=s.page, gap=1)
        s.req("/saml/acs", 302, method="POST", ref="https://login.microsoftonline.com/", gap=8)
        if i % 2:
            s.req("/Shibboleth.sso/SAML2/Redirect?SAMLResponse=%s&RelayState=ss%%3Amem%%3A%s&SigAlg=http%%3A%%2F%%2Fwww.w3.org%%2F2001%%2F04%%2Fxmldsig-more%%23rsa-sha256&Signature=%s%%3D"
                  % (b64q(400), hexs(64), b64q(340)),
                  302, ref="https://idp.example.edu/", gap=2)
        s.page_view(APP, "/admin/reports?period=q3", ref="https://login.microsoftonline.com/")
        s.page_view(APP, "/admin/reports/export?format=csv&period=q3&columns=date,order_id,total")
        s.page_view(APP, "/saml/logout?SAMLRequest=%s%%3D%%3D&SigAlg=http%%3A%%2F%%2Fwww.w3.org%%2F2000%%2F09%%2Fxmldsig%%23rsa-sha1&Signature=%s" % (tok(120), tok(172)))


# ---------------------------------------------------------------- apps
def spa_graphql(n):
    queries = [
        "/graphql?query=%7Bproduct(id%3A%2242%22)%7Bname%20price%20images%7Burl%7D%7D%7D",
        "/graphql?operationName=GetCart&variables=%7B%22id%22%3A%22" + tok(20) + "%22%7D&extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%22" + hexs(64) + "%22%7D%7D",
        "/graphql?query=query%20Search(%24q%3A%20String!)%20%7B%20search(q%3A%20%24q%2C%20first%3A%2010)%20%7B%20edges%20%7B%20node%20%7B%20id%20title%20%7D%20%7D%20%7D%20%7D&variables=%7B%22q%22%3A%22select%20box%22%7D",
        "/graphql?query={viewer{login,repositories(first:5){nodes{name}}}}",
        "/graphql?query=%7B__typename%7D",
        "/api/graphql?doc_id=%d&variables=%%7B%%22slug%%22%%3A%%22men%%27s-boots%%22%%2C%%22after%%22%%3Anull%%7D" % rng.randint(10**15, 10**16),
    ]
    jsonapi = [
        "/jsonapi/node/article?filter[status]=1&sort=-created&page[limit]=10&include=field_image,uid&fields[node--article]=title,created,field_image",
        "/jsonapi/node/article?filter%5Btitle-filter%5D%5Bcondition%5D%5Bpath%5D=title&filter%5Btitle-filter%5D%5Bcondition%5D%5Boperator%5D=CONTAINS&filter%5Btitle-filter%5D%5Bcondition%5D%5Bvalue%5D=union",
        "/api/v1/orders?filter[status][in][]=paid&filter[status][in][]=shipped&filter[created_at][gte]=2025-11-01&sort=-created_at&page[number]=2&page[size]=50",
        "/api/v1/products?filter=%7B%22where%22%3A%7B%22price%22%3A%7B%22gt%22%3A10%7D%7D%2C%22order%22%3A%22price%20DESC%22%2C%22limit%22%3A20%7D",
        "/api/items?$filter=Price%20gt%2010%20and%20startswith(Name,%27Chair%27)&$orderby=Name%20desc&$top=20&$select=Id,Name,Price",
        "/api/search?q=title:%22hello%20world%22%20AND%20(tag:news%20OR%20tag:blog)%20NOT%20draft:true",
        "/api/v2/users?select=id,name,email&order=created_at.desc&name=ilike.*o%27neil*",
        "/rest/v1/todos?select=*&user_id=eq.%s&or=(done.is.null,done.eq.false)" % (hexs(8) + "-" + hexs(4) + "-4" + hexs(3) + "-a" + hexs(3) + "-" + hexs(12)),
    ]
    for i in range(n):
        s = Src(ip(), "spa-api", rng.choice(BROWSERS), proto="HTTP/2.0")
        s.page_view(APP, "/", ref=rng.choice(["-", "https://www.google.com/"]), assets=["/assets/index-%s.js" % tok(8), "/assets/index-%s.css" % tok(8)])
        s.req("/manifest.webmanifest", ref=s.page, gap=0)
        s.req("/sw.js", ref="-", gap=1)
        for j in range(rng.randint(3, 6)):
            q = (queries if (i + j) % 2 else jsonapi)[(i * 3 + j) % (len(queries) if (i + j) % 2 else len(jsonapi))]
            s.req(q, rng.choice([200, 200, 200, 304]), ref=s.page, gap=rng.randint(1, 15))
            if j == 1:
                s.req("/api/v1/cart", 204, method="OPTIONS", ref=s.page, gap=0)
                s.req("/api/v1/cart", 200, method="PATCH", ref=s.page, gap=0)
        s.req("/graphql", 200, method="POST", ref=s.page)


def websocket(n):
    for i in range(n):
        s = Src(ip(), "websocket", rng.choice(BROWSERS))
        s.page_view(APP, "/chat", ref="-", assets=["/assets/chat-%s.js" % tok(8)])
        sid = tok(20)
        if i % 3 == 0:
            s.req("/socket.io/?EIO=4&transport=polling&t=P%s" % tok(6), ref=s.page, gap=1)
            s.req("/socket.io/?EIO=4&transport=polling&t=P%s&sid=%s" % (tok(6), sid), method="POST", ref=s.page, gap=0)
            s.req("/socket.io/?EIO=4&transport=websocket&sid=%s" % sid, 101, size=4211, ref="-", gap=1)
        elif i % 3 == 1:
            s.req("/cable", 101, size=1922, ref="-", gap=1)
        else:
            s.req("/ws?token=%s&v=2" % tok(32), 101, size=30411, ref="-", gap=1)
            s.req("/ws?token=%s&v=2" % tok(32), 101, size=512, ref="-", gap=900)


def cors_preflight(n):
    for i in range(n):
        s = Src(ip(), "cors-client", rng.choice(BROWSERS))
        s.page_view(APP, "/settings/integrations", ref="https://partner.example.com/", assets=[])
        for p in ["/api/v1/me", "/api/v1/webhooks", "/api/v1/webhooks/17", "/api/v1/uploads?filename=report%20(final).pdf"]:
            s.req(p, 204, method="OPTIONS", ref="https://partner.example.com/", gap=1)
            s.req(p, rng.choice([200, 201, 204]), method=rng.choice(["GET", "POST", "PUT", "DELETE"]), ref="https://partner.example.com/", gap=0)


# ---------------------------------------------------------------- CMS admins
def wp_editor(n):
    for i in range(n):
        s = Src(ip(), "wp-admin", rng.choice([CHROME_MAC, FIREFOX, EDGE]))
        s.page_view(BLOG, "/wp-login.php?redirect_to=https%3A%2F%2Fblog.example-shop.com%2Fwp-admin%2F&reauth=1", ref="-")
        s.req("/wp-login.php", 302, method="POST", ref=s.page)
        s.page_view(BLOG, "/wp-admin/", assets=["/wp-admin/load-styles.php?c=0&dir=ltr&load%5Bchunk_0%5D=dashicons,admin-bar,common,forms,admin-menu,dashboard,list-tables,edit,revisions,media,themes,about,nav-menus,wp-pointer,widgets&load%5Bchunk_1%5D=,site-icon,l10n,buttons,wp-auth-check&ver=6.7.1",
                                                 "/wp-admin/load-scripts.php?c=0&load%5Bchunk_0%5D=jquery-core,jquery-migrate,utils&ver=6.7.1"])
        s.req("/wp-admin/admin-ajax.php", 200, method="POST", ref=s.page, gap=15)
        s.page_view(BLOG, "/wp-admin/edit.php?post_type=page")
        s.page_view(BLOG, "/wp-admin/post.php?post=%d&action=edit" % rng.randint(100, 900))
        for p in ["/wp-json/wp/v2/users/me?_locale=user", "/wp-json/wp/v2/users/me?context=edit&_locale=user",
                  "/wp-json/wp/v2/types?context=view&_locale=user", "/wp-json/wp/v2/settings?_locale=user",
                  "/wp-json/wp/v2/users?context=view&who=authors&per_page=50&_fields=id%2Cname&_locale=user",
                  "/wp-json/wp/v2/block-renderer/core/latest-posts?context=edit&attributes%5BpostsToShow%5D=3&post_id=312&_locale=user",
                  "/wp-json/wp/v2/search?search=select%20the%20right&per_page=20&type=post&_locale=user",
                  "/wp-json/wp/v2/media?context=edit&per_page=50&orderby=date&order=desc&media_type=image&_locale=user",
                  "/wp-json/wp/v2/templates/lookup?slug=single-post&is_custom=false&template_prefix=single&_locale=user",
                  "/wp-json/wp-site-health/v1/tests/background-updates?_locale=user",
                  "/wp-json/oembed/1.0/proxy?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DdQw4w9WgXcQ&_locale=user"]:
            s.req(p, 200, ref=s.page, gap=rng.randint(0, 3))
        s.req("/wp-json/wp/v2/posts/%d?_locale=user" % rng.randint(100, 900), 200, method="POST", ref=s.page, gap=60)
        s.req("/wp-admin/async-upload.php", 200, method="POST", ref=s.page)
        if i % 2 == 0:
            s.page_view(BLOG, "/wp-admin/plugins.php?plugin_status=all&paged=1&s")
            s.page_view(BLOG, "/wp-admin/plugin-install.php?s=seo&tab=search&type=term")
            s.page_view(BLOG, "/wp-admin/update-core.php")
            s.page_view(BLOG, "/wp-admin/update.php?action=upgrade-plugin&plugin=wordpress-seo%2Fwp-seo.php&_wpnonce=" + hexs(10))
            s.page_view(BLOG, "/wp-admin/users.php")
            s.page_view(BLOG, "/wp-admin/user-edit.php?user_id=2&wp_http_referer=%2Fwp-admin%2Fusers.php")
        else:
            s.page_view(BLOG, "/wp-admin/options-general.php")
            s.page_view(BLOG, "/wp-admin/site-health.php?tab=debug")
            s.page_view(BLOG, "/wp-admin/export.php?download=true&content=all&cat=0&post_author=0&post_start_date=0&post_end_date=0&post_status=0&page_author=0&page_start_date=0&page_end_date=0&page_status=0&attachment_start_date=0&attachment_end_date=0&submit=Download+Export+File")
            s.page_view(BLOG, "/wp-admin/customize.php?return=%2Fwp-admin%2Fthemes.php")
            s.page_view(BLOG, "/wp-admin/theme-editor.php?file=functions.php&theme=astra-child")
            s.page_view(BLOG, "/wp-admin/admin.php?page=wc-settings&tab=checkout&section=stripe")
        s.req("/wp-admin/admin-ajax.php?action=wp-compression-test&test=1&_ajax_nonce=%s&%d" % (hexs(10), rng.randint(10**12, 10**13)), ref=s.page, gap=2)
        s.page_view(BLOG, "/wp-login.php?action=logout&_wpnonce=" + hexs(10))
        s.page_view(BLOG, "/wp-login.php?loggedout=true&wp_lang=de_DE")


def wp_visitor_ajax(n):
    for i in range(n):
        s = Src(ip(), "wp-visitor", rng.choice(BROWSERS))
        s.page_view(BLOG, "/2025/11/select-the-right-lamp/", ref="https://www.google.com/", assets=BLOG_ASSETS)
        s.req("/wp-admin/admin-ajax.php?action=load_more_posts&page=2&cat=4", ref=s.page, gap=20)
        s.req("/wp-admin/admin-ajax.php", 200, method="POST", ref=s.page, gap=5)
        s.req("/wp-json/contact-form-7/v1/contact-forms/42/feedback", 200, method="POST", ref=s.page, gap=30)
        s.req("/wp-comments-post.php", 302, method="POST", ref=s.page, gap=10)
        s.page_view(BLOG, "/2025/11/select-the-right-lamp/?unapproved=%d&moderation-hash=%s#comment-%d" % (812, hexs(32), 812))
        s.page_view(BLOG, "/?s=%22drop+ceiling%22+lights")
        s.page_view(BLOG, "/author/anna/")
        s.page_view(BLOG, "/2025/10/union-made-boots/?replytocom=77#respond".split("#")[0])


def drupal_admin(n):
    for i in range(n):
        s = Src(ip(), "drupal-admin", rng.choice([CHROME_WIN, FIREFOX]))
        s.page_view("https://news.example.org", "/user/login?destination=/admin/content", ref="-")
        s.req("/user/login?destination=/admin/content", 303, method="POST", ref=s.page)
        s.page_view("https://news.example.org", "/admin/content?title=&type=article&status=All&langcode=All&order=changed&sort=desc",
                    assets=["/core/misc/drupal.js?v=10.3.6", "/sites/default/files/css/css_%s.css?delta=0&language=en&theme=claro&include=%s" % (tok(43), tok(60))])
        nid = rng.randint(10, 900)
        s.page_view("https://news.example.org", "/node/%d/edit?destination=/admin/content" % nid)
        s.req("/node/%d/edit?element_parents=field_image/widget/0&ajax_form=1&_wrapper_format=drupal_ajax" % nid, 200, method="POST", ref=s.page)
        s.req("/node/%d/edit?destination=/admin/content" % nid, 303, method="POST", ref=s.page)
        s.page_view("https://news.example.org", "/node/add/article")
        s.req("/entity-reference-autocomplete/node/default%3Anode/" + tok(43) + "?q=select", ref=s.page)
        s.page_view("https://news.example.org", "/admin/modules")
        s.page_view("https://news.example.org", "/admin/reports/dblog?type%5B%5D=php&severity%5B%5D=3")
        s.page_view("https://news.example.org", "/admin/reports/status")
        s.page_view("https://news.example.org", "/admin/config/development/performance")
        s.page_view("https://news.example.org", "/update.php/selection")
        s.page_view("https://news.example.org", "/batch?id=%d&op=do_nojs" % rng.randint(10, 99))
        s.page_view("https://news.example.org", "/admin/people?user=&status=All&role=editor")
        s.page_view("https://news.example.org", "/user/1/edit")
        s.page_view("https://news.example.org", "/user/logout?token=" + tok(43))


def joomla_admin(n):
    for i in range(n):
        s = Src(ip(), "joomla-admin", rng.choice([CHROME_WIN, FIREFOX_WIN]))
        h = "https://club.example.org"
        s.page_view(h, "/administrator/", ref="-")
        s.req("/administrator/index.php", 303, method="POST", ref=s.page)
        s.page_view(h, "/administrator/index.php", assets=["/media/system/js/core.min.js?5.2.0", "/media/templates/administrator/atum/css/template.min.css?5.2.0"])
        s.page_view(h, "/administrator/index.php?option=com_content&view=articles")
        s.page_view(h, "/administrator/index.php?option=com_content&task=article.edit&id=%d" % rng.randint(1, 200))
        s.req("/administrator/index.php?option=com_content&view=article&layout=edit&id=12", 303, method="POST", ref=s.page)
        s.page_view(h, "/administrator/index.php?option=com_config")
        s.page_view(h, "/administrator/index.php?option=com_users&view=users&filter[search]=anna&list[fullordering]=a.name%20ASC")
        s.page_view(h, "/administrator/index.php?option=com_installer&view=update")
        s.req("/administrator/index.php?option=com_ajax&group=system&plugin=stats&format=raw", ref=s.page)
        s.req("/api/index.php/v1/content/articles?page[limit]=20&filter[search]=club", ref="-", ua="Joomla-Sync/1.2 (+https://club.example.org)")
        s.page_view(h, "/index.php?option=com_content&view=article&id=12&catid=8&Itemid=101")
        s.page_view(h, "/administrator/index.php?option=com_login&task=logout&" + hexs(32) + "=1")


# ---------------------------------------------------------------- readers
DOC_PATHS = ["/docs/sql/union", "/docs/sql/select", "/docs/sql/drop-table", "/docs/sql/insert-into-select", "/docs/sql/sleep-function",
             "/docs/sql/information_schema", "/docs/sql/waitfor", "/docs/linux/etc-passwd-format", "/docs/linux/proc-self-environ",
             "/docs/php/function.eval", "/docs/php/function.shell-exec", "/docs/js/eval", "/docs/js/document.cookie",
             "/docs/js/onerror-attribute", "/docs/js/alert", "/docs/bash/cat", "/docs/bash/wget", "/docs/bash/curl",
             "/docs/nginx/location-alias-traversal", "/docs/config/.env-files", "/docs/git/.gitignore",
             "/docs/api/exec", "/docs/admin/phpmyadmin-setup", "/docs/http/methods/TRACE", "/docs/ldap/jndi",
             "/docs/template/{{variable}}-syntax".replace("{", "%7B").replace("}", "%7D"), "/docs/v2.3./install", "/docs/intro."]
BLOG_PATHS = ["/blog/xss-explained", "/blog/sql-injection-101", "/blog/what-is-log4shell", "/blog/securing-wp-config-php",
              "/blog/why-we-block-..-in-paths", "/blog/2025/11/cmd.exe-vs-powershell", "/blog/union-select-is-not-a-query",
              "/blog/the-etc-shadow-file", "/blog/%3Cscript%3E-tags-in-markdown", "/blog/how-to-read-access.log"]
WIKI_PATHS = ["/wiki/Path_traversal", "/wiki/SQL_injection", "/wiki/Cross-site_scripting", "/wiki/.htaccess",
              "/wiki/Passwd", "/wiki/PhpMyAdmin", "/wiki/Log4Shell", "/wiki/Shellshock_(software_bug)",
              "/wiki/%22Hello,_World!%22_program", "/wiki/C%2B%2B", "/wiki/AT%26T", "/wiki/Let%27s_Encrypt",
              "/wiki/Eval", "/wiki/Null_character", "/wiki/Bobby_Tables", "/wiki/Robots.txt", "/wiki/Web.config",
              "/wiki/Special:Search?search=%3Cscript%3E&go=Go", "/wiki/Special:Search?search=drop+table&fulltext=1",
              "/w/index.php?title=Union_(SQL)&action=history", "/w/index.php?title=Cmd.exe&oldid=1250000000&diff=prev",
              "/wiki/%E6%97%A5%E6%9C%AC%E8%AA%9E", "/wiki/Z%C3%BCrich", "/wiki/Mar%C3%ADa_Jos%C3%A9", "/wiki/..."]
DOC_SEARCHES = ["union+all+vs+union", "drop+table+if+exists", "sleep()+function", "%3Cdiv%3E+vs+%3Cspan%3E",
                "onclick+vs+addEventListener", "javascript%3Avoid(0)", "..%2F+relative+path", "a+%3C+b+%26%26+c+%3E+d",
                "%24(document).ready", "%7B%7B+user.name+%7D%7D", "select+*+from+users+where+id+%3D+1",
                "etc%2Fpasswd+format", "cmd+%2Fc+dir", "char(10)", "%27quoted%27+string", "1%27+or+%271%27%3D%271+meaning",
                "%3Cscript%3E+tag", "cat+%2Fproc%2Fcpuinfo", "ls+-la+%7C+grep", "echo+%24PATH", "%26lt%3B+html+entity",
                "window.location.href", "base64+decode", "%25s+format+string", "%5Cn+newline", "null+vs+undefined"]


def docs_reader(n):
    for i in range(n):
        s = Src(ip(), "docs-reader", rng.choice(BROWSERS + [IE11]))
        s.page_view(DOCS, rng.choice(DOC_PATHS), ref=rng.choice(["https://www.google.com/", "-", "https://stackoverflow.com/", "https://github.com/"]), assets=DOCS_ASSETS)
        for _ in range(rng.randint(2, 5)):
            if rng.random() < 0.5:
                s.page_view(DOCS, "/search?q=" + rng.choice(DOC_SEARCHES))
                s.req("/search/search_index.json", ref=s.page, gap=0)
            else:
                s.page_view(DOCS, rng.choice(DOC_PATHS))


def blog_reader(n):
    for i in range(n):
        s = Src(ip(), "blog-reader", rng.choice(BROWSERS + [FB_IAB]))
        s.page_view(BLOG, rng.choice(BLOG_PATHS), ref=rng.choice(["https://news.ycombinator.com/", "https://www.reddit.com/", "-", "https://t.co/"]), assets=BLOG_ASSETS)
        s.page_view(BLOG, rng.choice(BLOG_PATHS))
        s.page_view(BLOG, "/?s=" + rng.choice(DOC_SEARCHES))


def wiki_reader(n):
    for i in range(n):
        s = Src(ip(), "wiki-reader", rng.choice(BROWSERS))
        s.page_view(WIKI, rng.choice(WIKI_PATHS), ref=rng.choice(["https://www.google.com/", "-", "https://duckduckgo.com/"]), assets=["/w/load.php?lang=en&modules=site.styles&only=styles&skin=vector-2022"])
        for _ in range(rng.randint(2, 5)):
            s.page_view(WIKI, rng.choice(WIKI_PATHS))


def i18n_reader(n):
    paths = ["/de/produkte/sch%C3%B6ne-t%C3%BCr", "/ja/%E6%A4%9C%E7%B4%A2?q=%E6%97%A5%E6%9C%AC%E8%AA%9E",
             "/ru/%D0%BA%D0%B0%D1%82%D0%B0%D0%BB%D0%BE%D0%B3/%D1%81%D1%82%D1%83%D0%BB%D1%8C%D1%8F",
             "/ar/%D9%85%D9%86%D8%AA%D8%AC%D8%A7%D8%AA", "/zh-cn/search?q=%E6%A4%85%E5%AD%90%20%E5%8A%9E%E5%85%AC",
             "/fr/recherche?q=chaise+l%27%C3%A9t%C3%A9", "/es/b%C3%BAsqueda?q=se%C3%B1al", "/tr/%C3%BCr%C3%BCnler?s%C4%B1ra=fiyat",
             "/de/stra\u00dfe-und-platz", "/fr/caf\u00e9", "/pl/%C5%BC%C3%B3%C5%82ta-lampa", "/he/%D7%9B%D7%99%D7%A1%D7%90",
             "/th/%E0%B8%AA%E0%B8%B4%E0%B8%99%E0%B8%84%E0%B9%89%E0%B8%B2", "/ko/%EA%B2%80%EC%83%89?q=%EC%9D%98%EC%9E%90",
             "/emoji/%F0%9F%8E%89-sale", "/de/suche?q=gr%FC%DFe"]
    for i in range(n):
        s = Src(ip(), "i18n-reader", rng.choice(BROWSERS))
        s.page_view(SHOP, paths[i % len(paths)], ref=rng.choice(["https://www.google.de/", "https://yandex.ru/", "-"]), assets=SHOP_ASSETS)
        s.page_view(SHOP, paths[(i + 5) % len(paths)])
        s.page_view(SHOP, paths[(i + 9) % len(paths)])


def router_quirks(n):
    paths = ["/blog//2025/11/select-the-right-lamp/", "//static/css/app.7f3a91.css", "/docs/intro.", "/about.",
             "/products/./chairs", "/files/a%2Fb.pdf", "/api/v1/repos/acme%2Fwidgets/issues?state=open",
             "/~anna/notes/", "/%7Eanna/cv.pdf", "/shop;jsessionid=5F4E3D2C1B0A99887766554433221100",
             "/product/exec-office-chair/", "/Product/Exec-Office-Chair", "/index.html", "/index.php/category/lamps",
             "/category/lamps?", "/category/lamps?&&page=2", "/search?q=", "/search?q=lamp#", "/cgi-bin/order-status.cgi?order=4711",
             "/img/photo%20(1).jpg", "/img/photo+(2).jpg", "/docs/v1.2/..", "/docs/guide/getting-started/./index.md",
             "/files/Report%20Q3%20%5Bfinal%5D.xlsx", "/blog/100%25-cotton", "/p/%2e%2e%2e-more", "/a/b/c/d/e/f/g/h/i/j/k/l/m/n",
             "/api/v1/users/me/", "/UPPERCASE/PATH.HTML", "/page.php?id=12&lang=en"]
    for i in range(n):
        s = Src(ip(), "odd-url", rng.choice(BROWSERS))
        for j in range(5):
            p = paths[(i * 5 + j) % len(paths)]
            s.page_view(SHOP, p, status=rng.choice([200, 200, 301, 404]), ref=rng.choice(["-", "https://slack.com/", "https://teams.microsoft.com/", s.page or "-"]))


def long_query(n):
    for i in range(n):
        s = Src(ip(), "long-query", rng.choice(BROWSERS))
        ids = ",".join(str(rng.randint(1000, 99999)) for _ in range(rng.randint(80, 200)))
        s.page_view(SHOP, "/compare?ids=" + ids, ref="-", assets=SHOP_ASSETS)
        state = "%7B" + "%2C".join("%%22f%d%%22%%3A%%5B%%22%s%%22%%2C%%22%s%%22%%5D" % (k, tok(6), tok(6)) for k in range(40)) + "%7D"
        s.page_view(SHOP, "/category/all?state=" + state + "&page=1")
        s.page_view(SHOP, "/search?" + "&".join("facet%%5B%d%%5D=%s" % (k, tok(5)) for k in range(120)))
        s.req("/api/track?payload=" + tok(3000, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), 204, ref=s.page)


def downloader(n):
    files = ["/downloads/gatehawk-1.4.2.tar.gz", "/files/annual-report-2024.pdf", "/media/intro.mp4",
             "/downloads/setup-x64.exe", "/downloads/app-release.apk", "/files/catalogue%202025.pdf", "/podcast/ep-42.mp3",
             "/downloads/backup-tool.zip", "/files/db-schema.sql", "/downloads/install.sh"]
    uas = BROWSERS + ["Wget/1.21.4", "curl/8.5.0", "AppleCoreMedia/1.0.0.21H16 (iPhone; U; CPU OS 17_7 like Mac OS X; de_de)",
                      "Microsoft BITS/7.8", "aria2/1.37.0", "VLC/3.0.21 LibVLC/3.0.21", "Podcasts/1.0 CFNetwork/1498.700.2 Darwin/23.6.0",
                      "Spotify/8.9.96 iOS/17.5 (iPhone14,5)", "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)"]
    for i in range(n):
        ua = uas[i % len(uas)]
        s = Src(ip(), "downloader", ua)
        f = files[i % len(files)]
        ref = "https://docs.example.org/install" if ua in BROWSERS else "-"
        s.req(f, 200 if i % 2 else 206, ref=ref)
        for k in range(rng.randint(1, 4)):
            s.req(f, 206, ref=ref, gap=rng.randint(0, 5))
        s.req(f + ".sha256", 200, ref=ref) if "gz" in f or "zip" in f or "exe" in f else None
        s.req(f, 304 if i % 3 else 200, method="HEAD", ref=ref, gap=600)


def office_clients(n):
    uas = ["Microsoft Office Existence Discovery", "Microsoft Office Word 2014", "Microsoft Office Excel 2014",
           "Microsoft-WebDAV-MiniRedir/10.0.19045", "ms-office; MSOffice 16", "Mozilla/4.0 (compatible; ms-office; MSOffice 16)"]
    for i in range(n):
        s = Src(ip(), "office-client", uas[i % len(uas)])
        s.req("/", 200, method="OPTIONS", ref="-")
        s.req("/files/Report%20Q3%20%5Bfinal%5D.xlsx", 200, method="HEAD", ref="-", gap=0)
        s.req("/files/", 405, method="PROPFIND", ref="-", gap=0)
        s.req("/files/Report%20Q3%20%5Bfinal%5D.xlsx", 200, ref="-", gap=1, ua=CHROME_WIN)


# ---------------------------------------------------------------- machines
def health_checks():
    checks = [("kube-probe/1.29", "/healthz", "health-check"), ("kube-probe/1.29", "/readyz?verbose=1", "health-check"),
              ("ELB-HealthChecker/2.0", "/health", "health-check"), ("GoogleHC/1.0", "/", "health-check"),
              ("Consul Health Check", "/v1/health", "health-check"), ("Azure Traffic Manager Endpoint Monitor", "/status", "health-check"),
              ("Envoy/HC", "/ping", "health-check"), ("HAProxy health check", "/haproxy-health", "health-check")]
    for ua, path, kind in checks:
        s = Src(ip(), kind, ua, start=DAY + timedelta(seconds=rng.randint(0, 60)))
        for k in range(rng.randint(150, 300)):
            s.req(path, 200 if k % 97 else 503, size=rng.choice([2, 15, 42]), gap=rng.choice([5, 10, 10, 15]))
    monitors = [("Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)", "HEAD", "/"),
                ("Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)", "GET", "/healthz"),
                ("Mozilla/5.0 (compatible; StatusCake)", "GET", "/"),
                ("Better Uptime Bot Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36", "GET", "/status"),
                ("Mozilla/5.0 (compatible; Site24x7)", "GET", "/api/health?deep=true"),
                ("Datadog/Synthetics", "GET", "/checkout/health"),
                ("Checkly/1.0 (https://www.checklyhq.com)", "GET", "/api/v1/ping"),
                ("Blackbox Exporter/0.25.0", "GET", "/metrics/health"),
                ("Zabbix", "GET", "/server-status?auto"),
                ("check_http/v2.4.9 (nagios-plugins 2.4.9)", "GET", "/"),
                ("Mozilla/5.0 (compatible; Freshping/1.0)", "HEAD", "/")]
    for ua, method, path in monitors:
        s = Src(ip(), "uptime-monitor", ua, start=DAY + timedelta(seconds=rng.randint(0, 300)))
        for k in range(rng.randint(60, 140)):
            s.req(path, 200, method=method, gap=rng.choice([60, 300]))


def feed_readers():
    uas = ["Feedly/1.0 (+http://www.feedly.com/fetcher.html; 412 subscribers; )",
           "Mozilla/5.0 (compatible; inoreader.com; 37 subscribers)",
           "NewsBlur Feed Fetcher - 12 subscribers - https://www.newsblur.com/site/123/blog (Mozilla/5.0)",
           "Miniflux/2.2.1 (https://miniflux.app)", "Tiny Tiny RSS/23.04 (https://tt-rss.org/)",
           "NetNewsWire (RSS Reader; https://netnewswire.com/)", "FreshRSS/1.24.3 (Linux; https://freshrss.org)",
           "Feedbin feed-id:123456 - 3 subscribers", "WordPress.com Reader; https://wordpress.com",
           "Reeder/5050.21.01 CFNetwork/1498.700.2 Darwin/23.6.0", "Podcast Addict - Android"]
    feeds = ["/feed/", "/blog/feed/", "/comments/feed/", "/feed/atom/", "/category/news/feed/", "/rss.xml", "/index.xml",
             "/feed/?paged=2", "/wp-json/wp/v2/posts?per_page=10", "/podcast/feed.xml"]
    for i, ua in enumerate(uas):
        s = Src(ip(), "feed-reader", ua)
        for k in range(rng.randint(8, 20)):
            s.req(feeds[(i + k) % len(feeds)], rng.choice([200, 304, 304, 304]), gap=rng.choice([900, 1800, 3600]))


def crawlers():
    bots = [("Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.116 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "crawler-search"),
            ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "crawler-search"),
            ("Googlebot-Image/1.0", "crawler-search"),
            ("AdsBot-Google (+http://www.google.com/adsbot.html)", "crawler-search"),
            ("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36", "crawler-search"),
            ("DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)", "crawler-search"),
            ("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", "crawler-search"),
            ("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)", "crawler-search"),
            ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)", "crawler-search"),
            ("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)", "crawler-ai"),
            ("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)", "crawler-ai"),
            ("CCBot/2.0 (https://commoncrawl.org/faq/)", "crawler-ai"),
            ("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", "seo-crawler"),
            ("Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)", "seo-crawler"),
            ("Mozilla/5.0 (compatible; MJ12bot/v1.4.8; http://mj12bot.com/)", "seo-crawler"),
            ("Mozilla/5.0 (compatible; DotBot/1.2; +https://opensiteexplorer.org/dotbot; help@moz.com)", "seo-crawler"),
            ("Mozilla/5.0 (compatible; BLEXBot/1.0; +http://webmeup-crawler.com/)", "seo-crawler"),
            ("Screaming Frog SEO Spider/20.4", "seo-crawler"),
            ("Mozilla/5.0 (compatible; SiteAuditBot/0.97; +http://www.semrush.com/bot.html)", "seo-crawler")]
    crawl_paths = (["/robots.txt", "/sitemap.xml", "/sitemap_index.xml", "/product-sitemap.xml", "/post-sitemap1.xml", "/",
                    "/?p=312", "/?s=lamp", "/?replytocom=77", "/author/admin/", "/feed/", "/wp-json/", "/wp-json/wp/v2/pages/12",
                    "/tag/c%2B%2B/", "/old-page.html", "/category/lamps?page=9999", "/amp/product/exec-office-chair",
                    "/search?q=select+box&page=3", "/xmlrpc.php?rsd", "/wp-includes/wlwmanifest.xml", "/?author=1",
                    "/comments/feed/", "/cart?add-to-cart=42", "/wp-login.php?action=lostpassword",
                    "/2014/03/old-post/", "/index.php?route=product/category&path=20_27", "/?page_id=2",
                    "/wp-content/uploads/2019/05/old-image.png", "/static/js/app.2c9e4d.js", "/manifest.json"]
                   + PRODUCTS + FACETS + DOC_PATHS[:8])
    for ua, kind in bots:
        s = Src(ip(), kind, ua)
        s.req("/robots.txt", rng.choice([200, 304]), ref="-")
        for k in range(rng.randint(20, 60)):
            p = rng.choice(crawl_paths)
            st = 404 if p in ("/old-page.html", "/2014/03/old-post/", "/wp-content/uploads/2019/05/old-image.png", "/index.php?route=product/category&path=20_27") else \
                301 if p in ("/?p=312", "/?page_id=2", "/?author=1") else rng.choice([200, 200, 200, 304])
            s.req(p, st, ref="-", gap=rng.randint(5, 120))


def social_previews():
    bots = ["facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "Twitterbot/1.0",
            "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
            "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)", "WhatsApp/2.23.20.0",
            "TelegramBot (like TwitterBot)", "Pinterestbot/1.0 (+http://www.pinterest.com/bot.html)",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0",
            "Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)", "Iframely/1.3.1 (+https://iframely.com/docs/about)",
            "Mastodon/4.3.1 (http.rb/5.2.0; +https://mastodon.social/) Bot", "redditbot/1.0", "SkypeUriPreview Preview/0.5",
            "Mozilla/5.0 (compatible; Google-Read-Aloud; +https://support.google.com/webmasters/answer/1061943)"]
    for i, ua in enumerate(bots):
        s = Src(ip(), "social-preview", ua)
        for k in range(rng.randint(2, 6)):
            p = rng.choice(BLOG_PATHS + PRODUCTS) + rng.choice(["", "?utm_source=slack", "?fbclid=IwAR" + tok(40)])
            s.req(p, 200, ref="-", gap=rng.randint(1, 300))
            if k == 0:
                s.req("/wp-content/uploads/2025/11/og-image-1200x630.jpg", 200, ref="-", gap=1)
                s.req("/favicon.ico", rng.choice([200, 404]), ref="-", gap=0)
        if "Mastodon" in ua:
            s.req("/.well-known/nodeinfo", 404, ref="-")


def mobile_apps(n):
    apps = ["okhttp/4.12.0", "ExampleShop/5.3.1 (com.example.shop; build:5310; iOS 18.1.0) Alamofire/5.9.1",
            "ExampleShop/5310 CFNetwork/1568.200.51 Darwin/24.1.0", "Dart/3.5 (dart:io)",
            "ExampleShop/5.3.1 (Android 14; Pixel 8; okhttp)", "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240905.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.86 Mobile Safari/537.36",
            "ReactNative/0.75 okhttp/4.9.2", "Ktor client", "Expo/2.32.4 CFNetwork/1568.200.51 Darwin/24.1.0"]
    calls = ["/api/v2/config?platform=ios&version=5.3.1", "/api/v2/home?lang=de&currency=EUR", "/api/v2/products?category=lamps&sort=price&order=desc&limit=20&cursor=eyJpZCI6NDJ9",
             "/api/v2/products/42", "/api/v2/search?q=men%27s+boots&page=1", "/api/v2/cart", "/api/v2/me", "/api/v2/orders?status=open",
             "/api/v2/push/register", "/api/v2/feature-flags?user=anon-" + hexs(16), "/api/v2/images/42?w=640&h=640&fit=crop&fm=webp",
             "/api/v2/search?q=select+box&filters=%5B%7B%22k%22%3A%22color%22%2C%22v%22%3A%22red%22%7D%5D"]
    for i in range(n):
        s = Src(ip("v6" if i % 4 == 0 else None), "mobile-app", apps[i % len(apps)])
        for k in range(rng.randint(6, 14)):
            c = calls[(i + k) % len(calls)]
            m = "POST" if c in ("/api/v2/push/register", "/api/v2/cart") and k % 2 else "GET"
            st = rng.choice([200, 200, 200, 304, 401]) if c == "/api/v2/me" else rng.choice([200, 200, 200, 304])
            s.req(c, st, method=m, ref="-", gap=rng.randint(1, 30))
        s.req("/api/v2/events", 202, method="POST", ref="-")
        s.req("/.well-known/apple-app-site-association" if i % 2 else "/.well-known/assetlinks.json", 200, ref="-")


def api_integrations(n):
    clients = [("curl/8.5.0", ["/api/v1/orders?since=2025-11-13T00:00:00Z&status=paid&limit=100", "/api/v1/orders/4711", "/api/v1/stock?sku=LAMP-42&sku=CHAIR-7"]),
               ("python-requests/2.32.3", ["/api/v1/products?updated_since=2025-11-13&page=1", "/api/v1/products?updated_since=2025-11-13&page=2", "/api/v1/products?updated_since=2025-11-13&page=3"]),
               ("Wget/1.21.4", ["/exports/products.csv", "/exports/products.csv.md5"]),
               ("Go-http-client/2.0", ["/api/v1/inventory/sync", "/api/v1/inventory?warehouse=ber-1"]),
               ("axios/1.7.7", ["/api/v1/customers?email=jane.doe%2Btest%40example.com", "/api/v1/customers/8812/addresses"]),
               ("node-fetch/1.0 (+https://github.com/bitinn/node-fetch)", ["/api/v1/prices?currency=EUR&skus=LAMP-42,CHAIR-7,DESK-1"]),
               ("Apache-HttpClient/4.5.14 (Java/17.0.9)", ["/api/v1/erp/orders?from=2025-11-13&to=2025-11-14", "/api/v1/erp/orders/4711/lines"]),
               ("PostmanRuntime/7.42.0", ["/api/v1/me", "/api/v1/orders?limit=1", "/api/v1/webhooks"]),
               ("insomnia/10.1.1", ["/api/v1/products/42", "/api/v1/products/42/variants"]),
               ("Java/17.0.9", ["/api/v1/feeds/google-merchant.xml"]),
               ("Stripe/1.0 (+https://stripe.com/docs/webhooks)", ["POST /webhooks/stripe"]),
               ("GitHub-Hookshot/8e1f3a2", ["POST /hooks/github?secret_ref=deploy"]),
               ("PayPal IPN ( https://www.paypal.com/ipn )", ["POST /paypal/ipn"]),
               ("Shopify-Captain-Hook", ["POST /webhooks/shopify/orders-create"]),
               ("Zapier", ["/api/v1/orders?sort=-created_at&limit=5"]),
               ("Slack-ImgProxy (+https://api.slack.com/robots)", ["/static/img/logo.svg"]),
               ("Mozilla/5.0 (compatible; Let's Encrypt validation server; +https://www.letsencrypt.org)", ["/.well-known/acme-challenge/" + tok(43, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")]),
               ("libwww-perl/6.77", ["/api/v1/stock.xml?sku=LAMP-42"]),
               ("Ruby", ["/api/v1/orders.json?page=1"]),
               ("python-httpx/0.27.2", ["/api/v1/reports/sales?group_by=day&from=2025-11-01&to=2025-11-14&format=json"]),
               ("aiohttp/3.10.10", ["/api/v1/products?fields=id,sku,price&ids=" + ",".join(str(k) for k in range(1000, 1060))]),
               ("Terraform/1.9.8", ["/api/v1/dns/records?zone=example-shop.com"]),
               ("HTTPie/3.2.4", ["/api/v1/orders?q=status:paid%20AND%20total%3E100"]),
               ("Guzzle/7 (PHP/8.3.12)", ["/api/v1/prices?currency=EUR"]),
               ("WordPress/6.7.1; https://blog.example-shop.com", ["POST /wp-cron.php?doing_wp_cron=1731571200.1234560000"])]
    for i in range(n):
        ua, paths = clients[i % len(clients)]
        s = Src(ip(), "api-integration", ua)
        for k in range(rng.randint(2, 8)):
            p = paths[k % len(paths)]
            m, p = p.split(" ", 1) if p.startswith("POST ") else ("GET", p)
            s.req(p, rng.choice([200, 200, 200, 201]) if m == "POST" else rng.choice([200, 200, 304]), method=m, ref="-", gap=rng.randint(1, 600))


def site_files(n):
    """Browsers and apps fetching the site's well-known files, many of which this site lacks."""
    sets = [["/favicon.ico", "/apple-touch-icon.png", "/apple-touch-icon-precomposed.png", "/apple-touch-icon-120x120.png", "/apple-touch-icon-120x120-precomposed.png"],
            ["/robots.txt", "/sitemap.xml", "/ads.txt", "/app-ads.txt"],
            ["/.well-known/security.txt", "/security.txt"],
            ["/.well-known/change-password"],
            ["/.well-known/traffic-advice"],
            ["/.well-known/assetlinks.json", "/.well-known/apple-app-site-association", "/apple-app-site-association"],
            ["/.well-known/dnt-policy.txt", "/.well-known/gpc.json"],
            ["/browserconfig.xml", "/site.webmanifest", "/manifest.json", "/humans.txt"],
            ["/.well-known/nodeinfo", "/.well-known/host-meta", "/.well-known/webfinger?resource=acct%3Aanna%40example-shop.com"],
            ["/.well-known/openid-configuration", "/.well-known/oauth-authorization-server", "/.well-known/jwks.json"],
            ["/.well-known/mta-sts.txt"],
            ["/.well-known/passkey-endpoints", "/.well-known/web-identity"]]
    uas = {4: "Chrome Privacy Preserving Prefetch Proxy", 2: "Mozilla/5.0 (compatible; securitytxt-crawler/1.0)",
           1: "Mozilla/5.0 (compatible; adstxtcrawler/1.0; +https://iabtechlab.com)",
           10: "Mozilla/5.0 (compatible; MTA-STS fetcher)",
           5: "Google-Digital-Asset-Links/1.0", 8: "Mastodon/4.3.1 (http.rb/5.2.0; +https://mastodon.social/)"}
    for i in range(n):
        files = sets[i % len(sets)]
        s = Src(ip(), "site-files", uas.get(i % len(sets), rng.choice(BROWSERS)))
        s.page_view(SHOP, "/", ref="-") if s.ua in BROWSERS else None
        for f in files:
            st = 404 if ("precomposed" in f or "120x120" in f or f in ("/security.txt", "/humans.txt", "/browserconfig.xml", "/.well-known/nodeinfo",
                                                                     "/.well-known/host-meta", "/.well-known/webfinger?resource=acct%3Aanna%40example-shop.com",
                                                                     "/.well-known/dnt-policy.txt", "/.well-known/gpc.json", "/.well-known/traffic-advice",
                                                                     "/.well-known/passkey-endpoints", "/.well-known/web-identity",
                                                                     "/.well-known/oauth-authorization-server", "/apple-app-site-association",
                                                                     "/.well-known/mta-sts.txt")) \
                else 302 if f == "/.well-known/change-password" else rng.choice([200, 304])
            s.req(f, st, ref="-" if s.ua not in BROWSERS else (s.page or "-"), gap=rng.randint(0, 3))


def revalidating_browser(n):
    """Returning visitors: conditional requests answered 304, a stale asset 404."""
    for i in range(n):
        s = Src(ip(), "returning-visitor", rng.choice(BROWSERS))
        s.page_view(SHOP, "/", ref="-")
        for a in SHOP_ASSETS + ["/static/js/chunk-%s.js" % hexs(8), "/static/fonts/inter-var.woff2"]:
            s.req(a, 304, ref=s.page, gap=0)
        s.req("/static/js/app.1b2c3d.js", 404, ref=s.page, gap=0)
        s.req("/static/js/app.1b2c3d.js.map", 404, ref="-", gap=2)
        s.page_view(SHOP, "/account/orders")
        s.page_view(SHOP, "/account/orders/4711/invoice.pdf")
        s.page_view(SHOP, "/search?q=" + rng.choice(SEARCHES))
        s.req("/favicon.ico", 304, ref=s.page, gap=0)
        s.page_view(SHOP, "/contact")
        s.req("/contact", 302, method="POST", ref=s.page)
        s.page_view(SHOP, "/contact?sent=1&name=Ren%C3%A9e+O%27Connor")


def error_pages(n):
    """Real users running into the site's own errors: dead links, a 500 on an odd filter, a 429."""
    for i in range(n):
        s = Src(ip(), "error-visitor", rng.choice(BROWSERS))
        s.page_view(SHOP, "/product/discontinued-lamp", status=404, ref="https://www.google.com/")
        s.page_view(SHOP, "/category/lamps?price_min=100&price_max=50&sort=price_asc", status=500)
        s.page_view(SHOP, "/category/lamps?price_min=50&price_max=100&sort=price_asc")
        s.page_view(SHOP, "/search?q=%22lamp%22+%26+%22shade%22", status=rng.choice([200, 500]))
        s.page_view(SHOP, "/search?q=o%27neil+chair", status=rng.choice([200, 500]))
        for k in range(4):
            s.req("/api/v1/stock?sku=LAMP-42", 429 if k > 1 else 200, ref=s.page, gap=0)
        s.page_view(SHOP, "/checkout", status=502)
        s.page_view(SHOP, "/checkout", gap=10)


def main(out):
    shop_browser(30)
    shop_checkout(14)
    marketing_click(18)
    analytics_beacon(10)
    tokens_links(10)
    oauth_login(16)
    saml_sso(6)
    spa_graphql(12)
    websocket(6)
    cors_preflight(5)
    wp_editor(6)
    wp_visitor_ajax(6)
    drupal_admin(3)
    joomla_admin(3)
    docs_reader(20)
    blog_reader(12)
    wiki_reader(10)
    i18n_reader(10)
    router_quirks(8)
    long_query(4)
    downloader(14)
    office_clients(6)
    health_checks()
    feed_readers()
    crawlers()
    social_previews()
    mobile_apps(18)
    api_integrations(30)
    site_files(24)
    revalidating_browser(8)
    error_pages(6)
    records.sort(key=lambda r: r[0])
    with open(out / "benign.log", "w") as f:
        for t, ip_, m, target, proto, st, size, ref, ua in records:
            f.write('%s - - [%s] "%s %s %s" %d %d "%s" "%s"\n' % (
                ip_, t.strftime("%d/%b/%Y:%H:%M:%S +0000"), m, esc(target), proto, st, size, esc(ref), esc(ua)))
    with open(out / "benign.labels", "w") as f:
        for ip_, kind in labels:
            f.write("%s\tbenign\t%s\n" % (ip_, kind))
    open(out / "attacks.log", "w").close()
    open(out / "attacks.labels", "w").close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent)
