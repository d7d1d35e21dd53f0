// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "base/labels.h"

#define LABELS_MAX_LINE 512

enum label labels_of(const struct labels *l, const struct gh_addr *a)
{
	return addr_set_has(&l->attack, a) ? LABEL_ATTACK
	       : addr_set_has(&l->benign, a) ? LABEL_BENIGN
					     : LABEL_NONE;
}

/* One line; 0 for a comment or blank line too. */
static int parse_line(struct labels *l, char *line, struct gh_err *err)
{
	char *hash = strchr(line, '#'), *save = NULL, *addr, *label, *extra;
	struct gh_addr a;
	enum label want, have;

	if (hash)
		*hash = '\0';
	addr = strtok_r(line, " \t\r\n", &save);
	if (!addr)
		return 0;
	label = strtok_r(NULL, " \t\r\n", &save);
	extra = strtok_r(NULL, " \t\r\n", &save);
	if (gh_addr_parse(addr, &a))
		return gh_err_input(err, "expected an IPv4 or IPv6 address, got \"%.64s\"", addr);
	if (!label || extra || (strcmp(label, "benign") && strcmp(label, "attack")))
		return gh_err_input(err, "expected \"ADDRESS benign\" or \"ADDRESS attack\" "
				    "(then an optional # comment)");
	want = strcmp(label, "attack") ? LABEL_BENIGN : LABEL_ATTACK;
	have = labels_of(l, &a);
	if (have && have != want)
		return gh_err_input(err, "%s is labelled both benign and attack", addr);
	if (have)
		return 0;
	return addr_set_add(want == LABEL_ATTACK ? &l->attack : &l->benign, &a) < 0 ? -ENOMEM : 0;
}

int labels_load(const char *path, struct labels *out, struct gh_err *err)
{
	FILE *f = fopen(path, "re");
	char line[LABELS_MAX_LINE];
	unsigned int n = 0;
	int rc = 0;

	*out = (struct labels){ 0 };
	if (!f)
		return gh_err_sys(err, -errno, "opening labels %s", path);
	while (!rc && fgets(line, sizeof(line), f)) {
		n++;
		if (!strchr(line, '\n') && !feof(f))
			rc = gh_err_input(err, "expected a line of at most %d bytes",
					  LABELS_MAX_LINE - 2);
		else
			rc = parse_line(out, line, err);
		if (rc == -EINVAL) {
			/* The text form of an error is its message: say where in it. */
			char msg[GH_ERR_MSG_MAX - 64];

			snprintf(msg, sizeof(msg), "%.*s", (int)sizeof(msg) - 1, err->msg);
			snprintf(err->msg, sizeof(err->msg), "%.48s:%u: %s", path, n, msg);
			gh_err_at(err, path, n);
		}
		else if (rc)
			rc = gh_err_sys(err, rc, "reading labels %s", path);
	}
	if (!rc && ferror(f))
		rc = gh_err_sys(err, -EIO, "reading labels %s", path);
	fclose(f);
	if (!rc && !out->attack.count && !out->benign.count)
		rc = gh_err_input(err, "%s: expected at least one labelled address, got none",
				  path);
	if (rc)
		labels_free(out);
	return rc;
}

void labels_free(struct labels *l)
{
	addr_set_free(&l->benign);
	addr_set_free(&l->attack);
}

/* Every address of from into to, masked; -ENOMEM. */
static int add_masked(const struct addr_set *from, struct addr_set *to, uint8_t v4, uint8_t v6)
{
	for (size_t i = 0; i < from->cap; i++) {
		struct gh_addr a = from->slots[i];

		if (!a.family)
			continue;
		gh_addr_mask(&a, a.family == AF_INET ? v4 : v6);
		if (addr_set_add(to, &a) < 0)
			return -ENOMEM;
	}
	return 0;
}

int labels_mask(const struct labels *in, uint8_t v4, uint8_t v6, struct labels *out)
{
	struct addr_set benign = { 0 };
	int err;

	*out = (struct labels){ 0 };
	err = add_masked(&in->attack, &out->attack, v4, v6);
	if (!err)
		err = add_masked(&in->benign, &benign, v4, v6);
	/* A prefix with any attacking address in it is an attacking prefix. */
	for (size_t i = 0; !err && i < benign.cap; i++)
		if (benign.slots[i].family && !addr_set_has(&out->attack, &benign.slots[i]) &&
		    addr_set_add(&out->benign, &benign.slots[i]) < 0)
			err = -ENOMEM;
	addr_set_free(&benign);
	if (err)
		labels_free(out);
	return err;
}
