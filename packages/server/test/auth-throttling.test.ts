/**
 * Throttling of sign-in, typed device codes and device-login starts. Limits are per account (or user) and address;
 * an address's many sign-in failures slow down its failing accounts (a capped, growing delay) without refusing an
 * account that has not failed, so one user cannot lock out another behind the same address (every local user is
 * 127.0.0.1) and nobody can sweep passwords or codes. A second "machine" is the loopback alias
 * 127.0.0.2 (the requests really come from that source address).
 */
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/index.js';
import {
  ADDRESS_FREE_FAILURES,
  addressDelaySeconds,
  MAX_ADDRESS_DELAY_SECONDS,
  MAX_CODE_FAILURES,
  MAX_DEVICE_STARTS,
  MAX_FAILURES,
  WINDOW_MS,
  webState,
} from '../src/web/index.js';
import { type Harness, PASSWORD, startHarness } from './device-harness.js';
import { demoServer } from './helpers.js';
import { csrfOf, WebClient } from './web-client.js';

const HERE = '127.0.0.1';
const ELSEWHERE = '127.0.0.2';

/** POST JSON from a chosen source address. */
function postFrom(
  url: string,
  body: unknown,
  localAddress = HERE,
): Promise<{ status: number; headers: Record<string, unknown>; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json' }, localAddress },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ deviceInterval: 1 });
});
afterEach(async () => {
  await h.close();
});

describe('sign-in throttling', () => {
  it(`${MAX_FAILURES} wrong passwords lock that account at that address only`, async () => {
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect((await new WebClient(h.url).signIn('alice@example.org', 'guess')).status).toBe(401);
    }
    const locked = await new WebClient(h.url).signIn('alice@example.org', PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.html).toContain('Too many failed sign-in attempts');
    // Bob, behind the same address, is not affected…
    expect((await new WebClient(h.url).signIn('bob@example.org', PASSWORD)).status).toBe(303);
    // …and Alice signs in from another machine.
    expect((await new WebClient(h.url, ELSEWHERE).signIn('alice@example.org', PASSWORD)).status).toBe(303);
    h.advance(WINDOW_MS + 1000);
    expect((await new WebClient(h.url).signIn('alice@example.org', PASSWORD)).status).toBe(303);
  });

  it('an account that failed at a busy address waits a delay that grows with the address’s failures, capped', async () => {
    const { limiter } = webState(h.ctx);
    // Failures of other accounts (recorded directly: scrypt is slow), up to where the delay starts.
    for (let i = 0; i < ADDRESS_FREE_FAILURES - 1; i++) limiter.fail(`user${i}@example.org`, HERE);
    expect((await new WebClient(h.url).signIn('alice@example.org', 'guess')).status).toBe(401);
    // The address's failures are exactly the free ones: no delay yet.
    expect((await new WebClient(h.url).signIn('alice@example.org', PASSWORD)).status).toBe(303);
    const waits: number[] = [];
    for (let n = ADDRESS_FREE_FAILURES + 1; n <= ADDRESS_FREE_FAILURES + 8; n++) {
      expect((await new WebClient(h.url).signIn('alice@example.org', 'guess')).status).toBe(401);
      const slowed = await new WebClient(h.url).signIn('alice@example.org', PASSWORD);
      expect(slowed.status).toBe(429);
      const wait = Number(slowed.headers.get('retry-after'));
      expect(wait).toBe(addressDelaySeconds(n));
      waits.push(wait);
      h.advance(wait * 1000);
      // The delay served, the correct password works (and clears Alice's own failures).
      expect((await new WebClient(h.url).signIn('alice@example.org', PASSWORD)).status).toBe(303);
    }
    expect(waits).toEqual([
      1,
      2,
      4,
      8,
      16,
      MAX_ADDRESS_DELAY_SECONDS,
      MAX_ADDRESS_DELAY_SECONDS,
      MAX_ADDRESS_DELAY_SECONDS,
    ]);
    // Bob, who has not failed, is never slowed by them.
    expect((await new WebClient(h.url).signIn('bob@example.org', PASSWORD)).status).toBe(303);
  });

  it('the delay never exceeds its cap, however many failures an address has', () => {
    expect(addressDelaySeconds(ADDRESS_FREE_FAILURES)).toBe(0);
    expect(addressDelaySeconds(10_000)).toBe(MAX_ADDRESS_DELAY_SECONDS);
    expect(addressDelaySeconds(Number.MAX_SAFE_INTEGER)).toBe(MAX_ADDRESS_DELAY_SECONDS);
  });

  it('a successful sign-in clears that account’s failures at that address', async () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) await new WebClient(h.url).signIn('alice@example.org', 'guess');
    expect((await new WebClient(h.url).signIn('alice@example.org', PASSWORD)).status).toBe(303);
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      expect((await new WebClient(h.url).signIn('alice@example.org', 'guess')).status).toBe(401);
    }
    expect((await new WebClient(h.url).signIn('alice@example.org', PASSWORD)).status).toBe(303);
  });
});

describe('POST /api/token/ shares the sign-in throttle', () => {
  it('locks Carol at one address, not Carol elsewhere nor Bob here', async () => {
    const c = await demoServer();
    try {
      const carol = { username: DEMO_USERS.carol.email, password: DEMO_USERS.carol.password };
      for (let i = 0; i < MAX_FAILURES; i++) {
        expect((await postFrom(`${c.url}api/token/`, { ...carol, password: 'guess' })).status).toBe(401);
      }
      const locked = await postFrom(`${c.url}api/token/`, carol);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await postFrom(`${c.url}api/token/`, carol, ELSEWHERE)).status).toBe(200);
      const bob = { username: DEMO_USERS.bob.email, password: DEMO_USERS.bob.password };
      expect((await postFrom(`${c.url}api/token/`, bob)).status).toBe(200);
    } finally {
      await c.close();
    }
  });
  it('after 100 failed logins with made-up emails from one address, another account’s password still works', async () => {
    const c = await demoServer();
    try {
      for (let i = 0; i < 100; i += 4) {
        const tries = [0, 1, 2, 3].map((k) =>
          postFrom(`${c.url}api/token/`, { username: `made-up-${i + k}@example.org`, password: 'guess' }),
        );
        for (const r of await Promise.all(tries)) expect(r.status).toBe(401);
      }
      const bob = await postFrom(`${c.url}api/token/`, {
        username: DEMO_USERS.bob.email,
        password: DEMO_USERS.bob.password,
      });
      expect(bob.status).toBe(200);
      expect(typeof bob.body.token).toBe('string');
    } finally {
      await c.close();
    }
  });
});

describe('typed device codes', () => {
  async function codeForm(email: string, address = HERE) {
    const web = new WebClient(h.url, address);
    await web.signIn(email, PASSWORD, '/account/authorize/');
    const csrf = csrfOf((await web.get('/account/authorize/')).html);
    const type = (user_code: string) => web.post('/account/authorize/code/', { csrfmiddlewaretoken: csrf, user_code });
    return type;
  }
  const start = async () => (await postFrom(`${h.url}/api/auth/device/`, {})).body as { user_code: string };

  it(`${MAX_CODE_FAILURES} wrong codes lock that user only; another user's valid code still works`, async () => {
    const bobTypes = await codeForm('bob@example.org');
    for (let i = 0; i < MAX_CODE_FAILURES; i++) {
      expect((await bobTypes(`BBBB-${String(i).padStart(4, '0')}`)).status).toBe(400);
    }
    const s = await start();
    expect((await bobTypes(s.user_code)).status).toBe(429);
    const aliceTypes = await codeForm('alice@example.org');
    expect((await aliceTypes(s.user_code)).status).toBe(303);
  });

  it('after 100 wrong codes typed by one user at an address, another user there approves a valid code', async () => {
    const bobTypes = await codeForm('bob@example.org');
    // Bob types his 10 allowed wrong codes per window, ten windows running (on the server's clock, no waiting).
    for (let i = 0; i < 100; i++) {
      if (i > 0 && i % MAX_CODE_FAILURES === 0) h.advance(WINDOW_MS + 1000);
      expect((await bobTypes(`BBBB-${String(i).padStart(4, '0')}`)).status).toBe(400);
    }
    // Wrong codes of many users at the address, recorded directly, on top of Bob's.
    const { limiter } = webState(h.ctx);
    for (let i = 0; i < 100; i++) limiter.codeFail(1000 + i, HERE);
    const s = await start();
    expect((await bobTypes(s.user_code)).status).toBe(429);
    const aliceTypes = await codeForm('alice@example.org');
    const typed = await aliceTypes(s.user_code);
    expect(typed.status).toBe(303);
    expect(typed.headers.get('location')).toContain('session=');
  });

  it('a user who typed wrong codes at a busy address waits a delay that grows with the address’s, capped', async () => {
    const { limiter } = webState(h.ctx);
    for (let i = 0; i < ADDRESS_FREE_FAILURES - 1; i++) limiter.codeFail(1000 + i, HERE);
    const aliceTypes = await codeForm('alice@example.org');
    expect((await aliceTypes('AAAA-0000')).status).toBe(400);
    // The address's wrong codes are exactly the free ones: no delay yet.
    expect((await aliceTypes('AAAA-0001')).status).toBe(400);
    // Now past them: Alice waits the address's delay, which a clock step serves.
    const slowed = await aliceTypes('AAAA-0002');
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBe(addressDelaySeconds(ADDRESS_FREE_FAILURES + 1));
    expect(slowed.html).toContain('Too many wrong codes. Please wait 1 second and try again.');
    for (let i = 0; i < 200; i++) limiter.codeFail(2000 + i, HERE);
    const capped = await aliceTypes('AAAA-0003');
    expect(Number(capped.headers.get('retry-after'))).toBe(MAX_ADDRESS_DELAY_SECONDS);
    h.advance(MAX_ADDRESS_DELAY_SECONDS * 1000);
    const s = await start();
    expect((await aliceTypes(s.user_code)).status).toBe(303);
    // A user at another machine is untouched throughout.
    expect((await (await codeForm('bob@example.org', ELSEWHERE))('BBBB-0000')).status).toBe(400);
  });
});

describe('POST /api/auth/device/', () => {
  it(`answers 429 with Retry-After after ${MAX_DEVICE_STARTS} starts from one address in the window`, async () => {
    for (let i = 0; i < MAX_DEVICE_STARTS; i++) {
      expect((await postFrom(`${h.url}/api/auth/device/`, { client_name: 'script' })).status).toBe(200);
    }
    const refused = await postFrom(`${h.url}/api/auth/device/`, { client_name: 'script' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.detail).toMatch(/^Request was throttled\. Expected available in \d+ seconds\.$/);
    expect(refused.body).not.toHaveProperty('device_code');
    expect((await postFrom(`${h.url}/api/auth/device/`, {}, ELSEWHERE)).status).toBe(200);
    h.advance(WINDOW_MS + 1000);
    expect((await postFrom(`${h.url}/api/auth/device/`, {})).status).toBe(200);
  });
});
