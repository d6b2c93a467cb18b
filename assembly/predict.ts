// Decision function and probabilities for n rows.
import { dotf64 } from './dot';
import { vsigmoid } from './pointwise';

/** out[i] = x_i·w + b for rows 0 .. n − 1. */
export function decision(X: usize, d: i32, n: i32, w: usize, b: f64, out: usize): void {
  const rowBytes = <usize>d << 3;
  for (let i = 0; i < n; i++) {
    store<f64>(out + (<usize>i << 3), dotf64(X + <usize>i * rowBytes, w, d) + b);
  }
}

/** v[i] = σ(v[i]) in place, for n values. */
export function sigmoidInPlace(v: usize, n: i32): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const o = <usize>i << 3;
    v128.store(v + o, vsigmoid(v128.load(v + o)));
  }
  if (i < n) {
    const o = <usize>i << 3;
    const r = vsigmoid(f64x2.splat(load<f64>(v + o)));
    store<f64>(v + o, f64x2.extract_lane(r, 0));
  }
}
