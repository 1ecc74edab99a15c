/**
 * The archive as the build and the dev server meet it: the seeds ingested into the bundle (written
 * to generated/ for other tools) and turned into the site's data. Build time only.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildBundle, formatWarnings, readDispatchFolder, serializeBundle, summaryLine } from '../ingest/index.ts';
import { BUNDLE_FILE, SEEDS_DIR } from './paths.ts';
import { buildSiteData, type SiteData } from './site-data.ts';

export interface Archive {
  site: SiteData;
  /** What the ingest could not determine, a line per warning naming the file; "" when nothing. */
  report: string;
}

/** Throws with every problem listed when a file cannot become a dispatch. */
export async function ingestArchive(seedsDir = SEEDS_DIR, bundleFile = BUNDLE_FILE): Promise<Archive> {
  const result = buildBundle(await readDispatchFolder(seedsDir));
  if (!result.ok) throw new Error(`The dispatches could not be bundled:\n  ${result.errors.join('\n  ')}`);
  await mkdir(dirname(bundleFile), { recursive: true });
  await writeFile(bundleFile, serializeBundle(result.bundle));
  return { site: buildSiteData(result.bundle), report: `${formatWarnings(result.rows)}${summaryLine(result.rows)}` };
}
