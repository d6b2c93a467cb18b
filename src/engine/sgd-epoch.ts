// One SGD epoch driven batch by batch through a dataset's fusedGrad: the js backend's
// sgdEpoch, and the reference the wasm kernel (assembly/sgd.ts) must equal bit for bit.
import type { KernelDataset, SgdConstants } from './types.js';
import type { SgdEpochRequest } from '../optim/types.js';

export function sgdEpochVia(data: Pick<KernelDataset, 'd' | 'fusedGrad'>, { x, v, order, batch, eta, beta, nesterov }: SgdEpochRequest, p: SgdConstants): void {
  const d = data.d;
  const dim = d + (p.fitIntercept ? 1 : 0);
  const look = new Float64Array(dim);
  const w = new Float64Array(d);
  const g = new Float64Array(d + 1);
  for (let t = 0; t < order.length; t += batch) {
    const rows = order.subarray(t, Math.min(order.length, t + batch));
    const at = nesterov ? look : x;
    if (nesterov) for (let j = 0; j < dim; j++) look[j] = x[j] + beta * v[j];
    for (let j = 0; j < d; j++) w[j] = at[j];
    data.fusedGrad(w, p.fitIntercept ? at[d] : 0, g, p.loss, false, rows);
    const scale = p.nS / (rows.length * p.S);
    for (let j = 0; j < dim; j++) {
      let gj = scale * g[j];
      if (p.l2 !== 0 && j < d) gj += p.l2 * at[j];
      v[j] = beta * v[j] - eta * gj;
      x[j] += v[j];
    }
  }
}
