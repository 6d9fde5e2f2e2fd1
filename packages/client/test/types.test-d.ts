// Type-level contract: per-model response types, autocomplete-able names, loaders typed from the registry.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  BrainstemClient,
  DataAcquisition,
  GeneratedLoaderMethods,
  ListPage,
  LoaderMethods,
  ModelName,
  Project,
  Session,
  SortKey,
  SpeciesApproval,
  Subject,
} from '../src/index.js';
import { isModelName, type MODELS, modelHasAction } from '../src/index.js';

declare const client: BrainstemClient;
const ID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';

describe('load', () => {
  it('is a typed list page without id and a typed record with id', async () => {
    const page = await client.load('session');
    expectTypeOf(page.sessions).toEqualTypeOf<Session[]>();
    expectTypeOf(page.count).toEqualTypeOf<number | undefined>();
    expectTypeOf(page.next).toEqualTypeOf<string | null | undefined>();
    const one = await client.load('session', { id: ID });
    expectTypeOf(one.session).toEqualTypeOf<Session>();
    const da = await client.load('dataacquisition');
    expectTypeOf(da.data_acquisitions).toEqualTypeOf<DataAcquisition[]>();
    expectTypeOf(await client.loadAll('project')).toEqualTypeOf<ListPage<'project'>>();
    expectTypeOf(await client.loadModel('project', { portal: 'public' })).toEqualTypeOf<ListPage<'project'>>();
  });

  it('rejects unknown models, portals and option names', () => {
    // @ts-expect-error unknown model
    client.load('sesion');
    // @ts-expect-error unknown portal
    client.load('session', { portal: 'secret' });
    // @ts-expect-error no such option
    client.load('session', { colour: 'x' });
    expectTypeOf<'session'>().toMatchTypeOf<ModelName>();
  });

  it('sort keys come from sortable fields, the timestamps and single relations', () => {
    expectTypeOf<'-name'>().toMatchTypeOf<SortKey<'session'>>();
    expectTypeOf<'created_date'>().toMatchTypeOf<SortKey<'session'>>();
    expectTypeOf<'-subject.name'>().toMatchTypeOf<SortKey<'procedure'>>();
    client.load('project', { sort: ['-name'], filters: { 'name.icontains': 'visual' }, include: ['sessions'] });
  });

  it('filter, sort and include names are checked against the model', () => {
    client.load('session', {
      filters: {
        name: 'x',
        'name.istartswith': 'pc-',
        'projects.id': ID,
        'projects.id.in': [ID],
        'projects.name.icontains': 'visual',
        'tags.in': ['a'],
        'created_date.gte': new Date(),
        'datastorage.name': 'x',
      },
      sort: ['-date_time', 'name', '-modified_date'],
      include: ['projects', 'behaviors', 'behaviors.setup', 'projects.*'],
    });
    client.load('group', { filters: { 'id.gte': 3 } });
    // @ts-expect-error misspelt field
    client.load('session', { filters: { 'nme.icontains': 'x' } });
    // @ts-expect-error misspelt operator
    client.load('session', { filters: { 'name.icontian': 'x' } });
    // @ts-expect-error `range` is not an operator of the API
    client.load('session', { filters: { 'date_time.range': 'a,b' } });
    // @ts-expect-error text operators do not apply to integer ids
    client.load('group', { filters: { 'id.icontains': '3' } });
    // @ts-expect-error misspelt field behind a relation
    client.load('session', { filters: { 'projects.nmae': 'x' } });
    // @ts-expect-error JSON fields cannot be filtered on
    client.load('session', { filters: { extra_fields: 'x' } });
    // @ts-expect-error misspelt sort field
    client.load('session', { sort: ['-nam'] });
    // @ts-expect-error lists cannot be sorted on
    client.load('session', { sort: ['tags'] });
    // @ts-expect-error misspelt include
    client.load('project', { include: ['projectz'] });
    // @ts-expect-error not a relation
    client.loadAll('project', { include: ['name'] });
    // @ts-expect-error misspelt sort key in iterate
    client.iterate('subject', { sort: ['-sx'] });
    // Names the registry does not know go through `raw`, unchecked.
    client.load('session', {
      raw: { filters: { 'new_field.icontains': 'x' }, sort: ['-new_field'], include: ['new'] },
    });
  });

  it('iterate yields records', async () => {
    for await (const s of client.iterate('subject')) expectTypeOf(s).toEqualTypeOf<Subject>();
  });
});

describe('save', () => {
  it('accepts create/update payloads and a whole loaded body', async () => {
    const created = await client.save('session', { data: { name: 'S', projects: [ID] } });
    expectTypeOf(created.session).toEqualTypeOf<Session>();
    const page = await client.load('session', { filters: { 'name.iexact': 'your session' } });
    await client.save('session', { id: ID, data: { ...page, description: 'Updated via API' } });
    // @ts-expect-error wrong field type
    await client.save('session', { id: ID, data: { name: 42 } });
    // @ts-expect-error data is required
    await client.save('session', { id: ID });
    const one = await client.load('session', { id: ID });
    await client.save('session', { id: ID, data: { ...one, description: 'Updated via API' } });
    await client.save('session', { id: ID, data: { ...one.session, description: 'Updated via API' } });
    await client.save('session', { id: ID, data: { description: 'x' }, method: 'put' });
    const approval = await client.save('species', { data: { name: 'Mus musculus' } });
    expectTypeOf(approval.species_approval).toEqualTypeOf<SpeciesApproval>();
  });
});

describe('save without id needs the create payload; records have no catch-all keys', () => {
  it('rejects typos and missing required fields', async () => {
    // @ts-expect-error typo `nmae`, and the required `name` is missing
    await client.save('session', { data: { nmae: 'x', projects: [] } });
    // @ts-expect-error required `name` is missing on create
    await client.save('session', { data: { projects: [ID] } });
    // @ts-expect-error a partial update is not a create payload
    await client.save('session', { data: { description: 'x' } });
    // @ts-expect-error typo in an update
    await client.save('session', { id: ID, data: { descripton: 'x' } });
    // @ts-expect-error typo spread into a loaded body
    await client.save('session', { id: ID, data: { ...(await client.load('session')), descripton: 'x' } });
    // @ts-expect-error typo in saveMany items
    await client.saveMany('session', [{ nmae: 'a', projects: [ID] }]);
  });

  it('reading a misspelled field of a record is an error, not unknown', async () => {
    const page = await client.load('session');
    // @ts-expect-error no such field `descripton`
    page.sessions[0]!.descripton;
    expectTypeOf(page.sessions[0]!.description).toEqualTypeOf<string | null | undefined>();
    // @ts-expect-error no such field on a record either
    (await client.load('subject', { id: ID })).subject.nmae;
  });
});

describe('loaders and actions', () => {
  it('loaders are typed from the registry rows', async () => {
    expectTypeOf<ModelName>().toEqualTypeOf<(typeof MODELS)[number]['name']>();
    expectTypeOf<GeneratedLoaderMethods>().toEqualTypeOf<LoaderMethods>();
    expectTypeOf((await client.loadProject({ name: 'Allen' })).projects).toEqualTypeOf<Project[]>();
    expectTypeOf((await client.loadSession({ id: ID })).session).toEqualTypeOf<Session>();
    expectTypeOf((await client.loadDataacquisition({ session: ID, all: true })).data_acquisitions).toEqualTypeOf<
      DataAcquisition[]
    >();
    // @ts-expect-error not a named filter of loadSession
    client.loadSession({ sex: 'M' });
    client.loadSubject({ sex: 'M', filters: { 'name.icontains': 'Mouse' }, include: ['projects'] });
    // @ts-expect-error no loader for breeding
    client.loadBreeding();
  });

  it('special actions only take models that offer them', () => {
    client.addLogEntry('subjectlog', ID, { date_time: '2024-01-01T00:00:00Z' });
    // @ts-expect-error sessions have no log entries
    client.addLogEntry('session', ID, {});
    client.acceptApproval('speciesapproval', ID);
    // @ts-expect-error not an approval endpoint
    client.acceptApproval('species', ID);
    client.acceptInvitation('projectmembershipinvitation', ID);
    client.joinGroup(3);
  });

  it('a model name known only at run time: narrowed by isModelName / modelHasAction, no casts', async () => {
    const name: string = ['session', 'subjectlog'][Number(ID.length > 3)]!;
    const row: Record<string, unknown> = { name: 'x' };
    // @ts-expect-error a plain string is not a model name
    client.load(name);
    if (isModelName(name)) {
      await client.load(name, { filters: { 'name.icontains': 'x' }, sort: ['name'], include: ['projects'] });
      await client.load(name, { id: ID });
      await client.loadAll(name, { filters: { 'name.icontains': 'x' } });
      for await (const r of client.iterate(name)) expectTypeOf(r).toBeObject();
      await client.save(name, { data: row });
      await client.save(name, { id: ID, data: row });
      await client.delete(name, { id: ID });
      await client.saveMany(name, [row]);
      await client.deleteMany(name, [ID]);
    }
    if (modelHasAction(name, 'add_entry')) await client.addLogEntry(name, ID, { date_time: '2024-01-01T00:00:00Z' });
    if (modelHasAction(name, 'cancel')) await client.cancelInvitation(name, ID);
    await client.action(name, ID, 'join');
  });

  it('bulk results', async () => {
    const r = await client.saveMany('session', [
      { name: 'a', projects: [ID] },
      { id: ID, description: 'x' },
    ]);
    expectTypeOf(r.failed[0]!.error).toEqualTypeOf<Error>();
    expectTypeOf(r.succeeded[0]!.result.session).toEqualTypeOf<Session>();
  });
});
