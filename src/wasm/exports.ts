// The kernel ABI as seen from JS: byte offsets into memory, counts, plain numbers.
// Mirrors assembly/index.ts.
type FusedGradFn = (
  X: number, d: number, y: number, s: number, idx: number, row0: number, count: number,
  w: number, b: number, g: number, zOut: number, mode: number,
) => number;
type SagaBatchFn = (
  X: number, d: number, y: number, s: number, idx: number, row0: number, count: number,
  w: number, b: number, table: number, scale: number, g: number, mode: number,
) => void;
type HessVecFn = (X: number, d: number, n: number, D: number, v: number, vb: number, out: number) => void;
/** out = Σ D_i [x_i; 1][x_i; 1]ᵀ, (d + 1)² row-major, upper triangle (assembly/gram.ts). */
type GramFn = (X: number, d: number, n: number, D: number, out: number, scratch: number) => void;
type SoftmaxGradFn = (
  X: number, d: number, y: number, s: number, idx: number, row0: number, count: number, k: number,
  W: number, b: number, g: number, zs: number, pOut: number,
) => number;
type SoftmaxHessVecFn = (
  X: number, d: number, n: number, k: number, s: number, P: number, V: number, vb: number, out: number, as: number,
) => void;
/** The CSR passes (assembly/csr.ts, csr-softmax.ts): X as indptr P, column indices J, values V. */
type CsrFusedGradFn = (
  P: number, J: number, V: number, d: number, y: number, s: number, idx: number, row0: number, count: number,
  w: number, b: number, g: number, zOut: number, mode: number,
) => number;
type CsrHessVecFn = (P: number, J: number, V: number, d: number, row0: number, n: number, D: number, v: number, vb: number, out: number) => void;
type CsrSoftmaxGradFn = (
  P: number, J: number, V: number, d: number, y: number, s: number, idx: number, row0: number, count: number, k: number,
  W: number, b: number, g: number, zs: number, pOut: number,
) => number;
type CsrSoftmaxHessVecFn = (
  P: number, J: number, V: number, d: number, row0: number, n: number, k: number, s: number, Pr: number, Vm: number, vb: number, out: number, as: number,
) => void;

/** f64 kernels, and their F32 twins over float32-stored X (same arguments, same results). */
export interface KernelExports {
  heapBase(): number;
  fusedGrad: FusedGradFn;
  fusedGradF32: FusedGradFn;
  hessVecF32: HessVecFn;
  gramF32: GramFn;
  sagaBatchF32: SagaBatchFn;
  rowSqNormsF32(X: number, d: number, n: number, out: number): void;
  colMomentsF32(X: number, d: number, n: number, s: number, q: number): void;
  softmaxGradF32: SoftmaxGradFn;
  softmaxHessVecF32: SoftmaxHessVecFn;
  decision(X: number, d: number, n: number, w: number, b: number, out: number): void;
  sigmoidInPlace(v: number, n: number): void;
  /** the first index of a NaN or ±Infinity among n f64 values, or −1 */
  firstNonFinite(x: number, n: number): number;
  /** dst[i·cols + j] = src[j·rows + i]: a column-major block to row-major (f64) */
  columnsToRows(src: number, dst: number, rows: number, cols: number): void;
  curvatureFromZ(z: number, y: number, s: number, n: number, mode: number, D: number): void;
  hessVec: HessVecFn;
  gram: GramFn;
  gramScratchBytes(d: number): number;
  sagaBatch: SagaBatchFn;
  rowSqNorms(X: number, d: number, n: number, out: number): void;
  colMoments(X: number, d: number, n: number, s: number, q: number): void;
  softmaxGrad: SoftmaxGradFn;
  softmaxHessVec: SoftmaxHessVecFn;
  decisionMulti(X: number, d: number, n: number, k: number, W: number, b: number, out: number): void;
  csrFusedGrad: CsrFusedGradFn;
  csrFusedGradF32: CsrFusedGradFn;
  csrHessVec: CsrHessVecFn;
  csrHessVecF32: CsrHessVecFn;
  csrSoftmaxGrad: CsrSoftmaxGradFn;
  csrSoftmaxGradF32: CsrSoftmaxGradFn;
  csrSoftmaxHessVec: CsrSoftmaxHessVecFn;
  csrSoftmaxHessVecF32: CsrSoftmaxHessVecFn;
  /** out[i] = x_i·w + b, or σ of it with sigmoid = 1 (f64 values) */
  csrDecision(P: number, J: number, V: number, n: number, w: number, b: number, out: number, sigmoid: number): void;
  csrDecisionMulti(P: number, J: number, V: number, d: number, n: number, W: number, b: number, k: number, out: number): void;
  /** sagaEpoch over CSR rows with lagged updates (assembly/csr-saga.ts) */
  csrSagaEpoch(
    P: number, J: number, V: number, d: number, y: number, s: number, idx: number, count: number, batch: number,
    W: number, xb: number, ab: number, table: number, pw: number, cs: number,
    scale: number, rows: number, eta: number, thresh: number, shrink: number, fitIntercept: number, mode: number, f32: number,
  ): void;
  sgdEpoch(
    X: number, d: number, y: number, s: number, idx: number, count: number, batch: number,
    x: number, v: number, look: number, g: number,
    nS: number, S: number, l2: number, fitIntercept: number, eta: number, beta: number, nesterov: number, mode: number, f32: number,
  ): void;
  sagaEpoch(
    X: number, d: number, y: number, s: number, idx: number, count: number, batch: number,
    x: number, avg: number, table: number, g: number, sink: number,
    scale: number, rows: number, eta: number, thresh: number, shrink: number, penalized: number,
    fitIntercept: number, mode: number, f32: number,
  ): void;
}

/** fusedGrad mode bits (assembly/fused.ts). */
export const MODE_SQUARED = 1;
export const MODE_NO_LOSS = 2;

/** The testing build's extras (assembly/testing.ts; build/kernels.testing.wasm, never shipped). */
export interface TestingExports extends KernelExports {
  /** Σ of n f64 values: the time to read X once (the benchmarks' read floor) */
  sumAll(a: number, n: number): number;
  vexpTest(x: number, n: number, out: number): void;
  vlog1pTest(x: number, n: number, out: number): void;
  /** per CSR row: gather x·w, scatter it times x into g (the memory floor of a sparse pass) */
  csrGatherScatter(P: number, J: number, V: number, d: number, n: number, w: number, g: number): number;
}
