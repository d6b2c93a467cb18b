// The standardisation of model files written before --standardize became the model option
// standardize (the file then held the scaling beside the model): predict still reads them.

export interface Scaling {
  mean: number[];
  sd: number[];
}

export function applyScaling(X: Float64Array, d: number, s: Scaling): void {
  for (let k = 0; k < X.length; k++) {
    const j = k % d;
    X[k] = (X[k] - s.mean[j]) / s.sd[j];
  }
}
