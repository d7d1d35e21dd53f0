/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Configuration files of "key = value" lines (/etc/gatehawk/gatehawk.conf):
 * what they say, with the line each entry came from. What the keys mean is
 * the caller's (cli/ maps them onto a command's options).
 *
 *   # a comment; blank lines are ignored
 *   iface = eth0,eth1
 *   alerts = /var/log/gatehawk/alerts.jsonl   # a comment after a space
 *   access-log = "/srv/logs/with # in the name.log"
 *
 * A key is [a-z0-9][a-z0-9-]* (an option's long name); a value runs to the
 * end of the line or to a '#' after white space, without the white space
 * around it; double quotes keep spaces and '#' (\" and \\ inside them). A
 * key may come more than once (repeatable options); every value is
 * non-empty. Lines of at most GH_CONFIG_LINE_MAX bytes, LF or CRLF.
 */
#ifndef GATEHAWK_BASE_CONFIG_H
#define GATEHAWK_BASE_CONFIG_H

#include <stddef.h>
#include <stdio.h>

#include "base/err.h"

#define GH_CONFIG_LINE_MAX 4096
#define GH_CONFIG_KEY_MAX 64
#define GH_CONFIG_MAX_ENTRIES 1024
/* Larger files are refused rather than read. */
#define GH_CONFIG_FILE_MAX (1U << 20)

struct gh_config_entry {
	char *key;
	char *value;
	unsigned int line;
};

struct gh_config {
	struct gh_config_entry *v;
	size_t n, cap;
};

/*
 * Parse f (named name in messages) into c (zeroed). The first bad line is
 * an input error "NAME:LINE: what was expected", with e's file and line
 * set, and c left empty.
 */
int gh_config_parse(FILE *f, const char *name, struct gh_config *c, struct gh_err *e);
/* The same from a file; -ENOENT (no input flag) when there is none. */
int gh_config_load(const char *path, struct gh_config *c, struct gh_err *e);
void gh_config_free(struct gh_config *c);

#endif /* GATEHAWK_BASE_CONFIG_H */
