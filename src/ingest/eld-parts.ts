/**
 * The parts of eld (the language detector) that language.ts scores a text with: its n-gram table,
 * the pattern it splits words at, and the characters it writes a text's UTF-8 bytes as.
 *
 * eld's package exports only its ready-made detectors. Their scoring walks each n-gram's scores with
 * `for…in` over integer keys, which V8 runs slowly: 70 to 90 µs for a 200-character sample, a tenth
 * of what the ingest spends on a dispatch. language.ts scores the same table with typed arrays in
 * about a third of that. The files are therefore found by their place in the package (the lockfile
 * pins its version), from its own public entry; wherever that cannot be done, this is null and
 * language.ts asks eld's detector, which gives the same answer more slowly
 * (docs/decisions/0022-score-elds-table-ourselves.md).
 *
 * The ingest's worker threads get this module rewritten by worker-script.ts: the same three files,
 * joined into their script with the table as JSON.
 */

export interface EldTable {
  /** Language code by index, as eld numbers them. */
  languages: Readonly<Record<string, string>>;
  /** n-gram → language index → score above eld's floor. */
  ngrams: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface EldParts {
  ngramsData: EldTable;
  separators: RegExp;
  dictionary: readonly string[];
}

/** The eld entry whose table and helpers these are: language.ts falls back on its detector. */
export const ELD_ENTRY = 'eld/small';

/** Where the parts are, beside the entry, within eld's package. */
export const ELD_PART_PATHS = { ngramsData: '../ngrams/small.js', separators: '../regexPatterns.js', dictionary: '../dictionary.js' } as const;

export const eldParts: EldParts | null = await loadParts();

async function loadParts(): Promise<EldParts | null> {
  try {
    const entry = import.meta.resolve(ELD_ENTRY);
    const part = async <K extends keyof EldParts>(name: K): Promise<unknown> =>
      ((await import(new URL(ELD_PART_PATHS[name], entry).href)) as Record<K, unknown>)[name];
    const [ngramsData, separators, dictionary] = await Promise.all([part('ngramsData'), part('separators'), part('dictionary')]);
    return isTable(ngramsData) && separators instanceof RegExp && isDictionary(dictionary) ? { ngramsData, separators, dictionary } : null;
  } catch {
    return null;
  }
}

function isTable(value: unknown): value is EldTable {
  if (typeof value !== 'object' || value === null) return false;
  const { languages, ngrams } = value as Partial<EldTable>;
  return typeof languages === 'object' && languages !== null && typeof ngrams === 'object' && ngrams !== null;
}

function isDictionary(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.length === 256 && value.every((entry) => typeof entry === 'string');
}
