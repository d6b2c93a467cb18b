// The serialised form of a fitted binary model, and its validation on the way back in.
import { LogRegError } from '../errors.js';
import type { Label } from '../data/labels.js';
import type { BackendName } from '../backend/types.js';

export const FORMAT = 'logreg-wasm/logistic-regression';
export const VERSION = 1;

export interface ModelJSON {
  format: typeof FORMAT;
  version: typeof VERSION;
  options: Record<string, unknown>;
  classes: [Label, Label];
  coef: number[];
  intercept: number;
  nIter: number;
  converged: boolean;
  backend: BackendName;
}

export interface ModelState {
  classes: [Label, Label];
  coef: Float64Array;
  intercept: number;
  nIter: number;
  converged: boolean;
  lossHistory: number[];
  backend: BackendName;
}

function fail(why: string): LogRegError {
  return new LogRegError('INVALID_JSON', `not a logistic-regression model: ${why}`);
}

const isLabel = (v: unknown): v is Label =>
  (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string' || typeof v === 'boolean';

/** Checks every field; returns the state and the options to rebuild the model with. */
export function parseModelJSON(json: unknown): { state: ModelState; options: Record<string, unknown> } {
  const o = typeof json === 'string' ? safeParse(json) : json;
  if (o === null || typeof o !== 'object') throw fail('expected an object');
  const m = o as Record<string, unknown>;
  if (m.format !== FORMAT) throw fail(`format is ${JSON.stringify(m.format)}, expected '${FORMAT}'`);
  if (m.version !== VERSION) throw fail(`version ${JSON.stringify(m.version)} is not supported (expected ${VERSION})`);
  const classes = m.classes;
  if (!Array.isArray(classes) || classes.length !== 2 || !classes.every(isLabel) || typeof classes[0] !== typeof classes[1] || classes[0] === classes[1])
    throw fail('classes must be two distinct labels of one type');
  if (!Array.isArray(m.coef) || m.coef.length === 0 || !m.coef.every((v) => typeof v === 'number' && Number.isFinite(v)))
    throw fail('coef must be a non-empty array of finite numbers');
  if (typeof m.intercept !== 'number' || !Number.isFinite(m.intercept)) throw fail('intercept must be a finite number');
  if (typeof m.nIter !== 'number' || !Number.isInteger(m.nIter) || m.nIter < 0) throw fail('nIter must be an integer >= 0');
  if (typeof m.converged !== 'boolean') throw fail('converged must be a boolean');
  if (m.backend !== 'wasm' && m.backend !== 'js') throw fail("backend must be 'wasm' or 'js'");
  if (m.options === null || typeof m.options !== 'object' || Array.isArray(m.options)) throw fail('options must be an object');
  return {
    options: m.options as Record<string, unknown>,
    state: {
      classes: [classes[0], classes[1]] as [Label, Label],
      coef: Float64Array.from(m.coef as number[]),
      intercept: m.intercept,
      nIter: m.nIter,
      converged: m.converged,
      lossHistory: [],
      backend: m.backend,
    },
  };
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    throw fail('the string is not valid JSON');
  }
}
