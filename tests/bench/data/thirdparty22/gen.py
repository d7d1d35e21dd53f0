#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, requests.tsv, benign.log and benign.labels of
# tests/bench/data/thirdparty22 (fixed seeds: the output is byte-identical on every run).
# Python 3 standard library only, plus the `git` program to read the source repository.
# Written without reading policies/, user/, include/, bpf/, docs/, tests/unit, the repository
# README or the detector; gatehawk and tests/bench/recall.sh were not run.
#
# Angle of this set: the HTTP PoCs of the afrog scanner (zan8in/afrog, MIT licence), YAML files
# under pocs/afrog-pocs/{CNVD,CVE,default-pwd,disclosure,fingerprinting,unauthorized,vulnerability}.
# Each PoC is read with a small reader for the YAML subset afrog's PoCs use; its `set:` variables
# are filled as afrog's CEL functions fill them (randomLowercase, randomInt, md5, base64,
# request.url.host ...), random parts from a fixed seed.  The first rule whose request carries
# the probe (not a bare GET / or GET /favicon.ico) is put on the wire as afrog puts it:
#   - `path:` requests: afrog's retryhttpclient.Request (space -> %20, # -> %23), then
#     zan8in/retryablehttp's urlutil (query re-encoded by ParamEncode, order kept, `;` dropped
#     from values) and Go's net/url (path: RawPath kept when valid, else re-escaped);
#   - `raw:` requests: the second space-separated field of the first line, as written (rawhttp).
# One source sends that one request.
#
#   python3 gen.py MIRROR            rewrites the five data files next to this script
#   python3 gen.py MIRROR --check    also checks the written files (exit 1 on a failure)
#   python3 gen.py --check-only      only the checks, on the files as they are
#   python3 gen.py MIRROR --pools    per folder: PoCs, left out (and why), usable, sampled
#
# MIRROR is the git directory of zan8in/afrog (bare or work tree), or a directory holding it as
# zan8in+afrog[/repo] (as /work/.mirror does).
import base64, collections, datetime, glob, hashlib, ipaddress, os, random, re, subprocess, sys, urllib.parse

OUT = os.path.dirname(os.path.abspath(__file__))
REPO = 'zan8in/afrog'
COMMIT = '1aa8c4980362cc1f4ecc1201ba8768b62c7fcab3'   # 2026-06-02 "update"
LICENSE_BLOB = 'c8f34c95345c0a8da1b484fbc7547998259287cc'  # LICENSE: "MIT License", Copyright (c) 2022 zan8in
POCS = 'pocs/afrog-pocs/'
SAMPLE_SEED = 20261207          # which PoCs
FILL_SEED = 2026120711          # random values afrog makes at run time (per PoC, seeded by its path)
SEED = 2026120723               # addresses, times, statuses, user agents, benign traffic
DAY = datetime.datetime(2026, 12, 7, 0, 0, 0)
TARGET_N = 285                  # about this many PoCs before the per-folder minimum (gives 300)
MIN_PER_FOLDER = 12             # at least this many of a folder (or all of it)
ATTACK_NET = ipaddress.ip_network('2001:db8:2c5e::/48')   # under 2001:db8:2c00::/40
BENIGN_NET = ipaddress.ip_network('2001:db8:2cb1::/48')
BLOCK = ipaddress.ip_network('2001:db8:2c00::/40')

# the scanned site (afrog -t https://www.example.com)
TARGET_SCHEME, TARGET_HOST, TARGET_PORT = 'https', 'www.example.com', '443'


def git_dir(root):
    for c in (root, os.path.join(root, 'repo'), os.path.join(root, 'zan8in+afrog', 'repo'),
              os.path.join(root, 'zan8in+afrog')):
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
        if not self.show('LICENSE').startswith('MIT License'):
            sys.exit('LICENSE is not the MIT licence')
    def git(self, *a):
        return subprocess.run(['git', '-C', self.dir] + list(a), capture_output=True, check=True).stdout.decode('utf-8')
    def show(self, path):
        return self.git('show', '%s:%s' % (COMMIT, path))
    def pocs(self):
        names = self.git('ls-tree', '-r', '--name-only', COMMIT, POCS).split('\n')
        return sorted(n for n in names if n.endswith(('.yaml', '.yml')))


# ----------------------------------------------------------------- a reader for the YAML subset of afrog's PoCs
class YamlError(Exception):
    pass

KEY_RX = re.compile(r'''^( *)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?: +(.*)|)$''')

def _indent(l):
    return len(l) - len(l.lstrip(' '))

def _blank(l):
    s = l.strip()
    return s == '' or s.startswith('#')

def _strip_comment(v):
    """a plain scalar ends at ' #'"""
    m = re.search(r'\s#', v)
    return (v[:m.start()] if m else v).rstrip()

DQ_ESC = {'0': '\0', 'a': '\a', 'b': '\b', 't': '\t', '\t': '\t', 'n': '\n', 'v': '\v', 'f': '\f',
          'r': '\r', 'e': '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', 'N': '\x85', '_': '\xa0'}

def _fold(lines):
    """flow-scalar line folding: one line break -> space, n empty lines -> n newlines"""
    out = lines[0].rstrip(' \t') if len(lines) > 1 else lines[0]
    empties = 0
    for k, l in enumerate(lines[1:], 1):
        s = l.strip(' \t') if k < len(lines) - 1 else l.lstrip(' \t')
        if s == '' and k < len(lines) - 1:
            empties += 1
            continue
        out += ('\n' * empties if empties else ' ') + s
        empties = 0
    return out

def _double_quoted(text):
    """text: the content between the quotes, with its raw line breaks"""
    lines = text.split('\n')
    # an escaped line break: drop the backslash, the break and the next line's leading blanks
    joined = [lines[0]]
    for l in lines[1:]:
        prev = joined[-1]
        bs = len(prev) - len(prev.rstrip('\\'))
        if bs % 2 == 1:
            joined[-1] = prev[:-1] + l.lstrip(' \t')
        else:
            joined.append(l)
    s = _fold(joined) if len(joined) > 1 else joined[0]
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c != '\\':
            out.append(c); i += 1; continue
        n = s[i + 1] if i + 1 < len(s) else ''
        if n in DQ_ESC:
            out.append(DQ_ESC[n]); i += 2
        elif n in 'xuU':
            w = {'x': 2, 'u': 4, 'U': 8}[n]
            h = s[i + 2:i + 2 + w]
            if not re.fullmatch('[0-9A-Fa-f]{%d}' % w, h):
                raise YamlError('bad escape')
            out.append(chr(int(h, 16))); i += 2 + w
        else:
            raise YamlError('bad escape \\%s' % n)
    return ''.join(out)

def _single_quoted(text):
    lines = text.split('\n')
    s = _fold(lines) if len(lines) > 1 else lines[0]
    return s.replace("''", "'")

def _scalar_from(lines, i, first, ind):
    """value starting on line i (text `first`); returns (value, next line, quoted)"""
    if first[:1] in ('"', "'"):
        q = first[0]
        buf = first[1:]
        j = i
        while True:
            # find the closing quote
            k = 0
            while k < len(buf):
                if q == '"' and buf[k] == '\\':
                    k += 2; continue
                if buf[k] == q:
                    if q == "'" and k + 1 < len(buf) and buf[k + 1] == "'":
                        k += 2; continue
                    rest = buf[k + 1:].strip()
                    if rest and not rest.startswith('#'):
                        raise YamlError('text after a quoted scalar')
                    body = buf[:k]
                    return (_double_quoted(body) if q == '"' else _single_quoted(body)), j + 1, True
                k += 1
            j += 1
            if j >= len(lines):
                raise YamlError('unterminated quoted scalar')
            buf += '\n' + lines[j]
    if first[:1] in ('|', '>'):
        m = re.match(r'^([|>])([+-]?)([1-9]?)([+-]?)\s*(#.*)?$', first)
        if not m:
            raise YamlError('bad block scalar header')
        style, chomp = m.group(1), m.group(2) or m.group(4)
        j = i + 1
        body = []
        while j < len(lines) and (lines[j].strip() == '' or _indent(lines[j]) > ind):
            body.append(lines[j]); j += 1
        while body and body[-1].strip() == '':
            body.pop(); j -= 1
        # (trailing blank lines are not part of the content for clip/strip)
        if m.group(3):
            ci = ind + int(m.group(3))
        else:
            ci = min((_indent(l) for l in body if l.strip()), default=ind + 1)
        body = [l[ci:] if l.strip() else '' for l in body]
        if style == '|':
            text = '\n'.join(body)
        else:
            text, prev_more = '', False
            for k, l in enumerate(body):
                more = l.startswith((' ', '\t'))
                if k == 0:
                    text = l
                elif l == '' or more or prev_more:
                    text += '\n' + l
                else:
                    text += ('' if text.endswith('\n') else ' ') + l
                prev_more = more
        if chomp == '-':
            return text, j, True
        return (text + '\n' if text else text), j, True
    # plain scalar, possibly continued on more-indented lines
    v = _strip_comment(first)
    j = i + 1
    parts = [v]
    while j < len(lines) and not _blank(lines[j]) and _indent(lines[j]) > ind and not KEY_RX.match(lines[j]):
        if '#' in lines[j] and re.search(r'\s#', ' ' + lines[j].strip()):
            parts.append(_strip_comment(' ' + lines[j].strip()).strip())
        else:
            parts.append(lines[j].strip())
        j += 1
    return ' '.join(p for p in parts if p != ''), j, False

def _plain_value(v, quoted):
    if quoted:
        return v
    if re.fullmatch(r'[-+]?\d+', v):
        return int(v)
    if v in ('true', 'True', 'TRUE'):
        return True
    if v in ('false', 'False', 'FALSE'):
        return False
    if v in ('~', 'null', 'Null', 'NULL', ''):
        return None
    if v.startswith('[') and v.endswith(']'):
        return [x.strip().strip('"\'') for x in v[1:-1].split(',') if x.strip()]
    if v.startswith(('[', '{', '&', '*', '!', '%', '@', '`')):
        raise YamlError('unsupported plain scalar %r' % v[:20])
    return v

def _next_content(lines, i):
    while i < len(lines) and _blank(lines[i]):
        i += 1
    return i

def parse_block(lines, i, ind):
    """a mapping or a sequence whose entries sit at indent `ind`; returns (obj, next line)"""
    i = _next_content(lines, i)
    if i >= len(lines):
        return None, i
    if lines[i][ind:].startswith('- ') or lines[i][ind:].rstrip() == '-':
        seq = []
        while True:
            i = _next_content(lines, i)
            if i >= len(lines) or _indent(lines[i]) != ind or not (lines[i][ind:].startswith('- ') or lines[i][ind:].rstrip() == '-'):
                break
            rest = lines[i][ind + 2:]
            if rest.strip() == '':
                obj, i = parse_block(lines, i + 1, _indent(lines[_next_content(lines, i + 1)]))
                seq.append(obj)
            elif KEY_RX.match(' ' * (ind + 2) + rest) and not rest.startswith(('"', "'")):
                sub = [' ' * (ind + 2) + rest]
                j = i + 1
                while j < len(lines) and (_blank(lines[j]) or _indent(lines[j]) > ind):
                    sub.append(lines[j]); j += 1
                obj, _ = parse_block(sub, 0, ind + 2)
                seq.append(obj)
                i = j
            else:
                v, i, q = _scalar_from(lines, i, rest.strip(), ind)
                seq.append(_plain_value(v, q))
        return seq, i
    out = collections.OrderedDict()
    while True:
        i = _next_content(lines, i)
        if i >= len(lines):
            break
        l = lines[i]
        if _indent(l) < ind:
            break
        if _indent(l) > ind:
            raise YamlError('line %d: unexpected indent' % (i + 1))
        if l[ind:].startswith('- '):
            break
        m = KEY_RX.match(l)
        if not m:
            raise YamlError('line %d: not a key' % (i + 1))
        key = m.group(2)
        if key[:1] == '"':
            key = _double_quoted(key[1:-1])
        elif key[:1] == "'":
            key = _single_quoted(key[1:-1])
        if key in out:
            raise YamlError('line %d: key %r defined twice' % (i + 1, key))
        val = (m.group(3) or '').strip()
        if val == '' or val.startswith('#'):
            j = _next_content(lines, i + 1)
            if j < len(lines) and (_indent(lines[j]) > ind or
                                   (_indent(lines[j]) == ind and lines[j][ind:].startswith('- '))):
                obj, i = parse_block(lines, j, _indent(lines[j]))
            else:
                obj, i = None, i + 1
            out[key] = obj
        else:
            v, i, q = _scalar_from(lines, i, val, ind)
            out[key] = _plain_value(v, q)
    return out, i

def parse_yaml(text):
    lines = [l.rstrip('\r') for l in text.replace('\t', '    ').split('\n')] if '\t' not in text else None
    if lines is None:
        # tabs are only allowed inside scalars; keep them there, refuse them as indentation
        lines = text.split('\n')
        if any(l[:len(l) - len(l.lstrip(' \t'))].count('\t') for l in lines if l.strip()):
            raise YamlError('tab indentation')
        lines = [l.rstrip('\r') for l in lines]
    if lines and lines[0].startswith('\ufeff'):
        lines[0] = lines[0][1:]
    obj, i = parse_block(lines, 0, 0)
    if _next_content(lines, i) < len(lines):
        raise YamlError('line %d: left over' % (i + 1))
    if not isinstance(obj, dict):
        raise YamlError('not a mapping')
    return obj


# ----------------------------------------------------------------- a small evaluator for the CEL afrog's PoCs use in `set:` and {{...}}
class CelError(Exception):
    pass

class NotReproduced(Exception):
    """a value afrog makes that this script does not rebuild (ysoserial gadgets, AES), or a call
    that panics in afrog (randomInt with max <= min: rand.Intn panics, the PoC sends nothing)"""

TOK_RX = re.compile(r'''\s*(?:(?P<num>\d+)|(?P<str>[bB]?(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'))|(?P<id>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>[+(),.\-]))''')

def _cel_unquote(t):
    b = t[:1] in 'bB'
    if b:
        t = t[1:]
    s = t[1:-1]
    out, i = [], 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s):
            n = s[i + 1]
            m = {'n': '\n', 'r': '\r', 't': '\t', '\\': '\\', '"': '"', "'": "'", '0': '\0'}
            if n in m:
                out.append(m[n]); i += 2; continue
            if n == 'x' and re.fullmatch('[0-9a-fA-F]{2}', s[i + 2:i + 4]):
                out.append(chr(int(s[i + 2:i + 4], 16))); i += 4; continue
            raise CelError('escape')
        out.append(s[i]); i += 1
    return ''.join(out)

def randletters(r, n):
    return ''.join(r.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(n))

class Cel:
    def __init__(self, r, variables, url):
        self.r, self.vars, self.url = r, variables, url
    def eval(self, expr):
        toks, pos = [], 0
        expr = expr.strip()
        while pos < len(expr):
            m = TOK_RX.match(expr, pos)
            if not m or m.end() == pos:
                raise CelError('token at %r' % expr[pos:pos + 10])
            toks.append((m.lastgroup, m.group(m.lastgroup)))
            pos = m.end()
        self.toks, self.k = toks, 0
        if not toks:
            raise CelError('empty')
        v = self.expr()
        if self.k != len(toks):
            raise CelError('left over')
        return v
    def peek(self):
        return self.toks[self.k] if self.k < len(self.toks) else (None, None)
    def take(self, want=None):
        t = self.peek()
        if t[0] is None or (want and t[1] != want):
            raise CelError('expected %r' % want)
        self.k += 1
        return t
    def expr(self):
        v = self.term()
        while self.peek() == ('op', '+'):
            self.take()
            w = self.term()
            if isinstance(v, int) and isinstance(w, int) and not isinstance(v, bool):
                v = v + w
            elif isinstance(v, str) and isinstance(w, str):
                v = v + w
            else:
                raise CelError('no + overload')
        return v
    def term(self):
        kind, t = self.take()
        if kind == 'num':
            return int(t)
        if kind == 'op' and t == '-' and self.peek()[0] == 'num':
            return -int(self.take()[1])
        if kind == 'str':
            return _cel_unquote(t)
        if kind == 'op' and t == '(':
            v = self.expr(); self.take(')'); return v
        if kind != 'id':
            raise CelError('unexpected %r' % t)
        if self.peek() == ('op', '('):
            self.take('(')
            args = []
            if self.peek() != ('op', ')'):
                args.append(self.expr())
                while self.peek() == ('op', ','):
                    self.take(); args.append(self.expr())
            self.take(')')
            return self.call(t, args)
        name = t
        while self.peek() == ('op', '.'):
            self.take()
            name += '.' + self.take()[1]
        if name in self.vars:
            return self.vars[name]
        if name in self.url:
            return self.url[name]
        raise CelError('undeclared %s' % name)
    def call(self, f, a):
        r = self.r
        S = lambda x: isinstance(x, str)
        if f == 'randomLowercase' and len(a) == 1 and isinstance(a[0], int):
            return randletters(r, a[0])
        if f in ('ysoserial', 'aesCBC', 'aesECB', 'aesECBNoPad'):
            raise NotReproduced(f)
        if f == 'randomInt' and len(a) == 2 and all(isinstance(x, int) for x in a):
            if a[1] <= a[0]:
                raise NotReproduced('randomInt(%d, %d) panics' % tuple(a))
            return r.randrange(a[0], a[1])          # rand.Intn(max-min) + min
        if f == 'md5' and len(a) == 1 and S(a[0]):
            return hashlib.md5(a[0].encode('utf-8', 'surrogateescape')).hexdigest()
        if f == 'sha1' and len(a) == 1 and S(a[0]):
            return hashlib.sha1(a[0].encode('utf-8', 'surrogateescape')).hexdigest()
        if f == 'base64' and len(a) == 1 and S(a[0]):
            return base64.b64encode(a[0].encode('utf-8', 'surrogateescape')).decode()
        if f == 'base64Decode' and len(a) == 1 and S(a[0]):
            return base64.b64decode(a[0]).decode('utf-8', 'surrogateescape')
        if f == 'urlencode' and len(a) == 1 and S(a[0]):
            return urllib.parse.quote_plus(a[0], safe='')     # Go url.QueryEscape
        if f == 'urldecode' and len(a) == 1 and S(a[0]):
            return urllib.parse.unquote_plus(a[0])
        if f == 'hexdecode' and len(a) == 1 and S(a[0]):
            return bytes.fromhex(a[0]).decode('utf-8', 'surrogateescape')
        if f in ('toUpper', 'toLower', 'trim') and len(a) == 1 and S(a[0]):
            return {'toUpper': str.upper, 'toLower': str.lower, 'trim': str.strip}[f](a[0])
        if f in ('string', 'bytes') and len(a) == 1:
            return str(a[0]) if not isinstance(a[0], bool) else ('true' if a[0] else 'false')
        if f == 'substr' and len(a) == 3 and S(a[0]):
            return a[0][a[1]:a[1] + a[2]]
        if f == 'replaceAll' and len(a) == 3 and all(S(x) for x in a):
            return a[0].replace(a[1], a[2])
        if f == 'repeat' and len(a) == 2 and S(a[0]):
            return a[0] * a[1]
        if f == 'year' and not a:
            return str(DAY.year)
        if f == 'shortyear' and not a:
            return str(DAY.year)[2:]
        if f == 'month' and not a:
            return '%02d' % DAY.month
        if f == 'day' and not a:
            return '%02d' % DAY.day
        if f == 'timestamp_second' and not a:
            return str(int((DAY - datetime.datetime(1970, 1, 1)).total_seconds()) + r.randint(0, 86399))
        raise CelError('function %s' % f)


def url_vars():
    host = TARGET_HOST if TARGET_PORT in ('', '443') else '%s:%s' % (TARGET_HOST, TARGET_PORT)
    return {'request.url.host': host, 'request.url.domain': TARGET_HOST, 'request.url.port': TARGET_PORT,
            'request.url.scheme': TARGET_SCHEME, 'request.url.path': '',
            'request.url': '%s://%s' % (TARGET_SCHEME, host)}


# ----------------------------------------------------------------- on the wire
def go_should_escape_path(c):
    """Go net/url shouldEscape(c, encodePath)"""
    if c.isascii() and c.isalnum():
        return False
    if c in '-_.~':
        return False
    if c in '$&+,/:;=?@':
        return c == '?'
    return True

def go_escape_path(s):
    return ''.join('%%%02X' % b if go_should_escape_path(chr(b)) else chr(b) for b in s.encode('utf-8', 'surrogateescape'))

def go_unescape_path(s):
    bs = s.encode('utf-8', 'surrogateescape')
    out, i = bytearray(), 0
    while i < len(bs):
        if bs[i] == 0x25:
            h = bs[i + 1:i + 3]
            if len(h) < 2 or not all(c in b'0123456789abcdefABCDEF' for c in h):
                raise ValueError('invalid URL escape')
            out.append(int(h, 16)); i += 3
        else:
            out.append(bs[i]); i += 1
    return out.decode('utf-8', 'surrogateescape')

def go_valid_encoded(s):
    for c in s:
        if c in "!$&'()*+,;=:@[]%":
            continue
        if go_should_escape_path(c):
            return False
    return True

def go_escaped_path(raw):
    """url.Parse's setPath followed by EscapedPath (what Go's client writes on the request line)"""
    if any(ord(c) < 0x20 or ord(c) == 0x7f for c in raw):
        raise ValueError('invalid control character in URL')
    path = go_unescape_path(raw)
    rawpath = '' if go_escape_path(path) == raw else raw
    if rawpath and go_valid_encoded(rawpath) and go_unescape_path(rawpath) == path:
        return rawpath
    return go_escape_path(path)

def param_encode(s):
    """zan8in/retryablehttp urlutil.ParamEncode (URLEncodeWithEscapes, no extra escapes)"""
    out = []
    for ch in s:
        o = ord(ch)
        if o < 20:
            out.append('%' + ('%02x' % o).upper())
        elif ch == ' ':
            out.append('+')
        elif o < 127:
            out.append(ch)
        elif o == 127:
            out.append('%7F')
        elif o > 128:
            out.append('%' + '%'.join(re.findall('..', ch.encode('utf-8', 'surrogateescape').hex())))
        # U+0080 is dropped by the Go code (no case for it)
    return ''.join(out)

def ordered_query(raw):
    """urlutil fetchParams + Update with PreserveQueryOrder = true (afrog sets it)"""
    if raw == '':
        return ''
    def segments(x):
        seg = x.split('&')
        return seg[:-1] if seg[-1] == '' else seg
    pairs = []
    for p in segments(raw):          # parseParamPairs keeps ';'
        d = p.split('=', 1)
        pairs.append((d[0], d[1] if len(d) == 2 else ''))
    params = collections.OrderedDict()
    for p in segments(raw.replace(';', '')):   # Params.Decode drops ';'
        d = p.split('=', 1)
        params.setdefault(d[0], []).append(d[1] if len(d) == 2 else '')
    out, used = [], collections.Counter()
    for k, v in pairs:
        if k not in params:
            out.append(param_encode(k) + ('=' + param_encode(v) if v != '' else ''))
            continue
        idx = used[k]
        if idx >= len(params[k]):
            continue
        val = param_encode(params[k][idx])
        out.append(param_encode(k) + ('=' + val if val != '' else ''))
        used[k] = idx + 1
    for k in sorted(params):         # Go map order: random; sorted here (only keys that held a ';')
        for v in params[k][used[k]:]:
            val = param_encode(v)
            out.append(param_encode(k) + ('=' + val if val != '' else ''))
    return '&'.join(out)

def wire_path_request(path):
    """retryhttpclient.Request for `path:`; returns the request target"""
    p = path.strip()
    if p.startswith('^'):
        p = p[1:]
    if not p.startswith('/'):
        p = '/' + p
    p = p.replace(' ', '%20').replace('#', '%23')
    if '?' in p:
        pth, q = p.split('?', 1)
        q = ordered_query(q)
        return go_escaped_path(pth) + ('?' + q if q else '')
    return go_escaped_path(p)


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


FIELD = r'((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\x[0-9A-F]{2})*)'
LOG_RX = re.compile(r'^(\S+) - - \[(\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} \+0000)\] "' + FIELD +
                    r'" (\d{3}) (\d+) "' + FIELD + r'" "' + FIELD + r'"$')
REQ_RX = re.compile(r'^([A-Z]+) (/[\x21-\x7e]*) HTTP/1\.1$')
UA_DESKTOP = re.compile(r'^Mozilla/5\.0 \((Windows NT 10\.0; Win64; x64|Macintosh; Intel Mac OS X [\d_.]+|X11; Linux x86_64)')


# ----------------------------------------------------------------- from a PoC to one request
NET_TYPES = ('tcp', 'udp', 'ssl', 'go')
# headers a browser or any client sends anyway: not counted as carrying the payload
PLAIN_HEADERS = {'host', 'accept', 'accept-language', 'accept-encoding', 'connection', 'content-type',
                 'content-length', 'cache-control', 'pragma', 'upgrade-insecure-requests', 'origin', 'referer',
                 'dnt', 'x-requested-with', 'te', 'priority', 'sec-fetch-site', 'sec-fetch-mode',
                 'sec-fetch-dest', 'sec-fetch-user', 'sec-ch-ua', 'sec-ch-ua-mobile', 'sec-ch-ua-platform',
                 'upgrade', 'expect', 'keep-alive'}
VAR_RX = re.compile(r'\{\{(.+?)\}\}')

class Skip(Exception):
    pass

class Built:
    pass

def render(s, cel, variables, r, unresolved):
    """preRenderRuleRequest: {{expr}} through CEL (kept when that fails), then setVariableMap's plain
    {{var}} replacement; a {{name}} still left is a value afrog would have extracted from an
    earlier response: a seeded stand-in"""
    def one(m):
        try:
            v = cel.eval(m.group(1).strip())
            return str(v) if not isinstance(v, bool) else ('true' if v else 'false')
        except (CelError, ValueError, TypeError, IndexError):
            return m.group(0)
    s = VAR_RX.sub(one, s)
    for k in sorted(variables):
        if '{{' + k + '}}' in s:
            s = s.replace('{{' + k + '}}', str(variables[k]))
    def stand_in(m):
        expr = m.group(1)
        if re.fullmatch(r'[A-Za-z_][A-Za-z0-9_]*', expr):
            if expr not in variables:
                variables[expr] = randletters(r, 8)
            unresolved.append(expr)
            return str(variables[expr])
        unresolved.append('!' + expr)
        return m.group(0)
    return VAR_RX.sub(stand_in, s)

def set_vars(poc, cel, variables, r, notes):
    oob_id = randletters(r, 6)
    sub = randletters(r, 8)
    variables['oob.DNS'] = variables['oob_dns'] = '%s.%s.ceye.io' % (sub, oob_id)
    variables['oob.HTTP'] = variables['oob_http'] = 'http://%s.%s.ceye.io' % (sub, oob_id)
    for k, v in (poc.get('set') or {}).items():
        if isinstance(v, bool):
            variables[k] = 'true' if v else 'false'
        elif isinstance(v, int):
            variables[k] = v
        elif isinstance(v, str):
            try:
                variables[k] = cel.eval(v)
            except (CelError, ValueError, TypeError, IndexError) as e:
                variables[k] = v                # afrog keeps the text when CEL fails
                if re.search(r'[A-Za-z_]\w*\(', v) and not v.startswith(('/', '{{')):
                    notes.append('set %s not evaluated' % k)
        else:
            variables[k] = str(v)

def headers_of(req):
    h = req.get('headers') or {}
    if not isinstance(h, dict):
        raise Skip('unparsable')
    return [(str(k), '' if v is None else str(v)) for k, v in h.items()]

def payload_headers(hs):
    out = []
    for k, v in hs:
        lk = k.lower()
        if lk == 'user-agent' and v.startswith('Mozilla/5.0'):
            continue
        if lk in PLAIN_HEADERS:
            continue
        out.append((k, v))
    return out

def build_rule(name, rule, cel, variables, r, unresolved):
    req = rule.get('request')
    if not isinstance(req, dict):
        raise Skip('unparsable')
    # brute: the first value of each list (the first request afrog sends)
    brute = rule.get('brute') or {}
    if isinstance(brute, dict):
        for k, v in brute.items():
            if k in ('mode', 'commit', 'continue'):
                continue
            if isinstance(v, list) and v:
                variables[k] = render(str(v[0]), cel, variables, r, unresolved)
    b = Built()
    b.rule = name
    if req.get('raw'):
        raw = render(str(req['raw']).strip(), cel, variables, r, unresolved)
        lines = raw.split('\n')
        parts = lines[0].split(' ')
        if len(parts) < 2:          # raw.Parse in unsafe mode takes a line without the version
            raise Skip('unparsable')
        b.method, b.target, b.style = parts[0], parts[1], 'raw'
        hs, k = [], 1
        while k < len(lines) and lines[k].strip() != '':
            kv = lines[k].strip().split(':', 1)
            hs.append((kv[0].strip(), kv[1].strip() if len(kv) > 1 else ''))
            k += 1
        body = '\n'.join(lines[k + 1:]).strip('\r\n')
        b.headers, b.body = hs, body != ''
    else:
        b.method = str(req.get('method') or 'GET').strip()
        path = render(str(req.get('path') or '').strip(), cel, variables, r, unresolved)
        try:
            b.target = wire_path_request(path)
        except ValueError:
            raise Skip('not sendable (Go rejects the URL)')
        b.style = 'path'
        b.headers = [(k, render(v.strip(), cel, variables, r, unresolved)) for k, v in headers_of(req)]
        b.body = str(req.get('body') or '').strip() != ''
    if not re.fullmatch(r'[A-Z]+', b.method):
        raise Skip('not sendable (bad method)')
    if not b.target.startswith('/'):
        raise Skip('not sendable (target not a path)')
    b.payload_headers = payload_headers(b.headers)
    return b

def browse_like(b):
    return (b.method in ('GET', 'HEAD') and b.target in ('/', '/favicon.ico') and not b.body
            and not b.payload_headers)

def process(repo, path):
    """returns (status, Built or reason, poc dict)"""
    try:
        poc = parse_yaml(repo.show(path))
    except (YamlError, UnicodeDecodeError):
        return 'unparsable', 'YAML not read', None
    rules = poc.get('rules')
    if not isinstance(rules, dict) or not rules:
        return 'unparsable', 'no rules', poc
    if poc.get('gopoc') or str(poc.get('transport') or '').lower() in NET_TYPES:
        return 'network', 'transport/gopoc', poc
    for name, rule in rules.items():
        if not isinstance(rule, dict) or not isinstance(rule.get('request'), dict):
            return 'unparsable', 'rule without request', poc
        if str(rule['request'].get('type') or '').lower() in NET_TYPES:
            return 'network', 'rule type %s' % rule['request'].get('type'), poc
    r = random.Random('%d:%s' % (FILL_SEED, path))
    variables = {}
    cel = Cel(r, variables, url_vars())
    notes = []
    try:
        set_vars(poc, cel, variables, r, notes)
    except NotReproduced as e:
        return 'unreproduced', str(e), poc
    for name, rule in rules.items():
        unresolved = []
        try:
            b = build_rule(name, rule, cel, variables, r, unresolved)
        except NotReproduced as e:
            return 'unreproduced', str(e), poc
        except Skip as e:
            return ('unparsable' if 'unparsable' in str(e) else 'unsendable'), str(e), poc
        if browse_like(b):
            continue
        b.notes = notes + ['stand-in for %s' % ', '.join(sorted(set(x for x in unresolved if not x.startswith('!'))))] \
            if any(not x.startswith('!') for x in unresolved) else notes
        return 'ok', b, poc
    return 'browse', 'only GET / or /favicon.ico', poc


# ----------------------------------------------------------------- labels
CAT_RULES = [   # (category, words in tags or id)
    ('sqli', {'sqli', 'sql', 'sqlinject', 'sql-injection', 'sqlinjection'}),
    ('xxe', {'xxe'}),
    ('ssti', {'ssti'}),
    ('log4shell', {'log4j', 'log4shell', 'jndi'}),
    ('rce', {'rce', 'cmd', 'exec', 'command', 'cmdi', 'code-exec', 'injection', 'deserialization',
             'unserialize', 'ognl', 'spel', 'expression'}),
    ('file-upload', {'fileupload', 'upload', 'file-upload', 'uploadfile'}),
    ('file-read', {'fileread', 'file-read', 'readfile', 'lfi', 'filedownload', 'file-download', 'download',
                   'read', 'arbitrary-file-read', 'fileinclude'}),
    ('traversal', {'traversal', 'directory-traversal', 'path-traversal', 'dirtraversal', 'dir'}),
    ('ssrf', {'ssrf'}),
    ('xss', {'xss'}),
    ('redirect', {'redirect', 'open-redirect'}),
    ('default-login', {'default-login', 'weak-password', 'default-password', 'weakpass'}),
    ('unauth-access', {'unauth', 'unauthorized', 'bypass', 'auth-bypass', 'unauthenticated', 'authbypass'}),
    ('info-disclosure', {'disclosure', 'leak', 'exposure', 'infoleak', 'information', 'info-leak', 'config',
                         'backup', 'listing', 'sensitive', 'debug'}),
]
FOLDER_CAT = {'default-pwd': 'default-login', 'fingerprinting': 'panel-detect', 'unauthorized': 'unauth-access',
              'disclosure': 'info-disclosure', 'CVE': 'cve-exploit', 'CNVD': 'cve-exploit',
              'vulnerability': 'vuln-probe'}
CATEGORIES = sorted(set(c for c, _ in CAT_RULES) | set(FOLDER_CAT.values()))

def folder_of(path):
    return path[len(POCS):].split('/', 1)[0]

def category(path, poc):
    folder = folder_of(path)
    if folder in ('default-pwd', 'fingerprinting'):
        return FOLDER_CAT[folder]
    info = poc.get('info') if isinstance(poc.get('info'), dict) else {}
    tags = [t.strip().lower() for t in re.split(r'[,\s]+', str(info.get('tags') or '')) if t.strip()]
    for t in tags:                      # the PoC's own tags first, in their order
        for cat, ws in CAT_RULES:
            if t in ws:
                return cat
    words = set(re.split(r'[-_.]+', os.path.splitext(os.path.basename(path))[0].lower()))
    for cat, ws in CAT_RULES:           # then the words of the file name
        if words & ws:
            return cat
    return FOLDER_CAT[folder]

def severity(poc):
    info = poc.get('info') if isinstance(poc.get('info'), dict) else {}
    s = str(info.get('severity') or '').strip().lower()
    return s if s in ('info', 'low', 'medium', 'high', 'critical') else 'unknown'

def technique(path, poc):
    pid = str(poc.get('id') or '').strip()
    stem = os.path.splitext(os.path.basename(path))[0]
    return pid if re.fullmatch(r'[\x21-\x7e]+', pid) else stem


# ----------------------------------------------------------------- statuses
# a PoC probes a product the site does not run: mostly not found, some answered by a catch-all
# page, refused or failing
ATTACK_STATUS = [(404, 70), (200, 12), (403, 10), (500, 8)]


# ----------------------------------------------------------------- addresses
def other_logs():
    here = os.path.basename(OUT)
    fs = [f for f in glob.glob(os.path.join(OUT, '..', '*', '*.log'))
          if os.path.basename(os.path.dirname(f)) != here]
    e2e = os.path.join(OUT, '..', '..', '..', 'e2e', 'data')
    fs += glob.glob(os.path.join(e2e, '**', '*.log'), recursive=True)
    return sorted(set(os.path.normpath(f) for f in fs))

def other_sets_addresses():
    others = set()
    for f in other_logs():
        with open(f, encoding='utf-8', errors='replace') as fh:
            for l in fh:
                a = l.split(' ', 1)[0]
                if a:
                    others.add(a)
    return others


# ----------------------------------------------------------------- checks
def check(others=None):
    ok = True
    def bad(msg):
        nonlocal ok
        ok = False
        print('check: ' + msg)
    addrs, cats = {}, {}
    methods = collections.Counter()
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
            rm = REQ_RX.match(req)
            if not rm:
                bad('%s.log:%d request line has a raw space or a bad form: %s' % (kind, n, req[:80]))
            t = datetime.datetime.strptime(ts, '%d/%b/%Y:%H:%M:%S +0000')
            if t.date() != DAY.date() or (prev and t < prev):
                bad('%s.log:%d time out of order or off the day' % (kind, n))
            prev = t
            if kind == 'attacks':
                if rm:
                    methods[rm.group(1)] += 1
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
                    if not re.fullmatch(r'[\x21-\x7e]+', parts[3]):
                        bad('attacks.labels: bad technique %r' % parts[3])
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
        if len(x.split('\t')) != len(head):
            bad('requests.tsv: a row with %d fields' % len(x.split('\t')))
        if c.get('COMMIT') != COMMIT:
            bad('requests.tsv: commit of %s' % c.get('ADDRESS'))
        if c.get('ADDRESS') in cats and cats[c['ADDRESS']] != c.get('CATEGORY'):
            bad('requests.tsv: category of %s differs from the labels' % c['ADDRESS'])
        tsv[c['ADDRESS']] = c
    if set(tsv) != addrs['attacks']:
        bad('requests.tsv does not have one row per attacking address')
    with open(os.path.join(OUT, 'attacks.log'), encoding='ascii') as f:
        for l in f:
            m = LOG_RX.match(l.rstrip('\n'))
            if m and m.group(1) in tsv:
                if tsv[m.group(1)]['REQUEST_LINE'] != m.group(3):
                    bad('requests.tsv: request line of %s differs from the log' % m.group(1))
                if not m.group(3).startswith(tsv[m.group(1)]['METHOD'] + ' '):
                    bad('requests.tsv: method of %s differs from the log' % m.group(1))
    both = addrs['attacks'] & addrs['benign']
    if both:
        bad('%d addresses are both attack and benign' % len(both))
    if others is None:
        others = other_sets_addresses()
    clash = (addrs['attacks'] | addrs['benign']) & others
    print('check: %d addresses here, %d in other sets\' logs (%d files, tests/e2e/data included), %d shared, '
          '%d attack/benign overlap' % (len(addrs['attacks'] | addrs['benign']), len(others), len(other_logs()),
                                        len(clash), len(both)))
    if clash:
        bad('shared with other sets: %s' % ' '.join(sorted(clash)[:10]))
    def in_blk(a):
        try:
            return ipaddress.ip_address(a) in BLOCK
        except ValueError:
            return False
    theirs = sorted(a for a in others if in_blk(a))
    print('check: %d addresses of other sets in %s' % (len(theirs), BLOCK))
    if theirs:
        bad('other sets use %s: %s' % (BLOCK, ' '.join(theirs[:10])))
    print('check: methods %s' % ', '.join('%s %d' % kv for kv in sorted(methods.items())))
    print('check: categories %s' % ', '.join('%s %d' % (c, n) for c, n in
                                             sorted(collections.Counter(cats.values()).items())))
    return ok


# ----------------------------------------------------------------- pools and sampling
def pools(repo):
    res = collections.OrderedDict()
    for p in repo.pocs():
        st, b, poc = process(repo, p)
        res[p] = (st, b, poc)
    return res

def sample(P):
    by = collections.OrderedDict()
    for p, (st, b, poc) in P.items():
        if st == 'ok':
            by.setdefault(folder_of(p), []).append(p)
    total = sum(len(v) for v in by.values())
    r = random.Random(SAMPLE_SEED)
    chosen, alloc = [], {}
    for f in sorted(by):
        n = len(by[f])
        k = min(n, max(MIN_PER_FOLDER, int(round(TARGET_N * n / total))))
        alloc[f] = k
        chosen += sorted(r.sample(by[f], k))
    return chosen, alloc, by


# ----------------------------------------------------------------- write
def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if '--check-only' in sys.argv:
        sys.exit(0 if check() else 1)
    if len(args) != 1:
        sys.exit('usage: gen.py MIRROR [--check|--pools]  or  gen.py --check-only')
    repo = Repo(args[0])
    P = pools(repo)
    chosen, alloc, by = sample(P)
    if '--pools' in sys.argv:
        folders = sorted(set(folder_of(p) for p in P))
        print('%-14s %5s %8s %8s %8s %10s %12s %6s %7s' % ('folder', 'PoCs', 'network', 'browse', 'unparsed', 'unsendable',
                                                          'unreproduced', 'usable', 'sampled'))
        for f in folders:
            c = collections.Counter(st for p, (st, b, poc) in P.items() if folder_of(p) == f)
            print('%-14s %5d %8d %8d %8d %10d %12d %6d %7d' % (f, sum(c.values()), c['network'], c['browse'], c['unparsable'],
                                                            c['unsendable'], c['unreproduced'], c['ok'], alloc.get(f, 0)))
        for p, (st, b, poc) in P.items():
            if st in ('unparsable', 'unsendable', 'unreproduced'):
                print('  %s %s: %s' % (st, p[len(POCS):], b))
        return
    r = random.Random(SEED)
    order = list(chosen)
    r.shuffle(order)
    used, others = set(), other_sets_addresses()
    used |= others
    secs = sorted(r.sample(range(60, 86340), len(order)))
    lines, labels, rows = [], [], []
    for p, s in zip(order, secs):
        st_, b, poc = P[p]
        ip = pick_v6(r, used, ATTACK_NET)
        t = DAY + datetime.timedelta(seconds=s)
        st = weighted(r, ATTACK_STATUS)
        req = '%s %s HTTP/1.1' % (b.method, b.target)
        lines.append(line(ip, t, req, st, size(r, st, b.target, b.method), '-', UA[r.choice(DESKTOP)]))
        cat = category(p, poc)
        labels.append((ip, '%s\tattack\t%s\t%s' % (ip, cat, technique(p, poc))))
        q = b.target.split('?', 1)[1] if '?' in b.target else ''
        where = '+'.join(w for w, f in (('query', q != ''), ('body', b.body), ('header', bool(b.payload_headers))) if f) or 'path'
        ph = '; '.join('%s: %s' % (k, v if len(v) <= 200 else v[:200] + '...') for k, v in b.payload_headers)
        rows.append((ip, '\t'.join([ip, cat, severity(poc), p, b.rule, b.style, b.method, esc(req), where,
                                    esc(ph) or '-', 'yes' if b.body else 'no', esc('; '.join(b.notes)) or '-',
                                    COMMIT])))
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
        'requests.tsv': ['ADDRESS\tCATEGORY\tSEVERITY\tPOC_FILE\tRULE\tSTYLE\tMETHOD\tREQUEST_LINE'
                         '\tWHERE\tPAYLOAD_HEADERS\tBODY\tNOTES\tCOMMIT'] + srt(rows),
        'benign.log': [l for _, l in blines],
        'benign.labels': srt(blabels),
    }
    for fname, xs in out.items():
        with open(os.path.join(OUT, fname), 'w', encoding='ascii', newline='\n') as f:
            f.write(''.join(x + '\n' for x in xs))
    cnt = collections.Counter(category(p, P[p][2]) for p in chosen)
    print('wrote %d attacking sources (%s), %d benign sources, %d benign lines'
          % (len(lines), ', '.join('%s %d' % kv for kv in sorted(cnt.items())), len(blabels), len(blines)))
    if '--check' in sys.argv:
        sys.exit(0 if check(others) else 1)

if __name__ == '__main__':
    main()
