/**
 * The work gate on its own: callers take turns for its slots, whatever one caller queues; a failed task frees its
 * slot; a waiter whose signal aborts leaves its queue without running.
 */
import { describe, expect, it } from 'vitest';
import { WorkGate } from '../src/work-gate.js';

/** A task that runs until `finish()` is called, recording when it started. */
function held(order: string[], name: string) {
  let finish!: () => void;
  let fail!: (e: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return {
    task: () => {
      order.push(name);
      return done;
    },
    finish,
    fail,
  };
}

/** Let every pending promise continuation run. */
const settle = () => new Promise((r) => setImmediate(r));

describe('WorkGate', () => {
  it('serves three callers in turn although one has 100 requests queued', async () => {
    const gate = new WorkGate(1);
    const order: string[] = [];
    const runs: Promise<unknown>[] = [];
    for (let i = 0; i < 101; i++) runs.push(gate.run('alice', async () => void order.push(`alice${i}`)));
    runs.push(gate.run('bob', async () => void order.push('bob0')));
    runs.push(gate.run('carol', async () => void order.push('carol0')));
    runs.push(gate.run('bob', async () => void order.push('bob1')));
    await Promise.all(runs);
    // alice0 had the free slot; then each caller in turn, least recently served first.
    expect(order.slice(0, 6)).toEqual(['alice0', 'bob0', 'carol0', 'alice1', 'bob1', 'alice2']);
    expect(order.slice(6)).toEqual(Array.from({ length: 98 }, (_, i) => `alice${i + 3}`));
    expect(gate.waiting).toBe(0);
  });

  it('a caller arriving behind a long queue waits for the running request only', async () => {
    const gate = new WorkGate(1);
    const order: string[] = [];
    const first = held(order, 'alice0');
    const runs = [gate.run('alice', first.task)];
    for (let i = 1; i <= 100; i++) runs.push(gate.run('alice', async () => void order.push(`alice${i}`)));
    await settle();
    const bob = gate.run('bob', async () => void order.push('bob'));
    expect(gate.waiting).toBe(101);
    first.finish();
    await Promise.all([bob, ...runs]);
    expect(order.indexOf('bob')).toBe(1);
    expect(order).toHaveLength(102);
  });

  it('never runs more tasks at once than it has slots, and uses them all', async () => {
    const gate = new WorkGate(2);
    let now = 0;
    let peak = 0;
    const work = async () => {
      now++;
      peak = Math.max(peak, now);
      await settle();
      now--;
    };
    await Promise.all([
      ...Array.from({ length: 20 }, () => gate.run('alice', work)),
      ...Array.from({ length: 5 }, () => gate.run('bob', work)),
    ]);
    expect(peak).toBe(2);
  });

  it('a rejected task passes its error on and frees the slot for the next caller', async () => {
    const gate = new WorkGate(1);
    const order: string[] = [];
    const first = held(order, 'alice0');
    const failing = gate.run('alice', first.task);
    const bob = gate.run('bob', async () => void order.push('bob'));
    await settle();
    expect(order).toEqual(['alice0']);
    first.fail(new Error('no such record'));
    await expect(failing).rejects.toThrow('no such record');
    await bob;
    expect(order).toEqual(['alice0', 'bob']);
    expect(gate.waiting).toBe(0);
  });

  it('a task that throws before returning a promise frees the slot too', async () => {
    const gate = new WorkGate(1);
    await expect(
      gate.run('alice', () => {
        throw new Error('bad query');
      }),
    ).rejects.toThrow('bad query');
    await expect(gate.run('alice', async () => 'next')).resolves.toBe('next');
  });

  it('an aborted waiter leaves its queue without running; the others keep their turns', async () => {
    const gate = new WorkGate(1);
    const order: string[] = [];
    const first = held(order, 'alice0');
    const running = gate.run('alice', first.task);
    const gone = new AbortController();
    const bobGone = gate.run('bob', async () => void order.push('bob-gone'), gone.signal);
    const carol = gate.run('carol', async () => void order.push('carol'));
    const bob = gate.run('bob', async () => void order.push('bob'));
    expect(gate.waiting).toBe(3);
    gone.abort(new Error('client went away'));
    await expect(bobGone).rejects.toThrow('client went away');
    expect(gate.waiting).toBe(2);
    first.finish();
    await Promise.all([running, carol, bob]);
    expect(order).toEqual(['alice0', 'bob', 'carol']);
  });

  it('a request whose signal has already aborted is refused at once', async () => {
    const gate = new WorkGate(1);
    let ran = false;
    await expect(
      gate.run(
        'alice',
        async () => {
          ran = true;
        },
        AbortSignal.abort(new Error('gone')),
      ),
    ).rejects.toThrow('gone');
    expect(ran).toBe(false);
  });
});
