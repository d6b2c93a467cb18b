// Row addressing and the g += Σ r·x sweeps shared by the passes over X (X elements f64 or f32).
import { rowBytesOf, xAt, xPair, xPairAt } from './elem';
import { dotX, dot2Short, dot2X } from './dot';

// @ts-ignore: decorator
@inline export function rowIndex(idx: usize, row0: i32, k: i32): i32 {
  return idx ? load<i32>(idx + (<usize>k << 2)) : row0 + k;
}

// @ts-ignore: decorator
@inline export function pair(a: f64, b: f64): v128 {
  return f64x2.replace_lane(f64x2.splat(a), 1, b);
}

// @ts-ignore: decorator
@inline export function weightOf(s: usize, i: i32): f64 {
  return s ? load<f64>(s + (<usize>i << 3)) : 1.0;
}

/**
 * z of rows i and j for the fused pass's eight-row blocks: both dot products in one step, each
 * w pair loaded once for both rows, each lane dotX's value. Rows of d <= 8 go through dot2Short
 * (straight-line, without dotX's additions of zero), longer ones through dot2X (dotX's loop for
 * two rows). The four-row blocks keep two dotX passes: interleaving long rows was slower.
 */
// @ts-ignore: decorator
@inline export function zPairShared<T>(X: usize, rowBytes: usize, i: i32, j: i32, w: usize, d: i32, b: f64): v128 {
  return f64x2.add(dotPairOf<T>(X + <usize>i * rowBytes, X + <usize>j * rowBytes, w, d), f64x2.splat(b));
}

/** The dot products of rows xa and xb with w as a pair (dot2Short for d <= 8, else dot2X). */
// @ts-ignore: decorator
@inline export function dotPairOf<T>(xa: usize, xb: usize, w: usize, d: i32): v128 {
  return d <= 8 ? dot2Short<T>(xa, xb, w, d) : dot2X<T>(xa, xb, w, d);
}

/** z of rows i and j as a pair. */
// @ts-ignore: decorator
@inline export function zPair<T>(X: usize, rowBytes: usize, i: i32, j: i32, w: usize, d: i32, b: f64): v128 {
  return pair(dotX<T>(X + <usize>i * rowBytes, w, d) + b, dotX<T>(X + <usize>j * rowBytes, w, d) + b);
}

// @ts-ignore: decorator
@inline export function yPair(y: usize, i: i32, j: i32): v128 {
  return pair(load<f64>(y + (<usize>i << 3)), load<f64>(y + (<usize>j << 3)));
}

// @ts-ignore: decorator
@inline export function sPair(s: usize, i: i32, j: i32): v128 {
  return pair(weightOf(s, i), weightOf(s, j));
}

/** One pair step of addRows4: g at byte og, each row x at byte ox (constants: immediate offsets). */
// @ts-ignore: decorator
@inline function quadStep<T>(
  g: usize, og: usize, x0: usize, x1: usize, x2: usize, x3: usize, ox: usize, r0: v128, r1: v128, r2: v128, r3: v128,
): void {
  const a = f64x2.add(f64x2.mul(r0, xPairAt<T>(x0, ox)), f64x2.mul(r1, xPairAt<T>(x1, ox)));
  const c = f64x2.add(f64x2.mul(r2, xPairAt<T>(x2, ox)), f64x2.mul(r3, xPairAt<T>(x3, ox)));
  v128.store(g + og, f64x2.add(v128.load(g + og), f64x2.add(a, c)));
}

/**
 * g[0..d) += (r0·x0 + r1·x1) + (r2·x2 + r3·x3), with r0, r1 the lanes of rA and r2, r3 of rB.
 * Four pair steps per iteration, the five pointers bumped once and each load at an immediate
 * offset from one of them: V8 then folds every address into its load (an index j cost one
 * address add per load).
 */
// @ts-ignore: decorator
@inline export function addRows4<T>(g: usize, d: i32, x0: usize, x1: usize, x2: usize, x3: usize, rA: v128, rB: v128): void {
  const r0 = f64x2.splat(f64x2.extract_lane(rA, 0));
  const r1 = f64x2.splat(f64x2.extract_lane(rA, 1));
  const r2 = f64x2.splat(f64x2.extract_lane(rB, 0));
  const r3 = f64x2.splat(f64x2.extract_lane(rB, 1));
  const E: usize = sizeof<T>() * 2; // bytes of a pair of x elements
  const end = g + (<usize>(d >> 1) << 4);
  let pg = g, p0 = x0, p1 = x1, p2 = x2, p3 = x3;
  for (; pg + 64 <= end; pg += 64, p0 += 4 * E, p1 += 4 * E, p2 += 4 * E, p3 += 4 * E) {
    quadStep<T>(pg, 0, p0, p1, p2, p3, 0, r0, r1, r2, r3);
    quadStep<T>(pg, 16, p0, p1, p2, p3, E, r0, r1, r2, r3);
    quadStep<T>(pg, 32, p0, p1, p2, p3, 2 * E, r0, r1, r2, r3);
    quadStep<T>(pg, 48, p0, p1, p2, p3, 3 * E, r0, r1, r2, r3);
  }
  for (; pg < end; pg += 16, p0 += E, p1 += E, p2 += E, p3 += E) quadStep<T>(pg, 0, p0, p1, p2, p3, 0, r0, r1, r2, r3);
  if (d & 1) {
    const j = d - 1;
    const o = <usize>j << 3;
    const a = f64x2.extract_lane(r0, 0) * xAt<T>(x0, j) + f64x2.extract_lane(r1, 0) * xAt<T>(x1, j);
    const c = f64x2.extract_lane(r2, 0) * xAt<T>(x2, j) + f64x2.extract_lane(r3, 0) * xAt<T>(x3, j);
    store<f64>(g + o, load<f64>(g + o) + (a + c));
  }
}

/** g[0..d) += r·x */
// @ts-ignore: decorator
@inline export function addRow<T>(g: usize, d: i32, x: usize, r: f64): void {
  const rs = f64x2.splat(r);
  let j = 0;
  for (; j + 2 <= d; j += 2) {
    const o = <usize>j << 3;
    v128.store(g + o, f64x2.add(v128.load(g + o), f64x2.mul(rs, xPair<T>(x, j))));
  }
  if (j < d) {
    const o = <usize>j << 3;
    store<f64>(g + o, load<f64>(g + o) + r * xAt<T>(x, j));
  }
}

/** out[i] = ‖x_i‖² for rows 0 .. n − 1. */
// @ts-ignore: decorator
@inline function rowSqNormsT<T>(X: usize, d: i32, n: i32, out: usize): void {
  const rowBytes = rowBytesOf<T>(d);
  for (let i = 0; i < n; i++) {
    const x = X + <usize>i * rowBytes;
    let s = 0.0;
    for (let j = 0; j < d; j++) {
      const v = xAt<T>(x, j);
      s += v * v;
    }
    store<f64>(out + (<usize>i << 3), s);
  }
}

export function rowSqNorms(X: usize, d: i32, n: i32, out: usize): void {
  rowSqNormsT<f64>(X, d, n, out);
}

export function rowSqNormsF32(X: usize, d: i32, n: i32, out: usize): void {
  rowSqNormsT<f32>(X, d, n, out);
}

/**
 * Column moments about row 0 (c = x_0, so a large common offset costs no precision):
 * s[j] = Σ_i (x_ij − c_j), q[j] = Σ_i (x_ij − c_j)² over rows 0 .. n − 1. Overwrites s and q.
 */
// @ts-ignore: decorator
@inline function colMomentsT<T>(X: usize, d: i32, n: i32, s: usize, q: usize): void {
  const rowBytes = rowBytesOf<T>(d);
  memory.fill(s, 0, <usize>d << 3);
  memory.fill(q, 0, <usize>d << 3);
  for (let i = 1; i < n; i++) {
    const x = X + <usize>i * rowBytes;
    let j = 0;
    for (; j + 2 <= d; j += 2) {
      const o = <usize>j << 3;
      const v = f64x2.sub(xPair<T>(x, j), xPair<T>(X, j));
      v128.store(s + o, f64x2.add(v128.load(s + o), v));
      v128.store(q + o, f64x2.add(v128.load(q + o), f64x2.mul(v, v)));
    }
    if (j < d) {
      const o = <usize>j << 3;
      const v = xAt<T>(x, j) - xAt<T>(X, j);
      store<f64>(s + o, load<f64>(s + o) + v);
      store<f64>(q + o, load<f64>(q + o) + v * v);
    }
  }
}

export function colMoments(X: usize, d: i32, n: i32, s: usize, q: usize): void {
  colMomentsT<f64>(X, d, n, s, q);
}

export function colMomentsF32(X: usize, d: i32, n: i32, s: usize, q: usize): void {
  colMomentsT<f32>(X, d, n, s, q);
}

/** The first index among the n f64 values at x holding NaN or ±Infinity, or −1. */
export function firstNonFinite(x: usize, n: i32): i32 {
  // x − x is 0 exactly for finite x: eight values per step are summed and tested once
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const o = <usize>i << 3;
    const a = f64x2.add(f64x2.sub(v128.load(x + o), v128.load(x + o)), f64x2.sub(v128.load(x + o, 16), v128.load(x + o, 16)));
    const b = f64x2.add(f64x2.sub(v128.load(x + o, 32), v128.load(x + o, 32)), f64x2.sub(v128.load(x + o, 48), v128.load(x + o, 48)));
    const s = f64x2.add(a, b);
    if (v128.any_true(f64x2.ne(s, s))) break;
  }
  for (; i < n; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    if (v - v != 0) return i;
  }
  return -1;
}

/** Columns per sweep of columnsToRows: 16 read streams at once stay friendly to caches and prefetchers at any width. */
const COLUMN_GROUP = 16;
/** Rows per tile: a tile of output rows stays in L1/L2 while every column group writes into it. */
const ROW_TILE = 64;

/**
 * dst[i·cols + j] = src[j·rows + i] for a block of `rows` rows: column-major values (copied in
 * from JS column arrays by typed-array set, a memcpy) to row-major. Per tile of rows and group
 * of columns, two rows at a time, two columns per f64x2 pair: stores run along the rows, loads
 * along the columns, every load and store full width.
 */
export function columnsToRows(src: usize, dst: usize, rows: i32, cols: i32): void {
  const rs = <usize>rows << 3;
  const cs = <usize>cols << 3;
  for (let i0 = 0; i0 < rows; i0 += ROW_TILE) {
    const i1 = min(i0 + ROW_TILE, rows);
    for (let j0 = 0; j0 < cols; j0 += COLUMN_GROUP) {
      const j1 = min(j0 + COLUMN_GROUP, cols);
      let i = i0;
      for (; i + 2 <= i1; i += 2) {
        let a = src + <usize>j0 * rs + (<usize>i << 3);
        const o = dst + <usize>i * cs;
        let j = j0;
        for (; j + 2 <= j1; j += 2) {
          const x = v128.load(a);
          const y = v128.load(a + rs);
          const at = o + (<usize>j << 3);
          v128.store(at, v128.shuffle<u8>(x, y, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23));
          v128.store(at + cs, v128.shuffle<u8>(x, y, 8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31));
          a += rs << 1;
        }
        if (j < j1) {
          store<f64>(o + (<usize>j << 3), load<f64>(a));
          store<f64>(o + cs + (<usize>j << 3), load<f64>(a, 8));
        }
      }
      if (i < i1) {
        const o = dst + <usize>i * cs;
        for (let j = j0; j < j1; j++) store<f64>(o + (<usize>j << 3), load<f64>(src + <usize>j * rs + (<usize>i << 3)));
      }
    }
  }
}
