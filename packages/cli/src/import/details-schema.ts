import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { detailsSchemaFor } from 'brainstem-api-description/schemas';
import type { DetailsValidator } from 'brainstem-api-tools/import';

/** Finds the documented JSON Schema of a governed field: `schemaFor('procedure', 'Anesthesia', 'details')`. */
export type SchemaLookup = (model: string, selector: string, payload: string) => object | undefined;

/**
 * A {@link DetailsValidator} backed by Ajv (draft 2020-12): each schema is compiled once, on first use. Schema
 * `format` keywords are the web editor's widget names, not validation rules, so formats are not checked.
 *
 * @example
 * ```ts
 * const check = ajvDetailsValidator((model, type, payload) => detailsSchemaFor(model, type, payload));
 * check('procedure', 'Anesthesia', {}, 'details'); // ["must have required property 'anestheticAgent'", …]
 * ```
 */
export function ajvDetailsValidator(schemaFor: SchemaLookup): DetailsValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  const compiled = new Map<object, ValidateFunction>();
  return (model, selector, value, payload) => {
    const schema = schemaFor(model, selector, payload);
    if (!schema) return undefined;
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(schema);
      compiled.set(schema, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  };
}

/** The validator `brainstem import` uses: the documented details schemas of `brainstem-api-description/schemas`. */
export function importDetailsValidator(): DetailsValidator | undefined {
  return ajvDetailsValidator(detailsSchemaFor);
}
