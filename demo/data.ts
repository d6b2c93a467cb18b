// Two-dimensional demo data sets in [-1, 1]², seeded so every visit looks the same.

export interface Points {
  xy: [number, number][];
  label: number[];
}

function rng(seed: number) {
  let a = seed >>> 0;
  const u = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  return { u, normal };
}

function blobs(centres: [number, number][], spread: number, perClass: number, seed: number): Points {
  const r = rng(seed);
  const out: Points = { xy: [], label: [] };
  centres.forEach(([cx, cy], c) => {
    for (let i = 0; i < perClass; i++) {
      out.xy.push([cx + spread * r.normal(), cy + spread * r.normal()]);
      out.label.push(c);
    }
  });
  return out;
}

export function makeData(kind: string): Points {
  switch (kind) {
    case 'blobs':
      return blobs([[-0.45, -0.3], [0.45, 0.35]], 0.2, 100, 1);
    case 'overlap':
      return blobs([[-0.25, -0.15], [0.25, 0.2]], 0.3, 120, 2);
    case 'three':
      return blobs([[-0.5, -0.4], [0.5, -0.35], [0, 0.5]], 0.2, 80, 3);
    case 'moons': {
      const r = rng(4);
      const out: Points = { xy: [], label: [] };
      for (let i = 0; i < 200; i++) {
        const c = i % 2;
        const t = Math.PI * r.u();
        const x = c === 0 ? Math.cos(t) : 1 - Math.cos(t);
        const y = c === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
        out.xy.push([(x - 0.5) * 0.8 + 0.06 * r.normal(), (y - 0.25) * 0.8 + 0.06 * r.normal()]);
        out.label.push(c);
      }
      return out;
    }
    case 'circles': {
      const r = rng(5);
      const out: Points = { xy: [], label: [] };
      for (let i = 0; i < 240; i++) {
        const c = i % 2;
        const t = 2 * Math.PI * r.u();
        const rad = (c === 0 ? 0.3 : 0.7) + 0.08 * r.normal();
        out.xy.push([rad * Math.cos(t), rad * Math.sin(t)]);
        out.label.push(c);
      }
      return out;
    }
    default:
      return { xy: [], label: [] };
  }
}

/** Features for the model: (x, y), or (x, y, x², y², xy). */
export function features(p: [number, number], quadratic: boolean): number[] {
  const [x, y] = p;
  return quadratic ? [x, y, x * x, y * y, x * y] : [x, y];
}
