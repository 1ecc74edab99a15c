/** The small rules the shapes are built from, one at a time. */
import { describe, expect, it } from 'vitest';
import { splitCredit, readGluedCaption } from '../../../src/ingest/captions.ts';
import { cityAsWritten } from '../../../src/ingest/dateline.ts';
import { isTrailerStart, readOutletLine, readSourceLink } from '../../../src/ingest/furniture.ts';
import { detectLanguage } from '../../../src/ingest/language.ts';
import { parseDispatch } from '../../../src/ingest/index.ts';
import { splitSignOff } from '../../../src/ingest/signoff.ts';
import { parseFixture } from './support.ts';
import { readWireHeader } from '../../../src/ingest/wire.ts';

describe('cityAsWritten', () => {
  it.each([
    ['BERLIN', 'Berlin'],
    ['HÀ NỘI', 'Hà Nội'],
    ['HO CHI MINH CITY', 'Ho Chi Minh City'],
    ['RIO DE JANEIRO', 'Rio de Janeiro'],
    ['PORT-AU-PRINCE', 'Port-au-Prince'],
    ["N'DJAMENA", "N'Djamena"],
    ['New York', 'New York'],
  ])('%s → %s', (city, written) => {
    expect(cityAsWritten(city)).toBe(written);
  });
});

describe('readWireHeader', () => {
  it('reads date, dateline and the start of the lede', () => {
    expect(readWireHeader(' date 2026-01-10 BERLIN — Leaders met.'.trim())).toMatchObject({
      date: { value: '2026-01-10' },
      dateline: { value: 'Berlin' },
      rest: 'Leaders met.',
      warnings: [],
    });
  });

  it('reads a header without a dash, taking the capitals as the dateline, and warns', () => {
    const header = readWireHeader('date 2025 SOFIA Leaders met.');
    expect(header?.dateline.value).toBe('Sofia');
    expect(header?.rest).toBe('Leaders met.');
    expect(header?.warnings).toEqual([expect.stringMatching(/no dash after the dateline/)]);
  });

  it('reads a header without a dateline, and warns', () => {
    const header = readWireHeader('date 2025-03-01 — Leaders of Germany – and others met.');
    expect(header?.dateline.value).toBeNull();
    expect(header?.rest).toBe('Leaders of Germany – and others met.');
    expect(header?.warnings).toEqual([expect.stringMatching(/no dateline/)]);
  });

  it('is not a header when "date" is not followed by a date', () => {
    expect(readWireHeader('date night in Hà Nội')).toBeNull();
  });
});

describe('splitSignOff', () => {
  it.each([
    ['nations. — VNA/VNS', 'VNA/VNS', 'nations.'],
    ['nations. – VNS', 'VNS', 'nations.'],
    ['nations. VNS', 'VNS', 'nations.'],
    ['— VNA/VNS', 'VNA/VNS', ''],
    ['dpa-AFX', 'dpa-AFX', ''],
    ['dpa', 'dpa', ''],
    ['TT', 'TT', ''],
    ['PTI ABC DEF', 'PTI', ''],
    ['(ANSA).', 'ANSA', ''],
    ['The Philippines is the largest buyer of Vietnamese rice. (PNA)', 'PNA', 'The Philippines is the largest buyer of Vietnamese rice.'],
  ])('%j signs off as %s', (paragraph, agency, text) => {
    expect(splitSignOff(paragraph)).toEqual({ agency, text });
  });

  it.each([
    'relations between Việt Nam – EU',
    'at the talks. — XINHUA/VNA Photo',
    'He met the head of ASEAN',
    'nations. ASEAN',
    'Reuters-style',
    'talks with the European Union. (EU)',
    'USA TODAY',
  ])('does not read %j as a sign-off', (paragraph) => {
    expect(splitSignOff(paragraph)).toBeNull();
  });
});

describe('captions', () => {
  it('splits a parenthesised credit in any of our languages', () => {
    expect(splitCredit('Leaders at the talks. (Foto: Thong Nhat/VNA)')).toEqual({ caption: 'Leaders at the talks.', credit: 'Thong Nhat/VNA' });
    expect(splitCredit('Les deux dirigeants. (Photo : VNA)')).toEqual({ caption: 'Les deux dirigeants.', credit: 'VNA' });
    expect(splitCredit('Hai nhà lãnh đạo. (Ảnh: TTXVN)')).toEqual({ caption: 'Hai nhà lãnh đạo.', credit: 'TTXVN' });
  });

  it('splits a dashed agency photo credit', () => {
    expect(splitCredit('Leaders at the talks. — XINHUA/VNA Photo')).toEqual({ caption: 'Leaders at the talks.', credit: 'XINHUA/VNA Photo' });
  });

  it('leaves a sentence with a dash alone', () => {
    expect(splitCredit('Trade rose sharply — officials said.')).toBeNull();
  });

  it('splits a wire photo’s agency and photographer, but not a story’s credit', () => {
    expect(splitCredit('People attend the ceremony in Thanh Hoa, Vietnam, Nov. 30, 2026. (Xinhua/Hu Jiali)')).toEqual({
      caption: 'People attend the ceremony in Thanh Hoa, Vietnam, Nov. 30, 2026.',
      credit: 'Xinhua/Hu Jiali',
    });
    expect(splitCredit('Hai nước đã ký ba thỏa thuận hợp tác. (TTXVN/Vietnam+)')).toBeNull();
    expect(splitCredit('The two sides signed three agreements. (VNA/VNS)')).toBeNull();
  });

  it('keeps a captioned picture above the lede as an image, never as the headline', () => {
    const dispatch = parseFixture('outlets/vna-en-caption-top.txt');
    expect(dispatch.title).toBe('Vietnam, New Zealand upgrade ties to comprehensive strategic partnership');
    expect(dispatch.images).toEqual([{ caption: 'Prime Minister Pham Minh Chinh (right) and his New Zealand counterpart at the talks in Hanoi on Nov 30.', credit: 'VNA' }]);
    expect(dispatch.discarded.some((line) => line.includes('(Photo: VNA)'))).toBe(false);
  });

  it('reads a VOV glued caption, keeping the glue apart', () => {
    expect(readGluedCaption('Alt text - ảnh 1The caption')).toEqual({ image: { caption: 'The caption', credit: null }, glue: 'Alt text - ảnh 1' });
  });
});

describe('furniture lines', () => {
  it.each([
    ['VietnamPlusVietnamPlus09/10/2025', 'VietnamPlus', '09/10/2025'],
    ['Nhân Dân 21/08/2025 09:45', 'Nhân Dân', '21/08/2025'],
    ['Le Courrier du VietnamLe Courrier du Vietnam14/05/2025', 'Le Courrier du Vietnam', '14/05/2025'],
  ])('reads the outlet line %j', (line, outlet, dateText) => {
    expect(readOutletLine(line)).toMatchObject({ outlet, dateText });
  });

  it('does not take a sentence ending in a date for an outlet line', () => {
    expect(readOutletLine('The two sides met in Hà Nội on 09/10/2025')).toBeNull();
  });

  it.each(['Related News', 'Kommentar (0)', 'I samme emne', 'Les også', 'Läs också', 'Lire aussi', 'Tin liên quan', 'Read more:'])(
    'reads %j as the start of a footer',
    (line) => {
      expect(isTrailerStart(line)).toBe(true);
    },
  );

  it('does not read an article sentence as the start of a footer', () => {
    expect(isTrailerStart('Related news agencies reported the meeting.')).toBe(false);
  });

  it('reads source links only with a web address the schema accepts', () => {
    expect(readSourceLink('Kilde: https://www.vietnamplus.vn/x.vnp')).toEqual({ label: 'Kilde:', url: 'https://www.vietnamplus.vn/x.vnp' });
    expect(readSourceLink('Source: VNA')).toBeNull();
    expect(readSourceLink('Source: ftp://example.com/x')).toBeNull();
  });
});

describe('detectLanguage', () => {
  it('tells Norwegian Bokmål from Nynorsk by the words only one of them writes', () => {
    const bokmal = 'Generalsekretær To Lam bekreftet at Vietnam er villig til å dele erfaringer med økonomisk innovasjon, utenriksøkonomiske forbindelser og sosioøkonomisk utvikling med Nord-Korea, og de to lederne ble enige om å styrke samarbeidet.';
    const nynorsk = 'Generalsekretæren sa at Vietnam ikkje berre vil dele erfaringar med Noreg, men òg vil styrkje samarbeidet, og dei to leiarane var samde om kva som må gjerast frå no av.';
    expect(detectLanguage(bokmal)).toMatchObject({ language: 'nb', warning: null });
    expect(detectLanguage(nynorsk)).toMatchObject({ language: 'nn', warning: null });
  });

  it.each([
    ['zh', '越南政府总理范明政26日在河内会见到访的新加坡总理黄循财，双方签署了绿色经济合作协议。'],
    ['ja', 'ベトナムを訪問中の首相は27日、ハノイで首相と会談し、協力を拡大することで一致した。'],
    ['ko', '한국과 베트남은 11일 하노이에서 외교장관 회담을 열고 공급망 협력을 강화하기로 합의했다.'],
    ['th', 'นายกรัฐมนตรีไทยและเวียดนามหารือความร่วมมือด้านการค้าที่กรุงฮานอยเมื่อวันที่ 12 มิถุนายน'],
    ['ru', 'Россия и Вьетнам договорились расширять сотрудничество в области энергетики, заявил министр в четверг.'],
    ['vi', 'Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Hàn Quốc tại Hà Nội chiều nay, hai bên nhất trí tăng cường hợp tác.'],
  ])('reads a short %s text as that language, never "und"', (language, text) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it('gives "und" and a warning for too little text', () => {
    expect(detectLanguage('Hà Nội, 10 January')).toMatchObject({ language: 'und', warning: expect.stringMatching(/too little text/) });
  });
});

describe('a date in the lede', () => {
  const dateOf = (lede: string): string | null => {
    const result = parseDispatch(`Vietnam and Brunei review cooperation\n\n${lede}\n\nThe two sides agreed to expand cooperation in fisheries.`, 'lede-date.txt');
    return result.ok ? result.dispatch.date : 'failed';
  };

  it('dates a page that prints no date when the lede opens with a full one', () => {
    expect(dateOf('Ngày 30/11/2026, tại Hà Nội, Việt Nam và Brunei tổ chức kỳ họp lần thứ tư của Ủy ban hỗn hợp.')).toBe('2026-11-30');
    expect(dateOf('On 30 November 2026, Vietnam and Brunei held the fourth meeting of their joint commission.')).toBe('2026-11-30');
  });

  it('never takes a date from further into the sentence, nor one without a year', () => {
    expect(dateOf('The pact, signed on November 30, 2020, expires next year, officials from both countries said.')).toBeNull();
    expect(dateOf('Vietnam and Brunei on November 30, 2026 held the fourth meeting of their joint commission.')).toBeNull();
    expect(dateOf('Ngày 30/11, tại Hà Nội, Việt Nam và Brunei tổ chức kỳ họp lần thứ tư của Ủy ban hỗn hợp.')).toBeNull();
  });
});

describe('text after a footer marker', () => {
  it('is left out, with a warning when it reads like a sentence of the story', () => {
    const text = [
      ' date 2026-03-02 HÀ NỘI — Việt Nam and Laos signed three agreements on trade and transport at talks in the capital on Monday.',
      'The two sides also agreed to review progress on the joint railway project every six months. — VNA/VNS',
      'Related News',
      'The talks continued late into the evening, and both delegations said they expected a further round in the spring of next year.',
      'Laos and Việt Nam hold annual meeting',
    ].join('\n\n');
    const result = parseDispatch(text, 'trailer.txt');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dispatch.body).not.toContain('late into the evening');
    expect(result.dispatch.warnings).toEqual([expect.stringMatching(/after the footer line "Related News", a line that reads like article text, left out: "The talks continued late into the evening/)]);
  });

  it('gives no warning for a copyright notice that reads like a sentence', () => {
    const text = [
      'Hanói, 2 sep (EFE).- Vietnam y Laos firmaron este martes tres acuerdos de comercio y transporte en la capital vietnamita.',
      'Ambos países revisarán cada seis meses el avance del proyecto ferroviario conjunto, según los ministerios.',
      '© EFE 2025. Está expresamente prohibida la redistribución y la redifusión de este contenido sin su previo y expreso consentimiento.',
    ].join('\n\n');
    const result = parseDispatch(text, 'notice.txt');
    expect(result.ok && result.dispatch.warnings.filter((warning) => warning.includes('footer'))).toEqual([]);
    expect(result.ok && result.dispatch.body).not.toContain('EFE 2025');
  });

  it('gives no warning for related headlines and menu words', () => {
    const text = [
      ' date 2026-03-02 HÀ NỘI — Việt Nam and Laos signed three agreements on trade and transport at talks in the capital on Monday. — VNA/VNS',
      'Related News',
      'Laos and Việt Nam hold annual meeting',
      'Culture',
    ].join('\n\n');
    const result = parseDispatch(text, 'trailer.txt');
    expect(result.ok && result.dispatch.warnings).toEqual([]);
  });
});

describe('an end marker that names the agency', () => {
  it('is listed once among the discarded lines when a lede marker gave the agency', () => {
    const text = [
      'Japan, Vietnam agree to deepen security ties',
      'HANOI, Oct. 3 (Xinhua) -- Japan and Vietnam agreed on Friday to deepen security cooperation, officials said.',
      '==Kyodo',
    ].join('\n\n');
    const result = parseDispatch(text, 'kyodo.txt');
    expect(result.ok && result.dispatch.agency).toBe('Xinhua');
    expect(result.ok && result.dispatch.discarded.filter((line) => line === '==Kyodo')).toHaveLength(1);
  });
});

describe('a wire desk’s version tag before the headline', () => {
  it('is left out of the title and kept among the discarded lines', () => {
    const text = [
      '(LEAD) S. Korea, Vietnam agree to expand defense cooperation',
      'SEOUL, Aug. 11 (Yonhap) -- South Korea and Vietnam agreed Monday to expand cooperation in the defense industry, the ministry said.',
    ].join('\n\n');
    const result = parseDispatch(text, 'lead.txt');
    expect(result.ok && result.dispatch.title).toBe('S. Korea, Vietnam agree to expand defense cooperation');
    expect(result.ok && result.dispatch.discarded).toEqual(['(LEAD)', 'SEOUL, Aug. 11 (Yonhap) --']);
  });
});
