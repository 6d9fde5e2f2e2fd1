/**
 * `APIPromise`: what every single-request client call returns. Awaited, it is the parsed body, as a plain
 * promise would be; `.withResponse()` gives the body together with the HTTP status, headers and URL of the
 * answer (openai-node's `APIPromise.withResponse`), so a caller can read headers such as
 * `X-Brainstem-Truncated-Includes` without giving up the typed body.
 * @module
 */

/**
 * The HTTP side of an answer. The body has already been read and parsed: it is `data`.
 *
 * @example
 * ```ts
 * const { response } = await client.load('session').withResponse();
 * response.status; // 200
 * response.headers.get('content-type'); // 'application/json; charset=utf-8'
 * ```
 */
export interface APIResponse {
  /** HTTP status of the answer (204 for a delete). */
  readonly status: number;
  /** Response headers, as the server sent them. */
  readonly headers: Headers;
  /** The URL that answered (after redirects), without credentials. */
  readonly url: string;
}

/**
 * A parsed body with the response it came in.
 *
 * @example
 * ```ts
 * const { data, response }: WithResponse<ListPage<'session'>> = await client.load('session').withResponse();
 * ```
 */
export interface WithResponse<T> {
  data: T;
  response: APIResponse;
}

/**
 * A promise of a parsed body that can also hand over the response: `await p` is the body, `await
 * p.withResponse()` is `{ data, response }`. The request starts when the call is made, whichever is used.
 *
 * @example
 * ```ts
 * const { data, response } = await client.load('project', { id, include: ['sessions'] }).withResponse();
 * console.log(response.status, truncatedIncludes(response.headers), data.project.name);
 * ```
 */
export class APIPromise<T> extends Promise<T> {
  readonly #answer: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  /** @internal Built by the client from the transport's answer. */
  constructor(answer: Promise<WithResponse<T>>) {
    super((resolve) => resolve(undefined as T));
    this.#answer = answer;
  }

  // `then`, `catch` and `finally` hand out plain promises.
  static override get [Symbol.species]() {
    return Promise;
  }

  /**
   * The call's outcome: a thunk that may throw (bad input) or return an `APIPromise`; a throw becomes a
   * rejection, so no call throws synchronously.
   * @internal
   */
  static start<T>(call: () => APIPromise<unknown>): APIPromise<T> {
    let answer: Promise<WithResponse<T>>;
    try {
      answer = call().withResponse() as Promise<WithResponse<T>>;
    } catch (err) {
      answer = Promise.reject(err);
    }
    return new APIPromise(answer);
  }

  /**
   * The parsed body and the response it came in. Rejects as awaiting the promise would.
   *
   * @example
   * ```ts
   * const { data, response } = await client.save('session', { data: payload }).withResponse();
   * response.status; // 201
   * ```
   */
  withResponse(): Promise<WithResponse<T>> {
    return this.#answer;
  }

  /** @internal The same answer with the body turned into another value. */
  map<U>(f: (data: T, response: APIResponse) => U): APIPromise<U> {
    return new APIPromise(this.#answer.then((r) => ({ data: f(r.data, r.response), response: r.response })));
  }

  #parsed(): Promise<T> {
    this.#data ??= this.#answer.then((r) => r.data);
    return this.#data;
  }

  // biome-ignore lint/suspicious/noThenProperty: an APIPromise is a Promise; `then` reads the parsed body
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    // biome-ignore lint/suspicious/noExplicitAny: the signature of Promise#then, so callers' handlers type as before
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#parsed().then(onfulfilled, onrejected);
  }

  // biome-ignore lint/suspicious/noExplicitAny: the signature of Promise#catch, so callers' handlers type as before
  override catch<R = never>(onrejected?: ((reason: any) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#parsed().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#parsed().finally(onfinally);
  }
}
