#!/usr/bin/env python3
"""benign-apps6: people legitimately USING the products that CVE exploits target.

A held-out false-positive set.  Writes, next to this file:
  benign.log      nginx "combined" lines, 28 Jan 2026 (UTC), sorted by time
  benign.labels   ADDRESS<TAB>benign<TAB>KIND, one line per source, in order of first request
  attacks.log, attacks.labels   empty (so tests/bench/recall.sh runs on the folder)
  README.md       what the set is, with the counts of this run

Every source is a person (a browser) or the product's own legitimate client
(Outlook, iOS Mail, FortiClient/openfortivpn, GlobalProtect, AnyConnect,
NetExtender, Citrix Workspace app, Nextcloud desktop, git, GitLab runner,
Jenkins CLI, pyvmomi, Filebeat, Alloy, Prometheus, kube-probe, WordPress and
Moodle mobile apps, admins' scripts) doing ordinary daily work in Exchange,
SharePoint, VPN portals, Atlassian tools, CI servers, monitoring consoles,
file-transfer servers, webmail, hosting panels, CMS admin areas, ERP and ITSM
portals, router UIs and local AI tools.

Python 3 standard library only.  Fixed seed, no set iteration, no hash():
every run writes the same bytes.
"""
import base64
import datetime
import ipaddress
import os
import random
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20260128
R = random.Random(SEED)
DAY0 = datetime.datetime(2026, 1, 28, 0, 0, 0, tzinfo=datetime.timezone.utc)
EPOCH0 = int(DAY0.timestamp())
NET = "100.78.0.0/18"
MIN_REQ, MAX_REQ = 8, 30


class _Auto:
    pass


AUTO = _Auto()

# ------------------------------------------------------------------ helpers
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_SAFE_Q = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()")


def euri(s):
    """encodeURIComponent."""
    return "".join(chr(b) if b in _SAFE_Q else "%%%02X" % b for b in s.encode())


def form(s):
    """application/x-www-form-urlencoded (space as +)."""
    out = []
    for b in s.encode():
        if b == 0x20:
            out.append("+")
        elif b in b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-._":
            out.append(chr(b))
        else:
            out.append("%%%02X" % b)
    return "".join(out)


def pct20(s):
    """encodeURIComponent but with ( ) ' also escaped (Java URLEncoder-ish, %20 for space)."""
    return euri(s).replace("(", "%28").replace(")", "%29").replace("'", "%27").replace("!", "%21").replace("*", "%2A")


def hexs(n, upper=False):
    h = "".join(R.choice("0123456789abcdef") for _ in range(n))
    return h.upper() if upper else h


def alnum(n):
    return "".join(R.choice(_ALNUM) for _ in range(n))


def lalnum(n):
    return "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))


def b64(nbytes, url=False, pad=True):
    raw = bytes(R.randrange(256) for _ in range(nbytes))
    s = base64.urlsafe_b64encode(raw).decode() if url else base64.b64encode(raw).decode()
    return s if pad else s.rstrip("=")


def guid(upper=False):
    g = "%s-%s-%s-%s-%s" % (hexs(8), hexs(4), "4" + hexs(3), R.choice("89ab") + hexs(3), hexs(12))
    return g.upper() if upper else g


def pick(seq):
    return seq[R.randrange(len(seq))]


def chance(p):
    return R.random() < p


def elf_hash(vol, path):
    """elFinder target hash: volume id + base64 of the path, '+/=' -> '-_.', trailing dots cut."""
    if path == "":
        return vol + "Lw"
    e = base64.b64encode(path.encode()).decode()
    e = e.replace("+", "-").replace("/", "_").replace("=", ".").rstrip(".")
    return vol + e


def default_size(path, status, method):
    if status in (304, 204, 101):
        return 0
    if status in (301, 302, 303, 307):
        return R.randint(0, 420)
    if status == 401:
        return R.randint(58, 1290)
    if status in (403, 404):
        return R.randint(150, 4200)
    p = path.split("?", 1)[0].lower()
    if p.endswith(".js") or ".js?" in path.lower() or "/js/" in p:
        return R.randint(8000, 420000)
    if p.endswith(".css") or "/css" in p:
        return R.randint(3000, 160000)
    if p.endswith((".png", ".gif", ".svg", ".ico", ".jpg", ".webp")):
        return R.randint(300, 48000)
    if p.endswith((".woff", ".woff2", ".ttf")):
        return R.randint(18000, 96000)
    if method in ("POST", "PUT", "PATCH", "DELETE", "PROPFIND"):
        return R.randint(40, 9000)
    return R.randint(1200, 64000)


# ------------------------------------------------------------------ user agents
UA = {
    "chrome_win": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
    "chrome143_win": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36",
    "edge_win": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36 Edg/144.0.0.0",
    "firefox_win": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:147.0) Gecko/20100101 Firefox/147.0",
    "firefox_esr_linux": "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0",
    "firefox_linux": "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:147.0) Gecko/20100101 Firefox/147.0",
    "chrome_mac": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
    "safari_mac": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Safari/605.1.15",
    "chrome_linux": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Safari/537.36",
    "safari_iphone": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.2 Mobile/15E148 Safari/604.1",
    "chrome_android": "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/144.0.0.0 Mobile Safari/537.36",
}
DESKTOP = ["chrome_win", "chrome_win", "edge_win", "edge_win", "firefox_win", "chrome_mac", "safari_mac",
           "chrome_linux", "firefox_linux", "chrome143_win", "firefox_esr_linux"]
OFFICE = ["edge_win", "edge_win", "chrome_win", "chrome_win", "chrome143_win", "firefox_win", "chrome_mac", "safari_mac"]
ADMIN = ["chrome_win", "edge_win", "firefox_win", "chrome_linux", "firefox_linux", "firefox_esr_linux", "chrome_mac"]


def browser(pool=DESKTOP):
    return UA[pick(pool)]


# ------------------------------------------------------------------ sessions
class Src:
    """One source address: a person's browser, or one legitimate client."""

    def __init__(self, kind, ua, host, scheme="https", port=None):
        self.kind = kind
        self.ua = ua
        self.host = host
        self.base = "%s://%s%s" % (scheme, host, (":%d" % port) if port else "")
        self.t = 0.0
        self.page = None
        self.ev = []
        self.cache = {}

    def url(self, path):
        return self.base + path

    # one request; gap is seconds since the previous one
    def req(self, method, path, status=200, size=None, ref=AUTO, gap=None, ua=None):
        self.t += R.uniform(0.05, 0.9) if gap is None else gap
        if ref is AUTO:
            ref = self.page
        if ref is None:
            ref = "-"
        if size is None:
            size = default_size(path, status, method)
        self.ev.append([self.t, method, path, status, size, ref, ua or self.ua])

    def think(self, lo=4, hi=45):
        self.t += R.uniform(lo, hi)

    def nav(self, path, status=200, assets=(), ref=AUTO, think=(3, 40), size=None, method="GET", setpage=True):
        """A top-level page load: the document, then its stylesheets, scripts and images."""
        self.think(*think)
        if size is None and method == "POST" and status == 200:
            size = R.randint(3000, 60000)
        self.req(method, path, status, size, ref, gap=0)
        if status == 200 and setpage:
            self.page = self.url(path)
        if status == 200:
            self.assets(assets)

    def assets(self, assets):
        for a in assets:
            seen = self.cache.get(a)
            if seen is None:
                self.cache[a] = 1
                self.req("GET", a, 200, gap=R.uniform(0.03, 0.5))
            elif chance(0.12):
                self.req("GET", a, 304, gap=R.uniform(0.03, 0.5))

    def xhr(self, path, method="GET", status=200, size=None, gap=None):
        self.req(method, path, status, size, AUTO, gap=R.uniform(0.1, 2.5) if gap is None else gap)

    def ms(self):
        return (EPOCH0 + int(OFFSET[0] + self.t)) * 1000 + R.randint(0, 999)

    def epoch(self):
        return EPOCH0 + int(OFFSET[0] + self.t)


OFFSET = [0.0]   # start time of the source being built (seconds after midnight), for timestamps in URLs
KINDS = []       # (group, kind, count, function)


def kind(group, name, count):
    def deco(fn):
        KINDS.append((group, name, count, fn))
        return fn
    return deco


def start_time(office=True):
    """Seconds after midnight UTC at which a person starts."""
    if office:
        h = R.choice([6.6, 7, 7.5, 8, 8, 8.5, 9, 9, 9.5, 10, 11, 12, 13, 13.5, 14, 15, 16, 17])
    else:
        h = R.choice([6.7, 8, 10, 12, 14, 16, 17.5, 18.5, 19, 19.5, 20])
    return h * 3600 + R.uniform(0, 3500)


# ================================================================== Microsoft Exchange
EX_HOSTS = [("mail.brightwater-eng.com", "brightwater-eng.com"), ("owa.kestrelhealth.org", "kestrelhealth.org"),
            ("webmail.lindqvist-group.se", "lindqvist-group.se")]
EX_BUILD = "15.2.1748"
EX_PREM = "15.2.1748.36"
FIRST = ["anna", "ben", "carla", "dmitri", "elif", "farid", "greta", "hiro", "ines", "jonas", "kemi", "lars",
         "maya", "nils", "olga", "pablo", "quinn", "rosa", "sami", "tomas", "ulla", "vera", "wei", "yusuf", "zoe"]
LAST = ["berg", "costa", "dahl", "evans", "fischer", "garcia", "holm", "ito", "jensen", "kowalski", "larsen",
        "moreau", "nakamura", "okafor", "petrov", "quist", "rossi", "sato", "tanaka", "urban", "vogel", "weber"]


def person():
    return pick(FIRST), pick(LAST)


def canary():
    return alnum(22) + "-" + alnum(10) + "_" + lalnum(8) + "." + alnum(20)


def ex_itemid():
    return "AAMkAD" + b64(100).replace("/", "%2F").replace("+", "%2B").replace("=", "%3D")


def owa_login(s, email):
    s.nav("/owa/", 302, ref=None, think=(0, 1))
    lg = "/owa/auth/logon.aspx?replaceCurrent=1&url=https%3a%2f%2f" + s.host + "%2fowa%2f"
    s.nav(lg, 200, ref=None, think=(0.1, 0.4), assets=[
        "/owa/auth/%s/themes/resources/logon.css" % EX_BUILD, "/owa/auth/%s/scripts/premium/flogon.js" % EX_BUILD,
        "/owa/auth/%s/themes/resources/owa_text_blue.png" % EX_BUILD, "/owa/auth/%s/themes/resources/favicon.ico" % EX_BUILD])
    s.nav("/owa/auth.owa", 302, method="POST", think=(6, 20), setpage=False)
    s.nav("/owa/", 200, think=(0.1, 0.5), ref=s.url(lg), assets=[
        "/owa/prem/%s/resources/styles/0/boot.worldwide.mouse.css" % EX_PREM,
        "/owa/prem/%s/scripts/boot.worldwide.0.mouse.js" % EX_PREM,
        "/owa/prem/%s/scripts/boot.worldwide.1.mouse.js" % EX_PREM])
    s.xhr("/owa/sessiondata.ashx?appcache=true", "POST")


@kind("Microsoft Exchange", "exchange-owa-user reads and answers mail in OWA", 14)
def k_owa(s):
    host, dom = pick(EX_HOSTS)
    s.__init__(s.kind, browser(OFFICE), host)
    f, l = person()
    email = "%s.%s@%s" % (f, l, dom)
    owa_login(s, email)
    can = canary()
    cid = guid()
    s.xhr("/owa/service.svc?action=GetOwaUserConfiguration&EP=1&ID=-1&AC=1", "POST")
    s.xhr("/owa/service.svc?action=FindItem&EP=1&ID=-2&AC=1", "POST")
    s.xhr("/owa/service.svc/s/GetPersonaPhoto?email=%s&UA=0&size=HR64x64&sc=%d" % (euri(email), s.ms()))
    s.xhr("/owa/ev.owa2?ns=PendingRequest&ev=PendingNotificationRequest&UA=0&cid=%s&X-OWA-CANARY=%s" % (cid, can), "POST")
    n = 3
    for i in range(R.randint(2, 5)):
        s.think(8, 90)
        s.xhr("/owa/service.svc?action=GetItem&EP=1&ID=-%d&AC=1" % (n + i), "POST", gap=0)
        if chance(0.35):
            s.xhr("/owa/service.svc/s/GetFileAttachment?id=%s&X-OWA-CANARY=%s" % (ex_itemid(), can))
        if chance(0.3):
            s.xhr("/owa/service.svc/s/GetPersonaPhoto?email=%s&UA=0&size=HR64x64&sc=%d" % (
                euri("%s.%s@%s" % (pick(FIRST), pick(LAST), dom)), s.ms()))
        if chance(0.4):
            s.think(20, 120)
            s.xhr("/owa/service.svc?action=CreateItem&EP=1&ID=-%d&AC=1" % (n + i + 20), "POST", gap=0)
    s.xhr("/owa/ev.owa2?ns=PendingRequest&ev=PendingNotificationRequest&UA=0&cid=%s&X-OWA-CANARY=%s" % (cid, can), "POST")
    if chance(0.5):
        s.nav("/owa/logoff.owa", 302, setpage=False)
        s.nav("/owa/auth/logoff.aspx?Cmd=logoff&src=exch", 200, think=(0.1, 0.3),
              assets=["/owa/auth/%s/themes/resources/logon.css" % EX_BUILD])


@kind("Microsoft Exchange", "exchange-ecp-user changes settings or an admin edits mailboxes in the EAC", 5)
def k_ecp(s):
    host, dom = pick(EX_HOSTS)
    s.__init__(s.kind, browser(ADMIN), host)
    s.nav("/ecp/", 302, ref=None, think=(0, 1))
    lg = "/owa/auth/logon.aspx?replaceCurrent=1&url=https%3a%2f%2f" + s.host + "%2fecp%2f"
    s.nav(lg, 200, ref=None, think=(0.1, 0.4), assets=["/owa/auth/%s/themes/resources/logon.css" % EX_BUILD,
                                                      "/owa/auth/%s/scripts/premium/flogon.js" % EX_BUILD])
    s.nav("/owa/auth.owa", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/ecp/", 200, ref=s.url(lg), think=(0.1, 0.5), assets=[
        "/ecp/%s/themes/default/ecpcommon.css" % EX_PREM, "/ecp/%s/scripts/microsoftajax.js" % EX_PREM,
        "/ecp/%s/scripts/common.js" % EX_PREM])
    can = alnum(43) + "."
    s.xhr("/ecp/DDI/DDIService.svc/GetList?schema=MailboxService&msExchEcpCanary=%s" % can, "POST")
    mb = guid()
    s.nav("/ecp/UsersGroups/EditMailbox.aspx?pwmcid=4&ReturnObjectType=1&id=%s" % mb, think=(6, 30),
          assets=["/ecp/%s/themes/default/ecpcommon.css" % EX_PREM])
    s.xhr("/ecp/DDI/DDIService.svc/GetObject?schema=MailboxPropertiesService&msExchEcpCanary=%s" % can, "POST")
    s.think(20, 60)
    s.xhr("/ecp/DDI/DDIService.svc/SetObject?schema=MailboxPropertiesService&msExchEcpCanary=%s" % can, "POST", gap=0)
    s.nav("/ecp/PersonalSettings/HomePage.aspx?showhelp=false&", think=(8, 30))
    s.xhr("/ecp/DDI/DDIService.svc/GetList?schema=MessageTrace&msExchEcpCanary=%s" % can, "POST")
    s.xhr("/ecp/DDI/DDIService.svc/GetList?schema=OrganizationRelationships&msExchEcpCanary=%s" % can, "POST")


OUTLOOK_UA = ["Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.19127; Pro)",
              "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18925; Pro)",
              "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.10417; Pro)"]


@kind("Microsoft Exchange", "exchange-outlook-desktop Outlook for Windows: Autodiscover, MAPI over HTTP, EWS, OAB", 10)
def k_outlook(s):
    host, dom = pick(EX_HOSTS)
    s.__init__(s.kind, pick(OUTLOOK_UA), host)
    f, l = person()
    email = "%s.%s@%s" % (f, l, dom)
    mbx = guid()
    s.req("GET", "/autodiscover/autodiscover.json/v1.0/%s?Protocol=AutodiscoverV1&RedirectCount=1" % email, 200, ref=None, gap=0)
    s.req("POST", "/autodiscover/autodiscover.xml", 401, ref=None)
    s.req("POST", "/autodiscover/autodiscover.xml", 200, R.randint(4200, 6800), ref=None)
    s.req("POST", "/mapi/emsmdb/?MailboxId=%s@%s" % (mbx, dom), 401, ref=None)
    for _ in range(R.randint(3, 6)):
        s.req("POST", "/mapi/emsmdb/?MailboxId=%s@%s" % (mbx, dom), 200, R.randint(300, 60000), ref=None)
    s.req("POST", "/mapi/nspi/?MailboxId=%s@%s" % (mbx, dom), 200, R.randint(300, 9000), ref=None)
    s.req("POST", "/EWS/Exchange.asmx", 200, R.randint(900, 7000), ref=None)
    oab = guid()
    s.req("GET", "/OAB/%s/oab.xml" % oab, 200, R.randint(900, 1400), ref=None)
    if chance(0.4):
        s.req("GET", "/OAB/%s/%s-data-1.lzx" % (oab, guid()), 200, R.randint(40000, 900000), ref=None)
    for _ in range(R.randint(3, 8)):
        s.t += R.uniform(60, 900)
        s.req("POST", "/mapi/emsmdb/?MailboxId=%s@%s" % (mbx, dom), 200, R.randint(300, 30000), ref=None, gap=0)
        if chance(0.3):
            s.req("POST", "/EWS/Exchange.asmx", 200, R.randint(900, 7000), ref=None)


def eas_b64_query(cmd_code, device_id, device_type, params=b"", policy=None):
    """MS-ASHTTP base64-encoded query value (protocol 14.1)."""
    out = bytes([141, cmd_code]) + struct.pack("<H", 0x0409)
    out += bytes([len(device_id)]) + device_id.encode()
    if policy is None:
        out += b"\x00"
    else:
        out += b"\x04" + struct.pack("<I", policy)
    out += bytes([len(device_type)]) + device_type.encode() + params
    return base64.b64encode(out).decode()


@kind("Microsoft Exchange", "exchange-activesync-phone iOS Mail, Samsung Email or Gmail syncing over Exchange ActiveSync", 12)
def k_eas(s):
    host, dom = pick(EX_HOSTS)
    f, l = person()
    user = "%s.%s%%40%s" % (f, l, dom)
    v = R.randrange(3)
    if v == 0:
        ua = pick(["Apple-iPhone16C2/2301.341", "Apple-iPhone15C3/2301.341", "Apple-iPhone17C1/2302.110"])
        dtype, did = "iPhone", "Appl" + alnum(11).upper()
    elif v == 1:
        ua = pick(["Android-SAMSUNG-SM-S928B/101.5", "Android-SAMSUNG-SM-A556B/101.5"])
        dtype, did = "SAMSUNGSMS928B", "SEC" + hexs(13, True)
    else:
        ua = "Android-Mail/2025.12.07.843592191.Release"
        dtype, did = "Android", "androidc" + str(R.randint(10 ** 9, 10 ** 10 - 1))
    s.__init__(s.kind, ua, host)
    s.req("POST", "/autodiscover/autodiscover.xml", 200, R.randint(700, 1200), ref=None, gap=0)
    s.req("OPTIONS", "/Microsoft-Server-ActiveSync", 200, 0, ref=None)
    b64q = v == 1 and chance(0.7)
    policy = R.randint(10 ** 8, 4 * 10 ** 9)

    def cmd(name, code, extra="", size=None):
        if b64q:
            q = eas_b64_query(code, did, dtype, policy=policy)
            s.req("POST", "/Microsoft-Server-ActiveSync?" + q, 200, size or R.randint(13, 9000), ref=None)
        else:
            s.req("POST", "/Microsoft-Server-ActiveSync?Cmd=%s&User=%s&DeviceId=%s&DeviceType=%s%s" % (
                name, user, did, dtype, extra), 200, size or R.randint(13, 9000), ref=None)
    cmd("FolderSync", 9)
    cmd("Sync", 0)
    cmd("Sync", 0)
    cmd("GetItemEstimate", 14)
    for _ in range(R.randint(4, 12)):
        s.t += R.uniform(240, 1500)
        cmd("Ping", 18, size=R.randint(8, 40))
        if chance(0.6):
            cmd("Sync", 0)
        if chance(0.15):
            cmd("ItemOperations", 19, size=R.randint(20000, 400000))
        if chance(0.1):
            cmd("SendMail", 1, "&SaveInSent=T", size=0)


# ================================================================== SharePoint
SP_HOSTS = ["intranet.brightwater-eng.com", "sharepoint.kestrelhealth.org", "teams.halvorsen-logistics.no"]
SP_SITES = ["finance", "hr", "engineering", "projects/harbour-crane", "it"]
SP_DOCS = ["Q3 Budget.xlsx", "Onboarding checklist.docx", "Crane inspection 2025.pdf", "Shift rota January.xlsx",
           "Board minutes 2026-01.docx", "Network diagram.vsdx"]


@kind("Microsoft SharePoint", "sharepoint-user browses document libraries, opens and downloads files, edits a list", 10)
def k_sharepoint(s):
    s.__init__(s.kind, browser(OFFICE), pick(SP_HOSTS))
    site = "/sites/" + pick(SP_SITES)
    rev = lalnum(8)
    common = ["/_layouts/15/1033/styles/Themable/corev15.css?rev=%s" % b64(16, url=True, pad=False),
              "/_layouts/15/init.js?rev=%s%%3D%%3DTAG0" % b64(16, url=True, pad=False),
              "/_layouts/15/sp.core.js?rev=%s" % rev, "/_layouts/15/images/siteicon.png?rev=47"]
    s.nav(site + "/", 401, ref=None, think=(0, 1))
    s.nav(site + "/", 302, ref=None, think=(0.05, 0.2), setpage=False)
    s.nav(site + "/SitePages/Home.aspx", 200, ref=None, think=(0.05, 0.2), assets=common)
    f, l = person()
    s.xhr("/_layouts/15/userphoto.aspx?size=S&accountname=%s" % euri("%s.%s@%s" % (f, l, s.host.split(".", 1)[1])))
    lib = site + "/Shared%20Documents"
    s.nav(lib + "/Forms/AllItems.aspx", assets=common)
    folder = pick(["Budgets", "Policies", "Reports%202025", "Templates"])
    s.nav(lib + "/Forms/AllItems.aspx?RootFolder=%s&FolderCTID=0x012000%s&View=%%7B%s%%7D" % (
        euri(site + "/Shared Documents/") + folder, hexs(32, True), guid(True)), assets=common)
    s.xhr(site + "/_api/contextinfo", "POST")
    s.xhr(site + "/_api/web/lists/getbytitle('Documents')/items?$select=Title,FileLeafRef,Modified,Editor/Title&$expand=Editor&$top=100")
    doc = pick(SP_DOCS)
    if doc.endswith((".xlsx", ".docx")):
        s.nav("/_layouts/15/WopiFrame.aspx?sourcedoc=%%7B%s%%7D&file=%s&action=default" % (guid(True), euri(doc)),
              assets=["/_layouts/15/1033/styles/Themable/corev15.css?rev=%s" % rev])
    s.nav(site + "/_layouts/15/download.aspx?SourceUrl=%s" % euri(site + "/Shared Documents/" + doc), think=(5, 30), setpage=False,
          size=R.randint(30000, 2400000))
    s.nav(site + "/Lists/Tasks/AllItems.aspx", assets=common)
    lid = guid(True)
    s.nav("%s/_layouts/15/listform.aspx?PageType=6&ListId=%%7B%s%%7D&ID=%d&ContentTypeID=0x0108%s" % (
        site, lid, R.randint(3, 240), hexs(32, True)), assets=common)
    s.xhr(site + "/_vti_bin/client.svc/ProcessQuery", "POST")
    if chance(0.4):
        s.nav("/_layouts/15/osssearchresults.aspx?u=%s&k=%s" % (euri(s.url(site)), euri(pick(["budget 2026", "crane", "rota", "vpn"]))),
              assets=common)
    if chance(0.4):
        s.nav(site + "/_layouts/15/viewlsts.aspx?view=14", assets=common)
    if chance(0.3):
        s.nav(site + "/_layouts/15/SignOut.aspx", assets=[])


# ================================================================== Citrix NetScaler Gateway / StoreFront
CTX_HOSTS = ["remote.brightwater-eng.com", "apps.kestrelhealth.org", "citrix.vandermeer-law.nl"]
CTX_APPS = ["Microsoft Excel", "SAP Logon", "Epic Hyperspace", "Windows 11 Desktop", "AutoCAD 2025", "Sage 200"]


def ctx_resid(app):
    return base64.b64encode(("Farm1." + app).encode()).decode().replace("=", "")


@kind("Citrix NetScaler Gateway", "citrix-gateway-browser signs in on the gateway, opens StoreFront and launches an app", 8)
def k_citrix_web(s):
    s.__init__(s.kind, browser(OFFICE), pick(CTX_HOSTS))
    s.nav("/", 302, ref=None, think=(0, 1), setpage=False)
    s.nav("/logon/LogonPoint/tmindex.html", 200, ref=None, think=(0.05, 0.2), assets=[
        "/logon/LogonPoint/init.js", "/logon/themes/Default/css/base.css", "/logon/themes/Default/css/theme.css",
        "/logon/LogonPoint/receiver/js/ctxs.core.min.js", "/logon/LogonPoint/receiver/js/localization/en/ctxs.strings.js",
        "/logon/themes/Default/custom_media/logo.png"])
    s.xhr("/nf/auth/getAuthenticationRequirements.do", "POST")
    s.think(8, 25)
    s.xhr("/nf/auth/doAuthentication.do", "POST", gap=0)
    if chance(0.5):
        s.think(10, 30)
        s.xhr("/nf/auth/doAuthentication.do", "POST", gap=0)
    s.nav("/cgi/setclient?wica", 302, think=(0.2, 1), setpage=False)
    s.nav("/Citrix/StoreWeb/", 200, think=(0.2, 1), assets=[
        "/Citrix/StoreWeb/receiver.html?IsUsingHttps=Yes",
        "/Citrix/StoreWeb/receiver/js/ctxs.core.min.js", "/Citrix/StoreWeb/receiver/css/ctxs.large-ui.min.css",
        "/Citrix/StoreWeb/custom/style.css"])
    s.xhr("/Citrix/StoreWeb/Home/Configuration", "POST")
    s.xhr("/Citrix/StoreWeb/Authentication/GetAuthMethods", "POST")
    s.xhr("/Citrix/StoreWeb/GatewayAuth/Login", "POST")
    s.xhr("/Citrix/StoreWeb/Resources/List", "POST")
    apps = R.sample(CTX_APPS, 3)
    for a in apps:
        s.xhr("/Citrix/StoreWeb/Resources/Image/%s?size=128" % ctx_resid(a), gap=0.05)
    s.think(5, 40)
    rid = ctx_resid(apps[0])
    s.xhr("/Citrix/StoreWeb/Resources/GetLaunchStatus/%s" % rid, "POST", gap=0)
    s.xhr("/Citrix/StoreWeb/Resources/LaunchIca/%s.ica?CsrfToken=%s&IsUsingHttps=Yes&displayNameDesktopTitle=%s" % (
        rid, guid(), euri(apps[0])), size=R.randint(2400, 3600))
    if chance(0.4):
        s.think(600, 3000)
        s.xhr("/Citrix/StoreWeb/Authentication/Logoff", "POST", gap=0)
        s.nav("/cgi/logout", 302, setpage=False, think=(0.1, 0.3))
        s.nav("/logon/LogonPoint/tmindex.html", think=(0.1, 0.3), assets=["/logon/LogonPoint/init.js"])


WORKSPACE_UA = ["CitrixReceiver/24.11.0.97 Windows/10.0 SelfService/24.11.0.107 (Release)",
                "CitrixReceiver/25.3.10.72 Windows/10.0 SelfService/25.3.10.75 (Release)",
                "CitrixReceiver/23.9.1.104 Windows/10.0 SelfService/23.9.1.110 (Release)"]


@kind("Citrix NetScaler Gateway", "citrix-workspace-app native Workspace app signs in through the gateway and enumerates apps", 6)
def k_citrix_app(s):
    s.__init__(s.kind, pick(WORKSPACE_UA), pick(CTX_HOSTS))
    s.req("GET", "/Citrix/Roaming/Accounts", 401, ref=None, gap=0)
    s.req("POST", "/cgi/GetAuthMethods", 200, ref=None)
    s.req("POST", "/nf/auth/getAuthenticationRequirements.do", 200, ref=None)
    s.t += R.uniform(6, 20)
    s.req("POST", "/nf/auth/doAuthentication.do", 200, ref=None)
    s.req("GET", "/cgi/setclient?wica", 200, ref=None)
    s.req("GET", "/Citrix/Roaming/Accounts", 200, ref=None)
    s.req("POST", "/Citrix/Store/discovery", 200, ref=None)
    s.req("POST", "/Citrix/Store/resources/v2", 200, R.randint(9000, 60000), ref=None)
    apps = R.sample(CTX_APPS, 2)
    for a in apps:
        s.req("GET", "/Citrix/Store/resources/v2/%s/image/128" % ctx_resid(a), 200, ref=None)
    for _ in range(R.randint(1, 3)):
        s.t += R.uniform(30, 1800)
        s.req("POST", "/Citrix/Store/resources/v2/%s/launch/ica" % ctx_resid(pick(apps)), 200, R.randint(2400, 3600), ref=None)
        s.req("POST", "/Citrix/Store/resources/v2", 200, R.randint(9000, 60000), ref=None)


# ================================================================== Fortinet
FGT_HOSTS = ["vpn.brightwater-eng.com", "sslvpn.orchard-dental.co.uk", "vpn.kestrelhealth.org"]


@kind("Fortinet FortiGate", "fortigate-sslvpn-web-portal user signs in to the SSL-VPN web portal (language file, login, portal, logout)", 6)
def k_fgt_web(s):
    s.__init__(s.kind, browser(DESKTOP), pick(FGT_HOSTS))
    s.nav("/", 302, ref=None, think=(0, 1), setpage=False)
    s.nav("/remote/login?lang=en", 200, ref=None, think=(0.05, 0.3), assets=[
        "/remote/fgt_lang?lang=en", "/sslvpn/css/login.css", "/sslvpn/js/login.js", "/images/logo.png"])
    if chance(0.3):
        s.nav("/remote/logincheck", 200, method="POST", think=(6, 15), setpage=False, size=R.randint(60, 200))
    s.nav("/remote/logincheck", 200, method="POST", think=(6, 20), setpage=False, size=R.randint(40, 90))
    s.nav("/remote/index", 302, think=(0.1, 0.4), setpage=False)
    s.nav("/sslvpn/portal.html", 200, think=(0.1, 0.4), assets=[
        "/remote/fgt_lang?lang=en", "/sslvpn/css/portal.css", "/sslvpn/js/portal.js", "/images/logo.png"])
    s.xhr("/remote/portal/bookmarks")
    s.xhr("/remote/portal/stat")
    for _ in range(R.randint(1, 3)):
        s.think(60, 900)
        s.xhr("/remote/portal/stat", gap=0)
    s.think(30, 600)
    s.nav("/remote/logout", 200, think=(0, 1), assets=["/remote/fgt_lang?lang=en"])


@kind("Fortinet FortiGate", "fortigate-sslvpn-tunnel FortiClient/openfortivpn tunnel login and reconnects", 7)
def k_fgt_tunnel(s):
    s.__init__(s.kind, "Mozilla/5.0 SV1", pick(FGT_HOSTS))
    s.req("GET", "/remote/login?lang=en", 200, ref=None, gap=0)
    for rnd in range(R.randint(2, 5)):
        if rnd:
            s.t += R.uniform(900, 5400)
        if chance(0.5):
            s.req("GET", "/remote/saml/start?redirect=1", 302, ref=None)
            s.t += R.uniform(8, 30)
            s.req("GET", "/remote/saml/auth_id?id=%s" % hexs(32), 200, ref=None)
        else:
            s.req("POST", "/remote/logincheck", 200, R.randint(40, 90), ref=None)
        s.req("GET", "/remote/index", 200, ref=None)
        s.req("GET", "/remote/fortisslvpn", 200, ref=None)
        s.req("GET", "/remote/fortisslvpn_xml" + ("?dual_stack=1" if chance(0.5) else ""), 200, R.randint(700, 1600), ref=None)
        s.req("GET", "/remote/sslvpn-tunnel", 200, 0, ref=None)
    s.t += R.uniform(600, 3600)
    s.req("GET", "/remote/logout", 200, ref=None)


@kind("Fortinet FortiGate", "fortigate-admin-gui firewall admin in the FortiOS GUI reading status, policies and logs", 4)
def k_fgt_admin(s):
    s.__init__(s.kind, browser(ADMIN), pick(["fw01.brightwater-eng.com:10443", "fgt-hq.orchard-dental.co.uk"]).split(":")[0])
    s.nav("/login?redir=%2Fng", 200, ref=None, think=(0, 1), assets=["/css/main-blue.css", "/js/login.js"])
    s.nav("/logincheck", 200, method="POST", think=(5, 15), setpage=False, size=R.randint(40, 200))
    s.nav("/ng/", 200, think=(0.2, 1), assets=["/ng/main.js", "/ng/vendor.js", "/css/main-blue.css"])
    s.xhr("/api/v2/monitor/system/status?vdom=root")
    s.xhr("/api/v2/monitor/system/resource/usage?interval=1-min&scope=global&vdom=root")
    s.xhr("/api/v2/monitor/license/status?vdom=root")
    s.think(10, 60)
    s.page = s.url("/ng/firewall/policy/policy/standard")
    s.xhr("/api/v2/cmdb/firewall/policy?vdom=root&with_meta=1&datasource=1&skip=1", gap=0)
    s.xhr("/api/v2/monitor/firewall/policy?vdom=root")
    s.think(10, 60)
    s.page = s.url("/ng/log/view/system")
    s.xhr("/api/v2/log/memory/event/system?start=0&rows=100&extra=reverse_lookup&vdom=root", gap=0)
    s.xhr("/api/v2/log/memory/event/vpn?start=0&rows=100&vdom=root")
    if chance(0.5):
        s.page = s.url("/ng/system/admin")
        s.xhr("/api/v2/cmdb/system/admin?vdom=root&with_meta=1", gap=R.uniform(10, 40))
    s.xhr("/api/v2/monitor/vpn/ssl?vdom=root", gap=R.uniform(10, 40))


@kind("Fortinet FortiWeb", "fortiweb-api-admin admin script reads and updates a server policy through the FortiWeb REST API", 3)
def k_fortiweb(s):
    s.__init__(s.kind, pick(["python-requests/2.32.3", "curl/8.5.0"]), pick(["waf01.brightwater-eng.com", "fortiweb.kestrelhealth.org"]))
    s.req("GET", "/api/v2.0/system/status.systemstatus", 200, ref=None, gap=0)
    s.req("GET", "/api/v2.0/cmdb/server-policy/policy", 200, R.randint(4000, 30000), ref=None)
    pol = pick(["app-https", "portal_policy", "webmail-https"])
    for _ in range(R.randint(2, 4)):
        s.t += R.uniform(2, 30)
        s.req("GET", "/api/v2.0/cmdb/server-policy/policy?mkey=%s" % pol, 200, ref=None)
        s.req("GET", "/api/v2.0/cmdb/server-policy/server-pool?mkey=%s-pool" % pol, 200, ref=None)
    s.req("PUT", "/api/v2.0/cmdb/server-policy/policy?mkey=%s" % pol, 200, ref=None)
    s.req("GET", "/api/v2.0/monitor/system/system.status", 200, ref=None)


# ================================================================== Ivanti
IV_HOSTS = ["access.brightwater-eng.com", "sra.kestrelhealth.org", "vpn.halvorsen-logistics.no"]


@kind("Ivanti Connect Secure", "ivanti-connect-secure-browser user signs in, opens bookmarks through the rewriter, signs out", 6)
def k_ivanti(s):
    s.__init__(s.kind, browser(OFFICE), pick(IV_HOSTS))
    s.nav("/", 302, ref=None, think=(0, 1), setpage=False)
    s.nav("/dana-na/auth/url_default/welcome.cgi", 200, ref=None, think=(0.05, 0.3), assets=[
        "/dana-na/css/ds.css", "/dana-na/css/ds_1c2d2e.css", "/dana-na/imgs/welcome_logo.gif", "/dana-na/auth/url_default/imgs/space.gif"])
    if chance(0.25):
        s.nav("/dana-na/auth/url_default/login.cgi", 302, method="POST", think=(5, 15), setpage=False)
        s.nav("/dana-na/auth/url_default/welcome.cgi?p=failed", 200, think=(0.1, 0.3), assets=["/dana-na/css/ds.css"])
    s.nav("/dana-na/auth/url_default/login.cgi", 302, method="POST", think=(5, 20), setpage=False)
    s.nav("/dana/home/starter0.cgi?check=yes", 302, think=(0.1, 0.3), setpage=False)
    s.nav("/dana/home/index.cgi", 200, think=(0.1, 0.3), assets=["/dana-na/css/ds.css", "/dana-cached/imgs/icn16x16WebBookmark.gif"])
    host = pick(["intranet.corp", "hr.corp", "wiki.corp"])
    s.nav("/dana/home/launch.cgi?url=%s" % euri("https://%s/" % host), 302, think=(5, 30), setpage=False)
    s.nav("/,DanaInfo=%s,SSL+" % host, 200, think=(0.1, 0.4), ref=None, assets=["/,DanaInfo=%s,SSL+styles/main.css" % host])
    for p in R.sample(["news/index.html", "forms/leave-request.aspx", "phone-list.html", "policies/travel.pdf"], 2):
        s.nav("/,DanaInfo=%s,SSL+%s" % (host, p), think=(10, 60))
    s.nav("/dana/home/index.cgi", think=(20, 300), assets=["/dana-na/css/ds.css"])
    s.nav("/dana-na/auth/logout.cgi?delivery=psal", 302, think=(10, 120), setpage=False)
    s.nav("/dana-na/auth/url_default/welcome.cgi?p=logout", 200, think=(0.1, 0.3), assets=["/dana-na/css/ds.css"])


@kind("Ivanti Connect Secure", "ivanti-connect-secure-admin admin console and REST API sessions, active users", 3)
def k_ivanti_admin(s):
    s.__init__(s.kind, browser(ADMIN), pick(IV_HOSTS))
    s.nav("/dana-na/auth/url_admin/welcome.cgi", 200, ref=None, think=(0, 1), assets=["/dana-na/css/ds.css", "/dana-na/imgs/welcome_logo.gif"])
    s.nav("/dana-na/auth/url_admin/login.cgi", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/dana-admin/misc/dashboard.cgi", 200, think=(0.1, 0.4), assets=["/dana-na/css/ds.css", "/dana-admin/css/admin.css"])
    for _ in range(R.randint(2, 4)):
        s.nav(pick(["/dana-admin/misc/dashboard.cgi", "/dana-admin/reporting/report_user.cgi",
                    "/dana-admin/reporting/log_events.cgi", "/dana-admin/sysinfo/sysinfo.cgi"]), think=(15, 90),
              assets=["/dana-na/css/ds.css"])
    s.ua = "curl/8.5.0"
    s.page = None
    s.think(60, 600)
    s.req("GET", "/api/v1/realm_auth", 200, ref=None, gap=0)
    s.req("GET", "/api/v1/system/active-users", 200, ref=None)
    s.req("GET", "/api/v1/system/system-information", 200, ref=None)
    s.req("GET", "/api/v1/configuration/system/status", 200, ref=None)


@kind("Ivanti EPMM", "ivanti-epmm-api-admin MDM admin script lists devices through the EPMM (MobileIron Core) API v2", 3)
def k_epmm(s):
    s.__init__(s.kind, "python-requests/2.32.3", pick(["mdm.brightwater-eng.com", "epmm.kestrelhealth.org"]))
    s.req("GET", "/api/v2/ping", 200, ref=None, gap=0)
    q = euri('"common.platform" = "iOS" AND "common.compliant" = false')
    for off in range(0, R.randint(3, 6) * 50, 50):
        s.req("GET", "/api/v2/devices?adminDeviceSpaceId=1&query=%s&fields=common.uuid,common.model,common.os_version,user.email_address&limit=50&offset=%d&sortOrder=ASC" % (q, off),
              200, R.randint(9000, 40000), ref=None)
    for _ in range(R.randint(2, 4)):
        s.req("GET", "/api/v2/devices/%s?adminDeviceSpaceId=1" % guid(), 200, ref=None)
    s.req("GET", "/api/v2/device_spaces/mine?adminDeviceSpaceId=1", 200, ref=None)
    s.req("GET", "/api/v2/labels/label_summary?adminDeviceSpaceId=1", 200, ref=None)


@kind("Ivanti EPMM", "ivanti-epmm-self-service user registers a phone in the EPMM self-service portal", 2)
def k_epmm_ssp(s):
    s.__init__(s.kind, browser(OFFICE), pick(["mdm.brightwater-eng.com", "epmm.kestrelhealth.org"]))
    s.nav("/mifs/user/login.jsp", 200, ref=None, think=(0, 1), assets=["/mifs/css/login.css", "/mifs/scripts/jquery.min.js", "/mifs/images/logo.png"])
    s.nav("/mifs/j_spring_security_check", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/mifs/user/index.jsp", 200, think=(0.1, 0.4), assets=["/mifs/css/user.css", "/mifs/scripts/user.js"])
    s.xhr("/mifs/user/rest/devices")
    s.nav("/mifs/user/addDevice.jsp", think=(10, 40), assets=["/mifs/css/user.css"])
    s.nav("/mifs/user/rest/device/register", 200, method="POST", think=(10, 40), setpage=False)
    s.nav("/mifs/user/index.jsp", think=(2, 10), assets=["/mifs/css/user.css"])
    s.xhr("/mifs/user/rest/devices")
    s.nav("/mifs/logout.jsp", 302, think=(10, 60), setpage=False)


# ================================================================== Palo Alto GlobalProtect
GP_HOSTS = ["gp.brightwater-eng.com", "vpn.vandermeer-law.nl", "gp.halvorsen-logistics.no"]


@kind("Palo Alto GlobalProtect", "globalprotect-app GlobalProtect agent: prelogin, portal config, gateway login, HIP report, tunnel", 8)
def k_gp(s):
    s.__init__(s.kind, "PAN GlobalProtect", pick(GP_HOSTS))
    os_ = pick(["Windows", "Windows", "Mac"])
    user = "%s.%s" % person()
    s.req("POST", "/global-protect/prelogin.esp?tmp=tmp&kerberos-support=yes&ipv6-support=yes&clientVer=4100&clientos=%s" % os_, 200, R.randint(600, 1100), ref=None, gap=0)
    s.t += R.uniform(5, 20)
    s.req("POST", "/global-protect/getconfig.esp", 200, R.randint(3000, 9000), ref=None)
    for rnd in range(R.randint(1, 3)):
        if rnd:
            s.t += R.uniform(1800, 7200)
        s.req("POST", "/ssl-vpn/prelogin.esp?tmp=tmp&kerberos-support=yes&ipv6-support=yes&clientVer=4100&clientos=%s" % os_, 200, R.randint(600, 1100), ref=None)
        s.req("POST", "/ssl-vpn/login.esp", 200, R.randint(900, 1500), ref=None)
        s.req("POST", "/ssl-vpn/getconfig.esp", 200, R.randint(2500, 8000), ref=None)
        s.req("POST", "/ssl-vpn/hipreportcheck.esp", 200, R.randint(200, 400), ref=None)
        if chance(0.6):
            s.req("POST", "/ssl-vpn/hipreport.esp", 200, R.randint(200, 400), ref=None)
        s.req("GET", "/ssl-vpn/tunnel.esp?user=%s&authcookie=%s" % (user, hexs(32)), 200, 0, ref=None)
    s.t += R.uniform(600, 3600)
    s.req("POST", "/ssl-vpn/logout.esp", 200, ref=None)


@kind("Palo Alto GlobalProtect", "globalprotect-portal-browser user signs in on the portal page to download the agent", 3)
def k_gp_web(s):
    s.__init__(s.kind, browser(DESKTOP), pick(GP_HOSTS))
    s.nav("/", 302, ref=None, think=(0, 1), setpage=False)
    s.nav("/global-protect/login.esp", 200, ref=None, think=(0.05, 0.3), assets=[
        "/global-protect/portal/css/login.css", "/global-protect/portal/js/jquery.min.js",
        "/global-protect/portal/images/logo-pan-48525a.svg", "/global-protect/portal/images/favicon.ico"])
    s.nav("/global-protect/login.esp", 200, method="POST", think=(6, 20), assets=["/global-protect/portal/css/login.css"])
    s.nav("/global-protect/portal/portal.esp", 200, think=(0.2, 1), assets=["/global-protect/portal/css/portal.css"])
    plat = pick(["windows", "mac"])
    s.nav("/global-protect/getmsi.esp?version=64&platform=%s" % plat, 200, think=(5, 20), setpage=False, size=R.randint(70000000, 90000000))
    s.nav("/global-protect/logout.esp", 200, think=(30, 200), assets=["/global-protect/portal/css/login.css"])


# ================================================================== F5 BIG-IP
F5_HOSTS = ["bigip01.mgmt.brightwater-eng.com", "lb-a.mgmt.kestrelhealth.org"]


@kind("F5 BIG-IP", "f5-bigip-tmui-admin admin in the Configuration utility: virtual servers, pools, logs", 4)
def k_f5_tmui(s):
    s.__init__(s.kind, browser(ADMIN), pick(F5_HOSTS))
    s.nav("/", 302, ref=None, think=(0, 1), setpage=False)
    s.nav("/tmui/login.jsp", 200, ref=None, think=(0.05, 0.3), assets=[
        "/tmui/tmui/login/login.css", "/tmui/tmui/login/images/logo_f5.png", "/tmui/tmui/login/images/bg.png"])
    s.nav("/tmui/logmein.html", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/xui/", 200, think=(0.1, 0.5), assets=["/xui/common/css/xui.css", "/xui/common/scripts/api.js", "/xui/framework/scripts/framework.js"])
    vs = pick(["/Common/vs_portal_https", "/Common/vs_webmail_443", "/Common/vs_api_gw"])
    pool = pick(["/Common/pool_portal", "/Common/pool_webmail", "/Common/pool_api"])
    pages = ["/tmui/Control/jspmap/tmui/locallb/virtual_server/list.jsp",
             "/tmui/Control/jspmap/tmui/locallb/virtual_server/properties.jsp?name=%s" % euri(vs),
             "/tmui/Control/jspmap/tmui/locallb/pool/list.jsp",
             "/tmui/Control/jspmap/tmui/locallb/pool/member/list.jsp?name=%s" % euri(pool),
             "/tmui/Control/jspmap/tmui/system/log/list_ltm.jsp",
             "/tmui/Control/jspmap/tmui/locallb/pool/statistics.jsp?name=%s" % euri(pool),
             "/tmui/Control/jspmap/tmui/system/device/properties_general.jsp"]
    for p in pages[:R.randint(4, 7)]:
        s.nav(p, think=(5, 50), assets=["/tmui/tmui/common/css/main.css", "/tmui/tmui/common/scripts/common.js"])
    s.nav("/tmui/Control/form", 302, method="POST", think=(10, 40), setpage=False)
    s.nav("/tmui/Control/jspmap/tmui/locallb/pool/member/list.jsp?name=%s" % euri(pool), think=(0.2, 1))


@kind("F5 BIG-IP", "f5-icontrol-rest-automation deploy script drains a pool member through iControl REST and runs tmsh via util/bash", 4)
def k_f5_rest(s):
    s.__init__(s.kind, pick(["python-requests/2.32.3", "ansible-httpget", "curl/8.5.0"]), pick(F5_HOSTS))
    tok = alnum(26).upper()
    s.req("POST", "/mgmt/shared/authn/login", 200, R.randint(900, 1400), ref=None, gap=0)
    s.req("GET", "/mgmt/tm/sys/version", 200, ref=None)
    s.req("GET", "/mgmt/tm/ltm/virtual?expandSubcollections=true", 200, R.randint(8000, 90000), ref=None)
    pool = pick(["pool_portal", "pool_webmail", "pool_api"])
    s.req("GET", "/mgmt/tm/ltm/pool/~Common~%s/members/stats" % pool, 200, ref=None)
    member = "~Common~10.20.%d.%d:443" % (R.randint(1, 40), R.randint(10, 60))
    s.req("PATCH", "/mgmt/tm/ltm/pool/~Common~%s/members/%s" % (pool, member), 200, ref=None)
    for _ in range(R.randint(2, 5)):
        s.t += R.uniform(10, 60)
        s.req("GET", "/mgmt/tm/ltm/pool/~Common~%s/members/%s/stats" % (pool, member), 200, ref=None)
    s.req("POST", "/mgmt/tm/util/bash", 200, R.randint(200, 4000), ref=None)
    s.t += R.uniform(60, 600)
    s.req("PATCH", "/mgmt/tm/ltm/pool/~Common~%s/members/%s" % (pool, member), 200, ref=None)
    s.req("POST", "/mgmt/tm/sys/config", 200, ref=None)
    s.req("DELETE", "/mgmt/shared/authz/tokens/%s" % tok, 200, ref=None)


# ================================================================== VMware
VC_HOSTS = ["vcsa01.brightwater-eng.com", "vcenter.kestrelhealth.org", "vc.halvorsen-logistics.no"]


@kind("VMware vCenter", "vcenter-ui-admin vSphere Client: SSO login, inventory, VM summary, vSAN capability", 6)
def k_vcenter(s):
    s.__init__(s.kind, browser(ADMIN), pick(VC_HOSTS))
    s.nav("/", 200, ref=None, think=(0, 1), assets=["/resources/css/jquery-ui-1.8.18.custom.css", "/resources/img/vmw_logo.png"])
    s.nav("/ui/", 302, think=(1, 5), setpage=False)
    s.nav("/ui/login", 302, think=(0.05, 0.2), setpage=False)
    saml = "/websso/SAML2/SSO/vsphere.local?SAMLRequest=%s&RelayState=%s&SigAlg=http%%3A%%2F%%2Fwww.w3.org%%2F2001%%2F04%%2Fxmldsig-more%%23rsa-sha256&Signature=%s" % (
        euri("fZJNb" + b64(420)[5:]), euri("https://%s/ui/" % s.host), euri(b64(256)))
    s.nav(saml, 200, ref=s.url("/"), think=(0.05, 0.3), assets=["/websso/resources/css/login.css", "/websso/resources/js/websso.js"])
    s.nav(saml, 200, method="POST", think=(6, 20), assets=[])
    s.nav("/ui/saml/websso/sso", 302, method="POST", think=(0.1, 0.5), setpage=False)
    s.nav("/ui/", 200, think=(0.1, 0.5), assets=["/ui/main.js", "/ui/polyfills.js", "/ui/styles.css"])
    s.xhr("/ui/config/h5-config?debug=false")
    s.xhr("/ui/usersession/serverInfo")
    sg = guid()
    host_moid = "host-%d" % R.randint(10, 80)
    vm_moid = "vm-%d" % R.randint(1000, 4000)
    s.xhr("/ui/data/properties/urn:vmomi:Folder:group-d1:%s?properties=name,childEntity" % sg)
    s.xhr("/ui/tree/children?nodeTypeId=DcHostsAndClusters&objRef=urn:vmomi:Datacenter:datacenter-3:%s&treeId=vsphere.core.physicalInventorySpec" % sg)
    s.think(10, 60)
    s.xhr("/ui/data/properties/urn:vmomi:HostSystem:%s:%s?properties=summary,runtime" % (host_moid, sg), gap=0)
    s.xhr("/ui/data/properties/urn:vmomi:VirtualMachine:%s:%s?properties=summary,guest,config.hardware" % (vm_moid, sg))
    s.think(10, 60)
    s.xhr("/ui/h5-vsan/rest/proxy/service/com.vmware.vsan.client.services.capability.VsanCapabilityProvider/getClusterCapabilityData", "POST", gap=0)
    s.xhr("/ui/h5-vsan/rest/proxy/service/com.vmware.vsan.client.services.config.ConfigInfoService/getVsanConfigInfo", "POST")
    s.xhr("/ui/event/ui/events?objectId=urn:vmomi:ClusterComputeResource:domain-c8:%s&maxCount=100" % sg)


@kind("VMware vCenter", "vcenter-api-automation pyvmomi, govc or PowerCLI against /sdk and the vCenter REST API", 3)
def k_vcenter_api(s):
    v = R.randrange(3)
    ua = ["pyvmomi Python/3.12.8 (Linux; 6.8.0-51-generic; x86_64)", "govc/0.46.2",
          "PowerCLI/13.3.0 (Windows 10.0.20348; PowerShell 7.4.6)"][v]
    s.__init__(s.kind, ua, pick(VC_HOSTS))
    s.req("GET", "/sdk/vimServiceVersions.xml", 200, ref=None, gap=0)
    for _ in range(R.randint(5, 12)):
        s.req("POST", "/sdk", 200, R.randint(500, 90000), ref=None, gap=R.uniform(0.05, 3))
    s.req("POST", "/api/session", 201, 40, ref=None)
    s.req("GET", "/api/vcenter/vm?names=%s" % pick(["web01", "sql02", "build-agent-07"]), 200, ref=None)
    s.req("GET", "/api/vcenter/vm/vm-%d/power" % R.randint(1000, 4000), 200, ref=None)
    s.req("DELETE", "/api/session", 204, 0, ref=None)


@kind("VMware ESXi", "esxi-host-client admin in the ESXi Host Client: SOAP calls, datastore browser download, VM screenshot", 3)
def k_esxi(s):
    s.__init__(s.kind, browser(ADMIN), "esx%02d.mgmt.brightwater-eng.com" % R.randint(1, 12))
    s.nav("/", 302, ref=None, think=(0, 1), setpage=False)
    s.nav("/ui/", 200, ref=None, think=(0.05, 0.3), assets=["/ui/scripts/main.js", "/ui/styles/main.css", "/ui/img/vmware-logo.svg"])
    for _ in range(R.randint(4, 9)):
        s.xhr("/sdk/", "POST", size=R.randint(500, 40000))
    vm = pick(["web01", "sql02", "dc01", "backup-proxy"])
    s.think(10, 60)
    s.xhr("/screen?id=%d" % R.randint(1, 40), gap=0, size=R.randint(20000, 200000))
    s.xhr("/folder/%s/vmware.log?dcPath=ha-datacenter&dsName=datastore1" % vm, size=R.randint(50000, 900000))
    s.xhr("/folder/%s/%s.vmx?dcPath=ha-datacenter&dsName=datastore1" % (vm, vm), size=R.randint(2000, 6000))
    for _ in range(R.randint(1, 4)):
        s.xhr("/sdk/", "POST", size=R.randint(500, 40000), gap=R.uniform(5, 40))


# ================================================================== Atlassian
CF_HOSTS = ["wiki.brightwater-eng.com", "confluence.kestrelhealth.org", "docs.halvorsen-logistics.no"]
CF_PAGES = [("ENG", "On-call runbook"), ("ENG", "Deploying the payments service"), ("OPS", "Backup and restore"),
            ("HR", "Travel policy 2026"), ("IT", "VPN setup for new starters"), ("ENG", "Architecture decision records")]


def cf_assets(build):
    h = hexs(32)
    return ["/s/%s-CDN/-%s/%s/%s/_/download/superbatch/css/batch.css" % (hexs(32), lalnum(6), build, h),
            "/s/%s-CDN/-%s/%s/%s/_/download/superbatch/js/batch.js?locale=en-GB" % (hexs(32), lalnum(6), build, h),
            "/s/-%s/%s/_/images/logo/confluence-logo.svg" % (lalnum(6), build)]


@kind("Atlassian Confluence", "confluence-user reads and edits pages: macro preview, attachments, search, page history", 14)
def k_confluence(s):
    s.__init__(s.kind, browser(OFFICE), pick(CF_HOSTS))
    build = pick(["9012", "8804", "8703"])
    A = cf_assets(build)
    space, title = pick(CF_PAGES)
    disp = "/display/%s/%s" % (space, form(title))
    s.nav(disp, 302, ref=None, think=(0, 1), setpage=False)
    s.nav("/login.action?os_destination=%s&permissionViolation=true" % euri(disp), 200, ref=None, think=(0.05, 0.3), assets=A)
    s.nav("/dologin.action", 302, method="POST", think=(5, 15), setpage=False)
    s.nav(disp, 200, think=(0.1, 0.4), assets=A)
    pid = R.randint(1200000, 98000000)
    s.xhr("/rest/mywork/latest/status/notification/count?_=%d" % s.ms())
    s.xhr("/rest/quickreload/latest/%d?since=%d&_=%d" % (pid, s.ms() - 5000, s.ms()))
    s.xhr("/download/attachments/%d/%s?version=%d&modificationDate=%d&api=v2" % (
        pid, pick(["diagram.png", "image2025-11-3_14-22-10.png", "network.drawio.png"]), R.randint(1, 4), s.ms() - R.randint(10 ** 8, 10 ** 10)))
    r = R.random()
    if r < 0.5:
        s.nav("/pages/editpage.action?pageId=%d" % pid, think=(10, 60), assets=A)
        s.xhr("/json/startheartbeatactivity.action", "POST")
        macro = base64.b64encode(("{info:title=%s}" % pick(["Note", "Before you start", "Warning"])).encode()).decode()
        s.xhr("/plugins/servlet/confluence/placeholder/macro?definition=%s&locale=en_GB&version=2" % euri(macro))
        s.think(20, 120)
        s.xhr("/rest/tinymce/1/macro/preview", "POST", gap=0)
        s.xhr("/rest/tinymce/1/content/%d/draft" % pid, "POST", gap=R.uniform(10, 40))
        s.xhr("/json/startheartbeatactivity.action", "POST", gap=R.uniform(20, 60))
        s.nav("/pages/doeditpage.action?pageId=%d" % pid, 302, method="POST", think=(20, 90), setpage=False)
        s.nav("/pages/viewpage.action?pageId=%d" % pid, think=(0.1, 0.4), assets=A)
    else:
        s.nav("/pages/viewpreviousversions.action?pageId=%d" % pid, think=(10, 60), assets=A)
        v = R.randint(3, 20)
        s.nav("/pages/diffpagesbyversion.action?pageId=%d&selectedPageVersions=%d&selectedPageVersions=%d" % (pid, v - 1, v),
              think=(5, 30), assets=A)
    q = pick(["vpn", "restore database", "travel expenses", "deploy payments", "on-call rota"])
    s.nav("/dosearchsite.action?cql=siteSearch+~+%s&queryString=%s" % (form('"%s"' % q), form(q)), think=(10, 90), assets=A)
    s.xhr("/rest/api/search?cql=%s&start=0&limit=20&excerpt=highlight&expand=space.icon&includeArchivedSpaces=false&src=next.ui.search" % (
        euri('siteSearch ~ "%s" AND type in ("page","blogpost")' % q)))
    if chance(0.5):
        s.xhr("/rest/api/content/%d?expand=body.storage,version,space" % pid)
    if chance(0.4):
        s.nav("/plugins/viewsource/viewpagesrc.action?pageId=%d" % pid, think=(5, 30), assets=[])
    if chance(0.2):
        s.nav("/pages/viewpage.action?pageId=%d" % R.randint(1200000, 98000000), 403, think=(5, 30))
    if chance(0.15):
        s.nav("/display/%s/%s" % (space, form(pick(["Old VPN guide", "Release checklist 2023", "Meeting notes"]))), 404, ref=None, think=(5, 60))


JIRA_HOSTS = ["jira.brightwater-eng.com", "issues.kestrelhealth.org", "jira.halvorsen-logistics.no"]


@kind("Atlassian Jira", "jira-user dashboard gadgets, issue navigator JQL, boards, user hovers, inline edits, comments", 14)
def k_jira(s):
    s.__init__(s.kind, browser(OFFICE), pick(JIRA_HOSTS))
    build = pick(["940003", "10030001", "920020"])
    A = ["/s/%s-CDN/-%s/%s/%s/_/download/superbatch/css/batch.css" % (hexs(32), lalnum(6), build, hexs(32)),
         "/s/%s-CDN/-%s/%s/%s/_/download/superbatch/js/batch.js?locale=en-UK" % (hexs(32), lalnum(6), build, hexs(32)),
         "/s/-%s/%s/_/jira-logo-scaled.png" % (lalnum(6), build)]
    proj = pick(["OPS", "PAY", "WEB", "INFRA", "HELP"])
    s.nav("/secure/Dashboard.jspa", 200, ref=None, think=(0, 1), assets=A)
    s.xhr("/rest/gadget/1.0/issueTable/jql?num=10&tableContext=jira.table.cols.dashboard&jql=%s&columnNames=--Default--&addDefault=true&enableSorting=true&paging=true&showActions=true&startIndex=0&_=%d" % (
        form("assignee = currentUser() AND resolution = unresolved ORDER BY priority DESC, created ASC"), s.ms()))
    s.xhr("/plugins/servlet/gadgets/makeRequest", "POST")
    s.xhr("/rest/activity-stream/1.0/preferences?_=%d" % s.ms())
    key = "%s-%d" % (proj, R.randint(100, 3000))
    s.nav("/browse/%s" % key, think=(5, 40), assets=A)
    u = "%s.%s" % person()
    s.xhr("/secure/ViewUserHover.jspa?decorator=none&username=%s&_=%d" % (u, s.ms()))
    s.xhr("/rest/api/2/issue/%s/transitions?expand=transitions.fields" % key)
    if chance(0.6):
        s.xhr("/secure/AjaxIssueAction.jspa?decorator=none", "POST", gap=R.uniform(10, 60))
    if chance(0.5):
        s.xhr("/rest/api/2/issue/%s/comment" % key, "POST", status=201, gap=R.uniform(20, 120))
    if chance(0.4):
        s.xhr("/secure/attachment/%d/%s" % (R.randint(10000, 99999), pick(["screenshot.png", "error.log", "stacktrace.txt"])))
    jql = 'project = %s AND status in ("In Progress", "To Do") ORDER BY updated DESC' % proj
    s.nav("/issues/?jql=%s" % pct20(jql), think=(10, 60), assets=A)
    s.xhr("/rest/issueNav/1/issueTable", "POST")
    s.xhr("/rest/api/2/jql/autocompletedata/suggestions?fieldName=assignee&fieldValue=%s" % u[:3])
    if chance(0.5):
        rv = R.randint(2, 90)
        s.nav("/secure/RapidBoard.jspa?rapidView=%d&projectKey=%s" % (rv, proj), think=(10, 60), assets=A)
        s.xhr("/rest/greenhopper/1.0/xboard/work/allData.json?rapidViewId=%d&selectedProjectKey=%s&etag=%s&_=%d" % (
            rv, proj, euri("%d,%d" % (s.ms(), R.randint(1, 99))), s.ms()))
        s.xhr("/rest/greenhopper/1.0/xboard/work/transitions.json?projectKey=%s&_=%d" % (proj, s.ms()))
    if chance(0.4):
        s.xhr("/rest/api/2/groupuserpicker?query=%s&maxResults=5&showAvatar=true" % pick(FIRST)[:3], gap=R.uniform(5, 30))
    if chance(0.2):
        s.nav("/secure/ContactAdministrators!default.jspa", think=(10, 60), assets=A)
    if chance(0.3):
        s.nav("/secure/QuickSearch.jspa?searchString=%s" % form(pick(["vpn timeout", "%s-%d" % (proj, R.randint(100, 3000))])),
              302, think=(5, 30), setpage=False)


BB_HOSTS = ["git.brightwater-eng.com", "bitbucket.kestrelhealth.org"]


@kind("Atlassian Bitbucket", "bitbucket-browser code browsing, pull request review, raw file, archive download", 4)
def k_bitbucket(s):
    s.__init__(s.kind, browser(DESKTOP), pick(BB_HOSTS))
    proj, repo = pick([("PLAT", "payments"), ("WEB", "storefront"), ("OPS", "ansible-roles")])
    base = "/projects/%s/repos/%s" % (proj, repo)
    A = ["/s/%s/%s/_/download/superbatch/css/batch.css" % (lalnum(6), hexs(16)),
         "/s/%s/%s/_/download/superbatch/js/batch.js" % (lalnum(6), hexs(16))]
    s.nav(base + "/browse", ref=None, think=(0, 1), assets=A)
    s.nav(base + "/browse/src/main/java/com/example/%s/Service.java?at=refs%%2Fheads%%2Fdevelop" % repo, assets=A)
    pr = R.randint(40, 900)
    s.nav(base + "/pull-requests/%d/overview" % pr, assets=A)
    s.xhr("/rest/api/latest/projects/%s/repos/%s/pull-requests/%d/activities?start=0&limit=25&avatarSize=48" % (proj, repo, pr))
    s.nav(base + "/pull-requests/%d/diff" % pr, assets=A)
    s.xhr("/rest/api/latest/projects/%s/repos/%s/pull-requests/%d/changes?start=0&limit=1000&changeScope=unreviewed&avatarSize=48" % (proj, repo, pr))
    s.xhr("/rest/api/latest/projects/%s/repos/%s/pull-requests/%d/comments" % (proj, repo, pr), "POST", status=201, gap=R.uniform(20, 120))
    s.nav(base + "/raw/README.md?at=refs%2Fheads%2Fmain", think=(5, 30), setpage=False)
    s.nav("/rest/api/latest/projects/%s/repos/%s/archive?at=refs%%2Ftags%%2Fv%d.%d.%d&format=zip" % (proj, repo, R.randint(1, 4), R.randint(0, 12), R.randint(0, 9)),
          think=(5, 30), setpage=False, size=R.randint(300000, 9000000))


GIT_UA = ["git/2.47.1", "git/2.43.0", "git/2.39.5 (Apple Git-154)", "git/2.48.1.windows.1", "JGit/6.10.0.202406032230-r"]


@kind("Atlassian Bitbucket", "bitbucket-git-client git fetch, pull and push over HTTPS (401 challenge first)", 3)
def k_bitbucket_git(s):
    s.__init__(s.kind, pick(GIT_UA), pick(BB_HOSTS))
    repo = pick(["plat/payments", "web/storefront", "ops/ansible-roles"])
    for rnd in range(R.randint(3, 6)):
        s.t += R.uniform(300, 3000) if rnd else 0
        svc = "git-receive-pack" if chance(0.3) else "git-upload-pack"
        if rnd == 0:
            s.req("GET", "/scm/%s.git/info/refs?service=%s" % (repo, svc), 401, ref=None, gap=0)
        s.req("GET", "/scm/%s.git/info/refs?service=%s" % (repo, svc), 200, R.randint(300, 9000), ref=None)
        s.req("POST", "/scm/%s.git/%s" % (repo, svc), 200, R.randint(200, 3000000), ref=None)


# ================================================================== GitLab
GL_HOSTS = ["gitlab.brightwater-eng.com", "code.kestrelhealth.org", "gitlab.vandermeer-law.nl"]


@kind("GitLab", "gitlab-user merge request review, raw files, job logs, markdown uploads, API calls from the UI", 10)
def k_gitlab(s):
    s.__init__(s.kind, browser(DESKTOP), pick(GL_HOSTS))
    grp, proj = pick([("platform", "payments-api"), ("web", "storefront"), ("infra", "terraform-live"), ("data", "etl-jobs")])
    P = "/%s/%s" % (grp, proj)
    A = ["/assets/webpack/runtime.%s.bundle.js" % hexs(8), "/assets/webpack/main.%s.chunk.js" % hexs(8),
         "/assets/application-%s.css" % hexs(64), "/assets/gitlab_logo-%s.svg" % hexs(64)]
    s.nav("/users/sign_in", ref=None, think=(0, 1), assets=A)
    s.nav("/users/sign_in", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/", 200, think=(0.1, 0.4), assets=A)
    f, l = person()
    s.nav("/dashboard/merge_requests?assignee_username=%s.%s" % (f, l), assets=A)
    mr = R.randint(10, 2400)
    s.nav("%s/-/merge_requests/%d" % (P, mr), assets=A)
    s.xhr("/api/graphql", "POST")
    s.xhr("%s/-/merge_requests/%d/diffs_metadata.json?diff_head=true&view=inline&w=0" % (P, mr))
    s.xhr("%s/-/merge_requests/%d/diffs_batch.json?diff_head=true&view=inline&w=0&page=0&per_page=5" % (P, mr))
    s.xhr("%s/-/merge_requests/%d/discussions.json?per_page=20" % (P, mr))
    if chance(0.5):
        s.xhr("%s/uploads" % P, "POST", gap=R.uniform(20, 90))
        s.xhr("%s/uploads/%s/%s" % (P, hexs(32), pick(["image.png", "screenshot_2026-01-28.png", "trace.log"])))
        s.xhr("%s/notes" % P, "POST", gap=R.uniform(10, 60))
    s.nav("%s/-/raw/main/%s" % (P, pick(["deploy/values.yaml", "README.md", ".gitlab-ci.yml", "docs/runbook.md"])),
          think=(10, 60), setpage=False)
    if chance(0.2):
        s.nav("%s/-/raw/feature/%s/README.md" % (P, pick(["retry-backoff", "new-ci", "fix-tz"])), 404, think=(5, 30), setpage=False)
    job = R.randint(100000, 9000000)
    s.nav("%s/-/jobs/%d" % (P, job), assets=A)
    s.xhr("%s/-/jobs/%d/trace.json" % (P, job))
    if chance(0.5):
        s.xhr("%s/-/jobs/%d/trace.json?state=%s" % (P, job, euri(b64(60))), gap=R.uniform(2, 5))
    s.xhr("/api/v4/projects/%s/pipelines?ref=main&per_page=20" % euri("%s/%s" % (grp, proj)))
    if chance(0.4):
        s.nav("%s/-/jobs/%d/raw" % (P, job), think=(5, 30), setpage=False)


@kind("GitLab", "gitlab-git-client git clone, fetch and push over HTTPS", 4)
def k_gitlab_git(s):
    s.__init__(s.kind, pick(GIT_UA), pick(GL_HOSTS))
    repo = pick(["platform/payments-api", "web/storefront", "infra/terraform-live"])
    for rnd in range(R.randint(3, 7)):
        s.t += R.uniform(300, 3000) if rnd else 0
        svc = "git-receive-pack" if chance(0.3) else "git-upload-pack"
        if rnd == 0:
            s.req("GET", "/%s.git/info/refs?service=%s" % (repo, svc), 401, ref=None, gap=0)
        s.req("GET", "/%s.git/info/refs?service=%s" % (repo, svc), 200, R.randint(300, 9000), ref=None)
        s.req("POST", "/%s.git/%s" % (repo, svc), 200, R.randint(200, 3000000), ref=None)


@kind("GitLab", "gitlab-runner runner polls for jobs, streams the trace, uploads artifacts", 3)
def k_gitlab_runner(s):
    s.__init__(s.kind, pick(["gitlab-runner 17.7.0 (17-7-stable; go1.23.2; linux/amd64)",
                             "gitlab-runner 17.5.3 (17-5-stable; go1.22.9; linux/amd64)"]), pick(GL_HOSTS))
    for _ in range(R.randint(3, 8)):
        s.req("POST", "/api/v4/jobs/request", 204, 0, ref=None, gap=R.uniform(3, 6))
    job = R.randint(100000, 9000000)
    s.req("POST", "/api/v4/jobs/request", 201, R.randint(4000, 20000), ref=None, gap=R.uniform(3, 6))
    for _ in range(R.randint(3, 8)):
        s.req("PATCH", "/api/v4/jobs/%d/trace" % job, 202, 0, ref=None, gap=R.uniform(3, 30))
    s.req("POST", "/api/v4/jobs/%d/artifacts?artifact_format=zip&artifact_type=archive" % job, 201, ref=None)
    s.req("PUT", "/api/v4/jobs/%d" % job, 200, ref=None)
    for _ in range(R.randint(2, 6)):
        s.req("POST", "/api/v4/jobs/request", 204, 0, ref=None, gap=R.uniform(3, 6))


# ================================================================== Jenkins
JK_HOSTS = ["ci.brightwater-eng.com", "jenkins.kestrelhealth.org", "build.halvorsen-logistics.no"]


@kind("Jenkins", "jenkins-user builds, console logs, pipeline editor check, admin views script console and system log", 8)
def k_jenkins(s):
    s.__init__(s.kind, browser(DESKTOP), pick(JK_HOSTS))
    ver = pick(["2.479.3", "2.492.1", "2.462.3"])
    A = ["/static/%s/jsbundles/styles.css" % hexs(8), "/static/%s/jsbundles/vendors.js" % hexs(8),
         "/static/%s/jsbundles/app.js" % hexs(8), "/static/%s/images/svgs/logo.svg" % hexs(8)]
    s.nav("/", 403, ref=None, think=(0, 1))
    s.nav("/login?from=%2F", ref=None, think=(0.05, 0.3), assets=A)
    s.nav("/j_spring_security_check", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/", think=(0.1, 0.4), assets=A)
    s.xhr("/ajaxBuildQueue", "POST")
    s.xhr("/ajaxExecutors", "POST")
    job = pick(["payments-api", "storefront", "nightly-backup", "terraform-plan"])
    J = "/job/%s/job/%s" % (job, pick(["main", "develop", "PR-%d" % R.randint(10, 400)]))
    n = R.randint(50, 2000)
    s.nav(J + "/", assets=A)
    s.nav(J + "/build?delay=0sec", 201, method="POST", think=(3, 20), setpage=False)
    s.nav(J + "/%d/console" % (n + 1), think=(5, 20), assets=A)
    for i in range(R.randint(2, 5)):
        s.xhr(J + "/%d/logText/progressiveHtml" % (n + 1), "POST", gap=R.uniform(2, 6))
    if chance(0.5):
        s.nav(J + "/%d/consoleText" % n, think=(5, 30), setpage=False)
    if chance(0.2):
        s.nav(J + "/%d/" % (n - R.randint(40, 90)), 404, think=(5, 30), setpage=False)
    if chance(0.5):
        s.nav("/job/%s/configure" % job, think=(10, 60), assets=A)
        s.xhr("/descriptorByName/org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition/checkScriptCompile", "POST", gap=R.uniform(5, 30))
        s.xhr("/job/%s/pipeline-syntax/" % job)
    if chance(0.5):
        for p in R.sample(["/manage/", "/manage/script", "/manage/log/all", "/manage/systemInfo", "/manage/pluginManager/updates/"], 3):
            s.nav(p, think=(5, 40), assets=A)


@kind("Jenkins", "jenkins-automation Jenkins CLI over HTTP, or a deploy script using the remote API with a crumb", 4)
def k_jenkins_cli(s):
    v = R.randrange(2)
    s.__init__(s.kind, "curl/8.5.0", pick(JK_HOSTS))
    if v == 0:
        s.req("GET", "/jnlpJars/jenkins-cli.jar", 200, R.randint(3400000, 3700000), ref=None, gap=0)
        s.ua = pick(["Java/17.0.13", "Java/21.0.5"])
        for c in range(R.randint(4, 8)):
            s.t += R.uniform(2, 120)
            s.req("POST", "/cli?remoting=false", 200, 0, ref=None)
            s.req("POST", "/cli?remoting=false", 200, R.randint(20, 30000), ref=None, gap=0.02)
    else:
        s.ua = "python-requests/2.32.3"
        job = pick(["payments-api", "storefront-deploy"])
        s.req("GET", "/crumbIssuer/api/json", 200, ref=None, gap=0)
        s.req("POST", "/job/%s/buildWithParameters?BRANCH=main&DEPLOY_ENV=%s" % (job, pick(["staging", "production"])), 201, 0, ref=None)
        q = R.randint(1000, 90000)
        for _ in range(R.randint(2, 4)):
            s.req("GET", "/queue/item/%d/api/json" % q, 200, ref=None, gap=R.uniform(2, 6))
        n = R.randint(100, 900)
        for _ in range(R.randint(3, 8)):
            s.req("GET", "/job/%s/%d/api/json?tree=result,building,duration,timestamp" % (job, n), 200, ref=None, gap=R.uniform(10, 30))
        s.req("GET", "/job/%s/%d/consoleText" % (job, n), 200, R.randint(5000, 400000), ref=None)


# ================================================================== JetBrains
TC_HOSTS = ["teamcity.brightwater-eng.com", "tc.vandermeer-law.nl"]


@kind("JetBrains TeamCity", "teamcity-user build overview, build log, REST from the UI, artifact download, creates an access token", 5)
def k_teamcity(s):
    s.__init__(s.kind, browser(DESKTOP), pick(TC_HOSTS))
    A = ["/js/bundles/common.js?v=%d" % R.randint(10 ** 9, 10 ** 10), "/css/FontAwesome/css/font-awesome.min.css",
         "/img/buildStates/success_small.svg"]
    s.nav("/login.html", ref=None, think=(0, 1), assets=A)
    s.nav("/loginSubmit.html", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/favorite/projects", think=(0.1, 0.4), assets=A)
    s.xhr("/app/rest/ui/projects?fields=project(id,name,parentProjectId)")
    bt = pick(["Payments_Build", "Storefront_Test", "Infra_TerraformPlan"])
    bid = R.randint(10000, 900000)
    s.nav("/buildConfiguration/%s?mode=builds" % bt, assets=A)
    s.xhr("/app/rest/builds?locator=buildType:(id:%s),count:10,defaultFilter:false&fields=build(id,number,status,state,branchName)" % bt)
    s.nav("/buildConfiguration/%s/%d?buildTab=log&focusLine=0&logView=flowAware" % (bt, bid), assets=A)
    s.xhr("/app/messages?buildId=%d&messagesCount=1000&view=flowAware&filter=important&expand=all" % bid)
    if chance(0.5):
        s.nav("/viewLog.html?buildId=%d&buildTypeId=%s&tab=buildLog" % (bid, bt), assets=A)
    s.nav("/downloadBuildLog.html?buildId=%d" % bid, think=(5, 30), setpage=False)
    s.nav("/repository/download/%s/%d:id/%s" % (bt, bid, pick(["app.zip", "reports/coverage.html", "plan.txt"])), think=(5, 30), setpage=False)
    if chance(0.4):
        s.nav("/profile.html?item=accessTokens", think=(10, 60), assets=A)
        s.xhr("/app/rest/users/current/tokens/%s" % pick(["ci-script", "my-laptop", "release-bot"]), "POST")


@kind("JetBrains YouTrack", "youtrack-user issue list with query, issue view, activity stream, attachments", 4)
def k_youtrack(s):
    s.__init__(s.kind, browser(DESKTOP), pick(["youtrack.brightwater-eng.com", "tracker.vandermeer-law.nl"]))
    s.nav("/", 302, ref=None, think=(0, 1), setpage=False)
    s.nav("/issues", ref=None, think=(0.1, 0.5), assets=["/app.%s.js" % hexs(20), "/app.%s.css" % hexs(20)])
    s.xhr("/api/users/me?fields=id,login,name,profiles(general(locale(id)))")
    proj = pick(["WEB", "APP", "SUP"])
    q = "project: %s #Unresolved sort by: updated" % proj
    s.xhr("/api/issuesGetter?$top=50&fields=id,idReadable,summary,updated,customFields(name,value(name))&query=%s" % euri(q), "POST")
    s.xhr("/api/issues?fields=id,idReadable,summary,updated&query=%s&$top=50&$skip=0" % euri(q))
    key = "%s-%d" % (proj, R.randint(10, 1500))
    s.nav("/issue/%s" % key, think=(5, 40), assets=[])
    s.xhr("/api/issues/%s?fields=id,idReadable,summary,description,attachments(id,name,url)" % key)
    s.xhr("/api/issues/%s/activitiesPage?categories=CommentsCategory,AttachmentsCategory&reverse=true&fields=activities(id,added,author(login))" % key)
    s.xhr("/api/files/%d-%d?sign=%s&updated=%d" % (R.randint(70, 90), R.randint(100, 9000), b64(48, url=True, pad=False), s.ms() - 10 ** 8))
    s.xhr("/api/issues/%s/comments?fields=id,text" % key, "POST", gap=R.uniform(20, 90))


# ================================================================== Java application servers
@kind("Apache Tomcat", "tomcat-manager-admin HTML manager: list, sessions, reload, deploy a WAR, server status", 3)
def k_tomcat_html(s):
    s.__init__(s.kind, browser(ADMIN), pick(["app01.brightwater-eng.com", "tomcat.kestrelhealth.org"]))
    s.nav("/manager/html", 401, ref=None, think=(0, 1))
    s.nav("/manager/html", 200, ref=None, think=(4, 12), assets=["/manager/images/tomcat.svg", "/manager/images/asf-logo.svg"])
    nonce = hexs(32, True)
    app = pick(["/orders", "/portal", "/reports"])
    s.nav("/manager/html/list?org.apache.catalina.filters.CSRF_NONCE=%s" % nonce, assets=["/manager/images/tomcat.svg"])
    s.nav("/manager/html/sessions?path=%s&org.apache.catalina.filters.CSRF_NONCE=%s" % (app, nonce), assets=[])
    s.nav("/manager/html/reload?path=%s&org.apache.catalina.filters.CSRF_NONCE=%s" % (app, nonce), method="POST", assets=[])
    if chance(0.6):
        s.nav("/manager/html/upload?org.apache.catalina.filters.CSRF_NONCE=%s" % nonce, method="POST", think=(20, 90), assets=[])
    s.nav("/manager/status?org.apache.catalina.filters.CSRF_NONCE=%s" % nonce, assets=[])
    s.nav("/manager/status/all", assets=[])
    s.nav(app + "/", think=(5, 30), assets=[app + "/css/app.css", app + "/js/app.js"])


@kind("Apache Tomcat", "tomcat-manager-text CI deploys a WAR through the text manager interface", 1)
def k_tomcat_text(s):
    s.__init__(s.kind, pick(["curl/8.5.0", "Apache-HttpClient/4.5.14 (Java/17.0.13)"]), pick(["app01.brightwater-eng.com", "tomcat.kestrelhealth.org"]))
    app = pick(["/orders", "/portal"])
    for _ in range(R.randint(2, 3)):
        s.req("GET", "/manager/text/serverinfo", 200, ref=None, gap=R.uniform(0, 2))
        s.req("GET", "/manager/text/list", 200, ref=None)
        s.req("PUT", "/manager/text/deploy?path=%s&update=true" % app, 200, ref=None)
        s.req("GET", "/manager/text/list", 200, ref=None)
        s.req("GET", app + "/health", 200, ref=None, gap=R.uniform(5, 20))
        s.t += R.uniform(600, 4000)


@kind("Oracle WebLogic", "weblogic-console-admin Administration Console: servers, deployments, JMS monitoring, REST management", 4)
def k_weblogic(s):
    s.__init__(s.kind, browser(ADMIN), pick(["wls-admin.brightwater-eng.com", "weblogic.kestrelhealth.org"]))
    dom = pick(["base_domain", "prod_domain", "osb_domain"])
    srv = pick(["ManagedServer1", "osb_server1", "soa_server1"])
    A = ["/console/framework/skins/wlsconsole/css/general.css", "/console/framework/skins/wlsconsole/images/login_WebLogic_branding.png"]
    s.nav("/console", 302, ref=None, think=(0, 1), setpage=False)
    s.nav("/console/login/LoginForm.jsp", ref=None, think=(0.05, 0.3), assets=A)
    s.nav("/console/j_security_check", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/console/console.portal?_nfpb=true&_pageLabel=HomePage1", think=(0.2, 1), assets=A + ["/console/framework/skins/wlsconsole/js/console.js"])

    def h(name, typ, extra=""):
        return pct20('com.bea.console.handles.JMXHandle("com.bea:Name=%s,Type=%s%s")' % (name, typ, extra))
    pages = ["/console/console.portal?_nfpb=true&_pageLabel=CoreServerServerTablePage",
             "/console/console.portal?_nfpb=true&_pageLabel=ServerMonitoringTabmonitoringTabPage&handle=%s" % h(srv, "Server"),
             "/console/console.portal?_nfpb=true&_pageLabel=AppDeploymentsControlPage&handle=%s" % h(dom, "Domain"),
             "/console/console.portal?_nfpb=true&DispatcherPortletperspective=configuration-page&_pageLabel=DispatcherPage&DispatcherPortlethandle=%s" % h(srv, "Server"),
             "/console/console.portal?_nfpb=true&_pageLabel=JMSQueueMonitorBook&handle=%s" % h("OrdersQueue", "weblogic.j2ee.descriptor.wl.QueueBean", ",Parent=[%s]/JMSSystemResources[OrdersModule],Path=JMSResource[OrdersModule]/Queues[OrdersQueue]" % dom),
             "/console/console.portal?_nfpb=true&_pageLabel=GlobalJDBCDataSourceTablePage"]
    for p in R.sample(pages, R.randint(4, 6)):
        s.nav(p, think=(8, 60), assets=A)
    s.ua = "curl/8.5.0"
    s.page = None
    s.think(60, 900)
    for _ in range(R.randint(2, 4)):
        s.req("GET", "/management/weblogic/latest/domainRuntime/serverRuntimes?links=none&fields=name,state,healthState", 200, ref=None, gap=R.uniform(1, 60))


@kind("Spring Boot", "spring-boot-actuator-probes kubelet probes and a Prometheus scrape of actuator endpoints", 4)
def k_actuator(s):
    v = R.randrange(2)
    s.__init__(s.kind, "kube-probe/1.31" if v == 0 else "Prometheus/3.1.0", pick(["orders-api.brightwater-eng.com", "billing.kestrelhealth.org"]))
    if v == 0:
        for _ in range(R.randint(6, 14)):
            s.req("GET", "/actuator/health/liveness", 200, R.randint(15, 20), ref=None, gap=R.uniform(9.9, 10.1))
            s.req("GET", "/actuator/health/readiness", 200, R.randint(15, 20), ref=None, gap=R.uniform(0.01, 0.5))
    else:
        for _ in range(R.randint(10, 28)):
            s.req("GET", "/actuator/prometheus", 200, R.randint(60000, 140000), ref=None, gap=R.uniform(14.9, 15.1))


@kind("Spring Boot", "spring-boot-admin Spring Boot Admin server polling, an admin views env, loggers, metrics and the log file", 2)
def k_sba(s):
    s.__init__(s.kind, "ReactorNetty/1.2.1", pick(["orders-api.brightwater-eng.com", "billing.kestrelhealth.org"]))
    for _ in range(R.randint(3, 6)):
        s.req("GET", "/actuator/health", 200, R.randint(200, 900), ref=None, gap=R.uniform(9.9, 10.1))
    s.req("GET", "/actuator/info", 200, ref=None)
    for p in ["/actuator/env", "/actuator/loggers", "/actuator/metrics/jvm.memory.used?tag=area:heap",
              "/actuator/metrics/http.server.requests?tag=uri:/api/orders&tag=status:500", "/actuator/threaddump", "/actuator/logfile"]:
        s.req("GET", p, 200, ref=None, gap=R.uniform(2, 30))
    for _ in range(R.randint(2, 4)):
        s.req("GET", "/actuator/health", 200, R.randint(200, 900), ref=None, gap=R.uniform(9.9, 10.1))


@kind("Apache OFBiz", "ofbiz-back-office staff in order manager, catalog, party manager and webtools log and entity views", 4)
def k_ofbiz(s):
    s.__init__(s.kind, browser(OFFICE), pick(["erp.orchard-dental.co.uk", "ofbiz.halvorsen-logistics.no"]))
    A = ["/images/jquery/jquery-3.5.1.min.js", "/common/js/util/OfbizUtil.js", "/rainbowstone/rainbowstone-saphir.css", "/images/ofbiz_logo.png"]
    s.nav("/ordermgr/control/main", ref=None, think=(0, 1), assets=A)
    s.nav("/ordermgr/control/login", 200, method="POST", think=(5, 15), assets=A)
    oid = "WSCO%d" % R.randint(10000, 99999)
    s.nav("/ordermgr/control/findorders?statusId=ORDER_APPROVED&lookupFlag=Y&hideFields=Y", assets=A)
    s.nav("/ordermgr/control/orderview?orderId=%s" % oid, assets=A)
    s.nav("/catalog/control/EditProduct?productId=%s" % pick(["GZ-1000", "WG-1111", "DR-5300"]), assets=A)
    s.nav("/partymgr/control/viewprofile?partyId=%d" % R.randint(10000, 12000), assets=A)
    if chance(0.6):
        s.nav("/webtools/control/main", assets=A)
        s.nav("/webtools/control/LogView", assets=A)
        s.nav("/webtools/control/FindGeneric?entityName=OrderHeader&find=true&VIEW_SIZE=50&VIEW_INDEX=0", assets=A)
    s.nav("/accounting/control/invoiceOverview?invoiceId=CI%d" % R.randint(10000, 99999), assets=A)
    s.nav("/ordermgr/control/logout", 302, setpage=False)


@kind("Apache Solr", "solr-admin-ui admin UI: cores, logging, query, schema, reload, DIH status", 5)
def k_solr(s):
    s.__init__(s.kind, browser(ADMIN), pick(["search01.brightwater-eng.com", "solr.kestrelhealth.org"]))
    core = pick(["products", "documents", "tickets"])
    s.nav("/solr/", ref=None, think=(0, 1), assets=[
        "/solr/css/angular/common.css", "/solr/libs/angular.min.js", "/solr/js/angular/app.js", "/solr/img/solr.svg"])
    s.xhr("/solr/admin/info/system?_=%d&wt=json" % s.ms())
    s.xhr("/solr/admin/cores?_=%d&indexInfo=false&wt=json" % s.ms())
    s.think(5, 30)
    s.xhr("/solr/admin/info/logging?_=%d&since=0&wt=json" % s.ms(), gap=0)
    s.think(5, 30)
    s.xhr("/solr/%s/admin/ping?action=status&_=%d&wt=json" % (core, s.ms()), gap=0)
    s.xhr("/solr/%s/admin/luke?_=%d&numTerms=0&show=index&wt=json" % (core, s.ms()))
    for q in R.sample(['name:"usb cable"', "*:*", "title:(invoice OR receipt)", "id:SKU-12*"], 2):
        s.think(5, 40)
        s.xhr("/solr/%s/select?q=%s&fq=%s&rows=10&wt=json&_=%d" % (core, euri(q), euri("inStock:true"), s.ms()), gap=0)
    s.xhr("/solr/%s/schema/fields?_=%d&wt=json" % (core, s.ms()), gap=R.uniform(5, 30))
    if chance(0.5):
        s.xhr("/solr/admin/cores?action=RELOAD&core=%s&_=%d&wt=json" % (core, s.ms()), gap=R.uniform(5, 30))
    if chance(0.4):
        s.xhr("/solr/%s/dataimport?_=%d&command=status&indent=on&wt=json" % (core, s.ms()), gap=R.uniform(5, 30))


# ================================================================== Elastic
KB_HOSTS = ["kibana.brightwater-eng.com", "logs.kestrelhealth.org"]


@kind("Elastic Kibana", "kibana-user Discover searches, dashboards, Dev Tools console requests", 6)
def k_kibana(s):
    s.__init__(s.kind, browser(ADMIN), pick(KB_HOSTS))
    bn = R.randint(80000, 89999)
    A = ["/%d/bundles/kbn-ui-shared-deps-npm/kbn-ui-shared-deps-npm.dll.js" % bn, "/%d/bundles/core/core.entry.js" % bn,
         "/ui/favicons/favicon.svg", "/translations/%s/en.json" % hexs(12)]
    s.nav("/login?next=%2F", ref=None, think=(0, 1), assets=A)
    s.xhr("/internal/security/login", "POST")
    s.nav("/app/home", think=(0.2, 1), assets=A)
    s.xhr("/api/status")
    s.nav("/app/discover", think=(5, 20), assets=A)
    s.xhr("/api/saved_objects/_find?fields=title&fields=type&per_page=10000&type=index-pattern")
    s.xhr("/internal/data_views/fields?pattern=%s&meta_fields=_source&meta_fields=_id&meta_fields=_index&meta_fields=_score&meta_fields=_ignored" % euri("logs-*"))
    for _ in range(R.randint(2, 4)):
        s.xhr("/internal/bsearch?compress=true", "POST", gap=R.uniform(5, 40))
    if chance(0.6):
        s.nav("/app/dev_tools", think=(5, 30), assets=A)
        for path, meth in R.sample([("_cat/indices?v", "GET"), ("_cluster/health", "GET"), ("logs-nginx-*/_search", "POST"),
                                   ("_cat/shards?v&h=index,shard,prirep,state,unassigned.reason", "GET"), ("_ilm/policy/logs", "GET")], 3):
            s.xhr("/api/console/proxy?path=%s&method=%s" % (euri(path), meth), "POST", gap=R.uniform(5, 40))
    else:
        s.nav("/app/dashboards", think=(5, 30), assets=A)
        s.xhr("/api/saved_objects/_bulk_get", "POST")
        for _ in range(R.randint(2, 5)):
            s.xhr("/internal/bsearch?compress=true", "POST", gap=R.uniform(0.1, 2))


@kind("Elastic Stack", "elastic-shipper Filebeat bulk indexing, or Elastic Agent checking in with Fleet", 3)
def k_beats(s):
    v = R.randrange(2)
    if v == 0:
        s.__init__(s.kind, "Elastic-filebeat/8.17.1 (linux; amd64; %s; 2025-01-16 09:26:53 +0000 UTC)" % hexs(40), pick(["es01.brightwater-eng.com", "elastic.kestrelhealth.org"]))
        s.req("GET", "/", 200, R.randint(500, 600), ref=None, gap=0)
        s.req("GET", "/_license?human=false", 200, ref=None)
        for _ in range(R.randint(8, 25)):
            s.req("POST", "/_bulk", 200, R.randint(300, 9000), ref=None, gap=R.uniform(1, 30))
    else:
        s.__init__(s.kind, "Elastic Agent v8.17.1", pick(["fleet.brightwater-eng.com", "fleet.kestrelhealth.org"]))
        aid = guid()
        for _ in range(R.randint(8, 14)):
            s.req("POST", "/api/fleet/agents/%s/checkin" % aid, 200, R.randint(20, 3000), ref=None, gap=R.uniform(30, 300))
            if chance(0.2):
                s.req("POST", "/api/fleet/agents/%s/acks" % aid, 200, ref=None)


# ================================================================== Grafana
GF_HOSTS = ["grafana.brightwater-eng.com", "metrics.kestrelhealth.org", "grafana.halvorsen-logistics.no"]


@kind("Grafana", "grafana-user dashboards with template variables, panel queries, search, annotations, auto-refresh", 7)
def k_grafana(s):
    s.__init__(s.kind, browser(ADMIN), pick(GF_HOSTS))
    A = ["/public/build/runtime.%s.js" % hexs(20), "/public/build/app.%s.js" % hexs(20), "/public/build/grafana.dark.%s.css" % hexs(20),
         "/public/img/grafana_icon.svg", "/public/fonts/inter/Inter-Regular.woff2"]
    s.nav("/login", ref=None, think=(0, 1), assets=A)
    s.xhr("/login", "POST")
    s.nav("/?orgId=1", think=(0.2, 1), assets=A)
    s.xhr("/api/search?query=&starred=false&limit=50")
    node = pick(["db-2:9100", "web-1.internal:9100", "10.20.4.17:9100"])
    d = "/d/rYdddlPWk/node-exporter-full?orgId=1&refresh=1m&var-datasource=default&var-job=node&var-node=%s&var-diskdevices=%s" % (
        node, euri("[a-z]+|nvme[0-9]+n[0-9]+|mmcblk[0-9]+"))
    s.nav(d, think=(5, 30), assets=A)
    s.xhr("/api/dashboards/uid/rYdddlPWk")
    s.xhr("/api/datasources/proxy/uid/%s/api/v1/label/instance/values?match[]=%s" % (lalnum(9), euri('node_uname_info{job="node"}')))
    for _ in range(R.randint(2, 3)):
        s.xhr("/api/ds/query?ds_type=prometheus&requestId=SQR%d" % R.randint(100, 200), "POST", gap=R.uniform(0.05, 0.5))
    s.xhr("/api/annotations?from=%d&to=%d&limit=100&matchAny=false&dashboardUID=rYdddlPWk" % (s.ms() - 3600000, s.ms()))
    for _ in range(R.randint(2, 6)):
        s.xhr("/api/ds/query?ds_type=prometheus&requestId=SQR%d" % R.randint(200, 400), "POST", gap=R.uniform(59.5, 60.5))
    if chance(0.4):
        s.nav("/explore?schemaVersion=1&panes=%s&orgId=1" % euri('{"a":{"datasource":"loki","queries":[{"refId":"A","expr":"{job=\\"nginx\\"} |= \\"error\\""}],"range":{"from":"now-1h","to":"now"}}}'),
              think=(5, 30), assets=A)
        s.xhr("/api/ds/query?ds_type=loki&requestId=explore_a", "POST")


@kind("Grafana", "grafana-alloy Grafana Alloy pushing metrics (remote write) and logs to Mimir/Loki behind nginx", 2)
def k_alloy(s):
    s.__init__(s.kind, pick(["Alloy/v1.5.1 (linux; binary)", "Alloy/v1.6.1 (linux; docker)"]), pick(["mimir.brightwater-eng.com", "push.kestrelhealth.org"]))
    for _ in range(R.randint(8, 15)):
        s.req("POST", "/api/v1/push", 200, 0, ref=None, gap=R.uniform(14, 16))
        if chance(0.6):
            s.req("POST", "/loki/api/v1/push", 204, 0, ref=None, gap=R.uniform(0.5, 3))


# ================================================================== monitoring consoles
@kind("Zabbix", "zabbix-operator dashboard widgets, problems filter, latest data, graphs, audit log, API", 5)
def k_zabbix(s):
    s.__init__(s.kind, browser(ADMIN), pick(["zabbix.brightwater-eng.com", "monitor.orchard-dental.co.uk"]))
    A = ["/zabbix/assets/styles/blue-theme.css?%d" % R.randint(10 ** 9, 2 * 10 ** 9), "/zabbix/js/browsers.js",
         "/zabbix/jsLoader.php?ver=7.0.7&lang=en_US", "/zabbix/assets/img/favicon.ico"]
    s.nav("/zabbix/index.php", ref=None, think=(0, 1), assets=A)
    s.nav("/zabbix/index.php", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/zabbix/zabbix.php?action=dashboard.view", think=(0.1, 0.4), assets=A)
    for w in ["widget.problems.view", "widget.systeminfo.view", "widget.graph.view"]:
        s.xhr("/zabbix/zabbix.php?action=%s" % w, "POST")
    s.nav("/zabbix/zabbix.php?action=problem.view&filter_set=1&show=1&severities%5B3%5D=3&severities%5B4%5D=4&severities%5B5%5D=5", assets=A)
    hid = R.randint(10084, 10600)
    s.nav("/zabbix/zabbix.php?action=latest.view&filter_hostids%%5B%%5D=%d&filter_set=1" % hid, assets=A)
    item = R.randint(23000, 60000)
    s.nav("/zabbix/history.php?action=showgraph&itemids%%5B%%5D=%d" % item, assets=A)
    s.xhr("/zabbix/chart.php?from=now-1h&to=now&itemids%%5B0%%5D=%d&type=0&profileIdx=web.item.graph.filter&profileIdx2=%d&width=1520&height=200&_=%s" % (item, item, lalnum(8)))
    s.xhr("/zabbix/jsrpc.php?output=json-rpc", "POST")
    if chance(0.5):
        s.nav("/zabbix/zabbix.php?action=auditlog.list", assets=A)


@kind("Zabbix", "zabbix-api-client the Grafana Zabbix plugin querying the Zabbix API", 1)
def k_zabbix_api(s):
    s.__init__(s.kind, "Grafana/11.4.0", pick(["zabbix.brightwater-eng.com", "monitor.orchard-dental.co.uk"]))
    for _ in range(R.randint(10, 20)):
        s.req("POST", "/zabbix/api_jsonrpc.php", 200, R.randint(200, 40000), ref=None, gap=R.uniform(0.1, 60))


@kind("Nagios", "nagios-operator Nagios Core CGIs: tactical overview, service status, acknowledge, event log", 4)
def k_nagios(s):
    s.__init__(s.kind, browser(ADMIN), pick(["nagios.brightwater-eng.com", "mon.vandermeer-law.nl"]))
    s.nav("/nagios/", 401, ref=None, think=(0, 1))
    s.nav("/nagios/", ref=None, think=(3, 10), assets=["/nagios/stylesheets/common.css", "/nagios/images/logofullsize.png"])
    s.nav("/nagios/side.php", think=(0.05, 0.3), assets=["/nagios/images/sblogo.png"])
    s.nav("/nagios/main.php", think=(0.05, 0.3), ref=s.url("/nagios/"), assets=[])
    s.nav("/nagios/cgi-bin/tac.cgi", ref=s.url("/nagios/side.php"), think=(2, 10), assets=["/nagios/stylesheets/tac.css"])
    s.nav("/nagios/cgi-bin/status.cgi?host=all&servicestatustypes=28", ref=s.url("/nagios/side.php"), assets=["/nagios/stylesheets/status.css"])
    h, svc = pick([("web-03", "HTTPS"), ("db-01", "PostgreSQL"), ("mail-02", "SMTP"), ("fs-01", "Disk /srv")])
    s.nav("/nagios/cgi-bin/extinfo.cgi?type=2&host=%s&service=%s" % (h, form(svc)), assets=["/nagios/stylesheets/extinfo.css"])
    s.nav("/nagios/cgi-bin/cmd.cgi?cmd_typ=34&host=%s&service=%s" % (h, form(svc)), assets=["/nagios/stylesheets/cmd.css"])
    s.nav("/nagios/cgi-bin/cmd.cgi", method="POST", think=(10, 40), assets=[])
    if chance(0.6):
        s.nav("/nagios/cgi-bin/showlog.cgi", ref=s.url("/nagios/side.php"), assets=["/nagios/stylesheets/showlog.css"])
    s.xhr("/nagios/cgi-bin/statusjson.cgi?query=servicelist&details=true&servicestatus=critical+warning")


@kind("Paessler PRTG", "prtg-operator PRTG web interface: sensors down, device and sensor pages, graphs, table API", 4)
def k_prtg(s):
    s.__init__(s.kind, browser(ADMIN), pick(["prtg.brightwater-eng.com", "prtg.orchard-dental.co.uk"]))
    s.nav("/index.htm", 302, ref=None, think=(0, 1), setpage=False)
    s.nav("/public/login.htm?loginurl=%2Findex.htm&errormsg=", ref=None, think=(0.05, 0.3), assets=["/css/prtg.css?version=%s" % hexs(8), "/images/prtg_logo.svg"])
    s.nav("/public/checklogin.htm", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/welcome.htm", think=(0.1, 0.4), assets=["/css/prtg.css?version=%s" % hexs(8), "/javascript/prtg.js?version=%s" % hexs(8)])
    s.xhr("/api/getstatus.htm?id=0")
    s.nav("/sensors.htm?filter_status=5", assets=[])
    s.xhr("/api/table.json?content=sensors&columns=objid,device,sensor,status,message,lastvalue&filter_status=5&count=50&usecaption=true")
    dev = R.randint(2000, 9000)
    sen = dev + R.randint(1, 40)
    s.nav("/device.htm?id=%d&tabid=1" % dev, assets=[])
    s.nav("/sensor.htm?id=%d&tabid=1" % sen, assets=[])
    s.xhr("/chart.svg?type=graph&graphid=0&id=%d&width=850&height=270&graphstyling=baseFontSize%%3D%%2711%%27%%20showLegend%%3D%%271%%27&refreshable=true" % sen)
    for _ in range(R.randint(1, 4)):
        s.xhr("/api/getstatus.htm?id=0", gap=R.uniform(25, 35))


@kind("SolarWinds", "solarwinds-orion-user Orion web console: summary view, node details, alerts", 4)
def k_orion(s):
    s.__init__(s.kind, browser(OFFICE), pick(["orion.brightwater-eng.com", "npm.kestrelhealth.org"]))
    A = ["/Orion/styles/OrionMinReqs.css?v=%s" % hexs(8), "/Orion/js/OrionMinReqs.js?v=%s" % hexs(8), "/Orion/images/SolarWinds.Logo.Footer.svg"]
    s.nav("/Orion/Login.aspx?ReturnUrl=%2fOrion%2fSummaryView.aspx", ref=None, think=(0, 1), assets=A)
    s.nav("/Orion/Login.aspx?ReturnUrl=%2fOrion%2fSummaryView.aspx", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/Orion/SummaryView.aspx", think=(0.1, 0.4), assets=A + ["/Orion/WebResource.axd?d=%s&t=%d" % (b64(60, url=True, pad=False), R.randint(6 * 10 ** 17, 7 * 10 ** 17))])
    s.xhr("/Orion/Services/AsyncResources.asmx/GetResourceHtml", "POST")
    s.xhr("/Orion/Services/AsyncResources.asmx/GetResourceHtml", "POST")
    nid = R.randint(10, 900)
    s.nav("/Orion/NetPerfMon/NodeDetails.aspx?NetObject=N%%3a%d" % nid, assets=A)
    s.nav("/Orion/NetPerfMon/Alerts.aspx", assets=A)
    s.nav("/Orion/NetPerfMon/Events.aspx?NetObject=N%%3a%d" % nid, assets=A)
    s.nav("/Orion/Netperfmon/CustomChart.aspx?chartName=CPULoad&NetObject=N%%3a%d&Period=Today" % nid, assets=A)


@kind("SolarWinds", "solarwinds-swis-script script querying SWIS with SWQL (GET Query with a SELECT statement)", 2)
def k_swis(s):
    s.__init__(s.kind, pick(["python-requests/2.32.3", "Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.20348.2849"]), pick(["orion.brightwater-eng.com", "npm.kestrelhealth.org"]))
    qs_ = ["SELECT NodeID, Caption, IPAddress, Status FROM Orion.Nodes WHERE Status = 2",
           "SELECT TOP 50 EventTime, Message FROM Orion.Events ORDER BY EventTime DESC",
           "SELECT Uri FROM Orion.Pollers ORDER BY PollerID WITH ROWS 1 TO 3 WITH TOTALROWS",
           "SELECT InterfaceID, Caption, InPercentUtil FROM Orion.NPM.Interfaces WHERE InPercentUtil > 80"]
    for _ in range(R.randint(3, 5)):
        for q in R.sample(qs_, 2):
            s.req("GET", "/SolarWinds/InformationService/v3/Json/Query?query=%s" % form(q), 200, R.randint(200, 40000), ref=None, gap=R.uniform(0.2, 3))
        s.t += R.uniform(300, 900)


@kind("SolarWinds", "solarwinds-web-help-desk user opens a ticket in Web Help Desk (WebObjects URLs)", 2)
def k_whd(s):
    s.__init__(s.kind, browser(OFFICE), pick(["helpdesk.brightwater-eng.com", "whd.kestrelhealth.org"]))
    s.nav("/helpdesk/WebObjects/Helpdesk.woa", ref=None, think=(0, 1), assets=["/helpdesk/WebObjects/Helpdesk.woa/Contents/WebServerResources/css/whd.css"])
    sid = b64(16, url=True, pad=False)
    s.nav("/helpdesk/WebObjects/Helpdesk.woa/wo/%s/0.7.1" % sid, 302, method="POST", think=(5, 15), setpage=False)
    for i in range(R.randint(6, 10)):
        s.nav("/helpdesk/WebObjects/Helpdesk.woa/wo/%s/%d.0.%d.%d" % (sid, i + 1, R.randint(1, 20), R.randint(1, 9)),
              think=(5, 40), assets=["/helpdesk/WebObjects/Helpdesk.woa/Contents/WebServerResources/css/whd.css"])
    s.xhr("/helpdesk/WebObjects/Helpdesk.woa/ajax/%s/%d.0.3" % (sid, R.randint(10, 30)), "POST")


# ================================================================== managed file transfer
@kind("Progress MOVEit Transfer", "moveit-transfer-user web interface sign-on, home, folder listings", 3)
def k_moveit(s):
    s.__init__(s.kind, browser(OFFICE), pick(["transfer.kestrelhealth.org", "sft.brightwater-eng.com"]))
    s.nav("/", 302, ref=None, think=(0, 1), setpage=False)
    s.nav("/human.aspx", ref=None, think=(0.05, 0.3), assets=["/templates/stylesheet_MOVEit.css", "/images/logo.gif", "/templates/scripts/jquery.min.js"])
    s.nav("/human.aspx", 302, method="POST", think=(5, 15), setpage=False)
    r = alnum(26)
    s.nav("/human.aspx?r=%s&arg12=home" % r, think=(0.1, 0.4), assets=["/templates/stylesheet_MOVEit.css"])
    for _ in range(R.randint(3, 6)):
        s.nav("/human.aspx?r=%s&arg06=%d&arg12=filelist" % (r, R.randint(100000000, 999999999)), think=(5, 40), assets=["/templates/stylesheet_MOVEit.css"])
    s.nav("/human.aspx?r=%s&arg12=signoff" % r, 302, think=(10, 60), setpage=False)


@kind("Progress MOVEit Transfer", "moveit-transfer-api partner script uploading and downloading through the MOVEit REST API", 2)
def k_moveit_api(s):
    s.__init__(s.kind, "python-requests/2.32.3", pick(["transfer.kestrelhealth.org", "sft.brightwater-eng.com"]))
    s.req("POST", "/api/v1/token", 200, ref=None, gap=0)
    s.req("GET", "/api/v1/users/self", 200, ref=None)
    fid = R.randint(100000000, 999999999)
    s.req("GET", "/api/v1/folders?path=%s" % euri("/Home/partner-acme/inbound"), 200, ref=None)
    s.req("GET", "/api/v1/folders/%d/files?page=1&perPage=25&sortField=uploadStamp&sortDirection=desc" % fid, 200, ref=None)
    for _ in range(R.randint(2, 4)):
        s.req("GET", "/api/v1/files/%d/download" % R.randint(100000000, 999999999), 200, R.randint(10000, 9000000), ref=None)
    s.req("POST", "/api/v1/folders/%d/files" % fid, 201, ref=None)
    s.req("POST", "/api/v1/token/revoke", 200, ref=None)


@kind("Fortra GoAnywhere MFT", "goanywhere-admin admin console (JSF pages and AJAX posts) and a partner on the Web Client", 4)
def k_goanywhere(s):
    s.__init__(s.kind, browser(ADMIN), pick(["mft.brightwater-eng.com", "goanywhere.halvorsen-logistics.no"]))
    js = "/goanywhere/javax.faces.resource/jsf.js.xhtml?ln=javax.faces"
    if chance(0.6):
        s.nav("/goanywhere/auth/Login.xhtml", ref=None, think=(0, 1), assets=[js, "/goanywhere/javax.faces.resource/theme.css.xhtml?ln=primefaces-goanywhere"])
        s.nav("/goanywhere/auth/Login.xhtml", 302, method="POST", think=(5, 15), setpage=False)
        for p in ["/goanywhere/dashboard/Dashboard.xhtml", "/goanywhere/jobs/ActiveJobs.xhtml", "/goanywhere/jobs/CompletedJobs.xhtml",
                  "/goanywhere/projects/Projects.xhtml", "/goanywhere/logs/AuditLogs.xhtml"][:R.randint(3, 5)]:
            s.nav(p, think=(5, 40), assets=[js])
            s.xhr(p, "POST")
    else:
        s.nav("/webclient/Login.xhtml", ref=None, think=(0, 1), assets=[js, "/webclient/javax.faces.resource/webclient.css.xhtml?ln=css"])
        s.nav("/webclient/Login.xhtml", 302, method="POST", think=(5, 15), setpage=False)
        s.nav("/webclient/Explorer.xhtml", think=(0.1, 0.4), assets=[js])
        for _ in range(R.randint(3, 6)):
            s.xhr("/webclient/Explorer.xhtml", "POST", gap=R.uniform(3, 30))
        s.nav("/webclient/Logout.xhtml", 302, setpage=False)


@kind("CrushFTP", "crushftp-user WebInterface: login, folder listings, chunked upload, download", 4)
def k_crushftp(s):
    s.__init__(s.kind, browser(DESKTOP), pick(["files.orchard-dental.co.uk", "ftp.vandermeer-law.nl"]))
    s.nav("/", 302, ref=None, think=(0, 1), setpage=False)
    s.nav("/WebInterface/login.html", ref=None, think=(0.05, 0.3), assets=["/WebInterface/Resources/css/login.css", "/WebInterface/Resources/js/jquery.min.js"])
    s.xhr("/WebInterface/function/", "POST")
    s.nav("/", think=(0.2, 1), assets=["/WebInterface/new-ui/assets/index.js", "/WebInterface/new-ui/assets/index.css"])
    s.xhr("/WebInterface/function/", "POST")
    for _ in range(R.randint(2, 5)):
        s.xhr("/WebInterface/function/", "POST", gap=R.uniform(3, 30))
    if chance(0.6):
        up = lalnum(8)
        s.xhr("/WebInterface/function/", "POST", gap=R.uniform(5, 30))
        for i in range(1, R.randint(2, 5)):
            s.xhr("/U/%s~%d~524288" % (up, i), "POST", gap=R.uniform(0.5, 3))
        s.xhr("/WebInterface/function/", "POST")
    s.nav("/%s/%s" % (pick(["Shared", "Clients/Acme"]), pick(["scan_0012.pdf", "X-rays%202026-01.zip", "invoice-4471.pdf"])),
          think=(5, 30), setpage=False, size=R.randint(30000, 9000000))


# ================================================================== file sync
NC_HOSTS = ["cloud.orchard-dental.co.uk", "nextcloud.vandermeer-law.nl", "drive.halvorsen-logistics.no"]


@kind("Nextcloud", "nextcloud-web-user files app: WebDAV listings, previews, share API, download and chunked upload", 6)
def k_nextcloud(s):
    s.__init__(s.kind, browser(DESKTOP), pick(NC_HOSTS))
    u = pick(FIRST)
    A = ["/dist/core-common.js?v=%s" % hexs(8), "/dist/core-main.js?v=%s" % hexs(8), "/core/css/server.css?v=%s" % hexs(8),
         "/core/img/logo/logo.svg?v=1"]
    s.nav("/login", ref=None, think=(0, 1), assets=A)
    s.nav("/login", 303, method="POST", think=(5, 15), setpage=False)
    s.nav("/apps/dashboard/", think=(0.1, 0.4), assets=A)
    s.xhr("/ocs/v2.php/apps/notifications/api/v2/notifications")
    d = pick(["/Documents", "/Photos/2025", "/Clients/Acme", "/Shared/Board"])
    s.nav("/apps/files/?dir=%s&fileid=%d" % (d, R.randint(100, 90000)), assets=A + ["/dist/files-main.js?v=%s" % hexs(8)])
    s.xhr("/remote.php/dav/files/%s%s/" % (u, pct20(d)), "PROPFIND", status=207)
    for _ in range(R.randint(2, 4)):
        s.xhr("/core/preview?fileId=%d&x=256&y=256&a=true&v=%s" % (R.randint(100, 90000), hexs(13)))
    fn = pick(["Report Q4.docx", "contract draft v3.pdf", "IMG_2041.jpg"])
    s.xhr("/ocs/v2.php/apps/files_sharing/api/v1/shares?format=json&path=%s&reshares=true" % euri(d + "/" + fn))
    s.xhr("/remote.php/dav/files/%s%s/%s" % (u, pct20(d), pct20(fn)), size=R.randint(30000, 5000000), gap=R.uniform(5, 30))
    if chance(0.6):
        up = "web-file-upload-%s-%d" % (hexs(32), s.ms())
        s.xhr("/remote.php/dav/uploads/%s/%s" % (u, up), "MKCOL", status=201, gap=R.uniform(5, 30))
        for i in range(1, R.randint(2, 4)):
            s.xhr("/remote.php/dav/uploads/%s/%s/%d" % (u, up, i), "PUT", status=201)
        s.xhr("/remote.php/dav/uploads/%s/%s/.file" % (u, up), "MOVE", status=201)
    s.xhr("/ocs/v2.php/apps/notifications/api/v2/notifications", gap=R.uniform(30, 60))


NC_CLIENT_UA = ["Mozilla/5.0 (Windows) mirall/3.15.3 (Nextcloud, windows-10.0.22631 ClientArchitecture: x86_64 OsArchitecture: x86_64)",
                "Mozilla/5.0 (Macintosh) mirall/3.15.3 (Nextcloud, osx-24.2.0 ClientArchitecture: arm64 OsArchitecture: arm64)",
                "Mozilla/5.0 (Linux) mirall/3.14.3 (Nextcloud, ubuntu-6.8.0-51-generic ClientArchitecture: x86_64 OsArchitecture: x86_64)"]


@kind("Nextcloud", "nextcloud-desktop-client desktop sync client: status, capabilities, PROPFIND polling, uploads and downloads", 5)
def k_nc_client(s):
    s.__init__(s.kind, pick(NC_CLIENT_UA), pick(NC_HOSTS))
    u = pick(FIRST)
    s.req("GET", "/status.php", 200, R.randint(150, 200), ref=None, gap=0)
    s.req("GET", "/ocs/v1.php/cloud/capabilities?format=json", 200, ref=None)
    s.req("GET", "/ocs/v1.php/cloud/user?format=json", 200, ref=None)
    s.req("GET", "/ocs/v2.php/apps/notifications/api/v2/notifications?format=json", 200, ref=None)
    for _ in range(R.randint(4, 10)):
        s.req("PROPFIND", "/remote.php/dav/files/%s/" % u, 207, R.randint(400, 2000), ref=None, gap=R.uniform(25, 35))
        if chance(0.3):
            d = pick(["Documents", "Photos/2025", "Shared/Board"])
            s.req("PROPFIND", "/remote.php/dav/files/%s/%s/" % (u, pct20(d)), 207, R.randint(900, 30000), ref=None)
            if chance(0.5):
                s.req("PUT", "/remote.php/dav/files/%s/%s/%s" % (u, pct20(d), pct20(pick(["notes.md", "budget 2026.xlsx", "scan.pdf"]))), 201, 0, ref=None)
            else:
                s.req("GET", "/remote.php/dav/files/%s/%s/%s" % (u, pct20(d), pct20(pick(["minutes.docx", "IMG_2044.jpg"]))),
                      404 if chance(0.1) else 200, R.randint(20000, 4000000), ref=None)
    s.req("GET", "/ocs/v2.php/apps/user_status/api/v1/user_status?format=json", 200, ref=None)


@kind("ownCloud", "owncloud-user ownCloud web and desktop client: files, WebDAV, shares", 3)
def k_owncloud(s):
    web = chance(0.6)
    s.__init__(s.kind, browser(DESKTOP) if web else "Mozilla/5.0 (Windows) mirall/5.3.2 (ownCloud, windows-10.0.19045 ClientArchitecture: x86_64 OsArchitecture: x86_64)",
               pick(["owncloud.kestrelhealth.org", "files.lindqvist-group.se"]))
    u = pick(FIRST)
    if web:
        s.nav("/index.php/login", ref=None, think=(0, 1), assets=["/core/css/styles.css?v=%s" % hexs(32), "/core/js/core.js?v=%s" % hexs(32)])
        s.nav("/index.php/login", 303, method="POST", think=(5, 15), setpage=False)
        s.nav("/index.php/apps/files/?dir=/&fileid=%d" % R.randint(10, 9000), think=(0.1, 0.4), assets=["/apps/files/js/app.js?v=%s" % hexs(32)])
        for d in R.sample(["/Documents", "/Projects", "/Photos"], 2):
            s.xhr("/remote.php/dav/files/%s%s" % (u, d), "PROPFIND", status=207, gap=R.uniform(5, 30))
        s.xhr("/ocs/v1.php/apps/files_sharing/api/v1/shares?format=json&path=%s&reshares=true" % euri("/Documents/plan.pdf"))
        s.xhr("/index.php/apps/files/ajax/download.php?dir=%s&files=%s" % (euri("/Documents"), euri("plan.pdf")), size=R.randint(20000, 900000))
        s.xhr("/remote.php/webdav/Documents/plan.pdf", size=R.randint(20000, 900000))
    else:
        s.req("GET", "/status.php", 200, ref=None, gap=0)
        s.req("GET", "/ocs/v1.php/cloud/capabilities?format=json", 200, ref=None)
        for _ in range(R.randint(6, 12)):
            s.req("PROPFIND", "/remote.php/dav/files/%s/" % u, 207, R.randint(400, 2000), ref=None, gap=R.uniform(25, 35))
        s.req("PUT", "/remote.php/dav/files/%s/Documents/report.docx" % u, 204, 0, ref=None)


# ================================================================== webmail
@kind("Zimbra", "zimbra-webmail-user Zimbra web client: SOAP search and reads, attachments via /service/home/~/, calendar export", 5)
def k_zimbra(s):
    s.__init__(s.kind, browser(OFFICE), pick(["mail.orchard-dental.co.uk", "zimbra.halvorsen-logistics.no"]))
    v = "%d" % R.randint(1700000000, 1769000000)
    s.nav("/", ref=None, think=(0, 1), assets=["/css/common,login,zhtml,skin.css?skin=harmony&v=%s" % v, "/js/Ajax_all.js.zgz?v=%s" % v])
    s.nav("/", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/", think=(0.1, 0.4), assets=["/js/Startup1_1_all.js.zgz?v=%s" % v, "/js/Startup1_2_all.js.zgz?v=%s" % v,
                                          "/css/images,common,dwt,msgview,login,zm,spellcheck,skin.css?v=%s&skin=harmony" % v])
    s.xhr("/service/soap/GetInfoRequest", "POST")
    s.xhr("/service/soap/SearchRequest", "POST")
    for _ in range(R.randint(2, 4)):
        s.xhr("/service/soap/GetMsgRequest", "POST", gap=R.uniform(5, 60))
        if chance(0.4):
            s.xhr("/service/home/~/?auth=co&loc=en_GB&id=%d&part=%d&disp=a" % (R.randint(200, 90000), R.randint(2, 3)), size=R.randint(20000, 3000000))
    s.xhr("/service/soap/NoOpRequest", "POST", gap=R.uniform(60, 300))
    if chance(0.5):
        s.xhr("/service/soap/SendMsgRequest", "POST", gap=R.uniform(30, 200))
    if chance(0.4):
        s.xhr("/service/home/~/Calendar?fmt=ics", size=R.randint(4000, 90000))


RC_HOSTS = ["webmail.orchard-dental.co.uk", "mail.vandermeer-law.nl", "post.lindqvist-group.se"]


@kind("Roundcube", "roundcube-user list refresh, message preview with _caps, attachment download, compose with upload, send", 7)
def k_roundcube(s):
    s.__init__(s.kind, browser(DESKTOP), pick(RC_HOSTS))
    sv = R.randint(1700000000, 1769000000)
    A = ["/skins/elastic/deps/bootstrap.min.css?s=%d" % sv, "/skins/elastic/styles/styles.min.css?s=%d" % sv,
         "/program/js/jquery.min.js?s=%d" % sv, "/program/js/app.min.js?s=%d" % sv, "/skins/elastic/ui.min.js?s=%d" % sv]
    s.nav("/", ref=None, think=(0, 1), assets=A)
    s.nav("/?_task=login", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/?_task=mail&_mbox=INBOX", think=(0.1, 0.4), assets=A)
    s.xhr("/?_task=mail&_action=list&_refresh=1&_layout=widescreen&_mbox=INBOX&_page=&_remote=1&_unlock=loading%d&_=%d" % (s.ms(), s.ms()))
    for _ in range(R.randint(2, 4)):
        uid = R.randint(100, 40000)
        s.think(5, 60)
        s.req("GET", "/?_task=mail&_caps=pdf%%3D1%%2Cflash%%3D0%%2Ctiff%%3D0%%2Cwebp%%3D1%%2Cpgpmime%%3D0&_uid=%d&_mbox=INBOX&_framed=1&_action=preview" % uid, 200, gap=0)
        if chance(0.35):
            s.xhr("/?_task=mail&_action=get&_uid=%d&_mbox=INBOX&_part=2&_download=1" % uid, size=R.randint(20000, 4000000))
    s.xhr("/?_task=mail&_action=refresh", "POST", gap=R.uniform(30, 90))
    if chance(0.6):
        cid = hexs(24)
        s.nav("/?_task=mail&_action=compose&_id=%s" % cid, think=(5, 30), assets=A)
        if chance(0.6):
            s.xhr("/?_task=mail&_action=upload&_id=%s&_uploadid=upload%d&_from=compose" % (cid, s.ms()), "POST", gap=R.uniform(20, 90))
        s.xhr("/?_task=mail&_action=send", "POST", gap=R.uniform(30, 200))
        s.nav("/?_task=mail&_mbox=INBOX", think=(0.5, 2), assets=A)
    if chance(0.3):
        s.nav("/?_task=settings&_action=identities", think=(5, 30), assets=A)
        s.xhr("/?_task=settings&_action=edit-identity&_iid=%d&_framed=1" % R.randint(1, 9))
    s.nav("/?_task=logout&_token=%s" % alnum(32), 302, think=(10, 200), setpage=False)


@kind("SquirrelMail", "squirrelmail-user classic SquirrelMail: frames, read body, attachment download, compose", 3)
def k_squirrel(s):
    s.__init__(s.kind, browser(["firefox_esr_linux", "firefox_win", "chrome_win"]), pick(["webmail.lindqvist-group.se", "mail.orchard-dental.co.uk"]))
    s.nav("/src/login.php", ref=None, think=(0, 1), assets=["/images/sm_logo.png"])
    s.nav("/src/redirect.php", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/src/webmail.php", think=(0.1, 0.4))
    s.req("GET", "/src/left_main.php", 200)
    s.req("GET", "/src/right_main.php", 200)
    s.page = s.url("/src/right_main.php")
    for _ in range(R.randint(2, 4)):
        pid = R.randint(100, 9000)
        s.nav("/src/read_body.php?mailbox=INBOX&passed_id=%d&startMessage=1" % pid, think=(5, 60))
        if chance(0.35):
            s.nav("/src/download.php?absolute_dl=true&passed_id=%d&mailbox=INBOX&ent_id=2" % pid, setpage=False, size=R.randint(20000, 2000000))
        s.nav("/src/right_main.php?PG_SHOWALL=0&sort=0&startMessage=1&mailbox=INBOX", think=(2, 10))
    if chance(0.5):
        s.nav("/src/compose.php?mailbox=INBOX&startMessage=1", think=(5, 20))
        s.nav("/src/compose.php", method="POST", think=(30, 200))
    s.nav("/src/signout.php", think=(10, 60))


# ================================================================== database admin
@kind("phpMyAdmin", "phpmyadmin-dba phpMyAdmin 5.2: structure, browse with sql_query links, SQL tab, export", 5)
def k_pma(s):
    s.__init__(s.kind, browser(ADMIN), pick(["db.orchard-dental.co.uk", "hosting42.vandermeer-law.nl", "admin.lindqvist-group.se"]))
    P = "/phpmyadmin"
    A = ["%s/themes/pmahomme/css/theme.css?v=5.2.2" % P, "%s/js/vendor/jquery/jquery.min.js?v=5.2.2" % P,
         "%s/js/dist/ajax.js?v=5.2.2" % P, "%s/themes/pmahomme/img/logo_left.png" % P]
    s.nav(P + "/", ref=None, think=(0, 1), assets=A)
    s.nav(P + "/index.php?route=/", 302, method="POST", think=(5, 15), setpage=False)
    s.nav(P + "/index.php?route=/", think=(0.1, 0.4), assets=A)
    s.xhr(P + "/index.php?route=/navigation&ajax_request=1", "POST")
    db = pick(["shop", "wordpress", "crm", "wp_clinic"])
    tbl = pick(["orders", "wp_options", "customers", "wp_posts"])
    s.nav(P + "/index.php?route=/database/structure&db=%s" % db, assets=A)
    s.nav(P + "/index.php?route=/sql&db=%s&table=%s&pos=0" % (db, tbl), assets=A)
    q = pick(["SELECT * FROM `%s` WHERE `status` = 'pending'" % tbl, "SELECT option_name, option_value FROM `wp_options` WHERE autoload = 'yes'",
              "SELECT COUNT(*) FROM `%s`" % tbl])
    s.nav(P + "/index.php?route=/sql&db=%s&table=%s&sql_query=%s&pos=0" % (db, tbl, form(q)), assets=A)
    s.nav(P + "/index.php?route=/table/sql&db=%s&table=%s" % (db, tbl), assets=A)
    s.xhr(P + "/index.php?route=/import", "POST", gap=R.uniform(20, 90))
    if chance(0.5):
        s.nav(P + "/index.php?route=/table/structure&db=%s&table=%s" % (db, tbl), assets=A)
    if chance(0.5):
        s.nav(P + "/index.php?route=/database/export&db=%s" % db, assets=A)
        s.nav(P + "/index.php?route=/export", method="POST", setpage=False, size=R.randint(100000, 9000000))


@kind("Adminer", "adminer-dba Adminer: select with where[] filters, SQL command, table structure, dump", 3)
def k_adminer(s):
    s.__init__(s.kind, browser(ADMIN), pick(["dev.orchard-dental.co.uk", "tools.vandermeer-law.nl"]))
    s.nav("/adminer.php", ref=None, think=(0, 1), assets=["/adminer.php?file=default.css&version=4.8.1", "/adminer.php?file=functions.js&version=4.8.1", "/adminer.php?file=favicon.ico&version=4.8.1"])
    base = "/adminer.php?server=%s&username=%s" % (pick(["db", "localhost", "mariadb"]), pick(["app", "root", "shop"]))
    s.nav(base, 302, method="POST", think=(5, 15), setpage=False)
    db = pick(["shop", "crm"])
    s.nav(base + "&db=%s" % db, assets=[])
    t = pick(["orders", "customers", "invoices"])
    s.nav(base + "&db=%s&select=%s" % (db, t), assets=[])
    s.nav(base + "&db=%s&select=%s&where%%5B0%%5D%%5Bcol%%5D=status&where%%5B0%%5D%%5Bop%%5D=%%3D&where%%5B0%%5D%%5Bval%%5D=pending&order%%5B0%%5D=created_at&desc%%5B0%%5D=1&limit=50" % (db, t), assets=[])
    s.nav(base + "&db=%s&table=%s" % (db, t), assets=[])
    s.nav(base + "&db=%s&sql=" % db, assets=[])
    s.nav(base + "&db=%s&sql=" % db, method="POST", think=(20, 90), assets=[])
    if chance(0.5):
        s.nav(base + "&db=%s&dump=%s" % (db, t), assets=[])
        s.nav(base + "&db=%s&dump=%s" % (db, t), method="POST", setpage=False, size=R.randint(10000, 900000))


# ================================================================== hosting panels
@kind("cPanel", "cpanel-site-owner cPanel Jupiter: file manager, edits wp-config.php and .htaccess, email accounts, error log, backup", 5)
def k_cpanel(s):
    s.__init__(s.kind, browser(DESKTOP), pick(["server12.hostwell.net", "cp.orchard-dental.co.uk", "host3.nordweb.de"]))
    user = pick(["orchard", "vdmlaw", "bakery22", "lindqvist"])
    s.nav("/", ref=None, think=(0, 1), assets=["/unprotected/cpanel/style_v2_optimized.css", "/unprotected/cpanel/images/cpanel-logo.svg"])
    s.xhr("/login/?login_only=1", "POST")
    sess = "/cpsess%010d" % R.randint(10 ** 9, 10 ** 10 - 1)
    rev = R.randint(1700000000, 1769000000)
    A = ["/cPanel_magic_revision_%d/frontend/jupiter/_assets/css/master-ltr.cmb.min.css" % rev,
         "/cPanel_magic_revision_%d/frontend/jupiter/_assets/js/master.cmb.min.js" % rev]
    s.nav(sess + "/frontend/jupiter/index.html", think=(0.2, 1), assets=A)
    home = "/home/%s/public_html" % user
    s.nav(sess + "/frontend/jupiter/filemanager/index.html", assets=A)
    s.xhr(sess + "/execute/Fileman/list_files?dir=%s&types=dir%%7Cfile&limit_to_list=0&show_hidden=1&check_for_leaf_directories=1&include_mime=1&include_hash=1&include_permissions=1" % euri(home))
    f = pick(["wp-config.php", ".htaccess", "index.php"])
    s.nav(sess + "/frontend/jupiter/filemanager/editit.html?file=%s&fileop=&dir=%s&dirop=&charset=&file_charset=utf-8&baseurl=&basedir=&edit=1" % (euri(f), euri(home)), assets=A)
    s.xhr(sess + "/execute/Fileman/save_file_content", "POST", gap=R.uniform(30, 120))
    if chance(0.5):
        s.nav(sess + "/frontend/jupiter/email_accounts/index.html", assets=A)
        s.xhr(sess + "/execute/Email/list_pops_with_disk?api.sort=1&api.sort_column=user&api.paginate=1&api.paginate_size=20&api.paginate_start=1")
    if chance(0.5):
        s.nav(sess + "/frontend/jupiter/stats/errlog.html", assets=A)
    if chance(0.4):
        s.nav(sess + "/frontend/jupiter/backup/index.html", assets=A)
        s.nav(sess + "/getbackup/backup-%s-1-28-2026.tar.gz" % user, setpage=False, size=R.randint(10 ** 7, 9 * 10 ** 8))


@kind("cPanel", "whm-reseller WHM: list accounts with search, account functions, API calls from the UI", 2)
def k_whm(s):
    s.__init__(s.kind, browser(ADMIN), pick(["server12.hostwell.net", "host3.nordweb.de"]))
    s.nav("/", ref=None, think=(0, 1), assets=["/unprotected/cpanel/style_v2_optimized.css"])
    s.xhr("/login/?login_only=1", "POST")
    sess = "/cpsess%010d" % R.randint(10 ** 9, 10 ** 10 - 1)
    s.nav(sess + "/scripts/command?PFILE=main", think=(0.2, 1), assets=["/cPanel_magic_revision_%d/styles/master.css" % R.randint(1700000000, 1769000000)])
    s.nav(sess + "/scripts4/listaccts", assets=[])
    s.xhr(sess + "/json-api/listaccts?api.version=1&search=%s&searchtype=domain" % pick(["orchard", "bakery", "law"]))
    s.nav(sess + "/scripts2/suspendlist", assets=[])
    s.nav(sess + "/scripts/srvstatus", assets=[])
    s.xhr(sess + "/json-api/get_disk_usage?api.version=1")
    s.nav(sess + "/scripts12/listacct?user=%s" % pick(["orchard", "bakery22"]), assets=[])


@kind("Plesk", "plesk-site-owner Plesk Obsidian: websites, file manager, log browser, databases", 4)
def k_plesk(s):
    s.__init__(s.kind, browser(DESKTOP), pick(["plesk.nordweb.de", "panel.hostwell.net"]))
    A = ["/ui-library/plesk-ui-library.css?%s" % hexs(8), "/cp/javascript/main.js?%s" % hexs(8), "/images/logos/plesk/logo.svg"]
    s.nav("/login_up.php", ref=None, think=(0, 1), assets=A)
    s.nav("/login_up.php", 303, method="POST", think=(5, 15), setpage=False)
    did = R.randint(1, 40)
    s.nav("/smb/web/view", think=(0.2, 1), assets=A)
    s.nav("/smb/file-manager/list/domainId/%d" % did, assets=A)
    s.xhr("/smb/file-manager/list-data/domainId/%d?currentDir=%s" % (did, euri("/httpdocs/wp-content/uploads")))
    s.nav("/smb/log-file/browser/id/%d" % did, assets=A)
    s.xhr("/smb/log-file/data/id/%d?file=access_ssl_log" % did)
    s.nav("/smb/database/list/domainId/%d" % did, assets=A)
    s.nav("/smb/web/settings/id/%d" % did, assets=A)


@kind("Webmin", "webmin-admin Webmin: system info, syslog viewer with file=, File Manager paths, package updates", 4)
def k_webmin(s):
    s.__init__(s.kind, browser(ADMIN), pick(["srv01.orchard-dental.co.uk", "vps7.vandermeer-law.nl", "gw.lindqvist-group.se"]))
    v = R.randint(1700000000, 1769000000)
    A = ["/unauthenticated/css/bundle.min.css?%d" % v, "/unauthenticated/js/bundle.min.js?%d" % v, "/unauthenticated/font-awesome/fonts/fontawesome-webfont.woff2?v=4.7.0"]
    s.nav("/", ref=None, think=(0, 1), assets=A)
    s.nav("/session_login.cgi", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/", think=(0.1, 0.4), assets=A)
    s.xhr("/sysinfo.cgi?xnavigation=1")
    s.xhr("/index.cgi/?xnavigation=1")
    for lf in R.sample(["/var/log/syslog", "/var/log/auth.log", "/var/log/nginx/error.log", "/var/log/mail.log"], 2):
        s.xhr("/syslog/save_log.cgi?view=1&file=%s" % euri(lf), gap=R.uniform(5, 40))
    d = pick(["/etc/nginx", "/var/www/html", "/etc/postfix"])
    s.xhr("/filemin/index.cgi?path=%s&xnavigation=1" % euri(d), gap=R.uniform(5, 40))
    s.xhr("/filemin/download.cgi?file=%s&path=%s" % (euri(d + "/" + pick(["nginx.conf", "index.html", "main.cf"])), euri(d)))
    s.xhr("/package-updates/index.cgi?xnavigation=1", gap=R.uniform(5, 40))
    if chance(0.4):
        s.xhr("/proc/index_cpu.cgi?xnavigation=1", gap=R.uniform(5, 40))


# ================================================================== WordPress
WP_SITES = ["www.orchard-dental.co.uk", "blog.vandermeer-law.nl", "shop.brewhouse-supplies.com", "www.lindqvist-group.se",
            "harbourbakery.co.uk", "www.sunnyside-kennels.ie"]
WP_VER = "6.9"


def wp_login(s):
    s.nav("/wp-admin/", 302, ref=None, think=(0, 1), setpage=False)
    s.nav("/wp-login.php?redirect_to=%s&reauth=1" % euri(s.url("/wp-admin/")), ref=None, think=(0.05, 0.3), assets=[
        "/wp-admin/load-styles.php?c=0&dir=ltr&load%%5Bchunk_0%%5D=dashicons,buttons,forms,l10n,login&ver=%s" % WP_VER,
        "/wp-admin/images/wordpress-logo.svg?ver=20131107"])
    s.nav("/wp-login.php", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/wp-admin/", think=(0.1, 0.4), ref=s.url("/wp-login.php"), assets=wp_admin_assets())
    s.xhr("/wp-admin/admin-ajax.php", "POST")


def wp_admin_assets():
    return ["/wp-admin/load-styles.php?c=0&dir=ltr&load%%5Bchunk_0%%5D=dashicons,admin-bar,common,forms,admin-menu,dashboard,list-tables,edit,revisions,media,themes,about,nav-menus,wp-pointer,widgets&load%%5Bchunk_1%%5D=,site-icon,l10n,buttons,wp-auth-check&ver=%s" % WP_VER,
            "/wp-admin/load-scripts.php?c=0&load%%5Bchunk_0%%5D=jquery-core,jquery-migrate,utils&ver=%s" % WP_VER,
            "/wp-includes/css/dist/block-library/style.min.css?ver=%s" % WP_VER]


def wp_heartbeat(s, n=1):
    for _ in range(n):
        s.xhr("/wp-admin/admin-ajax.php", "POST", gap=R.uniform(58, 62))


@kind("WordPress", "wordpress-editor block editor: REST with _locale=user, autosaves, media upload, plugin updates", 8)
def k_wp_editor(s):
    s.__init__(s.kind, browser(DESKTOP), pick(WP_SITES))
    wp_login(s)
    plain = chance(0.25)

    def rest(route, q=""):
        if plain:
            return "/?rest_route=%s&_locale=user%s" % (euri(route), q)
        return "/wp-json%s?_locale=user%s" % (route, q)
    pid = R.randint(40, 3000)
    s.nav("/wp-admin/edit.php", assets=wp_admin_assets())
    s.nav("/wp-admin/post.php?post=%d&action=edit" % pid, assets=wp_admin_assets() + [
        "/wp-includes/js/dist/block-editor.min.js?ver=%s" % hexs(20), "/wp-includes/js/dist/edit-post.min.js?ver=%s" % hexs(20)])
    for r in ["/wp/v2/types", "/wp/v2/users/me", "/wp/v2/posts/%d" % pid, "/wp/v2/block-patterns/patterns", "/wp/v2/media"]:
        s.xhr(rest(r, "&context=edit" if r != "/wp/v2/block-patterns/patterns" else ""), gap=R.uniform(0.05, 0.6))
    s.xhr(rest("/wp/v2/posts/%d/autosaves" % pid), "POST", gap=R.uniform(60, 120))
    if chance(0.6):
        s.xhr(rest("/wp/v2/media"), "POST", status=201, gap=R.uniform(10, 60))
        s.xhr("/wp-content/uploads/2026/01/%s" % pick(["team-photo-1024x683.jpg", "opening-hours.png", "IMG_2210-scaled.jpg"]))
    if chance(0.15):
        s.xhr("/wp-content/uploads/2024/03/%s" % pick(["old-banner.jpg", "logo-2023.png"]), status=404)
    s.xhr(rest("/wp/v2/posts/%d" % pid), "POST", gap=R.uniform(30, 200))
    if chance(0.5):
        s.nav("/wp-admin/plugins.php?plugin_status=upgrade", assets=wp_admin_assets())
        plug = pick(["contact-form-7%2Fwp-contact-form-7.php", "wordpress-seo%2Fwp-seo.php", "woocommerce%2Fwoocommerce.php"])
        s.xhr("/wp-admin/admin-ajax.php", "POST", gap=R.uniform(3, 15))
        s.nav("/wp-admin/update.php?action=upgrade-plugin&plugin=%s&_wpnonce=%s" % (plug, hexs(10)), assets=wp_admin_assets()) if chance(0.3) else None
    if chance(0.3):
        s.nav("/wp-admin/site-health.php", assets=wp_admin_assets())
    wp_heartbeat(s, R.randint(0, 2))


@kind("WordPress", "woocommerce-shop-manager WooCommerce admin: analytics REST, HPOS orders, product search AJAX, status logs", 5)
def k_woo(s):
    s.__init__(s.kind, browser(DESKTOP), pick(["shop.brewhouse-supplies.com", "harbourbakery.co.uk", "store.sunnyside-kennels.ie"]))
    wp_login(s)
    s.nav("/wp-admin/admin.php?page=wc-admin", assets=wp_admin_assets() + ["/wp-content/plugins/woocommerce/assets/client/admin/app/index.js?ver=%s" % hexs(20)])
    s.xhr("/wp-json/wc-admin/onboarding/tasks?_locale=user")
    s.xhr("/wp-json/wc-analytics/reports/performance-indicators/allowed?_locale=user")
    s.xhr("/wp-json/wc-analytics/reports/revenue/stats?interval=day&order=asc&per_page=100&after=2026-01-01T00%3A00%3A00&before=2026-01-28T23%3A59%3A59&_locale=user")
    s.nav("/wp-admin/admin.php?page=wc-orders&status=wc-processing", assets=wp_admin_assets())
    for _ in range(R.randint(1, 3)):
        s.nav("/wp-admin/admin.php?page=wc-orders&action=edit&id=%d" % R.randint(1000, 30000), assets=wp_admin_assets())
        s.xhr("/wp-admin/admin-ajax.php?action=woocommerce_json_search_products_and_variations&security=%s&term=%s" % (hexs(10), form(pick(["hoodie", "malt", "IPA kit", "leash"]))))
        s.nav("/wp-admin/admin.php?page=wc-orders&action=edit&id=%d" % R.randint(1000, 30000), method="POST", think=(20, 90), assets=[])
    if chance(0.5):
        s.nav("/wp-admin/admin.php?page=wc-status&tab=logs", assets=wp_admin_assets())
        s.nav("/wp-admin/admin.php?page=wc-status&tab=logs&view=single_file&file_id=fatal-errors-2026-01-27", assets=[])
    wp_heartbeat(s, 1)


@kind("WordPress", "elementor-site-builder Elementor editor: editor page, preview iframe, elementor_ajax saves", 4)
def k_elementor(s):
    s.__init__(s.kind, browser(DESKTOP), pick(WP_SITES))
    wp_login(s)
    pid = R.randint(10, 900)
    ev = "3.27.%d" % R.randint(0, 6)
    s.nav("/wp-admin/edit.php?post_type=page", assets=wp_admin_assets())
    s.nav("/wp-admin/post.php?post=%d&action=elementor" % pid, assets=[
        "/wp-content/plugins/elementor/assets/css/editor.min.css?ver=%s" % ev, "/wp-content/plugins/elementor/assets/js/editor.min.js?ver=%s" % ev])
    s.xhr("/?elementor-preview=%d&ver=%d" % (pid, s.epoch()))
    s.xhr("/wp-content/uploads/elementor/css/post-%d.css?ver=%d" % (pid, s.epoch() - R.randint(1000, 900000)))
    for _ in range(R.randint(3, 6)):
        s.xhr("/wp-admin/admin-ajax.php", "POST", gap=R.uniform(10, 120))
    s.xhr("/wp-json/elementor/v1/globals?_locale=user")
    s.nav("/wp-admin/edit.php?post_type=elementor_library&tabs_group=library", assets=wp_admin_assets())


@kind("WordPress", "wp-forms-admin Contact Form 7 and WPForms: form edit, entries, export, a visitor's form feedback", 4)
def k_forms(s):
    s.__init__(s.kind, browser(DESKTOP), pick(WP_SITES))
    wp_login(s)
    if chance(0.5):
        fid = R.randint(5, 400)
        s.nav("/wp-admin/admin.php?page=wpcf7", assets=wp_admin_assets())
        s.nav("/wp-admin/admin.php?page=wpcf7&post=%d&action=edit" % fid, assets=wp_admin_assets() + ["/wp-content/plugins/contact-form-7/admin/js/scripts.js?ver=6.0.3"])
        s.nav("/wp-admin/admin.php?page=wpcf7&action=save&post=%d" % fid, 302, method="POST", think=(30, 200), setpage=False)
        s.nav("/wp-admin/admin.php?page=wpcf7&post=%d&action=edit&message=saved" % fid, assets=wp_admin_assets())
        s.nav("/contact/", think=(5, 30), assets=["/wp-content/plugins/contact-form-7/includes/css/styles.css?ver=6.0.3",
                                                 "/wp-content/plugins/contact-form-7/includes/js/index.js?ver=6.0.3"])
        s.xhr("/wp-json/contact-form-7/v1/contact-forms/%d/feedback/schema" % fid)
        s.xhr("/wp-json/contact-form-7/v1/contact-forms/%d/feedback" % fid, "POST", gap=R.uniform(20, 60))
    else:
        fid = R.randint(5, 400)
        s.nav("/wp-admin/admin.php?page=wpforms-overview", assets=wp_admin_assets())
        s.nav("/wp-admin/admin.php?page=wpforms-entries&view=list&form_id=%d" % fid, assets=wp_admin_assets())
        for _ in range(R.randint(1, 3)):
            s.nav("/wp-admin/admin.php?page=wpforms-entries&view=details&entry_id=%d" % R.randint(100, 9000), assets=wp_admin_assets())
        s.nav("/wp-admin/admin.php?page=wpforms-builder&view=fields&form_id=%d" % fid, assets=wp_admin_assets())
        s.xhr("/wp-admin/admin-ajax.php", "POST", gap=R.uniform(30, 120))
        s.nav("/wp-admin/admin.php?page=wpforms-tools&view=export", assets=wp_admin_assets())


@kind("WordPress", "wp-seo-cache-admin Yoast SEO settings and robots.txt editor, LiteSpeed Cache purge and toolbox", 4)
def k_yoast_ls(s):
    s.__init__(s.kind, browser(DESKTOP), pick(WP_SITES))
    wp_login(s)
    if chance(0.5):
        s.nav("/wp-admin/admin.php?page=wpseo_dashboard", assets=wp_admin_assets())
        s.nav("/wp-admin/admin.php?page=wpseo_page_settings", assets=wp_admin_assets())
        s.xhr("/wp-json/yoast/v1/wincher/account/limit?_locale=user")
        s.nav("/wp-admin/admin.php?page=wpseo_tools&tool=file-editor", assets=wp_admin_assets())
        s.nav("/wp-admin/admin.php?page=wpseo_tools&tool=file-editor", method="POST", assets=wp_admin_assets())
        s.nav("/robots.txt", think=(3, 20), ref=None, setpage=False)
        s.nav("/sitemap_index.xml", think=(3, 20), ref=None, setpage=False)
    else:
        s.nav("/wp-admin/admin.php?page=litespeed", assets=wp_admin_assets())
        s.nav("/wp-admin/admin.php?page=litespeed-cache", assets=wp_admin_assets())
        s.nav("/wp-admin/admin.php?page=litespeed-toolbox", assets=wp_admin_assets())
        s.nav("/wp-admin/admin.php?page=litespeed-toolbox&LSCWP_CTRL=purge&LSCWP_NONCE=%s&litespeed_type=purge_all" % hexs(10), 302, setpage=False)
        s.nav("/wp-admin/admin.php?page=litespeed-toolbox", assets=wp_admin_assets())
        s.nav("/wp-admin/admin.php?page=litespeed-page_optm", assets=wp_admin_assets())


@kind("WordPress", "wp-file-manager-owner WP File Manager (elFinder): open folders, edit a child theme file, download debug.log, upload", 4)
def k_wpfm(s):
    s.__init__(s.kind, browser(DESKTOP), pick(WP_SITES))
    wp_login(s)
    fmv = "8.4.%d" % R.randint(0, 2)
    s.nav("/wp-admin/admin.php?page=wp_file_manager", assets=wp_admin_assets() + [
        "/wp-content/plugins/wp-file-manager/lib/css/elfinder.min.css?ver=%s" % fmv,
        "/wp-content/plugins/wp-file-manager/lib/js/elfinder.min.js?ver=%s" % fmv,
        "/wp-content/plugins/wp-file-manager/lib/css/theme.css?ver=%s" % fmv])
    nonce = hexs(10)

    def cmd(q, method="GET", size=None):
        s.xhr("/wp-admin/admin-ajax.php?%s&action=mk_file_folder_manager&_wpnonce=%s&networkhref=&lang=en&_=%d" % (q, nonce, s.ms()), method, size=size, gap=R.uniform(1, 20))
    cmd("cmd=open&target=%s&init=1&tree=1" % elf_hash("l1_", ""))
    for d in ["wp-content", "wp-content/uploads", "wp-content/uploads/2026/01", "wp-content/themes", "wp-content/themes/astra-child"][:R.randint(3, 5)]:
        cmd("cmd=open&target=%s" % elf_hash("l1_", d))
    r = R.random()
    if r < 0.4:
        f = "wp-content/themes/astra-child/functions.php"
        cmd("cmd=get&target=%s&conv=1" % elf_hash("l1_", f))
        cmd("cmd=put&target=%s" % elf_hash("l1_", f), "POST")
    elif r < 0.7:
        cmd("cmd=file&target=%s&download=1" % elf_hash("l1_", "wp-content/debug.log"), size=R.randint(20000, 3000000))
    else:
        cmd("cmd=upload", "POST")
        cmd("cmd=open&target=%s" % elf_hash("l1_", "wp-content/uploads/2026/01"))
    cmd("cmd=tree&target=%s" % elf_hash("l1_", "wp-content"))


WP_APP_UA = ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wp-iphone/26.1",
             "Mozilla/5.0 (iPad; CPU OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wp-iphone/26.0",
             "wp-android/26.1 (Android 15; en_GB; Google Pixel 8/shiba)"]


@kind("WordPress", "wordpress-mobile-app WordPress app: REST with an application password, or XML-RPC on older setups", 5)
def k_wp_app(s):
    s.__init__(s.kind, pick(WP_APP_UA), pick(WP_SITES))
    if chance(0.35):
        for _ in range(R.randint(8, 14)):
            s.req("POST", "/xmlrpc.php", 200, R.randint(300, 40000), ref=None, gap=R.uniform(0.2, 60))
        return
    s.req("GET", "/wp-json/", 200, R.randint(60000, 300000), ref=None, gap=0)
    s.req("GET", "/wp-json/wp/v2/users/me?context=edit", 200, ref=None)
    s.req("GET", "/wp-json/wp/v2/settings", 200, ref=None)
    s.req("GET", "/wp-json/wp/v2/posts?context=edit&per_page=40&status=publish%2Cprivate&order=desc&orderby=date", 200, ref=None)
    s.req("GET", "/wp-json/wp/v2/media?context=edit&per_page=20&media_type=image", 200, ref=None)
    s.t += R.uniform(20, 300)
    s.req("POST", "/wp-json/wp/v2/media", 201, ref=None)
    s.req("POST", "/wp-json/wp/v2/posts", 201, ref=None, gap=R.uniform(30, 200))
    s.req("GET", "/wp-json/wp/v2/comments?context=edit&per_page=20&status=hold", 200, ref=None, gap=R.uniform(30, 600))
    s.req("POST", "/wp-json/wp/v2/comments/%d" % R.randint(100, 9000), 200, ref=None, gap=R.uniform(5, 40))


# ================================================================== other CMS and shops
@kind("Drupal", "drupal-editor Drupal 10: node edit with image upload AJAX, contextual links, dblog, status report", 6)
def k_drupal(s):
    s.__init__(s.kind, browser(DESKTOP), pick(["www.kestrelhealth.org", "council-news.example.gov.uk", "www.halvorsen-logistics.no"]))
    inc = euri(base64.urlsafe_b64encode(b"eJx" + bytes(R.randrange(256) for _ in range(40))).decode().rstrip("="))
    A = ["/sites/default/files/css/css_%s.css?delta=0&language=en&theme=claro&include=%s" % (b64(32, url=True, pad=False), inc),
         "/sites/default/files/js/js_%s.js?scope=footer&delta=0&language=en&theme=claro&include=%s" % (b64(32, url=True, pad=False), inc),
         "/core/misc/icons/787878/cog.svg"]
    s.nav("/user/login", ref=None, think=(0, 1), assets=A)
    s.nav("/user/login", 303, method="POST", think=(5, 15), setpage=False)
    s.nav("/user/%d" % R.randint(2, 90), think=(0.1, 0.4), assets=A)
    s.nav("/admin/content?title=&type=article&status=All&langcode=All", assets=A)
    nid = R.randint(10, 4000)
    s.nav("/node/%d/edit" % nid, assets=A)
    s.xhr("/contextual/render?_wrapper_format=json&destination=%s" % euri("/node/%d" % nid), "POST")
    if chance(0.7):
        s.xhr("/node/%d/edit?element_parents=field_image/widget/0&ajax_form=1&_wrapper_format=drupal_ajax" % nid, "POST", gap=R.uniform(10, 60))
        s.xhr("/sites/default/files/styles/thumbnail/public/2026-01/%s?itok=%s" % (pick(["harbour.jpg", "flood-map.png", "team.jpg"]), b64(6, url=True, pad=False)))
    s.nav("/node/%d/edit" % nid, 303, method="POST", think=(30, 200), setpage=False)
    s.nav("/node/%d" % nid, think=(0.1, 0.5), assets=A)
    if chance(0.5):
        s.nav("/admin/reports/dblog", assets=A)
        s.nav("/admin/reports/dblog/event/%d" % R.randint(1000, 90000), assets=A)
    if chance(0.4):
        s.nav("/admin/reports/status", assets=A)


@kind("Joomla", "joomla-admin Joomla 5 administrator: articles, media manager paths, global config, updates; an API script", 5)
def k_joomla(s):
    s.__init__(s.kind, browser(DESKTOP), pick(["www.sunnyside-kennels.ie", "www.brewhouse-supplies.com", "club.lindqvist-group.se"]))
    A = ["/media/templates/administrator/atum/css/template.min.css?%s" % hexs(8), "/media/system/js/core.min.js?%s" % hexs(8)]
    if chance(0.2):
        s.ua = "python-requests/2.32.3"
        for p in ["/api/index.php/v1/content/articles?page%5Blimit%5D=20", "/api/index.php/v1/content/categories",
                  "/api/index.php/v1/config/application", "/api/index.php/v1/users?page%5Blimit%5D=50"] * 2:
            s.req("GET", p, 200, ref=None, gap=R.uniform(0.3, 60))
        s.req("PATCH", "/api/index.php/v1/content/articles/%d" % R.randint(10, 400), 200, ref=None)
        return
    s.nav("/administrator/", ref=None, think=(0, 1), assets=A)
    s.nav("/administrator/index.php", 303, method="POST", think=(5, 15), setpage=False)
    s.nav("/administrator/index.php", think=(0.1, 0.4), assets=A)
    s.nav("/administrator/index.php?option=com_content&view=articles", assets=A)
    aid = R.randint(10, 400)
    s.nav("/administrator/index.php?option=com_content&task=article.edit&id=%d" % aid, 303, setpage=False)
    s.nav("/administrator/index.php?option=com_content&view=article&layout=edit&id=%d" % aid, think=(0.1, 0.4), assets=A)
    s.nav("/administrator/index.php?option=com_content&view=article&layout=edit&id=%d" % aid, 303, method="POST", think=(30, 200), setpage=False)
    s.nav("/administrator/index.php?option=com_media&path=local-images:/banners", assets=A)
    s.xhr("/administrator/index.php?option=com_media&format=json&mediatypes=0,1,2,3&task=api.files&url=true&path=%s&%s=1" % (euri("local-images:/banners"), hexs(32)))
    if chance(0.5):
        s.nav("/administrator/index.php?option=com_config", assets=A)
    if chance(0.5):
        s.nav("/administrator/index.php?option=com_joomlaupdate", assets=A)


@kind("Magento / Adobe Commerce", "magento-admin Magento 2 admin: UI grids via mui/index/render, order view, product edit, cache flush", 5)
def k_magento(s):
    s.__init__(s.kind, browser(DESKTOP), pick(["www.brewhouse-supplies.com", "shop.halvorsen-outdoor.no", "store.kestrel-pharmacy.co.uk"]))
    adm = pick(["/admin", "/backend", "/admin_k8x2"])
    ver = R.randint(1700000000, 1769000000)
    A = ["/static/version%d/adminhtml/Magento/backend/en_US/requirejs/require.js" % ver,
         "/static/version%d/adminhtml/Magento/backend/en_US/css/styles.css" % ver,
         "/static/version%d/adminhtml/Magento/backend/en_US/images/magento-logo.svg" % ver]
    key = hexs(64)
    s.nav(adm, 302, ref=None, think=(0, 1), setpage=False)
    s.nav(adm + "/admin/", ref=None, think=(0.05, 0.3), assets=A)
    s.nav(adm + "/admin/index/index/key/%s/" % key, 302, method="POST", think=(5, 15), setpage=False)
    s.nav(adm + "/admin/dashboard/", think=(0.1, 0.4), assets=A)
    s.nav(adm + "/sales/order/", assets=A)
    s.xhr(adm + "/mui/index/render/?namespace=sales_order_grid&search=&filters%5Bplaceholder%5D=true&paging%5BpageSize%5D=20&paging%5Bcurrent%5D=1&sorting%5Bfield%5D=created_at&sorting%5Bdirection%5D=desc&isAjax=true")
    for _ in range(R.randint(1, 3)):
        s.nav(adm + "/sales/order/view/order_id/%d/key/%s/" % (R.randint(100, 40000), hexs(64)), assets=A)
    s.nav(adm + "/catalog/product/", assets=A)
    s.xhr(adm + "/mui/index/render/?namespace=product_listing&search=%s&filters%%5Bplaceholder%%5D=true&paging%%5BpageSize%%5D=20&paging%%5Bcurrent%%5D=1&isAjax=true" % form(pick(["hops", "kettle", "jacket"])))
    s.nav(adm + "/catalog/product/edit/id/%d/key/%s/" % (R.randint(10, 9000), hexs(64)), assets=A)
    if chance(0.5):
        s.nav(adm + "/admin/cache/", assets=A)
        s.nav(adm + "/admin/cache/flushSystem/key/%s/" % hexs(64), 302, method="POST", setpage=False)


@kind("Magento / Adobe Commerce", "magento-rest-integration ERP integration: searchCriteria order queries, shipments, stock updates", 2)
def k_magento_rest(s):
    s.__init__(s.kind, pick(["GuzzleHttp/7", "python-requests/2.32.3"]), pick(["www.brewhouse-supplies.com", "shop.halvorsen-outdoor.no"]))
    sc = "searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=status&searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=processing&searchCriteria%5BpageSize%5D=50"
    for _ in range(R.randint(2, 4)):
        s.req("GET", "/rest/V1/orders?" + sc, 200, R.randint(9000, 200000), ref=None, gap=R.uniform(0.5, 5))
        for _ in range(R.randint(1, 3)):
            s.req("POST", "/rest/V1/order/%d/ship" % R.randint(100, 40000), 200, ref=None)
        sku = pick(["HOP-CASCADE-100G", "KETTLE-30L", "JKT-WIND-M"])
        s.req("PUT", "/rest/default/V1/products/%s/stockItems/1" % sku, 200, ref=None)
        s.t += R.uniform(300, 900)


@kind("PrestaShop", "prestashop-merchant PrestaShop 8 back office: orders, product edit, modules configure, logs", 4)
def k_presta(s):
    s.__init__(s.kind, browser(DESKTOP), pick(["boutique.lefournil.fr", "shop.brewhouse-supplies.com"]))
    adm = "/admin%s" % lalnum(8)
    tok = hexs(32)
    stok = b64(32, url=True, pad=False)
    A = [adm + "/themes/new-theme/public/theme.css?%s" % hexs(6), adm + "/themes/new-theme/public/main.bundle.js?%s" % hexs(6)]
    s.nav(adm + "/index.php?controller=AdminLogin&token=%s" % tok, ref=None, think=(0, 1), assets=A)
    s.xhr(adm + "/index.php?rand=%d" % s.ms(), "POST")
    s.nav(adm + "/index.php?controller=AdminDashboard&token=%s" % hexs(32), think=(0.2, 1), assets=A)
    s.nav(adm + "/index.php/sell/orders/?_token=%s" % stok, assets=A)
    s.nav(adm + "/index.php/sell/orders/%d/view?_token=%s" % (R.randint(100, 9000), stok), assets=A)
    s.nav(adm + "/index.php/sell/catalog/products-v2/%d/edit?_token=%s" % (R.randint(1, 900), stok), assets=A)
    s.nav(adm + "/index.php?controller=AdminModules&configure=ps_facetedsearch&token=%s" % hexs(32), assets=A)
    s.nav(adm + "/index.php/configure/advanced/logs/?_token=%s" % stok, assets=A)


@kind("vBulletin", "vbulletin-member vBulletin 4 forum member: threads, replies, new posts search, private messages", 4)
def k_vb(s):
    s.__init__(s.kind, browser(DESKTOP + ["safari_iphone", "chrome_android"]), pick(["forum.classic-saab.org", "www.anglers-board.co.uk"]))
    A = ["/forum/clientscript/vbulletin_css/style00002l/main-rollup.css?d=%d" % R.randint(1600000000, 1700000000),
         "/forum/clientscript/yui/yuiloader-dom-event/yuiloader-dom-event.js?v=424", "/forum/clientscript/vbulletin-core.js?v=424"]
    s.nav("/forum/", ref=None, think=(0, 1), assets=A)
    s.nav("/forum/login.php?do=login", method="POST", think=(5, 15), assets=A)
    s.nav("/forum/search.php?do=getnew&contenttype=vBForum_Post", assets=A)
    for _ in range(R.randint(2, 4)):
        t = R.randint(1000, 90000)
        s.nav("/forum/showthread.php?t=%d" % t, assets=A)
        if chance(0.4):
            s.xhr("/forum/ajax.php", "POST")
        if chance(0.3):
            s.nav("/forum/newreply.php?do=postreply&t=%d" % t, method="POST", think=(30, 300), assets=A)
    s.nav("/forum/forumdisplay.php?f=%d" % R.randint(2, 60), assets=A)
    if chance(0.5):
        s.nav("/forum/private.php", assets=A)
        s.nav("/forum/private.php?do=showpm&pmid=%d" % R.randint(1000, 90000), assets=A)


# ================================================================== Moodle
MD_HOSTS = ["moodle.northfield-college.ac.uk", "learn.kestrelhealth.org", "vle.lindqvist-academy.se"]


@kind("Moodle", "moodle-student-teacher courses, resources via pluginfile.php, quiz attempts, AJAX services, a teacher's logs and grader", 8)
def k_moodle(s):
    s.__init__(s.kind, browser(DESKTOP + ["safari_iphone", "chrome_android"]), pick(MD_HOSTS))
    rev = R.randint(1737000000, 1769000000)
    A = ["/theme/styles.php/boost/%d_1/all" % rev, "/lib/javascript.php/%d/lib/requirejs/require.min.js" % rev,
         "/theme/yui_combo.php?rollup/3.18.1/yui-moodlesimple-min.js", "/theme/font.php/boost/core/%d/fontawesome-webfont.woff2" % rev]
    sk = alnum(10)
    s.nav("/login/index.php", ref=None, think=(0, 1), assets=A)
    s.nav("/login/index.php", 303, method="POST", think=(5, 15), setpage=False)
    s.nav("/my/", think=(0.1, 0.4), assets=A)
    s.xhr("/lib/ajax/service.php?sesskey=%s&info=core_course_get_enrolled_courses_by_timeline_classification" % sk, "POST")
    s.xhr("/lib/ajax/service.php?sesskey=%s&info=core_fetch_notifications" % sk, "POST")
    cid = R.randint(2, 900)
    s.nav("/course/view.php?id=%d" % cid, assets=A)
    cm = R.randint(1000, 90000)
    s.nav("/mod/resource/view.php?id=%d" % cm, 303, setpage=False)
    s.nav("/pluginfile.php/%d/mod_resource/content/1/%s" % (R.randint(1000, 90000), pct20(pick(["Week 3 slides.pdf", "Lab handout 2.pdf", "Reading list.docx"]))),
          think=(0.1, 0.4), setpage=False, size=R.randint(100000, 9000000))
    if chance(0.5):
        qcm = R.randint(1000, 90000)
        att = R.randint(1000, 900000)
        s.nav("/mod/quiz/view.php?id=%d" % qcm, assets=A)
        s.nav("/mod/quiz/startattempt.php", 303, method="POST", setpage=False)
        for pg in range(R.randint(1, 3)):
            s.nav("/mod/quiz/attempt.php?attempt=%d&cmid=%d%s" % (att, qcm, "&page=%d" % pg if pg else ""), think=(30, 200), assets=A)
        s.nav("/mod/quiz/processattempt.php?cmid=%d" % qcm, 303, method="POST", setpage=False)
        s.nav("/mod/quiz/review.php?attempt=%d&cmid=%d" % (att, qcm), think=(0.2, 1), assets=A)
    else:
        acm = R.randint(1000, 90000)
        s.nav("/mod/assign/view.php?id=%d&action=editsubmission" % acm, assets=A)
        s.xhr("/repository/repository_ajax.php?action=upload", "POST", gap=R.uniform(10, 60))
        s.nav("/mod/assign/view.php?id=%d" % acm, 303, method="POST", setpage=False)
    if chance(0.15):
        s.nav("/mod/resource/view.php?id=%d" % R.randint(1000, 90000), 404, think=(5, 30), setpage=False)
    if chance(0.3):
        s.nav("/report/log/index.php?id=%d" % cid, assets=A)
        s.nav("/grade/report/grader/index.php?id=%d" % cid, assets=A)


@kind("Moodle", "moodle-mobile-app Moodle app: token login, web service REST calls, tokenpluginfile downloads", 4)
def k_moodle_app(s):
    s.__init__(s.kind, pick(["Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MoodleMobile 4.5.0 (45000)",
                             "Mozilla/5.0 (Linux; Android 15; Pixel 7 Build/AP4A.250105.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/144.0.0.0 Mobile Safari/537.36 MoodleMobile 4.5.0 (45000)"]),
               pick(MD_HOSTS))
    s.req("GET", "/lib/ajax/service-nologin.php?info=tool_mobile_get_public_config&lang=en", 200, ref=None, gap=0)
    s.req("POST", "/login/token.php", 200, R.randint(100, 300), ref=None)
    for f in ["core_webservice_get_site_info", "core_enrol_get_users_courses", "core_course_get_contents",
              "mod_assign_get_assignments", "core_calendar_get_action_events_by_timesort", "message_popup_get_popup_notifications",
              "core_course_get_contents", "mod_forum_get_discussion_posts"][:R.randint(5, 8)]:
        s.req("POST", "/webservice/rest/server.php?moodlewsrestformat=json&wsfunction=%s" % f, 200, R.randint(300, 60000), ref=None, gap=R.uniform(0.1, 30))
    tok = hexs(32)
    for _ in range(R.randint(1, 3)):
        s.req("GET", "/tokenpluginfile.php/%s/%d/mod_resource/content/1/%s" % (tok, R.randint(1000, 90000), pct20(pick(["Week 4 slides.pdf", "worksheet.pdf"]))),
              200, R.randint(100000, 9000000), ref=None, gap=R.uniform(5, 60))


# ================================================================== ERP / ITSM portals
@kind("SAP NetWeaver / Fiori", "sap-fiori-user Fiori launchpad, OData with $filter and $batch, WebGUI transaction, NetWeaver portal navurl", 5)
def k_sap(s):
    s.__init__(s.kind, browser(OFFICE), pick(["fiori.brightwater-eng.com", "sap.halvorsen-logistics.no"]))
    A = ["/sap/public/bc/ui5_ui5/resources/sap-ui-core.js", "/sap/public/bc/ui5_ui5/resources/sap/ushell/themes/sap_horizon/library.css",
         "/sap/public/bc/ui2/logon/img/sap_logo.svg"]
    s.nav("/sap/bc/ui2/flp?sap-client=100&sap-language=EN", ref=None, think=(0, 1), assets=A)
    s.nav("/sap/bc/ui2/flp?sap-client=100&sap-language=EN", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/sap/bc/ui2/flp?sap-client=100&sap-language=EN", think=(0.1, 0.4), assets=A)
    s.xhr("/sap/opu/odata/UI2/PAGE_BUILDER_PERS/Pages('%2FUI2%2FFiori2LaunchpadHome')?$expand=PageChipInstances/Chip,PageChipInstances/ChipInstanceBags&sap-client=100")
    s.xhr("/sap/opu/odata/UI2/INTEROP/$batch?sap-client=100", "POST")
    srv = pick(["ZSD_SALESORDER_SRV", "API_PURCHASEORDER_PROCESS_SRV", "ZHR_LEAVE_SRV"])
    cust = "%07d" % R.randint(1000, 99999)
    s.xhr("/sap/opu/odata/sap/%s/$metadata?sap-language=EN&sap-client=100" % srv, gap=R.uniform(5, 30))
    s.xhr("/sap/opu/odata/sap/%s/HeaderSet?$skip=0&$top=20&$filter=%s&$orderby=CreatedAt%%20desc&$inlinecount=allpages&sap-client=100" % (
        srv, pct20("CustomerId eq '%s' and Status ne 'C'" % cust)))
    s.xhr("/sap/opu/odata/sap/%s/$batch?sap-client=100" % srv, "POST")
    if chance(0.5):
        s.nav("/sap/bc/gui/sap/its/webgui?sap-client=100&sap-language=EN&~transaction=%s" % pick(["VA03", "ME23N", "FB03", "SM37"]),
              think=(10, 60), assets=["/sap/public/bc/its/designs/sap_horizon/styles/webgui.css"])
        s.xhr("/sap/bc/gui/sap/its/webgui/batch/json?~RG_WEBGUI=X&sap-statistics=true&~SEC_SESSTOKEN=%s" % alnum(32), "POST")
    else:
        s.nav("/irj/portal", think=(10, 60), assets=["/irj/portalapps/com.sap.portal.design.portaldesigndata/themes/portal/sap_tradeshow_plus/prtl/prtl.css"])
        s.nav("/irj/portal?NavigationTarget=navurl://%s" % hexs(32), assets=[])


@kind("ServiceNow", "servicenow-agent incident lists with javascript:gs.getUserID() encoded queries, forms, attachments, portal", 6)
def k_snow(s):
    s.__init__(s.kind, browser(OFFICE), pick(["brightwater.service-now.example.com", "itsm.kestrelhealth.org"]))
    A = ["/styles/heisenberg/heisenberg_all.cssx?v=%s" % hexs(8), "/scripts/js_includes_doctype.jsx?v=%s&lp=%s&c=19_7" % (hexs(8), hexs(32)),
         "/uxasset/externals/@servicenow/now-polaris/index.jsdbx?sysparm_substitute=false"]
    s.nav("/login.do", ref=None, think=(0, 1), assets=A)
    s.nav("/login.do", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/now/nav/ui/home", think=(0.1, 0.4), assets=A)
    q = "active=true^assigned_to=javascript:gs.getUserID()^ORDERBYDESCsys_updated_on"
    s.nav("/now/nav/ui/classic/params/target/incident_list.do%s" % euri("?sysparm_query=%s&sysparm_first_row=1&sysparm_view=" % euri(q)), assets=A)
    s.xhr("/incident_list.do?sysparm_query=%s&sysparm_first_row=1&sysparm_view=" % euri(q))
    for _ in range(R.randint(1, 3)):
        sid = hexs(32)
        s.nav("/incident.do?sys_id=%s&sysparm_record_target=incident&sysparm_record_row=1&sysparm_record_rows=%d&sysparm_record_list=%s" % (
            sid, R.randint(3, 40), euri(q)), assets=A)
        s.xhr("/xmlhttp.do", "POST")
        if chance(0.3):
            s.xhr("/sys_attachment.do?sys_id=%s" % hexs(32), size=R.randint(10000, 2000000))
        s.nav("/incident.do", method="POST", think=(20, 120), assets=A)
    if chance(0.5):
        s.nav("/sp?id=sc_cat_item&sys_id=%s" % hexs(32), assets=A)
        s.xhr("/api/now/sp/page?id=sc_cat_item&time=%d&portal_id=%s&request_uri=%s" % (s.ms(), hexs(32), euri("/sp?id=sc_cat_item")))


@kind("ServiceNow", "servicenow-table-api integration reading incidents through the Table API", 1)
def k_snow_api(s):
    s.__init__(s.kind, "python-requests/2.32.3", pick(["brightwater.service-now.example.com", "itsm.kestrelhealth.org"]))
    q = "active=true^priority<=2^sys_updated_on>javascript:gs.minutesAgoStart(15)"
    for _ in range(R.randint(8, 14)):
        s.req("GET", "/api/now/table/incident?sysparm_query=%s&sysparm_fields=number,short_description,priority,assignment_group&sysparm_limit=100" % euri(q),
              200, R.randint(200, 30000), ref=None, gap=R.uniform(60, 300))


@kind("ManageEngine ServiceDesk Plus", "manageengine-sdp-technician request list, request view, v3 API with input_data JSON", 5)
def k_sdp(s):
    s.__init__(s.kind, browser(OFFICE), pick(["servicedesk.orchard-dental.co.uk", "helpdesk.halvorsen-logistics.no"]))
    A = ["/scripts/jquery/jquery.min.js?build=14930", "/style/sdp-main.css?build=14930", "/images/sdp-logo.svg"]
    s.nav("/", ref=None, think=(0, 1), assets=A)
    s.nav("/j_security_check", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/WOListView.do", think=(0.1, 0.4), assets=A)
    ld = '{"list_info":{"row_count":20,"start_index":1,"sort_field":"created_time","sort_order":"desc","get_total_count":true,"search_criteria":[{"field":"status.name","condition":"is","value":"Open"}]}}'
    s.xhr("/api/v3/requests?input_data=%s&SUBREQUEST=XMLHTTP" % euri(ld))
    for _ in range(R.randint(2, 4)):
        rid = R.randint(10000, 99999)
        s.nav("/WorkOrder.do?woMode=viewWO&woID=%d" % rid, assets=A)
        s.xhr("/api/v3/requests/%d?SUBREQUEST=XMLHTTP" % rid)
        s.xhr("/api/v3/requests/%d/notes?input_data=%s&SUBREQUEST=XMLHTTP" % (rid, euri('{"list_info":{"row_count":50}}')))
    s.xhr("/api/v3/requests/%d/notes" % R.randint(10000, 99999), "POST", gap=R.uniform(20, 90))


# ================================================================== backup consoles
@kind("Veeam Backup", "veeam-rest-admin Veeam Backup & Replication REST API and Enterprise Manager queries from PowerShell", 3)
def k_veeam(s):
    s.__init__(s.kind, pick(["Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.20348.2849",
                             "Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.20348; en-US) PowerShell/7.4.6"]),
               pick(["vbr01.brightwater-eng.com", "backup.kestrelhealth.org"]))
    if chance(0.5):
        s.req("POST", "/api/oauth2/token", 200, ref=None, gap=0)
        s.req("GET", "/api/v1/serverInfo", 200, ref=None)
        s.req("GET", "/api/v1/jobs", 200, R.randint(2000, 40000), ref=None)
        for _ in range(R.randint(3, 6)):
            s.req("GET", "/api/v1/sessions?limit=20&orderColumn=CreationTime&orderAsc=false&typeFilter=BackupJob", 200, ref=None, gap=R.uniform(30, 300))
        s.req("POST", "/api/v1/jobs/%s/start" % guid(), 201, ref=None)
        s.req("GET", "/api/v1/backups", 200, ref=None)
    else:
        s.req("POST", "/api/sessionMngr/?v=latest", 201, ref=None, gap=0)
        s.req("GET", "/api/jobs?format=Entity", 200, R.randint(2000, 40000), ref=None)
        for _ in range(R.randint(3, 6)):
            s.req("GET", "/api/query?type=BackupJobSession&format=Entities&sortDesc=CreationTime&pageSize=20&filter=%s" % euri('JobName=="Daily VMs"'), 200, ref=None, gap=R.uniform(30, 300))
        s.req("GET", "/api/backupServers", 200, ref=None)
        s.req("DELETE", "/api/logonSessions/%s" % guid(), 204, 0, ref=None)


@kind("Veritas NetBackup", "netbackup-admin NetBackup web UI and its REST API with OData-style filters", 2)
def k_netbackup(s):
    s.__init__(s.kind, browser(ADMIN), pick(["nbu-primary.brightwater-eng.com", "netbackup.kestrelhealth.org"]))
    s.nav("/webui/login", ref=None, think=(0, 1), assets=["/webui/main.%s.js" % hexs(20), "/webui/styles.%s.css" % hexs(20)])
    s.xhr("/netbackup/login", "POST", status=201)
    s.nav("/webui/jobs", think=(0.2, 1), assets=[])
    for f in ["state eq 'ACTIVE'", "status gt 1 and endTime gt 2026-01-27T00:00:00.000Z", "jobType eq 'BACKUP' and policyName eq 'Daily_VMware'"]:
        s.xhr("/netbackup/admin/jobs?page%%5Blimit%%5D=25&sort=-jobId&filter=%s" % pct20(f), gap=R.uniform(5, 40))
    s.xhr("/netbackup/config/policies/")
    s.xhr("/netbackup/admin/jobs/%d/try-logs" % R.randint(10000, 900000), gap=R.uniform(5, 40))


# ================================================================== VPN appliances
@kind("Cisco ASA / AnyConnect", "cisco-anyconnect-client AnyConnect / Secure Client: XML auth posts, profile download, CONNECT tunnel", 5)
def k_anyconnect(s):
    s.__init__(s.kind, pick(["AnyConnect Windows 4.10.08029", "AnyConnect Windows 5.1.6.103", "AnyConnect Darwin_i386 5.1.5.65", "Open AnyConnect VPN Agent v9.12-1"]),
               pick(["vpn.halvorsen-logistics.no", "asa.brightwater-eng.com", "remote.lindqvist-group.se"]))
    for rnd in range(R.randint(2, 4)):
        if rnd:
            s.t += R.uniform(1800, 7200)
        s.req("POST", "/", 200, R.randint(900, 2400), ref=None, gap=0 if rnd == 0 else 1)
        s.t += R.uniform(5, 20)
        s.req("POST", "/", 200, R.randint(1500, 4000), ref=None)
        s.req("GET", "/CACHE/stc/profiles/%s.xml" % pick(["Corp-VPN", "AnyConnect_Profile", "SSL-Profile"]), 200, R.randint(2000, 8000), ref=None)
        s.req("CONNECT", "/CSCOSSLC/tunnel", 200, 0, ref=None)
    s.req("POST", "/", 200, R.randint(200, 600), ref=None, gap=R.uniform(600, 3600))


@kind("Cisco ASA / AnyConnect", "cisco-asa-clientless-portal user signs in on the ASA web portal", 3)
def k_asa_web(s):
    s.__init__(s.kind, browser(OFFICE), pick(["vpn.halvorsen-logistics.no", "asa.brightwater-eng.com"]))
    s.nav("/", 302, ref=None, think=(0, 1), setpage=False)
    s.nav("/+CSCOE+/logon.html", ref=None, think=(0.05, 0.3), assets=["/+CSCOU+/portal.css", "/+CSCOU+/csco_logo.gif", "/+CSCOE+/logon_forms.js", "/+CSCOE+/common.js"])
    s.nav("/+webvpn+/index.html", 302, method="POST", think=(5, 15), setpage=False)
    s.nav("/+CSCOE+/portal.html", think=(0.1, 0.4), assets=["/+CSCOU+/portal.css", "/+CSCOE+/portal.js", "/+CSCOU+/csco_logo.gif"])
    s.nav("/+CSCOE+/session.js", think=(0.1, 0.4), setpage=False)
    for _ in range(R.randint(1, 3)):
        s.nav("/+CSCOE+/portal.html", think=(60, 600), assets=[])
    s.nav("/+CSCOE+/logout.html", think=(10, 300), assets=["/+CSCOU+/portal.css"])


@kind("SonicWall", "sonicwall-sslvpn NetExtender tunnel client, or a user on the SMA 100 web portal", 4)
def k_sonicwall(s):
    if chance(0.6):
        s.__init__(s.kind, pick(["SonicWALL NetExtender for Windows 10.2.341", "SonicWALL NetExtender for Linux 10.2.845"]),
                   pick(["sslvpn.orchard-dental.co.uk", "vpn.vandermeer-law.nl"]))
        for rnd in range(R.randint(2, 4)):
            s.t += R.uniform(1800, 7200) if rnd else 0
            s.req("POST", "/cgi-bin/userLogin", 200, R.randint(200, 900), ref=None, gap=0.5)
            s.req("GET", "/cgi-bin/sslvpnclient?epcversionquery=nxx", 200, ref=None)
            s.req("GET", "/cgi-bin/sslvpnclient?launchplatform=mac&neProto=3&supportipv6=yes", 200, R.randint(800, 2400), ref=None)
        s.req("GET", "/cgi-bin/userLogout", 200, ref=None, gap=R.uniform(600, 3600))
    else:
        s.__init__(s.kind, browser(OFFICE), pick(["sma.orchard-dental.co.uk", "remote.vandermeer-law.nl"]))
        s.nav("/", 302, ref=None, think=(0, 1), setpage=False)
        s.nav("/cgi-bin/welcome", ref=None, think=(0.05, 0.3), assets=["/css/welcome.css", "/images/sonicwall-logo.png", "/js/welcome.js"])
        s.nav("/cgi-bin/userLogin", 302, method="POST", think=(5, 15), setpage=False)
        s.nav("/cgi-bin/portal", think=(0.1, 0.4), assets=["/css/portal.css", "/js/portal.js"])
        for _ in range(R.randint(2, 4)):
            s.nav("/cgi-bin/portal", think=(60, 600), assets=[])
        s.nav("/cgi-bin/logout", 302, think=(10, 300), setpage=False)


# ================================================================== home and small-office routers
@kind("Home / SMB routers", "router-owner TP-Link Archer, Zyxel USG, UniFi or OpenWrt owner checking status, logs and firmware", 10)
def k_router(s):
    v = R.randrange(4)
    ip = pick(["router.home.arpa", "gw.home.arpa", "192.168.0.1", "10.0.0.1"])
    s.__init__(s.kind, browser(DESKTOP), ip, scheme="http" if v in (0, 3) and chance(0.6) else "https")
    if v == 0:
        t = s.ms()
        s.nav("/", 302, ref=None, think=(0, 1), setpage=False)
        s.nav("/webpages/index.html", ref=None, think=(0.05, 0.3), assets=[
            "/webpages/css/widget.css?t=%s" % hexs(8), "/webpages/js/su/su.js?t=%s" % hexs(8), "/webpages/js/libs/jquery.min.js?t=%s" % hexs(8)])
        s.xhr("/cgi-bin/luci/;stok=/locale?form=lang", "POST")
        s.xhr("/cgi-bin/luci/;stok=/login?form=keys", "POST")
        s.xhr("/cgi-bin/luci/;stok=/login?form=auth", "POST")
        s.xhr("/cgi-bin/luci/;stok=/login?form=login", "POST", gap=R.uniform(5, 15))
        st = hexs(32)
        for f in ["admin/status?form=all", "admin/network?form=wan_ipv4_status", "admin/wireless?form=statistics",
                  "admin/syslog?form=log", "admin/firmware?form=upgrade", "admin/cloud_account?form=check_upgrade"][:R.randint(4, 6)]:
            s.xhr("/cgi-bin/luci/;stok=%s/%s" % (st, f), "POST", gap=R.uniform(2, 30))
        s.xhr("/cgi-bin/luci/;stok=%s/admin/system?form=logout" % st, "POST", gap=R.uniform(10, 60))
    elif v == 1:
        s.nav("/", ref=None, think=(0, 1), assets=["/ext-js/ext/resources/css/ext-all.css", "/images/zyxel_logo.png"])
        s.nav("/weblogin.cgi", 302, method="POST", think=(5, 15), setpage=False)
        s.nav("/ext-js/index.html", think=(0.1, 0.4), assets=["/ext-js/ext/ext-all.js", "/ext-js/app/app.js"])
        for _ in range(R.randint(4, 8)):
            s.xhr("/cgi-bin/zysh-cgi", "POST", gap=R.uniform(1, 30))
        s.xhr("/cgi-bin/dashboard?action=getDashboard", gap=R.uniform(5, 30))
    elif v == 2:
        s.nav("/manage/account/login?redirect=%2Fmanage", ref=None, think=(0, 1), assets=["/manage/angular/g%s/js/index.js" % hexs(8), "/manage/angular/g%s/css/app.css" % hexs(8)])
        s.xhr("/api/login", "POST")
        s.nav("/manage/default/dashboard", think=(0.2, 1), assets=[])
        for p in ["/api/self", "/api/s/default/stat/health", "/api/s/default/stat/device", "/api/s/default/stat/sta",
                  "/api/s/default/rest/setting", "/api/s/default/stat/event?_limit=100&_start=0&within=24"]:
            s.xhr(p, gap=R.uniform(0.05, 2))
        s.nav("/manage/default/devices", think=(5, 60), assets=[])
        s.xhr("/api/s/default/stat/device", gap=R.uniform(1, 3))
    else:
        s.nav("/cgi-bin/luci", ref=None, think=(0, 1), assets=["/luci-static/bootstrap/cascade.css?v=git-24.339.46321-5f9267c", "/luci-static/resources/luci.js?v=git-24.339.46321-5f9267c"])
        s.nav("/cgi-bin/luci", 302, method="POST", think=(5, 15), setpage=False)
        s.nav("/cgi-bin/luci/admin/status/overview", think=(0.1, 0.4), assets=[])
        s.xhr("/ubus/?%d" % s.ms(), "POST")
        s.nav("/cgi-bin/luci/admin/status/syslog", assets=[])
        s.xhr("/ubus/?%d" % s.ms(), "POST")
        s.nav("/cgi-bin/luci/admin/system/flash", assets=[])
        s.nav("/cgi-bin/luci/admin/network/network", assets=[])
        s.xhr("/ubus/?%d" % s.ms(), "POST")


# ================================================================== local AI tools used by developers
@kind("Ollama", "ollama-developer Ollama API from the CLI, ollama-python or the OpenAI SDK: tags, pull, chat, embeddings", 4)
def k_ollama(s):
    v = R.randrange(3)
    ua = ["ollama/0.5.7 (amd64 linux) Go/go1.23.4", "ollama-python/0.4.7 (x86_64 linux) Python/3.12.8", "OpenAI/Python 1.59.7"][v]
    s.__init__(s.kind, ua, pick(["ollama.lab.brightwater-eng.com", "gpu01.internal"]))
    if v == 2:
        s.req("GET", "/v1/models", 200, ref=None, gap=0)
        for _ in range(R.randint(7, 14)):
            s.req("POST", "/v1/chat/completions", 200, R.randint(300, 9000), ref=None, gap=R.uniform(2, 90))
        return
    s.req("HEAD", "/", 200, 0, ref=None, gap=0)
    s.req("GET", "/api/version", 200, ref=None)
    s.req("GET", "/api/tags", 200, ref=None)
    if chance(0.5):
        s.req("POST", "/api/pull", 200, R.randint(2000, 90000), ref=None)
    s.req("POST", "/api/show", 200, ref=None)
    for _ in range(R.randint(3, 10)):
        s.req("POST", pick(["/api/chat", "/api/chat", "/api/generate", "/api/embed"]), 200, R.randint(300, 90000), ref=None, gap=R.uniform(2, 90))
    s.req("GET", "/api/ps", 200, ref=None)


@kind("Open WebUI", "open-webui-user chats, model list, file upload for RAG, socket.io polling", 4)
def k_openwebui(s):
    s.__init__(s.kind, browser(DESKTOP), pick(["chat.lab.brightwater-eng.com", "ai.vandermeer-law.nl"]))
    h = hexs(8)
    s.nav("/", ref=None, think=(0, 1), assets=["/_app/immutable/entry/start.%s.js" % h, "/_app/immutable/entry/app.%s.js" % hexs(8),
                                              "/static/favicon.png", "/_app/immutable/assets/0.%s.css" % hexs(8)])
    s.xhr("/api/config")
    s.xhr("/api/v1/auths/")
    s.xhr("/ws/socket.io/?EIO=4&transport=polling&t=%s" % b64(5, url=True, pad=False)[:7])
    s.xhr("/api/models")
    s.xhr("/api/v1/chats/?page=1")
    if chance(0.5):
        s.xhr("/api/v1/files/", "POST", gap=R.uniform(5, 30))
        s.xhr("/api/v1/files/%s/process/status?stream=true" % guid())
    cid = guid()
    s.xhr("/api/v1/chats/new", "POST", gap=R.uniform(5, 30))
    for _ in range(R.randint(2, 5)):
        s.xhr("/api/chat/completions", "POST", gap=R.uniform(10, 120))
        s.xhr("/api/v1/chats/%s" % cid, "POST")
    s.xhr("/api/v1/chats/?page=1")


@kind("ComfyUI", "comfyui-user workflows from userdata, prompt queue, history, output images via /api/view, image upload", 4)
def k_comfy(s):
    s.__init__(s.kind, browser(DESKTOP), pick(["comfy.lab.brightwater-eng.com", "192.168.1.40"]), scheme="http")
    s.nav("/", ref=None, think=(0, 1), assets=["/assets/index-%s.js" % b64(6, url=True, pad=False), "/assets/index-%s.css" % b64(6, url=True, pad=False)])
    s.xhr("/api/users")
    s.xhr("/api/settings")
    s.xhr("/api/extensions")
    s.xhr("/api/object_info", size=R.randint(400000, 2000000))
    s.xhr("/api/userdata?dir=workflows&recurse=true&split=false&full_info=true")
    wf = pick(["portrait-v2.json", "sdxl%20upscale.json", "product-shots.json"])
    s.xhr("/api/userdata/workflows%%2F%s" % wf)
    s.xhr("/ws?clientId=%s" % hexs(32), status=101)
    if chance(0.5):
        s.xhr("/api/upload/image", "POST", gap=R.uniform(5, 30))
        s.xhr("/api/view?filename=%s&type=input&subfolder=&rand=%s" % (pick(["ref.png", "IMG_2210.jpg"]), repr(R.random())[:18]))
    for _ in range(R.randint(2, 4)):
        s.xhr("/api/prompt", "POST", gap=R.uniform(10, 120))
        s.xhr("/api/queue")
        s.xhr("/api/history?max_items=64", gap=R.uniform(5, 60))
        s.xhr("/api/view?filename=ComfyUI_%05d_.png&type=output&subfolder=&rand=%s" % (R.randint(1, 900), repr(R.random())[:18]))
    s.xhr("/api/userdata/workflows%%2F%s?overwrite=true&full_info=true" % wf, "POST")


@kind("Gradio", "gradio-app-user Gradio 5 demo app: queue join, SSE data, file= paths under /tmp/gradio, uploads", 3)
def k_gradio(s):
    s.__init__(s.kind, browser(DESKTOP), pick(["demo.lab.brightwater-eng.com", "asr.halvorsen-logistics.no"]))
    s.nav("/", ref=None, think=(0, 1), assets=["/assets/index-%s.js" % b64(6, url=True, pad=False), "/assets/index-%s.css" % b64(6, url=True, pad=False),
                                              "/theme.css?v=%s" % hexs(64)])
    s.xhr("/config")
    s.xhr("/gradio_api/info")
    sh = lalnum(11)
    for _ in range(R.randint(2, 4)):
        if chance(0.5):
            up = lalnum(11)
            s.xhr("/gradio_api/upload?upload_id=%s" % up, "POST", gap=R.uniform(5, 30))
            s.xhr("/gradio_api/upload_progress?upload_id=%s" % up)
        s.xhr("/gradio_api/queue/join?__theme=system", "POST", gap=R.uniform(3, 40))
        s.xhr("/gradio_api/queue/data?session_hash=%s" % sh)
        s.xhr("/gradio_api/file=/tmp/gradio/%s/%s" % (hexs(64), pick(["image.webp", "audio.wav", "output.png", "transcript.txt"])))
    s.xhr("/gradio_api/heartbeat/%s" % sh)


@kind("Langflow", "langflow-developer flow editor: component list, custom component code validation, builds, message monitor", 3)
def k_langflow(s):
    s.__init__(s.kind, browser(DESKTOP), pick(["langflow.lab.brightwater-eng.com", "flows.vandermeer-law.nl"]))
    s.nav("/", ref=None, think=(0, 1), assets=["/assets/index-%s.js" % b64(6, url=True, pad=False), "/assets/index-%s.css" % b64(6, url=True, pad=False)])
    s.xhr("/api/v1/auto_login")
    s.xhr("/api/v1/config")
    s.xhr("/api/v1/version")
    s.xhr("/api/v1/all?force_refresh=true", size=R.randint(400000, 2000000))
    fid = guid()
    s.xhr("/api/v1/flows/?remove_example_flows=false&components_only=false&get_all=true&header_flows=false")
    s.page = s.url("/flow/%s" % fid)
    s.xhr("/api/v1/flows/%s" % fid)
    for _ in range(R.randint(1, 3)):
        s.xhr("/api/v1/validate/code", "POST", gap=R.uniform(20, 120))
        s.xhr("/api/v1/custom_component/update", "POST")
    s.xhr("/api/v1/build/%s/flow?log_builds=true" % fid, "POST", gap=R.uniform(5, 30))
    s.xhr("/api/v1/build/%s/events" % guid())
    s.xhr("/api/v1/monitor/messages?flow_id=%s" % fid)
    s.xhr("/api/v1/flows/%s" % fid, "PATCH", gap=R.uniform(5, 30))


# ================================================================== driver
def build():
    net = ipaddress.ip_network(NET)
    total = sum(k[2] for k in KINDS)
    hosts = [str(net.network_address + i) for i in range(1, net.num_addresses - 1)
             if (int(net.network_address) + i) & 0xFF not in (0, 255)]
    addrs = R.sample(hosts, total)
    ai = 0
    events = []
    labels = []
    meta = []
    for group, kname, count, fn in KINDS:
        short = kname.split(" ", 1)[0]
        for _ in range(count):
            for attempt in range(200):
                t0 = start_time(office=chance(0.85))
                OFFSET[0] = t0
                s = Src(short, None, "x")
                fn(s)
                n = len(s.ev)
                if n < MIN_REQ or n > MAX_REQ:
                    continue
                if t0 + s.ev[-1][0] > 86399:
                    continue
                break
            else:
                raise SystemExit("could not fit %s in %d..%d requests" % (kname, MIN_REQ, MAX_REQ))
            ip = addrs[ai]
            ai += 1
            for e in s.ev:
                events.append((t0 + e[0], ip) + tuple(e[1:]))
            labels.append((t0 + s.ev[0][0], ip, short))
            meta.append((group, short, ip, s.ua, n))
    events.sort(key=lambda e: (int(e[0]), e[0], e[1]))
    labels.sort(key=lambda x: (x[0], x[1]))
    return events, labels, meta


def fmt_time(t):
    d = DAY0 + datetime.timedelta(seconds=int(t))
    return d.strftime("%d/%b/%Y:%H:%M:%S +0000")


def main():
    events, labels, meta = build()
    lines = []
    for t, ip, method, path, status, size, ref, ua in events:
        lines.append('%s - - [%s] "%s %s HTTP/1.1" %d %d "%s" "%s"\n' % (ip, fmt_time(t), method, path, status, size, ref, ua))
    with open(os.path.join(HERE, "benign.log"), "w", newline="\n") as f:
        f.writelines(lines)
    with open(os.path.join(HERE, "benign.labels"), "w", newline="\n") as f:
        for _, ip, k in labels:
            f.write("%s\tbenign\t%s\n" % (ip, k))
    for name in ("attacks.log", "attacks.labels"):
        open(os.path.join(HERE, name), "w").close()
    write_readme(events, labels, meta)


def write_readme(events, labels, meta):
    n_src = len(labels)
    counts = sorted(m[4] for m in meta)
    med = counts[len(counts) // 2]
    methods, statuses = {}, {}
    noref = 0
    for e in events:
        methods[e[2]] = methods.get(e[2], 0) + 1
        statuses[e[4]] = statuses.get(e[4], 0) + 1
        noref += e[6] == "-"
    first, last = fmt_time(events[0][0]), fmt_time(events[-1][0])
    bygroup = []
    for group, kname, count, fn in KINDS:
        if not bygroup or bygroup[-1][0] != group:
            bygroup.append([group, 0, []])
        bygroup[-1][1] += count
        bygroup[-1][2].append("%s %d" % (kname.split(" ", 1)[0], count))
    kinds_doc = "\n".join("- `%s`: %s" % (kname.split(" ", 1)[0], kname.split(" ", 1)[1]) for _, kname, _, _ in KINDS)
    uas = []
    for m in meta:
        if m[3] not in uas:
            uas.append(m[3])

    def dist(d):
        return ", ".join("%s %s" % (k, format(v, ",")) for k, v in sorted(d.items(), key=lambda kv: (-kv[1], str(kv[0]))))
    table = "\n".join("| %s | %d | %s |" % (g, c, ", ".join(ks)) for g, c, ks in bygroup)
    text = README.format(
        n_req=format(len(events), ","), n_src=n_src, first=first[12:17], last=last[12:17], net=NET,
        med=med, lo=counts[0], hi=counts[-1], methods=dist(methods), statuses=dist(statuses), noref=format(noref, ","),
        n_ua=len(uas), table=table, kinds=kinds_doc, n_groups=len(bygroup), seed=SEED, minr=MIN_REQ, maxr=MAX_REQ)
    with open(os.path.join(HERE, "README.md"), "w", newline="\n") as f:
        f.write(text)


README = """# benign-apps6: people using the products that CVE exploits target

A held-out false-positive set. An exploit pack for known CVEs watches the
URLs of Exchange, SharePoint, VPN gateways, Atlassian tools, CI servers,
monitoring consoles, file-transfer servers, webmail, hosting panels, CMS
admin areas, ERP and ITSM portals, router UIs and local AI tools. The same
products' own users send requests to the same paths every day: Outlook asks
`/autodiscover/autodiscover.json/v1.0/<address>`, FortiOS's login page loads
`/remote/fgt_lang?lang=en`, GlobalProtect posts `/ssl-vpn/hipreport.esp`,
the vSphere Client calls the vSAN `getClusterCapabilityData` proxy, Jira
shows hover cards from `/secure/ViewUserHover.jspa`, the Confluence editor
posts `/rest/tinymce/1/macro/preview`, F5 automation runs tmsh through
`/mgmt/tm/util/bash`, Langflow validates custom component code at
`/api/v1/validate/code`, Gradio serves outputs from `/gradio_api/file=/tmp/...`,
WebLogic's console puts `com.bea.console.handles.JMXHandle(...)` in `handle=`,
and site owners download `wp-content/debug.log` through WP File Manager.
This set is that traffic and nothing else: every source is a person in a
real browser, or the product's own legitimate client (Outlook, iOS Mail and
other ActiveSync clients, Citrix Workspace app, FortiClient/openfortivpn,
GlobalProtect, AnyConnect, NetExtender, Nextcloud and ownCloud desktop
clients, git, GitLab Runner, the Jenkins CLI, pyvmomi/govc/PowerCLI,
Filebeat, Elastic Agent, Alloy, Prometheus, kubelet probes, Spring Boot
Admin, the WordPress and Moodle apps) or an admin's script against the
product's documented API. There are no scanners, crawlers or attacks.
`attacks.log` and `attacks.labels` are empty so the recall script runs on
the folder.

    python3 tests/bench/data/benign-apps6/gen.py      # rewrites every file below except gen.py
    DATA=tests/bench/data/benign-apps6 bash tests/bench/recall.sh policies

| file | what |
|---|---|
| `benign.log` | nginx "combined" log, 28 Jan 2026 {first}-{last} UTC, {n_req} requests from {n_src} sources in {net} |
| `benign.labels` | `ADDRESS<TAB>benign<TAB>KIND`, one line per source, in order of first request; KIND names the product and role (see below) |
| `attacks.log`, `attacks.labels` | empty |
| `accepted.tsv` | written by the maintainer, not by `gen.py`: the sources a shipped policy still flags, each with why (see the end) |
| `README.md` | this file, written by `gen.py` with the counts of the run |
| `gen.py` | writes all of them; Python 3 stdlib only, seed {seed}, byte-identical on every run (no set iteration, no `hash()`; checked with `PYTHONHASHSEED=0` and `12345`) |

**Do not edit this set to make a policy pass.** A line that a shipped
policy flags is a finding about the policy (or, if the line is not what the
product really sends, a bug in `gen.py` to fix on its own merits, and to say
so here), not a reason to change the data.

## How it was written

From the products' public documentation, protocol write-ups and client
source code, searched for the exact paths and parameters where it mattered
most: the openfortivpn/openconnect-style clients for FortiGate
(`/remote/logincheck`, `fortisslvpn_xml`, `sslvpn-tunnel`, the `SV1` user
agent), GlobalProtect (`prelogin.esp?tmp=tmp&clientVer=4100&clientos=`) and
NetExtender (`sslvpnclient?launchplatform=mac&neProto=3&supportipv6=yes`),
Exchange Autodiscover v2 (`autodiscover.json/v1.0/<address>?Protocol=`),
ActiveSync command URLs, the WordPress iOS, Citrix Workspace app, Nextcloud
desktop and Filebeat user agents, CrushFTP's `WebInterface/function/`
commands and `/U/<id>~<n>~<len>` uploads, MOVEit's `human.aspx?arg12=` pages,
ComfyUI's `/api/view`, Gradio's `/gradio_api/file=`, WebLogic console
`JMXHandle` links, the vSAN capability proxy and Jira's `ViewUserHover.jspa`.
The rest (including the MS-ASHTTP base64 query encoding, which follows the
published layout) is from general knowledge of the products. Without reading `policies/`, `user/`, `include/`, `bpf/`,
`docs/`, the repository README, any test code, the detector's source or
git history; of `tests/bench/` only the other sets' `README.md` files,
`../benign-apps5/gen.py` (for file conventions), `recall.sh` (for the format
it reads) and the other sets' `*.log` files (only their first field, to pick
an unused address range). gatehawk and its tests were not run.

## Addresses

{net}. Before choosing it, the first field of every `*.log` under
`tests/bench/data/` was collected and every /18 of 100.64.0.0/10 that holds
one of them was struck out; {net} was one of five left. To check again:

    for f in tests/bench/data/*/*.log tests/bench/data/*/*.labels; do
      case $f in */benign-apps6/*) ;; *) cat "$f" ;; esac
    done | awk '{{print $1}}' | sort -u | python3 -c '
    import sys, ipaddress as i
    n = i.ip_network("{net}")
    hits = []
    for a in sys.stdin.read().split():
        try:
            if i.ip_address(a) in n: hits.append(a)
        except ValueError: pass
    print(hits)'

It must print `[]` (it did when this set was written). Addresses are drawn
at random from the /18, one per source, never reused.

## The model

- **A source is one person or one client**, one User-Agent, one product
  host (several sources share each fictional organisation's host). Browsers
  are current Chrome, Edge, Firefox (and ESR), Safari, and on a few forums and
  VLEs iPhone Safari and Android Chrome.
- **Page loads** carry the product's own static assets right after the page
  (first view fetched, later views mostly cached, some revalidated with 304),
  then the page's XHR/fetch calls; Referers are the product's own page that
  made the request. Native clients, agents and scripts send no Referer.
- **Sign-in flows** are the product's own: 302 to the login page, a POST,
  302 back; NTLM/Negotiate and Basic realms answer 401 first (SharePoint,
  Outlook, git, Nagios, Tomcat manager); a few people mistype a password.
- **Pacing**: people read for seconds to minutes; pollers and agents run at
  their real period (ActiveSync Ping 4-25 min, Grafana refresh 1 min,
  Nextcloud sync 30 s, kubelet probes 10 s, Prometheus 15 s, Alloy 15 s,
  GitLab Runner 3-6 s). VPN clients reconnect after 15-120 minutes.
- **Bounds**: each source sends {minr} to {maxr} requests; a draw outside
  that, or running past midnight, is drawn again.
- Every line is `HTTP/1.1`.

## Counts

- {n_req} requests from {n_src} sources (median {med} requests, minimum {lo}, maximum {hi}).
- Methods: {methods}.
- Statuses: {statuses}.
- {noref} requests carry no Referer.
- {n_ua} distinct User-Agents.

Sources per product ({n_groups} groups):

| product | sources | KIND and count |
|---|---:|---|
{table}

KIND, what the source does:

{kinds}

## Simplifications and doubts

- **Not in the log**: POST bodies, cookies and headers, so a SOAP, JSON-RPC,
  JSF or `WebInterface/function/` POST shows only its path.
- **Approximate paths.** Static asset names, build hashes and version
  numbers are plausible, not copied. Some product-internal XHR paths are
  written from memory and may differ from a given version: the FortiGate
  web-mode portal's `/remote/portal/*` calls and its CSS/JS names, the Ivanti
  admin pages under `/dana-admin/` and the `/api/v1/system/*` calls, the EPMM
  self-service `rest/` calls, the F5 TMUI `jspmap` pages, the vSphere Client
  `/ui/data`, `/ui/tree` and event calls, the Kibana, Zimbra, Plesk, WHM,
  SonicWall SMA, Zyxel and GoAnywhere page names, and the Citrix
  StoreFront/Store resource paths. Signatures, SAML messages, canaries,
  nonces, session and CSRF tokens are random characters of the right
  alphabet and length.
- **Fictional organisations**: hosts such as `mail.brightwater-eng.com` are
  invented; they appear only in Referers.
- **One day**, no source crosses midnight.

## Measured (by the maintainer)

- Untouched, on the policies of the day before the set was written: 19 of
  465 sources flagged. They were ServiceNow's own `javascript:gs...`
  query values (6 list links in the path, 1 Table API script), Cisco
  AnyConnect opening its tunnel with `CONNECT /CSCOSSLC/tunnel` (5), F5
  iControl REST automation running `/mgmt/tm/util/bash` (4), Spring Boot
  Admin polling `/actuator/env` (2) and the WordPress Android app editing
  over XML-RPC (1).
- After that day's fixes by kind: 5 of 465, each in `accepted.tsv` with
  its reason (4 F5 automation sources outside the private ranges the
  CVE-2022-1388 policy leaves out, 1 CRS 3.3.4 score of ServiceNow's
  query). Do not edit the set to make a policy pass.
"""


if __name__ == "__main__":
    main()
