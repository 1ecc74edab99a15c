/** Each field reader on its own: the forms it recognises, and the look-alikes it must leave alone. */
import { describe, expect, it } from 'vitest';
import { readDateIn, readDateInUrl, readMonthDay } from '../../../src/ingest/date-text.ts';
import { furnitureKind, readByline, readCopyrightHolder, readDateLine, readOutletName, readSourceValue, splitOutletSuffix } from '../../../src/ingest/furniture.ts';
import { headlineFromSentence } from '../../../src/ingest/headline.ts';
import { isCountryWord } from '../../../src/ingest/countries.ts';
import { readLedeMarker } from '../../../src/ingest/lede-marker.ts';
import { readClosingName, splitEndMarker } from '../../../src/ingest/signoff.ts';
import { deriveTitle } from '../../../src/ingest/title.ts';
import { mustParse, renderedParagraphs } from './support.ts';

describe('readDateIn', () => {
  it.each([
    ['July 2, 2025 | 08:15 pm PT', '2025-07-02'],
    ['Thursday, 12 June 2025', '2025-06-12'],
    ['05/06/2025 16:20 GMT+7', '2025-06-05'],
    ['2024.08.09', '2024-08-09'],
    ['2025-05-05 21:42:17', '2025-05-05'],
    ['2 de septiembre de 2025', '2025-09-02'],
    ['23. September 2025', '2025-09-23'],
    ['Thứ hai, 26/5/2025, 14:05 (GMT+7)', '2025-05-26'],
    ['2025年3月27日', '2025-03-27'],
    ['2025년 8월 11일', '2025-08-11'],
    ['19 июня 2025 года', '2025-06-19'],
    ['Publié le 1er juillet 2025 à 14h05', '2025-07-01'],
    ['Aug. 11, 2025', '2025-08-11'],
    ['7 OCT 2025, 14:25', '2025-10-07'],
    ['12 มิ.ย. 2568 14:05 น.', '2025-06-12'],
    ['ngày 26 tháng 5 năm 2025', '2025-05-26'],
    ['09/23/2025', '2025-09-23'],
  ])('reads %j as %s', (text, value) => {
    expect(readDateIn(text)?.value).toBe(value);
  });

  it('keeps a month and year as a partial date', () => {
    expect(readDateIn('June 2025')?.value).toBe('2025-06');
  });

  it.each(['on Monday', 'May 5', 'since 1960', '123 Tran Hung Dao Street', 'the 2030 targets', '31/02/2025', 'Date 2026 marks fifty years'])(
    'reads no date in %j',
    (text) => {
      expect(readDateIn(text)).toBeNull();
    },
  );
});

describe('readDateLine', () => {
  it.each([
    'By Viet Anh   July 2, 2025 | 08:15 pm PT',
    'Source: Xinhua | 2025-05-05 21:42:17 | Editor: huaxia',
    'Publicerad 12 juni 2025 kl. 14.05',
    'KYODO NEWS - Oct 3, 2025 - 18:20 | World, All',
    'June 6, 2025 10:20 AM GMT+7 Updated 2 hours ago',
  ])('takes %j for a date line', (line) => {
    expect(readDateLine(line)).not.toBeNull();
  });

  it.each(['Vietnam marks National Day with a parade on September 2, 2025', 'The talks were held in Hanoi on June 12, 2025.'])(
    'leaves the headline or sentence %j alone',
    (line) => {
      expect(readDateLine(line)).toBeNull();
    },
  );
});

describe('readDateInUrl and readMonthDay', () => {
  it.each([
    ['https://english.news.cn/20250505/abc/c.html', '2025-05-05'],
    ['https://example.com/news/2025/03/27/story.html', '2025-03-27'],
    ['http://world.people.com.cn/n1/2025/0327/c1002-123.html', '2025-03-27'],
    ['https://example.com/news/2025/11/story.html', '2025-11'],
  ])('reads the date in %s', (url, value) => {
    expect(readDateInUrl(url)?.value).toBe(value);
  });

  it('reads no date in an address without one', () => {
    expect(readDateInUrl('https://www.vietnamplus.vn/x-post1069215.vnp')).toBeNull();
  });

  it.each([['May 5', 5, 5], ['7 октября', 10, 7], ['3月27日', 3, 27], ['Aug. 11', 8, 11]])('reads %j as month %i, day %i', (text, month, day) => {
    expect(readMonthDay(text)).toEqual({ month, day });
  });
});

describe('readLedeMarker', () => {
  it.each([
    ['HANOI, May 5 (Xinhua) -- Vietnam and Laos agreed.', 'Hanoi', 'Xinhua'],
    ['Hà Nội (VNA) – Vietnam and Laos agreed.', 'Hà Nội', 'VNA'],
    ['SEOUL, Aug. 11 (Yonhap) -- South Korea agreed.', 'Seoul', 'Yonhap'],
    ['MOSCOW, October 7. /TASS/. Russia and Vietnam agreed.', 'Moscow', 'TASS'],
    ['HANOI (Vietnam News/ANN): Vietnam and Malaysia agreed.', 'Hanoi', 'Vietnam News/ANN'],
    ['HÀ NỘI — Việt Nam and Laos agreed.', 'Hà Nội', null],
    ['HÀ NỘI _ Việt Nam and Laos agreed.', 'Hà Nội', null],
    ['NDO – Vietnam and Singapore agreed.', null, 'NDO'],
    ['(VOVWORLD) - Vietnam and Laos agreed.', null, 'VOV World'],
    ['Ханой (ВИА) – Вьетнам и Лаос договорились.', 'Ханой', 'ВИА'],
    ['МОСКВА, 7 окт — РИА Новости. Россия и Вьетнам обсудили.', 'Москва', 'РИА Новости'],
    ['越通社河内3月27日电——越南与老挝举行会谈。', '河内', '越通社'],
    ['【ハノイ共同】ベトナムを訪問中の首相は会談した。', 'ハノイ', '共同'],
    ['(서울=연합뉴스) 김수연 기자 = 한국과 베트남은 합의했다.', '서울', '연합뉴스'],
    ['La Habana, 2 sep (Prensa Latina) Cuba y Vietnam firmaron hoy.', 'La Habana', 'Prensa Latina'],
    ['Hanói, 2 sep (EFE).- Los Gobiernos de Vietnam y China acordaron.', 'Hanói', 'EFE'],
    ['Hanoi (dpa) - Deutschland und Vietnam wollen zusammenarbeiten.', 'Hanoi', 'dpa'],
    ['TOKYO - Japan and Vietnam agreed on Friday.', 'Tokyo', null],
    ['HANOI, Vietnam (AP) — Vietnam and Japan agreed on Friday.', 'Hanoi', 'AP'],
    ['HANOI, June 12 (Reuters) - Vietnam and Japan agreed on Friday.', 'Hanoi', 'Reuters'],
    ['Hanói, 12 de junio (Prensa Latina) Cuba y Vietnam firmaron hoy.', 'Hanói', 'Prensa Latina'],
    ['Hanoi (dpa/AFP) - Vietnam und Deutschland wollen zusammenarbeiten.', 'Hanoi', 'dpa/AFP'],
    ['SGGP - Nhiều doanh nghiệp Hàn Quốc đang mở rộng nhà máy.', null, 'SGGP'],
    ['ANTĐ - Nhiều doanh nghiệp Hàn Quốc đang mở rộng nhà máy.', null, 'ANTĐ'],
    ['HUẾ - Nhiều doanh nghiệp Hàn Quốc đang mở rộng nhà máy.', 'Huế', null],
    ['TGVN. Ngày 12/6, Bộ trưởng Ngoại giao hai nước đã hội đàm tại Hà Nội.', null, 'TGVN'],
    ['(KPL) Vientiane, June 12 – The Lao and Vietnamese ministers met.', 'Vientiane', 'KPL'],
    ['Phnom Penh – Cambodia and Vietnam will build a new bridge.', 'Phnom Penh', null],
    ['中新网北京3月27日电 越南与老挝举行会谈。', '北京', '中新网'],
    ['[서울=뉴시스] 이민지 기자 = 한국과 베트남은 합의했다.', '서울', '뉴시스'],
    ['HANOI, Nov. 30 Kyodo - Japan and Vietnam agreed Sunday to start talks.', 'Hanoi', 'Kyodo'],
    ['HANOI. Sveriges biståndsminister besökte på söndagen Hanoi.', 'Hanoi', null],
    ['（中央社記者王小明河內30日專電）越南與台灣簽署備忘錄。', '河內', '中央社'],
    ['（中央社台北30日電）台灣與越南簽署備忘錄。', '台北', '中央社'],
    ['【ハノイ=佐藤健】ベトナム政府は30日発表した。', 'ハノイ', null],
    ['ULAANBAATAR, November 30, 2026 (Montsame) -- Mongolia and Vietnam signed a deal.', 'Ulaanbaatar', 'Montsame'],
    ['(ANSA) - ROME, NOV 30 - Italy and Vietnam agreed to boost trade.', 'Rome', 'ANSA'],
    ['HCMC – Vietnam and Australia will expand cooperation in training.', 'HCMC', null],
    ['(Dân trí) - Bộ trưởng Quốc phòng Việt Nam và Ấn Độ đã hội đàm tại New Delhi.', null, 'Dân trí'],
  ])('reads %j', (line, dateline, agency) => {
    expect(readLedeMarker(line)).toMatchObject({ dateline, agency });
  });

  it('keeps the year a marker prints, and only then', () => {
    expect(readLedeMarker('ULAANBAATAR, November 30, 2026 (Montsame) -- Mongolia and Vietnam signed a deal.')).toMatchObject({ monthDay: { month: 11, day: 30 }, year: 2026 });
    expect(readLedeMarker('HANOI, May 5 (Xinhua) -- Vietnam and Laos agreed.')?.year).toBeUndefined();
  });

  it('gives the lede without its marker', () => {
    expect(readLedeMarker('HANOI, May 5 (Xinhua) -- Vietnam and Laos agreed.')?.rest).toBe('Vietnam and Laos agreed.');
  });

  it.each([
    'General Secretary of the Communist Party of Việt Nam (CPV) Central Committee Tô Lâm received a delegation.',
    'Vietnam (VN) and Laos agreed on Monday.',
    'Leaders of German political parties have expressed strong interest.',
    '(LEAD) S. Korea, Vietnam agree to expand cooperation',
    'S. Korea, Vietnam agree to boost cooperation in nuclear power',
    'US. President Trump said on Monday that talks would go on.',
    'Vietnam – China trade rose by a fifth last year, customs data showed.',
    'HANOI, May 5 Vietnamese officials - and their Lao counterparts - met on Monday.',
    'PEACE. That was the word the minister used.',
    '(theo TTXVN) - hai bên đã ký ba thỏa thuận hợp tác.',
  ])('finds no marker in %j', (line) => {
    expect(readLedeMarker(line)).toBeNull();
  });
});

describe('furnitureKind', () => {
  it.each([
    ['We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies.', 'consent'],
    ['Accept all', 'widget'],
    ['Share   Facebook   Twitter   Email', 'widget'],
    ['分享到：', 'widget'],
    ['Home | China | World | Business', 'menu'],
    ['News › Politics', 'menu'],
    ['Photos | Video | Biz', 'menu'],
    ['Read more: Vietnam, Singapore upgrade ties', 'related'],
    ['Läs också: Vietnam satsar på förnybar energi', 'related'],
    ['Related articles', 'related'],
    ['Tags: Vietnam Japan labor export', 'tags'],
    ['#Vietnam #defense industry', 'tags'],
    ['Copyright © 2000-2025 XINHUANET.com All rights reserved.', 'copyright'],
    ['<ⓒ 뉴스1코리아, 무단전재 및 재배포 금지>', 'copyright'],
    ['Enditem', 'end-marker'],
    ['(END)', 'end-marker'],
    ['（完）', 'end-marker'],
    ['Source: Xinhua', 'source'],
    ['（责编：王伟、李娜）', 'source'],
    ['By Nguyen Thu Trang', 'byline'],
    ['soo@yna.co.kr', 'email'],
    ['Sign up for our newsletter to receive the latest news from Vietnam every morning.', 'newsletter'],
    ['VnExpress International – Latest news, business, travel and analysis from Vietnam', 'site-title'],
    ['Thursday, 12 June 2025 - 14:05', 'date-line'],
    ['Advertisement', 'widget'],
    ['(Reporting by Phuong Nguyen; Editing by Kim Coghill)', 'end-marker'],
    ['Enjoying this article? Click here to subscribe for full access. Just $5 a month.', 'newsletter'],
    ['Đăng ký nhận bản tin hằng ngày của chúng tôi để không bỏ lỡ tin tức.', 'newsletter'],
    ['Subscribe now', 'newsletter'],
    ['Most Read from Bloomberg', 'related'],
    ['More from Reuters', 'related'],
    ['3 min', 'widget'],
    ['5 min read', 'widget'],
    ['Lesezeit: 3 Min.', 'widget'],
    ['Updated: 2 hours ago', 'date-line'],
    ['Cập nhật 5 phút trước', 'date-line'],
    ['vor 3 Stunden', 'date-line'],
    ['hace 2 horas', 'date-line'],
    ['Partager sur Facebook', 'widget'],
    ['Share on X', 'widget'],
    ['Join ST’s WhatsApp Channel and get the latest news and must-reads.', 'newsletter'],
    ['ro/mgt', 'end-marker'],
    ['(끝)', 'end-marker'],
    ['Story continues below advertisement', 'widget'],
    ['（編輯：林芳如）1151130', 'source'],
    ['A A A', 'widget'],
    ['November 30, 2026 | 10:02', 'date-line'],
    ['>> Australia grants more scholarships to Vietnamese students', 'related'],
    ['Dewi Kurniawan (The Jakarta Post)', 'byline'],
    ['Minh Anh (TTXVN)', 'byline'],
    ['Tin, ảnh: PHAN TRANG', 'byline'],
    ['Theo dõi Dân trí trên Google News', 'widget'],
    ['Follow us on Facebook', 'widget'],
  ])('%j is %s', (line, kind) => {
    expect(furnitureKind(line)).toBe(kind);
  });

  it.each([
    'Vietnam and Laos signed three agreements on trade and transport at talks in the capital on Monday.',
    'Vietnam, Laos vow to deepen special ties as railway talks advance',
    'Economic cooperation',
    '| not | a table |',
    'Related news agencies reported the meeting.',
    'Investors rushed to subscribe to the new government bonds on Monday, the ministry said.',
    'Vietnam will sign up to the principles of the convention, the minister said.',
    'The ministry publishes a newsletter on rice exports every month, officials said.',
    'Theo bản tin của Đài Truyền hình Việt Nam, hai bên đã ký ba thỏa thuận hợp tác.',
    'El boletín oficial del Estado publicó el acuerdo el lunes por la mañana.',
    'More from Vietnam’s farms reach Chinese shelves',
    'The talks lasted 3 minutes.',
    '» Vietnam and Laos agreed on Monday to build a bridge over the Mekong.',
    'Pham Minh Chinh (Vietnam)',
  ])('leaves %j to the article', (line) => {
    expect(furnitureKind(line)).toBeNull();
  });

  it.each([
    ['Khmer Times', 'Khmer Times'],
    ['VietNamNet Global', 'VietNamNet Global'],
    ['Lao News Agency', 'Lao News Agency'],
    ['Nyheter', null],
    ['Politics', null],
    ['Vietnam, Laos sign a deal', null],
  ])('reads the outlet name %j as %j', (line, name) => {
    expect(readOutletName(line)).toBe(name);
  });

  it.each([
    ['Vietnam, Laos sign rail deal | Hanoi Times', 'Vietnam, Laos sign rail deal', 'Hanoi Times'],
    ['Vietnam, Cambodia vow closer ties - Xinhua', 'Vietnam, Cambodia vow closer ties', 'Xinhua'],
    ['Việt Nam - Hàn Quốc thúc đẩy hợp tác văn hóa - Báo Nhân Dân', 'Việt Nam - Hàn Quốc thúc đẩy hợp tác văn hóa', 'Báo Nhân Dân'],
    ['Vietnam and Laos sign a transport deal | english.news.cn', 'Vietnam and Laos sign a transport deal', 'english.news.cn'],
  ])('splits the outlet off the headline %j', (line, headline, outlet) => {
    expect(splitOutletSuffix(line)).toEqual({ headline, outlet });
  });

  it.each(['Vietnam - China trade rises by a fifth', 'Flights resume to Da Nang - Vietnam Airlines', 'Vietnam, US talks - a new chapter'])(
    'leaves the headline %j whole',
    (line) => {
      expect(splitOutletSuffix(line)).toBeNull();
    },
  );

  it('reads the agency a source line names, and a byline as a person', () => {
    expect(readSourceValue('Source: Xinhua | 2025-05-05 21:42:17')).toEqual({ label: 'source', value: 'Xinhua' });
    expect(readSourceValue('Theo TTXVN')).toEqual({ label: 'according to', value: 'TTXVN' });
    expect(readByline('By Kim Soo-yeon')).toBe('Kim Soo-yeon');
    expect(readCopyrightHolder('© Bangkok Post PCL. All rights reserved.')).toBe('Bangkok Post');
  });
});

describe('end markers and closing names', () => {
  it.each([
    ['…according to Vietnamese figures. Enditem', '…according to Vietnamese figures.', 'Enditem'],
    ['…东盟一体化进程。（完）', '…东盟一体化进程。', '（完）'],
    ['…giữa hai nước./.', '…giữa hai nước.', './.'],
    ['베트남은 한국의 3대 교역국이다. (끝)', '베트남은 한국의 3대 교역국이다.', '(끝)'],
  ])('splits %j', (paragraph, text, marker) => {
    expect(splitEndMarker(paragraph)).toEqual({ text, marker });
  });

  it.each([
    ['共同通信', 'agency'],
    ['Vũ Anh', 'author'],
    ['THANH HÀ', 'author'],
    ['สำนักข่าวไทย', 'agency'],
  ])('reads the last line %j as the %s', (line, kind) => {
    expect(readClosingName(line)?.kind).toBe(kind);
  });
});

describe('headline-like derived titles', () => {
  const headline = (sentence: string): string | undefined => headlineFromSentence(sentence, isCountryWord)?.title;

  it('drops the chain of titles before the actor and the time words, and ends with the main clause', () => {
    expect(
      headline(
        'General Secretary of the Communist Party of Việt Nam (CPV) Central Committee Tô Lâm on Monday received a delegation of the New Azerbaijan Party (YAP) led by its Deputy Chairman Tahir Budagov, who came to offer congratulations.',
      ),
    ).toBe('Tô Lâm received a delegation of the New Azerbaijan Party');
  });

  it('drops "on October 23 (local time)" and, when still too long, the titles before other names', () => {
    expect(
      headline(
        'General Secretary Tô Lâm met with Chairman of the Bulgarian Socialist Party (BSP) Atanas Zafirov and representatives of left-wing parties in Bulgaria on October 23 (local time), as part of his official visit.',
      ),
    ).toBe('Tô Lâm met with Atanas Zafirov and representatives of left-wing parties in Bulgaria');
  });

  it('drops "this year" and cuts before "as part of"', () => {
    expect(headline('Việt Nam will send 5,000 tonnes of rice to Cuba this year as part of its long-standing support for the Caribbean nation.')).toBe(
      'Việt Nam will send 5,000 tonnes of rice to Cuba',
    );
  });

  it('keeps a subject that is a list of countries whole', () => {
    expect(headline('Vietnam, Laos and Cambodia agreed on Tuesday to share data on the Mekong River, officials said.')).toBe(
      'Vietnam, Laos and Cambodia agreed to share data on the Mekong River',
    );
  });

  it('drops opening phrases of time and place, even where the time words leave "On," behind', () => {
    expect(headline('On November 30, the Prime Minister received the Japanese ambassador in Hanoi.')).toBe('The Prime Minister received the Japanese ambassador in Hanoi');
    expect(headline('On Monday, in Hanoi, the Prime Minister received the Japanese ambassador.')).toBe('The Prime Minister received the Japanese ambassador');
  });

  it('keeps an opening phrase that is the sentence’s own subject', () => {
    expect(headline('At least ten fishermen were rescued, the ministry said on Monday, after their boat sank near the Paracels.')).not.toMatch(/^The ministry/);
  });

  it('drops a Vietnamese lede’s opening time and place ("Chiều 30-11, tại Hà Nội, …")', () => {
    expect(deriveTitle('Chiều 30-11, tại Hà Nội, Bộ trưởng Bộ Quốc phòng đã tiếp Tư lệnh Lục quân Campuchia.', 'vi')?.title).toBe(
      'Bộ trưởng Bộ Quốc phòng đã tiếp Tư lệnh Lục quân Campuchia',
    );
    expect(deriveTitle('Ngày 30/11, tại Cairo, Đại sứ Việt Nam đã làm việc với Bộ trưởng Thương mại Ai Cập.', 'vi')?.title).toBe(
      'Đại sứ Việt Nam đã làm việc với Bộ trưởng Thương mại Ai Cập',
    );
  });

  it('keeps a title that is not followed by a name', () => {
    expect(headline('The Prime Minister on Monday called for faster work on the expressway, saying delays cost money.')).toBe(
      'The Prime Minister called for faster work on the expressway',
    );
  });

  it('drops a relative clause or a title between commas after the subject', () => {
    expect(headline('President Luong Cuong, who is on a state visit to Chile, met with Chilean President Gabriel Boric in Santiago on November 11 (local time).')).toBe(
      'Luong Cuong met with Chilean President Gabriel Boric in Santiago',
    );
    expect(headline('Wang Yi, China’s foreign minister, said on Monday that the two countries would manage differences at sea.')).toBe(
      'Wang Yi said that the two countries would manage differences at sea',
    );
  });

  it('hands back the shortened clause, marked as not ending there, when it is still too long', () => {
    const result = headlineFromSentence(
      'Prime Minister Pham Minh Chinh on Tuesday called on Japanese businesses to expand investment in Vietnam’s semiconductor industry, during a meeting in Tokyo.',
      isCountryWord,
    );
    expect(result).toMatchObject({ clauseEnds: false, title: 'Pham Minh Chinh called on Japanese businesses to expand investment in Vietnam’s semiconductor industry' });
  });
});

describe('robustness', () => {
  it('never splits a word at a zero-width character: "BERLI\\uFEFFN" is Berlin', () => {
    const dispatch = mustParse(' date 2026-01-10 BERLI\uFEFFN — Leaders of both countries met in Ber\u200Blin on Friday to discuss trade. — VNA/VNS', 'zero-width.txt');
    expect(dispatch.dateline).toBe('Berlin');
    expect(dispatch.summary).toContain('met in Berlin on Friday');
  });

  it('reads a first line "Date 2026 marks fifty years…" as a sentence, not a wire header', () => {
    const dispatch = mustParse(
      'Date 2026 marks fifty years of diplomatic ties between Việt Nam and Sweden, the two foreign ministers said in Stockholm.\n\nThey agreed to hold a series of events in both countries.',
      'fifty-years.txt',
    );
    expect(dispatch.date).toBeNull();
    expect(dispatch.dateline).toBeNull();
    expect(dispatch.summary).toMatch(/^Date 2026 marks fifty years/);
    expect(dispatch.countries).toEqual(['SE', 'VN']);
  });

  it('keeps the sentences after a stray end marker word in the middle of the story', () => {
    const dispatch = mustParse(
      [
        'Vietnam and Laos agree on new border gates',
        'HANOI, May 5 (Xinhua) -- Vietnam and Laos agreed on Monday to open two new border gates, officials said. Enditem',
        'The gates will open next year and handle both passengers and goods, the officials said after the talks.',
      ].join('\n\n'),
      'stray-marker.txt',
    );
    expect(renderedParagraphs(dispatch.body).at(-1)).toMatch(/^The gates will open next year/);
  });
});
