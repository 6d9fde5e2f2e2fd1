/**
 * The documented `details` / `coordinates_details` JSON Schemas (the BrainSTEM schema docs) the OpenAPI document
 * uses for those fields and for log-entry bodies. The shape is the client's `SchemaGroup`
 * (`brainstem-api-description/schemas`).
 */
import { SCHEMA_GROUPS } from 'brainstem-api-description/schemas';

/** One docs schema page: the schemas of one governed field, keyed by the selector's value. */
export interface DetailsSchemaGroup {
  readonly group: string;
  readonly page: string;
  /** Field whose value picks the schema (`type`, `coordinates_system`). */
  readonly selector: string;
  /** Field the schema validates (`details`, `coordinates_details`). */
  readonly payload: string;
  /** Models (URL names) and where the payload lives: on the record or on each log entry. */
  readonly models: readonly { readonly model: string; readonly location: 'record' | 'entries' }[];
  readonly schemas: Readonly<Record<string, object>>;
}

/** The details schema groups of `brainstem-api-description/schemas`, one per docs schema page. */
export const DETAILS_SCHEMA_GROUPS: readonly DetailsSchemaGroup[] = SCHEMA_GROUPS as readonly DetailsSchemaGroup[];
