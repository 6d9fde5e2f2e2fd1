import { type FieldSpec, UUID_PATTERN } from 'brainstem-api-description';
import { cellText } from './csv.js';
import { wrapWords } from './wrap.js';

/** The registry's UUID pattern, found anywhere in a cell (a list of ids, say). */
const UUID = new RegExp(UUID_PATTERN.source.replace(/^\^|\$$/g, ''), UUID_PATTERN.flags);

/** A date or datetime as the API writes it (`2024-05-01`, `2024-05-01T14:30:00Z`): such a cell is never cut. */
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** How a table may make room: the rank of each column (lower = more important) and whether columns may go. */
export interface TableOptions {
  /** Wrap long cells at spaces instead of cutting them with `…`. */
  wrap?: boolean;
  /** Rank of a column, lower first to keep (see {@link columnRank}); unranked columns rank last. */
  rank?: (field: string) => number;
  /**
   * Columns may be left out to fit (the default columns, not the ones `--fields` asked for): first a column that
   * repeats another in every row, then the lowest ranked, before a name or a date would be cut.
   */
  drop?: boolean;
}

/**
 * A plain-text table for terminals: a header row, a rule, one row per record; nested values show as JSON. To fit
 * `width` columns the widest columns give way first. Ids, names (rank 1) and dates are never cut: a column named
 * `id`, or holding UUIDs, keeps every UUID whole and wraps a long cell (e.g. a list of ids) onto more lines. Other
 * cells are cut with `…`, or, with `wrap`, wrapped at spaces (never inside a word). With `drop`, columns that
 * repeat another, then the lowest ranked, are left out before anything is cut that must not be. When even that
 * cannot fit, the table is wider than `width` rather than cutting an id, a name or a date.
 *
 * @example
 * ```ts
 * renderTable([{ id: 1, name: 'a' }], ['id', 'name'], 80);
 * // 'id  name\n--  ----\n1   a\n'
 * ```
 */
export function renderTable(
  records: readonly Record<string, unknown>[],
  allFields: readonly string[],
  width = 80,
  opts: TableOptions = {},
): string {
  const fields = opts.drop ? fittingColumns(records, allFields, width, opts) : allFields;
  if (fields.length === 0) return '';
  const cells = records.map((r) => fields.map((f) => oneLine(cellText(r[f]))));
  const column = (i: number) => cells.map((row) => row[i] as string);
  const natural = fields.map((f, i) => Math.max(f.length, ...column(i).map((c) => c.length)));
  const holdsIds = fields.map((f, i) => f === 'id' || column(i).some((c) => UUID.test(c)));
  const floor = fields.map((f, i) => {
    if (holdsIds[i]) {
      const longestId = Math.max(
        0,
        ...column(i).flatMap((c) =>
          idTokens(c)
            .filter((t) => UUID.test(t))
            .map(len),
        ),
      );
      return f === 'id' && longestId === 0 ? (natural[i] as number) : Math.max(f.length, longestId);
    }
    if (keepsWhole(f, column(i), opts)) return natural[i] as number;
    if (opts.wrap) return Math.max(f.length, ...column(i).flatMap((c) => c.split(' ').map(len)));
    return Math.min(natural[i] as number, Math.max(Math.min(f.length, 20), 8));
  });
  const widths = fitWidths(natural, floor, width);
  const linesOf = (text: string, i: number): string[] => {
    const w = widths[i] as number;
    if (text.length <= w) return [text];
    if (holdsIds[i]) return wrapTokens(idTokens(text), w);
    if (opts.wrap) return wrapWords(text, w);
    return [truncate(text, w)];
  };
  const render = (row: readonly string[]): string[] => {
    const parts = row.map(linesOf);
    const height = Math.max(...parts.map((p) => p.length));
    return Array.from({ length: height }, (_, k) =>
      parts
        .map((p, i) => pad(p[k] ?? '', widths[i] as number))
        .join('  ')
        .trimEnd(),
    );
  };
  const out = [...render(fields), ...render(widths.map((w) => '-'.repeat(w))), ...cells.flatMap(render)];
  return `${out.join('\n')}\n`;
}

const len = (s: string) => s.length;

/** A column that is never cut: a name (rank 1 or less) or one whose every filled cell is a date. */
function keepsWhole(field: string, column: readonly string[], opts: TableOptions): boolean {
  if ((opts.rank?.(field) ?? 9) <= 1) return true;
  const filled = column.filter((c) => c !== '');
  return filled.length > 0 && filled.every((c) => DATE.test(c));
}

/**
 * The columns of a table that fits `width`: when the natural table is wider, a column whose cells repeat an
 * earlier column's in every row goes first; then, while what may not be cut is still too wide, the lowest ranked
 * (rightmost first) goes. Ids, names and dates stay.
 */
function fittingColumns(
  records: readonly Record<string, unknown>[],
  fields: readonly string[],
  width: number,
  opts: TableOptions,
): string[] {
  const text = (f: string) => records.map((r) => oneLine(cellText(r[f])));
  const natural = (f: string) => Math.max(f.length, ...text(f).map(len));
  const floor = (f: string) => {
    const column = text(f);
    if (f === 'id' || keepsWhole(f, column, opts)) return natural(f);
    if (column.some((c) => UUID.test(c))) return Math.max(f.length, 36);
    if (opts.wrap) return Math.max(f.length, ...column.flatMap((c) => c.split(' ').map(len)));
    return Math.min(natural(f), Math.max(Math.min(f.length, 20), 8));
  };
  const total = (fs: readonly string[], w: (f: string) => number) =>
    fs.reduce((a, f) => a + w(f), 0) + 2 * Math.max(fs.length - 1, 0);
  let kept = [...fields];
  if (total(kept, natural) <= width) return kept;
  const rank = (f: string) => opts.rank?.(f) ?? 9;
  const repeats = (f: string, i: number) =>
    records.length > 0 && kept.slice(0, i).some((g) => records.every((r) => cellText(r[g]) === cellText(r[f])));
  kept = kept.filter((f, i) => rank(f) <= 1 || f === 'id' || !repeats(f, i));
  while (total(kept, floor) > width) {
    let worst = -1;
    for (let i = 0; i < kept.length; i++) {
      const f = kept[i] as string;
      if (f === 'id' || rank(f) <= 1) continue;
      if (worst < 0 || rank(f) >= rank(kept[worst] as string)) worst = i;
    }
    if (worst < 0) break;
    kept.splice(worst, 1);
  }
  return kept;
}

/**
 * The rank of each field of a model in a table, from the API description: `id` 0, `name` 1, then required fields
 * and dates 2, other writable fields 3, read-only fields (the server derives them) 4; fields the description does
 * not know rank 5.
 *
 * @example
 * ```ts
 * columnRank(getModel('session').fields)('name_used_in_storage'); // 4
 * ```
 */
export function columnRank(fields: readonly FieldSpec[]): (field: string) => number {
  const byName = new Map(fields.map((f) => [f.name, f]));
  return (name) => {
    if (name === 'id') return 0;
    if (name === 'name') return 1;
    const f = byName.get(name);
    if (!f) return 5;
    if (f.readOnly) return 4;
    if (f.required || f.type === 'date' || f.type === 'datetime') return 2;
    return 3;
  };
}

/** A cell split where a line may break without cutting an id: after commas and spaces. */
function idTokens(text: string): string[] {
  return text.split(/(?<=[, ])/);
}

/** Tokens packed into lines of at most `width`; a token without an id that is still too long is cut in pieces. */
function wrapTokens(tokens: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if ((line + token).trimEnd().length <= width) {
      line += token;
      continue;
    }
    if (line) lines.push(line.trimEnd());
    line = token;
    while (line.trimEnd().length > width && !UUID.test(line)) {
      lines.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  if (line) lines.push(line.trimEnd());
  return lines;
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

/** Shrink the widest columns, one character at a time, until the table fits; never below a column's floor. */
function fitWidths(natural: readonly number[], floor: readonly number[], width: number): number[] {
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
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
 * (`id` and `name` first, then by `rank` when given, else in record order), falling back to all keys.
 */
export function defaultColumns(
  records: readonly Record<string, unknown>[],
  columnRank?: (field: string) => number,
): string[] {
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
  const rank = (k: string) => (k === 'id' ? 0 : k === 'name' ? 1 : (columnRank?.(k) ?? 2));
  const sorted = keys.map((k, i) => ({ k, i })).sort((a, b) => rank(a.k) - rank(b.k) || a.i - b.i);
  return sorted.length > 0 ? sorted.map((s) => s.k) : [...new Set(records.flatMap((r) => Object.keys(r)))];
}
