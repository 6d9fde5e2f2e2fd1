import { type ModelSpec, unwrapDetail, unwrapList } from 'brainstem-api-description';
import type { Io } from '../io.js';
import { csvRow, toCsv } from './csv.js';
import { columnRank, defaultColumns, renderTable } from './table.js';

/** Output formats of `--format`. */
export const FORMATS = ['json', 'ndjson', 'csv', 'table'] as const;
export type Format = (typeof FORMATS)[number];

export type Row = Record<string, unknown>;

/** How a command writes its result. */
export interface OutputOptions {
  format: Format;
  /** `--fields a,b,c`: columns to keep (all formats). */
  fields?: readonly string[];
  /** Pretty JSON (stdout is a terminal). */
  pretty: boolean;
  /** Table width. */
  width: number;
  /** Tables: wrap long cells at spaces instead of cutting them with `…` (ids are never cut either way). */
  wrap?: boolean;
  /** Tables: the rank of each column (from the model's fields, see `columnRank`), lower first to keep. */
  rank?: (field: string) => number;
}

/**
 * The model facts output needs: where its records sit in a response body (the description's envelopes), and its
 * fields (which table columns matter most).
 */
export type BodyModel = Pick<ModelSpec, 'listKey' | 'detailKey' | 'approval'> & Partial<Pick<ModelSpec, 'fields'>>;

/**
 * Keep only `fields` of a record, in that order (missing ones as `null` so CSV columns stay aligned).
 *
 * @example
 * ```ts
 * pick({ id: 1, name: 'a', x: 2 }, ['name', 'id']); // { name: 'a', id: 1 }
 * ```
 */
export function pick(record: Row, fields?: readonly string[]): Row {
  if (!fields || fields.length === 0) return record;
  const out: Row = {};
  for (const f of fields) out[f] = f in record ? record[f] : null;
  return out;
}

/**
 * The records of a response body, read with the description's `unwrapList` and `unwrapDetail`: the list of a list
 * body, the record of a detail body (or of an approval answer), else the body itself (an action's `{ detail }`).
 *
 * @example
 * ```ts
 * recordsOf({ sessions: [{ id: 1 }], count: 1 }, getModel('session')); // { key: 'sessions', records: [{ id: 1 }], list: true }
 * ```
 */
export function recordsOf(body: unknown, model: BodyModel): { key?: string; records: Row[]; list: boolean } {
  if (Array.isArray(body)) return { records: body as Row[], list: true };
  if (!body || typeof body !== 'object') return { records: [], list: false };
  const page = unwrapList(model, body);
  if (page) return { key: model.listKey, records: page.records, list: true };
  const detail = unwrapDetail(model, body);
  if (detail) return { key: detail.key, records: [detail.record], list: false };
  return { records: [body as Row], list: false };
}

/** JSON text: indented on a terminal, compact otherwise; always one trailing newline. */
export function jsonText(value: unknown, pretty: boolean): string {
  return `${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`;
}

/**
 * Render a whole response body. JSON keeps the body's shape (as the API and the Python CLI return it), with
 * `--fields` applied to its records; ndjson, CSV and table show one record per line/row.
 *
 * @example
 * ```ts
 * formatBody({ sessions: [{ id: 1 }] }, getModel('session'), { format: 'ndjson', pretty: false, width: 80 });
 * // '{"id":1}\n'
 * ```
 */
export function formatBody(body: unknown, model: BodyModel, opts: OutputOptions): string {
  const { key, records } = recordsOf(body, model);
  if (opts.format === 'json') {
    if (!opts.fields?.length) return jsonText(body, opts.pretty);
    if (key && body && typeof body === 'object' && !Array.isArray(body)) {
      const projected = Array.isArray((body as Row)[key])
        ? records.map((r) => pick(r, opts.fields))
        : pick(records[0] as Row, opts.fields);
      return jsonText({ ...(body as Row), [key]: projected }, opts.pretty);
    }
    return jsonText(
      Array.isArray(body) ? records.map((r) => pick(r, opts.fields)) : pick(body as Row, opts.fields),
      opts.pretty,
    );
  }
  return formatRecords(records, model.fields ? { ...opts, rank: columnRank(model.fields) } : opts);
}

/** Render records as ndjson, CSV or a table (JSON: an array). */
export function formatRecords(records: readonly Row[], opts: OutputOptions): string {
  switch (opts.format) {
    case 'json':
      return jsonText(
        records.map((r) => pick(r, opts.fields)),
        opts.pretty,
      );
    case 'ndjson':
      return records.map((r) => `${JSON.stringify(pick(r, opts.fields))}\n`).join('');
    case 'csv':
      return toCsv(records, opts.fields);
    case 'table': {
      // The default columns may give way to fit; the ones `--fields` names are all shown.
      const chosen = Boolean(opts.fields?.length);
      const fields = chosen ? (opts.fields as readonly string[]) : defaultColumns(records, opts.rank);
      if (records.length === 0) return '';
      return renderTable(records, fields, opts.width, {
        wrap: Boolean(opts.wrap),
        drop: !chosen,
        ...(opts.rank ? { rank: opts.rank } : {}),
      });
    }
  }
}

/**
 * Writes records as they arrive. ndjson streams line by line; CSV streams when `--fields` fixes the header
 * (otherwise the header is the union of all records' keys, so it buffers until the end); JSON and table buffer.
 *
 * @example
 * ```ts
 * const w = new RecordStream(io, { format: 'ndjson', pretty: false, width: 80 });
 * w.write({ id: 1 });
 * w.end();
 * ```
 */
export class RecordStream {
  private readonly buffered: Row[] = [];
  private headerWritten = false;
  count = 0;

  constructor(
    private readonly io: Io,
    private readonly opts: OutputOptions,
  ) {}

  /** Whether records reach stdout as they arrive. */
  get streams(): boolean {
    return this.opts.format === 'ndjson' || (this.opts.format === 'csv' && Boolean(this.opts.fields?.length));
  }

  write(record: Row): void {
    this.count++;
    if (this.opts.format === 'ndjson') {
      this.io.out(`${JSON.stringify(pick(record, this.opts.fields))}\n`);
    } else if (this.streams) {
      const fields = this.opts.fields as readonly string[];
      if (!this.headerWritten) {
        this.io.out(csvRow(fields));
        this.headerWritten = true;
      }
      this.io.out(csvRow(fields.map((f) => record[f])));
    } else this.buffered.push(record);
  }

  end(): void {
    if (this.streams) {
      if (this.opts.format === 'csv' && !this.headerWritten) this.io.out(csvRow(this.opts.fields as readonly string[]));
      return;
    }
    const text = formatRecords(this.buffered, this.opts);
    if (text) this.io.out(text);
  }
}
