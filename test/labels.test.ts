// Label encoding: the one-pass path for integer labels gives what the general path gives.
import { describe, expect, it } from 'vitest';
import { codesFor, encodeClasses, sortedClasses, type Label } from '../src/data/labels.js';
import { prng } from './helpers.js';

/** The general path's answer: sorted distinct labels, then each row's index among them. */
function reference(labels: Label[]) {
  const classes = sortedClasses(labels);
  return { classes, codes: Array.from(codesFor(labels, classes)) };
}

describe('encodeClasses on integer labels', () => {
  it('equals sorting the distinct labels and indexing them, for typed and plain arrays, 2 to 70 classes', () => {
    const r = prng(3);
    for (const k of [2, 3, 10, 63, 64, 65, 70]) {
      const values = Array.from({ length: k }, (_, c) => (c - 5) * 7 + (c % 2 ? -0 : 0));
      const labels = Array.from({ length: 500 }, (_, i) => values[i < k ? i : Math.floor(r() * k)]);
      const want = reference(labels);
      for (const y of [labels, Float64Array.from(labels), Int32Array.from(labels)]) {
        const got = encodeClasses(y, labels.length);
        expect(got.classes).toEqual(want.classes);
        expect(Array.from(got.codes)).toEqual(want.codes);
      }
    }
  });

  it('runs of equal labels and -0 next to 0 are one class', () => {
    const got = encodeClasses([1, 1, 1, 0, -0, 0, 1], 7);
    expect(got.classes).toEqual([0, 1]);
    expect(Array.from(got.codes)).toEqual([1, 1, 1, 0, 0, 0, 1]);
  });

  it('leaves refusals to the general path: continuous, non-finite, one class, mixed types', () => {
    expect(() => encodeClasses([0, 1, 0.5], 3)).toThrow(/continuous/);
    expect(() => encodeClasses(Float64Array.of(0, 1, NaN), 3)).toThrow(/NaN at row 2/);
    expect(() => encodeClasses([2, 2, 2], 3)).toThrow(/at least two classes/);
    expect(() => encodeClasses([0, 1, '1'], 3)).toThrow(/mixes label types/);
  });
});
