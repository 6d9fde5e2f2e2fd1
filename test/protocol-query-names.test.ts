// The query-name resolver answers the path a filter, sort key or include takes — hops, final field, operator,
// direction — or one problem; the id grammar parses an id to the key it names or says why it is none.
import { describe, expect, it } from 'vitest';
import {
  getModel,
  includeProblem,
  MAX_INCLUDE_DEPTH,
  parseId,
  resolveFilter,
  resolveInclude,
  resolveSort,
} from '../packages/api-description/src/index.js';

const hopsOf = (hops: readonly { model: { name: string }; field: { name: string } }[] | undefined) =>
  hops?.map((h) => `${h.model.name}.${h.field.name}`);

describe('query-name resolver', () => {
  it('resolves a filter through relations to the final field and operator', () => {
    const r = resolveFilter(getModel('behavior'), 'session.projects.name.istartswith');
    expect(hopsOf(r.path?.hops)).toEqual(['behavior.session', 'session.projects']);
    expect([r.path?.model.name, r.path?.field.name, r.path?.operator]).toEqual(['project', 'name', 'istartswith']);
  });

  it('reads `id` and `pk` after a relation as the relation itself', () => {
    for (const key of ['projects', 'projects.id', 'projects.pk']) {
      const r = resolveFilter(getModel('session'), `${key}.in`);
      expect([r.path?.hops.length, r.path?.field.name, r.path?.operator], key).toEqual([0, 'projects', 'in']);
    }
    expect(resolveSort(getModel('behavior'), 'session.id').path?.hops).toEqual([]);
  });

  it('resolves a sort key to its direction and at most one hop', () => {
    const r = resolveSort(getModel('behavior'), '-session.name');
    expect([r.path?.direction, hopsOf(r.path?.hops), r.path?.field.name]).toEqual([
      'desc',
      ['behavior.session'],
      'name',
    ]);
    expect(resolveSort(getModel('behavior'), 'session.subject.name').problem).toMatch(/more than one relation deep/);
    expect(resolveSort(getModel('behavior'), 'session.tags').problem).toBe(
      'field `tags` of session cannot be sorted on (list_of_strings)',
    );
  });

  it('resolves includes to their tree position, at most MAX_INCLUDE_DEPTH deep, never into epochs', () => {
    const r = resolveInclude(getModel('project'), 'sessions.projects');
    expect(r.path?.hops.map((h) => h.path)).toEqual(['sessions', 'sessions.projects']);
    // One `.*` is the wire's suffix, dropped before resolving; a second is a `*` segment, no relation.
    expect(includeProblem(getModel('project'), 'sessions.projects.*')).toBeUndefined();
    expect(includeProblem(getModel('project'), 'sessions.*.*')).toMatch(/`sessions\.\*` is not a relation path/);
    expect(MAX_INCLUDE_DEPTH).toBe(3);
    expect(resolveInclude(getModel('project'), 'sessions.projects.sessions.projects').problem).toBe(
      'includes nest at most 3 relations deep (this one is 4)',
    );
    expect(resolveInclude(getModel('session'), 'epochs').path?.hops[0]?.target).toBeUndefined();
    expect(resolveInclude(getModel('session'), 'epochs.x').problem).toBe(
      'relation `epochs` of session leads to epoch, which has no endpoint: it can be included but not nested into',
    );
    expect(resolveInclude(getModel('session'), '*').problem).toMatch(/is not a relation path/);
  });
});

describe('id grammar', () => {
  it('parses integer ids without sign, leading zero or more than 16 digits', () => {
    expect(parseId('user', '7')).toEqual({ id: 7 });
    expect(parseId('user', 7)).toEqual({ id: 7 });
    for (const bad of ['0', '01', '007', '-1', '1.5', '12345678901234567', 7.5]) {
      expect(parseId('user', bad).problem, String(bad)).toMatch(
        /^user ids are positive integers without leading zeros/,
      );
    }
  });

  it('parses UUIDs to lower case and refuses integers for UUID models', () => {
    expect(parseId('session', '3FA85F64-5717-4562-B3FC-2C963F66AFA6')).toEqual({
      id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
    });
    expect(parseId('session', '7').problem).toMatch(/^session id must be a UUID/);
  });
});
