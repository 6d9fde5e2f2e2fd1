// Holds the committed details schemas (packages/api-description/src/schemas/*.json) to the docs' schema pages: the
// generator re-run in memory must give the same files, and every governed model's selector enum in the registry
// must list exactly the documented schema types.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getModel } from '../packages/api-description/src/registry/index.js';
import { detailsSchemaFor, detailsTypes, SCHEMA_GROUPS } from '../packages/api-description/src/schemas/index.js';
// @ts-expect-error the generator is plain JavaScript without type declarations
import { DETAILS_TYPES_FILE, renderDetailsTypes, renderSchemas, SCHEMAS_DIR } from '../scripts/gen-schemas.mjs';
import { docsAvailable } from './docs-parser.js';

describe.skipIf(!docsAvailable && !process.env.CI)('details schemas match ../shared/brainstem-docs/api/schemas', () => {
  it('generated JSON files are in sync (run `npm run gen:schemas` after the docs change)', () => {
    const rendered = renderSchemas() as Record<string, string>;
    const committed = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.json'));
    expect(committed.sort()).toEqual(Object.keys(rendered).sort());
    for (const [file, text] of Object.entries(rendered)) {
      expect(readFileSync(join(SCHEMAS_DIR, file), 'utf8'), file).toBe(text);
    }
    expect(readFileSync(DETAILS_TYPES_FILE, 'utf8')).toBe(renderDetailsTypes());
  });
});

describe('details schemas', () => {
  it('cover every documented page, and each governed selector enum in the registry names exactly its types', () => {
    expect(SCHEMA_GROUPS.map((g) => g.group)).toEqual([
      'ConsumableStock',
      'Coordinates',
      'DataAcquisition',
      'Equipment',
      'Manipulation',
      'Procedure',
      'ProcedureLog',
      'SubjectLog',
    ]);
    for (const g of SCHEMA_GROUPS) {
      for (const { model } of g.models) {
        const selector = getModel(model).fields.find((f) => f.name === g.selector);
        expect(selector?.enum, `${model}.${g.selector}`).toEqual(Object.keys(g.schemas));
      }
    }
    expect(SCHEMA_GROUPS.reduce((n, g) => n + Object.keys(g.schemas).length, 0)).toBe(179);
  });

  it('say where the governed field lives: on the record, or on log entries', () => {
    expect(SCHEMA_GROUPS.find((g) => g.group === 'Coordinates')?.models).toEqual([
      { model: 'procedure', location: 'record' },
      { model: 'equipment', location: 'record' },
    ]);
    expect(SCHEMA_GROUPS.find((g) => g.group === 'SubjectLog')?.models).toEqual([
      { model: 'subjectlog', location: 'entries' },
    ]);
  });

  it('look up a schema by model and type, with version, required fields and numberUnit objects', () => {
    const s = detailsSchemaFor('procedure', 'Anesthesia');
    expect(s?.['x-version']).toBe('1.1.0');
    expect(s?.required).toEqual(['anestheticAgent', 'route']);
    expect(s?.properties?.duration).toMatchObject({
      type: 'object',
      format: 'numberUnit',
      required: ['value', 'unit'],
      properties: { value: { type: 'number' }, unit: { enum: ['h', 'min', 's', 'ms', 'µs'] } },
      default: { unit: 'min' },
    });
    expect(detailsSchemaFor('procedure', 'toString')).toBeUndefined();
    expect(detailsSchemaFor('session', 'Anesthesia')).toBeUndefined();
    expect(detailsSchemaFor('equipment', 'CCF_XYZ_Absolute', 'coordinates_details')?.title).toMatch(
      /Common Coordinate/,
    );
    expect(detailsSchemaFor('manipulation', 'AuditoryStimulation')?.type).toBe('array');
    expect(detailsTypes('procedurelog').map((t) => `${t.type}@${t.version}`)).toEqual([
      'Impedances@1.0.1',
      'LinearDisplacement@1.1.0',
      'Tetrodes4@1.1.0',
      'Tetrodes8@1.1.0',
    ]);
    expect(detailsTypes('session')).toEqual([]);
  });
});
