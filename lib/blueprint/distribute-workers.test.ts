import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distributeWorkers, type WorkerGroupBounds, WorkerTotalOutOfRangeError } from "./distribute-workers";

const groupsArbitrary = fc.array(
  fc
    .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }))
    .map(([a, b]): WorkerGroupBounds => ({ lo: Math.min(a, b), hi: Math.max(a, b) })),
  { minLength: 1, maxLength: 8 },
);
const sumOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
const bounds = (groups: WorkerGroupBounds[]) => ({ min: sumOf(groups.map((g) => g.lo)), max: sumOf(groups.map((g) => g.hi)) });
/** Groups with a total inside what they can hold. */
const groupsWithTotal = groupsArbitrary.chain((groups) => {
  const { min, max } = bounds(groups);
  return fc.tuple(fc.constant(groups), fc.integer({ min, max }));
});

describe("distributeWorkers", () => {
  it("fills the emptiest group first, ties to the group declared first", () => {
    const groups = [
      { lo: 2, hi: 8 },
      { lo: 0, hi: 4 },
    ];
    expect([2, 3, 4, 5, 6, 12].map((total) => distributeWorkers(groups, total))).toEqual([
      [2, 0],
      [3, 0],
      [3, 1],
      [4, 1],
      [4, 2],
      [8, 4],
    ]);
  });

  it("never gives a worker to a group that is full", () => {
    expect(
      distributeWorkers(
        [
          { lo: 1, hi: 1 },
          { lo: 0, hi: 3 },
        ],
        4,
      ),
    ).toEqual([1, 3]);
  });

  it("rejects a total the groups cannot hold", () => {
    expect(() => distributeWorkers([{ lo: 1, hi: 2 }], 3)).toThrow(WorkerTotalOutOfRangeError);
    expect(() => distributeWorkers([{ lo: 1, hi: 2 }], 0)).toThrow(/outside .* \[1, 2\]/);
    expect(() => distributeWorkers([{ lo: 1, hi: 2 }], 1.5)).toThrow(WorkerTotalOutOfRangeError);
  });

  it("property: the sum equals the total", () => {
    fc.assert(fc.property(groupsWithTotal, ([groups, total]) => sumOf(distributeWorkers(groups, total)) === total));
  });

  it("property: every group stays within its bounds", () => {
    fc.assert(
      fc.property(groupsWithTotal, ([groups, total]) =>
        distributeWorkers(groups, total).every((count, index) => count >= groups[index]!.lo && count <= groups[index]!.hi),
      ),
    );
  });

  it("property: adding one worker changes one group by one", () => {
    fc.assert(
      fc.property(groupsWithTotal, ([groups, total]) => {
        fc.pre(total < bounds(groups).max);
        const before = distributeWorkers(groups, total);
        const after = distributeWorkers(groups, total + 1);
        const changed = after.map((count, index) => count - before[index]!).filter((delta) => delta !== 0);
        expect(changed).toEqual([1]);
      }),
    );
  });

  it("property: scaling down then up returns to the same distribution", () => {
    fc.assert(
      fc.property(groupsWithTotal, fc.nat(), ([groups, total], drop) => {
        const lower = total - (drop % (total - bounds(groups).min + 1));
        const start = distributeWorkers(groups, total);
        distributeWorkers(groups, lower);
        expect(distributeWorkers(groups, total)).toEqual(start);
        // Going down one step at a time removes a worker from one group each step.
        for (let t = total; t > lower; t--) {
          const removed = distributeWorkers(groups, t).map((count, index) => count - distributeWorkers(groups, t - 1)[index]!);
          expect(removed.filter((delta) => delta !== 0)).toEqual([1]);
        }
      }),
    );
  });

  it("property: scaling down takes from the group whose newest worker came at the largest fill, ties to the last declared", () => {
    fc.assert(
      fc.property(groupsWithTotal, ([groups, total]) => {
        fc.pre(total > bounds(groups).min);
        const before = distributeWorkers(groups, total);
        const after = distributeWorkers(groups, total - 1);
        const shrunk = before.findIndex((count, index) => count !== after[index]);
        let expected = -1;
        let expectedFill = -Infinity;
        before.forEach((count, index) => {
          const { lo, hi } = groups[index]!;
          if (count === lo) return;
          const fillBeforeNewest = (count - lo - 1) / (hi - lo);
          if (fillBeforeNewest >= expectedFill) {
            expected = index;
            expectedFill = fillBeforeNewest;
          }
        });
        expect(shrunk).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
