/**
 * `include[]` embedding with bounded work (docs/api-decisions.md, "Includes"; the bounds are the API description's):
 * - an embedded list holds at most {@link MAX_EMBEDDED_PER_LIST} records (the first ones, in the list's order), and
 *   a relation list inside an embedded record that is not itself included at most
 *   {@link MAX_IDS_PER_EMBEDDED_LIST} ids; cut lists are named in the `X-Brainstem-Truncated-Includes` header;
 * - one response embeds at most {@link MAX_EMBEDDED_VALUES} values: each embedded record and each id listed
 *   inside it counts once per place it is written (a record embedded under two parents is written twice); more
 *   is a 400 asking for a smaller page, found before or while the records are rendered;
 * - related records are read and rendered {@link EMBED_CHUNK} at a time, yielding to the event loop between
 *   chunks, so small requests keep being answered while a heavy one is built.
 *
 * @example
 * ```ts
 * const report = newEmbedReport();
 * await embedIncludes(ctx, caller, records, resolveIncludeTree(t, ['sessions']), report);
 * report.truncated; // Set { 'sessions' } when a project has more than 1,000 sessions
 * ```
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  includeParam,
  MAX_EMBEDDED_PER_LIST,
  MAX_EMBEDDED_VALUES,
  MAX_IDS_PER_EMBEDDED_LIST,
  type ModelSpec,
  QUERY_PARAMETERS,
} from 'brainstem-api-description';
import type { ServerContext } from '../context.js';
import { tableOf } from '../db/schema.js';
import { badRequest } from '../errors.js';
import type { Caller } from '../permissions/caller.js';
import type { IncludeNode } from '../query/includes.js';
import { loadRaw, renderRaw } from './render.js';

/** Related records read and rendered between two yields to the event loop. */
export const EMBED_CHUNK = 100;

type Rec = Record<string, unknown>;

/** What embedding did to a response. */
export interface EmbedReport {
  /**
   * Include paths whose lists were cut: to {@link MAX_EMBEDDED_PER_LIST} records (`sessions`), or to
   * {@link MAX_IDS_PER_EMBEDDED_LIST} ids inside embedded records (`projects.sessions`).
   */
  truncated: Set<string>;
  /** Values embedded so far (see {@link MAX_EMBEDDED_VALUES}). */
  embedded: number;
  /** Stop early (the client went away): checked between chunks. */
  aborted: () => boolean;
}

/** A fresh report; `aborted` tells whether the client is gone. */
export function newEmbedReport(aborted: () => boolean = () => false): EmbedReport {
  return { truncated: new Set(), embedded: 0, aborted };
}

/** Thrown between chunks when the client has gone away: nobody will read the answer. */
export class EmbedAborted extends Error {}

/** Number of ids (and other list items) a rendered record lists. */
function listedIds(r: Rec): number {
  let n = 0;
  for (const v of Object.values(r)) if (Array.isArray(v)) n += v.length;
  return n;
}

/** The relation lists of `model` that `node` does not embed in turn: they stay lists of ids. */
function idListsOf(model: ModelSpec, node: IncludeNode): string[] {
  const included = new Set(node.children.map((c) => c.field.name));
  return model.fields.filter((f) => f.type === 'relation_list' && !included.has(f.name)).map((f) => f.name);
}

/**
 * Cut the id lists of an embedded record to {@link MAX_IDS_PER_EMBEDDED_LIST}, so that a record embedded under
 * many parents (the one project of a page of sessions) does not repeat a list of unbounded length each time.
 */
function capIdLists(r: Rec, lists: readonly string[], node: IncludeNode, report: EmbedReport): void {
  for (const name of lists) {
    const v = r[name];
    if (Array.isArray(v) && v.length > MAX_IDS_PER_EMBEDDED_LIST) {
      r[name] = v.slice(0, MAX_IDS_PER_EMBEDDED_LIST);
      report.truncated.add(`${node.path}.${name}`);
    }
  }
}

function checkBudget(report: EmbedReport, node: IncludeNode): void {
  if (report.embedded <= MAX_EMBEDDED_VALUES) return;
  throw badRequest(
    `${QUERY_PARAMETERS.include.name}=${includeParam(node.path)} would embed more than ${MAX_EMBEDDED_VALUES} records and ids in one response: ` +
      'request a smaller page (limit), fewer includes, or list the related records with a filter instead.',
  );
}

/**
 * Replace the ids in each included field of `records` (copies the caller owns, not cached renderings) with the
 * related records the caller can read, recursively for nested paths.
 */
export async function embedIncludes(
  ctx: ServerContext,
  caller: Caller,
  records: Rec[],
  nodes: readonly IncludeNode[],
  report: EmbedReport,
  weights: readonly number[] = records.map(() => 1),
): Promise<void> {
  for (const node of nodes) {
    const f = node.field;
    if (f.target === 'epoch') continue; // no epoch endpoint: the list stays []
    const target = tableOf(f.target as string);
    // How often each related record will be written (its parents' weights), after cutting long lists.
    const wanted = new Map<string | number, number>();
    let occurrences = 0;
    records.forEach((o, i) => {
      let v = o[f.name];
      if (v === null || v === undefined) return;
      if (Array.isArray(v) && v.length > MAX_EMBEDDED_PER_LIST) {
        v = v.slice(0, MAX_EMBEDDED_PER_LIST);
        o[f.name] = v;
        report.truncated.add(node.path);
      }
      const w = weights[i] ?? 1;
      for (const id of Array.isArray(v) ? v : [v]) {
        wanted.set(id as string | number, (wanted.get(id as string | number) ?? 0) + w);
        occurrences += w;
      }
    });
    report.embedded += occurrences;
    checkBudget(report, node);
    const ids = [...wanted.keys()];
    const byId = new Map<unknown, Rec>();
    const idLists = idListsOf(target.model, node);
    for (let start = 0; start < ids.length; start += EMBED_CHUNK) {
      const chunk = ids.slice(start, start + EMBED_CHUNK);
      for (const r of renderRaw(ctx, caller, target, loadRaw(ctx, caller, target, chunk))) {
        const copy = { ...r };
        capIdLists(copy, idLists, node, report);
        byId.set(r.id, copy);
        report.embedded += listedIds(copy) * (wanted.get(r.id as string | number) ?? 1);
      }
      checkBudget(report, node);
      await yieldToEventLoop();
      if (report.aborted()) throw new EmbedAborted('client went away');
    }
    if (node.children.length > 0) {
      const related = [...byId.values()];
      await embedIncludes(
        ctx,
        caller,
        related,
        node.children,
        report,
        related.map((r) => wanted.get(r.id as string | number) ?? 1),
      );
    }
    for (const o of records) {
      const v = o[f.name];
      if (Array.isArray(v)) o[f.name] = v.map((id) => byId.get(id)).filter((x) => x !== undefined);
      else if (v !== null && v !== undefined) o[f.name] = byId.get(v) ?? v;
    }
  }
}

/**
 * JSON texts of `records`, yielding to the event loop now and then so one large response does not hold up others
 * while it is serialised.
 */
export async function stringifyRecords(records: readonly Rec[]): Promise<string[]> {
  const parts: string[] = [];
  let size = 0;
  for (const r of records) {
    const text = JSON.stringify(r);
    parts.push(text);
    size += text.length;
    if (size > 128 * 1024) {
      size = 0;
      await yieldToEventLoop();
    }
  }
  return parts;
}
