/**
 * Dispatch files → the static site, at any archive size, in two passes over the archive:
 *
 * 1. Ingest: dispatches stream in; only a small record of each stays in memory.
 * 2. Index: the archive's order, facets, periods, related dispatches.
 * 3. Pages: worker threads render each dispatch's page (only when what it shows changed since the
 *    last build) and read its search terms; the main thread gathers the terms into the index.
 * 4. Data files, the landing and not-found pages, the app's assets; stale files removed.
 *
 * Build time only. Memory holds records and postings, never every dispatch; time grows linearly.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Dispatch } from '../core/schema.ts';
import type { RelatedLink } from '../core/site-data.ts';
import { ARCHIVE_SUMMARY_URL } from '../core/site-data.ts';
import { countryName } from '../ingest/countries.ts';
import { archiveSummary, buildArchiveIndex, type ArchiveIndex, type ArchiveRecord } from './archive-index.ts';
import { listDataFiles, writeDataFolder } from './data-files.ts';
import { toListEntry } from './entries.ts';
import { ingestFolder } from '../ingest/pipeline.ts';
import { Output, contentHash, readRecord, type OutputRecord } from './output.ts';
import { loadRenderModule, renderPageDocument } from './render-module.ts';
import { articleFiles, homePage, notFoundPage, placementOf, type PageContext } from './pages.ts';
import type { RenderResult, RenderSetup, RenderTask } from './render-task.ts';
import { SearchIndexBuilder } from './search-index.ts';
import { readTermsPack, TermsPackWriter } from './terms-pack.ts';
import { searchTags } from './search-tags.ts';
import { runInWorkers } from './worker-pool.ts';

/** The app as Vite built it: the page template, the stylesheet to inline, and the server bundle. */
export interface BuiltApp {
  template: string;
  css: string;
  /** Hashed assets to copy into dist/, relative path → content. */
  assets: Map<string, Buffer>;
  /** The server bundle's folder: server.js renders a page, render-worker.js is the worker. */
  serverDir: string;
  /** Changes whenever the app's code does: every page must then be rendered again. */
  version: string;
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
  /** Seconds each stage took, in order: where a slow build spends its time. */
  stages: Array<[stage: string, seconds: number]>;
}

export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const { outDir, cacheDir, app } = options;
  const stages: BuildSummary['stages'] = [];
  let stageStart = performance.now();
  const stageDone = (stage: string) => {
    const now = performance.now();
    stages.push([stage, (now - stageStart) / 1000]);
    stageStart = now;
  };
  const recordFile = join(cacheDir, 'site', `${contentHash(outDir)}.json`);
  const previous = await readRecord(recordFile);
  const output = new Output(outDir, previous);
  await mkdir(outDir, { recursive: true });

  // 1. Ingest.
  const records: ArchiveRecord[] = [];
  const problems: string[] = [];
  const warnings: BuildSummary['warnings'] = [];
  const ingestCache = join(cacheDir, 'ingest');
  for await (const event of ingestFolder({ folder: options.inDir, cacheDir: ingestCache, onProgress: ({ done, total }) => options.onProgress?.('ingest', done, total) })) {
    if (event.kind === 'problem') {
      problems.push(event.message);
      continue;
    }
    records.push(recordOf(event.dispatch, event.key));
    if (event.dispatch.warnings.length > 0) warnings.push({ file: event.dispatch.sourceFile, warnings: event.dispatch.warnings });
  }

  stageDone('ingest');

  // 2. Index.
  const index = buildArchiveIndex(records);
  const context: PageContext = { index, countryName };
  const related = new Map<string, RelatedLink[]>();

  stageDone('index');

  // 3. Pages and terms. The last build's terms pack has the terms of unchanged dispatches.
  const search = new SearchIndexBuilder();
  const termsCode = await termsVersion();
  const packFile = join(cacheDir, 'site', `${contentHash(outDir)}.terms`);
  const pack = await TermsPackWriter.create(packFile, termsCode);
  const positionOfKey = new Map(index.records.map((record, position) => [record.key, position]));
  const haveTerms = new Set<number>();
  await readTermsPack(packFile, termsCode, async (key, terms) => {
    const position = positionOfKey.get(key);
    if (position === undefined || haveTerms.has(position)) return;
    haveTerms.add(position);
    search.add(position, terms);
    await pack.add(key, terms);
  });
  const setup: RenderSetup = {
    template: app.template,
    css: app.css,
    serverModule: join(app.serverDir, 'server.js'),
    origin: options.origin,
    outDir,
    ingestCache,
  };
  let rendered = 0;
  let pagesWritten = 0;
  let done = 0;
  const tasks = function* (): Generator<RenderTask> {
    for (const [position, record] of index.records.entries()) {
      const placement = placementOf(context, record.entry.id, related.get(record.entry.id) ?? []);
      const files = articleFiles(record.entry.id);
      const input = contentHash(JSON.stringify([app.version, options.origin ?? '', record.key, placement]));
      const [first] = files;
      const unchanged = first !== undefined && previous.inputs[first] === input && output.keep(files, []);
      if (first !== undefined) output.record.inputs[first] = input;
      const needTerms = !haveTerms.has(position);
      if (unchanged && !needTerms) {
        done += 1;
        continue;
      }
      yield {
        seq: position,
        key: record.key,
        files,
        placement,
        tags: needTerms ? searchTags(record.entry) : null,
        render: !unchanged,
        previousHash: first === undefined ? null : (previous.files[first] ?? null),
      };
    }
  };
  await runInWorkers<RenderTask, RenderResult>(
    pathToFileURL(join(app.serverDir, 'render-worker.js')),
    setup,
    options.workers ?? availableParallelism(),
    tasks(),
    async (result) => {
      const record = index.records[result.seq];
      if (result.terms !== null && record !== undefined) {
        search.add(result.seq, result.terms);
        await pack.add(record.key, result.terms);
      }
      if (result.page !== null) {
        rendered += 1;
        if (result.page.written) pagesWritten += 1;
        output.note(articleFiles(record?.entry.id ?? ''), result.page.hash, []);
      }
      done += 1;
      options.onProgress?.('pages', done, index.records.length);
    },
  );
  await pack.finish();
  stageDone('pages');

  // 4. Data files, global pages, assets.
  const version = await writeDataFolder(output, (function* () {
    yield* listDataFiles(index);
    yield* search.files();
  })());
  stageDone('data files');
  await output.write([ARCHIVE_SUMMARY_URL.slice(1)], JSON.stringify(archiveSummary(index, version, countryName)), 'best');
  const render = await loadRenderModule(join(app.serverDir, 'server.js'));
  for (const page of [homePage(context), notFoundPage(context)]) {
    await output.write(page.files, renderPageDocument(app, options.origin, render, page), 'best');
  }
  for (const [path, content] of app.assets) await output.write([path], content, 'best');
  keepPreviousDataVersion(output, previous, version);
  const filesRemoved = await output.removeStale();
  stageDone('landing page, assets, clean-up');

  await mkdir(dirname(recordFile), { recursive: true });
  await writeFile(recordFile, JSON.stringify(output.record));
  return {
    dispatches: index.records.length,
    problems,
    warnings,
    pagesRendered: rendered,
    pagesWritten,
    filesWritten: output.writtenCount + pagesWritten,
    filesUnchanged: output.unchangedCount,
    filesRemoved,
    stages,
  };
}

function recordOf(dispatch: Dispatch, key: string): ArchiveRecord {
  return { entry: toListEntry(dispatch), counterpart: dispatch.counterpart, key };
}

/** The data folder of the build before stays one more build, for pages open in readers' tabs. */
function keepPreviousDataVersion(output: Output, previous: OutputRecord, version: string): void {
  output.record.dataVersion = version;
  const kept = previous.dataVersion;
  if (kept === null || kept === version) return;
  output.keepFolder(`data/${kept}`);
}

/** The code that makes search terms, so cached terms are thrown away when it changes. */
async function termsVersion(): Promise<string> {
  const root = dirname(dirname(new URL(import.meta.url).pathname));
  const sources = ['core/words.ts', 'core/fold.ts', 'site/search-index.ts', 'site/search-tags.ts'];
  const contents = await Promise.all(sources.map((source) => readFile(join(root, source), 'utf8')));
  return contentHash(contents.join('\0'));
}

export { type ArchiveIndex };
