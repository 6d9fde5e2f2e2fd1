/**
 * `include[]` embedding with bounded work (docs/api-decisions.md, "Includes"):
 * - an embedded list holds at most {@link MAX_EMBEDDED_PER_LIST} records (the first ones, in the list's order);
 *   cut lists are named in the `X-Brainstem-Truncated-Includes` response header;
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
import { includeParam, QUERY_PARAMETERS } from 'brainstem-api-description';
import type { ServerContext } from '../context.js';
import { tableOf } from '../db/schema.js';
import { badRequest } from '../errors.js';
import type { Caller } from '../permissions/caller.js';
import type { IncludeNode } from '../query/includes.js';
import { loadRaw, renderRaw } from './render.js';

/** Most records one embedded list shows. */
export const MAX_EMBEDDED_PER_LIST = 1000;
/** Most embedded values (records, and ids listed inside them) in one response. */
export const MAX_EMBEDDED_VALUES = 100_000;
/** Related records read and rendered between two yields to the event loop. */
export const EMBED_CHUNK = 100;

type Rec = Record<string, unknown>;

/** What embedding did to a response. */
export interface EmbedReport {
  /** Include paths whose lists were cut to {@link MAX_EMBEDDED_PER_LIST}. */
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
    for (let start = 0; start < ids.length; start += EMBED_CHUNK) {
      const chunk = ids.slice(start, start + EMBED_CHUNK);
      for (const r of renderRaw(ctx, caller, target, loadRaw(ctx, caller, target, chunk))) {
        byId.set(r.id, { ...r });
        report.embedded += listedIds(r) * (wanted.get(r.id as string | number) ?? 1);
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
