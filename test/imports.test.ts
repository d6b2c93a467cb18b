// The shape of src/ (CONTRIBUTING.md's layout): no import cycle between files or folders, the
// optimisers depend on nothing but the error type, and only the engine touches WebAssembly.
// Type-only imports count too: a cycle of types is a cycle of concepts.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { root } from './helpers.js';

const src = join(root, 'src');
const files: string[] = [];
const walk = (d: string) => {
  for (const e of readdirSync(d)) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.ts')) files.push(p);
  }
};
walk(src);
const rel = (f: string) => relative(src, f);
const folder = (f: string) => (rel(f).includes('/') ? rel(f).split('/')[0] : '(entry)');
const imports = new Map<string, string[]>(
  files.map((f) => {
    const text = readFileSync(f, 'utf8');
    const deps = [...text.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s+'(\.[^']+)'/gm)].map((m) => resolve(dirname(f), m[1].replace(/\.js$/, '.ts')));
    return [f, deps];
  }),
);

function cycle(graph: Map<string, Iterable<string>>): string[] | null {
  const state = new Map<string, 1 | 2>();
  const path: string[] = [];
  const visit = (n: string): string[] | null => {
    state.set(n, 1);
    path.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 1) return [...path.slice(path.indexOf(m)), m];
      if (!state.has(m)) {
        const c = visit(m);
        if (c) return c;
      }
    }
    path.pop();
    state.set(n, 2);
    return null;
  };
  for (const n of graph.keys()) if (!state.has(n)) {
    const c = visit(n);
    if (c) return c;
  }
  return null;
}

describe('src/ layout', () => {
  it('every relative import names a file that exists', () => {
    for (const [f, deps] of imports) for (const d of deps) expect(files, `${rel(f)} imports ${rel(d)}`).toContain(d);
  });

  it('no import cycle between files', () => {
    expect(cycle(imports)?.map(rel) ?? null).toBeNull();
  });

  it('no import cycle between folders', () => {
    const folders = new Map<string, Set<string>>();
    for (const [f, deps] of imports)
      for (const d of deps) if (folder(f) !== folder(d)) (folders.get(folder(f)) ?? folders.set(folder(f), new Set()).get(folder(f))!).add(folder(d));
    expect(cycle(folders)).toBeNull();
  });

  it('optim/ imports nothing but the error type; only engine/ imports wasm/', () => {
    for (const [f, deps] of imports)
      for (const d of deps) {
        if (folder(f) === 'optim') expect(folder(d) === 'optim' || rel(d) === 'core/errors.ts', `${rel(f)} imports ${rel(d)}`).toBe(true);
        if (folder(d) === 'wasm' && folder(f) !== 'wasm') expect(folder(f), `${rel(f)} imports ${rel(d)}`).toBe('engine');
      }
  });
});
