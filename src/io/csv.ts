// A small CSV reader for the CLI: comma-separated, optional double quotes ("" escapes a
// quote), a header line; errors name the file, line and column.

export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number | null,
    message: string,
  ) {
    super(`${file}:${line}${column !== null ? `:${column}` : ''}: ${message}`);
    this.name = 'CsvError';
  }
}

export interface CsvTable {
  header: string[];
  /** the data rows, with their 1-based line numbers */
  rows: { line: number; cells: string[] }[];
}

/** The fields of one CSV line. */
export function splitLine(text: string, file: string, line: number): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvError(file, line, out.length + 1, 'unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += text[i++];
      }
      if (i < text.length && text[i] !== ',') throw new CsvError(file, line, out.length + 1, 'text after a closing quote');
    } else {
      const end = text.indexOf(',', i);
      cell = end < 0 ? text.slice(i) : text.slice(i, end);
      i = end < 0 ? text.length : end;
    }
    out.push(cell.trim());
    if (i >= text.length) return out;
    i++; // the comma
  }
}

export function parseCsv(text: string, file: string): CsvTable {
  const lines = text.split(/\r?\n/);
  let first = 0;
  while (first < lines.length && lines[first].trim() === '') first++;
  if (first === lines.length) throw new CsvError(file, 1, null, 'the file is empty');
  const header = splitLine(lines[first], file, first + 1);
  header.forEach((name, j) => {
    if (header.indexOf(name) !== j) throw new CsvError(file, first + 1, j + 1, `the header names '${name}' twice (columns ${header.indexOf(name) + 1} and ${j + 1})`);
  });
  const rows: CsvTable['rows'] = [];
  for (let i = first + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = splitLine(lines[i], file, i + 1);
    if (cells.length !== header.length)
      throw new CsvError(file, i + 1, null, `${cells.length} fields, but the header has ${header.length}`);
    rows.push({ line: i + 1, cells });
  }
  if (rows.length === 0) throw new CsvError(file, first + 2, null, 'no data rows after the header');
  return { header, rows };
}

// Plain decimal numbers only: Number() would also read '0x10', '0b11', 'Infinity' and ' '.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The number a cell holds, or NaN when it is not a plain decimal. */
export function decimal(s: string): number {
  return DECIMAL.test(s) ? Number(s) : NaN;
}

/** The numeric matrix of the named columns (row-major), with errors at line and column (and `hint`). */
export function numericColumns(table: CsvTable, names: string[], file: string, hint?: string): Float64Array {
  const idx = names.map((name) => {
    const j = table.header.indexOf(name);
    if (j < 0) throw new CsvError(file, 1, null, `no column '${name}' in the header`);
    return j;
  });
  const out = new Float64Array(table.rows.length * names.length);
  table.rows.forEach(({ line, cells }, i) => {
    idx.forEach((j, k) => {
      const s = cells[j];
      const v = decimal(s);
      if (!Number.isFinite(v)) throw new CsvError(file, line, j + 1, `'${s}' in column '${table.header[j]}' is not a finite number${hint ? `; ${hint}` : ''}`);
      out[i * names.length + k] = v;
    });
  });
  return out;
}
