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
