/**
 * What a reader expects of each outlet fixture, field by field, and how a parsed dispatch is scored
 * against it. The values were read off the fixture text by hand, never copied from the ingest's output.
 */
import type { Dispatch } from '../../../../src/core/schema.ts';
import { renderedParagraphs, squash } from '../support.ts';

export interface OutletExpectation {
  /** Path under tests/fixtures/. */
  file: string;
  /** The headline as printed, or the exact derived title. */
  title: string;
  date: string | null;
  dateline: string | null;
  agency: string | null;
  language: string;
  countries: string[];
  /** The first words of the summary (the standfirst, or the lede without its dateline and marker). */
  summaryStart: string;
  /** Text the body must keep (article sentences, including ones after mid-article furniture). */
  bodyHas: string[];
  /** Text the body must not show (furniture, markers, sign-offs, headers). */
  bodyHasNot: string[];
}

export const FIELDS = ['title', 'date', 'dateline', 'agency', 'language', 'countries', 'summary', 'body has', 'body has not'] as const;
export type FieldName = (typeof FIELDS)[number];

/** For each field, null when it is right, else what came out instead. */
export function fieldMisses(dispatch: Dispatch, expected: OutletExpectation): Partial<Record<FieldName, string>> {
  const misses: Partial<Record<FieldName, string>> = {};
  const body = renderedParagraphs(dispatch.body).join('\n');
  const check = (field: FieldName, right: boolean, got: unknown): void => {
    if (!right) misses[field] = JSON.stringify(got);
  };
  check('title', dispatch.title === expected.title, dispatch.title);
  check('date', dispatch.date === expected.date, dispatch.date);
  check('dateline', dispatch.dateline === expected.dateline, dispatch.dateline);
  check('agency', dispatch.agency === expected.agency, dispatch.agency);
  check('language', dispatch.language === expected.language, dispatch.language);
  check('countries', JSON.stringify(dispatch.countries) === JSON.stringify(expected.countries), dispatch.countries);
  check('summary', squash(dispatch.summary).startsWith(expected.summaryStart), dispatch.summary.slice(0, 80));
  const missing = expected.bodyHas.filter((text) => !squash(body).includes(text));
  check('body has', missing.length === 0, missing);
  const present = expected.bodyHasNot.filter((text) => squash(body).includes(text));
  check('body has not', present.length === 0, present);
  return misses;
}
