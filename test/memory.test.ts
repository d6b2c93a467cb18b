// Linear memory: the host-side allocator reuses freed space, fits free what they allocate,
// and growth of the memory in the middle of a fit changes nothing.
import { describe, expect, it } from 'vitest';
import { Heap } from '../src/wasm/heap.js';
import { wasmRuntime } from '../src/wasm/load.js';
import { LogisticRegression } from '../src/index.js';
import { makeProblem } from './helpers.js';

describe('Heap', () => {
  it('coalesces freed blocks and reuses them first-fit', () => {
    const heap = new Heap(new WebAssembly.Memory({ initial: 1, maximum: 100 }), 1000);
    const a = heap.alloc(100);
    const b = heap.alloc(200);
    const c = heap.alloc(300);
    expect(a % 16).toBe(0);
    expect(b).toBeGreaterThanOrEqual(a + 100);
    heap.release(a);
    heap.release(b); // a and b merge into one hole
    const d = heap.alloc(290);
    expect(d).toBe(a);
    heap.release(c);
    heap.release(d);
    expect(heap.bytesInUse).toBe(0);
    expect(heap.alloc(16)).toBe(a); // everything returned: the bump pointer went back down
  });

  it('grows the memory when needed and refuses more than 4 GiB with OUT_OF_MEMORY', () => {
    const mem = new WebAssembly.Memory({ initial: 1, maximum: 65536 });
    const heap = new Heap(mem, 1024);
    const p = heap.alloc(10 * 65536);
    expect(mem.buffer.byteLength).toBeGreaterThanOrEqual(p + 10 * 65536);
    expect(() => heap.alloc(2 ** 32)).toThrow(/4 GiB/);
  });
});

describe('fits and linear memory', () => {
  it('10,000 fit + dispose cycles do not grow the memory', () => {
    const heap = wasmRuntime()!.heap;
    const { X, y } = makeProblem(40, 4, 5);
    const cycle = () => {
      const m = new LogisticRegression({ maxIter: 3 }).fit(X, y);
      m.predictProba(X);
      m.dispose();
    };
    for (let i = 0; i < 10; i++) cycle();
    const bytes = heap.byteLength;
    const inUse = heap.bytesInUse;
    for (let i = 0; i < 10_000; i++) cycle();
    expect(heap.byteLength).toBe(bytes);
    expect(heap.bytesInUse).toBe(inUse);
  });

  it('memory growth in the middle of a fit leaves the result bit-identical', () => {
    const rt = wasmRuntime()!;
    const { X, y } = makeProblem(500, 9, 6);
    const ref = new LogisticRegression({ solver: 'gd', maxIter: 40 }).fit(X, y);
    const before = rt.heap.byteLength;
    const held: number[] = [];
    const m = new LogisticRegression({
      solver: 'gd',
      maxIter: 40,
      onIteration: ({ iteration }) => {
        // 32 MiB more each time: every allocation detaches the old ArrayBuffer
        if (iteration % 10 === 5) held.push(rt.heap.alloc(32 * 2 ** 20));
      },
    }).fit(X, y);
    expect(rt.heap.byteLength).toBeGreaterThan(before);
    for (const p of held) rt.heap.release(p);
    expect(Array.from(m.coef)).toEqual(Array.from(ref.coef));
    expect(m.intercept).toBe(ref.intercept);
    // and predictions after the growth still read the right memory
    expect(Array.from(m.predictProba(X))).toEqual(Array.from(ref.predictProba(X)));
  });
});

describe('growth during predict', () => {
  it('a prediction that grows the memory returns the same values as the js backend', () => {
    const rt = wasmRuntime()!;
    const { X, y } = makeProblem(200, 9, 8);
    const m = new LogisticRegression().fit(X, y);
    const big = makeProblem(120_000, 9, 9).X; // ~8.6 MB of float64 in one call
    const before = rt.heap.byteLength;
    const hold = rt.heap.alloc(before - rt.heap.bytesInUse); // fill what is free: the next allocation must grow
    const p = m.predictProba(big);
    rt.heap.release(hold);
    expect(rt.heap.byteLength).toBeGreaterThan(before);
    const js = LogisticRegression.fromJSON(m.toJSON(), { backend: 'js' });
    const q = js.predictProba(big);
    for (let i = 0; i < q.length; i += 997) expect(Math.abs(p[i] - q[i])).toBeLessThan(1e-14);
  });
});

describe('prediction in chunks of rows', () => {
  it('holds no copy of X: rows across chunk boundaries match the js backend, and a bad value deep in X names its row', () => {
    const rt = wasmRuntime()!;
    const { X, y } = makeProblem(300, 3, 4);
    const m = new LogisticRegression().fit(X, y);
    const big = makeProblem(150_000, 3, 5).X; // 3.6 MB of float64: four chunks of 1 MiB
    const data = Float64Array.from(big.flat());
    const inUse = rt.heap.bytesInUse;
    const p = m.predictProba({ data, rows: 150_000, cols: 3 });
    expect(rt.heap.bytesInUse).toBe(inUse);
    const q = LogisticRegression.fromJSON(m.toJSON(), { backend: 'js' }).predictProba(big);
    for (let i = 0; i < q.length; i += 331) expect(Math.abs(p[i] - q[i])).toBeLessThan(1e-14);
    expect(Math.abs(p[149_999] - q[149_999])).toBeLessThan(1e-14);
    data[3 * 140_001 + 2] = Infinity;
    expect(() => m.predictProba({ data, rows: 150_000, cols: 3 })).toThrow(/row 140001, column 2/);
    expect(rt.heap.bytesInUse).toBe(inUse);
  });
});

describe('memory that is given back', () => {
  it('once nothing is allocated in a memory grown past 64 MiB, the next computation runs on a fresh small one', async () => {
    const { SHRINK_BYTES, SHRINK_DELAY_MS } = await import('../src/wasm/load.js');
    const { X, y } = makeProblem(300, 5, 9);
    const before = new LogisticRegression().fit(X, y);
    const grown = wasmRuntime()!;
    const p = grown.heap.alloc(SHRINK_BYTES + 16 * 65536);
    expect(grown.heap.byteLength).toBeGreaterThan(SHRINK_BYTES);
    expect(wasmRuntime()).toBe(grown); // in use: kept
    grown.heap.release(p);
    expect(wasmRuntime()).toBe(grown); // fits back to back keep it …
    await new Promise((r) => setTimeout(r, SHRINK_DELAY_MS + 50)); // … until it has been idle a while
    const fresh = wasmRuntime()!;
    expect(fresh).not.toBe(grown);
    expect(fresh.heap.byteLength).toBeLessThan(SHRINK_BYTES);
    // the same bits on the new instance
    const after = new LogisticRegression().fit(X, y);
    expect(Array.from(after.coef)).toEqual(Array.from(before.coef));
    expect(Array.from(after.predictProba(X))).toEqual(Array.from(before.predictProba(X)));
  });
});
