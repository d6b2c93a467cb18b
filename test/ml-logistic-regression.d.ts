// Types for the comparison library in test/ml.test.ts (it ships none).
declare module 'ml-logistic-regression' {
  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    train(X: unknown, Y: unknown): void;
    predict(X: unknown): number[];
    toJSON(): unknown;
  }
}
