// Small dense-vector helpers for the optimisers (d-sized work only).

export function normInf(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (a > m || a !== a) m = a;
  }
  return m;
}

export function dotVec(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** out = x + t·dir */
export function axpyInto(out: Float64Array, x: Float64Array, t: number, dir: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = x[i] + t * dir[i];
}

export function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (v[i] - v[i] !== 0) return false;
  return true;
}

/** ‖a − b‖₂ */
export function distance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    s += d * d;
  }
  return Math.sqrt(s);
}
