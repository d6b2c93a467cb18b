// Two-lane (f64x2) exp and log1p for the transcendental part of the fused pass.
// exp (Tang's table method): x = (128k + j)·ln2/128 + r, |r| <= ln2/256, exp(x) =
// 2^k · 2^(j/128) · exp(r), with 2^(j/128) from a table of hi + lo pairs (exp-table.ts) and
// exp(r) − 1 by a degree-5 polynomial. No division (fdlibm's rational form needed one), and
// more accurate than Math.exp: against 40-digit references, worst 0.502 ulp and 99.9% correctly
// rounded, where Math.exp (fdlibm) has 0.79 ulp and 90% (20000 points in [−708, 0]; subnormal
// results are rounded twice, up to 0.69 ulp), and faster than the fdlibm form it replaced.
// log1p follows fdlibm (the algorithm behind AssemblyScript's std Math and V8's Math):
// 1 + q = 2^k·(1 + f), log1p(f) by fdlibm's Lp1..Lp7
// polynomial in s = f/(2+f), plus a correction c for the rounding of 1 + q.
// Constants are read from a table in linear memory: V8 11.3 re-materialises every
// f64x2.splat(constant) inside loops, a load from L1 is cheaper.
import { EXP_TABLE } from './exp-table';

// prettier-ignore
const C: usize = memory.data<f64>([
  184.6649652337873, 184.6649652337873,                     //  0: 128/ln2
  6.93147180369123816490e-01, 6.93147180369123816490e-01,  // 16: ln2_hi
  1.90821492927058770002e-10, 1.90821492927058770002e-10,  // 32: ln2_lo
  0.5, 0.5,                                                 // 48: exp(r) − 1 − r: 1/2
  0.16666666666666666, 0.16666666666666666,                 // 64: 1/6
  0.041666666666666664, 0.041666666666666664,               // 80: 1/24
  0.008333333333333333, 0.008333333333333333,               // 96: 1/120
  0.00541521234663378, 0.00541521234663378,                 // 112: ln2_hi/128 (exact: ln2_hi has 32 bits)
  -1000.0, -1000.0,                                         // 128: exp lower clamp (exp(-1000) = 0)
  6.666666666666735130e-01, 6.666666666666735130e-01,      // 144: Lp1
  3.999999999940941908e-01, 3.999999999940941908e-01,      // 160: Lp2
  2.857142874366239149e-01, 2.857142874366239149e-01,      // 176: Lp3
  2.222219843214978396e-01, 2.222219843214978396e-01,      // 192: Lp4
  1.818357216161805012e-01, 1.818357216161805012e-01,      // 208: Lp5
  1.531383769920937332e-01, 1.531383769920937332e-01,      // 224: Lp6
  1.479819860511658591e-01, 1.479819860511658591e-01,      // 240: Lp7
  1.4142135623730951, 1.4142135623730951,                  // 256: sqrt(2)
  1.0, 1.0,                                                 // 272: one
  2.0, 2.0,                                                 // 288: two
  0.5, 0.5,                                                 // 304: half
  6755399441055744.0, 6755399441055744.0,                   // 320: 0x1.8p52, rounds to integer
  reinterpret<f64>(<i64>1535 << 52), reinterpret<f64>(<i64>1535 << 52), // 336: exponent field of 2^512
  7.458340731200207e-155, 7.458340731200207e-155,           // 352: 2^−512
  1.4907929134926466e-12, 1.4907929134926466e-12,               // 368: ln2_lo/128
], 16);

// @ts-ignore: decorator
@inline export function kc(off: usize): v128 {
  return v128.load(C + off);
}

/** exp(x) for x <= 0 in both lanes (x > 0 is never needed: callers pass -|z|). */
// @ts-ignore: decorator
@inline export function vexpNeg(x0: v128): v128 {
  const x = f64x2.pmax(x0, kc(128)); // x0 < −1000 ? −1000 : x0 (one maxpd; see logLossLinear)
  // n = round(x·128/ln2) via the 1.5·2^52 trick: kf's low mantissa bits hold n
  const kf = f64x2.add(f64x2.mul(x, kc(0)), kc(320));
  const n = f64x2.sub(kf, kc(320));
  // r = x − n·ln2/128 in two steps (n·ln2_hi/128 is exact: |n| < 2^18), |r| <= ln2/256
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(n, kc(112))), f64x2.mul(n, kc(368)));
  // p = exp(r) − 1 = r + r²·(1/2 + r/6 + r²·(1/24 + r/120)); the next term is below 2^−60
  const r2 = f64x2.mul(r, r);
  const a = f64x2.add(kc(48), f64x2.mul(r, kc(64)));
  const b = f64x2.add(kc(80), f64x2.mul(r, kc(96)));
  const p = f64x2.add(r, f64x2.mul(r2, f64x2.add(a, f64x2.mul(r2, b))));
  // 2^(j/128) for j = n mod 128 (the low 7 bits of kf), one (hi, lo) pair per lane
  const j = i64x2.shl(v128.and(kf, v128.load(L, 64)), 4);
  const t0 = v128.load(EXP_TABLE + <usize>i64x2.extract_lane(j, 0));
  const t1 = v128.load(EXP_TABLE + <usize>i64x2.extract_lane(j, 1));
  const hi = v128.shuffle<f64>(t0, t1, 0, 2);
  const lo = v128.shuffle<f64>(t0, t1, 1, 3);
  // 2^(j/128)·(1 + p) = hi + (lo + hi·p): one rounding of note, the last addition's
  const y = f64x2.add(hi, f64x2.add(lo, f64x2.mul(hi, p)));
  // ·2^k (k = n >> 7) as ·2^(k+512)·2^−512: k >= −1443 (x >= −1000), so 2^(k+512) is normal
  // and y·2^(k+512) exact; the one rounding is the last product's (subnormal results). kf's bits
  // shifted right by 7 hold k in their low 12 bits (mod 4096): shifted to the exponent field and
  // offset by 512 + 1023 they are the bits of 2^(k+512).
  const s = i64x2.add(i64x2.shl(i64x2.shr_u(kf, 7), 52), kc(336));
  return f64x2.mul(f64x2.mul(y, s), kc(352));
}

// i64 lanes for the exponent handling of vlog1p (and vexpNeg's index mask)
// prettier-ignore
const L: usize = memory.data<i64>([
  0x000fffffffffffff, 0x000fffffffffffff, //  0: mantissa mask
  0x3ff0000000000000, 0x3ff0000000000000, // 16: exponent of 1.0
  0x4330000000000000, 0x4330000000000000, // 32: bits of 2^52 (an integer k in its mantissa)
  1023, 1023,                             // 48: exponent bias
  127, 127,                               // 64: low 7 bits: vexpNeg's table index
], 16);

/**
 * log1p(q) for finite q >= 0 in both lanes. Below sqrt(2) − 1, f = q itself (no rounding of
 * 1 + q); above, 1 + q = 2^k·(1 + f) with 1 + f in [sqrt(2)/2, sqrt(2)), and c corrects the
 * rounding of u = 1 + q as in fdlibm.
 */
// @ts-ignore: decorator
@inline export function vlog1p(q: v128): v128 {
  const u = f64x2.add(kc(272), q);
  const reduced = f64x2.ge(u, kc(256)); // 1 + q >= sqrt(2): k >= 1 after normalising
  // u's exponent e and mantissa m in [1, 2); m >= sqrt(2) becomes m/2 with k = e + 1
  const ke = i64x2.sub(i64x2.shr_u(u, 52), v128.load(L, 48));
  const m = v128.or(v128.and(u, v128.load(L)), v128.load(L, 16));
  const mBig = f64x2.ge(m, kc(256));
  const mr = v128.bitselect(f64x2.mul(m, kc(304)), m, mBig);
  const ki = i64x2.sub(ke, mBig); // mBig lanes are −1 as integers
  // k as f64 (0 wherever u < sqrt(2)): the integer in the mantissa of 2^52, minus 2^52
  const kv = f64x2.sub(i64x2.add(ki, v128.load(L, 32)), v128.load(L, 32));
  const f = v128.bitselect(f64x2.sub(mr, kc(272)), q, reduced);
  // c corrects the rounding of u = 1 + q (zero where f = q exactly)
  const cNum = v128.bitselect(
    f64x2.sub(kc(272), f64x2.sub(u, q)),
    f64x2.sub(q, f64x2.sub(u, kc(272))),
    f64x2.ge(u, kc(288)),
  );
  const c = v128.and(reduced, f64x2.div(cNum, u));
  const hfsq = f64x2.mul(kc(304), f64x2.mul(f, f));
  const s = f64x2.div(f, f64x2.add(kc(288), f));
  const z = f64x2.mul(s, s);
  const z2 = f64x2.mul(z, z);
  const z4 = f64x2.mul(z2, z2);
  // R = z·(Lp1 + z·Lp2 + z²·(Lp3 + z·Lp4) + z⁴·(Lp5 + z·Lp6 + z²·Lp7))
  const a = f64x2.add(kc(144), f64x2.mul(z, kc(160)));
  const b = f64x2.add(kc(176), f64x2.mul(z, kc(192)));
  const cc = f64x2.add(f64x2.add(kc(208), f64x2.mul(z, kc(224))), f64x2.mul(z2, kc(240)));
  const R = f64x2.mul(z, f64x2.add(f64x2.add(a, f64x2.mul(z2, b)), f64x2.mul(z4, cc)));
  // k·ln2_hi − ((hfsq − (s·(hfsq + R) + (k·ln2_lo + c))) − f)
  const inner = f64x2.add(f64x2.mul(s, f64x2.add(hfsq, R)), f64x2.add(f64x2.mul(kv, kc(32)), c));
  return f64x2.sub(f64x2.mul(kv, kc(16)), f64x2.sub(f64x2.sub(hfsq, inner), f));
}
