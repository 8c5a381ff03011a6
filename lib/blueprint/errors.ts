// Typed errors of the blueprint domain; their code decides the HTTP answer (lib/http/problem.ts).
import { CodedError } from "@/lib/errors";
import type { Finding } from "./finding";

export class BlueprintInvalidError extends CodedError {
  readonly code = "invalid-blueprint";
  override name = "BlueprintInvalidError";
  constructor(readonly findings: Finding[]) {
    const first = findings[0];
    super(
      first
        ? `invalid blueprint: ${first.message} (line ${first.line}, column ${first.column})` +
            (findings.length > 1 ? ` and ${findings.length - 1} more` : "")
        : "invalid blueprint",
      {
        fieldErrors: findings.map(({ path, message, line, column }) => ({ path, message, line, column })),
        detail: `the blueprint has ${findings.length} error(s)`,
      },
    );
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
