#!/usr/bin/env python3
"""Benign-traffic corpus for gatehawk false-positive review 4.

Every source (one IP each) is a visit of one or more requests of one real
application: Grafana/Prometheus/Loki/InfluxDB, Kibana/Elasticsearch,
Metabase/Redash/Superset, GraphQL, Jupyter, Nextcloud/WebDAV/CalDAV,
Roundcube/Exchange, MediaWiki, GitLab/Gitea, Jenkins, Jira/Confluence,
OpenAPI/OData/SharePoint, S3/MinIO, analytics beacons, image CDNs, map
tiles, Q&A and docs sites, shops/filters, Django/Rails/Laravel/Strapi,
calendars, feeds, health checks, ACME, app links, Webmin/cPanel/Plesk,
WordPress/Drupal/Joomla/Magento/Moodle, forums, pastebins.

Writes benign.log (combined format, sorted by time) and benign.labels
(ADDRESS <TAB> benign <TAB> what the source is) next to this script: a fixed
seed, the same output on every run.
"""
import os
import random
from urllib.parse import quote, quote_plus, urlencode

random.seed(4)

# --------------------------------------------------------------- encoders
def q_form(pairs):
    """HTML form GET / python-requests / Go url.Values: space '+', all reserved encoded."""
    return urlencode(pairs, quote_via=quote_plus)


def q_js(pairs):
    """encodeURIComponent (SPA fetch code): leaves -_.!~*'() raw, space %20."""
    return "&".join(quote(str(k), safe="-_.!~*'()") + "=" + quote(str(v), safe="-_.!~*'()") for k, v in pairs)


def ejs(v):
    return quote(str(v), safe="-_.!~*'()")


def q_curl(pairs):
    """curl --data-urlencode -G: everything but unreserved encoded, space %20."""
    return "&".join(quote(str(k), safe="-._~") + "=" + quote(str(v), safe="-._~") for k, v in pairs)


def q_rison(pairs):
    """Kibana/Superset style: rison left readable, only space/quote/# and the like encoded."""
    return "&".join(k + "=" + quote(str(v), safe="-_.!~*'():,/") for k, v in pairs)


# --------------------------------------------------------------- user agents
CHROME_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
CHROME_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36"
CHROME_LNX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"
FF_LNX = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0"
FF_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0"
FF_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:132.0) Gecko/20100101 Firefox/132.0"
SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
ANDROID = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"
BROWSERS = [CHROME_WIN, CHROME_MAC, CHROME_LNX, EDGE, FF_LNX, FF_WIN, FF_MAC, SAFARI, IPHONE, ANDROID]
DESKTOP = [CHROME_WIN, CHROME_MAC, CHROME_LNX, EDGE, FF_LNX, FF_WIN, FF_MAC, SAFARI]

CURL = "curl/8.5.0"
PYREQ = "python-requests/2.31.0"
GOHTTP = "Go-http-client/1.1"
OKHTTP = "okhttp/4.12.0"
GRAFANA = "Grafana/11.3.0"
PROM = "Prometheus/2.54.1"
NODE = "node"
AXIOS = "axios/1.7.7"


def br():
    return random.choice(BROWSERS)


def dt():
    return random.choice(DESKTOP)


# --------------------------------------------------------------- corpus
SOURCES = []  # (label, [ (method, target, status, referer, ua), ... ])


def S(label, *reqs):
    SOURCES.append((label, list(reqs)))


def R(method, target, status=200, ref="-", ua=None):
    return (method, target, status, ref, ua)


# ============================================================ Grafana
G = "https://grafana.example.com"
ua = dt()
dash = "/d/rYdddlPWk/node-exporter-full?" + q_js([
    ("orgId", 1), ("refresh", "1m"), ("var-datasource", "default"), ("var-job", "node"),
    ("var-node", "web01.example.com:9100"),
    ("var-diskdevices", "[a-z]+|nvme[0-9]+n[0-9]+|mmcblk[0-9]+"), ("from", "now-24h"), ("to", "now")])
S("grafana dashboard + assets",
  R("GET", dash, 200, G + "/dashboards", ua),
  R("GET", "/public/build/app.3f9c2b1e8d4a.js", 200, G + dash, ua),
  R("GET", "/api/dashboards/uid/rYdddlPWk", 200, G + dash, ua),
  R("POST", "/api/ds/query?ds_type=prometheus&requestId=Q108", 200, G + dash, ua))

influx_q = [
    'SELECT mean("usage_idle") FROM "cpu" WHERE ("host" =~ /^web01$/) AND time >= now() - 6h and time <= now() GROUP BY time(1m), "host" fill(null)',
    'SELECT non_negative_derivative(mean("bytes_recv"), 1s) * 8 FROM "net" WHERE ("host" = \'web01\' AND "interface" = \'eth0\') AND time >= now() - 6h and time <= now() GROUP BY time(1m) fill(null)',
    'SHOW TAG VALUES FROM "cpu" WITH KEY = "host"',
    'SELECT last("used_percent") FROM "disk" WHERE ("path" = \'/\') AND time >= now() - 5m GROUP BY "host"',
    'SELECT mean("usage_user") FROM "cpu" WHERE ("cpu" = \'cpu-total\') AND time >= now() - 1h and time <= now() GROUP BY time(10s) fill(null);SELECT mean("usage_system") FROM "cpu" WHERE ("cpu" = \'cpu-total\') AND time >= now() - 1h and time <= now() GROUP BY time(10s) fill(null)',
    'SELECT count("status") FROM "nginx_access" WHERE ("status" =~ /^5/) AND time >= now() - 24h GROUP BY time(5m) fill(0)',
    'SELECT * FROM "syslog" WHERE ("appname" = \'sshd\') AND "message" =~ /Failed password/ AND time >= now() - 1h ORDER BY time DESC LIMIT 100',
    'SHOW MEASUREMENTS WITH MEASUREMENT =~ /nginx.*/ LIMIT 100',
]
for i, q in enumerate(influx_q):
    if i % 2 == 0:  # Grafana <= 7 in the browser, through the datasource proxy
        u = dt()
        page = G + "/d/000000012/telegraf-system-dashboard?orgId=1&var-host=web01"
        S("grafana influx proxy (browser)",
          R("GET", "/api/datasources/proxy/3/query?" + q_js([("db", "telegraf"), ("q", q), ("epoch", "ms")]), 200, page, u))
    else:  # Grafana server to InfluxDB (Go client, GET method configured)
        S("influxdb query from grafana backend",
          R("GET", "/query?" + q_form([("db", "telegraf"), ("epoch", "ms"), ("q", q)]), 200, "-", GRAFANA))

S("influx CLI", R("GET", "/query?" + q_form([("q", "SHOW RETENTION POLICIES ON telegraf"), ("db", "telegraf")]), 200, "-", "InfluxDBShell/1.8.10"))
S("telegraf write", R("POST", "/write?db=telegraf&precision=ns", 204, "-", "Telegraf/1.32.2 Go/1.23.2"))

prom_q = [
    'sum by (status) (rate(nginx_http_requests_total{job="nginx"}[5m]))',
    'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="api",route!~"/health.*"}[5m])))',
    '100 - (avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m])) * 100)',
    'node_filesystem_avail_bytes{fstype!~"tmpfs|overlay",mountpoint="/"} / node_filesystem_size_bytes{fstype!~"tmpfs|overlay",mountpoint="/"} < 0.1',
    'sum(rate(container_cpu_usage_seconds_total{namespace="prod",pod=~"api-.*"}[5m])) by (pod)',
    'up{job="node"} == 0',
    'topk(10, sum by (path) (rate(http_requests_total{code=~"5.."}[1h])))',
    'increase(kube_pod_container_status_restarts_total{namespace=~"prod|staging"}[1h]) > 0',
]
for i, q in enumerate(prom_q):
    k = i % 4
    if k == 0:  # Grafana backend, GET configured
        S("prometheus query_range from grafana",
          R("GET", "/api/v1/query_range?" + q_form([("end", "1763125200"), ("query", q), ("start", "1763103600"), ("step", "30")]), 200, "-", GRAFANA))
    elif k == 1:  # Prometheus' own UI
        u = dt()
        page = "https://prometheus.example.com/graph?g0.expr=" + ejs(q) + "&g0.tab=0&g0.range_input=1h"
        S("prometheus UI graph + xhr",
          R("GET", "/graph?" + q_js([("g0.expr", q), ("g0.tab", 0), ("g0.display_mode", "lines"), ("g0.show_exemplars", 0), ("g0.range_input", "1h")]), 200, "https://prometheus.example.com/graph", u),
          R("GET", "/static/js/main.8a1d3c2e.js", 200, page, u),
          R("GET", "/api/v1/query_range?" + q_js([("query", q), ("start", "1763121600.123"), ("end", "1763125200.123"), ("step", 14)]), 200, page, u))
    elif k == 2:  # script / alert tooling
        S("prometheus API via curl", R("GET", "/api/v1/query?" + q_curl([("query", q)]), 200, "-", CURL))
    else:  # Grafana dashboard in browser through proxy (old Grafana)
        u = dt()
        S("grafana prometheus proxy (browser)",
          R("GET", "/api/datasources/proxy/1/api/v1/query_range?" + q_js([("query", q), ("start", 1763103600), ("end", 1763125200), ("step", 30)]), 200, G + "/d/k8s-prod/kubernetes-pods?orgId=1", u))

S("prometheus federation",
  R("GET", "/federate?" + q_form([("match[]", '{job="prometheus"}'), ("match[]", '{__name__=~"job:.*"}')]), 200, "-", PROM))
S("prometheus series api (curl -g)",
  R("GET", '/api/v1/series?match[]=up&match[]=process_start_time_seconds{job="prometheus"}&start=1763100000', 200, "-", CURL))
S("alertmanager amtool",
  R("GET", "/api/v2/alerts?" + q_form([("active", "true"), ("silenced", "false"), ("inhibited", "false"), ("filter", 'severity="critical"'), ("filter", 'alertname=~"Node.*"')]), 200, "-", GOHTTP))
S("blackbox exporter probe",
  R("GET", "/probe?" + q_form([("module", "http_2xx"), ("target", "https://shop.example.com/healthz")]), 200, "-", PROM))
S("blackbox exporter probe tcp",
  R("GET", "/probe?" + q_form([("module", "tcp_connect"), ("target", "10.0.4.12:5432")]), 200, "-", PROM))
S("snmp exporter probe",
  R("GET", "/snmp?" + q_form([("auth", "public_v2"), ("module", "if_mib"), ("target", "192.168.1.1")]), 200, "-", PROM))

loki_q = [
    '{app="nginx"} |= "error" != "healthcheck"',
    '{namespace="prod", app="api"} | json | level="error" | line_format "{{.ts}} {{.level}} {{.msg}}"',
    'sum by (status) (count_over_time({job="nginx"} | pattern `<ip> - - <_> "<method> <uri> <_>" <status> <_>` [5m]))',
    '{host="web01"} |~ "(?i)timeout|connection refused" | logfmt | duration > 2s',
    '{unit="sshd.service"} |= "Failed password" | regexp `from (?P<ip>\\S+) port`',
    'rate({container="postgres"} |= "ERROR" [1m])',
]
for i, q in enumerate(loki_q):
    if i % 2 == 0:
        S("loki query_range from grafana",
          R("GET", "/loki/api/v1/query_range?" + q_form([("direction", "backward"), ("end", "1763125200000000000"), ("limit", 1000), ("query", q), ("start", "1763121600000000000"), ("step", "2s")]), 200, "-", GRAFANA))
    else:
        u = dt()
        panes = '{"a1b":{"datasource":"P8E80F9AEF21F6940","queries":[{"refId":"A","expr":%s,"queryType":"range","datasource":{"type":"loki","uid":"P8E80F9AEF21F6940"},"editorMode":"code"}],"range":{"from":"now-1h","to":"now"}}}'
        import json as _j
        panes = panes % _j.dumps(q)
        S("grafana explore loki (browser)",
          R("GET", "/explore?schemaVersion=1&panes=" + quote(panes, safe=":,") + "&orgId=1", 200, G + "/explore", u),
          R("GET", "/public/build/explore.7c1e2f3a.js", 200, G + "/explore?schemaVersion=1&orgId=1", u))
S("logcli tail", R("GET", "/loki/api/v1/tail?" + q_form([("query", '{app="api"} |= "panic"'), ("limit", 30)]), 101, "-", "loki-logcli/3.2.1"))

u = dt()
import json as _j
panes = '{"x7k":{"datasource":"P1809F7CD0C75ACF3","queries":[{"refId":"A","expr":"rate(node_network_receive_bytes_total{device!~\\"lo|veth.*\\"}[5m])","range":true,"datasource":{"type":"prometheus","uid":"P1809F7CD0C75ACF3"}}],"range":{"from":"now-6h","to":"now"}}}'
S("grafana explore prometheus", R("GET", "/explore?schemaVersion=1&panes=" + quote(panes, safe=":,") + "&orgId=1", 200, G + "/d/rYdddlPWk/node-exporter-full?orgId=1", u),
  R("GET", "/api/datasources/uid/P1809F7CD0C75ACF3/resources/api/v1/labels?start=1763103600&end=1763125200", 200, G + "/explore", u))
u = dt()
S("grafana shared panel link from slack (no referer) + render",
  R("GET", "/d/f8c1a2/api-latency?orgId=1&viewPanel=4&from=1763100000000&to=1763125200000&var-env=prod&var-route=All", 200, "-", u),
  R("GET", "/public/build/runtime.3e5a1b.js", 200, G + "/d/f8c1a2/api-latency?orgId=1&viewPanel=4&from=1763100000000&to=1763125200000&var-env=prod&var-route=All", u))
u = dt()
S("grafana login redirect",
  R("GET", "/d/f8c1a2/api-latency?orgId=1", 302, "-", u),
  R("GET", "/login?redirectTo=" + ejs("/d/f8c1a2/api-latency?orgId=1"), 200, "-", u),
  R("GET", "/public/build/grafana.light.5d2a.css", 200, G + "/login", u))
S("grafana image renderer", R("GET", "/render/d-solo/f8c1a2/api-latency?orgId=1&panelId=4&width=1000&height=500&tz=UTC&from=now-1h&to=now", 200, "-", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.28 Safari/537.36"))
S("grafana api search (script)", R("GET", "/api/search?" + q_form([("query", "nginx"), ("type", "dash-db"), ("limit", 50)]), 200, "-", PYREQ))
S("grafana annotation from CI", R("POST", "/api/annotations", 200, "-", CURL))
S("grafana alert list api", R("GET", "/api/prometheus/grafana/api/v1/rules?" + q_form([("type", "alert"), ("state", "firing")]), 200, "-", PYREQ))
S("graphite render from grafana",
  R("GET", "/render?" + q_form([("target", "aliasByNode(summarize(servers.web*.cpu.total.user,'1h','avg'),1)"), ("from", "-24h"), ("until", "now"), ("format", "json"), ("maxDataPoints", 1440)]), 200, "-", GRAFANA))
S("graphite metrics find", R("GET", "/metrics/find?" + q_form([("query", "servers.*.disk.*"), ("from", "-6h")]), 200, "-", GRAFANA))

# ============================================================ Kibana / Elasticsearch
K = "https://kibana.example.com"
u = dt()
S("kibana discover + xhr",
  R("GET", "/app/discover", 200, K + "/app/home", u),
  R("GET", "/internal/data_views/fields?" + q_js([("pattern", "logs-*"), ("meta_fields", "_source"), ("meta_fields", "_id"), ("meta_fields", "_index"), ("meta_fields", "_score"), ("allow_no_index", "true"), ("apiVersion", 1)]), 200, K + "/app/discover", u),
  R("POST", "/internal/search/ese", 200, K + "/app/discover", u))
u = dt()
nxt = "/app/discover#/?_g=(filters:!(),refreshInterval:(pause:!t,value:60000),time:(from:now-15m,to:now))&_a=(columns:!(message,host.name),dataSource:(dataViewId:'logs-*',type:dataView),query:(language:kuery,query:'http.response.status_code >= 500'))"
S("kibana login redirect with rison state",
  R("GET", "/login?next=" + quote(nxt, safe=""), 200, "-", u),
  R("GET", "/bootstrap-anonymous.js", 200, K + "/login?next=" + quote(nxt, safe=""), u))
u = dt()
S("kibana saved objects find",
  R("GET", "/api/saved_objects/_find?" + q_js([("fields", "title"), ("per_page", 10000), ("type", "index-pattern")]), 200, K + "/app/dashboards", u))
S("kibana share link (locator)",
  R("GET", "/app/r?l=DISCOVER_APP_LOCATOR&v=8.15.3&lz=N4IgjgrgpgTgniAXKARgQwDYHsDmGB2ABAO4AWaBAJpQN4BsABgB4AuAgmKUnQAGtIAbkgDGAPwBmAShqQA0AFoBmAE4AWAOwAGADQAWAJ4AGEAF9pIA", 200, "-", CHROME_MAC),
  R("GET", "/XXXXXXXXXXXX/bundles/core/core.entry.js", 200, K + "/app/r?l=DISCOVER_APP_LOCATOR&v=8.15.3", CHROME_MAC))
S("kibana status api", R("GET", "/api/status", 200, "-", "kube-probe/1.30"))
S("elasticsearch cat indices", R("GET", "/_cat/indices?v&s=store.size:desc&h=index,docs.count,store.size", 200, "-", CURL))
S("elasticsearch cluster health readiness", R("GET", "/_cluster/health?wait_for_status=yellow&timeout=50s", 200, "-", CURL))
S("elasticsearch query_string search",
  R("GET", "/logs-nginx-2025.11.14/_search?" + q_curl([("q", 'http.response.status_code:[500 TO 599] AND url.path:"/api/checkout"'), ("size", 20), ("sort", "@timestamp:desc")]), 200, "-", CURL))
S("filebeat bulk", R("POST", "/_bulk", 200, "-", "Elastic-filebeat/8.15.3 (linux; amd64; 6b2c6c5b; 2024-10-10 14:02:17 +0000 UTC)"))
S("elasticsearch nodes stats (metricbeat)", R("GET", "/_nodes/_local/stats/jvm,os,process", 200, "-", "Elastic-metricbeat/8.15.3 (linux; amd64; 6b2c6c5b; 2024-10-10 14:02:17 +0000 UTC)"))
S("elasticsearch-head with base_uri",
  R("GET", "/?base_uri=http://localhost:9200&auth_user=elastic", 200, "-", FF_LNX),
  R("GET", "/vendor.js", 200, "http://es-head.example.internal:9100/?base_uri=http://localhost:9200&auth_user=elastic", FF_LNX),
  R("GET", "/app.css", 200, "http://es-head.example.internal:9100/?base_uri=http://localhost:9200&auth_user=elastic", FF_LNX))

# ============================================================ Metabase / Redash / Superset
M = "https://metabase.example.com"
u = dt()
S("metabase dashboard with filters",
  R("GET", "/dashboard/7-sales-overview?" + q_js([("date_filter", "2025-10-01~2025-10-31"), ("category", "Widget"), ("state", "CA")]), 200, M + "/collection/root", u),
  R("GET", "/app/dist/app-main.8d1e2f.js", 200, M + "/dashboard/7-sales-overview", u),
  R("POST", "/api/dashboard/7/dashcard/31/card/42/query", 202, M + "/dashboard/7-sales-overview", u))
u = dt()
S("metabase native editor autocomplete",
  R("GET", "/api/database/2/autocomplete_suggestions?substring=ord", 200, M + "/question/notebook", u),
  R("GET", "/api/database/2/card_autocomplete_suggestions?query=revenue", 200, M + "/question/notebook", u))
S("metabase field value search", R("GET", "/api/field/57/search/57?value=O%27Reilly&limit=100", 200, M + "/question/51-customer-lookup", dt()))
S("metabase question with email param", R("GET", "/question/51-customer-lookup?" + q_js([("email", "jane.doe@example.com")]), 200, "-", dt()),
  )
S("metabase search api", R("GET", "/api/search?q=revenue&models=card&models=dashboard&context=search-bar", 200, M + "/", dt()))
S("metabase embed (iframe)",
  R("GET", "/embed/dashboard/eyJhbGciOiJIUzI1NiJ9.eyJyZXNvdXJjZSI6eyJkYXNoYm9hcmQiOjd9LCJwYXJhbXMiOnt9LCJleHAiOjE3NjMxMjYwMDB9.Qd3vT1m4rB2q8Xy7kZp0sLwN5cJ9hF6gA1eU3iO2yT4", 200, "https://intranet.example.com/reports/sales", dt()))
S("metabase public question csv", R("GET", "/public/question/5b7c3a1e-8f2d-4e6a-9b1c-3d2e7f8a9b0c.csv?parameters=%5B%5D", 200, "-", "Mozilla/5.0 (compatible; GoogleDocs; apps-spreadsheets; +http://docs.google.com)"))
RD = "https://redash.example.com"
u = dt()
S("redash query with params",
  R("GET", "/queries/12?" + q_js([("p_start_date", "2025-11-01"), ("p_end_date", "2025-11-14"), ("p_country", "US")]), 200, RD + "/queries", u),
  R("GET", "/static/app.4f2c1b.js", 200, RD + "/queries/12", u),
  R("POST", "/api/queries/12/results", 200, RD + "/queries/12", u))
S("redash api results csv (sheet)", R("GET", "/api/queries/12/results.csv?api_key=Yq3x8vV2mN7pL0kR4tW9zB1cD6fH5jS8", 200, "-", "Mozilla/5.0 (compatible; GoogleDocs; apps-spreadsheets; +http://docs.google.com)"))
S("redash query search", R("GET", "/api/queries/search?q=revenue&include_drafts=true", 200, RD + "/queries", dt()))
SS = "https://superset.example.com"
u = dt()
S("superset chart list (rison)",
  R("GET", "/api/v1/chart/?q=" + quote("(columns:!(changed_on_delta_humanized,slice_name,viz_type,datasource_name_text),filters:!((col:slice_name,opr:chart_all_text,value:'sales report')),order_column:changed_on_delta_humanized,order_direction:desc,page:0,page_size:25)", safe="():,!'"), 200, SS + "/chart/list/", u),
  R("GET", "/api/v1/chart/_info?q=(keys:!(permissions))", 200, SS + "/chart/list/", u))
S("superset dashboard list",
  R("GET", "/api/v1/dashboard/?q=" + quote("(filters:!((col:dashboard_title,opr:title_or_slug,value:ops)),order_column:changed_on_delta_humanized,order_direction:desc,page:0,page_size:25)", safe="():,!'"), 200, SS + "/dashboard/list/", dt()))
S("superset database list",
  R("GET", "/api/v1/database/?q=" + quote("(filters:!((col:expose_in_sqllab,opr:eq,value:!t)),order_columns:database_name,order_direction:asc,page:0,page_size:-1)", safe="():,!'"), 200, SS + "/sqllab/", dt()))
S("superset explore", R("GET", "/explore/?form_data_key=Fz8kq2LrTjU&slice_id=42", 200, SS + "/superset/dashboard/sales/", dt()))

# ============================================================ GraphQL
SHOP = "https://shop.example.com"
apq = '{"persistedQuery":{"version":1,"sha256Hash":"8a6e3f0b1c2d4e5f60718293a4b5c6d7e8f90123456789abcdef0123456789ab"}}'
u = br()
S("apollo persisted query GET",
  R("GET", "/graphql?" + q_js([("operationName", "ProductPage"), ("variables", '{"handle":"linen-shirt","country":"US"}'), ("extensions", apq)]), 200, SHOP + "/products/linen-shirt", u))
prod_q = "query ProductPage($handle: String!, $country: CountryCode) {\n  product(handle: $handle) {\n    id\n    title\n    description\n    variants(first: 10) {\n      nodes {\n        id\n        price {\n          amount\n          currencyCode\n          __typename\n        }\n        __typename\n      }\n      __typename\n    }\n    __typename\n  }\n}"
u = br()
S("apollo APQ miss retried with query (GET)",
  R("GET", "/graphql?" + q_js([("operationName", "ProductPage"), ("variables", '{"handle":"linen-shirt","country":"US"}'), ("extensions", apq)]), 200, SHOP + "/collections/shirts", u),
  R("GET", "/graphql?" + q_js([("operationName", "ProductPage"), ("variables", '{"handle":"linen-shirt","country":"US"}'), ("extensions", apq), ("query", prod_q)]), 200, SHOP + "/collections/shirts", u))
user_q = "query CurrentUser {\n  viewer {\n    id\n    name\n    email\n    avatarUrl\n    __typename\n  }\n}"
S("apollo useGETForQueries", R("GET", "/graphql?" + q_js([("operationName", "CurrentUser"), ("variables", "{}"), ("query", user_q)]), 200, "https://app.example.com/settings/profile", br()))
S("graphql one-line GET from curl", R("GET", "/graphql?query=" + quote("{user(id:1){name email}}", safe=""), 200, "-", CURL))
S("graphql introspection from Postman", R("GET", "/graphql?query=" + quote("{__schema{queryType{name}types{name kind}}}", safe=""), 200, "-", "PostmanRuntime/7.42.0"))
S("wpgraphql GET", R("GET", "/graphql?" + q_js([("query", "query GetPosts { posts(first: 10, where: {categoryName: \"news\"}) { nodes { id title slug date } } }")]), 200, "-", NODE))
S("github-style graphql GET", R("GET", "/api/graphql?" + q_js([("query", 'query { repository(owner: "acme", name: "api") { issues(first: 20, states: OPEN, orderBy: {field: CREATED_AT, direction: DESC}) { nodes { number title } } } }')]), 200, "https://git.example.com/acme/api/issues", dt()))
S("relay GET with variables", R("GET", "/graphql?" + q_js([("doc_id", "7421853629"), ("variables", '{"first":20,"after":"YXJyYXljb25uZWN0aW9uOjE5","filter":{"status":["OPEN","IN_PROGRESS"]}}')]), 200, "https://app.example.com/tickets", br()))
S("hasura graphql POST", R("POST", "/v1/graphql", 200, "https://admin.example.com/console/api/api-explorer", dt()))

# ============================================================ Jupyter
J = "https://jupyter.example.com"
u = dt()
S("jupyterhub login next",
  R("GET", "/hub/login?next=" + ejs("/hub/user-redirect/lab/tree/projects/etl/pipeline.ipynb"), 200, "-", u),
  R("GET", "/hub/static/css/style.min.css?v=9f2c1a", 200, J + "/hub/login?next=%2Fhub%2Fuser-redirect%2Flab%2Ftree%2Fprojects%2Fetl%2Fpipeline.ipynb", u))
u = dt()
S("jupyterlab open notebook",
  R("GET", "/user/alice/lab/tree/projects/etl/pipeline.ipynb", 200, J + "/hub/home", u),
  R("GET", "/user/alice/api/contents/projects/etl/pipeline.ipynb?type=notebook&content=1&hash=0&1763125200123", 200, J + "/user/alice/lab/tree/projects/etl/pipeline.ipynb", u),
  R("GET", "/user/alice/api/kernels/0d8b2f4e-6c1a-4b7e-9f3d-2a5c8e1b7d6f/channels?session_id=ab12cd34-ef56-7890-ab12-cd34ef567890", 101, J + "/user/alice/lab/tree/projects/etl/pipeline.ipynb", u))
u = dt()
S("jupyterlab open config file",
  R("GET", "/user/bob/api/contents/projects/etl/config.yaml?type=file&format=text&content=1&hash=0&1763125201999", 200, J + "/user/bob/lab/tree/projects/etl", u))
u = dt()
S("jupyterlab open docker-compose.yml",
  R("GET", "/user/carol/api/contents/projects/webapp/docker-compose.yml?type=file&format=text&content=1&hash=0&1763125202456", 200, J + "/user/carol/lab/tree/projects/webapp", u))
u = dt()
S("jupyterlab open Dockerfile",
  R("GET", "/user/dave/api/contents/projects/webapp/Dockerfile?type=file&format=text&content=1&hash=0&1763125203001", 200, J + "/user/dave/lab/tree/projects/webapp", u))
S("jupyter terminal websocket", R("GET", "/user/alice/terminals/websocket/1", 101, J + "/user/alice/lab/terminals/1", dt()))
S("jupyter download csv", R("GET", "/user/alice/files/projects/etl/output/report.csv?_xsrf=2%7C8f3c1a2b%7Cd4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9%7C1763000000", 200, J + "/user/alice/lab/tree/projects/etl/output", dt()))
S("jupyterhub api spawn (admin script)", R("POST", "/hub/api/users/alice/server", 202, "-", PYREQ))
S("jupyter nbconvert html", R("GET", "/user/alice/nbconvert/html/projects/etl/pipeline.ipynb?download=false", 200, J + "/user/alice/lab/tree/projects/etl/pipeline.ipynb", dt()))

# ============================================================ Nextcloud / WebDAV / CalDAV
NC = "https://cloud.example.com"
MIRALL = "Mozilla/5.0 (Linux) mirall/3.14.1 (Nextcloud, ubuntu-24.04 ClientArchitecture: x86_64 OsArchitecture: x86_64)"
MIRALL_W = "Mozilla/5.0 (Windows) mirall/3.14.1 (Nextcloud, windows-10.0.22631 ClientArchitecture: x86_64 OsArchitecture: x86_64)"
u = dt()
S("nextcloud files app dir",
  R("GET", "/apps/files/?dir=/Documents/Projects/2025&fileid=4812", 200, NC + "/apps/files/?dir=/Documents", u),
  R("PROPFIND", "/remote.php/dav/files/alice/Documents/Projects/2025", 207, NC + "/apps/files/?dir=/Documents/Projects/2025&fileid=4812", u),
  R("GET", "/core/preview?fileId=4920&x=250&y=250&a=true&mimeFallback=true&etag=6f2c1a8b", 200, NC + "/apps/files/?dir=/Documents/Projects/2025&fileid=4812", u))
u = dt()
S("nextcloud folder named etc",
  R("GET", "/apps/files/?dir=/Backups/server01/etc/nginx&fileid=9120", 200, NC + "/apps/files/?dir=/Backups/server01/etc&fileid=9119", u))
S("nextcloud desktop PROPFIND", R("PROPFIND", "/remote.php/dav/files/alice/Documents/", 207, "-", MIRALL))
S("nextcloud desktop status", R("GET", "/status.php", 200, "-", MIRALL_W))
S("nextcloud desktop sync: get file", R("GET", "/remote.php/dav/files/alice/Documents/Taxes/2024-return.pdf", 200, "-", MIRALL_W))
S("nextcloud desktop sync: upload photo", R("PUT", "/remote.php/dav/files/bob/Photos/2025/IMG_2034.jpg", 201, "-", MIRALL))
S("nextcloud desktop sync: project docker-compose.yml", R("PUT", "/remote.php/dav/files/carol/Projects/webapp/docker-compose.yml", 204, "-", MIRALL))
S("nextcloud desktop sync: project .gitignore", R("GET", "/remote.php/dav/files/carol/Projects/webapp/.gitignore", 200, "-", MIRALL))
S("nextcloud desktop sync: git repo internals", R("PUT", "/remote.php/dav/files/dave/Code/scripts/.git/HEAD", 201, "-", MIRALL_W))
S("nextcloud desktop sync: sql dump in Backups", R("GET", "/remote.php/dav/files/erin/Backups/db/wordpress-2025-11-13.sql.gz", 200, "-", MIRALL))
S("nextcloud android upload", R("PUT", "/remote.php/dav/files/bob/InstantUpload/Camera/2025/11/PXL_20251114_120301234.jpg", 201, "-", "Mozilla/5.0 (Android) Nextcloud-android/3.30.3"))
S("nextcloud notifications xhr", R("GET", "/ocs/v2.php/apps/notifications/api/v2/notifications?format=json", 200, NC + "/apps/dashboard/", dt()))
S("nextcloud share api", R("GET", "/ocs/v2.php/apps/files_sharing/api/v1/shares?" + q_js([("format", "json"), ("path", "/Documents/Report Q3.docx"), ("reshares", "true")]), 200, NC + "/apps/files/?dir=/Documents", dt()))
S("nextcloud public share", R("GET", "/s/Kx7mQ2pLr9TzW4a", 200, "-", br()), R("GET", "/apps/theming/theme/light.css?plain=0&v=6f2c1a8b", 200, NC + "/s/Kx7mQ2pLr9TzW4a", None))
S("nextcloud public share download", R("GET", "/s/Kx7mQ2pLr9TzW4a/download?path=%2F&files=Invoices-2025.zip", 200, NC + "/s/Kx7mQ2pLr9TzW4a", dt()))
S("nextcloud download.php ajax", R("GET", "/index.php/apps/files/ajax/download.php?dir=%2FPhotos&files=IMG_2034.jpg", 200, NC + "/apps/files/?dir=/Photos", dt()))
DAVX = "DAVx5/4.4.3.2-ose (2024/10/07; dav4jvm; okhttp/4.12.0) Android/14"
S("caldav well-known (macOS)", R("PROPFIND", "/.well-known/caldav", 301, "-", "macOS/15.1 (24B83) dataaccessd/1.0"))
S("caldav DAVx5 report", R("REPORT", "/remote.php/dav/calendars/alice/personal/", 207, "-", DAVX))
S("caldav DAVx5 put event", R("PUT", "/remote.php/dav/calendars/alice/personal/0F3A9C2E-7B1D-4E8F-A6C5-2D9B8E1F3A7C.ics", 201, "-", DAVX))
S("carddav iOS propfind", R("PROPFIND", "/remote.php/dav/addressbooks/users/alice/contacts/", 207, "-", "iOS/18.1 (22B83) dataaccessd/1.0"))
S("caldav thunderbird", R("REPORT", "/remote.php/dav/calendars/bob/work/", 207, "-", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.4.0"))
S("webdav davfs2 mount", R("PROPFIND", "/remote.php/webdav/Shared/", 207, "-", "davfs2/1.7.0 neon/0.33.0"))
S("webdav windows mini-redirector", R("PROPFIND", "/remote.php/webdav/", 207, "-", "Microsoft-WebDAV-MiniRedir/10.0.22631"))
S("webdav rclone", R("PROPFIND", "/remote.php/dav/files/erin/Archive/", 207, "-", "rclone/v1.68.1"))
S("radicale ics", R("GET", "/alice/calendar.ics/", 200, "-", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.4.0"))

# ============================================================ webmail
W = "https://mail.example.com"
u = dt()
S("roundcube inbox",
  R("GET", "/?_task=mail&_mbox=INBOX", 200, W + "/?_task=login", u),
  R("GET", "/skins/elastic/styles/styles.min.css?s=1731589200", 200, W + "/?_task=mail&_mbox=INBOX", u),
  R("GET", "/?_task=mail&_action=list&_refresh=1&_layout=widescreen&_mbox=INBOX&_page=&_remote=1&_unlock=loading1763125200123&_=1763125200100", 200, W + "/?_task=mail&_mbox=INBOX", u))
u = dt()
S("roundcube preview message",
  R("GET", "/?_task=mail&_caps=pdf%3D1%2Cflash%3D0%2Ctiff%3D0%2Cwebp%3D1%2Cpgpmime%3D0&_uid=4821&_mbox=INBOX&_framed=1&_action=preview", 200, W + "/?_task=mail&_mbox=INBOX", u),
  R("GET", "/?_task=mail&_action=get&_uid=4821&_mbox=INBOX&_part=2&_embed=1&_mimeclass=image&_framed=1", 200, W + "/?_task=mail&_caps=pdf%3D1&_uid=4821&_mbox=INBOX&_framed=1&_action=preview", u))
S("roundcube search cron mails",
  R("GET", "/?_task=mail&_action=search&_q=" + ejs("Cron <root@web01>") + "&_headers=subject&_layout=widescreen&_filter=ALL&_scope=base&_mbox=INBOX&_remote=1&_unlock=loading1763125201999&_=1763125200101", 200, W + "/?_task=mail&_mbox=INBOX", dt()))
S("roundcube search logwatch",
  R("GET", "/?_task=mail&_action=search&_q=" + ejs("Logwatch for web01 (Linux)") + "&_headers=subject&_layout=widescreen&_filter=ALL&_scope=base&_mbox=INBOX&_remote=1&_unlock=loading1763125201999&_=1763125200101", 200, W + "/?_task=mail&_mbox=INBOX", dt()))
S("roundcube attachment download", R("GET", "/?_task=mail&_action=get&_uid=4822&_mbox=INBOX&_part=2&_download=1&_token=Zm9vYmFyYmF6", 200, W + "/?_task=mail&_action=show&_uid=4822&_mbox=INBOX", dt()))
S("roundcube compose mailto", R("GET", "/?_task=mail&_action=compose&_to=support%40example.com&_subject=Question%20about%20invoice%20%2312345", 200, "https://www.example.com/contact", dt()))
S("roundcube open in new window", R("GET", "/?_task=mail&_action=show&_uid=4823&_mbox=INBOX.Sent&_extwin=1", 200, W + "/?_task=mail&_mbox=INBOX.Sent", dt()))
OUTLOOK = "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18129; Pro)"
S("exchange autodiscover v2 json", R("GET", "/autodiscover/autodiscover.json/v1.0/jdoe@example.com?Protocol=AutodiscoverV1&RedirectCount=1", 200, "-", OUTLOOK))
S("exchange autodiscover v2 activesync", R("GET", "/autodiscover/autodiscover.json?Email=jdoe%40example.com&Protocol=ActiveSync&RedirectCount=1", 200, "-", "Outlook-iOS/723.4027091.prod.iphone (4.2445.0)"))
S("exchange autodiscover xml", R("POST", "/autodiscover/autodiscover.xml", 200, "-", OUTLOOK))
S("exchange activesync iphone", R("POST", "/Microsoft-Server-ActiveSync?Cmd=Sync&User=jdoe&DeviceId=ABCD1234EFGH5678&DeviceType=iPhone", 200, "-", "Apple-iPhone15C2/2201.83"))
S("exchange mapi", R("POST", "/mapi/emsmdb/?MailboxId=3f8a1c2e-7b4d-4e6f-9a1b-2c3d4e5f6a7b@example.com", 200, "-", OUTLOOK))
S("owa logon redirect", R("GET", "/owa/auth/logon.aspx?replaceCurrent=1&url=https%3a%2f%2fmail.example.com%2fowa%2f", 200, "-", dt()),
  R("GET", "/owa/auth/15.2.1544/themes/resources/segoeui-regular.woff", 200, "https://mail.example.com/owa/auth/logon.aspx?replaceCurrent=1&url=https%3a%2f%2fmail.example.com%2fowa%2f", None))
S("owa published calendar", R("GET", "/owa/calendar/8f3c1a2b4d5e6f70@example.com/1a2b3c4d5e6f7081/calendar.ics", 200, "-", "Google-Calendar-Importer"))

# ============================================================ MediaWiki
WK = "https://wiki.example.org"
u = dt()
S("mediawiki search",
  R("GET", "/index.php?" + q_form([("search", "nginx proxy_pass trailing slash"), ("title", "Special:Search"), ("fulltext", "1")]), 200, WK + "/wiki/Main_Page", u),
  R("GET", "/load.php?lang=en&modules=skins.vector.styles.legacy&only=styles&skin=vector", 200, WK + "/index.php?search=nginx+proxy_pass+trailing+slash&title=Special%3ASearch&fulltext=1", u))
S("mediawiki search config var", R("GET", "/index.php?" + q_form([("search", "$wgServer"), ("title", "Special:Search"), ("go", "Go")]), 200, WK + "/wiki/Manual:Configuration_settings", dt()))
S("mediawiki insource regex search (editor)",
  R("GET", "/api.php?" + q_form([("action", "query"), ("list", "search"), ("srsearch", "insource:/\\{\\{cite web/ intitle:nginx"), ("srlimit", 50), ("format", "json")]), 200, "-", "AutoWikiBrowser/6.3.1.1"))
S("mediawiki common.js raw", R("GET", "/index.php?title=MediaWiki:Common.js&action=raw&ctype=text/javascript", 200, WK + "/wiki/Main_Page", dt()))
S("mediawiki user script raw", R("GET", "/index.php?title=User:Alice/common.js&action=raw&ctype=text/javascript", 200, WK + "/wiki/Main_Page", dt()))
S("mediawiki template page", R("GET", "/wiki/Template:Infobox_software", 200, WK + "/wiki/Nginx", dt()))
S("mediawiki magic words help", R("GET", "/wiki/Help:Magic_words", 200, WK + "/wiki/Help:Contents", dt()))
S("mediawiki page on shell redirection", R("GET", "/wiki/Bash/Redirection_(2%3E%261)", 200, "https://www.google.com/", br()))
S("mediawiki recent changes atom", R("GET", "/index.php?title=Special:RecentChanges&feed=atom&days=7&limit=50", 200, "-", "Tiny Tiny RSS/24.11 (Unsupported) (https://tt-rss.org/)"))
S("mediawiki diff", R("GET", "/index.php?title=Docker_Compose&diff=48213&oldid=48190", 200, WK + "/index.php?title=Docker_Compose&action=history", dt()))
S("mediawiki edit section", R("GET", "/index.php?title=Nginx&action=edit&section=3", 200, WK + "/wiki/Nginx", dt()))
S("mediawiki api parse", R("GET", "/api.php?action=parse&page=Main_Page&prop=text%7Csections&format=json&formatversion=2", 200, "-", PYREQ))
S("mediawiki opensearch", R("GET", "/api.php?action=opensearch&format=json&formatversion=2&search=systemd%20ExecSta&namespace=0&limit=10", 200, WK + "/wiki/Systemd", dt()))
S("mediawiki page title with slash etc", R("GET", "/wiki/Configuration_files_in_/etc", 200, WK + "/wiki/Linux_basics", dt()))
S("mediawiki special export", R("GET", "/index.php?title=Special:Export/Nginx", 200, WK + "/wiki/Nginx", dt()))

# ============================================================ GitLab / Gitea
GL = "https://git.example.com"
for path in ["etc/nginx/nginx.conf", "roles/base/templates/sshd_config.j2", "README.md", ".gitlab-ci.yml",
             "docker-compose.yml", "Dockerfile", ".env.example", "config/database.yml",
             ".vscode/settings.json", ".github/workflows/ci.yml", "Makefile", "package-lock.json"]:
    proj = "acme/webapp" if not path.startswith(("etc", "roles")) else "acme/infra"
    u = dt()
    S("gitlab blob view " + path,
      R("GET", "/%s/-/blob/main/%s" % (proj, path), 200, GL + "/" + proj, u),
      R("GET", "/assets/webpack/main.chunk.8f3c1a2b.js", 200, GL + "/%s/-/blob/main/%s" % (proj, path), u))
S("gitlab raw via curl (deploy doc)", R("GET", "/acme/deploy/-/raw/main/docker-compose.yml", 200, "-", CURL))
S("gitlab raw install script", R("GET", "/acme/tools/-/raw/main/install.sh", 200, "-", "Wget/1.21.4"))
S("gitlab blame", R("GET", "/acme/infra/-/blame/main/etc/nginx/sites-available/default", 200, GL + "/acme/infra/-/blob/main/etc/nginx/sites-available/default", dt()))
S("gitlab tree under etc", R("GET", "/acme/infra/-/tree/main/etc/systemd/system", 200, GL + "/acme/infra/-/tree/main/etc", dt()))
S("gitlab code search", R("GET", "/search?" + q_form([("search", "subprocess.run("), ("nav_source", "navbar"), ("project_id", 12), ("search_code", "true"), ("repository_ref", "main"), ("scope", "blobs")]), 200, GL + "/acme/webapp", dt()))
S("gitlab api raw file via token", R("GET", "/api/v4/projects/12/repository/files/config%2Fdatabase.yml/raw?ref=main", 200, "-", PYREQ))
S("gitlab runner job request", R("POST", "/api/v4/jobs/request", 204, "-", "gitlab-runner 17.5.2 (17-5-stable; go1.22.7; linux/amd64)"))
S("git clone info/refs", R("GET", "/acme/webapp.git/info/refs?service=git-upload-pack", 200, "-", "git/2.43.0"),
  R("POST", "/acme/webapp.git/git-upload-pack", 200, "-", "git/2.43.0"))
S("gitlab commits atom", R("GET", "/acme/webapp/-/commits/main?format=atom", 200, "-", "Miniflux/2.2.3 (https://miniflux.app)"))
S("gitlab merge request diff", R("GET", "/acme/webapp/-/merge_requests/87/diffs?diff_id=1203&start_sha=3f8a1c2e", 200, GL + "/acme/webapp/-/merge_requests/87", dt()))
GT = "https://gitea.example.org"
for path in ["system/skeleton/etc/passwd", "system/skeleton/etc/group", "package/base-files/files/etc/shadow", "board/raspberrypi/post-build.sh"]:
    u = dt()
    repo = "mirrors/buildroot" if path.startswith(("system", "board")) else "mirrors/openwrt"
    d = "/%s/src/branch/master/%s" % (repo, path.rsplit("/", 1)[0])
    # directory listing loads the (long-cached) assets; the file page that
    # follows is served from the browser cache and asks for nothing else
    S("gitea view " + path,
      R("GET", d, 200, GT + "/" + repo, u),
      R("GET", "/assets/css/index.css?v=1.22.3", 200, GT + d, u),
      R("GET", "/assets/js/index.js?v=1.22.3", 200, GT + d, u),
      R("GET", "/%s/src/branch/master/%s" % (repo, path), 200, GT + d, u))
S("gitea raw .travis.yml", R("GET", "/mirrors/redis/raw/branch/unstable/.travis.yml", 200, GT + "/mirrors/redis/src/branch/unstable/.travis.yml", dt()))
S("gitea repo rss", R("GET", "/acme/webapp.rss", 200, "-", "FreshRSS/1.24.3 (Linux; https://freshrss.org)"))
S("gitea release docker-compose download", R("GET", "/acme/selfhost/releases/download/v2.4.0/docker-compose.yml", 200, "-", "Wget/1.21.4"))
S("gitea api", R("GET", "/api/v1/repos/acme/webapp/issues?state=open&labels=bug&limit=50", 200, "-", PYREQ))

# ============================================================ Jenkins
JK = "https://ci.example.com"
u = dt()
S("jenkins console",
  R("GET", "/job/webapp/job/main/412/console", 200, JK + "/job/webapp/job/main/", u),
  R("GET", "/static/7a3c1e2f/jsbundles/app.js", 200, JK + "/job/webapp/job/main/412/console", u),
  R("GET", "/job/webapp/job/main/412/logText/progressiveHtml?start=0", 200, JK + "/job/webapp/job/main/412/console", u))
S("jenkins workspace file view", R("GET", "/job/webapp/ws/deploy/docker-compose.yml/*view*/", 200, JK + "/job/webapp/ws/deploy/", dt()))
S("jenkins workspace dir", R("GET", "/job/webapp/ws/target/", 200, JK + "/job/webapp/ws/", dt()))
S("jenkins artifact", R("GET", "/job/webapp/job/main/lastSuccessfulBuild/artifact/dist/webapp-2.4.0.tar.gz", 200, JK + "/job/webapp/job/main/lastSuccessfulBuild/", dt()))
S("jenkins api tree", R("GET", "/api/json?tree=jobs%5Bname%2Ccolor%2Curl%2ClastBuild%5Bnumber%2Cresult%2Ctimestamp%5D%5D", 200, "-", PYREQ))
S("jenkins api tree curl -g", R("GET", "/job/webapp/api/json?tree=builds[number,result,duration,timestamp]{0,20}", 200, "-", CURL))
S("jenkins buildWithParameters", R("POST", "/job/deploy/buildWithParameters?" + q_curl([("token", "d3pl0yT0k3n"), ("ENVIRONMENT", "staging"), ("GIT_REF", "release/2.4")]), 201, "-", CURL))
S("jenkins git form validation", R("GET", "/job/webapp/descriptorByName/hudson.plugins.git.UserRemoteConfig/checkUrl?" + q_js([("value", "git@git.example.com:acme/webapp.git"), ("credentialsId", "deploy-key")]), 200, JK + "/job/webapp/configure", dt()))
S("jenkins choice param validation", R("GET", "/job/deploy/descriptorByName/hudson.model.ChoiceParameterDefinition/checkChoices?value=" + ejs("dev\nstaging\nprod"), 200, JK + "/job/deploy/configure", dt()))
S("jenkins script path validation", R("GET", "/job/webapp/descriptorByName/org.jenkinsci.plugins.workflow.cps.CpsScmFlowDefinition/checkScriptPath?value=Jenkinsfile", 200, JK + "/job/webapp/configure", dt()))
S("jenkins crumb", R("GET", "/crumbIssuer/api/json", 200, "-", PYREQ))
S("jenkins rss", R("GET", "/job/webapp/rssFailed", 200, "-", "Mozilla/5.0 (compatible; Inoreader/1.0; +http://www.inoreader.com/feed-fetcher; 2 subscribers; )"))
S("jenkins github webhook", R("POST", "/github-webhook/", 200, "-", "GitHub-Hookshot/6a3c1e2"))
S("jenkins blue ocean", R("GET", "/blue/rest/organizations/jenkins/pipelines/webapp/branches/main/runs/412/nodes/?limit=10000", 200, JK + "/blue/organizations/jenkins/webapp/detail/main/412/pipeline", dt()))

# ============================================================ Jira / Confluence
JR = "https://jira.example.com"
jqls = [
    'project = OPS AND status in (Open, "In Progress") ORDER BY created DESC',
    "project = 'OPS' AND assignee = currentUser() AND resolution = Unresolved",
    'text ~ "NullPointerException" AND updated >= -1w',
    "labels = 'security' AND priority in (High, Highest) AND status != Done",
    'sprint in openSprints() AND "Epic Link" = OPS-1204',
    'issueFunction in linkedIssuesOf("project = OPS and type = Epic") AND status = Open',
]
for i, jq in enumerate(jqls):
    if i % 2 == 0:
        u = dt()
        S("jira issue navigator jql",
          R("GET", "/issues/?jql=" + ejs(jq), 200, JR + "/issues/?filter=-1", u),
          R("GET", "/s/-2hf2d9/9120001/1dlckms/9.12.15/_/download/batch/jira.webresources:global-static/jira.webresources:global-static.css", 200, JR + "/issues/?jql=" + ejs(jq), u))
    else:
        S("jira rest search jql", R("GET", "/rest/api/2/search?" + q_form([("jql", jq), ("fields", "summary,status,assignee"), ("maxResults", 50)]), 200, "-", PYREQ))
S("jira browse", R("GET", "/browse/OPS-1234?focusedCommentId=88123&page=com.atlassian.jira.plugin.system.issuetabpanels%3Acomment-tabpanel", 200, "https://mail.example.com/", dt()))
S("jira gadget", R("GET", "/rest/gadget/1.0/filtersAndProjects?showFilters=true&showProjects=true&_=1763125200000", 200, JR + "/secure/Dashboard.jspa", dt()))
S("jira secure dashboard", R("GET", "/secure/Dashboard.jspa?selectPageId=10400", 200, JR + "/browse/OPS-1234", dt()))
S("jira servicedesk portal", R("GET", "/servicedesk/customer/portal/2/create/17?q=vpn+not+connecting", 200, JR + "/servicedesk/customer/portal/2", br()))
CF = "https://confluence.example.com"
S("confluence search cql",
  R("GET", "/dosearchsite.action?" + q_form([("cql", 'siteSearch ~ "nginx config" and space = "OPS" and type = "page"'), ("queryString", "nginx config")]), 200, CF + "/display/OPS/Runbooks", dt()))
S("confluence rest cql", R("GET", "/rest/api/content/search?" + q_form([("cql", 'space=OPS and label="runbook" and lastmodified > now("-30d")'), ("limit", 25), ("expand", "version")]), 200, "-", PYREQ))
S("confluence viewpage", R("GET", "/pages/viewpage.action?pageId=12345678&src=contextnavpagetreemode", 200, CF + "/display/OPS/Runbooks", dt()))
S("confluence display page with plus", R("GET", "/display/DEV/Maven+properties+and+%24%7Bproject.version%7D", 200, CF + "/display/DEV/Build+system", dt()))
S("confluence attachment", R("GET", "/download/attachments/12345678/nginx.conf?version=3&modificationDate=1731589200000&api=v2", 200, CF + "/pages/viewpage.action?pageId=12345678", dt()))
S("confluence page with template syntax title", R("GET", "/display/DEV/Using+%7B%7Bvariable%7D%7D+in+Ansible+templates", 200, CF + "/display/DEV/Ansible", dt()))

# ============================================================ OpenAPI / OData / SharePoint
API = "https://api.example.com"
u = dt()
S("swagger ui",
  R("GET", "/swagger-ui/index.html?configUrl=/v3/api-docs/swagger-config", 200, API + "/", u),
  R("GET", "/v3/api-docs/swagger-config", 200, API + "/swagger-ui/index.html?configUrl=/v3/api-docs/swagger-config", u),
  R("GET", "/v3/api-docs", 200, API + "/swagger-ui/index.html?configUrl=/v3/api-docs/swagger-config", u))
S("swagger try it out", R("GET", "/api/v1/users?" + q_js([("page", 0), ("size", 20), ("sort", "createdAt,desc"), ("email", "bob@example.com")]), 200, API + "/swagger-ui/index.html", dt()))
S("redoc", R("GET", "/redoc", 200, API + "/", dt()), R("GET", "/openapi.json", 200, API + "/redoc", None))
odata = [
    ("/odata/Products", [("$filter", "Category/Name eq 'Beverages' and UnitPrice ge 10"), ("$orderby", "UnitPrice desc"), ("$top", 20), ("$select", "ProductName,UnitPrice")]),
    ("/odata/Orders", [("$filter", "OrderDate ge 2025-11-01T00:00:00Z and ShipCountry eq 'Germany'"), ("$expand", "Customer($select=CompanyName)"), ("$count", "true")]),
    ("/api/data/v9.2/accounts", [("$select", "name,accountnumber"), ("$filter", "contains(name,'contoso') and statecode eq 0"), ("$top", 50)]),
    ("/BC240/ODataV4/Company('CRONUS%20International%20Ltd.')/customers", [("$filter", "startswith(name,'A') or city eq 'London'"), ("$select", "no,name,city"), ("$top", 100)]),
    ("/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner", [("$filter", "BusinessPartnerCategory eq '2' and CreationDate gt datetime'2025-01-01T00:00:00'"), ("$format", "json"), ("$top", 100)]),
]
for p, prm in odata:
    S("odata " + p, R("GET", p + "?" + q_js(prm), 200, "-", random.choice([PYREQ, "Microsoft.Data.Mashup (https://go.microsoft.com/fwlink/?LinkID=304225)", "Apache-HttpClient/4.5.14 (Java/17.0.9)"])))
SP = "https://intranet.example.com"
u = EDGE
S("sharepoint rest getbytitle",
  R("GET", "/sites/team/_api/web/lists/getbytitle('Documents')/items?" + q_js([("$select", "Title,Id,Modified,Author/Title"), ("$expand", "Author"), ("$filter", "Author/Title eq 'John Smith'"), ("$top", 100)]), 200, SP + "/sites/team/Shared%20Documents/Forms/AllItems.aspx", u))
S("sharepoint GetFolderByServerRelativeUrl",
  R("GET", "/sites/team/_api/web/GetFolderByServerRelativeUrl('" + quote("/sites/team/Shared Documents/Reports") + "')/Files?$select=Name,TimeLastModified", 200, SP + "/sites/team/Shared%20Documents/Forms/AllItems.aspx", EDGE))
S("sharepoint list item by id", R("GET", "/sites/hr/_api/web/lists(guid'3f8a1c2e-7b4d-4e6f-9a1b-2c3d4e5f6a7b')/items(42)?$select=Title,Status", 200, SP + "/sites/hr/Lists/Requests/AllItems.aspx", EDGE))
S("sharepoint search api", R("GET", "/_api/search/query?querytext=%27budget%202026%20filetype%3Axlsx%27&selectproperties=%27Title%2CPath%2CLastModifiedTime%27&rowlimit=20", 200, SP + "/_layouts/15/search.aspx?q=budget%202026", EDGE))
S("sharepoint layouts page", R("GET", "/_layouts/15/viewlsts.aspx?view=14", 200, SP + "/sites/team", EDGE))
S("sharepoint onedrive sync", R("GET", "/personal/jdoe_example_com/_api/web/GetFileByServerRelativeUrl('/personal/jdoe_example_com/Documents/Budget.xlsx')/$value", 200, "-", "Microsoft SkyDriveSync 24.201.1006.0005 ship; Windows NT 10.0 (22631)"))

# ============================================================ S3 / MinIO
AWS = "aws-cli/2.18.0 md/awscrt#0.22.0 ua/2.0 os/linux#6.8.0-48-generic md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off md/command#s3.cp"
S("s3 presigned GET from browser",
  R("GET", "/uploads/reports/2025-Q3-report.pdf?" + q_form([("X-Amz-Algorithm", "AWS4-HMAC-SHA256"), ("X-Amz-Credential", "AKIAIOSFODNN7EXAMPLE/20251114/us-east-1/s3/aws4_request"), ("X-Amz-Date", "20251114T130000Z"), ("X-Amz-Expires", "3600"), ("X-Amz-SignedHeaders", "host"), ("response-content-disposition", 'attachment; filename="2025-Q3-report.pdf"'), ("X-Amz-Signature", "fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024")]), 200, "https://app.example.com/reports", br()))
S("s3 presigned PUT from browser", R("PUT", "/uploads/avatars/u-8812/avatar.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20251114%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20251114T130102Z&X-Amz-Expires=900&X-Amz-SignedHeaders=content-type%3Bhost&X-Amz-Signature=0b7c3a1e8f2d4e6a9b1c3d2e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a", 200, "https://app.example.com/settings/profile", br()))
S("s3 list objects (aws cli)", R("GET", "/backups?list-type=2&prefix=postgres%2F2025%2F11%2F&delimiter=%2F&encoding-type=url", 200, "-", AWS))
S("s3 upload pg_dump (aws cli)", R("PUT", "/backups/postgres/2025/11/app-2025-11-14.sql.gz", 200, "-", AWS))
S("s3 restic", R("GET", "/restic-repo/snapshots/5f3a8c1e2b4d6f7089a1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8", 200, "-", "MinIO (linux; amd64) minio-go/v7.0.80 restic/0.17.1"))
S("s3 multipart upload", R("PUT", "/media/videos/launch-keynote.mp4?partNumber=3&uploadId=2~abcDEF123ghiJKL456", 200, "-", "aws-sdk-js/3.687.0 ua/2.1 os/linux#6.8.0 lang/js md/nodejs#20.18.0 api/s3#3.687.0"))
S("minio console", R("GET", "/api/v1/buckets/backups/objects?prefix=cG9zdGdyZXMvMjAyNS8xMS8%3D&with_versions=false", 200, "https://minio.example.com/browser/backups/cG9zdGdyZXMvMjAyNS8xMS8%3D", dt()))
S("gcs signed url", R("GET", "/exports/orders-2025-11.csv?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=exporter%40proj.iam.gserviceaccount.com%2F20251114%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20251114T130000Z&X-Goog-Expires=600&X-Goog-SignedHeaders=host&X-Goog-Signature=1a2b3c4d", 200, "-", CURL))

# ============================================================ analytics / beacons
u = br()
ga = [("v", 2), ("tid", "G-7XK2M9QP1L"), ("gtm", "45je4b20v9178912345za200"), ("_p", "1763125200123"), ("gcd", "13l3l3l3l1l1"), ("npa", 0), ("dma", 0),
      ("cid", "1842911234.1763000000"), ("ul", "en-us"), ("sr", "1920x1080"), ("uaa", "x86"), ("uab", 64), ("uafvl", "Google%20Chrome;131.0.6778.86|Chromium;131.0.6778.86|Not_A%20Brand;24.0.0.0"),
      ("_s", 1), ("sid", "1763125100"), ("sct", 3), ("seg", 1), ("dl", "https://shop.example.com/search?q=linen+shirt&sort=price-asc"), ("dr", "https://www.google.com/"),
      ("dt", "Search: linen shirt | Example Shop"), ("en", "page_view"), ("ep.search_term", "linen shirt"), ("_et", 12)]
S("ga4 collect (server-side GTM)", R("POST", "/g/collect?" + q_js(ga), 204, SHOP + "/search?q=linen+shirt&sort=price-asc", u))
S("ua collect", R("GET", "/collect?" + q_js([("v", 1), ("_v", "j101"), ("a", 1234567890), ("t", "pageview"), ("_s", 1), ("dl", "https://blog.example.com/2025/11/docker-compose-healthchecks/?utm_source=newsletter&utm_medium=email"), ("ul", "en-us"), ("de", "UTF-8"), ("dt", "Docker Compose healthchecks | Blog"), ("sd", "24-bit"), ("sr", "1440x900"), ("vp", "1423x789"), ("je", 0), ("_u", "IEBAAEABAAAAAC~"), ("cid", "1842911234.1763000000"), ("tid", "UA-1234567-1"), ("_gid", "998877665.1763100000"), ("z", 1987654321)]), 200, "https://blog.example.com/2025/11/docker-compose-healthchecks/", br()))
uadata = '{"fullVersionList":[{"brand":"Google Chrome","version":"131.0.6778.86"},{"brand":"Chromium","version":"131.0.6778.86"},{"brand":"Not_A Brand","version":"24.0.0.0"}],"mobile":false,"model":"","platform":"Windows","platformVersion":"15.0.0"}'
S("matomo tracking", R("POST", "/matomo.php?" + q_js([("action_name", "Cart / Example Shop"), ("idsite", 1), ("rec", 1), ("r", 482911), ("h", 13), ("m", 1), ("s", 22), ("url", "https://shop.example.com/cart?step=2"), ("urlref", "https://shop.example.com/products/linen-shirt"), ("_id", "a1b2c3d4e5f60718"), ("_idn", 0), ("send_image", 0), ("_refts", 0), ("pv_id", "Xk2m9Q"), ("pf_net", 0), ("pf_srv", 41), ("uadata", uadata), ("cookie", 1), ("res", "1920x1080")]), 204, SHOP + "/cart?step=2", CHROME_WIN))
S("matomo site search tracking", R("GET", "/matomo.php?" + q_js([("idsite", 3), ("rec", 1), ("search", "reset password link expired"), ("search_cat", "kb"), ("search_count", 7), ("url", "https://help.example.com/search?q=reset+password+link+expired"), ("_id", "0f1e2d3c4b5a6978"), ("send_image", 1)]), 200, "https://help.example.com/search?q=reset+password+link+expired", br()))
S("matomo event", R("GET", "/matomo.php?" + q_js([("idsite", 1), ("rec", 1), ("e_c", "Video"), ("e_a", "Play"), ("e_n", "Product tour (2:31)"), ("url", "https://www.example.com/tour"), ("_id", "1122334455667788"), ("send_image", 0)]), 204, "https://www.example.com/tour", br()))
S("matomo reporting api", R("GET", "/index.php?" + q_form([("module", "API"), ("method", "Actions.getSiteSearchKeywords"), ("idSite", 3), ("period", "day"), ("date", "yesterday"), ("format", "JSON"), ("token_auth", "c3f8a1b2d4e5f6071829a3b4c5d6e7f8")]), 200, "-", PYREQ))
S("matomo dashboard", R("GET", "/index.php?module=CoreHome&action=index&idSite=1&period=day&date=yesterday", 200, "https://analytics.example.com/index.php?module=Login", dt()))
seg = "eyJ3cml0ZUtleSI6Ilg3Sm1OMnBRIiwiZXZlbnQiOiJTaWduZWQgVXAiLCJwcm9wZXJ0aWVzIjp7InBsYW4iOiJQcm8ifSwiYW5vbnltb3VzSWQiOiI1ZjNhOGMxZSJ9"
S("segment pixel", R("GET", "/v1/pixel/track?data=" + seg, 200, "-", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"))
S("segment track post", R("POST", "/v1/t", 200, "https://app.example.com/onboarding", br()))
S("plausible event", R("POST", "/api/event", 202, "https://docs.example.com/guide/install", br()))
S("sentry envelope", R("POST", "/api/12/envelope/?sentry_key=3f8a1c2e7b4d4e6f9a1b2c3d4e5f6a7b&sentry_version=7&sentry_client=sentry.javascript.react%2F8.38.0", 200, "https://app.example.com/", br()))
S("sentry csp report", R("POST", "/api/12/security/?sentry_key=3f8a1c2e7b4d4e6f9a1b2c3d4e5f6a7b", 201, "-", br()))
S("sentry issue search (browser)", R("GET", "/api/0/organizations/acme/issues/?" + q_js([("collapse", "stats"), ("expand", "owners"), ("limit", 25), ("project", 3), ("query", 'is:unresolved TypeError message:"Cannot read properties of undefined (reading \'map\')"'), ("shortIdLookup", 1), ("statsPeriod", "14d")]), 200, "https://sentry.example.com/organizations/acme/issues/?project=3", dt()))
S("hotjar-like beacon", R("GET", "/pixel.gif?" + q_js([("e", "pv"), ("url", "https://www.example.com/pricing#enterprise"), ("ref", "https://duckduckgo.com/"), ("w", 1440), ("h", 900), ("tz", "Europe/Berlin")]), 200, "https://www.example.com/pricing", br()))
S("facebook-like pixel", R("GET", "/tr/?id=123456789012345&ev=PageView&dl=https%3A%2F%2Fshop.example.com%2Fproducts%2Flinen-shirt&rl=https%3A%2F%2Fl.facebook.com%2F&if=false&ts=1763125200123&sw=390&sh=844&v=2.9.174&r=stable&ec=0&o=4126&fbp=fb.1.1763000000000.123456789&it=1763125199876&coo=false&rqm=GET", 200, SHOP + "/products/linen-shirt", IPHONE))

# ============================================================ image CDNs / tiles
S("cloudflare image resizing", R("GET", "/cdn-cgi/image/width=800,quality=75,format=auto/uploads/2025/11/hero.jpg", 200, "https://www.example.com/", br()))
S("next.js image optimizer", R("GET", "/_next/image?url=%2Fimages%2Fhero.png&w=1920&q=75", 200, "https://www.example.com/", br()))
S("next.js image remote", R("GET", "/_next/image?url=https%3A%2F%2Fcdn.sanity.io%2Fimages%2Fabc123%2Fproduction%2F8f3c1a2b-1200x800.jpg&w=640&q=75", 200, "https://www.example.com/blog", br()))
S("imgproxy", R("GET", "/insecure/rs:fill:300:400:0/g:sm/aHR0cHM6Ly9jZG4uZXhhbXBsZS5jb20vaW1hZ2VzL2N1cmlvc2l0eS5qcGc.webp", 200, "https://www.example.com/gallery", br()))
S("thumbor", R("GET", "/unsafe/fit-in/800x600/filters:quality(80):format(webp)/https%3A%2F%2Fcdn.example.com%2Fimg%2Fproduct-42.jpg", 200, SHOP + "/products/linen-shirt", br()))
S("cloudinary", R("GET", "/demo/image/upload/c_fill,g_auto,w_400,h_300/f_auto,q_auto/v1699999999/samples/shoe.jpg", 200, SHOP + "/", br()))
S("imgix params", R("GET", "/photos/team.jpg?auto=format,compress&fit=crop&w=400&h=300&crop=faces,edges&dpr=2", 200, "https://www.example.com/about", br()))
S("wordpress photon", R("GET", "/blog.example.com/wp-content/uploads/2025/11/diagram.png?resize=800%2C600&ssl=1", 200, "https://blog.example.com/", br()))
S("osm tiles", R("GET", "/tiles/12/2148/1360.png", 200, "https://maps.example.com/", br()), R("GET", "/tiles/12/2149/1360.png", 200, "https://maps.example.com/", None))
S("vector tiles style", R("GET", "/styles/osm-bright/style.json", 200, "https://maps.example.com/", br()))
S("geoserver wms getmap", R("GET", "/geoserver/wms?" + q_js([("SERVICE", "WMS"), ("VERSION", "1.1.1"), ("REQUEST", "GetMap"), ("FORMAT", "image/png"), ("TRANSPARENT", "true"), ("LAYERS", "topp:states"), ("SRS", "EPSG:3857"), ("WIDTH", 256), ("HEIGHT", 256), ("BBOX", "-10018754.17,5009377.08,-7514065.63,7514065.63")]), 200, "https://maps.example.com/", br()))
u = br()
cql1 = "STATE_NAME='Texas' AND PERSONS>1000000"
cql2 = "type='school' AND district='North'"
S("geoserver wfs cql filter (map panning)",
  R("GET", "/geoserver/wfs?" + q_js([("service", "WFS"), ("version", "2.0.0"), ("request", "GetFeature"), ("typeNames", "city:facilities"), ("outputFormat", "application/json"), ("srsName", "EPSG:3857"), ("CQL_FILTER", cql2 + " AND BBOX(geom,-10.1,50.2,-9.9,50.4)")]), 200, "https://maps.example.com/facilities", u),
  R("GET", "/geoserver/wfs?" + q_js([("service", "WFS"), ("version", "2.0.0"), ("request", "GetFeature"), ("typeNames", "city:facilities"), ("outputFormat", "application/json"), ("srsName", "EPSG:3857"), ("CQL_FILTER", cql2 + " AND BBOX(geom,-10.2,50.2,-10.0,50.4)")]), 200, "https://maps.example.com/facilities", u))
S("geoserver wms cql", R("GET", "/geoserver/topp/wms?" + q_js([("service", "WMS"), ("version", "1.1.0"), ("request", "GetMap"), ("layers", "topp:states"), ("CQL_FILTER", cql1), ("bbox", "-124.73,24.96,-66.97,49.37"), ("width", 768), ("height", 330), ("srs", "EPSG:4326"), ("format", "image/png")]), 200, "https://maps.example.com/demo", br()))
S("wmts", R("GET", "/geoserver/gwc/service/wmts?layer=osm%3Abase&style=&tilematrixset=EPSG%3A900913&Service=WMTS&Request=GetTile&Version=1.0.0&Format=image%2Fpng&TileMatrix=EPSG%3A900913%3A12&TileCol=2148&TileRow=1360", 200, "https://maps.example.com/", br()))
S("nominatim search", R("GET", "/search?q=" + ejs("10 Downing Street, London") + "&format=jsonv2&addressdetails=1&limit=5", 200, "https://maps.example.com/", br()))

# ============================================================ Q&A / docs / forums / pastebins
QA = "https://ask.example.com"
qa_searches = [
    "[bash] assign output of command to variable",
    'docker run -v "$(pwd)":/app node:20',
    "docker run --user $(id -u):$(id -g)",
    "[python] subprocess.run capture_output text=True",
    "[sql] SELECT DISTINCT ON postgres",
    "find . -name '*.log' -exec rm {} \\;",
    "[bash] 2>&1 | tee output.log",
    "[javascript] document.querySelector returns null",
    "git rebase -i HEAD~3",
    "[nginx] location ~ \\.php$ fastcgi_pass",
    "awk '{print $1}' access.log | sort | uniq -c",
    "[powershell] Get-ChildItem -Recurse | Where-Object",
]
for s in qa_searches:
    u = br()
    S("q&a search: " + s,
      R("GET", "/search?q=" + quote_plus(s), 200, QA + "/questions", u),
      R("GET", "/Content/Sites/ask/primary.css?v=8f3c1a2b", 200, QA + "/search?q=" + quote_plus(s), u))
qa_titles = [
    "/questions/79012345/why-does-select-count-return-0-after-left-join",
    "/questions/4651437/how-do-i-set-a-variable-to-the-output-of-a-command-in-bash",
    "/questions/12345678/what-does-2-1-mean-in-shell",
    "/questions/79023456/nginx-returns-502-bad-gateway-with-php-fpm-sock",
    "/questions/3294072/how-to-get-union-of-two-lists-in-python",
    "/questions/79034567/how-to-escape-script-tag-inside-javascript-string",
    "/questions/1234567/how-to-read-etc-passwd-in-python",
]
for t in qa_titles:
    u = br()
    S("q&a question page " + t, R("GET", t, 200, "https://www.google.com/", u),
      R("GET", "/Content/Sites/ask/primary.css?v=8f3c1a2b", 200, QA + t, u))
S("q&a tagged", R("GET", "/questions/tagged/c%2b%2b?tab=Newest", 200, QA + "/tags", br()))
S("q&a tag c#", R("GET", "/questions/tagged/c%23+asp.net-core?sort=votes", 200, QA + "/tags", br()))
DOCS = "https://docs.example.com"
doc_searches = [
    "how to use cat /etc/hosts",
    "chmod 600 ~/.ssh/id_ed25519",
    "$HOME vs ~",
    "crontab -e every 5 minutes",
    "systemctl restart nginx",
    "sudo -u postgres psql",
    "iptables -A INPUT -p tcp --dport 22 -j ACCEPT",
    "docker exec -it web sh -c",
    "curl -X POST -H 'Content-Type: application/json'",
    "ssh-keygen -t ed25519",
]
for s in doc_searches:
    u = br()
    S("docs search: " + s,
      R("GET", "/search.html?" + q_form([("q", s), ("check_keywords", "yes"), ("area", "default")]), 200, DOCS + "/en/latest/", u),
      R("GET", "/_static/searchtools.js?v=8f3c1a2b", 200, DOCS + "/search.html?" + q_form([("q", s), ("check_keywords", "yes"), ("area", "default")]), u),
      R("GET", "/searchindex.js", 200, DOCS + "/search.html?" + q_form([("q", s), ("check_keywords", "yes"), ("area", "default")]), u))
S("docs algolia docsearch", R("POST", "/1/indexes/*/queries?x-algolia-agent=Algolia%20for%20JavaScript%20(4.24.0)%3B%20Browser%20(lite)%3B%20docsearch%20(3.6.2)&x-algolia-api-key=25626fae796133dc1e734c6bcaaeac3c&x-algolia-application-id=BH4D9OD16A", 200, DOCS + "/", br()))
for p in ["/manual/en/function.exec.php", "/manual/en/function.system.php", "/manual/en/function.shell-exec.php", "/manual/en/function.eval.php", "/manual/en/wrappers.php.php", "/manual/en/function.phpinfo.php"]:
    S("php manual " + p, R("GET", p, 200, "https://www.php.net/manual/en/ref.exec.php", br()))
for p in ["/3/library/subprocess.html", "/3/library/os.html", "/3/library/pickle.html"]:
    S("python docs " + p, R("GET", p, 200, "https://docs.python.org/3/library/", br()))
for p in ["/w/cpp/utility/program/system", "/w/c/io/fopen"]:
    S("cppreference " + p, R("GET", p, 200, "https://en.cppreference.com/w/cpp", br()))
S("man page site", R("GET", "/man/5/passwd", 200, "https://manpages.example.org/man/1/passwd", br()))
S("man page site shadow", R("GET", "/linux/man-pages/man5/shadow.5.html", 200, "https://man7.example.org/linux/man-pages/dir_section_5.html", br()))
FORUM = "https://forum.example.org"
u = br()
S("phpbb search shell",
  R("GET", "/search.php?" + q_form([("keywords", "iptables -A INPUT -p tcp --dport 22 -j ACCEPT"), ("terms", "all"), ("author", ""), ("sc", 1), ("sf", "all"), ("sr", "posts"), ("sk", "t"), ("sd", "d"), ("st", 0), ("ch", 300), ("t", 0), ("submit", "Search")]), 200, FORUM + "/viewforum.php?f=12", u),
  R("GET", "/styles/prosilver/theme/stylesheet.css?assets_version=42", 200, FORUM + "/search.php", u))
S("phpbb search permission denied", R("GET", "/search.php?" + q_form([("keywords", '"Permission denied" /var/www/html'), ("terms", "all"), ("sf", "all"), ("sr", "posts"), ("submit", "Search")]), 200, FORUM + "/index.php", br()))
S("phpbb viewtopic", R("GET", "/viewtopic.php?t=12345&start=15", 200, FORUM + "/viewforum.php?f=12", br()))
S("phpbb reply", R("GET", "/posting.php?mode=reply&t=12345", 200, FORUM + "/viewtopic.php?t=12345&start=15", br()))
S("phpbb login redirect", R("GET", "/ucp.php?mode=login&redirect=viewtopic.php%3Ft%3D12345", 200, FORUM + "/viewtopic.php?t=12345", br()))
S("phpbb attachment", R("GET", "/download/file.php?id=4567&mode=view", 200, FORUM + "/viewtopic.php?t=12345", br()))
S("phpbb feed", R("GET", "/app.php/feed/topics", 200, "-", "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 12 subscribers; like FeedFetcher-Google)"))
DC = "https://discuss.example.org"
u = br()
S("discourse topic + json",
  R("GET", "/t/nginx-proxy-pass-returns-502/12345/4", 200, DC + "/latest", u),
  R("GET", "/t/12345.json?track_visit=true&forceLoad=true", 200, DC + "/t/nginx-proxy-pass-returns-502/12345/4", u),
  R("POST", "/message-bus/4f3c1a2b8e9d4c7a/poll?dlp=t", 200, DC + "/t/nginx-proxy-pass-returns-502/12345/4", u))
S("discourse search", R("GET", "/search?q=" + ejs('"cat /etc/os-release" order:latest'), 200, DC + "/latest", br()))
S("discourse search query xhr", R("GET", "/search/query?term=" + ejs("docker compose up -d && docker compose logs -f") + "&include_blurbs=true", 200, DC + "/latest", br()))
S("discourse latest rss", R("GET", "/latest.rss", 200, "-", "NewsBlur Feed Fetcher - 8 subscribers - https://www.newsblur.com/site/6123/discuss (Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36)"))
S("discourse presence", R("GET", "/presence/get?channels%5B%5D=%2Fdiscourse-presence%2Freply%2F12345", 200, DC + "/t/nginx-proxy-pass-returns-502/12345", br()))
S("discourse user summary", R("GET", "/u/alice/summary.json", 200, DC + "/u/alice/summary", br()))
PB = "https://paste.example.net"
S("pastebin raw", R("GET", "/raw/Xk2m9Qp1", 200, "-", CURL))
S("pastebin view", R("GET", "/Xk2m9Qp1", 200, "https://chat.example.com/", br()),
  R("GET", "/static/highlight.min.js", 200, PB + "/Xk2m9Qp1", None))
S("privatebin paste", R("GET", "/?7f3c1a2b8e9d4c7a", 200, "-", br()),
  R("GET", "/js/privatebin.js?1.7.4", 200, PB + "/?7f3c1a2b8e9d4c7a", None))
S("hastebin documents", R("GET", "/documents/opinavifo", 200, PB + "/opinavifo.sh", br()))
S("pastebin archive lang", R("GET", "/archive/bash", 200, PB + "/archive", br()))

# ============================================================ shops / filters / frameworks
u = br()
S("shopify-like collection filters",
  R("GET", "/collections/shirts?" + q_form([("filter.v.price.gte", "10"), ("filter.v.price.lte", "50"), ("filter.p.m.custom.material", "Linen"), ("sort_by", "price-ascending")]), 200, SHOP + "/collections/shirts", u),
  R("GET", "/cdn/shop/t/12/assets/base.css?v=17315892", 200, SHOP + "/collections/shirts", u))
S("shopify predictive search", R("GET", "/search/suggest.json?q=lin&resources%5Btype%5D=product&resources%5Blimit%5D=4&resources%5Boptions%5D%5Bunavailable_products%5D=last", 200, SHOP + "/", br()))
S("shopify cart add", R("POST", "/cart/add.js", 200, SHOP + "/products/linen-shirt?variant=4123456789", br()))
S("woocommerce price filter", R("GET", "/shop/?min_price=10&max_price=50&orderby=price&filter_color=blue", 200, "https://store.example.net/shop/", br()))
S("price filter with operators (raw)", R("GET", "/products?price>=10&price<=20&sort=price", 200, "-", PYREQ))
S("price filter encoded operators", R("GET", "/products?price%3E%3D10&price%3C%3D20&category=shoes", 200, "https://store.example.net/products?category=shoes", br()))
S("json:api style filters", R("GET", "/api/products?filter%5Bprice%5D%5Bgte%5D=10&filter%5Bprice%5D%5Blte%5D=20&sort=-price&page%5Bsize%5D=24", 200, "https://store.example.net/products", br()))
S("solr-like range query", R("GET", "/search?q=" + quote_plus("price:[10 TO 20] AND category:shoes") + "&rows=24", 200, "https://store.example.net/products", br()))
S("magento layered nav", R("GET", "/women/tops-women.html?color=49&price=50-60&size=168", 200, "https://magento.example.com/women.html", br()))
S("magento customer section", R("GET", "/customer/section/load/?sections=cart%2Cmessages&force_new_section_timestamp=true&_=1763125200123", 200, "https://magento.example.com/women/tops-women.html", br()))
S("magento admin grid", R("GET", "/admin_1x9k3/mui/index/render/?" + q_js([("namespace", "sales_order_grid"), ("search", ""), ("filters[placeholder]", "true"), ("paging[pageSize]", 20), ("paging[current]", 1), ("sorting[field]", "created_at"), ("sorting[direction]", "desc"), ("isAjax", "true")]), 200, "https://magento.example.com/admin_1x9k3/sales/order/", dt()))
S("magento admin order view", R("GET", "/admin_1x9k3/sales/order/view/order_id/12345/key/8f3c1a2b4d5e6f708192a3b4c5d6e7f8/", 200, "https://magento.example.com/admin_1x9k3/sales/order/", dt()))
S("magento rest searchCriteria like", R("GET", "/rest/V1/products?searchCriteria[filterGroups][0][filters][0][field]=name&searchCriteria[filterGroups][0][filters][0][value]=%25shirt%25&searchCriteria[filterGroups][0][filters][0][conditionType]=like&searchCriteria[pageSize]=50", 200, "-", PYREQ))
S("magento rest orders since", R("GET", "/rest/V1/orders?" + q_form([("searchCriteria[filter_groups][0][filters][0][field]", "created_at"), ("searchCriteria[filter_groups][0][filters][0][value]", "2025-11-13 00:00:00"), ("searchCriteria[filter_groups][0][filters][0][condition_type]", "gteq")]), 200, "-", "Apache-HttpClient/4.5.14 (Java/17.0.9)"))
S("magento wysiwyg directive image", R("GET", "/admin_1x9k3/cms/wysiwyg/directive/___directive/e3ttZWRpYSB1cmw9Ind5c2l3eWcvaG9tZS9iYW5uZXIuanBnIn19/key/8f3c1a2b4d5e6f70/", 200, "https://magento.example.com/admin_1x9k3/cms/page/edit/page_id/2/", dt()))
DJ = "https://admin.example.com"
for qs in ["status__exact=paid&created_at__gte=2025-11-01&o=-3", "q=smith&is_staff__exact=1", "name__icontains=linen", "id__in=12%2C13%2C14",
           "_changelist_filters=status__exact%3Dpaid%26o%3D-3"]:
    S("django admin " + qs, R("GET", "/admin/shop/order/?" + qs, 200, DJ + "/admin/shop/order/", dt()))
S("django admin autocomplete", R("GET", "/admin/autocomplete/?term=lin&app_label=shop&model_name=order&field_name=product", 200, DJ + "/admin/shop/order/123/change/", dt()))
S("drf filter", R("GET", "/api/orders/?format=json&ordering=-created&search=smith&status=paid&total__gte=100", 200, "-", PYREQ))
S("rails ransack", R("GET", "/admin/users?" + q_form([("q[email_cont]", "smith"), ("q[s]", "created_at desc"), ("commit", "Filter")]), 200, "https://rails.example.com/admin/users", dt()))
S("activeadmin filters", R("GET", "/admin/orders?" + q_form([("q[status_eq]", "paid"), ("q[total_gteq]", "100"), ("q[created_at_gteq_datetime]", "2025-11-01"), ("commit", "Filter"), ("order", "id_desc")]), 200, "https://rails.example.com/admin/orders", dt()))
S("rails active storage redirect", R("GET", "/rails/active_storage/blobs/redirect/eyJfcmFpbHMiOnsiZGF0YSI6MTIzNCwicHVyIjoiYmxvYl9pZCJ9fQ==--8f3c1a2b4d5e6f708192a3b4c5d6e7f8a9b0c1d2/photo.jpg", 302, "https://rails.example.com/posts/42", br()))
S("rails active storage variant", R("GET", "/rails/active_storage/representations/redirect/eyJfcmFpbHMiOnsiZGF0YSI6MTIzNCwicHVyIjoiYmxvYl9pZCJ9fQ==--8f3c1a2b/eyJfcmFpbHMiOnsiZGF0YSI6eyJmb3JtYXQiOiJwbmciLCJyZXNpemVfdG9fbGltaXQiOlszMDAsMzAwXX0sInB1ciI6InZhcmlhdGlvbiJ9fQ==--1a2b3c4d/photo.png", 302, "https://rails.example.com/posts/42", br()))
S("rails nested params", R("GET", "/search?" + q_form([("filter[tags][]", "ruby"), ("filter[tags][]", "rails"), ("filter[published_after]", "2025-01-01"), ("page", 2)]), 200, "https://rails.example.com/search", br()))
S("laravel spatie query builder", R("GET", "/api/products?filter[category]=shoes&filter[price_between]=10,50&sort=-price&include=reviews,brand", 200, "-", AXIOS))
S("laravel nova filters", R("GET", "/nova-api/users?search=&filters=W3siY2xhc3MiOiJBcHBcXE5vdmFcXEZpbHRlcnNcXFVzZXJUeXBlIiwidmFsdWUiOiJhZG1pbiJ9XQ%3D%3D&orderBy=&perPage=25&trashed=&page=1&relationshipType=", 200, "https://laravel.example.com/nova/resources/users", dt()))
S("laravel signed url", R("GET", "/email/verify/12/8f3c1a2b4d5e6f708192a3b4c5d6e7f8a9b0c1d2?expires=1763200000&signature=4d5e6f708192a3b4c5d6e7f8a9b0c1d23f8a1c2e7b4d4e6f9a1b2c3d4e5f6a7b", 302, "-", br()))
S("laravel horizon", R("GET", "/horizon/api/jobs/failed?starting_at=-1", 200, "https://laravel.example.com/horizon/failed", dt()))
strapi = "filters[price][$gte]=10&filters[price][$lte]=50&filters[category][slug][$eq]=shoes&populate=*&sort[0]=price:asc&pagination[page]=1&pagination[pageSize]=24"
S("strapi from next.js server", R("GET", "/api/products?" + strapi, 200, "-", NODE))
S("strapi from browser (qs encoded)", R("GET", "/api/articles?filters%5B%24or%5D%5B0%5D%5Btitle%5D%5B%24containsi%5D=docker&filters%5B%24or%5D%5B1%5D%5Bdescription%5D%5B%24containsi%5D=docker&populate%5B0%5D=cover&populate%5B1%5D=author&sort%5B0%5D=publishedAt%3Adesc", 200, "https://www.example.com/blog", br()))
S("strapi from mobile app", R("GET", "/api/events?filters[date][$gte]=2025-11-14&filters[city][$eq]=Berlin&sort=date:asc", 200, "-", OKHTTP))
S("feathers query", R("GET", "/messages?$limit=25&$sort[createdAt]=-1&roomId=42&createdAt[$gt]=1763120000000", 200, "-", AXIOS))
S("directus filter", R("GET", "/items/articles?filter[status][_eq]=published&filter[date_published][_lte]=$NOW&sort=-date_published&limit=10&fields=*,author.name", 200, "-", NODE))
S("parse server where json", R("GET", "/parse/classes/GameScore?where=" + ejs('{"score":{"$gte":1000},"cheatMode":false}') + "&limit=20&order=-score", 200, "-", "Parse-Swift-SDK/5.11.3"))
S("payload cms where", R("GET", "/api/posts?where[status][equals]=published&where[publishedAt][less_than_equal]=2025-11-14T13:00:00.000Z&limit=10&depth=1", 200, "-", NODE))

# ============================================================ calendars / feeds
S("google calendar importer ics", R("GET", "/calendar/ical/8f3c1a2b4d5e6f70%40group.example.com/public/basic.ics", 200, "-", "Google-Calendar-Importer"))
S("outlook ics subscription", R("GET", "/events.ics?category=meetups", 200, "-", OUTLOOK))
S("nextcloud public calendar export", R("GET", "/remote.php/dav/public-calendars/AbCdEf123456?export", 200, "-", "Google-Calendar-Importer"))
S("moodle calendar export", R("GET", "/calendar/export_execute.php?userid=23&authtoken=4d5e6f708192a3b4c5d6e7f8a9b0c1d23f8a1c2e&preset_what=all&preset_time=recentupcoming", 200, "-", "Google-Calendar-Importer"))
S("apple calendar webcal", R("GET", "/feeds/team-holidays.ics", 200, "-", "macOS/15.1 (24B83) CalendarAgent/1003"))
feeds = [("/feed/", "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 34 subscribers; like FeedFetcher-Google)", 200),
         ("/rss.xml", "Mozilla/5.0 (compatible; Inoreader/1.0; +http://www.inoreader.com/feed-fetcher; 5 subscribers; )", 304),
         ("/index.xml", "Miniflux/2.2.3 (https://miniflux.app)", 200),
         ("/atom.xml", "NetNewsWire (RSS Reader; https://netnewswire.com/)", 304),
         ("/?feed=rss2", "Tiny Tiny RSS/24.11 (Unsupported) (https://tt-rss.org/)", 200),
         ("/comments/feed/", "FreshRSS/1.24.3 (Linux; https://freshrss.org)", 200),
         ("/blog/feed.xml", "Feedbin feed-id:1234567 - 3 subscribers", 200),
         ("/feed/podcast/", "AppleCoreMedia/1.0.0.22A3354 (iPhone; U; CPU OS 18_1 like Mac OS X; en_us)", 200),
         ("/c/support/5.rss", "Thunderbird/128.4.0", 200),
         ("/feeds/posts/default?alt=rss", "curl/8.5.0", 200),
         ("/feed.json", "NetNewsWire (RSS Reader; https://netnewswire.com/)", 200),
         ("/category/security/feed/", "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 7 subscribers; like FeedFetcher-Google)", 304)]
for p, a, st in feeds:
    S("feed " + p, R("GET", p, st, "-", a))

# ============================================================ health / monitoring / well-known
S("kube liveness", R("GET", "/healthz", 200, "-", "kube-probe/1.30"))
S("kube readiness", R("GET", "/readyz?verbose", 200, "-", "kube-probe/1.30"))
S("elb health", R("GET", "/health", 200, "-", "ELB-HealthChecker/2.0"))
S("gcp lb health", R("GET", "/healthz", 200, "-", "GoogleHC/1.0"))
S("consul check", R("GET", "/v1/health?full=true", 200, "-", "Consul Health Check"))
S("uptime robot", R("HEAD", "/", 200, "-", "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)"))
S("apache server-status scrape", R("GET", "/server-status?auto", 200, "-", "Datadog Agent/7.58.0"))
S("nginx stub status", R("GET", "/nginx_status", 200, "-", "NGINX-Prometheus-Exporter/v1.3.0"))
S("php-fpm status", R("GET", "/fpm-status?json&full", 200, "-", GOHTTP))
S("spring actuator prometheus", R("GET", "/actuator/prometheus", 200, "-", PROM))
S("spring actuator liveness", R("GET", "/actuator/health/liveness", 200, "-", "kube-probe/1.30"))
S("spring boot admin instance view",
  R("GET", "/actuator/health", 200, "-", "ReactorNetty/1.1.22"),
  R("GET", "/actuator/info", 200, "-", "ReactorNetty/1.1.22"),
  R("GET", "/actuator/metrics/jvm.memory.used", 200, "-", "ReactorNetty/1.1.22"))
S("node exporter scrape", R("GET", "/metrics", 200, "-", PROM))
S("grafana health", R("GET", "/api/health", 200, "-", "kube-probe/1.30"))
S("pingdom", R("GET", "/status", 200, "-", "Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)"))
S("statuscake", R("GET", "/", 200, "-", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 StatusCake"))
for i in range(3):
    tok = "".join(random.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(43))
    S("letsencrypt http-01", R("GET", "/.well-known/acme-challenge/" + tok, 200, "-", "Mozilla/5.0 (compatible; Let's Encrypt validation server; +https://www.letsencrypt.org)"))
S("letsencrypt http-01 stale", R("GET", "/.well-known/acme-challenge/Xk2m9Qp1Lr7TzW4aB8cD3eF6gH0iJ5kL2mN9oP4qR7s", 404, "-", "Mozilla/5.0 (compatible; Let's Encrypt validation server; +https://www.letsencrypt.org)"))
S("apple app site association", R("GET", "/.well-known/apple-app-site-association", 200, "-", "AASA-Bot/1.0.0"))
S("android assetlinks", R("GET", "/.well-known/assetlinks.json", 200, "-", "Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/AP2A.240905.003)"))
S("oidc discovery", R("GET", "/.well-known/openid-configuration", 200, "-", "Go-http-client/2.0"))
S("oidc jwks", R("GET", "/.well-known/jwks.json", 200, "-", "okhttp/4.12.0"))
S("security.txt", R("GET", "/.well-known/security.txt", 200, "-", CURL))
S("mastodon webfinger", R("GET", "/.well-known/webfinger?resource=acct%3Aalice%40example.com", 200, "-", "Mastodon/4.3.1 (http.rb/5.2.0; +https://mastodon.social/)"))
S("matrix well-known", R("GET", "/.well-known/matrix/server", 200, "-", "Synapse/1.118.0"))
S("mta-sts", R("GET", "/.well-known/mta-sts.txt", 200, "-", "Google-MTA-STS"))
S("chrome change-password", R("GET", "/.well-known/change-password", 302, "-", CHROME_WIN))
S("oembed via slackbot", R("GET", "/wp-json/oembed/1.0/embed?url=https%3A%2F%2Fblog.example.com%2F2025%2F11%2Fhello%2F", 200, "-", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"))

# ============================================================ Adminer / Webmin / cPanel / Plesk
AD = "https://db.example.com"
u = dt()
S("adminer select + edit link",
  R("GET", "/adminer.php?" + q_form([("server", "db"), ("username", "shop"), ("db", "shop"), ("select", "orders"), ("where[0][col]", "status"), ("where[0][op]", "="), ("where[0][val]", "paid")]), 200, AD + "/adminer.php?server=db&username=shop&db=shop", u),
  R("GET", "/adminer.php?" + q_form([("server", "db"), ("username", "shop"), ("db", "shop"), ("sql", "SELECT * FROM `orders` WHERE (`status` = 'paid') LIMIT 50")]), 200, AD + "/adminer.php?server=db&username=shop&db=shop&select=orders", u))
S("adminer pgsql table", R("GET", "/adminer.php?pgsql=localhost&username=postgres&db=app&ns=public&table=users", 200, AD + "/adminer.php?pgsql=localhost&username=postgres&db=app&ns=public", dt()))
WM = "https://server.example.com:10000"
S("webmin system logs", R("GET", "/syslog/save_log.cgi?view=1&file=%2Fvar%2Flog%2Fauth.log", 200, WM + "/syslog/", dt()))
S("webmin file manager etc", R("GET", "/filemin/index.cgi?path=%2Fetc%2Fnginx", 200, WM + "/filemin/index.cgi?path=%2Fetc", dt()))
S("webmin process manager", R("GET", "/proc/index_tree.cgi", 200, WM + "/sysinfo.cgi", dt()))
S("webmin sysinfo", R("GET", "/sysinfo.cgi?xnavigation=1", 200, WM + "/", dt()))
u = dt()
S("webmin bookmarked log view (renders)",
  R("GET", "/syslog/save_log.cgi?view=1&file=%2Fvar%2Flog%2Fnginx%2Ferror.log", 200, "-", u),
  R("GET", "/unauthenticated/css/bundle.min.css?1731589200", 200, WM + "/syslog/save_log.cgi?view=1&file=%2Fvar%2Flog%2Fnginx%2Ferror.log", u))
CP = "https://cpanel.example.com:2083"
S("cpanel file manager public_html", R("GET", "/cpsess8123456789/frontend/jupiter/filemanager/index.html?dirselect=webroot&dir=%2Fhome%2Falice%2Fpublic_html", 200, CP + "/cpsess8123456789/frontend/jupiter/index.html", dt()))
S("cpanel edit htaccess", R("GET", "/cpsess8123456789/frontend/jupiter/filemanager/editit.html?file=.htaccess&fileop=&dir=%2Fhome%2Falice%2Fpublic_html&dirop=&charset=utf-8&file_charset=&baseurl=&basedir=&edit=1", 200, CP + "/cpsess8123456789/frontend/jupiter/filemanager/index.html?dir=%2Fhome%2Falice%2Fpublic_html", dt()))
S("cpanel uapi list files", R("GET", "/cpsess8123456789/execute/Fileman/list_files?dir=%2Fhome%2Falice%2Fpublic_html&include_mime=1&include_permissions=1&show_hidden=1", 200, CP + "/cpsess8123456789/frontend/jupiter/filemanager/index.html", dt()))
S("cpanel email list", R("GET", "/cpsess8123456789/execute/Email/list_pops_with_disk?api.sort_column=email&api.paginate_size=20&api.paginate_start=1", 200, CP + "/cpsess8123456789/frontend/jupiter/email_accounts/index.html", dt()))
S("whm json api", R("GET", "/json-api/listaccts?api.version=1&search=alice&searchtype=user", 200, "-", CURL))
PL = "https://plesk.example.com:8443"
S("plesk file manager", R("GET", "/smb/file-manager/list/domainId/3?currentDir=%2Fhttpdocs%2Fwp-content", 200, PL + "/smb/web/view", dt()))
S("plesk login redirect", R("GET", "/login_up.php?success_redirect_url=%2Fsmb%2Fweb%2Fview", 200, "-", dt()),
  R("GET", "/ui-library/plesk-ui-library.css?3.38.0", 200, PL + "/login_up.php?success_redirect_url=%2Fsmb%2Fweb%2Fview", None))
S("plesk log browser", R("GET", "/smb/log-file/browser/id/3", 200, PL + "/smb/web/view", dt()))

# ============================================================ WordPress / Drupal / Joomla / Moodle
WP = "https://blog.example.com"
u = dt()
S("wp editor",
  R("GET", "/wp-admin/post.php?post=1234&action=edit", 200, WP + "/wp-admin/edit.php", u),
  R("GET", "/wp-json/wp/v2/users/me?context=edit&_locale=user", 200, WP + "/wp-admin/post.php?post=1234&action=edit", u),
  R("GET", "/wp-json/wp/v2/users?context=view&who=authors&per_page=50&_fields=id%2Cname&_locale=user", 200, WP + "/wp-admin/post.php?post=1234&action=edit", u),
  R("POST", "/wp-admin/admin-ajax.php", 200, WP + "/wp-admin/post.php?post=1234&action=edit", u))
S("wp editor link search", R("GET", "/wp-json/wp/v2/search?search=docker%20compose&per_page=20&type=post&_locale=user", 200, WP + "/wp-admin/post.php?post=1234&action=edit", dt()))
S("wp rest posts search (headless front)", R("GET", "/wp-json/wp/v2/posts?search=kubernetes&per_page=10&_embed=1", 200, "-", NODE))
S("wp load-scripts", R("GET", "/wp-admin/load-scripts.php?c=0&load%5Bchunk_0%5D=jquery-core,jquery-migrate,utils&ver=6.7.1", 200, WP + "/wp-admin/", dt()))
S("wp load-styles", R("GET", "/wp-admin/load-styles.php?c=0&dir=ltr&load%5Bchunk_0%5D=dashicons,admin-bar,common,forms,admin-menu,dashboard&ver=6.7.1", 200, WP + "/wp-admin/", dt()))
S("wp cron loopback", R("POST", "/wp-cron.php?doing_wp_cron=1763125200.1234560268859863281250", 200, "-", "WordPress/6.7.1; https://blog.example.com"))
S("wp login reauth", R("GET", "/wp-login.php?redirect_to=https%3A%2F%2Fblog.example.com%2Fwp-admin%2F&reauth=1", 200, "-", dt()),
  R("GET", "/wp-admin/css/login.min.css?ver=6.7.1", 200, WP + "/wp-login.php?redirect_to=https%3A%2F%2Fblog.example.com%2Fwp-admin%2F&reauth=1", None))
S("wp site health", R("GET", "/wp-json/wp-site-health/v1/tests/loopback-requests?_locale=user", 200, WP + "/wp-admin/site-health.php", dt()))
S("wp plugin editor", R("GET", "/wp-admin/plugin-editor.php?file=akismet%2Fakismet.php&plugin=akismet%2Fakismet.php", 200, WP + "/wp-admin/plugins.php", dt()))
S("wp theme editor functions.php", R("GET", "/wp-admin/theme-editor.php?file=functions.php&theme=twentytwentyfour", 200, WP + "/wp-admin/themes.php", dt()))
S("wp block renderer", R("GET", "/wp-json/wp/v2/block-renderer/core/latest-posts?context=edit&attributes%5BpostsToShow%5D=5&attributes%5BdisplayPostDate%5D=true&post_id=1234&_locale=user", 200, WP + "/wp-admin/post.php?post=1234&action=edit", dt()))
S("wp preview", R("GET", "/?p=1234&preview=true&_thumbnail_id=567", 200, WP + "/wp-admin/post.php?post=1234&action=edit", dt()))
S("wp rest_route plain permalinks", R("GET", "/index.php?rest_route=%2Fwp%2Fv2%2Fposts&per_page=5", 200, "-", NODE))
S("jetpack xmlrpc", R("POST", "/xmlrpc.php?for=jetpack&token=abc%3A1%3A0&timestamp=1763125200&nonce=Xk2m9Qp1&body-hash=&signature=8f3c1a2b", 200, "-", "Jetpack by WordPress.com"))
S("woocommerce admin orders", R("GET", "/wp-admin/admin.php?page=wc-orders&status=wc-processing&s=smith", 200, WP + "/wp-admin/admin.php?page=wc-orders", dt()))
S("wp search with code", R("GET", "/?s=" + quote_plus("add_action('init'"), 200, WP + "/", br()))
DR = "https://drupal.example.org"
u = br()
S("drupal anonymous comment login link",
  R("GET", "/user/login?destination=/comment/reply/node/123/comment%23comment-form", 200, DR + "/blog/2025/11/release-notes", u),
  R("GET", "/core/themes/olivero/css/base/base.css?t3f8a1c", 200, DR + "/user/login?destination=/comment/reply/node/123/comment%23comment-form", u))
S("drupal node login destination fragment", R("GET", "/user/login?destination=/node/123%23comment-form", 200, DR + "/node/123", br()))
S("drupal image upload ajax", R("POST", "/node/12/edit?element_parents=field_image/widget/0&ajax_form=1&_wrapper_format=drupal_ajax", 200, DR + "/node/12/edit", dt()))
S("drupal admin content filter", R("GET", "/admin/content?title=docker&type=article&status=1&langcode=All&order=changed&sort=desc", 200, DR + "/admin/content", dt()))
S("drupal dblog filter", R("GET", "/admin/reports/dblog?type%5B%5D=php&severity%5B%5D=3", 200, DR + "/admin/reports/dblog", dt()))
S("drupal batch", R("GET", "/batch?id=23&op=do_nojs", 200, DR + "/batch?id=23&op=start", dt()))
S("drupal external cron", R("GET", "/cron/Xk2m9Qp1Lr7TzW4aB8cD3eF6gH0iJ5kL2mN9oP4qR7sT1uV", 204, "-", CURL))
S("drupal jsonapi", R("GET", "/jsonapi/node/article?" + q_js([("filter[status]", 1), ("filter[title][operator]", "CONTAINS"), ("filter[title][value]", "docker"), ("sort", "-created"), ("page[limit]", 10), ("include", "field_image,uid")]), 200, "-", NODE))
S("drupal aggregated css", R("GET", "/sites/default/files/css/css_Xyz8f3c1a2b.css?delta=0&language=en&theme=olivero&include=eJxdjEEOgjAQRe9yzTuSEmDHSS3kKSxl0sYq_-0UaYSoirB4-ZP4ZS8oVhK4AAY", 200, DR + "/", br()))
S("drupal image style", R("GET", "/sites/default/files/styles/large/public/2025-11/photo.jpg?itok=AbCd1234", 200, DR + "/blog/2025/11/release-notes", br()))
S("drupal views exposed filter", R("GET", "/articles?title=docker&field_tags_target_id=All&sort_by=created&items_per_page=20", 200, DR + "/articles", br()))
S("drupal search", R("GET", "/search/node?keys=" + quote_plus("drush sql-dump --result-file"), 200, DR + "/", br()))
JM = "https://joomla.example.net"
S("joomla article", R("GET", "/index.php?option=com_content&view=article&id=12&catid=8&Itemid=101", 200, JM + "/", br()))
S("joomla smart search", R("GET", "/index.php?option=com_finder&view=search&q=backup+restore&Itemid=101", 200, JM + "/", br()))
S("joomla admin articles", R("GET", "/administrator/index.php?option=com_content&view=articles", 200, JM + "/administrator/index.php", dt()))
S("joomla admin filter fullordering", R("GET", "/administrator/index.php?option=com_content&view=articles&filter[search]=release&list[fullordering]=a.created%20DESC&list[limit]=20", 200, JM + "/administrator/index.php?option=com_content&view=articles", dt()))
S("joomla api", R("GET", "/api/index.php/v1/content/articles?page%5Blimit%5D=20", 200, "-", PYREQ))
MD = "https://moodle.example.edu"
u = br()
S("moodle course",
  R("GET", "/course/view.php?id=42&section=3", 200, MD + "/my/", u),
  R("GET", "/theme/styles.php/boost/1731589200_1/all", 200, MD + "/course/view.php?id=42&section=3", u),
  R("GET", "/theme/yui_combo.php?rollup/3.18.1/yui-moodlesimple-min.js", 200, MD + "/course/view.php?id=42&section=3", u),
  R("POST", "/lib/ajax/service.php?sesskey=Xk2m9Qp1Lr&info=core_fetch_notifications", 200, MD + "/course/view.php?id=42&section=3", u))
S("moodle quiz attempt", R("GET", "/mod/quiz/attempt.php?attempt=12345&cmid=678&page=2", 200, MD + "/mod/quiz/attempt.php?attempt=12345&cmid=678&page=1", br()))
S("moodle pluginfile", R("GET", "/pluginfile.php/1234/mod_resource/content/1/Lecture%205%20-%20SQL%20Joins%20and%20UNION.pdf", 200, MD + "/course/view.php?id=42", br()))
S("moodle forum", R("GET", "/mod/forum/discuss.php?d=901", 200, MD + "/mod/forum/view.php?id=700", br()))
S("moodle mobile ws", R("POST", "/webservice/rest/server.php?moodlewsrestformat=json&wsfunction=core_course_get_contents", 200, "-", "MoodleMobile 4.4.0 (44001)"))
S("moodle mobile pluginfile", R("GET", "/webservice/pluginfile.php/1234/mod_resource/content/1/Lab3.pdf?token=4d5e6f708192a3b4c5d6e7f8a9b0c1d2&offline=1", 200, "-", "MoodleMobile 4.4.0 (44001)"))
S("moodle h5p embed", R("GET", "/h5p/embed.php?url=https%3A%2F%2Fmoodle.example.edu%2Fpluginfile.php%2F1234%2Fmod_h5pactivity%2Fpackage%2F0%2Fquiz.h5p&preventredirect=1&component=mod_h5pactivity", 200, MD + "/mod/h5pactivity/view.php?id=901", br()))
S("moodle question bank", R("GET", "/question/bank/editquestion/question.php?courseid=42&id=555&returnurl=%2Fquestion%2Fedit.php%3Fcourseid%3D42", 200, MD + "/question/edit.php?courseid=42", dt()))
S("moodle web cron", R("GET", "/admin/cron.php?password=Xk2m9Qp1Lr7T", 200, "-", "Wget/1.21.4"))
S("moodle theme image", R("GET", "/theme/image.php/boost/core/1731589200/f/pdf-24", 200, MD + "/course/view.php?id=42", br()))
S("moodle search", R("GET", "/search/index.php?q=" + quote_plus("SELECT ... JOIN lab solution"), 200, MD + "/course/view.php?id=42", br()))

# ============================================================ misc apps
S("zimbra attachment", R("GET", "/service/home/~/?auth=co&loc=en_US&id=281&part=2&disp=a", 200, "https://zimbra.example.com/", dt()))
S("gitea oauth callback", R("GET", "/user/oauth2/keycloak/callback?state=8f3c1a2b&code=4d5e6f70.8192a3b4.c5d6e7f8&session_state=a9b0c1d2", 302, "https://sso.example.com/", dt()))
S("keycloak auth", R("GET", "/realms/acme/protocol/openid-connect/auth?" + q_form([("client_id", "grafana"), ("redirect_uri", "https://grafana.example.com/login/generic_oauth"), ("response_type", "code"), ("scope", "openid email profile offline_access roles"), ("state", "Xk2m9Qp1Lr")]), 200, G + "/login", dt()))
S("portainer", R("GET", "/api/endpoints/2/docker/containers/json?all=1&filters=%7B%22label%22%3A%5B%22com.docker.compose.project%3Dwebapp%22%5D%7D", 200, "https://portainer.example.com/", dt()))
S("harbor registry v2", R("GET", "/v2/acme/webapp/manifests/2.4.0", 200, "-", "docker/27.3.1 go/go1.22.7 git-commit/41ca978 kernel/6.8.0-48-generic os/linux arch/amd64 UpstreamClient(Docker-Client/27.3.1 \\(linux\\))"))
S("nexus npm proxy", R("GET", "/repository/npm-proxy/@babel%2fcore", 200, "-", "npm/10.9.0 node/v22.11.0 linux x64 workspaces/false"))
S("pypi simple", R("GET", "/simple/requests/", 200, "-", 'pip/24.3.1 {"ci":null,"cpu":"x86_64","distro":{"name":"Ubuntu","version":"24.04"},"implementation":{"name":"CPython","version":"3.12.3"},"installer":{"name":"pip","version":"24.3.1"},"python":"3.12.3","system":{"name":"Linux","release":"6.8.0-48-generic"}}'))
S("apt mirror", R("GET", "/ubuntu/dists/noble-updates/InRelease", 304, "-", "Debian APT-HTTP/1.3 (2.7.14build2)"))
S("stripe webhook", R("POST", "/webhooks/stripe", 200, "-", "Stripe/1.0 (+https://stripe.com/docs/webhooks)"))
S("github webhook", R("POST", "/hooks/github", 202, "-", "GitHub-Hookshot/6a3c1e2"))
S("slack unfurl", R("GET", "/blog/2025/11/postgres-union-all-vs-union", 200, "-", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"))
S("vaultwarden icons", R("GET", "/icons/github.com/icon.png", 200, "https://vault.example.com/", br()))
S("home assistant api", R("GET", "/api/history/period/2025-11-14T00:00:00+00:00?filter_entity_id=sensor.living_room_temperature&minimal_response&no_attributes", 200, "https://ha.example.com/history", dt()))
S("synapse client sync", R("GET", "/_matrix/client/v3/sync?filter=0&timeout=30000&since=s123456_789_0_1_1_1_1_2345_0", 200, "-", "Element/1.11.85 (iPhone; iOS 18.1; Scale/3.00)"))
S("mastodon api timeline", R("GET", "/api/v1/timelines/home?limit=40&max_id=113456789012345678", 200, "-", "Ivory/24.11 (iPhone; iOS 18.1)"))
S("grafana oncall webhook", R("POST", "/integrations/v1/alertmanager/Xk2m9Qp1Lr7TzW4a/", 200, "-", "Alertmanager/0.27.0"))
S("openproject wp filters", R("GET", "/projects/ops/work_packages?query_props=" + ejs('{"c":["id","subject","status"],"f":[{"n":"status","o":"o","v":[]},{"n":"subject","o":"~","v":["login"]}],"pa":1,"pp":20}'), 200, "https://openproject.example.com/projects/ops", dt()))
S("redmine issue filters", R("GET", "/issues?set_filter=1&f[]=status_id&op[status_id]=o&f[]=subject&op[subject]=~&v[subject][]=timeout&sort=id:desc", 200, "https://redmine.example.com/projects/ops/issues", dt()))
S("bookstack search", R("GET", "/search?term=" + quote_plus("[type=page] {updated_by:me} backup"), 200, "https://bookstack.example.com/", dt()))
S("wiki.js graphql", R("POST", "/graphql", 200, "https://wikijs.example.com/e/en/runbooks/backup", dt()))
S("outline api", R("POST", "/api/documents.search", 200, "https://outline.example.com/search", dt()))
S("vikunja", R("GET", "/api/v1/tasks/all?sort_by[]=due_date&sort_by[]=id&order_by[]=asc&order_by[]=desc&filter=done+%3D+false+%26%26+due_date+%3C+now%2B7d&page=1", 200, "https://tasks.example.com/", dt()))
S("gotify stream", R("GET", "/stream?token=CXk2m9Qp1Lr7TzW", 101, "-", GOHTTP))
S("immich thumbnail", R("GET", "/api/assets/3f8a1c2e-7b4d-4e6f-9a1b-2c3d4e5f6a7b/thumbnail?size=preview&c=Xk2m9Qp1Lr7TzW4a", 200, "https://photos.example.com/photos", br()))
S("jellyfin stream", R("GET", "/Videos/3f8a1c2e7b4d4e6f9a1b2c3d4e5f6a7b/master.m3u8?DeviceId=TW96aWxsYS81LjA&MediaSourceId=3f8a1c2e7b4d4e6f9a1b2c3d4e5f6a7b&VideoCodec=h264&AudioCodec=aac&api_key=4d5e6f708192a3b4", 200, "https://media.example.com/web/index.html", br()))
S("paperless search", R("GET", "/api/documents/?page=1&page_size=25&ordering=-created&truncate_content=true&query=" + ejs("correspondent:insurance created:[2024 to 2025]"), 200, "https://paperless.example.com/documents", dt()))
S("uptime kuma badge", R("GET", "/api/badge/12/uptime/24?label=API&labelSuffix=%25", 200, "https://git.example.com/acme/webapp", br()))
S("sonarqube issues", R("GET", "/api/issues/search?componentKeys=acme_webapp&s=FILE_LINE&resolved=false&types=VULNERABILITY&ps=100&facets=owaspTop10%2CsansTop25&additionalFields=_all", 200, "https://sonar.example.com/project/issues?id=acme_webapp", dt()))
S("sonarqube hotspot rule", R("GET", "/coding_rules?open=javasecurity%3AS3649&rule_key=javasecurity%3AS3649", 200, "https://sonar.example.com/project/issues?id=acme_webapp", dt()))
S("argocd app", R("GET", "/api/v1/applications/webapp/resource-tree?appNamespace=argocd", 200, "https://argocd.example.com/applications/argocd/webapp", dt()))
S("vault ui", R("GET", "/v1/secret/metadata/webapp?list=true", 200, "https://vault.example.com/ui/vault/secrets/secret/list/webapp/", dt()))
S("k8s dashboard", R("GET", "/api/v1/pod/prod?itemsPerPage=10&page=1&sortBy=d,creationTimestamp", 200, "https://k8s.example.com/", dt()))
S("traefik dashboard", R("GET", "/api/http/routers?search=&status=&per_page=10&page=1", 200, "https://traefik.example.com/dashboard/", dt()))
S("pgadmin sqleditor", R("GET", "/sqleditor/panel/4812345?is_query_tool=true&sgid=1&sid=1&did=16384&server_type=pg&title=app%2Fpostgres%40prod", 200, "https://pgadmin.example.com/browser/", dt()))
S("rundeck job", R("GET", "/project/ops/job/show/3f8a1c2e-7b4d-4e6f-9a1b-2c3d4e5f6a7b", 200, "https://rundeck.example.com/project/ops/jobs", dt()))
S("awx job stdout", R("GET", "/api/v2/jobs/4812/stdout/?format=txt_download", 200, "https://awx.example.com/", dt()))



# ============================================================ more visits / clients
u = dt()
S("jira navigator: refine JQL twice (single quotes)",
  R("GET", "/issues/?jql=" + ejs("project = 'OPS' AND status = 'Open'"), 200, JR + "/issues/?filter=-1", u),
  R("GET", "/issues/?jql=" + ejs("project = 'OPS' AND status = 'Open' AND assignee = currentUser()"), 200, JR + "/issues/?jql=" + ejs("project = 'OPS' AND status = 'Open'"), u))
u = dt()
S("grafana influx raw query edited twice (browser proxy)",
  R("GET", "/api/datasources/proxy/3/query?" + q_js([("db", "telegraf"), ("q", "SELECT mean(usage_user) FROM cpu WHERE host = 'web01' AND cpu = 'cpu-total' AND time > now() - 1h GROUP BY time(30s)"), ("epoch", "ms")]), 200, G + "/d/000000012/telegraf-system-dashboard?orgId=1&editPanel=2", u),
  R("GET", "/api/datasources/proxy/3/query?" + q_js([("db", "telegraf"), ("q", "SELECT mean(usage_system) FROM cpu WHERE host = 'web01' AND cpu = 'cpu-total' AND time > now() - 1h GROUP BY time(30s)"), ("epoch", "ms")]), 200, G + "/d/000000012/telegraf-system-dashboard?orgId=1&editPanel=2", u))
S("mailcow api mailbox", R("GET", "/api/v1/get/mailbox/jdoe@example.com", 200, "-", CURL))
S("mailman3 rest list", R("GET", "/3.1/lists/dev@lists.example.com", 200, "-", "GNU Mailman REST client v3.3.5"))
u = br()
S("whois site from search engine",
  R("GET", "/whois/example.com", 200, "https://www.google.com/", u),
  R("GET", "/static/css/main.4f2c1b.css", 200, "https://whois.example.net/whois/example.com", u))
S("dns api zone (PowerDNS, canonical id with trailing dot)", R("GET", "/api/v1/servers/localhost/zones/example.com.", 200, "-", PYREQ))
S("whm dns zone editor", R("GET", "/cpsess8123456789/json-api/parse_dns_zone?api.version=1&zone=example.com", 200, "https://whm.example.com:2087/cpsess8123456789/scripts4/listzones", dt()))
for p in ["/api/v1/cart/items", "/api/v1/checkout/session"]:
    u = br()
    S("cors preflight + call " + p,
      R("OPTIONS", p, 204, SHOP + "/cart", u),
      R("POST", p, 200, SHOP + "/cart", u))
S("link checker HEAD", R("HEAD", "/docs/install/", 200, "-", "LinkChecker/10.5.0 (+https://linkchecker.github.io/linkchecker/)"))
S("loki push from vector", R("POST", "/loki/api/v1/push", 204, "-", "Vector/0.42.0 (x86_64-unknown-linux-gnu 3d16e34 2024-10-21 14:10:14.375255220)"))
S("prometheus alert check script", R("GET", "/api/v1/query?" + q_form([("query", 'ALERTS{alertstate="firing",severity="critical"}')]), 200, "-", GOHTTP))
S("otel collector", R("POST", "/v1/traces", 200, "-", "OpenTelemetry Collector Contrib/0.113.0 (linux/amd64)"))
u = br()
S("shop product page visit",
  R("GET", "/products/linen-shirt?variant=4123456789", 200, SHOP + "/collections/shirts", u),
  R("GET", "/cdn/shop/t/12/assets/base.css?v=17315892", 200, SHOP + "/products/linen-shirt?variant=4123456789", u),
  R("GET", "/products/linen-shirt.js", 200, SHOP + "/products/linen-shirt?variant=4123456789", u),
  R("GET", "/recommendations/products.json?product_id=4123456789&limit=4&intent=related", 200, SHOP + "/products/linen-shirt?variant=4123456789", u))
u = br()
S("blog post visit",
  R("GET", "/2025/11/docker-compose-healthchecks/", 200, "https://news.ycombinator.com/", u),
  R("GET", "/wp-content/themes/twentytwentyfour/style.css?ver=1.2", 200, WP + "/2025/11/docker-compose-healthchecks/", u),
  R("GET", "/wp-includes/js/wp-emoji-release.min.js?ver=6.7.1", 200, WP + "/2025/11/docker-compose-healthchecks/", u))
u = br()
S("discourse topic visit from search",
  R("GET", "/t/how-to-run-certbot-renew-with-nginx-in-docker/9876", 200, "https://duckduckgo.com/", u),
  R("GET", "/stylesheets/desktop_theme_2_8f3c1a2b.css?__ws=discuss.example.org", 200, DC + "/t/how-to-run-certbot-renew-with-nginx-in-docker/9876", u))
u = dt()
S("metabase question visit",
  R("GET", "/question/42-orders-by-status?status=shipped&created_at=past30days", 200, M + "/collection/5-operations", u),
  R("POST", "/api/card/42/query", 202, M + "/question/42-orders-by-status?status=shipped&created_at=past30days", u))
u = br()
S("moodle resource visit",
  R("GET", "/mod/resource/view.php?id=901", 200, MD + "/course/view.php?id=42", u),
  R("GET", "/pluginfile.php/1234/mod_resource/content/1/Lab3%20-%20Shell%20scripting.pdf", 200, MD + "/mod/resource/view.php?id=901", u))
u = br()
S("wiki page visit",
  R("GET", "/wiki/Nginx", 200, "https://www.google.com/", u),
  R("GET", "/load.php?lang=en&modules=site.styles&only=styles&skin=vector", 200, WK + "/wiki/Nginx", u),
  R("GET", "/images/thumb/a/a7/Nginx_logo.svg/120px-Nginx_logo.svg.png", 200, WK + "/wiki/Nginx", u))
u = dt()
S("gitea repo home visit",
  R("GET", "/acme/webapp", 200, GT + "/explore/repos", u),
  R("GET", "/assets/js/index.js?v=1.22.3", 200, GT + "/acme/webapp", u))
u = br()
S("nextcloud talk visit",
  R("GET", "/call/x7k2m9qp", 200, "https://mail.example.com/", u),
  R("GET", "/ocs/v2.php/apps/spreed/api/v4/room/x7k2m9qp?format=json", 200, NC + "/call/x7k2m9qp", u))
u = br()
S("jellyfin web visit",
  R("GET", "/web/index.html", 200, "-", u),
  R("GET", "/web/main.jellyfin.bundle.js?3f8a1c2e", 200, "https://media.example.com/web/index.html", u))
u = dt()
S("sonar project visit",
  R("GET", "/dashboard?id=acme_webapp&branch=main", 200, "https://git.example.com/acme/webapp", u),
  R("GET", "/js/out8f3c1a2b.js", 200, "https://sonar.example.com/dashboard?id=acme_webapp&branch=main", u))
u = br()
S("map app visit",
  R("GET", "/", 200, "-", u),
  R("GET", "/tiles/5/16/10.png", 200, "https://maps.example.com/", u),
  R("GET", "/tiles/5/17/10.png", 200, "https://maps.example.com/", u))
u = dt()
S("kibana dashboard visit",
  R("GET", "/app/dashboards", 200, K + "/app/home", u),
  R("GET", "/api/saved_objects/_find?" + q_js([("search_fields", "title"), ("search", "nginx*"), ("type", "dashboard"), ("per_page", 20)]), 200, K + "/app/dashboards", u))
S("stackexchange-style api", R("GET", "/2.3/search/advanced?" + q_form([("order", "desc"), ("sort", "activity"), ("q", "nginx 502 php-fpm"), ("site", "serverfault")]), 200, "-", PYREQ))
S("docs versioned page", R("GET", "/en/stable/topics/db/queries/", 200, "https://docs.example.com/en/stable/", br()))
S("readthedocs search api", R("GET", "/_/api/v3/search/?q=" + quote_plus("project:docs subprocess.run"), 200, "https://docs.example.com/en/latest/", br()))
S("ical feed thunderbird", R("GET", "/calendar/team.ics", 304, "-", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.4.0"))
S("podcast app", R("GET", "/episodes/42/audio.mp3", 206, "-", "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)"))
S("opds catalog", R("GET", "/opds/search?query=" + quote_plus("linux administration"), 200, "-", "KOReader/2024.11"))
S("mastodon link preview", R("GET", "/2025/11/docker-compose-healthchecks/", 200, "-", "Mastodon/4.3.1 (http.rb/5.2.0; +https://mastodon.social/) Bot"))
S("discord embed", R("GET", "/blog/2025/11/postgres-union-all-vs-union", 200, "-", "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)"))
S("apple podcasts feed", R("GET", "/feed/podcast/", 200, "-", "iTMS"))
S("healthchecks.io ping", R("GET", "/ping/3f8a1c2e-7b4d-4e6f-9a1b-2c3d4e5f6a7b", 200, "-", CURL))
S("php-fpm ping", R("GET", "/fpm-ping", 200, "-", "kube-probe/1.30"))
S("haproxy check", R("OPTIONS", "/", 200, "-", "-"))



# ============================================================ package registries / mirrors / downloads
NPM_PKGS = """accepts 1.3.8|array-flatten 1.1.1|body-parser 1.20.3|bytes 3.1.2|call-bind 1.0.7|content-disposition 0.5.4|content-type 1.0.5|cookie 0.7.1|cookie-signature 1.0.6|debug 2.6.9|depd 2.0.0|destroy 1.2.0|ee-first 1.1.1|encodeurl 2.0.0|escape-html 1.0.3|etag 1.8.1|express 4.21.1|finalhandler 1.3.1|forwarded 0.2.0|fresh 0.5.2|function-bind 1.1.2|get-intrinsic 1.2.4|gopd 1.0.1|has-symbols 1.0.3|hasown 2.0.2|http-errors 2.0.0|iconv-lite 0.4.24|inherits 2.0.4|ipaddr.js 1.9.1|media-typer 0.3.0|merge-descriptors 1.0.3|methods 1.1.2|mime 1.6.0|mime-db 1.52.0|mime-types 2.1.35|ms 2.0.0|negotiator 0.6.3|object-inspect 1.13.3|on-finished 2.4.1|parseurl 1.3.3|path-to-regexp 0.1.10|proxy-addr 2.0.7|qs 6.13.0|range-parser 1.2.1|raw-body 2.5.2|safe-buffer 5.2.1|safer-buffer 2.1.2|send 0.19.0|serve-static 1.16.2|setprototypeof 1.2.0|side-channel 1.0.6|statuses 2.0.1|toidentifier 1.0.1|type-is 1.6.18|unpipe 1.0.0|utils-merge 1.0.1|vary 1.1.2|ansi-regex 5.0.1|ansi-styles 4.3.0|chalk 4.1.2|color-convert 2.0.1|color-name 1.1.4|has-flag 4.0.0|supports-color 7.2.0|strip-ansi 6.0.1|string-width 4.2.3|emoji-regex 8.0.0|is-fullwidth-code-point 3.0.0|wrap-ansi 7.0.0|cliui 8.0.1|y18n 5.0.8|yargs 17.7.2|yargs-parser 21.1.1|escalade 3.2.0|get-caller-file 2.0.5|require-directory 2.1.1|dotenv 16.4.5|jsonwebtoken 9.0.2|jws 3.2.2|jwa 1.4.1|buffer-equal-constant-time 1.0.1|ecdsa-sig-formatter 1.0.11|lodash.includes 4.3.0|lodash.isboolean 3.0.3|lodash.isinteger 4.0.4|lodash.isnumber 3.0.3|lodash.isplainobject 4.0.6|lodash.isstring 4.0.1|lodash.once 4.1.1|semver 7.6.3|pg 8.13.1|pg-connection-string 2.7.0|pg-int8 1.0.1|pg-pool 3.7.0|pg-protocol 1.7.0|pg-types 2.2.0|pgpass 1.0.5|postgres-array 2.0.0|postgres-bytea 1.0.0|postgres-date 1.0.7|postgres-interval 1.2.0|split2 4.2.0|xtend 4.0.2|winston 3.17.0|logform 2.7.0|triple-beam 1.4.1|readable-stream 3.6.2|string_decoder 1.3.0|util-deprecate 1.0.2|async 3.2.6|is-stream 2.0.1|stack-trace 0.0.10|safe-stable-stringify 2.5.0|one-time 1.0.0|fn.name 1.1.0|fecha 4.2.3|colors 1.4.0|@colors/colors 1.6.0|@dabh/diagnostics 2.0.3|colorspace 1.1.4|enabled 2.0.0|kuler 2.0.0|text-hex 1.0.0|simple-swizzle 0.2.2|is-arrayish 0.3.2|winston-transport 4.9.0|helmet 8.0.0|cors 2.8.5|object-assign 4.1.1|morgan 1.10.0|basic-auth 2.0.1|on-headers 1.0.2|zod 3.23.8|uuid 11.0.3|axios 1.7.7|follow-redirects 1.15.9|form-data 4.0.1|asynckit 0.4.0|combined-stream 1.0.8|delayed-stream 1.0.0|proxy-from-env 1.1.0""".split("|")
reqs = []
for p in NPM_PKGS:
    name, ver = p.split()
    base = name.split("/")[-1]
    reqs.append(R("GET", "/%s/-/%s-%s.tgz" % (name, base, ver), 200, "-", "npm/10.9.0 node/v22.11.0 linux x64 workspaces/false ci/gitlab"))
S("npm ci against verdaccio (CI runner)", *reqs)
DEBS = """libssl3 3.0.15-1~deb12u1|openssl 3.0.15-1~deb12u1|libc6 2.36-9+deb12u9|libc-bin 2.36-9+deb12u9|locales 2.36-9+deb12u9|libsystemd0 252.31-1~deb12u1|systemd 252.31-1~deb12u1|systemd-sysv 252.31-1~deb12u1|libudev1 252.31-1~deb12u1|udev 252.31-1~deb12u1|libpam-systemd 252.31-1~deb12u1|linux-image-6.1.0-27-amd64 6.1.115-1|linux-image-amd64 6.1.115-1|nginx 1.22.1-9+deb12u1|nginx-common 1.22.1-9+deb12u1|libnginx-mod-http-geoip 1.22.1-9+deb12u1|libnginx-mod-stream 1.22.1-9+deb12u1|curl 7.88.1-10+deb12u8|libcurl4 7.88.1-10+deb12u8|libcurl3-gnutls 7.88.1-10+deb12u8|git 1:2.39.5-0+deb12u1|git-man 1:2.39.5-0+deb12u1|libexpat1 2.5.0-1+deb12u1|libxml2 2.9.14+dfsg-1.3~deb12u1|python3.11 3.11.2-6+deb12u4|libpython3.11 3.11.2-6+deb12u4|libpython3.11-minimal 3.11.2-6+deb12u4|libpython3.11-stdlib 3.11.2-6+deb12u4|python3.11-minimal 3.11.2-6+deb12u4|postgresql-15 15.9-0+deb12u1|postgresql-client-15 15.9-0+deb12u1|libpq5 15.9-0+deb12u1|openssh-client 1:9.2p1-2+deb12u3|openssh-server 1:9.2p1-2+deb12u3|openssh-sftp-server 1:9.2p1-2+deb12u3|sudo 1.9.13p3-1+deb12u1|tzdata 2024a-0+deb12u1|libgnutls30 3.7.9-2+deb12u3|libgstreamer1.0-0 1.22.0-2+deb12u1|libnss3 2:3.87.1-1+deb12u1|libtiff6 4.5.0-6+deb12u1|libwebp7 1.2.4-0.2+deb12u1|libwebpmux3 1.2.4-0.2+deb12u1|libwebpdemux2 1.2.4-0.2+deb12u1|libsqlite3-0 3.40.1-2+deb12u1|libglib2.0-0 2.74.6-2+deb12u4|libssh2-1 1.10.0-3+b1|libnghttp2-14 1.52.0-1+deb12u2|libcups2 2.4.2-3+deb12u8|libjavascriptcoregtk-4.1-0 2.46.3-1~deb12u1|libwebkit2gtk-4.1-0 2.46.3-1~deb12u1|libgssapi-krb5-2 1.20.1-2+deb12u2|libk5crypto3 1.20.1-2+deb12u2|libkrb5-3 1.20.1-2+deb12u2|libkrb5support0 1.20.1-2+deb12u2|libtasn1-6 4.19.0-2+deb12u1|distro-info-data 0.58+deb12u3|base-files 12.4+deb12u8|libperl5.36 5.36.0-7+deb12u1|perl 5.36.0-7+deb12u1|perl-base 5.36.0-7+deb12u1|perl-modules-5.36 5.36.0-7+deb12u1|libxslt1.1 1.1.35-1+deb12u1|libgdk-pixbuf-2.0-0 2.42.10+dfsg-1+deb12u1|libgdk-pixbuf2.0-common 2.42.10+dfsg-1+deb12u1|libfreetype6 2.12.1+dfsg-5+deb12u3|libharfbuzz0b 6.0.0+dfsg-3|libopenjp2-7 2.5.0-2+deb12u1|libaom3 3.6.0-1+deb12u1|libheif1 1.15.1-1+deb12u1|imagemagick-6-common 8:6.9.11.60+dfsg-1.6+deb12u2|libmagickcore-6.q16-6 8:6.9.11.60+dfsg-1.6+deb12u2|libmagickwand-6.q16-6 8:6.9.11.60+dfsg-1.6+deb12u2|ghostscript 10.0.0~dfsg-11+deb12u6|libgs10 10.0.0~dfsg-11+deb12u6|libgs10-common 10.0.0~dfsg-11+deb12u6|libpoppler126 22.12.0-2+b1|bind9-host 1:9.18.28-1~deb12u2|bind9-libs 1:9.18.28-1~deb12u2|bind9-dnsutils 1:9.18.28-1~deb12u2|dnsutils 1:9.18.28-1~deb12u2|libldap-2.5-0 2.5.13+dfsg-5|ca-certificates 20230311|needrestart 3.6-4+deb12u2|unbound 1.17.1-2+deb12u2|libunbound8 1.17.1-2+deb12u2|redis-server 5:7.0.15-1~deb12u1|redis-tools 5:7.0.15-1~deb12u1|rsync 3.2.7-1+deb12u1|libarchive13 3.6.2-1+deb12u2|libblkid1 2.38.1-5+deb12u1|libmount1 2.38.1-5+deb12u1|libsmartcols1 2.38.1-5+deb12u1|libuuid1 2.38.1-5+deb12u1|mount 2.38.1-5+deb12u1|util-linux 2.38.1-5+deb12u1|util-linux-extra 2.38.1-5+deb12u1|fdisk 2.38.1-5+deb12u1|libfdisk1 2.38.1-5+deb12u1|bsdutils 1:2.38.1-5+deb12u1|intel-microcode 3.20240910.1~deb12u1|amd64-microcode 3.20240820.1~deb12u1|libnss-systemd 252.31-1~deb12u1|libpam-modules 1.5.2-6+deb12u1|libpam-modules-bin 1.5.2-6+deb12u1|libpam-runtime 1.5.2-6+deb12u1|libpam0g 1.5.2-6+deb12u1|passwd 1:4.13+dfsg1-1+b1|login 1:4.13+dfsg1-1+b1""".split("|")
reqs = [R("GET", "/debian/dists/bookworm/InRelease", 304, "-", "Debian APT-HTTP/1.3 (2.6.1)"),
        R("GET", "/debian/dists/bookworm-updates/InRelease", 200, "-", "Debian APT-HTTP/1.3 (2.6.1)"),
        R("GET", "/debian-security/dists/bookworm-security/InRelease", 200, "-", "Debian APT-HTTP/1.3 (2.6.1)")]
for p in DEBS:
    name, ver = p.split()
    src = name
    letter = "lib" + src[3] if src.startswith("lib") else src[0]
    repo = "debian-security" if "deb12u" in ver else "debian"
    reqs.append(R("GET", "/%s/pool/main/%s/%s/%s_%s_amd64.deb" % (repo, letter, src, name, ver.replace(":", "%3a")), 200, "-", "Debian APT-HTTP/1.3 (2.6.1)"))
S("apt-get upgrade against local mirror", *reqs)
S("npm install metadata + tarballs (dev laptop, small)",
  R("GET", "/left-pad", 200, "-", "npm/10.9.0 node/v22.11.0 darwin arm64 workspaces/false"),
  R("GET", "/left-pad/-/left-pad-1.3.0.tgz", 200, "-", "npm/10.9.0 node/v22.11.0 darwin arm64 workspaces/false"),
  R("GET", "/is-number", 200, "-", "npm/10.9.0 node/v22.11.0 darwin arm64 workspaces/false"),
  R("GET", "/is-number/-/is-number-7.0.0.tgz", 200, "-", "npm/10.9.0 node/v22.11.0 darwin arm64 workspaces/false"),
  R("GET", "/@types%2fnode", 200, "-", "npm/10.9.0 node/v22.11.0 darwin arm64 workspaces/false"),
  R("GET", "/@types/node/-/node-22.9.0.tgz", 200, "-", "npm/10.9.0 node/v22.11.0 darwin arm64 workspaces/false"))
RUA = "R (4.4.2 x86_64-pc-linux-gnu x86_64 linux-gnu)"
S("R install.packages from CRAN mirror",
  R("GET", "/src/contrib/PACKAGES.rds", 200, "-", RUA),
  R("GET", "/src/contrib/glue_1.8.0.tar.gz", 200, "-", RUA),
  R("GET", "/src/contrib/cli_3.6.3.tar.gz", 200, "-", RUA),
  R("GET", "/src/contrib/rlang_1.1.4.tar.gz", 200, "-", RUA),
  R("GET", "/src/contrib/lifecycle_1.0.4.tar.gz", 200, "-", RUA))
GOUA = "Go-http-client/1.1"
S("go mod download via athens proxy",
  R("GET", "/github.com/pkg/errors/@v/v0.9.1.info", 200, "-", GOUA),
  R("GET", "/github.com/pkg/errors/@v/v0.9.1.zip", 200, "-", GOUA),
  R("GET", "/golang.org/x/sys/@v/v0.27.0.zip", 200, "-", GOUA),
  R("GET", "/github.com/google/uuid/@v/v1.6.0.zip", 200, "-", GOUA))
S("helm dependency update from chartmuseum",
  R("GET", "/index.yaml", 200, "-", "Helm/3.16.2"),
  R("GET", "/charts/postgresql-16.2.1.tgz", 200, "-", "Helm/3.16.2"),
  R("GET", "/charts/redis-20.3.0.tgz", 200, "-", "Helm/3.16.2"),
  R("GET", "/charts/common-2.27.0.tgz", 200, "-", "Helm/3.16.2"))
u = dt()
S("release page: user downloads three assets",
  R("GET", "/acme/cli/releases/tag/v2.4.0", 200, GT + "/acme/cli/releases", u),
  R("GET", "/acme/cli/releases/download/v2.4.0/cli_2.4.0_linux_amd64.tar.gz", 200, GT + "/acme/cli/releases/tag/v2.4.0", u),
  R("GET", "/acme/cli/releases/download/v2.4.0/cli_2.4.0_darwin_arm64.tar.gz", 200, GT + "/acme/cli/releases/tag/v2.4.0", u),
  R("GET", "/acme/cli/releases/download/v2.4.0/cli_2.4.0_windows_amd64.zip", 200, GT + "/acme/cli/releases/tag/v2.4.0", u))
S("cpanm install", R("GET", "/authors/id/P/PE/PEVANS/Future-0.51.tar.gz", 200, "-", "cpanminus/1.7047"),
  R("GET", "/authors/id/T/TO/TODDR/IO-Tty-1.20.tar.gz", 200, "-", "cpanminus/1.7047"),
  R("GET", "/authors/id/O/OA/OALDERS/URI-5.31.tar.gz", 200, "-", "cpanminus/1.7047"))
S("internal PKI: download CA bundle", R("GET", "/pki/root-ca.pem", 200, "https://pki.example.com/", dt()), R("GET", "/pki/intermediate-ca.pem", 200, "https://pki.example.com/", None), R("GET", "/pki/ca-chain.pem", 200, "https://pki.example.com/", None))

# ============================================================ Nagios / classic CGI UIs
NG = "https://nagios.example.com"
u = dt()
S("nagios operator browsing",
  R("GET", "/nagios/cgi-bin/tac.cgi", 200, NG + "/nagios/side.php", u),
  R("GET", "/nagios/cgi-bin/status.cgi?host=all&servicestatustypes=28", 200, NG + "/nagios/side.php", u),
  R("GET", "/nagios/cgi-bin/extinfo.cgi?type=2&host=web01&service=HTTP", 200, NG + "/nagios/cgi-bin/status.cgi?host=all&servicestatustypes=28", u),
  R("GET", "/nagios/cgi-bin/cmd.cgi?cmd_typ=34&host=web01&service=HTTP", 200, NG + "/nagios/cgi-bin/extinfo.cgi?type=2&host=web01&service=HTTP", u))
u = dt()
S("mailman2 list pages",
  R("GET", "/cgi-bin/mailman/listinfo/dev", 200, "https://lists.example.org/", u),
  R("GET", "/cgi-bin/mailman/private/dev/", 200, "https://lists.example.org/cgi-bin/mailman/listinfo/dev", u),
  R("GET", "/cgi-bin/mailman/options/dev", 200, "https://lists.example.org/cgi-bin/mailman/listinfo/dev", u))

# ============================================================ code-server / SAML
u = dt()
S("code-server bookmarked workspace (root install)",
  R("GET", "/?folder=/root/projects/webapp", 200, "-", u),
  R("GET", "/vscode-remote-resource?path=%2Froot%2F.local%2Fshare%2Fcode-server%2Fextensions%2Fms-python.python-2024.20.0-universal%2Fimages%2Flogo.png&tkn=Xk2m9Qp1Lr7TzW4a", 200, "https://code.example.com/?folder=/root/projects/webapp", u))
u = dt()
S("code-server extension icon",
  R("GET", "/vscode-remote-resource?path=%2Fhome%2Fcoder%2F.local%2Fshare%2Fcode-server%2Fextensions%2Fesbenp.prettier-vscode-11.0.0%2Ficon.png&tkn=Xk2m9Qp1Lr7TzW4a", 200, "https://code.example.com/?folder=/home/coder/project", u))
u = dt()
S("saml redirect binding to adfs",
  R("GET", "/adfs/ls/?SAMLRequest=fZJNT8MwDIbvSPyHKPet7QYCorUTAiFN4sDHxJ1wnWi3oGkTdsrEvydrh4ADHG0%2F7%2FPaSbXfrq%2BqBc2q3lE5%2FQbH7OmErNAw%3D%3D&RelayState=https%3A%2F%2Fapp.example.com%2Fdashboard&SigAlg=http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha256&Signature=Q2xBc3N0ZXJ0cz0%3D", 200, "https://app.example.com/", u),
  R("GET", "/adfs/portal/css/style.css?id=D74D4D6E8AFF5B5DD2A5D68A5B6D8E7C", 200, "https://sts.example.com/adfs/ls/?SAMLRequest=fZJNT8MwDIbvSPyHKPet7QYCorUTAiFN4sDHxJ1wnWi3oGkTdsrEvydrh4ADHG0%2F7%2FPaSbXfrq%2BqBc2q3lE5%2FQbH7OmErNAw%3D%3D&RelayState=https%3A%2F%2Fapp.example.com%2Fdashboard&SigAlg=http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha256&Signature=Q2xBc3N0ZXJ0cz0%3D", u))
S("ws-fed signin", R("GET", "/adfs/ls/?wa=wsignin1.0&wtrealm=urn%3afederation%3aMicrosoftOnline&wctx=LoginOptions%3D3%26estsredirect%3d2%26estsrequest%3drQIIAbPSyigpKSi20tfPyU9OLEnNyK3KLC3NS0vRS87PLUotzkzVSc7PK0nNKwEA0&wauth=urn%3afederation%3aauthentication%3awindows", 200, "https://login.microsoftonline.com/", EDGE))


# --------------------------------------------------------------- output
def nginx_esc(v):
    """nginx writes '"' and '\\' of header values as \\x22 and \\x5C in access logs."""
    return v.replace("\\", "\\x5C").replace('"', "\\x22")


def main():
    lines = []
    tsv = []
    t0 = 13 * 3600
    n = len(SOURCES)
    span = 3500
    for idx, (label, reqs) in enumerate(SOURCES):
        ip = "100.64.%d.%d" % (idx // 250, idx % 250 + 1)
        tsv.append("%s\t%s" % (ip, label))
        t = t0 + int(idx * span / n)
        ua0 = None
        for j, (m, target, st, ref, ua) in enumerate(reqs):
            if ua is None:
                ua = ua0 or CHROME_WIN
            if j == 0:
                ua0 = ua
            if j:
                t += random.choice([0, 0, 0, 1]) if len(reqs) > 20 else random.choice([0, 0, 1, 1, 2])
            hh, rem = divmod(t, 3600)
            mm, ss = divmod(rem, 60)
            size = 0 if st in (204, 304, 101) else random.randint(180, 48000)
            lines.append((t, idx, j, '%s - - [14/Nov/2025:%02d:%02d:%02d +0000] "%s %s HTTP/1.1" %d %d "%s" "%s"'
                          % (ip, hh, mm, ss, m, nginx_esc(target), st, size, nginx_esc(ref), nginx_esc(ua))))
    lines.sort()
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "benign.log"), "w") as f:
        for _, _, _, l in lines:
            f.write(l + "\n")
    with open(os.path.join(here, "benign.labels"), "w") as f:
        for row in tsv:
            ip, what = row.split("\t", 1)
            f.write("%s\tbenign\t%s\n" % (ip, what))
    multi = sum(1 for _, r in SOURCES if len(r) > 1)
    print("sources %d requests %d multi-request sources %d (%.0f%%)" % (n, len(lines), multi, 100.0 * multi / n))


if __name__ == "__main__":
    main()
