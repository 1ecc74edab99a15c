/** Which people and organisations a dispatch names, as the related-dispatch reasons will show them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nameKey, namesIn } from '../../../src/site/names.ts';

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/names/${name}`, import.meta.url), 'utf8');
}

describe('namesIn on a wire story', () => {
  const names = namesIn(fixture('wire-en.txt'), 'en');

  it('finds the people, keeping marks, connectors and the person after a title', () => {
    expect(names).toEqual(expect.arrayContaining(['Võ Thị Ánh Xuân', 'Alberto van Klaveren', 'Salvador Allende']));
  });

  it('finds organisations whose names run on with "of", country and all', () => {
    expect(names).toEqual(expect.arrayContaining(['Ministry of Foreign Affairs of Việt Nam', 'Communist Party of Việt Nam']));
  });

  it('reads "Salvador Allende" as a person, not as El Salvador', () => {
    expect(names).toContain('Salvador Allende');
  });

  it('leaves out the dateline, titles, countries, demonyms, months and sentence openers', () => {
    for (const name of names) {
      expect(name).not.toMatch(/HÀ NỘI|President|Minister|Chilean|Vietnamese|March|September|Opening/);
    }
    expect(names).not.toContain('Chile');
    expect(names).not.toContain('Việt Nam');
  });

  it('counts a later short mention for the full name instead of listing it twice', () => {
    expect(names).not.toContain('Xuân');
    expect(names).not.toContain('Van Klaveren');
    expect(names[0]).toBe('Võ Thị Ánh Xuân');
  });
});

describe('namesIn elsewhere', () => {
  it('finds hyphenated given names and names after "of <country>"', () => {
    expect(namesIn('The talks with Kim Jong-un of North Korea ended.', 'en')).toEqual(['Kim Jong-un']);
  });

  it('keeps the person after a title and a country: "President of Russia Vladimir Putin"', () => {
    expect(namesIn('He met the President of Russia Vladimir Putin in Hà Nội.', 'en')).toEqual(['Vladimir Putin']);
  });

  it('takes nothing from a title-cased headline that the text does not repeat', () => {
    expect(namesIn(fixture('headline-title-case.txt'), 'en')).toEqual(['Trần Hồng Hà']);
  });

  it('reads Cyrillic text: the person, not the title or the inflected countries', () => {
    expect(namesIn(fixture('page-ru.txt'), 'ru')).toEqual(['Владимир Путин']);
  });

  it('finds Vietnamese names after Vietnamese titles, and no capital city', () => {
    expect(namesIn('Tổng Bí thư Tô Lâm tiếp Đại sứ Gennady Bezdetko tại Hà Nội.', 'vi')).toEqual(['Tô Lâm', 'Gennady Bezdetko']);
  });

  it('keeps acronyms of organisations, not a lone capitalised word', () => {
    expect(namesIn('Leaders of the CPV met. Later, Diskussionen followed.', 'en')).toEqual(['CPV']);
  });

  it('yields nothing for a script without capitals', () => {
    expect(namesIn('习近平会见越南共产党中央委员会总书记苏林。', 'zh')).toEqual([]);
  });
});

describe('nameKey', () => {
  it('gives written forms of the same name one key', () => {
    expect(nameKey('Tô Lâm')).toBe(nameKey('To Lam'));
    expect(nameKey('Kim Jong-un')).toBe(nameKey('KIM JONG UN'));
    expect(nameKey('Nguyễn Phú Trọng')).toBe(nameKey('Nguyen Phu Trong'));
    expect(nameKey('Tô Lâm')).not.toBe(nameKey('Tô Lâm Sơn'));
  });
});
