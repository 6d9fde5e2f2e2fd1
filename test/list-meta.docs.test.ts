// Holds the `meta` rule of list bodies (listHasMeta, protocol/envelopes.ts) to the endpoint pages: a page that says
// "List responses include a `meta` object" gets `meta` on every portal, one that says "Public list responses also
// include …" on the public portal, and "Approval list responses also include …" on its approval list.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listHasMeta } from '../packages/api-description/src/protocol/envelopes.js';
import { findModel, MODELS, type ModelSpec } from '../packages/api-description/src/registry/index.js';
import { docsAvailable, endpointPages, parsePage } from './docs-parser.js';

describe.skipIf(!docsAvailable && !process.env.CI)('which lists carry meta, per the endpoint pages', () => {
  const pages = docsAvailable
    ? endpointPages().map((file) => {
        const primary = parsePage(file).sections.find((s) => !s.suffix && !/approval/i.test(s.heading));
        return { file, model: primary && findModel(primary.model), text: readFileSync(file, 'utf8') };
      })
    : [];

  it('gives meta on every portal to exactly the lists whose page says "List responses include a `meta` object"', () => {
    const said = pages.filter((p) => /^List responses include a `meta` object/m.test(p.text)).map((p) => p.model?.name);
    // Private lists with meta, besides the approval lists (their rule is the next test's).
    const always = (MODELS as readonly ModelSpec[])
      .filter((m) => m.family !== 'approval' && m.portals.list?.includes('private') && listHasMeta(m, 'private'))
      .map((m) => m.name);
    expect(said.sort()).toEqual(['groupmembershipinvitation', 'groupmembershiprequest']);
    expect(always.sort()).toEqual(said);
  });

  it('gives meta to the public lists and approval lists the pages say carry it', () => {
    const problems: string[] = [];
    for (const p of pages) {
      if (!p.model) continue;
      if (/^Public list responses also include a `meta` object/m.test(p.text) && !listHasMeta(p.model, 'public'))
        problems.push(`${p.model.name}: public list without meta`);
      const approval = p.model.approval && findModel(p.model.approval.model);
      if (/^Approval list responses also include a `meta` object/m.test(p.text) && approval) {
        if (!listHasMeta(approval, 'private')) problems.push(`${approval.name}: approval list without meta`);
      }
    }
    expect(problems).toEqual([]);
  });
});
