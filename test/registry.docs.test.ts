// Holds the model registry to the public docs: every endpoint page's field table, operation URLs, allowed
// portals, and the keys of every response example. Deliberate differences are allow-listed with a reason
// (and recorded in docs/api-decisions.md).
import { describe, expect, it } from 'vitest';
import { findModel, MODELS, type ModelSpec } from '../packages/api-description/src/registry/index.js';
import { type DocSection, docsAvailable, endpointPages, parsePage } from './docs-parser.js';

/** `model.field` → why the registry differs from the field table. */
const FIELD_ALLOW: Record<string, string> = {};

/** `model:op:key` → why a response example key is not a registry field. */
const EXAMPLE_KEY_ALLOW: Record<string, string> = {};

const models = MODELS as readonly ModelSpec[];

function opOf(s: DocSection): string {
  if (s.suffix) return s.suffix;
  if (s.scope === 'collection') return s.method === 'POST' ? 'add' : 'list';
  if (s.method === 'GET') return 'detail';
  if (s.method === 'DELETE') return 'delete';
  return 'change';
}

describe.skipIf(!docsAvailable && !process.env.CI)('model registry matches ../shared/brainstem-docs', () => {
  const pages = docsAvailable ? endpointPages().map(parsePage) : [];

  it('has 49 endpoints and every documented URL resolves to a registry model of the same app', () => {
    expect(models).toHaveLength(49);
    const seen = new Set<string>();
    for (const page of pages) {
      for (const s of page.sections) {
        const m = findModel(s.model);
        expect(m, `${page.file}: ${s.heading} → ${s.model}`).toBeDefined();
        expect(m!.app, `${s.model} app`).toBe(s.app);
        seen.add(m!.name);
      }
    }
    const undocumented = models.filter((m) => !seen.has(m.name)).map((m) => m.name);
    // sessiondatastorage is named only in prose on the Session page (no operation sections).
    expect(undocumented).toEqual(['sessiondatastorage']);
  });

  it('covers every field of every field table with the documented flags', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const primary = page.sections.find((s) => !s.suffix && !/approval/i.test(s.heading));
      if (!primary || page.fields.length === 0) continue;
      const m = findModel(primary.model)!;
      for (const f of page.fields) {
        checked++;
        const key = `${m.name}.${f.name}`;
        if (FIELD_ALLOW[key]) continue;
        const r = m.fields.find((x) => x.name === f.name);
        if (!r) {
          problems.push(`${key}: missing from registry`);
          continue;
        }
        if (!!r.required !== f.required) problems.push(`${key}: required ${!!r.required} vs docs ${f.required}`);
        if (f.readOnly && !r.readOnly) problems.push(`${key}: docs say read-only`);
        if (f.maxLength !== null && r.maxLength !== f.maxLength)
          problems.push(`${key}: maxLength ${r.maxLength} vs docs ${f.maxLength}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });

  it('uses the documented list/detail/approval keys, portals and actions', () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const s of page.sections) {
        const m = findModel(s.model)!;
        const op = opOf(s);
        const action = m.actions?.find((a) => a.name === op);
        const portals = (m.portals as Record<string, readonly string[] | undefined>)[op] ?? action?.portals;
        if (!portals) problems.push(`${m.name}: operation ${op} missing`);
        else if ([...portals].sort().join() !== [...s.portals].sort().join())
          problems.push(`${m.name}:${op} portals ${portals} vs docs ${s.portals}`);
        if (action && s.method && action.method !== s.method)
          problems.push(`${m.name}:${op} method ${action.method} vs docs ${s.method}`);
        if (!s.responseKey) continue;
        const expected =
          op === 'list' ? m.listKey : (op === 'add' || op === 'change') && m.approval ? m.approval.key : m.detailKey;
        if (s.responseKey !== expected) problems.push(`${m.name}:${op} key ${expected} vs docs ${s.responseKey}`);
        const owner = (op === 'add' || op === 'change') && m.approval ? findModel(m.approval.model)! : m;
        for (const k of s.recordKeys) {
          if (EXAMPLE_KEY_ALLOW[`${m.name}:${op}:${k}`]) continue;
          if (!owner.fields.some((f) => f.name === k)) problems.push(`${m.name}:${op} example key ${k} not a field`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives an approval model every writable field of the model it approves, so a proposal loses nothing', () => {
    const problems: string[] = [];
    for (const m of models) {
      if (!m.approval) continue;
      const approval = findModel(m.approval.model)!;
      for (const f of m.fields) {
        if (f.readOnly) continue;
        const a = approval.fields.find((x) => x.name === f.name);
        if (!a) problems.push(`${approval.name} lacks ${f.name}`);
        else if (a.type !== f.type || a.maxLength !== f.maxLength) problems.push(`${approval.name}.${f.name} differs`);
      }
    }
    expect(problems).toEqual([]);
  });
});
