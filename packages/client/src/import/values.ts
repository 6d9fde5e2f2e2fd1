/**
 * Cell readers for the import tool's input conventions (webinterface/import-tool.md, "Input conventions"):
 * booleans, datetimes, dates, comma-separated lists, JSON objects and epoch durations.
 * @module
 */

const TRUE_WORDS = new Set(['true', 'yes', '1', 'on', 'enabled']);

/**
 * `true`, `yes`, `1`, `on`, `enabled` (any case) are true; anything else, blanks included, is false.
 *
 * @example
 * ```ts
 * parseBoolean('Yes'); // true
 * parseBoolean('no'); // false
 * ```
 */
export function parseBoolean(cell: string | undefined): boolean {
  return TRUE_WORDS.has((cell ?? '').trim().toLowerCase());
}

const pad = (n: number | string, width = 2) => String(n).padStart(width, '0');

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function validTime(h: number, min: number, s: number): boolean {
  return h <= 23 && min <= 59 && s <= 59;
}

const ISO_DT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const US_DT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A datetime cell as ISO 8601 with seconds: `2024-05-01T14:30:00[Z]`, `2024-05-01 14:30[:45]` and the month/day
 * variants (`05/01/2024 14:30[:45]`). A zone, when given, is kept; without one the server's zone applies.
 * `undefined` when the cell is not such a datetime.
 *
 * @example
 * ```ts
 * parseDateTime('2024-05-01 14:30'); // '2024-05-01T14:30:00'
 * parseDateTime('05/01/2024 14:30:45'); // '2024-05-01T14:30:45'
 * parseDateTime('yesterday'); // undefined
 * ```
 */
export function parseDateTime(cell: string): string | undefined {
  const iso = ISO_DT.exec(cell);
  if (iso) {
    const [, y, mo, d, h, mi, s = '00', frac = '', zone = ''] = iso as unknown as string[];
    if (!validDate(+(y as string), +(mo as string), +(d as string))) return undefined;
    if (!validTime(+(h as string), +(mi as string), +s)) return undefined;
    const z =
      zone.toUpperCase() === 'Z' ? 'Z' : zone && !zone.includes(':') ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
    return `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${z}`;
  }
  const us = US_DT.exec(cell);
  if (us) {
    const [, mo, d, y, h, mi, s = '00'] = us as unknown as string[];
    if (!validDate(+(y as string), +(mo as string), +(d as string))) return undefined;
    if (!validTime(+(h as string), +(mi as string), +s)) return undefined;
    return `${y}-${pad(mo as string)}-${pad(d as string)}T${pad(h as string)}:${mi}:${s}`;
  }
  return undefined;
}

/**
 * A date cell: ISO `YYYY-MM-DD`, optionally followed by a time that is ignored. `undefined` otherwise.
 *
 * @example
 * ```ts
 * parseDate('2023-02-14'); // '2023-02-14'
 * parseDate('2023-02-14T08:00:00'); // '2023-02-14'
 * parseDate('14/02/2023'); // undefined
 * ```
 */
export function parseDate(cell: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(cell);
  if (!m) return undefined;
  if (!validDate(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  if (cell.length > 10 && !parseDateTime(cell)) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * A comma-separated cell as its trimmed, non-empty items.
 *
 * @example
 * ```ts
 * splitList(' vision, cortex ,'); // ['vision', 'cortex']
 * ```
 */
export function splitList(cell: string): string[] {
  return cell
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * A JSON-object cell: the object, or an error message when the cell is not valid JSON or not an object (an array
 * is accepted when `allowArray`).
 *
 * @example
 * ```ts
 * parseJsonObject('{"laserPower": 5}'); // { value: { laserPower: 5 } }
 * parseJsonObject('{laserPower: 5}').error; // 'invalid JSON: …'
 * ```
 */
export function parseJsonObject(
  cell: string,
  allowArray = false,
): { value?: Record<string, unknown> | unknown[]; error?: string } {
  let value: unknown;
  try {
    value = JSON.parse(cell);
  } catch (e) {
    return { error: `invalid JSON: ${(e as Error).message}` };
  }
  if (allowArray && Array.isArray(value)) return { value };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: `expected a JSON object like {"key": 1}, got ${Array.isArray(value) ? 'an array' : typeof value}` };
  }
  return { value: value as Record<string, unknown> };
}

/**
 * An epoch time relative to the session start, `HH:MM:SS` or an ISO 8601 duration (`PT#H#M#S`), as seconds.
 *
 * @example
 * ```ts
 * parseDuration('00:05:00'); // 300
 * parseDuration('PT5M'); // 300
 * parseDuration('5 min'); // undefined
 * ```
 */
export function parseDuration(cell: string): number | undefined {
  const hms = /^(\d+):([0-5]\d):([0-5]\d(?:\.\d+)?)$/.exec(cell);
  if (hms) return Number(hms[1]) * 3600 + Number(hms[2]) * 60 + Number(hms[3]);
  const iso = /^PT(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(cell);
  if (iso) return Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0);
  return undefined;
}

/**
 * Milliseconds since the epoch of an ISO datetime; a datetime without zone counts as UTC (as the local server
 * stores it), so two spellings of the same instant compare equal.
 *
 * @example
 * ```ts
 * instant('2024-05-02T10:00:00') === instant('2024-05-02T10:00:00Z'); // true
 * ```
 */
export function instant(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
  const t = Date.parse(zoned.replace(' ', 'T'));
  return Number.isNaN(t) ? undefined : t;
}

/**
 * The id a relation field holds: the `id` of an embedded record (`include`d), or the value itself.
 *
 * @example
 * ```ts
 * relatedId({ id: 'a1', name: 'x' }); // 'a1'
 * relatedId('a1'); // 'a1'
 * ```
 */
export function relatedId(value: unknown): unknown {
  return value && typeof value === 'object' ? (value as { id?: unknown }).id : value;
}
