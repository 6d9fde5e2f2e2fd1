/**
 * Generic row writes for every registry model: insert with documented defaults, update, and delete with
 * cascades derived from the registry (required relations cascade, optional ones are cleared, junction rows
 * go). Callers run these inside one transaction per request.
 */
import { randomUUID } from 'node:crypto';
import type { ServerContext } from '../context.js';
import { allTables, type ModelTable, quoteIdentifier } from '../db/schema.js';
import { nowIso, stmt } from '../db/statements.js';
import { dropGrantsOf } from '../permissions/membership.js';
import type { Row } from './computed.js';
import type { ValidInput } from './input.js';
import { emptyJson } from './render.js';

/** Fields that default to null rather than an empty string when not given. */
const NULL_DEFAULT = new Set(['rrid', 'image', 'license_document']);

/**
 * Whether an optional string column stores null (Django `null=True`: rrid, image, …) and so accepts `null` in
 * a body; other string fields answer "This field may not be null." as DRF does.
 */
export function storesNull(f: { name: string; target?: string }): boolean {
  return NULL_DEFAULT.has(f.name) || f.target !== undefined;
}

/** The stored default of a column (what a create without the field stores). */
export function defaultFor(t: ModelTable, name: string): unknown {
  const f = t.columns.find((c) => c.name === name);
  if (!f) return null;
  switch (f.type) {
    case 'boolean':
      return 0;
    case 'json':
      return JSON.stringify(emptyJson(f));
    case 'list_of_strings':
      return '[]';
    case 'string':
    case 'text':
      return storesNull(f) ? null : '';
    default:
      return null;
  }
}

/** Insert a record; returns its id. `extra` sets read-only columns (approval status, log user, …). */
export function insertRecord(
  ctx: ServerContext,
  t: ModelTable,
  input: ValidInput,
  ownerId: number | null,
  extra: Record<string, unknown> = {},
): string | number {
  const now = nowIso();
  const values: Record<string, unknown> = {};
  for (const f of t.columns) values[f.name] = defaultFor(t, f.name);
  Object.assign(values, input.columns, extra);
  if (t.columns.some((f) => f.name === 'name_used_in_storage') && !values.name_used_in_storage && values.name) {
    values.name_used_in_storage = values.name;
  }
  const cols = Object.keys(values);
  const idCols = t.intId ? [] : ['id'];
  const idVals = t.intId ? [] : [randomUUID()];
  const sql = `INSERT INTO ${t.table} (${[...idCols, ...cols.map(quoteIdentifier), 'created_date', 'modified_date', 'owner_id'].join(', ')})
    VALUES (${[...idCols, ...cols, 'c', 'm', 'o'].map(() => '?').join(', ')})`;
  const info = stmt(ctx.db, sql).run(...idVals, ...cols.map((c) => values[c]), now, now, ownerId);
  const id = t.intId ? Number(info.lastInsertRowid) : (idVals[0] as string);
  for (const [name, ids] of Object.entries(input.lists)) writeList(ctx, t, id, name, ids);
  return id;
}

/**
 * PUT is a complete replacement: writable fields the body leaves out go back to their defaults (write-once and
 * read-only fields keep their values).
 */
export function fillReplacement(t: ModelTable, input: ValidInput): void {
  for (const f of t.columns) {
    if (f.readOnly || f.writeOnce || f.requiredOnCreateOnly || f.name in input.columns) continue;
    input.columns[f.name] = defaultFor(t, f.name);
  }
  for (const j of t.lists) {
    if (j.field.readOnly || j.field.name in input.lists) continue;
    input.lists[j.field.name] = [];
  }
}

/** Update the given columns and lists of a record, touching `modified_date`. */
export function updateRecord(ctx: ServerContext, t: ModelTable, id: string | number, input: ValidInput): void {
  const cols = Object.keys(input.columns);
  const sets = [...cols.map((c) => `${quoteIdentifier(c)} = ?`), 'modified_date = ?'];
  stmt(ctx.db, `UPDATE ${t.table} SET ${sets.join(', ')} WHERE id = ?`).run(
    ...cols.map((c) => input.columns[c]),
    nowIso(),
    id,
  );
  for (const [name, ids] of Object.entries(input.lists)) writeList(ctx, t, id, name, ids);
}

/** Replace the members of a relation list, keeping the given order. */
export function writeList(
  ctx: ServerContext,
  t: ModelTable,
  id: string | number,
  name: string,
  ids: (string | number)[],
): void {
  const j = t.lists.find((l) => l.field.name === name);
  if (!j) return;
  if (j.throughModel) {
    // session.datastorage lives in the sessiondatastorage model: keep existing rows (and their order) for
    // storages still listed, drop the others, append new ones.
    const existing = stmt(ctx.db, `SELECT id, ${j.dst} AS d FROM ${j.table} WHERE ${j.src} = ?`).all(id) as {
      id: string;
      d: string;
    }[];
    const keep = new Set(ids.map(String));
    for (const e of existing) if (!keep.has(String(e.d))) stmt(ctx.db, `DELETE FROM ${j.table} WHERE id = ?`).run(e.id);
    const have = new Set(existing.map((e) => String(e.d)));
    let order = existing.length;
    const now = nowIso();
    for (const d of ids) {
      if (have.has(String(d))) continue;
      stmt(
        ctx.db,
        `INSERT INTO ${j.table} (id, ${j.src}, ${j.dst}, ${j.pos}, created_date, modified_date) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(randomUUID(), id, d, order++, now, now);
    }
    return;
  }
  stmt(ctx.db, `DELETE FROM ${j.table} WHERE src = ?`).run(id);
  ids.forEach((d, i) => {
    stmt(ctx.db, `INSERT OR IGNORE INTO ${j.table} (src, dst, pos) VALUES (?, ?, ?)`).run(id, d, i);
  });
}

/** The stored row of a record (no permission check). */
export function getRow(ctx: ServerContext, t: ModelTable, id: string | number): Row | undefined {
  return stmt(ctx.db, `SELECT * FROM ${t.table} WHERE id = ?`).get(id) as Row | undefined;
}

/**
 * Delete a record and what depends on it: rows whose required relation points here are deleted too (as
 * Django's CASCADE), optional relations are cleared, junction rows in either direction are removed, and a
 * record whose required relation list (e.g. a session's `projects`) loses its last member is deleted too; one
 * that keeps other members just loses the link.
 */
export function deleteRecord(ctx: ServerContext, t: ModelTable, id: string | number): void {
  const name = t.model.name;
  for (const other of allTables()) {
    for (const f of other.columns) {
      if (f.type !== 'relation' || f.target !== name) continue;
      if (f.required || other.model.parent === f.name) {
        const children = stmt(ctx.db, `SELECT id FROM ${other.table} WHERE ${quoteIdentifier(f.name)} = ?`).all(id) as {
          id: string;
        }[];
        for (const c of children) deleteRecord(ctx, other, c.id);
      } else {
        stmt(
          ctx.db,
          `UPDATE ${other.table} SET ${quoteIdentifier(f.name)} = NULL WHERE ${quoteIdentifier(f.name)} = ?`,
        ).run(id);
      }
    }
    for (const j of other.lists) {
      if (j.throughModel) continue;
      if (other === t) stmt(ctx.db, `DELETE FROM ${j.table} WHERE src = ?`).run(id);
      if (j.field.target !== name) continue;
      const linked = j.field.required
        ? (stmt(ctx.db, `SELECT src FROM ${j.table} WHERE dst = ?`).pluck().all(id) as (string | number)[])
        : [];
      stmt(ctx.db, `DELETE FROM ${j.table} WHERE dst = ?`).run(id);
      // A required list (session/subject `projects`, …) that just lost its last member: the record could no
      // longer be read by anyone nor saved again, so it goes too (as a required foreign key would cascade).
      for (const src of linked) {
        if (
          stmt(ctx.db, `SELECT 1 FROM ${j.table} WHERE src = ? LIMIT 1`).get(src) === undefined &&
          getRow(ctx, other, src)
        )
          deleteRecord(ctx, other, src);
      }
    }
  }
  dropGrantsOf(ctx, t.model, id);
  if (name === 'user') {
    stmt(ctx.db, 'DELETE FROM tokens WHERE user_id = ?').run(id);
  }
  stmt(ctx.db, `DELETE FROM ${t.table} WHERE id = ?`).run(id);
}
