/**
 * The Web API Tool's pages in real Chromium: axe-core (injected from the npm package) finds no serious or critical
 * violation on a list, a record, a form with the API's errors and an error page; the pages break no rule of their
 * Content-Security-Policy; and they fit a 390 px wide phone without sideways scrolling.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, type RunningServer, startServer } from '../src/index.js';
import { type Browser, launchBrowser } from './browser-harness.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: RunningServer;
let base = '';
let browser: Browser;
let page: Page;
const cspErrors: string[] = [];

beforeAll(async () => {
  server = await startServer({ port: 0, seed: 'demo', quiet: true });
  base = server.url.replace(/\/$/, '');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  await page.goto(`${base}/account/login/?next=/api/private/stem/project/`);
  await page.getByLabel('Email').fill(DEMO_USERS.alice.email);
  await page.getByLabel('Password').fill(DEMO_USERS.alice.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/api/private/stem/project/`);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Serious and critical axe violations of the page as shown (every <details> opened, so forms are checked). */
async function violations(): Promise<string[]> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  // Evaluated over the DevTools protocol, which the page's CSP does not govern (an inline <script> would be refused).
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<unknown> } }).axe;
    return (await axe.run(document)) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function pages(): Promise<Record<string, string>> {
  const project = (
    await (
      await fetch(`${base}/api/private/stem/project/`, {
        headers: { authorization: `Bearer ${DEMO_USERS.alice.token}` },
      })
    ).json()
  ).projects[0].id;
  return {
    list: '/api/private/stem/session/?limit=5&include[]=projects.*',
    detail: `/api/private/stem/project/${project}/`,
    error: '/api/private/stem/session/?filter{nmae}=x',
    missing: '/api/private/stem/session/00000000-0000-4000-8000-000000000000/',
  };
}

describe('accessibility and policy in Chromium', () => {
  it('has no serious or critical axe violation on the list, record, form and error pages', async () => {
    for (const [name, path] of Object.entries(await pages())) {
      await page.goto(base + path);
      expect(await violations(), name).toEqual([]);
    }
    // The form page: an add the API refused, shown with its errors.
    await page.goto(`${base}/api/private/modules/procedure/`);
    await page.locator('#write-add > summary').click();
    await page.locator('#write-add-content').fill('{"type": "nope"}');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.waitForURL(/#write-add$/);
    await expect.poll(() => page.locator('.field-error').count()).toBeGreaterThan(0);
    expect(await violations(), 'form with errors').toEqual([]);
    expect(cspErrors).toEqual([]);
  }, 120_000);

  it('fits 390 px and 1280 px wide windows without sideways scrolling', async () => {
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of Object.values(await pages())) {
        await page.goto(base + path);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
      }
    }
  }, 60_000);

  it('shows where the keyboard focus is', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${base}/api/private/stem/session/`);
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip');
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
  });
});
