/**
 * Writes from the Web API Tool's pages: forms post the API method, URL and JSON body with the CSRF token to
 * /api-tool/send/, which sends them on to the same API routes as the signed-in user and answers 303
 * (Post/Redirect/Get). A refused write comes back with the API's errors beside the fields; a delete asks first;
 * special actions are buttons; the add form's template is valid for the chosen type.
 */
import { getModel, MODELS, type ModelSpec } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/index.js';
import { addTemplate, addTemplatesByType, typeSelector } from '../src/web/api-tool/templates.js';
import { demoServer, type TestClient } from './helpers.js';
import { csrfOf, WebClient } from './web-client.js';

let c: TestClient;
let base: string;
const HTML = { accept: 'text/html' };

beforeAll(async () => {
  c = await demoServer();
  base = c.url.replace(/\/$/, '');
});
afterAll(() => c.close());

async function signedIn(who: keyof typeof DEMO_USERS): Promise<WebClient> {
  const w = new WebClient(base);
  expect((await w.signIn(DEMO_USERS[who].email, DEMO_USERS[who].password)).status).toBe(303);
  return w;
}

/** Posts a tool form found on `html` by its id, with `fields` added. */
async function submit(w: WebClient, html: string, fields: Record<string, string>) {
  return w.post('/api-tool/send/', { csrfmiddlewaretoken: csrfOf(html), ...fields });
}

describe('writes from the page', () => {
  it('adds, edits, replaces and deletes a project with Post/Redirect/Get', async () => {
    const w = await signedIn('alice');
    const list = await w.get('/api/private/stem/project/', HTML);
    expect(list.html).toContain('id="write-add"');
    expect(list.html).toContain('name="_url" value="/api/private/stem/project/"');
    const added = await submit(w, list.html, {
      _method: 'POST',
      _url: '/api/private/stem/project/',
      _form: 'write-add',
      _back: '/api/private/stem/project/',
      _content: JSON.stringify({ name: 'Made on the page' }),
    });
    expect(added.status).toBe(303);
    const location = added.location as string;
    expect(location).toMatch(/^\/api\/private\/stem\/project\/[0-9a-f-]{36}\/$/);
    const record = await w.get(location, HTML);
    expect(record.html).toContain('POST /api/private/stem/project/: 201. Created.');
    expect(record.html).toContain('Made on the page');
    // Post/Redirect/Get: a reload shows the record without the notice, and nothing was posted twice.
    expect((await w.get(location, HTML)).html).not.toContain('201. Created.');
    const id = location.split('/')[5] as string;
    expect((await c.get(`api/private/stem/project/?filter{name}=Made on the page`)).body.projects).toHaveLength(1);
    // The edit form holds the record's writable fields.
    expect(record.html).toMatch(
      /id="write-edit-content" name="_content"[^>]*>\{\n {2}&quot;name&quot;: &quot;Made on the page&quot;/,
    );

    const patched = await submit(w, record.html, {
      _method: 'PATCH',
      _url: location,
      _form: 'write-edit',
      _back: location,
      _content: JSON.stringify({ description: 'patched from the page' }),
    });
    expect(patched.status).toBe(303);
    expect((await c.get(`api/private/stem/project/${id}/`)).body.project.description).toBe('patched from the page');
    const replaced = await submit(w, record.html, {
      _method: 'PUT',
      _url: location,
      _form: 'write-edit',
      _back: location,
      _content: JSON.stringify({ name: 'Replaced on the page' }),
    });
    expect(replaced.status).toBe(303);
    const after = (await c.get(`api/private/stem/project/${id}/`)).body.project;
    expect(after.name).toBe('Replaced on the page');
    expect(after.description).toBe('');

    const page = await w.get(location, HTML);
    const ask = await submit(w, page.html, {
      _method: 'DELETE',
      _url: location,
      _form: 'write-delete',
      _back: location,
    });
    expect(ask.status).toBe(200);
    expect(ask.html).toContain('Delete this project?');
    expect((await c.get(`api/private/stem/project/${id}/`)).status).toBe(200);
    const gone = await submit(w, ask.html, {
      _method: 'DELETE',
      _url: location,
      _form: 'write-delete',
      _back: location,
      confirmed: 'yes',
    });
    expect(gone.status).toBe(303);
    expect(gone.location).toBe('/api/private/stem/project/');
    expect((await c.get(`api/private/stem/project/${id}/`)).status).toBe(404);
  });

  it('shows a 400 with the errors beside the fields and keeps what was typed', async () => {
    const w = await signedIn('alice');
    const list = await w.get('/api/private/stem/session/', HTML);
    const content = JSON.stringify({ name: '', projects: ['not-an-id'] });
    const res = await submit(w, list.html, {
      _method: 'POST',
      _url: '/api/private/stem/session/',
      _form: 'write-add',
      _back: '/api/private/stem/session/',
      _content: content,
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/api/private/stem/session/#write-add');
    const back = await w.get('/api/private/stem/session/', HTML);
    expect(back.html).toContain('The API answered 400');
    expect(back.html).toMatch(/id="write-add-error-name">[^<]+</);
    expect(back.html).toMatch(/id="write-add-error-projects">[^<]+</);
    expect(back.html).toContain('&quot;not-an-id&quot;');
    expect(back.html).toMatch(/<details class="write-panel" id="write-add" open>/);
  });

  it('refuses a form without the CSRF token, and writes nothing', async () => {
    const w = await signedIn('alice');
    const res = await w.post('/api-tool/send/', {
      csrfmiddlewaretoken: 'wrong',
      _method: 'POST',
      _url: '/api/private/stem/project/',
      _content: JSON.stringify({ name: 'csrf-less page write' }),
    });
    expect(res.status).toBe(403);
    expect((await c.get('api/private/stem/project/?filter{name}=csrf-less page write')).body.projects).toEqual([]);
  });

  it('sends only what the route table has, and says so on the page', async () => {
    const w = await signedIn('alice');
    const list = await w.get('/api/public/stem/project/', HTML);
    const res = await submit(w, list.html, {
      _method: 'POST',
      _url: '/api/public/stem/project/',
      _form: 'write-add',
      _back: '/api/public/stem/project/',
      _content: JSON.stringify({ name: 'on the public portal' }),
    });
    expect(res.status).toBe(303);
    const back = await w.get(res.location as string, HTML);
    expect(back.html).toContain('No API route answers POST /api/public/stem/project/.');
    expect((await c.get('api/private/stem/project/?filter{name}=on the public portal')).body.projects).toEqual([]);
  });

  it('offers writes only where the route table has them, and asks anonymous visitors to sign in', async () => {
    const anonymous = new WebClient(base);
    const pub = await anonymous.get('/api/public/stem/project/', HTML);
    expect(pub.html).not.toContain('id="write-add"');
    const w = await signedIn('alice');
    const projects = (await c.get('api/private/stem/project/')).body.projects;
    const detail = await w.get(`/api/private/stem/project/${projects[0].id}/`, HTML);
    for (const id of ['write-edit', 'write-delete']) expect(detail.html).toContain(`id="${id}"`);
    expect(detail.html).toContain('name="_method" value="PATCH"');
    expect(detail.html).toContain('name="_method" value="PUT"');
  });

  it('accepts a pending approval as the reviewer with the action button', async () => {
    const reviewer = await signedIn('reviewer');
    const list = (await c.req('GET', 'api/private/taxonomies/strainapproval/', { as: 'reviewer' })).body;
    const pending = list.strain_approvals.find((a: { status: string }) => a.status === 'Pending');
    const url = `/api/private/taxonomies/strainapproval/${pending.id}/`;
    const page = await reviewer.get(url, HTML);
    expect(page.html).toContain('id="write-accept"');
    expect(page.html).toContain('id="write-reject"');
    const res = await submit(reviewer, page.html, {
      _method: 'PATCH',
      _url: `${url}accept/`,
      _form: 'write-accept',
      _back: url,
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe(url);
    const after = await reviewer.get(url, HTML);
    expect(after.html).toContain(`PATCH ${url}accept/: 200.`);
    expect((await c.req('GET', url.slice(1), { as: 'reviewer' })).body.strain_approval.status).toBe('Accepted');
  });
});

describe('body templates', () => {
  it('marks required fields and gives, for each documented type, details its schema accepts', async () => {
    const w = await signedIn('alice');
    const page = await w.get('/api/private/modules/procedure/', HTML);
    expect(page.html).toContain('<select id="write-add-type" data-templates="write-add-templates"');
    expect(page.html).toMatch(/<code>subject<\/code> <span class="req"/);
    const subject = (await c.get('api/private/stem/subject/')).body.subjects[0].id;
    const model = getModel('procedure');
    const sel = typeSelector(model);
    expect(sel?.values.length).toBeGreaterThan(1);
    for (const [type, template] of Object.entries(addTemplatesByType(model))) {
      const body = { ...template, subject };
      const res = await c.req('POST', 'api/private/modules/procedure/', { body });
      // Only the details of the chosen type matter here: no error names details or coordinates_details.
      expect(Object.keys(res.body ?? {}), `${type}: ${JSON.stringify(res.body)}`).not.toContain('details');
      expect(Object.keys(res.body ?? {}), `${type}: ${JSON.stringify(res.body)}`).not.toContain('coordinates_details');
    }
  });

  it('fills every required writable field of every model', () => {
    for (const m of MODELS as readonly ModelSpec[]) {
      const t = addTemplate(m);
      for (const f of m.fields) if (f.required && !f.readOnly && f.computed !== true) expect(t).toHaveProperty(f.name);
    }
  });
});
