// TfidfVectorizer with scikit-learn's defaults: its word tokens, lowercase, the vocabulary sorted
// (by code point), document-frequency limits minDf / maxDf and maxFeatures (the most frequent
// terms over the corpus; ties go to the earlier term), raw counts (or 1 + log with sublinearTf)
// times idf = ln((1 + n)/(1 + df)) + 1 (smoothIdf; ln(n/df) + 1 without), rows scaled to unit
// l2 norm.
import { LogRegError, describeValue } from '../core/errors.js';
import { ownFields } from '../core/own.js';
import { codePointOrder, tokenize } from './tokenize.js';
import { csrFromRows, readDocuments, readNorm, type CsrMatrix, type RowNorm } from './rows.js';

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
    const docs = readDocuments(documents);
    const n = docs.length;
    const df = new Map<string, number>();
    const tf = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const seen = new Set<string>();
      for (const t of tokenize(docs[i], this.lowercase)) {
        tf.set(t, (tf.get(t) ?? 0) + 1);
        if (!seen.has(t)) {
          seen.add(t);
          df.set(t, (df.get(t) ?? 0) + 1);
        }
      }
    }
    if (df.size === 0) throw new LogRegError('INVALID_INPUT', 'the documents hold no tokens (words of two or more letters or digits): the vocabulary is empty');
    const maxDoc = docCount(this.o.maxDf, 'maxDf', n, n);
    const minDoc = docCount(this.o.minDf, 'minDf', n, 1);
    if (maxDoc < minDoc) throw new LogRegError('INVALID_OPTION', `maxDf (${maxDoc} documents) is below minDf (${minDoc} documents)`, { option: 'maxDf' });
    let terms = [...df.keys()].filter((t) => df.get(t)! <= maxDoc && df.get(t)! >= minDoc).sort(codePointOrder);
    const mf = this.o.maxFeatures as number | null | undefined;
    if (mf && terms.length > mf) {
      const keep = new Set(terms.map((t, i) => [t, i] as const).sort((a, b) => tf.get(b[0])! - tf.get(a[0])! || a[1] - b[1]).slice(0, mf).map(([t]) => t));
      terms = terms.filter((t) => keep.has(t));
    }
    if (terms.length === 0) throw new LogRegError('INVALID_OPTION', `no term is left between minDf and maxDf (${minDoc} .. ${maxDoc} documents): lower minDf or raise maxDf`, { option: 'minDf' });
    this.terms = terms;
    this.index = new Map(terms.map((t, j) => [t, j]));
    const useIdf = this.o.useIdf === undefined ? true : Boolean(this.o.useIdf);
    const smooth = this.o.smoothIdf === undefined ? true : Boolean(this.o.smoothIdf);
    const s = smooth ? 1 : 0;
    this.idfs = useIdf ? Float64Array.from(terms, (t) => Math.log((n + s) / (df.get(t)! + s)) + 1) : null;
    return this;
  }

  /** The documents as CSR rows over the learned vocabulary (unknown terms are left out). */
  transform(documents: ArrayLike<string>): CsrMatrix {
    const terms = this.fitted();
    const docs = readDocuments(documents);
    const idf = this.idfs;
    const rows: Map<number, number>[] = [];
    for (let i = 0; i < docs.length; i++) {
      const row = new Map<number, number>();
      for (const t of tokenize(docs[i], this.lowercase)) {
        const j = this.index.get(t);
        if (j !== undefined) row.set(j, (row.get(j) ?? 0) + 1);
      }
      for (const [j, c] of row) row.set(j, (this.sublinearTf ? Math.log(c) + 1 : c) * (idf ? idf[j] : 1));
      rows.push(row);
    }
    return csrFromRows(rows, terms.length, this.norm);
  }

  fitTransform(documents: ArrayLike<string>): CsrMatrix {
    return this.fit(documents).transform(documents);
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
