/**
 * Request bodies a hostile or broken client sends: nesting thousands deep, bytes that are not UTF-8, a huge
 * announced Content-Length, megabytes of text in one field. Each is a 4xx in DRF's shape, and nothing is stored.
 */
import { connect } from 'node:net';
import { getModel } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/index.js';
import { MAX_JSON_DEPTH } from '../src/json-body.js';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
let projectId: string;
beforeAll(async () => {
  c = await demoServer();
  projectId = (await c.get('api/private/stem/project/?limit=1')).body.projects[0].id;
});
afterAll(() => c.close());

const AUTH = { Authorization: `Bearer ${DEMO_USERS.alice.token}`, 'Content-Type': 'application/json' };

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

async function postBytes(path: string, body: Buffer | string) {
  const res = await fetch(c.url + path, { method: 'POST', headers: AUTH, body: new Uint8Array(Buffer.from(body)) });
  return { status: res.status, body: await res.json() };
}

describe('deeply nested JSON', () => {
  for (const model of ['project', 'session', 'subject']) {
    it(`${model}: extra_fields nested 4,100 levels is a 400 parse error naming the limit`, async () => {
      const body = `{"name":"deep-${model}","projects":["${projectId}"],"extra_fields":${nested(4100)}}`;
      const res = await postBytes(`api/private/stem/${model}/`, body);
      expect(res.status).toBe(400);
      expect(res.body.detail).toMatch(/^JSON parse error - Nesting too deep: .* at most 64 levels/);
    });
  }

  it(`nesting up to ${MAX_JSON_DEPTH} levels parses (then fails validation as an ordinary value would)`, async () => {
    const body = `{"name":"deep-ok","extra_fields":{"a":${nested(MAX_JSON_DEPTH - 2)}}}`;
    const res = await postBytes('api/private/stem/project/', body);
    expect(res.status).toBe(400);
    expect(res.body.extra_fields[0]).toMatch(/values must be strings or numbers/);
  });

  it('brackets inside strings do not count as nesting', async () => {
    const res = await postBytes('api/private/stem/project/', JSON.stringify({ name: `brackets ${'['.repeat(100)}` }));
    expect(res.status).toBe(201);
    expect(res.body.project.name).toBe(`brackets ${'['.repeat(100)}`);
  });
});

describe('invalid UTF-8', () => {
  const bad = Buffer.concat([Buffer.from('{"name":"utf8'), Buffer.from([0xff, 0xfe]), Buffer.from('x"}')]);

  for (const model of ['project', 'session', 'subject']) {
    it(`${model}: a body with invalid UTF-8 bytes is a 400 parse error, nothing stored`, async () => {
      const res = await postBytes(`api/private/stem/${model}/`, bad);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ detail: expect.stringMatching(/^JSON parse error - Invalid UTF-8/) });
      const listKey = getModel(model).listKey;
      const found = await c.get(`api/private/stem/${model}/?filter{name.startswith}=utf8`);
      expect(found.body[listKey]).toEqual([]);
    });
  }

  it('valid multi-byte UTF-8 parses', async () => {
    const res = await postBytes('api/private/stem/project/', Buffer.from(JSON.stringify({ name: 'Grüße 🐭' })));
    expect(res.status).toBe(201);
    expect(res.body.project.name).toBe('Grüße 🐭');
  });

  it('a byte-order mark is a parse error, as in DRF (JSON text must not start with one)', async () => {
    const res = await postBytes(
      'api/private/stem/project/',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ name: 'bom' }))]),
    );
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/^JSON parse error - /);
  });
});

/**
 * Sends a POST to the project list by hand (headers announcing `contentLength`, then `body`) and resolves with
 * everything the server wrote until it closed the connection; rejects if it has not closed within `withinMs`.
 */
function rawPost(port: number, contentLength: number, body: string, withinMs: number): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const sock = connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`no complete answer within ${withinMs} ms: ${JSON.stringify(text)}`));
    }, withinMs);
    sock.on('data', (d) => {
      text += String(d);
    });
    sock.on('close', () => {
      clearTimeout(timer);
      resolve(text);
    });
    sock.write(
      `POST /api/private/stem/project/ HTTP/1.1\r\nHost: x\r\nAuthorization: ${AUTH.Authorization}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${contentLength}\r\n\r\n${body}`,
    );
  });
}

describe('body size', () => {
  it('a Content-Length over the 10 MB limit with no body is answered 413 at once, and the connection closed', async () => {
    const answer = await rawPost(c.server.port, 11_000_000, '', 2000);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('{"detail":"Request body is too large."}');
  });

  it('a request whose announced body never arrives is answered 408 after requestTimeout, and the connection closed', async () => {
    const slow = await demoServer({ requestTimeout: 300 });
    try {
      const t0 = performance.now();
      const answer = await rawPost(slow.server.port, 100, '{"name":', 5000);
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toContain('{"detail":"The request took too long to arrive."}');
      expect(performance.now() - t0).toBeGreaterThanOrEqual(300);
      expect((await slow.get('api/private/stem/project/?limit=1')).status).toBe(200); // others are still served
    } finally {
      await slow.close();
    }
  });

  it('requestTimeout is an integer from 0 (no limit) to an hour', async () => {
    await expect(demoServer({ requestTimeout: -1 })).rejects.toThrow(/requestTimeout: -1/);
    await expect(demoServer({ requestTimeout: 1.5 })).rejects.toThrow(/requestTimeout/);
  });

  it('equipment name, unbounded in the docs, is held to the registry default of 255 characters', async () => {
    expect(getModel('equipment').fields.find((f) => f.name === 'name')).toMatchObject({
      maxLength: 255,
      maxLengthDefault: true,
    });
    const setup = (await c.get('api/private/personal_attributes/setup/?filter{name}=Linear track rig 1')).body
      .setups[0];
    const huge = await c.req('POST', 'api/private/modules/equipment/', {
      body: { name: 'x'.repeat(5_000_000), type: 'Camera', coordinates_system: 'CCF_XYZ_Absolute', setup: setup.id },
    });
    expect(huge.status).toBe(400);
    expect(huge.body).toEqual({ name: ['Ensure this field has no more than 255 characters.'] });
    const fits = await c.req('POST', 'api/private/modules/equipment/', {
      body: { name: 'x'.repeat(255), type: 'Camera', coordinates_system: 'CCF_XYZ_Absolute', setup: setup.id },
    });
    expect(fits.status).toBe(201);
  });

  it('a description (text, unbounded in the docs) is held to 10,000 characters', async () => {
    const res = await c.req('POST', 'api/private/stem/project/', {
      body: { name: 'long-description', description: 'd'.repeat(10_001) },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ description: ['Ensure this field has no more than 10000 characters.'] });
  });
});
