#!/usr/bin/env bats
# Issue 4 end to end: the socket-level HTTP sensor with a real nginx in a
# network namespace and real curl clients. One `gatehawk run
# --print-requests --sample-rate 1` for the whole file while it stays as
# started; its sensor on the cgroup2 root (the default). Lab 12 (tests/lib/lab.bash): server 10.77.12.1 / fd77:12::1,
# nginx on ports 80 and 8080; clients .2-.5 / ::2-::5 (client index 1-4).
#
# The sensor on the root cgroup sees every HTTP exchange on the host, other
# labs' included, so every check is on this lab's own source addresses
# (per-source counters, records filtered by src_ip and a user agent unique
# to the test) and counts are deltas around the traffic the test sends.
# Every test sends the traffic it checks itself; setup() gives each one
# nginx running and the daemon running with the settings it started with
# (started again, on fresh pins, when an earlier test left it dead or
# tuned), so any one test runs alone (bats -f). bats runs teardown_file from
# its EXIT trap, so a failed or interrupted run removes the daemon,
# namespaces, links and pins too.

# shellcheck disable=SC2034 # read by lab.bash
: "${LAB_ID:=12}" # another free lab: LAB_ID=8 bats tests/e2e/sensor.bats
load ../lib/lab
load assert

# The daemon's settings as started (the ports are the default ones).
SENSOR_DEFAULTS='{"ports":[80,8080],"sample_rate":1}'

sensor_daemon_start() {
	lab_gatehawk_reset
	lab_daemon_start --print-requests --sample-rate 1
}

setup_file() {
	lab_up
	lab_use_private_binary # immune to a concurrent rebuild of build/gatehawk
	lab_nginx_start
	sensor_daemon_start
}

teardown_file() {
	lab_down
}

# A test that tunes the sensor puts it back when it passes; after one that
# failed midway (or stopped the daemon), a fresh daemon rather than `tune`,
# so that no test sees settings a tune call made for it.
setup() {
	lab_nginx_running || lab_nginx_start
	if ! lab_daemon_running ||
		[[ $(lab_gatehawk tune --json 2>/dev/null | jq -c . 2>/dev/null) != "$SENSOR_DEFAULTS" ]]; then
		sensor_daemon_start
	fi
}

# ---- helpers ---------------------------------------------------------------

server_base() { # server_base FAMILY [PORT]
	local port=${2:-$LAB_HTTP_PORT}
	if [[ $1 == 6 ]]; then echo "http://[$LAB_SERVER6]:$port"; else echo "http://$LAB_SERVER4:$port"; fi
}

# src_json IP: this source's counters from `gatehawk sources --json`, with
# every counter 0 when the source is not listed yet.
src_json() {
	lab_gatehawk sources --json | jq -c --arg ip "$1" '
		(map(select(.src_ip == $ip)) | .[0]) //
		{src_ip: $ip, packets: 0, syns: 0, conns: 0, requests: 0, request_bytes: 0,
		 resp_2xx: 0, resp_3xx: 0, resp_4xx: 0, resp_5xx: 0}'
}

# delta BEFORE AFTER FIELD: AFTER.FIELD - BEFORE.FIELD
delta() {
	echo $(($(jq -r ".$3" <<<"$2") - $(jq -r ".$3" <<<"$1")))
}

# expect_delta BEFORE AFTER FIELD N
expect_delta() {
	local d
	d=$(delta "$1" "$2" "$3")
	if [[ $d != "$4" ]]; then
		echo "sources: $3 rose by $d, expected $4 (before $1, after $2)" >&2
		return 1
	fi
}

# records IP UA: the --print-requests records of one source and user agent.
records() {
	# grep first: daemon.out holds every lab's requests, jq is slow on all of them.
	{ grep -F -- "$2" "$LAB_DIR/daemon.out" || true; } |
		jq -c --arg ip "$1" --arg ua "$2" 'select(.src_ip == $ip and .user_agent == $ua)'
}
record_count() { records "$1" "$2" | grep -c . || true; }

# wait_records IP UA N: wait (at most 5 s) until N records are out, then a
# little more so that a surplus would show.
wait_records() {
	local i
	for ((i = 0; i < 50; i++)); do
		(($(record_count "$1" "$2") >= $3)) && break
		sleep 0.1
	done
	sleep 0.3
}

# A path that exists on the site for request i, and one that does not.
page() { echo "/pages/p$((($1 - 1) % 60 + 1)).html"; }
missing() { echo "/missing/m$1.html"; }

# paths N N404: N request paths, the last N404 of them missing pages.
paths() {
	local n=$1 n404=$2 i
	for ((i = 1; i <= n; i++)); do
		if ((i > n - n404)); then missing "$i"; else page "$i"; fi
	done
}

# http_keepalive IDX FAMILY UA PORT PATH...: one curl, one connection, every
# path in turn; prints one "status bytes_sent" line per request.
http_keepalive() {
	local idx=$1 fam=$2 ua=$3 port=$4 base p args=()
	shift 4
	base=$(server_base "$fam" "$port")
	for p in "$@"; do args+=(-o /dev/null "$base$p"); done
	lab_curl "$idx" --max-time 10 -A "$ua" -w '%{http_code} %{size_request}\n' "${args[@]}"
}

# http_fresh IDX FAMILY UA PORT PATH...: one curl run (a new connection) per path.
http_fresh() {
	local idx=$1 fam=$2 ua=$3 port=$4 base p
	shift 4
	base=$(server_base "$fam" "$port")
	for p in "$@"; do
		lab_curl "$idx" -A "$ua" -o /dev/null -w '%{http_code} %{size_request}\n' "$base$p"
	done
}

# exchange_test MODE FAMILY IDX N N404: N requests (N404 of them to missing
# pages) from client IDX over one keep-alive connection or N fresh ones give
# exactly N requests, the right 2xx/4xx split, the connections and request
# bytes in `sources`, and N records with path, user agent and status.
exchange_test() {
	local mode=$1 fam=$2 idx=$3 n=$4 n404=$5 ip ua before after out bytes conns recs
	local -a want
	ip=$(lab_client_addr "$idx" "$fam")
	ua="gh-e2e-$mode-v$fam-$RANDOM$RANDOM"
	mapfile -t want < <(paths "$n" "$n404")
	before=$(src_json "$ip")
	out=$("http_$mode" "$idx" "$fam" "$ua" "$LAB_HTTP_PORT" "${want[@]}")
	after=$(src_json "$ip")
	echo "before $before" >&2
	echo "after  $after" >&2
	# curl saw what we asked for.
	[[ $(grep -c '^200 ' <<<"$out") == $((n - n404)) ]]
	[[ $(grep -c '^404 ' <<<"$out") == "$n404" ]]
	bytes=$(awk '{ s += $2 } END { print s }' <<<"$out")

	expect_delta "$before" "$after" requests "$n"
	expect_delta "$before" "$after" resp_2xx $((n - n404))
	expect_delta "$before" "$after" resp_4xx "$n404"
	expect_delta "$before" "$after" resp_3xx 0
	expect_delta "$before" "$after" resp_5xx 0
	expect_delta "$before" "$after" request_bytes "$bytes"
	if [[ $mode == keepalive ]]; then conns=1; else conns=$n; fi
	expect_delta "$before" "$after" conns "$conns"
	expect_delta "$before" "$after" syns "$conns"

	# Sample rate 1: one record per request, in order, with its status.
	wait_records "$ip" "$ua" "$n"
	recs=$(records "$ip" "$ua")
	[[ $(grep -c . <<<"$recs") == "$n" ]]
	diff <(jq -r '.path' <<<"$recs") <(printf '%s\n' "${want[@]}")
	diff <(jq -r '.status' <<<"$recs") <(for p in "${want[@]}"; do
		if [[ $p == /missing/* ]]; then echo 404; else echo 200; fi
	done)
	jq -e --arg srv "$([[ $fam == 6 ]] && echo "$LAB_SERVER6" || echo "$LAB_SERVER4")" \
		'.method == "GET" and .version == "HTTP/1.1" and .dst_ip == $srv and
		 .dst_port == 80 and .scheme == "http"' <<<"$recs" | grep -qvx true && return 1
	# One connection: one source port for all; fresh: one each.
	[[ $(jq -r .src_port <<<"$recs" | sort -u | grep -c .) == "$conns" ]]
}

sensor_stat() { lab_gatehawk stats --json | jq -r ".sensor.$1"; }

# segments_send IDX FILE...: one connection from client IDX (IPv4) to the
# server's port 80 with TCP_NODELAY, each FILE's bytes in a write of its own
# 0.2 s after the last, so that each leaves as a segment (or, longer than
# the MSS, segments) of its own; prints what the server answered until it
# closed the connection (the last request says Connection: close).
segments_send() {
	local idx=$1
	shift
	lab_in_client timeout 20 python3 - "$(lab_client4 "$idx")" "$LAB_SERVER4" "$LAB_HTTP_PORT" "$@" <<'PY'
import socket, sys, time
src, dst, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
s = socket.create_connection((dst, port), timeout=10, source_address=(src, 0))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
for i, path in enumerate(sys.argv[4:]):
    if i:
        time.sleep(0.2)
    with open(path, 'rb') as f:
        s.sendall(f.read())
out = b''
while True:
    b = s.recv(65536)
    if not b:
        break
    out += b
sys.stdout.buffer.write(out)
PY
}

# segment N TEXT: write TEXT (printf %b escapes) to the file of segment N; prints its path.
segment() {
	printf '%b' "$2" >"$LAB_DIR/seg.$1"
	echo "$LAB_DIR/seg.$1"
}

# ---- tests -----------------------------------------------------------------

@test "gatehawk run attaches the sensor to the cgroup2 root with ports 80,8080 and sample rate 1" {
	local root_id link_cg
	lab_daemon_running
	run lab_gatehawk status --json
	expect_status 0
	jq -e '.sensor.attached == true and .sensor.ports == [80, 8080] and .sensor.sample_rate == 1
		and (.daemon.pid | numbers)' <<<"$output" >/dev/null
	run lab_gatehawk tune --json
	[[ $(jq -c . <<<"$output") == "$SENSOR_DEFAULTS" ]]
	# The pinned cgroup links are on the root of the cgroup2 mount (its cgroup
	# id is the directory's inode number).
	root_id=$(stat -c %i "$(awk '$3 == "cgroup2" { print $2; exit }' /proc/mounts)")
	for link_cg in link_cg_http_in link_cg_http_out link_cg_sockops; do
		[[ $(bpftool -j link show pinned "$LAB_PIN_DIR/$link_cg" | jq -r .cgroup_id) == "$root_id" ]]
	done
}

@test "IPv4 keep-alive: 20 requests on one connection count exactly 20 (15 2xx, 5 4xx), 1 conn, 20 records" {
	exchange_test keepalive 4 1 20 5
}

@test "IPv4 fresh connections: 20 curl runs count exactly 20 requests and 20 conns, 20 records" {
	exchange_test fresh 4 2 20 10
}

@test "IPv6 keep-alive: 20 requests on one connection count exactly 20 (15 2xx, 5 4xx), 1 conn, 20 records" {
	exchange_test keepalive 6 1 20 5
}

@test "IPv6 fresh connections: 20 curl runs count exactly 20 requests and 20 conns, 20 records" {
	exchange_test fresh 6 2 20 10
}

@test "a record carries method, path, query, host, user agent, referer, cookie, XHR, content type and length, port, status" {
	local ip ua rec
	ip=$(lab_client4 4) ua="gh-e2e-rich-$RANDOM$RANDOM"
	run lab_curl 4 -A "$ua" -e http://ref.example/from -b 'sid=abc' \
		-H 'X-Requested-With: XMLHttpRequest' -H 'Content-Type: application/json' \
		-d '{"k":1}' -o /dev/null -w '%{http_code}' "http://$LAB_SERVER4/api/data?x=1&y=2"
	[[ $output == 405 ]] # nginx refuses POST to a static file
	wait_records "$ip" "$ua" 1
	rec=$(records "$ip" "$ua")
	[[ $(grep -c . <<<"$rec") == 1 ]]
	jq -e --arg srv "$LAB_SERVER4" '
		.method == "POST" and .path == "/api/data" and .query == "x=1&y=2" and
		.version == "HTTP/1.1" and .host == $srv and .referer == "http://ref.example/from" and
		.has_cookie == true and .is_xhr == true and .content_type == "application/json" and
		.content_length == 7 and .scheme == "http" and .dst_port == 80 and .dst_ip == $srv and
		.status == 405 and (.ts | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T"))' <<<"$rec"

	# HEAD over IPv6 on the second port, no cookie, not XHR.
	ip=$(lab_client6 4) ua="gh-e2e-head-$RANDOM$RANDOM"
	run lab_curl 4 -A "$ua" -I -o /dev/null -w '%{http_code}' "http://[$LAB_SERVER6]:$LAB_HTTP_PORT2/index.html"
	[[ $output == 200 ]]
	wait_records "$ip" "$ua" 1
	rec=$(records "$ip" "$ua")
	[[ $(grep -c . <<<"$rec") == 1 ]]
	jq -e --arg srv "$LAB_SERVER6" '.method == "HEAD" and .path == "/index.html" and
		.dst_port == 8080 and .dst_ip == $srv and .status == 200 and
		.has_cookie == false and .is_xhr == false' <<<"$rec"
}

@test "pipelined requests in one segment are counted and recorded separately, statuses in order" {
	local ip before after p0 recs
	ip=$(lab_client4 1) # the client namespace's primary address: bash /dev/tcp cannot bind
	printf '%s' \
		"GET /pages/p1.html HTTP/1.1"$'\r\n'"Host: lab"$'\r\n'"User-Agent: gh-e2e-pipe"$'\r\n\r\n' \
		"GET /missing/pipe.html HTTP/1.1"$'\r\n'"Host: lab"$'\r\n'"User-Agent: gh-e2e-pipe"$'\r\n\r\n' \
		"GET /pages/p2.html HTTP/1.1"$'\r\n'"Host: lab"$'\r\n'"User-Agent: gh-e2e-pipe"$'\r\n' \
		"Connection: close"$'\r\n\r\n' >"$LAB_DIR/pipelined.http"
	before=$(src_json "$ip") p0=$(sensor_stat pipelined)
	# One write(2) of all three heads (cat), so they share one segment.
	run lab_in_client timeout 5 bash -c \
		"exec 3<>/dev/tcp/$LAB_SERVER4/$LAB_HTTP_PORT && cat '$LAB_DIR/pipelined.http' >&3 && cat <&3"
	expect_status 0
	[[ $(grep -c '^HTTP/1.1 ' <<<"$output") == 3 ]]
	after=$(src_json "$ip")
	expect_delta "$before" "$after" requests 3
	expect_delta "$before" "$after" resp_2xx 2
	expect_delta "$before" "$after" resp_4xx 1
	expect_delta "$before" "$after" conns 1
	# Global counter (other labs add to it too): at least our two.
	(($(sensor_stat pipelined) - p0 >= 2))
	wait_records "$ip" gh-e2e-pipe 3
	recs=$(records "$ip" gh-e2e-pipe | tail -3)
	[[ $(records "$ip" gh-e2e-pipe | grep -c .) == 3 ]]
	[[ $(jq -r '"\(.path) \(.status)"' <<<"$recs" | paste -sd,) == \
		"/pages/p1.html 200,/missing/pipe.html 404,/pages/p2.html 200" ]]
	[[ $(jq -r .src_port <<<"$recs" | sort -u | grep -c .) == 1 ]]
}

@test "request heads split across segments (one line per write) still count once each" {
	local ip before after
	ip=$(lab_client4 1)
	before=$(src_json "$ip")
	# bash's printf writes line by line: each head spans several segments.
	run lab_in_client timeout 5 bash -c "exec 3<>/dev/tcp/$LAB_SERVER4/$LAB_HTTP_PORT &&
		printf 'GET /pages/p3.html HTTP/1.1\r\nHost: lab\r\nUser-Agent: gh-e2e-split\r\n\r\n' >&3 &&
		printf 'GET /pages/p4.html HTTP/1.1\r\nHost: lab\r\nUser-Agent: gh-e2e-split\r\nConnection: close\r\n\r\n' >&3 &&
		cat <&3"
	expect_status 0
	[[ $(grep -c '^HTTP/1.1 200' <<<"$output") == 2 ]]
	after=$(src_json "$ip")
	expect_delta "$before" "$after" requests 2
	expect_delta "$before" "$after" resp_2xx 2
}

# Issue 15, finding 3: requests a per-segment scanner missed or invented.

@test "evasion: a leading CRLF and a request line split across segments are counted once and decoded whole" {
	local ip ua before after out recs
	ip=$(lab_client4 3) ua="gh-e2e-evade-split-$RANDOM$RANDOM"
	before=$(src_json "$ip")
	out=$(segments_send 3 \
		"$(segment 1 "GET /pages/p5.html HTTP/1.1\r\nHost: lab\r\nUser-Agent: $ua\r\n\r\n")" \
		"$(segment 2 '\r\n')" \
		"$(segment 3 '\r\nGE')" \
		"$(segment 4 'T /pages/p6.html HT')" \
		"$(segment 5 'TP/1.1\r\nHost: lab\r\n')" \
		"$(segment 6 "User-Agent: $ua\r\nConnection: close\r\n\r\n")")
	[[ $(grep -c '^HTTP/1.1 200' <<<"$out") == 2 ]]
	after=$(src_json "$ip")
	expect_delta "$before" "$after" requests 2
	expect_delta "$before" "$after" resp_2xx 2
	expect_delta "$before" "$after" conns 1
	wait_records "$ip" "$ua" 2
	recs=$(records "$ip" "$ua")
	echo "$recs" >&2
	[[ $(grep -c . <<<"$recs") == 2 ]]
	[[ $(jq -r '"\(.method) \(.path) \(.version) \(.status) \(.truncated // false)"' <<<"$recs" |
		paste -sd,) == "GET /pages/p5.html HTTP/1.1 200 false,GET /pages/p6.html HTTP/1.1 200 false" ]]
}

@test "evasion: heads longer than the snapshot are counted and decoded truncated, the request after them whole" {
	local ip ua before after out pad xs recs cut
	ip=$(lab_client4 3) ua="gh-e2e-evade-long-$RANDOM$RANDOM"
	pad=$(printf 'a%.0s' {1..4096}) xs=$(printf 'x%.0s' {1..2000})
	before=$(src_json "$ip")
	# A 4 KiB header line, a request pipelined after it (one write, several
	# segments), then a 2 KiB request line in a write of its own.
	out=$(segments_send 3 \
		"$(segment 1 "GET /pages/p7.html HTTP/1.1\r\nHost: lab\r\nUser-Agent: $ua\r\nX-Pad: $pad\r\n\r\nGET /pages/p8.html HTTP/1.1\r\nHost: lab\r\nUser-Agent: $ua\r\n\r\n")" \
		"$(segment 2 "GET /pages/p9.html?q=$xs HTTP/1.1\r\nHost: lab\r\nUser-Agent: $ua\r\nConnection: close\r\n\r\n")")
	[[ $(grep -c '^HTTP/1.1 200' <<<"$out") == 3 ]]
	after=$(src_json "$ip")
	expect_delta "$before" "$after" requests 3
	expect_delta "$before" "$after" resp_2xx 3
	wait_records "$ip" "$ua" 2
	recs=$(records "$ip" "$ua")
	echo "$recs" >&2
	[[ $(jq -r '"\(.path) \(.status) \(.truncated // false)"' <<<"$recs" | paste -sd,) == \
		"/pages/p7.html 200 true,/pages/p8.html 200 false" ]]
	# The request line runs past the snapshot: method, path and a prefix of
	# the query, no version and no user agent (both after the cut).
	cut=$({ grep -F -- '"path":"/pages/p9.html"' "$LAB_DIR/daemon.out" || true; } |
		jq -c --arg ip "$ip" --arg port "$(jq -r .src_port <<<"$recs" | head -1)" \
			'select(.src_ip == $ip and (.src_port | tostring) == $port)')
	echo "$cut" >&2
	[[ $(grep -c . <<<"$cut") == 1 ]]
	jq -e '.method == "GET" and .truncated == true and .status == 200 and
		(.query | startswith("q=xxxx")) and (.version | not) and (.user_agent | not)' <<<"$cut"
}

@test "evasion: a request line inside a POST body is not counted; the request after the body is" {
	local ip ua before after out body recs
	ip=$(lab_client4 3) ua="gh-e2e-evade-body-$RANDOM$RANDOM"
	body="GET /pages/p10.html HTTP/1.1\r\nHost: lab\r\nUser-Agent: $ua\r\n\r\n"
	before=$(src_json "$ip")
	out=$(segments_send 3 \
		"$(segment 1 "POST /api/data HTTP/1.1\r\nHost: lab\r\nUser-Agent: $ua\r\nContent-Length: $(printf '%b' "$body" | wc -c)\r\n\r\n")" \
		"$(segment 2 "$body")" \
		"$(segment 3 "GET /pages/p11.html HTTP/1.1\r\nHost: lab\r\nUser-Agent: $ua\r\nConnection: close\r\n\r\n")")
	[[ $(grep -c '^HTTP/1.1 ' <<<"$out") == 2 ]]
	after=$(src_json "$ip")
	expect_delta "$before" "$after" requests 2
	expect_delta "$before" "$after" resp_4xx 1
	expect_delta "$before" "$after" resp_2xx 1
	wait_records "$ip" "$ua" 2
	recs=$(records "$ip" "$ua")
	echo "$recs" >&2
	[[ $(jq -r '"\(.method) \(.path) \(.status)"' <<<"$recs" | paste -sd,) == \
		"POST /api/data 405,GET /pages/p11.html 200" ]]
}

@test "pins of an older sensor layout are made afresh on start; blocks stay, requests count" {
	local ip before after
	ip=$(lab_client4 2)
	run lab_server_gatehawk block add 192.0.2.77 --reason kept
	expect_status 0
	lab_daemon_stop TERM
	# An older gatehawk's scratch map: another value size.
	rm -f "$LAB_PIN_DIR/scratch"
	bpftool map create "$LAB_PIN_DIR/scratch" type percpu_array key 4 value 8 entries 1 name scratch
	lab_daemon_start --print-requests --sample-rate 1
	grep -F 'scratch: an older layout, made afresh' "$LAB_DIR/daemon.err"
	lab_gatehawk block list --json | jq -e 'map(select(.cidr | startswith("192.0.2.77"))) | length == 1'
	before=$(src_json "$ip")
	http_keepalive 2 4 "gh-e2e-afresh-$RANDOM" "$LAB_HTTP_PORT" /index.html /index.html >/dev/null
	after=$(src_json "$ip")
	expect_delta "$before" "$after" requests 2
	lab_gatehawk block del 192.0.2.77
}

@test "tune --sample-rate 10 at run time: about 1 in 10 of 200 requests recorded, all 200 counted" {
	local ip ua before after n out recs
	ip=$(lab_client4 3) ua="gh-e2e-rate10-$RANDOM$RANDOM"
	run lab_gatehawk tune --sample-rate 10
	expect_status 0
	[[ $(lab_gatehawk tune --json | jq -c .) == '{"ports":[80,8080],"sample_rate":10}' ]]
	[[ $(lab_gatehawk status --json | jq .sensor.sample_rate) == 10 ]]
	before=$(src_json "$ip")
	mapfile -t want < <(paths 200 0)
	out=$(http_keepalive 3 4 "$ua" "$LAB_HTTP_PORT" "${want[@]}")
	[[ $(grep -c '^200 ' <<<"$out") == 200 ]]
	after=$(src_json "$ip")
	expect_delta "$before" "$after" requests 200
	expect_delta "$before" "$after" resp_2xx 200
	expect_delta "$before" "$after" conns 1
	wait_records "$ip" "$ua" 8
	sleep 0.5
	n=$(record_count "$ip" "$ua")
	echo "records at 1/10: $n of 200" >&2
	((n >= 8 && n <= 40))
	# The sampled ones are decoded whole and joined to their status.
	records "$ip" "$ua" | jq -e '.status == 200 and (.path | startswith("/pages/"))' |
		grep -qvx true && return 1

	# Back to every request.
	run lab_gatehawk tune --sample-rate 1
	expect_status 0
	[[ $(lab_gatehawk tune --json | jq .sample_rate) == 1 ]]
	ua="$ua-back"
	http_keepalive 3 4 "$ua" "$LAB_HTTP_PORT" /index.html /index.html /index.html /index.html >/dev/null
	wait_records "$ip" "$ua" 4
	[[ $(record_count "$ip" "$ua") == 4 ]]
}

@test "tune --ports at run time: a port outside the set is neither sampled nor counted, one inside is" {
	local ip ua before after
	ip=$(lab_client4 4)
	run lab_gatehawk tune --ports "$LAB_HTTP_PORT2"
	expect_status 0
	[[ $(lab_gatehawk tune --json | jq -c .ports) == "[$LAB_HTTP_PORT2]" ]]

	# Port 80 is out of the set now.
	ua="gh-e2e-port80-out-$RANDOM"
	before=$(src_json "$ip")
	http_keepalive 4 4 "$ua" "$LAB_HTTP_PORT" /index.html /pages/p1.html /missing/x >/dev/null
	after=$(src_json "$ip")
	expect_delta "$before" "$after" requests 0
	expect_delta "$before" "$after" resp_2xx 0
	expect_delta "$before" "$after" resp_4xx 0
	# 8080 is in it.
	ua="gh-e2e-port8080-in-$RANDOM"
	before=$after
	http_keepalive 4 4 "$ua" "$LAB_HTTP_PORT2" /index.html /pages/p1.html /missing/x >/dev/null
	after=$(src_json "$ip")
	expect_delta "$before" "$after" requests 3
	expect_delta "$before" "$after" resp_2xx 2
	expect_delta "$before" "$after" resp_4xx 1
	wait_records "$ip" "$ua" 3
	[[ $(record_count "$ip" "$ua") == 3 ]]
	[[ $(records "$ip" "$ua" | jq -r .dst_port | sort -u) == "$LAB_HTTP_PORT2" ]]
	[[ $(grep -c '"user_agent":"gh-e2e-port80-out-' "$LAB_DIR/daemon.out") == 0 ]]

	# Both again: port 80 is sampled and counted once more.
	run lab_gatehawk tune --ports "$LAB_HTTP_PORT,$LAB_HTTP_PORT2"
	expect_status 0
	[[ $(lab_gatehawk tune --json | jq -c .) == '{"ports":[80,8080],"sample_rate":1}' ]]
	ua="gh-e2e-port80-back-$RANDOM"
	before=$(src_json "$ip")
	http_keepalive 4 4 "$ua" "$LAB_HTTP_PORT" /index.html /index.html >/dev/null
	after=$(src_json "$ip")
	expect_delta "$before" "$after" requests 2
	wait_records "$ip" "$ua" 2
	[[ $(record_count "$ip" "$ua") == 2 ]]
}

@test "tune rejects bad ports and sample rates with exit 2 and changes nothing" {
	local bad before
	before=$(lab_gatehawk tune --json | jq -c .)
	for bad in 0 65536 -1 abc "80," ",80" "80,,8080" "80,80" "80 8080" "" \
		1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17; do
		run lab_gatehawk tune --ports "$bad"
		expect_status 2
		[[ -n $output ]]
	done
	for bad in -1 abc 1.5 "" 4294967296; do
		run lab_gatehawk tune --sample-rate "$bad"
		expect_status 2
		[[ -n $output ]]
	done
	[[ $(lab_gatehawk tune --json | jq -c .) == "$before" ]]
}

@test "stats --json: sensor counters present, no ring-buffer loss at this load, daemon decoded the events" {
	local ua before out
	local -a want
	# This test's load: 300 requests on watched ports, all sampled (rate 1),
	# over keep-alive and fresh connections, IPv4 and IPv6, as the exchange
	# tests above send them.
	ua="gh-e2e-stats-$RANDOM$RANDOM"
	before=$(lab_gatehawk stats --json)
	mapfile -t want < <(paths 135 20)
	out=$(http_keepalive 1 4 "$ua" "$LAB_HTTP_PORT" "${want[@]}")
	out+=$'\n'$(http_keepalive 1 6 "$ua" "$LAB_HTTP_PORT2" "${want[@]}")
	mapfile -t want < <(paths 30 10)
	out+=$'\n'$(http_fresh 2 4 "$ua" "$LAB_HTTP_PORT" "${want[@]:0:15}")
	out+=$'\n'$(http_fresh 2 6 "$ua" "$LAB_HTTP_PORT" "${want[@]:15}")
	[[ $(grep -cE '^(200|404) ' <<<"$out") == 300 ]]
	wait_records "$(lab_client4 1)" "$ua" 135
	wait_records "$(lab_client6 2)" "$ua" 15
	sleep 0.5 # the last responses through the ring buffer
	run lab_gatehawk stats --json
	expect_status 0
	echo "$output" | jq -c '.sensor, .daemon.decoder' >&2
	jq -e '.sensor | (.requests, .requests_sampled, .pipelined, .responses, .responses_sent,
		.retransmits, .lost_ring_full, .lost_no_storage, .lost_outstanding, .lost_load, .conns)
		| numbers' <<<"$output" >/dev/null
	jq -e '.sensor.lost_ring_full == 0 and .sensor.lost_no_storage == 0 and
		.sensor.lost_outstanding == 0 and .sensor.lost_load == 0' <<<"$output"
	# At least this test's 300 (other labs on the host add to these global
	# counters), every one sampled, answered and decoded with its status.
	jq -e --argjson b "$before" '
		.sensor.requests - $b.sensor.requests >= 300 and
		.sensor.requests_sampled - $b.sensor.requests_sampled >= 300 and
		.sensor.responses_sent - $b.sensor.responses_sent >= 300' <<<"$output"
	jq -e --argjson b "$before" '.daemon.decoder.bad_events == 0 and
		.daemon.decoder.decoded - $b.daemon.decoder.decoded >= 300 and
		.daemon.decoder.with_status - $b.daemon.decoder.with_status >= 300' <<<"$output"
}

@test "bpftool map dump of src_slots and src_http_slots shows the same named counters as sources" {
	local ip src slots stats addr
	local -a want
	ip=$(lab_client6 1)
	# 20 requests from this source, then quiet: the maps and sources agree.
	mapfile -t want < <(paths 20 5)
	[[ $(http_keepalive 1 6 "gh-e2e-srcstats-$RANDOM" "$LAB_HTTP_PORT" "${want[@]}" | grep -c .) == 20 ]]
	src=$(src_json "$ip")
	slots=$(bpftool -j map dump pinned "$LAB_PIN_DIR/src_slots")
	stats=$(bpftool -j map dump pinned "$LAB_PIN_DIR/src_http_slots")
	addr="253,119,0,$((16#$LAB_ID)),0,0,0,0,0,0,0,0,0,0,0,2"
	# The gate's packets and SYNs: the source's slot in each CPU's region, summed.
	jq -e --argjson src "$src" --arg addr "$addr" '
		[.[].formatted.value | select(.key.family == 6 and
			(.key.addr | map(tostring) | join(",")) == $addr)] as $s |
		($s | length) >= 1 and
		all(("packets", "syns"); . as $f | ([$s[][$f]] | add) == $src[$f])' <<<"$slots"
	# The sensor's counters: the source's slot in each CPU's region, summed.
	jq -e --argjson src "$src" --arg addr "$addr" '
		[.[].formatted.value | select(.key.family == 6 and
			(.key.addr | map(tostring) | join(",")) == $addr)] as $s |
		($s | length) >= 1 and
		all(("conns", "requests", "request_bytes", "resp_2xx", "resp_3xx", "resp_4xx",
		     "resp_5xx"); . as $f | ([$s[].c[$f]] | add) == $src[$f])' <<<"$stats"
	(($(jq -r .requests <<<"$src") >= 20 && $(jq -r .packets <<<"$src") >= 20))
}


@test "sources --sort and --limit order and cut the list" {
	local ua="gh-e2e-sort-$RANDOM"
	# Three sources with different request and connection counts.
	http_keepalive 1 4 "$ua" "$LAB_HTTP_PORT" /index.html >/dev/null
	http_fresh 2 4 "$ua" "$LAB_HTTP_PORT" /index.html /index.html /index.html >/dev/null
	http_keepalive 3 4 "$ua" "$LAB_HTTP_PORT" /index.html /index.html >/dev/null
	run lab_gatehawk sources --json --sort requests
	expect_status 0
	jq -e '[.[].requests] as $r | $r == ($r | sort | reverse)' <<<"$output"
	run lab_gatehawk sources --json --sort conns --limit 2
	expect_status 0
	[[ $(jq length <<<"$output") == 2 ]]
	jq -e '.[0].conns >= .[1].conns' <<<"$output"
	run lab_gatehawk sources --sort bogus
	expect_status 2
}
