// Binary label encoding: y may hold numbers, booleans or strings (one type); the two classes
// are sorted (numbers numerically, strings by code unit, false < true) and mapped to 0 / 1.
import { LogRegError, describeValue } from '../errors.js';

export type Label = number | string | boolean;

export interface EncodedLabels {
  classes: [Label, Label];
  y01: Float64Array;
}

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

/** Encodes y against two classes found in it; exactly two distinct labels are required. */
export function encodeBinary(y: unknown, n: number): EncodedLabels {
  const labels = readLabels(y, n);
  const distinct = Array.from(new Set(labels)).sort(compare);
  if (distinct.length !== 2) {
    const shown = distinct.slice(0, 5).map((v) => describeValue(v)).join(', ');
    throw new LogRegError(
      'LABELS',
      `y must hold exactly two classes for binary logistic regression, found ${distinct.length}` +
        (distinct.length ? ` (${shown}${distinct.length > 5 ? ', …' : ''})` : ''),
    );
  }
  const hi = distinct[1];
  const y01 = new Float64Array(n);
  for (let i = 0; i < n; i++) y01[i] = labels[i] === hi ? 1 : 0;
  return { classes: [distinct[0], distinct[1]], y01 };
}

/** Encodes y against known classes (score): a label outside them counts as wrong, not an error. */
export function labelsOf(y: unknown, n: number): Label[] {
  return readLabels(y, n);
}
