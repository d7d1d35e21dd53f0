#!/usr/bin/env python3
"""Benign traffic for false-positive review 7 of gatehawk.

Writes benign.log (nginx combined, nginx escaping) and benign.labels
(ADDRESS TAB benign TAB what the source is) next to this script.  Fixed seed.

Families (not covered by reviews 1-6): government / legal portals and open
data (Socrata SoQL, CKAN, eCFR, dockets), banking and insurance front ends,
patient portals, universities and library catalogs (VuFind, Koha, Primo,
Blacklight, SRU/Z39.50 gateways, DOI/ISBN resolvers, arXiv, PubMed
E-utilities), science and maths (Wolfram-style, LaTeX renderers, OEIS,
PubChem/ChEMBL SMILES, UCSC/Ensembl/gnomAD/ClinVar/HGVS coordinates),
programming references and tutorials whose paths name syntax, games and
launchers (Steam, lichess FEN, op.gg, speedrun.com), dating/social search,
classifieds, recipe and forum sites with punctuation-heavy titles,
multilingual sites (RTL, legacy code pages, punycode referers), URL-taking
tools (QR, screenshots, PDF rendering, oEmbed, link previews, validators,
webmention), IPFS/Gemini gateways, blockchain explorers, API gateways with
filter DSLs (RQL, FIQL/RSQL, PostgREST, Parse/Waterline/LoopBack/Feathers
JSON, JSON:API, Stripe search, GitHub search, Algolia, Typesense,
Meilisearch, NocoDB), search-engine syntax in site searches, observability
tools (Sentry, Datadog, New Relic NRQL, Graylog, Sumo Logic, App Insights
KQL, Dynatrace DQL), BI (Tableau, Power BI, Looker, Superset rison, Redash,
Qlik), spreadsheets (Google Sheets gviz tq, Airtable formulas) and geo APIs
(ArcGIS REST where=1=1, GeoServer CQL, Overpass QL, OGC CQL2, Nominatim).
"""
import ipaddress
import os
import random
import string
import urllib.parse as up
from datetime import datetime, timedelta, timezone

OUT = os.path.dirname(os.path.abspath(__file__))
R = random.Random(7_2025_11_14)
T0 = datetime(2025, 11, 14, 13, 0, 0, tzinfo=timezone.utc)

# ---------------------------------------------------------------- user agents
CHROME_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36"
CHROME_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36"
CHROME_LNX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36"
EDGE_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36 Edg/{v}.0.0.0"
FF_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0"
FF_LNX = "Mozilla/5.0 (X11; Linux x86_64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0"
SAFARI_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{v} Safari/605.1.15"
SAFARI_IOS = "Mozilla/5.0 (iPhone; CPU iPhone OS {o} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{v} Mobile/15E148 Safari/604.1"
CHROME_AND = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Mobile Safari/537.36"


def ua(kind=None):
    k = kind or R.choices(["cw", "cm", "cl", "ew", "fw", "fl", "sm", "si", "ca"],
                          [24, 12, 4, 9, 7, 3, 7, 16, 16])[0]
    cv = R.choice([130, 131, 140, 141, 142])
    fv = R.choice([128, 140, 144, 145])
    return {
        "cw": CHROME_WIN.format(v=cv), "cm": CHROME_MAC.format(v=cv),
        "cl": CHROME_LNX.format(v=cv), "ew": EDGE_WIN.format(v=cv),
        "fw": FF_WIN.format(v=fv), "fl": FF_LNX.format(v=fv),
        "sm": SAFARI_MAC.format(v=R.choice(["18.6", "26.0", "26.1"])),
        "si": SAFARI_IOS.format(**dict(zip("ov", R.choice([("18_6_2", "18.6"), ("26_1", "26.1")])))),
        "ca": CHROME_AND.format(v=cv),
    }[k]


def dua():
    return ua(R.choice(["cw", "cw", "cm", "ew", "fw", "fl", "sm", "cl"]))


PYREQ = "python-requests/2.32.3"
CURL = "curl/8.5.0"
NODE = "node"
AXIOS = "axios/1.7.7"
OKHTTP = "okhttp/4.12.0"

# -------------------------------------------------------------------- encoders


def comp(s):
    """encodeURIComponent."""
    return up.quote(s, safe="-_.!~*'()")


def form(s):
    """GET form submission (application/x-www-form-urlencoded)."""
    return up.quote_plus(s, safe="*-._")


def pyq(s):
    """requests / urllib.parse.urlencode values."""
    return up.quote_plus(s, safe="")


def wq(s):
    """WHATWG special-query percent-encode set (typed URL, href, img src)."""
    out = []
    for ch in s:
        if ch in ' "#<>\'' or ord(ch) > 126 or ord(ch) < 33:
            out.append(up.quote(ch, safe=""))
        else:
            out.append(ch)
    return "".join(out)


def wp(s):
    """WHATWG path percent-encode set."""
    out = []
    for ch in s:
        if ch in ' "#<>?^`{}' or ord(ch) > 126 or ord(ch) < 33:
            out.append(up.quote(ch, safe=""))
        else:
            out.append(ch)
    return "".join(out)


def qs(pairs, enc=form):
    return "&".join(f"{k}={enc(v)}" for k, v in pairs)


def hexs(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def b58(n):
    return "".join(R.choice("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz") for _ in range(n))


def alnum(n):
    return "".join(R.choice(string.ascii_letters + string.digits) for _ in range(n))


def size():
    return R.randint(900, 90000)


EXT_REF = ["https://www.google.com/", "https://www.bing.com/", "https://duckduckgo.com/", "-",
           "https://www.google.com/", "https://search.brave.com/", "https://www.ecosia.org/"]

# ------------------------------------------------------------------ scenario
# a scenario returns (label, [ (dt_seconds, method, path, status, size, referer, ua) ... ])


class S:
    def __init__(self, host, u=None, scheme="https"):
        self.host = host
        self.ua = u or ua()
        self.base = f"{scheme}://{host}"
        self.reqs = []
        self.t = 0.0
        self.last = None

    def url(self, path):
        return self.base + path

    def page(self, path, ref=None, status=200, assets=(), first=False):
        if ref is None:
            ref = R.choice(EXT_REF) if (first or self.last is None) else self.url(self.last)
        self.reqs.append((self.t, "GET", path, status, size(), ref, self.ua))
        for a in assets:
            self.t += R.uniform(0.05, 0.6)
            st = 200 if R.random() < 0.8 else 304
            self.reqs.append((self.t, "GET", a, st, size() if st == 200 else 0, self.url(path), self.ua))
        self.last = path
        self.t += R.uniform(2, 20)
        return self

    def xhr(self, path, method="GET", status=200, ref_path=None):
        self.t += R.uniform(0.1, 1.5)
        self.reqs.append((self.t, method, path, status, size(), self.url(ref_path or self.last), self.ua))
        return self

    def api(self, path, method="GET", status=200, u=None, ref="-"):
        self.reqs.append((self.t, method, path, status, size(), ref, u or self.ua))
        self.t += R.uniform(0.5, 30)
        return self


def assets(n=2, prefix="/static"):
    pool = [f"{prefix}/css/site.{hexs(8)}.css", f"{prefix}/js/main.{hexs(8)}.js",
            f"{prefix}/img/logo.svg", "/favicon.ico", f"{prefix}/fonts/inter-var.woff2",
            f"{prefix}/js/vendor.{hexs(8)}.js"]
    return R.sample(pool, n)


SCEN = []


def scen(weight):
    def deco(f):
        SCEN.append((weight, f))
        return f
    return deco


# ================================================================ government
LEGAL_Q = ["42 U.S.C. § 1983", "\"§ 242 StGB\"", "Art. 6 Abs. 1 lit. f DSGVO", "Cal. Civ. Code § 1942.5",
           "section 8(a) \"small business\"", "O'Brien v. Smith, 2023 WL 123456", "Brown v. Board of Education, 347 U.S. 483 (1954)",
           "§§ 823, 826 BGB", "28 CFR 35.130(b)(7)", "Title IX \"sexual harassment\" 34 C.F.R. § 106.30",
           "HRS § 521-42(a)(3)", "N.Y. Gen. Mun. Law § 50-e", "s. 7(1)(b) Data Protection Act 2018"]


@scen(6)
def gov_search():
    s = S(R.choice(["www.justice.gov", "www.courts.ca.gov", "law.cornell.edu", "www.gesetze-im-internet.de",
                    "www.legislation.gov.uk", "ag.ny.gov", "www.courts.state.hi.us"]))
    q = R.choice(LEGAL_Q)
    s.page("/", assets=assets(2), first=True)
    s.page("/search?" + qs([("q", q), ("type", "all")]), assets=assets(1))
    return f"legal search on {s.host}: {q}", s.reqs


@scen(4)
def ecfr():
    s = S("www.ecfr.gov")
    part = R.choice(["title-40/chapter-I/subchapter-C/part-52", "title-21/chapter-I/subchapter-A/part-11",
                     "title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.512", "title-29/subtitle-B/chapter-XVII/part-1910/subpart-Z/section-1910.1200"])
    s.page(f"/current/{part}", assets=assets(2), first=True)
    s.xhr("/api/versioner/v1/structure/current/" + part.split("/")[0] + ".json")
    s.xhr("/api/search/v1/results?" + qs([("query", "\"informed consent\" OR \"authorization\""), ("per_page", "20"), ("order", "relevance")], comp))
    return "eCFR reader with structure and search XHR", s.reqs


@scen(4)
def fedreg():
    s = S("www.federalregister.gov")
    q = R.choice(["\"clean air act\" AND ozone", "PFAS -\"drinking water\"", "medicare (telehealth OR telemedicine)"])
    s.page("/documents/search?" + "conditions%5Bterm%5D=" + form(q) + "&conditions%5Bagencies%5D%5B%5D=environmental-protection-agency&conditions%5Btype%5D%5B%5D=RULE",
           assets=assets(2), first=True)
    d = f"/documents/2025/{R.randint(1,11):02d}/{R.randint(1,28):02d}/2025-{R.randint(10000,22000)}/air-plan-approval-california-south-coast-air-quality-management-district"
    s.page(d, assets=assets(1))
    return f"Federal Register boolean search: {q}", s.reqs


@scen(5)
def docket():
    s = S(R.choice(["ecf.nysd.uscourts.gov", "portal-nc.tylertech.cloud", "www.courtlistener.com", "eapps.courts.state.va.us"]))
    case = R.choice(["1:23-cv-04567-JPO", "2024-CV-001234", "CR-2025-0881", "24STCV12345", "3:25-bk-10234"])
    party = R.choice(["O'Brien", "D'Angelo Holdings, LLC", "Smith & Wesson Brands, Inc.", "Müller-Lüdenscheidt"])
    if "courtlistener" in s.host:
        s.page("/?" + qs([("q", f"docketNumber:\"{case}\" AND caseName:(\"{party}\")"), ("type", "r"), ("order_by", "score desc")]), assets=assets(2), first=True)
        s.xhr("/api/rest/v4/search/?" + qs([("q", f"docketNumber:\"{case}\""), ("type", "r")], comp))
    else:
        s.page("/case-search", assets=assets(2), first=True)
        s.page("/case-search/results?" + qs([("caseNumber", case), ("partyName", party), ("dateFiled", "01/01/2024-11/14/2025")]), assets=assets(1))
    return f"court docket lookup {case} / {party}", s.reqs


LONG_TEXT = [
    "My landlord said \"no pets allowed\" after I signed the lease; the lease (page 3, § 4) says otherwise. What are my rights?",
    "On 10/03/2025 at approx. 4:30 pm a truck hit the curb at Oak St & 5th Ave -- the sign is still down (see photo #2).",
    "Noise complaint: bar at 123 O'Farrell St plays music >85 dB after 2 a.m. every Fri/Sat; I've called 311 three times.",
    "Request under 5 U.S.C. § 552 for all records re: contract #GS-35F-0119Y, incl. emails 'to' or 'from' the CO; 1/1/2023 - present.",
]


@scen(6)
def gov_form():
    s = S(R.choice(["311.boston.gov", "www.nyc.gov", "foia.state.gov", "www.consumerfinance.gov", "www.usa.gov"]))
    s.page("/", assets=assets(2), first=True)
    s.page("/report/new?category=" + form(R.choice(["Street Light Outage", "Noise - Commercial", "FOIA Request", "Complaint"])), assets=assets(1))
    s.xhr("/api/v1/address/suggest?" + qs([("q", R.choice(["123 O'Farrell St", "5th Ave & Oak St", "1 Dr. Martin Luther King Jr. Blvd"]))], comp))
    s.xhr("/report/new", method="POST", status=302)
    s.page("/report/confirmation?id=" + f"SR-{R.randint(1000000,9999999)}", ref=s.url("/report/new"))
    return "public-sector web form: address autocomplete, free-text POST", s.reqs


@scen(4)
def gov_searchtext():
    s = S(R.choice(["www.consumerfinance.gov", "www.ftc.gov", "www.hud.gov"]))
    t = R.choice(LONG_TEXT)
    s.page("/data-research/consumer-complaints/search/?" + qs([("searchText", t), ("searchField", "complaint_what_happened"), ("date_received_min", "2024-11-14")]),
           assets=assets(2), first=True)
    s.xhr("/data-research/consumer-complaints/search/api/v1/?" + qs([("search_term", t), ("field", "complaint_what_happened"), ("size", "25"), ("sort", "relevance_desc")], comp))
    return "complaint database free-text search", s.reqs


# ------------------------------------------------------------ open data
SOQL = [
    [("$where", "date > '2024-01-01T00:00:00' AND within_circle(location, 47.59, -122.33, 500)"), ("$order", "date DESC"), ("$limit", "1000")],
    [("$select", "borough, count(*) AS n"), ("$group", "borough"), ("$order", "n DESC")],
    [("$query", "SELECT * WHERE complaint_type = 'Noise - Residential' AND created_date >= '2025-10-01' LIMIT 500")],
    [("$where", "starts_with(address, '12') AND status in('OPEN','PENDING')"), ("$limit", "50")],
    [("$q", "O'Hare"), ("$select", ":*, *")],
]


@scen(7)
def socrata():
    host = R.choice(["data.cityofchicago.org", "data.seattle.gov", "data.cityofnewyork.us", "data.sfgov.org"])
    res = f"/resource/{alnum(4).lower()}-{alnum(4).lower()}.json?"
    p = R.choice(SOQL)
    if R.random() < 0.5:
        s = S(host, PYREQ)
        s.api(res + qs(p, pyq))
        s.api(res + qs(p + [("$offset", "1000")], pyq))
        return "Socrata SoQL pulled by python-requests", s.reqs
    s = S(host)
    s.page(f"/Public-Safety/Crimes-2001-to-Present/{alnum(4).lower()}-{alnum(4).lower()}/data_preview", assets=assets(2), first=True)
    s.xhr(res + qs(p, comp))
    return "Socrata data preview issuing SoQL", s.reqs


@scen(3)
def ckan():
    s = S(R.choice(["catalog.data.gov", "data.gov.uk", "open.canada.ca", "www.govdata.de"]), R.choice([PYREQ, CURL]))
    s.api("/api/3/action/package_search?" + qs([("q", R.choice(["tags:transport AND res_format:CSV", "title:\"air quality\"", "organization:epa-gov"])),
                                                ("fq", "metadata_modified:[2024-01-01T00:00:00Z TO NOW]"), ("rows", "100")], pyq))
    return "CKAN package_search API", s.reqs


# ================================================================ banking / insurance
@scen(7)
def bank():
    s = S(R.choice(["secure.chase.com", "online.citi.com", "www.bankofamerica.com", "banking.ing.de", "app.monzo.com", "online.firstcu.org"]))
    acct = f"{R.randint(1000,9999)}"
    s.page("/web/auth/dashboard", assets=assets(2), first=True, ref="-")
    q = R.choice([
        [("accountId", "****" + acct), ("from", "2025-10-01"), ("to", "2025-10-31"), ("minAmount", "100.00"), ("maxAmount", "2500")],
        [("acct", "XXXX-XXXX-" + acct), ("q", "AMZN Mktp US*2K4LP9"), ("type", "debit")],
        [("filter[amount][gte]", "-50"), ("filter[amount][lte]", "0"), ("filter[date][between]", "2025-09-01,2025-09-30"), ("sort", "-postedDate")],
        [("q", "rent & utilities"), ("amount", ">=1200"), ("range", "last90days")],
        [("search", "PAYPAL *STEAM GAMES"), ("dateRange", "01/01/2025 - 11/14/2025")],
    ])
    s.xhr("/api/v2/accounts/transactions?" + qs(q, comp))
    s.xhr(f"/api/v2/accounts/{hexs(8)}/statements/2025-10.pdf?download=true")
    return "online banking transaction search (masked account, amount/date filters)", s.reqs


@scen(4)
def bank_app():
    s = S(R.choice(["mobile.chase.com", "api.revolut.com", "api.n26.com"]),
          R.choice(["Chase/5.62.0 (iPhone; iOS 18.6.2; Scale/3.00)", "Revolut/10.72 (com.revolut.revolut; build:1072001; Android 14) okhttp/4.12.0",
                    "N26/3.112.0 (Android 15; Pixel 8)"]))
    s.api(f"/v1/transactions?from=2025-11-01T00%3A00%3A00Z&to=2025-11-14T23%3A59%3A59Z&count=50&category=groceries%7Crestaurants")
    s.api(f"/v1/cards/****{R.randint(1000,9999)}/limits".replace("*", "%2A"))
    return "banking mobile app API", s.reqs


@scen(5)
def insurance():
    s = S(R.choice(["www.progressive.com", "www.geico.com", "quote.allianz.de", "www.statefarm.com", "www.lemonade.com"]))
    s.page("/auto/quote/start", assets=assets(2), first=True)
    veh = R.choice(["2019 Honda CR-V EX-L", "2021 Toyota RAV4 XLE (Hybrid)", "2016 Ford F-150 XLT 4x4", "2023 Tesla Model 3 Long Range AWD"])
    s.xhr("/api/vehicles/lookup?" + qs([("year", veh[:4]), ("q", veh[5:])], comp))
    s.xhr("/api/quote/step", method="POST")
    s.page("/auto/quote/coverages?" + qs([("zip", "02139"), ("liability", "100/300/100"), ("deductible", "$500"), ("um", "100/300")]))
    return "insurance quote flow (vehicle lookup, 100/300/100 limits)", s.reqs


@scen(3)
def claims():
    s = S(R.choice(["claims.aetna.com", "my.allstate.com", "portal.aviva.co.uk"]))
    c = f"CLM-2025-{R.randint(100000,999999)}"
    s.page(f"/claims/{c}", assets=assets(2), first=True, ref="-")
    s.xhr(f"/claims/{c}/documents?" + qs([("type", "EOB"), ("from", "2025-01-01"), ("to", "2025-11-14")], comp))
    s.page(f"/claims/{c}/documents/EOB_{c}_2025-10-31.pdf")
    return "insurance claim documents", s.reqs


@scen(3)
def fx():
    s = S(R.choice(["api.frankfurter.app", "open.er-api.com", "api.exchangerate.host"]), R.choice([PYREQ, AXIOS, CURL]))
    s.api("/latest?base=EUR&symbols=USD,GBP,CHF,JPY")
    s.api("/2025-01-01..2025-11-14?from=USD&to=EUR")
    return "FX rate API", s.reqs


# ================================================================ healthcare
@scen(6)
def mychart():
    s = S(R.choice(["mychart.clevelandclinic.org", "mychart.ucsf.edu", "patient.kp.org", "mychart.nm.org"]))
    s.page("/MyChart/Home/", assets=assets(2, "/MyChart/en-US"), first=True, ref="-")
    s.page("/MyChart/app/test-results?" + qs([("filter", R.choice(["HbA1c (glycated hemoglobin)", "CBC w/ Auto Diff", "Lipid Panel, Fasting", "TSH + Free T4"]))]))
    s.xhr("/MyChart/api/test-results/GetList?" + qs([("from", "11/14/2024"), ("to", "11/14/2025"), ("orderBy", "date desc")], comp), method="POST")
    s.page(f"/MyChart/app/messages/compose?recipient={R.randint(100000,999999)}&subject=" + form("Re: Rx refill - amoxicillin/clavulanate 875-125 mg"))
    return "MyChart patient portal", s.reqs


@scen(5)
def find_doctor():
    s = S(R.choice(["www.mayoclinic.org", "doctors.hopkinsmedicine.org", "www.zocdoc.com", "findcare.bcbs.com"]))
    q = [("specialty", R.choice(["Ob/Gyn", "Ear, Nose & Throat (ENT)", "Allergy & Immunology", "Physical Medicine & Rehab"])),
         ("insurance", R.choice(["Blue Cross Blue Shield - PPO", "Aetna (HMO)", "UnitedHealthcare Choice Plus"])),
         ("distance", "25"), ("zip", "21205"), ("lang", "Español")]
    s.page("/find-a-doctor/results?" + qs(q), assets=assets(2), first=True)
    s.page(f"/doctors/{R.choice(['maria-o-connor-md', 'james-d-angelo-do', 'li-wei-phd'])}-{R.randint(1000,9999)}")
    return "find-a-doctor search", s.reqs


@scen(4)
def druginfo():
    s = S(R.choice(["www.drugs.com", "medlineplus.gov", "www.webmd.com", "dailymed.nlm.nih.gov"]))
    d = R.choice(["acetaminophen/hydrocodone 5mg/325mg", "amoxicillin & clavulanate potassium", "Tylenol PM (diphenhydramine + acetaminophen)", "insulin glargine-yfgn"])
    s.page("/search.php?" + qs([("searchterm", d)]), assets=assets(2), first=True)
    s.page("/interactions-check.php?drug_list=" + "2155-0,1025-1344,3345-0")
    return f"drug info search: {d}", s.reqs


@scen(3)
def icd():
    s = S(R.choice(["icd.who.int", "www.icd10data.com", "clinicaltables.nlm.nih.gov"]), R.choice([None, AXIOS]))
    if s.ua == AXIOS:
        s.api("/api/icd10cm/v3/search?" + qs([("sf", "code,name"), ("terms", "E11.6"), ("maxList", "20")], pyq))
        return "ICD-10 lookup API", s.reqs
    s.page("/search?" + qs([("q", R.choice(["E11.65", "type 2 diabetes w/ hyperglycemia", "S52.5- fracture of lower end of radius"]))]), assets=assets(2), first=True)
    return "ICD-10 code search", s.reqs


# ================================================================ universities / libraries
@scen(5)
def course_catalog():
    s = S(R.choice(["catalog.mit.edu", "courses.illinois.edu", "classes.berkeley.edu", "www.coursicle.com", "registrar.stanford.edu"]))
    code = R.choice(["CS-101", "MATH 2410", "CHEM 1A", "ECON-E 201", "6.006", "CS/ECE 374", "PHYS 7A/7B"])
    s.page("/search?" + qs([("q", code), ("term", "Spring 2026"), ("open", "true")]), assets=assets(2), first=True)
    s.page("/courses/" + wp(code.replace(" ", "-").replace("/", "-")).lower())
    s.xhr("/api/sections?" + qs([("course", code), ("term", "2262")], comp))
    return f"course catalog search {code}", s.reqs


LIB_Q = ["title:(machine learning OR \"deep learning\") AND author:\"Bishop\"",
         "subject:\"Civil War, 1861-1865\" NOT juvenile", "ti:\"war and peace\" AND au:tolstoy",
         "isbn:9780262046305", "author:(O'Brien, Tim) title:\"things they carried\"",
         "(climate OR \"global warming\") AND policy* AND yr:[2015 TO 2025]"]


@scen(6)
def vufind():
    host = R.choice(["catalog.library.cornell.edu", "search.lib.virginia.edu", "vufind.carli.illinois.edu", "library.brown.edu"])
    s = S(host)
    q = R.choice(LIB_Q)
    if "cornell" in host or "virginia" in host:
        s.page("/catalog?" + "q=" + form(q) + "&search_field=all_fields&f%5Bformat%5D%5B%5D=Book", assets=assets(2), first=True)
        s.page(f"/catalog/{R.randint(1000000,16000000)}")
        return "Blacklight catalog boolean search", s.reqs
    s.page("/Search/Results?" + qs([("lookfor", q), ("type", "AllFields"), ("limit", "20")]), assets=assets(2), first=True)
    s.page(f"/Record/{R.randint(100000,9999999)}/Details#tabnav".split("#")[0])
    s.xhr(f"/AJAX/JSON?method=getItemStatuses&id%5B%5D={R.randint(100000,999999)}")
    return "VuFind boolean search", s.reqs


@scen(4)
def koha():
    s = S(R.choice(["catalogue.library.example-univ.ac.uk", "opac.pls.lib.ca.us", "koha.rcpl.info"]), scheme="https")
    s.page("/cgi-bin/koha/opac-search.pl?" + qs([("idx", "kw"), ("q", R.choice(["ti,phr:\"war and peace\"", "au:tolkien and ti:hobbit", "su-to:cooking not au:oliver"])),
                                                ("sort_by", "relevance"), ("limit", "available")]), assets=assets(2, "/opac-tmpl"), first=True)
    s.page(f"/cgi-bin/koha/opac-detail.pl?biblionumber={R.randint(1000,400000)}&query_desc=kw%2Cwrdl%3A%20tolkien")
    return "Koha OPAC CCL search", s.reqs


@scen(4)
def primo():
    s = S(R.choice(["search.library.wisc.edu", "tufts.primo.exlibrisgroup.com", "ucl-primo.hosted.exlibrisgroup.com"]))
    q = R.choice(["any,contains,climate change", "title,exact,\"The origin of species\"", "creator,contains,O'Connor, Flannery"])
    s.page("/discovery/search?" + "query=" + comp(q) + "&tab=Everything&search_scope=MyInst_and_CI&vid=01UNI_INST:01UNI&offset=0", assets=assets(2), first=True)
    s.xhr("/primaws/rest/pub/pnxs?" + qs([("blendFacetsSeparately", "false"), ("q", q), ("scope", "MyInst_and_CI"), ("vid", "01UNI_INST:01UNI"), ("lang", "en")], comp))
    return "Primo VE discovery search", s.reqs


@scen(3)
def sru():
    s = S(R.choice(["lx2.loc.gov:210", "z3950.bl.uk", "sru.k10plus.de"]), R.choice(["MarcEdit 7.6 (via .NET)", PYREQ, "YAZ 5.34.0"]))
    s.api("/LCDB?" + qs([("version", "1.1"), ("operation", "searchRetrieve"), ("query", R.choice(["dc.title=\"origin of species\" and dc.creator=darwin", "bath.isbn=0066620996", "dc.subject any \"cookery french\""])),
                         ("maximumRecords", "10"), ("recordSchema", "marcxml")], pyq))
    return "SRU / Z39.50 gateway query from a cataloguing client", s.reqs


@scen(3)
def zgate():
    s = S(R.choice(["www.loc.gov", "catalog.hathitrust.org", "copac.jisc.ac.uk"]))
    s.page("/cgi-bin/Pwebrecon.cgi?" + qs([("DB", "local"), ("Search_Arg", R.choice(["0066620996", "darwin charles 1809-1882", "\"moby dick\""])), ("Search_Code", "FT*"), ("CNT", "25")]), assets=assets(1), first=True)
    s.page(f"/cgi-bin/Pwebrecon.cgi?v3=1&DB=local&CMD=010a+{R.randint(10000000,99999999)}&CNT=10+records+per+page")
    return "legacy Voyager Pwebrecon catalog", s.reqs


DOIS = ["10.1016/S0140-6736(20)30183-5", "10.1002/(SICI)1097-4636(199706)35:4<529::AID-JBM10>3.0.CO;2-A",
        "10.1175/1520-0469(1963)020<0130:DNF>2.0.CO;2", "10.1038/s41586-020-2649-2", "10.1103/PhysRevLett.116.061102",
        "10.1007/978-3-030-58452-8_13", "10.1093/nar/gkab1112", "10.1145/3297858.3304028"]


@scen(6)
def doi():
    d = R.choice(DOIS)
    if R.random() < 0.5:
        s = S("doi.org")
        s.page("/" + wp(d), status=302, ref=R.choice(["https://scholar.google.com/", "https://en.wikipedia.org/", "https://pubmed.ncbi.nlm.nih.gov/"]))
        return f"doi.org resolve {d}", s.reqs
    s = S("api.crossref.org", R.choice(["Zotero/7.0.11", "python-requests/2.32.3 (mailto:lab@uni.edu)", "habanero/1.2.6"]))
    s.api("/works/" + up.quote(d, safe="") + "?mailto=lab%40uni.edu")
    s.api("/works?" + qs([("query.bibliographic", "Attention is all you need Vaswani 2017"), ("rows", "5")], pyq))
    return f"Crossref metadata lookup {d}", s.reqs


@scen(3)
def isbn():
    s = S(R.choice(["openlibrary.org", "isbnsearch.org", "www.worldcat.org"]))
    i = R.choice(["978-0-13-468599-1", "0-306-40615-2", "9780262046305", "979-10-90636-07-1"])
    s.page("/isbn/" + i, status=R.choice([200, 302]), first=True, assets=assets(1))
    s.xhr("/search.json?" + qs([("q", "isbn:" + i.replace("-", ""))], comp))
    return "ISBN resolver", s.reqs


@scen(5)
def arxiv():
    if R.random() < 0.5:
        s = S("export.arxiv.org", R.choice([PYREQ, "arxiv.py/2.1.3", "Zotero/7.0.11"]))
        s.api("/api/query?" + "search_query=" + R.choice(["ti:%22attention%22+AND+cat:cs.CL", "au:del_maestro+ANDNOT+%28ti:checkerboard+OR+ti:Pyrochlore%29", "abs:%22large+language+model%22+AND+submittedDate:%5B202401010000+TO+202512312359%5D"]) + "&start=0&max_results=50&sortBy=submittedDate&sortOrder=descending")
        return "arXiv API query", s.reqs
    s = S("arxiv.org")
    s.page("/list/cs.CR/recent", assets=assets(2), first=True)
    s.page(f"/abs/25{R.randint(1,11):02d}.{R.randint(10000,19999)}v2", assets=assets(1))
    s.page("/search/?" + qs([("query", "\"retrieval-augmented\" AND (hallucination OR faithfulness)"), ("searchtype", "all"), ("source", "header")]))
    return "arXiv listing, abstract and search", s.reqs


PUBMED = ["(covid-19[tiab] OR sars-cov-2[tiab]) AND vaccine[mh]", "asthma[mesh] AND child*[tiab] NOT review[pt]",
          "\"Smith J\"[au] AND 2020:2025[dp]", "BRCA1[gene] AND \"breast neoplasms\"[MeSH Terms]",
          "metformin AND (aging OR longevity) AND humans[mh]"]


@scen(6)
def pubmed():
    t = R.choice(PUBMED)
    if R.random() < 0.5:
        s = S("eutils.ncbi.nlm.nih.gov", R.choice([PYREQ, "Biopython/1.84", "rentrez/1.2.3"]))
        s.api("/entrez/eutils/esearch.fcgi?" + qs([("db", "pubmed"), ("term", t), ("retmax", "200"), ("usehistory", "y"), ("tool", "biopython"), ("email", "lab@uni.edu")], pyq))
        s.api("/entrez/eutils/efetch.fcgi?db=pubmed&query_key=1&WebEnv=MCID_" + hexs(24) + "&retmode=xml&retstart=0&retmax=200")
        return "PubMed E-utilities search", s.reqs
    s = S("pubmed.ncbi.nlm.nih.gov")
    s.page("/?" + qs([("term", t), ("filter", "years.2020-2025"), ("sort", "date")]), assets=assets(2), first=True)
    s.page(f"/{R.randint(30000000,41000000)}/")
    return "PubMed field-tag search", s.reqs


@scen(3)
def scholar():
    s = S(R.choice(["www.semanticscholar.org", "scholar.archive.org", "www.base-search.net"]))
    s.page("/search?" + qs([("q", R.choice(["author:\"Hinton\" \"deep belief\"", "intitle:transformer -survey", "\"O'Neil\" AND \"weapons of math destruction\""]))]), assets=assets(2), first=True)
    return "scholarly search with field syntax", s.reqs


# ================================================================ science / maths
MATH_Q = ["integrate x^2 sin(x) dx", "solve x^2+y^2<=1 for y", "limit (1+1/n)^n as n->infinity",
          "derivative of e^(x^2) * ln(x)", "plot |x|<3 && |y|<2", "100 km/h to mph", "sum 1/k^2, k=1 to infinity",
          "{{1,2},{3,4}} . {{0,1},{1,0}}", "is 2^61-1 prime?", "x == 3 || x == -3"]


@scen(7)
def wolfram():
    s = S(R.choice(["www.wolframalpha.com", "www.symbolab.com", "www.mathway.com", "www.desmos.com"]))
    q = R.choice(MATH_Q)
    if "wolfram" in s.host:
        s.page("/input?i=" + form(q), assets=assets(2), first=True)
        s.xhr("/n/v1/api/autocomplete/?" + "i=" + comp(q) + "&appid=" + alnum(8))
    elif "symbolab" in s.host:
        s.page("/solver/step-by-step/" + comp(R.choice(["\\frac{d}{dx}\\left(x^{2}\\sin(x)\\right)", "\\int_{0}^{\\pi}\\sin(x)dx", "x^{2}+y^{2}\\le1"])), assets=assets(2), first=True)
    else:
        s.page("/calculator/" + alnum(10).lower(), assets=assets(2), first=True)
    return f"maths solver: {q}", s.reqs


@scen(5)
def latex_img():
    host = R.choice(["latex.codecogs.com", "math.vercel.app", "i.upmath.me", "chart.googleapis.com"])
    ref = R.choice(["https://forum.math-lab.org/t/help-with-series/4821", "https://github.com/", "https://notes.physics.example.edu/week3"])
    s = S(host)
    f = R.choice(["\\frac{a}{b}", "\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}", "e^{i\\pi}+1=0", "\\int_0^\\infty e^{-x^2}dx=\\frac{\\sqrt{\\pi}}{2}", "\\mathbf{F}=m\\mathbf{a}"])
    if host == "latex.codecogs.com":
        p = "/svg.image?" + comp(f)
    elif host == "math.vercel.app":
        p = "/?from=" + comp(f) + ".svg&color=black"
    elif host == "i.upmath.me":
        p = "/svg/" + comp(f)
    else:
        p = "/chart?cht=tx&chl=" + comp(f)
    s.reqs.append((0, "GET", p, 200, size(), ref, s.ua))
    s.reqs.append((0.3, "GET", p.replace("\\frac", "\\dfrac") if "frac" in p else p, 200, size(), ref, s.ua))
    return "LaTeX formula image embedded in a third-party page", s.reqs


@scen(3)
def oeis():
    s = S("oeis.org")
    q = R.choice(["1,1,2,3,5,8,13", "id:A000045", "1,2,6,24,120 keyword:nice", "\"Catalan numbers\" -keyword:dead"])
    s.page("/search?" + qs([("q", q), ("fmt", "short")]), assets=assets(1), first=True)
    s.page("/A000108")
    return "OEIS sequence search", s.reqs


SMILES = ["C1=CC=CC=C1", "CC(=O)OC1=CC=CC=C1C(=O)O", "C[C@@H](C(=O)O)N", "CN1C=NC2=C1C(=O)N(C(=O)N2C)C",
          "OC[C@H]1OC(O)[C@H](O)[C@@H](O)[C@@H]1O", "C#N", "[NH4+].[Cl-]", "CC(C)CC1=CC=C(C=C1)C(C)C(=O)O", "O=C(O)c1ccccc1O"]


@scen(7)
def chem():
    sm = R.choice(SMILES)
    r = R.random()
    if r < 0.35:
        s = S("pubchem.ncbi.nlm.nih.gov", R.choice([PYREQ, "PubChemPy/1.0.4", "RDKit/2024.09 python-requests/2.32.3"]))
        s.api("/rest/pug/compound/smiles/" + up.quote(sm, safe="") + "/property/MolecularFormula,MolecularWeight,InChIKey/JSON")
        return f"PubChem PUG REST by SMILES {sm}", s.reqs
    if r < 0.6:
        s = S("www.ebi.ac.uk", PYREQ)
        s.api("/chembl/api/data/molecule?" + qs([("molecule_structures__canonical_smiles__flexmatch", sm), ("format", "json")], pyq))
        s.api("/chembl/api/data/similarity/" + up.quote(sm, safe="") + "/70.json")
        return f"ChEMBL SMILES search {sm}", s.reqs
    s = S(R.choice(["pubchem.ncbi.nlm.nih.gov", "www.chemspider.com", "molview.org", "www.rcsb.org"]))
    if "molview" in s.host:
        s.page("/?smiles=" + wq(sm), assets=assets(2), first=True)
    elif "rcsb" in s.host:
        s.page("/search?request=" + comp('{"query":{"type":"terminal","service":"chemical","parameters":{"value":"' + sm + '","type":"descriptor","descriptor_type":"SMILES","match_type":"graph-relaxed"}},"return_type":"entry"}'), assets=assets(2), first=True)
    else:
        s.page("/#query=" .split("#")[0] + "?smiles=" + comp(sm), assets=assets(2), first=True)
        s.xhr("/rest/pug/compound/fastidentity/smiles/property/Title,MolecularFormula/JSON?smiles=" + comp(sm))
    return f"chemistry structure search in a browser {sm}", s.reqs


GENOME = ["chr1:12345-67890", "chr17:7,661,779-7,687,538", "chrX:153,724,856-153,724,900", "chr7:117559590-117559600"]


@scen(7)
def genome():
    r = R.random()
    if r < 0.3:
        s = S("genome.ucsc.edu")
        s.page("/cgi-bin/hgTracks?" + qs([("db", "hg38"), ("position", R.choice(GENOME)), ("hgsid", f"{R.randint(100000000,999999999)}_{alnum(28)}")]), assets=assets(2), first=True)
        s.page("/cgi-bin/hgc?hgsid=1&c=chr17&l=7661778&r=7687538&o=7661778&t=7687538&g=knownGene&i=ENST00000269305.9")
        return "UCSC genome browser", s.reqs
    if r < 0.5:
        s = S("rest.ensembl.org", R.choice([PYREQ, "Bio::EnsEMBL::REST/1.0 Perl", CURL]))
        s.api("/overlap/region/human/" + R.choice(["17:7661779-7687538", "X:1000000..1001000:1", "7:140453136-140453136:1"]) + "?feature=gene;feature=transcript;content-type=application/json")
        s.api("/vep/human/hgvs/" + up.quote(R.choice(["NM_000546.6:c.215C>G", "ENST00000366667:c.803C>T", "9:g.22125504G>C"]), safe=":") + "?content-type=application/json")
        return "Ensembl REST overlap + HGVS VEP", s.reqs
    if r < 0.7:
        s = S("gnomad.broadinstitute.org")
        v = R.choice(["1-55051215-G-GA", "17-43045712-T-C", "X-153724856-C-T"])
        s.page(f"/variant/{v}?dataset=gnomad_r4", assets=assets(2), first=True)
        s.xhr("/api/", method="POST")
        return "gnomAD variant page", s.reqs
    if r < 0.85:
        s = S("www.ncbi.nlm.nih.gov")
        s.page("/clinvar/?" + qs([("term", R.choice(["BRCA1[gene] AND \"pathogenic\"[clinsig]", "NM_000492.4(CFTR):c.1521_1523del (p.Phe508del)", "rs80357906"]))]), assets=assets(2), first=True)
        s.page(f"/clinvar/variation/{R.randint(10000,900000)}/")
        return "ClinVar search", s.reqs
    s = S("mutalyzer.nl")
    h = R.choice(["NM_003002.2:c.274G>T", "NC_000023.11(NM_004006.2):c.3921del", "NM_000546.6:c.215C>G"])
    s.page("/normalizer/" + wp(h), assets=assets(2), first=True)
    s.xhr("/api/normalize/" + up.quote(h, safe=""))
    return f"HGVS normalizer {h}", s.reqs


@scen(3)
def unitconv():
    s = S(R.choice(["www.unitconverters.net", "www.calculator.net", "www.rapidtables.com"]))
    s.page("/scientific-calculator.html?" + qs([("expr", R.choice(["sqrt(2)*pi/4", "5 ft 11 in to cm", "(3+4)*2^3 - 1/3", "sin(30°)+cos(60°)"]))]), assets=assets(2), first=True)
    return "calculator with expression in query", s.reqs


# ================================================================ programming references
DOC_PAGES = [
    ("developer.mozilla.org", ["/en-US/docs/Web/HTML/Element/script", "/en-US/docs/Web/API/Document/cookie", "/en-US/docs/Web/JavaScript/Reference/Global_Objects/eval",
                               "/en-US/docs/Web/API/Window/alert", "/en-US/docs/Web/HTML/Element/iframe", "/en-US/docs/Web/JavaScript/Reference/Template_literals",
                               "/en-US/docs/Web/API/Element/innerHTML", "/en-US/docs/Web/API/Window/postMessage", "/en-US/docs/Web/HTTP/Headers/Content-Security-Policy/script-src",
                               "/en-US/docs/Web/API/Document/write", "/en-US/docs/Web/JavaScript/Reference/Global_Objects/Function/Function"]),
    ("www.w3schools.com", ["/sql/sql_union.asp", "/sql/sql_injection.asp", "/tags/tag_script.asp", "/js/js_htmldom.asp", "/php/func_filesystem_file_get_contents.asp",
                           "/tags/tryit.asp?filename=tryhtml_script", "/js/tryit.asp?filename=tryjs_alert", "/sql/trysql.asp?filename=trysql_select_union",
                           "/sql/func_mysql_sleep.asp", "/sql/sql_select.asp", "/xml/xpath_syntax.asp", "/php/php_includes.asp"]),
    ("cheatsheetseries.owasp.org", ["/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html", "/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html",
                                    "/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html", "/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html"]),
    ("www.postgresql.org", ["/docs/current/sql-select.html", "/docs/current/functions-info.html", "/docs/17/sql-copy.html", "/docs/current/queries-union.html"]),
    ("dev.mysql.com", ["/doc/refman/8.4/en/union.html", "/doc/refman/8.4/en/information-schema-tables-table.html", "/doc/refman/8.4/en/load-data.html"]),
    ("www.gnu.org", ["/software/bash/manual/html_node/Command-Substitution.html", "/software/bash/manual/html_node/Shell-Parameter-Expansion.html",
                     "/software/bash/manual/html_node/Redirections.html", "/software/coreutils/manual/html_node/tee-invocation.html"]),
    ("ss64.com", ["/bash/syntax-substitution.html", "/bash/eval.html", "/nt/cmd.html", "/ps/invoke-expression.html", "/bash/nc.html", "/bash/wget.html", "/nt/certutil.html"]),
    ("docs.python.org", ["/3/library/subprocess.html", "/3/library/os.html", "/3/library/pickle.html", "/3/library/functions.html", "/3/reference/import.html"]),
    ("www.php.net", ["/manual/en/function.exec.php", "/manual/en/function.system.php", "/manual/en/function.include.php", "/manual/en/function.unserialize.php",
                     "/manual/en/function.passthru.php", "/manual/en/wrappers.php.php", "/manual/en/function.base64-decode.php"]),
    ("jinja.palletsprojects.com", ["/en/stable/templates/", "/en/stable/sandbox/"]),
    ("tldp.org", ["/LDP/abs/html/commandsub.html", "/LDP/abs/html/io-redirection.html", "/LDP/abs/html/special-chars.html"]),
    ("learn.microsoft.com", ["/en-us/powershell/module/microsoft.powershell.utility/invoke-expression", "/en-us/windows-server/administration/windows-commands/certutil",
                             "/en-us/sql/t-sql/functions/openrowset-transact-sql", "/en-us/sql/relational-databases/system-stored-procedures/xp-cmdshell-transact-sql"]),
    ("portswigger.net", ["/web-security/sql-injection/union-attacks", "/web-security/cross-site-scripting/cheat-sheet", "/web-security/ssrf", "/web-security/file-path-traversal"]),
    ("devhints.io", ["/bash", "/mysql", "/jinja", "/xpath"]),
    ("kapeli.com", ["/cheat_sheets/Bash_Test_Operators.docset/Contents/Resources/Documents/index"]),
]


@scen(22)
def docs():
    host, pages = R.choice(DOC_PAGES)
    s = S(host)
    p1 = R.choice(pages)
    s.page(p1, assets=assets(2), first=True)
    if R.random() < 0.6:
        p2 = R.choice(pages)
        s.page(p2, assets=assets(1))
    return f"programming reference {host}", s.reqs


DOC_SEARCH = [
    ("developer.mozilla.org", "/en-US/search?q=", ["<script> defer", "document.cookie SameSite", "innerHTML vs textContent", "${} template literal", "a?.b ?? c"]),
    ("www.php.net", "/search.php?show=quickref&pattern=", ["mysqli_real_escape_string", "$_SERVER['HTTP_HOST']", "<?= short tag", "exec()"]),
    ("docs.python.org", "/3/search.html?check_keywords=yes&area=default&q=", ["subprocess.run(shell=True)", "os.system", "f\"{x!r}\"", "__import__"]),
    ("www.gnu.org", "/cgi-bin/search?q=", ["$(command)", "2>&1", "${var:-default}"]),
    ("docs.djangoproject.com", "/en/5.1/search/?q=", ["{% csrf_token %}", "{{ value|safe }}", "QuerySet.raw()"]),
    ("shopify.dev", "/search?q=", ["{{ product.title | escape }}", "{% render 'snippet' %}"]),
    ("helm.sh", "/docs/search/?q=", ["{{ .Values.image.tag }}", "{{- include \"chart.fullname\" . }}"]),
    ("docs.ansible.com", "/ansible/latest/search.html?q=", ["{{ lookup('env','HOME') }}", "when: x is defined"]),
]


@scen(10)
def docsearch():
    host, pfx, qs_ = R.choice(DOC_SEARCH)
    s = S(host)
    q = R.choice(qs_)
    s.page("/", assets=assets(1), first=True)
    s.page(pfx + form(q), assets=assets(1))
    return f"docs site search on {host}: {q}", s.reqs


@scen(5)
def algolia_docsearch():
    site = R.choice(["docusaurus.io", "tailwindcss.com", "vuejs.org", "react.dev", "docs.docker.com", "kubernetes.io"])
    s = S(f"{alnum(10).upper()}-dsn.algolia.net")
    ref = f"https://{site}/"
    agent = comp("Algolia for JavaScript (4.24.0); Browser (lite); docsearch (3.8.0); docsearch-react (3.8.0)")
    for q in R.sample(["useEffect", "useEffect cleanup", "$(nproc)", "kubectl exec -it", "@apply", "v-if v-else", "<Suspense>", "docker run --rm -v $(pwd):/app"], 3):
        s.reqs.append((s.t, "POST", f"/1/indexes/*/queries?x-algolia-agent={agent}&x-algolia-api-key={hexs(32)}&x-algolia-application-id={alnum(10).upper()}", 200, size(), ref, s.ua))
        s.t += R.uniform(0.2, 1)
    return f"Algolia DocSearch typeahead from {site}", s.reqs


@scen(4)
def explainshell():
    s = S("explainshell.com")
    c = R.choice(["tar xzvf archive.tar.gz -C /opt", "find . -name '*.log' -mtime +7 -exec rm {} \\;", "ls -la | grep '^d'",
                  "ps aux | awk '{print $2}' | xargs kill", "du -sh * | sort -h", "git log --oneline --graph --all", "ssh -L 8080:localhost:80 user@host"])
    s.page("/explain?cmd=" + form(c), assets=assets(2), first=True)
    return f"explainshell: {c}", s.reqs


@scen(3)
def cheatsh():
    s = S("cheat.sh", CURL)
    s.api("/" + R.choice(["tar", "find", "awk", "python/list+comprehension", "sql/join", "bash/redirect+stderr", "jq"]))
    return "cheat.sh from a terminal", s.reqs


@scen(4)
def gobyexample():
    s = S(R.choice(["pkg.go.dev", "doc.rust-lang.org", "docs.rs", "crates.io"]))
    p = R.choice(["/os/exec", "/std/process/struct.Command.html", "/std/macro.include_str.html", "/tokio/latest/tokio/process/index.html",
                  "/search?q=std%3A%3Aprocess%3A%3ACommand", "/search?q=exec.Command", "/serde_json/latest/serde_json/macro.json.html"])
    s.page(p, assets=assets(2), first=True)
    return "language package docs", s.reqs


# ================================================================ games
@scen(6)
def steam():
    s = S("store.steampowered.com")
    s.page("/search/?" + qs([("term", R.choice(["baldur's gate 3", "tom clancy's rainbow six", "s.t.a.l.k.e.r. 2", "assassin's creed: shadows", "plants vs. zombies", "ori & the blind forest"]))]),
           assets=assets(2, "/public"), first=True)
    s.page(f"/app/{R.choice([1086940, 359550, 1643320, 730, 3159330])}/?snr=1_7_7_151_150_1", assets=assets(1, "/public"))
    s.xhr("/appreviews/1086940?json=1&filter=recent&language=english&num_per_page=10&cursor=*")
    return "Steam store search + app page", s.reqs


@scen(5)
def launcher():
    k = R.choice([
        ("launcher-public-service-prod06.ol.epicgames.com", "EpicGamesLauncher/17.2.1-37489021+++Portal+Release-Live Windows/10.0.22631.1.256.64bit",
         ["/launcher/api/public/assets/Windows?label=Live", "/launcher/api/public/distributionpoints/"]),
        ("api.steampowered.com", "Valve/Steam HTTP Client 1.0", ["/ISteamUserStats/GetNumberOfCurrentPlayers/v1/?appid=730", "/IPlayerService/GetOwnedGames/v1/?key=" + hexs(32).upper() + "&steamid=7656119" + str(R.randint(8000000000, 9999999999)) + "&include_appinfo=1&format=json"]),
        ("launchermeta.mojang.com", "Minecraft Launcher/2.9.17 (Windows 10; x64)", ["/mc/game/version_manifest_v2.json", "/v1/packages/" + hexs(40) + "/1.21.3.json"]),
        ("patch.gamecdn.example.net", "UnityPlayer/2022.3.21f1 (UnityWebRequest/1.0, libcurl/8.5.0-DEV)", ["/live/4.2.1/catalog_2025.11.14.json", "/live/4.2.1/bundles/characters_assets_all_" + hexs(32) + ".bundle"]),
        ("update.lol.riotgames.example", "RiotClient/98.0.0.1538 rso-auth (Windows;10;;Professional, x64)", ["/channels/public/x/KeystoneFoundationLiveWin.json", "/releases/live.json"]),
    ])
    s = S(k[0], k[1])
    for p in k[2]:
        s.api(p)
    return f"game launcher / engine client {k[0]}", s.reqs


FENS = ["rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq e3 0 1", "r1bqkb1r/pppp1ppp/2n2n2/4p2Q/2B1P3/8/PPPP1PPP/RNB1K1NR w KQkq - 4 4",
        "8/8/8/4k3/8/8/4P3/4K3 w - - 0 1", "r3k2r/ppp2ppp/2n5/3q4/3P4/2P5/P4PPP/R2QR1K1 b kq - 0 14"]


@scen(6)
def chess():
    f = R.choice(FENS)
    if R.random() < 0.5:
        s = S("lichess.org")
        s.page("/analysis/standard/" + f.replace(" ", "_"), assets=assets(2, "/assets"), first=True)
        s.xhr("/api/cloud-eval?fen=" + comp(f) + "&multiPv=3")
        return "lichess analysis board (FEN in path)", s.reqs
    if R.random() < 0.5:
        s = S("www.chess.com")
        s.page("/analysis?fen=" + form(f) + "&flip=false", assets=assets(2), first=True)
        return "chess.com analysis (FEN in query)", s.reqs
    s = S("lichess.org", R.choice([PYREQ, "berserk-python/0.13.2"]))
    s.api("/api/games/user/" + R.choice(["DrNykterstein", "Zhigalko_Sergei", "penguingim1"]) + "?max=10&pgnInJson=true&opening=true")
    s.api("/api/cloud-eval?fen=" + pyq(f))
    return "lichess API client", s.reqs


@scen(5)
def gamestats():
    s = S(R.choice(["www.op.gg", "tracker.gg", "www.speedrun.com", "www.pro-football-reference.com", "www.nexusmods.com"]))
    if "op.gg" in s.host:
        p = "/summoners/" + R.choice(["kr/Hide%20on%20bush-KR1", "euw/G2%20Caps-1323", "na/Doublelift-NA1"])
    elif "tracker" in s.host:
        p = "/valorant/profile/riot/" + comp(R.choice(["TenZ#0505", "ミリタリー#JP1", "Shroud#NA1"])) + "/overview"
    elif "speedrun" in s.host:
        p = "/api/v1/runs?game=o1y9wo6q&orderby=date&direction=desc&embed=players,category"
    elif "nexus" in s.host:
        p = "/skyrimspecialedition/mods/?" + "keyword=" + form(R.choice(["SKSE64 (Skyrim Script Extender)", "USSEP - Unofficial Patch", "\"A Quality World Map\""]))
    else:
        p = "/play-index/pgl_finder.cgi?request=1&match=game&year_min=2024&year_max=2025&c1stat=pass_yds&c1comp=gt&c1val=300"
    s.page(p, assets=assets(2), first=True)
    return f"game/stats profile page {s.host}", s.reqs


# ================================================================ dating / social
@scen(5)
def dating():
    s = S(R.choice(["www.okcupid.com", "www.match.com", "www.hinge.co", "www.plentyoffish.com", "www.bumble.com"]))
    s.page("/home", assets=assets(2), first=True, ref="-")
    q = [("age_min", "28"), ("age_max", "38"), ("gender", "W"), ("distance", "25mi"), ("interests", R.choice(["hiking, cooking & \"true crime\" podcasts", "dogs > cats", "coffee; jazz; D&D"])), ("sort", "-last_active")]
    s.xhr("/api/v2/search?" + qs(q, comp))
    s.page("/profile/" + R.choice(["anna_k92", "j.o'connor", "mike-88", "sofía.r"]).replace("'", "%27").replace("í", "%C3%AD") + "?ref=discover")
    return "dating site profile search", s.reqs


@scen(3)
def dating_app():
    s = S(R.choice(["api.gotinder.com", "api.hinge.co"]), R.choice(["Tinder/15.21.0 (iPhone; iOS 18.6.2; Scale/3.00)", "Hinge/9.64.0 (Android 14; Pixel 7)"]))
    s.api("/v2/recs/core?locale=en-US&distance_filter=50&age_filter_min=25&age_filter_max=35")
    s.api("/v2/profile?include=account%2Cuser%2Cplus_control%2Cboost%2Ctravel%2Ctutorials%2Cnotifications")
    return "dating mobile app API", s.reqs


@scen(5)
def social_search():
    s = S(R.choice(["bsky.app", "www.threads.net", "x.com", "www.tumblr.com", "www.instagram.com"]))
    q = R.choice(["#climate -filter:retweets lang:en", "from:nasa since:2025-11-01", "\"can't stop won't stop\"", "✨ aesthetic", "to:@user min_faves:100", "(cats OR dogs) -is:retweet"])
    s.page("/search?" + qs([("q", q), ("src", "typed_query"), ("f", "live")]), assets=assets(2), first=True)
    s.page("/hashtag/" + comp(R.choice(["MondayMotivation", "日本", "✨", "NBA75"])))
    return f"social site search: {q}", s.reqs


# ================================================================ classifieds
@scen(7)
def classifieds():
    host = R.choice(["sfbay.craigslist.org", "www.ebay.com", "www.kijiji.ca", "www.gumtree.com", "www.leboncoin.fr", "www.olx.pl", "www.kleinanzeigen.de"])
    s = S(host)
    if "craigslist" in host:
        s.page("/search/sss?" + qs([("query", R.choice(["couch \"like new\"", "iphone 13 -broken -cracked", "2br < $2500"])), ("min_price", "50"), ("max_price", "300")]), assets=assets(2), first=True)
        s.page(f"/sfc/fuo/d/san-francisco-mid-century-sofa-obo/{R.randint(7700000000,7799999999)}.html")
    elif "ebay" in host:
        s.page("/sch/i.html?" + qs([("_nkw", R.choice(["nintendo switch oled -broken -parts", "(red,blue) nike air max 90", "\"o'neill\" wetsuit 4/3"])), ("_sacat", "0"), ("_udlo", "150"), ("_udhi", "300"), ("LH_BIN", "1"), ("rt", "nc")]), assets=assets(2), first=True)
        s.page(f"/itm/{R.randint(100000000000,399999999999)}?_skw=nintendo&hash=item{hexs(10)}:g:{alnum(16)}")
    else:
        s.page("/s-" + R.choice(["cars-vans/c174l1700273", "autos", "wohnung-mieten/berlin/c203l3331"]) + "?" + qs([("price", "__15000"), ("q", R.choice(["VW Golf 1.6 TDI, 1. Hand", "2-Zi. Whg. ab 01.12. (Nachmieter)", "Peugeot 208 - 5 portes"]))]), assets=assets(2), first=True)
        s.xhr(f"/api/ads/{R.randint(1000000,9999999)}/phone", method="POST")
    return f"classifieds search on {host}", s.reqs


@scen(4)
def classified_post():
    s = S(R.choice(["www.kijiji.ca", "post.craigslist.org", "www.gumtree.com.au"]))
    title = R.choice(["Queen bed frame - $150 OBO (call 555-123-4567)", "2015 Civic EX, 98k km, $11,500 firm!!", "FREE: 50% off moving boxes / tape", "iPhone 14 Pro 256GB *unlocked* - $650"])
    s.page("/p-post-ad.html", assets=assets(2), first=True, ref="-")
    s.xhr("/api/ad/validate-title?" + "title=" + comp(title))
    s.xhr("/p-post-ad.html", method="POST", status=302)
    s.page(f"/v-view-details.html?adId={R.randint(1600000000,1799999999)}&posted=1", ref=s.url("/p-post-ad.html"))
    return "posting a classified ad (price, phone number in title)", s.reqs


@scen(3)
def phone_lookup():
    s = S(R.choice(["www.whitepages.com", "www.dastelefonbuch.de", "www.truecaller.com"]))
    ph = R.choice(["+1 (555) 123-4567", "030/123 456-78", "+44 20 7946 0958", "555.867.5309"])
    s.page("/search?" + qs([("q", ph)]), assets=assets(2), first=True)
    return "phone number lookup", s.reqs


# ================================================================ recipes / forums
TITLES = ["O'Brien's \"best\" fish & chips", "50% off! Black Friday deals (updated)", "Mom's #1 meatloaf -- no breadcrumbs?",
          "Can't get my sourdough to rise... help!", "Salt & vinegar chips: 3 ingredients, <30 min", "Why is 1/2 cup != 8 tbsp?",
          "Pad see ew (ผัดซีอิ๊ว) w/ tofu", "Crème brûlée -- torch vs. broiler?", "\"Restaurant-style\" salsa; 5 min!"]


def slug(t):
    return "-".join("".join(c.lower() if c.isalnum() else " " for c in t).split())


@scen(12)
def recipe_forum():
    t = R.choice(TITLES)
    r = R.random()
    if r < 0.25:
        s = S(R.choice(["www.allrecipes.com", "www.seriouseats.com", "www.bbcgoodfood.com", "cooking.nytimes.com"]))
        s.page("/search?" + qs([("q", t)]), assets=assets(2), first=True)
        s.page(f"/recipe/{R.randint(10000,299999)}/{slug(t)}/", assets=assets(1))
        return f"recipe site search: {t}", s.reqs
    if r < 0.45:
        s = S(R.choice(["forum.breadtopia.com", "discuss.cooking.example.org", "community.home-assistant.io"]))
        n = R.randint(1000, 99999)
        s.page(f"/t/{slug(t)}/{n}", assets=assets(2), first=True)
        s.xhr(f"/t/{n}.json?track_visit=true&forceLoad=true")
        s.xhr(f"/t/{n}/posts.json?post_ids%5B%5D={n*3}&post_ids%5B%5D={n*3+1}")
        return "Discourse thread with punctuation-heavy title", s.reqs
    if r < 0.65:
        s = S(R.choice(["www.thefreshloaf.com", "forums.redflagdeals.com", "www.slickdeals.net", "www.chowhound.com"]))
        n = R.randint(100000, 2999999)
        s.page(f"/threads/{slug(t)}.{n}/", assets=assets(2), first=True)
        s.page("/search/?" + qs([("q", t), ("t", "post"), ("o", "relevance")]))
        return "XenForo forum thread + search", s.reqs
    if r < 0.8:
        s = S(R.choice(["www.phpbb.com", "forums.overclockers.co.uk", "www.avsforum.com"]))
        s.page(f"/community/viewtopic.php?f={R.randint(1,90)}&t={R.randint(10000,2900000)}", assets=assets(2), first=True)
        s.page("/community/search.php?" + qs([("keywords", t), ("terms", "all"), ("sf", "titleonly"), ("sr", "topics")]))
        s.xhr("/community/posting.php?mode=reply&f=12&t=4567", method="POST", status=302)
        return "phpBB forum search and reply", s.reqs
    s = S("old.reddit.com")
    s.page(f"/r/{R.choice(['Cooking', 'Breadit', 'buildapcsales', 'AskCulinary'])}/comments/{alnum(7).lower()}/{slug(t)[:50].replace('-', '_')}/", assets=assets(2), first=True)
    s.page("/r/Cooking/search?" + qs([("q", t), ("restrict_sr", "on"), ("sort", "relevance"), ("t", "all")]))
    return "reddit thread + subreddit search", s.reqs


@scen(4)
def deals():
    s = S(R.choice(["slickdeals.net", "www.hotukdeals.com", "www.mydealz.de"]))
    s.page("/newsearch.php?" + qs([("q", R.choice(["50% off!", "$10 off $50+ (in-store only)", "BOGO \"free\" pizza", "-20% auf alles*"])), ("searcharea", "deals"), ("searchin", "first")]), assets=assets(2), first=True)
    s.page(f"/f/{R.randint(17000000,18999999)}-{slug(R.choice(TITLES))}")
    return "deal forum search", s.reqs


# ================================================================ multilingual
ML = [
    ("www.aljazeera.net", "/search/", "الذكاء الاصطناعي"), ("www.ynet.co.il", "/search?q=", "בחירות \"ירושלים\""),
    ("www.bbc.com", "/persian/search?q=", "هوش مصنوعی"), ("ja.wikipedia.example", "/search?q=", "東京 ラーメン"),
    ("www.naver.com", "/search.naver?query=", "날씨 서울"), ("www.baidu.com", "/s?wd=", "天气 北京"),
    ("yandex.ru", "/search/?text=", "погода в Москве"), ("www.hindustantimes.com", "/search?q=", "दिल्ली मेट्रो"),
    ("www.zeit.de", "/suche/index?q=", "Grüne & SPD \"Koalition\""), ("www.lemonde.fr", "/recherche/?search_keywords=", "l'Élysée « réforme »"),
]


@scen(10)
def multilingual():
    host, pfx, q = R.choice(ML)
    s = S(host)
    if pfx.endswith("/"):
        s.page(pfx + up.quote(q, safe=""), assets=assets(2), first=True)
    else:
        s.page(pfx + form(q), assets=assets(2), first=True)
    return f"multilingual search {host}", s.reqs


@scen(4)
def legacy_codepage():
    host, p, b = R.choice([
        ("search.goo.ne.jp", "/web.jsp?MT=", "東京 天気".encode("shift_jis")), ("www.2ch.example.jp", "/test/read.cgi?kw=", "ラーメン".encode("shift_jis")),
        ("search.daum.net", "/search?q=", "한국 날씨".encode("euc-kr")), ("www.baidu.com", "/s?ie=gbk&wd=", "你好 世界".encode("gbk")),
        ("forum.example.ru", "/search.php?keywords=", "Привет мир".encode("cp1251")), ("www.ptt.example.tw", "/bbs/search?q=", "台北".encode("big5")),
    ])
    s = S(host)
    s.page(p + up.quote_plus(b), assets=assets(1), first=True)
    return f"legacy code page search ({host})", s.reqs


@scen(4)
def idn():
    host = R.choice(["xn--mnchen-3ya.de", "xn--bcher-kva.example", "xn--r8jz45g.jp", "xn--80ak6aa92e.com", "xn--fiqs8s.cn"])
    s = S(host)
    path = R.choice(["/über-uns", "/продукты/чай", "/お問い合わせ", "/מוצרים/חדש", "/كتب/عربية", "/café-crème"])
    s.page(up.quote(path), assets=assets(2), first=True)
    s.page(up.quote("/suche") + "?q=" + form(R.choice(["Straße", "ÇAY", "שלום", "مرحبا"])))
    return f"IDN host with IDN path {host}", s.reqs


@scen(3)
def rtl_mixed():
    s = S(R.choice(["www.ksu.edu.sa", "www.tau.ac.il", "www.aub.edu.lb"]))
    q = R.choice(["\u202bCS-101 مقدمة في البرمجة\u202c", "Python (פייתון) 3.12", "\u200fכימיה 101", "MATH 201 - التفاضل والتكامل"])
    s.page("/ar/courses?" + qs([("q", q)]), assets=assets(2), first=True)
    return "RTL/mixed-script course search with bidi marks", s.reqs


# ================================================================ URL-taking tools
TARGETS = ["https://example.com/menu?table=12&lang=en", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s", "https://shop.example.org/p/123?utm_source=qr&utm_medium=print",
           "https://docs.google.com/forms/d/e/1FAIpQLSf" + "x" * 20 + "/viewform?usp=sf_link", "https://wa.me/15551234567?text=Hi%20there", "WIFI:T:WPA;S:CafeGuest;P:latte2025;;",
           "BEGIN:VCARD\nVERSION:3.0\nN:O'Brien;Pat\nTEL:+1-555-123-4567\nEND:VCARD", "mailto:info@example.org?subject=Hello"]


@scen(8)
def qr():
    host = R.choice(["api.qrserver.com", "quickchart.io", "chart.googleapis.com", "qrcode.tec-it.com"])
    d = R.choice(TARGETS)
    site = R.choice(["https://www.restaurant-oak.com/tables", "https://events.example.org/tickets/checkout", "https://admin.shopify.com/store/x/products/1"])
    s = S(host)
    if host == "api.qrserver.com":
        p = "/v1/create-qr-code/?size=300x300&data=" + (wq(d) if R.random() < 0.5 else comp(d))
    elif host == "quickchart.io":
        p = "/qr?text=" + comp(d) + "&size=300&margin=1"
    elif host == "chart.googleapis.com":
        p = "/chart?cht=qr&chs=250x250&chl=" + comp(d)
    else:
        p = "/API/QRCode?data=" + comp(d) + "&backcolor=%23ffffff"
    s.reqs.append((0, "GET", p, 200, size(), site, s.ua))
    return f"QR code image embedded by {site}", s.reqs


@scen(6)
def screenshot():
    host = R.choice(["api.screenshotone.com", "shot.screenshotapi.net", "api.urlbox.io", "pdf.example-render.io", "render.gotenberg.internal"])
    u = R.choice([PYREQ, AXIOS, NODE, "Go-http-client/2.0", "Ruby"])
    s = S(host, u)
    t = R.choice(TARGETS[:4] + ["https://invoices.example.com/i/2025-1142?token=" + alnum(24), "https://www.example.org/report?from=2025-10-01&to=2025-10-31"])
    if "pdf" in host or "gotenberg" in host:
        s.api("/render?" + qs([("url", t), ("format", "A4"), ("printBackground", "true"), ("margin", "10mm")], pyq))
    else:
        s.api("/take?" + qs([("access_key", alnum(14)), ("url", t), ("full_page", "true"), ("viewport_width", "1280"), ("format", "webp"), ("block_cookie_banners", "true")], pyq))
    return "screenshot / PDF rendering API call", s.reqs


@scen(6)
def oembed():
    host = R.choice(["www.youtube.com", "publish.twitter.com", "vimeo.com", "open.spotify.com", "www.tiktok.com", "iframe.ly"])
    s = S(host, R.choice(["WordPress/6.8.3; https://blog.example.com", "Ghost/5.101 (https://github.com/TryGhost/Ghost)", "Iframely/1.3.1 (+https://iframely.com/docs/about)", "Discourse Forum Onebox v3.4.0"]))
    t = {"www.youtube.com": "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PL" + alnum(16),
         "publish.twitter.com": "https://twitter.com/NASA/status/1857000000000000000",
         "vimeo.com": "https://vimeo.com/76979871", "open.spotify.com": "https://open.spotify.com/track/" + alnum(22),
         "www.tiktok.com": "https://www.tiktok.com/@scout2015/video/6718335390845095173", "iframe.ly": "https://www.nytimes.com/2025/11/13/science/comet.html"}[host]
    s.api(("/api/oembed" if host == "www.tiktok.com" else "/oembed") + "?url=" + pyq(t) + "&format=json&maxwidth=600")
    return "oEmbed fetch by a CMS", s.reqs


@scen(7)
def linkpreview():
    bot = R.choice(["Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                    "Twitterbot/1.0", "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)", "WhatsApp/2.24.22.79 A", "TelegramBot (like TwitterBot)",
                    "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)", "Mozilla/5.0 (compatible; Google-InspectionTool/1.0)"])
    s = S(R.choice(["www.nytimes.com", "blog.example.dev", "github.com", "www.theguardian.com"]), bot)
    p = R.choice(["/2025/11/13/science/comet-3i-atlas.html?smid=nytcore-ios-share&referringSource=articleShare",
                  "/posts/why-1-2-3-is-not-123?utm_source=slack", "/torvalds/linux/compare/v6.11...v6.12", "/world/2025/nov/14/live-updates?CMP=share_btn_link",
                  "/search?q=%22o%27brien%22+fish+%26+chips"])
    s.api(p)
    if R.random() < 0.5:
        s.api("/favicon.ico")
    return "link-preview bot fetching a shared URL", s.reqs


@scen(5)
def shortener():
    host = R.choice(["bit.ly", "tinyurl.com", "t.ly", "is.gd"])
    s = S(host)
    code = alnum(7)
    if host == "tinyurl.com":
        s.page(f"/preview/{code}", assets=assets(1), first=True)
    elif host == "bit.ly":
        s.page(f"/{code}+", assets=assets(1), first=True)
    elif host == "is.gd":
        s.page("/create.php?format=simple&url=" + form(R.choice(TARGETS[:3])), first=True)
    else:
        s.page("/", assets=assets(1), first=True)
        s.xhr("/api/v1/link/shorten", method="POST")
    return "link shortener preview / create", s.reqs


@scen(5)
def validators():
    host = R.choice(["validator.w3.org", "pagespeed.web.dev", "www.ssllabs.com", "securityheaders.com", "search.google.com", "www.opengraph.xyz", "cards-dev.example.com"])
    s = S(host)
    t = R.choice(["https://www.example.org/", "https://shop.example.com/product/123?variant=blue", "https://blog.example.dev/posts/hello-world/"])
    p = {"validator.w3.org": "/nu/?doc=" + form(t), "pagespeed.web.dev": "/analysis?url=" + comp(t) + "&form_factor=mobile",
         "www.ssllabs.com": "/ssltest/analyze.html?d=" + up.urlparse(t).hostname + "&latest", "securityheaders.com": "/?q=" + form(t) + "&followRedirects=on",
         "search.google.com": "/test/rich-results?url=" + comp(t), "www.opengraph.xyz": "/url/" + comp(t), "cards-dev.example.com": "/validator?url=" + wq(t)}[host]
    s.page(p, assets=assets(2), first=True)
    return f"web validator checking a URL ({host})", s.reqs


@scen(4)
def webmention():
    s = S(R.choice(["webmention.io", "brid.gy", "blog.example.dev"]), R.choice(["Webmention.io/1.0 (+https://webmention.io)", "Bridgy (https://brid.gy/about)", "indieweb/webmention-client", "WordPress/6.8.3; https://notes.example.net"]))
    if s.host == "webmention.io":
        s.api("/api/mentions.jf2?target=" + wq("https://blog.example.dev/posts/hello-world/") + "&per-page=50")
        return "webmention.io mentions feed", s.reqs
    s.api("/webmention?" + qs([("source", "https://notes.example.net/2025/11/14/reply"), ("target", "https://blog.example.dev/posts/hello-world/")], pyq), method="POST", status=202)
    return "webmention POST (source/target in query)", s.reqs


@scen(3)
def rss2email():
    s = S(R.choice(["blog.example.dev", "www.example-news.org"]), R.choice(["MailChimp (+http://mailchimp.com/)", "Blogtrottr/2.0", "Feedbin feed-id:1234567 - 3 subscribers", "rss2email/3.14 (https://github.com/rss2email/rss2email)"]))
    s.api("/feed.xml", status=R.choice([200, 304]))
    return "RSS-to-email fetcher", s.reqs


@scen(5)
def ipfs():
    host = R.choice(["ipfs.io", "dweb.link", "cloudflare-ipfs.com", "gateway.pinata.cloud", "w3s.link"])
    s = S(host)
    p = R.choice(["/ipfs/QmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco/wiki/Vincent_van_Gogh.html",
                  "/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/?filename=kitten.jpg",
                  "/ipns/docs.ipfs.tech/concepts/content-addressing/", "/ipns/k51qzi5uqu5dlvj2baxnqndepeb86cbk3ng7n3i46uzyxzyqj2xjonzllnv0v8/",
                  "/ipfs/QmPChd2hVbrJ6bfo3WBcTW4iZnpHm8TEzWkLHmLpXhF68A/metadata/1234.json"])
    s.page(p, assets=assets(1) if "wiki" in p else (), first=True)
    return f"IPFS gateway {host}", s.reqs


@scen(3)
def gemini():
    s = S(R.choice(["portal.mozz.us", "gemini.circumlunar.space", "proxy.vulpes.one"]))
    t = R.choice(["geminiprotocol.net/docs/faq.gmi", "gemini.circumlunar.space/news/", "kennedy.gemi.dev/search?gemini%20proxy"])
    s.page("/gemini/" + t, assets=assets(1), first=True)
    s.page("/gemini/" + t.split("/")[0] + "/", assets=())
    return "Gemini-over-HTTP proxy", s.reqs


@scen(7)
def explorer():
    host = R.choice(["etherscan.io", "basescan.org", "polygonscan.com", "mempool.space", "explorer.solana.com", "www.blockchain.com", "app.ens.domains", "opensea.io"])
    s = S(host)
    if host in ("etherscan.io", "basescan.org", "polygonscan.com"):
        s.page("/tx/0x" + hexs(64), assets=assets(2), first=True)
        s.page("/address/0x" + hexs(40) + R.choice(["", "#tokentxns", "?a=0x" + hexs(40)]).split("#")[0])
        s.page("/token/0xdac17f958d2ee523a2206206994597c13d831ec7?a=0x" + hexs(40))
    elif host == "mempool.space":
        s.page("/tx/" + hexs(64), assets=assets(2), first=True)
        s.xhr("/api/tx/" + hexs(64) + "/status")
        s.page("/address/bc1q" + "".join(R.choice("023456789acdefghjklmnpqrstuvwxyz") for _ in range(38)))
    elif host == "explorer.solana.com":
        s.page("/tx/" + b58(88) + "?cluster=devnet", assets=assets(2), first=True)
    elif host == "app.ens.domains":
        s.page("/" + R.choice(["vitalik.eth", "nick.eth", "brantly.eth"]), assets=assets(2), first=True)
    elif host == "opensea.io":
        s.page("/assets/ethereum/0xbc4ca0eda7647a8ab7c2061c2e118a18a936f13d/" + str(R.randint(1, 9999)), assets=assets(2), first=True)
    else:
        s.page("/explorer/transactions/btc/" + hexs(64), assets=assets(2), first=True)
    return f"blockchain explorer {host}", s.reqs


@scen(3)
def etherscan_api():
    s = S("api.etherscan.io", R.choice([PYREQ, AXIOS, "ethers/6.13.4"]))
    a = "0x" + hexs(40)
    s.api(f"/api?module=account&action=txlist&address={a}&startblock=0&endblock=99999999&page=1&offset=100&sort=asc&apikey={alnum(34).upper()}")
    s.api(f"/api?module=proxy&action=eth_call&to={a}&data=0x70a08231000000000000000000000000{hexs(40)}&tag=latest&apikey={alnum(34).upper()}")
    return "Etherscan API client", s.reqs


@scen(2)
def jsonrpc():
    s = S(R.choice(["mainnet.infura.io", "eth-mainnet.g.alchemy.com", "rpc.ankr.com"]), R.choice(["ethers/6.13.4", "viem@2.21.45", "web3.py/7.5.0"]))
    for _ in range(R.randint(2, 4)):
        s.api("/v3/" + hexs(32), method="POST")
    return "Ethereum JSON-RPC", s.reqs


# ================================================================ API filter DSLs
@scen(6)
def rql_fiql():
    host = R.choice(["api.shop.example.com", "catalog.example.io", "api.partner-portal.example"])
    u = R.choice([None, PYREQ, OKHTTP, "Java-http-client/21.0.5"])
    s = S(host, u or ua())
    p = R.choice([
        "/api/products?and(eq(status,active),gt(price,10))&sort(+price)&limit(25,0)",
        "/api/v1/orders?select(id,total,status)&in(status,(pending,shipped))&ge(created,2024-01-01)",
        "/rest/v2/customers?_s=" + comp("lastName==O'Brien;age=gt=21,city=in=(Boston,Chicago)"),
        "/api/employees?filter=" + comp("department==Sales and (salary=ge=50000 or title==\"Manager\")"),
        "/api/v3/tickets?search=" + comp("status!=closed;priority=in=(high,urgent);assignee==*smith*"),
    ])
    if u:
        s.api(p)
        return "RQL/FIQL/RSQL query from an API client", s.reqs
    s.page("/admin/catalog", assets=assets(2), first=True, ref="-")
    s.xhr(p)
    return "RQL/FIQL/RSQL query from an admin SPA", s.reqs


@scen(6)
def postgrest():
    host = R.choice([f"{alnum(20).lower()}.supabase.co", "api.internal-tools.example", "postgrest.example.org"])
    app = R.choice(["https://app.todo-demo.dev/", "https://dashboard.example.org/reports", "https://localhost:3000/"])
    s = S(host)
    ps = ["/rest/v1/todos?select=*&user_id=eq." + f"{hexs(8)}-{hexs(4)}-{hexs(4)}-{hexs(4)}-{hexs(12)}" + "&order=inserted_at.desc",
          "/rest/v1/people?select=first_name,last_name,orders(id,total)&age=gte.18&student=is.true&or=(age.lt.18,age.gt.21)",
          "/rest/v1/products?name=ilike.*o%27neill*&price=lte.100&limit=20&offset=0",
          "/rest/v1/rpc/search_posts?q=" + comp("fish & chips"), "/rest/v1/messages?select=*,author:profiles(username)&channel_id=eq.1&order=created_at.asc"]
    for p in R.sample(ps, R.randint(1, 3)):
        s.reqs.append((s.t, "GET", p, 200, size(), app, s.ua))
        s.t += R.uniform(0.2, 3)
    return "PostgREST / Supabase queries from a SPA", s.reqs


MONGO = ['{"score":{"$gte":1000},"playerName":{"$ne":"Cheater"}}', '{"age":{"$gt":21},"city":{"$in":["Boston","NYC"]}}',
         '{"$or":[{"status":"open"},{"assignee":"me"}]}', '{"createdAt":{"$gte":{"__type":"Date","iso":"2025-11-01T00:00:00.000Z"}}}',
         '{"title":{"$regex":"^O\'Brien","$options":"i"}}']


@scen(7)
def parse_like():
    r = R.random()
    if r < 0.4:
        s = S(R.choice(["parseapi.back4app.com", "api.example-game.com", "parse.example.org"]), R.choice(["Parse Android SDK API Level 34", "Parse/4.3.0 (iOS 18.6.2)", "parse-server-js-sdk/5.3.0"]))
        s.api("/parse/classes/GameScore?where=" + comp(R.choice(MONGO)) + "&order=-score&limit=10&keys=score,playerName")
        s.api("/parse/classes/_User/me".replace("/me", "") + "?count=1&limit=0")
        return "Parse SDK query with Mongo-style where", s.reqs
    if r < 0.7:
        s = S(R.choice(["api.sails-demo.example", "app.example.io"]))
        s.page("/dashboard", assets=assets(2), first=True, ref="-")
        s.xhr("/user?where=" + comp(R.choice(['{"age":{">":21}}', '{"name":{"contains":"o\'brien"}}', '{"or":[{"role":"admin"},{"role":"editor"}]}'])) + "&sort=createdAt%20DESC&limit=30")
        return "Sails/Waterline blueprint query", s.reqs
    s = S(R.choice(["api.loopback-app.example", "feathers.example.dev"]))
    s.page("/app", assets=assets(2), first=True, ref="-")
    s.xhr(R.choice(["/api/products?filter=" + comp('{"where":{"or":[{"price":{"gt":10}},{"featured":true}]},"order":"price DESC","limit":20,"include":"reviews"}'),
                    "/api/products?filter%5Bwhere%5D%5Bprice%5D%5Bgt%5D=10&filter%5Blimit%5D=20",
                    "/messages?%24limit=25&%24sort%5BcreatedAt%5D=-1&%24or%5B0%5D%5Bstatus%5D=active&%24or%5B1%5D%5Bpinned%5D=true",
                    "/api/users?filter=" + comp('{"where":{"email":{"like":"%@example.com"}},"fields":{"password":false}}')]))
    return "LoopBack/Feathers JSON filter", s.reqs


@scen(5)
def jsonapi():
    s = S(R.choice(["api.example-cms.com", "cms.example.org"]))
    s.page("/articles", assets=assets(2), first=True)
    s.xhr("/jsonapi/node/article?" + "filter%5Btag%5D=rails&filter%5Bstatus%5D=1&include=author,comments.author&fields%5Barticles%5D=title,body&sort=-created,title&page%5Bnumber%5D=2&page%5Blimit%5D=20")
    s.xhr("/jsonapi/node/article?filter%5Btitle-filter%5D%5Bcondition%5D%5Bpath%5D=title&filter%5Btitle-filter%5D%5Bcondition%5D%5Boperator%5D=CONTAINS&filter%5Btitle-filter%5D%5Bcondition%5D%5Bvalue%5D=O%27Brien")
    return "Drupal JSON:API filters", s.reqs


@scen(6)
def stripe_search():
    s = S("api.stripe.com", R.choice(["Stripe/v1 PythonBindings/11.2.0", "Stripe/v1 NodeBindings/17.3.1", "Stripe/v1 RubyBindings/13.1.0"]))
    q = R.choice(["email:'jenny.rosen@example.com'", "metadata['plan']:'pro' AND status:'active'", "name~'O''Brien'", "created>1730419200 AND currency:'usd' AND -status:'canceled'", "amount>=1000 AND amount<5000"])
    s.api("/v1/" + R.choice(["customers", "subscriptions", "charges", "payment_intents"]) + "/search?" + qs([("query", q), ("limit", "100")], pyq))
    s.api("/v1/invoices?customer=cus_" + alnum(14) + "&status=open&expand%5B%5D=data.subscription")
    return f"Stripe search API: {q}", s.reqs


GH_Q = ["repo:rails/rails is:pr is:open label:\"bug\" created:>2024-01-01", "is:issue is:open label:\"good first issue\" language:rust",
        "org:kubernetes \"failed to pull image\" in:title", "user:octocat stars:>100 fork:false", "filename:docker-compose.yml path:/ postgres",
        "\"SELECT * FROM users WHERE\" language:python", "author:@me is:pr is:merged merged:2025-11-01..2025-11-14"]


@scen(6)
def github_search():
    q = R.choice(GH_Q)
    if R.random() < 0.5:
        s = S("api.github.com", R.choice(["GitHub-Hookshot/" + hexs(7), "octokit-rest.js/21.0.2", "PyGithub/Python", "gh-cli/2.62.0", "Renovate/39.0.0"]))
        s.api("/search/" + ("code" if "filename" in q or "SELECT" in q else "issues") + "?" + qs([("q", q), ("per_page", "100"), ("sort", "updated")], pyq))
        return "GitHub search API", s.reqs
    s = S("github.com")
    s.page("/search?" + qs([("q", q), ("type", "issues")]), assets=assets(2, "/assets"), first=True)
    return "GitHub web search", s.reqs


@scen(5)
def typesense_meili():
    host = R.choice(["search.example-shop.com", "xyz.a1.typesense.net", "ms-" + hexs(12) + ".meilisearch.io"])
    s = S(host)
    ref = R.choice(["https://shop.example.com/", "https://docs.example.dev/", "https://movies.example.tv/browse"])
    ps = ["/collections/products/documents/search?" + qs([("q", "running shoe"), ("query_by", "name,description"), ("filter_by", "price:[50..100] && brand:=[Nike,Asics] && in_stock:true"), ("sort_by", "price:asc"), ("facet_by", "brand")], comp),
          "/indexes/movies/search?" + qs([("q", "star wars"), ("filter", "genres = 'Sci Fi' AND release_date > 1577836800 AND NOT rating < 6"), ("sort", "release_date:desc")], comp),
          "/multi_search?x-typesense-api-key=" + alnum(32)]
    p = R.choice(ps)
    s.reqs.append((0, "POST" if "multi" in p else "GET", p, 200, size(), ref, s.ua))
    s.reqs.append((0.6, "GET", p.replace("shoe", "shoes").replace("star wars", "star wars episode"), 200, size(), ref, s.ua))
    return "Typesense / Meilisearch filters from a site", s.reqs


@scen(4)
def nocodb():
    s = S(R.choice(["app.nocodb.com", "nocodb.internal.example", "baserow.example.org"]))
    s.page("/dashboard/#/nc/p_" + alnum(12), assets=assets(2), first=True, ref="-")
    s.xhr("/api/v2/tables/" + alnum(14) + "/records?" + "where=" + comp("(Status,eq,Done)~and(Due,gt,exactDate,2025-01-01)~or(Owner,like,%o'brien%)") + "&sort=-Due&limit=25&offset=0")
    return "NocoDB where DSL", s.reqs


@scen(4)
def airtable():
    s = S("api.airtable.com", R.choice([PYREQ, "airtable.js/0.12.2", "Zapier"]))
    f = R.choice(["AND({Status}='Done',IS_AFTER({Due},'2024-01-01'))", "OR(FIND('O''Brien',{Name}),{Priority}>2)", "NOT({Email}='')", "SEARCH(\"fish & chips\",{Title})"])
    s.api("/v0/app" + alnum(14) + "/Tasks?" + qs([("filterByFormula", f), ("sort[0][field]", "Due"), ("sort[0][direction]", "desc"), ("pageSize", "100")], pyq))
    return f"Airtable filterByFormula {f}", s.reqs


@scen(4)
def firebase_rest():
    s = S(R.choice(["my-app-" + alnum(5).lower() + "-default-rtdb.firebaseio.com", "chat-" + alnum(4).lower() + ".firebaseio.com"]), R.choice([PYREQ, CURL, OKHTTP]))
    s.api("/users.json?orderBy=%22%24key%22&startAt=%22a%22&limitToFirst=50")
    s.api("/scores.json?orderBy=%22score%22&limitToLast=10&print=pretty")
    return "Firebase RTDB REST queries", s.reqs


@scen(5)
def site_search_syntax():
    s = S(R.choice(["searx.be", "search.example-library.org", "www.startpage.com", "search.marginalia.nu", "kagi.com"]))
    q = R.choice(["site:irs.gov filetype:pdf \"form 1099\" 2025", "intitle:\"release notes\" -inurl:beta postgresql 17", "\"exact phrase\" OR \"another phrase\" -site:pinterest.com",
                  "inurl:docs kubernetes \"pod security\"", "filetype:xlsx budget site:*.gov.uk", "related:nytimes.com", "define:ephemeral", "cache:example.com"])
    s.page("/search?" + qs([("q", q), ("categories", "general"), ("language", "en")]), assets=assets(2), first=True)
    return f"search engine operators: {q}", s.reqs


# ================================================================ observability
@scen(6)
def sentry():
    s = S(R.choice(["sentry.io", "acme.sentry.io", "sentry.internal.example"]))
    q = R.choice(["is:unresolved level:error !browser.name:Firefox", "transaction:\"/api/0/users/{user_id}/\" event.type:error",
                  "message:\"TypeError: Cannot read properties of undefined (reading 'map')\"", "url:*checkout* http.status_code:[500,502,503]",
                  "error.type:OperationalError message:\"SELECT 1\""])
    s.page("/organizations/acme/issues/?" + qs([("query", q), ("statsPeriod", "14d"), ("project", "4504")], comp), assets=assets(2, "/_static"), first=True, ref="-")
    s.xhr("/api/0/organizations/acme/issues/?" + qs([("collapse", "stats"), ("expand", "owners"), ("limit", "25"), ("query", q), ("shortIdLookup", "1"), ("statsPeriod", "14d")], comp))
    s.xhr("/api/0/organizations/acme/events/?" + "field=title&field=count()&field=p95(transaction.duration)&query=" + comp("event.type:transaction " + q) + "&sort=-count&per_page=50")
    return "Sentry issue search", s.reqs


@scen(6)
def datadog():
    s = S(R.choice(["app.datadoghq.com", "us5.datadoghq.com", "app.datadoghq.eu"]))
    q = R.choice(["service:web-api status:error @http.status_code:[500 TO 599]", "env:prod resource_name:\"GET /api/v1/users\" -@http.url_details.path:/health*",
                  "source:nginx \"upstream timed out\" @network.client.ip:10.0.0.0/8", "@usr.email:*@example.com @error.kind:(TimeoutError OR ConnectionError)"])
    s.page("/logs?" + qs([("query", q), ("from_ts", "1763125200000"), ("to_ts", "1763128800000"), ("live", "true")], comp), assets=assets(2), first=True, ref="-")
    s.xhr("/api/v1/logs-queries/list", method="POST")
    s.xhr("/api/v1/query?" + qs([("query", "avg:system.cpu.user{env:prod,service:web-api} by {host}.rollup(avg, 60)"), ("from", "1763125200"), ("to", "1763128800")], comp))
    return "Datadog log search and metric query", s.reqs


NRQL = ["SELECT count(*) FROM Transaction WHERE appName = 'checkout' SINCE 1 hour ago TIMESERIES",
        "SELECT average(duration) FROM PageView WHERE countryCode = 'US' FACET city LIMIT 20",
        "SELECT percentile(duration, 95) FROM Transaction WHERE name LIKE '%/api/orders%' SINCE 1 day ago",
        "SELECT uniqueCount(session) FROM PageView WHERE userAgentName IN ('Chrome','Safari') COMPARE WITH 1 week ago",
        "FROM Log SELECT count(*) WHERE level = 'error' AND message NOT LIKE '%healthcheck%' FACET service.name"]


@scen(6)
def newrelic():
    n = R.choice(NRQL)
    if R.random() < 0.5:
        s = S("insights-api.newrelic.com", R.choice([PYREQ, CURL, "Grafana/11.3.0", "newrelic-cli/0.97.2"]))
        s.api(f"/v1/accounts/{R.randint(1000000,9999999)}/query?nrql=" + up.quote(n, safe=""))
        return "New Relic Insights NRQL API", s.reqs
    s = S("one.newrelic.com")
    s.page("/data-exploration/query-builder?" + qs([("account", str(R.randint(1000000, 9999999))), ("query", n)], comp), assets=assets(2), first=True, ref="-")
    s.xhr("/graphql", method="POST")
    return "New Relic query builder with NRQL", s.reqs


@scen(7)
def logtools():
    host, p, q = R.choice([
        ("graylog.internal.example", "/search?rangetype=relative&relative=300&q=", "source:web01 AND level:[0 TO 3] AND NOT message:\"healthcheck\""),
        ("my.papertrailapp.com", "/events?q=", "program:nginx \"upstream timed out\" -\"GET /health\""),
        ("seq.internal.example", "/api/events/scan?count=30&render=true&filter=", "@Level = 'Error' and RequestPath like '/api%'"),
        ("api.applicationinsights.io", "/v1/apps/" + hexs(8) + "/query?query=", "requests | where resultCode == \"500\" | summarize count() by bin(timestamp, 5m)"),
        ("logs.betterstack.com", "/team/1234/tail?q=", "level:error AND context.path:\"/api/*\""),
        ("ui.honeycomb.io", "/acme/environments/prod/datasets/api?query=", '{"calculations":[{"op":"P99","column":"duration_ms"}],"filters":[{"column":"http.status_code","op":">=","value":500}]}'),
    ])
    if host.startswith("api."):
        s = S(host, R.choice([PYREQ, "Grafana/11.3.0", "AzureCLI/2.66.0"]))
        s.api(p + up.quote(q, safe=""))
        return f"log query API {host}", s.reqs
    s = S(host)
    if host.startswith("seq."):
        # Seq keeps the filter in the fragment (/#/events?filter=); its SPA asks the API
        s.page("/", assets=assets(2), first=True, ref="-")
        s.xhr(p + comp(q), ref_path="/")
        return "Seq log search (SPA XHR)", s.reqs
    s.page(p + comp(q), assets=assets(2), first=True, ref="-")
    return f"log search UI {host}", s.reqs


# ================================================================ BI
@scen(5)
def tableau():
    s = S(R.choice(["public.tableau.com", "tableau.corp.example.com", "prod-useast-a.online.tableau.com"]))
    p = R.choice(["/views/Superstore/Overview?:embed=y&:showVizHome=no&Region=West&Category=Furniture,Technology",
                  "/t/sales/views/Dash/Sheet1?%3Aiid=1&Order%20Date=2024-01-01&Customer%20Name=O%27Brien%2C%20Pat",
                  "/views/COVID-19Dashboard/Main?:language=en-US&:display_count=n&:origin=viz_share_link&Country%2FRegion=C%C3%B4te%20d%27Ivoire"])
    s.page(p, assets=assets(2, "/vizql"), first=True, ref=R.choice(["-", "https://intranet.example.com/dashboards"]))
    s.xhr("/vizql/w/Superstore/v/Overview/bootstrapSession/sessions/" + hexs(32).upper() + "-0:0", method="POST")
    return "Tableau view with URL filters", s.reqs


@scen(4)
def powerbi():
    s = S("app.powerbi.com")
    f = R.choice(["Store/Territory eq 'NC' and Store/Chain in ('Fashions Direct','Lindseys')", "Sales/Amount gt 1000 and Date/Year eq 2025", "Customers/Name eq 'O''Brien'"])
    s.page(f"/groups/me/reports/{hexs(8)}-{hexs(4)}-{hexs(4)}-{hexs(4)}-{hexs(12)}/ReportSection{hexs(20)}?filter=" + comp(f) + "&experience=power-bi", assets=assets(2, "/13.0"), first=True, ref="-")
    return "Power BI report URL filter", s.reqs


@scen(5)
def looker():
    s = S(R.choice(["acme.cloud.looker.com", "looker.corp.example.com", "lookerstudio.google.com"]))
    if "google" in s.host:
        s.page(f"/reporting/{hexs(8)}-{hexs(4)}-{hexs(4)}-{hexs(4)}-{hexs(12)}/page/p_{alnum(10).lower()}?params=" + comp('{"df3":"include%EE%80%800%EE%80%80IN%EE%80%80US"}'), assets=assets(2), first=True)
        return "Looker Studio report params", s.reqs
    s.page("/explore/ecommerce/orders?" + "fields=orders.count,users.state&f%5Busers.state%5D=-NULL&f%5Borders.created_date%5D=last+30+days&f%5Busers.email%5D=%25%40example.com&sorts=orders.count+desc&limit=500&vis=" + comp('{"type":"looker_bar"}'),
           assets=assets(2), first=True, ref="-")
    s.page("/dashboards/42?Status=complete&Date=after+2024%2F01%2F01&Customer=O%27Brien%2CD%27Angelo")
    return "Looker explore and dashboard filters", s.reqs


@scen(5)
def superset():
    s = S(R.choice(["superset.internal.example", "bi.example.org", "preset.example.app"]))
    s.page("/superset/dashboard/sales/?native_filters_key=" + alnum(43), assets=assets(2, "/static/assets"), first=True, ref="-")
    s.xhr("/api/v1/chart/?q=" + comp("(filters:!((col:slice_name,opr:ct,value:'sales')),order_column:changed_on_delta_humanized,order_direction:desc,page:0,page_size:25)"))
    s.xhr("/api/v1/dashboard/12/datasets")
    s.xhr("/api/v1/chart/data?form_data=" + comp('{"slice_id":57}') + "&dashboard_id=12", method="POST")
    return "Apache Superset rison API queries", s.reqs


@scen(3)
def redash():
    s = S(R.choice(["redash.internal.example", "app.redash.io"]))
    s.page("/queries/42?" + qs([("p_start_date", "2025-10-01"), ("p_status", '["open","pending"]'), ("p_customer", "O'Brien")], comp), assets=assets(2), first=True, ref="-")
    s.xhr("/api/queries/42/results", method="POST")
    return "Redash query parameters", s.reqs


@scen(3)
def qlik():
    s = S(R.choice(["qlik.corp.example.com", "acme.eu.qlikcloud.com"]))
    s.page(f"/sense/app/{hexs(8)}-{hexs(4)}-{hexs(4)}-{hexs(4)}-{hexs(12)}/sheet/{alnum(6)}/state/analysis/select/%5BRegion%5D/%5BEurope%5D/select/%5BYear%5D/%5B2025%5D", assets=assets(2), first=True, ref="-")
    return "Qlik Sense sheet selection URL", s.reqs


# ================================================================ spreadsheets
TQ = ["select A,B where C > 10 order by B desc", "SELECT A, SUM(B) GROUP BY A", "select * where D = 'Open' and E >= date '2025-01-01'",
      "select A, C where B contains 'O''Brien' limit 50", "select B, count(A) where B is not null group by B label count(A) 'Total'"]


@scen(7)
def gviz():
    s = S("docs.google.com")
    sid = alnum(44)
    t = R.choice(TQ)
    if R.random() < 0.6:
        ref = R.choice(["https://www.school-district.example.k12.us/lunch-menu", "https://dashboard.example.org/", "https://team-site.example.com/standings"])
        s.reqs.append((0, "GET", f"/spreadsheets/d/{sid}/gviz/tq?tqx=out:json&sheet=Sheet1&tq=" + comp(t), 200, size(), ref, s.ua))
        s.reqs.append((1, "GET", f"/spreadsheets/d/{sid}/gviz/tq?tqx=reqId%3A1&headers=1&tq=" + comp(t), 200, size(), ref, s.ua))
        return "Google Visualization query from an embedding site", s.reqs
    s.ua = R.choice([PYREQ, "Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: UAEmdDd" + alnum(20) + ")", "pandas/2.2.3"])
    s.api(f"/spreadsheets/d/{sid}/gviz/tq?tqx=out:csv&sheet=Responses&tq=" + pyq(t))
    s.api(f"/spreadsheets/d/{sid}/export?format=csv&gid=0&range=A1:D200")
    return "Sheets gviz export from a script", s.reqs


@scen(2)
def excel_online():
    s = S("graph.microsoft.com", R.choice(["Microsoft Power Automate", PYREQ]))
    s.api("/v1.0/me/drive/items/" + alnum(34) + "/workbook/worksheets('Sheet1')/range(address='A1:D20')")
    return "Graph workbook range", s.reqs


# ================================================================ geo
ARC_WHERE = ["1=1", "OWNER_NAME LIKE '%SMITH%'", "ZONING = 'R-1' AND ACRES > 0.5", "STATUS IN ('Active','Pending') AND YEAR >= 2020",
             "UPPER(STREET) LIKE 'O''FARRELL%'", "OBJECTID > 0"]


@scen(9)
def arcgis():
    host = R.choice(["services.arcgis.com", "gis.countyofsomewhere.gov", "maps.cityofboston.gov", "services1.arcgis.com"])
    w = R.choice(ARC_WHERE)
    base = f"/{alnum(16)}/arcgis/rest/services/{R.choice(['Parcels', 'Zoning', 'Permits_2025', 'Hydrants'])}/FeatureServer/0/query?"
    p = base + qs([("where", w), ("outFields", "*"), ("geometry", '{"xmin":-13638000,"ymin":4537000,"xmax":-13626000,"ymax":4549000,"spatialReference":{"wkid":102100}}'),
                   ("geometryType", "esriGeometryEnvelope"), ("spatialRel", "esriSpatialRelIntersects"), ("returnGeometry", "true"), ("f", "geojson")], comp)
    if R.random() < 0.5:
        s = S(host)
        ref = R.choice(["https://experience.arcgis.com/experience/" + hexs(32), "https://www.arcgis.com/apps/mapviewer/index.html?webmap=" + hexs(32), "https://parcels.countyofsomewhere.gov/"])
        s.reqs.append((0, "GET", p, 200, size(), ref, s.ua))
        s.reqs.append((0.8, "GET", p.replace("f=geojson", "f=pbf&resultOffset=2000"), 200, size(), ref, s.ua))
        return f"ArcGIS feature query from a web map: where={w}", s.reqs
    s = S(host, R.choice([PYREQ, "ArcGIS Pro 3.4.0 (00000000000) - ArcGISPro", "QGIS/33800/Windows 11 Version 2009", "GDAL/3.9.3"]))
    s.api(p.replace("f=geojson", "f=json"))
    return f"ArcGIS REST client query where={w}", s.reqs


@scen(6)
def geoserver():
    host = R.choice(["geo.example.gov", "maps.example-univ.edu", "geoserver.city.example"])
    cql = R.choice(["PERSONS>15000000 AND STATE_NAME LIKE 'N%'", "INTERSECTS(the_geom,POINT(-74.817265 40.5296504))", "BBOX(geom,-122.5,37.7,-122.3,37.8) AND type='hospital'",
                    "DWITHIN(the_geom,POINT(2.35 48.85),1000,meters) AND name ILIKE '%caf%'", "date DURING 2025-01-01T00:00:00Z/2025-11-14T00:00:00Z"])
    p = "/geoserver/wfs?" + qs([("service", "WFS"), ("version", "2.0.0"), ("request", "GetFeature"), ("typeNames", "topp:states"), ("outputFormat", "application/json"), ("cql_filter", cql)], comp)
    if R.random() < 0.5:
        s = S(host, R.choice(["QGIS/33800/Ubuntu 24.04.1 LTS", "GDAL/3.9.3", "OWSLib/0.31.0 python-requests/2.32.3"]))
        s.api(p)
        s.api("/geoserver/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&FORMAT=image%2Fpng&TRANSPARENT=true&LAYERS=topp%3Astates&CRS=EPSG%3A3857&STYLES=&WIDTH=256&HEIGHT=256&BBOX=-10018754.17,5009377.08,-7514065.62,7514065.62")
        return f"GeoServer WFS CQL from a GIS client: {cql}", s.reqs
    s = S(host)
    ref = f"https://{host}/map/"
    s.reqs.append((0, "GET", p, 200, size(), ref, s.ua))
    s.reqs.append((0.5, "GET", "/geoserver/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetFeatureInfo&FORMAT=image%2Fpng&QUERY_LAYERS=topp%3Astates&LAYERS=topp%3Astates&INFO_FORMAT=application%2Fjson&X=128&Y=128&WIDTH=256&HEIGHT=256&SRS=EPSG%3A4326&BBOX=-90,30,-80,40", 200, size(), ref, s.ua))
    return f"GeoServer WFS CQL from a web map: {cql}", s.reqs


@scen(5)
def overpass():
    s = S(R.choice(["overpass-api.de", "overpass.kumi.systems", "maps.mail.ru"]))
    ql = R.choice(["[out:json][timeout:25];node[\"amenity\"=\"cafe\"](52.5,13.3,52.6,13.5);out body;",
                   "[out:json];area[name=\"Wien\"]->.a;(way[highway=cycleway](area.a);relation[route=bicycle](area.a););out geom;",
                   "[out:csv(name,\"addr:street\";true;\";\")];node[shop=bakery](around:500,48.2082,16.3738);out;"])
    if R.random() < 0.5:
        s.reqs.append((0, "GET", "/api/interpreter?data=" + comp(ql), 200, size(), "https://overpass-turbo.eu/", s.ua))
        return "Overpass QL from overpass-turbo", s.reqs
    s.ua = R.choice([PYREQ, "overpy/0.7", "osmnx/1.9.4 (https://github.com/gboeing/osmnx)"])
    s.api("/api/interpreter?data=" + pyq(ql))
    return "Overpass QL from a python client", s.reqs


@scen(5)
def ogc_cql2():
    s = S(R.choice(["demo.pygeoapi.io", "api.planet.example", "earth-search.aws.element84.com", "planetarycomputer.microsoft.com"]), R.choice([PYREQ, "pystac-client/0.8.5", None]) or ua())
    f = R.choice(["S_INTERSECTS(geometry,POLYGON((-122.4 37.7,-122.3 37.7,-122.3 37.8,-122.4 37.8,-122.4 37.7)))", "height > 30 AND name LIKE 'Tower%'",
                  "eo:cloud_cover < 10 AND datetime >= TIMESTAMP('2025-06-01T00:00:00Z')", "T_INTERSECTS(datetime, INTERVAL('2025-01-01','2025-03-31'))"])
    s.api("/collections/" + R.choice(["buildings", "sentinel-2-l2a", "obs"]) + "/items?" + qs([("filter", f), ("filter-lang", "cql2-text"), ("bbox", "-122.5,37.7,-122.3,37.8"), ("limit", "100")], pyq))
    return "OGC API Features CQL2 filter", s.reqs


@scen(4)
def wkt_geojson():
    s = S(R.choice(["api.opendatasoft.example", "geo.api.gouv.fr", "api.example-geo.io"]), R.choice([PYREQ, AXIOS]))
    p = R.choice(["/api/records/1.0/search/?dataset=arbres&geofilter.polygon=" + pyq("(48.88,2.29),(48.89,2.35),(48.85,2.36),(48.88,2.29)"),
                  "/v1/features?geometry=" + pyq("POLYGON((-122.4 37.7,-122.3 37.7,-122.3 37.8,-122.4 37.8,-122.4 37.7))") + "&predicate=intersects",
                  "/v1/within?geojson=" + pyq('{"type":"Point","coordinates":[-73.9857,40.7484]}'),
                  "/communes?lat=48.8566&lon=2.3522&fields=nom,code,codesPostaux&format=geojson&geometry=contour"])
    s.api(p)
    return "WKT / GeoJSON in query", s.reqs


@scen(5)
def nominatim():
    s = S(R.choice(["nominatim.openstreetmap.org", "photon.komoot.io", "api.geoapify.com"]), R.choice([None, "MyApp/1.0 (contact@example.org)", "geopy/2.4.1"]) or ua())
    q = R.choice(["Champ de Mars, 5 Avenue Anatole France, Paris", "O'Hare International Airport", "1600 Pennsylvania Ave NW #1, Washington, DC", "Straße des 17. Juni 135, Berlin", "東京都千代田区丸の内1-9-1"])
    p = "/search?" + qs([("q", q), ("format", "jsonv2"), ("addressdetails", "1"), ("limit", "5")], pyq if "python" in s.ua or "/" in s.ua.split()[0] and "Mozilla" not in s.ua else comp)
    if s.ua.startswith("Mozilla"):
        s.reqs.append((0, "GET", p, 200, size(), "https://www.openstreetmap.org/", s.ua))
    else:
        s.api(p)
    return f"geocoder query: {q}", s.reqs


@scen(3)
def tiles():
    s = S(R.choice(["tile.openstreetmap.org", "api.maptiler.com"]))
    ref = "https://www.bikemap.example/route/123"
    for _ in range(R.randint(3, 6)):
        z = 14
        s.reqs.append((s.t, "GET", f"/{z}/{R.randint(8000,8400)}/{R.randint(5300,5600)}.png", 200, size(), ref, s.ua))
        s.t += 0.05
    return "map tiles", s.reqs


# ================================================================ universities misc
@scen(3)
def lms_gradebook():
    s = S(R.choice(["registrar.example.edu", "my.example.edu"]))
    s.page("/transcript?" + qs([("term", "Fall 2025"), ("courses", "CS-101,MATH-221,ENGL 1A"), ("gpa", ">=3.0")]), assets=assets(2), first=True, ref="-")
    return "student records page", s.reqs


@scen(3)
def thesis_repo():
    s = S(R.choice(["dspace.mit.edu", "escholarship.org", "repository.example.ac.uk"]))
    s.page("/discover?" + qs([("query", "\"graph neural networks\" AND (chemistry OR \"drug discovery\")"), ("filtertype", "dateIssued"), ("filter_relational_operator", "equals"), ("filter", "[2020 TO 2025]")]), assets=assets(2), first=True)
    s.page(f"/handle/1721.1/{R.randint(100000,160000)}")
    return "DSpace repository search", s.reqs


@scen(3)
def bibtex():
    s = S(R.choice(["dblp.org", "inspirehep.net"]), R.choice([None, PYREQ]) or ua())
    if s.ua == PYREQ:
        s.api("/search/publ/api?" + qs([("q", "author:Vaswani_Ashish: year:2017:"), ("format", "json"), ("h", "100")], pyq))
        return "dblp API", s.reqs
    s.page("/search?" + qs([("q", "t:\"attention is all you need\" a:vaswani")]), assets=assets(2), first=True)
    s.page("/rec/conf/nips/VaswaniSPUJGKP17.html?view=bibtex")
    return "dblp bibliography search", s.reqs


# ---------------------------------------------------------------- generator


def main():
    total_w = sum(w for w, _ in SCEN)
    target = 560
    plan = []
    for w, f in SCEN:
        plan += [f] * max(1, round(w * target / total_w))
    R.shuffle(plan)
    net = ipaddress.ip_network("100.80.0.0/12")
    used = set()
    lines = []
    labels = []
    for i, f in enumerate(plan):
        while True:
            ip = str(net[R.randint(256, net.num_addresses - 2)])
            if ip not in used:
                used.add(ip)
                break
        what, reqs = f()
        reqs = reqs[:6]
        if len(reqs) > 1 and R.random() < 0.6:
            # a returning visitor with cached assets, or one API call: only the
            # request that carries the query is logged
            k = max(reqs, key=lambda r: len(r[2]))
            reqs = [(0,) + tuple(k[1:])]
        start = R.uniform(0, 590)
        for (dt, m, p, st, sz, ref, u) in reqs:
            ts = T0 + timedelta(seconds=start + dt)
            lines.append((ts, ip, m, p, st, sz if st not in (204, 304) else 0, ref, u))
        labels.append((ip, what))
    lines.sort(key=lambda x: x[0])

    def esc(s):
        out = []
        for b in s.encode("utf-8"):
            if b == 0x22 or b == 0x5C or b < 0x20 or b > 0x7E:
                out.append("\\x%02X" % b)
            else:
                out.append(chr(b))
        return "".join(out)

    with open(os.path.join(OUT, "benign.log"), "w") as fh:
        for ts, ip, m, p, st, sz, ref, u in lines:
            fh.write(f'{ip} - - [{ts.strftime("%d/%b/%Y:%H:%M:%S")} +0000] "{esc(m + " " + p + " HTTP/1.1")}" {st} {sz} "{esc(ref)}" "{esc(u)}"\n')
    with open(os.path.join(OUT, "benign.labels"), "w") as fh:
        for ip, what in labels:
            fh.write(f"{ip}\tbenign\t{what}\n")
    multi = len({l[1] for l in lines}) - sum(1 for ip in used if sum(1 for l in lines if l[1] == ip) == 1)
    print(f"{len(lines)} requests, {len(labels)} sources, {multi} multi-request")


if __name__ == "__main__":
    main()
