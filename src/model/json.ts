// The serialised form of a fitted model, and its validation on the way back in.
import { METHODS, type MethodName } from '../optim/dispatch.js';
import { LogRegError } from '../core/errors.js';
import { ownFields } from '../core/own.js';
import { kindFor, layoutOf } from '../core/layout.js';
import { resolveOptions } from './options.js';
import type { Label } from '../data/labels.js';
import type { BackendName } from '../engine/types.js';
import type { ModelKind, ModelState } from './state.js';

export const FORMAT = 'logreg-wasm/logistic-regression';
export const VERSION = 1;

export interface ModelJSON {
  format: typeof FORMAT;
  version: typeof VERSION;
  /** 'binary' when absent */
  kind?: ModelKind;
  options: Record<string, unknown>;
  classes: Label[];
  /** d values (binary) or k×d row-major */
  coef: number[];
  /** a number (binary) or k numbers */
  intercept: number | number[];
  nIter: number;
  converged: boolean;
  backend: BackendName;
  /** the solver the fit ran */
  solver?: MethodName;
  /** the feature columns of a fit on a table */
  featureNames?: string[];
}

export function toModelJSON(s: ModelState, options: Record<string, unknown>): ModelJSON {
  return {
    format: FORMAT,
    version: VERSION,
    kind: s.kind,
    options,
    classes: s.classes.slice(),
    coef: Array.from(s.coef),
    intercept: s.kind === 'binary' ? s.intercept[0] : Array.from(s.intercept),
    nIter: s.nIter,
    converged: s.converged,
    backend: s.backend,
    ...(s.solver ? { solver: s.solver } : {}),
    ...(s.featureNames ? { featureNames: s.featureNames.slice() } : {}),
  };
}

function fail(why: string): LogRegError {
  return new LogRegError('INVALID_JSON', `not a logistic-regression model: ${why}`);
}

const isLabel = (v: unknown): v is Label =>
  (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string' || typeof v === 'boolean';
const finiteArray = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** Checks every field; returns the state and the options to rebuild the model with. */
export function parseModelJSON(json: unknown): { state: ModelState; options: Record<string, unknown> } {
  const o = typeof json === 'string' ? safeParse(json) : json;
  if (o === null || typeof o !== 'object' || Array.isArray(o)) throw fail('expected an object');
  const m = ownFields(o, 'model JSON');
  if (m.format !== FORMAT) throw fail(`format is ${JSON.stringify(m.format)}, expected '${FORMAT}'`);
  if (m.version !== VERSION) throw fail(`version ${JSON.stringify(m.version)} is not supported (expected ${VERSION})`);
  const kind = (m.kind ?? 'binary') as ModelKind;
  if (kind !== 'binary' && kind !== 'multinomial' && kind !== 'ovr') throw fail(`unknown kind ${JSON.stringify(m.kind)}`);
  const classes = m.classes;
  if (!Array.isArray(classes) || classes.length < 2 || !classes.every(isLabel) || classes.some((c) => typeof c !== typeof classes[0]) || new Set(classes).size !== classes.length)
    throw fail('classes must be two or more distinct labels of one type');
  const k = classes.length;
  if (kind === 'binary' && k !== 2) throw fail(`a binary model has 2 classes, not ${k}`);
  if (!finiteArray(m.coef) || m.coef.length === 0) throw fail('coef must be a non-empty array of finite numbers');
  const rows = layoutOf(kind, k, 1, false).rows;
  const d = m.coef.length / rows;
  if (!Number.isInteger(d)) throw fail(`coef has ${m.coef.length} values, not a multiple of the ${k} classes`);
  let intercept: Float64Array;
  if (kind === 'binary') {
    if (typeof m.intercept !== 'number' || !Number.isFinite(m.intercept)) throw fail('intercept must be a finite number');
    intercept = Float64Array.of(m.intercept);
  } else {
    if (!finiteArray(m.intercept) || m.intercept.length !== k) throw fail(`intercept must be ${k} finite numbers`);
    intercept = Float64Array.from(m.intercept);
  }
  if (typeof m.nIter !== 'number' || !Number.isInteger(m.nIter) || m.nIter < 0) throw fail('nIter must be an integer >= 0');
  if (typeof m.converged !== 'boolean') throw fail('converged must be a boolean');
  if (m.backend !== 'wasm' && m.backend !== 'js') throw fail("backend must be 'wasm' or 'js'");
  if (m.solver !== undefined && !METHODS.includes(m.solver as MethodName)) throw fail(`solver must be one of ${METHODS.join(', ')}`);
  if (m.options === null || typeof m.options !== 'object' || Array.isArray(m.options)) throw fail('options must be an object');
  const names = m.featureNames;
  if (names !== undefined && !(Array.isArray(names) && names.length === d && names.every((v) => typeof v === 'string')))
    throw fail(`featureNames must be ${d} strings`);
  return {
    options: m.options as Record<string, unknown>,
    state: {
      kind,
      classes: classes.slice(),
      nFeatures: d,
      coef: Float64Array.from(m.coef),
      intercept,
      nIter: m.nIter,
      converged: m.converged,
      lossHistory: [],
      backend: m.backend,
      ...(m.solver !== undefined ? { solver: m.solver as MethodName } : {}),
      ...(names !== undefined ? { featureNames: (names as string[]).slice() } : {}),
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

/**
 * The options a saved model is rebuilt with: the saved ones, then `overrides`, which may not
 * change the two that lay out the saved coefficients (multiClass, fitIntercept); the saved kind
 * must follow from them.
 */
export function restoredOptions(state: ModelState, saved: Record<string, unknown>, overrides: unknown): Record<string, unknown> {
  const merged = { ...ownFields(saved, 'saved option'), ...ownFields(overrides, 'override') };
  const was = resolveOptions(saved);
  const now = resolveOptions(merged);
  for (const name of ['multiClass', 'fitIntercept'] as const)
    if (now[name] !== was[name])
      throw new LogRegError('INVALID_OPTION', `fromJSON: the model was fitted with ${name} ${JSON.stringify(was[name])}; an override cannot change it (fit a new model instead)`, {
        option: name,
      });
  const layout = state.kind === 'ovr' ? was.multiClass === 'ovr' : kindFor(was.multiClass, state.classes.length) === state.kind;
  if (!layout) throw fail(`kind '${state.kind}' does not follow from multiClass '${was.multiClass}' and ${state.classes.length} classes`);
  return merged;
}
