import { describe, expect, it } from "vitest";

import { CopyMismatchError, formatCountTable } from "./copy-report";

describe("the count table", () => {
  it("aligns the counts and marks a table whose counts differ", () => {
    const tables = [
      { table: "users", source: 3, target: 3 },
      { table: "metric_points", source: 100000, target: 99999 },
    ];
    expect(formatCountTable(tables)).toBe(
      ["table          sqlite  postgresql", "users               3           3  ok", "metric_points  100000       99999  MISMATCH"].join(
        "\n",
      ),
    );
    expect(new CopyMismatchError(tables).message).toBe("the row counts differ in metric_points; nothing was kept in the target");
  });
});
