#!/usr/bin/env bats
# Issue 16, items 4-6 end to end, in lab 14 (tests/lib/lab.bash): told when
# it matters, allow lists like operators expect, logs-only mode. nginx runs
# in a cgroup of its own, the daemon's sensor sits on it. One policy, probe:
# any request under /probe blocks its source (10 minutes unless a test says).
#
#   webhook   a listener that answers 500 to the first 2 tries of each alert
#             receives every alert line exactly once
#   hooks     --on-block gets ACTION CIDR POLICY TTL_S SEVERITY SRC_IP WHY as
#             separate arguments; shell syntax sent by the attacker (user
#             agent, path) runs nothing: the marker files never appear
#   rotation  the alerts file moved away + SIGHUP, then emptied in place
#             (copytruncate): every alert lands in the current file
#   syslog    --alerts syslog sends each alert to /dev/log (the daemon
#             gets a /dev of its own in a mount namespace) at its priority
#   expiry    a block that expires is an "unblock" line and runs --on-unblock
#   allow     --ttl expires in the kernel; --file and --allow-file errors name
#             file:line; an --allow-file network is spared and passes
#   netlink   an address added to the server while the daemon runs is
#             protected at once: a verdict on it is spared
#   no-kernel the policies on a followed access log block through
#             contrib/nftables (the client is then dropped by nftables), with
#             no BPF object anywhere near the daemon; and as nobody

bats_require_minimum_version 1.5.0
# shellcheck disable=SC2034 # read by lab.bash
LAB_ID=14
load ../lib/lab
load ../lib/lab_extra
load assert

PORT=18014
MARKS=(/tmp/gh14-mark-dollar /tmp/gh14-mark-ticks /tmp/gh14-mark-semi /tmp/gh14-mark-path)
# What a shell would run, sent by a hostile client (user agent, path).
# shellcheck disable=SC2016 # never expanded: that is the point
HOSTILE_UA='$(touch /tmp/gh14-mark-dollar) `touch /tmp/gh14-mark-ticks`; touch /tmp/gh14-mark-semi'
# shellcheck disable=SC2016
HOSTILE_PATH='/probe/$(touch${IFS}/tmp/gh14-mark-path)'
NFT_DIR=$LAB_ROOT/contrib/nftables

setup_file() {
	lab_up
	lab_use_private_binary # immune to a concurrent rebuild of build/gatehawk
	lab_nginx_start_isolated
	lab_add_clients 5 8
}

teardown_file() {
	listener_stop
	lab_down_isolated
	rm -f "${MARKS[@]}"
}

setup() {
	lab_gatehawk_reset
	listener_stop
	lab_in_server nft delete table inet gatehawk 2>/dev/null || true
	T=$LAB_DIR/t
	rm -rf "$T" "${MARKS[@]}"
	mkdir -p "$T/policies" "$T/calls"
	# The unprivileged daemon's hook writes here too.
	chmod 777 "$T" "$T/calls"
	probe_policy 10m
	write_hook "$T/hook.sh"
}

# probe_policy TTL: the one policy, blocking for TTL.
probe_policy() {
	printf '{"name":"probe","description":"notify.bats: a request under /probe blocks its source.","kind":"match","severity":"high","where":{"field":"path","prefix":"/probe"},"action":{"type":"block","ttl":"%s","cooldown":"0s"}}\n' \
		"$1" >"$T/policies/probe.json"
}

# write_hook PATH: a hook recording each call in $T/calls/: its argument
# count, each argument on a line of its own, then its stdin.
write_hook() {
	cat >"$1" <<EOF
#!/bin/sh
f=$T/calls/call.\$\$
{ echo "\$#"; for a in "\$@"; do printf '%s\n' "\$a"; done; cat; } >"\$f.tmp" && mv "\$f.tmp" "\$f"
EOF
	chmod 755 "$1"
}

calls() { find "$T/calls" -name 'call.*' ! -name '*.tmp' | sort; }
has_calls() { [[ $(calls | wc -l) -ge $1 ]]; }
# call_of ACTION CIDR: the file of the hook call for it (its lines 2 and 3).
call_of() {
	local f
	for f in $(calls); do
		if [[ $(sed -n 2p "$f") == "$1" && $(sed -n 3p "$f") == "$2" ]]; then
			echo "$f"
			return 0
		fi
	done
	return 1
}
has_call() { call_of "$@" >/dev/null; }

# daemon_start [run options...]: gatehawk run in the server namespace on this
# lab's pins with the probe policy; output in $LAB_DIR/daemon.{out,err}.
daemon_start() {
	nsenter --net="/run/netns/$LAB_SERVER_NS" "$GATEHAWK" run --pin-dir "$LAB_PIN_DIR" \
		--policies "$T/policies" "$@" >"$LAB_DIR/daemon.out" 2>"$LAB_DIR/daemon.err" 3>&- &
	LAB_DAEMON_PID=$!
	echo "$LAB_DAEMON_PID" >"$LAB_DIR/daemon.pid"
	lab_wait "gatehawk run is up" 100 lab_daemon_ready
}

# gate_start [run options...]: daemon_start with the gate and the sensor.
gate_start() {
	daemon_start --iface "$LAB_SERVER_IF" --cgroup "$(lab_cgroup_dir)" "$@"
}

daemon_stat() { lab_gatehawk status --json | jq -r ".daemon.$1"; }

# probe IDX [curl options]: a request under /probe from client IDX.
probe() {
	local idx=$1
	shift
	lab_curl "$idx" -g -o /dev/null "$@" "http://$LAB_SERVER4/probe/$idx" || true
}

alert_lines() { grep -c '"policy":"probe"' "${1:-$T/alerts.jsonl}" 2>/dev/null || true; }
has_alert_lines() { [[ $(alert_lines "${2:-}") -ge $1 ]]; }
log_has() { grep -q -- "$1" "$LAB_DIR/daemon.err"; }

# A simple command in the background (not the lab_in_server function): $! is python's pid.
listener_start() {
	nsenter --net="/run/netns/$LAB_SERVER_NS" python3 "$LAB_ROOT/tests/lib/webhook_listener.py" \
		"$PORT" 2 "$T/hook.jsonl" 3>&- &
	echo $! >"$LAB_DIR/listener.pid"
	lab_wait "the webhook listener" 50 lab_in_server python3 -c \
		"import socket; socket.create_connection(('127.0.0.1', $PORT), 1)"
}

listener_stop() {
	local pid
	[[ -n ${LAB_DIR:-} && -f $LAB_DIR/listener.pid ]] || return 0
	pid=$(cat "$LAB_DIR/listener.pid")
	rm -f "$LAB_DIR/listener.pid"
	lab_kill_wait TERM "$pid"
}

no_marks() {
	local m
	for m in "${MARKS[@]}"; do
		[[ ! -e $m ]] || { echo "$m exists: something ran a field" >&2; return 1; }
	done
}

# bpf_fds PID: the BPF maps, programs and links the process holds.
bpf_fds() { find "/proc/$1/fd" -lname 'anon_inode:bpf*' 2>/dev/null | wc -l; }

# log_line SRC PATH: one combined-format line, stamped now.
log_line() {
	printf '%s - - [%s] "GET %s HTTP/1.1" 404 153 "-" "curl/7.88.1"\n' "$1" \
		"$(LC_ALL=C date '+%d/%b/%Y:%H:%M:%S %z')" "$2"
}

@test "webhook: a listener failing the first 2 tries of each alert receives every alert exactly once" {
	listener_start
	gate_start --alerts "$T/alerts.jsonl" --webhook "http://127.0.0.1:$PORT/hook"
	probe 1
	probe 2
	probe 3
	lab_wait "3 alerts" 50 has_alert_lines 3
	# Each line: two 500s, 0.5 s and 1 s of backoff, then 200; one at a time.
	lab_wait "3 lines accepted" 150 has_alert_lines 3 "$T/hook.jsonl"
	sleep 1 # no late duplicate
	diff <(sort "$T/alerts.jsonl") <(sort "$T/hook.jsonl")
	[[ $(wc -l <"$T/hook.jsonl") -eq 3 ]]
	# Three deliveries, each tried three times: 500, 500, 200.
	[[ $(cut -d' ' -f1 "$T/hook.jsonl.tries" | sort -u | wc -l) -eq 3 ]]
	[[ $(awk '{ print $1 }' "$T/hook.jsonl.tries" | uniq -c | awk '$1 != 3' | wc -l) -eq 0 ]]
	daemon_stat notify.webhook | jq -e '.delivered == 3 and .retries == 6 and .failed == 0 and
		.dropped == 0 and .pending == 0 and .last_error == "HTTP 500"'
}

@test "hooks: --on-block gets one argument per field; attacker shell syntax runs nothing" {
	gate_start --alerts "$T/alerts.jsonl" --on-block "$T/hook.sh"
	probe 1 -A "$HOSTILE_UA"
	lab_curl 2 -g -o /dev/null -A "$HOSTILE_UA" "http://$LAB_SERVER4$HOSTILE_PATH" || true
	lab_wait "2 hook calls" 50 has_calls 2
	local c1 c2
	c1=$(call_of block "$(lab_client4 1)")
	c2=$(call_of block "$(lab_client4 2)")
	[[ -n $c1 && -n $c2 ]]
	# argc, then ACTION CIDR POLICY TTL_S SEVERITY SRC_IP WHY, one per line.
	diff <(head -8 "$c1") <(printf '%s\n' 7 block "$(lab_client4 1)" probe 600 high \
		"$(lab_client4 1)" verdict)
	[[ $(head -1 "$c2") == 7 ]]
	# stdin: the alert line, the attacker's bytes in it, verbatim (JSON-escaped).
	tail -n +9 "$c1" | jq -e --arg ua "$HOSTILE_UA" '.evidence.request.user_agent == $ua'
	tail -n +9 "$c2" | jq -e --arg p "$HOSTILE_PATH" '.evidence.request.path == $p'
	grep -qF 'touch /tmp/gh14-mark-semi' "$T/alerts.jsonl"
	sleep 0.5
	no_marks
	daemon_stat notify.hooks | jq -e '.started == 2 and .succeeded == 2 and .dropped == 0'
}

@test "syslog: alerts reach /dev/log as LOG_DAEMON at the severity's priority, attacker bytes escaped" {
	local sock=$T/log.sock now
	# A syslog daemon of our own: every datagram to $sock a line of syslog.txt.
	python3 - "$sock" "$T/syslog.txt" <<'EOF' &
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
with open(sys.argv[2], "ab", buffering=0) as out:
    for _ in range(1000):
        out.write(s.recv(65536).replace(b"\n", b"<NL>") + b"\n")
EOF
	echo $! >"$LAB_DIR/listener.pid"
	lab_wait "the syslog listener" 50 test -S "$sock"
	: >"$T/access.log"
	# glibc writes to /dev/log, which this host lacks: the daemon gets its own
	# /dev (a tmpfs with the few devices it opens and our socket as log) in
	# a private mount namespace that dies with it.
	unshare --mount --propagation private -- bash -c '
		set -e
		dev=$1 sock=$2
		shift 2
		mkdir -p "$dev"
		mount -t tmpfs -o mode=0755 gh-dev "$dev"
		for n in null zero full random urandom; do
			touch "$dev/$n"
			mount --bind "/dev/$n" "$dev/$n"
		done
		touch "$dev/log"
		mount --bind "$sock" "$dev/log"
		mount --rbind "$dev" /dev
		exec "$@"' _ "$T/dev" "$sock" \
		"$GATEHAWK" run --no-kernel --pin-dir "$LAB_PIN_DIR" --policies "$T/policies" \
		--access-log "$T/access.log" --alerts syslog \
		>"$LAB_DIR/daemon.out" 2>"$LAB_DIR/daemon.err" 3>&- &
	LAB_DAEMON_PID=$!
	echo "$LAB_DAEMON_PID" >"$LAB_DIR/daemon.pid"
	lab_wait "gatehawk run is up" 100 lab_daemon_ready
	now=$(date -u +'%d/%b/%Y:%H:%M:%S +0000')
	# shellcheck disable=SC2016 # the attacker's bytes, never expanded
	printf '%s - - [%s] "GET /probe/syslog HTTP/1.1" 404 0 "-" "%s"\n' \
		192.0.2.77 "$now" 'x\x22}{\x22action\x22:\x22allow\x0a$(id)' >>"$T/access.log"
	lab_wait "the alert in syslog" 50 grep -q '192.0.2.77' "$T/syslog.txt"
	local line
	line=$(grep -m1 '192.0.2.77' "$T/syslog.txt")
	# <27>: facility LOG_DAEMON (3 * 8) + LOG_ERR (3), the probe policy's "high".
	[[ $line == "<27>"* ]]
	[[ $line == *"gatehawk[$LAB_DAEMON_PID]: {"* ]]
	# The message is the alert's JSON, whole, in one datagram with no raw
	# newline; the attacker's quote cannot add an "action" key.
	jq -e '.src_ip == "192.0.2.77" and .policy == "probe" and .action != "allow"
		and .evidence.request.user_agent == "x\"}{\"action\":\"allow\n$(id)"' \
		<<<"{${line#*: \{}"
	[[ $line != *"<NL>"* ]]
	[[ ! -s $LAB_DIR/daemon.out ]] # syslog replaced stdout
}

@test "rotation: moved away + SIGHUP, then emptied in place: every alert lands in the current file" {
	gate_start --alerts "$T/alerts.jsonl"
	probe 1
	lab_wait "the first alert" 50 has_alert_lines 1
	mv "$T/alerts.jsonl" "$T/alerts.jsonl.1"
	kill -HUP "$LAB_DAEMON_PID"
	lab_wait "reopened on SIGHUP" 50 log_has "reopened (SIGHUP)"
	probe 2
	lab_wait "the second alert in the new file" 50 has_alert_lines 1
	grep -q "\"src_ip\":\"$(lab_client4 2)\"" "$T/alerts.jsonl"
	[[ $(alert_lines "$T/alerts.jsonl.1") -eq 1 ]]
	# logrotate's copytruncate: copied, then emptied under the open file.
	cp "$T/alerts.jsonl" "$T/alerts.jsonl.2"
	truncate -s 0 "$T/alerts.jsonl"
	probe 3
	lab_wait "the third alert" 50 has_alert_lines 1
	[[ $(wc -l <"$T/alerts.jsonl") -eq 1 && $(head -c 1 "$T/alerts.jsonl") == "{" ]]
	grep -q "\"src_ip\":\"$(lab_client4 3)\"" "$T/alerts.jsonl"
}

@test "expiry: a block that ends is an unblock line, --on-unblock runs, the client is back" {
	probe_policy 2s
	gate_start --alerts "$T/alerts.jsonl" --on-block "$T/hook.sh" --on-unblock "$T/hook.sh"
	probe 1
	lab_wait "the block" 50 has_call block "$(lab_client4 1)"
	run lab_curl 1 -o /dev/null "http://$LAB_SERVER4/"
	expect_status 28 # dropped: curl times out
	# The GC runs every 5 s.
	lab_wait "the unblock hook" 100 has_call unblock "$(lab_client4 1)"
	jq -e -s --arg c "$(lab_client4 1)" 'map(select(.action == "unblock")) | length == 1 and
		(.[0] | .cidr == $c and .policy == "probe" and .reason == "expired")' \
		"$T/alerts.jsonl"
	diff <(head -8 "$(call_of unblock "$(lab_client4 1)")") \
		<(printf '%s\n' 7 unblock "$(lab_client4 1)" probe 0 "" "" expired)
	lab_curl 1 -o /dev/null "http://$LAB_SERVER4/"
	daemon_stat enforcer.unblocks | grep -x 1
}

@test "allow --ttl: the gate passes the source while the allow lives, drops it after" {
	lab_server_gatehawk attach --iface "$LAB_SERVER_IF"
	lab_server_gatehawk block add "$(lab_client4 1)" --ttl 10m
	lab_server_gatehawk allow add "$(lab_client4 1)" --ttl 2s
	lab_ping 1 "$LAB_SERVER4"
	lab_server_gatehawk allow list --json | jq -e --arg c "$(lab_client4 1)" \
		'length == 1 and .[0].cidr == $c and .[0].expires_in_s <= 2 and .[0].from == "manual"'
	sleep 2.5
	run lab_ping 1 "$LAB_SERVER4"
	expect_status 1
	lab_server_gatehawk allow list --json | jq -e 'length == 0'
	# Added again, it lives again.
	lab_server_gatehawk allow add "$(lab_client4 1)" --ttl 1h
	lab_ping 1 "$LAB_SERVER4"
}

@test "allow --file and run --allow-file: each bad line is named file:line and nothing is added" {
	local f=$T/monitors.txt
	printf '192.0.2.1\n# uptime checks\n10.0.0.0/33\n198.51.100.0/24\nnot-an-address\n' >"$f"
	run lab_server_gatehawk allow add --file "$f"
	expect_status 2
	[[ $output == *"$f:3: expected an IPv4 or IPv6 address or CIDR"* ]]
	[[ $output == *"$f:5: "* && $output == *"2 bad line(s); nothing was added"* ]]
	run lab_server_gatehawk allow list --json
	[[ $output == "[]" ]]

	run nsenter --net="/run/netns/$LAB_SERVER_NS" "$GATEHAWK" run --iface "$LAB_SERVER_IF" \
		--pin-dir "$LAB_PIN_DIR" --allow-file "$f"
	expect_status 2
	[[ $output == *"$f:3: "* && $output == *"--allow-file $f: 2 bad line(s)"* ]]
	[[ ! -e $LAB_PIN_DIR ]] # refused before anything was attached

	printf '192.0.2.1\n198.51.100.0/24 1h\n' >"$f"
	run lab_server_gatehawk allow add --file "$f"
	expect_status 0
	[[ $output == "2 entries added" ]]
	lab_server_gatehawk allow list --json | jq -e 'map(.cidr) | sort ==
		["192.0.2.1", "198.51.100.0/24"]'
}

@test "run --allow-file: a listed client is spared and passes; SIGHUP drops what the file no longer lists" {
	local f=$T/ignoreip.txt
	printf '# never block our monitor\n%s\n' "$(lab_client4 2)" >"$f"
	gate_start --alerts "$T/alerts.jsonl" --allow-file "$f"
	lab_gatehawk allow list --json | jq -e --arg c "$(lab_client4 2)" \
		'length == 1 and .[0].cidr == $c and .[0].from == "file" and .[0].expires_in_s == null'
	probe 2
	lab_wait "the alert" 50 has_alert_lines 1
	jq -e '.action == "alert" and .evidence.not_blocked == "allow-listed"' "$T/alerts.jsonl"
	lab_curl 2 -o /dev/null "http://$LAB_SERVER4/"
	printf '# emptied\n' >"$f"
	kill -HUP "$LAB_DAEMON_PID"
	lab_wait "the entry removed" 50 log_has "1 no longer listed removed"
	lab_gatehawk allow list --json | jq -e 'length == 0'
}

@test "netlink: an address added to the server while the daemon runs is protected at once" {
	local log=$T/site.log new=$LAB_NET4.200 other=$LAB_NET4.201
	: >"$log"
	gate_start --alerts "$T/alerts.jsonl" --access-log "$log"
	log_line "$other" /probe/x >>"$log"
	lab_wait "the control verdict" 50 has_alert_lines 1
	jq -e -s --arg s "$other" '.[0] | .src_ip == $s and .action == "block"' "$T/alerts.jsonl"
	ip -n "$LAB_SERVER_NS" addr add "$new/32" dev "$LAB_SERVER_IF"
	lab_wait "the change seen" 50 log_has "address $new added on $LAB_SERVER_IF: protected"
	log_line "$new" /probe/y >>"$log"
	lab_wait "the verdict on it" 50 has_alert_lines 2
	ip -n "$LAB_SERVER_NS" addr del "$new/32" dev "$LAB_SERVER_IF"
	jq -e -s --arg s "$new" '.[1] | .src_ip == $s and .action == "alert" and
		.evidence.not_blocked == "protected: this host'"'"'s address \($s)"' "$T/alerts.jsonl"
	lab_gatehawk block list --json | jq -e --arg s "$new" 'all(.[]; .cidr != $s)'
}

@test "no-kernel: a followed log blocks through contrib/nftables, no BPF object anywhere near" {
	lab_in_server nft -f "$NFT_DIR/gatehawk.nft"
	daemon_start --no-kernel --access-log "$LAB_DIR/access.log" --alerts "$T/alerts.jsonl" \
		--on-block "$NFT_DIR/gatehawk-nft-block" --on-unblock "$NFT_DIR/gatehawk-nft-block"
	[[ ! -e $LAB_PIN_DIR ]]
	[[ $(bpf_fds "$LAB_DAEMON_PID") -eq 0 ]]
	run ip -n "$LAB_SERVER_NS" -d link show dev "$LAB_SERVER_IF"
	[[ $output != *xdp* ]]
	daemon_stat no_kernel | grep -x true
	lab_curl 1 -o /dev/null "http://$LAB_SERVER4/" # reaches nginx
	probe 1
	lab_wait "the block in the nftables set" 50 \
		bash -c "nsenter --net=/run/netns/$LAB_SERVER_NS nft list set inet gatehawk block4 | grep -q '$(lab_client4 1) timeout 10m'"
	run lab_curl 1 -o /dev/null "http://$LAB_SERVER4/"
	expect_status 28 # dropped by nftables
	lab_curl 2 -o /dev/null "http://$LAB_SERVER4/"
	jq -e -s '.[0].action == "block"' "$T/alerts.jsonl"
	[[ $(bpf_fds "$LAB_DAEMON_PID") -eq 0 && ! -e $LAB_PIN_DIR ]]
	lab_in_server nft delete table inet gatehawk
}

@test "no-kernel as nobody: no capability, no BPF, the log still blocks through the hook" {
	nsenter --net="/run/netns/$LAB_SERVER_NS" setpriv --reuid nobody --regid nogroup \
		--clear-groups --inh-caps=-all --bounding-set=-all "$GATEHAWK" run --no-kernel \
		--pin-dir "$LAB_PIN_DIR" --policies "$T/policies" --access-log "$LAB_DIR/access.log" \
		--on-block "$T/hook.sh" >"$LAB_DIR/daemon.out" 2>"$LAB_DIR/daemon.err" 3>&- &
	LAB_DAEMON_PID=$!
	echo "$LAB_DAEMON_PID" >"$LAB_DIR/daemon.pid"
	lab_wait "running" 100 log_has "no kernel: 1 access log(s), 1 policies, blocks to --on-block; running"
	grep -q "^CapEff:[[:space:]]*0000000000000000$" "/proc/$LAB_DAEMON_PID/status"
	[[ $(stat -c %U "/proc/$LAB_DAEMON_PID") == nobody ]]
	probe 3
	lab_wait "the hook called" 50 has_call block "$(lab_client4 3)"
	[[ $(stat -c %U "$(call_of block "$(lab_client4 3)")") == nobody ]]
	[[ $(bpf_fds "$LAB_DAEMON_PID") -eq 0 && ! -e $LAB_PIN_DIR ]]
	grep -q '"action":"block"' "$LAB_DIR/daemon.out" # alerts on stdout
}
