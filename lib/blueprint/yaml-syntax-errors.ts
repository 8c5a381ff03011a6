// The YAML parser's errors in our words, at the line the user broke: an over-indented line makes
// the parser report two errors about the line above it ("Nested mappings are not allowed in
// compact mappings", "Implicit keys need to be on a single line"); the user needs one, about the
// line they indented. Browser-safe like the rest of the validator.
import type { LineCounter, YAMLError } from "yaml";
import type { Finding } from "./finding";

type Position = { line: number; column: number };

export function describeYamlErrors(errors: readonly YAMLError[], text: string, lineCounter: LineCounter): Finding[] {
  const lines = text.split("\n");
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  // An over-indented line: the compact-mapping error and a multi-line key error from the same place.
  const overIndentedAt = new Set(errors.filter((error) => error.code === "MULTILINE_IMPLICIT_KEY").map((multiLine) => multiLine.pos[0]));
  const findings: Finding[] = [];
  for (const error of errors) {
    const start = at(error.pos[0]);
    if (
      error.code === "MULTILINE_IMPLICIT_KEY" &&
      errors.some((other) => other.code === "BLOCK_AS_IMPLICIT_KEY" && other.pos[0] === error.pos[0])
    )
      continue;
    if (error.code === "BLOCK_AS_IMPLICIT_KEY" && overIndentedAt.has(error.pos[0])) {
      findings.push(describeOverIndentedLine(lines, start.line));
      continue;
    }
    if (error.code === "BAD_INDENT") {
      findings.push(describeMisalignedLine(lines, start.line));
      continue;
    }
    findings.push(syntaxError(describeYamlError(error.code, error.message), start));
  }
  return findings;
}

/** A key out of line with the keys before it: deeper than the key above it, or between two levels. */
function describeMisalignedLine(lines: readonly string[], brokenLine: number): Finding {
  const broken = firstContentLine(lines, brokenLine);
  const above = lastContentLine(lines, broken.line - 1);
  if (above !== undefined && broken.column > keyColumnOf(lines[above - 1]!)) return describeOverIndentedLine(lines, above);
  return syntaxError(
    `line ${broken.line} is indented differently from the keys before it; every key of one mapping starts in the same column`,
    broken,
  );
}

/** `aboveLine` ends in a key with a value; the next line with content is indented as if it belonged under that key. */
function describeOverIndentedLine(lines: readonly string[], aboveLine: number): Finding {
  const broken = firstContentLine(lines, aboveLine + 1);
  const keyAbove = keyOf(lines[aboveLine - 1] ?? "");
  const keyBroken = keyOf(lines[broken.line - 1] ?? "");
  const owner = keyAbove ? `"${keyAbove}" on line ${aboveLine}` : `line ${aboveLine}`;
  const fix = keyAbove && keyBroken ? `; start "${keyBroken}" in the same column as "${keyAbove}"` : `; indent it like line ${aboveLine}`;
  return syntaxError(`line ${broken.line} is indented deeper than the key above it expects: ${owner} already has a value${fix}`, broken);
}

/** The first line from `from` on that is neither blank nor a comment, and the column its content starts at. */
function firstContentLine(lines: readonly string[], from: number): Position {
  for (let line = from; line <= lines.length; line++) {
    const content = lines[line - 1]!.trimStart();
    if (content !== "" && !content.startsWith("#")) return { line, column: lines[line - 1]!.length - content.length + 1 };
  }
  return { line: from, column: 1 };
}

function lastContentLine(lines: readonly string[], from: number): number | undefined {
  for (let line = from; line >= 1; line--) {
    const content = lines[line - 1]!.trimStart();
    if (content !== "" && !content.startsWith("#")) return line;
  }
  return undefined;
}

/** Where the line's key starts, past a sequence item's dash. */
function keyColumnOf(line: string): number {
  return (/^[\s-]*/.exec(line)?.[0].length ?? 0) + 1;
}

function keyOf(line: string): string | undefined {
  return /^\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:(?:\s|$)/.exec(line)?.[1];
}

function syntaxError(message: string, { line, column }: Position): Finding {
  return { severity: "error", path: "", message, line, column };
}

function describeYamlError(code: string, message: string): string {
  switch (code) {
    case "MULTIPLE_DOCS":
      return "the text holds more than one YAML document; a blueprint is a single document";
    case "DUPLICATE_KEY":
      return "duplicate key: each key may appear only once in a mapping";
    case "TAB_AS_INDENT":
      return "tabs are not allowed for indentation; indent with spaces";
    default:
      return `YAML syntax error: ${message.split("\n")[0]}`;
  }
}
