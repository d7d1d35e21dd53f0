#!/usr/bin/env bats
# Issue 5 end to end: the daemon with the shipped policies against real nginx
# and real curl in lab 13 (tests/lib/lab.bash): server 10.77.13.1 /
# fd77:13::1, clients .2-.5 / ::2-::5 (index 1-4). The sensor sits on nginx's
# own cgroup (lab_extra.bash), so other labs' traffic never reaches this
# daemon. The tests share the lab (namespaces, nginx); setup() gives each
# one a daemon of its own on fresh pins (no blocks, no engine state) with the
# shipped policies, a fresh alert file and nginx running, so any one test
# runs alone (bats -f). bats runs teardown_file from its EXIT trap, so a
# failed or interrupted run removes the daemon, namespaces, pins and cgroup.
#
#   a. a login brute force has its SYNs dropped at XDP within 1 s of the
#      request that crossed the threshold; a browser-like client from another
#      address keeps working the whole time;
#   b. SIGHUP with a broken policy file: the error is reported and the old set
#      stays in force (and still blocks);
#   c. replay of nginx's access log gives the (policy, src_ip) alert set the
#      live daemon gave (--dry-run) for the same traffic;
#   d. behind a trusted reverse proxy (client 4 standing in for one), an
#      attack named by X-Forwarded-For blocks the client it names, never the
#      proxy, whose requests keep getting through.
#   e. a session window ends in the live daemon: lone-browser-miss (its gap
#      cut to 1 s) alerts on a "browser" whose only request was a miss, once
#      it has been quiet, and not on one that also loaded a page.
#   f. `tune --sample-rate 10` pauses the policies that read what a source
#      did not do: 200 requests under 200 user agents, a tenth of them
#      sampled, would look like user-agent-rotation's "10 agents in at most
#      30 requests"; back at 1/1 they run again (that policy counts a source
#      that really rotates) and hold their verdicts for two window lengths.
#   g. unless_rendered: CRS flags a typed search for <script> from two
#      sources; the one that then loads a stylesheet with that page as
#      Referer is spared, the other blocked when the 5 s wait ends.

bats_require_minimum_version 1.5.0
LAB_ID=13
load ../lib/lab
load ../lib/lab_extra

BROWSER=1
BRUTE=2
BRUTE_AFTER_RELOAD=3
PROBER=4

setup_file() {
	lab_up
	lab_nginx_start_isolated
}

teardown_file() {
	lab_down_isolated
}

setup() {
	lab_gatehawk_reset
	lab_nginx_running || lab_nginx_start_isolated
	rm -rf "$LAB_DIR/policies"
	cp -R "$LAB_ROOT/policies" "$LAB_DIR/policies"
	rm -f "$LAB_DIR/alerts.jsonl"
	lab_daemon_start --policies "$LAB_DIR/policies" --alerts "$LAB_DIR/alerts.jsonl" \
		--cgroup "$(lab_cgroup_dir)"
}

# A test that failed with the browser-like client running: stop it (bats
# would wait for it, and it would browse a lab that is going away).
teardown() {
	[[ -n ${BROWSER_PID:-} ]] || return 0
	touch "$BROWSER_DIR/stop"
	kill "$BROWSER_PID" 2>/dev/null || true
	wait "$BROWSER_PID" 2>/dev/null || true
}

# ---- helpers ---------------------------------------------------------------

now() { date +%s.%N; }

# The number of failed logins at which login-brute-force fires, from the policy.
brute_force_threshold() {
	jq -e '.having.ge' "$LAB_ROOT/policies/login-brute-force.json"
}

# brute_force IDX MAX LOG: failed logins from client IDX until one gets no
# answer (or MAX attempts). One line per attempt in LOG:
# "n start_epoch end_epoch http_code curl_exit".
brute_force() {
	local idx=$1 max=$2 log=$3 n start code rc
	: >"$log"
	for ((n = 1; n <= max; n++)); do
		start=$(now)
		rc=0
		code=$(lab_curl "$idx" --max-time 1 -o /dev/null -w '%{http_code}' \
			--data "username=admin&password=guess$n" "http://$LAB_SERVER4/login") || rc=$?
		echo "$n $start $(now) $code $rc" >>"$log"
		[[ $code != 000 ]] || return 0
	done
}

# blocked_by CIDR: the reason of CIDR's live block entry, or nothing.
blocked_by() {
	lab_gatehawk block list --json | jq -r --arg c "$1" '.[] | select(.cidr == $c) | .reason'
}

# browser_start DIR / browser_stop DIR: the browser-like client in the
# background, for at least 5 s, so it is browsing before, during and after
# the attack.
browser_start() {
	mkdir -p "$1"
	rm -f "$1/stop"
	lab_browse "$BROWSER" "$1" 5 60 >"$1/views" &
	BROWSER_PID=$! BROWSER_DIR=$1
}

browser_stop() {
	touch "$1/stop"
	wait "$BROWSER_PID"
	BROWSER_PID=
}

# assert_browser_never_failed DIR
assert_browser_never_failed() {
	local requests failures
	requests=$(wc -l <"$1/browser.log")
	failures=$(lab_browser_failures "$1")
	echo "browser: $(cat "$1/views") page views, $requests requests"
	if ((requests == 0)) || [[ -n $failures ]]; then
		echo "browser-like client failed:" >&2
		echo "${failures:-no request at all}" >&2
		return 1
	fi
}

# wait_for WHAT TIMEOUT_S CMD...: retry CMD every 0.1 s.
wait_for() {
	local what=$1 tries=$(($2 * 10))
	shift 2
	lab_wait "$what" "$tries" "$@"
}

# reload_reported OFFSET: the daemon wrote its reload line after OFFSET.
reload_reported() {
	tail -c +"$1" "$LAB_DIR/daemon.err" | grep -q 'reload'
}

policy_names() {
	lab_gatehawk status --json | jq -c '[.daemon.engine.policies[].name]'
}

# ---- a. block within 1 s, browser unaffected --------------------------------

@test "login brute force: SYNs dropped at XDP within 1 s of the threshold; the browser-like client keeps working" {
	local threshold brute_ip log=$LAB_DIR/brute.log crossed_at failed_at answered latency
	threshold=$(brute_force_threshold)
	brute_ip=$(lab_client4 "$BRUTE")
	browser_start "$LAB_DIR/browser-a"
	sleep 2
	brute_force "$BRUTE" $((threshold + 60)) "$log"
	browser_stop "$LAB_DIR/browser-a"
	cat "$log"

	# Every attempt before the first unanswered one was a failed login.
	answered=$(awk '$4 != "000"' "$log" | wc -l)
	[[ $(awk '$4 != "000" && $4 != 401' "$log" | wc -l) -eq 0 ]]
	((answered >= threshold)) || { echo "blocked after $answered logins, threshold $threshold" >&2; false; }
	# Dropped, not refused: the last attempt timed out (curl 28) without an answer.
	[[ $(tail -1 "$log" | awk '{ print $4, $5 }') == "000 28" ]]

	# The threshold-crossing request ended (answer received) at crossed_at; the
	# first attempt that got no answer started at failed_at.
	crossed_at=$(awk -v n="$threshold" '$1 == n { print $3 }' "$log")
	failed_at=$(tail -1 "$log" | awk '{ print $2 }')
	latency=$(awk -v a="$crossed_at" -v b="$failed_at" 'BEGIN { printf "%.3f", b - a }')
	echo "threshold $threshold crossed at $crossed_at; first unanswered SYN at $failed_at: ${latency}s later"
	awk -v l="$latency" 'BEGIN { exit !(l <= 1.0) }'

	# The drop is the XDP gate's: the entry has hits and carries the policy.
	[[ $(blocked_by "$brute_ip") == login-brute-force ]]
	lab_gatehawk block list --json | jq -e --arg c "$brute_ip" '.[] | select(.cidr == $c) | .hits >= 1' >/dev/null
	jq -e --arg ip "$brute_ip" 'select(.src_ip == $ip and .policy == "login-brute-force" and .action == "block")' \
		"$LAB_DIR/alerts.jsonl" >/dev/null

	assert_browser_never_failed "$LAB_DIR/browser-a"
	run ! jq -e --arg ip "$(lab_client4 "$BROWSER")" 'select(.src_ip == $ip)' "$LAB_DIR/alerts.jsonl"

	lab_gatehawk block del "$brute_ip"
}

# ---- b. SIGHUP with a broken policy keeps the set in force -------------------

@test "SIGHUP with a broken policy file: the error is reported, the old set stays in force and blocks" {
	local before after ip threshold err_from
	before=$(policy_names)
	threshold=$(brute_force_threshold)
	# A typo an operator makes: a duration in words.
	jq '.name = "broken-window" | .window.length = "5 minutes"' \
		"$LAB_DIR/policies/login-brute-force.json" >"$LAB_DIR/policies/zz-broken.json"
	err_from=$(($(stat -c %s "$LAB_DIR/daemon.err") + 1))
	kill -HUP "$(cat "$LAB_DIR/daemon.pid")"
	wait_for "the reload to be reported" 5 reload_reported "$err_from"
	tail -c +"$err_from" "$LAB_DIR/daemon.err" | tee "$LAB_DIR/reload.err"
	grep -q 'zz-broken.json: window.length: expected a duration' "$LAB_DIR/reload.err"
	grep -q "failed; keeping the $(jq length <<<"$before") policies in force" "$LAB_DIR/reload.err"
	lab_daemon_running
	after=$(policy_names)
	echo "policies before: $before"
	echo "policies after:  $after"
	[[ $after == "$before" ]]

	# The set in force still works: a brute force from a fresh address is blocked.
	ip=$(lab_client4 "$BRUTE_AFTER_RELOAD")
	brute_force "$BRUTE_AFTER_RELOAD" $((threshold + 60)) "$LAB_DIR/brute-b.log"
	[[ $(blocked_by "$ip") == login-brute-force ]]

	rm "$LAB_DIR/policies/zz-broken.json"
	lab_gatehawk block del "$ip"
}

# ---- c. replay equals live ----------------------------------------------------

# The policies both producers can judge: left out are cookieless-client (a
# combined log has no Cookie header: has_cookie is absent in replay),
# syn-flood (SYN counters exist only live) and block-rate-rise (its input is
# block verdicts, and --dry-run blocks nothing). request-flood is in, with a
# flood at four times its threshold: live it counts the kernel's counters,
# read about once a second from a first-sample baseline, replay counts the
# log's records on one-second timestamps, so both see a clear flood (at
# different moments), not necessarily the same borderline one.
REPLAY_POLICIES=(credential-stuffing login-brute-force no-browser-followup not-found-burst
	path-traversal redirect-loop request-flood scraper sensitive-file-probe sqli-probe xss-probe)

# Attack traffic for the comparison: every request answered (--dry-run).
replay_traffic() {
	local i path query
	brute_force "$BRUTE" 15 "$LAB_DIR/brute-c.log"
	for path in /.env /.git/config /backup.sql /phpmyadmin/ /server-status; do
		lab_curl "$BRUTE_AFTER_RELOAD" -o /dev/null "http://$LAB_SERVER4$path" || true
	done
	for ((i = 0; i < 25; i++)); do # 404 burst
		lab_curl "$BRUTE_AFTER_RELOAD" -o /dev/null "http://$LAB_SERVER4/missing-$i" || true
	done
	# Over IPv6: XSS, SQL injection and traversal probes.
	for query in 'q=%3Cscript%3Ealert(1)%3C%2Fscript%3E' 'q=%22%3E%3Csvg%20onload%3Dalert(1)%3E' \
		"id=1%27%20OR%20%271%27%3D%271" 'id=1%20UNION%20SELECT%20password%20FROM%20users'; do
		lab_curl "$PROBER" -o /dev/null "http://[$LAB_SERVER6]/search?$query" || true
	done
	lab_curl "$PROBER" --path-as-is -o /dev/null "http://[$LAB_SERVER6]/static/../../etc/passwd" || true
	# A redirect loop followed by a client without a hop limit of its own.
	lab_curl "$PROBER" -L --max-redirs 60 -o /dev/null "http://[$LAB_SERVER6]/redirect" || true
	# A request flood, 200 a second for 5 s on one keep-alive connection.
	lab_curl "$PROBER" --max-time 10 --rate 200/s -o /dev/null "http://$LAB_SERVER4/?item=[1-1000]" || true
}

# alert_set FILE: "policy src_ip" lines, sorted, unique.
alert_set() {
	jq -r '"\(.policy) \(.src_ip)"' "$1" | sort -u
}

@test "replay of the access log gives the live run's (policy, src_ip) alerts" {
	local dir=$LAB_DIR/replay-policies log_start name
	mkdir -p "$dir"
	for name in "${REPLAY_POLICIES[@]}"; do
		cp "$LAB_ROOT/policies/$name.json" "$dir/"
	done
	lab_daemon_stop
	lab_daemon_start --policies "$dir" --dry-run --alerts "$LAB_DIR/live.jsonl" --cgroup "$(lab_cgroup_dir)"
	log_start=$(($(wc -l <"$LAB_DIR/access.log") + 1))

	browser_start "$LAB_DIR/browser-c"
	replay_traffic
	browser_stop "$LAB_DIR/browser-c"
	sleep 1.5 # the last records through the ring buffer and the engine
	lab_daemon_stop
	tail -n +"$log_start" "$LAB_DIR/access.log" >"$LAB_DIR/replayed.log"

	"$GATEHAWK" replay --policies "$dir" "$LAB_DIR/replayed.log" >"$LAB_DIR/replay.jsonl"
	alert_set "$LAB_DIR/live.jsonl" >"$LAB_DIR/live.set"
	alert_set "$LAB_DIR/replay.jsonl" >"$LAB_DIR/replay.set"
	echo "live:"
	cat "$LAB_DIR/live.set"
	diff -u "$LAB_DIR/live.set" "$LAB_DIR/replay.set"
	# Not vacuous: each attack was seen, and the browser drew nothing.
	for name in login-brute-force sensitive-file-probe not-found-burst xss-probe sqli-probe \
		path-traversal redirect-loop request-flood; do
		grep -q "^$name " "$LAB_DIR/live.set"
	done
	run ! grep -q " $(lab_client4 "$BROWSER")\$" "$LAB_DIR/live.set"
	assert_browser_never_failed "$LAB_DIR/browser-c"
}

@test "trusted proxy: the X-Forwarded-For client is blocked, the proxy never" {
	local proxy client=203.0.113.77 code
	proxy=$(lab_client4 "$PROBER")
	lab_daemon_stop
	lab_daemon_start --policies "$LAB_DIR/policies" --alerts "$LAB_DIR/alerts.jsonl" \
		--cgroup "$(lab_cgroup_dir)" --trusted-proxy "$proxy/32"

	# The "proxy" forwards a traversal probe for its client (the left entry is
	# the client's own, forgeable claim); afterwards the proxy must still pass.
	lab_curl "$PROBER" -o /dev/null -H "X-Forwarded-For: 198.51.100.1, $client" \
		"http://$LAB_SERVER4/static/..%2f..%2fetc/passwd" || true
	wait_for "a path-traversal alert" 5 \
		grep -q '"policy":"path-traversal"' "$LAB_DIR/alerts.jsonl"
	run jq -r 'select(.policy == "path-traversal") | "\(.src_ip) \(.evidence.request.proxy_ip)"' \
		"$LAB_DIR/alerts.jsonl"
	[ "$output" = "$client $proxy" ]
	# Several policies name this probe (path-traversal, the CRS); the first
	# block written gives the entry its reason.
	[ -n "$(blocked_by "$client")" ]
	[ -z "$(blocked_by "$proxy")" ]
	code=$(lab_curl "$PROBER" -o /dev/null -w '%{http_code}' "http://$LAB_SERVER4/")
	[ "$code" = 200 ]
}

# ---- e. a session ends live ---------------------------------------------------

@test "live session window: a browser-UA source whose only request was a miss alerts once quiet; one that loaded a page does not" {
	local dir=$LAB_DIR/session-policies ua prober browser
	ua='Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
	prober=$(lab_client4 "$PROBER") browser=$(lab_client4 "$BROWSER")
	# The policy's list is named relative to it: the tree's layout, in miniature.
	mkdir -p "$dir/probes" "$dir/lists"
	cp "$LAB_ROOT/policies/lists/automation-user-agents.data" "$dir/lists/"
	jq '.window.gap = "1s" | del(.fixtures)' "$LAB_ROOT/policies/probes/lone-browser-miss.json" \
		>"$dir/probes/lone-browser-miss.json"
	lab_daemon_stop
	lab_daemon_start --policies "$dir" --alerts "$LAB_DIR/session.jsonl" --cgroup "$(lab_cgroup_dir)"
	[ "$(lab_curl "$PROBER" -A "$ua" -o /dev/null -w '%{http_code}' "http://$LAB_SERVER4/pools/default/buckets")" = 404 ]
	lab_curl "$BROWSER" -A "$ua" -o /dev/null "http://$LAB_SERVER4/no-such-page"
	lab_curl "$BROWSER" -A "$ua" -o /dev/null "http://$LAB_SERVER4/"
	# The session ends a gap (1 s) plus the lateness tolerance (10 s) after
	# its request, at the daemon's once-a-second tick.
	wait_for "the prober's session alert" 30 \
		grep -q "\"src_ip\":\"$prober\"" "$LAB_DIR/session.jsonl"
	jq -e --arg ip "$prober" 'select(.src_ip == $ip) | .policy == "lone-browser-miss" and
		.evidence.window == "session" and .evidence.count == 1' "$LAB_DIR/session.jsonl"
	sleep 2 # the browser's session ended in the same tick or the next
	run ! grep -q "\"src_ip\":\"$browser\"" "$LAB_DIR/session.jsonl"
}

# ---- f. sampling pauses the policies that read absence ------------------------

# many_agents IDX N TAG: N requests of / from client IDX over one connection,
# each under a user agent of its own.
many_agents() {
	local src args=() i
	src=$(lab_client4 "$1")
	for ((i = 1; i <= $2; i++)); do
		((i == 1)) || args+=(--next)
		args+=(-s --max-time 5 --interface "$src" -o /dev/null -A "gh-e2e-$3-agent-$i"
			"http://$LAB_SERVER4/")
	done
	lab_in_client curl "${args[@]}"
}

engine_records() {
	lab_gatehawk status --json | jq -e '.daemon.engine.records'
}

@test "sample rate 1/10 pauses the policies that read absence; 1/1 runs them again" {
	local mark before paused
	mark=$(($(wc -c <"$LAB_DIR/daemon.err") + 1))
	run lab_gatehawk tune --sample-rate 10
	[ "$status" -eq 0 ]
	wait_for "the daemon to pause them" 5 \
		eval 'tail -c +"$mark" "$LAB_DIR/daemon.err" | grep -q "sample rate 1/10: .* are paused"'
	paused=$(lab_gatehawk status --json |
		jq -c '[.daemon.engine.policies[] | select(.paused == "sampled") | .name]')
	echo "paused: $paused"
	jq -e 'index("user-agent-rotation") and index("no-browser-followup") and
		(index("login-brute-force") | not) and (index("sqli-probe") | not)' <<<"$paused"

	before=$(engine_records)
	many_agents "$BROWSER" 200 sampled
	wait_for "a tenth of the 200 requests to reach the engine" 5 \
		eval '(( $(engine_records) - before >= 15 ))'
	sleep 1
	run ! grep -q '"policy":"user-agent-rotation"' "$LAB_DIR/alerts.jsonl"

	mark=$(($(wc -c <"$LAB_DIR/daemon.err") + 1))
	run lab_gatehawk tune --sample-rate 1
	[ "$status" -eq 0 ]
	wait_for "the daemon to resume them" 5 \
		eval 'tail -c +"$mark" "$LAB_DIR/daemon.err" | grep -q "sample rate 1/1: .* run again"'
	lab_gatehawk status --json | jq -e '[.daemon.engine.policies[] | select(.paused)] == []'
	many_agents "$BRUTE" 12 rotating
	# It fires on the tenth agent but holds the verdict: its window began at the resume.
	wait_for "user-agent-rotation to count the rotating source and hold its verdict" 5 \
		eval 'lab_gatehawk status --json | jq -e ".daemon.engine.policies[] |
			select(.name == \"user-agent-rotation\") | .matched >= 12 and .suppressed >= 1"'
	run ! grep -q '"policy":"user-agent-rotation"' "$LAB_DIR/alerts.jsonl"
}

@test "run --sample-rate 10 starts with the policies a sample misleads paused" {
	lab_daemon_stop
	lab_daemon_start --policies "$LAB_DIR/policies" --alerts "$LAB_DIR/alerts.jsonl" \
		--cgroup "$(lab_cgroup_dir)" --sample-rate 10
	grep -q 'sample rate 1/10: .* are paused' "$LAB_DIR/daemon.err"
	lab_gatehawk status --json | jq -e '[.daemon.engine.policies[] | select(.paused == "sampled")
		| .name] | index("no-browser-followup") and index("source-behaviour")
		and (index("sqli-probe") | not)'
}

# ---- g. a verdict waits for a rendering ----------------------------------------

@test "unless_rendered live: a typed search CRS flags is not blocked when the source loads the page's parts; it is when nothing renders it" {
	local dir=$LAB_DIR/render-policies page='/?search=%3Cscript%3E' reader prober
	reader=$(lab_client4 "$BROWSER") prober=$(lab_client4 "$PROBER")
	mkdir -p "$dir/crs"
	jq 'del(.fixtures)' "$LAB_ROOT/policies/crs/owasp-crs.json" >"$dir/crs/owasp-crs.json"
	lab_daemon_stop
	lab_daemon_start --policies "$dir" --alerts "$LAB_DIR/render.jsonl" --cgroup "$(lab_cgroup_dir)"
	: >"$LAB_DIR/render.jsonl"
	# A search for <script> (three CRS XSS rules: 15) with no Referer, answered
	# 200: the missing Referer is the only sign, so the verdict waits.
	lab_curl "$BROWSER" -A "$LAB_BROWSER_UA" -o /dev/null "http://$LAB_SERVER4$page"
	lab_curl "$PROBER" -A "$LAB_BROWSER_UA" -o /dev/null "http://$LAB_SERVER4$page"
	# The reader's browser asks for the page's stylesheet, the page as Referer.
	lab_curl "$BROWSER" -A "$LAB_BROWSER_UA" -o /dev/null \
		-H "Referer: http://$LAB_SERVER4$page" "http://$LAB_SERVER4/style.css"
	wait_for "CRS to flag both requests" 5 \
		eval 'lab_gatehawk status --json | jq -e ".daemon.engine.policies[] |
			select(.name == \"owasp-crs\") | .matched >= 2"'
	[ -z "$(blocked_by "$prober")" ] # held: no block yet
	wait_for "the prober's block when its wait ends" 40 \
		eval '[ -n "$(blocked_by "$prober")" ]'
	jq -e --arg ip "$prober" 'select(.src_ip == $ip) | .policy == "owasp-crs" and
		.evidence.crs.corroborated_by == ["no_referer"]' "$LAB_DIR/render.jsonl"
	lab_gatehawk status --json | jq -e '.daemon.engine.policies[] |
		select(.name == "owasp-crs") | .rendered == 1'
	run ! grep -q "\"src_ip\":\"$reader\"" "$LAB_DIR/render.jsonl"
	[ -z "$(blocked_by "$reader")" ]
	[ "$(lab_curl "$BROWSER" -o /dev/null -w '%{http_code}' "http://$LAB_SERVER4/")" = 200 ]
}
