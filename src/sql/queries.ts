// The SQL sqlObjective sends: a census (row count, weight total, nulls, non-finite values,
// column means and variances), the distinct labels, and one pass per evaluation whose SUMs are
// J's and ∇J's (and ∇²J's) data terms. Column names are data: they are quoted as identifiers,
// never pasted; `from` is the caller's SQL (a table name, a table function, a subquery).
// Needs: CAST, CASE, SUM, COUNT, AVG, VAR_POP, EXP, LN, ABS, GREATEST, and DuckDB's isfinite.
import { LogRegError, describeValue } from '../core/errors.js';
import type { Label } from '../data/labels.js';

export interface SqlColumns {
  from: string;
  features: string[];
  label: string;
  weight?: string;
}

/** "name" with every " doubled: the standard SQL identifier quoting (DuckDB, PostgreSQL, Spark with ANSI mode). */
export function quoteIdentifier(name: unknown, what: string): string {
  if (typeof name !== 'string' || name.length === 0 || name.includes('\0'))
    throw new LogRegError('INVALID_OPTION', `${what} must be a non-empty column name without NUL characters, got ${describeValue(name)}`, { option: what, value: name });
  return `"${name.replaceAll('"', '""')}"`;
}

/** A double as SQL, exactly: the shortest decimal that reads back as the same double. */
export function doubleLiteral(v: number): string {
  if (!Number.isFinite(v)) throw new LogRegError('NON_FINITE', `a parameter sent to SQL is ${v}`, { value: v });
  return `CAST('${String(v)}' AS DOUBLE)`;
}

export function labelLiteral(v: Label): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return doubleLiteral(v);
  return `'${v.replaceAll("'", "''")}'`;
}

const asDouble = (q: string) => `CAST(${q} AS DOUBLE)`;

/** One row: n, then per feature (nulls, non-finite), then label nulls, weight nulls and negative-or-non-finite weights. */
export function checksSql(c: SqlColumns): string {
  const parts = ['COUNT(*)'];
  c.features.forEach((f, j) => {
    const x = asDouble(quoteIdentifier(f, `features[${j}]`));
    parts.push(`COUNT(*) - COUNT(${x})`, `SUM(CASE WHEN isfinite(${x}) THEN 0 ELSE 1 END)`);
  });
  parts.push(`COUNT(*) - COUNT(${quoteIdentifier(c.label, 'label')})`);
  if (c.weight) {
    const s = asDouble(quoteIdentifier(c.weight, 'weight'));
    parts.push(`COUNT(*) - COUNT(${s})`, `SUM(CASE WHEN isfinite(${s}) AND ${s} >= 0 THEN 0 ELSE 1 END)`);
  }
  return `SELECT ${parts.join(', ')} FROM ${c.from} AS src`;
}

/** One row, once the values are known to be finite: S, then each feature's mean and population variance. */
export function statsSql(c: SqlColumns): string {
  const parts = [c.weight ? `SUM(${asDouble(quoteIdentifier(c.weight, 'weight'))})` : 'COUNT(*)'];
  c.features.forEach((f, j) => {
    const x = asDouble(quoteIdentifier(f, `features[${j}]`));
    parts.push(`AVG(${x})`, `VAR_POP(${x})`);
  });
  return `SELECT ${parts.join(', ')} FROM ${c.from} AS src`;
}

/** Up to three distinct non-null labels (three say "more than two"). */
export function labelsSql(c: SqlColumns): string {
  const y = quoteIdentifier(c.label, 'label');
  return `SELECT DISTINCT ${y} FROM ${c.from} AS src WHERE ${y} IS NOT NULL LIMIT 3`;
}

/**
 * One row: Σ s·ℓ, Σ s·r·x_j (j < d), Σ s·r; with `hessian` then Σ s·D·x_j·x_k (j <= k), Σ s·D·x_j, Σ s·D,
 * where z = x·w + b, r = σ(z) − y, D = σ(z)(1 − σ(z)) and ℓ = max(z, 0) + ln(1 + e^−|z|) − y·z.
 */
export function passSql(c: SqlColumns, positive: Label, w: Float64Array, b: number, hessian: boolean): string {
  const d = c.features.length;
  const xs = c.features.map((_, j) => `x${j}`);
  const inner = [
    ...c.features.map((f, j) => `${asDouble(quoteIdentifier(f, `features[${j}]`))} AS x${j}`),
    `CASE WHEN ${quoteIdentifier(c.label, 'label')} = ${labelLiteral(positive)} THEN 1.0 ELSE 0.0 END AS y`,
    `${c.weight ? asDouble(quoteIdentifier(c.weight, 'weight')) : '1.0'} AS s`,
  ];
  const z = [...xs.map((x, j) => `${doubleLiteral(w[j])} * ${x}`), doubleLiteral(b)].join(' + ');
  const sigma = 'CASE WHEN z >= 0 THEN 1 / (1 + EXP(-z)) ELSE EXP(z) / (1 + EXP(z)) END';
  const sums = [`SUM(s * (GREATEST(z, 0) + LN(1 + EXP(-ABS(z))) - y * z))`, ...xs.map((x) => `SUM(s * r * ${x})`), 'SUM(s * r)'];
  if (hessian) {
    for (let j = 0; j < d; j++) for (let k = j; k < d; k++) sums.push(`SUM(s * h * ${xs[j]} * ${xs[k]})`);
    sums.push(...xs.map((x) => `SUM(s * h * ${x})`), 'SUM(s * h)');
  }
  const curvature = hessian ? ', EXP(-ABS(z)) / ((1 + EXP(-ABS(z))) * (1 + EXP(-ABS(z)))) AS h' : '';
  return (
    `SELECT ${sums.join(', ')} FROM (` +
    `SELECT *, (${sigma}) - y AS r${curvature} FROM (` +
    `SELECT *, ${z} AS z FROM (SELECT ${inner.join(', ')} FROM ${c.from} AS src) AS rows_in) AS with_z) AS with_r`
  );
}
