import {
  FILTER_OPERATORS,
  type FieldSpec,
  filterableFields,
  includableFields,
  type ModelSpec,
  operatorsFor,
} from 'brainstem-api-tools/registry';

/**
 * One row per filterable field with its operators (the registry's `operatorsFor`): `any` for every operator in
 * `FILTER_OPERATORS`, else the list (`exact gt gte lt lte in isnull`). Relations add `.id` and
 * `.<field of the related model>`.
 *
 * @example
 * ```ts
 * filterLines(getModel('session'))[1]; // { field: 'name', lookups: 'any' }
 * ```
 */
export function filterLines(model: ModelSpec): Array<{ field: string; lookups: string }> {
  return filterableFields(model).map((f) => ({
    field: f.type === 'relation' || f.type === 'relation_list' ? `${f.name}[.id|.<${f.target} field>]` : f.name,
    lookups: operatorsFor(f) === FILTER_OPERATORS ? 'any' : operatorsFor(f).join(' '),
  }));
}

/** Relations that `--include` can embed (relation and relation-list fields). */
export function includeNames(model: ModelSpec): string[] {
  return includableFields(model).map((f) => f.name);
}

/** Flags of a field as a short text: `required, read-only, max 100, unique, → project`. */
export function fieldNotes(f: FieldSpec): string {
  const notes: string[] = [];
  if (f.required) notes.push(f.requiredOnCreateOnly ? 'required on create' : 'required');
  if (f.readOnly) notes.push('read-only');
  if (f.writeOnce) notes.push('set on create only');
  if (f.maxLength !== undefined) notes.push(`max ${f.maxLength}`);
  if (f.unique) notes.push('unique');
  if (f.target) notes.push(`→ ${f.target}${f.via ? ` (via ${f.via})` : ''}`);
  if (f.enum) notes.push(`one of: ${f.enum.join(', ')}`);
  if (f.keyPattern) notes.push('keys: letters, digits, _');
  return notes.join(', ');
}

/** Portals per operation, operations with the same portals grouped: `list detail: public private; add change delete: private`. */
export function portalSummary(model: ModelSpec): string {
  const groups = new Map<string, string[]>();
  for (const [op, portals] of Object.entries(model.portals)) {
    const key = (portals ?? []).join(' ');
    groups.set(key, [...(groups.get(key) ?? []), op]);
  }
  return [...groups.entries()].map(([portals, ops]) => `${ops.join(' ')}: ${portals || '—'}`).join('; ');
}
