// What the batch sources share: choosing the columns, and a batch from decoded column chunks
// (features as ColumnsInput, copied once into the backend; labels and weights read by value).
import { LogRegError, describeValue } from '../core/errors.js';
import { ColumnsInput, type ColumnChunks } from '../data/columns.js';
import type { Label } from '../data/labels.js';
import { ownFields } from '../core/own.js';

export interface ColumnBatchOptions {
  /** the label column */
  label: string;
  /** the feature columns (default: every numeric column but the label and weight) */
  features?: string[];
  /** a column of sample weights */
  weight?: string;
}

export interface ColumnBatch {
  X: ColumnsInput;
  y: Label[];
  sampleWeight?: Float64Array;
}

export function readColumnOptions(options: unknown, what: string, extra: string[] = []): ColumnBatchOptions & Record<string, unknown> {
  const o = ownFields(options, `${what} option`, ['label', 'features', 'weight', ...extra]);
  if (typeof o.label !== 'string' || o.label === '') throw new LogRegError('INVALID_OPTION', `${what}: label must be a column name, got ${describeValue(o.label)}`, { option: 'label' });
  if (o.weight !== undefined && typeof o.weight !== 'string') throw new LogRegError('INVALID_OPTION', `${what}: weight must be a column name`, { option: 'weight' });
  if (o.features !== undefined && !(Array.isArray(o.features) && o.features.length > 0 && o.features.every((f) => typeof f === 'string')))
    throw new LogRegError('INVALID_OPTION', `${what}: features must be a non-empty array of column names`, { option: 'features' });
  return o as ColumnBatchOptions & Record<string, unknown>;
}

/** The feature columns: those named (each must exist), or every numeric column but the label and weight. */
export function chooseFeatures(o: ColumnBatchOptions, columns: { name: string; numeric: boolean }[], what: string): string[] {
  const names = columns.map((c) => c.name);
  for (const [role, name] of [['label', o.label], ['weight', o.weight]] as const)
    if (name !== undefined && !names.includes(name)) throw new LogRegError('INVALID_INPUT', `${what} has no ${role} column '${name}' (columns: ${names.join(', ')})`);
  const features = o.features ?? columns.filter((c) => c.numeric && c.name !== o.label && c.name !== o.weight).map((c) => c.name);
  for (const f of features) if (!names.includes(f)) throw new LogRegError('INVALID_INPUT', `${what} has no feature column '${f}' (columns: ${names.join(', ')})`);
  if (features.length === 0) throw new LogRegError('EMPTY_DATA', `${what} has no numeric feature columns`);
  return features;
}

/** One column's values as a flat list, each checked: labels (numbers, strings, booleans) or weights. */
function values(chunks: ColumnChunks | readonly ArrayLike<unknown>[], row0: number, role: string, name: string): unknown[] {
  const out: unknown[] = [];
  for (const chunk of chunks)
    for (let i = 0; i < chunk.length; i++) {
      const v = chunk[i];
      if (v === null || v === undefined)
        throw new LogRegError('INVALID_INPUT', `${role} column '${name}' is null at row ${row0 + out.length}`, { row: row0 + out.length });
      out.push(typeof v === 'bigint' ? Number(v) : v);
    }
  return out;
}

/** A batch of rows row0 … from decoded chunks per column. */
export function columnBatch(o: ColumnBatchOptions, features: string[], chunks: Map<string, readonly ArrayLike<unknown>[]>, row0: number): ColumnBatch {
  const X = new ColumnsInput(features.map((f) => chunks.get(f) as ColumnChunks), features);
  const y = values(chunks.get(o.label)!, row0, 'label', o.label) as Label[];
  if (!o.weight) return { X, y };
  const w = values(chunks.get(o.weight)!, row0, 'weight', o.weight);
  return { X, y, sampleWeight: Float64Array.from(w as number[]) };
}
