#!/usr/bin/env bash
# Run test layers and sum their TAP into one line: "N passed, N failed, N skipped".
#   tests/run.sh all | unit | bpf | e2e | fuzz
# Every layer speaks TAP (C tests via tests/lib/tap.h, bats --tap). A binary
# that exits non-zero without reporting a failure, or reports fewer results
# than it planned, counts as one failure, so a crash is never a pass.
set -u
cd "$(dirname "$0")/.."

OUT=build/tests
FUZZ_SECONDS=${FUZZ_SECONDS:-30}
FUZZ_RUNS=${FUZZ_RUNS:-}
LOG_DIR=$OUT/logs
mkdir -p "$LOG_DIR"
# Compiled policy databases (hs_cache) shared by this run's tests, gone after
# it: nothing left in the home directory, nothing carried from an earlier run.
XDG_CACHE_HOME=$(mktemp -d -t gh-test-cache.XXXXXX) || exit 1
export XDG_CACHE_HOME
trap 'rm -rf "$XDG_CACHE_HOME"' EXIT

passed=0 failed=0 skipped=0

# tally NAME STATUS LOGFILE: add one program's TAP results to the totals.
tally() {
	local name=$1 status=$2 log=$3 p f s plan results
	p=$(grep -cE '^ok ' "$log" | head -1)
	s=$(grep -cE '^ok .*# (SKIP|skip)' "$log" | head -1)
	f=$(grep -cE '^not ok ' "$log" | head -1)
	p=$((p - s))
	plan=$(grep -oE '^1\.\.[0-9]+' "$log" | tail -1 | cut -d. -f3)
	results=$((p + s + f))
	if [[ -n $plan && $results -lt $plan ]]; then
		echo "not ok - $name: planned $plan results, got $results"
		f=$((f + plan - results))
	fi
	if [[ $status -ne 0 && $f -eq 0 ]]; then
		echo "not ok - $name: exited with status $status and reported no failure"
		f=$((f + 1))
	fi
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
	printf '== %-40s %d passed, %d failed, %d skipped\n' "$name" "$p" "$f" "$s"
}

run_prog() {
	local name=$1; shift
	local log="$LOG_DIR/$(basename "$name").log" status
	"$@" >"$log" 2>&1
	status=$?
	grep -E '^(not ok|#)' "$log" | grep -vE '^# (SKIP|skip)' | head -50
	tally "$name" "$status" "$log"
}

layer_unit() {
	local t
	run_prog lint/layers tests/lint/layers.py
	run_prog policies/fixtures build/gatehawk policy test --strict policies
	for t in "$OUT"/unit/test_*; do
		[[ -x $t ]] && run_prog "unit/$(basename "$t")" "$t"
	done
}

layer_bpf() {
	local t
	for t in "$OUT"/bpf/test_*; do
		[[ -x $t ]] && run_prog "bpf/$(basename "$t")" "$t"
	done
}

layer_e2e() {
	local f
	for f in tests/e2e/*.bats; do
		[[ -f $f ]] && run_prog "e2e/$(basename "$f")" bats --tap "$f"
	done
}

# One result per fuzz target: it ran FUZZ_SECONDS (0: no limit), or
# FUZZ_RUNS executions when that is set, without a crash. A "# figures" line
# gives executions, seconds and exec/s for the summary.
fuzz_one() {
	local t=$1 name corpus work out status execs eps
	local args=(-max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 -print_final_stats=1)
	name=$(basename "$t")
	out="$LOG_DIR/$name.libfuzzer" # the whole output, progress lines too
	corpus="tests/fuzz/corpus/$name"
	[[ -n $FUZZ_RUNS ]] && args+=(-runs="$FUZZ_RUNS")
	work=$(mktemp -d)
	[[ -d $corpus ]] && cp -r "$corpus"/. "$work"/
	SECONDS=0
	# Allocation stacks cost a fifth of the policy target's time; a crash
	# input re-run alone (without this) shows them.
	ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0} \
		"$t" "${args[@]}" -artifact_prefix="$LOG_DIR/$name-" "$work" >"$out" 2>&1
	status=$?
	# libFuzzer's progress lines ("#4096 pulse ...") and dictionary would read as TAP comments.
	grep -vE '^(#[0-9]|######|")' "$out"
	execs=$(grep -oE 'number_of_executed_units: [0-9]+' "$out" | grep -oE '[0-9]+$')
	eps=$(grep -oE 'average_exec_per_sec: +[0-9]+' "$out" | grep -oE '[0-9]+$')
	echo "# figures $name ${execs:-0} executions in ${SECONDS}s, ${eps:-0} exec/s"
	if ((status == 0)); then
		echo "ok 1 - $name ran ${execs:-0} executions without a crash"
	else
		echo "not ok 1 - $name crashed; re-run with allocation stacks: $t $LOG_DIR/$name-*"
	fi
	echo "1..1"
	rm -rf "$work"
}

layer_fuzz() {
	local t name figures=()
	for t in "$OUT"/fuzz/fuzz_*; do
		[[ -x $t && $t != *.a ]] || continue
		name=$(basename "$t")
		run_prog "fuzz/$name" fuzz_one "$t"
		figures+=("$(sed -n 's/^# figures //p' "$LOG_DIR/$name.log")")
	done
	echo "== fuzz summary (executions, seconds, exec/s)"
	printf '   %s\n' "${figures[@]}"
}

case ${1:-all} in
all) layer_unit; layer_bpf; layer_e2e; layer_fuzz ;;
unit | bpf | e2e | fuzz) "layer_$1" ;;
*) echo "usage: $0 all|unit|bpf|e2e|fuzz" >&2; exit 2 ;;
esac

if ((skipped)); then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
((failed == 0))
