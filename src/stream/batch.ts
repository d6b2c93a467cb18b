// Validation of one online batch against the classes and features the stream started with.
import { LogRegError, describeValue } from '../errors.js';
import type { MatrixSource } from '../backend/types.js';
import { matrixSource } from '../data/matrix.js';
import { readLabels, type Label } from '../data/labels.js';
import { readSampleWeight } from '../data/weights.js';
import { withClassWeight } from '../data/class-weight.js';
import type { ResolvedOptions } from '../model/options.js';

export interface Batch {
  src: MatrixSource;
  codes: Int32Array;
  sampleWeight: Float64Array | null;
  weight: number;
}

/** The distinct, sorted classes given to the first partialFit / fitStream. */
export function readClasses(classes: unknown): Label[] {
  if (!Array.isArray(classes) || classes.length < 2)
    throw new LogRegError('LABELS', 'the first partialFit / fitStream needs { classes }: every label the stream will contain (two or more)');
  const labels = readLabels(classes, classes.length);
  const sorted = Array.from(new Set(labels)).sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : a < b ? -1 : a > b ? 1 : 0));
  if (sorted.length !== labels.length) throw new LogRegError('LABELS', 'classes must be distinct');
  return sorted;
}

export function readBatch(o: ResolvedOptions, classes: Label[], nFeatures: number | null, X: unknown, y: unknown, sampleWeight: unknown): Batch {
  const src = matrixSource(X, 'X');
  if (nFeatures !== null && src.cols !== nFeatures)
    throw new LogRegError('FEATURE_MISMATCH', `X has ${src.cols} features but the stream started with ${nFeatures}`);
  const labels = readLabels(y, src.rows);
  const index = new Map<Label, number>(classes.map((c, i) => [c, i]));
  const codes = new Int32Array(src.rows);
  for (let i = 0; i < src.rows; i++) {
    const c = index.get(labels[i]);
    if (c === undefined)
      throw new LogRegError('LABELS', `y has ${describeValue(labels[i])} at row ${i}, which is not among the classes given (${classes.join(', ')})`, {
        row: i,
        value: labels[i],
      });
    codes[i] = c;
  }
  // 'balanced' needs the class counts of the whole stream, which one batch does not know
  if (o.classWeight === 'balanced')
    throw new LogRegError('INVALID_OPTION', "classWeight 'balanced' needs the whole data set; with partialFit / fitStream give { label: weight }", {
      option: 'classWeight',
    });
  const sw = withClassWeight(o.classWeight, classes, codes, readSampleWeight(sampleWeight, src.rows));
  let weight = src.rows;
  if (sw) {
    weight = 0;
    for (let i = 0; i < sw.length; i++) weight += sw[i];
  }
  return { src, codes, sampleWeight: sw, weight };
}
