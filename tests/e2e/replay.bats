#!/usr/bin/env bats
# gatehawk replay over access logs: no namespaces, no root. Logs come from
# tests/lib/gen_access_log.sh (benign browsing plus one instance of every
# attack the shipped policies cover, each attacker in its own /24) and a
# handwritten log checked against exact alerts of tests/e2e/data/replay-policies.

GH=build/gatehawk
GEN=tests/lib/gen_access_log.sh
TEST_POLICIES=tests/e2e/data/replay-policies

setup_file() {
	cd "$BATS_TEST_DIRNAME/../.." || return 1
	[[ -x $GH ]] || { echo "build $GH first (make all)" >&2; return 1; }
	"$GEN" -f combined >"$BATS_FILE_TMPDIR/scenario.log"
	"$GEN" -f json >"$BATS_FILE_TMPDIR/scenario.json"
}

setup() {
	cd "$BATS_TEST_DIRNAME/../.." || return 1
	LOGS=$BATS_FILE_TMPDIR
}

# replay ARGS...: stdout (alerts) to $LOGS/out, stderr (summary) to $LOGS/err; sets status.
replay() {
	status=0
	"$GH" replay "$@" >"$LOGS/out" 2>"$LOGS/err" || status=$?
}

# "policy src_ip" per alert, sorted.
alert_pairs() {
	jq -r '"\(.policy) \(.src_ip)"' "$LOGS/out" | sort
}

# summary FIELD: a number from the stderr summary ("12 alerts" -> summary alerts).
summary() {
	grep -oE "[0-9]+ $1" "$LOGS/err" | head -1 | cut -d' ' -f1
}

@test "shipped policies: each attack in a combined log gets its policy's alert, benign none" {
	replay --policies policies "$LOGS/scenario.log"
	[ "$status" -eq 0 ]
	cat >"$LOGS/want" <<-EOF
	credential-stuffing 100.64.2.15
	login-brute-force 100.64.1.10
	no-browser-followup 100.64.10.10
	not-found-burst 100.64.7.10
	path-traversal 100.64.6.10
	redirect-loop 100.64.9.10
	request-flood 100.64.12.10
	scraper 100.64.8.10
	sensitive-file-probe 100.64.3.10
	sqli-probe 100.64.5.10
	xss-probe 100.64.4.10
	EOF
	# Every attack gets its own policy's alert (other policies, such as the
	# first-request probes and the exploit pack, may also name the attacker);
	# no alert names a benign browser.
	[ -z "$(comm -23 "$LOGS/want" <(alert_pairs | sort -u))" ]
	[ "$(grep -c '"src_ip":"10\.0\.' "$LOGS/out")" -eq 0 ]
	[ "$(summary 'rejected')" -eq 0 ]
	[ "$(summary 'lines read')" -eq "$(wc -l <"$LOGS/scenario.log")" ]
	# Contract fields on every line.
	jq -e 'has("ts") and has("policy") and has("kind") and has("src_ip") and has("action")
		and has("severity") and has("ttl_s") and has("value") and has("threshold")
		and has("evidence")' "$LOGS/out" >/dev/null
	# Block policies say block, with a ttl, as they would live.
	[ "$(jq -r 'select(.policy == "path-traversal") | "\(.action) \(.ttl_s)"' "$LOGS/out")" = "block 3600" ]
	grep -q "syn-flood counts syns" "$LOGS/err"
}

@test "shipped policies: JSON log with http_cookie lets cookieless-client apply" {
	replay --policies policies --format json "$LOGS/scenario.json"
	[ "$status" -eq 0 ]
	alert_pairs | grep -qx "cookieless-client 100.64.11.10"
	# Every attack of the combined run is caught in JSON too.
	for p in credential-stuffing login-brute-force no-browser-followup not-found-burst \
		path-traversal redirect-loop request-flood scraper sensitive-file-probe sqli-probe \
		xss-probe; do
		alert_pairs | grep -q "^$p 100\.64\." || { echo "missing $p"; return 1; }
	done
	[ "$(grep -c '"src_ip":"10\.0\.' "$LOGS/out")" -eq 0 ]
	[ "$(summary 'rejected')" -eq 0 ]
}

@test "test policies: exact alerts from a handwritten mixed-format log" {
	cat >"$LOGS/hand.log" <<-'EOF'
	192.0.2.10 - - [01/Jan/2024:10:00:00 +0000] "GET /admin/users HTTP/1.1" 200 10 "-" "Mozilla/5.0"
	2001:db8::5 - - [01/Jan/2024:11:00:01 +0100] "POST /login HTTP/1.1" 401 10 "-" "curl/8"
	2001:db8::5 - - [01/Jan/2024:05:00:02 -0500] "POST /login HTTP/1.1" 401 10 "-" "curl/8"
	{"time_iso8601":"2024-01-01T10:00:03Z","remote_addr":"2001:db8::5","request":"POST /login HTTP/1.1","status":"401"}
	192.0.2.20 - - [01/Jan/2024:10:00:04 +0000] "GET /?id=1 HTTP/1.1" 200 10 "-" "sqlmap/1.7"
	192.0.2.20 - - [01/Jan/2024:10:00:05 +0000] "GET /?id=2 HTTP/1.1" 200 10 "-" "sqlmap/1.7"
	::ffff:192.0.2.10 - - [01/Jan/2024:10:00:06 +0000] "GET /admin\x2Fx\x22 HTTP/1.1" 403 10 "-" "-"
	this is not a log line
	192.0.2.30 - - [01/Jan/2024:10:00:07 +0000] "GET /login HTTP/1.1" 200 10 "-" "-"
	EOF
	replay --policies "$TEST_POLICIES" "$LOGS/hand.log"
	[ "$status" -eq 0 ]
	cat >"$LOGS/want" <<-'EOF'
	admin-path 192.0.2.10 2024-01-01T10:00:00.000Z alert 1 1 /admin/users
	login-fail 2001:db8::5 2024-01-01T10:00:03.000Z block 3 3 /login
	bot-ua 192.0.2.20 2024-01-01T10:00:04.000Z alert 1 1 /
	admin-path 192.0.2.10 2024-01-01T10:00:06.000Z alert 1 1 /admin/x"
	EOF
	diff -u "$LOGS/want" <(jq -r '"\(.policy) \(.src_ip) \(.ts) \(.action) \(.value) \(.threshold) \(.evidence.request.path)"' "$LOGS/out")
	[ "$(summary 'lines read')" -eq 9 ]
	[ "$(summary 'rejected')" -eq 1 ]
	[ "$(summary 'malformed')" -eq 1 ]
	[ "$(summary 'alerts')" -eq 4 ]
	# A combined log cannot see cookies: the field is absent, not false.
	[ "$(jq -r 'select(.policy == "bot-ua") | .evidence.request | has("has_cookie")' "$LOGS/out")" = false ]
}

@test "hostile lines are counted and lose nothing else" {
	replay --policies policies "$LOGS/scenario.log"
	jq -c . "$LOGS/out" >"$LOGS/clean"
	# Every 200th line, insert garbage: junk text, a line with a NUL, a 100 KB line, a bad
	# date, a cut line, binary bytes, a JSON line without a time. (mawk cannot print a
	# NUL: sed puts it in.)
	awk 'BEGIN { for (i = 0; i < 102400; i++) huge = huge "A" }
	NR % 200 == 0 {
		k = NR / 200 % 7
		if (k == 0) print "GET / HTTP/1.1"
		if (k == 1) print "10.9.9.9 - - [14/Nov/2023:22:13:20 +0000] \"GET /@NUL@ HTTP/1.1\" 200 1"
		if (k == 2) print huge
		if (k == 3) print "10.9.9.9 - - [31/Feb/2023:10:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\""
		if (k == 4) print "10.9.9.9 - - [14/Nov/2023:22:13:20 +0000] \"GET / HTTP/1.1\" 20"
		if (k == 5) printf "\x16\x03\x01\x02\x01\xfc\x03\x03\xff\xfe\n"
		if (k == 6) print "{\"remote_addr\":\"10.9.9.9\",\"request\":\"GET /.env HTTP/1.1\"}"
	} { print }' "$LOGS/scenario.log" | sed 's/@NUL@/\x00/' >"$LOGS/hostile.log"
	injected=$(($(wc -l <"$LOGS/scenario.log") / 200))
	replay --policies policies "$LOGS/hostile.log"
	[ "$status" -eq 0 ]
	diff -u "$LOGS/clean" <(jq -c . "$LOGS/out")
	[ "$(summary 'rejected')" -eq "$injected" ]
	[ "$(summary 'too long')" -ge 1 ]
	[ "$(summary 'binary')" -ge 1 ]
	[ "$(grep -c '10\.9\.9\.9' "$LOGS/out")" -eq 0 ]
}

@test "gzip, stdin and several files give the same alerts as one plain file" {
	replay --policies policies "$LOGS/scenario.log"
	jq -c . "$LOGS/out" >"$LOGS/plain"
	head -n 1000 "$LOGS/scenario.log" | gzip >"$LOGS/part1.log.gz"
	tail -n +1001 "$LOGS/scenario.log" >"$LOGS/part2.log"
	replay --policies policies "$LOGS/part1.log.gz" "$LOGS/part2.log"
	[ "$status" -eq 0 ]
	diff -u "$LOGS/plain" <(jq -c . "$LOGS/out")
	# Distinct source addresses over both files, as in the one plain file.
	[ "$(summary 'sources')" -eq "$(awk '{ print $1 }' "$LOGS/scenario.log" | sort -u | wc -l)" ]
	gzip -c "$LOGS/scenario.log" >"$LOGS/all.log.gz"
	status=0
	"$GH" replay --policies policies - <"$LOGS/all.log.gz" >"$LOGS/out" 2>"$LOGS/err" || status=$?
	[ "$status" -eq 0 ]
	diff -u "$LOGS/plain" <(jq -c . "$LOGS/out")
	status=0
	"$GH" replay --policies policies --format combined - <"$LOGS/scenario.log" >"$LOGS/out" \
		2>"$LOGS/err" || status=$?
	[ "$status" -eq 0 ]
	diff -u "$LOGS/plain" <(jq -c . "$LOGS/out")
}

@test "indicators report every matching request, with or without policies" {
	replay --indicator ip=100.64.4.0/24 --indicator 'path=\.env$' --indicator 'ua=(?i)gobuster' \
		--indicator status=302 "$LOGS/scenario.log"
	[ "$status" -eq 0 ]
	[ "$(jq -r 'select(.policy == "indicator:ip") | .src_ip' "$LOGS/out" | sort -u)" = 100.64.4.10 ]
	[ "$(jq -r 'select(.policy == "indicator:ip")' "$LOGS/out" | jq -s length)" -eq 3 ]
	[ "$(jq -r 'select(.policy == "indicator:path") | .evidence.request.path' "$LOGS/out")" = /.env ]
	[ "$(jq -r 'select(.policy == "indicator:ua")' "$LOGS/out" | jq -s length)" -eq 25 ]
	[ "$(jq -r 'select(.policy == "indicator:status")' "$LOGS/out" | jq -s length)" -eq 40 ]
	[ "$(jq -r '.kind' "$LOGS/out" | sort -u)" = match ]
	[ "$(jq -r '.action' "$LOGS/out" | sort -u)" = alert ]
	# With policies: indicator lines and policy alerts side by side.
	replay --policies policies --indicator ip=100.64.6.10 "$LOGS/scenario.log"
	[ "$status" -eq 0 ]
	alert_pairs | grep -qx "indicator:ip 100.64.6.10"
	alert_pairs | grep -qx "path-traversal 100.64.6.10"
}

@test "exit 2 with a message for bad policies, format, indicators and files" {
	mkdir -p "$LOGS/badpol"
	echo '{"name": "x", "kind": "match"}' >"$LOGS/badpol/x.json"
	replay --policies "$LOGS/badpol" "$LOGS/scenario.log"
	[ "$status" -eq 2 ]
	grep -q 'x.json' "$LOGS/err"
	[ ! -s "$LOGS/out" ]

	replay --policies policies --format apache "$LOGS/scenario.log"
	[ "$status" -eq 2 ]
	grep -q 'expected auto, combined, common, json or vhost_combined' "$LOGS/err"

	replay --indicator 'path=(' "$LOGS/scenario.log"
	[ "$status" -eq 2 ]
	grep -q 'missing closing parenthesis' "$LOGS/err"
	replay --indicator 'color=red' "$LOGS/scenario.log"
	[ "$status" -eq 2 ]
	grep -q 'expected KEY=VALUE' "$LOGS/err"
	replay --indicator 'status=abc' "$LOGS/scenario.log"
	[ "$status" -eq 2 ]
	replay --indicator 'ip=10.0.0.1/8' "$LOGS/scenario.log"
	[ "$status" -eq 2 ]

	replay --policies policies "$LOGS/no-such.log"
	[ "$status" -eq 2 ]
	grep -q 'no-such.log' "$LOGS/err"
	replay --policies policies - -
	[ "$status" -eq 2 ]
	replay --policies policies
	[ "$status" -eq 2 ]
	replay "$LOGS/scenario.log"
	[ "$status" -eq 2 ]
	grep -q 'nothing to run' "$LOGS/err"

	replay --help
	[ "$status" -eq 0 ]
	grep -q 'Usage: gatehawk replay' "$LOGS/out"
}

@test "replay: vhost_combined, --log-format with X-Forwarded-For and --trusted-proxy" {
	local d=$BATS_TEST_TMPDIR fmt
	# A vhost_combined line: the client is the second field.
	echo 'shop.example:443 198.51.100.20 - - [10/Oct/2025:13:55:36 +0000] "GET /static/../../etc/passwd HTTP/1.1" 400 0 "-" "Mozilla/5.0"' >"$d/vhost.log"
	run "$GH" replay --policies policies "$d/vhost.log"
	[ "$status" -eq 0 ]
	[ "$(jq -r 'select(.policy == "path-traversal") | .src_ip' <<<"$(grep '^{' <<<"$output")")" = 198.51.100.20 ]

	# The site's own format, behind a proxy at 10.9.0.0/16.
	fmt='$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"'
	echo '10.9.0.5 - a[b] [10/Oct/2025:13:55:37 +0000] "GET /static/../../etc/passwd HTTP/1.1" 400 0 "-" "Mozilla/5.0" "1.2.3.4, 203.0.113.9"' >"$d/proxied.log"
	run "$GH" replay --policies policies --log-format "$fmt" \
		--trusted-proxy 10.9.0.0/16 "$d/proxied.log"
	[ "$status" -eq 0 ]
	[ "$(jq -r 'select(.policy == "path-traversal") | "\(.src_ip) \(.evidence.request.proxy_ip)"' <<<"$(grep '^{' <<<"$output")")" = "203.0.113.9 10.9.0.5" ]
	# Without --trusted-proxy the proxy is the source.
	run "$GH" replay --policies policies --log-format "$fmt" "$d/proxied.log"
	[ "$(jq -r 'select(.policy == "path-traversal") | .src_ip' <<<"$(grep '^{' <<<"$output")")" = 10.9.0.5 ]
	# A format with a variable nginx does not have: exit 2, named.
	run "$GH" replay --policies policies --log-format '$remote_addr [$time_local] $bogus' "$d/proxied.log"
	[ "$status" -eq 2 ]
	[[ $output == *'unknown variable $bogus at offset'* ]]
}

@test "replay: a 100 KB User-Agent or query does not hide the request (line cut at 64 KiB)" {
	local d=$BATS_TEST_TMPDIR huge
	huge=$(head -c 102400 /dev/zero | tr '\0' A)
	{
		echo "192.0.2.10 - - [10/Oct/2025:13:55:36 +0000] \"GET /static/../../etc/passwd HTTP/1.1\" 400 0 \"-\" \"$huge\""
		echo "192.0.2.11 - - [10/Oct/2025:13:55:37 +0000] \"GET /static/../../etc/shadow?q=$huge HTTP/1.1\" 400 0 \"-\" \"curl\""
		echo "192.0.2.12 - - [10/Oct/2025:13:55:38 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl\""
	} >"$d/huge.log"
	replay --policies policies "$d/huge.log"
	[ "$status" -eq 0 ]
	[ "$(jq -r 'select(.policy == "path-traversal") | .src_ip' "$LOGS/out" | sort | tr '\n' ' ')" = "192.0.2.10 192.0.2.11 " ]
	[ "$(summary 'too long')" -eq 2 ]
	[ "$(summary 'rejected')" -eq 0 ]
	[ "$(summary 'lines read')" -eq 3 ]
}

@test "benign corpus: no alert from any shipped policy (shop, blog, WordPress, APIs, crawlers, monitors)" {
	# tests/e2e/data/benign-extra.log: a shop with product names such as
	# union-select-jacket, a blog, a WordPress site used by its admin, JSON API
	# clients, Googlebot/Bingbot, uptime monitors, the covered products' own
	# legitimate traffic; plus the generator's benign browsers.
	grep '^10\.0\.' "$LOGS/scenario.log" >"$LOGS/benign-gen.log"
	replay --policies policies tests/e2e/data/benign-extra.log "$LOGS/benign-gen.log"
	[ "$status" -eq 0 ]
	if [ -s "$LOGS/out" ]; then
		jq -c '{policy, src_ip, path: .evidence.request.path, query: .evidence.request.query}' "$LOGS/out" >&2
		false
	fi
	[ "$(summary 'rejected')" -eq 0 ]
}

@test "benign sets: no alert on the wide browsing set; on the application sets, only their accepted flags" {
	# tests/bench/data/benign-wide (379 sources) and the reviews' application
	# sets (benign-apps, -apps2, -apps3, -apps4: APIs, identity, ad tech,
	# consoles, catalogs and query languages) and the browsing review's
	# (benign-browse: people searching tech sites, media, proxies; benign-browse2:
	# news, wikis, webmail, home labs, extensions, people reloading), and
	# benign-apps5's near-misses (session ids and tokens in URLs, code typed
	# into searches, URLs and hosts as values) and benign-apps6 (people using
	# the products the exploit pack covers: Exchange, VPN portals, F5, Jira...)
	# and benign-browse3 (international sites, legacy-encoded queries, old,
	# in-app and TV browsers) and benign-tools (people using operator and
	# developer tools whose URLs carry SQL, regexes, JSON and code).
	# accepted.tsv in a set names the sources a shipped policy still flags and
	# why (its README): a flag not listed there fails, and so does a listed
	# source that is no longer flagged (the list must stay true).
	local set flagged accepted
	replay --policies policies tests/bench/data/benign-wide/benign.log
	[ "$status" -eq 0 ]
	if [ -s "$LOGS/out" ]; then
		jq -c '{policy, src_ip, path: .evidence.request.path, query: .evidence.request.query}' "$LOGS/out" >&2
		false
	fi
	for set in benign-apps benign-apps2 benign-apps3 benign-apps4 benign-apps5 benign-apps6 benign-browse benign-browse2 benign-browse3 benign-tools; do
		replay --policies policies "tests/bench/data/$set/benign.log"
		[ "$status" -eq 0 ]
		[ "$(summary 'rejected')" -eq 0 ]
		flagged=$(jq -r .src_ip "$LOGS/out" | sort -u)
		accepted=$(cut -f1 "tests/bench/data/$set/accepted.tsv" | sort -u)
		if [ "$flagged" != "$accepted" ]; then
			echo "$set: flagged but not accepted, or accepted but not flagged:" >&2
			diff <(echo "$accepted") <(echo "$flagged") >&2 || true
			false
		fi
	done
}

# rotate_v6 FILE: 1,000 requests for secret files, one a second, each from its
# own address of 2001:db8:64:1::/64 (an attacker rotating through its /64), all 404.
rotate_v6() {
	awk 'BEGIN {
		split("/.env /.git/config /backup.sql /.aws/credentials /wp-config.php.bak", p, " ")
		for (i = 0; i < 1000; i++)
			printf "2001:db8:64:1:%x:%x:%x:%x - - [01/Jan/2024:10:%02d:%02d +0000] \"GET %s HTTP/1.1\" 404 153 \"-\" \"Mozilla/5.0\"\n",
				(i * 40503) % 65536, i, (i * 7919) % 65536, 65535 - i,
				int(i / 60), i % 60, p[i % 5 + 1]
	}' >"$1"
}

@test "IPv6 rotation: 1,000 addresses of one /64 are one source, blocked as the /64" {
	rotate_v6 "$LOGS/rotate.log"
	[ "$(cut -d' ' -f1 "$LOGS/rotate.log" | sort -u | wc -l)" -eq 1000 ]
	replay --policies policies "$LOGS/rotate.log"
	[ "$status" -eq 0 ]
	# The window policies count the /64 as one source and block it whole.
	for p in sensitive-file-probe not-found-burst; do
		[ "$(jq -r "select(.policy == \"$p\" and .evidence.offense == 1) |
			\"\(.action) \(.evidence.group) \(.evidence.scope)\"" "$LOGS/out")" = \
			"block 2001:db8:64:1::/64 2001:db8:64:1::/64" ] || { echo "$p"; head -3 "$LOGS/out"; return 1; }
	done
	# No block anywhere narrower than the /64.
	[ -z "$(jq -r 'select(.action == "block" and .evidence.scope != "2001:db8:64:1::/64")' "$LOGS/out")" ]

	# --ipv6-prefix 128: per address again, and one 404 per address is no burst.
	replay --policies policies --ipv6-prefix 128 "$LOGS/rotate.log"
	[ "$status" -eq 0 ]
	[ -z "$(jq -c 'select(.policy == "sensitive-file-probe" or .policy == "not-found-burst")' \
		"$LOGS/out")" ]

	replay --policies policies --ipv6-prefix 16 "$LOGS/rotate.log"
	[ "$status" -eq 2 ]
	grep -q -- '--ipv6-prefix: expected a prefix length from 32 to 128' "$LOGS/err"
}

# Everything of the summary but its timing, for comparing runs.
summary_counts() {
	sed -E 's/, [0-9.]+ s, [0-9]+ lines\/s//; s/, peak RSS [0-9]+ KiB, [0-9.]+ CPU s//' "$LOGS/err"
}

@test "reader thread: the same alerts, byte for byte and in order, as --single-thread" {
	"$GEN" -n 300000 -s 2000 >"$LOGS/big.log"
	gzip -c "$LOGS/scenario.log" >"$LOGS/scenario.log.gz"
	mkdir -p "$LOGS/core"
	cp policies/*.json "$LOGS/core/"
	for args in "--policies $LOGS/core $LOGS/big.log" \
		"--policies policies $LOGS/scenario.log.gz $LOGS/scenario.json $LOGS/scenario.log" \
		"--policies $TEST_POLICIES --indicator status=404 tests/e2e/data/benign-extra.log $LOGS/scenario.log"; do
		# shellcheck disable=SC2086 # word splitting wanted
		replay $args
		[ "$status" -eq 0 ]
		mv "$LOGS/out" "$LOGS/threaded.out"
		summary_counts >"$LOGS/threaded.sum"
		# shellcheck disable=SC2086
		replay --single-thread $args
		[ "$status" -eq 0 ]
		[ -s "$LOGS/out" ] || { echo "no alerts from: $args"; return 1; }
		cmp "$LOGS/out" "$LOGS/threaded.out" || { echo "alerts differ: $args"; return 1; }
		summary_counts | cmp - "$LOGS/threaded.sum" || { echo "summary differs: $args"; return 1; }
	done
	# A read error ends the run after the records before it, the same way in both.
	printf '\x1f\x8b\x08\x00broken' >"$LOGS/broken.gz"
	replay --policies "$LOGS/core" "$LOGS/big.log" "$LOGS/broken.gz" "$LOGS/scenario.log"
	[ "$status" -eq 1 ]
	mv "$LOGS/out" "$LOGS/threaded.out"
	grep -q 'broken.gz: read error' "$LOGS/err"
	replay --single-thread --policies "$LOGS/core" "$LOGS/big.log" "$LOGS/broken.gz" "$LOGS/scenario.log"
	[ "$status" -eq 1 ]
	cmp "$LOGS/out" "$LOGS/threaded.out"
}

@test "session window: a browser visit of nothing but misses alerts when it ends, a visit that loads anything does not" {
	local ua='Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
	cat >"$LOGS/visits.log" <<-EOF
	203.0.113.70 - - [14/Nov/2025:09:00:00 +0000] "GET /pools/default/buckets HTTP/1.1" 404 153 "-" "$ua"
	192.0.2.70 - - [14/Nov/2025:09:00:05 +0000] "GET /old-offer HTTP/1.1" 404 153 "-" "$ua"
	192.0.2.70 - - [14/Nov/2025:09:00:06 +0000] "GET /favicon.ico HTTP/1.1" 200 318 "-" "$ua"
	203.0.113.71 - - [14/Nov/2025:09:00:10 +0000] "GET /wd/hub/status HTTP/1.1" 404 153 "-" "$ua"
	192.0.2.71 - - [14/Nov/2025:09:04:00 +0000] "GET / HTTP/1.1" 200 5120 "-" "$ua"
	203.0.113.71 - - [14/Nov/2025:09:05:00 +0000] "GET / HTTP/1.1" 200 5120 "-" "$ua"
	EOF
	replay --policies policies --format combined "$LOGS/visits.log"
	[ "$status" -eq 0 ]
	run bash -c "jq -r 'select(.policy == \"lone-browser-miss\") | \"\\(.src_ip) \\(.ts) \\(.evidence.window) \\(.evidence.count)\"' '$LOGS/out' | sort"
	# Each visit ends two minutes after its miss: .71's page load at 09:05
	# is another visit; the sweep ended .70's once event time passed it.
	[ "${lines[0]}" = "203.0.113.70 2025-11-14T09:02:00.000Z session 1" ]
	[ "${lines[1]}" = "203.0.113.71 2025-11-14T09:02:10.000Z session 1" ]
	[ "${#lines[@]}" -eq 2 ]
}

@test "session window: a visit still open when the input ends is read at the end" {
	local ua='Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'
	printf '%s\n' "203.0.113.72 - - [14/Nov/2025:09:00:00 +0000] \"GET /current_config/passwd HTTP/1.1\" 404 153 \"-\" \"$ua\"" \
		"192.0.2.72 - - [14/Nov/2025:09:00:30 +0000] \"GET / HTTP/1.1\" 200 5120 \"-\" \"$ua\"" >"$LOGS/open.log"
	replay --policies policies --format combined "$LOGS/open.log"
	[ "$status" -eq 0 ]
	run jq -r 'select(.policy == "lone-browser-miss") | "\(.src_ip) \(.ts)"' "$LOGS/out"
	[ "$output" = "203.0.113.72 2025-11-14T09:00:30.000Z" ]
}

@test "records out of time order: the files are read again sorted, giving the sorted log's alerts; stdin gets a note" {
	replay --policies policies "$LOGS/scenario.log"
	alert_pairs | sort -u >"$LOGS/sorted.pairs"
	# Shuffled lines: most records come minutes after a newer one.
	shuf --random-source=<(yes) "$LOGS/scenario.log" >"$LOGS/shuffled.log"
	replay --policies policies "$LOGS/shuffled.log"
	[ "$status" -eq 0 ]
	grep -q 'records came out of time order' "$LOGS/err"
	diff -u "$LOGS/sorted.pairs" <(alert_pairs | sort -u)
	[ "$(summary 'late')" -eq 0 ]
	[ "$(summary 'lines read')" -eq "$(wc -l <"$LOGS/scenario.log")" ]
	[ "$(summary 'sources')" -eq "$(awk '{ print $1 }' "$LOGS/scenario.log" | sort -u | wc -l)" ]
	# Two files, the newer first: the same.
	head -n 1500 "$LOGS/scenario.log" >"$LOGS/older.log"
	tail -n +1501 "$LOGS/scenario.log" >"$LOGS/newer.log"
	replay --policies policies "$LOGS/newer.log" "$LOGS/older.log"
	[ "$status" -eq 0 ]
	diff -u "$LOGS/sorted.pairs" <(alert_pairs | sort -u)
	# In order: no second reading.
	replay --policies policies "$LOGS/scenario.log"
	[ "$(grep -c 'out of time order' "$LOGS/err")" -eq 0 ]
	# Standard input is read once: replayed as it comes, with a note.
	status=0
	"$GH" replay --policies policies - <"$LOGS/shuffled.log" >"$LOGS/out" 2>"$LOGS/err" || status=$?
	[ "$status" -eq 0 ]
	grep -q 'records came more than 10 s after a newer one and were left out of windows' "$LOGS/err"
	# A pipe is read once too, whatever its name.
	replay --policies policies <(cat "$LOGS/shuffled.log")
	[ "$status" -eq 0 ]
	grep -q 'left out of windows' "$LOGS/err"
	[ "$(grep -c 'out of time order' "$LOGS/err")" -eq 0 ]
	[ "$(summary 'lines read')" -eq "$(wc -l <"$LOGS/scenario.log")" ]
	# Too large to sort in the memory allowed: replayed as it comes, with notes.
	GATEHAWK_SORT_MEMORY=4096 replay --policies policies "$LOGS/shuffled.log"
	[ "$status" -eq 0 ]
	grep -q 'too large to sort in memory' "$LOGS/err"
	grep -q 'left out of windows' "$LOGS/err"
	[ "$(summary 'late')" -gt 0 ]
	jq -e . "$LOGS/out" >/dev/null
	# A record far in the future (a bad clock) is held out, not a reason to sort.
	{ head -n 5 "$LOGS/scenario.log"; sed -n 6p "$LOGS/scenario.log" | sed 's#/2023:#/2031:#';
	  tail -n +7 "$LOGS/scenario.log"; } >"$LOGS/future.log"
	replay --policies policies "$LOGS/future.log"
	[ "$status" -eq 0 ]
	[ "$(grep -c 'out of time order' "$LOGS/err")" -eq 0 ]
	[ "$(summary 'future')" -eq 1 ]
}
