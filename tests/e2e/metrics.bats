#!/usr/bin/env bats
# Issue 16, items 1 and 7, end to end in lab 12 (tests/lib/lab.bash): server
# 10.77.12.1 behind gh12s0, clients .2-.5 (index 1-4).
#
#   - The renderer's exposition (tests/unit/test_metrics_text, with escaped
#     policy names and log paths) and the live endpoint's pass
#     `promtool check metrics`; /metrics only, GET only.
#   - A real Prometheus (Debian's), run in the server's namespace with its
#     own config and storage under $LAB_DIR, scrapes `run --metrics
#     127.0.0.1:9464` every second; after pages, an alert and a block its
#     query API returns those series with their values. The namespace is
#     the lab's own, so both ports are free.
#   - A failed reload is counted in the metrics and in `status`, which also
#     shows lag, policies in force and the last minute's alerts and blocks.
#   - `gatehawk top`, run in tmux, shows the blocked source with its block
#     and the recent alerts.
#   - A scraper that sends half a request and stalls holds up neither the
#     daemon nor other scrapes.
#
# The sensor sits on nginx's own cgroup (lab_extra.bash): other labs' traffic
# never reaches this daemon. Every test starts its own daemon (setup) and
# runs alone (bats -f); teardown_file removes everything, Prometheus too.

bats_require_minimum_version 1.5.0
# shellcheck disable=SC2034 # read by lab.bash
LAB_ID=12
load ../lib/lab
load ../lib/lab_extra

METRICS=127.0.0.1:9464
PROM=127.0.0.1:9090
BROWSER=1
ALERTED=2 # asks for /probe: lab-alert
BLOCKED=3 # asks for /.env: lab-block
TMUX_SOCKET=gh-lab-$LAB_ID

setup_file() {
	lab_up
	lab_use_private_binary
	lab_nginx_start_isolated
	prometheus_start
}

teardown_file() {
	lab_down_isolated # Prometheus runs in the lab's namespace: it goes too
}

setup() {
	lab_gatehawk_reset
	lab_nginx_running || lab_nginx_start_isolated
	rm -rf "$LAB_DIR/policies" "$LAB_DIR/alerts.jsonl"
	mkdir -p "$LAB_DIR/policies"
	policy lab-block '^/\\.env$' '{"type":"block","ttl":"10m"}'
	policy lab-alert '^/probe$' '{"type":"alert"}'
	lab_daemon_start --policies "$LAB_DIR/policies" --alerts "$LAB_DIR/alerts.jsonl" \
		--cgroup "$(lab_cgroup_dir)" --metrics "$METRICS"
}

teardown() {
	tmux -L "$TMUX_SOCKET" kill-server 2>/dev/null || true
	# A test that turned BPF run-time statistics on puts the sysctl back.
	if [[ -f $LAB_DIR/bpf_stats_enabled ]]; then
		sysctl -qw kernel.bpf_stats_enabled="$(cat "$LAB_DIR/bpf_stats_enabled")"
		rm -f "$LAB_DIR/bpf_stats_enabled"
	fi
}

# ---- helpers ---------------------------------------------------------------

# policy NAME PATH_REGEX ACTION: a match policy on the request path.
policy() {
	printf '{"name":"%s","description":"metrics.bats","kind":"match","where":{"field":"path","iregex":"%s"},"action":%s}\n' \
		"$1" "$2" "$3" >"$LAB_DIR/policies/$1.json"
}

prometheus_start() {
	local dir=$LAB_DIR/prometheus
	mkdir -p "$dir/data"
	cat >"$dir/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: gatehawk
    static_configs:
      - targets: ['$METRICS']
EOF
	# nsenter execs Prometheus (see lab_daemon_start); lab_down stops
	# every process of the namespace.
	nsenter --net="/run/netns/$LAB_SERVER_NS" prometheus --config.file="$dir/prometheus.yml" \
		--storage.tsdb.path="$dir/data" --web.listen-address="$PROM" --log.level=warn \
		>"$dir/out.log" 2>&1 3>&- &
	lab_wait "Prometheus is ready" 300 lab_in_server curl -sf "http://$PROM/-/ready" ||
		{ cat "$dir/out.log" >&2; return 1; }
}

# make_traffic: three pages from a browser, /probe (an alert), /.env (a block),
# then the blocked client again: dropped at the gate.
make_traffic() {
	local i
	for i in 1 2 3; do
		lab_curl $BROWSER -o /dev/null "http://$LAB_SERVER4/pages/p$i.html"
	done
	lab_curl $ALERTED -o /dev/null "http://$LAB_SERVER4/probe"
	lab_curl $BLOCKED -o /dev/null "http://$LAB_SERVER4/.env"
	lab_wait "the block's alert" 30 grep -q '"lab-block"' "$LAB_DIR/alerts.jsonl"
	! lab_curl $BLOCKED -o /dev/null --max-time 1 "http://$LAB_SERVER4/pages/p1.html"
}

scrape() {
	lab_in_server curl -s --max-time 2 "$@" "http://$METRICS/metrics"
}

# prom_value QUERY: the value of its first series now, "" when it has none.
prom_value() {
	lab_in_server curl -s --max-time 2 -G "http://$PROM/api/v1/query" \
		--data-urlencode "query=$1" | jq -r '.data.result[0].value[1] // empty'
}

prom_is() {
	[[ $(prom_value "$1") == "$2" ]]
}

# prom_expect QUERY VALUE: Prometheus answers VALUE within 15 s (it scrapes every second).
prom_expect() {
	lab_wait "Prometheus: $1 = $2" 150 prom_is "$1" "$2" && return 0
	echo "Prometheus answers '$(prom_value "$1")' for $1" >&2
	return 1
}

DASHBOARD=$LAB_ROOT/contrib/grafana/gatehawk.json

# dashboard_queries: the PromQL of every panel, one a line, $instance matching all.
dashboard_queries() {
	# shellcheck disable=SC2016 # Grafana's variable, not the shell's
	jq -r '.panels[].targets[].expr' "$DASHBOARD" | sed 's/\$instance/.*/g'
}

tmux_screen() {
	tmux -L "$TMUX_SOCKET" capture-pane -p -t top
}

screen_has() {
	tmux_screen | grep -qE -- "$1"
}

# ---- tests -----------------------------------------------------------------

@test "the renderer's exposition, escapes and all, passes promtool check metrics" {
	local out=$LAB_DIR/render.prom
	"$LAB_ROOT/build/tests/unit/test_metrics_text" "$out" >"$LAB_DIR/unit.tap"
	grep -c '^ok' "$LAB_DIR/unit.tap"
	grep -q 'odd\\"name' "$out" # the escaped policy name is in what promtool reads
	promtool check metrics <"$out"
}

@test "the Grafana dashboard is valid JSON and queries only series the renderer writes" {
	local out=$LAB_DIR/render.prom name
	"$LAB_ROOT/build/tests/unit/test_metrics_text" "$out" >/dev/null
	jq -e '(.panels | length) >= 5 and all(.panels[]; (.targets | length) >= 1)' "$DASHBOARD"
	for name in $(dashboard_queries | grep -o 'gatehawk_[a-z0-9_]*' | sort -u); do
		grep -q "^# TYPE $name " "$out" || { echo "the dashboard queries $name: no such series" >&2; return 1; }
	done
}

@test "the endpoint: promtool accepts it; only GET /metrics is served" {
	local text
	make_traffic
	text=$(scrape)
	promtool check metrics <<<"$text"
	grep -qx 'gatehawk_blocks_total 1' <<<"$text"
	grep -qx 'gatehawk_policy_alerts_total{policy="lab-alert"} 1' <<<"$text"
	grep -qE '^gatehawk_metrics_snapshot_age_seconds [0-9.e-]+$' <<<"$text"
	[[ $(scrape -o /dev/null -w '%{content_type}') == "text/plain; version=0.0.4; charset=utf-8" ]]
	[[ $(lab_in_server curl -s -o /dev/null -w '%{http_code}' "http://$METRICS/") == 404 ]]
	[[ $(scrape -o /dev/null -w '%{http_code}' -X POST) == 405 ]]
}

@test "Prometheus scrapes the daemon: pages, an alert and a block as series and values" {
	make_traffic
	prom_expect 'up{job="gatehawk"}' 1
	prom_expect 'gatehawk_blocks_total' 1
	prom_expect 'gatehawk_alerts_total' 2
	prom_expect 'gatehawk_policy_blocks_total{policy="lab-block"}' 1
	prom_expect 'gatehawk_policy_alerts_total{policy="lab-alert"}' 1
	prom_expect 'gatehawk_block_entries{origin="automatic"}' 1
	prom_expect 'gatehawk_policies_loaded' 2
	prom_expect 'gatehawk_decoder_records_total >= bool 5' 1
	# The blocked client's retries were dropped at the gate, IPv4.
	prom_expect 'gatehawk_xdp_dropped_packets_total{family="ipv4"} > bool 0' 1
	prom_expect 'gatehawk_xdp_packets_total{verdict="drop",reason="block"} > bool 0' 1
	prom_expect 'gatehawk_ring_lost_events_total{reason="ring_full"}' 0
	prom_expect 'gatehawk_engine_lag_seconds < bool 5' 1
	prom_expect 'gatehawk_kernel_counters_up' 1
	prom_expect 'count(gatehawk_policy_matches_total)' 2
	# Every panel's query is valid PromQL, and those on traffic have data.
	local q
	while IFS= read -r q; do
		lab_in_server curl -s --max-time 2 -G "http://$PROM/api/v1/query" --data-urlencode "query=$q" |
			jq -e '.status == "success"' >/dev/null || { echo "dashboard query refused: $q" >&2; return 1; }
	done < <(dashboard_queries)
	# The drops panel's rate, once Prometheus has seen the counter before and after more drops.
	run -28 lab_curl $BLOCKED -o /dev/null --max-time 1 "http://$LAB_SERVER4/" # dropped: a timeout
	prom_expect "$(dashboard_queries | grep -m1 'verdict="drop"') > bool 0" 1
}

@test "BPF run time and runs per program while kernel.bpf_stats_enabled is on" {
	local text
	sysctl -n kernel.bpf_stats_enabled >"$LAB_DIR/bpf_stats_enabled" # teardown restores it
	sysctl -qw kernel.bpf_stats_enabled=1
	make_traffic
	text=$(scrape)
	grep '^gatehawk_bpf_program' <<<"$text"
	grep -qx 'gatehawk_bpf_stats_enabled 1' <<<"$text"
	grep -qE '^gatehawk_bpf_program_runs_total\{program="xdp_gate"\} [1-9][0-9]*$' <<<"$text"
	grep -qE '^gatehawk_bpf_program_run_seconds_total\{program="xdp_gate"\} [0-9.e-]+$' <<<"$text"
	run -1 grep -qx 'gatehawk_bpf_program_run_seconds_total{program="xdp_gate"} 0' <<<"$text"
	prom_expect 'gatehawk_bpf_program_runs_total{program="xdp_gate"} > bool 0' 1
}

@test "a failed reload is counted in the metrics and in status" {
	local st
	echo '{"name":' >"$LAB_DIR/policies/broken.json"
	kill -HUP "$(cat "$LAB_DIR/daemon.pid")"
	lab_wait "the failed reload" 50 grep -q 'failed; keeping the 2 policies' "$LAB_DIR/daemon.err"
	scrape | grep -qx 'gatehawk_reloads_total{result="failure"} 1'
	scrape | grep -qx 'gatehawk_reloads_total{result="success"} 0'
	prom_expect 'gatehawk_reloads_total{result="failure"}' 1
	st=$(lab_gatehawk status)
	echo "$st"
	grep -q '^policies: 2 in force; reloads 0 ok, 1 failed (last failure: invalid policies)' <<<"$st"
}

@test "status: uptime, lag, policies in force, alerts and blocks of the last minute and hour" {
	local st
	make_traffic
	st=$(lab_gatehawk status)
	echo "$st"
	grep -qE '^daemon:  running, pid [0-9]+, up [0-9]+s \(since 20[0-9-]+T' <<<"$st"
	grep -qE '^lag:     [0-9]+\.[0-9]{3}s \(the last record, [0-9]+s ago' <<<"$st"
	grep -q '^policies: 2 in force; reloads 0 ok, 0 failed$' <<<"$st"
	grep -q '^activity: last minute 2 alerts, 1 block; last hour 2 alerts, 1 block$' <<<"$st"
	lab_gatehawk status --json | jq -e '.daemon.health.last_minute == {"alerts": 2, "blocks": 1}'
}

@test "top in tmux shows the blocked source with its block and the recent alerts" {
	local blocked alerted
	blocked=$(lab_client4 $BLOCKED)
	alerted=$(lab_client4 $ALERTED)
	make_traffic
	TERM=xterm tmux -L "$TMUX_SOCKET" new-session -d -s top -x 200 -y 50 \
		"$GATEHAWK top --pin-dir $LAB_PIN_DIR --interval 1s"
	lab_wait "top's first frame" 50 screen_has '^RECENT ALERTS'
	tmux_screen
	screen_has "^${blocked//./\\.} .* [0-9]+m[0-9]+s \(lab-block\)\$"
	screen_has "^${alerted//./\\.} .* -\$"
	screen_has "^20[0-9T:.-]+Z +block +${blocked//./\\.} +lab-block\$"
	screen_has "^20[0-9T:.-]+Z +alert +${alerted//./\\.} +lab-alert\$"
}

@test "a scraper that stalls mid-request holds up neither the daemon nor other scrapes" {
	local stalled started took
	# Half a request line, then silence for longer than the test.
	nsenter --net="/run/netns/$LAB_SERVER_NS" bash -c \
		"exec 3<>/dev/tcp/${METRICS%:*}/${METRICS#*:}; printf 'GET /metr' >&3; exec sleep 20" \
		3>&- &
	stalled=$!
	sleep 0.3
	started=$(date +%s%N)
	scrape | grep -q '^gatehawk_kernel_counters_up 1$'
	timeout 2 "$GATEHAWK" status --json --pin-dir "$LAB_PIN_DIR" | jq -e '.daemon.pid'
	took=$((($(date +%s%N) - started) / 1000000))
	echo "a scrape and a status beside the stalled scraper: ${took} ms"
	kill "$stalled"
	((took < 1500))
}
