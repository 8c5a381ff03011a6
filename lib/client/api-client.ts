// The browser's client for our API: openapi-fetch typed by the document the server serves
// (api-types.ts, generated), so a path, parameter, body or answer the routes no longer have fails
// `tsc` in the hooks that use it. Refusals (problem+json) become ApiError; a request that never got
// an answer becomes UnreachableError, in our words rather than the browser's.
import createClient from "openapi-fetch";
import { type Problem, PROBLEM_TYPE_BASE } from "@/lib/shapes/problem";
import type { paths } from "./api-types";
import { reportReachable, reportUnreachable } from "./connection-state";

/** Relative to the page's origin: the console's pages are served by the API they call. */
export const api = createClient<paths>({ headers: { accept: "application/json" } });

/** The same client for a script: the console's address and an API token. */
export function scriptClient(baseUrl: string, token: string) {
  return createClient<paths>({
    baseUrl: baseUrl.replace(/\/$/, ""),
    headers: { accept: "application/json", authorization: `Bearer ${token}` },
  });
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
  }

  get status(): number {
    return this.problem.status;
  }
}

/**
 * No answer came back (offline, the server down, the request cut off): the browser's fetch says
 * "Failed to fetch", which tells a person nothing. The server did not answer, so a write was not confirmed.
 */
export class UnreachableError extends Error {
  constructor() {
    super("Could not reach the console");
    this.name = "UnreachableError";
  }
}

/** The server refused a write made against an older revision (If-Match); the problem type says so. */
export function isStaleRevision(error: unknown): error is ApiError {
  return error instanceof ApiError && error.problem.type === `${PROBLEM_TYPE_BASE}stale-revision`;
}

/** A query without its empty filters: the API would refuse `status=` as an unknown status. */
export function withoutEmpty<Query extends object>(query: Query): Query {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== "")) as Query;
}

/** The revision a conditional write is based on, as If-Match sends it. */
export function ifMatch(revision: number): { "if-match": string } {
  return { "if-match": `"${revision}"` };
}

/** The answer's data, or an ApiError with the problem the server refused with. */
export async function dataOf<Data>(call: Promise<{ data?: Data; error?: unknown; response: Response }>): Promise<Data> {
  const { data, error, response } = await answerOf(call);
  if (!response.ok) {
    throw new ApiError(
      isProblem(error)
        ? error
        : { type: "about:blank", title: response.statusText, status: response.status, detail: `the server answered ${response.status}` },
    );
  }
  // A 204 (a deletion) has no body: its Data type is undefined as well.
  return data as Data;
}

async function answerOf<Answer>(call: Promise<Answer>): Promise<Answer> {
  try {
    const answer = await call;
    reportReachable();
    return answer;
  } catch (failure) {
    // fetch rejects with a TypeError exactly when no response arrived.
    if (!(failure instanceof TypeError)) throw failure;
    reportUnreachable();
    throw new UnreachableError();
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "status" in value && "title" in value;
}
