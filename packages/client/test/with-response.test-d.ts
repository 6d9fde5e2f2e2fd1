// Type-level contract of `.withResponse()`: every single-request call keeps its awaited type and adds
// `{ data, response }` with that same type as `data`; walks stay plain promises.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  APIPromise,
  APIResponse,
  BrainstemClient,
  DetailBody,
  ListPage,
  SaveResult,
  WithResponse,
} from '../src/index.js';

declare const client: BrainstemClient;
const ID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';

describe('withResponse', () => {
  it('gives the awaited body as data, for lists, details, saves and deletes', async () => {
    expectTypeOf(client.load('session')).toEqualTypeOf<APIPromise<ListPage<'session'>>>();
    expectTypeOf(await client.load('session')).toEqualTypeOf<ListPage<'session'>>();
    const list = await client.load('session').withResponse();
    expectTypeOf(list).toEqualTypeOf<WithResponse<ListPage<'session'>>>();
    expectTypeOf(list.data.sessions[0]!.name).toEqualTypeOf<string>();
    const one = await client.load('project', { id: ID }).withResponse();
    expectTypeOf(one.data).toEqualTypeOf<DetailBody<'project'>>();
    const saved = await client.save('species', { data: { name: 'Zebrafish' } }).withResponse();
    expectTypeOf(saved.data).toEqualTypeOf<SaveResult<'species'>>();
    expectTypeOf((await client.delete('session', { id: ID }).withResponse()).data).toEqualTypeOf<void>();
  });

  it('gives the status, the headers and the URL', async () => {
    const { response } = await client.load('session').withResponse();
    expectTypeOf(response).toEqualTypeOf<APIResponse>();
    expectTypeOf(response.status).toEqualTypeOf<number>();
    expectTypeOf(response.headers).toEqualTypeOf<Headers>();
    expectTypeOf(response.url).toEqualTypeOf<string>();
    // @ts-expect-error the body is `data`, already parsed: there is no stream to read
    response.json();
  });

  it('is on the aliases, the convenience loaders for one page or record, actions and raw requests', () => {
    expectTypeOf(client.loadModel('project')).toEqualTypeOf<APIPromise<ListPage<'project'>>>();
    expectTypeOf(client.loadSession({ name: 'x' })).toEqualTypeOf<APIPromise<ListPage<'session'>>>();
    expectTypeOf(client.loadSession({ id: ID })).toEqualTypeOf<APIPromise<DetailBody<'session'>>>();
    expectTypeOf(client.joinGroup(7)).toEqualTypeOf<APIPromise<unknown>>();
    expectTypeOf(client.action('group', 7, 'leave')).toEqualTypeOf<APIPromise<unknown>>();
    expectTypeOf(client.request('GET', '/api/')).toEqualTypeOf<APIPromise<unknown>>();
  });

  it('is not on walks: every page has its own response', () => {
    expectTypeOf(client.loadAll('session')).toEqualTypeOf<Promise<ListPage<'session'>>>();
    expectTypeOf(client.loadSession({ all: true })).toEqualTypeOf<Promise<ListPage<'session'>>>();
    // @ts-expect-error a walk has no single response
    client.loadAll('session').withResponse();
  });

  it('still is a promise for code written against Promise', () => {
    const p: Promise<ListPage<'session'>> = client.load('session');
    expectTypeOf(p).toEqualTypeOf<Promise<ListPage<'session'>>>();
    expectTypeOf(client.load('session').catch(() => null)).toEqualTypeOf<Promise<ListPage<'session'> | null>>();
  });
});
