/**
 * The archives the bench builds: the seeds alone, and the seeds with generated dispatches up to a
 * count (scripts/lib/synthetic-archive.ts, seeded, so every run builds the same files). Keeping the
 * seeds in every archive makes "the same page" exist at every size: a seed's deep link and its raw
 * text are compared at 5, 1,000 and 10,000 dispatches.
 */
import { copyFile, mkdir, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { dispatchIdFromFileName } from '../../src/ingest/ids.ts';
import type { BuiltList } from '../../src/site/data-files.ts';
import { writeSyntheticArchive } from '../lib/synthetic-archive.ts';

export interface PreparedArchive {
  /** Dispatch files in the first build. */
  count: number;
  /** How many of them were generated; the rest are the seeds. */
  generated: number;
  inputDir: string;
  /** One more generated dispatch, kept out of the first build: the rebuild adds it. */
  addedLater: string;
}

export async function listTextFiles(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort();
}

/** Writes the archive of `count` dispatches (at least the seeds) under `workDir`. */
export async function prepareArchive(workDir: string, seedsDir: string, count: number): Promise<PreparedArchive> {
  const seeds = await listTextFiles(seedsDir);
  if (count < seeds.length) throw new Error(`an archive of ${count} cannot hold the ${seeds.length} seeds`);
  const inputDir = join(workDir, 'input');
  const generatedDir = join(workDir, 'generated');
  const laterDir = join(workDir, 'added-later');
  await Promise.all([inputDir, generatedDir, laterDir].map((folder) => mkdir(folder, { recursive: true })));
  for (const name of seeds) await copyFile(join(seedsDir, name), join(inputDir, name));
  const generated = count - seeds.length;
  // The generator's files come in name order and the first n are the same whatever the count, so
  // the one written last is the dispatch the next day would bring.
  await writeSyntheticArchive(generatedDir, generated + 1);
  const names = await listTextFiles(generatedDir);
  const last = names.pop();
  if (last === undefined) throw new Error(`the generator wrote nothing into ${generatedDir}`);
  for (const name of names) await rename(join(generatedDir, name), join(inputDir, name));
  const addedLater = join(laterDir, last);
  await rename(join(generatedDir, last), addedLater);
  return { count, generated, inputDir, addedLater };
}

export interface ChosenDispatch {
  id: string;
  /** Why it was chosen, as the report names it: "long seed", "oldest"… */
  label: string;
  /** Its dispatch file: the raw text the page is compared with. */
  textFile: string;
}

/**
 * The dispatches whose deep links are measured: the longest seed and the shortest (in every
 * archive, so their pages compare across sizes), and in a generated archive its oldest dated
 * dispatch, the farthest a deep link can be from the top of the list.
 */
export async function chooseDispatches(archive: PreparedArchive, list: BuiltList, seedsDir: string): Promise<ChosenDispatch[]> {
  const seeds = await Promise.all((await listTextFiles(seedsDir)).map(async (name) => ({ name, size: (await stat(join(seedsDir, name))).size })));
  const bySize = seeds.sort((a, b) => b.size - a.size || a.name.localeCompare(b.name));
  const longest = bySize[0];
  const shortest = bySize.at(-1);
  if (longest === undefined || shortest === undefined || longest === shortest) throw new Error(`${seedsDir} needs at least two dispatches`);
  const chosen = [
    { name: longest.name, label: 'long seed' },
    { name: shortest.name, label: 'short seed' },
  ].map(({ name, label }) => ({ id: dispatchIdFromFileName(name), label, textFile: join(archive.inputDir, name) }));
  if (archive.generated > 0) {
    const undated = list.summary.periods.find((period) => period.key === '')?.count ?? 0;
    const oldest = list.entries[list.entries.length - 1 - undated];
    if (oldest === undefined) throw new Error('the generated archive has no dated dispatch');
    const file = (await listTextFiles(archive.inputDir)).find((name) => dispatchIdFromFileName(name) === oldest.id);
    if (file === undefined) throw new Error(`no file in ${archive.inputDir} gives the id ${oldest.id}`);
    chosen.push({ id: oldest.id, label: 'oldest', textFile: join(archive.inputDir, file) });
  }
  for (const { id } of chosen) {
    if (!list.entries.some((entry) => entry.id === id)) throw new Error(`the built list has no dispatch ${id}`);
  }
  return chosen;
}

export interface CountryTruth {
  code: string;
  name: string;
  /** Dispatches about the country, counted in the built list itself. */
  count: number;
  total: number;
}

/** How many dispatches of the built list are about the country with this English name. */
export function countryTruth(list: BuiltList, name: string): CountryTruth {
  const code = Object.entries(list.summary.names.countries).find(([, known]) => known === name)?.[0];
  if (code === undefined) throw new Error(`no dispatch of the archive is about ${name}`);
  return { code, name, count: list.entries.filter((entry) => entry.countries.includes(code)).length, total: list.entries.length };
}
