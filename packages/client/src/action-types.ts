/**
 * The types of the special actions: their options, the models offering each kind of action, and log entries. The
 * named methods' signatures (action-methods.generated.ts) are written in these types.
 * @module
 */

import type { ActionKind, EntryDetailsMap, ModelName, ModelOf, Portal } from 'brainstem-api-description';
import type { RequestOptions } from './transport.js';

/**
 * Options of `action`.
 *
 * @example
 * ```ts
 * await client.action('subjectlog', id, 'add_entry', { data: { date_time: '2024-01-01T10:00:00Z' } });
 * ```
 */
export interface ActionOptions extends RequestOptions {
  /** HTTP method; defaults to the registry's method for this action. */
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** JSON body (PATCH/POST actions, e.g. a log entry). */
  data?: unknown;
  /** @default 'private' */
  portal?: Portal;
}

type ActionsOf<M extends ModelName> = ModelOf<M> extends { actions: readonly (infer X)[] } ? X : never;

type ActionNamesOf<M extends ModelName> =
  ActionsOf<M> extends infer X ? (X extends { name: infer N extends string } ? N : never) : never;

/**
 * Models that offer the special action `A`, e.g. `ModelsWithAction<'add_entry'>` = `'procedurelog' | 'subjectlog'`.
 *
 * @example
 * ```ts
 * type Joinable = ModelsWithAction<'join'>; // 'group'
 * ```
 */
export type ModelsWithAction<A extends string> = {
  [M in ModelName]: A extends ActionNamesOf<M> ? M : never;
}[ModelName];

/**
 * Models with an action of kind `K` (named `A`, when given), e.g. `ModelsWithActionKind<'invitation', 'cancel'>`.
 *
 * @example
 * ```ts
 * type Reviewable = ModelsWithActionKind<'approval'>; // 'consumableapproval' | … | 'journalapproval'
 * ```
 */
export type ModelsWithActionKind<K extends ActionKind, A extends string = string> = {
  [M in ModelName]: ActionsOf<M> extends infer X ? (X extends { kind: K; name: A } ? M : never) : never;
}[ModelName];

/**
 * Models with log entries.
 *
 * @example
 * ```ts
 * await client.addLogEntry('procedurelog', id, { date_time: '2024-01-01T10:00:00Z' });
 * ```
 */
export type LogModel = ModelsWithActionKind<'entry'>;
/**
 * Approval endpoints.
 *
 * @example
 * ```ts
 * await client.rejectApproval('setuptypeapproval', id);
 * ```
 */
export type ApprovalModel = ModelsWithActionKind<'approval'>;
/**
 * Invitation and membership-request endpoints.
 *
 * @example
 * ```ts
 * await client.cancelInvitation('groupmembershiprequest', id);
 * ```
 */
export type InvitationModel = ModelsWithActionKind<'invitation'>;

/**
 * The `type`s of a log model's logs, e.g. `'Weighing' | 'WaterConsumption' | …` for `'subjectlog'`.
 *
 * @example
 * ```ts
 * const t: LogEntryType<'subjectlog'> = 'Weighing';
 * ```
 */
export type LogEntryType<M extends LogModel> = M extends keyof EntryDetailsMap
  ? keyof EntryDetailsMap[M] & string
  : never;

/**
 * The `details` of an entry in a log of type `T` (by default: of any type of that log model).
 *
 * @example
 * ```ts
 * const d: LogEntryDetails<'subjectlog', 'Weighing'> = { weight: { value: 25, unit: 'g' } };
 * ```
 */
export type LogEntryDetails<
  M extends LogModel,
  T extends LogEntryType<M> = LogEntryType<M>,
> = M extends keyof EntryDetailsMap ? EntryDetailsMap[M][T & keyof EntryDetailsMap[M]] : never;

/**
 * A log entry: instantaneous (`date_time`) or interval (`start_date_time`/`end_date_time`), plus notes and
 * `details` shaped by the log's `type` (documented schemas). Pass the log type as `T` to narrow `details` to it:
 * `client.addLogEntry<'subjectlog', 'Weighing'>(…)`.
 *
 * @example
 * ```ts
 * const entry: LogEntryData<'subjectlog', 'Weighing'> = { date_time: '2024-01-01T10:00:00Z', details: { weight: { value: 25, unit: 'g' } } };
 * ```
 */
export interface LogEntryData<M extends LogModel = LogModel, T extends LogEntryType<M> = LogEntryType<M>> {
  /** When the entry happened (instantaneous logs); identifies the entry for change/remove. */
  date_time?: string;
  /** Start of an interval entry; identifies the entry for change/remove. */
  start_date_time?: string;
  /** End of an interval entry. */
  end_date_time?: string;
  /** Free text, up to 500 characters. */
  notes?: string | null;
  /** Measurements, per the schema of the log's `type`. */
  details?: LogEntryDetails<M, T> | null;
}
