/**
 * One dispatch from its decoded text: recognise the shape, read the article, then derive what the text
 * does not state outright (language, title, countries). Pure: the same text always gives the same result.
 */
import { articlePath } from '../core/routes.ts';
import type { Dispatch } from '../core/schema.ts';
import { type Article, readArticle, type SignOffLine } from './article.ts';
import { findCountries } from './countries.ts';
import { dispatchIdFromFileName, idProblem } from './ids.ts';
import { detectLanguage } from './language.ts';
import { paragraphsToMarkdown } from './markdown.ts';
import { type Field, type SourceLine, toSourceLines } from './reading.ts';
import { readShape } from './shapes.ts';
import { collapseSpaces, countWords, normaliseText } from './text.ts';
import { deriveTitle } from './title.ts';

export type DispatchResult = { ok: true; dispatch: Dispatch } | { ok: false; errors: string[] };

export function parseDispatch(text: string, fileName: string): DispatchResult {
  const normalised = normaliseText(text);
  if (normalised.trim() === '') return failure(`${fileName}: the file is empty`);
  const id = dispatchIdFromFileName(fileName);
  const problem = idProblem(id);
  if (problem !== null) return failure(`${fileName}: ${problem}`);

  const reading = readShape(toSourceLines(normalised));
  const article = readArticle(reading.lines);
  const warnings = [...reading.warnings, ...article.warnings];
  const standfirst = reading.standfirst === null ? null : collapseSpaces(reading.standfirst);
  // A paragraph of dashes or a stray symbol says nothing: the lede is the first one with words.
  const lede = standfirst ?? article.paragraphs.find((paragraph) => /[\p{L}\p{N}]/u.test(paragraph)) ?? null;

  // The body says most about the language; a page with no body still has its headline and standfirst.
  const headlineText = [reading.title?.value ?? '', standfirst ?? ''].join('\n');
  const language = detectLanguage(article.paragraphs.length > 0 ? article.paragraphs.join('\n') : headlineText);
  if (language.warning !== null) warnings.push(language.warning);

  const title = titleOf(reading.title, lede, language.language);
  if (title === null) {
    return failure(`${fileName}: no article text: every line was recognised as page furniture or a header`);
  }
  if (article.paragraphs.length === 0) warnings.push('no article text besides the headline');

  const agency = agencyOf(reading.agency, article.signOff);
  if (agency.value === null) warnings.push('no agency found (no sign-off, marker or outlet line)');
  // A sign-off on a page whose agency the header already gave is not the article either; keep it traceable.
  const unusedSignOff = reading.agency.value !== null && article.signOff !== null ? [article.signOff.line] : [];

  const { countries, counterpart } = findCountries(articleTexts(title, standfirst, article), language.language);

  const dispatch: Dispatch = {
    id,
    sourceFile: fileName,
    path: articlePath(id),
    title: title.value,
    titleOrigin: title.origin,
    date: reading.date.value,
    dateline: reading.dateline.value,
    agency: agency.value,
    language: language.language,
    countries,
    counterpart,
    summary: lede ?? '',
    body: paragraphsToMarkdown(article.paragraphs),
    images: article.images,
    sourceUrl: article.sourceUrl,
    wordCount: countWords(article.paragraphs.join(' ')),
    warnings,
    provenance: {
      shape: reading.shape,
      title: title.how,
      date: reading.date.how,
      dateline: reading.dateline.how,
      agency: agency.how,
      language: language.how,
      summary: summaryProvenance(standfirst, lede),
    },
    discarded: inFileOrder([...reading.discarded, ...article.discarded, ...unusedSignOff]),
  };
  return { ok: true, dispatch };
}

/** Every text of the article proper, each once: a derived title or a lede summary would count twice. */
function articleTexts(title: { value: string; origin: 'text' | 'derived' }, standfirst: string | null, article: Article): string[] {
  return [
    ...(title.origin === 'text' ? [title.value] : []),
    ...(standfirst === null ? [] : [standfirst]),
    ...article.paragraphs,
    ...article.images.map((image) => image.caption),
  ];
}

function summaryProvenance(standfirst: string | null, lede: string | null): string {
  if (standfirst !== null) return 'standfirst line under the headline';
  return lede === null ? 'no text to summarise' : 'the lede (first paragraph with words)';
}

function failure(message: string): DispatchResult {
  return { ok: false, errors: [message] };
}

function titleOf(
  fromText: Field<string> | null,
  lede: string | null,
  language: string,
): { value: string; origin: 'text' | 'derived'; how: string } | null {
  if (fromText !== null) return { value: collapseSpaces(fromText.value), origin: 'text', how: fromText.how };
  const derived = lede === null ? null : deriveTitle(lede, language);
  return derived === null ? null : { value: derived.title, origin: 'derived', how: derived.how };
}

function agencyOf(fromShape: Field<string | null>, signOff: SignOffLine | null): Field<string | null> {
  if (fromShape.value !== null) return fromShape;
  if (signOff !== null) return { value: signOff.agency, how: `sign-off "${signOff.line.text}"` };
  return { value: null, how: 'none found' };
}

function inFileOrder(lines: readonly SourceLine[]): string[] {
  return [...lines].sort((a, b) => a.index - b.index).map((line) => line.text);
}
