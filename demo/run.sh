#!/usr/bin/env bash
# gatehawk demo, the whole story in about a minute and a half (run as root;
# `make demo` installs the dependencies and builds first):
#
#   1. the gate by hand: a client is blocked with a ttl, dropped, and let
#      through again when the ttl runs out;
#   2. the policies live: nginx in a network namespace, `gatehawk run` with
#      the shipped policies/, a browser-like client browsing the whole time,
#      and attackers from other addresses (a scanner, a login brute force, an
#      XSS prober over IPv6, a credential-stuffing botnet in another /24, a
#      request flood, and one single Confluence exploit probe with a browser's
#      user agent, blocked on that first request), and an API harvester no
#      rule knows, caught by the source-behaviour profile the demo trains
#      first on three days of the site's ordinary traffic (demo/history.py).
#      Alerts and blocks are printed as the daemon writes them; every
#      attacker stops once its connections fail;
#   3. thresholds from this run's history: `gatehawk suggest` on nginx's access
#      log proposes window and rate thresholds; the suggested set, replayed over
#      the same log, must block every attacker and never the browser;
#   4. a summary: who was blocked, by which policy, after how many requests
#      and how many seconds, and the browser-like client's failures (must be 0),
#      then `gatehawk block list` and `gatehawk stats`.
#
# Everything (namespaces, nginx, the daemon, pins, cgroup, files) is removed
# on exit, also on Ctrl-C or failure. Exit status 0 when every attacker was
# blocked and the browser-like client never failed or drew an alert.
set -euo pipefail

DEMO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export LAB_ID=3
# shellcheck source=../tests/lib/lab.bash
source "$DEMO_ROOT/tests/lib/lab.bash"
# shellcheck source=../tests/lib/lab_extra.bash
source "$DEMO_ROOT/tests/lib/lab_extra.bash"

POLICIES=$DEMO_ROOT/policies
DEMO_DIR= # $LAB_DIR/demo, once lab_up has made LAB_DIR (a mktemp -d directory)
ALERTS=   # $DEMO_DIR/alerts.jsonl
DEMO_TIME_LIMIT_S=300 # the watchdog: the demo never runs longer than this
BROWSE_MIN_S=60       # the browser-like client browses at least this long

# Who is who, by client address index (lab_client4/6): the browser and the
# attackers share the lab's /24, so every policy here must block addresses,
# never that /24. The botnet lives in a /24 of its own.
BROWSER_IDX=1
FLOOD_IDX=2
SCANNER_IDX=3
BRUTE_IDX=4
XSS_IDX=5     # over IPv6
VISITOR_IDX=6 # the manual block
EXPLOIT_IDX=7 # one exploit probe, then ordinary requests
HARVEST_IDX=8 # polls the JSON API: caught by the learned profile only
BOTNET_NET=10.78.$LAB_ID
BOTNET_HOSTS=(11 12 13 14 15 16)
ATTACKERS=(scanner brute-force xss-prober credential-stuffing flood exploit-probe api-harvester)
# Caught by a profile policy, whose action is an alert: a learned threshold
# flags what is unusual, and unusual is not proof enough to block.
PROFILE_CAUGHT=(api-harvester)

SCANNER_PATHS=(/.env /.git/config /wp-admin/ /phpmyadmin/ /backup.sql /.aws/credentials
	/server-status /config.php.bak /.htpasswd /id_rsa)
# Percent-encoded, as a browser or a scanner puts them on the wire.
XSS_QUERIES=('q=%3Cscript%3Ealert(1)%3C%2Fscript%3E' 'q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'
	'q=javascript%3Aalert(document.cookie)' 'q=%3Csvg%20onload%3Dalert(1)%3E')

DEMO_START=$(date +%s.%N)
WATCHER_PID=
WATCHDOG_PID=

say() { printf '%s  %s\n' "$(date -u +%T)" "$*"; }
section() { printf '\n=== %s\n' "$*"; }
now() { date +%s.%N; }
elapsed_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

cleanup() {
	local status=$?
	trap - EXIT INT TERM
	[[ -z $DEMO_DIR ]] || touch "$DEMO_DIR/stop" 2>/dev/null || true
	local pid
	for pid in $(jobs -p) $WATCHDOG_PID; do
		stop_job "$pid"
	done
	lab_down_isolated >/dev/null 2>&1 || true
	exit "$status"
}

# curl_from ADDR ARGS...: one curl from a client address of the lab.
curl_from() {
	local src=$1
	shift
	lab_in_client curl -s --max-time 2 --interface "$src" "$@"
}

# The botnet: a /24 the server reaches over the same veth (on-link route).
add_botnet_network() {
	local h
	for h in "${BOTNET_HOSTS[@]}"; do
		ip -n "$LAB_CLIENT_NS" addr add "$BOTNET_NET.$h/24" dev "$LAB_CLIENT_IF"
	done
	ip -n "$LAB_SERVER_NS" route add "$BOTNET_NET.0/24" dev "$LAB_SERVER_IF"
}

setup_lab() {
	[[ $EUID -eq 0 ]] || { echo "demo/run.sh: run as root (network namespaces, BPF)" >&2; exit 2; }
	[[ -x $GATEHAWK ]] || { echo "demo/run.sh: $GATEHAWK missing; run 'make demo'" >&2; exit 2; }
	section "Setting up: nginx in namespace $LAB_SERVER_NS, clients in $LAB_CLIENT_NS"
	lab_up
	lab_add_clients $((LAB_CLIENTS + 1)) "$HARVEST_IDX"
	add_botnet_network
	lab_nginx_start_isolated
	DEMO_DIR=$LAB_DIR/demo
	ALERTS=$DEMO_DIR/alerts.jsonl
	mkdir -p "$DEMO_DIR"
	: >"$ALERTS"
	train_profiles
	lab_daemon_start --policies "$POLICIES" --alerts "$ALERTS" --cgroup "$(lab_cgroup_dir)"
	lab_gatehawk status | sed -n '1,3p'
	say "$(lab_gatehawk status --json | jq '.daemon.engine.policies | length') shipped policies loaded from $POLICIES"
}

# The shipped policies, copied (training writes the models beside them), and
# the profiles trained on the site's history: three generated days of
# ordinary visitors (demo/history.py), as the site's own logs would be.
train_profiles() {
	local p
	cp -R "$DEMO_ROOT/policies" "$DEMO_DIR/policies"
	POLICIES=$DEMO_DIR/policies
	section "Training the profiles on the site's history"
	python3 "$DEMO_ROOT/demo/history.py" --end "$(($(date +%s) - 3600))" >"$DEMO_DIR/history.log"
	say "history: $(wc -l <"$DEMO_DIR/history.log") requests of ordinary visitors over three days"
	for p in source-behaviour endpoint-shape; do
		say "# gatehawk train --policy policies/profiles/$p.json history.log"
		"$GATEHAWK" train --policy "$POLICIES/profiles/$p.json" "$DEMO_DIR/history.log" |
			sed 's/^/          /'
	done
}

# --- part 1: a block by hand ----------------------------------------------

visitor_fetch() {
	curl_from "$(lab_client4 "$VISITOR_IDX")" -o /dev/null -w '%{http_code}' "http://$LAB_SERVER4/" || true
}

demo_manual_block() {
	local ip ttl_s=6 blocked_at
	ip=$(lab_client4 "$VISITOR_IDX")
	section "Part 1: a client blocked by hand, dropped, and released when its ttl runs out"
	say "visitor $ip GET /  -> HTTP $(visitor_fetch)"
	say "# gatehawk block add $ip --ttl ${ttl_s}s --reason 'demo: manual block'"
	lab_gatehawk block add "$ip" --ttl "${ttl_s}s" --reason "demo: manual block"
	blocked_at=$(now)
	say "visitor $ip GET /  -> HTTP $(visitor_fetch)   (000: no answer, its SYNs are dropped at XDP)"
	lab_gatehawk block list | sed 's/^/          /'
	sleep "$(awk -v t="$ttl_s" -v a="$blocked_at" -v b="$(now)" 'BEGIN { d = t + 0.5 - (b - a); print (d > 0 ? d : 0) }')"
	say "after the ${ttl_s}s ttl: visitor GET /  -> HTTP $(visitor_fetch)   (released)"
}

# --- part 2: the daemon at work -------------------------------------------

# Alert lines as the daemon appends them: time, BLOCK/alert, policy, source
# (and who that is), ttl, value against threshold.
watch_alerts() {
	local names
	names=$(address_names_json)
	tail --pid=$$ -n +1 -F "$ALERTS" 2>/dev/null | jq --unbuffered -r --argjson names "$names" '
		def pad(n): tostring | . + (" " * ([n - length, 1] | max));
		def dur: if . >= 86400 and . % 86400 == 0 then "\(. / 86400)d"
			elif . >= 3600 and . % 3600 == 0 then "\(. / 3600)h"
			elif . >= 60 and . % 60 == 0 then "\(. / 60)m" else "\(.)s" end;
		(.evidence.group // .src_ip) as $group
		| "\(.ts | sub("^.*T"; "") | sub("Z$"; ""))  \(if .action == "block" then ">> BLOCK" else "   alert" end)  "
		+ "\(.policy | pad(21))\(.src_ip | pad(16))\(($names[.src_ip] // "?") | pad(20))"
		+ (if .action == "block" then "ttl \(.ttl_s | dur | pad(5))" else "         " end)
		+ "  value \(.value) / threshold \(.threshold)"
		+ (if $group != .src_ip then "  scope \($group)" else "" end)'
}

address_names_json() {
	{
		printf '%s browser\n' "$(lab_client4 "$BROWSER_IDX")"
		printf '%s flood\n' "$(lab_client4 "$FLOOD_IDX")"
		printf '%s scanner\n' "$(lab_client4 "$SCANNER_IDX")"
		printf '%s brute-force\n' "$(lab_client4 "$BRUTE_IDX")"
		printf '%s xss-prober\n' "$(lab_client6 "$XSS_IDX")"
		printf '%s visitor\n' "$(lab_client4 "$VISITOR_IDX")"
		printf '%s exploit-probe\n' "$(lab_client4 "$EXPLOIT_IDX")"
		printf '%s api-harvester\n' "$(lab_client4 "$HARVEST_IDX")"
		printf "$BOTNET_NET.%s credential-stuffing\n" "${BOTNET_HOSTS[@]}"
	} | jq -Rn '[inputs | split(" ") | {(.[0]): .[1]}] | add'
}

# The browser-like client (lab_browse) until the attackers are done, and at
# least BROWSE_MIN_S.
browser() {
	local views
	say "browser     $(lab_client4 "$BROWSER_IDX") starts browsing (page, app.js, site.css, XHR /api/data; cookie jar; pauses)"
	views=$(lab_browse "$BROWSER_IDX" "$DEMO_DIR" "$BROWSE_MIN_S" "$DEMO_TIME_LIMIT_S")
	say "browser     stops after $views page views"
}

# attack NAME MAX_REQUESTS PAUSE STOP_AFTER_FAILURES REQUEST_FN: call
# REQUEST_FN N (prints "SRC HTTP_CODE") until it fails STOP_AFTER_FAILURES
# times in a row (000: no answer) or MAX_REQUESTS were sent. One line per
# request in NAME.log: "epoch src code".
attack() {
	local name=$1 max=$2 pause=$3 stop_after=$4 request_fn=$5 n fails=0 line
	for ((n = 0; n < max; n++)); do
		line="$(now) $("$request_fn" "$n")"
		echo "$line" >>"$DEMO_DIR/$name.log"
		if [[ $line == *' 000' ]]; then
			fails=$((fails + 1))
			((fails < stop_after)) || break
		else
			fails=0
		fi
		sleep "$pause"
	done
	report_attacker_stopped "$name"
}

report_attacker_stopped() {
	local name=$1 answered
	answered=$(awk '$3 != "000"' "$DEMO_DIR/$name.log" | wc -l)
	if grep -q ' 000$' "$DEMO_DIR/$name.log"; then
		say "$(printf '%-11s' "$name") cut off: no answer any more, gives up ($answered requests were answered)"
	else
		say "$(printf '%-11s' "$name") gave up after $answered answered requests, never blocked"
	fi
}

scanner_request() {
	local src path=${SCANNER_PATHS[$(($1 % ${#SCANNER_PATHS[@]}))]}
	src=$(lab_client4 "$SCANNER_IDX")
	echo "$src $(curl_from "$src" -A 'Mozilla/5.0 (compatible; Nmap Scripting Engine)' \
		-o /dev/null -w '%{http_code}' "http://$LAB_SERVER4$path" || true)"
}

brute_force_request() {
	local src
	src=$(lab_client4 "$BRUTE_IDX")
	echo "$src $(curl_from "$src" -A 'python-requests/2.31.0' -o /dev/null -w '%{http_code}' \
		--data "username=admin&password=guess$1" "http://$LAB_SERVER4/login" || true)"
}

xss_request() {
	local src query=${XSS_QUERIES[$(($1 % ${#XSS_QUERIES[@]}))]}
	src=$(lab_client6 "$XSS_IDX")
	echo "$src $(curl_from "$src" -A 'Mozilla/5.0 (compatible; xsstrike)' -o /dev/null \
		-w '%{http_code}' "http://[$LAB_SERVER6]/search?$query" || true)"
}

# One Confluence OGNL injection (CVE-2022-26134) in a browser's clothes, as
# botnets send it: a single request per host. Then the same source asks for
# the home page, which the gate should no longer answer.
EXPLOIT_PATH='/%24%7B%28%23a%3D%40org.apache.commons.io.IOUtils%40toString%28%40java.lang.Runtime%40getRuntime%28%29.exec%28%22id%22%29.getInputStream%28%29%2C%22utf-8%22%29%29%7D/'
exploit_request() {
	local src path=/
	src=$(lab_client4 "$EXPLOIT_IDX")
	(($1 > 0)) || path=$EXPLOIT_PATH
	echo "$src $(curl_from "$src" -A "$LAB_BROWSER_UA" -o /dev/null -w '%{http_code}' \
		"http://$LAB_SERVER4$path" || true)"
}

# The site's JSON API polled as an XHR with a browser's user agent and the
# session cookie: nothing a signature knows, but no page, no asset, one path.
api_harvest_request() {
	local src
	src=$(lab_client4 "$HARVEST_IDX")
	echo "$src $(curl_from "$src" -A "$LAB_BROWSER_UA" -b 'sid=lab' \
		-H 'X-Requested-With: XMLHttpRequest' -H 'Accept: application/json' \
		-o /dev/null -w '%{http_code}' "http://$LAB_SERVER4/api/data" || true)"
}

# Round robin over the botnet's addresses, a different account each time.
credential_stuffing_request() {
	local src=$BOTNET_NET.${BOTNET_HOSTS[$(($1 % ${#BOTNET_HOSTS[@]}))]}
	echo "$src $(curl_from "$src" -A "$LAB_BROWSER_UA" -o /dev/null -w '%{http_code}' \
		--data "email=user$1%40example.com&password=Summer2024%21" "http://$LAB_SERVER4/login" || true)"
}

# The flood: one keep-alive connection, 200 requests a second; --fail-early
# ends curl at the first request that gets no answer within 2 s.
flood() {
	local src started
	src=$(lab_client4 "$FLOOD_IDX")
	started=$(now)
	curl_from "$src" --fail-early --rate 200/s -A 'Go-http-client/1.1' -o /dev/null \
		-w '%{http_code}\n' "http://$LAB_SERVER4/?item=[1-6000]" 2>/dev/null |
		awk -v t="$started" -v s="$src" '{ print t, s, $1 }' >>"$DEMO_DIR/flood.log" || true
	report_attacker_stopped flood
}

ATTACKER_PIDS=()

start_attacker() {
	local name=$1 what=$2
	shift 2
	say "$(printf '%-11s' "$name") starts: $what"
	"$@" &
	ATTACKER_PIDS+=($!)
}

# stop_job PID: a background job and the commands it runs (a pipeline's
# members are its children).
stop_job() {
	pkill -P "$1" 2>/dev/null || true
	kill "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}

demo_live() {
	section "Part 2: the daemon with the shipped policies; a browser-like client and seven attackers"
	echo "time (UTC)    action    policy               source          who                 ttl"
	watch_alerts &
	WATCHER_PID=$!
	browser &
	local browser_pid=$!
	sleep 4
	start_attacker scanner "probes $(lab_client4 "$SCANNER_IDX") -> ${SCANNER_PATHS[*]:0:4} ..." \
		attack scanner 30 0.3 1 scanner_request
	sleep 5
	start_attacker brute-force "$(lab_client4 "$BRUTE_IDX") POSTs passwords to /login (401)" \
		attack brute-force 60 0.1 1 brute_force_request
	sleep 5
	start_attacker xss-prober "$(lab_client6 "$XSS_IDX") sends <script>, onerror=, javascript: in queries" \
		attack xss-prober 20 0.5 1 xss_request
	sleep 5
	start_attacker credential-stuffing "${#BOTNET_HOSTS[@]} addresses of $BOTNET_NET.0/24 POST leaked logins to /login" \
		attack credential-stuffing 120 0.05 3 credential_stuffing_request
	sleep 6
	start_attacker flood "$(lab_client4 "$FLOOD_IDX") floods / at 200 requests a second" flood

	start_attacker api-harvester "$(lab_client4 "$HARVEST_IDX") polls /api/data as XHR 5 times a second, nothing else" \
		attack api-harvester 60 0.2 1 api_harvest_request
	start_attacker exploit-probe "$(lab_client4 "$EXPLOIT_IDX") sends ONE Confluence OGNL probe (CVE-2022-26134), then asks for /" \
		attack exploit-probe 20 0.3 1 exploit_request
	local pid
	for pid in "${ATTACKER_PIDS[@]}"; do
		wait "$pid" || true
	done
	touch "$DEMO_DIR/stop"
	wait "$browser_pid" || true
	sleep 1 # the last alert lines
	stop_job "$WATCHER_PID"
}

# --- part 3: thresholds suggested from this run's history --------------------

# suggest on nginx's access log of parts 1 and 2; the suggested values (only the
# rule policies: profiles learn their own) replayed over the same log.
demo_suggest() {
	local tuned=$DEMO_DIR/tuned name srcs policy
	section "Part 3: thresholds suggested from this run's access log ($(wc -l <"$LAB_DIR/access.log") lines)"
	say "# gatehawk suggest --policies policies --write tuned access.log"
	# The conditions the history says something about: changed, or kept with a reason.
	"$GATEHAWK" suggest --policies "$POLICIES" --write "$DEMO_DIR/suggested" "$LAB_DIR/access.log" \
		2>/dev/null | awk '/^[a-z0-9-]+ \(/ { pol = $1 }
			/^    (suggest|keep) / && !/no record reached/ { print "          " pol ": " substr($0, 5) }' |
		cut -c1-150
	cp -R "$POLICIES" "$tuned"
	[[ ! -d $DEMO_DIR/suggested ]] || cp -R "$DEMO_DIR/suggested/." "$tuned/"
	rm -rf "$tuned/profiles"
	"$GATEHAWK" replay --policies "$tuned" "$LAB_DIR/access.log" >"$DEMO_DIR/tuned.jsonl" 2>/dev/null
	for name in "${ATTACKERS[@]}"; do
		[[ " ${PROFILE_CAUGHT[*]} " == *" $name "* ]] && continue
		srcs=$(awk '{ print $2 }' "$DEMO_DIR/$name.log" | sort -u | jq -Rsc 'split("\n") | map(select(length > 0))')
		policy=$(jq -rs --argjson s "$srcs" '[.[] | select(.action == "block" and (.src_ip | IN($s[]))) | .policy] | unique | join(",")' "$DEMO_DIR/tuned.jsonl")
		say "$(printf '%-20s' "$name") with the suggested thresholds: ${policy:-NOT BLOCKED}"
		[[ -n $policy ]] || SUMMARY_OK=0
	done
	policy=$(jq -rs --arg ip "$(lab_client4 "$BROWSER_IDX")" '[.[] | select(.action == "block" and .src_ip == $ip) | .policy] | unique | join(",")' "$DEMO_DIR/tuned.jsonl")
	say "$(printf '%-20s' browser) with the suggested thresholds: ${policy:-never blocked}"
	[[ -z $policy ]] || SUMMARY_OK=0
}

# --- part 4: the summary ---------------------------------------------------

# The first block alert for any of the attacker's addresses as
# "policy epoch scope", or nothing.
first_block_of() {
	local srcs_json=$1
	jq -rs --argjson srcs "$srcs_json" '
		def epoch: (sub("\\.[0-9]+Z$"; "Z") | fromdateiso8601)
			+ ((capture("\\.(?<f>[0-9]+)Z$").f // "0") | "0." + . | tonumber);
		[.[] | select(.action == "block" and (.src_ip | IN($srcs[])))] | first
		| select(. != null) | "\(.policy) \(.ts | epoch) \(.evidence.group // .src_ip)"' "$ALERTS"
}

SUMMARY_OK=1

# The policies that alerted on the attacker's addresses, one per line.
policies_on() {
	jq -rs --argjson srcs "$1" '[.[] | select(.src_ip | IN($srcs[])) | .policy] | unique[]' "$ALERTS"
}

summarize_attacker() {
	local name=$1 log=$DEMO_DIR/$1.log srcs first sent answered block policy at scope
	if [[ ! -s $log ]]; then
		printf '  %-20s %s\n' "$name" "sent nothing"
		SUMMARY_OK=0
		return
	fi
	srcs=$(awk '{ print $2 }' "$log" | sort -u | jq -Rsc 'split("\n") | map(select(length > 0))')
	first=$(head -1 "$log" | awk '{ print $1 }')
	sent=$(wc -l <"$log")
	answered=$(awk '$3 != "000"' "$log" | wc -l)
	if [[ " ${PROFILE_CAUGHT[*]} " == *" $name "* ]]; then
		# Alerted by the source-behaviour profile and by no rule.
		policy=$(policies_on "$srcs" | paste -sd, -)
		printf '  %-20s %-22s %-20s %9s %9s  %s\n' "$name" "$(jq -r 'join(",")' <<<"$srcs")" \
			"${policy:-NOT CAUGHT} (alert)" "$answered" "-" "$sent"
		[[ $policy == source-behaviour ]] || SUMMARY_OK=0
		return
	fi
	block=$(first_block_of "$srcs")
	if [[ -z $block ]]; then
		printf '  %-20s %-22s %-20s %9s %9s  %s\n' "$name" "$(jq -r 'join(",")' <<<"$srcs")" \
			"NOT BLOCKED" "$answered" "-" "-"
		SUMMARY_OK=0
		return
	fi
	read -r policy at scope <<<"$block"
	printf '  %-20s %-22s %-20s %9s %8ss  %s\n' "$name" "$scope" "$policy" "$answered" \
		"$(awk -v a="$first" -v b="$at" 'BEGIN { printf "%.1f", b - a }')" "$sent"
}

summarize_browser() {
	local log=$DEMO_DIR/browser.log total failed alerts
	total=$(wc -l <"$log")
	failed=$(lab_browser_failures "$DEMO_DIR" | wc -l)
	alerts=$(jq -s --arg ip "$(lab_client4 "$BROWSER_IDX")" '[.[] | select(.src_ip == $ip)] | length' "$ALERTS")
	echo
	echo "  browser-like client $(lab_client4 "$BROWSER_IDX"): $total requests, $failed failed, $alerts alerts on it"
	((total > 0 && failed == 0 && alerts == 0)) || SUMMARY_OK=0
	if ((failed > 0)); then
		lab_browser_failures "$DEMO_DIR" | head -5 | sed 's/^/    failed: /'
	fi
}

demo_summary() {
	section "Summary"
	printf '  %-20s %-22s %-20s %9s %9s  %s\n' ATTACKER "BLOCKED (SCOPE)" POLICY ANSWERED "TO BLOCK" "SENT"
	local name
	for name in "${ATTACKERS[@]}"; do
		summarize_attacker "$name"
	done
	echo "  (ANSWERED: requests answered before the block; TO BLOCK: first request -> block"
	echo "   alert; SENT includes the attempts that found the gate closed)"
	summarize_browser

	section "gatehawk block list"
	lab_gatehawk block list || true
	section "gatehawk stats (the per-policy counters as a table below)"
	lab_gatehawk stats | grep -v '^daemon\.engine\.policies\.' || true
	echo
	lab_gatehawk status --json | jq -r '
		"  POLICY (\(.daemon.engine.policies | length) loaded; those that matched)  MATCHED  ALERTS  BLOCKS",
		(.daemon.engine.policies[] | select(.matched > 0) | "  \(.name + (" " * (32 - (.name | length))))"
			+ " \(.matched | tostring | " " * (7 - length) + .)"
			+ " \(.alerts | tostring | " " * (7 - length) + .)"
			+ " \(.blocks | tostring | " " * (7 - length) + .)")' || true
	echo
	if ((SUMMARY_OK)); then
		echo "Demo OK: every attacker was blocked (the API harvester, which no rule knows, alerted by"
		echo "the learned source-behaviour profile alone); the browser-like client never failed."
	else
		echo "Demo FAILED: see the summary above." >&2
	fi
	echo "(demo took $(elapsed_since "$DEMO_START") s; cleaning up)"
}

main() {
	trap cleanup EXIT
	trap 'exit 130' INT TERM
	# The watchdog: a stuck step cannot keep the demo (and its namespaces) around.
	# (its stderr is dropped: bash would report the sleep killed at the end)
	(sleep "$DEMO_TIME_LIMIT_S" && kill -TERM $$) 2>/dev/null &
	WATCHDOG_PID=$!
	disown "$WATCHDOG_PID" # no "Terminated" notice when it is stopped
	setup_lab
	demo_manual_block
	demo_live
	demo_suggest
	demo_summary
	((SUMMARY_OK))
}

main "$@"
