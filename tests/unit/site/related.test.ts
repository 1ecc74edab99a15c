/** Related dispatches as a reader sees them under an article: who they are, and why, in words. */
import { describe, expect, it } from 'vitest';
import { describeDays, relatedDispatches, type RelatedRecord } from '../../../src/site/related.ts';

const COUNTRY_NAMES = { KP: 'North Korea', VN: 'Vietnam', RU: 'Russia', LA: 'Laos', CL: 'Chile' };

function record(id: string, overrides: Partial<RelatedRecord> = {}): RelatedRecord {
  return { id, date: '2025-10-09', countries: ['VN'], counterpart: null, names: [], ...overrides };
}

function relatedTo(records: RelatedRecord[], id: string): Array<{ id: string; reason: string }> {
  return relatedDispatches(records, COUNTRY_NAMES).get(id) ?? [];
}

const ARCHIVE: RelatedRecord[] = [
  record('kp-talks', { date: '2025-10-09', countries: ['KP', 'VN'], counterpart: 'KP', names: ['To Lam', 'Kim Jong-un'] }),
  record('kp-parade', { date: '2025-10-12', countries: ['KP', 'VN'], counterpart: 'KP', names: ['Kim Jong-un'] }),
  record('kp-trade', { date: '2025-09-25', countries: ['KP', 'VN'], counterpart: 'KP', names: ['Nguyễn Văn Thắng'] }),
  record('ru-visit', { date: '2025-10-09', countries: ['RU', 'VN'], counterpart: 'RU', names: ['Tô Lâm', 'Vladimir Putin'] }),
  record('laos-border', { date: '2025-10-09', countries: ['LA', 'VN'], counterpart: 'LA', names: ['Trần Hồng Hà'] }),
  record('undated-kp', { date: null, countries: ['KP', 'VN'], counterpart: 'KP', names: [] }),
  record('month-kp', { date: '2025-10', countries: ['KP', 'VN'], counterpart: 'KP', names: [] }),
];

describe('relatedDispatches', () => {
  it('relates dispatches about the same counterpart, worded with the time between them', () => {
    expect(relatedTo(ARCHIVE, 'kp-talks')).toContainEqual({ id: 'kp-parade', reason: 'also about North Korea · also names Kim Jong-un · 3 days later' });
    expect(relatedTo(ARCHIVE, 'kp-parade')).toContainEqual({ id: 'kp-talks', reason: 'also about North Korea · also names Kim Jong-un · 3 days earlier' });
    expect(relatedTo(ARCHIVE, 'kp-parade')).toContainEqual({ id: 'kp-trade', reason: 'also about North Korea · 2 weeks earlier' });
  });

  it('relates dispatches that name the same person, in the reader’s own dispatch’s spelling', () => {
    expect(relatedTo(ARCHIVE, 'kp-talks')).toContainEqual({ id: 'ru-visit', reason: 'also names To Lam · same day' });
    expect(relatedTo(ARCHIVE, 'ru-visit')).toContainEqual({ id: 'kp-talks', reason: 'also names Tô Lâm · same day' });
  });

  it('gives undated and month-only dispatches no time in their reason', () => {
    expect(relatedTo(ARCHIVE, 'kp-talks')).toContainEqual({ id: 'undated-kp', reason: 'also about North Korea' });
    expect(relatedTo(ARCHIVE, 'kp-talks')).toContainEqual({ id: 'month-kp', reason: 'also about North Korea' });
    expect(relatedTo(ARCHIVE, 'undated-kp').every((related) => !/later|earlier|same day/.test(related.reason))).toBe(true);
  });

  it('never relates a dispatch to itself, and never without a reason', () => {
    const all = relatedDispatches(ARCHIVE, COUNTRY_NAMES);
    for (const [id, related] of all) {
      expect(related.map((each) => each.id)).not.toContain(id);
      for (const each of related) expect(each.reason).toMatch(/^also (about|mentions|names) /);
    }
    // Same day as three others, but sharing nothing with them but Việt Nam.
    expect(relatedTo(ARCHIVE, 'laos-border')).toEqual([]);
  });

  it('never gives Việt Nam as a reason', () => {
    const onlyVietnam = [
      record('a', { countries: ['VN'], counterpart: null }),
      record('b', { countries: ['VN'], counterpart: null }),
      record('c', { countries: ['VN', 'RU'], counterpart: 'RU' }),
    ];
    expect(relatedTo(onlyVietnam, 'a')).toEqual([]);
    expect(relatedTo(onlyVietnam, 'c')).toEqual([]);
    for (const related of relatedDispatches(ARCHIVE, COUNTRY_NAMES).values()) {
      for (const each of related) expect(each.reason).not.toContain('Vietnam');
    }
  });

  it('words a country both mention, but neither is about, as a mention', () => {
    const records = [
      record('a', { countries: ['CL', 'RU', 'VN'], counterpart: 'RU' }),
      record('b', { countries: ['CL', 'LA', 'VN'], counterpart: 'LA' }),
    ];
    expect(relatedTo(records, 'a')).toEqual([{ id: 'b', reason: 'also mentions Chile · same day' }]);
  });

  it('lists at most five, the closest in time first when they share the same things', () => {
    const records = Array.from({ length: 9 }, (_, day) =>
      record(`kp-${day}`, { date: `2025-10-0${day + 1}`, countries: ['KP', 'VN'], counterpart: 'KP' }),
    );
    const related = relatedTo(records, 'kp-4');
    expect(related).toHaveLength(5);
    expect(related.slice(0, 2).map((each) => each.id).sort()).toEqual(['kp-3', 'kp-5']);
    expect(related.map((each) => each.id)).not.toContain('kp-0');
  });

  it('ranks a dispatch that shares a person above one that shares only the country', () => {
    const [first] = relatedTo(ARCHIVE, 'kp-parade');
    expect(first?.id).toBe('kp-talks');
  });

  it('ignores a name found all over the archive: it says little', () => {
    const records = Array.from({ length: 40 }, (_, index) =>
      record(`d${index}`, { date: `2025-${String(1 + (index % 12)).padStart(2, '0')}-10`, names: ['Vietnam News Agency'] }),
    );
    expect(relatedTo(records, 'd0')).toEqual([]);
    // The same name in two dispatches of forty is a reason.
    const rare = records.map((each, index) => (index < 2 ? { ...each, names: ['Vietnam News Agency', 'Salvador Allende'] } : each));
    expect(relatedTo(rare, 'd0')).toEqual([{ id: 'd1', reason: 'also names Salvador Allende · a month later' }]);
  });

  it('gives the same answer whatever order the records come in', () => {
    const forward = relatedDispatches(ARCHIVE, COUNTRY_NAMES);
    const backward = relatedDispatches([...ARCHIVE].reverse(), COUNTRY_NAMES);
    expect(Object.fromEntries(backward)).toEqual(Object.fromEntries(forward));
  });
});

describe('describeDays', () => {
  it('words the time between two dated dispatches', () => {
    expect(describeDays(0)).toBe('same day');
    expect(describeDays(1)).toBe('a day later');
    expect(describeDays(3)).toBe('3 days later');
    expect(describeDays(-14)).toBe('2 weeks earlier');
    expect(describeDays(-7)).toBe('7 days earlier');
    expect(describeDays(29)).toBe('4 weeks later');
    expect(describeDays(31)).toBe('a month later');
    expect(describeDays(92)).toBe('3 months later');
    expect(describeDays(-800)).toBe('2 years earlier');
  });
});
