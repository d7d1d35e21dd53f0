#!/usr/bin/env bash
# Detection recall and false positives of a policy directory on the labelled
# evaluation set in tests/bench/data/eval/ (written from public exploit
# write-ups and real traffic shapes, independently of the policies):
#   attacks.log / attacks.labels  one attack per source address
#                                 ("ADDRESS\tattack\tCATEGORY\tCVE-or-technique")
#   benign.log  / benign.labels   benign traffic, several requests per source
#                                 ("ADDRESS\tbenign\tKIND")
# Each log is replayed on its own; a source counts as flagged when any alert
# names it as src_ip.
#   tests/bench/recall.sh [POLICIES_DIR]        (default: policies)
# Environment: GATEHAWK (default build/gatehawk); DATA (default
# tests/bench/data/eval); NAME (default attacks): the attack log and labels
# read, $DATA/$NAME.log and $DATA/$NAME.labels (NAME=attacks-dev for the
# development half of tests/bench/data/thirdparty); MISSED=1 also lists every
# attacking source no alert named.
# A benchmark, not a test: the exit status is always 0.
set -u
cd "$(dirname "$0")/../.." || exit 0

POL=${1:-policies}
BIN=${GATEHAWK:-build/gatehawk}
DATA=${DATA:-tests/bench/data/eval}
MISSED=${MISSED:-0}
NAME=${NAME:-attacks}

[[ -x $BIN ]] || { echo "recall: $BIN missing (make all)"; exit 0; }
[[ -d $POL ]] || { echo "recall: no policy directory $POL"; exit 0; }
work=$(mktemp -d) || exit 0
trap 'rm -rf "$work"' EXIT

# replay NAME: replays $DATA/NAME.log; writes $work/NAME.hits ("src_ip\tpolicy",
# unique) from the JSON alert lines on stdout.
replay() {
	local name=$1
	"$BIN" replay --policies "$POL" --format combined "$DATA/$name.log" \
		>"$work/$name.json" 2>"$work/$name.err"
	local rc=$?
	grep '^replay:' "$work/$name.err" | sed "s/^/  $name: /"
	((rc == 0)) || { echo "  $name: replay exited $rc:"; grep -v '^replay:' "$work/$name.err" | tail -5 | sed 's/^/    /'; }
	jq -R -r 'fromjson? | select(type == "object" and .src_ip != null)
		| [.src_ip, (.policy // "?"), (.evidence.group // "")] | @tsv' "$work/$name.json" |
		in_group "$DATA/$name.labels" | sort -u >"$work/$name.hits"
}

# in_group LABELS: "src_ip\tpolicy\tgroup" lines in, "address\tpolicy" out. An
# alert of a window grouped by a prefix (an IPv6 /64 by default) names one
# address as src_ip and the prefix as evidence.group, which its verdict
# covers: it stands for every labelled address inside that prefix.
in_group() {
	python3 -c '
import ipaddress, sys
labelled = []
for line in open(sys.argv[1]):
    try:
        labelled.append((ipaddress.ip_address(line.split("\t")[0]), line.split("\t")[0]))
    except ValueError:
        pass
for line in sys.stdin:
    src, pol, group = (line.rstrip("\n").split("\t") + ["", ""])[:3]
    print(src + "\t" + pol)
    try:
        net = ipaddress.ip_network(group, strict=False) if "/" in group else None
    except ValueError:
        net = None
    if net is not None and net.num_addresses > 1:
        for addr, text in labelled:
            if addr in net:
                print(text + "\t" + pol)
' "$1"
}

label=$DATA
[[ $NAME == attacks ]] || label="$DATA ($NAME)"
echo "gatehawk recall benchmark: policies $POL, data $label"
replay "$NAME"
replay benign

awk -F'\t' -v missed="$MISSED" '
FILENAME == ARGV[1] { hit[$1] = 1; pol[$1] = ($1 in pol) ? pol[$1] "," $2 : $2; next }
$2 == "attack" {
	total++; ctot[$3]++
	if ($1 in hit) { flagged++; cflag[$3]++ }
	else if (missed) miss[++nm] = $1 "\t" $3 "\t" $4
	if ($3 == "cve" || $3 == "log4shell") { cve[$4] = 1; if ($1 in hit) cvehit[$4] = 1 }
}
END {
	printf "\nattacking sources flagged: %d/%d (%.1f %%)\n", flagged, total, total ? 100 * flagged / total : 0
	printf "\n  %-16s %9s %8s\n", "category", "flagged", "recall"
	cmd = "sort"
	for (c in ctot)
		printf "  %-16s %4d/%-4d %6.1f %%\n", c, cflag[c], ctot[c], 100 * cflag[c] / ctot[c] | cmd
	close(cmd)
	nc = 0; nch = 0
	for (k in cve) { nc++; if (k in cvehit) nch++ }
	printf "\n  distinct CVEs with at least one flagged probe: %d/%d\n", nch, nc
	if (missed) {
		printf "\nmissed (source, category, CVE or technique):\n"
		for (i = 1; i <= nm; i++) print "  " miss[i]
	}
	printf "%d\t%d\n", flagged, total > "'"$work"'/recall.tot"
}' "$work/$NAME.hits" "$DATA/$NAME.labels"

awk -F'\t' '
FILENAME == ARGV[1] { if (!($1 in pol)) pol[$1] = $2; else if (index("," pol[$1] ",", "," $2 ",") == 0) pol[$1] = pol[$1] "," $2; next }
$2 == "benign" { total++; if ($1 in pol) { fp++; line[fp] = sprintf("  %-16s %-16s %s", $1, $3, pol[$1]) } }
END {
	printf "\nbenign sources flagged (false positives): %d/%d\n", fp, total
	for (i = 1; i <= fp; i++) print line[i]
	printf "%d\t%d\n", fp, total > "'"$work"'/fp.tot"
}' "$work/benign.hits" "$DATA/benign.labels"

rn=0 rm=0 fn=0 fm=0
[[ -s $work/recall.tot ]] && read -r rn rm <"$work/recall.tot"
[[ -s $work/fp.tot ]] && read -r fn fm <"$work/fp.tot"
awk -v a="$rn" -v b="$rm" -v c="$fn" -v d="$fm" 'BEGIN {
	printf "\nrecall %d/%d (%.1f %%), false positives %d/%d\n", a, b, b ? 100 * a / b : 0, c, d }'
exit 0
