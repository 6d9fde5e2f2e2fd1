// Who is asking: device logins send `client_name` (the approval page names it) — the client's `clientName` option,
// overridden per login, else the library's own name.
import type { RunningServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDeviceSession, deviceStore } from '../../../server/src/device/index.js';
import type { ClientOptions, LoginOptions } from '../../src/index.js';
import { clientFor, startDemo } from '../helpers/server.js';

let server: RunningServer;
let aliceId: number;
beforeAll(async () => {
  server = await startDemo({ deviceInterval: 1 });
  aliceId = (await clientFor(server, 'alice').whoami()).user!.id;
});
afterAll(() => server.close());

/** Runs a headless device login and returns the client name the server recorded for it. */
async function recordedName(client: ClientOptions, login: LoginOptions = {}): Promise<string | undefined> {
  let name: string | undefined;
  await clientFor(server, null, client).login({
    ...login,
    headless: true,
    save: false,
    onVerification: (info) => {
      name = deviceStore(server.ctx).find(info.userCode!)?.clientName;
      approveDeviceSession(server.ctx, info.userCode!, aliceId);
    },
  });
  return name;
}

describe('client_name of device logins', () => {
  it('is the clientName option', async () => {
    expect(await recordedName({ clientName: 'Spike sorter 2.1' })).toBe('Spike sorter 2.1');
  });

  it('login({ clientName }) overrides it', async () => {
    expect(await recordedName({ clientName: 'a' }, { clientName: 'nightly export' })).toBe('nightly export');
  });

  it("defaults to the library's name", async () => {
    expect(await recordedName({})).toMatch(/^brainstem-api-tools \((node|js)\)$/);
  });
});
