/**
 * The generated archive the scale tests read, the word planted in exactly one of its dispatches, and
 * one dispatch written to break the layout.
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/site/paths.ts';

export const ARCHIVE_SIZE = 300;
export const ARCHIVE_INPUT_DIR = join(PROJECT_ROOT, 'node_modules/.tmp/test-archive');
export const ARCHIVE_DIST_DIR = join(PROJECT_ROOT, 'node_modules/.tmp/test-archive-dist');
export const PLANTED = {
  /** The first wire story from this file on gets the sentence. */
  fileIndex: 137,
  word: 'Quokkaville',
  sentence: 'The delegation later toured the harbour district of Quokkaville, which both sides called a model of cooperation.',
};

const LONG_WORD = 'Lotus'.repeat(2_000);

/**
 * A dispatch written to break the layout, one of the archive's ARCHIVE_SIZE: an unbroken word of
 * 10,000 letters in its text, a long one in its headline, and a right-to-left override (U+202E) that
 * nothing closes in its headline and in its dateline.
 */
export const HOSTILE = {
  fileName: 'hostile-layout.txt',
  id: 'hostile-layout',
  longWord: LONG_WORD,
  agency: 'VNA/VNS',
  text: [
    `Delegation from Ruritania \u202Evisits the ${'Harbour'.repeat(22).slice(0, 150)} district`,
    ' date 2024-05-14 HÀ NỘI\u202E — A delegation from Ruritania visited Hà Nội on Tuesday to discuss cooperation in port management, the Ministry of Foreign Affairs said.',
    `Its banner carried a single word: ${LONG_WORD}.`,
    'Both sides agreed to exchange experts and to meet again next year. — VNA/VNS',
    '',
  ].join('\n\n'),
};
