// Device login end to end against the server's device API. The browser approval is server-auth's (covered by
// packages/server/test/browser.test.ts); here the approval goes through the server's own helper
// approveDeviceSession(ctx, userCode, userId), exactly what its Approve button calls.
import type { RunningServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDeviceSession, denyDeviceSession, deviceStore } from '../../../server/src/device/index.js';
import { AbortError, LoginError, type VerificationInfo } from '../../src/index.js';
import { clientFor, DEMO_USERS, startDemo } from '../helpers/server.js';

let server: RunningServer;
let aliceId: number;
beforeAll(async () => {
  server = await startDemo({ deviceInterval: 1 });
  aliceId = (await clientFor(server, 'alice').whoami()).user!.id;
});
afterAll(() => server.close());

describe('device login', () => {
  it('approved in the browser → token works and is reported as Alice', async () => {
    const c = clientFor(server, null);
    const shown: VerificationInfo[] = [];
    const res = await c.login({
      headless: true,
      onVerification: (info) => {
        shown.push(info);
        setTimeout(() => approveDeviceSession(server.ctx, info.userCode!, aliceId), 300);
      },
    });
    expect(shown[0]!.userCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(shown[0]!.verificationUri).toBe(`${server.url}account/authorize/`);
    expect(shown[0]!.verificationUriComplete).toMatch(/\/account\/authorize\/\?session=/);
    expect(shown[0]!.browserOpened).toBe(false);
    expect(res.method).toBe('device');
    expect(res.token).not.toBe(DEMO_USERS.alice.token);
    expect(c.tokenSource).toBe('login');
    expect((await c.whoami()).user?.email).toBe(DEMO_USERS.alice.email);
    expect((await c.load('session')).sessions.length).toBeGreaterThan(0);
  });

  it('denied → LoginError access_denied', async () => {
    const err = await clientFor(server, null)
      .login({
        headless: true,
        onVerification: (info) => {
          setTimeout(() => denyDeviceSession(server.ctx, info.userCode!), 200);
        },
      })
      .catch((e) => e);
    expect(err).toBeInstanceOf(LoginError);
    expect(err.code).toBe('access_denied');
    expect(err.message).toMatch(/denied/);
  });

  it('expired → LoginError expired_token', async () => {
    const store = deviceStore(server.ctx);
    const realNow = store.now;
    try {
      const err = await clientFor(server, null)
        .login({
          headless: true,
          onVerification: () => {
            store.now = () => Date.now() + 901_000;
          },
        })
        .catch((e) => e);
      expect(err).toBeInstanceOf(LoginError);
      expect(err.code).toBe('expired_token');
    } finally {
      store.now = realNow;
    }
  });

  it('abortable while polling', async () => {
    const ac = new AbortController();
    const err = await clientFor(server, null)
      .login({ headless: true, signal: ac.signal, onVerification: () => void setTimeout(() => ac.abort(), 200) })
      .catch((e) => e);
    expect(err).toBeInstanceOf(AbortError);
  });
});
