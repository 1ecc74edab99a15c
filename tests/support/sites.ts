/**
 * Sites for tests: the real one built from the seeds through the real ingest, and small synthetic
 * ones for cases the seeds do not cover. Made by the same code as the build (site-model.ts).
 */
import type { Bundle, Dispatch } from '../../src/core/schema.ts';
import { buildBundle, readDispatchFolder } from '../../src/ingest/index.ts';
import { SEEDS_DIR } from '../../src/site/paths.ts';
import { buildSiteModel, type SiteModel } from '../../src/site/site-model.ts';

export async function seedBundle(): Promise<Bundle> {
  const result = buildBundle(await readDispatchFolder(SEEDS_DIR));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.bundle;
}

export async function seedSite(): Promise<SiteModel> {
  return buildSiteModel((await seedBundle()).dispatches);
}

/** A dispatch with plain defaults; tests override what they are about. */
export function makeDispatch(id: string, overrides: Partial<Dispatch> = {}): Dispatch {
  return {
    id,
    sourceFile: `${id}.txt`,
    path: `/article/${id}`,
    title: `Dispatch ${id}`,
    titleOrigin: 'text',
    date: '2026-01-01',
    dateline: null,
    agency: null,
    language: 'en',
    countries: ['VN'],
    counterpart: null,
    summary: `Summary of ${id}.`,
    body: `Summary of ${id}.\n\nMore about ${id}.`,
    images: [],
    sourceUrl: null,
    wordCount: 6,
    warnings: [],
    provenance: { shape: 'test', title: 'test', date: 'test', dateline: 'test', agency: 'test', language: 'test', summary: 'test' },
    discarded: [],
    ...overrides,
  };
}

export function syntheticSite(dispatches: Dispatch[]): SiteModel {
  return buildSiteModel(dispatches);
}
