# A two-namespace lab for end-to-end tests, the demo and the benchmarks:
# a server namespace running nginx behind a veth gated by gatehawk, and a
# client namespace with several addresses (attackers and a browser-like client
# are told apart by source address). Traffic stays between the two namespaces.
#
#   LAB_ID=7 source tests/lib/lab.bash   # LAB_ID 1..199 picks names and subnets
#   lab_up; lab_nginx_start; lab_daemon_start --policies policies; ...; lab_down
#
# Everything lab_up creates is removed by lab_down, which is safe to call
# twice and from a trap: call it from an EXIT trap (bats: teardown_file) so a
# failure midway leaves nothing behind. The lab's files (nginx's config and
# logs, the daemon's output) live in LAB_DIR, a fresh mktemp -d directory that
# lab_up makes and exports (bats hands it from setup_file to the tests) and
# lab_down removes.

: "${LAB_ID:=1}"
LAB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
GATEHAWK=${GATEHAWK:-$LAB_ROOT/build/gatehawk}

LAB_SERVER_NS=gh${LAB_ID}srv
LAB_CLIENT_NS=gh${LAB_ID}cli
LAB_SERVER_IF=gh${LAB_ID}s0 # gated: the server side of the veth
LAB_CLIENT_IF=gh${LAB_ID}c0
LAB_PIN_DIR=/sys/fs/bpf/gh-lab-$LAB_ID
# Only a directory lab_up made for this LAB_ID (mktemp's template below) is
# ever taken over from the environment, and so ever removed.
[[ ${LAB_DIR:-} == */gh-lab-$LAB_ID.* ]] || LAB_DIR=
LAB_NET4=10.77.$LAB_ID
LAB_NET6=fd77:$LAB_ID:
LAB_SERVER4=$LAB_NET4.1
LAB_SERVER6=$LAB_NET6:1
# Client addresses: index 1 is .2 / ::2 and so on.
LAB_CLIENTS=4
LAB_HTTP_PORT=80
# nginx also listens here (same site), for tests that change the sensor's ports.
LAB_HTTP_PORT2=8080

lab_client4() { echo "$LAB_NET4.$(($1 + 1))"; }
lab_client6() { echo "$LAB_NET6:$(($1 + 1))"; }
# lab_client_addr IDX FAMILY: lab_client4 or lab_client6 by FAMILY (4 or 6).
lab_client_addr() { if [[ $2 == 6 ]]; then lab_client6 "$1"; else lab_client4 "$1"; fi; }

lab_in_server() { nsenter --net="/run/netns/$LAB_SERVER_NS" "$@"; }
lab_in_client() { nsenter --net="/run/netns/$LAB_CLIENT_NS" "$@"; }

# lab_server_gatehawk ARGS...: a gatehawk command on this lab's pins, run in
# the server namespace (so "this host's addresses" are the server's).
lab_server_gatehawk() { lab_in_server "$GATEHAWK" "$@" --pin-dir "$LAB_PIN_DIR"; }

lab_up() {
	lab_down
	LAB_DIR=$(mktemp -d -t "gh-lab-$LAB_ID.XXXXXXXX") || return 1
	export LAB_DIR
	# Compiled policy databases cached per lab: every lab compiles afresh, as
	# a test of reload timing expects, and leaves no cache on the host.
	export XDG_CACHE_HOME=$LAB_DIR/cache
	# nginx's workers (not root) read the site under it.
	chmod 755 "$LAB_DIR"
	mkdir -p "$LAB_DIR/www"
	grep -q ' /sys/fs/bpf bpf ' /proc/mounts || mount -t bpf bpf /sys/fs/bpf
	ip netns add "$LAB_SERVER_NS"
	ip netns add "$LAB_CLIENT_NS"
	ip link add "$LAB_SERVER_IF" type veth peer name "$LAB_CLIENT_IF"
	ip link set "$LAB_SERVER_IF" netns "$LAB_SERVER_NS"
	ip link set "$LAB_CLIENT_IF" netns "$LAB_CLIENT_NS"
	ip -n "$LAB_SERVER_NS" addr add "$LAB_SERVER4/24" dev "$LAB_SERVER_IF"
	ip -n "$LAB_SERVER_NS" addr add "$LAB_SERVER6/64" dev "$LAB_SERVER_IF" nodad
	local i
	for ((i = 1; i <= LAB_CLIENTS; i++)); do
		ip -n "$LAB_CLIENT_NS" addr add "$(lab_client4 "$i")/24" dev "$LAB_CLIENT_IF"
		ip -n "$LAB_CLIENT_NS" addr add "$(lab_client6 "$i")/64" dev "$LAB_CLIENT_IF" nodad
	done
	local ns
	for ns in "$LAB_SERVER_NS" "$LAB_CLIENT_NS"; do
		ip -n "$ns" link set lo up
	done
	ip -n "$LAB_SERVER_NS" link set "$LAB_SERVER_IF" up
	ip -n "$LAB_CLIENT_NS" link set "$LAB_CLIENT_IF" up
}

# lab_use_private_binary: run this lab on a copy of the gatehawk binary (the
# BPF objects are embedded in it), so a rebuild by someone else mid-run
# cannot swap or half-write the binary under the tests. Call after lab_up;
# exports GATEHAWK, which later sourcing of this file keeps.
lab_use_private_binary() {
	# The build's binary, even when called again after a lab_down.
	export LAB_GATEHAWK_SRC=${LAB_GATEHAWK_SRC:-$GATEHAWK}
	mkdir -p "$LAB_DIR/bin"
	cp "$LAB_GATEHAWK_SRC" "$LAB_DIR/bin/gatehawk.tmp" &&
		mv "$LAB_DIR/bin/gatehawk.tmp" "$LAB_DIR/bin/gatehawk" &&
		export GATEHAWK=$LAB_DIR/bin/gatehawk
}

# The site: pages, assets, an XHR endpoint, a login that always fails, a
# redirect loop and a session cookie, so every shipped policy has something
# to see.
lab_write_site() {
	local www=$LAB_DIR/www i
	mkdir -p "$www/static" "$www/api" "$www/pages"
	for ((i = 1; i <= 60; i++)); do
		echo "<html><body>page $i <script src=/static/app.js></script></body></html>" \
			>"$www/pages/p$i.html"
	done
	echo '<html><body>home <script src=/static/app.js></script></body></html>' >"$www/index.html"
	echo 'fetch("/api/data", {headers: {"X-Requested-With": "XMLHttpRequest"}});' \
		>"$www/static/app.js"
	echo 'body{}' >"$www/static/site.css"
	echo '{"ok":true}' >"$www/api/data"
}

lab_nginx_start() {
	lab_write_site
	cat >"$LAB_DIR/nginx.conf" <<EOF
worker_processes 1;
pid $LAB_DIR/nginx.pid;
error_log $LAB_DIR/error.log;
events { worker_connections 1024; }
http {
  access_log $LAB_DIR/access.log combined;
  keepalive_requests 100000;
  default_type text/html;
  server {
    listen $LAB_SERVER4:$LAB_HTTP_PORT;
    listen [$LAB_SERVER6]:$LAB_HTTP_PORT;
    listen $LAB_SERVER4:$LAB_HTTP_PORT2;
    listen [$LAB_SERVER6]:$LAB_HTTP_PORT2;
    root $LAB_DIR/www;
    add_header Set-Cookie "sid=lab; Path=/";
    location = /login { return 401; }
    location = /redirect { return 302 /redirect; }
    location = /api/data { default_type application/json; }
  }
}
EOF
	# nginx daemonizes but keeps inherited descriptors: bats waits on fd 3.
	lab_in_server nginx -c "$LAB_DIR/nginx.conf" 3>&-
	lab_wait "nginx answers" 50 lab_in_client curl -s -o /dev/null "http://$LAB_SERVER4/" &&
		lab_wait "nginx answers on IPv6" 50 lab_in_client curl -s -o /dev/null "http://[$LAB_SERVER6]/"
}

# lab_nginx_running: the nginx lab_nginx_start started is still alive (a
# test's setup() starts it again when not).
lab_nginx_running() {
	local pid
	[[ -n $LAB_DIR ]] && pid=$(cat "$LAB_DIR/nginx.pid" 2>/dev/null) && lab_pid_alive "$pid"
}

# lab_wait WHAT TRIES CMD...: retry CMD every 0.1 s, at most TRIES times.
lab_wait() {
	local what=$1 tries=$2 i
	shift 2
	for ((i = 0; i < tries; i++)); do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	echo "timed out waiting for: $what" >&2
	return 1
}

# lab_daemon_start [run options...]: gatehawk run on the server's veth, in the
# server namespace (nsenter keeps the real bpffs), output in $LAB_DIR/daemon.out.
lab_daemon_start() {
	# A simple command, not the lab_in_server function: a function in the
	# background runs in a forked subshell and $! would be that subshell, not
	# the daemon. nsenter (no --fork) execs gatehawk, so $! is the daemon's
	# own pid; the file lets another shell (a later bats test, a trap) stop it.
	nsenter --net="/run/netns/$LAB_SERVER_NS" \
		"$GATEHAWK" run --iface "$LAB_SERVER_IF" --pin-dir "$LAB_PIN_DIR" "$@" \
		>"$LAB_DIR/daemon.out" 2>"$LAB_DIR/daemon.err" 3>&- &
	LAB_DAEMON_PID=$!
	echo "$LAB_DAEMON_PID" >"$LAB_DIR/daemon.pid"
	# Loading every shipped policy (CRS included) takes a few seconds on a slow machine.
	lab_wait "gatehawk run is up" 300 lab_daemon_ready
}

# Ready: alive, and its control socket answers with its own pid (so a stale
# daemon of an earlier run cannot be mistaken for it).
lab_daemon_ready() {
	lab_pid_alive "$LAB_DAEMON_PID" &&
		"$GATEHAWK" status --json --pin-dir "$LAB_PIN_DIR" |
		jq -e --argjson pid "$LAB_DAEMON_PID" '.daemon.pid == $pid' >/dev/null
}

# lab_daemon_stop [SIGNAL]: stop the daemon lab_daemon_start started (from
# this shell or, through $LAB_DIR/daemon.pid, another one) and wait, at most
# 5 s, for it to exit; SIGKILL after that. SIGNAL defaults to TERM.
lab_daemon_stop() {
	local sig=${1:-TERM} pid=${LAB_DAEMON_PID:-}
	[[ -n $pid || -z $LAB_DIR ]] || pid=$(cat "$LAB_DIR/daemon.pid" 2>/dev/null) || true
	LAB_DAEMON_PID=
	[[ -z $LAB_DIR ]] || rm -f "$LAB_DIR/daemon.pid"
	[[ -n $pid ]] || return 0
	lab_kill_wait "$sig" "$pid"
	return 0
}

# lab_kill_wait SIGNAL PID...: signal the processes and wait, at most 5 s,
# for them to be gone (reaping our own children); then SIGKILL.
lab_kill_wait() {
	local sig=$1 pid i alive
	shift
	for pid in "$@"; do kill "-$sig" "$pid" 2>/dev/null || true; done
	for ((i = 0; i < 50; i++)); do
		alive=0
		for pid in "$@"; do lab_pid_alive "$pid" && alive=1; done
		((alive)) || break
		sleep 0.1
	done
	for pid in "$@"; do kill -KILL "$pid" 2>/dev/null || true; done
	for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
	return 0
}

# lab_pid_alive PID: the process exists and is not a zombie (a child that
# exited but was not reaped yet still answers kill -0).
lab_pid_alive() {
	local st
	st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) || return 1
	[[ -n $st && ${st%% *} != Z ]]
}

# lab_daemon_running: the daemon lab_daemon_start started is still alive.
lab_daemon_running() {
	local pid=${LAB_DAEMON_PID:-}
	[[ -n $pid || -z $LAB_DIR ]] || pid=$(cat "$LAB_DIR/daemon.pid" 2>/dev/null) || true
	[[ -n $pid ]] || return 1
	lab_pid_alive "$pid"
}

# lab_gatehawk_pids: gatehawk processes working on this lab's pins (exactly
# this --pin-dir, so lab 1 never matches lab 11's daemon).
lab_gatehawk_pids() {
	pgrep -f -- "^[^ ]*gatehawk .*--pin-dir $LAB_PIN_DIR( |\$)" 2>/dev/null || true
}

# lab_gatehawk ARGS...: a gatehawk command on this lab's pins.
lab_gatehawk() { "$GATEHAWK" "$@" --pin-dir "$LAB_PIN_DIR"; }

# lab_curl CLIENT_INDEX ARGS...: curl from one client address; the -4/-6
# choice follows the URL.
lab_curl() {
	local idx=$1 src
	shift
	if [[ "$*" == *"[$LAB_SERVER6]"* ]]; then
		src=$(lab_client6 "$idx")
	else
		src=$(lab_client4 "$idx")
	fi
	lab_in_client curl -s --max-time 2 --interface "$src" "$@"
}

# lab_ping CLIENT_INDEX TARGET [PING_ARGS...]: ping TARGET (the server's IPv4
# or IPv6 address) from one client address; one packet, 1 s wait unless
# PING_ARGS say otherwise (later -c/-W win).
lab_ping() {
	local idx=$1 target=$2 src
	shift 2
	if [[ $target == *:* ]]; then
		src=$(lab_client6 "$idx")
	else
		src=$(lab_client4 "$idx")
	fi
	lab_in_client ping -n -q -c 1 -W 1 -I "$src" "$@" "$target"
}

# lab_gatehawk_reset: no gatehawk on this lab's pins any more: the daemon
# stopped (TERM, then KILL), any other gatehawk process on the pins too, the
# gate and sensor detached, the pins and the control socket removed. The
# namespaces, nginx and LAB_DIR stay: a test's setup() calls this to start
# from a host without gatehawk, whatever an earlier test left.
lab_gatehawk_reset() {
	local pids gh=$GATEHAWK
	lab_daemon_stop TERM
	pids=$(lab_gatehawk_pids)
	# shellcheck disable=SC2086 # one pid a word
	[[ -z $pids ]] || lab_kill_wait TERM $pids
	if [[ -d $LAB_PIN_DIR ]]; then
		# The private binary is gone with an earlier lab's LAB_DIR.
		[[ -x $gh ]] || gh=${LAB_GATEHAWK_SRC:-$LAB_ROOT/build/gatehawk}
		"$gh" detach --pin-dir "$LAB_PIN_DIR" >/dev/null 2>&1 || true
		rm -rf "$LAB_PIN_DIR" || true
	fi
	# The control socket a daemon killed with SIGKILL leaves behind
	# (/run/gatehawk/<pin dir, '/' as '_'>.sock); no daemon of ours is left.
	local sock=${LAB_PIN_DIR#/}
	rm -f "/run/gatehawk/${sock//\//_}.sock" || true
	return 0
}

# lab_netns_pids: every process in the lab's two namespaces (nginx, clients
# and whatever a run cut short left there, whose pid files may be gone).
lab_netns_pids() {
	ip netns pids "$LAB_SERVER_NS" 2>/dev/null || true
	ip netns pids "$LAB_CLIENT_NS" 2>/dev/null || true
}

# Safe under set -e (bats runs setup and teardown with it), twice, and from a
# trap: every step may find its object already gone.
lab_down() {
	local pids
	lab_gatehawk_reset
	if [[ -n $LAB_DIR && -f $LAB_DIR/nginx.pid ]]; then
		pids=$(cat "$LAB_DIR/nginx.pid" 2>/dev/null) || true
		# shellcheck disable=SC2086 # one pid a word
		[[ -z $pids ]] || lab_kill_wait TERM $pids
	fi
	pids=$(lab_netns_pids)
	# shellcheck disable=SC2086
	[[ -z $pids ]] || lab_kill_wait TERM $pids
	ip netns del "$LAB_SERVER_NS" 2>/dev/null || true
	ip netns del "$LAB_CLIENT_NS" 2>/dev/null || true
	# A veth that never made it into its namespace (lab_up cut short).
	ip link del "$LAB_SERVER_IF" 2>/dev/null || true
	ip link del "$LAB_CLIENT_IF" 2>/dev/null || true
	# Only the directory lab_up made (see the check where LAB_DIR is set).
	[[ $LAB_DIR != */gh-lab-$LAB_ID.* ]] || rm -rf "$LAB_DIR" || true
	LAB_DIR=
	return 0
}
