// StandardScaler, and the model option standardize that folds it into the coefficients.
import { describe, expect, it } from 'vitest';
import { LogisticRegression, StandardScaler } from '../src/index.js';

const n = 300;
const d = 4;
const raw = new Float64Array(n * d);
const y: number[] = [];
for (let i = 0; i < n; i++) {
  for (let j = 0; j < d; j++) raw[i * d + j] = 1000 * j + (j + 1) * Math.sin(i * (j + 1.3)) * 10 ** j;
  y.push(Math.sin(i * 1.3) + Math.cos(i * 2.1) > 0.3 ? 2 : Math.sin(i * 0.7) > 0 ? 1 : 0);
}
const X = { data: raw, rows: n, cols: d };

describe('StandardScaler', () => {
  it('mean and population standard deviation per column (two-pass reference), inverse, JSON round trip', () => {
    const s = new StandardScaler().fit(X);
    for (let j = 0; j < d; j++) {
      let m = 0;
      for (let i = 0; i < n; i++) m += raw[i * d + j] / n;
      let v = 0;
      for (let i = 0; i < n; i++) v += (raw[i * d + j] - m) ** 2 / n;
      expect(Math.abs(s.mean[j] - m)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(m)));
      expect(Math.abs(s.scale[j] - Math.sqrt(v)) / Math.sqrt(v)).toBeLessThan(1e-12);
    }
    const t = s.transform(X);
    const back = s.inverseTransform(t);
    for (let k = 0; k < raw.length; k++) expect(Math.abs(back.data[k] - raw[k])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(raw[k])));
    const again = StandardScaler.fromJSON(JSON.stringify(s.toJSON()));
    expect(Array.from(again.transform(X).data)).toEqual(Array.from(t.data));
    expect(() => StandardScaler.fromJSON({ format: 'logreg-wasm/standard-scaler', mean: [0], scale: [0] })).toThrow(expect.objectContaining({ code: 'INVALID_JSON' }));
  });

  it('values near 1e200 do not overflow; a constant column keeps scale 1', () => {
    const s = new StandardScaler().fit([[3e200, 1, 5], [-1e200, 2, 5], [1e200, 3, 5]]);
    expect(s.scale[0] / (Math.sqrt(8 / 3) * 1e200)).toBeCloseTo(1, 12);
    expect(s.scale[1]).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(s.scale[2]).toBe(1);
  });
});

describe('standardize: true', () => {
  it('predicts on raw rows what a model fitted on StandardScaler output predicts on scaled rows (binary, multinomial, ovr), and keeps featureNames in its JSON', () => {
    const scaler = new StandardScaler().fit(X);
    const scaled = scaler.transform(X);
    for (const [what, labels, multiClass] of [['binary', y.map((v) => (v === 2 ? 1 : 0)), 'auto'], ['multinomial', y, 'auto'], ['ovr', y, 'ovr']] as const) {
      const pipeline = new LogisticRegression({ multiClass }).fit(scaled, labels as number[]);
      const folded = new LogisticRegression({ multiClass, standardize: true, featureNames: ['a', 'b', 'c', 'd'] }).fit(X, labels as number[]);
      const want = pipeline.predictProba(scaled);
      const got = LogisticRegression.fromJSON(JSON.stringify(folded.toJSON())).predictProba(X);
      let worst = 0;
      for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
      expect(worst, what).toBeLessThan(1e-10);
      expect(folded.lossHistory).toEqual(pipeline.lossHistory); // the same problem, solved the same way
      expect(LogisticRegression.fromJSON(folded.toJSON()).options.featureNames).toEqual(['a', 'b', 'c', 'd']);
    }
  });

  it('a warm start continues in the fit coordinates; online training and a featureNames count mismatch are refused', () => {
    const labels = y.map((v) => (v === 2 ? 1 : 0));
    const m = new LogisticRegression({ standardize: true, warmStart: true, solver: 'newton', tol: 1e-10 }).fit(X, labels);
    const coef = Array.from(m.coef);
    m.fit(X, labels);
    expect(m.nIter).toBeLessThanOrEqual(1); // already at the optimum
    Array.from(m.coef).forEach((c, j) => expect(Math.abs(c - coef[j])).toBeLessThanOrEqual(1e-8 * Math.max(1e-8, Math.abs(coef[j]))));
    expect(() => new LogisticRegression({ standardize: true, solver: 'sgd' }).partialFit(X, labels, { classes: [0, 1] })).toThrow(/standardize needs the whole data set/);
    expect(() => new LogisticRegression({ featureNames: ['a'] }).fit(X, labels)).toThrow(expect.objectContaining({ code: 'FEATURE_MISMATCH' }));
  });
});
