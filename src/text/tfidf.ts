// TfidfVectorizer with scikit-learn's defaults: its word tokens, lowercase, the vocabulary sorted
// (by code point), document-frequency limits minDf / maxDf and maxFeatures (the most frequent
// terms over the corpus; ties go to the earlier term), raw counts (or 1 + log with sublinearTf)
// times idf = ln((1 + n)/(1 + df)) + 1 (smoothIdf; ln(n/df) + 1 without), rows scaled to unit
// l2 norm.
import { LogRegError, describeValue } from '../core/errors.js';
import { ownFields } from '../core/own.js';
import { sortTerms } from './tokenize.js';
import { termCounts, type TermCounts } from './counts.js';
import { CsrBuilder, readDocuments, readNorm, type CsrMatrix, type RowNorm } from './rows.js';

export interface TfidfVectorizerOptions {
  lowercase?: boolean;
  /** keep terms in at least this many documents (an integer >= 1) or this fraction of them (in [0, 1)); default 1 */
  minDf?: number;
  /** keep terms in at most this many documents (an integer >= 1) or this fraction of them (in (0, 1)); default all */
  maxDf?: number;
  /** keep only the most frequent terms over the corpus (default all) */
  maxFeatures?: number | null;
  norm?: RowNorm;
  useIdf?: boolean;
  smoothIdf?: boolean;
  sublinearTf?: boolean;
}

export interface TfidfVectorizerJSON {
  format: 'logreg-wasm/tfidf-vectorizer';
  vocabulary: string[];
  idf: number[] | null;
  options: { lowercase: boolean; norm: RowNorm; sublinearTf: boolean };
}

const OPTIONS = ['lowercase', 'minDf', 'maxDf', 'maxFeatures', 'norm', 'useIdf', 'smoothIdf', 'sublinearTf'];

/** A document count from a count (integer >= 1) or a fraction in [0, 1) of n. */
function docCount(v: unknown, name: string, n: number, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v === 'number' && v >= 0 && v < 1) return v * n;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return v;
  throw new LogRegError('INVALID_OPTION', `${name} must be a fraction in [0, 1) or a document count (an integer >= 1), got ${describeValue(v)}`, { option: name });
}

export class TfidfVectorizer {
  private readonly o: Record<string, unknown>;
  private readonly lowercase: boolean;
  private readonly norm: RowNorm;
  private readonly sublinearTf: boolean;
  private terms: string[] | null = null;
  private index = new Map<string, number>();
  private idfs: Float64Array | null = null;

  constructor(options?: TfidfVectorizerOptions) {
    this.o = ownFields(options, 'TfidfVectorizer option', OPTIONS);
    this.lowercase = this.o.lowercase === undefined ? true : Boolean(this.o.lowercase);
    this.norm = readNorm(this.o.norm);
    this.sublinearTf = Boolean(this.o.sublinearTf);
    const mf = this.o.maxFeatures;
    if (mf !== undefined && mf !== null && (typeof mf !== 'number' || !Number.isInteger(mf) || mf < 1))
      throw new LogRegError('INVALID_OPTION', `maxFeatures must be a positive integer or null, got ${describeValue(mf)}`, { option: 'maxFeatures' });
  }

  /** Learns the vocabulary and idf of `documents`. */
  fit(documents: ArrayLike<string>): this {
    this.learn(termCounts(readDocuments(documents), this.lowercase));
    return this;
  }

  /** The documents as CSR rows over the learned vocabulary (unknown terms are left out). */
  transform(documents: ArrayLike<string>): CsrMatrix {
    const terms = this.fitted();
    const counts = termCounts(readDocuments(documents), this.lowercase, this.index);
    return this.weigh(counts, Int32Array.from({ length: terms.length }, (_, j) => j));
  }

  /** fit then transform, tokenising each document once. */
  fitTransform(documents: ArrayLike<string>): CsrMatrix {
    const counts = termCounts(readDocuments(documents), this.lowercase);
    return this.weigh(counts, this.learn(counts));
  }

  /** Learns the vocabulary from counts over their own term ids; returns id → column (−1: left out). */
  private learn(c: TermCounts): Int32Array {
    const n = c.indptr.length - 1;
    const ids = c.terms.length;
    const df = new Float64Array(ids);
    const tf = new Float64Array(ids);
    for (let k = 0; k < c.ids.length; k++) {
      df[c.ids[k]]++;
      tf[c.ids[k]] += c.counts[k];
    }
    if (ids === 0) throw new LogRegError('INVALID_INPUT', 'the documents hold no tokens (words of two or more letters or digits): the vocabulary is empty');
    const maxDoc = docCount(this.o.maxDf, 'maxDf', n, n);
    const minDoc = docCount(this.o.minDf, 'minDf', n, 1);
    if (maxDoc < minDoc) throw new LogRegError('INVALID_OPTION', `maxDf (${maxDoc} documents) is below minDf (${minDoc} documents)`, { option: 'maxDf' });
    const idOf = new Map<string, number>();
    let terms = sortTerms(c.terms.filter((t, id) => df[id] <= maxDoc && df[id] >= minDoc));
    c.terms.forEach((t, id) => idOf.set(t, id));
    const mf = this.o.maxFeatures as number | null | undefined;
    if (mf && terms.length > mf) {
      // the most frequent terms; ties go to the earlier term
      const order = terms.map((t, i) => [tf[idOf.get(t)!], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      const keep = new Set(order.slice(0, mf).map(([, i]) => i));
      terms = terms.filter((_, i) => keep.has(i));
    }
    if (terms.length === 0) throw new LogRegError('INVALID_OPTION', `no term is left between minDf and maxDf (${minDoc} .. ${maxDoc} documents): lower minDf or raise maxDf`, { option: 'minDf' });
    this.terms = terms;
    this.index = new Map(terms.map((t, j) => [t, j]));
    const column = new Int32Array(ids).fill(-1);
    terms.forEach((t, j) => (column[idOf.get(t)!] = j));
    const useIdf = this.o.useIdf === undefined ? true : Boolean(this.o.useIdf);
    const s = (this.o.smoothIdf === undefined ? true : Boolean(this.o.smoothIdf)) ? 1 : 0;
    this.idfs = useIdf ? Float64Array.from(terms, (t) => Math.log((n + s) / (df[idOf.get(t)!] + s)) + 1) : null;
    return column;
  }

  /** Counts → tf (or 1 + log tf) × idf in the columns `column` gives each id (−1: left out), rows normalised. */
  private weigh(c: TermCounts, column: Int32Array): CsrMatrix {
    const idf = this.idfs;
    const out = new CsrBuilder(this.terms!.length, this.norm);
    for (let i = 0; i + 1 < c.indptr.length; i++) {
      for (let k = c.indptr[i]; k < c.indptr[i + 1]; k++) {
        const j = column[c.ids[k]];
        if (j >= 0) out.add(j, (this.sublinearTf ? Math.log(c.counts[k]) + 1 : c.counts[k]) * (idf ? idf[j] : 1));
      }
      out.endRow();
    }
    return out.done();
  }

  /** The terms, in column order. */
  get vocabulary(): string[] {
    return this.fitted().slice();
  }

  /** idf of each column (null with useIdf: false). */
  get idf(): Float64Array | null {
    this.fitted();
    return this.idfs && this.idfs.slice();
  }

  toJSON(): TfidfVectorizerJSON {
    const vocabulary = this.fitted().slice();
    return {
      format: 'logreg-wasm/tfidf-vectorizer',
      vocabulary,
      idf: this.idfs && Array.from(this.idfs),
      options: { lowercase: this.lowercase, norm: this.norm, sublinearTf: this.sublinearTf },
    };
  }

  static fromJSON(json: unknown): TfidfVectorizer {
    const j = ownFields(json, 'TfidfVectorizer JSON');
    const o = ownFields(j.options, 'TfidfVectorizer JSON options');
    const vocab = j.vocabulary;
    const idf = j.idf;
    if (j.format !== 'logreg-wasm/tfidf-vectorizer' || !Array.isArray(vocab) || !vocab.every((t) => typeof t === 'string') ||
      !(idf === null || (Array.isArray(idf) && idf.length === vocab.length && idf.every((v) => typeof v === 'number' && v > 0 && Number.isFinite(v)))))
      throw new LogRegError('INVALID_JSON', 'not a TfidfVectorizer JSON (format, vocabulary, idf)');
    const v = new TfidfVectorizer({ lowercase: o.lowercase as boolean, norm: o.norm as RowNorm, sublinearTf: o.sublinearTf as boolean });
    v.terms = vocab.slice();
    v.index = new Map(vocab.map((t, i) => [t, i]));
    if (v.index.size !== vocab.length) throw new LogRegError('INVALID_JSON', 'the TfidfVectorizer JSON lists a term twice');
    v.idfs = idf === null ? null : Float64Array.from(idf);
    return v;
  }

  private fitted(): string[] {
    if (!this.terms) throw new LogRegError('NOT_FITTED', 'the vectoriser is not fitted: call fit(documents) first');
    return this.terms;
  }
}
