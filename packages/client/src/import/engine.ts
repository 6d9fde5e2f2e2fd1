/**
 * The import engine: runs parsed spreadsheet rows of one import type against the API, row by row, in file order.
 * Each row is found or created (never modified); later rows run after an error; re-running a file creates
 * nothing new, because every row first looks for the record it describes.
 * @module
 */
import { type FieldSpec, getField, getModel } from '../registry/index.js';
import { cellOf, readRow } from './cells.js';
import { type ImportClient, Lookups, recordOf, recordsOf } from './lookup.js';
import { findImportType, IMPORT_TYPE_NAMES } from './table.js';
import type { DetailsValidator, ImportRow, ImportType, RowIssue, RowResult, RowStatus } from './types.js';
import { instant } from './values.js';

type Row = Record<string, unknown>;

/**
 * Options of {@link importRows}.
 *
 * @example
 * ```ts
 * const opts: ImportOptions = { rows: [{ project__name: 'P1' }], dryRun: true };
 * ```
 */
export interface ImportOptions {
  /** Parsed rows keyed by header. */
  rows: readonly ImportRow[];
  /** The file's header (default: every key of the rows); used to report unknown and missing columns. */
  columns?: readonly string[];
  /** File line where each row starts (default: row index + 2, after a one-line header). */
  lines?: readonly number[];
  /** Resolve every lookup and validate every row, but write nothing. */
  dryRun?: boolean;
  /** JSON Schema check of `details` (and procedure `coordinates_details`); violations are row errors. */
  validateDetails?: DetailsValidator;
  /** Called after each row. */
  onProgress?: (p: { loaded: number; total: number }) => void;
  signal?: AbortSignal;
}

/**
 * What {@link importRows} resolves to.
 *
 * @example
 * ```ts
 * report.counts; // { created: 3, existing: 1, error: 1, 'would-create': 0, warnings: 2 }
 * ```
 */
export interface ImportReport {
  type: string;
  rows: RowResult[];
  /** Header columns the type does not document: ignored. */
  unknownColumns: string[];
  counts: Record<RowStatus, number> & { warnings: number };
}

/** An import type by name; throws a TypeError listing the valid names. */
export function getImportType(name: string): ImportType {
  const t = findImportType(name);
  if (!t) throw new TypeError(`Unknown import type "${name}" (one of: ${IMPORT_TYPE_NAMES.join(', ')})`);
  return t;
}

interface Known {
  /** `null` for a record only planned by a dry run. */
  id: string | null;
  record: Row;
}

/**
 * Import rows of one type. Resolves with a result per row; rejects only when the import cannot go on at all
 * (authentication failed, aborted).
 *
 * @example
 * ```ts
 * import { importRows } from 'brainstem-api-tools/import';
 * const report = await importRows(client, 'sessions', { rows: [{ project__name: 'P1', session__name: 'S1' }] });
 * report.rows[0]?.status; // 'created'
 * ```
 */
export async function importRows(
  client: ImportClient | object,
  typeName: string,
  opts: ImportOptions,
): Promise<ImportReport> {
  const type = getImportType(typeName);
  const api = client as ImportClient;
  const lookups = new Lookups(api, opts.signal);
  const known = new Map<string, Known>();
  const header = opts.columns ?? [...new Set(opts.rows.flatMap((r) => Object.keys(r)))];
  const documented = new Set(type.columns.map((c) => c.column));
  const present = new Set(header);
  const results: RowResult[] = [];
  const total = opts.rows.length;
  for (const [i, row] of opts.rows.entries()) {
    if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
    const result: RowResult = {
      line: opts.lines?.[i] ?? i + 2,
      status: 'error',
      record: type.label
        .map((c) => cellOf(row, c) ?? '')
        .filter(Boolean)
        .join(' / '),
      id: null,
      issues: [],
    };
    try {
      await importRow(api, type, row, result, { ...opts, lookups, known });
    } catch (err) {
      if (!isRowError(err)) throw err;
      result.status = 'error';
      result.issues.push(...apiIssues(type, err));
    }
    for (const issue of result.issues) {
      if (issue.level === 'error' && issue.field && !present.has(issue.field) && issue.message.startsWith('required')) {
        (issue as { message: string }).message = 'required column is missing from the file';
      }
    }
    results.push(result);
    opts.onProgress?.({ loaded: i + 1, total });
  }
  const counts = { created: 0, existing: 0, error: 0, 'would-create': 0, warnings: 0 };
  for (const r of results) {
    counts[r.status]++;
    counts.warnings += r.issues.filter((x) => x.level === 'warning').length;
  }
  return { type: type.name, rows: results, unknownColumns: header.filter((h) => h && !documented.has(h)), counts };
}

interface RowContext extends ImportOptions {
  lookups: Lookups;
  known: Map<string, Known>;
}

async function importRow(api: ImportClient, type: ImportType, row: ImportRow, result: RowResult, ctx: RowContext) {
  const read = await readRow(type, row, ctx.lookups);
  result.issues.push(...read.issues);
  const { payload } = read;
  if (!type.unwritable) checkRequired(type, payload, result.issues);
  // Errors in the columns that identify the record stop the row; the others only stop a create. A blank list
  // column identifies nothing (a record matches when it holds every listed id), so it does not stop the row.
  const identifying = new Set(
    type.columns
      .filter((c) => c.field && type.identity.includes(c.field))
      .filter((c) => cellOf(row, c.column) || getField(type.model, c.field as string)?.type !== 'relation_list')
      .map((c) => c.column),
  );
  const errors = () => result.issues.filter((x) => x.level === 'error');
  if (errors().some((x) => !x.field || identifying.has(x.field))) return;
  if (type.unwritable) {
    if (errors().length === 0) result.issues.push({ level: 'error', message: type.unwritable });
    return;
  }
  const key = identityKey(type, payload);
  const model = type.model;
  let found = ctx.known.get(key);
  if (!found && type.identity.some((f) => getField(type.model, f)?.type === 'relation_list')) {
    // List fields match by inclusion, so a record met earlier in this file may match under another key.
    found = [...ctx.known.values()].find((k) => matches(type, payload, k.record));
  }
  if (!found) {
    const record = await findExisting(api, type, payload, ctx.signal);
    if (record) {
      found = { id: String(record.id), record };
      ctx.known.set(key, found);
    }
  }
  if (found) {
    // The record is there and is left as it is: what would have stopped a create no longer matters.
    for (const [i, issue] of result.issues.entries()) {
      if (issue.level === 'error') {
        result.issues[i] = { ...issue, level: 'warning', message: `${issue.message} (the record exists; not needed)` };
      }
    }
  }
  const entry = type.model === 'subjectlog' ? logEntry(type, payload, read.entry, result.issues) : undefined;
  if (errors().length > 0) {
    result.id = found?.id ?? null;
    return;
  }
  let created = false;
  // Only what will be written is held to the details schemas: an existing record is left as it is.
  const schemaErrors = () => {
    const before = result.issues.length;
    checkDetails(type, payload, read.entry, ctx.validateDetails, result.issues);
    return result.issues.length > before;
  };
  if (!found) {
    if (schemaErrors()) return;
    if (ctx.dryRun) found = { id: null, record: { ...payload, entries: [] } };
    else {
      const later = Object.fromEntries(
        (type.afterCreate ?? []).filter((f) => f in payload).map((f) => [f, payload[f]]),
      );
      const data = Object.fromEntries(Object.entries(payload).filter(([f]) => !(f in later)));
      const body = await api.save(model, { data, signal: ctx.signal });
      const record = recordOf(model, body) ?? {};
      found = { id: typeof record.id === 'string' ? record.id : null, record: { entries: [], ...record } };
      ctx.lookups.remember(model, record);
      if (Object.keys(later).length > 0 && found.id) await changeAfterCreate(api, type, found.id, later, result, ctx);
    }
    ctx.known.set(key, found);
    created = true;
  }
  result.id = found.id;
  const fresh: RowStatus = ctx.dryRun ? 'would-create' : 'created';
  result.status = created ? fresh : 'existing';
  if (result.issues.some((x) => x.level === 'error')) result.status = 'error';
  if (entry)
    result.status = await addEntry(api, type, found, entry, result, {
      ...ctx,
      schemaErrors: created ? () => false : schemaErrors,
    });
}

/**
 * Sends the fields the API takes only in a change request (project access). A failure leaves the record created:
 * the row reports the error with the record's id, so access can be granted by hand.
 */
async function changeAfterCreate(
  api: ImportClient,
  type: ImportType,
  id: string,
  data: Row,
  result: RowResult,
  ctx: RowContext,
) {
  try {
    await api.save(type.model, { id, data, signal: ctx.signal });
  } catch (err) {
    if (!isRowError(err)) throw err;
    for (const issue of apiIssues(type, err)) {
      result.issues.push({ ...issue, message: `created, but the access change was refused: ${issue.message}` });
    }
  }
}

/** Registry-required fields the row leaves empty (the API would refuse the record). */
function checkRequired(type: ImportType, payload: Row, issues: RowIssue[]) {
  for (const f of getModel(type.model).fields as readonly FieldSpec[]) {
    if (!f.required || f.readOnly || payload[f.name] !== undefined) continue;
    const column = type.columns.find((c) => c.field === f.name)?.column;
    if (column && issues.some((x) => x.level === 'error' && x.field === column)) continue;
    issues.push({
      level: 'error',
      ...(column ? { field: column } : {}),
      message: `${type.model}.${f.name} is required by the API${column ? '' : ' and no column fills it'}`,
    });
  }
}

/** JSON Schema checks of `details` by `type`, of `coordinates_details` by `coordinates_system`, of log entries. */
function checkDetails(
  type: ImportType,
  payload: Row,
  entry: Row | undefined,
  validate: DetailsValidator | undefined,
  issues: RowIssue[],
) {
  if (!validate) return;
  const check = (selector: unknown, value: unknown, field: 'details' | 'coordinates_details') => {
    if (value === undefined || typeof selector !== 'string') return;
    const column = type.columns.find((c) => c.field === field || c.entry === field)?.column ?? field;
    for (const message of validate(type.model, selector, value, field) ?? []) {
      issues.push({ level: 'error', field: column, message: `does not match the ${selector} schema: ${message}` });
    }
  };
  check(payload.type, entry ? entry.details : payload.details, 'details');
  check(payload.coordinates_system, payload.coordinates_details, 'coordinates_details');
}

/** The entry of a subject-log row, shaped for the log's type (instant or interval); `undefined` when none. */
function logEntry(type: ImportType, payload: Row, entry: Row | undefined, issues: RowIssue[]): Row | undefined {
  if (!entry) return undefined;
  const spec = getField(type.model, 'type');
  const interval = spec?.intervalTypes?.includes(String(payload.type)) ?? false;
  const column = (part: string) => type.columns.find((c) => c.entry === part)?.column ?? part;
  const out: Row = {};
  if (interval) {
    if (!entry.start_date_time) {
      issues.push({
        level: 'error',
        field: column('start_date_time'),
        message: `required for ${payload.type} entries`,
      });
      return undefined;
    }
    out.start_date_time = entry.start_date_time;
    out.end_date_time = entry.end_date_time ?? plusOneHour(String(entry.start_date_time));
  } else {
    if (!entry.date_time) {
      issues.push({ level: 'error', field: column('date_time'), message: `required for ${payload.type} entries` });
      return undefined;
    }
    out.date_time = entry.date_time;
  }
  if (entry.notes !== undefined) out.notes = entry.notes;
  if (entry.details !== undefined) out.details = entry.details;
  return out;
}

function plusOneHour(start: string): string {
  const zoned = /(Z|[+-]\d{2}:\d{2})$/i.test(start);
  const iso = new Date((instant(start) as number) + 3_600_000).toISOString().replace(/\.000Z$/, 'Z');
  return zoned ? iso : iso.replace(/Z$/, '');
}

/** Adds a row's entry to its log, unless an entry with the same timestamp is already there. */
async function addEntry(
  api: ImportClient,
  type: ImportType,
  log: Known,
  entry: Row,
  result: RowResult,
  ctx: RowContext & { schemaErrors: () => boolean },
): Promise<RowStatus> {
  const keyName = entry.start_date_time !== undefined ? 'start_date_time' : 'date_time';
  const column = type.columns.find((c) => c.entry === keyName)?.column as string;
  const entries = (Array.isArray(log.record.entries) ? log.record.entries : []) as Row[];
  log.record.entries = entries;
  const at = instant(entry[keyName]);
  const duplicate = () => {
    result.issues.push({
      level: 'warning',
      field: column,
      message: `the log already has an entry at ${entry[keyName]}; not added`,
    });
    return 'existing' as const;
  };
  if (entries.some((e) => instant(e[keyName]) === at)) return duplicate();
  if (ctx.schemaErrors()) return 'error';
  if (!ctx.dryRun) {
    try {
      await api.action(type.model, log.id as string, 'add_entry', { data: entry, signal: ctx.signal });
    } catch (err) {
      const fields = (err as { fields?: Record<string, unknown> }).fields;
      if (String(fields?.[keyName] ?? '').includes('already exists')) return duplicate();
      throw err;
    }
  }
  entries.push(entry);
  return ctx.dryRun ? 'would-create' : 'created';
}

/** The identity fields of a payload, normalised, as a map key. */
function identityKey(type: ImportType, payload: Row): string {
  return JSON.stringify(
    type.identity.map((f) => {
      const v = payload[f];
      if (Array.isArray(v)) return [...v].sort();
      return getField(type.model, f)?.type === 'datetime' ? (instant(v) ?? null) : (v ?? null);
    }),
  );
}

const idOf = (v: unknown) => (v && typeof v === 'object' ? (v as Row).id : v);

/** The existing record whose identity fields equal the row's; list fields match when the record holds every id. */
async function findExisting(
  api: ImportClient,
  type: ImportType,
  payload: Row,
  signal?: AbortSignal,
): Promise<Row | undefined> {
  const filters: Record<string, string> = {};
  for (const f of type.identity) {
    const t = getField(type.model, f)?.type;
    const v = payload[f];
    if (typeof v === 'string' && (t === 'string' || t === 'enum' || t === 'relation')) filters[f] = v;
  }
  const body = await api.loadAll(type.model, { filters, signal });
  return recordsOf(type.model, body).find((r) => matches(type, payload, r));
}

/** Whether a record has the row's identity: equal values, list fields holding every listed id. */
function matches(type: ImportType, payload: Row, record: Row): boolean {
  return type.identity.every((f) => {
    const t = getField(type.model, f)?.type;
    const want = payload[f];
    const have = record[f];
    if (t === 'relation_list') {
      const ids = Array.isArray(have) ? have.map(idOf) : [];
      return !Array.isArray(want) || want.every((id) => ids.includes(id));
    }
    if (t === 'relation') return (idOf(have) ?? null) === (want ?? null);
    if (t === 'datetime') return instant(have) === instant(want);
    return (have === '' ? null : (have ?? null)) === (want ?? null);
  });
}

/** API and connection failures of one row (the row fails, the import goes on); anything else stops the import. */
function isRowError(err: unknown): boolean {
  const e = err as { name?: unknown; status?: unknown };
  if (e?.name === 'AuthenticationError' || e?.name === 'AbortError') return false;
  return typeof e?.status === 'number' || e?.name === 'ConnectionError' || e?.name === 'TimeoutError';
}

/** A failed request as row errors: one per field error of a 400 (named by column where one fills the field). */
function apiIssues(type: ImportType, err: unknown): RowIssue[] {
  const fields = (err as { fields?: Record<string, unknown> }).fields;
  const issues: RowIssue[] = [];
  if (fields && typeof fields === 'object') {
    for (const [field, messages] of Object.entries(fields)) {
      const column = type.columns.find((c) => c.field === field || c.entry === field)?.column;
      const text = Array.isArray(messages)
        ? messages.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ')
        : JSON.stringify(messages);
      issues.push({ level: 'error', field: column ?? field, message: `rejected by the server: ${text}` });
    }
  }
  if (issues.length === 0) issues.push({ level: 'error', message: (err as Error).message });
  return issues;
}
