// Positions for a text the fast path loaded but that has findings. Building yaml's node tree for
// the whole text costs about 100 ms at 1,000 definitions; a finding needs only the piece it points
// into. So the text is cut at its top-level keys and, inside a top-level block sequence, at its
// items; the one piece a finding needs is parsed with yaml and must read back as exactly the value
// the fast path loaded there. When a cut is not certain, `undefined` sends the caller to the full
// positioned path, which stays the authority.
import { type Document, parseDocument } from "yaml";
import type { FindingPath } from "./finding";
import { locateOffset } from "./yaml-source";

export type SectionLocate = (path: FindingPath, target?: "key" | "value") => { line: number; column: number } | undefined;

interface Piece {
  doc: Document;
  /** Where the piece starts in the whole text. */
  base: number;
}

/** A top-level `key:` at column 0, written as a plain scalar. */
const TOP_LEVEL_KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]|$)/;
/** Lines that belong to whatever section they are in. */
const NEUTRAL_LINE = /^(?:[ \t]*(?:#.*)?$|[ \t]+\S|-(?:[ \t]|$))/;

export function createSectionLocator(text: string, value: unknown): SectionLocate | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const lineStarts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) lineStarts.push(index + 1);
  const lineText = (line: number) => text.slice(lineStarts[line], line + 1 < lineStarts.length ? lineStarts[line + 1]! - 1 : text.length);

  const sections = new Map<string, { startLine: number; endLine: number }>();
  let open: string | undefined;
  for (let line = 0; line < lineStarts.length; line++) {
    const current = lineText(line).replace(/\r$/, "");
    const key = TOP_LEVEL_KEY.exec(current)?.[1];
    if (key !== undefined) {
      if (sections.has(key)) return undefined;
      if (open !== undefined) sections.get(open)!.endLine = line;
      sections.set(key, { startLine: line, endLine: lineStarts.length });
      open = key;
    } else if (!NEUTRAL_LINE.test(current) || (open === undefined && !/^[ \t]*(?:#.*)?$/.test(current))) {
      return undefined;
    }
  }

  const offsetOf = (line: number) => (line < lineStarts.length ? lineStarts[line]! : text.length);
  const position = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
  const pieces = new Map<string, Piece | null>();
  /** The piece from `startLine` to `endLine`, if it reads back as `expected`. */
  const piece = (id: string, startLine: number, endLine: number, expected: unknown): Piece | null => {
    if (!pieces.has(id)) {
      const base = offsetOf(startLine);
      const doc = parseDocument(text.slice(base, offsetOf(endLine)), { uniqueKeys: true, prettyErrors: false, logLevel: "error" });
      const same = doc.errors.length === 0 && JSON.stringify(doc.toJS()) === JSON.stringify(expected);
      pieces.set(id, same ? { doc, base } : null);
    }
    return pieces.get(id)!;
  };
  const itemLines = new Map<string, number[] | null>();
  /** The first line of each item of the block sequence under `key`, all at the same indentation. */
  const itemsOf = (key: string, section: { startLine: number; endLine: number }): number[] | null => {
    if (!itemLines.has(key)) {
      const starts: number[] = [];
      let indent: number | undefined;
      for (let line = section.startLine + 1; line < section.endLine; line++) {
        const match = /^([ \t]*)-(?:[ \t]|\r?$)/.exec(lineText(line));
        if (!match) continue;
        indent ??= match[1]!.length;
        if (match[1]!.length === indent) starts.push(line);
      }
      const items = record[key] as unknown[];
      itemLines.set(key, starts.length === items.length ? starts : null);
    }
    return itemLines.get(key)!;
  };

  return (path, target = "value") => {
    const key = path[0];
    if (typeof key !== "string") return undefined;
    const section = sections.get(key);
    if (section === undefined || !(key in record)) return undefined;
    const items = Array.isArray(record[key]) && typeof path[1] === "number" ? itemsOf(key, section) : null;
    if (items && typeof path[1] === "number" && path[1] < items.length) {
      const index = path[1];
      const found = piece(`${key}[${index}]`, items[index]!, items[index + 1] ?? section.endLine, [(record[key] as unknown[])[index]]);
      return found ? position(found.base + locateOffset(found.doc, [0, ...path.slice(2)], target)) : undefined;
    }
    const found = piece(key, section.startLine, section.endLine, { [key]: record[key] });
    return found ? position(found.base + locateOffset(found.doc, path, target)) : undefined;
  };
}
