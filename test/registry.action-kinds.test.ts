// Every special action in the registry names its kind (log entries, approvals, invitations, group membership), and
// the kind, not the model's or the action's name, is what clients and the server read.
import { describe, expect, it } from 'vitest';
import { ACTION_KINDS } from '../packages/api-description/src/protocol/actions.js';
import { MODELS } from '../packages/api-description/src/registry/index.js';
import type { ModelSpec } from '../packages/api-description/src/registry/types.js';

const models = MODELS as readonly ModelSpec[];
const kindsOf = (m: ModelSpec) => [...new Set((m.actions ?? []).map((a) => a.kind))];

describe('registry action kinds', () => {
  it('gives each model with actions exactly one kind, by what its actions act on', () => {
    const byModel = Object.fromEntries(models.filter((m) => m.actions?.length).map((m) => [m.name, kindsOf(m)]));
    for (const m of models.filter((x) => x.approvalFor)) expect(byModel[m.name], m.name).toEqual(['approval']);
    for (const m of models.filter((x) => x.invitation)) expect(byModel[m.name], m.name).toEqual(['invitation']);
    expect(byModel['subjectlog']).toEqual(['entry']);
    expect(byModel['procedurelog']).toEqual(['entry']);
    expect(byModel['group']).toEqual(['group']);
    expect(Object.keys(byModel)).toHaveLength(17);
  });

  it('sends a body only for the entry kind, whose actions are PATCH', () => {
    const withBody = models.flatMap((m) => (m.actions ?? []).filter((a) => ACTION_KINDS[a.kind].body));
    expect([...new Set(withBody.map((a) => a.name))].sort()).toEqual(['add_entry', 'change_entry', 'remove_entry']);
    expect(new Set(withBody.map((a) => a.method))).toEqual(new Set(['PATCH']));
  });
});
