/**
 * `GET /api/schema/` — the OpenAPI document (JSON; YAML with `?format=yaml`) — and `GET /api/docs/`, an
 * interactive reference (Swagger UI from the `swagger-ui-dist` package, served from node_modules) reading it.
 * These routes carry `config.undocumented`: they describe the API rather than being part of it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DOCS_PATH, SCHEMA_PATH } from 'brainstem-api-description';
import type { FastifyInstance } from 'fastify';
import { stringify } from 'yaml';
import { httpError } from '../errors.js';
import { API_TOOL_START } from '../web/api-tool/start.js';
import { type OpenApiDocument, openApiDocument } from './document.js';

/** The Swagger UI files the page loads, with their media types. */
const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>BrainSTEM API reference</title>
<link rel="stylesheet" href="${DOCS_PATH}assets/swagger-ui.css">
<link rel="icon" type="image/png" href="${DOCS_PATH}assets/favicon-32x32.png">
</head>
<body>
<p class="tool-link"><a href="${API_TOOL_START}">Web API Tool</a>: browse and query the API in the browser, and copy
any request as TypeScript, CLI, curl or Python (its "Use this in code" panel).</p>
<div id="swagger-ui"></div>
<script src="${DOCS_PATH}assets/swagger-ui-bundle.js"></script>
<script src="${DOCS_PATH}assets/swagger-ui-standalone-preset.js"></script>
<script src="${DOCS_PATH}init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({
  url: '${SCHEMA_PATH}',
  dom_id: '#swagger-ui',
  deepLinking: true,
  docExpansion: 'none',
  filter: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
});
`;

/**
 * The reference page's Content-Security-Policy: Swagger UI's script and style sheet are files of this server, the
 * page has no inline script or style; its icons are `data:` images inside the style sheet.
 */
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export async function openApiRoutes(app: FastifyInstance): Promise<void> {
  let doc: OpenApiDocument | undefined;
  let yaml: string | undefined;
  const config = { undocumented: true };
  const assetDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const assets = new Map<string, Buffer>();

  app.get(SCHEMA_PATH, { config }, async (req, reply) => {
    doc ??= openApiDocument();
    const format = (req.query as { format?: string }).format;
    if (format === 'yaml') {
      yaml ??= stringify(doc, { aliasDuplicateObjects: false });
      return reply.type('application/yaml; charset=utf-8').send(yaml);
    }
    if (format !== undefined && format !== 'json') {
      throw httpError(400, `Unknown format "${format}": use json or yaml.`);
    }
    return reply.type('application/vnd.oai.openapi+json; charset=utf-8').send(JSON.stringify(doc));
  });

  app.get(DOCS_PATH, { config }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).send(PAGE),
  );
  app.get(`${DOCS_PATH}init.js`, { config }, async (_req, reply) =>
    reply.type('application/javascript; charset=utf-8').send(INIT),
  );
  app.get(`${DOCS_PATH}assets/:file`, { config }, async (req, reply) => {
    const file = (req.params as { file: string }).file;
    const type = ASSETS[file];
    if (!type) throw httpError(404, `No such documentation asset: ${file}`);
    let data = assets.get(file);
    if (!data) {
      data = readFileSync(join(assetDir, file));
      assets.set(file, data);
    }
    return reply.type(type).header('Cache-Control', 'public, max-age=3600').send(data);
  });
}
