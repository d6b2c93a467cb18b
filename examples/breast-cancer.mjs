// `npm start`: fits the bundled Wisconsin breast-cancer data with the built package and prints
// a summary, then times the same fit on the js backend.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { init, LogisticRegression } from '../dist/index.js';

const file = fileURLToPath(new URL('./data/breast-cancer.csv', import.meta.url));
const solver = process.argv[2] ?? 'auto';

function readCsv(path, target) {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const t = header.indexOf(target);
  if (t < 0) throw new Error(`${path}: no column '${target}'`);
  const X = [];
  const y = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i].split(',');
    if (cells.length !== header.length) throw new Error(`${path}:${i + 1}: ${cells.length} fields, expected ${header.length}`);
    const row = [];
    cells.forEach((c, j) => {
      if (j === t) return;
      const v = Number(c);
      if (c.trim() === '' || !Number.isFinite(v)) throw new Error(`${path}:${i + 1}:${j + 1}: '${c}' is not a number`);
      row.push(v);
    });
    X.push(row);
    y.push(cells[t]);
  }
  return { names: header.filter((_, j) => j !== t), X, y };
}

/** Deterministic 80/20 split (mulberry32 shuffle, seed 1). */
function split(n, seed = 1) {
  let a = seed;
  const rand = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  const cut = Math.round(n * 0.8);
  return [idx.slice(0, cut), idx.slice(cut)];
}

function standardiser(X) {
  const d = X[0].length;
  const mean = new Array(d).fill(0);
  const sd = new Array(d).fill(0);
  for (const r of X) r.forEach((v, j) => (mean[j] += v / X.length));
  for (const r of X) r.forEach((v, j) => (sd[j] += (v - mean[j]) ** 2 / X.length));
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]) || 1;
  return (rows) => rows.map((r) => r.map((v, j) => (v - mean[j]) / sd[j]));
}

function logLoss(p, y, positive) {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const q = y[i] === positive ? p[i] : 1 - p[i];
    s -= Math.log(Math.max(q, 1e-300));
  }
  return s / p.length;
}

function medianMs(f, runs = 15) {
  for (let i = 0; i < 20; i++) f(); // warm-up: both backends' code reaches its optimising tier
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[runs >> 1];
}

await init();
const { names, X, y } = readCsv(file, 'diagnosis');
const [tr, te] = split(X.length);
const scale = standardiser(tr.map((i) => X[i]));
const Xtr = scale(tr.map((i) => X[i]));
const Xte = scale(te.map((i) => X[i]));
const ytr = tr.map((i) => y[i]);
const yte = te.map((i) => y[i]);
const counts = y.reduce((c, v) => ((c[v] = (c[v] ?? 0) + 1), c), {});

console.log(`data      ${file.split('/').slice(-2).join('/')}: ${X.length} rows × ${names.length} features, ` +
  Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', '));
console.log(`split     ${Xtr.length} train / ${Xte.length} held out (seed 1), features standardised on train`);

const options = { solver, C: 1, tol: 1e-6, maxIter: 10000 };
const t0 = performance.now();
const m = new LogisticRegression(options).fit(Xtr, ytr);
const first = performance.now() - t0;
const pos = m.classes[1];
console.log(`solver    ${m.solverUsed}${solver === 'auto' ? ' (auto)' : ''} (C = 1, tol = 1e-6), backend ${m.backend}`);
console.log(`fit       ${m.nIter} iterations, converged: ${m.converged}, ${first.toFixed(1)} ms (first fit, incl. tier-up)`);
console.log(`accuracy  train ${(m.score(Xtr, ytr) * 100).toFixed(2)}%   held out ${(m.score(Xte, yte) * 100).toFixed(2)}%`);
console.log(`log-loss  train ${logLoss(m.predictProba(Xtr), ytr, pos).toFixed(5)}   held out ${logLoss(m.predictProba(Xte), yte, pos).toFixed(5)}   (P = P(${pos}))`);
console.log(`objective ${m.lossHistory.at(-1).toPrecision(12)} (mean BCE + ‖w‖²/(2·C·n))`);
const top = Array.from(m.coef, (w, j) => [names[j], w]).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 6);
console.log('largest coefficients (standardised features):');
for (const [name, w] of top) console.log(`  ${name.padEnd(24)} ${w >= 0 ? ' ' : ''}${w.toFixed(4)}`);
console.log(`  ${'(intercept)'.padEnd(24)} ${m.intercepts[0] >= 0 ? ' ' : ''}${m.intercepts[0].toFixed(4)}`);

const tw = medianMs(() => new LogisticRegression({ ...options, backend: 'wasm' }).fit(Xtr, ytr));
const tj = medianMs(() => new LogisticRegression({ ...options, backend: 'js' }).fit(Xtr, ytr));
console.log(`timing    median of 15 fits after 20 warm-up fits: wasm ${tw.toFixed(2)} ms, js ${tj.toFixed(2)} ms (${(tj / tw).toFixed(1)}× faster with wasm)`);
