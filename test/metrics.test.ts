// Metrics against scikit-learn (test/fixtures/generate_metrics.py), the seeded splits' properties,
// predictLogProba against the log of predictProba where that is exact enough, and thresholds.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accuracyScore, brierScore, confusionMatrix, LogisticRegression, logLoss, precisionRecallF1, rocAuc, stratifiedKFold, trainTestSplit } from '../src/index.js';
import { makeProblem, root } from './helpers.js';

const fx = JSON.parse(readFileSync(join(root, 'test/fixtures/metrics.json'), 'utf8'));
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));

describe('metrics equal scikit-learn', () => {
  it('binary: accuracy, log loss, Brier, ROC AUC (with ties), confusion matrix, precision / recall / F1', () => {
    const b = fx.binary;
    close(accuracyScore(b.y, b.pred), b.accuracy);
    close(logLoss(b.y, b.p), b.logLoss);
    close(brierScore(b.y, b.p), b.brier);
    close(rocAuc(b.y, b.p), b.rocAuc);
    expect(confusionMatrix(b.y, b.pred)).toEqual({ labels: [0, 1], matrix: b.confusion });
    const prf = precisionRecallF1(b.y, b.pred);
    close(prf.precision, b.precision);
    close(prf.recall, b.recall);
    close(prf.f1, b.f1);
  });

  it('three classes: accuracy, log loss, one-vs-rest macro ROC AUC, confusion matrix, macro precision / recall / F1', () => {
    const m = fx.multiclass;
    const P = Float64Array.from(m.P.flat());
    close(accuracyScore(m.y, m.pred), m.accuracy);
    close(logLoss(m.y, P), m.logLoss);
    close(rocAuc(m.y, P), m.rocAucOvr);
    expect(confusionMatrix(m.y, m.pred).matrix).toEqual(m.confusion);
    const prf = precisionRecallF1(m.y, m.pred, { average: 'macro' });
    close(prf.precision, m.precisionMacro);
    close(prf.recall, m.recallMacro);
    close(prf.f1, m.f1Macro);
  });

  it('bad input is a typed error: lengths, probabilities outside [0, 1], one class for AUC, binary average over three classes', () => {
    expect(() => accuracyScore([0, 1], [0])).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
    expect(() => logLoss([0, 1], [0.5, 1.5])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => rocAuc([1, 1, 1], [0.2, 0.4, 0.9])).toThrow(expect.objectContaining({ code: 'LABELS' }));
    expect(() => precisionRecallF1([0, 1, 2], [0, 1, 2])).toThrow(/use \{ average: 'macro' \}/);
  });
});

describe('seeded splits', () => {
  const labels = Array.from({ length: 103 }, (_, i) => (i % 10 < 3 ? 'a' : i % 10 < 9 ? 'b' : 'c'));

  it('trainTestSplit: disjoint, covering, the asked share, the same for a seed; stratified keeps every class share', () => {
    const s = trainTestSplit(103, { testSize: 0.2, seed: 4, stratify: labels });
    expect(s.test.length).toBe(21);
    expect([...s.train, ...s.test].sort((a, b) => a - b)).toEqual(Array.from({ length: 103 }, (_, i) => i));
    expect(trainTestSplit(103, { testSize: 0.2, seed: 4, stratify: labels })).toEqual(s);
    expect(trainTestSplit(103, { testSize: 0.2, seed: 5, stratify: labels }).test).not.toEqual(s.test);
    for (const c of ['a', 'b', 'c']) {
      const all = labels.filter((v) => v === c).length;
      const inTest = Array.from(s.test).filter((i) => labels[i] === c).length;
      expect(Math.abs(inTest - all * 0.2)).toBeLessThanOrEqual(1);
    }
    expect(() => trainTestSplit(10, { testSize: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });

  it('stratifiedKFold: every row in one test fold, folds differ in size by at most one per class, too few rows of a class refused', () => {
    const folds = stratifiedKFold(labels, { folds: 5, seed: 1 });
    const seen = folds.flatMap((f) => Array.from(f.test)).sort((a, b) => a - b);
    expect(seen).toEqual(Array.from({ length: 103 }, (_, i) => i));
    for (const f of folds) expect(f.train.length + f.test.length).toBe(103);
    for (const c of ['a', 'b', 'c']) {
      const sizes = folds.map((f) => Array.from(f.test).filter((i) => labels[i] === c).length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    expect(() => stratifiedKFold(['x', 'x', 'y', 'y', 'y'], { folds: 3 })).toThrow(expect.objectContaining({ code: 'LABELS' }));
  });
});

describe('predictLogProba and thresholds', () => {
  const { X, y } = makeProblem(200, 4, 6);
  const y3 = y.map((v, i) => (i % 3 === 0 ? 2 : v));

  it('equals the log of predictProba where that is exact, and stays finite where p rounds to 1 (binary, multinomial, ovr)', () => {
    for (const [labels, multiClass] of [[y, 'auto'], [y3, 'multinomial'], [y3, 'ovr']] as const) {
      const m = new LogisticRegression({ multiClass }).fit(X, labels as number[]);
      const lp = m.predictLogProba(X);
      const p = m.predictProba(X);
      for (let i = 0; i < p.length; i++) expect(Math.abs(lp[i] - Math.log(p[i]))).toBeLessThan(1e-12 * Math.max(1, Math.abs(lp[i])));
    }
    const far = new LogisticRegression().fit(X, y);
    const row = [X[0].map((v) => v * 1e3)];
    const [pz] = far.predictProba(row);
    const [lz] = far.predictLogProba(row);
    expect(pz === 1 || pz === 0).toBe(true); // rounded away in p …
    expect(Number.isFinite(lz)).toBe(true); // … but not in log p
    expect(lz).toBeLessThan(0);
  });

  it('predict with a threshold moves the decision; other models refuse it', () => {
    const m = new LogisticRegression().fit(X, y);
    const p = m.predictProba(X);
    const strict = m.predict(X, { threshold: 0.9 });
    expect(strict).toEqual(Array.from(p, (v) => (v >= 0.9 ? 1 : 0)));
    expect(m.predict(X, { threshold: 0.5 })).toEqual(m.predict(X));
    expect(() => m.predict(X, { threshold: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => new LogisticRegression().fit(X, y3).predict(X, { threshold: 0.3 })).toThrow(/for binary models/);
  });
});
