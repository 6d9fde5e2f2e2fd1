/**
 * The named special-action methods (`addLogEntry`, `acceptApproval`, `joinGroup`, …), one per action name and
 * kind in the registry's `actions` rows: a verb (the action name up to its first `_`) and the noun of the kind.
 * scripts/gen-types.ts renders their signatures (action-methods.generated.ts) from this table; actions.ts installs
 * them.
 * @module
 */

import { ACTION_KINDS, type ActionKind, MODELS, type ModelSpec } from 'brainstem-api-description';
import type { GeneratedActionMethods } from './action-methods.generated.js';

/** How the methods of each action kind are named (the noun after the verb) and described (what they act on). */
export const ACTION_KIND_NAMES: Readonly<Record<ActionKind, { readonly noun: string; readonly what: string }>> = {
  entry: { noun: 'LogEntry', what: 'the entries of a subject log or procedure log' },
  approval: { noun: 'Approval', what: 'a pending change (reviewers only)' },
  invitation: { noun: 'Invitation', what: 'an invitation or a group membership request' },
  group: { noun: 'Group', what: "the caller's own membership of a group" },
};

/**
 * A generated special-action method: its name, the action it sends and its kind, the models it takes (none to
 * choose from when `models` has one entry: the method then takes only the id), and whether it sends a body.
 *
 * @example
 * ```ts
 * const join = ACTION_METHODS.find((a) => a.method === 'joinGroup'); // { action: 'join', kind: 'group', models: ['group'], … }
 * ```
 */
export interface ActionMethodSpec {
  readonly method: keyof GeneratedActionMethods;
  readonly action: string;
  readonly kind: ActionKind;
  readonly models: readonly string[];
  readonly body: boolean;
}

const kindAction = (m: ModelSpec, kind: ActionKind, name: string) =>
  m.actions?.some((a) => a.kind === kind && a.name === name) ?? false;

/**
 * Every named special-action method, from the registry's `actions` rows, in `ACTION_KINDS` order.
 *
 * @example
 * ```ts
 * ACTION_METHODS.map((a) => a.method); // ['addLogEntry', 'changeLogEntry', …, 'joinGroup', 'leaveGroup']
 * ```
 */
export const ACTION_METHODS: readonly ActionMethodSpec[] = (Object.keys(ACTION_KINDS) as ActionKind[]).flatMap(
  (kind) => {
    const models = MODELS as readonly ModelSpec[];
    const names = [
      ...new Set(models.flatMap((m) => (m.actions ?? []).filter((a) => a.kind === kind).map((a) => a.name))),
    ];
    return names.map((action) => ({
      method: `${action.split('_')[0]}${ACTION_KIND_NAMES[kind].noun}` as keyof GeneratedActionMethods,
      action,
      kind,
      models: models.filter((m) => kindAction(m, kind, action)).map((m) => m.name),
      body: ACTION_KINDS[kind].body,
    }));
  },
);
