// Dot product of a row x (f64 or f32 elements, see elem.ts) with an f64 vector w of length d:
// four f64x2 accumulators (eight lanes: one row's sum is a chain of d/8 dependent adds, not
// d/4 — at d = 100 the shorter chain made the epoch 15–20% faster), pairs and a last scalar
// for the tail.
// f64 rows step with bumped pointers and immediate offsets (V8 folds the address into each load);
// f32 rows keep the indexed loop, which was faster for them. Measurements: docs/performance-notes.md.
import { xAt, xPair } from './elem';

// @ts-ignore: decorator
@inline export function dotX<T>(x: usize, w: usize, d: i32): f64 {
  let acc0 = f64x2.splat(0);
  let acc1 = f64x2.splat(0);
  let acc2 = f64x2.splat(0);
  let acc3 = f64x2.splat(0);
  let j = 0;
  if (sizeof<T>() == 8) {
    // f64: bumped pointers, loads at immediate offsets (see the header)
    let xp = x;
    let wp = w;
    for (; j + 8 <= d; j += 8) {
      acc0 = f64x2.add(acc0, f64x2.mul(v128.load(xp), v128.load(wp)));
      acc1 = f64x2.add(acc1, f64x2.mul(v128.load(xp, 16), v128.load(wp, 16)));
      acc2 = f64x2.add(acc2, f64x2.mul(v128.load(xp, 32), v128.load(wp, 32)));
      acc3 = f64x2.add(acc3, f64x2.mul(v128.load(xp, 48), v128.load(wp, 48)));
      xp += 64;
      wp += 64;
    }
  } else {
    for (; j + 8 <= d; j += 8) {
      const o = <usize>j << 3;
      acc0 = f64x2.add(acc0, f64x2.mul(xPair<T>(x, j), v128.load(w + o)));
      acc1 = f64x2.add(acc1, f64x2.mul(xPair<T>(x, j + 2), v128.load(w + o, 16)));
      acc2 = f64x2.add(acc2, f64x2.mul(xPair<T>(x, j + 4), v128.load(w + o, 32)));
      acc3 = f64x2.add(acc3, f64x2.mul(xPair<T>(x, j + 6), v128.load(w + o, 48)));
    }
  }
  if (j + 4 <= d) {
    const o = <usize>j << 3;
    acc0 = f64x2.add(acc0, f64x2.mul(xPair<T>(x, j), v128.load(w + o)));
    acc1 = f64x2.add(acc1, f64x2.mul(xPair<T>(x, j + 2), v128.load(w + o, 16)));
    j += 4;
  }
  if (j + 2 <= d) {
    acc2 = f64x2.add(acc2, f64x2.mul(xPair<T>(x, j), v128.load(w + (<usize>j << 3))));
    j += 2;
  }
  acc0 = f64x2.add(f64x2.add(acc0, acc2), f64x2.add(acc1, acc3));
  let s = f64x2.extract_lane(acc0, 0) + f64x2.extract_lane(acc0, 1);
  for (; j < d; j++) s += xAt<T>(x, j) * load<f64>(w + (<usize>j << 3));
  return s;
}

// @ts-ignore: decorator
@inline export function dotf64(a: usize, b: usize, d: i32): f64 {
  return dotX<f64>(a, b, d);
}

/**
 * Σ of n f64 values with four independent f64x2 accumulators: the time to read X once (bench
 * floor). Two accumulators left the sum latency-bound in cache (9.4 against 6.3 ns/row at
 * 2000×64, 3.0 against 2.1 at 20000×20; the same at the sizes that stream from memory).
 */
export function sumAll(a: usize, n: i32): f64 {
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  let s2 = f64x2.splat(0);
  let s3 = f64x2.splat(0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const o = <usize>i << 3;
    s0 = f64x2.add(s0, v128.load(a + o));
    s1 = f64x2.add(s1, v128.load(a + o, 16));
    s2 = f64x2.add(s2, v128.load(a + o, 32));
    s3 = f64x2.add(s3, v128.load(a + o, 48));
  }
  s0 = f64x2.add(f64x2.add(s0, s2), f64x2.add(s1, s3));
  let s = f64x2.extract_lane(s0, 0) + f64x2.extract_lane(s0, 1);
  for (; i < n; i++) s += load<f64>(a + (<usize>i << 3));
  return s;
}

/**
 * The dot products of two rows of d <= 8 elements with w, as a pair, straight-line, with each w
 * pair loaded once for both rows. Lane by lane the same values as dotX: the same products and
 * sums in the same order, without dotX's additions of its unused (zero) accumulators — so a
 * margin can only differ from dotX's in the sign of a zero.
 */
// @ts-ignore: decorator
@inline export function dot2Short<T>(xa: usize, xb: usize, w: usize, d: i32): v128 {
  let sa = f64x2.splat(0);
  let sb = f64x2.splat(0);
  let j = 0;
  if (d >= 4) {
    const w0 = v128.load(w);
    const w1 = v128.load(w, 16);
    const a0 = f64x2.mul(xPair<T>(xa, 0), w0);
    const a1 = f64x2.mul(xPair<T>(xa, 2), w1);
    const b0 = f64x2.mul(xPair<T>(xb, 0), w0);
    const b1 = f64x2.mul(xPair<T>(xb, 2), w1);
    if (d == 8) {
      // dotX's eight-element step: products 4..7 in its third and fourth accumulators
      const w2 = v128.load(w, 32);
      const w3 = v128.load(w, 48);
      sa = f64x2.add(f64x2.add(a0, f64x2.mul(xPair<T>(xa, 4), w2)), f64x2.add(a1, f64x2.mul(xPair<T>(xa, 6), w3)));
      sb = f64x2.add(f64x2.add(b0, f64x2.mul(xPair<T>(xb, 4), w2)), f64x2.add(b1, f64x2.mul(xPair<T>(xb, 6), w3)));
      j = 8;
    } else if (d >= 6) {
      const w2 = v128.load(w, 32);
      sa = f64x2.add(f64x2.add(a0, f64x2.mul(xPair<T>(xa, 4), w2)), a1);
      sb = f64x2.add(f64x2.add(b0, f64x2.mul(xPair<T>(xb, 4), w2)), b1);
      j = 6;
    } else {
      sa = f64x2.add(a0, a1);
      sb = f64x2.add(b0, b1);
      j = 4;
    }
  } else if (d >= 2) {
    const w0 = v128.load(w);
    sa = f64x2.mul(xPair<T>(xa, 0), w0);
    sb = f64x2.mul(xPair<T>(xb, 0), w0);
    j = 2;
  }
  let z = f64x2.add(v128.shuffle<f64>(sa, sb, 0, 2), v128.shuffle<f64>(sa, sb, 1, 3));
  if (j < d) {
    const wj = load<f64>(w + (<usize>j << 3));
    z = f64x2.add(z, f64x2.replace_lane(f64x2.splat(xAt<T>(xa, j) * wj), 1, xAt<T>(xb, j) * wj));
  }
  return z;
}

/** Two rows' dotX as a pair, one loop, each w pair loaded once (lane by lane dotX's bits). */
// @ts-ignore: decorator
@inline export function dot2X<T>(xa: usize, xb: usize, w: usize, d: i32): v128 {
  let a0 = f64x2.splat(0);
  let a1 = f64x2.splat(0);
  let a2 = f64x2.splat(0);
  let a3 = f64x2.splat(0);
  let b0 = f64x2.splat(0);
  let b1 = f64x2.splat(0);
  let b2 = f64x2.splat(0);
  let b3 = f64x2.splat(0);
  let j = 0;
  for (; j + 8 <= d; j += 8) {
    const o = <usize>j << 3;
    const w0 = v128.load(w + o);
    const w1 = v128.load(w + o, 16);
    const w2 = v128.load(w + o, 32);
    const w3 = v128.load(w + o, 48);
    a0 = f64x2.add(a0, f64x2.mul(xPair<T>(xa, j), w0));
    a1 = f64x2.add(a1, f64x2.mul(xPair<T>(xa, j + 2), w1));
    a2 = f64x2.add(a2, f64x2.mul(xPair<T>(xa, j + 4), w2));
    a3 = f64x2.add(a3, f64x2.mul(xPair<T>(xa, j + 6), w3));
    b0 = f64x2.add(b0, f64x2.mul(xPair<T>(xb, j), w0));
    b1 = f64x2.add(b1, f64x2.mul(xPair<T>(xb, j + 2), w1));
    b2 = f64x2.add(b2, f64x2.mul(xPair<T>(xb, j + 4), w2));
    b3 = f64x2.add(b3, f64x2.mul(xPair<T>(xb, j + 6), w3));
  }
  if (j + 4 <= d) {
    const o = <usize>j << 3;
    const w0 = v128.load(w + o);
    const w1 = v128.load(w + o, 16);
    a0 = f64x2.add(a0, f64x2.mul(xPair<T>(xa, j), w0));
    a1 = f64x2.add(a1, f64x2.mul(xPair<T>(xa, j + 2), w1));
    b0 = f64x2.add(b0, f64x2.mul(xPair<T>(xb, j), w0));
    b1 = f64x2.add(b1, f64x2.mul(xPair<T>(xb, j + 2), w1));
    j += 4;
  }
  if (j + 2 <= d) {
    const w0 = v128.load(w + (<usize>j << 3));
    a2 = f64x2.add(a2, f64x2.mul(xPair<T>(xa, j), w0));
    b2 = f64x2.add(b2, f64x2.mul(xPair<T>(xb, j), w0));
    j += 2;
  }
  const sa = f64x2.add(f64x2.add(a0, a2), f64x2.add(a1, a3));
  const sb = f64x2.add(f64x2.add(b0, b2), f64x2.add(b1, b3));
  let z = f64x2.add(v128.shuffle<f64>(sa, sb, 0, 2), v128.shuffle<f64>(sa, sb, 1, 3));
  if (j < d) {
    const wj = load<f64>(w + (<usize>j << 3));
    z = f64x2.add(z, f64x2.replace_lane(f64x2.splat(xAt<T>(xa, j) * wj), 1, xAt<T>(xb, j) * wj));
  }
  return z;
}
