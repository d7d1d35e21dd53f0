#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, requests.tsv, benign.log and benign.labels of
# tests/bench/data/thirdparty23 (fixed seeds: the output is byte-identical on every run).
# Python 3 standard library only, plus the `git` program to read the source repository.
# Written without reading policies/, user/, include/, bpf/, docs/, tests/unit, the repository
# README or the detector; gatehawk and tests/bench/recall.sh were not run.
#
# Angle of this set: the probes of the w3af web application scanner (andresriancho/w3af,
# GPL-2.0): its audit plugins (payloads put in a query-string parameter by w3af's QSMutant)
# and the crawl / infrastructure plugins that request fixed, distinctive paths.  Payload lists
# are read from the source at a fixed commit with `git show`: word lists as files, Python
# literals (lists, tuples, sets, strings) parsed out of the plugin source with ast.literal_eval,
# format strings built in code transcribed here with a check that the transcribed source text
# is still at the line cited.  Random parts (w3af's rand_alnum / rand_number / rand_alpha) come
# from a fixed seed.  Each sampled payload is sent once, by one source, as w3af puts it on the
# wire: URL.url_encode() -- the path through Python 2 urllib.quote(path, safe=URL.SAFE_CHARS),
# the query string rebuilt by QueryString.__str__ = enc_dec.urlencode(qs, safe='')
# (Python 2 urllib.quote: only A-Z a-z 0-9 _ . - stay).
#
#   python3 gen.py MIRROR            rewrites the five data files next to this script
#   python3 gen.py MIRROR --check    also checks the written files (exit 1 on a failure)
#   python3 gen.py --check-only      only the checks, on the files as they are
#   python3 gen.py MIRROR --pools    per plugin: candidates and sampled
#
# MIRROR is the git directory of andresriancho/w3af (bare or work tree), or a directory
# holding it as andresriancho+w3af[/repo] (as /work/.mirror does).
import ast, collections, datetime, glob, ipaddress, os, random, re, subprocess, sys, urllib.parse

OUT = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(OUT, '..', '..', '..', '..'))
REPO = 'andresriancho/w3af'
COMMIT = 'cd22e5252243a87aaa6d0ddea47cf58dacfe00a9'   # 2020-06-16 "Merge pull request #18616 from andresriancho/develop"
LICENSE_PATH = 'doc/GPL'
LICENSE_BLOB = '23466537d1a3cf92e0ebc896500d6f04656dea5b'  # doc/GPL: GNU GPL Version 2, June 1991
SAMPLE_SEED = 20261208          # which payloads
FILL_SEED = 2026120819          # random tokens the plugins make at run time
SEED = 2026120823               # endpoints, addresses, times, statuses, user agents, benign traffic
DAY = datetime.datetime(2026, 12, 8, 0, 0, 0)
CAP = 20                        # at most this many payloads of one plugin; a smaller plugin is taken whole
BLOCK = ipaddress.ip_network('2001:db8:2d00::/40')
ATTACK_NET = ipaddress.ip_network('2001:db8:2d4e::/48')   # under BLOCK
BENIGN_NET = ipaddress.ip_network('2001:db8:2db1::/48')

# w3af defaults: target_os 'unknown' (unix and windows payloads), ExactDelayController's first
# delay DELAY_SECONDS[0] = 8, AproxDelayController's first multiplier 1, the scanned host name.
DELAY = 8
SCANNED_HOST = 'portal.example.com'
AUD = 'w3af/plugins/audit/'
CRAWL = 'w3af/plugins/crawl/'
INFRA = 'w3af/plugins/infrastructure/'


def git_dir(root):
    for c in (root, os.path.join(root, 'repo'), os.path.join(root, 'andresriancho+w3af', 'repo'),
              os.path.join(root, 'andresriancho+w3af')):
        if os.path.isdir(c) and subprocess.run(['git', '-C', c, 'cat-file', '-e', COMMIT + '^{commit}'],
                                               capture_output=True).returncode == 0:
            return c
    sys.exit('no git directory holding %s under %s' % (COMMIT, root))

class Repo:
    def __init__(self, root):
        self.dir = git_dir(root)
        self.cache = {}
        blob = self.git('rev-parse', '%s:%s' % (COMMIT, LICENSE_PATH)).strip()
        if blob != LICENSE_BLOB:
            sys.exit('%s blob %s, expected %s' % (LICENSE_PATH, blob, LICENSE_BLOB))
        text = self.show(LICENSE_PATH)
        if 'GNU GENERAL PUBLIC LICENSE' not in text or 'Version 2, June 1991' not in text:
            sys.exit('%s is not the GPL v2 text' % LICENSE_PATH)
    def git(self, *a):
        return subprocess.run(['git', '-C', self.dir] + list(a), capture_output=True, check=True).stdout.decode('utf-8')
    def show(self, path):
        if path not in self.cache:
            self.cache[path] = self.git('show', '%s:%s' % (COMMIT, path))
        return self.cache[path]
    def lines(self, path):
        return self.show(path).split('\n')
    def find_line(self, path, needle, start=0):
        """1-based number of the first line at or after `start` holding needle (stops if absent:
        a transcribed payload must still be in the source at the cited place)"""
        for n, l in enumerate(self.lines(path), 1):
            if n > start and needle in l:
                return n
        raise SystemExit('%r not found in %s' % (needle, path))
    def literal(self, path, needle):
        """the Python literal assigned on the line holding needle ('NAME = [...]'), parsed with
        ast.literal_eval over as many following lines as it takes; returns (value, line)"""
        n = self.find_line(path, needle)
        ls = self.lines(path)
        text = ls[n - 1].split('=', 1)[1]
        for k in range(n, n + 200):
            try:
                return ast.literal_eval(text.strip()), n
            except SyntaxError:
                text += '\n' + ls[k]
        raise SystemExit('no literal after %r in %s' % (needle, path))
    def wordlist(self, path):
        """(word, line) for each non-empty, non-comment line, stripped (as the plugins read them)"""
        out = []
        for n, l in enumerate(self.lines(path), 1):
            w = l.strip()
            if w and not w.startswith('#'):
                out.append((w, n))
        return out


# ----------------------------------------------------------------- w3af's random helpers (fuzzer/utils.py)
LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'     # Python 2 string.letters (C locale)
def rand_alnum(r, n):
    return ''.join(r.choice(LETTERS + '0123456789') for _ in range(n))

def rand_alpha(r, n):
    return ''.join(r.choice(LETTERS) for _ in range(n))

def rand_number(r, n, exclude=()):
    d = ''.join(c for c in '0123456789' if c not in {str(x) for x in exclude})
    return ''.join(r.choice(d) for _ in range(n))


# ----------------------------------------------------------------- encoding on the wire
PY2_ALWAYS_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-'
URL_SAFE_CHARS = "%/:=&?~#+!$,;'@()*[]|"        # URL.SAFE_CHARS (parsers/doc/url.py)

def py2_quote(s, safe):
    """Python 2 urllib.quote on the UTF-8 bytes (uppercase hex; '~' is not always-safe in Python 2)"""
    ok = PY2_ALWAYS_SAFE + safe
    return ''.join(chr(b) if chr(b) in ok and b < 128 else '%%%02X' % b for b in s.encode('utf-8'))

def encode_query(params):
    """enc_dec.urlencode(qs, safe=''): 'k=' for an empty value"""
    return '&'.join(py2_quote(k, '') + '=' + (py2_quote(v, '') if v else '') for k, v in params)

def parse_qsl(qs):
    """url.py parse_qsl (keep_blank_values=True): split on & and ;, '+' -> space, unquote"""
    out = []
    for p in (s2 for s1 in qs.split('&') for s2 in s1.split(';')):
        if not p:
            continue
        nv = p.split('=', 1)
        if len(nv) == 1:
            nv.append('')
        out.append((urllib.parse.unquote(nv[0].replace('+', ' '), errors='surrogateescape'),
                    urllib.parse.unquote(nv[1].replace('+', ' '), errors='surrogateescape')))
    return out

def url_encode(path, params=None):
    """URL.url_encode(): quote(path, safe=SAFE_CHARS) + '?' + str(querystring)"""
    p = py2_quote(path, URL_SAFE_CHARS)
    return p if params is None else p + '?' + encode_query(params)

def from_url_string(s):
    """URL('...path?query') then url_encode(): the query is parsed by parse_qs and re-encoded"""
    if '?' in s:
        path, q = s.split('?', 1)
        return url_encode(path, parse_qsl(q))
    return url_encode(s)


# ----------------------------------------------------------------- user agents, statuses, sizes, escaping
# (copied from ../thirdparty20/gen.py, which took them from ../thirdparty19 and 18: the User-Agent strings, the sizes, nginx's escaping)
# Desktop browsers current at the start of December 2026 (the strings of ../thirdparty16 and 17).
UA = {
 'chw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Safari/537.36",
 'chw4': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/154.0.0.0 Safari/537.36",
 'chm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Safari/537.36",
 'chl': "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Safari/537.36",
 'ffw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:157.0) Gecko/20100101 Firefox/157.0",
 'ffw6': "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:156.0) Gecko/20100101 Firefox/156.0",
 'ffm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:157.0) Gecko/20100101 Firefox/157.0",
 'ffl': "Mozilla/5.0 (X11; Linux x86_64; rv:157.0) Gecko/20100101 Firefox/157.0",
 'sfm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.1 Safari/605.1.15",
 'sfm0': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.0 Safari/605.1.15",
 'edg': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Safari/537.36 Edg/155.0.0.0",
 'edg4': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/154.0.0.0 Safari/537.36 Edg/154.0.0.0",
 'edm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Safari/537.36 Edg/155.0.0.0",
 # phones: benign traffic only
 'ios': "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.1 Mobile/15E148 Safari/604.1",
 'and': "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Mobile Safari/537.36",
}
DESKTOP = ['chw', 'chw', 'chw', 'chw4', 'chm', 'chm', 'chl', 'ffw', 'ffw', 'ffw6', 'ffm', 'ffl',
           'sfm', 'sfm', 'sfm0', 'edg', 'edg', 'edg4', 'edm']
ANY_BROWSER = DESKTOP + ['ios', 'ios', 'and', 'and']

# An attack's status: a parameter probe against a live page is mostly answered, some fail
# (500) or are not found; a file probe is mostly not found or refused.
STATUS = {
    'param': [(200, 60), (500, 22), (404, 18)],
    'path': [(404, 50), (403, 25), (200, 15), (500, 10)],
}

def weighted(r, pairs):
    x = r.random() * sum(w for _, w in pairs)
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]

ASSET_EXT = ('.css', '.js', '.svg', '.png', '.jpg', '.webp', '.woff2', '.ico', '.avif', '.gif')

def size(r, st, target='', method='GET'):
    path = target.split('?', 1)[0]
    if method == 'HEAD' or st == 304:
        return 0
    if st == 200 and path.endswith(ASSET_EXT):
        return r.randint(2400, 160000)
    if st == 200 and path.startswith('/api/'):
        return r.randint(90, 9000)
    if st == 200:
        return r.randint(1800, 42000)
    if st in (403, 404):
        return r.choice([153, 555])
    return r.randint(177, 4200)       # 500

def esc(s):
    """nginx's escaping of a logged field: '"', '\\' and bytes outside 0x20-0x7e as \\xXX"""
    out = []
    for c in s.encode('utf-8', 'surrogateescape'):
        if c == 0x22 or c == 0x5c or c < 0x20 or c > 0x7e:
            out.append('\\x%02X' % c)
        else:
            out.append(chr(c))
    return ''.join(out)

def line(ip, t, request, st, sz, ref, ua, header_esc=esc):
    return '%s - - [%s] "%s" %d %d "%s" "%s"' % (ip, t.strftime('%d/%b/%Y:%H:%M:%S +0000'), esc(request),
                                                st, sz, header_esc(ref), header_esc(ua))


# ----------------------------------------------------------------- benign browsing
# (copied from ../thirdparty20/gen.py, which has the skeleton and sites of ../thirdparty18)  Each benign source is one person
# with one browser on one of five kinds of site: a page, its assets (with the page as Referer,
# some revalidated as 304), then more pages, searches or API calls.  Several requests brush
# against the attack types without being attacks: products called "Select Fit Chinos" or
# "Red Alert Beanie", searches for select, script, union, alert, people called O'Connor /
# O'Reilly / O'Brien (the apostrophe raw or encoded), blog posts about .env files and
# /etc/passwd, docs pages about printf format strings (%s, %n, %x) and searches for them,
# docs pages reached from a wiki whose URL carries a relative "../" path (Referer).  The i-th
# source of a kind takes the i-th near-miss.
def qp(s):
    return urllib.parse.quote_plus(s)

def qc(s):
    """encodeURIComponent: leaves A-Z a-z 0-9 - _ . ! ~ * ' ( ) as they are"""
    return urllib.parse.quote(s, safe="-_.!~*'()")

SHOP = 'https://shop.example.net'
SHOP_ITEMS = ['select-fit-chinos', 'union-canvas-tote', 'script-lettering-mug', 'red-alert-beanie',
              'drop-shoulder-hoodie', 'exec-leather-folio', 'cat-eye-sunglasses', 'linen-table-runner']
SHOP_CATS = ['trousers', 'bags', 'kitchen', 'hats', 'hoodies', 'leather', 'eyewear', 'kitchen']   # of SHOP_ITEMS
SHOP_Q = ['select fit chinos', 'union canvas tote', 'script lettering mug', 'red alert beanie']

def shop(r, i):
    cat, item = SHOP_CATS[i], SHOP_ITEMS[i]
    first = r.choice(['-', 'https://www.google.com/', 'https://duckduckgo.com/', 'https://www.bing.com/'])
    out = [('GET', '/', first, 200),
           ('GET', '/static/shop.5b7e01.css', SHOP + '/', 200),
           ('GET', '/static/shop.c90d3a.js', SHOP + '/', 200)]
    if i % 2 == 0:
        via = '/search?q=' + qp(SHOP_Q[i // 2]) + '&sort=relevance'
    else:
        via = '/c/' + cat + '?page=' + str(r.randint(1, 3))
    out.append(('GET', via, SHOP + '/', 200))
    out.append(('GET', '/p/' + item, SHOP + via, 200))
    out.append(('GET', '/media/p/%s/800w.avif' % item, SHOP + '/p/' + item, 200))
    if i % 4 == 1:
        name = ["Siobhan O'Connor", "Dara O'Reilly"][i // 4]
        out.append(('GET', '/api/reviews?sku=%s&author=%s' % (item, qc(name)), SHOP + '/p/' + item, 200))
    if i % 4 == 3:
        out.append(('POST', '/basket/add', SHOP + '/p/' + item, 200))
    return out

BLOG = 'https://notes.example.org'
BLOG_POSTS = ['2026/11/why-your-.env-file-ended-up-on-github', '2026/10/reading-etc-passwd-without-fear',
              '2026/09/select-star-considered-harmful', '2026/11/alert-fatigue-and-how-we-fixed-it',
              '2026/08/union-types-for-humans', '2026/10/shell-scripting-with-arrays']
BLOG_Q = ['alert fatigue', '.env', "o'reilly", 'union types']

def blog(r, i):
    post = BLOG_POSTS[i % len(BLOG_POSTS)]
    url = '/%s/' % post
    ref = r.choice(['https://www.google.com/', 'https://news.ycombinator.com/', '-', 'https://mastodon.social/'])
    out = [('GET', url, ref, 200),
           ('GET', '/assets/main.8f21.css', BLOG + url, 200),
           ('GET', '/assets/fonts/inter-var.woff2', BLOG + '/assets/main.8f21.css', 200),
           ('GET', '/assets/img/%s.jpg' % post.rsplit('/', 1)[-1], BLOG + url, 200)]
    if i % 2:
        out.append(('GET', '/search/?q=' + qp(BLOG_Q[i // 2]), BLOG + url, 200))
    out.append(('GET', '/tags/security/', BLOG + url, 200))
    other = r.choice([p for p in BLOG_POSTS if p != post])
    out.append(('GET', '/%s/' % other, BLOG + '/tags/security/', 200))
    return out

DOCS = 'https://docs.example.org'
DOC_PAGES = ['/manual/sql/select-and-union', '/manual/html/script-element', '/manual/c/printf-format-strings',
             '/manual/linux/etc-passwd-fields', '/manual/c/format-specifiers-%25s-%25d-%25x', '/manual/config/dotenv',
             '/manual/js/alert-confirm-prompt', '/manual/python/str-format-%25-operator']
DOC_Q = ['select statement', 'script defer', 'printf %s %d', 'alert dialog', '/etc/passwd fields',
         '%n format specifier', "O'Reilly", '.env file']
# an intranet wiki and a markdown preview link to the docs; their own URLs carry a relative
# path with ../ in the query (browsers resolve ../ in a path, not in a query)
DOC_EXT_REF = ['https://wiki.example.com/view?page=../handbook/onboarding&rev=12',
               'https://preview.example.com/render?file=docs/../README.md',
               'https://wiki.example.com/view?page=team/../../shared/tooling']

def docs(r, i):
    p1, p2 = DOC_PAGES[i], r.choice([p for p in DOC_PAGES if p != DOC_PAGES[i]])
    first = DOC_EXT_REF[i // 3] if i % 3 == 0 else r.choice(['-', 'https://www.google.com/'])
    out = [('GET', '/manual/', first, 200),
           ('GET', '/_static/theme.31ad.css', DOCS + '/manual/', 200),
           ('GET', '/_static/search.31ad.js', DOCS + '/manual/', 200),
           ('GET', '/search?q=' + qp(DOC_Q[i]) + '&check_keywords=yes', DOCS + '/manual/', 200),
           ('GET', p1, DOCS + '/search', 200)]
    if i % 2 == 0:
        out.append(('GET', '/_static/searchindex.js', DOCS + '/search', 200))
    out.append(('GET', p2, DOCS + p1, 200))
    return out

FORUM = 'https://talk.example.net'
FORUM_THREADS = ['t/how-do-i-union-two-select-queries/7312', 't/alert-box-never-shows-on-safari/7409',
                 't/script-runs-twice-after-navigation/7550', 't/what-is-the-x-in-etc-passwd/7188',
                 't/dropped-a-table-by-mistake-any-way-back/7621', 't/env-file-not-loaded-in-docker/7705']
FORUM_USERS = ['niamh.ohara', 'p_oreilly', 'select_all_sam', 'unionjack']

def forum(r, i):
    th = FORUM_THREADS[i % len(FORUM_THREADS)]
    tid = th.rsplit('/', 1)[-1]
    out = [('GET', '/latest', r.choice(['-', 'https://www.google.com/']), 200),
           ('GET', '/assets/app-2c9e.css', FORUM + '/latest', 200),
           ('GET', '/assets/app-2c9e.js', FORUM + '/latest', 200),
           ('GET', '/' + th, FORUM + '/latest', 200),
           ('GET', '/%s.json?track_visit=true' % th, FORUM + '/' + th, 200)]
    if i % 2 == 0:
        out.append(('GET', '/u/%s/summary' % FORUM_USERS[i // 2], FORUM + '/' + th, 200))
    else:
        q = ["O'Hara", 'union select', 'alert not showing', 'script twice'][i // 2]
        out.append(('GET', '/search?q=' + qc(q), FORUM + '/' + th, 200))
    out.append(('GET', '/t/%s/posts.json?post_ids%%5B%%5D=%d' % (tid, r.randint(30000, 39999)), FORUM + '/' + th, 200))
    return out

HELP = 'https://help.example.com'
HELP_Q = ["O'Brien", "O'Neill", "D'Souza", 'select plan', 'union dues', 'alert emails', 'script error', 'drop shipping']

def helpdesk(r, i):
    a = HELP + '/agent/'
    tid = r.randint(40000, 49999)
    out = [('GET', '/agent/', r.choice(['-', HELP + '/login']), 200),
           ('GET', '/agent/static/desk.e4b1.js', a, 200),
           ('GET', '/agent/static/desk.77f0.css', a, 200),
           ('GET', '/api/v2/views?active=true', a, 200),
           ('GET', '/api/v2/tickets?view=open&per_page=25', a, 200),
           ('GET', '/api/v2/search?q=%s&type=ticket' % qc(HELP_Q[i]), a + 'search', 200)]
    extra = [('GET', '/api/v2/tickets/%d' % tid, a + 'tickets/%d' % tid, 200),
             ('PATCH', '/api/v2/tickets/%d' % tid, a + 'tickets/%d' % tid, 200),
             ('GET', '/api/v2/users?query=%s' % qp(HELP_Q[i].split()[0]), a + 'tickets/%d' % tid, 200)]
    out += r.sample(extra, 1 + i % 2)
    return out

BENIGN_KINDS = [('shop-browse', shop, 8), ('blog-reader', blog, 8), ('docs-search', docs, 8),
                ('forum-reader', forum, 8), ('helpdesk-json-api', helpdesk, 8)]



# ----------------------------------------------------------------- the scanned site
# (path, query parameters with their original values, attacked parameter, tags).  w3af's
# audit plugins fuzz every parameter of every crawled request; each plugin draws from the
# endpoints carrying its tag ('any' = all generic endpoints).
ENDPOINTS = [
    ('/item.php', [('id', '42')], 'id', {'any', 'sql', 'file'}),
    ('/products', [('category', 'shoes'), ('sort', 'price')], 'category', {'any', 'sql'}),
    ('/search', [('q', 'running shoes')], 'q', {'any', 'xss'}),
    ('/news/article.php', [('id', '1187'), ('lang', 'en')], 'id', {'any', 'sql', 'file'}),
    ('/account/orders', [('status', 'shipped'), ('page', '2')], 'status', {'any'}),
    ('/guestbook.php', [('name', 'Dana'), ('msg', 'hello')], 'msg', {'any', 'xss', 'file'}),
    ('/tools/ping', [('host', '10.0.0.1')], 'host', {'any', 'cmd'}),
    ('/cgi-bin/lookup.cgi', [('domain', 'example.com')], 'domain', {'any', 'cmd', 'file'}),
    ('/index.php', [('page', 'about.html')], 'page', {'any', 'file'}),
    ('/download.jsp', [('file', 'docs/manual.pdf')], 'file', {'any', 'file'}),
    ('/view.aspx', [('template', 'home')], 'template', {'any', 'file'}),
    ('/directory', [('user', 'alice')], 'user', {'any'}),
    ('/login', [('next', '/dashboard')], 'next', {'any', 'redirect'}),
    ('/out', [('url', 'https://partner.example.net/')], 'url', {'any', 'redirect'}),
    ('/contact', [('email', 'info@example.com'), ('subject', 'order')], 'email', {'any', 'mx'}),
    ('/api/import', [('xml', '<order><id>7</id></order>')], 'xml', {'xml'}),
    ('/api/feed', [('format', 'xml'), ('xml_data', '')], 'xml_data', {'xml'}),
    ('/api/user.json', [('callback', 'jQuery3600_1733')], 'callback', {'jsonp', 'any'}),
    ('/api/stats', [('jsonp', 'cb'), ('range', '7d')], 'jsonp', {'jsonp', 'any'}),
    ('/api/export', [('filter', 'active'), ('cols', 'name,email')], 'filter', {'any', 'rfd'}),
    ('/reports/view', [('from', '2026-11-01'), ('to', '2026-11-30')], 'from', {'any'}),
]
# directories seen by the crawler (crawl plugins probe each domain_path) and pages
DIRS = ['/', '/', '/', '/uploads/', '/admin/', '/blog/', '/static/', '/app/']
ROOT_DIRS = ['/']
NET_PAGES = ['/default.aspx', '/Account/Login.aspx', '/Reports/Summary.aspx']
PHP_PAGES = ['/index.php', '/item.php', '/news/article.php']
WSDL_PAGES = ['/services/OrderService.asmx', '/ws/InventoryService', '/soap/customer.php']

CATEGORY_LIST = ['sqli', 'xss', 'cmdi', 'traversal', 'rfi', 'xpath', 'ldap', 'ssi', 'ssti', 'format-string',
                 'code-injection', 'crlf', 'mx-injection', 'redos', 'overflow', 'redirect', 'phishing-vector',
                 'rfd', 'memcache-injection', 'rosetta-flash', 'fuzz', 'xxe', 'file-probe']
CATEGORIES = sorted(CATEGORY_LIST)


class Cand:
    """one request a plugin sends.  kind 'param': `value` replaces (or, append=True, is
    appended to) the attacked query parameter of an endpoint with tag `tags`; kind 'path': the
    relative `value` is joined to a directory of `tags` (a list); kind 'url': `value` is a fixed
    path?query string."""
    def __init__(self, plugin, category, src, line, listed, kind, value, tags='any', append=False, note=''):
        self.plugin, self.category, self.src, self.line, self.listed = plugin, category, src, line, listed
        self.kind, self.value, self.tags, self.append, self.note = kind, value, tags, append, note


def candidates(repo, fr):
    C = collections.OrderedDict()
    skipped = collections.OrderedDict()
    def add(c):
        C.setdefault(c.plugin, []).append(c)

    # ---- audit/sqli: SQLI_STRINGS
    f = AUD + 'sqli.py'
    vals, ln = repo.literal(f, 'SQLI_STRINGS = (')
    for v in vals:
        add(Cand('audit/sqli', 'sqli', f, ln, v, 'param', v, 'sql'))
    skipped['audit/sqli'] = '0'

    # ---- audit/blind_sqli: response diff statements (true / false, 3 statement types) and time delays
    f = 'w3af/core/controllers/sql_tools/blind_sqli_response_diff.py'
    fmts = [("true_stm = '%(num)s OR %(num)s=%(num)s OR %(num)s=%(num)s ' % num_dict", '{n} OR {n}={n} OR {n}={n} '),
            ("false_stm = '%i AND %i=%i ' % (rnd_num, rnd_num, rnd_num_plus_one)", '{n} AND {n}={m} '),
            ('''true_stm = "%(num)s' OR '%(num)s'='%(num)s' OR '%(num)s'='%(num)s" % num_dict''', "{n}' OR '{n}'='{n}' OR '{n}'='{n}"),
            ('''false_stm = "%i' AND '%i'='%i" % (rnd_num, rnd_num, rnd_num_plus_one)''', "{n}' AND '{n}'='{m}"),
            ("""true_stm = '%(num)s" OR "%(num)s"="%(num)s" OR "%(num)s"="%(num)s' % num_dict""", '{n}" OR "{n}"="{n}" OR "{n}"="{n}'),
            ("""false_stm = '%i" AND "%i"="%i' % (rnd_num, rnd_num, rnd_num_plus_one)""", '{n}" AND "{n}"="{m}')]
    for needle, fmt in fmts:
        n = int(rand_number(fr, 2))
        v = fmt.format(n=n, m=n + 1)
        add(Cand('audit/blind_sqli', 'sqli', f, repo.find_line(f, needle), needle.split(' = ', 1)[1], 'param', v, 'sql'))
    f = 'w3af/core/controllers/sql_tools/blind_sqli_time_delay.py'
    for n, l in enumerate(repo.lines(f), 1):
        m = re.match(r'''\s*ExactDelay\((".*"|'.*')\),?\s*$''', l)
        if m:
            fmt = ast.literal_eval(m.group(1))
            add(Cand('audit/blind_sqli', 'sqli', f, n, fmt, 'param', fmt % DELAY, 'sql'))
    skipped['audit/blind_sqli'] = '0 (the syntax-error probe a\'b"c\'d" is the sqli payload)'

    # ---- audit/xss: each PAYLOADS entry between two RANDOMIZE tokens, plus the trivial probe (all joined)
    f = AUD + 'xss.py'
    vals, ln = repo.literal(f, 'PAYLOADS = [')
    repo.find_line(f, "PAYLOADS = ['%s%s%s' % (RANDOMIZE, p, RANDOMIZE) for p in PAYLOADS]")
    repo.find_line(f, 'rand_str = rand_alnum(5).lower()')
    def rnd5():
        return rand_alnum(fr, 5).lower()
    for p in vals:
        add(Cand('audit/xss', 'xss', f, ln, p, 'param', rnd5() + p + rnd5(), 'xss'))
    t = rnd5()
    add(Cand('audit/xss', 'xss', f, repo.find_line(f, "payload = replace_randomize(''.join(self.PAYLOADS))"),
             "''.join(PAYLOADS)", 'param', ''.join(t + p + t for p in vals), 'xss'))
    skipped['audit/xss'] = '0'

    # ---- audit/os_commanding: echo commands (replace and append) and ping delays (8 s -> count 9)
    f = AUD + 'os_commanding.py'
    seps, lns = repo.literal(f, 'self._special_chars = [')
    echo = []
    for needle, fmt in [('cmd_string = special_char + "/bin/cat /etc/passwd"', '{s}/bin/cat /etc/passwd'),
                        ('cmd_string = special_char + "type %SYSTEMROOT%\\\\win.ini"', '{s}type %SYSTEMROOT%\\win.ini')]:
        ln = repo.find_line(f, needle)
        for s in seps:
            echo.append((ln, needle.split(' = ', 1)[1], fmt.format(s=s)))
    echo.append((repo.find_line(f, 'Command("`/bin/cat /etc/passwd`"'), '`/bin/cat /etc/passwd`', '`/bin/cat /etc/passwd`'))
    echo.append((repo.find_line(f, 'Command("run type %SYSTEMROOT%\\\\win.ini"'), 'run type %SYSTEMROOT%\\win.ini',
                 'run type %SYSTEMROOT%\\win.ini'))
    for ln, listed, v in echo:
        add(Cand('audit/os_commanding', 'cmdi', f, ln, listed, 'param', v, 'cmd'))
        add(Cand('audit/os_commanding', 'cmdi', f, ln, listed, 'param', v, 'cmd', append=True))
    repo.find_line(f, 'self._delay_delta = 1')
    for needle, fmt in [("cmd_fmt = special_char + 'ping -n %s localhost'", '{s}ping -n %s localhost'),
                        ("cmd_fmt = special_char + 'ping -c %s localhost'", '{s}ping -c %s localhost'),
                        ("cmd_fmt = special_char + '/usr/sbin/ping -s localhost %s'", '{s}/usr/sbin/ping -s localhost %s')]:
        ln = repo.find_line(f, needle)
        for s in seps:
            add(Cand('audit/os_commanding', 'cmdi', f, ln, needle.split(' = ', 1)[1], 'param',
                     fmt.format(s=s) % (DELAY + 1), 'cmd'))
    for needle in ["PingDelay('`ping -n %s localhost`'", "PingDelay('`ping -c %s localhost`'", "PingDelay('run ping -n %s localhost'"]:
        fmt = needle.split("'")[1]
        add(Cand('audit/os_commanding', 'cmdi', f, repo.find_line(f, needle), fmt, 'param', fmt % (DELAY + 1), 'cmd'))
    skipped['audit/os_commanding'] = '0'

    # ---- audit/lfi: the page's own file name, then the unix and windows file lists
    f = AUD + 'lfi.py'
    ln = repo.find_line(f, 'lfi_tests = [freq.get_url().get_file_name(),')
    add(Cand('audit/lfi', 'traversal', f, ln, 'freq.get_url().get_file_name()', 'param', '[FILE_NAME]', 'file'))
    add(Cand('audit/lfi', 'traversal', f, ln + 1, "'/%s' % freq.get_url().get_file_name()", 'param', '/[FILE_NAME]', 'file'))
    lfi = [("local_files.append('/../' * 15 + 'etc/passwd')", '/../' * 15 + 'etc/passwd'),
           ("local_files.append('../' * 15 + 'etc/passwd')", '../' * 15 + 'etc/passwd'),
           ("local_files.append('/../' * 15 + 'etc/passwd\\0')", '/../' * 15 + 'etc/passwd\0'),
           ("local_files.append('/../' * 15 + 'etc/passwd\\0.html')", '/../' * 15 + 'etc/passwd\0.html'),
           ("local_files.append('/etc/passwd')", '/etc/passwd'),
           ("local_files.append('file:///etc/passwd')", 'file:///etc/passwd'),
           ("local_files.append('/etc/passwd\\0')", '/etc/passwd\0'),
           ("local_files.append('/etc/passwd\\0.html')", '/etc/passwd\0.html'),
           ("local_files.append('/etc/passwd%00.' + extension)", '/etc/passwd%00.[EXT]'),
           ("local_files.append('/../' * 15 + 'etc/passwd%00.' + extension)", '/../' * 15 + 'etc/passwd%00.[EXT]'),
           ("local_files.append('/../' * 15 + 'boot.ini')", '/../' * 15 + 'boot.ini'),
           ("local_files.append('../' * 15 + 'boot.ini')", '../' * 15 + 'boot.ini'),
           ("local_files.append('/../' * 15 + 'boot.ini\\0')", '/../' * 15 + 'boot.ini\0'),
           ("local_files.append('/../' * 15 + 'boot.ini\\0.html')", '/../' * 15 + 'boot.ini\0.html'),
           ("local_files.append('C:\\\\boot.ini')", 'C:\\boot.ini'),
           ("local_files.append('C:\\\\boot.ini\\0')", 'C:\\boot.ini\0'),
           ("local_files.append('C:\\\\boot.ini\\0.html')", 'C:\\boot.ini\0.html'),
           ("local_files.append('%SYSTEMROOT%\\\\win.ini')", '%SYSTEMROOT%\\win.ini'),
           ("local_files.append('%SYSTEMROOT%\\\\win.ini\\0')", '%SYSTEMROOT%\\win.ini\0'),
           ("local_files.append('%SYSTEMROOT%\\\\win.ini\\0.html')", '%SYSTEMROOT%\\win.ini\0.html'),
           ("local_files.append('file:///C:/boot.ini')", 'file:///C:/boot.ini'),
           ("local_files.append('file:///C:/win.ini')", 'file:///C:/win.ini'),
           ("local_files.append('C:\\\\boot.ini%00.' + extension)", 'C:\\boot.ini%00.[EXT]'),
           ("local_files.append('%SYSTEMROOT%\\\\win.ini%00.' + extension)", '%SYSTEMROOT%\\win.ini%00.[EXT]')]
    for needle, v in lfi:
        add(Cand('audit/lfi', 'traversal', f, repo.find_line(f, needle), needle[len('local_files.append('):-1], 'param', v, 'file'))
    skipped['audit/lfi'] = '0'

    # ---- audit/rfi: RFI_TEST_URL and its two mutations (_mutate_rfi_urls), the w3af.org test
    f = AUD + 'rfi.py'
    url, ln = repo.literal(f, 'RFI_TEST_URL = ')
    repo.find_line(f, "mutated_proto = orig_proto.replace('http', 'hTtP')")
    for v in (url, url.replace('http://', '', 1), url.replace('http', 'hTtP', 1)):
        add(Cand('audit/rfi', 'rfi', f, ln, url, 'param', v, 'file'))
    skipped['audit/rfi'] = 'the local-web-server variant (http://<scanner address>:<port>/<rand_alnum(8)>.html, needs listen_address)'

    # ---- small literal lists: xpath, ldapi, mx_injection, preg_replace, format_string, phishing_vector
    for plugin, cat, needle, tag in [('xpath', 'xpath', 'XPATH_TEST_PAYLOADS = [', 'any'),
                                     ('ldapi', 'ldap', 'LDAPI_STRINGS = [', 'any'),
                                     ('mx_injection', 'mx-injection', 'MX_PAYLOADS = [', 'mx'),
                                     ('preg_replace', 'code-injection', None, 'any'),
                                     ('phishing_vector', 'phishing-vector', 'TEST_URLS = (', 'redirect')]:
        f = AUD + plugin + '.py'
        if plugin == 'preg_replace':
            ln = repo.find_line(f, "PREG_PAYLOAD = ['a' + ')/' * 100, ]")
            vals = ['a' + ')/' * 100]
        else:
            vals, ln = repo.literal(f, needle)
        n_empty = 0
        for v in vals:
            if v == '':
                n_empty += 1
                continue
            add(Cand('audit/' + plugin, cat, f, ln, v, 'param', v, tag))
        skipped['audit/' + plugin] = '%d (empty string: sends the parameter empty)' % n_empty if n_empty else '0'
    f = AUD + 'format_string.py'
    lens, ln = repo.literal(f, 'FORMAT_STRING_LENS = [')
    repo.find_line('w3af/core/data/fuzzer/utils.py', "result = '%n' * length")
    for k in lens:
        add(Cand('audit/format_string', 'format-string', f, ln, "create_format_string(%d)" % k, 'param', '%n' * k, 'any'))
    skipped['audit/format_string'] = '0'

    # ---- audit/ssi: six templates, each with two rand_number(5, exclude 0) seeds
    f = AUD + 'ssi.py'
    for needle, fmt, cat in [("""yield '<!--#exec cmd="echo -n %s;echo -n %s" -->' % get_seeds()""", '<!--#exec cmd="echo -n %s;echo -n %s" -->', 'ssi'),
                             ("""yield ('<!--#set var="SEED_A" value="%s" -->'""",
                              '<!--#set var="SEED_A" value="%s" --><!--#echo var="SEED_A" --><!--#set var="SEED_B" value="%s" --><!--#echo var="SEED_B" -->', 'ssi'),
                             ("""yield '{math equation="x * y" x=%s y=%s}' % get_seeds()""", '{math equation="x * y" x=%s y=%s}', 'ssti'),
                             ("yield '${%s * %s}' % get_seeds()", '${%s * %s}', 'ssti'),
                             ("yield '{{%s * %s}}' % get_seeds()", '{{%s * %s}}', 'ssti'),
                             ("yield '{%s * %s}' % get_seeds()", '{%s * %s}', 'ssti')]:
        seeds = (rand_number(fr, 5, (0,)), rand_number(fr, 5, (0,)))
        add(Cand('audit/ssi', cat, f, repo.find_line(f, needle), fmt, 'param', fmt % seeds, 'any'))
    skipped['audit/ssi'] = '0'

    # ---- audit/eval: PRINT_STRINGS with rand_alpha(5).lower(), WAIT_OBJ delays
    f = AUD + 'eval.py'
    rnd = rand_alpha(fr, 5).lower()
    for needle, fmt in [('''"echo str_repeat('%%s',%s);" % PRINT_REPEATS''', "echo str_repeat('%s',5);"),
                        ('''"print '%%s'x%s" % PRINT_REPEATS''', "print '%s'x5"),
                        ('''"print('%%s'*%s)" % PRINT_REPEATS''', "print('%s'*5)"),
                        ('''"Response.Write(new String(\\"%%s\\",%s))" % PRINT_REPEATS''', 'Response.Write(new String("%s",5))'),
                        ('''"response.end((new Array(%s+1)).join('%%s'))" % PRINT_REPEATS''', "response.end((new Array(5+1)).join('%s'))"),
                        ('''";response.end((new Array(%s+1)).join('%%s'))" % PRINT_REPEATS''', ";response.end((new Array(5+1)).join('%s'))"),
                        ('''"res.end((new Array(%s+1)).join('%%s'))" % PRINT_REPEATS''', "res.end((new Array(5+1)).join('%s'))"),
                        ('''";res.end((new Array(%s+1)).join('%%s'))" % PRINT_REPEATS''', ";res.end((new Array(5+1)).join('%s'))")]:
        add(Cand('audit/eval', 'code-injection', f, repo.find_line(f, needle), needle, 'param', fmt % rnd, 'any'))
    repo.find_line(f, 'PRINT_REPEATS = 5')
    for n, l in enumerate(repo.lines(f), 1):
        m = re.match(r'''\s*ExactDelay\((".*?"|'.*?')(, mult=1000)?\),?\s*$''', l)
        if m:
            fmt = ast.literal_eval(m.group(1))
            add(Cand('audit/eval', 'code-injection', f, n, fmt, 'param', fmt % (DELAY * (1000 if m.group(2) else 1)), 'any'))
    skipped['audit/eval'] = '0'

    # ---- audit/response_splitting
    f = AUD + 'response_splitting.py'
    hn, _ = repo.literal(f, 'HEADER_NAME = ')
    hv, _ = repo.literal(f, 'HEADER_VALUE = ')
    ln = repo.find_line(f, 'HEADER_INJECTION_TESTS = (')
    for k, sep in enumerate(('\r\n', '\r', '\n')):
        add(Cand('audit/response_splitting', 'crlf', f, ln + k, 'w3af%s" + HEADER_NAME + ": " + HEADER_VALUE' % sep.encode('unicode_escape').decode(),
                 'param', 'w3af' + sep + hn + ': ' + hv, 'any'))
    skipped['audit/response_splitting'] = '0'

    # ---- audit/redos: AproxDelay formats at the first multiplier (1)
    f = AUD + 'redos.py'
    for n, l in enumerate(repo.lines(f), 1):
        m = re.search(r"AproxDelay\('([^']*)',\s*'(.)',\s*(\d+)\)", l)
        if m:
            add(Cand('audit/redos', 'redos', f, n, m.group(0), 'param', m.group(1) % (m.group(2) * int(m.group(3))), 'any'))
    skipped['audit/redos'] = 'larger multipliers (2..8), sent only after a delay; PHP pages are ignored by the plugin'

    # ---- audit/buffer_overflow
    f = AUD + 'buffer_overflow.py'
    ln = repo.find_line(f, "BUFFER_TESTS = ['A' * payload_len for payload_len in [")
    for k in ast.literal_eval(repo.lines(f)[ln - 1].split(' in ', 1)[1].rstrip(']').strip() + ']'):
        add(Cand('audit/buffer_overflow', 'overflow', f, ln, "'A' * %d" % k, 'param', 'A' * k, 'any'))
    skipped['audit/buffer_overflow'] = '0'

    # ---- audit/global_redirect: BASIC_PAYLOADS, and the extended ones (sent when the page redirects)
    f = AUD + 'global_redirect.py'
    dom, _ = repo.literal(f, "TEST_DOMAIN = ")
    ln = repo.find_line(f, "BASIC_PAYLOADS = {'http://www.%s/' % TEST_DOMAIN,")
    for fmt in ('http://www.%s/', '//%s'):
        add(Cand('audit/global_redirect', 'redirect', f, ln, fmt, 'param', fmt % dom, 'redirect'))
    ln = repo.find_line(f, "extended_payloads.update(['%s.%s' % args,")
    for k, fmt in enumerate(['%s.%s', '//%s.%s/', 'http://%s.%s/', 'https://%s.%s/', '%s@%s', '//%s@%s', 'http://%s@%s', 'https://%s@%s']):
        repo.find_line(f, "'%s' %% args" % fmt)
        add(Cand('audit/global_redirect', 'redirect', f, ln + k, fmt, 'param', fmt % (SCANNED_HOST, dom), 'redirect'))
    skipped['audit/global_redirect'] = '0'

    # ---- audit/rfd: path gets PATH_PARAM appended, EXEC_TOKEN and EXEC_TOKEN + ESCAPE_CHARS in the query
    f = AUD + 'rfd.py'
    pp, _ = repo.literal(f, 'PATH_PARAM = ')
    tok, ln = repo.literal(f, 'EXEC_TOKEN = ')
    chars, ln2 = repo.literal(f, 'ESCAPE_CHARS = ')
    for v, l in ((tok, ln), (tok + ''.join(chars), ln2)):
        add(Cand('audit/rfd', 'rfd', f, l, v, 'param', v, 'rfd', note=pp))
    skipped['audit/rfd'] = '0'

    # ---- audit/memcachei
    f = AUD + 'memcachei.py'
    for name in ('ERROR_1', 'OK', 'ERROR_2'):
        v, ln = repo.literal(f, '%s = u' % name)
        add(Cand('audit/memcachei', 'memcache-injection', f, ln, v, 'param', v, 'any'))
    skipped['audit/memcachei'] = '0'

    # ---- audit/rosetta_flash: the FLASH string, into JSONP callback parameters only
    f = AUD + 'rosetta_flash.py'
    v, ln = repo.literal(f, 'FLASH = (')
    add(Cand('audit/rosetta_flash', 'rosetta-flash', f, ln, 'FLASH', 'param', v, 'jsonp'))
    skipped['audit/rosetta_flash'] = '0'

    # ---- audit/generic: the reduced payload set (default extensive = False)
    f = AUD + 'generic.py'
    vals, ln = repo.literal(f, "payloads = [u'1/0',")
    n_empty = 0
    for v in vals:
        if v == '':
            n_empty += 1
            continue
        add(Cand('audit/generic', 'fuzz', f, ln, v, 'param', v, 'any'))
    skipped['audit/generic'] = '1 (empty string)'

    # ---- audit/xxe: generic, linux and windows payloads (parameters named *xml* or holding XML)
    f = AUD + 'xxe.py'
    wf, _ = repo.literal(f, 'WINDOWS_FILES = [')
    lf, _ = repo.literal(f, 'LINUX_FILES = [')
    rf, _ = repo.literal(f, 'REMOTE_FILES = [')
    gp, gl = repo.literal(f, 'GENERIC_PAYLOADS = [')
    lp, ll = repo.literal(f, 'LINUX_PAYLOADS = [')
    wp, wl = repo.literal(f, 'WINDOWS_PAYLOADS = [')
    for fn in wf + lf + rf:
        for p in gp:
            add(Cand('audit/xxe', 'xxe', f, gl, p, 'param', p % fn, 'xml'))
    for fn in lf:
        for p in lp:
            add(Cand('audit/xxe', 'xxe', f, ll, p, 'param', p % fn, 'xml'))
    for fn in wf:
        for p in wp:
            add(Cand('audit/xxe', 'xxe', f, wl, p, 'param', p % fn, 'xml'))
    skipped['audit/xxe'] = 'payloads built from an XML original value (_create_xml_payloads): not modelled'

    # ---- infrastructure/afd: offending strings, quote_plus-ed into URL('%s?%s=%s'), re-encoded
    f = INFRA + 'afd.py'
    vals, ln = repo.literal(f, "res = ['../../../../etc/passwd',")
    repo.find_line(f, "fmt = '%s?%s=%s'")
    afd_cat = {'../../../../etc/passwd': 'traversal', './../../../etc/motd\0html': 'traversal', 'id;uname -a': 'cmdi',
               '<? passthru("id");?>': 'code-injection', '../../WINNT/system32/cmd.exe?dir+c:\\': 'traversal',
               'type+c:\\winnt\\repair\\sam._': 'cmdi', 'ps -aux;': 'cmdi', '../../../../bin/chgrp nobody /etc/shadow|': 'cmdi',
               'SELECT TOP 1 name FROM sysusers': 'sqli', 'exec master..xp_cmdshell dir': 'sqli', 'exec xp_cmdshell dir': 'sqli',
               '<script>alert(1)</script>': 'xss'}
    rp = rand_alnum(fr, 7)
    for v in vals:
        add(Cand('infrastructure/afd', afd_cat[v], f, ln + vals.index(v), v, 'url',
                 '/?%s=%s' % (rp, urllib.parse.quote_plus(v, safe='', encoding='utf-8')), ROOT_DIRS))
    skipped['infrastructure/afd'] = '1 (the clean first request ?<rand>=<rand>, control)'

    # ---------------------------------------------------------- crawl / infrastructure path probes
    def probes(plugin, f, items, dirs, kind='path', note=''):
        for v, l, listed in items:
            if kind == 'path' and (';' in v or '#' in v):
                continue
            add(Cand(plugin, 'file-probe', f, l, listed, kind, v, dirs, note=note))
    f = CRAWL + 'find_backdoors/web_shells.txt'
    probes('crawl/find_backdoors', f, [(w, n, w) for w, n in repo.wordlist(f)], DIRS)
    skipped['crawl/find_backdoors'] = '0 (signatures.txt is matched in responses, not requested)'
    f = CRAWL + 'phpinfo.py'
    vals, ln = repo.literal(f, 'PHP_INFO_FILES = {')
    probes('crawl/phpinfo', f, [(v, repo.find_line(f, "'%s'" % v, ln), v) for v in sorted(vals)], DIRS)
    skipped['crawl/phpinfo'] = '0'
    for plugin, f, needle, v in [('crawl/dot_listing', CRAWL + 'dot_listing.py', "url_join('.listing')", '.listing'),
                                 ('crawl/dot_ds_store', CRAWL + 'dot_ds_store.py', "DS_STORE = ", None),
                                 ('crawl/dwsync_xml', CRAWL + 'dwsync_xml.py', "DWSYNC = ", None),
                                 ('infrastructure/server_status', INFRA + 'server_status.py', "url_join('server-status')", 'server-status'),
                                 ('infrastructure/frontpage_version', INFRA + 'frontpage_version.py', 'url_join("_vti_inf.html")', '_vti_inf.html')]:
        if v is None:
            v, ln = repo.literal(f, needle)
        else:
            ln = repo.find_line(f, needle)
        probes(plugin, f, [(v, ln, v)], DIRS if 'crawl/' in plugin else ROOT_DIRS)
        skipped[plugin] = '0'
    f = CRAWL + 'find_dvcs.py'
    items = [(m.group(1), n, m.group(1)) for n, l in enumerate(repo.lines(f), 1)
             for m in [re.search(r"DVCSTest\('([^']+)'", l)] if m]
    probes('crawl/find_dvcs', f, items, DIRS)
    skipped['crawl/find_dvcs'] = 'files named inside a found repository or ignore file (none here)'
    f = CRAWL + 'wordpress_fingerprint.py'
    probes('crawl/wordpress_fingerprint', f, [(v, repo.find_line(f, "url_join('%s')" % v), v)
                                              for v in ('wp-login.php', 'readme.html', 'latest.zip', 'latest.tar.gz')], ['/', '/blog/'])
    skipped['crawl/wordpress_fingerprint'] = 'release.db hash checks of ordinary WordPress files'
    f = CRAWL + 'wordpress_fullpathdisclosure.py'
    vals, ln = repo.literal(f, 'CHECK_PATHS = [')
    probes('crawl/wordpress_fullpathdisclosure', f, [(v, ln + k, v) for k, v in enumerate(vals)], ['/', '/blog/'])
    skipped['crawl/wordpress_fullpathdisclosure'] = 'theme paths extracted from the page'
    f = CRAWL + 'wordpress_enumerate_users.py'
    ln = repo.find_line(f, "domain_path.querystring = [(u'author', [u'%s' % uid])]")
    probes('crawl/wordpress_enumerate_users', f, [('?author=%d' % k, ln, "author=<uid %d>" % k) for k in (1, 2, 3, 4, 5)], ['/', '/blog/'])
    skipped['crawl/wordpress_enumerate_users'] = 'uids after 5'
    f = CRAWL + 'content_negotiation/common_filenames.db'
    probes('crawl/content_negotiation', f, [(w, n, w) for w, n in repo.wordlist(f)], DIRS,
           note='Accept: w3af/bar (header, not logged)')
    skipped['crawl/content_negotiation'] = '0'
    f = CRAWL + 'genexus_xml.py'
    vals, ln = repo.literal(f, 'GENEXUS_DB = (')
    probes('crawl/genexus_xml', f, [(v, ln, v) for v in vals], ROOT_DIRS)
    skipped['crawl/genexus_xml'] = '0'
    f = CRAWL + 'oracle_discovery.py'
    vals, ln = repo.literal(f, 'ORACLE_URL = (')
    probes('crawl/oracle_discovery', f, [(v, ln + k, v) for k, v in enumerate(vals)], ROOT_DIRS)
    skipped['crawl/oracle_discovery'] = '0'
    f = CRAWL + 'wsdl_finder.py'
    vals, ln = repo.literal(f, 'WSDL = (')
    probes('crawl/wsdl_finder', f, [(v, ln + k, v) for k, v in enumerate(vals)], WSDL_PAGES, kind='append')
    skipped['crawl/wsdl_finder'] = '0'
    f = CRAWL + 'open_api.py'
    names, ln = repo.literal(f, 'FILENAMES = [')
    dirs, ln2 = repo.literal(f, 'DIRECTORIES = [')
    probes('crawl/open_api', f, [(d + n, ln, d + n) for d in dirs for n in names], ROOT_DIRS)
    skipped['crawl/open_api'] = 'the same names under crawled directories'
    f = CRAWL + 'ria_enumerator/common_filenames.db'
    exts, _ = repo.literal(CRAWL + 'ria_enumerator.py', 'self._extensions = [')
    probes('crawl/ria_enumerator', f, [(w + e, n, w + e) for w, n in repo.wordlist(f) for e in exts], ROOT_DIRS)
    f = CRAWL + 'ria_enumerator.py'
    probes('crawl/ria_enumerator', f, [(v, repo.find_line(f, "url_join('%s')" % v), v) for v in ('crossdomain.xml', 'clientaccesspolicy.xml')], ROOT_DIRS)
    skipped['crawl/ria_enumerator'] = '0'
    f = CRAWL + 'user_dir.py'
    users, ln = repo.literal(f, 'COMMON_USERS = [')
    ln2 = repo.find_line(f, "for _format in {'/%s/', '/~%s/'}:")
    probes('crawl/user_dir', f, [(fmt % u, ln, fmt) for u in users for fmt in ('/%s/', '/~%s/')], ROOT_DIRS)
    skipped['crawl/user_dir'] = 'users of user_db/applications.csv and e-mail names'
    f = CRAWL + 'dir_file_bruter/common_dirs_small.db'
    probes('crawl/dir_file_bruter', f, [(w + '/', n, w) for w, n in repo.wordlist(f)], ROOT_DIRS)
    skipped['crawl/dir_file_bruter'] = 'common_files_small.db (bf_files is off by default)'
    f = INFRA + 'find_jboss.py'
    items = [(m.group(1), n, m.group(1)) for n, l in enumerate(repo.lines(f), 1)
             for m in [re.search(r"\{'url': '([^']+)'", l)] if m]
    probes('infrastructure/find_jboss', f, items, ROOT_DIRS)
    skipped['infrastructure/find_jboss'] = '0'
    f = INFRA + 'werkzeug_debugger.py'
    v, ln = repo.literal(f, 'TEST_URL = ')
    probes('infrastructure/werkzeug_debugger', f, [(v, ln, v)], ROOT_DIRS, kind='url')
    skipped['infrastructure/werkzeug_debugger'] = '0'
    f = INFRA + 'php_eggs.py'
    vals, ln = repo.literal(f, 'PHP_EGGS = [')
    probes('infrastructure/php_eggs', f, [(v, ln + k, v) for k, (v, d) in enumerate(vals)], PHP_PAGES, kind='append')
    skipped['infrastructure/php_eggs'] = '0'
    f = INFRA + 'dot_net_errors.py'
    vals, ln = repo.literal(f, 'SPECIAL_CHARS = [')
    probes('infrastructure/dot_net_errors', f, [(c, ln, "name + '%s' + '.' + extension" % c) for c in vals], NET_PAGES, kind='netchar')
    skipped['infrastructure/dot_net_errors'] = '0'
    return C, skipped


# ----------------------------------------------------------------- addresses (from ../thirdparty20/gen.py; other sets' logs also under tests/e2e/data)
def other_sets_addresses():
    here = os.path.basename(OUT)
    others = set()
    files = sorted(glob.glob(os.path.join(OUT, '..', '*', '*.log')))
    files += sorted(glob.glob(os.path.join(ROOT, 'tests', 'e2e', 'data', '**', '*.log'), recursive=True))
    for f in files:
        if os.path.basename(os.path.dirname(f)) == here:
            continue
        with open(f, encoding='utf-8', errors='replace') as fh:
            for l in fh:
                others.add(l.split(' ', 1)[0])
    return others

def pick_v6(r, used, net):
    while True:
        base = int(net.network_address)
        if r.random() < 0.75:
            v = base + (r.getrandbits(16) << 64) + r.getrandbits(64)      # random interface id
        else:
            v = base + (r.getrandbits(16) << 64) + r.randint(1, 0x3ff)    # a small static address
        ip = ipaddress.IPv6Address(v).compressed
        if ip not in used:
            used.add(ip)
            return ip

def ipkey(s):
    ip = ipaddress.ip_address(s)
    return (ip.version, int(ip))

# ----------------------------------------------------------------- checks
FIELD = r'((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\x[0-9A-F]{2})*)'
LOG_RX = re.compile(r'^(\S+) - - \[(\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} \+0000)\] "' + FIELD +
                    r'" (\d{3}) (\d+) "' + FIELD + r'" "' + FIELD + r'"$')
REQ_RX = re.compile(r'^([A-Z]+) (/[\x21-\x7e]*) HTTP/1\.1$')
UA_DESKTOP = re.compile(r'^Mozilla/5\.0 \((Windows NT 10\.0; Win64; x64|Macintosh; Intel Mac OS X [\d_.]+|X11; Linux x86_64)')

def check(others=None):
    ok = True
    def bad(msg):
        nonlocal ok
        ok = False
        print('check: ' + msg)
    addrs, cats = {}, {}
    for kind in ('attacks', 'benign'):
        net = ATTACK_NET if kind == 'attacks' else BENIGN_NET
        with open(os.path.join(OUT, kind + '.log'), encoding='ascii') as f:
            rows = f.read().split('\n')
        if rows[-1] != '':
            bad('%s.log does not end with a newline' % kind)
        prev = None
        seen = collections.Counter()
        for n, l in enumerate(rows[:-1], 1):
            m = LOG_RX.match(l)
            if not m:
                bad('%s.log:%d does not parse as combined' % (kind, n))
                continue
            ip, ts, req, st, ref, ua = m.group(1), m.group(2), m.group(3), m.group(4), m.group(6), m.group(7)
            try:
                if ipaddress.ip_address(ip) not in net:
                    bad('%s.log:%d address %s is not in %s' % (kind, n, ip, net))
            except ValueError:
                bad('%s.log:%d bad address %r' % (kind, n, ip))
            if not REQ_RX.match(req):
                bad('%s.log:%d request line has a raw space or a bad form: %s' % (kind, n, req[:80]))
            t = datetime.datetime.strptime(ts, '%d/%b/%Y:%H:%M:%S +0000')
            if t.date() != DAY.date() or (prev and t < prev):
                bad('%s.log:%d time out of order or off the day' % (kind, n))
            prev = t
            if kind == 'attacks':
                if not req.startswith('GET '):
                    bad('attacks.log:%d not a GET' % n)
                if ref != '-':
                    bad('attacks.log:%d Referer is not -' % n)
                if not UA_DESKTOP.match(ua):
                    bad('attacks.log:%d User-Agent %r is not a desktop browser' % (n, ua[:40]))
                if st not in ('200', '403', '404', '500'):
                    bad('attacks.log:%d status %s' % (n, st))
            seen[ip] += 1
        labels = collections.Counter()
        with open(os.path.join(OUT, kind + '.labels'), encoding='ascii') as f:
            for l in f.read().split('\n')[:-1]:
                parts = l.split('\t')
                want = 4 if kind == 'attacks' else 3
                if len(parts) != want or parts[1] != ('attack' if kind == 'attacks' else 'benign'):
                    bad('%s.labels: bad line %r' % (kind, l))
                    continue
                labels[parts[0]] += 1
                if kind == 'attacks':
                    cats[parts[0]] = parts[2]
                    if parts[2] not in CATEGORIES:
                        bad('attacks.labels: unknown category %r' % parts[2])
        if set(labels) != set(seen) or any(v != 1 for v in labels.values()):
            bad('%s.labels do not cover the addresses of %s.log exactly once' % (kind, kind))
        if kind == 'attacks' and any(v != 1 for v in seen.values()):
            bad('an attacking source sends more than one request')
        addrs[kind] = set(seen)
        print('check: %s.log %d lines, %d sources, all parse' % (kind, sum(seen.values()), len(seen)))
    with open(os.path.join(OUT, 'requests.tsv'), encoding='ascii') as f:
        rows = f.read().split('\n')
    head = rows[0].split('\t')
    tsv = {}
    for x in rows[1:-1]:
        c = dict(zip(head, x.split('\t')))
        if len(c) != len(head) or len(x.split('\t')) != len(head):
            bad('requests.tsv: a row with %d fields' % len(x.split('\t')))
        tsv[c['ADDRESS']] = c
    if set(tsv) != addrs['attacks']:
        bad('requests.tsv does not have one row per attacking address')
    with open(os.path.join(OUT, 'attacks.log'), encoding='ascii') as f:
        for l in f:
            m = LOG_RX.match(l.rstrip('\n'))
            if m and m.group(1) in tsv and tsv[m.group(1)]['REQUEST_LINE'] != m.group(3):
                bad('requests.tsv: request line of %s differs from the log' % m.group(1))
    both = addrs['attacks'] & addrs['benign']
    if both:
        bad('%d addresses are both attack and benign' % len(both))
    if others is None:
        others = other_sets_addresses()
    clash = (addrs['attacks'] | addrs['benign']) & others
    print('check: %d addresses here, %d in other sets\' logs, %d shared, %d attack/benign overlap'
          % (len(addrs['attacks'] | addrs['benign']), len(others), len(clash), len(both)))
    if clash:
        bad('shared with other sets: %s' % ' '.join(sorted(clash)[:10]))
    blk = BLOCK
    def in_blk(a):
        try:
            return ipaddress.ip_address(a) in blk
        except ValueError:
            return False
    theirs = sorted(a for a in others if in_blk(a))
    print('check: %d addresses of other sets in %s' % (len(theirs), blk))
    if theirs:
        bad('other sets use %s: %s' % (blk, ' '.join(theirs[:10])))
    print('check: categories %s' % ', '.join('%s %d' % (c, n) for c, n in
                                             sorted(collections.Counter(cats.values()).items())))
    return ok


# ----------------------------------------------------------------- placing a payload
def normalize_path(p):
    """URL.normalize_url(): empty segments dropped, '..' resolved, trailing slash kept"""
    toks = []
    for s in p.split('/'):
        if not s:
            continue
        if s != '..':
            toks.append(s)
        elif toks:
            toks.pop()
    return '/' + '/'.join(toks) + ('/' if p.endswith('/') and toks else '')

def join(base, rel):
    """url_join: urljoin of the directory (or page) and the relative name, then normalize"""
    if rel.startswith('/'):
        s = rel
    elif rel.startswith('?'):
        s = base + rel
    else:
        s = base.rsplit('/', 1)[0] + '/' + rel
    path, q = (s.split('?', 1) + [None])[:2]
    path = normalize_path(path)
    return path if q is None else path + '?' + q

def build(c, r):
    """returns (placement, value sent, request target)"""
    if c.kind == 'param':
        eps = [e for e in ENDPOINTS if c.tags in e[3]]
        if c.plugin == 'audit/redos':    # ignore_this_request(): PHP pages are skipped
            eps = [e for e in eps if not e[0].endswith('.php')]
        ep = r.choice(eps)
        path, params, name, tags = ep
        orig = dict(params)[name]
        fn = path.rsplit('/', 1)[-1]
        v = c.value.replace('[FILE_NAME]', fn).replace('[EXT]', fn.rsplit('.', 1)[-1])
        if c.append:
            v = orig + v
        if c.note:                       # rfd: PATH_PARAM appended to the path (set_path, not normalized)
            path = path + c.note
        new = [(k, v if k == name else old) for k, old in params]
        where = 'query %s= (%s)' % (name, 'appended to the original value' if c.append else 'replaces the value')
        return where, v, url_encode(path, new)
    d = r.choice(c.tags)
    if c.kind == 'path':
        s = join(d, c.value)
        where = 'path joined to %s' % d + ('; ' + c.note if c.note else '')
    elif c.kind == 'url':
        s = c.value
        where = 'URL string ' + ('with a rand_alnum(7) parameter' if c.plugin.endswith('afd') else 'joined to /')
    elif c.kind == 'append':
        s = d + c.value
        where = 'appended to %s' % d
    elif c.kind == 'netchar':
        name, ext = d.rsplit('.', 1)
        s = name + c.value + '.' + ext
        where = 'file name of %s' % d
    else:
        raise ValueError(c.kind)
    return where, c.value, from_url_string(s)


SYM_RX = [re.compile(r'^\s*([A-Z][A-Z0-9_]+)\s*='), re.compile(r'^\s*def (\w+)'),
          re.compile(r'^\s*self\.(_?[a-z]\w*)\s*=\s*[\[\(\{]')]
def symbol(repo, src, ln):
    """the payload source named in TECHNIQUE: the constant, list or function the cited line
    belongs to (nearest definition at or above it); word lists are named by their file"""
    if not src.endswith('.py'):
        return 'wordlist'
    ls = repo.lines(src)
    for k in range(ln - 1, -1, -1):
        for rx in SYM_RX:
            m = rx.match(ls[k])
            if m:
                return m.group(1)
    return str(ln)


# ----------------------------------------------------------------- sampling
def pools(repo):
    fr = random.Random(FILL_SEED)
    C, skipped = candidates(repo, fr)
    out = collections.OrderedDict()
    for m, cs in C.items():
        seen, keep, rep = set(), [], 0
        for c in cs:
            key = (c.kind, c.value, c.append)
            if key in seen:
                rep += 1
                continue
            seen.add(key)
            keep.append(c)
        out[m] = (keep, rep)
    return out, skipped

def sample(P):
    r = random.Random(SAMPLE_SEED)
    chosen = []
    for m, (cs, rep) in P.items():
        idx = sorted(r.sample(range(len(cs)), min(CAP, len(cs))))
        chosen += [cs[i] for i in idx]
    return chosen


# ----------------------------------------------------------------- write
def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if '--check-only' in sys.argv:
        sys.exit(0 if check() else 1)
    if len(args) != 1:
        sys.exit('usage: gen.py MIRROR [--check|--pools]  or  gen.py --check-only')
    repo = Repo(args[0])
    P, skipped = pools(repo)
    chosen = sample(P)
    if '--pools' in sys.argv:
        n = collections.Counter(c.plugin for c in chosen)
        for m, (cs, rep) in P.items():
            print('%-36s candidates %4d  repeats %2d  sampled %3d  skipped %s' % (m, len(cs), rep, n[m], skipped[m]))
        print('total sampled %d' % len(chosen))
        return
    r = random.Random(SEED)
    r.shuffle(chosen)
    used, others = set(), other_sets_addresses()
    used |= others
    secs = sorted(r.sample(range(60, 86340), len(chosen)))
    lines, labels, rows, seen_targets = [], [], [], set()
    for c, s in zip(chosen, secs):
        for _ in range(50):
            placement, value, target = build(c, r)
            if target not in seen_targets:
                break
        seen_targets.add(target)
        assert ' ' not in target and target.startswith('/'), target
        ip = pick_v6(r, used, ATTACK_NET)
        t = DAY + datetime.timedelta(seconds=s)
        st = weighted(r, STATUS['param' if c.kind == 'param' or c.plugin.endswith('/afd') else 'path'])
        req = 'GET %s HTTP/1.1' % target
        lines.append(line(ip, t, req, st, size(r, st, target), '-', UA[r.choice(DESKTOP)]))
        tech = '%s %s:%s' % (c.plugin, c.src.rsplit('/', 1)[-1], symbol(repo, c.src, c.line))
        labels.append((ip, '%s\tattack\t%s\t%s' % (ip, c.category, tech)))
        rows.append((ip, '\t'.join([ip, c.category, c.plugin, c.src, str(c.line), esc(c.listed),
                                    placement, esc(value), esc(req), COMMIT])))
    blines, blabels = [], []
    for kind, fn, count in BENIGN_KINDS:
        for i in range(count):
            ip = pick_v6(r, used, BENIGN_NET)
            ua = UA[r.choice(ANY_BROWSER)]
            tt = DAY + datetime.timedelta(seconds=r.randint(15 * 60, 23 * 3600))
            for method, target, ref, st in fn(r, i):
                asset = target.split('?')[0].endswith(ASSET_EXT)
                tt += datetime.timedelta(seconds=r.randint(0, 2) if asset else r.randint(3, 90))
                if asset and st == 200 and r.random() < 0.2:
                    st = 304
                blines.append((tt, line(ip, tt, '%s %s HTTP/1.1' % (method, target), st, size(r, st, target, method),
                                        ref, ua)))
            blabels.append((ip, '%s\tbenign\t%s' % (ip, kind)))
    blines.sort(key=lambda x: x[0])
    assert blines[-1][0] < DAY + datetime.timedelta(days=1)
    srt = lambda xs: [v for _, v in sorted(xs, key=lambda x: ipkey(x[0]))]
    out = {
        'attacks.log': lines,
        'attacks.labels': srt(labels),
        'requests.tsv': ['ADDRESS\tCATEGORY\tPLUGIN\tSOURCE_FILE\tLINE\tPAYLOAD_LISTED\tPLACEMENT\tVALUE_SENT'
                         '\tREQUEST_LINE\tCOMMIT'] + srt(rows),
        'benign.log': [l for _, l in blines],
        'benign.labels': srt(blabels),
    }
    for fname, xs in out.items():
        with open(os.path.join(OUT, fname), 'w', encoding='ascii', newline='\n') as f:
            f.write(''.join(x + '\n' for x in xs))
    cnt = collections.Counter(c.category for c in chosen)
    print('wrote %d attacking sources (%s), %d benign sources, %d benign lines'
          % (len(lines), ', '.join('%s %d' % kv for kv in sorted(cnt.items())), len(blabels), len(blines)))
    if '--check' in sys.argv:
        sys.exit(0 if check(others) else 1)

if __name__ == '__main__':
    main()
