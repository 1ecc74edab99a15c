import { describe, expect, it } from 'vitest';
import { formatFilters, matchesDateRange, NO_FILTERS, parseFilters } from '../../../src/core/filters.ts';

const KNOWN = { VN: 'Vietnam', RU: 'Russia', UA: 'Ukraine' };

describe('parseFilters', () => {
  it('reads every parameter of a shared link', () => {
    const { filters, notices } = parseFilters('?q=putin+talks&country=ru,UA&from=2025-01-01&to=2025-12-31', KNOWN);
    expect(filters).toEqual({ q: 'putin talks', countries: ['RU', 'UA'], from: '2025-01-01', to: '2025-12-31', undated: false });
    expect(notices).toEqual([]);
  });

  it('accepts country codes in any case, comma-separated or repeated, without duplicates', () => {
    expect(parseFilters('?country=ru&country=vn,RU', KNOWN).filters.countries).toEqual(['RU', 'VN']);
  });

  it('drops what it cannot use, saying so', () => {
    const { filters, notices } = parseFilters('?from=yesterday&to=2025-13-45&country=<script>,VN', KNOWN);
    expect(filters).toEqual({ ...NO_FILTERS, countries: ['VN'] });
    expect(notices).toEqual([
      'Ignored the country “<script>”: no dispatch is tagged with it.',
      'Ignored from=“yesterday”: dates are written YYYY-MM-DD.',
      'Ignored to=“2025-13-45”: dates are written YYYY-MM-DD.',
    ]);
  });

  it('rejects impossible days such as 30 February', () => {
    expect(parseFilters('?from=2026-02-30', KNOWN).filters.from).toBeNull();
  });

  it('swaps a range given the wrong way round', () => {
    const { filters, notices } = parseFilters('?from=2026-02-01&to=2026-01-01', KNOWN);
    expect([filters.from, filters.to]).toEqual(['2026-01-01', '2026-02-01']);
    expect(notices).toHaveLength(1);
  });

  it('shortens an absurdly long bad value in its notice', () => {
    const { notices } = parseFilters(`?country=${'x'.repeat(500)}`, KNOWN);
    expect(notices[0]?.length).toBeLessThan(120);
  });
});

describe('formatFilters', () => {
  it('writes nothing when no filter is set', () => {
    expect(formatFilters(NO_FILTERS)).toBe('');
  });

  it('writes the canonical query string, which reads back to the same filters', () => {
    const filters = { q: 'hà nội & co', countries: ['RU', 'UA'], from: '2025-01-01', to: null, undated: false };
    const search = formatFilters(filters);
    expect(search).toBe('?q=h%C3%A0+n%E1%BB%99i+%26+co&country=RU,UA&from=2025-01-01');
    expect(parseFilters(search, KNOWN).filters).toEqual(filters);
  });

  it('only keeps "undated" while a date bound makes it mean something', () => {
    expect(formatFilters({ ...NO_FILTERS, undated: true })).toBe('');
    expect(formatFilters({ ...NO_FILTERS, to: '2025-01-01', undated: true })).toBe('?to=2025-01-01&undated=1');
  });
});

describe('matchesDateRange', () => {
  it('is inclusive at both ends', () => {
    expect(matchesDateRange('2025-10-24', '2025-10-24', '2025-10-24')).toBe(true);
    expect(matchesDateRange('2025-10-23', '2025-10-24', null)).toBe(false);
  });

  it('counts a partial date when its span overlaps the range', () => {
    expect(matchesDateRange('2025-07', '2025-07-31', null)).toBe(true);
    expect(matchesDateRange('2025-07', '2025-08-01', null)).toBe(false);
    expect(matchesDateRange('2025', null, '2025-01-01')).toBe(true);
    expect(matchesDateRange('2024', '2025-01-01', null)).toBe(false);
  });

  it('leaves undated dispatches out once a bound is set', () => {
    expect(matchesDateRange(null, null, null)).toBe(true);
    expect(matchesDateRange(null, '2025-01-01', null)).toBe(false);
  });
});
