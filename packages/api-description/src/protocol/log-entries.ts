/**
 * The two shapes of a log entry (api/modules/subjectlog.md, "Log entries"): instantaneous (`date_time`) or, for the
 * log types the registry lists as `intervalTypes`, an interval (`start_date_time`, `end_date_time`). An entry is
 * identified in its log by its first date-time. The server's entry body schema and handler and the client's
 * spreadsheet import read the shapes from here.
 * @module
 */
import type { ModelSpec } from '../registry/types.js';

/**
 * The form of a log entry.
 *
 * @example
 * ```ts
 * const s: EntryShape = entryShapeOf(getModel('subjectlog'), 'Housing'); // 'interval'
 * ```
 */
export type EntryShape = 'instantaneous' | 'interval';

/** The date-time fields of each shape, the identifying one first. */
const SHAPE_TIMES: Readonly<Record<EntryShape, readonly [string, ...string[]]>> = {
  instantaneous: ['date_time'],
  interval: ['start_date_time', 'end_date_time'],
};

const intervalTypesOf = (model: ModelSpec): readonly string[] =>
  model.fields.find((f) => f.name === 'type')?.intervalTypes ?? [];

const hasSubfield = (model: ModelSpec, name: string): boolean =>
  ((model.fields.find((f) => f.name === 'entries')?.subfields ?? []) as { name: string }[]).some(
    (s) => s.name === name,
  );

/**
 * The shapes the entries of a log model take: instantaneous always, interval too when its `type` has interval
 * types and its entries an interval's fields.
 *
 * @example
 * ```ts
 * entryShapes(getModel('procedurelog')); // ['instantaneous']
 * ```
 */
export function entryShapes(model: ModelSpec): EntryShape[] {
  const interval = intervalTypesOf(model).length > 0 && hasSubfield(model, SHAPE_TIMES.interval[0]);
  return interval ? ['instantaneous', 'interval'] : ['instantaneous'];
}

/**
 * The shape of the entries of a log of `type`.
 *
 * @example
 * ```ts
 * entryShapeOf(getModel('subjectlog'), 'Weighing'); // 'instantaneous'
 * ```
 */
export function entryShapeOf(model: ModelSpec, type: unknown): EntryShape {
  return entryShapes(model).includes('interval') && intervalTypesOf(model).includes(String(type))
    ? 'interval'
    : 'instantaneous';
}

/**
 * The date-time fields of an entry of `shape`: `key` identifies the entry in its log, `end` ends an interval.
 *
 * @example
 * ```ts
 * entryTimes('interval'); // { key: 'start_date_time', end: 'end_date_time' }
 * ```
 */
export function entryTimes(shape: EntryShape): { key: string; end: string | undefined } {
  const [key, end] = SHAPE_TIMES[shape];
  return { key, end };
}

/**
 * The fields the body of an entry action must hold for an entry of `shape`: the entry's key, and on `add_entry`
 * the end of an interval.
 *
 * @example
 * ```ts
 * entryRequiredFields('interval', 'add_entry'); // ['start_date_time', 'end_date_time']
 * entryRequiredFields('interval', 'remove_entry'); // ['start_date_time']
 * ```
 */
export function entryRequiredFields(shape: EntryShape, action: string): string[] {
  const { key, end } = entryTimes(shape);
  return action === 'add_entry' && end ? [key, end] : [key];
}
