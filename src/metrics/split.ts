// Seeded splits of row numbers (the PRNG is the solvers', so a seed gives the same split in every
// engine): a train/test split, stratified when asked, and stratified k-fold.
import { LogRegError, describeValue } from '../core/errors.js';
import { readAllLabels, readLabels, type Label } from '../data/labels.js';
import { Rng } from '../optim/rng.js';

export interface Split {
  train: Int32Array;
  test: Int32Array;
}

const sorted = (a: number[]) => Int32Array.from(a).sort();

/** Row numbers of each class, in order of first appearance of the class. */
function byClass(y: Label[]): number[][] {
  const groups = new Map<Label, number[]>();
  y.forEach((v, i) => (groups.get(v) ?? groups.set(v, []).get(v)!).push(i));
  return [...groups.values()];
}

function shuffled(rows: number[], rng: Rng): number[] {
  const a = Int32Array.from(rows);
  rng.shuffle(a);
  return Array.from(a);
}

/**
 * Holds out round(n·testSize) rows (at least one, leaving at least one); with `stratify` (the
 * labels), each class keeps its share in both parts.
 */
export function trainTestSplit(n: number, options: { testSize?: number; seed?: number; stratify?: ArrayLike<Label> } = {}): Split {
  if (!Number.isSafeInteger(n) || n < 2) throw new LogRegError('INVALID_INPUT', `trainTestSplit needs a row count of at least 2, got ${describeValue(n)}`);
  const testSize = options.testSize ?? 0.25;
  if (!(testSize > 0 && testSize < 1)) throw new LogRegError('INVALID_OPTION', `testSize must be in (0, 1), got ${describeValue(testSize)}`, { option: 'testSize' });
  const rng = new Rng(options.seed ?? 0);
  const groups = options.stratify ? byClass(readLabels(options.stratify, n)) : [Array.from({ length: n }, (_, i) => i)];
  const total = Math.min(n - 1, Math.max(1, Math.round(n * testSize)));
  const train: number[] = [];
  const test: number[] = [];
  let left = total;
  groups.forEach((g, gi) => {
    const rows = shuffled(g, rng);
    // each class's share of the test rows, the last class taking what rounding left
    const take = gi === groups.length - 1 ? Math.min(left, rows.length) : Math.min(left, Math.round((rows.length * total) / n));
    left -= take;
    test.push(...rows.slice(0, take));
    train.push(...rows.slice(take));
  });
  return { train: sorted(train), test: sorted(test) };
}

/**
 * k folds that keep each class's share: each class's rows (shuffled with `seed`, unless
 * shuffle is false) are cut into k nearly equal runs, one per fold, the larger runs rotating
 * across folds so the folds' sizes differ by at most one per class.
 */
export function stratifiedKFold(y: ArrayLike<Label>, options: { folds?: number; seed?: number; shuffle?: boolean } = {}): Split[] {
  const labels = readAllLabels(y);
  const k = options.folds ?? 5;
  if (!Number.isSafeInteger(k) || k < 2) throw new LogRegError('INVALID_OPTION', `folds must be an integer >= 2, got ${describeValue(k)}`, { option: 'folds' });
  const groups = byClass(labels);
  const smallest = Math.min(...groups.map((g) => g.length));
  if (smallest < k)
    throw new LogRegError('LABELS', `${k} folds need at least ${k} rows of every class; the smallest class has ${smallest}`, { option: 'folds' });
  const rng = new Rng(options.seed ?? 0);
  const tests: number[][] = Array.from({ length: k }, () => []);
  let offset = 0;
  for (const g of groups) {
    const rows = options.shuffle === false ? g : shuffled(g, rng);
    const base = Math.floor(rows.length / k);
    const extra = rows.length % k;
    let at = 0;
    for (let f = 0; f < k; f++) {
      const size = base + ((f - offset + k) % k < extra ? 1 : 0);
      tests[f].push(...rows.slice(at, at + size));
      at += size;
    }
    offset = (offset + extra) % k;
  }
  return tests.map((test) => {
    const inTest = new Set(test);
    return { train: sorted(labels.map((_, i) => i).filter((i) => !inTest.has(i))), test: sorted(test) };
  });
}
