/**
 * Subject-log entries of a row: shaped for the log's type (instant or interval, from the registry) and added with
 * the log's `add_entry` action unless the log already has an entry at that time.
 * @module
 */
import { entryShapeOf, entryShapes, entryTimes, getModel } from 'brainstem-api-description';
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
  const { key, end } = entryTimes(entryShapeOf(getModel(type.model), payload.type));
  const column = (part: string) => type.columns.find((c) => c.entry === part)?.column ?? part;
  const out: Row = {};
  if (!entry[key]) {
    issues.push({ level: 'error', field: column(key), message: `required for ${payload.type} entries` });
    return undefined;
  }
  out[key] = entry[key];
  if (end) out[end] = entry[end] ?? plusOneHour(String(entry[key]));
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
  // The entry was shaped by logEntry: its key is the one of its shape it holds.
  const keys = entryShapes(getModel(type.model)).map((shape) => entryTimes(shape).key);
  const keyName = keys.find((k) => entry[k] !== undefined) ?? (keys[0] as string);
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
