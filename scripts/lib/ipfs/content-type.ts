/**
 * Content-Type of a stored file, guessed from its first bytes because UnixFS files carry no
 * media type. Only the two formats of a preprocessing report are recognised: an HTML page and a
 * JSON document. Everything else is served as application/octet-stream.
 */

export const OCTET_STREAM = "application/octet-stream";
export const HTML = "text/html; charset=utf-8";
export const JSON_TYPE = "application/json; charset=utf-8";

/** Bytes inspected, as in the WHATWG MIME sniffing standard's resource header. */
const SNIFF_LENGTH = 512;
const HTML_PREFIXES = ["<!doctype html", "<html", "<head", "<body"];
const UTF8_BOM = "\u00ef\u00bb\u00bf";

/**
 * Returns the Content-Type for a file that starts with `head`.
 *
 * NOTE: a text file whose first non-blank character is `{` or `[` is labelled JSON without
 * being parsed, because only its first chunk is available here.
 */
export function sniffContentType(head: Uint8Array): string {
  let text = Buffer.from(head.subarray(0, SNIFF_LENGTH)).toString("latin1");
  if (text.startsWith(UTF8_BOM)) text = text.slice(UTF8_BOM.length);
  text = text.trimStart().toLowerCase();

  if (HTML_PREFIXES.some((prefix) => text.startsWith(prefix))) return HTML;
  if (text.startsWith("{") || text.startsWith("[")) return JSON_TYPE;
  return OCTET_STREAM;
}
