/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Fixed-width kernel types for headers shared by BPF and user space. BPF
 * objects include vmlinux.h first, which already defines them.
 */
#ifndef GATEHAWK_TYPES_H
#define GATEHAWK_TYPES_H

#ifndef __bpf__
#include <linux/types.h>
#endif

#endif /* GATEHAWK_TYPES_H */
