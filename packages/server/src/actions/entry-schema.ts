/**
 * JSON Schemas of the bodies of the log-entry actions (`add_entry`, `change_entry`, `remove_entry` on subject logs
 * and procedure logs), built from the registry (the `entries` subfields of the log model) and the entry shapes of
 * the API description (`entryShapes`, `entryRequiredFields`: instantaneous or interval); a model with both shapes
 * has a body schema that is one of them (`anyOf`). The router validates with these objects and the OpenAPI
 * document files the same objects (routes/schemas.ts). What JSON Schema cannot say stays in entries.ts: which
 * shape a log takes (its stored `type`), real date-times, the end not before the start, and `details` by type.
 *
 * @example
 * ```ts
 * entryBodySchema(getModel('procedurelog'), 'add_entry').required; // ['date_time']
 * entryBodySchema(getModel('subjectlog'), 'add_entry').anyOf.length; // 2
 * ```
 */
import {
  type EntryShape,
  entryRequiredFields,
  entryShapes,
  entryTimes,
  type FieldSpec,
  type ModelSpec,
} from 'brainstem-api-description';
import { PLAIN_TEXT_PATTERN } from '../characters.js';
import { DETAILS_SCHEMA_GROUPS } from '../openapi/details.js';
import { detailsSchemaRefs, type Schema } from '../openapi/schemas.js';

/** Longest entry `notes`, in characters (the registry's subfield note: "datamodel: max 500 characters"). */
export const ENTRY_NOTES_MAX_LENGTH = 500;

interface Subfield {
  readonly name: string;
  readonly type: string;
  readonly notes?: string;
}

const subfieldsOf = (model: ModelSpec): readonly Subfield[] =>
  (model.fields.find((f) => f.name === 'entries')?.subfields ?? []) as Subfield[];

/** The fields a body of `action` names: the date-times of the model's shapes, and notes and details but to remove. */
export function entryFields(model: ModelSpec, action: string): FieldSpec[] {
  const times = new Set(entryShapes(model).flatMap((s) => [entryTimes(s).key, entryTimes(s).end]));
  const keys = new Set(entryShapes(model).map((s) => entryTimes(s).key));
  return subfieldsOf(model)
    .filter((s) => (times.has(s.name) || s.type !== 'datetime') && (action !== 'remove_entry' || keys.has(s.name)))
    .map((s): FieldSpec => {
      const doc = s.notes ?? s.name;
      if (s.type === 'datetime') return { name: s.name, type: 'datetime', doc };
      if (s.type === 'json') return { name: s.name, type: 'json', doc };
      return { name: s.name, type: 'string', maxLength: ENTRY_NOTES_MAX_LENGTH, doc };
    });
}

function fieldSchema(model: ModelSpec, f: FieldSpec): Schema {
  switch (f.type) {
    case 'datetime':
      return { type: 'string', format: 'date-time', description: f.doc };
    case 'json':
      // Checked by the log's type in code (records/details.ts); the references name the documented schemas.
      return detailsSchemaRefs(DETAILS_SCHEMA_GROUPS, model.name, f.name, 'entries') ?? { description: f.doc };
    default:
      return { type: ['string', 'null'], pattern: PLAIN_TEXT_PATTERN, maxLength: f.maxLength, description: f.doc };
  }
}

const shapeSchemas = new Map<string, Schema>();

/** The part of an entry body's schema one shape adds: the fields it requires. */
function entryShapeSchema(model: ModelSpec, action: string, shape: EntryShape): Schema {
  const k = `${model.name} ${action} ${shape}`;
  let s = shapeSchemas.get(k);
  if (!s) {
    const intervalTypes = model.fields.find((f) => f.name === 'type')?.intervalTypes ?? [];
    s = {
      title: `${shape} entry`,
      description:
        shape === 'interval'
          ? `Logs of the interval types (${intervalTypes.join(', ')}).`
          : entryShapes(model).length > 1
            ? 'Logs of the other types.'
            : 'Every log.',
      required: entryRequiredFields(shape, action),
    };
    shapeSchemas.set(k, s);
  }
  return s;
}

const cache = new Map<string, Schema>();

/** The schema of the body of the entry action `action` of `model`. */
export function entryBodySchema(model: ModelSpec, action: string): Schema {
  const k = `${model.name} ${action}`;
  let s = cache.get(k);
  if (!s) {
    const shapes = entryShapes(model).map((shape) => entryShapeSchema(model, action, shape));
    s = {
      type: 'object',
      description:
        shapes.length > 1
          ? 'An entry of the log, in the shape of the log type: instantaneous (`date_time`) or interval (`start_date_time`, `end_date_time`); an entry is identified by `date_time` or `start_date_time`.'
          : 'An entry of the log, identified by `date_time`.',
      properties: Object.fromEntries(entryFields(model, action).map((f) => [f.name, fieldSchema(model, f)])),
      ...(shapes.length > 1 ? { anyOf: shapes } : { required: shapes[0]?.required }),
    };
    cache.set(k, s);
  }
  return s;
}
