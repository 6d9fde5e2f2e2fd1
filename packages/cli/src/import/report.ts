import type { ImportReport } from 'brainstem-api-tools/import';
import type { Row } from '../format/index.js';

/** Columns of the per-row report, in order. */
export const REPORT_FIELDS = ['line', 'status', 'record', 'id', 'level', 'field', 'message'] as const;

/**
 * The per-row report as flat records: one per issue of a row (errors first), or one with blank
 * level/field/message for a row without issues. Every record carries its row's line, status, label and id.
 *
 * @example
 * ```ts
 * reportRecords(report); // [{ line: 2, status: 'created', record: 'S1', id: '…', level: '', field: '', message: '' }, …]
 * ```
 */
export function reportRecords(report: ImportReport): Row[] {
  const out: Row[] = [];
  for (const r of report.rows) {
    const base = { line: r.line, status: r.status, record: r.record, id: r.id };
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const issues = [...r.issues].sort((a, b) => rank[a.level] - rank[b.level]);
    if (issues.length === 0) out.push({ ...base, level: '', field: '', message: '' });
    for (const i of issues) out.push({ ...base, level: i.level, field: i.field ?? '', message: i.message });
  }
  return out;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Rows found whose record differs from the row (reported, not changed). */
export function differingRows(report: ImportReport): number {
  return report.rows.filter((r) => r.status === 'existing' && r.issues.some((i) => i.kind === 'differs')).length;
}

/** Rows stopped by a cell that could not be read (`--lenient` would import them without those values). */
export function unreadableRows(report: ImportReport): number {
  return report.rows.filter((r) => r.issues.some((i) => i.kind === 'unreadable' && i.level === 'error')).length;
}

/**
 * One summary line: `sessions: 3 created, 1 existing, 1 error, 2 warnings (5 rows)`; rows whose record differs
 * are counted with the flag that changes them, and updated rows when there are any.
 *
 * @example
 * ```ts
 * summaryLine(report, false);
 * ```
 */
export function summaryLine(report: ImportReport, dryRun: boolean): string {
  const c = report.counts;
  const differ = differingRows(report);
  const existing = `${c.existing} existing${differ ? ` (${differ} differing from the file: --update changes ${differ === 1 ? 'it' : 'them'})` : ''}`;
  const parts = dryRun ? [`${c['would-create']} to create`, existing] : [`${c.created} created`, existing];
  if (c['would-update']) parts.push(`${c['would-update']} to update`);
  if (c.updated) parts.push(`${c.updated} updated`);
  parts.push(plural(c.error, 'error'), plural(c.warnings, 'warning'));
  const rows = plural(report.rows.length, 'row');
  return `${report.type}: ${parts.join(', ')} (${rows})${dryRun ? ' — dry run, nothing written' : ''}`;
}
