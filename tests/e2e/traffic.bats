#!/usr/bin/env bats
# tests/lib/gen_traffic.py, the labelled traffic behaviour models are trained
# and scored on (issue 13): what it writes is what gatehawk replay reads, line
# for line, with the fields the features need; labels name every source;
# deterministic; --benign-only is the benign part of the full run. No root.

GH=build/gatehawk
GEN=tests/lib/gen_traffic.py
START=2024-03-04T06:00:00Z    # a Monday morning: the offices are in

setup_file() {
	cd "$BATS_TEST_DIRNAME/../.." || return 1
	[[ -x $GH ]] || { echo "build $GH first (make all)" >&2; return 1; }
	local d=$BATS_FILE_TMPDIR
	"$GEN" --seed 7 --start $START --hours 6 --out-log "$d/full.log" --out-labels "$d/full.labels"
	"$GEN" --seed 7 --start $START --hours 6 --benign-only --out-log "$d/benign.log" \
		--out-labels "$d/benign.labels"
	"$GEN" --seed 7 --start $START --hours 6 --format combined --out-log "$d/full.clf" \
		--out-labels "$d/clf.labels"
}

setup() {
	cd "$BATS_TEST_DIRNAME/../.." || return 1
	D=$BATS_FILE_TMPDIR
}

# summary FILE FIELD: a number from a replay summary ("12 alerts" -> alerts).
summary() {
	grep -oE "[0-9]+ $2" "$1" | head -1 | cut -d' ' -f1
}

@test "traffic: every JSON and combined line parses, and the summary counts the labelled sources" {
	for f in full.log full.clf; do
		"$GH" replay --indicator 'path=.' "$D/$f" >/dev/null 2>"$D/err"
		[ "$(summary "$D/err" rejected)" -eq 0 ]
		[ "$(summary "$D/err" 'lines read')" -eq "$(wc -l <"$D/$f")" ]
		[ "$(summary "$D/err" alerts)" -eq "$(wc -l <"$D/$f")" ]
		[ "$(summary "$D/err" sources)" -eq "$(wc -l <"$D/full.labels")" ]
	done
	# The same sources in both formats.
	cmp "$D/full.labels" "$D/clf.labels"
}

@test "traffic: JSON records carry cookie, XHR, accept, scheme and ms timestamps" {
	# One policy is enough to get the records (the shipped set makes megabytes).
	mkdir -p "$D/one"
	jq 'del(.fixtures)' policies/scraper.json >"$D/one/scraper.json"
	head -2000 "$D/full.log" | "$GH" explain --policies "$D/one" --json - |
		jq -c .record >"$D/records"
	[ "$(wc -l <"$D/records")" -eq 2000 ]
	jq -e -s 'all(.[]; has("has_cookie") and has("is_xhr") and has("accept")
		and has("scheme") and has("host") and has("status") and has("bytes")
		and has("user_agent") and (.ts | test("\\.[0-9]{3}Z$")))' "$D/records" >/dev/null
	# Both values of the flags occur; POSTs carry a content type and length.
	jq -e -s '[.[].has_cookie] | (index(true) != null) and (index(false) != null)' \
		"$D/records" >/dev/null
	jq -e -s '[.[].is_xhr] | (index(true) != null) and (index(false) != null)' \
		"$D/records" >/dev/null
	jq -e -s '[.[] | select(.method == "POST")] | length > 0 and
		all(has("content_type") and has("content_length"))' "$D/records" >/dev/null
}

@test "traffic: labels name every address once, benign and each attack kind" {
	jq -r .remote_addr "$D/full.log" | sort -u >"$D/addrs"
	[ "$(cut -d' ' -f1 "$D/full.labels" | sort | uniq -d | wc -l)" -eq 0 ]
	diff "$D/addrs" <(cut -d' ' -f1 "$D/full.labels" | sort)
	grep -qvE '^[0-9a-f.:]+ (benign|attack) # [a-z_]+$' "$D/full.labels" && return 1
	for k in scraper slow_scanner credential_stuffer carding enumeration headless_scraper \
		comment_spammer; do
		grep -q " attack # $k$" "$D/full.labels" || { echo "no $k"; return 1; }
	done
	for k in browser api_client crawler monitor rss_reader office_nat partner_sync; do
		grep -q " benign # $k$" "$D/full.labels" || { echo "no $k"; return 1; }
	done
	# IPv6 sources, and attackers in /24s that benign sources are in.
	grep -q '^2001:db8:' "$D/full.labels"
	[ -n "$(comm -12 <(grep ' attack ' "$D/full.labels" | grep -oE '^[0-9]+\.[0-9]+\.[0-9]+\.' | sort -u) \
		<(grep ' benign ' "$D/full.labels" | grep -oE '^[0-9]+\.[0-9]+\.[0-9]+\.' | sort -u))" ]
}

@test "traffic: time order, determinism, and --benign-only is the benign part of the full run" {
	jq -r .msec "$D/full.log" | sort -c -n
	"$GEN" --seed 7 --start $START --hours 6 --out-log - --out-labels "$D/again.labels" \
		2>/dev/null | cmp - "$D/full.log"
	cmp "$D/again.labels" "$D/full.labels"
	"$GEN" --seed 8 --start $START --hours 6 --out-log - --out-labels /dev/null 2>/dev/null |
		cmp -s - "$D/full.log" && return 1
	[ "$(grep -c ' attack ' "$D/benign.labels")" -eq 0 ]
	grep ' benign ' "$D/full.labels" | cmp - "$D/benign.labels"
	grep -F -f <(awk '{ printf "\"remote_addr\":\"%s\",\n", $1 }' "$D/benign.labels") \
		"$D/full.log" | cmp - "$D/benign.log"
}

@test "traffic: shipped rule policies block no benign source of a day's history" {
	"$GEN" --seed 7 --start $START --hours 24 --benign-only --out-log "$D/day.log" \
		--out-labels "$D/day.labels"
	"$GH" replay --policies policies "$D/day.log" >"$D/alerts" 2>"$D/err"
	[ "$(summary "$D/err" rejected)" -eq 0 ]
	[ "$(jq -s 'map(select(.action == "block")) | length' "$D/alerts")" -eq 0 ]
}

@test "traffic: bad arguments exit 2 with a message" {
	run "$GEN" --seed 1 --start yesterday --hours 1 --out-log "$D/x" --out-labels "$D/y"
	[ "$status" -eq 2 ]
	[[ $output == *"expected an ISO 8601 time"* ]]
	run "$GEN" --seed 1 --start $START --hours 0 --out-log "$D/x" --out-labels "$D/y"
	[ "$status" -eq 2 ]
	run "$GEN" --seed 1 --start $START --hours 1 --out-log /nonexistent/x --out-labels "$D/y"
	[ "$status" -eq 2 ]
	[[ $output == *"cannot write /nonexistent/x"* ]]
}
