/**
 * The five seeds, field by field. Expected values were read off the seed text itself (cat -A), never
 * copied from the ingest's output.
 */
import { describe, expect, it } from 'vitest';
import { derivedTitleProblems, parseSeed, readSeed, renderedParagraphs, SEED_FILES, squash } from './support.ts';

interface Row {
  seed: keyof typeof SEED_FILES;
  title: string | { derived: string };
  date: string | null;
  dateline: string | null;
  agency: string;
  language: string;
  countries: string[];
  /** The lede a derived title must come from, as the seed writes it after the header. */
  ledeStart: string;
}

const TABLE: Row[] = [
  {
    seed: '000', title: { derived: 'Leaders of German political parties have expressed strong interest in and admiration…' }, date: '2026-01-10', dateline: 'Berlin', agency: 'VNA/VNS', language: 'en', countries: ['DE', 'VN'],
    ledeStart: 'Leaders of German political parties have expressed strong interest in and admiration for Việt Nam’s development achievements',
  },
  {
    seed: '001', title: 'Party General Secretary Nguyen Phu Trong holds talks with Russian President Vladimir Putin',
    date: null, dateline: null, agency: 'VOV World', language: 'en', countries: ['RU', 'UA', 'VN'],
    ledeStart: 'Party General Secretary Nguyen Phu Trong held talks with Russian President Vladimir Putin in Hanoi on Thursday',
  },
  {
    seed: '002', title: { derived: 'Tô Lâm received a delegation of the New Azerbaijan Party' }, date: '2026-01-26', dateline: 'Hà Nội', agency: 'VNA/VNS', language: 'en', countries: ['AZ', 'VN'],
    ledeStart: 'General Secretary of the Communist Party of Việt Nam (CPV) Central Committee Tô Lâm on Monday received a delegation',
  },
  {
    seed: '003', title: 'Fremme forholdet mellom Vietnam og Nord-Korea for å gå inn i en ny utviklingsfase',
    date: '2025-10-09', dateline: null, agency: 'VietnamPlus', language: 'nb', countries: ['KP', 'VN'],
    ledeStart: 'Generalsekretær To Lam bekreftet at Vietnam er villig til å dele erfaringer med økonomisk innovasjon',
  },
  {
    seed: '004', title: { derived: 'Tô Lâm met with Atanas Zafirov and representatives of left-wing parties in Bulgaria' }, date: '2025-10-24', dateline: 'Sofia', agency: 'VNA/VNS', language: 'en', countries: ['BG', 'VN'],
    ledeStart: 'General Secretary of the Communist Party of Việt Nam (CPV) Central Committee Tô Lâm met with Chairman of the Bulgarian Socialist Party',
  },
];

describe.each(TABLE)('seed $seed', (row) => {
  const dispatch = parseSeed(row.seed);

  it('gets its id, source file and article path from the file name', () => {
    const id = SEED_FILES[row.seed].replace(/\.txt$/, '');
    expect(dispatch.id).toBe(id);
    expect(dispatch.sourceFile).toBe(SEED_FILES[row.seed]);
    expect(dispatch.path).toBe(`/article/${id}`);
  });

  it('has the title the table gives', () => {
    if (typeof row.title === 'object') {
      expect(dispatch.titleOrigin).toBe('derived');
      expect(dispatch.title).toBe(row.title.derived);
      expect(derivedTitleProblems(dispatch.title, dispatch.summary)).toEqual([]);
    } else {
      expect(dispatch.titleOrigin).toBe('text');
      expect(dispatch.title).toBe(row.title);
    }
  });

  it('has the date, dateline, agency and language the table gives', () => {
    expect(dispatch.date).toBe(row.date);
    expect(dispatch.dateline).toBe(row.dateline);
    expect(dispatch.agency).toBe(row.agency);
    expect(dispatch.language).toBe(row.language);
  });

  it('names exactly the countries the table gives, sorted', () => {
    expect(dispatch.countries).toEqual(row.countries);
  });

  it('has the one country besides Việt Nam as its counterpart', () => {
    expect(dispatch.counterpart).toBe(row.countries.find((code) => code !== 'VN'));
  });

  it('summarises with its standfirst or lede, in plain text', () => {
    expect(dispatch.summary.startsWith(row.ledeStart)).toBe(true);
  });

  it('counts the words of its body', () => {
    const words = renderedParagraphs(dispatch.body).join(' ').split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
    expect(dispatch.wordCount).toBe(words.length);
    expect(dispatch.wordCount).toBeGreaterThan(200);
  });

  it('says how each field was found', () => {
    for (const how of Object.values(dispatch.provenance)) expect(how.trim()).not.toBe('');
  });
});

describe('the wire seeds', () => {
  it.each(['000', '002', '004'] as const)('seed %s keeps its lede as the first body paragraph, without the header', (seed) => {
    const dispatch = parseSeed(seed);
    const [first] = renderedParagraphs(dispatch.body);
    expect(first).toBe(dispatch.summary);
    expect(dispatch.body).not.toMatch(/\bdate 20/);
  });

  it.each(['000', '002', '004'] as const)('seed %s turns its sign-off into the agency and has no warnings', (seed) => {
    const dispatch = parseSeed(seed);
    expect(dispatch.body).not.toContain('VNA/VNS');
    expect(dispatch.warnings).toEqual([]);
    expect(dispatch.images).toEqual([]);
    expect(dispatch.sourceUrl).toBeNull();
    expect(dispatch.discarded).toEqual([]);
  });
});

describe('seed 001, the VOV page', () => {
  const dispatch = parseSeed('001');

  it('has no date and a warning that says so', () => {
    expect(dispatch.date).toBeNull();
    expect(dispatch.warnings.some((warning) => /no date/.test(warning))).toBe(true);
  });

  it('turns the glued caption line into one image with the text after "- ảnh 1"', () => {
    expect(dispatch.images).toEqual([
      { caption: 'Party General Secretary Nguyen Phu Trong holds talks with Russian President Vladimir Putin', credit: null },
    ]);
    expect(dispatch.body).not.toContain('ảnh 1');
    expect(renderedParagraphs(dispatch.body)).not.toContain(dispatch.title);
  });

  it('drops the (VOVWORLD) marker and the Related News heading from the text', () => {
    expect(dispatch.body).not.toMatch(/VOVWORLD/i);
    expect(dispatch.summary).not.toMatch(/VOVWORLD/i);
    expect(dispatch.body).not.toContain('Related News');
    expect(dispatch.discarded).toEqual(expect.arrayContaining(['(VOVWORLD) -', 'Related News']));
  });

  it('keeps a single space where the text had a space and a no-break space', () => {
    expect(renderedParagraphs(dispatch.body)).toContain(
      "He said developing a comprehensive strategic partnership with Vietnam is a priority in Russia's foreign policy in the Asia-Pacific region.",
    );
  });
});

describe('seed 003, the translated page', () => {
  const dispatch = parseSeed('003');

  it('summarises with the standfirst line', () => {
    expect(dispatch.summary).toBe(
      'Generalsekretær To Lam bekreftet at Vietnam er villig til å dele erfaringer med økonomisk innovasjon, utenriksøkonomiske forbindelser, informasjon om økonomisk styringspolitikk, import-eksport og sosioøkonomisk utvikling med Nord-Korea.',
    );
    expect(dispatch.provenance.summary).toMatch(/standfirst/);
  });

  it('reads the outlet line as day/month/year', () => {
    expect(dispatch.provenance.date).toMatch(/09\/10\/2025.*day\/month\/year/);
  });

  it('takes the source link from the Kilde: line', () => {
    expect(dispatch.sourceUrl).toBe(
      'https://www.vietnamplus.vn/thuc-day-quan-he-viet-nam-trieu-tien-buoc-vao-giai-doan-phat-trien-moi-post1069215.vnp',
    );
  });

  it('has three images whose credits come out of the (Foto: …) parentheses', () => {
    expect(dispatch.images).toHaveLength(3);
    for (const image of dispatch.images) {
      expect(image.credit).toBe('Thong Nhat/VNA');
      expect(image.caption).not.toContain('Foto');
      expect(image.caption).toMatch(/Kim Jong-un|velkommen/);
    }
    expect(dispatch.images[2]?.caption).toBe(
      'Generalsekretær i Arbeiderpartiet i Korea og leder av Statskommisjonen i Den demokratiske folkerepublikken Korea, Kim Jong-un, ønsker generalsekretær To Lam velkommen.',
    );
  });

  it('keeps the (TTXVN/Vietnam+) attribution as the last paragraph', () => {
    expect(renderedParagraphs(dispatch.body).at(-1)).toBe('(TTXVN/Vietnam+)');
  });

  it('names North Korea, never South Korea, for the DPRK, the Korean peninsula and "broderlandet Korea"', () => {
    expect(dispatch.countries).toContain('KP');
    expect(dispatch.countries).not.toContain('KR');
  });

  it('leaves the site header, outlet line, file names and footer out of the article and lists them as discarded', () => {
    const furniture = [
      'Vietnam.vn - Nền tảng quảng bá Việt Nam',
      'VietnamPlusVietnamPlus09/10/2025',
      'ttxvn-tong-bi-thu-to-lam-hoi-dam-voi-tong-bi-thu-chu-tich-quoc-vu-chdcnd-trieu-tien-kim-jong-un-2.jpg',
      'Kommentar (0)',
      'No data',
      'I samme emne',
      'I samme kategori',
      'Oversvømmede områder i Lang Son sett fra et helikopter',
      'Av samme forfatter',
      'No videos available',
      'Produkt',
    ];
    expect(dispatch.discarded).toEqual(expect.arrayContaining(furniture));
    const article = [dispatch.title, dispatch.summary, dispatch.body, ...dispatch.images.map((image) => image.caption)].join('\n');
    for (const line of furniture) expect(article).not.toContain(line);
    expect(article).not.toContain('Kilde');
    expect(squash(article)).not.toContain('.jpg');
  });
});

describe.each(TABLE.filter((row) => row.dateline !== null))('wire story $seed', (row) => {
  it('keeps every word of the file but its header and sign-off', () => {
    // Counted on the raw file: "date", the date, the dateline's words and the agency are not the story.
    const fileWords = readSeed(row.seed).split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    const headerAndSignOff = 2 + (row.dateline ?? '').split(' ').length + 1;
    expect(parseSeed(row.seed).wordCount).toBe(fileWords - headerAndSignOff);
  });
});
