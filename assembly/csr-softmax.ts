// The multinomial passes of softmax.ts over X in CSR form (P, J, V as in csr.ts): per row the k
// margins by gathers from W, the same stable log-sum-exp loss and residuals, and G_c += r_c·x
// by scatters. One row at a time: a sparse row's cost is its k gathers and scatters.
import { gatherRange as gather, scatterRange as scatter } from './csr';
import { rowIndex, weightOf } from './rows';
import { vexpNeg, vlog1p } from './vmath';

// @ts-ignore: decorator
@inline function expNeg1(x: f64): f64 {
  return f64x2.extract_lane(vexpNeg(f64x2.splat(x)), 0);
}

/**
 * softmaxGrad's contract over CSR rows: y class indices (i32), s weights or 0, rows idx or
 * row0 .. row0 + count − 1; W k×d, b k; g (k·d + k, overwritten); zs: k scratch doubles;
 * pOut: 0 or count×k probabilities. Returns Σ s_i·ℓ_i.
 */
export function csrSoftmaxGrad(
  P: usize, J: usize, V: usize, d: i32, y: usize, s: usize, idx: usize, row0: i32, count: i32, k: i32,
  W: usize, b: usize, g: usize, zs: usize, pOut: usize,
): f64 {
  return csrSoftmaxGradT<f64>(P, J, V, d, y, s, idx, row0, count, k, W, b, g, zs, pOut);
}

export function csrSoftmaxGradF32(
  P: usize, J: usize, V: usize, d: i32, y: usize, s: usize, idx: usize, row0: i32, count: i32, k: i32,
  W: usize, b: usize, g: usize, zs: usize, pOut: usize,
): f64 {
  return csrSoftmaxGradT<f32>(P, J, V, d, y, s, idx, row0, count, k, W, b, g, zs, pOut);
}

// @ts-ignore: decorator
@inline function csrSoftmaxGradT<T>(
  P: usize, J: usize, V: usize, d: i32, y: usize, s: usize, idx: usize, row0: i32, count: i32, k: i32,
  W: usize, b: usize, g: usize, zs: usize, pOut: usize,
): f64 {
  const wRowBytes = <usize>d << 3;
  const gb = g + <usize>k * wRowBytes;
  memory.fill(g, 0, (<usize>k * wRowBytes) + (<usize>k << 3));
  let loss = 0.0;
  for (let t = 0; t < count; t++) {
    const i = rowIndex(idx, row0, t);
    const k0 = load<i32>(P + (<usize>i << 2));
    const k1 = load<i32>(P + (<usize>i << 2), 4);
    // margins, their max m and the first class cm that reaches it
    let m = 0.0;
    let cm = 0;
    for (let c = 0; c < k; c++) {
      const z = gather<T>(J, V, k0, k1, W + <usize>c * wRowBytes) + load<f64>(b + (<usize>c << 3));
      store<f64>(zs + (<usize>c << 3), z);
      if (c == 0 || z > m) {
        m = z;
        cm = c;
      }
    }
    const yi = load<i32>(y + (<usize>i << 2));
    const zy = load<f64>(zs + (<usize>yi << 3));
    // e_c = e^(z_c − m), exactly 1 at cm; rest = Σ over c ≠ cm
    let rest = 0.0;
    for (let c = 0; c < k; c++) {
      const o = zs + (<usize>c << 3);
      const e = expNeg1(load<f64>(o) - m);
      store<f64>(o, e);
      if (c != cm) rest += e;
    }
    const si = weightOf(s, i);
    loss += si * (f64x2.extract_lane(vlog1p(f64x2.splat(rest)), 0) + (m - zy));
    const inv = 1.0 / (1.0 + rest);
    for (let c = 0; c < k; c++) {
      const p = load<f64>(zs + (<usize>c << 3)) * inv;
      if (pOut) store<f64>(pOut + ((<usize>t * k + c) << 3), p);
      // p_y − 1 as −rest/sum when y is the argmax: exact as p_y → 1
      const r = si * (c == yi ? (c == cm ? -rest * inv : p - 1.0) : p);
      const gc = gb + (<usize>c << 3);
      store<f64>(gc, load<f64>(gc) + r);
      scatter<T>(J, V, k0, k1, r, g + <usize>c * wRowBytes);
    }
  }
  return loss;
}

/**
 * softmaxHessVec's contract over CSR rows row0 .. row0 + n − 1 (Pr: the probabilities of those
 * rows, n×k, from the row0 shard's pOut); as: k scratch doubles.
 */
export function csrSoftmaxHessVec(
  P: usize, J: usize, V: usize, d: i32, row0: i32, n: i32, k: i32, s: usize, Pr: usize, Vm: usize, vb: usize, out: usize, as: usize,
): void {
  csrSoftmaxHessVecT<f64>(P, J, V, d, row0, n, k, s, Pr, Vm, vb, out, as);
}

export function csrSoftmaxHessVecF32(
  P: usize, J: usize, V: usize, d: i32, row0: i32, n: i32, k: i32, s: usize, Pr: usize, Vm: usize, vb: usize, out: usize, as: usize,
): void {
  csrSoftmaxHessVecT<f32>(P, J, V, d, row0, n, k, s, Pr, Vm, vb, out, as);
}

// @ts-ignore: decorator
@inline function csrSoftmaxHessVecT<T>(
  P: usize, J: usize, V: usize, d: i32, row0: i32, n: i32, k: i32, s: usize, Pr: usize, Vm: usize, vb: usize, out: usize, as: usize,
): void {
  const vRowBytes = <usize>d << 3;
  const ob = out + <usize>k * vRowBytes;
  memory.fill(out, 0, (<usize>k * vRowBytes) + (<usize>k << 3));
  for (let t = 0; t < n; t++) {
    const i = row0 + t;
    const k0 = load<i32>(P + (<usize>i << 2));
    const k1 = load<i32>(P + (<usize>i << 2), 4);
    const pr = Pr + ((<usize>t * k) << 3);
    let mean = 0.0;
    for (let c = 0; c < k; c++) {
      const a = gather<T>(J, V, k0, k1, Vm + <usize>c * vRowBytes) + load<f64>(vb + (<usize>c << 3));
      store<f64>(as + (<usize>c << 3), a);
      mean += load<f64>(pr + (<usize>c << 3)) * a;
    }
    const si = weightOf(s, i);
    for (let c = 0; c < k; c++) {
      const r = si * load<f64>(pr + (<usize>c << 3)) * (load<f64>(as + (<usize>c << 3)) - mean);
      const oc = ob + (<usize>c << 3);
      store<f64>(oc, load<f64>(oc) + r);
      scatter<T>(J, V, k0, k1, r, out + <usize>c * vRowBytes);
    }
  }
}
