// Never a silent wrong answer: inputs that once gave a NaN model, a stale state or a model that
// leaked into the caller's hands now give a typed error or a rule that holds (issue classes 2–4).
import { describe, expect, it } from 'vitest';
import { LogisticRegression } from '../src/index.js';
import { makeProblem } from './helpers.js';

const { X, y } = makeProblem(200, 3, 11);
const n = X.length;
const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number) => {
  for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i])));
};

describe('the objective is finite or the fit is refused', () => {
  it('weights near 1e308 (their sum overflows) fit as the same weights scaled down with C scaled up', () => {
    const huge = new LogisticRegression().fit(X, y, { sampleWeight: new Array(n).fill(1e308) });
    const same = new LogisticRegression({ C: 1e308 }).fit(X, y);
    expect(huge.lossHistory.every(Number.isFinite)).toBe(true);
    close(huge.coef, same.coef, 1e-9);
  });

  it('weights near 5e-324 (their sum underflows): unpenalised they fit as unit weights; with l2 the penalty 1/(C·S) overflows and is refused', () => {
    const tiny = new Array(n).fill(5e-324);
    const none = new LogisticRegression({ penalty: 'none' }).fit(X, y, { sampleWeight: tiny });
    close(none.coef, new LogisticRegression({ penalty: 'none' }).fit(X, y).coef, 1e-9);
    expect(() => new LogisticRegression().fit(X, y, { sampleWeight: tiny })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringMatching(/penalty strength 1\/\(C·S\).*not a finite number/) }),
    );
  });

  it('classWeight × sampleWeight overflowing names the row', () => {
    const sw = new Array(n).fill(1e308);
    const label = y[3];
    expect(() => new LogisticRegression({ classWeight: { [label]: 10 } }).fit(X, y, { sampleWeight: sw })).toThrow(/overflows at row \d+ \(1e\+308 × 10\)/);
  });

  it('C so small that 1/(C·S) is Infinity is refused, naming C', () => {
    expect(() => new LogisticRegression({ C: 1e-320 }).fit(X, y)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', details: expect.objectContaining({ option: 'C' }) }));
  });

  it("dtype 'float32' with a finite value beyond float32's range names it; float64 storage takes it", () => {
    const big = X.map((r) => r.slice());
    big[5][2] = 1e39;
    expect(() => new LogisticRegression({ dtype: 'float32' }).fit(big, y)).toThrow(
      expect.objectContaining({ code: 'NON_FINITE', details: { row: 5, column: 2 }, message: expect.stringMatching(/beyond float32's range/) }),
    );
    expect(new LogisticRegression({ dtype: 'float64' }).fit(big, y).lossHistory.every(Number.isFinite)).toBe(true);
  });
});
