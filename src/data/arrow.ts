// Arrow tables and record batches (apache-arrow, and what Arquero, DuckDB and Observable hand
// out), read by duck typing: the core never imports apache-arrow. Feature columns go to the
// backend through columns.ts (one copy, column-major to row-major); labels and weights are read
// by value, so dictionary-encoded labels arrive as their strings.
import { LogRegError, describeValue } from '../core/errors.js';
import { ColumnsInput } from './columns.js';
import type { Label } from './labels.js';

interface ArrowTypeLike {
  readonly typeId: number;
  readonly precision?: number;
  toString(): string;
}

interface ArrowVectorLike {
  readonly length: number;
  readonly nullCount: number;
  readonly type: ArrowTypeLike;
  /** chunks: `values` starts at the chunk's first row and may run past its `length` (a builder's spare capacity) */
  readonly data: readonly { readonly length: number; readonly values: ArrayLike<number | bigint> & { subarray(a: number, b: number): ArrayLike<number | bigint> } }[];
  get(i: number): unknown;
  isValid(i: number): boolean;
}

/** The part of an apache-arrow Table or RecordBatch this package reads. */
export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string; readonly type: ArrowTypeLike }[] };
  getChild(name: string): ArrowVectorLike | null;
}

/** apache-arrow's Type enum: Int, Float; Float's precision HALF. */
const TYPE_INT = 2;
const TYPE_FLOAT = 3;
const PRECISION_HALF = 0;

export function isArrowTable(x: unknown): x is ArrowTableLike {
  const t = x as Partial<ArrowTableLike> | null;
  return t !== null && typeof t === 'object' && typeof t.numRows === 'number' && typeof t.getChild === 'function' && Array.isArray(t.schema?.fields);
}

const isNumeric = (type: ArrowTypeLike) => type.typeId === TYPE_INT || type.typeId === TYPE_FLOAT;
const isHalf = (type: ArrowTypeLike) => type.typeId === TYPE_FLOAT && type.precision === PRECISION_HALF;

function column(table: ArrowTableLike, name: string, role: string): ArrowVectorLike {
  const v = typeof name === 'string' ? table.getChild(name) : null;
  if (!v)
    throw new LogRegError('INVALID_INPUT', `the table has no ${role} column ${describeValue(name)} (columns: ${table.schema.fields.map((f) => f.name).join(', ')})`);
  return v;
}

function refuseNulls(v: ArrowVectorLike, name: string, role: string): void {
  if (v.nullCount === 0) return;
  let row = 0;
  while (row < v.length && v.isValid(row)) row++;
  throw new LogRegError('INVALID_INPUT', `${role} column '${name}' has ${v.nullCount} null values, the first at row ${row}`, { row });
}

/** The feature columns `names` of a table, for matrixSource. */
export function tableFeatures(table: ArrowTableLike, names: readonly string[]): ColumnsInput {
  const chunks = names.map((name, j) => {
    const v = column(table, name, 'feature');
    if (!isNumeric(v.type))
      throw new LogRegError('INVALID_INPUT', `feature column '${name}' is ${String(v.type)}, not a numeric type (Int or Float)`, { column: j });
    refuseNulls(v, name, 'feature');
    return v.data.map((d) => {
      const values = d.values.length === d.length ? d.values : d.values.subarray(0, d.length);
      return isHalf(v.type) ? halfsToFloats(values as Uint16Array) : values;
    });
  });
  return new ColumnsInput(chunks, names);
}

/** IEEE half-precision bits to float32 (exact: every half is a float32). */
function halfsToFloats(bits: Uint16Array): Float32Array {
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) {
    const h = bits[i];
    const sign = h & 0x8000 ? -1 : 1;
    const e = (h >> 10) & 0x1f;
    const f = h & 0x3ff;
    out[i] = e === 0 ? sign * f * 2 ** -24 : e === 31 ? (f ? NaN : sign * Infinity) : sign * (1 + f / 1024) * 2 ** (e - 15);
  }
  return out;
}

/** The labels of column `name`. */
export function tableLabels(table: ArrowTableLike, name: string): Label[] {
  const v = column(table, name, 'label');
  refuseNulls(v, name, 'label');
  const out: Label[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v.get(i);
    out[i] = typeof x === 'bigint' ? Number(x) : (x as Label);
  }
  return out;
}

function weightsOf(table: ArrowTableLike, name: string): Float64Array {
  const v = column(table, name, 'weight');
  if (!isNumeric(v.type)) throw new LogRegError('INVALID_INPUT', `weight column '${name}' is ${String(v.type)}, not numeric`);
  refuseNulls(v, name, 'weight');
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = Number(v.get(i));
  return out;
}

export interface TableInput {
  X: ColumnsInput;
  y: unknown;
  sampleWeight: unknown;
  featureNames: string[];
}

/**
 * X, y and weights from a table: y and sampleWeight may name columns (or be arrays as usual);
 * the features are `names`, or every numeric column but those two.
 */
export function readTable(table: ArrowTableLike, y: unknown, sampleWeight: unknown, names: readonly string[] | undefined): TableInput {
  const used = [y, sampleWeight].filter((c): c is string => typeof c === 'string');
  const featureNames = names ? [...names] : table.schema.fields.filter((f) => isNumeric(f.type) && !used.includes(f.name)).map((f) => f.name);
  if (featureNames.length === 0) throw new LogRegError('EMPTY_DATA', 'the table has no numeric feature columns');
  return {
    X: tableFeatures(table, featureNames),
    y: typeof y === 'string' ? tableLabels(table, y) : y,
    sampleWeight: typeof sampleWeight === 'string' ? weightsOf(table, sampleWeight) : sampleWeight,
    featureNames,
  };
}

/** X, y and weights as every entry point reads them: a table's columns by name (readTable), anything else as given. */
export function plainInputs(X: unknown, y: unknown, sampleWeight: unknown, names: readonly string[] | undefined): { X: unknown; y: unknown; sampleWeight: unknown; featureNames?: string[] } {
  return isArrowTable(X) ? readTable(X, y, sampleWeight, names) : { X, y, sampleWeight };
}
