// The short-lived cache alone: lifetime (from the read's start, or sooner at `until`), the bound on
// entries, one read shared by the callers of a burst, failures never kept, and `forget` winning over
// every read that began before it.
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { ShortLivedCache } from "./short-lived-cache";

const counting = () => {
  const calls = { count: 0 };
  const read = async () => ({ value: { n: ++calls.count } });
  return { calls, read };
};

/** A read that finishes when told to. */
const gated = <V>(value: V) => {
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  return { open, read: async () => (await gate, { value }) };
};

describe("ShortLivedCache", () => {
  it("answers a second get from memory, and reads again once the lifetime is over", async () => {
    const cache = new ShortLivedCache<{ n: number }>({ max: 10, ttlMs: 100 });
    const { calls, read } = counting();
    expect(await cache.get("a", read)).toEqual({ n: 1 });
    expect(await cache.get("a", read)).toEqual({ n: 1 });
    expect(calls.count).toBe(1);
    await sleep(150);
    expect(await cache.get("a", read)).toEqual({ n: 2 });
  });

  it("ends an entry at its `until` when that comes first, and keeps none already past it", async () => {
    const cache = new ShortLivedCache<{ n: number }>({ max: 10, ttlMs: 10_000 });
    const { calls, read } = counting();
    const soon = async () => ({ ...(await read()), until: new Date(Date.now() + 80) });
    await cache.get("a", soon);
    await cache.get("a", soon);
    expect(calls.count).toBe(1);
    await sleep(120);
    await cache.get("a", soon);
    expect(calls.count).toBe(2);
    const past = async () => ({ ...(await read()), until: new Date(Date.now() - 1) });
    await cache.get("b", past);
    await cache.get("b", past);
    expect(calls.count).toBe(4);
  });

  it("counts the lifetime from the read's start: a read slower than it is not kept", async () => {
    const cache = new ShortLivedCache<{ n: number }>({ max: 10, ttlMs: 50 });
    await cache.get("a", async () => {
      await sleep(80);
      return { value: { n: 1 } };
    });
    expect(cache.size).toBe(0);
  });

  it("holds at most `max` entries, dropping the least recently used", async () => {
    const cache = new ShortLivedCache<{ n: number }>({ max: 3, ttlMs: 10_000 });
    const { calls, read } = counting();
    for (const key of ["a", "b", "c", "d", "e"]) await cache.get(key, read);
    expect(cache.size).toBe(3);
    await cache.get("e", read);
    expect(calls.count).toBe(5);
    await cache.get("a", read);
    expect(calls.count).toBe(6);
  });

  it("shares one read among the callers that ask while it is under way", async () => {
    const cache = new ShortLivedCache<{ n: number }>({ max: 10, ttlMs: 10_000 });
    let reads = 0;
    const { open, read } = gated({ n: 1 });
    const counted = () => (reads++, read());
    const answers = Promise.all([cache.get("a", counted), cache.get("a", counted), cache.get("a", counted)]);
    open();
    expect(await answers).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
    expect(reads).toBe(1);
  });

  it("keeps no failure: the callers of the burst get it, the next caller reads again", async () => {
    const cache = new ShortLivedCache<{ n: number }>({ max: 10, ttlMs: 10_000 });
    const failing = () => Promise.reject(new Error("no such row"));
    await expect(Promise.all([cache.get("a", failing), cache.get("a", failing)])).rejects.toThrow("no such row");
    expect(cache.size).toBe(0);
    expect(await cache.get("a", counting().read)).toEqual({ n: 1 });
  });

  it("forgets one key or all, and neither keeps nor shares a read that began before", async () => {
    const cache = new ShortLivedCache<{ n: number }>({ max: 10, ttlMs: 10_000 });
    const { read } = counting();
    await cache.get("a", read);
    await cache.get("b", read);
    cache.forget(["a"]);
    expect(await cache.get("b", read)).toEqual({ n: 2 });
    expect(await cache.get("a", read)).toEqual({ n: 3 });
    cache.forget();
    expect(cache.size).toBe(0);

    const early = gated({ n: 0 });
    const before = cache.get("c", early.read);
    cache.forget(["c"]);
    // Asked after the change: a read of its own, not the one that may have begun before it.
    const after = cache.get("c", read);
    early.open();
    expect(await before).toEqual({ n: 0 });
    expect(await after).toEqual({ n: 4 });
    expect(await cache.get("c", read)).toEqual({ n: 4 });

    const beforeAll = gated({ n: 0 });
    const lookup = cache.get("d", beforeAll.read);
    cache.forget();
    beforeAll.open();
    expect(await lookup).toEqual({ n: 0 });
    expect(cache.size).toBe(0);
  });
});
