// A whole epoch of minibatch SGD (plain, heavy-ball or Nesterov momentum) in one call, so a
// 32-row batch costs what 32 rows of a full pass cost: driving each batch from JS (copying the
// row list, w and g, one call) added 25–70% per row at d ≤ 50. The arithmetic is exactly that
// of the JS-driven path (optim/rules.ts over LogisticObjective.batchValueAndGradient), so both
// give the same bits.
import { fusedGrad, fusedGradF32, MODE_NO_LOSS } from './fused';
import { touchAhead } from './touch';

/**
 * Rows idx[0 .. count) in batches of `batch` (the last one shorter). x: the d coefficients then,
 * with fitIntercept, the intercept (dim = d + fitIntercept values); v: velocity (dim); look,
 * g: dim + 1 scratch (look[dim] receives touchAhead's sum). Per batch B, at p = x (or
 * x + βv with nesterov):
 *   G = nS/(|B|·S) · Σ_B s_i ∂ℓ/∂z x_i  (+ l2·p_j on the coefficients when l2 ≠ 0)
 *   v ← βv − ηG;  x ← x + v.
 * f32: X stored as f32. mode: the fused pass's loss bit (MODE_SQUARED).
 */
export function sgdEpoch(
  X: usize, d: i32, y: usize, s: usize, idx: usize, count: i32, batch: i32,
  x: usize, v: usize, look: usize, g: usize,
  nS: f64, S: f64, l2: f64, fitIntercept: i32, eta: f64, beta: f64, nesterov: i32, mode: i32, f32: i32,
): void {
  const dim = d + fitIntercept;
  for (let t = 0; t < count; t += batch) {
    const m = min(batch, count - t);
    store<f64>(look + (<usize>dim << 3), touchAhead(X, d, f32, idx, t + m, min(batch, count - t - m), count));
    let p = x;
    if (nesterov) {
      for (let j = 0; j < dim; j++) {
        const o = <usize>j << 3;
        store<f64>(look + o, load<f64>(x + o) + beta * load<f64>(v + o));
      }
      p = look;
    }
    const b = fitIntercept ? load<f64>(p + (<usize>d << 3)) : 0.0;
    const rows = idx + (<usize>t << 2);
    if (f32) fusedGradF32(X, d, y, s, rows, 0, m, p, b, g, 0, mode | MODE_NO_LOSS);
    else fusedGrad(X, d, y, s, rows, 0, m, p, b, g, 0, mode | MODE_NO_LOSS);
    const scale = nS / (<f64>m * S);
    // coefficients two at a time (each lane the scalar expression, so the same bits), then the
    // odd one and the unpenalised intercept
    const sv = f64x2.splat(scale);
    const lv = f64x2.splat(l2);
    const bv = f64x2.splat(beta);
    const ev = f64x2.splat(eta);
    let j = 0;
    for (; j + 2 <= d; j += 2) {
      const o = <usize>j << 3;
      let gj = f64x2.mul(sv, v128.load(g + o));
      if (l2 != 0) gj = f64x2.add(gj, f64x2.mul(lv, v128.load(p + o)));
      const vj = f64x2.sub(f64x2.mul(bv, v128.load(v + o)), f64x2.mul(ev, gj));
      v128.store(v + o, vj);
      v128.store(x + o, f64x2.add(v128.load(x + o), vj));
    }
    for (; j < dim; j++) {
      const o = <usize>j << 3;
      let gj = scale * load<f64>(g + o);
      if (l2 != 0 && j < d) gj += l2 * load<f64>(p + o);
      const vj = beta * load<f64>(v + o) - eta * gj;
      store<f64>(v + o, vj);
      store<f64>(x + o, load<f64>(x + o) + vj);
    }
  }
}
