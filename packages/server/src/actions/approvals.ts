/**
 * Approval workflow (taxonomies, resources, journals): POST/PATCH on the approved model stores a pending
 * `<model>approval` row and answers under its key; staff accept (applying the change) or reject.
 */
import type { ServerContext } from '../context.js';
import { type ModelTable, tableOf } from '../db/schema.js';
import { stmt } from '../db/statements.js';
import { fieldErrors, forbidden, httpError } from '../errors.js';
import type { Caller } from '../permissions/caller.js';
import type { Row } from '../records/computed.js';
import type { ValidInput } from '../records/input.js';
import { getRow, insertRecord, updateRecord } from '../records/write.js';

/** Store a pending approval for a change to `base` (`instance` = the record changed, null for an addition). */
export function submitApproval(
  ctx: ServerContext,
  caller: Caller,
  base: ModelTable,
  input: ValidInput,
  instance: Row | null,
): string | number {
  const approval = tableOf(base.model.approval?.model as string);
  const columns: Record<string, unknown> = {};
  const lists: Record<string, (string | number)[]> = {};
  for (const f of approval.columns) {
    if (f.readOnly) continue;
    if (f.name in input.columns) columns[f.name] = input.columns[f.name];
    else if (instance && f.name in instance) columns[f.name] = instance[f.name];
  }
  for (const j of approval.lists) {
    if (input.lists[j.field.name]) lists[j.field.name] = input.lists[j.field.name] as (string | number)[];
    else if (instance) {
      const bj = base.lists.find((l) => l.field.name === j.field.name);
      if (bj) {
        lists[j.field.name] = (
          stmt(ctx.db, `SELECT dst FROM ${bj.table} WHERE src = ? ORDER BY pos`).all(instance.id) as { dst: string }[]
        ).map((r) => r.dst);
      }
    }
  }
  return insertRecord(ctx, approval, { columns, lists, special: {} }, caller.user?.id ?? null, {
    instance_id: instance ? instance.id : null,
    action: instance ? 'Change' : 'Add',
    reviewer: null,
    status: 'Pending',
  });
}

/** Only reviewers (staff) accept or reject approvals. */
export function authorizeReview(caller: Caller): void {
  if (!caller.user?.is_staff) throw forbidden('Only reviewers (staff) can accept or reject approvals.');
}

/**
 * Accept or reject a pending approval (the caller passed {@link authorizeReview}). Accepting applies the change to
 * the approved table.
 */
export function reviewApproval(
  ctx: ServerContext,
  caller: Caller,
  approval: ModelTable,
  row: Row,
  decision: 'accept' | 'reject',
): void {
  authorizeReview(caller);
  if (row.status !== 'Pending') {
    throw httpError(400, `This approval is already ${String(row.status).toLowerCase()}.`);
  }
  let instanceId = row.instance_id as string | null;
  if (decision === 'accept') {
    const base = tableOf(approval.model.approvalFor as string);
    if (row.action === 'Change' && (!instanceId || !getRow(ctx, base, instanceId))) {
      // Accepting would re-create a deleted record under a new id: refuse, the approval can still be rejected.
      throw httpError(
        400,
        `The ${base.model.name} this approval changes (${String(instanceId)}) no longer exists; reject the approval instead.`,
      );
    }
    const columns: Record<string, unknown> = {};
    for (const f of base.columns)
      if (!f.readOnly && f.name in row && approval.columns.some((c) => c.name === f.name))
        columns[f.name] = row[f.name];
    const lists: Record<string, (string | number)[]> = {};
    for (const j of approval.lists) {
      lists[j.field.name] = (
        stmt(ctx.db, `SELECT dst FROM ${j.table} WHERE src = ? ORDER BY pos`).all(row.id) as { dst: string }[]
      ).map((r) => r.dst);
    }
    for (const f of base.columns) {
      if (!f.unique || columns[f.name] === undefined) continue;
      const clash = stmt(ctx.db, `SELECT id FROM ${base.table} WHERE "${f.name}" = ? AND id IS NOT ?`).get(
        columns[f.name],
        instanceId,
      );
      if (clash)
        throw fieldErrors({
          [f.name]: [`${base.model.detailKey.replace(/_/g, ' ')} with this ${f.name} already exists.`],
        });
    }
    if (row.action === 'Change' && instanceId) {
      updateRecord(ctx, base, instanceId, { columns, lists, special: {} });
    } else {
      instanceId = insertRecord(
        ctx,
        base,
        { columns, lists, special: {} },
        (row.owner_id as number | null) ?? null,
      ) as string;
    }
  }
  stmt(ctx.db, `UPDATE ${approval.table} SET status = ?, reviewer = ?, instance_id = ? WHERE id = ?`).run(
    decision === 'accept' ? 'Accepted' : 'Rejected',
    caller.user?.id,
    instanceId,
    row.id,
  );
}
