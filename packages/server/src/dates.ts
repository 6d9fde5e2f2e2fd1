/** Dates and date-times as the API accepts and stores them. */

/** Normalise an ISO date-time to the stored form (`…Z`, milliseconds only when non-zero). */
export function normaliseDateTime(v: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):?(\d{2}))?$/i.exec(v);
  if (!m) return null;
  // Every part must exist as written: 2024-02-30 or 25:00 are errors, not rolled over to the next day.
  if (!isCalendarDate(m[1] as string) || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return null;
  if (m[7] && (Number(m[8]) > 23 || Number(m[9]) > 59)) return null;
  const d = new Date(m[6] ? v.replace(' ', 'T') : `${v.replace(' ', 'T')}Z`);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1) return null;
  const iso = d.toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/**
 * Whether `v` is a YYYY-MM-DD date that exists (2024-02-29 yes, 2023-02-29 no). Years run from 1 to 9999, as in
 * Python's `date`, so `0000-01-01` is not a date.
 *
 * @example
 * ```ts
 * isCalendarDate('2024-02-30'); // false
 * ```
 */
export function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || v.startsWith('0000')) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
