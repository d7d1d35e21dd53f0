# Assertions shared by the bats files.

# expect_status N: the last `run` exited N; show its output otherwise.
expect_status() {
	if [[ $status -ne $1 ]]; then
		echo "exit status $status, expected $1; output: $output" >&2
		return 1
	fi
}
