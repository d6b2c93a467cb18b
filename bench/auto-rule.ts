// The measurements behind solver 'auto' (model/train/auto-solver.ts): lbfgs, newton and
// newton-cholesky at the default tol on seeded synthetic sets, with standardised-like columns and
// with raw ones (scaled up to 181× and offset), best of 3 fits, each capped at CAP_MS.
import { LogisticRegression, setWarningHandler } from '../src/index.js';
import { synthetic, type BenchData } from './data.js';

export const CAP_MS = 5000;
const SHAPES: [number, number][] = [[500, 10], [2000, 30], [20000, 20], [5000, 100], [100000, 50], [2000, 300]];
export const SOLVERS = ['lbfgs', 'newton', 'newton-cholesky', 'auto'] as const;

/** Columns in mixed units: x_ij·(1 + 30·(j mod 7)) + 50·(j mod 3). */
function raw(d: BenchData): BenchData {
  const X = d.X.slice();
  for (let i = 0; i < d.rows; i++) for (let j = 0; j < d.cols; j++) X[i * d.cols + j] = X[i * d.cols + j] * (1 + (j % 7) * 30) + (j % 3) * 50;
  return { ...d, X, name: `${d.name}, raw` };
}

export interface GridCell {
  ms: number;
  iterations: number;
  converged: boolean;
  capped: boolean;
  solver: string;
}

export function autoRuleGrid(): { name: string; cells: GridCell[] }[] {
  setWarningHandler(null);
  const sets = SHAPES.flatMap(([n, d], k) => {
    const s = synthetic(n, d, 10 + k);
    return [s, raw(s)];
  });
  return sets.map((s) => {
    const X = { data: s.X, rows: s.rows, cols: s.cols };
    const cells = SOLVERS.map((solver) => {
      let best: GridCell | null = null;
      for (let r = 0; r < 3; r++) {
        let capped = false;
        const t0 = performance.now();
        const m = new LogisticRegression({
          solver,
          maxIter: 100000,
          onIteration: () => {
            capped = performance.now() - t0 > CAP_MS;
            return !capped;
          },
        }).fit(X, s.y);
        const ms = performance.now() - t0;
        if (!best || ms < best.ms) best = { ms, iterations: m.nIter, converged: m.converged, capped, solver: m.solverUsed ?? solver };
        if (capped) break;
      }
      return best!;
    });
    return { name: s.name, cells };
  });
}
