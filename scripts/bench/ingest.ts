/**
 * How fast the ingest turns an archive into a bundle, and how big the bundle gets.
 *
 *   tsx scripts/bench/ingest.ts --ingest 10000
 *
 * The archive is synthetic but made from the seeds' own three shapes: dates (full, month-only, year-only
 * and none), partner countries (names swapped in the text) and lengths (paragraphs cut or repeated) vary,
 * all from a seeded generator so every run measures the same archive. It goes through the same public
 * API as `npm run bundle`.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildBundle, readDispatchFolder, serializeBundle } from '../../src/ingest/index.ts';
import { SEEDS_DIR } from '../../src/site/paths.ts';

export interface IngestBenchResult {
  count: number;
  /** Reading the folder, building and validating the bundle, and serialising it. */
  seconds: number;
  dispatchesPerSecond: number;
  bundleBytes: number;
  bundleGzipBytes: number;
}


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

async function writeArchive(folder: string, count: number): Promise<void> {
  const random = seededRandom(20260110);
  const seeds = await loadSeeds();
  for (let index = 0; index < count; index += 1) {
    const hash = Math.floor(random() * 0xffffffff).toString(16).padStart(8, '0');
    await writeFile(join(folder, `${String(index).padStart(6, '0')}_${hash}.txt`), makeDispatch(random, seeds));
  }
}

export async function runIngestBench(count: number): Promise<IngestBenchResult> {
  const folder = await mkdtemp(join(tmpdir(), 'dispatch-ingest-bench-'));
  try {
    await writeArchive(folder, count);
    const started = performance.now();
    const result = buildBundle(await readDispatchFolder(folder));
    if (!result.ok) throw new Error(`the synthetic archive did not build:\n${result.errors.slice(0, 10).join('\n')}`);
    const json = serializeBundle(result.bundle);
    const seconds = (performance.now() - started) / 1000;
    return {
      count,
      seconds,
      dispatchesPerSecond: count / seconds,
      bundleBytes: Buffer.byteLength(json),
      bundleGzipBytes: gzipSync(json).length,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function formatResult(result: IngestBenchResult): string {
  const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(2)} MB`;
  return [
    `ingest: ${result.count} dispatches in ${result.seconds.toFixed(2)} s (${Math.round(result.dispatchesPerSecond)} dispatches/s)`,
    `bundle: ${megabytes(result.bundleBytes)} raw, ${megabytes(result.bundleGzipBytes)} gzip`,
  ].join('\n');
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) {
  const { values } = parseArgs({ options: { ingest: { type: 'string', default: '1000' } } });
  const count = Number(values.ingest);
  if (!Number.isInteger(count) || count < 1) {
    process.stderr.write(`--ingest wants a positive whole number of dispatches, not "${values.ingest}"\n`);
    process.exitCode = 2;
  } else {
    process.stdout.write(`${formatResult(await runIngestBench(count))}\n`);
  }
}
