// The API rules the registry owns besides the model rows: ids, loopback hosts, the response envelope, page
// sizes, and the names a query may use.
import { describe, expect, it } from 'vitest';
import {
  filterKeyProblem,
  getModel,
  idKind,
  idProblem,
  includeProblem,
  isLoopback,
  pageSizeProblem,
  portalProblem,
  sortKeyProblem,
  stripEnvelope,
  unwrapDetail,
  unwrapList,
  wrapDetail,
  wrapList,
} from '../packages/api-description/src/index.js';

describe('registry rules', () => {
  it('knows id kinds from the id field', () => {
    expect(idKind('user')).toBe('integer');
    expect(idKind('group')).toBe('integer');
    expect(idKind('session')).toBe('uuid');
    expect(idProblem('group', 7)).toBeUndefined();
    expect(idProblem('session', '3FA85F64-5717-4562-B3FC-2C963F66AFA6')).toBeUndefined();
    expect(idProblem('session', '../x')).toMatch(/session id must be a UUID/);
    expect(idProblem('user', '0')).toMatch(/positive integers/);
  });

  it('treats 127.0.0.0/8, ::1 and localhost as loopback, and nothing that merely starts with 127.', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', 'api.localhost', '::1', '[::1]', 'LOCALHOST']) {
      expect(isLoopback(h), h).toBe(true);
    }
    for (const h of ['127.example.org', '127.0.0.256', '0.0.0.0', '192.168.1.5', 'example.org', '::2']) {
      expect(isLoopback(h), h).toBe(false);
    }
  });

  it('reads list bodies tolerantly and builds them back', () => {
    const session = getModel('session');
    expect(unwrapList(session, { sessions: [{ id: 'a' }], count: 7, next: 'u', previous: null })).toMatchObject({
      count: 7,
      hasNext: true,
    });
    expect(unwrapList(session, { sessions: [], meta: { total_results: 3 } })).toMatchObject({ count: 3 });
    expect(unwrapList(session, { sessions: [] })).toMatchObject({ count: undefined, hasNext: undefined });
    expect(unwrapList(session, { projects: [] })).toBeUndefined();
    expect(wrapList(session, [], { count: 0 })).toEqual({ sessions: [], count: 0 });
    expect(wrapDetail(getModel('dataacquisition'), { id: 'x' })).toEqual({ data_acquisition: { id: 'x' } });
    expect(unwrapDetail(getModel('species'), { species_approval: { id: 'x' } })?.key).toBe('species_approval');
    expect(stripEnvelope(session, { sessions: [], count: 1, next: null, description: 'd' })).toEqual({
      description: 'd',
    });
  });

  it('limits page sizes to 1..100', () => {
    expect(pageSizeProblem(100)).toBeUndefined();
    expect(pageSizeProblem(101)).toMatch(/from 1 to 100/);
    expect(pageSizeProblem(0, 'pageSize')).toMatch(/^pageSize/);
  });

  it('says which portal or operation is wrong', () => {
    expect(portalProblem(getModel('session'), 'public', 'add')?.what).toBe('portal');
    expect(portalProblem(getModel('projectmembershipinvitation'), 'private', 'add')?.what).toBe('model');
    expect(portalProblem(getModel('session'), undefined, 'list')).toBeUndefined();
  });

  it('checks query names, following relation paths and keeping ids and timestamps', () => {
    const session = getModel('session');
    for (const ok of [
      'name',
      'name.icontains',
      'projects',
      'projects.id',
      'projects.id.in',
      'projects.name.istartswith',
      'tags',
      'created_date.gte',
      'pk',
      'id.in',
    ]) {
      expect(filterKeyProblem(session, ok), ok).toBeUndefined();
    }
    expect(filterKeyProblem(session, 'nme.icontains')).toBe('unknown field `nme` on session; did you mean `name`?');
    expect(filterKeyProblem(session, 'projects.nmae')).toMatch(/unknown field `nmae` on project; did you mean `name`/);
    expect(filterKeyProblem(session, 'name.icontian')).toMatch(
      /unknown operator `icontian` for session.name; did you mean `icontains`/,
    );
    expect(filterKeyProblem(session, 'extra_fields')).toMatch(/cannot be filtered on \(json\)/);
    expect(filterKeyProblem(getModel('breeding'), 'litter_size.icontains')).toMatch(/does not apply/);
    expect(sortKeyProblem(session, '-created_date')).toBeUndefined();
    expect(sortKeyProblem(getModel('behavior'), 'session.name')).toBeUndefined();
    expect(sortKeyProblem(session, '-nam')).toBe('unknown sort field `nam` on session; did you mean `name`?');
    expect(sortKeyProblem(session, 'tags')).toMatch(/cannot be sorted on/);
    expect(includeProblem(getModel('project'), 'sessions.*')).toBeUndefined();
    expect(includeProblem(getModel('project'), 'sessions.behaviors')).toBeUndefined();
    expect(includeProblem(getModel('project'), 'projectz')).toMatch(/^unknown relation `projectz` on project/);
  });
});
