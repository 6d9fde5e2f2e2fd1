/**
 * The "Use this in code" panel: every page of a GET shows the request as each tool's snippet (from
 * codeSnippets), for the URL a script sends (no `format`), with a copy button; the panel is linked from the landing
 * page, the API reference (/api/docs/) and each record page.
 */
import { getModel } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/index.js';
import { addTemplate } from '../src/web/api-tool/templates.js';
import { codeSnippets } from '../src/web/code-snippets.js';
import { demoServer, type TestClient } from './helpers.js';
import { WebClient } from './web-client.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

async function page(path: string): Promise<string> {
  const headers = { accept: 'text/html', authorization: `Bearer ${DEMO_USERS.alice.token}` };
  return (await fetch(c.url + path, { headers })).text();
}

const escaped = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('the code panel', () => {
  it('shows every snippet of the page request, without format, each with a copy button', async () => {
    const id = (await c.get('api/private/stem/project/')).body.projects[0].id;
    const html = await page(`api/private/stem/project/${id}/?format=api`);
    const snippets = codeSnippets({ method: 'GET', url: `${c.url}api/private/stem/project/${id}/` });
    expect(snippets.length).toBeGreaterThan(0);
    expect(html).toContain('<section class="code-panel" id="use-in-code"');
    for (const s of snippets) {
      expect(html).toContain(`<code id="code-${s.tool}" class="language-${s.language}">${escaped(s.code)}</code>`);
      expect(html).toContain(`data-copy="code-${s.tool}"`);
    }
    expect(html).not.toMatch(/<code id="code-[^"]+"[^>]*>[^<]*format=api/);
    // The record page links its panel next to the request line.
    expect(html).toContain('<a href="#use-in-code">Use this in code</a>');
  });

  it('keeps the query of a list in the snippet', async () => {
    const html = await page('api/private/stem/session/?filter{name.icontains}=PC&sort[]=-name');
    const [curl] = codeSnippets({
      method: 'GET',
      url: `${c.url}api/private/stem/session/?filter{name.icontains}=PC&sort[]=-name`,
    });
    expect(html).toContain(escaped(curl?.code ?? 'missing'));
  });

  it("writes each form's request as code too: its method, URL and starting body", async () => {
    const w = new WebClient(c.url.replace(/\/$/, ''));
    await w.signIn(DEMO_USERS.alice.email, DEMO_USERS.alice.password);
    const html = (await w.get('/api/private/stem/project/', { accept: 'text/html' })).html;
    const curl = codeSnippets({
      method: 'POST',
      url: `${c.url}api/private/stem/project/`,
      body: addTemplate(getModel('project')),
    }).find((s) => s.tool === 'curl');
    expect(html).toContain(
      `<code id="write-add-code-curl" class="language-shell">${escaped(curl?.code ?? 'missing')}</code>`,
    );
    expect(html).toContain('data-copy="write-add-code-curl"');
  });

  it('is linked from the landing page and the API reference', async () => {
    const landing = await (await fetch(c.url, { headers: { accept: 'text/html' } })).text();
    expect(landing).toContain('<a href="/api/private/stem/project/">Web API Tool</a>');
    expect(landing).toContain('<a href="/api/private/stem/project/#use-in-code">Use this in code</a>');
    const docs = await (await fetch(`${c.url}api/docs/`)).text();
    expect(docs).toContain('<a href="/api/private/stem/project/">Web API Tool</a>');
  });
});
