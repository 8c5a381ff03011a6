// The browser's fetch wrapper for our API: JSON in, JSON out, problem+json turned into ApiError.
import type { Problem } from "@/lib/http/problem";

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
  }

  get status(): number {
    return this.problem.status;
  }
}

/** The server refused a write made against an older revision (If-Match); the problem type says so. */
export function isStaleRevision(error: unknown): error is ApiError {
  return error instanceof ApiError && error.problem.type.endsWith(":stale-revision");
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  headers.set("accept", "application/json");
  const response = await fetch(path, { ...init, headers });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ApiError(isProblem(body) ? body : { type: "about:blank", title: response.statusText, status: response.status, detail: `the server answered ${response.status}` });
  }
  // 204 No Content (a deletion) has no body to parse.
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "status" in value && "title" in value;
}
