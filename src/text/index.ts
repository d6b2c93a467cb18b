// `logreg-wasm/text`: documents to the CSR rows every fit and predict takes.
export { TfidfVectorizer, type TfidfVectorizerOptions, type TfidfVectorizerJSON } from './tfidf.js';
export { HashingVectorizer, type HashingVectorizerOptions } from './hashing.js';
export { tokenize } from './tokenize.js';
export type { CsrMatrix, RowNorm } from './rows.js';
