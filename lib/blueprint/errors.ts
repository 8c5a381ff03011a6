// Typed errors of the blueprint domain; only the HTTP layer turns them into status codes.
import type { Finding } from "./finding";

export class BlueprintInvalidError extends Error {
  constructor(readonly findings: Finding[]) {
    const first = findings[0];
    super(
      first
        ? `invalid blueprint: ${first.message} (line ${first.line}, column ${first.column})` +
            (findings.length > 1 ? ` and ${findings.length - 1} more` : "")
        : "invalid blueprint",
    );
    this.name = "BlueprintInvalidError";
  }
}

export class BlueprintFileError extends Error {
  constructor(
    readonly reason: "not_found" | "too_large" | "unreadable",
    readonly filePath: string,
    message: string,
  ) {
    super(message);
    this.name = "BlueprintFileError";
  }
}
