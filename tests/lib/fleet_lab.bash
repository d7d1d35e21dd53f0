# A fleet of lab hosts (tests/lib/lab.bash) sharing one NATS JetStream
# server, for tests/e2e/fleet.bats and the demo:
#
#   FLEET_LAB_IDS="15 16 17" source tests/lib/fleet_lab.bash
#   fleet_up; fleet_nats_start; fleet_use 16; fleet_daemon_start host-b; ...; fleet_down
#
# Each host is a lab of its own (server and client namespaces, its own pin
# directory and daemon), plus a "fleet link": a veth from the root namespace
# (10.78.ID.1) into the server namespace (10.78.ID.2), so every daemon reaches
# the one nats-server, which runs in the root namespace on FLEET_NATS_PORT
# with its own store directory. Every client namespace also holds the
# scanner address FLEET_SCANNER (the server routes it back on its veth): one
# source that reaches every host, as a scanner of the internet does.
#
# fleet_use ID makes lab ID the current one for lab.bash's functions
# (lab_in_client, lab_server_gatehawk, lab_daemon_start ...). Everything
# lives in FLEET_DIR (mktemp -d, exported), which fleet_down removes.

FLEET_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${FLEET_LAB_IDS:=15 16 17}"
: "${FLEET_NATS_PORT:=14515}"
FLEET_SCANNER=10.77.250.7
[[ ${FLEET_DIR:-} == */gh-fleet.* ]] || FLEET_DIR=

fleet_link_root() { echo "gh${1}f0"; }
fleet_link_server() { echo "gh${1}f1"; }
# fleet_url ID: the server as the daemon of lab ID reaches it.
fleet_url() { echo "nats://10.78.$1.1:$FLEET_NATS_PORT"; }
# The server as seen from the root namespace (fleet list, fleet import, raw puts).
fleet_local_url() { echo "nats://127.0.0.1:$FLEET_NATS_PORT"; }

# fleet_use ID: lab.bash's variables and functions now mean lab ID.
fleet_use() {
	LAB_ID=$1
	LAB_DIR=$(cat "$FLEET_DIR/lab$1.dir" 2>/dev/null) || LAB_DIR=
	# shellcheck disable=SC2034 # read by lab.bash
	LAB_DAEMON_PID=
	# shellcheck source=tests/lib/lab.bash
	source "$FLEET_LIB/lab.bash"
	# shellcheck source=tests/lib/lab_extra.bash
	source "$FLEET_LIB/lab_extra.bash"
}

fleet_up() {
	local id
	fleet_down
	FLEET_DIR=$(mktemp -d -t gh-fleet.XXXXXXXX) || return 1
	export FLEET_DIR
	# One private copy of the binary for every host: a rebuild mid-run swaps nothing.
	mkdir -p "$FLEET_DIR/bin"
	cp "${GATEHAWK:-$FLEET_LIB/../../build/gatehawk}" "$FLEET_DIR/bin/gatehawk"
	export GATEHAWK=$FLEET_DIR/bin/gatehawk
	for id in $FLEET_LAB_IDS; do
		fleet_use "$id"
		lab_up || return 1
		echo "$LAB_DIR" >"$FLEET_DIR/lab$id.dir"
		ip link add "$(fleet_link_root "$id")" type veth peer name "$(fleet_link_server "$id")"
		ip link set "$(fleet_link_server "$id")" netns "$LAB_SERVER_NS"
		ip addr add "10.78.$id.1/30" dev "$(fleet_link_root "$id")"
		ip -n "$LAB_SERVER_NS" addr add "10.78.$id.2/30" dev "$(fleet_link_server "$id")"
		ip link set "$(fleet_link_root "$id")" up
		ip -n "$LAB_SERVER_NS" link set "$(fleet_link_server "$id")" up
		ip -n "$LAB_CLIENT_NS" addr add "$FLEET_SCANNER/32" dev "$LAB_CLIENT_IF"
		ip -n "$LAB_SERVER_NS" route add "$FLEET_SCANNER/32" dev "$LAB_SERVER_IF"
	done
}

# Safe twice and from a trap.
fleet_down() {
	local id
	fleet_nats_stop TERM
	for id in $FLEET_LAB_IDS; do
		fleet_use "$id"
		lab_down_isolated
		ip link del "$(fleet_link_root "$id")" 2>/dev/null || true
	done
	[[ $FLEET_DIR != */gh-fleet.* ]] || rm -rf "$FLEET_DIR" || true
	FLEET_DIR=
	return 0
}

# fleet_nats_start: the server, on the store it had (a restart keeps the bucket).
fleet_nats_start() {
	mkdir -p "$FLEET_DIR/store"
	nats-server -js -a 0.0.0.0 -p "$FLEET_NATS_PORT" -sd "$FLEET_DIR/store" \
		-l "$FLEET_DIR/nats.log" 3>&- &
	echo $! >"$FLEET_DIR/nats.pid"
	lab_wait "nats-server listens" 50 bash -c "exec 3<>/dev/tcp/127.0.0.1/$FLEET_NATS_PORT"
}

# fleet_nats_stop SIGNAL: the server stopped (KILL: as by a crash).
fleet_nats_stop() {
	local pid
	[[ -n ${FLEET_DIR:-} ]] || return 0
	pid=$(cat "$FLEET_DIR/nats.pid" 2>/dev/null) || return 0
	rm -f "$FLEET_DIR/nats.pid"
	lab_kill_wait "$1" "$pid"
}

# fleet_nats_wipe: no server, no bucket.
fleet_nats_wipe() {
	fleet_nats_stop TERM
	rm -rf "$FLEET_DIR/store"
}

# fleet_daemon_start NAME [run options...]: the current lab's daemon in the
# fleet, its sensor on the lab's own cgroup (lab_extra.bash): it sees no
# other lab's requests.
fleet_daemon_start() {
	local name=$1 cg
	shift
	cg=$(lab_cgroup_dir) && mkdir -p "$cg" || return 1
	lab_daemon_start --fleet "$(fleet_url "$LAB_ID")" --fleet-name "$name" --cgroup "$cg" "$@"
}

# fleet_stat KEY: the current lab's daemon's fleet counter (status --json).
fleet_stat() {
	"$GATEHAWK" status --json --pin-dir "$LAB_PIN_DIR" | jq -r ".daemon.fleet.$1"
}

# fleet_has_block CIDR: the current lab's map holds a live fleet-learned block of CIDR.
fleet_has_block() {
	lab_gatehawk block list --json |
		jq -e --arg c "$1" 'any(.[]; .cidr == $c and .fleet)' >/dev/null
}

# fleet_raw_pub SUBJECT PAYLOAD: publish bytes as anyone with the server's
# address could (the NATS text protocol: no client, no checks).
fleet_raw_pub() {
	local LC_ALL=C subject=$1 payload=$2
	exec 4<>"/dev/tcp/127.0.0.1/$FLEET_NATS_PORT" || return 1
	printf 'CONNECT {"verbose":false,"pedantic":false}\r\nPUB %s %d\r\n%s\r\nPING\r\n' \
		"$subject" "${#payload}" "$payload" >&4
	# INFO first, then PONG once the server has the message.
	timeout 2 grep -m1 -q PONG <&4
	local rc=$?
	exec 4>&-
	return $rc
}

# fleet_raw_put KEY PAYLOAD: a raw value in the bucket (fleet_raw_pub).
fleet_raw_put() {
	fleet_raw_pub "\$KV.gatehawk-blocks.$1" "$2"
}

# fleet_ping_scanner: the scanner reaches the current lab's server.
fleet_ping_scanner() {
	lab_in_client ping -n -q -c 1 -W 1 -I "$FLEET_SCANNER" "$LAB_SERVER4" >/dev/null 2>&1
}

# fleet_probe_scanner PATH: the scanner asks the current lab's web server for PATH, once.
fleet_probe_scanner() {
	lab_in_client curl -s -o /dev/null --max-time 2 --interface "$FLEET_SCANNER" \
		"http://10.77.$LAB_ID.1$1" || true
}

# fleet_spread_policy DIR: a fleet-scope policy in DIR: a probe for one of a
# few secret files counts; three hosts within 10 minutes block the source.
fleet_spread_policy() {
	mkdir -p "$1"
	cat >"$1/fleet-probe-spread.json" <<'JSON'
{
  "name": "fleet-probe-spread",
  "description": "One probe for a secret file on each of several hosts: too little for any host alone, a scan for the fleet.",
  "kind": "match",
  "severity": "high",
  "scope": "fleet",
  "fleet": {"window": "10m", "min_hosts": 3, "min_matches": 3},
  "where": {"field": "path", "in": ["/.env", "/.git/config", "/backup.sql"]},
  "action": {"type": "block", "ttl": "1h"}
}
JSON
}
