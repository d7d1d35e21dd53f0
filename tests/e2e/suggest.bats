#!/usr/bin/env bats
# gatehawk suggest over access logs: no namespaces, no root.
#
# tests/e2e/data/suggest-demo.log has the shape of the demo's nginx log: one
# browser (10.9.0.1, page views with their assets for 150 s), a visitor
# (10.9.0.6, three home pages), and the six attackers, each stopped where
# the shipped policies blocked it (scanner 10.9.0.3, brute force 10.9.0.4,
# XSS prober 2001:db8:9::5, credential stuffing from 10.78.3.11-16, flood
# 10.9.0.2 at 200 a second, one Confluence exploit probe 10.9.0.7).
# The mixed history is built here from the policies' fixtures (one attacker
# each, 100.64.N.10) and the benign corpora (10.0.0.1 and 58 sources of
# tests/e2e/data/benign-extra.log), in time order.

GH=build/gatehawk
DEMO=tests/e2e/data/suggest-demo.log

setup_file() {
	cd "$BATS_TEST_DIRNAME/../.." || return 1
	[[ -x $GH ]] || { echo "build $GH first (make all)" >&2; return 1; }
	# Time order across files and dates: a sortable key from [dd/Mon/yyyy:HH:MM:SS.
	cat policies/fixtures/benign-browser.log policies/fixtures/login-brute-force.log \
		policies/fixtures/not-found-burst.log policies/fixtures/request-flood.log \
		policies/fixtures/scraper.log policies/fixtures/sensitive-file-probe.log \
		policies/fixtures/credential-stuffing.log tests/e2e/data/benign-extra.log |
		awk '{ split($0, a, "["); split(a[2], d, "[/: ]")
			m = (index("JanFebMarAprMayJunJulAugSepOctNovDec", d[2]) + 2) / 3
			printf "%s%02d%s%s%s%s %08d\t%s\n", d[3], m, d[1], d[4], d[5], d[6], NR, $0 }' |
		sort | cut -f2- >"$BATS_FILE_TMPDIR/mixed.log"
}

setup() {
	cd "$BATS_TEST_DIRNAME/../.." || return 1
	T=$BATS_FILE_TMPDIR
}

# suggest ARGS...: stdout to $T/out, stderr to $T/err; sets status.
suggest() {
	status=0
	"$GH" suggest "$@" >"$T/out" 2>"$T/err" || status=$?
}

# cond POLICY AGG: one condition of the JSON output.
cond() {
	jq -c --arg p "$1" --arg a "$2" \
		'.policies[] | select(.policy == $p) | .conditions[] | select(.agg == $a)' "$T/out"
}

# flagged POLICY AGG: the groups the suggestion (or the kept value) flags, sorted.
flagged() {
	cond "$1" "$2" | jq -r '.flagged[].group' | sort
}

@test "the demo's history: every attacker still blocked, the browser never, with the suggested values" {
	suggest --policies policies --json "$DEMO"
	[ "$status" -eq 0 ]
	[ "$(jq .records "$T/out")" -eq "$(wc -l <"$DEMO")" ]
	# The flood is the only group above the rate the suggestion sets, which
	# lies between the browser's peak and the flood's.
	[ "$(flagged request-flood per_second)" = 10.9.0.2 ]
	cond request-flood per_second | jq -e '.changed and .suggestion < .quantiles.max
		and .suggestion < 50 and .suggestion > ([.candidates[] | select(.suggestion)][0].spares_from)' >/dev/null
	# Policies whose only group is the attacker keep their value.
	[ "$(flagged sensitive-file-probe probed)" = 10.9.0.3 ]
	[ "$(flagged login-brute-force failures)" = 10.9.0.4 ]
	# IPv6 sources group by /64 (the default).
	[ "$(flagged xss-probe probes)" = 2001:db8:9::/64 ]
	[ "$(flagged credential-stuffing failures)" = 10.78.3.0/24 ]
	cond credential-stuffing failures | jq -e '.suggestion == null and .current == 30' >/dev/null
	# The browser is the lone heavy source of scraper: the current value, which
	# flags no one, is kept, and the break that would flag it is only a candidate.
	cond scraper pages | jq -e '.suggestion == null and .current_flags == 0
		and ([.candidates[] | select(.natural_break and .flags == 1)] | length) == 1' >/dev/null
	grep -q 'cannot tell whether the top groups are attacks' <(cond scraper pages)
	# No policy's threshold in force flags the browser or the visitor.
	[ -z "$(jq -r '.policies[].conditions[]?.flagged[].group' "$T/out" | grep -E '^10\.9\.0\.(1|6)$')" ]
	jq -e '.policies[] | select(.policy == "syn-flood") | .skipped | test("kernel")' "$T/out" >/dev/null
	jq -e '.policies[] | select(.policy == "block-rate-rise") | .skipped | test("verdicts")' "$T/out" >/dev/null

	# Applied in place on a copy, then replayed: each attacker is blocked,
	# the browser and the visitor draw no alert.
	cp -r policies "$T/tuned"
	suggest --policies "$T/tuned" --in-place "$DEMO"
	[ "$status" -eq 0 ]
	grep -q "wrote $T/tuned/request-flood.json: per_second gt 50 -> " "$T/out"
	"$GH" policy check "$T/tuned" >/dev/null
	"$GH" replay --policies "$T/tuned" "$DEMO" >"$T/alerts" 2>/dev/null
	for src in 10.9.0.2 10.9.0.3 10.9.0.4 2001:db8:9::5 10.78.3.1[1-6] 10.9.0.7; do
		jq -e --arg s "$src" 'select(.action == "block" and (.src_ip | test("^" + $s + "$")))' \
			"$T/alerts" | grep -q . || { echo "$src not blocked"; return 1; }
	done
	[ "$(jq -r 'select(.policy == "request-flood") | .threshold' "$T/alerts")" -lt 50 ]
	[ -z "$(jq -r .src_ip "$T/alerts" | grep -E '^10\.9\.0\.(1|6)$')" ]
}

@test "fixtures and benign corpora: each suggestion flags the planted attacker and no benign source" {
	suggest --policies policies --json "$T/mixed.log"
	[ "$status" -eq 0 ]
	[ "$(flagged login-brute-force failures)" = 100.64.1.10 ]
	[ "$(flagged not-found-burst not_found)" = 100.64.7.10 ]
	[ "$(flagged request-flood per_second)" = 100.64.12.10 ]
	[ "$(flagged scraper pages)" = 100.64.8.10 ]
	[ "$(flagged sensitive-file-probe probed)" = 100.64.3.10 ]
	# Each lies strictly inside the natural break above the benign sources.
	for pa in login-brute-force/failures not-found-burst/not_found request-flood/per_second \
		scraper/pages; do
		cond "${pa%/*}" "${pa#*/}" | jq -e '.suggestion != null
			and (.reason | test("natural break at the current value"))' >/dev/null ||
			{ echo "$pa"; return 1; }
	done
	# The benign corpus's phpMyAdmin users come from its pages and are answered:
	# they count for nothing, so the attacker is the one group and the value stays.
	cond sensitive-file-probe probed | jq -e '.suggestion == null and .current == 3
		and .groups == 1 and (.reason | test("no gap"))' >/dev/null
	cond request-flood per_second | jq -e '.suggestion == 20 and .current == 50
		and .quantiles.max == 80 and .groups == 60' >/dev/null
	cond scraper pages | jq -e '.quantiles | .p50 <= .p90 and .p90 <= .p99 and .p99 <= ."p99.9"
		and ."p99.9" <= .max and .max == 240' >/dev/null
	# Multi-condition: learnt on the groups meeting the others, and said so.
	cond credential-stuffing failures | jq -e '.others_held and .groups == 1' >/dev/null
	suggest --policies policies "$T/mixed.log"
	[ "$status" -eq 0 ]
	grep -q 'those meeting the other conditions at their current values' "$T/out"
	grep -qE '^    suggest ge 10 \(now 20\): natural break' "$T/out"
	grep -q 'lines read, 0 rejected' "$T/err"
}

@test "--labels: the threshold with the best Matthews correlation, with TP and FP" {
	# The scraper (240 pages) and, say, the busiest benign-looking reader
	# (192.0.2.90, 28 pages) are attacks; two browsers are benign.
	cat >"$T/labels" <<-'EOF'
	# who is who in the mixed history
	100.64.8.10 attack
	192.0.2.90  attack   # scraping slowly
	10.0.0.1    benign
	192.0.2.10  benign
	100.64.2.11 attack
	EOF
	suggest --policies policies --json --labels "$T/labels" "$T/mixed.log"
	[ "$status" -eq 0 ]
	cond scraper pages | jq -e '.attack_groups == 2 and .benign_groups == 2
		and (.reason | test("^labels: best Matthews correlation \\(1.00\\)"))' >/dev/null
	cond scraper pages | jq -e '[.candidates[] | select(.suggestion)][0]
		| .tp == 2 and .fp == 0 and .mcc == 1 and .flags_from == 28' >/dev/null
	cond scraper pages | jq -e '[.candidates[] | select(.current)][0] | .tp == 1 and .mcc < 1' >/dev/null
	[ "$(flagged scraper pages | tr '\n' ' ')" = "100.64.8.10 192.0.2.90 " ]
	# Without labels the same history keeps 192.0.2.90 unflagged.
	suggest --policies policies --json "$T/mixed.log"
	[ "$(flagged scraper pages)" = 100.64.8.10 ]
	# Where only one kind is labelled, the unlabelled method, said so.
	suggest --policies policies --json --labels "$T/labels" "$T/mixed.log"
	cond login-brute-force failures | jq -e '.attack_groups == 1 and .benign_groups == 0
		and (.reason | test("^labels: no benign-labelled group here; natural break"))' >/dev/null
	suggest --policies policies --labels "$T/labels" "$T/mixed.log"
	[ "$status" -eq 0 ]
	grep -qE 'threshold +flags +attack +benign +mcc' "$T/out"
	grep -qE 'ge +20 +2 +2 +0 +1.00 +suggestion' "$T/out"
}

@test "--write: only the having values change, policy check accepts the files" {
	suggest --policies policies --write "$T/out-dir" "$T/mixed.log"
	[ "$status" -eq 0 ]
	grep -q "^wrote $T/out-dir/not-found-burst.json: not_found ge 20 -> 10$" "$T/out"
	[ ! -e "$T/out-dir/xss-probe.json" ] # unchanged: not written
	"$GH" policy check "$T/out-dir" >"$T/check"
	grep -q 'not-found-burst .*count(not_found) >= 10' "$T/check"
	# Everything else as parsed (json-c keeps key order).
	diff <(jq -S 'del(.having.ge)' policies/not-found-burst.json) \
		<(jq -S 'del(.having.ge)' "$T/out-dir/not-found-burst.json")
	[ "$(jq .having.ge "$T/out-dir/not-found-burst.json")" -eq 10 ]
	# Subdirectories keep their place.
	[ -f "$T/out-dir/scanners/framework-probe.json" ]
	diff <(jq -S 'del(.having.ge)' policies/scanners/framework-probe.json) \
		<(jq -S 'del(.having.ge)' "$T/out-dir/scanners/framework-probe.json")
	# --json says what was written.
	rm -rf "$T/out-dir"
	suggest --policies policies --json --write "$T/out-dir" "$T/mixed.log"
	[ "$status" -eq 0 ]
	jq -e '.written[] | select(.file | endswith("/not-found-burst.json")) | .changes[0]
		| .agg == "not_found" and .op == "ge" and .from == 20 and .to == 10' "$T/out" >/dev/null
}

@test "--write refuses the policies directory without --in-place, and anything inside it" {
	cp -r policies "$T/pol"
	suggest --policies "$T/pol" --write "$T/pol" "$T/mixed.log"
	[ "$status" -eq 2 ]
	grep -q 'is the --policies directory: give --in-place' "$T/err"
	suggest --policies "$T/pol" --write "$T/pol/tuned" "$T/mixed.log"
	[ "$status" -eq 2 ] || { cat "$T/err"; return 1; }
	grep -q 'inside the --policies directory' "$T/err"
	[ ! -e "$T/pol/tuned" ]
	suggest --policies "$T/pol" --write "$T/elsewhere" --in-place "$T/mixed.log"
	[ "$status" -eq 2 ]
	grep -q -- '--in-place writes into the --policies directory' "$T/err"
	diff -r policies "$T/pol"
	suggest --policies "$T/pol" --write "$T/pol" --in-place "$T/mixed.log"
	[ "$status" -eq 0 ]
	[ "$(jq .having.ge "$T/pol/not-found-burst.json")" -eq 10 ]
	"$GH" policy check "$T/pol" >/dev/null
}

@test "exit 2 with a message: bad directory, no window or rate policy, no records, bad labels" {
	suggest --policies "$T/nonexistent" "$DEMO"
	[ "$status" -eq 2 ]
	grep -q 'expected a directory of policy files' "$T/err"

	mkdir -p "$T/match-only"
	cp policies/path-traversal.json "$T/match-only/"
	suggest --policies "$T/match-only" "$DEMO"
	[ "$status" -eq 2 ]
	grep -q 'has no window or rate policy: nothing to suggest' "$T/err"

	: >"$T/empty.log"
	suggest --policies policies "$T/empty.log"
	[ "$status" -eq 2 ]
	grep -q 'no records: nothing to suggest' "$T/err"
	printf 'not a log line\nnor this\n' >"$T/junk.log"
	suggest --policies policies "$T/junk.log"
	[ "$status" -eq 2 ]
	grep -q '2 lines read, 2 rejected (2 malformed' "$T/err"
	grep -q 'no records: nothing to suggest' "$T/err"
	suggest --policies policies --json "$T/junk.log"
	[ "$status" -eq 2 ]
	jq -e '.error.message | test("no records")' "$T/out" >/dev/null

	printf '10.0.0.1 benign\n10.0.0.2 friend\n' >"$T/bad-labels"
	suggest --policies policies --labels "$T/bad-labels" "$DEMO"
	[ "$status" -eq 2 ]
	grep -q "bad-labels:2: expected \"ADDRESS benign\" or \"ADDRESS attack\"" "$T/err"

	suggest --policies policies "$T/missing.log"
	[ "$status" -eq 2 ]
	suggest "$DEMO"
	[ "$status" -eq 2 ]
	grep -q -- '--policies DIR is required' "$T/err"
	suggest --policies policies
	[ "$status" -eq 2 ]
	suggest --help
	[ "$status" -eq 0 ]
	grep -q 'gatehawk suggest --policies policies --write tuned access.log' "$T/out"
}
