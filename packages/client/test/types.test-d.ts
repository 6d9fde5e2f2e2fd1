// Type-level contract: per-model response types, autocomplete-able names, loaders typed from the registry.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  BrainstemClient,
  DataAcquisition,
  ListPage,
  ModelName,
  Project,
  Session,
  SortKey,
  SpeciesApproval,
  Subject,
} from '../src/index.js';

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

  it('sort keys autocomplete from fields but allow server-only fields', () => {
    expectTypeOf<'-name'>().toMatchTypeOf<SortKey<'session'>>();
    expectTypeOf<'created_date'>().toMatchTypeOf<SortKey<'session'>>();
    client.load('project', { sort: ['-name'], filters: { 'name.icontains': 'visual' }, include: ['sessions'] });
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
    const approval = await client.save('species', { data: { name: 'Mus musculus' } });
    expectTypeOf(approval.species_approval).toEqualTypeOf<SpeciesApproval>();
  });
});

describe('loaders and actions', () => {
  it('loaders are typed from the registry rows', async () => {
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

  it('bulk results', async () => {
    const r = await client.saveMany('session', [{ name: 'a' }]);
    expectTypeOf(r.failed[0]!.error).toEqualTypeOf<Error>();
    expectTypeOf(r.succeeded[0]!.result.session).toEqualTypeOf<Session>();
  });
});
