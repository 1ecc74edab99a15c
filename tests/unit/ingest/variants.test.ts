/**
 * Dispatches the seeds do not show but the archive will hold: other dashes and sign-offs, month-only
 * dates, photo credits, other outlets and languages, and text in no known shape. Each fixture is
 * described in tests/fixtures/README.md.
 */
import { describe, expect, it } from 'vitest';
import { mustParse, parseFixture, renderedParagraphs } from './support.ts';

describe('wire stories', () => {
  it('read an en dash after a three-word dateline', () => {
    const dispatch = parseFixture('variants/wire-en-dash.txt');
    expect(dispatch.date).toBe('2026-02-03');
    expect(dispatch.dateline).toBe('Ho Chi Minh City');
    expect(dispatch.agency).toBe('VNA/VNS');
    expect(dispatch.countries).toEqual(['JP', 'VN']);
    expect(renderedParagraphs(dispatch.body)[0]).toMatch(/^Vietnamese and Japanese businesses/);
  });

  it('read an underscore after the dateline and a "— VNS" sign-off', () => {
    const dispatch = parseFixture('variants/wire-underscore-vns.txt');
    expect(dispatch.dateline).toBe('Hà Nội');
    expect(dispatch.agency).toBe('VNS');
    expect(dispatch.body).not.toMatch(/VNS$/);
    expect(renderedParagraphs(dispatch.body).at(-1)).toMatch(/Development Zone\.$/);
  });

  it('read a bare "VNS" at the very end as the sign-off', () => {
    const dispatch = parseFixture('variants/wire-bare-vns.txt');
    expect(dispatch.agency).toBe('VNS');
    expect(dispatch.dateline).toBe('Vientiane');
    expect(renderedParagraphs(dispatch.body).at(-1)).toMatch(/must preserve\.$/);
    expect(dispatch.countries).toEqual(['LA', 'VN']);
  });

  it('keep a month-only date as "YYYY-MM"', () => {
    const dispatch = parseFixture('variants/wire-month-only.txt');
    expect(dispatch.date).toBe('2025-07');
    expect(dispatch.warnings).toEqual([]);
    expect(dispatch.countries).toEqual(['ID', 'VN']);
  });

  it('take photo credits such as "— XINHUA/VNA Photo" for captions, not for sign-offs or datelines', () => {
    const dispatch = parseFixture('variants/wire-photo-credit.txt');
    expect(dispatch.dateline).toBe('Beijing');
    expect(dispatch.agency).toBe('VNA/VNS');
    expect(dispatch.images).toEqual([
      { caption: 'Party General Secretary Tô Lâm and Chinese President Xi Jinping at the talks in Beijing on Monday.', credit: 'XINHUA/VNA Photo' },
      { caption: 'The welcome ceremony for General Secretary Tô Lâm at the Great Hall of the People.', credit: 'VNA/VNS Photo Trí Dũng' },
    ]);
    expect(dispatch.body).not.toMatch(/Photo/);
    expect(renderedParagraphs(dispatch.body).at(-1)).toBe('They also pledged to manage differences at sea through peaceful means in line with international law.');
  });

  it('name only the countries the text names: this one never names Việt Nam', () => {
    expect(parseFixture('variants/wire-photo-credit.txt').countries).toEqual(['CN']);
  });

  it('take a headline line above the header as the title', () => {
    const dispatch = parseFixture('variants/wire-headline-above.txt');
    expect(dispatch.title).toBe('Việt Nam and India step up defence industry cooperation');
    expect(dispatch.titleOrigin).toBe('text');
    expect(dispatch.dateline).toBe('New Delhi');
    expect(dispatch.countries).toEqual(['IN', 'VN']);
  });

  it('keep a dispatch with an impossible date, with a null date and a warning quoting the header', () => {
    const dispatch = parseFixture('variants/impossible-date.txt');
    expect(dispatch.date).toBeNull();
    expect(dispatch.dateline).toBe('Berlin');
    expect(dispatch.warnings).toEqual([expect.stringContaining('"2026-02-30"')]);
  });
});

describe('VOV pages', () => {
  it('read "(VOVworld) –" in any case with any dash, a credited glued caption and a "Related articles" trailer', () => {
    const dispatch = parseFixture('variants/vov-lowercase-marker.txt');
    expect(dispatch.agency).toBe('VOV World');
    expect(dispatch.title).toBe('Vietnam, Laos boost cooperation in education');
    expect(dispatch.summary).toMatch(/^Vietnam and Laos signed an agreement/);
    expect(dispatch.images).toEqual([{ caption: 'Education ministers of the two countries at the signing ceremony', credit: 'VOV' }]);
    expect(dispatch.discarded).toEqual(
      expect.arrayContaining(['(VOVworld) –', 'Related articles', 'Vietnam helps Laos repair flood-damaged roads']),
    );
    expect(dispatch.body).not.toMatch(/Related|ảnh|Ha Long Bay/);
  });

  it('keep a sign-off the marker made unnecessary among the discarded lines, not in the body', () => {
    const dispatch = mustParse(
      [
        'Vietnam, Laos boost cooperation in education',
        '(VOVworld) – Vietnam and Laos signed an agreement on Tuesday in Vientiane to expand scholarships for Lao students.',
        'The two ministers also agreed to build two more boarding schools in Lao border provinces. — VNA',
      ].join('\n\n'),
      'vov-with-sign-off.txt',
    );
    expect(dispatch.agency).toBe('VOV World');
    expect(dispatch.discarded).toContain('— VNA');
    expect(renderedParagraphs(dispatch.body).at(-1)).toMatch(/border provinces\.$/);
  });
});

describe('translated pages', () => {
  it.each([
    {
      path: 'variants/page-french.txt', language: 'fr', date: '2025-05-14', agency: 'Le Courrier du Vietnam', countries: ['FR', 'VN'],
      title: 'Le Vietnam et la France renforcent leur partenariat stratégique global', label: 'Source:', trailer: 'Lire aussi',
      sourceUrl: 'https://www.lecourrier.vn/le-vietnam-et-la-france-renforcent-leur-partenariat/123456.html',
    },
    {
      path: 'variants/page-swedish.txt', language: 'sv', date: '2025-08-21', agency: 'Nhân Dân', countries: ['SE', 'VN'],
      title: 'Vietnam och Sverige fördjupar samarbetet inom grön omställning', label: 'Källa:', trailer: 'Läs också',
      sourceUrl: 'https://nhandan.vn/sv/vietnam-och-sverige-fordjupar-samarbetet-post881234.html',
    },
    {
      path: 'variants/page-german.txt', language: 'de', date: '2025-12-03', agency: 'VietnamPlus', countries: ['DE', 'VN'],
      title: 'Vietnam und Deutschland wollen die Zusammenarbeit in der Berufsbildung ausbauen', label: 'Quelle:', trailer: 'Lesen Sie auch',
      sourceUrl: 'https://www.vietnamplus.vn/de/vietnam-und-deutschland-berufsbildung-post998877.vnp',
    },
    {
      path: 'variants/page-spanish.txt', language: 'es', date: '2025-06-30', agency: 'VOV', countries: ['CU', 'VN'],
      title: 'Vietnam y Cuba firman nuevos acuerdos de cooperación agrícola', label: 'Fuente:', trailer: 'Noticias relacionadas',
      sourceUrl: 'https://vovworld.vn/es-ES/noticias/vietnam-y-cuba-firman-acuerdos-123456.vov',
    },
  ])('$path: outlet line, standfirst, credited caption, source link and footer', (expected) => {
    const dispatch = parseFixture(expected.path);
    expect(dispatch.title).toBe(expected.title);
    expect(dispatch.language).toBe(expected.language);
    expect(dispatch.date).toBe(expected.date);
    expect(dispatch.agency).toBe(expected.agency);
    expect(dispatch.countries).toEqual(expected.countries);
    expect(dispatch.sourceUrl).toBe(expected.sourceUrl);
    expect(dispatch.provenance.summary).toMatch(/standfirst/);
    expect(dispatch.images).toHaveLength(1);
    expect(dispatch.images[0]?.credit).toBe('VNA');
    expect(dispatch.images[0]?.caption).not.toMatch(/Foto|Photo|Bild/);
    expect(dispatch.discarded).toEqual(expect.arrayContaining([expected.label, expected.trailer]));
    expect(dispatch.body).not.toContain(expected.trailer);
    expect(dispatch.body).not.toMatch(/\.jpg|https?:/);
    expect(dispatch.warnings).toEqual([]);
  });

  it('leave section labels above the headline out, without a warning', () => {
    const dispatch = parseFixture('variants/page-swedish.txt');
    expect(dispatch.discarded).toEqual(expect.arrayContaining(['Världen', 'Politik']));
  });
});

describe('text in no known shape', () => {
  it('takes a headline-like first line as the title and warns about what it could not find', () => {
    const dispatch = parseFixture('variants/unrecognised-headline.txt');
    expect(dispatch.title).toBe('Vietnam and New Zealand open new air route');
    expect(dispatch.titleOrigin).toBe('text');
    expect(dispatch.date).toBeNull();
    expect(dispatch.agency).toBeNull();
    expect(dispatch.countries).toEqual(['NZ', 'VN']);
    expect(dispatch.warnings.join(' ')).toMatch(/no date/);
    expect(dispatch.warnings.join(' ')).toMatch(/no agency/);
  });

  it('derives the title from the lede when the first line is a sentence', () => {
    const dispatch = parseFixture('variants/unrecognised-no-headline.txt');
    expect(dispatch.titleOrigin).toBe('derived');
    expect(dispatch.title).toBe('Việt Nam and Kazakhstan agreed to set up a working group on transport and logistics');
    expect(renderedParagraphs(dispatch.body)[0]).toBe(dispatch.summary);
  });
});
