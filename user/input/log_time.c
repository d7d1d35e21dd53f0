// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Log timestamps to event time (ns since the epoch): CLF "[10/Oct/2000:13:55:36
 * -0700]", ISO 8601 and epoch seconds. The civil date is converted
 * arithmetically (no timegm, no locale), so a replay costs no libc time calls.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "base/number.h"
#include "input/log_fields.h"

/* ts_ns is u64 ns, good to 2554; a log claiming an earlier year than 1970 is junk. */
#define YEAR_MIN 1970
#define YEAR_MAX 2500

/* Exactly n decimal digits at p. */
static bool digits(const char *p, int n, unsigned *out)
{
	unsigned v = 0;

	for (int i = 0; i < n; i++) {
		unsigned d = (unsigned char)p[i] - '0';

		if (d > 9)
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

/* Fraction digits after a '.' as ns (digits past the ninth are read, not kept). */
static bool parse_fraction(const char *p, size_t n, uint64_t *ns)
{
	uint64_t v = 0, scale = NS;

	if (!n)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned d = (unsigned char)p[i] - '0';

		if (d > 9)
			return false;
		if (scale > 1) {
			scale /= 10;
			v += d * scale;
		}
	}
	*ns = v;
	return true;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = y / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

struct civil {
	unsigned year, mon, day, hour, min, sec;
	int tz_s;        /* offset east of UTC */
	uint64_t frac_ns;
};

static bool leap(unsigned y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* A real date and time (second 60: a leap second, as the log wrote it) to ns UTC. */
static int civil_to_ns(const struct civil *c, uint64_t *ts_ns)
{
	static const uint8_t mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int64_t secs;

	if (c->year < YEAR_MIN || c->year > YEAR_MAX || c->mon < 1 || c->mon > 12 || !c->day ||
	    c->day > mdays[c->mon - 1] || (c->mon == 2 && c->day == 29 && !leap(c->year)) ||
	    c->hour > 23 || c->min > 59 || c->sec > 60)
		return -EINVAL;
	secs = days_from_civil(c->year, c->mon, c->day) * 86400 + c->hour * 3600 + c->min * 60 +
	       c->sec - c->tz_s;
	if (secs < 0)
		return -EINVAL;
	*ts_ns = (uint64_t)secs * NS + c->frac_ns;
	return 0;
}

/* "+hhmm" or, with colon, "+hh:mm"; real offsets are within a day. */
static bool parse_tz(const char *p, bool colon, int *tz_s)
{
	unsigned h, m;

	if ((p[0] != '+' && p[0] != '-') || !digits(p + 1, 2, &h) ||
	    !digits(p + 3 + colon, 2, &m) || (colon && p[3] != ':') || h > 23 || m > 59)
		return false;
	*tz_s = (p[0] == '-' ? -1 : 1) * (int)(h * 3600 + m * 60);
	return true;
}

static int month_of(const char *p)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

	for (int i = 0; i < 12; i++)
		if (!memcmp(p, months + 3 * i, 3))
			return i + 1;
	return 0;
}

/* $time_local, Apache %t: "10/Oct/2000:13:55:36 -0700", exactly. */
/*
 * The last CLF time converted, per thread: a busy log repeats one second over
 * hundreds of lines, and comparing 26 bytes is cheaper than converting them.
 */
static _Thread_local struct {
	char text[CLF_TIME_LEN];
	uint64_t ts_ns;
	bool set;
} clf_last;

static int clf_convert(const char *p, size_t n, uint64_t *ts_ns)
{
	struct civil c = { 0 };

	if (n != CLF_TIME_LEN || p[2] != '/' || p[6] != '/' || p[11] != ':' || p[14] != ':' ||
	    p[17] != ':' || p[20] != ' ' || !digits(p, 2, &c.day) ||
	    !(c.mon = (unsigned)month_of(p + 3)) || !digits(p + 7, 4, &c.year) ||
	    !digits(p + 12, 2, &c.hour) || !digits(p + 15, 2, &c.min) ||
	    !digits(p + 18, 2, &c.sec) || !parse_tz(p + 21, false, &c.tz_s))
		return -EINVAL;
	return civil_to_ns(&c, ts_ns);
}

int log_time_clf(const char *p, size_t n, uint64_t *ts_ns)
{
	int err;

	if (n == CLF_TIME_LEN && clf_last.set && !memcmp(p, clf_last.text, CLF_TIME_LEN)) {
		*ts_ns = clf_last.ts_ns;
		return 0;
	}
	err = clf_convert(p, n, ts_ns);
	/* Only a good time is remembered: a bad one is refused each time it comes. */
	if (!err) {
		memcpy(clf_last.text, p, CLF_TIME_LEN);
		clf_last.ts_ns = *ts_ns;
		clf_last.set = true;
	}
	return err;
}

/* $time_iso8601 "2000-10-10T13:55:36-07:00", also with a fraction, 'Z' or "-0700". */
int log_time_iso(const char *p, size_t n, uint64_t *ts_ns)
{
	struct civil c = { 0 };
	const char *end = p + n, *q;

	if (n < 20 || p[4] != '-' || p[7] != '-' || (p[10] != 'T' && p[10] != ' ') ||
	    p[13] != ':' || p[16] != ':' || !digits(p, 4, &c.year) || !digits(p + 5, 2, &c.mon) ||
	    !digits(p + 8, 2, &c.day) || !digits(p + 11, 2, &c.hour) ||
	    !digits(p + 14, 2, &c.min) || !digits(p + 17, 2, &c.sec))
		return -EINVAL;
	p += 19;
	if (*p == '.') {
		for (q = ++p; q < end && *q >= '0' && *q <= '9'; q++)
			;
		if (!parse_fraction(p, (size_t)(q - p), &c.frac_ns))
			return -EINVAL;
		p = q;
	}
	if (end - p == 1 && *p == 'Z')
		c.tz_s = 0;
	else if (!((end - p == 6 && parse_tz(p, true, &c.tz_s)) ||
		   (end - p == 5 && parse_tz(p, false, &c.tz_s))))
		return -EINVAL;
	return civil_to_ns(&c, ts_ns);
}

/* $msec "1700000000.123": seconds since the epoch, fraction optional. */
int log_time_epoch(const char *p, size_t n, uint64_t *ts_ns)
{
	const char *dot = memchr(p, '.', n);
	uint64_t secs, frac = 0;
	/* The last second YEAR_MAX allows. */
	const uint64_t max = (uint64_t)days_from_civil(YEAR_MAX + 1, 1, 1) * 86400 - 1;

	if (gh_parse_u64n(p, dot ? (size_t)(dot - p) : n, max, &secs) ||
	    (dot && !parse_fraction(dot + 1, n - (size_t)(dot - p) - 1, &frac)))
		return -EINVAL;
	*ts_ns = secs * NS + frac;
	return 0;
}
