// The Hessian-vector product at a point, handed out with the gradient there (scikit-learn's
// gradient_hessian_product). The engine keeps what the latest full pass computed (margins or
// probabilities); the product closes over its pass number and re-runs the pass at its point
// when another pass has replaced it, so it is right whatever ran in between.
import type { GradientHessian } from '../optim/types.js';

export interface PassSource {
  /** a full pass at x: J, ∇J into g, and what a Hessian-vector product needs kept in the engine */
  valueAndGradient(x: Float64Array, g: Float64Array): number;
  /** the number of the latest full pass */
  readonly passes: number;
  /** out = ∇²J·v at the point of the latest full pass */
  productAtLastPass(v: Float64Array, out: Float64Array): void;
  /** out = ∇²J (dim × dim) at the point of the latest full pass */
  matrixAtLastPass?(out: Float64Array): void;
}

export function gradientHessianOf(src: PassSource, x: Float64Array, g: Float64Array): GradientHessian {
  const value = src.valueAndGradient(x, g);
  const at = x.slice();
  let pass = src.passes;
  const current = (): void => {
    if (src.passes !== pass) {
      src.valueAndGradient(at, new Float64Array(at.length));
      pass = src.passes;
    }
  };
  const matrixAt = src.matrixAtLastPass?.bind(src);
  return {
    value,
    hvp(v, out) {
      current();
      src.productAtLastPass(v, out);
    },
    matrix: matrixAt && ((out) => {
      current();
      matrixAt(out);
    }),
  };
}
