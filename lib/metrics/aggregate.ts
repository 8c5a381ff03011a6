// One summary of many values (count, sum, min, max): what a minute row holds and what a step of a
// query returns. Merging is associative, so minutes fold into steps the way points fold into minutes.
/** Aggregates are kept per minute; `minute` columns count minutes since the epoch. */
export const MINUTE_MS = 60_000;
export const epochMinute = (ms: number): number => Math.floor(ms / MINUTE_MS);

export interface Aggregate {
  count: number;
  sum: number;
  min: number;
  max: number;
}

export const aggregateOf = (value: number): Aggregate => ({ count: 1, sum: value, min: value, max: value });

/** Folds `next` into the aggregate stored under `key`. */
export function foldInto<Key>(aggregates: Map<Key, Aggregate>, key: Key, next: Aggregate): void {
  const current = aggregates.get(key);
  if (!current) {
    aggregates.set(key, { ...next });
    return;
  }
  current.count += next.count;
  current.sum += next.sum;
  current.min = Math.min(current.min, next.min);
  current.max = Math.max(current.max, next.max);
}
