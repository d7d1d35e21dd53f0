#!/usr/bin/env bats
# Issue 3 end to end: the XDP gate on a real veth (native mode) between two
# network namespaces, driven only through the gatehawk CLI, checked with
# ping, curl, ip, bpftool. Lab 11 (tests/lib/lab.bash): server 10.77.11.1 /
# fd77:11::1 behind gh11s0, clients .2-.5 / ::2-::5 (client index 1-4).
#
# One lab (namespaces, veth, nginx) for the file; every test starts from the
# same host in setup(): no gatehawk process on the lab's pins, no pins, no
# XDP program, nginx running, and sets up the gate and entries it needs
# itself, so any one test runs alone (bats -f). bats runs teardown_file from
# its EXIT trap, so a failed or interrupted run removes the namespaces, links
# and pins too.

# shellcheck disable=SC2034 # read by lab.bash
LAB_ID=11
load ../lib/lab
load assert

setup_file() {
	lab_up
	lab_use_private_binary # immune to a concurrent rebuild of build/gatehawk
	lab_nginx_start
}

teardown_file() {
	lab_down
}

setup() {
	lab_gatehawk_reset
	lab_nginx_running || lab_nginx_start
}

# ---- helpers ---------------------------------------------------------------

server_addr() { if [[ $1 == 6 ]]; then echo "$LAB_SERVER6"; else echo "$LAB_SERVER4"; fi; }
server_url() { if [[ $1 == 6 ]]; then echo "http://[$LAB_SERVER6]/"; else echo "http://$LAB_SERVER4/"; fi; }

# passes IDX FAMILY: client IDX gets a ping reply and an HTTP 200.
passes() {
	local idx=$1 fam=$2 code
	if ! lab_ping "$idx" "$(server_addr "$fam")" >/dev/null; then
		echo "client $idx (IPv$fam): no ping reply, expected one" >&2
		return 1
	fi
	code=$(lab_curl "$idx" -o /dev/null -w '%{http_code}' "$(server_url "$fam")") || true
	if [[ $code != 200 ]]; then
		echo "client $idx (IPv$fam): curl gave '$code', expected 200" >&2
		return 1
	fi
}

# dropped IDX FAMILY: client IDX gets no ping reply and curl fails.
dropped() {
	local idx=$1 fam=$2
	if lab_ping "$idx" "$(server_addr "$fam")" >/dev/null; then
		echo "client $idx (IPv$fam): ping answered, expected a drop" >&2
		return 1
	fi
	if lab_curl "$idx" --max-time 1 -o /dev/null "$(server_url "$fam")"; then
		echo "client $idx (IPv$fam): curl succeeded, expected a drop" >&2
		return 1
	fi
}

# ping_dropped IDX FAMILY: a quick (0.5 s) check that ping gets no reply.
ping_dropped() {
	if lab_ping "$1" "$(server_addr "$2")" -W 0.5 >/dev/null; then
		echo "client $1 (IPv$2): ping answered, expected a drop" >&2
		return 1
	fi
}

blocks_json() { lab_gatehawk block list --json; }

# entry_of CIDR: the block list entry whose cidr is CIDR (a bare address
# may be listed with or without its /32 or /128).
entry_of() {
	blocks_json | jq -c --arg c "$1" \
		'[.[] | select(.cidr == $c or .cidr == ($c + "/32") or .cidr == ($c + "/128"))] | .[0]'
}

hits_of() { entry_of "$1" | jq -r '.hits'; }
gate_stat() { lab_gatehawk stats --json | jq -r ".gate.$1"; }

# gate_up: the gate attached in native mode on the server's veth, maps empty.
gate_up() {
	lab_server_gatehawk attach --iface "$LAB_SERVER_IF" --xdp-mode native >/dev/null
}

block_lists_empty() {
	[[ $(blocks_json | jq length) == 0 ]] &&
		[[ $(lab_gatehawk allow list --json | jq length) == 0 ]]
}

# ---- tests -----------------------------------------------------------------

@test "without the gate, every client pings and curls the server over IPv4 and IPv6" {
	local i
	for i in 1 2 3 4; do
		passes "$i" 4
		passes "$i" 6
	done
}

@test "block add before attach creates and pins the maps; traffic still passes" {
	[[ ! -e $LAB_PIN_DIR ]]
	run lab_server_gatehawk block add "$(lab_client4 4)" --reason early
	expect_status 0
	[[ -e $LAB_PIN_DIR/block_host4 && -e $LAB_PIN_DIR/block_net6 ]]
	[[ $(entry_of "$(lab_client4 4)" | jq -r .reason) == early ]]
	# Not attached yet: nothing drops.
	passes 4 4
}

@test "attach --xdp-mode native puts the gate on the veth and reuses the early block" {
	# The block made before attach (as in the test above): maps pinned, no gate.
	lab_server_gatehawk block add "$(lab_client4 4)" --reason early
	[[ ! -e $LAB_PIN_DIR/link_xdp_$LAB_SERVER_IF ]]
	run lab_server_gatehawk attach --iface "$LAB_SERVER_IF" --xdp-mode native
	expect_status 0
	# Native (driver) XDP, not generic.
	run ip -n "$LAB_SERVER_NS" -d link show "$LAB_SERVER_IF"
	[[ $output == *" xdp "* && $output != *xdpgeneric* ]]
	run lab_in_server bpftool -j net show dev "$LAB_SERVER_IF"
	[[ $(jq -r '.[0].xdp[0].mode' <<<"$output") == driver ]]
	[[ -e $LAB_PIN_DIR/link_xdp_$LAB_SERVER_IF ]]
	# The block made before attach is in force.
	dropped 4 4
	passes 4 6
	(($(hits_of "$(lab_client4 4)") >= 2))
	run lab_server_gatehawk block del "$(lab_client4 4)"
	expect_status 0
	passes 4 4
}

@test "block add CLIENT drops its ping and HTTP over IPv4 and IPv6; block del lets it pass again" {
	gate_up
	passes 1 4
	passes 1 6
	run lab_server_gatehawk block add "$(lab_client4 1)"
	expect_status 0
	run lab_server_gatehawk block add "$(lab_client6 1)"
	expect_status 0
	dropped 1 4
	dropped 1 6
	# Only that address: client 2 on the same link still passes.
	passes 2 4
	passes 2 6
	run lab_server_gatehawk block del "$(lab_client4 1)"
	expect_status 0
	run lab_server_gatehawk block del "$(lab_client6 1)"
	expect_status 0
	passes 1 4
	passes 1 6
	block_lists_empty
}

@test "hits count exactly the dropped packets and stats --json gate counters rise by the same count" {
	local c4 c6 d0 d40 d60 s0 p0 d1 d41 d61 s1 p1 h4 h6
	gate_up
	c4=$(lab_client4 2) c6=$(lab_client6 2)
	lab_server_gatehawk block add "$c4" --reason counted
	lab_server_gatehawk block add "$c6" --reason counted
	[[ $(hits_of "$c4") == 0 && $(hits_of "$c6") == 0 ]]
	d0=$(gate_stat dropped) d40=$(gate_stat dropped_v4) d60=$(gate_stat dropped_v6)
	s0=$(gate_stat seen) p0=$(gate_stat passed)

	# Exactly 5 IPv4 echo requests; ARP is not IP and passes.
	run lab_ping 2 "$LAB_SERVER4" -c 5 -i 0.1 -W 1
	((status != 0))
	[[ $output == *"5 packets transmitted, 0 received"* ]]
	# IPv6: 3 echo requests, plus any neighbour discovery the client sends
	# from that address, which the gate drops too.
	run lab_ping 2 "$LAB_SERVER6" -c 3 -i 0.1 -W 1
	((status != 0))
	[[ $output == *"3 packets transmitted, 0 received"* ]]

	h4=$(hits_of "$c4") h6=$(hits_of "$c6")
	d1=$(gate_stat dropped) d41=$(gate_stat dropped_v4) d61=$(gate_stat dropped_v6)
	s1=$(gate_stat seen) p1=$(gate_stat passed)
	echo "hits v4 $h4 v6 $h6; dropped +$((d1 - d0)) v4 +$((d41 - d40)) v6 +$((d61 - d60))" >&2
	((h4 == 5))
	((h6 >= 3))
	((d41 - d40 == h4))
	((d61 - d60 == h6))
	((d1 - d0 == h4 + h6))
	((s1 - s0 >= h4 + h6))
	((p1 >= p0))
	# Counters are numbers, all present.
	lab_gatehawk stats --json | jq -e '.gate | (.seen, .passed, .dropped, .allowed,
		.expired_hits, .parse_errors, .non_ip, .ipv4, .ipv6) | numbers' >/dev/null

	lab_server_gatehawk block del "$c4"
	lab_server_gatehawk block del "$c6"
	block_lists_empty
}

@test "block list --json: cidr, reason, expires_in_s (null or seconds left), hits" {
	local e
	gate_up
	lab_server_gatehawk block add "$(lab_client4 3)" --reason "scanner test"
	lab_server_gatehawk block add "$(lab_client6 3)" --ttl 10m --reason ttl-test
	lab_server_gatehawk block add 10.77.11.128/25 --ttl 1h
	run blocks_json
	expect_status 0
	[[ $(jq length <<<"$output") == 3 ]]
	# Every entry has the four fields with the right types.
	jq -e 'all(.[]; (.cidr | strings) and (.reason | strings) and
		(.expires_in_s == null or (.expires_in_s | numbers)) and (.hits | numbers))' \
		<<<"$output" >/dev/null

	e=$(entry_of "$(lab_client4 3)")
	[[ $(jq -r .reason <<<"$e") == "scanner test" ]]
	[[ $(jq -r .expires_in_s <<<"$e") == null ]]
	[[ $(jq -r .hits <<<"$e") == 0 ]]

	e=$(entry_of "$(lab_client6 3)")
	[[ $(jq -r .reason <<<"$e") == ttl-test ]]
	jq -e '.expires_in_s | numbers | . >= 590 and . <= 600' <<<"$e" >/dev/null

	e=$(entry_of 10.77.11.128/25)
	[[ $(jq -r .cidr <<<"$e") == 10.77.11.128/25 ]]
	jq -e '.expires_in_s | numbers | . >= 3590 and . <= 3600' <<<"$e" >/dev/null

	lab_server_gatehawk block del "$(lab_client4 3)"
	lab_server_gatehawk block del "$(lab_client6 3)"
	lab_server_gatehawk block del 10.77.11.128/25
	block_lists_empty
}

@test "block add --ttl 2s drops, then passes again after expiry with no gatehawk process running" {
	local t0 left x0 x1
	gate_up
	[[ -z $(lab_gatehawk_pids) ]]
	t0=$EPOCHREALTIME
	lab_server_gatehawk block add "$(lab_client4 3)" --ttl 2s --reason short
	lab_server_gatehawk block add "$(lab_client6 3)" --ttl 2s --reason short
	# Quick checks, well inside the 2 s.
	ping_dropped 3 4
	ping_dropped 3 6
	left=$(awk -v t0="$t0" -v now="$EPOCHREALTIME" 'BEGIN { print (now - t0 < 1.8) }')
	[[ $left == 1 ]] # the drops above were seen before expiry
	(($(hits_of "$(lab_client4 3)") >= 1))
	x0=$(gate_stat expired_hits)
	# Wait out the TTL (2 s from the add, plus a margin); nobody runs.
	sleep "$(awk -v t0="$t0" -v now="$EPOCHREALTIME" 'BEGIN { d = t0 + 2.3 - now; print (d > 0 ? d : 0) }')"
	[[ -z $(lab_gatehawk_pids) ]]
	passes 3 4
	passes 3 6
	# The entries are still in the map (no one removed them): the program let
	# them pass by itself and counted the expired matches.
	x1=$(gate_stat expired_hits)
	((x1 > x0))
	run lab_in_server bpftool -j map dump pinned "$LAB_PIN_DIR/block_host4"
	[[ $(jq length <<<"$output") == 1 ]]
	# block list shows live entries only.
	[[ $(blocks_json | jq length) == 0 ]]
	lab_server_gatehawk block del "$(lab_client4 3)" || true
	lab_server_gatehawk block del "$(lab_client6 3)" || true
}

@test "an allow entry (/24 and /64 covering the client) overrides its block" {
	gate_up
	lab_server_gatehawk block add "$(lab_client4 1)"
	lab_server_gatehawk block add "$(lab_client6 1)"
	ping_dropped 1 4
	ping_dropped 1 6
	run lab_server_gatehawk allow add 10.77.11.0/24
	expect_status 0
	run lab_server_gatehawk allow add "${LAB_NET6}:/64"
	expect_status 0
	run lab_gatehawk allow list --json
	[[ $(jq -r '[.[].cidr] | sort | join(",")' <<<"$output") == "10.77.11.0/24,${LAB_NET6}:/64" ]]
	passes 1 4
	passes 1 6
	# The gate counted them as allowed, not as block hits.
	(($(gate_stat allowed) > 0))
	# Allow entries removed: the block is in force again.
	lab_server_gatehawk allow del 10.77.11.0/24
	lab_server_gatehawk allow del "${LAB_NET6}:/64"
	ping_dropped 1 4
	ping_dropped 1 6
	lab_server_gatehawk block del "$(lab_client4 1)"
	lab_server_gatehawk block del "$(lab_client6 1)"
	passes 1 4
	passes 1 6
	block_lists_empty
}

@test "a prefix block drops every client in it and no one outside it" {
	local i
	gate_up
	# /30 and /126 hold clients 3 and 4 (.4, .5 / ::4, ::5), not the server.
	run lab_server_gatehawk block add 10.77.11.4/30 --reason prefix
	expect_status 0
	run lab_server_gatehawk block add "${LAB_NET6}:4/126" --reason prefix
	expect_status 0
	for i in 3 4; do
		ping_dropped "$i" 4
		ping_dropped "$i" 6
	done
	passes 1 4
	passes 2 6
	lab_server_gatehawk block del 10.77.11.4/30
	lab_server_gatehawk block del "${LAB_NET6}:4/126"

	# The whole /24 covers the server itself: refused without --force, in force with it.
	run lab_server_gatehawk block add 10.77.11.0/24
	expect_status 2
	[[ $output == *--force* ]]
	[[ $(blocks_json | jq length) == 0 ]]
	run lab_server_gatehawk block add 10.77.11.0/24 --force --reason subnet
	expect_status 0
	for i in 1 2 3 4; do
		ping_dropped "$i" 4
	done
	dropped 2 4
	passes 2 6 # another family
	(($(hits_of 10.77.11.0/24) >= 4))
	lab_server_gatehawk block del 10.77.11.0/24
	for i in 1 2 3 4; do
		passes "$i" 4
	done
	for i in 3 4; do
		passes "$i" 6
	done
	block_lists_empty
}

@test "blocking the server's own address or loopback is refused without --force: exit 2, message, nothing changes" {
	local a before
	gate_up
	lab_server_gatehawk block add "$(lab_client4 4)" --reason keep
	before=$(blocks_json)
	for a in "$LAB_SERVER4" "$LAB_SERVER6" 127.0.0.1 ::1 127.0.0.0/8 0.0.0.0/0 ::/0 "${LAB_NET6}:/64"; do
		run lab_server_gatehawk block add "$a"
		expect_status 2
		[[ $output == *--force* ]]
		[[ $output == *"$a"* ]]
	done
	run lab_server_gatehawk block add --ttl 5m "$LAB_SERVER4"
	expect_status 2
	[[ $(blocks_json) == "$before" ]]
	# With --force it goes in (the gate only sees traffic arriving from the client side).
	run lab_server_gatehawk block add "$LAB_SERVER4" --force
	expect_status 0
	[[ $(entry_of "$LAB_SERVER4") != null ]]
	lab_server_gatehawk block del "$LAB_SERVER4"
	lab_server_gatehawk block del "$(lab_client4 4)"
	block_lists_empty
}

@test "bad CIDRs, durations and flags exit 2 with a message naming the input; nothing changes" {
	local bad before allow_before
	gate_up
	lab_server_gatehawk block add "$(lab_client4 4)" --reason keep
	lab_server_gatehawk allow add 192.0.2.0/24
	before=$(blocks_json)
	allow_before=$(lab_gatehawk allow list --json)
	for bad in 10.77.11.300 10.77.11.0/33 10.77.11 10.77.11.2/ /24 fd77:11::/129 fd77:::1 \
		not-an-address 10.77.11.1/24 "10.77.11.9 extra"; do
		run lab_gatehawk block add "$bad"
		expect_status 2
		[[ $output == *"$bad"* || $output == *"${bad%%/*}"* ]]
	done
	for bad in 5x 0s -1s 2 s 1y 99999999999999999999s; do
		run lab_gatehawk block add 10.77.11.9 --ttl "$bad"
		expect_status 2
		[[ $output == *ttl* || $output == *duration* ]]
	done
	run lab_gatehawk block add 10.77.11.9 --bogus
	expect_status 2
	[[ $output == *--bogus* ]]
	run lab_gatehawk block add 10.77.11.9 --ttl
	expect_status 2
	run lab_gatehawk block add
	expect_status 2
	run lab_gatehawk block del 10.77.11.300
	expect_status 2
	run lab_gatehawk allow add 10.77.11.0/40
	expect_status 2
	# A file is checked whole first: one bad line, nothing from it is added.
	printf '10.77.11.9\n# comment\n10.77.11.10 10m\n10.77.11.999\n' >"$LAB_DIR/bad-blocks.txt"
	run lab_gatehawk block add --file "$LAB_DIR/bad-blocks.txt"
	expect_status 2
	[[ $output == *bad-blocks.txt:4* ]] # file and line
	[[ $(blocks_json) == "$before" ]]
	[[ $(lab_gatehawk allow list --json) == "$allow_before" ]]
	# And a good file goes in whole.
	printf '10.77.11.9\n# comment\n10.77.11.10 10m\n\n%s:9\n' "$LAB_NET6" >"$LAB_DIR/good-blocks.txt"
	run lab_gatehawk block add --file "$LAB_DIR/good-blocks.txt"
	expect_status 0
	[[ $(blocks_json | jq length) == 4 ]]
	jq -e '.expires_in_s | numbers | . > 590' <<<"$(entry_of 10.77.11.10)" >/dev/null
	for bad in 10.77.11.9 10.77.11.10 "${LAB_NET6}:9" "$(lab_client4 4)"; do
		lab_gatehawk block del "$bad"
	done
	lab_gatehawk allow del 192.0.2.0/24
	block_lists_empty
}

@test "bpftool map dump of the pinned block maps prints named fields" {
	gate_up
	lab_server_gatehawk block add "$(lab_client4 4)" --ttl 1h --reason bpftool
	lab_server_gatehawk block add 10.77.11.128/25
	run lab_in_server bpftool map dump pinned "$LAB_PIN_DIR/block_host4"
	expect_status 0
	[[ $output == *'"expires_ns":'* && $output == *'"created_ns":'* ]]
	[[ $output == *'"hits":'* && $output == *'"reason":'* ]]
	# expires - created is the TTL, on one clock.
	run lab_in_server bpftool -j map dump pinned "$LAB_PIN_DIR/block_host4"
	jq -e '.[0].formatted.value // .[0].value | (.expires_ns - .created_ns) == 3600000000000' \
		<<<"$output" >/dev/null
	run lab_in_server bpftool map dump pinned "$LAB_PIN_DIR/block_net4"
	expect_status 0
	[[ $output == *'"prefixlen":'* && $output == *'"expires_ns": 0'* ]]
	lab_server_gatehawk block del "$(lab_client4 4)"
	lab_server_gatehawk block del 10.77.11.128/25
}

@test "gatehawk run exits cleanly on SIGTERM and leaves the gate dropping" {
	local pid st
	gate_up
	lab_server_gatehawk block add "$(lab_client4 2)" --reason before-term
	lab_daemon_start
	pid=$LAB_DAEMON_PID
	kill -TERM "$pid"
	st=0
	timeout 5 tail --pid="$pid" -f /dev/null || st=$?
	((st == 0)) # gone within 5 s
	wait "$pid" || st=$?
	echo "daemon exit status $st; stderr: $(cat "$LAB_DIR/daemon.err")" >&2
	((st == 0))
	LAB_DAEMON_PID=
	[[ -e $LAB_PIN_DIR/link_xdp_$LAB_SERVER_IF ]]
	dropped 2 4
	lab_server_gatehawk block del "$(lab_client4 2)"
	passes 2 4
}

@test "gatehawk run, then kill -9: the gate keeps dropping and the maps stay usable" {
	gate_up
	lab_daemon_start
	lab_daemon_running
	lab_server_gatehawk block add "$(lab_client4 2)" --reason before-kill
	lab_server_gatehawk block add "$(lab_client6 2)" --reason before-kill
	ping_dropped 2 4
	lab_daemon_stop KILL
	run lab_daemon_running
	((status != 0))
	[[ -z $(lab_gatehawk_pids) ]]
	grep -q 'gatehawk' "$LAB_DIR/daemon.err" || true
	# Links and maps are pinned: the gate is still there and still drops.
	[[ -e $LAB_PIN_DIR/link_xdp_$LAB_SERVER_IF ]]
	run ip -n "$LAB_SERVER_NS" link show "$LAB_SERVER_IF"
	[[ $output == *" xdp "* ]]
	dropped 2 4
	dropped 2 6
	# And new entries still take effect with no process running.
	lab_server_gatehawk block add "$(lab_client4 1)" --reason after-kill
	ping_dropped 1 4
	passes 3 4
}

@test "attach again reuses the pinned maps with their entries and counters" {
	local before after
	# Entries with hits on an attached gate (as the kill -9 test leaves them).
	gate_up
	lab_server_gatehawk block add "$(lab_client4 2)" --reason before-kill
	lab_server_gatehawk block add "$(lab_client6 2)" --reason before-kill
	lab_server_gatehawk block add "$(lab_client4 1)" --reason after-kill
	ping_dropped 2 4
	ping_dropped 2 6
	ping_dropped 1 4
	(($(hits_of "$(lab_client4 2)") >= 1 && $(hits_of "$(lab_client4 1)") >= 1))
	before=$(blocks_json | jq -c 'sort_by(.cidr) | map({cidr, reason, expires_in_s, hits})')
	[[ $(jq length <<<"$before") == 3 ]]
	run lab_server_gatehawk attach --iface "$LAB_SERVER_IF" --xdp-mode native
	expect_status 0
	after=$(blocks_json | jq -c 'sort_by(.cidr) | map({cidr, reason, expires_in_s, hits})')
	[[ $after == "$before" ]]
	# One XDP program on the interface, still dropping.
	run lab_in_server bpftool -j net show dev "$LAB_SERVER_IF"
	[[ $(jq '.[0].xdp | length' <<<"$output") == 1 ]]
	dropped 2 4
	ping_dropped 2 6
	ping_dropped 1 4
	passes 3 4
	passes 3 6
}

@test "detach removes every pin, link and the XDP program, a running daemon exits; traffic passes again" {
	local f ids=() id pid
	# Blocked clients on an attached gate, so that passing again means something.
	gate_up
	lab_server_gatehawk block add "$(lab_client4 1)" --reason before-detach
	lab_server_gatehawk block add "$(lab_client4 2)" --reason before-detach
	lab_server_gatehawk block add "$(lab_client6 2)" --reason before-detach
	ping_dropped 1 4
	ping_dropped 2 4
	ping_dropped 2 6
	# A daemon on the pins: detach says it notices within a second and exits.
	lab_daemon_start
	pid=$LAB_DAEMON_PID
	for f in "$LAB_PIN_DIR"/link_*; do
		[[ -e $f ]] || continue
		ids+=("$(bpftool -j link show pinned "$f" | jq -r .id)")
	done
	# The XDP link and the sensor's three cgroup links.
	((${#ids[@]} >= 4))
	run lab_gatehawk detach
	expect_status 0
	run timeout 3 tail --pid="$pid" -f /dev/null
	expect_status 0
	wait "$pid" || true
	LAB_DAEMON_PID=
	[[ ! -e $LAB_PIN_DIR || -z $(ls -A "$LAB_PIN_DIR") ]]
	run ip -n "$LAB_SERVER_NS" -d link show "$LAB_SERVER_IF"
	[[ $output != *xdp* ]]
	run lab_in_server bpftool -j net show
	[[ $(jq '[.[].xdp[]?] | length' <<<"$output") == 0 ]]
	# Every link the lab pinned (XDP and the daemon's cgroup links) is gone;
	# the kernel frees a released link shortly after the last reference.
	for id in "${ids[@]}"; do
		lab_wait "link $id released" 30 bash -c "! bpftool link show id $id"
	done
	# The clients blocked before detach pass again.
	passes 1 4
	passes 2 4
	passes 2 6
}
