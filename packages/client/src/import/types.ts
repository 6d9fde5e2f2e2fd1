/** Shapes of the spreadsheet import: the declared import types (data in table.ts) and per-row results. */

/**
 * One documented template column (webinterface/import-tool.md). How its cell is read follows from the registry
 * type of `field` on the import type's model; `by` says how a relation's cell names the related record.
 *
 * @example
 * ```ts
 * const c: ImportColumn = { column: 'subject__strain', field: 'strain', by: 'name', example: 'C57BL/6J' };
 * ```
 */
export interface ImportColumn {
  /** Header exactly as documented, e.g. `session__date_time`. */
  readonly column: string;
  /** Marked **\*** in the docs: a blank cell stops the row with an error. */
  readonly required?: boolean;
  /** Model field the cell fills (registry name). */
  readonly field?: string;
  /** For relation fields: cells hold record names or UUIDs. */
  readonly by?: 'name' | 'id';
  /** One name, although the field holds a list (`project__name` → `projects`): commas are part of the name. */
  readonly single?: true;
  /** Value used when the cell is blank (documented defaults). */
  readonly default?: string;
  /** Project access columns: a comma-separated list of emails with this role (project `users`). */
  readonly role?: 'can_change' | 'is_manager' | 'is_owner';
  /** Project `authenticated_groups`: comma-separated group names (contributor access). */
  readonly groups?: true;
  /** Subject-log entry part (sent through the log's `add_entry` action, not on the log itself). */
  readonly entry?: 'date_time' | 'start_date_time' | 'end_date_time' | 'notes' | 'details';
  /** Brain-region lookup helpers: the atlas that scopes it, the acronym used as a fallback. */
  readonly brainRegion?: 'atlas' | 'acronym';
  /** Type of a column whose model has no registry row (epochs): how to read it. */
  readonly type?: 'string' | 'duration' | 'relation';
  /** Target model of such a column's relation. */
  readonly target?: string;
  /** Maximum length of such a column's string. */
  readonly maxLength?: number;
  /** Example cell of the template's example row. */
  readonly example: string;
}

/**
 * One import type of the web import tool: its template columns, the model it writes, and what makes two rows the
 * same record (find-or-create).
 *
 * @example
 * ```ts
 * getImportType('sessions').model; // 'session'
 * ```
 */
export interface ImportType {
  /** Name as on the import tool's buttons, lower-case: `sessions`, `subject-logs`, `data-acquisition`. */
  readonly name: string;
  /** The heading in the docs. */
  readonly title: string;
  /** Registry model written. */
  readonly model: string;
  readonly columns: readonly ImportColumn[];
  /**
   * Fields that identify an existing record: a row whose values equal a record's on all of them is `existing`.
   * Relation lists match when the record holds every listed id.
   */
  readonly identity: readonly string[];
  /** Columns whose values name the row in reports. */
  readonly label: readonly string[];
  /**
   * Fields the API ignores on create and takes in a change request (PATCH) right after it (project `users` and
   * `groups`: api/stem/project.md, "when a user creates a project they become its owner and only member").
   */
  readonly afterCreate?: readonly string[];
  /** When set, the API cannot write this type: rows are validated, then reported as errors with this reason. */
  readonly unwritable?: string;
}

/**
 * Outcome of one row: created, already there, already there and changed to match the row (with `update`), or
 * stopped by an error. `would-create` and `would-update` under `dryRun`.
 */
export type RowStatus = 'created' | 'existing' | 'updated' | 'error' | 'would-create' | 'would-update';

/**
 * A problem with one cell or row.
 *
 * @example
 * ```ts
 * const i: RowIssue = { level: 'warning', field: 'subject__strain', message: 'no strain named "C57"' };
 * ```
 */
export interface RowIssue {
  /** `info`: what an update changed. */
  readonly level: 'error' | 'warning' | 'info';
  /**
   * What kind of problem, where a caller may act on it: `unreadable` (a cell that could not be read; `lenient`
   * makes it a warning), `differs` (the existing record differs; `update` changes it), `changed` (what `update`
   * changed, or would change under `dryRun`).
   */
  readonly kind?: 'unreadable' | 'differs' | 'changed';
  /** The column (or, for a server error on an unmapped field, the API field). */
  readonly field?: string;
  readonly message: string;
}

/**
 * The result of one spreadsheet row.
 *
 * @example
 * ```ts
 * const r: RowResult = { line: 2, status: 'created', record: 'Session_001', id: '…', issues: [] };
 * ```
 */
export interface RowResult {
  /** Line in the file where the row starts (the header is line 1 unless told otherwise). */
  readonly line: number;
  status: RowStatus;
  /** What the row names (its label columns). */
  readonly record: string;
  /** Id of the created or existing record (`null` under dryRun for new records and on errors). */
  id: string | null;
  readonly issues: RowIssue[];
}

/** Parsed cells of one row, keyed by header. */
export type ImportRow = Readonly<Record<string, string | undefined>>;

/**
 * A JSON Schema check of a documented JSON field (`payload`: `details` or `coordinates_details`) of a model, whose
 * schema is picked by `selector` (the record's `type` or `coordinates_system`): a message per violation, `[]` when
 * valid, `undefined` when no schema applies.
 *
 * @example
 * ```ts
 * const check: DetailsValidator = (model, selector, value, payload) => (payload === 'details' ? [] : undefined);
 * ```
 */
export type DetailsValidator = (
  model: string,
  selector: string,
  value: unknown,
  payload: 'details' | 'coordinates_details',
) => string[] | undefined;
