/**
 * The model-specific rules of the API, declared in one place: what a few models do beyond the generic
 * validate → authorize → store path (unique field pairs, grants applied after a change), and who may run each
 * kind of special action and what it does. Everything else about a model comes from its registry row.
 */
import { type ActionKind, type ModelSpec, nonFieldError, uniqueTogether } from 'brainstem-api-description';
import { authorizeReview, reviewApproval } from '../actions/approvals.js';
import { entryAction } from '../actions/entries.js';
import { authorizeInvitationAction, groupAction, invitationAction } from '../actions/invitations.js';
import type { ServerContext } from '../context.js';
import { type ModelTable, quoteIdentifier } from '../db/schema.js';
import { stmt } from '../db/statements.js';
import { fieldErrors } from '../errors.js';
import type { Caller } from '../permissions/caller.js';
import { applyGroupUsers, applyProjectGrants } from '../permissions/grants.js';
import { requireChangeRights } from '../permissions/rules.js';
import type { Row } from '../records/computed.js';
import type { ValidInput } from '../records/input.js';

export interface ModelRules {
  /** Applied after a change is stored, in the same transaction (the writable computed fields). */
  readonly afterChange?: (ctx: ServerContext, caller: Caller, id: string | number, input: ValidInput) => void;
}

/** Per-model rules, by model name. */
export const MODEL_RULES: Readonly<Record<string, ModelRules>> = {
  project: {
    afterChange: (ctx, caller, id, input) => applyProjectGrants(ctx, caller, String(id), input.special),
  },
  group: {
    afterChange: (ctx, caller, id, input) => {
      if ('users' in input.special) applyGroupUsers(ctx, caller, Number(id), input.special.users);
    },
  },
};

/** 400 when another record already holds the values of one of the registry's unique-together sets (after this write). */
export function checkUniqueTogether(ctx: ServerContext, t: ModelTable, input: ValidInput, existing: Row | null): void {
  for (const fields of uniqueTogether(t.model)) checkUniqueSet(ctx, t, fields, input, existing);
}

function checkUniqueSet(
  ctx: ServerContext,
  t: ModelTable,
  fields: readonly string[],
  input: ValidInput,
  existing: Row | null,
): void {
  const values = fields.map((f) => input.columns[f] ?? existing?.[f] ?? null);
  const where = fields.map((f) => `${quoteIdentifier(f)} = ?`).join(' AND ');
  const clash = stmt(ctx.db, `SELECT id FROM ${t.table} WHERE ${where} AND id IS NOT ?`).get(
    ...values,
    existing?.id ?? null,
  );
  if (clash) throw fieldErrors(nonFieldError(`The fields ${fields.join(', ')} must make a unique set.`));
}

/** What the response of an action is: the record (re-read after the action) or the action's own body. */
export type ActionResult = 'record' | Record<string, unknown>;

export interface ActionRule {
  /** Checks that need the record but not the body; run by the permission hook before the handler. */
  readonly authorize: (ctx: ServerContext, caller: Caller, t: ModelTable, row: Row, action: string) => void;
  /** Perform the action (inside the write transaction); `schemaErrors`: the body's errors found by its route schema. */
  readonly run: (
    ctx: ServerContext,
    caller: Caller,
    t: ModelTable,
    row: Row,
    action: string,
    body: unknown,
    schemaErrors: Readonly<Record<string, string[]>>,
  ) => ActionResult;
}

/** Who may run each kind of special action (the registry action's `kind`) and what it does. */
export const ACTION_RULES: Readonly<Record<ActionKind, ActionRule>> = {
  // add_entry / change_entry / remove_entry on subject and procedure logs: contributors of the log.
  entry: {
    authorize: (ctx, caller, t, row) => requireChangeRights(ctx, caller, t, row),
    run: (ctx, _caller, t, row, action, body, schemaErrors) => {
      entryAction(ctx, t, row, action, body, schemaErrors);
      return 'record';
    },
  },
  // accept / reject on approvals: reviewers.
  approval: {
    authorize: (_ctx, caller) => authorizeReview(caller),
    run: (ctx, caller, t, row, action) => {
      reviewApproval(ctx, caller, t, row, action as 'accept' | 'reject');
      return 'record';
    },
  },
  // accept / reject / cancel on invitations and membership requests: each side its own.
  invitation: {
    authorize: (ctx, caller, t, row, action) => authorizeInvitationAction(ctx, caller, t.model.name, row, action),
    run: (ctx, _caller, t, row, action) => invitationAction(ctx, t.model.name, row, action),
  },
  // join / leave on groups: any user (the action itself refuses what makes no sense).
  group: {
    authorize: () => {},
    run: (ctx, caller, _t, row, action) => groupAction(ctx, caller, Number(row.id), action),
  },
};

/** The rule of a registry action, by its kind; throws for an action the registry does not list. */
export function actionRule(model: ModelSpec, action: string): ActionRule {
  const kind = model.actions?.find((a) => a.name === action)?.kind;
  if (!kind) throw new Error(`No registry action "${action}" on ${model.name}`);
  return ACTION_RULES[kind];
}
