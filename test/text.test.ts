// The text helpers against scikit-learn's vectorisers (test/fixtures/generate_text.py), and fits
// on their CSR output against scikit-learn's LogisticRegression on the same matrix.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HashingVectorizer, TfidfVectorizer, tokenize, type TfidfVectorizerOptions } from '../src/text/index.js';
import { murmurhash3Signed } from '../src/text/murmur.js';
import { LogisticRegression, LogRegError } from '../src/index.js';
import { relErr, root } from './helpers.js';

interface Csr {
  indptr: number[];
  indices: number[];
  data: number[];
  shape: [number, number];
}
const F = JSON.parse(readFileSync(join(root, 'test/fixtures/text.json'), 'utf8')) as {
  corpus: string[];
  tfidf: { options: TfidfVectorizerOptions; vocabulary: string[]; idf: number[] | null; X: Csr }[];
  hashing: { options: { nFeatures: number; alternateSign: boolean }; X: Csr }[];
  topics: {
    docs: string[];
    labels: number[];
    vocabulary: string[];
    X: Csr;
    maxFeatures: { count: number; vocabulary: string[] };
    fits: { solver: string; C: number; coef: number[]; intercept: number; objective: number }[];
    multinomial: { docs: string[]; labels: number[]; C: number; coef: number[]; intercept: number[]; objective: number };
  };
};

function expectSameCsr(a: { indptr: Int32Array; indices: Int32Array; data: Float64Array; shape: number[] }, b: Csr, tol = 1e-12) {
  expect(a.shape).toEqual(b.shape);
  expect(Array.from(a.indptr)).toEqual(b.indptr);
  expect(Array.from(a.indices)).toEqual(b.indices);
  for (let k = 0; k < b.data.length; k++) expect(Math.abs(a.data[k] - b.data[k])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b.data[k])));
}

describe('TfidfVectorizer = scikit-learn TfidfVectorizer', () => {
  for (const c of F.tfidf)
    it(`options ${JSON.stringify(c.options)}: vocabulary, idf and matrix`, () => {
      const v = new TfidfVectorizer(c.options);
      const X = v.fitTransform(F.corpus);
      expect(v.vocabulary).toEqual(c.vocabulary);
      if (c.idf) expect(relErr(v.idf!, c.idf)).toBeLessThan(1e-14);
      else expect(v.idf).toBeNull();
      expectSameCsr(X, c.X);
    });

  it('the topics corpus, maxFeatures, and a JSON round trip', () => {
    const v = new TfidfVectorizer();
    expectSameCsr(v.fitTransform(F.topics.docs), F.topics.X);
    expect(v.vocabulary).toEqual(F.topics.vocabulary);
    const m = new TfidfVectorizer({ maxFeatures: F.topics.maxFeatures.count }).fit(F.topics.docs);
    expect(m.vocabulary).toEqual(F.topics.maxFeatures.vocabulary);
    const back = TfidfVectorizer.fromJSON(JSON.parse(JSON.stringify(v)));
    expectSameCsr(back.transform(F.topics.docs), F.topics.X);
  });

  it('unknown terms are left out at transform; bad input and options are named', () => {
    const v = new TfidfVectorizer().fit(['alpha beta', 'beta gamma']);
    const X = v.transform(['delta alpha epsilon']);
    expect(Array.from(X.indices)).toEqual([0]);
    expect(X.data[0]).toBeCloseTo(1, 15);
    expect(() => v.transform(['ok', 3 as unknown as string])).toThrow(/document 1 is 3, not a string/);
    expect(() => new TfidfVectorizer({ minDf: 1.5 })).not.toThrow();
    expect(() => new TfidfVectorizer({ minDf: 1.5 }).fit(['aa bb'])).toThrow(/minDf must be a fraction in \[0, 1\) or a document count/);
    expect(() => new TfidfVectorizer({ maxFeatures: 0 })).toThrow(/maxFeatures must be a positive integer/);
    expect(() => new TfidfVectorizer({ nope: 1 } as TfidfVectorizerOptions)).toThrow(LogRegError);
    expect(() => new TfidfVectorizer().fit(['a b c', '!'])).toThrow(/vocabulary is empty/);
    expect(() => new TfidfVectorizer({ minDf: 2 }).fit(['aa bb', 'cc dd'])).toThrow(/no term is left/);
    expect(() => new TfidfVectorizer().transform(['x'])).toThrow(/not fitted/);
    expect(() => TfidfVectorizer.fromJSON({ format: 'logreg-wasm/tfidf-vectorizer', vocabulary: ['a'], idf: [NaN], options: {} })).toThrow(/not a TfidfVectorizer JSON/);
  });
});

describe('HashingVectorizer = scikit-learn HashingVectorizer', () => {
  for (const c of F.hashing)
    it(`alternateSign ${c.options.alternateSign}: the same matrix`, () => {
      const X = new HashingVectorizer(c.options).transform(F.corpus);
      // scikit-learn keeps entries whose signed counts cancel to 0; compare the non-zeros
      const nz = (m: { indptr: ArrayLike<number>; indices: ArrayLike<number>; data: ArrayLike<number> }) =>
        Array.from({ length: m.indptr.length - 1 }, (_, i) =>
          Array.from({ length: m.indptr[i + 1] - m.indptr[i] }, (_, t) => m.indptr[i] + t)
            .filter((k) => m.data[k] !== 0)
            .map((k) => [m.indices[k], Math.round(m.data[k] * 1e12) / 1e12]),
        );
      expect(nz(X)).toEqual(nz(c.X));
    });

  it('MurmurHash3 x86 32 test vectors; tokens as scikit-learn splits them', () => {
    expect(murmurhash3Signed('')).toBe(0);
    expect(murmurhash3Signed('hello')).toBe(0x248bfa47 | 0);
    expect(murmurhash3Signed('Hello, world!')).toBe(0xc0363e43 | 0);
    expect(tokenize("Don't stop: x1 y_2 a b ÉCOLE")).toEqual(['don', 'stop', 'x1', 'y_2', 'école']);
    expect(() => new HashingVectorizer({ nFeatures: 0 })).toThrow(/nFeatures must be an integer/);
  });
});

describe('fits on TF-IDF CSR = scikit-learn on the same matrix', () => {
  const X = new TfidfVectorizer().fitTransform(F.topics.docs);
  const best = Math.min(...F.topics.fits.map((f) => f.objective));
  const ref = F.topics.fits.find((f) => f.objective === best)!;
  for (const solver of ['lbfgs', 'newton', 'auto'] as const)
    for (const backend of ['wasm', 'js'] as const)
      it(`${backend} ${solver}: J within 1e-9 of scikit-learn's best, coefficients to 1e-5`, () => {
        const m = new LogisticRegression({ solver, backend, C: ref.C, tol: 1e-10, maxIter: 10000 }).fit(X, F.topics.labels);
        const J = m.lossHistory.at(-1)!;
        expect((J - best) / best).toBeLessThan(1e-9);
        expect(relErr(m.coef, ref.coef)).toBeLessThan(1e-5);
        expect(Math.abs((m.intercept as number) - ref.intercept)).toBeLessThan(1e-5);
      });

  it('multinomial on three topics', () => {
    const M = F.topics.multinomial;
    const X3 = new TfidfVectorizer().fitTransform(M.docs);
    const m = new LogisticRegression({ C: M.C, tol: 1e-10, multiClass: 'multinomial' }).fit(X3, M.labels);
    expect((m.lossHistory.at(-1)! - M.objective) / M.objective).toBeLessThan(1e-9);
    expect(relErr(m.coef, M.coef)).toBeLessThan(1e-5);
  });
});
