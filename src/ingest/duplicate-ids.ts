/**
 * Two file names that fold to the same id would give two dispatches one page. The first name in
 * code-unit order keeps the id, whatever its file holds, so which file is kept never depends on file
 * contents; every later one is refused, naming the file that has the id. Ids come from names alone,
 * so this is known before any file is read.
 */
import { dispatchIdFromFileName } from './ids.ts';

/** The refusal for each file that loses its id to an earlier name, by file name. `names` must be sorted. */
export function duplicateIdProblems(names: readonly string[]): Map<string, string> {
  const owners = new Map<string, string>();
  const problems = new Map<string, string>();
  for (const fileName of names) {
    const id = dispatchIdFromFileName(fileName);
    // A name that leaves no id is the parser's to refuse, with its own message.
    if (id === '') continue;
    const owner = owners.get(id);
    if (owner === undefined) owners.set(id, fileName);
    else problems.set(fileName, `${fileName}: would get the id "${id}", which "${owner}" already has; "${owner}" is kept, rename this file`);
  }
  return problems;
}
