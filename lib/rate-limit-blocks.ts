// A request budget counted in a shared store (Redis, PostgreSQL) without a store round trip on
// every request: each console instance takes points from the store in blocks and spends them from
// memory, taking the next block when one is spent.
//
// What that costs, and what it never does:
// - No instance admits a request whose point the store did not count: together the instances never
//   admit more than the budget.
// - An instance may hold up to a block less one of points it took and has not spent yet, and a
//   block the store refuses for want of points wastes what was left (less than a block). Across N
//   instances, a caller may so be refused up to (N + 1) blocks before its budget is truly spent: a
//   block is a hundredth of the budget (and at most 100 points), so at most about N + 1 percent.
// - Points in memory end with the store's window, whose remaining time each block carries.
// A budget smaller than 200 points has blocks of one point: every request asks the store, as before.
import { LRUCache } from "lru-cache";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";

/** A budget's points are taken in blocks of this share of them... */
const BLOCK_SHARE = 100;
/** ...but never more than this many, so the store's count stays close to what was spent. */
const MAX_BLOCK = 100;
/** Callers with a block in memory at once; the least recently seen go first (their points unspent). */
const MAX_CALLERS = 10_000;

/** What the request budgets need of a limiter: its budget per window, and one request's point taken. */
export interface PointSpender {
  readonly points: number;
  consume(key: string): Promise<RateLimiterRes>;
}

interface Block {
  /** Points taken from the store and not spent yet. */
  left: number;
  /** What the store had left for everyone after this block was taken. */
  leftInStore: number;
  /** When the store's window, and so this block, ends (Date.now() time). */
  endsAt: number;
}

export function blockSizeFor(points: number): number {
  return Math.max(1, Math.min(MAX_BLOCK, Math.floor(points / BLOCK_SHARE)));
}

/** `limiter` spending its shared store's points in blocks; a budget too small for blocks keeps `limiter` itself. */
export function spendInBlocks(limiter: RateLimiterAbstract): PointSpender {
  const size = blockSizeFor(limiter.points);
  return size === 1 ? limiter : new BlockSpender(limiter, size);
}

export class BlockSpender implements PointSpender {
  private readonly blocks = new LRUCache<string, Block>({ max: MAX_CALLERS });
  /** A block being taken per caller: one at a time, so concurrent requests do not each take one. */
  private readonly taking = new Map<string, Promise<void>>();

  constructor(
    private readonly store: RateLimiterAbstract,
    readonly blockSize: number,
  ) {}

  get points(): number {
    return this.store.points;
  }

  /** Spends one point of `key`'s budget; rejects with the store's RateLimiterRes when it is spent. */
  async consume(key: string): Promise<RateLimiterRes> {
    for (;;) {
      const now = Date.now();
      const block = this.blocks.get(key);
      if (block && block.left > 0 && now < block.endsAt) {
        block.left -= 1;
        const left = block.leftInStore + block.left;
        return new RateLimiterRes(left, block.endsAt - now, this.points - left, false);
      }
      const underway = this.taking.get(key);
      if (underway) {
        await underway;
        continue;
      }
      const taken = this.takeBlock(key, block && now < block.endsAt ? block.leftInStore : this.blockSize);
      this.taking.set(
        key,
        taken.then(
          () => {},
          () => {},
        ),
      );
      try {
        await taken;
      } finally {
        this.taking.delete(key);
      }
    }
  }

  /** Takes a block from the store: never more than the store had left at the last block, when that is known. */
  private async takeBlock(key: string, knownLeft: number): Promise<void> {
    const size = Math.max(1, Math.min(this.blockSize, knownLeft));
    const taken = await this.store.consume(key, size);
    const endsAt = Date.now() + taken.msBeforeNext;
    this.blocks.set(key, { left: size, leftInStore: taken.remainingPoints, endsAt }, { ttl: Math.max(1, taken.msBeforeNext) });
  }
}
