// zod's issues as problem+json field errors: paths as a client writes them, unknown keys one by
// one, and a union reported by the shape the body came closest to.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { zodFieldErrors } from "./problem";

const errorsOf = (schema: z.ZodType, value: unknown) => zodFieldErrors(schema.safeParse(value).error!);

describe("zodFieldErrors", () => {
  it("writes array indices in brackets and names each unknown key", () => {
    const schema = z.strictObject({ points: z.array(z.strictObject({ value: z.number({ error: "must be a number" }) })) });
    expect(errorsOf(schema, { points: [{ value: 1 }, { value: "x", extra: 1 }], other: true })).toEqual([
      { path: "points[1].value", message: "must be a number" },
      { path: "points[1].extra", message: 'unknown field "extra"' },
      { path: "other", message: 'unknown field "other"' },
    ]);
  });

  it("reports a union by the shape the value came closest to", () => {
    const one = z.strictObject({
      input: z.string({ error: "input must be a string" }),
      priority: z.int().max(9, { error: "at most 9" }).optional(),
    });
    const schema = z.union([z.strictObject({ tasks: z.array(one).min(1, { error: "send at least one" }) }), one]);
    expect(errorsOf(schema, { tasks: [{ input: "a" }, { input: "b", priority: 12 }] })).toEqual([
      { path: "tasks[1].priority", message: "at most 9" },
    ]);
    expect(errorsOf(schema, { tasks: [] })).toEqual([{ path: "tasks", message: "send at least one" }]);
    expect(errorsOf(schema, { input: 3 })).toEqual([{ path: "input", message: "input must be a string" }]);
  });
});
