// Native reference for the epoch table: the same fused gradient epoch (z = x·w + b, log loss,
// p, g += (p − y)·x over all rows) as plain C, compiled by bench/native.mjs with
// gcc -O3 -march=native -ffast-math, so gcc vectorises the dot products and the g sweeps with the
// machine's widest vectors and FMA, and exp / log1p through glibc's vector math library (libmvec,
// a few ulp; the wasm kernels keep 1 ulp). Rows go in blocks of 8 so the exp / log1p loop has
// eight lanes. Also the read floor: the time to sum X once. Data: bench/kernel-data.mjs's seeded
// generator, so the loss can be checked against the wasm kernel on the same values.
//   usage: epoch n d rounds   → one line of JSON: ns per row (median and min over rounds) and the loss
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint32_t state;
static double rnd(void) {
  state = state * 1664525u + 1013904223u;
  return state / 4294967296.0 - 0.5;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

#define B 8

static double epoch(const double *restrict X, const double *restrict y, const double *restrict w, double b,
                    double *restrict g, long n, long d) {
  for (long j = 0; j <= d; j++) g[j] = 0;
  double loss = 0;
  double z[B], r[B];
  long i = 0;
  for (; i + B <= n; i += B) {
    for (int k = 0; k < B; k++) {
      const double *x = X + (i + k) * d;
      double s = 0;
      for (long j = 0; j < d; j++) s += x[j] * w[j];
      z[k] = s + b;
    }
    double l = 0;
#pragma omp simd reduction(+ : l)
    for (int k = 0; k < B; k++) {
      const double ek = exp(-fabs(z[k]));
      const double p = z[k] >= 0 ? 1 / (1 + ek) : ek / (1 + ek);
      r[k] = p - y[i + k];
      l += log1p(ek) + fmax(z[k], 0) - y[i + k] * z[k];
    }
    loss += l;
    for (int k = 0; k < B; k++) {
      const double *x = X + (i + k) * d;
      const double rk = r[k];
      for (long j = 0; j < d; j++) g[j] += rk * x[j];
      g[d] += rk;
    }
  }
  for (; i < n; i++) {
    const double *x = X + i * d;
    double s = 0;
    for (long j = 0; j < d; j++) s += x[j] * w[j];
    const double zi = s + b;
    const double ei = exp(-fabs(zi));
    const double p = zi >= 0 ? 1 / (1 + ei) : ei / (1 + ei);
    const double ri = p - y[i];
    loss += log1p(ei) + fmax(zi, 0) - y[i] * zi;
    for (long j = 0; j < d; j++) g[j] += ri * x[j];
    g[d] += ri;
  }
  return loss;
}

static double sum(const double *restrict X, long m) {
  double s = 0;
  for (long i = 0; i < m; i++) s += X[i];
  return s;
}

static int cmp(const void *a, const void *b) {
  const double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: epoch n d rounds\n");
    return 2;
  }
  const long n = atol(argv[1]), d = atol(argv[2]);
  const int rounds = atoi(argv[3]);
  double *X = aligned_alloc(64, ((n * d * 8 + 63) / 64) * 64);
  double *y = malloc(n * 8), *w = malloc(d * 8), *g = malloc((d + 1) * 8);
  double *te = malloc(rounds * 8), *ts = malloc(rounds * 8);
  if (!X || !y || !w || !g || !te || !ts) return 1;
  state = (uint32_t)(n + d); // kernelData's seed and order: X, then y, then w
  for (long i = 0; i < n * d; i++) X[i] = rnd() * 2;
  for (long i = 0; i < n; i++) y[i] = rnd() > 0 ? 1 : 0;
  for (long j = 0; j < d; j++) w[j] = rnd() * 0.2;
  // repetitions per timing: about 2e7 elements, at least 3 (as bench/ab.mjs)
  long reps = (long)(2e7 / (double)(n * d));
  if (reps < 3) reps = 3;
  double loss = 0, sink = 0;
  for (int t = 0; t < 2; t++) loss = epoch(X, y, w, 0.1, g, n, d), sink += sum(X, n * d); // warm-up
  for (int t = 0; t < rounds; t++) {
    double t0 = now();
    for (long k = 0; k < reps; k++) loss = epoch(X, y, w, 0.1, g, n, d);
    double t1 = now();
    for (long k = 0; k < reps; k++) sink += sum(X, n * d);
    double t2 = now();
    te[t] = (t1 - t0) / reps / n;
    ts[t] = (t2 - t1) / reps / n;
  }
  // the ratio within each round, as the JS tables take theirs
  double *ratio = malloc(rounds * 8);
  for (int t = 0; t < rounds; t++) ratio[t] = te[t] / ts[t];
  qsort(te, rounds, 8, cmp);
  qsort(ts, rounds, 8, cmp);
  qsort(ratio, rounds, 8, cmp);
  printf("{\"n\":%ld,\"d\":%ld,\"epochNs\":%.4f,\"epochMinNs\":%.4f,\"floorNs\":%.4f,\"floorMinNs\":%.4f,"
         "\"epochOverFloor\":%.4f,\"loss\":%.17g,\"g0\":%.17g,\"sink\":%g}\n",
         n, d, te[rounds / 2], te[0], ts[rounds / 2], ts[0], ratio[rounds / 2], loss, g[0], sink);
  return 0;
}
