/**
 * The import engine: runs parsed spreadsheet rows of one import type against the API, row by row, in file order.
 * Each row is found or created; later rows run after an error; re-running a file creates nothing new, because
 * every row first looks for the record it describes. A found record whose fields differ from the row's cells is
 * reported field by field, and changed to match only with `update`.
 * @module
 */
import { getField } from 'brainstem-api-description';
import { cellOf, readRow } from './cells.js';
import { apiIssues, checkDetails, checkRequired, isRowError } from './checks.js';
import { differences, shown } from './differences.js';
import { findExisting, identityKey, matches } from './identity.js';
import { addEntry, type Known, logEntry } from './log-entries.js';
import { type ImportClient, Lookups, recordOf } from './lookup.js';
import { runKeyed } from './schedule.js';
import { findImportType, IMPORT_TYPE_NAMES } from './table.js';
import type { DetailsValidator, ImportRow, ImportType, RowResult, RowStatus } from './types.js';

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
  /**
   * A cell that cannot be read (a bad date, a name that finds no record) only warns, and the field is left out,
   * as in the web import tool. Default: it is an error for the row, and nothing is written for it.
   */
  lenient?: boolean;
  /**
   * An existing record whose fields differ from the row's filled cells is changed to match (status `updated`).
   * Default: it is left as it is, and each differing field is reported as a warning.
   */
  update?: boolean;
  /** JSON Schema check of `details` (and procedure `coordinates_details`); violations are row errors. */
  validateDetails?: DetailsValidator;
  /**
   * Rows in flight (default 1: one after another). Rows naming the same record still run in file order; types
   * whose identity includes a list (behaviors, data acquisition, manipulations) always run one by one.
   */
  concurrency?: number;
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
  const total = opts.rows.length;
  const results: RowResult[] = opts.rows.map((row, i) => ({
    line: opts.lines?.[i] ?? i + 2,
    status: 'error',
    record: type.label
      .map((c) => cellOf(row, c) ?? '')
      .filter(Boolean)
      .join(' / '),
    id: null,
    issues: [],
  }));
  const ctx: RowContext = { ...opts, lookups, known };
  const prepared: Array<Prepared | undefined> = [];
  let done = 0;
  const finish = (i: number) => {
    const result = results[i] as RowResult;
    for (const issue of result.issues) {
      if (issue.level === 'error' && issue.field && !present.has(issue.field) && issue.message.startsWith('required')) {
        (issue as { message: string }).message = 'required column is missing from the file';
      }
    }
    opts.onProgress?.({ loaded: ++done, total });
  };
  const guard = async (i: number, step: () => Promise<void>) => {
    if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
    try {
      await step();
    } catch (err) {
      if (!isRowError(err)) throw err;
      const result = results[i] as RowResult;
      result.status = 'error';
      result.issues.push(...apiIssues(type, err));
      prepared[i] = undefined;
    }
  };
  // List identities match by inclusion across keys, so those types run strictly one row after another.
  const listIdentity = !type.unwritable && type.identity.some((f) => getField(type.model, f)?.type === 'relation_list');
  await runKeyed(
    total,
    listIdentity ? 1 : (opts.concurrency ?? 1),
    async (i) => {
      await guard(i, async () => {
        prepared[i] = await prepareRow(type, opts.rows[i] as ImportRow, results[i] as RowResult, ctx);
      });
      const p = prepared[i];
      if (!p) finish(i);
      return p ? { key: p.key } : {};
    },
    async (i) => {
      await guard(i, () => writeRow(api, type, prepared[i] as Prepared, results[i] as RowResult, ctx));
      prepared[i] = undefined;
      finish(i);
    },
  );
  const counts = { created: 0, existing: 0, updated: 0, error: 0, 'would-create': 0, 'would-update': 0, warnings: 0 };
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

/** A row read and checked, ready to be found or created under its identity key. */
interface Prepared {
  read: Awaited<ReturnType<typeof readRow>>;
  key: string;
  row: ImportRow;
}

/** Reads a row and checks it; `undefined` when an error already decides it (the result says why). */
async function prepareRow(
  type: ImportType,
  row: ImportRow,
  result: RowResult,
  ctx: RowContext,
): Promise<Prepared | undefined> {
  const read = await readRow(type, row, ctx.lookups, { lenient: Boolean(ctx.lenient) });
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
  if (errors().some((x) => !x.field || identifying.has(x.field))) return undefined;
  if (type.unwritable) {
    if (errors().length === 0) result.issues.push({ level: 'error', message: type.unwritable });
    return undefined;
  }
  return { read, key: identityKey(type, payload), row };
}

/** Finds the row's record or creates it (and adds a log entry), unless a dry run. */
async function writeRow(api: ImportClient, type: ImportType, prep: Prepared, result: RowResult, ctx: RowContext) {
  const { read, key } = prep;
  const { payload } = read;
  const errors = () => result.issues.filter((x) => x.level === 'error');
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
    // The record is there: what would have stopped a create no longer matters, except a cell that could not be
    // read, whose value may differ from the record's.
    for (const [i, issue] of result.issues.entries()) {
      if (issue.level === 'error' && issue.kind !== 'unreadable') {
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
  if (!created && found.id) result.status = await reconcile(api, type, prep, found, result, ctx);
  if (result.issues.some((x) => x.level === 'error')) result.status = 'error';
  if (entry) {
    const status = await addEntry(api, type, found, entry, result, {
      ...ctx,
      schemaErrors: created ? () => false : schemaErrors,
    });
    // An entry that was already there leaves an updated log `updated`.
    const changed = result.status === 'updated' || result.status === 'would-update';
    result.status = status === 'existing' && changed ? result.status : status;
  }
}

/**
 * An existing record against its row: each field whose filled cell differs is reported; with `update` those fields
 * are sent in one change request (PATCH), so a second run finds nothing to change. Answers the row's status.
 */
async function reconcile(
  api: ImportClient,
  type: ImportType,
  prep: Prepared,
  found: Known,
  result: RowResult,
  ctx: RowContext,
): Promise<RowStatus> {
  const diffs = differences(type, prep.row, prep.read.payload, found.record);
  if (diffs.length === 0) return 'existing';
  if (!ctx.update) {
    for (const d of diffs) {
      result.issues.push({
        level: 'warning',
        field: d.column,
        message: `differs from the record, which has ${shown(d.record)} (the row: ${shown(d.row)}); not changed`,
        kind: 'differs',
      });
    }
    return 'existing';
  }
  const say = (d: (typeof diffs)[number], verb: string) =>
    result.issues.push({
      level: 'info',
      field: d.column,
      message: `${verb} ${shown(d.record)} to ${shown(d.row)}`,
      kind: 'changed',
    });
  if (ctx.dryRun) {
    for (const d of diffs) say(d, 'would change');
    return 'would-update';
  }
  const data = Object.fromEntries(diffs.map((d) => [d.field, d.update]));
  const body = await api.save(type.model, { id: found.id as string, data, signal: ctx.signal });
  const record = recordOf(type.model, body);
  if (record) found.record = { ...found.record, ...record };
  for (const d of diffs) say(d, 'changed');
  return 'updated';
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
