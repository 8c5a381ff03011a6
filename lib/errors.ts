// The errors every layer throws, each carrying its problem code (lib/shapes/problem.ts), from which
// the HTTP layer takes the status and the title. A new kind of refusal is a new class here, or a
// domain's own subclass of CodedError.
import type { ProblemCode, ProblemFieldError } from "@/lib/shapes/problem";

export interface ProblemParts {
  /** The fields at fault, when the refusal is about the request's content. */
  fieldErrors?: ProblemFieldError[];
  /** Headers the answer needs (Retry-After, WWW-Authenticate). */
  headers?: Record<string, string>;
  /** The problem's `detail` when a summary reads better for a client than the message. */
  detail?: string;
}

export abstract class CodedError extends Error {
  abstract readonly code: ProblemCode;
  readonly fieldErrors?: ProblemFieldError[];
  readonly headers?: Record<string, string>;
  readonly problemDetail: string;

  constructor(message: string, parts: ProblemParts = {}) {
    super(message);
    this.fieldErrors = parts.fieldErrors;
    this.headers = parts.headers;
    this.problemDetail = parts.detail ?? message;
  }
}

export class NotFoundError extends CodedError {
  readonly code = "not-found";
  override name = "NotFoundError";
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`${resource} "${id}" was not found`);
  }
}

export class ConflictError extends CodedError {
  readonly code: ProblemCode = "conflict";
  override name = "ConflictError";
}

/** A write based on a revision that is no longer current: its own problem type, so clients can offer to merge or reload. */
export class StaleRevisionError extends ConflictError {
  override readonly code = "stale-revision";
  override name = "StaleRevisionError";
}

/** `If-Match` carries the revision the caller saw; a different one means someone changed it since. */
export function assertRevisionMatches(resource: string, current: number, ifMatch: number | undefined): void {
  if (ifMatch !== undefined && ifMatch !== current) {
    throw new StaleRevisionError(`the ${resource} changed since revision ${ifMatch}; it is at revision ${current}, reload and retry`);
  }
}

/** Input that is well-formed but breaks a domain rule (a target outside the bounds, say). */
export class InvalidInputError extends CodedError {
  readonly code = "invalid-request";
  override name = "InvalidInputError";
  constructor(message: string, fieldErrors: ProblemFieldError[] = []) {
    super(message, { fieldErrors });
  }
}

/** Credentials were presented but do not authenticate, or none were and the route needs them (401). */
export class UnauthenticatedError extends CodedError {
  readonly code = "unauthorized";
  override name = "UnauthenticatedError";
  constructor(message: string) {
    super(message, { headers: { "www-authenticate": 'Bearer realm="cluster-console"' } });
  }
}

/** Authenticated, but the role is too low for the action (403). */
export class ForbiddenError extends CodedError {
  readonly code = "forbidden";
  override name = "ForbiddenError";
}

/** A spent budget or a sign-in lockout: the headers say when to come back. */
export class TooManyRequestsError extends CodedError {
  readonly code = "too-many-requests";
  override name = "TooManyRequestsError";
  constructor(message: string, headers: Record<string, string>) {
    super(message, { headers });
  }
}

/** Refusals found in the request itself before any service runs (its query, body, headers or origin). */
export class RequestError extends CodedError {
  override name = "RequestError";
  constructor(
    readonly code: ProblemCode,
    detail: string,
    fieldErrors?: ProblemFieldError[],
  ) {
    super(detail, { fieldErrors });
  }
}
