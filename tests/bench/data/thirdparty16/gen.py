#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, requests.tsv, benign.log and benign.labels of
# tests/bench/data/thirdparty16 (fixed seeds: the output is byte-identical on every run).
# Python 3 standard library only, plus the `git` program to read the source lists.
# Written without reading policies/, user/, include/, bpf/, docs/ or the detector.
#
# Angle of this set: payload lists from SecLists (danielmiessler/SecLists, MIT licence),
# folder Fuzzing/, read at commit d5271820d00935387bdff87d0a79ae5513b47ce3 (17 Sep 2020,
# "Merge pull request #503", 30 commits after tag 2020.3).  Each payload is sent once,
# by one source, as the value of a query parameter on a plausible endpoint (path traversal
# sometimes in the path), percent-encoded in one of four styles.
#
#   python3 gen.py SECLISTS_GIT_DIR           rewrites the five data files next to this script
#   python3 gen.py SECLISTS_GIT_DIR --check   also checks the written files: every line parses
#                                             as nginx "combined", the labels cover each address
#                                             once, attack and benign addresses are disjoint and
#                                             no address here is in another set's *.log
#                                             (exit status 1 on a failure)
#   python3 gen.py --check-only               only the checks, on the files as they are
#
# SECLISTS_GIT_DIR is any git directory (bare or a work tree) whose history holds the commit
# above: a clone of danielmiessler/SecLists, or a fork of it older than that commit's
# descendants (this set was made from the snapshot of github.com/poiw-org/SecLists, whose
# master is one README commit on top of d5271820).  Every list is read with
# `git show d5271820...:PATH`, and its SHA-256 is compared with SOURCE_SHA256 below.
import collections, datetime, glob, hashlib, ipaddress, os, random, re, subprocess, sys, urllib.parse

OUT = os.path.dirname(os.path.abspath(__file__))
REV = 'd5271820d00935387bdff87d0a79ae5513b47ce3'
REPO = 'danielmiessler/SecLists'
SAMPLE_SEED = 20261201          # which payloads
SEED = 2026120116               # addresses, times, endpoints, encodings, statuses, benign traffic
DAY = datetime.datetime(2026, 12, 1, 0, 0, 0)
MAX_LEN = 1500                  # payloads longer than this (UTF-8 bytes) are dropped

# ----------------------------------------------------------------- sources
# (path, families it may give).  A list with one family is "dedicated": its lines need only
# pass that family's test.  A list with several is "mixed": each line goes to the first
# family in ORDER whose test it passes, among the families the list may give.
ALL = ('xxe', 'ssi', 'ssti', 'crlf', 'ldap', 'xpath', 'nosql', 'fmtstr', 'xss', 'lfi', 'cmdi', 'sqli')
ORDER = ALL
SOURCES = [
    # SQL injection
    ('Fuzzing/SQLi/Generic-SQLi.txt', ('sqli', 'ldap')),
    ('Fuzzing/SQLi/quick-SQLi.txt', ('sqli',)),
    ('Fuzzing/SQLi/Generic-BlindSQLi.fuzzdb.txt', ('sqli',)),
    ('Fuzzing/Databases/MSSQL.fuzzdb.txt', ('sqli',)),
    ('Fuzzing/Databases/MSSQL-Enumeration.fuzzdb.txt', ('sqli',)),
    ('Fuzzing/Databases/MySQL.fuzzdb.txt', ('sqli',)),
    ('Fuzzing/Databases/MySQL-SQLi-Login-Bypass.fuzzdb.txt', ('sqli',)),
    ('Fuzzing/Databases/MySQL-Read-Local-Files.fuzzdb.txt', ('sqli',)),
    ('Fuzzing/Databases/sqli.auth.bypass.txt', ('sqli',)),
    ('Fuzzing/Databases/Oracle.fuzzdb.txt', ('sqli',)),
    ('Fuzzing/Databases/Postgres-Enumeration.fuzzdb.txt', ('sqli',)),
    ('Fuzzing/Databases/db2enumeration.fuzzdb.txt', ('sqli',)),
    ('Fuzzing/Polyglots/SQLi-Polyglots.txt', ('sqli',)),
    # XSS
    ('Fuzzing/XSS/XSS-BruteLogic.txt', ('xss',)),
    ('Fuzzing/XSS/XSS-Bypass-Strings-BruteLogic.txt', ('xss',)),
    ('Fuzzing/XSS/XSS-Cheat-Sheet-PortSwigger.txt', ('xss',)),
    ('Fuzzing/XSS/XSS-Jhaddix.txt', ('xss',)),
    ('Fuzzing/XSS/XSS-OFJAAAH.txt', ('xss',)),
    ('Fuzzing/XSS/XSS-RSNAKE.txt', ('xss',)),
    ('Fuzzing/XSS/XSS-Somdev.txt', ('xss',)),
    ('Fuzzing/XSS/XSS-With-Context-Jhaddix.txt', ('xss',)),     # "Exploit String: " lines only
    ('Fuzzing/XSS/xss-without-parentheses-semi-colons-portswigger.txt', ('xss',)),
    ('Fuzzing/Polyglots/XSS-Polyglots.txt', ('xss',)),
    ('Fuzzing/Polyglots/XSS-Polyglots-Dmiessler.txt', ('xss',)),
    ('Fuzzing/Polyglots/XSS-Polyglot-Ultimate-0xsobky.txt', ('xss',)),
    ('Fuzzing/Polyglots/XSS-innerht-ml.txt', ('xss',)),
    ('Fuzzing/HTML5sec-Injections-Jhaddix.txt', ('xss',)),
    ('Fuzzing/URI-XSS.fuzzdb.txt', ('xss',)),
    # path traversal / local file inclusion
    ('Fuzzing/LFI/LFI-Jhaddix.txt', ('lfi',)),
    ('Fuzzing/LFI/LFI-LFISuite-pathtotest.txt', ('lfi',)),
    ('Fuzzing/LFI/LFI-LFISuite-pathtotest-huge.txt', ('lfi',)),
    ('Fuzzing/LFI/LFI-gracefulsecurity-linux.txt', ('lfi',)),
    ('Fuzzing/LFI/LFI-gracefulsecurity-windows.txt', ('lfi',)),
    # command injection
    ('Fuzzing/command-injection-commix.txt', ('cmdi',)),
    # one family each
    ('Fuzzing/template-engines-expression.txt', ('ssti',)),
    ('Fuzzing/SSI-Injection-Jhaddix.txt', ('ssi',)),
    ('Fuzzing/Databases/NoSQL.txt', ('nosql',)),
    ('Fuzzing/LDAP.Fuzzing.txt', ('ldap', 'xpath')),
    ('Fuzzing/FormatString-Jhaddix.txt', ('fmtstr',)),
    # mixed lists
    ('Fuzzing/XXE-Fuzzing.txt', ALL),
    ('Fuzzing/XML-FUZZ.txt', ALL),
    ('Fuzzing/UnixAttacks.fuzzdb.txt', ALL),
    ('Fuzzing/Windows-Attacks.fuzzdb.txt', ALL),
    ('Fuzzing/big-list-of-naughty-strings.txt', ALL),
]

# SHA-256 of each list at REV (git show REV:PATH), so that a different input is noticed.
SOURCE_SHA256 = {
    'Fuzzing/SQLi/Generic-SQLi.txt': '775e40f5ae5c952eb3ba7147f9a8127d15856e204ab7580356105e1df39265f9',
    'Fuzzing/SQLi/quick-SQLi.txt': '99301faba9413833c02cf9d74a5a32a06482aea5b373f8e843edbca3ca2b0b7e',
    'Fuzzing/SQLi/Generic-BlindSQLi.fuzzdb.txt': '22ba3d13dfb64307ecf34aa1c572840774ecd1f84fdd86b44998b0a16d76069a',
    'Fuzzing/Databases/MSSQL.fuzzdb.txt': '294c2b98fcb89c911c2d0bb33ce789a1cbd03b06c3c5876712f4d0ca70a3f709',
    'Fuzzing/Databases/MSSQL-Enumeration.fuzzdb.txt': '10c0af74813d643a1388b8a7db8370c1505551f7868acb44ad48f212a43375ac',
    'Fuzzing/Databases/MySQL.fuzzdb.txt': 'f4aa035bf77a5faf6fb1f558a5043653ffbfa707ca05e433ccc42b6d1bc16c04',
    'Fuzzing/Databases/MySQL-SQLi-Login-Bypass.fuzzdb.txt': 'd8c4b6064db3b477226cef44acf3ad325bb3ae7f372c21512bb73f66f2680308',
    'Fuzzing/Databases/MySQL-Read-Local-Files.fuzzdb.txt': '069d26198474bdf4ec7fdb4d6cdcafb5176a7ddd7b726a89ba48afdc429cd3a9',
    'Fuzzing/Databases/sqli.auth.bypass.txt': '07887121de5aeab2d5541c6b40142797addea4e1eaf808f43d236d3a7be2bc82',
    'Fuzzing/Databases/Oracle.fuzzdb.txt': '5f0329bfa5aa8b7559841c6fd7b4ca36f8558750c958f07132b1844335a0b859',
    'Fuzzing/Databases/Postgres-Enumeration.fuzzdb.txt': 'c3dc48b6bed98929c2a1362cf0b1d48556f3dee762502e5c6a382a3dac3beff2',
    'Fuzzing/Databases/db2enumeration.fuzzdb.txt': '8090f342a4f9cceb294d72c567b01d46ded7103391bfa75f37c1b6b0d3f61d3f',
    'Fuzzing/Polyglots/SQLi-Polyglots.txt': '098c986d85783cf01dfdcec6d4d2b839d234c36a1f2e0dc2a130d7b3de4ba9a3',
    'Fuzzing/XSS/XSS-BruteLogic.txt': '27e440d345f07f0f018b4870976caded47f0c683a52ae1f161428275dddf1ad2',
    'Fuzzing/XSS/XSS-Bypass-Strings-BruteLogic.txt': 'aee4b0513aed4339802619596534929fb06056aebde329308b7bf67973c45791',
    'Fuzzing/XSS/XSS-Cheat-Sheet-PortSwigger.txt': '9d8fe14f259eb51a652a85b4974e6e4f2479c43b537392afe670b158489001e2',
    'Fuzzing/XSS/XSS-Jhaddix.txt': '11d5df9fdea3ee664734a4e447386a5712d7074b26529dbbe95c7625dcf0d72d',
    'Fuzzing/XSS/XSS-OFJAAAH.txt': '56d3c6141942ccee5d46bc9fe3363723f241b4c663331ba1c37474156546c078',
    'Fuzzing/XSS/XSS-RSNAKE.txt': 'd6b20fe69e0cc9afe3d9913aa4ebe9461715705ffde408c6332f9c6b11b79cd6',
    'Fuzzing/XSS/XSS-Somdev.txt': '006a620d48d56c8e3ed769c68ff1fb42cd682da65bcbb08bc48c6659b28102fe',
    'Fuzzing/XSS/XSS-With-Context-Jhaddix.txt': 'a4d2bd2e467c7b749dcd69fa6f57fe2067b82b99418d094f3a67b34adc002420',
    'Fuzzing/XSS/xss-without-parentheses-semi-colons-portswigger.txt': 'ec7a1c13b458873e47e448dbd3863eb838eda2abf451a99927645c385998d600',
    'Fuzzing/Polyglots/XSS-Polyglots.txt': '6c834cacfcbf17699d91d383a3af500116237d17df83b4c3498caaec5832eafb',
    'Fuzzing/Polyglots/XSS-Polyglots-Dmiessler.txt': '21b8bcb492594cf5f551bfee53273076ffbde200a1691e9099593840e4ea5f2a',
    'Fuzzing/Polyglots/XSS-Polyglot-Ultimate-0xsobky.txt': 'd6f617a3d1eb534319b789f95e32afb75dbcffd1a5b08f96d8b325e4be260942',
    'Fuzzing/Polyglots/XSS-innerht-ml.txt': '406b680affe95874ca0ca53167ad8bd76152561783369bb5eea1fb3e366ac1eb',
    'Fuzzing/HTML5sec-Injections-Jhaddix.txt': '647c93bf7ade4d284f3c5a50266e5dbcdf46d8d9778bfde77cdb456d03a3d4f1',
    'Fuzzing/URI-XSS.fuzzdb.txt': '2ddae4a63180a7281462e90ad419cdbd95c81934e83ab0b2744e258b2054b38f',
    'Fuzzing/LFI/LFI-Jhaddix.txt': '7f1ef800fc83e1dcd0a79548b81e8ceddd6e9dc826fca3b678721b3e11beb241',
    'Fuzzing/LFI/LFI-LFISuite-pathtotest.txt': '5da2c27a9ac3bbe469934225bee431632b2df2e0f720373ce76ae2706e4afdcb',
    'Fuzzing/LFI/LFI-LFISuite-pathtotest-huge.txt': '8c21a6bd824fb3cb170c7d5ad9ce59c1f805ae0ce10d8678bbc97c53273f4a76',
    'Fuzzing/LFI/LFI-gracefulsecurity-linux.txt': '34467a22d93b64d0d67a2f6de280e741cae6367c9d0e0215c19ce459edefd52a',
    'Fuzzing/LFI/LFI-gracefulsecurity-windows.txt': '8dfbf7a7b97d04f8660aac483d0537f2f5018deb59b910688aa4115be303216e',
    'Fuzzing/command-injection-commix.txt': 'e8a3d8e9251ecea011d58994856fb7aae8c9ef9c074d97b3868afbe1240769af',
    'Fuzzing/template-engines-expression.txt': 'a662fb7f107b403beff0ae8287c24f5fd589d3e29f60b103a1a5dfa08ed8831d',
    'Fuzzing/SSI-Injection-Jhaddix.txt': 'c1f1c7fcfe85f5a4f68ce17c6e4593c09e15e7b04cd6c1c27b907d6132be4036',
    'Fuzzing/Databases/NoSQL.txt': '12c63840b172cb5a0a5048d2c41024781432655e42fe42d2f777a8330cb5e29b',
    'Fuzzing/LDAP.Fuzzing.txt': '558a7c3ef0faf7ab7bdcda3d2baecbe740011af135be8e077417d482dab4e6de',
    'Fuzzing/FormatString-Jhaddix.txt': 'c8586e9dd6552afcd859fe8d59c92bb5dcef027b4a17a4d412073ac0db9c13bb',
    'Fuzzing/XXE-Fuzzing.txt': '7e537fe816c227d5e6e82869e899b8a731a0672824b0503ff29b74ffdb1013f1',
    'Fuzzing/XML-FUZZ.txt': '33759a3011c1313f75f40a00f905694f38f6d6345fd5a3c4604d973c20af6715',
    'Fuzzing/UnixAttacks.fuzzdb.txt': 'ad8f82b076aecb15094cdac8ec94aeaba5f52d742425154fdbf8a3d4361e259e',
    'Fuzzing/Windows-Attacks.fuzzdb.txt': 'b2c36018c74c3f9fae2292773dd18377f60ea0d8cc233b48c79770f5f78a976c',
    'Fuzzing/big-list-of-naughty-strings.txt': 'faa921864dd747a1c79c1ea01e239dbd9865b85b51a52fc8ccc629c44cae3e92',
}

# Sources per family, at most.  Within a family the lists take turns (each list's
# candidates in a seeded random order), so that no list dominates; a list that runs out
# drops out of the turn.  Families with fewer candidates than their quota give them all.
QUOTA = collections.OrderedDict([
    ('sqli', 48), ('xss', 48), ('lfi', 48), ('cmdi', 48), ('xxe', 21), ('ssi', 26),
    ('nosql', 20), ('ssti', 12), ('fmtstr', 15), ('ldap', 12), ('xpath', 6), ('crlf', 10),
])

# Placeholders a tester is meant to fill in; replaced before sending.
PLACEHOLDERS = [('__TIME__', '5'), ('<youremail>', 'qa@example.com'), ('<yourservername>', 'example.com'),
                ('<username>', 'admin'), ('<user-fieldname>', 'username'), ('<pass-fieldname>', 'password'),
                ('<filepath>', '/etc/passwd'), ('<attackerip>', '192.0.2.10'),
                ('your.site.com', 'example.com')]

# Lines dropped by hand after reading the candidates (reason in the comment).
EXCLUDE = {
    '{{Tnn96}}', '{{= Tnn96}}',                    # XML-FUZZ: a made-up variable name, nothing evaluated
    '1 exec sp_ (or exec xp_)',                    # MySQL.fuzzdb: a note to the tester, not a payload
    '=3D \u201c/..\u201d . \u201c%2f..',           # LFI-Jhaddix: a fragment of prose, not a path
}

# ----------------------------------------------------------------- what counts as an attack
X = re.IGNORECASE | re.DOTALL
TEST = {
    'xxe': re.compile(r'<!\s*(DOCTYPE|ENTITY)|<xsl:|<xi:include', X),
    'ssi': re.compile(r'<!--\s*#\s*(exec|echo|include|config|fsize|flastmod|printenv|set|if)\b|&lt;!--#', X),
    'ssti': re.compile(r'\{\{.*\}\}|\$\{.*\}|#\{.*\}|<%=.*%>|\{[^{}]*\*[^{}]*\}|\[\[.*\]\]|\{\^\w+\}', X),
    'crlf': re.compile(r'[\r\n]+\s*([A-Za-z][A-Za-z-]*:|DATA\b|MAIL\+FROM|RCPT\+TO)', X),
    'ldap': re.compile(r'^(?=.*[=|])(.*(\*\)?\(\|?\(|\(\|\(|\)\(\w+=|\(\w+=\*\)|\*\(\)\|&))', X),
    'xpath': re.compile(r"name\(\)\s*=|count\(/child::node\(\)\)|^x' or 1=1 or 'x'='y$", X),
    'nosql': re.compile(r'\$(where|ne|gt|gte|lt|lte|nin|in|regex|or|and|exists|comment)\b|this\.\w+\.match|'
                        r'\bdb\.\w+\.\w+\(|\|\|\s*1\s*==\s*1|\|\|\s*\'a\'\s*==|;\s*sleep\(\d+\)|new Date\(\)', X),
    # three conversions whose % does not start a %HH escape, or one very wide one
    'fmtstr': re.compile(r'(%(?![0-9A-Fa-f]{2})[-+#0-9.*]*[sxXpdnuoicegfaSCZhlqjzt].*){3,}|%[0-9]{5,}[sdxn]|'
                        r'%\.\d{3,}d|%\*\.\*s', X),
    'xss': re.compile(r'<\s*/?\s*script|javascript\s*:|vbscript\s*:|\bon[a-z]{3,}\s*=|'
                      r'\b(alert|prompt|confirm)\b|document\s*\.\s*(cookie|domain|location|write)|'
                      r'fromCharCode|expression\s*\(|srcdoc|data:text/html|'
                      r'<\s*(iframe|object|embed|applet|meta|base|link|svg|math|img|image|xss)\b|'
                      r'(%3c|&lt;?|&#x?0*(60|3c);?|\\x3c|\\u003c)\s*/?\s*(script|img|svg|iframe)', X),
    'lfi': re.compile(r'\.\.[/\\]|[/\\]\.\.|%2e%2e|\.\.%(2f|5c|c0|c1|25|u22|bg)|\.\.2f|\.\.;|%252e|%c0%ae|'
                      r'\.{3,}[/\\]|(php|file|expect|zip|phar|glob)://|etc[/\\](passwd|shadow|hosts|issue)|'
                      r'boot\.ini|win\.ini|system32|/proc/self', X),
    'cmdi': re.compile(r'(^|[;&|`\n)\[]|\$\(|\\n)\s*(id|whoami|uname|ls|dir|cat|echo|ping|sleep|nslookup|wget|'
                       r'curl|touch|netstat|ifconfig|ipconfig|bash|sh|cmd|powershell|perl|python|nc|'
                       r'/usr/bin/id|/bin/\w+|system|kernel\.\w+|%x)\b|\$\(\s*\w|`[^`]+`|\(\)\s*\{|'
                       r'\b(phpinfo|passthru|shell_exec|system|exec|eval|popen|proc_open)\s*\(', X),
    'sqli': re.compile(r'\bunion(\s+all)?[\s(]*select\b|\bselect\b.+\bfrom\b|\bselect\s+(\d|@@|null|\*|\'|"|user|banner)|'
                       r'\b(sleep|benchmark|pg_sleep|utl_http|utl_inaddr|xp_cmdshell|xp_regread|sp_addlogin|'
                       r'sp_addsrvrolemember|sp_password|load_file|extractvalue|updatexml|dbms_pipe)\b|'
                       r'waitfor\s+delay|@@version|\binto\s+(out|dump)file\b|\b(drop|truncate)\s+table\b|'
                       r'\binsert\s+into\b|\bcreate\s+(user|table)\b|\bgrant\s+\w+\s+to\b|'
                       r'\bexec(ute)?\s+(immediate|master|xp_|sp_)|'
                       r'[\'"`)]\s*(or|and|xor|\|\||&&)\s*[\s(\'"]*[\w\'"]*[\s)\'"]*\s*(=|<|>|\blike\b|\bin\b|\bis\b)|'
                       r'\b(or|and)\s+\d+\s*=\s*\d+|\bor\s+true\b|[\'"]\s*\)*\s*(--|#|/\*|;)|'
                       r'\border\s+by\s+\d|\bhaving\s+\d|\bchar\s*\(\s*\d', X),
}
# Dedicated lists of these families also count an absolute path (a file= value) as an attack.
ABS_PATH = re.compile(r'^(/[^/\s]|[A-Za-z]:[/\\]|~/|\\\\)', X)
# Not an XSS payload when it is nothing but these made-up elements ("<foo></foo>").
TAGLESS = re.compile(r'^(</?(foo|foof|test|name)>)+$', X)

def decoded_views(p):
    v1 = urllib.parse.unquote(p, errors='surrogateescape')
    v2 = urllib.parse.unquote(v1, errors='surrogateescape')
    return (p, v1, v2)

def passes(fam, p, dedicated):
    views = decoded_views(p)
    if fam == 'fmtstr':
        views = (p,)                 # a format string is read as written
    if fam == 'xss' and TAGLESS.match(p):
        return False
    if any(TEST[fam].search(v) for v in views):
        return True
    return dedicated and fam == 'lfi' and bool(ABS_PATH.search(p))

# ----------------------------------------------------------------- reading the lists
def git_show(gitdir, path):
    return subprocess.run(['git', '-C', gitdir, 'show', '%s:%s' % (REV, path)],
                          check=True, stdout=subprocess.PIPE).stdout

def lines_of(path, blob):
    """(line number, payload) of the payload lines of one list"""
    text = blob.decode('utf-8', 'surrogateescape')
    out = []
    for n, raw in enumerate(text.split('\n'), 1):
        l = raw.rstrip('\r')
        if path.endswith('XSS-With-Context-Jhaddix.txt'):
            if not l.startswith('Exploit String: '):
                continue
            l = l[len('Exploit String: '):]
        if l == '' or l == '#' or l.startswith(('# ', '#\t', '## ')):
            continue                  # empty, or a comment / section heading
        if path.endswith('MySQL-SQLi-Login-Bypass.fuzzdb.txt'):
            l = l.split('\t', 1)[0]  # "payload<TAB>what it does": the payload only
        if re.search(r' \* \d+$', l):
            continue                  # FormatString-Jhaddix: "%p * 55" means %p 55 times; not sent as written
        out.append((n, l))
    return out

def fill(p):
    for a, b in PLACEHOLDERS:
        p = p.replace(a, b)
    return p

def candidates(gitdir, check_sha=True):
    """family -> path -> [(line, original, payload)], first occurrence of a payload only"""
    cand = collections.OrderedDict((f, collections.OrderedDict()) for f in QUOTA)
    seen = set()
    shas = {}
    for path, fams in SOURCES:
        blob = git_show(gitdir, path)
        shas[path] = hashlib.sha256(blob).hexdigest()
        if check_sha and SOURCE_SHA256 and SOURCE_SHA256.get(path) != shas[path]:
            sys.exit('%s at %s is not the list this set was made from (sha256 %s)' % (path, REV, shas[path]))
        dedicated = len(fams) == 1
        for n, orig in lines_of(path, blob):
            p = fill(orig)
            if orig in EXCLUDE or p in seen or len(p.encode('utf-8', 'surrogateescape')) > MAX_LEN or len(p) < 3:
                continue
            fam = next((f for f in ORDER if f in fams and passes(f, p, dedicated)), None)
            if fam is None:
                continue
            seen.add(p)
            cand[fam].setdefault(path, []).append((n, orig, p))
    return cand, shas

def sample(cand):
    """family -> [(path, line, original, payload)] in sampling order"""
    r = random.Random(SAMPLE_SEED)
    picked = collections.OrderedDict()
    for fam, quota in QUOTA.items():
        queues = []
        for path, items in cand[fam].items():
            items = list(items)
            r.shuffle(items)
            queues.append((path, items))
        got = []
        while len(got) < quota and any(q for _, q in queues):
            for path, q in queues:
                if q and len(got) < quota:
                    n, orig, p = q.pop(0)
                    got.append((path, n, orig, p))
        picked[fam] = got
    return picked

# ----------------------------------------------------------------- user agents
# Desktop browsers current at the start of December 2026 (as in ../thirdparty15).
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
 # phones and tablets: benign traffic only
 'ios': "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.1 Mobile/15E148 Safari/604.1",
 'and': "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Mobile Safari/537.36",
}
DESKTOP = ['chw', 'chw', 'chw', 'chw4', 'chm', 'chm', 'chl', 'ffw', 'ffw', 'ffw6', 'ffm', 'ffl',
           'sfm', 'sfm', 'sfm0', 'edg', 'edg', 'edg4', 'edm']
ANY_BROWSER = DESKTOP + ['ios', 'ios', 'and', 'and']

# ----------------------------------------------------------------- placing a payload
# (path, parameter) per family; a payload becomes that parameter's value.
ENDPOINTS = {
    'sqli': [('/index.php', 'id'), ('/product.php', 'id'), ('/products', 'cat'), ('/news.php', 'id'),
             ('/item', 'item_id'), ('/category.php', 'cid'), ('/search', 'q'), ('/login.php', 'username'),
             ('/api/v1/users', 'filter'), ('/api/v1/orders', 'sort'), ('/shop/catalog', 'order'),
             ('/article.php', 'aid'), ('/list.php', 'page')],
    'xss': [('/search', 'q'), ('/search.php', 'query'), ('/', 's'), ('/index.php', 'lang'), ('/error', 'msg'),
            ('/profile', 'name'), ('/guestbook.php', 'message'), ('/comments', 'text'), ('/login', 'returnUrl'),
            ('/results', 'keyword')],
    'lfi': [('/index.php', 'page'), ('/download', 'file'), ('/view.php', 'file'), ('/include.php', 'path'),
            ('/', 'template'), ('/image.php', 'img'), ('/read', 'doc'), ('/download.php', 'filename'),
            ('/index.php', 'lang')],
    'cmdi': [('/ping.php', 'host'), ('/cgi-bin/ping.cgi', 'ip'), ('/api/v1/diagnostics/ping', 'target'),
             ('/tools/dns', 'domain'), ('/status.php', 'ip'), ('/admin/backup.php', 'file'), ('/index.php', 'cmd'),
             ('/convert', 'filename'), ('/traceroute', 'host')],
    'xxe': [('/api/import', 'xml'), ('/xmlrpc.php', 'data'), ('/soap/service', 'request'), ('/feed/preview', 'xml'),
            ('/api/v1/parse', 'doc'), ('/upload/validate', 'xml')],
    'ssti': [('/hello', 'name'), ('/preview', 'template'), ('/greeting', 'name'), ('/render', 'content'),
             ('/search', 'q'), ('/email/preview', 'subject')],
    'ssi': [('/index.shtml', 'page'), ('/search.shtml', 'q'), ('/guestbook', 'comment'), ('/contact', 'name'),
            ('/feedback.shtml', 'message')],
    'nosql': [('/api/v1/users', 'filter'), ('/login', 'username'), ('/api/products', 'where'), ('/api/v1/users', 'id'),
              ('/user/lookup', 'name'), ('/api/v1/search', 'q')],
    'ldap': [('/ldap/search', 'user'), ('/directory', 'cn'), ('/login', 'username'), ('/people', 'filter'),
             ('/phonebook', 'name')],
    'xpath': [('/login.php', 'user'), ('/xml/lookup', 'name'), ('/catalog', 'category')],
    'crlf': [('/redirect', 'url'), ('/setlang', 'lang'), ('/out', 'to')],
    'crlf-mail': [('/contact', 'email'), ('/newsletter/subscribe', 'email'), ('/share/email', 'to')],
    'fmtstr': [('/search', 'q'), ('/index.php', 'name'), ('/cgi-bin/printenv', 'msg'), ('/api/v1/log', 'message'),
               ('/user', 'name')],
}
# an ordinary parameter that sometimes comes before or after the payload's
EXTRA = ['page=1', 'page=2', 'lang=en', 'sort=asc', 'v=2', 'limit=20', 'ref=home', 'format=html']
LFI_PATH_PREFIX = ['/static/', '/download/', '/files/', '/assets/']

HEX = set('0123456789abcdefABCDEF')
FORM_SAFE = set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789*-._')
BROWSER_ENC = set('"<>`{}|^\\')
# encoding styles: form = application/x-www-form-urlencoded as a browser form sends it (space as +);
# chrome / firefox = a typed or linked URL (firefox also encodes '); raw = curl or a scanner
# that substitutes the list line as it is (only what cannot stand in a URL is encoded).
STYLES = [('form', 30), ('chrome', 20), ('firefox', 15), ('raw', 35)]

def encode(p, style, where, pre_encoded):
    """percent-encode payload p for a query value (where='query') or a path (where='path').
    When pre_encoded, a % followed by two hex digits is left alone: the list's line is
    already URL-encoded there (e.g. %2e%2e%2f) and is meant to be sent as it is.  In the raw
    style every % of such a list is left alone (IIS %u2215, the deliberately broken %bg%qf).
    Format strings are not pre_encoded: their % is always sent as %25."""
    b = p.encode('utf-8', 'surrogateescape')
    out = []
    for i, c in enumerate(b):
        ch = chr(c)
        if c == 0x25:
            if pre_encoded and (style == 'raw' or
                                (i + 2 < len(b) and chr(b[i + 1]) in HEX and chr(b[i + 2]) in HEX)):
                out.append('%')           # sent as the list has it
            else:
                out.append('%25')
        elif c <= 0x20 or c >= 0x7f:
            out.append('+' if c == 0x20 and style == 'form' and where == 'query' else '%%%02X' % c)
        elif ch == '#' or (where == 'query' and ch == '&') or (where == 'path' and ch == '?'):
            out.append('%%%02X' % c)
        elif style == 'form' and where == 'query':
            out.append(ch if ch in FORM_SAFE else '%%%02X' % c)
        elif style in ('chrome', 'firefox'):
            enc = ch in BROWSER_ENC or (style == 'firefox' and ch == "'")
            out.append('%%%02X' % c if enc else ch)
        else:
            out.append(ch)
    return ''.join(out)

def weighted(r, pairs):
    x = r.random() * sum(w for _, w in pairs)
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]

def place(fam, p, r):
    """(target, placement, style)"""
    style = weighted(r, STYLES)
    pre = fam != 'fmtstr'
    if fam == 'nosql' and p.startswith('['):
        # "[$ne]=1" goes after a parameter name: ?username[$ne]=1
        path, param = r.choice([('/login', 'username'), ('/api/v1/users', 'id'), ('/login.php', 'password')])
        return '%s?%s%s' % (path, param, encode(p, 'raw', 'query', pre)), 'param-name', 'raw'
    if fam == 'lfi' and re.match(r'(\.|%2e)', p, re.I) and r.random() < 0.3:
        style = 'raw' if style == 'form' else style
        return r.choice(LFI_PATH_PREFIX) + encode(p, style, 'path', pre), 'path', style
    key = fam
    if fam == 'crlf' and re.search(r'email|MAIL\+FROM|example\.com', p):
        key = 'crlf-mail'
    path, param = r.choice(ENDPOINTS[key])
    q = '%s=%s' % (param, encode(p, style, 'query', pre))
    x = r.random()
    if x < 0.15:
        q = r.choice(EXTRA) + '&' + q
    elif x < 0.25:
        q = q + '&' + r.choice(EXTRA)
    return path + '?' + q, 'query', style

STATUS = {   # (status, weight) per family: 200, 404 or 500
    'sqli': [(200, 55), (500, 30), (404, 15)], 'xss': [(200, 80), (404, 15), (500, 5)],
    'lfi': [(200, 40), (404, 45), (500, 15)], 'cmdi': [(200, 50), (404, 35), (500, 15)],
    'xxe': [(200, 35), (404, 35), (500, 30)], 'ssti': [(200, 60), (404, 25), (500, 15)],
    'ssi': [(200, 60), (404, 35), (500, 5)], 'nosql': [(200, 50), (404, 20), (500, 30)],
    'ldap': [(200, 50), (404, 25), (500, 25)], 'xpath': [(200, 50), (404, 25), (500, 25)],
    'crlf': [(200, 60), (404, 30), (500, 10)], 'fmtstr': [(200, 60), (404, 25), (500, 15)],
}
PATH_STATUS = [(404, 85), (200, 15)]

def size(r, st, target=''):
    path = target.split('?', 1)[0]
    if st == 200 and path.endswith(ASSET_EXT):
        return r.randint(2400, 160000)
    if st == 200 and path.startswith('/api/'):
        return r.randint(90, 9000)
    if st == 200:
        return r.randint(1800, 42000)
    if st == 304:
        return 0
    if st == 404:
        return r.choice([153, 555])
    return r.randint(177, 4200)       # 500

ASSET_EXT = ('.css', '.js', '.svg', '.png', '.jpg', '.webp', '.woff2', '.ico', '.avif')

def esc(s):
    """nginx's escaping of a logged field: '"', '\\' and bytes outside 0x20-0x7e as \\xXX"""
    out = []
    for c in s.encode('utf-8', 'surrogateescape'):
        if c == 0x22 or c == 0x5c or c < 0x20 or c > 0x7e:
            out.append('\\x%02X' % c)
        else:
            out.append(chr(c))
    return ''.join(out)

def line(ip, t, request, st, sz, ref, ua):
    return '%s - - [%s] "%s" %d %d "%s" "%s"' % (ip, t.strftime('%d/%b/%Y:%H:%M:%S +0000'), esc(request),
                                                st, sz, esc(ref), esc(ua))

# ----------------------------------------------------------------- addresses
# Attack and benign sources alike: IPv4 from the three documentation /24s (192.0.2.0/24,
# 198.51.100.0/24, 203.0.113.0/24), skipping every address another set's log uses, and IPv6
# from the documentation prefix 2001:db8::/32 (under 2001:db8:1600::/40, which no other set
# uses).  Attack and benign addresses are drawn from one pool without repeats.
DOC4 = [ipaddress.ip_network(n) for n in ('192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24')]
NET6 = ipaddress.ip_network('2001:db8:1600::/40')

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

# Free IPv4 documentation addresses: not in TAKEN_V4 (below), the addresses other sets'
# logs held when this set was written, kept in this file so that the output does not change
# when a set is added later.
def free_v4(taken):
    return [str(ip) for net in DOC4 for ip in net.hosts() if str(ip) not in taken and not str(ip).endswith('.255')]

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
# its assets (with the page as Referer, some revalidated as 304), then a few more pages,
# searches or API calls.  Searches and names brush against the payload families without
# being attacks: a person called O'Brien or O'Connor (the apostrophe raw or encoded),
# "script writing", "select union jacket", "drop shoulder sweater", "order by date",
# a docs page about SELECT ... UNION, a shell-scripting tutorial.  The searches are taken in
# list order (the i-th source of a kind takes the i-th search), so each appears.
def qp(s):
    return urllib.parse.quote_plus(s)

def qc(s):
    """encodeURIComponent: leaves A-Z a-z 0-9 - _ . ! ~ * ' ( ) as they are"""
    return urllib.parse.quote(s, safe="-_.!~*'()")

SHOP = 'https://shop.example.com'
SHOP_CATS = ['jackets', 'knitwear', 'kitchen', 'lighting', 'stationery']
SHOP_ITEMS = ['union-jack-bomber-jacket', 'drop-shoulder-sweater-oat', 'script-font-enamel-mug',
              'cast-iron-skillet-26cm', 'select-merino-beanie', 'alert-red-rain-jacket', 'table-lamp-brass',
              'fountain-pen-starter-set']
SHOP_Q = ['select union jacket', 'union jack jacket', 'drop shoulder sweater', 'script font mug']

def shop(r, i):
    cat, item = r.choice(SHOP_CATS), r.choice(SHOP_ITEMS)
    first = r.choice(['-', 'https://www.google.com/', 'https://duckduckgo.com/', 'https://www.bing.com/'])
    out = [('GET', '/', first, 200),
           ('GET', '/static/css/shop.8d2f1e.css', SHOP + '/', 200),
           ('GET', '/static/js/shop.c41a07.js', SHOP + '/', 200)]
    if i % 2 == 0:
        out.append(('GET', '/search?q=' + qp(SHOP_Q[i // 2]) + '&sort=' + r.choice(['relevance', 'price-asc', 'newest']),
                    SHOP + '/', 200))
    else:
        out.append(('GET', '/c/' + cat + '?order=' + r.choice(['price', 'date', 'rating']) + '&page=1', SHOP + '/', 200))
    out.append(('GET', '/p/' + item, SHOP + '/c/' + cat, 200))
    out.append(('GET', '/media/products/%s-1.webp' % item, SHOP + '/p/' + item, 200))
    if i % 3 == 0:
        name = ["Conor O'Brien", "Siobhan O'Neill", "D'Arcy Jones"][i // 3]
        out.append(('GET', '/api/reviews?product=%s&author=%s' % (item, qc(name)), SHOP + '/p/' + item, 200))
    if i % 3 == 1:
        out.append(('POST', '/cart/add', SHOP + '/p/' + item, 200))
    return out

BLOG = 'https://blog.example.net'
BLOG_POSTS = ['2026/10/script-writing-for-short-films', '2026/11/a-select-few-union-pubs-in-leeds',
              '2026/09/shell-scripting-basics-for-writers', '2026/11/how-to-order-by-date-in-a-spreadsheet',
              '2026/08/why-i-stopped-using-alert-boxes', '2026/10/the-oconnor-family-recipe-book',
              '2026/07/drop-caps-and-other-typography-tricks', '2026/11/what-an-include-file-is-in-latex']
BLOG_Q = ['script writing', 'screenplay format', 'select union', "o'connor recipes"]

def blog(r, i):
    post = r.choice(BLOG_POSTS)
    url = '/posts/%s/' % post
    ref = r.choice(['https://www.google.com/', 'https://news.ycombinator.com/', '-', 'https://www.reddit.com/'])
    out = [('GET', url, ref, 200),
           ('GET', '/assets/main.5c91ab.css', BLOG + url, 200),
           ('GET', '/assets/fonts/source-serif.woff2', BLOG + '/assets/main.5c91ab.css', 200),
           ('GET', '/images/%s/cover.avif' % post.rsplit('/', 1)[-1], BLOG + url, 200)]
    if i % 2:
        out.append(('GET', '/search/?q=' + qp(BLOG_Q[i // 2]), BLOG + url, 200))
    out.append(('GET', '/tags/writing/', BLOG + url, 200))
    other = r.choice([p for p in BLOG_POSTS if p != post])
    out.append(('GET', '/posts/%s/' % other, BLOG + '/tags/writing/', 200))
    return out

NEWS = 'https://news.example.org'
NEWS_ARTS = ['politics/2026/12/01/union-leaders-select-new-general-secretary',
             'business/2026/11/30/retailer-drops-prices-ahead-of-christmas',
             'culture/2026/11/30/obrien-script-wins-radio-drama-award',
             'sport/2026/11/30/oneill-scores-twice-in-derby-win',
             'science/2026/12/01/storm-alert-issued-for-western-coast',
             'world/2026/11/30/talks-on-trade-union-rights-resume']
NEWS_Q = ["O'Brien", "Sinéad O'Connor", 'union strike', 'storm alert']

def news(r, i):
    art = r.choice(NEWS_ARTS)
    section = art.split('/', 1)[0]
    first = r.choice(['-', 'https://www.google.com/', 'https://t.co/', 'https://www.facebook.com/'])
    aid = r.randint(510000, 589999)
    out = [('GET', '/', first, 200),
           ('GET', '/_next/static/css/4b7e19c2.css', NEWS + '/', 200),
           ('GET', '/_next/static/chunks/main-a81f3c0d92.js', NEWS + '/', 200),
           ('GET', '/' + art, NEWS + '/', 200),
           ('GET', '/api/comments?article=%d&page=1&sort=newest' % aid, NEWS + '/' + art, 200)]
    if i % 2:
        out.append(('GET', '/search?q=' + qp(NEWS_Q[i // 2]) + '&section=' + section, NEWS + '/' + art, 200))
    out.append(('GET', '/' + section + '/', NEWS + '/' + art, 200))
    return out

DOCS = 'https://docs.example.com'
DOC_PAGES = ['/docs/sql/select-and-union', '/docs/sql/order-by-and-limit', '/docs/templates/variables',
             '/docs/cli/running-shell-commands', '/docs/ui/alert-dialogs', '/docs/files/include-paths',
             '/docs/api/filtering-results', '/docs/admin/ldap-directory-sync']
DOC_Q = ['select union', 'order by date', 'template variables', 'shell command', 'alert dialog',
         'include path', 'filter by name', 'ldap sync']

def docs(r, i):
    p1, p2 = r.sample(DOC_PAGES, 2)
    out = [('GET', '/docs/', r.choice(['-', 'https://www.google.com/']), 200),
           ('GET', '/docs/_static/theme.css?v=9e1d4a', DOCS + '/docs/', 200),
           ('GET', '/docs/_static/searchtools.js?v=9e1d4a', DOCS + '/docs/', 200),
           ('GET', '/docs/search?q=' + qp(DOC_Q[i]) + '&check_keywords=yes&area=default', DOCS + '/docs/', 200),
           ('GET', p1, DOCS + '/docs/search', 200)]
    if i % 2 == 0:
        out.append(('GET', '/docs/_static/searchindex.js', DOCS + '/docs/search', 200))
    out.append(('GET', p2, DOCS + p1, 200))
    return out

APP = 'https://crm.example.net'
APP_NAMES = ["O'Brien", "O'Connor", "D'Souza", "N'Diaye", "Smith-O'Neil", 'Union Pacific', 'Select Foods Ltd']

def webapp(r, i):
    a = APP + '/app/'
    cid = r.randint(1000, 99000)
    name = APP_NAMES[i % len(APP_NAMES)]
    out = [('GET', '/app/', r.choice(['-', APP + '/login']), 200),
           ('GET', '/app/static/main.3f8e21c7.js', a, 200),
           ('GET', '/app/static/main.90b1d6e4.css', a, 200),
           ('GET', '/api/v2/session', a, 200),
           ('GET', '/api/v2/contacts?search=%s&limit=25' % qc(name), a + 'contacts', 200)]
    extra = [('GET', '/api/v2/contacts/%d' % cid, a + 'contacts/%d' % cid, 200),
             ('PATCH', '/api/v2/contacts/%d' % cid, a + 'contacts/%d' % cid, 200),
             ('GET', '/api/v2/deals?filter=%s&order=updated_at' % qc('stage:open owner:me'), a + 'deals', 200),
             ('GET', '/api/v2/companies?name=%s' % qp(name), a + 'companies', 200)]
    out += r.sample(extra, 1 + i % 2)
    return out

BENIGN_KINDS = [('shop-browse', shop, 8), ('blog-reader', blog, 8), ('news-reader', news, 8),
                ('docs-search', docs, 8), ('webapp-json-api', webapp, 8)]

# ----------------------------------------------------------------- checks
LOG_RX = re.compile(r'^(\S+) - - \[(\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} \+0000)\] '
                    r'"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\x[0-9A-F]{2})*)" (\d{3}) (\d+) '
                    r'"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\x[0-9A-F]{2})*)" '
                    r'"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\x[0-9A-F]{2})*)"$')
REQ_RX = re.compile(r'^(GET|POST|PATCH|PUT|DELETE|HEAD) (/[\x21-\x7e]*) HTTP/1\.1$')

def check(others=None):
    ok = True
    def bad(msg):
        nonlocal ok
        ok = False
        print('check: ' + msg)
    addrs = {}
    for kind in ('attacks', 'benign'):
        with open(os.path.join(OUT, kind + '.log'), encoding='ascii') as f:
            rows = f.read().split('\n')
        assert rows[-1] == ''
        prev = None
        seen = collections.Counter()
        for n, l in enumerate(rows[:-1], 1):
            m = LOG_RX.match(l)
            if not m:
                bad('%s.log:%d does not parse as combined' % (kind, n))
                continue
            ip, ts, req = m.group(1), m.group(2), m.group(3)
            ipaddress.ip_address(ip)
            if not REQ_RX.match(req):
                bad('%s.log:%d request line has a space or a bad form: %s' % (kind, n, req[:80]))
            t = datetime.datetime.strptime(ts, '%d/%b/%Y:%H:%M:%S +0000')
            if t.date() != DAY.date() or (prev and t < prev):
                bad('%s.log:%d time out of order or off the day' % (kind, n))
            prev = t
            if kind == 'attacks' and m.group(6) != '-':
                bad('attacks.log:%d Referer is not "-"' % n)
            if kind == 'attacks' and m.group(4) not in ('200', '404', '500'):
                bad('attacks.log:%d status %s' % (n, m.group(4)))
            seen[ip] += 1
        labels = collections.Counter()
        with open(os.path.join(OUT, kind + '.labels'), encoding='ascii') as f:
            for l in f.read().split('\n')[:-1]:
                parts = l.split('\t')
                want = 4 if kind == 'attacks' else 3
                if len(parts) != want or parts[1] != ('attack' if kind == 'attacks' else 'benign'):
                    bad('%s.labels: bad line %r' % (kind, l))
                labels[parts[0]] += 1
        if set(labels) != set(seen) or any(v != 1 for v in labels.values()):
            bad('%s.labels do not cover the addresses of %s.log exactly once' % (kind, kind))
        if kind == 'attacks' and any(v != 1 for v in seen.values()):
            bad('an attacking source sends more than one request')
        addrs[kind] = set(seen)
        print('check: %s.log %d lines, %d sources, all parse' % (kind, sum(seen.values()), len(seen)))
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
    return ok

# ----------------------------------------------------------------- write
def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if '--check-only' in sys.argv:
        sys.exit(0 if check() else 1)
    if len(args) != 1:
        sys.exit(__doc__ or 'usage: gen.py SECLISTS_GIT_DIR [--check]')
    gitdir = args[0]
    cand, shas = candidates(gitdir, check_sha='--print-sha' not in sys.argv)
    if '--print-sha' in sys.argv:
        for path, _ in SOURCES:
            print("    '%s': '%s'," % (path, shas[path]))
        return
    if '--pools' in sys.argv:
        for fam in QUOTA:
            print(fam, sum(len(v) for v in cand[fam].values()),
                  ' '.join('%s=%d' % (p.rsplit('/', 1)[-1], len(v)) for p, v in cand[fam].items()))
        return
    picked = sample(cand)
    if '--list' in sys.argv:
        for fam, got in picked.items():
            for path, n, orig, p in got:
                print('%s\t%s:%d\t%s' % (fam, path, n, esc(p)))
        return

    r = random.Random(SEED)
    taken = other_sets_addresses()
    # the address pool: free IPv4 documentation addresses, shuffled, then IPv6
    v4 = free_v4(TAKEN_V4)
    r.shuffle(v4)
    used = set()

    def pick_ip():
        if v4 and r.random() < 0.5:
            ip = v4.pop()
            used.add(ip)
            return ip
        return pick_v6(r, used)

    items = [(fam, path, n, orig, p) for fam, got in picked.items() for path, n, orig, p in got]
    r.shuffle(items)
    times = sorted(r.sample(range(2 * 60, 86400 - 2 * 60), len(items)))
    lines, labels, rows = [], [], []
    for k, (fam, path, n, orig, p) in enumerate(items):
        ip = pick_ip()
        target, placement, style = place(fam, p, r)
        st = weighted(r, PATH_STATUS if placement == 'path' else STATUS[fam])
        ua = UA[r.choice(DESKTOP)]
        t = DAY + datetime.timedelta(seconds=times[k])
        request = 'GET %s HTTP/1.1' % target
        lines.append(line(ip, t, request, st, size(r, st, target), '-', ua))
        tech = 'seclists/%s#L%d' % (path[len('Fuzzing/'):], n)
        labels.append((ip, '%s\tattack\t%s\t%s' % (ip, fam, tech)))
        rows.append((ip, '\t'.join([ip, fam, path, str(n), placement, style, esc(orig),
                                    esc(p) if p != orig else '=', esc(request),
                                    '%s@%s:%s#L%d' % (REPO, REV, path, n)])))

    blines, blabels = [], []
    for kind, fn, count in BENIGN_KINDS:
        for i in range(count):
            ip = pick_ip()
            ua = UA[r.choice(ANY_BROWSER)]
            tt = DAY + datetime.timedelta(seconds=r.randint(10 * 60, 23 * 3600))
            reqs = fn(r, i)
            assert 5 <= len(reqs) <= 9, (kind, len(reqs))
            for method, target, ref, st in reqs:
                asset = target.split('?')[0].endswith(ASSET_EXT)
                tt += datetime.timedelta(seconds=r.randint(0, 2) if asset else r.randint(3, 90))
                if asset and st == 200 and r.random() < 0.2:
                    st = 304
                blines.append((tt, line(ip, tt, '%s %s HTTP/1.1' % (method, target), st, size(r, st, target), ref, ua)))
            blabels.append((ip, '%s\tbenign\t%s' % (ip, kind)))
    blines.sort(key=lambda x: x[0])
    assert blines[-1][0] < DAY + datetime.timedelta(days=1)

    srt = lambda xs: [v for _, v in sorted(xs, key=lambda x: ipkey(x[0]))]
    files = {
        'attacks.log': lines,
        'attacks.labels': srt(labels),
        'requests.tsv': ['ADDRESS\tCATEGORY\tSECLISTS_FILE\tLINE\tPLACEMENT\tENCODING\tPAYLOAD_AS_LISTED'
                         '\tPAYLOAD_AS_SENT\tREQUEST_LINE\tPUBLIC_SOURCE'] + srt(rows),
        'benign.log': [l for _, l in blines],
        'benign.labels': srt(blabels),
    }
    for name, out in files.items():
        with open(os.path.join(OUT, name), 'w', encoding='ascii', newline='\n') as f:
            f.write(''.join(x + '\n' for x in out))
    cnt = collections.Counter(fam for fam, *_ in items)
    print('wrote %d attacking sources (%s), %d benign sources, %d benign lines'
          % (len(items), ', '.join('%s %d' % (f, cnt[f]) for f in QUOTA), len(blabels), len(blines)))
    if '--check' in sys.argv:
        sys.exit(0 if check(taken) else 1)

# IPv4 documentation addresses used by the other sets' logs on 2026-12-01 (thirdparty15 and
# earlier); none of them is used here.  --check compares with the logs as they are then.
TAKEN_V4_OCTETS = {
    '192.0.2': '''10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 38 39 41 42
        43 44 47 50 51 52 53 55 56 58 59 60 61 62 63 65 68 71 73 74 75 76 77 78 79 80 81 82 83 84 86
        89 90 91 92 93 94 95 96 98 100 102 104 105 111 113 114 115 117 118 120 123 124 126 129 132
        133 134 137 139 140 141 143 145 146 147 148 149 151 156 158 160 161 164 165 167 168 170 174
        179 180 182 183 184 186 189 191 197 198 199 200 202 203 208 209 212 214 217 218 219 222 223
        225 226 227 229 231 233 235 240 241 242 243 246 247 248 249''',
    '198.51.100': '''10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 38 41 43 44 47
        48 50 51 52 53 56 57 59 62 64 65 66 68 69 70 71 72 73 74 75 77 78 79 80 81 83 85 87 88 90 91
        95 97 104 105 106 109 110 111 112 116 117 118 120 121 125 128 129 130 131 132 134 138 139
        140 142 145 148 152 154 155 157 158 159 160 163 164 167 170 174 176 177 180 181 182 185 187
        188 190 194 196 197 200 203 204 206 209 210 212 214 215 217 218 219 220 222 223 224 225 229
        232 235 238 239 240 242 243 245 247''',
    '203.0.113': '''10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 38 39 40 41 42
        44 47 48 49 50 52 53 54 56 57 59 60 62 64 65 66 67 68 69 70 71 72 73 74 76 77 78 80 83 84 85
        87 89 90 95 97 99 102 103 106 108 110 111 112 113 114 115 116 117 119 120 121 122 125 126
        129 130 132 133 137 138 140 141 146 154 159 166 170 171 172 174 176 177 179 180 182 184 185
        186 187 189 191 192 195 199 200 201 203 206 210 211 212 215 216 217 218 222 224 225 226 227
        229 231 237 240 241 242 247 248 249''',
}
TAKEN_V4 = {'%s.%s' % (net, o) for net, octs in TAKEN_V4_OCTETS.items() for o in octs.split()}

if __name__ == '__main__':
    main()
