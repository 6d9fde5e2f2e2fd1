/**
 * What a proposal says reaches the reviewer and, once accepted, the record: `comments` ("used when proposing
 * approval changes") and every other writable field, such as a consumable's RRID. A database file whose tables lack
 * columns the registry has gains them when the server opens it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableOf } from '../src/db/schema.js';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

const accept = (model: string, id: string) =>
  c.req('PATCH', `api/private/taxonomies/${model}approval/${id}/accept/`, { as: 'reviewer' });

describe('proposals', () => {
  it("keep the proposer's comments for the reviewer and on the accepted record", async () => {
    const comments = 'Needed for the zebra finch song-learning study';
    const proposed = await c.req('POST', 'api/private/taxonomies/species/', {
      as: 'carol',
      body: { name: 'Taeniopygia castanotis', comments },
    });
    expect(proposed.status, proposed.text).toBe(201);
    expect(proposed.body.species_approval).toMatchObject({ comments, status: 'Pending' });
    const id = proposed.body.species_approval.id;

    const seen = await c.get(`api/private/taxonomies/speciesapproval/${id}/`, 'reviewer');
    expect(seen.body.species_approval.comments).toBe(comments);
    expect((await accept('species', id)).status).toBe(200);
    const species = await c.get('api/private/taxonomies/species/?filter{name}=Taeniopygia castanotis');
    expect(species.body.species).toMatchObject([{ comments }]);

    // A change proposal carries its own comments; the record takes them when it is accepted.
    const change = await c.req('PATCH', `api/private/taxonomies/species/${species.body.species[0].id}/`, {
      as: 'carol',
      body: { description: 'Australian zebra finch', comments: 'Common name added' },
    });
    expect(change.body.species_approval).toMatchObject({ action: 'Change', comments: 'Common name added' });
    expect((await accept('species', change.body.species_approval.id)).status).toBe(200);
    const changed = await c.get(`api/private/taxonomies/species/${species.body.species[0].id}/`);
    expect(changed.body.species).toMatchObject({
      description: 'Australian zebra finch',
      comments: 'Common name added',
    });
  });

  it('keep an RRID and external identifiers proposed with a consumable', async () => {
    const supplier = (await c.get('api/private/resources/supplier/')).body.suppliers[0].id;
    const proposed = await c.req('POST', 'api/private/resources/consumable/', {
      as: 'carol',
      body: {
        name: 'Fiber 200 um',
        supplier,
        type: 'OpticFiber',
        rrid: 'RRID:SCR_000001',
        external_identifiers: [{ type: 'catalog', value: 'FT200' }],
      },
    });
    expect(proposed.status, proposed.text).toBe(201);
    expect(proposed.body.consumable_approval).toMatchObject({
      rrid: 'RRID:SCR_000001',
      external_identifiers: [{ type: 'catalog', value: 'FT200' }],
    });
    const id = proposed.body.consumable_approval.id;
    const accepted = await c.req('PATCH', `api/private/resources/consumableapproval/${id}/accept/`, {
      as: 'reviewer',
    });
    expect(accepted.status, accepted.text).toBe(200);
    const made = await c.get('api/private/resources/consumable/?filter{name}=Fiber 200 um');
    expect(made.body.consumables).toMatchObject([
      { rrid: 'RRID:SCR_000001', external_identifiers: [{ type: 'catalog', value: 'FT200' }] },
    ]);
  });
});

describe('a database file whose approval table lacks the comments column', () => {
  it('gains the column when opened, old rows reading as empty comments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brainstem-upgrade-'));
    const file = join(dir, 'old.sqlite3');
    try {
      const first = await demoServer({ db: file });
      const proposed = await first.req('POST', 'api/private/taxonomies/species/', {
        as: 'carol',
        body: { name: 'Older proposal' },
      });
      await first.close();
      const table = tableOf('speciesapproval').table;
      const raw = new Database(file);
      raw.exec(`ALTER TABLE ${table} DROP COLUMN comments`);
      raw.close();

      const again = await demoServer({ db: file });
      try {
        const old = await again.get(
          `api/private/taxonomies/speciesapproval/${proposed.body.species_approval.id}/`,
          'reviewer',
        );
        expect(old.status).toBe(200);
        expect(old.body.species_approval.comments).toBe('');
        const fresh = await again.req('POST', 'api/private/taxonomies/species/', {
          as: 'carol',
          body: { name: 'Newer proposal', comments: 'after the upgrade' },
        });
        expect(fresh.body.species_approval.comments).toBe('after the upgrade');
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
