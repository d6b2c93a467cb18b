// Inference against statsmodels (test/fixtures/generate_inference.py): Logit unweighted, GLM
// Binomial with frequency weights, to 1e-6 relative.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inference, LogisticRegression, setWarningHandler, type Inference } from '../src/index.js';
import { root } from './helpers.js';

const fx = JSON.parse(readFileSync(join(root, 'test/fixtures/inference.json'), 'utf8'));
afterEach(() => setWarningHandler(undefined));

function expectClose(got: number, want: number, what: string) {
  expect(Math.abs(got - want), `${what}: ${got} against ${want}`).toBeLessThanOrEqual(1e-6 * Math.max(Math.abs(want), 1e-300));
}

function compare(r: Inference, want: Record<string, unknown> & { params: number[]; bse: number[]; z: number[]; p: number[]; ci95: number[][] }) {
  r.rows.forEach((row, j) => {
    expectClose(row.estimate, want.params[j], `estimate ${row.name}`);
    expectClose(row.se, want.bse[j], `se ${row.name}`);
    expectClose(row.z, want.z[j], `z ${row.name}`);
    expectClose(row.p, want.p[j], `p ${row.name}`);
    expectClose(row.lower, want.ci95[j][0], `lower ${row.name}`);
    expectClose(row.upper, want.ci95[j][1], `upper ${row.name}`);
  });
  expectClose(r.logLikelihood, want.llf as number, 'llf');
  expectClose(r.nullLogLikelihood, want.llnull as number, 'llnull');
  expectClose(r.aic, want.aic as number, 'aic');
  expectClose(r.bic, want.bic as number, 'bic');
}

describe('inference equals statsmodels', () => {
  const opts = { penalty: 'none', solver: 'newton', tol: 1e-12, maxIter: 200 } as const;

  it('Logit: estimates, standard errors, z, p-values, 95% intervals, log-likelihoods, pseudo-R², AIC, BIC', () => {
    const m = new LogisticRegression(opts).fit(fx.X, fx.y);
    const r = inference(m, fx.X, fx.y);
    compare(r, fx.logit);
    expectClose(r.pseudoR2, fx.logit.prsquared, 'pseudo-R²');
    const r90 = inference(m, fx.X, fx.y, { alpha: 0.1 });
    r90.rows.forEach((row, j) => expectClose(row.lower, fx.logit.ci90[j][0], `90% lower ${row.name}`));
    expect(r.toString()).toMatch(/\(intercept\)\s+0\.3380\s+0\.1088/);
  });

  it('MNLogit: each class against the first, estimates to intervals, log-likelihoods, pseudo-R², AIC, BIC (both backends)', () => {
    const mn = fx.multinomial;
    for (const backend of ['wasm', 'js'] as const) {
      const m = new LogisticRegression({ ...opts, backend, featureNames: ['a', 'b', 'c'] }).fit(mn.X, mn.y);
      expect(m.kind).toBe('multinomial');
      const r = inference(m, mn.X, mn.y);
      expect(r.rows.map((x) => x.name).slice(0, 5)).toEqual(['1: (intercept)', '1: a', '1: b', '1: c', '2: (intercept)']);
      const flat = (v: number[][]) => v.flat();
      r.rows.forEach((row, j) => {
        expectClose(row.estimate, flat(mn.params)[j], `estimate ${row.name}`);
        expectClose(row.se, flat(mn.bse)[j], `se ${row.name}`);
        expectClose(row.z, flat(mn.z)[j], `z ${row.name}`);
        expectClose(row.p, flat(mn.p)[j], `p ${row.name}`);
        expectClose(row.lower, flat(mn.lower)[j], `lower ${row.name}`);
        expectClose(row.upper, flat(mn.upper)[j], `upper ${row.name}`);
      });
      expectClose(r.logLikelihood, mn.llf, 'llf');
      expectClose(r.nullLogLikelihood, mn.llnull, 'llnull');
      expectClose(r.pseudoR2, mn.prsquared, 'pseudo-R²');
      expectClose(r.aic, mn.aic, 'aic');
      expectClose(r.bic, mn.bic, 'bic');
      expect(r.toString()).toMatch(/^MNLogit: 600 observations/);
    }
  });

  it('GLM with frequency weights: sample weights count as repeated rows', () => {
    const m = new LogisticRegression(opts).fit(fx.X, fx.y, { sampleWeight: fx.w });
    compare(inference(m, fx.X, fx.y, { sampleWeight: fx.w }), fx.weighted);
  });

  it('a penalised model warns what its numbers mean; one-vs-rest models and singular Hessians are typed errors', () => {
    const seen: string[] = [];
    setWarningHandler((w) => seen.push(w.code));
    const penalised = new LogisticRegression({ C: 0.1 }).fit(fx.X, fx.y);
    expect(inference(penalised, fx.X, fx.y).penalized).toBe(true);
    expect(seen).toEqual(['INFERENCE']);
    const y3 = fx.y.map((v: number, i: number) => (i % 3 === 0 ? 2 : v));
    expect(() => inference(new LogisticRegression({ multiClass: 'ovr' }).fit(fx.X, y3), fx.X, y3)).toThrow(/one-vs-rest/);
    const twice = fx.X.map((r: number[]) => [...r, 2 * r[0]]); // a collinear column
    const m = new LogisticRegression({ C: 1 }).fit(twice, fx.y);
    setWarningHandler(null);
    expect(() => inference(m, twice, fx.y)).toThrow(expect.objectContaining({ code: 'SINGULAR' }));
  });
});
