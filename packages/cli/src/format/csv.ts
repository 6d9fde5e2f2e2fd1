/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, quotes doubled.
 * Nested values (objects, arrays) are written as JSON; null and missing values as empty fields.
 * Loads in pandas (`pd.read_csv`) and Excel.
 *
 * @example
 * ```ts
 * csvRow(['a', 'b,c', { x: 1 }]); // 'a,"b,c","{""x"":1}"\r\n'
 * ```
 */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** One CSV field, quoted when needed. */
export function csvField(value: unknown): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The text of a cell: strings as-is, numbers/booleans via String, null/undefined empty, the rest as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/**
 * Column names: `fields` when given, else the union of the records' keys in first-seen order.
 *
 * @example
 * ```ts
 * unionKeys([{ a: 1 }, { b: 2, a: 3 }]); // ['a', 'b']
 * ```
 */
export function unionKeys(records: Iterable<Record<string, unknown>>): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

/** A whole CSV document (header + rows). */
export function toCsv(records: readonly Record<string, unknown>[], fields?: readonly string[]): string {
  const header = fields && fields.length > 0 ? fields : unionKeys(records);
  let out = csvRow(header);
  for (const r of records) out += csvRow(header.map((k) => r[k]));
  return out;
}

/**
 * Parse RFC 4180 CSV back into rows of strings (used by tests and handy for round trips).
 *
 * @example
 * ```ts
 * parseCsv('a,"b ""x"""\r\n'); // [['a', 'b "x"']]
 * ```
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let any = false;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"') {
      quoted = true;
      any = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      any = true;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      any = false;
    } else {
      field += c;
      any = true;
    }
    i++;
  }
  if (any || field) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
