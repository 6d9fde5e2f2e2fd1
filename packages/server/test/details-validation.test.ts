/**
 * `details` / `coordinates_details` are validated against the documented schema of the record's `type` /
 * `coordinates_system` (api/schemas.md), and every JSON field rejects the wrong kind of JSON. The cases are
 * generated from the schema data: the docs' example payload of every type is accepted.
 */
import { getField } from 'brainstem-api-description';
import { SCHEMA_GROUPS, type SchemaGroup } from 'brainstem-api-description/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryDetailsErrors, governedErrors } from '../src/records/details.js';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
const ids: Record<string, string> = {};

/** The first record of a list the demo user alice can read. */
async function first(path: string, key: string): Promise<string> {
  const r = await c.get(path);
  expect(r.status, path).toBe(200);
  return r.body[key][0].id as string;
}

beforeAll(async () => {
  c = await demoServer();
  ids.subject = await first('api/private/stem/subject/', 'subjects');
  ids.session = await first('api/private/stem/session/', 'sessions');
  ids.setup = await first('api/private/personal_attributes/setup/', 'setups');
  ids.inventory = await first('api/private/personal_attributes/inventory/', 'inventories');
  ids.procedure = await first('api/private/modules/procedure/', 'procedures');
});
afterAll(() => c.close());

const COORDINATES = { coordinates_system: 'CCF_XYZ_Absolute', coordinates_details: {} };

/** A valid body for a new record of `model` without its governed fields. */
function baseBody(model: string): Record<string, unknown> {
  switch (model) {
    case 'procedure':
      return { subject: ids.subject, ...COORDINATES };
    case 'equipment':
      return { name: 'Rig part', setup: ids.setup, ...COORDINATES };
    case 'dataacquisition':
      return { session: ids.session };
    case 'manipulation':
      return { session: ids.session, procedures: [ids.procedure] };
    case 'consumablestock':
      return { inventory: ids.inventory };
    case 'subjectlog':
      return { subject: ids.subject };
    case 'procedurelog':
      return { procedure: ids.procedure };
    default:
      throw new Error(`no base body for ${model}`);
  }
}

const path = (model: string, id?: string) => `api/private/modules/${model}/${id ? `${id}/` : ''}`;
const post = (model: string, body: unknown) => c.req('POST', path(model), { body });

/** Create a record whose governed field carries `value` for `type`, the way the docs' page says to send it. */
async function send(group: SchemaGroup, model: string, type: string, value: unknown) {
  const location = group.models.find((m) => m.model === model)?.location;
  if (location === 'entries') {
    const log = await post(model, { ...baseBody(model), type });
    expect(log.status, JSON.stringify(log.body)).toBe(201);
    const id = log.body[Object.keys(log.body)[0] as string].id as string;
    const when = getField(model, 'type')?.intervalTypes?.includes(type)
      ? { start_date_time: '2024-05-01T10:00:00Z', end_date_time: '2024-05-02T10:00:00Z' }
      : { date_time: '2024-05-01T10:00:00Z' };
    return c.req('PATCH', `${path(model, id)}add_entry/`, { body: { ...when, details: value } });
  }
  const selector = group.selector === 'type' ? { type } : { type: defaultType(model), [group.selector]: type };
  return post(model, { ...baseBody(model), ...selector, [group.payload]: value });
}

/** A type of `model` whose schema accepts `{}` (used when the case is about the coordinates). */
function defaultType(model: string): string {
  return model === 'procedure' ? 'Craniotomy' : 'Camera';
}

const cases = SCHEMA_GROUPS.flatMap((g) =>
  g.models.flatMap(({ model }) =>
    Object.entries(g.schemas).map(([type, s]) => ({ group: g, model, type, example: s.examples?.[0] })),
  ),
);

describe("every type's documented example payload", () => {
  it('covers every schema of every page', () => {
    expect(cases.length).toBe(185);
  });

  // The Impedances page example sends `impedances: []` although the schema says minItems=1 (docs/api-decisions.md).
  const accepted = cases.filter((k) => !(k.model === 'procedurelog' && k.type === 'Impedances'));
  it.each(
    accepted.map((k) => [`${k.model} ${k.group.payload} ${k.type}`, k] as const),
  )('%s → accepted', async (_, k) => {
    const r = await send(k.group, k.model, k.type, k.example);
    expect(r.status, JSON.stringify(r.body)).toBe(k.group.models[0]?.location === 'entries' ? 200 : 201);
  });

  it('Impedances needs at least one reading, as its schema says', async () => {
    const g = SCHEMA_GROUPS.find((x) => x.group === 'ProcedureLog') as SchemaGroup;
    const empty = await send(g, 'procedurelog', 'Impedances', { impedances: [] });
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ details: ['impedances: Ensure this list has at least 1 item.'] });
    expect((await send(g, 'procedurelog', 'Impedances', { impedances: [150, 162] })).status).toBe(200);
  });
});

describe('details that do not match the schema are a 400 naming the path', () => {
  const procedure = (type: string, details: unknown) => post('procedure', { ...baseBody('procedure'), type, details });

  it('a missing required field', async () => {
    const r = await procedure('Anesthesia', { route: 'Inhalation' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ details: ['anestheticAgent: This field is required.'] });
  });

  it('a value outside the enum, listing the allowed values', async () => {
    const r = await procedure('Anesthesia', { anestheticAgent: 'Chloroform', route: 'Inhalation' });
    expect(r.status).toBe(400);
    expect(r.body.details).toEqual([
      'anestheticAgent: "Chloroform" is not a valid choice. Choices: Isoflurane, Sevoflurane, Ketamine, ' +
        'Ketamine + Xylazine, Ketamine + Dexmedetomidine, Pentobarbital, Urethane, Tribromoethanol (Avertin), ' +
        'Propofol, Other.',
    ]);
  });

  it('a bare number where a numberUnit {value, unit} object is expected, and a unit outside its enum', async () => {
    const r = await procedure('Anesthesia', { anestheticAgent: 'Isoflurane', route: 'Inhalation', duration: 45 });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      details: ['duration: must be an object {value, unit} (value a number, unit one of h, min, s, ms, µs), got int.'],
    });
    const da = await post('dataacquisition', {
      ...baseBody('dataacquisition'),
      type: 'TwoPhotonMicroscopy',
      details: { frameRate: { value: 30, unit: 'fps' } },
    });
    expect(da.status).toBe(400);
    expect(da.body.details).toEqual(['frameRate.unit: "fps" is not a valid choice. Choices: GHz, MHz, kHz, Hz.']);
    const coords = await post('procedure', {
      ...baseBody('procedure'),
      type: 'Craniotomy',
      coordinates_system: 'Stereotaxic_BregmaBrainSurface',
      coordinates_details: { apCoordinate: -2.5 },
    });
    expect(coords.status).toBe(400);
    expect(coords.body.coordinates_details[0]).toMatch(/^apCoordinate: must be an object \{value, unit\}/);
  });

  it('rows of a table-like (manipulation) schema are named by index', async () => {
    const r = await post('manipulation', {
      ...baseBody('manipulation'),
      type: 'AuditoryStimulation',
      details: [{ duration: { value: 1, unit: 's' } }, { duration: 2 }],
    });
    expect(r.status).toBe(400);
    expect(r.body.details[0]).toMatch(/^\[1\]\.duration: must be an object \{value, unit\}/);
    const notRows = await post('manipulation', {
      ...baseBody('manipulation'),
      type: 'AuditoryStimulation',
      details: { duration: { value: 1, unit: 's' } },
    });
    expect(notRows.body).toEqual({ details: ['Expected a list of items but got type "dict".'] });
  });

  it('a key the schema does not declare', async () => {
    const r = await procedure('Anesthesia', { anestheticAgent: 'Isoflurane', route: 'Inhalation', durration: {} });
    expect(r.status).toBe(400);
    expect(r.body.details[0]).toMatch(/^durration: Not a field of this schema\. Fields: anestheticAgent, /);
  });

  it('an unknown type, listing the valid ones on the type field', async () => {
    const r = await procedure('Anaesthesia', { anestheticAgent: 'Isoflurane', route: 'Inhalation' });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body)).toEqual(['type']);
    expect(r.body.type[0]).toMatch(/^"Anaesthesia" is not a valid choice\. Choices: Anesthesia, AuditoryStimulation, /);
  });

  it('log entries: the log type picks the schema', async () => {
    const log = await post('subjectlog', { ...baseBody('subjectlog'), type: 'Weighing' });
    const r = await c.req('PATCH', `${path('subjectlog', log.body.subject_log.id)}add_entry/`, {
      body: { date_time: '2024-05-02T10:00:00Z', details: { weight: 25.4 } },
    });
    expect(r.status).toBe(400);
    expect(r.body.details[0]).toMatch(/^weight: must be an object \{value, unit\}/);
  });

  it('details may be left out (the field tables do not require them)', async () => {
    expect((await post('procedure', { ...baseBody('procedure'), type: 'Anesthesia' })).status).toBe(201);
  });
});

describe('PATCH validates the record as it will be stored', () => {
  it('a type change is checked against the stored details, and new details against the stored type', async () => {
    const created = await post('procedure', {
      ...baseBody('procedure'),
      type: 'Anesthesia',
      details: { anestheticAgent: 'Isoflurane', route: 'Inhalation' },
    });
    expect(created.status).toBe(201);
    const id = created.body.procedure.id as string;
    const retype = await c.req('PATCH', path('procedure', id), { body: { type: 'BrainSlice' } });
    expect(retype.status).toBe(400);
    expect(retype.body.details).toContain('orientation: This field is required.');
    const badDetails = await c.req('PATCH', path('procedure', id), { body: { details: { route: 'Oral' } } });
    expect(badDetails.body).toEqual({ details: ['anestheticAgent: This field is required.'] });
    const both = await c.req('PATCH', path('procedure', id), {
      body: { type: 'BrainSlice', details: { orientation: 'coronal', thickness: { value: 300, unit: 'µm' } } },
    });
    expect(both.status, JSON.stringify(both.body)).toBe(200);
    expect(both.body.procedure.details).toEqual({ orientation: 'coronal', thickness: { value: 300, unit: 'µm' } });
    const notes = await c.req('PATCH', path('procedure', id), { body: { notes: 'unrelated change' } });
    expect(notes.status).toBe(200);
  });
});

describe('every JSON field rejects the wrong kind of JSON', () => {
  it('details, coordinates_details, specifications, external_identifiers', async () => {
    const d = await post('procedure', { ...baseBody('procedure'), type: 'Craniotomy', details: true });
    expect(d.status).toBe(400);
    expect(d.body).toEqual({ details: ['Expected a dictionary or a list of items but got type "bool".'] });
    const cd = await post('procedure', { ...baseBody('procedure'), type: 'Craniotomy', coordinates_details: 5.1e-44 });
    expect(cd.body).toEqual({
      coordinates_details: ['Expected a dictionary or a list of items but got type "float".'],
    });
    const arr = await post('procedure', { ...baseBody('procedure'), type: 'Craniotomy', details: [] });
    expect(arr.body).toEqual({ details: ['Expected a dictionary of items but got type "list".'] });
    const setupType = (await c.get('api/private/taxonomies/setuptype/')).body.setup_types[0].id;
    const spec = await c.req('POST', 'api/private/personal_attributes/setup/', {
      body: { name: 'Kind check rig', setup_type: setupType, specifications: '0' },
    });
    expect(spec.status).toBe(400);
    expect(spec.body).toEqual({ specifications: ['Expected a dictionary or a list of items but got type "str".'] });
    const supplier = (await c.get('api/private/resources/supplier/')).body.suppliers[0].id;
    const ext = await c.req('POST', 'api/private/resources/consumable/', {
      body: { name: 'Kind check', supplier, type: 'Other', external_identifiers: true },
    });
    expect(ext.status).toBe(400);
    expect(ext.body).toEqual({
      external_identifiers: ['Expected a dictionary or a list of items but got type "bool".'],
    });
  });
});

describe('the demo data', () => {
  const governed = [...new Set(SCHEMA_GROUPS.flatMap((g) => g.models.map((m) => m.model)))];

  it('carries valid, non-empty details for every module', async () => {
    // A fresh demo server: the records the tests above create are not demo data.
    const demo = await demoServer();
    for (const model of governed) {
      const r = await demo.get(`${path(model)}?limit=100`);
      const records = r.body[Object.keys(r.body)[0] as string] as Record<string, unknown>[];
      const entries = records.flatMap((rec) =>
        ((rec.entries as Record<string, unknown>[] | undefined) ?? []).map((e) => ({ type: rec.type, e })),
      );
      const withDetails = model.endsWith('log')
        ? entries.filter(({ e }) => Object.keys(e.details as object).length > 0)
        : records.filter((rec) => Object.keys(rec.details as object).length > 0 || rec.type === 'Camera');
      expect(withDetails.length, model).toBeGreaterThan(0);
      for (const rec of records) expect(governedErrors(model, rec), `${model} ${rec.id}`).toEqual({});
      for (const { type, e } of entries) {
        expect(entryDetailsErrors(model, String(type), e.details), `${model} ${type}`).toEqual([]);
      }
    }
    await demo.close();
  });
});
