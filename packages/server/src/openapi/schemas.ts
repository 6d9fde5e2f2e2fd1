/**
 * JSON Schemas (OpenAPI 3.1 = JSON Schema 2020-12) of the API's records, filter values and errors, from the
 * registry's field tables (request bodies: records/body-schema.ts). `details` payloads use the documented details schemas when they are supplied
 * (see details.ts).
 */
import {
  DETAIL_ERROR_SCHEMA,
  FIELDS_ERROR_SCHEMA,
  type FieldSpec,
  type FieldType,
  LIST_META_KEYS,
  type ModelSpec,
  operatorsFor,
} from 'brainstem-api-description';
import { tableOf, targetIsInt } from '../db/schema.js';
import type { DetailsSchemaGroup } from './details.js';

export type Schema = Record<string, unknown>;

const SCALAR: Readonly<Partial<Record<FieldType, Schema>>> = {
  uuid: { type: 'string', format: 'uuid' },
  integer: { type: 'integer' },
  string: { type: 'string' },
  text: { type: 'string' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  boolean: { type: 'boolean' },
  list_of_strings: { type: 'array', items: { type: 'string' } },
};

const idSchema = (intId: boolean): Schema => (intId ? { type: 'integer' } : { type: 'string', format: 'uuid' });

/** The schemas of a governed payload field (`details`) of a model, as `$ref`s into `components.schemas`. */
export function detailsSchemaRefs(
  groups: readonly DetailsSchemaGroup[],
  model: string,
  payload: string,
  location: 'record' | 'entries',
): Schema | undefined {
  const g = groups.find(
    (x) => x.payload === payload && x.models.some((m) => m.model === model && m.location === location),
  );
  if (!g) return undefined;
  const refs = Object.keys(g.schemas).map((type) => ({
    $ref: `#/components/schemas/${detailsComponentName(g, type)}`,
  }));
  return {
    description: `One of the documented ${g.group} schemas (docs ${g.page}), picked by \`${g.selector}\`.`,
    anyOf: refs,
  };
}

/** Component name of one documented details schema, e.g. `Details.Procedure.Anesthesia`. */
export function detailsComponentName(g: DetailsSchemaGroup, type: string): string {
  return `Details.${g.group}.${type}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** The components of every documented details schema (without `$schema`/`$id`, which OpenAPI sets itself). */
export function detailsComponents(groups: readonly DetailsSchemaGroup[]): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const g of groups) {
    for (const [type, schema] of Object.entries(g.schemas)) {
      const { $schema: _s, $id: _i, ...rest } = schema as Schema;
      out[detailsComponentName(g, type)] = rest;
    }
  }
  return out;
}

/** The JSON Schema of one field's value. */
export function fieldSchema(model: ModelSpec, f: FieldSpec, groups: readonly DetailsSchemaGroup[]): Schema {
  let s: Schema;
  if (f.type === 'relation') s = idSchema(targetIsInt(f));
  else if (f.type === 'relation_list') s = { type: 'array', items: idSchema(targetIsInt(f)) };
  else if (f.type === 'enum') s = { type: 'string', ...(f.enum ? { enum: [...f.enum] } : {}) };
  else if (f.type === 'json') {
    s =
      detailsSchemaRefs(groups, model.name, f.name, 'record') ?? (f.jsonList ? { type: 'array' } : { type: 'object' });
  } else s = { ...(SCALAR[f.type] ?? {}) };
  if (f.maxLength) s.maxLength = f.maxLength;
  if (f.format === 'email') s.format = 'email';
  if (f.readOnly) s.readOnly = true;
  s.description = f.doc;
  return s;
}

/** Schema of a record as the API returns it (every documented field). */
export function recordSchema(model: ModelSpec, groups: readonly DetailsSchemaGroup[]): Schema {
  return {
    type: 'object',
    properties: Object.fromEntries(model.fields.map((f) => [f.name, fieldSchema(model, f, groups)])),
    required: model.fields.map((f) => f.name),
  };
}

/** The filterable fields of a model (stored or reverse relations; computed and JSON fields are not). */
export function filterFields(model: ModelSpec): { name: string; spec: FieldSpec; value: Schema }[] {
  const t = tableOf(model);
  const field = (name: string, type: FieldType): FieldSpec => ({ name, type, doc: '' });
  const out = [{ name: 'id', spec: field('id', t.intId ? 'integer' : 'uuid'), value: idSchema(t.intId) }];
  for (const f of model.fields) {
    if (f.name === 'id' || t.storage.get(f.name) === 'computed' || operatorsFor(f).length === 0) continue;
    const value =
      f.type === 'relation' || f.type === 'relation_list'
        ? idSchema(targetIsInt(f))
        : f.type === 'list_of_strings'
          ? { type: 'string' }
          : { ...(SCALAR[f.type] ?? { type: 'string' }), ...(f.enum ? { enum: [...f.enum] } : {}) };
    out.push({ name: f.name, spec: f, value });
  }
  for (const name of ['created_date', 'modified_date'])
    out.push({ name, spec: field(name, 'datetime'), value: { type: 'string', format: 'date-time' } });
  return out;
}

/** The error bodies (`{"detail": …}` and DRF field-error maps, as protocol/errors.ts writes them) and the list meta. */
export const ERROR_SCHEMAS: Record<string, Schema> = {
  Detail: { ...DETAIL_ERROR_SCHEMA },
  FieldErrors: { ...FIELDS_ERROR_SCHEMA },
  ListMeta: {
    type: 'object',
    description: 'Paging summary of a list page, on the lists whose operation lists `meta` among its keys.',
    properties: Object.fromEntries(LIST_META_KEYS.map((k) => [k, { type: 'integer' }])),
    required: [...LIST_META_KEYS],
  },
};
