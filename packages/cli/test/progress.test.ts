import { describe, expect, it } from 'vitest';
import { ProgressBar, progressEnabled } from '../src/progress.js';
import { memoryIo } from './helpers.js';

describe('progress bar', () => {
  it('draws only on a terminal and not with --quiet', () => {
    expect(progressEnabled(memoryIo({ stderrTTY: true }).io, false)).toBe(true);
    expect(progressEnabled(memoryIo({ stderrTTY: false }).io, false)).toBe(false);
    expect(progressEnabled(memoryIo({ stderrTTY: true }).io, true)).toBe(false);
    expect(progressEnabled(memoryIo({ stderrTTY: true, env: { TERM: 'dumb' } }).io, false)).toBe(false);
  });

  it('shows fetched/total, percent and rate, then erases itself', () => {
    let now = 0;
    const m = memoryIo({ stderrTTY: true });
    const bar = new ProgressBar(m.io, { label: 'sessions', enabled: true, now: () => now, width: 10 });
    now = 2000;
    bar.update({ loaded: 500, total: 1000 });
    expect(bar.render(2000)).toBe('sessions ▕█████░░░░░▏ 500/1,000  50%  250 rec/s');
    expect(m.stderr()).toContain('500/1,000');
    bar.done();
    expect(m.stderr().endsWith('\r\x1b[K')).toBe(true);
  });

  it('shows a count when the total is unknown and throttles redraws', () => {
    let now = 0;
    const m = memoryIo({ stderrTTY: true });
    const bar = new ProgressBar(m.io, { label: 'x', enabled: true, now: () => now });
    now = 1000;
    bar.update({ loaded: 10 });
    now = 1010;
    bar.update({ loaded: 20 });
    expect(m.stderr().match(/\r/g)).toHaveLength(1);
    expect(bar.render(1000)).toBe('x 20 records  20 rec/s');
  });

  it('writes nothing when disabled', () => {
    const m = memoryIo();
    const bar = new ProgressBar(m.io, { label: 'x', enabled: false });
    bar.update({ loaded: 1, total: 2 });
    bar.done();
    expect(m.stderr()).toBe('');
  });
});
