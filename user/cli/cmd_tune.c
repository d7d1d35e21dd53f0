// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* tune: the sensor's run-time settings, changed in the pinned map, no reload. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "gatehawk/gate.h"
#include "kernel/sensor_loader.h"

struct json_object *tune_to_json(const struct sensor_tunables *t)
{
	struct json_object *o = json_object_new_object(), *ports = json_object_new_array();

	for (uint32_t i = 0; i < t->n_ports; i++)
		json_object_array_add(ports, json_object_new_int(t->ports[i]));
	json_object_object_add(o, "ports", ports);
	json_object_object_add(o, "sample_rate", json_object_new_uint64(t->sample_rate));
	return o;
}

static void print_tunables(const struct sensor_tunables *t, bool json)
{
	if (json) {
		cli_print_json(tune_to_json(t));
		return;
	}
	printf("ports      ");
	for (uint32_t i = 0; i < t->n_ports; i++)
		printf("%s%u", i ? "," : "", t->ports[i]);
	printf("\nsample-rate %u\n", t->sample_rate);
}

int cmd_tune(int argc, char **argv)
{
	const char *pin_dir = GH_PIN_DIR_DEFAULT, *ports = NULL, *rate = NULL;
	uint32_t sample_rate = 0;
	bool json = false;
	const struct cli_opt opts[] = {
		{ "ports", "P[,P...]", cli_set_string, &ports, "HTTP ports the sensor reads" },
		/* Kept as text until parsed: every u32 is a valid rate, so there is
		 * no "not given" sentinel to compare against. */
		{ "sample-rate", "N", cli_set_string, &rate,
		  "send 1 in N request heads to the daemon (0 = none); counts stay exact" },
		CLI_JSON_OPT(json, "print the settings as JSON"),
		CLI_PIN_DIR_OPT(pin_dir),
		{ 0 },
	};
	const struct cli_usage usage = {
		"gatehawk tune", "[--ports P[,P...]] [--sample-rate N] [--json] [--pin-dir DIR]",
		"Show or change the HTTP sensor's settings while it runs: the kernel reads\n"
		"them from the pinned sensor_config map on every packet, so there is no reload.\n"
		"Above 1 in 1, a running daemon pauses the policies a sample misleads (they\n"
		"read what a source did not do; its log names them) and runs them again at 1.",
		"  gatehawk tune --sample-rate 10\n  gatehawk tune --ports 80,8080,8000\n"
	};
	struct sensor_tunables t, want = { 0 };
	struct gh_err e = { 0 };
	char *pos[1];
	int err;

	err = cli_parse(argc, argv, &usage, opts, pos, 0);
	if (err < 0)
		return err;
	/* Check the input before touching the map: bad input is exit 2 whether
	 * or not a sensor runs. */
	if (ports && (err = cli_report(&e, sensor_parse_ports(ports, &want, &e))))
		return err;
	if (rate && (err = cli_set_u32("sample-rate", rate, &sample_rate)))
		return err;
	err = sensor_get_tunables(pin_dir, &t);
	if (err == -ENOENT)
		return cli_runtime_error(err, "no HTTP sensor under %s (start 'gatehawk run')",
					 pin_dir);
	if (err)
		return cli_runtime_error(err, "reading %s/sensor_config", pin_dir);
	if (ports) {
		t.n_ports = want.n_ports;
		memcpy(t.ports, want.ports, sizeof(t.ports));
	}
	if (rate)
		t.sample_rate = sample_rate;
	if (ports || rate) {
		err = sensor_set_tunables(pin_dir, &t);
		if (err)
			return cli_runtime_error(err, "writing %s/sensor_config", pin_dir);
	}
	print_tunables(&t, json);
	return 0;
}
