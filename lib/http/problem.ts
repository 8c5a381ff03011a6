// Thrown errors as HTTP answers: a CodedError becomes problem+json with its code's status and title
// (lib/shapes/problem.ts); anything else is the caller's to log as a 500.
import type { z } from "zod";
import { CodedError } from "@/lib/errors";
import { type Problem, problem, type ProblemFieldError } from "@/lib/shapes/problem";

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
  if (!(error instanceof CodedError)) return undefined;
  return problemResponse(problem(error.code, error.problemDetail, error.fieldErrors ? { errors: error.fieldErrors } : {}), error.headers);
}
