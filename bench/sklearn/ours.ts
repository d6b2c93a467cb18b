// This package's side of `npm run bench:sklearn` (bench/sklearn.mjs): the problems, the reference
// optimum, the choice of solver and tolerance, and one timed fit. The same procedure as
// scikit-learn's side (side.py): the fastest solver at the loosest tolerance that gets J within
// 1e-8 of J*, timed through the public API with the copy of X into the engine included.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogisticRegression, LogisticRegressionCV, setWarningHandler, type LogisticRegressionOptions } from '../../src/index.js';
import { breastCancer, synthetic, type BenchData } from '../data.js';
import { threadsBench, type ThreadsRow } from '../threads.js';

export interface Problem {
  name: string;
  /** the dataset's file stem in the data directory */
  data: string;
  multinomial: boolean;
  penalty: 'l2' | 'l1';
  C: number;
  jStar?: number;
}

export interface Choice {
  solver: string;
  tol: number;
  sec: number;
  J: number;
}

const TARGET = 1e-8;
/** The prediction set (side.py reads the same file). */
const PREDICT = 'predict-1000000x20';
const TOLS = Array.from({ length: 12 }, (_, e) => Number(`1e-${e + 1}`));
const FIT_CAP_MS = 3000;

export const PROBLEMS: Problem[] = [
  { name: 'breast cancer 569×30, standardised', data: 'breast-cancer', multinomial: false, penalty: 'l2', C: 1 },
  { name: 'breast cancer, L1 (C = 0.1)', data: 'breast-cancer', multinomial: false, penalty: 'l1', C: 0.1 },
  { name: 'digits 0–4 vs 5–9, 1797×64, raw pixels', data: 'digits-binary', multinomial: false, penalty: 'l2', C: 1 },
  { name: 'iris, 3 classes (multinomial)', data: 'iris', multinomial: true, penalty: 'l2', C: 1 },
  { name: 'digits, 10 classes, raw pixels (multinomial)', data: 'digits-10', multinomial: true, penalty: 'l2', C: 1 },
  { name: 'synthetic 20000×20', data: 'synthetic-20000x20', multinomial: false, penalty: 'l2', C: 1 },
  { name: 'synthetic 100000×50', data: 'synthetic-100000x50', multinomial: false, penalty: 'l2', C: 1 },
  { name: 'synthetic 200000×100', data: 'synthetic-200000x100', multinomial: false, penalty: 'l2', C: 1 },
];

/** Writes the datasets made on this side (the Python side exports digits and iris). */
export function writeData(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const save = (stem: string, d: BenchData) => {
    writeFileSync(join(dir, `${stem}.X`), new Uint8Array(d.X.buffer, d.X.byteOffset, d.X.byteLength));
    writeFileSync(join(dir, `${stem}.y`), new Uint8Array(d.y.buffer, d.y.byteOffset, d.y.byteLength));
    writeFileSync(join(dir, `${stem}.json`), JSON.stringify({ rows: d.rows, cols: d.cols }));
  };
  save('breast-cancer', breastCancer());
  for (const [n, d, seed] of [[20000, 20, 1], [100000, 50, 2], [200000, 100, 3]]) save(`synthetic-${n}x${d}`, synthetic(n, d, seed));
  save(PREDICT, synthetic(1_000_000, 20, 4));
}

const cache = new Map<string, { X: { data: Float64Array; rows: number; cols: number }; y: Float64Array }>();
function load(dir: string, stem: string) {
  let v = cache.get(stem);
  if (!v) {
    const meta = JSON.parse(readFileSync(join(dir, `${stem}.json`), 'utf8')) as { rows: number; cols: number };
    const f64 = (ext: string) => {
      const b = readFileSync(join(dir, `${stem}.${ext}`));
      return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    };
    v = { X: { data: f64('X'), ...meta }, y: f64('y') };
    cache.set(stem, v);
  }
  return v;
}

function candidates(p: Problem): string[] {
  if (p.penalty === 'l1') return ['lbfgs', 'saga'];
  return ['lbfgs', 'newton', 'newton-cholesky'];
}

/** The problem's model with `opts` on top. */
function modelFor(p: Problem, opts: LogisticRegressionOptions): LogisticRegression {
  return new LogisticRegression({ C: p.C, penalty: p.penalty, multiClass: p.multinomial ? 'multinomial' : 'auto', maxIter: 100000, ...opts });
}

function fit(dir: string, p: Problem, opts: LogisticRegressionOptions): { ms: number; J: number } {
  setWarningHandler(null);
  const { X, y } = load(dir, p.data);
  const t0 = performance.now();
  const m = modelFor(p, opts).fit(X, y);
  return { ms: performance.now() - t0, J: m.lossHistory.at(-1)! };
}

/** J* from tight fits (newton and lbfgs; lbfgs alone with L1). */
export function reference(dir: string, p: Problem): number {
  const solvers = p.penalty === 'l1' ? ['lbfgs'] : ['newton', 'lbfgs'];
  return Math.min(...solvers.map((solver) => fit(dir, p, { solver: solver as never, tol: 1e-12 }).J));
}

/** The fastest candidate at its loosest tolerance that reaches J* within 1e-8 (best of 3). */
export function select(dir: string, p: Problem, jStar: number): Choice | null {
  let best: Choice | null = null;
  for (const solver of candidates(p))
    for (const tol of TOLS) {
      const first = fit(dir, p, { solver: solver as never, tol });
      if (first.ms > FIT_CAP_MS) break;
      if ((first.J - jStar) / jStar <= TARGET) {
        const ms = Math.min(first.ms, ...[0, 1].map(() => fit(dir, p, { solver: solver as never, tol }).ms));
        if (!best || ms / 1e3 < best.sec) best = { solver, tol, sec: ms / 1e3, J: first.J };
        break;
      }
    }
  return best;
}

/** One timed fit of the choice, after a warm-up fit on the same model (which starts its workers). */
export function timeOnce(dir: string, p: Problem, c: Choice, threads: number): { ms: number; gap: number } {
  setWarningHandler(null);
  const { X, y } = load(dir, p.data);
  const m = modelFor(p, { solver: c.solver as never, tol: c.tol, threads });
  try {
    m.fit(X, y);
    const t0 = performance.now();
    m.fit(X, y);
    const ms = performance.now() - t0;
    return { ms, gap: (m.lossHistory.at(-1)! - p.jStar!) / p.jStar! };
  } finally {
    m.dispose();
  }
}

/** 2 threads against 1, fit by fit, on each L2 problem (solver 'auto'; fewer repeats above ~100 ms a fit). */
export function threadsRows(dir: string, repeats: number): ThreadsRow[] {
  return PROBLEMS.filter((p) => p.penalty === 'l2').map((p) => {
    const { X, y } = load(dir, p.data);
    const data = { name: p.name, X: X.data, rows: X.rows, cols: X.cols, y };
    const ms = fit(dir, p, {}).ms;
    return threadsBench([{ data, multinomial: p.multinomial }], ms > 100 ? Math.max(10, Math.round(repeats / 5)) : repeats)[0];
  });
}

/** predictProba on the prediction set after a short fit on its first 20000 rows: median ms of 15 calls. */
export function predictMs(dir: string, threads: number): number {
  setWarningHandler(null);
  const { X, y } = load(dir, PREDICT);
  const m = new LogisticRegression({ maxIter: 5, threads }).fit({ data: X.data.subarray(0, 20000 * X.cols), rows: 20000, cols: X.cols }, y.subarray(0, 20000));
  for (let i = 0; i < 3; i++) m.predictProba(X);
  const t: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    m.predictProba(X);
    t.push(performance.now() - t0);
  }
  m.dispose();
  return t.sort((a, b) => a - b)[7];
}

/** The problems of the cross-validation rows. */
export const CV_PROBLEMS = [
  { name: 'breast cancer 569×30, standardised', data: 'breast-cancer' },
  { name: 'synthetic 20000×20', data: 'synthetic-20000x20' },
];

/** LogisticRegressionCV({ Cs: 10, cv: 5 }) with its defaults: median ms of 5 fits after a warm-up. */
export function cvMs(dir: string, data: string, threads: number): number {
  setWarningHandler(null);
  const { X, y } = load(dir, data);
  const run = () => {
    const t0 = performance.now();
    new LogisticRegressionCV({ Cs: 10, cv: 5, threads }).fit(X, y);
    return performance.now() - t0;
  };
  run();
  return Array.from({ length: 5 }, run).sort((a, b) => a - b)[2];
}
