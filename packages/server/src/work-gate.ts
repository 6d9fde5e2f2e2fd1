/**
 * A limit on how many heavy requests are built at once, shared fairly between callers. Each caller (a user, or an
 * address for anonymous requests) has its own queue; a free slot goes to the waiting caller served least recently,
 * so callers take turns and one caller's hundreds of parallel requests delay another caller by at most one slot.
 * Waiters hold no memory beyond their queue entry; a waiter whose signal aborts (its client went away) leaves its
 * queue without running.
 *
 * @example
 * ```ts
 * const gate = new WorkGate(1);
 * const body = await gate.run('user:7', () => buildHeavyResponse(), abortSignal);
 * ```
 */
export class WorkGate {
  #running = 0;
  /** Dispatches so far: a caller's `served` is the dispatch count when it last got a slot. */
  #turn = 0;
  /** Callers with queued or running work, in order of first arrival (ties go to the earlier). */
  readonly #callers = new Map<string, CallerState>();

  constructor(readonly slots: number) {}

  /** Requests waiting for a slot, over all callers. */
  get waiting(): number {
    let n = 0;
    for (const c of this.#callers.values()) n += c.queue.length;
    return n;
  }

  /**
   * Run `task` for `caller` once a slot is free and it is the caller's turn; the slot is released when the task
   * settles. If `signal` aborts while waiting, the returned promise rejects with the signal's reason and `task`
   * never runs.
   */
  async run<T>(caller: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    const state = this.#stateOf(caller);
    if (this.#running < this.slots && this.waiting === 0) this.#start(state);
    else await this.#enqueue(state, signal);
    try {
      return await task();
    } finally {
      state.running--;
      this.#running--;
      this.#forget(state);
      this.#dispatch();
    }
  }

  #stateOf(caller: string): CallerState {
    let state = this.#callers.get(caller);
    if (!state) {
      state = { key: caller, queue: [], running: 0, served: -1 };
      this.#callers.set(caller, state);
    }
    return state;
  }

  #start(state: CallerState): void {
    this.#running++;
    state.running++;
    state.served = this.#turn++;
  }

  #enqueue(state: CallerState, signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const i = state.queue.indexOf(waiter);
        if (i >= 0) state.queue.splice(i, 1);
        this.#forget(state);
        reject(signal?.reason);
      };
      const waiter: Waiter = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      state.queue.push(waiter);
    });
  }

  /** Hand free slots to the waiting callers served least recently. */
  #dispatch(): void {
    while (this.#running < this.slots) {
      let next: CallerState | undefined;
      for (const c of this.#callers.values())
        if (c.queue.length > 0 && (next === undefined || c.served < next.served)) next = c;
      if (!next) return;
      this.#start(next);
      (next.queue.shift() as Waiter)();
    }
  }

  /** Drop a caller with nothing queued or running: coming back later, it is first in line again. */
  #forget(state: CallerState): void {
    if (state.queue.length === 0 && state.running === 0) this.#callers.delete(state.key);
  }
}

type Waiter = () => void;

interface CallerState {
  readonly key: string;
  readonly queue: Waiter[];
  running: number;
  served: number;
}

/**
 * Heavy requests built at once (docs/api-decisions.md, "Fairness"): one, so a small request waits for at most
 * one chunk of heavy work.
 */
export const HEAVY_REQUEST_SLOTS = 1;
