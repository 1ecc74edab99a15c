/**
 * The bundle-level rules of the schema (unique ids, path = articlePath(id), a name for every country
 * code), checked one dispatch at a time so no run has to hold the whole bundle to know it is sound.
 * What is kept per dispatch is its id and file name, not the dispatch.
 */
import { articlePath } from '../core/routes.ts';
import type { Dispatch } from '../core/schema.ts';
import { countryNamesFor } from './bundle-json.ts';
import { compareCodeUnits } from './folder.ts';

export class BundleChecks {
  private readonly fileById = new Map<string, string>();
  private readonly codes = new Set<string>();
  private lastFile: string | null = null;

  /** Why the dispatch cannot join the bundle (each line naming its file), or [] when it has joined. */
  admit(dispatch: Dispatch): string[] {
    // Order is the caller's promise, not the data's fault: breaking it is a bug, not a problem to report.
    if (this.lastFile !== null && compareCodeUnits(this.lastFile, dispatch.sourceFile) >= 0) {
      throw new Error(`${dispatch.sourceFile} came after ${this.lastFile}: dispatches must come in file-name order`);
    }
    const problems: string[] = [];
    const owner = this.fileById.get(dispatch.id);
    if (owner !== undefined) problems.push(`${dispatch.sourceFile}: id: "${dispatch.id}" is already the id of ${owner}`);
    if (dispatch.path !== articlePath(dispatch.id)) problems.push(`${dispatch.sourceFile}: path: must be ${articlePath(dispatch.id)}`);
    if (problems.length > 0) return problems;
    this.lastFile = dispatch.sourceFile;
    this.fileById.set(dispatch.id, dispatch.sourceFile);
    for (const code of dispatch.countries) this.codes.add(code);
    return [];
  }

  get count(): number {
    return this.fileById.size;
  }

  /** A name for every country code an admitted dispatch uses, and for no other. */
  countryNames(): Record<string, string> {
    return countryNamesFor(this.codes);
  }
}
