// Messages built from a model or field name take the article its sound asks for: "not an equipment UUID", "not a
// session UUID".
import { withArticle } from 'brainstem-api-description';
import type { RunningServer } from 'brainstem-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRows } from '../../src/import/index.js';
import { clientFor, startDemo } from '../helpers/server.js';

describe('a or an', () => {
  it('follows the sound of the name', () => {
    for (const [noun, phrase] of [
      ['equipment', 'an equipment'],
      ['epoch', 'an epoch'],
      ['experimentalparadigm', 'an experimentalparadigm'],
      ['inventory', 'an inventory'],
      ['session', 'a session'],
      ['user', 'a user'],
      ['UUID', 'a UUID'],
      ['update', 'an update'],
    ]) {
      expect(withArticle(noun!)).toBe(phrase);
    }
  });

  describe('import cells that name records by id', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startDemo();
    });
    afterAll(() => server.close());

    it('a bad id of an equipment cell says "an equipment UUID"', async () => {
      const report = await importRows(clientFor(server, 'alice'), 'manipulations', {
        rows: [
          {
            session__name: 'nope',
            manipulation__type: 'OptogeneticStimulation',
            manipulation__procedures: 'not-an-id',
            manipulation__equipment: 'not-an-id',
          },
        ],
        dryRun: true,
      });
      const messages = report.rows[0]!.issues.map((i) => `${i.field}: ${i.message}`);
      expect(messages).toContain('manipulation__equipment: "not-an-id" is not an equipment UUID');
      expect(messages).toContain('manipulation__procedures: "not-an-id" is not a procedure UUID');
    });
  });
});
