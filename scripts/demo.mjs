// `npm run demo`: build the packages (quietly; the build log is printed only when the build fails), start the local
// BrainSTEM server with its demo data on a free loopback port, then
//   1. run examples/tutorial.ts against it as Alice (BRAINSTEM_URL + BRAINSTEM_TOKEN): each step prints its code and
//      what it printed;
//   2. run the same kind of tasks with the built CLI (packages/cli/dist), printing each command line and its output.
// Everything runs with a throwaway HOME, so the user's token cache and settings are neither read nor written.
// Exits non-zero when a step fails. `--no-build` skips the build (the packages must be built).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const heading = (title) => console.log(`\n${paint('1;7', ` ${title} `.padEnd(80))}`);

/** Run a program; `capture` collects its output instead of showing it. Resolves with the exit code and output. */
function run(cmd, args, { env = process.env, capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (capture) {
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
    }
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: signal ? 1 : (code ?? 1), output }));
  });
}

if (!process.argv.includes('--no-build')) {
  process.stdout.write('Building the packages… ');
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = await run(npm, ['run', 'build'], { capture: true });
  if (build.code !== 0) {
    console.log('failed:\n');
    console.log(build.output);
    process.exit(build.code);
  }
  console.log(`done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

// Imported after the build: the server package loads from its dist/.
const { DEMO_USERS, startServer } = await import('brainstem-server');
const server = await startServer({ port: 0, seed: 'demo', quiet: true });
const home = mkdtempSync(join(tmpdir(), 'brainstem-demo-'));
const alice = DEMO_USERS.alice;
const env = {
  ...process.env,
  HOME: home,
  XDG_CONFIG_HOME: join(home, '.config'),
  BRAINSTEM_URL: '',
  BRAINSTEM_TOKEN: '',
  BRAINSTEM_API_TOKEN: '',
  BRAINSTEM_NO_BROWSER: '1',
};
console.log(`Local BrainSTEM server with demo data: ${server.url}`);
console.log(`Demo user: ${alice.name} <${alice.email}>, token ${alice.token}`);

let failed = false;
try {
  heading('Part 1: the client library (TypeScript) — examples/tutorial.ts');
  const tutorial = await run(process.execPath, ['--import', 'tsx', join(root, 'examples', 'tutorial.ts')], {
    env: { ...env, BRAINSTEM_URL: server.url, BRAINSTEM_TOKEN: alice.token },
  });
  if (tutorial.code !== 0) throw new Error(`examples/tutorial.ts exited with ${tutorial.code}`);

  heading('Part 2: the command line — brainstem');
  await cliTour();
} catch (err) {
  failed = true;
  console.error(`\nDemo FAILED: ${err instanceof Error ? err.message : err}`);
} finally {
  await server.close();
  rmSync(home, { recursive: true, force: true });
}
if (!failed) console.log('\nDemo finished; server stopped. The READMEs show more: README.md, packages/*/README.md.');
process.exit(failed ? 1 : 0);

async function cliTour() {
  const cli = join(root, 'packages', 'cli', 'dist', 'brainstem.js');
  /** Print a command line as a user types it, then run it with the built CLI. */
  const brainstem = async (args, { note, expectCode = 0, capture = false } = {}) => {
    const shown = args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)).join(' ');
    console.log(`\n${paint('36', `$ brainstem ${shown}`)}${note ? paint('2', `   # ${note}`) : ''}`);
    const r = await run(process.execPath, [cli, ...args], { env, capture });
    if (capture) process.stdout.write(r.output);
    if (r.code !== expectCode) throw new Error(`brainstem ${shown} exited with ${r.code}`);
    if (expectCode) console.log(paint('2', `(exit code ${r.code})`));
    return r.output;
  };

  await brainstem(['login', '--url', server.url, '--token', alice.token], {
    note: 'the demo server becomes the default server',
  });
  await brainstem(['whoami']);
  await brainstem(
    [
      'load',
      'project',
      '--portal',
      'public',
      '--filters',
      'name.icontains=visual',
      '--fields',
      'name,tags',
      '--format',
      'ndjson',
    ],
    { note: 'one record per line; the default is the JSON body' },
  );
  await brainstem(
    ['load', 'session', '--filters', 'name.icontains=cooling', '--fields', 'name,date_time', '--format', 'csv'],
    {
      note: 'for pandas or Excel',
    },
  );
  const found = await brainstem(
    ['load', 'project', '--filters', 'name.icontains=place cells', '--fields', 'id,name', '--format', 'table'],
    { note: 'find an id by name', capture: true },
  );
  const project = found.split('\n')[2]?.split(' ')[0]; // the id column of the first row, under header and rule
  if (!project) throw new Error('the demo project "Hippocampal place cells" was not found');
  await brainstem([
    'load',
    'session',
    '--filters',
    `projects.id=${project}`,
    '--fields',
    'name,date_time',
    '--format',
    'table',
  ]);
  const saved = await brainstem(
    [
      'save',
      'session',
      '--data',
      JSON.stringify({ name: 'CLI session', projects: [project] }),
      '--format',
      'ndjson',
      '--fields',
      'id,name',
    ],
    { note: 'create', capture: true },
  );
  const session = JSON.parse(saved).id;
  await brainstem(
    [
      'save',
      'session',
      '--id',
      session,
      '--data',
      '{"description":"Updated from the CLI"}',
      '--format',
      'ndjson',
      '--fields',
      'name,description',
    ],
    {
      note: 'update',
    },
  );
  await brainstem(['delete', 'session', '--id', session]);
  await brainstem(['save', 'session', '--data', '{"description":"no name, no projects"}'], {
    note: 'a validation error: exit code 5',
    expectCode: 5,
  });
}
