// Every convenience-loader row is held to its model: its named filters and default includes must name real
// fields and relations, and a model's `name`/`tags` field must be offered as a named filter. A deliberate
// exception is listed in docs/api-decisions.md ("Convenience loaders") as "Loader exception `model.filter`: reason".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getModel, LOADER_MODELS, loaderProblems } from '../packages/api-description/src/registry/index.js';

const decisions = readFileSync(new URL('../docs/api-decisions.md', import.meta.url), 'utf8');
/** `model.filter` → reason, from the decisions file. */
const EXCEPTIONS = new Map(
  [...decisions.matchAll(/Loader exception `([a-z_]+\.[a-z_]+)`\*{0,2}:\s*(\S[^\n]*)/g)].map((m) => [
    m[1] as string,
    m[2] as string,
  ]),
);

function excepted(problem: string): boolean {
  return [...EXCEPTIONS.keys()].some((key) => {
    const [model, filter] = key.split('.');
    return problem.startsWith(`${model} `) && problem.includes(`\`${filter}\``);
  });
}

describe('convenience loaders', () => {
  it('name only fields their models have, and offer every name/tags field', () => {
    const problems = LOADER_MODELS.flatMap((m) => loaderProblems(m)).filter((p) => !excepted(p));
    expect(problems).toEqual([]);
  });

  it('every listed exception gives a reason', () => {
    for (const [key, reason] of EXCEPTIONS) expect(reason.length, key).toBeGreaterThan(10);
  });

  it('flags a loader filter on a field the model lacks and a name field the loader does not offer', () => {
    const behavior = getModel('behavior');
    const withTags = { ...behavior, loader: { includes: [], filters: { session: 'session.id', tags: 'tags' } } };
    expect(loaderProblems(withTags)).toEqual([
      expect.stringMatching(/^behavior loader filter `tags` → `tags`: unknown field `tags` on behavior/),
    ]);
    const species = getModel('species');
    expect(loaderProblems({ ...species, loader: { includes: [], filters: {} } })).toEqual([
      'species has a `name` field its loader does not offer as a named filter',
    ]);
    const project = getModel('project');
    expect(loaderProblems({ ...project, loader: { includes: ['sesions'], filters: project.loader!.filters } })).toEqual(
      [
        expect.stringMatching(
          /^project loader include `sesions`: unknown relation `sesions` on project; did you mean `sessions`/,
        ),
      ],
    );
  });

  it('the decisions file counts the loaders without `tags` as the registry does, and names only such models', () => {
    const section = decisions.slice(decisions.indexOf('## Convenience loaders'));
    const counted = /of the (\d+) loaders, (\d+) have no `tags`\s+filter/.exec(section);
    expect(counted, 'the sentence "of the N loaders, M have no `tags` filter"').not.toBeNull();
    const withoutTags = LOADER_MODELS.filter((m) => !('tags' in m.loader!.filters));
    expect(Number(counted![1])).toBe(LOADER_MODELS.length);
    expect(Number(counted![2])).toBe(withoutTags.length);
    const first = section.indexOf('\n- ');
    const paragraph = section.slice(first, section.indexOf('\n- ', first + 1));
    const named = [...paragraph.matchAll(/`load_([a-z]+)`/g)].map((m) => m[1] as string);
    expect(named.length).toBeGreaterThan(0);
    for (const model of named) expect(withoutTags.map((m) => m.name)).toContain(model);
  });

  it('keeps the Python v2 named filters on models that have those fields', () => {
    expect(getModel('behavior').loader?.filters).toEqual({ session: 'session.id' });
    expect(getModel('procedure').loader?.filters).toEqual({ subject: 'subject.id' });
    expect(getModel('session').loader?.filters).toMatchObject({ name: 'name.icontains', tags: 'tags' });
  });
});
