#!/usr/bin/env bats
# Issue 15, findings 1 and 10, end to end in lab 9 (tests/lib/lab.bash):
# server 10.77.9.1 behind gh9s0, clients .2-.7 (index 1-6).
#
#   1. Spoofed SYNs must not choose who gets blocked: SYN counters only
#      alert; a handshake-verified flood from the server's gateway (client 4,
#      its default route), its resolver (client 3, the nameserver of the
#      daemon's /etc/resolv.conf, bind-mounted in a mount namespace of its
#      own) or a --protect address (client 2) is not blocked, from anyone
#      else (client 1) it is; a full block map evicts the automatic block
#      ending soonest, never a manual one (expired entries, evicted first,
#      are left to tests/unit/test_enforcer.c: the daemon's GC races them).
#  10. A pinned XDP link whose interface was deleted and re-created is
#      reported defunct by status, and attach or run re-creates it with every
#      block kept.
#
# The sensor sits on nginx's own cgroup (lab_extra.bash): other labs' traffic
# never reaches this daemon. Every test starts from no gatehawk on the lab's
# pins (setup) and runs alone (bats -f); teardown_file removes everything.

bats_require_minimum_version 1.5.0
# shellcheck disable=SC2034 # read by lab.bash
LAB_ID=9
load ../lib/lab
load ../lib/lab_extra
load assert

UNPROTECTED=1
CRAWLER=2 # run --protect
RESOLVER=3
GATEWAY=4
SPARE1=5 # unprotected, like client 1 (lab_add_clients)
SPARE2=6

setup_file() {
	lab_up
	lab_use_private_binary
	lab_add_clients $SPARE1 $SPARE2
	lab_nginx_start_isolated
	ip -n "$LAB_SERVER_NS" route add default via "$(lab_client4 $GATEWAY)"
}

teardown_file() {
	lab_down_isolated
}

setup() {
	lab_gatehawk_reset
	lab_veth_present || recreate_veth
	lab_nginx_running || lab_nginx_start_isolated
	rm -rf "$LAB_DIR/policies" "$LAB_DIR/alerts.jsonl"
	mkdir -p "$LAB_DIR/policies"
	cp "$LAB_ROOT/policies/syn-flood.json" "$LAB_ROOT/policies/request-flood.json" \
		"$LAB_DIR/policies/"
	printf '# written by gate_hardening.bats\nnameserver %s\n' "$(lab_client4 $RESOLVER)" \
		>"$LAB_DIR/resolv.conf"
}

# ---- helpers ---------------------------------------------------------------

lab_veth_present() { ip -n "$LAB_SERVER_NS" link show "$LAB_SERVER_IF" >/dev/null 2>&1; }

# daemon_start [run options...]: lab_daemon_start, but with the lab's
# resolv.conf over /etc/resolv.conf in a mount namespace of the daemon's own.
# nsenter, unshare and sh all exec: $! is the daemon's pid.
# shellcheck disable=SC2016 # sh expands $1 and $@, not us
daemon_start() {
	nsenter --net="/run/netns/$LAB_SERVER_NS" unshare --mount --propagation private \
		sh -c 'mount --bind "$1" /etc/resolv.conf && shift && exec "$@"' sh \
		"$LAB_DIR/resolv.conf" "$GATEHAWK" run --iface "$LAB_SERVER_IF" \
		--pin-dir "$LAB_PIN_DIR" --cgroup "$(lab_cgroup_dir)" \
		--policies "$LAB_DIR/policies" --alerts "$LAB_DIR/alerts.jsonl" "$@" \
		>"$LAB_DIR/daemon.out" 2>"$LAB_DIR/daemon.err" 3>&- &
	LAB_DAEMON_PID=$!
	echo "$LAB_DAEMON_PID" >"$LAB_DIR/daemon.pid"
	lab_wait "gatehawk run is up" 100 lab_daemon_ready
}

# spoof_syns SRC COUNT SECONDS [spoof_tcp.py options]: SYNs "from" SRC to
# the server's port 80, sent from the client namespace.
spoof_syns() {
	lab_in_client python3 "$LAB_ROOT/tests/lib/spoof_tcp.py" --src "$1" --dst "$LAB_SERVER4" \
		--count "$2" --seconds "$3" "${@:4}" >/dev/null
}

# syn_flood SRC: one SYN (the daemon's first sample of a source is its
# baseline), then 1,500 in 2 s: 750/s, over syn-flood's 200/s for 5 s.
syn_flood() {
	spoof_syns "$1" 1 0 && sleep 1.5 && spoof_syns "$1" 1500 2
}

# request_flood IDX: one request, then 400 on one connection (request-flood
# fires above 250 in 5 s); real handshakes from client IDX.
request_flood() {
	lab_curl "$1" -o /dev/null "http://$LAB_SERVER4/" || true
	sleep 1.5
	lab_curl "$1" --max-time 10 "http://$LAB_SERVER4/?[1-400]" >/dev/null || true
}

# alert_of POLICY SRC: the policy's first alert about SRC ("null": none yet).
alert_of() {
	jq -sc --arg p "$1" --arg s "$2" \
		'[.[] | select(.policy == $p and .src_ip == $s)] | .[0]' "$LAB_DIR/alerts.jsonl" \
		2>/dev/null || echo null
}

has_alert() { [[ $(alert_of "$1" "$2") != null ]]; }

# wait_alerts POLICY SRC...: each SRC has an alert of POLICY within 15 s.
wait_alerts() {
	local p=$1 s
	shift
	for s in "$@"; do
		lab_wait "$p alert for $s" 150 has_alert "$p" "$s" || return 1
	done
}

blocks_json() { lab_gatehawk block list --json; }
blocked() { blocks_json | jq -e --arg c "$1" 'any(.[]; .cidr == $c or .cidr == ($c + "/32"))' >/dev/null; }
enforcer_stat() { lab_gatehawk status --json | jq -r ".daemon.enforcer.$1"; }

# http_ok IDX: client IDX gets an answer from nginx.
http_ok() { lab_curl "$1" --max-time 1 -o /dev/null "http://$LAB_SERVER4/"; }

# The server's veth pair as lab_up makes it, after it was deleted.
recreate_veth() {
	local i
	ip -n "$LAB_SERVER_NS" link del "$LAB_SERVER_IF" 2>/dev/null || true
	ip link add "$LAB_SERVER_IF" type veth peer name "$LAB_CLIENT_IF"
	ip link set "$LAB_SERVER_IF" netns "$LAB_SERVER_NS"
	ip link set "$LAB_CLIENT_IF" netns "$LAB_CLIENT_NS"
	ip -n "$LAB_SERVER_NS" addr add "$LAB_SERVER4/24" dev "$LAB_SERVER_IF"
	ip -n "$LAB_SERVER_NS" addr add "$LAB_SERVER6/64" dev "$LAB_SERVER_IF" nodad
	for ((i = 1; i <= SPARE2; i++)); do
		ip -n "$LAB_CLIENT_NS" addr add "$(lab_client4 "$i")/24" dev "$LAB_CLIENT_IF"
		ip -n "$LAB_CLIENT_NS" addr add "$(lab_client6 "$i")/64" dev "$LAB_CLIENT_IF" nodad
	done
	ip -n "$LAB_SERVER_NS" link set "$LAB_SERVER_IF" up
	ip -n "$LAB_CLIENT_NS" link set "$LAB_CLIENT_IF" up
	ip -n "$LAB_SERVER_NS" route replace default via "$(lab_client4 $GATEWAY)"
	lab_wait "the new veth carries traffic" 50 http_ok "$UNPROTECTED"
}

# ---- finding 1: spoofed SYNs ------------------------------------------------

@test "policies: a block on syns or packets is refused at load; syn-flood alerts and its fixtures pass" {
	local d=$LAB_DIR/bad-policies
	mkdir -p "$d"
	jq '.action = {"type": "block", "ttl": "10m"}' "$LAB_ROOT/policies/syn-flood.json" \
		>"$d/syn-block.json"
	run "$GATEHAWK" policy check "$d"
	expect_status 2
	[[ $output == *"syn-block.json: action.type: block needs handshake-verified evidence: syns counts frames seen before any handshake"*"use alert"* ]]
	jq -e '.action.type == "alert"' "$LAB_ROOT/policies/syn-flood.json"
	run "$GATEHAWK" policy test --strict "$LAB_ROOT/policies"
	expect_status 0
}

@test "spoofed SYN floods naming the gateway, the resolver and a crawler: alerts, nothing blocked" {
	local src crawler=198.51.100.7 a pids
	daemon_start --protect "$(lab_client4 $CRAWLER)"
	syn_flood "$(lab_client4 $GATEWAY)" &
	pids=($!)
	syn_flood "$(lab_client4 $RESOLVER)" &
	pids+=($!)
	syn_flood "$crawler" &
	pids+=($!)
	wait "${pids[@]}" # not the daemon
	wait_alerts syn-flood "$(lab_client4 $GATEWAY)" "$(lab_client4 $RESOLVER)" "$crawler"
	for src in "$(lab_client4 $GATEWAY)" "$(lab_client4 $RESOLVER)" "$crawler"; do
		a=$(alert_of syn-flood "$src")
		echo "$a" >&2
		jq -e '.action == "alert" and .ttl_s == 0 and .evidence.metric == "syns" and
			.evidence.count > 1000' <<<"$a"
	done
	[[ $(blocks_json | jq length) == 0 ]]
	[[ $(enforcer_stat blocks) == 0 ]]
	http_ok "$GATEWAY"
	http_ok "$RESOLVER"
}

@test "a verified request flood blocks client 1 but not the gateway, the resolver or a --protect address" {
	local i pids=()
	daemon_start --protect "$(lab_client4 $CRAWLER)"
	for i in $UNPROTECTED $CRAWLER $RESOLVER $GATEWAY; do
		request_flood "$i" &
		pids+=($!)
	done
	wait "${pids[@]}" # not the daemon
	wait_alerts request-flood "$(lab_client4 $UNPROTECTED)" "$(lab_client4 $CRAWLER)" \
		"$(lab_client4 $RESOLVER)" "$(lab_client4 $GATEWAY)"
	jq -e '.action == "block"' <<<"$(alert_of request-flood "$(lab_client4 $UNPROTECTED)")"
	blocked "$(lab_client4 $UNPROTECTED)"
	run ! http_ok "$UNPROTECTED"
	jq -e --arg w "protected: --protect $(lab_client4 $CRAWLER)" \
		'.action == "alert" and .evidence.not_blocked == $w' \
		<<<"$(alert_of request-flood "$(lab_client4 $CRAWLER)")"
	jq -e --arg w "protected: resolver $(lab_client4 $RESOLVER)" \
		'.action == "alert" and .evidence.not_blocked == $w' \
		<<<"$(alert_of request-flood "$(lab_client4 $RESOLVER)")"
	jq -e --arg w "protected: gateway $(lab_client4 $GATEWAY)" \
		'.action == "alert" and .evidence.not_blocked == $w' \
		<<<"$(alert_of request-flood "$(lab_client4 $GATEWAY)")"
	[[ $(blocks_json | jq length) == 1 ]]
	[[ $(enforcer_stat spared_protected) == 3 ]]
	for i in $CRAWLER $RESOLVER $GATEWAY; do
		http_ok "$i"
	done
}

@test "a full block map (--max-blocks 16): the automatic block ending soonest is evicted, never a manual one" {
	local i
	# 15 manual blocks: one entry left in the IPv4 host map.
	for ((i = 1; i <= 15; i++)); do
		lab_server_gatehawk block add "192.0.2.$i" --reason manual-keep --max-blocks 16
	done
	daemon_start
	request_flood $UNPROTECTED
	wait_alerts request-flood "$(lab_client4 $UNPROTECTED)"
	jq -e '.action == "block" and .evidence.evicted == null' \
		<<<"$(alert_of request-flood "$(lab_client4 $UNPROTECTED)")"
	blocked "$(lab_client4 $UNPROTECTED)"
	run lab_server_gatehawk block add 192.0.2.16
	expect_status 1
	[[ $output == *"full (16 entries per map)"* ]]
	# Full: the next block evicts client 1's (the only automatic one, ending first).
	request_flood $SPARE1
	wait_alerts request-flood "$(lab_client4 $SPARE1)"
	jq -e --arg e "$(lab_client4 $UNPROTECTED)" '.action == "block" and .evidence.evicted == $e' \
		<<<"$(alert_of request-flood "$(lab_client4 $SPARE1)")"
	blocked "$(lab_client4 $SPARE1)"
	run ! blocked "$(lab_client4 $UNPROTECTED)"
	http_ok "$UNPROTECTED"
	run ! http_ok "$SPARE1"
	[[ $(enforcer_stat evicted_automatic) == 1 ]]
	[[ $(blocks_json | jq '[.[] | select(.reason == "manual-keep")] | length') == 15 ]]
	# Only manual blocks left: a verdict is refused and counted, they all stay.
	lab_server_gatehawk block del "$(lab_client4 $SPARE1)"
	lab_server_gatehawk block add 192.0.2.16 --reason manual-keep
	request_flood $SPARE2
	wait_alerts request-flood "$(lab_client4 $SPARE2)"
	jq -e '.action == "alert" and
		.evidence.not_blocked == "the block map is full of manual and longer blocks"' \
		<<<"$(alert_of request-flood "$(lab_client4 $SPARE2)")"
	[[ $(enforcer_stat block_errors) == 1 ]]
	[[ $(blocks_json | jq '[.[] | select(.reason == "manual-keep")] | length') == 16 ]]
	http_ok "$SPARE2"
}

# Needs the sensor to count nothing on a listening socket (bpf/sock_http.bpf.c):
# a segment there comes before any handshake.
@test "spoofed request segments with no handshake count no request and block no one" {
	local src=198.51.100.8
	daemon_start
	spoof_syns "$src" 1 0 --request /
	sleep 1.5
	spoof_syns "$src" 1000 2 --request /
	request_flood $UNPROTECTED # a real one, to know when the daemon has looked
	wait_alerts request-flood "$(lab_client4 $UNPROTECTED)"
	lab_gatehawk sources --json | jq -c --arg s "$src" '.[] | select(.src_ip == $s)' >&2
	lab_gatehawk sources --json | jq -e --arg s "$src" \
		'any(.[]; .src_ip == $s and .packets >= 500 and .requests == 0 and .request_bytes == 0)'
	[[ $(alert_of request-flood "$src") == null ]]
	run ! blocked "$src"
}

# ---- finding 10: defunct XDP link ------------------------------------------

# defunct_setup: the gate on the veth with client 1 blocked, then the veth
# deleted and re-created under the same name: the pinned link is defunct.
defunct_setup() {
	lab_server_gatehawk attach --iface "$LAB_SERVER_IF" --xdp-mode native
	lab_server_gatehawk block add "$(lab_client4 $UNPROTECTED)" --reason keep-me
	run ! http_ok "$UNPROTECTED"
	recreate_veth
	# The new veth has no gate: the blocked client gets through.
	http_ok "$UNPROTECTED"
}

@test "a re-created interface: status reports the defunct link; attach re-creates it and the block is in force again" {
	local st
	defunct_setup
	run lab_server_gatehawk status
	expect_status 0
	[[ $output == *"defunct link on $LAB_SERVER_IF (its interface was deleted; $LAB_SERVER_IF is now ifindex"* ]]
	[[ $output == *"gate:    not attached;"* ]]
	st=$(lab_server_gatehawk status --json)
	jq -e --arg i "$LAB_SERVER_IF" '.gate.interfaces == [] and .gate.defunct_links[0].iface == $i and
		.gate.defunct_links[0].link_ifindex == 0 and .gate.defunct_links[0].iface_ifindex > 0' \
		<<<"$st"
	run lab_server_gatehawk attach --iface "$LAB_SERVER_IF" --xdp-mode native
	expect_status 0
	[[ $output == *"$LAB_SERVER_IF: its XDP link was defunct"*"re-created it, blocks kept"* ]]
	st=$(lab_server_gatehawk status --json)
	jq -e --arg i "$LAB_SERVER_IF" '.gate.interfaces == [$i] and .gate.defunct_links == []' <<<"$st"
	blocked "$(lab_client4 $UNPROTECTED)"
	run ! http_ok "$UNPROTECTED"
	http_ok "$CRAWLER"
}

@test "a re-created interface: gatehawk run starts, re-creates the link and the block is in force again" {
	defunct_setup
	daemon_start
	grep -q "its XDP link was defunct" "$LAB_DIR/daemon.err"
	run ! http_ok "$UNPROTECTED"
	http_ok "$CRAWLER"
	[[ $(lab_gatehawk status --json | jq -c '.gate.defunct_links') == '[]' ]]
}
