#!/usr/bin/env bash
# Run every e2e test alone, one `bats -f '^name$' FILE` each, to show that no
# test depends on what an earlier one left behind. Prints one line per test
# and "N of M pass alone" at the end; exit status 0 when all pass.
#   tests/e2e/each_alone.sh [FILE.bats...]    (default: tests/e2e/*.bats)
set -u
cd "$(dirname "$0")/../.." || exit 1
LOG_DIR=build/tests/logs/alone
mkdir -p "$LOG_DIR"

# bats -f takes an extended regular expression: escape the name.
# shellcheck disable=SC2001,SC2016 # a bracket expression; no expansion meant
regex_quote() { sed 's/[][\\.*^$(){}+?|]/\\&/g' <<<"$1"; }

files=("$@")
((${#files[@]})) || files=(tests/e2e/*.bats)
total=0 passed=0 n=0
for f in "${files[@]}"; do
	n=0
	while IFS= read -r name; do
		n=$((n + 1)) total=$((total + 1))
		log=$LOG_DIR/$(basename "$f" .bats)-$n.log
		start=$(date +%s.%N)
		bats --tap -f "^$(regex_quote "$name")\$" "$f" >"$log" 2>&1
		st=$?
		secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
		ran=$(grep -cE '^(ok|not ok) ' "$log")
		if ((st == 0 && ran == 1)); then
			passed=$((passed + 1))
			echo "ok   ${secs}s $(basename "$f"): $name"
		else
			echo "FAIL ${secs}s $(basename "$f"): $name (exit $st, $ran run; $log)"
		fi
	done < <(sed -n 's/^@test "\(.*\)" {$/\1/p' "$f")
done
echo "$passed of $total pass alone"
((passed == total))
