/**
 * Row checks before anything is written: fields the API requires, `details` against their JSON Schema, and how
 * a failed request becomes row errors.
 * @module
 */
import { type FieldSpec, getModel } from 'brainstem-api-description';
import type { DetailsValidator, ImportType, RowIssue } from './types.js';

type Row = Record<string, unknown>;

/** Registry-required fields the row leaves empty (the API would refuse the record). */
export function checkRequired(type: ImportType, payload: Row, issues: RowIssue[]) {
  for (const f of getModel(type.model).fields as readonly FieldSpec[]) {
    if (!f.required || f.readOnly || payload[f.name] !== undefined) continue;
    const column = type.columns.find((c) => c.field === f.name)?.column;
    if (column && issues.some((x) => x.level === 'error' && x.field === column)) continue;
    issues.push({
      level: 'error',
      ...(column ? { field: column } : {}),
      message: `${type.model}.${f.name} is required by the API${column ? '' : ' and no column fills it'}`,
    });
  }
}

/** JSON Schema checks of `details` by `type`, of `coordinates_details` by `coordinates_system`, of log entries. */
export function checkDetails(
  type: ImportType,
  payload: Row,
  entry: Row | undefined,
  validate: DetailsValidator | undefined,
  issues: RowIssue[],
) {
  if (!validate) return;
  const check = (selector: unknown, value: unknown, field: 'details' | 'coordinates_details') => {
    if (value === undefined || typeof selector !== 'string') return;
    const column = type.columns.find((c) => c.field === field || c.entry === field)?.column ?? field;
    for (const message of validate(type.model, selector, value, field) ?? []) {
      issues.push({ level: 'error', field: column, message: `does not match the ${selector} schema: ${message}` });
    }
  };
  check(payload.type, entry ? entry.details : payload.details, 'details');
  check(payload.coordinates_system, payload.coordinates_details, 'coordinates_details');
}

/** API and connection failures of one row (the row fails, the import goes on); anything else stops the import. */
export function isRowError(err: unknown): boolean {
  const e = err as { name?: unknown; status?: unknown };
  if (e?.name === 'AuthenticationError' || e?.name === 'AbortError') return false;
  return typeof e?.status === 'number' || e?.name === 'ConnectionError' || e?.name === 'TimeoutError';
}

/** A failed request as row errors: one per field error of a 400 (named by column where one fills the field). */
export function apiIssues(type: ImportType, err: unknown): RowIssue[] {
  const fields = (err as { fields?: Record<string, unknown> }).fields;
  const issues: RowIssue[] = [];
  if (fields && typeof fields === 'object') {
    for (const [field, messages] of Object.entries(fields)) {
      const column = type.columns.find((c) => c.field === field || c.entry === field)?.column;
      const text = Array.isArray(messages)
        ? messages.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ')
        : JSON.stringify(messages);
      issues.push({ level: 'error', field: column ?? field, message: `rejected by the server: ${text}` });
    }
  }
  if (issues.length === 0) issues.push({ level: 'error', message: (err as Error).message });
  return issues;
}
