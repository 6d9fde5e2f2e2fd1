// Device-flow edge cases the real server only reaches slowly or not at all (slow_down back-off, already_used,
// unexpected bodies, the expires_in deadline, older servers that send only session_id): a scripted loopback stub.
import { afterEach, describe, expect, it } from 'vitest';
import { AbortError, BrainstemClient, LoginError } from '../../src/index.js';
import { json, type LocalServer, startHttp } from '../helpers/http.js';

let srv: LocalServer;
afterEach(() => srv?.close());

async function stub(start: Record<string, unknown>, polls: unknown[]) {
  let i = 0;
  srv = await startHttp((req, res) => {
    if (req.url === '/api/auth/device/') return json(res, 200, start);
    if (req.url === '/api/auth/device/token/') return json(res, 200, polls[Math.min(i++, polls.length - 1)]);
    json(res, 404, {});
  });
  return srv;
}
const base = {
  device_code: 'dc',
  user_code: 'ABCD-EFGH',
  verification_uri: '/account/authorize/',
  expires_in: 60,
  interval: 0.05,
};
const client = (notes: string[] = []) => {
  const c = new BrainstemClient({
    url: srv.url,
    tokenStore: null,
    interactive: false,
    logger: { debug() {}, info() {}, warn: (m: string) => notes.push(m), error() {} },
  });
  return c;
};
const polls = () => srv.requests.filter((r) => r.url === '/api/auth/device/token/');

describe('device flow edge cases', () => {
  it('polls at the interval until success, posting the device_code; prints URL + code when headless', async () => {
    await stub(base, [
      { status: 'authorization_pending' },
      { status: 'authorization_pending' },
      { status: 'success', token: 'tok' },
    ]);
    const notes: string[] = [];
    const res = await client(notes).login({ headless: true, save: false });
    expect(res.token).toBe('tok');
    expect(polls()).toHaveLength(3);
    expect(JSON.parse(polls()[0]!.body)).toEqual({ device_code: 'dc' });
    expect(JSON.parse(srv.requests[0]!.body).client_name).toMatch(/brainstem-api-tools/);
    expect(srv.requests[0]!.headers.authorization).toBeUndefined();
    expect(notes.join('\n')).toContain(`Open ${srv.url}account/authorize/`);
    expect(notes.join('\n')).toContain('ABCD-EFGH');
  });

  it('slow_down adds 5 s to the interval', async () => {
    await stub(base, [{ error: 'slow_down' }, { status: 'success', token: 'tok' }]);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 1500);
    await expect(client().login({ headless: true, signal: ac.signal })).rejects.toBeInstanceOf(AbortError);
    expect(polls()).toHaveLength(1); // the second poll would only come ≥ 5 s later
  });

  it('already_used and unexpected answers stop with clear errors', async () => {
    await stub(base, [{ error: 'already_used' }]);
    const e1 = await client()
      .login({ headless: true })
      .catch((e) => e);
    expect(e1).toBeInstanceOf(LoginError);
    expect(e1.code).toBe('already_used');
    await srv.close();
    await stub(base, [{ status: 'weird' }]);
    const e2 = await client()
      .login({ headless: true })
      .catch((e) => e);
    expect(e2.code).toBe('bad_response');
    await srv.close();
    await stub({ nothing: true }, []);
    const e3 = await client()
      .login({ headless: true })
      .catch((e) => e);
    expect(e3.code).toBe('bad_response');
  });

  it('gives up at expires_in', async () => {
    await stub({ ...base, expires_in: 0.3 }, [{ status: 'authorization_pending' }]);
    const e = await client()
      .login({ headless: true })
      .catch((e) => e);
    expect(e).toBeInstanceOf(LoginError);
    expect(e.code).toBe('timeout');
  });

  it('accepts a server that sends only session_id and verification_uri_complete', async () => {
    await stub(
      {
        session_id: 'sid',
        verification_uri_complete: 'https://auth.example/account/authorize/?session=sid',
        interval: 0.05,
      },
      [{ status: 'success', token: 'tok2' }],
    );
    const seen: string[] = [];
    const res = await client().login({ onVerification: (i) => void seen.push(i.verificationUri), save: false });
    expect(res.token).toBe('tok2');
    expect(JSON.parse(polls()[0]!.body)).toEqual({ device_code: 'sid' });
    expect(seen).toEqual(['https://auth.example/account/authorize/']);
  });
});
