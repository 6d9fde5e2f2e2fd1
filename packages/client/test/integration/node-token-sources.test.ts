// Token sources in the Node entry: option → env → .env → token cache (incl. the Python tool's file) → error;
// the cache file's location, permissions and atomic writes. Uses a temporary HOME/XDG_CONFIG_HOME and cwd.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BrainstemClient,
  configDir,
  DEFAULT_URL,
  FileTokenStore,
  pythonTokenPath,
  tokenCachePath,
} from '../../src/node.js';
import { json, type LocalServer, startHttp } from '../helpers/http.js';

const ENV_KEYS = ['HOME', 'XDG_CONFIG_HOME', 'BRAINSTEM_TOKEN', 'BRAINSTEM_API_TOKEN', 'BRAINSTEM_URL', 'CI'] as const;
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
const cwd = process.cwd();
let home: string;
let srv: LocalServer;

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'bs-home-'));
  process.env.HOME = home;
  delete process.env.XDG_CONFIG_HOME;
  delete process.env.BRAINSTEM_TOKEN;
  delete process.env.BRAINSTEM_API_TOKEN;
  delete process.env.BRAINSTEM_URL;
  srv = await startHttp((_req, res) => json(res, 200, { projects: [], user: { id: 1, email: 'a@b.c' } }));
});
afterEach(async () => {
  process.chdir(cwd);
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  await srv.close();
  rmSync(home, { recursive: true, force: true });
});
afterAll(() => process.chdir(cwd));

const quiet = { logLevel: 'off' as const, interactive: false };
const authOf = (i = 0) => srv.requests[i]?.headers.authorization;

describe('FileTokenStore', () => {
  it('lives in ~/.config/brainstem or $XDG_CONFIG_HOME/brainstem', () => {
    expect(configDir()).toBe(join(home, '.config', 'brainstem'));
    expect(tokenCachePath()).toBe(join(home, '.config', 'brainstem', 'tokens.json'));
    process.env.XDG_CONFIG_HOME = join(home, 'xdg');
    expect(tokenCachePath()).toBe(join(home, 'xdg', 'brainstem', 'tokens.json'));
    expect(pythonTokenPath()).toBe(join(home, '.config', 'brainstem', 'token'));
  });

  it('writes one JSON file keyed by URL, dir 0700, file 0600, atomically', async () => {
    const store = new FileTokenStore();
    await store.set('http://127.0.0.1:8000', 'tok-a');
    await store.set('https://WWW.brainstem.org/', 'tok-b');
    const dir = configDir();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    const data = JSON.parse(readFileSync(store.path, 'utf8'));
    expect(Object.keys(data).sort()).toEqual(['http://127.0.0.1:8000/', 'https://www.brainstem.org/']);
    expect(data['http://127.0.0.1:8000/'].token).toBe('tok-a');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await store.get('http://127.0.0.1:8000/')).toMatchObject({ token: 'tok-a' });
    expect(await store.urls()).toHaveLength(2);
    expect(await store.delete('http://127.0.0.1:8000/')).toBe(true);
    expect(await store.delete('http://127.0.0.1:8000/')).toBe(false);
    expect(await store.get('http://127.0.0.1:8000/')).toBeUndefined();
    expect(await store.clear()).toEqual(['https://www.brainstem.org/']);
    expect(await store.urls()).toEqual([]);
  });

  it('tightens an existing directory to 0700', async () => {
    mkdirSync(configDir(), { recursive: true, mode: 0o755 });
    await new FileTokenStore().set('http://127.0.0.1:1/', 't');
    expect(statSync(configDir()).mode & 0o777).toBe(0o700);
  });

  it("reads the Python tool's plain-text token for the default URL only", async () => {
    mkdirSync(join(home, '.config', 'brainstem'), { recursive: true });
    writeFileSync(pythonTokenPath(), 'py-token\n', { mode: 0o600 });
    const store = new FileTokenStore();
    expect(await store.get(DEFAULT_URL)).toEqual({ token: 'py-token', source: pythonTokenPath(), python: true });
    expect(await store.get('http://127.0.0.1:8000/')).toBeUndefined();
    await store.set(DEFAULT_URL, 'ours');
    expect((await store.get(DEFAULT_URL))?.token).toBe('ours');
    await store.clear();
    expect(readFileSync(pythonTokenPath(), 'utf8')).toBe('py-token\n'); // never touched
  });

  it("logout for the default URL reports the Python tool's token that still applies", async () => {
    mkdirSync(join(home, '.config', 'brainstem'), { recursive: true });
    writeFileSync(pythonTokenPath(), 'py-token\n', { mode: 0o600 });
    const c = new BrainstemClient({ url: DEFAULT_URL, ...quiet });
    await new FileTokenStore().set(DEFAULT_URL, 'ours');
    expect(await c.logout()).toEqual({
      removed: [DEFAULT_URL],
      remaining: { source: pythonTokenPath(), python: true },
    });
    expect(readFileSync(pythonTokenPath(), 'utf8')).toBe('py-token\n'); // another tool's file: left alone
    expect(await new BrainstemClient({ url: 'http://127.0.0.1:8000/', ...quiet }).logout()).toEqual({ removed: [] });
  });
});

describe('token resolution (Node entry)', () => {
  it('option beats env; BRAINSTEM_TOKEN beats BRAINSTEM_API_TOKEN', async () => {
    process.env.BRAINSTEM_TOKEN = 'env-tok';
    process.env.BRAINSTEM_API_TOKEN = 'api-tok';
    const c1 = new BrainstemClient({ url: srv.url, token: 'opt-tok', ...quiet });
    await c1.load('project');
    expect(authOf(0)).toBe('Bearer opt-tok');
    expect(c1.tokenSource).toBe('option');
    const c2 = new BrainstemClient({ url: srv.url, ...quiet });
    await c2.load('project');
    expect(authOf(1)).toBe('Bearer env-tok');
    expect(c2.tokenSource).toBe('env:BRAINSTEM_TOKEN');
    delete process.env.BRAINSTEM_TOKEN;
    const c3 = new BrainstemClient({ url: srv.url, ...quiet });
    await c3.load('project');
    expect(authOf(2)).toBe('Bearer api-tok');
  });

  it('reads BRAINSTEM_URL', () => {
    process.env.BRAINSTEM_URL = 'http://127.0.0.1:9999';
    expect(new BrainstemClient().url).toBe('http://127.0.0.1:9999/');
    delete process.env.BRAINSTEM_URL;
    expect(new BrainstemClient().url).toBe('https://www.brainstem.org/');
  });

  it('loads .env from the working directory without overriding set variables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bs-cwd-'));
    writeFileSync(join(dir, '.env'), 'BRAINSTEM_API_TOKEN=dotenv-tok\n');
    process.chdir(dir);
    const c = new BrainstemClient({ url: srv.url, ...quiet });
    await c.load('project');
    expect(authOf(0)).toBe('Bearer dotenv-tok');
    expect(c.tokenSource).toBe('.env');

    const dir2 = mkdtempSync(join(tmpdir(), 'bs-cwd-'));
    writeFileSync(join(dir2, '.env'), 'BRAINSTEM_TOKEN=from-file\n');
    process.chdir(dir2);
    process.env.BRAINSTEM_TOKEN = 'from-env';
    await new BrainstemClient({ url: srv.url, ...quiet }).load('project');
    expect(authOf(1)).toBe('Bearer from-env');
    rmSync(dir, { recursive: true, force: true });
    rmSync(dir2, { recursive: true, force: true });
  });

  it('falls back to the token cache for this URL', async () => {
    await new FileTokenStore().set(srv.url, 'cached-tok');
    const c = new BrainstemClient({ url: srv.url, ...quiet });
    await c.load('project');
    expect(authOf(0)).toBe('Bearer cached-tok');
    expect(c.tokenSource).toBe('cache');
  });

  it('without any token: AuthenticationError before a request; public portal goes anonymous', async () => {
    const c = new BrainstemClient({ url: srv.url, ...quiet });
    const err = await c.load('project').catch((e) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.code).toBe('no_token');
    expect(err.message).toMatch(/BRAINSTEM_TOKEN/);
    expect(err.message).toMatch(/login/);
    expect(srv.requests).toHaveLength(0);
    await c.load('project', { portal: 'public' });
    expect(srv.requests).toHaveLength(1);
    expect(authOf(0)).toBeUndefined();
  });

  it('login({ method: "token" }) checks the token, caches it; logout removes it', async () => {
    const c = new BrainstemClient({ url: srv.url, ...quiet });
    const res = await c.login({ method: 'token', token: 'given-tok' });
    expect(res).toMatchObject({ token: 'given-tok', method: 'token', saved: true });
    expect(srv.requests[0]?.url).toBe('/api/auth/whoami/');
    expect(authOf(0)).toBe('Bearer given-tok');
    expect((await new FileTokenStore().get(srv.url))?.token).toBe('given-tok');
    await c.load('project');
    expect(authOf(1)).toBe('Bearer given-tok');
    expect(await c.logout()).toEqual({ removed: [srv.url] });
    expect(await new FileTokenStore().get(srv.url)).toBeUndefined();
    await expect(c.load('project')).rejects.toBeInstanceOf(AuthenticationError);
  });
});
