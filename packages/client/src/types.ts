/**
 * The public types of the client, by concern: records and responses, call options, loaders, special actions,
 * bulk writes and `whoami`.
 * @module
 */
export type { ActionMethods, ActionOptions, ModelsWithAction } from './actions.js';
export type { WhoamiResult, WhoamiUser } from './auth/whoami.js';
export type { BulkResult, DeleteManyOptions, SaveManyOptions } from './bulk.js';
export type {
  LoaderFilterName,
  LoaderFn,
  LoaderMethodName,
  LoaderMethods,
  LoaderModelName,
  LoaderOptions,
} from './loaders.js';
export type * from './options.js';
export type { FilterKey, Filters, IncludeKey, SortKey } from './query-keys.js';
export type * from './records.js';
