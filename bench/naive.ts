// The "naive JS" row of the epoch table: the fused epoch as most JS code writes it — number[][]
// rows, one row at a time, Math.log(1 + Math.exp(-|z|)), no unrolling.
export function naiveEpoch(X: number[][], y: number[], w: number[], b: number, g: number[]): number {
  const d = w.length;
  for (let j = 0; j <= d; j++) g[j] = 0;
  let loss = 0;
  for (let i = 0; i < X.length; i++) {
    const row = X[i];
    let z = b;
    for (let j = 0; j < d; j++) z += row[j] * w[j];
    const p = 1 / (1 + Math.exp(-z));
    loss += Math.log(1 + Math.exp(-Math.abs(z))) + Math.max(z, 0) - y[i] * z;
    const r = p - y[i];
    for (let j = 0; j < d; j++) g[j] += r * row[j];
    g[d] += r;
  }
  return loss;
}
