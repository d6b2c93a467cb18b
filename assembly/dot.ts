// Dot product of two f64 vectors of length d: two f64x2 accumulators (lanes j mod 4),
// combined as (s0 + s2) + (s1 + s3), then the scalar tail. The js backend uses the same order.

// @ts-ignore: decorator
@inline export function dotf64(a: usize, b: usize, d: i32): f64 {
  let acc0 = f64x2.splat(0);
  let acc1 = f64x2.splat(0);
  let j = 0;
  for (; j + 4 <= d; j += 4) {
    const o = <usize>j << 3;
    acc0 = f64x2.add(acc0, f64x2.mul(v128.load(a + o), v128.load(b + o)));
    acc1 = f64x2.add(acc1, f64x2.mul(v128.load(a + o, 16), v128.load(b + o, 16)));
  }
  acc0 = f64x2.add(acc0, acc1);
  let s = f64x2.extract_lane(acc0, 0) + f64x2.extract_lane(acc0, 1);
  for (; j < d; j++) {
    const o = <usize>j << 3;
    s += load<f64>(a + o) * load<f64>(b + o);
  }
  return s;
}

export function dot(a: usize, b: usize, d: i32): f64 {
  return dotf64(a, b, d);
}

/** Σ of n f64 values with four independent accumulators: the time to read X once (bench floor). */
export function sumAll(a: usize, n: i32): f64 {
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 3;
    s0 = f64x2.add(s0, v128.load(a + o));
    s1 = f64x2.add(s1, v128.load(a + o, 16));
  }
  s0 = f64x2.add(s0, s1);
  let s = f64x2.extract_lane(s0, 0) + f64x2.extract_lane(s0, 1);
  for (; i < n; i++) s += load<f64>(a + (<usize>i << 3));
  return s;
}
