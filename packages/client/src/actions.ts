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

/** Models with log entries. */
export type LogModel = ModelsWithAction<'add_entry'>;
/** Approval endpoints. */
export type ApprovalModel = ModelsWithAction<'accept'> & `${string}approval`;
/** Invitation and membership-request endpoints. */
export type InvitationModel = ModelsWithAction<'cancel'>;

/** A log entry: instantaneous (`date_time`) or interval (`start_date_time`/`end_date_time`), plus notes/details. */
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
