/**
 * Convenience loaders (`loadProject`, `loadSession`, …), generated at runtime from the registry's `loader` rows —
 * the same table the Python tool's `load_<model>` methods follow — and typed by `LoaderMethods`.
 * @module
 */

import type { MODELS } from 'brainstem-api-description';
import { LOADER_MODELS, type ModelName } from 'brainstem-api-description';
import { APIPromise } from './api-promise.js';
import { InvalidArgumentError } from './errors.js';
import { OPTION_KEYS } from './option-keys.js';
import type { LoadOptions } from './options.js';
import type { FilterValue } from './query.js';
import type { DetailBody, IdOf, ListPage } from './records.js';

type Row = (typeof MODELS)[number];

/**
 * Models with a convenience loader.
 *
 * @example
 * ```ts
 * const m: LoaderModelName = 'dataacquisition';
 * ```
 */
export type LoaderModelName = Extract<Row, { loader: unknown }>['name'];

/**
 * Named filters of a model's convenience loader (e.g. `name`, `projects`, `tags` for sessions).
 *
 * @example
 * ```ts
 * type F = LoaderFilterName<'subject'>; // 'name' | 'projects' | 'strain' | 'sex' | 'tags'
 * ```
 */
export type LoaderFilterName<M extends LoaderModelName> = keyof Extract<Row, { name: M }>['loader']['filters'] & string;

/**
 * Options of a convenience loader: named filters, `filters`/`include` overrides, `all: true` for every page.
 *
 * @example
 * ```ts
 * await client.loadSubject({ sex: 'M', projects: projectId, include: ['projects'], all: true });
 * ```
 */
export type LoaderOptions<M extends LoaderModelName> = LoadOptions<M> & {
  [K in LoaderFilterName<M>]?: FilterValue;
} & {
  /** Load every page (like `loadAll`). */
  all?: boolean;
  /** Page size with `all: true`. */
  pageSize?: number;
};

/**
 * A convenience loader: one record with `id`, else a list page (every record with `all: true`). One record or one
 * page is an {@link APIPromise} (`.withResponse()` adds the status and headers); `all: true` walks every page, so
 * its answer is a plain promise, as `loadAll`'s is.
 *
 * @example
 * ```ts
 * const loader: LoaderFn<'session'> = client.loadSession.bind(client);
 * ```
 */
export interface LoaderFn<M extends LoaderModelName> {
  (opts: LoaderOptions<M> & { id: IdOf<M> }): APIPromise<DetailBody<M>>;
  (opts: LoaderOptions<M> & { all: true }): Promise<ListPage<M>>;
  (opts?: LoaderOptions<M> & { all?: false }): APIPromise<ListPage<M>>;
  (opts?: LoaderOptions<M>): Promise<ListPage<M>>;
}

/**
 * `'dataacquisition'` → `'loadDataacquisition'`.
 *
 * @example
 * ```ts
 * type N = LoaderMethodName<'dataacquisition'>; // 'loadDataacquisition'
 * ```
 */
export type LoaderMethodName<M extends string> = `load${Capitalize<M>}`;

/**
 * The generated convenience loaders (`loadProject`, `loadSession`, …).
 *
 * @example
 * ```ts
 * const fn: LoaderMethods['loadProject'] = client.loadProject;
 * ```
 */
export type LoaderMethods = { [M in LoaderModelName as LoaderMethodName<M>]: LoaderFn<M> };

/**
 * `'dataacquisition'` → `'loadDataacquisition'`.
 *
 * @example
 * ```ts
 * loaderMethodName('dataacquisition'); // 'loadDataacquisition'
 * ```
 */
export function loaderMethodName(model: string): string {
  return `load${model.charAt(0).toUpperCase()}${model.slice(1)}`;
}

/**
 * Every generated loader: method name and model.
 *
 * @example
 * ```ts
 * for (const { method, model } of LOADER_METHODS) console.log(method, '→', model);
 * ```
 */
export const LOADER_METHODS: readonly { readonly method: string; readonly model: string }[] = LOADER_MODELS.map(
  (m) => ({
    method: loaderMethodName(m.name),
    model: m.name,
  }),
);

/** The keys a loader passes on to `load` (or to `loadAll` with `all: true`); every other key is a named filter. */
const LOAD_KEYS = new Set(['all', ...Object.keys(OPTION_KEYS.load), ...Object.keys(OPTION_KEYS.loadAll)]);

interface Loadable {
  load(model: ModelName, opts?: LoadOptions<ModelName>): APIPromise<unknown>;
  loadAll(model: ModelName, opts?: object): Promise<unknown>;
}

/**
 * Turns loader options into `load`/`loadAll` options: named filters map to their API filter keys, explicit
 * `filters` override them, `include` replaces the default includes.
 */
export function loaderQuery(model: string, opts: Record<string, unknown>): Record<string, unknown> {
  const spec = LOADER_MODELS.find((m) => m.name === model)!;
  const loader = spec.loader!;
  const filters: Record<string, FilterValue> = {};
  for (const [k, v] of Object.entries(opts)) {
    if (LOAD_KEYS.has(k) || v === undefined) continue;
    const key = loader.filters[k];
    if (!key) {
      throw new InvalidArgumentError(
        k,
        `${loaderMethodName(model)} has no option "${k}" (named filters: ${Object.keys(loader.filters).join(', ')}; ` +
          'use filters: { … } for anything else)',
      );
    }
    filters[key] = v as FilterValue;
  }
  Object.assign(filters, opts.filters ?? {});
  const {
    all: _all,
    filters: _f,
    ...rest
  } = Object.fromEntries(Object.entries(opts).filter(([k]) => LOAD_KEYS.has(k)));
  const out: Record<string, unknown> = { ...rest };
  if (Object.keys(filters).length) out.filters = filters;
  if (opts.include === undefined && loader.includes.length) out.include = [...loader.includes];
  return out;
}

/** Installs the loaders on a class prototype (called once by client.ts). */
export function installLoaders(proto: Loadable): void {
  for (const { method, model } of LOADER_METHODS) {
    Object.defineProperty(proto, method, {
      configurable: true,
      writable: true,
      enumerable: false,
      value: function (this: Loadable, opts: LoaderOptions<never> = {} as never) {
        const o = (opts ?? {}) as Record<string, unknown>;
        // Options that do not apply to the call the loader makes (`limit` with `all: true`) are refused by it; bad
        // input rejects the promise rather than throwing.
        if (o.all && o.id === undefined) return (async () => this.loadAll(model as ModelName, loaderQuery(model, o)))();
        return APIPromise.start(() => this.load(model as ModelName, loaderQuery(model, o) as LoadOptions<ModelName>));
      },
    });
  }
}
