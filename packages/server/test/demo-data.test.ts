/** The demo data the loader stores: what README examples, the demo script and the tests rely on, row for row. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type ServerContext, seedDemo } from '../src/index.js';

let app: FastifyInstance;
let ctx: ServerContext;
beforeAll(async () => {
  ({ app, ctx } = await buildApp({ db: ':memory:', seed: 'demo', quiet: true }));
});
afterAll(() => app.close());

/** Rows per table, leaving out empty tables and SQLite's own. */
function rowCounts(): Record<string, number> {
  const tables = ctx.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const n = ctx.db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number;
    if (n > 0) counts[t] = n;
  }
  return counts;
}

describe('demo data', () => {
  it('stores four users with their tokens, two groups, seven projects and what belongs to them', () => {
    expect(rowCounts()).toEqual({
      attr_grants: 13,
      group_members: 3,
      j_behavior_subjects: 5,
      j_behavioralparadigm_species: 2,
      j_behavioralparadigmapproval_species: 1,
      j_cohort_subjects: 4,
      j_collection_sessions: 4,
      j_dataacquisition_procedures: 2,
      j_laboratory_principal_investigators: 1,
      j_license_license_holders: 1,
      j_manipulation_procedures: 3,
      j_procedure_equipment: 1,
      j_project_publications: 1,
      j_session_projects: 11,
      j_subject_projects: 9,
      project_grants: 10,
      t_behavior: 5,
      t_behavioralassay: 1,
      t_behavioralcategory: 1,
      t_behavioralcategoryapproval: 1,
      t_behavioralparadigm: 1,
      t_behavioralparadigmapproval: 1,
      t_brainregion: 4,
      t_breeding: 2,
      t_cohort: 2,
      t_collection: 2,
      t_consumable: 1,
      t_consumableapproval: 1,
      t_consumablestock: 2,
      t_dataacquisition: 7,
      t_datastorage: 1,
      t_equipment: 2,
      t_group: 2,
      t_groupmembershipinvitation: 1,
      t_groupmembershiprequest: 1,
      t_hardwaredevice: 1,
      t_hardwaredeviceapproval: 1,
      t_inventory: 2,
      t_journal: 1,
      t_journalapproval: 1,
      t_laboratory: 1,
      t_license: 1,
      t_manipulation: 3,
      t_procedure: 4,
      t_procedurelog: 2,
      t_project: 7,
      t_projectgroupmembershipinvitation: 1,
      t_projectmembershipinvitation: 1,
      t_publication: 1,
      t_regulatoryauthority: 1,
      t_regulatoryauthorityapproval: 1,
      t_session: 11,
      t_sessiondatastorage: 4,
      t_setup: 2,
      t_setuptype: 2,
      t_setuptypeapproval: 1,
      t_species: 3,
      t_speciesapproval: 1,
      t_strain: 3,
      t_strainapproval: 1,
      t_subject: 9,
      t_subjectlog: 4,
      t_supplier: 2,
      t_supplierapproval: 1,
      tokens: 4,
      users: 4,
    });
  });

  it('loads into an empty database only: seeding again adds nothing', () => {
    const before = rowCounts();
    seedDemo(ctx);
    expect(rowCounts()).toEqual(before);
  });

  it('gives Alice her profile and the reviewer staff rights', () => {
    const users = ctx.db.prepare('SELECT email, is_staff, website, orcid_id FROM users ORDER BY id').all();
    expect(users).toEqual([
      {
        email: 'alice@example.org',
        is_staff: 0,
        website: 'https://andersenlab.example.org',
        orcid_id: 'https://orcid.org/0000-0000-0000-0001',
      },
      { email: 'bob@example.org', is_staff: 0, website: '', orcid_id: '' },
      { email: 'carol@example.org', is_staff: 0, website: '', orcid_id: '' },
      { email: 'reviewer@example.org', is_staff: 1, website: '', orcid_id: '' },
    ]);
  });
});
