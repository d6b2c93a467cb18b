// Two threads against one, fit by fit: REPEATS fits of each problem alternate between a 1-thread
// and a 2-thread model (each started once), with solver 'auto'. Reported: the median of each,
// and the worst 2-thread fit against the 1-thread median (the "never slower by > 5%"),
// next to the worst 1-thread fit against the same median (what the machine's noise alone gives).
import { LogisticRegression, setWarningHandler } from '../src/index.js';
import type { BenchData } from './data.js';

export interface ThreadsRow {
  name: string;
  solver: string;
  one: number;
  two: number;
  worst: number;
  over5: number;
  /** the same for the 1-thread fits against their own median: the machine's noise */
  worstOne: number;
  over5One: number;
  repeats: number;
}

export function threadsBench(sets: { data: BenchData; multinomial: boolean }[], repeats: number): ThreadsRow[] {
  setWarningHandler(null);
  return sets.map(({ data, multinomial }) => {
    const X = { data: data.X, rows: data.rows, cols: data.cols };
    const models = [1, 2].map((threads) => new LogisticRegression({ threads, multiClass: multinomial ? 'multinomial' : 'auto' }));
    const times: number[][] = [[], []];
    for (const m of models) m.fit(X, data.y); // starts the workers, warms up
    for (let r = 0; r < repeats; r++)
      models.forEach((m, k) => {
        const t0 = performance.now();
        m.fit(X, data.y);
        times[k].push(performance.now() - t0);
      });
    const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
    const one = med(times[0]);
    const row = {
      name: data.name,
      solver: models[0].solverUsed ?? '',
      one,
      two: med(times[1]),
      worst: Math.max(...times[1]) / one,
      over5: times[1].filter((t) => t > 1.05 * one).length,
      worstOne: Math.max(...times[0]) / one,
      over5One: times[0].filter((t) => t > 1.05 * one).length,
      repeats,
    };
    for (const m of models) m.dispose();
    return row;
  });
}
