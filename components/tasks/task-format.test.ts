import { describe, expect, it } from "vitest";
import type { Blueprint } from "@/lib/blueprint/schema";
import { MAX_INPUT_BYTES } from "@/lib/tasks/api-schema";
import {
  capabilitiesFor,
  describeRouting,
  describeTaskDuration,
  EMPTY_TASK_DRAFT,
  formatDuration,
  parseTaskInput,
  previewValue,
  showValue,
  taskDuration,
  taskRoutesOf,
  toTaskRequest,
} from "./task-format";

describe("parseTaskInput", () => {
  it("sends text as one string, unchanged, and JSON as the value it writes", () => {
    expect(parseTaskInput("text", '  {"not": "parsed"}\n')).toEqual({ ok: true, value: '  {"not": "parsed"}\n' });
    expect(parseTaskInput("json", '{"topic": "launch", "n": [1, 2]}')).toEqual({ ok: true, value: { topic: "launch", n: [1, 2] } });
    expect(parseTaskInput("json", '"a string"')).toEqual({ ok: true, value: "a string" });
  });

  it("refuses empty input and JSON that does not parse, saying which", () => {
    expect(parseTaskInput("text", "   ")).toEqual({ ok: false, message: "Write the prompt for the task." });
    const broken = parseTaskInput("json", '{"topic": ');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(/^This is not valid JSON: /);
  });

  it("refuses an input over the API's limit, measured as the JSON the request carries", () => {
    const atLimit = "x".repeat(MAX_INPUT_BYTES - 2);
    expect(parseTaskInput("text", atLimit).ok).toBe(true);
    expect(parseTaskInput("text", `${atLimit}x`)).toEqual({ ok: false, message: "The input is 257 KiB; a task takes at most 256 KiB." });
  });
});

describe("showing values", () => {
  it("shows a string as it is and anything else as indented JSON, markup included as text", () => {
    expect(showValue("<b>hi</b>\nthere")).toBe("<b>hi</b>\nthere");
    expect(showValue({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(showValue(null)).toBe("null");
  });

  it("previews on one line, cut with an ellipsis", () => {
    expect(previewValue("write\n  a   tagline")).toBe("write a tagline");
    expect(previewValue({ topic: "launch" })).toBe('{"topic":"launch"}');
    expect(previewValue("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
  });
});

describe("durations", () => {
  it("reads in the largest sensible unit", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(12_345)).toBe("12.3 s");
    expect(formatDuration(245_000)).toBe("4 min 5 s");
    expect(formatDuration(7_380_000)).toBe("2 h 3 min");
    expect(formatDuration(300_000)).toBe("5 min");
    expect(formatDuration(3_600_000)).toBe("1 h");
  });

  it("counts a running task up to now, a finished one to its end, and nothing before it started", () => {
    const started = "2026-01-01T00:00:00.000Z";
    const now = Date.parse(started) + 3_000;
    expect(taskDuration({ status: "running", started_at: started, finished_at: null }, now)).toEqual({ ms: 3_000, ongoing: true });
    expect(taskDuration({ status: "succeeded", started_at: started, finished_at: "2026-01-01T00:00:01.500Z" }, now)).toEqual({
      ms: 1_500,
      ongoing: false,
    });
    expect(taskDuration({ status: "queued", started_at: null, finished_at: null }, now)).toBeNull();
    // Failed and waiting for its next attempt: the task's view does not say when that attempt ended.
    expect(taskDuration({ status: "failed", started_at: started, finished_at: null }, now)).toBeNull();
    expect(describeTaskDuration({ status: "failed", started_at: started, finished_at: null }, now)).toBe("see attempts");
    expect(describeTaskDuration({ status: "queued", started_at: null, finished_at: null }, now)).toBe("not started");
    expect(describeTaskDuration({ status: "running", started_at: started, finished_at: null }, now)).toBe("3.0 s so far");
  });
});

describe("routing", () => {
  const blueprint = {
    agents: [
      { name: "chief", role: "supervisor", capabilities: ["plan"] },
      { name: "writer", role: "worker", capabilities: ["write", "edit"] },
      { name: "seo", role: "specialist", capabilities: ["edit", "analyze"] },
      { name: "helper", role: "worker" },
    ],
  } as Pick<Blueprint, "agents">;

  it("offers every definition and each capability once, sorted", () => {
    const routes = taskRoutesOf(blueprint);
    expect(routes.definitions.map((definition) => [definition.name, definition.role])).toEqual([
      ["chief", "supervisor"],
      ["writer", "worker"],
      ["seo", "specialist"],
      ["helper", "worker"],
    ]);
    expect(routes.capabilities).toEqual(["analyze", "edit", "plan", "write"]);
    expect(capabilitiesFor(routes, "")).toEqual(routes.capabilities);
    expect(capabilitiesFor(routes, "seo")).toEqual(["edit", "analyze"]);
    expect(capabilitiesFor(routes, "helper")).toEqual([]);
  });

  it("says who may run a task", () => {
    expect(describeRouting({ definition: null, capability: null })).toBe("any worker");
    expect(describeRouting({ definition: "writer", capability: null })).toBe("writer");
    expect(describeRouting({ definition: null, capability: "edit" })).toBe("any agent with edit");
    expect(describeRouting({ definition: "seo", capability: "edit" })).toBe("seo with edit");
  });
});

describe("toTaskRequest", () => {
  it("makes the API's request, with its defaults for the numbers left empty", () => {
    const checked = toTaskRequest({ ...EMPTY_TASK_DRAFT, kind: "json", text: '{"n": 1}', definition: "writer", priority: "9" });
    expect(checked).toEqual({
      ok: true,
      request: { input: { n: 1 }, definition: "writer", priority: 9, timeout_s: 300, max_attempts: 3 },
    });
  });

  it("refuses in the API's own words, every problem at once", () => {
    const checked = toTaskRequest({ ...EMPTY_TASK_DRAFT, text: "go", priority: "10", maxAttempts: "1.5" });
    expect(checked).toEqual({ ok: false, problems: ["priority must be from 0 to 9", "max_attempts must be a whole number"] });
    expect(toTaskRequest({ ...EMPTY_TASK_DRAFT, kind: "json", text: "{" }).ok).toBe(false);
  });
});
