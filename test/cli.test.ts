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
    expect(f.out).toMatch(/held-out accuracy 9\d\.\d\d% \(114 rows\)/);
    const saved = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    expect(saved.features.length).toBe(30);
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

  it('usage errors: unknown option, missing --target, non-numeric flag', () => {
    expect(run('fit', data, '--bogus').err).toMatch(/unknown option --bogus/);
    expect(run('fit', data).err).toMatch(/needs --target/);
    const r = run('fit', data, '--target', 'diagnosis', '--C', 'abc');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--C must be a number/);
    expect(run('help').code).toBe(0);
  });
});
