// Minibatch order per epoch: 'rows' (a permutation of all rows), 'batches' (contiguous runs in
// a random order), 'none' (stored order) — observed through the row lists a solver asks for.
import { describe, expect, it } from 'vitest';
import { LogisticRegression, LogRegError, minimize, setWarningHandler, type ShuffleMode, type StochasticObjective } from '../src/index.js';
import { makeProblem } from './helpers.js';

/** A quadratic finite sum that records every batch it is asked for. */
function recorder(rows: number) {
  const batches: number[][] = [];
  const obj: StochasticObjective = {
    dim: 1,
    nSamples: rows,
    valueAndGradient(x, g) {
      g[0] = x[0];
      return 0.5 * x[0] * x[0];
    },
    batchValueAndGradient(x, g, idx) {
      batches.push(Array.from(idx));
      g[0] = x[0];
      return 0.5 * x[0] * x[0];
    },
  };
  return { obj, batches };
}

function epochs(mode: ShuffleMode, rows: number, batch: number, seed = 1): number[][][] {
  const { obj, batches } = recorder(rows);
  minimize(obj, [1], { method: 'sgd', batchSize: batch, maxIter: 3, tol: 0, learningRate: 1e-3, shuffle: mode, seed });
  const per = Math.ceil(rows / batch);
  return [0, 1, 2].map((e) => batches.slice(e * per, (e + 1) * per));
}

const isRun = (b: number[]) => b.every((v, k) => v === b[0] + k);

describe('shuffle', () => {
  it('every mode visits each row exactly once per epoch', () => {
    for (const mode of ['rows', 'batches', 'none'] as const) {
      for (const ep of epochs(mode, 103, 10)) expect(ep.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 103 }, (_, i) => i));
    }
  });

  it("'none' keeps stored order; 'batches' keeps contiguous batches in a new order each epoch; 'rows' mixes rows", () => {
    const none = epochs('none', 103, 10);
    for (const ep of none) expect(ep.flat()).toEqual(Array.from({ length: 103 }, (_, i) => i));
    const blocks = epochs('batches', 103, 10);
    for (const ep of blocks) {
      expect(ep.every(isRun)).toBe(true);
      expect(ep.every((b) => b[0] % 10 === 0)).toBe(true);
    }
    expect(blocks[0].map((b) => b[0])).not.toEqual(blocks[1].map((b) => b[0]));
    expect(blocks[0].map((b) => b[0])).not.toEqual(none[0].map((b) => b[0]));
    const rows = epochs('rows', 103, 10);
    expect(rows[0].filter(isRun).length).toBeLessThan(3);
  });

  it("the model option: 'none' does not depend on the seed, 'rows' does; all three fit", () => {
    const p = makeProblem(3000, 6, 2);
    setWarningHandler(null);
    const model = (shuffle: ShuffleMode, seed: number) =>
      new LogisticRegression({ solver: 'sgd', shuffle, seed, maxIter: 30, learningRate: 0.2, learningRateSchedule: 'invscaling' }).fit(p.X, p.y);
    const fit = (shuffle: ShuffleMode, seed: number) => Array.from(model(shuffle, seed).coef);
    const a = fit('none', 1);
    expect(fit('none', 2)).toEqual(a);
    expect(fit('rows', 1)).not.toEqual(fit('rows', 2));
    expect(fit('batches', 1)).not.toEqual(fit('batches', 2));
    const best = new LogisticRegression({ solver: 'lbfgs', tol: 1e-10 }).fit(p.X, p.y).lossHistory.at(-1)!;
    for (const mode of ['rows', 'batches', 'none'] as const) {
      const j = model(mode, 3).lossHistory.at(-1)!;
      expect((j - best) / best).toBeLessThan(2e-3);
    }
    setWarningHandler(undefined);
    expect(() => new LogisticRegression({ shuffle: 'random' as ShuffleMode })).toThrow(LogRegError);
    expect(() => minimize(recorder(5).obj, [1], { method: 'sgd', shuffle: 'x' as ShuffleMode })).toThrow(/shuffle must be/);
  });
});
