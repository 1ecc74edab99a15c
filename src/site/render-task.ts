/**
 * One dispatch's share of the build's second pass: its page, when what it shows changed, and its
 * search terms, when the last build's pack (terms-pack.ts) does not have them. Runs in a worker
 * thread; kept apart from the worker so that it can be tested on its own.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Dispatch } from '../core/schema.ts';
import { contentHash, writeWithLinks } from './output.ts';
import type { Placement } from './pages.ts';
import { documentTerms, type DocumentTerms } from './search-index.ts';
import { readCachedDispatch } from '../ingest/pipeline.ts';

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

export interface RenderTask {
  seq: number;
  key: string;
  files: string[];
  placement: Placement;
  /** Render the page; false when the build knows it is unchanged and only the terms are needed. */
  render: boolean;
  /** Country names and aliases, dateline, agency (see search-tags.ts); null when the build has the terms already. */
  tags: string | null;
  /** The hash of the page the last build wrote, to skip writing the same bytes again. */
  previousHash: string | null;
}

export interface PageWritten {
  hash: string;
  written: boolean;
  bytes: number;
}

export interface RenderResult {
  seq: number;
  terms: DocumentTerms | null;
  page: PageWritten | null;
}

export async function renderTerms(setup: RenderSetup, task: RenderTask, renderHtml: (dispatch: Dispatch) => string): Promise<RenderResult> {
  const dispatch = await readCachedDispatch(setup.ingestCache, task.key);
  const page = task.render ? await writePage(setup, task, renderHtml(dispatch)) : null;
  const { title, summary, body, images } = dispatch;
  const terms = task.tags === null ? null : documentTerms({ title, summary, tags: task.tags, body: [body, ...images.map((image) => image.caption)].join('\n') });
  return { seq: task.seq, terms, page };
}

async function writePage(setup: RenderSetup, task: RenderTask, html: string): Promise<PageWritten> {
  const content = Buffer.from(html);
  const hash = contentHash(content);
  const [first, ...others] = task.files;
  // No compressed copies (see output.ts): a page per dispatch, and every host compresses HTML.
  const present = task.files.every((file) => existsSync(join(setup.outDir, file)));
  if (first === undefined || (hash === task.previousHash && present)) return { hash, written: false, bytes: content.length };
  await writeWithLinks(setup.outDir, first, others, content);
  return { hash, written: true, bytes: content.length };
}
