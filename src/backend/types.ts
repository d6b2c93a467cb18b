// The Kernels interface: everything the objective needs from a compute backend.
// Implemented by the wasm backend (AssemblyScript kernels) and the js backend (plain TS).

export type BackendName = 'wasm' | 'js';
export type LossKind = 'log' | 'squared';

/** A row-major n×d matrix that is validated while it is copied into backend storage. */
export interface MatrixSource {
  readonly rows: number;
  readonly cols: number;
  /** Writes the rows×cols values into `target` (row-major); throws LogRegError on a bad value. */
  fill(target: Float64Array): void;
}

/** Training data held by a backend: copied in once, used by every pass, freed by dispose(). */
export interface KernelDataset {
  readonly n: number;
  readonly d: number;
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
  ): number;
  dispose(): void;
}

export interface Kernels {
  readonly name: BackendName;
  /** Copies X (validated), y (0/1 as f64) and optional sample weights into backend storage. */
  dataset(X: MatrixSource, y: Float64Array, sampleWeight: Float64Array | null): KernelDataset;
  /** out[i] = x_i·w + b for every row of X. */
  decision(X: MatrixSource, w: Float64Array, b: number, out: Float64Array): void;
  /** v[i] = σ(v[i]) in place. */
  sigmoid(v: Float64Array): void;
}
