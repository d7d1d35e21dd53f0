# shellcheck shell=bash
# The http benchmark of tests/bench/run.sh (`tests/bench/run.sh http`),
# sourced by its bench_http in the benchmark's own subshell: it uses run.sh's
# defer, calc, percentile, stats_json and CLK_TCK, and tests/lib/lab.bash.
#
# CPU time per request, not requests/s: at a fixed rate below saturation the
# sides of a comparison get the same load, and CPU accounting is exact where
# throughput on two shared cores varies by ±50 %. gatehawk's share is its
# programs' own run time (kernel.bpf_stats_enabled) plus the daemon's CPU;
# its peer is nginx writing its access log, which log shippers read.

HTTP_ROUNDS=${HTTP_ROUNDS:-3}
HTTP_SECONDS=${HTTP_SECONDS:-5}          # per run
HTTP_RATE=${HTTP_RATE:-2000}             # keep-alive requests/s
HTTP_CLOSE_RATE=${HTTP_CLOSE_RATE:-1000} # new connection per request
HTTP_CLIENT_CONNS=${HTTP_CLIENT_CONNS:-8}
# A site's name: a numeric Host header is itself a CRS finding (920350), and
# every such request gets the whole rule set.
HTTP_VHOST=www.example.com
HTTP_GOAL_PCT=1
HTTP_STATUS_PORT=8081 # the logging nginx's stub_status, on the server's loopback
HTTP_STATUS_PORT2=8082 # the other one's
# Cases: without gatehawk, off = nginx logging every request (combined, as a
# site does) and nolog = the same nginx with `access_log off`, both loaded at
# once; with `gatehawk run` on the logging nginx: count = sample rate 0 (gate
# and sensor counting, nothing to the ring buffer), core = sample rate 1 (the
# default: every head decoded) with the 14 core policies (policies/*.json),
# all = sample rate 1 with every shipped policy (the CRS pack included).
HTTP_CASES=(nolog off count core all)
HTTP_GATEHAWK_CASES=(count core all)
# A round: the sides in this order (reversed every other round).
HTTP_SIDES=(without count core all)
HTTP_MODES=(keepalive close)
# What `gatehawk run` attaches: the gate on the interface, the sensor on
# nginx's cgroup (bpftool's attach types).
HTTP_PROGS=(xdp cgroup_inet_ingress cgroup_inet_egress cgroup_sock_ops)

# live_daemon_stop: the daemon ended and everything detached, the host as
# without gatehawk.
live_daemon_stop() {
	lab_daemon_stop
	lab_gatehawk detach >/dev/null 2>&1
	DAEMON_PID=
}

# foreign_cgroup_progs: programs other gatehawk instances (other labs, other
# tests) have on the cgroup2 root; they see this lab's traffic too and add
# their cost to every side of a comparison.
foreign_cgroup_progs() {
	local root
	root=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/mounts)
	# bpftool prints nothing at all for a cgroup with no programs.
	bpftool -j cgroup show "$root" 2>/dev/null | jq -s '.[0] // [] | length'
}

# http_nginx_conf PORT STATUS_PORT PID_FILE LOG: an nginx config (1 worker)
# serving the lab's site on PORT, stub_status on the server's loopback at
# STATUS_PORT, LOG an access_log directive's arguments.
http_nginx_conf() {
	cat <<CONF
worker_processes 1;
pid $3;
error_log $LAB_DIR/error.log;
events { worker_connections 1024; }
http {
  keepalive_requests 1000000;
  default_type text/html;
  server {
    listen $LAB_SERVER4:$1;
    root $LAB_DIR/www;
    access_log $4;
  }
  server {
    listen 127.0.0.1:$2;
    access_log off;
    location = /status { stub_status; }
  }
}
CONF
}

# http_nginx_start: two nginx in the server namespace, each (master and
# worker) in a cgroup of its own from its start: HTTP_CG/nginx logs every
# request on port 80, HTTP_CG/nginx-nolog serves the same site on 8080
# without a log. lab_down stops both (nginx.pid, then the namespace's pids).
http_nginx_start() {
	lab_write_site
	http_nginx_conf "$LAB_HTTP_PORT" "$HTTP_STATUS_PORT" "$LAB_DIR/nginx.pid" \
		"$LAB_DIR/access.log combined" >"$LAB_DIR/nginx.conf"
	http_nginx_conf "$LAB_HTTP_PORT2" "$HTTP_STATUS_PORT2" "$LAB_DIR/nginx-nolog.pid" off \
		>"$LAB_DIR/nginx-nolog.conf"
	(echo "$BASHPID" >"$HTTP_CG/nginx/cgroup.procs" &&
		lab_in_server nginx -c "$LAB_DIR/nginx.conf") || return 1
	(echo "$BASHPID" >"$HTTP_CG/nginx-nolog/cgroup.procs" &&
		lab_in_server nginx -c "$LAB_DIR/nginx-nolog.conf") || return 1
	lab_wait "nginx answers" 50 lab_in_client curl -sf -o /dev/null "http://$LAB_SERVER4/" &&
		lab_wait "nginx answers on $LAB_HTTP_PORT2" 50 lab_in_client curl -sf -o /dev/null \
			"http://$LAB_SERVER4:$LAB_HTTP_PORT2/"
}

# http_cgroups_make: HTTP_CG (a cgroup v2 of this run) with nginx/,
# nginx-nolog/ and daemon/ under it, removed at the end, after the lab
# (registered first).
http_cgroups_make() {
	local root
	root=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/mounts)
	[[ -n $root ]] || { echo "no cgroup2 mount in /proc/mounts" >&2; return 1; }
	HTTP_CG=$root/$TAG
	defer http_cgroup_remove "$HTTP_CG"
	mkdir -p "$HTTP_CG/nginx" "$HTTP_CG/nginx-nolog" "$HTTP_CG/daemon"
}

# http_cgroup_remove DIR: DIR's child cgroups and DIR removed once empty
# (the lab's teardown ended nginx and the daemon just before; cgroup.events
# says when exited processes are reaped too); whatever of ours is still in
# them after 3 s is killed.
http_cgroup_remove() {
	local cg=$1 sub pid i
	for sub in "$cg"/*/ "$cg/"; do
		[[ -d $sub ]] || continue
		for ((i = 0; i < 30; i++)); do
			grep -qx 'populated 0' "$sub/cgroup.events" && break
			sleep 0.1
		done
		while read -r pid; do kill -KILL "$pid"; done <"$sub/cgroup.procs"
		for ((i = 0; i < 50; i++)); do
			rmdir "$sub" 2>/dev/null && break
			sleep 0.1
		done
	done
	[[ ! -d $cg ]] || { echo "could not remove $cg" >&2; return 1; }
}

# http_bpf_stats_on: kernel.bpf_stats_enabled=1 for the run, the previous
# value back at the end.
http_bpf_stats_on() {
	local was
	was=$(sysctl -n kernel.bpf_stats_enabled) || return 1
	defer sysctl -qw "kernel.bpf_stats_enabled=$was"
	sysctl -qw kernel.bpf_stats_enabled=1
}

# http_daemon_up POLICIES: `gatehawk run` with the policies in POLICIES
# (--dry-run: the one client must not get blocked), its sensor on nginx's
# cgroup (so it sees this lab's requests only), the daemon moved to a cgroup
# of its own for its CPU time. Sets HTTP_PROG_IDS[attach type] to the ids of
# what it attached and HTTP_DAEMON_POLICIES.
http_daemon_up() {
	local prog type id
	lab_daemon_start --policies "$1" --alerts "$LAB_DIR/alerts.jsonl" --dry-run \
		--cgroup "$HTTP_CG/nginx" || return 1
	DAEMON_PID=$LAB_DAEMON_PID HTTP_DAEMON_POLICIES=$1
	echo "$DAEMON_PID" >"$HTTP_CG/daemon/cgroup.procs" || return 1
	HTTP_PROG_IDS=()
	HTTP_PROG_IDS[xdp]=$(ip -n "$LAB_SERVER_NS" -j link show dev "$LAB_SERVER_IF" |
		jq -r '.[0].xdp.prog.id // empty')
	while read -r type id; do
		HTTP_PROG_IDS[$type]=$id
	done < <(bpftool -j cgroup show "$HTTP_CG/nginx" | jq -r '.[] | "\(.attach_type) \(.id)"')
	for prog in "${HTTP_PROGS[@]}"; do
		[[ -n ${HTTP_PROG_IDS[$prog]:-} ]] || { echo "gatehawk attached no $prog program" >&2; return 1; }
	done
}

# http_cg_usec CGROUP: the CPU time CGROUP's processes have used, microseconds
# (cpu.stat of cgroup v2: the scheduler's exact run time, all threads).
http_cg_usec() {
	awk '$1 == "usage_usec" { print $2 }' "$1/cpu.stat"
}

# http_softirq_ns: softirq time of all CPUs so far (/proc/stat, clock ticks).
http_softirq_ns() {
	awk -v hz="$CLK_TCK" '$1 == "cpu" { printf "%.0f", $8 * 1e9 / hz }' /proc/stat
}

# http_served STATUS_PORT: requests that nginx has served so far (stub_status).
http_served() {
	local n
	n=$(lab_in_server curl -sf "http://127.0.0.1:$1/status" | awk 'NR == 3 { print $3 }')
	[[ -n $n ]] || { echo "nginx stub_status on $1 did not answer" >&2; return 1; }
	echo "$n"
}

# http_prog_stats: "TYPE RUN_TIME_NS RUN_CNT" for each program in HTTP_PROG_IDS.
http_prog_stats() {
	local prog
	for prog in "${!HTTP_PROG_IDS[@]}"; do
		bpftool -j prog show id "${HTTP_PROG_IDS[$prog]}" |
			jq -r --arg t "$prog" '"\($t) \(.run_time_ns // 0) \(.run_cnt // 0)"'
	done
}

# http_add KEY VALUE: VALUE appended to the runs of HTTP_FIG[KEY].
http_add() {
	HTTP_FIG[$1]+="$2 "
}

# http_med KEY: the median of HTTP_FIG[KEY]'s runs.
http_med() {
	# shellcheck disable=SC2086 # the runs are space-separated
	percentile 50 ${HTTP_FIG[$1]}
}

# http_gatehawk_case CASE: whether gatehawk runs in CASE.
http_gatehawk_case() {
	[[ " ${HTTP_GATEHAWK_CASES[*]} " == *" $1 "* ]]
}

# http_decoded: records the daemon has decoded and records the sensor lost.
http_decoded() {
	stats_json | jq -r '"\(.daemon.decoder.decoded // 0) \(.sensor.lost_ring_full +
		.sensor.lost_no_storage + .sensor.lost_outstanding + .sensor.lost_load)"'
}

# http_daemon_settled: the daemon's CPU time (us) once it is idle again
# (under 5 ms in 100 ms: every record it was sent is in), at most 3 s on.
http_daemon_settled() {
	local prev cur i
	cur=$(http_cg_usec "$HTTP_CG/daemon")
	for ((i = 0; i < 30; i++)); do
		prev=$cur
		sleep 0.1
		cur=$(http_cg_usec "$HTTP_CG/daemon")
		((cur - prev < 5000)) && break
	done
	echo "$cur"
}

# http_run SIDE MODE: one fixed-rate run of a client per nginx of SIDE
# (without: both nginx at once; otherwise the logging one, its case named
# SIDE); per request (ns), appended to HTTP_FIG["CASE MODE what"]: nginx
# (its cgroup), softirq (all of it over all requests served), server (the
# two); with gatehawk also daemon, progs (all its programs), "PROG
# ns|runs|per_run" of each, decoded (records/requests) and lost (records).
# nginx, softirq and the programs are read as the clients end, the daemon
# once it is idle again; status requests, bpftool and `stats` run outside
# the CPU windows.
http_run() {
	local side=$1 mode=$2 rate=$HTTP_RATE args=(--browser --vhost "$HTTP_VHOST") targets pids=() i name port cg status out key
	local n0=() n1=() g0=() g1=() served=() nginx=() s0 s1 d0 d1 r0 r1 l0 l1 progs0 progs1 all=0
	local prog t0 c0 t1 c1 progs=0 gh=0
	[[ $mode == close ]] && rate=$HTTP_CLOSE_RATE args+=(--close)
	if [[ $side == without ]]; then
		targets=("off $LAB_HTTP_PORT nginx $HTTP_STATUS_PORT"
			"nolog $LAB_HTTP_PORT2 nginx-nolog $HTTP_STATUS_PORT2")
	else
		targets=("$side $LAB_HTTP_PORT nginx $HTTP_STATUS_PORT")
		gh=1
	fi
	if ((gh)); then
		read -r r0 l0 < <(http_decoded)
		d0=$(http_cg_usec "$HTTP_CG/daemon")
		progs0=$(http_prog_stats) || return 1
	fi
	for i in "${!targets[@]}"; do
		read -r name port cg status <<<"${targets[i]}"
		n0[i]=$(http_served "$status") || return 1
	done
	s0=$(http_softirq_ns)
	for i in "${!targets[@]}"; do
		read -r name port cg status <<<"${targets[i]}"
		g0[i]=$(http_cg_usec "$HTTP_CG/$cg")
		lab_in_client python3 tests/bench/rate_client.py --host "$LAB_SERVER4" --port "$port" \
			--rate "$rate" --seconds "$HTTP_SECONDS" --conns "$HTTP_CLIENT_CONNS" "${args[@]}" \
			>"$LAB_DIR/client$i.json" &
		pids+=($!)
	done
	wait "${pids[@]}"
	for i in "${!targets[@]}"; do
		read -r name port cg status <<<"${targets[i]}"
		g1[i]=$(http_cg_usec "$HTTP_CG/$cg")
	done
	s1=$(http_softirq_ns)
	for i in "${!targets[@]}"; do
		read -r name port cg status <<<"${targets[i]}"
		n1[i]=$(http_served "$status") || return 1
		# The later status request counts itself.
		served[i]=$((n1[i] - n0[i] - 1))
		((served[i] > 0)) || { echo "$name $mode: nginx served nothing" >&2; return 1; }
		all=$((all + served[i]))
	done
	if ((gh)); then
		progs1=$(http_prog_stats) || return 1
		d1=$(http_daemon_settled)
		read -r r1 l1 < <(http_decoded)
	fi
	for i in "${!targets[@]}"; do
		read -r name port cg status <<<"${targets[i]}"
		key="$name $mode" out=$(<"$LAB_DIR/client$i.json")
		jq -e '.errors == 0' <<<"$out" >/dev/null 2>&1 ||
			echo "rate client, $key: ${out:-no output}" >&2
		http_add "$key rate" "$(jq -r '.rate // 0' <<<"$out")"
		http_add "$key late" "$(jq -r '.late // 0' <<<"$out")"
		nginx[i]=$(((g1[i] - g0[i]) * 1000 / served[i]))
		http_add "$key nginx" "${nginx[i]}"
		http_add "$key softirq" "$(((s1 - s0) / all))"
		http_add "$key server" "$((nginx[i] + (s1 - s0) / all))"
		printf '  %-5s %-9s %7s req/s  nginx %6.2f us  softirq %6.2f us' "$name" "$mode" \
			"$(jq -r '.rate // 0' <<<"$out")" "$(calc '%.3f' "(${g1[i]} - ${g0[i]}) / ${served[i]}")" \
			"$(calc '%.3f' "($s1 - $s0) / 1000 / $all")"
		((gh)) || { echo; continue; }
		while read -r prog t0 c0; do
			read -r _ t1 c1 < <(grep "^$prog " <<<"$progs1")
			progs=$((progs + t1 - t0))
			http_add "$key $prog ns" "$(((t1 - t0) / all))"
			http_add "$key $prog runs" "$(calc '%.2f' "($c1 - $c0) / $all")"
			http_add "$key $prog per_run" "$(calc '%.0f' "(($c1 > $c0) ? ($t1 - $t0) / ($c1 - $c0) : 0)")"
		done <<<"$progs0"
		http_add "$key progs" "$((progs / all))"
		http_add "$key daemon" "$(((d1 - d0) * 1000 / all))"
		http_add "$key decoded" "$((r1 - r0))/$all"
		http_add "$key lost" "$((l1 - l0))"
		printf '  programs %5.2f us  daemon %6.2f us  decoded %d, lost %d\n' \
			"$(calc '%.3f' "$progs / 1000 / $all")" "$(calc '%.3f' "($d1 - $d0) / $all")" \
			"$((r1 - r0))" "$((l1 - l0))"
	done
	# The access log's cost: the two nginx of the same run, same load, same time.
	[[ $side == without ]] && http_add "log $mode" "$((nginx[0] - nginx[1]))"
	return 0
}

# http_side SIDE: gatehawk brought into SIDE's state (stopped; or started
# with SIDE's policies and tuned), then a run per mode.
http_side() {
	local side=$1 mode policies=$HTTP_CORE_POLICIES
	[[ $side == all ]] && policies=policies
	if [[ $side == without ]]; then
		[[ -z ${DAEMON_PID:-} ]] || live_daemon_stop
	else
		if [[ -n ${DAEMON_PID:-} && $HTTP_DAEMON_POLICIES != "$policies" ]]; then
			live_daemon_stop
		fi
		[[ -n ${DAEMON_PID:-} ]] || http_daemon_up "$policies" || return 1
		lab_gatehawk tune --sample-rate "$([[ $side == count ]] && echo 0 || echo 1)" >/dev/null ||
			return 1
	fi
	for mode in "${HTTP_MODES[@]}"; do
		http_run "$side" "$mode" || return 1
	done
}

# us NS: nanoseconds as microseconds, 2 decimals.
us() {
	calc '%.2f' "$1 / 1000"
}

# pct PART WHOLE: PART in percent of WHOLE.
pct() {
	calc '%.2f %%' "100 * $1 / $2"
}

# http_side_name SIDE: SIDE in the report's words.
http_side_name() {
	case $1 in
	count) echo "gatehawk counting (sample rate 0)" ;;
	core) echo "gatehawk sampling 1/1 (the default), 14 core policies" ;;
	all) echo "gatehawk sampling 1/1, all $HTTP_ALL_POLICIES shipped policies (CRS included)" ;;
	esac
}

# http_verdict CONDITION: met or **missed**, by an awk condition.
http_verdict() {
	calc '%s' "(($1) ? \"met\" : \"**missed**\")"
}

# http_mode_rows MODE: the summary rows of one mode, each figure beside its peer.
http_mode_rows() {
	local m=$1 name rate base logcost side progs daemon cost
	name=$([[ $m == close ]] && echo "new connection per request" || echo keep-alive)
	rate=$([[ $m == close ]] && echo "$HTTP_CLOSE_RATE" || echo "$HTTP_RATE")
	base=$(http_med "off $m server")
	logcost=$(http_med "log $m")
	printf '| %s at %s req/s (achieved %s): nginx + softirq, without gatehawk | %s us (nginx %s + softirq %s) | access log off: %s us | | |\n' \
		"$name" "$rate" "$(http_med "off $m rate")" "$(us "$base")" "$(us "$(http_med "off $m nginx")")" \
		"$(us "$(http_med "off $m softirq")")" "$(us "$(http_med "nolog $m server")")"
	printf '| %s: nginx writing its access log (its CPU, log on - off, same run) | %s us | nginx + softirq %s us | %s | |\n' \
		"$name" "$(us "$logcost")" "$(us "$base")" "$(pct "$logcost" "$base")"
	for side in "${HTTP_GATEHAWK_CASES[@]}"; do
		progs=$(http_med "$side $m progs") daemon=$(http_med "$side $m daemon")
		cost=$((progs + daemon))
		printf '| %s: %s: programs + daemon | %s us (%s + %s) | nginx + softirq %s us | %s | <= %d %%: %s |\n' \
			"$name" "$(http_side_name "$side")" "$(us "$cost")" "$(us "$progs")" "$(us "$daemon")" \
			"$(us "$base")" "$(pct "$cost" "$base")" "$HTTP_GOAL_PCT" \
			"$(http_verdict "100 * $cost <= $HTTP_GOAL_PCT * $base")"
		[[ $side == count ]] && continue
		printf '| %s: %s, against the access log | %s us | access log %s us | %s | < 1x: %s |\n' \
			"$name" "$(http_side_name "$side")" "$(us "$cost")" "$(us "$logcost")" \
			"$(calc '%.2fx' "(($logcost > 0) ? $cost / $logcost : 0)")" \
			"$(http_verdict "$cost < $logcost")"
	done
}

# http_prog_rows: ns per run, runs per request and CPU per request of each
# program and of the daemon, the gatehawk sides side by side.
http_prog_rows() {
	local m prog side row
	for m in "${HTTP_MODES[@]}"; do
		for prog in "${HTTP_PROGS[@]}" daemon; do
			row="| $m | $prog |"
			for side in "${HTTP_GATEHAWK_CASES[@]}"; do
				if [[ $prog == daemon ]]; then
					# Mostly a fixed cost per second when nothing is sampled.
					row+=" $(us "$(http_med "$side $m daemon")") us ($(calc '%.2f' \
						"$(http_med "$side $m daemon") * $(http_med "$side $m rate") / 1e7") % of a core) |"
				else
					row+=" $(us "$(http_med "$side $m $prog ns")") us ="
					row+=" $(http_med "$side $m $prog runs") x $(http_med "$side $m $prog per_run") ns |"
				fi
			done
			echo "$row"
		done
	done
}

# http_report FOREIGN: the tables, on stdout and in http.md.
http_report() {
	local foreign=$1 m side key
	{
		echo "## nginx CPU per request, and what gatehawk adds"
		echo
		echo "A fixed-rate client (\`tests/bench/rate_client.py\`, open loop, $HTTP_CLIENT_CONNS workers) in" \
			"the client namespace asks nginx (1 worker, in a cgroup of its own) for / over a veth" \
			"with a browser's headers for $HTTP_VHOST (a 509-byte head, \`--browser\`);" \
			"$HTTP_ROUNDS rounds of $HTTP_SECONDS s per case, the sides in turns (reversed every other" \
			"round), medians. Without gatehawk two such nginx, one logging every request (combined)" \
			"and one with \`access_log off\`, get the same load at the same time (a client each), so" \
			"the log's cost is a difference taken under the same conditions; gatehawk runs on the" \
			"logging one, alone. CPU per request = CPU time / requests served (stub_status):" \
			"nginx = its cgroup's cpu.stat usage (the scheduler's exact run time); softirq =" \
			"/proc/stat, all CPUs, over all requests served (tick-sampled and host-wide: other" \
			"load lands there too; with tick accounting the softirqs run in nginx's own context" \
			"count in both figures). gatehawk = \`gatehawk run\` (XDP gate, sensor on nginx's" \
			"cgroup, daemon --dry-run): its programs' run time (kernel.bpf_stats_enabled: run_time_ns" \
			"/ requests) + the daemon's cgroup CPU from the run's start until it is idle again." \
			"Overhead = that / nginx + softirq without gatehawk. $(nproc) CPUs shared with other" \
			"work; programs other gatehawk instances had on the cgroup2 root (they see this lab's" \
			"traffic too, on every side): $foreign."
		echo
		echo "| what | CPU per request | peer, same run | ratio | goal |"
		echo "|---|---:|---:|---:|---|"
		for m in "${HTTP_MODES[@]}"; do
			http_mode_rows "$m"
		done
		echo
		echo "Where gatehawk's time goes (medians): CPU per request = runs per request x ns per run" \
			"(run_time_ns is wall time in the program, one clock read included). The daemon's CPU" \
			"at sample rate 0 is a cost per second (counter reads each second; no ring-buffer" \
			"wake-ups while nothing is sampled), so its share per request falls as the rate rises."
		echo
		echo "| mode | program | counting (sample rate 0) | sampling 1/1, 14 core policies | sampling 1/1, all policies |"
		echo "|---|---|---:|---:|---:|"
		http_prog_rows
		echo
		echo "Runs: nginx + softirq in ns per request; achieved rate; requests sent over 5 ms late;" \
			"with gatehawk records decoded / requests served and records lost."
		echo
		for m in "${HTTP_MODES[@]}"; do
			for side in "${HTTP_CASES[@]}"; do
				key="$side $m"
				printf -- '- %s: %s(rate %slate %s' "$key" "${HTTP_FIG["$key server"]}" \
					"${HTTP_FIG["$key rate"]}" "${HTTP_FIG["$key late"]% }"
				http_gatehawk_case "$side" &&
					printf '; decoded %slost %s' "${HTTP_FIG["$key decoded"]}" "${HTTP_FIG["$key lost"]% }"
				echo ")"
			done
			echo "- access log $m (nginx CPU, off - nolog, same run): ${HTTP_FIG["log $m"]% }"
		done
	} | tee "$REPORT_DIR/http.md"
}

# http_bench: the benchmark; figures on stdout and in REPORT_DIR/http.md.
# Cleanups: the cgroups last, after the lab.
http_bench() {
	local round side sides foreign
	declare -gA HTTP_FIG=() HTTP_PROG_IDS=()
	DAEMON_PID=
	mkdir -p "$REPORT_DIR" || return 1
	http_cgroups_make && http_bpf_stats_on || return 1
	# shellcheck source=tests/lib/lab.bash
	source tests/lib/lab.bash || return 1
	defer lab_down
	lab_up && http_nginx_start || return 1
	HTTP_CORE_POLICIES=$LAB_DIR/core-policies
	mkdir -p "$HTTP_CORE_POLICIES" && cp policies/*.json "$HTTP_CORE_POLICIES/" || return 1
	HTTP_ALL_POLICIES=$(find policies -name '*.json' -not -path '*/fixtures/*' | wc -l)
	# Closed connections pile up in TIME_WAIT: let the client reuse ports.
	lab_in_client sysctl -qw net.ipv4.tcp_tw_reuse=1 net.ipv4.ip_local_port_range="1024 65000"
	foreign=$(foreign_cgroup_progs)
	for ((round = 1; round <= HTTP_ROUNDS; round++)); do
		sides=("${HTTP_SIDES[@]}")
		((round % 2)) || mapfile -t sides < <(printf "%s\n" "${HTTP_SIDES[@]}" | tac)
		for side in "${sides[@]}"; do
			http_side "$side" || return 1
		done
	done
	http_report "$foreign"
}
