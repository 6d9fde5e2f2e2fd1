/**
 * Spreadsheet import and export in the format of the BrainSTEM web import tool: eleven import types with their
 * documented `<entity>__<field>` columns, lookups by name or UUID, find-or-create, per-row results. Takes parsed
 * rows (no CSV parser here, so the browser core stays dependency-free).
 *
 * @example
 * ```ts
 * import { BrainstemClient } from 'brainstem-api-tools';
 * import { importRows } from 'brainstem-api-tools/import';
 * const client = new BrainstemClient({ token });
 * const report = await importRows(client, 'subjects', {
 *   rows: [{ project__name: 'Auditory Cortex Project', subject__name: 'Mouse_001', subject__strain: 'C57BL/6J' }],
 * });
 * report.rows[0]; // { line: 2, status: 'created', record: 'Mouse_001', id: '…', issues: [] }
 * ```
 * @module brainstem-api-tools/import
 */

export { getImportType, type ImportOptions, type ImportReport, importRows } from './engine.js';
export { exportRows, modelOf, type Sheet, templateOf } from './export.js';
export type { ImportClient } from './lookup.js';
export { findImportType, IMPORT_TYPE_NAMES, IMPORT_TYPES } from './table.js';
export type * from './types.js';
export { parseBoolean, parseDate, parseDateTime, parseDuration, parseJsonObject, splitList } from './values.js';
