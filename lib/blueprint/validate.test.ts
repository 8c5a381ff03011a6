import { describe, expect, it } from "vitest";
import type { Finding } from "./finding";
import { validateBlueprint } from "./validate";

// Line numbers in the assertions below refer to this text; edits keep its line layout.
const BASE = `metadata:
  id: demo-v1
  name: Demo
  version: 1.0.0
cluster:
  type: team
  min_workers: 1
  max_workers: 3
agents:
  - name: boss
    role: supervisor
    capabilities: [planning]
  - name: helper
    role: worker
    count: 1-3
    capabilities: [doing]
`;

function edit(from: string, to: string, text = BASE): string {
  if (!text.includes(from)) throw new Error(`test setup: "${from}" is not in the text`);
  return text.replace(from, to);
}

function only(text: string): Finding {
  const result = validateBlueprint(text);
  expect(result.errors, JSON.stringify(result.errors, null, 1)).toHaveLength(1);
  return result.errors[0]!;
}

function expectError(text: string, path: string, line: number, column: number, message: RegExp) {
  const finding = only(text);
  expect({ path: finding.path, line: finding.line, column: finding.column }).toEqual({ path, line, column });
  expect(finding.message).toMatch(message);
  expect(finding.severity).toBe("error");
}

// BASE with a default executor (lines from 9 on move down one).
const RUNNABLE = edit("  max_workers: 3\n", "  max_workers: 3\n  config: { executor: { type: simulate } }\n");

describe("the base blueprint", () => {
  it("is valid, and warns each definition that without an executor its tasks would fail", () => {
    const result = validateBlueprint(BASE);
    expect(result).toMatchObject({ valid: true, errors: [] });
    expect(result.warnings).toEqual([
      {
        severity: "warning",
        path: "agents[0].name",
        line: 10,
        column: 11,
        message: '"boss" has no executor (neither its own nor cluster.config.executor); its tasks would fail',
      },
      {
        severity: "warning",
        path: "agents[1].name",
        line: 13,
        column: 11,
        message: '"helper" has no executor (neither its own nor cluster.config.executor); its tasks would fail',
      },
    ]);
  });
  it("with an executor, is valid with no warnings", () => {
    expect(validateBlueprint(RUNNABLE)).toMatchObject({ valid: true, errors: [], warnings: [] });
  });
});

describe("rule 1: a single YAML mapping", () => {
  it("reports a syntax error with its line and column", () => {
    expectError(edit("  name: Demo", "  name: Demo: x"), "", 3, 9, /YAML syntax error: Nested mappings/);
  });
  it("says once, at the line the user indented, that a key is indented deeper than the key above expects", () => {
    expectError(
      edit("  min_workers: 1", "    min_workers: 1"),
      "",
      7,
      5,
      /^line 7 is indented deeper than the key above it expects: "type" on line 6 already has a value; start "min_workers" in the same column as "type"$/,
    );
  });
  it("finds the over-indented line past blank lines and comments, inside an agent definition", () => {
    expectError(
      edit("    role: worker", "\n    # the helpers\n       role: worker"),
      "",
      16,
      8,
      /^line 16 is indented deeper .* "name" on line 13 /,
    );
  });
  it("says which line is indented differently from its sibling keys", () => {
    expectError(edit("  max_workers: 3", " max_workers: 3"), "", 8, 2, /^line 8 is indented differently from the keys before it/);
  });
  it("rejects a document that is a list", () => {
    expectError("- a\n- b\n", "", 1, 1, /must be a mapping/);
  });
  it("rejects an empty document", () => {
    expectError("# nothing here\n", "", 1, 1, /empty/);
  });
});

describe("rule 2: types and formats", () => {
  it("metadata.id: letters, digits and single hyphens", () => {
    expectError(edit("id: demo-v1", "id: -demo"), "metadata.id", 2, 7, /hyphen/);
    expectError(edit("id: demo-v1", "id: demo--v1"), "metadata.id", 2, 7, /hyphen/);
    expectError(edit("id: demo-v1", `id: ${"a".repeat(65)}`), "metadata.id", 2, 7, /at most 64/);
  });
  it("metadata.name: not blank", () => {
    expectError(edit("name: Demo", 'name: "   "'), "metadata.name", 3, 9, /not be empty/);
  });
  it("metadata.version: a semantic version", () => {
    expectError(edit("version: 1.0.0", "version: 1.0"), "metadata.version", 4, 12, /semantic version/);
    expect(validateBlueprint(edit("version: 1.0.0", "version: 2.1.0-rc.1")).valid).toBe(true);
  });
  it("a missing required field points at its parent key", () => {
    expectError(edit("  id: demo-v1\n", ""), "metadata.id", 1, 1, /"id" is required/);
  });
  it("metadata.tags: a list of strings", () => {
    expectError(edit("  version: 1.0.0\n", "  version: 1.0.0\n  tags: marketing\n"), "metadata.tags", 5, 9, /list of strings/);
  });
  it("cluster.type: one of the four, with a hint", () => {
    expectError(edit("type: team", "type: teem"), "cluster.type", 6, 9, /did you mean "team"/);
  });
  it("cluster worker bounds are whole numbers from 0 to 1000", () => {
    expectError(edit("min_workers: 1", "min_workers: -1"), "cluster.min_workers", 7, 16, /0 or more/);
    expectError(edit("max_workers: 3", "max_workers: 1001"), "cluster.max_workers", 8, 16, /at most 1000/);
    expectError(edit("min_workers: 1", "min_workers: 1.5"), "cluster.min_workers", 7, 16, /whole number/);
  });
  it("min_workers may not exceed max_workers", () => {
    expectError(edit("max_workers: 3", "max_workers: 0"), "cluster.min_workers", 7, 16, /greater than max_workers/);
  });
  it("cluster.target_workers lies within the bounds", () => {
    expectError(edit("  max_workers: 3\n", "  max_workers: 3\n  target_workers: 4\n"), "cluster.target_workers", 9, 19, /within/);
  });
  it("cluster.scaling: a known metric and a positive target", () => {
    const scaling = (body: string) => edit("  max_workers: 3\n", `  max_workers: 3\n  scaling:\n${body}`);
    expectError(scaling("    metric: queue-depth\n    target_value: 5\n"), "cluster.scaling.metric", 10, 13, /did you mean "queue_depth"/);
    expectError(
      scaling("    metric: queue_size\n    target_value: 5\n"),
      "cluster.scaling.metric",
      10,
      13,
      /metric must be one of queue_depth, tasks_per_minute/,
    );
    expectError(scaling("    metric: queue_depth\n    target_value: 0\n"), "cluster.scaling.target_value", 11, 19, /greater than 0/);
    expectError(scaling("    metric: cpu_utilization\n    target_value: 70\n"), "cluster.scaling.target_value", 11, 19, /fraction/);
    expectError(scaling("    target_value: 5\n"), "cluster.scaling.metric", 9, 3, /"metric" is required/);
  });
  it("agent name: letters, digits, - and _", () => {
    expectError(edit("name: helper", "name: help er"), "agents[1].name", 13, 11, /letters, digits/);
  });
  it("agent role: one of the four, with a hint", () => {
    expectError(edit("role: supervisor", "role: superviser"), "agents[0].role", 11, 11, /did you mean "supervisor"/);
  });
  it("count: 1 to 1000, ranges for workers only", () => {
    expectError(edit("count: 1-3", "count: 0"), "agents[1].count", 15, 12, /whole number from 1/);
    expectError(edit("capabilities: [planning]", "capabilities: [planning]\n    count: 2-3"), "agents[0].count", 13, 12, /workers only/);
    expectError(edit("count: 1-3", "count: 3-1"), "agents[1].count", 15, 12, /starts above its end/);
    expectError(edit("count: 1-3", "count: 1-1001"), "agents[1].count", 15, 12, /ends above 1000/);
  });
  it("unknown keys are errors with a did-you-mean hint", () => {
    expectError(
      edit("count: 1-3", "count: 1-3\n    reportsto: boss"),
      "agents[1].reportsto",
      16,
      5,
      /unknown key "reportsto"; did you mean "reports_to"/,
    );
    expectError(edit("cluster:\n", "clustr: {}\ncluster:\n"), "clustr", 5, 1, /did you mean "cluster"/);
  });
  it("keys inside config maps are free-form", () => {
    expect(
      validateBlueprint(edit("  max_workers: 3\n", "  max_workers: 3\n  config: { anything: [1, 2], nested: { x: y } }\n")).valid,
    ).toBe(true);
  });
});

describe("rule 3: exactly one supervisor", () => {
  it("a missing or empty agent list is reported once, not echoed by the other rules", () => {
    const withoutAgents = BASE.slice(0, BASE.indexOf("agents:"));
    expectError(withoutAgents, "agents", 1, 1, /"agents" is required/);
    expectError(`${withoutAgents}agents: []\n`, "agents", 9, 9, /at least one agent definition/);
  });

  it("reports a blueprint with no supervisor", () => {
    expectError(edit("role: supervisor", "role: lead"), "agents", 9, 1, /no agent definition has role "supervisor"/);
  });
  it("reports a second supervisor at its role", () => {
    expectError(
      `${BASE}  - name: boss-2\n    role: supervisor\n    capabilities: [x]\n`,
      "agents[2].role",
      18,
      11,
      /only one supervisor is allowed; agents\[0\] is already/,
    );
  });
  it("the supervisor's count is 1", () => {
    expectError(edit("capabilities: [planning]", "capabilities: [planning]\n    count: 2"), "agents[0].count", 13, 12, /count must be 1/);
  });
  it("the supervisor has no reports_to", () => {
    expectError(
      edit("capabilities: [planning]", "capabilities: [planning]\n    reports_to: helper"),
      "agents[0].reports_to",
      13,
      5,
      /reports to no one/,
    );
  });
});

const WITH_LEAD = `${BASE}  - name: lead-a
    role: lead
    capabilities: [leading]
  - name: expert
    role: specialist
    reports_to: lead-a
    capabilities: [knowing]
`;

describe("rule 4: reports_to names another definition, without cycles", () => {
  it("reports an unknown name with a hint", () => {
    expectError(
      edit("reports_to: lead-a", "reports_to: lead_a", WITH_LEAD),
      "agents[3].reports_to",
      22,
      17,
      /no agent definition is named "lead_a"; did you mean "lead-a"/,
    );
  });
  it("reports an agent reporting to itself", () => {
    expectError(edit("reports_to: lead-a", "reports_to: expert", WITH_LEAD), "agents[3].reports_to", 22, 17, /itself/);
  });
  it("reports a cycle once", () => {
    const cyclic =
      edit("role: lead\n", "role: lead\n    reports_to: lead-b\n", WITH_LEAD) +
      "  - name: lead-b\n    role: lead\n    reports_to: lead-a\n    capabilities: [x]\n";
    expectError(cyclic, "agents[2].reports_to", 19, 17, /cycle: lead-a -> lead-b -> lead-a/);
  });
});

describe("rule 5: report upwards, never to a worker", () => {
  it("a lead may not report to a specialist", () => {
    const text = `${WITH_LEAD}  - name: lead-b\n    role: lead\n    reports_to: expert\n    capabilities: [x]\n`;
    expectError(text, "agents[4].reports_to", 26, 17, /lead may report only to .* equal or higher rank.*specialist/);
  });
  it("no one reports to a worker", () => {
    expectError(edit("reports_to: lead-a", "reports_to: helper", WITH_LEAD), "agents[3].reports_to", 22, 17, /is a worker/);
  });
  it("equal rank is allowed", () => {
    const text = `${WITH_LEAD}  - name: expert-2\n    role: specialist\n    reports_to: expert\n    capabilities: [x]\n`;
    expect(validateBlueprint(text).errors).toEqual([]);
  });
});

describe("rule 6: the worker groups realize every total in [min_workers, max_workers]", () => {
  it("min_workers below the groups' lower bounds says by how much", () => {
    expectError(
      edit("count: 1-3", "count: 2-3"),
      "cluster.min_workers",
      7,
      16,
      /min_workers \(1\) is 1 below the 2 workers.*raise min_workers to 2/,
    );
  });
  it("max_workers above the groups' upper bounds says by how much", () => {
    expectError(
      edit("max_workers: 3", "max_workers: 5"),
      "cluster.max_workers",
      8,
      16,
      /max_workers \(5\) is 2 above the 3 workers.*lower max_workers to 3/,
    );
  });
  it("a cluster without workers must have max_workers 0", () => {
    const text = edit("  - name: helper\n    role: worker\n    count: 1-3\n    capabilities: [doing]\n", "");
    expect(validateBlueprint(text).errors.map((finding) => finding.path)).toEqual(["cluster.max_workers"]);
    expect(validateBlueprint(edit("min_workers: 1", "min_workers: 0", text.replace("max_workers: 3", "max_workers: 0"))).valid).toBe(true);
  });
});

describe("rule 7: sizes", () => {
  it("rejects a text over 256 KiB", () => {
    expectError(`${BASE}# ${"x".repeat(256 * 1024)}\n`, "", 1, 1, /at most 256 KiB/);
  });
  it("rejects nesting deeper than 32 levels", () => {
    const deep = edit("  max_workers: 3\n", `  max_workers: 3\n  config: { a: ${"[".repeat(40)}${"]".repeat(40)} }\n`);
    expectError(
      deep,
      "cluster.config.a[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]",
      9,
      45,
      /deeper than 32/,
    );
  });
  it("rejects more than 100 aliases", () => {
    const aliases = Array.from({ length: 101 }, () => "*x").join(", ");
    expectError(
      edit("  max_workers: 3\n", `  max_workers: 3\n  config: { x: &x 1, list: [${aliases}] }\n`),
      "",
      1,
      1,
      /101 aliases; at most 100/,
    );
  });
  it("rejects more than 1000 non-worker agents", () => {
    const text = `${WITH_LEAD.replace("role: specialist\n", "role: specialist\n    count: 1000\n")}`;
    expectError(text, "agents", 9, 1, /non-worker agents number 1002; at most 1000/);
  });
});

describe("warnings", () => {
  it("a definition without an executor, when the cluster names no default", () => {
    const ownOnly = `${BASE}    executor: { type: simulate }\n`;
    expect(validateBlueprint(ownOnly).warnings).toEqual([
      {
        severity: "warning",
        path: "agents[0].name",
        line: 10,
        column: 11,
        message: '"boss" has no executor (neither its own nor cluster.config.executor); its tasks would fail',
      },
    ]);
  });
  it("a definition with no capabilities", () => {
    const result = validateBlueprint(edit("    capabilities: [doing]\n", "", RUNNABLE));
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([
      { severity: "warning", path: "agents[1].name", line: 14, column: 11, message: '"helper" lists no capabilities' },
    ]);
  });
  it("a scaling section on a cluster that cannot scale", () => {
    const text = edit(
      "max_workers: 3",
      "max_workers: 1\n  scaling: { metric: queue_depth, target_value: 4 }",
      edit("count: 1-3", "count: 1", RUNNABLE),
    );
    const result = validateBlueprint(text);
    expect(result.valid).toBe(true);
    expect(result.warnings.map(({ path, line, column }) => ({ path, line, column }))).toEqual([
      { path: "cluster.scaling", line: 9, column: 12 },
    ]);
  });
  it("duplicated tags", () => {
    const result = validateBlueprint(edit("  version: 1.0.0\n", "  version: 1.0.0\n  tags: [a, b, a]\n", RUNNABLE));
    expect(result.valid).toBe(true);
    expect(result.warnings).toMatchObject([{ path: "metadata.tags[2]", line: 5, column: 16, message: 'the tag "a" is listed twice' }]);
  });
});

describe("executors", () => {
  it("knows the keys of each type, concurrency's bounds and *_env names", () => {
    const withExecutor = (executor: string) => edit("  max_workers: 3\n", `  max_workers: 3\n  config: { executor: ${executor} }\n`);
    expectError(
      withExecutor("{ type: ollama }"),
      "cluster.config.executor.type",
      9,
      31,
      /executor must be a mapping whose type is one of a2a, openai, simulate/,
    );
    expectError(
      withExecutor("{ type: openai, base_url: http://127.0.0.1:11434/v1 }"),
      "cluster.config.executor.model",
      9,
      13,
      /"model" is required/,
    );
    expectError(
      withExecutor("{ type: a2a, url: ftp://agents.example.com }"),
      "cluster.config.executor.url",
      9,
      41,
      /http:\/\/ or https:\/\/ URL/,
    );
    expectError(
      withExecutor("{ type: a2a, url: http://a.example.com, api_key_env: my-token }"),
      "cluster.config.executor.api_key_env",
      9,
      76,
      /environment variable name/,
    );
    expectError(withExecutor("{ type: simulate, url: http://a.example.com }"), "cluster.config.executor.url", 9, 41, /unknown key "url"/);
    expectError(`${RUNNABLE}    concurrency: 65\n`, "agents[1].concurrency", 18, 18, /at most 64/);
    expectError(`${RUNNABLE}    concurrency: 0\n`, "agents[1].concurrency", 18, 18, /at least 1/);
    expect(validateBlueprint(`${RUNNABLE}    concurrency: 64\n`).valid).toBe(true);
  });

  it("refuses a link-local or cloud metadata address at the URL that names it", () => {
    expectError(
      edit("  max_workers: 3\n", '  max_workers: 3\n  config: { executor: { type: a2a, url: "http://169.254.169.254/latest" } }\n'),
      "cluster.config.executor.url",
      9,
      41,
      /^169\.254\.169\.254 is a link-local address \(169\.254\.0\.0\/16\), where cloud metadata services answer; the console never calls link-local or cloud metadata addresses$/,
    );
    expectError(
      `${RUNNABLE}    executor: { type: openai, base_url: "http://[fd00:ec2::254]/v1", model: m }\n`,
      "agents[1].executor.base_url",
      18,
      41,
      /^fd00:ec2::254 is a cloud metadata address; the console never calls/,
    );
  });

  it("leaves host names to the call, which checks the addresses they resolve to", () => {
    const text = `${RUNNABLE}    executor: { type: a2a, url: "http://metadata.google.internal/" }\n`;
    expect(validateBlueprint(text)).toMatchObject({ valid: true, warnings: [] });
  });
});

describe("many errors at once", () => {
  it("reports every finding, in text order", () => {
    const text = `metadata:
  id: bad id
  version: one
cluster:
  type: squad
  min_workers: 5
  max_workers: 2
agents:
  - name: boss
    role: lead
    reprots_to: nobody
  - name: boss
    role: worker
    count: 1-2
    reports_to: ghost
`;
    const result = validateBlueprint(text);
    expect(result.valid).toBe(false);
    expect(result.errors.map(({ path, line, column }) => `${path}@${line}:${column}`)).toEqual([
      "metadata.name@1:1",
      "metadata.id@2:7",
      "metadata.version@3:12",
      "cluster.type@5:9",
      "cluster.min_workers@6:16",
      "agents@8:1",
      "agents[0].reprots_to@11:5",
      "agents[1].name@12:11",
      "agents[1].reports_to@15:17",
    ]);
  });
});
