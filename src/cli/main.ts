#!/usr/bin/env node
// The command line: `logreg-wasm fit data.csv --target COL …` and `logreg-wasm predict model.json data.csv`.
import { readFileSync, writeFileSync } from 'node:fs';
import { initSync } from '../wasm/load.js';
import { LogisticRegression } from '../model/logistic-regression.js';
import { LogRegError } from '../errors.js';
import { setWarningHandler } from '../warnings.js';
import { CsvError, numericColumns, parseCsv } from '../io/csv.js';
import { parseArgs, UsageError, USAGE } from './args.js';
import { Progress } from './progress.js';
import { standardizer, applyScaling, type Scaling } from './scaling.js';
import { splitRows } from './split.js';

interface SavedModel {
  format: 'logreg-wasm/cli-model';
  target: string;
  features: string[];
  scaling: Scaling | null;
  model: ReturnType<LogisticRegression['toJSON']>;
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

function fit(args: ReturnType<typeof parseArgs>): void {
  const file = args.positional[0];
  if (!file) throw new UsageError('fit needs a CSV file');
  const target = args.flags.target;
  if (typeof target !== 'string') throw new UsageError('fit needs --target COLUMN');
  const table = parseCsv(read(file), file);
  const t = table.header.indexOf(target);
  if (t < 0) throw new CsvError(file, 1, null, `no column '${target}' (the target) in the header: ${table.header.join(', ')}`);
  const features = table.header.filter((_, j) => j !== t);
  if (features.length === 0) throw new CsvError(file, 1, null, 'no feature columns besides the target');
  const data = numericColumns(table, features, file);
  const labels = table.rows.map((r) => r.cells[t]);
  const d = features.length;
  const testSize = args.number('test-size', 0);
  if (!(testSize >= 0 && testSize < 1)) throw new UsageError('--test-size must be in [0, 1)');
  const [train, test] = splitRows(labels.length, testSize, args.number('seed', 1));
  const pick = (rows: number[]) => {
    const out = new Float64Array(rows.length * d);
    rows.forEach((r, i) => out.set(data.subarray(r * d, r * d + d), i * d));
    return out;
  };
  const Xtr = pick(train);
  const ytr = train.map((r) => labels[r]);
  const scaling = args.flags.standardize ? standardizer(Xtr, train.length, d) : null;
  if (scaling) applyScaling(Xtr, d, scaling);
  const progress = new Progress(args.number('max-iter', 1000));
  const m = new LogisticRegression({
    solver: (args.flags.solver as never) ?? 'lbfgs',
    C: args.number('C', 1),
    penalty: (args.flags.penalty as never) ?? 'l2',
    maxIter: args.number('max-iter', 1000),
    tol: args.number('tol', 1e-6),
    threads: args.number('threads', 1),
    onIteration: (info) => progress.update(info),
  });
  const t0 = performance.now();
  m.fit({ data: Xtr, rows: train.length, cols: d }, ytr);
  progress.done();
  const ms = performance.now() - t0;
  const out = [
    `fitted ${train.length} rows × ${d} features, classes ${m.classes.join(', ')}`,
    `solver ${m.options.solver}: ${m.nIter} iterations, converged ${m.converged}, ${ms.toFixed(1)} ms, J = ${m.lossHistory.at(-1)!.toPrecision(10)}`,
    `train accuracy ${(100 * m.score({ data: Xtr, rows: train.length, cols: d }, ytr)).toFixed(2)}%`,
  ];
  if (test.length) {
    const Xte = pick(test);
    if (scaling) applyScaling(Xte, d, scaling);
    out.push(`held-out accuracy ${(100 * m.score({ data: Xte, rows: test.length, cols: d }, test.map((r) => labels[r]))).toFixed(2)}% (${test.length} rows)`);
  }
  console.log(out.join('\n'));
  if (typeof args.flags.out === 'string') {
    const saved: SavedModel = { format: 'logreg-wasm/cli-model', target, features, scaling, model: m.toJSON() };
    writeFileSync(args.flags.out, JSON.stringify(saved, null, 1) + '\n');
    console.log(`model written to ${args.flags.out}`);
  }
}

function predict(args: ReturnType<typeof parseArgs>): void {
  const [modelFile, file] = args.positional;
  if (!modelFile || !file) throw new UsageError('predict needs MODEL.json and a CSV file');
  let saved: SavedModel;
  try {
    saved = JSON.parse(read(modelFile));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${modelFile} is not JSON`);
  }
  if (saved?.format !== 'logreg-wasm/cli-model') throw new UsageError(`${modelFile} was not written by 'logreg-wasm fit --out'`);
  const m = LogisticRegression.fromJSON(saved.model);
  const table = parseCsv(read(file), file);
  const d = saved.features.length;
  const X = numericColumns(table, saved.features, file);
  if (saved.scaling) applyScaling(X, d, saved.scaling);
  const n = table.rows.length;
  const labels = m.predict({ data: X, rows: n, cols: d });
  const lines: string[] = [];
  if (args.flags.proba) {
    const P = m.predictProba({ data: X, rows: n, cols: d });
    const k = P.length / n;
    const names = k === 1 ? [`P(${String(m.classes[1])})`] : m.classes.map((c) => `P(${String(c)})`);
    lines.push([saved.target, ...names].join(','));
    for (let i = 0; i < n; i++) lines.push([labels[i], ...Array.from(P.subarray(i * k, i * k + k), (p) => p.toPrecision(6))].join(','));
  } else {
    lines.push(saved.target);
    for (const l of labels) lines.push(String(l));
  }
  process.stdout.write(lines.join('\n') + '\n');
}

function main(argv: string[]): number {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help' || args.flags.help) {
      console.log(USAGE);
      return 0;
    }
    setWarningHandler((w) => process.stderr.write(`warning: ${w.message}\n`));
    initSync();
    if (args.command === 'fit') fit(args);
    else if (args.command === 'predict') predict(args);
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

process.exitCode = main(process.argv.slice(2));
