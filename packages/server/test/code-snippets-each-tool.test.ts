/**
 * What each tool's snippet says for the requests a Web API Tool page shows: lists (filters, sort, include, paging,
 * the public portal), a record, a create, an update, a replacement, a delete and special actions; and which
 * requests get the curl line alone. code-snippets-run.test.ts runs them against a server.
 */
import { describe, expect, it } from 'vitest';
import { type CodeSnippet, codeSnippets, type ShownRequest, TOKEN_PLACEHOLDER } from '../src/web/code-snippets.js';

const SERVER = 'http://127.0.0.1:8000/';
const SESSIONS = `${SERVER}api/private/stem/session/`;
const ID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';

const byTool = (request: ShownRequest): Record<string, CodeSnippet> =>
  Object.fromEntries(codeSnippets(request).map((s) => [s.tool, s]));
const code = (request: ShownRequest, tool: string): string => {
  const snippet = byTool(request)[tool];
  if (!snippet) throw new Error(`no ${tool} snippet for ${request.method} ${request.url}`);
  return snippet.code;
};

/** The code with the line breaks inside calls and literals undone: what a call says, whatever its layout. */
const joined = (c: string): string =>
  c
    .replace(/,\n\s*([)\]])/g, '$1')
    .replace(/,\n\s*\}/g, ' }')
    .replace(/([([])\n\s*/g, '$1')
    .replace(/\{\n\s*/g, '{ ')
    .replace(/,\n\s*/g, ', ');

const LIST: ShownRequest = {
  method: 'GET',
  url:
    `${SESSIONS}?filter{name.icontains}=cooling&filter{date_time.gte}=2024-01-01&filter{id.in}=a1,b2` +
    '&sort[]=-date_time&sort[]=name&include[]=projects.*&limit=5&offset=10',
};
const PUBLIC: ShownRequest = { method: 'GET', url: `${SERVER}api/public/stem/project/?sort%5B%5D=-name&limit=2` };
const DETAIL: ShownRequest = { method: 'GET', url: `${SESSIONS}${ID}/?include[]=projects.*` };
const CREATE: ShownRequest = { method: 'POST', url: SESSIONS, body: { name: 'New session', projects: [ID] } };
const UPDATE: ShownRequest = { method: 'PATCH', url: `${SESSIONS}${ID}/`, body: { description: 'Updated' } };
const DELETE: ShownRequest = { method: 'DELETE', url: `${SESSIONS}${ID}/` };
const ADD_ENTRY: ShownRequest = {
  method: 'PATCH',
  url: `${SERVER}api/private/modules/subjectlog/${ID}/add_entry/`,
  body: { date_time: '2024-03-03T08:00:00Z', details: { weight: { value: 25.3, unit: 'g' } } },
};
const ACCEPT_APPROVAL: ShownRequest = {
  method: 'PATCH',
  url: `${SERVER}api/private/taxonomies/speciesapproval/${ID}/accept/`,
};
const ACCEPT_INVITATION: ShownRequest = {
  method: 'GET',
  url: `${SERVER}api/private/stem/projectmembershipinvitation/${ID}/accept/`,
};

describe('the snippets of one request', () => {
  it('are the TypeScript client, the CLI, curl and the Python tool, in that order, each with its language', () => {
    expect(codeSnippets(LIST).map((s) => [s.tool, s.language])).toEqual([
      ['typescript', 'typescript'],
      ['cli', 'shell'],
      ['curl', 'shell'],
      ['python', 'python'],
    ]);
    for (const s of codeSnippets(LIST)) expect(s.label).not.toBe('');
  });

  it('never hold a token other than the placeholder', () => {
    for (const s of codeSnippets(LIST)) expect(s.code).toContain(TOKEN_PLACEHOLDER);
    for (const s of codeSnippets(LIST)) expect(s.code).not.toMatch(/bst_/);
  });
});

describe('TypeScript', () => {
  it('a list: load with the query as options objects, an .in filter as a list', () => {
    expect(code(LIST, 'typescript')).toBe(
      [
        "import { BrainstemClient } from 'brainstem-api-tools';",
        '',
        'const client = new BrainstemClient({',
        "  url: 'http://127.0.0.1:8000/',",
        "  token: process.env.BRAINSTEM_TOKEN ?? 'YOUR_TOKEN',",
        '});',
        "const page = await client.load('session', {",
        "  filters: { 'name.icontains': 'cooling', 'date_time.gte': '2024-01-01', 'id.in': ['a1', 'b2'] },",
        "  sort: ['-date_time', 'name'],",
        "  include: ['projects'],",
        '  limit: 5,',
        '  offset: 10,',
        '});',
        'console.log(JSON.stringify(page, null, 2));',
        '',
      ].join('\n'),
    );
  });

  it('the public portal: portal named, no token', () => {
    const ts = code(PUBLIC, 'typescript');
    expect(ts).toContain("const client = new BrainstemClient({ url: 'http://127.0.0.1:8000/' });");
    expect(ts).toContain("await client.load('project', { portal: 'public', sort: ['-name'], limit: 2 });");
  });

  it('a record, a create, an update, a replacement and a delete', () => {
    // A call that does not fit in a line breaks its last argument, one option per line.
    expect(code(DETAIL, 'typescript')).toContain(
      `const body = await client.load('session', {\n  id: '${ID}',\n  include: ['projects'],\n});`,
    );
    expect(code(CREATE, 'typescript')).toContain(
      `const saved = await client.save('session', {\n  data: { name: 'New session', projects: ['${ID}'] },\n});`,
    );
    expect(joined(code(UPDATE, 'typescript'))).toContain(
      `await client.save('session', { id: '${ID}', data: { description: 'Updated' } });`,
    );
    expect(joined(code({ ...UPDATE, method: 'PUT' }, 'typescript'))).toContain(
      `await client.save('session', { id: '${ID}', data: { description: 'Updated' }, method: 'put' });`,
    );
    const del = code(DELETE, 'typescript');
    expect(del).toContain(`await client.delete('session', { id: '${ID}' });`);
    expect(del).not.toContain('console.log');
  });

  it('strings take the quote that needs fewer escapes', () => {
    const url = `${SESSIONS}?filter{name}=${encodeURIComponent(`it's`)}&filter{description.icontains}=${encodeURIComponent(`'"'`)}`;
    expect(code({ method: 'GET', url }, 'typescript')).toContain(
      `filters: { name: "it's", 'description.icontains': "'\\"'" }`,
    );
  });

  it('special actions: action with the entry as data; the registry method is not repeated', () => {
    // Too long to open the options on the first line: one argument per line.
    expect(code(ADD_ENTRY, 'typescript')).toContain(
      `const answer = await client.action(\n  'subjectlog',\n  '${ID}',\n  'add_entry',\n` +
        "  { data: { date_time: '2024-03-03T08:00:00Z', details: { weight: { value: 25.3, unit: 'g' } } } },\n);",
    );
    expect(code(ACCEPT_APPROVAL, 'typescript')).toContain(
      `await client.action(\n  'speciesapproval',\n  '${ID}',\n  'accept',\n);`,
    );
    expect(joined(code({ ...ACCEPT_INVITATION, method: 'POST' }, 'typescript'))).toContain(
      `await client.action('projectmembershipinvitation', '${ID}', 'accept', { method: 'POST' });`,
    );
  });
});

describe('CLI', () => {
  it('a list: model first, then server and token, filters, sort as one word, include and paging', () => {
    expect(code(LIST, 'cli')).toBe(
      'brainstem load session --url http://127.0.0.1:8000/ --token YOUR_TOKEN' +
        ' --filters name.icontains=cooling date_time.gte=2024-01-01 id.in=a1,b2' +
        ' --sort=-date_time,name --include projects --limit 5 --offset 10\n',
    );
  });

  it('the public portal names the portal and sends no token', () => {
    expect(code(PUBLIC, 'cli')).toBe(
      'brainstem load project --url http://127.0.0.1:8000/ --portal public --sort=-name --limit 2\n',
    );
  });

  it('a record, writes and a delete', () => {
    const base = '--url http://127.0.0.1:8000/ --token YOUR_TOKEN';
    expect(code(DETAIL, 'cli')).toBe(`brainstem load session ${base} --id ${ID} --include projects\n`);
    expect(code(CREATE, 'cli')).toBe(
      `brainstem save session ${base} --data '{"name":"New session","projects":["${ID}"]}'\n`,
    );
    expect(code(UPDATE, 'cli')).toBe(`brainstem save session ${base} --id ${ID} --data '{"description":"Updated"}'\n`);
    expect(code({ ...UPDATE, method: 'PUT' }, 'cli')).toContain(`--id ${ID} --method put --data`);
    expect(code(DELETE, 'cli')).toBe(`brainstem delete session ${base} --id ${ID}\n`);
  });

  it('special actions', () => {
    expect(code(ADD_ENTRY, 'cli')).toBe(
      `brainstem action subjectlog ${ID} add_entry --url http://127.0.0.1:8000/ --token YOUR_TOKEN` +
        ` --data '{"date_time":"2024-03-03T08:00:00Z","details":{"weight":{"value":25.3,"unit":"g"}}}'\n`,
    );
    expect(code(ACCEPT_APPROVAL, 'cli')).toBe(
      `brainstem action speciesapproval ${ID} accept --url http://127.0.0.1:8000/ --token YOUR_TOKEN\n`,
    );
  });

  it('quotes a word the shell would change', () => {
    const url = `${SESSIONS}?filter{name}=${encodeURIComponent(`it's "x" $HOME & ü`)}`;
    expect(code({ method: 'GET', url }, 'cli')).toContain(`--filters 'name=it'\\''s "x" $HOME & ü'`);
  });
});

describe('curl', () => {
  it('a list: -g for the braces and brackets, the Bearer header, the URL quoted', () => {
    expect(code(LIST, 'curl')).toBe(`curl -g -H 'Authorization: Bearer YOUR_TOKEN' '${LIST.url}'\n`);
  });

  it('the public portal sends no token', () => {
    expect(code(PUBLIC, 'curl')).toBe(`curl '${PUBLIC.url}'\n`);
  });

  it('writes send the method and the JSON body', () => {
    expect(code(CREATE, 'curl')).toBe(
      "curl -X POST -H 'Authorization: Bearer YOUR_TOKEN' -H 'Content-Type: application/json'" +
        ` -d '{"name":"New session","projects":["${ID}"]}' ${SESSIONS}\n`,
    );
    expect(code(DELETE, 'curl')).toBe(`curl -X DELETE -H 'Authorization: Bearer YOUR_TOKEN' ${SESSIONS}${ID}/\n`);
    expect(code(ADD_ENTRY, 'curl')).toContain(`-X PATCH -H 'Authorization: Bearer YOUR_TOKEN'`);
  });
});

describe('Python', () => {
  it('a list: load with filters, sort, include, limit and offset keywords', () => {
    expect(code(LIST, 'python')).toBe(
      [
        'import os',
        '',
        'from brainstem_api_tools import BrainstemClient',
        '',
        'client = BrainstemClient(',
        '    token=os.environ.get("BRAINSTEM_TOKEN", "YOUR_TOKEN"),',
        '    url="http://127.0.0.1:8000/",',
        ')',
        'response = client.load(',
        '    "session",',
        '    filters={"name.icontains": "cooling", "date_time.gte": "2024-01-01", "id.in": "a1,b2"},',
        '    sort=["-date_time", "name"],',
        '    include=["projects"],',
        '    limit=5,',
        '    offset=10,',
        ')',
        'print(response.json())',
        '',
      ].join('\n'),
    );
  });

  it('the public portal still passes the token: the tool would start a browser login without one', () => {
    const py = code(PUBLIC, 'python');
    expect(py).toContain('token=os.environ.get("BRAINSTEM_TOKEN", "YOUR_TOKEN")');
    expect(py).toContain('response = client.load("project", portal="public", sort=["-name"], limit=2)');
  });

  it('a record says the include it cannot send; writes and a delete', () => {
    const detail = code(DETAIL, 'python');
    expect(detail).toContain(`response = client.load("session", id="${ID}")`);
    expect(detail).toContain('# The tool sends no query with id=, so include="projects" is left out.');
    expect(code(CREATE, 'python')).toContain(
      `response = client.save(\n    "session",\n    data={"name": "New session", "projects": ["${ID}"]},\n)`,
    );
    expect(code(UPDATE, 'python')).toContain(
      `response = client.save(\n    "session",\n    id="${ID}",\n    data={"description": "Updated"},\n)`,
    );
    const del = code(DELETE, 'python');
    expect(del).toContain(`response = client.delete("session", id="${ID}")`);
    expect(del).toContain('print(response.status_code)');
  });

  it('special actions go through options=, GET ones with load and PATCH ones with save', () => {
    expect(code(ADD_ENTRY, 'python')).toContain('    options="add_entry/",\n');
    expect(code(ADD_ENTRY, 'python')).toContain('response = client.save(\n    "subjectlog",');
    expect(code(ACCEPT_APPROVAL, 'python')).toContain(
      `response = client.save(\n    "speciesapproval",\n    id="${ID}",\n    options="accept/",\n)`,
    );
    // The tool knows the invitation models by the docs' page names.
    expect(joined(code(ACCEPT_INVITATION, 'python'))).toContain(
      `response = client.load("project_membership_invitation", id="${ID}", options="accept/")`,
    );
  });

  it('writes literals as Python: None, True, the quote that needs fewer escapes', () => {
    const body = { a: 'say "hi"\n', q: `it's`, both: `'"'`, n: null, t: true, x: 1.5 };
    expect(code({ method: 'POST', url: SESSIONS, body }, 'python')).toContain(
      `data={"a": 'say "hi"\\n', "q": "it's", "both": "'\\"'", "n": None, "t": True, "x": 1.5}`,
    );
  });

  it('is left out where the tool cannot send the request: a PUT', () => {
    expect(byTool({ ...UPDATE, method: 'PUT' }).python).toBeUndefined();
    expect(byTool({ ...ACCEPT_INVITATION, method: 'POST' }).python).toBeUndefined();
  });
});

describe('requests no tool call makes get the curl line alone', () => {
  const only = (request: ShownRequest) => codeSnippets(request).map((s) => s.tool);
  it.each([
    ['an unknown query parameter', { method: 'GET', url: `${SESSIONS}?page=2` }],
    ['a filter named twice', { method: 'GET', url: `${SESSIONS}?filter{name}=a&filter{name}=b` }],
    ['an unknown model', { method: 'GET', url: `${SERVER}api/private/stem/nosuchmodel/` }],
    ['an unknown action', { method: 'PATCH', url: `${SESSIONS}${ID}/nosuchaction/` }],
    ['a path outside the models', { method: 'GET', url: `${SERVER}api/auth/whoami/` }],
    ['a filter on a record', { method: 'GET', url: `${SESSIONS}${ID}/?filter{name}=x` }],
    ['a query on a write', { method: 'POST', url: `${SESSIONS}?limit=5`, body: {} }],
    ['a body that is a list', { method: 'POST', url: SESSIONS, body: [{ name: 'a' }] }],
    ['a PATCH of a whole collection', { method: 'PATCH', url: SESSIONS, body: {} }],
  ] as [string, ShownRequest][])('%s', (_, request) => {
    expect(only(request)).toEqual(['curl']);
  });

  it('and the CLI is left out when a value holds a NUL, which no argument can carry', () => {
    expect(codeSnippets({ method: 'GET', url: `${SESSIONS}?filter{name}=a%00b` }).map((s) => s.tool)).toEqual([
      'typescript',
      'curl',
      'python',
    ]);
  });
});

describe('the server the snippets point at', () => {
  it('is the URL up to the API path, a base path included', () => {
    const url = 'https://lab.example.org/brainstem/api/private/stem/session/?limit=1';
    expect(code({ method: 'GET', url }, 'cli')).toContain('--url https://lab.example.org/brainstem/ ');
    expect(code({ method: 'GET', url }, 'typescript')).toContain("url: 'https://lab.example.org/brainstem/'");
  });
});
