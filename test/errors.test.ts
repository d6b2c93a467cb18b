// Bad input ends in a LogRegError with a code and a message naming the problem, and a failed
// fit leaves a fitted model exactly as it was.
import { describe, expect, it } from 'vitest';
import { LogisticRegression, LogRegError } from '../src/index.js';
import { flat, makeProblem } from './helpers.js';

const { X, y } = makeProblem(30, 3, 2);

function caught(f: () => unknown): LogRegError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(LogRegError);
    return e as LogRegError;
  }
  throw new Error('expected a LogRegError, nothing was thrown');
}

function withValue(v: unknown, row = 4, col = 2): unknown[][] {
  const Xb: unknown[][] = X.map((r) => r.slice());
  Xb[row][col] = v;
  return Xb;
}

describe('bad data', () => {
  for (const v of [NaN, Infinity, -Infinity])
    it(`${v} in X is reported with row and column (backend wasm and js)`, () => {
      for (const backend of ['wasm', 'js'] as const) {
        const e = caught(() => new LogisticRegression({ backend }).fit(withValue(v), y));
        expect(e.code).toBe('NON_FINITE');
        expect(e.details).toMatchObject({ row: 4, column: 2 });
        expect(e.message).toContain('row 4, column 2');
      }
    });

  for (const v of ['1.5', null, undefined, {}])
    it(`${JSON.stringify(v) ?? 'undefined'} in X is INVALID_INPUT with its position`, () => {
      const e = caught(() => new LogisticRegression().fit(withValue(v, 7, 0), y));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.details).toMatchObject({ row: 7, column: 0 });
    });

  it('non-finite values in a Float32Array are found with their position', () => {
    const data = Float32Array.from(flat(X));
    data[3 * 5 + 1] = NaN;
    const e = caught(() => new LogisticRegression().fit({ data, rows: 30, cols: 3 }, y));
    expect(e.code).toBe('NON_FINITE');
    expect(e.details).toMatchObject({ row: 5, column: 1 });
  });

  it('typed X of the storage width (one block copy, then the check): every non-finite value at any position, the first named', () => {
    const base = flat(X);
    for (const [Arr, dtype] of [[Float64Array, 'float64'], [Float32Array, 'float32']] as const)
      for (const v of [NaN, Infinity, -Infinity])
        for (const k of [0, 1, 44, base.length - 1]) {
          const data = Arr.from(base);
          data[k] = v;
          if (k + 7 < data.length) data[k + 7] = NaN; // a later one is not the one named
          const e = caught(() => new LogisticRegression({ dtype }).fit({ data, rows: 30, cols: 3 }, y));
          expect(e.code).toBe('NON_FINITE');
          expect(e.details).toMatchObject({ row: Math.floor(k / 3), column: k % 3 });
        }
  });

  it('ragged rows', () => {
    const Xr = X.map((r) => r.slice());
    Xr[9] = [1, 2];
    const e = caught(() => new LogisticRegression().fit(Xr, y));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/ragged: row 9 has 2 values, row 0 has 3/);
  });

  it('a typed array shorter than rows × cols', () => {
    const e = caught(() => new LogisticRegression().fit({ data: new Float64Array(80), rows: 30, cols: 3 }, y));
    expect(e.code).toBe('LENGTH_MISMATCH');
    expect(e.message).toContain('90');
  });

  it('empty data: no rows, no columns', () => {
    expect(caught(() => new LogisticRegression().fit([], [])).code).toBe('EMPTY_DATA');
    expect(caught(() => new LogisticRegression().fit([[], []], [0, 1])).code).toBe('EMPTY_DATA');
    expect(caught(() => new LogisticRegression().fit({ data: new Float64Array(0), rows: 0, cols: 3 }, [])).code).toBe('EMPTY_DATA');
  });

  it('X that is not a matrix', () => {
    for (const bad of [null, 42, 'abc', { rows: 2 }, [1, 2, 3]])
      expect(caught(() => new LogisticRegression().fit(bad, [0, 1])).code).toBe('INVALID_INPUT');
  });

  it('y of the wrong length, sampleWeight of the wrong length or with bad values', () => {
    expect(caught(() => new LogisticRegression().fit(X, y.slice(1))).code).toBe('LENGTH_MISMATCH');
    expect(caught(() => new LogisticRegression().fit(X, y, { sampleWeight: [1, 2] })).code).toBe('LENGTH_MISMATCH');
    const sw = y.map(() => 1);
    sw[3] = -1;
    const e = caught(() => new LogisticRegression().fit(X, y, { sampleWeight: sw }));
    expect(e.details.row).toBe(3);
    expect(caught(() => new LogisticRegression().fit(X, y, { sampleWeight: y.map(() => 0) })).message).toMatch(/sums to 0/);
  });
});

describe('bad labels', () => {
  it('one class, mixed types, NaN', () => {
    const one = caught(() => new LogisticRegression().fit(X, y.map(() => 1)));
    expect(one.code).toBe('LABELS');
    expect(one.message).toMatch(/at least two classes, found 1 \(1\)/);
    const mixed: unknown[] = y.slice();
    mixed[5] = 'a';
    expect(caught(() => new LogisticRegression().fit(X, mixed)).code).toBe('LABELS');
    const nan = y.slice();
    nan[2] = NaN;
    expect(caught(() => new LogisticRegression().fit(X, nan)).details.row).toBe(2);
  });
});

describe('bad options', () => {
  const cases: [unknown, string, string][] = [
    [{ C: -1 }, 'INVALID_OPTION', 'C'],
    [{ C: 0 }, 'INVALID_OPTION', 'C'],
    [{ C: NaN }, 'INVALID_OPTION', 'C'],
    [{ batchSize: 0 }, 'INVALID_OPTION', 'batchSize'],
    [{ batchSize: 2.5 }, 'INVALID_OPTION', 'batchSize'],
    [{ solver: 'adamw' }, 'INVALID_OPTION', 'solver'],
    [{ penalty: 'l3' }, 'INVALID_OPTION', 'penalty'],
    [{ maxIter: '100' }, 'INVALID_OPTION', 'maxIter'],
    [{ tol: -1 }, 'INVALID_OPTION', 'tol'],
    [{ momentum: 1 }, 'INVALID_OPTION', 'momentum'],
    [{ fitIntercept: 1 }, 'INVALID_OPTION', 'fitIntercept'],
    [{ backend: 'gpu' }, 'INVALID_OPTION', 'backend'],
    [{ lerningRate: 0.1 }, 'UNKNOWN_OPTION', 'lerningRate'],
  ];
  for (const [opts, code, name] of cases)
    it(`${JSON.stringify(opts)} → ${code}`, () => {
      const e = caught(() => new LogisticRegression(opts as never));
      expect(e.code).toBe(code);
      expect(e.details.option).toBe(name);
      expect(e.message).toContain(name);
    });

  it('options inherited through a polluted prototype are ignored', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.C = -5;
    try {
      const m = new LogisticRegression({});
      expect(m.options.C).toBe(1);
    } finally {
      delete proto.C;
    }
  });
});

describe('misuse', () => {
  it('predict before fit', () => {
    const m = new LogisticRegression();
    for (const f of [() => m.predict(X), () => m.predictProba(X), () => m.decisionFunction(X), () => m.coef, () => m.score(X, y), () => m.toJSON()])
      expect(caught(f).code).toBe('NOT_FITTED');
  });

  it('a wrong number of features at predict', () => {
    const m = new LogisticRegression().fit(X, y);
    const e = caught(() => m.predict([[1, 2]]));
    expect(e.code).toBe('FEATURE_MISMATCH');
    expect(e.message).toContain('2 features but the model was fitted with 3');
  });

  it('a failed fit leaves the fitted model exactly as it was', () => {
    const m = new LogisticRegression().fit(X, y);
    const before = JSON.stringify(m.toJSON());
    const hist = m.lossHistory;
    caught(() => m.fit(withValue(NaN, 29, 2), y));
    caught(() => m.fit(X, y.map(() => 0)));
    caught(() => m.fit(X, y, { sampleWeight: [1] }));
    expect(JSON.stringify(m.toJSON())).toBe(before);
    expect(m.lossHistory).toEqual(hist); // a copy: the getters never hand out the model's own arrays
  });

  it('a disposed model refuses fit and predict', () => {
    const m = new LogisticRegression().fit(X, y);
    m.dispose();
    expect(caught(() => m.predict(X)).code).toBe('DISPOSED');
    expect(caught(() => m.fit(X, y)).code).toBe('DISPOSED');
  });

  it('tampered JSON', () => {
    const json = new LogisticRegression().fit(X, y).toJSON();
    const tamper = (f: (j: Record<string, unknown>) => void) => {
      const j = JSON.parse(JSON.stringify(json));
      f(j);
      return caught(() => LogisticRegression.fromJSON(j));
    };
    expect(tamper((j) => delete j.coef).code).toBe('INVALID_JSON');
    expect(tamper((j) => (j.version = 99)).message).toMatch(/version 99/);
    expect(tamper((j) => (j.coef = [1, 'x'])).code).toBe('INVALID_JSON');
    expect(tamper((j) => (j.classes = [0])).code).toBe('INVALID_JSON');
    expect(tamper((j) => (j.intercept = null)).code).toBe('INVALID_JSON');
    expect(tamper((j) => ((j.options as Record<string, unknown>).C = -1)).code).toBe('INVALID_OPTION');
    expect(caught(() => LogisticRegression.fromJSON('{not json')).code).toBe('INVALID_JSON');
  });
});

describe('more adversarial input', () => {
  it('one row: a single class, refused with LABELS', () => {
    expect(caught(() => new LogisticRegression().fit([[1, 2]], [1])).code).toBe('LABELS');
  });
  it('null, undefined, objects and strings mixed with numbers in y', () => {
    for (const bad of [null, undefined, {}]) {
      const yy: unknown[] = y.slice();
      yy[4] = bad;
      const e = caught(() => new LogisticRegression().fit(X, yy));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.details.row).toBe(4);
    }
  });
  it('y that is not an array', () => {
    for (const bad of [null, 3, 'ab', { length: -1 }]) expect(caught(() => new LogisticRegression().fit(X, bad)).code).toMatch(/INVALID_INPUT|LENGTH_MISMATCH/);
  });
  it('options of the wrong shape entirely', () => {
    for (const bad of [null, 5, 'lbfgs', [1]]) expect(caught(() => new LogisticRegression(bad as never)).code).toBe('INVALID_OPTION');
    expect(caught(() => new LogisticRegression({ onIteration: 5 } as never)).details.option).toBe('onIteration');
    expect(caught(() => new LogisticRegression({ classWeight: { 0: -1 } })).code).toBe('INVALID_OPTION');
    expect(caught(() => new LogisticRegression({ solver: 'sgd', penalty: 'l1' })).message).toMatch(/needs solver 'lbfgs'/);
  });
  it('a data set too large for 32-bit WebAssembly memory is refused up front, naming the limit and the ways out', () => {
    const rows = 600_000;
    const cols = 1_000; // 4.8 GB of float64
    const fake = { data: { length: rows * cols }, rows, cols }; // never read: refused before copying
    const labels = Array.from({ length: rows }, (_, i) => i % 2);
    const e = caught(() => new LogisticRegression().fit(fake, labels));
    expect(e.code).toBe('OUT_OF_MEMORY');
    expect(e.message).toMatch(/needs 4\.\d\d GiB .*the 4 GiB .*float32 storage .*partialFit or fitStream/);
  });
  it('NaN in X at predict time is reported with its position, and the model is unchanged', () => {
    const m = new LogisticRegression().fit(X, y);
    const before = JSON.stringify(m.toJSON());
    const e = caught(() => m.predictProba(withValue(NaN, 2, 1)));
    expect(e.details).toMatchObject({ row: 2, column: 1 });
    expect(JSON.stringify(m.toJSON())).toBe(before);
  });
});
