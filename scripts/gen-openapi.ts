/**
 * Writes docs/openapi.json: the server's OpenAPI document (packages/server/src/openapi/), generated from the model
 * registry. packages/server/test/openapi.test.ts fails when the committed file is out of date.
 *
 *   npm run gen:openapi
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiText } from '../packages/server/src/openapi/document.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'openapi.json');
writeFileSync(out, openApiText());
console.log(`wrote ${out}`);
