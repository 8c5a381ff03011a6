// RFC 9457 problem details: the one table from thrown errors to HTTP answers.
import { z } from "zod";
import { BlueprintInvalidError } from "@/lib/blueprint/errors";
import { ClusterPlanError } from "@/lib/blueprint/plan";
import { ForbiddenError, UnauthenticatedError } from "@/lib/auth/principal";
import { SignInLockedError } from "@/lib/auth/sign-in";
import { ConflictError, InvalidInputError, NotFoundError, StaleRevisionError } from "@/lib/errors";
import { RateLimitedError } from "./rate-limit";

export interface ProblemFieldError {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: ProblemFieldError[];
  request_id?: string;
}

/** Request-level failures found before any service runs. */
export class RequestError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 413 | 415,
    readonly title: string,
    detail: string,
    readonly errors?: ProblemFieldError[],
  ) {
    super(detail);
    this.name = "RequestError";
  }
}

const PROBLEM_TYPE_BASE = "urn:cluster-console:problem:";
const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, "-");

export function problem(status: number, title: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `${PROBLEM_TYPE_BASE}${slug(title)}`, title, status, detail, ...extra };
}

export function problemResponse(body: Problem, headers: HeadersInit = {}): Response {
  return Response.json(body, { status: body.status, headers: { "content-type": "application/problem+json", ...headers } });
}

export function zodFieldErrors(error: z.ZodError): ProblemFieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...path, key].join("."), message: `unknown field "${key}"` }));
    }
    return [{ path: path.join("."), message: issue.message }];
  });
}

/** A known error as its HTTP answer; undefined for anything else (a 500 for the caller to log). */
export function problemResponseFor(error: unknown): Response | undefined {
  const known = problemFor(error);
  return known && problemResponse(known, problemHeadersFor(error));
}

function problemHeadersFor(error: unknown): Record<string, string> {
  if (error instanceof RateLimitedError) return error.headers;
  if (error instanceof SignInLockedError) return error.lockout.headers;
  if (error instanceof UnauthenticatedError) return { "www-authenticate": 'Bearer realm="cluster-console"' };
  return {};
}

function problemFor(error: unknown): Problem | undefined {
  if (error instanceof UnauthenticatedError) return problem(401, "Unauthorized", error.message);
  if (error instanceof ForbiddenError) return problem(403, "Forbidden", error.message);
  if (error instanceof RateLimitedError || error instanceof SignInLockedError) return problem(429, "Too many requests", error.message);
  if (error instanceof RequestError) return problem(error.status, error.title, error.message, error.errors ? { errors: error.errors } : {});
  if (error instanceof NotFoundError) return problem(404, "Not found", error.message);
  if (error instanceof StaleRevisionError) return problem(409, "Stale revision", error.message);
  if (error instanceof ConflictError) return problem(409, "Conflict", error.message);
  if (error instanceof InvalidInputError) return problem(400, "Invalid request", error.message, { errors: error.fieldErrors });
  if (error instanceof ClusterPlanError) return problem(400, "Invalid request", error.message, { errors: error.issues });
  if (error instanceof BlueprintInvalidError) {
    const errors = error.findings.map(({ path, message, line, column }) => ({ path, message, line, column }));
    return problem(400, "Invalid blueprint", `the blueprint has ${errors.length} error(s)`, { errors });
  }
  return undefined;
}
