// What optimisers see: an objective J over a parameter vector, never the kernels or wasm.

/** A smooth objective. valueAndGradient writes ∇J(x) into g and returns J(x). */
export interface Objective {
  readonly dim: number;
  valueAndGradient(x: Float64Array, g: Float64Array): number;
}

/** An objective that is a mean over samples, so a subset of rows gives an unbiased estimate. */
export interface StochasticObjective extends Objective {
  readonly nSamples: number;
  /** Estimate of J and ∇J from the rows in `indices` (unbiased for a uniform random batch). */
  batchValueAndGradient(x: Float64Array, g: Float64Array, indices: Int32Array): number;
}

export interface IterationInfo {
  iteration: number;
  loss: number;
  gradientNorm: number;
}

export type StopReason =
  | 'converged' // ‖∇J‖∞ <= tol·max(1, ‖∇J(x0)‖∞)
  | 'maxIter' // the iteration budget ran out
  | 'lineSearch' // no step along the search direction decreased J (at the limit of precision)
  | 'nonFinite' // a step produced a non-finite value; the last finite iterate is returned
  | 'callback'; // onIteration returned false

export interface OptimizeResult {
  x: Float64Array;
  value: number;
  gradientNorm: number;
  nIter: number;
  converged: boolean;
  reason: StopReason;
  lossHistory: number[];
}

export type Schedule = 'constant' | 'invscaling';

export interface OptimizeOptions {
  maxIter: number;
  tol: number;
  /** Fixed step; when undefined, the step comes from a backtracking line search. */
  learningRate?: number;
  /** Rows per minibatch for the stochastic methods (sgd; momentum/nesterov when set). */
  batchSize?: number;
  /** Momentum coefficient β for momentum and nesterov. */
  momentum: number;
  seed: number;
  schedule: Schedule;
  /** Exponent of the inverse-scaling schedule η_e = η₀ / e^powerT. */
  powerT: number;
  onIteration?: (info: IterationInfo) => boolean | void;
}
