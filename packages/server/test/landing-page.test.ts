/**
 * `GET /`: an HTML page for browsers (what the server is, demo accounts when the demo data is loaded, sign-in,
 * tokens, the API index and reference); JSON links for clients that do not ask for HTML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, type RunningServer, startServer } from '../src/index.js';
import { WebClient } from './web-client.js';

let demo: RunningServer;
let empty: RunningServer;
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

beforeAll(async () => {
  [demo, empty] = await Promise.all([
    startServer({ port: 0, seed: 'demo', quiet: true }),
    startServer({ port: 0, quiet: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([demo?.close(), empty?.close()]);
});

const base = (s: RunningServer) => s.url.replace(/\/$/, '');

describe('GET / in a browser', () => {
  it('says what the server is and links sign-in, tokens, the API index and the API reference', async () => {
    const r = await new WebClient(base(demo)).get('/', { accept: BROWSER_ACCEPT });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(r.html).toContain('<h1>BrainSTEM local server</h1>');
    expect(r.html).toContain('BrainSTEM-compatible API server');
    for (const href of ['/api/', '/api/docs/', '/private/users/tokens/', '/account/login/?next=%2F']) {
      expect(r.html).toContain(`href="${href}"`);
    }
    expect(r.html).not.toMatch(/<script|src=/i);
    // The one linked file is this server's style sheet.
    expect(r.html.match(/<link[^>]*>/gi)).toEqual(['<link rel="stylesheet" href="/assets/pages.css">']);
  });

  it('lists the demo accounts (email, password, token) when the demo data is loaded', async () => {
    const r = await new WebClient(base(demo)).get('/', { accept: BROWSER_ACCEPT });
    expect(r.html).toContain('id="demo-accounts"');
    for (const u of Object.values(DEMO_USERS)) {
      expect(r.html).toContain(u.email);
      expect(r.html).toContain(u.token);
    }
    expect(r.html).toContain('brainstem-demo');
  });

  it('lists no accounts on a server without demo data, and says how to create one', async () => {
    const r = await new WebClient(base(empty)).get('/', { accept: BROWSER_ACCEPT });
    expect(r.status).toBe(200);
    expect(r.html).not.toContain('id="demo-accounts"');
    expect(r.html).not.toContain('brainstem-demo');
    expect(r.html).toContain('brainstem-server user create');
  });

  it('greets a signed-in visitor by email, with Sign out', async () => {
    const web = new WebClient(base(demo));
    await web.signIn(DEMO_USERS.bob.email, DEMO_USERS.bob.password, '/');
    const r = await web.get('/', { accept: BROWSER_ACCEPT });
    expect(r.html).toContain('You are signed in as <strong>bob@example.org</strong>');
    expect(r.html).toContain('Sign out');
  });
});

describe('GET / for API clients', () => {
  it.each([
    'application/json',
    '*/*',
    '',
    'text/html;q=0, application/json',
  ])('Accept "%s" answers JSON links to the API', async (accept) => {
    const res = await fetch(demo.url, { headers: accept ? { accept } : {} });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Record<string, string>;
    expect(body.api).toBe(`${base(demo)}/api/`);
    expect(body.docs).toBe(`${base(demo)}/api/docs/`);
  });
});
