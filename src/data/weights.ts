import { LogRegError, describeValue } from '../errors.js';

/** Validates sample weights: n finite values >= 0 with a positive sum. */
export function readSampleWeight(s: unknown, n: number): Float64Array | null {
  if (s === undefined || s === null) return null;
  if (typeof s !== 'object' || typeof (s as ArrayLike<unknown>).length !== 'number')
    throw new LogRegError('INVALID_INPUT', `sampleWeight must be an array of numbers, got ${describeValue(s)}`);
  const a = s as ArrayLike<unknown>;
  if (a.length !== n)
    throw new LogRegError('LENGTH_MISMATCH', `sampleWeight has ${a.length} values but X has ${n} rows`);
  const out = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new LogRegError(
        typeof v === 'number' && !Number.isFinite(v) ? 'NON_FINITE' : 'INVALID_INPUT',
        `sampleWeight has ${describeValue(v)} at row ${i}; weights must be finite and >= 0`,
        { row: i, value: v },
      );
    out[i] = v;
    sum += v;
  }
  if (!(sum > 0)) throw new LogRegError('INVALID_INPUT', 'sampleWeight sums to 0: no row would count');
  return out;
}
