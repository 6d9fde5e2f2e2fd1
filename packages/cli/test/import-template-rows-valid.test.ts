// Every import template's example row passes the checks of the import itself: a dry run against the real local
// server with the CLI's details validator, the row's placeholders (`YOUR_PROCEDURE_ID`, a session or subject name)
// replaced by records of the demo data, so the lookups resolve.
import { getField } from 'brainstem-api-description';
import { BrainstemClient } from 'brainstem-api-tools';
import { IMPORT_TYPES, type ImportRow, importRows, templateOf } from 'brainstem-api-tools/import';
import { DEMO_USERS, type RunningServer, startServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDetailsValidator } from '../src/import/details-schema.js';

describe('import template example rows', () => {
  let server: RunningServer;
  let client: BrainstemClient;
  beforeAll(async () => {
    server = await startServer({ port: 0, seed: 'demo', quiet: true });
    client = new BrainstemClient({ url: server.url, token: DEMO_USERS.alice.token, tokenStore: null, logLevel: 'off' });
  });
  afterAll(() => server?.close());

  /** A demo record of `model` that alice can see. */
  async function demoRecord(model: string): Promise<Record<string, unknown>> {
    const page = (await client.load(model as never, { limit: 1 })) as Record<string, unknown>;
    const list = Object.values(page).find(Array.isArray) as Record<string, unknown>[];
    expect(list.length, `demo data has a ${model}`).toBeGreaterThan(0);
    return list[0]!;
  }

  for (const type of IMPORT_TYPES.filter((t) => !t.unwritable)) {
    it(`${type.name}: the example row is valid`, async () => {
      const row: Record<string, string | undefined> = { ...templateOf(type.name).rows[0] };
      for (const c of type.columns) {
        const target = c.target ?? (c.field ? getField(type.model, c.field)?.target : undefined);
        if (!c.by || !target || !row[c.column]) continue;
        // The placeholders stand for the user's own records; a demo record stands in.
        const record = await demoRecord(target);
        row[c.column] = String(c.by === 'id' ? record.id : record.name);
      }
      const report = await importRows(client, type.name, {
        rows: [row as ImportRow],
        dryRun: true,
        validateDetails: importDetailsValidator(),
      });
      const errors = report.rows[0]!.issues.filter((i) => i.level === 'error');
      expect(errors, JSON.stringify(row)).toEqual([]);
      expect(report.rows[0]!.status).not.toBe('error');
    });
  }
});
