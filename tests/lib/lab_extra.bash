# Additions to lab.bash (source it after lab.bash) used by the demo and
# tests/e2e/policy.bats:
#
#   lab_nginx_start_isolated   nginx in a cgroup of its own; start the daemon
#                              with --cgroup "$(lab_cgroup_dir)"
#   lab_add_clients FIRST LAST more client addresses (index as lab_client4/6)
#   lab_down_isolated          lab_down, then remove the cgroup
#   lab_browse IDX DIR MIN MAX a browser-like client (see there)
#
# Why a cgroup: the sensor's cgroup_skb/sock_ops programs default to the
# cgroup2 root, where they see every socket on the host, including the
# traffic of every other lab running at the same time. A daemon whose sensor
# sits on nginx's own cgroup sees this lab's requests only, so its alerts,
# blocks and kernel counters are this lab's alone.

lab_cgroup_dir() {
	local root
	root=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/mounts)
	[[ -n $root ]] || { echo "no cgroup2 mount in /proc/mounts" >&2; return 1; }
	echo "$root/gh-lab-$LAB_ID"
}

# nginx (master and workers) inherits the cgroup of the subshell that starts
# it; its listening sockets, and the connections they accept, belong to it.
lab_nginx_start_isolated() {
	local cg
	cg=$(lab_cgroup_dir) || return 1
	mkdir -p "$cg"
	(echo "$BASHPID" >"$cg/cgroup.procs" && lab_nginx_start)
}

# lab_add_clients FIRST LAST: client addresses FIRST..LAST beyond the
# LAB_CLIENTS that lab_up made, so lab_curl IDX works for them too.
lab_add_clients() {
	local i
	for ((i = $1; i <= $2; i++)); do
		ip -n "$LAB_CLIENT_NS" addr add "$(lab_client4 "$i")/24" dev "$LAB_CLIENT_IF"
		ip -n "$LAB_CLIENT_NS" addr add "$(lab_client6 "$i")/64" dev "$LAB_CLIENT_IF" nodad
	done
}

# A cgroup can only be removed once empty: give nginx (stopped by lab_down)
# a moment to exit, then stop whatever of ours is still in it.
lab_cgroup_remove() {
	local cg i pid
	cg=$(lab_cgroup_dir) || return 0
	[[ -d $cg ]] || return 0
	for ((i = 0; i < 30; i++)); do
		[[ -s $cg/cgroup.procs ]] || break
		sleep 0.1
	done
	while read -r pid; do
		kill -KILL "$pid" 2>/dev/null
	done <"$cg/cgroup.procs"
	for ((i = 0; i < 30; i++)); do
		rmdir "$cg" 2>/dev/null && return 0
		sleep 0.1
	done
	echo "could not remove $cg" >&2
	return 0
}

lab_down_isolated() {
	lab_down
	lab_cgroup_remove
}

# --- a browser-like client -------------------------------------------------

LAB_BROWSER_UA='Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'

# lab_browser_transfer IDX DIR URL [curl options]: one request of a page view,
# appended to LAB_BROWSER_ARGS. Options are per transfer after --next, so each
# repeats the source address, the cookie jar and the output format.
lab_browser_transfer() {
	local idx=$1 dir=$2 url=$3
	shift 3
	((${#LAB_BROWSER_ARGS[@]} == 0)) || LAB_BROWSER_ARGS+=(--next)
	LAB_BROWSER_ARGS+=(-s --interface "$(lab_client4 "$idx")" --max-time 5
		-b "$dir/browser.jar" -c "$dir/browser.jar" -A "$LAB_BROWSER_UA" -o /dev/null
		-w '%{http_code} %{exitcode} %{url_effective}\n' "$@" "$url")
}

# lab_browser_page_view IDX DIR PAGE: one page view the way a browser makes
# it: the page, its script and style sheet and the XHR call the script makes,
# over one keep-alive connection, the session cookie sent back from the jar.
# One line per request in DIR/browser.log: "http_code curl_exit url".
lab_browser_page_view() {
	local idx=$1 dir=$2 page=$3 base="http://$LAB_SERVER4" asset
	LAB_BROWSER_ARGS=()
	lab_browser_transfer "$idx" "$dir" "$base$page" -H 'Accept: text/html,application/xhtml+xml'
	for asset in /static/app.js /static/site.css; do
		lab_browser_transfer "$idx" "$dir" "$base$asset" -e "$base$page" -H 'Accept: */*'
	done
	lab_browser_transfer "$idx" "$dir" "$base/api/data" -e "$base$page" \
		-H 'Accept: application/json' -H 'X-Requested-With: XMLHttpRequest'
	lab_in_client curl "${LAB_BROWSER_ARGS[@]}" >>"$dir/browser.log" 2>/dev/null || true
}

# lab_browse IDX DIR MIN_S MAX_S: page views (the home page or one of the
# lab's pages), each followed by half a second to two seconds of reading,
# until DIR/stop exists and MIN_S seconds have passed, at most MAX_S seconds.
# Prints the number of page views.
lab_browse() {
	local idx=$1 dir=$2 min_s=$3 max_s=$4 started views=0 tenths
	started=$(date +%s)
	while [[ ! -e $dir/stop ]] || (($(date +%s) - started < min_s)); do
		(($(date +%s) - started < max_s)) || break
		if ((RANDOM % 4 == 0)); then
			lab_browser_page_view "$idx" "$dir" /
		else
			lab_browser_page_view "$idx" "$dir" "/pages/p$((RANDOM % 60 + 1)).html"
		fi
		views=$((views + 1))
		tenths=$((5 + RANDOM % 16))
		sleep "$((tenths / 10)).$((tenths % 10))"
	done
	echo "$views"
}

# lab_browser_failures DIR: the browser's requests that failed: curl did not
# finish (exit code not 0) or the status is not 2xx/3xx.
lab_browser_failures() {
	awk '$2 != 0 || $1 !~ /^[23]/' "$1/browser.log"
}
