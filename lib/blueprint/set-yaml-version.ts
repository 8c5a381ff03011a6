// Raises a blueprint text's metadata.version by rewriting that one scalar in place, so every other
// byte of the text (comments, list styles, line breaks) stays as the author wrote it. Browser-safe:
// the studio's "raise the version" and the server's restore share it.
import { isScalar, parseDocument } from "yaml";

/** The text with `metadata.version` set to `version`; null when the text has no such scalar to rewrite. */
export function setYamlVersion(text: string, version: string): string | null {
  const document = parseDocument(text);
  if (document.errors.length > 0) return null;
  const node = document.getIn(["metadata", "version"], true);
  if (!isScalar(node) || !node.range) return null;
  const [start, end] = node.range;
  return `${text.slice(0, start)}${version}${text.slice(end)}`;
}
