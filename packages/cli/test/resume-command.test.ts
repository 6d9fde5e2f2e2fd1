// The command printed to fetch the rest of a stopped `load --all`: the user's own command line with --offset set,
// --token left out, every word quoted so that a POSIX shell reads it back as given.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { resumeCommand } from '../src/resume.js';

/** The words a shell makes of a command line (printed one per line by printf). */
function shellWords(line: string): string[] {
  const r = spawnSync('/bin/sh', ['-c', `printf '%s\\n' ${line}`], { encoding: 'utf8' });
  return r.stdout.split('\n').slice(0, -1);
}

describe('resume command', () => {
  it('sets --offset after --all, replacing one given in either spelling', () => {
    expect(resumeCommand(['load', 'session', '--all', '--offset', '5', '--format', 'ndjson'], 200).command).toBe(
      'brainstem load session --all --offset 200 --format ndjson',
    );
    expect(resumeCommand(['load', 'session', '-a', '--offset=5'], 300).command).toBe(
      'brainstem load session -a --offset 300',
    );
  });

  it('leaves out --token and its value, and says it did', () => {
    for (const argv of [
      ['load', 'session', '--all', '--token', 'secret'],
      ['load', 'session', '--all', '--token=secret'],
    ]) {
      const r = resumeCommand(argv, 10);
      expect(r.command).not.toContain('secret');
      expect(r.command).not.toContain('--token');
      expect(r.hadSecret).toBe(true);
    }
    expect(resumeCommand(['load', 'session', '--all'], 10).hadSecret).toBe(false);
  });

  it('quotes words so the shell reads them back unchanged', () => {
    const argv = ['load', 'session', '--all', '--filters', "name.icontains=rat's cage", 'description=a b', '--', 'x'];
    const { command } = resumeCommand(argv, 7);
    expect(shellWords(command)).toEqual([
      'brainstem',
      'load',
      'session',
      '--all',
      '--offset',
      '7',
      '--filters',
      "name.icontains=rat's cage",
      'description=a b',
      '--',
      'x',
    ]);
  });
});
