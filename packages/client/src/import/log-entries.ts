/**
 * Subject-log entries of a row: shaped for the log's type (instant or interval, from the registry) and added with
 * the log's `add_entry` action unless the log already has an entry at that time.
 * @module
 */
import { entryShapeOf, getModel } from 'brainstem-api-description';
import type { ImportClient } from './lookup.js';
import type { ImportType, RowIssue, RowResult, RowStatus } from './types.js';
import { instant } from './values.js';

type Row = Record<string, unknown>;

/** A record found or created by this import (`id` is `null` for one only planned by a dry run). */
export interface Known {
  id: string | null;
  record: Row;
}

/** The entry of a subject-log row, shaped for the log's type (instant or interval); `undefined` when none. */
export function logEntry(type: ImportType, payload: Row, entry: Row | undefined, issues: RowIssue[]): Row | undefined {
  if (!entry) return undefined;
  const interval = entryShapeOf(getModel(type.model), payload.type) === 'interval';
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

export function plusOneHour(start: string): string {
  const zoned = /(Z|[+-]\d{2}:\d{2})$/i.test(start);
  const iso = new Date((instant(start) as number) + 3_600_000).toISOString().replace(/\.000Z$/, 'Z');
  return zoned ? iso : iso.replace(/Z$/, '');
}

/** Adds a row's entry to its log, unless an entry with the same timestamp is already there. */
export async function addEntry(
  api: ImportClient,
  type: ImportType,
  log: Known,
  entry: Row,
  result: RowResult,
  ctx: { dryRun?: boolean; signal?: AbortSignal; schemaErrors: () => boolean },
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
