/**
 * CORS in a real browser: headless Chromium opens a page served by a second loopback server (another origin), and
 * the page uses the client's browser build (`packages/client/dist/index.js`, and the API description it imports,
 * `packages/api-description/dist/index.js`, mapped by an import map as a page without a bundler would; built by
 * `npm run build`) with a token to read and write through the API server started with `cors: [<page origin>]`.
 * The same page reached under a name that is not listed (`localhost` instead of `127.0.0.1`: another origin) is
 * blocked.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, type RunningServer, startServer } from '../src/index.js';
import { type Browser, launchBrowser } from './browser-harness.js';

const SCRIPTS: Record<string, string> = {
  '/client.js': readFileSync(join(import.meta.dirname, '../../client/dist/index.js'), 'utf8'),
  '/api-description.js': readFileSync(join(import.meta.dirname, '../../api-description/dist/index.js'), 'utf8'),
};
const PAGE = `<!doctype html><meta charset="utf-8"><title>cors page</title>
<script type="importmap">{ "imports": { "brainstem-api-description": "/api-description.js" } }</script>
<script type="module">
  import { BrainstemClient } from '/client.js';
  window.useApi = async (url, token) => {
    const client = new BrainstemClient({ url, token, maxRetries: 0, logLevel: 'silent' });
    try {
      const list = await client.load('project', { include: ['sessions'] });
      const created = await client.save('project', { data: { name: 'made in a browser' } });
      return { ok: true, names: list.projects.map((p) => p.name), created: created.project.name };
    } catch (e) {
      return { ok: false, error: e.name, message: String(e.message) };
    }
  };
  window.ready = true;
</script>`;

let pages: Server;
let pagePort: number;
let api: RunningServer;
let browser: Browser;
beforeAll(async () => {
  pages = createServer((req, res) => {
    const script = SCRIPTS[req.url ?? ''];
    if (script !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(script);
    } else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pagePort = (pages.address() as { port: number }).port;
  api = await startServer({ port: 0, seed: 'demo', quiet: true, cors: [`http://127.0.0.1:${pagePort}`] });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
  await new Promise((resolve) => pages?.close(resolve));
});

async function openPage(host: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`http://${host}:${pagePort}/`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  return page;
}

/** Run the page's client against the API server with Alice's token. */
function useApi(page: Page): Promise<Outcome> {
  type PageWindow = { useApi(url: string, token: string): Promise<Outcome> };
  return page.evaluate(([url, token]) => (window as unknown as PageWindow).useApi(url, token), [
    api.url,
    DEMO_USERS.alice.token,
  ] as const);
}

type Outcome = { ok: true; names: string[]; created: string } | { ok: false; error: string; message: string };

describe('the client bundle in Chromium, on another origin', () => {
  it('a listed origin loads (with include[]) and saves through the API with a token', async () => {
    const page = await openPage('127.0.0.1');
    const out = await useApi(page);
    expect(out).toMatchObject({ ok: true, created: 'made in a browser' });
    expect(out.ok && out.names.length).toBeGreaterThan(0);
    await page.close();
  });

  it('an origin that is not listed is blocked by the browser: the client sees a connection error', async () => {
    const page = await openPage('localhost');
    const out = await useApi(page);
    expect(out).toMatchObject({ ok: false, error: 'ConnectionError' });
    await page.close();
  });
});
