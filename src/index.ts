export { init, initSync, type InitInput } from './wasm/load.js';
export { LogisticRegression, type FitOptions } from './model/logistic-regression.js';
export type { LogisticRegressionOptions, SolverName } from './model/options.js';
export type { ModelJSON } from './model/json.js';
export { LogRegError, type LogRegErrorCode, type LogRegErrorDetails } from './errors.js';
export type { Label } from './data/labels.js';
export type { DenseMatrixInput, MatrixLike, MatrixInput } from './data/matrix.js';
export type { Objective, StochasticObjective, OptimizeResult, IterationInfo } from './optim/types.js';
export type { BackendName, LossKind } from './backend/types.js';
