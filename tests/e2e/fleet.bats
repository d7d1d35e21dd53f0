#!/usr/bin/env bats
# Issue 17, fleet mode end to end: three lab hosts (tests/lib/fleet_lab.bash,
# labs 15, 16 and 17 as hosts A, B and C), each with its own namespaces, pin
# directory and daemon, sharing one nats-server -js (root namespace, its own
# port and store directory, started and killed here). The scanner
# 10.77.250.7 reaches every host; pings from it tell whether a host drops it.
#
# Every test starts from an empty server and no gatehawk on any lab, then
# runs A and B (setup): each runs alone (bats -f).

bats_require_minimum_version 1.5.0
load ../lib/lab
load ../lib/fleet_lab
load assert

A=15
B=16
C=17

setup_file() {
	fleet_up
}

teardown_file() {
	fleet_down
}

setup() {
	local id
	for id in $A $B $C; do
		fleet_use "$id"
		lab_gatehawk_reset
	done
	fleet_nats_wipe
	fleet_nats_start
	fleet_use $A
	fleet_daemon_start host-a
	fleet_use $B
	fleet_daemon_start host-b
}

# on ID CMD...: run CMD with lab ID current.
on() {
	fleet_use "$1"
	shift
	"$@"
}

# within TENTHS CMD...: CMD succeeds within TENTHS tenths of a second.
within() {
	local tries=$1
	shift
	lab_wait "$*" "$tries" "$@"
}

# stat_is KEY VALUE: the current lab's daemon's fleet counter KEY is VALUE.
stat_is() { [[ $(fleet_stat "$1") == "$2" ]]; }
no_block() { ! fleet_has_block "$1"; }
# own_block CIDR: a policy of this host blocked CIDR (automatic, not learned).
own_block() {
	lab_gatehawk block list --json |
		jq -e --arg c "$1" 'any(.[]; .cidr == $c and .auto and (.fleet | not))' >/dev/null
}

# fleet_list: the bucket's blocks in force, as JSON, into $output.
fleet_list() {
	run "$GATEHAWK" fleet list --json --fleet "$(fleet_local_url)"
	expect_status 0
}

@test "a block made on host A drops the scanner at host B within 1 s" {
	on $B fleet_ping_scanner
	on $A lab_server_gatehawk block add "$FLEET_SCANNER" --ttl 10m --reason scanner
	on $B within 10 fleet_has_block "$FLEET_SCANNER"
	run ! on $B fleet_ping_scanner
	on $A within 10 stat_is published 1
	fleet_list
	jq -e --arg c "$FLEET_SCANNER" \
		'length == 1 and .[0].cidr == $c and .[0].origin == "host-a" and
		 .[0].reason == "scanner" and .[0].expires_in_s > 590' <<<"$output"
	# A's own block is the operator's (manual), not a fleet-learned copy.
	on $A lab_gatehawk block list --json |
		jq -e '.[0].fleet == false and .[0].auto == false'
}

@test "a policy's block on host A reaches host B with its policy and severity" {
	local path
	on $A lab_nginx_running || on $A lab_nginx_start_isolated
	mkdir -p "$FLEET_DIR/policies"
	cp "$LAB_ROOT/policies/sensitive-file-probe.json" "$FLEET_DIR/policies/"
	on $A lab_daemon_stop
	on $A fleet_daemon_start host-a --policies "$FLEET_DIR/policies"
	for path in /.env /.git/config /backup.sql; do
		on $A lab_in_client curl -s -o /dev/null --max-time 2 --interface "$FLEET_SCANNER" \
			"http://10.77.$A.1$path" || true
	done
	on $A within 30 own_block "$FLEET_SCANNER"
	run ! on $A fleet_ping_scanner
	on $B within 10 fleet_has_block "$FLEET_SCANNER"
	run ! on $B fleet_ping_scanner
	fleet_list
	jq -e '.[0].origin == "host-a" and .[0].policy == "sensitive-file-probe" and
	       .[0].severity == "high" and .[0].expires_in_s > 21000' <<<"$output"
	on $B lab_gatehawk block list --json |
		jq -e '.[0].reason == "fleet:sensitive-file-probe" and .[0].fleet'
}

@test "a host started later gets the fleet's blocks at once" {
	on $A lab_server_gatehawk block add "$FLEET_SCANNER" --ttl 10m
	on $B within 10 fleet_has_block "$FLEET_SCANNER"
	on $C fleet_ping_scanner
	on $C fleet_daemon_start host-c
	on $C within 20 fleet_has_block "$FLEET_SCANNER"
	run ! on $C fleet_ping_scanner
	on $C stat_is caught_up true
	on $C stat_is applied 1
	# A restart reads the bucket again: the block in force is a duplicate.
	on $C lab_daemon_stop
	on $C fleet_daemon_start host-c
	on $C within 20 stat_is caught_up true
	on $C stat_is applied 0
	on $C stat_is duplicates 1
}

@test "an unblock on host A releases the scanner on host B" {
	on $A lab_server_gatehawk block add "$FLEET_SCANNER" --ttl 10m
	on $B within 10 fleet_has_block "$FLEET_SCANNER"
	run ! on $B fleet_ping_scanner
	on $A lab_server_gatehawk block del "$FLEET_SCANNER"
	on $B within 10 no_block "$FLEET_SCANNER"
	on $B fleet_ping_scanner
	on $B stat_is unblocked 1
	fleet_list
	[[ $output == '[]' ]]
}

@test "a decision that expires stops dropping everywhere, with nobody cleaning up" {
	on $A lab_server_gatehawk block add 203.0.113.0/24 --ttl 10m
	on $A lab_server_gatehawk block add "$FLEET_SCANNER" --ttl 3s
	on $B within 10 fleet_has_block "$FLEET_SCANNER"
	run ! on $B fleet_ping_scanner
	sleep 3.2
	on $B fleet_ping_scanner
	on $A fleet_ping_scanner
	# The bucket keeps what is still in force (its max age is the fleet's 30 days).
	fleet_list
	jq -e 'length == 1 and .[0].cidr == "203.0.113.0/24"' <<<"$output"
	on $B fleet_has_block 203.0.113.0/24
}

@test "with the server down A blocks at once; B gets it when the server is back" {
	fleet_nats_stop KILL
	on $A within 30 stat_is connected false
	on $A lab_server_gatehawk block add "$FLEET_SCANNER" --ttl 10m
	run ! on $A fleet_ping_scanner
	on $A stat_is queue 1
	sleep 1
	on $B fleet_ping_scanner
	fleet_nats_start
	on $B within 80 fleet_has_block "$FLEET_SCANNER"
	run ! on $B fleet_ping_scanner
	on $A within 30 stat_is queue 0
	on $A stat_is published 1
	on $B stat_is connected true
}

@test "hostile values change nothing on host B and are counted" {
	local b_addr=10.77.$B.1
	fleet_raw_put "${FLEET_SCANNER}" '{"v":1,"action":"block",'
	fleet_raw_put "${FLEET_SCANNER}" '{"v":1,"action":"block","cidr":"10.77.250.7/33","origin":"evil","expires_at":9999999999}'
	fleet_raw_put "0.0.0.0/0" '{"v":1,"action":"block","cidr":"0.0.0.0/0","origin":"evil","expires_at":1}'
	# Well formed, but covering B's own address: B refuses what it protects.
	fleet_raw_put "$b_addr" "{\"v\":1,\"action\":\"block\",\"cidr\":\"$b_addr\",\"origin\":\"evil\",\"expires_at\":$(($(date +%s) + 600))}"
	on $B within 20 stat_is spared_protected 1
	on $B stat_is rejected_message 1
	on $B stat_is rejected_cidr 1
	on $B stat_is rejected_expiry 1
	on $B stat_is applied 0
	on $B lab_gatehawk block list --json | jq -e 'length == 0'
	on $B fleet_ping_scanner
	on $B lab_ping 1 "$b_addr"
	# A applies the block of B's address (not its own), and says why it took it.
	on $A within 20 fleet_has_block "$b_addr"
	run on $B lab_gatehawk status
	expect_status 0
	[[ $output == *"fleet:   connected to nats://10.78.$B.1"*"as host-b"* ]]
}

@test "fleet import publishes a block list every host applies" {
	printf '# feed\n%s\n203.0.113.0/24 1h\n' "$FLEET_SCANNER" >"$FLEET_DIR/feed.txt"
	run "$GATEHAWK" fleet import "$FLEET_DIR/feed.txt" --fleet "$(fleet_local_url)" \
		--ttl 10m --reason feed --fleet-name ops
	expect_status 0
	[[ $output == '2 decisions published to the fleet' ]]
	on $A within 10 fleet_has_block 203.0.113.0/24
	on $B within 10 fleet_has_block "$FLEET_SCANNER"
	run ! on $B fleet_ping_scanner
	run ! on $A fleet_ping_scanner
	echo '10.0.0.1/8' >"$FLEET_DIR/bad.txt"
	run "$GATEHAWK" fleet import "$FLEET_DIR/bad.txt" --fleet "$(fleet_local_url)"
	expect_status 2
}

@test "a source probing each of three hosts once is blocked on all three by a fleet-scope policy" {
	local id
	fleet_spread_policy "$FLEET_DIR/spread"
	for id in $A $B $C; do
		on "$id" lab_daemon_stop
		on "$id" lab_nginx_running || on "$id" lab_nginx_start_isolated
		on "$id" fleet_daemon_start "host-$((id - A))" --policies "$FLEET_DIR/spread"
	done
	# One probe each on A and B; both summaries pooled on every host.
	on $A fleet_probe_scanner /.env
	on $B fleet_probe_scanner /.git/config
	for id in $A $B $C; do
		on "$id" within 100 stat_is summaries_received 2
	done
	# Each host alone saw too little to act: one match, no block, no verdict.
	for id in $A $B $C; do
		on "$id" stat_is fleet_verdicts 0
		on "$id" lab_gatehawk block list --json | jq -e 'length == 0'
		on "$id" fleet_ping_scanner
	done
	on $A stat_is matches 1
	on $B stat_is matches 1
	on $C stat_is matches 0
	fleet_list
	[[ $output == '[]' ]]
	# The third probe: the fleet's verdict blocks the source on all three.
	on $C fleet_probe_scanner /backup.sql
	for id in $A $B $C; do
		on "$id" within 100 fleet_has_block "$FLEET_SCANNER"
		run ! on "$id" fleet_ping_scanner
		on "$id" stat_is matches 1
		on "$id" stat_is fleet_verdicts 1
		on "$id" lab_gatehawk block list --json |
			jq -e 'length == 1 and .[0].reason == "fleet:fleet-probe-spread"'
	done
	fleet_list
	jq -e --arg c "$FLEET_SCANNER" \
		'length == 1 and .[0].cidr == $c and .[0].policy == "fleet-probe-spread" and
		 (.[0].origin | test("^host-[012]$")) and .[0].reason == "3 hosts, 3 matches in 600s"' \
		<<<"$output"
	# A summary that is not one, or names a bad CIDR, is refused and counted.
	fleet_raw_pub "gatehawk.summary.evil" '{"v":1,"origin":"evil","counts":['
	fleet_raw_pub "gatehawk.summary.evil" '{"v":1,"origin":"evil","sent_ms":1,"counts":[["fleet-probe-spread","10.0.0.1/8",1,1]]}'
	on $A within 50 stat_is summary_rejected_message 1
	on $A stat_is summary_rejected_cidr 1
}
