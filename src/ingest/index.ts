/**
 * The ingest's public API: a folder of dispatch text files in, a validated bundle out. The CLI
 * (scripts/bundle.ts) and the benchmark (scripts/bench/ingest.ts) use nothing else.
 */
export { readDispatchFolder, type SourceFile } from './folder.ts';
export { buildBundle, serializeBundle, type BuildResult } from './bundle.ts';
export { parseDispatch, type DispatchResult } from './dispatch.ts';
export { formatReport, formatWarnings, summaryLine, type ReportRow } from './report.ts';
