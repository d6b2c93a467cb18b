// `logreg-wasm/ml` against ml-logistic-regression on the same data.
import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import MLLogisticRegression from 'ml-logistic-regression';
import LogisticRegression from '../src/ml.js';
import { gauss, prng } from './helpers.js';

// ml-logistic-regression's README example
const X = new Matrix([[0, -1], [1, 0], [1, 1], [1, -1], [2, 0], [2, 1], [2, -1], [3, 2], [0, 4], [1, 3], [1, 4], [1, 5], [2, 3], [2, 4], [2, 5], [3, 4], [1, 10], [1, 12], [2, 10], [2, 11], [2, 14], [3, 11]]);
const Y = Matrix.columnVector([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
const Xtest = new Matrix([[0, -2], [1, 0.5], [1.5, -1], [1, 2.5], [2, 3.5], [1.5, 4], [1, 10.5], [2.5, 10.5], [2, 11.5]]);
const Ytest = [0, 0, 0, 1, 1, 1, 2, 2, 2];

function blobs(n: number, seed: number) {
  const r = prng(seed);
  // directions from the origin, so that ml's model (no intercept) can separate them too
  const centres = [[6, 0, 0], [0, 6, 0], [0, 0, 6], [-4, -4, -4]];
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 4;
    rows.push(centres[c].map((v) => v + 0.7 * gauss(r)));
    labels.push(c);
  }
  return { X: new Matrix(rows), Y: Matrix.columnVector(labels), labels };
}

describe('logreg-wasm/ml', () => {
  it("README example: same constructor, train, predict — the same test classes as ml's", () => {
    const theirs = new MLLogisticRegression({ numSteps: 1000, learningRate: 5e-3 });
    theirs.train(X, Y);
    const ours = new LogisticRegression({ numSteps: 1000, learningRate: 5e-3 });
    ours.train(X, Y);
    expect(ours.predict(Xtest)).toEqual(theirs.predict(Xtest));
    expect(ours.predict(Xtest)).toEqual(Ytest);
  });

  it('four Gaussian blobs: the same classes on held-out points, and at least as accurate', () => {
    const train = blobs(400, 1);
    const test = blobs(200, 2);
    const theirs = new MLLogisticRegression({ numSteps: 500, learningRate: 1e-3 });
    theirs.train(train.X, train.Y);
    const ours = new LogisticRegression({ numSteps: 500, learningRate: 1e-3 });
    ours.train(train.X, train.Y);
    const a = ours.predict(test.X);
    const b = theirs.predict(test.X);
    const agree = a.filter((v, i) => v === b[i]).length / a.length;
    expect(agree).toBeGreaterThan(0.97);
    const accOurs = a.filter((v, i) => v === test.labels[i]).length;
    const accTheirs = b.filter((v, i) => v === test.labels[i]).length;
    expect(accOurs).toBeGreaterThanOrEqual(accTheirs);
  });

  it('load() reads a model saved by ml-logistic-regression 2.0 and predicts what it predicts', () => {
    const train = blobs(400, 3);
    const test = blobs(200, 4);
    const theirs = new MLLogisticRegression({ numSteps: 300, learningRate: 1e-3 });
    theirs.train(train.X, train.Y);
    for (const saved of [theirs.toJSON(), JSON.parse(JSON.stringify(theirs.toJSON()))]) {
      const loaded = LogisticRegression.load(saved);
      expect(loaded.numberClasses).toBe(4);
      expect(loaded.predict(test.X)).toEqual(theirs.predict(test.X));
    }
    expect(() => LogisticRegression.load({ name: 'LogisticRegression', classifiers: [{ weights: [[1, NaN]] }, { weights: [[1, 2]] }] })).toThrow(/classifiers\[0\]\.weights/);
  });

  it('quiet by default, as the original is; { warnings: true } passes them on', async () => {
    const { setWarningHandler } = await import('../src/index.js');
    const seen: string[] = [];
    setWarningHandler((w) => seen.push(w.code));
    try {
      new LogisticRegression({ numSteps: 2 }).train(X, Y);
      expect(seen).toEqual([]);
      new LogisticRegression({ numSteps: 2, warnings: true }).train(X, Y);
      expect(seen).toContain('CONVERGENCE');
    } finally {
      setWarningHandler(undefined);
    }
  });

  it('toJSON / load round trip', () => {
    const m = new LogisticRegression();
    m.train(X, Y);
    const back = LogisticRegression.load(JSON.parse(JSON.stringify(m.toJSON())));
    expect(back.predict(Xtest)).toEqual(m.predict(Xtest));
    expect(back.numberClasses).toBe(3);
    expect(() => LogisticRegression.load({ name: 'Other' })).toThrow(/invalid model/);
  });
});
