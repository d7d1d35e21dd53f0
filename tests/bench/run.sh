#!/usr/bin/env bash
# `make bench`: run every benchmark, in order, and print its figures. Speed
# never fails a run; the exit status is non-zero only when a benchmark broke.
#   tests/bench/run.sh [NAME...]     (default: all of BENCHES, in order)
#
# Each benchmark is a bench_NAME function run in a subshell of its own whose
# EXIT trap undoes, last first, everything it registered with `defer`
# (namespaces, links, pins, mounts, files), whether it ends, fails or is
# interrupted, so the next benchmark starts from a clean host.
# Network rule: only loopback and namespaces created here are touched.
set -u
cd "$(dirname "$0")/../.." || exit 1

BENCHES=(xdp)

GATEHAWK=build/gatehawk
BENCH_BIN=build/tests/bench
REPORT_DIR=build/bench
TAG=gh-bench-$$

CLEANUPS=()

# defer CMD [ARG...]: run CMD when the current benchmark ends.
defer() {
	CLEANUPS+=("$(printf '%q ' "$@")")
}

run_cleanups() {
	local i
	for ((i = ${#CLEANUPS[@]} - 1; i >= 0; i--)); do
		eval "${CLEANUPS[i]}" >/dev/null 2>&1
	done
	CLEANUPS=()
}

# ---- xdp: the XDP gate against its floor and xdp-filter ----------------------

XDP_BLOCK_FILE_ENTRIES=100000

# xdp_filter_up NS: xdp-filter loaded on a veth in namespace NS (it loads
# only onto an interface; veth needs no extra module), its pins in a private
# bpffs (LIBXDP_BPFFS) so it neither sees nor disturbs any other xdp-filter
# on this host. Sets PEER_ARGS for xdp_bench.
xdp_filter_up() {
	local ns=$1 bpffs prog_id
	command -v xdp-filter >/dev/null || { echo "xdp-filter not installed (make deps)" >&2; return 1; }
	bpffs=$(mktemp -d "/tmp/$TAG-bpffs.XXXXXX") || return 1
	defer rmdir "$bpffs"
	mount -t bpf bpf "$bpffs" || return 1
	defer umount "$bpffs"
	ip netns add "$ns" || return 1
	defer ip netns del "$ns"
	ip -n "$ns" link add ghb0 type veth peer name ghb1 &&
		ip -n "$ns" link set ghb0 up &&
		ip -n "$ns" link set ghb1 up || return 1
	LIBXDP_BPFFS=$bpffs ip netns exec "$ns" xdp-filter load ghb0 --mode skb || return 1
	defer env LIBXDP_BPFFS="$bpffs" ip netns exec "$ns" xdp-filter unload ghb0
	prog_id=$(ip -n "$ns" -j link show dev ghb0 | jq -r '.[0].xdp.prog.id // empty')
	[[ -n $prog_id ]] || { echo "no XDP program on ghb0 after xdp-filter load" >&2; return 1; }
	PEER_ARGS=(--peer-maps "$bpffs/xdp-filter" --peer-prog "$prog_id")
}

# xdp_time_block_file: best of 3 wall-clock times of `gatehawk block add --file`
# loading XDP_BLOCK_FILE_ENTRIES addresses (half IPv4, half IPv6, clear of
# this host's own) into new maps, checked by listing them. Sets FILE_LOAD_MS.
xdp_time_block_file() {
	local file pin=/sys/fs/bpf/$TAG-file best="" t0 t1 n i
	file=$(mktemp "/tmp/$TAG-blocks.XXXXXX") || return 1
	defer rm -f "$file"
	defer rm -rf "$pin"
	awk -v n=$((XDP_BLOCK_FILE_ENTRIES / 2)) 'BEGIN {
		for (i = 0; i < n; i++)
			printf "10.201.%d.%d\n2001:db8:201::%x\n", int(i / 256), i % 256, i
	}' >"$file"
	for i in 1 2 3; do
		# EPOCHREALTIME without its decimal point: microseconds, no fork.
		t0=${EPOCHREALTIME//[!0-9]/}
		"$GATEHAWK" block add --file "$file" --pin-dir "$pin" >/dev/null || return 1
		t1=${EPOCHREALTIME//[!0-9]/}
		n=$("$GATEHAWK" block list --json --pin-dir "$pin" | jq length)
		"$GATEHAWK" detach --pin-dir "$pin" >/dev/null || return 1
		if [[ $n != "$XDP_BLOCK_FILE_ENTRIES" ]]; then
			echo "block add --file: $n entries listed, expected $XDP_BLOCK_FILE_ENTRIES" >&2
			return 1
		fi
		if [[ -z $best ]] || ((t1 - t0 < best)); then
			best=$((t1 - t0))
		fi
	done
	FILE_LOAD_MS=$((best / 1000))
}

# ns per packet of the XDP gate, its floor and xdp-filter (xdp_bench.c), and
# the time `block add --file` takes; report also in build/bench/xdp.md.
bench_xdp() {
	local broken=0
	PEER_ARGS=()
	mkdir -p "$REPORT_DIR" || return 1
	if ! xdp_filter_up "$TAG"; then
		echo "xdp-filter could not be set up; measuring the gate without it" >&2
		broken=1
	fi
	xdp_time_block_file || return 1
	# Backstop: xdp_bench removes its pins itself, unless it is killed.
	defer rm -rf "/sys/fs/bpf/$TAG"
	"$BENCH_BIN/xdp_bench" --pin-dir "/sys/fs/bpf/$TAG" "${PEER_ARGS[@]}" \
		--file-load-ms "$FILE_LOAD_MS" --markdown "$REPORT_DIR/xdp.md" || return 1
	echo "(written to $REPORT_DIR/xdp.md)"
	return $broken
}

# ---- main ---------------------------------------------------------------------

# run_bench NAME: bench_NAME in a subshell that cleans up after itself.
run_bench() {
	(
		trap run_cleanups EXIT
		trap 'exit 130' INT TERM HUP
		"bench_$1"
	)
}

main() {
	local names=("$@") name failed=()
	((${#names[@]})) || names=("${BENCHES[@]}")
	trap 'exit 130' INT TERM HUP
	for name in "${names[@]}"; do
		if ! declare -F "bench_$name" >/dev/null; then
			echo "unknown benchmark '$name'; known: ${BENCHES[*]}" >&2
			return 2
		fi
	done
	for name in "${names[@]}"; do
		echo "== bench $name"
		run_bench "$name" || failed+=("$name")
	done
	if ((${#failed[@]})); then
		echo "broken: ${failed[*]} (figures above may be incomplete)" >&2
		return 1
	fi
}

main "$@"
