#!/usr/bin/env bats
# Issue 15, finding 9 end to end: SIGHUP reloads off the event loop, in lab 7
# (tests/lib/lab.bash; the daemon only, no traffic: its sensor sits on an
# empty cgroup of its own). Each test starts a daemon on fresh pins with one
# small policy, then reloads a directory it changed.
#
#   a. while 1,500 regex policies compile, the daemon answers `status` at
#      once (it says a reload is in progress, and runs the old set), then
#      swaps to the new set;
#   b. a second SIGHUP during a reload makes one more reload after it;
#   c. a FIFO named *.json and a policy with a key given twice fail the
#      reload with their messages; the set in force stays, the daemon runs.

bats_require_minimum_version 1.5.0
LAB_ID=7
load ../lib/lab
load ../lib/lab_extra

SLOW=1500

setup_file() {
	lab_up
	lab_use_private_binary # immune to a concurrent rebuild of build/gatehawk
	mkdir -p "$(lab_cgroup_dir)"
}

teardown_file() {
	lab_down_isolated
}

setup() {
	lab_gatehawk_reset
	rm -rf "$LAB_DIR/policies"
	mkdir -p "$LAB_DIR/policies"
	policy_file small >"$LAB_DIR/policies/small.json"
	lab_daemon_start --policies "$LAB_DIR/policies" --alerts "$LAB_DIR/alerts.jsonl" \
		--cgroup "$(lab_cgroup_dir)"
}

# policy_file NAME [N]: a match policy on a regex of its own.
policy_file() {
	printf '{"name":"%s","description":"d","kind":"match","where":{"field":"path","iregex":"^/(admin|wp-[a-z]{2,8}|x%s)[0-9]{1,4}(\\\\.php)?(/[a-z]+){0,3}$"},"action":{"type":"alert"}}\n' \
		"$1" "${2:-0}"
}

add_slow_policies() {
	local i
	for ((i = 1; i <= SLOW; i++)); do
		policy_file "p$i" "$i" >"$LAB_DIR/policies/p$i.json"
	done
}

# status_now: the daemon's status within 2 s, or a failure.
status_now() {
	timeout 2 "$GATEHAWK" status --json --pin-dir "$LAB_PIN_DIR"
}

policy_count() {
	status_now | jq '.daemon.engine.policies | length'
}

# log_lines_after OFFSET PATTERN: lines of the daemon's log after OFFSET matching PATTERN.
log_lines_after() {
	tail -c +"$1" "$LAB_DIR/daemon.err" | grep -c -- "$2" || true
}

log_has_after() {
	[[ $(log_lines_after "$1" "$2") -ge ${3:-1} ]]
}

# wait_log SECONDS OFFSET PATTERN [N]: N lines (default 1) matching PATTERN after OFFSET.
wait_log() {
	local secs=$1
	shift
	lab_wait "$* in the daemon's log" $((secs * 10)) log_has_after "$@"
}

hup() {
	kill -HUP "$(cat "$LAB_DIR/daemon.pid")"
}

@test "a. while 1500 regex policies compile, status answers at once; then the new set is in force" {
	local from st started took
	add_slow_policies
	from=$(($(stat -c %s "$LAB_DIR/daemon.err") + 1))
	hup
	sleep 0.5 # a second's compiling at least is still ahead
	started=$(date +%s.%N)
	st=$(status_now)
	took=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
	echo "status during the reload answered in ${took}s: $(jq -c '.daemon | {reloading}' <<<"$st")"
	# Answered while the reload ran, by the set in force.
	jq -e '.daemon.reloading == true and (.daemon.engine.policies | length) == 1' <<<"$st"
	wait_log 300 "$from" "reloaded $((SLOW + 1)) policies"
	[[ $(policy_count) -eq $((SLOW + 1)) ]]
	status_now | jq -e '.daemon.reloading == false'
}

@test "b. a second SIGHUP during a reload makes one more reload after it" {
	local from
	add_slow_policies
	from=$(($(stat -c %s "$LAB_DIR/daemon.err") + 1))
	hup
	wait_log 5 "$from" "SIGHUP: loading"
	hup
	hup
	wait_log 5 "$from" "one more follows it" 2
	wait_log 600 "$from" "reloaded $((SLOW + 1)) policies" 2
	status_now | jq -e '.daemon.reloading == false'
	sleep 1
	[[ $(log_lines_after "$from" "reloaded ") -eq 2 ]]
}

@test "c. a FIFO named a.json, then a key given twice: each fails the reload, the set stays" {
	local from
	mkfifo "$LAB_DIR/policies/a.json"
	from=$(($(stat -c %s "$LAB_DIR/daemon.err") + 1))
	hup
	wait_log 10 "$from" "failed; keeping the 1 policies in force"
	tail -c +"$from" "$LAB_DIR/daemon.err"
	log_has_after "$from" "a.json: expected a readable policy file"
	[[ $(policy_count) -eq 1 ]]

	rm "$LAB_DIR/policies/a.json"
	# Valid whichever description json-c would keep: it used to load.
	policy_file twice | sed 's/"description":"d"/"description":"d","description":"e"/' \
		>"$LAB_DIR/policies/twice.json"
	from=$(($(stat -c %s "$LAB_DIR/daemon.err") + 1))
	hup
	wait_log 10 "$from" "failed; keeping the 1 policies in force"
	tail -c +"$from" "$LAB_DIR/daemon.err"
	log_has_after "$from" 'twice.json: expected each key once, got "description" twice'
	[[ $(policy_count) -eq 1 ]]
}
