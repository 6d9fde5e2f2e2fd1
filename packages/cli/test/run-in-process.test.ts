// run(): the CLI in-process, with the streams it is given; it returns the exit code instead of exiting.
import { describe, expect, it } from 'vitest';
import { run } from '../src/run.js';
import { memoryIo } from './helpers.js';

describe('in-process entry point', () => {
  it('run() returns exit codes and writes to the given streams', async () => {
    const m = memoryIo();
    expect(await run(['models', 'session', '--format', 'json'], m.io, new AbortController().signal)).toBe(0);
    expect(JSON.parse(m.stdout()).name).toBe('session');
    const bad = memoryIo();
    expect(await run(['models', 'sesion'], bad.io, new AbortController().signal)).toBe(2);
    expect(bad.stderr()).toMatch(/unknown model `sesion`; did you mean `session`/);
  });
});
