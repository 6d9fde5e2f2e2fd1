/**
 * Body templates of the write forms, from the API description: the writable fields of a model (required ones
 * filled with an example of their type), and for a field chosen by a selector (`type`, `coordinates_system`) a
 * `details` example that the documented schema of the chosen value accepts. Nothing here names a model.
 */
import {
  entryRequiredFields,
  entryShapeOf,
  entryTimes,
  type FieldSpec,
  type ModelSpec,
} from 'brainstem-api-description';
import {
  type DetailsSchema,
  detailsSchemaFor,
  type SchemaGroup,
  schemaGroupsFor,
} from 'brainstem-api-description/schemas';

/** Fields a write may send: not read-only, not produced by the server (grant fields are written). */
export function writableFields(model: ModelSpec): FieldSpec[] {
  return model.fields.filter((f) => !f.readOnly && f.computed !== true);
}

const EXAMPLE_DATE_TIME = '2024-01-01T12:00:00Z';

/** An example value of a field's type (relations: a placeholder naming the model whose id goes there). */
export function fieldExample(f: FieldSpec): unknown {
  switch (f.type) {
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    case 'date':
      return '2024-01-01';
    case 'datetime':
      return EXAMPLE_DATE_TIME;
    case 'json':
      return f.jsonList ? [] : {};
    case 'list_of_strings':
      return [];
    case 'enum':
      return f.enum?.[0] ?? '';
    case 'relation':
      return `<${f.target} id>`;
    case 'relation_list':
      return [`<${f.target} id>`];
    default:
      return f.format === 'email' ? 'name@example.org' : '';
  }
}

/** A value the schema accepts: required properties (all of them when none is required) with examples. */
export function schemaExample(s: DetailsSchema | undefined): unknown {
  if (!s) return {};
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  if (s.examples?.length) return s.examples[0];
  switch (s.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const props = s.properties ?? {};
      const keys = s.required?.length ? s.required : Object.keys(props);
      for (const k of keys) out[k] = schemaExample(props[k]);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => schemaExample(s.items));
    case 'number':
    case 'integer':
      return s.minimum ?? 0;
    case 'boolean':
      return false;
    default:
      return '';
  }
}

/** The schema groups governing fields of the record itself (not its log entries). */
function recordGroups(model: ModelSpec): SchemaGroup[] {
  return schemaGroupsFor(model.name).filter((g) =>
    g.models.some((m) => m.model === model.name && m.location === 'record'),
  );
}

/** The selector of the model's `details` (the type picker of the add form), if the docs give schemas for it. */
export function typeSelector(model: ModelSpec): { field: string; values: string[] } | undefined {
  const g = recordGroups(model).find((x) => x.payload === 'details');
  return g ? { field: g.selector, values: Object.keys(g.schemas) } : undefined;
}

/**
 * The add form's body: every required writable field with an example; each documented payload with the example of
 * its selector's value (`type` = `chosen` when given).
 */
export function addTemplate(model: ModelSpec, chosen?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of writableFields(model)) if (f.required) out[f.name] = fieldExample(f);
  for (const g of recordGroups(model)) {
    const value = g.payload === 'details' && chosen !== undefined ? chosen : Object.keys(g.schemas)[0];
    if (value === undefined) continue;
    out[g.selector] = value;
    out[g.payload] = schemaExample(detailsSchemaFor(model.name, value, g.payload));
  }
  return out;
}

/** The add form's body for every value of the type picker (the page's script swaps them). */
export function addTemplatesByType(model: ModelSpec): Record<string, Record<string, unknown>> {
  const sel = typeSelector(model);
  if (!sel) return {};
  return Object.fromEntries(sel.values.map((v) => [v, addTemplate(model, v)]));
}

/** The edit form's body: the record's writable fields as they are. */
export function editTemplate(model: ModelSpec, record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of writableFields(model)) if (f.name in record) out[f.name] = record[f.name];
  return out;
}

/** The body of an entry action (`add_entry`, …) on a log record: its times, and a `details` for the log's type. */
export function entryTemplate(
  model: ModelSpec,
  action: string,
  record: Record<string, unknown>,
): Record<string, unknown> {
  const shape = entryShapeOf(model, record.type);
  const out: Record<string, unknown> = {};
  const { key } = entryTimes(shape);
  for (const name of entryRequiredFields(shape, action)) out[name] = EXAMPLE_DATE_TIME;
  if (action !== 'remove_entry') {
    const g = schemaGroupsFor(model.name).find((x) =>
      x.models.some((m) => m.model === model.name && m.location === 'entries'),
    );
    const schema = g && typeof record[g.selector] === 'string' ? g.schemas[record[g.selector] as string] : undefined;
    if (g) out[g.payload] = schemaExample(schema);
  } else {
    out[key] = EXAMPLE_DATE_TIME;
  }
  return out;
}
