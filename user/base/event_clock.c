// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include "base/event_clock.h"

void gh_event_clock_init(struct gh_event_clock *c, uint64_t real_ns, uint64_t boot_ns)
{
	c->offset_ns = (int64_t)(real_ns - boot_ns);
	c->synced_boot_ns = boot_ns;
}

void gh_event_clock_sync(struct gh_event_clock *c, uint64_t real_ns, uint64_t boot_ns)
{
	int64_t want = (int64_t)(real_ns - boot_ns) - c->offset_ns;
	int64_t most;

	if (boot_ns <= c->synced_boot_ns)
		return; /* no time passed: no room to slew without going back */
	most = (int64_t)((boot_ns - c->synced_boot_ns) / GH_EVENT_CLOCK_SLEW);
	c->offset_ns += want > most ? most : want < -most ? -most : want;
	c->synced_boot_ns = boot_ns;
}
