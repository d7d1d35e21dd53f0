// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Clustering and outliers on synthetic matrices: standardising (log1p
 * columns, constant columns), k chosen by silhouette on well separated
 * blobs, a far point listed alone with the moved column named first, a tiny
 * far cluster listed as one, the same answer on every run, k chosen on a fit
 * sample then fitted to all rows, and the degenerate inputs (too few rows,
 * all alike, few distinct rows, non-finite values, bad options) never
 * producing NaN. Then the source table that feeds it: grouping by address
 * or prefix, the source bound, rows sorted by address.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "engine/cluster.h"
#include "engine/source_table.h"

#define D 4

static uint64_t rng = 42;

static double unit(void)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (double)((rng >> 11) + 1) * 0x1.0p-53; /* (0, 1] */
}

/* Box-Muller: a standard normal draw. */
static double normal(void)
{
	return sqrt(-2 * log(unit())) * cos(2 * M_PI * unit());
}

/* n rows of a blob around centre (D columns), sd apart from it. */
static void blob(double *x, size_t n, const double *centre, double sd)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < D; j++)
			x[i * D + j] = centre[j] + sd * normal();
}

/* Every double the result holds is finite. */
static bool result_finite(const struct cluster_result *r)
{
	if (!isfinite(r->silhouette))
		return false;
	for (unsigned int k = 2; k <= r->k_tried; k++)
		if (!isfinite(r->silhouette_k[k]))
			return false;
	for (size_t j = 0; r->typical_lo && j < r->d; j++)
		if (!isfinite(r->typical_lo[j]) || !isfinite(r->typical_hi[j]))
			return false;
	for (size_t i = 0; i < r->k * r->d; i++)
		if (!isfinite(r->centroid[i]))
			return false;
	for (unsigned int c = 0; c < r->k; c++)
		if (!isfinite(r->clusters[c].median) || !isfinite(r->clusters[c].spread) ||
		    !isfinite(r->clusters[c].distance))
			return false;
	for (size_t i = 0; i < r->n_outliers; i++)
		if (!isfinite(r->outliers[i].distance) || !isfinite(r->outliers[i].score))
			return false;
	return true;
}

static int run(const double *x, size_t n, const struct cluster_opts *o, struct cluster_result *r)
{
	struct gh_err e = { 0 };
	int err = cluster_run(x, n, D, NULL, o, r, &e);

	if (err)
		tap_diag("cluster_run: %s", e.msg);
	return err;
}

static void test_standardise(void)
{
	/* columns: plain, log1p, constant, log1p with a negative value */
	const double x[] = { 1, 0, 7, -5, 2, M_E - 1, 7, 0, 3, exp(2) - 1, 7, 0, 4, exp(3) - 1, 7, 0 };
	const bool lg[] = { false, true, false, true };
	double z[16], sd = sqrt(1.25);
	bool finite = true;

	cluster_standardise(x, 4, 4, lg, z);
	ok(fabs(z[0] + 1.5 / sd) < 1e-12 && fabs(z[12] - 1.5 / sd) < 1e-12,
	   "plain column: (v - mean) / sd, population sd");
	ok(fabs(z[1] + 1.5 / sd) < 1e-12 && fabs(z[5] + 0.5 / sd) < 1e-12 &&
		   fabs(z[13] - 1.5 / sd) < 1e-12,
	   "log1p column: e^k - 1 standardised as k");
	ok(z[2] == 0 && z[6] == 0 && z[10] == 0 && z[14] == 0, "constant column: all 0");
	for (int i = 0; i < 16; i++)
		finite &= isfinite(z[i]) != 0;
	ok(finite && z[3] == 0 && z[7] == 0, "log1p of a negative value is log1p(0): finite");
}

static const double centres[3][D] = { { 0, 0, 0, 0 }, { 8, 0, 8, 0 }, { 0, 8, 0, 8 } };

static void test_three_blobs(void)
{
	size_t n = 600;
	double *x = malloc(n * D * sizeof(*x));
	struct cluster_opts o;
	struct cluster_result r;
	bool pure = true;

	for (int b = 0; b < 3; b++)
		blob(x + b * 200 * D, 200, centres[b], 0.5);
	cluster_opts_default(&o);
	ok_eq(run(x, n, &o, &r), 0, "three blobs: clustered");
	ok_eq(r.k, 3, "three blobs: k = 3 chosen");
	ok(r.silhouette > 0.7 && r.silhouette >= r.silhouette_k[2] &&
		   r.silhouette >= r.silhouette_k[4],
	   "three blobs: silhouette %.3f the best of k=2 %.3f, k=4 %.3f", r.silhouette,
	   r.silhouette_k[2], r.silhouette_k[4]);
	ok_eq(r.k_tried, 8, "three blobs: k = 2..8 tried");
	for (int b = 0; b < 3; b++)
		for (size_t i = 1; i < 200; i++)
			pure &= r.label[b * 200 + i] == r.label[b * 200];
	ok(pure && r.label[0] != r.label[200] && r.label[200] != r.label[400],
	   "three blobs: each blob one cluster");
	ok_eq(r.n_outliers, 0, "three blobs: no outlier");
	ok(result_finite(&r), "three blobs: no NaN");
	cluster_result_free(&r);
	free(x);
}

static void test_far_point(void)
{
	size_t n = 601;
	double *x = malloc(n * D * sizeof(*x));
	struct cluster_opts o;
	struct cluster_result r;

	for (int b = 0; b < 3; b++)
		blob(x + b * 200 * D, 200, centres[b], 0.5);
	/* a row of the first blob, moved far along column 2 only (away from the others) */
	memcpy(x + 600 * D, x, D * sizeof(*x));
	x[600 * D + 2] -= 30;
	cluster_opts_default(&o);
	ok_eq(run(x, n, &o, &r), 0, "far point: clustered");
	ok(r.n_outliers >= 1 && r.outliers[0].row == 600, "far point: listed first (%zu outliers)",
	   r.n_outliers);
	if (r.n_outliers) {
		const struct cluster_outlier *out = &r.outliers[0];

		ok(!out->grouped && out->score > o.lone_z, "far point: a lone point, score %.1f",
		   out->score);
		ok_eq(out->n_apart, 3, "far point: three columns named");
		ok_eq(out->apart[0], 2, "far point: the moved column first");
		ok(out->nearest == r.label[0] && r.clusters[out->nearest].big,
		   "far point: measured against its own blob's cluster");
	}
	ok_eq(r.n_outliers, 1, "far point: nothing else listed");
	ok(result_finite(&r), "far point: no NaN");
	cluster_result_free(&r);
	free(x);
}

static void test_small_far_cluster(void)
{
	static const double tiny[D] = { 20, 20, -20, 20 };
	size_t n = 503;
	double *x = malloc(n * D * sizeof(*x));
	struct cluster_opts o;
	struct cluster_result r;
	bool rows_ok = true, tails_ok = true;
	uint32_t c;

	blob(x, 250, centres[0], 1);
	blob(x + 250 * D, 250, centres[1], 1);
	blob(x + 500 * D, 3, tiny, 0.3);
	cluster_opts_default(&o);
	ok_eq(run(x, n, &o, &r), 0, "tiny cluster: clustered");
	c = r.label[500];
	ok(r.label[501] == c && r.label[502] == c && r.clusters[c].size == 3,
	   "tiny cluster: its 3 rows one cluster of 3");
	ok(!r.clusters[c].big && r.clusters[c].far, "tiny cluster: small and far");
	ok(r.n_outliers >= 3, "tiny cluster: %zu rows listed", r.n_outliers);
	for (size_t i = 0; i < r.n_outliers && i < 3; i++)
		rows_ok &= r.outliers[i].row >= 500 && r.outliers[i].grouped &&
			   r.outliers[i].cluster == c && r.outliers[i].score > 5 * o.lone_z;
	ok(rows_ok, "tiny cluster: its 3 rows first, as a cluster, not as lone points");
	/* Beyond them only the Gaussian tails of the blobs: lone, and barely past lone_z. */
	for (size_t i = 3; i < r.n_outliers; i++)
		tails_ok &= r.outliers[i].row < 500 && !r.outliers[i].grouped &&
			   r.outliers[i].score < 2 * o.lone_z;
	ok(tails_ok, "tiny cluster: any other row listed is a blob's tail, scored below %g",
	   2 * o.lone_z);
	ok(r.n_outliers < 2 || r.outliers[0].distance >= r.outliers[1].distance,
	   "tiny cluster: farthest first");
	ok(result_finite(&r), "tiny cluster: no NaN");
	cluster_result_free(&r);
	free(x);
}

static void test_deterministic(void)
{
	size_t n = 403;
	double *x = malloc(n * D * sizeof(*x));
	struct cluster_opts o;
	struct cluster_result a, b;

	blob(x, 200, centres[1], 2);
	blob(x + 200 * D, 203, centres[2], 3);
	cluster_opts_default(&o);
	o.sample = 100; /* a sample smaller than the rows: its draw must repeat too */
	ok(!run(x, n, &o, &a) && !run(x, n, &o, &b), "twice: both clustered");
	ok(a.k == b.k && a.silhouette == b.silhouette && a.n_outliers == b.n_outliers &&
		   !memcmp(a.label, b.label, n * sizeof(*a.label)) &&
		   !memcmp(a.centroid, b.centroid, a.k * D * sizeof(*a.centroid)) &&
		   (!a.n_outliers ||
		    !memcmp(a.outliers, b.outliers, a.n_outliers * sizeof(*a.outliers))),
	   "twice: same k, labels, centroids and outliers");
	ok_eq(a.sample, 100, "the silhouette sample holds `sample` rows");
	cluster_result_free(&a);
	cluster_result_free(&b);
	free(x);
}

static void test_fit_sample(void)
{
	size_t n = 1501;
	double *x = malloc(n * D * sizeof(*x));
	struct cluster_opts o;
	struct cluster_result r;
	bool pure = true;

	for (int b = 0; b < 3; b++)
		blob(x + b * 500 * D, 500, centres[b], 0.5);
	cluster_opts_default(&o);
	o.fit_rows = 200;
	ok_eq(run(x, 1500, &o, &r), 0, "fit sample: clustered");
	ok_eq(r.k, 3, "fit sample: k = 3 chosen on 200 of 1500 rows");
	ok(r.sample == 200, "fit sample: the silhouette sample drawn from those rows");
	for (int b = 0; b < 3; b++)
		for (size_t i = 1; i < 500; i++)
			pure &= r.label[b * 500 + i] == r.label[b * 500];
	ok(pure && r.clusters[r.label[0]].size == 500 && r.label[0] != r.label[500] &&
		   r.label[500] != r.label[1000],
	   "fit sample: every row labelled, each blob one cluster");
	cluster_result_free(&r);

	memcpy(x + 1500 * D, x + 500 * D, D * sizeof(*x));
	x[1500 * D + 3] -= 25;
	ok_eq(run(x, n, &o, &r), 0, "fit sample and a far row: clustered");
	ok(r.n_outliers >= 1 && r.outliers[0].row == 1500 && r.outliers[0].apart[0] == 3,
	   "fit sample: the far row listed first, its column named");
	cluster_result_free(&r);

	/* 1500 rows alike and two unlike them, which the fit sample may well miss */
	for (size_t i = 0; i < n * D; i++)
		x[i] = (double)(i % D);
	x[700 * D + 1] = 50;
	x[1400 * D + 2] = -50;
	ok(!run(x, n, &o, &r) && r.k >= 2 && r.skip == CLUSTER_DONE,
	   "fit sample of rows all alike: clustered on all rows");
	ok(r.n_outliers == 2 && r.outliers[0].row != r.outliers[1].row &&
		   (r.outliers[0].row == 700 || r.outliers[0].row == 1400) &&
		   (r.outliers[1].row == 700 || r.outliers[1].row == 1400),
	   "fit sample of rows all alike: the two unlike rows listed (%zu)", r.n_outliers);
	cluster_result_free(&r);
	free(x);
}

static void test_degenerate(void)
{
	double x[50 * D], two[40 * D];
	double bad[3 * D] = { 0 };
	struct cluster_opts o;
	struct cluster_result r;
	struct gh_err e = { 0 };

	cluster_opts_default(&o);
	for (int i = 0; i < 50 * D; i++)
		x[i] = (double)(i % D) * 3.5;
	ok(!run(x, 50, &o, &r) && r.k == 0 && r.skip == CLUSTER_ALL_ALIKE && !r.n_outliers,
	   "50 identical rows: nothing to cluster, no outlier");
	ok(result_finite(&r), "identical rows: no NaN in the typical ranges");
	ok(r.typical_lo[1] == 3.5 && r.typical_hi[1] == 3.5, "identical rows: typical = the value");
	cluster_result_free(&r);

	ok(!run(x, 2, &o, &r) && r.k == 0 && r.skip == CLUSTER_TOO_FEW, "2 rows: too few");
	cluster_result_free(&r);
	ok(!run(x, 0, &o, &r) && r.skip == CLUSTER_TOO_FEW, "no rows: too few");
	cluster_result_free(&r);

	for (int i = 0; i < 40 * D; i++)
		two[i] = i / D < 30 ? 0 : 1;
	ok(!run(two, 40, &o, &r) && r.k == 2 && r.k_tried == 2,
	   "two distinct rows: k = 2, larger k not tried");
	ok(r.clusters[0].size + r.clusters[1].size == 40 && !r.n_outliers && result_finite(&r),
	   "two distinct rows: two clean clusters, no NaN");
	cluster_result_free(&r);

	bad[5] = NAN;
	ok_eq(cluster_run(bad, 3, D, NULL, &o, &r, &e), -EINVAL, "a NaN in the input: -EINVAL");
	ok(e.input && strstr(e.msg, "row 1, column 1"), "the message names row and column: %s",
	   e.msg);
	bad[5] = INFINITY;
	ok_eq(cluster_run(bad, 3, D, NULL, &o, &r, &e), -EINVAL, "an infinity: -EINVAL");
	bad[5] = 0;
	o.k_max = CLUSTER_K_LIMIT + 1;
	ok_eq(cluster_run(bad, 3, D, NULL, &o, &r, &e), -EINVAL, "k_max above the limit: -EINVAL");
	cluster_opts_default(&o);
	o.lone_z = NAN;
	ok_eq(cluster_run(bad, 3, D, NULL, &o, &r, &e), -EINVAL, "lone_z NaN: -EINVAL");
}

/* A GET of path from addr at second s. */
static void record(struct request_record *r, const char *addr, uint64_t s, const char *path,
		   uint16_t status)
{
	*r = (struct request_record){ .ts_ns = s * 1000000000ULL, .status = status,
				      .present = REQ_BIT(REQ_SRC_IP) | REQ_BIT(REQ_STATUS) };
	gh_addr_parse(addr, &r->src);
	req_set_str(r, REQ_PATH, &r->path, path, (uint32_t)strlen(path));
}

static void test_source_table(void)
{
	static const char *const addrs[] = { "2001:db8::1", "10.0.0.2", "10.0.0.1", "10.0.0.2" };
	const enum profile_feature fs[] = { FEAT_REQUESTS, FEAT_SHARE_404 };
	struct source_table t;
	struct source_matrix m;
	struct request_record r;
	char buf[GH_CIDR_STRLEN];

	ok_eq(source_table_init(&t, 33, 128, 10), -EINVAL, "prefix_v4 33 refused");
	ok_eq(source_table_init(&t, 32, 128, 10), 0, "table: by address");
	for (int i = 0; i < 4; i++) {
		record(&r, addrs[i], 100 + i, "/a", i == 3 ? 404 : 200);
		source_table_add(&t, &r);
	}
	r.present = 0;
	source_table_add(&t, &r);
	ok(t.count == 3 && t.no_source == 1, "3 sources, 1 record without a source");
	ok_eq(source_table_matrix(&t, 1, fs, 2, &m), 0, "matrix built");
	gh_cidr_format(&m.rows[0]->key, buf, sizeof(buf));
	ok_str(buf, "10.0.0.1", "rows sorted: IPv4 first, by address");
	gh_cidr_format(&m.rows[2]->key, buf, sizeof(buf));
	ok_str(buf, "2001:db8::1", "IPv6 last");
	ok(m.n == 3 && m.x[1 * 2] == 2 && m.x[1 * 2 + 1] == 0.5,
	   "10.0.0.2: requests 2, share_404 0.5, in the order asked");
	source_matrix_free(&m);
	ok(!source_table_matrix(&t, 2, fs, 2, &m) && m.n == 1 && m.rows[0]->acc.n == 2,
	   "min_requests 2 keeps only 10.0.0.2");
	source_matrix_free(&m);
	source_table_free(&t);

	source_table_init(&t, 24, 64, 2);
	record(&r, "10.0.0.1", 1, "/", 200);
	source_table_add(&t, &r);
	record(&r, "10.0.0.200", 2, "/", 200);
	source_table_add(&t, &r);
	record(&r, "2001:db8:0:0:1::1", 3, "/", 200);
	source_table_add(&t, &r);
	record(&r, "2001:db8::ffff", 4, "/", 200);
	source_table_add(&t, &r);
	record(&r, "192.0.2.1", 5, "/", 200);
	source_table_add(&t, &r);
	ok(t.count == 2 && t.entries[0].acc.n == 2 && t.entries[1].acc.n == 2,
	   "/24 and /64: two sources of two records each");
	gh_cidr_format(&t.entries[0].key, buf, sizeof(buf));
	ok_str(buf, "10.0.0.0/24", "a prefix source is named by its prefix");
	gh_cidr_format(&t.entries[1].key, buf, sizeof(buf));
	ok_str(buf, "2001:db8::/64", "an IPv6 source by its /64");
	ok_eq(t.over_limit, 1, "a third source beyond max_sources 2: counted, not kept");
	source_table_free(&t);

	source_table_init(&t, 32, 128, 100000);
	for (uint32_t i = 0; i < 5000; i++) {
		char a[32];

		snprintf(a, sizeof(a), "10.%u.%u.%u", i >> 16, (i >> 8) & 255, i & 255);
		record(&r, a, i, "/", 200);
		source_table_add(&t, &r);
		source_table_add(&t, &r);
	}
	ok(t.count == 5000 && t.entries[4999].acc.n == 2 && t.index_cap >= 10000,
	   "5000 sources through several index growths, each found again");
	source_table_free(&t);
}

int main(void)
{
	test_standardise();
	test_three_blobs();
	test_far_point();
	test_small_far_cluster();
	test_deterministic();
	test_fit_sample();
	test_degenerate();
	test_source_table();
	return tap_done();
}
