// Validation of one online batch against the classes and features the stream started with.
import { LogRegError } from '../../core/errors.js';
import type { MatrixSource } from '../../engine/types.js';
import { matrixSource } from '../../data/matrix.js';
import { codesFor, distinctSorted, readLabels, type Label } from '../../data/labels.js';
import { readSampleWeight } from '../../data/weights.js';
import { withClassWeight } from '../../data/class-weight.js';
import type { ResolvedOptions } from '../options.js';

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
  return distinctSorted(classes, 'classes');
}

export function readBatch(o: ResolvedOptions, classes: Label[], nFeatures: number | null, X: unknown, y: unknown, sampleWeight: unknown): Batch {
  const src = matrixSource(X, 'X');
  if (nFeatures !== null && src.cols !== nFeatures)
    throw new LogRegError('FEATURE_MISMATCH', `X has ${src.cols} features but the stream started with ${nFeatures}`);
  const codes = codesFor(readLabels(y, src.rows), classes);
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
    if (weight === Infinity) throw new LogRegError('INVALID_INPUT', 'the batch weights sum to Infinity: scale the weights down');
  }
  return { src, codes, sampleWeight: sw, weight };
}
