// The fast path of validation: js-yaml loads a document about ten times faster than `yaml`
// builds its positioned node tree, so a blueprint that turns out valid never pays for positions.
// Anything unusual returns undefined and the caller takes the positioned path, which stays the
// authority for every finding.
import { FAILSAFE_SCHEMA, load, Type } from "js-yaml";

// js-yaml's own schemas resolve scalars as YAML 1.1 does in places (`0b101`, `-.5`); these four
// types are the YAML 1.2 core schema exactly as `yaml` resolves it, so both loaders agree.
const NULL = /^(?:~|null|Null|NULL)?$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

const core12Schema = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type("tag:yaml.org,2002:null", { kind: "scalar", resolve: (data: string) => NULL.test(data), construct: () => null }),
    new Type("tag:yaml.org,2002:bool", {
      kind: "scalar",
      resolve: (data: string) => BOOL.test(data),
      construct: (data: string) => data[0] === "t" || data[0] === "T",
    }),
    new Type("tag:yaml.org,2002:int", { kind: "scalar", resolve: (data: string) => INT.test(data), construct: constructInt }),
    new Type("tag:yaml.org,2002:float", { kind: "scalar", resolve: (data: string) => FLOAT.test(data), construct: constructFloat }),
  ],
});

function constructInt(data: string): number {
  if (data.startsWith("0o")) return parseInt(data.slice(2), 8);
  if (data.startsWith("0x")) return parseInt(data.slice(2), 16);
  return Number(data);
}

function constructFloat(data: string): number {
  const lower = data.toLowerCase();
  if (lower.endsWith(".inf")) return data.startsWith("-") ? -Infinity : Infinity;
  if (lower === ".nan") return NaN;
  return Number(data);
}

/**
 * Anchors, aliases and `__proto__` need the checks of the positioned path; a `#` right after a
 * closing bracket or quote is a syntax error in YAML 1.2 that js-yaml lets pass; tags (`!x`)
 * resolve differently in the two loaders.
 */
const NEEDS_POSITIONED_PATH = /[&*]|__proto__|[\]}"']#|(?:^|[\s[{,])!/;

/**
 * The document's value, or undefined when the fast path does not apply: the text uses anchors,
 * aliases or `__proto__`, js-yaml rejects it (syntax, duplicate keys, several documents), it
 * nests deeper than `maxDepth`, or it has keys the two loaders turn into different strings.
 */
export function loadYamlFast(text: string, maxDepth: number): unknown {
  if (NEEDS_POSITIONED_PATH.test(text)) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: core12Schema });
  } catch {
    return undefined;
  }
  return isPlainWithin(value, maxDepth) ? value : undefined;
}

/**
 * Null keys (`~:`) and collection keys (`[a, b]:`, `? {a: 1}`) become "null", "a,b" and
 * "[object Object]" in js-yaml but other strings in `yaml`; such documents take the positioned path.
 */
const KEY_THE_LOADERS_SPELL_DIFFERENTLY = /^null$|,|^\[object Object\]$/;

function isPlainWithin(value: unknown, levelsLeft: number): boolean {
  if (typeof value !== "object" || value === null) return true;
  if (levelsLeft === 0) return false;
  if (Array.isArray(value)) return value.every((item) => isPlainWithin(item, levelsLeft - 1));
  for (const [key, child] of Object.entries(value)) {
    if (KEY_THE_LOADERS_SPELL_DIFFERENTLY.test(key) || !isPlainWithin(child, levelsLeft - 1)) return false;
  }
  return true;
}
