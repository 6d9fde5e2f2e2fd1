/**
 * Device login in a real browser: headless Chromium signs in on /account/authorize/, approves or
 * denies, and the polling side — which behaves like the official Python client (sleep `interval`, then poll) —
 * receives a working token or `access_denied`.
 */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USERS, type RunningServer, startServer } from '../src/index.js';
import { type Browser, launchBrowser } from './browser-harness.js';
import { postJson } from './device-harness.js';

/** The real server (demo seed), so this is the product end to end; its URL without the trailing slash. */
let server: RunningServer;
const h = { url: '' };
const PASSWORD = DEMO_USERS.alice.password;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({ port: 0, seed: 'demo', deviceInterval: 1, quiet: true });
  h.url = server.url.replace(/\/$/, '');
  browser = await launchBrowser();
});
beforeEach(async () => {
  // Each test starts signed out, so none depends on another's browser state.
  await browser.context.clearCookies();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Started {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  interval: number;
}

async function startDeviceLogin(client_name: string): Promise<Started> {
  const r = await postJson(`${h.url}/api/auth/device/`, { client_name });
  expect(r.status).toBe(200);
  return r.body as unknown as Started;
}

/** Polls like the Python client: sleep `interval` seconds, poll, repeat while pending. */
async function pollUntilDone(s: Started): Promise<Record<string, unknown>> {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, s.interval * 1000));
    const r = await postJson(`${h.url}/api/auth/device/token/`, { device_code: s.device_code });
    expect(r.status).toBe(200);
    if (r.body.status !== 'authorization_pending') return r.body;
  }
  throw new Error('device login did not finish');
}

/** Fills the sign-in form the authorize page shows to a signed-out visitor (found by its labels). */
async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('device login in headless Chromium', () => {
  it('signs in, approves, and the poller receives a working token', async () => {
    const s = await startDeviceLogin('brainstem-python');
    const polling = pollUntilDone(s);
    const page = await browser.context.newPage();
    await page.goto(s.verification_uri_complete);
    // Not signed in yet: the sign-in form comes first.
    await signIn(page, 'alice@example.org');
    // Back on the authorize page: who is asking, and the code to compare.
    await expect.poll(() => page.locator('#client-name').textContent()).toBe('brainstem-python');
    expect(await page.locator('#user-code').textContent()).toBe(s.user_code);
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Device approved');

    const result = await polling;
    expect(result.status).toBe('success');
    const who = await fetch(`${h.url}/api/auth/whoami/`, { headers: { authorization: `Bearer ${result.token}` } });
    expect(who.status).toBe(200);
    expect(((await who.json()) as { user: { email: string } }).user.email).toBe('alice@example.org');
    // …and on a private list: the same projects Alice's demo token sees.
    const mine = await fetch(`${h.url}/api/private/stem/project/`, {
      headers: { authorization: `Bearer ${result.token}` },
    });
    const demo = await fetch(`${h.url}/api/private/stem/project/`, {
      headers: { authorization: `Bearer ${DEMO_USERS.alice.token}` },
    });
    expect(mine.status).toBe(200);
    const count = ((await mine.json()) as { count: number }).count;
    expect(count).toBeGreaterThan(0);
    expect(count).toBe(((await demo.json()) as { count: number }).count);
    // Collected once: the next poll says so.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await postJson(`${h.url}/api/auth/device/token/`, { device_code: s.device_code })).body).toEqual({
      error: 'already_used',
    });
    await page.close();
  });

  it('signs in, denies, and the poller gets access_denied', async () => {
    const s = await startDeviceLogin('matlab');
    const polling = pollUntilDone(s);
    const page = await browser.context.newPage();
    await page.goto(s.verification_uri_complete);
    await signIn(page, 'bob@example.org');
    await expect.poll(() => page.locator('#client-name').textContent()).toBe('matlab');
    await page.getByRole('button', { name: 'Deny' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Request denied');
    expect(await polling).toEqual({ error: 'access_denied' });
    await page.close();
  });

  it('headless mode: the user types the code on /account/authorize/ and approves', async () => {
    const s = await startDeviceLogin('brainstem-cli');
    const polling = pollUntilDone(s);
    const page = await browser.context.newPage();
    await page.goto(s.verification_uri);
    await signIn(page, 'alice@example.org');
    await page.getByLabel('Code').fill(s.user_code.toLowerCase());
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('#client-name').textContent()).toBe('brainstem-cli');
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Device approved');
    const result = await polling;
    expect(result.status).toBe('success');
    expect(String(result.token)).toMatch(/^bst_/);
    await page.close();
  });
});
