/**
 * Everything the bench measures for one archive: it is written, built cold (a fresh cache and a fresh
 * output folder) as `npm run build` builds it, sized on disk, measured in the browser, and finally
 * built again with one more dispatch, as the next day's build would be.
 */
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { PROJECT_ROOT } from '../../src/site/paths.ts';
import { readBuiltList } from '../../src/site/data-files.ts';
import { chooseDispatches, countryTruth, listTextFiles, prepareArchive, type CountryTruth, type PreparedArchive } from './archives.ts';
import { runBrowserBench, type BrowserBenchResult } from './browser.ts';
import type { Progress } from './emulated-page.ts';
import { runMeasured } from './process-tree.ts';
import { measureSite, type SiteSizes } from './site-sizes.ts';

/** Inside an archive's temporary folder: the built site, and the cache its builds share. */
const SITE_FOLDER = 'site';
const CACHE_FOLDER = 'cache';

export interface BuildFigures {
  seconds: number;
  peakRssBytes: number | null;
  /** The build's own summary: counts, bytes and the seconds of each stage. */
  summary: string;
}

export interface ArchiveResult {
  /** Dispatches in the measured site. */
  count: number;
  /** How many of them were generated; the rest are the seeds. */
  generated: number;
  /** Null when the bench measured a site built before (`--no-build`). */
  build: BuildFigures | null;
  rebuild: BuildFigures | null;
  site: SiteSizes;
  browser: BrowserBenchResult;
  /** The country the bench filters by, and how many dispatches the built list holds about it. */
  country: CountryTruth;
}

export interface ArchivePlan {
  /** Dispatches to build, the seeds among them; or an already built site to measure as it is. */
  source: { kind: 'build'; count: number } | { kind: 'built'; siteDir: string };
  seedsDir: string;
  runs: number;
  query: string;
  countryName: string;
  progress: Progress;
}

/** The dispatches a build's summary line reports ("1,000 dispatches from …"). */
export function dispatchesBuilt(summary: string): number | null {
  const match = /^([\d,]+) dispatch(?:es)? from /m.exec(summary);
  return match?.[1] === undefined ? null : Number(match[1].replace(/,/g, ''));
}

/**
 * The arguments node gets from `npm run build`, read from package.json: the bench times the build as
 * it runs, flags included, without npm's own start-up in the figure.
 */
export function buildScriptArguments(scripts: Readonly<Record<string, string>>): string[] {
  const [command, ...args] = (scripts.build ?? '').trim().split(/\s+/);
  if (command !== 'node' || args.length === 0) throw new Error(`package.json: the build script should start with "node", not "${scripts.build ?? ''}"`);
  return args;
}

function projectScripts(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return manifest.scripts ?? {};
}

/** Builds the archive into the work folder's site as `npm run build` does, with the work folder's cache. */
async function build(inputDir: string, workDir: string, expected: number): Promise<BuildFigures> {
  const [outDir, cacheDir] = [join(workDir, SITE_FOLDER), join(workDir, CACHE_FOLDER)];
  const args = [...buildScriptArguments(projectScripts()), '--in', inputDir, '--out', outDir, '--cache', cacheDir];
  const run = await runMeasured(process.execPath, args, { cwd: PROJECT_ROOT });
  if (run.exitCode !== 0) throw new Error(`the build of ${inputDir} failed (exit ${run.exitCode ?? 'by signal'}):\n${run.stdout}`);
  // The temporary folder's name says nothing to a reader of the report.
  const summary = run.stdout.trim().split('\n').slice(-3).join('\n').replaceAll(relative(PROJECT_ROOT, workDir), '<archive>');
  const built = dispatchesBuilt(summary);
  if (built !== expected) throw new Error(`the build of ${inputDir} made ${built ?? 'no'} dispatches, not ${expected}:\n${summary}`);
  return { seconds: run.seconds, peakRssBytes: run.peakRssBytes, summary };
}

export async function measureArchive(plan: ArchivePlan): Promise<ArchiveResult> {
  const { source, seedsDir, runs, query, countryName, progress } = plan;
  const workDir = await mkdtemp(join(tmpdir(), 'dispatch-bench-archive-'));
  try {
    let archive: PreparedArchive;
    let siteDir: string;
    let cold: BuildFigures | null = null;
    if (source.kind === 'build') {
      progress(`${source.count.toLocaleString('en')} dispatches: writing the archive…`);
      archive = await prepareArchive(workDir, seedsDir, source.count);
      siteDir = join(workDir, SITE_FOLDER);
      progress(`${source.count.toLocaleString('en')} dispatches: cold build…`);
      cold = await build(archive.inputDir, workDir, archive.count);
    } else {
      siteDir = source.siteDir;
      archive = { count: (await listTextFiles(seedsDir)).length, generated: 0, inputDir: seedsDir, addedLater: '' };
    }
    progress('  sizes on disk, and every page compressed as it is sent…');
    const site = await measureSite(siteDir);
    const list = await readBuiltList(siteDir);
    const dispatches = await chooseDispatches(archive, list, seedsDir);
    const country = countryTruth(list, countryName);
    const browser = await runBrowserBench({ siteDir, dispatches, runs, query, country, progress });

    let rebuild: BuildFigures | null = null;
    if (source.kind === 'build') {
      progress(`${source.count.toLocaleString('en')} dispatches: rebuild after adding one…`);
      await copyFile(archive.addedLater, join(archive.inputDir, basename(archive.addedLater)));
      rebuild = await build(archive.inputDir, workDir, archive.count + 1);
    }
    return { count: list.entries.length, generated: archive.generated, build: cold, rebuild, site, browser, country };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
