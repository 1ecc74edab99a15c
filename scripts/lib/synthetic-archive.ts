/**
 * A synthetic archive for benchmarks and scale tests, made from the seeds' own three shapes: dates
 * (full, month-only, year-only and none), partner countries (names swapped in the text) and lengths
 * (paragraphs cut or repeated) vary, all from a seeded generator so every run builds the same archive.
 *
 *   tsx scripts/lib/synthetic-archive.ts --count 1000 --out /tmp/archive
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SEEDS_DIR } from '../../src/site/paths.ts';

/** mulberry32: tiny, fast and good enough to vary test data; the same seed gives the same archive. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

// English name, demonym, capital as a wire dateline; Norwegian name for the translated page.
const PARTNERS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['Japan', 'Japanese', 'TOKYO', 'Japan'], ['France', 'French', 'PARIS', 'Frankrike'],
  ['India', 'Indian', 'NEW DELHI', 'India'], ['Cuba', 'Cuban', 'HAVANA', 'Cuba'], ['Laos', 'Lao', 'VIENTIANE', 'Laos'],
  ['Brazil', 'Brazilian', 'BRASÍLIA', 'Brasil'], ['Indonesia', 'Indonesian', 'JAKARTA', 'Indonesia'],
  ['Australia', 'Australian', 'CANBERRA', 'Australia'], ['Egypt', 'Egyptian', 'CAIRO', 'Egypt'],
  ['Mexico', 'Mexican', 'MEXICO CITY', 'Mexico'], ['Poland', 'Polish', 'WARSAW', 'Polen'],
  ['Hungary', 'Hungarian', 'BUDAPEST', 'Ungarn'], ['Chile', 'Chilean', 'SANTIAGO', 'Chile'],
  ['Singapore', 'Singaporean', 'SINGAPORE', 'Singapore'], ['Thailand', 'Thai', 'BANGKOK', 'Thailand'],
  ['Cambodia', 'Cambodian', 'PHNOM PENH', 'Kambodsja'], ['Mongolia', 'Mongolian', 'ULAANBAATAR', 'Mongolia'],
  ['Argentina', 'Argentine', 'BUENOS AIRES', 'Argentina'], ['Germany', 'German', 'BERLIN', 'Tyskland'],
  ['Bulgaria', 'Bulgarian', 'SOFIA', 'Bulgaria'],
];

interface Seeds {
  wires: Array<{ text: string; name: string; demonym: string }>;
  vov: string;
  page: string;
}

async function loadSeeds(): Promise<Seeds> {
  const read = (name: string): Promise<string> => readFile(join(SEEDS_DIR, name), 'utf8');
  return {
    wires: [
      { text: await read('000_c1e9c1a179e0b2a5.txt'), name: 'Germany', demonym: 'German' },
      { text: await read('002_ab79468c31c8404f.txt'), name: 'Azerbaijan', demonym: 'Azerbaijani' },
      { text: await read('004_fddb412e61d3f82b.txt'), name: 'Bulgaria', demonym: 'Bulgarian' },
    ],
    vov: await read('001_660d5ccee3f9ddf8.txt'),
    page: await read('003_de0e4ba2ab4b4e39.txt'),
  };
}

/** Swaps a country's name and demonym; the longer word first, so "Germany" is not read as "German" + "y". */
function swapCountry(text: string, from: { name: string; demonym: string }, to: { name: string; demonym: string }): string {
  const pairs = [[from.name, to.name], [from.demonym, to.demonym]].sort((a, b) => (b[0]?.length ?? 0) - (a[0]?.length ?? 0));
  return pairs.reduce((result, [old = '', replacement = '']) => result.split(old).join(replacement), text);
}

/** The middle paragraphs cut to a third or repeated up to three times. */
function resize(random: Random, paragraphs: readonly string[]): string[] {
  if (paragraphs.length === 0) return [];
  const count = Math.max(1, Math.round(paragraphs.length * (0.3 + random() * 2.7)));
  const offset = between(random, 0, paragraphs.length - 1);
  return Array.from({ length: count }, (_, index) => paragraphs[(offset + index) % paragraphs.length] ?? '');
}

function wireDate(random: Random): string {
  const year = between(random, 2015, 2026);
  const month = String(between(random, 1, 12)).padStart(2, '0');
  const roll = random();
  if (roll < 0.1) return String(year);
  if (roll < 0.3) return `${year}-${month}`;
  return `${year}-${month}-${String(between(random, 1, 28)).padStart(2, '0')}`;
}

function makeWire(random: Random, seeds: Seeds): string {
  const seed = pick(random, seeds.wires);
  const [name, demonym, capital] = pick(random, PARTNERS);
  const text = swapCountry(seed.text, seed, { name, demonym });
  const paragraphs = text.split('\n\n');
  const lede = (paragraphs[0] ?? '').replace(/^ date \S+ .+? — /u, '');
  const last = paragraphs[paragraphs.length - 1] ?? '';
  const city = random() < 0.5 ? capital : pick(random, ['HÀ NỘI', 'HO CHI MINH CITY', 'ĐÀ NẴNG']);
  const dash = pick(random, ['—', '—', '–', '_']);
  return [` date ${wireDate(random)} ${city} ${dash} ${lede}`, ...resize(random, paragraphs.slice(1, -1)), last].join('\n\n');
}

function makeVov(random: Random, seeds: Seeds): string {
  const [name, demonym] = pick(random, PARTNERS);
  const text = swapCountry(seeds.vov, { name: 'Russia', demonym: 'Russian' }, { name, demonym });
  const paragraphs = text.split('\n\n');
  // Headline, marked lede and glued caption first; "Related News" and the empty line after it last.
  return [...paragraphs.slice(0, 3), ...resize(random, paragraphs.slice(3, -2)), ...paragraphs.slice(-2)].join('\n\n');
}

function makePage(random: Random, seeds: Seeds): string {
  const [, , , norwegian] = pick(random, PARTNERS);
  const text = seeds.page.split('Nord-Korea').join(norwegian);
  const day = String(between(random, 1, 28)).padStart(2, '0');
  const month = String(between(random, 1, 12)).padStart(2, '0');
  const dated = text.replace('09/10/2025', `${day}/${month}/${between(random, 2018, 2026)}`);
  const paragraphs = dated.split('\n\n');
  const bodyStart = paragraphs.findIndex((paragraph) => /\d{2}\/\d{2}\/\d{4}$/.test(paragraph)) + 1;
  const bodyEnd = paragraphs.indexOf('(TTXVN/Vietnam+)');
  return [...paragraphs.slice(0, bodyStart), ...resize(random, paragraphs.slice(bodyStart, bodyEnd)), ...paragraphs.slice(bodyEnd)].join('\n\n');
}

function makeDispatch(random: Random, seeds: Seeds): string {
  const roll = random();
  if (roll < 0.6) return makeWire(random, seeds);
  if (roll < 0.8) return makeVov(random, seeds);
  return makePage(random, seeds);
}

/** Writes `count` dispatch files into `folder`: the same count always gives the same files. */
export async function writeSyntheticArchive(folder: string, count: number): Promise<void> {
  const random = seededRandom(20260110);
  const seeds = await loadSeeds();
  for (let index = 0; index < count; index += 1) {
    const hash = Math.floor(random() * 0xffffffff).toString(16).padStart(8, '0');
    await writeFile(join(folder, `${String(index).padStart(6, '0')}_${hash}.txt`), makeDispatch(random, seeds));
  }
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' }, out: { type: 'string' } } });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || values.out === undefined) {
    process.stderr.write('usage: tsx scripts/lib/synthetic-archive.ts --count <n> --out <folder>\n');
    process.exitCode = 2;
  } else {
    await mkdir(values.out, { recursive: true });
    await writeSyntheticArchive(values.out, count);
    process.stdout.write(`Wrote ${count} dispatches to ${values.out}\n`);
  }
}
