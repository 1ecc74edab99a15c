/**
 * Dispatch files → the static site, at any archive size:
 *
 * 1. Ingest: dispatches stream in; only a small record of each stays in memory.
 * 2. Index: the archive's order, facets, periods.
 * 3. Features: the names each dispatch mentions and its search terms, from the last build's pack,
 *    or read by worker threads for new and changed dispatches.
 * 4. Related dispatches, from shared countries, names and closeness in time.
 * 5. Pages: worker threads render each dispatch's page whose content changed since the last build.
 * 6. Data files and the search index, feeds, the landing and not-found pages, the app's assets;
 *    whatever the build no longer produces is removed.
 *
 * Build time only. Memory holds records, names and postings, never every dispatch; time grows
 * linearly with the archive, and a rebuild does work only for what changed.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Dispatch } from '../core/schema.ts';
import { ARCHIVE_SUMMARY_URL, type RelatedLink } from '../core/site-data.ts';
import { countryName } from '../ingest/countries.ts';
import { ingestFolder } from '../ingest/pipeline.ts';
import { archiveSummary, buildArchiveIndex, type ArchiveIndex, type ArchiveRecord } from './archive-index.ts';
import { listDataFiles, writeDataFolder } from './data-files.ts';
import { toListEntry } from './entries.ts';
import { FeaturesPackWriter, readFeaturesPack } from './features-pack.ts';
import { feedFiles } from './feeds.ts';
import { readFirstSeen, writeFirstSeen } from './first-seen.ts';
import { offlineFiles } from './offline-files.ts';
import { contentHash, Output, readRecord, type OutputRecord } from './output.ts';
import { articleFiles, homePage, notFoundPage, placementOf, type PageContext } from './pages.ts';
import { relatedDispatches } from './related.ts';
import { loadRenderModule, renderPageDocument } from './render-module.ts';
import type { Features, RenderSetup, WorkerResult, WorkerTask } from './render-task.ts';
import { SearchIndexBuilder } from './search-index.ts';
import { searchTags } from './search-tags.ts';
import { HEADERS_FILE, siteHeadersFile } from './security-headers.ts';
import { WorkerPool } from './worker-pool.ts';

/** The app as Vite built it: the page template, the stylesheet to inline, and the server bundle. */
export interface BuiltApp {
  template: string;
  css: string;
  /** Hashed assets to copy into dist/, relative path → content. */
  assets: Map<string, Buffer>;
  /** The server bundle's folder: server.js renders a page, render-worker.js is the worker. */
  serverDir: string;
  /** Changes whenever the code does, the app's or the build's: every page must then be rendered again. */
  version: string;
  /** The service worker as Vite built it, before the build writes its manifest in (offline-files.ts). */
  worker?: string;
}

export interface BuildOptions {
  inDir: string;
  outDir: string;
  /** Where the ingest and the build keep what the next build can reuse. */
  cacheDir: string;
  app: BuiltApp;
  origin: string | undefined;
  workers?: number;
  onProgress?: (stage: string, done: number, total: number) => void;
  /** The build's time, for dispatches seen for the first time; now unless a test says otherwise. */
  now?: Date;
}

export interface BuildSummary {
  dispatches: number;
  problems: string[];
  /** Per file, what the ingest could not determine. */
  warnings: Array<{ file: string; warnings: string[] }>;
  pagesRendered: number;
  pagesWritten: number;
  filesWritten: number;
  filesUnchanged: number;
  filesRemoved: number;
  /** What the output folder holds, each file once, from what the builds recorded; null when that is not known. */
  bytes: number | null;
  /** Seconds each stage took, in order, and the memory the build held at its end: where a slow or large build spends. */
  stages: Array<[stage: string, seconds: number, megabytes: number]>;
}

export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const { outDir, cacheDir, app } = options;
  const setup: RenderSetup = {
    template: app.template,
    css: app.css,
    serverModule: join(app.serverDir, 'server.js'),
    origin: options.origin,
    outDir,
    ingestCache: join(cacheDir, 'ingest'),
  };
  // One pool for the features and the pages: a rebuild with a handful of each starts its threads once.
  // They start now, loading the renderer while the ingest runs: a rebuild after one new dispatch
  // otherwise waited for them at its first page, with nothing else to do.
  const pool = new WorkerPool<WorkerTask, WorkerResult>(pathToFileURL(join(app.serverDir, 'render-worker.js')), setup, options.workers ?? availableParallelism());
  pool.warmUp();
  try {
    return await buildWithPool(options, setup, pool);
  } finally {
    // The build closes the pool once its pages are done; this is for a build that stopped before.
    await pool.close();
  }
}

async function buildWithPool(options: BuildOptions, setup: RenderSetup, pool: WorkerPool<WorkerTask, WorkerResult>): Promise<BuildSummary> {
  const { outDir, cacheDir, app } = options;
  const stages = stageClock();
  const siteCache = join(cacheDir, 'site', contentHash(outDir));
  const previous = await readRecord(`${siteCache}.json`);
  const output = new Output(outDir, previous);
  await mkdir(outDir, { recursive: true });

  // 1. Ingest.
  const records: ArchiveRecord[] = [];
  const problems: string[] = [];
  const warnings: BuildSummary['warnings'] = [];
  const progress = (stage: string) => ({ done, total }: { done: number; total: number }) => options.onProgress?.(stage, done, total);
  for await (const event of ingestFolder({ folder: options.inDir, cacheDir: setup.ingestCache, onProgress: progress('ingest') })) {
    if (event.kind === 'problem') problems.push(event.message);
    else {
      records.push(recordOf(event.dispatch, event.key));
      if (event.dispatch.warnings.length > 0) warnings.push({ file: event.dispatch.sourceFile, warnings: event.dispatch.warnings });
    }
  }
  stages.done('ingest');

  // 2. Index.
  const index = buildArchiveIndex(records);
  const context: PageContext = { index, countryName };
  stages.done('index');

  // 3. Features: unchanged dispatches' from the last build's pack, the others' from the workers.
  const run = (tasks: Iterable<WorkerTask>, onResult: (result: WorkerResult) => void | Promise<void>) => pool.run(tasks, onResult);
  const search = new SearchIndexBuilder();
  const names: string[][] = new Array<string[]>(index.records.length);
  const featuresCode = await featuresVersion();
  const pack = await FeaturesPackWriter.create(`${siteCache}.features`, featuresCode);
  const positionOfKey = new Map(index.records.map((record, position) => [record.key, position]));
  const noteFeatures = async (position: number, key: string, features: Features, stored?: Buffer) => {
    names[position] = features.names;
    search.add(position, features.terms);
    await pack.add(key, features, stored);
  };
  let featuresRead = 0;
  await readFeaturesPack(`${siteCache}.features`, featuresCode, async (key, features, stored) => {
    const position = positionOfKey.get(key);
    if (position === undefined || names[position] !== undefined) return;
    featuresRead += 1;
    await noteFeatures(position, key, features, stored);
  });
  await run(
    (function* () {
      for (const [position, record] of index.records.entries()) {
        if (names[position] === undefined) yield { kind: 'features', seq: position, key: record.key, tags: searchTags(record.entry) };
      }
    })(),
    async (result) => {
      const record = index.records[result.seq];
      if (result.kind === 'features' && record !== undefined) await noteFeatures(result.seq, record.key, result.features);
      options.onProgress?.('features', ++featuresRead, index.records.length);
    },
  );
  await pack.finish();
  stages.done('features');

  // 4. Related dispatches.
  const related = relatedLinks(index, names);
  stages.done('related');

  // 5. Pages whose content changed.
  let rendered = 0;
  let pagesWritten = 0;
  let done = 0;
  await run(
    (function* (): Generator<WorkerTask> {
      for (const [position, record] of index.records.entries()) {
        const placement = placementOf(context, record.entry.id, related.get(record.entry.id) ?? []);
        const files = articleFiles(record.entry.id);
        const [first = ''] = files;
        // What the page shows follows from these: its dispatch, its neighbours' dispatches and its related links.
        const neighbours = placement.window.entries.map((entry) => index.records[index.positionOf.get(entry.id) ?? -1]?.key ?? entry.id);
        const input = contentHash([app.version, options.origin ?? '', record.key, placement.window.newer, placement.window.older, ...neighbours, JSON.stringify(placement.related)].join('\0'));
        output.record.inputs[first] = input;
        if (previous.inputs[first] === input && output.keep(files, [])) continue;
        yield { kind: 'page', seq: position, key: record.key, files, placement, previousHash: previous.files[first] ?? null };
      }
    })(),
    (result) => {
      if (result.kind !== 'page') return;
      rendered += 1;
      if (result.page.written) pagesWritten += 1;
      output.note(articleFiles(index.records[result.seq]?.entry.id ?? ''), result.page.hash, [], result.page.bytes);
      done += 1;
      options.onProgress?.('pages', done, index.records.length);
    },
  );
  await pool.close();
  stages.done('pages');

  // 6. Everything else.
  const version = await writeDataFolder(output, (function* () {
    yield* listDataFiles(index);
    yield* search.files();
  })());
  await output.write([ARCHIVE_SUMMARY_URL.slice(1)], JSON.stringify(archiveSummary(index, version, countryName)), 'best');
  stages.done('data files');
  const firstSeen = await readFirstSeen(`${siteCache}.first-seen`, index, options.now ?? new Date());
  const countryNames = archiveSummary(index, version, countryName).names.countries;
  const entries = index.records.map(({ entry, summary }) => ({ ...entry, summary, firstSeen: firstSeen.get(entry.id) ?? '' }));
  // A feed per country and agency: many files, compressed fast.
  // No compressed copies: feed readers poll with gzip or nothing, which hosts apply as they send.
  for (const feed of feedFiles(entries, { origin: options.origin, countryNames })) await output.write([feed.path.slice(1)], feed.text, 'none');
  await writeFirstSeen(`${siteCache}.first-seen`, firstSeen);
  const render = await loadRenderModule(setup.serverModule);
  for (const page of [homePage(context), notFoundPage(context)]) {
    await output.write(page.files, renderPageDocument(app, options.origin, render, page), 'best');
  }
  for (const [path, content] of app.assets) await output.write([path], content, 'best');
  // For hosts that read `_headers`: the policy that allows what every page inlines (decision 0014).
  await output.write([HEADERS_FILE], siteHeadersFile(app.template, app.css), 'none');
  for (const file of offlineFiles(app)) await output.write([file.path], file.content, 'best');
  keepPreviousDataVersion(output, previous, version);
  const filesRemoved = await output.removeStale();
  await mkdir(dirname(siteCache), { recursive: true });
  await writeFile(`${siteCache}.json`, JSON.stringify(output.record));
  stages.done('feeds, landing page, assets, clean-up');

  return {
    dispatches: index.records.length,
    problems,
    warnings,
    pagesRendered: rendered,
    pagesWritten,
    filesWritten: output.writtenCount + pagesWritten,
    filesUnchanged: output.unchangedCount,
    filesRemoved,
    bytes: output.bytesOnDisk(),
    stages: stages.all,
  };
}

function stageClock() {
  const all: Array<[string, number, number]> = [];
  let start = performance.now();
  return {
    all,
    done(stage: string) {
      const now = performance.now();
      all.push([stage, (now - start) / 1000, Math.round(process.memoryUsage.rss() / 1e6)]);
      start = now;
    },
  };
}

function recordOf(dispatch: Dispatch, key: string): ArchiveRecord {
  return { entry: toListEntry(dispatch), counterpart: dispatch.counterpart, summary: dispatch.summary, key };
}

/** Up to five related dispatches for each, with the reason in words. */
function relatedLinks(index: ArchiveIndex, names: ReadonlyArray<string[] | undefined>): Map<string, RelatedLink[]> {
  const countryNames = Object.fromEntries([...index.facets.country.keys()].map((code) => [code, countryName(code)]));
  const found = relatedDispatches(
    index.records.map(({ entry, counterpart }, position) => ({ id: entry.id, date: entry.date, countries: entry.countries, counterpart, names: names[position] ?? [] })),
    countryNames,
  );
  const links = new Map<string, RelatedLink[]>();
  for (const [id, list] of found) {
    links.set(
      id,
      list.flatMap(({ id: other, reason }) => {
        const position = index.positionOf.get(other);
        const entry = position === undefined ? undefined : index.records[position]?.entry;
        return entry === undefined ? [] : [{ id: other, title: entry.title, language: entry.language, reason }];
      }),
    );
  }
  return links;
}

/** The data folder of the build before stays one more build, for pages open in readers' tabs. */
function keepPreviousDataVersion(output: Output, previous: OutputRecord, version: string): void {
  output.record.dataVersion = version;
  const kept = previous.dataVersion;
  if (kept === null || kept === version) return;
  output.keepFolder(`data/${kept}`);
}

/** The code that makes names and search terms, so cached features are thrown away when it changes. */
async function featuresVersion(): Promise<string> {
  const root = dirname(dirname(new URL(import.meta.url).pathname));
  const sources = ['core/words.ts', 'core/fold.ts', 'site/search-index.ts', 'site/search-tags.ts', 'site/names.ts', 'site/render-task.ts'];
  const contents = await Promise.all(sources.map((source) => readFile(join(root, source), 'utf8')));
  return contentHash(contents.join('\0'));
}
