/**
 * Every HTML page the server serves — each parameterless GET route outside the JSON API, for an anonymous and a
 * signed-in visitor, plus the Web API Tool's first page — has a Content-Security-Policy without
 * 'unsafe-inline' and no inline style or script; the pages' style sheet is served as CSS.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { DEMO_USERS } from '../src/index.js';
import { registeredRoutes } from '../src/routes/registered.js';
import { API_TOOL_START } from '../src/web/api-tool/start.js';
import { PAGE_STYLESHEET } from '../src/web/assets.js';
import { WebClient } from './web-client.js';

/** What a browser asks for when it opens a page. */
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

let app: FastifyInstance;
let base: string;
beforeAll(async () => {
  ({ app } = await buildApp({ seed: 'demo', quiet: true }));
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  base = address.replace(/\/$/, '');
});
afterAll(() => app.close());

/** GET paths without parameters that are not JSON API routes (pages, and whatever else answers HTML). */
function pagePaths(): string[] {
  const paths = registeredRoutes(app)
    .filter((r) => r.method === 'GET' && r.config.api === undefined && !r.url.includes(':') && !r.url.includes('*'))
    .map((r) => r.url);
  return [...new Set([...paths, API_TOOL_START])].sort();
}

function checkPage(path: string, status: number, headers: Headers, body: string, problems: string[]): void {
  const csp = headers.get('content-security-policy');
  if (!csp) problems.push(`${path} (${status}): no Content-Security-Policy`);
  else if (csp.includes('unsafe-inline')) problems.push(`${path}: CSP allows 'unsafe-inline': ${csp}`);
  else if (!/default-src 'none'/.test(csp)) problems.push(`${path}: CSP does not default to 'none': ${csp}`);
  if (/<style/i.test(body)) problems.push(`${path}: inline <style>`);
  if (/\sstyle\s*=/i.test(body)) problems.push(`${path}: style attribute`);
  // A script element is a file, or a JSON data block (which never runs).
  for (const tag of body.match(/<script[^>]*>/gi) ?? []) {
    if (!/\ssrc="\/|type="application\/json"/.test(tag)) problems.push(`${path}: inline script ${tag}`);
  }
  if (/\son[a-z]+\s*=/i.test(body)) problems.push(`${path}: inline event handler`);
}

describe('strict Content-Security-Policy', () => {
  it('every HTML page, anonymous or signed in, forbids inline style and script and has none', async () => {
    const anonymous = new WebClient(base);
    const alice = new WebClient(base);
    expect((await alice.signIn(DEMO_USERS.alice.email, DEMO_USERS.alice.password)).status).toBe(303);
    const problems: string[] = [];
    const seen = new Set<string>();
    const paths = pagePaths();
    for (const path of paths) {
      for (const client of [anonymous, alice]) {
        const r = await client.get(path, { accept: BROWSER });
        if (!(r.headers.get('content-type') ?? '').startsWith('text/html')) continue;
        seen.add(path);
        checkPage(path, r.status, r.headers, r.html, problems);
      }
    }
    expect(problems).toEqual([]);
    // The pages this is about are among those checked.
    for (const page of [
      '/',
      '/account/login/',
      '/account/authorize/',
      '/private/users/tokens/',
      '/api/docs/',
      API_TOOL_START,
    ]) {
      expect(seen).toContain(page);
    }
  });

  it('the pages link one style sheet, which loads as CSS', async () => {
    const landing = await new WebClient(base).get('/', { accept: BROWSER });
    expect(landing.html).toContain(`<link rel="stylesheet" href="${PAGE_STYLESHEET}">`);
    expect(landing.headers.get('content-security-policy')).toContain("style-src 'self'");
    const css = await new WebClient(base).get(PAGE_STYLESHEET);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.html).toContain('.approve {');
    expect((await new WebClient(base).get('/assets/other.css')).status).toBe(404);
  });
});
