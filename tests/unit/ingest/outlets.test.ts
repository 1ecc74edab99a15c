/**
 * Dispatches from many outlets and languages, field by field: what a reader sees in the list and the
 * reading pane. Each fixture and what it shows is listed in tests/fixtures/README.md.
 */
import { describe, expect, it } from 'vitest';
import { fieldMisses } from './outlets/expectations.ts';
import { TUNED } from './outlets/tuned.ts';
import { parseFixture } from './support.ts';

describe.each(TUNED)('$file', (expected) => {
  it('has the title, date, dateline, agency, language, countries, summary and body a reader expects', () => {
    expect(fieldMisses(parseFixture(expected.file), expected)).toEqual({});
  });
});
