#!/usr/bin/env bats
# The daemon's ring-buffer reader (user/daemon/ring_reader.c) while nothing
# is sampled: it stops draining the ring on its timer and sleeps until the
# sensor wakes it with the first event. One `gatehawk run` for the file, the
# sensor on the cgroup2 root (the default). Lab 22 (tests/lib/lab.bash).
#
# Other labs' HTTP on this host reaches the sensor too: at sample rate 0 it
# sends no events whatever it sees, so the wake-up count is this daemon's.

# shellcheck disable=SC2034 # read by lab.bash
: "${LAB_ID:=22}"
load ../lib/lab
load assert

setup_file() {
	lab_up
	lab_use_private_binary
	lab_nginx_start
	lab_gatehawk_reset
	lab_daemon_start --sample-rate 1
}

teardown_file() {
	lab_down
}

# The daemon's main thread (the event loop): times it went to sleep and woke.
main_thread_sleeps() {
	local pid
	pid=$(<"$LAB_DIR/daemon.pid")
	awk '$1 == "voluntary_ctxt_switches:" { print $2 }' "/proc/$pid/task/$pid/status"
}

decoded() {
	lab_gatehawk stats --json | jq '.daemon.decoder.decoded'
}

@test "sample rate 0: 20 requests in 2 s, the event loop wakes fewer than 30 times (a 15 ms drain timer: 133)" {
	local before after i
	run lab_gatehawk tune --sample-rate 0
	expect_status 0
	# The reader goes idle after 150 ms without events and one more drain.
	sleep 0.5
	before=$(main_thread_sleeps)
	for ((i = 0; i < 20; i++)); do
		lab_curl 1 -o /dev/null "http://$LAB_SERVER4/"
		sleep 0.1
	done
	after=$(main_thread_sleeps)
	echo "event loop wake-ups in about 2 s: $((after - before))" >&2
	((after - before < 30))
}

@test "sample rate 1, the reader idle: the first request wakes it, its record is decoded within 1 s" {
	local before i
	run lab_gatehawk tune --sample-rate 1
	expect_status 0
	sleep 0.5
	before=$(decoded)
	lab_curl 1 -o /dev/null "http://$LAB_SERVER4/"
	for ((i = 0; i < 20; i++)); do
		(($(decoded) > before)) && return 0
		sleep 0.05
	done
	echo "no record decoded 1 s after the request (decoded: $before -> $(decoded))" >&2
	return 1
}
