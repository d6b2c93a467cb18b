// The memory floor of a pass over CSR rows (testing build only): per row, gather x·w and
// scatter that value times x into g (g zeroed first), as the fused pass must at least do.
import { gatherRange, scatterRange } from './csr';

export function csrGatherScatter(P: usize, J: usize, V: usize, d: i32, n: i32, w: usize, g: usize): f64 {
  memory.fill(g, 0, <usize>d << 3);
  let acc = 0.0;
  for (let i = 0; i < n; i++) {
    const k0 = load<i32>(P + (<usize>i << 2));
    const k1 = load<i32>(P + (<usize>i << 2), 4);
    const s = gatherRange<f64>(J, V, k0, k1, w);
    acc += s;
    scatterRange<f64>(J, V, k0, k1, s * 1e-9, g);
  }
  return acc;
}
