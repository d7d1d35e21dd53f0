#!/usr/bin/env bash
# Loading and compiling the whole policy tree (every shipped policy: core,
# probes, the known-exploit and scanner packs, the CRS stage): `gatehawk
# replay` of an empty log, process start included, three ways:
#   cold:  a fresh, empty cache directory (first start, or patterns edited)
#   warm:  the same directory again (every later start and reload)
#   none:  no cache directory at all (no HOME, no XDG_CACHE_HOME)
# Each the best of RUNS (default 3) wall times, with its CPU time (user+sys,
# both compile threads). Figures only, never a pass/fail on speed.
#   tests/bench/load_bench.sh OUTDIR     (writes OUTDIR/load.md)
# Environment: RUNS, GATEHAWK (default build/gatehawk), POLICIES (default policies).
set -u
cd "$(dirname "$0")/../.." || exit 1

OUT=${1:?usage: $0 OUTDIR}
RUNS=${RUNS:-3}
GATEHAWK=${GATEHAWK:-build/gatehawk}
POLICIES=${POLICIES:-policies}

mkdir -p "$OUT" || exit 1
[[ -x $GATEHAWK ]] || { echo "$GATEHAWK missing: make all" >&2; exit 1; }
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
: >"$work/empty.log"

# load MODE: one load; sets WALL and CPU (seconds).
load() {
	local mode=$1 t0 t1 cpu
	local -a env=(env -u HOME -u XDG_CACHE_HOME)

	case $mode in
	cold) rm -rf "$work/cache"; env+=("XDG_CACHE_HOME=$work/cache") ;;
	warm) env+=("XDG_CACHE_HOME=$work/cache") ;;
	esac
	t0=$(date +%s.%N)
	cpu=$( { TIMEFORMAT='%U %S'; time "${env[@]}" "$GATEHAWK" replay --policies "$POLICIES" \
		"$work/empty.log" >/dev/null 2>"$work/err"; } 2>&1) ||
		{ echo "load failed:" >&2; tail -3 "$work/err" >&2; return 1; }
	t1=$(date +%s.%N)
	WALL=$(echo "$t1 - $t0" | bc -l)
	CPU=$(awk '{ print $1 + $2 }' <<<"$cpu")
}

# best MODE: the best of RUNS loads; sets BEST_WALL and BEST_CPU.
best() {
	BEST_WALL=999 BEST_CPU=999
	for ((i = 0; i < RUNS; i++)); do
		load "$1" || return 1
		if (($(echo "$WALL < $BEST_WALL" | bc -l))); then
			BEST_WALL=$WALL BEST_CPU=$CPU
		fi
	done
}

n_all=$(find "$POLICIES" -name '*.json' -not -path '*/fixtures/*' | wc -l)
declare -A wall cpu
for mode in cold warm none; do
	echo "loading $POLICIES ($mode cache) ..."
	best "$mode" || exit 1
	wall[$mode]=$BEST_WALL cpu[$mode]=$BEST_CPU
done
files=$(rm -rf "$work/cache"; load cold && find "$work/cache" -name '*.hsdb' | wc -l)
bytes=$(du -sk "$work/cache" 2>/dev/null | cut -f1)
bytes=${bytes:-0}

{
	echo "# Loading and compiling all policies"
	echo
	echo "\`gatehawk replay --policies $POLICIES\` of an empty log ($n_all policy files), process" \
		"start included, best of $RUNS, $(date -u +%Y-%m-%d)."
	echo
	echo "| compiled pattern databases | wall s | CPU s |"
	echo "|---|---|---|"
	printf '| compiled, stored in an empty cache (first start, or patterns edited) | %.2f | %.2f |\n' \
		"${wall[cold]}" "${cpu[cold]}"
	printf '| read back from the cache (every later start and reload) | %.2f | %.2f |\n' \
		"${wall[warm]}" "${cpu[warm]}"
	printf '| compiled, no cache directory | %.2f | %.2f |\n' "${wall[none]}" "${cpu[none]}"
	echo
	echo "The cache holds $files databases, ${bytes} KiB."
} >"$OUT/load.md"
cat "$OUT/load.md"
