// Canvas drawing: the probability field, the points, and the loss curve.
import { features, type Points } from './data.js';

export const COLORS: [number, number, number][] = [
  [242, 165, 65],
  [91, 141, 239],
  [216, 87, 107],
];

/** Class probabilities at one point from the parameter vector x (coef rows, then intercepts). */
export function probabilities(x: ArrayLike<number>, k: number, f: number[]): number[] {
  const d = f.length;
  const rows = k === 2 ? 1 : k;
  const z: number[] = [];
  for (let c = 0; c < rows; c++) {
    let s = x.length > rows * d ? x[rows * d + c] : 0;
    for (let j = 0; j < d; j++) s += x[c * d + j] * f[j];
    z.push(s);
  }
  if (k === 2) {
    const p = 1 / (1 + Math.exp(-z[0]));
    return [1 - p, p];
  }
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

const toPx = (v: number, size: number) => ((v + 1.1) / 2.2) * size;
export const fromPx = (px: number, size: number) => (px / size) * 2.2 - 1.1;

export function drawPlane(canvas: HTMLCanvasElement, data: Points, x: ArrayLike<number> | null, k: number, quadratic: boolean): void {
  const ctx = canvas.getContext('2d')!;
  const { width: W, height: H } = canvas;
  ctx.fillStyle = '#0b101a';
  ctx.fillRect(0, 0, W, H);
  if (x) {
    const cell = 2;
    const img = ctx.createImageData(W, H);
    for (let py = 0; py < H; py += cell)
      for (let px = 0; px < W; px += cell) {
        const p = probabilities(x, k, features([fromPx(px + cell / 2, W), -fromPx(py + cell / 2, H)], quadratic));
        let r = 11, g = 16, b = 26;
        p.forEach((pc, c) => {
          const a = 0.55 * pc;
          r += a * COLORS[c][0];
          g += a * COLORS[c][1];
          b += a * COLORS[c][2];
        });
        // the decision boundary: where the two most probable classes are nearly tied
        const sorted = [...p].sort((u, v) => v - u);
        const edge = sorted[0] - sorted[1] < 0.025;
        for (let dy = 0; dy < cell; dy++)
          for (let dx = 0; dx < cell; dx++) {
            const o = ((py + dy) * W + (px + dx)) * 4;
            img.data[o] = edge ? 235 : r;
            img.data[o + 1] = edge ? 240 : g;
            img.data[o + 2] = edge ? 250 : b;
            img.data[o + 3] = 255;
          }
      }
    ctx.putImageData(img, 0, 0);
  }
  data.xy.forEach(([px, py], i) => {
    const [r, g, b] = COLORS[data.label[i]];
    ctx.beginPath();
    ctx.arc(toPx(px, W), toPx(-py, H), 4.5, 0, 2 * Math.PI);
    ctx.fillStyle = `rgb(${r},${g},${b})`;
    ctx.fill();
    ctx.lineWidth = 1.2;
    ctx.strokeStyle = '#0b101a';
    ctx.stroke();
  });
}

export function drawCurve(canvas: HTMLCanvasElement, history: number[], upto: number): void {
  const ctx = canvas.getContext('2d')!;
  const { width: W, height: H } = canvas;
  const pad = { l: 48, r: 12, t: 12, b: 28 };
  ctx.fillStyle = '#0b101a';
  ctx.fillRect(0, 0, W, H);
  if (history.length < 2) return;
  const lo = Math.min(...history);
  const hi = Math.max(...history);
  const span = hi - lo || 1;
  const n = history.length - 1;
  const X = (i: number) => pad.l + ((W - pad.l - pad.r) * i) / n;
  const Y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - (v - lo) / span);
  ctx.strokeStyle = '#2a3550';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(pad.l, pad.t);
  ctx.lineTo(pad.l, H - pad.b);
  ctx.lineTo(W - pad.r, H - pad.b);
  ctx.stroke();
  ctx.fillStyle = '#8d98b3';
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillText(hi.toFixed(3), 4, pad.t + 8);
  ctx.fillText(lo.toFixed(3), 4, H - pad.b);
  ctx.fillText('iteration', W / 2 - 20, H - 8);
  ctx.fillText(String(n), W - pad.r - 20, H - 8);
  ctx.strokeStyle = '#5bc0be';
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (let i = 0; i <= Math.min(upto, n); i++) (i === 0 ? ctx.moveTo : ctx.lineTo).call(ctx, X(i), Y(history[i]));
  ctx.stroke();
}
