// Hostile input: each is rejected with a finding, quickly, and nothing throws.
import { describe, expect, it } from "vitest";
import { validateBlueprint } from "./validate";

const VALID_HEAD = `metadata: { id: h, name: H, version: 1.0.0 }
cluster: { type: team, min_workers: 0, max_workers: 0 }
agents:
  - { name: boss, role: supervisor, capabilities: [plan] }
`;

function aliasBomb(): string {
  let text = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let level = 1; level < 10; level++) {
    const previous = `*a${level - 1}`;
    text += `a${level}: &a${level} [${Array(9).fill(previous).join(",")}]\n`;
  }
  return text;
}

const cases: Array<[string, string | Uint8Array, RegExp]> = [
  ["a YAML alias bomb", aliasBomb(), /aliases expand to too much data/],
  ["10,000 nested flow levels", `${VALID_HEAD}x: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`, /deeper than 32/],
  ["10,000 nested block sequences", `${VALID_HEAD}x:\n${"- ".repeat(10_000)}leaf\n`, /deeper than 32/],
  ["10,000 nested flow mappings", `x: ${"{a: ".repeat(10_000)}1${"}".repeat(10_000)}\n`, /deeper than 32/],
  ["a 5 MiB document", `${VALID_HEAD}x: "${"a".repeat(5 * 1024 * 1024)}"\n`, /at most 256 KiB/],
  ["a __proto__ key", `${VALID_HEAD}__proto__: { polluted: true }\n`, /"__proto__" is not allowed/],
  [
    "a __proto__ key inside config",
    VALID_HEAD.replace("max_workers: 0 }", "max_workers: 0, config: { __proto__: { x: 1 } } }"),
    /"__proto__" is not allowed/,
  ],
  ["non-UTF-8 bytes", new Uint8Array([...new TextEncoder().encode("metadata:\n  name: "), 0xff, 0xfe, 0x0a]), /not valid UTF-8.*line 2/],
  ["tabs for indentation", "metadata:\n\tid: x\n", /tabs are not allowed/],
  ["duplicate keys", `${VALID_HEAD}cluster: {}\n`, /duplicate key/],
  ["a multi-document stream", `${VALID_HEAD}---\n${VALID_HEAD}`, /more than one YAML document/],
];

describe("hostile input", () => {
  it.each(cases)("rejects %s with a finding within 50 ms", (_name, input, message) => {
    validateBlueprint(input); // warm the code path so the timing measures the input, not module start-up
    const started = performance.now();
    const result = validateBlueprint(input);
    const elapsed = performance.now() - started;
    expect(result.valid).toBe(false);
    expect(result.errors.map((finding) => finding.message).join("\n")).toMatch(message);
    for (const finding of result.errors) {
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.column).toBeGreaterThanOrEqual(1);
    }
    expect(elapsed).toBeLessThan(50);
  });

  it("does not pollute Object.prototype", () => {
    validateBlueprint(`${VALID_HEAD}__proto__: { polluted: true }\n`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
