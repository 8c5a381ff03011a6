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
