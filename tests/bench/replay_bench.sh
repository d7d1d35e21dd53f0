#!/usr/bin/env bash
# Replay throughput: `gatehawk replay` with every shipped policy (the whole
# tree: core policies, probes, the known-exploit and scanner packs) against
# the 14 core policies (policies/*.json only) and fail2ban-regex with
# Debian's nginx-botsearch filter, all on the same
# 1,000,000-line combined log (tests/lib/gen_access_log.sh: 5000 benign
# browsers plus every attack the policies cover, repeated each 10 minutes).
# Figures only, never a pass/fail on speed.
#   tests/bench/replay_bench.sh OUTDIR     (writes OUTDIR/replay.md)
# Environment: LINES (default 1000000), GATEHAWK (default build/gatehawk).
# Wall time and peak RSS (VmHWM, sampled from /proc while the tool runs:
# /usr/bin/time -v is not installed by default) for each tool. The core set
# runs twice: as shipped (a reader thread parses beside the engine's) and
# with --single-thread (one core); for both, the replay's own summary gives
# its CPU seconds (user + sys, both threads), so lines per CPU second stand
# beside lines/s by the wall clock.
set -u
cd "$(dirname "$0")/../.." || exit 1

OUT=${1:?usage: $0 OUTDIR}
LINES=${LINES:-1000000}
GATEHAWK=${GATEHAWK:-build/gatehawk}
FILTER=/etc/fail2ban/filter.d/nginx-botsearch.conf

mkdir -p "$OUT" || exit 1
[[ -x $GATEHAWK ]] || { echo "$GATEHAWK missing: make all" >&2; exit 1; }
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT

# hwm_sampler PID: the highest VmHWM (KiB) of PID, sampled every 50 ms
# until it is gone, printed at the end.
hwm_sampler() {
	local pid=$1 max=0 hwm
	while kill -0 "$pid" 2>/dev/null; do
		hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)
		[[ -n $hwm && $hwm -gt $max ]] && max=$hwm
		sleep 0.05
	done
	echo "$max"
}

# measure NAME CMD...: run CMD (stdout to $work/NAME.out, stderr to
# $work/NAME.err); sets SECS and HWM_KIB (peak RSS). The wall clock stops
# when wait returns, not at a sampler's next poll (which added up to 50 ms).
measure() {
	local name=$1 t0 t1 pid sampler
	shift
	t0=$EPOCHREALTIME
	"$@" >"$work/$name.out" 2>"$work/$name.err" &
	pid=$!
	hwm_sampler "$pid" >"$work/$name.hwm" &
	sampler=$!
	wait "$pid" || { echo "$name failed:" >&2; tail -5 "$work/$name.err" >&2; return 1; }
	t1=$EPOCHREALTIME
	wait "$sampler"
	HWM_KIB=$(cat "$work/$name.hwm")
	SECS=$(echo "$t1 - $t0" | bc -l)
}

echo "generating $LINES lines ..."
tests/lib/gen_access_log.sh -n "$LINES" -s 5000 >"$work/access.log" || exit 1
bytes=$(stat -c %s "$work/access.log")
cat "$work/access.log" >/dev/null # page cache warm for both

# The core set: the top-level policies only, as shipped before the packs.
mkdir -p "$work/core"
cp policies/*.json "$work/core/"
n_core=$(ls "$work/core"/*.json | wc -l)
n_all=$(find policies -name '*.json' | wc -l)
# core_run NAME ARGS...: the core set; sets <NAME>_secs, _rate (wall, process included),
# _inner (the summary's lines/s), _cpu (its CPU s) and _per_cpu (lines per CPU s).
core_run() {
	local name=$1 cpu
	shift
	measure "$name" "$GATEHAWK" replay "$@" --policies "$work/core" "$work/access.log" || exit 1
	cpu=$(sed -nE 's/.* ([0-9.]+) CPU s.*/\1/p' "$work/$name.err")
	printf -v "${name}_secs" %s "$SECS"
	printf -v "${name}_rate" %s "$(echo "$LINES / $SECS" | bc)"
	printf -v "${name}_inner" %s "$(sed -nE 's/.* ([0-9]+) lines\/s.*/\1/p' "$work/$name.err")"
	printf -v "${name}_cpu" %s "$cpu"
	printf -v "${name}_per_cpu" %s "$(echo "$LINES / $cpu" | bc)"
}

echo "gatehawk replay --policies $work/core ($n_core core policies), reader thread and single ..."
core_run core
core_run single --single-thread
cmp -s "$work/core.out" "$work/single.out" || echo "warning: --single-thread alerts differ" >&2

# Loading and compiling the whole tree: a replay of an empty log.
: >"$work/empty.log"
measure load "$GATEHAWK" replay --policies policies "$work/empty.log" || exit 1
load_secs=$SECS

echo "gatehawk replay --policies policies ($n_all policies) ..."
measure replay "$GATEHAWK" replay --policies policies "$work/access.log" || exit 1
gh_secs=$SECS
gh_hwm=$HWM_KIB
# The replay's own figures: time spent reading, parsing and evaluating (no
# process start or policy compile) and its getrusage peak RSS.
gh_summary=$(grep '^replay:' "$work/replay.err")
gh_inner_rate=$(sed -E 's/.* ([0-9]+) lines\/s.*/\1/' <<<"$gh_summary")
gh_rss=$(sed -E 's/.*peak RSS ([0-9]+) KiB.*/\1/' <<<"$gh_summary")
((gh_rss > gh_hwm)) && gh_hwm=$gh_rss
gh_alerts=$(wc -l <"$work/replay.out")
gh_rate=$(echo "$LINES / $gh_secs" | bc)
gh_sources=$(sed -E 's/.* ([0-9]+) sources.*/\1/' <<<"$gh_summary")
# Issue 12 asks for the pack's speed on one core: both sets --single-thread too.
echo "gatehawk replay --single-thread --policies policies ..."
measure all_single "$GATEHAWK" replay --single-thread --policies policies "$work/access.log" || exit 1
all_single_secs=$SECS
all_single_inner=$(sed -nE 's/.* ([0-9]+) lines\/s.*/\1/p' "$work/all_single.err")
cmp -s "$work/replay.out" "$work/all_single.out" ||
	echo "warning: --single-thread alerts differ (all policies)" >&2

# Memory per tracked source: the same policies over the log's first 100
# lines give the fixed part (compiled patterns, libraries); the rest of the
# full run's peak, over its distinct sources, is what each source costs.
head -n 100 "$work/access.log" >"$work/small.log"
"$GATEHAWK" replay --policies policies "$work/small.log" >/dev/null 2>"$work/small.err" || exit 1
base_rss=$(sed -nE 's/.*peak RSS ([0-9]+) KiB.*/\1/p' "$work/small.err")
per_source_kib=$(echo "scale=1; ($gh_rss - $base_rss) / $gh_sources" | bc)

f2b_secs= f2b_rate= f2b_hwm= f2b_matched=
if command -v fail2ban-regex >/dev/null && [[ -r $FILTER ]]; then
	echo "fail2ban-regex ... nginx-botsearch ..."
	if measure f2b fail2ban-regex "$work/access.log" "$FILTER"; then
		f2b_secs=$SECS
		f2b_hwm=$HWM_KIB
		f2b_rate=$(echo "$LINES / $f2b_secs" | bc)
		f2b_matched=$(grep -oE '[0-9]+ matched' "$work/f2b.out" | head -1 | cut -d' ' -f1)
	fi
else
	echo "fail2ban-regex or $FILTER missing (make deps): compared with nothing" >&2
fi

ratio=n/a core_ratio=n/a single_ratio=n/a
if [[ -n $f2b_rate ]]; then
	ratio=$(echo "scale=1; $gh_rate / $f2b_rate" | bc)
	core_ratio=$(echo "scale=1; $core_rate / $f2b_rate" | bc)
	single_ratio=$(echo "scale=1; $single_rate / $f2b_rate" | bc)
fi
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)

{
	echo "# Replay benchmark"
	echo
	echo "$LINES combined-log lines ($((bytes / 1048576)) MiB) from tests/lib/gen_access_log.sh," \
		"one core of $cpu, $(date -u +%Y-%m-%d)."
	echo "Wall time includes process start, policy compile and reading the file (page cache warm)."
	echo
	echo "| tool | rules | wall s | lines/s | peak RSS MiB | output |"
	echo "|---|---|---|---|---|---|"
	printf '| gatehawk replay | all %s shipped policies | %.2f | %s | %s | %s alerts |\n' \
		"$n_all" "$gh_secs" "$gh_rate" "$((gh_hwm / 1024))" "$gh_alerts"
	printf '| gatehawk replay | %s core policies | %.2f | %s | | %s alerts |\n' \
		"$n_core" "$core_secs" "$core_rate" "$(wc -l <"$work/core.out")"
	printf '| gatehawk replay --single-thread | %s core policies | %.2f | %s | | same alerts |\n' \
		"$n_core" "$single_secs" "$single_rate"
	if [[ -n $f2b_rate ]]; then
		printf '| fail2ban-regex | nginx-botsearch (1 filter) | %.2f | %s | %s | %s matched lines |\n' \
			"$f2b_secs" "$f2b_rate" "$((f2b_hwm / 1024))" "$f2b_matched"
	fi
	echo
	echo "gatehawk / fail2ban-regex: **${ratio}x** lines/s (all policies); core policies" \
		"**${core_ratio}x** (reader thread), **${single_ratio}x** (--single-thread)."
	echo
	echo "| core policies | wall s (process) | lines/s wall | lines/s without start-up | CPU s (run) | lines per CPU s |"
	echo "|---|---:|---:|---:|---:|---:|"
	printf '| reader thread (default) | %.2f | %s | %s | %s | %s |\n' "$core_secs" "$core_rate" \
		"$core_inner" "$core_cpu" "$core_per_cpu"
	printf '| --single-thread | %.2f | %s | %s | %s | %s |\n' "$single_secs" "$single_rate" \
		"$single_inner" "$single_cpu" "$single_per_cpu"
	echo
	echo "All $n_all policies / $n_core core policies, same run: **$(echo "scale=2; $gh_rate / $core_rate" | bc)x**" \
		"lines/s wall, $(echo "scale=2; $gh_inner_rate / $core_inner" | bc)x without start-up" \
		"($gh_inner_rate vs $core_inner lines/s)."
	echo "On one core (both --single-thread): **$(echo "scale=2; $single_secs / $all_single_secs" | bc)x**" \
		"lines/s wall, $(echo "scale=2; $all_single_inner / $single_inner" | bc)x without start-up" \
		"($all_single_inner vs $single_inner lines/s)."
	printf 'Loading and compiling all %s policies (replay of an empty log, process included): %.2f s.\n' \
		"$n_all" "$load_secs"
	echo "gatehawk's own figure (read + parse + engine, no start-up): $gh_inner_rate lines/s."
	echo "Peak memory per tracked source: ${per_source_kib} KiB (peak RSS ${gh_rss} KiB over" \
		"$gh_sources sources, less ${base_rss} KiB for the same policies over 100 lines)."
	echo
	echo "gatehawk summary: \`$gh_summary\`"
} >"$OUT/replay.md"
cat "$OUT/replay.md"
