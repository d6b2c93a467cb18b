// Reads a whole CSV file for the CLI a line at a time (files of any size, not one string): the
// chosen numeric columns into one growing Float64Array, and the target column's text. Errors
// name the file, line and column.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { CsvError, checkHeader, columnIndices, numericCells, splitLine } from './csv.js';

export interface CsvColumns {
  header: string[];
  features: string[];
  /** rows × features, row-major */
  X: Float64Array;
  rows: number;
  /** the target column's cells, when one was chosen */
  labels: string[] | null;
}

/** Which columns to read, chosen once the header is known. */
export type ColumnChoice = (header: string[]) => { features: string[]; target: string | null };

export async function readCsvColumns(file: string, choose: ColumnChoice, hint?: string): Promise<CsvColumns> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let header: string[] | null = null;
  let features: string[] = [];
  let cols: number[] = [];
  let t = -1;
  let X = new Float64Array(0);
  let rows = 0;
  const labels: string[] = [];
  let lineNo = 0;
  let headerLine = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    const cells = splitLine(line, file, lineNo);
    if (!header) {
      header = cells;
      headerLine = lineNo;
      checkHeader(header, file, lineNo);
      const chosen = choose(header);
      features = chosen.features;
      cols = columnIndices(header, features, file, lineNo);
      t = chosen.target === null ? -1 : header.indexOf(chosen.target);
      X = new Float64Array(1024 * cols.length);
      continue;
    }
    const d = cols.length;
    if ((rows + 1) * d > X.length) {
      const grown = new Float64Array(2 * X.length);
      grown.set(X);
      X = grown;
    }
    numericCells(cells, header, cols, X, rows * d, file, lineNo, hint);
    if (t >= 0) labels.push(cells[t]);
    rows++;
  }
  if (!header) throw new CsvError(file, 1, null, 'the file is empty');
  if (rows === 0) throw new CsvError(file, headerLine + 1, null, 'no data rows after the header');
  return { header, features, X: X.subarray(0, rows * cols.length), rows, labels: t >= 0 ? labels : null };
}
