// The data part of the full Hessian for newton-cholesky: H = Σ D_i [x_i; 1][x_i; 1]ᵀ in one pass
// over X. Rows are taken a panel at a time and transposed into scratch (each column of the panel,
// and D times it, contiguous), so that each 2 × 4 block of H sums a panel's products in
// registers: a rank-1 update per row would load and store H for every row.
import { xAt, xPair } from './elem';
import { pair } from './rows';

/** Rows per panel: both panels of a 64-feature problem stay in L1 (2·68·16·8 bytes = 17 KiB). */
const PANEL = 16;

/** Bytes of scratch gram() needs for d features: two panels and the padded running sums. */
export function gramScratchBytes(d: i32): usize {
  const mp = <usize>padded(d);
  return (2 * mp * PANEL + mp * mp) << 3;
}

/**
 * out ((d + 1) × (d + 1), row-major) = Σ over rows 0 .. n − 1 of D_i·[x_i; 1][x_i; 1]ᵀ, upper
 * triangle and diagonal (the host mirrors it); `scratch` holds gramScratchBytes(d) bytes.
 */
export function gram(X: usize, d: i32, n: i32, D: usize, out: usize, scratch: usize): void {
  gramT<f64>(X, d, n, D, out, scratch);
}

export function gramF32(X: usize, d: i32, n: i32, D: usize, out: usize, scratch: usize): void {
  gramT<f32>(X, d, n, D, out, scratch);
}

/** d + 1 columns (the intercept's ones last), rounded up to the 4-column blocks. */
// @ts-ignore: decorator
@inline function padded(d: i32): i32 {
  return (d + 4) & ~3;
}

// @ts-ignore: decorator
@inline function gramT<T>(X: usize, d: i32, n: i32, D: usize, out: usize, scratch: usize): void {
  const m = d + 1;
  const mp = padded(d);
  const P8: usize = PANEL << 3;
  const Tp = scratch; // mp columns of the panel, PANEL values each
  const Up = Tp + <usize>mp * P8; // the same, times D
  const acc = Up + <usize>mp * P8; // mp × mp running sums
  memory.fill(scratch, 0, gramScratchBytes(d)); // padding columns stay zero
  const rowBytes = <usize>d * sizeof<T>();
  for (let i0 = 0; i0 < n; i0 += PANEL) {
    const p = min(PANEL, n - i0);
    // two rows at a time: each pair of columns becomes two column pairs by one shuffle each
    let r = 0;
    for (; r + 2 <= p; r += 2) {
      const xa = X + <usize>(i0 + r) * rowBytes;
      const xb = xa + rowBytes;
      const dv = v128.load(D + (<usize>(i0 + r) << 3));
      let t = Tp + (<usize>r << 3);
      let u = Up + (<usize>r << 3);
      let j = 0;
      for (; j + 2 <= d; j += 2, t += 2 * P8, u += 2 * P8) {
        const a = xPair<T>(xa, j);
        const b = xPair<T>(xb, j);
        const c0 = v128.shuffle<f64>(a, b, 0, 2);
        const c1 = v128.shuffle<f64>(a, b, 1, 3);
        v128.store(t, c0);
        v128.store(t + P8, c1);
        v128.store(u, f64x2.mul(dv, c0));
        v128.store(u + P8, f64x2.mul(dv, c1));
      }
      if (j < d) {
        const c = pair(xAt<T>(xa, j), xAt<T>(xb, j));
        v128.store(t, c);
        v128.store(u, f64x2.mul(dv, c));
        t += P8;
        u += P8;
      }
      v128.store(t, f64x2.splat(1.0));
      v128.store(u, dv);
    }
    if (r < p) {
      const x = X + <usize>(i0 + r) * rowBytes;
      const dr = load<f64>(D + (<usize>(i0 + r) << 3));
      let t = Tp + (<usize>r << 3);
      let u = Up + (<usize>r << 3);
      for (let j = 0; j < d; j++, t += P8, u += P8) {
        const v = xAt<T>(x, j);
        store<f64>(t, v);
        store<f64>(u, dr * v);
      }
      store<f64>(t, 1.0);
      store<f64>(u, dr);
    }
    // an odd last panel: one zero row so the blocks run over pairs
    const pe = (p + 1) & ~1;
    if (pe > p) {
      for (let j = 0; j < m; j++) {
        store<f64>(Tp + <usize>j * P8 + (<usize>p << 3), 0.0);
        store<f64>(Up + <usize>j * P8 + (<usize>p << 3), 0.0);
      }
    }
    panelProducts(Tp, Up, m, mp, pe, acc);
  }
  const ld = <usize>m;
  for (let j = 0; j < m; j++)
    for (let k = j; k < m; k++) store<f64>(out + ((<usize>j * ld + k) << 3), load<f64>(acc + ((<usize>j * mp + k) << 3)));
}

/** acc += the panel's T·Uᵀ over its first pe rows, upper block triangle (shared by both storages). */
function panelProducts(Tp: usize, Up: usize, m: i32, mp: i32, pe: i32, acc: usize): void {
  const P8: usize = PANEL << 3;
  for (let j = 0; j < m; j += 2)
    for (let k = j & ~3; k < m; k += 4) block(Tp + <usize>j * P8, Up + <usize>k * P8, pe, acc + ((<usize>j * mp + k) << 3), mp);
}

/** acc[a][c] += Σ_r T[j + a][r]·U[k + c][r] for a < 2, c < 4, over rows r < pe of the panel. */
// @ts-ignore: decorator
@inline function block(t: usize, u: usize, pe: i32, acc: usize, mp: i32): void {
  const P8: usize = PANEL << 3;
  let a00 = f64x2.splat(0), a01 = f64x2.splat(0), a02 = f64x2.splat(0), a03 = f64x2.splat(0);
  let a10 = f64x2.splat(0), a11 = f64x2.splat(0), a12 = f64x2.splat(0), a13 = f64x2.splat(0);
  const end = t + (<usize>pe << 3);
  for (let tp = t, up = u; tp < end; tp += 16, up += 16) {
    const t0 = v128.load(tp);
    const t1 = v128.load(tp + P8);
    const u0 = v128.load(up);
    const u1 = v128.load(up + P8);
    const u2 = v128.load(up + 2 * P8);
    const u3 = v128.load(up + 3 * P8);
    a00 = f64x2.add(a00, f64x2.mul(t0, u0));
    a01 = f64x2.add(a01, f64x2.mul(t0, u1));
    a02 = f64x2.add(a02, f64x2.mul(t0, u2));
    a03 = f64x2.add(a03, f64x2.mul(t0, u3));
    a10 = f64x2.add(a10, f64x2.mul(t1, u0));
    a11 = f64x2.add(a11, f64x2.mul(t1, u1));
    a12 = f64x2.add(a12, f64x2.mul(t1, u2));
    a13 = f64x2.add(a13, f64x2.mul(t1, u3));
  }
  const row1 = acc + (<usize>mp << 3);
  addPair(acc, a00, a01);
  addPair(acc + 16, a02, a03);
  addPair(row1, a10, a11);
  addPair(row1 + 16, a12, a13);
}

/** [q0; q1] += [a's two lanes summed, b's two lanes summed]. */
// @ts-ignore: decorator
@inline function addPair(q: usize, a: v128, b: v128): void {
  const lo = v128.shuffle<f64>(a, b, 0, 2);
  const hi = v128.shuffle<f64>(a, b, 1, 3);
  v128.store(q, f64x2.add(v128.load(q), f64x2.add(lo, hi)));
}
