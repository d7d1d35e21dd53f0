#!/usr/bin/env python3
"""Benign-traffic corpus for gatehawk false-positive review 5.

Each source (one IP) is one visit of one real application or client:
identity flows (OIDC/Keycloak/Authentik/Authelia/oauth2-proxy/Dex, SAML,
WS-Fed, CAS, reset and magic links), Mastodon/ActivityPub/Matrix,
Jellyfin/Plex/Subsonic, Home Assistant, Collabora/OnlyOffice WOPI,
Canvas/Blackboard/LTI, FHIR, travel and real-estate search, job boards,
ticketing, news comments, marketing/affiliate links, shorteners, image
proxies, web archives, link-preview fetchers, search operators, developer
tools (Rust playground, Datasette, Adminer, Sourcegraph, Kroki/PlantUML,
Solr admin), security consoles (Graylog, Arkime), non-ASCII searches,
signed CDN URLs, mobile API clients (PocketBase, Appwrite, Parse,
Directus, Typesense), game clients, IoT phone-home, payment callbacks and
webhooks, chat widgets, feature flags, CSP/NEL reports, browser automatic
requests (service workers, touch icons, change-password, traffic-advice).

Writes benign.log (combined format, sorted by time) and benign.labels
(ADDRESS <TAB> benign <TAB> what the source is) next to this script: a fixed
seed, the same output on every run.
"""
import base64
import hashlib
import json
import os
import random
import uuid
import zlib
from urllib.parse import quote, quote_plus, urlencode

random.seed(5)
OUT = os.path.dirname(os.path.abspath(__file__))

# ----------------------------------------------------------------- encoders
def q_form(pairs):
    """HTML form GET, python-requests, Go url.Values, Dart: space '+'."""
    return urlencode(pairs, quote_via=quote_plus)


def ejs(v):
    """encodeURIComponent."""
    return quote(str(v), safe="-_.!~*'()")


def q_js(pairs):
    return "&".join(ejs(k) + "=" + ejs(v) for k, v in pairs)


def q_usp(pairs):
    """URLSearchParams.toString(): form encoding, keeps only *-._ raw."""
    return "&".join(quote_plus(str(k), safe="*-._") + "=" + quote_plus(str(v), safe="*-._") for k, v in pairs)


def q_raw(pairs):
    """Hand-written hrefs / servers that only escape what they must."""
    return "&".join(f"{k}={v}" for k, v in pairs)


def hexs(n):
    return "".join(random.choice("0123456789abcdef") for _ in range(n))


def alnum(n, chars="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"):
    return "".join(random.choice(chars) for _ in range(n))


def b64url(nbytes):
    return base64.urlsafe_b64encode(random.randbytes(nbytes)).decode().rstrip("=")


def b64(nbytes):
    return base64.b64encode(random.randbytes(nbytes)).decode()


def b64url_s(s):
    return base64.urlsafe_b64encode(s.encode()).decode().rstrip("=")


def uid():
    return str(uuid.UUID(bytes=random.randbytes(16), version=4))


def jwt(payload, alg="RS256", kid=None):
    h = {"alg": alg, "typ": "JWT"}
    if kid:
        h["kid"] = kid
    sig = b64url(256 if alg.startswith("RS") else 32)
    return b64url_s(json.dumps(h, separators=(",", ":"))) + "." + b64url_s(json.dumps(payload, separators=(",", ":"))) + "." + sig


def pkce():
    return b64url(32)


NOW = 1763125200  # 14 Nov 2025 13:00 UTC

# ------------------------------------------------------------- user agents
CHROME_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
CHROME_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36"
CHROME_LNX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"
FF_LNX = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0"
FF_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0"
FF_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:132.0) Gecko/20100101 Firefox/132.0"
SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
IPAD = "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1"
ANDROID = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"
SAMSUNG = "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36"
BROWSERS = [CHROME_WIN, CHROME_MAC, CHROME_LNX, EDGE, FF_LNX, FF_WIN, FF_MAC, SAFARI, IPHONE, ANDROID, SAMSUNG, IPAD]
DESKTOP = [CHROME_WIN, CHROME_MAC, CHROME_LNX, EDGE, FF_LNX, FF_WIN, FF_MAC, SAFARI]
MOBILE = [IPHONE, ANDROID, SAMSUNG]
FB_IAB = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/489.0.0.38.109;FBBV/661234567;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/18.1;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5;FBRV/663456789]"
IG_IAB = "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240905.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.107 Mobile Safari/537.36 Instagram 356.0.0.41.101 Android (34/14; 420dpi; 1080x2400; Google/google; Pixel 8; shiba; shiba; en_US; 654321987)"
OKHTTP = "okhttp/4.12.0"
CURL = "curl/8.5.0"
PYREQ = "python-requests/2.31.0"
GOHTTP = "Go-http-client/1.1"
NODE = "node"


def br():
    return random.choice(BROWSERS)


def dt():
    return random.choice(DESKTOP)


def mob():
    return random.choice(MOBILE)


# ------------------------------------------------------------------ corpus
SOURCES = []  # (label, [(method, target, status, referer, ua)])


def S(label, *reqs):
    SOURCES.append((label, list(reqs)))


def R(method, target, status=200, ref="-", ua=None):
    return (method, target, status, ref, ua)


CACHED = 0.75


def page(site, target, ua, ref="-", status=200, assets=("/static/css/main.css", "/static/js/app.js")):
    """A browser page view and the assets it loads with the page as Referer."""
    reqs = [R("GET", target, status, ref, ua)]
    if random.random() < CACHED:  # returning visitor: assets come from the browser cache
        return reqs
    for a in assets:
        reqs.append(R("GET", a, 200, site + target, ua))
    return reqs


# =============================================================== identity
SSO = "https://sso.example.com"
REALM = "/realms/corp/protocol/openid-connect"
APPS = [("portal", "https://portal.example.com", "/dashboard"),
        ("grafana", "https://grafana.example.com", "/login/generic_oauth"),
        ("wiki", "https://wiki.example.com", "/oauth2/callback"),
        ("hr", "https://hr.example.com", "/auth/callback"),
        ("argocd", "https://argocd.example.com", "/auth/callback")]
KC_ASSETS = ["/resources/x7k2p/login/keycloak.v2/css/styles.css", "/resources/x7k2p/common/keycloak/vendor/patternfly-v5/patternfly.min.css",
             "/resources/x7k2p/login/keycloak.v2/js/passwordVisibility.js"]


def kc_auth_url(client, redirect, extra=(), mode="fragment", enc=q_js):
    pairs = [("client_id", client), ("redirect_uri", redirect), ("state", uid()), ("response_mode", mode),
             ("response_type", "code"), ("scope", "openid"), ("nonce", uid())] + list(extra) + \
            [("code_challenge", pkce()), ("code_challenge_method", "S256")]
    return REALM + "/auth?" + enc(pairs)


# keycloak-js login: app page -> auth page (200) -> assets -> POST authenticate (302)
for i in range(8):
    client, app, cb = random.choice(APPS)
    ua = br()
    url = kc_auth_url(client, app + cb + random.choice(["", "?tab=overview", "?orgId=1"]))
    sess = b64url(32)
    reqs = [R("GET", url, 200, app + "/", ua)] + [R("GET", a, 200, SSO + url, ua) for a in KC_ASSETS[:2]]
    post = "/realms/corp/login-actions/authenticate?" + q_raw([("session_code", sess[:43]), ("execution", uid()), ("client_id", client), ("tab_id", alnum(11))])
    reqs.append(R("POST", post, 302 if i % 4 else 200, SSO + url, ua))
    S(f"keycloak login via keycloak-js ({client})", *reqs)

# silent check-sso with prompt=none (iframe)
for i in range(4):
    client, app, cb = random.choice(APPS)
    ua = br()
    url = kc_auth_url(client, app + "/silent-check-sso.html", [("prompt", "none")])
    S("keycloak silent check-sso prompt=none", R("GET", "/realms/corp/protocol/openid-connect/3p-cookies/step1.html", 200, app + "/", ua),
      R("GET", url, 302, app + "/", ua),
      R("GET", "/realms/corp/protocol/openid-connect/login-status-iframe.html/init?" + q_js([("client_id", client), ("origin", app)]), 204, app + "/", ua))

# RP callbacks (Spring Security / generic) with iss= and session_state=
for i in range(4):
    ua = br()
    code = f"{uid()}.{uid()}.{uid()}"
    S("spring-security oidc callback from keycloak (iss=)",
      R("GET", "/login/oauth2/code/keycloak?" + q_raw([("state", b64url(32) + "%3D"), ("session_state", uid()), ("iss", quote(SSO + "/realms/corp", safe="")), ("code", code)]), 302, SSO + "/", ua),
      *page("https://hr.example.com", "/", ua, SSO + "/", 200, ("/css/app.css",)))

# Keycloak logout with id_token_hint JWT and post_logout_redirect_uri
for i in range(3):
    client, app, cb = random.choice(APPS)
    ua = br()
    idt = jwt({"exp": NOW + 300, "iat": NOW, "auth_time": NOW - 3600, "jti": uid(), "iss": SSO + "/realms/corp", "aud": client,
               "sub": uid(), "typ": "ID", "azp": client, "sid": uid(), "at_hash": b64url(16), "acr": "1",
               "email_verified": True, "name": "Jane Doe", "preferred_username": "jdoe", "email": "jane.doe@example.com"}, kid=b64url(32))
    S("keycloak logout with id_token_hint", R("GET", REALM + "/logout?" + q_js([("client_id", client), ("post_logout_redirect_uri", app + "/"), ("id_token_hint", idt)]), 302, app + "/", ua))

# kubelogin / vault CLI: browser opened by a CLI, loopback redirect_uri, no Referer
for redirect, client in [("http://localhost:8000", "kubernetes"), ("http://localhost:18000", "kubernetes"), ("http://localhost:8250/oidc/callback", "vault")]:
    ua = dt()
    pairs = sorted([("access_type", "offline"), ("client_id", client), ("code_challenge", pkce()), ("code_challenge_method", "S256"),
                    ("nonce", b64url(32)), ("redirect_uri", redirect), ("response_type", "code"), ("scope", "openid email groups"), ("state", b64url(32))])
    url = REALM + "/auth?" + q_form(pairs)
    S(f"keycloak login opened by CLI ({client}, loopback redirect)", R("GET", url, 200, "-", ua), *[R("GET", a, 200, SSO + url, ua) for a in KC_ASSETS])

# native apps: custom-scheme redirect URIs
for redirect, ua in [("com.example.fieldapp:/oauth2redirect", IPHONE), ("com.example.fieldapp:/oauth2redirect", ANDROID),
                     ("msauth.com.example.teams://auth", IPHONE), ("https://portal.example.com/app-callback", ANDROID)]:
    url = kc_auth_url("field-app", redirect, [("prompt", "login")], mode="query", enc=q_form)
    S("keycloak login from native app (AppAuth, custom scheme)", R("GET", url, 200, "-", ua), *[R("GET", a, 200, SSO + url, ua) for a in KC_ASSETS[:2]])

# device authorization grant
for i in range(2):
    ua = dt()
    code = alnum(4, "BCDFGHJKLMNPQRSTVWXZ") + "-" + alnum(4, "BCDFGHJKLMNPQRSTVWXZ")
    S("keycloak device flow verification page", *page(SSO, "/realms/corp/device?user_code=" + code, ua, "-", 200, KC_ASSETS[:2]))

# action token (password reset / verify email) link from mail
for i in range(3):
    ua = br()
    tok = jwt({"exp": NOW + 300, "iat": NOW - 60, "jti": uid(), "iss": SSO + "/realms/corp", "aud": SSO + "/realms/corp", "sub": uid(),
               "typ": random.choice(["reset-credentials", "verify-email", "execute-actions"]), "azp": "account-console", "nonce": uid(),
               "asid": uid() + "." + alnum(11) + "." + uid(), "asid": uid()}, alg="HS512", kid=uid())
    url = "/realms/corp/login-actions/action-token?" + q_raw([("key", tok), ("client_id", "account-console"), ("tab_id", alnum(11))])
    S("keycloak action-token link from e-mail", R("GET", url, 200, "-", ua), *[R("GET", a, 200, SSO + url, ua) for a in KC_ASSETS[:2]])

# Authentik: authorize -> flow executor (double-encoded next)
AK = "https://auth.example.org"
for app, cb in [("https://grafana.example.org", "/login/generic_oauth"), ("https://paperless.example.org", "/accounts/oidc/authentik/login/callback/"),
                ("https://immich.example.org", "/auth/login"), ("https://jellyfin.example.org", "/sso/OID/redirect/authentik")]:
    ua = br()
    cid = alnum(40)
    az = "/application/o/authorize/?" + q_form([("client_id", cid), ("redirect_uri", app + cb), ("response_type", "code"), ("scope", "openid email profile"), ("state", b64url(24))])
    nxt = "/if/flow/default-authentication-flow/?" + q_form([("next", az)])
    api = "/api/v3/flows/executor/default-authentication-flow/?" + q_form([("query", "next=" + quote(az, safe=""))])
    S("authentik authorize and flow executor (nested next=)", R("GET", az, 302, app + "/", ua), R("GET", nxt, 200, app + "/", ua),
      R("GET", "/static/dist/flow.js", 200, AK + nxt, ua), R("GET", api, 200, AK + nxt, ua), R("POST", api, 200, AK + nxt, ua))

# Authelia portal with rd=
for target in ["https://sonarr.example.net/", "https://radarr.example.net/movie/the-matrix-603", "https://nzbget.example.net/", "https://syncthing.example.net/#settings-gui"]:
    ua = br()
    t = target.split("#")[0]
    url = "/?" + q_usp([("rd", t), ("rm", "GET")])
    S("authelia login portal with rd=", R("GET", url, 200, "-", ua), R("GET", "/static/js/index.5b6d7c1a.js", 200, "https://auth.example.net" + url, ua),
      R("GET", "/api/configuration", 200, "https://auth.example.net" + url, ua), R("POST", "/api/firstfactor", 200, "https://auth.example.net" + url, ua))

# oauth2-proxy start and callback (state carries nonce:redirect)
for path in ["/grafana/d/node-exporter/node-exporter-full?orgId=1&var-job=node", "/prometheus/graph", "/alertmanager/#/alerts"]:
    ua = br()
    rd = path.split("#")[0]
    st = hexs(32) + ":" + rd
    S("oauth2-proxy sign-in start and callback",
      R("GET", "/oauth2/start?" + q_form([("rd", rd)]), 302, "https://ops.example.com/oauth2/sign_in", ua),
      R("GET", "/oauth2/callback?" + q_form([("code", hexs(20)), ("state", st)]), 302, "https://github.com/", ua))

# Dex (Argo CD): auth -> connector -> callback
for conn in ["github", "ldap", "google"]:
    ua = br()
    q = q_form([("client_id", "argo-cd"), ("code_challenge", pkce()), ("code_challenge_method", "S256"), ("redirect_uri", "https://argocd.example.com/auth/callback"),
                ("response_type", "code"), ("scope", "openid profile email groups"), ("state", alnum(24))])
    S(f"dex login for argo-cd ({conn})", R("GET", "/api/dex/auth?" + q, 200, "https://argocd.example.com/login?return_url=https%3A%2F%2Fargocd.example.com%2Fapplications", ua),
      R("GET", f"/api/dex/auth/{conn}?" + q, 302, "https://argocd.example.com/api/dex/auth?" + q, ua),
      R("GET", "/api/dex/callback?" + q_form([("code", alnum(25, 'abcdefghijklmnopqrstuvwxyz0123456789')), ("state", alnum(26, 'abcdefghijklmnopqrstuvwxyz0123456789'))]), 303, "https://github.com/", ua))

# social login callbacks (Google with scope URLs, GitHub, Microsoft form_post)
for i in range(3):
    ua = br()
    scope = "email profile openid https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/userinfo.profile"
    S("google sign-in callback (scope URLs, authuser, prompt)",
      R("GET", "/auth/google/callback?" + q_form([("state", b64url(24)), ("code", "4/0A" + alnum(70, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")), ("scope", scope), ("authuser", "0"), ("prompt", "none")]), 302, "https://accounts.google.com/", ua),
      *page("https://shop.example.com", "/account", ua, "https://accounts.google.com/", 200, ("/assets/app.css",)))
for i in range(2):
    ua = br()
    S("github oauth callback", R("GET", "/auth/github/callback?" + q_form([("code", hexs(20)), ("state", hexs(32))]), 302, "https://github.com/", ua))
for i in range(2):
    ua = random.choice([EDGE, CHROME_WIN])
    S("asp.net core signin-oidc form_post from Entra ID", R("POST", "/signin-oidc", 302, "https://login.microsoftonline.com/", ua),
      *page("https://intranet.example.com", "/", ua, "https://login.microsoftonline.com/", 200, ("/css/site.css", "/lib/bootstrap/dist/js/bootstrap.bundle.min.js")))

# OIDC discovery / JWKS / token endpoint from back ends
for ua in ["Apache-HttpClient/4.5.14 (Java/17.0.9)", GOHTTP, NODE, "Python/3.12 aiohttp/3.10.10", "-"]:
    S("relying party fetching discovery, JWKS, token", R("GET", "/realms/corp/.well-known/openid-configuration", 200, "-", ua),
      R("GET", REALM + "/certs", 200, "-", ua), R("POST", REALM + "/token", 200, "-", ua))
S("token introspection from API gateway", R("POST", REALM + "/token/introspect", 200, "-", "Kong/3.8.0"), R("POST", REALM + "/token/introspect", 200, "-", "Kong/3.8.0"))


# ==================================================================== SAML
def saml_request(sp, acs):
    xml = (f'<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" '
           f'ID="_{hexs(40)}" Version="2.0" IssueInstant="2025-11-14T13:00:{random.randint(10,59)}Z" '
           f'Destination="https://idp.example.edu/idp/profile/SAML2/Redirect/SSO" AssertionConsumerServiceURL="{acs}" '
           f'ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"><saml:Issuer>{sp}</saml:Issuer>'
           f'<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient" AllowCreate="true"/></samlp:AuthnRequest>')
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return base64.b64encode(c.compress(xml.encode()) + c.flush()).decode()


IDP = "https://idp.example.edu"
SIGALG = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
for sp, acs, relay in [("https://wiki.example.edu/shibboleth", "https://wiki.example.edu/Shibboleth.sso/SAML2/POST", "ss:mem:" + hexs(64)),
                       ("https://lms.example.edu/saml/metadata", "https://lms.example.edu/saml/acs", "https://lms.example.edu/courses/1234"),
                       ("https://zoom.us", "https://example-edu.zoom.us/saml/SSO", "https://example-edu.zoom.us/"),
                       ("urn:amazon:webservices", "https://signin.aws.amazon.com/saml", ""),
                       ("https://library.example.edu/sp", "https://library.example.edu/Shibboleth.sso/SAML2/POST", "cookie:" + hexs(8)),
                       ("https://mail.example.edu/sso", "https://mail.example.edu/sso/acs", "/inbox?folder=INBOX")]:
    ua = br()
    pairs = [("SAMLRequest", saml_request(sp, acs))]
    if relay:
        pairs.append(("RelayState", relay))
    signed = random.random() < 0.5
    if signed:
        pairs += [("SigAlg", SIGALG), ("Signature", b64(256))]
    url = "/idp/profile/SAML2/Redirect/SSO?" + q_form(pairs)
    spo = "/".join(acs.split("/")[:3]) + "/"
    S("shibboleth IdP SAML2 redirect SSO (SAMLRequest, RelayState)", R("GET", url, 302, spo, ua),
      R("GET", "/idp/profile/SAML2/Redirect/SSO?execution=e1s1", 200, spo, ua),
      R("GET", "/idp/css/main.css", 200, IDP + "/idp/profile/SAML2/Redirect/SSO?execution=e1s1", ua),
      R("POST", "/idp/profile/SAML2/Redirect/SSO?execution=e1s1", 200, IDP + "/idp/profile/SAML2/Redirect/SSO?execution=e1s1", ua))

# SP side: Shibboleth SP login/DS and the ACS POST back from the IdP
for i in range(3):
    ua = br()
    target = random.choice(["https://wiki.example.edu/display/IT/VPN+Setup", "https://wiki.example.edu/", "https://library.example.edu/ezproxy/login?url=https://www.jstor.org/stable/10.2307/123456"])
    S("shibboleth SP login (target=, entityID=) and ACS POST",
      R("GET", "/Shibboleth.sso/Login?" + q_form([("target", target), ("entityID", "https://idp.example.edu/idp/shibboleth")]), 302, "https://wiki.example.edu/", ua),
      R("POST", "/Shibboleth.sso/SAML2/POST", 302, "https://idp.example.edu/", ua))
S("shibboleth SP discovery service return",
  R("GET", "/Shibboleth.sso/DS?" + q_form([("entityID", "https://wiki.example.edu/shibboleth"), ("return", "https://wiki.example.edu/Shibboleth.sso/Login?SAMLDS=1&target=ss%3Amem%3A" + hexs(64))]), 200, "https://wiki.example.edu/", FF_WIN))

# SimpleSAMLphp: AuthState carries the whole SSO URL
for i in range(3):
    ua = br()
    inner = "https://idp.example.org/simplesaml/saml2/idp/SSOService.php?" + q_form([("spentityid", "https://sp.example.org/saml"), ("RelayState", "https://sp.example.org/app/"), ("cookieTime", str(NOW))])
    st = "_" + hexs(42) + ":" + inner
    url = "/simplesaml/module.php/core/loginuserpass.php?" + q_form([("AuthState", st)])
    S("simplesamlphp login form (AuthState with nested URL)", R("GET", "/simplesaml/saml2/idp/SSOService.php?" + q_form([("SAMLRequest", saml_request("https://sp.example.org/saml", "https://sp.example.org/saml/acs")), ("RelayState", "https://sp.example.org/app/")]), 302, "https://sp.example.org/", ua),
      R("GET", url, 200, "https://sp.example.org/", ua), R("GET", "/simplesaml/assets/base/css/stylesheet.css", 200, "https://idp.example.org" + url, ua),
      R("POST", url, 303, "https://idp.example.org" + url, ua))

# ADFS WS-Federation and SAML
for i in range(2):
    ua = random.choice([EDGE, CHROME_WIN])
    wctx = "rm=0&id=passive&ru=" + quote("/portal/", safe="")
    S("ADFS WS-Federation sign-in (wa, wtrealm, wctx)", R("GET", "/adfs/ls/?" + q_form([("wa", "wsignin1.0"), ("wtrealm", "urn:sharepoint:intranet"), ("wctx", wctx), ("wreply", "https://intranet.example.com/_trust/default.aspx")]), 200, "https://intranet.example.com/", ua),
      R("GET", "/adfs/portal/css/style.css?id=" + hexs(64).upper(), 200, "https://adfs.example.com/adfs/ls/", ua))
S("ADFS SAML redirect", R("GET", "/adfs/ls/?" + q_form([("SAMLRequest", saml_request("https://app.example.com", "https://app.example.com/saml2/acs")), ("RelayState", "/reports?year=2025")]), 200, "https://app.example.com/", EDGE))

# ===================================================================== CAS
CAS = "https://cas.example.edu"
for svc in ["https://moodle.example.edu/login/index.php?authCAS=CAS", "https://mail.example.edu/", "https://portal.example.edu/c/portal/login?redirect=%2Fweb%2Fguest%2Fhome",
            "https://gitlab.example.edu/users/auth/cas3/callback?url=https%3A%2F%2Fgitlab.example.edu%2F", "https://print.example.edu/app?service=page/UserSummary"]:
    ua = br()
    url = "/cas/login?" + q_form([("service", svc)])
    S("CAS login with service=", R("GET", url, 200, "/".join(svc.split("/")[:3]) + "/", ua), R("GET", "/cas/themes/apereo/css/cas.css", 200, CAS + url, ua), R("POST", url, 302, CAS + url, ua))
for i in range(2):
    svc = "https://moodle.example.edu/login/index.php?authCAS=CAS"
    S("phpCAS serviceValidate from the app server", R("GET", "/cas/p3/serviceValidate?" + q_form([("service", svc), ("ticket", f"ST-{random.randint(10000,99999)}-{alnum(20)}-cas01")]), 200, "-", "-"))
S("CAS proxy validate with pgtUrl", R("GET", "/cas/proxyValidate?" + q_form([("service", "https://portal.example.edu/Login"), ("ticket", "ST-48211-" + alnum(20) + "-cas01"), ("pgtUrl", "https://portal.example.edu/CasProxyServlet")]), 200, "-", "Java/17.0.9"))
S("moodle CAS ticket return", R("GET", "/login/index.php?authCAS=CAS&ticket=ST-" + str(random.randint(10000, 99999)) + "-" + alnum(20) + "-cas01", 303, "https://cas.example.edu/", FF_WIN))

# ===================================================== reset / magic links
for i in range(3):
    ua = mob() if i else dt()
    q = q_form([("mode", random.choice(["resetPassword", "verifyEmail", "signIn"])), ("oobCode", alnum(54, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")),
                ("apiKey", "AIzaSy" + alnum(33, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")), ("continueUrl", "https://app.example.com/login?redirect=/projects"), ("lang", "en")])
    S("firebase auth action link", *page("https://app.example.com", "/__/auth/action?" + q, ua, "-", 200, ("/__/auth/handler.js",)))
for i in range(3):
    ua = br()
    S("supabase magic-link verify (raw redirect_to)", R("GET", "/auth/v1/verify?token=" + hexs(56) + "&type=magiclink&redirect_to=https://app.example.com/auth/callback", 303, "-", ua),
      *page("https://app.example.com", "/auth/callback", ua, "-", 200, ("/_next/static/chunks/main-app.js",)))
for i in range(2):
    ua = br()
    S("ghost members sign-in link", *page("https://blog.example.com", "/members/?" + q_raw([("token", alnum(32)), ("action", "signin"), ("r", "https%3A%2F%2Fblog.example.com%2F")]), ua, "-", 302, ()),
      R("GET", "/", 200, "-", ua), R("GET", "/assets/built/screen.css?v=" + hexs(10), 200, "https://blog.example.com/", ua))
for i in range(2):
    ua = br()
    S("next-auth email provider callback", R("GET", "/api/auth/callback/email?" + q_js([("callbackUrl", "https://app.example.com/dashboard"), ("token", hexs(64)), ("email", "jane.doe@example.com")]), 302, "-", ua),
      *page("https://app.example.com", "/dashboard", ua, "-", 200, ("/_next/static/css/app.css",)))
for i in range(2):
    ua = br()
    S("laravel password reset link", *page("https://crm.example.com", "/reset-password/" + hexs(64) + "?email=" + quote("m.rossi+crm@example.it", safe=""), ua, "-", 200, ("/build/assets/app-4f2a.css",)))
for i in range(2):
    ua = br()
    t = jwt({"sub": str(random.randint(1000, 9999)), "email": "ops@example.com", "purpose": "email_verification", "iat": NOW - 120, "exp": NOW + 86400}, alg="HS256")
    S("verify-email link with JWT", *page("https://app.example.com", "/verify-email?token=" + t, ua, "-", 200, ("/static/app.css",)))
for i in range(2):
    ua = br()
    S("unsubscribe link (signed)", *page("https://news.example.com", "/newsletter/unsubscribe?" + q_form([("email", "reader%d@example.org" % i), ("list", "daily-briefing"), ("sig", hexs(40))]), ua, "-", 200, ("/css/main.css",)))
# mail security gateways pre-clicking links in mail (no referer, no assets)
for ua in ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", CHROME_WIN]:
    S("mail security scanner pre-fetching a reset link", R("GET", "/reset-password/" + hexs(64) + "?email=" + quote("k.tanaka@example.jp", safe=""), 200, "-", ua))


# ================================================================ Mastodon
MA = "https://example.social"
TUSKY = "Tusky/26.2 Android/14"
IVORY = "Ivory/2024.11 (com.tapbots.Ivory; build:21020; iOS 18.1.0) Alamofire/5.9.1"
ICE = "IceCubesApp/1.10.42 CFNetwork/1568.200.51 Darwin/24.1.0"
MONA = "Mona/6.3 CFNetwork/1568.200.51 Darwin/24.1.0"
MAPPS = [TUSKY, IVORY, ICE, MONA, "Moshidon/2.0.3+fork.125"]


def sid():
    return str(113400000000000000 + random.randint(0, 99999999999999))


for i in range(4):
    ua = random.choice(MAPPS)
    S("mastodon app timeline polling", R("GET", "/api/v1/timelines/home?" + q_form([("max_id", sid()), ("limit", "40")]), 200, "-", ua),
      R("GET", "/api/v1/notifications?" + q_raw([("exclude_types[]", "follow_request"), ("exclude_types[]", "admin.sign_up"), ("limit", "30")]), 200, "-", ua),
      R("GET", "/api/v1/markers?timeline[]=home&timeline[]=notifications", 200, "-", ua))
for q in ["https://mastodon.social/@Gargron/113472048305126483", "https://fosstodon.org/@kde/113471234567890123", "@alice@hachyderm.io", "#caturday", "café ☕ lisbon"]:
    ua = random.choice(MAPPS + [dt()])
    r = "-" if "Mozilla" not in ua else MA + "/explore"
    S("mastodon search (URL/acct/hashtag, resolve=true)", R("GET", "/api/v2/search?" + q_js([("q", q), ("resolve", "true"), ("limit", "5")]), 200, r, ua))
for i in range(3):
    ua = dt()
    S("mastodon web UI: account lookup and relationships", R("GET", "/api/v1/accounts/lookup?acct=" + random.choice(["bob@fosstodon.org", "cstanhope@social.coop", "nixCraft@mastodon.social"]), 200, MA + "/explore", ua),
      R("GET", "/api/v1/accounts/relationships?" + "&".join("id[]=" + str(random.randint(100000, 113000000000000000)) for _ in range(3)) + "&with_suspended=true", 200, MA + "/home", ua),
      R("GET", "/api/v1/statuses/" + sid() + "/context", 200, MA + "/home", ua))
for redirect, ua in [("urn:ietf:wg:oauth:2.0:oob", dt()), ("oauth2redirect://com.keylesspalace.tusky/", ANDROID), ("icecubesapp://", IPHONE), ("https://elk.zone/api/example.social/oauth/https%3A%2F%2Felk.zone", dt())]:
    url = "/oauth/authorize?" + q_form([("client_id", b64url(32)), ("redirect_uri", redirect), ("response_type", "code"), ("scope", "read write follow push")])
    S("mastodon oauth authorize for a client app", R("GET", url, 200, "-", ua), R("GET", "/packs/css/common-" + hexs(20) + ".css", 200, MA + url, ua), R("POST", "/oauth/authorize", 302, MA + url, ua))
for i in range(3):
    ua = dt()
    target = random.choice(["https://fosstodon.org/@linux/113470000000000001", "https://social.coop/users/cstanhope/statuses/113470000000000002"])
    S("mastodon remote interaction (authorize_interaction?uri=)", *page(MA, "/authorize_interaction?" + q_form([("uri", target)]), ua, random.choice(["https://fosstodon.org/", "https://social.coop/"]), 200, ("/packs/js/common-" + hexs(20) + ".js",)))
for i in range(2):
    ua = dt()
    S("share to mastodon (browser extension /share?text=&url=)", *page(MA, "/share?" + q_js([("text", "Interesting read: \"Why we moved off Kubernetes\" —"), ("url", "https://blog.example.dev/2025/11/why-we-moved-off-kubernetes?utm_source=mastodon")]), ua, "-", 200, ("/packs/css/common-" + hexs(20) + ".css",)))
S("mastodon streaming websocket", R("GET", "/api/v1/streaming?" + q_raw([("stream", "user"), ("access_token", b64url(32))]), 101, "-", IVORY))
S("mastodon hashtag timeline any[]", R("GET", "/api/v1/timelines/tag/caturday?any[]=catsofmastodon&any[]=CatsOfTheFediverse&limit=20", 200, MA + "/tags/caturday", dt()))

# ============================================================ ActivityPub
FED_UAS = ["Mastodon/4.3.1 (http.rb/5.2.0; +https://mastodon.social/)", "Mastodon/4.2.13 (http.rb/5.1.1; +https://fosstodon.org/)",
           "Misskey/2024.10.1 (https://misskey.io)", "Pleroma 2.7.0; https://pleroma.example.net <admin@pleroma.example.net>",
           "Akkoma 3.13.2; https://akko.example.net <admin@akko.example.net>", "GoToSocial/0.17.1 (+https://gts.example.org/)",
           "Lemmy/0.19.5; +https://lemmy.world", "PeerTube/6.3.3 (+https://videos.example.org)", "Pixelfed/0.12.4 (https://pixelfed.social)",
           "Friendica 'Yellow Archangel' 2024.08-1576; https://friendica.example.net", "Bridgy Fed (https://fed.brid.gy/)",
           "Mastodon/4.3.0 (http.rb/5.2.0; +https://hachyderm.io/)", "Sharkey/2024.9.1 (https://sharkey.example)", "Iceshrimp.NET/2024.1-beta4 (https://iceshrimp.dev)"]
for ua in FED_UAS:
    reqs = []
    acct = random.choice(["alice", "bob", "carol", "news"])
    style = random.random()
    if style < 0.4:
        wf = "resource=acct:%s@example.social" % acct
    elif style < 0.8:
        wf = q_form([("resource", "acct:%s@example.social" % acct)])
    else:
        wf = q_form([("resource", MA + "/users/" + acct)])
    reqs.append(R("GET", "/.well-known/webfinger?" + wf, 200, "-", ua))
    reqs.append(R("GET", "/users/" + acct, 200, "-", ua))
    if random.random() < 0.6:
        reqs.append(R("POST", "/users/%s/inbox" % acct if random.random() < 0.5 else "/inbox", 202, "-", ua))
    if random.random() < 0.5:
        reqs.append(R("GET", "/users/%s/statuses/%s" % (acct, sid()), 200, "-", ua))
    if random.random() < 0.3:
        reqs.append(R("GET", "/users/%s/outbox?page=true&min_id=0" % acct, 200, "-", ua))
    S("fediverse server: webfinger, actor, inbox delivery", *reqs)
for ua in FED_UAS[:3]:
    S("fediverse server resolving a mention of an unknown user (404)", R("GET", "/.well-known/webfinger?resource=acct:jsmith@example.social", 404, "-", ua))
for ua in ["fediverse.observer/1.0 (+https://fediverse.observer)", "FediDB/1.0 (+https://fedidb.org/)", FED_UAS[0]]:
    S("fediverse crawler: nodeinfo, host-meta, instance", R("GET", "/.well-known/nodeinfo", 200, "-", ua), R("GET", "/nodeinfo/2.0", 200, "-", ua),
      R("GET", "/.well-known/host-meta", 200, "-", ua), R("GET", "/api/v1/instance", 200, "-", ua))
S("fediverse: followers collection page", R("GET", "/users/alice/followers?page=1", 200, "-", FED_UAS[4]))
S("fediverse: featured collection and instance actor", R("GET", "/users/news/collections/featured", 200, "-", FED_UAS[1]), R("GET", "/actor", 200, "-", FED_UAS[1]))
S("lemmy web: community list and post list API", *page("https://lemmy.example.org", "/c/selfhosted%40lemmy.world", dt(), "https://lemmy.example.org/", 200, ("/static/js/client.js",)),
  R("GET", "/api/v3/post/list?" + q_form([("community_name", "selfhosted@lemmy.world"), ("sort", "Active"), ("type_", "All"), ("limit", "20"), ("page", "1")]), 200, "https://lemmy.example.org/c/selfhosted%40lemmy.world", dt()))
S("peertube watch with start time", *page("https://videos.example.org", "/w/" + alnum(22) + "?start=1m30s", dt(), "https://fosstodon.org/", 200, ("/client/en-US/main.js",)))
S("peertube search index", R("GET", "/api/v1/search/videos?" + q_form([("search", "kdenlive tutorial 2024"), ("searchTarget", "search-index"), ("start", "0"), ("count", "15"), ("nsfw", "false")]), 200, "https://videos.example.org/search?search=kdenlive%20tutorial%202024", dt()))

# ================================================================== Matrix
MX = "https://matrix.example.org"
ELEMENT = "https://chat.example.org/"
ELEMENT_DESK = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Element/1.11.85 Chrome/130.0.6723.118 Electron/33.2.0 Safari/537.36"
ELEMENTX = "Element X/1.9.3 (iPhone15,2; iOS 18.1; Scale/3.00)"


def mxsince():
    return "s%d_%d_%d_%d_%d_%d_%d_%d_%d_%d" % tuple(random.randint(1, 9999999) for _ in range(10))


def room():
    return "!" + alnum(18) + ":example.org"


for i in range(4):
    ua = random.choice([dt(), ELEMENT_DESK])
    flt = json.dumps({"room": {"state": {"lazy_load_members": True}, "timeline": {"unread_thread_notifications": True}}}, separators=(",", ":"))
    S("element web: initial sync with inline filter, then long-poll",
      R("GET", "/_matrix/client/v3/sync?" + q_js([("filter", flt), ("timeout", "0")]), 200, ELEMENT, ua),
      R("GET", "/_matrix/client/v3/sync?" + q_js([("filter", str(random.randint(0, 9))), ("timeout", "30000"), ("since", mxsince())]), 200, ELEMENT, ua),
      R("GET", "/_matrix/client/v3/sync?" + q_js([("filter", str(random.randint(0, 9))), ("timeout", "30000"), ("since", mxsince())]), 200, ELEMENT, ua))
for i in range(3):
    ua = random.choice([dt(), ELEMENT_DESK])
    r = room()
    flt = json.dumps({"lazy_load_members": True, "not_types": ["m.call.*", "org.matrix.msc3401.call.member"]}, separators=(",", ":"))
    S("element: room messages with filter and context",
      R("GET", "/_matrix/client/v3/rooms/" + ejs(r) + "/messages?" + q_js([("limit", "20"), ("dir", "b"), ("from", "t%d-%d_%s" % (random.randint(1, 999), random.randint(1, 99999999), "_".join("0" * 1 for _ in range(9)))), ("filter", flt)]), 200, ELEMENT, ua),
      R("GET", "/_matrix/client/v3/rooms/" + ejs(r) + "/context/" + ejs("$" + b64url(32)) + "?" + q_js([("limit", "0"), ("filter", json.dumps({"lazy_load_members": True}, separators=(",", ":")))]), 200, ELEMENT, ua))
for ua in [ELEMENTX, "FluffyChat/1.22.1 Dart/3.5 (dart:io)", "Python/3.12 aiohttp/3.10.10"]:
    flt = {"room": {"timeline": {"limit": 1}, "state": {"types": ["m.room.name", "m.room.avatar", "m.room.canonical_alias"]}}, "presence": {"not_types": ["*"]}}
    S("matrix client sync with inline JSON filter (mobile app / bot)", R("GET", "/_matrix/client/v3/sync?" + q_form([("filter", json.dumps(flt)), ("timeout", "30000"), ("since", mxsince()), ("set_presence", "online")]), 200, "-", ua))
S("element: room directory and alias lookup", R("GET", "/_matrix/client/v3/publicRooms?server=matrix.org&limit=20", 200, ELEMENT, dt()),
  R("GET", "/_matrix/client/v3/directory/room/" + ejs("#selfhosted:matrix.org"), 200, ELEMENT, dt()),
  R("GET", "/_matrix/client/v3/profile/" + ejs("@alice:example.org"), 200, ELEMENT, dt()))
S("element: media thumbnails", R("GET", "/_matrix/client/v1/media/thumbnail/example.org/" + alnum(24) + "?width=96&height=96&method=crop&allow_redirect=true", 200, ELEMENT, dt()),
  R("GET", "/_matrix/client/v1/media/thumbnail/matrix.org/" + alnum(24) + "?width=800&height=600&method=scale&allow_redirect=true&animated=true", 200, ELEMENT, dt()))
for ua in ["Synapse/1.119.0", "Synapse/1.118.0", "Dendrite/0.13.8", "conduwuit/0.4.6 (Linux; x86_64)"]:
    S("matrix federation: well-known, keys, transactions", R("GET", "/.well-known/matrix/server", 200, "-", ua), R("GET", "/_matrix/key/v2/server", 200, "-", ua),
      R("PUT", "/_matrix/federation/v1/send/%d" % (NOW * 1000 + random.randint(0, 999)), 200, "-", ua),
      R("GET", "/_matrix/federation/v1/query/profile?" + q_js([("user_id", "@alice:example.org"), ("field", "displayname")]), 200, "-", ua))
S("matrix federation make_join with ver=", R("GET", "/_matrix/federation/v1/make_join/" + ejs(room()) + "/" + ejs("@bob:matrix.org") + "?" + "&".join("ver=%d" % v for v in range(1, 12)), 200, "-", "Synapse/1.119.0"))
S("element: client well-known and versions", R("GET", "/.well-known/matrix/client", 200, ELEMENT, IPHONE), R("GET", "/_matrix/client/versions", 200, ELEMENT, IPHONE))


# ============================================================ media servers
JF = "https://jellyfin.example.net"
JF_UAS = [dt(), dt(), "Jellyfin-Android/2.6.2", "Jellyfin Media Player/1.11.1 (Windows 10)", "Swiftfin/1.0.0 (iPhone; iOS 18.1)",
          "Kodi/21.1 (Windows NT 10.0.22631.4460; Win64; x64) App_Bitness/64 Version/21.1-(21.1.0)-Git:2024-09-15-4ccbdd55d7", "Infuse-Direct/8.0.5"]


def jf_ref(ua, path="/web/"):
    return JF + path if ua.startswith("Mozilla") else "-"


for term in ["the matrix", "Amélie", "star wars: episode iv", "spider-man (2002)", "ocean's eleven", "WALL·E", "8½", "schindler's list", "m*a*s*h"]:
    ua = random.choice(JF_UAS[:2] + JF_UAS[2:4])
    user = hexs(32)
    q = [("searchTerm", term), ("Limit", "24"), ("Fields", "PrimaryImageAspectRatio,CanDelete,MediaSourceCount"), ("Recursive", "true"),
         ("EnableTotalRecordCount", "false"), ("ImageTypeLimit", "1"), ("IncludePeople", "false"), ("IncludeMedia", "true"),
         ("IncludeGenres", "false"), ("IncludeStudios", "false"), ("IncludeArtists", "false"), ("IncludeItemTypes", "Movie"), ("userId", user)]
    S("jellyfin search", R("GET", "/Items?" + q_js(q), 200, jf_ref(ua, "/web/"), ua),
      R("GET", "/Items/%s/Images/Primary?fillHeight=396&fillWidth=264&quality=96&tag=%s" % (hexs(32), hexs(32)), 200, jf_ref(ua), ua))
for i in range(4):
    ua = random.choice(JF_UAS)
    item, user, ms = hexs(32), hexs(32), hexs(32)
    reqs = [R("GET", "/Users/%s/Items?%s" % (user, q_js([("SortBy", "SortName,ProductionYear"), ("SortOrder", "Ascending"), ("IncludeItemTypes", "Movie"), ("Recursive", "true"),
                                                       ("Fields", "PrimaryImageAspectRatio,MediaSourceCount"), ("ImageTypeLimit", "1"), ("EnableImageTypes", "Primary,Backdrop,Banner,Thumb"),
                                                       ("StartIndex", "0"), ("ParentId", hexs(32)), ("Limit", "100")])), 200, jf_ref(ua), ua),
            R("POST", "/Items/%s/PlaybackInfo?UserId=%s&StartTimeTicks=0&IsPlayback=true&AutoOpenLiveStream=true&MediaSourceId=%s" % (item, user, ms), 200, jf_ref(ua), ua)]
    if i % 2:
        reqs.append(R("GET", "/Videos/%s/master.m3u8?%s" % (item, q_raw([("DeviceId", b64url(40)), ("MediaSourceId", ms), ("VideoCodec", "h264"), ("AudioCodec", "aac"), ("AudioStreamIndex", "1"),
                                                                         ("VideoBitrate", "139616000"), ("AudioBitrate", "384000"), ("PlaySessionId", hexs(32)), ("api_key", hexs(32)),
                                                                         ("SegmentContainer", "ts"), ("MinSegments", "1"), ("BreakOnNonKeyFrames", "True"), ("h264-level", "40"),
                                                                         ("h264-videobitdepth", "8"), ("h264-profile", "high"), ("TranscodeReasons", "ContainerNotSupported%2C%20AudioCodecNotSupported")])), 200, jf_ref(ua), ua))
    else:
        reqs.append(R("GET", "/Videos/%s/stream.mkv?Static=true&mediaSourceId=%s&deviceId=%s&api_key=%s&Tag=%s" % (item, ms, b64url(30), hexs(32), hexs(32)), 206, jf_ref(ua), ua))
    reqs.append(R("POST", "/Sessions/Playing/Progress", 204, jf_ref(ua), ua))
    S("jellyfin browse and play", *reqs)
S("jellyfin websocket", R("GET", "/socket?api_key=%s&deviceId=%s" % (hexs(32), b64url(40)), 101, "-", JF_UAS[0]))

PLEX = "https://app.plex.tv/"
PLEX_HDR = [("X-Plex-Product", "Plex Web"), ("X-Plex-Version", "4.136.1"), ("X-Plex-Client-Identifier", alnum(24, "abcdefghijklmnopqrstuvwxyz0123456789")),
            ("X-Plex-Platform", "Chrome"), ("X-Plex-Platform-Version", "131.0"), ("X-Plex-Features", "external-media,indirect-media,hub-style-list"),
            ("X-Plex-Model", "bundled"), ("X-Plex-Device", "Windows"), ("X-Plex-Device-Name", "Chrome"), ("X-Plex-Device-Screen-Resolution", "1920x945,1920x1080"),
            ("X-Plex-Token", alnum(20, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")), ("X-Plex-Language", "en"), ("X-Plex-Drm", "widevine"), ("X-Plex-Text-Format", "plain")]
for i in range(3):
    ua = dt()
    rk = random.randint(1000, 99999)
    extra = "append-transcode-target-codec(type=videoProfile&context=streaming&audioCodec=aac&protocol=dash)+add-limitation(scope=videoCodec&scopeName=hevc&type=upperBound&name=video.bitDepth&value=10&replace=true)"
    S("plex web: library, hub search, DASH transcode with client profile extra",
      R("GET", "/library/sections/1/all?" + q_js([("type", "1"), ("sort", "titleSort"), ("includeCollections", "1"), ("includeExternalMedia", "1")] + PLEX_HDR), 200, PLEX, ua),
      R("GET", "/hubs/search?" + q_js([("query", random.choice(["star wars", "the office (us)", "léon"])), ("limit", "30"), ("searchTypes", "movies,tv"), ("includeCollections", "1")] + PLEX_HDR), 200, PLEX, ua),
      R("GET", "/video/:/transcode/universal/start.mpd?" + q_js([("hasMDE", "1"), ("path", "/library/metadata/%d" % rk), ("mediaIndex", "0"), ("partIndex", "0"), ("protocol", "dash"),
                                                              ("fastSeek", "1"), ("directPlay", "0"), ("directStream", "1"), ("subtitleSize", "100"), ("audioBoost", "100"), ("location", "wan"),
                                                              ("addDebugOverlay", "0"), ("autoAdjustQuality", "0"), ("directStreamAudio", "1"), ("mediaBufferSize", "102400"),
                                                              ("session", alnum(24, "abcdefghijklmnopqrstuvwxyz0123456789")), ("subtitles", "burn"), ("Accept-Language", "en"),
                                                              ("X-Plex-Session-Identifier", alnum(24, "abcdefghijklmnopqrstuvwxyz0123456789")), ("X-Plex-Client-Profile-Extra", extra)] + PLEX_HDR), 200, PLEX, ua),
      R("GET", "/:/timeline?" + q_js([("ratingKey", str(rk)), ("key", "/library/metadata/%d" % rk), ("playbackTime", "0"), ("playQueueItemID", str(random.randint(1, 9999))),
                                      ("state", "playing"), ("hasMDE", "1"), ("time", "12000"), ("duration", "7560000")] + PLEX_HDR), 200, PLEX, ua))
for i in range(2):
    ua = dt()
    rk = random.randint(1000, 99999)
    S("plex web: photo transcode (url= library path)", R("GET", "/photo/:/transcode?" + q_js([("width", "240"), ("height", "360"), ("minSize", "1"), ("upscale", "1"),
                                                                                       ("url", "/library/metadata/%d/thumb/%d" % (rk, NOW - 86400)), ("X-Plex-Token", alnum(20))]), 200, PLEX, ua))
S("plex for android: on deck", R("GET", "/hubs/home/onDeck?" + q_form([("X-Plex-Token", alnum(20)), ("X-Plex-Client-Identifier", hexs(16)), ("X-Plex-Product", "Plex for Android (Mobile)"), ("X-Plex-Version", "10.22.0.1234")]), 200, "-", "Plex/10.22.0.1234 (Android 14)"))
for c, ua in [("DSub", "DSub/5.5.3"), ("substreamer", "substreamer/2.9.4 (iPhone; iOS 18.1)"), ("Symfonium", "Symfonium/12.1.1"), ("Feishin", "Feishin/0.12.1")]:
    salt = alnum(6, "abcdefghijklmnopqrstuvwxyz0123456789")
    if c == "substreamer":
        auth = [("u", "bob"), ("p", "enc:" + "hunter2-music".encode().hex())]
    else:
        auth = [("u", "alice"), ("t", hashlib.md5(("sesame" + salt).encode()).hexdigest()), ("s", salt)]
    base = auth + [("v", "1.16.1"), ("c", c), ("f", "json")]
    S("subsonic API client (navidrome)", R("GET", "/rest/ping.view?" + q_form(base), 200, "-", ua),
      R("GET", "/rest/search3.view?" + q_form(base + [("query", random.choice(["Björk", "AC/DC", "Guns N' Roses", "Sigur Rós"])), ("artistCount", "20"), ("albumCount", "20"), ("songCount", "50")]), 200, "-", ua),
      R("GET", "/rest/stream.view?" + q_form(base + [("id", hexs(22)), ("maxBitRate", "320"), ("format", "mp3")]), 200, "-", ua))

# ========================================================= Home Assistant
HA = "https://ha.example.net"
HA_IOS = "Home Assistant/2024.11 (io.robbie.HomeAssistant; build:2024.1110; iOS 18.1.0) Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148"
HA_AND = "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240905.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.107 Mobile Safari/537.36 Home Assistant/2024.11.1-15217 (Android 14; Pixel 8)"
for i in range(3):
    ua = dt()
    state = base64.b64encode(json.dumps({"hassUrl": HA, "clientId": HA + "/"}).encode()).decode()
    url = "/auth/authorize?" + q_js([("response_type", "code"), ("redirect_uri", HA + "/?auth_callback=1"), ("client_id", HA + "/"), ("state", state)])
    S("home assistant frontend login (state = base64 JSON)", R("GET", url, 200, HA + "/", ua), R("GET", "/frontend_latest/authorize.a1b2c3d4e5f6.js", 200, HA + url, ua),
      R("POST", "/auth/login_flow", 200, HA + url, ua), R("GET", "/?auth_callback=1&code=" + hexs(32) + "&state=" + ejs(state), 200, HA + url, ua),
      R("GET", "/api/websocket", 101, "-", ua))
for ua, redir, cid in [(HA_IOS, "homeassistant://auth-callback", "https://home-assistant.io/iOS"), (HA_AND, "homeassistant://auth-callback", "https://home-assistant.io/android")]:
    url = "/auth/authorize?" + q_form([("response_type", "code"), ("client_id", cid), ("redirect_uri", redir)])
    S("home assistant companion app login", R("GET", url, 200, "-", ua), R("GET", "/frontend_latest/authorize.a1b2c3d4e5f6.js", 200, HA + url, ua), R("POST", "/auth/token", 200, "-", ua))
for ua in [HA_IOS, HA_AND]:
    S("home assistant companion app: webhook updates", R("POST", "/api/webhook/" + hexs(64), 200, "-", ua), R("POST", "/api/webhook/" + hexs(64), 200, "-", ua))
for i in range(3):
    ua = dt()
    ents = ",".join(random.sample(["sensor.living_room_temperature", "sensor.outdoor_humidity", "climate.hallway", "sensor.power_consumption", "binary_sensor.front_door"], 3))
    S("home assistant history and camera proxy",
      R("GET", "/api/history/period/2025-11-13T13:00:00.000Z?" + q_js([("filter_entity_id", ents), ("end_time", "2025-11-14T13:00:00.000Z"), ("minimal_response", ""), ("no_attributes", "")]).replace("=&", "&").rstrip("="), 200, HA + "/history", ua),
      R("GET", "/api/camera_proxy/camera.front_door?token=%s&time=%d" % (hexs(64), NOW * 1000 + random.randint(0, 999)), 200, HA + "/lovelace/cameras", ua),
      R("GET", "/api/camera_proxy_stream/camera.driveway?token=" + hexs(64), 200, HA + "/lovelace/cameras", ua),
      R("GET", "/local/community/mini-graph-card/mini-graph-card-bundle.js?hacstag=" + str(random.randint(10 ** 9, 10 ** 10)), 200, HA + "/lovelace/0", ua))
for addon, path in [("esphome", "/edit?configuration=living-room-sensor.yaml"), ("zigbee2mqtt", "/#/"), ("node-red", "/red/")]:
    ua = dt()
    tok = b64url(32)
    S("home assistant add-on via ingress (%s)" % addon, R("GET", "/api/hassio_ingress/%s%s" % (tok, path.split("#")[0]), 200, HA + "/hassio/ingress/" + addon, ua),
      R("GET", "/api/hassio_ingress/%s/static/js/main.js" % tok, 200, HA + "/api/hassio_ingress/%s%s" % (tok, path.split("#")[0]), ua))
S("home assistant: script with REST API", R("GET", "/api/states/sensor.outdoor_temperature", 200, "-", PYREQ), R("POST", "/api/services/light/turn_on", 200, "-", PYREQ))
S("home assistant: TTS proxy from speaker", R("GET", "/api/tts_proxy/" + hexs(40) + "_en-us_" + hexs(10) + "_cloud.mp3", 200, "-", "Sonos/81.1-58074 (ZPS27)"))
S("home assistant: image proxy for vacuum map", R("GET", "/api/image_proxy/image.roborock_s7_map?token=" + hexs(64), 200, HA + "/lovelace/0", dt()))

# ===================================================== WOPI: Collabora/OnlyOffice
NC = "https://cloud.example.com"
CO = "https://office.example.com"
for i in range(4):
    ua = dt()
    fid = "%d_oc%s" % (random.randint(100, 99999), alnum(10, "abcdefghijklmnopqrstuvwxyz0123456789"))
    wopisrc = NC + "/index.php/apps/richdocuments/wopi/files/" + fid
    tok = alnum(32)
    title = random.choice(["Budget 2025.xlsx", "Projektplan Q1 (Entwurf).docx", "Meeting notes – 14.11.odt", "Board deck v3 final.pptx"])
    cool = "/browser/%s/cool.html?%s" % (hexs(7), q_js([("WOPISrc", wopisrc), ("title", title), ("lang", random.choice(["en-US", "de", "fr"])), ("closebutton", "1"), ("revisionhistory", "1")]))
    inner = wopisrc + "?" + q_raw([("access_token", tok), ("access_token_ttl", "0"), ("permission", "edit")])
    ws = "/cool/%s/ws?%s" % (quote(inner, safe=""), q_raw([("WOPISrc", quote(wopisrc, safe="")), ("compat", "/ws")]))
    S("collabora online editor (WOPISrc, encoded URL in websocket path)", R("POST", cool, 200, NC + "/", ua),
      R("GET", "/browser/%s/bundle.js" % hexs(7), 200, CO + cool, ua), R("GET", ws, 101, "-", ua))
for ua in ["COOLWSD HTTP Agent 24.04.9.2", "COOLWSD HTTP Agent 24.04.8.1"]:
    fid = "%d_oc%s" % (random.randint(100, 99999), alnum(10, "abcdefghijklmnopqrstuvwxyz0123456789"))
    q = q_raw([("access_token", alnum(32)), ("access_token_ttl", "0")])
    S("collabora fetching the document from nextcloud (WOPI host)", R("GET", "/index.php/apps/richdocuments/wopi/files/%s?%s" % (fid, q), 200, "-", ua),
      R("GET", "/index.php/apps/richdocuments/wopi/files/%s/contents?%s" % (fid, q), 200, "-", ua),
      R("POST", "/index.php/apps/richdocuments/wopi/files/%s/contents?%s" % (fid, q), 200, "-", ua))
S("nextcloud server fetching collabora discovery", R("GET", "/hosting/discovery", 200, "-", "Nextcloud Server Crawler"), R("GET", "/hosting/capabilities", 200, "-", "Nextcloud Server Crawler"))
for i in range(3):
    ua = dt()
    key = hexs(20)
    url = "/8.2.0-%s/web-apps/apps/documenteditor/main/index.html?%s" % (hexs(32), q_raw([("_dc", "8.2.0-121"), ("lang", "en"), ("customer", "ONLYOFFICE"), ("type", "desktop"),
                                                                                       ("frameEditorId", "iframeEditor"), ("isForm", "false"), ("parentOrigin", NC), ("fileType", "docx")]))
    S("onlyoffice editor frame (parentOrigin=) and cache download",
      R("GET", "/web-apps/apps/api/documents/api.js", 200, NC + "/", ua), R("GET", url, 200, NC + "/", ua),
      R("GET", "/8.2.0-%s/doc/%s/c/?EIO=4&transport=websocket" % (hexs(32), key), 101, "-", ua),
      R("GET", "/cache/files/data/%s_%d/output.docx/output.docx?%s" % (key, random.randint(1000, 9999), q_raw([("md5", b64url(16)), ("expires", str(NOW + 3600)), ("filename", "output.docx")])), 200, "https://office.example.com" + url, ua))
for i in range(2):
    doc = jwt({"action": "track", "fileId": random.randint(100, 9999), "userId": "alice"}, alg="HS256")
    S("onlyoffice document server callback to nextcloud (doc= JWT)", R("POST", "/index.php/apps/onlyoffice/track?doc=" + doc, 200, "-", "Node.js/16.20.2"),
      R("GET", "/index.php/apps/onlyoffice/download?doc=" + jwt({"action": "download", "fileId": random.randint(100, 9999), "userId": "alice"}, alg="HS256"), 200, "-", "Node.js/16.20.2"))


# ========================================================== e-learning
CV = "https://canvas.example.edu"
for i in range(5):
    ua = br()
    c = random.randint(1000, 99999)
    S("canvas: course page and API XHRs (include[]=)",
      *page(CV, "/courses/%d/assignments/%d?module_item_id=%d" % (c, random.randint(10 ** 5, 10 ** 6), random.randint(10 ** 5, 10 ** 6)), ua, CV + "/courses/%d/modules" % c, 200, ("/dist/brandable_css/new_styles_normal_contrast/bundles/common-" + hexs(10) + ".css",)),
      R("GET", "/api/v1/courses/%d/modules?%s" % (c, q_usp([("include[]", "items"), ("include[]", "content_details"), ("per_page", "50")])), 200, CV + "/courses/%d/modules" % c, ua),
      R("GET", "/api/v1/planner/items?" + q_usp([("start_date", "2025-11-14T05:00:00.000Z"), ("order", "asc"), ("per_page", "14")]), 200, CV + "/", ua),
      R("GET", "/api/v1/courses/%d/discussion_topics?plain_messages=true&exclude_assignment_descriptions=true&exclude_context_module_locked_topics=true&order_by=position&include_assignment=true&per_page=50" % c, 200, CV + "/courses/%d/discussion_topics" % c, ua))
for i in range(2):
    ua = br()
    S("canvas file download with verifier", R("GET", "/courses/%d/files/%d/download?download_frd=1&verifier=%s" % (random.randint(1000, 9999), random.randint(10 ** 6, 10 ** 7), alnum(40)), 302, CV + "/courses/1234/files", ua))
for ua in ["androidStudent/7.6.0 (283)", "iCanvas/7.10.1 (1034) iPhone15,2 iOS 18.1"]:
    S("canvas mobile app: oauth + API", R("GET", "/login/oauth2/auth?" + q_form([("client_id", "170000000000" + str(random.randint(100, 999))), ("response_type", "code"), ("redirect_uri", "https://canvas.instructure.com/login/oauth2/auth"), ("mobile", "1")]), 200, "-", ua),
      R("GET", "/api/v1/users/self/todo?include[]=ungraded_quizzes&per_page=100", 200, "-", ua))
TOOL = "https://tool.example.com"
for i in range(3):
    ua = br()
    hint = jwt({"verifier": hexs(128), "canvas_domain": "canvas.example.edu", "context_type": "Course", "context_id": hexs(40), "canvas_locale": "en", "include_storage_target": True, "exp": NOW + 300}, alg="HS256")
    login = "/lti/login?" + q_form([("iss", "https://canvas.instructure.com"), ("login_hint", hexs(40)), ("client_id", "10000000000" + str(random.randint(100, 999))),
                                    ("lti_deployment_id", "%d:%s" % (random.randint(1, 999), hexs(40))), ("target_link_uri", TOOL + "/lti/launch"), ("lti_message_hint", hint),
                                    ("canvas_environment", "prod"), ("canvas_region", "us-east-1"), ("lti_storage_target", "post_message_forwarding")])
    S("LTI 1.3 tool: OIDC login initiation (JWT lti_message_hint) and launch", R("POST", login, 302, CV + "/", ua),
      R("POST", "/lti/launch", 200, CV + "/", ua), R("GET", "/static/lti/app.js", 200, TOOL + "/lti/launch", ua))
    S("canvas platform: LTI authorize_redirect", R("GET", "/api/lti/authorize_redirect?" + q_form([("client_id", "10000000000123"), ("login_hint", hexs(40)), ("lti_message_hint", hint), ("nonce", uid()),
                                                                                          ("prompt", "none"), ("redirect_uri", TOOL + "/lti/launch"), ("response_mode", "form_post"),
                                                                                          ("response_type", "id_token"), ("scope", "openid"), ("state", jwt({"state": uid()}, alg="HS256"))]), 302, TOOL + "/", ua))
BB = "https://learn.example.edu"
for i in range(4):
    ua = br()
    cid = "_%d_1" % random.randint(1000, 99999)
    inner = "/webapps/blackboard/execute/displayLearningUnit?" + q_raw([("course_id", cid), ("content_id", "_%d_1" % random.randint(10 ** 5, 10 ** 7))])
    S("blackboard learn: launcher?url=, ultra outline, bbcswebdav file",
      R("GET", "/webapps/blackboard/execute/launcher?" + q_raw([("type", "Course"), ("id", cid), ("url", quote(inner, safe=""))]), 302, BB + "/ultra/course", ua),
      *page(BB, "/ultra/courses/%s/cl/outline" % cid, ua, BB + "/ultra/course", 200, ("/ultra/uiv3900.100.0-rel.12_abc/app.js",)),
      R("GET", "/learn/api/public/v1/courses/%s/contents?%s" % (cid, q_usp([("fields", "id,title,contentHandler,availability"), ("expand", "contentDetail")])), 200, BB + "/ultra/courses/%s/cl/outline" % cid, ua),
      R("GET", "/bbcswebdav/pid-%d-dt-content-rid-%d_1/xid-%d_1" % (random.randint(10 ** 6, 10 ** 7), random.randint(10 ** 7, 10 ** 8), random.randint(10 ** 7, 10 ** 8)), 200, BB + "/ultra/courses/%s/cl/outline" % cid, ua))
S("blackboard shibboleth login (returnUrl=)", R("GET", "/webapps/bb-auth-provider-shibboleth-BBLEARN/execute/shibbolethLogin?" + q_form([("returnUrl", BB + "/webapps/portal/execute/defaultTab"), ("authProviderId", "_102_1")]), 302, BB + "/", dt()))

# ==================================================================== FHIR
FH = "https://fhir.example.org"
HAPI = "HAPI-FHIR/7.4.0 (FHIR Client; FHIR 4.0.1/R4; apache)"
FIRELY = "firely-sdk-client/5.10.3"
SMART_APP = "https://apps.example.org/growth-chart/"
fhir_q = [
    ("Patient", [("name:contains", "smi"), ("birthdate", "ge1970-01-01"), ("_count", "20")]),
    ("Patient", [("family", "O'Brien"), ("given", "Seán")]),
    ("Patient", [("identifier", "http://hospital.example.org/mrn|12345678")]),
    ("Patient", [("_filter", 'name co "smith" and birthdate gt 1980-01-01')]),
    ("Patient", [("_elements", "id,name,birthDate"), ("_summary", "true"), ("_sort", "-_lastUpdated")]),
    ("Observation", [("patient", "Patient/123"), ("code", "http://loinc.org|8867-4"), ("_sort", "-date"), ("_count", "50")]),
    ("Observation", [("subject", "Patient/123"), ("category", "vital-signs"), ("date", "ge2025-01-01"), ("date", "lt2025-11-14")]),
    ("Observation", [("value-quantity", "gt5.4|http://unitsofmeasure.org|mmol/L"), ("code", "http://loinc.org|2339-0")]),
    ("MedicationRequest", [("patient", "123"), ("_include", "MedicationRequest:medication"), ("status", "active")]),
    ("Encounter", [("_has:Observation:encounter:code", "http://loinc.org|2339-0"), ("_revinclude", "Provenance:target")]),
    ("Condition", [("code:text", "diabetes"), ("clinical-status", "active"), ("_lastUpdated", "gt2025-11-01T00:00:00Z")]),
    ("ValueSet/$expand", [("url", "http://hl7.org/fhir/ValueSet/administrative-gender"), ("filter", "fe")]),
    ("CodeSystem/$lookup", [("system", "http://snomed.info/sct"), ("code", "22298006")]),
    ("Patient/123/$everything", [("_count", "100"), ("_since", "2025-01-01T00:00:00Z")]),
    ("AllergyIntolerance", [("patient", "Patient/123"), ("_include:iterate", "AllergyIntolerance:recorder")]),
]
for res, pairs in fhir_q:
    ua = random.choice([HAPI, FIRELY, dt()])
    enc = q_form if not ua.startswith("Mozilla") else q_js
    r = SMART_APP if ua.startswith("Mozilla") else "-"
    S("FHIR REST search (%s)" % res.split("/")[0], R("GET", "/r4/" + res + "?" + enc(pairs), 200, r, ua))
S("FHIR capability statement and smart-configuration", R("GET", "/r4/metadata", 200, "-", HAPI), R("GET", "/r4/.well-known/smart-configuration", 200, "-", HAPI))
for i in range(3):
    ua = dt()
    launch = b64url(24)
    S("SMART on FHIR app launch and authorize (patient/*.read scopes)",
      R("GET", "/growth-chart/launch.html?" + q_js([("iss", FH + "/r4"), ("launch", launch)]), 200, "https://ehr.example.org/", ua),
      R("GET", "/auth/authorize?" + q_js([("response_type", "code"), ("client_id", "growth_chart"), ("scope", "launch openid fhirUser patient/*.read user/Practitioner.read offline_access"),
                                          ("redirect_uri", SMART_APP), ("aud", FH + "/r4"), ("state", b64url(12)), ("launch", launch), ("code_challenge", pkce()), ("code_challenge_method", "S256")]), 302, "https://apps.example.org/", ua))
S("SMART v2 scopes (patient/*.rs)", R("GET", "/auth/authorize?" + q_form([("response_type", "code"), ("client_id", "bp-centiles"), ("scope", "launch/patient openid fhirUser patient/*.rs"), ("redirect_uri", "https://apps.example.org/bp/"), ("aud", FH + "/r4"), ("state", b64url(12))]), 302, "https://apps.example.org/", SAFARI))

# ========================================================= travel booking
TR = "https://travel.example.com"
AIRPORTS = ["LHR", "JFK", "SFO", "CDG", "FRA", "NRT", "DXB", "SIN", "BER", "MAD", "LIS", "YYZ", "GRU", "SYD", "IST"]
for i in range(6):
    ua = br()
    a, b = random.sample(AIRPORTS, 2)
    q = [("origin", a), ("destination", b), ("departureDate", "2025-12-%02d" % random.randint(1, 28)), ("returnDate", "2026-01-%02d" % random.randint(1, 28)),
         ("adults", str(random.randint(1, 3))), ("children", str(random.randint(0, 2))), ("infants", "0"), ("cabinClass", random.choice(["economy", "premium_economy", "business"])), ("tripType", "roundtrip")]
    S("flight search", *page(TR, "/flights/search?" + q_form(q), ua, TR + "/", 200, ("/assets/app.css",)),
      R("GET", "/api/airports/autocomplete?" + q_js([("q", random.choice(["san fr", "lon", "münch", "são p", "new y"])), ("locale", "en-US")]), 200, TR + "/", ua))
S("multi-city flight search (segments)", *page(TR, "/flights/multi?segments=LHR-JFK-2025-12-20,JFK-SFO-2025-12-27,SFO-LHR-2026-01-03&adults=1&cabin=economy", dt(), TR + "/flights", 200, ("/assets/app.css",)))
S("kayak-style path search with fs= filters", *page(TR, "/flights/LHR-JFK/2025-12-20/2026-01-03/2adults?sort=bestflight_a&fs=stops=0;airlines=BA,VS;takeoff=0600,1200", dt(), TR + "/flights", 200, ("/assets/app.css",)))
for dest in ["Paris, France", "New York, NY, United States", "Zürich", "Ko Samui, Thailand", "Reykjavík"]:
    ua = br()
    S("hotel search", *page(TR, "/searchresults.html?" + q_form([("ss", dest), ("checkin", "2025-12-20"), ("checkout", "2025-12-23"), ("group_adults", "2"), ("no_rooms", "1"), ("group_children", "0"),
                                                                  ("nflt", random.choice(["class=4;class=5;review_score=80", "ht_id=204;price=EUR-100-250-1", "hotelfacility=107;distance=1000"]))]), ua, TR + "/", 200, ("/assets/app.css",)))
S("vacation rental map search (bounds, amenities[])", *page(TR, "/s/Lisbon--Portugal/homes?" + q_raw([("checkin", "2025-12-20"), ("checkout", "2025-12-27"), ("adults", "2"), ("ne_lat", "38.7531"), ("ne_lng", "-9.1012"),
                                                                                                 ("sw_lat", "38.6912"), ("sw_lng", "-9.2140"), ("zoom", "13"), ("search_by_map", "true"), ("price_max", "150"),
                                                                                                 ("amenities%5B%5D", "4"), ("amenities%5B%5D", "8")]), IPHONE, TR + "/", 200, ("/assets/app.css",)))
S("rail journey search XHR (ISO times)", R("GET", "/api/journeys?" + q_js([("from", "8000105"), ("to", "8011160"), ("departure", "2025-12-20T08:00"), ("class", "2"), ("bahncard", "25"), ("passengers", "1")]), 200, TR + "/rail", dt()))
S("car rental search (times with colons)", *page(TR, "/cars/search?" + q_form([("pickup", "LIS"), ("pickupDate", "2025-12-20"), ("pickupTime", "10:00"), ("dropoff", "OPO"), ("dropoffDate", "2025-12-27"), ("dropoffTime", "18:30"), ("driverAge", "30+")]), dt(), TR + "/cars", 200, ("/assets/app.css",)))


# ============================================================ real estate
def polyline(points):
    out = []
    plat = plng = 0
    for lat, lng in points:
        for v, p in ((lat, plat), (lng, plng)):
            d = int(round(v * 1e5)) - int(round(p * 1e5))
            d = ~(d << 1) if d < 0 else d << 1
            while d >= 0x20:
                out.append(chr((0x20 | (d & 0x1f)) + 63))
                d >>= 5
            out.append(chr(d + 63))
        plat, plng = lat, lng
    return "".join(out)


RE = "https://homes.example.com"
for i in range(4):
    ua = br()
    lat, lng = random.choice([(40.4168, -3.7038), (41.3874, 2.1686), (38.7223, -9.1393), (48.1351, 11.5820)])
    pts = [(lat + random.uniform(-0.03, 0.03), lng + random.uniform(-0.03, 0.03)) for _ in range(random.randint(4, 8))]
    pts.append(pts[0])
    S("real estate: drawn-area search (encoded polyline shape=)", *page(RE, "/en/areas/sale-homes/?shape=" + quote("((" + polyline(pts) + "))", safe=""), ua, RE + "/en/", 200, ("/static/css/main.css",)))
for i in range(3):
    ua = br()
    st = {"pagination": {}, "isMapVisible": True, "mapBounds": {"west": -122.52 + random.random() / 10, "east": -122.35, "south": 37.70, "north": 37.81},
          "filterState": {"price": {"min": 500000, "max": 1200000}, "beds": {"min": 2}, "sort": {"value": "globalrelevanceex"}}, "isListVisible": True}
    S("real estate: searchQueryState JSON in URL", *page(RE, "/homes/for_sale/?searchQueryState=" + ejs(json.dumps(st, separators=(",", ":"))), ua, RE + "/", 200, ("/static/css/main.css",)))
S("real estate: locationIdentifier REGION^id", *page(RE, "/property-for-sale/find.html?" + q_form([("locationIdentifier", "REGION^87490"), ("minBedrooms", "2"), ("maxPrice", "450000"), ("radius", "0.5"),
                                                                                              ("propertyTypes", "flat,terraced"), ("includeSSTC", "false"), ("mustHave", "garden"), ("dontShow", "retirement,sharedOwnership"), ("furnishTypes", ""), ("keywords", "")]), dt(), RE + "/", 200, ("/static/css/main.css",)))
S("real estate: filter path with colons and viewport", *page(RE, "/city/17151/CA/San-Francisco/filter/property-type=house+condo,min-price=800k,max-price=1.5M,min-beds=2,viewport=37.81:37.70:-122.35:-122.52", dt(), RE + "/", 200, ("/static/css/main.css",)))
for i in range(3):
    ua = dt()
    w = random.choice(["1=1", "PARCEL_ID = '123-456-789'", "UPPER(OWNER_NAME) LIKE '%SMITH%'", "ZONING IN ('R1','R2') AND ACRES > 0.25"])
    S("county parcel viewer: ArcGIS REST query (where=)", R("GET", "/arcgis/rest/services/Parcels/MapServer/0/query?" + q_js([("f", "json"), ("where", w), ("returnGeometry", "true"), ("spatialRel", "esriSpatialRelIntersects"),
                                                                                                                  ("geometry", json.dumps({"xmin": -13627000 + random.randint(0, 999), "ymin": 4544000, "xmax": -13620000, "ymax": 4550000, "spatialReference": {"wkid": 102100}}, separators=(",", ":"))),
                                                                                                                  ("geometryType", "esriGeometryEnvelope"), ("inSR", "102100"), ("outFields", "*"), ("outSR", "102100")]), 200, "https://maps.example.gov/parcelviewer/", ua))

# =============================================================== job boards
JB = "https://jobs.example.com"
for q, l in [("c++ developer", "Berlin"), (".NET Core / C#", "London"), ('"site reliability" -senior', "Remote"), ("Softwareentwickler (m/w/d)", "München"),
             ("R&D engineer", "Eindhoven"), ("Node.js OR React", "Toronto, ON"), ("SQL Server DBA", "Chicago, IL"), ("UX/UI designer", "Lisboa"),
             ("Kaufmann/-frau für Büromanagement", "Köln"), ("C/C++ embedded (RTOS)", "Stuttgart"), ("data engineer (python, spark)", "Remote - EU"),
             ("Penetration Tester (OSCP)", "Frankfurt am Main"), ("développeur full-stack", "Paris (75)"), ("nurse - ICU", "Austin, TX")]:
    ua = br()
    S("job board search", *page(JB, "/jobs?" + q_form([("q", q), ("l", l), ("radius", "25")]), ua, JB + "/", 200, ("/assets/main.css",)),
      R("GET", "/api/jobs/autocomplete?" + q_js([("q", q[:5])]), 200, JB + "/", ua))
S("greenhouse embedded job board (b= parent URL)", R("GET", "/embed/job_app?" + q_form([("for", "acme"), ("token", "4567890"), ("b", "https://acme.example/careers/job?gh_jid=4567890")]), 200, "https://acme.example/", dt()))
S("lever apply with source params", *page("https://jobs.lever.example", "/acme/" + uid() + "/apply?lever-source=LinkedIn&lever-origin=applied", dt(), "https://www.linkedin.com/", 200, ("/css/lever.css",)))
S("workday job posting with source=", *page("https://acme.wd3.example.com", "/en-US/acme_careers/job/Berlin-Germany/Senior-Software-Engineer--Platform-_R-12345?source=LinkedIn", dt(), "https://www.linkedin.com/", 200, ("/wday/asset/app.js",)))
S("indeed click-through", R("GET", "/rc/clk?jk=%s&fccid=%s&vjs=3" % (hexs(16), hexs(16)), 302, "https://de.indeed.com/", mob()))

# ================================================================= ticketing
TK = "https://tickets.example.com"
for i in range(4):
    ua = br()
    ev = hexs(16).upper()
    S("ticketing: event page, seat map XHR with seat lists",
      *page(TK, "/event/the-weeknd-after-hours-til-dawn-london-2025-06-21/%s?seats=A12,A13" % ev, ua, TK + "/search?q=the+weeknd", 200, ("/static/app.css",)),
      R("GET", "/api/events/%s/seatmap?%s" % (ev, q_js([("sections", "101,102,103"), ("priceLevels", "PL1,PL2"), ("qty", "2")])), 200, TK + "/event/x/" + ev, ua))
for i in range(3):
    ua = br()
    tok = "e_tour2025~q_%s~ts_%d~ce_true~rt_queue~h_%s" % (uid(), NOW, hexs(64))
    S("queue-it return with queueittoken", *page(TK, "/event/%d?queueittoken=%s" % (random.randint(10000, 99999), tok), ua, "https://acme.queue-it.net/", 200, ("/static/app.css",)))
S("queue-it waiting room entry (t= target URL)", *page("https://acme.queue-it.example", "/?" + q_form([("c", "acme"), ("e", "tour2025"), ("t", TK + "/event/12345?ref=homepage"), ("cid", "en-GB")]), dt(), TK + "/", 200, ("/css/queue.css",)))
S("eventbrite embedded checkout (parent=)", R("GET", "/checkout-external?" + q_form([("eid", "1012345678901"), ("parent", "https://www.example.org/events"), ("modal", "1"), ("aff", "oddtdtcreator")]), 200, "https://www.example.org/", dt()))
S("pretix voucher redeem and widget", R("GET", "/acme/conf2025/redeem?voucher=EARLYBIRD25", 200, "https://conf.example.org/", dt()),
  R("GET", "/acme/conf2025/widget/product_list?lang=en", 200, "https://conf.example.org/", dt()))
for ua in ["passd/1.0 CFNetwork/1568.200.51 Darwin/24.1.0", "passd/1.0 CFNetwork/1496.0.7 Darwin/23.5.0"]:
    S("apple wallet pass web service", R("GET", "/v1/devices/%s/registrations/pass.com.example.tickets?passesUpdatedSince=%d" % (hexs(32), NOW - 86400), 200, "-", ua),
      R("GET", "/v1/passes/pass.com.example.tickets/%s" % uid(), 200, "-", ua))
S("ticket scanner app check-in", R("POST", "/api/v1/checkin?event=12345&gate=North%20Gate%202", 200, "-", "TicketScanner/3.4.1 (Android 13; Zebra TC52)"))


# ========================================================= news + comments
NW = "https://news.example.com"
ARTS = ["/2025/11/14/budget-vote-what-it-means-for-renters/", "/world/2025/11/13/cop30-talks-enter-final-week/", "/tech/2025/11/14/why-your-router-needs-an-update/",
        "/opinion/2025/11/12/were-not-done-yet/", "/sport/2025/11/14/derby-day-live/"]
for i in range(4):
    ua = br()
    art = random.choice(ARTS)
    S("remark42 comments widget", *page(NW, art, ua, random.choice(["https://www.google.com/", "https://news.google.com/", "-"]), 200, ("/css/site.css",)),
      R("GET", "/remark42/api/v1/find?" + q_js([("site", "news"), ("url", NW + art), ("sort", "-active"), ("format", "tree")]), 200, NW + art, ua),
      R("GET", "/remark42/api/v1/user?site=news", 401, NW + art, ua))
for i in range(3):
    ua = br()
    art = random.choice(ARTS)
    S("isso comments widget", R("GET", "/isso/?" + q_js([("uri", art), ("nested_limit", "5"), ("limit", "10")]), 200, NW + art, ua),
      R("POST", "/isso/count", 200, NW + art, ua), R("POST", "/isso/new?uri=" + ejs(art), 201, NW + art, ua))
for i in range(3):
    ua = br()
    art = random.choice(ARTS)
    S("coral talk stream embed", R("GET", "/embed/stream?" + q_js([("storyURL", NW + art), ("storyMode", "COMMENTS"), ("initialWidth", "720"), ("childId", "coral_thread"), ("parentUrl", NW + art)]), 200, NW + art, ua))
S("live blog polling", *[R("GET", "/liveblog/8812/updates?since=%d&lastId=%d" % (NOW + k * 30, 4567 + k), 200, NW + "/sport/2025/11/14/derby-day-live/", ANDROID) for k in range(5)])
S("AMP page via Google AMP viewer", *page(NW, "/amp/2025/11/14/budget-vote-what-it-means-for-renters/?amp_js_v=0.1&amp_gsa=1&usqp=mq331AQIUAKwASCAAgM%3D", ANDROID, "https://www.google.com/", 200, ("/amp/img/logo.svg",)))
S("news: share intent with curly quotes in title", *page(NW, "/share?" + q_form([("title", "“We’re not done yet”: the fight over rent caps"), ("url", NW + ARTS[3])]), IPHONE, NW + ARTS[3], 200, ("/css/site.css",)))
S("news: paywall subscribe with return URL", *page(NW, "/subscribe?" + q_form([("return", NW + ARTS[0]), ("utm_source", "paywall"), ("utm_medium", "meter"), ("utm_campaign", "nov25_offer")]), br(), NW + ARTS[0], 200, ("/css/site.css",)))

# ============================================== marketing / affiliate / redirects
SHOP = "https://shop.example.com"
for url, ua, ref in [("https://partner.example.net/offer?ref=blog&id=9", dt(), "https://blog.example.com/2025/11/best-vpn-routers/"),
                     ("https://www.amazon.de/dp/B0C1234567?tag=exampleblog-21&linkCode=ogi&th=1", mob(), "https://blog.example.com/2025/11/best-vpn-routers/"),
                     ("https://www.booking.com/hotel/pt/lisbon-center.html?aid=123456&label=blog-lisbon", dt(), "https://blog.example.com/lisbon-guide/"),
                     ("http://www.example-old-partner.org/catalog/", dt(), "https://blog.example.com/links/")]:
    S("affiliate out-link /go?url= (encoded)", R("GET", "/go?url=" + ejs(url), 302, ref, ua))
for url in ["https://shop.partner.com/product/123?aff_id=55&sub=nov", "https://www.etsy.com/listing/123456789/handmade-mug?ref=shop_home_active_1"]:
    S("out-link /out?to= with raw URL (server-generated href)", R("GET", "/out?to=" + url, 302, "https://blog.example.com/gift-guide/", br()))
S("pretty link cloaking /recommends/", R("GET", "/recommends/hosting-provider/", 301, "https://blog.example.com/how-to-start-a-blog/", dt()))
for i in range(3):
    ua = random.choice([FB_IAB, IG_IAB])
    q = [("utm_source", "facebook"), ("utm_medium", "paid"), ("utm_campaign", "bf_2025_retargeting"), ("utm_content", random.choice(["carousel_v2", "video_15s", "static|blue"])),
         ("fbclid", "IwZXh0bgNhZW0BMABhZGlkAasv" + alnum(60, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") + "_aem_" + alnum(22))]
    S("facebook/instagram ad click (fbclid, utm_*)", *page(SHOP, "/collections/winter?" + q_raw(q), ua, "http://m.facebook.com/" if ua == FB_IAB else "-", 200, ("/cdn/shop/t/12/assets/theme.css",)))
for i in range(3):
    ua = br()
    q = [("gad_source", "1"), ("gclid", "Cj0KCQiA" + alnum(80, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") + "_BwE"), ("gbraid", "0AAAAAD" + alnum(20))]
    S("google ads click (gclid, gbraid)", *page(SHOP, "/products/merino-wool-beanie?variant=%d&%s" % (random.randint(10 ** 13, 10 ** 14), q_raw(q)), ua, "https://www.google.com/", 200, ("/cdn/shop/t/12/assets/theme.css",)))
S("microsoft ads click (msclkid)", *page(SHOP, "/?msclkid=" + hexs(32) + "&utm_source=bing&utm_medium=cpc&utm_campaign=Brand%20-%20DE&utm_term=example%20shop&utm_content=Brand%20Exact", EDGE, "https://www.bing.com/", 200, ("/cdn/shop/t/12/assets/theme.css",)))
S("tiktok ad click (ttclid)", *page(SHOP, "/products/led-desk-lamp?ttclid=" + b64url(40) + "&utm_source=tiktok&utm_medium=paid&utm_campaign=__CAMPAIGN_NAME__", IPHONE, "-", 200, ("/cdn/shop/t/12/assets/theme.css",)))
S("hubspot email click (_hsenc, _hsmi)", *page("https://www.example.io", "/webinars/zero-trust-101?utm_campaign=Webinar%20Nov&utm_medium=email&_hsmi=334455667&_hsenc=p2ANqtz-" + b64url(60) + "&utm_content=334455667&utm_source=hs_email", dt(), "-", 200, ("/hs-fs/hub/123/hub_generated/template_assets/main.min.css",)))
S("mailchimp campaign click (mc_cid, mc_eid)", *page(SHOP, "/pages/black-friday?utm_source=Newsletter&utm_campaign=" + hexs(10) + "-EMAIL_CAMPAIGN_2025_11_14&utm_medium=email&mc_cid=" + hexs(10) + "&mc_eid=" + hexs(10), mob(), "-", 200, ("/cdn/shop/t/12/assets/theme.css",)))
S("klaviyo click (_kx)", *page(SHOP, "/cart?_kx=" + b64url(30) + "." + alnum(6), mob(), "-", 200, ("/cdn/shop/t/12/assets/theme.css",)))
S("awin affiliate landing (awc, sv1)", *page(SHOP, "/products/trail-runner-2?awc=12345_%d_%s&utm_source=awin&utm_medium=affiliate&utm_campaign=56789&sv1=affiliate&sv_campaign_id=56789" % (NOW, hexs(32)), dt(), "https://www.awin1.com/", 200, ("/cdn/shop/t/12/assets/theme.css",)))
S("impact / CJ affiliate landing (irclickid, cjevent, cjdata)", *page(SHOP, "/?irclickid=" + alnum(26) + "&irgwc=1&cjevent=" + hexs(32) + "&cjdata=" + b64(12).rstrip("="), dt(), "https://www.example-coupons.com/", 200, ("/cdn/shop/t/12/assets/theme.css",)))
S("branch fallback landing (_branch_match_id, _branch_referrer gzip base64)", *page(SHOP, "/p/123?_branch_match_id=%d&utm_source=instagram&utm_medium=social&_branch_referrer=H4sIAAAAAAAAA%s" % (random.randint(10 ** 17, 10 ** 18), b64(60).rstrip("=")), IG_IAB, "-", 200, ("/cdn/shop/t/12/assets/theme.css",)))
for i in range(3):
    up = "u001." + b64(90).replace("+", "-2B").replace("/", "-2F").replace("=", "-3D")
    S("sendgrid branded click tracking (/ls/click?upn=)", R("GET", "/ls/click?upn=" + up, 302, "-", br()))
for i in range(2):
    dest = SHOP + "/sale?utm_source=newsletter&utm_medium=email"
    S("amazon SES click tracking (URL-encoded target in path)", R("GET", "/CL0/" + quote(dest, safe=":=&") + "/1/0100019" + hexs(9) + "-" + uid() + "-000000/" + b64url(24) + "=403", 302, "-", br()))
S("mailgun click tracking (/c/ base64)", R("GET", "/c/eJw" + b64url(120), 302, "-", mob()))
S("appsflyer onelink web fallback", *page(SHOP, "/download?" + q_form([("pid", "Social_instagram"), ("c", "bf2025"), ("af_xp", "social"), ("af_dp", "shopapp://"), ("deep_link_value", "product_123"), ("af_web_dp", SHOP + "/p/123")]), IPHONE, "-", 200, ("/cdn/shop/t/12/assets/theme.css",)))
S("linkedin share landing (trk, li_fat_id)", *page("https://www.example.io", "/blog/2025/soc2-lessons?trk=public_post-text&li_fat_id=" + uid(), dt(), "https://www.linkedin.com/", 200, ("/assets/blog.css",)))

# ============================================================ URL shorteners
SH = "https://exm.pl"
for i in range(5):
    ua = random.choice([mob(), dt(), FB_IAB, "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"])
    S("shortlink redirect", R("GET", "/" + alnum(random.choice([5, 6, 7])), 301, "-", ua))
S("yourls stats page (keyword+)", *page(SH, "/" + alnum(5) + "+", dt(), "-", 200, ("/css/style.css",)))
for i in range(2):
    S("yourls API shorten", R("GET", "/yourls-api.php?" + q_form([("signature", hexs(10)), ("action", "shorturl"), ("format", "json"), ("url", "https://www.example.com/blog/2025/11/very-long-title?utm_source=x&utm_medium=social"), ("keyword", "bf25")]), 200, "-", random.choice([PYREQ, CURL])))
S("shlink REST list with tags[] and orderBy", R("GET", "/rest/v3/short-urls?" + q_raw([("searchTerm", "docs"), ("tags%5B%5D", "marketing"), ("orderBy", "visits-DESC"), ("page", "1"), ("itemsPerPage", "20")]), 200, "https://app.shlink.io/", dt()))
S("shlink QR code", R("GET", "/" + alnum(6) + "/qr-code?size=300&format=png&errorCorrection=Q", 200, "https://app.shlink.io/", dt()))

# ============================================================== image proxies
for i in range(3):
    src = random.choice(["https://i.imgur.com/%s.png" % alnum(7), "http://www.example-forum.org/attachments/%d/photo.jpg" % random.randint(1, 99999), "https://upload.wikimedia.org/wikipedia/commons/a/a9/Example.jpg"])
    S("camo image proxy (hmac/hex-url)", R("GET", "/%s/%s" % (hexs(40), src.encode().hex()), 200, random.choice(["https://forum.example.org/t/my-homelab-2025/1234", "https://git.example.org/"]), br()))
S("camo image proxy (query url=)", R("GET", "/camo/%s?url=%s" % (hexs(40), ejs("http://images.example-blog.net/2019/05/diagram.png")), 200, "https://forum.example.org/", dt()))
for i in range(3):
    src = "https://cdn.example.com/photos/%s.jpg" % hexs(12)
    S("imgproxy (plain source URL in path)", R("GET", "/insecure/rs:fit:300:300:0/g:sm/plain/%s@webp" % src, 200, "https://www.example.com/", br()))
    S("imgproxy signed (base64 source)", R("GET", "/%s/rs:fill:600:400:0/g:ce/%s.jpg" % (b64url(32), b64url_s(src)), 200, "https://www.example.com/", br()))
for i in range(2):
    S("thumbor with filters(...)", R("GET", "/%s=/fit-in/800x600/filters:quality(80):format(webp):watermark(logo.png,-10,-10,50)/https://cdn.example.com/uploads/%s.jpg" % (b64url(20), hexs(10)), 200, "https://magazine.example.com/", br()))
for i in range(3):
    ua = br()
    S("next.js image optimizer", R("GET", "/_next/image?" + q_js([("url", random.choice(["/images/hero.jpg", "https://images.ctfassets.net/abc123/def456/%s/photo.jpg" % hexs(32), "/_next/static/media/logo.4f3e2a.svg"])), ("w", random.choice(["640", "1080", "1920"])), ("q", "75")]), 200, "https://www.example.com/", ua))
S("cloudflare image resizing (source URL in path)", R("GET", "/cdn-cgi/image/width=800,quality=75,format=auto/https://www.example.com/wp-content/uploads/2025/11/cover.jpg", 200, "https://www.example.com/", br()))
S("weserv-style proxy (?url=&w=&output=)", R("GET", "/?url=" + ejs("https://example.org/img/photo.jpg") + "&w=300&h=300&fit=cover&output=webp", 200, "https://www.example.net/", br()))
S("lemmy image proxy", R("GET", "/api/v3/image_proxy?url=" + ejs("https://i.redd.it/%s.jpeg" % alnum(13).lower()), 200, "https://lemmy.example.org/", br()))
S("gmail image proxy fetching newsletter images", R("GET", "/email/2025-11/header.png", 200, "-", "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)"))

# ================================================================ web archive
WA = "https://archive.example.org"
for q in ["/web/2020*/example.com", "/web/*/example.com/*", "/web/20150101000000*/https://www.example.org/", "/web/2019*/blog.example.net/2019/*"]:
    ua = dt()
    S("wayback: capture calendar / URL search", *page(WA, q, ua, random.choice([WA + "/", "-"]), 200, ("/_static/css/banner-styles.css",)),
      R("GET", "/__wb/sparkline?" + q_js([("output", "json"), ("url", q.split("/", 3)[3].rstrip("*")), ("collection", "web")]), 200, WA + q, ua))
for orig in ["https://www.example.com/about/", "http://www.example.com/index.php?option=com_content&view=article&id=12&Itemid=3",
             "http://www.example.org/cgi-bin/guestbook.pl?page=2", "http://example.net/~jdoe/papers/thesis.pdf", "http://www.example.edu/dept/cs/people.html"]:
    ua = dt()
    ts = "20%02d%02d%02d%06d" % (random.randint(2, 19), random.randint(1, 12), random.randint(1, 28), random.randint(0, 235959))
    S("wayback: archived page (playback)", *page(WA, "/web/%s/%s" % (ts, orig), ua, WA + "/web/2020*/example.com", 200, ("/_static/js/wombat.js",)),
      R("GET", "/web/%sim_/%s" % (ts, orig.split("/")[0] + "//" + orig.split("/")[2] + "/images/logo.gif"), 200, WA + "/web/%s/%s" % (ts, orig), ua))
for ua in [PYREQ, "waybackpy/3.0.6", CURL]:
    S("wayback CDX API from script", R("GET", "/cdx/search/cdx?" + q_raw([("url", "example.com/*"), ("output", "json"), ("fl", "timestamp,original,statuscode"), ("filter", "statuscode:200"),
                                                                          ("filter", "!mimetype:image/.*"), ("collapse", "digest"), ("from", "2015"), ("to", "2020")]), 200, "-", ua))
S("wayback availability API", R("GET", "/wayback/available?url=example.com/blog&timestamp=20150101", 200, "-", PYREQ))
S("save page now", R("GET", "/save/https://www.example.com/press/2025-11-14-release", 302, WA + "/save", dt()))
S("memento timemap", R("GET", "/web/timemap/link/https://www.example.com/", 200, "-", "Memento-Client/1.0"))


# ========================================================= link previews
PREVIEW_UAS = ["Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "Twitterbot/1.0", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
               "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)", "TelegramBot (like TwitterBot)", "WhatsApp/2.23.20.0",
               "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
               "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0",
               "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com",
               "Mastodon/4.3.1 (http.rb/5.2.0; +https://mastodon.social/) Bot", "Mastodon/4.2.13 (http.rb/5.1.1; +https://fosstodon.org/) Bot",
               "Iframely/1.3.1 (+https://iframely.com/docs/about)", "Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)",
               "Mozilla/5.0 (compatible; Google-Apps-Scripts)", "Mozilla/5.0 (Linux; Android 7.0; SM-G930V Build/NRD90M) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/59.0.3071.125 Mobile Safari/537.36 (compatible; Google-Read-Aloud; +https://support.google.com/webmasters/answer/1061943)"]
SHARED = ["/blog/2025/11/release-notes-v4?utm_source=slack&utm_medium=share", "/2025/11/14/budget-vote-what-it-means-for-renters/?utm_source=twitter&utm_medium=social&utm_campaign=sf",
          "/events/devconf-2025?ref=newsletter", "/products/merino-wool-beanie?variant=4412345678901", "/docs/guides/oidc-setup#keycloak", "/w/" + alnum(22),
          "/auth/v1/verify?token=" + hexs(56) + "&type=magiclink&redirect_to=https://app.example.com/auth/callback", "/careers/senior-sre-m-w-d?gh_jid=4567890",
          "/jobs?q=Softwareentwickler+%28m%2Fw%2Fd%29&l=M%C3%BCnchen", "/status/incidents/2025-11-14-api-latency", "/s/Lisbon--Portugal/homes?checkin=2025-12-20&checkout=2025-12-27&adults=2",
          "/@alice/113472048305126483", "/playlist?list=PL" + b64url(24), "/recipes/pasta-e-fagioli-%E2%80%94-nonna%E2%80%99s-version", "/missing-page-from-old-tweet"]
for ua, path in zip(PREVIEW_UAS, SHARED):
    st = 404 if "missing" in path else 200
    reqs = [R("GET", path.split("#")[0], st if "verify" not in path else 303, "-", ua)]
    if random.random() < 0.5:
        reqs.append(R("GET", "/favicon.ico", 200, "-", ua))
    S("link-preview fetcher", *reqs)
S("oEmbed discovery by a preview service", R("GET", "/services/oembed?" + q_form([("url", "https://videos.example.org/w/" + alnum(22)), ("format", "json"), ("maxwidth", "560")]), 200, "-", "Iframely/1.3.1 (+https://iframely.com/docs/about)"))

# ===================================================== search with operators
SX = "https://search.example.net"
for q in ["site:stackoverflow.com rust borrow checker lifetime", 'filetype:pdf "annual report" 2024', "inurl:docs kubernetes ingress nginx annotations",
          'intitle:"release notes" postgresql 17', "python -snake -monty", "(docker OR podman) rootless networking", '"error 503" site:reddit.com nginx',
          "!gh serde_json", "!w Ada Lovelace", "!yt lo-fi beats", "related:lwn.net", "define:idempotent", "weather Lisbon", "100 usd to eur", "/etc/hosts windows equivalent"]:
    ua = br()
    S("searxng search with operators/bangs", *page(SX, "/search?" + q_form([("q", q), ("category_general", "1"), ("language", "auto"), ("time_range", ""), ("safesearch", "0"), ("theme", "simple")]), ua, SX + "/", 200, ("/static/themes/simple/css/searxng.min.css",)),
      R("GET", "/autocompleter?" + q_form([("q", q[:8])]), 200, SX + "/", ua))
S("yacy search (urlmaskfilter=.*)", *page("https://yacy.example.net", "/yacysearch.html?" + q_form([("query", "filetype:pdf linux kernel"), ("Enter", ""), ("auth", ""), ("verify", "ifexist"), ("contentdom", "text"), ("nav", "all"), ("maximumRecords", "10"),
                                                                                               ("startRecord", "0"), ("resource", "global"), ("urlmaskfilter", ".*"), ("prefermaskfilter", ""), ("depth", "0"), ("constraint", ""), ("meanCount", "5")]), dt(), "https://yacy.example.net/", 200, ("/env/base.css",)))
for q in ["nginx @alice in:title after:2025-01-01 order:latest", "#support status:solved tags:docker", "backup in:first -tags:wontfix"]:
    S("discourse advanced search operators", R("GET", "/search/query?" + q_js([("term", q), ("type_filter", "topic"), ("page", "1")]), 200, "https://forum.example.org/search?q=" + ejs(q), dt()))

# ========================================================== developer tools
RUST_EX = [
    '#![allow(unused)]\nfn main() {\nuse std::process::Command;\n\nlet output = if cfg!(target_os = "windows") {\n    Command::new("cmd")\n        .args(["/C", "echo hello"])\n        .output()\n        .expect("failed to execute process")\n} else {\n    Command::new("sh")\n        .arg("-c")\n        .arg("echo hello")\n        .output()\n        .expect("failed to execute process")\n};\n\nlet hello = output.stdout;\n}',
    '#![allow(unused)]\nfn main() {\nuse std::fs;\n\nfn main() -> Result<(), Box<dyn std::error::Error + \'static>> {\n    let message: String = fs::read_to_string("message.txt")?;\n    println!("{}", message);\n    Ok(())\n}\n}',
    '#![allow(unused)]\nfn main() {\nlet s = String::from("hello");\nlet bytes = s.into_bytes();\n\nassert_eq!(&[104, 101, 108, 108, 111][..], &bytes[..]);\n}',
    '#![allow(unused)]\nfn main() {\nuse std::env;\n\nlet key = "HOME";\nmatch env::var(key) {\n    Ok(val) => println!("{key}: {val:?}"),\n    Err(e) => println!("couldn\'t interpret {key}: {e}"),\n}\n}',
    'use std::collections::HashMap;\n\nfn main() {\n    let mut scores = HashMap::new();\n    scores.insert(String::from("Blue"), 10);\n    scores.insert(String::from("Yellow"), 50);\n    for (key, value) in &scores {\n        println!("{key}: {value}");\n    }\n}',
]
for code in RUST_EX:
    ua = dt()
    url = "/?code=" + ejs(code) + "&edition=2021"
    S("rust playground opened from rustdoc Run button (?code=)", R("GET", url, 200, "https://doc.rust-lang.org/", ua), R("GET", "/assets/index-" + hexs(8) + ".js", 200, "https://play.example.org" + url, ua),
      R("POST", "/execute", 200, "https://play.example.org" + url, ua))
S("compiler explorer clientstate link", *page("https://godbolt.example.org", "/clientstate/" + base64.b64encode(json.dumps({"sessions": [{"id": 1, "language": "c++", "source": "#include <cstdio>\nint main() { std::puts(\"hi\"); }\n", "compilers": [{"id": "g132", "options": "-O2 -std=c++20"}]}]}).encode()).decode(), dt(), "https://stackoverflow.com/", 200, ("/static/main.css",)))
DS = "https://datasette.example.org"
for sql, extra in [("select * from facetable where state = :p0", [("p0", "CA")]),
                   ("select country_long, count(*) from [global-power-plants] group by country_long order by count(*) desc limit 10", []),
                   ("select rowid, title, stargazers_count from repos where description like '%sqlite%' order by stargazers_count desc", []),
                   ("select date(created_at) as day, count(*) from issues where state = 'open' group by day", [])]:
    ua = dt()
    url = "/fixtures?" + q_form([("sql", sql)] + extra)
    S("datasette custom SQL query page", *page(DS, url, ua, DS + "/fixtures", 200, ("/-/static/app.css",)))
S("datasette JSON API from script", R("GET", "/content/repos.json?" + q_form([("sql", "select full_name, stargazers_count from repos order by stargazers_count desc limit 20"), ("_shape", "array")]), 200, "-", PYREQ))
S("datasette table search/sort", *page(DS, "/content/repos?_search=sqlite&_sort_desc=stargazers_count&_facet=language", dt(), DS + "/content", 200, ("/-/static/app.css",)))
AD = "https://db.example.net"
S("adminer table select with where[] (bookmark, no referer)", *page(AD, "/adminer.php?" + q_raw([("pgsql", "db"), ("username", "app"), ("db", "shop"), ("ns", "public"), ("select", "orders"),
                                                                                          ("where%5B0%5D%5Bcol%5D", "status"), ("where%5B0%5D%5Bop%5D", "%3D"), ("where%5B0%5D%5Bval%5D", "paid"),
                                                                                          ("order%5B0%5D", "created_at"), ("desc%5B0%5D", "1"), ("limit", "50")]), dt(), "-", 200, ("/adminer.css",)))
S("adminer SQL command page after running a query", R("POST", "/adminer.php?pgsql=db&username=app&db=shop&ns=public&sql=", 200, AD + "/adminer.php?pgsql=db&username=app&db=shop&ns=public&sql=", dt()),
  R("GET", "/adminer.php?pgsql=db&username=app&db=shop&ns=public&sql=" + q_form([("", "select id, email from customers where created_at > now() - interval '7 days'")])[1:], 200, AD + "/adminer.php?pgsql=db&username=app&db=shop&ns=public", dt()))
SG = "https://sourcegraph.example.com"
for q, pt in [(r"context:global repo:^github\.com/golang/go$ file:^src/net/http/.*\.go$ \"func (c *Client) Do\"", "keyword"),
              (r"repo:^git\.example\.com/platform/ lang:python os\.system\(", "regexp"),
              (r"repo:^git\.example\.com/infra/terraform$ file:\.tf$ resource \"aws_iam_policy\"", "standard"),
              (r"type:diff author:alice after:\"2 weeks ago\" TODO", "keyword")]:
    ua = dt()
    S("sourcegraph search (regexp patterns)", *page(SG, "/search?" + q_js([("q", q), ("patternType", pt), ("sm", "0")]), ua, SG + "/search", 200, ("/.assets/styles/app.css",)),
      R("GET", "/.api/search/stream?" + q_js([("q", q), ("v", "V3"), ("t", pt), ("sm", "0"), ("display", "1500"), ("cm", "t"), ("max-line-len", "5120")]), 200, SG + "/search", ua))
for d in ["SyfFKj2rKt3CoKnELR1Io4ZDoSa70000", "SoWkIImgAStDuNBAJrBGjLDmpCbCJbMmKiX8pSd9vt98pKi1IW80", "~1UDgCJ5gGrq-jJWvNJ9TZFrwXxdk9pMwbhEw0W00"]:
    S("plantuml server diagram embedded in docs", R("GET", "/plantuml/svg/" + d, 200, "https://docs.example.org/architecture/overview", br()))
for src in ["graph TD\n  A[Client] -->|HTTPS| B(Load balancer)\n  B --> C{Auth?}\n  C -->|yes| D[App]\n  C -->|no| E[Login]", "sequenceDiagram\n  Browser->>IdP: GET /authorize?client_id=app\n  IdP-->>Browser: 302 redirect_uri?code=xyz"]:
    c = zlib.compressobj(9, zlib.DEFLATED)
    enc = base64.urlsafe_b64encode(c.compress(src.encode()) + c.flush()).decode()
    S("kroki diagram (deflate+base64url in path)", R("GET", "/mermaid/svg/" + enc, 200, "https://docs.example.org/design/auth-flow", br()))
SO = "https://solr.example.com"
for q, fq in [("*:*", "category:books"), ('name:"red shoes" AND brand:(nike OR adidas)', "price:[10 TO 50]"), ("title:kubernetes~2", "published:[NOW-1YEAR TO NOW]")]:
    ua = dt()
    S("solr admin UI query XHR", R("GET", "/solr/products/select?" + q_js([("q", q), ("q.op", "OR"), ("indent", "true"), ("fq", fq), ("wt", "json"), ("_", str(NOW * 1000 + random.randint(0, 999)))]), 200, SO + "/solr/", ua))

# ======================================================== security consoles
GL = "https://graylog.example.com"
# An analyst session: the search page opened from an alert link (no Referer) or reloaded
# from the console, its assets, then further searches (SPA: the query goes in the URL;
# a reload or a new tab sends it as a GET) and the search XHRs.
GL_QUERIES = ['http_request:"union select"', 'source:waf01 AND message:"../../etc/passwd"', "message:\"<script>\" AND http_status:403",
              'message:"${jndi:ldap"', 'user_agent:"sqlmap*"', 'http_uri:*cmd.exe* OR http_uri:*\\/bin\\/sh*', 'rule_id:942100 AND NOT src_ip:10.0.0.0\\/8',
              'message:"wp-config.php" AND http_status:200', 'http_request:"/.env" OR http_request:"/.git/config"', 'message:"interactsh" OR message:"oast.fun"']
for n in range(4):
    ua = dt()
    qs = random.sample(GL_QUERIES, 3)
    reqs = []
    for k, q in enumerate(qs):
        url = "/search?" + q_js([("q", q), ("rangetype", "relative"), ("relative", random.choice(["300", "3600", "86400"]))])
        reqs.append(R("GET", url, 200, "-" if k == 0 and n % 2 == 0 else GL + "/search", ua))
        reqs.append(R("GET", "/assets/" + hexs(20) + ".js", 200, GL + url, ua))
    S("graylog: analyst session searching for attack strings", *reqs)
AK_ = "https://arkime.example.com"
AK_EXPR = ['http.uri == "*union*select*"', 'http.uri == "*/etc/passwd*" && ip.dst == 10.20.0.0/16', 'http.user-agent == "*Nuclei*"', 'host.http == "*.oast.fun"',
           "ip.src == 203.0.113.57 && port.dst == 443", 'http.uri == "*<script*"', 'host.dns == "*.interact.sh"', 'host.dns == "c4k2v1n8a0.oast.pro"']


def q_qs(pairs):
    """the qs package's stringify (RFC 3986): only unreserved characters stay raw."""
    return "&".join(quote(str(k), safe="-_.~") + "=" + quote(str(v), safe="-_.~") for k, v in pairs)


# Arkime's viewer: the sessions page URL carries the expression (router), the sessions
# XHR is a POST with a body, "export unique values" and CSV export open GET URLs.
for n in range(4):
    ua = dt()
    e = AK_EXPR[n] if n < 2 else random.choice(AK_EXPR[2:])
    e = AK_EXPR[3] if n == 2 else AK_EXPR[7] if n == 3 else e
    page_url = "/sessions?" + q_js([("date", "24"), ("expression", e)])
    reqs = [R("GET", page_url, 200, random.choice(["-", AK_ + "/sessions?date=24"]), ua), R("GET", "/app.js?v=5.5.0", 200, AK_ + page_url, ua),
            R("POST", "/api/sessions", 200, AK_ + page_url, ua),
            R("GET", "/api/unique.txt?" + q_qs([("exp", "host.http"), ("counts", "1"), ("date", "24"), ("expression", e)]), 200, AK_ + page_url, ua),
            R("GET", "/api/sessions.csv/sessions.csv?" + q_qs([("date", "24"), ("expression", e), ("start", "0"), ("length", "100"), ("fields", "firstPacket,lastPacket,source.ip,destination.ip,http.uri")]), 200, AK_ + page_url, ua)]
    S("arkime: analyst session (sessions page, unique values, CSV export)", *reqs)
S("searxng: admin looking up an unknown domain from the logs", *page(SX, "/search?" + q_form([("q", "oast.fun requests in nginx log"), ("category_general", "1"), ("language", "auto")]), dt(), SX + "/", 200, ("/static/themes/simple/css/searxng.min.css",)))
S("forum search for interact.sh", *page("https://forum.example.org", "/search?" + q_js([("q", "interact.sh callbacks in access log")]), dt(), "https://forum.example.org/", 200, ("/assets/app.css",)))


# ========================================================= non-ASCII searches
for site, path, q, ua in [
    ("https://shop.example.cn", "/search", "手机壳 iPhone 16 防摔", ANDROID), ("https://shop.example.cn", "/search", "无线蓝牙耳机（降噪）", IPHONE),
    ("https://news.example.tw", "/search", "颱風 動態 2025", CHROME_WIN), ("https://souq.example.ae", "/ar/search", "هاتف ذكي سامسونج", SAMSUNG),
    ("https://souq.example.ae", "/ar/search", "عطر عود – ٥٠ مل", IPHONE), ("https://market.example.ru", "/search/", "купить диван «Честер»", CHROME_WIN),
    ("https://market.example.ru", "/search/", "зимние шины 205/55 R16", FF_WIN), ("https://shop.example.ua", "/uk/search", "дитячий велосипед 16\"", ANDROID),
    ("https://www.example.jp", "/search", "ワイヤレスイヤホン ノイズキャンセリング", IPHONE), ("https://www.example.kr", "/search", "겨울 패딩 여성 롱", SAMSUNG),
    ("https://www.example.in", "/search", "साड़ी सिल्क", ANDROID), ("https://www.example.co.th", "/search", "ครีมกันแดด SPF50", IPHONE),
    ("https://www.example.co.il", "/search", "מכונת קפה", CHROME_WIN), ("https://www.example.gr", "/search", "Ελληνικό γιαούρτι", FF_WIN),
    ("https://www.example.vn", "/tim-kiem", "áo khoác nữ mùa đông", ANDROID), ("https://www.example.com.tr", "/arama", "İstanbul çantası ğüşıöç", CHROME_WIN),
    ("https://www.example.de", "/suche", "Straßenschuhe Größe 42 – weiß", SAFARI), ("https://shop.example.com", "/search", "🎄 christmas decor", IPHONE),
    ("https://shop.example.com", "/search", "👩‍💻 stickers", ANDROID), ("https://www.example.pl", "/szukaj", "żółć ćma łódź", FF_LNX)]:
    S("non-ASCII site search (UTF-8 form encoding)", *page(site, path + "?" + q_form([("q", q)]), ua, site + "/", 200, ("/static/main.css",)))
S("non-ASCII path slug (Cyrillic tag page)", *page("https://news.example.ru", "/tag/" + ejs("новости-технологий") + "/", CHROME_WIN, "https://news.example.ru/", 200, ("/static/main.css",)))
S("non-ASCII path slug (Arabic article)", *page("https://news.example.ae", "/ar/" + ejs("أخبار/الاقتصاد-العالمي-٢٠٢٥"), SAMSUNG, "https://news.example.ae/ar/", 200, ("/static/main.css",)))
S("legacy Shift_JIS search (kakaku-style path)", *page("https://kakaku.example.jp", "/search_results/" + quote("テレビ 55型".encode("shift_jis"), safe="") + "/", CHROME_WIN, "https://kakaku.example.jp/", 200, ("/css/common.css",)))
S("legacy GBK form (ie=gbk)", *page("https://bbs.example.cn", "/search.php?" + urlencode([("wd", "显卡 驱动"), ("ie", "gbk")], encoding="gbk", quote_via=quote_plus), CHROME_WIN, "https://bbs.example.cn/", 200, ("/static/style.css",)))
S("legacy EUC-KR board search", *page("https://board.example.kr", "/bbs/search.php?" + urlencode([("sfl", "wr_subject"), ("stx", "중고 노트북")], encoding="euc-kr", quote_via=quote_plus), CHROME_WIN, "https://board.example.kr/bbs/board.php?bo_table=market", 200, ("/css/default.css",)))
S("IDN referer and punycode host link", *page("https://www.example.de", "/produkte/m%C3%BCsli?ref=partner", FF_WIN, "https://xn--mnchen-3ya.example/", 200, ("/static/main.css",)))

# ======================================================= signed / long URLs
CF = "https://d111111abcdef8.cloudfront.net"
for i in range(4):
    ua = random.choice([dt(), IPHONE, "AppleCoreMedia/1.0.0.22B83 (iPhone; U; CPU OS 18_1 like Mac OS X; en_us)", "ExoPlayerLib/2.19.1"])
    pol = json.dumps({"Statement": [{"Resource": CF + "/videos/course%d/*" % i, "Condition": {"DateLessThan": {"AWS:EpochTime": NOW + 7200}}}]}, separators=(",", ":"))
    def cfb(b):
        return base64.b64encode(b).decode().replace("+", "-").replace("=", "_").replace("/", "~")
    q = "Policy=%s&Signature=%s&Key-Pair-Id=K2JCJMDEHXQW5F" % (cfb(pol.encode()), cfb(random.randbytes(256)))
    S("CloudFront signed URL (custom policy)", R("GET", "/videos/course%d/lesson%d/720p.m3u8?%s" % (i, random.randint(1, 20), q), 200, "https://learn.example.com/" if ua.startswith("Mozilla") else "-", ua),
      R("GET", "/videos/course%d/lesson3/720p_00001.ts?%s" % (i, q), 200, "https://learn.example.com/" if ua.startswith("Mozilla") else "-", ua))
S("CloudFront signed URL (canned)", R("GET", "/downloads/installer-4.2.1.dmg?Expires=%d&Signature=%s&Key-Pair-Id=K2JCJMDEHXQW5F" % (NOW + 3600, base64.b64encode(random.randbytes(128)).decode().replace("+", "-").replace("=", "_").replace("/", "~")), 200, "https://www.example.com/download", SAFARI))
for i in range(3):
    ua = random.choice(["AppleCoreMedia/1.0.0.22B83 (iPhone; U; CPU OS 18_1 like Mac OS X; en_us)", dt(), "ExoPlayerLib/2.19.1", "Roku/DVP-13.0 (13.0.0.4166-46)"])
    acl = random.choice(["/hls/live/2001234/channel1/*", "/hls/live/2001234/*!/dash/live/2001234/*", "/vod/2025/11/*"])
    S("Akamai EdgeAuth token (hdnts=exp~acl~hmac)", R("GET", "/hls/live/2001234/channel1/master.m3u8?hdnts=st=%d~exp=%d~acl=%s~hmac=%s" % (NOW, NOW + 21600, acl, hexs(64)), 200, "https://tv.example.com/live" if ua.startswith("Mozilla") else "-", ua))
for i in range(3):
    ua = dt()
    fn = random.choice(["Q3 report (final).pdf", "Rechnung 2025-11.pdf", "photos.zip"])
    S("Azure blob SAS download (rscd content-disposition)", R("GET", "/exports/%s/%s?%s" % (uid(), quote(fn), q_form([("sv", "2022-11-02"), ("ss", "b"), ("srt", "o"), ("sp", "r"), ("se", "2025-11-14T14:00:00Z"), ("st", "2025-11-14T12:55:00Z"),
                                                                                                      ("spr", "https"), ("rscd", 'attachment; filename="%s"' % fn), ("sig", b64(32))])), 200, "https://portal.example.com/", ua))
S("GCS V4 signed URL", R("GET", "/example-bucket/exports/report-2025-11.csv?" + q_form([("X-Goog-Algorithm", "GOOG4-RSA-SHA256"), ("X-Goog-Credential", "svc-export@example-project.iam.gserviceaccount.com/20251114/auto/storage/goog4_request"),
                                                                                   ("X-Goog-Date", "20251114T130000Z"), ("X-Goog-Expires", "900"), ("X-Goog-SignedHeaders", "host"), ("X-Goog-Signature", hexs(512))]), 200, "https://portal.example.com/", dt()))
S("Bunny CDN token auth", R("GET", "/videos/%s/playlist.m3u8?token=%s&expires=%d&token_path=%s" % (uid(), b64url(32), NOW + 3600, ejs("/videos/")), 200, "https://learn.example.com/", dt()))
S("Cloudflare Stream signed token in path", R("GET", "/%s/manifest/video.m3u8" % jwt({"sub": hexs(32), "kid": hexs(32), "exp": NOW + 3600, "accessRules": [{"type": "ip.geoip.country", "action": "allow", "country": ["DE", "AT"]}]}), 200, "https://learn.example.com/", dt()))
S("Mux signed playback (JWT token=)", R("GET", "/%s.m3u8?token=%s" % (alnum(40), jwt({"sub": alnum(40), "aud": "v", "exp": NOW + 3600, "kid": alnum(40)})), 200, "https://learn.example.com/", IPHONE))
S("legacy ASP.NET WebForms GET with __VIEWSTATE", *page("https://portal.example.gov", "/Search.aspx?__VIEWSTATE=" + ejs("/wEPDwUKLTg" + b64(900)) + "&__VIEWSTATEGENERATOR=CA0B0334&__EVENTVALIDATION=" + ejs("/wEdAA" + b64(200)) + "&ctl00%24MainContent%24txtSearch=building+permit&ctl00%24MainContent%24btnSearch=Search",
                                                     EDGE, "https://portal.example.gov/Search.aspx", 200, ("/Content/Site.css",)))

# ===================================================== mobile app API clients
PB = "https://pb.example.app"
for flt, ua in [("status = 'published' && created > '2025-01-01 00:00:00'", "Dart/3.5 (dart:io)"), ("author.name ~ 'john' || tags ?~ 'news'", OKHTTP),
                ("(user = 'abc123def456' && done = false)", "Dart/3.5 (dart:io)"), ("title ~ \"O'Reilly\"", dt())]:
    q = q_js([("page", "1"), ("perPage", "30"), ("sort", "-created"), ("filter", flt), ("expand", "author,comments_via_post")])
    S("pocketbase records list (filter=)", R("GET", "/api/collections/posts/records?" + q, 200, "https://app.example.app/" if ua.startswith("Mozilla") else "-", ua))
for qs, ua in [(['equal("status", ["published"])', 'orderDesc("$createdAt")', "limit(25)"], "Dart/3.5 (dart:io)"),
               (['search("title", "iron man")', 'greaterThan("year", 1999)'], OKHTTP),
               ([json.dumps({"method": "equal", "attribute": "status", "values": ["published"]}), json.dumps({"method": "limit", "values": [25]})], "Dart/3.5 (dart:io)")]:
    S("appwrite documents list (queries[])", R("GET", "/v1/databases/main/collections/posts/documents?" + "&".join("queries%5B%5D=" + ejs(x) for x in qs), 200, "-", ua))
for where, ua in [({"score": {"$gte": 1000}, "playerName": {"$in": ["Jonathan Walsh", "Dario Wunsch"]}}, "Parse Android SDK 4.3.0 (com.example.game/42) API Level 34"),
                  ({"createdAt": {"$gt": {"__type": "Date", "iso": "2025-11-01T00:00:00.000Z"}}}, "Parse/1.19.4 (iOS 18.1)")]:
    S("parse server query (where= with $gte/$in)", R("GET", "/parse/classes/GameScore?" + q_form([("where", json.dumps(where)), ("order", "-score"), ("limit", "10")]), 200, "-", ua))
for i in range(2):
    S("directus SDK items filter JSON with $NOW", R("GET", "/items/articles?" + q_usp([("filter", json.dumps({"_and": [{"status": {"_eq": "published"}}, {"date_published": {"_lte": "$NOW"}}]}, separators=(",", ":"))), ("fields", "*,author.*,translations.*"), ("sort", "-date_published"), ("limit", "20")]), 200, "https://www.example.com/", br()))
for fb in ["price:[10..100] && brand:=[Nike,Adidas]", "in_stock:true && category:=`Shoes & Boots`", "rating:>=4 && tags:!=clearance"]:
    ua = br()
    S("typesense search from browser (filter_by=)", R("GET", "/collections/products/documents/search?" + q_js([("q", "running shoe"), ("query_by", "name,description"), ("filter_by", fb), ("sort_by", "price:asc"), ("per_page", "24")]) + "&x-typesense-api-key=" + alnum(32), 200, SHOP + "/", ua))
APP_UAS = [OKHTTP, "ShopApp/5.4.1 (com.example.shop; build:5410; iOS 18.1.0) Alamofire/5.9.1", "ShopApp/5.4.1 CFNetwork/1568.200.51 Darwin/24.1.0", "Dart/3.5 (dart:io)",
           "Ktor client", "Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/AP2A.240905.003)", "NewsApp/812 CFNetwork/1496.0.7 Darwin/23.5.0", "okhttp/3.14.9"]
for i in range(8):
    ua = APP_UAS[i]
    cursor = base64.b64encode(json.dumps({"id": random.randint(1000, 99999), "ts": NOW - random.randint(0, 9999)}).encode()).decode()
    S("mobile app API session", R("GET", "/v2/config?" + q_form([("platform", "android" if "Android" in ua or "okhttp" in ua or "Dalvik" in ua else "ios"), ("version", "5.4.1"), ("build", "5410"), ("locale", random.choice(["de_DE", "en_US", "pt_BR", "zh_Hans_CN"])), ("device", random.choice(["iPhone15,2", "Pixel 8", "SM-S918B"]))]), 200, "-", ua),
      R("GET", "/api/v3/feed?" + q_form([("cursor", cursor), ("limit", "20")]), 200, "-", ua),
      R("GET", "/api/v1/products/search?" + q_form([("q", random.choice(["running shoes", "kids' rain jacket", "usb-c hub 7-in-1", "L'Oréal serum"])), ("filters", json.dumps({"size": ["42"], "color": "black"})), ("sort", "price_asc")]), 200, "-", ua),
      R("POST", "/api/v1/devices", 201, "-", ua))
S("android app links verification", R("GET", "/.well-known/assetlinks.json", 200, "-", "Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/AP2A.240905.003)"))
S("apple AASA fetch", R("GET", "/.well-known/apple-app-site-association", 200, "-", "AASA-Bot/1.0.0"))


# ============================================================= game clients
UNITY = "UnityPlayer/2022.3.20f1 (UnityWebRequest/1.0, libcurl/8.5.0-DEV)"
for i in range(3):
    os_ = random.choice(["Android OS 14 / API-34 (UP1A.231005.007/S918BXXU3BWK5)", "iOS 18.1", "Windows 11  (10.0.22631) 64bit"])
    S("unity game: remote config, leaderboard, session", R("GET", "/config/remote?" + q_form([("platform", "Android" if "Android" in os_ else "iOS" if "iOS" in os_ else "Windows"), ("app_version", "1.12.0"), ("device_model", random.choice(["samsung SM-S918B", "iPhone15,2", "System Product Name (ASUS)"])), ("os", os_)]), 200, "-", UNITY),
      R("GET", "/api/leaderboard?level=3&mode=ranked&top=100&around=me", 200, "-", UNITY), R("POST", "/api/session", 200, "-", UNITY),
      R("GET", "/bundles/android/ui_main_%s.bundle" % hexs(8), 200, "-", UNITY))
for i in range(2):
    user = "%s|%s|%s" % (hexs(32), hexs(32), uid().upper())
    ver = random.choice(["5.3.2-29314046+++UE5+Release-5.3", "5.4.4-35576357+++UE5+Release-5.4"])
    S("unreal crash report upload (UserID with pipes)", R("POST", "/api/v1/crashreport?" + q_form([("AppID", "CrashReporter"), ("AppVersion", ver), ("AppEnvironment", "Release"), ("UploadType", "crashreports"), ("UserID", user)]), 200, "-",
                                                          "CrashReportClient/++UE5+Release-5.3-CL-29314046 Windows/10.0.22631.1.256.64bit"))
    S("unreal analytics data router (SessionID {GUID})", R("POST", "/datarouter/api/v1/public/data?" + q_form([("SessionID", "{%s}" % uid().upper()), ("AppID", "ExampleGame.Live"), ("AppVersion", ver), ("UserID", user), ("AppEnvironment", "datacollector-binary"), ("UploadType", "eteventstream")]), 200, "-",
                                                             "ExampleGame/++UE5+Release-5.3-CL-29314046 Windows/10.0.22631.1.256.64bit"))
for ua in ["PrismLauncher/9.1", "ATLauncher/3.4.36.4", "modrinth/theseus/0.8.9 (support@modrinth.com)"]:
    facets = json.dumps([["categories:fabric"], ["versions:1.20.1"], ["project_type:mod"]])
    S("minecraft launcher mod search (facets JSON array)", R("GET", "/v2/search?" + q_form([("query", random.choice(["sodium", "create", "jei"])), ("facets", facets), ("index", "relevance"), ("limit", "20")]), 200, "-", ua),
      R("GET", "/v2/project/%s/version?loaders=%s&game_versions=%s" % (alnum(8), ejs('["fabric"]'), ejs('["1.20.1"]')), 200, "-", ua))
S("steam game overlay browser opening server MOTD", *page("https://cs.example-community.net", "/motd.html?steamid=7656119%010d&map=de_dust2&name=%s" % (random.randint(0, 9999999999), ejs("[TAG] xX_Sn1per_Xx")), "Mozilla/5.0 (Windows; Valve Steam GameOverlay/1731440000; ) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", "-", 200, ("/motd/style.css",)))
S("godot game update check", R("GET", "/updates/latest.json?channel=beta&platform=windows&version=0.9.3", 200, "-", "GodotEngine/4.3.stable.official (Windows)"))
S("launcher news feed", R("GET", "/launcher/news.json?lang=pt-BR&channel=live", 200, "-", "ExampleLauncher/2.14.0 (Windows NT 10.0; x64) CEF/126"))
S("itch.io-style butler patch download", R("GET", "/upload/%d/download?api_key=%s&uuid=%s" % (random.randint(10 ** 6, 10 ** 7), alnum(40), uid()), 302, "-", "butler/v15.21.0"))
S("curl typed by a person with a raw UTF-8 query (nginx \\x escapes)", R("GET", "/api/players/lookup?name=" + "Jürgen✨", 200, "-", CURL))

# ================================================================== IoT
for i in range(3):
    q = [("ID", "KCASANFR%d" % random.randint(100, 999)), ("PASSWORD", alnum(8)), ("action", "updateraw"), ("dateutc", random.choice(["now", "2025-11-14 13:00:%02d" % random.randint(0, 59)])),
         ("tempf", "%.1f" % random.uniform(40, 70)), ("humidity", str(random.randint(30, 95))), ("dewptf", "45.1"), ("winddir", str(random.randint(0, 359))), ("windspeedmph", "4.5"),
         ("windgustmph", "8.1"), ("rainin", "0.00"), ("dailyrainin", "0.02"), ("baromin", "30.01"), ("solarradiation", "210.5"), ("UV", "2"), ("softwaretype", random.choice(["EasyWeatherV1.6.6", "WS-1002 V2.4.6", "weewx-5.1.0"]))]
    S("personal weather station upload (WU protocol)", R("GET", "/weatherstation/updateweatherstation.php?" + q_form(q), 200, "-", random.choice(["-", "ESP8266HTTPClient", "weewx/5.1.0"])))
S("ambient weather custom server upload", R("GET", "/endpoint?" + q_raw([("PASSKEY", hexs(32).upper()), ("stationtype", "AMBWeatherV4.3.4"), ("dateutc", "2025-11-14+13:00:00"), ("tempf", "54.3"), ("humidity", "71"), ("baromrelin", "30.012")]), 200, "-", "-"))
for i in range(2):
    S("traccar client position (OsmAnd protocol)", R("GET", "/?" + q_raw([("id", str(random.randint(10 ** 14, 10 ** 15))), ("timestamp", str(NOW + i)), ("lat", "%.6f" % random.uniform(52.4, 52.6)), ("lon", "%.6f" % random.uniform(13.3, 13.5)),
                                                                           ("speed", "0.0"), ("bearing", "0.0"), ("altitude", "34.0"), ("accuracy", "12.0"), ("batt", "87.0")]), 200, "-", OKHTTP))
S("owntracks HTTP mode", R("POST", "/owntracks/pub?u=alice&d=phone", 200, "-", "OwnTracks/17.2.0 CFNetwork/1568.200.51 Darwin/24.1.0"))
for ua in ["ddclient/3.11.2", "inadyn/2.12.0 https://github.com/troglobit/inadyn/issues", "Fritz!Box", CURL]:
    S("dynamic DNS update (dyndns2)", R("GET", "/nic/update?" + q_raw([("hostname", "home.example.net"), ("myip", "198.51.100.%d" % random.randint(1, 254)), ("wildcard", "NOCHG"), ("mx", "NOCHG"), ("backmx", "NOCHG")]), 200, "-", ua))
S("duckdns-style update", R("GET", "/update?domains=myhome&token=%s&ip=" % uid(), 200, "-", CURL))
S("tasmota OTA from self-hosted server", R("GET", "/tasmota/release/tasmota.bin.gz", 200, "-", "ESP8266HTTPClient"))
S("ESP32 firmware check", R("GET", "/fw/check?model=THS-100&hw=2&fw=1.4.7&mac=A4%3ACF%3A12%3A34%3A56%3A78", 200, "-", "ESP32HTTPClient"))
S("shelly H&T report_url", R("GET", "/ht?hum=54&temp=21.25&id=shellyht-%s" % hexs(6).upper(), 200, "-", "-"))
S("things stack uplink webhook", R("POST", "/ttn/uplink", 200, "-", "TheThingsStack/3.32.1 (linux/amd64)"))
S("particle webhook", R("POST", "/webhooks/particle", 200, "-", "ParticleBot/1.1 (https://docs.particle.io/webhooks)"))
S("smart TV app config", R("GET", "/tv/config.json?model=QE55Q80C&fw=T-PTMFDEUC-1304.5&country=DE", 200, "-", "Mozilla/5.0 (SMART-TV; LINUX; Tizen 7.0) AppleWebKit/537.36 (KHTML, like Gecko) 94.0.4606.31/7.0 TV Safari/537.36"))
S("roku channel feed", R("GET", "/roku/feed.json?lang=en&since=%d" % (NOW - 3600), 200, "-", "Roku/DVP-13.0 (13.0.0.4166-46)"))
S("hikvision NVR alarm push", R("POST", "/hik/events", 200, "-", "-"))

# ================================================================= payments
for i in range(3):
    S("stripe webhook", R("POST", "/webhooks/stripe", 200, "-", "Stripe/1.0 (+https://stripe.com/docs/webhooks)"))
S("stripe webhook rejected (signature mismatch after secret rotation)", R("POST", "/webhooks/stripe", 400, "-", "Stripe/1.0 (+https://stripe.com/docs/webhooks)"))
for i in range(2):
    ua = br()
    S("stripe checkout success return", *page(SHOP, "/checkout/success?session_id=cs_live_" + alnum(58), ua, "https://checkout.stripe.com/", 200, ("/cdn/shop/t/12/assets/theme.css",)))
for i in range(2):
    ua = br()
    pi = "pi_3Q" + alnum(22)
    S("stripe 3DS return (payment_intent_client_secret)", R("GET", "/payment/complete?payment_intent=%s&payment_intent_client_secret=%s_secret_%s&redirect_status=succeeded" % (pi, pi, alnum(25)), 302, "https://hooks.stripe.com/", ua))
S("stripe connect oauth return", R("GET", "/connect/oauth/callback?scope=read_write&code=ac_" + alnum(32) + "&state=" + hexs(32), 302, "https://connect.stripe.com/", dt()))
for i in range(2):
    S("paypal IPN", R("POST", "/paypal/ipn", 200, "-", "PayPal IPN ( https://www.paypal.com/ipn )"))
for i in range(2):
    ua = br()
    S("paypal express checkout return", R("GET", "/checkout/paypal/return?token=EC-%s&PayerID=%s" % (alnum(17, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), alnum(13, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")), 302, "https://www.paypal.com/", ua))
S("paypal cancel return", R("GET", "/checkout/paypal/cancel?token=EC-" + alnum(17, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), 302, "https://www.paypal.com/", mob()))
S("adyen redirect result", R("GET", "/checkout/adyen/return?redirectResult=" + ejs("X6XtfGC3!" + b64(90)) + "&type=complete", 302, "https://checkoutshopper-live.adyen.com/", br()))
S("mollie webhook", R("POST", "/webhooks/mollie", 200, "-", "Mollie.nl HTTP client/1.0"))
S("razorpay callback form post", R("POST", "/payment/razorpay/callback", 302, "https://api.razorpay.com/", ANDROID))
for ua, path in [("Shopify-Captain-Hook", "/webhooks/shopify/orders-create"), ("GitHub-Hookshot/3f4a1b2", "/hooks/github"), ("TwilioProxy/1.1", "/twilio/status?orderId=12345"),
                 ("SendGrid Event API", "/sendgrid/events"), ("Slackbot 1.0 (+https://api.slack.com/robots)", "/slack/commands"), ("Discord-Interactions/1.0 (+https://discord.com)", "/interactions"),
                 ("Zoom Marketplace/1.0a", "/zoom/webhook"), ("-", "/telegram/webhook/%d:%s" % (random.randint(10 ** 9, 10 ** 10), alnum(35)))]:
    S("webhook delivery", R("POST", path, 200, "-", ua))

# =============================================================== chat widgets
for i in range(3):
    ua = br()
    t = alnum(7, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    sid_ = b64url(15)
    S("socket.io polling then websocket", R("GET", "/socket.io/?EIO=4&transport=polling&t=" + t, 200, SHOP + "/", ua),
      R("POST", "/socket.io/?EIO=4&transport=polling&t=%s&sid=%s" % (alnum(7), sid_), 200, SHOP + "/", ua),
      R("GET", "/socket.io/?EIO=4&transport=websocket&sid=" + sid_, 101, "-", ua))
for i in range(3):
    ua = br()
    conv = jwt({"source_id": uid(), "inbox_id": random.randint(1, 20)}, alg="HS256")
    tok = alnum(24)
    S("chatwoot widget (cw_conversation JWT)", R("GET", "/widget?website_token=%s&cw_conversation=%s" % (tok, conv), 200, "https://www.example.com/", ua),
      R("GET", "/api/v1/widget/messages?website_token=%s&cw_conversation=%s&locale=en" % (tok, conv), 200, "https://chat.example.com/widget?website_token=" + tok, ua),
      R("GET", "/cable", 101, "-", ua))
for i in range(2):
    ua = br()
    S("rocket.chat livechat (sockjs)", R("GET", "/api/v1/livechat/config?token=" + alnum(17), 200, "https://www.example.com/", ua),
      R("GET", "/sockjs/info?cb=" + alnum(10, "abcdefghijklmnopqrstuvwxyz0123456789"), 200, "https://www.example.com/", ua),
      R("POST", "/sockjs/%d/%s/xhr_send" % (random.randint(100, 999), alnum(8, "abcdefghijklmnopqrstuvwxyz0123456789")), 204, "https://www.example.com/", ua))
for i in range(3):
    ua = random.choice([dt(), "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Mattermost/5.10.0 Chrome/128.0.6613.186 Electron/32.2.1 Safari/537.36"])
    ch = alnum(26, "abcdefghijklmnopqrstuvwxyz0123456789")
    S("mattermost web: posts, autocomplete", R("GET", "/api/v4/channels/%s/posts?page=0&per_page=30&skipFetchThreads=false&collapsedThreads=true&collapsedThreadsExtended=false" % ch, 200, "https://mm.example.com/team/channels/town-square", ua),
      R("GET", "/api/v4/users/autocomplete?in_team=%s&name=%s&limit=25" % (alnum(26, "abcdefghijklmnopqrstuvwxyz0123456789"), random.choice(["jo", "ma", "o'"])), 200, "https://mm.example.com/team/channels/town-square", ua),
      R("GET", "/api/v4/emoji/autocomplete?name=thumb", 200, "https://mm.example.com/team/channels/town-square", ua))

# ============================================================ feature flags
for i in range(3):
    ua = br()
    S("unleash frontend API (properties[...])", R("GET", "/api/frontend?" + q_usp([("appName", "web"), ("environment", "production"), ("userId", str(random.randint(1000, 99999))), ("sessionId", str(random.randint(10 ** 8, 10 ** 9))), ("properties[plan]", "pro"), ("properties[country]", "DE")]), 200, SHOP + "/", ua))
S("unleash server SDK", R("GET", "/api/client/features?namePrefix=checkout", 200, "-", "unleash-client-node:5.5.2"), R("POST", "/api/client/metrics", 202, "-", "unleash-client-node:5.5.2"))
for i in range(3):
    ua = br()
    ctx = json.dumps({"kind": "user", "key": "user-%d" % random.randint(1000, 99999), "email": "u%d@example.com" % i, "custom": {"plan": "enterprise", "groups": ["beta", "staff"]}}, separators=(",", ":"))
    S("launchdarkly relay proxy evalx (base64 context in path)", R("GET", "/sdk/evalx/%s/contexts/%s?withReasons=true" % (hexs(24), b64url_s(ctx)), 200, SHOP + "/", ua),
      R("GET", "/eval/%s/%s" % (hexs(24), b64url_s(ctx)), 200, SHOP + "/", ua))
S("growthbook features and SSE", R("GET", "/api/features/sdk-" + alnum(16), 200, SHOP + "/", br()), R("GET", "/sub/sdk-" + alnum(16), 200, SHOP + "/", br()))
S("flagsmith identity flags", R("GET", "/api/v1/identities/?identifier=" + ejs("user_1234@example.com"), 200, SHOP + "/", br()))
for i in range(2):
    S("posthog decide/flags", R("POST", "/decide/?v=3&ip=1&_=%d&ver=1.187.2&compression=base64" % (NOW * 1000 + random.randint(0, 999)), 200, SHOP + "/", br()),
      R("GET", "/array/phc_%s/config.js" % alnum(43), 200, SHOP + "/", br()))

# =========================================================== CSP / NEL reports
for path in ["/csp-report", "/api/csp-violation", "/_/csp-reports", "/reports", "/nel", "/api/%d/security/?sentry_key=%s&sentry_environment=production&sentry_release=web%%402025.11.14" % (random.randint(1, 99), hexs(32)),
             "/r/d/csp/enforce", "/coop-report", "/csp-report?source=report-only", "/report-to/default"]:
    S("browser CSP/NEL/COOP report POST", R("POST", path, 204, "-", br()))

# =================================================== browser automatic requests
for i in range(3):
    ua = random.choice([IPHONE, IPAD, SAFARI])
    S("safari touch icons (404, no referer)", *page("https://www.example.org", "/", ua, "-", 200, ("/css/main.css",)),
      R("GET", "/apple-touch-icon-precomposed.png", 404, "-", ua), R("GET", "/apple-touch-icon.png", 404, "-", ua))
for i in range(2):
    ua = random.choice([CHROME_WIN, CHROME_MAC])
    S("chrome password change detection", R("GET", "/.well-known/change-password", 404, "-", ua),
      R("GET", "/.well-known/resource-that-should-not-exist-whose-status-code-should-not-be-200", 404, "-", ua),
      # no change-password page: Chrome's navigation throttle sends the tab to the origin
      *page("https://www.example.org", "/", ua, "-", 200, ("/css/main.css",)))
S("chrome private prefetch proxy", R("GET", "/.well-known/traffic-advice", 404, "-", "Chrome Privacy Preserving Prefetch Proxy"))
S("edge/IE browserconfig", *page("https://www.example.org", "/", EDGE, "-", 200, ("/css/main.css",)), R("GET", "/browserconfig.xml", 404, "-", EDGE))
for i in range(3):
    ua = br()
    S("PWA: service worker, manifest, workbox precache", *page("https://app.example.com", "/", ua, "-", 200, ("/static/js/main.js",)),
      R("GET", "/sw.js", 200, "https://app.example.com/sw.js", ua), R("GET", "/manifest.webmanifest", 200, "https://app.example.com/", ua),
      R("GET", "/index.html?__WB_REVISION__=" + hexs(32), 200, "https://app.example.com/sw.js", ua),
      R("GET", "/offline.html?__WB_REVISION__=" + hexs(20), 200, "https://app.example.com/sw.js", ua))
S("PWA share target", *page("https://app.example.com", "/share-target?" + q_form([("title", "Check this"), ("text", "From the Android share sheet"), ("url", "https://www.example.net/article?id=9")]), ANDROID, "-", 200, ("/static/js/main.js",)))
for i in range(2):
    ua = br()
    S("next.js data prefetch", *page("https://www.example.com", "/products", ua, "https://www.google.com/", 200, ("/_next/static/css/app.css",)),
      R("GET", "/_next/data/%s/en/products/%s.json?slug=%s" % (alnum(21), "trail-runner-2", "trail-runner-2"), 200, "https://www.example.com/products", ua),
      R("GET", "/products/trail-runner-2?_rsc=" + alnum(5, "abcdefghijklmnopqrstuvwxyz0123456789"), 200, "https://www.example.com/products", ua))
S("thunderbird autoconfig lookup", R("GET", "/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=" + ejs("jane@example.com"), 404, "-", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.4.3esr"),
  R("GET", "/mail/config-v1.1.xml?emailaddress=" + ejs("jane@example.com"), 200, "-", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.4.3esr"))
S("thunderbird autoconfig lookup, domain without autoconfig (both 404)", R("GET", "/mail/config-v1.1.xml?emailaddress=" + ejs("pat@example.net"), 404, "-", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.4.3esr"),
  R("GET", "/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=" + ejs("pat@example.net"), 404, "-", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.4.3esr"))
S("gnupg WKD lookup", R("GET", "/.well-known/openpgpkey/hu/%s?l=jane" % alnum(32, "ybndrfg8ejkmcpqxot1uwisza345h769"), 200, "-", "-"))
S("MTA-STS policy fetch", R("GET", "/.well-known/mta-sts.txt", 200, "-", "Google-SMTP-STS"))
for ua in ["node", "python-httpx/0.27.2"]:
    S("MCP client probing OAuth metadata", R("GET", "/.well-known/oauth-protected-resource", 404, "-", ua), R("GET", "/.well-known/oauth-authorization-server", 404, "-", ua), R("POST", "/mcp", 401, "-", ua))
S("global privacy control check", R("GET", "/.well-known/gpc.json", 404, "-", "Mozilla/5.0 (compatible; GPC-checker/1.0)"))
S("firefox favicon (no referer)", *page("https://www.example.org", "/blog/", FF_LNX, "-", 200, ("/css/main.css",)), R("GET", "/favicon.ico", 200, "-", FF_LNX))


# ================================================ additions (second pass)
# regex tester links with the pattern and test string prefilled
RX = "https://regex.example.dev"
for rx, test, flags in [(r'^(\S+) \S+ \S+ \[([^\]]+)\] "(\w+) (\S+) HTTP/[\d.]+" (\d{3}) (\d+|-)$', '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326', "gm"),
                        (r"^(?<year>\d{4})-(?<month>0[1-9]|1[0-2])-(?<day>\d{2})$", "2025-11-14\n2025-13-01", "gm"),
                        (r"[\w.+-]+@[\w-]+\.[\w.-]+", "jane.doe+news@example.co.uk, bob@example", "g"),
                        (r"https?://(?:www\.)?([-a-zA-Z0-9@:%._+~#=]{1,256})\.[a-z]{2,6}\b", "see https://www.example.com/docs and http://example.org", "gi")]:
    ua = dt()
    url = "/?" + q_js([("regex", rx), ("testString", test), ("flags", flags), ("flavor", "pcre2"), ("delimiter", "/")])
    S("regex tester link with pattern and test string", R("GET", url, 200, random.choice(["https://github.com/", "https://stackoverflow.com/", "-"]), ua),
      R("GET", "/static/bundle.%s.js" % hexs(8), 200, RX + url, ua))
# keycloak admin console user search, OIDC claims= and request object (JAR)
for q in ["o'brien", "müller", "j.doe@example.com"]:
    S("keycloak admin console user search", R("GET", "/admin/realms/corp/users?" + q_js([("briefRepresentation", "true"), ("first", "0"), ("max", "11"), ("q", ""), ("search", q)]), 200, SSO + "/admin/master/console/", dt()))
S("OIDC authorize with claims= JSON", R("GET", REALM + "/auth?" + q_form([("client_id", "grants-portal"), ("response_type", "code"), ("scope", "openid profile"), ("redirect_uri", "https://grants.example.org/callback"), ("state", b64url(16)), ("nonce", b64url(16)),
                                                                     ("claims", json.dumps({"id_token": {"acr": {"essential": True, "values": ["urn:mace:incommon:iap:silver"]}, "email": None}}))]), 200, "https://grants.example.org/", dt()))
S("OIDC authorize with request object (JAR)", R("GET", REALM + "/auth?" + q_form([("client_id", "bank-app"), ("response_type", "code"), ("scope", "openid"), ("request", jwt({"iss": "bank-app", "aud": SSO + "/realms/corp", "response_type": "code", "client_id": "bank-app", "redirect_uri": "https://bank.example.com/cb", "scope": "openid accounts", "state": uid(), "nonce": uid(), "max_age": 86400, "claims": {"userinfo": {"openbanking_intent_id": {"value": "urn-alphabank-intent-58923", "essential": True}}}}, alg="PS256"))]), 200, "https://bank.example.com/", SAFARI))
# unexpanded ad/ESP template placeholders (Facebook dynamic URL params shown in previews/organic shares; Mailchimp archive)
S("facebook ad link with unexpanded {{...}} dynamic params", *page(SHOP, "/collections/winter?utm_source=facebook&utm_medium=paid&utm_campaign={{campaign.name}}&utm_content={{ad.name}}&utm_term={{adset.name}}", FB_IAB, "http://m.facebook.com/", 200, ("/cdn/shop/t/12/assets/theme.css",)))
S("mailchimp archive link with unrendered merge tag", *page(SHOP, "/account/preferences?email=*|EMAIL|*&utm_source=newsletter", dt(), "https://us5.campaign-archive.com/", 200, ("/cdn/shop/t/12/assets/theme.css",)))
# long query strings from SPAs batching ids
S("SPA batched product fetch (very long ids list)", R("GET", "/api/v2/products?ids=" + ",".join(str(random.randint(10 ** 6, 10 ** 7)) for _ in range(400)) + "&fields=id,title,price,images&currency=EUR", 200, SHOP + "/wishlist", dt()))
S("mastodon web: relationships for a long follower list", R("GET", "/api/v1/accounts/relationships?" + "&".join("id[]=" + sid() for _ in range(80)) + "&with_suspended=true", 200, MA + "/@alice/followers", dt()))


# ================================================================== writer
def esc(s):
    out = []
    for b in s.encode("utf-8"):
        if b < 0x20 or b in (0x22, 0x5C) or b >= 0x7F:
            out.append("\\x%02X" % b)
        else:
            out.append(chr(b))
    return "".join(out)


def main():
    used = set()
    lines = []
    tsv = []
    t0 = 13 * 3600
    for n, (label, reqs) in enumerate(SOURCES):
        while True:
            ip = "100.%d.%d.%d" % (random.randint(64, 127), random.randint(0, 255), random.randint(1, 254))
            if ip not in used:
                used.add(ip)
                break
        tsv.append(f"{ip}\t{label}")
        t = t0 + int(n * 3500 / len(SOURCES))
        ts = t
        prev = None
        for k, (m, target, st, ref, ua) in enumerate(reqs):
            if k:
                # a page's parts follow it within a second; the next action of a
                # person or program comes a few seconds later
                ts += random.choice([0, 1]) if (prev and ref.endswith(prev)) else random.randint(2, 12)
            prev = target
            hh, mm, ss = ts // 3600, ts % 3600 // 60, ts % 60
            size = 0 if st in (204, 301, 302, 303, 304, 101) else random.randint(300, 60000)
            line = '%s - - [14/Nov/2025:%02d:%02d:%02d +0000] "%s %s HTTP/1.1" %d %d "%s" "%s"' % (ip, hh, mm, ss, m, esc(target), st, size, esc(ref), esc(ua or br()))
            lines.append((ts, n, k, line))
    lines.sort()
    with open(OUT + "/benign.log", "w") as f:
        for *_, l in lines:
            f.write(l + "\n")
    with open(OUT + "/benign.labels", "w") as f:
        for row in tsv:
            ip, what = row.split("\t", 1)
            f.write("%s\tbenign\t%s\n" % (ip, what))
    multi = sum(1 for _, r in SOURCES if len(r) > 1)
    print(f"{len(SOURCES)} sources, {len(lines)} requests, {multi} multi-request sources")


main()
