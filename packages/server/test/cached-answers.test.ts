/**
 * Answers joined from cached record JSON (list pages, details without includes) are the same bytes as the answers
 * rendered right after a write emptied the cache, for every caller, and page links keep the request's query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type Res, type TestClient, type Who } from './helpers.js';

let c: TestClient;
let sessionIds: string[];
let projectId: string;
beforeAll(async () => {
  c = await demoServer({ seedSessions: 250 });
  sessionIds = (await c.get('api/private/stem/session/?limit=3')).body.sessions.map((s: { id: string }) => s.id);
  projectId = (await c.get('api/private/stem/project/?limit=1')).body.projects[0].id;
});
afterAll(() => c.close());

const answer = (r: Res) => ({
  status: r.status,
  type: r.headers.get('content-type'),
  length: r.headers.get('content-length'),
  text: r.text,
});

let writes = 0;

/**
 * Empty every cache with a write (a new private project of alice's, which no compared page shows), then read
 * `path` twice as `who`.
 */
async function renderedThenCached(path: string, who: Who) {
  const write = await c.req('POST', 'api/private/stem/project/', { body: { name: `cache-emptier-${++writes}` } });
  expect(write.status).toBe(201);
  const rendered = answer(await c.get(path, who));
  const cached = answer(await c.get(path, who));
  return { rendered, cached };
}

describe('answers from cached renderings', () => {
  const lists = [
    'api/private/stem/session/?limit=100&offset=100',
    'api/private/stem/session/?offset=50&sort[]=-name&limit=25&filter{name.icontains}=session',
    'api/private/stem/session/?limit=100&offset=300',
    'api/private/stem/project/',
    'api/public/stem/session/?limit=10&offset=10',
    'api/private/users/user/?limit=5&offset=5',
  ];
  for (const path of lists) {
    it(`list ${path}: the cached answer is the rendered answer, for alice, bob and anonymous`, async () => {
      for (const who of ['alice', 'bob', null] as Who[]) {
        const { rendered, cached } = await renderedThenCached(path, who);
        expect(cached).toEqual(rendered);
      }
    });
  }

  it('details: the cached answer is the rendered answer', async () => {
    for (const path of [
      ...sessionIds.map((id) => `api/private/stem/session/${id}/`),
      `api/private/stem/project/${projectId}/`,
    ]) {
      const { rendered, cached } = await renderedThenCached(path, 'alice');
      expect(rendered.status).toBe(200);
      expect(cached).toEqual(rendered);
    }
  });

  it('a record cached for one reader shows another only the ids that reader may read', async () => {
    const pub = (await c.req('POST', 'api/private/stem/project/', { body: { name: 'cached-pub', is_public: true } }))
      .body.project;
    const priv = (await c.req('POST', 'api/private/stem/project/', { body: { name: 'cached-priv' } })).body.project;
    const made = await c.req('POST', 'api/private/stem/session/', {
      body: { name: 'cached-both', projects: [pub.id, priv.id] },
    });
    expect(made.status).toBe(201);
    const privatePath = 'api/private/stem/session/?filter{name}=cached-both';
    const publicPath = 'api/public/stem/session/?filter{name}=cached-both';
    const { rendered: anonymous } = await renderedThenCached(publicPath, null);
    expect(anonymous.text).toContain(pub.id);
    expect(anonymous.text).not.toContain(priv.id);
    // Alice's rendering (both projects) is the one cached; the anonymous reader still gets the public one only.
    const { cached: alice } = await renderedThenCached(privatePath, 'alice');
    expect(alice.text).toContain(priv.id);
    expect(answer(await c.get(publicPath, null))).toEqual(anonymous);
    expect(answer(await c.get(privatePath, 'alice'))).toEqual(alice);
  });

  it('page links keep the query as sent, with offset set or dropped', async () => {
    const r = await c.get('api/private/stem/session/?offset=20&sort[]=name&limit=10&filter{name.icontains}=a%20b');
    const r2 = await c.get('api/private/stem/session/?offset=10&sort[]=name&limit=10');
    expect(r2.body.previous).toBe(`${c.url}api/private/stem/session/?sort[]=name&limit=10`);
    expect(r2.body.next).toBe(`${c.url}api/private/stem/session/?offset=20&sort[]=name&limit=10`);
    expect(r.body.count).toBe(0);
    expect(r.body.previous).toBe(
      `${c.url}api/private/stem/session/?offset=10&sort[]=name&limit=10&filter{name.icontains}=a+b`,
    );
  });
});
