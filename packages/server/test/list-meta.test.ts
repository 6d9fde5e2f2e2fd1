/**
 * Which list bodies carry `meta`, and what it holds: public lists, approval lists, and the group membership
 * request and invitation lists on the private portal (their pages: "List responses include a `meta` object");
 * other private lists carry none. The three ways a list body is written (records rendered now, records joined
 * from cached JSON, records with includes embedded) give the same envelope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/openapi/document.js';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

describe('meta on list bodies', () => {
  it.each([
    ['users', 'groupmembershiprequest', 'group_membership_requests'],
    ['users', 'groupmembershipinvitation', 'group_membership_invitations'],
  ])('the private %s/%s list carries meta', async (app, model, listKey) => {
    const r = await c.get(`api/private/${app}/${model}/?limit=5`, 'carol');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual([listKey, 'count', 'next', 'previous', 'meta']);
    expect(r.body.meta).toEqual({ total_results: r.body.count, total_pages: 1, page: 1, per_page: 5 });
  });

  it('a private project membership invitation list carries none (its page does not say so)', async () => {
    const r = await c.get('api/private/stem/projectmembershipinvitation/', 'carol');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(['project_membership_invitations', 'count', 'next', 'previous']);
  });

  it('meta counts pages and the page number from limit and offset', async () => {
    const r = await c.get('api/public/stem/project/?limit=1&offset=1', null);
    expect(r.body.meta).toEqual({ total_results: r.body.count, total_pages: r.body.count, page: 2, per_page: 1 });
  });

  it('rendered, cached and embedded list bodies have the same envelope', async () => {
    const url = 'api/public/stem/project/?limit=2';
    const rendered = await c.get(url, null);
    const cached = await c.get(url, null);
    const embedded = await c.get(`${url}&include[]=sessions`, null);
    for (const body of [rendered.body, cached.body, embedded.body]) {
      expect(Object.keys(body)).toEqual(['projects', 'count', 'next', 'previous', 'meta']);
    }
    expect(cached.text).toBe(rendered.text);
    const { projects: _a, next: _b, ...page } = embedded.body;
    expect(page).toEqual({ count: rendered.body.count, previous: null, meta: rendered.body.meta });
  });

  it('the OpenAPI document lists meta on exactly those list bodies', () => {
    const doc = openApiDocument() as unknown as {
      paths: Record<string, { get: { responses: { 200: { content: { 'application/json': { schema: Schema } } } } } }>;
    };
    type Schema = { properties: Record<string, unknown> };
    const listProps = (p: string) =>
      Object.keys(doc.paths[p]?.get.responses[200].content['application/json'].schema.properties ?? {});
    expect(listProps('/api/private/users/groupmembershiprequest/')).toContain('meta');
    expect(listProps('/api/private/users/groupmembershipinvitation/')).toContain('meta');
    expect(listProps('/api/private/taxonomies/speciesapproval/')).toContain('meta');
    expect(listProps('/api/public/stem/project/')).toContain('meta');
    expect(listProps('/api/private/stem/projectmembershipinvitation/')).not.toContain('meta');
    expect(listProps('/api/private/stem/project/')).not.toContain('meta');
  });
});
