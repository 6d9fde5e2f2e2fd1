// Whatever a server echoes back, no credential the client holds (token from an option, a function or the
// environment, a password, a device code) appears in what it throws or logs. The echo server (helpers/echo-server.ts)
// quotes request headers, bodies and the bare token in its errors; the BrainSTEM server never does that.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrainstemClient, LoginError } from '../../src/index.js';
import { ECHO_DEVICE_CODE, ECHO_STATUSES, startEchoServer } from '../helpers/echo-server.js';
import type { LocalServer } from '../helpers/http.js';

const TOKEN = 'tok-5d1c9a7e3b8f';
const PASSWORD = 'pw-hunter2-correct-horse';

let srv: LocalServer;
beforeAll(async () => {
  srv = await startEchoServer();
});
afterAll(() => srv.close());

const lines: string[] = [];
const logger = {
  debug: (m: string, ...a: unknown[]) => lines.push(m, ...a.map((x) => inspect(x, { depth: 20 }))),
  info: (m: string, ...a: unknown[]) => lines.push(m, ...a.map((x) => inspect(x, { depth: 20 }))),
  warn: (m: string, ...a: unknown[]) => lines.push(m, ...a.map((x) => inspect(x, { depth: 20 }))),
  error: (m: string, ...a: unknown[]) => lines.push(m, ...a.map((x) => inspect(x, { depth: 20 }))),
};

const client = (extra: object = {}) =>
  new BrainstemClient({
    url: srv.url,
    tokenStore: null,
    interactive: false,
    maxRetries: 0,
    logger,
    logLevel: 'debug',
    ...extra,
  });

/** Every way a caller might show an error. */
function renderings(err: unknown): Record<string, string> {
  const e = err as Error & { body?: unknown; cause?: unknown };
  return {
    message: e.message,
    string: String(e),
    json: JSON.stringify(e),
    body: typeof e.body === 'string' ? e.body : String(JSON.stringify(e.body)),
    inspect: inspect(e, { depth: 20 }),
    stack: String(e.stack),
    cause: inspect(e.cause, { depth: 20 }),
  };
}

function expectNoSecret(err: unknown, secrets: readonly string[]): void {
  expect(err).toBeInstanceOf(Error);
  for (const [how, text] of Object.entries(renderings(err))) {
    for (const s of secrets) expect(text, `${how} shows ${s}`).not.toContain(s);
  }
  for (const s of secrets) expect(lines.join('\n'), `a log line shows ${s}`).not.toContain(s);
}

describe('a server that echoes the token in its errors', () => {
  it.each(
    ECHO_STATUSES,
  )('%i: message, String, JSON, body, inspect and log lines never show the token', async (status) => {
    lines.length = 0;
    const err = await client({ token: TOKEN })
      .request('GET', `/api/private/stem/x${status}/`)
      .catch((e: unknown) => e);
    expectNoSecret(err, [TOKEN]);
    // The echo did happen: the body kept what the server said, with the token replaced.
    expect(JSON.stringify((err as { body: unknown }).body)).toContain('[REDACTED]');
  });

  it('a token from a function, load, loadAll, iterate and whoami alike', async () => {
    lines.length = 0;
    const c = client({ token: async () => TOKEN });
    const errors = [
      await c.load('session').catch((e: unknown) => e),
      await c.loadAll('session').catch((e: unknown) => e),
      await (async () => {
        for await (const _ of c.iterate('session'));
      })().catch((e: unknown) => e),
      await c.whoami().catch((e: unknown) => e),
    ];
    for (const err of errors) expectNoSecret(err, [TOKEN]);
  });

  it('a token from BRAINSTEM_TOKEN', async () => {
    lines.length = 0;
    const prev = process.env.BRAINSTEM_TOKEN;
    process.env.BRAINSTEM_TOKEN = TOKEN;
    try {
      const err = await client()
        .load('project')
        .catch((e: unknown) => e);
      expectNoSecret(err, [TOKEN]);
    } finally {
      if (prev === undefined) delete process.env.BRAINSTEM_TOKEN;
      else process.env.BRAINSTEM_TOKEN = prev;
    }
  });
});

describe('logins against a server that echoes what it was sent', () => {
  it('a password login never shows the password, in the error or its cause', async () => {
    lines.length = 0;
    const err = await client()
      .login({ method: 'password', email: 'alice@example.org', password: PASSWORD, save: false })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoginError);
    expectNoSecret(err, [PASSWORD]);
    expect(inspect((err as LoginError).cause, { depth: 20 })).toContain('[REDACTED]');
  });

  it('a device login never shows the device code', async () => {
    lines.length = 0;
    const err = await client()
      .login({ headless: true, onVerification: () => {}, save: false })
      .catch((e: unknown) => e);
    expectNoSecret(err, [ECHO_DEVICE_CODE]);
    expect(JSON.stringify((err as { body: unknown }).body)).toContain('[REDACTED]');
  });

  it('a token login never shows the token it checks', async () => {
    lines.length = 0;
    const err = await client()
      .login({ method: 'token', token: TOKEN, save: false })
      .catch((e: unknown) => e);
    expectNoSecret(err, [TOKEN]);
  });
});
