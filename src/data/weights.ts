import { LogRegError, describeValue } from '../core/errors.js';

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

/**
 * The weights divided by the power of two at or below their largest (exact, short of
 * subnormals), and C multiplied by it: J, its minimiser and α = 1/(C·S) stay as they were, while
 * the sum S can neither overflow (weights near 1e308) nor underflow (weights near 5e-324).
 */
export function normalizedWeights(sw: Float64Array | null, C: number): { sampleWeight: Float64Array | null; C: number } {
  if (!sw) return { sampleWeight: null, C };
  let max = 0;
  for (let i = 0; i < sw.length; i++) if (sw[i] > max) max = sw[i];
  const p = 2 ** Math.floor(Math.log2(max));
  if (p === 1) return { sampleWeight: sw, C };
  const out = new Float64Array(sw.length);
  for (let i = 0; i < sw.length; i++) out[i] = sw[i] / p;
  return { sampleWeight: out, C: C * p };
}

/** S = Σ s_i (n without weights), refused where it or 1/S is not a finite number. */
export function weightSum(sw: Float64Array | null, n: number): number {
  if (!sw) return n;
  let S = 0;
  for (let i = 0; i < sw.length; i++) S += sw[i];
  if (!(S < Infinity && 1 / S < Infinity))
    throw new LogRegError('INVALID_INPUT', `the sample weights sum to ${S}, which the objective cannot divide by; scale them towards 1`);
  return S;
}
