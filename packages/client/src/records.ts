/**
 * Record and response types per model, from the registry and the generated record types: what `load` and `save`
 * answer, and the ids they take.
 * @module
 */
import type { DetailKeyOf, ListKeyOf, ListMeta, ModelName, ModelOf } from 'brainstem-api-description';
import type { ModelCreateMap, ModelRecordMap, ModelUpdateMap } from './types.generated.js';

/**
 * The record type of a model, e.g. `RecordOf<'session'>` = `Session`.
 *
 * @example
 * ```ts
 * const s: RecordOf<'session'> = (await client.load('session', { id })).session;
 * ```
 */
export type RecordOf<M extends ModelName> = M extends keyof ModelRecordMap
  ? ModelRecordMap[M]
  : Record<string, unknown>;
/**
 * The create (POST) payload type of a model.
 *
 * @example
 * ```ts
 * const data: CreateOf<'session'> = { name: 'S', projects: [projectId] };
 * ```
 */
export type CreateOf<M extends ModelName> = M extends keyof ModelCreateMap
  ? ModelCreateMap[M]
  : Record<string, unknown>;
/**
 * The update (PATCH/PUT) payload type of a model.
 *
 * @example
 * ```ts
 * const patch: UpdateOf<'session'> = { description: 'new' };
 * ```
 */
export type UpdateOf<M extends ModelName> = M extends keyof ModelUpdateMap
  ? ModelUpdateMap[M]
  : Record<string, unknown>;

/**
 * Record ids: integers where the model's `id` field is an integer (users, groups), UUID strings otherwise.
 *
 * @example
 * ```ts
 * await client.load('group', { id: 7 }); // IdOf<'group'> = number | string
 * ```
 */
export type IdOf<M extends ModelName> = M extends ModelName
  ? Extract<ModelOf<M>['fields'][number], { name: 'id' }>['type'] extends 'integer'
    ? number | string
    : string
  : never;

/**
 * The `meta` object of the list responses that carry one (which do: the description's `listHasMeta`). Its keys are
 * the description's `LIST_META_KEYS`; a server may send others or fewer.
 *
 * @example
 * ```ts
 * const { meta } = await client.load('project', { portal: 'public' });
 * console.log(meta?.total_results);
 * ```
 */
export type PageMeta = Partial<ListMeta> & { [key: string]: unknown };

/**
 * Pagination keys of a list response. All optional: servers differ in which they send.
 *
 * @example
 * ```ts
 * const { count, next } = await client.load('session');
 * ```
 */
export interface PageFields {
  count?: number;
  next?: string | null;
  previous?: string | null;
  meta?: PageMeta;
}

/**
 * A list response: `{ sessions: Session[], count?, next?, previous?, meta? }` for `'session'`.
 *
 * @example
 * ```ts
 * const page: ListPage<'session'> = await client.load('session');
 * page.sessions[0]?.name;
 * ```
 */
export type ListPage<M extends ModelName> = { [K in ListKeyOf<M>]: RecordOf<M>[] } & PageFields;

/**
 * A single-record response: `{ session: Session }` for `'session'`.
 *
 * @example
 * ```ts
 * const { session } = await client.load('session', { id });
 * ```
 */
export type DetailBody<M extends ModelName> = { [K in DetailKeyOf<M>]: RecordOf<M> };

/**
 * What a save answers: the record under its detail key, or, for approval-governed models, the approval record.
 *
 * @example
 * ```ts
 * const res: SaveResult<'species'> = await client.save('species', { data: { name: 'Mus musculus' } });
 * res.species_approval.status;
 * ```
 */
export type SaveResult<M extends ModelName> =
  ModelOf<M> extends {
    approval: { key: infer K extends string; model: infer A extends ModelName };
  }
    ? { [P in K]: RecordOf<A> }
    : DetailBody<M>;
