#!/usr/bin/env node
// The command line: `logreg-wasm fit data.csv --target COL …` and `logreg-wasm predict model.json data.csv`.
import { readFileSync, writeFileSync } from 'node:fs';
import { initSync } from '../engine/select.js';
import { LogisticRegression } from '../model/logistic-regression.js';
import { LogRegError } from '../core/errors.js';
import { setWarningHandler } from '../core/warnings.js';
import { CsvError, decimal } from '../io/csv.js';
import { readCsvColumns, type ColumnChoice } from '../io/csv-columns.js';
import type { ModelJSON } from '../model/json.js';
import { defaults } from '../model/options.js';
import { inference } from '../stats/inference.js';
import type { Label } from '../data/labels.js';
import { parseArgs, UsageError, USAGE, type Args } from './args.js';
import { Progress } from './progress.js';
import { applyScaling, type Scaling } from './scaling.js';
import { trainTestSplit } from '../metrics/split.js';
import { takeRows } from '../data/matrix.js';

/** The model file: the library's model JSON (fromJSON reads it) and the columns it was fitted on. */
type SavedModel = ModelJSON & { target: string; featureNames: string[] };

/** The file written by versions before the model JSON became the file itself. */
interface LegacyModel {
  format: 'logreg-wasm/cli-model';
  target: string;
  features: string[];
  scaling: Scaling | null;
  model: ModelJSON;
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** The feature columns: --features, or every column but the target and --drop. */
function featureColumns(args: Args, header: string[], target: string, file: string): string[] {
  const chosen = args.list('features');
  const drop = args.list('drop');
  if (chosen && drop) throw new UsageError('give --features or --drop, not both');
  for (const name of [...(chosen ?? []), ...(drop ?? [])])
    if (!header.includes(name)) throw new CsvError(file, 1, null, `no column '${name}' in the header: ${header.join(', ')}`);
  if (chosen?.includes(target)) throw new UsageError(`--features names the target column '${target}'`);
  const features = chosen ?? header.filter((name) => name !== target && !drop?.includes(name));
  if (features.length === 0) throw new CsvError(file, 1, null, 'no feature columns besides the target');
  return features;
}

/** Target cells as numbers when every one is a plain decimal (so 1 and 1.0 are one class), else as text. */
function labelColumn(cells: string[]): Label[] {
  const numbers = cells.map(decimal);
  return numbers.every(Number.isFinite) ? numbers : cells;
}

/** readCsvColumns, with a file that cannot be opened as a usage error. */
async function readColumns(file: string, choose: ColumnChoice, hint?: string) {
  try {
    return await readCsvColumns(file, choose, hint);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (typeof code === 'string') throw new UsageError(`cannot read ${file}: ${code}`);
    throw e;
  }
}

async function fit(args: Args): Promise<void> {
  const file = args.positional[0];
  if (!file) throw new UsageError('fit needs a CSV file');
  const target = args.flags.target;
  if (typeof target !== 'string') throw new UsageError('fit needs --target COLUMN');
  const table = await readColumns(
    file,
    (header) => {
      if (!header.includes(target)) throw new CsvError(file, 1, null, `no column '${target}' (the target) in the header: ${header.join(', ')}`);
      return { features: featureColumns(args, header, target, file), target };
    },
    'choose the feature columns with --features or --drop',
  );
  const { features, X: data } = table;
  const labels = labelColumn(table.labels!);
  const d = features.length;
  const testSize = args.number('test-size', 0);
  if (!(testSize >= 0 && testSize < 1)) throw new UsageError('--test-size must be in [0, 1)');
  const seed = args.number('seed', defaults.seed);
  const all = Array.from({ length: labels.length }, (_, i) => i);
  const { train, test } = Math.round(labels.length * testSize) > 0 ? trainTestSplit(labels.length, { testSize, seed }) : { train: all, test: [] };
  const pick = (rows: ArrayLike<number>) => takeRows({ data, cols: d }, rows).data;
  const Xtr = pick(train);
  const ytr = Array.from(train, (r) => labels[r]);
  const maxIter = args.number('max-iter', defaults.maxIter);
  const progress = new Progress(maxIter);
  // the model validates every value (and names the option in its error)
  const m = new LogisticRegression({
    solver: (args.flags.solver as never) ?? defaults.solver,
    C: args.number('C', defaults.C),
    penalty: (args.flags.penalty as never) ?? defaults.penalty,
    maxIter,
    tol: args.number('tol', defaults.tol),
    threads: args.flags.threads === 'auto' ? 'auto' : args.number('threads', 1),
    standardize: args.flags.standardize === true,
    featureNames: features,
    seed,
    onIteration: (info) => progress.update(info),
  });
  const t0 = performance.now();
  m.fit({ data: Xtr, rows: train.length, cols: d }, ytr);
  progress.done();
  const ms = performance.now() - t0;
  const out = [
    `fitted ${train.length} rows × ${d} features, classes ${m.classes.join(', ')}`,
    `solver ${m.solverUsed}${m.options.solver === 'auto' ? ' (auto)' : ''}: ${m.nIter} iterations, converged ${m.converged}, ${ms.toFixed(1)} ms, J = ${m.lossHistory.at(-1)!.toPrecision(10)}`,
    `train accuracy ${(100 * m.score({ data: Xtr, rows: train.length, cols: d }, ytr)).toFixed(2)}%`,
  ];
  if (test.length) {
    const Xte = pick(test);
    out.push(`held-out accuracy ${(100 * m.score({ data: Xte, rows: test.length, cols: d }, Array.from(test, (r) => labels[r]))).toFixed(2)}% (${test.length} rows)`);
  }
  const json = m.toJSON();
  if (args.flags.summary) out.push('', inference(m, { data: Xtr, rows: train.length, cols: d }, ytr).toString());
  console.log(out.join('\n'));
  if (typeof args.flags.out === 'string') {
    const saved: SavedModel = { ...json, target, featureNames: features };
    writeFileSync(args.flags.out, JSON.stringify(saved, null, 1) + '\n');
    console.log(`model written to ${args.flags.out}`);
  }
}

/** The model, the columns it reads and the target's name from a model file. */
function loadModel(path: string): { model: LogisticRegression; features: string[] | null; target: string; scaling: Scaling | null } {
  let saved: unknown;
  try {
    saved = JSON.parse(read(path));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${path} is not JSON`);
  }
  const own = (o: unknown, key: string): unknown => (o !== null && typeof o === 'object' && Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined);
  const names = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (own(saved, 'format') === 'logreg-wasm/cli-model') {
    const legacy = saved as LegacyModel;
    if (!names(own(legacy, 'features')) || typeof own(legacy, 'target') !== 'string') throw new UsageError(`${path}: features or target missing`);
    return { model: LogisticRegression.fromJSON(own(legacy, 'model')), features: legacy.features, target: legacy.target, scaling: legacy.scaling ?? null };
  }
  const model = LogisticRegression.fromJSON(saved);
  const features = own(saved, 'featureNames');
  if (features !== undefined && (!names(features) || (features as string[]).length !== model.coefShape.at(-1)))
    throw new UsageError(`${path}: featureNames must be ${model.coefShape.at(-1)} column names`);
  const target = own(saved, 'target');
  return { model, features: (features as string[] | undefined) ?? null, target: typeof target === 'string' ? target : 'label', scaling: null };
}

async function predict(args: Args): Promise<void> {
  const [modelFile, file] = args.positional;
  if (!modelFile || !file) throw new UsageError('predict needs MODEL.json and a CSV file');
  const digits = args.flags.precision === undefined ? null : args.number('precision', 17);
  if (digits !== null && !(Number.isInteger(digits) && digits >= 1 && digits <= 17)) throw new UsageError('--precision must be an integer from 1 to 17');
  const { model: m, features, target, scaling } = loadModel(modelFile);
  const d = m.coefShape.at(-1)!;
  const table = await readColumns(file, (header) => {
    if (!features && header.length !== d)
      throw new CsvError(file, 1, null, `the model has no featureNames, so every column is a feature: ${header.length} columns, but it was fitted on ${d}`);
    return { features: features ?? header, target: null };
  });
  const X = table.X;
  if (scaling) applyScaling(X, d, scaling);
  const n = table.rows;
  const labels = m.predict({ data: X, rows: n, cols: d });
  const lines: string[] = [];
  // String(p) is the shortest text that reads back as the same double: full precision
  const show = (p: number) => (digits === null ? String(p) : p.toPrecision(digits));
  if (args.flags.proba) {
    const P = m.predictProba({ data: X, rows: n, cols: d });
    const k = P.length / n;
    const names = k === 1 ? [`P(${String(m.classes[1])})`] : m.classes.map((c) => `P(${String(c)})`);
    lines.push([target, ...names].join(','));
    for (let i = 0; i < n; i++) lines.push([labels[i], ...Array.from(P.subarray(i * k, i * k + k), show)].join(','));
  } else {
    lines.push(target);
    for (const l of labels) lines.push(String(l));
  }
  process.stdout.write(lines.join('\n') + '\n');
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.flags.version) {
      console.log(version());
      return 0;
    }
    if (args.command === 'help' || args.flags.help) {
      console.log(USAGE);
      return 0;
    }
    if (args.command === null) throw new UsageError('no command given');
    setWarningHandler((w) => process.stderr.write(`warning: ${w.message}\n`));
    initSync();
    if (args.command === 'fit') await fit(args);
    else if (args.command === 'predict') await predict(args);
    else throw new UsageError(`unknown command '${args.command}'`);
    return 0;
  } catch (e) {
    if (e instanceof CsvError || e instanceof UsageError || e instanceof LogRegError) {
      process.stderr.write(`logreg-wasm: ${e.message}\n`);
      if (e instanceof UsageError) process.stderr.write(`\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`logreg-wasm: unexpected error: ${String((e as Error)?.message ?? e)}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
