/** Shapes of the model registry's rows. Data lives in models.ts; helpers in index.ts. */

import type { ActionKind } from '../protocol/actions.js';

/**
 * The two documented portals. `private` needs a token; `public` is anonymous and read-only.
 *
 * @example
 * ```ts
 * client.load('project', { portal: 'public' satisfies Portal });
 * ```
 */
export type Portal = 'private' | 'public';

/**
 * URL app segments (the API docs' endpoint list).
 *
 * @example
 * ```ts
 * getModel('procedure').app; // 'modules'
 * ```
 */
export type AppName =
  | 'stem'
  | 'modules'
  | 'personal_attributes'
  | 'resources'
  | 'taxonomies'
  | 'dissemination'
  | 'users';

/**
 * Field types of the docs' field tables.
 *
 * @example
 * ```ts
 * getField('session', 'tags')?.type; // 'list_of_strings'
 * ```
 */
export type FieldType =
  | 'uuid'
  | 'integer'
  | 'string'
  | 'text'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'json'
  | 'list_of_strings'
  | 'enum'
  | 'relation'
  | 'relation_list'
  | 'other';

/**
 * One field of a model, as its API page's field table documents it.
 *
 * @example
 * ```ts
 * getField('session', 'name'); // { name: 'name', type: 'string', required: true, maxLength: 255, … }
 * ```
 */
export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  /** Required on create (POST) and full replacement (PUT). PATCH never requires a field. */
  readonly required?: boolean;
  /** Returned by the server, ignored on input. */
  readonly readOnly?: boolean;
  /** Settable on create only; ignored (kept) on later updates. */
  readonly writeOnce?: boolean;
  /** Docs: "required for POST; optional for PATCH". */
  readonly requiredOnCreateOnly?: boolean;
  /** Longest accepted value, in characters (documented, or the registry's default: see `maxLengthDefault`). */
  readonly maxLength?: number;
  /**
   * `maxLength` is the registry's recorded bound, not a documented one: the docs leave the field unbounded
   * (docs/api-decisions.md, "Hostile input").
   */
  readonly maxLengthDefault?: true;
  readonly unique?: boolean;
  /** Target model (URL name) of a relation or relation list. */
  readonly target?: string;
  /**
   * Referencing a record through this field needs change rights on that record, not just read rights
   * (api/stem/session.md: "`change_datastorage` for each data storage referenced").
   */
  readonly requiresChange?: boolean;
  /**
   * A relation list stored through another documented model instead of a plain junction: rows of `model` link
   * `sourceField` (this record) to `targetField` (the listed record), ordered by `orderField`
   * (docs/api-decisions.md: session.datastorage is kept in sessiondatastorage).
   *
   * @example
   * ```ts
   * getField('session', 'datastorage')?.through;
   * // { model: 'sessiondatastorage', sourceField: 'session', targetField: 'datastorage', orderField: 'order' }
   * ```
   */
  readonly through?: ThroughSpec;
  /**
   * For a log's `type` enum: the types whose log entries are intervals (`start_date_time`/`end_date_time`)
   * rather than instants (`date_time`) (api/modules/subjectlog.md, "Interval entries").
   *
   * @example
   * ```ts
   * getField('subjectlog', 'type')?.intervalTypes?.includes('Housing'); // true
   * ```
   */
  readonly intervalTypes?: readonly string[];
  /** Values compared case-insensitively for `unique` (user emails, group names); the server stores emails lower-case. */
  readonly uniqueIgnoresCase?: boolean;
  /**
   * A string with a checked format: `email` (an address, stored lower-case); `url` (a web address: one without a
   * scheme gets `http://`, as the docs' examples turn `newsupplier.com` into `http://newsupplier.com`).
   */
  readonly format?: 'email' | 'url';
  /** A `json` field whose value is a list: an unset value reads as `[]` (json fields default to `{}`). */
  readonly jsonList?: boolean;
  /** For a read-only reverse relation list: the field on the target that points back here. */
  readonly via?: string;
  /** Documented choices of an enum field. */
  readonly enum?: readonly string[];
  /** `extra_fields`-style object whose keys must match /^[A-Za-z][A-Za-z0-9_]*$/. */
  readonly keyPattern?: boolean;
  /** Structure of documented JSON sub-objects (users/groups/download_links/entries). */
  readonly subfields?: unknown;
  /**
   * Produced by the server rather than stored as sent (`links`, `rrid_url`, timestamps, a project's `users`):
   * not filterable or sortable. `'grants'`: writable all the same, through the permission grants (project and
   * group `users`/`groups`).
   */
  readonly computed?: true | 'grants';
  /** The docs' own description of the field. */
  readonly doc: string;
}

/**
 * How a relation list is stored through another model (see {@link FieldSpec.through}).
 *
 * @example
 * ```ts
 * const t: ThroughSpec = { model: 'sessiondatastorage', sourceField: 'session', targetField: 'datastorage', orderField: 'order' };
 * ```
 */
export interface ThroughSpec {
  /** The model whose rows are the links. */
  readonly model: string;
  /** Its relation to the record that owns the list. */
  readonly sourceField: string;
  /** Its relation to the listed record. */
  readonly targetField: string;
  /** Its integer field giving the position in the list (0 first). */
  readonly orderField: string;
}

/**
 * The two sides of an invitation or membership request (see {@link ModelSpec.invitation}). Whether a side is a
 * user, a group or a project is the `target` of the named relation field.
 *
 * @example
 * ```ts
 * getModel('groupmembershiprequest').invitation;
 * // { inviteeField: 'user_account_request', targetField: 'authgroup', request: true }
 * ```
 */
export interface InvitationSpec {
  /** Relation to the invited (or requesting) user or group. */
  readonly inviteeField: string;
  /** Relation to the project or group the invitation is for. */
  readonly targetField: string;
  /**
   * A membership request rather than an invitation: the target's managers accept or reject, the requester
   * cancels (for invitations it is the other way round).
   */
  readonly request?: boolean;
}

/**
 * The CRUD operations a model page documents (list/detail = GET, add = POST, change = PATCH/PUT, delete = DELETE).
 *
 * @example
 * ```ts
 * const op: ModelOperation = 'change';
 * ```
 */
export type ModelOperation = 'list' | 'detail' | 'add' | 'change' | 'delete';

/**
 * A special action on a record (`/{id}/{name}/`), e.g. `add_entry` on subject logs.
 *
 * @example
 * ```ts
 * getModel('group').actions; // [{ name: 'join', method: 'GET', changesState: true, kind: 'group', portals: ['private'] }, …]
 * ```
 */
export interface ActionSpec {
  /** URL suffix without the slash, e.g. `add_entry`, `accept`, `join`. */
  readonly name: string;
  readonly method: 'GET' | 'PATCH' | 'POST';
  /**
   * Whether the action changes state on the server (every documented one does: accept, join, add_entry, …).
   * Such a request is never repeated after an unknown outcome, even as a GET: the transport applies the write
   * retry rules to it.
   */
  readonly changesState: boolean;
  /** What the action acts on, which decides its body, its answer and who may send it (`ACTION_KINDS`). */
  readonly kind: ActionKind;
  readonly portals: readonly Portal[];
}

/**
 * Permission family (datamodel/permissions.md):
 * - `project`: project and everything that inherits from it through `parent`.
 * - `personal`: personal attributes (setups, inventories, …), shared through groups; equipment/stocks inherit.
 * - `taxonomy`, `resource`, `journal`: readable by all; changes go through approvals reviewed by staff.
 * - `approval`: the pending-change queues of the above.
 * - `invitation`: project/group invitations and group membership requests.
 * - `group`, `user`: the users app.
 *
 * @example
 * ```ts
 * getModel('behavior').family; // 'project'
 * ```
 */
export type PermissionFamily =
  | 'project'
  | 'personal'
  | 'taxonomy'
  | 'resource'
  | 'journal'
  | 'approval'
  | 'invitation'
  | 'group'
  | 'user';

/**
 * A convenience loader row (the Python tool's `load_<model>`): default includes and named filters.
 *
 * @example
 * ```ts
 * getModel('session').loader; // { includes: ['dataacquisition', …], filters: { name: 'name.icontains', … } }
 * ```
 */
export interface LoaderSpec {
  /** Relations embedded by default (sent as `include[]=<name>.*`). */
  readonly includes: readonly string[];
  /** Named filter → API filter key, e.g. `name` → `name.icontains`. */
  readonly filters: Readonly<Record<string, string>>;
}

/**
 * One registry row: everything known about a model endpoint.
 *
 * @example
 * ```ts
 * const m: ModelSpec = getModel('session');
 * m.app; // 'stem'
 * ```
 */
export interface ModelSpec {
  /** URL segment, e.g. `dataacquisition`. */
  readonly name: string;
  readonly app: AppName;
  /** Top-level key of list responses, exactly as documented (e.g. `data_acquisitions`, `consumable stocks`). */
  readonly listKey: string;
  /** Top-level key of detail/create/update responses (e.g. `data_acquisition`, `consumable stock`). */
  readonly detailKey: string;
  readonly family: PermissionFamily;
  /** Field through which access is inherited (e.g. behavior → `session`). */
  readonly parent?: string;
  /** Other spellings accepted for the model (the docs' page names, used by the Python v2 client). */
  readonly aliases?: readonly string[];
  /** Allowed portals per CRUD operation; an absent operation is not offered by the API. */
  readonly portals: Partial<Record<ModelOperation, readonly Portal[]>>;
  /** Special actions on a record: `/{id}/{name}/`. */
  readonly actions?: readonly ActionSpec[];
  /** Writes go through this approval endpoint; responses use its key. */
  readonly approval?: { readonly model: string; readonly key: string };
  /** For approval endpoints: the model whose changes they carry. */
  readonly approvalFor?: string;
  /** Delete is reserved to staff. */
  readonly adminDelete?: boolean;
  /** Create/change are reserved to staff (brain regions). */
  readonly adminWrite?: boolean;
  readonly notSupported?: Readonly<Record<string, string>>;
  readonly loader?: LoaderSpec;
  /** For the invitation family: which fields are the invitee and the target (accept/reject/cancel rights). */
  readonly invitation?: InvitationSpec;
  /**
   * `'always'`: lists carry `meta` on every portal (the page: "List responses include a `meta` object"). Without
   * it, lists carry `meta` on the public portal and approval lists only (`listHasMeta`, protocol/envelopes.ts).
   */
  readonly listMeta?: 'always';
  /** Field sets that must be unique together (one row per session and data storage). */
  readonly uniqueTogether?: readonly (readonly string[])[];
  readonly fields: readonly FieldSpec[];
}
