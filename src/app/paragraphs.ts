/**
 * The text of a page's data, read back from the page's own markup: a built page inlines its data
 * without it (site/page-html.ts compactPageData), because the prerendered markup holds every word.
 */
import type { ArticleData, Inline, ListEntry, PageData, Paragraph, RelatedLink } from '../core/site-data.ts';

export function paragraphsIn(root: ParentNode): Paragraph[] {
  const body = root.querySelector('.article-body');
  if (body === null) return [];
  return [...body.querySelectorAll(':scope > p:not(.standfirst)')].map((paragraph) =>
    [...paragraph.childNodes].flatMap((node): Inline[] => {
      // The paragraph's own link (Paragraphs.tsx) is not its text.
      if (node instanceof Element && node.classList.contains('pilcrow')) return [];
      if (node instanceof Element && node.tagName === 'A') return [{ href: node.getAttribute('href') ?? '', text: node.textContent ?? '' }];
      // React separates neighbouring texts with comments; they are not text.
      return node.nodeType === Node.TEXT_NODE || node instanceof Element ? [node.textContent ?? ''] : [];
    }),
  );
}

/** The page's data, whole again: its words from the markup it came with. */
export function completePageData(data: PageData, root: ParentNode): PageData {
  const text = (selector: string) => root.querySelector(selector)?.textContent ?? null;
  // A row of the list: its title and snippet are the texts of its link and its snippet.
  const withText = (entry: ListEntry): ListEntry => {
    const row = `[data-id="${CSS.escape(entry.id)}"]`;
    return { ...entry, title: text(`${row} .entry-link`) ?? entry.title, snippet: text(`${row} .snippet`) ?? entry.snippet };
  };
  const entries = data.window.entries.map(withText);
  const { article } = data;
  if (article === null) return { ...data, window: { ...data.window, entries } };
  const listed = entries.find((entry) => entry.id === article.entry.id);
  const entry = { ...(listed ?? article.entry), title: article.entry.title };
  return {
    ...data,
    window: { ...data.window, entries },
    article: {
      ...article,
      entry,
      standfirst: text('.article-body > .standfirst'),
      paragraphs: paragraphsIn(root),
      images: imagesIn(root),
      related: relatedIn(root),
    },
  };
}

/** The photo captions, each with its credit, which the caption shows after "Photo: ". */
function imagesIn(root: ParentNode): ArticleData['images'] {
  return [...root.querySelectorAll('.captions figcaption')].map((caption) => {
    const credit = caption.querySelector('.credit');
    return {
      caption: [...caption.childNodes].filter((node) => node !== credit).map((node) => node.textContent ?? '').join(''),
      credit: credit === null ? null : (credit.textContent ?? '').replace(/^ Photo: /, ''),
    };
  });
}

/** The related dispatches under the article: each link's dispatch, title and reason. */
function relatedIn(root: ParentNode): RelatedLink[] {
  return [...root.querySelectorAll('.related li')].map((item) => ({
    id: (item.querySelector('a')?.getAttribute('href') ?? '').replace(/^\/article\//, '').replace(/[?#].*$/, ''),
    title: item.querySelector('a')?.textContent ?? '',
    language: item.querySelector('a')?.getAttribute('lang') ?? 'und',
    reason: item.querySelector('.reason')?.textContent ?? '',
  }));
}
