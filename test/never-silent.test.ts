// Never a silent wrong answer: inputs that once gave a NaN model, a stale state or a model that
// leaked into the caller's hands now give a typed error or a rule that holds (issue classes 2–4).
import { describe, expect, it } from 'vitest';
import { LogisticRegression } from '../src/index.js';
import { makeProblem } from './helpers.js';

const { X, y } = makeProblem(200, 3, 11);
const n = X.length;
const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol: number) => {
  for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i])));
};

describe('the objective is finite or the fit is refused', () => {
  it('weights near 1e308 (their sum overflows) fit as the same weights scaled down with C scaled up', () => {
    const huge = new LogisticRegression().fit(X, y, { sampleWeight: new Array(n).fill(1e308) });
    const same = new LogisticRegression({ C: 1e308 }).fit(X, y);
    expect(huge.lossHistory.every(Number.isFinite)).toBe(true);
    close(huge.coef, same.coef, 1e-9);
  });

  it('weights near 5e-324 (their sum underflows): unpenalised they fit as unit weights; with l2 the penalty 1/(C·S) overflows and is refused', () => {
    const tiny = new Array(n).fill(5e-324);
    const none = new LogisticRegression({ penalty: 'none' }).fit(X, y, { sampleWeight: tiny });
    close(none.coef, new LogisticRegression({ penalty: 'none' }).fit(X, y).coef, 1e-9);
    expect(() => new LogisticRegression().fit(X, y, { sampleWeight: tiny })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringMatching(/penalty strength 1\/\(C·S\).*not a finite number/) }),
    );
  });

  it('classWeight × sampleWeight overflowing names the row', () => {
    const sw = new Array(n).fill(1e308);
    const label = y[3];
    expect(() => new LogisticRegression({ classWeight: { [label]: 10 } }).fit(X, y, { sampleWeight: sw })).toThrow(/overflows at row \d+ \(1e\+308 × 10\)/);
  });

  it('C so small that 1/(C·S) is Infinity is refused, naming C', () => {
    expect(() => new LogisticRegression({ C: 1e-320 }).fit(X, y)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', details: expect.objectContaining({ option: 'C' }) }));
  });

  it("dtype 'float32' with a finite value beyond float32's range names it; float64 storage takes it", () => {
    const big = X.map((r) => r.slice());
    big[5][2] = 1e39;
    expect(() => new LogisticRegression({ dtype: 'float32' }).fit(big, y)).toThrow(
      expect.objectContaining({ code: 'NON_FINITE', details: { row: 5, column: 2 }, message: expect.stringMatching(/beyond float32's range/) }),
    );
    expect(new LogisticRegression({ dtype: 'float64' }).fit(big, y).lossHistory.every(Number.isFinite)).toBe(true);
  });
});

describe('options and JSON are read by own properties only', () => {
  it('a sampleWeight planted on Object.prototype is not taken for fit’s option', () => {
    const plain = new LogisticRegression().fit(X, y);
    const proto = Object.prototype as Record<string, unknown>;
    proto.sampleWeight = X.map((_, i) => (i % 2 ? 1e3 : 1e-3));
    try {
      expect(Array.from(new LogisticRegression().fit(X, y).coef)).toEqual(Array.from(plain.coef));
    } finally {
      delete proto.sampleWeight;
    }
  });

  it('a model JSON whose fields are planted on Object.prototype is refused', () => {
    const json = new LogisticRegression().fit(X, y).toJSON() as unknown as Record<string, unknown>;
    const proto = Object.prototype as Record<string, unknown>;
    for (const [k, v] of Object.entries(json)) proto[k] = v;
    try {
      expect(() => LogisticRegression.fromJSON({})).toThrow(expect.objectContaining({ code: 'INVALID_JSON' }));
    } finally {
      for (const k of Object.keys(json)) delete proto[k];
    }
  });

  it('minimize and logisticObjective take the model’s rules: unknown names and bad values are refused', async () => {
    const { minimize, logisticObjective } = await import('../src/index.js');
    const obj = { dim: 1, valueAndGradient: (x: Float64Array, g: Float64Array) => ((g[0] = 2 * x[0]), x[0] * x[0]) };
    expect(() => minimize(obj, [1], { maxIter: -5 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', details: expect.objectContaining({ option: 'maxIter' }) }));
    expect(() => minimize(obj, [1], { maxIters: 5 } as never)).toThrow(expect.objectContaining({ code: 'UNKNOWN_OPTION' }));
    expect(() => logisticObjective(X, y, { loss: 'hinge' as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => logisticObjective(X, y, { l1Ratio: 5 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => logisticObjective(X, y, { fitIntercept: 'yes' as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    const nan = { dim: 1, valueAndGradient: (_x: Float64Array, g: Float64Array) => ((g[0] = NaN), NaN) };
    expect(() => minimize(nan, [1])).toThrow(expect.objectContaining({ code: 'NON_FINITE', message: expect.stringMatching(/starting point/) }));
  });
});

describe('state does not leak between entry points', () => {
  it('the getters hand out copies: writing to them changes nothing', () => {
    const m = new LogisticRegression({ multiClass: 'multinomial' }).fit(X, y);
    const p = m.predictProba(X);
    m.coef[0] = 99;
    m.intercepts[0] = 99;
    m.classes[0] = 99;
    m.lossHistory.length = 0;
    expect(m.coef[0]).not.toBe(99);
    expect(m.classes[0]).not.toBe(99);
    expect(m.lossHistory.length).toBeGreaterThan(0);
    expect(Array.from(m.predictProba(X))).toEqual(Array.from(p));
  });

  it('fromJSON refuses overrides that would misread the saved coefficients', () => {
    const ovr = new LogisticRegression({ multiClass: 'ovr' }).fit(X, y.map((v, i) => (i % 3 === 0 ? 2 : v))).toJSON();
    expect(() => LogisticRegression.fromJSON(ovr, { multiClass: 'multinomial' })).toThrow(/fitted with multiClass "ovr"/);
    const binary = new LogisticRegression().fit(X, y).toJSON();
    expect(() => LogisticRegression.fromJSON(binary, { fitIntercept: false })).toThrow(/fitted with fitIntercept true/);
    expect(LogisticRegression.fromJSON(binary, { maxIter: 5 }).options.maxIter).toBe(5);
  });

  it("partialFit and fitStream with multiClass 'ovr' fit one-vs-rest: each class's row is the binary online fit of that class against the rest", async () => {
    const y3 = y.map((v, i) => (i % 3 === 0 ? 2 : v));
    const opts = { solver: 'momentum', batchSize: 16, seed: 9 } as const;
    const m = new LogisticRegression({ ...opts, multiClass: 'ovr' });
    m.partialFit(X.slice(0, 100), y3.slice(0, 100), { classes: [0, 1, 2] });
    m.partialFit(X.slice(100), y3.slice(100));
    expect(m.kind).toBe('ovr');
    expect(m.coefShape).toEqual([3, 3]);
    const d = X[0].length;
    for (const c of [0, 1, 2]) {
      const yc = y3.map((v) => (v === c ? 1 : 0));
      const b = new LogisticRegression(opts);
      b.partialFit(X.slice(0, 100), yc.slice(0, 100), { classes: [0, 1] });
      b.partialFit(X.slice(100), yc.slice(100));
      expect(Array.from(m.coef.subarray(c * d, c * d + d)), `class ${c}`).toEqual(Array.from(b.coef));
      expect(m.intercepts[c]).toBe(b.intercept);
    }
    const streamed = await new LogisticRegression({ ...opts, multiClass: 'ovr' }).fitStream(() => [{ X: X.slice(0, 100), y: y3.slice(0, 100) }, { X: X.slice(100), y: y3.slice(100) }], { classes: [0, 1, 2] });
    expect(Array.from(streamed.coef)).toEqual(Array.from(m.coef));
  });

  it('partialFit after fitAsync continues from fitAsync’s coefficients, not an older stream', async () => {
    const opts = { solver: 'sgd', batchSize: 20, seed: 3, maxIter: 5 } as const;
    const m = new LogisticRegression(opts);
    m.partialFit(X.slice(0, 50), y.slice(0, 50), { classes: [0, 1] });
    await m.fitAsync(X, y, { worker: false });
    const fresh = LogisticRegression.fromJSON(m.toJSON());
    m.partialFit(X.slice(50, 100), y.slice(50, 100), { classes: [0, 1] });
    fresh.partialFit(X.slice(50, 100), y.slice(50, 100), { classes: [0, 1] });
    expect(Array.from(m.coef)).toEqual(Array.from(fresh.coef));
  });

  it('one training at a time: a second fitAsync, or a fit during one, is refused (BUSY); the first completes', async () => {
    const m = new LogisticRegression({ solver: 'gd', maxIter: 200 });
    const first = m.fitAsync(X, y, { worker: false });
    await expect(m.fitAsync(X, y, { worker: false })).rejects.toMatchObject({ code: 'BUSY' });
    expect(() => m.fit(X, y)).toThrow(expect.objectContaining({ code: 'BUSY' }));
    await first;
    expect(m.isFitted).toBe(true);
    expect(new LogisticRegression().fit(X, y).isFitted).toBe(true);
  });

  it('dispose() during fitAsync stops it, in a worker (the built package) and in slices: the promise rejects with DISPOSED', async () => {
    const built = await import('../dist/index.js');
    for (const worker of [true, false]) {
      const m = new built.LogisticRegression({ solver: 'gd', maxIter: 100000, tol: 0 });
      const running = m.fitAsync(X, y, { worker });
      await new Promise((r) => setTimeout(r, 50));
      const t = performance.now();
      m.dispose();
      await expect(running).rejects.toMatchObject({ code: 'DISPOSED' });
      expect(performance.now() - t).toBeLessThan(1000);
    }
  });
});

describe('inputs that once escaped validation', () => {
  it('a signal that is not an AbortSignal is refused before any work starts', async () => {
    await expect(new LogisticRegression().fitAsync(X, y, { signal: {} as never })).rejects.toMatchObject({ code: 'INVALID_OPTION', details: { option: 'signal' } });
    await expect(new LogisticRegression({ solver: 'sgd' }).fitStream([{ X, y }], { classes: [0, 1], signal: 'stop' as never })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });

  it('fitStream over something that is not a stream, and float32 storage asked of the js backend', async () => {
    const m = new LogisticRegression({ solver: 'sgd' });
    await expect(m.fitStream(42 as never, { classes: [0, 1] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(m.fitStream((() => 42) as never, { classes: [0, 1] })).rejects.toThrow(/the function returned 42/);
    expect(() => new LogisticRegression({ backend: 'js', dtype: 'float32' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', details: expect.objectContaining({ option: 'dtype' }) }));
  });

  it('memory beyond what can be allocated, and csvBatches batch sizes that are not row counts', async () => {
    const { csvBatches } = await import('../src/index.js');
    expect(() => new LogisticRegression({ memory: 2 ** 53 - 1 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', details: expect.objectContaining({ option: 'memory' }) }));
    for (const batchSize of [-1, 0, NaN, 2.5, 1e12])
      expect(() => csvBatches('x.csv', { target: 'y', batchSize })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', details: expect.objectContaining({ option: 'batchSize' }) }));
  });

  it('logisticObjective: short vectors and empty index lists are errors, not NaN', async () => {
    const { logisticObjective } = await import('../src/index.js');
    const obj = logisticObjective(X, y);
    try {
      const x = new Float64Array(obj.dim);
      expect(() => obj.hessianVectorProduct(x, new Float64Array(2), new Float64Array(obj.dim))).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
      expect(() => obj.valueAndGradient(x, new Float64Array(1))).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
      expect(() => obj.batchValueAndGradient(x, new Float64Array(obj.dim), new Int32Array(0))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    } finally {
      obj.dispose();
    }
  });

  it('initSync and init with inputs that are not the kernels throw LogRegError', async () => {
    const { execFileSync } = await import('node:child_process');
    const { join } = await import('node:path');
    const { root } = await import('./helpers.js');
    for (const mode of ['garbage', 'other-module', 'not-bytes', 'missing-url']) {
      const out = execFileSync(process.execPath, [join(root, 'test/consumers/init-errors.mjs'), mode, 'http://127.0.0.1:9/kernels.wasm'], { cwd: root });
      expect(JSON.parse(out.toString()), mode).toMatchObject({ mode, threw: true, typed: true, code: 'INVALID_INPUT' });
    }
  });
});

describe('abort reaches a stream that never waits', () => {
  it('fitStream over a synchronous source yields to the event loop, so a timer’s abort stops it', async () => {
    const batches = () => [{ X: X.slice(0, 20), y: y.slice(0, 20) }];
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 30);
    const t = performance.now();
    await expect(new LogisticRegression({ solver: 'sgd' }).fitStream(batches, { classes: [0, 1], epochs: 1e7, signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
