// Time to solution: per solver and dataset, the wall time of fit() (data copy included) until
// J is within 1e-8 relative of the optimum J*, the best of newton and lbfgs run to tol 1e-12.
import { LogisticRegression, setWarningHandler, type LogisticRegressionOptions } from '../src/index.js';
import type { BenchData } from './data.js';

export interface SolverRow {
  dataset: string;
  solver: string;
  backend: string;
  reached: boolean;
  ms: { median: number; min: number; max: number } | null;
  iterations: number;
  finalGap: number;
  runs: number;
}

const TARGET = 1e-8;

function fitUntil(data: BenchData, opts: LogisticRegressionOptions, jStar: number, budgetMs: number) {
  let hitMs = -1;
  let iters = 0;
  let last = Infinity;
  const t0 = performance.now();
  new LogisticRegression({
    ...opts,
    tol: 0,
    onIteration: ({ iteration, loss }) => {
      iters = iteration;
      last = loss;
      const now = performance.now() - t0;
      if ((loss - jStar) / jStar <= TARGET) {
        hitMs = now;
        return false;
      }
      return now < budgetMs;
    },
  }).fit({ data: data.X, rows: data.rows, cols: data.cols }, data.y);
  return { hitMs, iters, gap: (last - jStar) / jStar };
}

export function optimum(data: BenchData, C: number): number {
  const X = { data: data.X, rows: data.rows, cols: data.cols };
  const a = new LogisticRegression({ solver: 'newton', C, tol: 1e-12, maxIter: 500 }).fit(X, data.y);
  const b = new LogisticRegression({ solver: 'lbfgs', C, tol: 1e-12, maxIter: 20000 }).fit(X, data.y);
  return Math.min(a.lossHistory.at(-1)!, b.lossHistory.at(-1)!);
}

export function solverBench(
  datasets: BenchData[],
  configs: { label: string; opts: LogisticRegressionOptions }[],
  budgetMs: number,
  runs: number,
): SolverRow[] {
  setWarningHandler(null);
  const out: SolverRow[] = [];
  for (const data of datasets) {
    const jStar = optimum(data, 1);
    for (const { label, opts } of configs) {
      fitUntil(data, { ...opts, maxIter: 3 }, jStar, budgetMs); // warm-up: tiers, allocations
      const times: number[] = [];
      let iters = 0;
      let gap = Infinity;
      let done = 0;
      for (let r = 0; r < runs; r++) {
        const res = fitUntil(data, { maxIter: 1_000_000, ...opts }, jStar, budgetMs);
        done++;
        iters = res.iters;
        gap = res.gap;
        if (res.hitMs < 0) break;
        times.push(res.hitMs);
        if (res.hitMs > budgetMs / 4) break; // slow: one or two runs are enough
      }
      times.sort((a, b) => a - b);
      out.push({
        dataset: data.name,
        solver: label,
        backend: opts.backend ?? 'wasm',
        reached: times.length > 0,
        ms: times.length ? { median: times[times.length >> 1], min: times[0], max: times[times.length - 1] } : null,
        iterations: iters,
        finalGap: gap,
        runs: done,
      });
    }
  }
  setWarningHandler(undefined);
  return out;
}
