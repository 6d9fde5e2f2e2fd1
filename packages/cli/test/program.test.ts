import { describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS, commandsToDefine } from '../src/program.js';
import { memoryIo } from './helpers.js';

describe('lazy commands', () => {
  it('defines in full only the command a command line runs', () => {
    expect(commandsToDefine(['load', 'session'])).toEqual(['load']);
    expect(commandsToDefine(['--url', 'http://h/', '-q', 'load', 'session'])).toEqual(['load']);
    expect(commandsToDefine(['help', 'save'])).toEqual(['save']);
    expect(commandsToDefine(['delete', '--help'])).toEqual(['delete']);
    expect(commandsToDefine(['--help'])).toEqual([]);
    expect(commandsToDefine(['lod'])).toEqual([]);
    expect(commandsToDefine(['completion', 'bash'])).toEqual(COMMANDS.map((c) => c.name));
  });

  it("the command table's arguments and descriptions are those of the full definitions", async () => {
    const ctx = { io: memoryIo().io, signal: new AbortController().signal };
    const program = await buildProgram(ctx, ['completion']);
    for (const entry of COMMANDS) {
      const cmd = program.commands.find((c) => c.name() === entry.name);
      expect(cmd, entry.name).toBeDefined();
      const args = cmd?.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)) ?? [];
      const options = cmd?.options.length ? ['[options]'] : [];
      expect([...options, ...args].join(' '), entry.name).toBe(entry.usage);
      expect(cmd?.description(), entry.name).toBe(entry.description);
    }
  });
});
