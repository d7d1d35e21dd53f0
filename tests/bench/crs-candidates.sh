#!/usr/bin/env bash
# How the owasp-crs policy's blocking rule trades recall for false positives:
# each candidate below is policies/ with owasp-crs.json changed as its jq
# filter says, run through tests/bench/recall.sh on the labelled sets
# (tests/bench/data/eval and advisories) and replayed over the benign
# sources that search for attack syntax (tests/e2e/data/benign-attack-words.log).
#   tests/bench/crs-candidates.sh            one summary row per candidate
#   VERBOSE=1 tests/bench/crs-candidates.sh  recall.sh's whole report too
#                                            (recall per category, flagged benign)
# Environment: GATEHAWK (default build/gatehawk).
# A benchmark, not a test: the exit status is always 0.
set -u
cd "$(dirname "$0")/../.." || exit 0

BIN=${GATEHAWK:-build/gatehawk}
VERBOSE=${VERBOSE:-0}
BAW=tests/e2e/data/benign-attack-words.log
[[ -x $BIN ]] || { echo "crs-candidates: $BIN missing (make all)"; exit 0; }
work=$(mktemp -d) || exit 0
trap 'rm -rf "$work"' EXIT

# name|jq filter on owasp-crs.json ("-": the crs policy removed)
candidates=(
	'no CRS|-'
	'threshold 5|.threshold = 5 | del(.corroborated)'
	'threshold 10|.threshold = 10 | del(.corroborated)'
	'threshold 15|.threshold = 15 | del(.corroborated)'
	'10, from 5 with error_status|.threshold = 10 | .corroborated = {threshold: 5, by: ["error_status"]}'
	'15, from 5 with error_status|.threshold = 15 | .corroborated = {threshold: 5, by: ["error_status"]}'
	'15, from 5 with no_referer|.threshold = 15 | .corroborated = {threshold: 5, by: ["no_referer"]}'
	'10, from 5 with either|.threshold = 10 | .corroborated = {threshold: 5, by: ["error_status", "no_referer"]}'
	'15, from 5 with either|.threshold = 15 | .corroborated = {threshold: 5, by: ["error_status", "no_referer"]}'
	'20, from 5 with either (shipped)|.threshold = 20 | .corroborated = {threshold: 5, by: ["error_status", "no_referer"]}'
)

# figures DIR DATA: "flagged/total fp/total" from recall.sh's last line
figures() {
	local out
	out=$(DATA=$2 bash tests/bench/recall.sh "$1")
	((VERBOSE)) && printf '%s\n\n' "$out" >&2
	sed -n 's/^recall \([0-9]*\/[0-9]*\) (\([0-9.]*\) %), false positives \([0-9]*\/[0-9]*\)$/\1 \2% \3/p' \
		<<<"$out" | tail -1
}

printf '%-34s %-16s %-8s %-16s %-8s %s\n' candidate "eval recall" benign "advisories" benign \
	"attack-words"
for c in "${candidates[@]}"; do
	name=${c%%|*} filter=${c#*|} dir=$work/policies
	rm -rf "$dir" && cp -r policies "$dir"
	if [[ $filter == - ]]; then
		rm -f "$dir/crs/owasp-crs.json"
	elif ! jq "$filter" policies/crs/owasp-crs.json >"$dir/crs/owasp-crs.json"; then
		echo "  $name: jq failed"
		continue
	fi
	((VERBOSE)) && echo "== $name" >&2
	read -r er ep eb <<<"$(figures "$dir" tests/bench/data/eval)"
	read -r ar ap ab <<<"$(figures "$dir" tests/bench/data/advisories)"
	words=$("$BIN" replay --policies "$dir" --format combined "$BAW" 2>/dev/null |
		jq -R -r 'fromjson? | .src_ip // empty' | sort -u | wc -l)
	printf '%-34s %-16s %-8s %-16s %-8s %s\n' "$name" "$er ($ep)" "$eb" "$ar ($ap)" "$ab" \
		"$words/$(awk '{ print $1 }' "$BAW" | sort -u | wc -l)"
done
exit 0
