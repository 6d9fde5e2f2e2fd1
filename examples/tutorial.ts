/**
 * The BrainSTEM API tutorial in TypeScript: the Python tool's user guide, section by section.
 *
 * Run it against the local demo server with `npm run demo`, or against any server:
 *
 *   BRAINSTEM_URL=https://www.brainstem.org/ BRAINSTEM_TOKEN=… npx tsx examples/tutorial.ts
 *
 * The client reads BRAINSTEM_URL and BRAINSTEM_TOKEN itself; without a token it would look in `.env`, then the token
 * cache, then start a browser login on a terminal.
 */
import {
  AuthenticationError,
  BrainstemClient,
  NotFoundError,
  PermissionDeniedError,
  ValidationError,
} from 'brainstem-api-tools';

const section = (title: string) => console.log(`\n=== ${title} ===`);
const show = (label: string, value: unknown) => console.log(`${label}:`, value);

async function main(): Promise<void> {
  // ---------------------------------------------------------------------------------------------- Authentication
  section('Authentication');
  // Python: client = BrainstemClient()  — here the token comes from BRAINSTEM_TOKEN (set by `npm run demo`).
  // Other ways: new BrainstemClient({ token: 'YOUR_TOKEN' }), a .env file with BRAINSTEM_TOKEN=…, or
  // `await client.login()` (browser device login; `{ headless: true }` prints a URL and code instead).
  const client = new BrainstemClient();
  console.log(`Server: ${client.url}`);
  const me = await client.whoami();
  show('Signed in as', me.user ? `${me.user.first_name} ${me.user.last_name} <${me.user.email}>` : me.note);
  show('Token source', client.tokenSource);

  // ------------------------------------------------------------------------------------------------- Quick start
  section('Quick start');
  const publicProjects = await client.load('project', { portal: 'public' });
  const projects = publicProjects.projects;
  console.log(`Loaded ${projects.length} public projects`);
  if (projects.length) console.log(projects[0]!.name);

  const privateSessions = await client.load('session');
  const sessions = privateSessions.sessions;
  if (sessions.length) console.log(`First private session: ${sessions[0]!.name} (${privateSessions.count} in total)`);

  // ------------------------------------------------------------------------------------------ Filtering requests
  section('Filtering requests');
  let filtered = (await client.load('project', { portal: 'public', filters: { 'name.icontains': 'visual' } })).projects;
  console.log(`Matches for name.icontains=visual: ${filtered.length}`);
  // Multiple filters apply AND logic.
  filtered = (
    await client.load('project', {
      portal: 'public',
      filters: { 'name.icontains': 'allen', 'description.icontains': 'neuropixels' },
    })
  ).projects;
  console.log(
    `Matches for allen + neuropixels: ${filtered.length}`,
    filtered.map((p) => p.name),
  );

  // --------------------------------------------------------------------------------------------- Sorting results
  section('Sorting results');
  const alpha = await client.load('project', { portal: 'public', sort: ['name'] });
  console.log('Alphabetically sorted projects:');
  for (const [i, p] of alpha.projects.slice(0, 3).entries()) console.log(`${i + 1}. ${p.name}`);
  const reverse = await client.load('project', { portal: 'public', sort: ['-name'] });
  console.log('Reverse alphabetically sorted projects:');
  for (const [i, p] of reverse.projects.slice(0, 3).entries()) console.log(`${i + 1}. ${p.name}`);

  // ------------------------------------------------------------------------------- Pagination (Python v2, MATLAB)
  section('Pagination');
  const page2 = await client.load('session', { limit: 20, offset: 20 });
  console.log(`Second page of 20: ${page2.sessions.length} sessions (of ${page2.count ?? '?'})`);
  let pages = 0;
  const all = await client.loadAll('session', { onProgress: () => pages++ });
  console.log(
    `Total sessions (loadAll: ${pages} pages of 100, ${client.concurrency} in flight): ${all.sessions.length}`,
  );
  let streamed = 0;
  for await (const s of client.iterate('session', { sort: ['name'] })) {
    streamed++;
    if (streamed === 5) {
      console.log(`iterate(): stopped early after 5 records, at "${s.name}" — no more pages are fetched`);
      break;
    }
  }

  // ------------------------------------------------------------------------------------------ Convenience loaders
  section('Convenience loaders');
  const myProjects = await client.loadProject({ name: 'place cells' }); // includes sessions, subjects, … by default
  const project = myProjects.projects[0];
  console.log(`loadProject({ name: 'place cells' }) → ${project?.name}`);
  const behaviors = await client.loadBehavior({ all: true });
  console.log(`loadBehavior({ all: true }) → ${behaviors.behaviors.length} behaviors`);

  // --------------------------------------------------------------------------------------------- Creating records
  section('Creating records');
  if (!project) throw new Error('this tutorial needs a private project you can change (the demo has one)');
  const payload = {
    name: 'Example Session',
    projects: [project.id], // must be a list, not a single string!
    description: 'Created via API tool',
  };
  const created = await client.save('session', { data: payload });
  const sessionId = created.session.id;
  console.log(`Created session with ID: ${sessionId}`);

  // --------------------------------------------------------------------------------------------- Updating records
  section('Updating records');
  // First load a session you have permission to modify…
  const filteredSession = await client.load('session', { filters: { 'name.iexact': 'example session' } });
  // …then pass the whole loaded body back with the changed field, as the Python guide does.
  const updated = await client.save('session', {
    id: filteredSession.sessions[0]!.id,
    data: { ...filteredSession, description: 'Updated via API' },
  });
  console.log(`Session updated successfully: description = "${updated.session.description}"`);
  // A plain partial update works too:
  await client.save('session', { id: sessionId, data: { tags: ['tutorial'] } });

  // --------------------------------------------------------------------------------------------- Deleting records
  section('Deleting records');
  await client.delete('session', { id: sessionId }); // resolves once the server answers 204 No Content
  console.log('Session deleted');

  // ---------------------------------------------------------------------------------------------- Troubleshooting
  section('Troubleshooting');
  const explain = (code: number, err: unknown) => {
    if (err instanceof AuthenticationError)
      console.log(`${code}: AuthenticationError — refresh the token.\n   ${err.message}`);
    else if (err instanceof PermissionDeniedError)
      console.log(`${code}: PermissionDeniedError — check your permissions.\n   ${err.message}`);
    else if (err instanceof NotFoundError)
      console.log(`${code}: NotFoundError — wrong id or portal.\n   ${err.message}`);
    else if (err instanceof ValidationError)
      console.log(`${code}: ValidationError — fields: ${JSON.stringify(err.fields)}\n   ${err.message}`);
    else throw err;
  };
  const expectError = async (code: number, attempt: () => Promise<unknown>) => {
    try {
      await attempt();
      throw new Error(`expected a ${code} error`);
    } catch (err) {
      explain(code, err);
    }
  };
  // 401 Unauthorized: an invalid or expired token.
  await expectError(401, () => new BrainstemClient({ token: 'not-a-valid-token' }).load('session'));
  // 403 Forbidden: only administrators may delete taxonomy records such as species.
  const species = (await client.load('species', { limit: 1 })).species[0];
  if (species) await expectError(403, () => client.delete('species', { id: species.id }));
  // 404 Not Found: the id does not exist (or lives in the other portal).
  await expectError(404, () => client.load('session', { id: '00000000-0000-4000-8000-000000000000' }));
  // 400 Bad Request: a required field is missing.
  await expectError(400, () => client.save('session', { data: { description: 'no name, no projects' } as never }));

  section('Done');
}

main().catch((err) => {
  console.error('Tutorial failed:', err);
  process.exitCode = 1;
});
