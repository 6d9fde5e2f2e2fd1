/**
 * Bounds on what `include[]` embeds in one answer (docs/api-decisions.md, "Includes"). The docs and dynamic-rest
 * set none; without them a page of sessions embedding a project of 10,000 sessions repeats those 10,000 ids once
 * per session. A list that is cut keeps its first entries in the list's order, and the answer names it in
 * {@link TRUNCATED_INCLUDES_HEADER}; the record's own detail, or the related list endpoint with a filter, gives the
 * whole list.
 *
 * @example
 * ```ts
 * // GET …/session/?include[]=projects.* on sessions of a project with 10,000 sessions:
 * // each embedded project lists its first MAX_IDS_PER_EMBEDDED_LIST session ids, and the answer carries
 * // X-Brainstem-Truncated-Includes: projects.sessions
 * ```
 * @module
 */

/**
 * Most records an embedded list shows (`project/?include[]=sessions.*` embeds at most this many sessions per
 * project).
 *
 * @example
 * ```ts
 * MAX_EMBEDDED_PER_LIST; // 1000
 * ```
 */
export const MAX_EMBEDDED_PER_LIST = 1000;

/**
 * Most ids a relation list holds inside an embedded record when that list is not itself included
 * (`session/?include[]=projects.*`: each embedded project's `sessions`, `subjects`, … lists). Small enough that a
 * page of 100 records, each embedding a record with several such lists, stays well inside
 * {@link MAX_EMBEDDED_VALUES} however large the related lists grow.
 *
 * @example
 * ```ts
 * MAX_IDS_PER_EMBEDDED_LIST; // 100
 * ```
 */
export const MAX_IDS_PER_EMBEDDED_LIST = 100;

/**
 * Most embedded values (records, and ids listed inside them, counted once per place they are written) in one
 * answer; more is a 400 naming the include.
 *
 * @example
 * ```ts
 * MAX_EMBEDDED_VALUES; // 100000
 * ```
 */
export const MAX_EMBEDDED_VALUES = 100_000;

/**
 * The response header naming, comma-separated, the include paths whose lists were cut: `sessions` for an embedded
 * list, `projects.sessions` for the id list inside embedded projects.
 *
 * @example
 * ```ts
 * res.headers.get(TRUNCATED_INCLUDES_HEADER)?.split(', '); // ['projects.sessions']
 * ```
 */
export const TRUNCATED_INCLUDES_HEADER = 'X-Brainstem-Truncated-Includes';
