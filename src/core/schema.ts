/**
 * The bundle's shape: the one source of truth.
 *
 * The ingest validates what it writes with these schemas; the app only does `import type` from here,
 * so zod never ships to the browser. Field names are a contract other tools read: change them only
 * together with `schemaVersion`.
 */
import { z } from 'zod';
import { isRealPartialDate } from './dates.ts';
import { articlePath } from './routes.ts';

export const SCHEMA_VERSION = 1;

/** ISO 3166-1 alpha-2, upper case. */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "VN"');

/** A calendar date, or the month or year when that is all the text says. */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY-MM-DD, YYYY-MM or YYYY')
  .refine(isRealPartialDate, 'not a real calendar date');

const nonEmpty = z.string().trim().min(1);

export const imageSchema = z
  .object({
    caption: nonEmpty,
    credit: nonEmpty.nullable(),
  })
  .strict();

/** How each derived field was found, so a surprising value can be traced back to the text. */
export const provenanceSchema = z
  .object({
    shape: z.string(),
    title: z.string(),
    date: z.string(),
    dateline: z.string(),
    agency: z.string(),
    language: z.string(),
    summary: z.string(),
  })
  .strict();

export const dispatchSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'ids are lower-case letters, digits, "-" and "_"'),
    sourceFile: nonEmpty,
    /** Always `articlePath(id)`; checked for the whole bundle below. */
    path: z.string(),
    title: nonEmpty,
    titleOrigin: z.enum(['text', 'derived']),
    date: partialDateSchema.nullable(),
    dateline: nonEmpty.nullable(),
    agency: nonEmpty.nullable(),
    /** BCP-47 tag; "und" when the language could not be determined (a warning says so). */
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
    countries: z.array(countryCodeSchema),
    /** The country the dispatch is mostly about besides Việt Nam, when one stands out. */
    counterpart: countryCodeSchema.nullable(),
    summary: z.string(),
    body: z.string(),
    images: z.array(imageSchema),
    sourceUrl: z.url({ protocol: /^https?$/ }).nullable(),
    wordCount: z.number().int().nonnegative(),
    warnings: z.array(z.string()),
    provenance: provenanceSchema,
    /** Lines recognised as page furniture (site header, footer, file names) and left out of the article. */
    discarded: z.array(z.string()),
  })
  .strict();

export const bundleSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    dispatches: z.array(dispatchSchema),
    /** The English name of every country code the dispatches use; last, since only the whole archive knows them. */
    countryNames: z.record(countryCodeSchema, nonEmpty),
  })
  .strict()
  .superRefine((bundle, ctx) => {
    const seen = new Map<string, string>();
    bundle.dispatches.forEach((dispatch, index) => {
      const other = seen.get(dispatch.id);
      if (other !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['dispatches', index, 'id'],
          message: `${dispatch.sourceFile} and ${other} share the id "${dispatch.id}"`,
        });
      }
      seen.set(dispatch.id, dispatch.sourceFile);
      if (dispatch.path !== articlePath(dispatch.id)) {
        ctx.addIssue({ code: 'custom', path: ['dispatches', index, 'path'], message: `path must be ${articlePath(dispatch.id)}` });
      }
      for (const code of dispatch.countries) {
        if (!(code in bundle.countryNames)) {
          ctx.addIssue({
            code: 'custom',
            path: ['dispatches', index, 'countries'],
            message: `${code} has no entry in countryNames`,
          });
        }
      }
    });
  });

export type Bundle = z.infer<typeof bundleSchema>;
export type Dispatch = z.infer<typeof dispatchSchema>;
export type DispatchImage = z.infer<typeof imageSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
