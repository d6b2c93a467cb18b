// Standardisation for the CLI (fitted on the training rows, stored with the model).

export interface Scaling {
  mean: number[];
  sd: number[];
}

export function standardizer(X: Float64Array, n: number, d: number): Scaling {
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += X[i * d + j] / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sd[j] += (X[i * d + j] - mean[j]) ** 2 / n;
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]) || 1;
  return { mean, sd };
}

export function applyScaling(X: Float64Array, d: number, s: Scaling): void {
  for (let k = 0; k < X.length; k++) {
    const j = k % d;
    X[k] = (X[k] - s.mean[j]) / s.sd[j];
  }
}
