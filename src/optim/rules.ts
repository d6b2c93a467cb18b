// Per-step update rules of the first-order stochastic methods, shared by the in-memory epoch
// loop (epochs.ts) and online training (partialFit / fitStream). `grad(p, g)` writes an
// estimate of ∇J at p into g.

export type GradAt = (p: Float64Array, g: Float64Array) => void;

export interface UpdateRule {
  step(x: Float64Array, grad: GradAt, eta: number): void;
  /** An independent copy with the same memory (velocity, moments): online training steps a copy and commits it. */
  clone(): UpdateRule;
}

/** v ← βv − η∇J(x); x ← x + v (β = 0: plain SGD). */
export function momentumRule(n: number, beta: number, v = new Float64Array(n)): UpdateRule {
  const g = new Float64Array(n);
  return {
    clone: () => momentumRule(n, beta, v.slice()),
    step(x, grad, eta) {
      grad(x, g);
      for (let i = 0; i < n; i++) {
        v[i] = beta * v[i] - eta * g[i];
        x[i] += v[i];
      }
    },
  };
}

/** v ← βv − η∇J(x + βv); x ← x + v. */
export function nesterovRule(n: number, beta: number, v = new Float64Array(n)): UpdateRule {
  const g = new Float64Array(n);
  const look = new Float64Array(n);
  return {
    clone: () => nesterovRule(n, beta, v.slice()),
    step(x, grad, eta) {
      for (let i = 0; i < n; i++) look[i] = x[i] + beta * v[i];
      grad(look, g);
      for (let i = 0; i < n; i++) {
        v[i] = beta * v[i] - eta * g[i];
        x[i] += v[i];
      }
    },
  };
}

/** Adam with bias correction; β^t kept as running products (no Math.pow: engine-independent). */
export function adamRule(n: number, beta1: number, beta2: number, epsilon: number, m = new Float64Array(n), v = new Float64Array(n), b1 = 1, b2 = 1): UpdateRule {
  const g = new Float64Array(n);
  let b1t = b1;
  let b2t = b2;
  return {
    clone: () => adamRule(n, beta1, beta2, epsilon, m.slice(), v.slice(), b1t, b2t),
    step(x, grad, eta) {
      grad(x, g);
      b1t *= beta1;
      b2t *= beta2;
      for (let i = 0; i < n; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        x[i] -= (eta * (m[i] / (1 - b1t))) / (Math.sqrt(v[i] / (1 - b2t)) + epsilon);
      }
    },
  };
}

/** η at epoch e (from 1): constant, or η₀ / e^powerT (sqrt for the default 0.5, exact everywhere). */
export function scheduledRate(eta0: number, schedule: 'constant' | 'invscaling', powerT: number, epoch: number): number {
  if (schedule !== 'invscaling') return eta0;
  return eta0 / (powerT === 0.5 ? Math.sqrt(epoch) : powerT === 1 ? epoch : Math.pow(epoch, powerT));
}
