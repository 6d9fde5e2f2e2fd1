#!/usr/bin/env node
// Seeds packages/api-description/src/registry/models.ts from ../shared/spec/models.json plus the overlay below
// (facts the spec does not carry: permission families, inheritance paths, loader table, aliases).
// The generated file is committed and is the registry; the docs-conformance test holds it to the docs.
// Re-run only to re-seed: `npm run gen:registry` (then `npm run gen:types`).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const spec = JSON.parse(readFileSync(join(root, '..', 'shared', 'spec', 'models.json'), 'utf8'));

/** Permission family and the field through which a record inherits access (datamodel/permissions.md). */
const FAMILY = {
  project: ['project', null],
  subject: ['project', 'projects'],
  session: ['project', 'projects'],
  collection: ['project', 'project'],
  cohort: ['project', 'project'],
  breeding: ['project', 'project'],
  sessiondatastorage: ['project', 'session'],
  behavior: ['project', 'session'],
  dataacquisition: ['project', 'session'],
  manipulation: ['project', 'session'],
  procedure: ['project', 'subject'],
  procedurelog: ['project', 'procedure'],
  subjectlog: ['project', 'subject'],
  projectmembershipinvitation: ['invitation', 'project'],
  projectgroupmembershipinvitation: ['invitation', 'project'],
  behavioralassay: ['personal', null],
  datastorage: ['personal', null],
  inventory: ['personal', null],
  license: ['personal', null],
  setup: ['personal', null],
  equipment: ['personal', 'setup'],
  consumablestock: ['personal', 'inventory'],
  consumable: ['resource', null],
  hardwaredevice: ['resource', null],
  supplier: ['resource', null],
  behavioralcategory: ['taxonomy', null],
  behavioralparadigm: ['taxonomy', null],
  regulatoryauthority: ['taxonomy', null],
  setuptype: ['taxonomy', null],
  species: ['taxonomy', null],
  strain: ['taxonomy', null],
  brainregion: ['taxonomy', null],
  journal: ['journal', null],
  publication: ['journal', null],
  group: ['group', null],
  groupmembershipinvitation: ['invitation', 'authgroup'],
  groupmembershiprequest: ['invitation', 'authgroup'],
  laboratory: ['group', 'group'],
  user: ['user', null],
};

/**
 * Convenience loaders (load_<model>): named filter → API filter key. The nine the official Python v2 client has,
 * without the `tags` filter on models that have no `tags` field (docs/api-decisions.md, "Convenience loaders"),
 * plus loaders for the other models users look up by name or parent. test/registry.loaders.test.ts holds every
 * row to its model's fields.
 */
const LOADERS = {
  project: { name: 'name.icontains', sessions: 'sessions.id', subjects: 'subjects.id', tags: 'tags' },
  subject: { name: 'name.icontains', projects: 'projects.id', strain: 'strain.id', sex: 'sex', tags: 'tags' },
  session: { name: 'name.icontains', projects: 'projects.id', datastorage: 'datastorage.id', tags: 'tags' },
  collection: { name: 'name.icontains', tags: 'tags' },
  cohort: { name: 'name.icontains', tags: 'tags' },
  behavior: { session: 'session.id' },
  dataacquisition: { session: 'session.id' },
  manipulation: { session: 'session.id' },
  procedure: { subject: 'subject.id' },
  procedurelog: { procedure: 'procedure.id' },
  subjectlog: { subject: 'subject.id' },
  equipment: { name: 'name.icontains', setup: 'setup.id' },
  consumablestock: { inventory: 'inventory.id' },
  behavioralassay: { name: 'name.icontains' },
  datastorage: { name: 'name.icontains' },
  setup: { name: 'name.icontains' },
  hardwaredevice: { name: 'name.icontains' },
  brainregion: { name: 'name.icontains' },
  species: { name: 'name.icontains' },
  strain: { name: 'name.icontains', species: 'species.id' },
  publication: { name: 'title.icontains' },
  laboratory: { name: 'institution.icontains' },
};

/** sessiondatastorage is documented only in prose (session page); its shape is our decision (docs/api-decisions.md). */
const SESSION_DATASTORAGE = {
  list_key: 'session_datastorages',
  detail_key: 'session_datastorage',
  fields: [
    { name: 'id', type: 'uuid', read_only: true, doc_text: 'UUID identificator formatted as a string' },
    { name: 'session', type: 'relation', required: true, relation_target: 'session', doc_text: 'related session ID' },
    {
      name: 'datastorage',
      type: 'relation',
      required: true,
      relation_target: 'datastorage',
      doc_text: 'related data storage ID',
    },
    { name: 'order', type: 'integer', doc_text: "position of the data storage in the session's list (0 first)" },
  ],
};

/**
 * Relation lists stored through another documented model (docs/api-decisions.md: sessiondatastorage).
 * Key: `<model>.<field>`.
 */
const THROUGH = {
  'session.datastorage': {
    model: 'sessiondatastorage',
    sourceField: 'session',
    targetField: 'datastorage',
    orderField: 'order',
  },
};

/** Relations whose referenced record needs change rights (api/stem/session.md: change_datastorage). */
const REQUIRES_CHANGE_TARGETS = new Set(['datastorage']);

/** Subject-log types whose entries are intervals (api/modules/subjectlog.md, "Interval entries"). */
const INTERVAL_TYPES = {
  'subjectlog.type': ['Housing', 'FoodDeprivation', 'WaterDeprivation', 'Habituation', 'Handling', 'TrainingSession'],
};

/** json fields whose value is a list (default `[]` rather than `{}`), by field name. */
const JSON_LISTS = new Set([
  'download_links',
  'entries',
  'external_identifiers',
  'data_organization',
  'data_protocols',
]);

/** The invitee and target sides of the invitation endpoints (accept/reject/cancel rights). */
const INVITATIONS = {
  projectmembershipinvitation: { inviteeField: 'invitee', targetField: 'project' },
  projectgroupmembershipinvitation: { inviteeField: 'invitee', targetField: 'project' },
  groupmembershipinvitation: { inviteeField: 'user_account_invitation', targetField: 'authgroup' },
  groupmembershiprequest: { inviteeField: 'user_account_request', targetField: 'authgroup', request: true },
};

/**
 * Field facts the docs leave out (docs/api-decisions.md, "Local server: validation and data integrity"): user emails are addresses,
 * unique regardless of case (sign-in is by email); group names key project `groups`, so they are unique
 * regardless of case, with Django auth Group's max length 150.
 */
const FIELD_FACTS = {
  // Django's auth.User: EmailField(max_length=254), first_name/last_name CharField(max_length=150).
  'user.email': { format: 'email', uniqueIgnoresCase: true, maxLength: 254 },
  'user.first_name': { maxLength: 150 },
  'user.last_name': { maxLength: 150 },
  'group.name': { maxLength: 150, unique: true, uniqueIgnoresCase: true },
};

/**
 * Fields the server produces instead of storing what is sent (docs/api-decisions.md, "Computed fields"):
 * `<model>.<field>`, or `<field>` for every model. `grants` ones are written through the permission grants.
 */
const COMPUTED = {
  links: true,
  rrid_url: true,
  created_at: true,
  updated_at: true,
  'session.epochs': true,
  'project.users': 'grants',
  'project.groups': 'grants',
  'group.users': 'grants',
  'user.groups_own_json': true,
  'user.active_projects': true,
};

/** Field sets that must be unique together, beyond single `unique` fields. */
const UNIQUE_TOGETHER = {
  sessiondatastorage: [['session', 'datastorage']],
};

/**
 * Length bounds for writable text the docs leave unbounded (docs/api-decisions.md, "Hostile input"): a Django
 * CharField always has a max_length (255 is the customary one); a TextField has none, so the registry records a
 * generous bound instead of accepting megabytes. Enums with documented choices are bounded by their choices.
 */
const DEFAULT_MAX_LENGTH = { string: 255, other: 255, enum: 255, text: 10_000 };

/**
 * Fields holding a web address, wherever they appear: the docs' examples return `'newsupplier.com'` as
 * `'http://newsupplier.com'` (supplier, journal, user), so every `website` is a `format: 'url'` field.
 */
const URL_FIELDS = new Set(['website']);

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
        actions.push({ name: op, method: meth.method, changesState: true, portals: list });
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
  if (parent) out.parent = parent;
  if (m.doc_slug !== m.model && !spec.some((x) => x.model === m.doc_slug)) out.aliases = [m.doc_slug];
  out.portals = portals;
  if (actions.length) out.actions = actions;
  if (m.approval_model) {
    const approval = spec.find((x) => x.model === m.approval_model);
    out.approval = { model: m.approval_model, key: approval.detail_key };
  }
  if (m.approval_for) out.approvalFor = m.approval_for;
  if (m.model === 'brainregion' || m.approval_model) out.adminDelete = true;
  if (m.model === 'brainregion') out.adminWrite = true;
  if (m.not_supported) out.notSupported = m.not_supported;
  const loader = LOADERS[m.model];
  if (loader || m.default_includes) {
    out.loader = { includes: m.default_includes ?? [], filters: loader ?? {} };
  }
  if (INVITATIONS[m.model]) out.invitation = INVITATIONS[m.model];
  if (UNIQUE_TOGETHER[m.model]) out.uniqueTogether = UNIQUE_TOGETHER[m.model];
  out.fields = (isSds ? SESSION_DATASTORAGE.fields : m.fields).map((f) => fieldOut(m.model, f));
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

const header = `// The model registry: one row per documented BrainSTEM endpoint (49).
// Seeded by scripts/gen-registry.mjs from ../shared/spec/models.json; maintained here and held to the docs by
// test/registry.docs.test.ts. Routing, types, server tables and validation, and CLI choices all derive from it.
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
writeFileSync(join(root, 'packages/api-description/src/registry/models.ts'), header + tight);
console.log(`wrote ${models.length} models`);
