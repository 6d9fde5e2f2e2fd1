/**
 * The OpenAPI 3.1 document: valid, served at /api/schema/ (JSON and YAML), the committed docs/openapi.json is up to
 * date, and it matches the router exactly — every API route the server registers is described, and every
 * described path + method is answered by a real route (never the router's 404/405).
 */
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { DETAIL_ERROR_SCHEMA, FIELDS_ERROR_SCHEMA } from 'brainstem-api-description';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildApp } from '../src/app.js';
import { DEMO_USERS } from '../src/demo-users.js';
import { type OpenApiDocument, openApiDocument, openApiPath, openApiText } from '../src/openapi/document.js';
import { registeredRoutes } from '../src/routes/registered.js';

let app: FastifyInstance;
let doc: OpenApiDocument;
beforeAll(async () => {
  ({ app } = await buildApp({ seed: 'demo', quiet: true }));
  doc = openApiDocument();
});
afterAll(() => app.close());

// biome-ignore lint/suspicious/noExplicitAny: the test walks arbitrary JSON of the document
type Json = any;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const documented = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => METHODS.includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );

describe('the document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('is committed in docs/openapi.json as generated (npm run gen:openapi)', () => {
    const committed = readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8');
    expect(committed === openApiText(), 'docs/openapi.json is out of date: run npm run gen:openapi').toBe(true);
  });

  it('describes list parameters, documented keys, errors and security', () => {
    const list = doc.paths['/api/private/stem/session/']?.get as Record<string, Json>;
    const names = list.parameters.map((p: { $ref: string }) => {
      const key = p.$ref.split('/').pop() as string;
      return (doc.components as Json).parameters[key].name;
    });
    expect(names).toEqual(
      expect.arrayContaining([
        'filter{name}',
        'filter{name.icontains}',
        'filter{projects.in}',
        'sort[]',
        'include[]',
        'limit',
        'offset',
      ]),
    );
    expect(Object.keys(list.responses['200'].content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['sessions', 'count', 'next', 'previous']),
    );
    expect(list.security).toEqual([{ bearerAuth: [] }]);
    expect(list.responses['401']).toEqual({ $ref: '#/components/responses/Unauthenticated' });
    const add = doc.paths['/api/private/taxonomies/species/']?.post as Record<string, Json>;
    expect(add.responses['201'].content['application/json'].schema.required).toEqual(['species_approval']);
    const badRequest = (doc.components as Json).responses.BadRequest;
    expect(add.responses['400']).toEqual({ $ref: '#/components/responses/BadRequest' });
    expect(badRequest.content['application/json'].schema.anyOf).toContainEqual({
      $ref: '#/components/schemas/FieldErrors',
    });
    const pub = doc.paths['/api/public/stem/project/']?.get as Record<string, Json>;
    expect(pub.responses['200'].content['application/json'].schema.properties.meta).toBeDefined();
  });

  it('describes the error bodies with the schemas of the description that writes them', () => {
    const schemas = (doc.components as Json).schemas;
    expect(schemas.Detail).toEqual(DETAIL_ERROR_SCHEMA);
    expect(schemas.FieldErrors).toEqual(FIELDS_ERROR_SCHEMA);
  });
});

describe('details schemas', () => {
  it('describes details payloads with the documented schemas when supplied', async () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:x',
      type: 'object',
      required: ['route'],
    };
    const withDetails = openApiDocument([
      {
        group: 'Procedure',
        page: 'api/schemas/procedure.md',
        selector: 'type',
        payload: 'details',
        models: [{ model: 'procedure', location: 'record' }],
        schemas: { Anesthesia: schema },
      },
      {
        group: 'SubjectLog',
        page: 'api/schemas/subjectlog.md',
        selector: 'type',
        payload: 'details',
        models: [{ model: 'subjectlog', location: 'entries' }],
        schemas: { Weighing: schema },
      },
    ]) as Json;
    const schemas = withDetails.components.schemas;
    expect(schemas['Details.Procedure.Anesthesia']).toEqual({ type: 'object', required: ['route'] });
    expect(schemas.procedure.properties.details.anyOf).toEqual([
      { $ref: '#/components/schemas/Details.Procedure.Anesthesia' },
    ]);
    expect((await new Validator().validate(withDetails)).valid).toBe(true);
  });

  it("names in a log-entry body the documented schemas of the log's type, as its route schema does", () => {
    const entry = (doc.components as Json).schemas['subjectlog.entry.add_entry'];
    expect(entry.properties.details.anyOf).toContainEqual({ $ref: '#/components/schemas/Details.SubjectLog.Weighing' });
    for (const { $ref } of entry.properties.details.anyOf) {
      expect((doc.components as Json).schemas[$ref.split('/').pop()], $ref).toBeDefined();
    }
  });
});

describe("parameters and request bodies are the routes' own schemas", () => {
  const apiRoutes = () => registeredRoutes(app).filter((r) => r.config.api !== undefined);
  const operationOf = (r: { method: string; url: string }) =>
    doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()] as Json;

  it('files the body schema each route validates with, the same object, as its request body', () => {
    const withBody = apiRoutes().filter((r) => (r.schema as Json)?.body !== undefined);
    expect(withBody.length).toBeGreaterThan(100);
    expect(withBody.filter((r) => (r.config.api as Json).shape === 'action').map((r) => r.url)).toEqual(
      expect.arrayContaining([
        '/api/private/modules/subjectlog/:id/add_entry',
        '/api/private/modules/procedurelog/:id/change_entry',
        '/api/private/modules/subjectlog/:id/remove_entry',
      ]),
    );
    for (const r of withBody) {
      const name = operationOf(r).requestBody.content['application/json'].schema.$ref.split('/').pop();
      expect((doc.components as Json).schemas[name], `${r.method} ${r.url}`).toBe((r.schema as Json).body);
    }
  });

  it('lists the path parameters each route validates with, the same schema objects', () => {
    const parameters = (doc.components as Json).parameters;
    const params = (p: Json) => (p.$ref ? parameters[p.$ref.split('/').pop()] : p);
    const withParams = apiRoutes().filter((r) => (r.schema as Json).params !== undefined);
    expect(withParams.length).toBeGreaterThan(100);
    for (const r of withParams) {
      const documented: Json[] = (operationOf(r).parameters ?? []).map(params);
      for (const [name, s] of Object.entries((r.schema as Json).params.properties)) {
        expect(documented.find((p) => p.name === name)?.schema, `${r.method} ${r.url} ${name}`).toBe(s);
      }
    }
  });

  it('documents on each list and detail only query parameters its route accepts, and every filter it documents', () => {
    const parameters = (doc.components as Json).parameters;
    const reads = apiRoutes().filter((r) => r.method === 'GET' && /^(list|detail)$/.test((r.config.api as Json).op));
    expect(reads.length).toBeGreaterThan(100);
    for (const r of reads) {
      const accepted = (r.schema as Json).querystring;
      const filter = new RegExp(Object.keys(accepted.patternProperties)[0] as string);
      const documented: string[] = (operationOf(r).parameters ?? [])
        .map((p: Json) => (p.$ref ? parameters[p.$ref.split('/').pop()] : p))
        .filter((p: Json) => p.in === 'query')
        .map((p: Json) => p.name);
      expect(documented.length, `${r.url}`).toBeGreaterThan(0);
      for (const name of documented) {
        expect(name in accepted.properties || filter.test(name), `${r.method} ${r.url} ${name}`).toBe(true);
      }
    }
  });
});

describe('/api/schema/', () => {
  it('serves the document as JSON', async () => {
    const r = await app.inject({ url: '/api/schema/' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/json/);
    expect(JSON.parse(r.body)).toEqual(doc);
  });

  it('serves it as YAML with ?format=yaml', async () => {
    const r = await app.inject({ url: '/api/schema/?format=yaml' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/yaml/);
    expect(parse(r.body)).toEqual(doc);
  });
});

describe('coverage: the document and the router agree', () => {
  it('describes every API route the server registers', () => {
    const served = registeredRoutes(app)
      .filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD' && r.method !== 'OPTIONS')
      .filter((r) => !r.config.unrouted && !r.config.undocumented)
      .map((r) => `${r.method} ${openApiPath(r.url)}`);
    expect(served.length).toBeGreaterThan(300);
    const described = new Set(documented());
    expect(served.filter((s) => !described.has(s))).toEqual([]);
    expect(new Set(served).size).toBe(described.size);
  });

  it('every described path and method is answered by a route (not the router 404/405)', async () => {
    const unanswered: string[] = [];
    for (const op of documented()) {
      const [method, path] = op.split(' ') as [string, string];
      const url = path.replace(
        /\{id\}/,
        /\/users\/(user|group)\//.test(path) ? '999999' : '00000000-0000-4000-8000-000000000000',
      );
      const r = await app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${DEMO_USERS.reviewer.token}`, 'content-type': 'application/json' },
        payload: method === 'GET' || method === 'DELETE' ? undefined : '{}',
      });
      const routed = r.statusCode !== 405 && (r.statusCode !== 404 || JSON.parse(r.body).detail === 'Not found.');
      if (!routed) unanswered.push(`${op} → ${r.statusCode} ${r.body}`);
    }
    expect(unanswered).toEqual([]);
  });
});
