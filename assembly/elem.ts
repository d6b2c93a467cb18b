// X is stored as f64, or as f32 widened exactly to f64 on load, so both storages run the same
// f64 arithmetic in the same order (f32 storage halves the bytes read, not the precision of
// the computation on the stored values). T is f64 or f32; w, g and every sum stay f64.

/** Elements j, j+1 of x as an f64x2. */
// @ts-ignore: decorator
@inline export function xPair<T>(x: usize, j: i32): v128 {
  if (sizeof<T>() == 8) return v128.load(x + (<usize>j << 3));
  return f64x2.promote_low_f32x4(v128.load64_zero(x + (<usize>j << 2)));
}

/** The pair of elements at byte offset o of x (a constant o becomes the load's immediate offset). */
// @ts-ignore: decorator
@inline export function xPairAt<T>(x: usize, o: usize): v128 {
  if (sizeof<T>() == 8) return v128.load(x + o);
  return f64x2.promote_low_f32x4(v128.load64_zero(x + o));
}

/** Element j of x as f64. */
// @ts-ignore: decorator
@inline export function xAt<T>(x: usize, j: i32): f64 {
  if (sizeof<T>() == 8) return load<f64>(x + (<usize>j << 3));
  return <f64>load<f32>(x + (<usize>j << 2));
}

/** Bytes of one row of d elements. */
// @ts-ignore: decorator
@inline export function rowBytesOf<T>(d: i32): usize {
  return <usize>d * sizeof<T>();
}
