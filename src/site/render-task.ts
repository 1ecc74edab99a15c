/**
 * A dispatch's share of the build's work in a worker thread, in two kinds of task:
 * - its features: the people and organisations it names (for related dispatches) and its search
 *   terms, when the last build's pack (terms-pack.ts) does not have them;
 * - its page, when what the page shows changed since the last build.
 * Kept apart from the worker itself so that it can be tested on its own.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Dispatch } from '../core/schema.ts';
import { readCachedDispatch } from '../ingest/cache.ts';
import { namesIn } from './names.ts';
import { contentHash, writeWithLinks } from './output.ts';
import type { Placement } from './pages.ts';
import { documentTerms, type DocumentTerms } from './search-index.ts';

export interface RenderSetup {
  template: string;
  css: string;
  /** The app's server bundle, which renders a page's markup. */
  serverModule: string;
  origin: string | undefined;
  outDir: string;
  /** Where the ingest cached the parsed dispatches. */
  ingestCache: string;
}

export interface FeaturesTask {
  kind: 'features';
  seq: number;
  key: string;
  /** Country names and aliases, dateline, agency (see search-tags.ts). */
  tags: string;
}

export interface PageTask {
  kind: 'page';
  seq: number;
  key: string;
  files: string[];
  placement: Placement;
  /** The hash of the page the last build wrote, to skip writing the same bytes again. */
  previousHash: string | null;
}

export type WorkerTask = FeaturesTask | PageTask;

/** What a dispatch contributes beyond its page: to related dispatches, and to the search index. */
export interface Features {
  names: string[];
  terms: DocumentTerms;
}

export interface PageWritten {
  hash: string;
  written: boolean;
  bytes: number;
}

export type WorkerResult = { kind: 'features'; seq: number; features: Features } | { kind: 'page'; seq: number; page: PageWritten };

export async function runTask(setup: RenderSetup, task: WorkerTask, renderHtml: (dispatch: Dispatch, task: PageTask) => string): Promise<WorkerResult> {
  const dispatch = await readCachedDispatch(setup.ingestCache, task.key);
  if (task.kind === 'page') return { kind: 'page', seq: task.seq, page: await writePage(setup, task, renderHtml(dispatch, task)) };
  return { kind: 'features', seq: task.seq, features: featuresOf(dispatch, task.tags) };
}

export function featuresOf(dispatch: Dispatch, tags: string): Features {
  const { title, summary, body, images, language } = dispatch;
  const captions = images.map((image) => image.caption);
  return {
    names: namesIn([title, summary, body, ...captions].join('\n\n'), language),
    terms: documentTerms({ title, summary, tags, body: [body, ...captions].join('\n') }),
  };
}

async function writePage(setup: RenderSetup, task: PageTask, html: string): Promise<PageWritten> {
  const content = Buffer.from(html);
  const hash = contentHash(content);
  const [first, ...others] = task.files;
  // No compressed copies (see output.ts): a page per dispatch, and every host compresses HTML.
  const present = task.files.every((file) => existsSync(join(setup.outDir, file)));
  if (first === undefined || (hash === task.previousHash && present)) return { hash, written: false, bytes: content.length };
  await writeWithLinks(setup.outDir, first, others, content);
  return { hash, written: true, bytes: content.length };
}
