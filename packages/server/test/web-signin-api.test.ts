/**
 * `POST /api/token/` (password → token) shares the sign-in throttle of the web form: 5 failures in 15 minutes per
 * account or per address → 429 with Retry-After, without checking the password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, type RunningServer, startServer } from '../src/index.js';
import { postJson } from './device-harness.js';
import { WebClient } from './web-client.js';

let server: RunningServer;
let base: string;
let offset = 0;
beforeAll(async () => {
  server = await startServer({ port: 0, seed: 'demo', quiet: true });
  base = server.url.replace(/\/$/, '');
  // The device/web modules read ctx.now when present: lets the test step past the 15-minute window.
  (server.ctx as typeof server.ctx & { now: () => number }).now = () => Date.now() + offset;
});
afterAll(async () => {
  await server?.close();
});

const login = (username: string, password: string) => postJson(`${base}/api/token/`, { username, password });

describe('password login throttling', () => {
  it('answers 429 after 5 failures, for the right password too and on the web form, until the window passes', async () => {
    const bob = DEMO_USERS.bob;
    for (let i = 0; i < 5; i++) expect((await login(bob.email, `wrong ${i}`)).status).toBe(401);
    const res = await fetch(`${base}/api/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: bob.email, password: bob.password }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toEqual({ detail: 'Too many failed sign-in attempts. Try again later.' });
    // The web form counts the same failures for Bob from this address.
    expect((await new WebClient(base).signIn(bob.email, bob.password)).status).toBe(429);
    // Another account at the same address is not locked out by Bob's failures (only a much higher per-address
    // ceiling applies to everyone there).
    expect((await login(DEMO_USERS.alice.email, DEMO_USERS.alice.password)).status).toBe(200);
    offset = 15 * 60 * 1000 + 1000;
    const ok = await login(bob.email, bob.password);
    expect(ok.status).toBe(200);
    expect(String(ok.body.token)).toMatch(/^bst_/);
  });
});
