/**
 * The pages as a browser renders them (headless Chromium): the sign-out button is readable (WCAG contrast of its
 * computed colours), a `?user_code=` link fills in the code form, the approval page names the program by the
 * `client_name` it sent, and reloading after creating a token creates nothing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listTokens } from '../src/auth/index.js';
import { DEMO_USERS, findUserByEmail, type RunningServer, startServer } from '../src/index.js';
import { type Browser, launchBrowser } from './browser-harness.js';
import { postJson } from './device-harness.js';

let server: RunningServer;
let base = '';
let browser: Browser;
beforeAll(async () => {
  server = await startServer({ port: 0, seed: 'demo', deviceInterval: 1, quiet: true });
  base = server.url.replace(/\/$/, '');
  browser = await launchBrowser();
});
beforeEach(async () => {
  await browser.context.clearCookies();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, who: 'alice' | 'bob'): Promise<void> {
  await page.getByLabel('Email').fill(DEMO_USERS[who].email);
  await page.getByLabel('Password').fill(DEMO_USERS[who].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** WCAG 2 contrast ratio of two `rgb(…)`/`rgba(…)` colours (alpha ignored: callers pass opaque ones). */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('pages in headless Chromium', () => {
  it('the Sign out button is readable: text against its effective background has contrast ≥ 4.5', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/account/login/`);
    await signIn(page, 'alice');
    await page.waitForURL(/\/private\/users\/tokens\/$/);
    const button = page.getByRole('button', { name: 'Sign out' });
    await expect.poll(() => button.isVisible()).toBe(true);
    const colours = await button.evaluate((el) => {
      // The background actually behind the text: the first ancestor-or-self with an opaque background colour.
      let bg = 'rgb(255, 255, 255)';
      for (let n: Element | null = el; n; n = n.parentElement) {
        const c = getComputedStyle(n).backgroundColor;
        if (!/rgba\(.*,\s*0\)$/.test(c) && c !== 'transparent') {
          bg = c;
          break;
        }
      }
      return { fg: getComputedStyle(el).color, bg };
    });
    expect(contrast(colours.fg, colours.bg)).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });

  it('/account/authorize/?user_code=… fills in the code, even through sign-in; the page names the client', async () => {
    const s = (await postJson(`${base}/api/auth/device/`, { client_name: 'brainstem CLI' })).body as {
      user_code: string;
    };
    const page = await browser.context.newPage();
    await page.goto(`${base}/account/authorize/?user_code=${s.user_code.toLowerCase().replace('-', '')}`);
    await signIn(page, 'alice');
    await expect.poll(() => page.getByLabel('Code').inputValue()).toBe(s.user_code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('#client-name').textContent()).toBe('brainstem CLI');
    expect(await page.locator('#user-code').textContent()).toBe(s.user_code);
    await page.close();
  });

  it('the landing page signs a visitor in and back to it, with links to the API index and reference', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('BrainSTEM local server');
    expect(await page.getByRole('link', { name: 'API index' }).getAttribute('href')).toBe('/api/');
    expect(await page.getByRole('link', { name: 'API reference' }).getAttribute('href')).toBe('/api/docs/');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await signIn(page, 'alice');
    await page.waitForURL(`${base}/`);
    await expect.poll(() => page.locator('main').textContent()).toContain('You are signed in as alice@example.org');
    await page.close();
  });

  it('reloading the page after creating a token creates no second token and no longer shows it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/private/users/tokens/`);
    await signIn(page, 'bob');
    const bob = findUserByEmail(server.ctx.db, DEMO_USERS.bob.email);
    const before = listTokens(server.ctx.db, bob!.id).length;
    await page.getByLabel('Token name').fill('reload check');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.locator('#new-token').textContent()).toMatch(/^bst_/);
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('API tokens');
    expect(await page.locator('#new-token').count()).toBe(0);
    expect(listTokens(server.ctx.db, bob!.id)).toHaveLength(before + 1);
    await page.close();
  });
});
