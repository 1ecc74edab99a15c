/**
 * The ingest's own version, for the cache: a hash of every source file of src/ingest and src/core, of
 * the name and version of every package they import (and what those packages depend on), and of the
 * Node version (its Unicode tables decide what a regular expression matches). Any edit to the code
 * that turns text into dispatches therefore invalidates what the cache holds, and nobody has a
 * number to remember to bump. Computed once per process; it reads a few dozen small files.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const INGEST_DIR = dirname(fileURLToPath(import.meta.url));
const SOURCE_DIRS = [INGEST_DIR, join(INGEST_DIR, '../core')];
const SOURCE_FILE = /\.(ts|mts|js|mjs|json)$/;
// A quoted name after `from`, `import(` or `require(` (a template literal included): whatever names a module.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)['"`]([^'"`]+)['"`]/g;
// npm's rules for a package name, and an optional path inside it.
const PACKAGE_SPECIFIER = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/\S*)?$/;

let computed: Promise<string> | null = null;

export function ingestVersion(): Promise<string> {
  computed ??= versionOfSources(SOURCE_DIRS);
  return computed;
}

/** The version of the code in these folders (the first is where its packages are looked up from). */
export async function versionOfSources(dirs: readonly string[]): Promise<string> {
  const [home = INGEST_DIR] = dirs;
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  const packages = new Set<string>();
  for (const file of await sourceFiles(dirs)) {
    const text = await readFile(file, 'utf8');
    hash.update(`${relative(home, file)}\n${text}\n`);
    for (const name of importedPackages(text)) packages.add(name);
  }
  for (const line of await packageVersions([...packages].sort(), home)) hash.update(`${line}\n`);
  return hash.digest('hex').slice(0, 16);
}

async function sourceFiles(dirs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const dir of dirs) {
    for (const name of await readdir(dir, { recursive: true })) if (SOURCE_FILE.test(name)) files.push(join(dir, name));
  }
  return files.sort();
}

export function importedPackages(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(SPECIFIER)) {
    const specifier = match[1] ?? '';
    if (!PACKAGE_SPECIFIER.test(specifier) || isBuiltin(specifier)) continue;
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
  }
  return [...names];
}

/** "name@version" for each package and everything it depends on, found the way Node finds them. */
async function packageVersions(names: readonly string[], fromDir: string): Promise<string[]> {
  const found = new Map<string, string>();
  const visit = async (name: string, dir: string): Promise<void> => {
    const location = await findPackage(name, dir);
    if (location === null) {
      found.set(`${name} (missing)`, `${name}@missing`);
      return;
    }
    if (found.has(location.dir)) return;
    found.set(location.dir, `${name}@${location.version}`);
    for (const dependency of location.dependencies) await visit(dependency, location.dir);
  };
  for (const name of names) await visit(name, fromDir);
  return [...new Set(found.values())].sort();
}

interface PackageLocation {
  dir: string;
  version: string;
  dependencies: string[];
}

async function findPackage(name: string, fromDir: string): Promise<PackageLocation | null> {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const packageDir = join(dir, 'node_modules', name);
    const manifest = await readFile(join(packageDir, 'package.json'), 'utf8').catch(() => null);
    if (manifest !== null) {
      const parsed = JSON.parse(manifest) as { version?: unknown; dependencies?: unknown };
      const dependencies = typeof parsed.dependencies === 'object' && parsed.dependencies !== null ? Object.keys(parsed.dependencies) : [];
      return { dir: packageDir, version: String(parsed.version), dependencies };
    }
    if (dirname(dir) === dir) return null;
  }
}
