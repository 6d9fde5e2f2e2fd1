// The committed generated types must be exactly what the registry renders to.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  closestModels,
  findModel,
  getModel,
  MODEL_NAMES,
  modelPath,
} from '../packages/api-description/src/registry/index.js';
import {
  ACTION_METHODS_FILE,
  LOADER_METHODS_FILE,
  MODEL_NAMES_FILE,
  renderActionMethods,
  renderLoaderMethods,
  renderModelNames,
  renderTypes,
  TYPES_FILE,
} from '../scripts/gen-types.js';

describe('registry', () => {
  it('generated types are in sync (run `npm run gen:types` after editing the registry)', () => {
    expect(readFileSync(TYPES_FILE, 'utf8')).toBe(renderTypes());
    expect(readFileSync(MODEL_NAMES_FILE, 'utf8')).toBe(renderModelNames());
    expect(readFileSync(LOADER_METHODS_FILE, 'utf8')).toBe(renderLoaderMethods());
    expect(readFileSync(ACTION_METHODS_FILE, 'utf8')).toBe(renderActionMethods());
  });

  it('resolves aliases and suggests the closest names for typos', () => {
    expect(findModel('project_membership_invitation')?.name).toBe('projectmembershipinvitation');
    expect(getModel('dataacquisition').listKey).toBe('data_acquisitions');
    expect(getModel('consumablestock').listKey).toBe('consumable stocks');
    expect(closestModels('sesion')[0]).toBe('session');
    expect(() => getModel('sesion')).toThrow(/unknown model `sesion`; did you mean `session`/);
    expect(MODEL_NAMES).toHaveLength(49);
  });

  it('builds the documented URL layout with trailing slashes', () => {
    expect(modelPath('session')).toBe('/api/private/stem/session/');
    expect(modelPath('project', { portal: 'public', id: 'abc' })).toBe('/api/public/stem/project/abc/');
    expect(modelPath('subjectlog', { id: 'x', action: 'add_entry' })).toBe(
      '/api/private/modules/subjectlog/x/add_entry/',
    );
  });

  it('carries the Python v2 loader table', () => {
    expect(getModel('project').loader).toEqual({
      includes: ['sessions', 'subjects', 'collections', 'cohorts'],
      filters: { name: 'name.icontains', sessions: 'sessions.id', subjects: 'subjects.id', tags: 'tags' },
    });
    expect(getModel('session').loader?.includes).toEqual(['dataacquisition', 'behaviors', 'manipulations', 'epochs']);
    expect(getModel('strain').loader?.filters).toEqual({ name: 'name.icontains', species: 'species.id' });
  });
});
