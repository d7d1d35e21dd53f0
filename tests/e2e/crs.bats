#!/usr/bin/env bats
# The owasp-crs policy through gatehawk replay (files only, no namespaces):
# a score under the threshold blocks only with a corroborating sign, the
# alert names the sign and the rules, and a bad "corroborated" member is an
# input error naming the file and the field.

load assert

GH=build/gatehawk
CRS=policies/crs/owasp-crs.json
UA='Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'

setup() {
	cd "$BATS_TEST_DIRNAME/../.." || return 1
	[[ -x $GH ]] || { echo "build $GH first (make all)" >&2; return 1; }
	[[ -d /usr/share/modsecurity-crs/rules ]] || skip "modsecurity-crs missing (make deps)"
	POL=$BATS_TEST_TMPDIR/policies
	mkdir -p "$POL"
}

# line SRC PATH?QUERY STATUS REFERER: one combined log line from a browser.
line() {
	printf '%s - - [12/Oct/2025:10:00:00 +0000] "GET %s HTTP/1.1" %s 512 "%s" "%s"\n' \
		"$1" "$2" "$3" "$4" "$UA"
}

# crs_policy JQ_FILTER: the shipped policy, changed, alone in $POL.
crs_policy() {
	jq "del(.fixtures) | $1" "$CRS" >"$POL/owasp-crs.json"
}

@test "one CRS rule blocks when a sign corroborates it, not from a page answered 200; four block alone" {
	crs_policy .
	{
		line 203.0.113.1 "/catalog?item=7%27%20OR%20%27a%27%3D%27a" 200 -
		line 203.0.113.2 "/catalog?item=7%27%20OR%20%27a%27%3D%27a" 200 https://shop.example.org/
		line 203.0.113.3 "/catalog?item=7%27%20OR%20%27a%27%3D%27a" 404 https://shop.example.org/
		# A lone <script> scores three rules (15): a docs search from the site's own page.
		line 203.0.113.4 "/search?q=%3Cscript%3E" 200 https://docs.example.org/search
		line 203.0.113.5 "/search?q=powershell+Start-Process+admin" 200 https://kb.example.org/
		line 203.0.113.6 "/search?q=%3Cimg%20src=x%20onerror=alert(document.cookie)%3E%3Cscript%3Ealert(1)%3C/script%3E" \
			200 https://shop.example.org/
	} >"$BATS_TEST_TMPDIR/in.log"
	run "$GH" replay --policies "$POL" --format combined "$BATS_TEST_TMPDIR/in.log"
	expect_status 0
	alerts=$(grep '^{' <<<"$output" | jq -r -c '[.src_ip, .value, .threshold,
		(.evidence.crs.corroborated_by // []), (.evidence.crs.rules | map(.id) | index(942100) != null)]')
	echo "$alerts"
	[[ $(wc -l <<<"$alerts") -eq 3 ]]
	grep -qxF '["203.0.113.1",5,5,["no_referer"],true]' <<<"$alerts"
	grep -qxF '["203.0.113.3",5,5,["error_status"],true]' <<<"$alerts"
	grep -q '^\["203.0.113.6",25,20,\[\],false\]$' <<<"$alerts"
}

@test "threshold 5 without a corroborated level flags the benign search again" {
	crs_policy '.threshold = 5 | del(.corroborated) | del(.action.unless_rendered)'
	line 203.0.113.5 "/search?q=powershell+Start-Process+admin" 200 https://kb.example.org/ \
		>"$BATS_TEST_TMPDIR/in.log"
	run "$GH" replay --policies "$POL" --format combined "$BATS_TEST_TMPDIR/in.log"
	expect_status 0
	[[ $(grep -c '"policy":"owasp-crs"' <<<"$output") -eq 1 ]]
}

@test "a bad corroborated member: exit 2 naming the file and the field" {
	local -a cases=(
		'.corroborated.threshold = 20|corroborated.threshold: expected a score from 1 to one below'
		'.corroborated.by = ["no_refferer"]|corroborated.by[0]: expected a sign: error_status or no_referer, got "no_refferer"'
		'.corroborated.by = []|corroborated.by: expected a non-empty array of signs'
		'.corroborated = {threshold: 5}|corroborated.by: expected a non-empty array'
		'.corroborated.when = 1|corroborated.when: expected only the fields threshold, by'
		'.corroborated = 5|corroborated: expected {"threshold": N'
	)
	for c in "${cases[@]}"; do
		crs_policy "${c%%|*}"
		run "$GH" replay --policies "$POL" /dev/null
		echo "$c -> $output"
		expect_status 2
		[[ $output == *"$POL/owasp-crs.json: ${c#*|}"* ]]
	done
}

@test "explain shows the corroborated level, the signs it takes and the record's" {
	crs_policy .
	line 203.0.113.1 "/catalog?item=7%27%20OR%20%27a%27%3D%27a" 200 - >"$BATS_TEST_TMPDIR/a.log"
	line 203.0.113.2 "/catalog?item=7%27%20OR%20%27a%27%3D%27a" 200 https://shop.example.org/ \
		>"$BATS_TEST_TMPDIR/b.log"
	run "$GH" explain --policies "$POL" --json - <"$BATS_TEST_TMPDIR/a.log"
	expect_status 0
	[[ $(jq -c '.policies[0] | [.result, .crs.corroborated_threshold, .crs.corroborate_by, .crs.corroborated_by]' <<<"$output") == \
		'["fired",5,["error_status","no_referer"],["no_referer"]]' ]]
	run "$GH" explain --policies "$POL" - <"$BATS_TEST_TMPDIR/b.log"
	expect_status 0
	echo "$output"
	[[ $output == *'no_match     owasp-crs'*'(threshold 20; from 5 with a sign: error_status or no_referer; this record'"'"'s: none)'* ]]
}
