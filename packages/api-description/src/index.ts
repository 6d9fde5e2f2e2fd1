/**
 * The BrainSTEM API as data, shared by every client and server of this repository: the model registry (models,
 * fields, relations, portals, actions, loaders, record ids, page sizes) and the protocol — the query wire format,
 * the resolution of filter, sort and include names, the list, detail and error envelopes, the URL layout and auth
 * endpoints, action kinds and which failures may be retried. The documented `details` schemas are a second entry,
 * `brainstem-api-description/schemas`.
 *
 * @example
 * ```ts
 * import { getModel, modelPath } from 'brainstem-api-description';
 * getModel('dataacquisition').listKey; // 'data_acquisitions'
 * modelPath('session', { portal: 'public' }); // '/api/public/stem/session/'
 * ```
 * @module brainstem-api-description
 */
export * from './protocol/actions.js';
export * from './protocol/auth-header.js';
export * from './protocol/browser-session.js';
export * from './protocol/embedding.js';
export * from './protocol/envelopes.js';
export * from './protocol/errors.js';
export * from './protocol/log-entries.js';
export * from './protocol/paths.js';
export * from './protocol/query.js';
export * from './protocol/query-names.js';
export * from './protocol/retry.js';
export * from './registry/index.js';
export type * from './schemas/details.generated.js';
