// Time to solution against the JS libraries a user would otherwise pick, on the problem every
// one of them can express: the unpenalised mean log loss with an intercept (penalty 'none';
// the synthetic sets have label noise, so the optimum exists). J* comes from our newton.
//  - logreg-wasm: lbfgs (default settings), wasm and js backends.
//  - ml-logistic-regression 2.0: fixed-step gradient descent on the summed log-likelihood with no
//    intercept, so X gets a column of ones; the best learning rate of a grid is used, and
//    numSteps doubles until J is within tolerance (each attempt is a fresh fit: a user must pick
//    numSteps in advance), or the budget is spent.
//  - TF.js 4.22 (cpu and wasm backends): variables w, b, tf.losses.sigmoidCrossEntropy, Adam with
//    the best rate of a grid, full batch; J is read back every 10 steps.
import { LogisticRegression, setWarningHandler } from '../src/index.js';
import type { BenchData } from './data.js';

export interface LibraryRow {
  dataset: string;
  library: string;
  settings: string;
  reached: boolean;
  ms: number | null;
  steps: number;
  finalGap: number;
}

const TARGET = 1e-6;

function meanLogLoss(data: BenchData, w: ArrayLike<number>, b: number): number {
  let s = 0;
  const { X, rows, cols, y } = data;
  for (let i = 0; i < rows; i++) {
    let z = b;
    for (let j = 0; j < cols; j++) z += X[i * cols + j] * w[j];
    s += Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - y[i] * z;
  }
  return s / rows;
}

function ours(data: BenchData, jStar: number, backend: 'wasm' | 'js', budgetMs: number): LibraryRow {
  let hit = -1;
  let steps = 0;
  let last = Infinity;
  const t0 = performance.now();
  new LogisticRegression({
    penalty: 'none',
    backend,
    tol: 0,
    maxIter: 100000,
    onIteration: ({ iteration, loss }) => {
      steps = iteration;
      last = loss;
      if ((loss - jStar) / jStar <= TARGET) {
        hit = performance.now() - t0;
        return false;
      }
      return performance.now() - t0 < budgetMs;
    },
  }).fit({ data: data.X, rows: data.rows, cols: data.cols }, data.y);
  return { dataset: data.name, library: `logreg-wasm (${backend})`, settings: 'lbfgs, defaults', reached: hit >= 0, ms: hit >= 0 ? hit : null, steps, finalGap: (last - jStar) / jStar };
}

async function mlLogReg(data: BenchData, jStar: number, budgetMs: number): Promise<LibraryRow> {
  const { Matrix } = await import('ml-matrix');
  const { default: ML } = (await import('ml-logistic-regression')) as unknown as { default: new (o: object) => { train(X: unknown, Y: unknown): void; classifiers: { weights: { to1DArray(): number[] } }[] } };
  const rows: number[][] = [];
  for (let i = 0; i < data.rows; i++) rows.push([...data.X.subarray(i * data.cols, (i + 1) * data.cols), 1]);
  const X = new Matrix(rows);
  const Y = Matrix.columnVector(Array.from(data.y));
  // ml's one-vs-all scores class 0 against the rest, with its own label flip: classifier 1 models P(y = 1)
  const fit = (steps: number, lr: number) => {
    const m = new ML({ numSteps: steps, learningRate: lr });
    const t = performance.now();
    m.train(X, Y);
    const ms = performance.now() - t;
    const wb = m.classifiers[0].weights.to1DArray(); // classifier 0: class 0 → target 0, others → 1, i.e. P(y = 1)
    return { ms, J: meanLogLoss(data, wb.slice(0, data.cols), wb[data.cols]) };
  };
  // the summed gradient needs a step ~1/(n·L): pick the best of a grid on a short run
  const grid = [1, 0.5, 0.2, 0.1, 0.05].map((c) => c / data.rows);
  let best = grid[0];
  let bestJ = Infinity;
  for (const lr of grid) {
    const { J } = fit(20, lr);
    if (J < bestJ) (bestJ = J), (best = lr);
  }
  let spent = 0;
  let gap = Infinity;
  for (let steps = 50; ; steps *= 2) {
    const r = fit(steps, best);
    spent += r.ms;
    gap = (r.J - jStar) / jStar;
    const settings = `learningRate ${(best * data.rows).toFixed(2)}/n, intercept column`;
    if (gap <= TARGET) return { dataset: data.name, library: 'ml-logistic-regression', settings, reached: true, ms: r.ms, steps, finalGap: gap };
    if (spent + 2 * r.ms > budgetMs) return { dataset: data.name, library: 'ml-logistic-regression', settings, reached: false, ms: null, steps, finalGap: gap };
  }
}

async function tfjs(data: BenchData, jStar: number, backend: 'cpu' | 'wasm', budgetMs: number): Promise<LibraryRow> {
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend(backend);
  await tf.ready();
  const X = tf.tensor2d(Float32Array.from(data.X), [data.rows, data.cols]);
  const y = tf.tensor2d(Float32Array.from(data.y), [data.rows, 1]);
  // time only the optimisation steps; J is evaluated in float64 here, outside the clock, every 10 steps
  const run = (lr: number, maxSteps: number, budget: number) => {
    const w = tf.variable(tf.zeros([data.cols, 1]));
    const b = tf.variable(tf.zeros([1]));
    const opt = tf.train.adam(lr);
    let spent = 0;
    let steps = 0;
    let hit = -1;
    let gap = Infinity;
    while (steps < maxSteps && spent < budget) {
      const t = performance.now();
      for (let k = 0; k < 10; k++) opt.minimize(() => tf.losses.sigmoidCrossEntropy(y, tf.add(tf.matMul(X, w), b)));
      const wb = w.dataSync() as Float32Array; // waits for the steps to finish
      const bb = (b.dataSync() as Float32Array)[0];
      spent += performance.now() - t;
      steps += 10;
      gap = (meanLogLoss(data, wb, bb) - jStar) / jStar;
      if (gap <= TARGET) {
        hit = spent;
        break;
      }
    }
    w.dispose();
    b.dispose();
    opt.dispose();
    return { hit, steps, gap };
  };
  let best = 0.1;
  let bestGap = Infinity;
  for (const lr of [0.3, 0.1, 0.03]) {
    const r = run(lr, 50, budgetMs / 10);
    if (r.gap < bestGap) (bestGap = r.gap), (best = lr);
  }
  const r = run(best, 1_000_000, budgetMs);
  X.dispose();
  y.dispose();
  return {
    dataset: data.name,
    library: `TF.js ${backend}`,
    settings: `Adam(${best}), full batch, float32`,
    reached: r.hit >= 0,
    ms: r.hit >= 0 ? r.hit : null,
    steps: r.steps,
    finalGap: r.gap,
  };
}

export async function libraryBench(datasets: BenchData[], budgetMs: number): Promise<LibraryRow[]> {
  setWarningHandler(null);
  const out: LibraryRow[] = [];
  for (const data of datasets) {
    const ref = new LogisticRegression({ solver: 'newton', penalty: 'none', tol: 1e-12, maxIter: 200 }).fit({ data: data.X, rows: data.rows, cols: data.cols }, data.y);
    const jStar = ref.lossHistory.at(-1)!;
    ours(data, jStar, 'wasm', budgetMs); // warm-up
    out.push(ours(data, jStar, 'wasm', budgetMs), ours(data, jStar, 'js', budgetMs));
    out.push(await mlLogReg(data, jStar, budgetMs));
    out.push(await tfjs(data, jStar, 'cpu', budgetMs), await tfjs(data, jStar, 'wasm', budgetMs));
  }
  setWarningHandler(undefined);
  return out;
}
