/**
 * A request that does not fully arrive is answered 408 at `requestTimeout`, no later than one check interval after
 * it: Node looks for late requests on a timer, and the server sets that timer from the timeout
 * (`timeoutCheckInterval`), so the documented 60 s holds to within a second.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeoutCheckInterval } from '../src/connections.js';
import { DEMO_USERS, resolveOptions } from '../src/index.js';
import { demoServer, type TestClient } from './helpers.js';

const TIMEOUT = 3000;
/** Scheduling on a machine shared with other work: how late a timer may fire beyond the check interval. */
const SLACK = 300;

let c: TestClient;
beforeAll(async () => {
  c = await demoServer({ requestTimeout: TIMEOUT });
});
afterAll(() => c.close());

/** Sends `head` (and never the rest); resolves with the first status line and the milliseconds until the close. */
function stall(head: string): Promise<{ status: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const sock = connect(c.server.port, '127.0.0.1', () => sock.write(head));
    let text = '';
    const guard = setTimeout(() => {
      sock.destroy();
      reject(new Error('no answer'));
    }, TIMEOUT * 3);
    sock.on('data', (d) => {
      text += String(d);
    });
    sock.on('close', () => {
      clearTimeout(guard);
      resolve({ status: text.split('\r\n')[0] ?? '', ms: performance.now() - t0 });
    });
  });
}

const headers =
  `POST /api/private/stem/project/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${DEMO_USERS.alice.token}\r\n` +
  'Content-Type: application/json\r\nContent-Length: 100\r\n';

describe('the 408 comes at the timeout', () => {
  // Three requests started a third of an interval apart meet the check timer at different phases: with a check
  // interval of a quarter of the timeout, one of them would be answered at least two thirds of that interval late.
  const staggered = (head: string) =>
    Promise.all(
      [0, 1, 2].map(
        (i) => new Promise<{ status: string; ms: number }>((r) => setTimeout(() => r(stall(head)), (i * TIMEOUT) / 12)),
      ),
    );
  const within = (ms: number) => {
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT - 5);
    expect(ms).toBeLessThanOrEqual(TIMEOUT + timeoutCheckInterval(TIMEOUT) + SLACK);
  };

  it('for an announced body that never arrives', async () => {
    for (const r of await staggered(`${headers}\r\n{"name":`)) {
      expect(r.status).toBe('HTTP/1.1 408 Request Timeout');
      within(r.ms);
    }
  });

  it('for headers that never end', async () => {
    for (const r of await staggered(`${headers}X-Unfinished: 1`)) {
      expect(r.status).toBe('HTTP/1.1 408 Request Timeout');
      within(r.ms);
    }
  });

  it('the default of 60 s is checked every second at most', () => {
    expect(resolveOptions({}).requestTimeout).toBe(60_000);
    expect(timeoutCheckInterval(60_000)).toBeLessThanOrEqual(1000);
    expect(timeoutCheckInterval(60 * 60_000)).toBe(1000);
  });
});
