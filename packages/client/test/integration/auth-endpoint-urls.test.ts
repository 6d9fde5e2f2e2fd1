// The client asks for the auth endpoints at exactly the URLs the API description names (the server's routes are
// held to the same names by packages/server/test/description-paths-served.test.ts): password login, the device
// flow's start and poll, and whoami, each against the real local server.
import { AUTH_ENDPOINTS, DEVICE_APPROVAL_PAGE } from 'brainstem-api-description';
import type { RunningServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDeviceSession } from '../../../server/src/device/index.js';
import { clientFor, countingFetch, DEMO_USERS, startDemo } from '../helpers/server.js';

let server: RunningServer;
let aliceId: number;
beforeAll(async () => {
  server = await startDemo({ deviceInterval: 1 });
  aliceId = (await clientFor(server, 'alice').whoami()).user!.id;
});
afterAll(() => server.close());

const urlOf = (path: string) => new URL(path, server.url).href;

describe('auth endpoint URLs', () => {
  it('password login posts to the token endpoint', async () => {
    const wire = countingFetch();
    const c = clientFor(server, null, { fetch: wire.fetch });
    await c.login({ method: 'password', email: DEMO_USERS.bob.email, password: DEMO_USERS.bob.password });
    expect(wire.urls).toEqual([urlOf(AUTH_ENDPOINTS.token.path)]);
  });

  it('device login starts at the device endpoint, polls the device token endpoint, and shows the approval page', async () => {
    const wire = countingFetch();
    const c = clientFor(server, null, { fetch: wire.fetch });
    let shown = '';
    await c.login({
      headless: true,
      onVerification: (info) => {
        shown = info.verificationUri;
        setTimeout(() => approveDeviceSession(server.ctx, info.userCode!, aliceId), 200);
      },
    });
    expect(shown).toBe(urlOf(DEVICE_APPROVAL_PAGE));
    expect(wire.urls[0]).toBe(urlOf(AUTH_ENDPOINTS.deviceAuthorization.path));
    expect(wire.urls.length).toBeGreaterThan(1);
    expect(new Set(wire.urls.slice(1))).toEqual(new Set([urlOf(AUTH_ENDPOINTS.deviceToken.path)]));
  });

  it('whoami asks the whoami endpoint', async () => {
    const wire = countingFetch();
    await clientFor(server, 'alice', { fetch: wire.fetch }).whoami();
    expect(wire.urls).toEqual([urlOf(AUTH_ENDPOINTS.whoami.path)]);
  });
});
