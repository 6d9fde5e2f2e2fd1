/**
 * Typed wrappers of the documented special actions (registry `actions`): log entries, approvals, invitations and
 * group membership. The HTTP method of each comes from the registry.
 * @module
 */
import type { ActionOptions, IdOf, ModelsWithAction } from './types.js';

/** What the wrappers need from the client. */
export interface ActionRunner {
  action(model: string, id: string | number, action: string, opts?: ActionOptions): Promise<unknown>;
}

/**
 * Models with log entries.
 *
 * @example
 * ```ts
 * await client.addLogEntry('procedurelog', id, { date_time: '2024-01-01T10:00:00Z' });
 * ```
 */
export type LogModel = ModelsWithAction<'add_entry'>;
/**
 * Approval endpoints.
 *
 * @example
 * ```ts
 * await client.rejectApproval('setuptypeapproval', id);
 * ```
 */
export type ApprovalModel = ModelsWithAction<'accept'> & `${string}approval`;
/**
 * Invitation and membership-request endpoints.
 *
 * @example
 * ```ts
 * await client.cancelInvitation('groupmembershiprequest', id);
 * ```
 */
export type InvitationModel = ModelsWithAction<'cancel'>;

/**
 * A log entry: instantaneous (`date_time`) or interval (`start_date_time`/`end_date_time`), plus notes/details.
 *
 * @example
 * ```ts
 * const entry: LogEntryData = { start_date_time: '2024-01-01T10:00:00Z', end_date_time: '2024-01-01T11:00:00Z', notes: 'x' };
 * ```
 */
export type LogEntryData = Record<string, unknown>;

/** Runs `action` with a body. */
export function withData(
  r: ActionRunner,
  model: string,
  id: string | number,
  action: string,
  data: unknown,
  opts?: ActionOptions,
) {
  return r.action(model, id, action, { ...opts, data });
}

export type { IdOf };
