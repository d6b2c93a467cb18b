// The Kernels interface: everything the objective needs from a compute backend.
// Implemented by the wasm backend (AssemblyScript kernels) and the js backend (plain TS).
import type { ColumnStats } from '../data/column-stats.js';
import type { MatrixSource } from '../data/matrix.js';
import type { SagaEpochRequest, SgdEpochRequest } from '../optim/types.js';

export type { MatrixSource };

export type BackendName = 'wasm' | 'js';
export type LossKind = 'log' | 'squared';

/** How a backend stores X: float64, or float32 (half the memory; wasm only, see assembly/elem.ts). */
export type StorageType = 'float64' | 'float32';

/** Training data held by a backend: copied in once, used by every pass, freed by dispose(). */
export interface KernelDataset {
  readonly n: number;
  readonly d: number;
  /** true for CSR rows (csr-passes.ts, wasm-csr.ts) */
  readonly sparse?: boolean;
  /**
   * One fused pass over all rows, or over `indices` (row numbers) when given:
   * writes g[0..d) = Σ s_i·∂ℓ_i/∂z_i·x_i and g[d] = Σ s_i·∂ℓ_i/∂z_i, returns Σ s_i·ℓ_i
   * (0 when wantLoss is false). w has length d, g length d + 1.
   */
  fusedGrad(
    w: Float64Array,
    b: number,
    g: Float64Array,
    loss: LossKind,
    wantLoss: boolean,
    indices?: Int32Array,
    keepZ?: boolean,
  ): number;
  /**
   * Per-row curvature D_i = s_i·∂²ℓ/∂z² from the margins kept by the last full fusedGrad call
   * with keepZ (stored for hessVec).
   */
  curvature(loss: LossKind): void;
  /** out[0..d) = Σ D_i (x_i·v + vb) x_i, out[d] = Σ D_i (x_i·v + vb), with D from curvature(). */
  hessVec(v: Float64Array, vb: number, out: Float64Array): void;
  /**
   * out ((d + 1)², row-major, symmetric) = Σ D_i [x_i; 1][x_i; 1]ᵀ with D from curvature(): the
   * data part of the full Hessian (newton-cholesky, inference).
   */
  hessian(out: Float64Array): void;
  /** ‖x_i‖² for every row. */
  rowSqNorms(): Float64Array;
  /** Mean and variance of every column of X (as stored). */
  columnStats(): ColumnStats;
  /**
   * SAGA update over `indices` (all rows when undefined): r_i = scale·s_i·∂ℓ/∂z at w, b;
   * g[0..d) = Σ (r_i − T_i) x_i, g[d] = Σ (r_i − T_i); then T_i = r_i. T starts at 0 and is
   * reset by sagaReset().
   */
  sagaBatch(w: Float64Array, b: number, indices: Int32Array | undefined, scale: number, loss: LossKind, g: Float64Array): void;
  /**
   * One SAGA epoch (the request, assembly/saga.ts): updates x (d coefficients, then the intercept
   * with fitIntercept) and avg in place, and the table. The same bits as optim/saga.ts's batch
   * step over sagaBatch. The dense js dataset, with no boundary to cross per batch, leaves it
   * out and the solver loops; the sparse datasets of both backends have it (lagged updates, to
   * rounding rather than bit for bit).
   */
  sagaEpoch?(r: SagaEpochRequest, c: SagaConstants): void;
  sagaReset(): void;
  /**
   * One epoch of minibatch SGD (the request, assembly/sgd.ts); dense: the same bits as driving each
   * batch from JS; sparse without momentum: the L2 shrink as a lazy scale (csr-sgd.ts, to rounding).
   */
  sgdEpoch(r: SgdEpochRequest, c: SgdConstants): void;
  dispose(): void;
}

/** The objective's part of a SAGA epoch: each summand's scale n/S, the row count, the layout. */
export interface SagaConstants {
  scale: number;
  rows: number;
  penalized: number;
  fitIntercept: boolean;
  loss: LossKind;
}

/** The objective's part of an SGD epoch: G = nS/(|B|·S)·Σ_B s_i ∂ℓ/∂z x_i (+ l2·w). */
export interface SgdConstants {
  nS: number;
  S: number;
  l2: number;
  fitIntercept: boolean;
  loss: LossKind;
}

/** Training data of a k-class softmax model: X, class indices y, optional sample weights. */
export interface SoftmaxDataset {
  readonly n: number;
  readonly d: number;
  readonly k: number;
  /**
   * One pass over all rows or `indices`: g[0..k·d) = Σ s_i (p_ic − [c = y_i]) x_i (row-major k×d),
   * g[k·d + c] = Σ s_i (p_ic − [c = y_i]); returns Σ s_i ℓ_i. keepP stores the probabilities
   * (full passes only) for hessVec.
   */
  grad(W: Float64Array, b: Float64Array, g: Float64Array, indices?: Int32Array, keepP?: boolean): number;
  /** The data part of ∇²·[V; vb] at the probabilities kept by the last keepP pass (k·d + k outputs). */
  hessVec(V: Float64Array, vb: Float64Array, out: Float64Array): void;
  /** Mean and variance of every column of X (as stored). */
  columnStats(): ColumnStats;
  dispose(): void;
}

export interface Kernels {
  readonly name: BackendName;
  /** Copies X (validated), y (0/1 as f64) and optional sample weights into backend storage. */
  dataset(X: MatrixSource, y: Float64Array, sampleWeight: Float64Array | null, storage?: StorageType): KernelDataset;
  /** out[i] = x_i·w + b for every row of X, or σ of it with `sigmoid` (in the same pass over X). */
  decision(X: MatrixSource, w: Float64Array, b: number, out: Float64Array, sigmoid?: boolean): void;
  /** v[i] = σ(v[i]) in place. */
  sigmoid(v: Float64Array): void;
  /** Copies X (validated), class indices and optional weights for a k-class softmax model. */
  softmaxDataset(
    X: MatrixSource,
    y: Int32Array,
    k: number,
    sampleWeight: Float64Array | null,
    storage?: StorageType,
  ): SoftmaxDataset;
  /** out[i·k + c] = x_i·W_c + b_c (W k×d row-major). */
  decisionMulti(X: MatrixSource, W: Float64Array, b: Float64Array, k: number, out: Float64Array): void;
}
