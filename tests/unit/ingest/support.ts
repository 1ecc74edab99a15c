/** Shared helpers for the ingest tests: where the seeds and fixtures are, and Markdown back to text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEEDS_DIR } from '../../../src/site/paths.ts';
import { marked } from 'marked';
import type { Dispatch } from '../../../src/core/schema.ts';
import { parseDispatch } from '../../../src/ingest/index.ts';

export { SEEDS_DIR } from '../../../src/site/paths.ts';
export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export const SEED_FILES = {
  '000': '000_c1e9c1a179e0b2a5.txt',
  '001': '001_660d5ccee3f9ddf8.txt',
  '002': '002_ab79468c31c8404f.txt',
  '003': '003_de0e4ba2ab4b4e39.txt',
  '004': '004_fddb412e61d3f82b.txt',
} as const;

export function readSeed(key: keyof typeof SEED_FILES): string {
  return readFileSync(join(SEEDS_DIR, SEED_FILES[key]), 'utf8');
}

export function readFixture(path: string): string {
  return readFileSync(`${FIXTURES_DIR}${path}`, 'utf8');
}

export function readFixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(`${FIXTURES_DIR}${path}`));
}

/** Parses text that must become a dispatch; a failure fails the test with the parser's own messages. */
export function mustParse(text: string, fileName: string): Dispatch {
  const result = parseDispatch(text, fileName);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.dispatch;
}

export function parseSeed(key: keyof typeof SEED_FILES): Dispatch {
  return mustParse(readSeed(key), SEED_FILES[key]);
}

export function parseFixture(path: string): Dispatch {
  return mustParse(readFixture(path), path.slice(path.lastIndexOf('/') + 1));
}

/** One space for every run of whitespace (no-break spaces included), so text compares by its words. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** What a reader sees when the Markdown is rendered: the text of each paragraph, tags removed. */
export function renderedParagraphs(markdown: string): string[] {
  const html = marked.parse(markdown, { async: false });
  return [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) =>
    (match[1] ?? '').replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? `&${name};`),
  );
}

/** The Markdown's block and inline token types, to show nothing but plain paragraphs came out. */
export function tokenTypes(markdown: string): { blocks: Set<string>; inlines: Set<string> } {
  const blocks = new Set<string>();
  const inlines = new Set<string>();
  for (const token of marked.lexer(markdown)) {
    blocks.add(token.type);
    if (token.type === 'paragraph') for (const inline of token.tokens ?? []) inlines.add(inline.type);
  }
  return { blocks, inlines };
}

/**
 * The derived-title rules: only the lede's own words, in its order (words may be left out, never added
 * or changed), at most 100 characters, never ending on a function word.
 */
export function derivedTitleProblems(title: string, lede: string): string[] {
  const problems: string[] = [];
  const words = title.endsWith('…') ? title.slice(0, -1) : title;
  const ledeWords = squash(lede).split(' ');
  let at = 0;
  for (const word of words.split(' ')) {
    const found = ledeWords.findIndex((candidate, index) => index >= at && candidate.replace(/[,;:.]$/u, '') === word.replace(/[,;:.]$/u, ''));
    if (found === -1) {
      problems.push(`"${word}" is not a word of the lede at this point`);
      break;
    }
    at = found + 1;
  }
  if (words.length > 100) problems.push(`"${words}" is longer than 100 characters`);
  const last = words.split(' ').pop()?.toLowerCase() ?? '';
  if (['and', 'the', 'of', 'for', 'with', 'to', 'in', 'on', 'a', 'an', 'og', 'i', 'av'].includes(last)) {
    problems.push(`"${words}" ends on the function word "${last}"`);
  }
  return problems;
}
