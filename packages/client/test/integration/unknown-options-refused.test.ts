// Plain JavaScript gets no type checks: a misspelt or misplaced option key must be refused before anything is sent,
// rather than ignored (which returns unfiltered data from the real server).
import type { RunningServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrainstemClient, InvalidArgumentError } from '../../src/index.js';
import { clientFor, countingFetch, startDemo } from '../helpers/server.js';

// The calls are made the way plain JavaScript makes them: with keys the option types do not have.
type Loose = Record<string, unknown>;

describe('option keys a call does not take', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startDemo();
  });
  afterAll(() => server.close());

  async function refusal(call: (c: BrainstemClient) => Promise<unknown>): Promise<InvalidArgumentError> {
    const counted = countingFetch();
    const err = await call(clientFor(server, 'alice', { fetch: counted.fetch })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect(counted.count()).toBe(0);
    return err as InvalidArgumentError;
  }

  it('the server does filter by the key spelt right (so ignoring the misspelt one returns other data)', async () => {
    const c = clientFor(server, 'alice');
    const all = await c.load('session', {});
    const some = await c.load('session', { filters: { 'name.icontains': 'zzz-no-such-name' } });
    expect(all.sessions.length).toBeGreaterThan(0);
    expect(some.sessions).toHaveLength(0);
  });

  it('load: a misspelt key is named with the closest key', async () => {
    const err = await refusal((c) => c.load('session', { filtres: { 'name.icontains': 'x' } } as Loose));
    expect(err.argument).toBe('filtres');
    expect(err.message).toBe('load(model, options) has no option `filtres`; did you mean `filters`?');
  });

  it("load: the Python tool's `options` says how to pass a query here", async () => {
    const err = await refusal((c) => c.load('session', { options: '?limit=1' } as Loose));
    expect(err.argument).toBe('options');
    expect(err.message).toMatch(
      /has no option `options`: .*filters, sort, include, limit, offset.*client\.request\('GET'/,
    );
  });

  it('loadAll and iterate: `limit` says to use pageSize, or load for one page', async () => {
    const a = await refusal((c) => c.loadAll('session', { limit: 3 } as Loose));
    expect(a.argument).toBe('limit');
    expect(a.message).toMatch(
      /^loadAll\(model, options\) has no option `limit`: .*pageSize.*load\(model, \{ limit, offset \}\)/,
    );
    const i = await refusal(async (c) => {
      for await (const _ of c.iterate('session', { limit: 3 } as Loose)) break;
    });
    expect(i.message).toMatch(/^iterate\(model, options\) has no option `limit`: .*pageSize/);
  });

  it("the Python tool's snake_case names are answered as their camelCase", async () => {
    expect((await refusal((c) => c.loadAll('session', { page_size: 5 } as Loose))).message).toBe(
      'loadAll(model, options) has no option `page_size`; did you mean `pageSize`?',
    );
    expect((await refusal((c) => c.load('session', { page_size: 5 } as Loose))).message).toMatch(
      /^load\(model, options\) has no option `page_size`: `limit` sets/,
    );
    expect((await refusal((c) => c.load('session', { load_all: true } as Loose))).message).toMatch(/loadAll/);
  });

  it('load: keys of the walks say where they apply', async () => {
    expect((await refusal((c) => c.load('session', { pageSize: 5 } as Loose))).message).toMatch(/`limit` sets/);
    expect((await refusal((c) => c.load('session', { concurrency: 2 } as Loose))).message).toBe(
      'load(model, options) has no option `concurrency`: it applies to loadAll(model, options) and iterate(model, options)',
    );
  });

  it('save and delete check their keys too; the raw query checks its own', async () => {
    const s = await refusal((c) => c.save('session', { data: { name: 'x' }, portl: 'private' } as never));
    expect(s.message).toBe('save(model, options) has no option `portl`; did you mean `portal`?');
    const d = await refusal((c) =>
      c.delete('session', { id: '3fa85f64-5717-4562-b3fc-2c963f66afa6', force: true } as never),
    );
    expect(d.argument).toBe('force');
    const r = await refusal((c) => c.load('session', { raw: { filter: { x: 1 } } } as Loose));
    expect(r.message).toBe('the raw query has no option `filter`; did you mean `filters`?');
  });

  it('a convenience loader refuses what the call it makes does not take', async () => {
    const err = await refusal((c) => c.loadSession({ all: true, limit: 3 } as Loose));
    expect(err.argument).toBe('limit');
  });

  it('keys whose value is undefined are ignored, as spreads of optional values produce them', async () => {
    const page = await clientFor(server, 'alice').load('session', { filtres: undefined, limit: 1 } as Loose);
    expect(page.sessions).toHaveLength(1);
  });

  it('the constructor names a misspelt client option', () => {
    expect(() => new BrainstemClient({ url: server.url, timout: 5 } as Loose)).toThrow(
      'new BrainstemClient(options) has no option `timout`; did you mean `timeout`?',
    );
  });
});
