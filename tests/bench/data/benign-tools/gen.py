#!/usr/bin/env python3
"""benign-tools: people using operator and developer tools whose URLs carry code.

A held-out false-positive set.  Writes, next to this file:
  benign.log      nginx "combined" lines, 4 Feb 2026 (UTC), sorted by time
  benign.labels   ADDRESS<TAB>benign<TAB>KIND, one line per source, in order of first request
  attacks.log, attacks.labels   empty (so tests/bench/recall.sh runs on the folder)
  accepted.tsv    empty; only written when missing (the maintainer owns it)
  README.md       what the set is, with the counts of this run

Every source is one person in a real browser, or one official command-line
client (gh, glab), using the web UI of a database, monitoring, CI, code,
messaging, cluster, analytics, mail, files or documentation tool behind a
busy host's reverse proxy.  Their URLs naturally hold SQL, PromQL, LogQL,
KQL and Lucene, rison, JSON, regular expressions, code snippets and file
paths.  Nothing here is a scanner, a crawler or an attack.

    python3 gen.py          write every file
    python3 gen.py --check  also check that no address collides with another set

Python 3 standard library only.  Fixed seed, no set iteration, no hash():
every run writes the same bytes.
"""
import datetime
import glob
import ipaddress
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20260204
R = random.Random(SEED)
DAY0 = datetime.datetime(2026, 2, 4, 0, 0, 0, tzinfo=datetime.timezone.utc)
EPOCH0 = int(DAY0.timestamp())
NET = "100.113.0.0/20"
MIN_REQ, MAX_REQ = 5, 15


class _Auto:
    pass


AUTO = _Auto()

# ------------------------------------------------------------------ encoders
_AN = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def _pct(s, safe, space=None):
    out = []
    for b in s.encode("utf-8"):
        if space is not None and b == 0x20:
            out.append(space)
        elif b in safe:
            out.append(chr(b))
        else:
            out.append("%%%02X" % b)
    return "".join(out)


def euri(s):
    """JavaScript encodeURIComponent."""
    return _pct(s, _AN + b"-_.!~*'()")


def form(s):
    """application/x-www-form-urlencoded as URLSearchParams and HTML forms write it."""
    return _pct(s, _AN + b"*-._", "+")


def php(s):
    """PHP urlencode() / http_build_query()."""
    return _pct(s, _AN + b"-_.", "+")


def strict(s):
    """encodeURIComponent with !'()* escaped too (the query-string package, strict mode)."""
    return _pct(s, _AN + b"-_.~")


def gopath(s):
    """Go url.PathEscape (what go-gitlab uses for project and file paths)."""
    return _pct(s, _AN + b"-_.~$&+:=@")


def goquery(s):
    """Go url.QueryEscape."""
    return _pct(s, _AN + b"-_.~", "+")


def grafana(s):
    """Grafana's encodeURIComponentAsAngularJS(value, pctEncodeSpaces=true)."""
    e = euri(s)
    for a, b in (("%40", "@"), ("%3A", ":"), ("%24", "$"), ("%2C", ","), ("%3B", ";")):
        e = e.replace(a, b)
    for c in "!'()*":
        e = e.replace(c, "%%%02X" % ord(c))
    return e


def wq(s):
    """What a browser does to a raw query string it is handed (WHATWG special-query set)."""
    out = []
    for b in s.encode("utf-8"):
        if b < 0x21 or b > 0x7E or b in b"\"#<>'":
            out.append("%%%02X" % b)
        else:
            out.append(chr(b))
    return "".join(out)


def wp(s):
    """What a browser does to a raw path (WHATWG path set)."""
    out = []
    for b in s.encode("utf-8"):
        if b < 0x21 or b > 0x7E or b in b"\"#<>?`{}":
            out.append("%%%02X" % b)
        else:
            out.append(chr(b))
    return "".join(out)


def qs(pairs, enc=form, kenc=None):
    """Join (key, value) pairs; a value of None writes the bare key."""
    kenc = kenc or enc
    parts = []
    for k, v in pairs:
        if v is None:
            parts.append(kenc(k))
        else:
            parts.append(kenc(k) + "=" + enc(str(v)))
    return "&".join(parts)


_RISON_NOT_ID = " '!:(),*@$"


def _rison_str(s):
    if s == "":
        return "''"
    ok = all(c not in _RISON_NOT_ID and c > " " for c in s) and s[0] not in "-0123456789"
    if ok:
        return s
    return "'" + s.replace("!", "!!").replace("'", "!'") + "'"


def rison(v):
    """Rison, as rison.encode writes it (object keys sorted)."""
    if v is True:
        return "!t"
    if v is False:
        return "!f"
    if v is None:
        return "!n"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return _rison_str(v)
    if isinstance(v, list):
        return "!(" + ",".join(rison(x) for x in v) + ")"
    if isinstance(v, dict):
        return "(" + ",".join(_rison_str(k) + ":" + rison(v[k]) for k in sorted(v)) + ")"
    raise TypeError(v)


def rison_uri(v):
    """rison.encode_uri: rison.quote() of the encoding."""
    e = euri(rison(v))
    for a, b in (("%2C", ","), ("%3A", ":"), ("%40", "@"), ("%24", "$"), ("%2F", "/")):
        e = e.replace(a, b)
    return e.replace("%20", "+")


def jdump(o):
    return json.dumps(o, separators=(",", ":"), ensure_ascii=False)


# ------------------------------------------------------------------ random helpers
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def hexs(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def alnum(n):
    return "".join(R.choice(_ALNUM) for _ in range(n))


def lalnum(n):
    return "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))


def digits(n):
    return str(R.randint(1, 9)) + "".join(R.choice("0123456789") for _ in range(n - 1))


def guid():
    return "%s-%s-4%s-%s%s-%s" % (hexs(8), hexs(4), hexs(3), R.choice("89ab"), hexs(3), hexs(12))


def pick(seq):
    return seq[R.randrange(len(seq))]


def chance(p):
    return R.random() < p


def sample(seq, k):
    idx = sorted(R.sample(range(len(seq)), k))
    return [seq[i] for i in idx]


def default_size(path, status, method):
    if status in (304, 204, 101):
        return 0
    if status in (301, 302, 303, 307):
        return R.randint(0, 420)
    if status == 401:
        return R.randint(58, 900)
    if status in (403, 404):
        return R.randint(150, 4200)
    p = path.split("?", 1)[0].lower()
    if p.endswith(".js") or ".js?" in path.lower():
        return R.randint(8000, 420000)
    if p.endswith(".css") or ".css?" in path.lower():
        return R.randint(3000, 160000)
    if p.endswith((".png", ".gif", ".svg", ".ico", ".jpg", ".webp")):
        return R.randint(300, 48000)
    if p.endswith((".woff", ".woff2", ".ttf")):
        return R.randint(18000, 96000)
    if method in ("POST", "PUT", "PATCH", "DELETE", "PROPFIND"):
        return R.randint(40, 9000)
    return R.randint(600, 64000)


# ------------------------------------------------------------------ user agents
UA = {
    "chrome_win": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
    "chrome143_win": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36",
    "edge_win": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36 Edg/144.0.0.0",
    "firefox_win": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:147.0) Gecko/20100101 Firefox/147.0",
    "firefox_esr_linux": "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0",
    "firefox_linux": "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:147.0) Gecko/20100101 Firefox/147.0",
    "firefox_mac": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:147.0) Gecko/20100101 Firefox/147.0",
    "chrome_mac": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
    "safari_mac": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Safari/605.1.15",
    "chrome_linux": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
    "safari_iphone": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Mobile/15E148 Safari/604.1",
    "chrome_android": "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Mobile Safari/537.36",
}
DEV = ["chrome_mac", "chrome_mac", "chrome_linux", "chrome_linux", "firefox_linux", "firefox_mac", "chrome_win",
       "edge_win", "safari_mac", "firefox_esr_linux", "chrome143_win"]
OFFICE = ["edge_win", "edge_win", "chrome_win", "chrome_win", "chrome143_win", "firefox_win", "chrome_mac", "safari_mac"]
READER = ["chrome_win", "chrome_mac", "firefox_win", "safari_mac", "edge_win", "chrome_linux", "firefox_linux",
          "safari_iphone", "chrome_android", "chrome_win"]


def browser(pool=DEV):
    return UA[pick(pool)]


# ------------------------------------------------------------------ people and organisations
FIRST = ["anna", "ben", "carla", "dmitri", "elif", "farid", "greta", "hiro", "ines", "jonas", "kemi", "lars",
         "maya", "nils", "olga", "pablo", "quinn", "rosa", "sami", "tomas", "ulla", "vera", "wei", "yusuf", "zoe",
         "aiko", "bruno", "chiara", "deniz", "emil", "fatima", "gustav", "hana", "ivan", "jana", "karim"]
LAST = ["berg", "costa", "dahl", "evans", "fischer", "garcia", "holm", "ito", "jensen", "kowalski", "larsen",
        "moreau", "nakamura", "okafor", "petrov", "quist", "rossi", "sato", "tanaka", "urban", "vogel", "weber"]


def person():
    return pick(FIRST), pick(LAST)


def login():
    f, l = person()
    return pick(["%s.%s" % (f, l), f + l[0], f[0] + l, "%s_%s" % (f, l)])


ORGS = ["fjordline-data.no", "kestrel-analytics.io", "halden-systems.de", "marlowe-retail.co.uk", "quillpoint.dev",
        "tidewater-logistics.com", "orchard-health.org", "vantor-games.com", "brisk-payments.eu", "lumen-grid.net"]


def org_host(prefix):
    return "%s.%s" % (prefix, pick(ORGS))


# ------------------------------------------------------------------ sessions
def _quote_query_apostrophe(u):
    if "?" not in u:
        return u
    p, q = u.split("?", 1)
    return p + "?" + q.replace("'", "%27")


class Src:
    """One source address: one person's browser, or one command-line client."""

    def __init__(self, kind, ua, host, referrer=True):
        self.kind = kind
        self.ua = ua
        self.host = host
        self.base = "https://%s" % host
        self.referrer = referrer      # False: the product sets Referrer-Policy no-referrer
        self.t = 0.0
        self.page = None
        self.ev = []
        self.cache = {}
        self.cold = chance(0.35)      # first visit today with an empty cache

    def setup(self, ua, host, referrer=True):
        self.ua = ua
        self.host = host
        self.base = "https://%s" % host
        self.referrer = referrer

    def url(self, path):
        return self.base + path

    def req(self, method, path, status=200, size=None, ref=AUTO, gap=None):
        self.t += R.uniform(0.05, 0.9) if gap is None else gap
        if ref is AUTO:
            ref = self.page
        if ref is None or not self.referrer:
            ref = "-"
        if self.ua.startswith("Mozilla/"):
            # a browser percent-encodes ' in the query of an http(s) URL a script hands it
            path = _quote_query_apostrophe(path)
            if ref.startswith(self.base):
                ref = _quote_query_apostrophe(ref)
        if size is None:
            size = default_size(path, status, method)
        self.ev.append([self.t, method, path, status, size, ref, self.ua])

    def think(self, lo=4, hi=45):
        self.t += R.uniform(lo, hi)

    def nav(self, path, status=200, assets=(), ref=AUTO, think=(3, 40), size=None, method="GET", setpage=True):
        """A top-level page load: the document, then its stylesheets, scripts and images."""
        self.think(*think)
        if size is None and method == "POST" and status == 200:
            size = R.randint(3000, 60000)
        self.req(method, path, status, size, ref, gap=0)
        if status == 200 and setpage:
            self.page = self.url(path)
        if status in (200, 304):
            self.assets(assets)

    def assets(self, assets):
        for a in assets:
            if a in self.cache:
                continue
            self.cache[a] = 1
            if self.cold:
                self.req("GET", a, 200, gap=R.uniform(0.03, 0.5))
            elif chance(0.15):
                self.req("GET", a, 304, gap=R.uniform(0.03, 0.5))

    def xhr(self, path, method="GET", status=200, size=None, gap=None):
        self.req(method, path, status, size, AUTO, gap=R.uniform(0.1, 2.0) if gap is None else gap)

    def spa(self, path):
        """An in-app navigation (history.pushState): no request, but later Referers carry it."""
        self.page = self.url(path)

    def cli(self, method, path, status=200, size=None, gap=None):
        self.req(method, path, status, size, None, gap=R.uniform(0.1, 1.2) if gap is None else gap)

    def now(self):
        return EPOCH0 + OFFSET[0] + self.t

    def ms(self):
        return int(self.now() * 1000)

    def sec(self):
        return int(self.now())


OFFSET = [0.0]   # start of the source being built (seconds after midnight), for timestamps in URLs
KINDS = []       # (group, kind, count, function, what)


def kind(group, name, count, what):
    def deco(fn):
        KINDS.append((group, name, count, fn, what))
        return fn
    return deco


def start_time(office=True):
    if office:
        h = R.choice([6.5, 7, 7.5, 8, 8, 8.5, 9, 9, 9.5, 10, 10.5, 11, 12, 13, 13.5, 14, 14.5, 15, 16, 17])
    else:
        h = R.choice([6, 7.5, 11, 12.5, 17.5, 18.5, 19, 19.5, 20, 20.5, 21, 22])
    return h * 3600 + R.uniform(0, 3500)


BUILDS = {}


def build_id(host, what, n=20):
    """A per-host build hash, the same for every source that uses that host."""
    key = host + "|" + what
    if key not in BUILDS:
        BUILDS[key] = hexs(n)
    return BUILDS[key]


def nocache(s):
    """phpMyAdmin's _nocache: the millisecond clock followed by random digits."""
    return str(s.ms()) + digits(R.choice([5, 6]))


# ================================================================== phpMyAdmin and Adminer
DBS = {
    "shop": {
        "orders": ["id", "customer_id", "status", "total", "created_at", "updated_at"],
        "customers": ["id", "email", "first_name", "last_name", "country", "created_at"],
        "order_items": ["id", "order_id", "product_id", "qty", "unit_price"],
        "products": ["id", "sku", "name", "price", "stock", "updated_at"],
        "coupons": ["code", "discount", "valid_until", "uses"],
    },
    "app": {
        "users": ["id", "email", "password", "role", "last_login", "created_at"],
        "password_resets": ["email", "token", "created_at"],
        "jobs": ["id", "queue", "payload", "attempts", "available_at"],
        "failed_jobs": ["id", "uuid", "connection", "queue", "exception", "failed_at"],
        "sessions": ["id", "user_id", "ip_address", "user_agent", "last_activity"],
    },
    "wordpress": {
        "wp_posts": ["ID", "post_author", "post_date", "post_title", "post_status", "post_type"],
        "wp_options": ["option_id", "option_name", "option_value", "autoload"],
        "wp_users": ["ID", "user_login", "user_email", "user_registered"],
        "wp_postmeta": ["meta_id", "post_id", "meta_key", "meta_value"],
        "wp_comments": ["comment_ID", "comment_post_ID", "comment_author_email", "comment_approved", "comment_date"],
    },
    "crm": {
        "contacts": ["id", "name", "email", "company", "phone", "updated_at"],
        "leads": ["id", "source", "status", "score", "created_at"],
        "notes": ["id", "contact_id", "body", "created_at"],
    },
}

# (database, table the sort column belongs to, query typed in the SQL tab; \r\n as a textarea sends it)
DBA_QUERIES = [
    ("shop", "orders", "SELECT o.id, o.total, c.email\r\nFROM orders o\r\nJOIN customers c ON c.id = o.customer_id\r\nWHERE o.status = 'failed' AND o.created_at >= '2026-02-01'"),
    ("shop", "orders", "SELECT status, COUNT(*) AS n\r\nFROM orders\r\nGROUP BY status"),
    ("shop", "customers", "SELECT email, COUNT(*) AS dupes FROM customers GROUP BY email HAVING COUNT(*) > 1"),
    ("shop", "products", "SELECT sku, name, stock FROM products WHERE stock < 5 OR stock IS NULL"),
    ("app", "failed_jobs", "SELECT * FROM failed_jobs WHERE exception LIKE '%Deadlock found%'"),
    ("app", "sessions", "SELECT * FROM sessions WHERE last_activity < UNIX_TIMESTAMP() - 86400"),
    ("app", "users", "SELECT id, email, role, last_login FROM users WHERE role IN ('admin', 'editor')"),
    ("app", "jobs", "SELECT id, queue, attempts FROM jobs WHERE payload LIKE '%SendInvoiceMail%' AND attempts > 3"),
    ("wordpress", "wp_options", "SELECT option_name, LENGTH(option_value) AS len\r\nFROM wp_options\r\nWHERE autoload = 'yes'"),
    ("wordpress", "wp_posts", "SELECT ID, post_title, post_status FROM wp_posts WHERE post_content LIKE '%<script%' AND post_type = 'post'"),
    ("wordpress", "wp_postmeta", "SELECT meta_key, COUNT(*) AS n FROM wp_postmeta GROUP BY meta_key"),
    ("wordpress", "wp_comments", "SELECT * FROM wp_comments WHERE comment_approved = 'spam' AND comment_date < NOW() - INTERVAL 30 DAY"),
    ("crm", "contacts", "SELECT * FROM contacts WHERE email NOT LIKE '%@%.%'"),
    ("crm", "leads", "SELECT source, AVG(score) AS avg_score FROM leads WHERE created_at > '2026-01-01' GROUP BY source"),
]

# (database, table, column, term) for phpMyAdmin's table search, which writes LIKE '%term%'
PMA_SEARCHES = [
    ("shop", "customers", "email", "@gmail.com"), ("shop", "customers", "last_name", "O'Brien"),
    ("shop", "orders", "status", "refund"), ("app", "users", "email", "@brisk-payments.eu"),
    ("wordpress", "wp_options", "option_name", "_transient_"), ("wordpress", "wp_posts", "post_title", "Black Friday"),
    ("crm", "contacts", "company", "GmbH"), ("crm", "contacts", "name", "Müller"), ("crm", "notes", "body", "call back"),
    ("wordpress", "wp_users", "user_email", "admin"), ("app", "failed_jobs", "exception", "SQLSTATE[40001]"),
]

PMA_VER = "5.2.2"


def pma_sort_query(table, col, desc, base=None):
    q = base if base is not None else "SELECT * FROM `%s`" % table
    return "%s  \nORDER BY `%s`.`%s` %s" % (q, table, col, "DESC" if desc else "ASC")


def pma_ajax(s, token):
    return "&ajax_request=true&ajax_page_request=true&_nocache=%s&token=%s" % (nocache(s), token)


def pma_start(s, root):
    assets = [root + "js/vendor/jquery/jquery.min.js?v=" + PMA_VER, root + "js/dist/ajax.js?v=" + PMA_VER,
              root + "themes/pmahomme/css/theme.css?v=" + PMA_VER, root + "favicon.ico"]
    if chance(0.3):
        s.nav(root, 200, ref=None, think=(0, 1), assets=assets[2:3])
        s.nav(root + "index.php?route=/", 302, method="POST", think=(5, 14), setpage=False)
        s.nav(root + "index.php?route=/", 200, think=(0.1, 0.4), assets=assets)
    else:
        s.nav(root + "index.php?route=/", 200, ref=None, think=(0, 1), assets=assets)


@kind("phpMyAdmin", "phpmyadmin-dba-query", 12,
      "a DBA in phpMyAdmin 5.2: browses a table, sorts it (the sort link carries sql_query with ORDER BY and its sql_signature), runs a query from the SQL tab and sorts its result, opens a row")
def k_pma_query(s):
    s.setup(browser(DEV), org_host(pick(["db", "pma", "mysql-admin"])), referrer=False)
    root = pick(["/phpmyadmin/", "/"])
    tok = hexs(32)
    pma_start(s, root)
    db = pick(list(DBS))
    table = pick(list(DBS[db]))
    s.xhr(root + "index.php?route=/database/structure&db=%s%s" % (db, pma_ajax(s, tok)), gap=R.uniform(3, 20))
    s.xhr(root + "index.php?route=/sql&db=%s&table=%s&pos=0%s" % (db, table, pma_ajax(s, tok)), gap=R.uniform(2, 12))
    if chance(0.4):
        s.xhr(root + "index.php?route=/recent-table&ajax_request=1&recent_table=1&no_debug=true&_nocache=%s&token=%s" % (nocache(s), tok))
    col = pick(DBS[db][table])
    q = pma_sort_query(table, col, chance(0.6))
    s.xhr(root + "index.php?route=/sql&db=%s&table=%s&sql_query=%s&sql_signature=%s&session_max_rows=25&is_browse_distinct=0%s" % (
        db, table, php(q), hexs(64), pma_ajax(s, tok)), gap=R.uniform(4, 30))
    if chance(0.45):
        key = DBS[db][table][0]
        where = "`%s`.`%s` = %d" % (table, key, R.randint(10, 90000))
        s.xhr(root + "index.php?route=/table/change&db=%s&table=%s&where_clause=%s&clause_is_unique=1&sql_query=%s&goto=%s&default_action=update%s" % (
            db, table, php(where), php("SELECT * FROM `%s`" % table), php("index.php?route=/sql"), pma_ajax(s, tok)), gap=R.uniform(5, 25))
    qdb, qtable, sql = pick([x for x in DBA_QUERIES if x[0] == db] or DBA_QUERIES)
    s.xhr(root + "index.php?route=/table/sql&db=%s&table=%s%s" % (qdb, qtable, pma_ajax(s, tok)), gap=R.uniform(5, 30))
    s.xhr(root + "index.php?route=/import", "POST", gap=R.uniform(20, 120))
    qcol = pick(DBS[qdb][qtable][:3])
    s.xhr(root + "index.php?route=/sql&db=%s&table=%s&sql_query=%s&sql_signature=%s&session_max_rows=25&is_browse_distinct=0%s" % (
        qdb, qtable, php(pma_sort_query(qtable, qcol, chance(0.5), sql)), hexs(64), pma_ajax(s, tok)), gap=R.uniform(6, 40))
    if chance(0.3):
        s.xhr(root + "index.php?route=/table/structure&db=%s&table=%s%s" % (qdb, qtable, pma_ajax(s, tok)), gap=R.uniform(5, 30))


@kind("phpMyAdmin", "phpmyadmin-dba-search", 6,
      "a DBA uses phpMyAdmin's table or database search; the result's sort and browse links carry WHERE ... LIKE '%term%'")
def k_pma_search(s):
    s.setup(browser(DEV), org_host(pick(["db", "pma"])), referrer=False)
    root = pick(["/phpmyadmin/", "/"])
    tok = hexs(32)
    pma_start(s, root)
    db, table, col, term = pick(PMA_SEARCHES)
    like = "'%" + term.replace("'", "\\'") + "%'"
    if chance(0.6):
        s.xhr(root + "index.php?route=/table/search&db=%s&table=%s%s" % (db, table, pma_ajax(s, tok)), gap=R.uniform(3, 20))
        s.xhr(root + "index.php?route=/table/search", "POST", gap=R.uniform(10, 60))
        base = "SELECT * FROM `%s` WHERE `%s` LIKE %s" % (table, col, like)
    else:
        s.xhr(root + "index.php?route=/database/search&db=%s%s" % (db, pma_ajax(s, tok)), gap=R.uniform(3, 20))
        s.xhr(root + "index.php?route=/database/search", "POST", gap=R.uniform(10, 60))
        cols = DBS[db][table][1:4]
        base = "SELECT * FROM `%s`.`%s` WHERE " % (db, table) + " OR ".join("`%s` LIKE %s" % (c, like) for c in cols)
        s.xhr(root + "index.php?route=/sql&db=%s&table=%s&sql_query=%s&sql_signature=%s&pos=0%s" % (
            db, table, php(base), hexs(64), pma_ajax(s, tok)), gap=R.uniform(4, 20))
    for _ in range(R.randint(1, 2)):
        c2 = pick(DBS[db][table])
        s.xhr(root + "index.php?route=/sql&db=%s&table=%s&sql_query=%s&sql_signature=%s&session_max_rows=25&is_browse_distinct=0%s" % (
            db, table, php(pma_sort_query(table, c2, chance(0.5), base)), hexs(64), pma_ajax(s, tok)), gap=R.uniform(5, 40))
    if chance(0.4):
        s.xhr(root + "index.php?route=/table/export&db=%s&table=%s&single_table=true%s" % (db, table, pma_ajax(s, tok)), gap=R.uniform(5, 30))
        s.xhr(root + "index.php?route=/export", "POST", gap=R.uniform(5, 20), size=R.randint(20000, 900000))


@kind("phpMyAdmin", "phpmyadmin-legacy-dba", 5,
      "a DBA on an older phpMyAdmin 4.9 install: sql.php and db_structure.php with token, AJAX sort links with sql_query, get_scripts.js.php")
def k_pma_legacy(s):
    s.setup(browser(DEV), org_host(pick(["legacy-db", "pma-old", "hosting"])), referrer=False)
    root = pick(["/phpmyadmin/", "/pma/"])
    tok = hexs(32)
    s.nav(root + "index.php", 200, ref=None, think=(0, 1), assets=[
        root + "js/vendor/jquery/jquery.min.js?v=4.9.11", root + "themes/pmahomme/css/theme.css?v=4.9.11&nocache=%sltr&server=1" % digits(10)])
    db = pick(list(DBS))
    table = pick(list(DBS[db]))

    def aj():
        return "&ajax_request=true&ajax_page_request=true&_nocache=%s" % nocache(s)
    s.xhr(root + "db_structure.php?server=1&db=%s&token=%s%s" % (db, tok, aj()), gap=R.uniform(3, 15))
    s.xhr(root + "js/get_scripts.js.php?scripts%5B%5D=jquery/jquery.uitablefilter.js&scripts%5B%5D=sql.js&scripts%5B%5D=makegrid.js&call_done=1&v=4.9.11")
    s.xhr(root + "sql.php?server=1&db=%s&table=%s&pos=0&token=%s%s" % (db, table, tok, aj()), gap=R.uniform(3, 15))
    for _ in range(R.randint(1, 3)):
        col = pick(DBS[db][table])
        s.xhr(root + "sql.php?server=1&db=%s&table=%s&sql_query=%s&sql_signature=%s&session_max_rows=25&is_browse_distinct=0&token=%s%s" % (
            db, table, php(pma_sort_query(table, col, chance(0.5))), hexs(64), tok, aj()), gap=R.uniform(4, 40))
    if chance(0.5):
        s.xhr(root + "index.php?ajax_request=1&recent_table=1&no_debug=true&_nocache=%s&token=%s" % (nocache(s), tok))
    if chance(0.5):
        s.xhr(root + "tbl_structure.php?server=1&db=%s&table=%s&token=%s%s" % (db, table, tok, aj()), gap=R.uniform(5, 30))


def adminer_cond(col, pg):
    """A where[] row a person would set for this column: (operator, value)."""
    like = "ILIKE %%" if pg else "LIKE %%"
    rx = "~" if pg else "REGEXP"
    if "email" in col:
        return pick([(like, "@gmail.com"), (like, "+test"), (rx, "\\.(ru|cn)$"), ("=", "anna.berg@fjordline-data.no")])
    if col in ("status", "queue", "source", "role", "autoload", "post_status", "comment_approved", "connection"):
        return pick([("=", "failed"), ("=", "pending"), ("!=", "paid"), ("IN", "failed,refunded"), ("=", "spam")])
    if col.endswith("_at") or "date" in col or col in ("last_login", "last_activity", "user_registered", "valid_until"):
        return pick([("<", "2026-01-01"), (">=", "2026-02-01 00:00:00"), ("IS NULL", "")])
    if col in ("total", "price", "stock", "score", "attempts", "qty", "uses", "discount", "amount", "unit_price"):
        return pick([(">", "1000"), ("<", "5"), ("=", "0")])
    if col in ("id", "ID", "customer_id", "order_id", "post_id", "user_id", "contact_id", "comment_post_ID", "post_author"):
        return pick([("=", str(R.randint(10, 90000))), ("IN", "4821,4822,4830")])
    if col in ("number", "sku", "code", "token", "uuid"):
        return pick([(rx, "^INV-2026-0[0-9]+"), (like, "WINTER"), ("=", "SKU-10042")])
    if "name" in col or col in ("company", "user_login", "post_title", "title", "country"):
        return pick([(like, "O'Neil"), (like, "Müller"), (like, "GmbH"), (rx, "^admin"), ("=", "DE")])
    return pick([(like, "<script"), (like, "refund"), (like, "Deadlock"), (like, "python-requests"), (like, "http://")])


def adminer_base(pg):
    if pg:
        return "?pgsql=%s&username=%s&db=%s&ns=public" % (pick(["pg-main", "postgres", "10.20.0.15"]), pick(["dba", "postgres", "ops"]),
                                                           pick(["billing", "analytics", "shop"]))
    return "?server=%s&username=%s&db=%s" % (pick(["mysql-primary", "db", "localhost", "10.20.0.12"]), pick(["dba", "root", "app_admin"]),
                                             pick(["shop", "app", "crm"]))


def adminer_assets(root):
    v = "5.4.1"
    return [root + "?file=default.css&version=" + v, root + "?file=functions.js&version=" + v, root + "?file=favicon.ico&version=" + v]


@kind("Adminer", "adminer-dba-select", 10,
      "a DBA in Adminer: table select with where[] filters (LIKE %%, REGEXP, ~, ILIKE), order[] and desc[], row edit with where[id]")
def k_adminer_select(s):
    s.setup(browser(DEV), org_host(pick(["adminer", "db"])))
    root = pick(["/adminer/", "/adminer.php", "/"])
    pg = chance(0.35)
    base = root + adminer_base(pg)
    db = base.split("db=")[1].split("&")[0]
    tables = list(DBS.get(db, {"invoices": 0, "payments": 0, "subscriptions": 0, "customers": 0}))
    cols_of = DBS.get(db, {})
    s.nav(base, 200, ref=None, think=(0, 1), assets=adminer_assets(root))
    table = pick(tables)
    cols = cols_of.get(table, ["id", "number", "status", "amount", "customer_email", "issued_at"])
    s.nav(base + "&select=" + table, think=(3, 15))
    for _ in range(R.randint(1, 3)):
        col = pick(cols[1:])
        op, val = adminer_cond(col, pg)
        pairs = [("columns[0][fun]", ""), ("columns[0][col]", ""), ("where[0][col]", col), ("where[0][op]", op),
                 ("where[0][val]", val)]
        if chance(0.6):
            pairs += [("order[0]", pick(cols)), ("desc[0]", "1")]
        pairs += [("limit", pick(["50", "100", "500"])), ("text_length", "100")]
        s.nav(base + "&select=" + table + "&" + qs(pairs, form), think=(8, 60))
    if chance(0.5):
        s.nav(base + "&select=%s&order%%5B0%%5D=%s&desc%%5B0%%5D=1" % (table, pick(cols)), think=(4, 20))
    if chance(0.5):
        s.nav(base + "&edit=%s&where%%5B%s%%5D=%d" % (table, cols[0], R.randint(100, 99999)), think=(5, 30))
        if chance(0.5):
            s.nav(base + "&edit=%s&where%%5B%s%%5D=%d" % (table, cols[0], R.randint(100, 99999)), 302, method="POST", think=(10, 40), setpage=False)


ADMINER_SQL_MY = [
    "SELECT * FROM `orders` WHERE `email` LIKE '%@gmail.com%' ORDER BY `created_at` DESC LIMIT 50",
    "SELECT status, COUNT(*) FROM orders GROUP BY status",
    "SELECT id, email FROM users WHERE last_login < NOW() - INTERVAL 1 YEAR",
    "SHOW FULL PROCESSLIST",
    "EXPLAIN SELECT * FROM orders WHERE customer_id = 4821 AND status = 'paid'",
    "SELECT table_name, ROUND((data_length + index_length) / 1024 / 1024) AS mb FROM information_schema.tables WHERE table_schema = 'shop' ORDER BY mb DESC",
    "SELECT * FROM contacts WHERE email NOT REGEXP '^[^@]+@[^@]+$'",
    "UPDATE coupons SET valid_until = '2026-02-28' WHERE code = 'WINTER26'",
]
ADMINER_SQL_PG = [
    "SELECT pid, now() - query_start AS runtime, query FROM pg_stat_activity WHERE state <> 'idle' ORDER BY runtime DESC",
    "SELECT * FROM invoices WHERE number ~ '^INV-2026-0[0-9]+' ORDER BY issued_at DESC LIMIT 100",
    "SELECT customer_email, sum(amount) FROM payments WHERE status = 'failed' AND created_at > now() - interval '7 days' GROUP BY 1",
    "SELECT relname, n_dead_tup FROM pg_stat_user_tables ORDER BY n_dead_tup DESC LIMIT 20",
    "EXPLAIN ANALYZE SELECT * FROM subscriptions WHERE customer_id = 4821",
]


@kind("Adminer", "adminer-dba-sql", 6,
      "a DBA in Adminer's SQL command page: the Edit link of an executed query carries sql=SELECT ..., query history, a table dump")
def k_adminer_sql(s):
    s.setup(browser(DEV), org_host(pick(["adminer", "db"])))
    root = pick(["/adminer/", "/adminer.php"])
    pg = chance(0.3)
    base = root + adminer_base(pg)
    s.nav(base, 200, ref=None, think=(0, 1), assets=adminer_assets(root))
    cur = base + "&sql="
    s.nav(cur, think=(3, 15))
    for q in sample(ADMINER_SQL_PG if pg else ADMINER_SQL_MY, R.randint(1, 3)):
        s.nav(cur, 200, method="POST", think=(15, 90))
        cur = base + "&sql=" + php(q)
        s.nav(cur, think=(5, 40))
    if chance(0.5):
        s.nav(base + "&sql=&history=all", think=(4, 20))
    if chance(0.4):
        t = pick(["orders", "users", "contacts", "invoices"])
        s.nav(base + "&dump=" + t, think=(4, 20))
        s.nav(base + "&dump=" + t, 200, method="POST", think=(3, 10), size=R.randint(40000, 4000000), setpage=False)


# ================================================================== Grafana, Prometheus, Loki
PROMQL = [
    'rate(http_requests_total{job=~".*api.*",status=~"5.."}[5m])',
    'sum by (instance) (rate(node_cpu_seconds_total{mode!="idle"}[5m]))',
    'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{job="checkout"}[5m])))',
    'up{job=~".*"} == 0',
    'count by (job) ({job=~".+"})',
    '{__name__=~"kafka_consumergroup_lag.*", topic="orders"}',
    'predict_linear(node_filesystem_avail_bytes{mountpoint="/"}[6h], 4 * 3600) < 0',
    'increase(kube_pod_container_status_restarts_total{namespace="shop"}[1h]) > 0',
    'label_replace(up{job="node"}, "host", "$1", "instance", "(.*):.*")',
    'absent(up{job="postgres"})',
    'sum(rate(nginx_http_requests_total{status=~"4..|5.."}[5m])) / sum(rate(nginx_http_requests_total[5m]))',
    'topk(10, sum by (path) (rate(http_requests_total{path=~"/api/v[0-9]+/.*"}[15m])))',
    'max_over_time(pg_stat_activity_count{state="active"}[1h])',
    'rate(mysql_global_status_slow_queries[5m])',
    'sum by (pod) (container_memory_working_set_bytes{namespace="payments", container!=""}) / 1024 / 1024',
    'probe_success{instance=~"https://.*/healthz"} == 0',
]

LOGQL = [
    '{namespace="shop", app="checkout"} |= "error" != "healthz"',
    '{job="nginx"} |~ "(?i)timeout|refused" | json | status >= 500',
    '{app="api"} | logfmt | level="error" | line_format "{{.ts}} {{.msg}}"',
    'sum by (status) (count_over_time({job="nginx"} | json | __error__="" [5m]))',
    '{job="nginx"} |= "POST /wp-login.php"',
    '{job="nginx"} |= "../../etc/passwd"',
    '{job="nginx"} |~ "\\\\$\\\\{jndi:"',
    '{job="nginx"} |~ "(?i)union.+select"',
    'topk(10, sum by (remote_addr) (rate({job="nginx"} | json [1m])))',
    '{app="mysql", stream="slow"} |= "Query_time" | regexp "Query_time: (?P<qt>[0-9.]+)" | qt > 2',
    '{namespace="payments"} |= "SQLSTATE" | json | line_format "{{.level}} {{.error}}"',
    '{container="worker"} != "DEBUG" |~ "Traceback|Exception"',
    '{job="syslog", host=~"web-0[1-4]"} |= "sudo" |= "COMMAND="',
    'rate({app="checkout"} |= "<script" [10m])',
]

GRAFANA_SQL = [
    "SELECT $__timeGroupAlias(created_at, 1h), count(*) AS orders FROM orders WHERE $__timeFilter(created_at) GROUP BY 1 ORDER BY 1",
    "SELECT status, count(*) FROM payments WHERE $__timeFilter(created_at) AND status <> 'captured' GROUP BY status",
    "SELECT email, count(*) AS attempts FROM login_attempts WHERE success = false AND $__timeFilter(ts) GROUP BY email ORDER BY attempts DESC LIMIT 20",
    "SELECT query, calls, mean_exec_time FROM pg_stat_statements ORDER BY mean_exec_time DESC LIMIT 10",
    "SELECT $__time(ts), value FROM metrics WHERE name = 'queue_depth' AND $__timeFilter(ts)",
]

GF_DASHBOARDS = [
    ("rYdddlPWk", "node-exporter-full", [("var-datasource", "DS"), ("var-job", "node"), ("var-node", "$__all")]),
    ("k8s-pods", "kubernetes-pods", [("var-namespace", "shop"), ("var-pod", "checkout-.*|cart-.*"), ("var-container", "$__all")]),
    ("nginx-ovw", "nginx-overview", [("var-host", "web-0[1-4]"), ("var-status", "5.."), ("var-path", "/api/v2/.*")]),
    ("loki-logs", "app-logs", [("var-app", "checkout"), ("var-level", "error"), ("var-search", "timeout")]),
    ("pg-ovw", "postgresql-database", [("var-instance", "pg-main:9187"), ("var-datname", "shop"), ("var-query_regex", "^SELECT.*FROM orders")]),
    ("api-slo", "api-slo", [("var-service", "payments"), ("var-route", "/v1/charges/{id}"), ("var-Filters", "status|=~|5..")]),
    ("mysql-ovw", "mysql-overview", [("var-host", "$__all"), ("var-interval", "$__auto")]),
    ("kafka-lag", "kafka-consumer-lag", [("var-topic", "orders.*"), ("var-group", "billing-worker")]),
    ("waf-ovw", "edge-requests", [("var-Filters", "path|=~|.*\\.php"), ("var-country", "$__all")]),
]


def gf_ds_uid():
    return pick([alnum(9), "P" + hexs(16).upper(), lalnum(14)])


def gf_assets(host):
    theme = pick(["dark", "light"])
    return ["/public/build/runtime.%s.js" % build_id(host, "rt"), "/public/build/app.%s.js" % build_id(host, "app"),
            "/public/build/grafana.%s.%s.css" % (theme, build_id(host, "css")), "/public/img/grafana_icon.svg"]


def gf_range_params(s):
    return "start=%d&end=%d" % (s.sec() - 3600, s.sec())


def explore_url(s, dstype, dsuid, query, old, pid):
    if dstype == "prometheus":
        q = {"refId": "A", "expr": query, "range": True, "instant": True,
             "datasource": {"type": "prometheus", "uid": dsuid}, "editorMode": "code", "legendFormat": "__auto"}
    elif dstype == "loki":
        q = {"refId": "A", "expr": query, "queryType": "range",
             "datasource": {"type": "loki", "uid": dsuid}, "editorMode": "code"}
    else:
        q = {"refId": "A", "datasource": {"type": dstype, "uid": dsuid}, "format": "table",
             "rawSql": query, "editorMode": "code", "rawQuery": True}
    rng = {"from": pick(["now-1h", "now-6h", "now-15m", "now-24h"]), "to": "now"}
    if old:
        pane = {"datasource": dsuid, "queries": [q], "range": rng}
        return "/explore?orgId=1&left=" + grafana(jdump(pane))
    pane = {pid: {"datasource": dsuid, "queries": [q], "range": rng}}
    return "/explore?schemaVersion=1&panes=" + grafana(jdump(pane)) + "&orgId=1"


def gf_login_maybe(s, target):
    """Session expired: 302 to /login, the login form posts, the app then loads the target. Returns its Referer."""
    if chance(0.12):
        s.nav(target, 302, ref=None, think=(0, 1), setpage=False)
        s.nav("/login", 200, ref=None, think=(0.1, 0.4), assets=gf_assets(s.host))
        s.nav("/login", 200, method="POST", think=(5, 15), setpage=False, size=R.randint(40, 120))
        return s.url("/login")
    return None


def k_explore(s, dstype, pool):
    s.setup(browser(DEV), org_host(pick(["grafana", "monitoring", "observe"])))
    uid = gf_ds_uid()
    pane = lalnum(3)
    first = explore_url(s, dstype, uid, pick(pool), chance(0.4), pane)
    lr = gf_login_maybe(s, first)
    s.nav(first, 200, ref=lr, think=(0, 2), assets=gf_assets(s.host))
    if chance(0.6):
        s.xhr("/api/live/ws", status=101)
    rtype = dstype
    if dstype == "prometheus":
        s.xhr("/api/datasources/uid/%s/resources/api/v1/label/__name__/values?%s" % (uid, gf_range_params(s)))
        if chance(0.5):
            s.xhr("/api/datasources/uid/%s/resources/api/v1/labels?%s" % (uid, gf_range_params(s)))
    elif dstype == "loki":
        s.xhr("/api/datasources/uid/%s/resources/labels?start=%d000000000&end=%d000000000" % (uid, s.sec() - 3600, s.sec()))
    s.xhr("/api/ds/query?ds_type=%s&requestId=explore_%s" % (rtype, pane), "POST")
    for _ in range(R.randint(1, 3)):
        q = pick(pool)
        s.think(10, 90)
        s.spa(explore_url(s, dstype, uid, q, False, pane))
        if dstype == "loki" and chance(0.6):
            s.xhr("/api/datasources/uid/%s/resources/index/stats?query=%s&start=%d000000000&end=%d000000000" % (
                uid, euri(q.split("|")[0].strip() if q.startswith("{") else '{job="nginx"}'), s.sec() - 3600, s.sec()), gap=0.3)
        if dstype == "prometheus" and chance(0.4):
            lab = pick(["job", "instance", "namespace", "status", "route"])
            s.xhr("/api/datasources/uid/%s/resources/api/v1/label/%s/values?%s" % (uid, lab, gf_range_params(s)), gap=0.4)
        s.xhr("/api/ds/query?ds_type=%s&requestId=explore_%s" % (rtype, pane), "POST")


@kind("Grafana", "grafana-explore-promql", 12,
      "Grafana Explore on Prometheus: opens a panes= or older left= link with a PromQL query, metric and label lookups, edits the query (later Referers carry it)")
def k_gf_prom(s):
    k_explore(s, "prometheus", PROMQL)


@kind("Grafana", "grafana-explore-logql", 12,
      "Grafana Explore on Loki: LogQL with |=, |~ regexes, json/logfmt stages and line_format templates, some an analyst's searches for ../../etc/passwd or ${jndi: in access logs")
def k_gf_loki(s):
    k_explore(s, "loki", LOGQL)


@kind("Grafana", "grafana-explore-sql", 5,
      "Grafana Explore on a PostgreSQL data source: rawSql with $__timeFilter macros in the panes= JSON")
def k_gf_sql(s):
    k_explore(s, "grafana-postgresql-datasource", GRAFANA_SQL)


@kind("Grafana", "grafana-dashboard-vars", 18,
      "Grafana dashboards opened with var- template variables (regex values, $__all, ad hoc filters key|=~|value), variable lookups with match[], panel queries and auto-refresh")
def k_gf_dash(s):
    s.setup(browser(OFFICE + DEV), org_host(pick(["grafana", "monitoring", "dashboards"])))
    uid, slug, vars_ = pick(GF_DASHBOARDS)
    ds = gf_ds_uid()
    params = [("orgId", "1"), ("from", pick(["now-6h", "now-1h", "now-24h", "now-7d"])), ("to", "now"), ("timezone", "browser")]
    for k, v in vars_:
        params.append((k, ds if v == "DS" else v))
    refresh = chance(0.5)
    if refresh:
        params.append(("refresh", pick(["30s", "1m", "5m"])))
    path = "/d/%s/%s?" % (uid, slug) + qs(params, grafana)
    lr = gf_login_maybe(s, path)
    s.nav(path, 200, ref=lr, think=(0, 2), assets=gf_assets(s.host))
    s.xhr("/api/dashboards/uid/%s" % uid)
    if chance(0.5):
        s.xhr("/api/annotations?from=%d&to=%d&limit=100&matchAny=false&dashboardUID=%s" % (s.ms() - 21600000, s.ms(), uid))
    if chance(0.7):
        lab, sel = pick([("instance", 'up{job="node"}'), ("pod", 'kube_pod_info{namespace=~"shop|payments"}'),
                         ("route", 'http_requests_total{job=~".*api.*"}'), ("status", 'http_requests_total{job=~".*api.*"}'),
                         ("job", "up")])
        s.xhr("/api/datasources/uid/%s/resources/api/v1/label/%s/values?match%%5B%%5D=%s&%s" % (ds, lab, euri(sel), gf_range_params(s)))
    n = R.randint(1, 4)
    for i in range(n):
        s.xhr("/api/ds/query?ds_type=%s&requestId=SQR%d" % (pick(["prometheus", "prometheus", "loki", "grafana-postgresql-datasource"]), 100 + i), "POST",
              gap=R.uniform(0.05, 0.6))
    if refresh:
        for _ in range(R.randint(1, 4)):
            s.xhr("/api/ds/query?ds_type=prometheus&requestId=SQR%d" % (100 + R.randint(0, n)), "POST", gap=R.uniform(28, 65))
    if chance(0.25):
        s.nav("/d/%s/%s?orgId=1&viewPanel=%d&%s" % (uid, slug, R.randint(2, 30), qs(params[1:4], grafana)), think=(10, 60))
    if chance(0.08):
        s.xhr("/api/dashboards/uid/%s" % lalnum(9), status=404, gap=R.uniform(5, 20))


PROM_V3_TAIL = "&g0.show_tree=0&g0.tab=%s&g0.range_input=%s&g0.res_type=auto&g0.res_density=medium&g0.display_mode=lines&g0.show_exemplars=0"


@kind("Prometheus", "prometheus-ui-query", 12,
      "the Prometheus web UI: /query?g0.expr= (v3) or /graph?g0.expr= (v2) links with {job=~\".*\"} selectors and rate(...[5m]), query_range and query API calls, formatting")
def k_prom(s):
    s.setup(browser(DEV), org_host(pick(["prometheus", "prom", "metrics"])))
    v3 = chance(0.7)
    expr = pick(PROMQL)
    rng = pick(["1h", "6h", "15m", "1d"])
    if v3:
        page = "/query?g0.expr=" + form(expr) + PROM_V3_TAIL % (pick(["graph", "table"]), rng)
        assets = ["/assets/index-%s.js" % build_id(s.host, "js", 8), "/assets/index-%s.css" % build_id(s.host, "css", 8), "/favicon.svg"]
    else:
        page = "/graph?g0.expr=%s&g0.tab=0&g0.stacked=0&g0.show_exemplars=0&g0.range_input=%s" % (euri(expr), rng)
        assets = ["/static/js/main.%s.js" % build_id(s.host, "js", 8), "/static/css/main.%s.css" % build_id(s.host, "css", 8), "/favicon.ico"]
    s.nav(page, 200, ref=None, think=(0, 2), assets=assets)
    s.xhr("/api/v1/label/__name__/values")
    if chance(0.5):
        s.xhr("/api/v1/metadata?limit=10000")
    for _ in range(R.randint(1, 3)):
        end = s.now()
        secs = {"1h": 3600, "6h": 21600, "15m": 900, "1d": 86400}[rng]
        s.xhr("/api/v1/query_range?" + qs([("query", expr), ("step", str(max(secs // 250, 1))), ("start", "%.3f" % (end - secs)),
                                          ("end", "%.3f" % end)], form))
        if v3 and chance(0.3):
            s.xhr("/api/v1/format_query?" + qs([("query", expr)], form))
        expr = pick(PROMQL)
        s.think(10, 80)
        if v3:
            s.spa("/query?g0.expr=" + form(expr) + PROM_V3_TAIL % ("graph", rng))
        else:
            s.spa("/graph?g0.expr=%s&g0.tab=0&g0.stacked=0&g0.show_exemplars=0&g0.range_input=%s" % (euri(expr), rng))
    if chance(0.3):
        s.nav("/targets?search=" + form(pick(["node", "blackbox", "kube-state"])) if v3 else "/targets", think=(5, 30))
        s.xhr("/api/v1/targets?state=active")


# ================================================================== Kibana, OpenSearch Dashboards, Elasticsearch UIs
KQL = [
    ('kuery', 'http.response.status_code >= 500 and url.path : "/api/*"'),
    ('kuery', 'message : "connection refused" and kubernetes.namespace : "shop"'),
    ('kuery', 'not user_agent.original : *kube-probe* and url.path : /checkout*'),
    ('kuery', 'url.original : *etc/passwd*'),
    ('kuery', 'url.query : *UNION* or url.query : *union*'),
    ('kuery', 'user_agent.original : *jndi*'),
    ('kuery', 'event.dataset : "nginx.access" and source.ip : "100.113.0.0/20"'),
    ('kuery', 'log.level : "ERROR" and error.message : "Deadlock found when trying to get lock*"'),
    ('kuery', 'http.request.method : "POST" and url.path : "/wp-login.php"'),
    ('lucene', 'message:"OutOfMemoryError" AND host.name:web-0*'),
    ('lucene', 'status:[500 TO 599] AND path:\\/api\\/v2\\/*'),
    ('lucene', 'message:/.*<script.*/ AND NOT tags:_grokparsefailure'),
    ('lucene', 'sql.query:"SELECT * FROM orders" AND duration_ms:>2000'),
]

ES_CONSOLE = [
    "_cat/indices?v&s=store.size:desc",
    "_cluster/health?pretty",
    "_cat/shards?v&h=index,shard,prirep,state,unassigned.reason",
    "logs-nginx-*/_search?q=url.original:*etc/passwd*&size=20",
    "_search?q=message:\"NullPointerException\"&size=5",
    "_cluster/allocation/explain",
    "_ilm/explain/logs-*",
    "_cat/thread_pool/search?v",
    "logs-app-*/_count?q=level:ERROR",
    "_tasks?actions=*reindex&detailed",
    "orders/_search",
    "_security/_authenticate",
    "_nodes/hot_threads",
    "logs-*/_mapping/field/user_agent.original",
    "_cat/aliases?v",
    "logs-waf-*/_search?q=rule.name:\"SQL Injection\"",
]


def kbn_build(host):
    key = host + "|kbn"
    if key not in BUILDS:
        BUILDS[key] = str(R.randint(80000, 89999))
    return BUILDS[key]


def kbn_assets(host, osd=False):
    bn = kbn_build(host)
    if osd:
        return ["/%s/bundles/osd-ui-shared-deps/osd-ui-shared-deps.js" % bn, "/%s/bundles/core/core.entry.js" % bn, "/ui/favicons/favicon.ico"]
    return ["/%s/bundles/kbn-ui-shared-deps-npm/kbn-ui-shared-deps-npm.dll.js" % bn, "/%s/bundles/core/core.entry.js" % bn,
            "/ui/favicons/favicon.svg"]


def kbn_boot(s, app):
    s.nav(app, 200, ref=None, think=(0, 2), assets=kbn_assets(s.host))
    s.xhr("/internal/security/me")
    s.xhr("/api/core/capabilities", "POST")


def kbn_csv_params(lang, query, dv, old):
    tz = pick(["Europe/Berlin", "Europe/London", "UTC", "Europe/Oslo", "America/New_York"])
    cols = pick([["@timestamp", "url.original", "http.response.status_code"], ["@timestamp", "message", "host.name"],
                 ["@timestamp", "source.ip", "user_agent.original", "url.path"]])
    if old:
        return {"browserTimezone": tz, "columns": cols, "objectType": "search",
                "searchSource": {"fields": [{"field": "*", "include_unmapped": "true"}],
                                 "filter": [{"meta": {"field": "@timestamp", "index": dv, "params": {}},
                                             "query": {"range": {"@timestamp": {"format": "strict_date_optional_time",
                                                                                "gte": "2026-02-04T06:00:00.000Z",
                                                                                "lte": "2026-02-04T10:00:00.000Z"}}}}],
                                 "index": dv, "query": {"language": lang, "query": query}, "sort": [{"@timestamp": "desc"}]},
                "title": "Untitled discover search", "version": "8.11.3"}
    return {"browserTimezone": tz, "objectType": "search", "title": pick(["Untitled discover search", "5xx on api", "WAF review"]),
            "version": "8.17.1",
            "locatorParams": [{"id": "DISCOVER_APP_LOCATOR", "version": "8.17.1",
                               "params": {"columns": cols, "dataViewId": dv, "filters": [],
                                          "query": {"language": lang, "query": query},
                                          "refreshInterval": {"pause": True, "value": 60000},
                                          "sort": [["@timestamp", "desc"]],
                                          "timeRange": {"from": pick(["now-15m", "now-4h", "now-24h"]), "to": "now"}}}]}


@kind("Kibana", "kibana-discover-kql", 12,
      "Kibana Discover (state in the URL hash, which is not sent): data view fields, searches, value suggestions, and a CSV report whose jobParams carry the KQL or Lucene query in rison")
def k_kibana(s):
    s.setup(browser(OFFICE + DEV), org_host(pick(["kibana", "logs", "elk"])))
    if chance(0.2):
        s.nav("/goto/%s" % hexs(32), 302, ref=None, think=(0, 1), setpage=False)
    kbn_boot(s, "/app/discover")
    pattern = pick(["logs-*", "logs-nginx-*", "filebeat-*", "logs-app-*"])
    s.xhr("/internal/data_views/fields?pattern=%s&meta_fields=_source&meta_fields=_id&meta_fields=_index&meta_fields=_score&meta_fields=_ignored&allow_no_index=true&apiVersion=1" % strict(pattern))
    s.xhr("/internal/search/ese", "POST")
    for _ in range(R.randint(1, 3)):
        s.think(8, 60)
        if chance(0.5):
            s.xhr("/internal/kibana/suggestions/values/%s" % pattern, "POST", gap=0.4)
        s.xhr("/internal/search/ese", "POST")
    if chance(0.75):
        lang, q = pick(KQL)
        old = chance(0.35)
        params = kbn_csv_params(lang, q, guid(), old)
        jid = lalnum(25)
        s.xhr("/api/reporting/generate/%s?jobParams=%s" % ("csv_searchsource" if old else "csv_v2", strict(rison(params))), "POST",
              gap=R.uniform(5, 30))
        s.xhr("/api/reporting/jobs/list?page=0&ids=%s" % jid, gap=R.uniform(3, 10))
        s.xhr("/api/reporting/jobs/download/%s" % jid, gap=R.uniform(3, 20), size=R.randint(20000, 3000000))


@kind("Kibana", "kibana-devtools-console", 8,
      "Kibana Dev Tools console: autocomplete data, then Elasticsearch requests through /api/console/proxy?path=... (_cat, _search?q= with Lucene, allocation explain)")
def k_kbn_console(s):
    s.setup(browser(DEV), org_host(pick(["kibana", "elk"])))
    kbn_boot(s, "/app/dev_tools")
    s.xhr("/api/console/api_server")
    s.xhr("/api/console/autocomplete_entities?indices=true&fields=true&templates=true&dataStreams=true")
    for p in sample(ES_CONSOLE, R.randint(2, 5)):
        s.xhr("/api/console/proxy?path=%s&method=GET" % strict(p), "POST", gap=R.uniform(6, 60))


OSD_SQL = [
    "SELECT status, COUNT(*) FROM logs-nginx GROUP BY status",
    "SELECT * FROM security-auditlog-2026.02.04 WHERE audit_category = 'FAILED_LOGIN' LIMIT 50",
    "SELECT clientip, COUNT(*) AS hits FROM logs-nginx WHERE request LIKE '%wp-login%' GROUP BY clientip ORDER BY hits DESC",
]


@kind("OpenSearch Dashboards", "opensearch-dashboards-user", 5,
      "OpenSearch Dashboards: Discover, the Dev Tools proxy with dataSourceId=, and the Query Workbench posting SQL and PPL")
def k_osd(s):
    s.setup(browser(OFFICE + DEV), org_host(pick(["opensearch", "dashboards", "siem"])))
    s.nav("/app/data-explorer/discover", 200, ref=None, think=(0, 2), assets=kbn_assets(s.host, osd=True))
    s.xhr("/api/v1/configuration/account")
    s.xhr("/api/saved_objects/_find?fields=title&per_page=10000&type=index-pattern")
    s.xhr("/internal/search/opensearch-with-long-numerals", "POST")
    if chance(0.5):
        s.nav("/app/dev_tools", think=(10, 60))
        for p in sample(ES_CONSOLE, R.randint(1, 3)):
            s.xhr("/api/console/proxy?path=%s&method=GET&dataSourceId=" % strict(p), "POST", gap=R.uniform(6, 50))
    else:
        s.nav("/app/opensearch-query-workbench", think=(10, 60))
        for _ in range(R.randint(1, 3)):
            s.xhr("/api/sql_console/translatesql", "POST", gap=R.uniform(10, 60))
            s.xhr("/api/sql_console/sqlquery", "POST", gap=R.uniform(0.2, 1))


@kind("Elasticsearch UIs", "elasticsearch-head-cerebro", 4,
      "elasticsearch-head opened with ?base_uri= and its Any Request tab (q= Lucene), or Cerebro polling overview and its REST tab")
def k_es_ui(s):
    s.setup(browser(DEV), org_host(pick(["es-admin", "search-ops"])))
    if chance(0.5):
        s.nav("/head/?base_uri=https://%s/es/" % s.host, 200, ref=None, think=(0, 2), assets=["/head/vendor.js", "/head/app.js", "/head/app.css"])
        for p in ["/es/", "/es/_cluster/health", "/es/_cluster/state", "/es/_stats", "/es/_nodes/stats"][:R.randint(3, 5)]:
            s.xhr(p, gap=R.uniform(0.05, 0.4))
        s.xhr("/es/_all/_search", "POST", gap=R.uniform(5, 30))
        for p in sample(["/es/_cat/indices?v&s=store.size:desc", '/es/logs-2026.02.03/_search?q=message:"NullPointerException"&size=20',
                         "/es/_cluster/allocation/explain", '/es/orders/_search?q=customer.email:*@gmail.com'], R.randint(1, 2)):
            s.xhr(wq(p), gap=R.uniform(10, 60))
    else:
        s.nav("/cerebro/", 200, ref=None, think=(0, 2), assets=["/cerebro/css/app.css", "/cerebro/js/lib.js", "/cerebro/js/app.js"])
        s.xhr("/cerebro/connect/hosts")
        s.xhr("/cerebro/connect", "POST", gap=R.uniform(2, 8))
        for _ in range(R.randint(2, 4)):
            s.xhr("/cerebro/overview", "POST", gap=R.uniform(3, 4))
        s.xhr("/cerebro/rest/history", gap=R.uniform(5, 20))
        for _ in range(R.randint(1, 3)):
            s.xhr("/cerebro/rest/request", "POST", gap=R.uniform(10, 50))


# ================================================================== tracing, errors
JAEGER_SVCS = ["checkout", "frontend", "payments-api", "orders", "inventory", "auth", "search-api"]
JAEGER_TAGS = [{"error": "true"}, {"http.status_code": "500"}, {"db.system": "postgresql", "error": "true"},
               {"http.route": "/api/v1/orders/{id}"}, {"db.statement": "SELECT * FROM orders WHERE id = $1"},
               {"http.url": "/search?q=<script>"}, {"otel.status_code": "ERROR"}, {"http.target": "/wp-admin/admin-ajax.php"}]
JAEGER_OPS = ["HTTP GET /api/orders", "HTTP POST /api/v1/charges", "SELECT shop.orders", "GET /search", "grpc.health.v1.Health/Check"]


@kind("Tracing", "jaeger-trace-search", 9,
      "the Jaeger UI: /search with service, operation and a JSON tags= filter (error, db.statement, http.url), the same /api/traces call, trace views")
def k_jaeger(s):
    s.setup(browser(DEV), org_host(pick(["jaeger", "tracing"])))
    svc = pick(JAEGER_SVCS)
    end = s.ms() * 1000
    params = [("end", str(end)), ("limit", "20"), ("lookback", pick(["1h", "2h", "6h"])), ("maxDuration", None), ("minDuration", None)]
    if chance(0.5):
        params.append(("operation", pick(JAEGER_OPS)))
    params += [("service", svc), ("start", str(end - 3600000000))]
    if chance(0.8):
        params.append(("tags", jdump(pick(JAEGER_TAGS))))
    q = qs(params, strict)
    s.nav("/search?" + q, 200, ref=None, think=(0, 2), assets=["/static/index-%s.js" % build_id(s.host, "js", 8),
                                                              "/static/index-%s.css" % build_id(s.host, "css", 8), "/favicon.ico"])
    s.xhr("/api/services")
    s.xhr("/api/services/%s/operations" % euri(svc))
    s.xhr("/api/traces?" + q)
    for _ in range(R.randint(1, 3)):
        tid = hexs(32)
        s.think(5, 40)
        s.spa("/trace/" + tid)
        s.xhr("/api/traces/" + tid, gap=0.2)
    if chance(0.4):
        params[-1] = ("tags", jdump(pick(JAEGER_TAGS)))
        q = qs(params, strict)
        s.spa("/search?" + q)
        s.xhr("/api/traces?" + q, gap=R.uniform(10, 40))


ZIPKIN_QUERIES = ["error", "http.status_code=500", "error and http.path=/api/orders", "sql.query=SELECT", "http.method=POST and http.path=/login",
                  "db.statement", "http.url=/search?q=%3Cscript%3E"]


@kind("Tracing", "zipkin-trace-search", 4,
      "Zipkin Lens: /zipkin/?serviceName=...&annotationQuery=... and the /zipkin/api/v2/traces call, trace views")
def k_zipkin(s):
    s.setup(browser(DEV), org_host(pick(["zipkin", "tracing"])))
    svc = pick(JAEGER_SVCS)
    end = s.ms()
    params = [("serviceName", svc), ("spanName", "all"), ("lookback", "15m"), ("endTs", str(end)), ("limit", "10")]
    if chance(0.85):
        params.append(("annotationQuery", pick(ZIPKIN_QUERIES)))
    s.nav("/zipkin/?" + qs(params, form), 200, ref=None, think=(0, 2),
          assets=["/zipkin/static/js/main.%s.js" % build_id(s.host, "js", 8), "/zipkin/favicon.ico"])
    s.xhr("/zipkin/config.json")
    s.xhr("/zipkin/api/v2/services")
    s.xhr("/zipkin/api/v2/spans?serviceName=" + form(svc))
    api = [("serviceName", svc)] + [p for p in params if p[0] == "annotationQuery"] + [("endTs", str(end)), ("lookback", "900000"), ("limit", "10")]
    s.xhr("/zipkin/api/v2/traces?" + qs(api, form))
    for _ in range(R.randint(1, 2)):
        tid = hexs(16)
        s.think(5, 30)
        s.spa("/zipkin/traces/" + tid)
        s.xhr("/zipkin/api/v2/trace/" + tid, gap=0.2)


SENTRY_QUERIES = [
    'is:unresolved url:"/api/*"', 'is:unresolved level:error transaction:/checkout/*', 'is:unresolved !has:user.email',
    'error.type:OperationalError message:"could not serialize access"', 'is:unresolved release:2026.02.1 environment:production',
    'message:"syntax error at or near \\"WHERE\\""', 'is:unresolved url:*wp-admin*', 'error.value:"Unexpected token \'<\'"',
    'is:unresolved "TypeError: Cannot read properties of undefined"', 'is:for_review assigned:me',
    'http.url:"https://shop.marlowe-retail.co.uk/search?q=*"', 'is:unresolved error.type:[ProgrammingError,IntegrityError]',
]


@kind("Sentry", "sentry-issue-search", 14,
      "self-hosted Sentry: the issue stream with query=is:unresolved url:\"/api/*\" and similar, its API calls, issue details")
def k_sentry(s):
    s.setup(browser(DEV + OFFICE), org_host(pick(["sentry", "errors"])))
    org = s.host.split(".")[1].split("-")[0]
    proj = str(R.randint(2, 40))
    q = pick(SENTRY_QUERIES)
    st = digits(10)
    page = "/organizations/%s/issues/?project=%s&query=%s&referrer=issue-list&statsPeriod=14d" % (org, proj, strict(q))
    s.nav(page, 200, ref=None, think=(0, 2), assets=["/_static/%s/sentry/dist/entrypoints/app.js" % st,
                                                    "/_static/%s/sentry/dist/entrypoints/sentry.css" % st,
                                                    "/_static/%s/sentry/images/favicon.png" % st])
    s.xhr("/api/0/organizations/%s/" % org)
    api_q = "&query=%s&savedSearch=0&shortIdLookup=1&statsPeriod=14d" % strict(q)
    s.xhr("/api/0/organizations/%s/issues/?collapse=stats&collapse=unhandled&expand=owners&expand=inbox&limit=25&project=%s%s" % (org, proj, api_q))
    groups = [digits(R.choice([4, 5])) for _ in range(R.randint(2, 4))]
    s.xhr("/api/0/organizations/%s/issues-stats/?%s&project=%s%s" % (org, "&".join("groups=" + g for g in groups), proj,
                                                                     "&query=%s&statsPeriod=14d" % strict(q)))
    for g in groups[:R.randint(1, 2)]:
        s.think(10, 60)
        s.spa("/organizations/%s/issues/%s/?project=%s&query=%s&referrer=issue-stream&statsPeriod=14d&stream_index=%d" % (
            org, g, proj, strict(q), groups.index(g)))
        s.xhr("/api/0/organizations/%s/issues/%s/" % (org, g), gap=0.2)
        s.xhr("/api/0/organizations/%s/issues/%s/events/recommended/?collapse=fullRelease&query=%s&statsPeriod=14d" % (org, g, strict(q)))


# ================================================================== BI: Metabase, Superset, Redash
@kind("BI", "metabase-analyst", 9,
      "Metabase: dashboards with filter values in the query string, card queries, the native editor's autocomplete calls and ad hoc query, search")
def k_metabase(s):
    s.setup(browser(OFFICE + DEV), org_host(pick(["metabase", "bi", "analytics"])))
    h = build_id(s.host, "mb", 20)
    assets = ["/app/dist/app-main.%s.js" % h, "/app/dist/styles.%s.css" % h, "/app/assets/img/favicon.ico"]
    did = R.randint(3, 60)
    filt = pick([[("date_range", "past30days"), ("status", "failed")], [("email", "%@gmail.com")], [("customer", "O'Brien & Sons")],
                 [("search", "refund <5"), ("region", "EMEA")], [("created_at", "2026-01-01~2026-01-31"), ("source", "utm_source=newsletter")]])
    slug = pick(["orders-overview", "payments-health", "support-kpis", "fraud-review"])
    s.nav("/dashboard/%d-%s?%s" % (did, slug, qs(filt, form)), 200, ref=None, think=(0, 2), assets=assets)
    s.xhr("/api/user/current")
    s.xhr("/api/session/properties")
    s.xhr("/api/dashboard/%d" % did)
    for _ in range(R.randint(1, 3)):
        s.xhr("/api/dashboard/%d/dashcard/%d/card/%d/query" % (did, R.randint(10, 400), R.randint(10, 300)), "POST", gap=R.uniform(0.05, 0.5))
    if chance(0.6):
        db = R.randint(2, 6)
        s.think(10, 60)
        s.spa("/question")
        for pre in sample(["ord", "orders", "pay", "payments", "cust", "customer_em", "{{#12"], R.randint(1, 3)):
            if pre.startswith("{{#"):
                s.xhr("/api/database/%d/card_autocomplete_suggestions?query=%s" % (db, form(pre[3:])), gap=R.uniform(1, 6))
            else:
                s.xhr("/api/database/%d/autocomplete_suggestions?substring=%s" % (db, form(pre)), gap=R.uniform(1, 6))
        s.xhr("/api/dataset", "POST", gap=R.uniform(5, 30))
    if chance(0.4):
        s.xhr("/api/search?q=%s&models=card&models=dashboard&models=dataset" % form(pick(["failed login", "refunds by day", "select * orders", "churn"])),
              gap=R.uniform(5, 30))


SUPERSET_SQL_TABLES = [("public", "orders"), ("public", "customers"), ("analytics", "events"), ("billing", "invoices"), ("public", "login_attempts")]


@kind("BI", "superset-sqllab", 10,
      "Apache Superset SQL Lab: rison q= list calls, schema and table metadata, select_star, execute and results, chart data with form_data JSON")
def k_superset(s):
    s.setup(browser(DEV + OFFICE), org_host(pick(["superset", "bi"])))
    h = build_id(s.host, "ss", 20)
    s.nav("/sqllab/", 200, ref=None, think=(0, 2), assets=["/static/assets/spa.%s.entry.js" % h, "/static/assets/vendors.%s.chunk.js" % h,
                                                           "/static/assets/images/favicon.png"])
    s.xhr("/api/v1/database/?q=" + wq(rison_uri({"filters": [{"col": "expose_in_sqllab", "opr": "eq", "value": True}],
                                                  "order_columns": "database_name", "order_direction": "asc", "page": 0, "page_size": -1})))
    db = R.randint(1, 6)
    schema, table = pick(SUPERSET_SQL_TABLES)
    s.xhr("/api/v1/database/%d/schemas/?q=(force:!f)" % db)
    s.xhr("/api/v1/database/%d/tables/?q=" % db + wq(rison_uri({"force": False, "schema_name": schema})))
    if chance(0.6):
        s.xhr("/api/v1/database/%d/table_metadata/?name=%s&schema=%s" % (db, table, schema), gap=R.uniform(2, 10))
        s.xhr("/api/v1/database/%d/select_star/%s/%s/" % (db, table, schema))
    for _ in range(R.randint(1, 3)):
        s.xhr("/api/v1/sqllab/execute/", "POST", gap=R.uniform(15, 120))
        if chance(0.5):
            s.xhr("/api/v1/sqllab/results/?q=" + wq(rison({"key": guid(), "rows": 10000})), gap=R.uniform(1, 6))
        s.xhr("/api/v1/query/updated_since?q=" + wq(rison({"last_updated_ms": s.ms() - 30000})), gap=R.uniform(2, 5))
    if chance(0.3):
        s.xhr("/api/v1/saved_query/?q=" + wq(rison_uri({"filters": [{"col": "label", "opr": "all_text", "value": pick(["churn", "failed orders", "daily revenue"])}],
                                                        "order_column": "changed_on_delta_humanized", "order_direction": "desc", "page": 0, "page_size": 25})),
              gap=R.uniform(5, 20))
    if chance(0.4):
        dash = R.randint(2, 40)
        s.nav("/superset/dashboard/%d/?native_filters_key=%s" % (dash, alnum(43).replace("+", "-")), think=(10, 60))
        for _ in range(R.randint(1, 2)):
            s.xhr("/api/v1/chart/data?form_data=%s&dashboard_id=%d" % (euri(jdump({"slice_id": R.randint(10, 300)})), dash), "POST",
                  gap=R.uniform(0.1, 1))


REDASH_PARAMS = [
    [("p_since", "2026-01-01"), ("p_email", "%@acme-corp.com")],
    [("p_date_range", "2026-01-01--2026-01-31"), ("p_status", "failed")],
    [("p_Order Date", "2026-02-03"), ("p_country", "DE")],
    [("p_search", "O'Reilly")],
    [("p_filter", "status = 'refunded' AND amount > 100")],
    [("p_customer_id", "4821,4822,4830")],
    [("p_user_agent", "%python-requests%")],
]


@kind("BI", "redash-analyst", 8,
      "Redash: query pages with p_ parameters in the URL (dates, LIKE patterns, a text parameter holding a WHERE fragment), results, schema, CSV download")
def k_redash(s):
    s.setup(browser(OFFICE + DEV), org_host(pick(["redash", "sql", "data"])))
    h = build_id(s.host, "rd", 20)
    qid = R.randint(40, 900)
    params = pick(REDASH_PARAMS)
    page = "/queries/%d%s?%s" % (qid, pick(["", "/source"]), qs(params, euri))
    s.nav(page, 200, ref=None, think=(0, 2), assets=["/static/app.%s.js" % h, "/static/app.%s.css" % h, "/static/images/favicon-32x32.png"])
    s.xhr("/api/session")
    s.xhr("/api/queries/%d" % qid)
    if "/source" in page:
        s.xhr("/api/data_sources/%d/schema" % R.randint(1, 5))
    for _ in range(R.randint(1, 2)):
        s.xhr("/api/queries/%d/results" % qid, "POST", gap=R.uniform(3, 40))
        job = guid()
        for _ in range(R.randint(1, 2)):
            s.xhr("/api/jobs/%s" % job, gap=R.uniform(0.5, 2))
        rid = R.randint(10000, 999999)
        s.xhr("/api/query_results/%d" % rid)
    if chance(0.4):
        s.xhr("/api/queries/%d/results/%d.csv" % (qid, R.randint(10000, 999999)), gap=R.uniform(5, 30), size=R.randint(5000, 900000))
    if chance(0.3):
        term = pick(["refund", "failed login", "select", "wp_users", "union"])
        s.nav("/queries?q=%s&page=1&page_size=20" % form(term), think=(10, 40))
        s.xhr("/api/queries?order=-created_at&page=1&page_size=20&q=" + form(term))


# ================================================================== code forges
GL_PROJECTS = [("platform", "billing-api"), ("web", "storefront"), ("infra", "ansible-roles"), ("data", "etl-jobs"),
               ("security", "waf-rules"), ("mobile", "app-backend"), ("platform", "auth-service"), ("tools", "db-migrations")]

CODE_SEARCHES = [
    ("SELECT * FROM users WHERE", False), ("exec(", False), ("os.system(", False), ("eval(", False), ("<script>", False),
    ("innerHTML =", False), ("${jndi", False), ("Runtime.getRuntime().exec", False), ("DROP TABLE", False), ("../", False),
    ("/etc/passwd", False), ("shell=True", False), ("curl | bash", False), ("bash -c", False), ("api_key", False),
    ("BEGIN RSA PRIVATE KEY", False), ("ORDER BY ${", False), ("'; DROP", False), (".raw(", False), ("$_GET['", False),
    ("UNION SELECT", False), ("LIKE '%", False), ("cmd.exe /c", False), ("document.cookie", False), ("base64_decode(", False),
    ("password\\s*=\\s*['\"]", True), ("f\"SELECT .*\\{", True), ("\\beval\\(", True), ("execute\\(.*%s", True),
    ("(?i)select .* from .* where .*\\+", True), ("\\$\\{.*\\}", True), ("os\\.(system|popen)\\(", True), ("<%=.*%>", True),
]

GL_FILES = [".env.example", "config/database.yml", "Dockerfile", "docker/rootfs/etc/passwd", "deploy/k8s/secret.example.yaml",
            "scripts/backup.sh", "config/nginx/default.conf", ".gitlab-ci.yml", "db/migrate/20260112093000_add_index_on_orders.rb",
            "src/main/resources/application.properties", "app/Http/Controllers/SearchController.php", "test/fixtures/passwd",
            "roles/users/templates/sudoers.j2", "app/models/report.rb", "README.md", "docs/runbooks/restore-from-backup.md",
            "src/db/queries/orders.sql", "config/initializers/content_security_policy.rb"]

BRANCHES = ["feature/parameterize-report-queries", "fix/escape-like-wildcards", "security/bump-log4j-2.17.1",
            "feature/remove-raw-sql", "fix/path-traversal-in-export", "chore/upgrade-django-5.2", "feature/csp-nonce"]


def gl_assets(host):
    return ["/assets/webpack/runtime.%s.bundle.js" % build_id(host, "rt", 8), "/assets/webpack/main.%s.chunk.js" % build_id(host, "main", 8),
            "/assets/application-%s.css" % build_id(host, "css", 64), "/assets/favicon-%s.png" % build_id(host, "fav", 64)]


def gl_login_maybe(s, target):
    """Signed out: 302 to /users/sign_in, the form posts and redirects back. Returns the Referer of that redirect."""
    if chance(0.1):
        s.nav(target, 302, ref=None, think=(0, 1), setpage=False)
        s.nav("/users/sign_in", 200, ref=None, think=(0.1, 0.3), assets=gl_assets(s.host)[2:3])
        s.nav("/users/sign_in", 302, method="POST", think=(5, 15), setpage=False)
        return s.url("/users/sign_in")
    return None


@kind("GitLab", "gitlab-code-search", 16,
      "GitLab code search: /search?search=... with code snippets (SELECT * FROM, exec(, <script>, ${jndi, ../, /etc/passwd) and regex mode, counts and aggregations, opening a result")
def k_gl_search(s):
    s.setup(browser(DEV), org_host(pick(["gitlab", "git", "code"])))
    grp, proj = pick(GL_PROJECTS)
    pid, gid = R.randint(10, 900), R.randint(2, 120)
    term, rx = pick(CODE_SEARCHES)
    params = [("search", term), ("nav_source", "navbar"), ("project_id", pid), ("group_id", gid), ("search_code", "true"),
              ("repository_ref", "main")]
    if rx or chance(0.2):
        params.append(("regex", "true" if rx else "false"))
    page = "/search?" + qs(params, form)
    lr = gl_login_maybe(s, page)
    s.nav(page, 200, ref=lr or pick([None, s.url("/%s/%s" % (grp, proj))]), think=(0, 2), assets=gl_assets(s.host))
    s.xhr("/search/count?" + qs([("search", term), ("project_id", pid), ("group_id", gid), ("scope", "issues")], form))
    if chance(0.5):
        s.xhr("/search/aggregations?" + qs([("search", term), ("project_id", pid), ("group_id", gid), ("scope", "blobs")], form))
    if chance(0.4):
        s.nav(page + "&page=2", think=(10, 40))
    f = pick(GL_FILES)
    s.nav("/%s/%s/-/blob/main/%s" % (grp, proj, wp(f)), think=(5, 40))
    s.xhr("/api/graphql", "POST")
    if chance(0.5):
        term2, rx2 = pick(CODE_SEARCHES)
        p2 = [("search", term2), ("nav_source", "navbar"), ("project_id", pid), ("group_id", gid), ("search_code", "true"),
              ("repository_ref", "main")] + ([("regex", "true")] if rx2 else [])
        s.nav("/search?" + qs(p2, form), think=(10, 60))


@kind("GitLab", "gitlab-file-views", 14,
      "GitLab blob, raw, blame and history views of files such as .env.example, config/database.yml, Dockerfile and a scratch image's etc/passwd; a few stale links to deleted branches answer 404")
def k_gl_files(s):
    s.setup(browser(DEV), org_host(pick(["gitlab", "git"])))
    grp, proj = pick(GL_PROJECTS)
    root = "/%s/%s" % (grp, proj)
    lr = gl_login_maybe(s, root)
    s.nav(root, 200, ref=lr, think=(0, 2), assets=gl_assets(s.host))
    s.xhr("/api/graphql", "POST")
    for f in sample(GL_FILES, R.randint(2, 4)):
        view = pick(["blob", "blob", "raw", "blame", "commits"])
        path = "%s/-/%s/main/%s" % (root, view, wp(f))
        if view == "raw":
            s.nav(path, 200, think=(4, 30), size=R.randint(80, 6000))
        else:
            s.nav(path, think=(4, 40))
            if view == "blob":
                s.xhr("/api/graphql", "POST")
    if chance(0.25):
        s.nav("%s/-/blob/%s/%s" % (root, wp(pick(BRANCHES)), wp(pick(GL_FILES))), 404, ref=None, think=(5, 30))


@kind("GitLab", "gitlab-mr-review", 10,
      "GitLab merge request review and compare views: diffs_metadata and diffs_batch JSON, discussions, compare between tags and branches with slashes")
def k_gl_mr(s):
    s.setup(browser(DEV), org_host(pick(["gitlab", "git"])))
    grp, proj = pick(GL_PROJECTS)
    root = "/%s/%s" % (grp, proj)
    mr = R.randint(40, 2400)
    lr = gl_login_maybe(s, "%s/-/merge_requests/%d" % (root, mr))
    s.nav("%s/-/merge_requests/%d" % (root, mr), 200, ref=lr, think=(0, 2), assets=gl_assets(s.host))
    s.xhr("%s/-/merge_requests/%d/widget.json" % (root, mr))
    s.xhr("%s/-/merge_requests/%d/discussions.json?per_page=20" % (root, mr))
    s.nav("%s/-/merge_requests/%d/diffs" % (root, mr), think=(10, 60))
    s.xhr("%s/-/merge_requests/%d/diffs_metadata.json?diff_head=true&view=inline&w=0" % (root, mr))
    for page in range(R.randint(1, 2)):
        s.xhr("%s/-/merge_requests/%d/diffs_batch.json?diff_head=true&view=inline&w=0&page=%d&per_page=5" % (root, mr, page * 5))
    if chance(0.5):
        s.xhr("%s/-/merge_requests/%d/discussions" % (root, mr), "POST", gap=R.uniform(30, 180))
    if chance(0.6):
        br = pick(BRANCHES)
        if chance(0.5):
            s.nav("%s/-/compare?from=main&to=%s" % (root, form(br)), 302, think=(10, 60), setpage=False)
        s.nav("%s/-/compare/main...%s" % (root, wp(br)), think=(0.2, 1))
    elif chance(0.5):
        s.nav("%s/-/compare/v%d.%d.0...main" % (root, R.randint(1, 4), R.randint(0, 20)), think=(10, 60))


@kind("GitLab", "glab-cli", 4,
      "the official glab CLI against the same GitLab: mr view and diff, ci trace, and glab api code search (project path as %2F)")
def k_glab(s):
    plat = pick(["linux, amd64", "darwin, arm64", "darwin, amd64", "windows, amd64"])
    s.setup("glab/1.80.4 (%s)" % plat, org_host(pick(["gitlab", "git"])))
    grp, proj = pick(GL_PROJECTS)
    pp = "/api/v4/projects/" + gopath(grp + "/" + proj)
    mr = R.randint(40, 2400)
    s.t += R.uniform(0, 2)
    s.cli("GET", "/api/v4/user")
    s.cli("GET", "%s/merge_requests/%d" % (pp, mr))
    s.cli("GET", "%s/merge_requests/%d/notes?page=1&per_page=100&sort=asc" % (pp, mr))
    s.think(10, 120)
    if chance(0.5):
        s.cli("GET", "%s/merge_requests/%d/versions" % (pp, mr))
        s.cli("GET", "%s/merge_requests/%d/versions/%d" % (pp, mr, R.randint(1000, 90000)))
    else:
        br = pick(BRANCHES)
        s.cli("GET", "%s/pipelines?per_page=1&ref=%s" % (pp, goquery(br)))
        pl = R.randint(10000, 99999)
        s.cli("GET", "%s/pipelines/%d/jobs?per_page=100" % (pp, pl))
        jid = R.randint(100000, 999999)
        for _ in range(R.randint(1, 3)):
            s.cli("GET", "%s/jobs/%d/trace" % (pp, jid), gap=R.uniform(2, 5))
    if chance(0.6):
        term, _ = pick(CODE_SEARCHES[:25])
        s.think(20, 200)
        s.cli("GET", "%s/search?scope=blobs&search=%s" % (pp, goquery(term)))


GITEA_VER = "1.23.4"


@kind("Gitea", "gitea-user", 10,
      "Gitea: repository and global code search with q=, source, raw and blame views of config files, compare and pull request file views")
def k_gitea(s):
    s.setup(browser(DEV), org_host(pick(["gitea", "git", "forge"])))
    org, repo = pick(GL_PROJECTS)
    root = "/%s/%s" % (org, repo)
    assets = ["/assets/css/index.css?v=" + GITEA_VER, "/assets/js/index.js?v=" + GITEA_VER, "/assets/img/logo.svg", "/assets/img/favicon.svg"]
    s.nav(root, 200, ref=None, think=(0, 2), assets=assets)
    if chance(0.6):
        s.xhr("/user/events")
    for _ in range(R.randint(1, 2)):
        term, _ = pick(CODE_SEARCHES)
        if chance(0.7):
            s.nav("%s/search?q=%s" % (root, form(term)), think=(5, 40))
        else:
            s.nav("/explore/code?q=%s" % form(term), think=(5, 40))
    for f in sample(GL_FILES, R.randint(1, 3)):
        view = pick(["src/branch", "src/branch", "raw/branch", "blame/branch"])
        s.nav("%s/%s/main/%s" % (root, view, wp(f)), think=(4, 30))
    if chance(0.5):
        if chance(0.5):
            s.nav("%s/compare/main...%s" % (root, wp(pick(BRANCHES))), think=(5, 40))
        else:
            s.nav("%s/pulls/%d/files" % (root, R.randint(5, 400)), think=(5, 40))


@kind("GitHub Enterprise", "github-enterprise-user", 10,
      "GitHub Enterprise Server: code search with q=...&type=code, blob and blame views, raw files through the raw host with ?token=, compare and pull request files")
def k_ghe(s):
    s.setup(browser(DEV), org_host(pick(["github", "ghe"])))
    org, repo = pick(GL_PROJECTS)
    root = "/%s/%s" % (org, repo)
    h = build_id(s.host, "gh", 12)
    assets = ["/assets/wp-runtime-%s.js" % h, "/assets/light-%s.css" % build_id(s.host, "lc", 12), "/favicon.ico"]
    term, _ = pick(CODE_SEARCHES[:25])
    q = "org:%s %s" % (org, ('"%s"' % term) if " " in term or chance(0.4) else term)
    s.nav("/search?q=%s&type=code" % form(q), 200, ref=None, think=(0, 2), assets=assets)
    for f in sample(GL_FILES, R.randint(1, 3)):
        view = pick(["blob", "blob", "blame", "raw"])
        if view == "raw":
            s.nav("%s/raw/main/%s" % (root, wp(f)), 302, think=(4, 30), setpage=False)
            s.req("GET", "/%s/%s/main/%s?token=%s" % (org, repo, wp(f), "A" + alnum(28).upper()), 200, R.randint(80, 6000), AUTO, gap=0.2)
        else:
            s.nav("%s/%s/main/%s" % (root, view, wp(f)), think=(4, 40))
            if view == "blob":
                s.xhr("%s/latest-commit/main/%s" % (root, wp(f)))
    if chance(0.6):
        if chance(0.5):
            s.nav("%s/compare/v%d.%d.0...main" % (root, R.randint(1, 4), R.randint(0, 20)), think=(10, 60))
        else:
            s.nav("%s/pull/%d/files" % (root, R.randint(40, 3000)), think=(10, 60))


@kind("GitHub Enterprise", "gh-cli", 4,
      "the official gh CLI against GitHub Enterprise Server: GraphQL pull request views, REST diff, search code, contents API, run logs")
def k_gh(s):
    s.setup("GitHub CLI 2.85.0", org_host(pick(["github", "ghe"])))
    org, repo = pick(GL_PROJECTS)
    rp = "/api/v3/repos/%s/%s" % (org, repo)
    s.t += R.uniform(0, 2)
    s.cli("POST", "/api/graphql")
    n = R.randint(40, 3000)
    if chance(0.6):
        s.cli("GET", "%s/pulls/%d" % (rp, n))
    s.think(10, 120)
    term, _ = pick(CODE_SEARCHES[:25])
    s.cli("GET", "/api/v3/search/code?page=1&per_page=30&q=" + goquery('"%s" org:%s' % (term, org)))
    if chance(0.6):
        s.think(10, 120)
        s.cli("GET", "%s/contents/%s?ref=main" % (rp, pick(GL_FILES)))
    if chance(0.5):
        run = R.randint(10000, 99999)
        s.cli("GET", "%s/actions/runs/%d" % (rp, run), gap=R.uniform(20, 200))
        s.cli("GET", "%s/actions/runs/%d/jobs?per_page=100" % (rp, run))
        s.cli("GET", "%s/actions/runs/%d/logs" % (rp, run), status=302)


# ================================================================== Jenkins
JOB_PARAMBUILD = [
    ("run-rake-task", [("TARGET_APPLICATION", "billing"), ("MACHINE_CLASS", "backend"), ("RAKE_TASK", "reports:rebuild[2026-02-03]")]),
    ("run-rake-task", [("TARGET_APPLICATION", "storefront"), ("MACHINE_CLASS", "backend"), ("RAKE_TASK", "search:reindex[products]")]),
    ("db-migrate", [("TARGET_ENV", "staging"), ("SQL_FILE", "migrations/2026-02-03_add_index_orders_created_at.sql"), ("DRY_RUN", "true")]),
    ("deploy-prod", [("SERVICE", "checkout"), ("IMAGE_TAG", "2026.02.04-1"), ("EXTRA_ARGS", "--set replicaCount=3")]),
    ("purge-cache", [("PATHS", "/assets/*,/api/v1/catalog?*"), ("ENV", "production")]),
    ("restore-db-snapshot", [("SNAPSHOT", "shop-2026-02-03T02:00Z"), ("TARGET", "shop_restore"), ("WHERE", "created_at > '2026-02-01'")]),
]


def jk_assets(host):
    h = build_id(host, "jk", 8)
    return ["/static/%s/jsbundles/vendors.js" % h, "/static/%s/jsbundles/styles.css" % h, "/static/%s/favicon.svg" % h]


@kind("Jenkins", "jenkins-user", 16,
      "Jenkins: multibranch jobs (branch names double-encoded as %252F), console logs, parambuild links from runbooks with parameters in the query, the build form, a visit to the script console page, api/json?tree=")
def k_jenkins(s):
    s.setup(browser(DEV + OFFICE), org_host(pick(["ci", "jenkins", "build"])))
    lr = None
    if chance(0.15):
        s.nav("/job/billing-api/", 403, ref=None, think=(0, 1), setpage=False)
        s.nav("/login?from=%2Fjob%2Fbilling-api%2F", 200, ref=None, think=(0.1, 0.5), assets=jk_assets(s.host)[1:2])
        s.nav("/j_spring_security_check", 302, method="POST", think=(5, 12), setpage=False)
        lr = s.url("/login?from=%2Fjob%2Fbilling-api%2F")
    s.nav("/job/billing-api/", 200, ref=lr, think=(0, 2), assets=jk_assets(s.host))
    s.xhr("/ajaxBuildQueue", "POST")
    br = pick(BRANCHES + ["main", "PR-%d" % R.randint(100, 900)])
    jb = "/job/billing-api/job/%s" % br.replace("/", "%252F")
    b = R.randint(20, 400)
    s.nav("%s/%d/console" % (jb, b), think=(5, 30))
    for _ in range(R.randint(1, 2)):
        s.xhr("%s/%d/logText/progressiveHtml" % (jb, b), "POST", gap=R.uniform(1, 4))
    choice = R.random()
    if choice < 0.55:
        job, params = pick(JOB_PARAMBUILD)
        wiki = "https://%s/" % pick(["confluence." + s.host.split(".", 1)[1], "wiki." + s.host.split(".", 1)[1], "gitlab." + s.host.split(".", 1)[1]])
        s.nav("/job/%s/parambuild/?%s" % (job, wq(qs(params, lambda v: v.replace("%", "%25").replace("&", "%26").replace("#", "%23")))),
              ref=pick([wiki, wiki, None]), think=(20, 200))
        s.nav("/job/%s/build?delay=0sec" % job, 302, method="POST", think=(5, 30), setpage=False)
        s.nav("/job/%s/" % job, think=(0.1, 0.5))
    elif choice < 0.8:
        s.nav("/job/deploy-prod/build?delay=0sec", think=(10, 60))
        s.nav("/job/deploy-prod/build?delay=0sec", 302, method="POST", think=(10, 40), setpage=False)
        s.nav("/job/deploy-prod/", think=(0.1, 0.5))
    else:
        s.nav(pick(["/script", "/manage/script", "/computer/agent-0%d/script" % R.randint(1, 6)]), think=(10, 60))
    if chance(0.3):
        s.nav(wq("%s/api/json?tree=builds[number,result,timestamp,duration]{0,10}&pretty=true" % jb), ref=None, think=(5, 40))
    if chance(0.25):
        s.nav("%s/%d/replay/" % (jb, b), think=(5, 40))


# ================================================================== notebooks and editors
NB_PATHS = ["notebooks/churn/01-explore.ipynb", "etl/load_orders.ipynb", "scratch/Untitled1.ipynb", "reports/Umsatz Übersicht 2026.ipynb",
            "notebooks/security/waf-false-positives.ipynb", "analysis/Q1 review (draft).ipynb", "sql/slow_queries.ipynb",
            "notebooks/ml/fraud_model_v3.ipynb", "shared/team-a/..cache/notes.ipynb"]
NB_FILES = ["data/orders_2026-01.csv", "data/export (1).xlsx", "logs/access.log.1", "notebooks/security/payloads_sample.txt",
            "data/kunden_ä.parquet"]


@kind("Jupyter", "jupyter-user", 10,
      "JupyterLab on JupyterHub: /lab/tree/... notebook paths with spaces, dots and non-ASCII, contents API with cache-busting, kernel and terminal websockets, saves and downloads")
def k_jupyter(s):
    s.setup(browser(DEV), org_host(pick(["jupyter", "hub", "notebooks"])))
    u = login().replace(".", "-")
    pre = "/user/%s" % u
    nb = pick(NB_PATHS)
    enc = "/".join(euri(p) for p in nb.split("/"))
    if chance(0.3):
        s.nav("/hub/user-redirect/lab/tree/" + enc, 302, ref=None, think=(0, 1), setpage=False)
    h = build_id(s.host, "jl", 20)
    s.nav("%s/lab/tree/%s" % (pre, enc), 200, ref=None, think=(0, 2), assets=["%s/static/lab/main.%s.js?v=%s" % (pre, h[:20], h),
                                                                           "%s/static/favicons/favicon-notebook.ico" % pre])
    s.xhr("%s/lab/api/settings?%d" % (pre, s.ms()))
    s.xhr("%s/api/sessions?%d" % (pre, s.ms()))
    s.xhr("%s/api/contents/%s?type=notebook&content=1&hash=0&%d" % (pre, enc, s.ms()))
    kid, sid = guid(), guid()
    s.xhr("%s/api/kernels/%s/channels?session_id=%s" % (pre, kid, sid), status=101)
    for _ in range(R.randint(1, 2)):
        s.think(60, 400)
        s.xhr("%s/api/contents/%s?%d" % (pre, enc, s.ms()), "PUT", gap=0.1)
    r = R.random()
    if r < 0.35:
        s.think(10, 60)
        s.xhr("%s/api/terminals?%d" % (pre, s.ms()), "POST", gap=0.1)
        s.xhr("%s/terminals/websocket/%d" % (pre, R.randint(1, 3)), status=101)
    elif r < 0.7:
        f = pick(NB_FILES)
        s.xhr("%s/files/%s?_xsrf=%s" % (pre, "/".join(euri(p) for p in f.split("/")), euri(alnum(40) + "|" + digits(10))),
              gap=R.uniform(10, 90), size=R.randint(2000, 3000000))
    else:
        d = nb.rsplit("/", 1)[0] if "/" in nb else ""
        s.think(10, 60)
        s.xhr("%s/api/contents/%s?content=1&hash=0&%d" % (pre, "/".join(euri(p) for p in d.split("/")), s.ms()), gap=0.1)


@kind("code-server", "code-server-user", 8,
      "code-server in the browser: ?folder=/home/coder/... workspaces, the stable-<commit> websockets with reconnectionToken, vscode-remote-resource paths, the port proxy")
def k_codeserver(s):
    s.setup(browser(DEV), org_host(pick(["code", "ide", "dev"])))
    commit = build_id(s.host, "cs", 40)
    folder = pick(["/home/coder/projects/billing-api", "/home/coder/src/storefront", "/home/coder/work/etl-jobs",
                   "/home/coder/projects/waf-rules", "/workspace"])
    lr = None
    if chance(0.25):
        s.nav("/?folder=" + wq(folder), 302, ref=None, think=(0, 1), setpage=False)
        s.nav("/login?to=" + euri("/?folder=" + folder), 200, ref=None, think=(0.1, 0.4),
              assets=["/_static/src/browser/pages/login.css"])
        s.nav("/login?to=" + euri("/?folder=" + folder), 302, method="POST", think=(4, 10), setpage=False)
        lr = s.url("/login?to=" + euri("/?folder=" + folder))
    s.nav("/?folder=" + wq(folder), 200, ref=lr, think=(0, 1), assets=[
        "/stable-%s/static/out/vs/code/browser/workbench/workbench.js" % commit,
        "/stable-%s/static/out/vs/workbench/workbench.web.main.css" % commit, "/_static/src/browser/media/favicon-dark-support.svg",
        "/manifest.json"])
    for _ in range(2):
        s.xhr("/stable-%s?reconnectionToken=%s&reconnection=false&skipWebSocketFrames=false" % (commit, guid()), status=101, gap=R.uniform(0.1, 0.8))
    tkn = alnum(32)
    for ext in sample(["ms-python.python-2026.0.0-universal/images/icon.png", "dbaeumer.vscode-eslint-3.0.10/eslint_icon.png",
                       "redhat.vscode-yaml-1.17.0/icon.png", "mtxr.sqltools-0.28.4/icons/database.svg"], R.randint(1, 2)):
        s.xhr("/stable-%s/vscode-remote-resource?path=%s&tkn=%s" % (commit, euri("/home/coder/.local/share/code-server/extensions/" + ext), tkn))
    if chance(0.6):
        port = pick([3000, 5173, 8000, 8080])
        s.think(30, 300)
        ref = s.page
        s.page = None
        s.nav("/proxy/%d/" % port, 200, ref=ref, think=(0, 1))
        s.xhr("/proxy/%d/%s" % (port, pick(["api/orders?status=failed", "api/search?q=%3Cscript%3E", "healthz", "api/users?sort=-created_at"])))


# ================================================================== messaging and cluster UIs
RABBIT_QUEUES = ["orders.created", "orders.dlq", "billing.invoice.retry", "email.outbound", "search.reindex", "payments.webhooks"]
RABBIT_FILTERS = [("orders", False), ("dlq", False), ("^orders\\.(dlq|retry)$", True), ("\\.retry$", True), ("^(billing|payments)\\.", True),
                  ("amq.gen-.*", True)]


@kind("RabbitMQ", "rabbitmq-management", 9,
      "the RabbitMQ management UI: paged queue lists with name= filters and use_regex=true, the default vhost as %2F in queue paths, get-messages posts")
def k_rabbit(s):
    s.setup(browser(DEV), org_host(pick(["rabbitmq", "mq", "broker"])))
    root = pick(["/", "/rabbitmq/"])
    s.nav(root, 200, ref=None, think=(0, 2), assets=[root + "css/main.css", root + "js/main.js", root + "img/rabbitmqlogo.svg",
                                                    root + "favicon.ico"])
    s.xhr(root + "api/whoami")
    s.xhr(root + "api/overview?lengths_age=60&lengths_incr=5&msg_rates_age=60&msg_rates_incr=5")
    for _ in range(R.randint(1, 3)):
        name, rx = pick(RABBIT_FILTERS)
        s.xhr(root + "api/queues?page=1&page_size=100&name=%s&use_regex=%s&pagination=true" % (euri(name), "true" if rx else "false"),
              gap=R.uniform(3, 30))
    q = pick(RABBIT_QUEUES)
    vh = pick(["%2F", "%2F", "shop", "billing"])
    s.xhr(root + "api/queues/%s/%s?lengths_age=60&lengths_incr=5&msg_rates_age=60&msg_rates_incr=5&data_rates_age=60&data_rates_incr=5" % (vh, euri(q)),
          gap=R.uniform(3, 20))
    s.xhr(root + "api/queues/%s/%s/bindings" % (vh, euri(q)))
    if chance(0.6):
        s.xhr(root + "api/queues/%s/%s/get" % (vh, euri(q)), "POST", gap=R.uniform(5, 40))


KAFKA_TOPICS = ["orders", "orders.dlq", "payments.events", "user-signups", "audit-log", "search-queries", "cdc.shop.public.customers"]
KAFKA_FILTERS = ['"status":"FAILED"', "A-2026-004821", "<Order", "@gmail.com", "NullPointerException", "' OR '1'='1", "DROP TABLE",
                 "../", '{"type":"refund"', "select * from"]


@kind("Kafka UI", "kafka-ui-messages", 8,
      "kafbat Kafka UI: topic search, message browsing with stringFilter= (JSON fragments, ids, a query string a user typed into a search box), smart filters by id")
def k_kafka(s):
    s.setup(browser(DEV), org_host(pick(["kafka-ui", "kafka", "streams"])))
    cl = pick(["prod", "local", "eu-west-1", "staging"])
    h = build_id(s.host, "ku", 8)
    topic = pick(KAFKA_TOPICS)
    s.nav("/ui/clusters/%s/all-topics" % cl, 200, ref=None, think=(0, 2),
          assets=["/assets/index-%s.js" % h, "/assets/index-%s.css" % build_id(s.host, "kc", 8), "/favicon/favicon.ico"])
    s.xhr("/api/authorization")
    s.xhr("/api/clusters")
    s.xhr("/api/clusters/%s/topics?%s" % (cl, qs([("page", "1"), ("perPage", "25"), ("showInternal", "false"), ("search", topic.split(".")[0]),
                                                  ("orderBy", "NAME"), ("sortOrder", "ASC")], form)))
    s.spa("/ui/clusters/%s/all-topics/%s/messages" % (cl, euri(topic)))
    s.xhr("/api/clusters/%s/topics/%s/serdes?use=DESERIALIZE" % (cl, euri(topic)), gap=R.uniform(2, 10))
    for _ in range(R.randint(1, 3)):
        pairs = [("mode", pick(["LATEST", "EARLIEST", "FROM_TIMESTAMP"])), ("limit", "100"), ("keySerde", "String"),
                 ("valueSerde", pick(["String", "SchemaRegistry"]))]
        if chance(0.3):
            s.xhr("/api/clusters/%s/topics/%s/smartfilters" % (cl, euri(topic)), "POST", gap=R.uniform(10, 60))
            pairs.append(("smartFilterId", hexs(8)))
        else:
            pairs.append(("stringFilter", pick(KAFKA_FILTERS)))
        q = qs(pairs, form)
        s.spa("/ui/clusters/%s/all-topics/%s/messages?%s" % (cl, euri(topic), q))
        s.xhr("/api/clusters/%s/topics/%s/messages/v2?%s" % (cl, euri(topic), q), gap=R.uniform(3, 40))


ARGO_APPS = ["payments", "checkout", "storefront", "billing-api", "ingress-nginx", "monitoring-stack", "shop-db-migrations"]
ARGO_LOG_FILTERS = ["ERROR", "!healthz", "SELECT", "Traceback", "status=5", "/etc/", "exec format error"]


@kind("Argo CD", "argocd-user", 10,
      "the Argo CD UI: application list search, resource-tree and application event streams, managed resources, revision metadata, pod logs with filter=")
def k_argocd(s):
    s.setup(browser(DEV), org_host(pick(["argocd", "cd", "gitops"])))
    app = pick(ARGO_APPS)
    h = build_id(s.host, "ar", 20)
    if chance(0.5):
        s.nav("/applications?proj=&sync=&autoSync=&health=&namespace=&cluster=&labels=&search=" + euri(app[:4]), 200, ref=None, think=(0, 2),
              assets=["/main.%s.js" % h, "/assets/favicon/favicon-32x32.png"])
        s.xhr("/api/v1/settings")
        s.xhr("/api/v1/stream/applications?projects=&selector=&appNamespace=")
        s.spa("/applications/argocd/%s?view=tree&resource=" % app)
    else:
        s.nav("/applications/argocd/%s?view=tree&resource=" % app, 200, ref=None, think=(0, 2),
              assets=["/main.%s.js" % h, "/assets/favicon/favicon-32x32.png"])
        s.xhr("/api/v1/settings")
    s.xhr("/api/v1/session/userinfo")
    s.xhr("/api/v1/applications/%s?appNamespace=argocd" % app)
    s.xhr("/api/v1/stream/applications?name=%s&appNamespace=argocd" % app)
    s.xhr("/api/v1/stream/applications/%s/resource-tree?appNamespace=argocd" % app)
    if chance(0.5):
        s.xhr("/api/v1/applications/%s/revisions/%s/metadata?appNamespace=argocd&sourceIndex=0&versionId=0" % (app, hexs(40)))
    if chance(0.5):
        s.xhr("/api/v1/applications/%s/managed-resources?appNamespace=argocd" % app, gap=R.uniform(5, 30))
    if chance(0.7):
        pod = "%s-%s-%s" % (app, hexs(9)[:R.randint(8, 10)], lalnum(5))
        node = "/Pod/%s/%s/0" % (app, pod)
        s.spa("/applications/argocd/%s?view=tree&resource=&node=%s&tab=logs" % (app, euri(node)))
        f = pick(ARGO_LOG_FILTERS)
        s.xhr("/api/v1/applications/%s/logs?%s" % (app, qs([("appNamespace", "argocd"), ("namespace", app), ("podName", pod),
                                                             ("container", pick(["app", "api", "worker"])), ("tailLines", "1000"),
                                                             ("follow", "true"), ("sinceSeconds", "0"), ("filter", f),
                                                             ("previous", "false"), ("matchCase", "false")], euri)),
              gap=R.uniform(5, 30))


@kind("Kubernetes Dashboard", "kubernetes-dashboard-user", 9,
      "Kubernetes Dashboard v7: pod lists with filterBy=name,..., log views with logFilePosition and offsets, secrets and config maps, the raw YAML view, an exec shell over SockJS")
def k_k8sdash(s):
    s.setup(browser(DEV), org_host(pick(["k8s", "dashboard", "kube"])))
    ns = pick(["shop", "payments", "monitoring", "default", "ingress-nginx"])
    h = build_id(s.host, "kd", 16)
    s.nav("/", 200, ref=None, think=(0, 2), assets=["/main.%s.js" % h, "/styles.%s.css" % build_id(s.host, "kds", 16), "/assets/images/kubernetes-logo.png"])
    s.xhr("/api/v1/namespace")
    s.xhr("/api/v1/settings/global")
    pl = [("itemsPerPage", "10"), ("page", "1"), ("sortBy", "d,creationTimestamp")]
    if chance(0.5):
        pl.insert(0, ("filterBy", "name," + pick(["checkout", "api", "worker", "nginx"])))
    s.xhr("/api/v1/pod/%s?%s" % (ns, "&".join("%s=%s" % kv for kv in pl)), gap=R.uniform(1, 6))
    pod = "%s-%s-%s" % (pick(["checkout-api", "worker", "web", "cron-reports"]), hexs(10), lalnum(5))
    cont = pick(["app", "api", "nginx", "php-fpm"])
    s.xhr("/api/v1/pod/%s/%s" % (ns, pod), gap=R.uniform(3, 20))
    r = R.random()
    if r < 0.45:
        s.xhr("/api/v1/log/source/%s/%s/pod" % (ns, pod))
        s.xhr("/api/v1/log/%s/%s/%s?logFilePosition=end&referenceTimestamp=newest&referenceLineNum=0&offsetFrom=2000000000&offsetTo=2000000100&previous=false" % (ns, pod, cont))
        if chance(0.5):
            s.xhr("/api/v1/log/file/%s/%s/%s?previous=false" % (ns, pod, cont), gap=R.uniform(5, 30), size=R.randint(20000, 2000000))
    elif r < 0.75:
        s.xhr("/api/v1/pod/%s/%s/shell/%s" % (ns, pod, cont), gap=R.uniform(3, 20))
        sid = hexs(32)
        s.xhr("/api/sockjs/info?%s&t=%d" % (sid, s.ms()))
        s.xhr("/api/sockjs/%03d/%s/websocket?%s" % (R.randint(0, 999), lalnum(8), sid), status=101)
    else:
        s.xhr("/api/v1/secret/%s?itemsPerPage=10&page=1&sortBy=d,creationTimestamp" % ns, gap=R.uniform(3, 20))
        s.xhr("/api/v1/configmap/%s/%s" % (ns, pick(["app-config", "nginx-conf", "php-ini"])))
        s.xhr("/api/v1/_raw/deployment/namespace/%s/name/%s" % (ns, pod.rsplit("-", 2)[0]), gap=R.uniform(3, 20))


@kind("Portainer", "portainer-user", 9,
      "Portainer: the Docker API proxied under /api/endpoints/1/docker with filters= JSON, container logs, an exec console over /api/websocket/exec, stack files")
def k_portainer(s):
    s.setup(browser(DEV), org_host(pick(["portainer", "docker", "containers"])))
    h = build_id(s.host, "pt", 20)
    s.nav("/", 200, ref=None, think=(0, 2), assets=["/main.%s.js" % h, "/vendor.%s.js" % build_id(s.host, "ptv", 20), "/dc4d092847be46242d8c013d1bc7c494.png"])
    s.xhr("/api/status")
    s.xhr("/api/users/me")
    ep = pick(["1", "2", "3"])
    if chance(0.5):
        filt = jdump({"label": ["com.docker.compose.project=" + pick(["shop", "wordpress", "monitoring"])]})
        s.xhr("/api/endpoints/%s/docker/containers/json?all=1&filters=%s" % (ep, euri(filt)), gap=R.uniform(2, 10))
    else:
        s.xhr("/api/endpoints/%s/docker/containers/json?all=1" % ep, gap=R.uniform(2, 10))
    cid = hexs(64)
    s.xhr("/api/endpoints/%s/docker/containers/%s/json" % (ep, cid), gap=R.uniform(3, 20))
    r = R.random()
    if r < 0.45:
        for _ in range(R.randint(1, 2)):
            s.xhr("/api/endpoints/%s/docker/containers/%s/logs?since=0&stderr=1&stdout=1&tail=%d&timestamps=0" % (ep, cid, pick([100, 1000])),
                  gap=R.uniform(2, 30))
    elif r < 0.8:
        s.xhr("/api/endpoints/%s/docker/containers/%s/exec" % (ep, cid), "POST", gap=R.uniform(5, 30))
        s.xhr("/api/websocket/exec?endpointId=%s&id=%s" % (ep, hexs(64)), status=101)
    else:
        s.xhr("/api/stacks?filters=%s" % euri(jdump({"EndpointID": int(ep), "IncludeOrphanedStacks": True})), gap=R.uniform(3, 20))
        s.xhr("/api/stacks/%d/file" % R.randint(1, 30))


@kind("Traefik", "traefik-dashboard", 6,
      "the Traefik dashboard: overview, router and middleware lists with search=, router details whose names carry @docker and @file")
def k_traefik(s):
    s.setup(browser(DEV), org_host(pick(["traefik", "proxy", "edge"])))
    h = build_id(s.host, "tf", 8)
    s.nav("/dashboard/", 200, ref=None, think=(0, 2), assets=["/dashboard/assets/index.%s.js" % h, "/dashboard/assets/index.%s.css" % h,
                                                            "/dashboard/icons/favicon-32x32.png"])
    s.xhr("/api/version")
    s.xhr("/api/overview")
    s.xhr("/api/entrypoints")
    for _ in range(R.randint(1, 3)):
        what = pick(["routers", "routers", "services", "middlewares"])
        term = pick(["", "api", "wp", "phpmyadmin", "grafana", "redirect", "strip"])
        s.xhr("/api/http/%s?search=%s&status=&plugin=&per_page=10&page=1" % (what, euri(term)), gap=R.uniform(3, 20))
    name = pick(["api-secure@docker", "wordpress@docker", "phpmyadmin@file", "grafana@kubernetescrd", "redirect-to-https@file",
                 "strip-api-prefix@docker"])
    s.xhr("/api/http/%s/%s" % (pick(["routers", "middlewares"]), name), gap=R.uniform(3, 20))


@kind("Consul", "consul-ui", 7,
      "the Consul UI: service lists with blocking index=, health checks, KV listings with ?keys&separator=%2F and key reads and a save")
def k_consul(s):
    s.setup(browser(DEV), org_host(pick(["consul", "sd"])))
    dc = pick(["dc1", "eu-west", "fra1"])
    h = build_id(s.host, "cn", 32)
    s.nav("/ui/%s/services" % dc, 200, ref=None, think=(0, 2), assets=["/ui/assets/consul-ui-%s.js" % h, "/ui/assets/vendor-%s.js" % build_id(s.host, "cv", 32),
                                                                    "/ui/assets/favicon.ico"])
    s.xhr("/v1/catalog/datacenters")
    s.xhr("/v1/acl/token/self?dc=%s" % dc)
    idx = R.randint(100000, 9000000)
    s.xhr("/v1/internal/ui/services?dc=%s" % dc)
    s.xhr("/v1/internal/ui/services?dc=%s&index=%d" % (dc, idx), gap=R.uniform(5, 60))
    if chance(0.5):
        svc = pick(["checkout", "payments-api", "postgres", "redis", "web"])
        s.spa("/ui/%s/services/%s/instances" % (dc, svc))
        s.xhr("/v1/health/service/%s?dc=%s" % (svc, dc), gap=R.uniform(3, 20))
    prefix = pick(["config/shop/", "config/payments/", "feature-flags/", "app/billing/db/"])
    s.spa("/ui/%s/kv/%s" % (dc, prefix))
    s.xhr("/v1/kv/%s?keys&dc=%s&separator=%%2F" % (prefix, dc), gap=R.uniform(3, 20))
    key = prefix + pick(["database_url", "search_query_template", "allowed_origins", "sql_slow_log_threshold", "cache/ttl"])
    s.spa("/ui/%s/kv/%s/edit" % (dc, key))
    s.xhr("/v1/kv/%s?dc=%s" % (key, dc), gap=R.uniform(2, 10))
    if chance(0.3):
        s.xhr("/v1/kv/%s?dc=%s&flags=0" % (key, dc), "PUT", gap=R.uniform(10, 60))


# ================================================================== documentation, forum, security blog
DOCS_HOST = "docs.corvid-lang.org"
FORUM_HOST = "discuss.corvid-lang.org"
BLOG_HOST = "blog.redlantern-security.com"

DOC_PAGES = ["library/sqlite3.html", "library/subprocess.html", "library/os.path.html", "library/pathlib.html", "library/shlex.html",
             "library/html.html", "library/logging.html", "library/string.html", "library/urllib.parse.html", "library/pickle.html",
             "reference/lexical_analysis.html", "howto/sockets.html", "library/shutil.html", "library/tempfile.html", "faq/programming.html"]
DOC_SEARCHES = ["select * from users where id = 1", "<script> tag defer", "../ relative path", "bash -c", "${jndi}",
                "cat /etc/passwd permission denied", "os.system vs subprocess", "eval() security", "exec(open(", "sql injection parameterized query",
                "rm -rf", "%s format string", "__import__('os')", "pickle.loads untrusted", "path traversal ..\\", "quote('/')", "' or 1=1",
                "<!DOCTYPE", "{{ template }}", "yaml.load Loader", "chmod 777", "/bin/sh -c exit status", "shell=True", "DROP TABLE if exists",
                "file:///", "<?xml version", "sleep(5)", "input() eval", "&& ||", "; semicolon statements"]


def docs_assets(v):
    return ["/%s/_static/pygments.css" % v, "/%s/_static/basic.css" % v, "/%s/_static/doctools.js" % v,
            "/%s/_static/documentation_options.js" % v, "/%s/_static/favicon.png" % v]


@kind("Docs, forum and blog", "docs-site-search", 20,
      "a programming language's Sphinx documentation: search.html?q= with code as the query (select * from users where id = 1, <script> tag defer, ../, bash -c, ${jndi}), searchindex.js, result pages with ?highlight=")
def k_docs(s):
    s.setup(browser(READER), DOCS_HOST)
    v = pick(["3.2", "3.2", "3.1", "dev"])
    first = "/%s/%s" % (v, pick(DOC_PAGES))
    s.nav(first, 200, ref=pick(["https://www.google.com/", "https://duckduckgo.com/", "https://www.bing.com/", None,
                                "https://%s/t/%s/%d" % (FORUM_HOST, "how-do-i-read-a-file-relative-to-the-script", R.randint(1000, 60000))]),
          think=(0, 2), assets=docs_assets(v))
    for _ in range(R.randint(1, 3)):
        term = pick(DOC_SEARCHES)
        s.nav("/%s/search.html?q=%s&check_keywords=yes&area=default" % (v, form(term)), think=(5, 60),
              assets=["/%s/_static/searchtools.js" % v, "/%s/_static/language_data.js" % v])
        s.xhr("/%s/searchindex.js" % v, gap=R.uniform(0.05, 0.3), size=R.randint(300000, 1200000))
        if chance(0.7):
            words = [w for w in term.split() if w][:4]
            s.nav("/%s/%s?highlight=%s" % (v, pick(DOC_PAGES), form(" ".join(words))), think=(3, 30))


FORUM_TOPICS = ["why-does-subprocess-run-with-bash-c-ignore-my-quotes", "cat-etc-passwd-permission-denied-inside-container",
                "how-do-i-escape-script-in-templates", "select-from-users-where-id-1-returns-nothing", "relative-import-with-dots-fails",
                "is-there-a-log4j-jndi-lookup-equivalent-in-corvid", "string-interpolation-vs-format-for-sql", "reading-etc-hosts-on-windows",
                "eval-vs-ast-literal-eval", "path-join-with-absolute-second-argument"]
FORUM_SEARCHES = ["select * from users where id = 1", "<script>", 'bash -c "echo $HOME"', "${jndi:ldap", "../", "/etc/passwd",
                  "' or 1=1 --", 'exec("rm', "os.popen", "<iframe", "drop table", "%00 null byte", "C:\\Windows\\System32", "{{config}}"]


@kind("Docs, forum and blog", "forum-code-search", 18,
      "the language's Discourse forum: header quick search /search/query?term= and full search /search?q= with code, topics whose slugs name the problem, timings and message-bus polls")
def k_forum(s):
    s.setup(browser(READER), FORUM_HOST)
    h = build_id(FORUM_HOST, "dc", 32)
    s.nav(pick(["/", "/latest", "/c/help/5"]), 200, ref=pick([None, "https://www.google.com/", "https://%s/3.2/" % DOCS_HOST]), think=(0, 2),
          assets=["/assets/discourse-%s.js" % h, "/stylesheets/desktop_%s.css?__ws=%s" % (build_id(FORUM_HOST, "ds", 40), FORUM_HOST),
                  "/uploads/default/optimized/1X/%s_2_32x32.png" % build_id(FORUM_HOST, "fv", 40)])
    if chance(0.5):
        s.xhr("/message-bus/%s/poll" % hexs(32), "POST")
    term = pick(FORUM_SEARCHES)
    for i in range(R.randint(1, 3)):
        s.xhr("/search/query?term=%s&include_blurbs=true" % form(term[:max(3, len(term) - 2 + i)]), gap=R.uniform(0.4, 1.5))
    s.think(2, 10)
    s.spa("/search?q=%s" % euri(term))
    s.xhr("/search?q=%s&page=1" % euri(term), gap=0.3)
    for _ in range(R.randint(1, 2)):
        slug = pick(FORUM_TOPICS)
        tid = R.randint(1200, 64000)
        s.think(5, 40)
        s.spa("/t/%s/%d" % (slug, tid))
        s.xhr("/t/%d.json?track_visit=true&forceLoad=true" % tid, gap=0.2)
        s.xhr("/topics/timings", "POST", gap=R.uniform(5, 40))


BLOG_POSTS = ["/2025/11/why-or-1-1-still-works-on-legacy-login-forms/", "/2025/09/a-field-guide-to-path-traversal/",
              "/2025/06/reading-waf-logs-without-panicking/", "/2024/10/xss-in-2024-where-script-tags-still-slip-through/",
              "/2026/01/ssti-in-jinja-and-twig-a-primer/", "/2025/03/blind-sql-injection-with-sleep-explained/",
              "/2024/05/what-xxe-looks-like-in-your-logs/"]
LOG4J_POSTS = ["/2021/12/log4shell-explained-what-jndi-ldap-actually-does/", "/2022/01/detecting-jndi-lookups-in-your-logs/",
               "/2022/02/log4shell-obfuscation-lower-upper-and-env-lookups/", "/2023/12/two-years-after-log4shell/"]
BLOG_SEARCHES = ["' or 1=1", "' OR '1'='1' --", "union select null,null", "<script>alert(1)</script>", "onerror=", "../../etc/passwd",
                 "sleep(5)", ";cat /etc/passwd", "{{7*7}}", "<svg onload>", "xp_cmdshell", "%00", "file:///etc/passwd", "php://filter",
                 "<!ENTITY xxe", "() { :; };", "waitfor delay", "admin'--", "1; DROP TABLE users"]
LOG4J_SEARCHES = ["${jndi:ldap://", "jndi:ldap", "${jndi:", "${${lower:j}ndi", "log4j 2.17", "${env:AWS_SECRET_ACCESS_KEY}"]


def blog_assets():
    return ["/wp-content/themes/kadence/assets/css/all.min.css?ver=1.2.14", "/wp-includes/js/jquery/jquery.min.js?ver=3.7.1",
            "/wp-content/themes/kadence/assets/js/navigation.min.js?ver=1.2.14", "/wp-content/uploads/2025/06/redlantern-logo.svg"]


def k_blog(s, posts, searches):
    s.setup(browser(READER), BLOG_HOST)
    first = pick(posts + ["/"])
    s.nav(first, 200, ref=pick(["https://www.google.com/", "https://news.ycombinator.com/", "https://www.reddit.com/", None,
                                "https://duckduckgo.com/"]), think=(0, 2), assets=blog_assets())
    for _ in range(R.randint(1, 3)):
        s.nav("/?s=%s" % form(pick(searches)), think=(10, 120), assets=blog_assets()[:1])
        if chance(0.7):
            s.nav(pick(posts), think=(5, 40))
            if chance(0.3):
                s.xhr("/wp-json/wp/v2/comments?post=%d&per_page=50&_locale=user" % R.randint(100, 900))
    if chance(0.15):
        s.nav("/wp-comments-post.php", 302, method="POST", think=(60, 300), setpage=False)


@kind("Docs, forum and blog", "security-blog-search", 12,
      "readers of a web-security blog searching it with /?s= for the payloads its posts explain (' or 1=1, <script>alert(1)</script>, ../../etc/passwd, {{7*7}})")
def k_blog_search(s):
    k_blog(s, BLOG_POSTS, BLOG_SEARCHES)


@kind("Docs, forum and blog", "security-blog-log4shell-reader", 6,
      "readers of the same blog's Log4Shell explainers, whose searches are ${jndi:ldap:// and its obfuscations")
def k_blog_log4j(s):
    k_blog(s, LOG4J_POSTS, LOG4J_SEARCHES)


# ================================================================== webmail, files, CMS, analytics
RC_SEARCHES = ["invoice", "password reset", "SQL error", "[FIRING:1]", "from:jenkins", "ORA-00942", "<noreply@github.com>",
               "Undelivered Mail", "cron <root@web-01>", "SELECT * FROM", "Rechnung März", "../", "DMARC report"]


@kind("Webmail", "roundcube-user", 12,
      "Roundcube: list loads with _remote=1&_unlock=loading..., previews with _caps=pdf%3D1..., searches whose _q= holds what a person typed, attachment downloads, the periodic refresh")
def k_roundcube(s):
    s.setup(browser(OFFICE), org_host(pick(["webmail", "mail"])))
    v = digits(10)
    assets = ["/skins/elastic/deps/bootstrap.min.css?s=" + v, "/skins/elastic/styles/styles.min.css?s=" + v, "/program/js/app.min.js?s=" + v,
              "/skins/elastic/images/favicon.ico?s=" + v]
    mbox = pick(["INBOX", "INBOX", "INBOX/Jenkins", "INBOX.Alerts", "Archive/2025"])
    lr = None
    if chance(0.3):
        s.nav("/?_task=login", 200, ref=None, think=(0, 1), assets=assets)
        s.nav("/?_task=login", 302, method="POST", think=(5, 15), setpage=False)
        lr = s.url("/?_task=login")
    s.nav("/?_task=mail&_mbox=" + euri(mbox), 200, ref=lr, think=(0.2, 1), assets=assets)
    s.xhr("/?_task=mail&_action=list&_refresh=1&_layout=widescreen&_mbox=%s&_page=&_remote=1&_unlock=loading%d" % (euri(mbox), s.ms()))
    caps = "pdf%3D1%2Cflash%3D0%2Ctiff%3D0%2Cwebp%3D1%2Cpgpmime%3D0"
    for _ in range(R.randint(1, 3)):
        uid = R.randint(100, 40000)
        s.req("GET", "/?_task=mail&_caps=%s&_uid=%d&_mbox=%s&_framed=1&_action=preview" % (caps, uid, euri(mbox)), gap=R.uniform(4, 60))
        if chance(0.3):
            s.req("GET", "/?_task=mail&_action=get&_mbox=%s&_uid=%d&_part=2&_download=1" % (euri(mbox), uid), gap=R.uniform(3, 30),
                  size=R.randint(20000, 2000000))
    if chance(0.7):
        q = pick(RC_SEARCHES)
        s.think(10, 60)
        s.xhr("/?_task=mail&_action=search&_q=%s&_headers=text&_layout=widescreen&_filter=ALL&_scope=base&_mbox=%s&_remote=1&_unlock=loading%d" % (
            euri(q), euri(mbox), s.ms()), gap=0.1)
        uid = R.randint(100, 40000)
        s.req("GET", "/?_task=mail&_caps=%s&_uid=%d&_mbox=%s&_search=%s&_framed=1&_action=preview" % (caps, uid, euri(mbox), hexs(32)),
              gap=R.uniform(3, 20))
    if chance(0.5):
        s.xhr("/?_task=mail&_action=refresh", "POST", gap=R.uniform(55, 65))


@kind("Webmail", "sogo-user", 5,
      "SOGo webmail and calendar: account and folder views for a login with @ in the path, message list posts, message views, week event blocks")
def k_sogo(s):
    s.setup(browser(OFFICE), org_host(pick(["mail", "groupware"])))
    f, l = person()
    u = euri("%s.%s@%s" % (f, l, s.host.split(".", 1)[1]))
    lm = digits(10)
    s.nav("/SOGo/so/%s/Mail/view" % u, 200, ref=None, think=(0, 2),
          assets=["/SOGo.woa/WebServerResources/css/styles.css?lm=" + lm, "/SOGo.woa/WebServerResources/js/Common.js?lm=" + lm,
                  "/SOGo.woa/WebServerResources/js/Mailer.js?lm=" + lm, "/SOGo.woa/WebServerResources/img/sogo.ico"])
    s.xhr("/SOGo/so/%s/Mail/mailAccounts" % u)
    s.xhr("/SOGo/so/%s/Mail/0/view" % u)
    folder = pick(["folderINBOX", "folderINBOX/folderAlerts", "folderINBOX/folderJenkins", "folderSent"])
    s.xhr("/SOGo/so/%s/Mail/0/%s/view" % (u, folder), "POST")
    s.xhr("/SOGo/so/%s/Mail/0/%s/headers" % (u, folder), "POST")
    for _ in range(R.randint(1, 3)):
        uid = R.randint(10, 30000)
        s.xhr("/SOGo/so/%s/Mail/0/%s/%d/view" % (u, folder, uid), gap=R.uniform(5, 60))
    if chance(0.5):
        s.nav("/SOGo/so/%s/Calendar/view" % u, think=(10, 60))
        s.xhr("/SOGo/so/%s/Calendar/eventsblocks?sd=20260202&ed=20260208&view=weekview" % u)


NC_DIRS = ["Projects/2026 Q1", "Fotos/Überstunden 2026", "Shared/Marketing & Sales", "Backups", "Recipes", "資料", "Scans",
           "Documents/Contracts", "Dev", "Notes"]
NC_FILES = ["Backups/db.2026-01-31.sql.gz", "Notes/meeting..draft.md", "Recipes/crème brûlée.pdf", "資料/見積書_v2.xlsx",
            "Scans/2026-02-03 Rechnung Nr. 4711.pdf", "Documents/Contracts/contract (final) [signed].pdf", "Dev/.env.example",
            "Dev/v1.2..v1.3 changes.txt", "Fotos/Überstunden 2026/Émile's birthday.jpg", "Projects/2026 Q1/budget_#3.ods",
            "Dev/scripts/restore.sh", "Notes/.hidden..backup", "Shared/Marketing & Sales/Q1 – plan.pptx"]


def nc_path(p):
    return "/".join(euri(x) for x in p.split("/"))


@kind("Nextcloud", "nextcloud-files-user", 12,
      "the Nextcloud Files app: dir= paths with spaces, dots, & and non-ASCII, WebDAV PROPFIND listings, previews, share lookups, downloads and uploads (no Referer: Nextcloud sends Referrer-Policy no-referrer)")
def k_nextcloud(s):
    s.setup(browser(OFFICE + DEV), org_host(pick(["cloud", "files", "nextcloud"])), referrer=False)
    u = login()
    pre = pick(["", "/index.php"])
    v = hexs(8)
    d = pick(NC_DIRS)
    dq = "/" + "/".join(euri(x) for x in d.split("/"))
    s.nav("%s/apps/files/files?dir=%s" % (pre, dq), 200, ref=None, think=(0, 2),
          assets=["/dist/core-main.js?v=" + v, "/dist/files-main.js?v=" + v, "/core/img/favicon.ico"])
    s.xhr("/ocs/v2.php/apps/notifications/api/v2/notifications?format=json")
    s.xhr("/remote.php/dav/files/%s/%s/" % (euri(u), nc_path(d)), "PROPFIND", status=207)
    for _ in range(R.randint(1, 3)):
        s.xhr("/index.php/core/preview?fileId=%d&x=32&y=32&mimeFallback=true&a=0&etag=%s" % (R.randint(1000, 900000), hexs(32)), gap=R.uniform(0.05, 0.4))
    for f in sample(NC_FILES, R.randint(1, 3)):
        r = R.random()
        if r < 0.5:
            small = f.endswith((".md", ".txt", ".example", ".sh", ".backup"))
            s.xhr("/remote.php/dav/files/%s/%s" % (euri(u), nc_path(f)), gap=R.uniform(5, 60),
                  size=R.randint(120, 9000) if small else R.randint(20000, 8000000))
        elif r < 0.8:
            s.xhr("/ocs/v2.php/apps/files_sharing/api/v1/shares?format=json&path=%s&reshares=true" % euri("/" + f), gap=R.uniform(5, 40))
        else:
            s.xhr("/remote.php/dav/files/%s/%s" % (euri(u), nc_path(f)), "PUT", status=201, gap=R.uniform(5, 60))
    if chance(0.4):
        s.xhr("/ocs/v2.php/apps/user_status/api/v1/user_status/heartbeat?format=json", "PUT", gap=R.uniform(60, 300))


WP_SITES = ["www.marlowe-retail.co.uk", "blog.quillpoint.dev", "www.orchard-health.org", "news.vantor-games.com", BLOG_HOST]
WP_VER = "6.9"
WP_ADMIN_CSS = "/wp-admin/load-styles.php?c=0&dir=ltr&load%5Bchunk_0%5D=dashicons,admin-bar,common,forms,admin-menu,dashboard,list-tables,edit,revisions,media,themes,about,nav-menus,wp-pointer,widgets&load%5Bchunk_1%5D=,site-icon,l10n,buttons,wp-auth-check&ver=" + WP_VER
WP_ADMIN_JS = "/wp-admin/load-scripts.php?c=0&load%5Bchunk_0%5D=jquery-core,jquery-migrate,utils&ver=" + WP_VER
WP_POST_SEARCH = ["sql injection", "<script>", "log4j", "password reset", "union select", "../", "onerror", "Black Friday", "cron"]
WP_LINK_SEARCH = ["sql injection", "path traversal", "xss", "jndi", "privacy policy", "contact"]


@kind("WordPress", "wordpress-admin-user", 16,
      "WordPress site owners and editors: block editor REST calls, link search, admin-ajax actions, the Customizer opened with ?url=, plugin and theme file editor page visits, list searches")
def k_wp(s):
    site = pick(WP_SITES)
    s.setup(browser(OFFICE + DEV), site)
    lr = None
    if chance(0.35):
        lg = "/wp-login.php?redirect_to=%s&reauth=1" % euri("https://%s/wp-admin/" % site)
        s.nav("/wp-admin/", 302, ref=None, think=(0, 1), setpage=False)
        s.nav(lg, 200, ref=None, think=(0.1, 0.4), assets=["/wp-admin/css/login.min.css?ver=" + WP_VER])
        s.nav("/wp-login.php", 302, method="POST", think=(5, 15), setpage=False)
        lr = s.url(lg)
    s.nav("/wp-admin/", 200, ref=lr, think=(0.2, 2), assets=[WP_ADMIN_CSS, WP_ADMIN_JS])
    if chance(0.15):
        s.xhr("/wp-admin/admin-ajax.php?action=wp-compression-test&test=1&_ajax_nonce=%s&%d" % (hexs(10), s.ms()))
    s.xhr("/wp-admin/admin-ajax.php", "POST", gap=R.uniform(15, 60))
    r = R.random()
    if r < 0.4:
        pid = R.randint(50, 9000)
        s.nav("/wp-admin/post.php?post=%d&action=edit" % pid, think=(5, 30))
        s.xhr("/wp-json/wp/v2/posts/%d?context=edit&_locale=user" % pid)
        s.xhr("/wp-json/wp/v2/users/me?_locale=user")
        if chance(0.6):
            s.xhr("/wp-json/wp/v2/search?search=%s&per_page=20&type=post&_locale=user" % euri(pick(WP_LINK_SEARCH)), gap=R.uniform(20, 120))
        s.xhr("/wp-json/wp/v2/posts/%d/autosaves?_locale=user" % pid, "POST", gap=R.uniform(30, 120))
        if chance(0.4):
            s.nav("/?p=%d&preview=true" % pid, think=(5, 30))
    elif r < 0.6:
        page = pick(BLOG_POSTS + ["/", "/about/", "/shop/"])
        s.nav("/wp-admin/customize.php?url=%s" % euri("https://%s%s" % (site, page)), think=(5, 40))
        s.xhr("/?customize_changeset_uuid=%s&customize_theme=%s&customize_messenger_channel=preview-0" % (guid(), pick(["twentytwentyfive", "kadence", "astra"])))
        s.xhr("/wp-admin/admin-ajax.php", "POST", gap=R.uniform(30, 200))
    elif r < 0.8:
        if chance(0.6):
            pl, fl = pick([("akismet/akismet.php", "akismet/class.akismet.php"), ("woocommerce/woocommerce.php", "woocommerce/includes/class-wc-ajax.php"),
                           ("contact-form-7/wp-contact-form-7.php", "contact-form-7/includes/formatting.php")])
            s.nav("/wp-admin/plugin-editor.php?plugin=%s&Submit=Select" % euri(pl), think=(5, 40))
            s.nav("/wp-admin/plugin-editor.php?file=%s&plugin=%s" % (euri(fl), euri(pl)), think=(5, 40))
        else:
            th = pick(["twentytwentyfive", "kadence-child", "astra"])
            s.nav("/wp-admin/theme-editor.php?file=functions.php&theme=%s" % th, think=(5, 40))
            s.nav("/wp-admin/theme-editor.php?file=%s&theme=%s" % (euri(pick(["header.php", "style.css", "inc/template-tags.php"])), th), think=(5, 40))
    else:
        term = pick(WP_POST_SEARCH)
        s.nav("/wp-admin/edit.php?s=%s&post_status=all&post_type=post&action=-1&m=0&cat=0&filter_action=Filter&paged=1&action2=-1" % form(term),
              think=(5, 40))
        if chance(0.5):
            s.nav("/wp-admin/edit-comments.php?comment_status=%s&s=%s" % (pick(["all", "spam", "moderated"]), form(pick(["<a href", "http://", "casino", "' or"]))),
                  think=(5, 40))
        if chance(0.4):
            s.nav("/wp-admin/plugin-install.php?s=%s&tab=search&type=term" % form(pick(["firewall", "code snippets", "sql", "2fa"])), think=(5, 40))


MATOMO_SEGMENTS = ["pageUrl=@%2Fcheckout", "pageUrl=@%2Fwp-login.php", "referrerUrl=@google.", "browserCode==FF;deviceType==smartphone",
                   "pageTitle=@Order%2520confirmation", "visitorType==returning;countryCode==de",
                   "pageUrl=^https%253A%252F%252Fshop.marlowe-retail.co.uk%252Fproduct%252F", "actionType==downloads;downloadUrl=@.pdf",
                   "siteSearchKeyword=@%2522", "pageUrl!@%2Fadmin,referrerType==search", "eventCategory==Forms;eventAction=@submit"]


@kind("Matomo", "matomo-analyst", 10,
      "Matomo reports: CoreHome pages (state in the hash), Proxy asset URLs, widget and API posts whose segment= carries a definition like pageUrl=@%2Fcheckout encoded twice")
def k_matomo(s):
    s.setup(browser(OFFICE), org_host(pick(["stats", "analytics", "matomo"])))
    root = pick(["/", "/matomo/"])
    site = R.randint(1, 12)
    date = pick(["yesterday", "today", "2026-02-03"])
    period = pick(["day", "day", "week", "month"])
    cb = hexs(32)
    s.nav(root + "index.php?module=CoreHome&action=index&idSite=%d&period=%s&date=%s" % (site, period, date), 200, ref=None, think=(0, 2),
          assets=[root + "index.php?module=Proxy&action=getCss&cb=" + cb, root + "index.php?module=Proxy&action=getCoreJs&cb=" + cb,
                  root + "index.php?module=Proxy&action=getNonCoreJs&cb=" + cb, root + "plugins/CoreHome/images/favicon.png"])
    seg = pick(MATOMO_SEGMENTS)
    s.xhr(root + "index.php?date=%s&format=json&idSite=%d&method=API.getSuggestedValuesForSegment&module=API&period=%s&segmentName=%s" % (
        date, site, period, seg.split("=")[0].split("!")[0]), "POST", gap=R.uniform(5, 30))
    for w in sample([("VisitsSummary", "getEvolutionGraph", "graphEvolution"), ("Actions", "getPageUrls", "table"),
                     ("Referrers", "getReferrerType", "tableAllColumns"), ("Live", "getLastVisitsDetails", "VisitorLog"),
                     ("Goals", "getEvolutionGraph", "graphEvolution")], R.randint(2, 4)):
        s.xhr(root + "index.php?forceView=1&viewDataTable=%s&module=%s&action=%s&idSite=%d&period=%s&date=%s&segment=%s&widget=1&disableLink=0" % (
            w[2], w[0], w[1], site, period, date, euri(seg)), "POST", gap=R.uniform(0.1, 1.5))
    if chance(0.4):
        s.xhr(root + "index.php?module=API&format=json&method=SegmentEditor.add&idSite=%d&period=%s&date=%s" % (site, period, date), "POST",
              gap=R.uniform(20, 120))


# ================================================================== driver
def _bad_chars(s):
    return any(c <= " " or c > "~" or c in '"\\' for c in s)


def build():
    net = ipaddress.ip_network(NET)
    total = sum(k[2] for k in KINDS)
    hosts = [str(net.network_address + i) for i in range(1, net.num_addresses - 1)
             if (int(net.network_address) + i) & 0xFF not in (0, 255)]
    addrs = R.sample(hosts, total)
    ai = 0
    events, labels, meta = [], [], []
    for group, kname, count, fn, _ in KINDS:
        for _ in range(count):
            for attempt in range(300):
                t0 = start_time(office=chance(0.85))
                OFFSET[0] = t0
                s = Src(kname, None, "x")
                fn(s)
                n = len(s.ev)
                if n < MIN_REQ or n > MAX_REQ:
                    continue
                if t0 + s.ev[-1][0] > 86399:
                    continue
                break
            else:
                raise SystemExit("could not fit %s in %d..%d requests" % (kname, MIN_REQ, MAX_REQ))
            ip = addrs[ai]
            ai += 1
            for e in s.ev:
                if _bad_chars(e[2]) or _bad_chars(e[5]):
                    raise SystemExit("unescaped character in %s: %r %r" % (kname, e[2], e[5]))
                events.append((t0 + e[0], ip) + tuple(e[1:]))
            labels.append((t0 + s.ev[0][0], ip, kname))
            meta.append((group, kname, ip, s.ua, n))
    events.sort(key=lambda e: (int(e[0]), e[0], e[1]))
    labels.sort(key=lambda x: (x[0], x[1]))
    return events, labels, meta


def fmt_time(t):
    d = DAY0 + datetime.timedelta(seconds=int(t))
    return d.strftime("%d/%b/%Y:%H:%M:%S +0000")


def write(name, text):
    with open(os.path.join(HERE, name), "w", newline="\n", encoding="utf-8") as f:
        f.write(text)


def main():
    events, labels, meta = build()
    write("benign.log", "".join('%s - - [%s] "%s %s HTTP/1.1" %d %d "%s" "%s"\n' % (
        ip, fmt_time(t), method, path, status, size, ref, ua) for t, ip, method, path, status, size, ref, ua in events))
    write("benign.labels", "".join("%s\tbenign\t%s\n" % (ip, k) for _, ip, k in labels))
    write("attacks.log", "")
    write("attacks.labels", "")
    if not os.path.exists(os.path.join(HERE, "accepted.tsv")):
        write("accepted.tsv", "")
    write("README.md", readme(events, labels, meta))
    if "--check" in sys.argv[1:]:
        sys.exit(check([l[1] for l in labels]))


def check(ours):
    """No address of this set may appear as the first field of another set's log, nor any of theirs in our range."""
    net = ipaddress.ip_network(NET)
    mine = dict((a, 1) for a in ours)
    here = os.path.basename(HERE)
    hits, inrange, files, seen = [], [], 0, 0
    for path in sorted(glob.glob(os.path.join(HERE, "..", "*", "*.log"))):
        if os.path.basename(os.path.dirname(path)) == here:
            continue
        files += 1
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                a = line.split(" ", 1)[0]
                seen += 1
                if a in mine:
                    hits.append((path, a))
                try:
                    if ipaddress.ip_address(a) in net:
                        inrange.append((path, a))
                except ValueError:
                    pass
    print("check: %d sources of %s against %d lines in %d other logs" % (len(ours), NET, seen, files))
    for p, a in (hits + inrange)[:20]:
        print("  collision: %s in %s" % (a, os.path.relpath(p, HERE)))
    if hits or inrange:
        print("check: FAILED (%d shared addresses, %d other-set addresses inside %s)" % (len(hits), len(inrange), NET))
        return 1
    print("check: no collisions")
    return 0


def readme(events, labels, meta):
    counts = sorted(m[4] for m in meta)
    methods, statuses = {}, {}
    noref = 0
    for e in events:
        methods[e[2]] = methods.get(e[2], 0) + 1
        statuses[e[4]] = statuses.get(e[4], 0) + 1
        noref += e[6] == "-"
    uas = []
    for m in meta:
        if m[3] not in uas:
            uas.append(m[3])

    def dist(d):
        return ", ".join("%s %s" % (k, format(v, ",")) for k, v in sorted(d.items(), key=lambda kv: (-kv[1], str(kv[0]))))
    groups = []
    for group, kname, count, _, _ in KINDS:
        if not groups or groups[-1][0] != group:
            groups.append([group, 0, []])
        groups[-1][1] += count
        groups[-1][2].append("%s %d" % (kname, count))
    table = "\n".join("| %s | %d | %s |" % (g, c, ", ".join(ks)) for g, c, ks in groups)
    kinds = "\n".join("- `%s` (%d): %s." % (kname, count, what) for _, kname, count, _, what in KINDS)
    return README.format(
        net=NET, n_src=len(labels), n_req=format(len(events), ","), first=fmt_time(events[0][0])[12:17], last=fmt_time(events[-1][0])[12:17],
        med=counts[len(counts) // 2], lo=counts[0], hi=counts[-1], methods=dist(methods), statuses=dist(statuses),
        noref=format(noref, ","), n_ua=len(uas), n_groups=len(groups), table=table, kinds=kinds, seed=SEED, minr=MIN_REQ, maxr=MAX_REQ)


README = """# benign-tools: people using tools whose URLs carry code

A held-out false-positive set. Operator and developer tools sit behind the
same reverse proxy as everything else on a busy host. Their own URLs hold
things that look like attacks, because that is what their users work with:
SQL in phpMyAdmin's `sql_query=` and Adminer's `sql=` and `where[]`, PromQL
and LogQL inside Grafana's JSON `panes=`, `{{job=~".*"}}` and `rate(...[5m])`
in Prometheus links, KQL and Lucene inside Kibana's rison `jobParams`,
rison `q=` in Superset, regular expressions in RabbitMQ and GitLab searches,
code snippets such as `SELECT * FROM users WHERE`, `<script>`, `${{jndi`,
`../` and `/etc/passwd` in code and documentation searches, file paths like
`.env.example` and `docker/rootfs/etc/passwd` in forge views, double-encoded
branch names in Jenkins, shell and exec websockets in Jupyter, Kubernetes
Dashboard and Portainer. Every source here is a person doing ordinary work
in a real browser, or one of two official command-line clients (`gh`,
`glab`). There are no scanners, crawlers or attacks. `attacks.log` and
`attacks.labels` are empty so the recall script runs on the folder.

    python3 tests/bench/data/benign-tools/gen.py          # rewrites the files below (not accepted.tsv once it exists)
    python3 tests/bench/data/benign-tools/gen.py --check  # the same, then checks addresses against the other sets
    DATA=tests/bench/data/benign-tools bash tests/bench/recall.sh policies

The recall script replays `benign.log` and reports the benign sources that
any alert names (false positives). Recall is not measured here.

| file | what |
|---|---|
| `benign.log` | nginx "combined" log, 4 Feb 2026 {first}-{last} UTC, {n_req} requests from {n_src} sources in {net} |
| `benign.labels` | `ADDRESS<TAB>benign<TAB>KIND`, one line per source, in order of first request |
| `attacks.log`, `attacks.labels` | empty |
| `accepted.tsv` | sources a maintainer accepted as flagged, each with the reason (`ADDRESS<TAB>POLICY<TAB>REASON`, no header, as in `../benign-apps6/`); empty at writing. `gen.py` creates it empty only when it is missing |
| `README.md` | this file, written by `gen.py` with the counts of the run |
| `gen.py` | writes all of them; Python 3 standard library only, seed {seed}, byte-identical on every run (no set iteration, no `hash()`) |

**Do not edit it to make a policy pass.** A line that a shipped policy
flags is a finding about the policy. If a line is not what the product
really sends, that is a bug in `gen.py`: fix it on its own merits and say
so here. A flagged source a maintainer accepts goes in `accepted.tsv` with
the reason.

## Sources per product

{n_groups} groups, {n_src} sources:

| product | sources | KIND and count |
|---|---:|---|
{table}

What each KIND does:

{kinds}

## How it was written

Without reading `policies/`, `user/`, `include/`, `bpf/`, `docs/`, the
repository README or any test code, and without running gatehawk. Of
`tests/bench/` only `recall.sh` (the format it reads),
`../benign-apps6/README.md` and `../benign-apps6/gen.py` (file
conventions), the first line of each other set's `accepted.tsv` (to see
whether they carry a header; none does) and the first field of the other
sets' `*.log`, `*.labels` and `*.tsv` files (to pick an unused range) were
read.

URL shapes come from the products' public source, documentation and
published URLs, looked up where the exact form mattered:

- Grafana: `encodeURIComponentAsAngularJS` in
  `grafana/grafana` `packages/grafana-data/src/utils/url.ts` (how `panes=`,
  `left=` and `var-` values are encoded); published Explore links with
  `schemaVersion=1&panes=` (a GitLab development doc linking
  dashboards.gitlab.net) and older `left=` links; `/api/ds/query?ds_type=...&requestId=`
  and `/api/datasources/uid/<uid>/resources/api/v1/label/<name>/values` from
  Grafana's data source code and plugin tests.
- Prometheus: `prometheus/prometheus` `web/ui/mantine-ui/src/api/api.ts` and
  `web/ui/mantine-ui/src/pages/query/Graph.tsx` (GET `query_range` with
  `URLSearchParams`); published `/query?g0.expr=...&g0.show_tree=0...` (v3) and
  `/graph?g0.expr=...&g0.tab=0&g0.stacked=0...` (v2) links.
- phpMyAdmin: the sort-link `order_link` fixtures in `phpmyadmin/phpmyadmin`'s
  results display tests and published links
  (`index.php?route=/sql&db=&table=&sql_query=...&sql_signature=<64 hex>&session_max_rows=25&is_browse_distinct=0`,
  the 4.9 `sql.php?...` form); access logs and write-ups showing
  `ajax_request=true&ajax_page_request=true&_nocache=...&token=...` and
  `js/get_scripts.js.php?scripts[]=...`.
- Adminer: the operator list in `vrana/adminer` `adminer/drivers/mysql.inc.php`
  (`LIKE %%`, `REGEXP`, ...).
- Kibana: `csv_searchsource?jobParams=(...)` in `elastic/kibana` reporting API
  tests and published scripts; `/api/console/proxy?path=...&method=` from
  public clients of the console proxy.
- Superset: `apache/superset` `superset-frontend/src/SqlLab/actions/sqlLab.ts`
  (`/api/v1/sqllab/results/?q=` with rison) and its REST API's rison `q=`.
- Redash: published `/queries/<id>/source?p_<name>=` links (including a
  `p_X=2025-06-01--2025-06-30` date range).
- Jaeger and Zipkin: published `/search?end=&limit=&lookback=&maxDuration&minDuration&service=&start=&tags=%7B...%7D`,
  `/api/traces?...`, `/zipkin/?serviceName=&lookback=&endTs=&limit=` and
  `/api/v2/traces?annotationQuery=` URLs.
- Sentry: published `/api/0/organizations/<org>/issues/?collapse=stats&expand=owners&expand=inbox&limit=25&project=&query=&shortIdLookup=1&statsPeriod=14d` calls.
- RabbitMQ: the management HTTP API reference in `rabbitmq/rabbitmq-server`
  (`page=1&page_size=100&name=&use_regex=false&pagination=true`, regex names).
- Kafka UI: `kafbat/kafka-ui` `contract/src/main/resources/swagger/kafbat-ui-api.yaml`
  (`messages/v2` with `mode`, `limit`, `stringFilter`, `smartFilterId`, `keySerde`, `valueSerde`).
- Argo CD: the UI's applications service (`applications-service.ts`,
  `/stream/applications/<name>/resource-tree?appNamespace=`) and published API calls.
- Kubernetes Dashboard: published `/api/v1/log/<ns>/<pod>/<container>?logFilePosition=end&referenceTimestamp=newest&...`
  and `?itemsPerPage=10&page=1&sortBy=d,creationTimestamp` calls.
- Portainer: its container console controller (`api/websocket/exec?` with
  `endpointId` and `id`) and published `/docker/containers/<id>/logs?since=0&stderr=1&stdout=1&tail=100&timestamps=0` calls.
- Traefik: `traefik/traefik` `pkg/api` handler tests (`/api/http/routers?search=`).
- Consul: the UI's adapter tests (`/v1/internal/ui/services?dc=`).
- GitLab: `/search?search=...&nav_source=navbar&project_id=&group_id=&search_code=true&repository_ref=&regex=`
  from gitlab-org/gitlab issue 474852 and merge request 220846; the `glab`
  User-Agent `glab/<version> (<os>, <arch>)` from `gitlab-org/cli`.
- `gh`: the User-Agent `GitHub CLI <version>`.
- Jenkins: `/job/<name>/parambuild/?PARAM=...` links as public runbooks
  publish them (GOV.UK's `run-rake-task/parambuild/?...&RAKE_TASK=task[arg]`).
- Roundcube: `_task=mail&_caps=pdf%3D1...&_uid=&_mbox=&_framed=1&_action=preview`
  from `roundcube/roundcubemail` `program/js/app.js` as quoted in public notes.
- SOGo: `/SOGo/so/<user>/Mail/0/folderINBOX/view` and related paths from
  SOGo's API doc comments and tests.
- code-server: the `stable-<commit>?reconnectionToken=<uuid>&reconnection=false&skipWebSocketFrames=false`
  websocket from published logs.
- Matomo: published report links with `segment=pageUrl%3D%40...`.

The rest is from general knowledge of the products: static asset names,
the order of some parameters, and the internal calls of Jupyter, code-server's
remote resources, WordPress, Nextcloud, Discourse, Sphinx search, Metabase,
Matomo widgets, the Argo CD log parameters, the Kubernetes Dashboard shell,
GitHub Enterprise's page XHRs and the GitLab merge request JSON endpoints.

## Addresses

{net}. Before choosing it, the first field of every `*.log` under
`tests/bench/data/` (and every address in the other sets' `.labels` and
`.tsv` files) was collected, and every /20 of 100.64.0.0/10 holding one was
struck out; this one was free. `python3 gen.py --check` repeats the check: no
address of this set may be the first field of another set's log line, and no
other set's log may use an address inside {net}. Addresses are drawn at
random from the /20, one per source, never reused.

## The model

- **A source is one person or one client**: one User-Agent, one product
  host. Hosts are fictional organisations' names (`grafana.kestrel-analytics.io`);
  several sources share a host. Browsers are current Chrome, Edge, Firefox
  (and ESR) and Safari, and on the documentation site, forum and blog also
  iPhone Safari and Android Chrome.
- **Page loads** bring the product's static assets when the cache is cold
  (about a third of sources), otherwise a few 304 revalidations or nothing;
  then the page's XHR and fetch calls.
- **Single-page apps change their URL with history.pushState**, which sends
  nothing; the server sees the state only on a full load (a shared link, a
  bookmark, a reload), and later Referers carry the new URL. State kept in
  the URL hash (Kibana Discover, Metabase's native question, the
  RabbitMQ, Portainer and Kubernetes Dashboard routes, Matomo's report
  state) is never sent and never in a Referer.
- **Referers** are the product's own page (in-app navigation), a search
  engine or forum for the first page of a reader, or none: phpMyAdmin
  (`<meta name="referrer" content="no-referrer">`) and Nextcloud
  (`Referrer-Policy: no-referrer`) send none at all, and neither do the CLIs.
- **Statuses**: mostly 200 and 304; 302 around sign-ins and redirects; 101
  for websockets (Grafana Live, Jupyter kernels and terminals, code-server,
  Portainer exec, the Kubernetes Dashboard shell); 207 for WebDAV
  PROPFIND; 201 for uploads; 403 for Jenkins before sign-in; a few 404s
  from stale links (deleted branches, moved dashboards).
- **Pacing**: people read for seconds to minutes; Grafana refreshes at its
  dashboard interval, Cerebro polls every 3 s, Roundcube refreshes each minute.
- **Bounds**: each source sends {minr} to {maxr} requests; a draw outside
  that, or running past midnight, is drawn again.
- Every line is `HTTP/1.1`; no request line or Referer holds a space, a
  double quote, a backslash or a non-ASCII byte (browsers percent-encode
  them; `gen.py` refuses to write one).

## Counts

- {n_req} requests from {n_src} sources (median {med} requests, minimum {lo}, maximum {hi}).
- Methods: {methods}.
- Statuses: {statuses}.
- {noref} requests carry no Referer.
- {n_ua} distinct User-Agents.

## Simplifications and doubts

- **Not in the log**: POST bodies, cookies and headers. A query typed into
  phpMyAdmin's SQL tab, Superset SQL Lab, Metabase, Redash, Cerebro's REST
  tab or OpenSearch's Query Workbench travels in a POST body; only later GET
  links (sort links, Edit links, result keys) show it.
- **Approximate**: static asset names and build hashes; the parameter order
  of some calls (Matomo widgets, Metabase, Redash lists, Argo CD logs); the
  GitHub Enterprise XHR paths and raw-host redirect; the Kubernetes
  Dashboard SockJS URLs; the Gitea search parameters (only `q=` is used);
  the exact versions in the `gh` and `glab` User-Agents.
- **Tokens and ids** (phpMyAdmin tokens and signatures, nonces, uuids,
  result keys, commit hashes) are random characters of the right alphabet
  and length.
- **One day**, no source crosses midnight.
"""


if __name__ == "__main__":
    main()
