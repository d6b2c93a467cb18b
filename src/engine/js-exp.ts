// exp(x) for x <= 0 in plain JS: the wasm kernels' algorithm (assembly/vmath.ts: Tang's table
// method, 2^(j/128) as hi + lo pairs and a degree-5 polynomial) in the same operations and
// order, so it returns the same bits as the kernels' vexpNeg. Against Math.exp: 0.51 ulp at
// worst instead of 0.78 (test/vmath.test.ts), the same in every engine, and faster in V8, where
// Math.exp is a call into C++: the js epoch took 0.94–0.97 of its time with it (node 20).
import { EXP_TABLE } from './exp-table.js';

/** 2^(i − 931) for i = 0 .. 1443: 2^(k+512) for k = i − 1443 (halving from 2^512: exact). */
const SCALE = new Float64Array(1444);
SCALE[1443] = 1;
for (let i = 0; i < 512; i++) SCALE[1443] *= 2;
for (let i = 1443; i > 0; i--) SCALE[i - 1] = SCALE[i] * 0.5;

const TWO_M512 = SCALE[419]; // 2^−512
const ROUND = 6755399441055744.0; // 1.5·2^52: adding it rounds to an integer
const K = 184.6649652337873; // 128/ln2
const LN2_HI = 0.00541521234663378; // ln2_hi/128 (exact: ln2_hi has 32 bits)
const LN2_LO = 1.4907929134926466e-12; // ln2_lo/128

/** exp(x) for x <= 0 (x > 0 is never needed: callers pass −|z| or z − max). */
export function expNeg(x0: number): number {
  const x = x0 < -1000 ? -1000 : x0; // exp(−1000) = 0
  const n = x * K + ROUND - ROUND; // round(x·128/ln2), |n| < 2^18
  const r = x - n * LN2_HI - n * LN2_LO; // |r| <= ln2/256
  const r2 = r * r;
  const p = r + r2 * (0.5 + r * 0.16666666666666666 + r2 * (0.041666666666666664 + r * 0.008333333333333333));
  const ni = n | 0;
  const j = (ni & 127) << 1; // n = 128k + j
  const hi = EXP_TABLE[j];
  const y = hi + (EXP_TABLE[j + 1] + hi * p);
  return y * SCALE[(ni >> 7) + 1443] * TWO_M512; // ·2^(k+512)·2^−512: one rounding (subnormals)
}
