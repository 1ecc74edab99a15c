/**
 * The lines above an article's first paragraph: site banners, section labels, the headline and maybe a
 * standfirst. Shared by the shapes that have such a block, so each decides the same way.
 */
import { isSiteBanner, looksLikeSectionLabel } from './furniture.ts';
import type { Field, SourceLine } from './reading.ts';
import { looksLikeHeadline } from './title.ts';

export interface LeadIn {
  title: Field<string> | null;
  standfirst: SourceLine | null;
  discarded: SourceLine[];
  warnings: string[];
}

/**
 * Reads the block above the article. With a standfirst allowed, the last line is the standfirst when it
 * reads like a sentence and a headline sits above it. Anything above the headline is furniture.
 */
export function readLeadIn(block: readonly SourceLine[], allowStandfirst: boolean, titleHow: string): LeadIn {
  const discarded: SourceLine[] = [];
  const warnings: string[] = [];
  const rest = block.filter((line) => {
    if (!isSiteBanner(line.text)) return true;
    discarded.push(line);
    return false;
  });
  let standfirst: SourceLine | null = null;
  const last = rest[rest.length - 1];
  if (allowStandfirst && last !== undefined && !looksLikeHeadline(last.text)) {
    standfirst = last;
    rest.pop();
  }
  const headline = rest[rest.length - 1];
  let title: Field<string> | null = null;
  if (headline !== undefined && looksLikeHeadline(headline.text)) {
    title = { value: headline.text, how: titleHow };
    rest.pop();
  }
  for (const line of rest) {
    discarded.push(line);
    if (!looksLikeSectionLabel(line.text)) {
      warnings.push(`left out line ${line.index + 1} above the headline, which does not look like part of the article: "${shorten(line.text)}"`);
    }
  }
  return { title, standfirst, discarded, warnings };
}

function shorten(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57)}…`;
}
