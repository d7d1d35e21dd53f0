/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Load the XDP gate with its maps pinned (reusing pins that exist, so entries
 * survive), attach it to interfaces through pinned BPF links that outlive the
 * process, and remove it all again.
 */
#ifndef GATEHAWK_GATE_LOADER_H
#define GATEHAWK_GATE_LOADER_H

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "kernel/gate_maps.h"
#include "kernel/pins.h"

enum xdp_mode {
	XDP_MODE_AUTO = 0, /* native when the driver has it, else skb */
	XDP_MODE_NATIVE,
	XDP_MODE_SKB,
};

#define GH_MAX_IFACES 16

struct gate_attach_opts {
	const char *pin_dir;
	const char *ifaces[GH_MAX_IFACES];
	int n_ifaces;
	enum xdp_mode mode;
	struct gh_map_sizes sizes; /* used only when the maps are created */
};

/*
 * Every function below returns 0 or a negative errno; on failure e (may be
 * NULL) says what went wrong, and it may carry notes on success too.
 */

/* Create and pin the maps (loading the program once) without attaching. */
int gate_pin_maps(const char *pin_dir, uint32_t max_blocks, struct gh_err *e);
/*
 * Open the pinned maps, creating and pinning them first when they are not
 * there yet. Failing to open is returned only (e is filled when creating fails).
 */
int gate_maps_open_or_create(const char *pin_dir, uint32_t max_blocks, struct gate_maps *m,
			     struct gh_err *e);
/*
 * Load the program over the pinned maps and attach it to each interface.
 * An interface that already has a pinned gatehawk link gets the new program
 * swapped in atomically, so there is no moment without the gate; a defunct
 * link (its interface was deleted) is replaced by a new one (a note in e).
 */
int gate_attach(const struct gate_attach_opts *o, struct gh_err *e);
/* A pinned XDP link (link_xdp_IF) and whether it still gates IF. */
struct gate_link {
	char ifname[IF_NAMESIZE];
	uint32_t ifindex;      /* the link's interface; 0: the kernel detached it */
	uint32_t name_ifindex; /* what ifname names in this netns; 0: nothing */
	/*
	 * IF was deleted (and maybe re-created): the kernel detached the link,
	 * which gates nothing and cannot be updated. gate_attach() on IF
	 * replaces it, keeping the maps.
	 */
	bool defunct;
};

/* The pinned XDP links under pin_dir (at most max, in directory order). */
int gate_links_list(const char *pin_dir, struct gate_link *out, int max, int *n);
/* Unpin every link and map; XDP goes away once no process holds the link. */
int gate_detach(const char *pin_dir, struct gh_err *e);
/* Split "eth0,eth1" into o->ifaces (pointing into the writable string s). */
int gate_parse_ifaces(char *s, struct gate_attach_opts *o, struct gh_err *e);
int gate_parse_xdp_mode(const char *s, enum xdp_mode *mode, struct gh_err *e);

#endif /* GATEHAWK_GATE_LOADER_H */
