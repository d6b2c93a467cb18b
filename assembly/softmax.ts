// Multinomial logistic regression: per row, z_c = x·W_c + b_c for the k classes, the stable
// log-sum-exp loss ℓ = m + log Σ_c e^(z_c − m) − z_y (m = max_c z_c), p_c = e^(z_c − lse),
// and G_c += s·(p_c − [c = y])·x — one read of each row (it stays in L1 for the k dots and
// sweeps). W is k×d row-major; the gradient output holds G (k×d) then the k bias sums.
// exp and log are AssemblyScript's std (fdlibm in wasm: the same bits on every engine).
import { dotf64 } from './dot';
import { rowIndex, weightOf, addRow } from './rows';

/**
 * X n×d, y class indices (i32), s weights or 0, rows as in fusedGrad (idx or row0 .. row0+count−1);
 * W k×d, b k; g: k·d + k outputs (overwritten); zs: k scratch doubles; pOut: 0 or count×k
 * probabilities (for Hessian products). Returns Σ s_i·ℓ_i.
 */
export function softmaxGrad(
  X: usize, d: i32, y: usize, s: usize, idx: usize, row0: i32, count: i32, k: i32,
  W: usize, b: usize, g: usize, zs: usize, pOut: usize,
): f64 {
  const rowBytes = <usize>d << 3;
  const gb = g + <usize>k * rowBytes;
  memory.fill(g, 0, (<usize>k * rowBytes) + (<usize>k << 3));
  let loss = 0.0;
  for (let t = 0; t < count; t++) {
    const i = rowIndex(idx, row0, t);
    const x = X + <usize>i * rowBytes;
    const yi = load<i32>(y + (<usize>i << 2));
    let m = -Infinity;
    let cm = 0;
    let zy = 0.0;
    for (let c = 0; c < k; c++) {
      const z = dotf64(x, W + <usize>c * rowBytes, d) + load<f64>(b + (<usize>c << 3));
      store<f64>(zs + (<usize>c << 3), z);
      if (z > m) {
        m = z;
        cm = c;
      }
      if (c == yi) zy = z;
    }
    let rest = 0.0; // Σ over c ≠ argmax of e^(z_c − m): sum = 1 + rest
    for (let c = 0; c < k; c++) {
      const e = c == cm ? 1.0 : Math.exp(load<f64>(zs + (<usize>c << 3)) - m);
      store<f64>(zs + (<usize>c << 3), e); // zs now holds e^(z_c − m)
      if (c != cm) rest += e;
    }
    const sum = 1.0 + rest;
    const si = weightOf(s, i);
    // ℓ = log1p(rest) + (m − z_y): no overflow, and tiny losses keep their relative precision
    loss += si * (Math.log1p(rest) + (m - zy));
    const inv = 1.0 / sum;
    for (let c = 0; c < k; c++) {
      const p = load<f64>(zs + (<usize>c << 3)) * inv;
      if (pOut) store<f64>(pOut + ((<usize>t * k + c) << 3), p);
      // p_y − 1 = −rest/sum when y is the argmax: exact even as p_y → 1
      const r = si * (c == yi ? (c == cm ? -rest * inv : p - 1.0) : p);
      store<f64>(gb + (<usize>c << 3), load<f64>(gb + (<usize>c << 3)) + r);
      addRow<f64>(g + <usize>c * rowBytes, d, x, r);
    }
  }
  return loss;
}

/**
 * out = Σ_i s_i·(x_i ⊗ t_i) with t_c = p_c·(a_c − Σ_c' p_c' a_c'), a_c = x_i·V_c + vb_c:
 * the data part of the Hessian times [V; vb]. P: n×k probabilities; as: k scratch doubles.
 */
export function softmaxHessVec(
  X: usize, d: i32, n: i32, k: i32, s: usize, P: usize, V: usize, vb: usize, out: usize, as: usize,
): void {
  const rowBytes = <usize>d << 3;
  const ob = out + <usize>k * rowBytes;
  memory.fill(out, 0, (<usize>k * rowBytes) + (<usize>k << 3));
  for (let i = 0; i < n; i++) {
    const x = X + <usize>i * rowBytes;
    const p = P + ((<usize>i * k) << 3);
    let mean = 0.0;
    for (let c = 0; c < k; c++) {
      const a = dotf64(x, V + <usize>c * rowBytes, d) + load<f64>(vb + (<usize>c << 3));
      store<f64>(as + (<usize>c << 3), a);
      mean += load<f64>(p + (<usize>c << 3)) * a;
    }
    const si = weightOf(s, i);
    for (let c = 0; c < k; c++) {
      const t = si * load<f64>(p + (<usize>c << 3)) * (load<f64>(as + (<usize>c << 3)) - mean);
      store<f64>(ob + (<usize>c << 3), load<f64>(ob + (<usize>c << 3)) + t);
      addRow<f64>(out + <usize>c * rowBytes, d, x, t);
    }
  }
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
