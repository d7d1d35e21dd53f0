#!/usr/bin/env bash
# Fleet mode's figures (tests/bench/fleet_bench.c): propagation latency with
# 1, 10 and 100 subscribing hosts, decisions per second, and a new host's
# catch-up on 100,000 decisions, against a nats-server -js on loopback with a
# store of its own, stopped and removed at the end; then fleet-wide
# detection's summary volume per host (fleet_bench --summaries, no server).
#   tests/bench/fleet_bench.sh [OUTDIR]     figures also in OUTDIR/fleet.md
# FLEET_BENCH_ARGS overrides the sizes, e.g. "--hosts 1,10 --catch-up 10000".
set -u
cd "$(dirname "$0")/../.." || exit 1

OUT=${1:-build/bench}
PORT=${FLEET_BENCH_PORT:-14516}
BIN=build/tests/bench/fleet_bench
read -r -a ARGS <<<"${FLEET_BENCH_ARGS:-}"

command -v nats-server >/dev/null || { echo "nats-server not installed (make deps)" >&2; exit 1; }
[[ -x $BIN ]] || { echo "$BIN not built (make bench)" >&2; exit 1; }
mkdir -p "$OUT" || exit 1
store=$(mktemp -d -t gh-fleet-bench.XXXXXX) || exit 1
nats_pid=
# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
	[[ -z $nats_pid ]] || { kill "$nats_pid" 2>/dev/null; wait "$nats_pid" 2>/dev/null; }
	rm -rf "$store"
}
trap cleanup EXIT

nats-server -js -a 127.0.0.1 -p "$PORT" -sd "$store" -l "$store/nats.log" &
nats_pid=$!
for ((i = 0; i < 50; i++)); do
	(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
	sleep 0.1
done

# Hosts see each other's decisions through one server on this machine: the
# figures are the server's and the daemons' work on 2 shared cores, loopback's
# round trips; across machines add the network's.
{
	echo "## fleet: block decisions across hosts (NATS JetStream $(nats-server --version | awk '{print $NF}'))"
	echo
	echo "Latency: a decision queued on one host to its entry in each subscriber's"
	echo "block map (every subscriber has its own connection, watcher and maps, applied"
	echo "by the daemon's own code); 200 decisions 5 ms apart, then a burst of 2000."
	echo
	"$BIN" "nats://127.0.0.1:$PORT" "${ARGS[@]}" && "$BIN" --summaries
} | tee "$OUT/fleet.md"
exit "${PIPESTATUS[0]}"
