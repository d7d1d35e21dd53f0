/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The enforcer tests' host: the gate's maps (gate_fixture.h) with the named
 * ones at the smallest size the loader allows, so a full map is quick to
 * reach, and a temporary file the enforcer writes its alerts to.
 */
#ifndef GATEHAWK_TEST_ENFORCER_FIXTURE_H
#define GATEHAWK_TEST_ENFORCER_FIXTURE_H

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <json-c/json.h>

#include "gatehawk/gate.h"
#include "gate_fixture.h"
#include "tap.h"

/* small: map names, NULL-terminated. */
static inline int enforcer_fixture_open(struct gate_fixture *gate, const char *const *small,
					FILE **alerts)
{
	int err = gate_fixture_prepare(gate);

	for (; !err && *small; small++) {
		struct bpf_map *m = bpf_object__find_map_by_name(gate->skel->obj, *small);

		err = m ? bpf_map__set_max_entries(m, GH_MIN_MAX_BLOCKS) : -ENOENT;
	}
	if (err || (err = gate_fixture_load(gate)))
		return err;
	*alerts = tmpfile();
	return *alerts ? 0 : -errno;
}

/* Where the maps cannot be created (no CAP_BPF): every check skipped. */
static inline int enforcer_fixture_skip(struct gate_fixture *gate, int err)
{
	tap_skip("the gate's maps cannot be created (CAP_BPF needed)");
	tap_diag("setup: %s", strerror(-err));
	gate_fixture_close(gate);
	return tap_done();
}

/* The last alert line written, parsed (caller puts it); the next goes after it. */
static inline struct json_object *enforcer_fixture_last_alert(FILE *alerts)
{
	char line[4096], last[4096] = "";

	fflush(alerts);
	rewind(alerts);
	while (fgets(line, sizeof(line), alerts))
		memcpy(last, line, sizeof(last));
	fseek(alerts, 0, SEEK_END);
	return json_tokener_parse(last);
}

#endif /* GATEHAWK_TEST_ENFORCER_FIXTURE_H */
