/**
 * The BrainSTEM API tutorial in TypeScript: the official Python tool's user guide, section by section. Each step
 * prints its own code, then what it printed (`→`).
 *
 * Run it against the local demo server with `npm run demo`, or against any server:
 *
 *   BRAINSTEM_URL=https://www.brainstem.org/ BRAINSTEM_TOKEN=… npx tsx examples/tutorial.ts
 *
 * It is an ES module with top-level await, like the READMEs' examples. The client reads BRAINSTEM_URL and
 * BRAINSTEM_TOKEN itself; without a token it looks in `.env`, then the token cache, then starts a browser login on a
 * terminal. On another server than the demo the names it looks up (a project with "place cells" in its name, …)
 * may not exist.
 */
import { readFileSync } from 'node:fs';
import { formatWithOptions } from 'node:util';
import {
  AuthenticationError,
  BrainstemClient,
  NotFoundError,
  PermissionDeniedError,
  ValidationError,
} from 'brainstem-api-tools';

// ------------------------------------------------------------------------------------------------ the presentation
// `step('Title')` prints the title and the code that follows it in this file, up to the next step; while the code
// runs, what it logs is shown after `→`.
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const source = readFileSync(new URL(import.meta.url), 'utf8').split('\n');
const steps = source.flatMap((line, i) => (/^step\('/.test(line) ? [i] : []));
let stepIndex = 0;
const log = console.log.bind(console);
console.log = (...args: unknown[]) => {
  const text = formatWithOptions({ colors: Boolean(color), breakLength: 100 }, ...args);
  log(text.replace(/^/gm, '  ').replace(/^ {2}/, paint('32', '→ ')));
};
function step(title: string): void {
  const from = (steps[stepIndex] ?? 0) + 1;
  const to = steps[stepIndex + 1] ?? source.indexOf('// end of the tutorial');
  stepIndex++;
  const code = source.slice(from, to);
  while (code.length && !code.at(-1)?.trim()) code.pop();
  log(`\n${paint('1', `── ${title} `.padEnd(80, '─'))}`);
  for (const line of code) log(paint('36', line));
  log('');
}

// ------------------------------------------------------------------------------------------------- the tutorial
step('Authentication');
// The token is found lazily: BRAINSTEM_TOKEN (set by `npm run demo`), a .env file, the token cache, or a browser
// login on a terminal. Or pass one: new BrainstemClient({ token: 'YOUR_TOKEN' }).
const client = new BrainstemClient();
const me = await client.whoami();
console.log(`${client.url} as ${me.user?.first_name} ${me.user?.last_name} <${me.user?.email}>`);

step('Quick start: public projects and your sessions');
const { projects } = await client.load('project', { portal: 'public' });
console.log(`Loaded ${projects.length} public projects; the first: ${projects[0]?.name}`);
const privateSessions = await client.load('session'); // the private portal is the default
console.log(`${privateSessions.count} sessions; the first: ${privateSessions.sessions[0]?.name}`);

step('Filtering requests (several filters: AND)');
const visual = await client.load('project', { portal: 'public', filters: { 'name.icontains': 'visual' } });
console.log(visual.projects.map((p) => p.name));
const allen = await client.load('project', {
  portal: 'public',
  filters: { 'name.icontains': 'allen', 'description.icontains': 'neuropixels' },
});
console.log(allen.projects.map((p) => p.name));

step('Sorting results');
const reverse = await client.load('project', { portal: 'public', sort: ['-name'] });
console.log(reverse.projects.map((p) => p.name));

step('Pagination');
const page2 = await client.load('session', { limit: 5, offset: 5 }); // one page by hand
console.log(`Second page of 5: ${page2.sessions.length} sessions of ${page2.count}`);
let pages = 0;
const all = await client.loadAll('session', { pageSize: 4, onProgress: () => pages++ }); // every page
console.log(`loadAll: ${all.sessions.length} sessions in ${pages} pages of up to 4`);
for await (const s of client.iterate('session', { sort: ['name'] })) {
  console.log(`iterate, sorted by name: ${s.name} (breaking out stops the fetching)`);
  break;
}

step('Convenience loaders');
const placeCells = await client.loadProject({ name: 'place cells' }); // name → name.icontains
const project = placeCells.projects[0]!;
console.log(`${project.name}: ${project.sessions?.length} sessions, ${project.subjects?.length} subjects`);
const cooling = await client.loadSession({ name: 'cooling', all: true });
console.log(cooling.sessions.map((s) => s.name));

step('Creating records');
const created = await client.save('session', {
  data: {
    name: 'Example Session',
    projects: [project.id], // must be a list, not a single string!
    description: 'Created via API tool',
  },
});
console.log(`Created session ${created.session.name} with ID ${created.session.id}`);

step('Updating records');
// The Python guide's recipe: load the record, then pass the whole loaded body back with the change.
const found = await client.load('session', { filters: { 'name.iexact': 'example session' } });
const updated = await client.save('session', {
  id: found.sessions[0]!.id,
  data: { ...found, description: 'Updated via API' },
});
console.log(`description: ${updated.session.description}`);
// Or send only the fields to change:
await client.save('session', { id: created.session.id, data: { tags: ['tutorial'] } });

step('Deleting records');
await client.delete('session', { id: created.session.id }); // resolves once the server answers 204 No Content
const left = await client.load('session', { filters: { 'name.iexact': 'example session' } });
console.log(`Deleted; sessions named "Example Session" left: ${left.sessions.length}`);

step('Troubleshooting: typed errors');
try {
  await new BrainstemClient({ token: 'not-a-valid-token' }).load('session');
} catch (err) {
  if (err instanceof AuthenticationError) console.log(`401 ${err.name}: get a new token (brainstem login)`);
  else throw err;
}
try {
  const { species } = await client.load('species', { filters: { name: 'Mouse' } });
  await client.delete('species', { id: species[0]!.id }); // only staff may delete taxonomies
} catch (err) {
  if (err instanceof PermissionDeniedError) console.log(`403 ${err.name}: check your permissions`);
  else throw err;
}
try {
  await client.load('session', { id: '00000000-0000-4000-8000-000000000000' });
} catch (err) {
  if (err instanceof NotFoundError) console.log(`404 ${err.name}: wrong id, or the record is in the other portal`);
  else throw err;
}
try {
  await client.save('session', { data: { name: '', projects: [] } }); // typed right, but the server says no
} catch (err) {
  if (!(err instanceof ValidationError)) throw err;
  const fields = Object.entries(err.fields).map(([field, messages]) => `  ${field}: ${messages.join(' ')}`);
  console.log(`400 ${err.name}:\n${fields.join('\n')}`);
}
// end of the tutorial
