/**
 * CORS in a real browser: headless Chromium opens a page served by a second loopback server (another origin), and
 * the page uses the client's browser build (`packages/client/dist/index.js`, and the API description it imports,
 * `packages/api-description/dist/index.js`, mapped by an import map as a page without a bundler would; built by
 * `npm run build`) with a token to read and write through the API server started with `cors: [<page origin>]`.
 * A page whose origin the server does not allow (a server without `cors`, or the same page reached under
 * `localhost` instead of `127.0.0.1`: another origin) is blocked by the browser; the client reports that after one
 * attempt, with the `--cors` option that would allow it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
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
  import { BrainstemClient, ConnectionError, NotFoundError } from '/client.js';
  const failure = (e) => ({
    ok: false,
    error: e.name,
    message: String(e.message),
    attempts: e.attempts,
    crossOrigin: e instanceof ConnectionError ? e.crossOrigin : undefined,
  });
  window.useApi = async (url, token) => {
    const client = new BrainstemClient({ url, token, logLevel: 'silent' });
    try {
      const list = await client.load('project', { include: ['sessions'] });
      const iterated = [];
      for await (const p of client.iterate('project', { pageSize: 1 })) iterated.push(p.name);
      const created = await client.save('project', { data: { name: 'made in a browser' } });
      let missing;
      try {
        await client.load('project', { id: '00000000-0000-4000-8000-000000000000' });
      } catch (e) {
        missing = { name: e.name, notFound: e instanceof NotFoundError, status: e.status };
      }
      return { ok: true, names: list.projects.map((p) => p.name), iterated, created: created.project.name, missing };
    } catch (e) {
      return failure(e);
    }
  };
  window.iterateApi = async (url, token) => {
    const client = new BrainstemClient({ url, token, logLevel: 'silent' });
    try {
      for await (const p of client.iterate('project', { pageSize: 1 })) void p;
      return { ok: true };
    } catch (e) {
      return failure(e);
    }
  };
  window.ready = true;
</script>`;

let pages: Server;
let pagePort: number;
let api: RunningServer;
let closed: RunningServer;
/** Requests the server without `cors` received (the browser's preflights). */
const reachedClosed: string[] = [];
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
  closed = await startServer({ port: 0, seed: 'demo', quiet: true });
  closed.app.server.on('request', (req: IncomingMessage) => reachedClosed.push(`${req.method} ${req.url}`));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
  await closed?.close();
  await new Promise((resolve) => pages?.close(resolve));
});

async function openPage(host: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`http://${host}:${pagePort}/`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  return page;
}

type PageCall = 'useApi' | 'iterateApi';

/** Run one of the page's functions against an API server with Alice's token. */
function call(page: Page, fn: PageCall, server: RunningServer = api): Promise<Outcome> {
  type PageWindow = Record<PageCall, (url: string, token: string) => Promise<Outcome>>;
  return page.evaluate(([fn, url, token]) => (window as unknown as PageWindow)[fn](url, token), [
    fn,
    server.url,
    DEMO_USERS.alice.token,
  ] as const);
}

type Outcome =
  | {
      ok: true;
      names: string[];
      iterated: string[];
      created: string;
      missing: { name: string; notFound: boolean; status: number };
    }
  | { ok: false; error: string; message: string; attempts: number; crossOrigin?: string };

describe('the client bundle in Chromium, on another origin', () => {
  it('a listed origin lists (with include[]), iterates, saves and gets error classes through the API', async () => {
    const page = await openPage('127.0.0.1');
    const out = await call(page, 'useApi');
    if (!out.ok) throw new Error(out.message);
    expect(out.created).toBe('made in a browser');
    expect(out.names.length).toBeGreaterThan(1);
    // One record a page: iterate followed `next` across every page and met each record of the list once.
    expect([...out.iterated].sort()).toEqual([...out.names].sort());
    expect(out.missing).toEqual({ name: 'NotFoundError', notFound: true, status: 404 });
    await page.close();
  });

  it('a server that allows no origin fails the first call at once, naming the --cors option for this page', async () => {
    const page = await openPage('127.0.0.1');
    const origin = `http://127.0.0.1:${pagePort}`;
    for (const fn of ['useApi', 'iterateApi'] as const) {
      reachedClosed.length = 0;
      const out = await call(page, fn, closed);
      expect(out).toMatchObject({ ok: false, error: 'ConnectionError', attempts: 1, crossOrigin: origin });
      expect(!out.ok && out.message).toContain(`brainstem-server --cors ${origin}`);
      expect(!out.ok && out.message).toContain(`a BrainSTEM server must list ${origin} among its allowed origins`);
      // One preflight, refused: no retry, and the walk does not carry on.
      expect(reachedClosed).toEqual([expect.stringMatching(/^OPTIONS \/api\/private\/stem\/project\//)]);
    }
    await page.close();
  });

  it('an origin that is not listed is blocked by the browser: one attempt, with the hint for that origin', async () => {
    const page = await openPage('localhost');
    const out = await call(page, 'useApi');
    expect(out).toMatchObject({ ok: false, error: 'ConnectionError', attempts: 1 });
    expect(!out.ok && out.message).toContain(`brainstem-server --cors http://localhost:${pagePort}`);
    await page.close();
  });
});
