/**
 * Search as readers spell: the index is built by the build's own code into files, and queries read
 * those files through the same reader the app uses.
 */
import { describe, expect, it } from 'vitest';
import { findPositions, parseQuery } from '../../../src/core/query.ts';
import { indexReader } from '../../../src/core/search-reader.ts';
import { fold } from '../../../src/core/fold.ts';
import { joinedForms, stem, wordsOf } from '../../../src/core/words.ts';
import { documentTerms, SearchIndexBuilder, type SearchFields } from '../../../src/site/search-index.ts';

const DOCUMENTS: Array<Partial<SearchFields>> = [
  /* 0 */ { title: 'Tô Lâm receives Azerbaijani delegation', body: 'HÀ NỘI — The General Secretary welcomed guests ahead of the 14th National Congress.' },
  /* 1 */ { title: 'Putin holds talks in Hanoi', body: 'Both congresses adopted resolutions on the Comprehensive Strategic Partnership.', tags: 'Russia\nРоссия' },
  /* 2 */ { title: 'Fremme forholdet mellom Vietnam og Nord-Korea', body: 'Generalsekretær To Lam bekreftet samarbeidet.', tags: 'North Korea\nDPRK\nTriều Tiên\nNord-Korea' },
  /* 3 */ { title: 'Viet Nam and Bulgaria upgrade ties', body: 'The strategic partnership between the two parties was discussed in Sofia.' },
  /* 4 */ { title: '越南与新加坡加强合作', body: '越通社河内3月27日电——双方同意加强合作。' },
];

function buildIndex(): Map<string, unknown> {
  const builder = new SearchIndexBuilder();
  DOCUMENTS.forEach((document, position) => {
    builder.add(position, documentTerms({ title: '', summary: '', tags: '', body: '', ...document }));
  });
  return new Map([...builder.files()].map(([path, content]) => [path, JSON.parse(content) as unknown]));
}

const files = buildIndex();
const reader = indexReader(async <T,>(file: string) => {
  if (!files.has(file)) throw new Error(`no file ${file}`);
  return files.get(file) as T;
});

async function search(q: string): Promise<number[]> {
  const found = await findPositions(parseQuery(q), reader);
  return found === null ? [] : [...found.keys()].sort((a, b) => a - b);
}

describe('words', () => {
  it('folds case and diacritics, and stems English plurals lightly', () => {
    expect(wordsOf('HÀ NỘI’s Congresses').map((word) => word.term)).toEqual(['ha', 'noi', 'congress']);
    expect(stem('parties')).toBe('party');
    expect(stem('talks')).toBe('talk');
    expect(stem('business')).toBe('business');
    expect(fold('Đà Nẵng')).toBe('da nang');
  });

  it('joins the syllables of a name, and only of a name', () => {
    const words = wordsOf('Hồ Chí Minh met Kim Jong-un in the city');
    const joined = words.flatMap((_, index) => joinedForms(words, index));
    expect(joined).toEqual(['hochi', 'hochiminh', 'chiminh', 'kimjong', 'kimjongun', 'jongun']);
  });

  it('makes every character of an unspaced script a word', () => {
    expect(wordsOf('越南').map((word) => word.term)).toEqual(['越', '南']);
  });
});

describe('search', () => {
  it('ignores case and diacritics', async () => {
    expect(await search('to lam')).toEqual([0, 2]);
    expect(await search('TÔ LÂM')).toEqual([0, 2]);
  });

  it('finds names however they are spaced', async () => {
    expect(await search('hanoi')).toEqual([0, 1]);
    expect(await search('ha noi')).toEqual([0, 1]);
    expect(await search('vietnam')).toEqual([2, 3]);
    expect(await search('viet nam')).toEqual([2, 3]);
  });

  it('finds a country by its aliases in the tags', async () => {
    expect(await search('dprk')).toEqual([2]);
    expect(await search('triều tiên')).toEqual([2]);
    expect(await search('north korea')).toEqual([2]);
  });

  it('stems English lightly: a plural finds the singular and the other way round', async () => {
    expect(await search('congresses')).toEqual([0, 1]);
    expect(await search('congress')).toEqual([0, 1]);
  });

  it('treats the last word as the start of a longer one while it is being typed', async () => {
    expect(await search('azerb')).toEqual([0]);
    expect(await search('azerb ')).toEqual([]);
  });

  it('keeps words of an "exact phrase" together and in order', async () => {
    expect(await search('"strategic partnership"')).toEqual([1, 3]);
    expect(await search('"partnership strategic"')).toEqual([]);
    expect(await search('"comprehensive strategic partnership"')).toEqual([1]);
  });

  it('leaves out what a -word or a -"phrase" excludes', async () => {
    expect(await search('partnership -sofia')).toEqual([1]);
    expect(await search('partnership -"comprehensive strategic"')).toEqual([3]);
  });

  it('reads Chinese as a phrase of characters', async () => {
    expect(await search('河内')).toEqual([4]);
    expect(await search('内河')).toEqual([]);
  });

  it('ranks a title match above a body match', async () => {
    const found = await findPositions(parseQuery('putin congresses'), reader);
    expect(found?.get(1)).toBeGreaterThan(1);
    const title = await findPositions(parseQuery('bulgaria'), reader);
    const body = await findPositions(parseQuery('sofia'), reader);
    expect(title?.get(3)).toBeGreaterThan(body?.get(3) ?? 0);
  });
});
