#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, requests.tsv, benign.log and benign.labels of
# tests/bench/data/thirdparty18 (fixed seeds: the output is byte-identical on every run).
# Python 3 standard library only, plus the `git` program to read the source repository.
# Written without reading policies/, user/, include/, bpf/, docs/, the repository README or
# the detector; gatehawk and tests/bench/recall.sh were not run.
#
# Angle of this set: the payloads of the WAF testing tool nemesida-waf/waf-bypass
# (utils/payload/TYPE/N.json), each sent once, by one source, in one of the zones an nginx
# "combined" log shows (URL path, query ARGS, User-Agent, Referer), placed and encoded exactly
# as the tool's own code (utils/bypass.py, utils/payloads.py) and its HTTP stack (requests,
# urllib3) put it on the wire.
#
#   python3 gen.py MIRROR            rewrites the five data files next to this script
#   python3 gen.py MIRROR --check    also checks the written files (see check(); exit 1 on a failure)
#   python3 gen.py --check-only      only the checks, on the files as they are
#   python3 gen.py MIRROR --pools    per type: files, left out (and why), candidates, sampled
#   python3 gen.py MIRROR --emit-all every request the tool sends in a loggable zone, with %RND%
#                                    as a1b2c3 (used to compare with the real tool, see README)
#
# MIRROR is the git directory of nemesida-waf/waf-bypass (bare or a work tree), or a directory
# holding it as nemesida-waf+waf-bypass[/repo] or waf-bypass (as /work/.mirror does).  The
# files are read with `git show COMMIT:PATH` at COMMIT below; the tree of utils/payload at that
# commit is compared with PAYLOAD_TREE so that a different input is noticed.
import base64, collections, datetime, glob, html, ipaddress, json, os, random, re, subprocess, sys, urllib.parse

OUT = os.path.dirname(os.path.abspath(__file__))
REPO = 'nemesida-waf/waf-bypass'
COMMIT = 'c469703eddfc77b4b294387d05cd01f4354a74c6'       # 2026-03-14 "Update Dockerfile"
PAYLOAD_DIR = 'utils/payload'
PAYLOAD_TREE = 'b8a1cbff7683adbbd34735b7fd20179beced2a81'  # git rev-parse COMMIT:utils/payload
LICENSE_BLOB = '7327838f678dd21e236399ee9b1f4fb98c804178'  # MIT, "Copyright (c) 2020 Pentestit LLC"
SAMPLE_SEED = 20261203          # which payloads, which zone, which encoding, %RND% values
SEED = 2026120318               # addresses, times, statuses, user agents, benign traffic
DAY = datetime.datetime(2026, 12, 3, 0, 0, 0)
CAP = 40                        # at most this many payloads of one type; a smaller type is taken whole
LOGGED_ZONES = ('URL', 'ARGS', 'USER-AGENT', 'REFERER')   # what a combined log line shows
ALL_ZONES = ('URL', 'ARGS', 'BODY', 'COOKIE', 'USER-AGENT', 'REFERER', 'HEADER')  # the tool's zones, its order
HOST = 'http://www.example.com'  # the tool's --host: an origin without a path

# ----------------------------------------------------------------- the tool's own logic
# utils/payloads.py get_payload: payload[0] of the file; a zone is used when truthy; every
# "%RND%" in a zone becomes one secrets.token_hex(3) (6 hex digits; here drawn from the seed);
# METHOD is lower-cased (requests upper-cases it again); ENCODE is split on spaces and commas;
# BLOCKED defaults to true.
def get_payload(text):
    try:
        j = json.loads(text)['payload'][0]
    except Exception:
        return None
    ret = {z: (j.get(z) or None) for z in ALL_ZONES}
    ret['METHOD'] = (j.get('METHOD') or None) and j['METHOD'].lower()
    ret['ENCODE'] = (j.get('ENCODE') or '').replace(',', ' ').split()
    ret['JSON'] = j.get('JSON') if isinstance(j.get('JSON'), bool) else False
    ret['BLOCKED'] = j.get('BLOCKED') if isinstance(j.get('BLOCKED'), bool) else True
    return ret

def variants(typ, p):
    """the (zone, encoding) requests utils/bypass.py send_payload makes for this payload in a
    logged zone, in its order.  encoding '' is the plain request.  URL, USER-AGENT and REFERER
    are sent plain only; ARGS once per ENCODE value and once plain.  The API directory resets
    the encodings, so does MFD when BODY is set; JSON together with ENCODE makes the tool
    refuse the whole file."""
    if p['JSON'] and p['ENCODE']:
        return []
    enc = list(p['ENCODE'])
    if typ == 'API' or (typ == 'MFD' and p['BODY']):
        enc = []
    enc.append('')
    out = []
    for z in ALL_ZONES:
        if z not in LOGGED_ZONES or not p[z]:
            continue
        for e in enc:
            if e and z != 'ARGS':
                continue
            out.append((z, e))
    return out

# utils/bypass.py payload_encoding (ARGS and BODY are split on & into key=value items and only
# the values are encoded; an unknown encoding leaves the payload as it is)
def _enc1(kind, v):
    if kind == 'HTML-ENTITY':
        return urllib.parse.quote_plus(html.escape(v))
    if kind == 'UTF-16':
        return ''.join([hex(ord(x)).replace('0x', '\\u00') for x in v])
    return base64.b64encode(v.encode('UTF-8')).decode('UTF-8')

def payload_encoding(z, payload, encode):
    if not encode:
        return payload
    kind = encode.upper()
    if kind not in ('HTML-ENTITY', 'UTF-16', 'BASE64'):
        return payload
    if z.upper() not in ('ARGS', 'BODY'):
        return _enc1(kind, payload)
    items = [it.split('=', 1) if '=' in it else [it] for it in payload.split('&')]
    return '&'.join(it[0] + '=' + _enc1(kind, it[1]) if len(it) > 1 else _enc1(kind, it[0]) for it in items)

# The HTTP stack: requests PreparedRequest.prepare_url (urllib3 parse_url, then requote_uri),
# PreparedRequest.path_url (the fragment dropped) and urllib3 HTTPConnectionPool.urlopen
# (_encode_target).  Ported line by line from requests 2.34 / urllib3 2.7 (the tool pins
# requests 2.32.4; this code is the same there).
UNRESERVED = frozenset('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~')

class BadEscape(Exception):
    pass

def unquote_unreserved(uri):
    parts = uri.split('%')
    for i in range(1, len(parts)):
        h = parts[i][0:2]
        if len(h) == 2 and h.isalnum():
            try:
                c = chr(int(h, 16))
            except ValueError:
                raise BadEscape(h)
            parts[i] = c + parts[i][2:] if c in UNRESERVED else '%' + parts[i]
        else:
            parts[i] = '%' + parts[i]
    return ''.join(parts)

def requote_uri(uri):
    try:
        return urllib.parse.quote(unquote_unreserved(uri), safe="!#$%&'()*+,/:;=?@[]~")
    except BadEscape:
        return urllib.parse.quote(uri, safe="!#$&'()*+,/:;=?@[]~")

PERCENT_RE = re.compile(r'%[a-fA-F0-9]{2}')
URI_RE = re.compile(r'^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?://([^\\/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$',
                    re.UNICODE | re.DOTALL)
TARGET_RE = re.compile(r'^(/[^?#]*)(?:\?([^#]*))?(?:#.*)?$', re.DOTALL)
PATH_CHARS = set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-~') | set("!$&'()*+,;=:@/")
QUERY_CHARS = PATH_CHARS | {'?'}

def encode_invalid_chars(component, allowed):
    if component is None:
        return None
    component, n = PERCENT_RE.subn(lambda m: m.group(0).upper(), component)
    b = component.encode('utf-8', 'surrogatepass')
    pct = n == b.count(b'%')
    return ''.join(chr(x) if (pct and x == 0x25) or (x < 128 and chr(x) in allowed) else '%%%02X' % x for x in b)

def remove_dot_segments(path):
    out = []
    for seg in path.split('/'):
        if seg == '.':
            continue
        if seg != '..':
            out.append(seg)
        elif out:
            out.pop()
    if path.startswith('/') and (not out or out[0]):
        out.insert(0, '')
    if path.endswith(('/.', '/..')):
        out.append('')
    return '/'.join(out)

def request_target(url, params=None):
    """the request target that requests.request(method, url, params=params) puts on the wire"""
    url = url.lstrip()
    scheme, netloc, path, query, fragment = URI_RE.match(url).groups()
    if path:
        path = encode_invalid_chars(remove_dot_segments(path), PATH_CHARS)
    if query:
        query = encode_invalid_chars(query, QUERY_CHARS)
    if fragment:
        fragment = encode_invalid_chars(fragment, QUERY_CHARS)
    if not path:
        path = '/'
    if params:
        query = '%s&%s' % (query, params) if query else params
    full = requote_uri(scheme.lower() + '://' + netloc + path + ('?' + query if query else '')
                       + ('#' + fragment if fragment else ''))
    rest = full.split('://', 1)[1][len(netloc):].split('#', 1)[0]
    p, _, q = rest.partition('?')
    target = (p or '/') + ('?' + q if q else '')
    p, q = TARGET_RE.match(target).groups()
    return encode_invalid_chars(p, PATH_CHARS) + ('' if q is None else '?' + encode_invalid_chars(q, QUERY_CHARS))

def tool_request(p, zone, encode, rnd):
    """(method, target, user-agent or None, referer or None, the value handed to requests)"""
    method = (p['METHOD'] or 'get').upper()
    value = p[zone].replace('%RND%', rnd)
    if zone == 'URL':          # test_url: urljoin(host, payload)
        return method, request_target(urllib.parse.urljoin(HOST, value)), None, None, value
    if zone == 'ARGS':         # test_args: params=<encoded string>
        sent = payload_encoding(zone, value, encode)
        return method, request_target(HOST, sent), None, None, sent
    # test_ua / test_referer: the header as it is; nginx drops the spaces around a header value
    hv = value.strip(' \t')
    if zone == 'USER-AGENT':
        return method, request_target(HOST), hv, None, value
    return method, request_target(HOST), None, hv, value

# ----------------------------------------------------------------- reading the repository
def git_dir(root):
    for d in (root, os.path.join(root, 'repo'), os.path.join(root, 'nemesida-waf+waf-bypass', 'repo'),
              os.path.join(root, 'nemesida-waf+waf-bypass'), os.path.join(root, 'waf-bypass')):
        if os.path.isdir(d) and subprocess.run(['git', '-C', d, 'cat-file', '-e', COMMIT + '^{commit}'],
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
            return d
    sys.exit('no git directory holding %s of %s under %s' % (COMMIT, REPO, root))

def git(d, *args):
    return subprocess.run(['git', '-C', d] + list(args), check=True, stdout=subprocess.PIPE).stdout

def natural(path):
    return [int(x) if x.isdigit() else x for x in re.split(r'(\d+)', path)]

def read_payloads(root):
    """[(type, path, text)] in natural order of type and number"""
    d = git_dir(root)
    tree = git(d, 'rev-parse', '%s:%s' % (COMMIT, PAYLOAD_DIR)).decode().strip()
    if tree != PAYLOAD_TREE:
        sys.exit('%s at %s is not the tree this set was made from (%s)' % (PAYLOAD_DIR, COMMIT, tree))
    if git(d, 'rev-parse', '%s:LICENSE' % COMMIT).decode().strip() != LICENSE_BLOB:
        sys.exit('LICENSE differs')
    names = git(d, 'ls-tree', '-r', '--name-only', COMMIT, PAYLOAD_DIR + '/').decode().split('\n')
    names = sorted((n for n in names if n.endswith('.json')), key=natural)
    # one `git cat-file --batch` for all files
    proc = subprocess.run(['git', '-C', d, 'cat-file', '--batch'], check=True, stdout=subprocess.PIPE,
                          input=''.join('%s:%s\n' % (COMMIT, n) for n in names).encode())
    data, out, pos = proc.stdout, [], 0
    for n in names:
        nl = data.index(b'\n', pos)
        size = int(data[pos:nl].split()[2])
        out.append((n.split('/')[2], n, data[nl + 1:nl + 1 + size].decode('utf-8')))
        pos = nl + 1 + size + 1
    return out

# ----------------------------------------------------------------- selection
def cut_on_wire(p, zone, encode):
    """True when the tool's HTTP stack does not send the whole payload: a raw '#' in a URL or
    ARGS value starts a fragment, which is never sent (everything after it is lost), and a
    raw tab, CR or LF in a URL is deleted by urljoin.  Such a request is left out: on the wire it
    is often harmless (UWA/26.json "/do.php#.png" arrives as GET /do.php)."""
    if zone not in ('URL', 'ARGS'):
        return False
    v = payload_encoding(zone, p[zone], encode)
    return '#' in v or (zone == 'URL' and any(c in v for c in '\t\r\n'))

def candidates(files):
    """type -> [(path, payload, [(zone, encoding)])] and type -> Counter of what was left out.
    Left out: FP (BLOCKED false: the tool's own false-positive probes, not attacks); a file
    the tool skips (not JSON, or JSON with ENCODE); a file with no zone a combined log shows
    (only BODY, COOKIE, HEADER); a file whose every logged request is cut on the wire (see
    cut_on_wire); a file whose every logged request repeats one of an earlier file (natural
    order): the same zone and the same request on the wire (method, target, User-Agent or
    Referer, with %RND% held fixed), so the same payload in the same zone, or a payload that
    differs only in an escape the HTTP stack undoes (API/1.json "1 union" and API/2.json
    "1%20union" in ARGS).  A request that is cut or repeated is dropped alone from the file's
    choices; the file stays when another zone or encoding is left."""
    cand, left = collections.OrderedDict(), collections.OrderedDict()
    seen = set()
    for typ, path, text in files:
        lo = left.setdefault(typ, collections.Counter())
        lo['files'] += 1
        p = get_payload(text)
        if p is None:
            lo['not-json'] += 1
            continue
        if not p['BLOCKED']:
            lo['not-an-attack'] += 1
            continue
        if p['JSON'] and p['ENCODE']:
            lo['tool-refuses'] += 1
            continue
        v = variants(typ, p)
        if not v:
            lo['no-logged-zone'] += 1
            continue
        cut = [(z, e) for z, e in v if cut_on_wire(p, z, e)]
        lo['cut-on-wire'] += len(cut)
        v = [x for x in v if x not in cut]
        if not v:
            lo['cut'] += 1
            continue
        wire = {(z, e): (z,) + tool_request(p, z, e, 'a1b2c3')[:4] for z, e in v}
        keep = [x for x in v if wire[x] not in seen]
        seen.update(wire.values())
        lo['repeated'] += len(v) - len(keep)
        if not keep:
            lo['duplicate'] += 1
            continue
        cand.setdefault(typ, []).append((path, p, keep))
    return cand, left

def sample(cand):
    """[(type, path, payload, zone, encoding, rnd)] in type order; zone uniform among the file's
    logged zones, then encoding uniform among the tool's requests for that zone"""
    r = random.Random(SAMPLE_SEED)
    out = []
    for typ, items in cand.items():
        got = list(items) if len(items) <= CAP else sorted(r.sample(items, CAP), key=lambda it: natural(it[0]))
        for path, p, keep in got:
            zones = []
            for z, _ in keep:
                if z not in zones:
                    zones.append(z)
            z = r.choice(zones)
            e = r.choice([e for z2, e in keep if z2 == z])
            rnd = '%06x' % r.getrandbits(24)
            out.append((typ, path, p, z, e, rnd))
    return out

# ----------------------------------------------------------------- user agents
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

# ----------------------------------------------------------------- statuses, sizes, escaping
# An attack's status, by zone: a path probe is mostly not found or refused, a query or a
# header against a live page mostly answered, some refused (403) or failing (500).
STATUS = {
    'URL': [(404, 45), (403, 30), (200, 20), (500, 5)],
    'ARGS': [(200, 45), (403, 30), (404, 10), (500, 15)],
    'USER-AGENT': [(200, 60), (403, 35), (500, 5)],
    'REFERER': [(200, 60), (403, 35), (500, 5)],
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

def esc_latin1(s):
    """a header value as http.client sends it (latin-1), escaped as nginx logs it"""
    return esc(s.encode('latin-1').decode('utf-8', 'surrogateescape'))

def line(ip, t, request, st, sz, ref, ua, header_esc=esc):
    return '%s - - [%s] "%s" %d %d "%s" "%s"' % (ip, t.strftime('%d/%b/%Y:%H:%M:%S +0000'), esc(request),
                                                st, sz, header_esc(ref), header_esc(ua))

# ----------------------------------------------------------------- addresses
# Attack and benign sources alike, from one pool without repeats: the IPv4 documentation
# addresses (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) that no other set's log used when
# this set was written (FREE_V4, listed so that the output does not change when a set is added
# later), and IPv6 under 2001:db8:1800::/40, which no other set uses.  --check compares with
# every other set's *.log as it is then.
FREE_V4 = '''192.0.2.3 192.0.2.67 192.0.2.108 192.0.2.122 192.0.2.125 192.0.2.142 192.0.2.144 192.0.2.152
    192.0.2.159 192.0.2.166 192.0.2.169 192.0.2.185 192.0.2.195 192.0.2.207 192.0.2.215 192.0.2.224 192.0.2.228
    192.0.2.244 198.51.100.1 198.51.100.39 198.51.100.46 198.51.100.55 198.51.100.60 198.51.100.102
    198.51.100.119 198.51.100.123 198.51.100.186 198.51.100.193 198.51.100.228 198.51.100.244 198.51.100.248
    198.51.100.250 203.0.113.63 203.0.113.81 203.0.113.101 203.0.113.105 203.0.113.127 203.0.113.128
    203.0.113.144 203.0.113.145 203.0.113.178 203.0.113.204 203.0.113.205 203.0.113.207 203.0.113.209
    203.0.113.219 203.0.113.243 203.0.113.254'''.split()
NET6 = ipaddress.ip_network('2001:db8:1800::/40')
V4_SHARE = 0.18

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

def pick_v6(r, used):
    while True:
        base = int(NET6.network_address)
        if r.random() < 0.7:
            v = base + (r.getrandbits(24) << 64) + r.getrandbits(64)      # random interface id
        else:
            v = base + (r.getrandbits(24) << 64) + r.randint(1, 0x3ff)    # a small static address
        ip = ipaddress.IPv6Address(v).compressed
        if ip not in used:
            used.add(ip)
            return ip

def ipkey(s):
    ip = ipaddress.ip_address(s)
    return (ip.version, int(ip))

# ----------------------------------------------------------------- benign browsing
# Each benign source is one person with one browser on one of five kinds of site: a page,
# its assets (with the page as Referer, some revalidated as 304), then more pages, searches or
# API calls.  Several requests brush against the attack types without being attacks: products
# called "Select Fit Chinos" or "Red Alert Beanie", searches for select, script, union, alert,
# people called O'Connor / O'Reilly / O'Brien (the apostrophe raw or encoded), blog posts
# about .env files and /etc/passwd, docs pages reached from a wiki whose URL carries a
# relative "../" path (Referer).  The i-th source of a kind takes the i-th near-miss.
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
DOC_PAGES = ['/manual/sql/select-and-union', '/manual/html/script-element', '/manual/js/alert-confirm-prompt',
             '/manual/linux/etc-passwd-fields', '/manual/web/relative-links', '/manual/config/dotenv',
             '/manual/shell/pipes-and-redirects', '/manual/xml/entities']
DOC_Q = ['select statement', 'script defer', 'union all', 'alert dialog', '/etc/passwd fields',
         'relative link ../', "O'Reilly", '.env file']
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

# ----------------------------------------------------------------- checks
FIELD = r'((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\x[0-9A-F]{2})*)'
LOG_RX = re.compile(r'^(\S+) - - \[(\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} \+0000)\] "' + FIELD +
                    r'" (\d{3}) (\d+) "' + FIELD + r'" "' + FIELD + r'"$')
REQ_RX = re.compile(r'^([A-Z]+) (/[\x21-\x7e]*) HTTP/1\.1$')
UA_DESKTOP = re.compile(r'^Mozilla/5\.0 \((Windows NT 10\.0; Win64; x64|Macintosh; Intel Mac OS X [\d_.]+|X11; Linux x86_64)')
CATEGORIES = ('api', 'cm', 'graphql', 'ldap', 'lfi', 'misc', 'nosqli', 'or', 'rce', 'rfi', 'sqli', 'ssi', 'ssrf',
              'ssti', 'uwa', 'xss')

def check(others=None):
    ok = True
    def bad(msg):
        nonlocal ok
        ok = False
        print('check: ' + msg)
    with open(os.path.join(OUT, 'requests.tsv'), encoding='ascii') as f:
        rows = f.read().split('\n')
    head = rows[0].split('\t')
    zone_of = {}
    for x in rows[1:-1]:
        c = dict(zip(head, x.split('\t')))
        zone_of[c['ADDRESS']] = c['ZONE']
    addrs, cats = {}, {}
    for kind in ('attacks', 'benign'):
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
                ipaddress.ip_address(ip)
            except ValueError:
                bad('%s.log:%d bad address %r' % (kind, n, ip))
            if not REQ_RX.match(req):
                bad('%s.log:%d request line has a raw space or a bad form: %s' % (kind, n, req[:80]))
            t = datetime.datetime.strptime(ts, '%d/%b/%Y:%H:%M:%S +0000')
            if t.date() != DAY.date() or (prev and t < prev):
                bad('%s.log:%d time out of order or off the day' % (kind, n))
            prev = t
            if kind == 'attacks':
                z = zone_of.get(ip)
                if (ref != '-') != (z == 'REFERER'):
                    bad('attacks.log:%d Referer is %r with zone %s' % (n, ref[:40], z))
                if z != 'USER-AGENT' and not UA_DESKTOP.match(ua):
                    bad('attacks.log:%d User-Agent %r is not a desktop browser (zone %s)' % (n, ua[:40], z))
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
    if set(zone_of) != addrs['attacks']:
        bad('requests.tsv does not have one row per attacking address')
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
    print('check: categories %s' % ', '.join('%s %d' % (c, n) for c, n in
                                             sorted(collections.Counter(cats.values()).items())))
    return ok

# ----------------------------------------------------------------- write
def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if '--check-only' in sys.argv:
        sys.exit(0 if check() else 1)
    if len(args) != 1:
        sys.exit('usage: gen.py MIRROR [--check|--pools|--emit-all]  or  gen.py --check-only')
    files = read_payloads(args[0])
    cand, left = candidates(files)
    if '--emit-all' in sys.argv:
        for typ, path, text in files:
            p = get_payload(text)
            if p is None:
                continue
            for z, e in variants(typ, p):
                method, target, ua, ref, _ = tool_request(p, z, e, 'a1b2c3')
                print('\t'.join([path.split('/', 2)[2], z, e, esc('%s %s HTTP/1.1' % (method, target)),
                                 '-' if ua is None else esc_latin1(ua), '-' if ref is None else esc_latin1(ref)]))
        return
    picked = sample(cand)
    if '--pools' in sys.argv:
        got = collections.Counter(it[0] for it in picked)
        for typ, lo in left.items():
            print('%-8s files %3d  not-an-attack %d  no-logged-zone %2d  tool-refuses %d  not-json %d  cut %d  duplicate %2d'
                  '  (requests cut %d, repeated %2d)  candidates %3d  sampled %d'
                  % (typ, lo['files'], lo['not-an-attack'], lo['no-logged-zone'], lo['tool-refuses'], lo['not-json'],
                     lo['cut'], lo['duplicate'], lo['cut-on-wire'], lo['repeated'], len(cand.get(typ, [])),
                     got[typ]))
        return

    r = random.Random(SEED)
    v4 = list(FREE_V4)
    r.shuffle(v4)
    used = set()

    def pick_ip():
        if v4 and r.random() < V4_SHARE:
            ip = v4.pop()
            used.add(ip)
            return ip
        return pick_v6(r, used)

    items = list(picked)
    r.shuffle(items)
    times = sorted(r.sample(range(3 * 60, 86400 - 3 * 60), len(items)))
    lines, labels, rows = [], [], []
    for k, (typ, path, p, zone, enc, rnd) in enumerate(items):
        ip = pick_ip()
        method, target, ua, ref, sent = tool_request(p, zone, enc, rnd)
        request = '%s %s HTTP/1.1' % (method, target)
        st = weighted(r, STATUS[zone])
        browser = UA[r.choice(DESKTOP)]
        t = DAY + datetime.timedelta(seconds=times[k])
        lines.append(line(ip, t, request, st, size(r, st, target, method), ref if ref is not None else '-',
                          ua if ua is not None else browser, header_esc=esc_latin1))
        short = path.split('/', 2)[2]                    # XSS/12.json, the tool's own key
        tech = ':'.join([short, zone] + ([enc.upper()] if enc else []))
        labels.append((ip, '%s\tattack\t%s\t%s' % (ip, typ.lower(), tech)))
        listed = p[zone]
        rows.append((ip, '\t'.join([ip, typ.lower(), tech, REPO, COMMIT, path, zone, enc or 'plain', method,
                                    esc(listed), '=' if sent == listed else esc(sent), esc(request),
                                    'https://github.com/%s/blob/%s/%s' % (REPO, COMMIT, path)])))

    blines, blabels = [], []
    for kind, fn, count in BENIGN_KINDS:
        for i in range(count):
            ip = pick_ip()
            ua = UA[r.choice(ANY_BROWSER)]
            tt = DAY + datetime.timedelta(seconds=r.randint(15 * 60, 23 * 3600))
            reqs = fn(r, i)
            assert 6 <= len(reqs) <= 9, (kind, len(reqs))
            for method, target, ref, st in reqs:
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
        'requests.tsv': ['ADDRESS\tCATEGORY\tTECHNIQUE\tREPOSITORY\tCOMMIT\tFILE\tZONE\tENCODING\tMETHOD'
                         '\tPAYLOAD_AS_LISTED\tPAYLOAD_AS_SENT\tREQUEST_LINE\tPUBLIC_SOURCE'] + srt(rows),
        'benign.log': [l for _, l in blines],
        'benign.labels': srt(blabels),
    }
    for name, xs in out.items():
        with open(os.path.join(OUT, name), 'w', encoding='ascii', newline='\n') as f:
            f.write(''.join(x + '\n' for x in xs))
    cnt = collections.Counter(it[0].lower() for it in items)
    print('wrote %d attacking sources (%s), %d benign sources, %d benign lines'
          % (len(lines), ', '.join('%s %d' % kv for kv in sorted(cnt.items())), len(blabels), len(blines)))
    if '--check' in sys.argv:
        sys.exit(0 if check() else 1)

if __name__ == '__main__':
    main()
