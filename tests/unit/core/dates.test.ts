import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../src/core/date-format.ts';
import { isRealPartialDate } from '../../../src/core/dates.ts';

describe('isRealPartialDate', () => {
  it('accepts days, months and years that exist', () => {
    expect(['2026-01-10', '2024-02-29', '2025-07', '2025'].map(isRealPartialDate)).toEqual([true, true, true, true]);
  });

  it('rejects days and months that do not', () => {
    expect(['2026-02-30', '2025-02-29', '2025-13', '2025-00-10', '2025-1-1', 'yesterday'].map(isRealPartialDate)).toEqual([
      false, false, false, false, false, false,
    ]);
  });
});

describe('formatDate', () => {
  it('writes dates the way a reader says them, without time zones', () => {
    expect(formatDate('2026-01-10')).toBe('10 January 2026');
    expect(formatDate('2025-07')).toBe('July 2025');
    expect(formatDate('2025')).toBe('2025');
  });
});
