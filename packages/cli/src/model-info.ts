import {
  FILTER_OPERATORS,
  type FieldSpec,
  filterableFields,
  includableFields,
  type ModelSpec,
  operatorsFor,
} from 'brainstem-api-description';
import type { DetailsSchema, SchemaGroup } from 'brainstem-api-description/schemas';

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

/** The schema-governed types of a model: one row per type with its schema version (`brainstem models procedure`). */
export function schemaTypeRows(
  groups: readonly SchemaGroup[],
): Array<{ selector: string; type: string; version: string; required: string }> {
  return groups.flatMap((g) =>
    Object.entries(g.schemas).map(([type, s]) => {
      const body = s.type === 'array' ? (s.items ?? {}) : s;
      return {
        selector: g.selector,
        type,
        version: s['x-version'] ?? '',
        required: (body.required ?? []).join(', ') || '—',
      };
    }),
  );
}

/** The value a schema field takes, in words: `{value, unit}`, `string`, `list`, `integer ≥ 0`. */
function valueWords(s: DetailsSchema): string {
  if (s.format === 'numberUnit') return '{value, unit}';
  const bounds = [
    s.minimum !== undefined ? `≥ ${s.minimum}` : '',
    s.maximum !== undefined ? `≤ ${s.maximum}` : '',
    s.minItems ? `≥ ${s.minItems} items` : '',
  ].filter(Boolean);
  return [s.type === 'array' ? 'list' : (s.type ?? 'any'), ...bounds].join(' ');
}

/** The fields of one schema (`brainstem models procedure --type Anesthesia`): value, required, choices or units. */
export function schemaFieldRows(
  schema: DetailsSchema,
): Array<{ field: string; value: string; required: string; choices: string }> {
  const body = schema.type === 'array' ? (schema.items ?? {}) : schema;
  const required = new Set(body.required ?? []);
  return Object.entries(body.properties ?? {}).map(([name, s]) => {
    const units = s.properties?.unit?.enum;
    const choices = units ? `units: ${units.join(', ')}` : s.enum ? s.enum.join(', ') : '';
    const dflt = s.default !== undefined ? `default ${JSON.stringify(s.default)}` : '';
    return {
      field: name,
      value: valueWords(s),
      required: required.has(name) ? 'yes' : 'no',
      choices: [choices, dflt].filter(Boolean).join('; '),
    };
  });
}
