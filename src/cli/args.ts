// Argument parsing for the CLI: a command, positional arguments, --flag value / --flag.
import { METHODS } from '../optim/dispatch.js';
import { defaults } from '../model/options.js';

export class UsageError extends Error {}

export const USAGE = `usage:
  logreg-wasm fit DATA.csv --target COLUMN [--features A,B,… | --drop A,B,…]
                  [--solver auto|${METHODS.join('|')}]
                  [--C ${defaults.C}] [--penalty l2|l1|elasticnet|none] [--standardize] [--test-size 0.2]
                  [--seed ${defaults.seed}] [--max-iter ${defaults.maxIter}] [--tol ${defaults.tol}] [--threads N|auto] [--out MODEL.json]
                  [--summary]
  logreg-wasm predict MODEL.json DATA.csv [--proba] [--precision DIGITS]
  logreg-wasm --version | --help`;

const BOOLEAN = new Set(['standardize', 'proba', 'help', 'version', 'summary']);
const VALUED = new Set(['target', 'features', 'drop', 'solver', 'C', 'penalty', 'test-size', 'seed', 'max-iter', 'tol', 'threads', 'out', 'precision']);

export interface Args {
  /** null when no command was given */
  command: string | null;
  positional: string[];
  flags: Record<string, string | boolean>;
  number(name: string, fallback: number): number;
  /** a comma-separated list flag, or null when absent */
  list(name: string): string[] | null;
}

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags: Record<string, string | boolean> = Object.create(null);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h') flags.help = true;
    else if (a === '-v') flags.version = true;
    else if (a.startsWith('--')) {
      const name = a.slice(2);
      if (BOOLEAN.has(name)) flags[name] = true;
      else if (VALUED.has(name)) {
        if (i + 1 >= argv.length) throw new UsageError(`--${name} needs a value`);
        flags[name] = argv[++i];
      } else throw new UsageError(`unknown option --${name}`);
    } else positional.push(a);
  }
  const command = positional.shift() ?? null;
  return {
    command,
    positional,
    flags,
    number(name, fallback) {
      const v = flags[name];
      if (v === undefined) return fallback;
      const x = Number(v);
      if (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(x)) throw new UsageError(`--${name} must be a number, got '${String(v)}'`);
      return x;
    },
    list(name) {
      const v = flags[name];
      if (v === undefined) return null;
      const names = String(v).split(',').map((s) => s.trim());
      if (names.some((s) => s === '')) throw new UsageError(`--${name} must be a comma-separated list of column names, got '${String(v)}'`);
      return names;
    },
  };
}
