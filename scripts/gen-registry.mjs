#!/usr/bin/env node
// Renders packages/api-description/src/registry/models.ts from ../shared/spec/models.json (what the docs give) and
// scripts/registry-overlay.mjs (what they do not: permission families, loaders, field facts, …). The rendered file
// is committed and is the registry; test/registry.generated.test.ts keeps it equal to this output and
// test/registry.docs.test.ts holds it to the docs. Run: `npm run gen:registry` (then `npm run gen:types`).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ACTION_KIND,
  ADMIN_ONLY,
  APPROVAL_EXTRA_FIELDS,
  COMPUTED,
  DEFAULT_MAX_LENGTH,
  FAMILY,
  FIELD_FACTS,
  INTERVAL_TYPES,
  INVITATIONS,
  JSON_LISTS,
  LIST_META_ALWAYS,
  LOADERS,
  REQUIRES_CHANGE_TARGETS,
  SESSION_DATASTORAGE,
  THROUGH,
  UNIQUE_TOGETHER,
  URL_FIELDS,
} from './registry-overlay.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SPEC_FILE = join(root, '..', 'shared', 'spec', 'models.json');
export const REGISTRY_FILE = join(root, 'packages/api-description/src/registry/models.ts');

const OPS = ['list', 'detail', 'add', 'change', 'delete'];

function clean(text) {
  return (text ?? '').replace(/\*\*/g, '').replace(/`/g, '').replace(/\s+/g, ' ').trim();
}

function fieldOut(model, f) {
  const o = { name: f.name, type: f.type };
  if (f.required) o.required = true;
  if (f.read_only) o.readOnly = true;
  const facts = FIELD_FACTS[`${model}.${f.name}`] ?? {};
  if (f.max_length || facts.maxLength) o.maxLength = f.max_length || facts.maxLength;
  else if (!f.read_only && !f.enum_values && DEFAULT_MAX_LENGTH[f.type]) {
    o.maxLength = DEFAULT_MAX_LENGTH[f.type];
    o.maxLengthDefault = true;
  }
  if (f.unique || facts.unique) o.unique = true;
  if (facts.uniqueIgnoresCase) o.uniqueIgnoresCase = true;
  if (facts.format) o.format = facts.format;
  else if (URL_FIELDS.has(f.name)) o.format = 'url';
  if (f.relation_target) o.target = f.relation_target;
  if (REQUIRES_CHANGE_TARGETS.has(f.relation_target)) o.requiresChange = true;
  const through = THROUGH[`${model}.${f.name}`];
  if (through) o.through = through;
  if (f.enum_values) o.enum = f.enum_values;
  const interval = INTERVAL_TYPES[`${model}.${f.name}`];
  if (interval) o.intervalTypes = interval;
  if (f.type === 'json' && JSON_LISTS.has(f.name)) o.jsonList = true;
  const notes = f.notes ?? '';
  if (/writable on create only/.test(notes)) o.writeOnce = true;
  if (/required for POST; optional for PATCH/.test(notes)) o.requiredOnCreateOnly = true;
  if (/keys must start with a letter/.test(notes)) o.keyPattern = true;
  if (f.subfields) o.subfields = f.subfields;
  const computed = COMPUTED[`${model}.${f.name}`] ?? COMPUTED[f.name];
  if (computed) o.computed = computed;
  o.doc = clean(f.doc_text);
  return o;
}

/**
 * The spec fields of model `m` plus the approved model's fields the overlay adds to an approval
 * (APPROVAL_EXTRA_FIELDS), placed after the documented writable fields, before the approval's own read-only ones.
 */
function withProposalFields(spec, m, fields) {
  const extra = APPROVAL_EXTRA_FIELDS[m.model];
  if (!extra) return fields;
  const approved = spec.find((x) => x.model === m.approval_for);
  if (!approved) throw new Error(`${m.model}: APPROVAL_EXTRA_FIELDS for a model that approves nothing`);
  const added = extra.fields.map((name) => {
    const f = approved.fields.find((x) => x.name === name);
    if (!f || f.read_only) throw new Error(`${m.model}: ${approved.model} has no writable field ${name}`);
    if (fields.some((x) => x.name === name)) throw new Error(`${m.model}: ${name} is documented already`);
    // The approval page describes none of its fields; a copied one has no description either.
    return { ...f, doc_text: '' };
  });
  const at = fields.findIndex((f, i) => i > 0 && f.read_only);
  return at < 0 ? [...fields, ...added] : [...fields.slice(0, at), ...added, ...fields.slice(at)];
}

/** The registry module's text for the spec `spec` (the parsed models.json). */
export function renderRegistry(spec) {
  const models = [];
  for (const m of spec) {
    const [family, parent] = FAMILY[m.model] ?? [m.approval_for ? 'approval' : null, null];
    if (!family) throw new Error(`no family for ${m.model}`);
    const isSds = m.model === 'sessiondatastorage';
    const portals = {};
    const actions = [];
    if (isSds) {
      for (const op of OPS) portals[op] = ['private'];
    } else {
      for (const [op, list] of Object.entries(m.portals)) {
        if (OPS.includes(op)) portals[op] = list;
        else {
          const meth = m.methods[op];
          // Every documented action changes state (accept, join, add_entry, …), GET ones included.
          const kind = ACTION_KIND[m.model] ?? (m.approval_for ? 'approval' : null);
          if (!kind) throw new Error(`no ACTION_KIND for the ${m.model} action ${op}`);
          actions.push({ name: op, method: meth.method, changesState: true, kind, portals: list });
        }
      }
    }
    const out = {
      name: m.model,
      app: m.app,
      listKey: isSds ? SESSION_DATASTORAGE.list_key : m.list_key,
      detailKey: isSds ? SESSION_DATASTORAGE.detail_key : m.detail_key,
      family,
    };
    if (LIST_META_ALWAYS.has(m.model)) out.listMeta = 'always';
    if (parent) out.parent = parent;
    if (m.doc_slug !== m.model && !spec.some((x) => x.model === m.doc_slug)) out.aliases = [m.doc_slug];
    out.portals = portals;
    if (actions.length) out.actions = actions;
    if (m.approval_model) {
      const approval = spec.find((x) => x.model === m.approval_model);
      out.approval = { model: m.approval_model, key: approval.detail_key };
    }
    if (m.approval_for) out.approvalFor = m.approval_for;
    // Records with an approval queue are deleted by staff only (overlay ADMIN_ONLY says why).
    if (ADMIN_ONLY[m.model]?.delete || m.approval_model) out.adminDelete = true;
    if (ADMIN_ONLY[m.model]?.write) out.adminWrite = true;
    if (m.not_supported) out.notSupported = m.not_supported;
    const loader = LOADERS[m.model];
    if (loader || m.default_includes) {
      out.loader = { includes: m.default_includes ?? [], filters: loader ?? {} };
    }
    if (INVITATIONS[m.model]) out.invitation = INVITATIONS[m.model];
    if (UNIQUE_TOGETHER[m.model]) out.uniqueTogether = UNIQUE_TOGETHER[m.model];
    out.fields = withProposalFields(spec, m, isSds ? SESSION_DATASTORAGE.fields : m.fields).map((f) =>
      fieldOut(m.model, f),
    );
    models.push(out);
  }

  // Reverse relations: a read-only relation list is the other side of a forward relation on its target.
  const byName = Object.fromEntries(models.map((m) => [m.name, m]));
  for (const m of models) {
    for (const f of m.fields) {
      if (f.type !== 'relation_list' || !f.readOnly) continue;
      const target = byName[f.target];
      if (!target) continue;
      const back = target.fields.find(
        (g) => (g.type === 'relation' || g.type === 'relation_list') && g.target === m.name && !g.readOnly,
      );
      if (back) f.via = back.name;
    }
  }
  const header = `// The model registry: one row per documented BrainSTEM endpoint (${models.length}).
// Generated by scripts/gen-registry.mjs from ../shared/spec/models.json and scripts/registry-overlay.mjs.
// Do not edit: change the overlay (or the spec) and run \`npm run gen:registry\`. test/registry.docs.test.ts holds
// it to the docs. Routing, types, server tables and validation, and CLI choices all derive from it.
// Deliberate differences from the docs are listed in docs/api-decisions.md.
import type { ModelSpec } from './types.js';

`;
  const body = `export const MODELS = ${JSON.stringify(models, null, 1)} as const satisfies readonly ModelSpec[];\n`;
  // Compact the JSON a little: one field per line.
  const compact = body.replace(/\{\n\s+"name": "([^"]+)",\n\s+"type"([\s\S]*?)\n\s+\}/g, (all) =>
    all.replace(/\n\s*/g, ' '),
  );
  // Arrays of plain values on one line.
  const tight = compact.replace(
    /\[\n\s+((?:"[^"\n]*"|-?\d+|true|false|null)(?:,\n\s+(?:"[^"\n]*"|-?\d+|true|false|null))*)\n\s+\]/g,
    (_, items) => `[${items.replace(/,\n\s+/g, ', ')}]`,
  );
  return header + tight;
}

/** The spec the registry is rendered from. */
export function readSpec(file = SPEC_FILE) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(REGISTRY_FILE, renderRegistry(readSpec()));
  console.log(`wrote ${REGISTRY_FILE}`);
}
