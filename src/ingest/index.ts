/**
 * The ingest's public API. Archives of any size go through `ingestFolder`: every file once, in name
 * order, read a few at a time, parsed on every core and cached by content; `openBundleWriter` streams
 * the bundle to a file and `createProgress` shows a long run's progress. The CLI (scripts/bundle.ts),
 * the benchmark (scripts/bench/ingest.ts) and the site build use these.
 *
 * `readDispatchFolder` + `buildBundle` + `serializeBundle` are the small in-memory path, for tests and
 * archives of a few hundred files: the same reader per file and the same bytes, all in memory.
 */
export { ingestFolder, readCachedDispatch, type IngestEvent, type IngestOptions, type IngestProgress } from './pipeline.ts';
export { BundleOutputError, openBundleWriter, type BundleWriter } from './bundle-writer.ts';
export { createProgress, type Progress, type ProgressCounts } from './progress.ts';
export { ExplainedError } from './files.ts';
export { readDispatchFolder, type SourceFile } from './folder.ts';
export { buildBundle, serializeBundle, type BuildResult } from './bundle.ts';
export { parseDispatch, type DispatchResult } from './dispatch.ts';
export { formatReport, formatWarnings, summaryLine, type ReportRow } from './report.ts';
