// The fast path must never change an answer: it may skip the positioned path only where it gives
// the same value, the same findings and the same positions.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { EXAMPLE_BLUEPRINTS } from "./example-blueprints";
import { loadYamlFast } from "./fast-yaml";
import { validateBlueprint, validateWithPositions } from "./validate";

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const examples = EXAMPLE_BLUEPRINTS.map(({ file }) => readFileSync(`blueprints/${file}`, "utf8"));

describe("loadYamlFast", () => {
  it("resolves plain scalars as YAML 1.2's core schema, exactly as yaml does", () => {
    const scalars = [
      "yes",
      "no",
      "on",
      "True",
      "TRUE",
      "tRue",
      "false",
      "~",
      "null",
      "Null",
      "NULL",
      "",
      "0o17",
      "017",
      "0x1F",
      "0X1f",
      "0b101",
      "1_000",
      "+12",
      "-0",
      "00",
      ".inf",
      "-.Inf",
      "+.INF",
      ".NaN",
      ".nan",
      "1e3",
      "12e03",
      "1.5e-3",
      "-.5",
      "+.5",
      ".5",
      "5.",
      "0.",
      "2001-12-14",
      "12:30:00",
      "1:20",
      "1.0.0",
      "1-3",
      "0o8",
      "0xG",
      "1,000",
      "=",
      "<<",
    ];
    for (const scalar of scalars) {
      const text = `v: ${scalar}\n`;
      expect(Object.is((loadYamlFast(text, 32) as { v: unknown }).v, (parse(text) as { v: unknown }).v), `v: ${scalar}`).toBe(true);
    }
  });

  it("property: loads whatever yaml writes as yaml reads it back", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = stringify({ value });
        const fast = loadYamlFast(text, 32);
        fc.pre(fast !== undefined);
        expect(fast).toEqual(parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it("leaves anchors, aliases, __proto__ and deep nesting to the positioned path", () => {
    expect(loadYamlFast("a: &x 1\nb: *x\n", 32)).toBeUndefined();
    expect(loadYamlFast("__proto__: 1\n", 32)).toBeUndefined();
    expect(loadYamlFast("a: [1]#not a comment\n", 32)).toBeUndefined();
    expect(loadYamlFast(`a: ${"[".repeat(33)}${"]".repeat(33)}\n`, 32)).toBeUndefined();
    expect(loadYamlFast(`a: ${"[".repeat(31)}${"]".repeat(31)}\n`, 32)).toBeDefined();
  });
});

const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("insert", "delete", "replace"),
  text: fc.constantFrom(
    " ",
    "\n",
    ":",
    "-",
    "#",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    ",",
    "?",
    "|",
    ">",
    "!",
    "\t",
    "  ",
    "a",
    "1",
    "%",
    "@",
    "`",
    ".",
    "0",
  ),
});

function mutate(text: string, mutations: Array<{ at: number; kind: string; text: string }>): string {
  return mutations.reduce((current, { at, kind, text: inserted }) => {
    const position = at % (current.length + 1);
    if (kind === "insert") return current.slice(0, position) + inserted + current.slice(position);
    if (kind === "delete") return current.slice(0, position) + current.slice(position + 1);
    return current.slice(0, position) + inserted + current.slice(position + 1);
  }, text);
}

describe("validateBlueprint's fast path", () => {
  it("agrees with the positioned path on every example blueprint", () => {
    for (const text of examples) expect(validateBlueprint(text)).toEqual(validateWithPositions(text));
  });

  it(
    "property: a mutated blueprint gets the same answer as from the positioned path, findings and their positions included",
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 3 }), (text, mutations) => {
          const mutated = mutate(text, mutations);
          expect(validateBlueprint(mutated)).toEqual(validateWithPositions(mutated));
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    20_000 + FUZZ_RUNS * 10,
  );
});
