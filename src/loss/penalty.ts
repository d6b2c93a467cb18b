// Penalties on the coefficients (never on the intercept). The objective adds
// α·P(w) with α = 1/(C·S), S = Σ sample weights (scikit-learn's objective divided by C·S).

export type PenaltyName = 'l2' | 'none';

export interface Penalty {
  /** Adds α·∇P(w) to g[0..d) and returns α·P(w). */
  addTo(w: Float64Array, d: number, alpha: number, g: Float64Array): number;
}

const l2: Penalty = {
  addTo(w, d, alpha, g) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      s += w[j] * w[j];
      g[j] += alpha * w[j];
    }
    return 0.5 * alpha * s;
  },
};

const none: Penalty = {
  addTo() {
    return 0;
  },
};

export function penaltyOf(name: PenaltyName): Penalty {
  return name === 'l2' ? l2 : none;
}
