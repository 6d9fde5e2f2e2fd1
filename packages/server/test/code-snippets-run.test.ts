/**
 * The snippets run: for reads (filters, sort, include, paging, the public portal, a record) and writes (a create,
 * an update, a replacement, a delete, a log entry) on a demo server, each tool's snippet — with a demo token put in for the
 * placeholder — does what the request on screen does. The TypeScript runs under tsx against the built client, the
 * command line runs the built CLI through bash, curl runs through bash, and the Python runs under python3 against
 * an offline stand-in of the official tool (brainstem_api_tools_stand_in.py: the official package is on PyPI, out
 * of reach here), so its text, its literals and the calls it makes are checked, not the official package itself.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getModel, MODELS, type ModelSpec } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, type RunningServer, startServer } from '../src/index.js';
import { type CodeSnippet, codeSnippets, type ShownRequest, TOKEN_PLACEHOLDER } from '../src/web/code-snippets.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests index into arbitrary JSON answers
type Json = any;

const root = join(import.meta.dirname, '..', '..', '..');
const CLI = join(root, 'packages/cli/dist/brainstem.js');
const TOOLS = ['typescript', 'cli', 'curl', 'python'] as const;
type Tool = (typeof TOOLS)[number];
const TOKEN = DEMO_USERS.alice.token;
/** Text each language quotes differently. */
const TRICKY = `it's "quoted" $HOME & \`x\` ü – 😀`;

let server: RunningServer;
let work: string;
let env: Record<string, string>;
let runs = 0;

beforeAll(async () => {
  for (const built of [CLI, join(root, 'packages/client/dist/index.js')]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
  server = await startServer({ port: 0, seed: 'demo', quiet: true });
  work = mkdtempSync(join(tmpdir(), 'bs-snippets-'));
  // `brainstem` on PATH, as an install of the packed CLI puts it there.
  mkdirSync(join(work, 'bin'));
  writeFileSync(join(work, 'bin', 'brainstem'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(work, 'bin', 'brainstem'), 0o755);
  // `import … from 'brainstem-api-tools'` and tsx resolve through the repository's node_modules.
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
  mkdirSync(join(work, 'py', 'brainstem_api_tools'), { recursive: true });
  copyFileSync(
    join(import.meta.dirname, 'brainstem_api_tools_stand_in.py'),
    join(work, 'py', 'brainstem_api_tools', '__init__.py'),
  );
  const apps = Object.fromEntries(
    (MODELS as readonly ModelSpec[]).flatMap((m) => [m.name, ...(m.aliases ?? [])].map((n) => [n, m.app])),
  );
  const home = join(work, 'home');
  mkdirSync(home);
  env = {
    PATH: `${join(work, 'bin')}:${process.env.PATH}`,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    LANG: 'C.UTF-8',
    CI: '1',
    PYTHONPATH: join(work, 'py'),
    BRAINSTEM_STAND_IN_APPS: JSON.stringify(apps),
  };
});
afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Run a program without blocking this process (the server answers from here). */
function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: work, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The snippet of `tool` for `request`, with Alice's token where the placeholder is. */
function snippet(request: ShownRequest, tool: Tool): string {
  const found = codeSnippets(request).find((s: CodeSnippet) => s.tool === tool);
  if (!found) throw new Error(`no ${tool} snippet for ${request.method} ${request.url}`);
  return found.code.replaceAll(TOKEN_PLACEHOLDER, TOKEN);
}

/**
 * Runs `tool`'s snippet for `request` and returns the JSON answer it printed (`undefined` when it prints none: a
 * delete). The CLI gets `--format json` (but for a delete), curl `-sS`; the Python answer is what the stand-in
 * received.
 */
async function runSnippet(request: ShownRequest, tool: Tool): Promise<unknown> {
  const code = snippet(request, tool);
  const n = ++runs;
  let r: Awaited<ReturnType<typeof run>>;
  let printed: () => string;
  if (tool === 'typescript') {
    const file = join(work, `snippet-${n}.mts`);
    writeFileSync(file, code);
    r = await run(process.execPath, ['--import', 'tsx', file]);
    printed = () => r.stdout;
  } else if (tool === 'cli' || tool === 'curl') {
    // `delete` prints nothing and takes no --format.
    const extra = tool === 'curl' ? ' -sS' : request.method === 'DELETE' ? '' : ' --format json';
    r = await run('bash', ['-c', `${code.trimEnd()}${extra}`]);
    printed = () => r.stdout;
  } else {
    const out = join(work, `python-${n}.jsonl`);
    r = await run('python3', ['-c', code], { BRAINSTEM_STAND_IN_OUT: out });
    printed = () => {
      const answers = readFileSync(out, 'utf8').trim().split('\n');
      expect(answers).toHaveLength(1);
      return JSON.stringify(JSON.parse(answers[0] as string).body ?? '');
    };
  }
  expect(r.code, `${tool} snippet failed:\n${code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(0);
  const text = printed().trim();
  return text === '' || text === '""' ? undefined : JSON.parse(text);
}

/** The server's answer to the request itself. */
async function direct(request: ShownRequest): Promise<{ status: number; body: Json }> {
  const public_ = new URL(request.url).pathname.includes('/api/public/');
  const headers: Record<string, string> = public_ ? {} : { Authorization: `Bearer ${TOKEN}` };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(request.url, {
    method: request.method,
    headers,
    ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const ids = (records: { id: unknown }[]) => records.map((r) => r.id);

/** The ids a list or detail body holds, with the ids of what each record embeds under `rel`. */
function shape(body: Json, model: string, rel?: string): { count: unknown; records: unknown[] } {
  const m = getModel(model);
  const records: Json[] = body?.[m.listKey] ?? (body?.[m.detailKey] ? [body[m.detailKey]] : []);
  return {
    count: body?.count,
    records: records.map((r) => (rel ? { id: r.id, [rel]: ids(r[rel] ?? []) } : r.id)),
  };
}

async function sessionsNamed(name: string) {
  const url = `${server.url}api/private/stem/session/?${new URLSearchParams({ 'filter{name}': name })}`;
  return (await direct({ method: 'GET', url })).body.sessions as { id: string; description: string }[];
}

async function createSession(name: string): Promise<string> {
  const { body } = await direct({ method: 'GET', url: `${server.url}api/private/stem/project/?limit=1` });
  const created = await direct({
    method: 'POST',
    url: `${server.url}api/private/stem/session/`,
    body: { name, projects: [body.projects[0].id] },
  });
  expect(created.status).toBe(201);
  return created.body.session.id;
}

describe('reads: every tool answers with the records a GET of the URL answers', () => {
  type Case = { request: ShownRequest; model: string; rel?: string; detail?: boolean };
  const cases: [string, () => Promise<Case>][] = [
    [
      'filters (exact name with quotes, $, & and unicode; icontains), include',
      async () => {
        await createSession(TRICKY);
        const q = new URLSearchParams({ 'filter{name}': TRICKY, 'filter{name.icontains}': '"QUOTED"' });
        return {
          request: { method: 'GET', url: `${server.url}api/private/stem/session/?${q}&include[]=projects.*` },
          model: 'session',
          rel: 'projects',
        };
      },
    ],
    [
      'an .in filter, sort by two keys with one descending, limit and offset',
      async () => {
        const { body } = await direct({ method: 'GET', url: `${server.url}api/private/stem/session/?limit=6` });
        const some = ids(body.sessions).join(',');
        return {
          request: {
            method: 'GET',
            url:
              `${server.url}api/private/stem/session/?filter{id.in}=${some}&filter{name.icontains}=-` +
              '&sort[]=-date_time&sort[]=name&limit=3&offset=1',
          },
          model: 'session',
        };
      },
    ],
    [
      'the public portal, sorted descending, paged',
      async () => ({
        request: { method: 'GET', url: `${server.url}api/public/stem/project/?sort%5B%5D=-name&limit=2&offset=1` },
        model: 'project',
      }),
    ],
    [
      'a record with an include',
      async () => {
        const { body } = await direct({ method: 'GET', url: `${server.url}api/private/stem/session/?limit=1` });
        return {
          request: {
            method: 'GET',
            url: `${server.url}api/private/stem/session/${body.sessions[0].id}/?include[]=projects.*`,
          },
          model: 'session',
          rel: 'projects',
          detail: true,
        };
      },
    ],
  ];

  for (const [name, make] of cases) {
    it(name, async () => {
      const { request, model, rel, detail } = await make();
      const answer = (await direct(request)).body;
      expect(shape(answer, model).records.length).toBeGreaterThan(0);
      const answers = await Promise.all(TOOLS.map(async (tool) => [tool, await runSnippet(request, tool)] as const));
      for (const [tool, body] of answers) {
        // The Python tool sends no query with id=, so a record comes without its include (the snippet says so).
        const embeds = tool === 'python' && detail ? undefined : rel;
        expect({ tool, ...shape(body, model, embeds) }).toEqual({ tool, ...shape(answer, model, embeds) });
      }
    }, 180_000);
  }
});

describe('writes: every tool makes the change the request makes', () => {
  it('a create with quotes, $, & and unicode in the body', async () => {
    const { body } = await direct({ method: 'GET', url: `${server.url}api/private/stem/project/?limit=1` });
    await Promise.all(
      TOOLS.map(async (tool) => {
        const name = `Made by ${tool}: ${TRICKY}`;
        const request: ShownRequest = {
          method: 'POST',
          url: `${server.url}api/private/stem/session/`,
          body: { name, projects: [body.projects[0].id], description: `line one\nline two ${TRICKY}` },
        };
        await runSnippet(request, tool);
        const made = await sessionsNamed(name);
        expect(
          made.map((s) => s.description),
          tool,
        ).toEqual([`line one\nline two ${TRICKY}`]);
      }),
    );
  }, 180_000);

  it('an update (PATCH)', async () => {
    const id = await createSession('To be updated by every tool');
    for (const tool of TOOLS) {
      const description = `Updated by ${tool}: ${TRICKY}`;
      await runSnippet(
        { method: 'PATCH', url: `${server.url}api/private/stem/session/${id}/`, body: { description } },
        tool,
      );
      const { body } = await direct({ method: 'GET', url: `${server.url}api/private/stem/session/${id}/` });
      expect(body.session.description, tool).toBe(description);
    }
  }, 180_000);

  it('a replacement (PUT); the Python tool has none, so it gets no snippet', async () => {
    const { body } = await direct({ method: 'GET', url: `${server.url}api/private/stem/project/?limit=1` });
    const id = await createSession('To be replaced by every tool');
    const url = `${server.url}api/private/stem/session/${id}/`;
    for (const tool of TOOLS.filter((t) => t !== 'python')) {
      const replacement = { name: `Replaced by ${tool}: ${TRICKY}`, projects: [body.projects[0].id] };
      await runSnippet({ method: 'PUT', url, body: replacement }, tool);
      expect((await direct({ method: 'GET', url })).body.session.name, tool).toBe(replacement.name);
    }
    expect(codeSnippets({ method: 'PUT', url, body: {} }).map((s) => s.tool)).not.toContain('python');
  }, 180_000);

  it('a delete', async () => {
    await Promise.all(
      TOOLS.map(async (tool) => {
        const id = await createSession(`To be deleted by ${tool}`);
        const url = `${server.url}api/private/stem/session/${id}/`;
        await runSnippet({ method: 'DELETE', url }, tool);
        expect((await direct({ method: 'GET', url })).status, tool).toBe(404);
      }),
    );
  }, 180_000);

  it('a special action: a subject log entry (PATCH add_entry)', async () => {
    const list = `${server.url}api/private/modules/subjectlog/?filter{type}=Weighing&limit=1`;
    const log = (await direct({ method: 'GET', url: list })).body.subject_logs[0];
    const url = `${server.url}api/private/modules/subjectlog/${log.id}/add_entry/`;
    for (const [i, tool] of TOOLS.entries()) {
      const entry = { date_time: `2024-04-0${i + 1}T08:00:00Z`, details: { weight: { value: 20 + i, unit: 'g' } } };
      await runSnippet({ method: 'PATCH', url, body: entry }, tool);
    }
    const { body } = await direct({ method: 'GET', url: `${server.url}api/private/modules/subjectlog/${log.id}/` });
    const added = (body.subject_log.entries as { date_time: string }[]).map((e) => e.date_time).sort();
    expect(added).toEqual(expect.arrayContaining(TOOLS.map((_, i) => `2024-04-0${i + 1}T08:00:00Z`)));
  }, 180_000);
});
