/**
 * A first-come, first-served limit on how many heavy requests (those with `include[]`) are built at once. The
 * others wait without holding memory; requests without includes never wait here. With embedding yielding to the
 * event loop between chunks, a small request waits for at most one chunk of each running heavy request.
 *
 * @example
 * ```ts
 * const gate = new WorkGate(2);
 * const body = await gate.run(() => buildHeavyResponse());
 * ```
 */
export class WorkGate {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly slots: number) {}

  /** Run `task` once a slot is free; the slot is released when it settles. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.slots) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#running++;
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      // The slot passes straight to the next waiter (the running count stays the same).
      if (next) next();
      else this.#running--;
    }
  }
}

/**
 * Heavy requests built at once (docs/api-decisions.md, "Fairness"): one, so a small request waits for at most
 * one chunk of heavy work.
 */
export const HEAVY_REQUEST_SLOTS = 1;
