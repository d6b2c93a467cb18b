// LogisticRegressionCV, as scikit-learn's: for each fold, fit along the C grid (each C warm-started
// from the previous C's solution), score on the held-out rows, choose the C (and l1 ratio) with
// the best mean score, and refit on all rows with it.
import { LogRegError, describeValue } from '../core/errors.js';
import { ownFields } from '../core/own.js';
import { matrixSource, takeRows } from '../data/matrix.js';
import { takeCsrRows } from '../data/csr.js';
import { readLabels, type Label } from '../data/labels.js';
import { LogisticRegression } from '../model/logistic-regression.js';
import type { LogisticRegressionOptions } from '../model/options.js';
import { accuracyScore, logLoss, rocAuc } from '../metrics/classification.js';
import { stratifiedKFold, type Split } from '../metrics/split.js';
import { emitWarning, withoutWarnings } from '../core/warnings.js';

/** A scorer: higher is better. Named ones: accuracy, neg_log_loss, roc_auc (binary, or ovr macro). */
export type Scoring = 'accuracy' | 'neg_log_loss' | 'roc_auc' | ((model: LogisticRegression, X: FoldRows, y: Label[]) => number);

/** The rows of a fold: dense row-major, or CSR when X is sparse. */
export type FoldRows = { data: Float64Array; rows: number; cols: number } | { indptr: Int32Array; indices: Int32Array; data: Float64Array | Float32Array; shape: [number, number] };

/** X read once: a dense copy, or the validated CSR arrays (never densified). */
function readRows(X: unknown): FoldRows {
  const src = matrixSource(X, 'X');
  const c = src.csr;
  if (c) return { indptr: c.indptr, indices: c.indices, data: c.data, shape: [c.rows, c.cols] };
  const data = new Float64Array(src.rows * src.cols);
  src.fill(data);
  return { data, rows: src.rows, cols: src.cols };
}

function rowCount(X: FoldRows): number {
  return 'shape' in X ? X.shape[0] : X.rows;
}

/** Every model option but C, warmStart and l1Ratio (which the search sets); `threads` serves the refit, the fold fits run on one thread. */
export interface LogisticRegressionCVOptions extends Omit<LogisticRegressionOptions, 'C' | 'warmStart' | 'l1Ratio'> {
  /** a count (log-spaced over 1e-4 … 1e4, as scikit-learn) or the list of C values. Default 10. */
  Cs?: number | number[];
  /** elastic net: the l1 ratios to try (each with every C). Default [0.5]. */
  l1Ratios?: number[];
  /** a fold count (stratified k-fold, seeded with `seed`) or explicit { train, test } row lists. Default 5. */
  cv?: number | { train: ArrayLike<number>; test: ArrayLike<number> }[];
  /** Default 'accuracy', as scikit-learn's. */
  scoring?: Scoring;
  /** refit on all rows with the chosen C. Default true. */
  refit?: boolean;
}

const CV_OPTIONS = ['Cs', 'l1Ratios', 'cv', 'scoring', 'refit'];

function grid(Cs: number | number[]): number[] {
  if (typeof Cs === 'number') {
    if (!Number.isInteger(Cs) || Cs < 1) throw new LogRegError('INVALID_OPTION', `Cs must be a count >= 1 or a list of C values, got ${describeValue(Cs)}`, { option: 'Cs' });
    return Cs === 1 ? [1e-4] : Array.from({ length: Cs }, (_, i) => 10 ** (-4 + (8 * i) / (Cs - 1)));
  }
  if (!Array.isArray(Cs) || Cs.length === 0 || !Cs.every((c) => typeof c === 'number' && Number.isFinite(c) && c > 0))
    throw new LogRegError('INVALID_OPTION', 'Cs must be a count or a non-empty list of finite numbers > 0', { option: 'Cs' });
  return Cs.slice();
}

function rowsOf(X: FoldRows, rows: ArrayLike<number>): FoldRows {
  const n = rowCount(X);
  for (let i = 0; i < rows.length; i++)
    if (!Number.isInteger(rows[i]) || rows[i] < 0 || rows[i] >= n) throw new LogRegError('INVALID_INPUT', `cv has row ${describeValue(rows[i])}, not a row number in [0, ${n})`);
  return 'shape' in X ? takeCsrRows(X, rows) : takeRows(X, rows);
}

function score(scoring: Scoring, m: LogisticRegression, X: FoldRows, y: Label[]): number {
  if (typeof scoring === 'function') return scoring(m, X, y);
  if (scoring === 'accuracy') return accuracyScore(y, m.predict(X));
  if (scoring === 'neg_log_loss') return -logLoss(y, m.predictProba(X), { classes: m.classes });
  if (scoring === 'roc_auc') return rocAuc(y, m.predictProba(X), { classes: m.classes });
  throw new LogRegError('INVALID_OPTION', `scoring must be 'accuracy', 'neg_log_loss', 'roc_auc' or a function, got ${describeValue(scoring)}`, { option: 'scoring' });
}

export class LogisticRegressionCV {
  readonly Cs: number[];
  readonly l1Ratios: number[];
  /** scores[l][f][c]: l1 ratio l, fold f, C c */
  scores: number[][][] = [];
  C = NaN;
  l1Ratio = NaN;
  /** the model refitted on all rows with the chosen C (refit: true) */
  model: LogisticRegression | null = null;
  private readonly modelOptions: LogisticRegressionOptions;
  private readonly cv: LogisticRegressionCVOptions['cv'];
  private readonly scoring: Scoring;
  private readonly refit: boolean;

  constructor(options: LogisticRegressionCVOptions = {}) {
    const given = ownFields(options, 'option');
    const own: Record<string, unknown> = {};
    const rest: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(given)) (CV_OPTIONS.includes(k) ? own : rest)[k] = v;
    this.Cs = grid((own.Cs as number | number[] | undefined) ?? 10);
    this.l1Ratios = (own.l1Ratios as number[] | undefined) ?? [0.5];
    if (!Array.isArray(this.l1Ratios) || this.l1Ratios.length === 0 || !this.l1Ratios.every((r) => typeof r === 'number' && r >= 0 && r <= 1))
      throw new LogRegError('INVALID_OPTION', 'l1Ratios must be a non-empty list of numbers in [0, 1]', { option: 'l1Ratios' });
    this.cv = (own.cv as LogisticRegressionCVOptions['cv']) ?? 5;
    this.scoring = (own.scoring as Scoring | undefined) ?? 'accuracy';
    this.refit = (own.refit as boolean | undefined) ?? true;
    // validated now, with the first C, so a bad option fails here rather than in the first fold
    this.modelOptions = rest as LogisticRegressionOptions;
    new LogisticRegression({ ...this.modelOptions, C: this.Cs[0] });
  }

  /** Scores every C (and l1 ratio) on every fold, chooses the best mean, refits. */
  fit(X: unknown, y: unknown, fitOptions: { sampleWeight?: ArrayLike<number> } = {}): this {
    const all = readRows(X);
    const labels = readLabels(y, rowCount(all));
    const sw = fitOptions.sampleWeight;
    const cv = this.cv ?? 5;
    if (typeof cv !== 'number' && !Array.isArray(cv)) throw new LogRegError('INVALID_OPTION', `cv must be a fold count or a list of { train, test }, got ${describeValue(cv)}`, { option: 'cv' });
    const folds: Split[] =
      typeof cv === 'number'
        ? stratifiedKFold(labels, { folds: cv, seed: this.modelOptions.seed ?? 0 })
        : cv.map((f, i) => {
            if (!f || typeof f !== 'object' || !f.train || !f.test) throw new LogRegError('INVALID_OPTION', `cv[${i}] must be { train, test } row lists`, { option: 'cv' });
            return { train: Int32Array.from(f.train), test: Int32Array.from(f.test) };
          });
    const elastic = this.modelOptions.penalty === 'elasticnet';
    let unconverged = 0;
    const ratios = elastic ? this.l1Ratios : [this.l1Ratios[0]];
    this.scores = ratios.map((l1Ratio) =>
      folds.map((f) => {
        const Xtr = rowsOf(all, f.train);
        const ytr = Array.from(f.train, (i) => labels[i]);
        if (new Set(ytr).size < 2) throw new LogRegError('LABELS', 'a training fold holds a single class: use fewer folds or stratified ones');
        const Xte = rowsOf(all, f.test);
        const yte = Array.from(f.test, (i) => labels[i]);
        const wtr = sw && Array.from(f.train, (i) => sw[i]);
        const path: { previous: LogisticRegression | null } = { previous: null };
        // along the path each C starts from the previous C's solution; non-convergence is said once, for all folds.
        // The fold fits run on one thread (a pool per fit would cost more than it gives); threads serve the refit.
        const scores = this.Cs.map((C) => {
          const opts = { ...this.modelOptions, threads: 1, C, l1Ratio, warmStart: true };
          const m: LogisticRegression = path.previous ? LogisticRegression.fromJSON(path.previous.toJSON(), opts) : new LogisticRegression(opts);
          path.previous?.dispose();
          withoutWarnings(() => m.fit(Xtr, ytr, { sampleWeight: wtr }), 'CONVERGENCE');
          if (!m.converged) unconverged++;
          path.previous = m;
          return score(this.scoring, m, Xte, yte);
        });
        path.previous?.dispose();
        return scores;
      }),
    );
    if (unconverged > 0)
      emitWarning({
        code: 'CONVERGENCE',
        message: `${unconverged} of ${ratios.length * folds.length * this.Cs.length} fold fits stopped before converging (their scores are of unconverged models): raise maxIter, or standardise the features`,
      });
    let best = -Infinity;
    ratios.forEach((l1Ratio, l) =>
      this.Cs.forEach((C, c) => {
        const mean = this.scores[l].reduce((s, fold) => s + fold[c], 0) / folds.length;
        if (mean > best) {
          best = mean;
          this.C = C;
          this.l1Ratio = l1Ratio;
        }
      }),
    );
    this.model = this.refit ? new LogisticRegression({ ...this.modelOptions, C: this.C, l1Ratio: this.l1Ratio }).fit(all, labels, { sampleWeight: sw }) : null;
    return this;
  }

  /** Mean score over the folds at each C (for the chosen l1 ratio). */
  get meanScores(): number[] {
    const l = Math.max(0, this.l1Ratios.indexOf(this.l1Ratio));
    const s = this.scores[l] ?? [];
    return this.Cs.map((_, c) => s.reduce((a, fold) => a + fold[c], 0) / s.length);
  }
}
