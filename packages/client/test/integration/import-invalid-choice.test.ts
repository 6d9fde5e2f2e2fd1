// An import cell holding a value that is not one of a field's choices: one error for a field the API requires,
// naming the value and the choices (not also "is required"); a warning, and the cell skipped, for an optional one.
import type { RunningServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRows } from '../../src/import/index.js';
import { clientFor, startDemo } from '../helpers/server.js';

describe('import: a value that is not one of the choices', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startDemo();
  });
  afterAll(() => server.close());

  it('subject__sex (required by the API): one error naming the value and the choices', async () => {
    const project = (await clientFor(server, 'alice').load('project', { limit: 1 })).projects[0]!;
    const strain = (await clientFor(server, 'alice').load('strain', { limit: 1 })).strains[0]!;
    const report = await importRows(clientFor(server, 'alice'), 'subjects', {
      rows: [
        {
          project__name: project.name,
          subject__name: 'Choice-Test-1',
          subject__sex: 'X',
          subject__strain: strain.name,
        },
      ],
      dryRun: true,
    });
    const row = report.rows[0]!;
    expect(row.status).toBe('error');
    expect(row.issues).toEqual([
      { level: 'error', field: 'subject__sex', message: '"X" is not a subject sex choice (one of: F, M, U)' },
    ]);
  });
});
