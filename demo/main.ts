// The demo page: data, training with a recorded path replayed on the canvases, and timing.
import { init, LogisticRegression, type LogisticRegressionOptions } from 'logreg-wasm';
import { features, makeData, type Points } from './data.js';
import { COLORS, drawCurve, drawPlane, fromPx } from './draw.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const plane = $<HTMLCanvasElement>('plane');
const curve = $<HTMLCanvasElement>('curve');
const ui = {
  dataset: $<HTMLSelectElement>('dataset'),
  solver: $<HTMLSelectElement>('solver'),
  C: $<HTMLInputElement>('C'),
  cValue: $<HTMLOutputElement>('cValue'),
  quadratic: $<HTMLInputElement>('quadratic'),
  train: $<HTMLButtonElement>('train'),
  time: $<HTMLButtonElement>('time'),
  clear: $<HTMLButtonElement>('clear'),
  drawHint: $<HTMLElement>('drawHint'),
  drawClass: $<HTMLElement>('drawClass'),
  accuracy: $<HTMLElement>('accuracy'),
  iterations: $<HTMLElement>('iterations'),
  loss: $<HTMLElement>('loss'),
  backend: $<HTMLElement>('backend'),
  timing: $<HTMLElement>('timing'),
};

let data: Points = makeData('blobs');
let drawLabel = 0;
let animation = 0;

const C = () => 10 ** Number(ui.C.value);
const k = () => Math.max(2, new Set(data.label).size);

function options(extra: LogisticRegressionOptions = {}): LogisticRegressionOptions {
  const solver = ui.solver.value as LogisticRegressionOptions['solver'];
  const stochastic = solver === 'sgd' || solver === 'adam';
  return { solver, C: C(), maxIter: stochastic ? 200 : 2000, tol: 1e-6, batchSize: stochastic ? 16 : undefined, seed: 1, ...extra };
}

function matrix() {
  return data.xy.map((p) => features(p, ui.quadratic.checked));
}

function resetStats() {
  for (const el of [ui.accuracy, ui.iterations, ui.loss, ui.backend]) el.textContent = '–';
}

function redraw() {
  cancelAnimationFrame(animation);
  drawPlane(plane, data, null, k(), ui.quadratic.checked);
  drawCurve(curve, [], 0);
}

function train() {
  cancelAnimationFrame(animation);
  if (new Set(data.label).size < 2) {
    ui.accuracy.textContent = 'needs two classes';
    return;
  }
  const X = matrix();
  const path: Float64Array[] = [];
  const m = new LogisticRegression(options({ onIteration: ({ x }) => void (x && path.push(x.slice())) }));
  m.fit(X, data.label);
  const history = m.lossHistory;
  const classes = m.classes.length;
  const first = new Float64Array(path[0]?.length ?? 0);
  const frames = [first, ...path];
  ui.accuracy.textContent = `${(100 * m.score(X, data.label)).toFixed(1)}%`;
  ui.iterations.textContent = `${m.nIter}${m.converged ? '' : ' (stopped)'}`;
  ui.loss.textContent = history[history.length - 1].toFixed(5);
  ui.backend.textContent = m.backend;
  // replay: at most ~90 frames, spread over the iterations
  const steps = Math.min(frames.length, 90);
  let f = 0;
  const tick = () => {
    const i = Math.round((f * (frames.length - 1)) / Math.max(1, steps - 1));
    drawPlane(plane, data, frames[i], classes, ui.quadratic.checked);
    drawCurve(curve, history, Math.round((i * (history.length - 1)) / Math.max(1, frames.length - 1)));
    if (++f < steps) animation = requestAnimationFrame(tick);
    else document.body.dataset.trained = 'true';
  };
  document.body.dataset.trained = 'false';
  tick();
}

function median(v: number[]) {
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function time() {
  const X = matrix();
  const fitOnce = (backend: 'wasm' | 'js') => new LogisticRegression(options({ backend })).fit(X, data.label);
  // browsers coarsen performance.now() (100 µs without cross-origin isolation): time blocks of fits
  const block = (backend: 'wasm' | 'js', reps: number) => {
    const t = performance.now();
    for (let r = 0; r < reps; r++) fitOnce(backend);
    return (performance.now() - t) / reps;
  };
  for (let i = 0; i < 5; i++) (fitOnce('wasm'), fitOnce('js')); // warm-up
  let reps = 1;
  while (block('wasm', reps) * reps < 5 && reps < 4096) reps *= 2;
  const w: number[] = [];
  const j: number[] = [];
  const start = performance.now();
  while (w.length < 7 || (performance.now() - start < 800 && w.length < 31)) {
    w.push(block('wasm', reps));
    j.push(block('js', reps));
  }
  const mw = median(w);
  const mj = median(j);
  ui.timing.textContent =
    `Same fit, median of ${w.length} blocks of ${reps}: wasm ${mw.toFixed(3)} ms, js ${mj.toFixed(3)} ms per fit — ` +
    `${(mj / mw).toFixed(1)}× ${mj >= mw ? 'faster' : 'slower'} with wasm (${data.xy.length} points).`;
  document.body.dataset.timed = 'true';
}

function setDataset(kind: string) {
  data = makeData(kind);
  const drawing = kind === 'draw';
  ui.drawHint.hidden = !drawing;
  ui.clear.hidden = !drawing;
  resetStats();
  redraw();
}

function drawButtons() {
  ui.drawClass.innerHTML = '';
  ['A', 'B', 'C'].forEach((name, c) => {
    const b = document.createElement('button');
    b.textContent = name;
    const [r, g, bl] = COLORS[c];
    b.style.borderColor = `rgb(${r},${g},${bl})`;
    b.style.background = c === drawLabel ? `rgb(${r},${g},${bl})` : '';
    b.onclick = () => {
      drawLabel = c;
      drawButtons();
    };
    ui.drawClass.append(b);
  });
}

plane.addEventListener('click', (e) => {
  if (ui.dataset.value !== 'draw') return;
  const r = plane.getBoundingClientRect();
  const x = fromPx(((e.clientX - r.left) * plane.width) / r.width, plane.width);
  const y = -fromPx(((e.clientY - r.top) * plane.height) / r.height, plane.height);
  data.xy.push([x, y]);
  data.label.push(drawLabel);
  redraw();
});

ui.dataset.onchange = () => setDataset(ui.dataset.value);
ui.C.oninput = () => (ui.cValue.textContent = C() >= 1 ? C().toFixed(C() >= 10 ? 0 : 1) : C().toPrecision(2));
ui.train.onclick = train;
ui.time.onclick = time;
ui.clear.onclick = () => {
  data = { xy: [], label: [] };
  resetStats();
  redraw();
};

await init();
drawButtons();
setDataset('blobs');
document.body.dataset.ready = 'true';
