/**
 * /api/docs/ in headless Chromium: the Swagger UI page (served from the swagger-ui-dist package, no CDN) loads
 * /api/schema/ and lists the API's operations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/index.js';
import { type Browser, launchBrowser } from './browser-harness.js';

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({ port: 0, seed: 'none', quiet: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('/api/docs/', () => {
  it('renders the reference and lists operations', { timeout: 120_000 }, async () => {
    const page = await browser.context.newPage();
    const external: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(server.url)) external.push(req.url());
    });
    const res = await page.goto(`${server.url}api/docs/`);
    expect(res?.status()).toBe(200);
    // Tags start collapsed (the document has some 400 operations); opening one lists its operations.
    const stem = page.locator('.opblock-tag', { hasText: 'stem' }).first();
    await stem.waitFor({ timeout: 60_000 });
    expect(await page.locator('.opblock-tag').count()).toBeGreaterThanOrEqual(9);
    await stem.click();
    await page.getByText('/api/private/stem/session/', { exact: true }).first().waitFor({ timeout: 60_000 });
    expect(await page.locator('#swagger-ui').innerText()).toContain('BrainSTEM API');
    expect(await page.locator('.opblock').count()).toBeGreaterThan(50);
    expect(external).toEqual([]);
    await page.close();
  });

  it('serves only the known assets', async () => {
    expect((await fetch(`${server.url}api/docs/assets/swagger-ui.css`)).status).toBe(200);
    expect((await fetch(`${server.url}api/docs/assets/package.json`)).status).toBe(404);
  });
});
