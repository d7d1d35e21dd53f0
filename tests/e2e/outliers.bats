#!/usr/bin/env bats
# gatehawk outliers over access logs: no namespaces, no root. The log is made
# at test time (deterministic awk): 100 browsers (10.1.0.1-100) loading pages
# with their assets and a referer, at human pace, each a little different;
# then three sources unlike them: a scanner (203.0.113.5, every request a
# 404), a scraper (198.51.100.7, 240 distinct pages, no asset, no referer) and
# a login brute forcer (192.0.2.9, POST /login -> 401 every 3 s).

bats_require_minimum_version 1.5.0 # run ! (a bare `! cmd` mid-test never fails it)

GH=build/gatehawk

gen_log() {
	awk '
	function out(t, ip, method, uri, status, bytes, ref, ua) {
		printf "%s - - [%s] \"%s %s HTTP/1.1\" %d %d \"%s\" \"%s\"\n", ip,
			strftime("%d/%b/%Y:%H:%M:%S +0000", t, 1), method, uri, status, bytes, ref, ua
	}
	BEGIN {
		srand(3)
		np = split("/ /about /cart /checkout /contact /faq /blog /blog/post-1 /blog/post-2 /category/shoes /category/hats /product/1 /product/2 /product/3 /account /help", pages, " ")
		na = split("/static/app.css /static/app.js /img/logo.png /img/hero.jpg /static/font.woff2", assets, " ")
		nu = split("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0|Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Firefox/121.0|Mozilla/5.0 (iPhone; CPU iPhone OS 17_1) Mobile Safari|Mozilla/5.0 (Macintosh) Safari/605.1.15", uas, "|")
		for (b = 1; b <= 100; b++) {
			ip = "10.1.0." b; ua = uas[1 + b % nu]; t = 1700000000 + int(rand() * 3000)
			views = 5 + int(rand() * 15)
			for (v = 0; v < views; v++) {
				page = pages[1 + int(rand() * np)]
				out(t, ip, "GET", page, rand() < 0.1 ? 304 : 200, 5000 + int(rand() * 30000), "https://shop.example" pages[1 + int(rand() * np)], ua)
				k = 2 + int(rand() * 3)
				for (a = 0; a < k; a++)
					out(t + 1, ip, "GET", assets[1 + int(rand() * na)], rand() < 0.03 ? 404 : 200, 2000 + int(rand() * 80000), "https://shop.example" page, ua)
				t += 10 + int(rand() * 110)
			}
		}
		split("/.env /.git/config /wp-login.php /phpmyadmin/ /admin.php /backup.sql /config.php /server-status", probes, " ")
		for (i = 0; i < 64; i++)
			out(1700000000 + i, "203.0.113.5", "GET", probes[1 + i % 8] "?" i, 404, 150, "-", "Mozilla/5.0 zgrab/0.x")
		for (i = 0; i < 240; i++)
			out(1700000000 + 2 * i, "198.51.100.7", "GET", "/product/" (1000 + i), 200, 9000, "-", "python-requests/2.31.0")
		for (i = 0; i < 90; i++)
			out(1700000000 + 3 * i, "192.0.2.9", "POST", "/login", 401, 1200, "https://shop.example/login", "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Firefox/121.0")
	}'
}

setup_file() {
	cd "$BATS_TEST_DIRNAME/../.." || return 1
	[[ -x $GH ]] || { echo "build $GH first (make all)" >&2; return 1; }
	gen_log >"$BATS_FILE_TMPDIR/site.log"
}

setup() {
	cd "$BATS_TEST_DIRNAME/../.." || return 1
	LOGS=$BATS_FILE_TMPDIR
}

# outliers ARGS...: stdout to $LOGS/out, stderr to $LOGS/err; sets status.
outliers() {
	status=0
	"$GH" outliers "$@" >"$LOGS/out" 2>"$LOGS/err" || status=$?
}

@test "the scanner, the scraper and the brute forcer are listed, no browser" {
	outliers --json "$LOGS/site.log"
	[ "$status" -eq 0 ]
	[ "$(jq -r '.outliers[].source' "$LOGS/out" | sort | tr '\n' ' ')" = \
		"192.0.2.9 198.51.100.7 203.0.113.5 " ]
	[ "$(jq '.sources' "$LOGS/out")" -eq 103 ]
	[ "$(jq '.outliers_total' "$LOGS/out")" -eq 3 ]
	jq -e '.k >= 2 and .silhouette > 0.5 and (.clusters | map(.size) | add) == 103' \
		"$LOGS/out" >/dev/null
	# What sets each apart: three features, finite numbers, a typical range.
	jq -e '[.outliers[] | (.apart | length) == 3 and .distance > 0 and .score > 4
		and all(.apart[]; .typical_lo <= .typical_hi)] | all' "$LOGS/out" >/dev/null
	# The one feature that makes each what it is comes among its three.
	jq -e '[.outliers[] | {(.source): [.apart[].feature]}] | add
		| (.["203.0.113.5"] | any(. == "share_404" or . == "share_4xx" or . == "error_paths"))
		and (.["198.51.100.7"] | index("distinct_paths") != null)
		and (.["192.0.2.9"] | index("post_share") != null)' "$LOGS/out" >/dev/null
	# Farthest first.
	jq -e '[.outliers[].distance] | . == (sort | reverse)' "$LOGS/out" >/dev/null
	jq -e '.input.lines == 5124 and .input.rejected == 0' "$LOGS/out" >/dev/null
}

@test "text: k and silhouette, cluster sizes, each outlier with its features and typical range" {
	outliers "$LOGS/site.log"
	[ "$status" -eq 0 ]
	grep -qE '^103 sources with >= 10 requests, 18 features$' "$LOGS/out"
	grep -qE '^k = [0-9]+ by mean silhouette 0\.[0-9]{3} over 103 sources \(k=2 ' "$LOGS/out"
	grep -qE '^clusters: #0 [0-9]+ sources' "$LOGS/out"
	grep -qx '3 outliers:' "$LOGS/out"
	grep -qE '^1 +(203\.0\.113\.5|198\.51\.100\.7|192\.0\.2\.9) +[0-9]+ +[0-9.]+ +[0-9.]+  (lone point|in small far cluster)' "$LOGS/out"
	grep -qE '^     .*post_share=1 \(typical 0\.\.0\)' "$LOGS/out"
	run ! grep -q '10\.1\.0\.' "$LOGS/out"
	grep -qE '^outliers: 5124 lines read, 0 rejected, 103 sources \(103 with >= 10 requests\)' \
		"$LOGS/err"
}

@test "two runs give the same output" {
	"$GH" outliers --json "$LOGS/site.log" >"$LOGS/a" 2>/dev/null
	"$GH" outliers --json "$LOGS/site.log" >"$LOGS/b" 2>/dev/null
	cmp "$LOGS/a" "$LOGS/b"
}

@test "--features: a subset still finds the three; an unknown name is exit 2 with the valid ones" {
	outliers --json --features share_404,distinct_paths,post_share,page_share "$LOGS/site.log"
	[ "$status" -eq 0 ]
	jq -e '.features == ["share_404", "distinct_paths", "post_share", "page_share"]' \
		"$LOGS/out" >/dev/null
	[ "$(jq -r '.outliers[].source' "$LOGS/out" | sort | tr '\n' ' ')" = \
		"192.0.2.9 198.51.100.7 203.0.113.5 " ]
	outliers --features rate,bogus "$LOGS/site.log"
	[ "$status" -eq 2 ]
	grep -q "unknown feature 'bogus'; valid names: requests rate distinct_paths" "$LOGS/err"
	outliers --json --features rate,rate "$LOGS/site.log"
	[ "$status" -eq 2 ]
	jq -e '.error.message == "--features: '"'rate'"' given twice"' "$LOGS/out" >/dev/null
	outliers --features $'\x1b[31m' "$LOGS/site.log"
	[ "$status" -eq 2 ]
	run ! grep -q $'\x1b' "$LOGS/err"
}

@test "--top, --min-requests, --prefix-v4" {
	outliers --json --top 1 "$LOGS/site.log"
	[ "$(jq '.outliers | length' "$LOGS/out")" -eq 1 ]
	[ "$(jq '.outliers_total' "$LOGS/out")" -eq 3 ]
	outliers --top 2 "$LOGS/site.log"
	grep -qx '3 outliers, the 2 farthest shown (--top):' "$LOGS/out"
	# 90 or more requests: the brute forcer, the scraper and the busiest browsers.
	outliers --json --min-requests 90 "$LOGS/site.log"
	[ "$status" -eq 0 ]
	jq -e '.min_requests == 90 and .sources < 103 and .sources_seen == 103' "$LOGS/out" >/dev/null
	outliers --json --prefix-v4 24 "$LOGS/site.log"
	[ "$status" -eq 0 ]
	jq -e '.sources == 4 and .sources_seen == 4' "$LOGS/out" >/dev/null
}

@test "nothing to cluster: too few sources, or all alike, is exit 0 with no outlier" {
	outliers --min-requests 1000 "$LOGS/site.log"
	[ "$status" -eq 0 ]
	grep -qx 'nothing to cluster: 0 sources with >= 1000 requests (fewer than 3 sources)' \
		"$LOGS/out"
	for ip in 10.9.0.1 10.9.0.2 10.9.0.3 10.9.0.4; do
		for s in 10 11 12 13 14 15 16 17 18 19 20 21; do
			echo "$ip - - [14/Nov/2023:22:13:$s +0000] \"GET /a HTTP/1.1\" 200 512 \"-\" \"curl/8\""
		done
	done >"$LOGS/alike.log"
	outliers --json "$LOGS/alike.log"
	[ "$status" -eq 0 ]
	jq -e '.k == 0 and .skipped == "all sources behave alike" and .outliers == []
		and .sources == 4' "$LOGS/out" >/dev/null
	run ! grep -qi 'nan' "$LOGS/out"
}

@test "bad input: no FILE, missing FILE, --k-max out of range: exit 2" {
	outliers
	[ "$status" -eq 2 ]
	outliers "$LOGS/no-such.log"
	[ "$status" -eq 2 ]
	grep -q 'no-such.log: No such file' "$LOGS/err"
	outliers --k-max 17 "$LOGS/site.log"
	[ "$status" -eq 2 ]
	outliers --prefix-v6 129 "$LOGS/site.log"
	[ "$status" -eq 2 ]
	outliers --min-requests 0 "$LOGS/site.log"
	[ "$status" -eq 2 ]
}
