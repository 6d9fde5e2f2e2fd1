/**
 * Heavy requests of different callers take turns over real HTTP: with 200 of Alice's `include[]=sessions.*`
 * requests on a project of 300 sessions queued, Bob's `load_session`-shaped request is served after at most one
 * more of Alice's, not behind her whole queue. Filters through a relation wait in the same queues; plain filters
 * never wait; a client that disconnects while queued leaves its queue. Asserted on order, never on time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROJECTS, DEMO_USERS } from '../src/index.js';
import { heavyRequestGate } from '../src/routes/read.js';
import { demoServer, type TestClient } from './helpers.js';

const ALICE_BURST = 200;
const LOAD_SESSION_INCLUDES = ['dataacquisition', 'behaviors', 'manipulations', 'epochs']
  .map((r) => `include[]=${r}.*`)
  .join('&');

let c: TestClient;
let projectId: string;
let bobSessionId: string;
beforeAll(async () => {
  c = await demoServer({ seedSessions: 300 });
  const projects = await c.get(
    `api/private/stem/project/?filter{name}=${encodeURIComponent(DEMO_PROJECTS.placeCells)}`,
  );
  projectId = projects.body.projects[0].id;
  const bobs = await c.get('api/private/stem/session/?limit=1', 'bob');
  bobSessionId = bobs.body.sessions[0].id;
}, 60_000);
afterAll(() => c.close());

/** GET as `who`, reading the whole body; rejects on a status other than 200. */
async function fetchAs(who: keyof typeof DEMO_USERS, path: string): Promise<void> {
  const res = await fetch(c.url + path, { headers: { Authorization: `Bearer ${DEMO_USERS[who].token}` } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${text.slice(0, 200)}`);
}

describe('heavy requests of two users', () => {
  it("Bob's heavy request is served before most of Alice's 200 queued ones", async () => {
    const finished: string[] = [];
    const alice = Array.from({ length: ALICE_BURST }, (_, i) =>
      fetchAs('alice', `api/private/stem/project/${projectId}/?include[]=sessions.*`).then(() =>
        finished.push(`alice${i}`),
      ),
    );
    // Ask once all of Alice's burst has reached the server: one request being built, the rest in her queue.
    const gate = heavyRequestGate(c.server.ctx);
    while (finished.length + gate.waiting < ALICE_BURST - 1) await new Promise((r) => setTimeout(r, 5));
    const aliceDoneWhenBobAsked = finished.length;
    const bob = fetchAs('bob', `api/private/stem/session/${bobSessionId}/?${LOAD_SESSION_INCLUDES}`).then(() =>
      finished.push('bob'),
    );
    await Promise.all([...alice, bob]);

    const aliceDoneBeforeBob = finished.indexOf('bob') - aliceDoneWhenBobAsked;
    // Most of Alice's burst was still to be served when Bob asked…
    expect(ALICE_BURST - aliceDoneWhenBobAsked).toBeGreaterThan(ALICE_BURST / 2);
    // …and Bob waited for the request being built and at most one more, not her queue.
    expect(aliceDoneBeforeBob).toBeLessThanOrEqual(2);
    expect(finished).toHaveLength(ALICE_BURST + 1);
  }, 120_000);
});

describe('which requests wait for a heavy-request slot', () => {
  it('a filter through a relation waits for the slot; a filter on the model itself does not', async () => {
    const gate = heavyRequestGate(c.server.ctx);
    const order: string[] = [];
    let release!: () => void;
    const holding = gate.run('holder', () => new Promise<void>((r) => (release = r)));
    const relation = fetchAs(
      'alice',
      `api/private/stem/session/?filter{projects.name}=${encodeURIComponent(DEMO_PROJECTS.placeCells)}`,
    ).then(() => order.push('relation filter'));
    await fetchAs('alice', 'api/private/stem/session/?filter{name.icontains}=PC').then(() =>
      order.push('plain filter'),
    );
    while (gate.waiting < 1) await new Promise((r) => setTimeout(r, 5));
    order.push('slot released');
    release();
    await Promise.all([holding, relation]);
    expect(order).toEqual(['plain filter', 'slot released', 'relation filter']);
  });

  it('a client that disconnects while queued leaves the queue, and its request is never built', async () => {
    const gate = heavyRequestGate(c.server.ctx);
    let release!: () => void;
    const holding = gate.run('holder', () => new Promise<void>((r) => (release = r)));
    const leaving = new AbortController();
    const gone = fetch(`${c.url}api/private/stem/project/${projectId}/?include[]=sessions.*`, {
      headers: { Authorization: `Bearer ${DEMO_USERS.alice.token}` },
      signal: leaving.signal,
    });
    while (gate.waiting < 1) await new Promise((r) => setTimeout(r, 5));
    leaving.abort();
    await expect(gone).rejects.toThrow();
    // The queue empties while the slot is still held: the request left without running.
    while (gate.waiting > 0) await new Promise((r) => setTimeout(r, 5));
    release();
    await holding;
    // The server goes on answering heavy requests.
    await fetchAs('alice', `api/private/stem/session/${bobSessionId}/?${LOAD_SESSION_INCLUDES}`);
  });
});
