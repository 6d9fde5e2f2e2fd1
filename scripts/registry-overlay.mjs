// The registry overlay: what the BrainSTEM docs do not say, or say in prose only, and the registry needs.
// scripts/gen-registry.mjs reads ../shared/spec/models.json (what the docs give) and this file, and renders
// packages/api-description/src/registry/models.ts from both. Every table says why its entries are here; a fact the
// docs' field tables give belongs in the spec, not here. Edit this file, then run `npm run gen:registry`.

/** Permission family and the field through which a record inherits access (datamodel/permissions.md). */
export const FAMILY = {
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
export const LOADERS = {
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
export const SESSION_DATASTORAGE = {
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
export const THROUGH = {
  'session.datastorage': {
    model: 'sessiondatastorage',
    sourceField: 'session',
    targetField: 'datastorage',
    orderField: 'order',
  },
};

/** Relations whose referenced record needs change rights (api/stem/session.md: change_datastorage). */
export const REQUIRES_CHANGE_TARGETS = new Set(['datastorage']);

/** Subject-log types whose entries are intervals (api/modules/subjectlog.md, "Interval entries"). */
export const INTERVAL_TYPES = {
  'subjectlog.type': ['Housing', 'FoodDeprivation', 'WaterDeprivation', 'Habituation', 'Handling', 'TrainingSession'],
};

/** json fields whose value is a list (default `[]` rather than `{}`), by field name. */
export const JSON_LISTS = new Set([
  'download_links',
  'entries',
  'external_identifiers',
  'data_organization',
  'data_protocols',
]);

/**
 * Private lists whose docs pages say "List responses include a `meta` object" (api/users/group_membership_request.md,
 * group_membership_invitation.md). The spec extraction does not carry the sentence; test/list-meta.docs.test.ts
 * holds this table to the pages.
 */
export const LIST_META_ALWAYS = new Set(['groupmembershipinvitation', 'groupmembershiprequest']);

/** The invitee and target sides of the invitation endpoints (accept/reject/cancel rights). */
export const INVITATIONS = {
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
export const FIELD_FACTS = {
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
export const COMPUTED = {
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
export const UNIQUE_TOGETHER = {
  sessiondatastorage: [['session', 'datastorage']],
};

/**
 * Length bounds for writable text the docs leave unbounded (docs/api-decisions.md, "Hostile input"): a Django
 * CharField always has a max_length (255 is the customary one); a TextField has none, so the registry records a
 * generous bound instead of accepting megabytes. Enums with documented choices are bounded by their choices.
 */
export const DEFAULT_MAX_LENGTH = { string: 255, other: 255, enum: 255, text: 10_000 };

/**
 * Fields holding a web address, wherever they appear: the docs' examples return `'newsupplier.com'` as
 * `'http://newsupplier.com'` (supplier, journal, user), so every `website` is a `format: 'url'` field.
 */
export const URL_FIELDS = new Set(['website']);

/**
 * Staff-only writes (docs/api-decisions.md, "Approvals" and "Permission matrix"): brain regions are a curated atlas that only staff
 * create, change or delete; records with an approval queue are deleted by staff only (users propose adds and
 * changes through the queue, and the docs offer no proposal to delete).
 */
export const ADMIN_ONLY = {
  brainregion: { write: true, delete: true },
};

/**
 * Writable fields of an approved model that its approval page's field table leaves out, carried by the approval
 * all the same (docs/api-decisions.md, "What a proposal carries"): nothing a proposer sends is dropped, and
 * acceptance copies them to the record. Each field is copied from the approved model's spec, placed after the
 * approval's documented writable fields. test/registry.docs.test.ts holds every approval to this.
 */
const PROPOSAL = 'the approved model documents it; a proposal carries every writable field of the model it approves';
export const APPROVAL_EXTRA_FIELDS = {
  consumableapproval: { fields: ['rrid', 'external_identifiers', 'comments'], reason: PROPOSAL },
  hardwaredeviceapproval: { fields: ['rrid', 'external_identifiers', 'comments'], reason: PROPOSAL },
  supplierapproval: { fields: ['comments'], reason: PROPOSAL },
  behavioralcategoryapproval: { fields: ['comments'], reason: PROPOSAL },
  behavioralparadigmapproval: { fields: ['comments'], reason: PROPOSAL },
  setuptypeapproval: { fields: ['comments'], reason: PROPOSAL },
  speciesapproval: { fields: ['comments'], reason: PROPOSAL },
  strainapproval: { fields: ['comments'], reason: PROPOSAL },
  journalapproval: { fields: ['comments'], reason: PROPOSAL },
};

/**
 * The kind of each model's special actions (`ActionKind`, packages/api-description/src/protocol/actions.ts): what
 * they act on, which the docs say in each page's prose, not in its endpoint table. An approval endpoint
 * (`approval_for` in the spec) has `approval` actions without an entry here.
 */
export const ACTION_KIND = {
  // api/modules/subjectlog.md, api/modules/procedurelog.md: add_entry/change_entry/remove_entry edit log entries.
  subjectlog: 'entry',
  procedurelog: 'entry',
  // api/stem/*_invitation.md, api/users/group_membership_*.md: accept/reject/cancel decide an invitation or request.
  projectmembershipinvitation: 'invitation',
  projectgroupmembershipinvitation: 'invitation',
  groupmembershipinvitation: 'invitation',
  groupmembershiprequest: 'invitation',
  // api/users/group.md: join (a membership request) and leave act on the caller's own membership.
  group: 'group',
};
