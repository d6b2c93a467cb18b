// The multinomial likelihood as statsmodels' MNLogit parametrises it: the first class is the
// baseline, each other class c has β_c = W_c − W_0 and b_c − b_0 (the softmax depends on these
// differences only). The log-likelihood's Hessian in these parameters is the block of the softmax
// Hessian over classes 1 … k − 1, at the same probabilities.
import { LogRegError } from '../core/errors.js';
import { matrixSource } from '../data/matrix.js';
import { encodeClasses, type Label } from '../data/labels.js';
import { readSampleWeight, weightSum } from '../data/weights.js';
import { kernelsFor } from '../engine/select.js';
import { SoftmaxObjective } from '../loss/softmax-objective.js';
import { hessianMatrix } from '../optim/second-order.js';
import type { FittedModel } from '../model/fitted.js';
import type { InferenceOptions, Likelihood } from './likelihood.js';

export function multinomialLikelihood<L extends Label>(model: FittedModel<L>, X: unknown, y: ArrayLike<L>, options: InferenceOptions, features: string[]): Likelihood {
  const fitIntercept = model.options.fitIntercept;
  const classes = model.classes;
  const k = classes.length;
  const d = features.length;
  const src = matrixSource(X, 'X');
  if (src.cols !== d) throw new LogRegError('FEATURE_MISMATCH', `X has ${src.cols} features but the model was fitted with ${d}`);
  const { codes } = encodeClasses(y, src.rows, classes);
  const sampleWeight = readSampleWeight(options.sampleWeight, src.rows);
  const data = kernelsFor(model.backend).softmaxDataset(src, codes, k, sampleWeight);
  try {
    const obj = new SoftmaxObjective(data, { C: 1, penalty: 'none', l1Ratio: 0, fitIntercept, sampleWeight });
    const n = obj.dim;
    const x = Float64Array.of(...model.coef, ...(fitIntercept ? model.intercepts : []));
    const S = weightSum(sampleWeight, src.rows);
    const at = obj.gradientHessian(x, new Float64Array(n));
    const H = new Float64Array(n * n);
    hessianMatrix(at, n, H);
    // the parameters of classes 1 … k − 1, each intercept first: their places in x, and the baseline's
    const kd = k * d;
    const place: number[] = [];
    const base: number[] = [];
    const names: string[] = [];
    for (let c = 1; c < k; c++) {
      if (fitIntercept) {
        place.push(kd + c);
        base.push(kd);
        names.push(`${String(classes[c])}: (intercept)`);
      }
      for (let j = 0; j < d; j++) {
        place.push(c * d + j);
        base.push(j);
        names.push(`${String(classes[c])}: ${features[j]}`);
      }
    }
    const m = place.length;
    // the intercept-only model: each class at its weighted share (1/k each without an intercept)
    const share = new Float64Array(k);
    for (let i = 0; i < src.rows; i++) share[codes[i]] += sampleWeight ? sampleWeight[i] : 1;
    let nullLogLikelihood = 0;
    for (let c = 0; c < k; c++) if (share[c] > 0) nullLogLikelihood += share[c] * Math.log(fitIntercept ? share[c] / S : 1 / k);
    return {
      title: 'MNLogit',
      names,
      estimates: Float64Array.from(place, (p, a) => x[p] - x[base[a]]),
      hessian: Float64Array.from({ length: m * m }, (_, q) => S * H[place[Math.floor(q / m)] * n + place[q % m]]),
      logLikelihood: -S * at.value,
      nullLogLikelihood,
      nobs: S,
    };
  } finally {
    data.dispose();
  }
}
