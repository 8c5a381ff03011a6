// What `db copy` reports: the rows of each table on both sides, the tables it left behind, and the
// errors that stop it (a refusal before anything was written, or counts that disagree after).
import type { SkippedTable } from "./copy-plan";

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

export interface CopyReport {
  tables: TableCount[];
  skipped: readonly SkippedTable[];
  /** Migrations the copy applied to the target before writing (empty when it was migrated already). */
  migrationsApplied: string[];
  durationMs: number;
}

/** The copy did not start: the source or the target is not fit for it. Nothing was written. */
export class CopyRefusedError extends Error {
  override name = "CopyRefusedError";
}

/** A table's rows differ in number after the copy; the target's transaction was rolled back. */
export class CopyMismatchError extends Error {
  override name = "CopyMismatchError";
  constructor(readonly tables: TableCount[]) {
    const wrong = tables.filter((count) => count.source !== count.target).map((count) => count.table);
    super(`the row counts differ in ${wrong.join(", ")}; nothing was kept in the target`);
  }
}

/** The counts as a plain-text table, one line per table, a mismatch marked. */
export function formatCountTable(tables: readonly TableCount[]): string {
  const rows = tables.map((count) => [
    count.table,
    String(count.source),
    String(count.target),
    count.source === count.target ? "ok" : "MISMATCH",
  ]);
  const header = ["table", "sqlite", "postgresql", ""];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 1 || column === 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
