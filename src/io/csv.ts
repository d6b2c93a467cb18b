// CSV lines for the CLI and csvBatches: comma-separated, optional double quotes ("" escapes a
// quote), a header line; errors name the file, line and column.

export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number | null,
    /** the message without its file:line:column prefix */
    readonly reason: string,
  ) {
    super(`${file}:${line}${column !== null ? `:${column}` : ''}: ${reason}`);
    this.name = 'CsvError';
  }
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

// Plain decimal numbers only: Number() would also read '0x10', '0b11', 'Infinity' and ' '.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The number a cell holds, or NaN when it is not a plain decimal. */
export function decimal(s: string): number {
  return DECIMAL.test(s) ? Number(s) : NaN;
}

/** Refuses a header that names a column twice (two features would read the same column). */
export function checkHeader(header: string[], file: string, line: number): void {
  header.forEach((name, j) => {
    const first = header.indexOf(name);
    if (first !== j) throw new CsvError(file, line, j + 1, `the header names '${name}' twice (columns ${first + 1} and ${j + 1})`);
  });
}

/** The header's index of each named column; a missing name is an error naming it. */
export function columnIndices(header: string[], names: string[], file: string, line: number): number[] {
  return names.map((name) => {
    const j = header.indexOf(name);
    if (j < 0) throw new CsvError(file, line, null, `no column '${name}' in the header`);
    return j;
  });
}

/**
 * Writes the columns `cols` of one data line as numbers into out at offset; a ragged line or a
 * cell that is not a plain decimal is an error naming the line and column (and `hint`).
 */
export function numericCells(cells: string[], header: string[], cols: number[], out: Float64Array, offset: number, file: string, line: number, hint?: string): void {
  if (cells.length !== header.length) throw new CsvError(file, line, null, `${cells.length} fields, but the header has ${header.length}`);
  for (let k = 0; k < cols.length; k++) {
    const s = cells[cols[k]];
    const v = decimal(s);
    if (!Number.isFinite(v)) throw new CsvError(file, line, cols[k] + 1, `'${s}' in column '${header[cols[k]]}' is not a finite number${hint ? `; ${hint}` : ''}`);
    out[offset + k] = v;
  }
}
