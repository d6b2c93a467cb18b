// Weights of the crossFits configurations fitted from the source in this process.
import { LogisticRegression } from '../src/index.js';
import { crossFits, hexBits, makeProblem } from './problem.js';

export const crossProblem = makeProblem(300, 7, 99);

export function expectedCrossFits() {
  const { X, y } = crossProblem;
  return crossFits.map((o) => {
    const m = new LogisticRegression(o).fit(X, y);
    return { backend: m.backend, coef: hexBits(m.coef), intercepts: hexBits(m.intercepts) };
  });
}
