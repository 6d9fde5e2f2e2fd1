/**
 * Device authorization flow over HTTP (the API docs, "CLI Device Authorization Flow"): every poll outcome,
 * the start response, input validation, and that no secret is stored or logged in plaintext.
 */
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listTokens } from '../src/auth/index.js';
import { approveDeviceSession, denyDeviceSession, deviceStore } from '../src/device/index.js';
import { type Harness, postJson, startHarness } from './device-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ deviceInterval: 1 });
});
afterEach(async () => {
  await h.close();
});

const start = async (body: unknown = { client_name: 'brainstem-python' }) => {
  const r = await postJson(`${h.url}/api/auth/device/`, body);
  expect(r.status).toBe(200);
  return r.body as {
    device_code: string;
    user_code: string;
    session_id: string;
    verification_uri: string;
    verification_uri_complete: string;
    expires_in: number;
    interval: number;
  };
};
const poll = async (device_code: unknown) => postJson(`${h.url}/api/auth/device/token/`, { device_code });

describe('POST /api/auth/device/', () => {
  it('returns the documented keys, with URIs on this server and the configured interval', async () => {
    const s = await start();
    expect(Object.keys(s).sort()).toEqual(
      [
        'device_code',
        'expires_in',
        'interval',
        'session_id',
        'user_code',
        'verification_uri',
        'verification_uri_complete',
      ].sort(),
    );
    expect(s.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[0-9]{4}$/);
    expect(s.device_code.length).toBeGreaterThanOrEqual(43);
    expect(s.verification_uri).toBe(`${h.url}/account/authorize/`);
    expect(s.verification_uri_complete).toBe(`${h.url}/account/authorize/?session=${s.session_id}`);
    expect(s.expires_in).toBe(900);
    expect(s.interval).toBe(1);
  });

  it('builds the URIs from the Host the client used', async () => {
    const port = new URL(h.url).port;
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/auth/device/',
          method: 'POST',
          headers: { host: `localhost:${port}`, 'content-type': 'application/json' },
        },
        (res) => {
          let data = '';
          res.on('data', (c) => {
            data += c;
          });
          res.on('end', () => resolve(data));
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(JSON.parse(body).verification_uri).toBe(`http://localhost:${port}/account/authorize/`);
  });

  it('ignores a Host header that is not a plain host[:port]', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/device/',
      headers: { host: 'evil.example/"><script>', 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().verification_uri).not.toContain('evil');
  });

  it('accepts an empty body as the MATLAB tool sends it, with a placeholder client name', async () => {
    const s = await start({});
    expect(deviceStore(h.ctx).find(s.session_id)?.clientName).toBe('Unnamed API client');
  });

  it('rejects a client_name that is not a string or too long, naming the field', async () => {
    const bad = await postJson(`${h.url}/api/auth/device/`, { client_name: 42 });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ client_name: ['Not a valid string.'] });
    const long = await postJson(`${h.url}/api/auth/device/`, { client_name: 'x'.repeat(201) });
    expect(long.status).toBe(400);
    expect(Object.keys(long.body)).toEqual(['client_name']);
  });

  it('never fails on odd bodies (no 500): arrays, null, strings, numbers, nested junk', async () => {
    for (const payload of ['[]', 'null', '"x"', '42', '{"client_name": {"a": 1}}', '{"client_name": ["x"]}', '{}']) {
      for (const url of ['/api/auth/device/', '/api/auth/device/token/']) {
        const res = await fetch(h.url + url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: payload,
        });
        expect(res.status, `${url} ${payload}`).toBeLessThan(500);
        await res.text();
      }
    }
  });

  it('stores only a hash of the device code', async () => {
    const s = await start();
    const dump = JSON.stringify(h.ctx.db.prepare('SELECT * FROM device_sessions').all());
    expect(dump).not.toContain(s.device_code);
  });
});

describe('POST /api/auth/device/token/', () => {
  it('is pending until approved, then succeeds exactly once, then says already_used', async () => {
    const s = await start();
    expect(await poll(s.device_code)).toEqual({ status: 200, body: { status: 'authorization_pending' } });
    expect(approveDeviceSession(h.ctx, s.user_code, h.alice.id)).toBe('ok');
    h.advance(1000);
    const ok = await poll(s.device_code);
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('success');
    const token = ok.body.token as string;
    expect(token).toMatch(/^bst_/);
    // An ordinary personal access token of the approving user, named after the client.
    const who = await fetch(`${h.url}/api/auth/whoami/`, { headers: { authorization: `Bearer ${token}` } });
    expect(who.status).toBe(200);
    expect(((await who.json()) as { user: { email: string } }).user.email).toBe('alice@example.org');
    expect(listTokens(h.ctx.db, h.alice.id).map((t) => t.name)).toEqual(['brainstem-python (device login)']);
    h.advance(1000);
    expect(await poll(s.device_code)).toEqual({ status: 200, body: { error: 'already_used' } });
    h.advance(1000);
    expect(await poll(s.device_code)).toEqual({ status: 200, body: { error: 'already_used' } });
    expect(listTokens(h.ctx.db, h.alice.id)).toHaveLength(1);
  });

  it('answers access_denied after Deny, on every later poll', async () => {
    const s = await start();
    expect(denyDeviceSession(h.ctx, s.session_id, h.alice.id)).toBe('ok');
    expect(await poll(s.device_code)).toEqual({ status: 200, body: { error: 'access_denied' } });
    h.advance(2000);
    expect(await poll(s.device_code)).toEqual({ status: 200, body: { error: 'access_denied' } });
    expect(approveDeviceSession(h.ctx, s.session_id, h.alice.id)).toBe('already_decided');
    expect(listTokens(h.ctx.db, h.alice.id)).toHaveLength(0);
  });

  it('answers expired_token once the 15-minute window has passed, and refuses approval then', async () => {
    const s = await start();
    h.advance(899_000);
    expect((await poll(s.device_code)).body).toEqual({ status: 'authorization_pending' });
    h.advance(1_000);
    expect(await poll(s.device_code)).toEqual({ status: 200, body: { error: 'expired_token' } });
    expect(approveDeviceSession(h.ctx, s.session_id, h.alice.id)).toBe('expired');
    // The user code no longer finds the session either.
    expect(approveDeviceSession(h.ctx, s.user_code, h.alice.id)).toBe('not_found');
  });

  it('answers expired_token for an approval that was never collected in time', async () => {
    const s = await start();
    approveDeviceSession(h.ctx, s.session_id, h.alice.id);
    h.advance(900_000);
    expect((await poll(s.device_code)).body).toEqual({ error: 'expired_token' });
    expect(listTokens(h.ctx.db, h.alice.id)).toHaveLength(0);
  });

  it('answers slow_down only to polls less than 1 s apart', async () => {
    const s = await start();
    expect((await poll(s.device_code)).body).toEqual({ status: 'authorization_pending' });
    h.advance(200);
    expect(await poll(s.device_code)).toEqual({ status: 200, body: { error: 'slow_down' } });
    h.advance(900);
    expect((await poll(s.device_code)).body).toEqual({ error: 'slow_down' });
    h.advance(1000); // exactly the advertised interval of 1 s
    expect((await poll(s.device_code)).body).toEqual({ status: 'authorization_pending' });
    h.advance(3000); // the MATLAB tool's fixed 3 s
    expect((await poll(s.device_code)).body).toEqual({ status: 'authorization_pending' });
    h.advance(5000); // the documented 5 s
    expect((await poll(s.device_code)).body).toEqual({ status: 'authorization_pending' });
  });

  it('hands out the token even to a fast poll once approved (slow_down only replaces "pending")', async () => {
    const s = await start();
    await poll(s.device_code);
    approveDeviceSession(h.ctx, s.user_code.toLowerCase().replace('-', ''), h.bob.id);
    h.advance(100);
    const r = await poll(s.device_code);
    expect(r.body.status).toBe('success');
  });

  it('answers invalid_grant (HTTP 200) to an unknown device code and 400 to a missing one', async () => {
    expect(await poll('no-such-code')).toEqual({ status: 200, body: { error: 'invalid_grant' } });
    const missing = await postJson(`${h.url}/api/auth/device/token/`, {});
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ device_code: ['This field is required.'] });
    expect((await poll(12345)).status).toBe(400);
  });

  it('keeps device codes and tokens out of the server log', async () => {
    const s = await start();
    approveDeviceSession(h.ctx, s.session_id, h.alice.id);
    const r = await poll(s.device_code);
    const log = h.logs.join('\n');
    expect(log).toContain('/api/auth/device/token/'); // the log does record requests…
    expect(log).not.toContain(s.device_code); // …but never their secrets
    expect(log).not.toContain(r.body.token as string);
  });
});
