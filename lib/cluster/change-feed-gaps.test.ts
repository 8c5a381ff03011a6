import { describe, expect, it } from "vitest";
import { deliverableChanges } from "./change-feed-gaps";

const rows = (...ids: number[]) => ids.map((id) => ({ id }));
const ids = (result: { deliver: Array<{ id: number }> }) => result.deliver.map((row) => row.id);
const WAIT = 1_000;

describe("deliverableChanges", () => {
  it("hands on every row when the ids follow the cursor without a gap", () => {
    const result = deliverableChanges(rows(11, 12, 13), 10, undefined, 0, WAIT);
    expect(ids(result)).toEqual([11, 12, 13]);
    expect(result.watch).toBeUndefined();
    expect(deliverableChanges([], 10, undefined, 0, WAIT)).toEqual({ deliver: [], watch: undefined });
  });

  it("stops before a missing id and starts watching it", () => {
    const result = deliverableChanges(rows(11, 13, 14), 10, undefined, 5_000, WAIT);
    expect(ids(result)).toEqual([11]);
    expect(result.watch).toEqual({ horizon: 14, since: 5_000 });
    // Nothing after the cursor has shown up yet: everything waits.
    expect(ids(deliverableChanges(rows(12, 13), 10, undefined, 0, WAIT))).toEqual([]);
  });

  it("keeps the first sighting while the same gap stays open, and hands on everything once it fills", () => {
    const watch = { horizon: 14, since: 5_000 };
    const waiting = deliverableChanges(rows(13, 14, 15), 11, watch, 5_500, WAIT);
    expect(ids(waiting)).toEqual([]);
    expect(waiting.watch).toBe(watch);
    const filled = deliverableChanges(rows(12, 13, 14, 15), 11, watch, 5_600, WAIT);
    expect(ids(filled)).toEqual([12, 13, 14, 15]);
    expect(filled.watch).toBeUndefined();
  });

  it("skips the ids missing for the whole wait, but waits anew for a gap beyond the watched ones", () => {
    const watch = { horizon: 14, since: 5_000 };
    const result = deliverableChanges(rows(13, 14, 16, 17), 11, watch, 6_000, WAIT);
    expect(ids(result)).toEqual([13, 14]);
    expect(result.watch).toEqual({ horizon: 17, since: 6_000 });
    expect(ids(deliverableChanges(rows(13, 14, 16, 17), 11, watch, 5_999, WAIT))).toEqual([]);
  });
});
