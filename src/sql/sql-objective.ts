// sqlObjective(connection, { from, features, label, weight }): the binary objective with its data
// term computed by a SQL engine, one query per evaluation, so the engine holding the data does
// the data-parallel sum (queries.ts has the queries). minimize and lbfgs / newton await it.
import { LogRegError, describeValue } from '../core/errors.js';
import { distinctSorted, sortedClasses, type Label } from '../data/labels.js';
import { defaults, readOptions } from '../model/options.js';
import type { PenaltyName } from '../loss/penalty.js';
import { checksSql, labelsSql, statsSql, passSql, quoteIdentifier, type SqlColumns } from './queries.js';
import { summedObjective, type SummedObjective } from '../loss/summed-objective.js';

/** A @duckdb/node-api connection, or any function that runs one query and resolves to its rows (arrays of values). */
export type SqlConnection = { runAndReadAll(sql: string): PromiseLike<{ getRows(): unknown[][] }> } | ((sql: string) => PromiseLike<unknown[][]>);

export interface SqlObjectiveOptions {
  /** What the rows are read FROM: a table name, a table function such as read_parquet('x.parquet'), or a parenthesised subquery. It is SQL, sent as given. */
  from: string;
  /** the feature columns, in the order of the parameter vector */
  features: string[];
  /** the label column: exactly two distinct values */
  label: string;
  /** a column of non-negative sample weights */
  weight?: string;
  /** the label of the positive class; default: the larger of the two (as classes sort) */
  positive?: Label;
  C?: number;
  penalty?: PenaltyName;
  l1Ratio?: number;
  fitIntercept?: boolean;
}

export interface SqlObjective extends SummedObjective {
  /** the two labels, sorted; the second is the positive class */
  readonly classes: Label[];
  readonly featureNames: string[];
  /** rows the census counted */
  readonly rows: number;
}

const SQL_OPTIONS: readonly (keyof SqlObjectiveOptions)[] = ['from', 'features', 'label', 'weight', 'positive', 'C', 'penalty', 'l1Ratio', 'fitIntercept'];

function runner(connection: unknown): (sql: string) => Promise<unknown[][]> {
  if (typeof connection === 'function') return async (sql) => (await (connection as (s: string) => PromiseLike<unknown[][]>)(sql)) as unknown[][];
  const c = connection as { runAndReadAll?: unknown } | null;
  if (c && typeof c === 'object' && typeof c.runAndReadAll === 'function')
    return async (sql) => (await (c as { runAndReadAll(s: string): PromiseLike<{ getRows(): unknown[][] }> }).runAndReadAll(sql)).getRows();
  throw new LogRegError('INVALID_INPUT', `sqlObjective needs a DuckDB connection or a function (sql) => Promise<rows>, got ${describeValue(connection)}`);
}

/** A number from SQL (DuckDB gives BigInt for integer aggregates). */
function num(v: unknown, what: string): number {
  const x = typeof v === 'bigint' ? Number(v) : v;
  if (typeof x !== 'number') throw new LogRegError('INVALID_INPUT', `the SQL engine returned ${describeValue(v)} for ${what}, not a number`);
  return x;
}

function label(v: unknown): Label {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  throw new LogRegError('LABELS', `the label column holds ${describeValue(v)}; labels must be numbers, strings or booleans`);
}

export async function sqlObjective(connection: SqlConnection, options: SqlObjectiveOptions): Promise<SqlObjective> {
  const run = runner(connection);
  const o = readOptions(options, SQL_OPTIONS, 'sqlObjective option') as unknown as SqlObjectiveOptions;
  if (typeof o.from !== 'string' || o.from.trim() === '') throw new LogRegError('INVALID_OPTION', `from must be SQL naming the rows (a table, a table function, a subquery), got ${describeValue(o.from)}`, { option: 'from' });
  if (!Array.isArray(o.features) || o.features.length === 0) throw new LogRegError('INVALID_OPTION', 'features must be a non-empty array of column names', { option: 'features' });
  o.features.forEach((f, j) => quoteIdentifier(f, `features[${j}]`));
  quoteIdentifier(o.label, 'label');
  if (o.weight !== undefined) quoteIdentifier(o.weight, 'weight');
  const cols: SqlColumns = { from: o.from, features: [...o.features], label: o.label, weight: o.weight };
  const query = async (sql: string, what: string): Promise<unknown[][]> => {
    try {
      return await run(sql);
    } catch (e) {
      throw new LogRegError('INVALID_INPUT', `the ${what} query failed: ${(e as Error)?.message ?? String(e)}`);
    }
  };

  const d = cols.features.length;
  const checks = (await query(checksSql(cols), 'census'))[0] ?? [];
  const rows = num(checks[0], 'the row count');
  if (rows === 0) throw new LogRegError('EMPTY_DATA', `no rows in ${o.from}`);
  for (let j = 0; j < d; j++) {
    const name = cols.features[j];
    const nulls = num(checks[1 + 2 * j], `the nulls of ${name}`);
    if (nulls > 0) throw new LogRegError('NON_FINITE', `feature column '${name}' has ${nulls} null values`, { column: j });
    const bad = num(checks[2 + 2 * j], `the non-finite values of ${name}`);
    if (bad > 0) throw new LogRegError('NON_FINITE', `feature column '${name}' has ${bad} NaN or infinite values`, { column: j });
  }
  const at = 1 + 2 * d;
  const labelNulls = num(checks[at], 'the label nulls');
  if (labelNulls > 0) throw new LogRegError('LABELS', `label column '${cols.label}' has ${labelNulls} null values`);
  if (cols.weight) {
    if (num(checks[at + 1], 'the weight nulls') > 0) throw new LogRegError('INVALID_INPUT', `weight column '${cols.weight}' has null values`);
    if (num(checks[at + 2], 'the bad weights') > 0) throw new LogRegError('INVALID_INPUT', `weight column '${cols.weight}' has negative, NaN or infinite values`);
  }

  const found = sortedClasses((await query(labelsSql(cols), 'label')).map((r) => label(r[0])));
  if (found.length !== 2) throw new LogRegError('LABELS', `label column '${cols.label}' must hold exactly two distinct values, found ${found.length > 2 ? 'more than two' : found.length}`);
  const classes = o.positive === undefined ? found : orderedFor(found, o.positive);

  const moments = (await query(statsSql(cols), 'census'))[0] ?? [];
  const sumWeights = num(moments[0], 'the weight total');
  if (!(sumWeights > 0 && sumWeights < Infinity)) throw new LogRegError('INVALID_INPUT', `the weights sum to ${sumWeights}`);
  const stats = { mean: new Float64Array(d), variance: new Float64Array(d) };
  for (let j = 0; j < d; j++) {
    stats.mean[j] = num(moments[1 + 2 * j], 'a mean');
    stats.variance[j] = num(moments[2 + 2 * j], 'a variance');
  }
  const summed = summedObjective(
    async (w, b, hessian) => {
      const r = (await query(passSql(cols, classes[1], w, b[0], hessian), 'pass'))[0] ?? [];
      const v = r.map((x, i) => num(x, `sum ${i}`));
      const grad = Float64Array.from(v.slice(1, d + 2));
      if (!hessian) return { loss: v[0], grad };
      const m = d + 1;
      const H = new Float64Array(m * m);
      let i = d + 2;
      for (let j = 0; j < d; j++) for (let k = j; k < d; k++) H[j * m + k] = H[k * m + j] = v[i++];
      for (let j = 0; j < d; j++) H[j * m + d] = H[d * m + j] = v[i++];
      H[d * m + d] = v[i];
      return { loss: v[0], grad, hessian: H };
    },
    { d, rows, sumWeights, stats },
    {
      C: o.C ?? defaults.C,
      penalty: o.penalty ?? defaults.penalty,
      l1Ratio: o.l1Ratio ?? defaults.l1Ratio,
      fitIntercept: o.fitIntercept ?? defaults.fitIntercept,
    },
  );
  return Object.assign(summed, { classes, featureNames: cols.features, rows });
}

/** [other, positive]: the positive class named by the caller, which must be one of the two. */
function orderedFor(found: Label[], positive: Label): Label[] {
  const [a, b] = distinctSorted(found, 'the labels');
  if (positive === b) return [a, b];
  if (positive === a) return [b, a];
  throw new LogRegError('LABELS', `positive is ${describeValue(positive)}, which is not one of the labels (${a}, ${b})`, { option: 'positive', value: positive });
}
