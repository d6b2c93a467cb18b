// A SAGA epoch over CSR rows with just-in-time updates (the lagged updates of scikit-learn's
// sparse SAG/SAGA): per batch, only the columns of its rows are brought up to date, used and
// stepped; the steps a column missed are applied in closed form when it is next touched and at
// the end of the epoch. The cost is the batch's non-zeros, not d.
// A step on a column j the batch does not touch is x ← σ·soft(x − c, θ) with c = η·avg_j
// (constant while j is untouched), θ = thresh, σ = shrink: k such steps from x are, while
// x − c stays beyond θ on one side (p = c + θ above, q = c − θ below), x_k = σ^k·x − p·Σ_{u≤k} σ^u
// (or q), from the tables pw[k] = σ^k and cs[k] = Σ_{u=1..k} σ^u. The phase can change at most
// twice (to 0, then it stays or leaves on the other side for good), found by bisection.
import { xAt } from './elem';
import { expNegAbs, residual } from './pointwise';
import { pair, rowIndex, weightOf } from './rows';
import { MODE_SQUARED } from './fused';

/** k lagged steps from x (see above); tables pw, cs hold k + 1 entries at least. */
function lagged(x: f64, k: i32, c: f64, theta: f64, pw: usize, cs: usize): f64 {
  if (theta == 0) return load<f64>(pw + (<usize>k << 3)) * x - c * load<f64>(cs + (<usize>k << 3));
  while (k > 0) {
    const p = c + theta;
    const q = c - theta;
    if (x > p || x < q) {
      const e = x > p ? p : q;
      const up = x > p;
      // the first j in 1 .. k whose x_j has left the phase, or k + 1
      let lo = 1, hi = k + 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const xm = load<f64>(pw + (<usize>mid << 3)) * x - e * load<f64>(cs + (<usize>mid << 3));
        if (up ? xm <= p : xm >= q) hi = mid;
        else lo = mid + 1;
      }
      const j = lo > k ? k : lo;
      x = load<f64>(pw + (<usize>j << 3)) * x - e * load<f64>(cs + (<usize>j << 3));
      k -= j;
    } else {
      x = 0;
      k -= 1;
      if (-c <= theta && -c >= -theta) return 0; // from 0 every further step stays at 0
    }
  }
  return x;
}

// Each column's state is one 32-byte record of W (x, avg, g, last step as i32): the epoch's
// accesses at a column then touch one cache line, not four arrays'.
// @ts-ignore: decorator
@inline function rec(W: usize, j: usize): usize {
  return W + (j << 5);
}

/** Column j's record brought to step t (the steps since its last one applied lazily). */
// @ts-ignore: decorator
@inline function sync(r: usize, t: i32, pw: usize, cs: usize, eta: f64, theta: f64): void {
  const k = t - load<i32>(r, 24);
  if (k > 0) {
    const c = eta * load<f64>(r, 8);
    // L2 only: one closed form, inline; with L1 the phases (lagged)
    const o = <usize>k << 3;
    store<f64>(r, theta == 0 ? load<f64>(pw + o) * load<f64>(r) - c * load<f64>(cs + o) : lagged(load<f64>(r), k, c, theta, pw, cs));
    store<i32>(r, t, 24);
  }
}

/**
 * sagaEpoch's contract (assembly/saga.ts) over CSR rows: batches of `batch` rows of idx[0 ..
 * count); W holds each coefficient's record (x, avg, g = 0, last = 0; left with g = last = 0),
 * xb and ab the intercept and its avg (with fitIntercept); all d coefficients are penalized.
 * pw, cs: ceil(count/batch) + 1 entries.
 */
export function csrSagaEpoch(
  P: usize, J: usize, V: usize, d: i32, y: usize, s: usize, idx: usize, count: i32, batch: i32,
  W: usize, xb: usize, ab: usize, table: usize, pw: usize, cs: usize,
  scale: f64, rows: f64, eta: f64, thresh: f64, shrink: f64, fitIntercept: i32, mode: i32, f32: i32,
): void {
  if (thresh == 0) {
    if (f32) csrSagaEpochL2<f32>(P, J, V, d, y, s, idx, count, batch, W, xb, ab, table, scale, rows, eta, shrink, fitIntercept, mode);
    else csrSagaEpochL2<f64>(P, J, V, d, y, s, idx, count, batch, W, xb, ab, table, scale, rows, eta, shrink, fitIntercept, mode);
  } else if (f32) csrSagaEpochT<f32>(P, J, V, d, y, s, idx, count, batch, W, xb, ab, table, pw, cs, scale, rows, eta, thresh, shrink, fitIntercept, mode);
  else csrSagaEpochT<f64>(P, J, V, d, y, s, idx, count, batch, W, xb, ab, table, pw, cs, scale, rows, eta, thresh, shrink, fitIntercept, mode);
}

/** Below this the scale s is folded into v (every column caught up) before it can underflow. */
const MIN_SCALE: f64 = 1e-150;

/**
 * The L2-only epoch in scikit-learn's scaled form: x_j = s·v_j, so the shrink of every step is
 * s ← σ·s, and an untouched column's step x ← σ(x − η·avg_j) is v_j ← v_j − avg_j·η/s. With
 * C = Σ η/s over the steps so far, a column caught up at C' needs v_j −= avg_j·(C − C'): no table
 * read. The record's last field (offset 24) holds C' as f64 here; it is 0 between epochs.
 */
// @ts-ignore: decorator
@inline function csrSagaEpochL2<T>(
  P: usize, J: usize, V: usize, d: i32, y: usize, s: usize, idx: usize, count: i32, batch: i32,
  W: usize, xb: usize, ab: usize, table: usize,
  scale: f64, rows: f64, eta: f64, shrink: f64, fitIntercept: i32, mode: i32,
): void {
  const squared = mode & MODE_SQUARED;
  let sc = 1.0; // s
  let C = 0.0;
  for (let t0 = 0; t0 < count; t0 += batch) {
    const m = min(batch, count - t0);
    // 1. the batch's columns up to date (their C' = C)
    for (let r = 0; r < m; r++) {
      const i = rowIndex(idx, 0, t0 + r);
      const k1 = load<i32>(P + (<usize>i << 2), 4);
      for (let k = load<i32>(P + (<usize>i << 2)); k < k1; k++) catchUp(rec(W, <usize>load<i32>(J + (<usize>k << 2))), C);
    }
    // 2. residuals at x = s·v, their change against the table (one row: the step at once)
    const b = fitIntercept ? load<f64>(xb) : 0.0;
    const step = eta / sc; // this step's increment of C
    const Cn = C + step;
    let gb = 0.0;
    for (let r = 0; r < m; r++) {
      const i = rowIndex(idx, 0, t0 + r);
      const k0 = load<i32>(P + (<usize>i << 2));
      const k1 = load<i32>(P + (<usize>i << 2), 4);
      const delta = rowDelta<T>(J, V, W, k0, k1, sc, b, y, s, i, scale, table, squared);
      let k = k0;
      gb += delta;
      if (m == 1)
        for (k = k0; k < k1; k++) stepL2(rec(W, <usize>load<i32>(J + (<usize>k << 2))), delta * xAt<T>(V, k), 1, step, Cn, rows);
      else addToG<T>(W, J, V, k0, k1, delta);
    }
    // 3. (batches) the step on each touched column once: C' = Cn marks it done, g back to 0
    const inv = 1 / <f64>m;
    if (m > 1)
      for (let r = 0; r < m; r++) {
        const i = rowIndex(idx, 0, t0 + r);
        const k1 = load<i32>(P + (<usize>i << 2), 4);
        for (let k = load<i32>(P + (<usize>i << 2)); k < k1; k++) {
          const rj = rec(W, <usize>load<i32>(J + (<usize>k << 2)));
          if (load<f64>(rj, 24) == Cn) continue;
          stepL2(rj, load<f64>(rj, 16), inv, step, Cn, rows);
          store<f64>(rj, 0, 16);
        }
      }
    if (fitIntercept) {
      store<f64>(xb, load<f64>(xb) - eta * (gb * inv + load<f64>(ab)));
      store<f64>(ab, load<f64>(ab) + gb / rows);
    }
    C = Cn;
    sc *= shrink;
    if (sc < MIN_SCALE) {
      foldScale(W, d, C, sc);
      sc = 1;
      C = 0;
    }
  }
  foldScale(W, d, C, sc);
}

/** v_j brought to C (its lagged steps). */
// @ts-ignore: decorator
@inline function catchUp(rj: usize, C: f64): void {
  const c0 = load<f64>(rj, 24);
  if (c0 != C) {
    store<f64>(rj, load<f64>(rj) - load<f64>(rj, 8) * (C - c0));
    store<f64>(rj, C, 24);
  }
}

/** A touched column's step in v: its avg part through C (now Cn), its gradient part η·gj·inv/s. */
// @ts-ignore: decorator
@inline function stepL2(rj: usize, gj: f64, inv: f64, step: f64, Cn: f64, rows: f64): void {
  const aj = load<f64>(rj, 8);
  store<f64>(rj, load<f64>(rj) - step * (gj * inv + aj));
  store<f64>(rj, Cn, 24);
  store<f64>(rj, aj + gj / rows, 8);
}

/** Every column caught up to C and x = s·v stored back; C' = 0. */
function foldScale(W: usize, d: i32, C: f64, sc: f64): void {
  for (let j = 0; j < d; j++) {
    const rj = rec(W, <usize>j);
    catchUp(rj, C);
    store<f64>(rj, sc * load<f64>(rj));
    store<f64>(rj, 0, 24);
  }
}

// @ts-ignore: decorator
@inline function csrSagaEpochT<T>(
  P: usize, J: usize, V: usize, d: i32, y: usize, s: usize, idx: usize, count: i32, batch: i32,
  W: usize, xb: usize, ab: usize, table: usize, pw: usize, cs: usize,
  scale: f64, rows: f64, eta: f64, thresh: f64, shrink: f64, fitIntercept: i32, mode: i32,
): void {
  const squared = mode & MODE_SQUARED;
  let t = 0; // steps done
  for (let t0 = 0; t0 < count; t0 += batch) {
    const m = min(batch, count - t0);
    // 1. the batch's columns up to date
    for (let r = 0; r < m; r++) {
      const i = rowIndex(idx, 0, t0 + r);
      const k1 = load<i32>(P + (<usize>i << 2), 4);
      for (let k = load<i32>(P + (<usize>i << 2)); k < k1; k++) sync(rec(W, <usize>load<i32>(J + (<usize>k << 2))), t, pw, cs, eta, thresh);
    }
    // 2. residuals at x, their change against the table into g (a batch of one row steps at once)
    const b = fitIntercept ? load<f64>(xb) : 0.0;
    let gb = 0.0;
    for (let r = 0; r < m; r++) {
      const i = rowIndex(idx, 0, t0 + r);
      const k0 = load<i32>(P + (<usize>i << 2));
      const k1 = load<i32>(P + (<usize>i << 2), 4);
      const delta = rowDelta<T>(J, V, W, k0, k1, 1, b, y, s, i, scale, table, squared);
      let k = k0;
      gb += delta;
      if (m == 1) {
        // the row's columns are distinct: each steps with g_j = delta·x_ij directly
        for (k = k0; k < k1; k++) {
          const rj = rec(W, <usize>load<i32>(J + (<usize>k << 2)));
          step1(rj, delta * xAt<T>(V, k), 1, eta, thresh, shrink, rows);
          store<i32>(rj, t + 1, 24);
        }
      } else addToG<T>(W, J, V, k0, k1, delta);
    }
    // 3. the step on each touched column once (last = t + 1 marks it done), g back to 0
    const inv = 1 / <f64>m;
    if (m > 1)
      for (let r = 0; r < m; r++) {
        const i = rowIndex(idx, 0, t0 + r);
        const k1 = load<i32>(P + (<usize>i << 2), 4);
        for (let k = load<i32>(P + (<usize>i << 2)); k < k1; k++) {
          const rj = rec(W, <usize>load<i32>(J + (<usize>k << 2)));
          if (load<i32>(rj, 24) > t) continue;
          store<i32>(rj, t + 1, 24);
          step1(rj, load<f64>(rj, 16), inv, eta, thresh, shrink, rows);
          store<f64>(rj, 0, 16);
        }
      }
    if (fitIntercept) {
      store<f64>(xb, load<f64>(xb) - eta * (gb * inv + load<f64>(ab)));
      store<f64>(ab, load<f64>(ab) + gb / rows);
    }
    t++;
  }
  // every column to the epoch's last step; last back to 0 for the next epoch
  for (let j = 0; j < d; j++) {
    const rj = rec(W, <usize>j);
    sync(rj, t, pw, cs, eta, thresh);
    store<i32>(rj, 0, 24);
  }
}

/**
 * Row i's residual change: z = xScale·(x_i·x) + b over the records, r = scale·s_i·∂ℓ/∂z; returns
 * r − table[i] and stores r in the table.
 */
// @ts-ignore: decorator
@inline function rowDelta<T>(
  J: usize, V: usize, W: usize, k0: i32, k1: i32, xScale: f64, b: f64,
  y: usize, s: usize, i: i32, scale: f64, table: usize, squared: i32,
): f64 {
  let s0 = 0.0, s1 = 0.0;
  let k = k0;
  for (; k + 2 <= k1; k += 2) {
    s0 += xAt<T>(V, k) * load<f64>(rec(W, <usize>load<i32>(J + (<usize>k << 2))));
    s1 += xAt<T>(V, k + 1) * load<f64>(rec(W, <usize>load<i32>(J + (<usize>k << 2), 4)));
  }
  if (k < k1) s0 += xAt<T>(V, k) * load<f64>(rec(W, <usize>load<i32>(J + (<usize>k << 2))));
  const zv = pair(xScale * (s0 + s1) + b, 0);
  const yv = pair(load<f64>(y + (<usize>i << 3)), 0);
  const sv = pair(scale * weightOf(s, i), 0);
  const e = expNegAbs(zv);
  const rv = squared ? residual(zv, yv, sv, e, 1) : residual(zv, yv, sv, e, 0);
  const tp = table + (<usize>i << 3);
  const delta = f64x2.extract_lane(rv, 0) - load<f64>(tp);
  store<f64>(tp, f64x2.extract_lane(rv, 0));
  return delta;
}

/** The step of saga.ts on a touched column's record, its batch gradient sum gj. */
// @ts-ignore: decorator
/** A batch's row: g_j += delta·x_ij in each column's record (the step follows once per column). */
@inline function addToG<T>(W: usize, J: usize, V: usize, k0: i32, k1: i32, delta: f64): void {
  for (let k = k0; k < k1; k++) {
    const rj = rec(W, <usize>load<i32>(J + (<usize>k << 2)));
    store<f64>(rj, load<f64>(rj, 16) + delta * xAt<T>(V, k), 16);
  }
}

@inline function step1(rj: usize, gj: f64, inv: f64, eta: f64, thresh: f64, shrink: f64, rows: f64): void {
  const aj = load<f64>(rj, 8);
  const step = load<f64>(rj) - eta * (gj * inv + aj);
  store<f64>(rj, softThreshold(step, thresh) * shrink);
  store<f64>(rj, aj + gj / rows, 8);
}

/** sign(v)·max(|v| − t, 0) as optim/l1.ts writes it: exactly 0 inside [−t, t]. */
// @ts-ignore: decorator
@inline function softThreshold(v: f64, t: f64): f64 {
  return v > t ? v - t : v < -t ? v + t : 0;
}
