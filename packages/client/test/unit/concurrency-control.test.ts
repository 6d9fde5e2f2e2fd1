// The adaptive rule for pages in flight, fed attempt outcomes directly (the walks feed it the same reports).
import { describe, expect, it } from 'vitest';
import { ADAPTIVE_MAX, ADAPTIVE_START, ConcurrencyControl } from '../../src/concurrency.js';

const answers = (c: ConcurrencyControl, n: number, ms: number, status = 200) => {
  for (let i = 0; i < n; i++) c.onAttempt({ status, ms });
};

describe('adaptive pages in flight', () => {
  it('starts at 4 and, while latency stays flat, adds one per answer (slow start) up to 8', () => {
    const c = new ConcurrencyControl();
    expect(c.limit).toBe(ADAPTIVE_START);
    answers(c, 1, 20);
    expect(c.limit).toBe(5);
    answers(c, 2, 21);
    expect(c.limit).toBe(7);
    answers(c, 1, 22);
    expect(c.limit).toBe(ADAPTIVE_MAX);
    answers(c, 100, 20);
    expect(c.limit).toBe(8);
  });

  it('after a 429 or 503 it adds one per full round of flat answers only', () => {
    const c = new ConcurrencyControl();
    answers(c, 4, 20);
    c.onAttempt({ status: 503, ms: 5 });
    expect(c.limit).toBe(4);
    answers(c, 3, 20);
    expect(c.limit).toBe(4);
    answers(c, 1, 20);
    expect(c.limit).toBe(5);
    answers(c, 4, 20);
    expect(c.limit).toBe(5);
    answers(c, 1, 20);
    expect(c.limit).toBe(6);
  });

  it('an answer well above the best seen ends the slow start', () => {
    const c = new ConcurrencyControl();
    answers(c, 1, 20);
    expect(c.limit).toBe(5);
    c.onAttempt({ status: 200, ms: 100 }); // the running average leaves 1.5× (+5 ms) of the best
    answers(c, 3, 20);
    expect(c.limit).toBe(5);
    answers(c, 1, 20); // a full round (5 answers) since the last change, latency flat again
    expect(c.limit).toBe(6);
  });

  it('halves on 429 and on 503, and not on other failures', () => {
    const c = new ConcurrencyControl();
    answers(c, 4, 20);
    expect(c.limit).toBe(8);
    c.onAttempt({ status: 429, ms: 5 });
    expect(c.limit).toBe(4);
    c.onAttempt({ status: 503, ms: 5 });
    expect(c.limit).toBe(2);
    c.onAttempt({ status: 502, ms: 5 });
    c.onAttempt({ status: undefined, ms: 5 }); // a dropped connection
    expect(c.limit).toBe(2);
    c.onAttempt({ status: 503, ms: 5 });
    c.onAttempt({ status: 503, ms: 5 });
    expect(c.limit).toBe(1);
  });

  it('gives one back per round while latency climbs well past the best seen', () => {
    const c = new ConcurrencyControl();
    answers(c, 4, 20);
    expect(c.limit).toBe(8);
    answers(c, 7, 200); // the server is queueing
    expect(c.limit).toBe(8);
    answers(c, 1, 200);
    expect(c.limit).toBe(7);
    answers(c, 7, 200);
    expect(c.limit).toBe(6);
  });

  it('a fixed `concurrency` never changes', () => {
    const c = new ConcurrencyControl(3);
    answers(c, 50, 20);
    c.onAttempt({ status: 429, ms: 5 });
    answers(c, 50, 500);
    expect(c.limit).toBe(3);
    expect(c.adaptive).toBe(false);
  });
});
