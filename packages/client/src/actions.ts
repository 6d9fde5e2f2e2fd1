/**
 * Special actions (`/{portal}/{app}/{model}/{id}/{action}/`): the generic `action` call, and the named methods
 * (`addLogEntry`, `acceptApproval`, `joinGroup`, …) of action-methods.ts, installed on the client. The HTTP method
 * of each call comes from the registry.
 * @module
 */

import { DEFAULT_PORTAL, MODELS, type ModelSpec, portalValueProblem } from 'brainstem-api-description';
import type { GeneratedActionMethods } from './action-methods.generated.js';
import { ACTION_METHODS } from './action-methods.js';
import type { ActionOptions, ModelsWithAction } from './action-types.js';
import type { APIPromise } from './api-promise.js';
import { InvalidArgumentError } from './errors.js';
import type { HttpMethod, RequestOptions } from './transport.js';
import { checkId, checkPortal, recordPath, resolveModel } from './validate.js';

export { ACTION_METHODS, type ActionMethodSpec } from './action-methods.js';
export type {
  ActionOptions,
  ApprovalModel,
  InvitationModel,
  LogEntryData,
  LogEntryDetails,
  LogEntryType,
  LogModel,
  ModelsWithAction,
  ModelsWithActionKind,
} from './action-types.js';

const hasAction = (m: ModelSpec, name: string) => m.actions?.some((a) => a.name === name) ?? false;

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
 * The named special-action methods of the client (`addLogEntry`, `acceptApproval`, `joinGroup`, …), installed
 * from {@link ACTION_METHODS}; their signatures are generated from the registry (action-methods.generated.ts).
 *
 * @example
 * ```ts
 * const join: ActionMethods['joinGroup'] = client.joinGroup;
 * ```
 */
export type ActionMethods = GeneratedActionMethods;

interface Actionable {
  action(model: string, id: string | number, action: string, opts?: ActionOptions): APIPromise<unknown>;
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
  ) => APIPromise<unknown>,
  model: string,
  id: string | number,
  action: string,
  opts: ActionOptions,
): APIPromise<unknown> {
  const m = resolveModel(model);
  if (typeof action !== 'string' || !/^[a-z][a-z_]*$/.test(action)) {
    throw new InvalidArgumentError('action', `invalid action name ${JSON.stringify(action)}`);
  }
  const spec = m.actions?.find((a) => a.name === action);
  const problem = portalValueProblem(opts.portal);
  if (problem) throw new InvalidArgumentError('portal', problem);
  const portal = spec ? checkPortal(m, opts.portal, action) : (opts.portal ?? DEFAULT_PORTAL);
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
