/** The generated archive the scale tests read, and the word planted in exactly one of its dispatches. */
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
