// Element-wise entry points for the accuracy tests of the vector exp and log1p.
import { vexpNeg, vlog1p } from './vmath';

/** out[i] = exp(x[i]) for x[i] <= 0. */
export function vexpTest(x: usize, n: i32, out: usize): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, f64x2.extract_lane(vexpNeg(f64x2.splat(load<f64>(x + o))), 0));
  }
}

/** out[i] = log1p(x[i]) for finite x[i] >= 0. */
export function vlog1pTest(x: usize, n: i32, out: usize): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, f64x2.extract_lane(vlog1p(f64x2.splat(load<f64>(x + o))), 0));
  }
}
