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
  return fieldErrorsOf(error.issues, []);
}

function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], under: readonly PropertyKey[]): ProblemFieldError[] {
  return issues.flatMap((issue) => {
    const path = [...under, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: fieldPath([...path, key]), message: `unknown field "${key}"` }));
    }
    // A body that fits none of a union's shapes (one task, or {tasks}): the shape it came closest to says what is wrong;
    // on a tie the later shape, the simpler request.
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const closest = issue.errors.reduce((best, branch) => (branch.length <= best.length ? branch : best));
      return fieldErrorsOf(closest, path);
    }
    return [{ path: fieldPath(path), message: issue.message }];
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
