// The data part of the full Hessian for newton-cholesky: H = Σ D_i [x_i; 1][x_i; 1]ᵀ, formed in
// one pass over X by rank-4 updates (four rows share each sweep of an output row).
import { rowBytesOf, xAt } from './elem';
import { pair, addRows4, addRow } from './rows';

/**
 * out ((d + 1) × (d + 1), row-major) = Σ over rows 0 .. n − 1 of D_i·[x_i; 1][x_i; 1]ᵀ, upper
 * triangle and diagonal; the host mirrors it (entries below the diagonal are left partial).
 */
export function gram(X: usize, d: i32, n: i32, D: usize, out: usize): void {
  gramT<f64>(X, d, n, D, out);
}

export function gramF32(X: usize, d: i32, n: i32, D: usize, out: usize): void {
  gramT<f32>(X, d, n, D, out);
}

// @ts-ignore: decorator
@inline function gramT<T>(X: usize, d: i32, n: i32, D: usize, out: usize): void {
  const rowBytes = rowBytesOf<T>(d);
  const ld = <usize>(d + 1);
  memory.fill(out, 0, ld * ld << 3);
  const corner = out + ((<usize>d * ld + <usize>d) << 3);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const x0 = X + <usize>i * rowBytes;
    const x1 = x0 + rowBytes;
    const x2 = x1 + rowBytes;
    const x3 = x2 + rowBytes;
    const o = <usize>i << 3;
    const d0 = load<f64>(D + o), d1 = load<f64>(D + o, 8), d2 = load<f64>(D + o, 16), d3 = load<f64>(D + o, 24);
    for (let j = 0; j < d; j++) {
      const c0 = d0 * xAt<T>(x0, j), c1 = d1 * xAt<T>(x1, j), c2 = d2 * xAt<T>(x2, j), c3 = d3 * xAt<T>(x3, j);
      // row j from column k0 = j rounded down to even (pairs stay aligned with x); one entry below the diagonal is harmless
      const k0 = j & ~1;
      const e = <usize>k0 * sizeof<T>();
      const row = out + ((<usize>j * ld) << 3);
      addRows4<T>(row + (<usize>k0 << 3), d - k0, x0 + e, x1 + e, x2 + e, x3 + e, pair(c0, c1), pair(c2, c3));
      store<f64>(row + (<usize>d << 3), load<f64>(row + (<usize>d << 3)) + ((c0 + c1) + (c2 + c3)));
    }
    store<f64>(corner, load<f64>(corner) + ((d0 + d1) + (d2 + d3)));
  }
  for (; i < n; i++) {
    const x = X + <usize>i * rowBytes;
    const di = load<f64>(D + (<usize>i << 3));
    for (let j = 0; j < d; j++) {
      const c = di * xAt<T>(x, j);
      const k0 = j & ~1;
      const row = out + ((<usize>j * ld) << 3);
      addRow<T>(row + (<usize>k0 << 3), d - k0, x + <usize>k0 * sizeof<T>(), c);
      store<f64>(row + (<usize>d << 3), load<f64>(row + (<usize>d << 3)) + c);
    }
    store<f64>(corner, load<f64>(corner) + di);
  }
}
