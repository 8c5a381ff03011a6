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
    // A body that fits none of a union's shapes (one task, or {tasks}): the shape it came closest to,
    // the one that knows all its fields and then has the fewest problems, says what is wrong.
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const distance = (branch: readonly z.core.$ZodIssue[]) => [
        branch.filter((inner) => inner.code === "unrecognized_keys" && inner.path.length === 0).length,
        branch.length,
      ];
      const closer = (a: readonly z.core.$ZodIssue[], b: readonly z.core.$ZodIssue[]) => {
        const [unknownA, countA] = distance(a);
        const [unknownB, countB] = distance(b);
        return unknownA! < unknownB! || (unknownA === unknownB && countA! < countB!);
      };
      return fieldErrorsOf(
        issue.errors.reduce((best, branch) => (closer(branch, best) ? branch : best)),
        path,
      );
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
