// Token counts of documents as CSR rows over term ids: the tokens of tokenize.ts looked up in a
// TermTable, each document's distinct terms with their counts.
import { forEachTokenSpan } from './tokenize.js';
import { TermTable } from './term-table.js';
import { grown } from './rows.js';

/** Token counts of documents as CSR rows over term ids (terms[id]), in order of first appearance. */
export interface TermCounts {
  terms: string[];
  indptr: Int32Array;
  ids: Int32Array;
  counts: Float64Array;
}

/**
 * Counts the tokens of each document. Ids are assigned as terms first appear, or, with `known`,
 * are its columns (other terms are left out).
 */
export function termCounts(docs: ArrayLike<string>, lowercase: boolean, known?: Map<string, number>): TermCounts {
  const table = new TermTable();
  if (known) for (const [t, j] of known) table.add(t, j);
  const terms: string[] = [];
  const indptr = new Int32Array(docs.length + 1);
  let ids = new Int32Array(1024);
  let counts = new Float64Array(1024);
  let nnz = 0;
  let seen = new Int32Array(1024).fill(-1); // id → position of its entry in the current row
  let rowStart = 0;
  const count = (s: string, start: number, end: number, h: number) => {
    const id = table.find(s, start, end, h, known ? -1 : terms.length);
    if (id < 0) return;
    if (!known && id === terms.length) terms.push(table.last);
    if (id >= seen.length) seen = grown(seen, id + 1, -1);
    const at = seen[id];
    if (at >= rowStart) counts[at]++;
    else {
      if (nnz === ids.length) {
        ids = grown(ids, nnz + 1);
        counts = grown(counts, nnz + 1);
      }
      seen[id] = nnz;
      ids[nnz] = id;
      counts[nnz++] = 1;
    }
  };
  for (let i = 0; i < docs.length; i++) {
    rowStart = nnz;
    forEachTokenSpan(docs[i], lowercase, count);
    indptr[i + 1] = nnz;
  }
  return { terms, indptr, ids: ids.subarray(0, nnz), counts: counts.subarray(0, nnz) };
}
