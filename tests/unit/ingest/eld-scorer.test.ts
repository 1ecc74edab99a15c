/**
 * language.ts scores eld's table itself (eld-parts.ts says why); it must give eld's own answer for
 * every text. Should an update of eld move or change the files it reads, these fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eld } from 'eld/small';
import { describe, expect, it } from 'vitest';
import { eldParts } from '../../../src/ingest/eld-parts.ts';
import { tableScorer } from '../../../src/ingest/language.ts';
import { SEEDS_DIR } from '../../../src/site/paths.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** Every text file under a folder. */
function textsIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.txt'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

/** Samples of a text at several places and lengths, as the ingest and unusual callers would pass. */
function samplesOf(text: string): string[] {
  const samples: string[] = [];
  for (let start = 0; start < Math.min(text.length, 8000); start += 151) {
    for (const length of [40, 200, 600, 1500]) samples.push(text.slice(start, start + length));
  }
  return samples;
}

const EDGES = [
  '',
  '   ',
  '2025 – 12 – 01 / 08:15',
  'Hà Nội',
  'Supercalifragilisticexpialidocious-and-then-some-more-letters-to-pass-seventy-bytes-in-one-word really',
  `${'Việt Nam '.repeat(120)}`,
  'Thủ tướng Phạm Minh Chính tiếp Đại sứ Hàn Quốc 🇰🇷 tại Hà Nội 😀 𝒜𝓈𝒾𝒶',
  '越通社河内3月27日电——越南与中国在河内举行会谈。',
  'Ханой (ВИА) – Премьер-министр Вьетнама провёл переговоры',
  'ฮานอย – นายกรัฐมนตรีเวียดนามพบกับเอกอัครราชทูต',
  '하노이 - 베트남 총리가 한국 대사를 접견했다',
  "don't won't it's l’année d’Asie",
  'a b c d e f g',
];

describe('scoring eld’s table', () => {
  it('finds eld’s files where the ingest runs', () => {
    expect(eldParts).not.toBeNull();
  });

  it('gives eld’s own answer for every sample of the seeds and fixtures, in every language they hold, and for edge cases', () => {
    if (eldParts === null) throw new Error('eld’s files were not found');
    const score = tableScorer(eldParts);
    const samples = [...textsIn(SEEDS_DIR), ...textsIn(FIXTURES)].flatMap(samplesOf).concat(EDGES);
    expect(samples.length).toBeGreaterThan(500);
    const disagreements = samples.filter((sample) => score(sample) !== eld.detect(sample).language);
    expect(disagreements).toEqual([]);
    // The samples span the archive's languages, so agreeing is not agreeing on English alone.
    expect([...new Set(samples.map(score))]).toEqual(expect.arrayContaining(['en', 'vi', 'zh', 'ja', 'ko', 'ru', 'th', 'de', 'es', 'fr']));
  });
});
