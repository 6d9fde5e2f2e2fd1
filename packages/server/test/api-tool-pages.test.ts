/**
 * The Web API Tool's pages: a browser (Accept: text/html) or `?format=api` gets the answer inside the page,
 * `?format=json` gets the JSON in a browser too, and every other client the JSON bytes. The page shows the
 * request, status, headers and the JSON with relation ids linked; lists get paging and the query builder, whose
 * redirect writes the exact API query; an error answer keeps the layout.
 */
import { getModel, MODELS, PORTALS } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/index.js';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer({ seedSessions: 30 });
});
afterAll(() => c.close());

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const auth = { authorization: `Bearer ${DEMO_USERS.alice.token}` };

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(c.url + path, { headers: { ...auth, ...headers }, redirect: 'manual' });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe('content negotiation', () => {
  const paths = [
    'api/private/stem/session/?limit=3&sort[]=-name',
    'api/private/stem/project/',
    'api/private/stem/session/?filter{nmae}=x',
    'api/private/stem/session/00000000-0000-4000-8000-000000000000/',
    'api/public/stem/project/?limit=2',
  ];

  it('answers every non-browser client with the JSON, and a browser asking ?format=json with the same bytes', async () => {
    for (const path of paths) {
      const plain = await get(path);
      expect(plain.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(plain.headers.get('vary')).toBeNull();
      JSON.parse(plain.text);
      for (const accept of ['*/*', 'application/json', 'text/html;q=0, application/json']) {
        const other = await get(path, { accept });
        expect(other.status).toBe(plain.status);
        expect(other.text).toBe(plain.text);
      }
      const sep = path.includes('?') ? '&' : '?';
      const raw = await get(`${path}${sep}format=json`, { accept: BROWSER });
      expect(raw.status).toBe(plain.status);
      expect(raw.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(raw.text.replace(/&format=json|\?format=json|format=json&/g, '')).toBe(plain.text);
    }
  });

  it('answers a browser, and ?format=api from anyone, with the page of the same status', async () => {
    for (const path of paths) {
      const plain = await get(path);
      const page = await get(path, { accept: BROWSER });
      expect(page.status).toBe(plain.status);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.text).toMatch(/^<!DOCTYPE html>/);
      const sep = path.includes('?') ? '&' : '?';
      const asked = await get(`${path}${sep}format=api`, { accept: 'application/json' });
      expect(asked.status).toBe(plain.status);
      expect(asked.headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
  });

  it('refuses another format naming the parameter', async () => {
    const res = await get('api/private/stem/session/?format=xml');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ detail: 'format must be "json" or "api", got "xml"' });
  });

  it('sends the page with a strict Content-Security-Policy and no inline script or style', async () => {
    const page = await get('api/private/modules/procedure/', { accept: BROWSER });
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // Scripts are files; the only other script element is a JSON data block, which never runs.
    for (const tag of page.text.match(/<script[^>]*>/g) ?? [])
      expect(tag).toMatch(/\bsrc="\/|type="application\/json"/);
    expect(page.text).not.toMatch(/\sstyle="/);
    expect(page.text).not.toMatch(/<style/);
    // Nothing from another host: every asset and link is this server's.
    expect(page.text).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    for (const asset of ['api-tool.css', 'api-tool.js']) {
      const res = await get(`api-tool/assets/${asset}`);
      expect(res.status).toBe(200);
    }
  });
});

describe('the page of an answer', () => {
  it('shows a list: request, status, Allow, paging from count and the JSON with every relation id linked', async () => {
    const page = (await get('api/private/stem/session/?limit=5&offset=5', { accept: BROWSER })).text;
    expect(page).toContain(`<code id="request-url">${c.url}api/private/stem/session/?limit=5&amp;offset=5</code>`);
    expect(page).toMatch(
      /HTTP 200 OK\nAllow: GET, POST, HEAD, OPTIONS\nContent-Type: application\/json; charset=utf-8/,
    );
    const json = JSON.parse((await get('api/private/stem/session/?limit=5&offset=5')).text);
    const pages = Math.ceil(json.count / 5);
    expect(page).toContain(`Page 2 of ${pages} · ${json.count} results`);
    expect(page).toContain('<a rel="prev" href="/api/private/stem/session/?limit=5">');
    expect(page).toContain('<a rel="next" href="/api/private/stem/session/?limit=5&amp;offset=10">');
    const session = json.sessions[0];
    expect(page).toContain(`<a class="j-str" href="/api/private/stem/session/${session.id}/">`);
    expect(page).toContain(`<a class="j-str" href="/api/private/stem/project/${session.projects[0]}/">`);
  });

  it('shows page x of y from meta on the public portal', async () => {
    const json = JSON.parse((await get('api/public/stem/project/?limit=1&offset=1')).text);
    const page = (await get('api/public/stem/project/?limit=1&offset=1', { accept: BROWSER })).text;
    expect(page).toContain(`Page ${json.meta.page} of ${json.meta.total_pages}`);
  });

  it('links embedded records and their relations through includes', async () => {
    const json = JSON.parse((await get('api/private/stem/session/?limit=1&include[]=projects.*')).text);
    const project = json.sessions[0].projects[0];
    const page = (await get('api/private/stem/session/?limit=1&include[]=projects.*', { accept: BROWSER })).text;
    expect(page).toContain(`<a class="j-str" href="/api/private/stem/project/${project.id}/">`);
    expect(page).toContain(`<a class="j-str" href="/api/private/stem/session/${project.sessions[0]}/">`);
  });

  it('has a menu of every list endpoint of the portal grouped by app, breadcrumbs and the portal switch', async () => {
    for (const portal of PORTALS) {
      const page = (await get(`api/${portal}/stem/project/`, { accept: BROWSER })).text;
      for (const m of MODELS) {
        const href = `href="/api/${portal}/${m.app}/${m.name}/"`;
        if ((m.portals.list as readonly string[] | undefined)?.includes(portal)) expect(page).toContain(href);
      }
      expect(page).toContain('<span class="app">stem</span>');
      const other = portal === 'public' ? 'private' : 'public';
      expect(page).toContain(`<a href="/api/${portal}/stem/project/" aria-current="true">${portal}</a>`);
      expect(page).toContain(`<a href="/api/${other}/stem/project/">${other}</a>`);
    }
    const id = JSON.parse((await get('api/private/stem/project/')).text).projects[0].id;
    const detail = (await get(`api/private/stem/project/${id}/`, { accept: BROWSER })).text;
    expect(detail).toContain(
      `<li><a href="/api/private/stem/project/">project</a></li><li><a href="/api/private/stem/project/${id}/" aria-current="page">${id}</a></li>`,
    );
    expect(detail).toContain(`<a href="/api/public/stem/project/${id}/">public</a>`);
    expect(detail).toMatch(/Allow: GET, PUT, PATCH, DELETE, HEAD, OPTIONS/);
  });

  it('shows an error answer in the same layout, with the resolver\'s "did you mean"', async () => {
    const typo = await get('api/private/stem/session/?filter{nmae}=x', { accept: BROWSER });
    expect(typo.status).toBe(400);
    expect(typo.text).toContain('HTTP 400 Bad Request');
    expect(typo.text).toContain('did you mean `name`?');
    expect(typo.text).toContain('class="builder"');
    const missing = await get('api/private/stem/session/00000000-0000-4000-8000-000000000000/', { accept: BROWSER });
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('HTTP 404 Not Found');
    const anonymous = await fetch(`${c.url}api/private/stem/session/`, { headers: { accept: BROWSER } });
    expect(anonymous.status).toBe(401);
    const text = await anonymous.text();
    expect(text).toContain('Authentication credentials were not provided.');
    expect(text).toContain('href="/account/login/?next=%2Fapi%2Fprivate%2Fstem%2Fsession%2F"');
    const forbidden = await get('api/private/stem/brainregion/', { accept: BROWSER });
    expect(forbidden.text).toContain('class="endpoints"');
  });
});

describe('every endpoint', () => {
  it("has a page for every list and the first record of each, on both portals, with the JSON answer's status", async () => {
    const { apiRouteTable } = await import('../src/routes/table.js');
    const lists = apiRouteTable().filter((r) => r.op === 'list' && r.urlName === r.model.name);
    expect(lists.length).toBeGreaterThan(40);
    for (const r of lists) {
      const path = `${r.url.slice(1)}/`;
      const json = await get(path);
      const page = await get(path, { accept: BROWSER });
      expect(page.status, path).toBe(json.status);
      expect(page.text, path).toContain('<pre class="json" id="answer-json"');
      const records = json.status === 200 ? JSON.parse(json.text)[r.model.listKey] : [];
      const first = records?.[0]?.id;
      if (first === undefined || !r.model.portals.detail?.includes(r.portal as never)) continue;
      const detailJson = await get(`${path}${first}/`);
      const detailPage = await get(`${path}${first}/`, { accept: BROWSER });
      expect(detailPage.status, `${path}${first}/`).toBe(detailJson.status);
      expect(detailPage.text).toContain(`aria-current="page">${first}</a>`);
    }
  }, 120_000);
});

describe('the query builder', () => {
  it('redirects to the exact API query built from the form', async () => {
    const form = new URLSearchParams([
      ['endpoint', '/api/private/stem/session/'],
      ['filter', 'name.icontains'],
      ['value', 'PC'],
      ['filter', ''],
      ['value', ''],
      ['sort', 'date_time'],
      ['desc', '0'],
      ['sort', 'name'],
      ['include', 'projects'],
      ['limit', '5'],
      ['offset', ''],
    ]);
    const res = await get(`api-tool/query/?${form}`);
    expect(res.status).toBe(303);
    const location = res.headers.get('location') as string;
    expect(location).toBe(
      '/api/private/stem/session/?filter{name.icontains}=PC&sort[]=-date_time&sort[]=name&include[]=projects.*&limit=5',
    );
    const page = await get(location.slice(1), { accept: BROWSER });
    expect(page.status).toBe(200);
    // The form comes back filled with the query.
    expect(page.text).toMatch(/name="filter" list="filters-session" value="name.icontains"/);
    expect(page.text).toMatch(/<option value="date_time" selected>/);
    expect(page.text).toMatch(/name="desc" value="0" checked/);
    expect(page.text).toMatch(/value="projects" checked/);
  });

  it('offers only the operators a field type allows', async () => {
    const page = (await get('api/private/stem/session/', { accept: BROWSER })).text;
    expect(page).toContain('<option value="name.icontains">');
    // An integer-id relation takes no text operators; json fields take none at all.
    const m = getModel('session');
    const json = m.fields.find((f) => f.type === 'json');
    if (json) expect(page).not.toContain(`<option value="${json.name}`);
  });

  it('refuses an endpoint that is not an API list', async () => {
    for (const endpoint of ['https://evil.example/', '//evil.example/api/', '/api/private/stem/session/x/']) {
      const res = await get(`api-tool/query/?endpoint=${encodeURIComponent(endpoint)}`);
      expect(res.status).toBe(400);
    }
  });
});
