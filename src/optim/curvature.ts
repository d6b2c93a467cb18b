// An estimate of L, the largest eigenvalue of ∇²J at x, by power iteration on finite-difference
// Hessian-vector products Hv ≈ (∇J(x + h·v) − ∇J(x))/h. For the log loss ∇²J is largest at
// w = 0 (σ' <= 1/4 with equality at z = 0), so from x₀ = 0 the estimate bounds L everywhere.
// Default step of the fixed-step methods: 1/L.
import type { Objective } from './types.js';
import { normInf } from './vec.js';

export function estimateCurvature(obj: Objective, x: Float64Array, g: Float64Array, iterations = 10): number {
  const n = obj.dim;
  const v = new Float64Array(n);
  // start from the gradient direction (plus a constant so a zero gradient still works)
  for (let i = 0; i < n; i++) v[i] = g[i] + 1 / Math.sqrt(n);
  const xh = new Float64Array(n);
  const gh = new Float64Array(n);
  let lambda = 0;
  for (let k = 0; k < iterations; k++) {
    let norm = 0;
    for (let i = 0; i < n; i++) norm += v[i] * v[i];
    norm = Math.sqrt(norm);
    if (!(norm > 0) || !Number.isFinite(norm)) break;
    const h = 1e-6 * Math.max(1, normInf(x)) / norm;
    for (let i = 0; i < n; i++) xh[i] = x[i] + h * v[i];
    obj.valueAndGradient(xh, gh);
    let hvNorm = 0;
    for (let i = 0; i < n; i++) {
      v[i] = (gh[i] - g[i]) / h / norm;
      hvNorm += v[i] * v[i];
    }
    lambda = Math.sqrt(hvNorm);
  }
  return lambda > 0 && Number.isFinite(lambda) ? lambda : 1;
}
