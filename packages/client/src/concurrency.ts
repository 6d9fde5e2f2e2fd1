/**
 * How many page requests a walk (`loadAll`, `iterate`) keeps in flight. Unless the caller fixes the number, it
 * adapts: it starts at {@link ADAPTIVE_START} and, while latency stays near the best seen, adds one page per fast
 * answer until the first sign of load (a slow start, as TCP's: the limit doubles per round), then one per full
 * round of fast answers. It gives one back when latency climbs (the server is queueing) and halves on 429/503 (the
 * server asks for less). A latency no longer near the best, or a 429/503, ends the slow start. It never exceeds
 * {@link ADAPTIVE_MAX}.
 * @module
 */
import type { AttemptReport } from './transport.js';

/** Pages in flight when a walk starts. */
export const ADAPTIVE_START = 4;
/** Most pages in flight the adaptive control allows. */
export const ADAPTIVE_MAX = 8;

/** Latency counts as flat while the recent average stays within this factor (plus slack) of the best seen. */
const FLAT = 1.5;
/** Latency counts as rising beyond this factor (plus slack) of the best seen. */
const RISING = 2.5;
const SLACK_MS = 5;
/** Weight of the newest attempt in the running average. */
const ALPHA = 0.3;

/**
 * The in-flight limit of one walk.
 *
 * @example
 * ```ts
 * const control = new ConcurrencyControl(); // adaptive, 4 → up to 8
 * control.onAttempt({ status: 200, ms: 21 });
 * control.limit; // pages to keep in flight now
 * ```
 */
export class ConcurrencyControl {
  /** Pages to keep in flight now. */
  limit: number;
  readonly #fixed: boolean;
  #best = Number.POSITIVE_INFINITY;
  #average: number | undefined;
  #sinceChange = 0;
  /** Until the first sign of load: one more page per fast answer rather than per round. */
  #slowStart = true;
  /** Sum of `limit` over every launch, for the mean actually used. */
  #launches = 0;
  #limitSum = 0;

  /** `fixed`: keep exactly this many in flight (an explicit `concurrency`); otherwise adapt. */
  constructor(fixed?: number) {
    this.#fixed = fixed !== undefined;
    this.limit = fixed ?? ADAPTIVE_START;
  }

  /** Whether the limit adapts. */
  get adaptive(): boolean {
    return !this.#fixed;
  }

  /** Mean limit over the pages launched so far (what a walk "used"). */
  get meanLimit(): number {
    return this.#launches ? this.#limitSum / this.#launches : this.limit;
  }

  /** Records that a page request was launched under the current limit. */
  onLaunch(): void {
    this.#launches++;
    this.#limitSum += this.limit;
  }

  /** Feeds one attempt's outcome. */
  onAttempt(report: AttemptReport): void {
    if (this.#fixed) return;
    if (report.status === 429 || report.status === 503) {
      this.#slowStart = false;
      this.#change(Math.max(1, Math.ceil(this.limit / 2)));
      return;
    }
    if (report.status === undefined || report.status >= 300) return;
    this.#best = Math.min(this.#best, report.ms);
    this.#average = this.#average === undefined ? report.ms : this.#average + ALPHA * (report.ms - this.#average);
    this.#sinceChange++;
    const flat = this.#average <= this.#best * FLAT + SLACK_MS;
    if (!flat) this.#slowStart = false;
    if (this.#average > this.#best * RISING + SLACK_MS) {
      if (this.limit > 1 && this.#sinceChange >= this.limit) this.#change(this.limit - 1);
    } else if (flat && (this.#slowStart || this.#sinceChange >= this.limit)) {
      if (this.limit < ADAPTIVE_MAX) this.#change(this.limit + 1);
    }
  }

  #change(limit: number): void {
    this.limit = limit;
    this.#sinceChange = 0;
  }
}
