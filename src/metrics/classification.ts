// Classification metrics with scikit-learn's definitions (sklearn.metrics): accuracy, confusion
// matrix, precision / recall / F1, log loss, Brier score and ROC AUC. Labels are read as the
// model reads them (numbers, strings or booleans, one type); the classes are sorted, and for two
// classes the positive one is classes[1], as predictProba's column is.
import { LogRegError, describeValue } from '../core/errors.js';
import { readAllLabels, readLabels, sortedClasses, type Label } from '../data/labels.js';

function pairOf(yTrue: unknown, yPred: unknown): [Label[], Label[]] {
  const t = readAllLabels(yTrue);
  const p = readLabels(yPred, t.length);
  if (t.length === 0) throw new LogRegError('EMPTY_DATA', 'the metrics need at least one label');
  if (p.length > 0 && typeof p[0] !== typeof t[0]) throw new LogRegError('LABELS', `yTrue holds ${typeof t[0]} labels, yPred ${typeof p[0]} labels`);
  return [t, p];
}

/** The fraction of rows where yPred equals yTrue. */
export function accuracyScore(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>): number {
  const [t, p] = pairOf(yTrue, yPred);
  let hits = 0;
  for (let i = 0; i < t.length; i++) if (t[i] === p[i]) hits++;
  return hits / t.length;
}

/** Counts: matrix[i][j] = rows of true class labels[i] predicted as labels[j] (labels: sorted, or given). */
export function confusionMatrix(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, labels?: Label[]): { labels: Label[]; matrix: number[][] } {
  const [t, p] = pairOf(yTrue, yPred);
  const classes = labels ?? sortedClasses([...t, ...p]);
  const index = new Map(classes.map((c, i) => [c, i]));
  const matrix = classes.map(() => new Array<number>(classes.length).fill(0));
  for (let i = 0; i < t.length; i++) {
    const a = index.get(t[i]);
    const b = index.get(p[i]);
    if (a !== undefined && b !== undefined) matrix[a][b]++;
  }
  return { labels: classes, matrix };
}

export interface PrecisionRecallOptions {
  /** 'binary' (default, for two classes: the scores of `positive`) or 'macro' (the unweighted mean over classes) */
  average?: 'binary' | 'macro';
  /** the positive class of 'binary'; default classes[1] */
  positive?: Label;
}

/** Precision, recall and F1 as scikit-learn computes them (0 where a ratio's denominator is 0). */
export function precisionRecallF1(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: PrecisionRecallOptions = {}): { precision: number; recall: number; f1: number } {
  const { labels, matrix } = confusionMatrix(yTrue, yPred);
  const of = (c: number) => {
    const tp = matrix[c][c];
    const predicted = matrix.reduce((s, row) => s + row[c], 0);
    const actual = matrix[c].reduce((s, v) => s + v, 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = actual ? tp / actual : 0;
    return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  };
  if ((options.average ?? 'binary') === 'macro') {
    const all = labels.map((_, c) => of(c));
    const mean = (k: 'precision' | 'recall' | 'f1') => all.reduce((s, v) => s + v[k], 0) / all.length;
    return { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') };
  }
  if (labels.length > 2) throw new LogRegError('LABELS', `average 'binary' needs two classes, found ${labels.length}: use { average: 'macro' }`);
  const positive = options.positive ?? labels[labels.length - 1];
  const c = labels.indexOf(positive);
  if (c < 0) throw new LogRegError('LABELS', `the positive class ${describeValue(positive)} is not among the labels (${labels.join(', ')})`);
  return of(c);
}

/** Probabilities as rows: n values of P(classes[1]) for two classes, or n×k row-major. */
function probabilityRows(proba: ArrayLike<number>, n: number, what: string): { k: number; at: (i: number, c: number) => number } {
  if (proba === null || typeof proba !== 'object' || typeof proba.length !== 'number')
    throw new LogRegError('INVALID_INPUT', `${what} must be an array of probabilities, got ${describeValue(proba)}`);
  for (let i = 0; i < proba.length; i++)
    if (!(proba[i] >= 0 && proba[i] <= 1)) throw new LogRegError('INVALID_INPUT', `${what} has ${describeValue(proba[i])} at index ${i}, not a probability`, { value: proba[i] });
  if (proba.length === n) return { k: 2, at: (i, c) => (c === 1 ? proba[i] : 1 - proba[i]) };
  if (proba.length % n !== 0) throw new LogRegError('LENGTH_MISMATCH', `${what} has ${proba.length} values, neither n = ${n} nor a multiple of it`);
  const k = proba.length / n;
  return { k, at: (i, c) => proba[i * k + c] };
}

function classesOf(t: Label[], given: Label[] | undefined, k: number): Label[] {
  const classes = given ?? sortedClasses(t);
  if (classes.length !== k) throw new LogRegError('LABELS', `the probabilities have ${k} columns but there are ${classes.length} classes (${classes.join(', ')}): pass { classes }`);
  return classes;
}

/**
 * The mean negative log-likelihood, −(1/n) Σ log p(yᵢ); probabilities are clipped to [ε, 1 − ε]
 * (ε = 2^−52, scikit-learn's 'auto' for float64) and rows renormalised, as scikit-learn does.
 */
export function logLoss(yTrue: ArrayLike<Label>, proba: ArrayLike<number>, options: { classes?: Label[] } = {}): number {
  const t = readAllLabels(yTrue);
  const { k, at } = probabilityRows(proba, t.length, 'proba');
  const classes = classesOf(t, options.classes, k);
  const index = new Map(classes.map((c, i) => [c, i]));
  const eps = 2 ** -52;
  let sum = 0;
  for (let i = 0; i < t.length; i++) {
    const c = index.get(t[i]);
    if (c === undefined) throw new LogRegError('LABELS', `yTrue has ${describeValue(t[i])} at row ${i}, not among the classes (${classes.join(', ')})`, { row: i });
    let total = 0;
    for (let j = 0; j < k; j++) total += Math.min(1 - eps, Math.max(eps, at(i, j)));
    sum -= Math.log(Math.min(1 - eps, Math.max(eps, at(i, c))) / total);
  }
  return sum / t.length;
}

/** The mean of (p − y)² for a binary problem, y = 1 for the positive class (default classes[1]). */
export function brierScore(yTrue: ArrayLike<Label>, pPositive: ArrayLike<number>, options: { positive?: Label } = {}): number {
  const t = readAllLabels(yTrue);
  const { k, at } = probabilityRows(pPositive, t.length, 'pPositive');
  if (k !== 2) throw new LogRegError('LENGTH_MISMATCH', 'brierScore takes one probability per row (binary problems)');
  const classes = sortedClasses(t);
  const positive = options.positive ?? classes[classes.length - 1];
  let sum = 0;
  for (let i = 0; i < t.length; i++) sum += (at(i, 1) - (t[i] === positive ? 1 : 0)) ** 2;
  return sum / t.length;
}

/** Area under the ROC curve of scores for the rows where `positive` is true: Mann–Whitney with average ranks for ties. */
function binaryAuc(positive: boolean[], score: (i: number) => number): number {
  const n = positive.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score(a) - score(b));
  let rankSum = 0;
  let pos = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && score(order[j + 1]) === score(order[i])) j++;
    const rank = (i + j) / 2 + 1; // ties share their average rank
    for (let m = i; m <= j; m++) if (positive[order[m]]) {
      rankSum += rank;
      pos++;
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) throw new LogRegError('LABELS', 'ROC AUC needs both a positive and a negative row');
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/**
 * ROC AUC: for two classes, of the scores (probabilities or margins) of the positive class
 * classes[1]; for k classes, of an n×k probability matrix, one-vs-rest, the unweighted mean over
 * classes (scikit-learn's multi_class='ovr', average='macro').
 */
export function rocAuc(yTrue: ArrayLike<Label>, scores: ArrayLike<number>, options: { classes?: Label[] } = {}): number {
  const t = readAllLabels(yTrue);
  const n = t.length;
  if (scores?.length === n) {
    const classes = classesOf(t, options.classes, 2);
    for (let i = 0; i < n; i++) if (!Number.isFinite(scores[i])) throw new LogRegError('NON_FINITE', `scores has ${scores[i]} at row ${i}`, { row: i });
    return binaryAuc(t.map((v) => v === classes[1]), (i) => scores[i]);
  }
  const { k, at } = probabilityRows(scores, n, 'scores');
  const classes = classesOf(t, options.classes, k);
  let sum = 0;
  for (let c = 0; c < k; c++) sum += binaryAuc(t.map((v) => v === classes[c]), (i) => at(i, c));
  return sum / k;
}
