#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, requests.tsv, benign.log and benign.labels of
# tests/bench/data/thirdparty19 (fixed seeds: the output is byte-identical on every run).
# Python 3 standard library only, plus the `git` program to read the source repository.
# Written without reading policies/, user/, include/, bpf/, docs/, the repository README or
# the detector; gatehawk and tests/bench/recall.sh were not run.
#
# Angle of this set: the probes of OWASP ZAP's active scan rules (zaproxy/zap-extensions,
# add-ons ascanrules, ascanrulesBeta, ascanrulesAlpha).  The payloads are read out of the
# rules' Java source at a pinned commit (string constants, arrays, lists, the statements of
# static blocks, enum entries, a JSON resource) by a small Java expression reader below, and
# the parts the rules fill in at run time (random tokens, sleep times, OAST host names, the
# original parameter value) are filled the way the rule does it, from a fixed seed.  Each
# sampled probe is sent once, by one source, as ZAP puts it on the wire: a parameter probe
# as the value of a GET query parameter (replacing or appended to the original value,
# URL-encoded with java.net.URLEncoder as ZAP's VariantURLQuery does), a file probe as the
# request path (escaped as org.apache.commons.httpclient.URI does).
#
#   python3 gen.py MIRROR            rewrites the five data files next to this script
#   python3 gen.py MIRROR --check    also checks the written files (see check(); exit 1 on a failure)
#   python3 gen.py --check-only      only the checks, on the files as they are
#   python3 gen.py MIRROR --pools    per rule: probes found, skipped (and why), candidates, sampled
#   python3 gen.py MIRROR --list     every candidate probe, with its value and source line
#
# MIRROR is the git directory of zaproxy/zap-extensions (bare or a work tree), or a directory
# holding it as zaproxy+zap-extensions[/repo] (as /work/.mirror does).  Files are read with
# `git show COMMIT:PATH`; their blob ids are compared with SOURCE_BLOBS so that a different
# input is noticed.
import collections, datetime, glob, ipaddress, json, os, random, re, subprocess, sys, urllib.parse

OUT = os.path.dirname(os.path.abspath(__file__))
REPO = 'zaproxy/zap-extensions'
COMMIT = 'aea3dee9333f69e0dbee7a2e6e0fbe898c849752'   # 2026-08-21 "Merge pull request #7666 from thc202/authhelper/verif-headers"
LICENSE_BLOB = '8dada3edaf50dbc082c9a125058f25def75e625a'  # LICENSE: Apache License 2.0
# zaproxy/zaproxy (core) at 90068415b4ffb7b457fe4ecd816cc8369a85366b was read, not used as
# input, for how a payload reaches the wire: VariantURLQuery, VariantAbstractQuery,
# AbstractPlugin.getURLEncode, org.apache.commons.httpclient.URI, HttpRequestHeader.setGetParams;
# two of its constants are in CORE_CONSTANTS below.
CORE_COMMIT = '90068415b4ffb7b457fe4ecd816cc8369a85366b'
SAMPLE_SEED = 20261204          # which probes
FILL_SEED = 2026120419          # random tokens the rules make at run time
SEED = 2026120421               # endpoints, addresses, times, statuses, user agents, benign traffic
DAY = datetime.datetime(2026, 12, 4, 0, 0, 0)
CAP = 9                         # at most this many probes of one rule; a smaller rule is taken whole
ATTACK_NET = ipaddress.ip_network('2001:db8:1931::/48')   # under 2001:db8:1900::/40, unused by other sets
BENIGN_NET = ipaddress.ip_network('2001:db8:19b7::/48')
SITE = 'app.example.com'        # the scanned site (only the XSLT port-scan probe names it)

ASC = 'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/'
BETA = 'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/'
ALPHA = 'addOns/ascanrulesAlpha/src/main/java/org/zaproxy/zap/extension/ascanrulesAlpha/'
COMMONLIB = 'addOns/commonlib/src/main/java/org/zaproxy/addon/commonlib/'
OAST = 'addOns/oast/src/main/java/org/zaproxy/addon/oast/'
PROPS = {'ascanrules': 'addOns/ascanrules/src/main/resources/org/zaproxy/zap/extension/ascanrules/resources/Messages.properties',
         'ascanbeta': 'addOns/ascanrulesBeta/src/main/resources/org/zaproxy/zap/extension/ascanrulesBeta/resources/Messages.properties',
         'ascanalpha': 'addOns/ascanrulesAlpha/src/main/resources/org/zaproxy/zap/extension/ascanrulesAlpha/resources/Messages.properties'}
HIDDEN_FILES_JSON = 'addOns/ascanrules/src/main/zapHomeFiles/json/hidden_files.json'

# constants of zaproxy core classes used by the rules (core repository, commit CORE_COMMIT)
CORE_CONSTANTS = {
    'HttpHeader.SCHEME_HTTP': 'http://',      # zap/src/main/java/org/parosproxy/paros/network/HttpHeader.java:104
    'HttpHeader.SCHEME_HTTPS': 'https://',    # HttpHeader.java:105
}

# ----------------------------------------------------------------- reading the repository
def git_dir(root):
    for d in (root, os.path.join(root, 'repo'), os.path.join(root, 'zaproxy+zap-extensions', 'repo'),
              os.path.join(root, 'zaproxy+zap-extensions'), os.path.join(root, 'zap-extensions')):
        if os.path.isdir(d) and subprocess.run(['git', '-C', d, 'cat-file', '-e', COMMIT + '^{commit}'],
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
            return d
    sys.exit('no git directory holding %s of %s under %s' % (COMMIT, REPO, root))

class Repo:
    def __init__(self, root):
        self.dir = git_dir(root)
        self.cache = {}
        if self.blob('LICENSE') != LICENSE_BLOB:
            sys.exit('LICENSE differs from the one this set was made with')

    def blob(self, path):
        return subprocess.run(['git', '-C', self.dir, 'rev-parse', '%s:%s' % (COMMIT, path)], check=True,
                              stdout=subprocess.PIPE).stdout.decode().strip()

    def read(self, path):
        if path not in self.cache:
            want = SOURCE_BLOBS.get(path)
            got = self.blob(path)
            if want is not None and got != want:
                sys.exit('%s at %s is blob %s, not %s: not the input this set was made from' % (path, COMMIT, got, want))
            self.cache[path] = subprocess.run(['git', '-C', self.dir, 'show', '%s:%s' % (COMMIT, path)], check=True,
                                              stdout=subprocess.PIPE).stdout.decode('utf-8')
        return self.cache[path]

# ----------------------------------------------------------------- a small Java reader
# Enough of Java to evaluate the string constants of the scan rules: string and char
# literals (with Java escapes), concatenation, casts to char, references to constants of the
# same class or of a loaded class, arrays, List.of / Arrays.asList / Set.of, a few String
# methods, and the statements of static blocks (NAME.put(expr, ...), NAME.add(expr), local
# variables).  Anything else raises JavaError.
class JavaError(Exception):
    pass

LEX = re.compile(r'''(?P<ws>\s+)|(?P<lc>//[^\n]*)|(?P<bc>/\*.*?\*/)|(?P<str>"(?:\\.|[^"\\\n])*")|
    (?P<chr>'(?:\\.|[^'\\\n])+')|(?P<num>\d[\w.]*)|(?P<id>[A-Za-z_$][\w$]*)|
    (?P<op>::|->|==|!=|<=|>=|&&|\|\||\+\+|--|\+=|.)''', re.S | re.X)
Tok = collections.namedtuple('Tok', 'kind text pos line')

def lex(text):
    out, line = [], 1
    for m in LEX.finditer(text):
        kind = m.lastgroup
        if kind not in ('ws', 'lc', 'bc'):
            out.append(Tok(kind, m.group(), m.start(), line))
        line += m.group().count('\n')
    return out

def unescape(body):
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != '\\':
            out.append(c)
            i += 1
            continue
        n = body[i + 1]
        if n == 'u':
            j = i + 1
            while body[j] == 'u':
                j += 1
            out.append(chr(int(body[j:j + 4], 16)))
            i = j + 4
        elif n in '01234567':
            m = re.match(r'[0-3]?[0-7]{1,2}', body[i + 1:])
            out.append(chr(int(m.group(), 8)))
            i += 1 + len(m.group())
        else:
            out.append({'b': '\b', 't': '\t', 'n': '\n', 'f': '\f', 'r': '\r', 's': ' ', '"': '"', "'": "'",
                        '\\': '\\'}[n])
            i += 2
    return ''.join(out)

class JChar(str):
    """a Java char (String.valueOf gives the character, + with a String concatenates)"""

class JObj:
    def __init__(self, typ, args):
        self.typ, self.args = typ, args

def java_str(v):
    if isinstance(v, bool):
        return 'true' if v else 'false'
    if isinstance(v, float):
        return repr(v) if v != int(v) else '%d.0' % v
    return str(v)

def java_literal(v):
    """a string written as a Java string literal"""
    m = {'\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0'}
    return '"' + ''.join(m.get(c, c) for c in v) + '"'

class JavaSource:
    def __init__(self, path, text, classes, hooks=None, overrides=None):
        self.path, self.text = path, text
        self.toks = lex(text)
        self.classes = classes          # simple class name -> JavaSource, or dict of constants
        self.hooks = hooks or {}        # function name -> python function (run-time values)
        self.overrides = overrides or {}  # constant name -> value made at run time
        self.cache = {}

    def t(self, i):
        return self.toks[i].text if i < len(self.toks) else ''

    def src(self, i, j):
        """the source text of tokens i..j-1, comments left out, white space tidied"""
        out = []
        for k in range(i, j):
            tk, prev = self.toks[k], self.toks[k - 1] if k > i else None
            if prev is not None and not (tk.text in ').,;]' or prev.text in '(.[' or
                                         (tk.text in '([' and prev.kind == 'id' and prev.text not in ('return', 'new'))):
                out.append(' ')
            out.append(tk.text)
        return ''.join(out)

    def decl(self, name):
        for i, tk in enumerate(self.toks):
            if (tk.kind == 'id' and tk.text == name and self.t(i + 1) == '=' and i > 0
                    and (self.toks[i - 1].kind == 'id' or self.t(i - 1) in ('>', ']'))):
                return i + 2
        raise JavaError('%s: no declaration of %s' % (self.path, name))

    def const(self, name):
        if name in self.overrides:
            return self.overrides[name]
        if name not in self.cache:
            i = self.decl(name)
            v, j = self.expr(i, {})
            if self.t(j) != ';':
                raise JavaError('%s: %s does not end at ; (%r)' % (self.path, name, self.t(j)))
            self.cache[name] = v
        return self.cache[name]

    def elements(self, name, loc=None):
        """[(value, source text, line)] of an array or list constant (the innermost { } or ( )
        whose first token starts an element: new LinkedHashSet<>(Arrays.asList("a", ...)))"""
        i = self.decl(name)
        while True:
            if self.t(i) in ('{', '('):
                if self.t(i + 1) == 'new':
                    if self.t(i + 2) not in ('String', 'LinkedList', 'ArrayList', 'LinkedHashSet', 'HashSet'):
                        break       # a list of objects: { new TemplateFormat(...), ... }
                elif not (self.toks[i + 1].kind == 'id' and self.t(i + 2) in ('.', '(', '<')):
                    break
            i += 1
        close = '}' if self.t(i) == '{' else ')'
        i += 1
        out = []
        while self.t(i) != close:
            v, j = self.expr(i, dict(loc or {}))
            out.append((v, self.src(i, j), self.toks[i].line))
            i = j + 1 if self.t(j) == ',' else j
        return out

    def find(self, expr_text):
        """line of the first place where expr_text (as tokens) occurs in the source"""
        want = [t.text for t in lex(expr_text)]
        texts = [t.text for t in self.toks]
        for i in range(len(texts) - len(want) + 1):
            if texts[i:i + len(want)] == want:
                return self.toks[i].line
        raise JavaError('%s: %r not found' % (self.path, expr_text))

    def evaluate(self, expr_text, loc=None):
        """value of an expression written as in the source (its tokens must occur there)"""
        line = self.find(expr_text)
        sub = JavaSource(self.path, expr_text, self.classes, self.hooks)
        sub.const = self.const
        v, j = sub.expr(0, dict(loc or {}))
        if j != len(sub.toks):
            raise JavaError('%s: could not evaluate all of %r' % (self.path, expr_text))
        return v, line

    # expressions
    def expr(self, i, loc):
        v, i = self.unary(i, loc)
        while self.t(i) in ('+', '*', '-', '/') and self.t(i + 1) not in ('=',):
            op = self.t(i)
            w, i = self.unary(i + 1, loc)
            if op == '+':
                if isinstance(v, str) or isinstance(w, str):
                    v = java_str(v) + java_str(w)
                else:
                    v = v + w
            elif op == '*':
                v = v * w
            elif op == '-':
                v = v - w
            else:
                v = v // w
        return v, i

    def unary(self, i, loc):
        if self.t(i) == '-':
            v, i = self.unary(i + 1, loc)
            return -v, i
        return self.postfix(i, loc)

    def args(self, i, loc, close=')'):
        out = []
        while self.t(i) != close:
            v, i = self.expr(i, loc)
            out.append(v)
            if self.t(i) == ',':
                i += 1
        return out, i + 1

    def postfix(self, i, loc):
        v, i = self.primary(i, loc)
        while True:
            if self.t(i) == '[':
                k, i = self.expr(i + 1, loc)
                if self.t(i) != ']':
                    raise JavaError('bad index')
                v, i = v[k], i + 1
            elif self.t(i) == '.' and self.toks[i + 1].kind == 'id' and self.t(i + 2) == '(':
                m = self.t(i + 1)
                a, i = self.args(i + 3, loc)
                v = self.method(v, m, a)
            else:
                return v, i

    def method(self, v, m, a):
        if isinstance(v, str):
            if m == 'replace':
                return v.replace(java_str(a[0]), java_str(a[1]))
            if m in ('toString', 'toCharArray', 'trim'):
                return v.strip() if m == 'trim' else v
            if m == 'toUpperCase':
                return v.upper()
            if m == 'toLowerCase':
                return v.lower()
        raise JavaError('%s: method %s on %r' % (self.path, m, v))

    def primary(self, i, loc):
        tk = self.toks[i]
        if tk.kind == 'str':
            return unescape(tk.text[1:-1]), i + 1
        if tk.kind == 'chr':
            return JChar(unescape(tk.text[1:-1])), i + 1
        if tk.kind == 'num':
            return int(tk.text.rstrip('Ll')), i + 1
        if tk.text == '(':
            if self.toks[i + 1].text in ('char', 'int', 'long') and self.t(i + 2) == ')':
                v, j = self.unary(i + 3, loc)
                return (JChar(chr(v)) if self.toks[i + 1].text == 'char' else int(v)), j
            v, j = self.expr(i + 1, loc)
            if self.t(j) != ')':
                raise JavaError('%s: ) expected at line %d' % (self.path, self.toks[j].line))
            return v, j + 1
        if tk.text == '{':
            return self.args(i + 1, loc, '}')
        if tk.text == 'new':
            j = i + 1
            typ = self.t(j)
            depth = 0
            while not (depth == 0 and self.t(j) in ('(', '[', '{')):
                depth += {'<': 1, '>': -1}.get(self.t(j), 0)
                j += 1
            if self.t(j) == '[':
                while self.t(j) != '{':
                    j += 1
                return self.args(j + 1, loc, '}')
            a, j = self.args(j + 1, loc)
            if typ in ('LinkedList', 'ArrayList', 'LinkedHashSet', 'HashSet'):
                return (list(a[0]) if a else []), j
            return JObj(typ, a), j
        if tk.kind == 'id' and tk.text in ('true', 'false', 'null'):
            return {'true': True, 'false': False, 'null': None}[tk.text], i + 1
        if tk.kind == 'id':
            name, j = tk.text, i + 1
            while self.t(j) == '.' and self.toks[j + 1].kind == 'id' and self.t(j + 2) != '(':
                name += '.' + self.t(j + 1)
                j += 2
            if self.t(j) == '.' and self.t(j + 2) == '(':      # NAME.method(...)
                try:
                    recv = self.resolve(name, loc)
                except JavaError:
                    recv = None
                if recv is not None:
                    return recv, j
                name += '.' + self.t(j + 1)
                j += 2
            if self.t(j) == '(':
                a, k = self.args(j + 1, loc)
                key = name + '()'
                if not a and key in loc:
                    return loc[key], k
                return self.call(name, a), k
            return self.resolve(name, loc), j
        raise JavaError('%s: cannot read %r at line %d' % (self.path, tk.text, tk.line))

    def call(self, name, a):
        short = name.rsplit('.', 1)[-1]
        if name in ('List.of', 'Arrays.asList', 'Set.of'):
            return list(a)
        if name == 'Map.of':
            return dict(zip(a[::2], a[1::2]))
        if name == 'String.valueOf':
            return java_str(a[0])
        if short == 'getURLEncode':
            return java_urlencode(a[0])
        if short == 'getURLDecode':
            return urllib.parse.unquote_plus(a[0], encoding='utf-8')
        if short in self.hooks:
            return self.hooks[short](*a)
        raise JavaError('%s: call %s' % (self.path, name))

    def resolve(self, name, loc):
        if name in loc:
            return loc[name]
        if name in CORE_CONSTANTS:
            return CORE_CONSTANTS[name]
        if '.' in name:
            cls, attr = name.rsplit('.', 1)
            c = self.classes.get(cls)
            if isinstance(c, dict):
                return c[attr]
            if c is not None:
                return c.const(attr)
            raise JavaError('%s: unknown class %s' % (self.path, cls))
        try:
            return self.const(name)
        except JavaError:
            for c in self.classes.values():     # static imports
                if isinstance(c, JavaSource):
                    try:
                        return c.const(name)
                    except JavaError:
                        pass
            raise

    # statements of static blocks: NAME.put(expr, ...), NAME.add(expr), [Type] local = expr
    def static_calls(self):
        """NAME -> [(value, source text, line)] of NAME.put(value, ...) / NAME.add(value) in static blocks"""
        out, loc, i, n = collections.defaultdict(list), {}, 0, len(self.toks)
        while i < n:
            if not (self.t(i) == 'static' and self.t(i + 1) == '{'):
                i += 1
                continue
            j, depth = i + 2, 1
            while depth and j < n:
                if self.t(j) in ('{', '}'):
                    depth += 1 if self.t(j) == '{' else -1
                    j += 1
                    continue
                k, par = j, 0
                while not (par == 0 and self.t(k) in (';', '{', '}')):
                    par += {'(': 1, ')': -1}.get(self.t(k), 0)
                    k += 1
                if self.t(k) == ';':
                    self.statement(j, k, loc, out)
                    j = k + 1
                else:
                    j = k
            i = j
        return out

    def statement(self, j, k, loc, out):
        try:
            if (self.toks[j].kind == 'id' and self.t(j + 1) == '.' and self.t(j + 2) in ('put', 'add')
                    and self.t(j + 3) == '('):
                v, e = self.expr(j + 4, loc)
                out[self.t(j)].append((v, self.src(j + 4, e), self.toks[j + 4].line))
                return
            for x in range(j + 1, k):
                if self.t(x) == '=' and self.toks[x - 1].kind == 'id':
                    v, e = self.expr(x + 1, loc)
                    if e == k:
                        loc[self.t(x - 1)] = v
                    return
        except (JavaError, KeyError, IndexError, TypeError):
            pass

    def enum_entries(self, enum):
        """[(NAME, [arg values or None], source text, line)] of `enum ENUM { NAME(args), ... ;`"""
        i = next(k for k in range(len(self.toks)) if self.t(k) == 'enum' and self.t(k + 1) == enum) + 3
        out = []
        while self.t(i) not in (';', '}'):
            name, line = self.t(i), self.toks[i].line
            j = i + 2
            vals = []
            while self.t(j) != ')':
                start = j
                depth = 0
                while not (depth == 0 and self.t(j) in (',', ')')):
                    depth += {'(': 1, '{': 1, ')': -1, '}': -1}.get(self.t(j), 0)
                    j += 1
                try:
                    v, _ = self.expr(start, {})
                except JavaError:
                    v = None
                vals.append((v, self.src(start, j)))
                if self.t(j) == ',':
                    j += 1
            out.append((name, vals, line))
            i = j + 1
            if self.t(i) == ',':
                i += 1
        return out

# ----------------------------------------------------------------- what the JVM and ZAP do at run time
def java_urlencode(s):
    """java.net.URLEncoder.encode(s, "UTF8"): a-z A-Z 0-9 . - * _ kept, space as +, the rest
    as %XX (upper case) of the UTF-8 bytes.  AbstractPlugin.getURLEncode."""
    out = []
    for b in s.encode('utf-8', 'surrogatepass'):
        c = chr(b)
        if b < 128 and (c.isalnum() or c in '.-*_'):
            out.append(c)
        elif c == ' ':
            out.append('+')
        else:
            out.append('%%%02X' % b)
    return ''.join(out)

def message_format(pattern, *args):
    """java.text.MessageFormat.format: text between single quotes is literal (the quotes go),
    '' is one quote, {n} outside quotes is argument n; an int argument is formatted with
    grouping separators (NumberFormat.getInstance(Locale.ENGLISH): 123,456)."""
    out, i, quoted = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "'":
            if pattern[i + 1:i + 2] == "'":
                out.append("'")
                i += 2
            else:
                quoted = not quoted
                i += 1
            continue
        if c == '{' and not quoted:
            j = pattern.index('}', i)
            a = args[int(pattern[i + 1:j].split(',')[0])]
            out.append('{:,}'.format(a) if isinstance(a, int) else str(a))
            i = j + 1
            continue
        out.append(c)
        i += 1
    return ''.join(out)

class Fill:
    """the run-time randomness of the rules, from FILL_SEED"""
    def __init__(self):
        self.r = random.Random(FILL_SEED)
        self.correlation = None
        self.callback_port = self.r.randint(32768, 60999)   # the callback service's listening port

    def alnum_lc(self, n):
        """RandomStringUtils.secure().nextAlphanumeric(n).toLowerCase(Locale.ROOT)"""
        a = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
        return ''.join(self.r.choice(a) for _ in range(n)).lower()

    def chars(self, n, alphabet):
        return ''.join(self.r.choice(alphabet) for _ in range(n))

    def uuid4(self):
        v = self.r.getrandbits(128)
        v = (v & ~(0xf << 76)) | (4 << 76)
        v = (v & ~(0x3 << 62)) | (0x2 << 62)
        h = '%032x' % v
        return '%s-%s-%s-%s-%s' % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def uuid_msb_abs(self):
        """Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()))"""
        msb = int(self.uuid4().replace('-', '')[:16], 16)
        if msb >= 1 << 63:
            msb -= 1 << 64
        return str(abs(msb))

    def interactsh(self):
        """InteractshService.getNewPayload(): random char, '.', the session's 20-character
        correlation id plus 13 random characters, '.', the server's host (oast.live here)"""
        if self.correlation is None:
            self.correlation = self.alnum_lc(20)
        return self.alnum_lc(1) + '.' + self.correlation + self.alnum_lc(13) + '.' + INTERACTSH_HOST

    def callback(self):
        """CallbackService.getNewPayload(): http://ADDRESS:PORT/ + a random UUID"""
        return 'http://%s:%d/%s' % (CALLBACK_ADDRESS, self.callback_port, self.uuid4())

    def insert_uninit_var(self, cmd):
        """CommandInjectionScanRule.insertUninitVar: a $ and 1 or 2 random lower-case letters
        after every white space and before every /"""
        n = self.r.randint(1, 2) + 1
        var = '$' + ''.join(chr(self.r.randint(97, 122)) for _ in range(n - 1))
        cmd = re.sub(r'\s', lambda m: var + ' ', cmd)
        return re.sub(r'/', lambda m: var + '/', cmd)

INTERACTSH_HOST = 'oast.live'       # the OAST add-on's example Interactsh server (no default is set)
CALLBACK_ADDRESS = '10.42.7.19'     # the scanning host's address, as the callback service advertises it

# ZAP's URI class (org.apache.commons.httpclient.URI in zaproxy core) escapes a path given
# unescaped with allowed_abs_path and a query with allowed_query; given escaped, it checks
# them against abs_path and uric and refuses the URI (the rule then sends nothing).
_ALNUM = set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')
_UNRESERVED = _ALNUM | set("-_.!~*'()")
_RESERVED = set(';/?:@&=+$,')
ABS_PATH = _UNRESERVED | set(':@&=+$,;/%')
ALLOWED_ABS_PATH = ABS_PATH - {'%', '+'}
URIC = _RESERVED | _UNRESERVED | {'%'}
ALLOWED_QUERY = URIC - {'%'}

def uri_encode(s, allowed):
    return ''.join(chr(b) if b < 128 and chr(b) in allowed else '%%%02X' % b for b in s.encode('utf-8'))

def uri_unescaped(pathquery):
    """new URI(scheme, authority, PATHQUERY, null, null): the request target ZAP sends"""
    if not pathquery.startswith('/'):
        return None                             # "abs_path requested"
    path, q, query = pathquery.split('#', 1)[0].partition('?')
    return uri_encode(path, ALLOWED_ABS_PATH) + ('?' + uri_encode(query, ALLOWED_QUERY) if query else '')

def uri_escaped(pathquery):
    """new URI(scheme + "://" + host + PATHQUERY, true): None when the URI is refused"""
    s = pathquery.split('#', 1)[0]
    path, q, query = s.partition('?')
    if not path.startswith('/') or any(c not in ABS_PATH for c in path) or any(c not in URIC for c in query):
        return None
    return path + ('?' + query if query else '')        # an empty query is not sent

# ----------------------------------------------------------------- the probes of each rule
class Probe:
    """one request a rule sends.  mode and data say how it is placed:
      replace  data = the parameter value (the original value is replaced)
      append   data = text appended to the original value
      fn       data = (function of the original value, what the value must be: 'int', 'ext', 'len2' or None)
      name     data = (text appended to the parameter name, value)
      path     data = the request path (and query), given to ZAP's URI unescaped
      path-escaped  data = the request path (and query), given to ZAP's URI escaped
      page     data = function of a page path -> request path, unescaped
      rawpage  data = function of a page path -> request path and query, given escaped
      qappend  data = text appended to the query string as it is (Spring4Shell)
      hpp      data = text appended to every parameter value, query set unescaped (HPP)
      bound    data = (endpoint, value): a probe made for one endpoint"""
    def __init__(self, src, line, mode, data, note='', build='', stratum=''):
        self.src, self.line, self.mode, self.data, self.note, self.build = src, line, mode, data, note, build
        self.stratum = stratum      # '' or a sub-group sampled with its own, smaller cap (XSS mutations)
        self.rule = None

    def key(self):
        d = self.data
        if self.mode == 'fn':
            return (self.mode, self.src, self.build)
        if self.mode in ('page', 'rawpage'):
            return (self.mode, self.src)
        if self.mode == 'bound':
            return (self.mode, d[0][0], d[1])
        return (self.mode, d if not isinstance(d, list) else tuple(d))

def P(src, line, value, **kw):
    return Probe(src, line, 'replace', value, **kw)

def A(src, line, suffix, **kw):
    return Probe(src, line, 'append', suffix, build=kw.pop('build', 'appended to the original value'), **kw)

def T(src, line, template, token, **kw):
    """a template with the original-value token: a 'fn' probe, or 'replace' when it has none"""
    if token not in template:
        return P(src, line, template.replace(token, ''), **kw)
    return Probe(src, line, 'fn', (lambda o, t=template: t.replace(token, o), None),
                 build=kw.pop('build', 'the original value put where %s is' % token), **kw)

def rule_sqli(j, fill):
    out = []
    for v, s, ln in j.elements('SQL_CHECK_ERR'):
        out.append(P(s, ln, v, build='prefixStrings[0] ("") + SQL_CHECK_ERR[i]'))
        out.append(A(s, ln, v, build='prefixStrings[1] (the original value) + SQL_CHECK_ERR[i]'))
    for e, var, f in (('String.valueOf(paramPlusTwo) + "-2"', 'paramPlusTwo', lambda n: n + 2),
                      ('String.valueOf(paramPlusThree) + "-2"', 'paramPlusThree', lambda n: n + 3),
                      ('String.valueOf(paramMultTwo) + "/2"', 'paramMultTwo', lambda n: n * 2),
                      ('String.valueOf(paramMultFour) + "/2"', 'paramMultFour', lambda n: n * 4)):
        ln = j.find(e)
        out.append(Probe(e, ln, 'fn', (lambda o, e=e, var=var, f=f: j.evaluate(e, {var: f(int(o))})[0], 'int'),
                         build='expression on an integer original value', note='weak: arithmetic only'))
    for arr in ('SQL_LOGIC_AND_TRUE', 'SQL_LOGIC_AND_FALSE', 'SQL_LOGIC_OR_TRUE', 'SQL_UNION_APPENDAGES'):
        for v, s, ln in j.elements(arr):
            weak = 'weak: no SQL syntax' if re.fullmatch(r'[A-Z%]+', v) else ''
            out.append(A(s, ln, v, build='origParamValue + %s[i]' % arr, note=weak))
    for e in ('origParamValue + " ASC " + SQL_ONE_LINE_COMMENT', 'origParamValue + " DESC " + SQL_ONE_LINE_COMMENT'):
        v, ln = j.evaluate(e, {'origParamValue': ''})
        out.append(A(e, ln, v, build='origParamValue + ...'))
    return out

def timing_rule(array, orig_token, sleep_token, sleep_text):
    def f(j, fill):
        orig = j.const(orig_token) if re.fullmatch(r'[A-Z_]+', orig_token) else orig_token
        sleep = j.const(sleep_token) if re.fullmatch(r'[A-Z_]+', sleep_token) else sleep_token
        out = []
        for v, s, ln in j.elements(array):
            out.append(T(s, ln, v.replace(sleep, sleep_text(j)), orig))
        return out
    return f

def default_sleep(j):
    for name in ('DEFAULT_SLEEP_TIME', 'DEFAULT_TIME_SLEEP_SEC'):
        try:
            return j.const(name)
        except JavaError:
            pass
    raise JavaError('%s: no default sleep time' % j.path)

def sleep_hms(n):
    return '%d:%d:%d' % (n // 3600, n % 3600 // 60, n % 60)

XSS_PARENT_TAGS = ['div', 'span', 'p', 'td', 'li', 'title', 'textarea', 'h1', 'label', 'option']
QUOTES = ['', '"', "'"]

def xss_probes(j, fill, exprs):
    """exprs: [(expression as in the source, {binding name: [values]})]: one probe per combination"""
    out = []
    for item in exprs:
        e, binds = item[0], item[1]
        names = list(binds)
        combos = [{}]
        for n in names:
            combos = [dict(c, **{n: v}) for c in combos for v in binds[n]]
        for c in combos:
            loc = dict(c)
            if 'context.getParentTag()' in e:
                loc['context.getParentTag()'] = fill.r.choice(XSS_PARENT_TAGS)
            v, ln = j.evaluate(e, loc)
            if len(item) > 2:
                ln = j.find(item[2])     # where the bare name is used as the payload
            out.append(P(e, ln, v, build=', '.join('%s = %s' % (k, esc(loc[k]) if loc[k] else '""')
                                                   for k in sorted(loc) if k != 'scriptAlert')))
    return out

def rule_xss(j, fill):
    gsa = j.const('GENERIC_SCRIPT_ALERT_LIST')
    q = {'context.getSurroundingQuote()': QUOTES}
    sa = {'scriptAlert': gsa}
    exprs = [('"\'\\"" + scriptAlert', sa), ('";alert(1)"', {}), ('"javascript:alert(1);"', {}),
             ('context.getSurroundingQuote() + " src=http://badsite.com"', q),
             ('context.getSurroundingQuote() + ">" + scriptAlert', dict(q, **sa)),
             ('context.getSurroundingQuote() + " onMouseOver=" + context.getSurroundingQuote() + "alert(1);"', q),
             ('"-->" + scriptAlert + "<!--"', sa), ('"-->" + B_MOUSE_ALERT + "<!--"', {}),
             ('scriptAlert', sa, 'performAttack(msg, param, scriptAlert, null, HtmlContext.IGNORE_PARENT)'),
             ('B_MOUSE_ALERT', {}, 'performAttack(msg, param, B_MOUSE_ALERT, context, HtmlContext.IGNORE_PARENT)'),
             ('getURLEncode(GENERIC_SCRIPT_ALERT)', {}, 'performAttack(msg, param, getURLEncode(GENERIC_SCRIPT_ALERT), null, 0, true)'),
             ('"</" + context.getParentTag() + ">" + scriptAlert + "<" + context.getParentTag() + ">"', sa),
             ('context.getSurroundingQuote() + ";alert(1);" + context.getSurroundingQuote()', q),
             ('GENERIC_ONERROR_ALERT', {}, 'GENERIC_ONERROR_ALERT, context, HtmlContext.IGNORE_IN_SCRIPT'),
             ('ACCESSKEY_ATTRIBUTE_ALERT', {}, 'performAttack(msg, param, ACCESSKEY_ATTRIBUTE_ALERT, context, 0)'),
             ('"tag " + ACCESSKEY_ATTRIBUTE_ALERT', {}),
             ('TAG_ONCLICK_ALERT', {}, 'performAttack(msg, param, TAG_ONCLICK_ALERT, null, 0)')]
    out = xss_probes(j, fill, exprs)
    for v, s, ln in j.elements('OUTSIDE_OF_TAGS_PAYLOADS'):
        out.append(P(s, ln, v, build='OUTSIDE_OF_TAGS_PAYLOADS'))
    # mutateAttack: ( ) -> ` `, < > -> fullwidth, both
    mutated = []
    for p in out:
        for mlist in j.const('MUTATIONS'):
            if mlist[0].args[0] in p.data:
                v = p.data
                for m in mlist:
                    v = v.replace(m.args[0], m.args[1])
                mutated.append(P('mutateAttack(%s)' % p.src, p.line, v, stratum='mutated',
                                 build='mutation ' + ' '.join('%s->%s' % (m.args[0], m.args[1]) for m in mlist)))
    out += mutated
    e = 'value + HEADER_SPLITTING + scriptAlert'
    for a in gsa:
        v, ln = j.evaluate(e, {'value': '', 'scriptAlert': a})
        out.append(P(e, ln, v, build='attackHeader, value = ""'))
        out.append(A(e, ln, v, build='attackHeader, value = the original value'))
    return out

def rule_pxss(j, fill):
    q = {'context.getSurroundingQuote()': QUOTES}
    return xss_probes(j, fill, [
        ('";alert(1)"', {}), ('"javascript:alert(1);"', {}),
        ('context.getSurroundingQuote() + " src=http://badsite.com"', q),
        ('context.getSurroundingQuote() + ">" + GENERIC_SCRIPT_ALERT', q),
        ('context.getSurroundingQuote() + " onMouseOver=" + context.getSurroundingQuote() + "alert(1);"', q),
        ('"-->" + GENERIC_SCRIPT_ALERT + "<!--"', {}), ('"--><b onMouseOver=alert(1);>test</b><!--"', {}),
        ('GENERIC_SCRIPT_ALERT', {}, 'GENERIC_SCRIPT_ALERT, sinkMsg, null, HtmlContext.IGNORE_PARENT'),
        ('"<b onMouseOver=alert(1);>test</b>"', {}),
        ('getURLEncode(GENERIC_SCRIPT_ALERT)', {}, 'getURLEncode(GENERIC_SCRIPT_ALERT), sinkMsg'),
        ('"</" + context.getParentTag() + ">" + GENERIC_SCRIPT_ALERT + "<" + context.getParentTag() + ">"', {}),
        ('context.getSurroundingQuote() + ";alert(1);" + context.getSurroundingQuote()', q),
        ('"<img src=x onerror=alert(1);>"', {})])

def rule_oobxss(j, fill):
    out = []
    for v, s, ln in j.elements('XSS_ATTACK_PATTERNS'):
        out.append(P(s, ln, message_format(v, fill.callback()),
                     build='MessageFormat.format(pattern, callback service URL)'))
        out.append(P(s, ln, message_format(v, 'https://' + fill.interactsh()),
                     build='MessageFormat.format(pattern, "https://" + OAST payload)'))
    return out

def rule_cmdi(j, fill):
    out = []
    calls = j.static_calls()
    for name in ('NIX_OS_PAYLOADS', 'WIN_OS_PAYLOADS', 'PS_PAYLOADS'):
        seen = []
        for v, s, ln in calls[name]:
            if v in [x[0] for x in seen]:
                continue      # LinkedHashMap.put of an existing key
            seen.append((v, s, ln))
        for k, (v, s, ln) in enumerate(seen):
            out.append(P(s, ln, v, build='%s, first payload: replaces the value' % name) if k == 0 else
                       A(s, ln, v, build='%s: value + payload' % name))
    return out

def rule_cmdi_time(j, fill):
    out = []
    calls = j.static_calls()
    sleep = java_str(float(default_sleep(j)))
    for name in ('NIX_BLIND_OS_PAYLOADS', 'WIN_BLIND_OS_PAYLOADS', 'PS_BLIND_PAYLOADS'):
        for v, s, ln in calls[name]:
            out.append(A(s, ln, v.replace('{0}', sleep), build='%s: value + payload, {0} = %s (a double)' % (name, sleep)))
    return out

def rule_shellshock(j, fill):
    v1 = j.const('ATTACK_1')
    v2 = j.const('ATTACK_2').replace(j.const('SLEEP_TOKEN'), str(default_sleep(j)))
    return [P('ATTACK_1', j.find('ATTACK_1 ='), v1), P('ATTACK_2', j.find('ATTACK_2 ='), v2, build='sleep 5')]

def rule_traversal(j, fill):
    out = []
    nul = j.resolve('NULL_BYTE_CHARACTER', {})
    for arr in ('WIN_LOCAL_FILE_TARGETS', 'NIX_LOCAL_FILE_TARGETS'):
        for v, s, ln in j.elements(arr):
            out.append(P(s, ln, v, build=arr))
            out.append(P(s + ' + NULL_BYTE_CHARACTER', ln, v + nul, build=arr + ' + NUL'))
            out.append(Probe(s + ' + NULL_BYTE_CHARACTER + extension', ln, 'fn',
                             (lambda o, v=v: v + nul + o[o.rindex('.'):], 'ext'),
                             build=arr + ' + NUL + the extension of the original value'))
    for arr in ('NIX_LOCAL_DIR_TARGETS', 'WIN_LOCAL_DIR_TARGETS'):
        for v, s, ln in j.elements(arr):
            weak = 'weak: a bare directory' if len(v) <= 3 else ''
            out.append(P(s, ln, v, build=arr, note=weak))
    ss = j.const('sslashPattern')
    ln = j.find('String sslashPattern = "WEB-INF/web.xml"')
    bs = ss.replace('/', '\\')
    for idx in range(4):
        pre_s, pre_b = '../' * idx, '..\\' * idx
        for e, v in (('sslashPattern', pre_s + ss), ('bslashPattern', pre_b + bs),
                     ("'/' + sslashPattern", '/' + pre_s + ss), ("'\\\\' + bslashPattern", '\\' + pre_b + bs)):
            out.append(P(e, ln, v, build='local traversal %d' % idx))
    return out

def rule_rfi(j, fill):
    out = []
    for p, ps, _ in j.elements('REMOTE_FILE_TARGET_PREFIXES'):
        for t, ts, ln in j.elements('REMOTE_FILE_TARGETS'):
            out.append(P('%s + %s' % (ps, ts), ln, p + t, build='prefix + target',
                         note='' if p.strip('\0') else 'weak: a host name without a scheme'))
    return out

def rule_consts(*names):
    def f(j, fill):
        return [P(n, j.find(n + ' ='), j.const(n)) for n in names]
    return f

def rule_array(*arrays):
    def f(j, fill):
        return [P(s, ln, v, build=a) for a in arrays for v, s, ln in j.elements(a)]
    return f

def java_format(fmt, *args):
    return fmt % args       # String.format with %d, %s and %% only

def rule_ssti(j, fill, tf, django, gofmt):
    out = []
    delim = j.const('DELIMITER')
    for v, s, ln in j.elements('errorPolyglots'):
        out.append(P(s, ln, v, build='errorPolyglots'))
    lo, hi = tf.const('MIN'), tf.const('MAX')
    fixes = [v for v, _, _ in j.elements('WAYS_TO_FIX_CODE_SYNTAX')]
    for fmt_obj, s, ln in j.elements('TEMPLATE_FORMATS'):
        if fmt_obj.typ == 'TemplateFormat':
            a = fmt_obj.args
            start, end = a[0], a[1]
            math = a[2] if len(a) > 2 else start.replace('%', '%%') + '%d*%d' + end.replace('%', '%%')
        else:
            src = {'DjangoTemplateFormat': django, 'GoTemplateFormat': gofmt}[fmt_obj.typ]
            k = next(i for i in range(len(src.toks)) if src.t(i) == 'super' and src.t(i + 1) == '(')
            (start, end, math), _ = src.args(k + 2, {})
        for prefix in [''] + [x + end for x in fixes]:
            n1, n2 = fill.r.randint(lo, hi), fill.r.randint(lo, hi)
            out.append(P(s, ln, prefix + delim + java_format(math, n1, n2) + delim,
                         build='codeFixPrefix + templateFixingPrefix + DELIMITER + exploit + DELIMITER'
                               + (' (fixSyntax, INSANE strength)' if prefix else ''),
                         note='weak: no template syntax' if start == ' ' and not prefix else ''))
    return out

def rule_ssti_blind(j, fill):
    out = []
    cmds = [v for v, _, _ in j.elements('WAYS_TO_MAKE_HTTP_REQUESTS_CMD_LINE')]
    secs = str(default_sleep(j))
    for arr in ('JAVA_COMMAND_EXEC_PAYLOADS', 'JAVASCRIPT_COMMAND_EXEC_PAYLOADS', 'PYTHON_COMMAND_EXEC_PAYLOADS',
                'RUBY_COMMAND_EXEC_PAYLOADS', 'PHP_COMMAND_EXEC_PAYLOADS'):
        for v, s, ln in j.elements(arr):
            for c in cmds:
                out.append(P(s, ln, v.replace('X_COMMAND_X', c).replace('X_URL_X', 'http://' + fill.interactsh()),
                             build='X_COMMAND_X = %s, X_URL_X = "http://" + OAST payload' % c))
            out.append(P(s, ln, v.replace('X_COMMAND_X', 'sleep X_SECONDS_X').replace(j.const('SECONDS_PLACEHOLDER'), secs),
                         build='X_COMMAND_X = sleep %s' % secs))
    return out

def rule_code(j, fill):
    out = [P(s, ln, v, build='PHP_PAYLOADS') for v, s, ln in j.elements('PHP_PAYLOADS')]
    n1, n2 = fill.r.randint(1, 999998), fill.r.randint(1, 999998)
    for v, s, ln in j.elements('ASP_PAYLOADS'):
        out.append(P(s, ln, message_format(v, n1, n2), build='MessageFormat.format(payload, %d, %d)' % (n1, n2)))
    return out

def rule_el(j, fill):
    mean, dev = j.const('MEAN_VALUE'), j.const('DEVIATION_VALUE')
    b1 = mean + int(fill.r.random() * (dev - mean + 1))
    b2 = mean + int(fill.r.random() * (dev - mean + 1))
    e = '"${" + bignum1 + "+" + bignum2 + "}"'
    v, ln = j.evaluate(e, {'bignum1': b1, 'bignum2': b2})
    return [P(e, ln, v)]

def rule_xslt(j, fill):
    out = []
    for name, vals, ln in j.enum_entries('XSLTInjectionType'):
        for v in vals[0][0]:
            out.append(P(java_literal(v), ln, v, build=name, note='weak: one character' if len(v) == 1 else ''))
            if name == 'VENDOR':
                out.append(P(java_literal(v) + '.replace("vendor", "vedor")', ln, v.replace('vendor', 'vedor'),
                             build='VENDOR, invalid-payload check'))
    fmt, ln = j.evaluate('"<xsl:value-of select=\\"document(\'%s\')\\"/>"')
    out.append(P('getXslForPortScan(msg)', ln, java_format(fmt, 'http://' + SITE + ':22'), build='PORTSCAN'))
    return out

def rule_ldap(j, fill):
    v = j.const('errorAttack')
    out = [P('errorAttack', j.find('errorAttack ='), v)]
    ln = j.find('temp.append("objectClass=*")')
    for n in range(1, 17):
        out.append(A('paramvalue + ")" x %d + "(" x %d + "objectClass=*"' % (n, n), ln, ')' * n + '(' * n + 'objectClass=*',
                     build='appendTrueAttack %d' % n))
    ln = j.find("temp.append('*')")
    out.append(Probe('paramvalue with a * in the middle', ln, 'fn',
                     (lambda o: o[:len(o) // 2 - 1] + '*' + o[len(o) // 2:], 'len2'), build='hopefullyTrueAttack',
                     note='weak: one * in the original value'))
    return out

def rule_fmtstr(j, fill):
    init = j.const('initialMessage')
    return [P('initialMessage + 20 x "%n%s" + \'\\n\'', j.find('sb.append("%n%s")'), init + '%n%s' * 20 + '\n'),
            P('initialMessage + 10 x "%x" + \'\\n\'', j.find('sb1.append("%x")'), init + '%x' * 10 + '\n'),
            P('initialMessage + \' \' + %1!s..%20!s + %21!n..%40!n + \'\\n\'', j.find('sb2.append("!s")'),
              init + ' ' + ''.join('%%%d!s' % (i + 1) for i in range(20)) + ''.join('%%%d!n' % (i + 1) for i in range(20, 40))
              + '\n')]

def rule_bof(j, fill):
    ln = j.find('randomCharacterString(2100)')
    chars = [chr(c) for c in range(65, 122) if not 90 < c < 97]
    return [P('randomCharacterString(2100)', ln, ''.join(fill.r.choice(chars) for _ in range(2100)),
              build='2100 random letters', note='weak: letters only, by length')]

def rule_intoverflow(j, fill):
    n = j.const('maxcharacter') * 4
    out = [P('randomIntegerString(4)', j.find('randomIntegerString(4)'), fill.chars(n, '0123456789'),
             note='weak: digits only')]
    for c in '019':
        out.append(P("singleString(4, '%s')" % c, j.find("singleString(4, '%s')" % c), c * n, note='weak: digits only'))
    return out

def rule_oast_patterns(*arrays):
    def f(j, fill):
        return [P(s, ln, v.replace('{0}', fill.interactsh()), build='{0} = OAST payload')
                for a in arrays for v, s, ln in j.elements(a)]
    return f

def rule_spring4shell(j, fill):
    return [Probe('ATTACK', j.find('ATTACK ='), 'qappend', j.const('ATTACK'), build='GET: query + "&" + ATTACK')]

def rule_actuator(j, fill):
    # a host rule: its base message is the site's root, /
    return [Probe(s, ln, 'path', app_file_path('/', v), build='generatePath("/", endpoint)')
            for v, s, ln in j.elements('endpointList')]

def rule_cloud(j, fill):
    out, seen = [], set()
    for name, vals, ln in j.enum_entries('CloudProvider'):
        for ep in vals[0][0]:
            host, path = ep.args[0], ep.args[1]
            if path not in seen:
                seen.add(path)
                out.append(Probe('new Endpoint("%s", "%s", ...)' % (host, path), ln, 'path', path,
                                 build='%s: setPath, Host %s' % (name, host)))
    return out

def super_filename(j):
    k = next(i for i in range(len(j.toks)) if j.t(i) == 'super' and j.t(i + 1) == '(')
    return unescape(j.toks[k + 2].text[1:-1]), j.toks[k].line

def rule_host_file(j, fill):
    f, ln = super_filename(j)
    return [Probe('super("%s", MESSAGE_PREFIX)' % f, ln, 'path', f, build='AbstractHostFilePlugin: the site root')]

def rule_app_file(j, fill):
    f, ln = super_filename(j)
    return [Probe('super("%s", MESSAGE_PREFIX)' % f, ln, 'page', lambda page: app_file_path(page, f),
                  build='AbstractAppFilePlugin: the folder of the page')]

def app_file_path(page, filename):
    """AbstractAppFilePlugin.createTestablePath / SpringActuatorScanRule.generatePath"""
    if '/' in page:
        return page + filename if page.endswith('/') else page[:page.rindex('/')] + '/' + filename
    return page + '/' + filename

def hidden_path(page, filename):
    """HiddenFilesScanRule.generatePath (indexOf('/'): the root, unless the page path ends with /)"""
    if page.endswith('/'):
        return page + filename
    return page[:page.index('/')] + '/' + filename

def rule_hidden(j, fill, hidden_json):
    # a host rule: its base message is the site's root, /
    out = []
    ln = j.find('readFromJsonFile(DEFAULT_PAYLOAD_PATH)')
    for f in json.loads(hidden_json)['files']:
        out.append(Probe('hidden_files.json "path": "%s"' % f['path'], ln, 'path', hidden_path('/', f['path']),
                         build='generatePath("/", file)'))
    for v, s, ln in j.elements('HIDDEN_FILES'):
        out.append(Probe(s, ln, 'path', hidden_path('/', v), build='generatePath("/", file)'))
    return out

def rule_webinf(j, fill):
    ln = j.find('"/WEB-INF/"')
    return [Probe(s, ln, 'path', '/WEB-INF/' + v, build='"/WEB-INF/" + filename') for v, s, _ in j.elements('WEBINF_FILES')]

def rule_cve20121823(j, fill):
    a = j.const('attackParam')
    return [Probe('attackParam', j.find('String attackParam ='), 'rawpage', lambda page: page + a,
                  build='escaped path + attackParam')]

def rule_redirect(j, fill):
    out = []
    ph = j.const('ORIGINAL_VALUE_PLACEHOLDER')
    for name, vals, ln in j.enum_entries('RedirectPayloads'):
        v, placeholder = vals[0][0], vals[1][0]
        if placeholder:
            out.append(Probe(vals[0][1], ln, 'fn', (lambda o, v=v: v.replace(ph, o), None),
                             build=name + ': original value in the payload'))
        else:
            out.append(P(vals[0][1], ln, v, build=name))
    return out

def rule_tamper(j, fill):
    out = []
    for k, (v, s, ln) in enumerate(j.elements('PARAM_LIST')):
        if k >= 2:          # 0: the parameter removed, 1: an empty value (left out, no payload)
            out.append(P(s, ln, v, build='PARAM_LIST[%d]' % k, note='weak: one character'))
    return out

def rule_nosqli(j, fill):
    out = []
    names = j.elements('ALL_DATA_PARAM_INJECTION')
    for (n, ns, ln), (v, vs, _) in zip(names, j.elements('ALL_DATA_VALUE_INJECTION')):
        out.append(Probe('param + %s = %s' % (ns, vs), ln, 'name', (n, v), build='parameter name + operator'))
    for v, s, ln in j.elements('CRASH_INJECTION'):
        out.append(P(s, ln, v, build='CRASH_INJECTION'))
    return out

def rule_nosqli_time(j, fill):
    sleep = java_str(float(default_sleep(j)))
    return [A(s, ln, v.replace('{0}', sleep), build='value + payload, {0} = %s (a double)' % sleep)
            for v, s, ln in j.elements('SLEEP_INJECTION')]

def rule_ssrf(j, fill):
    ln1 = j.find('registerAlertAndGetPayloadForCallbackService')
    ln2 = j.find('String payload = scheme + oastPayload.getPayload()')
    out = [P('callback service payload', ln1, fill.callback(), build='scanWithCallbackService')]
    for scheme in ('http://', 'https://'):
        out.append(P('scheme + oastPayload.getPayload()', ln2, scheme + fill.interactsh(), build='scanWithExternalOastService'))
    return out

def rule_hpp(j, fill):
    return [Probe('payload', j.find('payload = "%26zap%3Dzaproxy"'), 'hpp', j.const('payload'),
                  build='every parameter: value + payload, query set unescaped')]

def rule_scd_fi(j, fill):
    out = []
    pre = [v for v, _, _ in j.elements('LOCAL_SOURCE_FILE_TARGET_PREFIXES')]
    war = [v for v, _, _ in j.elements('LOCAL_WAR_EAR_FILE_TARGET_PREFIXES')]
    ln1 = j.find('LOCAL_SOURCE_FILE_TARGET_PREFIXES[h] + sourcefilename')
    ln2 = j.find('LOCAL_WAR_EAR_FILE_TARGET_PREFIXES[h] + sourcefilename')
    for ep in ENDPOINTS['scd']:
        path = ep[0]
        name = path.rsplit('/', 1)[1]
        ctx = path[1:path.index('/', 1)] if path.find('/', 1) > 1 else ''
        names = [name, path[1:], path[path.index('/', 1) + 1:]]
        for n in names:
            for p in pre:
                out.append(Probe('LOCAL_SOURCE_FILE_TARGET_PREFIXES[h] + sourcefilename', ln1, 'bound', (ep, p + n),
                                 build='prefix "%s" + "%s"' % (p, n)))
        for n in (ctx + '.war', ctx + '.ear', ctx + '.rar'):
            for p in war:
                out.append(Probe('LOCAL_WAR_EAR_FILE_TARGET_PREFIXES[h] + sourcefilename', ln2, 'bound', (ep, p + n),
                                 build='prefix "%s" + "%s" (HIGH/INSANE strength)' % (p, n)))
    return out

def rule_git(j, fill):
    out = []
    ln = j.find('gitindexpath = modifiedpath + ".git/index"')
    for page in SOURCE_PAGES:
        d = page[:page.rindex('/') + 1]
        while d:
            out.append(Probe('modifiedpath + ".git/index"', ln, 'path', d + '.git/index', build='folders of ' + page))
            d = d[:-1]
            d = d[:d.rindex('/') + 1] if '/' in d else ''
    return out

def rule_svn(j, fill):
    out = []
    ln1 = j.find('".svn/text-base/"')
    ln2 = j.find('pathminusfilename + ".svn/wc.db"')
    for page in SOURCE_PAGES:
        name = page.rsplit('/', 1)[1]
        d = page[:page.rindex('/') + 1]
        out.append(Probe('pathminusfilename + ".svn/text-base/" + urlfilename + ".svn-base"', ln1, 'path',
                         d + '.svn/text-base/' + name + '.svn-base', build='SVN < 1.7, ' + page))
        while d != '/':
            out.append(Probe('pathminusfilename + ".svn/wc.db"', ln2, 'path', d + '.svn/wc.db', build='SVN >= 1.7, ' + page))
            d = d[:-1]
            d = d[:d.rindex('/') + 1]
    return out

def rule_backup(j, fill):
    exts = [v for v, _, _ in j.elements('fileExtensions')]
    sufs = [v for v, _, _ in j.elements('fileSuffixes')]
    pres = [v for v, _, _ in j.elements('filePrefixes')]
    ln_e = j.toks[j.decl('fileExtensions')].line
    ln_s = j.toks[j.decl('fileSuffixes')].line
    ln_p = j.toks[j.decl('filePrefixes')].line
    out = []
    for path in BACKUP_PAGES:
        name = path.rsplit('/', 1)[1]
        if '.' in name:
            pe = path.rindex('.')
            ext = name[name.rindex('.'):]
        else:
            pe, ext = len(path), ''
        pp = path.rindex('/') + 1
        pds = path.rindex('/')
        pdp = path[:pds].rindex('/') + 1 if pds >= 0 else 0
        cand = []
        for e in dict.fromkeys(exts):
            cand.append(('path + fileExtensionToTry', ln_e, path + e))
            cand.append(('path.substring(0, positionExtensionInjection) + fileExtensionToTry', ln_e, path[:pe] + e))
            if ext:
                cand.append(('path.substring(0, positionExtensionInjection) + fileExtensionToTry + actualfileExtension',
                             ln_e, path[:pe] + e + ext))
        for s in sufs:
            cand.append(('path.substring(0, positionFileSuffixInjection) + fileSuffixToTry + ...', ln_s, path[:pe] + s + path[pe:]))
        for p in pres:
            cand.append(('path.substring(0, positionFilePrefixInjection) + filePrefixToTry + ...', ln_p, path[:pp] + p + path[pp:]))
        if len(path.split('/')) > 2:
            for s in sufs:
                cand.append(('path.substring(0, positionDirectorySuffixInjection) + fileSuffixToTry + ...', ln_s,
                             path[:pds] + s + path[pds:]))
            for p in pres:
                cand.append(('path.substring(0, positionDirectoryPrefixInjection) + filePrefixToTry + ...', ln_p,
                             path[:pdp] + p + path[pdp:]))
        for src, ln, v in dict.fromkeys(cand):
            out.append(Probe(src, ln, 'path', v, build='backup of ' + path))
    return out

def rule_crossdomain(j, fill):
    return [Probe('"/" + %s' % n, j.find(n + ' ='), 'path', '/' + j.const(n))
            for n in ('ADOBE_CROSS_DOMAIN_POLICY_FILE', 'SILVERLIGHT_CROSS_DOMAIN_POLICY_FILE')]

def rule_forbidden(j, fill):
    out = []
    for page in FORBIDDEN_PAGES:
        for v, s, ln in j.elements('pathPayloads', {'path': page}):
            if uri_escaped(v) == page:
                continue        # path + "?": the URI drops the empty query, so the page itself is sent
            out.append(Probe(s, ln, 'path-escaped', v, build='path = ' + page,
                             note='weak: the page with a / added' if v == page + '/' else ''))
    return out

# ----------------------------------------------------------------- rules, endpoints, pages
# Endpoints of the scanned site: (path, [(name, original value)], index of the parameter ZAP
# attacks).  ZAP attacks every parameter of every URL it knows; here each probe gets one.
ENDPOINTS = {
    'num': [('/item', [('id', '42')], 0), ('/news.php', [('article', '1187')], 0),
            ('/user/profile', [('uid', '3051'), ('tab', 'orders')], 0), ('/api/v1/orders', [('page', '2'), ('status', 'shipped')], 0)],
    'text': [('/products', [('category', 'shoes'), ('sort', 'price')], 0), ('/search', [('q', 'running shoes')], 0),
             ('/api/v1/orders', [('page', '2'), ('status', 'shipped')], 1), ('/products', [('category', 'shoes'), ('sort', 'price')], 1)],
    'xss': [('/search', [('q', 'running shoes')], 0), ('/comments', [('post', '77'), ('author', 'Dana')], 1),
            ('/greeting', [('name', 'Alex')], 0), ('/search.php', [('query', 'blue lamp'), ('lang', 'en')], 0)],
    'cmd': [('/tools/ping', [('host', '10.0.0.1')], 0), ('/dns/lookup', [('domain', 'example.org'), ('type', 'MX')], 0),
            ('/admin/backup', [('file', 'db-2026-12-01.tar')], 0), ('/convert', [('src', 'report.docx'), ('to', 'pdf')], 0)],
    'file': [('/index.php', [('page', 'about.html')], 0), ('/download', [('file', 'report.pdf')], 0),
             ('/view.php', [('template', 'home.tpl'), ('lang', 'en')], 0), ('/include.php', [('path', 'footer.php')], 0)],
    'url': [('/login', [('next', '/dashboard')], 0), ('/redirect', [('url', 'https://www.example.com/home')], 0),
            ('/out', [('to', 'https://partner.example.net/')], 0)],
    'fetch': [('/fetch', [('url', 'https://cdn.example.com/img/logo.png')], 0),
              ('/proxy', [('target', 'https://api.example.com/v1/status')], 0),
              ('/webhook/test', [('callback', 'https://hooks.example.com/a1')], 0)],
    'dir': [('/directory', [('user', 'jsmith')], 0), ('/people/search', [('cn', 'Maria Lopez')], 0),
            ('/login', [('username', 'alice'), ('remember', '1')], 0)],
    'tmpl': [('/greeting', [('name', 'Alex')], 0), ('/preview', [('title', 'Hello'), ('theme', 'dark')], 0),
             ('/render', [('tpl', 'welcome')], 0), ('/search', [('q', 'running shoes')], 0)],
    'scd': [('/catalog/view.php', [('file', 'intro.txt')], 0), ('/shop/page.jsp', [('doc', 'terms.html')], 0)],
}
PAGES = ['/', '/index.php', '/shop/product.php', '/blog/2026/11/winter-sale.html', '/app/login.jsp',
         '/docs/guide/install.html', '/admin/users.aspx', '/account/settings']
PHP_PAGES = ['/index.php', '/shop/product.php', '/contact.php']
SOURCE_PAGES = ['/shop/product.php', '/app/login.jsp', '/docs/guide/install.html']
BACKUP_PAGES = ['/shop/product.php', '/admin/config.php', '/app/login.jsp']
FORBIDDEN_PAGES = ['/admin', '/server-status', '/internal/metrics']

# (plugin id, file, Messages.properties key of the name, category, endpoint pools, extractor)
RULES = [
    (40018, ASC + 'SqlInjectionScanRule.java', 'ascanrules.sqlinjection.name', 'sqli', 'num text', rule_sqli),
    (40019, ASC + 'SqlInjectionMySqlTimingScanRule.java', 'ascanrules.sqlinjection.mysql.name', 'sqli', 'num text',
     timing_rule('SQL_MYSQL_TIME_REPLACEMENTS', 'ORIG_VALUE_TOKEN', 'SLEEP_TOKEN', lambda j: str(default_sleep(j)))),
    (40020, ASC + 'SqlInjectionHypersonicTimingScanRule.java', 'ascanrules.sqlinjection.hypersonic.name', 'sqli', 'num text',
     timing_rule('SQL_HYPERSONIC_TIME_REPLACEMENTS', 'ORIG_VALUE_TOKEN', 'SLEEP_TOKEN', lambda j: str(default_sleep(j) * 1000))),
    (40021, ASC + 'SqlInjectionOracleTimingScanRule.java', 'ascanrules.sqlinjection.oracle.name', 'sqli', 'num text',
     timing_rule('PAYLOADS', 'ORIG_VALUE_TOKEN', 'SLEEP_TOKEN', lambda j: str(default_sleep(j)))),
    (40022, ASC + 'SqlInjectionPostgreSqlTimingScanRule.java', 'ascanrules.sqlinjection.postgres.name', 'sqli', 'num text',
     timing_rule('SQL_POSTGRES_TIME_REPLACEMENTS', 'ORIG_VALUE_TOKEN', 'SLEEP_TOKEN', lambda j: java_str(float(default_sleep(j))))),
    (40027, ASC + 'SqlInjectionMsSqlTimingScanRule.java', 'ascanrules.sqlinjection.mssql.name', 'sqli', 'num text',
     timing_rule('SQL_MSSQL_TIME_REPLACEMENTS', 'ORIG_VALUE_TOKEN', 'SLEEP_TOKEN', lambda j: sleep_hms(default_sleep(j)))),
    (40024, ALPHA + 'SqlInjectionSqLiteTimingScanRule.java', 'ascanalpha.sqlinjection.sqlite.timing.name', 'sqli', 'num text',
     timing_rule('SQL_SQLITE_TIME_REPLACEMENTS', '<<<<ORIGINALVALUE>>>>', '<<<<NUMBLOBBYTES>>>>', lambda j: str(j.const('minBlobBytes')))),
    (40012, ASC + 'CrossSiteScriptingScanRule.java', 'ascanrules.crosssitescripting.name', 'xss', 'xss', rule_xss),
    (40014, ASC + 'PersistentXssScanRule.java', 'ascanrules.persistentxssattack.name', 'xss', 'xss', rule_pxss),
    (40031, BETA + 'OutOfBandXssScanRule.java', 'ascanbeta.oobxss.name', 'xss', 'xss', rule_oobxss),
    (90020, ASC + 'CommandInjectionScanRule.java', 'ascanrules.commandinjection.name', 'cmdi', 'cmd', rule_cmdi),
    (90037, ASC + 'CommandInjectionTimingScanRule.java', 'ascanrules.commandinjection.time.name', 'cmdi', 'cmd', rule_cmdi_time),
    (10048, ASC + 'ShellShockScanRule.java', 'ascanrules.shellshock.name', 'shellshock', 'cmd text', rule_shellshock),
    (6, ASC + 'PathTraversalScanRule.java', 'ascanrules.pathtraversal.name', 'traversal', 'file', rule_traversal),
    (43, BETA + 'SourceCodeDisclosureFileInclusionScanRule.java', 'ascanbeta.sourcecodedisclosure.lfibased.name', 'traversal',
     'scd', rule_scd_fi),
    (7, ASC + 'RemoteFileIncludeScanRule.java', 'ascanrules.remotefileinclude.name', 'rfi', 'file fetch', rule_rfi),
    (40009, ASC + 'ServerSideIncludeScanRule.java', 'ascanrules.serversideinclude.name', 'ssi', 'xss file',
     rule_consts('SSI_UNIX', 'SSI_UNIX2', 'SSI_WIN', 'SSI_WIN2')),
    (90035, ASC + 'SstiScanRule.java', 'ascanrules.ssti.name', 'ssti', 'tmpl', None),
    (90036, ASC + 'SstiBlindScanRule.java', 'ascanrules.sstiblind.name', 'ssti', 'tmpl', rule_ssti_blind),
    (90019, ASC + 'CodeInjectionScanRule.java', 'ascanrules.codeinjection.name', 'code', 'tmpl file', rule_code),
    (90025, BETA + 'ExpressionLanguageInjectionScanRule.java', 'ascanbeta.elinjection.name', 'code', 'tmpl', rule_el),
    (90021, ASC + 'XpathInjectionScanRule.java', 'ascanrules.xpathinjection.name', 'xpath', 'dir', rule_array('XPATH_PAYLOADS')),
    (90017, ASC + 'XsltInjectionScanRule.java', 'ascanrules.xsltinjection.name', 'xslt', 'file tmpl', rule_xslt),
    (40015, ALPHA + 'LdapInjectionScanRule.java', 'ascanalpha.ldapinjection.name', 'ldap', 'dir', rule_ldap),
    (40003, ASC + 'CrlfInjectionScanRule.java', 'ascanrules.crlfinjection.name', 'crlf', 'url xss', rule_array('PARAM_LIST')),
    (30002, ASC + 'FormatStringScanRule.java', 'ascanrules.formatstring.name', 'fmtstr', 'text xss', rule_fmtstr),
    (30001, ASC + 'BufferOverflowScanRule.java', 'ascanrules.bufferoverflow.name', 'overflow', 'text xss', rule_bof),
    (30003, BETA + 'IntegerOverflowScanRule.java', 'ascanbeta.integeroverflow.name', 'overflow', 'num', rule_intoverflow),
    (40043, ASC + 'Log4ShellScanRule.java', 'ascanrules.log4shell.name', 'log4shell', 'text xss url dir',
     rule_oast_patterns('ATTACK_PATTERNS_CVE44228', 'ATTACK_PATTERNS_CVE45046')),
    (40047, BETA + 'Text4ShellScanRule.java', 'ascanbeta.text4shell.name', 'text4shell', 'text xss url dir',
     rule_oast_patterns('ATTACK_PATTERNS')),
    (40045, ASC + 'Spring4ShellScanRule.java', 'ascanrules.spring4shell.name', 'spring4shell', 'text num', rule_spring4shell),
    (20019, ASC + 'ExternalRedirectScanRule.java', 'ascanrules.externalredirect.name', 'redirect', 'url', rule_redirect),
    (40046, BETA + 'SsrfScanRule.java', 'ascanbeta.ssrf.name', 'ssrf', 'fetch url', rule_ssrf),
    (40008, ASC + 'ParameterTamperScanRule.java', 'ascanrules.parametertamper.name', 'tamper', 'num text', rule_tamper),
    (20014, BETA + 'HttpParameterPollutionScanRule.java', 'ascanbeta.HTTPParamPoll.name', 'hpp', 'text xss num', rule_hpp),
    (40033, BETA + 'MongoDbInjectionScanRule.java', 'ascanbeta.mongodb.name', 'nosqli', 'num text dir', rule_nosqli),
    (90039, BETA + 'MongoDbInjectionTimingScanRule.java', 'ascanbeta.mongodb.name.timebased', 'nosqli', 'num text dir',
     rule_nosqli_time),
    (20017, ASC + 'SourceCodeDisclosureCve20121823ScanRule.java', 'ascanrules.sourcecodedisclosurecve-2012-1823.name',
     'php-cgi', 'php', rule_cve20121823),
    (40042, ASC + 'SpringActuatorScanRule.java', 'ascanrules.springactuator.name', 'file-probe', '', rule_actuator),
    (90034, ASC + 'CloudMetadataScanRule.java', 'ascanrules.cloudmetadata.name', 'cloud-metadata', '', rule_cloud),
    (40028, ASC + 'ElmahScanRule.java', 'ascanrules.elmah.name', 'file-probe', '', rule_host_file),
    (40034, ASC + 'EnvFileScanRule.java', 'ascanrules.envfiles.name', 'file-probe', 'pages', rule_app_file),
    (40032, ASC + 'HtAccessScanRule.java', 'ascanrules.htaccess.name', 'file-probe', 'pages', rule_app_file),
    (40029, ASC + 'TraceAxdScanRule.java', 'ascanrules.traceaxd.name', 'file-probe', 'pages', rule_app_file),
    (40035, ASC + 'HiddenFilesScanRule.java', 'ascanrules.hidden.files.name', 'file-probe', '', None),
    (10045, ASC + 'SourceCodeDisclosureWebInfScanRule.java', 'ascanrules.sourcecodedisclosurewebinf.name', 'file-probe', '',
     rule_webinf),
    (41, BETA + 'SourceCodeDisclosureGitScanRule.java', 'ascanbeta.sourcecodedisclosure.gitbased.name', 'file-probe', '', rule_git),
    (42, BETA + 'SourceCodeDisclosureSvnScanRule.java', 'ascanbeta.sourcecodedisclosure.svnbased.name', 'file-probe', '', rule_svn),
    (10095, BETA + 'BackupFileDisclosureScanRule.java', 'ascanbeta.backupfiledisclosure.name', 'file-probe', '', rule_backup),
    (20016, BETA + 'CrossDomainScanRule.java', 'ascanbeta.crossdomain.name', 'file-probe', '', rule_crossdomain),
    (40038, BETA + 'ForbiddenBypassScanRule.java', 'ascanbeta.forbiddenBypass.name', 'acl-bypass', '', rule_forbidden),
]
CATEGORIES = sorted(set(r[3] for r in RULES))

# Requests a kept rule sends that are left out, per rule: (count, why).  Written by hand from
# reading each rule; gen.py does not derive them.
LEFT_OUT = {
    40018: [(1, 'control: the safe value "S4feV4lu3" sent to compare')],
    40024: [(1, 'control: a random alphanumeric value of the same length, sent to compare parse time')],
    40012: [(2, 'control: the eye-catcher "0W45pz4p" (alone and appended to the value), sent to find where input is reflected')],
    40014: [(1, 'control: the eye-catcher "0W45pz4p", sent to find where stored input comes back')],
    6: [(1, 'control: the non-existent file name "thishouldnotexistandhopefullyitwillnot"'),
        (3, 'control: the page\'s own file name with prefixes "", "/", "\\\\" (no traversal)')],
    43: [(1, 'control: a random 38-letter non-existent file name')],
    90035: [(1, 'control: a random reference value (LOW strength only)')],
    40015: [(3, 'control: a random placebo of the same length and two random values')],
    30002: [(1, 'control: the plain value "ZAP"')],
    40008: [(2, 'no payload: the parameter removed, and an empty value')],
    40033: [(3, 'JSON body only: {"param": {"$ne": "0"}} and the like (JSON parameters, never a GET query)'),
            (3, 'JSON body only: the counter-proof {"param": {"$ZAP": ...}}'),
            (1, 'control: the counter-proof param[$eq]=original value')],
    40045: [(1, 'POST body only: the same ATTACK sent as a form body'), (1, 'control: the safe payload "aaa=bbb"')],
    40035: [(2, 'control: random "zapNNN" and ".zapNNN" paths sent to learn the 404 page')],
    10095: [(2, 'control: a random file name and a random parent folder, sent to learn the 404 page')],
    10045: [(1, 'depends on the response: /WEB-INF/classes/... paths of classes named in a disclosed web.xml')],
    40038: [(10, 'header only: X-Rewrite-URL, X-Original-URL, Referer, X-Forwarded-For and six other headers'),
            (1, 'path + "?": ZAP\'s URI drops the empty query, so the page itself is sent (once per page here)')],
}
# Rules read and left out whole: (plugin id, file, why)
RULES_LEFT_OUT = [
    (20018, ASC + 'RemoteCodeExecutionCve20121823ScanRule.java', 'POST only: the query "?-d+allow_url_include%3d1+-d+auto_prepend_file%3dphp://input" goes with a PHP body in a POST, never a GET'),
    (90023, ASC + 'XxeScanRule.java', 'request body only (XML documents)'),
    (40044, ASC + 'ExponentialEntityExpansionScanRule.java', 'request body only (XML and YAML documents)'),
    (40048, ASC + 'React2ShellScanRule.java', 'POST body only'),
    (10104, ASC + 'UserAgentScanRule.java', 'User-Agent header only'),
    (10107, BETA + 'HttPoxyScanRule.java', 'Proxy header only'),
    (40040, BETA + 'CorsScanRule.java', 'Origin header only'),
    (40025, BETA + 'ProxyDisclosureScanRule.java', 'TRACE/OPTIONS with Max-Forwards headers'),
    (90028, BETA + 'InsecureHttpMethodScanRule.java', 'HTTP methods other than GET'),
    (90027, BETA + 'SlackerCookieScanRule.java', 'cookies only'),
    (40013, BETA + 'SessionFixationScanRule.java', 'cookies and session ids only'),
    (20012, BETA + 'CsrfTokenScanRule.java', 'no payload: replays forms without the anti-CSRF token'),
    (40023, BETA + 'UsernameEnumerationScanRule.java', 'no payload: needs an authentication context'),
    (10058, ASC + 'GetForPostScanRule.java', 'no payload: a POST re-sent as GET'),
    (0, ASC + 'DirectoryBrowsingScanRule.java', 'no payload: requests the folders of known URLs'),
    (20015, ASC + 'HeartBleedActiveScanRule.java', 'TLS only'),
    (10106, ASC + 'HttpOnlySiteScanRule.java', 'no payload: the site over HTTPS'),
    (10047, ASC + 'HttpsAsHttpScanRule.java', 'no payload: HTTPS content over HTTP'),
    (90024, ASC + 'PaddingOracleScanRule.java', 'no fixed payload: flips bytes of an existing encrypted value'),
    (40016, ASC + 'PersistentXssPrimeScanRule.java', 'no payload: sends eye-catchers only'),
    (40017, ASC + 'PersistentXssSpiderScanRule.java', 'no payload: re-requests pages'),
    (10051, BETA + 'RelativePathConfusionScanRule.java', 'no attack content: two random path segments appended to a page'),
    (40039, ALPHA + 'WebCacheDeceptionScanRule.java', 'no attack content: /test and /test.css, /test.jpg... appended to a page'),
]

# Where Fill's run-time values come from (each expression must occur in its file):
RUNTIME_SOURCES = [
    (OAST + 'services/interactsh/InteractshService.java',
     ['correlationId = randomAlphanumericLc(20)',
      "return randomAlphanumericLc(1) + '.' + correlationId + randomAlphanumericLc(13) + '.' + serverUrl.getHost()",
      'RandomStringUtils.secure().nextAlphanumeric(count).toLowerCase(Locale.ROOT)']),
    (OAST + 'services/callback/CallbackService.java',
     ['String uuid = UUID.randomUUID().toString()', 'return getCallbackAddress() + uuid',
      'return scheme + "://" + hostname + ":" + port + "/"']),
    (COMMONLIB + 'timing/TimingUtils.java',       # the first request of a timing check: the full sleep, as a double
     ['sendRequestAndTestConfidence(regression, requestSender, highSleepTimeSeconds)', 'double apply(double x)']),
]

def load_rules(repo, fill):
    """[(rule, [Probe])] in RULES order"""
    classes = {}
    def js(path):
        return JavaSource(path, repo.read(path), classes,
                          hooks={'insertUninitVar': fill.insert_uninit_var},
                          overrides={'SITE_HOST': fill.uuid_msb_abs(), 'randomString': 'Tamper=' + fill.uuid4()})
    classes['Constants'] = js(ASC + 'utils/Constants.java')
    classes['HttpFieldsNames'] = js(COMMONLIB + 'http/HttpFieldsNames.java')
    names = {}
    for prefix, path in PROPS.items():
        for line in repo.read(path).split('\n'):
            m = re.match(r'^([\w.\-]+)\s*=\s*(.*)$', line)
            if m:
                names[m.group(1)] = m.group(2).strip()
    out = []
    for rule in RULES:
        pid, path, key, cat, pools, fn = rule
        j = js(path)
        if pid == 90035:
            probes = rule_ssti(j, fill, js(ASC + 'ssti/TemplateFormat.java'), js(ASC + 'ssti/DjangoTemplateFormat.java'),
                               js(ASC + 'ssti/GoTemplateFormat.java'))
        elif pid == 40035:
            probes = rule_hidden(j, fill, repo.read(HIDDEN_FILES_JSON))
        else:
            probes = fn(j, fill)
        m = re.search(r'getId\(\)\s*\{\s*return\s+(\w+);', j.text)
        got = int(m.group(1)) if m.group(1).isdigit() else j.const(m.group(1))
        if got != pid:
            sys.exit('%s: plugin id %s, expected %d' % (path, got, pid))
        for p in probes:
            p.rule = (pid, path, names[key], cat, pools)
        out.append((rule, probes))
    # how the run-time parts are made, checked in the source so that a change is noticed
    for path, exprs in RUNTIME_SOURCES:
        j = js(path)
        for e in exprs:
            j.find(e)
    for pid, path, why in RULES_LEFT_OUT:       # read too, to be sure of the file and its id
        j = js(path)
        m = re.search(r'getId\(\)\s*\{\s*return\s+(\w+);', j.text)
        got = int(m.group(1)) if m.group(1).isdigit() else j.const(m.group(1))
        if got != pid:
            sys.exit('%s: plugin id %s, expected %d' % (path, got, pid))
    return out

# ----------------------------------------------------------------- user agents, statuses, sizes, escaping
# (copied from ../thirdparty18/gen.py: the User-Agent strings, the sizes, nginx's escaping)
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


# ----------------------------------------------------------------- candidates and sampling
FN_SENTINEL = {None: '\ue000', 'int': '1000003', 'ext': '\ue000.ext', 'len2': '\ue000\ue001\ue002'}
MUTATED_CAP = 3                 # XSS probes ZAP mutates (( ) to backticks, < > to fullwidth) when filtered

def probe_key(p):
    if p.mode == 'fn':
        return ('fn', p.data[0](FN_SENTINEL[p.data[1]]), p.data[1])
    return p.key()

def candidates(rules):
    """(plugin id, stratum) -> [Probe] in rule order; a probe that repeats one of an earlier
    rule (same placement, same value) is dropped; also returns the drop counts per rule"""
    seen, pools, dropped = set(), collections.OrderedDict(), collections.Counter()
    for rule, probes in rules:
        pools.setdefault((rule[0], ''), [])
        for p in probes:
            k = probe_key(p)
            if k in seen:
                dropped[rule[0]] += 1
                continue
            seen.add(k)
            pools.setdefault((rule[0], p.stratum), []).append(p)
    return pools, dropped

def sample(pools):
    r = random.Random(SAMPLE_SEED)
    out = []
    for (pid, stratum), items in pools.items():
        cap = MUTATED_CAP if stratum else CAP
        out += items if len(items) <= cap else [items[k] for k in sorted(r.sample(range(len(items)), cap))]
    return out

# ----------------------------------------------------------------- on the wire
def needs(ep, need):
    v = ep[1][ep[2]][1]
    return (need is None or (need == 'int' and v.isdigit()) or (need == 'ext' and '.' in v)
            or (need == 'len2' and len(v) > 1))

def query_request(ep, value, name_suffix=''):
    """VariantURLQuery/VariantAbstractQuery.setParameter: every parameter as name=value, each
    URL-encoded with URLEncoder (the others from their decoded values), joined with &; then
    URI.setEscapedQuery, which refuses anything outside uric (not the case for URLEncoder's output)"""
    path, params, ti = ep
    parts = []
    for k, (n, v) in enumerate(params):
        if k == ti:
            parts.append(java_urlencode(n + name_suffix) + '=' + java_urlencode(value))
        else:
            parts.append(java_urlencode(n) + '=' + java_urlencode(v))
    q = '&'.join(parts)
    assert all(c in URIC for c in q)
    return path + '?' + q

def build_request(p, r):
    """(request target, the value or path as the rule made it, where it went)"""
    pid, path, name, cat, pools = p.rule
    m = p.mode
    eps = [ep for pool in pools.split() for ep in ENDPOINTS.get(pool, [])]
    if m in ('replace', 'append', 'fn', 'name'):
        if m == 'fn':
            eps = [ep for ep in eps if needs(ep, p.data[1])]
        ep = r.choice(eps)
        pname, orig = ep[1][ep[2]]
        suffix = ''
        if m == 'replace':
            value, how = p.data, 'replaces the value %s' % orig
        elif m == 'append':
            value, how = orig + p.data, 'appended to the value %s' % orig
        elif m == 'fn':
            value, how = p.data[0](orig), 'made from the value %s' % orig
        else:
            suffix, value = p.data
            how = 'parameter renamed %s%s, value replaced' % (pname, suffix)
        return query_request(ep, value, suffix), value, 'query %s= (%s)' % (pname, how)
    if m == 'bound':
        ep, value = p.data
        pname, orig = ep[1][ep[2]]
        return query_request(ep, value), value, 'query %s= (replaces the value %s)' % (pname, orig)
    if m == 'qappend':
        ep = r.choice(eps)
        base = '&'.join(java_urlencode(n) + '=' + java_urlencode(v) for n, v in ep[1])
        q = base + '&' + p.data
        assert all(c in URIC for c in q)
        return ep[0] + '?' + q, p.data, 'query: "&" + payload after the page\'s query'
    if m == 'hpp':
        ep = r.choice(eps)
        params = sorted((n, v + p.data) for n, v in ep[1])      # TreeSet<HtmlParameter>: by name, then value
        q = '&'.join(n + '=' + v for n, v in params)
        return ep[0] + '?' + uri_encode(q, ALLOWED_QUERY), q, 'query: every parameter value + payload (URI.setQuery)'
    if m == 'path':
        return uri_unescaped(p.data), p.data, 'path'
    if m == 'path-escaped':
        return uri_escaped(p.data), p.data, 'path (given escaped)'
    if m == 'page':
        v = p.data(r.choice(PAGES))
        return uri_unescaped(v), v, 'path'
    if m == 'rawpage':
        v = p.data(r.choice(PHP_PAGES))
        return uri_escaped(v), v, 'path and query (given escaped)'
    raise ValueError(m)

# ----------------------------------------------------------------- addresses
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
    print('check: categories %s' % ', '.join('%s %d' % (c, n) for c, n in
                                             sorted(collections.Counter(cats.values()).items())))
    return ok

# ----------------------------------------------------------------- write
def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if '--check-only' in sys.argv:
        sys.exit(0 if check() else 1)
    if len(args) != 1:
        sys.exit('usage: gen.py MIRROR [--check|--pools|--list]  or  gen.py --check-only')
    repo = Repo(args[0])
    fill = Fill()
    rules = load_rules(repo, fill)
    pools, dropped = candidates(rules)
    picked = sample(pools)
    if '--pools' in sys.argv:
        got = collections.Counter((p.rule[0], p.stratum) for p in picked)
        for rule, probes in rules:
            pid = rule[0]
            strata = [k for k in pools if k[0] == pid]
            left = sum(n for n, _ in LEFT_OUT.get(pid, []))
            print('%5d %-13s probes %4d  repeats %3d  candidates %s  sampled %s  left out %d  %s'
                  % (pid, rule[3], len(probes), dropped[pid],
                     '+'.join(str(len(pools[k])) for k in strata), '+'.join(str(got[k]) for k in strata), left,
                     probes[0].rule[2]))
        print('total sampled %d' % len(picked))
        return
    if '--list' in sys.argv:
        for (pid, stratum), items in pools.items():
            for p in items:
                v = p.data if p.mode in ('replace', 'append', 'path', 'path-escaped', 'qappend', 'hpp') else \
                    (p.data[0](FN_SENTINEL[p.data[1]]) if p.mode == 'fn' else
                     (p.data(PAGES[2]) if p.mode in ('page', 'rawpage') else repr(p.data[-1])))
                print('\t'.join([str(pid), stratum or '-', p.mode, str(p.line), esc(p.src), esc(v), esc(p.build), p.note]))
        return

    r = random.Random(SEED)
    items = list(picked)
    r.shuffle(items)
    times = sorted(r.sample(range(3 * 60, 86400 - 3 * 60), len(items)))
    used = set()
    lines, labels, rows = [], [], []
    for k, p in enumerate(items):
        pid, path, name, cat, _ = p.rule
        target, value, where = build_request(p, r)
        assert target is not None and target.startswith('/'), (pid, p.src)
        request = 'GET %s HTTP/1.1' % target
        kind = 'param' if where.startswith('query') else 'path'
        st = weighted(r, STATUS[kind])
        ip = pick_v6(r, used, ATTACK_NET)
        t = DAY + datetime.timedelta(seconds=times[k])
        lines.append(line(ip, t, request, st, size(r, st, target), '-', UA[r.choice(DESKTOP)]))
        tech = '%d %s' % (pid, name)
        labels.append((ip, '%s\tattack\t%s\t%s' % (ip, cat, tech)))
        rows.append((ip, '\t'.join([ip, cat, str(pid), name, path, str(p.line), esc(p.src), esc(p.build), where,
                                    esc(value), esc(request), p.note or '-', COMMIT,
                                    'https://github.com/%s/blob/%s/%s#L%d' % (REPO, COMMIT, path, p.line)])))

    blines, blabels = [], []
    for kind, fn, count in BENIGN_KINDS:
        for i in range(count):
            ip = pick_v6(r, used, BENIGN_NET)
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
        'requests.tsv': ['ADDRESS\tCATEGORY\tRULE_ID\tRULE_NAME\tRULE_FILE\tLINE\tPAYLOAD_SOURCE\tBUILD\tPLACEMENT'
                         '\tVALUE_SENT\tREQUEST_LINE\tNOTE\tCOMMIT\tPUBLIC_SOURCE'] + srt(rows),
        'benign.log': [l for _, l in blines],
        'benign.labels': srt(blabels),
    }
    for fname, xs in out.items():
        with open(os.path.join(OUT, fname), 'w', encoding='ascii', newline='\n') as f:
            f.write(''.join(x + '\n' for x in xs))
    cnt = collections.Counter(p.rule[3] for p in items)
    print('wrote %d attacking sources (%s), %d benign sources, %d benign lines'
          % (len(lines), ', '.join('%s %d' % kv for kv in sorted(cnt.items())), len(blabels), len(blines)))
    if '--check' in sys.argv:
        sys.exit(0 if check() else 1)

SOURCE_BLOBS = {   # every file read: git rev-parse COMMIT:PATH
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/BufferOverflowScanRule.java': 'f0cab5b510f908ee4811ee4fe345e12d6aa1b937',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/CloudMetadataScanRule.java': '8019d06cd0c23ed6d3978318c8022f57ee975da5',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/CodeInjectionScanRule.java': '817ad39c62ab49f8e9055ff8826616db651926d7',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/CommandInjectionScanRule.java': '3067b6e8a231df516be7a1afbc697e5dca3b81a5',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/CommandInjectionTimingScanRule.java': '5947d1d45561ecb823c213fecc29b8e29d09fee6',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/CrlfInjectionScanRule.java': '72697b9102bc44e5be5dd088307f31c8756af7af',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/CrossSiteScriptingScanRule.java': 'fabdb660774281d226ce8bad03f09b5b74de4e69',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/DirectoryBrowsingScanRule.java': 'c42fd2d12478c886d9a4527517925f5988373945',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/ElmahScanRule.java': 'b8c3eb2c2d7adf95716a99501b535e9f280b9a5b',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/EnvFileScanRule.java': '24f028461ee638e621944e713eeb58c731b1ea06',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/ExponentialEntityExpansionScanRule.java': '142e192480a8c2de1d7db62ab1462d7eed1919db',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/ExternalRedirectScanRule.java': '8e9f7cffc3e0fb4793955fe14cbfab84e6acaed7',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/FormatStringScanRule.java': '499d43ff4d97d7cb77df5a69a5831e9cc425b848',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/GetForPostScanRule.java': '396c754b572b7131d559e5a2369034fce4ee83fd',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/HeartBleedActiveScanRule.java': '8b79ea89fb17512ec937fdd28569c96caeecbb00',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/HiddenFilesScanRule.java': '61f69a5486414cd30368c5f7b15b5e421db3aa1c',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/HtAccessScanRule.java': 'cdd3fa6d68cc485941e83a29a5c20b2d18770292',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/HttpOnlySiteScanRule.java': 'eaf008b23e79a050b3a5df02696fe82ed368fb87',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/HttpsAsHttpScanRule.java': '066f95b0d07078f93978197d7c7e541566b85074',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/Log4ShellScanRule.java': '1663bdc45e5e4b105340e58ab97abcca34e6c5f1',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/PaddingOracleScanRule.java': '8bb7e3e5da11acf71ed65578746d4ef703255f6d',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/ParameterTamperScanRule.java': 'c4c2df2a9045d3e016a48828bdbb3de66f3094a9',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/PathTraversalScanRule.java': 'c0452c1cf5137fcdadce537cd4dc3d0cff837510',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/PersistentXssPrimeScanRule.java': '5276aadb6a31f52a022f4d1ab2bd4ddb35681635',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/PersistentXssScanRule.java': 'f38097650e271b8a3f32f8ae548eb253977efbe8',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/PersistentXssSpiderScanRule.java': '6e5fd5ee4f66d2586d2b69dd3661d877f31ac9e6',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/React2ShellScanRule.java': '675b0f9aab6e228db674f58b3f819ccfec5569e8',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/RemoteCodeExecutionCve20121823ScanRule.java': '9054bc968860d26a347a04560e5320278d79d6c6',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/RemoteFileIncludeScanRule.java': '3a58493e6daafa034482f13491f40b0c870937da',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/ServerSideIncludeScanRule.java': 'ba30f341c1d5b8eac1b7e8714145fc040375c194',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/ShellShockScanRule.java': '37e5f91260701f8db1601b01ce25150343ab98ad',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/SourceCodeDisclosureCve20121823ScanRule.java': '1ba6f6bcc33a5656491aedf7d55af866fd9d4bb9',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/SourceCodeDisclosureWebInfScanRule.java': '9ca84871cf99de2491368da748336ae6c6fd885b',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/Spring4ShellScanRule.java': '291291e1f2e2aee74f7796bea450465c36414e78',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/SpringActuatorScanRule.java': '8a317ae2ca70e1f0129163d9402cb9da17e5095c',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/SqlInjectionHypersonicTimingScanRule.java': 'd7277b5803c18d5df86be4b8963d14cdf7730cb7',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/SqlInjectionMsSqlTimingScanRule.java': '78bb91fc27aadfbdb0d63372cfa58799f3cb5a0f',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/SqlInjectionMySqlTimingScanRule.java': 'b835f97df137d5a8be6368a3248a18764fec24a4',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/SqlInjectionOracleTimingScanRule.java': '4c021eb91b950e710296b1030ccd33fe255b4c24',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/SqlInjectionPostgreSqlTimingScanRule.java': 'fceb738e91f7c33b57a21c44b1716baeb271a83d',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/SqlInjectionScanRule.java': '87cac8df18b31afff221120e121fddfb668a04e2',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/SstiBlindScanRule.java': 'aca876f3b3b6ebdd6ca81412c12d154f406db7d9',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/SstiScanRule.java': '7a089fa11afecf20ac5cee3e2e6940fe9b47a5f3',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/TraceAxdScanRule.java': 'dac271379a0d3e038d4cae69118e83b847b294da',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/UserAgentScanRule.java': '1bfb404dc09eecc1f2e478aaaf64c9cbb07856e9',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/XpathInjectionScanRule.java': 'cea7016fe21649b47ba7122a1811bb151ff014ca',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/XsltInjectionScanRule.java': 'bfd312d7bb0990a3a4f391f425623818acb53495',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/XxeScanRule.java': '968da4e2352c8d1e9605dfb73fdd0132037607c4',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/ssti/DjangoTemplateFormat.java': '747bb9b34ad11318bef7b0bbbffd09cfa3bc8651',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/ssti/GoTemplateFormat.java': '004d379fc1bc2efda01b99d6caf1fa5ffdae5db1',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/ssti/TemplateFormat.java': '1236f9a9173c1cf20ba253bd25684e2711cfa291',
    'addOns/ascanrules/src/main/java/org/zaproxy/zap/extension/ascanrules/utils/Constants.java': 'dfedad8480a58bcb9dd6d6f42def930e8b5382ad',
    'addOns/ascanrules/src/main/resources/org/zaproxy/zap/extension/ascanrules/resources/Messages.properties': 'be88d537689e906ab18ea98c197bfad13661e64d',
    'addOns/ascanrules/src/main/zapHomeFiles/json/hidden_files.json': '2cba71b21024d9446cdde18bc1c653edfefcc49e',
    'addOns/ascanrulesAlpha/src/main/java/org/zaproxy/zap/extension/ascanrulesAlpha/LdapInjectionScanRule.java': 'a20cf8a56cc9fe498048d911d7dd03d4b7cb4d06',
    'addOns/ascanrulesAlpha/src/main/java/org/zaproxy/zap/extension/ascanrulesAlpha/SqlInjectionSqLiteTimingScanRule.java': '8b15ea2b190fceec4d09241fd8e0ea95f8de5676',
    'addOns/ascanrulesAlpha/src/main/java/org/zaproxy/zap/extension/ascanrulesAlpha/WebCacheDeceptionScanRule.java': '98359d6dfd8c158d4e90efabb1563f159e77fcc5',
    'addOns/ascanrulesAlpha/src/main/resources/org/zaproxy/zap/extension/ascanrulesAlpha/resources/Messages.properties': 'f0677611a6de12f0dee63429a8280606ba7fef0c',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/BackupFileDisclosureScanRule.java': '2f69e6505515c8f64069f03a4b1787039c13f29d',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/CorsScanRule.java': '0db3c408d544d4ac2aaeffc3bebfb5d56ed348a7',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/CrossDomainScanRule.java': '9a43f098a95c04a656fe59cea8b099b032c03147',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/CsrfTokenScanRule.java': '9b0c17d02cb1c1e9b5e9ecf46d9ad169650027f9',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/ExpressionLanguageInjectionScanRule.java': '0aa84f506222d95478f0df4323a31f3567dc6bf6',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/ForbiddenBypassScanRule.java': 'e3a0fc8953d2206c2b328dda06a3e1d11cdefc6e',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/HttPoxyScanRule.java': '3c632589feaaf7a56572cfe75888da7ae3131b0a',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/HttpParameterPollutionScanRule.java': '62217a8daf65546251276a2bc00100456c4e2c4a',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/InsecureHttpMethodScanRule.java': '1f58cee96e44b99dd1216363ae92c798af88b362',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/IntegerOverflowScanRule.java': '394f5a677182162cc95be0c9c2b337ce7cfaffea',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/MongoDbInjectionScanRule.java': '74a1e3d6ce75ae743b88b6cfd561f83fdf7a10af',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/MongoDbInjectionTimingScanRule.java': '31c417ebdaadb2a78286d56127afd52ed5d4c5f4',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/OutOfBandXssScanRule.java': 'bfaf73426616462491b77b264b2a51a53da1e050',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/ProxyDisclosureScanRule.java': 'e106e036b4704bcee06865846d5c8272e3d99ca4',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/RelativePathConfusionScanRule.java': '1fa35f97a7354eef4f537669e61a03912c452296',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/SessionFixationScanRule.java': '4343726575cade74522fd86b390113354367d195',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/SlackerCookieScanRule.java': 'f975c1b0802822d8b54a7618bee7612c07525392',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/SourceCodeDisclosureFileInclusionScanRule.java': '52f02908dc6b394542168abff3569c3972fbba94',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/SourceCodeDisclosureGitScanRule.java': '2b2efcc57151279a078c7cecf14e16767bbe62ea',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/SourceCodeDisclosureSvnScanRule.java': 'c7d00c01b6535e9579b1a0d2bde232b8deb7aec0',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/SsrfScanRule.java': '9ac6d212c46738ee4128ffe11510bcb7d8599c30',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/Text4ShellScanRule.java': 'bbbb3cf28e7a6454e3a9de221a4bd355fdb3301f',
    'addOns/ascanrulesBeta/src/main/java/org/zaproxy/zap/extension/ascanrulesBeta/UsernameEnumerationScanRule.java': '29283c7dfc4dd400ec4c2b32d8da4924b465499a',
    'addOns/ascanrulesBeta/src/main/resources/org/zaproxy/zap/extension/ascanrulesBeta/resources/Messages.properties': '21802482be9d3cee2e8e0fb70381c75815399585',
    'addOns/commonlib/src/main/java/org/zaproxy/addon/commonlib/http/HttpFieldsNames.java': 'ceb97e7d51af6bee09ef266e20c9470e082b2c3d',
    'addOns/commonlib/src/main/java/org/zaproxy/addon/commonlib/timing/TimingUtils.java': '1bbb2a8f30f8fed7045daf2e82d146276fb0640f',
    'addOns/oast/src/main/java/org/zaproxy/addon/oast/services/callback/CallbackService.java': '57dc87dfec04a9bc80582354c5598625c8f03343',
    'addOns/oast/src/main/java/org/zaproxy/addon/oast/services/interactsh/InteractshService.java': 'd6f9ae8fc83f46d32270f911860c8ce64c8dbe7d',
}

if __name__ == '__main__':
    main()
