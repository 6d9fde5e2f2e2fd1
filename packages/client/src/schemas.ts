/**
 * The documented `details` JSON Schemas, as `brainstem-api-description/schemas` exports them.
 *
 * @example
 * ```ts
 * import { detailsSchemaFor } from 'brainstem-api-tools/schemas';
 * detailsSchemaFor('procedure', 'Surgery');
 * ```
 * @module brainstem-api-tools/schemas
 */
export * from 'brainstem-api-description/schemas';
