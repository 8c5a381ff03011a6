// Thrown errors as HTTP answers: a CodedError becomes problem+json with its code's status and title
// (lib/shapes/problem.ts); anything else is the caller's to log as a 500.
import type { z } from "zod";
import { CodedError } from "@/lib/errors";
import { type Problem, problem, type ProblemFieldError } from "@/lib/shapes/problem";

export function problemResponse(body: Problem, headers: HeadersInit = {}): Response {
  return Response.json(body, { status: body.status, headers: { "content-type": "application/problem+json", ...headers } });
}

/** Each issue at its field's path as a client writes it: `tasks[3].priority`. */
export function zodFieldErrors(error: z.ZodError): ProblemFieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: fieldPath([...issue.path, key]), message: `unknown field "${key}"` }));
    }
    return [{ path: fieldPath(issue.path), message: issue.message }];
  });
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (written, key) => (typeof key === "number" ? `${written}[${key}]` : written ? `${written}.${String(key)}` : String(key)),
    "",
  );
}

/** A known error as its HTTP answer; undefined for anything else (a 500 for the caller to log). */
export function problemResponseFor(error: unknown): Response | undefined {
  if (!(error instanceof CodedError)) return undefined;
  return problemResponse(problem(error.code, error.problemDetail, error.fieldErrors ? { errors: error.fieldErrors } : {}), error.headers);
}
