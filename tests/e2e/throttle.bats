#!/usr/bin/env bats
# Issue 14.2 end to end: throttle, then block. Lab 10 (tests/lib/lab.bash):
# server 10.77.10.1 / fd77:10::1 behind gh10s0, clients .2-.5 / ::2-::5
# (index 1-4), real nginx and curl; nginx sits in a cgroup of its own
# (lab_extra.bash) so a daemon's sensor counts this lab's connections only.
#
#   a. a client opening new connections as fast as it can for 5 s while
#      throttled to 10/s gets 10 +- 1 requests a second into nginx's access
#      log; an unthrottled client meanwhile is served every time;
#   b. the daemon with a rate policy on handshake-verified connections that
#      throttles a flooding client, then blocks it at its 3rd offense; its
#      --metrics show the throttle in force and the drops by reason;
#   c. the CLI and bpftool show the throttle by name: block list, throttle
#      list, the map's bucket fields; protected and malformed input refused.
#
# setup() gives each test fresh pins (no gatehawk, no gate) and a running
# nginx, so any one test runs alone (bats -f); teardown_file removes the lab.

# shellcheck disable=SC2034 # read by lab.bash
LAB_ID=10
load ../lib/lab
load ../lib/lab_extra
load assert

FLOODER=1
BYSTANDER=2
OFFENDER=3
METRICS=127.0.0.1:9466

setup_file() {
	lab_up
	lab_use_private_binary # immune to a concurrent rebuild of build/gatehawk
	lab_nginx_start_isolated
}

teardown_file() {
	lab_down_isolated
}

setup() {
	lab_gatehawk_reset
	lab_nginx_running || lab_nginx_start_isolated
	: >"$LAB_DIR/access.log"
}

teardown() {
	flood_stop
}

# ---- helpers ---------------------------------------------------------------

gate_up() {
	lab_server_gatehawk attach --iface "$LAB_SERVER_IF" --xdp-mode native >/dev/null
}

# flood_start IDX SECONDS: client IDX opens new connections as fast as it
# can for SECONDS: 10 curl processes, each with 10 transfers at a time and a
# new connection per request (Connection: close). An attempt whose SYN is
# dropped is given up after 0.3 s and the next one starts, so one curl's
# SYNs come in waves 0.3 s apart; the processes start 30 ms apart, so
# together they send SYNs every 30 ms or so (about 330 a second), however
# few are let through. Each is a simple command (nsenter execs timeout), so
# its pid is the one to signal.
FLOOD_PIDS=()
flood_start() {
	local i
	for ((i = 0; i < 10; i++)); do
		nsenter --net="/run/netns/$LAB_CLIENT_NS" timeout "$2" curl -s --parallel \
			--parallel-immediate --parallel-max 10 --connect-timeout 0.3 \
			--interface "$(lab_client4 "$1")" -H 'Connection: close' \
			"http://$LAB_SERVER4/?[1-1000000]" >/dev/null 2>&1 3>&- &
		FLOOD_PIDS+=($!)
		sleep 0.03
	done
}

flood_wait() {
	local pid
	for pid in "${FLOOD_PIDS[@]}"; do wait "$pid" || true; done
	FLOOD_PIDS=()
}

flood_stop() {
	local pid
	for pid in "${FLOOD_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	flood_wait
}

# per_second ADDR: requests from ADDR in nginx's access log, one count per
# second of $time_local, in the order the seconds first appear.
per_second() {
	awk -v a="$1" '$1 == a { t = substr($4, 2); if (!(t in n)) order[k++] = t; n[t]++ }
		END { for (i = 0; i < k; i++) print n[order[i]] }' "$LAB_DIR/access.log"
}

# throttled_by_policy ADDR POLICY RATE: the daemon's throttle of ADDR is listed.
throttled_by_policy() {
	lab_gatehawk throttle list --json | jq -e --arg c "$1" --arg p "$2" --argjson r "$3" \
		'.[] | select(.cidr == $c and .auto and .reason == $p and .conns.per_s == $r)' \
		>/dev/null
}

# blocked_by_policy ADDR POLICY
blocked_by_policy() {
	lab_gatehawk block list --json | jq -e --arg c "$1" --arg p "$2" \
		'.[] | select(.cidr == $c and .action == "block" and .reason == $p and
			(.fleet | not))' >/dev/null
}

# metric_at_least SAMPLE MIN: the scrape in $output has SAMPLE at MIN or more.
metric_at_least() {
	awk -v s="$1" -v min="$2" '$1 == s && $2 >= min { found = 1 } END { exit !found }' \
		<<<"$output"
}

# verdicts_of POLICY N: the alert file has at least N verdicts of POLICY.
verdicts_of() {
	jq -se --arg p "$1" --argjson n "$2" 'map(select(.policy == $p)) | length >= $n' \
		"$LAB_DIR/alerts.jsonl" >/dev/null
}

# ---- a. 10 new connections a second ------------------------------------------

@test "throttled to 10 new connections/s, a client flooding with curl for 5 s gets 10 +- 1 a second" {
	local flooder counts n bystander_ok=0 i
	flooder=$(lab_client4 "$FLOODER")
	gate_up
	# Burst 2: a client that stalls a moment (a busy machine) saves at most
	# one token for later, so no second gets more than the rate and one.
	run lab_server_gatehawk throttle add "$flooder" --conns-per-s 10 --conn-burst 2 --ttl 10m \
		--reason e2e
	expect_status 0

	flood_start "$FLOODER" 5
	for ((i = 0; i < 5; i++)); do
		[[ $(lab_curl "$BYSTANDER" -o /dev/null -w '%{http_code}' "http://$LAB_SERVER4/") == 200 ]] &&
			bystander_ok=$((bystander_ok + 1))
		sleep 0.5
	done
	flood_wait

	mapfile -t counts < <(per_second "$flooder")
	echo "# requests served per second of the access log: ${counts[*]}" >&3
	# 5 s span at least 5 seconds of the log; the first and last are partial.
	((${#counts[@]} >= 5))
	for n in "${counts[@]:1:${#counts[@]}-2}"; do
		((n >= 9 && n <= 11))
	done
	((bystander_ok == 5))
	run lab_gatehawk throttle list --json
	jq -e --arg c "$flooder" '.[] | select(.cidr == $c) |
		.conns.per_s == 10 and .conns.dropped > 100 and .hits == .conns.dropped' \
		<<<"$output" >/dev/null
	(($(lab_gatehawk stats --json | jq .gate.throttled) > 100))
}

# ---- b. throttle, then block ---------------------------------------------------

@test "the daemon throttles a client opening too many connections, then blocks it at its 3rd offense" {
	local offender alerts=$LAB_DIR/alerts.jsonl
	offender=$(lab_client4 "$OFFENDER")
	mkdir -p "$LAB_DIR/throttle-policies"
	cat >"$LAB_DIR/throttle-policies/conn-flood.json" <<'EOF'
{
  "name": "conn-flood",
  "description": "More than 3 verified connections a second: throttled to 5 a second, blocked at the third offense.",
  "kind": "rate",
  "metric": "conns",
  "per_second": 3,
  "over": "2s",
  "action": {"type": "throttle", "rate": {"conns_per_s": 5}, "ttl": "10m", "block_after": 3,
             "cooldown": "0s"}
}
EOF
	rm -f "$alerts"
	lab_daemon_start --policies "$LAB_DIR/throttle-policies" --alerts "$alerts" \
		--cgroup "$(lab_cgroup_dir)" --metrics "$METRICS"

	flood_start "$OFFENDER" 20
	lab_wait "the daemon's throttle of $offender" 100 throttled_by_policy "$offender" conn-flood 5
	lab_wait "the third offense" 150 verdicts_of conn-flood 3
	lab_wait "the daemon's block of $offender" 30 blocked_by_policy "$offender" conn-flood
	flood_stop

	run jq -sc '[.[] | select(.policy == "conn-flood") | [.action, .evidence.offense]] | .[:3]' "$alerts"
	echo "first three verdicts: $output"
	[[ $output == '[["throttle",1],["throttle",2],["block",3]]' ]]
	run jq -se --arg ip "$offender" 'map(select(.policy == "conn-flood"))[0] |
		.src_ip == $ip and .evidence.throttle.conns_per_s == 5 and .ttl_s == 600' "$alerts"
	expect_status 0
	# Blocked now: not one more connection.
	run lab_curl "$OFFENDER" --max-time 1 -o /dev/null "http://$LAB_SERVER4/"
	((status != 0))
	[[ $(lab_curl "$BYSTANDER" -o /dev/null -w '%{http_code}' "http://$LAB_SERVER4/") == 200 ]]

	# The metrics say so: the throttle in force, the drops it made, the policy's throttles.
	run lab_in_server curl -s --max-time 2 "http://$METRICS/metrics"
	expect_status 0
	[[ $output == *$'\ngatehawk_throttle_entries{origin="automatic"} 1\n'* ]]
	metric_at_least 'gatehawk_xdp_packets_total{verdict="drop",reason="throttle"}' 1
	metric_at_least gatehawk_throttles_total 1
	metric_at_least 'gatehawk_xdp_packets_total{verdict="drop",reason="block"}' 1
	lab_daemon_stop
}

# ---- c. what the CLI and bpftool show ------------------------------------------

@test "throttle add/list/del, block list and bpftool show a throttle's rate and bucket by name" {
	local c4
	c4=$(lab_client4 "$FLOODER")
	gate_up
	run lab_server_gatehawk throttle add "$c4" --conns-per-s 10 --conn-burst 20 --ttl 10m \
		--reason crawler
	expect_status 0
	run lab_server_gatehawk throttle add 2001:db8:10::/64 --packets-per-s 1000
	expect_status 0

	run lab_gatehawk block list
	expect_status 0
	[[ $output == *"$c4"*"throttled: conns 10/s (burst 20), packets -; crawler"* ]]
	run lab_gatehawk block list --json
	jq -e --arg c "$c4" '.[] | select(.cidr == $c) | .action == "throttle" and
		.expires_in_s > 590 and .conns == {"per_s": 10, "burst": 20, "tokens": 20,
		"passed": 0, "dropped": 0} and .packets == null' <<<"$output" >/dev/null
	run lab_gatehawk throttle list --json
	jq -e '.[] | select(.cidr == "2001:db8:10::/64") | .packets.per_s == 1000 and
		.expires_in_s == null' <<<"$output" >/dev/null

	run lab_in_server bpftool -j map dump pinned "$LAB_PIN_DIR/throttle_host4"
	expect_status 0
	jq -e '.[0].formatted.value | .conns.per_s == 10 and .conns.burst == 20 and
		.conns.interval_ns == 100000000 and .conns.burst_ns == 2000000000 and
		(.conns | has("tat_ns")) and .entry.prefixlen == 32 and .packets.interval_ns == 0' \
		<<<"$output" >/dev/null

	# The client's IPv6 address is not in its IPv4 address's throttle: served.
	[[ $(lab_curl "$FLOODER" -o /dev/null -w '%{http_code}' "http://[$LAB_SERVER6]/") == 200 ]]

	run lab_server_gatehawk throttle add "$LAB_SERVER4" --conns-per-s 1
	expect_status 2
	[[ $output == *"which is protected; use --force to throttle it anyway"* ]]
	run lab_server_gatehawk throttle add "$c4" --conn-burst 3
	expect_status 2
	run lab_server_gatehawk throttle del "$c4"
	expect_status 0
	run lab_gatehawk throttle list --json
	[[ $(jq length <<<"$output") == 1 ]]
}
