// A seeded train / held-out split of row numbers.
import { Rng } from '../optim/rng.js';

export function splitRows(n: number, testSize: number, seed: number): [number[], number[]] {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  new Rng(seed).shuffle(order);
  const nTest = Math.round(n * testSize);
  const test = Array.from(order.subarray(0, nTest)).sort((a, b) => a - b);
  const train = Array.from(order.subarray(nTest)).sort((a, b) => a - b);
  return [train, test];
}
