/**
 * One dispatch from its decoded text. Each field is read from its own evidence wherever it stands (the
 * lines above the lede, the lede's marker, the sign-off, source and date lines, the source address),
 * and `provenance` records which evidence won. Pure: the same text always gives the same result.
 */
import { articlePath } from '../core/routes.ts';
import type { Dispatch, DispatchImage } from '../core/schema.ts';
import { readArticle } from './article.ts';
import { captionToImage } from './captions.ts';
import { findCountries } from './countries.ts';
import { readAgency, readPublicationDate } from './evidence.ts';
import { looksLikeSectionLabel, rememberingKinds, splitOutletSuffix } from './furniture.ts';
import { dispatchIdFromFileName, idProblem } from './ids.ts';
import { detectLanguage, LANGUAGE_SAMPLE_LENGTH } from './language.ts';
import { type PageHead, readPageHead } from './layout.ts';
import { paragraphsToMarkdown } from './markdown.ts';
import { type Field, type SourceLine, toSourceLines } from './reading.ts';
import { collapseSpaces, countWords, normaliseText } from './text.ts';
import { deriveTitle, looksLikeHeadline } from './title.ts';

export type DispatchResult = { ok: true; dispatch: Dispatch } | { ok: false; errors: string[] };

export function parseDispatch(text: string, fileName: string): DispatchResult {
  const normalised = normaliseText(text);
  if (normalised.trim() === '') return failure(`${fileName}: the file is empty`);
  const id = dispatchIdFromFileName(fileName);
  const problem = idProblem(id);
  if (problem !== null) return failure(`${fileName}: ${problem}`);

  const kindOf = rememberingKinds();
  const page = readPageHead(toSourceLines(normalised), kindOf);
  const article = readArticle(page.article, kindOf);
  const warnings = [...page.warnings, ...headWarnings(page), ...article.warnings];
  const standfirst = page.standfirst === null ? null : collapseSpaces(page.standfirst.text);
  // A paragraph of dashes or a stray symbol says nothing: the lede is the first one with words.
  const lede = standfirst ?? article.paragraphs.find((paragraph) => /[\p{L}\p{N}]/u.test(paragraph)) ?? null;

  // The body says most about the language; a page with no body still has its headline and standfirst.
  const headlineText = [page.title?.value ?? '', standfirst ?? ''].join('\n');
  const language = detectLanguage(article.paragraphs.length > 0 ? openingText(article.paragraphs) : headlineText);
  if (language.warning !== null) warnings.push(language.warning);

  const suffix = page.title === null ? null : splitOutletSuffix(collapseSpaces(page.title.value));
  const title = titleOf(page.title === null || suffix === null ? page.title : { ...page.title, value: suffix.headline, how: `${page.title.how}, without the outlet's name after it` }, lede, language.language);
  // A wire desk's version tag ("(LEAD)") is not the headline's words; it is kept among the discarded.
  const versionTag = page.title === null ? null : (VERSION_TAG.exec(collapseSpaces(page.title.value))?.[0].trim() ?? null);
  const tagLine = page.title !== null && versionTag !== null && title?.origin === 'text' ? [{ ...page.title.line, text: versionTag }] : [];
  // The outlet's name after the headline is not the headline's words either; it is kept the same way.
  const suffixLine = page.title !== null && suffix !== null ? [{ ...page.title.line, text: suffix.outlet }] : [];
  if (title === null) {
    return failure(`${fileName}: no article text: every line was recognised as page furniture or a header`);
  }
  if (article.paragraphs.length === 0) warnings.push('no article text besides the headline');

  const evidence = { wire: page.wire, marker: page.marker, head: page.head, tail: article.furniture, signOff: article.signOff, attribution: article.attribution, sourceUrl: article.sourceUrl, lede: article.paragraphs[0] ?? null, titleOutlet: suffix?.outlet ?? null };
  const date = readPublicationDate(evidence);
  warnings.push(...date.warnings);
  const agency = readAgency(evidence);
  if (agency.value === null) warnings.push('no agency found (no marker, sign-off, source or outlet line)');
  // A sign-off on a page whose agency other evidence gave is not the article either; keep it traceable.
  const signOff = article.signOff;
  const listed = signOff !== null && article.discarded.some((line) => line.index === signOff.line.index && line.text === signOff.line.text);
  const unusedSignOff = signOff !== null && agency.how !== signOff.how && !listed ? [signOff.line] : [];
  const dateline: Field<string | null> = page.wire?.dateline ?? datelineOf(page);

  const images = [...headImages(page), ...article.images];
  const { countries, counterpart } = findCountries(articleTexts(title, standfirst, article.paragraphs, images), language.language);

  const dispatch: Dispatch = {
    id,
    sourceFile: fileName,
    path: articlePath(id),
    title: title.value,
    titleOrigin: title.origin,
    date: date.date.value,
    dateline: dateline.value,
    agency: agency.value,
    language: language.language,
    countries,
    counterpart,
    summary: lede ?? '',
    body: paragraphsToMarkdown(article.paragraphs),
    images,
    sourceUrl: article.sourceUrl,
    // Paragraph by paragraph: no word runs across two, and the body need not be joined to be counted.
    wordCount: article.paragraphs.reduce((words, paragraph) => words + countWords(paragraph), 0),
    warnings,
    provenance: {
      shape: page.shape,
      title: title.how,
      date: date.date.how,
      dateline: dateline.how,
      agency: agency.how,
      language: language.how,
      summary: summaryProvenance(standfirst, lede),
    },
    discarded: inFileOrder([...page.head.filter((entry) => entry.kind !== 'caption').map((entry) => entry.line), ...markerLine(page), ...article.discarded, ...unusedSignOff, ...tagLine, ...suffixLine]),
  };
  return { ok: true, dispatch };
}

function datelineOf(page: PageHead): Field<string | null> {
  const marker = page.marker;
  if (marker?.dateline != null) return { value: marker.dateline, how: `lede ${marker.form}` };
  return { value: null, how: marker === null ? 'no dateline at the start of the lede' : `lede ${marker.form} names no place` };
}

/** The pictures captioned above the lede, in file order: they belong with the article's own. */
function headImages(page: PageHead): DispatchImage[] {
  return page.head.flatMap((entry) => (entry.kind === 'caption' ? (captionToImage(entry.line.text) ?? []) : []));
}

function markerLine(page: PageHead): SourceLine[] {
  const first = page.article[0];
  return page.marker === null || first === undefined ? [] : [{ ...first, text: page.marker.text }];
}

/** Lines above the headline that are neither furniture nor a section label may be article text: say so. */
function headWarnings(page: PageHead): string[] {
  return page.head
    .filter((entry) => entry.kind === null && !looksLikeSectionLabel(entry.line.text) && !looksLikeHeadline(entry.line.text))
    .map((entry) => `left out line ${entry.line.index + 1} above the headline, which does not look like part of the article: "${shorten(entry.line.text)}"`);
}

function shorten(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57)}…`;
}

/** The first paragraphs, up to what the language detector reads: joining a long body would be wasted. */
function openingText(paragraphs: readonly string[]): string {
  const opening: string[] = [];
  let length = 0;
  for (const paragraph of paragraphs) {
    opening.push(paragraph);
    length += paragraph.length + 1;
    if (length >= LANGUAGE_SAMPLE_LENGTH) break;
  }
  return opening.join('\n');
}

/** Every text of the article proper, each once: a derived title or a lede summary would count twice. */
function articleTexts(title: { value: string; origin: 'text' | 'derived' }, standfirst: string | null, paragraphs: readonly string[], images: readonly DispatchImage[]): string[] {
  return [
    ...(title.origin === 'text' ? [title.value] : []),
    ...(standfirst === null ? [] : [standfirst]),
    ...paragraphs,
    ...images.map((image) => image.caption),
  ];
}

function summaryProvenance(standfirst: string | null, lede: string | null): string {
  if (standfirst !== null) return 'standfirst line under the headline';
  return lede === null ? 'no text to summarise' : 'the lede (first paragraph with words)';
}

function failure(message: string): DispatchResult {
  return { ok: false, errors: [message] };
}

// Wire desks mark a story's version before its headline: "(LEAD)", "(2nd LD)", "(URGENT)".
const VERSION_TAG = /^\((?:LEAD|URGENT|UPDATE|\d+(?:st|nd|rd|th)\s+LD|\d+(?:st|nd|rd|th)\s+LEAD)\)\s*/u;

function titleOf(
  fromText: Field<string> | null,
  lede: string | null,
  language: string,
): { value: string; origin: 'text' | 'derived'; how: string } | null {
  if (fromText !== null) {
    const value = collapseSpaces(fromText.value);
    const untagged = value.replace(VERSION_TAG, '');
    const how = untagged === value ? fromText.how : `${fromText.how}, without the wire's version tag`;
    return { value: untagged === '' ? value : untagged, origin: 'text', how };
  }
  const derived = lede === null ? null : deriveTitle(lede, language);
  return derived === null ? null : { value: derived.title, origin: 'derived', how: derived.how };
}

function inFileOrder(lines: readonly SourceLine[]): string[] {
  return [...lines].sort((a, b) => a.index - b.index).map((line) => line.text);
}
