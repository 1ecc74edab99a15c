/** Which countries a text names: proper names only, both Koreas kept apart, organisations left out. */
import { describe, expect, it } from 'vitest';
import { countCountryMentions, countryName, countryNameSpans, findCountries, isCapitalCity } from '../../../src/ingest/countries.ts';
import { parseFixture } from './support.ts';

function named(text: string, language = 'en'): string[] {
  return findCountries([text], language).countries;
}

describe('findCountries', () => {
  it('finds South Korea as KR', () => {
    expect(named('South Korea and Việt Nam will expand cooperation.')).toEqual(['KR', 'VN']);
  });

  it('finds the Republic of Korea as KR', () => {
    expect(named('The Republic of Korea will send experts.')).toEqual(['KR']);
  });

  it('finds neither Korea in "the Korean peninsula" alone', () => {
    expect(named('Peace and stability on the Korean peninsula matter to the region.')).toEqual([]);
  });

  it('never reads bare "Korea", "Koreas" or "koreanske" as South Korea', () => {
    expect(named('Koreas arbeiderparti og broderlandet Korea på den koreanske halvøya', 'nb')).toEqual([]);
  });

  it('reads the Norwegian forms of the DPRK, genitive included, as North Korea', () => {
    expect(named('leder av Den demokratiske folkerepublikken Koreas statskommisjon', 'nb')).toEqual(['KP']);
    expect(named('Nord-Koreas høytidelige feiring', 'nb')).toEqual(['KP']);
  });

  it('matches acronyms only in capitals', () => {
    expect(named('The DPRK delegation arrived.')).toEqual(['KP']);
    expect(named('the dprk delegation arrived')).toEqual([]);
    expect(named('Trade with the UAE grew.')).toEqual(['AE']);
  });

  it('never matches a bare two-letter code but "US", and never a currency', () => {
    expect(named('Exports rose to US$5 billion, VN officials said.')).toEqual([]);
    expect(named('The U.S. delegation arrived.')).toEqual(['US']);
    expect(named('China is followed by the US and South Korea.')).toEqual(['CN', 'KR', 'US']);
    expect(named('The US dollar rose against the yen.')).toEqual([]);
  });

  it('allows a genitive on the last word', () => {
    expect(named('Vietnam’s exports and Russia\'s imports')).toEqual(['RU', 'VN']);
  });

  it('needs a capital letter: lower-case words are not names', () => {
    expect(named('fine china, a turkey and a jordan almond')).toEqual([]);
  });

  it('does not count organisations as countries', () => {
    expect(named('ASEAN, the UN, the EU, FN and the United Nations met.')).toEqual([]);
    expect(named('i multilaterale fora som FN og ASEANs regionale forum', 'nb')).toEqual([]);
  });

  it('reads English demonyms, dropping those that fit more than one sovereign state', () => {
    expect(named('German, Azerbaijani and Russian leaders')).toEqual(['AZ', 'DE', 'RU']);
    expect(named('Congolese officials')).toEqual([]);
    expect(named('The Indian minister')).toEqual(['IN']);
  });

  it('prefers the longest name, so "New Jersey" is not Jersey', () => {
    expect(named('A delegation from New Jersey visited.')).toEqual([]);
  });

  it('uses names in the text’s own language besides English', () => {
    expect(named('Vietnam och Sverige fördjupar samarbetet', 'sv')).toEqual(['SE', 'VN']);
    expect(named('Vietnam und Deutschland', 'de')).toEqual(['DE', 'VN']);
  });
});

describe('names in the archive’s other languages', () => {
  it.each([
    ['vi', 'Việt Nam và Hàn Quốc, Trung Quốc, Lào, Hoa Kỳ và Pháp', ['CN', 'FR', 'KR', 'LA', 'US', 'VN']],
    ['zh', '越南与新加坡、澳大利亚领导人举行会谈', ['AU', 'SG', 'VN']],
    ['ja', 'ベトナムと韓国、北朝鮮、米国の関係', ['KP', 'KR', 'US', 'VN']],
    ['ko', '한국과 베트남은 미국의 입장을 확인했다', ['KR', 'US', 'VN']],
    ['th', 'ไทยและเวียดนามหารือกับลาว', ['LA', 'TH', 'VN']],
    ['ru', 'Россия и Вьетнам, а также с Вьетнамом, России и Лаосу', ['LA', 'RU', 'VN']],
    ['es', 'la República Democrática Popular Lao y Vietnam', ['LA', 'VN']],
    ['de', 'Deutschland und Vietnam sowie Vietnams Nachbarn', ['DE', 'VN']],
    ['fr', 'La France et le Viêt Nam', ['FR', 'VN']],
    ['sv', 'Sverige och Vietnam', ['SE', 'VN']],
  ])('reads %s names', (language, text, countries) => {
    expect(named(text, language)).toEqual(countries);
  });
});

describe('country words inside names', () => {
  it.each([
    ['the province of Thái Bình', 'en'],
    ['Thai Binh and Nghe An provinces', 'en'],
    ['Deputy Minister Nguyen Van Thai said', 'en'],
    ['the Lao Cai border gate', 'en'],
    ['un homenaje a Salvador Allende', 'es'],
    ['ông Nguyễn Minh Đức cho biết', 'vi'],
    ['tỉnh Lào Cai và Thái Bình', 'vi'],
    ['Bộ trưởng Lao động hai nước', 'vi'],
    ['un hommage à Salvador Allende', 'fr'],
    ['the striker Jordan Henderson', 'en'],
    ['ships crossing the Indian Ocean', 'en'],
    ['a gateway to Latin American markets in South America', 'en'],
    ['officials of the Pan American Health Organization', 'en'],
    ['đối tác lớn nhất tại khu vực Mỹ Latinh', 'vi'],
    ['các doanh nghiệp châu Mỹ và châu Úc', 'vi'],
    ['PLEASE LET US KNOW', 'en'],
    ['Pháp luật quy định rõ vấn đề này.', 'vi'],
    ['Mỹ phẩm và nhật ký được bày bán.', 'vi'],
    ['Thái độ của hai bên rất tích cực.', 'vi'],
    ['Chị Nga, một doanh nhân, cho biết.', 'vi'],
    ['Ông Đức cho biết dự án sẽ hoàn thành.', 'vi'],
    ['The Hyundai plant in Atlanta, Georgia, will hire engineers.', 'en'],
    ['a factory in the state of Georgia', 'en'],
  ])('%j names no country', (text, language) => {
    expect(named(text, language)).toEqual([]);
  });

  it('still reads a demonym before a title or a common noun', () => {
    expect(named('The Thai Prime Minister met Lao students and Russian President Vladimir Putin.')).toEqual(['LA', 'RU', 'TH']);
  });

  it('still reads the same words where they name the country', () => {
    expect(named('Việt Nam và Pháp ký thỏa thuận; Tổng thống Nga thăm Đức.', 'vi')).toEqual(['DE', 'FR', 'RU', 'VN']);
    expect(named('Georgia and Vietnam signed a visa deal in Tbilisi.')).toEqual(['GE', 'VN']);
  });

  it('still reads a country before its leader’s name where the language writes it there', () => {
    expect(named('Tổng thống Nga Vladimir Putin', 'vi')).toEqual(['RU']);
    expect(named('Президент России Владимир Путин', 'ru')).toEqual(['RU']);
  });

  it('never reads a grouping or a currency as a country', () => {
    expect(named('BRICS, APEC and ASEAN leaders discussed trade worth 2 billion U.S. dollars.')).toEqual([]);
    expect(named('越南参加中非合作论坛，讨论朝鲜半岛局势', 'zh')).toEqual(['VN']);
    expect(named('베트남은 인도적 지원을 늘렸다', 'ko')).toEqual(['VN']);
  });
});

describe('the counterpart', () => {
  it('is the most-mentioned country other than Việt Nam', () => {
    expect(findCountries(['Vietnam and Russia. Russia and Ukraine. Vietnam, Vietnam.'], 'en').counterpart).toBe('RU');
  });

  it('is null on a tie', () => {
    expect(findCountries(['Vietnam, Laos and Cambodia met.'], 'en').counterpart).toBeNull();
  });

  it('is null when Việt Nam is the only country named', () => {
    expect(findCountries(['Việt Nam grew fast.'], 'en').counterpart).toBeNull();
  });
});

describe('countCountryMentions', () => {
  it('counts every mention', () => {
    expect(countCountryMentions(['Vietnam and Vietnam’s partner Laos'], 'en').get('VN')).toBe(2);
  });
});

describe('countryName', () => {
  it.each([
    ['VN', 'Vietnam'],
    ['KP', 'North Korea'],
    ['KR', 'South Korea'],
    ['RU', 'Russia'],
  ])('names %s "%s"', (code, name) => {
    expect(countryName(code)).toBe(name);
  });
});

describe('country fixtures', () => {
  it.each([
    ['variants/countries-south-korea.txt', ['KR', 'VN']],
    ['variants/countries-republic-of-korea.txt', ['KR', 'VN']],
    ['variants/countries-korean-peninsula.txt', ['VN']],
  ])('%s names %j', (path, countries) => {
    expect(parseFixture(path).countries).toEqual(countries);
  });
});

describe('countryNameSpans', () => {
  const spans = (text: string, language = 'en'): string[] =>
    countryNameSpans(text, language).map((span) => `${text.slice(span.start, span.end)}=${span.code}`);

  it('marks where countries and demonyms are written, and places that hold a country’s name', () => {
    expect(spans("Chile's Salvador Allende and Russian envoys sailed the South China Sea.")).toEqual(["Chile's=CL", 'Russian=RU', 'South China Sea=']);
  });

  it('matches inflected names in languages that inflect them', () => {
    expect(spans('Президент России прибыл из Вьетнама.', 'ru')).toEqual(['России=RU', 'Вьетнама=VN']);
    expect(spans('Frankreichs Präsident', 'de')).toEqual(['Frankreichs=FR']);
  });
});

describe('isCapitalCity', () => {
  it('knows capitals however they are spelled', () => {
    expect(isCapitalCity('Hà Nội')).toBe(true);
    expect(isCapitalCity('Phnom Penh')).toBe(true);
    expect(isCapitalCity('Salvador Allende')).toBe(false);
  });
});
