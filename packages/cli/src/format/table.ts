import { UUID_PATTERN } from 'brainstem-api-description';
import { cellText } from './csv.js';
import { wrapWords } from './wrap.js';

/** The registry's UUID pattern, found anywhere in a cell (a list of ids, say). */
const UUID = new RegExp(UUID_PATTERN.source.replace(/^\^|\$$/g, ''), UUID_PATTERN.flags);

/**
 * A plain-text table for terminals: a header row, a rule, one row per record; nested values show as JSON. To fit
 * `width` columns the widest columns give way first. Ids are never cut: a column named `id`, or holding UUIDs,
 * keeps every UUID whole and wraps a long cell (e.g. a list of ids) onto more lines. Other cells are cut with `…`,
 * or, with `wrap`, wrapped at spaces (never inside a word). When even that cannot fit, the table is wider than
 * `width` rather than cutting an id.
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
  opts: { wrap?: boolean } = {},
): string {
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
