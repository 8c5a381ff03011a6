// A validation finding: what is wrong, and where in the YAML text (spec: "Rules the validator enforces").
export type FindingSeverity = "error" | "warning";

export interface Finding {
  severity: FindingSeverity;
  /** Dotted path such as `agents[3].reports_to`; empty for the document as a whole. */
  path: string;
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export type FindingPath = ReadonlyArray<string | number>;

export function formatPath(path: FindingPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column;
}
