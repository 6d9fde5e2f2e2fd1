/**
 * CORS for listed web origins (`--cors`, `BRAINSTEM_CORS`, option `cors`): preflights and response headers per
 * the Fetch standard, nothing for other origins, and no CORS header at all when the option is off.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORS_MAX_AGE } from '../src/cors.js';
import { DEMO_USERS, resolveOptions } from '../src/index.js';
import { demoServer, type TestClient } from './helpers.js';

const LISTED = 'http://127.0.0.1:5173';
const OTHER = 'http://evil.example';
const PROJECTS = 'api/private/stem/project/';

let on: TestClient;
let off: TestClient;
beforeAll(async () => {
  on = await demoServer({ cors: [LISTED, 'https://lab.example.org'] });
  off = await demoServer();
});
afterAll(async () => {
  await on.close();
  await off.close();
});

function preflight(c: TestClient, origin: string, method = 'PATCH') {
  return fetch(c.url + PROJECTS, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': method,
      'Access-Control-Request-Headers': 'authorization,content-type',
    },
  });
}

function getFrom(c: TestClient, origin: string) {
  return fetch(c.url + PROJECTS, { headers: { Origin: origin, Authorization: `Bearer ${DEMO_USERS.alice.token}` } });
}

describe('CORS with listed origins', () => {
  it('answers a preflight from a listed origin with 204 and the allowed methods, headers and max age', async () => {
    const res = await preflight(on, LISTED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, PATCH, DELETE');
    expect(res.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
    expect(res.headers.get('access-control-max-age')).toBe(String(CORS_MAX_AGE));
  });

  it('echoes the listed origin on actual responses, errors included, and exposes Retry-After', async () => {
    const ok = await getFrom(on, 'https://lab.example.org');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://lab.example.org');
    expect(ok.headers.get('access-control-expose-headers')).toMatch(/\bRetry-After\b/);
    expect(ok.headers.get('vary')).toMatch(/\bOrigin\b/);
    const unauthenticated = await fetch(on.url + PROJECTS, { headers: { Origin: LISTED } });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('access-control-allow-origin')).toBe(LISTED);
  });

  it('gives an origin that is not listed no CORS headers (the browser then blocks it)', async () => {
    const pre = await preflight(on, OTHER);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-methods')).toBeNull();
    const res = await getFrom(on, OTHER);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
  });

  it('origins are compared as browsers send them (scheme, host and port)', async () => {
    expect((await getFrom(on, 'http://127.0.0.1:5174')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await getFrom(on, 'https://127.0.0.1:5173')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS off (the default)', () => {
  it('sends no CORS header at all, for preflights or responses', async () => {
    for (const res of [await preflight(off, LISTED), await getFrom(off, LISTED)]) {
      const cors = [...res.headers.keys()].filter((k) => k.startsWith('access-control-'));
      expect(cors).toEqual([]);
      expect(res.headers.get('vary') ?? '').not.toMatch(/Origin/);
    }
  });
});

describe('configuring origins', () => {
  it('normalises origins and rejects paths, wildcards and other schemes, naming the value', () => {
    expect(resolveOptions({ cors: ['HTTP://LocalHost:5173/'] }).cors).toEqual(['http://localhost:5173']);
    for (const bad of ['*', 'null', 'http://x.org/app', 'ftp://x.org', 'localhost:5173']) {
      expect(() => resolveOptions({ cors: [bad] })).toThrow(`Invalid CORS origin "${bad}"`);
    }
  });

  it('brainstem-server takes --cors (repeatable, comma-separated) and BRAINSTEM_CORS', async () => {
    const bin = join(import.meta.dirname, '../src/bin.ts');
    /** Start the command, and answer which of `origins` get an Access-Control-Allow-Origin. */
    async function allowedBy(args: string[], env: Record<string, string>, origins: string[]) {
      const child = spawn(process.execPath, ['--import', 'tsx', bin, '--port', '0', '--quiet', ...args], {
        cwd: join(import.meta.dirname, '../../..'),
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (d) => {
            out += d;
            const m = /listening on (http:\/\/\S+\/)/.exec(out);
            if (m) resolve(m[1] as string);
          });
          child.on('exit', (code) => reject(new Error(`exited ${code}`)));
        });
        const allowed: string[] = [];
        for (const origin of origins) {
          const res = await fetch(`${url}api/public/stem/project/`, { headers: { Origin: origin } });
          const echoed = res.headers.get('access-control-allow-origin');
          if (echoed) allowed.push(echoed);
        }
        return allowed;
      } finally {
        child.kill('SIGTERM');
      }
    }
    const origins = ['http://a.example', 'http://b.example', 'http://c.example', 'http://x.example'];
    const flags = ['--cors', 'http://a.example,http://b.example', '--cors', 'http://c.example'];
    expect(await allowedBy(flags, {}, origins)).toEqual(['http://a.example', 'http://b.example', 'http://c.example']);
    const env = { BRAINSTEM_CORS: 'http://b.example, http://x.example' };
    expect(await allowedBy([], env, origins)).toEqual(['http://b.example', 'http://x.example']);
  });
});
