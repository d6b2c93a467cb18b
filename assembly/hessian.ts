// Second-order pieces: per-row curvature from cached margins, and Hessian-vector products.
import { dotX, dot2Short } from './dot';
import { rowBytesOf } from './elem';
import { kc } from './vmath';
import { expNegAbs } from './pointwise';
import { pair, weightOf, addRows4, addRow } from './rows';
import { MODE_SQUARED } from './fused';

/**
 * D[i] = s_i·∂²ℓ/∂z² at z[i], for n rows. log loss: p(1 − p); squared loss ½(p − y)²:
 * p(1 − p)·(p(1 − p) + (p − y)(1 − 2p)) (can be negative: the squared loss is not convex in z).
 */
export function curvatureFromZ(z: usize, y: usize, s: usize, n: i32, mode: i32, D: usize): void {
  const squared = mode & MODE_SQUARED;
  let i = 0;
  if (!squared) {
    // log loss, eight rows per step: four independent exp / division chains (the one-pair loop
    // below waits out each chain in turn); each pair's arithmetic is the loop's, so the same bits.
    for (; i + 8 <= n; i += 8) {
      const o = <usize>i << 3;
      const cA = curvaturePair(v128.load(z + o));
      const cB = curvaturePair(v128.load(z + o, 16));
      const cC = curvaturePair(v128.load(z + o, 32));
      const cD = curvaturePair(v128.load(z + o, 48));
      if (s) {
        v128.store(D + o, f64x2.mul(v128.load(s + o), cA));
        v128.store(D + o, f64x2.mul(v128.load(s + o, 16), cB), 16);
        v128.store(D + o, f64x2.mul(v128.load(s + o, 32), cC), 32);
        v128.store(D + o, f64x2.mul(v128.load(s + o, 48), cD), 48);
      } else {
        v128.store(D + o, cA);
        v128.store(D + o, cB, 16);
        v128.store(D + o, cC, 32);
        v128.store(D + o, cD, 48);
      }
    }
  }
  const one = kc(272);
  for (; i < n; i += 2) {
    const o = <usize>i << 3;
    const two = i + 1 < n;
    const zv = two ? v128.load(z + o) : pair(load<f64>(z + o), 0);
    const e = expNegAbs(zv);
    const u = f64x2.add(one, e);
    const pq = f64x2.div(e, f64x2.mul(u, u)); // p(1 − p)
    let c = pq;
    if (squared) {
      const yv = two ? v128.load(y + o) : pair(load<f64>(y + o), 0);
      const pos = f64x2.ge(zv, f64x2.splat(0));
      const p = f64x2.div(v128.bitselect(one, e, pos), u);
      const q = f64x2.div(v128.bitselect(e, one, pos), u);
      c = f64x2.mul(pq, f64x2.add(pq, f64x2.mul(f64x2.sub(p, yv), f64x2.sub(q, p))));
    }
    const sv = pair(weightOf(s, i), two ? weightOf(s, i + 1) : 0);
    const out = f64x2.mul(sv, c);
    store<f64>(D + o, f64x2.extract_lane(out, 0));
    if (two) store<f64>(D + o, f64x2.extract_lane(out, 1), 8);
  }
}

/** p(1 − p) at the pair z, as curvatureFromZ's loop computes it. */
// @ts-ignore: decorator
@inline function curvaturePair(zv: v128): v128 {
  const e = expNegAbs(zv);
  const u = f64x2.add(kc(272), e);
  return f64x2.div(e, f64x2.mul(u, u));
}

/**
 * out[0..d) = Σ D_i·(x_i·v + vb)·x_i and out[d] = Σ D_i·(x_i·v + vb) over rows 0 .. n − 1:
 * the data part of ∇²J·[v; vb] (before the 1/S scale). One pass over X.
 */
export function hessVec(X: usize, d: i32, n: i32, D: usize, v: usize, vb: f64, out: usize): void {
  hessVecT<f64>(X, d, n, D, v, vb, out);
}

export function hessVecF32(X: usize, d: i32, n: i32, D: usize, v: usize, vb: f64, out: usize): void {
  hessVecT<f32>(X, d, n, D, v, vb, out);
}

// @ts-ignore: decorator
@inline function hessVecT<T>(X: usize, d: i32, n: i32, D: usize, v: usize, vb: f64, out: usize): void {
  const rowBytes = rowBytesOf<T>(d);
  const outBytes = <usize>d << 3;
  memory.fill(out, 0, outBytes + 8);
  let biasAcc = f64x2.splat(0);
  // rows of d <= 8: two rows' dot products in one straight-line step (dot2Short)
  const pairs = d <= 8;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const x0 = X + <usize>i * rowBytes;
    const x1 = x0 + rowBytes;
    const x2 = x1 + rowBytes;
    const x3 = x2 + rowBytes;
    let tA: v128, tB: v128;
    if (pairs) {
      tA = f64x2.add(dot2Short<T>(x0, x1, v, d), f64x2.splat(vb));
      tB = f64x2.add(dot2Short<T>(x2, x3, v, d), f64x2.splat(vb));
    } else {
      tA = pair(dotX<T>(x0, v, d) + vb, dotX<T>(x1, v, d) + vb);
      tB = pair(dotX<T>(x2, v, d) + vb, dotX<T>(x3, v, d) + vb);
    }
    const rA = f64x2.mul(v128.load(D + (<usize>i << 3)), tA);
    const rB = f64x2.mul(v128.load(D + (<usize>i << 3), 16), tB);
    biasAcc = f64x2.add(biasAcc, f64x2.add(rA, rB));
    addRows4<T>(out, d, x0, x1, x2, x3, rA, rB);
  }
  let tail = 0.0;
  for (; i < n; i++) {
    const x = X + <usize>i * rowBytes;
    const r = load<f64>(D + (<usize>i << 3)) * (dotX<T>(x, v, d) + vb);
    tail += r;
    addRow<T>(out, d, x, r);
  }
  store<f64>(out + outBytes, f64x2.extract_lane(biasAcc, 0) + f64x2.extract_lane(biasAcc, 1) + tail);
}
