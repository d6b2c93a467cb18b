// HashingVectorizer as scikit-learn's: no vocabulary to learn or store (streams, huge corpora);
// term → column by the signed 32-bit MurmurHash3 of its UTF-8 bytes modulo nFeatures, and with
// alternateSign the hash's sign as the value's, so collisions cancel out on average.
import { LogRegError, describeValue } from '../core/errors.js';
import { ownFields } from '../core/own.js';
import { murmurhash3Signed } from './murmur.js';
import { tokenize } from './tokenize.js';
import { CsrBuilder, readDocuments, readNorm, type CsrMatrix, type RowNorm } from './rows.js';

export interface HashingVectorizerOptions {
  /** columns (default 2^20) */
  nFeatures?: number;
  /** the hash's sign as the value's sign (default true) */
  alternateSign?: boolean;
  /** row normalisation (default 'l2') */
  norm?: RowNorm;
  lowercase?: boolean;
}

export class HashingVectorizer {
  readonly nFeatures: number;
  readonly alternateSign: boolean;
  readonly norm: RowNorm;
  readonly lowercase: boolean;

  constructor(options?: HashingVectorizerOptions) {
    const o = ownFields(options, 'HashingVectorizer option', ['nFeatures', 'alternateSign', 'norm', 'lowercase']);
    const n = o.nFeatures ?? 2 ** 20;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 2 ** 31 - 1)
      throw new LogRegError('INVALID_OPTION', `nFeatures must be an integer in 1 .. 2^31 − 1, got ${describeValue(n)}`, { option: 'nFeatures' });
    this.nFeatures = n;
    this.alternateSign = o.alternateSign === undefined ? true : Boolean(o.alternateSign);
    this.norm = readNorm(o.norm);
    this.lowercase = o.lowercase === undefined ? true : Boolean(o.lowercase);
  }

  /** The documents as CSR rows (nFeatures columns). */
  transform(documents: ArrayLike<string>): CsrMatrix {
    const docs = readDocuments(documents);
    const n = this.nFeatures;
    const out = new CsrBuilder(n, this.norm);
    for (let i = 0; i < docs.length; i++) {
      for (const t of tokenize(docs[i], this.lowercase)) {
        const h = murmurhash3Signed(t);
        // |−2^31| overflows int32: scikit-learn defines its column as (2^31 − 1 − (n − 1)) mod n
        const j = h === -2147483648 ? (2147483647 - (n - 1)) % n : Math.abs(h) % n;
        out.add(j, this.alternateSign && h < 0 ? -1 : 1);
      }
      out.endRow();
    }
    return out.done();
  }
}
