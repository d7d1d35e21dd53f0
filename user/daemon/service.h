/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The daemon as a systemd service (contrib/systemd/gatehawk.service):
 * Type=notify readiness, status and watchdog through sd_notify(3), and the
 * capabilities given up once the gate is attached.
 *
 * Every notification is a no-op outside systemd (no NOTIFY_SOCKET), so the
 * daemon makes the same calls in a shell.
 *
 * Capabilities. Attaching needs CAP_BPF (load programs, create maps),
 * CAP_PERFMON (the verifier allows the gate's pointer arithmetic on packet
 * data only with it: "prohibited for !root") and CAP_NET_ADMIN (XDP on an interface, the
 * sensor's cgroup programs); without any one of them the gate does not
 * load (tests/e2e/service.bats shows each). Kernels before 5.11 also
 * charge BPF memory to RLIMIT_MEMLOCK: the unit raises it (LimitMEMLOCK),
 * so CAP_SYS_RESOURCE is not needed either. Once attached, with every map
 * the loop uses open, the daemon gives them all up (svc_drop_caps): since
 * 6.5 the kernel checks capabilities when a map or program is made, not
 * when an open one is used or a pin opened. Older kernels with unprivileged
 * BPF off (the default) refuse every bpf(2) call without CAP_BPF: the
 * daemon tries one in a child without capabilities first and keeps CAP_BPF
 * when it fails. With --access-log it also keeps CAP_DAC_READ_SEARCH when
 * it holds it, to reopen a rotated log the web server's user owns (the
 * unit gives none: it reads the logs through the adm group instead). A
 * SIGHUP reload compiles policies only: it needs none. Commands the daemon
 * runs inherit what it kept: one that changes nftables needs
 * SVC_KEEP_NET_ADMIN, which is also raised as ambient so that the command
 * gets it under securebits noroot (the unit's root grants nothing).
 *
 * Capabilities belong to each thread, and a new thread copies its
 * creator's: drop them before any thread starts (the metrics server, the
 * webhook's worker, the fleet's and libnats' threads, a reload's worker),
 * or those threads keep everything. None of them needs any.
 */
#ifndef GATEHAWK_SERVICE_H
#define GATEHAWK_SERVICE_H

#include "base/err.h"
#include "kernel/gate_maps.h"

/* READY=1 with a STATUS line: the gate is attached, the policies loaded. */
void svc_ready(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A STATUS line (systemctl status shows the last one). */
void svc_status(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* RELOADING=1: a SIGHUP's policy load began; svc_ready() when it ends. */
void svc_reloading(void);
void svc_stopping(void);
/* WATCHDOG=1, when the unit has WatchdogSec (each tick). */
void svc_watchdog(void);

/* What else the running daemon needs, kept when held (svc_drop_caps). */
enum svc_keep {
	SVC_KEEP_LOG_READ = 1 << 0,  /* CAP_DAC_READ_SEARCH: reopen rotated access logs */
	SVC_KEEP_NET_ADMIN = 1 << 1, /* CAP_NET_ADMIN: commands it runs change the firewall */
};

/*
 * Give up every capability but what the loop needs on this kernel (above,
 * tried on the open maps m; NULL: no maps, run --no-kernel) and the
 * SVC_KEEP_* bits in keep. Call once everything that needs privileges is
 * set up, before any thread is started. A note in e says what was kept.
 */
int svc_drop_caps(struct gate_maps *m, unsigned int keep, struct gh_err *e);

#endif /* GATEHAWK_SERVICE_H */
