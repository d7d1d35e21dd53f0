#!/usr/bin/env bash
# Synthetic nginx access log: benign browsing mixed with one instance of
# every attack the shipped policies cover, in time order, deterministic.
#   tests/lib/gen_access_log.sh [-n LINES] [-s SOURCES] [-f combined|json] [-t START]
# Without -n: one 600 s cycle (the e2e scenario). With -n: cycles repeat,
# each with fresh attacker addresses, until LINES lines are written (the
# benchmark). SOURCES benign browsers (default 10, addresses 10.0.x.y) each
# load a page with its CSS, JS and an image every 15 s. Attackers, one per
# attack, live in their own /24 (100.64+cycle.A.0/24, A the attack number
# below) so no two attacks share a prefix group:
#   1 login-brute-force      100.64.1.10  15 POST /login -> 401 in 60 s
#   2 credential-stuffing    100.64.2.11-18  5 POST /wp-login.php -> 200 each
#   3 sensitive-file-probe   100.64.3.10  /.env /.git/config /backup.sql ... /phpmyadmin/
#   4 xss-probe              100.64.4.10  3 x <script> in the query
#   5 sqli-probe             100.64.5.10  3 x ' OR '1'='1 / UNION SELECT
#   6 path-traversal         100.64.6.10  1 x /static/../../etc/passwd
#   7 not-found-burst        100.64.7.10  25 x 404 in 25 s
#   8 scraper                100.64.8.10  120 distinct pages in 4 min (+ some assets)
#   9 redirect-loop          100.64.9.10  40 x /loop -> 302 in 40 s (a favicon first)
#  10 no-browser-followup    100.64.10.10 35 page loads, never an asset
#  11 cookieless-client      100.64.11.10 35 requests without a cookie (json only:
#                                         combined has no Cookie; assets included)
#  12 request-flood          100.64.12.10 400 requests in 5 s
# JSON lines carry http_cookie (benign browsers send one after their first
# request) so cookieless-client can apply; combined lines cannot say.
set -eu

lines=0 sources=10 format=combined start=1700000000
while getopts n:s:f:t: opt; do
	case $opt in
	n) lines=$OPTARG ;;
	s) sources=$OPTARG ;;
	f) format=$OPTARG ;;
	t) start=$OPTARG ;;
	*) echo "usage: $0 [-n LINES] [-s SOURCES] [-f combined|json] [-t START]" >&2; exit 2 ;;
	esac
done
case $format in combined | json) ;; *) echo "$0: -f combined|json" >&2; exit 2 ;; esac

exec awk -v lines="$lines" -v sources="$sources" -v format="$format" -v start="$start" '
function out(t, ip, method, uri, status, bytes, ref, ua, cookie,   d) {
	if (t != last_t) { last_t = t; date = strftime("%d/%b/%Y:%H:%M:%S +0000", t, 1) }
	if (format == "json")
		printf "{\"time_local\":\"%s\",\"remote_addr\":\"%s\",\"request\":\"%s %s HTTP/1.1\",\"status\":\"%d\",\"body_bytes_sent\":\"%d\",\"http_referer\":\"%s\",\"http_user_agent\":\"%s\",\"http_cookie\":\"%s\",\"host\":\"shop.example\"}\n", date, ip, method, uri, status, bytes, ref == "-" ? "" : ref, ua, cookie
	else
		printf "%s - - [%s] \"%s %s HTTP/1.1\" %d %d \"%s\" \"%s\"\n", ip, date, method, uri, status, bytes, ref, ua
	if (lines && ++written >= lines) exit 0
}
function browser(i, t,   page, ref, ck) {
	page = pages[int(rand() * npages)]
	ref = "https://shop.example" pages[int(rand() * npages)]
	ck = seen[i]++ ? "sid=" i : ""
	out(t, bip[i], "GET", page (rand() < 0.3 ? "?ref=nav&p=" int(rand() * 5) : ""), rand() < 0.1 ? 304 : 200, 5000 + int(rand() * 30000), ref, bua[i], ck)
	out(t, bip[i], "GET", "/static/app.css", 200, 18000, "https://shop.example" page, bua[i], "sid=" i)
	out(t, bip[i], "GET", "/static/app.js", 200, 92000, "https://shop.example" page, bua[i], "sid=" i)
	out(t, bip[i], "GET", rand() < 0.02 ? "/img/missing.png" : "/img/p" int(rand() * 50) ".png", rand() < 0.02 ? 404 : 200, 40000, "https://shop.example" page, bua[i], "sid=" i)
}
# Attack events due at second s of cycle c (time t).
function attacks(c, s, t,   net, k) {
	net = "100." (64 + c % 64) "."
	if (s >= 10 && s < 70 && s % 4 == 2) out(t, net "1.10", "POST", "/login", 401, 1200, "https://shop.example/login", "Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0", "")
	if (s >= 20 && s < 60) for (k = 11; k <= 18; k++) if ((s + k) % 8 == 0) out(t, net "2." k, "POST", "/wp-login.php", 200, 3100, "-", "python-requests/2.31.0", "")
	if (s >= 30 && s < 36) out(t, net "3.10", "GET", probes[s - 30], 404, 150, "-", "Mozilla/5.0 zgrab/0.x", "")
	if (s == 40 || s == 45 || s == 50) out(t, net "4.10", "GET", "/search?q=%3Cscript%3Ealert(" s ")%3C/script%3E", 200, 4100, "-", "Mozilla/5.0", "")
	if (s == 41) out(t, net "5.10", "GET", "/item?id=1%27%20OR%20%271%27=%271", 500, 300, "-", "sqlmap/1.7", "")
	if (s == 46) out(t, net "5.10", "GET", "/item?id=1%20UNION%20SELECT%20username,password%20FROM%20users", 500, 300, "-", "sqlmap/1.7", "")
	if (s == 51) out(t, net "5.10", "GET", "/item?id=1%20AND%20SLEEP(5)", 200, 300, "-", "sqlmap/1.7", "")
	if (s == 60) out(t, net "6.10", "GET", "/static/../../etc/passwd", 400, 150, "-", "curl/8.4.0", "")
	if (s >= 100 && s < 125) out(t, net "7.10", "GET", "/w" sprintf("%04d", s) "/", 404, 150, "-", "gobuster/3.6", "")
	if (s >= 150 && s < 390) {
		if (s % 2 == 0) out(t, net "8.10", "GET", "/product/" (s - 150) / 2 "-" c, 200, 9000, "-", "Mozilla/5.0 (compatible; Scrapy/2.11)", "")
		if (s % 2 == 1) out(t, net "8.10", "GET", "/product/" (s - 150) / 2 + 120 "-" c, 200, 9000, "-", "Mozilla/5.0 (compatible; Scrapy/2.11)", "")
		if (s % 20 == 0) out(t, net "8.10", "GET", "/static/app.css", 200, 18000, "-", "Mozilla/5.0 (compatible; Scrapy/2.11)", "")
	}
	if (s == 399) out(t, net "9.10", "GET", "/favicon.ico", 200, 1100, "-", "Go-http-client/1.1", "")
	if (s >= 400 && s < 440) out(t, net "9.10", "GET", "/loop", 302, 0, "-", "Go-http-client/1.1", "")
	if (s >= 450 && s < 590 && s % 4 == 0) out(t, net "10.10", "GET", pages[s % 5], 200, 7000, "-", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 HeadlessChrome", "")
	if (format == "json" && s >= 200 && s < 340 && s % 4 == 0) {
		out(t, net "11.10", "GET", pages[s % 7], 200, 7000, "-", "Mozilla/5.0 (Macintosh) Safari/605.1.15", "")
		out(t, net "11.10", "GET", "/static/app.js", 200, 92000, "-", "Mozilla/5.0 (Macintosh) Safari/605.1.15", "")
	}
	if (s >= 500 && s < 505) for (k = 0; k < 80; k++) out(t, net "12.10", "GET", k % 2 ? "/" : "/static/app.js", 200, 500, "-", "wrk/4.2", "")
}
BEGIN {
	srand(1)
	npages = split("/ /about /cart /checkout /contact /faq /blog /blog/post-1 /blog/post-2 /category/shoes /category/hats /category/bags /product/1 /product/2 /product/3 /product/4 /product/5 /account /help /terms", pp, " ")
	for (i = 0; i < npages; i++) pages[i] = pp[i + 1]
	split("/.env /.git/config /backup.sql /wp-config.php /phpinfo.php /phpmyadmin/index.php", pr, " ")
	for (i = 0; i < 6; i++) probes[i] = pr[i + 1]
	split("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36|Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0|Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", uas, "|")
	for (i = 0; i < sources; i++) {
		bip[i] = "10.0." int(i / 250) "." (i % 250 + 1)
		bua[i] = uas[i % 3 + 1]
		phase[i] = int(rand() * 15)
	}
	for (c = 0; ; c++) {
		for (s = 0; s < 600; s++) {
			t = start + c * 600 + s
			for (i = 0; i < sources; i++) if ((s + phase[i]) % 15 == 0) browser(i, t)
			attacks(c, s, t)
		}
		if (!lines) exit 0
	}
}'
