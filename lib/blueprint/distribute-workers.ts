// distributeWorkers: the one place that decides how many workers each worker group holds, for
// creation, manual scaling and the autoscaler alike (spec: "Distributing a worker total").

export interface WorkerGroupBounds {
  /** The group's lower bound (the MIN of its count range). */
  lo: number;
  /** The group's upper bound (the MAX of its count range). */
  hi: number;
}

export class WorkerTotalOutOfRangeError extends RangeError {
  constructor(
    readonly total: number,
    readonly min: number,
    readonly max: number,
  ) {
    super(`a worker total of ${total} is outside what the worker groups can hold [${min}, ${max}]`);
    this.name = "WorkerTotalOutOfRangeError";
  }
}

/** The worker totals the groups can realize: from the sum of their lower to the sum of their upper bounds. */
export function workerTotalRange(groups: readonly WorkerGroupBounds[]): { min: number; max: number } {
  return {
    min: groups.reduce((sum, group) => sum + group.lo, 0),
    max: groups.reduce((sum, group) => sum + group.hi, 0),
  };
}

/**
 * Every group starts at its `lo`; each further worker goes to the group with the smallest fill
 * `(count - lo) / (hi - lo)` among groups below `hi`, ties to the group declared first.
 *
 * The result depends on the total alone, so scaling down to a total and back up always returns to
 * the same distribution. Scaling down therefore removes the worker added last in that order: from
 * the group whose newest worker was added at the largest fill, ties to the group declared last
 * (see docs/blueprint-rules.md for why this refines the spec's "largest fill").
 */
export function distributeWorkers(groups: readonly WorkerGroupBounds[], total: number): number[] {
  const { min, max } = workerTotalRange(groups);
  if (!Number.isInteger(total) || total < min || total > max) throw new WorkerTotalOutOfRangeError(total, min, max);
  const counts = groups.map((group) => group.lo);
  for (let placed = min; placed < total; placed++) {
    let best = -1;
    for (let index = 0; index < groups.length; index++) {
      const group = groups[index]!;
      if (counts[index]! >= group.hi) continue;
      if (
        best === -1 ||
        hasSmallerFill(
          counts[index]! - group.lo,
          group.hi - group.lo,
          counts[best]! - groups[best]!.lo,
          groups[best]!.hi - groups[best]!.lo,
        )
      ) {
        best = index;
      }
    }
    counts[best]!++;
  }
  return counts;
}

/** a/ra < b/rb without floating point, so equal fills always tie exactly. */
function hasSmallerFill(a: number, ra: number, b: number, rb: number): boolean {
  return a * rb < b * ra;
}
