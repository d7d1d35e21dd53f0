#!/usr/bin/env bats
# gatehawk report over access logs: no namespaces, no root. The HTTPS question
# on tests/e2e/data/report-scheme.log (14 requests on three hosts, one line
# that is no log line) has its answer worked out by hand below; hostile Host
# and User-Agent values come from tests/e2e/data/report-hostile.log.

load assert

GH=build/gatehawk
GEN=tests/lib/gen_access_log.sh
DATA=tests/e2e/data
# The site's format: combined plus $scheme and $host.
FMT='$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $scheme $host'
HTTP='{"field": "scheme", "eq": "http"}'

setup_file() {
	cd "$BATS_TEST_DIRNAME/../.." || return 1
	[[ -x $GH ]] || { echo "build $GH first (make all)" >&2; return 1; }
	"$GEN" -f combined >"$BATS_FILE_TMPDIR/scenario.log"
}

setup() {
	cd "$BATS_TEST_DIRNAME/../.." || return 1
	LOGS=$BATS_FILE_TMPDIR
}

# no_byte CLASS FILE: FILE holds no byte of the grep -P class (say which otherwise).
no_byte() {
	if grep -naP "$1" "$2" >&2; then
		echo "a byte of $1 in $2 (lines above)" >&2
		return 1
	fi
}

# report ARGS...: stdout to $LOGS/out, stderr to $LOGS/err; sets status.
report() {
	status=0
	"$GH" report "$@" >"$LOGS/out" 2>"$LOGS/err" || status=$?
}

https_question() {
	report --by host,path/1 --where "$HTTP" --log-format "$FMT" "$@" "$DATA/report-scheme.log"
}

@test "report: the HTTPS question as a table, with its known answer" {
	https_question
	expect_status 0
	# Sorted by matching requests, ties by key; a total row; nothing left out.
	diff -u - <(awk '{ $1 = $1; print }' "$LOGS/out") <<-'EOF'
	host path/1 requests matching share sources matching_sources
	shop.example /static 3 3 100.0% 2 2
	shop.example /cart 4 2 50.0% 3 1
	blog.example /post 2 1 50.0% 1 1
	api.example /v1 3 0 0.0% 2 0
	blog.example / 1 0 0.0% 1 0
	shop.example / 1 0 0.0% 1 0
	(total) 14 6 42.9% 9 4
	6 of 6 groups shown; share is matching / requests of the row
	EOF
	# Columns line up: every number column ends at the same offset as its header.
	[ "$(awk '{ print length($0) }' "$LOGS/out" | sed -n '1,8p' | sort -u | wc -l)" -eq 1 ]
	# The malformed line is counted on stderr, like replay.
	grep -q '15 lines read, 1 rejected (1 malformed' "$LOGS/err"
}

@test "report: --json holds the same answer, the predicate and the totals" {
	https_question --json
	expect_status 0
	[ "$(jq -c '.by' "$LOGS/out")" = '["host","path/1"]' ]
	[ "$(jq -c '.where' "$LOGS/out")" = '{"field":"scheme","eq":"http"}' ]
	[ "$(jq -r '.groups[0] | "\(.key.host) \(.key["path/1"]) \(.requests) \(.matching) \(.share) \(.sources) \(.matching_sources)"' "$LOGS/out")" = "shop.example /static 3 3 1 2 2" ]
	[ "$(jq -r '.groups[1] | "\(.key.host) \(.key["path/1"]) \(.share)"' "$LOGS/out")" = "shop.example /cart 0.5" ]
	[ "$(jq -r '.total | "\(.requests) \(.matching) \(.sources) \(.matching_sources) \(.groups) \(.sources_capped)"' "$LOGS/out")" = "14 6 9 4 6 false" ]
	[ "$(jq -r '.total.share' "$LOGS/out")" = 0.4285714286 ]
	[ "$(jq -r '.omitted, .other' "$LOGS/out" | paste -sd' ')" = "0 null" ]
	# --top 2: two groups, four left out, the total unchanged.
	https_question --json --top 2
	[ "$(jq -r '"\(.groups | length) \(.omitted) \(.total.requests)"' "$LOGS/out")" = "2 4 14" ]
}

@test "report: --csv is RFC 4180 with a header, a row per group and a total row" {
	https_question --csv --sort share
	expect_status 0
	diff -u - <(tr -d '\r' <"$LOGS/out") <<-'EOF'
	row,host,path/1,requests,matching,share,sources,matching_sources
	group,shop.example,/static,3,3,1,2,2
	group,blog.example,/post,2,1,0.5,1,1
	group,shop.example,/cart,4,2,0.5,3,1
	group,api.example,/v1,3,0,0,2,0
	group,blog.example,/,1,0,0,1,0
	group,shop.example,/,1,0,0,1,0
	total,,,14,6,0.4285714286,9,4
	EOF
	# Lines end in CRLF.
	[ "$(grep -c $'\r$' "$LOGS/out")" -eq 8 ]
}

@test "report: without --where, requests, share of all and sources; derived keys" {
	report --by status_class --top 0 "$LOGS/scenario.log"
	expect_status 0
	head -1 "$LOGS/out" | grep -qE '^status_class +requests +share +sources$'
	# Every line of the log counted once, across the classes.
	[ "$(awk '/^[0-9]xx / { n += $2 } END { print n }' "$LOGS/out")" -eq "$(wc -l <"$LOGS/scenario.log")" ]
	grep -qE '^\(total\) +[0-9]+ +100\.0% ' "$LOGS/out"
	# The generator's attackers each live in their own /24 of 100.64.0.0/16.
	report --by src_ip/24 --where '{"field": "status", "eq": 404}' --json --top 1 "$LOGS/scenario.log"
	[ "$(jq -r '.groups[0].key["src_ip/24"]' "$LOGS/out")" = 100.64.7.0/24 ]
	report --by ext,hour --json --top 0 "$LOGS/scenario.log"
	[ "$(jq -r '[.groups[] | select(.key.ext == "css")][0].key.hour | type' "$LOGS/out")" = number ]
	# stdin as '-', the same count.
	status=0
	"$GH" report --by method --json - <"$LOGS/scenario.log" >"$LOGS/out" 2>/dev/null || status=$?
	expect_status 0
	[ "$(jq '.total.requests' "$LOGS/out")" -eq "$(wc -l <"$LOGS/scenario.log")" ]
}

@test "report: --max-groups puts later new groups in one (other) row" {
	report --by path --max-groups 3 --json "$LOGS/scenario.log"
	expect_status 0
	[ "$(jq '.total.groups' "$LOGS/out")" -eq 3 ]
	[ "$(jq '.groups | length' "$LOGS/out")" -eq 3 ]
	[ "$(jq '[.groups[].requests] | add + $o' --argjson o "$(jq '.other.requests' "$LOGS/out")" "$LOGS/out")" -eq "$(jq '.total.requests' "$LOGS/out")" ]
	report --by path --max-groups 3 "$LOGS/scenario.log"
	grep -q '^(other) ' "$LOGS/out"
	grep -q 'after the first 3 (--max-groups)' "$LOGS/out"
}

@test "report: hostile Host and User-Agent are escaped in table and CSV, valid in JSON" {
	local fmt=${FMT%\$host}'"$host"'
	report --by host,user_agent --log-format "$fmt" "$DATA/report-hostile.log"
	expect_status 0
	# No raw control byte reaches the terminal; the bytes show as \xNN.
	no_byte '[\x00-\x08\x0b-\x1f\x7f]' "$LOGS/out"
	grep -qF 'evil\x1b[2J.example' "$LOGS/out"
	grep -qF '\x1b]0;pwned\x07\x1b[31mred' "$LOGS/out"
	grep -qF 'caf\xc3\xa9 \xff bot' "$LOGS/out"
	# A 120-byte agent is cut to 50 columns, ending in an ellipsis.
	grep -qE '(^| )L{47}\.\.\. ' "$LOGS/out"
	report --by host,user_agent --log-format "$fmt" --csv "$DATA/report-hostile.log"
	no_byte '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]' "$LOGS/out"
	# A comma or quote quotes the cell (quotes doubled); a formula gets a leading '.
	grep -qF 'group,evil\x1b[2J.example,"'"'"'=HYPERLINK(""http://x""), ""quoted""",1,' "$LOGS/out"
	grep -qE '^group,ok\.example,L{120},1,' "$LOGS/out"
	report --by host,user_agent --log-format "$fmt" --json "$DATA/report-hostile.log"
	jq -e . "$LOGS/out" >/dev/null
	[ "$(jq -r '.groups[] | select(.key.host | startswith("evil")) | .key.user_agent | select(startswith("\u001b"))' "$LOGS/out")" = $'\e]0;pwned\a\e[31mred' ]
	[ "$(jq -r '.groups[] | select(.key.user_agent | startswith("caf")) | .key.user_agent' "$LOGS/out")" = 'café � bot' ]
}

@test "report: bad input exits 2 naming it" {
	report --by hots "$LOGS/scenario.log"
	expect_status 2
	grep -q 'Error: --by hots: unknown key; expected a record field (ts, src_ip' "$LOGS/err"
	grep -q 'path/N (N 1-64), src_ip/N\[/M\]' "$LOGS/err"
	grep -q 'status_class, hour or ext' "$LOGS/err"
	report --by host,path/0 "$LOGS/scenario.log"
	expect_status 2
	grep -q 'path/0: expected a segment count' "$LOGS/err"
	report --by a,b,c,d,e "$LOGS/scenario.log"
	expect_status 2
	report --by host --where '{"field": "scheme", "eq": 1}' "$LOGS/scenario.log"
	expect_status 2
	grep -q 'Error: report: --where: eq: expected a string, got 1' "$LOGS/err"
	report --by host --where '{"field": "shceme", "eq": "http"}' "$LOGS/scenario.log"
	expect_status 2
	grep -q 'Error: report: --where: field: expected a record field' "$LOGS/err"
	report --by host --where '{"field": ' "$LOGS/scenario.log"
	expect_status 2
	grep -q 'Error: report: --where: expected one JSON object' "$LOGS/err"
	report --by host --sort matching "$LOGS/scenario.log"
	expect_status 2
	grep -q 'give --where or sort by requests' "$LOGS/err"
	report --by host --sort most "$LOGS/scenario.log"
	expect_status 2
	report --by host --json --csv "$LOGS/scenario.log"
	expect_status 2
	report --by host "$LOGS/scenario.log" "$LOGS/no-such.log"
	expect_status 2
	grep -q "no-such.log: No such file or directory" "$LOGS/err"
	[ ! -s "$LOGS/out" ]
	report --by host
	expect_status 2
	report "$LOGS/scenario.log"
	expect_status 2
	grep -q -- '--by KEY\[,KEY...\] is required' "$LOGS/err"
	# Under --json the error is JSON on stdout.
	report --json --by hots "$LOGS/scenario.log"
	expect_status 2
	[ "$(jq -r '.error.field' "$LOGS/out")" = --by ]
}

@test "report: --help shows the HTTPS example" {
	report --help
	expect_status 0
	grep -q 'Usage: gatehawk report' "$LOGS/out"
	grep -qF -- "--by host,path/1 --where '{\"field\": \"scheme\", \"eq\": \"http\"}'" "$LOGS/out"
	grep -qF '$scheme $host' "$LOGS/out"
}
