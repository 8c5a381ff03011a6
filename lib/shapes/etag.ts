// ETag and If-Match carry a revision (of a cluster or a blueprint), so a stale write answers 409 instead of clobbering.
import { z } from "zod";
import { RequestError } from "@/lib/errors";

const IF_MATCH_REVISION = /^\s*(?:W\/)?"?(\d+)"?\s*$/;

/** The If-Match header of a conditional write, as the OpenAPI document describes it. */
export const ifMatchHeadersSchema = z.object({
  "if-match": z.string().regex(IF_MATCH_REVISION).optional().meta({
    description:
      'The revision the change is based on (the ETag, e.g. "3"); a newer revision on the server answers 409. Without it the write applies to whatever is current.',
  }),
});

export function etagFor(revision: number): string {
  return `"${revision}"`;
}

/** The revision in If-Match (`3`, `"3"` or `W/"3"`); undefined when the header is absent. */
export function readIfMatch(request: Request): number | undefined {
  const header = request.headers.get("if-match");
  if (header === null || header.trim() === "*") return undefined;
  const match = IF_MATCH_REVISION.exec(header);
  if (!match) throw new RequestError("invalid-if-match", `If-Match must be a revision number such as "3", got ${header}`);
  return Number(match[1]);
}
