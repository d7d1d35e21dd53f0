#!/usr/bin/env bash
# What `run --metrics` costs the daemon (issue 16 goal: under 1 % CPU at one
# scrape per second). In lab 12 (tests/lib/lab.bash), with every shipped
# policy loaded and a light steady load (a client fetching a page every
# 50 ms), the daemon's CPU time (utime + stime of all its threads, from
# /proc/PID/stat) is read over SECONDS seconds twice: without --metrics, then
# with --metrics scraped once a second. Then BURST scrapes back to back give
# the daemon's CPU per scrape and a scrape's wall time. Figures only.
#   tests/bench/metrics_bench.sh OUTDIR      (writes OUTDIR/metrics.md)
# Environment: SECONDS_EACH (default 20), BURST (default 100), GATEHAWK.
set -u
cd "$(dirname "$0")/../.." || exit 1

OUT=${1:?usage: $0 OUTDIR}
SECONDS_EACH=${SECONDS_EACH:-20}
BURST=${BURST:-100}
METRICS=127.0.0.1:9464
LAB_ID=12
# shellcheck source=tests/lib/lab.bash
source tests/lib/lab.bash
# shellcheck source=tests/lib/lab_extra.bash
source tests/lib/lab_extra.bash

mkdir -p "$OUT" || exit 1
[[ -x $GATEHAWK ]] || { echo "$GATEHAWK missing: make all" >&2; exit 1; }
trap 'lab_down_isolated' EXIT
trap 'exit 130' INT TERM HUP
TCK=$(getconf CLK_TCK)

# cpu_ticks PID: utime + stime of the process, all threads, in clock ticks.
cpu_ticks() {
	sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

# daemon_cpu_pct: the daemon's CPU over SECONDS_EACH s, in % of one core.
daemon_cpu_pct() {
	local t0 t1 w0 w1
	t0=$(cpu_ticks "$LAB_DAEMON_PID") w0=${EPOCHREALTIME//[!0-9]/}
	sleep "$SECONDS_EACH"
	t1=$(cpu_ticks "$LAB_DAEMON_PID") w1=${EPOCHREALTIME//[!0-9]/}
	awk -v t="$((t1 - t0))" -v hz="$TCK" -v us="$((w1 - w0))" \
		'BEGIN { printf "%.2f", 100 * t / hz / (us / 1e6) }'
}

start_daemon() {
	lab_gatehawk_reset
	lab_daemon_start --policies policies --alerts /dev/null --cgroup "$(lab_cgroup_dir)" "$@"
	sleep 3 # loading and the first ticks are not what is measured
}

scrape() {
	lab_in_server curl -s -o /dev/null --max-time 2 -w '%{time_total} %{size_download}\n' \
		"http://$METRICS/metrics"
}

lab_up
lab_use_private_binary
lab_nginx_start_isolated
(while :; do lab_curl 1 -o /dev/null "http://$LAB_SERVER4/pages/p1.html"; sleep 0.05; done) &
LOAD_PID=$!
trap 'kill $LOAD_PID 2>/dev/null; lab_down_isolated' EXIT

start_daemon
without=$(daemon_cpu_pct)

start_daemon --metrics "$METRICS"
(while :; do scrape >/dev/null; sleep 1; done) &
SCRAPER=$!
with=$(daemon_cpu_pct)
kill $SCRAPER 2>/dev/null
wait $SCRAPER 2>/dev/null

t0=$(cpu_ticks "$LAB_DAEMON_PID")
for ((i = 0; i < BURST; i++)); do scrape; done >"$LAB_DIR/burst.txt"
t1=$(cpu_ticks "$LAB_DAEMON_PID")
per_scrape_ms=$(awk -v t="$((t1 - t0))" -v hz="$TCK" -v n="$BURST" \
	'BEGIN { printf "%.2f", 1000 * t / hz / n }')
read -r wall_ms bytes < <(sort -g "$LAB_DIR/burst.txt" |
	awk '{ v[NR] = $1; b = $2 } END { printf "%.2f %d\n", 1000 * v[int((NR + 1) / 2)], b }')
series=$(lab_in_server curl -s "http://$METRICS/metrics" | grep -vc '^#')

{
	echo "## metrics: what \`run --metrics\` costs the daemon"
	echo
	echo "Every shipped policy loaded, a page every 50 ms, ${SECONDS_EACH} s each;" \
		"load average at the end $(cut -d' ' -f1 /proc/loadavg) (2 shared cores)."
	echo
	echo "| daemon | CPU (% of a core) |"
	echo "| --- | --- |"
	echo "| without --metrics | $without |"
	echo "| --metrics, scraped every second | $with |"
	echo "| difference | $(awk -v a="$with" -v b="$without" 'BEGIN { printf "%+.2f", a - b }') |"
	echo "| ratio | $(awk -v a="$with" -v b="$without" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }') |"
	echo
	echo "$BURST scrapes back to back: ${per_scrape_ms} ms of daemon CPU per scrape" \
		"(at one a second: $(awk -v m="$per_scrape_ms" 'BEGIN { printf "%.2f", m / 10 }') %" \
		"of a core), median scrape ${wall_ms} ms, ${bytes} bytes, ${series} series."
} | tee "$OUT/metrics.md"
