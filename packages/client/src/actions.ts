/**
 * Special actions (`/{portal}/{app}/{model}/{id}/{action}/`): the generic `action` call, and the named methods
 * (`addLogEntry`, `acceptApproval`, `joinGroup`, …) generated from the registry's `actions` rows, as `loaders.ts`
 * generates the loaders. A method is a verb (the action name up to its first `_`) and the noun of the family of
 * models that offer it; the HTTP method of each call comes from the registry.
 * @module
 */

import type { EntryDetailsMap } from 'brainstem-api-description';
import { MODELS, type ModelName, type ModelOf, type ModelSpec, type Portal } from 'brainstem-api-description';
import { InvalidArgumentError } from './errors.js';
import type { HttpMethod, RequestOptions } from './transport.js';
import { checkId, checkPortal, recordPath, resolveModel } from './validate.js';

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

const hasAction = (m: ModelSpec, name: string) => m.actions?.some((a) => a.name === name) ?? false;

type ActionNamesOf<M extends ModelName> =
  ModelOf<M> extends { actions: readonly (infer X)[] }
    ? X extends { name: infer N extends string }
      ? N
      : never
    : never;

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
 * Whether the model named `model` offers the special action `action` (per the registry): narrows a model name
 * known only at run time for the named action methods.
 *
 * @example
 * ```ts
 * if (modelHasAction(name, 'cancel')) await client.cancelInvitation(name, id);
 * ```
 */
export function modelHasAction<A extends string>(model: string, action: A): model is ModelsWithAction<A> {
  return (MODELS as readonly ModelSpec[]).some((m) => m.name === model && hasAction(m, action));
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

/**
 * The named special-action methods of the client (`addLogEntry`, `acceptApproval`, `joinGroup`, …), installed
 * from {@link ACTION_METHODS}.
 *
 * @example
 * ```ts
 * const join: ActionMethods['joinGroup'] = client.joinGroup;
 * ```
 */
export interface ActionMethods {
  /**
   * Adds an entry to a subject log or procedure log (`PATCH {id}/add_entry/`).
   *
   * @group Special actions
   * @example
   * ```ts
   * await client.addLogEntry('subjectlog', logId, { date_time: '2023-04-05T13:45:00Z', details: { waterAmount: { value: 9, unit: 'mL' } } });
   * ```
   */
  addLogEntry<M extends LogModel, T extends LogEntryType<M> = LogEntryType<M>>(
    model: M,
    id: string,
    entry: LogEntryData<M, T>,
    opts?: ActionOptions,
  ): Promise<unknown>;
  /**
   * Changes a log entry (`PATCH {id}/change_entry/`); the entry is matched by its date/time.
   *
   * @group Special actions
   * @example
   * ```ts
   * await client.changeLogEntry('subjectlog', logId, { date_time: '2023-04-05T13:45:00Z', notes: 'Replaced drip line' });
   * ```
   */
  changeLogEntry<M extends LogModel, T extends LogEntryType<M> = LogEntryType<M>>(
    model: M,
    id: string,
    entry: LogEntryData<M, T>,
    opts?: ActionOptions,
  ): Promise<unknown>;
  /**
   * Removes a log entry (`PATCH {id}/remove_entry/`).
   *
   * @group Special actions
   * @example
   * ```ts
   * await client.removeLogEntry('subjectlog', logId, { date_time: '2023-04-05T13:45:00Z' });
   * ```
   */
  removeLogEntry<M extends LogModel>(
    model: M,
    id: string,
    entry: LogEntryData<M>,
    opts?: ActionOptions,
  ): Promise<unknown>;
  /**
   * Accepts a pending change (`PATCH {id}/accept/` on a `*approval` endpoint; reviewers only).
   *
   * @group Special actions
   * @example
   * ```ts
   * await client.acceptApproval('speciesapproval', approvalId);
   * ```
   */
  acceptApproval(model: ApprovalModel, id: string, opts?: ActionOptions): Promise<unknown>;
  /**
   * Rejects a pending change (`PATCH {id}/reject/`).
   *
   * @group Special actions
   * @example
   * ```ts
   * await client.rejectApproval('strainapproval', approvalId);
   * ```
   */
  rejectApproval(model: ApprovalModel, id: string, opts?: ActionOptions): Promise<unknown>;
  /**
   * Accepts an invitation (or a group membership request, as a manager): `GET {id}/accept/`.
   *
   * @group Special actions
   * @example
   * ```ts
   * await client.acceptInvitation('projectmembershipinvitation', invitationId);
   * ```
   */
  acceptInvitation(model: InvitationModel, id: string, opts?: ActionOptions): Promise<unknown>;
  /**
   * Rejects an invitation or membership request: `GET {id}/reject/`.
   *
   * @group Special actions
   * @example
   * ```ts
   * await client.rejectInvitation('groupmembershipinvitation', invitationId);
   * ```
   */
  rejectInvitation(model: InvitationModel, id: string, opts?: ActionOptions): Promise<unknown>;
  /**
   * Cancels an invitation or membership request you sent: `GET {id}/cancel/`.
   *
   * @group Special actions
   * @example
   * ```ts
   * await client.cancelInvitation('projectmembershipinvitation', invitationId);
   * ```
   */
  cancelInvitation(model: InvitationModel, id: string, opts?: ActionOptions): Promise<unknown>;
  /**
   * Asks to join a group (`GET /api/private/users/group/{id}/join/`, creates a membership request).
   *
   * @group Special actions
   * @example
   * ```ts
   * await client.joinGroup(7);
   * ```
   */
  joinGroup(id: number | string, opts?: ActionOptions): Promise<unknown>;
  /**
   * Leaves a group (`GET /api/private/users/group/{id}/leave/`).
   *
   * @group Special actions
   * @example
   * ```ts
   * await client.leaveGroup(7);
   * ```
   */
  leaveGroup(id: number | string, opts?: ActionOptions): Promise<unknown>;
}

/**
 * The families of models whose actions share a method: the noun of the method name, which models belong, and
 * whether the call carries a body (the log entry).
 */
const ACTION_FAMILIES: readonly { noun: string; has: (m: ModelSpec) => boolean; body: boolean }[] = [
  { noun: 'LogEntry', has: (m) => hasAction(m, 'add_entry'), body: true },
  { noun: 'Approval', has: (m) => m.family === 'approval', body: false },
  { noun: 'Invitation', has: (m) => hasAction(m, 'cancel'), body: false },
  { noun: 'Group', has: (m) => m.name === 'group', body: false },
];

/**
 * A generated special-action method: its name, the action it sends, the models it takes (none to choose from
 * when `models` has one entry: the method then takes only the id), and whether it sends a body.
 *
 * @example
 * ```ts
 * const join = ACTION_METHODS.find((a) => a.method === 'joinGroup'); // { action: 'join', models: ['group'], … }
 * ```
 */
export interface ActionMethodSpec {
  readonly method: keyof ActionMethods;
  readonly action: string;
  readonly models: readonly string[];
  readonly body: boolean;
}

/**
 * Every named special-action method, generated from the registry's `actions` rows.
 *
 * @example
 * ```ts
 * ACTION_METHODS.map((a) => a.method); // ['addLogEntry', 'changeLogEntry', …, 'joinGroup', 'leaveGroup']
 * ```
 */
export const ACTION_METHODS: readonly ActionMethodSpec[] = ACTION_FAMILIES.flatMap(({ noun, has, body }) => {
  const models = (MODELS as readonly ModelSpec[]).filter((m) => m.actions?.length && has(m));
  const actions = [...new Set(models.flatMap((m) => (m.actions ?? []).map((a) => a.name)))];
  return actions.map((action) => ({
    method: `${action.split('_')[0]}${noun}` as keyof ActionMethods,
    action,
    models: models.filter((m) => hasAction(m, action)).map((m) => m.name),
    body,
  }));
});

interface Actionable {
  action(model: string, id: string | number, action: string, opts?: ActionOptions): Promise<unknown>;
}

/** Installs the named action methods on a class prototype (called once by client.ts). */
export function installActions(proto: Actionable): void {
  for (const { method, action, models, body } of ACTION_METHODS) {
    const fixed = models.length === 1 ? models[0]! : undefined;
    const value =
      fixed !== undefined
        ? function (this: Actionable, id: string | number, opts?: ActionOptions) {
            return this.action(fixed, id, action, opts);
          }
        : body
          ? function (this: Actionable, model: string, id: string, data: unknown, opts?: ActionOptions) {
              return this.action(model, id, action, { ...opts, data });
            }
          : function (this: Actionable, model: string, id: string, opts?: ActionOptions) {
              return this.action(model, id, action, opts);
            };
    Object.defineProperty(proto, method, { configurable: true, writable: true, enumerable: false, value });
  }
}

/**
 * Checks a special action and sends it: the registry's method (or `opts.method` for an undocumented action), on
 * the portal the registry allows.
 */
export function runAction(
  request: (
    method: HttpMethod,
    path: string,
    opts: RequestOptions & { body?: unknown; idempotent?: boolean },
  ) => Promise<unknown>,
  model: string,
  id: string | number,
  action: string,
  opts: ActionOptions,
): Promise<unknown> {
  const m = resolveModel(model);
  if (typeof action !== 'string' || !/^[a-z][a-z_]*$/.test(action)) {
    throw new InvalidArgumentError('action', `invalid action name ${JSON.stringify(action)}`);
  }
  const spec = m.actions?.find((a) => a.name === action);
  const portal = spec ? checkPortal(m, opts.portal, action) : (opts.portal ?? 'private');
  if (portal !== 'private' && portal !== 'public') {
    throw new InvalidArgumentError('portal', `portal must be "private" or "public", got ${JSON.stringify(portal)}`);
  }
  const method = opts.method ?? spec?.method;
  if (!method) {
    throw new InvalidArgumentError(
      'action',
      `${m.name} has no documented action "${action}" (known: ${m.actions?.map((a) => a.name).join(', ') || 'none'}); pass { method } to send it anyway`,
    );
  }
  const rid = checkId(m, id);
  return request(method, recordPath(m, portal, rid, action), {
    ...opts,
    // An action's outcome is a change on the server (an undocumented one is assumed to be too): a GET action
    // must not be repeated when its first attempt may have run.
    ...(method === 'GET' ? { idempotent: !(spec?.changesState ?? true) } : {}),
    ...(opts.data !== undefined ? { body: opts.data } : {}),
  });
}
