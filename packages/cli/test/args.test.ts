import { InvalidArgumentError } from 'brainstem-api-tools';
import { describe, expect, it } from 'vitest';
import { filtersArg, formatArg, intArg, listArg, modelArg, secondsArg } from '../src/args.js';
import { readData } from '../src/data.js';
import { memoryIo } from './helpers.js';

describe('arguments', () => {
  it("resolves a model name or alias with the client's check, which names the closest valid names", () => {
    expect(() => modelArg('sesion')).toThrow(InvalidArgumentError);
    expect(() => modelArg('sesion')).toThrow(/unknown model `sesion`; did you mean `session`\?/);
    expect(modelArg('project_membership_invitation').name).toBe('projectmembershipinvitation');
    expect(modelArg('session').listKey).toBe('sessions');
  });

  it('parses FIELD=VALUE filters, keeping "=" in values', () => {
    expect(filtersArg(['name.icontains=rat', 'description=a=b'])).toEqual({
      'name.icontains': 'rat',
      description: 'a=b',
    });
    expect(() => filtersArg(['oops'])).toThrow(/--filters: "oops" is not FIELD=VALUE/);
    expect(filtersArg([])).toBeUndefined();
  });

  it('splits repeated and comma lists', () => {
    expect(listArg(['-name,created', 'id'])).toEqual(['-name', 'created', 'id']);
  });

  it('checks integers, seconds and formats', () => {
    expect(intArg('--limit', '20', 1, 100)).toBe(20);
    expect(() => intArg('--limit', '101', 1, 100)).toThrow(/--limit must be between 1 and 100/);
    expect(() => intArg('--limit', 'x', 1)).toThrow(/--limit must be an integer/);
    expect(secondsArg('--timeout', '1.5')).toBe(1500);
    expect(() => secondsArg('--timeout', '0')).toThrow(/--timeout/);
    expect(formatArg(undefined)).toBe('json');
    expect(() => formatArg('xml')).toThrow(/--format must be one of json, ndjson, csv, table/);
  });
});

describe('--data', () => {
  it('reads inline JSON, stdin and files', async () => {
    const { io } = memoryIo({ stdin: '[{"name":"a"},{"name":"b"}]' });
    expect(await readData('{"name":"x"}', io)).toEqual({ name: 'x' });
    expect(await readData('-', io)).toEqual([{ name: 'a' }, { name: 'b' }]);
    await expect(readData('@/nonexistent/file.json', io)).rejects.toThrow(
      /--data @\/nonexistent\/file.json: cannot read file \(ENOENT\)/,
    );
  });

  it('names the problem with bad JSON', async () => {
    const { io } = memoryIo({ stdin: '' });
    await expect(readData('{nope', io)).rejects.toThrow(/--data: invalid JSON in the argument/);
    await expect(readData('42', io)).rejects.toThrow(/expected a JSON object or an array of objects/);
    await expect(readData('[1]', io)).rejects.toThrow(/item 0 in the argument is not a JSON object/);
    await expect(readData('[]', io)).rejects.toThrow(/empty/);
    await expect(readData('-', io)).rejects.toThrow(/no JSON in stdin/);
  });
});
