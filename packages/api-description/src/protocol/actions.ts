/**
 * The kinds of special action (`/{id}/{action}/`). Each registry action names its kind (`ActionSpec.kind`, rendered
 * from the registry overlay); clients and servers read the kind, never the action's or the model's name.
 * @module
 */

/**
 * What a special action acts on:
 * - `entry`: the entries of a subject log or procedure log (`add_entry`, `change_entry`, `remove_entry`);
 * - `approval`: a pending change on an approval endpoint, decided by a reviewer (`accept`, `reject`);
 * - `invitation`: a project or group invitation or a group membership request (`accept`, `reject`, `cancel`);
 * - `group`: the caller's own membership of a group (`join`, `leave`).
 *
 * @example
 * ```ts
 * getModel('subjectlog').actions?.[0]?.kind; // 'entry'
 * ```
 */
export type ActionKind = 'entry' | 'approval' | 'invitation' | 'group';

/**
 * What every action of a kind sends and answers.
 *
 * @example
 * ```ts
 * const k: ActionKindSpec = ACTION_KINDS.entry; // { body: true, answers: 'record' }
 * ```
 */
export interface ActionKindSpec {
  /** The request carries a JSON body (the log entry). */
  readonly body: boolean;
  /** The answer: the record after the action (under its detail key), or a `{ "message": … }` body. */
  readonly answers: 'record' | 'message';
}

/**
 * Each action kind's request and answer, in the order clients list them.
 *
 * @example
 * ```ts
 * ACTION_KINDS.invitation.answers; // 'message'
 * ```
 */
export const ACTION_KINDS: Readonly<Record<ActionKind, ActionKindSpec>> = {
  entry: { body: true, answers: 'record' },
  approval: { body: false, answers: 'record' },
  invitation: { body: false, answers: 'message' },
  group: { body: false, answers: 'message' },
};
