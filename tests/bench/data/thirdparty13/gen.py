#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, requests.tsv, benign.log and benign.labels of
# tests/bench/data/thirdparty13 from payloads.tsv (fixed seed: the output is
# byte-identical on every run).  Python 3 standard library only.  Written without
# reading policies/ or the detector.
#
#   python3 gen.py           write the files
#   python3 gen.py --check   also check that no other set's *.log has an address in
#                            this set's two /20 ranges (and none of this set's addresses)
#
# Angle of this set: the labelled payloads of Wallarm's GoTestWAF (testcases/ at
# revision REV below, MIT licence), placed and encoded the way GoTestWAF's own Go code
# places and encodes them, for the placeholders an nginx access log shows: URLParam,
# URLPath, UserAgent, Header (written into the Referer, the one request header the
# "combined" format logs) and the GET form of the GraphQL placeholder.  One request per
# attacking source.  Benign sources are browsers that load a page of a site and then send
# one of GoTestWAF's false-positive texts the way its URLParam placeholder sends it.
import base64, datetime, glob, ipaddress, json, os, random, re, sys, urllib.parse

OUT = os.path.dirname(os.path.abspath(__file__))
REV = '67dfd7a73f4e7ecd2908c8fb2c96f5e62f1d53b6'
SEED = 20260204
DAY = datetime.datetime(2026, 2, 4, 0, 0, 0)
ATTACK_NET = ipaddress.ip_network('100.93.160.0/20')
BENIGN_NET = ipaddress.ip_network('100.93.176.0/20')
N_ATTACKS = 300
N_BENIGN = 150

# ----------------------------------------------------------------- user agents
# Browser releases current in early February 2026.
UA = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:147.0) Gecko/20100101 Firefox/147.0",
    "Mozilla/5.0 (X11; Linux x86_64; rv:147.0) Gecko/20100101 Firefox/147.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:147.0) Gecko/20100101 Firefox/147.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36 Edg/144.0.0.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Mobile Safari/537.36",
]

# ----------------------------------------------------------------- GoTestWAF encoders
# internal/payload/encoder/*.go.  Only Plain, URL and Base64Flat occur in the test cases
# whose placeholders an access log shows; the others are here for completeness.
def go_path_escape(s):
    """Go url.PathEscape (encodePathSegment): keeps alnum, -_.~ and $&+:=@; uppercase %XX"""
    return urllib.parse.quote(s.encode('utf-8'), safe='$&+:=@')

def go_query_escape(s):
    """Go url.QueryEscape: keeps alnum and -_.~, space as +"""
    return urllib.parse.quote_plus(s.encode('utf-8'), safe='')

def enc_plain(s):
    return s

def enc_url(s):
    return go_path_escape(s)

def enc_base64(s):
    return base64.b64encode(s.encode('utf-8')).decode()

def enc_base64flat(s):
    return enc_base64(s).replace('=', '')

ENCODERS = {'Plain': enc_plain, 'URL': enc_url, 'Base64': enc_base64, 'Base64Flat': enc_base64flat}

# ----------------------------------------------------------------- Go net/url, net/http
# http.NewRequest parses the URL with url.Parse; the client writes URL.RequestURI() on the
# request line.  This is what decides what reaches the server (and so the access log).
class GoURLError(Exception):
    pass

UNRESERVED = set(b'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~')

def _should_escape_path(c):
    if c in UNRESERVED:
        return False
    if c in b'$&+,/:;=@':
        return False
    return True            # '?' and everything else

def _go_escape_path(b):
    return ''.join('%%%02X' % c if _should_escape_path(c) else chr(c) for c in b)

def _go_unescape(s):
    out, i = bytearray(), 0
    while i < len(s):
        c = s[i]
        if c == '%':
            h = s[i + 1:i + 3]
            if len(h) < 2 or any(x not in '0123456789abcdefABCDEF' for x in h):
                raise GoURLError('invalid URL escape %r' % s[i:i + 3])
            out.append(int(h, 16))
            i += 3
        else:
            out += c.encode('latin-1')
            i += 1
    return bytes(out)

def _valid_encoded(s):
    for c in s.encode('latin-1'):
        if c in b"!$&'()*+,;=:@[]%":
            continue
        if _should_escape_path(c):
            return False
    return True

def go_request_uri(url):
    """url.Parse(url) then URL.RequestURI(), as net/http writes it; raises GoURLError when
    Go refuses the URL (control byte, bad escape in the path)"""
    raw = url.encode('utf-8').decode('latin-1')          # Go strings are bytes
    raw = raw.split('#', 1)[0]                           # fragment is never sent
    if any(ord(c) < 0x20 or ord(c) == 0x7f for c in raw):
        raise GoURLError('net/url: invalid control character in URL')
    m = re.match(r'^https?://[^/?]*', raw)
    rest = raw[m.end():]
    if '?' in rest:
        p, q = rest.split('?', 1)
        q = '?' + q if q != '' else ''
    else:
        p, q = rest, ''
    path = _go_unescape(p)
    raw_path = '' if _go_escape_path(path) == p else p
    if raw_path and _valid_encoded(raw_path) and _go_unescape(raw_path) == path:
        ep = raw_path
    else:
        ep = _go_escape_path(path)
    uri = ep or '/'
    return (uri + q).encode('latin-1').decode('utf-8', 'surrogateescape')

# ----------------------------------------------------------------- GoTestWAF placeholders
# internal/payload/placeholder/{urlparam,urlpath,useragent,header,graphql}.go, Go HTTP client.
def ph_urlparam(target, payload, hexname):
    """URLParam.CreateRequest: target URL without fragment; no query -> strip trailing
    slashes and add '?' (or '/?' when the last non-slash byte is the host's); with a
    query -> add '&'; then '<10 hex>=' and the encoded payload, unescaped"""
    u = target.split('#', 1)[0]
    m = re.match(r'^(https?://[^/?]*)([^?]*)(\?.*)?$', u)
    path, query = m.group(2), m.group(3)
    if not query or query == '?':
        u = u.rstrip('?')
        i = len(u) - 1
        while u[i] == '/':
            i -= 1
        u = u[:i + 1] + ('?' if path.endswith(u[i:]) and path != '' else '/?')
    else:
        u += '&'
    return u + hexname + '=' + payload

def ph_urlpath(target, payload):
    """URLPath.CreateRequest: strip trailing slashes, add '/', append the payload"""
    return target.rstrip('/') + '/' + payload

def ph_graphql_get(target, payload):
    """GraphQL placeholder, method GET: query parameter 'query' set to the encoded
    payload and the whole query re-encoded by url.Values.Encode (keys sorted)"""
    m = re.match(r'^(https?://[^?]*)(\?(.*))?$', target)
    params = urllib.parse.parse_qsl(m.group(3) or '', keep_blank_values=True)
    params = [(k, v) for k, v in params if k != 'query'] + [('query', payload)]
    params.sort(key=lambda kv: kv[0])
    return m.group(1) + '?' + '&'.join(go_query_escape(k) + '=' + go_query_escape(v) for k, v in params)

# ----------------------------------------------------------------- nginx log line
def esc(s):
    """nginx ngx_http_log_escape: '"', '\\' and bytes outside printable ASCII as \\xHH"""
    out = []
    for ch in s.encode('utf-8', 'surrogateescape'):
        if ch == 0x22 or ch == 0x5c or ch < 0x20 or ch > 0x7e:
            out.append('\\x%02X' % ch)
        else:
            out.append(chr(ch))
    return ''.join(out)

def line(ip, t, request, st, sz, ref, ua):
    return '%s - - [%s] "%s" %d %d "%s" "%s"' % (ip, t.strftime('%d/%b/%Y:%H:%M:%S +0000'),
                                                esc(request), st, sz, esc(ref) if ref else '-', esc(ua))

def size(r, st, target=''):
    if st == 304:
        return 0
    if st == 200:
        if target.endswith('.css'):
            return r.randint(20000, 90000)
        if target.endswith('.js'):
            return r.randint(40000, 180000)
        if target.endswith('.ico'):
            return r.randint(1100, 15000)
        return r.randint(4200, 48000)
    if st == 403:
        return r.choice([153, 162, 548, r.randint(700, 4800)])
    if st == 404:
        return r.choice([153, 162, 555, r.randint(900, 6200)])
    if st == 400:
        return r.choice([150, 157, 166])
    return r.randint(150, 600)

# ----------------------------------------------------------------- payloads
def load_payloads():
    rows = []
    with open(os.path.join(OUT, 'payloads.tsv'), encoding='ascii') as f:
        for l in f:
            if l.startswith('#') or l.startswith('SET\t'):
                continue
            st, fn, idx, encs, phs, pl = l.rstrip('\n').split('\t')
            rows.append(dict(set=st, file=fn, index=int(idx), encoders=encs.split(','),
                             placeholders=phs.split(','), payload=json.loads(pl)))
    return rows

# GoTestWAF target URLs (its --url) the attacking sources were pointed at: mostly a
# site root, sometimes an application path or a page that already has a query.
TARGETS = [('http://site.example/', 11), ('https://site.example/', 8), ('https://site.example/index.php', 2),
           ('https://site.example/app/', 2), ('https://site.example/api/v1', 1), ('https://site.example/shop/', 2),
           ('https://site.example/search?q=test', 1), ('https://site.example/products?id=1', 1)]
GRAPHQL_TARGETS = [('https://site.example/graphql', 3), ('https://site.example/api/graphql', 1)]

def wchoice(r, pairs):
    tot = sum(w for _, w in pairs)
    x = r.randrange(tot)
    for v, w in pairs:
        if x < w:
            return v
        x -= w
    raise AssertionError

def build_attack(r, c):
    """one GoTestWAF request for combination c = (row, encoder, placeholder); returns the
    request target, the User-Agent (None: a browser), the Referer and where the payload is"""
    row, encname, ph = c
    p = ENCODERS[encname](row['payload'])
    hexname = '%010x' % r.getrandbits(40)      # placeholder.RandomHex(5)
    ua, ref = None, None
    if ph == 'URLParam':
        target = wchoice(r, TARGETS)
        url = ph_urlparam(target, p, hexname)
    elif ph == 'URLPath':
        url = ph_urlpath(wchoice(r, [(u, w) for u, w in TARGETS if '?' not in u]), p)
    elif ph == 'UserAgent':
        url = wchoice(r, TARGETS)
        ua = p
    elif ph == 'Header':
        # GoTestWAF puts it in a random "X-<10 hex>" header, which no access log shows;
        # here it is the Referer.
        url = wchoice(r, TARGETS)
        ref = p
    elif ph == 'GraphQL:GET':
        url = ph_graphql_get(wchoice(r, GRAPHQL_TARGETS), p)
    else:
        raise AssertionError(ph)
    uri = go_request_uri(url)
    return uri, ua, ref

def status_for(r, ph, uri):
    low = uri.lower()
    if ph == 'URLPath':
        if '%00' in low:
            return 400                           # nginx refuses a decoded NUL in the path
        return 404 if r.random() < 0.82 else 403
    if ph == 'GraphQL:GET':
        return 200 if r.random() < 0.8 else 400  # sent only once the endpoint answered 200
    x = r.random()
    path = uri.split('?')[0]
    if path in ('/app', '/api/v1', '/shop') and ph == 'URLParam':
        return 404 if x < 0.35 else 403 if x < 0.5 else 200
    return 200 if x < 0.78 else 403 if x < 0.94 else 404 if x < 0.97 else 400

def allocate(sizes, budget):
    """per set: at least min(5, size); the rest of the budget in proportion to size
    (largest remainder)"""
    base = {k: min(5, v) for k, v in sizes.items()}
    tot = sum(sizes.values())
    want = {k: budget * v / tot for k, v in sizes.items()}
    n = {k: max(base[k], int(want[k])) for k in sizes}
    order = sorted(sizes, key=lambda k: (-(want[k] - int(want[k])), k))
    i = 0
    while sum(n.values()) < budget:
        k = order[i % len(order)]
        if want[k] > base[k]:
            n[k] += 1
        i += 1
    return n

# ----------------------------------------------------------------- benign browsing
SITES = ['https://shop.example', 'https://news.example', 'https://help.example', 'https://books.example']
PAGES = ['/', '/', '/blog/', '/help/faq', '/products/', '/about', '/contact', '/docs/getting-started',
         '/account/orders', '/community/', '/blog/2026/01/release-notes']
# GoTestWAF target URLs a person's payload request goes to (URLParam appends to them)
FORM_TARGETS = ['/', '/search', '/search', '/feedback', '/contact', '/support/ask', '/search?lang=en',
                '/community/ask', '/products?page=2']
ASSETS = ['/static/css/site.css', '/static/js/app.js', '/favicon.ico', '/static/js/vendor.js']
ENTRY_REFS = ['-', '-', '-', 'https://www.google.com/', 'https://duckduckgo.com/', 'https://www.bing.com/']

def addr(r, net, used):
    lo = int(net.network_address)
    while True:
        a = ipaddress.ip_address(lo + r.randrange(1, net.num_addresses - 1))
        if a.packed[3] in (0, 255) or a in used:
            continue
        used.add(a)
        return str(a)

def main():
    r = random.Random(SEED)
    rows = load_payloads()
    # --- attack combinations, grouped by test case (set/file)
    combos = {}
    for row in rows:
        if row['set'] == 'false-pos':
            continue
        for e in row['encoders']:
            for ph in row['placeholders']:
                combos.setdefault((row['set'], row['file']), []).append((row, e, ph))
    n = allocate({k: len(v) for k, v in combos.items()}, N_ATTACKS)
    picks = []
    for k in sorted(combos):
        lst = list(combos[k])
        r.shuffle(lst)
        for i in range(n[k]):
            if i and i % len(lst) == 0:
                r.shuffle(lst)
            picks.append(lst[i % len(lst)])
    r.shuffle(picks)
    used = set()
    times = sorted(DAY + datetime.timedelta(seconds=r.randint(120, 86000)) for _ in picks)
    lines, labels, reqrows = [], [], []
    for c, t in zip(picks, times):
        row, e, ph = c
        ip = addr(r, ATTACK_NET, used)
        uri, ua, ref = build_attack(r, c)
        st = status_for(r, ph, uri)
        tech = '%s/%s:%s:%s' % (row['set'], row['file'], e, ph.split(':')[0])
        lines.append(line(ip, t, 'GET %s HTTP/1.1' % uri, st, size(r, st), ref, ua or r.choice(UA)))
        labels.append('%s\tattack\t%s\t%s' % (ip, row['file'], tech))
        where = {'URLParam': 'query', 'URLPath': 'path', 'UserAgent': 'user-agent', 'Header': 'referer',
                 'GraphQL:GET': 'query'}[ph]
        reqrows.append('\t'.join([ip, row['file'], tech, str(row['index']), where,
                                  esc(ua if ph == 'UserAgent' else ref if ph == 'Header' else uri)]))
    # --- benign
    fp = [row for row in rows if row['set'] == 'false-pos']
    order = []
    while len(order) < N_BENIGN:
        lst = list(fp)
        r.shuffle(lst)
        order += lst
    order = order[:N_BENIGN]
    bused = set()
    blines, blabels = [], []
    for row in order:
        ip = addr(r, BENIGN_NET, bused)
        ua = r.choice(UA)
        site = r.choice(SITES)
        page = r.choice(PAGES)
        t = DAY + datetime.timedelta(seconds=r.randint(300, 85000))
        reqs = [(t, page, 200, r.choice(ENTRY_REFS))]
        nassets = r.choice([0, 0, 1, 2])
        for a in r.sample(ASSETS, nassets):
            t += datetime.timedelta(seconds=r.randint(0, 1))
            reqs.append((t, a, 304 if r.random() < 0.15 else 200, site + page))
        e = r.choice(row['encoders'])
        p = ENCODERS[e](row['payload'])
        hexname = '%010x' % r.getrandbits(40)
        uri = go_request_uri(ph_urlparam(site + r.choice(FORM_TARGETS), p, hexname))
        t += datetime.timedelta(seconds=r.randint(6, 120))
        reqs.append((t, uri, 200, site + page))
        if len(reqs) < 5 and r.random() < 0.45:
            t += datetime.timedelta(seconds=r.randint(5, 90))
            reqs.append((t, r.choice([x for x in PAGES if x != page]), 200, site + page))
        assert 2 <= len(reqs) <= 5
        for (tt, target, st, ref) in reqs:
            blines.append((tt, line(ip, tt, 'GET %s HTTP/1.1' % target, st, size(r, st, target),
                                    None if ref == '-' else ref, ua)))
        blabels.append('%s\tbenign\tfalse-pos-%s' % (ip, row['file']))
    blines.sort(key=lambda x: x[0])
    key = lambda s: tuple(int(x) for x in s.split('\t')[0].split('.'))
    def write(name, text_lines):
        with open(os.path.join(OUT, name), 'w', newline='\n') as f:
            f.write(''.join(l + '\n' for l in text_lines))
    write('attacks.log', lines)
    write('attacks.labels', sorted(labels, key=key))
    write('requests.tsv', ['ADDRESS\tCATEGORY\tTECHNIQUE\tPAYLOAD_INDEX\tWHERE\tLOGGED_VALUE'] + sorted(reqrows, key=key))
    write('benign.log', [l for _, l in blines])
    write('benign.labels', sorted(blabels, key=key))

def check():
    """no other set's *.log has an address inside ATTACK_NET or BENIGN_NET, nor any
    address of this set"""
    mine = set()
    for name in ('attacks.log', 'benign.log'):
        with open(os.path.join(OUT, name), encoding='latin-1') as f:
            for l in f:
                mine.add(ipaddress.ip_address(l.split(' ', 1)[0]))
    assert all(a in ATTACK_NET or a in BENIGN_NET for a in mine)
    data = os.path.dirname(OUT)
    bad, nlogs, nothers = [], 0, 0
    for path in sorted(glob.glob(os.path.join(data, '**', '*.log'), recursive=True)):
        if os.path.dirname(os.path.abspath(path)) == OUT:
            continue
        nlogs += 1
        with open(path, encoding='latin-1') as f:
            for l in f:
                m = re.match(r'(\d+\.\d+\.\d+\.\d+) ', l)
                if not m:
                    continue
                a = ipaddress.ip_address(m.group(1))
                nothers += 1
                if a in ATTACK_NET or a in BENIGN_NET or a in mine:
                    bad.append((path, str(a)))
    print('checked %d lines of %d other logs: %d addresses in %s or %s' %
          (nothers, nlogs, len(bad), ATTACK_NET, BENIGN_NET))
    for b in bad[:20]:
        print('  %s %s' % b)
    return not bad

if __name__ == '__main__':
    main()
    if '--check' in sys.argv[1:]:
        sys.exit(0 if check() else 1)
