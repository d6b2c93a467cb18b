// Label encoding: y may hold numbers, booleans or strings (one type); the classes are sorted
// (numbers numerically, strings by code unit, false < true) and rows get their class index.
import { LogRegError, describeValue } from '../core/errors.js';

export type Label = number | string | boolean;

function compare(a: Label, b: Label): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The distinct labels among `labels`, sorted as classes are. */
export function sortedClasses(labels: Iterable<Label>): Label[] {
  return Array.from(new Set(labels)).sort(compare);
}

/** Every label of y (its own length): for callers without an X to count rows by. */
export function readAllLabels(y: unknown): Label[] {
  return readLabels(y, (y as ArrayLike<unknown> | null)?.length ?? -1);
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

/** The distinct labels of `values`, sorted; `what` names them in errors. */
export function distinctSorted(values: unknown, what: string): Label[] {
  if (!Array.isArray(values) || values.length < 2)
    throw new LogRegError('LABELS', `${what} must be an array of two or more labels, got ${describeValue(values)}`);
  const labels = readLabels(values, values.length);
  const sorted = sortedClasses(labels);
  if (sorted.length !== labels.length) throw new LogRegError('LABELS', `${what} must be distinct`);
  return sorted;
}

/**
 * Refuses numeric labels that are not integers, as scikit-learn does: a continuous target
 * would otherwise become one class per distinct value.
 */
function refuseContinuous(labels: Label[]): void {
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i];
    if (typeof v === 'number' && !Number.isInteger(v))
      throw new LogRegError(
        'LABELS',
        `Unknown label type: continuous (y has ${v} at row ${i}). Logistic regression needs class labels; ` +
          `to use these values as classes anyway, pass them as { classes }`,
        { row: i, value: v },
      );
  }
}

/**
 * Encodes y against its sorted distinct labels (at least two; numeric labels must be integers),
 * or against `given` classes when passed (every label must be one of them).
 */
export function encodeClasses(y: unknown, n: number, given?: unknown): EncodedClasses {
  if (given === undefined) {
    const fast = encodeIntegers(y, n);
    if (fast) return fast;
  }
  const labels = readLabels(y, n);
  if (given !== undefined) {
    const classes = distinctSorted(given, 'classes');
    return { classes, codes: codesFor(labels, classes) };
  }
  refuseContinuous(labels);
  const classes = sortedClasses(labels);
  if (classes.length < 2)
    throw new LogRegError(
      'LABELS',
      `y must hold at least two classes, found ${classes.length}` + (classes.length ? ` (${describeValue(classes[0])})` : ''),
    );
  return { classes, codes: codesFor(labels, classes) };
}

/** Most distinct labels the integer path tracks by linear search before it hands over. */
const FEW_CLASSES = 64;

/**
 * encodeClasses for the common case, in one pass with no boxing: n integer labels (a typed array
 * or numbers) of 2 to FEW_CLASSES classes. Anything else returns null, for the general path to
 * encode or to refuse with its errors.
 */
function encodeIntegers(y: unknown, n: number): EncodedClasses | null {
  if (y === null || typeof y !== 'object' || (y as ArrayLike<unknown>).length !== n) return null;
  const arr = y as ArrayLike<unknown>;
  const seen: number[] = [];
  const codes = new Int32Array(n);
  let last = NaN;
  let lastCode = -1;
  for (let i = 0; i < n; i++) {
    const v = arr[i];
    if (v === last) {
      codes[i] = lastCode;
      continue;
    }
    if (typeof v !== 'number' || !Number.isInteger(v)) return null;
    let c = 0;
    while (c < seen.length && seen[c] !== v) c++;
    if (c === seen.length) {
      if (c === FEW_CLASSES) return null;
      seen.push(v);
    }
    last = v;
    lastCode = c;
    codes[i] = c;
  }
  if (seen.length < 2) return null;
  const classes = seen.slice().sort((a, b) => a - b);
  const rank = Int32Array.from(seen, (v) => classes.indexOf(v));
  for (let i = 0; i < n; i++) codes[i] = rank[codes[i]];
  return { classes, codes };
}

/** The class index of every label; a label outside `classes` is an error naming its row. */
export function codesFor(labels: Label[], classes: Label[]): Int32Array {
  const index = new Map<Label, number>(classes.map((c, i) => [c, i]));
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const c = index.get(labels[i]);
    if (c === undefined)
      throw new LogRegError('LABELS', `y has ${describeValue(labels[i])} at row ${i}, which is not among the classes (${classes.join(', ')})`, {
        row: i,
        value: labels[i],
      });
    codes[i] = c;
  }
  return codes;
}

/** 1 where codes[i] === positive, else 0. */
export function binaryTarget(codes: Int32Array, positive: number): Float64Array {
  const y = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) y[i] = codes[i] === positive ? 1 : 0;
  return y;
}

/**
 * The labels of y for comparing with a model's predictions (score): of the model's label type,
 * since a string never equals a number and every row would silently count as wrong.
 */
export function labelsLike(y: unknown, n: number, classes: Label[]): Label[] {
  const labels = readLabels(y, n);
  const want = typeof classes[0];
  if (n > 0 && typeof labels[0] !== want)
    throw new LogRegError('LABELS', `y holds ${typeof labels[0]} labels but the model's classes are ${want}s (${classes.join(', ')})`, {
      row: 0,
      value: labels[0],
    });
  return labels;
}
