/**
 * Lookups of related records by UUID or by name, cached for the whole import so a thousand rows naming the same
 * project cost one request. Names compare case-sensitively, after trimming.
 * @module
 */
import { getModel, MAX_PAGE_SIZE, unwrapDetail, unwrapList } from 'brainstem-api-description';

type Row = Record<string, unknown>;
type Opts = Record<string, unknown>;

/**
 * The client methods the import engine uses (a `BrainstemClient` has them all).
 *
 * @example
 * ```ts
 * const client: ImportClient = new BrainstemClient({ token }) as unknown as ImportClient;
 * ```
 */
export interface ImportClient {
  /** `BrainstemClient.load`: one record or a list page. */
  load(model: string, opts: Opts): Promise<unknown>;
  /** `BrainstemClient.loadAll`: every record matching the filters. */
  loadAll(model: string, opts: Opts): Promise<unknown>;
  /** `BrainstemClient.save`: creates the record. */
  save(model: string, opts: Opts & { data: Row }): Promise<unknown>;
  /** `BrainstemClient.action`: a subject log's `add_entry`. */
  action(model: string, id: string, action: string, opts: Opts): Promise<unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a cell looks like a record UUID. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Result of a name lookup: the one record, or why there is none. */
export interface Found {
  record?: Row;
  /** Several records carry that name. */
  ambiguous?: boolean;
}

/** The record in a detail/create body (`{ session: {...} }`, or an approval body): the description's `unwrapDetail`. */
export function recordOf(model: string, body: unknown): Row | undefined {
  return unwrapDetail(getModel(model), body)?.record;
}

/** The records in a list body (`{ sessions: [...] }`): the description's `unwrapList`. */
export function recordsOf(model: string, body: unknown): Row[] {
  return unwrapList(getModel(model), body)?.records ?? [];
}

function statusOf(err: unknown): number | undefined {
  const s = (err as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
}

/**
 * Cached record lookups for one import.
 *
 * @example
 * ```ts
 * const lookups = new Lookups(client);
 * (await lookups.byName('project', 'Auditory Cortex Project')).record?.id;
 * ```
 */
export class Lookups {
  readonly #ids = new Map<string, Promise<Row | undefined>>();
  readonly #names = new Map<string, Promise<Found>>();

  constructor(
    private readonly client: ImportClient,
    private readonly signal?: AbortSignal,
  ) {}

  /** A record by UUID; `undefined` when the id is malformed, unknown or not readable by the caller. */
  byId(model: string, id: string): Promise<Row | undefined> {
    if (!isUuid(id)) return Promise.resolve(undefined);
    const lower = id.toLowerCase();
    const key = `${model}\u0000${lower}`;
    let hit = this.#ids.get(key);
    if (!hit) {
      hit = this.client.load(model, { id: lower, signal: this.signal }).then(
        (body) => recordOf(model, body),
        (err: unknown) => {
          const status = statusOf(err);
          if (status === 404 || status === 403) return undefined;
          this.#ids.delete(key); // a failed request is asked again by the next row, not remembered
          throw err;
        },
      );
      this.#ids.set(key, hit);
    }
    return hit;
  }

  /**
   * The one record whose `field` (default `name`) equals `value` exactly, optionally within extra filters
   * (`{ atlas: 'AIA' }`).
   */
  byName(
    model: string,
    value: string,
    opts: { field?: string; filters?: Record<string, string> } = {},
  ): Promise<Found> {
    const field = opts.field ?? 'name';
    const filters = { ...opts.filters, [field]: value };
    const key = `${model}\u0000${JSON.stringify(filters)}`;
    let hit = this.#names.get(key);
    if (!hit) {
      hit = this.client.load(model, { filters, limit: MAX_PAGE_SIZE, signal: this.signal }).then((body) => {
        const matches = recordsOf(model, body).filter((r) => r[field] === value);
        if (matches.length > 1) return { ambiguous: true };
        return matches.length === 1 ? { record: matches[0] as Row } : {};
      });
      hit.catch(() => this.#names.delete(key));
      this.#names.set(key, hit);
    }
    return hit;
  }

  /** Remember a record created during this import, so later rows naming it find it without a request. */
  remember(model: string, record: Row): void {
    if (typeof record.id === 'string')
      this.#ids.set(`${model}\u0000${record.id.toLowerCase()}`, Promise.resolve(record));
    if (typeof record.name === 'string') {
      this.#names.set(`${model}\u0000${JSON.stringify({ name: record.name })}`, Promise.resolve({ record }));
    }
  }
}
