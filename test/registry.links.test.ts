// The registry's cross-references (through-tables, invitation sides, interval log types, change-to-reference)
// must point at fields that exist and have the right shape: the server builds tables and permission rules from them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getField, getModel, MODELS, type ModelSpec } from '../packages/api-description/src/registry/index.js';
import { DOCS_DIR, docsAvailable } from './docs-parser.js';

const models = MODELS as readonly ModelSpec[];

describe('registry links', () => {
  it('through: the link model relates the owner and the listed model and has an integer order', () => {
    const withThrough = models.flatMap((m) => m.fields.filter((f) => f.through).map((f) => ({ m, f })));
    expect(withThrough.map(({ m, f }) => `${m.name}.${f.name}`)).toEqual(['session.datastorage']);
    for (const { m, f } of withThrough) {
      const t = f.through as NonNullable<typeof f.through>;
      expect(f.type).toBe('relation_list');
      expect(getField(t.model, t.sourceField)?.target).toBe(m.name);
      expect(getField(t.model, t.targetField)?.target).toBe(f.target);
      expect(getField(t.model, t.orderField)?.type).toBe('integer');
    }
  });

  it('invitation: every invitation-family model names an invitee (user/group) and a target (project/group)', () => {
    for (const m of models.filter((x) => x.family === 'invitation')) {
      const inv = m.invitation;
      expect(inv, m.name).toBeDefined();
      if (!inv) continue;
      expect(['user', 'group']).toContain(getField(m, inv.inviteeField)?.target);
      expect(['project', 'group']).toContain(getField(m, inv.targetField)?.target);
    }
    expect(models.filter((m) => m.invitation).every((m) => m.family === 'invitation')).toBe(true);
    expect(getModel('groupmembershiprequest').invitation?.request).toBe(true);
  });

  it.skipIf(!docsAvailable && !process.env.CI)(
    'intervalTypes: exactly the subject-log types the docs list as interval entries',
    () => {
      const type = getField('subjectlog', 'type');
      const text = readFileSync(join(DOCS_DIR, 'api', 'modules', 'subjectlog.md'), 'utf8');
      const line = text.split('\n').find((l) => l.startsWith('**Interval entries**')) ?? '';
      const documented = [...line.matchAll(/`([A-Za-z]+)`/g)].map((x) => x[1]);
      expect(documented.length).toBeGreaterThan(0);
      expect([...(type?.intervalTypes ?? [])].sort()).toEqual(documented.sort());
      for (const t of type?.intervalTypes ?? []) expect(type?.enum).toContain(t);
    },
  );

  it('requiresChange and jsonList sit only on relations and json fields', () => {
    for (const m of models) {
      for (const f of m.fields) {
        if (f.requiresChange) expect(['relation', 'relation_list'], `${m.name}.${f.name}`).toContain(f.type);
        if (f.jsonList) expect(f.type, `${m.name}.${f.name}`).toBe('json');
      }
    }
    expect(getField('session', 'datastorage')?.requiresChange).toBe(true);
    expect(getField('sessiondatastorage', 'datastorage')?.requiresChange).toBe(true);
  });
});
