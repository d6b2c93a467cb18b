// The command line, run as a user would (the built dist/cli.js).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './helpers.js';

const cli = join(root, 'dist/cli.js');
const data = join(root, 'examples/data/breast-cancer.csv');
const dir = mkdtempSync(join(tmpdir(), 'logreg-cli-'));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('logreg-wasm CLI', () => {
  it('fit with a held-out split writes a model that predict reads back', () => {
    const f = run('fit', data, '--target', 'diagnosis', '--standardize', '--test-size', '0.2', '--out', 'model.json');
    expect(f.code).toBe(0);
    expect(f.out).toMatch(/fitted 455 rows × 30 features, classes benign, malignant/);
    expect(f.out).toMatch(/held-out accuracy (9\d\.\d\d|100\.00)% \(114 rows\)/);
    const saved = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    expect(saved.featureNames.length).toBe(30);
    expect(saved.target).toBe('diagnosis');
    const p = run('predict', 'model.json', data);
    expect(p.code).toBe(0);
    const lines = p.out.trim().split('\n');
    expect(lines[0]).toBe('diagnosis');
    expect(lines.length).toBe(570);
    const truth = readFileSync(data, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').at(-1));
    const acc = lines.slice(1).filter((l, i) => l === truth[i]).length / 569;
    expect(acc).toBeGreaterThan(0.97);
    const pp = run('predict', 'model.json', data, '--proba');
    expect(pp.out.split('\n')[0]).toBe('diagnosis,P(malignant)');
  });

  const bad: [string, string, RegExp][] = [
    ['unparsable number', 'a,b,y\n1,2,x\n3,oops,z\n', /bad\.csv:3:2: 'oops' in column 'b' is not a finite number/],
    ['ragged line', 'a,b,y\n1,2,x\n3,4\n', /bad\.csv:3: 2 fields, but the header has 3/],
    ['missing target column', 'a,b,c\n1,2,x\n', /bad\.csv:1: no column 'y' \(the target\)/],
    ['unterminated quote', 'a,b,y\n1,"2,x\n', /bad\.csv:2:2: unterminated quoted field/],
  ];
  for (const [what, text, msg] of bad)
    it(`${what}: line and column, exit code 2, no stack trace`, () => {
      writeFileSync(join(dir, 'bad.csv'), text);
      const r = run('fit', 'bad.csv', '--target', 'y');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.err).not.toMatch(/\n\s+at /);
    });

  it('--threads 2 fits the same model (the J printed agrees to 9 digits); a bad count is refused', () => {
    const J = (o: string) => Number(/J = (\S+)/.exec(o)![1]);
    const one = run('fit', data, '--target', 'diagnosis', '--standardize', '--solver', 'newton', '--tol', '1e-10');
    const two = run('fit', data, '--target', 'diagnosis', '--standardize', '--solver', 'newton', '--tol', '1e-10', '--threads', '2');
    expect(two.code).toBe(0);
    expect(Math.abs(J(two.out) - J(one.out))).toBeLessThan(1e-9 * J(one.out));
    const bad = run('fit', data, '--target', 'diagnosis', '--threads', '0');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/threads must be an integer from 1 to 64/);
  });

  it('the model file is the model JSON of the library: fromJSON reads it and, standardised or not, predicts raw rows as predict --proba does', async () => {
    const { LogisticRegression } = await import('../dist/index.js');
    const text = readFileSync(data, 'utf8').trim().split('\n');
    const header = text[0].split(',');
    const t = header.indexOf('diagnosis');
    const X = text.slice(1).map((l) => l.split(',').filter((_, j) => j !== t).map(Number));
    for (const flags of [['--standardize'], []]) {
      expect(run('fit', data, '--target', 'diagnosis', ...flags, '--out', 'lib.json').code).toBe(0);
      const m = LogisticRegression.fromJSON(readFileSync(join(dir, 'lib.json'), 'utf8'));
      const P = m.predictProba(X);
      const lines = run('predict', 'lib.json', data, '--proba').out.trim().split('\n').slice(1);
      // full precision: the printed text reads back as the same double
      lines.forEach((l, i) => expect(Number(l.split(',')[1])).toBe(P[i]));
      const short = run('predict', 'lib.json', data, '--proba', '--precision', '3').out.split('\n')[1];
      expect(short.split(',')[1]).toBe(P[0].toPrecision(3));
    }
  });

  it('--features and --drop choose the columns; a text column names the way out', () => {
    writeFileSync(join(dir, 'ids.csv'), 'id,name,a,b,y\n' + Array.from({ length: 40 }, (_, i) => `${1000 + i},n${i},${i % 7},${(i * 3) % 5},${(i % 7) + ((i * 3) % 5) > 5 ? 1 : 0}`).join('\n') + '\n');
    const all = run('fit', 'ids.csv', '--target', 'y');
    expect(all.code).toBe(2);
    expect(all.err).toMatch(/'n0' in column 'name' is not a finite number; choose the feature columns with --features or --drop/);
    const chosen = run('fit', 'ids.csv', '--target', 'y', '--features', 'a,b', '--out', 'ab.json');
    expect(chosen.code).toBe(0);
    expect(chosen.out).toMatch(/fitted 40 rows × 2 features, classes 0, 1/);
    expect(JSON.parse(readFileSync(join(dir, 'ab.json'), 'utf8')).featureNames).toEqual(['a', 'b']);
    const dropped = run('fit', 'ids.csv', '--target', 'y', '--drop', 'id,name');
    expect(dropped.out).toMatch(/fitted 40 rows × 2 features/);
    expect(run('fit', 'ids.csv', '--target', 'y', '--features', 'a,zz').err).toMatch(/no column 'zz' in the header/);
    expect(run('fit', 'ids.csv', '--target', 'y', '--features', 'a', '--drop', 'id').err).toMatch(/not both/);
    // predict reads the model's columns by name, wherever they stand in the file
    writeFileSync(join(dir, 'ba.csv'), 'b,a\n4,6\n0,0\n');
    expect(run('predict', 'ab.json', 'ba.csv').out).toBe('y\n1\n0\n');
  });

  it('labels: a continuous target is refused; 1 and 1.0 are one class; a duplicated header name is an error', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [i % 5, (i * 7) % 11]);
    writeFileSync(join(dir, 'cont.csv'), 'a,b,y\n' + rows.map(([a, b]) => `${a},${b},${(a * 0.37 + b * 0.11).toFixed(3)}`).join('\n') + '\n');
    const c = run('fit', 'cont.csv', '--target', 'y');
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/Unknown label type: continuous/);
    writeFileSync(join(dir, 'ones.csv'), 'a,b,y\n' + rows.map(([a, b], i) => `${a},${b},${a + b > 6 ? (i % 2 ? '1' : '1.0') : '0'}`).join('\n') + '\n');
    expect(run('fit', 'ones.csv', '--target', 'y').out).toMatch(/classes 0, 1\n/);
    writeFileSync(join(dir, 'dup.csv'), 'a,a,y\n1,2,0\n2,1,1\n');
    expect(run('fit', 'dup.csv', '--target', 'y').err).toMatch(/dup\.csv:1:2: the header names 'a' twice \(columns 1 and 2\)/);
    writeFileSync(join(dir, 'hex.csv'), 'a,y\n0x10,0\n1,1\n');
    expect(run('fit', 'hex.csv', '--target', 'y').err).toMatch(/hex\.csv:2:1: '0x10' in column 'a' is not a finite number/);
  });

  it('--standardize with a column near 1e200 saves a model that predicts its own training file', () => {
    const rows = Array.from({ length: 60 }, (_, i) => [Math.sin(i) * 1e200, Math.cos(i * 1.7)]);
    writeFileSync(join(dir, 'huge.csv'), 'a,b,y\n' + rows.map(([a, b]) => `${a},${b},${a / 1e200 + b > 0 ? 1 : 0}`).join('\n') + '\n');
    const f = run('fit', 'huge.csv', '--target', 'y', '--standardize', '--out', 'huge.json');
    expect(f.code).toBe(0);
    const p = run('predict', 'huge.json', 'huge.csv', '--proba');
    expect(p.code).toBe(0);
    const probs = p.out.trim().split('\n').slice(1).map((l) => Number(l.split(',')[1]));
    expect(probs).toHaveLength(60);
    expect(probs.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('a model file with fields missing is a clear error, exit code 2', () => {
    writeFileSync(join(dir, 'partial.json'), JSON.stringify({ format: 'logreg-wasm/logistic-regression', version: 1 }));
    const r = run('predict', 'partial.json', data);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a logistic-regression model: classes must be/);
    expect(r.err).not.toMatch(/unexpected error/);
  });

  it('a file that cannot be read is a usage error naming it', () => {
    const r = run('fit', 'no-such.csv', '--target', 'y');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read no-such\.csv: ENOENT/);
  });

  it('--summary prints the coefficient table in the file\'s units, named by the header', () => {
    writeFileSync(join(dir, 'inf.csv'), 'age,dose,y\n' + Array.from({ length: 200 }, (_, i) => {
      const age = 20 + ((i * 37) % 50);
      const dose = (i * 13) % 7;
      return `${age},${dose},${Math.sin(i * 2.3) + (age - 45) / 15 + dose / 3 - 1 > 0 ? 1 : 0}`;
    }).join('\n') + '\n');
    const r = run('fit', 'inf.csv', '--target', 'y', '--penalty', 'none', '--solver', 'newton', '--standardize', '--summary');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Logit: 200 observations/);
    expect(r.out).toMatch(/\(intercept\)/);
    expect(r.out).toMatch(/\nage\s+\S+\s+\S+/);
    expect(r.out).toMatch(/\ndose\s+/);
    const unscaled = run('fit', 'inf.csv', '--target', 'y', '--penalty', 'none', '--solver', 'newton', '--tol', '1e-10', '--summary');
    const row = (o: string) => /\nage\s+(\S+)\s+(\S+)/.exec(o)!.slice(1).map(Number);
    const [a, b] = [row(r.out), row(unscaled.out)];
    expect(Math.abs(a[0] - b[0])).toBeLessThan(1e-3 * Math.abs(b[0])); // the same coefficient, either way
    expect(Math.abs(a[1] - b[1])).toBeLessThan(1e-3 * Math.abs(b[1]));
  });

  it('--version prints the package version; no arguments is a usage error', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(run('--version')).toMatchObject({ code: 0, out: `${version}\n` });
    const none = run();
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no command given[\s\S]*usage:/);
  });

  it('usage errors: unknown option, missing --target, non-numeric flag', () => {
    expect(run('fit', data, '--bogus').err).toMatch(/unknown option --bogus/);
    expect(run('fit', data).err).toMatch(/needs --target/);
    const r = run('fit', data, '--target', 'diagnosis', '--C', 'abc');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--C must be a number/);
    expect(run('help').code).toBe(0);
  });
});
