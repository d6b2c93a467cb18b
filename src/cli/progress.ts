// A progress line on stderr for fits that run longer than a second (terminals only).
import type { IterationInfo } from '../optim/types.js';

export class Progress {
  private readonly start = performance.now();
  private shown = false;
  private last = 0;

  constructor(private readonly maxIter: number) {}

  update(info: IterationInfo): void {
    const now = performance.now();
    if (now - this.start < 1000 || now - this.last < 100 || !process.stderr.isTTY) return;
    this.last = now;
    this.shown = true;
    const frac = Math.min(1, info.iteration / this.maxIter);
    const width = 30;
    const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '.');
    process.stderr.write(
      `\r[${bar}] iter ${info.iteration}/${this.maxIter}  J ${info.loss.toPrecision(8)}  ‖∇J‖∞ ${info.gradientNorm.toExponential(2)}  ${((now - this.start) / 1000).toFixed(1)} s`,
    );
  }

  done(): void {
    if (this.shown) process.stderr.write('\n');
  }
}
