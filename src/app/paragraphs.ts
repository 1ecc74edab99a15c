/**
 * An article's paragraphs, read back from the page's own markup: a built page inlines its data
 * without them (site/page-html.ts), because the prerendered article already holds every word.
 */
import type { Inline, PageData, Paragraph } from '../core/site-data.ts';

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

/** The page's data, whole again: its article's paragraphs from the markup it came with. */
export function completePageData(data: PageData, root: ParentNode): PageData {
  return data.article === null ? data : { ...data, article: { ...data.article, paragraphs: paragraphsIn(root) } };
}
