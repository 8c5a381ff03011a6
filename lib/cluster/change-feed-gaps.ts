// Which of the change rows just read the reader may hand on, given that ids can commit out of
// order. On PostgreSQL a transaction takes its id when it inserts and shows it when it commits, so
// id 11 may be visible while 10 is still on its way; moving the cursor past 10 would lose it for
// good. The reader therefore stops before a missing id and waits for it a little; an id that stays
// missing that long belonged to a rolled-back transaction and is skipped. On SQLite one writer at
// a time takes ids in commit order and a rollback gives its ids back, so no gap ever opens.

/** Missing ids up to `horizon` were first seen missing at `since` (epoch ms). */
export interface GapWatch {
  horizon: number;
  since: number;
}

export interface DeliverableChanges<Row extends { id: number }> {
  /** The rows to hand on now: every row up to the first gap still worth waiting for. */
  deliver: Row[];
  /** Set while rows are held back behind a gap. */
  watch: GapWatch | undefined;
}

export function deliverableChanges<Row extends { id: number }>(
  rows: readonly Row[],
  cursor: number,
  previous: GapWatch | undefined,
  now: number,
  waitMs: number,
): DeliverableChanges<Row> {
  const expired = previous !== undefined && now - previous.since >= waitMs;
  let expected = cursor + 1;
  let delivered = 0;
  for (const row of rows) {
    // A gap is crossed only when every id in it has been missing for the whole wait.
    if (row.id !== expected && !(expired && row.id - 1 <= previous.horizon)) break;
    expected = row.id + 1;
    delivered++;
  }
  const deliver = rows.slice(0, delivered);
  if (delivered === rows.length) return { deliver, watch: undefined };
  // The same gap as before keeps its first sighting; a new one starts its wait now.
  const sameGap = previous !== undefined && !expired && expected <= previous.horizon;
  return { deliver, watch: sameGap ? previous : { horizon: rows.at(-1)!.id, since: now } };
}
