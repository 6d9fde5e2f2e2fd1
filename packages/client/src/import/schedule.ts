/**
 * Row scheduling: up to `limit` rows in flight, while rows that name the same record still run in file order.
 * @module
 */

/**
 * Runs `count` tasks, at most `limit` at a time. Each task first prepares (concurrently with its neighbours) and
 * yields a key; its `write` step then waits for the `write` of every earlier task with the same key, so two rows
 * describing one record never race (the second finds what the first created). Keys are claimed in task order.
 * Rejects on the first error a step throws (steps catch what only concerns their own row).
 *
 * @example
 * ```ts
 * await runKeyed(rows.length, 4, async (i) => ({ key: rows[i].name }), async (i) => save(rows[i]));
 * ```
 */
export async function runKeyed(
  count: number,
  limit: number,
  prepare: (index: number) => Promise<{ key?: string }>,
  write: (index: number) => Promise<void>,
): Promise<void> {
  const chains = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  let claimed: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  for (let i = 0; i < count; i++) {
    while (inFlight.size >= Math.max(1, limit)) await Promise.race(inFlight);
    if (failure) break;
    const previousClaim = claimed;
    let claim: () => void = () => {};
    claimed = new Promise<void>((resolve) => {
      claim = resolve;
    });
    const task = (async () => {
      let key: string | undefined;
      try {
        key = (await prepare(i)).key;
      } finally {
        await previousClaim;
      }
      if (key === undefined) {
        claim();
        return;
      }
      const before = chains.get(key);
      const mine = (async () => {
        if (before) await before;
        await write(i);
      })();
      chains.set(
        key,
        mine.catch(() => {}),
      );
      claim();
      await mine;
    })()
      .catch((error: unknown) => {
        failure ??= { error };
        claim();
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  }
  await Promise.all(inFlight);
  if (failure) throw failure.error;
}
