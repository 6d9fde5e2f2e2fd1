/**
 * `include[]` paths as a tree, as dynamic-rest reads them: `sessions` embeds a project's sessions,
 * `sessions.projects` also embeds each embedded session's projects. Which paths are valid, and how deep they may
 * go, is the API description's `resolveInclude` (docs/api-decisions.md, "Includes").
 *
 * @example
 * ```ts
 * resolveIncludeTree(tableOf('project'), ['sessions', 'sessions.projects']);
 * // [{ field: sessions, path: 'sessions', children: [{ field: projects, path: 'sessions.projects', children: [] }] }]
 * ```
 */
import { type FieldSpec, QUERY_PARAMETERS, resolveInclude } from 'brainstem-api-description';
import type { ModelTable } from '../db/schema.js';
import { badRequest } from '../errors.js';

/** One relation to embed, and what to embed inside the embedded records. */
export interface IncludeNode {
  field: FieldSpec;
  /** The dotted path from the requested model, for messages and the truncation header. */
  path: string;
  children: IncludeNode[];
}

/** Resolve `include[]` names against `t` into one tree. Throws HttpError 400 with the resolver's problem. */
export function resolveIncludeTree(t: ModelTable, names: readonly string[]): IncludeNode[] {
  const roots: IncludeNode[] = [];
  for (const name of names) {
    const r = resolveInclude(t.model, name);
    if (r.problem !== undefined) throw badRequest(`${QUERY_PARAMETERS.include.name}=${name}: ${r.problem}`);
    let level = roots;
    for (const hop of r.path.hops) {
      let node = level.find((n) => n.field.name === hop.field.name);
      if (!node) {
        node = { field: hop.field, path: hop.path, children: [] };
        level.push(node);
      }
      level = node.children;
    }
  }
  return roots;
}
