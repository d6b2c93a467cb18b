// Multinomial logistic regression: per row, z_c = x·W_c + b_c for the k classes, the stable
// log-sum-exp loss ℓ = m + log Σ_c e^(z_c − m) − z_y (m = max_c z_c), p_c = e^(z_c − lse),
// and G_c += s·(p_c − [c = y])·x — one read of each row (it stays in L1 for the k dots and
// sweeps). W is k×d row-major; the gradient output holds G (k×d) then the k bias sums.
// The passes take rows in pairs, one f64x2 lane each, as the binary pass does: per class both
// rows' margins in one sweep over W_c (dotPairOf: lane by lane dotX's value), one vector exp;
// per pair one log1p and one division; G_c is updated once per two pairs (addRowQuads: each
// G_c element loaded and stored once for four rows). The argmax, the label's margin and the
// residuals are selects, not branches (a row's class is random). Rows without weights also join
// their log1p terms across pairs, as the binary pass does.
// Both passes also read X stored as f32 (the F32 exports), with the same f64 arithmetic.
import { dotf64 } from './dot';
import { rowBytesOf, xAt, xPair } from './elem';
import { rowIndex, weightOf, pair, dotPairOf, addRows4 } from './rows';
import { vexpNeg, vlog1p } from './vmath';
import { log1pJoin } from './pointwise';

/** g[0..d) += rA·xA + rB·xB (per element: the two products, summed, then added to g). */
// @ts-ignore: decorator
@inline function addRowPair<T>(g: usize, d: i32, xA: usize, xB: usize, rA: f64, rB: f64): void {
  const vA = f64x2.splat(rA);
  const vB = f64x2.splat(rB);
  let j = 0;
  for (; j + 2 <= d; j += 2) {
    const o = <usize>j << 3;
    const sum = f64x2.add(f64x2.mul(vA, xPair<T>(xA, j)), f64x2.mul(vB, xPair<T>(xB, j)));
    v128.store(g + o, f64x2.add(v128.load(g + o), sum));
  }
  if (j < d) {
    const o = <usize>j << 3;
    store<f64>(g + o, load<f64>(g + o) + (rA * xAt<T>(xA, j) + rB * xAt<T>(xB, j)));
  }
}

/**
 * G_c += (r_A,c·x_A + r_B,c·x_B) + (r_C,c·x_C + r_D,c·x_D) for the k classes (addRows4: each G_c
 * element loaded and stored once for four rows), the pairs at rs + 16c (rows A, B) and ts + 16c
 * (rows C, D).
 */
// @ts-ignore: decorator
@inline function addRowQuads<T>(G: usize, d: i32, k: i32, xA: usize, xB: usize, xC: usize, xD: usize, rs: usize, ts: usize): void {
  const gRowBytes = <usize>d << 3;
  for (let c = 0; c < k; c++) {
    const o = <usize>c << 4;
    addRows4<T>(G + <usize>c * gRowBytes, d, xA, xB, xC, xD, v128.load(rs + o), v128.load(ts + o));
  }
}

/** Whether `count` rows make an odd number of pairs (the last pair then has no partner). */
// @ts-ignore: decorator
@inline function oddPairs(count: i32): bool {
  return ((count + 1) & 2) != 0;
}

/** G_c += r_A,c·x_A + r_B,c·x_B for the k classes, the pair (r_A,c, r_B,c) at rs + 16c (G k×d). */
// @ts-ignore: decorator
@inline function addRowPairs<T>(G: usize, d: i32, k: i32, xA: usize, xB: usize, rs: usize): void {
  const gRowBytes = <usize>d << 3;
  for (let c = 0; c < k; c++) {
    const o = <usize>c << 4;
    addRowPair<T>(G + <usize>c * gRowBytes, d, xA, xB, load<f64>(rs + o), load<f64>(rs + o, 8));
  }
}

/**
 * X n×d f64 (softmaxGradF32: f32, widened exactly), y class indices (i32), s weights or 0,
 * rows as in fusedGrad (idx or row0 .. row0+count−1); W k×d, b k; g: k·d + k outputs
 * (overwritten); zs: 4k scratch doubles; pOut: 0 or count×k probabilities (for Hessian
 * products). Returns Σ s_i·ℓ_i.
 * Rows go in pairs, one f64x2 lane each (as in the binary pass): per class, both rows' margins
 * in one pass over W_c, one vector exp and the pair's residuals; per pair one division and,
 * with weights, one log1p (unit-weight pairs join theirs, see below). The last odd row pairs
 * with itself at weight 0. Pairs go two by two (t & 2 marks the second): the first pair's
 * residuals wait in zs, the second's land in zs + 2k, then one sweep per class adds all four
 * rows; an odd last pair is added alone.
 */
export function softmaxGrad(
  X: usize, d: i32, y: usize, s: usize, idx: usize, row0: i32, count: i32, k: i32,
  W: usize, b: usize, g: usize, zs: usize, pOut: usize,
): f64 {
  return softmaxGradT<f64>(X, d, y, s, idx, row0, count, k, W, b, g, zs, pOut);
}

/** softmaxGrad over X stored as f32 (widened exactly; the same f64 arithmetic). */
export function softmaxGradF32(
  X: usize, d: i32, y: usize, s: usize, idx: usize, row0: i32, count: i32, k: i32,
  W: usize, b: usize, g: usize, zs: usize, pOut: usize,
): f64 {
  return softmaxGradT<f32>(X, d, y, s, idx, row0, count, k, W, b, g, zs, pOut);
}

// @ts-ignore: decorator
@inline function softmaxGradT<T>(
  X: usize, d: i32, y: usize, s: usize, idx: usize, row0: i32, count: i32, k: i32,
  W: usize, b: usize, g: usize, zs: usize, pOut: usize,
): f64 {
  const rowBytes = rowBytesOf<T>(d);
  const wRowBytes = <usize>d << 3;
  const gb = g + <usize>k * wRowBytes;
  memory.fill(g, 0, (<usize>k * wRowBytes) + (<usize>k << 3));
  let loss = f64x2.splat(0);
  // unit weights: the pairs' log1p terms are joined (log1pJoin) and evaluated once per `joins`
  // pairs; each factor 1 + rest is at most k < 2^bits, so the joined 1 + q stays below 2^1000
  let q = f64x2.splat(0);
  let joined = 0;
  const joins = min(128, 1000 / (32 - clz(k)));
  const zs2 = zs + (<usize>k << 4);
  let xP: usize = 0, xQ: usize = 0; // the rows of the first pair of two
  for (let t = 0; t < count; t += 2) {
    const zc = t & 2 ? zs2 : zs;
    const two = t + 1 < count;
    const iA = rowIndex(idx, row0, t);
    const iB = two ? rowIndex(idx, row0, t + 1) : iA;
    const xA = X + <usize>iA * rowBytes;
    const xB = X + <usize>iB * rowBytes;
    // margins of both rows, class by class, into zs (a pair per class); m, cm: max and argmax
    let m = f64x2.splat(0);
    let cm = i64x2.splat(0);
    for (let c = 0; c < k; c++) {
      const z = f64x2.add(dotPairOf<T>(xA, xB, W + <usize>c * wRowBytes, d), f64x2.splat(load<f64>(b + (<usize>c << 3))));
      v128.store(zc + (<usize>c << 4), z);
      if (c == 0) m = z;
      else {
        const above = f64x2.gt(z, m); // the first largest margin wins ties
        m = v128.bitselect(z, m, above);
        cm = v128.bitselect(i64x2.splat(<i64>c), cm, above);
      }
    }
    const yA = load<i32>(y + (<usize>iA << 2));
    const yB = load<i32>(y + (<usize>iB << 2));
    const zy = pair(load<f64>(zc + (<usize>yA << 4)), load<f64>(zc + (<usize>yB << 4), 8));
    const yv = i64x2.replace_lane(i64x2.splat(<i64>yA), 1, <i64>yB);
    // zs ← e^(z_c − m) (exactly 1 at cm); rest = Σ over c ≠ cm, so Σ_c e^(z_c − m) = 1 + rest
    let rest = f64x2.splat(0);
    for (let c = 0; c < k; c++) {
      const o = <usize>c << 4;
      const e = vexpNeg(f64x2.sub(v128.load(zc + o), m));
      v128.store(zc + o, e);
      rest = f64x2.add(rest, v128.andnot(e, i64x2.eq(cm, i64x2.splat(<i64>c))));
    }
    const sv = pair(weightOf(s, iA), two ? weightOf(s, iB) : 0.0);
    // ℓ = log1p(rest) + (m − z_y): no overflow, and tiny losses keep their relative precision
    if (s == 0) {
      // sv is (1, 1), or (1, 0) for an odd last row: multiplying drops its second lane exactly
      loss = f64x2.add(loss, f64x2.mul(sv, f64x2.sub(m, zy)));
      q = log1pJoin(q, f64x2.mul(sv, rest));
      if (++joined == joins) {
        loss = f64x2.add(loss, vlog1p(q));
        q = f64x2.splat(0);
        joined = 0;
      }
    } else loss = f64x2.add(loss, f64x2.mul(sv, f64x2.add(vlog1p(rest), f64x2.sub(m, zy))));
    const one = f64x2.splat(1.0);
    const inv = f64x2.div(one, f64x2.add(one, rest));
    const yMax = f64x2.mul(f64x2.neg(rest), inv); // p_y − 1 = −rest/sum when y is the argmax: exact as p_y → 1
    for (let c = 0; c < k; c++) {
      const o = <usize>c << 4;
      const p = f64x2.mul(v128.load(zc + o), inv);
      if (pOut) {
        store<f64>(pOut + ((<usize>t * k + c) << 3), f64x2.extract_lane(p, 0));
        if (two) store<f64>(pOut + ((<usize>(t + 1) * k + c) << 3), f64x2.extract_lane(p, 1));
      }
      const cv = i64x2.splat(<i64>c);
      const atY = v128.bitselect(yMax, f64x2.sub(p, one), i64x2.eq(cm, cv));
      const r = f64x2.mul(sv, v128.bitselect(atY, p, i64x2.eq(yv, cv)));
      v128.store(zc + o, r);
      const gc = gb + (<usize>c << 3);
      store<f64>(gc, load<f64>(gc) + (f64x2.extract_lane(r, 0) + f64x2.extract_lane(r, 1)));
    }
    if (t & 2) addRowQuads<T>(g, d, k, xP, xQ, xA, xB, zs, zs2);
    else {
      xP = xA;
      xQ = xB;
    }
  }
  if (oddPairs(count)) addRowPairs<T>(g, d, k, xP, xQ, zs);
  if (joined) loss = f64x2.add(loss, vlog1p(q));
  return f64x2.extract_lane(loss, 0) + f64x2.extract_lane(loss, 1);
}

/**
 * out = Σ_i s_i·(x_i ⊗ t_i) with t_c = p_c·(a_c − Σ_c' p_c' a_c'), a_c = x_i·V_c + vb_c:
 * the data part of the Hessian times [V; vb]. P: n×k probabilities; as: 4k scratch doubles.
 * Rows in pairs, and out updated once per two pairs, as in softmaxGrad.
 */
export function softmaxHessVec(
  X: usize, d: i32, n: i32, k: i32, s: usize, P: usize, V: usize, vb: usize, out: usize, as: usize,
): void {
  softmaxHessVecT<f64>(X, d, n, k, s, P, V, vb, out, as);
}

/** softmaxHessVec over X stored as f32. */
export function softmaxHessVecF32(
  X: usize, d: i32, n: i32, k: i32, s: usize, P: usize, V: usize, vb: usize, out: usize, as: usize,
): void {
  softmaxHessVecT<f32>(X, d, n, k, s, P, V, vb, out, as);
}

// @ts-ignore: decorator
@inline function softmaxHessVecT<T>(
  X: usize, d: i32, n: i32, k: i32, s: usize, P: usize, V: usize, vb: usize, out: usize, as: usize,
): void {
  const rowBytes = rowBytesOf<T>(d);
  const vRowBytes = <usize>d << 3;
  const ob = out + <usize>k * vRowBytes;
  memory.fill(out, 0, (<usize>k * vRowBytes) + (<usize>k << 3));
  const as2 = as + (<usize>k << 4);
  let xP: usize = 0, xQ: usize = 0; // the rows of the first pair of two
  for (let i = 0; i < n; i += 2) {
    const ac = i & 2 ? as2 : as;
    const two = i + 1 < n;
    const iB = two ? i + 1 : i;
    const xA = X + <usize>i * rowBytes;
    const xB = X + <usize>iB * rowBytes;
    const pA = P + ((<usize>i * k) << 3);
    const pB = P + ((<usize>iB * k) << 3);
    let mean = f64x2.splat(0);
    for (let c = 0; c < k; c++) {
      const a = f64x2.add(dotPairOf<T>(xA, xB, V + <usize>c * vRowBytes, d), f64x2.splat(load<f64>(vb + (<usize>c << 3))));
      v128.store(ac + (<usize>c << 4), a);
      mean = f64x2.add(mean, f64x2.mul(pair(load<f64>(pA + (<usize>c << 3)), load<f64>(pB + (<usize>c << 3))), a));
    }
    const sv = pair(weightOf(s, i), two ? weightOf(s, iB) : 0.0);
    for (let c = 0; c < k; c++) {
      const o = <usize>c << 4;
      const pc = pair(load<f64>(pA + (<usize>c << 3)), load<f64>(pB + (<usize>c << 3)));
      const t = f64x2.mul(f64x2.mul(sv, pc), f64x2.sub(v128.load(ac + o), mean));
      v128.store(ac + o, t);
      const oc = ob + (<usize>c << 3);
      store<f64>(oc, load<f64>(oc) + (f64x2.extract_lane(t, 0) + f64x2.extract_lane(t, 1)));
    }
    if (i & 2) addRowQuads<T>(out, d, k, xP, xQ, xA, xB, as, as2);
    else {
      xP = xA;
      xQ = xB;
    }
  }
  if (oddPairs(n)) addRowPairs<T>(out, d, k, xP, xQ, as);
}

/** out[i·k + c] = x_i·W_c + b_c for rows 0 .. n − 1. */
export function decisionMulti(X: usize, d: i32, n: i32, k: i32, W: usize, b: usize, out: usize): void {
  const rowBytes = <usize>d << 3;
  for (let i = 0; i < n; i++) {
    const x = X + <usize>i * rowBytes;
    for (let c = 0; c < k; c++) {
      store<f64>(out + ((<usize>i * k + c) << 3), dotf64(x, W + <usize>c * rowBytes, d) + load<f64>(b + (<usize>c << 3)));
    }
  }
}
