// Second-order information at a point for the Newton solvers and inference: J, ∇J and the
// Hessian-vector product (the objective's own, or one built on hessianVectorProduct), and the
// full Hessian (the objective's one-pass matrix, or one Hessian-vector product per column).
import type { AnyObjective, GradientHessian, OptimizeOptions } from './types.js';
import { isThenable, settle, type Pending } from './pending.js';
import { LogRegError } from '../core/errors.js';
import { Monitor, requireSmooth } from './monitor.js';

/** What the Newton solvers start from: the first evaluation at x0 and the monitor. */
export function* secondOrderStart(obj: AnyObjective, x0: Float64Array, opts: OptimizeOptions, method: string) {
  requireSmooth(obj, method);
  const evaluate = hessianAt(obj, method);
  const x = Float64Array.from(x0);
  const g = new Float64Array(obj.dim);
  const at = yield* evaluate(x, g);
  return { evaluate, x, g, at, mon: new Monitor(obj, opts, x, at.value) };
}

/** J, ∇J and the Hessian-vector product at a point (awaited when the objective answers later). */
export function hessianAt(obj: AnyObjective, method: string): (x: Float64Array, g: Float64Array) => Generator<Pending, GradientHessian, unknown> {
  const gh = obj.gradientHessian?.bind(obj);
  if (gh) return (x, g) => settle<GradientHessian>(gh(x, g));
  const hvp = 'hessianVectorProduct' in obj ? obj.hessianVectorProduct?.bind(obj) : undefined;
  if (!hvp)
    throw new LogRegError('INVALID_OPTION', `method '${method}' needs an objective with hessianVectorProduct or gradientHessian`, { option: 'solver' });
  return function* (x, g) {
    const point = x.slice(); // the solvers reuse their buffers
    const answer = obj.valueAndGradient(x, g);
    if (isThenable(answer))
      throw new LogRegError('INVALID_OPTION', `method '${method}' awaits an objective only through its gradientHessian`, { option: 'solver' });
    return { value: answer, hvp: (v: Float64Array, out: Float64Array) => hvp(point, v, out) };
  };
}

/** The most parameters a full Hessian is formed for: 10000² doubles are 800 MB (and d³/6 to factor). */
export const FULL_HESSIAN_MAX_DIM = 10000;

/** A typed error, before any allocation, where the full Hessian of `n` parameters is too large. */
export function fullHessianOrFail(n: number, what: string): void {
  if (n > FULL_HESSIAN_MAX_DIM)
    throw new LogRegError(
      'INVALID_OPTION',
      `${what} forms the full ${n} × ${n} Hessian (${((8 * n * n) / 2 ** 30).toFixed(1)} GiB); at most ${FULL_HESSIAN_MAX_DIM} parameters: use solver 'newton' (Hessian-vector products) or 'lbfgs'`,
      { option: 'solver' },
    );
}

/** out (n × n, row-major, symmetric) = ∇²J at the point of `at`. */
export function hessianMatrix(at: GradientHessian, n: number, out: Float64Array): void {
  if (at.matrix) {
    at.matrix(out);
    return;
  }
  const e = new Float64Array(n);
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    at.hvp(e, col);
    for (let i = 0; i < n; i++) out[i * n + j] = col[i];
  }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) out[i * n + j] = out[j * n + i] = 0.5 * (out[i * n + j] + out[j * n + i]);
}
