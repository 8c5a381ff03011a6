// RFC 9457 problem details, the body of every refusal: its schema and type, and the one table of
// problem codes. A problem's `type` is its code under PROBLEM_TYPE_BASE, so a reworded title never
// changes what a client matches on.
import { z } from "zod";

export const PROBLEM_TYPE_BASE = "urn:cluster-console:problem:";

/** Every code the API answers with: its status, its title, and when it is given. */
export const PROBLEM_CODES = {
  "invalid-request": {
    status: 400,
    title: "Invalid request",
    meaning: "The request is well-formed but breaks a rule (a target outside the bounds, say); `errors` names each field.",
  },
  "invalid-query": { status: 400, title: "Invalid query", meaning: "A query parameter failed validation; `errors` names each one." },
  "invalid-request-body": {
    status: 400,
    title: "Invalid request body",
    meaning: "The JSON body failed validation; `errors` names each field.",
  },
  "malformed-json": { status: 400, title: "Malformed JSON", meaning: "The body is not valid JSON." },
  "invalid-if-match": { status: 400, title: "Invalid If-Match", meaning: 'If-Match is not a revision number such as "3".' },
  "invalid-blueprint": {
    status: 400,
    title: "Invalid blueprint",
    meaning: "The blueprint YAML has errors; `errors` lists each with its line and column.",
  },
  unauthorized: {
    status: 401,
    title: "Unauthorized",
    meaning: "No credentials, or an unknown, revoked or expired token, or a disabled user.",
  },
  forbidden: { status: 403, title: "Forbidden", meaning: "The caller's role is too low for this action." },
  "cross-origin-request-refused": {
    status: 403,
    title: "Cross-origin request refused",
    meaning: "A signed-in mutation came from a page outside the console.",
  },
  "not-found": { status: 404, title: "Not found", meaning: "No such route, or no such resource." },
  "method-not-allowed": {
    status: 405,
    title: "Method not allowed",
    meaning: "The route does not offer this method; Allow lists those it does.",
  },
  conflict: {
    status: 409,
    title: "Conflict",
    meaning: "The change conflicts with the current state (a status that does not allow the action, an id that exists).",
  },
  "stale-revision": {
    status: 409,
    title: "Stale revision",
    meaning: "If-Match named an older revision: someone changed it since; reload, or merge.",
  },
  "payload-too-large": { status: 413, title: "Payload too large", meaning: "The body is larger than 1 MiB." },
  "unsupported-media-type": { status: 415, title: "Unsupported media type", meaning: "The body is not sent as application/json." },
  "too-many-requests": {
    status: 429,
    title: "Too many requests",
    meaning: "A rate limit or the sign-in lockout; Retry-After says when to try again.",
  },
  "internal-error": { status: 500, title: "Internal error", meaning: "An unexpected failure; quote `request_id` when reporting it." },
} as const satisfies Record<string, { status: number; title: string; meaning: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export const problemFieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
  line: z.int().optional(),
  column: z.int().optional(),
});
export type ProblemFieldError = z.infer<typeof problemFieldErrorSchema>;

export const problemSchema = z
  .object({
    type: z.string().meta({ example: `${PROBLEM_TYPE_BASE}invalid-request-body` }),
    title: z.string().meta({ example: "Invalid request body" }),
    status: z.int().meta({ example: 400 }),
    detail: z.string().meta({ example: "target_workers: must be a whole number" }),
    errors: z.array(problemFieldErrorSchema).optional().describe("Every finding, with its line and column for blueprint text."),
    request_id: z.string().optional().describe("Quote it when reporting an internal error."),
  })
  .describe(
    `RFC 9457 problem details (application/problem+json). \`type\` is \`${PROBLEM_TYPE_BASE}<code>\`; match on it, not on the title:\n\n` +
      "| code | status | when |\n|---|---|---|\n" +
      Object.entries(PROBLEM_CODES)
        .map(([code, { status, meaning }]) => `| \`${code}\` | ${status} | ${meaning} |`)
        .join("\n"),
  );
export type Problem = z.infer<typeof problemSchema>;

export function problem(code: ProblemCode, detail: string, extra: Pick<Problem, "errors" | "request_id"> = {}): Problem {
  const { status, title } = PROBLEM_CODES[code];
  return { type: `${PROBLEM_TYPE_BASE}${code}`, title, status, detail, ...extra };
}
