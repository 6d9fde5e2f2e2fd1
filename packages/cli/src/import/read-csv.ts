import { readFile } from 'node:fs/promises';
import type { ImportRow } from 'brainstem-api-tools/import';
import { parse } from 'csv-parse/sync';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';

/** A spreadsheet read for import: the header, the rows keyed by header and the file line where each row starts. */
export interface CsvSheet {
  columns: string[];
  rows: ImportRow[];
  lines: number[];
  delimiter: string;
}

const DELIMITERS: Record<string, string> = { ',': ',', ';': ';', tab: '\t', '\\t': '\t', '\t': '\t' };

/**
 * The delimiter of a CSV text: the one of `,` `;` and tab that occurs most often in the header line outside
 * quotes (European Excel writes `;`). Commas win ties.
 *
 * @example
 * ```ts
 * detectDelimiter('project__name;subject__name\r\n…'); // ';'
 * ```
 */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c] = (counts[c] as number) + 1;
  }
  let best = ',';
  for (const d of [';', '\t']) if ((counts[d] as number) > (counts[best] as number)) best = d;
  return best;
}

/** Decode UTF-8 strictly: a file saved in another encoding is a usage error, not silently garbled names. */
export function decodeUtf8(bytes: Uint8Array, source: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${source} is not UTF-8 text: save it as "CSV UTF-8" (Excel) or convert it (iconv -t UTF-8)`);
  }
}

/**
 * Parse CSV text (a BOM, quoted commas and newlines, `,`/`;`/tab delimiters) into import rows. Header names are
 * trimmed, cells kept as written (the import engine trims) except that line breaks inside cells become LF; blank
 * lines and rows with only empty cells are skipped.
 *
 * @example
 * ```ts
 * parseSheet('session__name\r\n"S,1"\r\n').rows; // [{ session__name: 'S,1' }]
 * ```
 */
export function parseSheet(text: string, delimiter?: string, source = 'the file'): CsvSheet {
  // One line-break style (LF, also inside quoted cells), so csv-parse's line count matches an editor's.
  const lf = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const delim = delimiter ?? detectDelimiter(lf);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(lf, {
      bom: true,
      delimiter: delim,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    throw new UsageError(`${source}: not valid CSV: ${(e as Error).message}`);
  }
  const [head, ...body] = records;
  if (!head) throw new UsageError(`${source} is empty: expected a header row (see 'brainstem import template <type>')`);
  const columns = head.record.map((c) => c.trim());
  const rows: ImportRow[] = [];
  const lines: number[] = [];
  for (const { record, info } of body) {
    if (record.every((c) => c.trim() === '')) continue;
    const row: Record<string, string> = {};
    columns.forEach((c, i) => {
      if (c && record[i] !== undefined && !(c in row)) row[c] = record[i] as string;
    });
    rows.push(row);
    // info.lines is where the record ends; quoted line breaks inside it move its start up.
    const breaks = record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
    lines.push(info.lines - breaks);
  }
  return { columns, rows, lines, delimiter: delim };
}

/** `--delimiter` as a character: `,`, `;`, or `tab`. */
export function delimiterArg(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const d = DELIMITERS[value];
  if (!d) throw new UsageError(`--delimiter must be "," ";" or "tab", got "${value}"`);
  return d;
}

/** Read a CSV file (or stdin for `-`) for import. */
export async function readSheet(path: string, io: Io, delimiter?: string): Promise<CsvSheet> {
  let bytes: Uint8Array;
  if (path === '-') bytes = Buffer.from(await io.readStdin(), 'utf8');
  else {
    try {
      bytes = await readFile(path);
    } catch (e) {
      throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  const source = path === '-' ? 'stdin' : path;
  return parseSheet(decodeUtf8(bytes, source), delimiter, source);
}
