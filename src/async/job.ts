// What fitAsync hands to a worker: X, y and weights validated on the calling thread (errors
// arrive at once, with row and column) and copied, so the caller may change them meanwhile.
import { matrixSource } from '../data/matrix.js';
import { encodeClasses, readLabels, type Label } from '../data/labels.js';
import { readSampleWeight } from '../data/weights.js';
import type { FitJob } from './protocol.js';

export function fitJob(X: unknown, y: unknown, f: { sampleWeight?: ArrayLike<number>; classes?: Label[] }, options: Record<string, unknown>, start: unknown): FitJob {
  const src = matrixSource(X, 'X');
  // float32 when the caller's X was, so the storage is the one fit() would choose
  const data = src.float32 ? new Float32Array(src.rows * src.cols) : new Float64Array(src.rows * src.cols);
  src.fill(data);
  const labels = readLabels(y, src.rows);
  encodeClasses(labels, src.rows, f.classes); // label errors here, not in the worker
  return {
    X: { data, rows: src.rows, cols: src.cols },
    y: labels,
    classes: f.classes ?? null,
    sampleWeight: readSampleWeight(f.sampleWeight, src.rows),
    options,
    start,
  };
}
