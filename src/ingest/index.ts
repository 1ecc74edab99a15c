/**
 * The ingest's public API: a folder of dispatch text files in, a validated bundle out. The CLI
 * (scripts/bundle.ts) and the benchmark (scripts/bench/ingest.ts) use nothing else.
 */
export { readDispatchFolder, type SourceFile } from './folder';
export { buildBundle, serializeBundle, type BuildResult } from './bundle';
export { parseDispatch, type DispatchResult } from './dispatch';
export { formatReport, type ReportRow } from './report';
