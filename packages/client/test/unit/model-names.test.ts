// Model names known only at run time (a command line, a spreadsheet): narrowed by the registry before use.
import { describe, expect, it } from 'vitest';
import { isModelName, MODEL_NAMES, modelHasAction, toModelName } from '../../src/index.js';

describe('model names from outside the code', () => {
  it('isModelName accepts exactly the URL names', () => {
    for (const name of MODEL_NAMES) expect(isModelName(name)).toBe(true);
    expect(isModelName('Session')).toBe(false);
    expect(isModelName('sesion')).toBe(false);
    expect(isModelName(7)).toBe(false);
  });

  it('toModelName resolves aliases and case to the URL name', () => {
    expect(toModelName('Session')).toBe('session');
    expect(toModelName('project_membership_invitation')).toBe('projectmembershipinvitation');
    expect(toModelName('sesion')).toBeUndefined();
  });

  it('modelHasAction follows the registry action rows', () => {
    expect(modelHasAction('subjectlog', 'add_entry')).toBe(true);
    expect(modelHasAction('groupmembershiprequest', 'cancel')).toBe(true);
    expect(modelHasAction('session', 'add_entry')).toBe(false);
    expect(modelHasAction('nope', 'join')).toBe(false);
  });
});
