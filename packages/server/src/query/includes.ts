/**
 * `include[]` paths as a tree, as dynamic-rest reads them: `sessions` embeds a project's sessions,
 * `sessions.projects` also embeds each embedded session's projects. Every segment must be a relation of the model
 * reached so far; paths are at most {@link MAX_INCLUDE_DEPTH} relations long (docs/api-decisions.md, "Includes").
 *
 * @example
 * ```ts
 * resolveIncludeTree(tableOf('project'), ['sessions', 'sessions.projects']);
 * // [{ field: sessions, path: 'sessions', children: [{ field: projects, path: 'sessions.projects', children: [] }] }]
 * ```
 */
import { type FieldSpec, includableFields } from 'brainstem-api-description';
import { type ModelTable, tableOf } from '../db/schema.js';
import { badRequest } from '../errors.js';

/** Longest include path, in relations (`sessions.projects.subjects` is 3). */
export const MAX_INCLUDE_DEPTH = 3;

/** One relation to embed, and what to embed inside the embedded records. */
export interface IncludeNode {
  field: FieldSpec;
  /** The dotted path from the requested model, for messages and the truncation header. */
  path: string;
  children: IncludeNode[];
}

/** Resolve `include[]` names (without the `.*` suffix) against `t`. Throws HttpError 400 naming a bad path. */
export function resolveIncludeTree(t: ModelTable, names: readonly string[]): IncludeNode[] {
  const roots: IncludeNode[] = [];
  for (const name of names) {
    const parts = name.split('.');
    if (parts.some((p) => p === '' || p === '*')) {
      throw badRequest(`Invalid include "${name}": use relation names joined by dots, e.g. sessions.projects.*.`);
    }
    if (parts.length > MAX_INCLUDE_DEPTH) {
      throw badRequest(
        `Invalid include "${name}": includes nest at most ${MAX_INCLUDE_DEPTH} relations deep (this one is ${parts.length}).`,
      );
    }
    let model: ModelTable | undefined = t;
    let level = roots;
    let path = '';
    for (const part of parts) {
      path = path ? `${path}.${part}` : part;
      if (!model) throw badRequest(`Invalid include "${name}": "${path}" has no endpoint to embed from.`);
      const field = resolveIncludes(model, [part])[0] as FieldSpec;
      let node = level.find((n) => n.field.name === part);
      if (!node) {
        node = { field, path, children: [] };
        level.push(node);
      }
      level = node.children;
      // `epochs` has no endpoint: it can be included (it stays []) but not nested into.
      model = field.target === 'epoch' ? undefined : tableOf(field.target as string);
    }
  }
  return roots;
}

/** Validate `include[]` names: relation, relation-list and reverse-list fields. Returns the fields. */
export function resolveIncludes(t: ModelTable, names: readonly string[]): FieldSpec[] {
  const out: FieldSpec[] = [];
  for (const n of names) {
    const field = t.model.fields.find((f) => f.name === n);
    const storage = field ? t.storage.get(n) : undefined;
    // Any relation holds ids that can be embedded; `epochs` (no endpoint, always []) is accepted because the
    // Python client's load_session includes it by default.
    const ok = field?.target && (field.type === 'relation' || field.type === 'relation_list') && storage !== undefined;
    if (!ok || !field) {
      const rels = includableFields(t.model).map((f) => f.name);
      throw badRequest(
        `Unknown include "${n}" for ${t.model.name}. ${rels.length ? `Includable: ${rels.join(', ')}.` : 'It has no relations.'}`,
      );
    }
    out.push(field);
  }
  return out;
}
