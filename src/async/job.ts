// What fitAsync hands to a worker: X, y and weights validated on the calling thread (errors
// arrive at once, with row and column) and copied, so the caller may change them meanwhile.
import { matrixSource, type MatrixSource } from '../data/matrix.js';
import { plainInputs } from '../data/arrow.js';
import { encodeClasses, readLabels, type Label } from '../data/labels.js';
import { readSampleWeight } from '../data/weights.js';
import type { FitJob } from './protocol.js';

export function fitJob(X: unknown, y: unknown, f: { sampleWeight?: ArrayLike<number> | string; classes?: Label[] }, options: Record<string, unknown>, start: unknown): FitJob {
  const plain = plainInputs(X, y, f.sampleWeight, options.featureNames as string[] | undefined);
  ({ X, y } = plain);
  const featureNames = plain.featureNames;
  f = { ...f, sampleWeight: plain.sampleWeight as ArrayLike<number> | undefined };
  const src = matrixSource(X, 'X');
  const labels = readLabels(y, src.rows);
  encodeClasses(labels, src.rows, f.classes); // label errors here, not in the worker
  return {
    X: ownCopy(src),
    y: labels,
    classes: f.classes ?? null,
    sampleWeight: readSampleWeight(f.sampleWeight, src.rows),
    options,
    start,
    featureNames: featureNames ?? null,
  };
}

/** X copied: dense in the caller's width (so the storage is the one fit() would choose), or its CSR arrays. */
function ownCopy(src: MatrixSource): FitJob['X'] {
  const c = src.csr;
  if (c) return { indptr: c.indptr.slice(), indices: c.indices.slice(), data: c.data.slice(), shape: [c.rows, c.cols] };
  const data = src.float32 ? new Float32Array(src.rows * src.cols) : new Float64Array(src.rows * src.cols);
  src.fill(data);
  return { data, rows: src.rows, cols: src.cols };
}
