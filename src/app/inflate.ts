/**
 * A data file's JSON from its gzipped bytes: the build stores data files gzipped (core/data-paths.ts).
 * Some hosts send a .gz file with a Content-Encoding that makes the browser inflate it already; then
 * the bytes are the JSON itself.
 */
export async function inflated(response: Response): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return new Response(gzipped ? new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')) : bytes);
}
