import { cellText } from './csv.js';

/**
 * A plain-text table for terminals: a header row, a rule, one row per record. Cells are single-line and
 * truncated with `…` so the table fits `width` columns where possible; nested values show as JSON.
 *
 * @example
 * ```ts
 * renderTable([{ id: 1, name: 'a' }], ['id', 'name'], 80);
 * // 'id  name\n--  ----\n1   a\n'
 * ```
 */
export function renderTable(
  records: readonly Record<string, unknown>[],
  fields: readonly string[],
  width = 80,
): string {
  if (fields.length === 0) return '';
  const cells = records.map((r) => fields.map((f) => oneLine(cellText(r[f]))));
  const natural = fields.map((f, i) => Math.max(f.length, ...cells.map((row) => (row[i] as string).length)));
  const widths = fitWidths(natural, fields, width);
  const line = (row: readonly string[]) =>
    row
      .map((c, i) => pad(truncate(c, widths[i] as number), widths[i] as number))
      .join('  ')
      .trimEnd();
  const out = [line(fields), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
  return `${out.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\r?\n|\r/g, '⏎').replace(/\t/g, ' ');
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** Shrink the widest columns until the table fits, never below the header length or 8 characters. */
function fitWidths(natural: readonly number[], fields: readonly string[], width: number): number[] {
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const floor = fields.map((f) => Math.max(Math.min(f.length, 20), 8));
  while (total() > width) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (
        (widths[i] as number) > (floor[i] as number) &&
        (widest < 0 || (widths[i] as number) > (widths[widest] as number))
      )
        widest = i;
    }
    if (widest < 0) break;
    widths[widest] = (widths[widest] as number) - 1;
  }
  return widths;
}

/**
 * Default table columns when `--fields` is not given: keys whose values are scalars in the first records
 * (`id` and `name` first), falling back to all keys.
 */
export function defaultColumns(records: readonly Record<string, unknown>[]): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of records.slice(0, 50)) {
    for (const [k, v] of Object.entries(r)) {
      if (seen.has(k)) continue;
      if (v === null || v === undefined || typeof v !== 'object') {
        seen.add(k);
        keys.push(k);
      }
    }
  }
  const rank = (k: string) => (k === 'id' ? 0 : k === 'name' ? 1 : 2);
  const sorted = keys.map((k, i) => ({ k, i })).sort((a, b) => rank(a.k) - rank(b.k) || a.i - b.i);
  return sorted.length > 0 ? sorted.map((s) => s.k) : [...new Set(records.flatMap((r) => Object.keys(r)))];
}
