#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, requests.tsv, benign.log and benign.labels of
# tests/bench/data/thirdparty20 (fixed seeds: the output is byte-identical on every run).
# Python 3 standard library only, plus the `git` program to read the source repository.
# Written without reading policies/, user/, include/, bpf/, docs/, the repository README or
# the detector; gatehawk and tests/bench/recall.sh were not run.
#
# Angle of this set: the attack payloads of the wapiti web vulnerability scanner
# (wapiti-scanner/wapiti, GPL-2.0).  Payloads are read from the payload files under
# wapitiCore/data/attacks/ (INI and text files, parsed as wapiti's IniPayloadReader and
# TxtPayloadReader do) and from the few modules that build them in code (mod_sql, mod_crlf,
# mod_redirect, mod_ssrf, mod_log4shell, mod_spring4shell).  Placeholders are filled as the
# module / wapiti's Mutator fills them ([VALUE], [EXTVALUE], [DIRVALUE], [FILE_NAME], [TIME],
# [EXTERNAL_ENDPOINT], [SESSION_ID], [PATH_ID], [PARAM_AS_HEX], __XSS__ ...), random parts from
# a fixed seed.  Each sampled payload is sent once, by one source, as wapiti puts it on the
# wire: the query is rebuilt by wapiti's own urlencode (urllib.parse.quote with safe=''),
# paths are percent-encoded as httpx does for a path.
#
#   python3 gen.py MIRROR            rewrites the five data files next to this script
#   python3 gen.py MIRROR --check    also checks the written files (exit 1 on a failure)
#   python3 gen.py --check-only      only the checks, on the files as they are
#   python3 gen.py MIRROR --pools    per module: candidates and sampled
#
# MIRROR is the git directory of wapiti-scanner/wapiti (bare or work tree), or a directory
# holding it as wapiti-scanner+wapiti[/repo] (as /work/.mirror does).
import collections, configparser, datetime, glob, ipaddress, os, random, re, subprocess, sys, urllib.parse, uuid

OUT = os.path.dirname(os.path.abspath(__file__))
REPO = 'wapiti-scanner/wapiti'
COMMIT = 'd33d1218e4b370701752fada81e00bce4abd67dc'   # 2026-07-20 "fix(passive): dedup cleartext password findings per page, ignoring query string"
LICENSE_BLOB = 'd159169d1050894d3ea3b98e1c965c4058208fe1'  # LICENSE: GNU GPL v2 (pyproject: GPLv2, files: "version 2 ... or later")
SAMPLE_SEED = 20261205          # which payloads
FILL_SEED = 2026120519          # random tokens the modules make at run time
SEED = 2026120521               # endpoints, addresses, times, statuses, user agents, benign traffic
DAY = datetime.datetime(2026, 12, 5, 0, 0, 0)
CAP = 35                        # at most this many payloads of one module; a smaller module is taken whole
ATTACK_NET = ipaddress.ip_network('2001:db8:2a3c::/48')   # under 2001:db8:2a00::/40
BENIGN_NET = ipaddress.ip_network('2001:db8:2ac5::/48')

# wapiti's defaults (wapitiCore/attack/attack.py, parsers/commandline.py)
EXTERNAL_ENDPOINT = 'http://wapiti3.ovh/'      # Attack.external_endpoint default
PROTO_ENDPOINT = 'wapiti3.ovh/'                # netloc + path of it
DNS_ENDPOINT = 'dns.wapiti3.ovh'               # --dns-endpoint default
TIME_TO_SLEEP = 11                             # ceil(--timeout 10.0) + 1 (mod_timesql)
ATTACKS = 'wapitiCore/data/attacks/'

SOURCE_FILES = ['LICENSE', ATTACKS + 'blindSQLPayloads.ini', ATTACKS + 'execPayloads.ini',
                ATTACKS + 'fileHandlingPayloads.ini', ATTACKS + 'ldap.ini', ATTACKS + 'xssPayloads.ini',
                ATTACKS + 'xxePayloads.ini', ATTACKS + 'backupPayloads.txt', ATTACKS + 'busterPayloads.txt',
                'wapitiCore/attack/mod_sql.py', 'wapitiCore/attack/mod_crlf.py', 'wapitiCore/attack/mod_redirect.py',
                'wapitiCore/attack/mod_ssrf.py', 'wapitiCore/attack/mod_log4shell.py',
                'wapitiCore/attack/mod_spring4shell.py']


def git_dir(root):
    for c in (root, os.path.join(root, 'repo'), os.path.join(root, 'wapiti-scanner+wapiti', 'repo'),
              os.path.join(root, 'wapiti-scanner+wapiti')):
        if os.path.isdir(c) and subprocess.run(['git', '-C', c, 'cat-file', '-e', COMMIT + '^{commit}'],
                                               capture_output=True).returncode == 0:
            return c
    sys.exit('no git directory holding %s under %s' % (COMMIT, root))

class Repo:
    def __init__(self, root):
        self.dir = git_dir(root)
        blob = self.git('rev-parse', '%s:LICENSE' % COMMIT).strip()
        if blob != LICENSE_BLOB:
            sys.exit('LICENSE blob %s, expected %s' % (blob, LICENSE_BLOB))
    def git(self, *a):
        return subprocess.run(['git', '-C', self.dir] + list(a), capture_output=True, check=True).stdout.decode('utf-8')
    def show(self, path):
        return self.git('show', '%s:%s' % (COMMIT, path))
    def find_line(self, path, needle):
        for n, l in enumerate(self.show(path).split('\n'), 1):
            if needle in l:
                return n
        raise SystemExit('%r not found in %s' % (needle, path))


# ----------------------------------------------------------------- wapiti's payload readers
def replace_tags(p):
    """parsers/ini_payload_parser.py replace_tags"""
    p = p.strip(' \n')
    return p.replace('[TAB]', '\t').replace('[LF]', '\n').replace('[FF]', '\f').replace('[NULL]', '\0')

def read_ini(repo, path):
    """IniPayloadReader: ConfigParser(interpolation=None); returns (section, fields, line of 'payload =')"""
    text = repo.show(path)
    cp = configparser.ConfigParser(interpolation=None)
    cp.read_string(text)
    lines = text.split('\n')
    out = []
    for sec in cp.sections():
        start = lines.index('[%s]' % sec)
        ln = next(i for i in range(start, len(lines)) if lines[i].startswith('payload'))
        out.append((sec, dict(cp[sec]), ln + 1))
    return out

def read_txt(repo, path):
    """TxtPayloadReader.process_line"""
    out = []
    for n, l in enumerate(repo.show(path).split('\n'), 1):
        c = l.strip(' \n').replace('[TAB]', '\t').replace('[LF]', '\n').replace('[FF]', '\f').replace('\\0', '\0')
        if l == '' and n == len(repo.show(path).split('\n')):
            continue
        out.append((l, c, n))
    return out

def random_string(r, prefix='w', length=10):
    """attack.py random_string (its alphabet has a doubled j)"""
    return prefix + ''.join(r.choice('0123456789abcdefghjijklmnopqrstuvwxyz') for _ in range(length - len(prefix)))

def uuid4(r):
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


# ----------------------------------------------------------------- encoding on the wire
def wq(s):
    """wapiti's web.urlencode: quote_via=urllib.parse.quote, safe='' (keeps A-Z a-z 0-9 _ . - ~)"""
    return urllib.parse.quote(s, safe='')

def encode_query(params):
    return '&'.join(wq(k) if v is None else wq(k) + '=' + wq(v) for k, v in params)

HTTPX_PATH_SAFE = "!$&'()*+,;=:@/%"
def httpx_path(p):
    """httpx percent-encodes a path, keeping unreserved, sub-delims, ':@/' and existing %XX"""
    out = []
    i = 0
    while i < len(p):
        c = p[i]
        if c == '%' and re.match(r'%[0-9A-Fa-f]{2}', p[i:i + 3]):
            out.append(p[i:i + 3]); i += 3; continue
        if c == '%':
            out.append('%25')
        elif c.isascii() and (c.isalnum() or c in '-._~' or c in HTTPX_PATH_SAFE):
            out.append(c)
        else:
            out.append(''.join('%%%02X' % b for b in c.encode('utf-8')))
        i += 1
    return ''.join(out)


# ----------------------------------------------------------------- user agents, statuses, sizes, escaping
# (copied from ../thirdparty19/gen.py, which took them from ../thirdparty18: the User-Agent strings, the sizes, nginx's escaping)
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
# (the skeleton and most sites from ../thirdparty18/gen.py)  Each benign source is one person
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
# (path, query parameters with their original values, attacked parameter, tags, path_id)
# path_id is the id wapiti's persister gives the crawled request (used by [PATH_ID]).
ENDPOINTS = [
    ('/item', [('id', '42')], 'id', {'sql', 'any'}, 17),
    ('/products', [('category', 'shoes'), ('sort', 'price')], 'category', {'sql', 'any'}, 23),
    ('/search', [('q', 'running shoes')], 'q', {'sql', 'xss', 'any'}, 9),
    ('/news/article.php', [('id', '1187'), ('lang', 'en')], 'id', {'sql', 'any'}, 58),
    ('/account/orders', [('status', 'shipped'), ('page', '2')], 'status', {'sql'}, 71),
    ('/guestbook.php', [('name', 'Dana'), ('msg', 'hello')], 'name', {'xss'}, 44),
    ('/blog/comment', [('text', 'nice post')], 'text', {'xss', 'any'}, 86),
    ('/tools/ping', [('host', '10.0.0.1')], 'host', {'cmd'}, 31),
    ('/cgi-bin/lookup.cgi', [('domain', 'example.com')], 'domain', {'cmd'}, 35),
    ('/convert', [('src', 'report.docx'), ('to', 'pdf')], 'src', {'cmd', 'file'}, 102),
    ('/index.php', [('page', 'about.html')], 'page', {'file'}, 2),
    ('/download.php', [('file', 'docs/manual.pdf')], 'file', {'file'}, 64),
    ('/view', [('template', 'themes/home.tpl')], 'template', {'file'}, 77),
    ('/directory', [('user', 'alice')], 'user', {'ldap'}, 51),
    ('/people/search', [('cn', 'Smith')], 'cn', {'ldap'}, 53),
    ('/login', [('next', '/dashboard')], 'next', {'redirect', 'crlf'}, 5),
    ('/out', [('url', 'https://partner.example.net/')], 'url', {'redirect', 'ssrf'}, 93),
    ('/fetch', [('url', 'https://cdn.example.com/a.png')], 'url', {'ssrf'}, 66),
    ('/api/import', [('feed', 'https://news.example.org/rss')], 'feed', {'ssrf', 'xxe'}, 118),
    ('/api/validate', [('doc', 'invoice.xml')], 'doc', {'xxe'}, 121),
    ('/set-lang', [('lang', 'en'), ('return', '/')], 'lang', {'crlf'}, 12),
    ('/app/dashboard', [('tab', 'overview')], 'tab', {'spring', 'any'}, 140),
]
BACKUP_PAGES = ['/shop/product.php', '/admin/config.php', '/app/login.jsp', '/index.php']
BUSTER_DIRS = ['/', '/', '/app/', '/static/']

CATEGORY = {'sql': 'sqli', 'timesql': 'sqli', 'exec': 'cmdi', 'file': 'traversal', 'xss': 'xss', 'ldap': 'ldap', 'crlf': 'crlf',
            'redirect': 'redirect', 'ssrf': 'ssrf', 'log4shell': 'log4shell', 'spring4shell': 'spring4shell',
            'xxe': 'xxe', 'backup': 'file-probe', 'buster': 'file-probe'}
CATEGORIES = sorted(set(CATEGORY.values()) | {'traversal', 'rfi'})


class Cand:
    """one payload as listed in wapiti; kind 'param' (placed in the attacked query parameter),
    'path' (a path to request), 'solr' (log4shell's Solr query), 'spring' (an extra parameter)"""
    def __init__(self, module, category, src, line, listed, kind, tags=None, template=None):
        self.module, self.category, self.src, self.line, self.listed = module, category, src, line, listed
        self.kind, self.tags, self.template = kind, tags, template if template is not None else listed


def candidates(repo, fr):
    C = collections.OrderedDict((m, []) for m in CATEGORY)
    skipped = collections.OrderedDict()
    # mod_sql: error payload + boolean payloads (built in code)
    f = 'wapitiCore/attack/mod_sql.py'
    C['sql'].append(Cand('sql', 'sqli', f, repo.find_line(f, 'payloads = ["[VALUE]'), "[VALUE]\\xBF'\"(",
                         'param', 'sql', "[VALUE]\xBF'\"("))
    ln_and = repo.find_line(f, '"[VALUE]{sep} AND {left_value}={right_value} AND {sep}{padding_value}')
    ln_par = repo.find_line(f, '"[VALUE]{sep}) AND {left_value}={right_value} AND ({sep}')
    ln_or = repo.find_line(f, 'fmt_string = "[VALUE]{sep} OR {left_value}={right_value}{comment}"')
    def ri():
        return fr.randint(10, 99)
    for par in (False, True):
        for sep in ('', "'", '"'):
            fmt = ("[VALUE]{sep}) AND {l}={r} AND ({sep}{p}{sep}={sep}{p}" if par else
                   "[VALUE]{sep} AND {l}={r} AND {sep}{p}{sep}={sep}{p}")
            for k in range(4):
                a = ri()
                b = ri() + a if k < 2 else a
                p = ri()
                v = fmt.format(sep=sep, l=a, r=b, p=p)
                C['sql'].append(Cand('sql', 'sqli', f, ln_par if par else ln_and, v, 'param', 'sql', v))
    for sep in ("'", '"'):
        for com in ('-- ', '#'):
            for k in range(4):
                a = ri()
                b = ri() + a if k < 2 else a
                v = '[VALUE]{sep} OR {l}={r}{c}'.format(sep=sep, l=a, r=b, c=com)
                C['sql'].append(Cand('sql', 'sqli', f, ln_or, v, 'param', 'sql', v))
    skipped['sql'] = '1 (filename_payload `\'"(`, multipart file names only)'
    # mod_timesql
    f = ATTACKS + 'blindSQLPayloads.ini'
    for sec, d, ln in read_ini(repo, f):
        v = replace_tags(d['payload']).replace('[TIME]', str(TIME_TO_SLEEP))
        C['timesql'].append(Cand('timesql', 'sqli', f, ln, d['payload'], 'param', 'sql', v))
    skipped['timesql'] = '0'
    # mod_exec
    f = ATTACKS + 'execPayloads.ini'
    for sec, d, ln in read_ini(repo, f):
        C['exec'].append(Cand('exec', 'cmdi', f, ln, d['payload'], 'param', 'cmd', replace_tags(d['payload'])))
    skipped['exec'] = '0'
    # mod_file
    f = ATTACKS + 'fileHandlingPayloads.ini'
    for sec, d, ln in read_ini(repo, f):
        v = replace_tags(d['payload']).replace('[EXTERNAL_ENDPOINT]', EXTERNAL_ENDPOINT)
        cat = 'rfi' if '[EXTERNAL_ENDPOINT]' in d['payload'] or '://' in d['payload'] and 'http' in d['payload'] else 'traversal'
        C['file'].append(Cand('file', cat, f, ln, d['payload'], 'param', 'file', v))
    skipped['file'] = '0'
    # mod_xss: text context (close_tag = yes); the taint code is random_string()
    f = ATTACKS + 'xssPayloads.ini'
    n_open = 0
    for sec, d, ln in read_ini(repo, f):
        if d.get('close_tag', 'yes').lower() in ('no', 'false'):
            n_open += 1
            continue
        v = d['payload'].strip(' \n').replace('[TAB]', '\t').replace('[LF]', '\n').replace('[FF]', '\x0c')
        v = v.replace('[EXTERNAL_ENDPOINT]', EXTERNAL_ENDPOINT).replace('[PROTO_ENDPOINT]', PROTO_ENDPOINT)
        C['xss'].append(Cand('xss', 'xss', f, ln, d['payload'], 'param', 'xss', v))
    skipped['xss'] = '%d (close_tag = no: only used in an attribute context; not placed here) + the taint probe (control)' % n_open
    # mod_ldap
    f = ATTACKS + 'ldap.ini'
    for sec, d, ln in read_ini(repo, f):
        if d['payload'] == 'nosuchvalue':
            continue
        C['ldap'].append(Cand('ldap', 'ldap', f, ln, d['payload'], 'param', 'ldap', replace_tags(d['payload'])))
    skipped['ldap'] = '1 (control `nosuchvalue`)'
    # mod_crlf, mod_redirect
    f = 'wapitiCore/attack/mod_crlf.py'
    C['crlf'].append(Cand('crlf', 'crlf', f, repo.find_line(f, 'str_to_payloadinfo(["http://www.google.fr'),
                          'http://www.google.fr\\r\\nwapiti: 3.3.0 version', 'param', 'crlf',
                          'http://www.google.fr\r\nwapiti: 3.3.0 version'))
    skipped['crlf'] = '0'
    f = 'wapitiCore/attack/mod_redirect.py'
    ln = repo.find_line(f, 'str_to_payloadinfo(["https://openbugbounty.org/"')
    for v in ('https://openbugbounty.org/', '//openbugbounty.org/'):
        C['redirect'].append(Cand('redirect', 'redirect', f, ln, v, 'param', 'redirect', v))
    skipped['redirect'] = '0'
    # mod_ssrf: one payload per parameter; three parameters
    f = 'wapitiCore/attack/mod_ssrf.py'
    ln = repo.find_line(f, 'SSRF_PAYLOAD = ')
    for ep in [e for e in ENDPOINTS if 'ssrf' in e[3]]:
        C['ssrf'].append(Cand('ssrf', 'ssrf', f, ln, '{external_endpoint}ssrf/{random_id}/{path_id}/{hex_param}/',
                              'param', ep[0], '{external_endpoint}ssrf/{random_id}/{path_id}/{hex_param}/'))
    skipped['ssrf'] = '0'
    # mod_log4shell
    f = 'wapitiCore/attack/mod_log4shell.py'
    lg = repo.find_line(f, 'return "${jndi:dns://"')
    for k in range(3):
        C['log4shell'].append(Cand('log4shell', 'log4shell', f, lg, '${jndi:dns://{dns_endpoint}/{unique_id}.l}',
                                   'param', 'any', 'L4S'))
    C['log4shell'].append(Cand('log4shell', 'log4shell', f, repo.find_line(f, 'query = f"action=CREATE&name={payload}&wt=json"'),
                               'action=CREATE&name={payload}&wt=json', 'solr'))
    C['log4shell'].append(Cand('log4shell', 'log4shell', f, repo.find_line(f, '.replace("//", "$%7B::-/%7D/")'),
                               '${jndi:dns://...} with // -> $%7B::-/%7D/, as a path', 'struts'))
    hdrs = len([x for x in repo.show(ATTACKS + 'log4shell_headers.txt').strip().split('\n')])
    skipped['log4shell'] = ('%d header payloads (log4shell_headers.txt, one per header) + vSphere X-Forwarded-For (header) '
                            '+ UniFi (2 JSON POST) + Druid (DELETE) + POST-body parameters' % hdrs)
    # mod_spring4shell
    f = 'wapitiCore/attack/mod_spring4shell.py'
    C['spring4shell'].append(Cand('spring4shell', 'spring4shell', f, repo.find_line(f, 'return f"class.module.classLoader['),
                                  'class.module.classLoader[{unique_id}]={unique_id}', 'spring', 'spring'))
    skipped['spring4shell'] = '1 (the POST copy, sent when the GET one does not answer)'
    # mod_xxe: GET parameter values
    f = ATTACKS + 'xxePayloads.ini'
    for sec, d, ln in read_ini(repo, f):
        v = replace_tags(d['payload']).replace('[EXTERNAL_ENDPOINT]', EXTERNAL_ENDPOINT)
        C['xxe'].append(Cand('xxe', 'xxe', f, ln, d['payload'], 'param', 'xxe', v))
    skipped['xxe'] = 'the raw-body and multipart-upload copies of each payload (attack_body, attack_upload)'
    # mod_backup, mod_buster: paths
    f = ATTACKS + 'backupPayloads.txt'
    for raw, v, ln in read_txt(repo, f):
        if v:
            C['backup'].append(Cand('backup', 'file-probe', f, ln, raw, 'path', 'backup', v))
    skipped['backup'] = '1 (control: random_string() + ".zip")'
    f = ATTACKS + 'busterPayloads.txt'
    for raw, v, ln in read_txt(repo, f):
        if v:
            C['buster'].append(Cand('buster', 'file-probe', f, ln, raw, 'path', 'buster', v))
    skipped['buster'] = '1 per folder (control: random_string() 404 check)'
    return C, skipped


# ----------------------------------------------------------------- addresses (from ../thirdparty19/gen.py)
def other_sets_addresses():
    here = os.path.basename(OUT)
    others = set()
    for f in sorted(glob.glob(os.path.join(OUT, '..', '*', '*.log'))):
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
    blk = ipaddress.ip_network('2001:db8:2a00::/40')
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
def fill_value(c, ep, fr, session):
    """the value the Mutator puts in the attacked parameter (attack.py Mutator._mutate_urlencoded_multipart)"""
    path, params, name, tags, path_id = ep
    saved = dict(params)[name]
    v = c.template
    if c.module == 'ssrf':
        return v.format(external_endpoint=EXTERNAL_ENDPOINT, random_id=session['ssrf'], path_id=path_id,
                        hex_param=name.encode().hex())
    if c.module == 'log4shell':
        return '${jndi:dns://' + '%s/%s' % (DNS_ENDPOINT, uuid4(fr)) + '.l}'
    if c.module == 'xss':
        parent = fr.choice(['p', 'div', 'td', 'span', 'title', 'textarea'])
        prefix = '</%s>' % parent if parent in ('title', 'textarea') else ''
        return prefix + v.replace('__XSS__', random_string(fr))
    v = v.replace('[SESSION_ID]', session['xxe'])
    file_name = path.rsplit('/', 1)[-1]
    v = v.replace('[FILE_NAME]', file_name).replace('[FILE_NOEXT]', os.path.splitext(file_name)[0])
    v = v.replace('[PATH_ID]', str(path_id)).replace('[PARAM_AS_HEX]', name.encode().hex())
    if '[EXTVALUE]' in v:
        assert '.' in saved[:-1]
        v = v.replace('[EXTVALUE]', saved.rsplit('.', 1)[-1])
    v = v.replace('[VALUE]', saved).replace('[DIRVALUE]', saved.rsplit('/', 1)[0])
    return v

def build(c, r, fr, session):
    """returns (placement, value sent, request target)"""
    if c.kind == 'param':
        eps = [e for e in ENDPOINTS if (c.tags in e[3] if c.module != 'ssrf' else e[0] == c.tags)]
        if c.module == 'file' and '[EXTVALUE]' in c.template:
            eps = [e for e in eps if '.' in dict(e[1])[e[2]][:-1]]
        ep = r.choice(eps)
        v = fill_value(c, ep, fr, session)
        params = [(k, v if k == ep[2] else old) for k, old in ep[1]]
        return 'query %s=' % ep[2], v, ep[0] + '?' + encode_query(params)
    if c.kind == 'spring':
        ep = r.choice([e for e in ENDPOINTS if 'spring' in e[3]])
        u = uuid4(fr)
        k, v = c.listed.format(unique_id=u).split('=')
        return 'extra query parameter', '%s=%s' % (k, v), ep[0] + '?' + encode_query(list(ep[1]) + [(k, v)])
    if c.kind == 'solr':
        payload = ('${jndi:dns://' + '%s/%s' % (DNS_ENDPOINT, uuid4(fr)) + '.l}').replace('{', '%7B').replace('}', '%7D')
        q = 'action=CREATE&name=%s&wt=json' % payload
        # Request(path=url?query, get_params=None): parse_qsl (unquote) then wapiti's urlencode
        parsed = [(k, urllib.parse.unquote(x)) for k, x in (p.split('=', 1) for p in q.split('&'))]
        return 'root solr/admin/cores query', q, '/solr/admin/cores?' + encode_query(parsed)
    if c.kind == 'struts':
        payload = ('${jndi:dns://' + '%s/%s' % (DNS_ENDPOINT, uuid4(fr)) + '.l}').replace('//', '$%7B::-/%7D/')
        return 'root path', payload, httpx_path('/' + payload + '/')
    if c.module == 'backup':
        page = r.choice(BACKUP_PAGES)
        d, fn = page.rsplit('/', 1)
        v = c.template.replace('[FILE_NAME]', fn).replace('[FILE_NOEXT]', os.path.splitext(fn)[0])
        return 'path next to %s' % page, v, httpx_path(d + '/' + v)
    if c.module == 'buster':
        d = r.choice(BUSTER_DIRS)
        return 'path under %s' % d, c.template, httpx_path(d + c.template.lstrip('/'))
    raise ValueError(c.kind)


# ----------------------------------------------------------------- sampling
def pools(repo):
    fr = random.Random(FILL_SEED)
    C, skipped = candidates(repo, fr)
    out = collections.OrderedDict()
    for m, cs in C.items():
        seen, keep, rep = set(), [], 0
        for c in cs:
            key = (c.kind, c.template, c.tags)
            if key in seen and c.module not in ('log4shell', 'ssrf'):
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
        n = collections.Counter(c.module for c in chosen)
        for m, (cs, rep) in P.items():
            print('%-13s candidates %5d  repeats %2d  sampled %3d  skipped %s' % (m, len(cs), rep, n[m], skipped[m]))
        return
    r = random.Random(SEED)
    fr = random.Random(FILL_SEED + 1)
    session = {'ssrf': random_string(fr, '', 6), 'xxe': random_string(fr, '', 6)}
    r.shuffle(chosen)
    used, others = set(), other_sets_addresses()
    used |= others
    secs = sorted(r.sample(range(60, 86340), len(chosen)))
    lines, labels, rows, seen_targets = [], [], [], set()
    for c, s in zip(chosen, secs):
        while True:
            placement, value, target = build(c, r, fr, session)
            if target not in seen_targets:
                break
        seen_targets.add(target)
        assert ' ' not in target and target.startswith('/'), target
        ip = pick_v6(r, used, ATTACK_NET)
        t = DAY + datetime.timedelta(seconds=s)
        st = weighted(r, STATUS['param' if c.kind in ('param', 'spring', 'solr') else 'path'])
        req = 'GET %s HTTP/1.1' % target
        lines.append(line(ip, t, req, st, size(r, st, target), '-', UA[r.choice(DESKTOP)]))
        tech = 'mod_%s %s' % (c.module, c.src.rsplit('/', 1)[-1])
        labels.append((ip, '%s\tattack\t%s\t%s' % (ip, c.category, tech)))
        rows.append((ip, '\t'.join([ip, c.category, 'mod_' + c.module, c.src, str(c.line), esc(c.listed),
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
        'requests.tsv': ['ADDRESS\tCATEGORY\tMODULE\tPAYLOAD_FILE\tLINE\tPAYLOAD_LISTED\tPLACEMENT\tVALUE_SENT'
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
