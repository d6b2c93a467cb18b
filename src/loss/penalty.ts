// Penalties on the coefficients (never on the intercept), in the objective's scale:
// α·P(w) with α = 1/(C·S), S = Σ sample weights (scikit-learn's objective divided by C·S).
//   l2:         α·½‖w‖²
//   l1:         α·‖w‖₁
//   elasticnet: α·(ρ‖w‖₁ + (1 − ρ)·½‖w‖²),   ρ = l1Ratio
// The ½‖w‖² part is smooth and goes into valueAndGradient; the ‖w‖₁ part is left to the
// solvers that handle it (proximal / orthant-wise).

import { LogRegError } from '../core/errors.js';

export type PenaltyName = 'l2' | 'l1' | 'elasticnet' | 'none';

export interface PenaltyStrengths {
  /** coefficient of ½‖w‖² */
  l2: number;
  /** coefficient of ‖w‖₁ */
  l1: number;
}

export function penaltyStrengths(name: PenaltyName, C: number, sumWeights: number, l1Ratio: number): PenaltyStrengths {
  const alpha = 1 / (C * sumWeights);
  if (name !== 'none' && !(alpha < Infinity))
    throw new LogRegError(
      'INVALID_OPTION',
      `the penalty strength 1/(C·S) = 1/(${C} · ${sumWeights}) is not a finite number (S: the sum of the sample weights); raise C or the weights`,
      { option: 'C', value: C },
    );
  switch (name) {
    case 'l2':
      return { l2: alpha, l1: 0 };
    case 'l1':
      return { l2: 0, l1: alpha };
    case 'elasticnet':
      return { l2: alpha * (1 - l1Ratio), l1: alpha * l1Ratio };
    case 'none':
      return { l2: 0, l1: 0 };
  }
}

/** Adds l2·w to g[0..count) and returns ½·l2·‖w‖² over those coordinates. */
export function addL2(w: Float64Array, count: number, l2: number, g: Float64Array): number {
  if (l2 === 0) return 0;
  let s = 0;
  for (let j = 0; j < count; j++) {
    s += w[j] * w[j];
    g[j] += l2 * w[j];
  }
  return 0.5 * l2 * s;
}
