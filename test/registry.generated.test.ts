// The committed registry (packages/api-description/src/registry/models.ts) is generated: rendering the spec and the
// overlay again in memory must give the committed file byte for byte, so `npm run gen:registry` never loses an edit.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the generator is plain JavaScript without type declarations
import { REGISTRY_FILE, readSpec, renderRegistry, SPEC_FILE } from '../scripts/gen-registry.mjs';

describe.skipIf(!existsSync(SPEC_FILE) && !process.env.CI)('registry generated from the spec and the overlay', () => {
  it('is the committed models.ts byte for byte (edit scripts/registry-overlay.mjs, run `npm run gen:registry`)', () => {
    expect(readFileSync(REGISTRY_FILE, 'utf8')).toBe(renderRegistry(readSpec()));
  });
});
