/**
 * A dispatch's id comes from its file name alone, so it stays the same however the text is edited and
 * can be computed without reading the file. It becomes part of the article URL, hence URL-safe.
 */
import { fold } from '../core/fold.ts';

export function dispatchIdFromFileName(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1).replace(/\.txt$/i, '');
  return fold(base).replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
}

/** Why an id cannot be used, or null when it can. The schema wants a letter or digit first. */
export function idProblem(id: string): string | null {
  if (id === '') return 'the file name leaves nothing to make an id from; rename the file';
  if (!/^[a-z0-9]/.test(id)) return `the file name gives the id "${id}", which must start with a letter or digit; rename the file`;
  return null;
}
