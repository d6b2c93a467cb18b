// Layout of the shared buffer between the coordinator and the shard workers, and the data.
export const CONTROL = 4; // Int32 slots: [generation, done, stop, unused]

export function layout(sab, dim, workers) {
  const control = new Int32Array(sab, 0, CONTROL);
  const params = new Float64Array(sab, 16, dim);
  const results = new Float64Array(sab, 16 + 8 * dim, workers * (dim + 1)); // per worker: value, gradient
  return { control, params, results };
}

export function bytesFor(dim, workers) {
  return 16 + 8 * dim + 8 * workers * (dim + 1);
}

/** The same seeded synthetic problem everywhere: rows [from, to) of an n×d set. */
export function rows(from, to, d) {
  const X = [];
  const y = [];
  for (let i = from; i < to; i++) {
    let s = (i + 1) * 2654435761 >>> 0;
    const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
    const x = Array.from({ length: d }, () => rand() * 2 - 1);
    const z = x.reduce((a, v, j) => a + v * Math.cos(j), 0.25);
    X.push(x);
    y.push(rand() < 1 / (1 + Math.exp(-3 * z)) ? 1 : 0);
  }
  return { X, y };
}
