/**
 * Device login in a real browser (issue 4): headless Chromium signs in on /account/authorize/, approves or
 * denies, and the polling side — which behaves like the official Python client (sleep `interval`, then poll) —
 * receives a working token or `access_denied`.
 */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser } from './browser-harness.js';
import { type Harness, PASSWORD, postJson, startHarness } from './device-harness.js';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  h = await startHarness({ deviceInterval: 1 });
  browser = await launchBrowser();
});
beforeEach(async () => {
  // Each test starts signed out, so none depends on another's browser state.
  await browser.context.clearCookies();
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
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
