#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, requests.tsv, benign.log and benign.labels of
# tests/bench/data/thirdparty17 (fixed seeds: the output is byte-identical on every run).
# Python 3 standard library only, plus the `git` program to read the source lists.
# Written without reading policies/, user/, include/, bpf/, docs/, the repository README or
# the detector; gatehawk and tests/bench/recall.sh were not run.
#
# Angle of this set: payload collections that are not SecLists: four payloadbox lists
# (command injection, RFI/LFI, SSTI, XXE), Bo0oM/fuzz.txt (paths of dangerous files and
# folders that scanners request) and 1N3/IntruderPayloads (SQLi, XSS, traversal, XML lists).
# Each payload is sent once, by one source: an injection as the value of a query parameter
# on a plausible endpoint (sometimes appended to an ordinary value, traversal sometimes in
# the path), percent-encoded in one of five styles; a fuzz.txt entry as the request path.
#
#   python3 gen.py MIRROR_ROOT            rewrites the five data files next to this script
#   python3 gen.py MIRROR_ROOT --check    also checks the written files (see check() below;
#                                         exit status 1 on a failure)
#   python3 gen.py --check-only           only the checks, on the files as they are
#   python3 gen.py MIRROR_ROOT --pools    candidates per family and source
#   python3 gen.py MIRROR_ROOT --list     the sampled payloads
#
# MIRROR_ROOT is a directory holding one git directory (bare or a work tree) per source
# repository, named OWNER+NAME (optionally with a `repo` subdirectory, as the mirror tool
# writes them: /work/.mirror/payloadbox+ssti-payloads/repo), or NAME.  Each file is read
# with `git show COMMIT:PATH` at the commit in REPOS, and its SHA-256 is compared with
# SOURCE_SHA256 below, so that a different input is noticed.
import collections, datetime, glob, hashlib, ipaddress, os, random, re, subprocess, sys, urllib.parse

OUT = os.path.dirname(os.path.abspath(__file__))
SAMPLE_SEED = 20261202          # which payloads
SEED = 2026120217               # addresses, times, endpoints, encodings, statuses, benign traffic
DAY = datetime.datetime(2026, 12, 2, 0, 0, 0)
MAX_LEN = 1500                  # payloads longer than this (UTF-8 bytes) are dropped

# ----------------------------------------------------------------- sources
REPOS = {   # repository -> (commit read, licence as its LICENSE file states it)
    'payloadbox/command-injection-payload-list': ('c378188e1154370aa2bd31a109d76748c90f2ae5', 'MIT'),
    'payloadbox/rfi-lfi-payload-list': ('e0c530899c7e1d9ff63f7483cc2b6e077f6bffd1', 'MIT'),
    'payloadbox/ssti-payloads': ('9101330d542a3b2fac4e17cb7b735ad9eeab5988', 'MIT'),
    'payloadbox/xxe-injection-payload-list': ('7ab1208de6b1f5d9498b30c23c4f90d09b83f7cb', 'MIT'),
    'Bo0oM/fuzz.txt': ('b6cf84b03528bc5a95b4c8d77bf6e0445a94df07', 'WTFPL'),
    '1N3/IntruderPayloads': ('9b84328441e0b1d5b63764941bfd72a2460dba5d', 'none stated'),
}
# Drawn from but not written: a repository that states no licence (its 100 draws are left
# out after sampling, so the 200 written are the ones the set was first measured with).
LEFT_OUT = {'1N3/IntruderPayloads'}
SHORT = {'payloadbox/command-injection-payload-list': 'payloadbox-cmdi', 'payloadbox/rfi-lfi-payload-list': 'payloadbox-rfi-lfi',
         'payloadbox/ssti-payloads': 'payloadbox-ssti', 'payloadbox/xxe-injection-payload-list': 'payloadbox-xxe',
         'Bo0oM/fuzz.txt': 'fuzz.txt', '1N3/IntruderPayloads': 'intruderpayloads'}

# (repository, path, how the file is read, families it may give)
#   lines       one payload a line
#   md-code     lines inside ``` blocks of a README, under the headings matched by `under`
#   md-urls     lines inside ``` blocks under `under`: the value of page= in an example URL,
#               or an absolute path on its own
#   blocks      multi-line payloads separated by blank lines ("* title" lines skipped)
#   fuzz        fuzz.txt: a path; sorted into a kind of sensitive file by SENSITIVE below
SOURCES = [
    ('payloadbox/command-injection-payload-list', 'README.md', 'md-code', ('cmdi',), r'^### (Unix|Windows) :'),
    ('payloadbox/rfi-lfi-payload-list', 'README.md', 'md-urls', ('rfi', 'lfi'), r'^#### (Basic LFI|Interesting|Basic RFI|LFI|RFI|XSS via)'),
    ('1N3/IntruderPayloads', 'FuzzLists/traversal-short.txt', 'lines', ('rfi', 'lfi'), None),
    ('1N3/IntruderPayloads', 'FuzzLists/lfi.txt', 'lines', ('rfi', 'lfi'), None),
    ('1N3/IntruderPayloads', 'FuzzLists/traversal.txt', 'lines', ('rfi', 'lfi'), None),
    ('payloadbox/ssti-payloads', 'Intruder/ssti-payloads.txt', 'lines', ('ssti',), None),
    ('payloadbox/xxe-injection-payload-list', 'Intruder/xxe-injection-payload-list.txt.txt', 'blocks', ('xxe',), None),
    ('1N3/IntruderPayloads', 'FuzzLists/xml-attacks.txt', 'lines', ('xxe',), None),
    ('1N3/IntruderPayloads', 'FuzzLists/sqli-error-based.txt', 'lines', ('sqli',), None),
    ('1N3/IntruderPayloads', 'FuzzLists/sqli-time-based.txt', 'lines', ('sqli',), None),
    ('1N3/IntruderPayloads', 'FuzzLists/sqli-union-select.txt', 'lines', ('sqli',), None),
    ('1N3/IntruderPayloads', 'FuzzLists/auth_bypass.txt', 'lines', ('sqli',), None),
    ('1N3/IntruderPayloads', 'FuzzLists/xss_payloads_quick.txt', 'lines', ('xss',), None),
    ('1N3/IntruderPayloads', 'FuzzLists/xss_remote_payloads-http.txt', 'lines', ('xss',), None),
    ('1N3/IntruderPayloads', 'FuzzLists/xss_remote_payloads-https.txt', 'lines', ('xss',), None),
    ('Bo0oM/fuzz.txt', 'fuzz.txt', 'fuzz', ('sensitive-file',), None),
]

SOURCE_SHA256 = {
    'payloadbox/command-injection-payload-list:README.md': 'c56d685e3d2c61ff4c670126c9ba0829fb1afeac737c88c570ca06061d1f725a',
    'payloadbox/rfi-lfi-payload-list:README.md': '41fdc0a7cef437d181483b4ccd2fb3157f4117ff02e3ea2a366e7e5a1f992c56',
    '1N3/IntruderPayloads:FuzzLists/traversal-short.txt': '1da0b6560823a0eb9ee5dff812a20f46efe623aac8c5b67a1dafced435995dd9',
    '1N3/IntruderPayloads:FuzzLists/lfi.txt': 'be67b5eeda64b8577f255cc3b23bbb2131ee508102cfe855a7d758cb1f03aae9',
    '1N3/IntruderPayloads:FuzzLists/traversal.txt': 'e9eeedaaa76cf8645053cddb532525bf47b4f78ce21670bd533c44861cb36d49',
    'payloadbox/ssti-payloads:Intruder/ssti-payloads.txt': 'f9090cd7897e53b5fcd5a272ce4b7eafcd70f4dfb540815b21315e02a459e7c0',
    'payloadbox/xxe-injection-payload-list:Intruder/xxe-injection-payload-list.txt.txt': 'b9a5e55282cda9f11acf04e0d0d2b9a270d8a9ed1accfba3a09bdafc6003baf3',
    '1N3/IntruderPayloads:FuzzLists/xml-attacks.txt': '3e7ba1bd563ca922c0fe1dbf7241118eb57893a3adf79066d8b851867800a1a0',
    '1N3/IntruderPayloads:FuzzLists/sqli-error-based.txt': '0db851ce365ffa9042b0609f692abc5e06e39c1af175503f12a9ae58e2459b32',
    '1N3/IntruderPayloads:FuzzLists/sqli-time-based.txt': '63d73346685422b01afac3b764aed371b071bc6da025f0fb1810db676af1f100',
    '1N3/IntruderPayloads:FuzzLists/sqli-union-select.txt': '97c0c29b5a7dd86522968f697aa945c99279a46bcfdc23abc91380b5843ddf10',
    '1N3/IntruderPayloads:FuzzLists/auth_bypass.txt': '39f4a19bccfe2079c574ec87bcb8962150f27337fd2c9d16521e356454a6047c',
    '1N3/IntruderPayloads:FuzzLists/xss_payloads_quick.txt': '596353b83f5d3159f20292a205e7b24fab439d859bc5770ef3cfa6a394b712b1',
    '1N3/IntruderPayloads:FuzzLists/xss_remote_payloads-http.txt': '08b5d6f44ce9f78214f42f0b9aba9266b2c69addf1c6d1413deb619ff30ca0b4',
    '1N3/IntruderPayloads:FuzzLists/xss_remote_payloads-https.txt': '1dad3ef1098abdaf2c66437edb841b671daa00c89e120a14e848e445d6421613',
    'Bo0oM/fuzz.txt:fuzz.txt': '556f00dbb6632bc7cce2c37c1817c5830947af1dd8d3d3665911e11222c25d2e',
}

# Sources per family.  Within a family the source files take turns (each one's candidates in
# a seeded random order), so that no list dominates; a family read from a single file, and
# xss, takes its techniques in turn instead (sensitive-file: the kinds of file).  A queue
# that runs out drops out of the turn.
QUOTA = collections.OrderedDict([
    ('cmdi', 50), ('lfi', 40), ('rfi', 10), ('ssti', 40), ('xxe', 30), ('sensitive-file', 80),
    ('sqli', 25), ('xss', 25),
])

# ----------------------------------------------------------------- what counts as an attack
X = re.IGNORECASE | re.DOTALL
TEST = {
    # a shell construct that runs something: a separator, newline, backticks, $( ), shellshock,
    # a code-execution call, an SSI exec, or a known command given arguments
    'cmdi': re.compile(r'([;&|\n]|\\n|%0a|%0d)\s*(/(usr/)?bin/)?(id|whoami|uname|ls|dir|cat|type|echo|ping|sleep|'
                       r'nslookup|wget|curl|touch|netstat|ifconfig|ipconfig|bash|sh|cmd|powershell|perl|python|nc|'
                       r'net|netsh|reg|sysinfo|systeminfo|pwd|route|which|phpinfo|system)\b|`[^`]+`|\$\(|\(\)\s*\{|'
                       r'\b(phpinfo|passthru|shell_exec|system|exec|eval|popen|proc_open|print)\s*\(|<\?php|'
                       r'<!--#exec|&lt;!--#exec|\$\{@|\{\$\{|^(cat|type|nc|wget|curl|perl|net|netsh|reg|ping|ls|dir|uname|'
                       r'ipconfig)\s+\S', X),
    'ssti': re.compile(r'\{\{.*\}\}|\$\{.*\}|#\{.*\}|\*\{.*\}|<%=.*%>|\{%.*%\}|@\(.*\)|\{\$\w|\{php\}|[<\[]#assign', X),
    'xxe': re.compile(r'<!\s*(DOCTYPE|ENTITY)|\+ADwAIQ-DOCTYPE|xlink:href="expect:', X),
    # the next three are the tests of ../thirdparty16/gen.py
    'xss': re.compile(r'<\s*/?\s*script|javascript\s*:|vbscript\s*:|\bon[a-z]{3,}\s*=|'
                      r'\b(alert|prompt|confirm)\b|document\s*\.\s*(cookie|domain|location|write)|'
                      r'fromCharCode|expression\s*\(|srcdoc|data:text/html|'
                      r'<\s*(iframe|object|embed|applet|meta|base|link|svg|math|img|image|xss)\b|'
                      r'(%3c|&lt;?|&#x?0*(60|3c);?|\\x3c|\\u003c)\s*/?\s*(script|img|svg|iframe)', X),
    'lfi': re.compile(r'\.\.[/\\]|[/\\]\.\.|%2e%2e|\.\.%(2f|5c|c0|c1|25|u22|bg)|\.\.2f|\.\.;|%252e|%c0%ae|'
                      r'\.{3,}[/\\]|(php|file|expect|zip|phar|glob)://|etc[/\\](passwd|shadow|hosts|issue)|'
                      r'boot\.ini|win\.ini|system32|/proc/self', X),
    'sqli': re.compile(r'\bunion(\s+all)?[\s(]*select|\bselect\b.+\bfrom\b|\bselect\s+(\d|@@|null|\*|\'|"|user|banner)|'
                       r'\b(sleep|benchmark|pg_sleep|utl_http|utl_inaddr|xp_cmdshell|xp_regread|sp_addlogin|'
                       r'sp_addsrvrolemember|sp_password|load_file|extractvalue|updatexml|dbms_pipe)\b|'
                       r'waitfor\s+delay|@@version|\binto\s+(out|dump)file\b|\b(drop|truncate)\s+table\b|'
                       r'\binsert\s+into\b|\bcreate\s+(user|table)\b|\bgrant\s+\w+\s+to\b|'
                       r'\bexec(ute)?\s+(immediate|master|xp_|sp_)|'
                       r'[\'"`)]\s*(or|and|xor|\|\||&&)\s*[\s(\'"]*[\w\'"]*[\s)\'"]*\s*(=|<|>|\blike\b|\bin\b|\bis\b)|'
                       r'\b(or|and)\s+\d+\s*=\s*\d+|\bor\s+true\b|[\'"]\s*\)*\s*(--|#|/\*|;)|'
                       r'\border\s+by\s+\d|\bhaving\s+\d|\bchar\s*\(\s*\d', X),
}
# rfi: a remote URL (also protocol-relative) or a data:/expect: wrapper, as the value of a file parameter
RFI = re.compile(r'^((https?|ftp):|//[a-z0-9.-]+\.[a-z]{2,}/|data:|php:expect:|expect:)', re.I)
# lfi lists also count an absolute path (a file= value) as an attack
ABS_PATH = re.compile(r'^(/[^/\s]|[A-Za-z]:[/\\]|\\[^\\\s]|~/)')
PLACEHOLDER = re.compile(r'<[a-z]+>$|<sessid>', re.I)

# ----------------------------------------------------------------- fuzz.txt: which paths
# A fuzz.txt entry is kept when it names something a site must never serve, sorted into one
# kind (first match), unless DROP matches it first: a bare extension meant to be appended,
# a generic word, or a file that is harmless or public when served.
DROP = re.compile(
    r'^\.?(7z|zip|rar|tar|gz|bz2|tgz|tar\.gz|tar\.bz2|sql|sql\.gz|sql\.bz2|dump|bak|old|tmp|temp|swp|swo|backup|'
    r'log|log\.txt|ini|cfg|save|orig)$'
    r'|^(secrets?|passwords?|credentials|env|dump|console|trace|mappings|metrics|beans|debug|backups?|logs?|install)/?$'
    r'|\.(crt|csr|asc)$|(^|/)\.(gitignore|gitattributes|gitkeep|hgignore|cvsignore|svnignore)$'
    r'|(^|/)(test|i|pi|php|info|debug|status|db_status|install|installer|up|app)\.php$|(^|/)(data/)?debug/$'
    r'|(^|/)change\.log$|^\.capistrano|(^|/)\.?src/|(^|/)(app|env)\.js$|(^|/)password\.html|passwords\.html', re.I)
SENSITIVE = [
    ('vcs', r'(^|/)(\.git|\.svn|\.hg|\.bzr|_darcs|CVS|\.cvs)(/|$)|(^|/)\.git(-credentials|config)?$|(^|/)\.(hgrc|svn|hg)$'),
    ('key', r'(^|/)\.?(id_rsa|id_dsa|id_ecdsa|id_ed25519)|\.(pem|key|ppk|p12|pfx|jks|keystore|kdbx)~?$|(^|/)\.ssh(/|$)|'
            r'private[-_.]?key|authorized_keys|known_hosts?'),
    ('history', r'(^|/)\.\w*_?history$|(^|/)\.histfile$|(^|/)\.Rhistory$'),
    ('secret', r'(^|/)\.?env(\.[\w.-]+)?$|\.env$|(^|/)\.(htpasswd|passwd|password|passwords|pgpass|netrc|npmrc|pwd|'
               r'dockercfg|boto|s3cfg)|(^|/)\.aws(/|$)|credentials|client_secrets?\.json|secrets\.env|htpasswd|'
               r'(^|/)passwd(\.|$)|password|(^|/)administrators\.pwd|\.pwd$|token\.json|etc/passwd'),
    ('metadata', r'(^|/)\.DS_Store$|(^|/)(eh)?thumbs\.db$|(^|/)\.(idea|vscode)(/|$)'),
    ('home-dotfile', r'(^|/)\.(bashrc|bash_profile|bash_logout|profile|cshrc|zshrc|rhosts|viminfo|lynx_cookies|'
                     r'forward|mailrc|psqlrc|my\.cnf)$'),
    ('dump', r'\.(sql|sql\.gz|sql\.zip|sql\.bz2|sql\.tgz|dump|sqlite|sqlite3|db|mdb|accdb)(\.old|\.bak|~)?$|'
             r'(^|/)(dump|db_?dump|database|backup)s?\.(gz|zip|tar|tgz|rar|7z|tar\.gz|tar\.bz2)$'),
    ('backup', r'\.(bak\d?|back|backup|bakup|old|orig|original|save|sav|swp|swo|tmp|temp|copy|un~|~\d?)$|~$|'
               r'\.(zip|tar|tar\.gz|tgz|tar\.bz2|tbz2?|rar|7z|gz|bz2|war|jar)$|[-_.](bak|old|backup|orig|copy|bac)$|'
               r'(^|/)backups?(/|$|[-_.\d])|\.(php|asp|aspx|asa|asax|jsp|inc|config|conf|yml|ini)[-_.~](bak|old|save|'
               r'orig|txt|swp|zip|inc|\d+)|_original$|BAK$|OLD\d?$'),
    ('log', r'\.log(\.\d+)?$|(^|/)(error|access|debug)[-_]?logs?(/|$|\.\w+$)|(?-i:(^|/)(_?[Ll]ogs?|\w+[_-][Ll]ogs?|[a-z]+Logs)/$)|'
            r'(^|/)errorlog$|'
            r'\.log\.txt$|(^|/)log\.txt$|(^|/)(debug|error)(-output)?\.txt$|(^|/)error_log$'),
    ('config', r'(^|/)(wp-config|config|configuration|settings|local|database|databases|db|dbconn|parameters|'
               r'application|appsettings|web|conf|connection|localsettings|global|globals)(\.inc)?\.(inc|yml|yaml|'
               r'json|xml|ini|cfg|conf|config|py|rb|properties|txt|local|php\d)$|(^|/)web\.config|(^|/)\.htaccess|'
               r'(^|/)httpd\.conf|(^|/)php\d?\.ini|(^|/)\.?(docker-compose[-\w]*\.yml|dockerfile)$|(^|/)\.?ftppass|'
               r'sftp-config\.json|filezilla|WS_FTP|flashFXP\.ini|winscp\.ini|\.ovpn$|local\.xml|(^|/)WEB-INF|'
               r'(^|/)\.user\.ini|parameters\.(yml|ini)|(^|/)\w+\.ini$|(^|/)Db\.properties|dbconn\.php|'
               r'(^|/)app\.(config|yaml)$|(^|/)config\.(json|yml|xml|local)'),
    ('debug', r'(^|/)phpinfo\.php$|server-(status|info)|(^|/)(actuator|jolokia|heapdump|threaddump|httptrace|'
              r'autoconfig|configprops)(/|$)|(^|/)management/|debug/(pprof|vars|routes)|_debugbar|elmah\.axd|'
              r'trace\.axd|__web_console|web-console|jmx-console|(^|/)(nginx|fpm)[-_]status'),
    ('admin', r'phpmyadmin|(^|/)pma/|(^|/)adminer[-\d.]*\.php|(^|/)adminer/|(^|/)editor-[\d.]+.*\.php|CFIDE/administrator|'
              r'manager/html|jkmanager|jbpm-console|happyaxis|(^|/)(sqlbuddy|phpliteadmin|phppgadmin|mysqladmin|'
              r'myadmin|dbadmin)|bigdump\.php|dumper\.php|setup-config\.php|(^|/)invoker/'),
    ('webshell', r'(^|/)(c99|c100|r57|wso|b374k|shell|webshell|madspotshell|jsp-reverse)(shell)?[-\d._]*\.(php\d?|asp|aspx|jsp)$'),
]
SENSITIVE = [(k, re.compile(rx, re.I)) for k, rx in SENSITIVE]

def sensitive_kind(entry):
    e = entry.lstrip('/')
    if not e or DROP.search(e):
        return None
    return next((k for k, rx in SENSITIVE if rx.search(e)), None)

# ----------------------------------------------------------------- technique of a payload
def technique(fam, p):
    d = urllib.parse.unquote(urllib.parse.unquote(p, errors='replace'), errors='replace')
    low = d.lower()
    if fam == 'cmdi':
        if '<!--#exec' in low or '&lt;!--#exec' in low:
            return 'ssi-exec'
        if re.search(r'\(\)\s*\{', d):
            return 'shellshock'
        if re.search(r'<\?php|\$\{@|\{\$\{|\b(phpinfo|system|exec|eval|passthru)\s*\(', low):
            return 'code-exec'
        if '$(' in d:
            return 'subshell'
        if '`' in d:
            return 'backtick'
        if re.search(r'^\s*(\\n|\n|%0a|%0d)|\\n|\n', p, re.I):
            return 'newline'
        if re.search(r'[;|&]', d):
            return 'separator'
        return 'bare-command'
    if fam == 'lfi':
        if re.search(r'php://filter', low):
            return 'php-filter'
        if re.search(r'(zip|phar|file)://', low):
            return 'wrapper'
        enc = re.search(r'%(25)?(c0|c1)%|%u[0-9a-f]{4}|%(25)?2e%(25)?2e|%2e%2e', p, re.I)
        if re.search(r'\.\.', d) or enc:
            if enc or re.search(r'%(2e|2f|5c|25)', p, re.I):
                return 'encoded-traversal'
            return 'traversal'
        if '%00' in p.lower():
            return 'null-byte'
        return 'absolute-path'
    if fam == 'rfi':
        if low.startswith('data:'):
            return 'data-wrapper'
        if 'expect:' in low:
            return 'expect-wrapper'
        if '%00' in p.lower():
            return 'remote-url-nullbyte'
        if '%25' in p.lower():
            return 'remote-url-encoded'
        return 'remote-url'
    if fam == 'ssti':
        if re.search(r'__class__|__mro__|__subclasses__|__globals__|__builtins__|\.mro\(|subclasses\(|request\|attr|\\x5f', d):
            return 'python-object-walk'
        if 'freemarker' in low:
            return 'freemarker-execute'
        if re.search(r'T\(java|T\(org', d):
            return 'spring-el'
        if 'getclass' in low:
            return 'java-reflection'
        if re.search(r'\{php\}|\{\$smarty', low):
            return 'smarty'
        if re.search(r"filter\('system'\)|app\.request|dump\(app\)|\{%", d):
            return 'twig-jinja-code'
        if re.search(r'^[^a-z]*$', low.replace('{{', '').replace('}}', '')) or re.search(r'\d\s*[*+]\s*[\d\']', d):
            return 'arithmetic-probe'
        return 'object-probe'
    if fam == 'xxe':
        if 'lol9' in low:
            return 'billion-laughs'
        if '+adwaiq-' in low:
            return 'utf7'
        if 'expect:' in low:
            return 'svg-expect'
        if re.search(r'<!entity\s+%', low):
            return 'parameter-entity'
        if 'php://filter' in low:
            return 'php-filter-entity'
        if re.search(r'system\s+"(file:|/|\.\.|[a-z]:)', low) or re.search(r'system\s+"[\w./]+"', low) and 'http' not in low:
            return 'external-file'
        if re.search(r'system\s+"https?:', low):
            return 'external-url'
        return 'internal-entity'
    if fam == 'sqli':
        if re.search(r'\bunion\b', low):
            return 'union'
        if re.search(r'sleep|benchmark|waitfor', low):
            return 'time-based'
        if re.search(r'convert\s*\(|extractvalue|updatexml|rlike|\bcase\s+when|substring\(', low):
            return 'error-or-inference'
        if re.search(r'order\s+by|group\s+by|having', low):
            return 'column-probe'
        return 'boolean-or-comment'
    if fam == 'xss':
        if re.search(r'<script[^>]*\bsrc\s*=|<iframe[^>]*\bsrc\s*=\s*["\']?https?:|<img[^>]*src\s*=\s*["\']?https?:', low):
            return 'remote-resource'
        if re.search(r'<\s*/?\s*script', low):
            return 'script-tag'
        if re.search(r'javascript:', low):
            return 'javascript-uri'
        if re.search(r'\bon[a-z]+\s*=', low):
            return 'event-handler'
        return 'js-expression'
    return fam

# ----------------------------------------------------------------- reading the lists
def repo_dir(root, repo):
    owner, name = repo.split('/')
    for cand in (owner + '+' + name, name):
        for sub in ('repo', ''):
            d = os.path.join(root, cand, sub) if sub else os.path.join(root, cand)
            if os.path.isdir(d):
                return d
    sys.exit('no git directory for %s under %s (looked for %s+%s[/repo] and %s)' % (repo, root, owner, name, name))

def git_show(gitdir, commit, path):
    return subprocess.run(['git', '-C', gitdir, 'show', '%s:%s' % (commit, path)],
                          check=True, stdout=subprocess.PIPE).stdout

def items_of(kind, text, under):
    """(first line, last line, payload as listed, payload) of one source file"""
    lines = text.split('\n')
    out = []
    if kind in ('lines', 'fuzz'):
        for n, raw in enumerate(lines, 1):
            l = raw.rstrip('\r')
            if l.strip() == '' or l.startswith('#') and kind == 'fuzz':
                continue
            out.append((n, n, l, l))
    elif kind in ('md-code', 'md-urls'):
        in_code = False
        take = False
        for n, raw in enumerate(lines, 1):
            l = raw.rstrip('\r')
            s = l.strip()
            if s.startswith('```'):
                in_code = not in_code
                continue
            if not in_code:
                if l.startswith('#'):
                    take = bool(re.match(under, l))
                continue
            if not take or s == '':
                continue
            if kind == 'md-code':
                out.append((n, n, l, l))
                continue
            m = re.match(r'^https?://example\.(com|net)/[^?\s]*\?page=(\S+)$', s)
            if m:
                out.append((n, n, s, m.group(2)))
            elif re.match(r'^/\S+$', s):
                out.append((n, n, s, s))
    elif kind == 'blocks':
        block = []
        for n, raw in enumerate(lines + [''], 1):
            l = raw.rstrip('\r').rstrip()
            if l.strip() == '' or l.startswith('* ') or l.startswith('# '):
                if block:
                    text = '\n'.join(x for _, x in block)
                    out.append((block[0][0], block[-1][0], text, text))
                block = []
                continue
            block.append((n, l))
    return out

def near_key(p):
    """two payloads that differ only in numbers, case, a trailing '/', the length of a column
    list or of a run of ../ count as one (the first in list order is kept)"""
    k = re.sub(r'\d+', '#', p.lower()).rstrip('/')
    k = re.sub(r'(#|null)(\s*,\s*(#|null))+', '#,#', k)            # column lists: 1,2,3,...  NULL,NULL,...
    k = re.sub(r'(char\(#\))(\+char\(#\))+', r'\1+\1', k)           # CHAR(73)+CHAR(78)+...
    return re.sub(r'((\.\.[/\\])|(%2e%2e%2f)|(\.\.%2f))+', r'\1', k)   # ../../../ deep or shallow

def family_of(fams, p):
    views = (p, urllib.parse.unquote(p, errors='replace'),
             urllib.parse.unquote(urllib.parse.unquote(p, errors='replace'), errors='replace'))
    for fam in fams:
        if fam == 'rfi':
            if RFI.search(p.strip()):
                return fam
            continue
        if fam == 'sensitive-file':
            return sensitive_kind(p) and fam
        if any(TEST[fam].search(v) for v in views):
            return fam
        if fam == 'lfi' and ABS_PATH.search(p):
            return fam
    return None

def candidates(root, check_sha=True):
    """family -> queue name -> [(repo, path, first, last, listed, payload, technique)]"""
    cand = collections.OrderedDict((f, collections.OrderedDict()) for f in QUOTA)
    seen = set()
    shas = {}
    for repo, path, kind, fams, under in SOURCES:
        commit = REPOS[repo][0]
        blob = git_show(repo_dir(root, repo), commit, path)
        key = '%s:%s' % (repo, path)
        shas[key] = hashlib.sha256(blob).hexdigest()
        if check_sha and SOURCE_SHA256.get(key) != shas[key]:
            sys.exit('%s at %s is not the file this set was made from (sha256 %s)' % (key, commit, shas[key]))
        text = blob.decode('utf-8', 'surrogateescape')
        for first, last, listed, p in items_of(kind, text, under):
            if 'sqli' not in fams:
                p = p.rstrip()           # a trailing space means nothing here ("-- " in SQL does)
            if kind == 'lines' and 'lfi' in fams:
                p = p.strip()
            if len(p.strip()) < 3 or len(p.encode('utf-8', 'surrogateescape')) > MAX_LEN or PLACEHOLDER.search(p):
                continue
            k = near_key(p)
            if k in seen:
                continue
            fam = family_of(fams, p)
            if fam is None:
                continue
            seen.add(k)
            tech = sensitive_kind(p) if fam == 'sensitive-file' else technique(fam, p)
            cand[fam].setdefault(key, []).append((repo, path, first, last, listed, p, tech))
    # a family read from one file (cmdi, ssti, sensitive-file), and xss (whose two
    # remote-payload lists are near copies of each other): its techniques take turns instead,
    # in order of first appearance (sensitive-file: in the order of SENSITIVE)
    for fam, queues in cand.items():
        if len(queues) == 1 or fam == 'xss':
            items = [it for q in queues.values() for it in q]
            order = [k for k, _ in SENSITIVE] if fam == 'sensitive-file' else []
            for it in items:
                if it[6] not in order:
                    order.append(it[6])
            cand[fam] = collections.OrderedDict((k, [it for it in items if it[6] == k]) for k in order
                                                if any(it[6] == k for it in items))
    return cand, shas

def sample(cand):
    """family -> [item] in sampling order"""
    r = random.Random(SAMPLE_SEED)
    picked = collections.OrderedDict()
    for fam, quota in QUOTA.items():
        queues = []
        for name, items in cand[fam].items():
            items = list(items)
            r.shuffle(items)
            queues.append(items)
        got = []
        while len(got) < quota and any(queues):
            for q in queues:
                if q and len(got) < quota:
                    got.append(q.pop(0))
        picked[fam] = got
    return picked

# ----------------------------------------------------------------- user agents
# Desktop browsers current at the start of December 2026 (the strings of ../thirdparty16).
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

# ----------------------------------------------------------------- placing a payload
# (path, parameter, ordinary value) per family; the payload becomes the parameter's value,
# or (APPEND) is appended to the ordinary value, as a fuzzer that appends to what was there.
ENDPOINTS = {
    'cmdi': [('/ping', 'host', '127.0.0.1'), ('/cgi-bin/diag.cgi', 'ip', '10.0.0.1'), ('/api/v2/tools/ping', 'target', '8.8.8.8'),
             ('/admin/network/traceroute', 'dest', 'example.org'), ('/whois.php', 'domain', 'example.com'),
             ('/nslookup', 'name', 'example.net'), ('/admin/logs/view', 'file', 'app.log'), ('/api/thumbnail', 'size', '200x200'),
             ('/device/status.cgi', 'iface', 'eth0'), ('/export', 'filename', 'report.csv')],
    'lfi': [('/index.php', 'page', 'home'), ('/view.php', 'file', 'about.html'), ('/download', 'path', 'docs/manual.pdf'),
            ('/include.php', 'inc', 'header.php'), ('/show', 'template', 'default'), ('/img.php', 'src', 'logo.png'),
            ('/help', 'topic', 'intro'), ('/read.php', 'doc', 'terms.txt'), ('/', 'lang', 'en')],
    'rfi': [('/index.php', 'page', 'home'), ('/include.php', 'file', 'menu.php'), ('/main.php', 'module', 'news'),
            ('/template.php', 'tpl', 'blue')],
    'ssti': [('/render', 'template', 'welcome'), ('/hello', 'name', 'guest'), ('/preview', 'body', 'Hi'),
             ('/greet', 'user', 'alice'), ('/email/preview', 'subject', 'Order'), ('/search', 'q', 'shoes'),
             ('/profile/edit', 'bio', 'Hello'), ('/api/v1/notify', 'message', 'Done')],
    'xxe': [('/api/import', 'xml', None), ('/soap/endpoint', 'request', None), ('/xmlrpc', 'payload', None),
            ('/api/v1/parse', 'data', None), ('/feed/validate', 'feed', None), ('/saml/acs', 'SAMLResponse', None)],
    'sqli': [('/product.php', 'id', '17'), ('/item', 'id', '204'), ('/news', 'article', '88'), ('/catalog', 'cat', '3'),
             ('/users', 'uid', '1001'), ('/search', 'q', 'boots'), ('/login', 'user', 'admin'), ('/api/v1/orders', 'sort', 'date'),
             ('/list.php', 'order', 'name'), ('/report', 'year', '2026')],
    'xss': [('/search', 'q', 'shoes'), ('/', 's', 'news'), ('/error', 'message', 'Not+found'), ('/comment', 'text', 'Nice'),
            ('/profile', 'display_name', 'Sam'), ('/login', 'next', '/account'), ('/results', 'term', 'maps'),
            ('/contact', 'subject', 'Hello')],
}
# an ordinary parameter that sometimes comes before or after the payload's
EXTRA = ['page=1', 'page=3', 'lang=en', 'sort=desc', 'v=3', 'limit=50', 'src=nav', 'format=json', 'debug=0']
LFI_PATH_PREFIX = ['/static/', '/files/', '/media/', '/assets/img/']

HEX = set('0123456789abcdefABCDEF')
FORM_SAFE = set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789*-._')
JS_SAFE = set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*\'()')
BROWSER_ENC = set('"<>`{}|^\\')
# encoding styles: form = application/x-www-form-urlencoded as a browser sends a GET form
# (space as +, a newline as %0D%0A); chrome / firefox = a typed or pasted URL (firefox also
# encodes '); js = encodeURIComponent in a script (space as %20); raw = curl or a fuzzer that
# substitutes the line as it is (only what cannot stand in a request line is encoded).
STYLES = [('form', 25), ('chrome', 20), ('firefox', 10), ('js', 15), ('raw', 30)]

def encode(p, style, where):
    """percent-encode payload p for a query value (where='query') or a path (where='path').
    A % followed by two hex digits is left alone: the list's line is already URL-encoded
    there (%2e%2e%2f, %0Aid) and is meant to be sent as it is; in the raw style every % is."""
    if style == 'form':
        p = re.sub(r'\r?\n', '\r\n', p)
    b = p.encode('utf-8', 'surrogateescape')
    out = []
    for i, c in enumerate(b):
        ch = chr(c)
        if c == 0x25:
            if style == 'raw' or (i + 2 < len(b) and chr(b[i + 1]) in HEX and chr(b[i + 2]) in HEX):
                out.append('%')
            else:
                out.append('%25')
        elif c <= 0x20 or c >= 0x7f:
            out.append('+' if c == 0x20 and style == 'form' and where == 'query' else '%%%02X' % c)
        elif ch == '#' or (where == 'query' and ch == '&') or (where == 'path' and ch == '?'):
            out.append('%%%02X' % c)
        elif style == 'form' and where == 'query':
            out.append(ch if ch in FORM_SAFE else '%%%02X' % c)
        elif style == 'js' and where == 'query':
            out.append(ch if ch in JS_SAFE else '%%%02X' % c)
        elif style in ('chrome', 'firefox', 'js'):
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

APPENDABLE = {
    'cmdi': re.compile(r'^(\s*([;|`\n]|&(?![a-z]+;))|\\n|%0a|\$\(|\s*\{\$\{)', re.I),
    'sqli': re.compile(r'^(\s|[\'")]|%\')'),
}

def place(fam, p, r):
    """(target, placement, style, the payload as placed before encoding)"""
    style = weighted(r, STYLES)
    if fam == 'sensitive-file':
        path = '/' + p.lstrip('/')
        out = []
        for c in path.encode('utf-8', 'surrogateescape'):
            out.append('%%%02X' % c if c <= 0x20 or c >= 0x7f or c == 0x23 else chr(c))
        return ''.join(out), 'path', 'raw', path
    if fam == 'lfi' and re.match(r'(/?\.\.|%2e|\.\.)', p, re.I) and r.random() < 0.25:
        style = 'raw' if style in ('form', 'js') else style
        prefix = r.choice(LFI_PATH_PREFIX)
        return prefix + encode(p.lstrip('/'), style, 'path'), 'path', style, prefix + p.lstrip('/')
    path, param, base = r.choice(ENDPOINTS[fam])
    placement = 'query'
    value = p
    if base and fam in APPENDABLE and APPENDABLE[fam].search(p) and r.random() < 0.6:
        value = base + p
        placement = 'query-append'
    q = '%s=%s' % (param, encode(value, style, 'query'))
    x = r.random()
    if x < 0.15:
        q = r.choice(EXTRA) + '&' + q
    elif x < 0.25:
        q = q + '&' + r.choice(EXTRA)
    return path + '?' + q, placement, style, value

STATUS = {   # (status, weight) per family
    'cmdi': [(200, 50), (404, 30), (500, 20)], 'lfi': [(200, 40), (404, 45), (500, 15)],
    'rfi': [(200, 45), (404, 40), (500, 15)], 'ssti': [(200, 55), (500, 30), (404, 15)],
    'xxe': [(200, 35), (500, 40), (404, 25)], 'sqli': [(200, 55), (500, 30), (404, 15)],
    'xss': [(200, 80), (404, 15), (500, 5)], 'sensitive-file': [(404, 78), (403, 12), (200, 10)],
}
PATH_STATUS = [(404, 85), (200, 15)]

ASSET_EXT = ('.css', '.js', '.svg', '.png', '.jpg', '.webp', '.woff2', '.ico', '.avif', '.gif')

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
    if st == 403:
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

def line(ip, t, request, st, sz, ref, ua):
    return '%s - - [%s] "%s" %d %d "%s" "%s"' % (ip, t.strftime('%d/%b/%Y:%H:%M:%S +0000'), esc(request),
                                                st, sz, esc(ref), esc(ua))

# ----------------------------------------------------------------- addresses
# Attack and benign sources alike: IPv4 from the three documentation /24s (192.0.2.0/24,
# 198.51.100.0/24, 203.0.113.0/24), skipping every address another set's log used when this
# set was written (TAKEN_V4_OCTETS, at the end), and IPv6 from the documentation prefix
# 2001:db8::/32 under 2001:db8:1700::/40, which no other set uses.  One pool, no repeats.
DOC4 = [ipaddress.ip_network(n) for n in ('192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24')]
NET6 = ipaddress.ip_network('2001:db8:1700::/40')

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
# its assets (with the page as Referer, some revalidated as 304), then more pages, searches
# or API calls.  Several requests brush against the attack families without being attacks:
# a product called "Union Select Jacket", searches for "script writing" and "/etc/passwd
# format", people called O'Brien / O'Neill (the apostrophe raw or encoded), a blog post about
# .env files, a docs page about the /etc/passwd format, a forum thread about SELECT ... UNION.
# The near-miss searches are taken in list order (the i-th source of a kind takes the i-th).
def qp(s):
    return urllib.parse.quote_plus(s)

def qc(s):
    """encodeURIComponent: leaves A-Z a-z 0-9 - _ . ! ~ * ' ( ) as they are"""
    return urllib.parse.quote(s, safe="-_.!~*'()")

STORE = 'https://store.example.org'
STORE_CATS = ['jackets', 'packs', 'footwear', 'camp-kitchen', 'headwear']
STORE_ITEMS = ['union-select-jacket', 'the-exec-30l-daypack', 'drop-liner-gloves', 'scriptum-field-notebook',
               'ridge-trail-runner', 'alpine-shell-pant', 'titanium-spork', 'merino-crew-sock']
STORE_Q = ['union select jacket', 'script writing notebook', 'drop liner', 'exec daypack']

def store(r, i):
    cat, item = r.choice(STORE_CATS), STORE_ITEMS[i % len(STORE_ITEMS)]
    first = r.choice(['-', 'https://www.google.com/', 'https://duckduckgo.com/', 'https://www.ecosia.org/'])
    out = [('GET', '/', first, 200),
           ('GET', '/assets/store.71c2e9.css', STORE + '/', 200),
           ('GET', '/assets/store.0a4f6d.js', STORE + '/', 200),
           ('GET', '/favicon.ico', STORE + '/', 200)]
    if i % 2 == 0:
        out.append(('GET', '/search?q=' + qp(STORE_Q[i // 2]) + '&page=1', STORE + '/', 200))
    else:
        out.append(('GET', '/shop/' + cat + '?sort=' + r.choice(['price_asc', 'newest', 'rating']), STORE + '/', 200))
    out.append(('GET', '/products/' + item, STORE + '/shop/' + cat, 200))
    out.append(('GET', '/images/products/%s/main-800.webp' % item, STORE + '/products/' + item, 200))
    if i % 4 == 1:
        name = ["Aoife O'Brien", "Liam O'Neill"][i // 4]
        out.append(('GET', '/api/reviews?product=%s&reviewer=%s' % (item, qc(name)), STORE + '/products/' + item, 200))
    if i % 4 == 3:
        out.append(('POST', '/cart/items', STORE + '/products/' + item, 200))
    return out

BLOG = 'https://write.example.net'
BLOG_POSTS = ['2026/11/script-writing-for-beginners', '2026/10/why-.env-files-never-belong-in-git',
              '2026/09/select-your-words-union-of-style-and-voice', '2026/11/drop-the-adverbs',
              '2026/08/a-cat-named-passwd-and-other-unix-jokes', '2026/10/obrien-on-dialogue']
BLOG_Q = ['script writing', '.env files', "o'brien dialogue", 'screenplay template']

def blog(r, i):
    post = BLOG_POSTS[i % len(BLOG_POSTS)]
    url = '/%s/' % post
    ref = r.choice(['https://www.google.com/', 'https://lobste.rs/', '-', 'https://mastodon.social/'])
    out = [('GET', url, ref, 200),
           ('GET', '/static/css/site.4e1b.css', BLOG + url, 200),
           ('GET', '/static/fonts/literata.woff2', BLOG + '/static/css/site.4e1b.css', 200),
           ('GET', '/static/img/%s-cover.jpg' % post.rsplit('/', 1)[-1], BLOG + url, 200)]
    if i % 2:
        out.append(('GET', '/search/?q=' + qp(BLOG_Q[i // 2]), BLOG + url, 200))
    out.append(('GET', '/archive/2026/', BLOG + url, 200))
    other = r.choice([p for p in BLOG_POSTS if p != post])
    out.append(('GET', '/%s/' % other, BLOG + '/archive/2026/', 200))
    return out

DOCS = 'https://docs.example.com'
DOC_PAGES = ['/guide/linux/etc-passwd-format', '/guide/linux/proc-filesystem', '/guide/shell/pipes-and-semicolons',
             '/guide/xml/entities-and-dtds', '/guide/templates/curly-brace-escaping', '/guide/sql/union-and-select',
             '/guide/network/ping-and-traceroute', '/guide/config/dotenv-files']
DOC_Q = ['/etc/passwd format', 'cron syntax', 'semicolon in shell', 'xml entity', 'template escaping',
         'union select', 'ping command', '.env variables']

def docs(r, i):
    p1, p2 = DOC_PAGES[i], r.choice([p for p in DOC_PAGES if p != DOC_PAGES[i]])
    out = [('GET', '/guide/', r.choice(['-', 'https://www.google.com/', 'https://www.bing.com/']), 200),
           ('GET', '/_static/docs.9c3e.css', DOCS + '/guide/', 200),
           ('GET', '/_static/search.9c3e.js', DOCS + '/guide/', 200),
           ('GET', '/search?q=' + qp(DOC_Q[i]) + '&area=guide', DOCS + '/guide/', 200),
           ('GET', p1, DOCS + '/search', 200)]
    if i % 2 == 0:
        out.append(('GET', '/_static/searchindex.json', DOCS + '/search', 200))
    out.append(('GET', p2, DOCS + p1, 200))
    return out

FORUM = 'https://community.example.net'
FORUM_THREADS = ['t/how-to-select-from-two-tables-with-union/4821', 't/script-tag-not-loading-after-update/5530',
                 't/cron-job-runs-cat-command-twice/5102', 't/drop-down-menu-stays-open/4977',
                 't/include-path-error-in-php-8-4/5611', 't/ping-works-but-curl-times-out/5290']
FORUM_USERS = ["conor.obrien", "siobhan_oneill", "d.arcy", "mo_select"]

def forum(r, i):
    th = FORUM_THREADS[i % len(FORUM_THREADS)]
    tid = th.rsplit('/', 1)[-1]
    out = [('GET', '/latest', r.choice(['-', 'https://www.google.com/']), 200),
           ('GET', '/assets/forum-7d1e2a.css', FORUM + '/latest', 200),
           ('GET', '/assets/forum-7d1e2a.js', FORUM + '/latest', 200),
           ('GET', '/' + th, FORUM + '/latest', 200),
           ('GET', '/%s.json?track_visit=true&forceLoad=true' % th, FORUM + '/' + th, 200)]
    if i % 2 == 0:
        out.append(('GET', "/u/%s/summary" % FORUM_USERS[i // 2], FORUM + '/' + th, 200))
    else:
        q = ["O'Brien", 'union select', 'select from two tables', 'script tag'][i // 2]
        out.append(('GET', '/search?q=' + qc(q), FORUM + '/' + th, 200))
    out.append(('GET', '/t/%s/posts.json?post_ids%%5B%%5D=%d' % (tid, r.randint(20000, 29999)), FORUM + '/' + th, 200))
    return out

APP = 'https://mail.example.com'
APP_Q = ["O'Brien", "O'Neill", "D'Angelo", "table reservation", "drop off times", "union meeting", 'select committee',
         'script review']

def webmail(r, i):
    a = APP + '/mail/'
    mid = r.randint(100000, 999999)
    out = [('GET', '/mail/', r.choice(['-', APP + '/login']), 200),
           ('GET', '/mail/static/app.61d0a9.js', a, 200),
           ('GET', '/mail/static/app.1f7c44.css', a, 200),
           ('GET', '/api/v1/folders', a, 200),
           ('GET', '/api/v1/messages?folder=inbox&limit=50', a, 200),
           ('GET', '/api/v1/search?q=%s&folder=all' % qc(APP_Q[i]), a + 'search', 200)]
    extra = [('GET', '/api/v1/messages/%d' % mid, a + 'inbox/%d' % mid, 200),
             ('PUT', '/api/v1/messages/%d/flags' % mid, a + 'inbox/%d' % mid, 200),
             ('GET', '/api/v1/contacts?q=%s' % qp(APP_Q[i].split()[0]), a + 'compose', 200)]
    out += r.sample(extra, 1 + i % 2)
    return out

BENIGN_KINDS = [('shop-browse', store, 8), ('blog-reader', blog, 8), ('docs-search', docs, 8),
                ('forum-reader', forum, 8), ('webmail-json-api', webmail, 8)]

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
    cats = {}
    for kind in ('attacks', 'benign'):
        with open(os.path.join(OUT, kind + '.log'), encoding='ascii') as f:
            rows = f.read().split('\n')
        if rows[-1] != '':
            bad('%s.log does not end with a newline' % kind)
        prev = None
        seen = collections.Counter()
        status = {}
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
            if kind == 'attacks' and not UA_DESKTOP.match(m.group(7)):
                bad('attacks.log:%d User-Agent is not a desktop browser' % n)
            seen[ip] += 1
            status[ip] = m.group(4)
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
                    if parts[2] not in QUOTA:
                        bad('attacks.labels: unknown category %r' % parts[2])
        if set(labels) != set(seen) or any(v != 1 for v in labels.values()):
            bad('%s.labels do not cover the addresses of %s.log exactly once' % (kind, kind))
        if kind == 'attacks':
            if any(v != 1 for v in seen.values()):
                bad('an attacking source sends more than one request')
            for ip, st in status.items():
                allowed = ('200', '403', '404') if cats.get(ip) == 'sensitive-file' else ('200', '404', '500')
                if st not in allowed:
                    bad('attacks.log: %s (%s) has status %s' % (ip, cats.get(ip), st))
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
    with open(os.path.join(OUT, 'requests.tsv'), encoding='ascii') as f:
        rows = f.read().split('\n')[1:-1]
    if sorted(x.split('\t')[0] for x in rows) != sorted(addrs['attacks']):
        bad('requests.tsv does not have one row per attacking address')
    print('check: categories %s' % ', '.join('%s %d' % (c, n) for c, n in
                                             sorted(collections.Counter(cats.values()).items())))
    return ok

UA_DESKTOP = re.compile(r'^Mozilla/5\.0 \((Windows NT 10\.0; Win64; x64|Macintosh; Intel Mac OS X [\d_.]+|X11; Linux x86_64)')

# ----------------------------------------------------------------- write
def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if '--check-only' in sys.argv:
        sys.exit(0 if check() else 1)
    if len(args) != 1:
        sys.exit('usage: gen.py MIRROR_ROOT [--check|--pools|--list|--print-sha]  or  gen.py --check-only')
    root = args[0]
    cand, shas = candidates(root, check_sha='--print-sha' not in sys.argv)
    if '--print-sha' in sys.argv:
        for k, v in shas.items():
            print("    '%s': '%s'," % (k, v))
        return
    if '--pools' in sys.argv:
        for fam in QUOTA:
            print(fam, sum(len(v) for v in cand[fam].values()),
                  ' '.join('%s=%d' % (q.rsplit('/', 1)[-1], len(v)) for q, v in cand[fam].items()))
        return
    picked = sample(cand)
    if '--list' in sys.argv:
        for fam, got in picked.items():
            for repo, path, a, b, listed, p, tech in got:
                print('%s\t%s\t%s:%s#L%d\t%s' % (fam, tech, SHORT[repo], path, a, esc(p)))
        return

    r = random.Random(SEED)
    taken = other_sets_addresses()
    v4 = free_v4(TAKEN_V4)
    r.shuffle(v4)
    used = set()

    def pick_ip():
        if v4 and r.random() < 0.45:
            ip = v4.pop()
            used.add(ip)
            return ip
        return pick_v6(r, used)

    items = [(fam,) + it for fam, got in picked.items() for it in got]
    r.shuffle(items)
    times = sorted(r.sample(range(3 * 60, 86400 - 3 * 60), len(items)))
    lines, labels, rows = [], [], []
    for k, (fam, repo, path, first, last, listed, p, tech) in enumerate(items):
        ip = pick_ip()
        target, placement, style, sent = place(fam, p, r)
        st = weighted(r, PATH_STATUS if placement == 'path' and fam != 'sensitive-file' else STATUS[fam])
        ua = UA[r.choice(DESKTOP)]
        t = DAY + datetime.timedelta(seconds=times[k])
        request = 'GET %s HTTP/1.1' % target
        nbytes = size(r, st, target)
        if repo in LEFT_OUT:
            continue  # drawn (so the others are as measured), not written
        lines.append(line(ip, t, request, st, nbytes, '-', ua))
        labels.append((ip, '%s\tattack\t%s\t%s' % (ip, fam, tech)))
        commit = REPOS[repo][0]
        span = 'L%d' % first if first == last else 'L%d-L%d' % (first, last)
        rows.append((ip, '\t'.join([ip, fam, tech, repo, commit, path, span, placement, style, esc(listed),
                                    esc(sent) if sent != listed else '=', esc(request),
                                    'https://github.com/%s/blob/%s/%s#%s' % (repo, commit, urllib.parse.quote(path), span)])))

    blines, blabels = [], []
    for kind, fn, count in BENIGN_KINDS:
        for i in range(count):
            ip = pick_ip()
            ua = UA[r.choice(ANY_BROWSER)]
            tt = DAY + datetime.timedelta(seconds=r.randint(15 * 60, 23 * 3600))
            reqs = fn(r, i)
            assert 5 <= len(reqs) <= 10, (kind, len(reqs))
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
        'requests.tsv': ['ADDRESS\tCATEGORY\tTECHNIQUE\tREPOSITORY\tCOMMIT\tFILE\tLINES\tPLACEMENT\tENCODING'
                         '\tPAYLOAD_AS_LISTED\tPAYLOAD_AS_SENT\tREQUEST_LINE\tPUBLIC_SOURCE'] + srt(rows),
        'benign.log': [l for _, l in blines],
        'benign.labels': srt(blabels),
    }
    for name, out in files.items():
        with open(os.path.join(OUT, name), 'w', encoding='ascii', newline='\n') as f:
            f.write(''.join(x + '\n' for x in out))
    cnt = collections.Counter(it[0] for it in items if it[1] not in LEFT_OUT)
    print('wrote %d attacking sources (%s), %d benign sources, %d benign lines'
          % (len(lines), ', '.join('%s %d' % (f, cnt[f]) for f in QUOTA), len(blabels), len(blines)))
    if '--check' in sys.argv:
        sys.exit(0 if check(taken) else 1)

# IPv4 documentation addresses used by the other sets' logs when this set was written
# (thirdparty16 and earlier); none of them is used here.  --check compares with the logs as
# they are then.
TAKEN_V4_OCTETS = {
    '192.0.2': '''1 2 4 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36
        37 38 39 40 41 42 43 44 47 49 50 51 52 53 55 56 58 59 60 61 62 63 64 65 68 69 71 72 73 74 75 76
        77 78 79 80 81 82 83 84 85 86 88 89 90 91 92 93 94 95 96 97 98 99 100 101 102 104 105 107 109
        110 111 113 114 115 116 117 118 119 120 121 123 124 126 129 130 131 132 133 134 135 136 137 139
        140 141 143 145 146 147 148 149 151 154 156 157 158 160 161 163 164 165 167 168 170 172 174 175
        176 178 179 180 181 182 183 184 186 187 189 191 196 197 198 199 200 201 202 203 204 208 209 212
        213 214 216 217 218 219 220 221 222 223 225 226 227 229 231 232 233 234 235 238 239 240 241 242
        243 246 247 248 249 250 251 252 253 254''',
    '198.51.100': '''2 3 5 6 7 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 37 38
        40 41 42 43 44 47 48 49 50 51 52 53 54 56 57 58 59 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76
        77 78 79 80 81 83 85 87 88 89 90 91 93 94 95 97 100 101 104 105 106 108 109 110 111 112 113 115
        116 117 118 120 121 122 124 125 126 128 129 130 131 132 133 134 135 136 137 138 139 140 142 143
        144 145 147 148 150 152 153 154 155 157 158 159 160 162 163 164 165 167 169 170 171 172 174 175
        176 177 178 180 181 182 183 184 185 187 188 189 190 191 192 194 195 196 197 198 199 200 202 203
        204 205 206 207 208 209 210 211 212 214 215 217 218 219 220 221 222 223 224 225 226 229 231 232
        234 235 236 238 239 240 242 243 245 246 247 249 251 252''',
    '203.0.113': '''2 3 4 6 7 8 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37
        38 39 40 41 42 44 46 47 48 49 50 52 53 54 55 56 57 59 60 61 62 64 65 66 67 68 69 70 71 72 73 74
        75 76 77 78 80 82 83 84 85 86 87 89 90 93 94 95 96 97 99 102 103 106 107 108 109 110 111 112
        113 114 115 116 117 118 119 120 121 122 124 125 126 129 130 132 133 134 135 136 137 138 139 140
        141 143 146 148 151 152 153 154 155 156 157 159 161 162 163 166 167 168 169 170 171 172 173 174
        176 177 179 180 181 182 183 184 185 186 187 188 189 191 192 194 195 196 198 199 200 201 202 203
        206 210 211 212 213 215 216 217 218 221 222 223 224 225 226 227 228 229 230 231 233 234 236 237
        240 241 242 246 247 248 249 250 252''',
}
TAKEN_V4 = {'%s.%s' % (net, o) for net, octs in TAKEN_V4_OCTETS.items() for o in octs.split()}

if __name__ == '__main__':
    main()
