// Label encoding: y may hold numbers, booleans or strings (one type); the classes are sorted
// (numbers numerically, strings by code unit, false < true) and rows get their class index.
import { LogRegError, describeValue } from '../errors.js';

export type Label = number | string | boolean;

function compare(a: Label, b: Label): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function readLabels(y: unknown, n: number): Label[] {
  if (y === null || typeof y !== 'object' || typeof (y as ArrayLike<unknown>).length !== 'number')
    throw new LogRegError('INVALID_INPUT', `y must be an array of labels, got ${describeValue(y)}`);
  const arr = y as ArrayLike<unknown>;
  if (arr.length !== n)
    throw new LogRegError('LENGTH_MISMATCH', `y has ${arr.length} labels but X has ${n} rows`);
  const out: Label[] = new Array(n);
  let kind: string | null = null;
  for (let i = 0; i < n; i++) {
    const v = arr[i];
    const t = typeof v;
    if (t === 'number') {
      if (!Number.isFinite(v))
        throw new LogRegError('NON_FINITE', `y has ${describeValue(v)} at row ${i}`, { row: i, value: v });
    } else if (t !== 'string' && t !== 'boolean') {
      throw new LogRegError('INVALID_INPUT', `y has ${describeValue(v)} at row ${i}; labels must be numbers, strings or booleans`, { row: i, value: v });
    }
    if (kind === null) kind = t;
    else if (t !== kind)
      throw new LogRegError('LABELS', `y mixes label types: row 0 is a ${kind}, row ${i} is a ${t}`, { row: i, value: v });
    out[i] = v as Label;
  }
  return out;
}

export interface EncodedClasses {
  /** the distinct labels, sorted */
  classes: Label[];
  /** class index of every row */
  codes: Int32Array;
}

/** Encodes y against the sorted distinct labels found in it; at least two are required. */
export function encodeClasses(y: unknown, n: number): EncodedClasses {
  const labels = readLabels(y, n);
  const classes = Array.from(new Set(labels)).sort(compare);
  if (classes.length < 2)
    throw new LogRegError(
      'LABELS',
      `y must hold at least two classes, found ${classes.length}` + (classes.length ? ` (${describeValue(classes[0])})` : ''),
    );
  const index = new Map<Label, number>(classes.map((c, i) => [c, i]));
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = index.get(labels[i])!;
  return { classes, codes };
}

/** 1 where codes[i] === positive, else 0. */
export function binaryTarget(codes: Int32Array, positive: number): Float64Array {
  const y = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) y[i] = codes[i] === positive ? 1 : 0;
  return y;
}

/** Encodes y against known classes (score): a label outside them counts as wrong, not an error. */
export function labelsOf(y: unknown, n: number): Label[] {
  return readLabels(y, n);
}
