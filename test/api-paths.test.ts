/** The URL layout of the API description: building a path from its parts and reading the parts back. */
import {
  apiPath,
  DEFAULT_PORTAL,
  findApiPath,
  MODELS,
  type ModelSpec,
  modelPath,
  PORTALS,
  parseApiPath,
  portalProblem,
  portalValueProblem,
} from 'brainstem-api-description';
import * as registry from 'brainstem-api-tools/registry';
import { describe, expect, it } from 'vitest';

describe('apiPath', () => {
  it('writes each part followed by a slash, id and action percent-encoded', () => {
    expect(apiPath({ portal: 'public' })).toBe('/api/public/');
    expect(apiPath({ portal: 'private', app: 'stem' })).toBe('/api/private/stem/');
    expect(apiPath({ portal: 'private', app: 'modules', model: 'subjectlog', id: 'a b/c', action: 'add_entry' })).toBe(
      '/api/private/modules/subjectlog/a%20b%2Fc/add_entry/',
    );
  });

  it('refuses a part without the ones before it, naming both', () => {
    expect(() => apiPath({ portal: 'private', model: 'session' })).toThrow('`model` needs `app` before it');
    expect(() => apiPath({ portal: 'private', app: 'stem', model: 'session', action: 'x' })).toThrow(
      '`action` needs `id` before it',
    );
  });
});

describe('parseApiPath', () => {
  it('reads back every model path modelPath builds, on every portal, with ids and actions', () => {
    const wrong: string[] = [];
    for (const m of MODELS as readonly ModelSpec[]) {
      for (const portal of PORTALS) {
        for (const [id, action] of [
          [undefined, undefined],
          ['id with/slash', undefined],
          ['7', 'add_entry'],
        ]) {
          const path = modelPath(m, { portal, ...(id ? { id } : {}), ...(action ? { action } : {}) });
          const expected = { portal, app: m.app, model: m.name, ...(id ? { id } : {}), ...(action ? { action } : {}) };
          if (JSON.stringify(parseApiPath(path)) !== JSON.stringify(expected)) wrong.push(path);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('takes absolute URLs and ignores the query and fragment', () => {
    expect(parseApiPath('https://www.brainstem.org/api/public/stem/session/?limit=5#x')).toEqual({
      portal: 'public',
      app: 'stem',
      model: 'session',
    });
  });

  it('answers undefined for paths outside the portals and for paths longer than the layout', () => {
    expect(parseApiPath('/api/auth/whoami/')).toBeUndefined();
    expect(parseApiPath('/api/')).toBeUndefined();
    expect(parseApiPath('/private/users/tokens/')).toBeUndefined();
    expect(parseApiPath('/api/private/stem/session/1/add_entry/extra/')).toBeUndefined();
    expect(parseApiPath('/api/private/stem/session/%E0%A4%A/')).toBeUndefined();
  });
});

describe('findApiPath', () => {
  it('finds the API path under a base path and reads it as parseApiPath does', () => {
    expect(findApiPath('https://host/prefix/api/public/stem/session/7/?limit=5')).toEqual({
      portal: 'public',
      app: 'stem',
      model: 'session',
      id: '7',
    });
    expect(findApiPath('/a/api/b/api/private/')).toEqual({ portal: 'private' });
    expect(findApiPath('https://www.brainstem.org/api/private/stem/session/')).toEqual(
      parseApiPath('https://www.brainstem.org/api/private/stem/session/'),
    );
  });

  it('finds nothing outside the portals or in the query', () => {
    expect(findApiPath('https://host/prefix/api/auth/whoami/')).toBeUndefined();
    expect(findApiPath('https://host/api/docs/?next=/api/private/stem/')).toBeUndefined();
    expect(findApiPath('')).toBeUndefined();
  });
});

describe('the default portal', () => {
  it('is the portal of a path or check that names none', () => {
    const session = MODELS.find((m) => m.name === 'session') as ModelSpec;
    expect(PORTALS).toContain(DEFAULT_PORTAL);
    expect(modelPath(session)).toBe(modelPath(session, { portal: DEFAULT_PORTAL }));
    for (const left of [undefined, null]) {
      expect(portalValueProblem(left)).toBeUndefined();
      expect(portalProblem(session, left, 'add')).toEqual(portalProblem(session, DEFAULT_PORTAL, 'add'));
    }
  });

  it('is one of the portals a wrong portal value is told to use', () => {
    for (const portal of PORTALS) expect(portalValueProblem(portal)).toBeUndefined();
    expect(portalValueProblem('shared')).toBe('portal must be "private" or "public", got "shared"');
    expect(portalValueProblem(7)).toBe('portal must be "private" or "public", got 7');
  });
});

describe('the registry entry', () => {
  it('exports the same modelPath as the description', () => {
    expect(registry.modelPath).toBe(modelPath);
    expect(registry.modelPath('session', { portal: 'public' })).toBe('/api/public/stem/session/');
  });
});
