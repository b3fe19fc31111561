/** The text of a gzipped UTF-8 stream (DecompressionStream: Chrome 80+, Firefox 113+, Node 18+). */
export async function gunzipText(gzipped: ReadableStream<BufferSource>): Promise<string> {
  return new Response(gzipped.pipeThrough(new DecompressionStream('gzip'))).text();
}
