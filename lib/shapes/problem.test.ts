import { describe, expect, it } from "vitest";
import { PROBLEM_CODES, PROBLEM_TYPE_BASE, problem, type ProblemCode } from "./problem";

describe("problem codes", () => {
  it("make the type, and the table gives status and title", () => {
    expect(problem("stale-revision", "changed since revision 3")).toEqual({
      type: `${PROBLEM_TYPE_BASE}stale-revision`,
      title: "Stale revision",
      status: 409,
      detail: "changed since revision 3",
    });
  });

  it("keep the types clients matched on before codes were explicit (the slug of each title)", () => {
    for (const [code, { title }] of Object.entries(PROBLEM_CODES)) {
      expect(title.toLowerCase().replace(/[^a-z0-9]+/g, "-"), code).toBe(code satisfies string as ProblemCode);
    }
  });
});
