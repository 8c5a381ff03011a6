// Parses blueprint YAML into plain data while keeping the node tree, so every finding can point
// at the line and column of the key or value it is about. Runs in the browser and on the server.
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { type Finding, type FindingPath, formatPath } from "./finding";
import { describeYamlErrors } from "./yaml-syntax-errors";

export const MAX_YAML_BYTES = 256 * 1024;
export const MAX_NESTING_DEPTH = 32;
export const MAX_ALIASES = 100;
/** Above this estimated depth the text is rejected before parsing: the parser's cost and stack grow with depth. */
const NESTING_PRESCAN_LIMIT = 128;

export interface YamlSource {
  /** The parsed value, or undefined when the text has errors that stop conversion. */
  readonly value: unknown;
  readonly errors: Finding[];
  /** Line and column (1-based) of the key or value at `path`; the nearest existing ancestor when it is missing. */
  locate(path: FindingPath, target?: "key" | "value"): { line: number; column: number };
}

type Locator = YamlSource["locate"];

export interface YamlText {
  text: string;
  /** Findings that stop the text before any parser sees it. */
  errors: Finding[];
  /** A flow collection (`[...]`, `{...}`) or a quoted scalar continues on another line. */
  spansLines: boolean;
}

/** The text of a blueprint, checked for encoding, size and nesting before any parser sees it. */
export function readYamlText(input: string | Uint8Array): YamlText {
  const decoded = typeof input === "string" ? { text: input } : decodeUtf8(input);
  const text = decoded.text;
  if (decoded.invalidAt !== undefined) {
    const { line, column } = positionInText(text, decoded.invalidAt);
    return {
      text,
      errors: [rootError(`the file is not valid UTF-8 (first bad byte near line ${line}, column ${column})`, line, column)],
      spansLines: false,
    };
  }
  const size = utf8ByteLength(text);
  if (size > MAX_YAML_BYTES) {
    return { text, errors: [rootError(`the YAML text is ${formatKiB(size)}; at most 256 KiB is allowed`, 1, 1)], spansLines: false };
  }
  const { tooDeepAt, spansLines } = prescanNesting(text);
  if (tooDeepAt !== undefined) {
    const { line, column } = positionInText(text, tooDeepAt);
    return { text, errors: [rootError(`nesting is deeper than ${MAX_NESTING_DEPTH} levels`, line, column)], spansLines };
  }
  return { text, errors: [], spansLines };
}

/** Parses a text that passed readYamlText into its value and a node tree for positions. */
export function parseYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const fromOffset = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, logLevel: "error" });
  const locate: Locator = (path, target = "value") => fromOffset(locateOffset(doc, path, target));
  const syntaxErrors = describeYamlErrors(doc.errors, text, lineCounter);
  if (syntaxErrors.length > 0) return { value: undefined, errors: syntaxErrors, locate };

  const structureErrors = checkStructure(doc, fromOffset);
  if (structureErrors.length > 0) return { value: undefined, errors: structureErrors, locate };

  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIASES }), errors: [], locate };
  } catch {
    return { value: undefined, errors: [rootError("aliases expand to too much data; remove the nested aliases", 1, 1)], locate };
  }
}

function rootError(message: string, line: number, column: number): Finding {
  return { severity: "error", path: "", message, line, column };
}

function decodeUtf8(bytes: Uint8Array): { text: string; invalidAt?: number } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder("utf-8").decode(bytes);
    return { text, invalidAt: Math.max(0, text.indexOf("\uFFFD")) };
  }
}

function utf8ByteLength(text: string): number {
  // Every UTF-16 unit is at least one byte and at most three, so most texts need no encoding.
  if (text.length > MAX_YAML_BYTES) return text.length;
  if (text.length * 3 <= MAX_YAML_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function positionInText(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * A linear, conservative estimate of nesting depth (flow brackets plus block indentation levels
 * plus compact "- " and "? " indicators), with the offset where it passes the pre-scan limit, and
 * whether a flow collection or a quoted scalar spans lines.
 * The exact 32-level rule is checked on the parsed tree; this only keeps hostile input away from the parser.
 */
function prescanNesting(text: string): { tooDeepAt?: number; spansLines: boolean } {
  const indents: number[] = [];
  let flowDepth = 0;
  let spansLines = false;
  let i = 0;
  while (i < text.length) {
    let indent = 0;
    while (text.charCodeAt(i + indent) === 32) indent++;
    let pos = i + indent;
    if (flowDepth === 0 && pos < text.length && text[pos] !== "\n" && text[pos] !== "#") {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      while ((text[pos] === "-" || text[pos] === "?") && text[pos + 1] === " ") {
        indents.push(indent);
        pos += 2;
        while (text[pos] === " ") pos++;
      }
    }
    let quote = "";
    for (; pos < text.length && text[pos] !== "\n"; pos++) {
      const ch = text[pos]!;
      if (quote) {
        if (ch === "\\" && quote === '"') pos++;
        else if (ch === quote) quote = "";
        continue;
      }
      // A quote opens a quoted scalar only where a scalar starts, not inside "it's".
      if ((ch === "'" || ch === '"') && SCALAR_STARTS_AFTER.has(text[lastNonSpaceBefore(text, pos)] ?? "")) {
        quote = ch;
      } else if (ch === "#" && (pos === 0 || text[pos - 1] === " ")) {
        while (pos < text.length && text[pos] !== "\n") pos++;
        break;
      } else if (ch === "[" || ch === "{") {
        flowDepth++;
      } else if ((ch === "]" || ch === "}") && flowDepth > 0) {
        flowDepth--;
      }
      if (indents.length + flowDepth > NESTING_PRESCAN_LIMIT) return { tooDeepAt: pos, spansLines };
    }
    if (indents.length + flowDepth > NESTING_PRESCAN_LIMIT) return { tooDeepAt: Math.min(pos, text.length - 1), spansLines };
    if (flowDepth > 0 || quote !== "") spansLines = true;
    i = pos + 1;
  }
  return { spansLines };
}

const SCALAR_STARTS_AFTER = new Set(["", "\n", ":", "-", "?", ",", "[", "{"]);

function lastNonSpaceBefore(text: string, pos: number): number {
  let at = pos - 1;
  while (at >= 0 && text[at] === " ") at--;
  return at;
}

type Position = { line: number; column: number };

/** One pass over the tree: the document is a mapping, no `__proto__` keys, alias and depth limits. */
function checkStructure(doc: Document, fromOffset: (offset: number) => Position): Finding[] {
  const findings: Finding[] = [];
  const root = doc.contents;
  if (!root || (isScalar(root) && (root.value === null || root.value === undefined))) {
    return [rootError("the document is empty; a blueprint is a mapping with metadata, cluster and agents", 1, 1)];
  }
  if (!isMap(root)) {
    const { line, column } = fromOffset(root.range?.[0] ?? 0);
    return [rootError("the document must be a mapping with metadata, cluster and agents", line, column)];
  }
  let aliases = 0;
  let tooDeepReported = false;
  const stack: Array<{ node: Node; depth: number; path: FindingPath }> = [{ node: root, depth: 1, path: [] }];
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (isAlias(node)) {
      aliases++;
      continue;
    }
    if (depth > MAX_NESTING_DEPTH && !tooDeepReported && (isMap(node) || isSeq(node))) {
      tooDeepReported = true;
      const { line, column } = fromOffset(node.range?.[0] ?? 0);
      findings.push({
        severity: "error",
        path: formatPath(path),
        message: `nesting is deeper than ${MAX_NESTING_DEPTH} levels`,
        line,
        column,
      });
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        const keyPath = [...path, String(key)];
        if (key === "__proto__") {
          const { line, column } = fromOffset((pair.key as Node).range?.[0] ?? 0);
          findings.push({ severity: "error", path: formatPath(keyPath), message: 'the key "__proto__" is not allowed', line, column });
        }
        if (isAlias(pair.key)) aliases++;
        if (pair.value) stack.push({ node: pair.value as Node, depth: depth + 1, path: keyPath });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (item) stack.push({ node: item as Node, depth: depth + 1, path: [...path, index] });
      });
    }
  }
  if (aliases > MAX_ALIASES) {
    findings.push(rootError(`the document uses ${aliases} aliases; at most ${MAX_ALIASES} are allowed`, 1, 1));
  }
  return findings;
}

/** Walks the node tree along `path`; stops at the deepest node that exists. */
export function locateOffset(doc: Document, path: FindingPath, target: "key" | "value"): number {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return (keyNode ?? (node as Node)).range?.[0] ?? 0;
      keyNode = pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === "number" && node.items[segment]) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      return (keyNode ?? (node as Node | undefined))?.range?.[0] ?? 0;
    }
  }
  if (target === "key" && keyNode) return keyNode.range?.[0] ?? 0;
  return (node as Node | undefined)?.range?.[0] ?? keyNode?.range?.[0] ?? 0;
}
