/**
 * The held-out outlets are scored, not asserted field by field: they stand for the outlets nobody has
 * seen yet, and the ingest must get at least 95% of their fields right. The score is printed so a
 * change that costs accuracy shows how much.
 */
import { describe, expect, it } from 'vitest';
import { FIELDS, fieldMisses } from './outlets/expectations.ts';
import { HELD_OUT } from './outlets/held-out.ts';
import { parseFixture } from './support.ts';

describe('outlets the field readers were never tuned on', () => {
  it('get at least 95% of their fields right', () => {
    const misses = HELD_OUT.map((expected) => ({ file: expected.file, misses: fieldMisses(parseFixture(expected.file), expected) }));
    const total = HELD_OUT.length * FIELDS.length;
    const wrong = misses.reduce((sum, row) => sum + Object.keys(row.misses).length, 0);
    const perField = FIELDS.map((field) => `${field} ${HELD_OUT.length - misses.filter((row) => field in row.misses).length}/${HELD_OUT.length}`);
    const details = misses.flatMap((row) => Object.entries(row.misses).map(([field, got]) => `${row.file} ${field}: ${got}`));
    console.info(`held-out: ${total - wrong}/${total} fields right (${perField.join(', ')})\n${details.join('\n')}`);
    expect((total - wrong) / total).toBeGreaterThanOrEqual(0.95);
  });
});
