import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { batchKeys } from "./batched-keys";

describe("batchKeys", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("hands the first key over at once, then what a burst gathered once per interval, each key once", () => {
    const handed: string[][] = [];
    const batch = batchKeys(1_000, (keys) => handed.push([...keys]));
    batch.add("a");
    expect(handed).toEqual([["a"]]);
    for (const key of ["b", "c", "b", "a", "c"]) batch.add(key);
    vi.advanceTimersByTime(999);
    expect(handed).toEqual([["a"]]);
    vi.advanceTimersByTime(1);
    expect(handed).toEqual([["a"], ["b", "c", "a"]]);
    vi.advanceTimersByTime(5_000);
    expect(handed).toHaveLength(2);
  });

  it("hands over nothing after cancel, and starts afresh on the next key", () => {
    const handed: string[][] = [];
    const batch = batchKeys(1_000, (keys) => handed.push([...keys]));
    batch.add("a");
    batch.add("b");
    batch.cancel();
    vi.advanceTimersByTime(5_000);
    expect(handed).toEqual([["a"]]);
    batch.add("c");
    expect(handed).toEqual([["a"], ["c"]]);
  });
});
