// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* sd_notify(3) and capabilities for the daemon as a service (service.h). */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/capability.h>
#include <sys/capability.h>
#include <sys/syscall.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#include "daemon/service.h"
#include "kernel/src_counters.h"

static void notify(const char *state, const char *fmt, va_list ap)
{
	char status[512];

	vsnprintf(status, sizeof(status), fmt, ap);
	/* One line: systemd reads STATUS up to the newline. */
	status[strcspn(status, "\n")] = '\0';
	sd_notifyf(0, "%s%sSTATUS=%s", state, *state ? "\n" : "", status);
}

void svc_ready(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	notify("READY=1", fmt, ap);
	va_end(ap);
}

void svc_status(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	notify("", fmt, ap);
	va_end(ap);
}

void svc_reloading(void)
{
	sd_notify(0, "RELOADING=1\nSTATUS=reloading the policies");
}

void svc_stopping(void)
{
	sd_notify(0, "STOPPING=1\nSTATUS=stopping; the gate stays attached");
}

void svc_watchdog(void)
{
	static int enabled = -1;

	if (enabled < 0)
		enabled = sd_watchdog_enabled(0, NULL) > 0;
	if (enabled)
		sd_notify(0, "WATCHDOG=1");
}

struct bpf_probe {
	struct gate_maps *m;
	bool ok;
};

/* On a thread of its own: capabilities are per thread, so only this one loses them. */
static void *probe_without_caps(void *arg)
{
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct none[2] = { { 0 } };
	struct bpf_probe *p = arg;
	struct gate_stats sum;
	int fd;

	if (syscall(SYS_capset, &hdr, none) || gate_stats_read(p->m, &sum))
		return NULL;
	fd = sources_open(p->m->pin_dir);
	p->ok = fd >= 0;
	if (fd >= 0)
		close(fd);
	return NULL;
}

/* Whether the loop's bpf(2) calls (a lookup on an open map, opening a pin) need no capability. */
static bool bpf_works_without_caps(struct gate_maps *m)
{
	struct bpf_probe p = { m, false };
	pthread_t t;

	if (pthread_create(&t, NULL, probe_without_caps, &p))
		return false;
	pthread_join(t, NULL);
	return p.ok;
}

/*
 * Keep cap in want when have holds it; whether it did. inherit: also in the
 * inheritable set, for commands the daemon runs to get it as ambient.
 */
static bool keep_if_held(cap_t have, cap_t want, cap_value_t cap, bool inherit)
{
	cap_flag_value_t held = CAP_CLEAR;

	if (cap_get_flag(have, cap, CAP_PERMITTED, &held) || held != CAP_SET)
		return false;
	cap_set_flag(want, CAP_PERMITTED, 1, &cap, CAP_SET);
	cap_set_flag(want, CAP_EFFECTIVE, 1, &cap, CAP_SET);
	if (inherit)
		cap_set_flag(want, CAP_INHERITABLE, 1, &cap, CAP_SET);
	return true;
}

int svc_drop_caps(struct gate_maps *m, unsigned int keep, struct gh_err *e)
{
	cap_t have = cap_get_proc(), want = cap_init();
	bool bpf = false, dac = false, net = false;
	int err = 0;

	if (!have || !want) {
		err = -errno;
		goto out;
	}
	/* Kept only where held and needed: a daemon run without one stays without. */
	bpf = m && !bpf_works_without_caps(m) && keep_if_held(have, want, CAP_BPF, false);
	dac = (keep & SVC_KEEP_LOG_READ) &&
	      keep_if_held(have, want, CAP_DAC_READ_SEARCH, false);
	net = (keep & SVC_KEEP_NET_ADMIN) && keep_if_held(have, want, CAP_NET_ADMIN, true);
	if (cap_set_proc(want) || (CAP_AMBIENT_SUPPORTED() && cap_reset_ambient()))
		err = -errno;
	/* Under securebits noroot (the unit) a command gets only ambient capabilities. */
	else if (net && CAP_AMBIENT_SUPPORTED() && cap_set_ambient(CAP_NET_ADMIN, CAP_SET))
		err = -errno;
out:
	cap_free(have);
	cap_free(want);
	if (err)
		return gh_err_sys(e, err, "giving up capabilities after attaching");
	gh_err_note(e, "attached; capabilities kept: %s%s%s%s",
		    bpf ? "CAP_BPF (this kernel checks it on every bpf(2) call) " : "",
		    dac ? "CAP_DAC_READ_SEARCH (to reopen rotated access logs) " : "",
		    net ? "CAP_NET_ADMIN (inherited by --on-block/--on-unblock hooks) " : "",
		    bpf || dac || net ? "" : "none");
	return 0;
}
