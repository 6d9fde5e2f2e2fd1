// `details` checked against JSON Schema before an import writes anything: the Ajv validator, and the engine's use
// of it in a dry run against the real local server. The schema here is a stand-in for a documented one.
import { BrainstemClient } from 'brainstem-api-tools';
import { importRows } from 'brainstem-api-tools/import';
import { DEMO_USERS, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ajvDetailsValidator } from '../src/import/details-schema.js';

const INJECTION = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: { volume: { type: 'number', minimum: 0 }, virus: { type: 'string', format: 'textarea' } },
  required: ['volume'],
};
const lookup = (model: string, selector: string, payload: string) =>
  model === 'procedure' && selector === 'VirusInjection' && payload === 'details' ? INJECTION : undefined;

describe('ajvDetailsValidator', () => {
  const check = ajvDetailsValidator(lookup);

  it('lists each violation, is empty when valid, undefined when no schema applies', () => {
    expect(check('procedure', 'VirusInjection', { volume: 2, virus: 'AAV9' }, 'details')).toEqual([]);
    expect(check('procedure', 'VirusInjection', { volume: -1 }, 'details')).toEqual(['/volume must be >= 0']);
    expect(check('procedure', 'VirusInjection', {}, 'details')).toEqual(["/ must have required property 'volume'"]);
    expect(check('procedure', 'Craniotomy', {}, 'details')).toBeUndefined();
  });
});

describe('importRows with validateDetails', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, seed: 'demo', quiet: true });
  });
  afterAll(() => server?.close());

  it('a dry run reports rows whose details break their schema, and writes nothing', async () => {
    const client = new BrainstemClient({ url: server.url, token: DEMO_USERS.alice.token });
    const rows = [
      { subject__name: 'PC-M01', procedure__type: 'VirusInjection', procedure__details: '{"volume": 0.2}' },
      {
        subject__name: 'PC-M01',
        procedure__type: 'VirusInjection',
        procedure__date_time: '2025-02-01 10:00',
        procedure__details: '{"virus": "AAV9"}',
      },
      { subject__name: 'PC-M01', procedure__type: 'Craniotomy', procedure__details: '{"anything": 1}' },
    ];
    const report = await importRows(client, 'procedures', {
      rows,
      dryRun: true,
      validateDetails: ajvDetailsValidator(lookup),
    });
    expect(report.rows.map((r) => r.status)).toEqual(['would-create', 'error', 'would-create']);
    expect(report.rows[1]?.issues).toEqual([
      {
        level: 'error',
        field: 'procedure__details',
        message: "does not match the VirusInjection schema: / must have required property 'volume'",
      },
    ]);
    const { procedures } = await client.loadAll('procedure', { filters: { type: 'VirusInjection' } });
    expect(procedures.some((p) => p.details && (p.details as { volume?: number }).volume === 0.2)).toBe(false);
  });
});
