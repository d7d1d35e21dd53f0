#!/usr/bin/env bash
# Fixture checker for the policy pack (policies/exploits, policies/scanners).
#   tests/lib/policy_fixtures.sh [-b BINARY] [-B BENIGN.log]... [POLICY.json | DIR]...
# Default: every *.json under policies/exploits and policies/scanners.
#
# The policy parser does not know "references" and "fixtures" yet, so each
# policy is copied without them (jq 'del(.references, .fixtures)') into a
# temporary directory, and:
#   1. `gatehawk policy check` runs on the whole stripped set: it must load
#      (names unique, every regex compiles in Hyperscan/PCRE2);
#   2. each fixture is replayed alone against its own policy:
#        gatehawk replay --policies DIR-with-that-policy --format combined FILE
#      "match" entries must raise an alert line naming the policy, "no_match"
#      entries must not. An entry is one combined log line, or an array of
#      lines replayed together in that order (window policies: several
#      requests from one source that must fire together).
#   3. with -B (repeatable): the whole stripped set is replayed over each
#      benign log (combined) and must raise no alert at all.
# Prints TAP (ok/not ok N - file: fixture) and a final "N passed, N failed";
# exit 0 only when every check passed.
set -u

here=$(cd "$(dirname "$0")/../.." && pwd)
bin=$here/build/gatehawk
benign=()
while getopts b:B: opt; do
	case $opt in
	b) bin=$OPTARG ;;
	B) benign+=("$OPTARG") ;;
	*) echo "usage: $0 [-b BINARY] [-B BENIGN.log]... [POLICY.json | DIR]..." >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || set -- "$here/policies/exploits" "$here/policies/scanners"

command -v jq >/dev/null || { echo "$0: jq is required" >&2; exit 2; }
[ -x "$bin" ] || { echo "$0: $bin not built (make all)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/all"

files=()
for a in "$@"; do
	if [ -d "$a" ]; then
		for f in "$a"/*.json; do [ -e "$f" ] && files+=("$f"); done
	elif [ -e "$a" ]; then
		files+=("$a")
	elif [ $# -gt 2 ] || [ "$a" != "$here/policies/scanners" ] && [ "$a" != "$here/policies/exploits" ]; then
		echo "$0: $a: no such file or directory" >&2; exit 2
	fi
done

n=0 pass=0 fail=0
report() { # STATUS DESCRIPTION [DIAG]
	n=$((n + 1))
	if [ "$1" = ok ]; then
		pass=$((pass + 1)); echo "ok $n - $2"
	else
		fail=$((fail + 1)); echo "not ok $n - $2"
		[ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/# /'
	fi
}

echo "TAP version 13"
# Stripped copies; the file name keeps the source's base name.
for f in "${files[@]}"; do
	b=$(basename "$f")
	if ! jq 'del(.references, .fixtures)' "$f" >"$tmp/all/$b" 2>"$tmp/jq.err"; then
		report fail "$f: valid JSON" "$(cat "$tmp/jq.err")"
		rm -f "$tmp/all/$b"
	fi
done

if out=$("$bin" policy check "$tmp/all" 2>&1); then
	report ok "policy check of ${#files[@]} policies"
else
	report fail "policy check of ${#files[@]} policies" "$out"
fi

for f in "${files[@]}"; do
	b=$(basename "$f")
	[ -e "$tmp/all/$b" ] || continue
	rel=${f#"$here"/}
	name=$(jq -r .name "$f")
	kind=$(jq -r .kind "$f")
	d=$tmp/one; rm -rf "$d"; mkdir -p "$d"; cp "$tmp/all/$b" "$d/"
	# meta checks
	nm=$(jq '(.fixtures.match // []) | length' "$f")
	nn=$(jq '(.fixtures.no_match // []) | length' "$f")
	if [ "$nm" -ge 1 ] && [ "$nn" -ge 1 ]; then
		report ok "$rel: has match and no_match fixtures"
	else
		report fail "$rel: has match and no_match fixtures" "match: $nm, no_match: $nn"
	fi
	if [ "${f#*/exploits/}" != "$f" ]; then
		if jq -e '(.references | type == "array" and length >= 2) and ([.references[] | select(test("^CVE-[0-9]{4}-[0-9]+$"))] | length >= 1) and .kind == "match"' "$f" >/dev/null; then
			report ok "$rel: kind match, references name a CVE"
		else
			report fail "$rel: kind match, references name a CVE"
		fi
	fi
	for set in match no_match; do
		cnt=$(jq --arg s "$set" '(.fixtures[$s] // []) | length' "$f")
		for ((k = 0; k < cnt; k++)); do
			jq -r --arg s "$set" --argjson k "$k" '.fixtures[$s][$k] | if type == "array" then .[] else . end' "$f" >"$tmp/lines"
			first=$(head -c 120 "$tmp/lines" | head -n 1)
			# combined lines; a JSON line (for fields a combined log lacks, e.g. host) is read with auto
			fmt=combined; grep -q '^{' "$tmp/lines" && fmt=auto
			alerts=$("$bin" replay --policies "$d" --format "$fmt" "$tmp/lines" 2>"$tmp/replay.err")
			rc=$?
			hit=0
			printf '%s\n' "$alerts" | jq -r '.policy? // empty' 2>/dev/null | grep -Fxq -- "$name" && hit=1
			rej=$(grep -o '[0-9]* rejected' "$tmp/replay.err" | cut -d' ' -f1)
			desc="$rel: ${set}[$k] ${first}"
			if [ $rc -ne 0 ]; then
				report fail "$desc" "replay exit $rc: $(cat "$tmp/replay.err")"
			elif [ "${rej:-0}" != 0 ]; then
				report fail "$desc" "fixture line rejected by the parser: $(cat "$tmp/replay.err")"
			elif [ $set = match ] && [ $hit = 1 ]; then
				report ok "$desc"
			elif [ $set = no_match ] && [ $hit = 0 ]; then
				report ok "$desc"
			else
				report fail "$desc" "expected $set ($kind), alerts: ${alerts:-none}"
			fi
		done
	done
done

for log in ${benign[@]+"${benign[@]}"}; do
	alerts=$("$bin" replay --policies "$tmp/all" --format combined "$log" 2>"$tmp/replay.err")
	rc=$?
	na=$(printf '%s' "$alerts" | grep -c '"policy"')
	if [ $rc -eq 0 ] && [ "$na" -eq 0 ]; then
		report ok "benign corpus $log: 0 alerts ($(cut -d, -f1 "$tmp/replay.err"))"
	else
		report fail "benign corpus $log: 0 alerts" "exit $rc, $na alerts; by policy:
$(printf '%s\n' "$alerts" | jq -r .policy 2>/dev/null | sort | uniq -c | sort -rn)
first: $(printf '%s\n' "$alerts" | head -3)"
	fi
done

echo "1..$n"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
