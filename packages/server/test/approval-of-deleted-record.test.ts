/** A pending change approval whose record is deleted before review. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

describe('approvals of deleted records', () => {
  it('accepting a Change whose record was deleted is 400 and re-creates nothing; rejecting still works', async () => {
    // The reviewer's new species waits in the approval queue like anybody's, then is accepted.
    const proposed = await c.req('POST', 'api/private/taxonomies/species/', {
      as: 'reviewer',
      body: { name: 'Gone-species' },
    });
    expect(proposed.body.species_approval.status).toBe('Pending');
    const accepted = await c.req(
      'PATCH',
      `api/private/taxonomies/speciesapproval/${proposed.body.species_approval.id}/accept/`,
      {
        as: 'reviewer',
      },
    );
    expect(accepted.status).toBe(200);
    const speciesId = (await c.get('api/private/taxonomies/species/?filter{name}=Gone-species')).body.species[0].id;
    const change = await c.req('PATCH', `api/private/taxonomies/species/${speciesId}/`, {
      as: 'carol',
      body: { description: 'late change' },
    });
    const approvalId = change.body.species_approval.id;
    expect((await c.req('DELETE', `api/private/taxonomies/species/${speciesId}/`, { as: 'reviewer' })).status).toBe(
      204,
    );
    const acc = await c.req('PATCH', `api/private/taxonomies/speciesapproval/${approvalId}/accept/`, {
      as: 'reviewer',
    });
    expect(acc.status).toBe(400);
    expect(acc.body.detail).toMatch(/no longer exists/);
    expect((await c.get('api/private/taxonomies/species/?filter{name}=Gone-species')).body.count).toBe(0);
    const rej = await c.req('PATCH', `api/private/taxonomies/speciesapproval/${approvalId}/reject/`, {
      as: 'reviewer',
    });
    expect(rej.body.species_approval.status).toBe('Rejected');
  });
});
