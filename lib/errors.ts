// Domain errors shared by every service; lib/http/problem.ts maps each to an HTTP status.

export class NotFoundError extends Error {
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`${resource} "${id}" was not found`);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends Error {
  override name = "ConflictError";
}

/** A write based on a revision that is no longer current: its own problem type, so clients can offer to merge or reload. */
export class StaleRevisionError extends ConflictError {
  override name = "StaleRevisionError";
}

/** `If-Match` carries the revision the caller saw; a different one means someone changed it since. */
export function assertRevisionMatches(resource: string, current: number, ifMatch: number | undefined): void {
  if (ifMatch !== undefined && ifMatch !== current) {
    throw new StaleRevisionError(`the ${resource} changed since revision ${ifMatch}; it is at revision ${current}, reload and retry`);
  }
}

/** Input that is well-formed but breaks a domain rule (a target outside the bounds, say). */
export class InvalidInputError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Array<{ path: string; message: string }> = [],
  ) {
    super(message);
    this.name = "InvalidInputError";
  }
}
