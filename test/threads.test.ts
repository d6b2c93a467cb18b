// threads: n — shards summed in a fixed order: the same result for any scheduling, equal to the
// one-thread pass up to floating-point reassociation (bounded here), workers reused and ended.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { LogisticRegression, LogRegError, logisticObjective, minimize, setWarningHandler, type LogRegWarning } from '../src/index.js';
import { kernelsFor } from '../src/engine/select.js';
import { matrixSource } from '../src/data/matrix.js';
import { startThreadsSync } from '../src/engine/threads/runtime.js';
import { wasmKernels } from '../src/engine/wasm.js';
import { shardStarts, WORK_PER_SHARD } from '../src/engine/threads/shards.js';
import { AUTO_THREADS_MIN_VALUES } from '../src/engine/threads/auto.js';
import os from 'node:os';
import { ThreadPool, type WorkerLike } from '../src/engine/threads/pool.js';
import { SLOT_BYTES } from '../src/engine/threads/slots.js';
import { flat, gauss, makeProblem, prng, relErr, root } from './helpers.js';

function pool(threads: number) {
  const s = startThreadsSync(threads);
  if (!('runtime' in s)) throw new Error(s.reason);
  return s.runtime;
}

describe('shard split', () => {
  it('covers every row once, in multiples of 8, and uses one shard for small passes', () => {
    for (const [count, d, t] of [[100000, 50, 2], [100001, 3, 4], [4003, 64, 3], [17, 2, 2], [1, 1, 8]]) {
      const s = shardStarts(count, d, t);
      expect(s[0]).toBe(0);
      expect(s.at(-1)).toBe(count);
      for (let i = 1; i < s.length - 1; i++) {
        expect(s[i] % 8).toBe(0);
        expect(s[i]).toBeGreaterThan(s[i - 1]);
      }
      expect(s.length - 1).toBeLessThanOrEqual(t);
    }
    expect(shardStarts(100000, 50, 2)).toEqual([0, 50000, 100000]);
    expect(shardStarts(Math.floor(WORK_PER_SHARD / 20), 12, 2)).toHaveLength(2); // one shard
  });
});

describe('thread pool passes', () => {
  it('equal the one-thread pass within the reassociation bound, identically on every run', () => {
    const rt = pool(3);
    const threaded = wasmKernels(rt);
    const single = kernelsFor('wasm');
    const r = prng(11);
    for (const [n, d, storage] of [[6007, 40, 'float64'], [30001, 9, 'float32'], [2500, 130, 'float64']] as const) {
      const X = Float64Array.from({ length: n * d }, () => gauss(r) * 2);
      const y = Float64Array.from({ length: n }, () => (r() < 0.4 ? 1 : 0));
      const s = Float64Array.from({ length: n }, () => 0.5 + r());
      const w = Float64Array.from({ length: d }, () => gauss(r) * 0.3);
      const src = () => matrixSource({ data: X, rows: n, cols: d });
      const a = threaded.dataset(src(), y, s, storage);
      const b = single.dataset(src(), y, s, storage);
      const ga = new Float64Array(d + 1);
      const gb = new Float64Array(d + 1);
      const la = a.fusedGrad(w, 0.2, ga, 'log', true, undefined, true);
      const lb = b.fusedGrad(w, 0.2, gb, 'log', true, undefined, true);
      // |Δ| ≤ 2nε Σ|terms| for any two summation orders; Σ|r_i x_ij| ≤ Σ s_i |x_ij| since |r_i| ≤ s_i
      const eps = 2 ** -52;
      for (let j = 0; j < d; j++) {
        let abs = 0;
        for (let i = 0; i < n; i++) abs += s[i] * Math.abs(X[i * d + j]);
        expect(Math.abs(ga[j] - gb[j])).toBeLessThanOrEqual(2 * n * eps * abs);
      }
      expect(Math.abs(la - lb)).toBeLessThanOrEqual(1e-12 * lb);
      // deterministic: the same bits on every call, whichever thread finishes first
      const again = new Float64Array(d + 1);
      for (let k = 0; k < 5; k++) {
        expect(a.fusedGrad(w, 0.2, again, 'log', true, undefined, true)).toBe(la);
        expect(Array.from(again)).toEqual(Array.from(ga));
      }
      a.curvature('log');
      b.curvature('log');
      a.hessVec(w, 0.5, ga);
      b.hessVec(w, 0.5, gb);
      expect(relErr(ga, gb)).toBeLessThan(1e-12);
      const Ha = new Float64Array((d + 1) ** 2);
      const Hb = new Float64Array((d + 1) ** 2);
      a.hessian(Ha);
      b.hessian(Hb);
      expect(relErr(Ha, Hb)).toBeLessThan(1e-12);
      const repeat = new Float64Array(Ha.length);
      a.hessian(repeat);
      expect(Array.from(repeat)).toEqual(Array.from(Ha));
      a.dispose();
      b.dispose();
    }
    rt.pool.end();
  });

  it('minibatch passes (row lists) give the one-thread result', () => {
    const rt = pool(2);
    const p = makeProblem(40000, 5, 3);
    const X = flat(p.X);
    const y = Float64Array.from(p.y);
    const a = wasmKernels(rt).dataset(matrixSource({ data: X, rows: 40000, cols: 5 }), y, null);
    const b = kernelsFor('wasm').dataset(matrixSource({ data: X, rows: 40000, cols: 5 }), y, null);
    const idx = Int32Array.from({ length: 30000 }, (_, k) => (k * 7919) % 40000);
    const w = Float64Array.from([0.1, -0.2, 0.3, 0, 0.5]);
    const ga = new Float64Array(6);
    const gb = new Float64Array(6);
    a.fusedGrad(w, 0.1, ga, 'squared', true, idx);
    b.fusedGrad(w, 0.1, gb, 'squared', true, idx);
    expect(relErr(ga, gb)).toBeLessThan(1e-13);
    a.dispose();
    b.dispose();
    rt.pool.end();
  });
});

describe('LogisticRegression({ threads })', () => {
  const p = makeProblem(30000, 12, 5);

  it('fits what one thread fits (lbfgs, newton, gd, float32), reusing its workers across fits', () => {
    for (const solver of ['lbfgs', 'newton', 'gd'] as const) {
      for (const dtype of ['float64', 'float32'] as const) {
        const opts = { solver, dtype, tol: 1e-9, maxIter: solver === 'gd' ? 30 : 500 };
        const one = new LogisticRegression(opts);
        const two = new LogisticRegression({ ...opts, threads: 2 });
        setWarningHandler(null);
        one.fit(p.X, p.y);
        two.fit(p.X, p.y);
        const first = Array.from(two.coef);
        two.fit(p.X, p.y); // same workers, same bits
        setWarningHandler(undefined);
        expect(two.threads).toBe(2);
        expect(Array.from(two.coef)).toEqual(first);
        expect(relErr(two.coef, one.coef)).toBeLessThan(solver === 'gd' ? 1e-12 : 1e-7);
        expect(Math.abs((two.intercept as number) - (one.intercept as number))).toBeLessThan(1e-7);
        one.dispose();
        two.dispose();
        expect(two.threads).toBe(1);
      }
    }
  });

  it('multinomial models: softmax passes split across threads fit what one thread fits', () => {
    const r = prng(17);
    const n = 24000;
    const X = Array.from({ length: n }, () => Array.from({ length: 6 }, () => gauss(r)));
    const y = X.map((row) => (row[0] + 0.5 * row[1] > 0.4 ? 'a' : row[2] - row[3] > 0 ? 'b' : 'c'));
    for (const solver of ['lbfgs', 'newton'] as const) {
      const one = new LogisticRegression({ solver, tol: 1e-9 }).fit(X, y);
      const two = new LogisticRegression({ solver, tol: 1e-9, threads: 2 }).fit(X, y);
      expect(two.threads).toBe(2);
      expect(two.kind).toBe('multinomial');
      expect(relErr(two.coef, one.coef)).toBeLessThan(1e-7);
      two.dispose();
    }
    // pass level: the same sums up to reassociation, and the same bits on every call
    const rt = pool(2);
    const k = 3;
    const Xf = flat(X);
    const codes = Int32Array.from(y, (v) => 'abc'.indexOf(v));
    const W = Float64Array.from({ length: k * 6 }, () => gauss(r) * 0.3);
    const bias = Float64Array.of(0.1, -0.2, 0.05);
    for (const storage of ['float64', 'float32'] as const) {
      const a = wasmKernels(rt).softmaxDataset(matrixSource({ data: Xf, rows: n, cols: 6 }), codes, k, null, storage);
      const b = kernelsFor('wasm').softmaxDataset(matrixSource({ data: Xf, rows: n, cols: 6 }), codes, k, null, storage);
      const ga = new Float64Array(k * 7);
      const gb = new Float64Array(k * 7);
      const la = a.grad(W, bias, ga, undefined, true);
      expect(Math.abs(la - b.grad(W, bias, gb, undefined, true))).toBeLessThan(1e-12 * la);
      expect(relErr(ga, gb), storage).toBeLessThan(1e-12);
      const again = new Float64Array(k * 7);
      expect(a.grad(W, bias, again, undefined, true)).toBe(la);
      expect(Array.from(again)).toEqual(Array.from(ga));
      a.hessVec(W, bias, ga);
      b.hessVec(W, bias, gb);
      expect(relErr(ga, gb), storage).toBeLessThan(1e-12);
      a.dispose();
      b.dispose();
    }
    rt.pool.end();
  });

  it('refuses a bad thread count with a typed error', () => {
    for (const bad of [0, 1.5, -2, 65, '2', NaN]) {
      const e = (() => {
        try {
          new LogisticRegression({ threads: bad as number });
        } catch (err) {
          return err;
        }
      })();
      expect(e).toBeInstanceOf(LogRegError);
      expect((e as LogRegError).code).toBe('INVALID_OPTION');
      expect((e as LogRegError).message).toMatch(/threads/);
    }
  });

  it('the js backend ignores threads without a notice; startThreads reports the count', async () => {
    const seen: LogRegWarning[] = [];
    setWarningHandler((w) => seen.push(w));
    const m = new LogisticRegression({ threads: 2, backend: 'js' });
    expect(await m.startThreads()).toBe(1);
    m.fit(p.X.slice(0, 200), p.y.slice(0, 200));
    setWarningHandler(undefined);
    expect(seen).toEqual([]);
    const t = new LogisticRegression({ threads: 2 });
    expect(await t.startThreads()).toBe(2);
    t.dispose();
    await expect(t.startThreads()).rejects.toThrow(/disposed/);
  });

  it('a kernel that traps in a worker is reported as an error, and the pool keeps working', () => {
    const rt = pool(2);
    const g = rt.heap.alloc(8 * 8);
    const w = rt.heap.alloc(8 * 8);
    rt.heap.f64(w, 8).fill(0.5);
    const y = rt.heap.alloc(8 * 8);
    const far = 2 ** 31; // beyond the memory: the load traps
    const ok = [rt.heap.alloc(8 * 32), 4, y, 0, 0, 0, 8, w, 0, g, 0, 0];
    const bad = [far, 4, y, 0, 0, 0, 8, w, 0, g + 64, 0, 0];
    expect(() => rt.pool.run('fusedGrad', [ok, bad])).toThrow(/kernel worker failed in fusedGrad/);
    expect(rt.pool.run('fusedGrad', [ok, ok]).every(Number.isFinite)).toBe(true);
    expect(() => rt.pool.run('fusedGrad', [ok, new Array(17).fill(0)])).toThrow(/at most 16/);
    rt.pool.end();
  });

  it('a shard no worker starts is taken back by the calling thread: the bits the workers give, no wait', () => {
    const rt = pool(2);
    // a pool whose one "worker" never reads its slot: every shard 1 must come back to this thread
    const idle = new ThreadPool(rt.exports, rt.heap.memory, rt.heap.alloc(SLOT_BYTES), [{ terminate() {} }]);
    const r = prng(21);
    const n = 6007;
    const d = 40;
    const X = Float64Array.from({ length: n * d }, () => gauss(r));
    const y = Float64Array.from({ length: n }, () => (r() < 0.5 ? 1 : 0));
    const w = Float64Array.from({ length: d }, () => gauss(r) * 0.2);
    const outs = [wasmKernels(rt), wasmKernels({ ...rt, pool: idle })].map((k) => {
      const ds = k.dataset(matrixSource({ data: X, rows: n, cols: d }), y, null);
      const g = new Float64Array(d + 1);
      const J = ds.fusedGrad(w, 0.1, g, 'log', true, undefined, true);
      ds.curvature('log');
      const H = new Float64Array((d + 1) ** 2);
      ds.hessian(H);
      ds.dispose();
      return [J, ...g, ...H];
    });
    expect(outs[1]).toEqual(outs[0]);
    expect(idle.taken).toBe(3); // the pass, the curvature and the Hessian
    rt.pool.end();
  });

  it('end() stops the workers and a pass after it throws', async () => {
    const rt = pool(3);
    const workers = (rt.pool as unknown as { workers: (WorkerLike & { once(e: string, f: () => void): void })[] }).workers;
    const exited = workers.map((w) => new Promise<void>((resolve) => w.once('exit', resolve)));
    rt.pool.end();
    await Promise.all(exited);
    expect(() => rt.pool.run('fusedGrad', [[]])).toThrow(/disposed/);
  });

  it('a process with an undisposed threaded model still exits', () => {
    const script = `
      import { LogisticRegression } from ${JSON.stringify(root + '/dist/index.js')};
      const m = new LogisticRegression({ threads: 2 });
      const X = Array.from({ length: 5000 }, (_, i) => [Math.sin(i), Math.cos(i * 3)]);
      m.fit(X, X.map((r) => (r[0] + r[1] > 0 ? 1 : 0)));
      console.log(m.threads);`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { timeout: 30_000 }).toString();
    expect(out.trim()).toBe('2');
  });
});

describe("threads: 'auto'", () => {
  it('uses the cores (at most 8) from AUTO_THREADS_MIN_VALUES values of X, one thread below, the same fit either way', () => {
    const cores = Math.min(8, os.availableParallelism());
    const m = new LogisticRegression({ threads: 'auto' });
    const small = makeProblem(Math.floor(AUTO_THREADS_MIN_VALUES / 5) - 1, 5, 2);
    m.fit(small.X, small.y);
    expect(m.threads).toBe(1); // no pool started for small data
    const big = makeProblem(AUTO_THREADS_MIN_VALUES / 5, 5, 3);
    const one = new LogisticRegression().fit(big.X, big.y);
    m.fit(big.X, big.y);
    expect(m.threads).toBe(cores);
    expect(relErr(m.coef, one.coef)).toBeLessThan(1e-9);
    const obj = logisticObjective(big.X, big.y, { threads: 'auto' });
    expect(obj.threads).toBe(cores);
    obj.dispose();
    m.dispose();
    expect(() => new LogisticRegression({ threads: 'many' as never })).toThrow(/an integer from 1 to 64, or 'auto'/);
  });
});

describe('logisticObjective({ threads })', () => {
  it('computes what one thread computes, checks row numbers, and ends its workers on dispose', () => {
    const p = makeProblem(20000, 8, 9);
    const one = logisticObjective(p.X, p.y);
    const two = logisticObjective(p.X, p.y, { threads: 2 });
    expect(two.threads).toBe(2);
    const x = Float64Array.from({ length: 9 }, (_, j) => 0.1 * (j - 4));
    const g1 = new Float64Array(9);
    const g2 = new Float64Array(9);
    expect(Math.abs(two.valueAndGradient(x, g2) - one.valueAndGradient(x, g1))).toBeLessThan(1e-14);
    expect(relErr(g2, g1)).toBeLessThan(1e-13);
    const a = minimize(one, new Float64Array(9), { method: 'newton', tol: 1e-10 });
    const b = minimize(two, new Float64Array(9), { method: 'newton', tol: 1e-10 });
    expect(relErr(b.x, a.x)).toBeLessThan(1e-9);
    expect(() => two.batchValueAndGradient(x, g2, Int32Array.of(0, 20000))).toThrow(/indices\[1\] = 20000 is not a row number/);
    expect(() => two.accelerator.sgdEpoch({ x, v: new Float64Array(9), order: Int32Array.of(-1), batch: 1, eta: 0.1, beta: 0, nesterov: false })).toThrow(/order\[0\] = -1/);
    expect(() => logisticObjective(p.X, p.y, { threads: 0 })).toThrow(/threads must be an integer/);
    one.dispose();
    two.dispose();
    expect(() => two.valueAndGradient(x, g2)).toThrow(/disposed/);
  });
});
