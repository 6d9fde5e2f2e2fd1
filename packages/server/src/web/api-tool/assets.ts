/**
 * The Web API Tool's own files (style sheet and script), served from `packages/server/assets/api-tool/` under
 * `/api-tool/assets/` (`registerAssetFolder`): no CDN, nothing inline, so the pages' Content-Security-Policy allows
 * only 'self'.
 */
import type { FastifyInstance } from 'fastify';
import { ASSET_ROUTE, registerAssetFolder } from '../assets.js';

/** Route config of the tool's own routes: pages of a tool, not part of the API (the OpenAPI document leaves them out). */
export const TOOL_ROUTE = ASSET_ROUTE;

/** The URL prefix of the tool's assets. */
export const ASSETS_PATH = '/api-tool/assets/';

/** Registers `GET /api-tool/assets/:file`. */
export function registerAssets(app: FastifyInstance): void {
  registerAssetFolder(app, {
    path: ASSETS_PATH,
    folder: 'api-tool',
    types: {
      'api-tool.css': 'text/css; charset=utf-8',
      'api-tool.js': 'application/javascript; charset=utf-8',
    },
  });
}
