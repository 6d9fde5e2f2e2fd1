import type { BulkResult } from 'brainstem-api-tools';
import type { Ctx } from './context.js';
import { errorLines, errorSummary, exitCodeFor } from './errors.js';
import { EXIT } from './exit-codes.js';
import { formatRecords, type OutputOptions, type Row } from './format/index.js';

/** What the client's saveMany/deleteMany resolve to, whatever the model. */
type AnyBulkResult = BulkResult<unknown, unknown>;

/**
 * One report row per input item, in input order: `{ index, ok, id, record, error }` — JSON array, ndjson lines,
 * CSV or table rows (nested values as JSON).
 *
 * @example
 * ```ts
 * bulkRows(result, (r) => r.session); // [{ index: 0, ok: true, id: '…', record: {…}, error: null }, …]
 * ```
 */
export function bulkRows(result: AnyBulkResult, recordOf: (result: unknown, item: unknown) => Row | undefined): Row[] {
  const rows: Row[] = [];
  for (const s of result.succeeded) {
    const record = recordOf(s.result, s.item);
    rows.push({
      index: s.index,
      ok: true,
      id: record?.id ?? (s.item as Row | undefined)?.id ?? null,
      record: record ?? null,
      error: null,
    });
  }
  for (const f of result.failed) {
    const item = f.item as Row | string | undefined;
    const id = typeof item === 'object' && item ? (item.id ?? null) : (item ?? null);
    rows.push({ index: f.index, ok: false, id, record: null, error: errorSummary(f.error) });
  }
  return rows.sort((a, b) => (a.index as number) - (b.index as number));
}

/**
 * Print the per-item report on stdout and a summary on stderr (failures always; successes unless `--quiet`).
 * Returns the exit code: 0 when all succeeded, else the code of the first failure's error class.
 */
export function reportBulk(
  ctx: Ctx,
  result: AnyBulkResult,
  opts: {
    verb: string;
    noun: string;
    quiet: boolean;
    out?: OutputOptions;
    recordOf: (r: unknown, item: unknown) => Row | undefined;
  },
): number {
  const total = result.succeeded.length + result.failed.length;
  if (opts.out) ctx.io.out(formatRecords(bulkRows(result, opts.recordOf), opts.out));
  if (result.failed.length === 0) {
    if (!opts.quiet) ctx.io.err(`${opts.verb} ${total} of ${total} ${opts.noun}\n`);
    return EXIT.OK;
  }
  ctx.io.err(
    `brainstem: ${opts.verb} ${result.succeeded.length} of ${total} ${opts.noun}; ${result.failed.length} failed:\n`,
  );
  const failed = [...result.failed].sort((a, b) => a.index - b.index);
  for (const f of failed) {
    const [head, ...rest] = errorLines(f.error);
    ctx.io.err(`  item ${f.index}: ${head}\n${rest.map((l) => `    ${l}\n`).join('')}`);
  }
  return exitCodeFor(failed[0]?.error) || EXIT.OTHER;
}
