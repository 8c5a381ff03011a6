import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXAMPLE_BLUEPRINTS } from "./example-blueprints";
import { blueprintJsonSchema } from "./schema";
import { validateBlueprint } from "./validate";

describe("the example blueprints", () => {
  const files = EXAMPLE_BLUEPRINTS.map((example) => example.file);

  it("are five or more", () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)("%s is valid, without warnings, with ranges, scaling and three levels of reports_to", (file) => {
    const result = validateBlueprint(readFileSync(`blueprints/${file}`));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const blueprint = result.blueprint!;
    expect(blueprint.cluster.scaling).toBeDefined();
    expect(blueprint.agents.some((agent) => typeof agent.count === "string")).toBe(true);
    const parentOf = new Map(blueprint.agents.map((agent) => [agent.name, agent.reports_to]));
    const depth = (name: string): number => {
      const parent = parentOf.get(name);
      return parent ? 1 + depth(parent) : 1;
    };
    expect(Math.max(...blueprint.agents.map((agent) => depth(agent.name)))).toBeGreaterThanOrEqual(3);
  });
});

describe("blueprintJsonSchema", () => {
  it("describes the format for the editor, with the count's two forms", () => {
    const schema = blueprintJsonSchema() as unknown as {
      required: string[];
      additionalProperties: boolean;
      properties: { agents: { items: { properties: { count: { anyOf: Array<{ type: string }> } } } } };
    };
    expect(schema.required).toEqual(["metadata", "cluster", "agents"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.agents.items.properties.count.anyOf.map((option) => option.type)).toEqual(["integer", "string"]);
  });

  it("completes executor as one of its three types, in a definition and as the cluster's default, and bounds concurrency", () => {
    type Executor = { oneOf: Array<{ properties: { type: { const: string } } & Record<string, unknown>; required: string[] }> };
    const schema = blueprintJsonSchema() as unknown as {
      properties: {
        agents: { items: { properties: { executor: Executor; concurrency: { type: string; minimum: number; maximum: number } } } };
        cluster: { properties: { config: { properties: { executor: Executor }; additionalProperties: unknown } } };
      };
    };
    const agent = schema.properties.agents.items.properties;
    for (const executor of [agent.executor, schema.properties.cluster.properties.config.properties.executor]) {
      expect(executor.oneOf.map((option) => [option.properties.type.const, option.required])).toEqual([
        ["a2a", ["type", "url"]],
        ["openai", ["type", "base_url", "model"]],
        ["simulate", ["type"]],
      ]);
      expect(Object.keys(executor.oneOf[1]!.properties)).toEqual([
        "type",
        "base_url",
        "model",
        "api_key_env",
        "temperature",
        "max_tokens",
        "timeout_s",
      ]);
    }
    expect(agent.concurrency).toMatchObject({ type: "integer", minimum: 1, maximum: 64 });
  });
});
