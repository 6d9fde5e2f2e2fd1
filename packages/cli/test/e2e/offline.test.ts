// The built CLI without a server: help, version, models, completion, usage errors and a refused connection.
import { spawnSync } from 'node:child_process';
import { MODEL_NAMES } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusedUrl } from '../../../client/test/helpers/http.js';
import pkg from '../../package.json' with { type: 'json' };
import { ensureBuilt, runCli, tempHome } from './harness.js';

const home = tempHome();
const env = home.env;
let DEAD: string;

beforeAll(async () => {
  ensureBuilt();
  DEAD = await refusedUrl();
});
afterAll(() => home.cleanup());

describe('help and version', () => {
  it('--version prints the package version', async () => {
    const r = await runCli(['--version'], { env });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('--help lists commands, exit codes and environment variables', async () => {
    const r = await runCli(['--help'], { env });
    expect(r.code).toBe(0);
    for (const cmd of [
      'login',
      'logout',
      'whoami',
      'load',
      'save',
      'delete',
      'action',
      'import',
      'export',
      'models',
      'completion',
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^  ${cmd}\\b`, 'm'));
    }
    expect(r.stdout).toContain('Exit codes:');
    expect(r.stdout).toMatch(/130\s+interrupted/);
    expect(r.stdout).toContain('BRAINSTEM_API_TOKEN');
  });

  it.each([
    'login',
    'logout',
    'whoami',
    'load',
    'save',
    'delete',
    'action',
    'import',
    'export',
    'models',
    'completion',
  ])('%s --help shows examples and the global options', async (cmd) => {
    const r = await runCli([cmd, '--help'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    for (const flag of ['--token <token>', '--url <url>', '--headless']) expect(r.stdout).toContain(flag);
  });

  it('help, the model list and a model fit an 80-column terminal (COLUMNS=80), wrapped between words', async () => {
    const narrow = { ...env, COLUMNS: '80' };
    const commands = ['', 'login', 'logout', 'whoami', 'status', 'use', 'config', 'load', 'save', 'delete', 'action'];
    commands.push('import', 'export', 'models', 'completion');
    const runs = [
      ...commands.map((c) => (c ? [c, '--help'] : ['--help'])),
      ['models'],
      ['models', 'session'],
      ['models', 'procedure', '--type', 'Anesthesia'],
    ];
    for (const args of runs) {
      const r = await runCli(args, { env: narrow });
      expect(r.code, args.join(' ')).toBe(0);
      const long = r.stdout.split('\n').filter((l) => l.length > 80);
      expect(long, args.join(' ')).toEqual([]);
    }
    // Wrapping happens at spaces: the descriptions read the same joined back.
    const help = await runCli(['--help'], { env: narrow });
    expect(help.stdout.replace(/\n\s+/g, ' ')).toContain(
      'log in and cache a token for the server (browser by default; never prints the token); --url makes it the default',
    );
  }, 120_000); // nineteen CLI processes one after another: on a busy machine, more than the default 30 s

  it('help <command> works like <command> --help', async () => {
    const r = await runCli(['help', 'load'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--filters');
  });
});

describe('usage errors exit 2', () => {
  it('unknown command suggests the closest', async () => {
    const r = await runCli(['lod'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'lod'/);
    expect(r.stderr).toContain('load');
  });

  it('a model swallowed by --filters/--sort/--include: says to put it first or end the values with --', async () => {
    for (const args of [
      ['load', '--filters', 'name.icontains=PC', 'session'],
      ['load', '--sort', '-name', 'session'],
      ['load', '--include', 'projects', 'subject'],
    ]) {
      const r = await runCli([...args, '--url', DEAD], { env });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toContain("missing required argument 'model'");
      expect(r.stderr).toMatch(/^brainstem: missing the model: --(filters|sort|include) took "(session|subject)"/);
      expect(r.stderr).toContain('Put the model before --filters/--sort/--include, or end their values with --');
    }
    // Without a model name among the values, commander's own message stands.
    const none = await runCli(['load', '--filters', 'name=x', '--url', DEAD], { env });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("missing required argument 'model'");
    // Ending the values with -- works: the command gets as far as the (refused) connection.
    const ok = await runCli(
      ['load', '--url', DEAD, '--token', 'x', '--filters', 'name.icontains=PC', '--', 'session'],
      {
        env,
      },
    );
    expect(ok.code, ok.stderr).toBe(6);
  });

  it('unknown model answers with the closest valid names', async () => {
    const r = await runCli(['load', 'sesion', '--url', DEAD], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^brainstem: unknown model `sesion`; did you mean `session`\?/);
    expect(r.stdout).toBe('');
  });

  it.each([
    [['load', 'session', '--limit', 'abc'], /--limit must be an integer/],
    [['load', 'session', '--limit', '500'], /--limit must be between 1 and 100/],
    [['load', 'session', '--format', 'xml'], /argument 'xml' is invalid/],
    [['load', 'session', '--portal', 'secret'], /argument 'secret' is invalid/],
    [['load', 'session', '--filters', 'noequals'], /--filters: "noequals" is not FIELD=VALUE/],
    [
      ['load', 'session', '--filters', 'nme.icontains=PC'],
      /--filters "nme.icontains": unknown field `nme` on session; did you mean `name`\?/,
    ],
    [
      ['load', 'session', '--sort', '-nam'],
      /--sort "-nam": unknown sort field `nam` on session; did you mean `name`\?/,
    ],
    [['load', 'project', '--include', 'projectz'], /--include "projectz": unknown relation `projectz` on project/],
    [['load', 'session', '--filters', 'name.range=a,b'], /unknown operator `range` for session.name/],
    [['load', 'session', '--id', 'not-a-uuid'], /--id: session id must be a UUID/],
    [['load', 'session', '--id', '0b7c5a0e-3c1f-4d6e-9f1a-2b3c4d5e6f70', '--all'], /cannot be combined with --all/],
    [['load', 'session', '--all', '--limit', '5'], /--all fetches every page/],
    [['save', 'session'], /required option '-d, --data <json>' not specified/],
    [['save', 'session', '--data', '{"name":'], /--data: invalid JSON in the argument/],
    [['save', 'session', '--data', '@/no/such/file.json'], /cannot read file \(ENOENT\)/],
    [['save', 'session', '--data', '"text"'], /expected a JSON object or an array of objects/],
    [
      ['save', 'project', '--portal', 'public', '--data', '{}'],
      /--portal: project: "add" is not available on the public/,
    ],
    [
      ['save', 'project', '--portal', 'public', '--data', '[{"name":"a"}]'],
      /--portal: project: "add" is not available on the public/,
    ],
    [['delete', 'session'], /required option '--id <id>' not specified/],
    [['action', 'session', '0b7c5a0e-3c1f-4d6e-9f1a-2b3c4d5e6f70', 'accept'], /session has no special actions/],
    [
      ['action', 'subjectlog', '0b7c5a0e-3c1f-4d6e-9f1a-2b3c4d5e6f70', 'nope'],
      /unknown action "nope" for subjectlog; valid: add_entry/,
    ],
    [
      ['action', 'subjectlog', '0b7c5a0e-3c1f-4d6e-9f1a-2b3c4d5e6f70', 'add_entry', '--method', 'fetch'],
      /--method.*'fetch' is invalid\. Allowed choices are GET, POST, PATCH, PUT, DELETE/,
    ],
    [
      ['action', 'group', '--id', '12', 'join'],
      /unknown option '--id': the record id is an argument here \(brainstem action <model> <id> <action>\)/,
    ],
    [['load'], /missing required argument 'model'/],
    [['load', 'session', 'extra'], /too many arguments/],
    [['load', 'session', '--bogus'], /unknown option '--bogus'/],
    [['completion', 'fish'], /shell must be bash or zsh/],
    [['load', 'session', '--timeout', '-1'], /--timeout/],
  ])('%j', async (args, message) => {
    const r = await runCli([...args, '--url', DEAD, '--token', 'x'], { env });
    expect(r.stderr).toMatch(message);
    // One prefix style for commander's usage errors and the CLI's own.
    expect(r.stderr).toMatch(/^brainstem: [^\n]/);
    expect(r.stderr).not.toMatch(/error:/);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('prints no stack trace unless --debug', async () => {
    const r = await runCli(['load', 'sesion'], { env });
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('models', () => {
  // A wide terminal keeps each row on one line (fitting 80 columns is tested with the help).
  const wide = { ...env, COLUMNS: '1000' };

  it('lists every registry model with app and portals', async () => {
    const r = await runCli(['models'], { env: wide });
    expect(r.code).toBe(0);
    for (const name of MODEL_NAMES) expect(r.stdout).toMatch(new RegExp(`^${name}\\s`, 'm'));
    expect(r.stdout).toMatch(/^session\s+stem\s+list detail: public private; add change delete: private/m);
  });

  it('--format json gives the registry rows', async () => {
    const r = await runCli(['models', '--format', 'json'], { env: wide });
    const rows = JSON.parse(r.stdout) as Array<{ name: string }>;
    expect(rows.map((m) => m.name)).toEqual([...MODEL_NAMES]);
  });

  it('shows one model: fields with flags, filters, includes', async () => {
    const r = await runCli(['models', 'session'], { env: wide });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^name\s+string\s+required, max 100, unique/m);
    expect(r.stdout).toMatch(/^name_used_in_storage\s+string\s+read-only/m);
    expect(r.stdout).toContain('name.icontains');
    expect(r.stdout).toMatch(/Includes \(--include NAME\): .*projects/);
    expect(r.stdout).toContain('Loader:');
  });

  it("lists the operators the server implements (the registry's), not range", async () => {
    const r = await runCli(['models', 'breeding'], { env: wide });
    expect(r.stdout).toContain(
      '"any" = exact iexact contains icontains startswith istartswith endswith iendswith gt gte lt lte in isnull',
    );
    expect(r.stdout).toMatch(/^name\s+any$/m);
    expect(r.stdout).toMatch(/^litter_size\s+exact gt gte lt lte in isnull$/m);
    expect(r.stdout).not.toContain('range');
  });

  it('one model as CSV: one row per field', async () => {
    const r = await runCli(['models', 'subjectlog', '--format', 'csv'], { env: wide });
    expect(r.stdout.split('\r\n')[0]).toBe('field,type,notes');
  });

  it('a governed model lists its types with their schema versions', async () => {
    const r = await runCli(['models', 'procedure'], { env: wide });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^type\s+Anesthesia\s+1\.1\.0\s+anestheticAgent, route$/m);
    expect(r.stdout).toMatch(/^coordinates_system\s+CCF_XYZ_Absolute\s+1\.1\.0\s+—$/m);
  });

  it('--type shows one schema: fields, required, choices and units', async () => {
    const r = await runCli(['models', 'procedure', '--type', 'Anesthesia'], { env: wide });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('procedure type "Anesthesia": details is an object (schema 1.1.0');
    expect(r.stdout).toMatch(/^anestheticAgent\s+string\s+yes\s+Isoflurane, Sevoflurane, .*Propofol, Other$/m);
    expect(r.stdout).toMatch(/^duration\s+\{value, unit\}\s+no\s+units: h, min, s, ms, µs; default \{"unit":"min"\}$/m);
    const json = await runCli(['models', 'manipulation', '--type', 'AuditoryStimulation', '--format', 'json'], {
      env: wide,
    });
    expect(JSON.parse(json.stdout)).toMatchObject({ type: 'array', 'x-version': '1.1.0' });
    const bad = await runCli(['models', 'procedure', '--type', 'Anaesthesia'], { env: wide });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /unknown type "Anaesthesia" for procedure; did you mean "Anesthesia"\? Types of procedure: .*Anesthesia/,
    );
    const none = await runCli(['models', 'session', '--type', 'X'], { env: wide });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('session has no documented details schemas');
  });

  it('a model alias works', async () => {
    const r = await runCli(['models', 'project_membership_invitation', '--format', 'json'], { env: wide });
    expect(JSON.parse(r.stdout).name).toBe('projectmembershipinvitation');
  });
});

const hasZsh = !spawnSync('zsh', ['-c', 'true']).error;

describe('completion', () => {
  it('bash: valid syntax, and completes commands and model names', async () => {
    const r = await runCli(['completion', 'bash'], { env });
    expect(r.code).toBe(0);
    const check = spawnSync('bash', ['-n'], { input: r.stdout, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    const complete = (words: string[]) => {
      const script = `${r.stdout}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _brainstem; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return spawnSync('bash', ['-c', script], { encoding: 'utf8' }).stdout.trim().split('\n');
    };
    expect(complete(['brainstem', 'lo'])).toEqual(expect.arrayContaining(['load', 'login', 'logout']));
    expect(complete(['brainstem', 'load', 'sess'])).toEqual(['session', 'sessiondatastorage']);
    expect(complete(['brainstem', 'load', 'session', '--for'])).toEqual(['--format']);
    expect(complete(['brainstem', 'load', 'session', '--format', ''])).toEqual(['json', 'ndjson', 'csv', 'table']);
    expect(complete(['brainstem', 'action', 'subjectlog', 'x', 'add'])).toEqual(['add_entry']);
    expect(complete(['brainstem', 'import', 'sub'])).toEqual(['subjects', 'subject-logs']);
    expect(complete(['brainstem', 'import', 't'])).toEqual(['types', 'template']);
    expect(complete(['brainstem', 'import', 'template', 'coh'])).toEqual(['cohorts']);
    expect(complete(['brainstem', 'export', 'data'])).toEqual(['data-acquisition']);
  });

  it('zsh: a compdef script naming every command', async () => {
    const r = await runCli(['completion', 'zsh'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('#compdef brainstem')).toBe(true);
    for (const cmd of ['load', 'save', 'whoami', 'import', 'export']) expect(r.stdout).toContain(`'${cmd}:`);
  });

  // Reported as skipped (not silently passed) where zsh is not installed.
  it.skipIf(!hasZsh)('zsh: the script parses (zsh -n)', async () => {
    const r = await runCli(['completion', 'zsh'], { env });
    const zsh = spawnSync('zsh', ['-n'], { input: r.stdout, encoding: 'utf8' });
    expect(zsh.error).toBeUndefined();
    expect(zsh.status, zsh.stderr).toBe(0);
  });

  it('defaults to the shell in $SHELL', async () => {
    const r = await runCli(['completion'], { env: { ...env, SHELL: '/bin/bash' } });
    expect(r.stdout).toContain('complete -F _brainstem brainstem');
  });
});

describe('network failures exit 6', () => {
  it('connection refused', async () => {
    const r = await runCli(['load', 'session', '--url', DEAD, '--token', 'secret-token-xyz'], { env });
    expect(r.code).toBe(6);
    // One line when the first retry starts, one with the error.
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/attempt 1 of \d+, next try in/);
    expect(lines[1]).toMatch(/^brainstem: .*(refused|reach)/i);
    expect(r.stderr).not.toContain('secret-token-xyz');
  });
});
