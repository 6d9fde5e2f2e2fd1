/**
 * The model registry and the protocol, as `brainstem-api-description` exports them: importable from the client
 * package so that code written against `brainstem-api-tools/registry` keeps working.
 *
 * @example
 * ```ts
 * import { getModel } from 'brainstem-api-tools/registry';
 * getModel('dataacquisition').listKey; // 'data_acquisitions'
 * ```
 * @module brainstem-api-tools/registry
 */
export * from 'brainstem-api-description';
