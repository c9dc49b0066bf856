import { UserError } from "../compiler/errors.ts";

/**
 * The one error type the data layer throws for bad input (missing, truncated or corrupt files,
 * bad specs). The CLI prints `message` alone, so every message is a single line that names the
 * file (or spec) and the problem; a stack trace would only hide that.
 */
export class DataError extends UserError {}

/** Short text of an unknown thrown value, for wrapping library errors into one-line messages. */
export function describeError(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // Library messages (libvips, zlib) can span lines; keep the DataError to one line.
  return text.replace(/\s+/g, " ").trim();
}
