/**
 * The server answers every path the API description names, at exactly that path: the auth endpoints, the API root,
 * the reference pages and the web pages a login points to; and every model route is the description's URL layout.
 */
import {
  API_ROOT,
  AUTH_ENDPOINTS,
  DEVICE_APPROVAL_PAGE,
  DOCS_PATH,
  parseApiPath,
  SCHEMA_PATH,
  TOKENS_PAGE,
} from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/index.js';
import { openApiDocument, openApiPath } from '../src/openapi/document.js';
import { apiRoots } from '../src/routes/root.js';
import { apiRouteTable } from '../src/routes/table.js';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

/** The status of one request to `path` (absolute, as the description writes it), redirects not followed. */
async function statusOf(method: string, path: string, body?: unknown): Promise<number> {
  const res = await fetch(new URL(path, c.url), {
    method,
    redirect: 'manual',
    headers: { authorization: `Bearer ${DEMO_USERS.alice.token}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  await res.arrayBuffer();
  return res.status;
}

describe('the auth endpoints the description names', () => {
  // What each endpoint answers to an empty JSON object (or, for whoami, a valid token): its own answer, not the
  // router's 404 or 405.
  const expected: Record<keyof typeof AUTH_ENDPOINTS, number> = {
    token: 400,
    deviceAuthorization: 200,
    deviceToken: 400,
    whoami: 200,
  };

  it('are served at exactly those paths and methods, with and without the trailing slash', async () => {
    const answers: Record<string, number[]> = {};
    for (const [name, { method, path }] of Object.entries(AUTH_ENDPOINTS)) {
      const body = method === 'POST' ? {} : undefined;
      answers[name] = [await statusOf(method, path, body), await statusOf(method, path.replace(/\/$/, ''), body)];
    }
    expect(answers).toEqual(
      Object.fromEntries(Object.entries(expected).map(([name, status]) => [name, [status, status]])),
    );
  });

  it('are the auth paths of the OpenAPI document', () => {
    const doc = openApiDocument();
    const documented = Object.entries(doc.paths)
      .filter(([path]) => !parseApiPath(path) && path !== API_ROOT)
      .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(
      Object.values(AUTH_ENDPOINTS)
        .map((e) => `${e.method} ${e.path}`)
        .sort(),
    );
  });
});

describe('the pages the description names', () => {
  it('answer GET at exactly those paths', async () => {
    const statuses = {
      root: await statusOf('GET', API_ROOT),
      docs: await statusOf('GET', DOCS_PATH),
      schema: await statusOf('GET', SCHEMA_PATH),
      approval: await statusOf('GET', DEVICE_APPROVAL_PAGE),
      // Signed out: the token page sends the visitor to sign in first.
      tokens: await statusOf('GET', TOKENS_PAGE),
    };
    expect(statuses).toEqual({ root: 200, docs: 200, schema: 200, approval: 200, tokens: 303 });
  });
});

describe('the model routes', () => {
  it('follow the URL layout: each route parses back to its portal, app, model and action', () => {
    const wrong = apiRouteTable()
      .map((r) => ({ r, parts: parseApiPath(openApiPath(r.url).replace('{id}', '7')) }))
      .filter(
        ({ r, parts }) =>
          parts?.portal !== r.portal ||
          parts.app !== r.model.app ||
          parts.model !== r.urlName ||
          parts.id !== (r.shape === 'collection' ? undefined : '7') ||
          parts.action !== (r.shape === 'action' ? r.op : undefined),
      )
      .map(({ r }) => `${r.method} ${r.url}`);
    expect(apiRouteTable().length).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
  });

  it('have their roots at the portal and app paths of the layout', () => {
    const roots = apiRoots().map((root) => [root.url, root.url === API_ROOT ? undefined : parseApiPath(root.url)]);
    expect(roots).toEqual(
      apiRoots().map((root) => [
        root.url,
        root.url === API_ROOT ? undefined : { portal: root.portal, ...(root.app ? { app: root.app } : {}) },
      ]),
    );
  });
});
