// The lazy interactive login: with no token and a person at a terminal, the first private request starts one
// device login (single-flight across concurrent requests), the public portal never does, and `interactive: false`
// or a non-terminal raises AuthenticationError instead. The terminal is replaced by a test platform; the device
// endpoints by a scripted loopback stub.
import { afterEach, describe, expect, it } from 'vitest';
import { BrainstemClient as CoreClient } from '../../src/client.js';
import { AuthenticationError } from '../../src/errors.js';
import type { Platform, TokenStore } from '../../src/platform.js';
import { json, type LocalServer, startHttp } from '../helpers/http.js';

let srv: LocalServer;
afterEach(() => srv?.close());

const saved = new Map<string, string>();
const store: TokenStore = {
  get: async (url) => (saved.has(url) ? { token: saved.get(url)!, source: 'memory' } : undefined),
  set: async (url, token) => void saved.set(url, token),
  delete: async (url) => saved.delete(url),
};
const notes: string[] = [];
const opened: string[] = [];
let terminal = true;
const prompts: string[] = [];
const TEST_PLATFORM: Platform = {
  tokenStore: store,
  canPrompt: () => terminal,
  prompt: async (q, o) => {
    prompts.push(`${q}${o?.hidden ? '(hidden)' : ''}`);
    return q.startsWith('Password') ? 'pw' : 'alice@example.org';
  },
  openBrowser: async (url) => {
    opened.push(url);
    return true;
  },
  notify: (m) => void notes.push(m),
};
class TerminalClient extends CoreClient {
  protected static override platform = TEST_PLATFORM;
}

async function deviceStub() {
  srv = await startHttp((req, res) => {
    if (req.url === '/api/auth/device/') {
      return json(res, 200, {
        device_code: 'dc',
        user_code: 'ABCD-EFGH',
        verification_uri: '/account/authorize/',
        verification_uri_complete: '/account/authorize/?session=s',
        interval: 0.05,
      });
    }
    if (req.url === '/api/auth/device/token/') return json(res, 200, { status: 'success', token: 'fresh' });
    if (req.url === '/api/token/') return json(res, 200, { token: 'pw-token' });
    json(res, 200, { sessions: [], projects: [] });
  });
}

describe('interactive login', () => {
  it('starts once for concurrent private requests, opens the browser, caches the token', async () => {
    await deviceStub();
    saved.clear();
    opened.length = 0;
    terminal = true;
    const c = new TerminalClient({ url: srv.url, logLevel: 'off' });
    await Promise.all([c.load('session'), c.load('session'), c.load('project')]);
    expect(srv.requests.filter((r) => r.url === '/api/auth/device/')).toHaveLength(1);
    expect(opened).toEqual([`${srv.url}account/authorize/?session=s`]);
    expect(saved.get(srv.url)).toBe('fresh');
    expect(c.tokenSource).toBe('login');
    expect(
      srv.requests
        .filter((r) => r.url.startsWith('/api/private/'))
        .every((r) => r.headers.authorization === 'Bearer fresh'),
    ).toBe(true);
  });

  it('headless option prints URL + code instead of opening a browser', async () => {
    await deviceStub();
    saved.clear();
    opened.length = 0;
    notes.length = 0;
    await new TerminalClient({ url: srv.url, logLevel: 'off', headless: true }).load('session');
    expect(opened).toEqual([]);
    expect(notes.join('\n')).toContain('ABCD-EFGH');
  });

  it('never for the public portal, nor with interactive: false, nor without a terminal', async () => {
    await deviceStub();
    saved.clear();
    terminal = true;
    await new TerminalClient({ url: srv.url, logLevel: 'off' }).load('project', { portal: 'public' });
    await expect(
      new TerminalClient({ url: srv.url, logLevel: 'off', interactive: false }).load('session'),
    ).rejects.toBeInstanceOf(AuthenticationError);
    terminal = false;
    await expect(new TerminalClient({ url: srv.url, logLevel: 'off' }).load('session')).rejects.toBeInstanceOf(
      AuthenticationError,
    );
    expect(srv.requests.filter((r) => r.url.startsWith('/api/auth/'))).toHaveLength(0);
    terminal = true;
  });

  it('password login prompts for what is missing (password hidden) and never when both are given', async () => {
    await deviceStub();
    prompts.length = 0;
    const c = new TerminalClient({ url: srv.url, logLevel: 'off' });
    expect((await c.login({ method: 'password' })).token).toBe('pw-token');
    expect(prompts).toEqual(['BrainSTEM email: ', 'Password: (hidden)']);
    expect(JSON.parse(srv.requests.at(-1)!.body)).toEqual({ username: 'alice@example.org', password: 'pw' });
    prompts.length = 0;
    await c.login({ method: 'password', email: 'bob@example.org', password: 'x' });
    expect(prompts).toEqual([]);
  });
});
