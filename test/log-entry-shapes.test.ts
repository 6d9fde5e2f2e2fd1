// A log entry is instantaneous or, for the log types the docs list under "Interval entries", an interval; the API
// description's entry shapes say which, and which fields each entry action must send.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  entryRequiredFields,
  entryShapeOf,
  entryShapes,
  entryTimes,
} from '../packages/api-description/src/protocol/log-entries.js';
import { getField, getModel } from '../packages/api-description/src/registry/index.js';
import { DOCS_DIR, docsAvailable } from './docs-parser.js';

describe('log entry shapes', () => {
  it('gives subject logs both shapes and procedure logs instantaneous entries only', () => {
    expect(entryShapes(getModel('subjectlog'))).toEqual(['instantaneous', 'interval']);
    expect(entryShapes(getModel('procedurelog'))).toEqual(['instantaneous']);
    expect(entryShapeOf(getModel('procedurelog'), 'Impedances')).toBe('instantaneous');
  });

  it('makes every subject-log type an interval exactly when the registry lists it as one', () => {
    const types = getField('subjectlog', 'type')?.enum ?? [];
    const intervals = types.filter((t) => entryShapeOf(getModel('subjectlog'), t) === 'interval');
    expect(intervals.sort()).toEqual([...(getField('subjectlog', 'type')?.intervalTypes ?? [])].sort());
    expect(intervals.length).toBeGreaterThan(0);
    expect(intervals.length).toBeLessThan(types.length);
  });

  it('requires the entry key, and the end of a new interval', () => {
    expect(entryTimes('instantaneous')).toEqual({ key: 'date_time', end: undefined });
    expect(entryRequiredFields('instantaneous', 'add_entry')).toEqual(['date_time']);
    expect(entryRequiredFields('interval', 'add_entry')).toEqual(['start_date_time', 'end_date_time']);
    expect(entryRequiredFields('interval', 'change_entry')).toEqual(['start_date_time']);
    expect(entryRequiredFields('interval', 'remove_entry')).toEqual(['start_date_time']);
  });
});

describe.skipIf(!docsAvailable && !process.env.CI)('log entry shapes match the docs', () => {
  it('makes the types of "Interval entries" in api/modules/subjectlog.md intervals', () => {
    const page = readFileSync(join(DOCS_DIR, 'api', 'modules', 'subjectlog.md'), 'utf8');
    const line = page.split('\n').find((l) => l.startsWith('**Interval entries**')) ?? '';
    const documented = [...line.matchAll(/`(\w+)`/g)].map((m) => m[1] as string);
    expect(documented.length).toBeGreaterThan(0);
    for (const t of documented) expect(entryShapeOf(getModel('subjectlog'), t), t).toBe('interval');
  });
});
