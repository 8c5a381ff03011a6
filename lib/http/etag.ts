// ETag and If-Match carry a revision (of a cluster or a blueprint), so a stale write answers 409 instead of clobbering.
import { RequestError } from "./problem";

export function etagFor(revision: number): string {
  return `"${revision}"`;
}

/** The revision in If-Match (`3`, `"3"` or `W/"3"`); undefined when the header is absent. */
export function readIfMatch(request: Request): number | undefined {
  const header = request.headers.get("if-match");
  if (header === null || header.trim() === "*") return undefined;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!match) throw new RequestError(400, "Invalid If-Match", `If-Match must be a revision number such as "3", got ${header}`);
  return Number(match[1]);
}
