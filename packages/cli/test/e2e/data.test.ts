// load / save / delete / action through the built CLI against the real local server (demo data + 250 sessions).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEMO_USERS, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/format/csv.js';
import { ensureBuilt, type RunResult, runCli, tempHome } from './harness.js';

const EXTRA_SESSIONS = 250;
const ALICE = DEMO_USERS.alice.token;
let server: RunningServer;
const home = tempHome();
let as: (args: string[], opts?: { stdin?: string; env?: Record<string, string> }) => Promise<RunResult>;
let placeCells: string; // id of Alice's project "Hippocampal place cells (Andersen lab)"

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON of many shapes, read by assertions
function json(r: RunResult): Record<string, unknown> & { [k: string]: any } {
  expect(r.stderr, 'stderr').toBe('');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  ensureBuilt();
  server = await startServer({ port: 0, seed: 'demo', seedSessions: EXTRA_SESSIONS, quiet: true });
  as = (args, opts = {}) =>
    runCli([...args, '--url', server.url, '--token', ALICE], { env: { ...home.env, ...opts.env }, stdin: opts.stdin });
  const projects = json(await as(['load', 'project', '--filters', 'name.icontains=place cells']));
  placeCells = projects.projects[0].id;
  expect(placeCells).toMatch(/^[0-9a-f-]{36}$/);
  // A record that exercises CSV quoting: comma, quotes, newline, non-ASCII, nested JSON with commas.
  const tricky = {
    name: 'tricky, "quoted"\nsecond line – ü',
    projects: [placeCells],
    description: 'a\r\nb',
    extra_fields: { note: 'x, "y"', n: 2 },
  };
  json(await as(['save', 'session', '--data', JSON.stringify(tricky)]));
});

afterAll(async () => {
  await server?.close();
  home.cleanup();
});

describe('load', () => {
  it('prints the response body as compact JSON when piped', async () => {
    const r = await as(['load', 'project']);
    const body = json(r);
    expect(Array.isArray(body.projects)).toBe(true);
    expect(typeof body.count).toBe('number');
    expect(r.stdout.trimEnd().includes('\n')).toBe(false);
  });

  it('reads the public portal without any token', async () => {
    const r = await runCli(['load', 'project', '--portal', 'public', '--url', server.url], { env: home.env });
    const body = json(r);
    expect(body.projects.length).toBeGreaterThan(0);
  });

  it('ANDs several filters (variadic and repeated)', async () => {
    const one = json(await as(['load', 'project', '--portal', 'public', '--filters', 'name.icontains=allen']));
    expect(one.projects.length).toBeGreaterThan(0);
    for (const p of one.projects) expect(p.name.toLowerCase()).toContain('allen');
    const both = json(
      await as([
        'load',
        'project',
        '--portal',
        'public',
        '--filters',
        'name.icontains=allen',
        'description.icontains=neuropixels',
      ]),
    );
    const repeated = json(
      await as([
        'load',
        'project',
        '--portal',
        'public',
        '--filters',
        'name.icontains=allen',
        '--filters',
        'description.icontains=neuropixels',
      ]),
    );
    expect(repeated).toEqual(both);
    // The singular spelling is accepted too, also mixed with the plural.
    const singular = json(
      await as([
        'load',
        'project',
        '--portal',
        'public',
        '--filter',
        'name.icontains=allen',
        '--filters',
        'description.icontains=neuropixels',
      ]),
    );
    expect(singular).toEqual(both);
    expect(both.projects.length).toBeLessThan(one.projects.length + 1);
    for (const p of both.projects) expect(`${p.description}`.toLowerCase()).toContain('neuropixels');
  });

  it('sorts ascending and descending (--sort -name and --sort=-name)', async () => {
    const names = (r: RunResult) => (json(r).projects as Array<{ name: string }>).map((p) => p.name);
    const asc = names(await as(['load', 'project', '--portal', 'public', '--sort', 'name']));
    const desc = names(await as(['load', 'project', '--portal', 'public', '--sort', '-name']));
    const desc2 = names(await as(['load', 'project', '--portal', 'public', '--sort=-name']));
    expect(asc.length).toBeGreaterThan(1);
    expect(desc).toEqual([...asc].reverse());
    expect(desc2).toEqual(desc);
  });

  it('pages with --limit and --offset', async () => {
    const first = json(await as(['load', 'session', '--limit', '5']));
    const second = json(await as(['load', 'session', '--limit', '5', '--offset', '5']));
    expect(first.sessions).toHaveLength(5);
    expect(second.sessions).toHaveLength(5);
    const ids = new Set(first.sessions.map((s: { id: string }) => s.id));
    for (const s of second.sessions) expect(ids.has(s.id)).toBe(false);
    expect(first.count).toBeGreaterThanOrEqual(EXTRA_SESSIONS);
  });

  it('loads one record by --id, with --include embedding relations', async () => {
    const body = json(await as(['load', 'project', '--id', placeCells, '--include', 'sessions']));
    expect(body.project.id).toBe(placeCells);
    expect(body.project.sessions.length).toBeGreaterThan(0);
    expect(typeof body.project.sessions[0]).toBe('object');
  });

  it('--all returns every record once, matching count', async () => {
    const body = json(await as(['load', 'session', '--all']));
    const ids = body.sessions.map((s: { id: string }) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(EXTRA_SESSIONS);
    expect(body.count).toBe(ids.length);
  });

  it('--all --format ndjson writes one record per line, same records as json', async () => {
    const all = json(await as(['load', 'session', '--all']));
    const r = await as(['load', 'session', '--all', '--format', 'ndjson']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((s) => s.id)).toEqual(all.sessions.map((s: { id: string }) => s.id));
  });

  it('--format csv parses back to the same records (nested values as JSON)', async () => {
    const all = json(await as(['load', 'session', '--all']));
    const r = await as(['load', 'session', '--all', '--format', 'csv']);
    expect(r.code).toBe(0);
    const [header, ...rows] = parseCsv(r.stdout);
    const keys = [...new Set(all.sessions.flatMap((s: object) => Object.keys(s)))];
    expect(header).toEqual(keys);
    expect(rows).toHaveLength(all.sessions.length);
    rows.forEach((row, i) => {
      const rec = all.sessions[i];
      (header as string[]).forEach((k, j) => {
        const v = rec[k];
        const cell = row[j];
        if (v === null || v === undefined) expect(cell).toBe('');
        else if (typeof v === 'object') expect(JSON.parse(cell as string)).toEqual(v);
        else expect(cell).toBe(String(v));
      });
    });
  });

  it.skipIf(spawnSync('python3', ['-c', 'import csv']).status !== 0)(
    "CSV reads back identically with Python's csv module (its default dialect is Excel's)",
    async () => {
      const r = await as(['load', 'session', '--all', '--format', 'csv']);
      const py = spawnSync(
        'python3',
        [
          '-c',
          'import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))',
        ],
        { input: r.stdout, encoding: 'utf8' },
      );
      expect(py.status, py.stderr).toBe(0);
      expect(JSON.parse(py.stdout)).toEqual(parseCsv(r.stdout));
    },
  );

  it('--fields picks CSV columns in order (and streams)', async () => {
    const r = await as(['load', 'session', '--all', '--format', 'csv', '--fields', 'name,id']);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(['name', 'id']);
    expect(rows.length - 1).toBeGreaterThanOrEqual(EXTRA_SESSIONS);
  });

  it('--fields applies to JSON records too', async () => {
    const body = json(await as(['load', 'session', '--limit', '3', '--fields', 'id']));
    expect(body.sessions.map((s: object) => Object.keys(s))).toEqual([['id'], ['id'], ['id']]);
  });

  it('--format table prints aligned columns with id and name first', async () => {
    const r = await as(['load', 'project', '--format', 'table']);
    expect(r.code).toBe(0);
    const [head, rule] = r.stdout.split('\n');
    expect(head).toMatch(/^id\s+name\s/);
    expect(rule).toMatch(/^-+\s+-+/);
  });

  it('--format table keeps every id whole in an 80-column terminal (COLUMNS=80)', async () => {
    const ids = json(await as(['load', 'session', '--fields', 'id'])).sessions.map((s: { id: string }) => s.id);
    expect(ids.length).toBeGreaterThan(0);
    const uuidRuns = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{0,11}(?![0-9a-f])/g;
    for (const fields of ['id,name,description', 'id,projects']) {
      const r = await as(['load', 'session', '--format', 'table', '--fields', fields], { env: { COLUMNS: '80' } });
      expect(r.code).toBe(0);
      for (const id of ids) expect(r.stdout).toContain(id);
      // Every UUID-looking run on the page is a whole UUID: none is cut short.
      expect((r.stdout.match(uuidRuns) ?? []).filter((u) => u.length !== 36)).toEqual([]);
      expect(r.stdout.split('\n').filter((l) => l.length > 80)).toEqual([]);
    }
  });

  it('an empty table says so on stderr, nothing on stdout', async () => {
    const r = await as(['load', 'session', '--filters', 'name=no such session', '--format', 'table']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: 'No sessions found.\n' });
    const quiet = await as(['load', 'session', '--filters', 'name=no such session', '--format', 'table', '--quiet']);
    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('--all streaming output keeps --concurrency pages in flight, in server order', async () => {
    // A loopback proxy in front of the server that holds each request 40 ms and counts how many are open at once.
    let open = 0;
    let max = 0;
    const target = new URL(server.url);
    const proxy = createServer((req, res) => {
      open++;
      max = Math.max(max, open);
      res.on('close', () => open--);
      setTimeout(() => {
        const up = httpRequest(
          { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
          (r) => {
            res.writeHead(r.statusCode ?? 502, r.headers);
            r.pipe(res);
          },
        );
        req.pipe(up);
      }, 40);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const all = json(await as(['load', 'session', '--all', '--sort', 'name']));
      const args = ['load', 'session', '--all', '--sort', 'name', '--format', 'ndjson', '--token', ALICE, '--url', url];
      const r = await runCli([...args, '--concurrency', '4'], { env: home.env });
      expect(r.code, r.stderr).toBe(0);
      const ids = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id);
      expect(ids).toEqual(all.sessions.map((s: { id: string }) => s.id));
      expect(max).toBeGreaterThan(1);
      expect(max).toBeLessThanOrEqual(4);
      max = 0;
      const one = await runCli([...args, '--concurrency', '1'], { env: home.env });
      expect(one.code, one.stderr).toBe(0);
      expect(max).toBe(1);
    } finally {
      await new Promise((r) => proxy.close(r));
    }
  });

  it('reads the token from BRAINSTEM_TOKEN / BRAINSTEM_API_TOKEN and the server from BRAINSTEM_URL', async () => {
    for (const name of ['BRAINSTEM_TOKEN', 'BRAINSTEM_API_TOKEN']) {
      const r = await runCli(['load', 'project'], { env: { ...home.env, [name]: ALICE, BRAINSTEM_URL: server.url } });
      expect(json(r).projects.length).toBeGreaterThan(0);
    }
  });
});

describe('save and delete', () => {
  const sessionData = (name: string) =>
    JSON.stringify({ name, projects: [placeCells], description: 'from the CLI test' });

  it('creates with --data, updates with --id (PATCH), replaces with --method put, deletes', async () => {
    const created = json(await as(['save', 'session', '--data', sessionData('cli-create-1')]));
    const id = created.session.id as string;
    expect(created.session.name).toBe('cli-create-1');

    const patched = json(await as(['save', 'session', '--id', id, '--data', '{"description":"patched"}']));
    expect(patched.session).toMatchObject({ id, name: 'cli-create-1', description: 'patched' });

    const put = json(
      await as([
        'save',
        'session',
        '--id',
        id,
        '--method',
        'put',
        '--data',
        JSON.stringify({ name: 'cli-put-1', projects: [placeCells] }),
      ]),
    );
    expect(put.session).toMatchObject({ id, name: 'cli-put-1' });

    const del = await as(['delete', 'session', '--id', id]);
    expect(del).toMatchObject({ code: 0, stdout: '' });
    expect(del.stderr).toBe(`Deleted session ${id}\n`);

    const gone = await as(['load', 'session', '--id', id]);
    expect(gone.code).toBe(4);
    expect(gone.stdout).toBe('');
    expect(gone.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads --data from a file (@file) and from stdin (-)', async () => {
    const file = join(home.home, 'session.json');
    writeFileSync(file, sessionData('cli-from-file'));
    const fromFile = json(await as(['save', 'session', '--data', `@${file}`]));
    expect(fromFile.session.name).toBe('cli-from-file');
    const fromStdin = json(await as(['save', 'session', '--data', '-'], { stdin: sessionData('cli-from-stdin') }));
    expect(fromStdin.session.name).toBe('cli-from-stdin');
    const r = await as(['delete', 'session', '--id', fromFile.session.id, '--id', fromStdin.session.id, '--quiet']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('saves each item of an array and reports per item; one failure sets the exit code', async () => {
    const items = [
      { name: 'cli-bulk-a', projects: [placeCells] },
      { description: 'no name, no projects' },
      { name: 'cli-bulk-c', projects: [placeCells] },
    ];
    const r = await as(['save', 'session', '--data', '-', '--format', 'ndjson'], { stdin: JSON.stringify(items) });
    expect(r.code).toBe(5);
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((x) => [x.index, x.ok])).toEqual([
      [0, true],
      [1, false],
      [2, true],
    ]);
    expect(rows[0].record.name).toBe('cli-bulk-a');
    expect(rows[1].error).toMatchObject({ type: 'ValidationError', status: 400 });
    expect(Object.keys(rows[1].error.fields)).toEqual(expect.arrayContaining(['name']));
    expect(r.stderr).toMatch(/^brainstem: saved 2 of 3 sessions; 1 failed:\n {2}item 1: /);
    expect(r.stderr).toMatch(/^ {4}name: /m);
    // the two good ones exist
    const del = await as(['delete', 'session', '--id', rows[0].id, '--id', rows[2].id]);
    expect(del.code).toBe(0);
    expect(del.stderr).toContain(`Deleted session ${rows[0].id}`);
  });

  it('an all-good array exits 0 and says so on stderr', async () => {
    const items = [1, 2].map((i) => ({ name: `cli-bulk-ok-${i}`, projects: [placeCells] }));
    const r = await as(['save', 'session', '--data', JSON.stringify(items)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('saved 2 of 2 sessions\n');
    const rows = JSON.parse(r.stdout);
    expect(rows.every((x: { ok: boolean }) => x.ok)).toBe(true);
    await as(['delete', 'session', ...rows.flatMap((x: { id: string }) => ['--id', x.id])]);
  });

  it('a 400 prints one line, then each field error on its own line; exit 5', async () => {
    const r = await as(['save', 'session', '--data', '{"description":"missing the required fields"}']);
    expect(r.code).toBe(5);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^brainstem: validation failed \(400 Bad Request, POST http:.*\/session\/\):$/);
    expect(lines.slice(1)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^ {2}name: /), expect.stringMatching(/^ {2}projects: /)]),
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [
      ['--filters', 'nme.icontains=PC'],
      /^brainstem: --filters "nme\.icontains": unknown field `nme` on session; did you mean `name`\?/,
    ],
    [['--sort', '-nme'], /^brainstem: --sort "-nme": unknown sort field `nme` on session; did you mean `name`\?/],
    [
      ['--include', 'projecs'],
      /^brainstem: --include "projecs": unknown relation `projecs` on session; did you mean `projects`\?/,
    ],
  ])('a misspelt name in %j is a usage error naming the closest, before any request', async (args, message) => {
    const r = await as(['load', 'session', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // One line, the client's check in the words of the command line, and no server 400 (no request was sent).
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/400|Bad Request|%7B/);
  });

  it('relation paths, .id and the timestamps pass the name check and reach the server', async () => {
    const r = await as([
      'load',
      'session',
      '--filters',
      'projects.name.icontains=place',
      'projects.id.in=0b7c5a0e-3c1f-4d6e-9f1a-2b3c4d5e6f70',
      'created_date.gte=2000-01-01',
      '--sort',
      '-modified_date',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toHaveProperty('sessions');
  });

  it('--debug adds the response body and a stack trace', async () => {
    const r = await as(['save', 'session', '--data', '{}', '--debug']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('response body: {');
    expect(r.stderr).toMatch(/\n\s+at /);
    expect(r.stderr).not.toContain(ALICE);
  });

  it('a 403 (Bob changing a project he only reads) exits 5 with one line', async () => {
    const r = await runCli(
      [
        'save',
        'project',
        '--id',
        placeCells,
        '--data',
        '{"description":"bob was here"}',
        '--url',
        server.url,
        '--token',
        DEMO_USERS.bob.token,
      ],
      {
        env: home.env,
      },
    );
    expect(r.code).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^brainstem: 403 Forbidden .*permission/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toContain(DEMO_USERS.bob.token);
  });

  it('deleting a missing record exits 4', async () => {
    const r = await as(['delete', 'session', '--id', '00000000-0000-4000-8000-000000000000']);
    expect(r.code).toBe(4);
  });
});

describe('action', () => {
  it('runs add_entry on a subject log', async () => {
    const logs = json(await as(['load', 'subjectlog', '--limit', '1']));
    const log = logs.subject_logs?.[0] ?? Object.values(logs).find(Array.isArray)?.[0];
    expect(log?.id).toBeTruthy();
    const r = await as([
      'action',
      'subjectlog',
      log.id,
      'add_entry',
      '--data',
      JSON.stringify({ date_time: '2024-01-01T10:00:00Z', notes: 'weighed by the CLI test' }),
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('weighed by the CLI test');
  });
});

describe('errors', () => {
  it('a wrong token exits 3 and never shows the token', async () => {
    const bad = 'bst_this_is_not_a_valid_token_123';
    const r = await runCli(['load', 'session', '--url', server.url, '--token', bad, '--debug'], { env: home.env });
    expect(r.code).toBe(3);
    expect(r.stdout + r.stderr).not.toContain(bad);
    expect(r.stderr).toMatch(/login|token/i);
  });

  it('no token at all (no cache, not a terminal) exits 3 and says how to log in', async () => {
    const r = await runCli(['load', 'session', '--url', server.url], { env: home.env });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/brainstem login/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('the token never appears in any output, even with --debug and BRAINSTEM_LOG=debug', async () => {
    for (const args of [
      ['load', 'session', '--limit', '2'],
      ['load', 'project', '--all', '--format', 'csv'],
      ['whoami'],
    ]) {
      const r = await as([...args, '--debug'], { env: { BRAINSTEM_LOG: 'debug' } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toContain(ALICE);
    }
  });
});

describe('server failures', () => {
  let faulty: RunningServer;
  beforeAll(async () => {
    faulty = await startServer({ port: 0, seed: 'demo', faultRate: 1, quiet: true });
  });
  afterAll(async () => faulty?.close());

  it('5xx / dropped connections after retries exit 6', async () => {
    const r = await runCli(['load', 'project', '--url', faulty.url, '--token', ALICE], {
      env: home.env,
      timeoutMs: 60_000,
    });
    expect(r.code).toBe(6);
    // One line when the first retry starts, one with the error.
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/attempt 1 of \d+, next try in/);
    expect(r.stderr).not.toContain(ALICE);
  });
});
