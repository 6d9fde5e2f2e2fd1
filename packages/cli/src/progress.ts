import type { Logger } from 'brainstem-api-tools';
import type { Io } from './io.js';

/** One progress report: records fetched so far and, when the server says, how many there are. */
export interface ProgressEvent {
  loaded: number;
  total?: number;
}

/** Whether a progress bar may be drawn: stderr is a terminal, not `--quiet`, and not a dumb terminal. */
export function progressEnabled(io: Io, quiet: boolean): boolean {
  return io.stderrIsTTY && !quiet && io.env.TERM !== 'dumb';
}

/**
 * A single-line progress bar on stderr: `sessions ▕████░░░░▏ 340/1,000  34%  1,210 rec/s`. Redraws at most every
 * 80 ms and erases itself when done, so nothing is left between the command's output and the prompt.
 * Disabled bars do nothing (pipes, `--quiet`).
 *
 * @example
 * ```ts
 * const bar = new ProgressBar(io, { label: 'sessions', enabled: progressEnabled(io, false) });
 * bar.update({ loaded: 100, total: 1000 });
 * bar.done();
 * ```
 */
export class ProgressBar {
  private readonly start: number;
  private last = 0;
  private drawn = false;
  private state: ProgressEvent = { loaded: 0 };

  constructor(
    private readonly io: Io,
    private readonly opts: { label: string; enabled: boolean; now?: () => number; width?: number },
  ) {
    this.start = this.now();
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  update(event: ProgressEvent): void {
    this.state = event;
    if (!this.opts.enabled) return;
    const t = this.now();
    if (this.drawn && t - this.last < 80 && event.loaded !== event.total) return;
    this.last = t;
    this.drawn = true;
    this.io.err(`\r\x1b[K${this.render(t)}`);
  }

  /** The bar's text at time `t` (no control characters). */
  render(t = this.now()): string {
    const { loaded, total } = this.state;
    const secs = Math.max((t - this.start) / 1000, 0.001);
    const rate = `${fmt(Math.round(loaded / secs))} rec/s`;
    if (total === undefined || total <= 0) return `${this.opts.label} ${fmt(loaded)} records  ${rate}`;
    const width = this.opts.width ?? 24;
    const frac = Math.min(loaded / total, 1);
    const full = Math.round(frac * width);
    const bar = `▕${'█'.repeat(full)}${'░'.repeat(width - full)}▏`;
    return `${this.opts.label} ${bar} ${fmt(loaded)}/${fmt(total)} ${String(Math.floor(frac * 100)).padStart(3)}%  ${rate}`;
  }

  /** Erase the bar. */
  done(): void {
    if (this.opts.enabled && this.drawn) this.io.err('\r\x1b[K');
    this.drawn = false;
  }
}

/**
 * The client's log lines for a command that draws `bar`: each erases the bar first so that it stands on a line of
 * its own (the bar redraws on the next update); with `--quiet`, warnings (such as a walk carrying on after a failed
 * page) are left out, errors are not.
 *
 * @example
 * ```ts
 * createClient(ctx, g, { logger: loggerBeside(bar, ctx.io, Boolean(g.quiet)) });
 * ```
 */
export function loggerBeside(bar: ProgressBar, io: Io, quiet: boolean): Logger {
  const write = (message: string, ...args: unknown[]) => {
    bar.done();
    io.err(`${[message, ...args.map(String)].join(' ')}\n`);
  };
  return { error: write, warn: quiet ? () => {} : write, info: write, debug: write };
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
