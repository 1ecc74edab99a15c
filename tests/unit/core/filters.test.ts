import { describe, expect, it } from 'vitest';
import { describeRejected } from '../../../src/core/filter-notices.ts';
import { cutByCodePoints, formatFilters, matchesDateRange, NO_FILTERS, parseFilters } from '../../../src/core/filters.ts';

function noticesOf(search: string): string[] {
  return describeRejected(parseFilters(search).rejected);
}

describe('parseFilters', () => {
  it('reads every parameter of a shared link', () => {
    const search = '?q=putin+talks&country=ru,UA&agency=vna-vns&lang=NB&from=2025-01-01&to=2025-12-31&sort=oldest';
    const { filters } = parseFilters(search);
    const notices = noticesOf(search);
    expect(filters).toEqual({
      q: 'putin talks', countries: ['RU', 'UA'], agencies: ['vna-vns'], languages: ['nb'], from: '2025-01-01', to: '2025-12-31', undated: false, sort: 'oldest', saved: false,
    });
    expect(notices).toEqual([]);
  });

  it('accepts country codes in any case, comma-separated or repeated, without duplicates', () => {
    expect(parseFilters('?country=ru&country=vn,RU').filters.countries).toEqual(['RU', 'VN']);
  });

  it('accepts partial dates: a year or a month stands for its whole period', () => {
    expect(parseFilters('?from=2025&to=2025-10').filters).toMatchObject({ from: '2025', to: '2025-10' });
    expect(matchesDateRange('2025-10-31', '2025', '2025-10')).toBe(true);
    expect(matchesDateRange('2025-11-01', '2025', '2025-10')).toBe(false);
  });

  it('drops what it cannot use, saying so', () => {
    const search = '?from=yesterday&to=2025-13-45&country=<script>,VN&sort=random';
    const { filters } = parseFilters(search);
    const notices = noticesOf(search);
    expect(filters).toEqual({ ...NO_FILTERS, countries: ['VN'] });
    expect(notices).toEqual([
      'Ignored country=“<script>”: country codes are two letters, such as VN.',
      'Ignored from=“yesterday”: dates are written YYYY-MM-DD, YYYY-MM or YYYY.',
      'Ignored to=“2025-13-45”: dates are written YYYY-MM-DD, YYYY-MM or YYYY.',
      'Ignored sort=“random”: the list sorts by newest, oldest or relevance.',
    ]);
  });

  it('rejects impossible days such as 30 February', () => {
    expect(parseFilters('?from=2026-02-30').filters.from).toBeNull();
  });

  it('swaps a range given the wrong way round', () => {
    const { filters } = parseFilters('?from=2026-02-01&to=2026-01');
    const notices = noticesOf('?from=2026-02-01&to=2026-01');
    expect([filters.from, filters.to]).toEqual(['2026-01', '2026-02-01']);
    expect(notices).toHaveLength(1);
  });

  it('shortens an absurdly long bad value in its notice', () => {
    const notices = noticesOf(`?country=${'x'.repeat(500)}`);
    expect(notices[0]?.length).toBeLessThan(140);
  });

  it('cuts a long query between characters, never inside an emoji', () => {
    const q = `${'a'.repeat(199)}🙂`;
    const { filters } = parseFilters(`?q=${encodeURIComponent(q)}`);
    expect(filters.q).toBe('a'.repeat(199));
    expect(() => formatFilters(filters)).not.toThrow();
  });
});

describe('cutByCodePoints', () => {
  it('keeps whole characters within the limit', () => {
    expect(cutByCodePoints('ab🙂c', 3)).toBe('ab');
    expect(cutByCodePoints('ab🙂c', 4)).toBe('ab🙂');
    expect(cutByCodePoints('short', 10)).toBe('short');
  });
});

describe('formatFilters', () => {
  it('writes nothing when no filter is set', () => {
    expect(formatFilters(NO_FILTERS)).toBe('');
  });

  it('writes the canonical query string, which reads back to the same filters', () => {
    const filters = { ...NO_FILTERS, q: 'hà nội & co', countries: ['RU', 'UA'], languages: ['vi'], from: '2025-01-01', sort: 'relevance' as const };
    const search = formatFilters(filters);
    expect(search).toBe('?q=h%C3%A0+n%E1%BB%99i+%26+co&country=RU,UA&lang=vi&from=2025-01-01&sort=relevance');
    expect(parseFilters(search).filters).toEqual(filters);
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
